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

from botox_chart.chart import units_text
from botox_chart.i18n import N_, _, ngettext
from botox_chart.i18n import date as local_date
from botox_chart.note import layout
from botox_chart.note.layout import CheckBox, PageHeader, column_widths, text
from botox_chart.recall import Recall, RecallRow
from botox_chart.store.settings import ClinicSettings

COLUMNS = (
    (N_("Date"), 58.0),
    (N_("Patient"), -0.34),
    (N_("Chart #"), 56.0),
    (N_("Phone / e-mail"), -0.40),
    (N_("Status"), 62.0),  # room for « BROUILLON »
    (N_("Units"), 40.0),
    (N_("Injector"), -0.26),
    (N_("Contacted"), 52.0),
)
"""Column titles and widths (layout.column_widths): points, or a share of what is left."""
UNITS, CONTACTED = 5, 7


def title_of(found: Recall) -> str:
    return _("Recall: lot {lot}").format(lot=found.lot)


def totals_text(found: Recall) -> str:
    """ "2 sessions · 2 patients · 255 U from lot C6812AB"."""
    sessions = ngettext("{count} session", "{count} sessions", found.sessions).format(
        count=found.sessions
    )
    patients = ngettext("{count} patient", "{count} patients", found.patients).format(
        count=found.patients
    )
    return _("{sessions} · {patients} · {units} U from lot {lot}").format(
        sessions=sessions, patients=patients, units=units_text(found.units), lot=found.lot
    )


def story(found: Recall, *, clinic: ClinicSettings, day: date, width: float) -> list[Flowable]:
    s = layout.styles()
    title = title_of(found)
    printed = _("Printed {date}").format(date=local_date(day))
    flow: list[Flowable] = [
        layout.PartStart(
            PageHeader(
                patient=title,
                details=f"{clinic.name} · {found.period} · {printed}",
                title=_("Patients who received this lot of onabotulinumtoxinA (Botox)"),
                footer=_("{title} · {totals} · confidential").format(
                    title=title, totals=totals_text(found)
                ),
            )
        )
    ]
    heading = [
        Paragraph(text(title), s["title"]),
        Paragraph(text(_("Dates of service: {period}").format(period=found.period)), s["right"]),
        Paragraph(printed, s["right"]),
    ]
    flow += [layout.letterhead(clinic, heading, width, s), Spacer(1, 10)]
    if not found.rows:
        flow.append(
            Paragraph(
                text(_("No session used lot {lot}{period}.").format(lot=found.lot, period="")),
                s["body"],
            )
        )
        return flow
    flow.append(Paragraph(text(totals_text(found)), s["value"]))
    flow.append(Spacer(1, 6))
    flow.append(_table(found.rows, width, s))
    flow.append(Spacer(1, 6))
    flow.append(
        Paragraph(
            _(
                "Units: drawn from this lot in the session (as recorded per vial, else the units "
                "charted, taken from the vials in the order used). DRAFT: the session is not "
                "signed yet; check its chart before contacting the patient."
            ),
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
            Paragraph(_(title).upper(), st["head_right"] if n == UNITS else st["head"])
            for n, (title, _width) in enumerate(COLUMNS)
        ]
    ]
    for r in rows:
        data.append(
            [
                Paragraph(local_date(r.date, numeric=True), st["cell"]),
                Paragraph(text(r.patient), st["name"]),
                Paragraph(text(r.chart_number), st["cell"]),
                Paragraph(_contact(r), st["cell"]),
                Paragraph(
                    _("DRAFT") if r.draft else _("Signed"), st["draft" if r.draft else "cell"]
                ),
                Paragraph(f"{units_text(r.units_from_lot)} U", st["units"]),
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
