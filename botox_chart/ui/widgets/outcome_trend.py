"""Is the treatment working? A small trend chart of the patient's headache and migraine days per
28 days at each visit, with the baseline and the response line of the rule profile, and the
verdict under each profile the clinic uses (NICE TA260 and, if set, its payer's).

The figures and the verdicts come from ``botox_chart.outcomes`` (pure); this widget only draws
them. Headache and migraine days differ by line style and mark as well as colour; a visit without
a figure leaves a gap, never a zero. The verdict is advice, never a block.
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from botox_chart.outcomes import PER_28
from botox_chart.ui.language import QT_TRANSLATE_NOOP
from botox_chart.ui.style import set_style_property

if TYPE_CHECKING:
    from botox_chart.outcomes import RuleProfile, Trend, Verdict

HEADACHE = QColor("#1565c0")
MIGRAINE = QColor("#6a1b9a")
BASELINE = QColor("#607d8b")
THRESHOLD = QColor("#c77700")
GRID = QColor("#cfd8dc")
CHART_HEIGHT = 104
VERDICT_WORDS = {
    "continue": "continue",
    "stop-not-responding": QT_TRANSLATE_NOOP("OutcomeTrend", "stop: not responding"),
    "stop-episodic": QT_TRANSLATE_NOOP("OutcomeTrend", "stop: now episodic"),
    "insufficient-data": QT_TRANSLATE_NOOP("OutcomeTrend", "not enough data"),
}
SEVERITY = {"continue": "ok", "stop-not-responding": "warning", "stop-episodic": "warning"}


class TrendChart(QWidget):
    """The chart itself: one column per visit, days per 28 days upwards."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outcomeChart")
        self.setMinimumHeight(CHART_HEIGHT)
        self._trend: Trend | None = None

    def set_trend(self, trend: Trend | None) -> None:
        self._trend = trend
        self.update()

    def trend(self) -> Trend | None:
        return self._trend

    def sizeHint(self) -> QSize:
        return QSize(320, CHART_HEIGHT)

    def value_y(self, value: Decimal, plot: QRectF) -> float:
        """Where ``value`` (days per 28) is drawn in ``plot``."""
        top = max(self._scale(), Decimal(1))
        return plot.bottom() - float(value / top) * plot.height()

    def plot_rect(self) -> QRectF:
        return QRectF(30, 8, max(self.width() - 40, 10), self.height() - 30)

    def _scale(self) -> Decimal:
        """The top of the axis, as on the record's chart: 28 days, or the next week above the
        highest figure (a few days never fill the chart; the same figure sits at the same
        height on screen and on paper)."""
        highest = self._trend.highest() if self._trend is not None else Decimal(0)
        return Decimal(max(PER_28, math.ceil(highest / 7) * 7))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        plot = self.plot_rect()
        small = QFont(self.font())
        small.setPointSizeF(max(small.pointSizeF() - 1.5, 7.0))
        painter.setFont(small)
        painter.setPen(QPen(GRID, 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.drawLine(plot.bottomLeft(), plot.topLeft())
        top = self._scale()
        painter.setPen(QPen(BASELINE, 1))
        painter.drawText(
            QRectF(0, plot.top() - 6, 26, 12), Qt.AlignmentFlag.AlignRight, f"{top:.0f}"
        )
        painter.drawText(QRectF(0, plot.bottom() - 6, 26, 12), Qt.AlignmentFlag.AlignRight, "0")
        trend = self._trend
        if trend is None or not trend.points:
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, self.tr("No visit figures yet"))
            painter.end()
            return
        for value, color, style, label in (
            (trend.baseline_headache_per_28, BASELINE, Qt.PenStyle.DashLine, self.tr("baseline")),
            (trend.threshold_per_28, THRESHOLD, Qt.PenStyle.DotLine, self.tr("response line")),
        ):
            if value is None:
                continue
            y = self.value_y(value, plot)
            painter.setPen(QPen(color, 1.5, style))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.drawText(
                QRectF(plot.right() - 120, y - 13, 118, 12), Qt.AlignmentFlag.AlignRight, label
            )
        step = plot.width() / max(len(trend.points), 1)
        xs = [plot.left() + step * (n + 0.5) for n in range(len(trend.points))]
        painter.setPen(QPen(BASELINE, 1))
        for x, point in zip(xs, trend.points, strict=True):
            painter.drawText(
                QRectF(x - 20, plot.bottom() + 3, 40, 14),
                Qt.AlignmentFlag.AlignCenter,
                f"{point.cycle}",
            )
        for values, color, style, square in (
            ([p.headache_per_28 for p in trend.points], HEADACHE, Qt.PenStyle.SolidLine, False),
            ([p.migraine_per_28 for p in trend.points], MIGRAINE, Qt.PenStyle.DashLine, True),
        ):
            self._series(painter, plot, xs, values, color, style, square=square)
        painter.end()

    def _series(
        self,
        painter: QPainter,
        plot: QRectF,
        xs: Sequence[float],
        values: Sequence[Decimal | None],
        color: QColor,
        style: Qt.PenStyle,
        *,
        square: bool,
    ) -> None:
        """A line through the recorded figures (broken where one is missing) and a mark on each."""
        painter.setPen(QPen(color, 2, style))
        previous: QPointF | None = None
        for x, value in zip(xs, values, strict=True):
            if value is None:
                previous = None
                continue
            point = QPointF(x, self.value_y(value, plot))
            if previous is not None:
                painter.drawLine(previous, point)
            previous = point
        painter.setPen(QPen(color, 1.5))
        painter.setBrush(color)
        for x, value in zip(xs, values, strict=True):
            if value is None:
                continue
            mark = QRectF(x - 3.5, self.value_y(value, plot) - 3.5, 7, 7)
            if square:
                painter.drawRect(mark)
            else:
                painter.drawEllipse(mark)
        painter.setBrush(Qt.BrushStyle.NoBrush)


class OutcomeTrend(QWidget):
    """The chart, its key, and one verdict line per profile."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outcomeTrend")
        self.title = QLabel(self.tr("Outcomes (days per 28 days at each visit)"))
        self.title.setObjectName("outcomeTitle")
        self.chart = TrendChart()
        self.key = QLabel(
            self.tr(
                "<span style='color:#1565c0'>● headache days</span> &nbsp; "
                "<span style='color:#6a1b9a'>■ migraine days</span> &nbsp; "
                "<span style='color:#607d8b'>– – baseline</span> &nbsp; "
                "<span style='color:#c77700'>··· response line</span>"
            )
        )
        self.key.setObjectName("outcomeKey")
        self.key.setWordWrap(True)
        self._verdicts: list[QLabel] = []
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(2)
        for widget in (self.title, self.chart, self.key):
            self._layout.addWidget(widget)

    def show_course(
        self,
        trend: Trend | None,
        verdicts: Sequence[tuple[RuleProfile, Verdict]],
        problem: str = "",
    ) -> None:
        """Draw ``trend`` (None: no patient) and say each profile's verdict, and ``problem`` (a
        profile that could not be judged) if there is one."""
        self.chart.set_trend(trend)
        for label in self._verdicts:
            self._layout.removeWidget(label)
            label.deleteLater()
        self._verdicts = []
        for profile, found in verdicts:
            words = (
                self.tr(VERDICT_WORDS[found.code]) if found.code in VERDICT_WORDS else found.code
            )
            label = QLabel(
                self.tr("<b>{escape}: {words}.</b> {escape2}").format(
                    escape=html.escape(profile.title),
                    words=words,
                    escape2=html.escape(found.reason),
                )
            )
            label.setObjectName("outcomeVerdict")
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setProperty("verdict", found.code)
            set_style_property(label, "severity", SEVERITY.get(found.code, ""))
            self._layout.addWidget(label)
            self._verdicts.append(label)
        if problem:
            label = QLabel(problem)
            label.setObjectName("outcomeVerdict")
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            set_style_property(label, "severity", "error")
            self._layout.addWidget(label)
            self._verdicts.append(label)
        self.setAccessibleDescription(
            " ".join(f"{p.title}: {v.code}. {v.reason}" for p, v in verdicts)
        )

    def verdict_texts(self) -> list[str]:
        return [label.text() for label in self._verdicts]
