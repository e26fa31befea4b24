"""The layering rules of docs/architecture.md §2, checked on the source."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "botox_chart"

PURE = (
    "botox_chart.chart",
    "botox_chart.store",
    "botox_chart.note",
    "botox_chart.ui",
    "reportlab",
    "sqlalchemy",
    "sqlmodel",
)
"""What a pure rule module (plain values in, a judgement out) never imports."""
PLAIN_OVER_CHART = PURE[1:]
"""What a pure module that reads the chart's rules (due, recall, fhir) never imports."""

# layer → modules it must never import (the table of docs/architecture.md §2)
FORBIDDEN = {
    "protocol": ("botox_chart.chart", "botox_chart.store", "botox_chart.note", "botox_chart.ui"),
    "chart": ("botox_chart.store", "botox_chart.note", "botox_chart.ui"),
    "bounds": ("botox_chart.store", "botox_chart.note", "botox_chart.ui"),
    "output": ("botox_chart.chart", "botox_chart.store", "botox_chart.note", "botox_chart.ui"),
    # the outcome model and continuation rules: plain values in, verdicts out
    "outcomes": PURE,
    # the due list: each patient's last treatment in, the next due date and the period's rows out
    "due": PLAIN_OVER_CHART,
    # the lot recall: the sessions that used a lot in, the units from it and the list out
    "recall": PLAIN_OVER_CHART,
    # the eligibility criteria: plain values in, criteria met or missing out
    "eligibility": PURE,
    # reading a carton's GS1 code: a scanned string in, a carton out
    "gs1": PURE,
    # the reader's language: every layer below the window translates through it
    "i18n": PURE,
    # the FHIR export: a patient's signed sessions (their charts) in, a bundle (a dict) out
    "fhir": PLAIN_OVER_CHART,
    # the paper: a clinic's setting and a locale in, A4 or Letter out
    "paper": PURE,
    "store": ("botox_chart.note", "botox_chart.ui"),
    # CSV in and out: reads and writes through the store, never through the note or the window
    "exchange": ("botox_chart.note", "botox_chart.ui"),
    "note": ("botox_chart.ui",),
    # the one marker palette: screen and note read it, so it draws with neither Qt nor reportlab
    "markers": (
        "botox_chart.chart",
        "botox_chart.store",
        "botox_chart.note",
        "botox_chart.ui",
        "reportlab",
        "svglib",
    ),
}


def documented_forbidden() -> dict[str, tuple[str, ...]]:
    """The table of docs/architecture.md §2, read from the document: layer → modules."""
    text = (PACKAGE.parent / "docs" / "architecture.md").read_text(encoding="utf-8")
    section = text[text.index("## \u00a72 ") : text.index("## \u00a73 ")]
    rows = re.findall(r"^\| (\w+) \| (`[^|]*`) \|$", section, re.MULTILINE)
    return {layer: tuple(re.findall(r"`([^`]+)`", modules)) for layer, modules in rows}


def test_the_documented_table_is_the_one_checked() -> None:
    assert documented_forbidden() == FORBIDDEN


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def layer_of(path: Path) -> str:
    relative = path.relative_to(PACKAGE)
    return relative.parts[0].removesuffix(".py")


NON_UI = sorted(p for p in PACKAGE.rglob("*.py") if layer_of(p) != "ui")


@pytest.mark.parametrize("path", NON_UI, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_qt_is_imported_only_in_the_ui_package(path: Path) -> None:
    qt = {m for m in imported_modules(path) if m.split(".")[0] in ("PySide6", "PyQt5", "PyQt6")}
    assert not qt, f"{path.relative_to(PACKAGE)} imports {sorted(qt)}"


@pytest.mark.parametrize("path", NON_UI, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_lower_layers_do_not_import_higher_ones(path: Path) -> None:
    forbidden = FORBIDDEN.get(layer_of(path), ())
    bad = {m for m in imported_modules(path) if m.startswith(forbidden)}
    assert not bad, f"{path.relative_to(PACKAGE)} imports {sorted(bad)}"


def test_the_scan_sees_the_layers() -> None:
    layers = {layer_of(p) for p in NON_UI}
    expected = {
        "protocol",
        "chart",
        "bounds",
        "markers",
        "outcomes",
        "due",
        "recall",
        "eligibility",
        "gs1",
        "i18n",
        "fhir",
        "paper",
        "store",
        "note",
        "output",
        "exchange",
        "cli",
        "paths",
    }
    assert expected <= layers


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _ui_import_graph() -> dict[str, set[str]]:
    """Which ui module imports which, counting every import: at the top, inside functions, and
    under ``TYPE_CHECKING`` (a type-only circle still ties two files together)."""
    modules = {_module_name(p): p for p in (PACKAGE / "ui").rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        targets = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                for alias in node.names:
                    target = f"{node.module}.{alias.name}"
                    targets.add(target if target in modules else node.module)
            elif isinstance(node, ast.Import):
                targets.update(alias.name for alias in node.names)
        graph[name] = {t for t in targets if t in modules and t != name}
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str]:
    """One import circle in ``graph`` (empty if there is none)."""
    done: set[str] = set()

    def visit(node: str, trail: list[str]) -> list[str]:
        if node in trail:
            return [*trail[trail.index(node) :], node]
        if node in done:
            return []
        for target in sorted(graph[node]):
            found = visit(target, [*trail, node])
            if found:
                return found
        done.add(node)
        return []

    for start in sorted(graph):
        found = visit(start, [])
        if found:
            return found
    return []


def test_the_window_modules_import_in_one_direction() -> None:
    """docs/architecture.md §2: the window's modules import each other without a circle (the
    window's command objects take it through typed seams: ui/window_host.py, ui/chart_editor.py)."""
    graph = _ui_import_graph()
    assert "botox_chart.ui.window_commands" in graph["botox_chart.ui.main_window"]
    assert _cycle(graph) == []


def test_the_circle_check_finds_a_circle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _cycle(graph) == ["a", "b", "c", "a"]
