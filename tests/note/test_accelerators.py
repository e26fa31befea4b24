"""reportlab's C accelerators (the ``rl_accel`` package, ``reportlab[accel]`` in pyproject.toml)
are installed and taken: formatting every number of a page and measuring every word in Python
was a tenth of a note's layout. reportlab falls back to Python silently when they are missing,
so this test is what notices."""

from __future__ import annotations

from reportlab.lib import rl_accel
from reportlab.pdfbase import ttfonts


def test_reportlab_formats_numbers_and_measures_words_in_c() -> None:
    for name in ("fp_str", "instanceStringWidthTTF", "escapePDF", "sameFrag"):
        function = getattr(rl_accel, name)
        assert function.__module__ == "_rl_accel", name
    # The note's fonts are TrueType (DejaVu, Noto): their widths go through this one.
    assert ttfonts.instanceStringWidthTTF is rl_accel.instanceStringWidthTTF
