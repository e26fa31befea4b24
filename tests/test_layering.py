"""The layering rules of docs/architecture.md §2, checked on the source."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "botox_chart"

# layer → modules it must never import (the table of docs/architecture.md §2)
FORBIDDEN = {
    "protocol": ("botox_chart.chart", "botox_chart.store", "botox_chart.note", "botox_chart.ui"),
    "chart": ("botox_chart.store", "botox_chart.note", "botox_chart.ui"),
    "bounds": ("botox_chart.store", "botox_chart.note", "botox_chart.ui"),
    "output": ("botox_chart.chart", "botox_chart.store", "botox_chart.note", "botox_chart.ui"),
    "store": ("botox_chart.note", "botox_chart.ui"),
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
    expected = {"protocol", "chart", "bounds", "markers", "store", "note", "output", "cli", "paths"}
    assert expected <= layers
