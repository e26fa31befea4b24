"""A scripted stand-in for the real dialogs (ui.seams.QtDialogs): answers queued, questions kept."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class FakeDialogs:
    confirms: deque[bool] = field(default_factory=deque)
    texts: deque[str | None] = field(default_factory=deque)
    secrets: deque[str | None] = field(default_factory=deque)
    files: deque[Path | None] = field(default_factory=deque)
    print_accepted: bool = True
    suffixes: list[str] = field(default_factory=list)
    """The default suffix each save dialog was asked to add."""
    asked: list[tuple[str, str, str]] = field(default_factory=list)
    """(kind, title, text) of every dialog shown, in order."""

    def messages(self, kind: str) -> list[str]:
        return [text for k, _title, text in self.asked if k == kind]

    def error(self, parent: Any, title: str, text: str) -> None:
        self.asked.append(("error", title, text))

    def info(self, parent: Any, title: str, text: str) -> None:
        self.asked.append(("info", title, text))

    def confirm(self, parent: Any, title: str, text: str) -> bool:
        self.asked.append(("confirm", title, text))
        return self.confirms.popleft() if self.confirms else False

    def ask_text(self, parent: Any, title: str, label: str, text: str = "") -> str | None:
        self.asked.append(("ask_text", title, label))
        return self.texts.popleft() if self.texts else None

    def ask_secret(self, parent: Any, title: str, label: str) -> str | None:
        self.asked.append(("ask_secret", title, label))
        return self.secrets.popleft() if self.secrets else None

    def save_file(
        self,
        parent: Any,
        title: str,
        suggested: Path,
        file_filter: str,
        default_suffix: str = "",
    ) -> Path | None:
        """The next queued file, as queued: like a platform dialog that added no suffix."""
        self.asked.append(("save_file", title, str(suggested)))
        self.suffixes.append(default_suffix)
        return self.files.popleft() if self.files else None

    def open_file(self, parent: Any, title: str, file_filter: str) -> Path | None:
        self.asked.append(("open_file", title, file_filter))
        return self.files.popleft() if self.files else None

    def print_setup(self, parent: Any, printer: Any) -> bool:
        self.asked.append(("print_setup", "Print", printer.printerName()))
        return self.print_accepted
