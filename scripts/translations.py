"""Build the translation catalogues.

The layers without Qt (chart findings, notes, records, letters, lists, the command line) speak
through gettext (botox_chart/i18n.py): ``python scripts/translations.py gettext`` extracts their
messages from the source into ``resources/locale/botox_chart.pot``, merges new ones into each
language's ``.po`` (a translator fills them in) and compiles the ``.mo`` the app reads. The
``.po`` and ``.mo`` are committed; tests/test_i18n.py fails when a message has no translation or
the ``.mo`` is older than its ``.po``.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "resources" / "locale"
DOMAIN = "botox_chart"
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
        po = LOCALE / language / "LC_MESSAGES" / f"{DOMAIN}.po"
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
        po = LOCALE / language / "LC_MESSAGES" / f"{DOMAIN}.po"
        _pybabel("compile", "-i", str(po), "-o", str(po.with_suffix(".mo")), "-l", language)


def gettext_steps() -> None:
    """Extract, update and compile the gettext catalogues."""
    with tempfile.TemporaryDirectory() as folder:
        update(extract(Path(folder) / f"{DOMAIN}.pot"))
    compile_catalogues()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("step", choices=("gettext", "extract", "update", "compile"))
    step = parser.parse_args().step
    if step == "gettext":
        gettext_steps()
    elif step in ("extract", "update"):
        pot = extract(ROOT / f"{DOMAIN}.pot")
        if step == "update":
            update(pot)
            pot.unlink()
    else:
        compile_catalogues()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
