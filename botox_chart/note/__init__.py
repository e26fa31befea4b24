"""The documents: procedure note, treatment record, letter, lists and reports
(docs/architecture.md §1)."""


class MissingFontWarning(UserWarning):
    """A document holds characters no font on this computer has: they print as ``[?]``
    (``note/scripts.py``). Here, apart from reportlab, so the command line can show it in one
    line, in any language, without loading reportlab before a document is made."""
