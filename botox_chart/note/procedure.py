"""The procedure note of one session, as a list of reportlab flowables.

Laid out for a nurse reading it at a glance: identity band, then a strip with total units, lot,
waste, signature and next due date, then the details in the order the visit happened (indication
and screening, product and preparation, the map and table of sites, outcome, signature, addenda).
Every element of "What a procedure note holds" (docs/clinical-reference.md §10) is here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from botox_chart import outcomes
from botox_chart.chart import (
    DIAGNOSES,
    URGENT_ADVERSE_EVENTS,
    Chart,
    InjectionKind,
    SiteState,
    counted_window,
    format_units,
)
from botox_chart.markers import MarkerKind
from botox_chart.note import diagram, fonts, layout, outcome_parts
from botox_chart.note.data import SessionNote, age_on
from botox_chart.note.diagram import SiteMark
from botox_chart.note.layout import PageHeader, heading, labelled, text
from botox_chart.protocol import Side

INDICATION = "Chronic migraine: prophylaxis with onabotulinumtoxinA"

CPT_PROCEDURE = "64615"
"""CPT 64615 (chemodenervation for chronic migraine), once per session.

See docs/clinical-reference.md §5.
"""
HCPCS_PRODUCT = "J0585"
"""HCPCS J0585, onabotulinumtoxinA per unit; waste on a second line with JW, none: JZ.

See docs/clinical-reference.md §5.
"""

VIEWS = (("front", "back"), ("right", "left"))
"""The diagram grid: front and back on top, the two profiles below."""
DEVIATIONS_BESIDE_MAP = 16
"""Up to this many deviations are listed beside the diagram; more get their own section."""
SIDE_WORDS: dict[str, str] = {"right": "Right", "left": "Left", "midline": "Midline"}
CLINIC_SETTINGS_NOT_SIGNED = (
    "The letterhead, the clinic's address and telephone, and the billing lines are printed from "
    "the clinic's current settings: they are not part of the signed record."
)
"""Said on every signed note: the digest covers the session, the names signed on it and the
patient's details, not the clinic's settings (which change legitimately: a new address)."""


@dataclass(frozen=True)
class SiteRow:
    """One line of the site table; ``number`` matches the marker on the diagram."""

    number: int
    kind: MarkerKind
    label: str
    muscle: str
    side: Side
    units: Decimal | None
    volume_ml: Decimal | None
    remark: str
    view: str
    x: float
    y: float

    def mark(self) -> SiteMark:
        return SiteMark(self.view, self.x, self.y, self.kind, self.number)


def site_rows(chart: Chart) -> list[SiteRow]:
    """Every site of the session grouped by muscle in protocol order, each with its number.

    Numbers are the chart's (Chart.site_numbers): protocol site k is always k and added sites
    follow the protocol's, so omitting a site renumbers nothing. Omitted and pending protocol
    sites are listed, greyed with their number struck, where they belong, so the table and the
    grey crosses on the diagram say the same thing.
    """
    protocol = chart.protocol
    muscles = [m.code for m in protocol.muscles]
    muscles += [i.muscle for i in chart.injections if i.muscle not in muscles]
    rows: list[SiteRow] = []
    numbers = chart.site_numbers()
    for muscle in dict.fromkeys(muscles):
        name = protocol.muscle_name(muscle)
        for site in protocol.sites_of(muscle) if protocol.has_muscle(muscle) else ():
            state = chart.state_of(site.code)
            injection = chart.injection_at(site.code)
            if state is SiteState.INJECTED and injection is not None:
                remark = ""
                if injection.units != site.units:
                    remark = f"standard {format_units(site.units)} U"
                point = injection.point
                rows.append(
                    SiteRow(
                        numbers[site.code],
                        MarkerKind.INJECTED,
                        injection.label,
                        name,
                        injection.side,
                        injection.units,
                        chart.volume_ml(injection.units),
                        remark,
                        point.view,
                        point.x,
                        point.y,
                    )
                )
            else:
                point = site.positions[0]
                remark = (
                    f"omitted: {chart.omissions[site.code]}"
                    if state is SiteState.OMITTED
                    else "not injected"
                )
                rows.append(
                    SiteRow(
                        numbers[site.code],
                        MarkerKind.OMITTED,
                        site.label,
                        name,
                        site.side,
                        None,
                        None,
                        remark,
                        point.view,
                        point.x,
                        point.y,
                    )
                )
        for injection in chart.injections:
            if injection.muscle != muscle or injection.kind is InjectionKind.PROTOCOL:
                continue
            ftp = injection.kind is InjectionKind.FOLLOW_THE_PAIN
            rows.append(
                SiteRow(
                    numbers[injection.key],
                    MarkerKind.FOLLOW_THE_PAIN if ftp else MarkerKind.CUSTOM,
                    injection.label,
                    name,
                    injection.side,
                    injection.units,
                    chart.volume_ml(injection.units),
                    "follow-the-pain" if ftp else "custom site",
                    injection.point.view,
                    injection.point.x,
                    injection.point.y,
                )
            )
    return rows


def story(note: SessionNote, width: float) -> list[Flowable]:
    """The flowables of one note (the caller puts a page break between notes)."""
    s = layout.styles()
    chart = note.chart
    rows = site_rows(chart)
    flow: list[Flowable] = [layout.PartStart(page_header(note))]
    flow += [_letterhead(note, width, s), Spacer(1, 8)]
    flow += [_identity_band(note, width, s), Spacer(1, 6)]
    flow += [_glance_strip(note, width, s)]
    deviations = chart.deviations()
    beside = len(deviations) <= DEVIATIONS_BESIDE_MAP
    flow += _site_map(note, rows, deviations if beside else None, width, s)
    flow += _indication(note, width, s)
    flow += _eligibility(note, width, s)
    flow += _product(note, width, s)
    flow += _site_table(chart, rows, width, s)
    if not beside:
        flow += [
            KeepTogether(
                [
                    *heading("Deviations from the standard protocol", s["heading"]),
                    *_deviation_lines(chart, deviations, s["body"]),
                ]
            )
        ]
    flow += _waste_and_billing(note, width, s)
    flow += _outcome(note, width, s)
    flow += _signature(note, width, s)
    flow += _addenda(note, width, s)
    return flow


def page_header(note: SessionNote) -> PageHeader:
    p = note.patient
    state = "signed" if note.signed else "DRAFT, not signed"
    if note.fingerprint:
        state += f" · fingerprint {note.fingerprint}"
    if note.integrity_problems:
        state += " · DOES NOT MATCH ITS SIGNATURE"
    return PageHeader(
        patient=f"{p.family_name.upper()}, {p.given_names}",
        details=(
            f"DOB {p.date_of_birth.isoformat()} · Chart {p.chart_number} · "
            f"Date of service {note.chart.date_of_service.isoformat()}"
        ),
        title=f"{note.clinic.name} · Procedure note: onabotulinumtoxinA for chronic migraine",
        footer=f"Session {note.session_id} ({state})",
        draft=not note.signed,
    )


# -- top of the first page --------------------------------------------------------------------


def _letterhead(note: SessionNote, width: float, s: dict[str, ParagraphStyle]) -> Flowable:
    status = (
        f'<font color="{layout.OK.hexval()}">SIGNED</font>'
        if note.signed
        else f'<font color="{layout.ALERT.hexval()}">DRAFT: NOT SIGNED</font>'
    )
    title = [
        Paragraph("Procedure note", s["title"]),
        Paragraph("OnabotulinumtoxinA (Botox) for chronic migraine", s["right"]),
        Paragraph(f"Session {note.session_id} · <b>{status}</b>", s["right"]),
    ]
    return layout.letterhead(note.clinic, title, width, s)


def _identity_band(note: SessionNote, width: float, s: dict[str, ParagraphStyle]) -> Flowable:
    p = note.patient
    day = note.chart.date_of_service
    referral = "None recorded"
    if p.referring_physician.strip():
        referral = text(p.referring_physician.strip())
        if p.referral_date is not None:
            referral += f", {p.referral_date.isoformat()}"
    allergies = text(p.allergies.strip()) if p.allergies.strip() else "None recorded"
    top = [
        labelled("Patient", f'<font size="11">{text(p.display_name)}</font>', s),
        "",
        labelled(
            "Date of birth",
            f"{p.date_of_birth.isoformat()} "
            f'<font name="{fonts.REGULAR}" size="7.5">age {age_on(p.date_of_birth, day)}</font>',
            s,
        ),
        labelled("Chart number", text(p.chart_number), s),
        labelled("Date of service", day.isoformat(), s),
    ]
    bottom = [
        labelled("Health card", text(p.health_card) if p.health_card else "—", s),
        labelled("Referred by", referral, s),
        "",
        labelled("Allergies", allergies, s),
        "",
    ]
    widths = [0.22, 0.17, 0.22, 0.19, 0.20]
    table = Table([top, bottom], colWidths=[width * w for w in widths])
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), layout.SHADE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("SPAN", (0, 0), (1, 0)),
                ("SPAN", (1, 1), (2, 1)),
                ("SPAN", (3, 1), (4, 1)),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return table


def _glance_strip(note: SessionNote, width: float, s: dict[str, ParagraphStyle]) -> Flowable:
    """Total units, lot, waste, signature, next due: what a nurse looks for first."""
    chart = note.chart
    totals = chart.totals()
    volume = chart.volume_ml(totals.total)
    total_sub = f"{totals.sites} sites" + (f", {volume} mL" if volume is not None else "")
    lots, expiries = _lots_at_a_glance(chart)
    wasted = chart.units_wasted
    waste = f"{format_units(wasted)} U" if wasted > 0 else "None"
    modifier = "JW" if wasted > 0 else "JZ"
    if note.signed:
        signature = text(note.signer)
        when = note.signed_at.strftime("%Y-%m-%d %H:%M %Z").strip() if note.signed_at else ""
    else:
        signature = _alert("NOT SIGNED")
        when = "draft"
    cells = [
        [
            Paragraph("TOTAL UNITS", s["label"]),
            Paragraph(f"{format_units(totals.total)} U", s["big"]),
            Paragraph(total_sub, s["muted"]),
        ],
        [
            Paragraph("LOTS" if len(chart.lots) > 1 else "LOT", s["label"]),
            Paragraph(lots, s["big"]),
            Paragraph(expiries, s["muted"]),
        ],
        [
            Paragraph("WASTED", s["label"]),
            Paragraph(waste, s["big"]),
            Paragraph(f"{modifier} · {chart.units_opened} U opened", s["muted"]),
        ],
        [
            Paragraph("SIGNATURE", s["label"]),
            Paragraph(signature, s["value"]),
            Paragraph(text(when), s["muted"]),
        ],
        [
            Paragraph("NEXT DUE", s["label"]),
            Paragraph(chart.next_due.isoformat(), s["value"]),
            Paragraph("12 weeks, not sooner", s["muted"]),
        ],
    ]
    widths = [0.16, 0.22, 0.16, 0.30, 0.16]
    table = Table([cells], colWidths=[width * w for w in widths])
    table.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 1.2, layout.ACCENT),
                ("LINEBEFORE", (1, 0), (-1, -1), 0.6, layout.RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                ("LEFTPADDING", (0, 0), (-1, -1), 7),
            ]
        )
    )
    return table


def _alert(words: str) -> str:
    return f'<font color="{layout.ALERT.hexval()}">{text(words)}</font>'


# -- before the injections --------------------------------------------------------------------


def facts(
    pairs: Iterable[tuple[str, str]], width: float, s: dict[str, ParagraphStyle], label: float
) -> Table:
    """Label: value lines (values are markup)."""
    data = [[Paragraph(text(k), s["muted"]), Paragraph(v, s["body"])] for k, v in pairs]
    table = Table(data, colWidths=[label, width - label])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    return table


def _columns(left: Flowable, right: Flowable, width: float, gap: float = 14) -> Table:
    half = (width - gap) / 2
    table = Table([[left, "", right]], colWidths=[half, gap, half])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def diagnosis_text(code: str) -> str:
    """The session's ICD-10 code and its meaning: chart.DIAGNOSES, docs/clinical-reference.md §7."""
    meaning = DIAGNOSES.get(code, "code not on the chronic migraine list")
    return f"<b>ICD-10 {text(code)}</b>: {text(meaning)}"


def _indication(note: SessionNote, width: float, s: dict[str, ParagraphStyle]) -> list[Flowable]:
    chart = note.chart
    p = note.patient
    half = (width - 14) / 2
    referral = "None recorded"
    if p.referring_physician.strip():
        referral = text(p.referring_physician.strip())
        if p.referral_date is not None:
            referral += f" on {p.referral_date.isoformat()}"
    consent = "<b>Obtained</b>" if chart.consent else f"<b>{_alert('NOT RECORDED')}</b>"
    left = facts(
        [
            ("Indication", text(INDICATION)),
            ("Diagnosis", diagnosis_text(chart.diagnosis_code)),
            ("Referral", referral),
            ("Consent", consent),
            ("Headache days", _headache_days(note)),
        ],
        half,
        s,
        label=72,
    )
    screen = []
    for name, present in chart.screen.items():
        if present is None:
            answer = _alert("not asked")
        elif present:
            answer = f"<b>{_alert('PRESENT')}</b>"
        else:
            answer = "absent"
        screen.append((name, answer))
    right = Table(
        [[Paragraph("Contraindication screen", s["muted"])], [facts(screen, half, s, label=150)]],
        colWidths=[half],
    )
    right.setStyle(
        TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 1)])
    )
    return [
        KeepTogether(
            [
                *heading("Indication, consent and screening", s["heading"]),
                _columns(left, right, width),
            ]
        )
    ]


def _headache_days(note: SessionNote) -> str:
    """The visit's figures over their counting window, and the change per 28 days against the
    eligibility assessment's baseline (docs/clinical-reference.md §8)."""
    chart = note.chart
    window = counted_window(chart.outcome_window_days, chart.headache_days)
    if chart.headache_days is None or window is None:
        return "Not recorded"
    end = chart.outcome_window_end or chart.date_of_service
    words = f"<b>{chart.headache_days}</b> in the {window} days to {end.isoformat()}"
    for label, value in (
        ("migraine days", chart.migraine_days),
        ("acute-medication days", chart.acute_medication_days),
        ("MIDAS", chart.midas_total),
        ("HIT-6", chart.hit6_total),
    ):
        if value is not None:
            words += f"; {label} <b>{value}</b>"
    per_28 = outcomes.per_28(chart.headache_days, window)
    baseline = note.baseline
    change = outcomes.change_from(baseline, chart.headache_days, window)
    if baseline is not None and change is not None:
        start = outcomes.per_28(baseline.headache_days, baseline.window_days)
        words += (
            f"<br/>{outcomes.figure(per_28)} per 28 days; baseline {outcomes.figure(start)} "
            f"(assessment to {baseline.date.isoformat()}): {outcomes.signed_percent(change)}"
        )
    return words


def _eligibility(note: SessionNote, width: float, s: dict[str, ParagraphStyle]) -> list[Flowable]:
    """On the note of a patient's first treatment: NICE TA260's criteria and the preventives
    tried, from the eligibility assessment (advice, never a block)."""
    if not note.first_treatment:
        return []
    flow = heading("Eligibility (first treatment)", s["heading"])
    assessment = note.eligibility
    if assessment is None:
        return [
            *flow,
            Paragraph(
                f"{_alert('No eligibility assessment recorded')} (Patient › Eligibility "
                f"assessment).",
                s["body"],
            ),
        ]
    return [
        KeepTogether(
            [
                *flow,
                outcome_parts.criteria_table(assessment, width, s),
                Spacer(1, 3),
                outcome_parts.preventives_table(assessment, width, s),
            ]
        )
    ]


def _lots_at_a_glance(chart: Chart) -> tuple[str, str]:
    """The glance strip's lot cell: every lot used (MISSING when a vial has none) and their
    expiry dates."""
    lots = [text(lot) for lot in chart.lots]
    if any(not v.lot_number.strip() for v in chart.vials) or not lots:
        lots.append(_alert("MISSING"))
    expiries = sorted({v.lot_expiry for v in chart.vials if v.lot_expiry is not None})
    if not expiries:
        said = "expiry not recorded"
    elif len(expiries) == 1:
        said = f"expires {expiries[0].isoformat()}"
    else:
        said = "expire " + ", ".join(day.isoformat() for day in expiries)
    return " + ".join(lots), said


def _vial_lines(chart: Chart) -> list[str]:
    """Two lines per vial: its lot and expiry, then its size, the units drawn from it and its
    waste; then the units opened (docs/clinical-reference.md §4,
    docs/clinical-reference.md §5)."""
    lines = []
    for n, (vial, drawn) in enumerate(zip(chart.vials, chart.drawn(), strict=True), start=1):
        lot = (
            f"<b>{text(vial.lot_number)}</b>" if vial.lot_number.strip() else _alert("lot MISSING")
        )
        expiry = (
            f"exp. {vial.lot_expiry.isoformat()}"
            if vial.lot_expiry
            else _alert("expiry not recorded")
        )
        wasted = max(Decimal(vial.units) - drawn, Decimal(0))
        lines.append(
            f"{n}. Lot {lot}, {expiry}<br/>"
            f"{vial.units}&nbsp;U vial: {format_units(drawn)}&nbsp;U drawn, "
            f"{format_units(wasted)}&nbsp;U wasted"
        )
    if len(chart.vials) > 1:
        lines.append(f"{chart.units_opened}&nbsp;U opened")
    return lines


def _product(note: SessionNote, width: float, s: dict[str, ParagraphStyle]) -> list[Flowable]:
    chart = note.chart
    dilution = chart.dilution
    half = (width - 14) / 2
    code_label = {"canada": "DIN", "us": "NDC"}.get(note.clinic.billing, "DIN/NDC")
    left = facts(
        [
            ("Product", text(chart.product)),
            (code_label, text(chart.din_ndc) if chart.din_ndc.strip() else "not recorded"),
            ("Vials", "<br/>".join(_vial_lines(chart)) or _alert("none recorded")),
        ],
        half,
        s,
        label=60,
    )
    if dilution.problem() is None:
        concentration = (
            f"<b>{format_units(dilution.units_per_tenth_ml)} U per 0.1 mL</b> "
            f"({format_units(dilution.units_per_ml.quantize(Decimal('0.1')))} U/mL)"
        )
    else:
        concentration = _alert(dilution.problem() or "")
    right = facts(
        [
            ("Diluent", text(chart.diluent)),
            (
                "Volume",
                f"{format_units(dilution.diluent_ml)} mL per {dilution.vial_units}&nbsp;U vial",
            ),
            ("Concentration", concentration),
            ("Needle", text(chart.needle)),
        ],
        half,
        s,
        label=72,
    )
    return [
        KeepTogether(
            [*heading("Product and preparation", s["heading"]), _columns(left, right, width)]
        )
    ]


# -- the injections ---------------------------------------------------------------------------


def _site_map(
    note: SessionNote,
    rows: list[SiteRow],
    deviations: list[str] | None,
    width: float,
    s: dict[str, ParagraphStyle],
) -> list[Flowable]:
    """The 2 × 2 diagram grid; beside it the key, units per muscle and side, and deviations."""
    marks = [r.mark() for r in rows]
    view_width = 180.0
    side_width = width - 2 * view_width - 12
    grid = Table(
        [[diagram.view_drawing(v, marks, view_width) for v in line] for line in VIEWS],
        colWidths=[view_width, view_width],
    )
    grid.setStyle(
        TableStyle(
            [
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    beside = [
        Paragraph("Key", s["muted"]),
        diagram.legend_drawing(side_width),
        Spacer(1, 10),
        Paragraph("Units by muscle and side", s["muted"]),
        Spacer(1, 2),
        _muscle_totals(note.chart, side_width, s),
    ]
    if deviations is not None:
        beside += [
            Spacer(1, 10),
            Paragraph("<b>Deviations from the standard protocol</b>", s["small"]),
            Spacer(1, 2),
            *_deviation_lines(note.chart, deviations, s["small"]),
        ]
    table = Table([[grid, "", beside]], colWidths=[view_width * 2, 12, side_width])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return [KeepTogether([*heading("Injection sites", s["heading"]), table])]


def _muscle_totals(chart: Chart, width: float, s: dict[str, ParagraphStyle]) -> Table:
    """Subtotals per muscle and side, with the protocol's standard dose for comparison."""
    protocol = chart.protocol
    totals = chart.totals()
    head = ["Muscle", "R", "L", "Mid", "Total", "Std"]
    data: list[list[object]] = [
        [Paragraph(h, s["label"] if n == 0 else s["label_right"]) for n, h in enumerate(head)]
    ]
    name_style = ParagraphStyle("muscle", s["cell"], fontSize=7, leading=8)
    for muscle, units in totals.by_muscle.items():
        standard = protocol.standard_units(muscle) if protocol.has_muscle(muscle) else None
        if units == 0 and not standard:
            continue
        cells = [
            _units_or_dash(totals.by_muscle_side.get((muscle, side), Decimal(0)))
            for side in ("right", "left", "midline")
        ]
        data.append(
            [
                Paragraph(text(protocol.muscle_name(muscle)), name_style),
                *cells,
                format_units(units),
                format_units(standard) if standard is not None else "—",
            ]
        )
    data.append(
        [
            "Total",
            *(
                _units_or_dash(
                    sum(
                        (u for (_m, sd), u in totals.by_muscle_side.items() if sd == side),
                        Decimal(0),
                    )
                )
                for side in ("right", "left", "midline")
            ),
            format_units(totals.total),
            format_units(protocol.total_units),
        ]
    )
    widths = [width - 4 * 19 - 28, 19, 19, 19, 28, 19]
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 1), (-1, -1), fonts.REGULAR, 7),
                ("FONT", (0, -1), (-1, -1), fonts.BOLD, 7),
                ("FONT", (4, 1), (4, -1), fonts.BOLD, 7),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TEXTCOLOR", (5, 1), (5, -1), layout.MUTED),
                ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
                ("LINEBELOW", (0, 0), (-1, 0), 0.6, layout.RULE),
                ("LINEABOVE", (0, -1), (-1, -1), 0.8, layout.INK),
                ("ROWBACKGROUNDS", (0, 1), (-1, -2), [colors.white, layout.SHADE]),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ]
        )
    )
    return table


def _units_or_dash(units: Decimal) -> str:
    return format_units(units) if units else "—"


def _site_table(
    chart: Chart, rows: list[SiteRow], width: float, s: dict[str, ParagraphStyle]
) -> list[Flowable]:
    head = ["#", "Site", "Muscle", "Side", "Units", "Volume (mL)", "Remark"]
    data: list[list[object]] = [
        [
            Paragraph(h, s["label_right"] if h in ("Units", "Volume (mL)") else s["label"])
            for h in head
        ]
    ]
    style: list[tuple[object, ...]] = []
    for n, row in enumerate(rows, start=1):
        injected = row.units is not None
        data.append(
            [
                _marker_cell(row, s),
                Paragraph(text(row.label), s["cell"]),
                Paragraph(text(row.muscle), s["cell"]),
                SIDE_WORDS.get(row.side, row.side),
                format_units(row.units) if row.units is not None else "—",
                f"{row.volume_ml:.2f}" if row.volume_ml is not None else "—",
                Paragraph(text(row.remark), s["cell"]),
            ]
        )
        if not injected:
            style.append(("TEXTCOLOR", (0, n), (-1, n), layout.MUTED))
    totals = chart.totals()
    volume = chart.volume_ml(totals.total)
    protocol = chart.protocol
    data.append(
        [
            "",
            Paragraph(f"<b>TOTAL: {totals.sites} sites</b>", s["cell"]),
            "",
            "",
            f"{format_units(totals.total)} U",
            f"{volume:.2f}" if volume is not None else "—",
            Paragraph(
                f"standard {format_units(protocol.total_units)} U, {len(protocol.sites)} sites",
                s["cell"],
            ),
        ]
    )
    last = len(data) - 1
    # The total never sits alone at the top of a page: it keeps the last sites above it.
    style.append(("NOSPLIT", (0, max(1, last - 3)), (-1, last)))
    widths = [0.05, 0.29, 0.17, 0.09, 0.08, 0.11, 0.21]
    table = Table(data, colWidths=[width * w for w in widths], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 1), (-1, -1), fonts.REGULAR, 8),
                ("FONT", (4, 1), (4, -1), fonts.BOLD, 8),
                ("FONT", (0, -1), (-1, -1), fonts.BOLD, 9.5),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (0, 0), (0, -1), "CENTER"),
                ("ALIGN", (4, 0), (5, -1), "RIGHT"),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, layout.INK),
                ("ROWBACKGROUNDS", (0, 1), (-1, -2), [colors.white, layout.SHADE]),
                ("LINEABOVE", (0, -1), (-1, -1), 1.2, layout.INK),
                ("BACKGROUND", (0, -1), (-1, -1), colors.HexColor("#dde6ee")),
                ("TOPPADDING", (0, 0), (-1, -1), 0.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                *style,
            ]
        )
    )
    return [CondPageBreak(120), *heading("Site table", s["heading"]), table]


def _marker_cell(row: SiteRow, s: dict[str, ParagraphStyle]) -> Flowable:
    """The same marker as on the diagram, so a row and its point are matched by eye; a site not
    injected keeps its number, struck through (the diagram crosses it out)."""
    from reportlab.graphics.shapes import Drawing

    if row.kind is MarkerKind.OMITTED:
        struck = ParagraphStyle("struck", s["cell"], alignment=TA_CENTER, textColor=layout.MUTED)
        return Paragraph(f"<strike>{row.number}</strike>", struck)
    radius = diagram.MARKER_SIZE * 1.15
    size = radius * 2 + 2
    drawing = Drawing(size, size)
    drawing.add(diagram.marker(row.kind, size / 2, size / 2, row.number, radius=radius))
    return drawing


def _deviation_lines(chart: Chart, deviations: list[str], style: ParagraphStyle) -> list[Flowable]:
    """Every departure from the standard protocol in words, or "none".

    What counts as a departure: docs/clinical-reference.md §3.
    """
    if deviations:
        bullet = ParagraphStyle("bullet", style, leftIndent=8, bulletIndent=0, spaceAfter=1)
        return [Paragraph(text(w), bullet, bulletText="•") for w in deviations]
    protocol = chart.protocol
    return [
        Paragraph(
            f"None: standard {text(protocol.name)}, {format_units(protocol.total_units)} U at "
            f"{len(protocol.sites)} sites.",
            style,
        )
    ]


def _waste_and_billing(
    note: SessionNote, width: float, s: dict[str, ParagraphStyle]
) -> list[Flowable]:
    chart = note.chart
    given = chart.total_units
    wasted = chart.units_wasted
    opened = chart.units_opened
    if wasted > 0:
        waste = (
            f"<b>Units wasted: {format_units(wasted)} U</b> (modifier JW): {opened} U opened, "
            f"{format_units(given)} U administered."
        )
    else:
        waste = (
            f"<b>Units wasted: none</b> (modifier JZ): {opened} U opened, "
            f"{format_units(given)} U administered."
        )
    flow: list[Flowable] = [Paragraph(waste, s["body"])]
    billing = note.clinic.billing
    if billing == "us":
        data: list[list[object]] = [
            [
                Paragraph("Code", s["label"]),
                Paragraph("Description", s["label"]),
                Paragraph("Units", s["label_right"]),
            ],
            [
                f"CPT {CPT_PROCEDURE}",
                "Chemodenervation for chronic migraine (once per session)",
                "1",
            ],
        ]
        if wasted > 0:
            data.append(
                [
                    f"HCPCS {HCPCS_PRODUCT}",
                    "OnabotulinumtoxinA, 1 unit: administered",
                    format_units(given),
                ]
            )
            data.append(
                [
                    f"HCPCS {HCPCS_PRODUCT}-JW",
                    "OnabotulinumtoxinA, 1 unit: discarded",
                    format_units(wasted),
                ]
            )
        else:
            data.append(
                [
                    f"HCPCS {HCPCS_PRODUCT}-JZ",
                    "OnabotulinumtoxinA, 1 unit: administered, none discarded",
                    format_units(given),
                ]
            )
        table = Table(data, colWidths=[90, width - 150, 60], hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 1), (-1, -1), fonts.REGULAR, 8),
                    ("FONT", (0, 1), (0, -1), fonts.BOLD, 8),
                    ("ALIGN", (2, 0), (2, -1), "RIGHT"),
                    ("LINEBELOW", (0, 0), (-1, 0), 0.6, layout.RULE),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                ]
            )
        )
        flow += [Spacer(1, 4), table]
    elif billing == "canada":
        code = note.clinic.provincial_code.strip()
        flow.append(
            Paragraph(
                f"Provincial billing code: <b>{text(code)}</b>"
                if code
                else f"Provincial billing code: {_alert('not set in Clinic settings')}",
                s["body"],
            )
        )
    title = "Waste and billing" if billing in ("us", "canada") else "Waste"
    return [KeepTogether([*heading(title, s["heading"]), *flow])]


# -- after the injections ---------------------------------------------------------------------


def _outcome(note: SessionNote, width: float, s: dict[str, ParagraphStyle]) -> list[Flowable]:
    chart = note.chart
    events = []
    for event in chart.adverse_events:
        if event in URGENT_ADVERSE_EVENTS:
            events.append(f"<b>{_alert(event + ': URGENT REVIEW (possible distant spread)')}</b>")
        else:
            events.append(text(event))
    if chart.adverse_event_other.strip():
        events.append(f"Other: {text(chart.adverse_event_other.strip())}")
    said = "<br/>".join(events) if events else "None reported"
    if note.addenda:  # news after signing (a day-3 call: neck pain) is in the addenda
        said = ("<br/>".join(events) if events else "None reported at the visit") + (
            "<br/><i>After signing: see the addenda below.</i>"
        )
    pairs = [
        ("Adverse events", said),
        ("Tolerance", text(chart.tolerance) if chart.tolerance.strip() else "Not recorded"),
        ("Aftercare", text(chart.aftercare) if chart.aftercare.strip() else "Not recorded"),
        (
            "Next due",
            f"<b>{chart.next_due.isoformat()}</b> (12 weeks after this session; not sooner)",
        ),
    ]
    if chart.notes.strip():
        pairs.append(("Notes", text(chart.notes)))
    return [
        KeepTogether([*heading("Outcome and aftercare", s["heading"]), facts(pairs, width, s, 90)])
    ]


def _signature(note: SessionNote, width: float, s: dict[str, ParagraphStyle]) -> list[Flowable]:
    injector = text(note.injector) if note.injector else "Not recorded"
    supervisor = text(note.supervisor) if note.supervisor else "None"
    if note.signed:
        when = note.signed_at.strftime("%Y-%m-%d %H:%M %Z").strip() if note.signed_at else ""
        signed = f"<b>Electronically signed by {text(note.signer)}</b> on {text(when)}"
    else:
        signed = (
            f'<font size="16" color="{layout.ALERT.hexval()}"><b>NOT SIGNED</b></font><br/>'
            "This draft is not a valid record of treatment until the injector signs it."
        )
    pairs = [
        ("Injector", f"<b>{injector}</b>"),
        ("Supervising physician", supervisor),
        ("Signature", signed),
    ]
    if note.fingerprint:
        pairs.append(
            (
                "Record fingerprint",
                f"<b>{text(note.fingerprint)}</b> (the start of the signed record's SHA-256 "
                "digest; <i>botox-chart verify</i> checks it)",
            )
        )
    if note.signed:
        pairs.append(("Clinic details", CLINIC_SETTINGS_NOT_SIGNED))
    if note.integrity_problems:
        pairs.append(
            (
                "Integrity",
                f'<font color="{layout.ALERT.hexval()}"><b>This record does not match its '
                "signature.</b></font> "
                + " ".join(text(problem) for problem in note.integrity_problems),
            )
        )
    if note.acknowledged:
        pairs.append(
            (
                "Acknowledged at signing",
                "<br/>".join(f"• {text(a)}" for a in note.acknowledged),
            )
        )
    box = Table([[facts(pairs, width - 16, s, 110)]], colWidths=[width])
    box.setStyle(
        TableStyle(
            [
                (
                    "BOX",
                    (0, 0),
                    (-1, -1),
                    1.2,
                    layout.ACCENT if note.signed else layout.ALERT,
                ),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return [KeepTogether([*heading("Signature", s["heading"]), box])]


def _addenda(note: SessionNote, width: float, s: dict[str, ParagraphStyle]) -> list[Flowable]:
    if not note.addenda:
        return []
    flow: list[Flowable] = heading("Addenda (added after signing)", s["heading"])
    for addendum in note.addenda:
        when = addendum.at.strftime("%Y-%m-%d %H:%M %Z").strip()
        flow.append(
            KeepTogether(
                [
                    Paragraph(f"<b>{text(when)}</b> · {text(addendum.author)}", s["small"]),
                    Paragraph(text(addendum.text), s["body"]),
                    Spacer(1, 4),
                ]
            )
        )
    return flow
