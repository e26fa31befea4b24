"""The diagram's vector drawing is parsed from its SVG once, then loaded from the cache folder:
a note printed by a new process does not import svglib, and an edited SVG is parsed again."""

from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from botox_chart import paths
from botox_chart.note import diagram

VIEWS = ("front", "left", "right", "back")


@pytest.fixture
def fresh_art() -> Iterator[None]:
    diagram._art.cache_clear()
    yield
    diagram._art.cache_clear()


def shapes(node: Any) -> tuple[Any, ...]:
    """Every shape of a drawing with its properties, in order: what it draws."""
    own = node.getProperties(recur=0) if hasattr(node, "getProperties") else {}
    properties = sorted((k, repr(v)) for k, v in own.items() if k != "contents")
    children = tuple(shapes(child) for child in getattr(node, "contents", ()))
    return (type(node).__name__, tuple(properties), children)


def cached_files() -> list[Path]:
    return sorted(paths.cache_dir().glob("diagram-*.pickle"))


def test_the_cached_drawing_is_the_parsed_one(fresh_art: None) -> None:
    parsed = {view: diagram._art(view) for view in VIEWS}
    assert len(cached_files()) == len(VIEWS)
    diagram._art.cache_clear()

    for view in VIEWS:
        loaded = diagram._art(view)
        assert loaded is not parsed[view]
        assert shapes(loaded) == shapes(parsed[view])
        assert (loaded.width, loaded.height) == (parsed[view].width, parsed[view].height)


def test_a_new_process_draws_the_note_diagram_without_svglib(
    fresh_art: None, isolated_data_dir: Path
) -> None:
    diagram.view_drawing("front", [], 200)  # parses once, caches
    code = (
        "import sys; from botox_chart.note import diagram; "
        "d = diagram.view_drawing('front', [], 200); "
        "print(len(d.contents) > 1, 'svglib' in sys.modules)"
    )
    env = {**os.environ, paths.DATA_DIR_ENV: str(isolated_data_dir)}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    assert done.stdout.split() == ["True", "False"]


def test_an_edited_svg_is_parsed_again_and_a_damaged_cache_file_is_redone(
    fresh_art: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    art = tmp_path / "diagrams"
    shutil.copytree(paths.diagrams_dir(), art)
    monkeypatch.setattr(paths, "diagrams_dir", lambda: art)
    before = diagram._art("front")
    [first] = cached_files()

    svg = art / "front.svg"
    svg.write_text(
        svg.read_text().replace("</svg>", '<rect x="1" y="1" width="5" height="5"/></svg>')
    )
    diagram._art.cache_clear()
    after = diagram._art("front")
    assert len(cached_files()) == 2
    assert shapes(after) != shapes(before)

    for file in cached_files():
        file.write_bytes(b"not a drawing")
    diagram._art.cache_clear()
    again = diagram._art("front")
    assert shapes(again) == shapes(after)


def test_a_cache_file_others_could_write_is_never_unpickled(
    fresh_art: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A pickle runs code when loaded: one that another account could have written (group- or
    world-writable) is ignored and the SVG parsed again, not executed."""
    art = tmp_path / "diagrams"
    shutil.copytree(paths.diagrams_dir(), art)
    monkeypatch.setattr(paths, "diagrams_dir", lambda: art)
    parsed = diagram._art("front")
    [cached] = cached_files()
    marker = tmp_path / "ran"
    cached.write_bytes(pickle.dumps(_Touch(marker)))
    cached.chmod(0o666)
    diagram._art.cache_clear()

    assert shapes(diagram._art("front")) == shapes(parsed)
    assert not marker.exists()


class _Touch:
    """Unpickling it creates a file: the proof a cache file was loaded."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __reduce__(self) -> tuple[Any, ...]:
        return (Path.touch, (self.path,))
