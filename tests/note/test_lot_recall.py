"""The lot recall list on paper, read back with pdftotext: every patient with their contact and
units, drafts marked, the totals, the range and the clinic, and every page numbered with the
table's header repeated."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from botox_chart.note import render
from botox_chart.recall import Recall, RecallRow
from botox_chart.store.settings import ClinicSettings
from tests.note.samples import pdftotext

CLINIC = ClinicSettings(name="Lakeshore Headache Clinic", address="1200 Bay Street")
NAMES = ("Côté, Élise", "Łukasiewicz, Zoë", "Nguyễn, Bảo", "O'Brien-Smith, Siobhán")


def a_recall(sessions: int) -> Recall:
    rows = tuple(
        RecallRow(
            session_id=n + 1,
            patient_id=n // 2 + 1,  # two sessions each
            patient=f"{NAMES[n % len(NAMES)]} {n // 2 + 1}",
            chart_number=f"C{n // 2 + 1:06d}",
            phone=f"514-555-{n:04d}",
            email=f"patient{n}@example.org" if n % 3 else "",
            date=date(2026, 1, 5) + timedelta(days=7 * n),
            status="draft" if n == 1 else "signed",
            injector="Dr Li Wei, MD, FRCPC",
            units_from_lot=Decimal("100") if n % 2 else Decimal("55"),
        )
        for n in range(sessions)
    )
    return Recall(lot="C6812AB", date_from=date(2026, 1, 1), date_to=date(2026, 12, 31), rows=rows)


def written(tmp_path: Path, found: Recall) -> str:
    pdf = tmp_path / "recall.pdf"
    pdf.write_bytes(render.render_lot_recall(found, clinic=CLINIC, day=date(2026, 12, 2)))
    return pdftotext(pdf)


def test_the_list_names_every_patient_with_contact_units_and_totals(tmp_path: Path) -> None:
    found = a_recall(4)
    text = written(tmp_path, found)
    for row in found.rows:
        assert row.patient in text  # accents, ogonek, Vietnamese tones and apostrophes print
        assert row.phone in text
        assert row.email in text
    assert "Recall: lot C6812AB" in text
    assert "2026-01-01 to 2026-12-31" in text
    assert "Printed 2026-12-02" in text
    assert "Lakeshore Headache Clinic" in text
    assert "4 sessions · 2 patients · 310 U from lot C6812AB" in text
    assert text.count("DRAFT") == 2  # the draft's status, and the note that explains it
    assert "100 U" in text and "55 U" in text
    assert "CONTACTED" in text


def test_a_long_list_is_numbered_and_repeats_its_header_on_every_page(tmp_path: Path) -> None:
    found = a_recall(60)
    pages = written(tmp_path, found).split("\f")[:-1]
    assert len(pages) >= 3
    for n, page in enumerate(pages, start=1):
        assert f"Page {n} of {len(pages)}" in page
        assert "Recall: lot C6812AB" in page
        assert "CONTACTED" in page and "PHONE / E-MAIL" in page
    text = "".join(pages)
    assert all(row.patient in text for row in found.rows)


def test_an_empty_recall_says_no_session_used_the_lot(tmp_path: Path) -> None:
    empty = Recall(lot="Z9999ZZ", date_from=None, date_to=None, rows=())
    text = written(tmp_path, empty)
    assert "No session used lot Z9999ZZ." in text and "all dates" in text
