"""Run a program and report when its main window is first painted, ready, and settled.

``python benchmarks/probe.py PROGRAM [ARGS...]`` runs PROGRAM (a script path, or the name of a
console script beside this interpreter, e.g. ``botox-chart``) in this process, unchanged. Nothing in
botox_chart is edited: when ``botox_chart.ui.main_window`` is imported, its ``MainWindow.__init__``
is wrapped so the probe can watch the window. A baseline script calls :func:`watch` itself
(``import bench_probe``). Events are written to the file descriptor named by ``BENCH_PROBE_FD``,
one line each: ``EVENT MONOTONIC_SECONDS VMHWM_KB VMRSS_KB`` (CLOCK_MONOTONIC is system-wide, so
the parent compares them with its own clock). The events:

- ``painted``: the main window's first paint event has been handled (a zero timer posted from it
  fires, so the frame has been flushed to the screen);
- ``ready``: after ``MainWindow.patientsListed``, the window's next paint has been handled and
  the event loop came back to a zero timer (the list is on screen and the window answers); for a
  bare window, the same moment as ``painted``;
- ``opened``: ``MainWindow.patientsLoaded``, the database is open for work (its integrity check
  passed) and sign-in is possible; for a bare window, the same moment as ``ready``;
- ``settled``: the database is open and background threads (e.g. the app's printing warm-up) have
  finished; memory here is the peak. With ``BENCH_PROBE_QUIT=1`` the application then quits.

The probe costs a few imports of the standard library, and the same for the app and baselines.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import os
import runpy
import shutil
import sys
import threading
import time
from pathlib import Path
from types import ModuleType
from typing import Any

TARGET = "botox_chart.ui.main_window"
SETTLE_POLL_MS = 50
SETTLE_LIMIT_S = 20.0
NO_PAINT_MS = 1000
"""If nothing repaints after the data arrived, ``ready`` is reported this much later."""
SETTLE_EXTRA_MS = 200
"""After the last background thread ends, a moment for the last allocations."""


def memory_kb() -> tuple[int, int]:
    """(VmHWM, VmRSS) of this process in kB, from /proc (0, 0 where there is no /proc)."""
    found = {"VmHWM": 0, "VmRSS": 0}
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                key, _, value = line.partition(":")
                if key in found:
                    found[key] = int(value.split()[0])
    except OSError:
        pass
    return found["VmHWM"], found["VmRSS"]


def report(event: str) -> None:
    fd = os.environ.get("BENCH_PROBE_FD")
    now = time.monotonic()
    hwm, rss = memory_kb()
    line = f"{event} {now:.6f} {hwm} {rss}\n"
    if fd:
        os.write(int(fd), line.encode("ascii"))
    else:
        sys.stderr.write(line)


def watch(window: Any, ready_signal: Any = None, opened_signal: Any = None) -> None:
    """Report ``painted`` on the window's first paint; ``ready`` at the first paint after
    ``ready_signal`` (or with ``painted`` when None); ``opened`` at ``opened_signal`` (or with
    ``ready``); then, both seen, ``settled``."""
    from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer

    state = {"painted": False, "loaded": False, "ready": False, "opened": False}

    def ready() -> None:
        if not state["ready"]:
            state["ready"] = True
            QCoreApplication.instance().removeEventFilter(next_paint)
            report("ready")
            if opened_signal is None:
                opened()
            elif state["opened"]:
                _settle(time.monotonic())

    def opened(*_args: object) -> None:
        if not state["opened"]:
            state["opened"] = True
            report("opened")
            if state["ready"]:
                _settle(time.monotonic())

    def painted() -> None:
        report("painted")
        if ready_signal is None:
            ready()

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not state["painted"]:
                state["painted"] = True
                watched.removeEventFilter(self)
                QTimer.singleShot(0, painted)
            return False

    class NextPaint(QObject):
        """Any paint in the window once the data is in: the list is on screen."""

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if (
                event.type() == QEvent.Type.Paint
                and state["loaded"]
                and hasattr(watched, "window")
                and watched.window() is window
            ):
                QTimer.singleShot(0, ready)
            return False

    def loaded(*_args: object) -> None:
        if not state["loaded"]:
            state["loaded"] = True
            QCoreApplication.instance().installEventFilter(next_paint)
            QTimer.singleShot(NO_PAINT_MS, without_paint)

    def without_paint() -> None:
        if not state["ready"]:
            report("no_paint")  # nothing repainted: ready all the same, and the parent is told
            ready()

    first_paint = FirstPaint(window)
    next_paint = NextPaint(window)
    window.installEventFilter(first_paint)
    if ready_signal is not None:
        ready_signal.connect(loaded)
    if opened_signal is not None:
        opened_signal.connect(opened)


def _settle(started: float) -> None:
    from PySide6.QtCore import QCoreApplication, QTimer

    def busy() -> bool:
        return any(
            t.is_alive() and t is not threading.main_thread()
            for t in threading.enumerate()
            if not isinstance(t, threading._DummyThread)  # Qt's own threads calling Python
        )

    def poll() -> None:
        if busy() and time.monotonic() - started < SETTLE_LIMIT_S:
            QTimer.singleShot(SETTLE_POLL_MS, poll)
            return
        QTimer.singleShot(SETTLE_EXTRA_MS, done)

    def done() -> None:
        report("settled")
        if os.environ.get("BENCH_PROBE_QUIT") == "1":
            QCoreApplication.quit()

    QTimer.singleShot(SETTLE_POLL_MS, poll)


class _WatchMainWindow(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Wraps ``MainWindow.__init__`` of ``botox_chart.ui.main_window`` once it is imported."""

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> Any:
        if name != TARGET:
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is None or spec.loader is None:
            return None
        self._loader = spec.loader
        spec.loader = self
        return spec

    def create_module(self, spec: Any) -> ModuleType | None:
        return self._loader.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        self._loader.exec_module(module)
        window_class = module.MainWindow
        original = window_class.__init__

        def __init__(window: Any, *args: Any, **kwargs: Any) -> None:
            original(window, *args, **kwargs)
            if not getattr(_WatchMainWindow, "watching", False):
                _WatchMainWindow.watching = True
                watch(window, window.patientsListed, window.patientsLoaded)

        window_class.__init__ = __init__


def _program(name: str) -> Path:
    path = Path(name)
    if path.is_file():
        return path
    beside = Path(sys.executable).parent / name
    found = beside if beside.is_file() else shutil.which(name)
    if not found:
        raise SystemExit(f"probe: no program {name!r}")
    return Path(found)


def main() -> None:
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    program = _program(sys.argv[1])
    sys.argv = [str(program), *sys.argv[2:]]
    sys.modules["bench_probe"] = sys.modules[__name__]
    sys.meta_path.insert(0, _WatchMainWindow())
    runpy.run_path(str(program), run_name="__main__")


if __name__ == "__main__":
    main()
