"""Who a document is about: the patient on top of every page, and the cells of the shaded identity
box under the letterhead.

The procedure note, the treatment record and the continuation letter name the patient in the same
words (family name first in capitals on the page header; the name as typed in the box), so a page
that comes loose is matched to its patient the same way whatever the document.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, Table, TableStyle

from botox_chart.i18n import N_, _
from botox_chart.i18n import date as local_date
from botox_chart.note import layout
from botox_chart.note.layout import PageHeader, labelled, text
from botox_chart.store.models import Patient

SUBJECT = N_("onabotulinumtoxinA for chronic migraine")
"""What every patient document is about, after its name on the page header's title line."""
NONE_RECORDED = N_("None recorded")


def page_header(
    patient: Patient,
    clinic_name: str,
    *,
    document: str,
    details: Sequence[str],
    footer: str,
    draft: bool = False,
) -> PageHeader:
    """Every page's header of a patient's ``document``: the name, date of birth and chart number,
    then ``details`` (the date of service, the span of sessions…)."""
    said = [
        _("DOB {date}").format(date=local_date(patient.date_of_birth)),
        _("Chart {number}").format(number=patient.chart_number),
        *details,
    ]
    return PageHeader(
        patient=f"{patient.family_name.upper()}, {patient.given_names}",
        details=" · ".join(said),
        title=_("{clinic} · {document}: {subject}").format(
            clinic=clinic_name, document=document, subject=_(SUBJECT)
        ),
        footer=footer,
        draft=draft,
    )


def referral(patient: Patient, joiner: str = ", ") -> str:
    """Who referred the patient and when ("Dr Żółć, 2025-01-10", as markup), or ""."""
    physician = patient.referring_physician.strip()
    if not physician:
        return ""
    said = text(physician)
    if patient.referral_date is not None:
        said += f"{joiner}{local_date(patient.referral_date)}"
    return said


def patient_cell(patient: Patient, s: dict[str, ParagraphStyle]) -> list[Paragraph]:
    return labelled(_("Patient"), f'<font size="11">{text(patient.display_name)}</font>', s)


def chart_number_cell(patient: Patient, s: dict[str, ParagraphStyle]) -> list[Paragraph]:
    return labelled(_("Chart number"), text(patient.chart_number), s)


def health_card_cell(patient: Patient, s: dict[str, ParagraphStyle]) -> list[Paragraph]:
    return labelled(_("Health card"), text(patient.health_card) if patient.health_card else "—", s)


def referred_by_cell(patient: Patient, s: dict[str, ParagraphStyle]) -> list[Paragraph]:
    return labelled(_("Referred by"), referral(patient) or _(NONE_RECORDED), s)


def allergies_cell(patient: Patient, s: dict[str, ParagraphStyle]) -> list[Paragraph]:
    allergies = patient.allergies.strip()
    return labelled(_("Allergies"), text(allergies) if allergies else _(NONE_RECORDED), s)


def identity_box(
    rows: list[list[object]],
    widths: Sequence[float],
    width: float,
    *,
    spans: Sequence[tuple[tuple[int, int], tuple[int, int]]] = (),
    padding: float = 3,
) -> Table:
    """The shaded box of identity cells: ``widths`` are shares of ``width``; ``spans`` join
    cells as reportlab's SPAN does."""
    table = Table(rows, colWidths=[width * w for w in widths])
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), layout.SHADE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                *(("SPAN", start, end) for start, end in spans),
                ("TOPPADDING", (0, 0), (-1, -1), padding),
                ("BOTTOMPADDING", (0, 0), (-1, -1), padding),
            ]
        )
    )
    return table
