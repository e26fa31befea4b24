"""Totals: the overall dose against the protocol, units per muscle, waste, and what was tailored.

The total is what everyone checks, so it is the biggest text in the panel. Per muscle the table
shows given / standard / allowed (e.g. Temporalis 45 / 40 / 50 U; allowed = standard +
follow-the-pain, docs/clinical-reference.md §2); muscles outside the protocol (custom sites) show
their given units.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from botox_chart.chart import Chart, Totals, format_units
from botox_chart.i18n import _
from botox_chart.protocol import Protocol
from botox_chart.ui.language import QT_TRANSLATE_NOOP
from botox_chart.ui.widgets.chart_form import ChartForm, restyle

SIDE_LETTER = {
    "right": QT_TRANSLATE_NOOP("TotalsView", "R"),
    "left": QT_TRANSLATE_NOOP("TotalsView", "L"),
    "midline": QT_TRANSLATE_NOOP("TotalsView", "mid"),
}
"""A side as the totals' tooltip abbreviates it (R 20 U · L 20 U)."""


class TotalsView(ChartForm):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Totals"), parent)
        self.setObjectName("totalsGroup")
        layout = QVBoxLayout(self)
        self._total = QLabel("0 U")
        self._total.setObjectName("totalUnits")
        font = self._total.font()
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setBold(True)
        self._total.setFont(font)
        self._against = QLabel()
        self._against.setObjectName("totalAgainst")
        self._against.setWordWrap(True)
        top = QGridLayout()
        top.addWidget(self._total, 0, 0, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)
        top.addWidget(self._against, 0, 1, Qt.AlignmentFlag.AlignBottom)
        top.setColumnStretch(1, 1)
        layout.addLayout(top)

        self._grid = QGridLayout()
        self._grid.setHorizontalSpacing(14)
        self._grid.setVerticalSpacing(2)
        self._grid.setColumnStretch(0, 1)
        for column, text in enumerate(
            (self.tr("Muscle"), self.tr("Given"), self.tr("Std"), self.tr("Allowed"))
        ):
            header = QLabel(text)
            header.setObjectName("tableHeader")
            align = Qt.AlignmentFlag.AlignLeft if column == 0 else Qt.AlignmentFlag.AlignRight
            self._grid.addWidget(header, 0, column, align)
        layout.addLayout(self._grid)
        self._rows: dict[str, tuple[QLabel, QLabel, QLabel, QLabel]] = {}

        self._waste = QLabel()
        self._waste.setObjectName("wasteLine")
        self._waste.setWordWrap(True)
        layout.addWidget(self._waste)
        self._deviations = QLabel()
        self._deviations.setObjectName("deviations")
        self._deviations.setWordWrap(True)
        self._deviations.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self._deviations)

    # -- what tests and the user read --------------------------------------------------------

    def total_text(self) -> str:
        return self._total.text()

    def against_text(self) -> str:
        return self._against.text()

    def muscle_line(self, muscle: str) -> str:
        """One row as read aloud, e.g. "Temporalis 45 / 40 / 50 U"."""
        name, given, standard, allowed = (label.text() for label in self._rows[muscle])
        if standard == "—":
            return f"{name} {given} U"
        return f"{name} {given} / {standard} / {allowed} U"

    def waste_text(self) -> str:
        return self._waste.text()

    def deviations_text(self) -> str:
        return self._deviations.text()

    # -- showing a chart -----------------------------------------------------------------------

    def show_chart(self, chart: Chart) -> None:
        protocol = chart.protocol
        totals = chart.totals()
        self._total.setText(f"{format_units(totals.total)} U")
        self._against.setText(
            self.tr("of {standard} U standard · max {most} U\n%n site(s)", "", totals.sites).format(
                standard=format_units(protocol.total_units),
                most=format_units(protocol.max_total_units),
            )
        )
        if totals.total > protocol.max_total_units:
            state = "over_max"
        elif totals.total == protocol.total_units:
            state = "standard"
        elif totals.total > protocol.total_units:
            state = "above_standard"
        else:
            state = "below_standard"
        restyle(self._total, "state", state)
        restyle(self._total, "severity", "error" if state == "over_max" else "")
        self._show_muscles(protocol, totals)
        self._show_waste(chart)
        self._show_deviations(chart)

    def _show_muscles(self, protocol: Protocol, totals: Totals) -> None:
        given = totals.by_muscle
        codes = [m.code for m in protocol.muscles]
        codes += sorted(code for code in given if not protocol.has_muscle(code))
        for code in list(self._rows):
            if code not in codes:
                for label in self._rows.pop(code):
                    self._grid.removeWidget(label)
                    label.hide()
                    label.deleteLater()
        for row, code in enumerate(codes, start=1):
            labels = self._rows.get(code)
            if labels is None:
                labels = (QLabel(), QLabel(), QLabel(), QLabel())
                for label in labels[1:]:
                    label.setAlignment(Qt.AlignmentFlag.AlignRight)
                self._rows[code] = labels
            for column, label in enumerate(labels):
                self._grid.addWidget(label, row, column)
            name, amount, standard, allowed = labels
            units = given.get(code, Decimal(0))
            amount.setText(format_units(units))
            if protocol.has_muscle(code):
                name.setText(_(protocol.muscle_name(code)))
                std, most = protocol.standard_units(code), protocol.allowed_units(code)
                standard.setText(format_units(std))
                allowed.setText(format_units(most))
                state = "over" if units > most else "above" if units > std else ""
                state = state or ("below" if units < std else "")
            else:
                name.setText(
                    self.tr("{muscle} (custom)").format(muscle=_(protocol.muscle_name(code)))
                )
                standard.setText("—")
                allowed.setText("—")
                state = "custom"
            restyle(amount, "state", state)
            restyle(amount, "severity", "warning" if state == "over" else "")
            sides = [
                f"{self.tr(SIDE_LETTER[side])} {format_units(u)} U"
                for (muscle, side), u in totals.by_muscle_side.items()
                if muscle == code
            ]
            tip = " · ".join(sides) if sides else self.tr("Nothing charted")
            for label in labels:
                label.setToolTip(tip)

    def _show_waste(self, chart: Chart) -> None:
        """Units opened − units injected (docs/clinical-reference.md §5), and with several vials
        what each gave and wasted (its size − the units drawn from it)."""
        opened = chart.units_opened
        wasted = chart.units_wasted
        if chart.total_units > opened:
            text = self.tr("Charted {format_units} U but the opened vials hold {opened} U").format(
                format_units=format_units(chart.total_units), opened=opened
            )
            severity = "error"
        elif wasted:
            text = self.tr("Wasted: {format_units} U of {opened} U opened (J0585-JW)").format(
                format_units=format_units(wasted), opened=opened
            )
            severity = ""
        else:
            text = self.tr("No waste: all {opened} U given (JZ)").format(opened=opened)
            severity = ""
        if len(chart.vials) > 1:
            lines = []
            for n, (vial, drawn) in enumerate(zip(chart.vials, chart.drawn(), strict=True), 1):
                lot = vial.lot_number.strip() or self.tr("lot not recorded")
                waste = max(Decimal(vial.units) - drawn, Decimal(0))
                lines.append(
                    self.tr(
                        "Vial {n} ({lot}, {units} U): {format_units} U drawn, {format_units2} U "
                        "wasted"
                    ).format(
                        n=n,
                        lot=lot,
                        units=vial.units,
                        format_units=format_units(drawn),
                        format_units2=format_units(waste),
                    )
                )
            text += "\n" + "\n".join(lines)
        self._waste.setText(text)
        restyle(self._waste, "severity", severity)

    def _show_deviations(self, chart: Chart) -> None:
        if not chart.injections and not chart.omissions:
            self._deviations.setText("")
            self._deviations.hide()
            return
        pending = len(chart.pending_sites())
        lines = [d for d in chart.deviations() if not d.endswith(" not injected")]
        if pending:
            lines.insert(
                0,
                self.tr("%n protocol site(s) not charted yet", "", pending),
            )
        if lines:
            self._deviations.setText(
                self.tr("Changes from protocol:\n") + "\n".join(f"• {d}" for d in lines)
            )
        else:
            self._deviations.setText(self.tr("Standard protocol, no changes."))
        self._deviations.show()
