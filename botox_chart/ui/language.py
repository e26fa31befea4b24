"""The window's language: which one, and Qt's translators for it.

Every user-visible string in ``botox_chart/ui`` goes through ``self.tr()`` (QObject subclasses) or
``QCoreApplication.translate(context, ...)`` (elsewhere); ``pyside6-lupdate`` extracts them into
``resources/i18n/botox_chart_<lang>.ts`` and ``pyside6-lrelease`` compiles the ``.qm`` the app
loads (``scripts/translations.py`` does both). The context of a message is the class it is written
in, as lupdate names it; PySide's ``self.tr()`` looks the text up under the object's class and then
each base class in turn, so a subclass finds its bases' messages. Counts use Qt's numerus forms
(``self.tr("%n site(s)", "", n)``); English has a catalogue too, of those forms only.

The choice is made once, at start-up (:func:`ui_language`, then :func:`install_translators`): the
user's own setting (View › Language, kept with the window's other preferences in ``WindowState``),
else the computer's locale (``QLocale.system()``), else English. A change in the menu applies the
next time botox-chart starts. The layers without Qt (findings, messages from the store) speak the
same language: :func:`install_translators` activates it in ``botox_chart.i18n`` too. Documents
print in the clinic's document language whatever the window's (``note.render``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from botox_chart import i18n, paths

CATALOGUE = "botox_chart"
QT_CATALOGUES = ("qtbase",)
"""Qt's own translations, for its standard dialogs and buttons (Cancel, Yes, the file dialog)."""

_installed: list[QTranslator] = []
_current = "en"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation under ``context`` without translating it yet: a constant
    made at import time, translated where it is shown (``QCoreApplication.translate(context,
    text)``, or ``self.tr(text)`` in the class named ``context``). Typed, unlike Qt's own."""
    return text


def translations_dir() -> Path:
    """Where the app's ``.ts`` and ``.qm`` files are (``resources/i18n``)."""
    return paths.resources_dir() / "i18n"


def catalogue(language: str) -> Path:
    """The compiled catalogue of ``language`` (``botox_chart_fr.qm``)."""
    return translations_dir() / f"{CATALOGUE}_{language}.qm"


def system_language(locale: QLocale | None = None) -> str:
    """The computer's language if the window speaks it, else English."""
    locale = locale if locale is not None else QLocale.system()
    for name in [*locale.uiLanguages(), locale.name()]:
        found = i18n.known(name)
        if found is not None:
            return found
    return "en"


def ui_language(chosen: str | None, locale: QLocale | None = None) -> str:
    """The window's language: the user's choice (``chosen``, from ``WindowState.language``) if
    the window speaks it, else the computer's (``locale``: the system's by default)."""
    return i18n.known(chosen) or system_language(locale)


def install_translators(app: QCoreApplication, language: str) -> str:
    """Put ``language``'s translators on ``app`` (the app's catalogue and Qt's own), replacing any
    installed before; numbers then follow the language too. Returns the language installed."""
    global _current
    language = i18n.known(language) or "en"
    _current = language
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    files = [catalogue(language)]
    files += [Path(qt_folder) / f"{name}_{language}.qm" for name in QT_CATALOGUES]
    for file in files:
        translator = QTranslator(app)
        if file.exists() and translator.load(str(file)):
            app.installTranslator(translator)
            _installed.append(translator)
    system = QLocale.system()
    if i18n.known(system.name()) == language:
        QLocale.setDefault(system)
    else:
        QLocale.setDefault(QLocale(i18n.BABEL_LOCALE[language]))
    i18n.activate(language)
    return language


def current() -> str:
    """The language installed last (English before any)."""
    return _current


def translate_in(language: str, context: str, text: str) -> str:
    """``text`` in ``language``, whichever language the window is in (the app's catalogue only)."""
    translator = QTranslator()
    if translator.load(str(catalogue(language))):
        found = translator.translate(context, text)
        if found:
            return found
    return text


def installed() -> list[str]:
    """The files of the translators installed now (for tests and the About box)."""
    return [t.filePath() for t in _installed]
