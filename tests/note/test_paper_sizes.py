"""Every document on A4 and on Letter: the page is the paper asked for, and everything a nurse
reads is on it, whole, inside the margins, with nothing drawn over anything else.

Read back with pdftotext (poppler) as a reader sees the page: the words, and where each one is.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pypdf
import pytest
from sqlalchemy.engine import Engine

from botox_chart import outcomes, paper
from botox_chart.chart import format_units
from botox_chart.due import due_list
from botox_chart.note import layout, render
from botox_chart.note.site_table import SIDE_WORDS, site_rows
from botox_chart.store import sessions, transaction
from botox_chart.store.models import Clinician, Patient, Role
from tests.helpers.factories import make_clinician, make_patient, make_signed_session
from tests.note.outcome_samples import assessment, letter, twelve_cycles
from tests.note.samples import (
    Page,
    Word,
    follow_the_pain_chart,
    page_texts,
    page_words,
    pdftotext,
    save_clinic,
    standard_chart,
    tailored_chart,
)
from tests.note.test_due_list import NAMES as DUE_NAMES
from tests.note.test_due_list import TODAY, history
from tests.note.test_lot_recall import CLINIC, a_recall
from tests.note.test_outcomes_report import clinic as report_courses

PAPERS = (paper.A4, paper.LETTER)
FAMILY = "Castellanos-Villaseñor"
GIVEN = "María José Guadalupe"
"""A long name, the kind A4's narrower page would cut first."""
TOLERANCE = 0.6
"""Points a glyph's box may pass the margin (pdftotext's boxes include the font's side bearing)."""


@pytest.fixture
def long_named(engine: Engine) -> Patient:
    return make_patient(
        engine,
        family_name=FAMILY,
        given_names=GIVEN,
        chart_number="LH-004211",
        health_card="1234-567-890-AB",
        referring_physician="Dr Łukasz Żółć",
        referral_date=date(2025, 1, 10),
        allergies="Penicillin",
    )


def written(tmp_path: Path, name: str, pdf: bytes) -> Path:
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(pdf)
    return path


def folded(path: Path) -> str:
    """The document's words with line breaks folded, as a reader takes them in."""
    return " ".join(pdftotext(path).split())


def assert_on(path: Path, chosen: str, *, landscape: bool = False) -> list[Page]:
    """Every page is ``chosen`` paper; every word is inside the margins, none over another, and
    each page ends with its "Page X of Y"."""
    width, height = paper.size(chosen, landscape=landscape)
    for box in (page.mediabox for page in pypdf.PdfReader(path).pages):
        assert (round(float(box.width), 1), round(float(box.height), 1)) == (
            round(width, 1),
            round(height, 1),
        )
    pages = page_words(path)
    for number, page in enumerate(pages, start=1):
        assert (round(page.width, 1), round(page.height, 1)) == (round(width, 1), round(height, 1))
        for word in page.words:
            assert layout.MARGIN - TOLERANCE <= word.left, (number, word)
            assert word.right <= width - layout.MARGIN + TOLERANCE, (number, word)
            assert 0 <= word.top and word.bottom <= height, (number, word)
        assert not overlapping(page.words), (number, overlapping(page.words))
        footer = [w.text for w in page.words if w.top > height - layout.BODY_BOTTOM]
        assert " ".join(footer).endswith(f"Page {number} of {len(pages)}"), (number, footer)
    return pages


def left(word: Word) -> float:
    return word.left


def lines(page: Page) -> list[str]:
    """The page's words line by line, left to right: a table's row, as the eye reads it (a line
    reaches as far as words stand at the same height)."""
    rows: list[list[Word]] = []
    for word in sorted(page.words, key=lambda w: (round(w.bottom), w.left)):
        if rows and abs(rows[-1][-1].bottom - word.bottom) < 1.5:
            rows[-1].append(word)
        else:
            rows.append([word])
    return [" ".join(w.text for w in sorted(row, key=left)) for row in rows]


def overlapping(words: tuple[Word, ...]) -> list[tuple[str, str]]:
    """Pairs of words whose boxes cover each other by more than a sliver (text printed over
    text: a column too narrow for its figures)."""
    found = []
    ordered = sorted(words, key=lambda w: w.left)
    for n, a in enumerate(ordered):
        for b in ordered[n + 1 :]:
            if b.left >= a.right:
                break
            across = min(a.right, b.right) - b.left
            down = min(a.bottom, b.bottom) - max(a.top, b.top)
            if across > 1.0 and down > 1.5:
                found.append((a.text, b.text))
    return found


@pytest.mark.parametrize("chosen", PAPERS)
def test_the_procedure_note_holds_the_whole_name_every_site_and_the_signature(
    engine: Engine, long_named: Patient, tmp_path: Path, chosen: str
) -> None:
    save_clinic(engine, billing="us")
    nurse = make_clinician(engine, "Ярослава Коваленко", Role.INJECTOR)
    chart = tailored_chart()
    chart.add_follow_the_pain("occipitalis", "left", follow_the_pain_chart().injections[-2].point)
    session_id = make_signed_session(engine, long_named, nurse, chart).id
    assert session_id is not None

    path = written(
        tmp_path, chosen, render.session_note_pdf(engine, session_ids=[session_id], paper=chosen)
    )

    pages = assert_on(path, chosen)
    text = folded(path)
    # the whole name in the identity box and on top of every page
    assert f"{FAMILY}, {GIVEN}" in text
    for page in pages:
        top_line = sorted((w for w in page.words if w.top < layout.HEADER_BASELINE), key=left)
        said = " ".join(w.text for w in top_line) + " "
        assert said.startswith(f"{FAMILY.upper()}, {GIVEN} "), said
    rows = "\n".join(line for page in pages for line in lines(page))
    for row in site_rows(chart):
        units = "—" if row.units is None else format_units(row.units)
        said = f"{row.number} {row.label} {row.muscle} {SIDE_WORDS[row.side]} {units}"
        assert said in rows, said
    assert "TOTAL: 32 sites" in text
    # the units by muscle and side beside the diagram: no muscle's name broken inside a word,
    # every figure on its own
    beside_diagram = {w.text for w in pages[0].words}
    for muscle in {row.muscle for row in site_rows(chart)}:
        assert set(muscle.split()) <= beside_diagram, muscle
    totals = chart.totals()
    right, left_side = (
        format_units(
            sum((u for (_m, sd), u in totals.by_muscle_side.items() if sd == side), Decimal(0))
        )
        for side in ("right", "left")
    )
    total_row = f"Total {right} {left_side} — {format_units(totals.total)} 155"
    assert total_row in lines(pages[0]), lines(pages[0])
    for element in (
        "Signature Injector Ярослава Коваленко",
        "Electronically signed by Ярослава Коваленко",
        "Record fingerprint",
        "Clinic details",
    ):
        assert element in text, element


@pytest.mark.parametrize("chosen", PAPERS)
def test_the_treatment_record_holds_every_session(
    engine: Engine, long_named: Patient, injector: Clinician, tmp_path: Path, chosen: str
) -> None:
    save_clinic(engine)
    days = [date(2025, 1, 6) + timedelta(days=84 * n) for n in range(9)]
    for day in days:
        make_signed_session(engine, long_named, injector, standard_chart(day))
    assert long_named.id is not None
    with transaction(engine) as db:
        sessions.create_draft(
            db,
            patient_id=long_named.id,
            injector_id=injector.id,
            chart=follow_the_pain_chart(date(2027, 2, 1)),
        )

    pdf = render.treatment_record_pdf(engine, patient_id=long_named.id, paper=chosen)
    path = written(tmp_path, chosen, pdf)

    assert_on(path, chosen, landscape=True)
    text = folded(path)
    assert f"{FAMILY}, {GIVEN}" in text
    for day in [*days, date(2027, 2, 1)]:
        assert day.isoformat() in text
    assert "9 signed, 1 draft" in text


@pytest.mark.parametrize("chosen", PAPERS)
def test_the_continuation_letter_stays_on_one_page_with_its_signature_line(
    tmp_path: Path, chosen: str
) -> None:
    data = letter(eligibility=assessment(preventives_tried=5))

    path = written(tmp_path, chosen, render.render_letter(data, paper=chosen))

    (page,) = assert_on(path, chosen)
    text = folded(path)
    assert "Øvergård, Zoë" in text
    for cycle in twelve_cycles().cycles:
        assert any(
            line.startswith(f"{cycle.cycle} {cycle.date.isoformat()} 155 U") for line in lines(page)
        )
    assert "PRESCRIBER Dr Ana Silva, MD FRCPC" in text
    assert "Signature of the prescriber" in text


@pytest.mark.parametrize("chosen", PAPERS)
def test_the_clinic_lists_and_report_fit_the_paper(tmp_path: Path, chosen: str) -> None:
    histories = [history(n, f"{DUE_NAMES[n % len(DUE_NAMES)]} {n}", 84 + n % 30) for n in range(40)]
    found = due_list(histories, TODAY)
    documents: list[tuple[str, Callable[[], bytes], bool, list[str]]] = [
        (
            "due",
            lambda: render.render_due_list(found, clinic=CLINIC, paper=chosen),
            True,
            [r.patient for r in found.rows],
        ),
        (
            "recall",
            lambda: render.render_lot_recall(
                a_recall(30), clinic=CLINIC, day=date(2026, 12, 2), paper=chosen
            ),
            True,
            [r.patient for r in a_recall(30).rows],
        ),
        (
            "report",
            lambda: render.render_outcomes_report(
                outcomes.report(report_courses()), clinic=CLINIC, day=TODAY, paper=chosen
            ),
            False,
            ["Patients judged", "At least 75% fewer headache days", "Left out"],
        ),
    ]
    for name, make, landscape, expected in documents:
        path = written(tmp_path, f"{name}-{chosen}", make())
        assert_on(path, chosen, landscape=landscape)
        # a long name may wrap in its cell; pypdf reads a table row by row
        squeezed = "".join("".join(page_texts(path.read_bytes())).split())
        for words in expected:
            assert "".join(words.split()) in squeezed, (name, words)


@pytest.mark.parametrize(
    ("setting", "locale", "expected"),
    [
        (paper.FROM_LOCALE, "en_US", paper.LETTER),
        (paper.FROM_LOCALE, "fr_CA", paper.LETTER),
        (paper.FROM_LOCALE, "fr_FR", paper.A4),
        (paper.A4, "en_US", paper.A4),
        (paper.LETTER, "de_DE", paper.LETTER),
    ],
)
def test_a_document_is_on_the_clinics_paper_else_the_locales(
    engine: Engine,
    patient: Patient,
    injector: Clinician,
    setting: str,
    locale: str,
    expected: str,
) -> None:
    paper.use_system_locale(locale)
    save_clinic(engine, paper=setting)
    session_id = make_signed_session(engine, patient, injector, standard_chart()).id
    assert session_id is not None and patient.id is not None
    size = paper.size(expected)
    for pdf, landscape in (
        (render.session_note_pdf(engine, session_ids=[session_id]), False),
        (render.treatment_record_pdf(engine, patient_id=patient.id), True),
        (render.letter_pdf(engine, patient_id=patient.id), False),
        (render.outcomes_report_pdf(engine), False),
    ):
        box = pypdf.PdfReader(io.BytesIO(pdf)).pages[0].mediabox
        width, height = (size[1], size[0]) if landscape else size
        assert (round(float(box.width)), round(float(box.height))) == (round(width), round(height))
