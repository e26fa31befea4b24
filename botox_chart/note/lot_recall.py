"""The lot recall list on paper: whom to contact because they received a recalled lot.

Laid out from :class:`botox_chart.recall.Recall` alone: the lot, the range of dates and the date
printed on top with the clinic's letterhead; one row per session (date, patient, chart number,
phone and e-mail, status with a draft marked, units from the lot, injector) and an empty
"Contacted" box to tick; the totals (sessions, patients, units) under the table; the header row
repeated and "page X of Y" on every page. Landscape, so a name and an e-mail read on one line
(docs/clinical-reference.md §11).
"""

from __future__ import annotations

from datetime import date

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from botox_chart.chart import format_units
from botox_chart.note import layout
from botox_chart.note.layout import CheckBox, PageHeader, column_widths, text
from botox_chart.recall import Recall, RecallRow
from botox_chart.store.settings import ClinicSettings

COLUMNS = (
    ("Date", 58.0),
    ("Patient", -0.34),
    ("Chart #", 56.0),
    ("Phone / e-mail", -0.40),
    ("Status", 44.0),
    ("Units", 40.0),
    ("Injector", -0.26),
    ("Contacted", 52.0),
)
"""Column titles and widths (layout.column_widths): points, or a share of what is left."""
UNITS, CONTACTED = 5, 7


def title_of(found: Recall) -> str:
    return f"Recall: lot {found.lot}"


def totals_text(found: Recall) -> str:
    """ "2 sessions · 2 patients · 255 U from lot C6812AB"."""
    sessions = f"{found.sessions} session{'s' * (found.sessions != 1)}"
    patients = f"{found.patients} patient{'s' * (found.patients != 1)}"
    return f"{sessions} · {patients} · {format_units(found.units)} U from lot {found.lot}"


def story(found: Recall, *, clinic: ClinicSettings, day: date, width: float) -> list[Flowable]:
    s = layout.styles()
    title = title_of(found)
    flow: list[Flowable] = [
        layout.PartStart(
            PageHeader(
                patient=title,
                details=f"{clinic.name} · {found.period} · printed {day.isoformat()}",
                title="Patients who received this lot of onabotulinumtoxinA (Botox)",
                footer=f"{title} · {totals_text(found)} · confidential",
            )
        )
    ]
    heading = [
        Paragraph(text(title), s["title"]),
        Paragraph(text(f"Dates of service: {found.period}"), s["right"]),
        Paragraph(f"Printed {day.isoformat()}", s["right"]),
    ]
    flow += [layout.letterhead(clinic, heading, width, s), Spacer(1, 10)]
    if not found.rows:
        flow.append(Paragraph(text(f"No session used lot {found.lot}."), s["body"]))
        return flow
    flow.append(Paragraph(text(totals_text(found)), s["value"]))
    flow.append(Spacer(1, 6))
    flow.append(_table(found.rows, width, s))
    flow.append(Spacer(1, 6))
    flow.append(
        Paragraph(
            "Units: drawn from this lot in the session (as recorded per vial, else the units "
            "charted, taken from the vials in the order used). DRAFT: the session is not signed "
            "yet; check its chart before contacting the patient.",
            s["muted"],
        )
    )
    return flow


def _styles(s: dict[str, ParagraphStyle]) -> dict[str, ParagraphStyle]:
    cell = ParagraphStyle("recall_cell", s["body"], fontSize=8.5, leading=10.5)
    return {
        "cell": cell,
        "name": ParagraphStyle("recall_name", cell, fontName=s["value"].fontName, fontSize=9),
        "units": ParagraphStyle("recall_units", cell, fontName=s["value"].fontName, alignment=2),
        "draft": ParagraphStyle(
            "recall_draft", cell, fontName=s["value"].fontName, textColor=layout.ALERT
        ),
        "head": s["label"],
        "head_right": s["label_right"],
    }


def _contact(r: RecallRow) -> str:
    lines = [text(value) for value in (r.phone, r.email) if value]
    return "<br/>".join(lines) if lines else "—"


def _table(rows: tuple[RecallRow, ...], width: float, s: dict[str, ParagraphStyle]) -> Table:
    st = _styles(s)
    data: list[list[object]] = [
        [
            Paragraph(title.upper(), st["head_right"] if n == UNITS else st["head"])
            for n, (title, _) in enumerate(COLUMNS)
        ]
    ]
    for r in rows:
        data.append(
            [
                Paragraph(r.date.isoformat(), st["cell"]),
                Paragraph(text(r.patient), st["name"]),
                Paragraph(text(r.chart_number), st["cell"]),
                Paragraph(_contact(r), st["cell"]),
                Paragraph("DRAFT" if r.draft else "Signed", st["draft" if r.draft else "cell"]),
                Paragraph(f"{format_units(r.units_from_lot)} U", st["units"]),
                Paragraph(text(r.injector), st["cell"]),
                CheckBox(),
            ]
        )
    table = Table(data, colWidths=column_widths(COLUMNS, width), repeatRows=1)
    table.setStyle(
        layout.list_style(
            ("ALIGN", (CONTACTED, 1), (CONTACTED, -1), "CENTER"),
        )
    )
    return table
