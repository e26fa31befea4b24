"""The layers without Qt speak the reader's language (botox_chart/i18n.py): every message of the
source has a French translation in the committed catalogue, the compiled catalogue is the one the
.po says, and a finding, a plural, a date or a number reads as a Québec reader writes it."""

from __future__ import annotations

import threading
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from botox_chart import i18n
from botox_chart.chart import Vial
from botox_chart.due import overdue_text
from scripts import translations
from tests.helpers.factories import ready_chart

PO = translations.LOCALE / "fr" / "LC_MESSAGES" / "botox_chart.po"


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The messages of the source as it is now (pybabel extract)."""
    return translations.extract(tmp_path_factory.mktemp("pot") / "botox_chart.pot")


def test_every_message_of_the_source_has_a_french_translation(template: Path) -> None:
    with template.open("rb") as file:
        wanted = read_po(file)
    with PO.open("rb") as file:
        french = read_po(file, locale="fr")
    ids = [(m.id, m.context) for m in wanted if m.id]
    assert len(ids) > 200  # the extraction found the source's messages, not nothing
    problems = []
    for msgid, context in ids:
        found = french.get(msgid, context=context)
        if found is None:
            problems.append(f"missing: {msgid!r}")
        elif found.fuzzy:
            problems.append(f"fuzzy: {msgid!r}")
        elif isinstance(found.string, tuple):
            if len(found.string) != french.num_plurals or not all(found.string):
                problems.append(f"a plural form is empty: {msgid!r}")
        elif not found.string:
            problems.append(f"empty: {msgid!r}")
    assert problems == [], "run scripts/translations.py gettext and translate:\n" + "\n".join(
        problems
    )


def test_the_compiled_catalogue_is_the_po_file() -> None:
    with PO.open("rb") as file:
        french = read_po(file, locale="fr")
    with PO.with_suffix(".mo").open("rb") as file:
        compiled = read_mo(file)

    def entries(catalogue: object) -> dict[object, object]:
        return {
            tuple(m.id) if isinstance(m.id, list | tuple) else m.id: (
                tuple(m.string) if isinstance(m.string, list | tuple) else m.string
            )
            for m in catalogue  # type: ignore[attr-defined]
            if m.id and not m.fuzzy
        }

    expected = entries(french)
    actual = entries(compiled)
    assert actual == expected, "run scripts/translations.py gettext"


def test_a_chart_finding_reads_in_french() -> None:
    chart = ready_chart()
    chart.consent = False
    chart.vials = [Vial("C1234AB", date(2026, 10, 1), 200)]
    with i18n.using("fr"):
        messages = {f.code: f.message for f in chart.findings()}
    assert messages["consent_missing"] == "Le consentement n’est pas consigné."
    assert messages["lot_expired"] == (
        "Le lot C1234AB est périmé depuis le 1 octobre 2026, avant la date du service."
    )
    # the same chart in English, outside the scope
    assert {f.code: f.message for f in chart.findings()}["consent_missing"] == (
        "Consent is not recorded."
    )


def test_a_dose_limit_keeps_its_figures_with_a_decimal_comma() -> None:
    chart = ready_chart()
    with i18n.using("fr"):
        chart.set_units(chart.injections[0].key, "7.5")
        deviations = chart.deviations()
    assert len(deviations) == 1
    assert deviations[0].endswith(" : 7,5 U au lieu de 5 U")


@pytest.mark.parametrize(
    ("count", "english", "french"),
    [
        (1, "1 day", "1 jour"),
        (2, "2 days", "2 jours"),
        (0, "due today", "prévu aujourd’hui"),
        (-1, "in 1 day", "dans 1 jour"),
        (-3, "in 3 days", "dans 3 jours"),
    ],
)
def test_plural_forms_follow_each_language(count: int, english: str, french: str) -> None:
    assert overdue_text(count) == english
    with i18n.using("fr"):
        assert overdue_text(count) == french


@pytest.mark.parametrize(
    ("count", "french"),
    [
        (1, "+5 U selon la douleur, temporalis gauche"),
        (2, "+10 U selon la douleur, temporalis gauche (2 sites)"),
    ],
)
def test_one_site_two_sites_in_french(count: int, french: str) -> None:
    """The deviation a note prints for follow-the-pain sites, through the catalogue's plural."""
    with i18n.using("fr"):
        words = i18n.ngettext(
            "+{units} U FTP {side} {muscle}",
            "+{units} U FTP {side} {muscle} ({count} sites)",
            count,
        ).format(units=5 * count, side=i18n._("left"), muscle="temporalis", count=count)
        sessions = i18n.ngettext("{count} session", "{count} sessions", count).format(count=count)
    assert words == french
    assert sessions == ("1 séance" if count == 1 else "2 séances")


def test_french_dates_and_numbers_follow_fr_ca_and_english_stays_iso() -> None:
    day = date(2026, 12, 3)
    assert i18n.date(day) == "2026-12-03"
    assert i18n.number(Decimal("2.5")) == "2.5"
    with i18n.using("fr"):
        assert i18n.date(day) == "3 décembre 2026"
        assert i18n.date(day, numeric=True) == "2026-12-03"
        assert i18n.number(Decimal("2.5")) == "2,5"
        assert i18n.number("0.10") == "0,10"  # the decimals given are kept
        assert i18n.percent(30) == "30\u00a0%"
        assert i18n.date_time(datetime(2026, 12, 3, 14, 5)) == "3 décembre 2026 14 h 05"


def test_a_document_scope_holds_for_its_own_thread_only() -> None:
    """A note rendered in French on one thread leaves another thread's messages in English."""
    inside = threading.Event()
    leave = threading.Event()
    seen: list[str] = []

    def render_in_french() -> None:
        with i18n.using("fr"):
            seen.append(i18n._("Procedure note"))
            inside.set()
            leave.wait(5)

    worker = threading.Thread(target=render_in_french)
    worker.start()
    assert inside.wait(5)
    assert i18n._("Procedure note") == "Procedure note"
    leave.set()
    worker.join(5)
    assert seen == ["Note d’intervention"]


def test_activate_sets_the_process_language_and_using_overrides_it() -> None:
    i18n.activate("fr")
    assert i18n._("Treatment record") == "Dossier de traitement"
    with i18n.using("en"):
        assert i18n._("Treatment record") == "Treatment record"
    with pytest.raises(ValueError, match="Unknown language"):
        i18n.activate("de")


@pytest.mark.parametrize(
    ("variable", "value", "expected"),
    [("LANG", "fr_CA.UTF-8", "fr"), ("LC_ALL", "fr_FR", "fr"), ("LANG", "de_DE.UTF-8", "en")],
)
def test_the_system_language_comes_from_the_locale(
    monkeypatch: pytest.MonkeyPatch, variable: str, value: str, expected: str
) -> None:
    monkeypatch.setenv(variable, value)
    assert i18n.system_language() == expected


def test_the_language_list_comes_first_as_gettext_reads_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """A desktop that sets LANGUAGE=fr_CA:en over an English LANG speaks French (gettext's own
    order), except in the C locale, where gettext ignores LANGUAGE."""
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.setenv("LANGUAGE", "de:fr_CA:en")
    assert i18n.system_language() == "fr"
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert i18n.system_language() == "en"


def test_names_sort_accents_folded_and_case_folded() -> None:
    names = ["Zola, Anne", "élodie, Marc", "Éthier, Luc", "Eames, Ann", "de Champlain, Sam"]
    assert sorted(names, key=i18n.name_key) == [
        "de Champlain, Sam",
        "Eames, Ann",
        "élodie, Marc",
        "Éthier, Luc",
        "Zola, Anne",
    ]


def test_the_due_period_reads_in_french() -> None:
    from botox_chart.due import DueList

    found = DueList(today=date(2026, 12, 3), within=7, overdue=False, rows=())
    with i18n.using("fr"):
        assert found.period == "à faire d’ici le 10 décembre 2026 (d’ici 7 jours), retards compris"
    assert found.period == "due by 2026-12-10 (within 7 days), overdue included"


def test_no_message_is_marked_inside_an_f_string() -> None:
    """pybabel reads an f-string as one string (Python 3.11): a _("...") inside it never reaches
    the catalogue and prints in English on a French document."""
    import io
    import re
    import tokenize

    found = []
    for path in sorted((translations.ROOT / "botox_chart").rglob("*.py")):
        if "ui" in path.relative_to(translations.ROOT / "botox_chart").parts:
            continue
        tokens = tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline)
        for token in tokens:
            if token.type == tokenize.STRING and re.match(r"(?i)[rb]*f", token.string):
                if re.search(r"""\b_\(\s*["']""", token.string):
                    found.append(f"{path.name}:{token.start[0]}")
    assert found == []


def test_empty_or_unknown_text_passes_through_unchanged() -> None:
    """A field left empty or typed by a clinician prints as it is (gettext's "" is the header)."""
    with i18n.using("fr"):
        assert i18n._("") == ""
        assert i18n._("brow ptosis, per Dr Żółć") == "brow ptosis, per Dr Żółć"
        assert i18n._("Neck pain") == "Douleur cervicale"
