"""A normal (non-editable) install carries every package and the resources."""

from __future__ import annotations

import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_package_directory_is_listed_in_pyproject() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    on_disk = {
        ".".join(p.parent.relative_to(ROOT).parts)
        for p in (ROOT / "botox_chart").rglob("__init__.py")
    }
    assert on_disk | {"botox_chart.resources"} == listed


def test_the_wheel_holds_resources_and_migrations(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {
        "botox_chart/resources/protocols/preempt.toml",
        "botox_chart/resources/rules/nice-ta260.toml",
        "botox_chart/resources/rules/payer-50.toml",
        "botox_chart/resources/fhir/codes.toml",
        "botox_chart/resources/diagrams/front.svg",
        "botox_chart/resources/diagrams/back.svg",
        "botox_chart/resources/fonts/DejaVuSans.ttf",
        "botox_chart/resources/fonts/DejaVuSans-Bold.ttf",
        "botox_chart/store/migrations/env.py",
        "botox_chart/store/migrations/script.py.mako",
        "botox_chart/store/migrations/versions/0001_initial_schema.py",
    }
    assert expected <= names
