"""Build the translation catalogues from the source: one per language for the window (Qt), one per
language for the layers without Qt (gettext).

    python scripts/translations.py          # every step
    python scripts/translations.py qt       # the window's catalogues only
    python scripts/translations.py gettext  # the other layers' catalogues only

``qt``: ``pyside6-lupdate`` reads every ``self.tr()`` / ``QCoreApplication.translate()`` /
``QT_TRANSLATE_NOOP()`` in ``botox_chart/ui`` into ``resources/i18n/botox_chart_<lang>.ts``: new
messages come in unfinished for a translator (Qt Linguist, ``pyside6-linguist``, or any editor),
vanished ones are dropped, translations already made are kept. English is the source text, so its
catalogue holds only the plural forms (``%n``). ``pyside6-lrelease`` then compiles each ``.ts`` into
the ``.qm`` the app loads (``botox_chart.ui.language``). tests/ui/test_translations.py fails when a
message is untranslated, when a ``.qm`` is not what lrelease makes of its ``.ts``, or when the
source has a message the ``.ts`` lacks.

``gettext``: the layers without Qt (chart findings, notes, records, letters, lists, the command
line) speak through gettext (botox_chart/i18n.py). pybabel extracts their messages (and the words a
document prints from the protocol and rule files) into a template, merges new ones into each
language's ``resources/locale/<lang>/LC_MESSAGES/botox_chart.po`` (a translator fills them in) and
compiles the ``.mo`` the app reads. tests/test_i18n.py fails when a message has no translation or
the ``.mo`` is not what its ``.po`` compiles to.

Every catalogue is committed and installed with the package. A catalogue of another kind is one
more function in :data:`STEPS`.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import tomllib
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

ROOT = Path(__file__).resolve().parent.parent
UI_SOURCES = ROOT / "botox_chart" / "ui"
I18N = ROOT / "resources" / "i18n"
CATALOGUE = "botox_chart"
QT_LANGUAGES = {"en": "en_CA", "fr": "fr_CA"}
"""Each language the window speaks, with the locale its ``.ts`` declares (plural rules)."""
SOURCE_LANGUAGE = "en"
"""The language the source is written in: its catalogue holds the plural forms only."""


def _run(command: list[str]) -> None:
    subprocess.run(command, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)


def qt_tool(name: str) -> str:
    """``pyside6-lupdate`` or ``pyside6-lrelease`` beside this Python (the venv's bin)."""
    folder = Path(sys.executable).parent
    for candidate in (folder / f"pyside6-{name}", folder / f"pyside6-{name}.exe"):
        if candidate.exists():
            return str(candidate)
    return f"pyside6-{name}"


def ts_file(language: str) -> Path:
    return I18N / f"{CATALOGUE}_{language}.ts"


def qm_file(language: str) -> Path:
    return I18N / f"{CATALOGUE}_{language}.qm"


def ui_sources() -> list[Path]:
    """Every Python file of the window, in a stable order."""
    return sorted(UI_SOURCES.rglob("*.py"))


def lupdate(ts: Path, language: str, sources: Sequence[Path] | None = None) -> None:
    """Merge the messages of ``sources`` (the window's) into ``ts``."""
    files = [str(path) for path in (sources if sources is not None else ui_sources())]
    options = ["-no-obsolete", "-locations", "none", "-target-language", QT_LANGUAGES[language]]
    if language == SOURCE_LANGUAGE:
        options.append("-pluralonly")
    ts.parent.mkdir(parents=True, exist_ok=True)
    _run([qt_tool("lupdate"), *options, *files, "-ts", str(ts)])


def lrelease(ts: Path, qm: Path) -> None:
    """Compile ``ts`` into ``qm`` (unfinished messages are left out: the source text shows)."""
    _run([qt_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)])


def qt_steps() -> None:
    """The window's catalogues: lupdate, then lrelease, for each language."""
    for language in QT_LANGUAGES:
        lupdate(ts_file(language), language)
        lrelease(ts_file(language), qm_file(language))


LOCALE = ROOT / "resources" / "locale"
GETTEXT_LANGUAGES = ("fr",)
KEYWORDS = ("_", "N_", "ngettext:1,2", "pgettext:1c,2")


PROTOCOL_WORDS = ("name", "region", "label")
"""The keys of a protocol file whose values a document prints (resources/protocols/*.toml)."""


def extract_protocol(
    fileobj: BinaryIO, keywords: object, comment_tags: object, options: object
) -> Iterator[tuple[int, str, str, list[str]]]:
    """pybabel's extractor for a protocol file: the protocol's name, each muscle's name and
    region and each site's label, so a French note names them in French."""

    def words(node: object) -> Iterator[str]:
        if isinstance(node, dict):
            for key, value in node.items():
                if key in PROTOCOL_WORDS and isinstance(value, str):
                    yield value
                else:
                    yield from words(value)
        elif isinstance(node, list):
            for item in node:
                yield from words(item)

    for word in words(tomllib.load(fileobj)):
        yield 0, "_", word, []


def extract_rules(
    fileobj: BinaryIO, keywords: object, comment_tags: object, options: object
) -> Iterator[tuple[int, str, str, list[str]]]:
    """pybabel's extractor for a continuation rule profile: its title, which the verdict box
    prints (the citation quotes its source, so it stays as published)."""
    title = tomllib.load(fileobj).get("title")
    if isinstance(title, str):
        yield 0, "_", title, []


def _pybabel(*args: str) -> None:
    # the protocol extractor above is found by importing scripts.translations from the checkout
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
    }
    command = [sys.executable, "-m", "babel.messages.frontend", *args]  # pybabel, on any OS
    subprocess.run(command, check=True, cwd=ROOT, env=env)


def extract(pot: Path) -> Path:
    """The messages of the source, as a template (``.pot``, not kept: the source is the truth)."""
    keywords = [arg for word in KEYWORDS for arg in ("-k", word)]
    _pybabel(
        "extract", "--no-default-keywords", *keywords, "-F", "babel.cfg",
        "--no-location", "--sort-output", "-o", str(pot), ".",
    )  # fmt: skip
    return pot


def update(pot: Path) -> None:
    """Merge the template into each language's ``.po`` (new messages come in untranslated)."""
    for language in GETTEXT_LANGUAGES:
        po = LOCALE / language / "LC_MESSAGES" / f"{CATALOGUE}.po"
        if po.exists():
            _pybabel(
                "update", "-i", str(pot), "-o", str(po), "-l", language,
                "--no-wrap", "--ignore-obsolete", "--no-fuzzy-matching",
            )  # fmt: skip
        else:
            _pybabel("init", "-i", str(pot), "-o", str(po), "-l", language, "--no-wrap")


def compile_catalogues() -> None:
    """Each language's ``.po`` compiled into the ``.mo`` the app reads."""
    for language in GETTEXT_LANGUAGES:
        po = LOCALE / language / "LC_MESSAGES" / f"{CATALOGUE}.po"
        _pybabel("compile", "-i", str(po), "-o", str(po.with_suffix(".mo")), "-l", language)


def gettext_steps() -> None:
    """Extract, update and compile the gettext catalogues."""
    with tempfile.TemporaryDirectory() as folder:
        update(extract(Path(folder) / f"{CATALOGUE}.pot"))
    compile_catalogues()


STEPS: dict[str, Callable[[], None]] = {"qt": qt_steps, "gettext": gettext_steps}
"""Each kind of catalogue, built in this order by ``all``."""


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("step", nargs="?", default="all", choices=("all", *STEPS))
    step = parser.parse_args(argv).step
    for name, run in STEPS.items():
        if step in ("all", name):
            run()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
