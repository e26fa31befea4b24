"""A throwaway PostgreSQL server on loopback, for the scale benchmark.

``started()`` finds ``initdb`` and ``pg_ctl`` (on PATH, else the newest
``/usr/lib/postgresql/*/bin``), makes a cluster in a new temporary folder, starts it on a free
port of 127.0.0.1 with no Unix socket, and trusts connections from 127.0.0.1 only (the data is demo
data, and the server lives as long as the benchmark). Run as root, the server runs as the
``postgres`` user, as ``.ci/run`` starts CI's. It is stopped and its folder removed when the block
ends, also on an error, Ctrl+C or SIGTERM. The server's settings are initdb's defaults.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import Any

SUPERUSER = "postgres"
RUN_AS = "postgres"
"""The system user the server runs as when the benchmark runs as root (initdb refuses root)."""


class ServerError(RuntimeError):
    """The server could not be made or started; the message holds its log's end."""


@dataclass(frozen=True)
class Server:
    bindir: Path
    port: int
    folder: Path
    version: str
    """``PostgreSQL 15.10``: the server's own words (SHOW server_version)."""
    run_as: str | None

    def url(self, database: str = "postgres", user: str = SUPERUSER) -> str:
        return f"postgresql+psycopg://{user}@127.0.0.1:{self.port}/{database}"

    def libpq(self, database: str, user: str) -> list[str]:
        """Connection options for the server's own tools (pg_dump, pg_restore)."""
        return ["-h", "127.0.0.1", "-p", str(self.port), "-U", user, "-d", database]

    def tool(self, name: str, *args: str, stdout: Any = subprocess.DEVNULL) -> None:
        """Run one of the server's programs (``pg_dump``, ``pg_restore``); it must succeed."""
        done = subprocess.run(
            [str(self.bindir / name), *args],
            stdout=stdout,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            raise ServerError(f"{name} failed ({done.returncode}): {done.stderr[-2000:]}")


def find_bindir() -> Path | None:
    """The folder of ``initdb`` and ``pg_ctl``: PATH's if both are there, else the newest
    ``/usr/lib/postgresql/*/bin`` (Debian's, where they are not on PATH); None when neither."""
    on_path = [shutil.which(name) for name in ("initdb", "pg_ctl")]
    if all(on_path):
        folder = Path(os.path.realpath(str(on_path[0]))).parent
        if (folder / "pg_ctl").exists():
            return folder
    found = sorted(
        (Path(p) for p in glob.glob("/usr/lib/postgresql/*/bin")),
        key=lambda p: _version_key(p.parent.name),
    )
    for folder in reversed(found):
        if (folder / "initdb").exists() and (folder / "pg_ctl").exists():
            return folder
    return None


@contextmanager
def started(bindir: Path | None = None) -> Iterator[Server]:
    """A new server for the duration of the block (see the module's docstring)."""
    bindir = bindir or find_bindir()
    if bindir is None:
        raise ServerError("no initdb and pg_ctl on PATH or under /usr/lib/postgresql/*/bin")
    run_as = RUN_AS if os.geteuid() == 0 else None
    folder = Path(tempfile.mkdtemp(prefix="bench-pg-"))
    data = folder / "data"
    log = folder / "server.log"
    previous = _stop_on_sigterm()
    started_server = False
    try:
        if run_as:
            os.chown(folder, pwd.getpwnam(run_as).pw_uid, pwd.getpwnam(run_as).pw_gid)
        _run(bindir / "initdb", ["-D", str(data), "-A", "trust", "-U", SUPERUSER], run_as, folder)
        (data / "pg_hba.conf").write_text(
            "# The scale benchmark's throwaway server: 127.0.0.1 only, no socket.\n"
            "host all all 127.0.0.1/32 trust\n",
            encoding="utf-8",
        )
        port = _free_port()
        options = f"-c listen_addresses=127.0.0.1 -p {port} -c unix_socket_directories=''"
        try:
            started_server = True
            _run(
                bindir / "pg_ctl",
                ["-D", str(data), "-l", str(log), "-w", "-t", "60", "-o", options, "start"],
                run_as,
                folder,
            )
        except ServerError as err:
            raise ServerError(f"{err}\n{_tail(log)}") from None
        version = _server_version(port)
        yield Server(bindir, port, folder, version, run_as)
    finally:
        try:
            if started_server:
                _stop(bindir, data, run_as, folder)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
            if previous is not None:
                signal.signal(signal.SIGTERM, previous)


def _run(program: Path, args: list[str], run_as: str | None, cwd: Path) -> None:
    user: dict[str, Any] = {}
    if run_as:
        entry = pwd.getpwnam(run_as)
        user = {"user": entry.pw_uid, "group": entry.pw_gid, "extra_groups": []}
    done = subprocess.run(
        [str(program), *args],
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
        start_new_session=True,  # Ctrl+C reaches the benchmark, which stops the server itself
        **user,
    )
    if done.returncode != 0:
        raise ServerError(f"{program.name} failed ({done.returncode}): {done.stderr[-2000:]}")


def _stop(bindir: Path, data: Path, run_as: str | None, folder: Path) -> None:
    try:
        _run(bindir / "pg_ctl", ["-D", str(data), "-m", "fast", "-w", "stop"], run_as, folder)
    except ServerError:
        pid_file = data / "postmaster.pid"
        if pid_file.exists():  # still running: no leftover server on the machine
            _run(bindir / "pg_ctl", ["-D", str(data), "-m", "immediate", "stop"], run_as, folder)


def _server_version(port: int) -> str:
    import sqlalchemy as sa

    engine = sa.create_engine(f"postgresql+psycopg://{SUPERUSER}@127.0.0.1:{port}/postgres")
    try:
        with engine.connect() as conn:
            return f"PostgreSQL {conn.execute(sa.text('SHOW server_version')).scalar_one()}"
    finally:
        engine.dispose()


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _stop_on_sigterm() -> Any:
    """SIGTERM ends the benchmark like Ctrl+C does (the server is stopped on the way out)."""

    def stop(_signum: int, _frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    try:
        return signal.signal(signal.SIGTERM, stop)
    except ValueError:  # not the main thread: leave signals alone
        return None


def _version_key(name: str) -> tuple[int, ...]:
    return tuple(int(part) for part in name.split(".") if part.isdigit())


def _tail(log: Path, limit: int = 2000) -> str:
    try:
        return log.read_text(encoding="utf-8", errors="replace")[-limit:]
    except OSError:
        return ""
