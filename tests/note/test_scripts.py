"""Names in every script print as typed: read back from the PDFs' text layer, drawn joined and in
order, in fonts embedded in the file, and a clear warning instead of boxes when a font is missing.

The reference image of the shaped Arabic (``arabic_reference.png`` beside this file) is made again,
after a change of fonts, with ``BOTOX_CHART_UPDATE_REFERENCE=1 .venv/bin/pytest
tests/note/test_scripts.py -k reference``; look at the new image before committing it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageStat
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph
from sqlalchemy.engine import Engine

from botox_chart import paths
from botox_chart.cli import main
from botox_chart.due import PatientHistory, due_list
from botox_chart.note import layout, render, scripts
from botox_chart.store.models import Clinician
from tests.helpers.factories import make_patient, make_signed_session
from tests.note.samples import DAY, pdftotext, save_clinic, standard_chart

NAMES = {
    "Latin": ("Żółć", "Łukasz"),
    "Vietnamese": ("Nguyễn", "Thị Hồng"),
    "Greek": ("Παπαδόπουλος", "Αλέξανδρος"),
    "Cyrillic": ("Шевченко", "Ярослава"),
    "Chinese": ("王", "小明"),
    "Japanese": ("山田", "花子"),
    "Japanese kana": ("やまだ", "はなこ"),
    "Korean": ("김", "민준"),
    "Arabic": ("عبد الله", "محمد"),
    "Hebrew": ("כהן", "דוד"),
    "Devanagari": ("शर्मा", "अर्जुन"),
    "Thai": ("ใจดี", "สมชาย"),
}
RIGHT_TO_LEFT = {"Arabic", "Hebrew"}
REFERENCE = Path(__file__).with_name("arabic_reference.png")
ARABIC_NAME = "محمد عبد الله"
# Directional marks poppler adds around the right-to-left text it reorders for reading.
_BIDI_CONTROLS = dict.fromkeys(
    [0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)], None
)


def readable(text: str) -> str:
    """Text as a reader compares it: Arabic presentation forms back to letters (NFKC), poppler's
    directional marks dropped, whitespace folded."""
    return " ".join(unicodedata.normalize("NFKC", text).translate(_BIDI_CONTROLS).split())


def tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} (poppler-utils) is not installed")
    return found


def font_rows(pdf: Path) -> list[list[str]]:
    """pdffonts' table: one row of columns per font the PDF uses."""
    listed = subprocess.run(
        [tool("pdffonts"), str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    return [line.split() for line in listed.splitlines()[2:]]


@pytest.fixture
def asian_fonts() -> None:
    """Chinese, Japanese and Korean come from the system: .ci/run installs them."""
    for script in (scripts.CJK, scripts.KOREAN):
        if scripts.system_font(script) is None:
            pytest.skip(f"no {script} font (apt-get install fonts-droid-fallback fonts-nanum)")


@pytest.mark.parametrize("script", NAMES)
@pytest.mark.usefixtures("asian_fonts")
def test_a_name_in_every_script_reads_back_from_the_note_and_the_record_in_embedded_fonts(
    engine: Engine, injector: Clinician, tmp_path: Path, script: str
) -> None:
    family, given = NAMES[script]
    patient = make_patient(engine, family_name=family, given_names=given)
    assert patient.id is not None
    session = make_signed_session(engine, patient, injector, standard_chart())
    assert session.id is not None
    note = tmp_path / "note.pdf"
    note.write_bytes(render.session_note_pdf(engine, session_ids=[session.id]))
    record = tmp_path / "record.pdf"
    record.write_bytes(render.treatment_record_pdf(engine, patient_id=patient.id))
    for pdf in (note, record):
        text = readable(pdftotext(pdf))
        if script in RIGHT_TO_LEFT:
            # "family, given" is one right-to-left stretch, drawn right to left; poppler reads a
            # line of an English page left to right and turns back each right-to-left piece
            # between punctuation, so it reads the two names in drawn order: each in order.
            assert family in text, (script, pdf.name, text[:200])
            assert given in text, (script, pdf.name, text[:200])
        else:
            assert f"{family}, {given}" in text, (script, pdf.name, text[:200])
            assert f"{family.upper()}, {given}" in text  # the page header
        assert "[?]" not in text
        rows = font_rows(pdf)
        assert rows
        assert all(row[-5] == "yes" for row in rows), rows  # the "emb" column
        assert not any("Helvetica" in row[0] for row in rows)


def render_arabic(tmp_path: Path) -> Image.Image:
    """The Arabic name drawn as the page header draws it and as a paragraph, rendered at 100 dpi."""
    pdf = tmp_path / "arabic.pdf"
    canvas = Canvas(str(pdf), pagesize=(220, 70), initialFontName="Times-Roman")
    layout.styles()  # registers the fonts
    scripts.draw(canvas, 10, 48, ARABIC_NAME, size=14, bold=True)
    paragraph = Paragraph(layout.text(ARABIC_NAME), layout.styles()["big"])
    paragraph.wrapOn(canvas, 200, 40)
    paragraph.drawOn(canvas, 10, 8)
    canvas.save()
    subprocess.run(
        [tool("pdftoppm"), "-png", "-gray", "-r", "100", "-singlefile", str(pdf), str(pdf)],
        check=True,
    )
    with Image.open(pdf.with_suffix(".pdf.png")) as image:
        return image.convert("L")


def difference(one: Image.Image, other: Image.Image) -> float:
    """Mean difference of two grey images, per pixel, 0 (same) to 255."""
    assert one.size == other.size
    return float(ImageStat.Stat(ImageChops.difference(one, other)).mean[0])


def test_shaped_arabic_looks_like_the_reference(tmp_path: Path) -> None:
    drawn = render_arabic(tmp_path)
    assert readable(pdftotext(tmp_path / "arabic.pdf")) == f"{ARABIC_NAME} {ARABIC_NAME}"
    if os.environ.get("BOTOX_CHART_UPDATE_REFERENCE"):
        drawn.save(REFERENCE)
    with Image.open(REFERENCE) as reference:
        assert difference(drawn, reference.convert("L")) < 1.5
    # The comparison tells the right drawing from the fault the issue reported: letters
    # reversed and unjoined.
    broken = tmp_path / "broken.pdf"
    canvas = Canvas(str(broken), pagesize=(220, 70))
    canvas.setFont("NotoSansArabic-Bold", 14)
    canvas.drawString(10, 48, ARABIC_NAME[::-1])
    canvas.setFont("NotoSansArabic-Bold", 15)
    canvas.drawString(10, 8 + 4, ARABIC_NAME[::-1])
    canvas.save()
    subprocess.run(
        [tool("pdftoppm"), "-png", "-gray", "-r", "100", "-singlefile", str(broken), str(broken)],
        check=True,
    )
    with Image.open(broken.with_suffix(".pdf.png")) as wrong:
        assert difference(drawn, wrong.convert("L")) > 3


@pytest.mark.usefixtures("fonts_forgotten")
def test_a_missing_chinese_font_warns_before_printing_and_prints_no_box(
    engine: Engine,
    injector: Clinician,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    empty = tmp_path / "no fonts"
    empty.mkdir()
    monkeypatch.setenv(paths.FONT_DIRS_ENV, str(empty))
    patient = make_patient(engine, family_name="王", given_names="小明 Wang")
    session = make_signed_session(engine, patient, injector, standard_chart())
    assert session.id is not None
    with pytest.warns(scripts.MissingFontWarning) as warned:
        pdf = render.session_note_pdf(engine, session_ids=[session.id])
    (message,) = {str(warning.message) for warning in warned}
    assert "Chinese or Japanese" in message
    assert "fonts-droid-fallback" in message
    assert "王" not in message  # the warning names no patient
    note = tmp_path / "note.pdf"
    note.write_bytes(pdf)
    assert "[?], [?] Wang" in readable(pdftotext(note))
    assert all(row[-5] == "yes" for row in font_rows(note))
    assert not any("Droid" in row[0] for row in font_rows(note))


def test_right_to_left_words_are_ordered_and_left_to_right_runs_keep_their_place() -> None:
    """Drawn left to right: the number after the Arabic name stands left of it, as on screen."""
    found = scripts.runs("Dr محمد عبد الله 12 Main")
    assert [(run.text, run.rtl) for run in found] == [
        ("Dr ", False),
        ("12", False),
        (" الله عبد محمد", True),
        (" Main", False),
    ]


@pytest.mark.usefixtures("fonts_forgotten", "cli_admin")
def test_the_command_line_says_which_font_is_missing_and_still_writes_the_note(
    engine: Engine,
    sqlite_url: str,
    injector: Clinician,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv(paths.FONT_DIRS_ENV, str(tmp_path))
    patient = make_patient(engine, family_name="김", given_names="민준")
    session = make_signed_session(engine, patient, injector, standard_chart())
    target = tmp_path / "note.pdf"
    assert main(["note", str(session.id), "-o", str(target), "--db", sqlite_url]) == 0
    out, err = capsys.readouterr()
    assert out.strip() == f"Wrote {target}"
    (line,) = err.splitlines()
    assert line.startswith("botox-chart: warning: No font on this computer has the Korean")
    assert "fonts-nanum" in line
    assert "[?], [?]" in readable(pdftotext(target))


@pytest.mark.usefixtures("fonts_forgotten", "cli_admin")
def test_the_command_line_says_in_french_which_font_is_missing(
    engine: Engine,
    sqlite_url: str,
    injector: Clinician,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The warning is recognised by its kind, not its English words: in French it is still one
    line on stderr, and the note is written."""
    monkeypatch.setenv(paths.FONT_DIRS_ENV, str(tmp_path))
    patient = make_patient(engine, family_name="김", given_names="민준")
    session = make_signed_session(engine, patient, injector, standard_chart())
    target = tmp_path / "note.pdf"
    arguments = ["note", str(session.id), "-o", str(target), "--db", sqlite_url, "--lang", "fr"]
    assert main(arguments) == 0
    _out, err = capsys.readouterr()
    (line,) = err.splitlines()
    assert line.startswith(
        "botox-chart : avertissement : Aucune police de cet ordinateur n’a les caractères "
        "coréens de ce document : ils s’impriment « [?] »."
    )
    assert "sudo apt-get install fonts-droid-fallback fonts-nanum" in line
    assert target.is_file()


@pytest.mark.usefixtures("asian_fonts")
def test_the_letter_report_and_call_list_print_every_script_in_embedded_fonts(
    engine: Engine, injector: Clinician, tmp_path: Path
) -> None:
    save_clinic(engine, name="عيادة الصداع 头痛诊所", address="שדרות רוטשילד 1\nTel Aviv")
    family, given = NAMES["Devanagari"]
    patient = make_patient(engine, family_name=family, given_names=given)
    assert patient.id is not None
    make_signed_session(engine, patient, injector, standard_chart())
    histories = [
        PatientHistory(
            patient_id=n,
            patient=f"{last}, {first}",
            chart_number=f"C{n:06d}",
            phone="514-555-0100",
            last_session_id=None,
            last_date=None,
            injector="",
            draft_open=False,
            stopped_on=None,
            referral_date=DAY,
        )
        for n, (last, first) in enumerate(NAMES.values(), start=1)
    ]
    documents = {
        "letter": render.letter_pdf(engine, patient_id=patient.id),
        "report": render.outcomes_report_pdf(engine),
        "calls": render.due_list_pdf(engine, found=due_list(histories, DAY)),
    }
    for name, pdf in documents.items():
        target = tmp_path / f"{name}.pdf"
        target.write_bytes(pdf)
        text = readable(pdftotext(target))
        assert "头痛诊所" in text, name
        assert "[?]" not in text
        rows = font_rows(target)
        assert all(row[-5] == "yes" for row in rows), (name, rows)
        assert {"NotoSansArabic", "NotoSansHebrew", "DroidSansFallback"} <= {
            row[0].split("+")[-1].removesuffix("-Regular") for row in rows
        }
    assert f"{family}, {given}" in readable(pdftotext(tmp_path / "letter.pdf"))
    calls = readable(pdftotext(tmp_path / "calls.pdf"))
    for script, (last, first) in NAMES.items():
        assert last in calls and first in calls, script
