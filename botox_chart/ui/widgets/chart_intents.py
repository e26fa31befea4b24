"""What the injector's clicks and keys on the diagram mean, as chart edits.

The head diagram only reports intents (a site activated, a dose step, a click on an empty point);
this module decides what they do to the chart, by the chart's own rules, and says why when it
refuses. Every edit goes back through the host (the session editor) as one undo step. A site added
by a click too close to a marker is placed beside it (chart.clear_point), and the status says so.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from botox_chart.chart import (
    Area,
    Chart,
    ChartError,
    SiteState,
    clear_point,
    format_units,
    parse_units,
)
from botox_chart.protocol import Point, Side
from botox_chart.ui.dialogs.site_dialog import SitePrompt, SiteRequest, site_name
from botox_chart.ui.seams import Dialogs
from botox_chart.ui.widgets.chart_form import ChartEdit
from botox_chart.ui.widgets.diagram_art import SHOWN_BOTTOM, SHOWN_TOP, VIEW_WIDTH

MIN_STEPPED_UNITS = Decimal(1)
"""A dose step never goes below 1 U; smaller doses are typed (and removing a site is explicit)."""
SHOWN_AREA = Area(0.0, SHOWN_TOP, VIEW_WIDTH, SHOWN_BOTTOM)
"""The part of each view the diagram shows: a site placed beside another stays in it."""


class IntentHost(Protocol):
    """What the intents need from the session editor."""

    def editable_chart(self) -> Chart | None:
        """The chart if a draft is open (otherwise the host says why and returns None)."""
        ...

    def change(
        self,
        text: str,
        edit: ChartEdit,
        *,
        merge_key: str = "",
        on_error: Callable[[str], None] | None = None,
    ) -> bool:
        """Apply ``edit`` as one undo step; False when the chart refused it or nothing changed."""
        ...

    def status(self, text: str) -> None: ...

    def show_units_problem(self, text: str) -> None: ...

    def select_last_added(self) -> None: ...


class ChartIntents:
    def __init__(
        self, host: IntentHost, dialogs: Dialogs, site_prompt: SitePrompt, parent: QWidget
    ) -> None:
        self._host = host
        self._dialogs = dialogs
        self._site_prompt = site_prompt
        self._parent = parent

    def site_activated(self, code: str) -> None:
        """A protocol site clicked (or Space): pending → injected → pending; omitted stays."""
        chart = self._host.editable_chart()
        if chart is None:
            return
        label = chart.protocol.site(code).label
        state = chart.state_of(code)
        if state is SiteState.OMITTED:
            self._host.status(
                QCoreApplication.translate(
                    "ChartIntents", "{label} is omitted ({value}). Right-click it to restore it."
                ).format(label=label, value=chart.omissions[code])
            )
        elif state is SiteState.INJECTED:
            self._host.change(
                QCoreApplication.translate("ChartIntents", "Unmark {label}").format(label=label),
                lambda c: c.unmark(code),
            )
        else:
            self._host.change(
                QCoreApplication.translate("ChartIntents", "Mark {label}").format(label=label),
                lambda c: c.mark(code),
            )

    def injection_activated(self, key: str) -> None:
        """A follow-the-pain or custom marker clicked: say what it is and how to change it."""
        chart = self._host.editable_chart()
        if chart is None:
            return
        try:
            injection = chart.injection(key)
        except ChartError:
            return
        self._host.status(
            QCoreApplication.translate(
                "ChartIntents",
                "{label}: {format_units} U. +/− changes the dose, Delete removes the site.",
            ).format(label=injection.label, format_units=format_units(injection.units))
        )

    def units_step(self, key: str, step: int) -> None:
        chart = self._host.editable_chart()
        if chart is None:
            return
        if chart.protocol.has_site(key) and chart.state_of(key) is not SiteState.INJECTED:
            label = chart.protocol.site(key).label
            self._host.status(
                QCoreApplication.translate(
                    "ChartIntents", "{label} is not charted as injected; mark it first."
                ).format(label=label)
            )
            return
        try:
            injection = chart.injection(key)
        except ChartError as err:
            self._host.status(str(err))
            return
        units = injection.units + step
        if units < MIN_STEPPED_UNITS:
            self._host.status(
                QCoreApplication.translate(
                    "ChartIntents",
                    "{label}: {format_units} U is the lowest step; type a smaller dose, or remove "
                    "the site.",
                ).format(label=injection.label, format_units=format_units(injection.units))
            )
            return
        self._host.change(
            QCoreApplication.translate("ChartIntents", "{label}: {units} U").format(
                label=injection.label, units=format_units(units)
            ),
            lambda c: c.set_units(key, units),
            merge_key=f"units:{key}",
        )

    def units_typed(self, key: str, text: str) -> None:
        """A dose typed for the selected marker; a pending protocol site is marked at that dose."""
        chart = self._host.editable_chart()
        if chart is None:
            return
        try:
            units = parse_units(text)
            if chart.protocol.has_site(key) and chart.state_of(key) is SiteState.OMITTED:
                raise ChartError(
                    QCoreApplication.translate(
                        "ChartIntents", "{label} is omitted; restore it first."
                    ).format(label=chart.protocol.site(key).label)
                )
        except ChartError as err:
            self._host.show_units_problem(str(err))
            self._host.status(str(err))
            return
        self._host.show_units_problem("")
        if chart.protocol.has_site(key) and chart.state_of(key) is SiteState.PENDING:
            label = chart.protocol.site(key).label
            self._host.change(
                QCoreApplication.translate(
                    "ChartIntents", "Mark {label} at {format_units} U"
                ).format(label=label, format_units=format_units(units)),
                lambda c: c.mark(key, units),
            )
        else:
            label = chart.injection(key).label
            self._host.change(
                f"{label}: {format_units(units)} U", lambda c: c.set_units(key, units)
            )

    def empty_point(self, view: str, x: float, y: float) -> None:
        """A click away from every marker: a follow-the-pain site where the muscle allows one,
        otherwise the reason why not and the offer of a custom site there."""
        chart = self._host.editable_chart()
        if chart is None:
            return
        protocol = chart.protocol
        asked = Point(view=view, x=x, y=y)
        region = protocol.region_at(view, x, y)
        marks = chart.marked_points()
        point = clear_point(
            asked,
            [p for _label, p in marks],
            area=SHOWN_AREA,
            allowed=lambda p: protocol.region_at(p.view, p.x, p.y) == region,
        )
        beside = _nearest_label(asked, marks)
        if point is None:
            self._host.status(
                QCoreApplication.translate(
                    "ChartIntents",
                    "No room for another site there without hiding {beside}: click a little "
                    "further from the markers.",
                ).format(beside=beside)
            )
            return
        moved = (
            QCoreApplication.translate(
                "ChartIntents", "Placed beside {beside} so both stay visible."
            ).format(beside=beside)
            if point != asked
            else ""
        )
        if region is not None and protocol.muscle(region.muscle).allows_follow_the_pain:
            name = site_name(region.side, protocol.muscle_name(region.muscle)).lower()
            if self._host.change(
                QCoreApplication.translate(
                    "ChartIntents", "Add follow-the-pain site, {name}"
                ).format(name=name),
                lambda c: c.add_follow_the_pain(region.muscle, region.side, point),
                on_error=lambda m: self._dialogs.error(
                    self._parent,
                    QCoreApplication.translate("ChartIntents", "Follow-the-pain site not added"),
                    m,
                ),
            ):
                self._host.select_last_added()
                if moved:
                    self._host.status(moved)
            return
        if region is not None:
            muscle = protocol.muscle_name(region.muscle)
            why = QCoreApplication.translate(
                "ChartIntents", "{muscle} has no follow-the-pain allowance in {name}."
            ).format(muscle=muscle, name=protocol.name)
        else:
            muscle = ""
            why = QCoreApplication.translate(
                "ChartIntents", "That point is outside the protocol's muscles."
            )
        self._host.status(why)
        site = self._site_prompt(
            self._parent,
            SiteRequest(
                explanation=QCoreApplication.translate(
                    "ChartIntents", "{why} To inject there anyway, chart a custom site:"
                ).format(why=why),
                side=region.side if region is not None else side_at(point),
                muscle=muscle,
                muscles=[m.name for m in protocol.muscles],
            ),
        )
        if site is None:
            return
        if self._host.change(
            QCoreApplication.translate("ChartIntents", "Add custom site {label}").format(
                label=site.label
            ),
            lambda c: c.add_custom(site.label, site.muscle, site.side, point, site.units),
            on_error=lambda m: self._dialogs.error(
                self._parent, QCoreApplication.translate("ChartIntents", "Custom site not added"), m
            ),
        ):
            self._host.select_last_added()
            if moved:
                self._host.status(moved)

    def omit(self, code: str) -> None:
        """Omit a protocol site, with the reason the note will print."""
        chart = self._host.editable_chart()
        if chart is None or chart.state_of(code) is SiteState.OMITTED:
            return
        label = chart.protocol.site(code).label
        reason = self._dialogs.ask_text(
            self._parent,
            QCoreApplication.translate("ChartIntents", "Omit site"),
            QCoreApplication.translate(
                "ChartIntents", "Why is {label} omitted? (e.g. brow ptosis)"
            ).format(label=label),
        )
        if reason is None:
            return
        self._host.change(
            QCoreApplication.translate("ChartIntents", "Omit {label}").format(label=label),
            lambda c: c.omit(code, reason),
            on_error=lambda m: self._dialogs.error(
                self._parent, QCoreApplication.translate("ChartIntents", "Site not omitted"), m
            ),
        )

    def restore(self, code: str) -> None:
        """An omitted site back to pending (one more click charts it)."""
        chart = self._host.editable_chart()
        if chart is not None:
            self._host.change(
                QCoreApplication.translate("ChartIntents", "Restore {label}").format(
                    label=chart.protocol.site(code).label
                ),
                lambda c: c.unmark(code),
            )

    def remove(self, key: str) -> None:
        """Remove a follow-the-pain or custom site (a protocol site goes back to pending)."""
        chart = self._host.editable_chart()
        if chart is None:
            return
        if chart.protocol.has_site(key):
            self._host.change(
                QCoreApplication.translate("ChartIntents", "Unmark {label}").format(
                    label=chart.protocol.site(key).label
                ),
                lambda c: c.unmark(key),
            )
            return
        try:
            label = chart.injection(key).label
        except ChartError:
            return
        self._host.change(
            QCoreApplication.translate("ChartIntents", "Remove {label}").format(label=label),
            lambda c: c.remove(key),
        )


def _nearest_label(point: Point, marks: list[tuple[str, Point]]) -> str:
    """The label of the marked point of ``point``'s view nearest it ("" if the view has none)."""
    same_view = [(label, p) for label, p in marks if p.view == point.view]
    if not same_view:
        return ""
    label, _p = min(same_view, key=lambda m: (m[1].x - point.x) ** 2 + (m[1].y - point.y) ** 2)
    return label


def side_at(point: Point) -> Side:
    """The patient's side under a point (front view: the patient's right on the viewer's left)."""
    if point.view == "right":
        return "right"
    if point.view == "left":
        return "left"
    if abs(point.x - 200) <= 4:
        return "midline"
    on_viewer_left = point.x < 200
    return "right" if on_viewer_left == (point.view == "front") else "left"
