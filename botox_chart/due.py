"""Who is due for treatment: the clinic's call list around the 12-week cycle.

Pure Python (no database, no Qt): the store reads, per patient, the last signed session, whether a
draft is open, the treatment stop and the referral (store.due), and this module dates the next
treatment and picks the rows of a period. Retreatment is every 12 weeks, so the next treatment is
due 84 days after the last (docs/clinical-reference.md §6).

Nobody is dropped silently: a patient with an open draft or whose treatment stopped is listed,
marked ``draft_open`` or ``stopped``, whenever their due date falls in the period. A patient
referred but never treated is listed in every period, with no dates. A patient with neither a
signed session nor a referral is not waiting for anything and is not listed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from botox_chart.chart import RETREATMENT_DAYS
from botox_chart.i18n import _, name_key, ngettext
from botox_chart.i18n import date as local_date

DEFAULT_WITHIN_DAYS = 7
"""The period when none is chosen: this week, the overdue included."""


@dataclass(frozen=True)
class PatientHistory:
    """What the due list needs to know of one patient (store.due reads it)."""

    patient_id: int
    patient: str
    """The name as listed: "Family, Given"."""
    chart_number: str
    phone: str
    last_session_id: int | None
    """The patient's latest signed session (None: never treated)."""
    last_date: date | None
    injector: str
    """Who gave the latest signed session ("" if never treated or not recorded)."""
    draft_open: bool
    """A session is being charted and not yet signed."""
    stopped_on: date | None
    """The day treatment stopped (None: still treated)."""
    referral_date: date | None


@dataclass(frozen=True)
class DueRow:
    """One line of the due list."""

    patient_id: int
    patient: str
    chart_number: str
    phone: str
    injector: str
    last_session_id: int | None
    last_date: date | None
    next_due: date | None
    """The last signed session + 84 days; None for a patient never treated."""
    days_overdue: int | None
    """Today − next due: positive when overdue, 0 on the day, negative before it."""
    draft_open: bool
    stopped: bool

    @property
    def never_treated(self) -> bool:
        return self.last_date is None

    @property
    def marks(self) -> tuple[str, ...]:
        """What to know before calling: "never treated", "draft open", "stopped"."""
        return tuple(
            mark
            for mark, on in (
                (_("never treated"), self.never_treated),
                (_("draft open"), self.draft_open),
                (_("stopped"), self.stopped),
            )
            if on
        )


def next_due(last: date) -> date:
    """The day the next treatment is due after one given on ``last``
    (docs/clinical-reference.md §6)."""
    return last + timedelta(days=RETREATMENT_DAYS)


def overdue_text(days: int | None) -> str:
    """How late the patient is, in words: "16 days", "1 day", "due today", "in 3 days"; "" for
    a patient never treated (no due date)."""
    if days is None:
        return ""
    if days == 0:
        return _("due today")
    count = abs(days)
    if days > 0:
        return ngettext("{count} day", "{count} days", count).format(count=count)
    return ngettext("in {count} day", "in {count} days", count).format(count=count)


def row(history: PatientHistory, today: date) -> DueRow | None:
    """The patient's line of the due list; None for a patient never treated and never referred."""
    if history.last_date is None and history.referral_date is None:
        return None
    due = next_due(history.last_date) if history.last_date is not None else None
    return DueRow(
        patient_id=history.patient_id,
        patient=history.patient,
        chart_number=history.chart_number,
        phone=history.phone,
        injector=history.injector,
        last_session_id=history.last_session_id if history.last_date is not None else None,
        last_date=history.last_date,
        next_due=due,
        days_overdue=(today - due).days if due is not None else None,
        draft_open=history.draft_open,
        stopped=history.stopped_on is not None,
    )


def worklist(
    histories: list[PatientHistory],
    today: date,
    *,
    within: int | None = None,
    overdue: bool = False,
) -> list[DueRow]:
    """The due list for a period: with ``overdue``, those whose next treatment was due before
    ``today``; otherwise those due on or before ``today + within`` days (the overdue included;
    ``within`` defaults to :data:`DEFAULT_WITHIN_DAYS`). Patients referred but never treated are
    in every period. Sorted by next due date (the never treated last), then name."""
    if overdue and within is not None:
        raise ValueError("choose a period: within some days, or overdue")
    if within is None:
        within = DEFAULT_WITHIN_DAYS
    if within < 0:
        raise ValueError(f"within {within} days: the period cannot end before today")
    last_day = today - timedelta(days=1) if overdue else today + timedelta(days=within)
    found = [r for r in (row(h, today) for h in histories) if r is not None]
    chosen = [r for r in found if r.next_due is None or r.next_due <= last_day]
    return sorted(
        chosen,
        key=lambda r: (r.next_due is None, r.next_due or today, name_key(r.patient), r.patient_id),
    )


@dataclass(frozen=True)
class DueList:
    """The due list of a period as listed on a day: what the window shows, the CLI prints and the
    worklist PDF and CSV hold, so all of them say the same."""

    today: date
    within: int | None
    """Due on or before ``today + within`` days, the overdue included (None with ``overdue``)."""
    overdue: bool
    rows: tuple[DueRow, ...]

    @property
    def period(self) -> str:
        """The period in words: "due by 2026-12-09 (within 7 days), overdue included"."""
        if self.overdue:
            return _("overdue as of {date}").format(date=local_date(self.today))
        within = DEFAULT_WITHIN_DAYS if self.within is None else self.within
        last = self.today + timedelta(days=within)
        days = (
            _("today")
            if within == 0
            else ngettext("within {count} day", "within {count} days", within).format(count=within)
        )
        return _("due by {date} ({days}), overdue included").format(
            date=local_date(last), days=days
        )


def due_list(
    histories: list[PatientHistory],
    today: date,
    *,
    within: int | None = None,
    overdue: bool = False,
) -> DueList:
    """The :func:`worklist` of a period, with the period it covers."""
    rows = worklist(histories, today, within=within, overdue=overdue)
    if not overdue and within is None:
        within = DEFAULT_WITHIN_DAYS
    return DueList(
        today=today, within=None if overdue else within, overdue=overdue, rows=tuple(rows)
    )


FIELDS = (
    "patient_id",
    "patient",
    "chart_number",
    "last_session_id",
    "last_date",
    "next_due",
    "days_overdue",
    "phone",
    "draft_open",
    "stopped",
)
"""A due-list row's fields for scripts (``due --json``) and spreadsheets (the CSV), in order."""


def record(r: DueRow) -> dict[str, str | int | bool | None]:
    """A row as plain values for scripts: ISO dates, None for no value (:data:`FIELDS`)."""
    return {
        "patient_id": r.patient_id,
        "patient": r.patient,
        "chart_number": r.chart_number,
        "last_session_id": r.last_session_id,
        "last_date": r.last_date.isoformat() if r.last_date else None,
        "next_due": r.next_due.isoformat() if r.next_due else None,
        "days_overdue": r.days_overdue,
        "phone": r.phone,
        "draft_open": r.draft_open,
        "stopped": r.stopped,
    }
