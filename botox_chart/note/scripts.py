"""Names in every script printed as on screen: a font for each run of characters, right-to-left
runs in visual order, complex scripts shaped.

Every text the PDFs draw from patient data or clinic settings goes through here: :func:`markup`
for Paragraph text (``layout.text``) and :func:`draw` for the page header and footer, which draw on
the canvas directly. Both use :func:`runs`, which splits a text into runs by the font that has
each character (in paragraphs the font is set as each word is shaped, :func:`shape_word`, where
the weight of the paragraph's font is known):

- DejaVu Sans (``fonts.REGULAR``) for Latin, Greek, Cyrillic and everything else it covers;
- Noto Sans Arabic, Hebrew, Devanagari and Thai, shipped in ``resources/fonts`` (OFL);
- Chinese, Japanese and Korean from a TrueType font of the system (:func:`system_font`), as they
  are too large to ship: reportlab embeds TrueType outlines, not the CFF ones of Noto CJK.

Right-to-left text (Arabic, Hebrew) is ordered by the Unicode Bidirectional Algorithm
(python-bidi) on a left-to-right line, and each word is shaped by HarfBuzz (uharfbuzz, through
reportlab), which joins Arabic letters and places Indic and Thai marks. The order is resolved per
text, not per printed line, so a right-to-left passage long enough to wrap reads its lines in the
order it was typed.

A character no font covers is never printed as a box: its run prints as ``[?]`` and the
document's build ends with a :class:`MissingFontWarning` saying which fonts to install.
"""

from __future__ import annotations

import bisect
import contextlib
import os
import re
import shutil
import subprocess
import unicodedata
import warnings
from collections.abc import Iterable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from bidi import algorithm as bidi_algorithm
from reportlab.lib.abag import ABag
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFError, TTFont
from reportlab.pdfgen import textobject
from reportlab.platypus import paragraph

from botox_chart import paths
from botox_chart.i18n import N_, _
from botox_chart.note import MissingFontWarning, fonts

MISSING = "[?]"
"""What prints instead of characters no font on this computer has."""

# Scripts that need a font other than DejaVu Sans, by Unicode block.
ARABIC, HEBREW, DEVANAGARI, THAI, CJK, KOREAN = (
    N_("Arabic"),
    N_("Hebrew"),
    N_("Devanagari"),
    N_("Thai"),
    N_("Chinese or Japanese"),
    N_("Korean"),
)
_BLOCKS = sorted(
    [
        (0x0590, 0x05FF, HEBREW),
        (0x0600, 0x06FF, ARABIC),
        (0x0750, 0x077F, ARABIC),
        (0x0870, 0x08FF, ARABIC),
        (0x0900, 0x097F, DEVANAGARI),
        (0x0E00, 0x0E7F, THAI),
        (0x1100, 0x11FF, KOREAN),
        (0x2E80, 0x2FDF, CJK),
        (0x3000, 0x312F, CJK),
        (0x3130, 0x318F, KOREAN),
        (0x3190, 0x9FFF, CJK),
        (0xA8E0, 0xA8FF, DEVANAGARI),
        (0xA960, 0xA97F, KOREAN),
        (0xAC00, 0xD7FF, KOREAN),
        (0xF900, 0xFAFF, CJK),
        (0xFB1D, 0xFB4F, HEBREW),
        (0xFB50, 0xFDFF, ARABIC),
        (0xFE70, 0xFEFF, ARABIC),
        (0xFF00, 0xFFEF, CJK),
        (0x20000, 0x3FFFF, CJK),
    ]
)
_BLOCK_STARTS = [start for start, _end, _script in _BLOCKS]

# The bundled fonts: script → (family, regular file, bold file).
_BUNDLED = {
    ARABIC: ("NotoSansArabic", "NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf"),
    HEBREW: ("NotoSansHebrew", "NotoSansHebrew-Regular.ttf", "NotoSansHebrew-Bold.ttf"),
    DEVANAGARI: (
        "NotoSansDevanagari",
        "NotoSansDevanagari-Regular.ttf",
        "NotoSansDevanagari-Bold.ttf",
    ),
    THAI: ("NotoSansThai", "NotoSansThai-Regular.ttf", "NotoSansThai-Bold.ttf"),
}

# The system fonts tried for Chinese, Japanese and Korean, best first: TrueType files (or
# collections of them) that Debian (fonts-droid-fallback, fonts-nanum), Windows and macOS ship.
SYSTEM_FONT_FILES = {
    CJK: (
        "DroidSansFallbackFull.ttf",
        "DroidSansFallback.ttf",
        "msyh.ttc",
        "simsun.ttc",
        "msgothic.ttc",
        "Arial Unicode.ttf",
        "STHeiti Light.ttc",
    ),
    KOREAN: (
        "NanumGothic.ttf",
        "malgun.ttf",
        "AppleGothic.ttf",
        "Arial Unicode.ttf",
        "DroidSansFallbackFull.ttf",
    ),
}
# A character each system font must have to be used for its script.
_SAMPLE = {CJK: "中", KOREAN: "한"}
_SYSTEM_FAMILY = {CJK: "SystemCJK", KOREAN: "SystemKorean"}

# Characters that stay in the run they follow when its font has them, so a space inside an
# Arabic or Devanagari name is shaped with its words and a combining accent stays on its letter.
_JOINERS = {"\u200c", "\u200d"}
_RIGHT_TO_LEFT = {"R", "AL", "RLE", "RLO", "RLI"}

# The HarfBuzz features words are shaped with: reportlab's default adds discretionary ligatures
# (dlig), which turn "محمد" into the ornamental U+FDF4 ligature with vowel marks that the screen
# never shows.
_FEATURES = {"kern": True, "liga": True}


@dataclass(frozen=True)
class Run:
    """Consecutive characters drawn in one font, in logical order; ``rtl`` when right-to-left.

    ``font`` is the regular face of the font family (None: no font has them, printed as ``[?]``).
    """

    text: str
    font: str | None
    rtl: bool
    script: str


@cache
def system_font(script: str) -> Path | None:
    """The first TrueType font of the system that has ``script`` (CJK or KOREAN), or None."""
    dirs = [folder for folder in paths.system_font_dirs() if folder.is_dir()]
    for name in SYSTEM_FONT_FILES[script]:
        for folder in dirs:
            for found in sorted(folder.rglob(name)):
                if _usable(found, script):
                    return found
    if os.environ.get(paths.FONT_DIRS_ENV) is None:
        for found in _fontconfig_files(script):
            if _usable(found, script):
                return found
    return None


def _fontconfig_files(script: str) -> list[Path]:
    """The TrueType files fontconfig lists for the script's language (none without fontconfig)."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return []
    lang = "ko" if script == KOREAN else "zh"
    try:
        listed = subprocess.run(
            [fc_list, f":lang={lang}", "file"], capture_output=True, text=True, timeout=10
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    files = (Path(line.strip().rstrip(":")) for line in listed.splitlines())
    return sorted(path for path in files if path.suffix.lower() in {".ttf", ".ttc"})


def _usable(path: Path, script: str) -> bool:
    return _system_ttf(path, script) is not None


@cache
def _system_ttf(path: Path, script: str) -> TTFont | None:
    """``path`` read for ``script`` if reportlab can embed it (TrueType outlines, not CFF) and it
    has the script's letters; read once, as a CJK font is several megabytes."""
    try:
        font = TTFont(_SYSTEM_FAMILY[script], str(path))
    except (TTFError, OSError, ValueError):
        return None
    return font if ord(_SAMPLE[script]) in font.face.charToGlyph else None


@cache
def _face(script: str) -> str | None:
    """Register the font family for ``script`` (once) and return its name, or None if missing."""
    if script in _BUNDLED:
        family, regular, bold = _BUNDLED[script]
        for name, filename in ((family, regular), (f"{family}-Bold", bold)):
            bundled = paths.fonts_dir() / filename
            if not bundled.is_file():
                raise fonts.FontMissingError(f"{bundled} is missing: reinstall botox-chart.")
            pdfmetrics.registerFont(TTFont(name, str(bundled)))
        return family
    path = system_font(script)
    font = None if path is None else _system_ttf(path, script)
    if font is None:
        return None
    # The system font has no bold face: bold prints in its regular weight.
    pdfmetrics.registerFont(font)
    return str(font.fontName)


@cache
def _covers(font: str, char: str) -> bool:
    return ord(char) in pdfmetrics.getFont(font).face.charToGlyph


def _script(char: str) -> str | None:
    code = ord(char)
    at = bisect.bisect_right(_BLOCK_STARTS, code) - 1
    if at >= 0 and code <= _BLOCKS[at][1]:
        return _BLOCKS[at][2]
    return None


@lru_cache(maxsize=4096)
def _font_for(char: str) -> tuple[str | None, str]:
    """(family, script) for one character: its script's font, else DejaVu Sans; None if no font."""
    script = _script(char)
    if script is not None:
        family = _face(script)
        if family is not None and _covers(family, char):
            return family, script
    fonts.register()
    if _covers(fonts.REGULAR, char):
        return fonts.REGULAR, script or "Latin"
    return None, script or "other"


def _joins(char: str, family: str | None) -> bool:
    """``char`` may stay in the preceding run of ``family`` (a space, joiner or combining mark)."""
    if family is None:
        return False
    if char.isspace() or char in _JOINERS or unicodedata.category(char).startswith("M"):
        return char in _JOINERS or _covers(family, char)
    return False


@lru_cache(maxsize=4096)
def runs(value: str) -> tuple[Run, ...]:
    """``value`` (one line) split into runs of one font and direction, in visual order: left to
    right as drawn. A right-to-left run keeps its characters in logical order (HarfBuzz shapes
    and reverses them); its words are in visual order."""
    if not value:
        return ()
    fonted: list[tuple[str, str | None, str]] = []
    for char in value:
        family, script = _font_for(char)
        if fonted and fonted[-1][1] != family and _joins(char, fonted[-1][1]):
            family, script = fonted[-1][1], fonted[-1][2]
        fonted.append((char, family, script))
    levels = _levels(value)
    logical: list[tuple[list[str], str | None, int, str]] = []
    for (char, family, script), level in zip(fonted, levels, strict=True):
        if logical and logical[-1][1] == family and logical[-1][2] == level:
            logical[-1][0].append(char)
        else:
            logical.append(([char], family, level, script))
    # Unicode Bidirectional Algorithm rule L2, on runs: from the highest level down to the lowest
    # odd one, reverse every stretch of runs at that level or above.
    order = list(range(len(logical)))
    highest = max(levels)
    lowest_odd = min((level for level in levels if level % 2), default=highest + 1)
    for level in range(highest, lowest_odd - 1, -1):
        start = None
        for position in range(len(order) + 1):
            inside = position < len(order) and logical[order[position]][2] >= level
            if inside and start is None:
                start = position
            elif not inside and start is not None:
                order[start:position] = reversed(order[start:position])
                start = None
    result = []
    for index in order:
        chars, family, level, script = logical[index]
        text = "".join(chars)
        rtl = level % 2 == 1
        if rtl:
            text = "".join(reversed(_words(text)))
        result.append(Run(text, family, rtl, script))
    return tuple(result)


def _words(text: str) -> list[str]:
    """``text`` cut into words and the spaces between them, in order."""
    parts: list[str] = []
    for char in text:
        if parts and parts[-1][-1].isspace() == char.isspace():
            parts[-1] += char
        else:
            parts.append(char)
    return parts


def _levels(value: str) -> list[int]:
    """The embedding level of each character on a left-to-right line (all 0 without RTL text)."""
    if not any(unicodedata.bidirectional(char) in _RIGHT_TO_LEFT for char in value):
        return [0] * len(value)
    storage: dict[str, Any] = bidi_algorithm.get_empty_storage()
    storage["base_level"] = 0
    storage["base_dir"] = "L"
    bidi_algorithm.get_embedding_levels(value, storage)
    bidi_algorithm.explicit_embed_and_overrides(storage)
    bidi_algorithm.resolve_weak_types(storage)
    bidi_algorithm.resolve_neutral_types(storage, False)
    bidi_algorithm.resolve_implicit_levels(storage, False)
    levels = [int(char["level"]) for char in storage["chars"]]
    return levels if len(levels) == len(value) else [0] * len(value)


# The scripts without a font met while a document is built (see :func:`watch`).
_missing: ContextVar[set[str] | None] = ContextVar("missing_scripts", default=None)


def _note_missing(found: tuple[Run, ...]) -> None:
    report_missing({run.script for run in found if run.font is None})


def report_missing(missing: Iterable[str]) -> None:
    """Tell the enclosing :func:`watch` of ``missing`` scripts: those met in this text, or in a
    document laid out earlier and shown now (``ui/notes_ahead.py``)."""
    seen = _missing.get()
    if seen is not None:
        seen.update(missing)


def markup(value: str) -> str:
    """``value`` as Paragraph markup: escaped, each run in its font (DejaVu runs take the
    paragraph's own font, so bold styles stay bold), newlines as line breaks."""
    return "<br/>".join(_line_markup(line) for line in value.split("\n"))


def _line_markup(line: str) -> str:
    found = runs(line)
    _note_missing(found)
    return _markup(found)


@lru_cache(maxsize=4096)
def _markup(found: tuple[Run, ...]) -> str:
    parts = []
    for run in found:
        # The font of each piece is picked as the paragraph is shaped (shape_word), where the
        # weight of the paragraph's font is known: a <font> tag would print bold text regular.
        parts.append(MISSING if run.font is None else escape(run.text))
    return "".join(parts)


def shape_word(word: list[Any]) -> list[Any]:
    """A Paragraph word (``[width, (frag, text), ...]``) in the fonts that have its characters,
    shaped one font at a time.

    Each piece is cut where the font that has the characters changes (see :func:`runs`), in the
    weight of the paragraph's font. reportlab would shape a word with the font of its first
    piece, which breaks a word that changes font (an Arabic name and the comma after it).
    Pieces in the shaped families (Arabic, Hebrew, Devanagari, Thai) are shaped with
    :data:`_FEATURES`; the others (Latin, CJK) need no shaping and are left as they are.
    """
    shaped_fonts = _shaped_fonts()
    for frag, text in word[1:]:
        if not text.isascii() or frag.fontName in shaped_fonts:
            break
    else:
        return word  # the common case, kept fast: ASCII in DejaVu, nothing to do
    shaped_before = isinstance(word, ttfonts.ShapedFragWord)  # when the paragraph was wrapped
    if shaped_before or any(hasattr(frag, "cbDefn") for frag, _text in word[1:]):
        return word
    pieces: list[tuple[Any, str]] = []
    changed = False
    for frag, text in word[1:]:
        split = _font_pieces(text, frag.fontName)
        if len(split) == 1 and split[0][1] == frag.fontName:
            pieces.append((frag, text))
            continue
        changed = True
        for chunk, font in split:
            pieces.append((frag if font == frag.fontName else frag.clone(fontName=font), chunk))
    if not changed and not any(frag.fontName in _shaped_fonts() for frag, _text in pieces):
        return word
    result: list[Any] = [0.0]
    group: list[tuple[Any, str]] = []

    def flush() -> None:
        if not group:
            return
        frag = group[0][0]
        group_width = sum(
            pdfmetrics.stringWidth(text, each.fontName, each.fontSize) for each, text in group
        )
        if frag.fontName in _shaped_fonts():
            shaped: list[Any] = ttfonts.shapeFragWord([group_width, *group], features=_FEATURES)
            if len(shaped) == 2:
                _remember(frag.fontName, shaped[1][1], "".join(text for _each, text in group))
            result.extend(shaped[1:])
            result[0] += shaped[0]
        else:
            result.extend(group)
            result[0] += group_width
        group.clear()

    for frag, text in pieces:
        if group and group[-1][0].fontName != frag.fontName:
            flush()
        group.append((frag, text))
    flush()
    shaped_word: list[Any] = ttfonts.makeShapedFragWord(word)(result)
    return shaped_word


def _font_pieces(text: str, base: str) -> list[tuple[str, str]]:
    """``text`` (of a paragraph piece in the ``base`` font) cut where the font that has the
    characters changes: (text, font) in order; DejaVu's characters keep ``base``."""
    if text.isascii():
        return [(text, base)]
    bold = base == fonts.BOLD
    pieces: list[tuple[str, str]] = []
    for char in text:
        family, _script = _font_for(char)
        font = base if family in (None, fonts.REGULAR) else _weighted(family, bold)
        if pieces and pieces[-1][1] != font and _joins(char, pieces[-1][1]):
            font = pieces[-1][1]
        if pieces and pieces[-1][1] == font:
            pieces[-1] = (pieces[-1][0] + char, font)
        else:
            pieces.append((char, font))
    return pieces or [(text, base)]


# reportlab's Paragraph calls the shaping function it imported: shape by font instead.
paragraph.shapeFragWord = shape_word

# The text layer. A PDF maps each glyph to characters, which is not enough where shaping moves
# glyphs: Devanagari draws "र्" of "अर्जुन" after the letters it precedes, and its glyph has no
# character at all, so a reader copied "अजुन". Each such word is written with an ActualText span
# holding the letters as typed. Right-to-left words need none: readers reorder those themselves.
_ACTUAL: dict[tuple[str, str], str] = {}
_ACTUAL_LIMIT = 20_000


def _remember(font: str, shaped: str, typed: str) -> None:
    """Keep what ``typed`` (one word, logical order) shaped into, for :func:`_actual_text`."""
    if font in _left_to_right_shaped() and str(shaped) != typed:
        if len(_ACTUAL) > _ACTUAL_LIMIT:
            _ACTUAL.clear()
        _ACTUAL[(font, str(shaped))] = typed


def _actual_text(font: str, drawn: str) -> str | None:
    """The typed text of ``drawn`` (shaped words in ``font``), when it differs from the glyphs'."""
    if font not in _left_to_right_shaped() or not isinstance(drawn, ttfonts.ShapedStr):
        return None
    parts = re.split(r"( +)", str(drawn))
    typed = [_ACTUAL.get((font, part), part) for part in parts]
    return "".join(typed) if typed != parts else None


_format_text = textobject.PDFTextObject._formatText


def _format_text_with_actual(self: Any, text: str) -> str:
    code: str = _format_text(self, text)
    typed = _actual_text(self._fontname, text)
    if typed is None:
        return code
    utf16 = ("\ufeff" + typed).encode("utf-16-be").hex().upper()
    return f"/Span <</ActualText <{utf16}>>> BDC {code} EMC"


textobject.PDFTextObject._formatText = _format_text_with_actual


@cache
def _left_to_right_shaped() -> frozenset[str]:
    return frozenset(
        name
        for name in _shaped_fonts()
        if not name.startswith(_BUNDLED[ARABIC][0]) and not name.startswith(_BUNDLED[HEBREW][0])
    )


@cache
def _shaped_fonts() -> frozenset[str]:
    families = [family for family, _regular, _bold in _BUNDLED.values()]
    return frozenset(families + [f"{family}-Bold" for family in families])


def _run_font(run: Run, bold: bool) -> str:
    if run.font is None or run.font == fonts.REGULAR:
        return fonts.BOLD if bold else fonts.REGULAR
    return _weighted(run.font, bold)


def _weighted(family: str, bold: bool) -> str:
    """The bold face of ``family`` when ``bold`` and it has one (the system CJK fonts have not)."""
    return f"{family}-Bold" if bold and f"{family}-Bold" in _shaped_fonts() else family


def _pieces(value: str, size: float, bold: bool) -> list[tuple[str, str, float]]:
    """(text, font, width) of each piece drawn for ``value``, left to right, shaped."""
    found = runs(value)
    _note_missing(found)
    pieces = []
    for run in found:
        font = _run_font(run, bold)
        if run.font is None:
            pieces.append((MISSING, font, pdfmetrics.stringWidth(MISSING, font, size)))
            continue
        if font not in _shaped_fonts():
            pieces.append((run.text, font, pdfmetrics.stringWidth(run.text, font, size)))
            continue
        # Shaped a word at a time: a right-to-left run holds its words in visual order.
        for word in _words(run.text):
            plain = [
                pdfmetrics.stringWidth(word, font, size),
                (ABag(fontName=font, fontSize=size), word),
            ]
            shaped = ttfonts.shapeFragWord(plain, features=_FEATURES, force=True)
            _remember(font, shaped[1][1], word)
            pieces.append((shaped[1][1], font, float(shaped[0])))
    return pieces


def width(value: str, *, size: float, bold: bool = False) -> float:
    """How wide ``value`` prints at ``size`` points, as :func:`draw` draws it."""
    return sum(piece_width for _text, _font, piece_width in _pieces(value, size, bold))


def draw(
    canvas: Any,
    x: float,
    y: float,
    value: str,
    *,
    size: float,
    bold: bool = False,
    anchor: str = "start",
) -> None:
    """Draw one line of ``value`` on ``canvas`` with its baseline at ``y``, from ``x`` (anchor
    "start") or ending at ``x`` (anchor "end"): the canvas counterpart of :func:`markup`."""
    pieces = _pieces(value, size, bold)
    if anchor == "end":
        x -= sum(piece_width for _text, _font, piece_width in pieces)
    for text, font, piece_width in pieces:
        canvas.setFont(font, size)
        canvas.drawString(x, y, text)
        x += piece_width


def forget_fonts() -> None:
    """Look the fonts up again on next use (after fonts were installed, or their folders moved)."""
    for cached in (system_font, _system_ttf, _face, _font_for, _covers, runs, _markup):
        cached.cache_clear()


@contextlib.contextmanager
def watch() -> Iterator[set[str]]:
    """Collect the scripts without a font met inside the block (filled as text is laid out);
    an enclosing ``watch`` gets them too, and then :func:`warn_missing` leaves telling the user
    to it (the window asks before printing, see ui/printing.py)."""
    outer = _missing.get()
    seen: set[str] = set()
    token = _missing.set(seen)
    try:
        yield seen
    finally:
        _missing.reset(token)
        if outer is not None:
            outer.update(seen)


def missing_message(missing: set[str]) -> str:
    """What to tell the user about ``missing`` scripts: they print as ``[?]``, what to install."""
    scripts = ", ".join(sorted(_(script) for script in missing))
    if missing & {CJK, KOREAN}:
        said = _(
            "No font on this computer has the {scripts} characters in this document: they print "
            'as "{missing}". Install a font for them (on Debian or Ubuntu: sudo apt-get install '
            "fonts-droid-fallback fonts-nanum; Windows and macOS include them) and print again."
        )
    else:
        said = _(
            "No font on this computer has the {scripts} characters in this document: they print "
            'as "{missing}". Install a font for them and print again.'
        )
    return said.format(scripts=scripts, missing=MISSING)


def warn_missing(missing: set[str]) -> None:
    """Warn (MissingFontWarning) that ``missing`` scripts print as ``[?]``, unless an enclosing
    :func:`watch` collects them to tell the user itself."""
    if missing and _missing.get() is None:
        warnings.warn(MissingFontWarning(missing_message(missing)), stacklevel=2)
