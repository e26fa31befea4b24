"""The due list as paper and as a spreadsheet: reception's call list for the week.

Laid out from :class:`botox_chart.due.DueList` alone: one row per patient (name, chart number,
last treatment, next due date 12 weeks after it, how overdue, injector, phone, marks), an empty
"Called" box and a blank "Notes" column to write in, the header row repeated on every page, the
period and the date on top and "page X of Y" at the bottom. Landscape, so every column reads at a
glance without wrapping. A patient with an open draft or a stopped treatment is marked, never
left out; one referred and never treated has no dates (docs/clinical-reference.md §6).

The CSV holds the same rows with the fields of ``botox-chart due --json`` (:data:`due.FIELDS`):
UTF-8 with a byte-order mark (so spreadsheet programs read accented names), ISO dates, a header.
"""

from __future__ import annotations

from datetime import date

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from botox_chart import due
from botox_chart.due import DueList, DueRow, overdue_text
from botox_chart.exchange import cells
from botox_chart.i18n import N_, _, ngettext
from botox_chart.i18n import date as local_date
from botox_chart.note import layout
from botox_chart.note.layout import PageHeader, text
from botox_chart.store.settings import ClinicSettings

TITLE = N_("Due list")
COLUMNS = (
    (N_("Patient"), -0.42),
    (N_("Chart #"), 52.0),
    (N_("Last treated"), 58.0),
    (N_("Next due"), 58.0),
    (N_("Overdue"), 62.0),
    (N_("Injector"), -0.30),
    (N_("Phone"), 84.0),
    (N_("Marks"), 52.0),
    (N_("Called"), 36.0),
    (N_("Notes"), -0.28),
)
"""Column titles and widths: points (a date, a phone number fit on one line at 8.5 and 9
points), or, negative, a share of what is left of the page's width."""
OVERDUE_INK = colors.HexColor("#b00020")


def day_text(day: date | None) -> str:
    return local_date(day, numeric=True) if day is not None else "—"


def story(found: DueList, *, clinic: ClinicSettings, width: float) -> list[Flowable]:
    s = layout.styles()
    count = len(found.rows)
    patients = ngettext("{count} patient", "{count} patients", count).format(count=count)
    printed = _("Printed {date}").format(date=local_date(found.today))
    flow: list[Flowable] = [
        layout.PartStart(
            PageHeader(
                patient=f"{_(TITLE)}: {found.period}",
                details=f"{clinic.name} · {printed}",
                title=_(
                    "Patients to call for their next onabotulinumtoxinA treatment (12 weeks "
                    "after the last)"
                ),
                footer=_("{title} · {patients} · confidential").format(
                    title=_(TITLE), patients=patients
                ),
            )
        )
    ]
    title = [
        Paragraph(_(TITLE), s["title"]),
        Paragraph(text(found.period[:1].upper() + found.period[1:]), s["right"]),
        Paragraph(f"{printed} · {patients}", s["right"]),
    ]
    flow += [layout.letterhead(clinic, title, width, s), Spacer(1, 10)]
    if not found.rows:
        flow.append(Paragraph(_("Nobody is due in this period."), s["body"]))
        return flow
    flow.append(_table(found.rows, width, s))
    flow.append(Spacer(1, 6))
    flow.append(
        Paragraph(
            _(
                "Next due: 12 weeks (84 days) after the last signed treatment. Never treated: "
                "referred, no treatment yet. Draft open: a session is being charted. Stopped: "
                "treatment stopped (call only if the clinic asks)."
            ),
            s["muted"],
        )
    )
    return flow


def _styles(s: dict[str, ParagraphStyle]) -> dict[str, ParagraphStyle]:
    cell = ParagraphStyle("due_cell", s["body"], fontSize=8.5, leading=10.5)
    return {
        "cell": cell,
        "name": ParagraphStyle("due_name", cell, fontName=s["value"].fontName, fontSize=9),
        "late": ParagraphStyle(
            "due_late", cell, fontName=s["value"].fontName, textColor=OVERDUE_INK
        ),
        "phone": ParagraphStyle("due_phone", cell, fontName=s["value"].fontName, fontSize=9),
        "mark": ParagraphStyle("due_mark", cell, fontSize=8, leading=10, textColor=OVERDUE_INK),
        "head": s["label"],
    }


def _table(rows: tuple[DueRow, ...], width: float, s: dict[str, ParagraphStyle]) -> Table:
    st = _styles(s)
    data: list[list[object]] = [
        [Paragraph(_(title).upper(), st["head"]) for title, _width in COLUMNS]
    ]
    for r in rows:
        late = r.days_overdue is not None and r.days_overdue > 0
        data.append(
            [
                Paragraph(text(r.patient), st["name"]),
                Paragraph(text(r.chart_number), st["cell"]),
                Paragraph(day_text(r.last_date), st["cell"]),
                Paragraph(day_text(r.next_due), st["cell"]),
                Paragraph(text(overdue_text(r.days_overdue)), st["late" if late else "cell"]),
                Paragraph(text(r.injector), st["cell"]),
                Paragraph(text(r.phone), st["phone"]),
                Paragraph(text(", ".join(r.marks)), st["mark"]),
                layout.CheckBox(),
                "",
            ]
        )
    table = Table(data, colWidths=layout.column_widths(COLUMNS, width), repeatRows=1)
    table.setStyle(
        layout.list_style(
            ("ALIGN", (8, 1), (8, -1), "CENTER"),
            # The Notes column is for handwriting: a white field with a line on its left.
            ("BACKGROUND", (9, 1), (9, -1), colors.white),
            ("LINEBEFORE", (9, 0), (9, -1), 0.4, layout.RULE),
        )
    )
    return table


def csv_bytes(found: DueList) -> bytes:
    """The rows as CSV (exchange.cells: UTF-8 with a byte-order mark, ISO dates, formulas kept as
    text): a header of :data:`due.FIELDS`, ``true``/``false`` as in the JSON, an empty cell where
    the JSON has null."""
    return cells.csv_bytes(
        due.FIELDS, ([due.record(r)[field] for field in due.FIELDS] for r in found.rows)
    )
