"""What was injected and what it cost: the product, each vial's lot and expiry, the dilution and
needle, the units wasted (JW) or none (JZ), and the billing lines the clinic's settings ask for
(docs/clinical-reference.md §4, docs/clinical-reference.md §5).
"""

from __future__ import annotations

from decimal import Decimal

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from botox_chart.chart import Chart, units_text
from botox_chart.i18n import _, ngettext
from botox_chart.i18n import date as local_date
from botox_chart.i18n import number as local_number
from botox_chart.note import fonts, layout
from botox_chart.note.data import SessionNote
from botox_chart.note.layout import alert, columns, facts, heading, text

CPT_PROCEDURE = "64615"
"""CPT 64615 (chemodenervation for chronic migraine), once per session.

See docs/clinical-reference.md §5.
"""
HCPCS_PRODUCT = "J0585"
"""HCPCS J0585, onabotulinumtoxinA per unit; waste on a second line with JW, none: JZ.

See docs/clinical-reference.md §5.
"""


def lots_at_a_glance(chart: Chart) -> tuple[str, str]:
    """The glance strip's lot cell: every lot used (MISSING when a vial has none) and their
    expiry dates."""
    lots = [text(lot) for lot in chart.lots]
    if any(not v.lot_number.strip() for v in chart.vials) or not lots:
        lots.append(alert(_("MISSING")))
    expiries = sorted({v.lot_expiry for v in chart.vials if v.lot_expiry is not None})
    if not expiries:
        said = _("expiry not recorded")
    else:
        said = ngettext("expires {dates}", "expire {dates}", len(expiries)).format(
            dates=", ".join(local_date(day) for day in expiries)
        )
    return " + ".join(lots), said


def vial_lines(chart: Chart) -> list[str]:
    """Two lines per vial: its lot and expiry, then its size, the units drawn from it and its
    waste; then the units opened (docs/clinical-reference.md §4,
    docs/clinical-reference.md §5)."""
    lines = []
    for n, (vial, drawn) in enumerate(zip(chart.vials, chart.drawn(), strict=True), start=1):
        lot = (
            f"<b>{text(vial.lot_number)}</b>"
            if vial.lot_number.strip()
            else alert(_("lot MISSING"))
        )
        expiry = (
            _("exp. {date}").format(date=local_date(vial.lot_expiry))
            if vial.lot_expiry
            else alert(_("expiry not recorded"))
        )
        wasted = max(Decimal(vial.units) - drawn, Decimal(0))
        lines.append(
            _(
                "{n}. Lot {lot}, {expiry}<br/>{size}&nbsp;U vial: {drawn}&nbsp;U drawn, "
                "{wasted}&nbsp;U wasted"
            ).format(
                n=n,
                lot=lot,
                expiry=expiry,
                size=vial.units,
                drawn=units_text(drawn),
                wasted=units_text(wasted),
            )
        )
    if len(chart.vials) > 1:
        lines.append(_("{units}&nbsp;U opened").format(units=chart.units_opened))
    return lines


def product(note: SessionNote, width: float, s: dict[str, ParagraphStyle]) -> list[Flowable]:
    chart = note.chart
    dilution = chart.dilution
    half = (width - 14) / 2
    code_label = {"canada": "DIN", "us": "NDC"}.get(note.clinic.billing, "DIN/NDC")
    left = facts(
        [
            (_("Product"), text(_(chart.product))),
            (code_label, text(chart.din_ndc) if chart.din_ndc.strip() else _("not recorded")),
            (_("Vials"), "<br/>".join(vial_lines(chart)) or alert(_("none recorded"))),
        ],
        half,
        s,
        label=60,
    )
    if dilution.problem() is None:
        concentration = _("<b>{units} U per {tenth} mL</b> ({per_ml} U/mL)").format(
            units=units_text(dilution.units_per_tenth_ml),
            tenth=local_number("0.1"),
            per_ml=units_text(dilution.units_per_ml.quantize(Decimal("0.1"))),
        )
    else:
        concentration = alert(dilution.problem() or "")
    right = facts(
        [
            (_("Diluent"), text(_(chart.diluent))),
            (
                _("Volume"),
                _("{ml} mL per {size}&nbsp;U vial").format(
                    ml=units_text(dilution.diluent_ml), size=dilution.vial_units
                ),
            ),
            (_("Concentration"), concentration),
            (_("Needle"), text(_(chart.needle))),
        ],
        half,
        s,
        label=72,
    )
    return [
        KeepTogether(
            [*heading(_("Product and preparation"), s["heading"]), columns(left, right, width)]
        )
    ]


def waste_and_billing(
    note: SessionNote, width: float, s: dict[str, ParagraphStyle]
) -> list[Flowable]:
    chart = note.chart
    given = chart.total_units
    wasted = chart.units_wasted
    opened = chart.units_opened
    if wasted > 0:
        waste = _(
            "<b>Units wasted: {wasted} U</b> (modifier JW): {opened} U opened, {given} U "
            "administered."
        ).format(wasted=units_text(wasted), opened=opened, given=units_text(given))
    else:
        waste = _(
            "<b>Units wasted: none</b> (modifier JZ): {opened} U opened, {given} U administered."
        ).format(opened=opened, given=units_text(given))
    flow: list[Flowable] = [Paragraph(waste, s["body"])]
    billing = note.clinic.billing
    if billing == "us":
        data: list[list[object]] = [
            [
                Paragraph(_("Code"), s["label"]),
                Paragraph(_("Description"), s["label"]),
                Paragraph(_("Units"), s["label_right"]),
            ],
            [
                f"CPT {CPT_PROCEDURE}",
                _("Chemodenervation for chronic migraine (once per session)"),
                "1",
            ],
        ]
        if wasted > 0:
            data.append(
                [
                    f"HCPCS {HCPCS_PRODUCT}",
                    _("OnabotulinumtoxinA, 1 unit: administered"),
                    units_text(given),
                ]
            )
            data.append(
                [
                    f"HCPCS {HCPCS_PRODUCT}-JW",
                    _("OnabotulinumtoxinA, 1 unit: discarded"),
                    units_text(wasted),
                ]
            )
        else:
            data.append(
                [
                    f"HCPCS {HCPCS_PRODUCT}-JZ",
                    _("OnabotulinumtoxinA, 1 unit: administered, none discarded"),
                    units_text(given),
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
                _("Provincial billing code: {code}").format(
                    code=f"<b>{text(code)}</b>" if code else alert(_("not set in Clinic settings"))
                ),
                s["body"],
            )
        )
    title = _("Waste and billing") if billing in ("us", "canada") else _("Waste")
    return [KeepTogether([*heading(title, s["heading"]), *flow])]
