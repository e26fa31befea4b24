"""A session being charted: injections, tailoring, totals, dilution, waste and findings.

Pure Python (no Qt, no database), so every dose rule is tested without a window. The clinical
facts behind the rules, with their sources (US label, UK SmPC, PREEMPT papers, NICE TA260), are in
``docs/clinical-reference.md``, cited by section. The window edits a :class:`Chart` through its
methods; the store saves and loads it; the note prints it.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from enum import StrEnum

from botox_chart.i18n import N_, _, ngettext
from botox_chart.i18n import date as local_date
from botox_chart.i18n import number as local_number
from botox_chart.protocol import Point, Protocol, Side, Site

RETREATMENT_DAYS = 84
"""Retreatment every 12 weeks, no sooner (docs/clinical-reference.md §6)."""

DIAGNOSES = {
    "G43.709": N_("Chronic migraine without aura, not intractable, without status migrainosus"),
    "G43.701": N_("Chronic migraine without aura, not intractable, with status migrainosus"),
    "G43.719": N_("Chronic migraine without aura, intractable, without status migrainosus"),
    "G43.711": N_("Chronic migraine without aura, intractable, with status migrainosus"),
    "G43.E09": N_("Chronic migraine with aura, not intractable, without status migrainosus"),
    "G43.E01": N_("Chronic migraine with aura, not intractable, with status migrainosus"),
    "G43.E19": N_("Chronic migraine with aura, intractable, without status migrainosus"),
    "G43.E11": N_("Chronic migraine with aura, intractable, with status migrainosus"),
}
"""ICD-10-CM G43.7x is chronic migraine (5th character 0 not intractable, 1 intractable; 6th 1
with, 9 without status migrainosus); G43.E is chronic migraine with aura
(docs/clinical-reference.md §7)."""
DEFAULT_DIAGNOSIS = "G43.709"
"""The code a session starts with (docs/clinical-reference.md §7)."""

PRODUCT = N_("onabotulinumtoxinA (Botox)")
DILUENT = N_("0.9% sodium chloride, preservative-free")
NEEDLE = N_("30 G, 0.5 in")
NEEDLES = (NEEDLE, N_("30 G, 1 in"), N_("27 G, 0.5 in"))
"""These and the pick lists below are stored in English as charted; a document translates a
stored value that is one of them where it prints it (``i18n._(value)``), and free text as is."""

CONTRAINDICATIONS = (
    N_("Infection at an injection site"),
    N_("Hypersensitivity to botulinum toxin"),
    N_("Neuromuscular disease"),
    N_("Pregnancy or breastfeeding"),
)
"""The contraindication screen of a procedure note (docs/clinical-reference.md §9)."""

ADVERSE_EVENTS = (
    N_("Neck pain"),
    N_("Neck stiffness"),
    N_("Injection-site pain"),
    N_("Bruising/bleeding"),
    N_("Headache or migraine flare"),
    N_("Eyelid ptosis"),
    N_("Eyebrow ptosis/asymmetry"),
    N_("Facial paresis/loss of frown"),
    N_("Neck muscle weakness"),
    N_("Myalgia"),
    N_("Shoulder/arm pain"),
    N_("Skin tightness"),
    N_("Dysphagia"),
    N_("Diplopia/blurred vision"),
    N_("Dry eye"),
    N_("Vasovagal/fainting"),
    N_("Infection"),
    N_("Breathing difficulty"),
    N_("Generalised weakness"),
)
"""The adverse-event pick list, docs/clinical-reference.md §9 ("other" is the free-text field
beside it)."""

URGENT_ADVERSE_EVENTS = frozenset(
    {"Dysphagia", "Diplopia/blurred vision", "Breathing difficulty", "Generalised weakness"}
)
"""Possible distant spread of toxin, flagged for urgent review (docs/clinical-reference.md §9)."""

DUPLICATE_DISTANCE = 6.0
"""Two injections closer than this (diagram units) on one view are probably charted twice."""
MARKER_SEPARATION = 26.0
"""Diagram units between two sites' centres for both markers to stay whole and clickable: the
smallest markers drawn (ui.widgets.site_marker: radius 9, a follow-the-pain diamond or custom
square reaching 1.3 radii) beside each other with their 2-unit gap need 25.4. A new site asked for
closer to a marker is placed beside it (:func:`clear_point`) rather than on top, hiding it."""

MAX_UNITS_PER_INJECTION = Decimal(50)
"""A sanity limit on one injection: a typing slip (50 for 5.0) is refused, not charted."""

DAYS_COUNTED = 30
"""Headache and migraine days are counted over the last 30 days: 0 to 30 of them
(docs/clinical-reference.md §8). A chart without a window of its own counts over these."""
OUTCOME_WINDOW_DAYS = DAYS_COUNTED
"""The counting window a new draft starts with."""


def counted_window(window_days: int | None, *figures: int | None) -> int | None:
    """The days a visit's ``figures`` count: its window as recorded; figures recorded before
    windows were stored (no window) counted the last 30 days, the one question the form asked
    (docs/clinical-reference.md §8). None when nothing was recorded."""
    if window_days is None and any(f is not None for f in figures):
        return DAYS_COUNTED
    return window_days


MAX_OUTCOME_WINDOW_DAYS = 366
"""The longest counting window: a year of diary (a leap year's)."""
MIDAS_RANGE = (0, 270)
"""A MIDAS total: days lost over 3 months, three pairs of questions of at most 90 days each
(docs/clinical-reference.md §8)."""
HIT6_RANGE = (36, 78)
"""A HIT-6 total: six items scored 6 to 13 (docs/clinical-reference.md §8)."""
MAX_VIAL_UNITS = 200
"""Botox vials hold 50, 100 or 200 U (docs/clinical-reference.md §4)."""
VIAL_SIZES = (50, 100, 200)
"""The sizes a vial is charted as (docs/clinical-reference.md §4)."""
MAX_VIALS = 6
"""Vials opened in one session: 195 U at most is charted, so 6 even of the smallest is plenty
(a limit of this project, docs/clinical-reference.md §4)."""
DILUENT_ML_RANGE = (Decimal("0.5"), Decimal(10))
"""Saline per vial, measured to 0.01 mL: 0.5 mL makes 20 U per 0.1 mL of a 100 U vial, 10 mL
makes 2 U per 0.1 mL of a 200 U vial; outside that is a typing slip."""


class ChartError(ValueError):
    """A charting action that was refused; the message says why, for the user."""


class InjectionKind(StrEnum):
    PROTOCOL = "protocol"
    FOLLOW_THE_PAIN = "follow_the_pain"
    CUSTOM = "custom"


class SiteState(StrEnum):
    PENDING = "pending"
    INJECTED = "injected"
    OMITTED = "omitted"


class Severity(StrEnum):
    ERROR = "error"
    """Blocks signing."""
    WARNING = "warning"
    """Must be acknowledged before signing."""


@dataclass(frozen=True)
class Finding:
    severity: Severity
    code: str
    message: str

    @property
    def key(self) -> str:
        """What an acknowledgement refers to: the same warning about the same thing."""
        return f"{self.code}:{self.message}"


@dataclass(frozen=True)
class Injection:
    key: str
    """Stable within a chart: the site code for protocol sites, FTP-n and X-n for the others."""
    kind: InjectionKind
    site_code: str | None
    label: str
    muscle: str
    side: Side
    point: Point
    units: Decimal


@dataclass(frozen=True)
class Dilution:
    """The reconstitution: saline added per vial of a size.

    100 U + 2 mL or 200 U + 4 mL both give 5 U per 0.1 mL (docs/clinical-reference.md §4). Every
    vial of a session is made up to this concentration; a vial of another size takes saline in
    proportion (:meth:`saline_for`).
    """

    vial_units: int = 200
    diluent_ml: Decimal = Decimal(4)
    """Saline added to a vial of ``vial_units``."""

    def problem(self) -> str | None:
        """What makes this dilution impossible to chart, in words; None when it is sound."""
        if not _whole_in(self.vial_units, 1, MAX_VIAL_UNITS):
            return _("Vial size must be a whole number of units from 1 to {most} U.").format(
                most=MAX_VIAL_UNITS
            )
        low, high = DILUENT_ML_RANGE
        value: object = self.diluent_ml
        ml = Decimal("NaN")
        if isinstance(value, Decimal | int | float) and not isinstance(value, bool):
            ml = Decimal(value)  # exact, as the store keeps it
        if not ml.is_finite() or not low <= ml <= high:
            return _("Saline must be from {low} to {high} mL per vial.").format(
                low=local_number(low), high=local_number(high)
            )
        if ml != ml.quantize(Decimal("0.01")):
            return _("Saline is measured to {step} mL.").format(step=local_number("0.01"))
        return None

    @property
    def units_per_ml(self) -> Decimal:
        return Decimal(self.vial_units) / self.diluent_ml

    @property
    def units_per_tenth_ml(self) -> Decimal:
        return _round(self.units_per_ml / 10, "0.01")

    def volume_ml(self, units: Decimal) -> Decimal:
        """Volume drawn for a dose: units ÷ concentration, to 0.01 mL.

        See docs/clinical-reference.md §4.
        """
        return _round(units / self.units_per_ml, "0.01")

    def saline_for(self, vial_units: int) -> Decimal:
        """Saline that makes a vial of ``vial_units`` up to this concentration, to 0.01 mL."""
        return _round(Decimal(vial_units) / self.units_per_ml, "0.01")


@dataclass(frozen=True)
class Vial:
    """One vial opened in a session: its lot and the lot's expiry (from the carton), its size
    and the units drawn from it (docs/clinical-reference.md §4 and
    docs/clinical-reference.md §5)."""

    lot_number: str = ""
    lot_expiry: date | None = None
    units: int = 200
    """The vial's size: 50, 100 or 200 U."""
    drawn: Decimal | None = None
    """Units drawn from this vial; None when not recorded: the units charted are then taken
    from the vials in order (:meth:`Chart.drawn`)."""


_ASCII_UPPER = str.maketrans("abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ")


def lot_key(lot_number: str) -> str:
    """A lot as lots are compared: trimmed, the letters a-z upper-cased. Cartons print lots in
    upper case and a nurse may type lower case; only ASCII letters are folded, as SQLite's and
    PostgreSQL's ``upper()`` (in the "C" collation) fold them, so the store's indexed lookup
    (store.recall) and this agree on every lot."""
    return lot_number.strip().translate(_ASCII_UPPER)


def drawn_per_vial(vials: Sequence[Vial], total_units: Decimal) -> list[Decimal]:
    """Units drawn from each vial: as recorded, else what the ``total_units`` charted still
    need, taken from the vials in order up to each one's size (docs/clinical-reference.md §5).
    The one rule for the chart, the note and a lot recall."""
    remaining = total_units - sum((v.drawn for v in vials if v.drawn), Decimal(0))
    found = []
    for vial in vials:
        if vial.drawn is not None:
            found.append(vial.drawn)
            continue
        take = min(max(remaining, Decimal(0)), Decimal(vial.units))
        found.append(take)
        remaining -= take
    return found


def units_from_lot(vials: Sequence[Vial], total_units: Decimal, lot_number: str) -> Decimal:
    """Units drawn (:func:`drawn_per_vial`) from the vials of one lot (:func:`lot_key`): what a
    recall counts for a session."""
    wanted = lot_key(lot_number)
    return sum(
        (
            units
            for vial, units in zip(vials, drawn_per_vial(vials, total_units), strict=True)
            if lot_key(vial.lot_number) == wanted
        ),
        Decimal(0),
    )


@dataclass(frozen=True)
class Totals:
    total: Decimal
    sites: int
    by_muscle: dict[str, Decimal]
    by_muscle_side: dict[tuple[str, Side], Decimal]
    follow_the_pain_units: dict[str, Decimal]
    follow_the_pain_sites: dict[str, int]


def parse_units(value: object) -> Decimal:
    """A dose typed or stored anywhere, as Decimal units; refuses what is not a sensible dose."""
    if isinstance(value, bool):
        raise ChartError(_("{value} is not a number of units.").format(value=repr(value)))
    text = str(value).strip().removesuffix("U").removesuffix("u").strip().replace(",", ".")
    try:
        units = Decimal(text)
    except InvalidOperation:
        raise ChartError(
            _("{value} is not a number of units.").format(value=repr(str(value)))
        ) from None
    if not units.is_finite():
        raise ChartError(_("{value} is not a number of units.").format(value=repr(str(value))))
    if units <= 0:
        raise ChartError(_("A dose must be above 0 U (got {units} U).").format(units=text))
    if units > MAX_UNITS_PER_INJECTION:
        raise ChartError(
            _("{units} U at one site is above the {most} U limit per injection.").format(
                units=local_number(text), most=MAX_UNITS_PER_INJECTION
            )
        )
    if units != units.quantize(Decimal("0.1")):
        raise ChartError(
            _("Doses are charted to {step} U (got {units} U).").format(
                step=local_number("0.1"), units=local_number(text)
            )
        )
    return units.quantize(Decimal("0.1"))


def parse_drawn(text: str) -> Decimal | None:
    """Units drawn from a vial as typed: "" is not recorded (None: the charted units are taken
    from the vials in order, :meth:`Chart.drawn`); else 0 to 200 U, to 0.1 U."""
    text = text.strip().removesuffix("U").removesuffix("u").strip().replace(",", ".")
    if not text:
        return None
    try:
        units = Decimal(text)
    except InvalidOperation:
        raise ChartError(
            _("{value} is not a number of units drawn.").format(value=repr(text))
        ) from None
    if not units.is_finite() or not 0 <= units <= MAX_VIAL_UNITS:
        raise ChartError(
            _("Units drawn from a vial are 0 to {most} U (got {units}).").format(
                most=MAX_VIAL_UNITS, units=local_number(text)
            )
        )
    if units != units.quantize(Decimal("0.1")):
        raise ChartError(
            _("Units drawn are recorded to {step} U (got {units} U).").format(
                step=local_number("0.1"), units=local_number(text)
            )
        )
    return units.quantize(Decimal("0.1"))


@dataclass
class Chart:
    """The clinical content of one session, as the injector charts it."""

    protocol: Protocol
    date_of_service: date = field(default_factory=date.today)
    injections: list[Injection] = field(default_factory=list)
    omissions: dict[str, str] = field(default_factory=dict)
    """Protocol site code → the reason it was omitted."""
    dilution: Dilution = field(default_factory=Dilution)
    diagnosis_code: str = DEFAULT_DIAGNOSIS
    product: str = PRODUCT
    din_ndc: str = ""
    vials: list[Vial] = field(default_factory=lambda: [Vial()])
    """Every vial opened, in the order used (its lot, expiry, size and units drawn)."""
    diluent: str = DILUENT
    needle: str = NEEDLE
    consent: bool = False
    screen: dict[str, bool | None] = field(
        default_factory=lambda: dict.fromkeys(CONTRAINDICATIONS, None)
    )
    """Contraindication → present (True), absent (False) or not yet asked (None)."""
    headache_days: int | None = None
    """Headache days counted over the visit's window (``outcome_window_days``, the last 30 days
    by default), asked at every visit: docs/clinical-reference.md §8."""
    migraine_days: int | None = None
    acute_medication_days: int | None = None
    """Days with acute (rescue) medication in the outcome window: docs/clinical-reference.md §8."""
    outcome_window_days: int | None = OUTCOME_WINDOW_DAYS
    """The counting window of the outcome figures, in days (1 to 366)."""
    outcome_window_end: date | None = None
    """The window's last day; a new draft sets it to its date of service (store.sessions)."""
    diary_days: int | None = None
    """Days of the window with diary data (at most the window)."""
    midas_total: int | None = None
    """The MIDAS total the patient's form gives (0-270): docs/clinical-reference.md §8."""
    hit6_total: int | None = None
    """The HIT-6 total (36-78): docs/clinical-reference.md §8."""
    adverse_events: list[str] = field(default_factory=list)
    adverse_event_other: str = ""
    tolerance: str = ""
    aftercare: str = ""
    notes: str = ""
    previous_session_date: date | None = None
    """The patient's previous treatment, for the 12-week interval check."""

    # -- reading -----------------------------------------------------------------------------

    def copy(self) -> Chart:
        """An independent copy (undo snapshots; injections are immutable and shared)."""
        return dataclasses.replace(
            self,
            injections=list(self.injections),
            omissions=dict(self.omissions),
            screen=dict(self.screen),
            adverse_events=list(self.adverse_events),
            vials=list(self.vials),
        )

    def marked_points(self) -> list[tuple[str, Point]]:
        """Every point the diagram marks, with its label: each protocol site's positions (pending,
        injected or omitted) and every follow-the-pain and custom site."""
        marks = [(site.label, point) for site in self.protocol.sites for point in site.positions]
        marks += [
            (i.label, i.point) for i in self.injections if i.kind is not InjectionKind.PROTOCOL
        ]
        return marks

    def injection(self, key: str) -> Injection:
        for injection in self.injections:
            if injection.key == key:
                return injection
        raise ChartError(f"No injection {key} in this session.")

    def injection_at(self, site_code: str) -> Injection | None:
        return next((i for i in self.injections if i.site_code == site_code), None)

    def state_of(self, site_code: str) -> SiteState:
        if site_code in self.omissions:
            return SiteState.OMITTED
        if self.injection_at(site_code) is not None:
            return SiteState.INJECTED
        return SiteState.PENDING

    def site_numbers(self) -> dict[str, int]:
        """Injection or site key → the number the site is called by, on screen and on the note.

        Protocol site k is number k (1 to 31 in PREEMPT: the protocol file's order) whether it is
        injected, pending or omitted, so omitting one never renumbers another; added sites
        (follow-the-pain and custom) continue after the last protocol site in the order they were
        added. A clinician on the phone and the note then name the same site by the same number.
        """
        numbers = {site.code: n for n, site in enumerate(self.protocol.sites, start=1)}
        added = len(numbers)
        for injection in self.injections:
            if injection.kind is not InjectionKind.PROTOCOL:
                added += 1
                numbers[injection.key] = added
        return numbers

    def pending_sites(self) -> list[str]:
        return [s.code for s in self.protocol.sites if self.state_of(s.code) is SiteState.PENDING]

    def totals(self) -> Totals:
        by_muscle: dict[str, Decimal] = {m.code: Decimal(0) for m in self.protocol.muscles}
        by_side: dict[tuple[str, Side], Decimal] = {}
        ftp_units: dict[str, Decimal] = {}
        ftp_sites: dict[str, int] = {}
        for inj in self.injections:
            by_muscle[inj.muscle] = by_muscle.get(inj.muscle, Decimal(0)) + inj.units
            by_side[(inj.muscle, inj.side)] = (
                by_side.get((inj.muscle, inj.side), Decimal(0)) + inj.units
            )
            if inj.kind is InjectionKind.FOLLOW_THE_PAIN:
                ftp_units[inj.muscle] = ftp_units.get(inj.muscle, Decimal(0)) + inj.units
                ftp_sites[inj.muscle] = ftp_sites.get(inj.muscle, 0) + 1
        return Totals(
            total=sum((i.units for i in self.injections), Decimal(0)),
            sites=len(self.injections),
            by_muscle=by_muscle,
            by_muscle_side=by_side,
            follow_the_pain_units=ftp_units,
            follow_the_pain_sites=ftp_sites,
        )

    @property
    def total_units(self) -> Decimal:
        return sum((i.units for i in self.injections), Decimal(0))

    def volume_ml(self, units: Decimal) -> Decimal | None:
        """Volume for a dose at this session's dilution, or None while the dilution is invalid."""
        return None if self.dilution.problem() else self.dilution.volume_ml(units)

    @property
    def units_opened(self) -> int:
        """Units in the vials opened."""
        return sum(v.units for v in self.vials)

    @property
    def units_wasted(self) -> Decimal:
        """Units in opened vials − units injected, billed as J0585-JW; none is JZ.

        See docs/clinical-reference.md §5.
        """
        return max(Decimal(self.units_opened) - self.total_units, Decimal(0))

    @property
    def lots(self) -> list[str]:
        """The lots used, each once (as first typed: c6812ab and C6812AB are one lot,
        :func:`lot_key`), in the order of the vials; empty lot numbers left out."""
        found: dict[str, str] = {}
        for vial in self.vials:
            if vial.lot_number.strip():
                found.setdefault(lot_key(vial.lot_number), vial.lot_number.strip())
        return list(found.values())

    def drawn(self) -> list[Decimal]:
        """Units drawn from each vial (:func:`drawn_per_vial`)."""
        return drawn_per_vial(self.vials, self.total_units)

    def units_from_lot(self, lot_number: str) -> Decimal:
        """Units drawn from the vials of one lot (:func:`units_from_lot`)."""
        return units_from_lot(self.vials, self.total_units, lot_number)

    @property
    def next_due(self) -> date:
        return self.date_of_service + timedelta(days=RETREATMENT_DAYS)

    # -- charting ----------------------------------------------------------------------------

    def apply_protocol(self) -> None:
        """Every protocol site at its standard dose (PREEMPT: 31 × 5 U = 155 U).

        Omissions are cleared; follow-the-pain and custom sites already charted are kept.
        """
        kept = [i for i in self.injections if i.kind is not InjectionKind.PROTOCOL]
        self.omissions.clear()
        self.injections = [_protocol_injection(s, s.units) for s in self.protocol.sites] + kept

    def repeat(self, previous: Chart) -> None:
        """The pattern of a previous session: its doses, omissions, FTP and custom sites, dilution
        and vial sizes.

        Lots, units drawn, consent, screen and outcomes are of the day and are not copied.
        """
        if previous.protocol.code != self.protocol.code:
            raise ChartError(
                _("The previous session used the {previous} protocol, this one {this}.").format(
                    previous=_(previous.protocol.name), this=_(self.protocol.name)
                )
            )
        self.injections = list(previous.injections)
        self.omissions = dict(previous.omissions)
        self.dilution = previous.dilution
        self.vials = [Vial(units=v.units) for v in previous.vials]
        self.diagnosis_code = previous.diagnosis_code
        self.product = previous.product
        self.din_ndc = previous.din_ndc
        self.diluent = previous.diluent
        self.needle = previous.needle

    def set_vials(self, vials: Iterable[Vial]) -> None:
        """The vials opened, in the order used. The saline stays measured for the first vial's
        size (:attr:`Dilution.vial_units`) at the same concentration: a first vial of 100 U
        instead of 200 U takes 2 mL instead of 4 mL (docs/clinical-reference.md §4)."""
        vials = list(vials)
        if not vials:
            raise ChartError("A session opens at least one vial: keep one and record its lot.")
        if len(vials) > MAX_VIALS:
            raise ChartError(f"At most {MAX_VIALS} vials are opened in one session.")
        self.vials = vials
        first = vials[0].units
        dilution = self.dilution
        if first != dilution.vial_units and _whole_in(first, 1, MAX_VIAL_UNITS):
            saline = dilution.saline_for(first) if dilution.problem() is None else None
            low, high = DILUENT_ML_RANGE
            if saline is not None and low <= saline <= high:
                self.dilution = Dilution(vial_units=first, diluent_ml=saline)
            else:
                self.dilution = dataclasses.replace(dilution, vial_units=first)

    def set_vial(self, index: int, **changes: object) -> None:
        """Change one vial's lot_number, lot_expiry, units (its size) or drawn."""
        index = self._vial_index(index)
        vials = list(self.vials)
        vials[index] = dataclasses.replace(vials[index], **changes)  # type: ignore[arg-type]
        self.set_vials(vials)

    def add_vial(self) -> int:
        """Open one more vial, of the last one's size; its index."""
        size = self.vials[-1].units if self.vials else self.dilution.vial_units
        self.set_vials([*self.vials, Vial(units=size)])
        return len(self.vials) - 1

    def remove_vial(self, index: int) -> None:
        vials = list(self.vials)
        del vials[self._vial_index(index)]
        self.set_vials(vials)

    def record_carton(self, index: int, lot_number: str, lot_expiry: date | None) -> None:
        """A carton's lot and expiry (scanned, docs/clinical-reference.md §11) for vial ``index``:
        the carton in hand says what that vial is, so a lot already there (the clinic's last,
        filled in when the draft began) is replaced. An expiry the carton does not give leaves
        the vial's as it was."""
        index = self._vial_index(index)
        expiry = lot_expiry if lot_expiry is not None else self.vials[index].lot_expiry
        self.set_vial(index, lot_number=lot_number.strip(), lot_expiry=expiry)

    def mark(self, site_code: str, units: object | None = None) -> Injection:
        """Chart a protocol site as injected (at its standard dose unless told otherwise)."""
        site = self._site(site_code)
        if self.injection_at(site_code) is not None:
            raise ChartError(_("{site} is already charted.").format(site=_(site.label)))
        dose = site.units if units is None else parse_units(units)
        self.omissions.pop(site_code, None)
        injection = _protocol_injection(site, dose)
        self.injections.insert(self._protocol_index(site_code), injection)
        return injection

    def unmark(self, site_code: str) -> None:
        """A protocol site back to pending (undoing a mark or an omission)."""
        self._site(site_code)
        self.omissions.pop(site_code, None)
        self.injections = [i for i in self.injections if i.site_code != site_code]

    def omit(self, site_code: str, reason: str) -> None:
        site = self._site(site_code)
        reason = reason.strip()
        if not reason:
            raise ChartError(
                _("Say why {site} is omitted (e.g. brow ptosis).").format(site=_(site.label))
            )
        self.injections = [i for i in self.injections if i.site_code != site_code]
        self.omissions[site_code] = reason

    def add_follow_the_pain(
        self, muscle: str, side: Side, point: Point, units: object | None = None
    ) -> Injection:
        """An extra site in a muscle that allows it, within its allowance.

        The follow-the-pain allowances are in docs/clinical-reference.md §2.
        """
        if not self.protocol.has_muscle(muscle):
            raise ChartError(
                _(
                    "Follow-the-pain sites are only added in protocol muscles; "
                    "chart {muscle} as a custom site."
                ).format(muscle=muscle)
            )
        spec = self.protocol.muscle(muscle)
        if not spec.allows_follow_the_pain:
            raise ChartError(
                _(
                    "{muscle} has no follow-the-pain allowance in {protocol}: "
                    "add a custom site instead if the clinician decides to inject there."
                ).format(muscle=_(spec.name), protocol=_(self.protocol.name))
            )
        default = self.protocol.sites_of(muscle)[0].units
        dose = default if units is None else parse_units(units)
        totals = self.totals()
        sites = totals.follow_the_pain_sites.get(muscle, 0)
        given = totals.follow_the_pain_units.get(muscle, Decimal(0))
        if sites + 1 > spec.max_extra_sites:
            raise ChartError(
                ngettext(
                    "{muscle} already has {sites} follow-the-pain site; ",
                    "{muscle} already has {sites} follow-the-pain sites; ",
                    sites,
                ).format(muscle=_(spec.name), sites=sites)
                + ngettext(
                    "the allowance is {most} site (+{units} U).",
                    "the allowance is {most} sites (+{units} U).",
                    spec.max_extra_sites,
                ).format(most=spec.max_extra_sites, units=local_number(spec.max_extra_units))
            )
        if given + dose > spec.max_extra_units:
            raise ChartError(
                _(
                    "{dose} U more follow-the-pain in {muscle} would make +{total} U; "
                    "the allowance is +{most} U."
                ).format(
                    dose=local_number(dose),
                    muscle=_(spec.name),
                    total=local_number(given + dose),
                    most=local_number(spec.max_extra_units),
                )
            )
        injection = Injection(
            key=self._next_key("FTP"),
            kind=InjectionKind.FOLLOW_THE_PAIN,
            site_code=None,
            label=f"{_side_word(side)} {spec.name.lower()} (follow-the-pain)".strip().capitalize(),
            muscle=muscle,
            side=side,
            point=point,
            units=dose,
        )
        self.injections.append(injection)
        return injection

    def add_custom(
        self, label: str, muscle: str, side: Side, point: Point, units: object
    ) -> Injection:
        """A site anywhere on the diagram (e.g. masseter), outside the protocol template."""
        label = label.strip()
        muscle = muscle.strip().lower().replace(" ", "_")
        if not label:
            raise ChartError(_("Give the custom site a label (e.g. Left masseter)."))
        if not muscle:
            raise ChartError(_("Say which muscle the custom site is in."))
        injection = Injection(
            key=self._next_key("X"),
            kind=InjectionKind.CUSTOM,
            site_code=None,
            label=label,
            muscle=muscle,
            side=side,
            point=point,
            units=parse_units(units),
        )
        self.injections.append(injection)
        return injection

    def set_units(self, key: str, units: object) -> Injection:
        dose = parse_units(units)
        old = self.injection(key)
        new = dataclasses.replace(old, units=dose)
        self.injections[self.injections.index(old)] = new
        return new

    def remove(self, key: str) -> None:
        old = self.injection(key)
        self.injections.remove(old)

    # -- what differs from the standard, what is wrong ---------------------------------------

    def deviations(self) -> list[str]:
        """Every departure from the standard protocol, in words (docs/clinical-reference.md §3)."""
        words: list[str] = []
        protocol = self.protocol
        for site in protocol.sites:
            state = self.state_of(site.code)
            if state is SiteState.OMITTED:
                words.append(
                    _("{site} omitted ({reason})").format(
                        site=_(site.label), reason=self.omissions[site.code]
                    )
                )
            elif state is SiteState.PENDING:
                words.append(_("{site} not injected").format(site=_(site.label)))
            else:
                injection = self.injection_at(site.code)
                if injection is not None and injection.units != site.units:
                    words.append(
                        _("{site}: {units} U instead of {standard} U").format(
                            site=_(site.label),
                            units=units_text(injection.units),
                            standard=units_text(site.units),
                        )
                    )
        ftp: dict[tuple[str, Side], list[Decimal]] = {}
        for inj in self.injections:
            if inj.kind is InjectionKind.FOLLOW_THE_PAIN:
                ftp.setdefault((inj.muscle, inj.side), []).append(inj.units)
        for (muscle, side), doses in ftp.items():
            name = _(protocol.muscle_name(muscle)).lower()
            words.append(
                ngettext(
                    "+{units} U FTP {side} {muscle}",
                    "+{units} U FTP {side} {muscle} ({count} sites)",
                    len(doses),
                )
                .format(
                    units=units_text(sum(doses, Decimal(0))),
                    side=side_name(side),
                    muscle=name,
                    count=len(doses),
                )
                .replace("  ", " ")
            )
        for inj in self.injections:
            if inj.kind is InjectionKind.CUSTOM:
                words.append(
                    _("Custom site: {site}, {units} U").format(
                        site=_(inj.label), units=units_text(inj.units)
                    )
                )
        return [w[0].upper() + w[1:] for w in words]

    def findings(self, *, today: date | None = None) -> list[Finding]:
        """What blocks signing (errors) and what the injector must acknowledge (warnings)."""
        found: list[Finding] = []

        def error(code: str, message: str) -> None:
            found.append(Finding(Severity.ERROR, code, message))

        def warning(code: str, message: str) -> None:
            found.append(Finding(Severity.WARNING, code, message))

        protocol = self.protocol
        totals = self.totals()
        if not self.injections:
            error("no_injections", _("No injections are charted."))
        for inj in self.injections:
            if not inj.units.is_finite() or inj.units <= 0:
                error(
                    "units_not_positive",
                    _("{site}: the dose must be above 0 U.").format(site=_(inj.label)),
                )
        # The maximum (195 U in the UK SmPC) is a protocol setting: docs/clinical-reference.md §2.
        if totals.total > protocol.max_total_units:
            error(
                "max_total_exceeded",
                _("{units} U is above the protocol maximum of {most} U.").format(
                    units=units_text(totals.total), most=units_text(protocol.max_total_units)
                ),
            )
        for muscle in protocol.muscles:
            given = totals.by_muscle.get(muscle.code, Decimal(0))
            ftp_units = totals.follow_the_pain_units.get(muscle.code, Decimal(0))
            ftp_sites = totals.follow_the_pain_sites.get(muscle.code, 0)
            if ftp_sites > muscle.max_extra_sites or ftp_units > muscle.max_extra_units:
                error(
                    "follow_the_pain_exceeded",
                    ngettext(
                        "{muscle}: {sites} follow-the-pain site, +{units} U; ",
                        "{muscle}: {sites} follow-the-pain sites, +{units} U; ",
                        ftp_sites,
                    ).format(muscle=_(muscle.name), sites=ftp_sites, units=units_text(ftp_units))
                    + ngettext(
                        "the allowance is {most} site, +{most_units} U.",
                        "the allowance is {most} sites, +{most_units} U.",
                        muscle.max_extra_sites,
                    ).format(
                        most=muscle.max_extra_sites,
                        most_units=units_text(muscle.max_extra_units),
                    ),
                )
            allowed = protocol.allowed_units(muscle.code)
            if given > allowed:
                warning(
                    "muscle_allowance_exceeded",
                    _(
                        "{muscle}: {units} U is above the {most} U the protocol allows in this "
                        "muscle."
                    ).format(
                        muscle=_(muscle.name), units=units_text(given), most=units_text(allowed)
                    ),
                )
        seen_codes: set[str] = set()
        for inj in self.injections:
            if inj.site_code is not None:
                if inj.site_code in seen_codes:
                    error("duplicate_site", _("{site} is charted twice.").format(site=_(inj.label)))
                seen_codes.add(inj.site_code)
        for a, b in _close_pairs(self.injections):
            warning(
                "duplicate_site",
                _("{site} and {other} are charted at the same point.").format(
                    site=_(a.label), other=_(b.label)
                ),
            )
        pending = self.pending_sites()
        if pending and self.injections:
            labels = ", ".join(_(protocol.site(code).label) for code in pending)
            warning(
                "sites_pending", _("Not injected and not omitted: {sites}.").format(sites=labels)
            )
        problem = self.dilution.problem()
        if problem:
            error("dilution_invalid", problem)
        self._vial_findings(totals.total, error, warning)
        if not self.consent:
            error("consent_missing", _("Consent is not recorded."))
        if self.diagnosis_code not in DIAGNOSES:
            warning(
                "diagnosis_unusual",
                _("Diagnosis code {code} is not a chronic migraine code (G43.7x or G43.E).").format(
                    code=self.diagnosis_code or _("(none)")
                ),
            )
        unasked = [name for name, present in self.screen.items() if present is None]
        if unasked:
            warning(
                "screen_incomplete",
                _("Contraindication screen not done: {items}.").format(
                    items=", ".join(_(name) for name in unasked)
                ),
            )
        present = [name for name, value in self.screen.items() if value]
        if present:
            warning(
                "contraindication_present",
                _("Contraindication recorded: {items}.").format(
                    items=", ".join(_(name) for name in present)
                ),
            )
        # Retreatment every 12 weeks, no sooner; warn below 84 days: docs/clinical-reference.md §6.
        if self.previous_session_date is not None:
            interval = (self.date_of_service - self.previous_session_date).days
            if interval < RETREATMENT_DAYS:
                warning(
                    "interval_short",
                    ngettext(
                        "Only {days} day since the previous session ({date}); ",
                        "Only {days} days since the previous session ({date}); ",
                        interval,
                    ).format(days=interval, date=local_date(self.previous_session_date))
                    + _(
                        "retreatment is every 12 weeks ({days} days), and payers may refuse an "
                        "earlier one."
                    ).format(days=RETREATMENT_DAYS),
                )
        urgent = [ae for ae in self.adverse_events if ae in URGENT_ADVERSE_EVENTS]
        if urgent:
            warning(
                "urgent_adverse_event",
                _("Urgent review: {events} (possible distant spread of toxin).").format(
                    events=", ".join(_(event) for event in urgent)
                ),
            )
        if today is not None and self.date_of_service > today:
            warning("date_in_future", _("The date of service is in the future."))
        return found

    # -- helpers -----------------------------------------------------------------------------

    def _vial_findings(
        self, total: Decimal, error: Callable[[str, str], None], warning: Callable[[str, str], None]
    ) -> None:
        """The vials: each needs a lot and an unexpired expiry, a lot has one expiry, and the
        vials must hold what is charted (docs/clinical-reference.md §4 and
        docs/clinical-reference.md §5)."""
        if not self.vials:
            error("vials_missing", _("No vial is recorded."))
            return
        if len(self.vials) > MAX_VIALS:
            error(
                "vials_too_many",
                _("At most {most} vials are opened in one session.").format(most=MAX_VIALS),
            )
        many = len(self.vials) > 1
        expiries: dict[str, tuple[str, set[date]]] = {}
        """Lot, folded → the lot as typed first and the expiries charted for it."""
        sizes_sound = True
        for n, vial in enumerate(self.vials, start=1):

            def about(text: str, n: int = n) -> str:
                """One sentence about vial ``n`` (named when there are several)."""
                return (
                    _("Vial {n}: {text}").format(n=n, text=text)
                    if many
                    else text[:1].upper() + text[1:]
                )

            lot = vial.lot_number.strip()
            if not _whole_in(vial.units, 1, MAX_VIAL_UNITS):
                sizes_sound = False
                error(
                    "vial_size_invalid",
                    about(
                        _("vial size must be a whole number of units from 1 to {most} U.").format(
                            most=MAX_VIAL_UNITS
                        )
                    ),
                )
                continue
            if not lot:
                error("lot_missing", about(_("the lot number is missing.")))
            if vial.lot_expiry is None:
                error("lot_expiry_missing", about(_("the lot's expiry date is missing.")))
            else:
                expiries.setdefault(lot_key(lot), (lot, set()))[1].add(vial.lot_expiry)
                if vial.lot_expiry < self.date_of_service:
                    error(
                        "lot_expired",
                        about(
                            _("lot {lot} expired on {date}, before the date of service.").format(
                                lot=lot, date=local_date(vial.lot_expiry)
                            )
                        ),
                    )
            if vial.drawn is not None and not Decimal(0) <= vial.drawn <= vial.units:
                error(
                    "vial_overdrawn",
                    about(
                        _("{units} U drawn from a {size} U vial.").format(
                            units=units_text(vial.drawn), size=vial.units
                        )
                    ),
                )
            if self.dilution.problem() is None and vial.units != self.dilution.vial_units:
                warning(
                    "vial_size_differs",
                    about(
                        _(
                            "a {size} U vial takes {saline} mL of saline for the same {units} U "
                            "per {tenth} mL."
                        ).format(
                            size=vial.units,
                            saline=local_number(self.dilution.saline_for(vial.units)),
                            units=local_number(self.dilution.units_per_tenth_ml),
                            tenth=local_number("0.1"),
                        )
                    ),
                )
        for lot, dates in expiries.values():
            if lot and len(dates) > 1:
                error(
                    "lot_expiry_conflict",
                    _("Lot {lot} is charted with two expiry dates.").format(lot=lot),
                )
        if not sizes_sound:
            return
        if total > 0 and many:
            for n, units in enumerate(self.drawn(), start=1):
                if units == 0:
                    warning(
                        "vial_unused",
                        _(
                            "Vial {n}: nothing is drawn from it, so all of it is counted as "
                            "wasted; remove it if it was not opened."
                        ).format(n=n),
                    )
        if total > self.units_opened:
            error(
                "vials_insufficient",
                _("{units} U charted but the opened vials hold {opened} U.").format(
                    units=units_text(total), opened=local_number(self.units_opened)
                ),
            )
        elif any(v.drawn is not None for v in self.vials):
            drawn = sum(self.drawn(), Decimal(0))
            if drawn != total:
                error(
                    "drawn_mismatch",
                    _("{drawn} U drawn from the vials but {units} U charted.").format(
                        drawn=units_text(drawn), units=units_text(total)
                    ),
                )

    def _vial_index(self, index: int) -> int:
        if not 0 <= index < len(self.vials):
            raise ChartError(_("There is no vial {n} in this session.").format(n=index + 1))
        return index

    def _site(self, site_code: str) -> Site:
        if not self.protocol.has_site(site_code):
            raise ChartError(
                _("{code} is not a site of {protocol}.").format(
                    code=site_code, protocol=_(self.protocol.name)
                )
            )
        return self.protocol.site(site_code)

    def _protocol_index(self, site_code: str) -> int:
        """Where a protocol site's injection goes so injections stay in protocol order."""
        order = {s.code: n for n, s in enumerate(self.protocol.sites)}
        target = order[site_code]
        for n, inj in enumerate(self.injections):
            if inj.site_code is None or order.get(inj.site_code, math.inf) > target:
                return n
        return len(self.injections)

    def _next_key(self, prefix: str) -> str:
        used = {i.key for i in self.injections}
        n = 1
        while f"{prefix}-{n}" in used:
            n += 1
        return f"{prefix}-{n}"


def _protocol_injection(site: Site, units: Decimal) -> Injection:
    return Injection(
        key=site.code,
        kind=InjectionKind.PROTOCOL,
        site_code=site.code,
        label=site.label,
        muscle=site.muscle,
        side=site.side,
        point=site.positions[0],
        units=units,
    )


@dataclass(frozen=True)
class Area:
    """A rectangle of a diagram view, in its SVG user units."""

    left: float
    top: float
    right: float
    bottom: float

    def contains(self, x: float, y: float) -> bool:
        return self.left <= x <= self.right and self.top <= y <= self.bottom


def clear_point(
    point: Point,
    taken: Iterable[Point],
    *,
    area: Area,
    allowed: Callable[[Point], bool] | None = None,
    separation: float = MARKER_SEPARATION,
    reach: float = 3 * MARKER_SEPARATION,
) -> Point | None:
    """Where a new site asked for at ``point`` goes so that its marker hides no other.

    ``point`` itself when it is at least ``separation`` from every ``taken`` point of its view;
    otherwise the nearest point that is, searched on rings 1 unit apart out to ``reach``, inside
    ``area`` and where ``allowed`` says (e.g. still in the muscle clicked). On a ring, the point
    farthest from its nearest neighbour wins, which moves a site straight off the marker it was
    asked on. Coordinates are rounded to 0.1 as clicks are. None when nothing within ``reach``
    will do.
    """
    near = [
        (p.x, p.y)
        for p in taken
        if p.view == point.view and math.dist((p.x, p.y), (point.x, point.y)) < reach + separation
    ]

    def clearance(x: float, y: float) -> float:
        return min((math.dist((x, y), other) for other in near), default=math.inf)

    def fits(candidate: Point) -> bool:
        return (
            area.contains(candidate.x, candidate.y)
            and clearance(candidate.x, candidate.y) >= separation
            and (allowed is None or allowed(candidate))
        )

    if fits(point):
        return point
    for ring in range(1, math.floor(reach) + 1):
        steps = max(8, math.ceil(2 * math.pi * ring))  # about 1 unit apart along the ring
        best: Point | None = None
        best_clearance = -math.inf
        for step in range(steps):
            angle = 2 * math.pi * step / steps
            candidate = Point(
                view=point.view,
                x=round(point.x + ring * math.cos(angle), 1),
                y=round(point.y + ring * math.sin(angle), 1),
            )
            room = clearance(candidate.x, candidate.y)
            if room > best_clearance and fits(candidate):
                best, best_clearance = candidate, room
        if best is not None:
            return best
    return None


def _close_pairs(injections: list[Injection]) -> list[tuple[Injection, Injection]]:
    """Injections at (nearly) the same point of one view (one site code twice is another error)."""
    pairs = []
    for n, a in enumerate(injections):
        for b in injections[n + 1 :]:
            same_site = a.site_code is not None and a.site_code == b.site_code
            if a.point.view != b.point.view or same_site:
                continue
            if math.dist((a.point.x, a.point.y), (b.point.x, b.point.y)) < DUPLICATE_DISTANCE:
                pairs.append((a, b))
    return pairs


def _whole_in(value: object, low: int, high: int) -> bool:
    """A whole number (not True/False, not 5.0) from ``low`` to ``high``."""
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def _side_word(side: Side) -> str:
    return "" if side == "midline" else side


def _round(value: Decimal, places: str) -> Decimal:
    return value.quantize(Decimal(places), rounding=ROUND_HALF_UP)


def side_name(side: Side) -> str:
    """A side in the reader's words ("" for the midline)."""
    return {"left": _("left"), "right": _("right")}.get(side, "")


def units_text(units: Decimal | int | float) -> str:
    """Units as a reader writes them (5, 7.5 in English; 5, 7,5 in French): for text a person
    reads. :func:`format_units` is the form typed into fields and stored."""
    return local_number(format_units(units))


def format_units(units: Decimal | int | float) -> str:
    """5 → "5", 7.5 → "7.5": units as a clinician writes them."""
    units = Decimal(units)  # exact: an int or float dose from a script prints as it is stored
    if units == units.to_integral_value():
        return str(units.quantize(Decimal(1)))
    return str(units.normalize())
