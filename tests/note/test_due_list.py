"""The due list worklist on paper (read back with pdftotext, as a nurse reads it) and as CSV: every
patient with dates and phone, names in any Latin script, the header row and "page X of Y" on
every page, a Called box and a Notes column, the period and the day on top."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta
from pathlib import Path

from botox_chart.due import PatientHistory, due_list, overdue_text
from botox_chart.note import render
from botox_chart.note.due_list import csv_bytes
from tests.note.outcome_samples import CLINIC
from tests.note.samples import pdftotext

TODAY = date(2026, 12, 7)
NAMES = [
    "Żółć, Łukasz",
    "Dvořák, Anežka",
    "Ó Súilleabháin, Siobhán",
    "Øvergård, Bjørn",
    "Nguyễn, Thị Hồng",
    "Müller-Lüdenscheidt, Jürgen",
]


def history(n: int, name: str, days_ago: int | None, **fields: object) -> PatientHistory:
    values: dict[str, object] = {
        "patient_id": n,
        "patient": name,
        "chart_number": f"C{n:06d}",
        "phone": f"514-555-{n:04d}",
        "last_session_id": None if days_ago is None else 1000 + n,
        "last_date": None if days_ago is None else TODAY - timedelta(days=days_ago),
        "injector": "" if days_ago is None else "Dr Ana Souza",
        "draft_open": False,
        "stopped_on": None,
        "referral_date": TODAY if days_ago is None else None,
    }
    values.update(fields)
    return PatientHistory(**values)  # type: ignore[arg-type]


def test_overdue_reads_in_words() -> None:
    assert [overdue_text(d) for d in (None, 16, 1, 0, -1, -3)] == [
        "",
        "16 days",
        "1 day",
        "due today",
        "in 1 day",
        "in 3 days",
    ]


def test_a_long_list_repeats_its_header_and_numbers_its_pages(tmp_path: Path) -> None:
    histories = [history(n, f"{NAMES[n % len(NAMES)]} {n}", 84 + n % 30) for n in range(1, 61)]
    histories.append(history(99, "Referral, Rae", None))
    histories.append(history(98, "Stopped, Sam", 90, stopped_on=TODAY, draft_open=True))
    found = due_list(histories, TODAY)
    target = tmp_path / "due.pdf"
    target.write_bytes(render.render_due_list(found, clinic=CLINIC))

    pages = pdftotext(target).split("\f")[:-1]

    assert len(pages) >= 3
    for number, page in enumerate(pages, start=1):
        folded = " ".join(page.split())
        assert "PATIENT" in folded and "PHONE" in folded and "CALLED" in folded
        assert "NOTES" in folded
        assert f"Page {number} of {len(pages)}" in folded
        assert "due by 2026-12-14 (within 7 days), overdue included" in folded
    everything = " ".join(" ".join(pages).split())
    squeezed = "".join(everything.split())  # a long name may wrap in its cell
    for h in histories:
        assert "".join(h.patient.split()) in squeezed
        assert h.phone in everything
    assert "Żółć, Łukasz 6" in everything and "Nguyễn, Thị Hồng 5" in everything
    first = found.rows[0]
    assert first.last_date is not None and first.next_due is not None
    assert first.last_date.isoformat() in everything and first.next_due.isoformat() in everything
    assert "never treated" in everything and "draft open, stopped" in everything
    assert "Printed 2026-12-07" in everything and CLINIC.name in everything


def test_an_empty_period_says_nobody_is_due(tmp_path: Path) -> None:
    found = due_list([history(1, "Far, Fay", 10)], TODAY, overdue=True)
    target = tmp_path / "due.pdf"
    target.write_bytes(render.render_due_list(found, clinic=CLINIC))

    text = " ".join(pdftotext(target).split())

    assert "Nobody is due in this period." in text and "overdue as of 2026-12-07" in text
    assert "Far, Fay" not in text


def test_the_csv_has_a_bom_a_header_iso_dates_and_one_row_per_patient() -> None:
    histories = [history(1, "Dvořák, Anežka", 100), history(2, "Referral, Rae", None)]
    found = due_list(histories, TODAY)

    raw = csv_bytes(found)

    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert len(rows) == 2
    assert rows[0] == {
        "patient_id": "1",
        "patient": "Dvořák, Anežka",
        "chart_number": "C000001",
        "last_session_id": "1001",
        "last_date": "2026-08-29",
        "next_due": "2026-11-21",
        "days_overdue": "16",
        "phone": "514-555-0001",
        "draft_open": "false",
        "stopped": "false",
    }
    assert (rows[1]["last_date"], rows[1]["next_due"], rows[1]["days_overdue"]) == ("", "", "")


def test_a_csv_cell_a_spreadsheet_would_run_as_a_formula_stays_text() -> None:
    hostile = history(1, '=HYPERLINK("http://x"), Eve', 100, phone="+1 514-555-0100")
    early = history(2, "Early, Ed", 80)  # due in 4 days: days_overdue is the number -4
    rows = list(
        csv.DictReader(
            io.StringIO(csv_bytes(due_list([hostile, early], TODAY)).decode("utf-8-sig"))
        )
    )
    assert rows[0]["patient"] == '\'=HYPERLINK("http://x"), Eve'
    assert rows[0]["phone"] == "'+1 514-555-0100"
    assert rows[1]["days_overdue"] == "-4"


def test_a_formula_behind_spaces_stays_text_too() -> None:
    hostile = history(1, "  =1+1, Eve", 100)
    rows = list(
        csv.DictReader(io.StringIO(csv_bytes(due_list([hostile], TODAY)).decode("utf-8-sig")))
    )
    assert rows[0]["patient"] == "'  =1+1, Eve"
