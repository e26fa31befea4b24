"""Screenshots of the charting window for the README, made without a display.

    python scripts/screenshots.py                 # docs/screenshots/charting-window.png (+ @2x),
                                                  # due-list.png and charting-window-fr.png
    python scripts/screenshots.py --no-2x --out /tmp/shots

It builds a throwaway demo database (``store.demo.generate``, as ``botox-chart demo-data`` does),
in a temporary data folder so no real settings or data are touched, opens the window at 1400x900 on
Qt's offscreen platform, signs in as the demo nurse injector (``MainWindow.sign_in_as``: no
password typed), selects a patient whose last session had follow-the-pain sites, repeats that
session into a new draft (Ctrl+R), and saves a PNG. The 1x run then opens the same draft in a
window in French (``ui.language``: the catalogue the app loads for a French user) for
charting-window-fr.png. The 2x picture is the same run with QT_SCALE_FACTOR=2, in a child process
(the factor must be set before Qt starts).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SIZE = (1400, 900)
TODAY = date.today()
"""The demo's today is the real one: the due list in the window counts from the computer's clock."""


class QuietDialogs:
    """Answers every question without showing anything: "no" to confirmations."""

    def error(self, parent: Any, title: str, text: str) -> None:
        print(f"screenshots: {title}: {text}", file=sys.stderr)

    def info(self, parent: Any, title: str, text: str) -> None:
        pass

    def confirm(self, parent: Any, title: str, text: str) -> bool:
        return False

    def ask_secret(self, parent: Any, title: str, label: str) -> str | None:
        return None

    def ask_text(self, parent: Any, title: str, label: str, text: str = "") -> str | None:
        return None

    def save_file(self, parent: Any, title: str, suggested: Path, file_filter: str) -> None:
        return None

    def open_file(self, parent: Any, title: str, file_filter: str) -> None:
        return None

    def print_setup(self, parent: Any, printer: Any) -> bool:
        return False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--patients", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-2x", action="store_true", help="skip the QT_SCALE_FACTOR=2 picture")
    parser.add_argument("--scale", type=int, default=1, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    name = "charting-window.png" if args.scale == 1 else f"charting-window@{args.scale}x.png"
    with tempfile.TemporaryDirectory(prefix="botox-chart-demo-") as tmp:
        os.environ["BOTOX_CHART_DATA_DIR"] = str(Path(tmp) / "data")
        os.environ["BOTOX_CHART_DB_KEY"] = "5C" * 32  # a throwaway database's key, not the keyring
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        written = shoot(Path(tmp) / "demo.sqlite3", args.out / name, args.patients, args.seed)
    print(f"Wrote {written}")
    if args.scale == 1 and not args.no_2x:
        env = dict(os.environ, QT_SCALE_FACTOR="2")
        command = [sys.executable, __file__, "--out", str(args.out), "--scale", "2"]
        command += ["--patients", str(args.patients), "--seed", str(args.seed)]
        return subprocess.call(command, env=env)
    return 0


def shoot(database: Path, target: Path, patients: int, seed: int) -> Path:
    from botox_chart.chart import Vial
    from botox_chart.store import demo, open_database, sessions, transaction
    from botox_chart.ui.app import application
    from botox_chart.ui.language import install_translators

    url = f"sqlite:///{database}"
    engine = open_database(url)
    demo.generate(engine, patients=patients, seed=seed, today=TODAY)  # some are due today
    patient_id = _patient_with_follow_the_pain(engine)
    nurse = _demo_clinician(engine, "dube").id
    with transaction(engine) as db:
        draft = sessions.repeat_last(db, patient_id=patient_id, injector_id=nurse, today=TODAY)
        assert draft.id is not None
        draft_id = draft.id
        chart = sessions.load_chart(db, session_id=draft_id)
        last = sessions.last_signed(db, patient_id=patient_id)
        assert last is not None
        lot = sessions.lots_of(db, [last.id])[last.id][0] if last.id is not None else "C6812AB"
        chart.vials = [Vial(lot, TODAY + timedelta(days=200), v.units) for v in chart.vials]
        chart.consent = True
        chart.screen = dict.fromkeys(chart.screen, False)
        chart.headache_days, chart.migraine_days = 9, 6
        sessions.save_draft(
            db,
            session_id=draft_id,
            patient_id=patient_id,
            chart=chart,
            expected_version=draft.version,
            clinician_id=nurse,
        )
    engine.dispose()

    app = application()
    install_translators(app, "en")
    window = _open(app, url, patient_id, draft_id)
    window.grab().save(str(target))
    if target.name == "charting-window.png":  # the 1x run also shows the due list (Ctrl+D)
        window.commands.records.due_list()
        _settle(app)
        dialog = window.commands.records.due_dialog
        assert dialog is not None
        dialog.resize(1100, 520)
        _settle(app)
        dialog.grab().save(str(target.with_name("due-list.png")))
        print(f"Wrote {target.with_name('due-list.png')}")
        dialog.close()
        window.close()
        # And the same chart in French, as a Québec clinic sees it.
        install_translators(app, "fr")
        window = _open(app, url, patient_id, draft_id)
        french = target.with_name("charting-window-fr.png")
        window.grab().save(str(french))
        print(f"Wrote {french}")
        install_translators(app, "en")
    window.close()
    return target


def _open(app: Any, url: str, patient_id: int, draft_id: int) -> Any:
    """The window on ``url``, signed in as the demo nurse, with the draft open."""
    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer

    from botox_chart.ui.main_window import MainWindow

    window = MainWindow(QuietDialogs())
    window.resize(*SIZE)
    window.show()
    loop = QEventLoop()
    window.patientsLoaded.connect(lambda _count: loop.quit())
    QTimer.singleShot(30_000, loop.quit)
    window.open_database(url)
    loop.exec()
    window.sign_in_as(_demo_clinician(window.engine, "dube"))
    window.patients.search.setText("")
    window.patients.select(patient_id)
    window.commands.open_session(draft_id)
    window.statusBar().showMessage(
        QCoreApplication.translate("WindowCommands", "Repeated the last signed session's pattern.")
    )
    _settle(app)
    return window


def _demo_clinician(engine: Any, username: str) -> Any:
    """A demo clinician (``store.demo.CLINICIANS``) by user name."""
    from botox_chart.store import clinicians, transaction

    with transaction(engine) as db:
        return next(c for c in clinicians.active(db) if c.username == username)


def _patient_with_follow_the_pain(engine: Any) -> int:
    """A patient due today whose latest signed session added follow-the-pain sites."""
    from botox_chart.store import sessions, transaction

    with transaction(engine) as db:
        rows = sessions.summaries(db)
    latest: dict[int, Any] = {}
    for row in rows:
        latest.setdefault(row.patient_id, row)
    due = [
        row
        for row in latest.values()
        if row.status == "signed" and 33 <= row.sites <= 37 and row.next_due <= TODAY
    ]
    best = min(due or list(latest.values()), key=lambda row: abs((TODAY - row.next_due).days))
    return int(best.patient_id)


def _settle(app: Any) -> None:
    """Let layouts, style polish and deferred paints finish before grabbing."""
    from PySide6.QtCore import QEventLoop, QTimer

    for _ in range(3):
        loop = QEventLoop()
        QTimer.singleShot(150, loop.quit)
        loop.exec()
        app.processEvents()


if __name__ == "__main__":
    sys.exit(main())
