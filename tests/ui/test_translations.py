"""The window's catalogues (resources/i18n): every message of the source is in them, translated,
with its placeholders and plural forms, and the committed ``.qm`` is what lrelease makes of its
``.ts`` (scripts/translations.py builds both)."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest

from scripts import translations

LANGUAGES = list(translations.QT_LANGUAGES)
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%L?n|%\d")


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    comment: str
    numerus: bool
    kind: str
    """The translation's type: "" (finished), "unfinished", "vanished" or "obsolete"."""
    forms: tuple[str, ...]


def messages(ts: Path) -> list[Message]:
    found = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            numerus = message.get("numerus") == "yes"
            forms = (
                tuple(form.text or "" for form in translation.iter("numerusform"))
                if numerus
                else (translation.text or "",)
            )
            found.append(
                Message(
                    context=name,
                    source=message.findtext("source") or "",
                    comment=message.findtext("comment") or "",
                    numerus=numerus,
                    kind=translation.get("type", ""),
                    forms=forms,
                )
            )
    return found


def keys(ts: Path) -> set[tuple[str, str, str]]:
    return {(m.context, m.source, m.comment) for m in messages(ts)}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated(language: str) -> None:
    """No unfinished, empty or vanished entry; every count has both forms (French: 0 and 1 take
    the first, « 1 patient(e) », « 2 patients »)."""
    found = messages(translations.ts_file(language))
    if language == translations.SOURCE_LANGUAGE:
        assert found and all(m.numerus for m in found)  # only the plural forms
    else:
        assert len(found) > 800
    problems = []
    for m in found:
        if m.kind:
            problems.append(f"{m.kind}: {m.context} {m.source!r}")
        elif m.numerus and (len(m.forms) != 2 or not all(f.strip() for f in m.forms)):
            problems.append(f"not both plural forms: {m.context} {m.source!r} {m.forms}")
        elif not all(form.strip() for form in m.forms):
            problems.append(f"empty: {m.context} {m.source!r}")
    assert problems == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_the_placeholders_and_accelerators(language: str) -> None:
    """A placeholder lost or renamed breaks ``.format()`` (or shows "{name}") in that language."""
    problems = []
    for m in messages(translations.ts_file(language)):
        wanted = sorted(PLACEHOLDER.findall(m.source))
        for form in m.forms:
            if sorted(PLACEHOLDER.findall(form)) != sorted(wanted):
                problems.append(f"{m.context} {m.source!r} → {form!r}")
            if m.source.count("\t") != form.count("\t"):
                problems.append(f"shortcut column: {m.context} {m.source!r} → {form!r}")
            if re.search(r"&[^&\s]", m.source) and not re.search(r"&[^&\s]", form):
                problems.append(f"accelerator lost: {m.context} {m.source!r} → {form!r}")
    assert problems == []


def test_the_french_catalogue_speaks_quebec_clinic_french() -> None:
    by_source = {m.source: m.forms for m in messages(translations.ts_file("fr"))}
    assert by_source["Sign"] == ("Signer",)
    assert by_source["Sessions"] == ("Séances",)
    assert by_source["Lot recall"] == ("Rappel de lot",)
    assert by_source["Patient"] == ("Patient(e)",)
    assert by_source["%n session(s)"] == ("%n séance", "%n séances")
    assert by_source["{label}: {units} U"] == ("{label} : {units} U",)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_committed_qm_is_what_lrelease_makes_of_the_ts(language: str, tmp_path: Path) -> None:
    made = tmp_path / f"{language}.qm"

    translations.lrelease(translations.ts_file(language), made)

    assert made.read_bytes() == translations.qm_file(language).read_bytes(), (
        "run: python scripts/translations.py"
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_lupdate_finds_no_message_the_catalogue_lacks(language: str, tmp_path: Path) -> None:
    """Every tr() of the window's source is in the committed .ts, and nothing vanished from the
    source stays in it."""
    committed = translations.ts_file(language)
    updated = tmp_path / committed.name
    shutil.copy(committed, updated)

    translations.lupdate(updated, language)

    new = keys(updated) - keys(committed)
    gone = keys(committed) - keys(updated)
    assert (sorted(new), sorted(gone)) == ([], []), "run: python scripts/translations.py"
    assert [m for m in messages(updated) if m.kind] == []


def test_lupdate_reads_plural_forms_and_contexts_as_the_window_looks_them_up(
    tmp_path: Path,
) -> None:
    """pyside6-lupdate names a message's context after the class it is written in (nested
    functions included) and reads plural forms from ``self.tr(text, "", n)`` only; the window's
    source is written accordingly (ui/language.py)."""
    source = tmp_path / "sample.py"
    source.write_text(
        "from PySide6.QtCore import QCoreApplication, QObject\n"
        "from botox_chart.ui.language import QT_TRANSLATE_NOOP\n"
        "LABEL = QT_TRANSLATE_NOOP('Fixed', 'Marked')\n"
        "class Panel(QObject):\n"
        "    def text(self, n):\n"
        "        def inner():\n"
        "            return self.tr('Inner')\n"
        "        return self.tr('%n site(s)', '', n), inner()\n"
        "def free():\n"
        "    return QCoreApplication.translate('Free', 'Loose')\n",
        encoding="utf-8",
    )
    ts = tmp_path / "sample_fr.ts"

    translations.lupdate(ts, "fr", [source])

    found = {(m.context, m.source): m for m in messages(ts)}
    assert set(found) == {
        ("Fixed", "Marked"),
        ("Panel", "Inner"),
        ("Panel", "%n site(s)"),
        ("Free", "Loose"),
    }
    assert found["Panel", "%n site(s)"].numerus
    assert len(found["Panel", "%n site(s)"].forms) == 2  # French: two forms
