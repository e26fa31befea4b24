"""Sessions to print, and reading a PDF back as text (what a reader of the page sees).

Shared by the note tests and the printing tests of the window."""

from __future__ import annotations

import io
import shutil
import subprocess
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from xml.etree import ElementTree

import pypdf
import pytest
from sqlalchemy.engine import Engine

from botox_chart.chart import Chart
from botox_chart.protocol import Point
from botox_chart.store import settings, transaction
from botox_chart.store.settings import ClinicSettings
from tests.helpers.factories import an_administrator, ready_chart

DAY = date(2026, 11, 2)


def page_texts(pdf: bytes, *, layout: bool = False) -> list[str]:
    """The text of every page; ``layout`` keeps each table row on one line."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    mode = "layout" if layout else "plain"
    return [page.extract_text(extraction_mode=mode) for page in reader.pages]


def pdftotext(pdf: Path) -> str:
    """The PDF's text as poppler's pdftotext reads it (.ci/run installs poppler-utils)."""
    tool = shutil.which("pdftotext")
    if tool is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    done = subprocess.run([tool, str(pdf), "-"], capture_output=True, text=True, check=True)
    return done.stdout


@dataclass(frozen=True)
class Word:
    """A word as pdftotext finds it on a page: its text and box, in points from the top left."""

    text: str
    left: float
    top: float
    right: float
    bottom: float


@dataclass(frozen=True)
class Page:
    width: float
    height: float
    words: tuple[Word, ...]


def page_words(pdf: Path) -> list[Page]:
    """Every page's size and words with their boxes (``pdftotext -bbox``)."""
    tool = shutil.which("pdftotext")
    if tool is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    done = subprocess.run([tool, "-bbox", str(pdf), "-"], capture_output=True, check=True)
    root = ElementTree.fromstring(done.stdout)
    pages = []
    for page in root.iter("{http://www.w3.org/1999/xhtml}page"):
        words = tuple(
            Word(
                word.text or "",
                float(word.attrib["xMin"]),
                float(word.attrib["yMin"]),
                float(word.attrib["xMax"]),
                float(word.attrib["yMax"]),
            )
            for word in page.iter("{http://www.w3.org/1999/xhtml}word")
        )
        pages.append(Page(float(page.attrib["width"]), float(page.attrib["height"]), words))
    return pages


def save_clinic(engine: Engine, **fields: str) -> ClinicSettings:
    values = {
        "name": "Lakeshore Headache Clinic",
        "address": "1200 Bay Street, Suite 410\nToronto ON M5R 2A5",
        "phone": "416-555-0142",
    }
    values.update(fields)
    clinic = ClinicSettings(**values)
    admin = an_administrator(engine)
    with transaction(engine) as db:
        settings.save(db, settings=clinic, clinician_id=admin)
    return clinic


def standard_chart(day: date = DAY) -> Chart:
    """155 U at the 31 PREEMPT sites, with the outcome of the visit filled in."""
    chart = ready_chart(day)
    chart.din_ndc = "02239208"
    chart.headache_days = 18
    chart.migraine_days = 11
    chart.adverse_events = ["Neck pain"]
    chart.tolerance = "Well tolerated"
    chart.aftercare = "Avoid rubbing the sites for 24 h"
    return chart


def follow_the_pain_chart(day: date = DAY) -> Chart:
    """Standard sites plus follow-the-pain in temporalis, occipitalis and trapezius: 180 U."""
    chart = standard_chart(day)
    chart.add_follow_the_pain("temporalis", "right", Point("right", 200, 160))
    chart.add_follow_the_pain("temporalis", "left", Point("left", 200, 160))
    chart.add_follow_the_pain("occipitalis", "left", Point("back", 140, 175))
    chart.add_follow_the_pain("trapezius", "left", Point("back", 90, 320), "10")
    return chart


def tailored_chart(day: date = DAY) -> Chart:
    """Omitted sites, changed doses, a custom site and follow-the-pain: 160 U at 31 sites."""
    chart = standard_chart(day)
    chart.omit("PRO", "brow ptosis")
    chart.omit("FRO-L2", "brow asymmetry")
    chart.set_units("COR-R", "2.5")
    chart.set_units("TRA-L1", "7.5")
    chart.add_custom("Left masseter", "masseter", "left", Point("left", 150, 250), 10)
    chart.add_follow_the_pain("temporalis", "right", Point("right", 200, 160))
    return chart
