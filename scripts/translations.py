"""Build the translation catalogues from the source.

    python scripts/translations.py          # every step
    python scripts/translations.py qt       # the window's catalogues only

``qt``: ``pyside6-lupdate`` reads every ``self.tr()`` / ``QCoreApplication.translate()`` /
``QT_TRANSLATE_NOOP()`` in ``botox_chart/ui`` into ``resources/i18n/botox_chart_<lang>.ts``: new
messages come in unfinished for a translator (Qt Linguist, ``pyside6-linguist``, or any editor),
vanished ones are dropped, translations already made are kept. English is the source text, so its
catalogue holds only the plural forms (``%n``). ``pyside6-lrelease`` then compiles each ``.ts`` into
the ``.qm`` the app loads (``botox_chart.ui.language``). The ``.ts`` and ``.qm`` are committed and
installed with the package; tests/ui/test_translations.py fails when a message is untranslated,
when a ``.qm`` is not what lrelease makes of its ``.ts``, or when the source has a message the
``.ts`` lacks.

A catalogue of another kind is one more function in :data:`STEPS`.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI_SOURCES = ROOT / "botox_chart" / "ui"
I18N = ROOT / "resources" / "i18n"
CATALOGUE = "botox_chart"
QT_LANGUAGES = {"en": "en_CA", "fr": "fr_CA"}
"""Each language the window speaks, with the locale its ``.ts`` declares (plural rules)."""
SOURCE_LANGUAGE = "en"
"""The language the source is written in: its catalogue holds the plural forms only."""


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


STEPS: dict[str, Callable[[], None]] = {"qt": qt_steps}
"""Each kind of catalogue, built in this order by ``all``."""


def _run(command: list[str]) -> None:
    subprocess.run(command, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)


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
