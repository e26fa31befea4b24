"""Starting a program as its own process and timing it: to its first paint, ready and settled
(through ``probe.py``), or to its exit.

Times are from just before the process is created, on CLOCK_MONOTONIC (``time.monotonic``), which
the child's probe uses too. Every process gets a fresh, empty data folder, so no window state or
last patient from an earlier run changes what it does.
"""

from __future__ import annotations

import os
import select
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

HERE = Path(__file__).resolve().parent
PROBE = HERE / "probe.py"
EVENTS = ("painted", "ready", "opened", "settled")
TIMEOUT_S = 180.0


class LaunchError(RuntimeError):
    """The program failed, hung or never showed its window; the message holds its stderr."""


@dataclass
class Event:
    ms: float
    """Milliseconds since just before the process was created."""
    peak_kb: int
    rss_kb: int


@dataclass
class Launch:
    events: dict[str, Event] = field(default_factory=dict)
    exit_ms: float = 0.0
    returncode: int | None = None


def console_script(name: str) -> list[str]:
    """The command of an installed console script (``botox-chart``) run by this interpreter."""
    script = Path(sys.executable).parent / name
    if script.is_file():
        return [str(script)]
    raise LaunchError(f"{name} is not installed beside {sys.executable}")


BENCH_KEY = "B0" * 32
"""The benchmark databases' recovery key: a raw 256-bit key, as the keyring keeps (no key
derivation on open), so the timings include encryption as a clinic's laptop has it."""
DEMO_USER = ("souza", "demo-password")
"""Commands that read patient data sign in: the demo administrator."""


def bench_environment() -> None:
    """The key and the sign-in every launch and the in-process work use (unless already set)."""
    os.environ.setdefault("BOTOX_CHART_DB_KEY", BENCH_KEY)
    os.environ.setdefault("BOTOX_CHART_USER", DEMO_USER[0])
    os.environ.setdefault("BOTOX_CHART_PASSWORD", DEMO_USER[1])


def child_env(extra: dict[str, str], data_dir: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(extra)
    env["BOTOX_CHART_DATA_DIR"] = str(data_dir)
    env.pop("BOTOX_CHART_DB", None)
    env["PYTHONUNBUFFERED"] = "1"
    return env


def probed(program: list[str], display_env: dict[str, str], data_dir: Path | None = None) -> Launch:
    """Run ``program`` (a script path or console-script name, then its arguments) under the probe
    until it has settled; it then quits by itself. ``data_dir``: the app's data folder (kept
    between launches, as a workstation's is); a new empty one if None."""
    read, write = os.pipe()
    with data_folder(data_dir) as data, tempfile.TemporaryFile() as err:
        env = child_env(display_env, data)
        env["BENCH_PROBE_FD"] = str(write)
        env["BENCH_PROBE_QUIT"] = "1"
        start = time.monotonic()
        process = subprocess.Popen(
            [sys.executable, str(PROBE), *program],
            env=env,
            pass_fds=(write,),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=err,
        )
        os.close(write)
        launch = Launch()
        try:
            _read_events(read, launch, start)
            process.wait(timeout=TIMEOUT_S)  # quitting waits for the daily backup
        except (LaunchError, subprocess.TimeoutExpired) as problem:
            process.kill()
            process.wait()
            raise LaunchError(f"{program[0]}: {problem}\n{_tail(err)}") from None
        finally:
            os.close(read)
        launch.exit_ms = (time.monotonic() - start) * 1000
        launch.returncode = process.returncode
        if "no_paint" in launch.events:
            raise LaunchError(f"{program[0]}: the window did not repaint after its data arrived")
        missing = [e for e in EVENTS if e not in launch.events]
        if missing:
            raise LaunchError(f"{program[0]}: no {', '.join(missing)} event\n{_tail(err)}")
        return launch


def _read_events(read: int, launch: Launch, start: float) -> None:
    buffer = b""
    deadline = start + TIMEOUT_S
    while "settled" not in launch.events:
        ready, _, _ = select.select([read], [], [], max(deadline - time.monotonic(), 0))
        if not ready:
            raise LaunchError(f"timed out after {TIMEOUT_S:.0f} s")
        chunk = os.read(read, 4096)
        if not chunk:
            return  # the process exited (or closed the pipe) early
        buffer += chunk
        *lines, buffer = buffer.split(b"\n")
        for line in lines:
            name, stamp, peak, rss = line.decode("ascii").split()
            launch.events[name] = Event((float(stamp) - start) * 1000, int(peak), int(rss))


def timed(command: list[str], display_env: dict[str, str], data_dir: Path | None = None) -> float:
    """Milliseconds from creating the process to its exit; it must succeed. ``data_dir`` as for
    :func:`probed`.

    The exit is awaited with a blocking ``wait4`` (``subprocess``'s wait with a timeout polls,
    which rounds times up to its polling steps of up to 50 ms); a timer kills a hung process.
    """
    with data_folder(data_dir) as data, tempfile.TemporaryFile() as err:
        env = child_env(display_env, data)
        start = time.monotonic()
        process = subprocess.Popen(
            command,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=err,
        )
        watchdog = threading.Timer(TIMEOUT_S, process.kill)
        watchdog.start()
        try:
            _pid, status, _usage = os.wait4(process.pid, 0)
        finally:
            watchdog.cancel()
        elapsed = (time.monotonic() - start) * 1000
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            raise LaunchError(f"{command[0]} exited with {process.returncode}\n{_tail(err)}")
        return elapsed


@contextmanager
def data_folder(kept: Path | None) -> Iterator[Path]:
    """``kept``, or a new empty data folder removed afterwards."""
    if kept is not None:
        yield kept
        return
    with tempfile.TemporaryDirectory(prefix="bench-data-") as data:
        yield Path(data)


def _tail(err: IO[bytes], limit: int = 3000) -> str:
    """The end of a child's stderr, for the error message."""
    err.seek(0)
    return err.read().decode("utf-8", "replace")[-limit:]
