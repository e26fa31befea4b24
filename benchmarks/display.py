"""Where the benchmarked windows appear: a private Xvfb server, or Qt's offscreen platform.

Real windows (Xvfb, the X server a CI machine or a developer can run headless) are preferred: the
first paint then includes talking to an X server, as on a clinic's desktop. Without Xvfb the run
falls back to ``QT_QPA_PLATFORM=offscreen`` and says so in its output and JSON.
"""

from __future__ import annotations

import os
import select
import shutil
import subprocess
from dataclasses import dataclass, field

SCREEN = "1400x900x24"
START_TIMEOUT_S = 10.0


@dataclass
class Display:
    platform: str
    """"xcb" (Xvfb) or "offscreen"."""
    env: dict[str, str]
    """Variables for every child process that opens a window."""
    description: str
    process: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def offscreen(reason: str) -> Display:
    return Display("offscreen", {"QT_QPA_PLATFORM": "offscreen"}, f"offscreen ({reason})")


def start(preference: str = "auto") -> Display:
    """``auto``: Xvfb if installed, unless QT_QPA_PLATFORM=offscreen is set; ``xvfb`` or
    ``offscreen`` to insist."""
    if preference == "offscreen":
        return offscreen("asked for")
    if preference == "auto" and os.environ.get("QT_QPA_PLATFORM") == "offscreen":
        return offscreen("QT_QPA_PLATFORM=offscreen is set")
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        if preference == "xvfb":
            raise SystemExit("Xvfb is not installed (Debian: apt-get install xvfb)")
        return offscreen("Xvfb is not installed: times include no X server")
    return _start_xvfb(xvfb)


def _start_xvfb(xvfb: str) -> Display:
    """A private Xvfb on the first free display number (Xvfb picks it and tells us: -displayfd)."""
    read, write = os.pipe()
    process = subprocess.Popen(
        [xvfb, "-displayfd", str(write), "-screen", "0", SCREEN, "-nolisten", "tcp", "-noreset"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    number = b""
    try:
        while not number.endswith(b"\n"):
            ready, _, _ = select.select([read], [], [], START_TIMEOUT_S)
            chunk = os.read(read, 16) if ready else b""
            if not chunk:
                break
            number += chunk
    finally:
        os.close(read)
    if not number.strip().isdigit():
        process.kill()
        process.wait()
        return offscreen("Xvfb did not start")
    name = f":{number.strip().decode()}"
    env = {"QT_QPA_PLATFORM": "xcb", "DISPLAY": name}
    return Display("xcb", env, f"Xvfb {name} ({SCREEN}), no window manager", process)
