"""A patient's treatment record: every session on one table, oldest first.

One row per session (date, units per muscle, total, lot, injector, headache days, adverse events),
so a clinician sees the pattern, the dose changes and the response over years at once. Units that
differ from the protocol's standard dose for the muscle are printed bold. Each signed session's
addenda (date, author, text) follow its row: a day-3 call reporting neck pain is on the record, and
the session's adverse events point to it rather than saying "None".

When the record carries the patient's course (note.data.TreatmentRecord.course), each signed
session's row also shows the outcome recorded at its visit (headache days per 28 days and the
change against baseline), and the sessions table is followed by the trend chart and the verdict
under the record's rule profile (docs/clinical-reference.md §8).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from botox_chart.chart import RETREATMENT_DAYS, URGENT_ADVERSE_EVENTS, units_text
from botox_chart.i18n import N_, _, date_time, ngettext
from botox_chart.i18n import date as local_date
from botox_chart.i18n import percent as local_percent
from botox_chart.note import fonts, identity, layout
from botox_chart.note.data import AddendumInfo, RecordEntry, TreatmentRecord
from botox_chart.note.layout import PageHeader, heading, labelled, text
from botox_chart.note.outcome_chart import trend_drawing
from botox_chart.note.outcome_parts import NOT_RECORDED, cycle_figure, verdict_box
from botox_chart.note.signature import CLINIC_SETTINGS_NOT_SIGNED
from botox_chart.outcomes import CycleOutcome, figure, per_28
from botox_chart.protocol import Protocol, load_named
from botox_chart.store.models import Status

MISMATCH = N_("DOES NOT MATCH ITS SIGNATURE")
CHART_HEIGHT = 170.0
"""The trend chart under the sessions table."""
CELL_FONT_SIZE = 8
CELL_PADDING = 3
"""Left and right padding of every cell of the sessions table."""
SESSION_COLUMN = 44.0
"""The narrowest the Session column gets; wider when a label ("1381 draft") needs it."""


def story(treatment: TreatmentRecord, width: float) -> list[Flowable]:
    s = layout.styles()
    flow: list[Flowable] = [layout.PartStart(page_header(treatment))]
    flow += [_title(treatment, width, s), Spacer(1, 8), _identity(treatment, width, s)]
    flow += _summary(treatment, width, s)
    flow += _integrity(treatment, s)
    flow += heading(_("Sessions"), s["heading"])
    if treatment.entries:
        key = _key(_protocol(treatment), treatment.course is not None, s)
        flow += [key, Spacer(1, 4), _sessions_table(treatment, width, s)]
    else:
        flow.append(Paragraph(_("No sessions recorded."), s["body"]))
    flow += _outcome(treatment, width, s)
    flow += [Spacer(1, 6), Paragraph(text(_(CLINIC_SETTINGS_NOT_SIGNED)), s["muted"])]
    return flow


def _outcome(
    treatment: TreatmentRecord, width: float, s: dict[str, ParagraphStyle]
) -> list[Flowable]:
    """The trend chart beside the verdict, kept together."""
    course, profile, verdict = treatment.course, treatment.profile, treatment.verdict
    if course is None or profile is None or verdict is None:
        return []
    gap = 14.0
    chart_width = width * 0.62
    side = width - chart_width - gap
    row = layout.side_by_side(
        [
            trend_drawing(course, profile, chart_width, CHART_HEIGHT),
            "",
            verdict_box(verdict, profile, side, s),
        ],
        [chart_width, gap, side],
    )
    return [KeepTogether([*heading(_("Outcome per cycle"), s["heading"]), row])]


def _cycles(treatment: TreatmentRecord) -> dict[int, CycleOutcome]:
    """Session id → the outcome of its cycle (signed sessions of the course only)."""
    course = treatment.course
    return {} if course is None else {c.session_id: c for c in course.cycles}


def _mismatched(treatment: TreatmentRecord) -> list[RecordEntry]:
    return [e for e in treatment.entries if e.integrity_problems]


def _integrity(treatment: TreatmentRecord, s: dict[str, ParagraphStyle]) -> list[Flowable]:
    """Each signed session that no longer matches its signature, and why (as on its note)."""
    flow: list[Flowable] = []
    for entry in _mismatched(treatment):
        flow.append(
            Paragraph(
                f'<font color="{layout.ALERT.hexval()}"><b>'
                + _("Session {session} {mismatch}.").format(
                    session=entry.session_id, mismatch=_(MISMATCH)
                )
                + "</b></font> "
                + " ".join(text(problem) for problem in entry.integrity_problems),
                s["body"],
            )
        )
    return [Spacer(1, 6), *flow] if flow else []


def page_header(treatment: TreatmentRecord) -> PageHeader:
    p = treatment.patient
    entries = treatment.entries
    span = []
    if entries:
        first, last = entries[0].chart.date_of_service, entries[-1].chart.date_of_service
        span = [
            ngettext(
                "{count} session, {first} to {last}",
                "{count} sessions, {first} to {last}",
                len(entries),
            ).format(count=len(entries), first=local_date(first), last=local_date(last))
        ]
    footer = _("Treatment record")
    mismatched = _mismatched(treatment)
    if mismatched:  # on every page, as on a procedure note
        footer += " · " + _("{mismatch}: session {sessions}").format(
            mismatch=_(MISMATCH), sessions=", ".join(str(e.session_id) for e in mismatched)
        )
    return identity.page_header(
        p, treatment.clinic.name, document=_("Treatment record"), details=span, footer=footer
    )


def _title(treatment: TreatmentRecord, width: float, s: dict[str, ParagraphStyle]) -> Table:
    clinic = treatment.clinic
    left = [Paragraph(text(clinic.name), s["clinic"])]
    contact = ", ".join(
        part for part in (clinic.address.strip().replace("\n", ", "), clinic.phone.strip()) if part
    )
    if contact:
        left.append(Paragraph(text(contact), s["small"]))
    right = [
        Paragraph(_("Treatment record"), s["title"]),
        Paragraph(_("OnabotulinumtoxinA (Botox) for chronic migraine"), s["right"]),
    ]
    return layout.side_by_side([left, right], [width * 0.6, width * 0.4])


def _identity(treatment: TreatmentRecord, width: float, s: dict[str, ParagraphStyle]) -> Table:
    p = treatment.patient
    cells: list[object] = [
        identity.patient_cell(p, s),
        labelled(_("Date of birth"), local_date(p.date_of_birth), s),
        identity.chart_number_cell(p, s),
        identity.health_card_cell(p, s),
        identity.referred_by_cell(p, s),
        identity.allergies_cell(p, s),
    ]
    return identity.identity_box([cells], (0.24, 0.1, 0.1, 0.15, 0.21, 0.2), width, padding=4)


def _summary(
    treatment: TreatmentRecord, width: float, s: dict[str, ParagraphStyle]
) -> list[Flowable]:
    entries = treatment.entries
    signed = [e for e in entries if e.status == Status.SIGNED.value]
    drafts = len(entries) - len(signed)
    count = ngettext("{count} signed", "{count} signed", len(signed)).format(count=len(signed))
    if drafts:
        count += ", " + ngettext("{count} draft", "{count} drafts", drafts).format(count=drafts)
    last = signed[-1].chart if signed else None
    with_days = [e for e in signed if e.chart.headache_days is not None]
    response = _("Not recorded")
    response_label = _("Headache days / 30 days (first → latest)")
    if treatment.course is not None:
        response_label, response = _response_per_28(treatment)
    elif with_days:
        first_days = with_days[0].chart.headache_days or 0
        last_days = with_days[-1].chart.headache_days or 0
        response = _("{days} on {date}").format(
            days=first_days, date=local_date(with_days[0].chart.date_of_service)
        )
        if len(with_days) > 1:
            response += " → " + _("{days} on {date}").format(
                days=last_days, date=local_date(with_days[-1].chart.date_of_service)
            )
            if first_days:
                change = f"{(last_days - first_days) / first_days * 100:+.0f}"
                response += f" ({local_percent(change)})"
    cells = [
        labelled(_("Sessions"), count, s),
        labelled(
            _("First / latest"),
            f"{local_date(entries[0].chart.date_of_service)} / "
            f"{local_date(entries[-1].chart.date_of_service)}"
            if entries
            else "—",
            s,
        ),
        labelled(
            _("Next due"),
            _("{date} ({weeks} weeks after the last)").format(
                date=local_date(last.next_due), weeks=RETREATMENT_DAYS // 7
            )
            if last
            else "—",
            s,
        ),
        labelled(response_label, response, s),
    ]
    table = Table([cells], colWidths=[width * w for w in (0.17, 0.19, 0.28, 0.36)])
    table.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 1, layout.ACCENT),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return [Spacer(1, 6), table]


def _response_per_28(treatment: TreatmentRecord) -> tuple[str, str]:
    """The summary's response cell from the course: baseline → latest figure per 28 days."""
    assert treatment.course is not None
    course = treatment.course
    base = course.baseline
    recorded = [c for c in course.cycles if per_28(c.headache_days, c.window_days) is not None]
    parts = []
    if base is not None:
        parts.append(
            _("{days} at baseline").format(
                days=figure(per_28(base.headache_days, base.window_days))
            )
        )
    if recorded:
        latest = recorded[-1]
        parts.append(
            _("{days} on {date}").format(
                days=cycle_figure(base, latest), date=local_date(latest.date)
            )
        )
    words = " → ".join(parts) if parts else _("Not recorded")
    return _("Headache days per 28 days (baseline → latest)"), words


def _protocol(treatment: TreatmentRecord) -> Protocol:
    """The protocol whose muscles are the table's columns: the latest session's, or the default."""
    return treatment.entries[-1].chart.protocol if treatment.entries else load_named()


def abbreviation(name: str) -> str:
    """A muscle's column heading: its first word, cut to four letters if long (Cervical → Cerv)."""
    word = name.split()[0]
    return word if len(word) <= 5 else word[:4]


def _sessions_table(
    treatment: TreatmentRecord, width: float, s: dict[str, ParagraphStyle]
) -> Table:
    protocol = _protocol(treatment)
    muscles = list(protocol.muscles)
    head = [
        _("Date"),
        _("Session"),
        *(abbreviation(_(m.name)) for m in muscles),
        _("Other"),
        _("Total U"),
        _("Lot"),
        _("Injector"),
        _("Headache / migraine days"),
        *([_("Per 28 days (change)")] if treatment.course is not None else []),
        _("Adverse events"),
    ]
    total_col = len(muscles) + 3
    numeric = range(2, total_col + 1)
    data: list[list[object]] = [
        [
            Paragraph(text(h), s["label_right"] if n in numeric else s["label"])
            for n, h in enumerate(head)
        ]
    ]
    style: list[tuple[object, ...]] = []
    n = 0
    cycles = _cycles(treatment)
    for index, entry in enumerate(treatment.entries):
        outcome_cell = None if treatment.course is None else _outcome_cell(entry, cycles, treatment)
        data.append(_row(entry, protocol, s, outcome_cell))
        n = len(data) - 1
        shade = colors.white if index % 2 == 0 else layout.SHADE
        if entry.status != Status.SIGNED.value or entry.integrity_problems:
            shade = colors.HexColor("#fbe9eb")
            style.append(("TEXTCOLOR", (1, n), (1, n), layout.ALERT))
        totals = entry.chart.totals()
        for col, muscle in enumerate(muscles, start=2):
            if totals.by_muscle.get(muscle.code, Decimal(0)) != protocol.standard_units(
                muscle.code
            ):
                style.append(("FONT", (col, n), (col, n), fonts.BOLD, CELL_FONT_SIZE))
        for addendum in entry.addenda:
            data.append(["", _addendum(addendum, s)])
            style.append(("SPAN", (1, len(data) - 1), (-1, len(data) - 1)))
        style.append(("BACKGROUND", (0, n), (-1, len(data) - 1), shade))
        if entry.addenda:  # the session and its addenda read as one block
            style.append(("LINEBELOW", (0, len(data) - 1), (-1, len(data) - 1), 0.4, layout.RULE))
    outcome = treatment.course is not None
    widths = [
        56.0,
        session_column_width(treatment.entries),
        *([30.0] * len(muscles)),
        32.0,
        36.0,
        56.0 if outcome else 62.0,
        90.0 if outcome else 108.0,
        52.0,
        *([62.0] if outcome else []),
    ]
    widths.append(max(width - sum(widths), 72.0))
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 1), (-1, -1), fonts.REGULAR, CELL_FONT_SIZE),
                ("FONT", (0, 1), (0, -1), fonts.BOLD, CELL_FONT_SIZE),
                ("FONT", (total_col, 1), (total_col, -1), fonts.BOLD, 8.5),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
                ("ALIGN", (2, 0), (total_col, -1), "RIGHT"),
                ("ALIGN", (total_col + 3, 0), (total_col + 3, -1), "CENTER"),
                *([("ALIGN", (total_col + 4, 0), (total_col + 4, -1), "RIGHT")] if outcome else []),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, layout.INK),
                ("LINEBEFORE", (2, 0), (2, -1), 0.6, layout.RULE),
                ("LINEBEFORE", (total_col, 0), (total_col, -1), 0.6, layout.RULE),
                ("LINEAFTER", (total_col, 0), (total_col, -1), 0.6, layout.RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
                ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
                *style,
            ]
        )
    )
    return table


def session_label(entry: RecordEntry) -> str:
    """The Session cell of a session that matches its signature: "1380", or "1381 draft"."""
    if entry.status == Status.SIGNED.value:
        return str(entry.session_id)
    return _("{session} draft").format(session=entry.session_id)


def session_column_width(entries: Sequence[RecordEntry]) -> float:
    """Wide enough for every session's label on one line (a mismatch wraps in its cell)."""
    widest = max(
        (stringWidth(session_label(e), fonts.REGULAR, CELL_FONT_SIZE) for e in entries),
        default=0.0,
    )
    return max(SESSION_COLUMN, widest + 2 * CELL_PADDING + 1)


def _addendum(addendum: AddendumInfo, s: dict[str, ParagraphStyle]) -> Paragraph:
    when = date_time(addendum.at)
    author = text(addendum.author) if addendum.author else _("author not recorded")
    return Paragraph(
        _("<b>Addendum</b> {when} · {author}: {text}").format(
            when=text(when), author=author, text=text(addendum.text)
        ),
        s["cell"],
    )


def _key(protocol: Protocol, outcome: bool, s: dict[str, ParagraphStyle]) -> Paragraph:
    names = " · ".join(
        f"<b>{text(abbreviation(_(m.name)))}</b> {text(_(m.name).lower())}"
        for m in protocol.muscles
    )
    words = _(
        "Units per muscle: {names}; <b>{other}</b> custom sites. Bold: not the standard dose for "
        "the muscle. Headache and migraine days are counted over each visit's counting window "
        "(the last 30 days unless the visit says otherwise)."
    ).format(names=names, other=_("Other"))
    if outcome:
        words += " " + _(
            "<b>{per_28}</b>: the headache days recorded at the visit per 28 days (the outcome of "
            "the cycles before it) and the change from baseline."
        ).format(per_28=_("Per 28 days"))
    return Paragraph(words, s["muted"])


def _row(
    entry: RecordEntry,
    protocol: Protocol,
    s: dict[str, ParagraphStyle],
    outcome: str | None,
) -> list[object]:
    """One session's cells; ``outcome`` is the outcome column's (None: the record has none)."""
    chart = entry.chart
    totals = chart.totals()
    known = {m.code for m in protocol.muscles}
    other = sum((u for m, u in totals.by_muscle.items() if m not in known), Decimal(0))
    if entry.integrity_problems:
        session: object = Paragraph(
            f'{entry.session_id} <font color="{layout.ALERT.hexval()}"><b>{_(MISMATCH)}</b></font>',
            s["cell"],
        )
    else:
        session = session_label(entry)
    days = "—" if chart.headache_days is None else str(chart.headache_days)
    days += " / " + ("—" if chart.migraine_days is None else str(chart.migraine_days))
    events = [
        f'<font color="{layout.ALERT.hexval()}"><b>{text(_(e))}</b></font>'
        if e in URGENT_ADVERSE_EVENTS
        else text(_(e))
        for e in chart.adverse_events
    ]
    if chart.adverse_event_other.strip():
        events.append(text(chart.adverse_event_other.strip()))
    said = ", ".join(events) if events else _("None at the visit") if entry.addenda else _("None")
    if entry.addenda:  # what was learnt after signing (a day-3 call) is in the addenda
        which = ngettext(
            "see the addendum below", "see the {count} addenda below", len(entry.addenda)
        ).format(count=len(entry.addenda))
        said += f"<br/><i>{which}</i>"
    return [
        local_date(chart.date_of_service, numeric=True),
        session,
        *(_units(totals.by_muscle.get(m.code, Decimal(0))) for m in protocol.muscles),
        _units(other),
        units_text(totals.total),
        Paragraph("<br/>".join(text(lot) for lot in chart.lots) or "—", s["cell"]),
        Paragraph(text(entry.injector) if entry.injector else "—", s["cell"]),
        days,
        *([] if outcome is None else [outcome]),
        Paragraph(said, s["cell"]),
    ]


def _outcome_cell(
    entry: RecordEntry, cycles: dict[int, CycleOutcome], treatment: TreatmentRecord
) -> str:
    """Headache days per 28 days recorded at the session's visit and the change from baseline
    ("—" for a draft or a visit with no figure)."""
    cycle = cycles.get(entry.session_id)
    if cycle is None or treatment.course is None:
        return NOT_RECORDED
    return cycle_figure(treatment.course.baseline, cycle)


def _units(units: Decimal) -> str:
    return units_text(units) if units else "—"
