"""Every path the app reads or writes: resources, the data folder, the default database, backups.

One module owns them so a test can point the whole app at a temporary folder (the autouse fixture in
``tests/conftest.py``) and no test ever touches a user's real data folder.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "botox-chart"
DB_ENV = "BOTOX_CHART_DB"
DATA_DIR_ENV = "BOTOX_CHART_DATA_DIR"


def resources_dir() -> Path:
    """The ``resources/`` folder: installed beside the package, or at the top of a checkout."""
    installed = Path(__file__).resolve().parent / "resources"
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parent.parent / "resources"


def protocols_dir() -> Path:
    return resources_dir() / "protocols"


def diagrams_dir() -> Path:
    return resources_dir() / "diagrams"


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def data_dir() -> Path:
    """The user's data folder (created on first use); ``BOTOX_CHART_DATA_DIR`` overrides it."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        path = Path(override)
    else:
        import platformdirs

        path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_database_path() -> Path:
    return data_dir() / "botox-chart.sqlite3"


def backups_dir() -> Path:
    path = data_dir() / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path


def database_url(explicit: str | None = None) -> str:
    """The database: ``--db``, else ``BOTOX_CHART_DB``, else the SQLite file in the data folder.

    A bare file path is accepted as well as a SQLAlchemy URL.
    """
    url = explicit or os.environ.get(DB_ENV) or ""
    if not url:
        return f"sqlite:///{default_database_path()}"
    if "://" not in url:
        return f"sqlite:///{Path(url).expanduser().resolve()}"
    return url
