"""Lot recall: every session that used a lot, with whom to contact and how many units they got;
and the lots in use at a glance (vials opened, units drawn and wasted per lot).

Pure Python (no database, no Qt): the store reads each session that used the lot, its patient's
contact, its injector, its total units charted and its vials (store.recall), and this module
counts the units drawn from the lot by the chart's one rule (chart.units_from_lot: recorded per
vial, else taken from the vials in order), sorts the list and totals it. Drafts are listed too,
marked: a vial opened for a draft went into a patient all the same (docs/clinical-reference.md §11).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from botox_chart.chart import Vial, drawn_per_vial, lot_key, units_from_lot
from botox_chart.i18n import _
from botox_chart.i18n import date as local_date


@dataclass(frozen=True)
class SessionUse:
    """A session that used the lot, as the store reads it."""

    session_id: int
    patient_id: int
    patient: str
    """The name as listed: "Family, Given"."""
    chart_number: str
    phone: str
    email: str
    date: date
    status: str
    """``draft`` or ``signed``."""
    injector: str
    total_units: Decimal
    """Units charted in the session."""
    vials: tuple[Vial, ...]
    """Every vial of the session, in order (the lot's and the others: the units are allocated
    across all of them)."""


@dataclass(frozen=True)
class RecallRow:
    """One line of the recall list."""

    session_id: int
    patient_id: int
    patient: str
    chart_number: str
    phone: str
    email: str
    date: date
    status: str
    injector: str
    units_from_lot: Decimal

    @property
    def draft(self) -> bool:
        return self.status == "draft"

    def as_json(self) -> dict[str, Any]:
        """The documented JSON row (README, ``botox-chart lot --json``)."""
        return {
            "session_id": self.session_id,
            "patient_id": self.patient_id,
            "patient": self.patient,
            "date": self.date.isoformat(),
            "status": self.status,
            "units_from_lot": _number(self.units_from_lot),
        }


@dataclass(frozen=True)
class Recall:
    """The recall list of a lot over an optional range of dates of service (both inclusive)."""

    lot: str
    """The lot as compared (chart.lot_key: trimmed, in upper case as cartons print it)."""
    date_from: date | None
    date_to: date | None
    rows: tuple[RecallRow, ...]

    @property
    def sessions(self) -> int:
        return len(self.rows)

    @property
    def patients(self) -> int:
        return len({r.patient_id for r in self.rows})

    @property
    def units(self) -> Decimal:
        """Units drawn from the lot, all sessions together."""
        return sum((r.units_from_lot for r in self.rows), Decimal(0))

    @property
    def period(self) -> str:
        """The range of dates in words ("all dates" when none was chosen)."""
        if self.date_from and self.date_to:
            return _("{start} to {end}").format(
                start=local_date(self.date_from), end=local_date(self.date_to)
            )
        if self.date_from:
            return _("from {date}").format(date=local_date(self.date_from))
        if self.date_to:
            return _("up to {date}").format(date=local_date(self.date_to))
        return _("all dates")


LOT_MAX_LENGTH = 40
"""The longest lot a vial can hold (the vial table's lot column): a longer one was never used."""


def check_lot(lot: str) -> str:
    """The lot asked for, trimmed; ValueError when nothing is left or it is longer than any lot
    stored."""
    trimmed = lot.strip()
    if not trimmed:
        raise ValueError(_("Give the lot number to recall."))
    if len(trimmed) > LOT_MAX_LENGTH:
        raise ValueError(
            _("A lot number has at most {most} characters ({count} given).").format(
                most=LOT_MAX_LENGTH, count=len(trimmed)
            )
        )
    return trimmed


def check_period(date_from: date | None, date_to: date | None) -> None:
    """ValueError when the range ends before it starts."""
    if date_from and date_to and date_to < date_from:
        raise ValueError(
            _("The range ends ({end}) before it starts ({start}).").format(
                end=local_date(date_to), start=local_date(date_from)
            )
        )


def recall(
    lot: str,
    uses: Iterable[SessionUse],
    *,
    date_from: date | None = None,
    date_to: date | None = None,
) -> Recall:
    """The recall list of ``lot`` from the sessions the store found: the units each drew from the
    lot, oldest session first (sessions of a day in the order they were charted; the window sorts
    by name). Sessions outside the range or with no vial of the lot are left out (the store's
    lookup already leaves them out; this keeps the list true whatever it is handed)."""
    wanted = lot_key(check_lot(lot))
    check_period(date_from, date_to)
    rows = [
        RecallRow(
            session_id=u.session_id,
            patient_id=u.patient_id,
            patient=u.patient,
            chart_number=u.chart_number,
            phone=u.phone,
            email=u.email,
            date=u.date,
            status=u.status,
            injector=u.injector,
            units_from_lot=units_from_lot(u.vials, u.total_units, wanted),
        )
        for u in uses
        if any(lot_key(v.lot_number) == wanted for v in u.vials)
        and (date_from is None or u.date >= date_from)
        and (date_to is None or u.date <= date_to)
    ]
    rows.sort(key=lambda r: (r.date, r.session_id))
    return Recall(lot=wanted, date_from=date_from, date_to=date_to, rows=tuple(rows))


@dataclass(frozen=True)
class LotSummary:
    """One lot as the clinic used it (``botox-chart lots``)."""

    lot: str
    """As compared (chart.lot_key)."""
    expiry: date | None
    """The latest expiry recorded for its vials (None: none recorded)."""
    vials: int
    """Vials of the lot opened."""
    sessions: int
    units_drawn: Decimal
    units_wasted: Decimal
    """Units in its vials not drawn (docs/clinical-reference.md §5)."""
    first_used: date
    last_used: date
    drafts: int
    """Sessions of the lot not signed yet (their vials may still change)."""

    def as_json(self) -> dict[str, Any]:
        return {
            "lot": self.lot,
            "expiry": self.expiry.isoformat() if self.expiry else None,
            "vials": self.vials,
            "sessions": self.sessions,
            "drafts": self.drafts,
            "units_drawn": _number(self.units_drawn),
            "units_wasted": _number(self.units_wasted),
            "first_used": self.first_used.isoformat(),
            "last_used": self.last_used.isoformat(),
        }


def lot_inventory(uses: Iterable[SessionUse]) -> list[LotSummary]:
    """Every lot the sessions' vials name (vials without a lot left out), most recently used
    first: vials opened, units drawn from them by the chart's rule (chart.drawn_per_vial) and the
    rest of each vial wasted."""
    found: dict[str, list[tuple[SessionUse, Vial, Decimal]]] = {}
    for use in uses:
        for vial, drawn in zip(use.vials, drawn_per_vial(use.vials, use.total_units), strict=True):
            if lot_key(vial.lot_number):
                found.setdefault(lot_key(vial.lot_number), []).append((use, vial, drawn))
    summaries = []
    for lot, vials in found.items():
        sessions = {u.session_id: u for u, _v, _d in vials}
        expiries = [v.lot_expiry for _u, v, _d in vials if v.lot_expiry is not None]
        days = [u.date for u in sessions.values()]
        summaries.append(
            LotSummary(
                lot=lot,
                expiry=max(expiries, default=None),
                vials=len(vials),
                sessions=len(sessions),
                units_drawn=sum((d for _u, _v, d in vials), Decimal(0)),
                units_wasted=sum(
                    (max(Decimal(v.units) - d, Decimal(0)) for _u, v, d in vials), Decimal(0)
                ),
                first_used=min(days),
                last_used=max(days),
                drafts=sum(u.status == "draft" for u in sessions.values()),
            )
        )
    return sorted(summaries, key=lambda s: (-s.last_used.toordinal(), s.lot))


def _number(units: Decimal) -> int | float:
    """Units in JSON: a whole number as an int, tenths as a float."""
    return int(units) if units == units.to_integral_value() else float(units)
