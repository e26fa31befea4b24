"""The procedure note of one session, as a list of reportlab flowables.

Laid out for a nurse reading it at a glance: identity band, then a strip with total units, lot,
waste, signature and next due date, then the details in the order the visit happened (indication
and screening, product and preparation, the map and table of sites, outcome, signature, addenda).
Every element of "What a procedure note holds" (docs/clinical-reference.md §10) is here.

This module lays out the top of the note and puts the sections in order; each section is a module
of its own, which the treatment record and the letter use too: ``identity`` (who the patient is),
``indication``, ``product`` (vials, preparation, waste and billing), ``site_map`` (the diagram),
``site_table`` and ``signature`` (outcome, signature, addenda).
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from botox_chart.chart import units_text
from botox_chart.i18n import _, date_time, ngettext
from botox_chart.i18n import date as local_date
from botox_chart.i18n import number as local_number
from botox_chart.note import fonts, identity, indication, layout, product, signature, site_map
from botox_chart.note.data import SessionNote, age_on
from botox_chart.note.layout import PageHeader, labelled, text
from botox_chart.note.signature import CLINIC_SETTINGS_NOT_SIGNED
from botox_chart.note.site_table import site_rows, site_table

__all__ = ["CLINIC_SETTINGS_NOT_SIGNED", "page_header", "site_rows", "story"]
"""The note and its page header; the site rows and the statement about the clinic's settings are
named here too, as the note prints them."""


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
    beside = len(deviations) <= site_map.DEVIATIONS_BESIDE_MAP
    flow += site_map.site_map(note, rows, deviations if beside else None, width, s)
    flow += indication.indication(note, width, s)
    flow += indication.eligibility(note, width, s)
    flow += product.product(note, width, s)
    flow += site_table(chart, rows, width, s)
    if not beside:
        flow += site_map.deviations_section(chart, deviations, s)
    flow += product.waste_and_billing(note, width, s)
    flow += signature.aftercare(note, width, s)
    flow += signature.signature(note, width, s)
    flow += signature.addenda(note, width, s)
    return flow


def page_header(note: SessionNote) -> PageHeader:
    state = _("signed") if note.signed else _("DRAFT, not signed")
    if note.fingerprint:
        state += " · " + _("fingerprint {fingerprint}").format(fingerprint=note.fingerprint)
    if note.integrity_problems:
        state += " · " + _("DOES NOT MATCH ITS SIGNATURE")
    return identity.page_header(
        note.patient,
        note.clinic.name,
        document=_("Procedure note"),
        details=[_("Date of service {date}").format(date=local_date(note.chart.date_of_service))],
        footer=_("Session {session} ({state})").format(session=note.session_id, state=state),
        draft=not note.signed,
    )


# -- top of the first page --------------------------------------------------------------------


def _letterhead(note: SessionNote, width: float, s: dict[str, ParagraphStyle]) -> Flowable:
    status = (
        '<font color="{}">{}</font>'.format(layout.OK.hexval(), _("SIGNED"))
        if note.signed
        else '<font color="{}">{}</font>'.format(layout.ALERT.hexval(), _("DRAFT: NOT SIGNED"))
    )
    title = [
        Paragraph(_("Procedure note"), s["title"]),
        Paragraph(_("OnabotulinumtoxinA (Botox) for chronic migraine"), s["right"]),
        Paragraph(
            _("Session {session} · <b>{status}</b>").format(session=note.session_id, status=status),
            s["right"],
        ),
    ]
    return layout.letterhead(note.clinic, title, width, s)


def _identity_band(note: SessionNote, width: float, s: dict[str, ParagraphStyle]) -> Flowable:
    p = note.patient
    day = note.chart.date_of_service
    top: list[object] = [
        identity.patient_cell(p, s),
        "",
        labelled(
            _("Date of birth"),
            f"{local_date(p.date_of_birth)} "
            f'<font name="{fonts.REGULAR}" size="7.5">'
            + _("age {years}").format(years=age_on(p.date_of_birth, day))
            + "</font>",
            s,
        ),
        identity.chart_number_cell(p, s),
        labelled(_("Date of service"), local_date(day), s),
    ]
    bottom: list[object] = [
        identity.health_card_cell(p, s),
        identity.referred_by_cell(p, s),
        "",
        identity.allergies_cell(p, s),
        "",
    ]
    return identity.identity_box(
        [top, bottom],
        [0.22, 0.17, 0.22, 0.19, 0.20],
        width,
        spans=[((0, 0), (1, 0)), ((1, 1), (2, 1)), ((3, 1), (4, 1))],
    )


def _glance_strip(note: SessionNote, width: float, s: dict[str, ParagraphStyle]) -> Flowable:
    """Total units, lot, waste, signature, next due: what a nurse looks for first."""
    chart = note.chart
    totals = chart.totals()
    volume = chart.volume_ml(totals.total)
    total_sub = ngettext("{count} site", "{count} sites", totals.sites).format(
        count=totals.sites
    ) + (f", {local_number(volume)} mL" if volume is not None else "")
    lots, expiries = product.lots_at_a_glance(chart)
    wasted = chart.units_wasted
    waste = f"{units_text(wasted)} U" if wasted > 0 else _("None")
    modifier = "JW" if wasted > 0 else "JZ"
    if note.signed:
        signature = text(note.signer)
        when = date_time(note.signed_at) if note.signed_at else ""
    else:
        signature = layout.alert(_("NOT SIGNED"))
        when = _("draft")
    cells = [
        [
            Paragraph(_("TOTAL UNITS"), s["label"]),
            Paragraph(f"{units_text(totals.total)} U", s["big"]),
            Paragraph(total_sub, s["muted"]),
        ],
        [
            Paragraph(ngettext("LOT", "LOTS", len(chart.lots)), s["label"]),
            Paragraph(lots, s["big"]),
            Paragraph(expiries, s["muted"]),
        ],
        [
            Paragraph(_("WASTED"), s["label"]),
            Paragraph(waste, s["big"]),
            Paragraph(
                _("{modifier} · {units} U opened").format(
                    modifier=modifier, units=chart.units_opened
                ),
                s["muted"],
            ),
        ],
        [
            Paragraph(_("SIGNATURE"), s["label"]),
            Paragraph(signature, s["value"]),
            Paragraph(text(when), s["muted"]),
        ],
        [
            Paragraph(_("NEXT DUE"), s["label"]),
            Paragraph(local_date(chart.next_due), s["value"]),
            Paragraph(_("12 weeks, not sooner"), s["muted"]),
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
