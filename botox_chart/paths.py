"""Every path the app reads or writes: resources, the data folder, the default database, backups,
the Documents folder.

One module owns them so a test can point the whole app at a temporary folder (the autouse fixture in
``tests/conftest.py``) and no test ever touches a user's real data folder.

Health records are private to the user who runs the app. On POSIX every folder the app creates is
0700 and every file it writes is 0600, whatever the umask: :func:`private_folder` and
:func:`private_file` are the only ways the app makes them (``output.write_with``'s temporary files
are 0600 from ``mkstemp``). The data folder and its subfolders are the app's own and are tightened
if found open to others (a first release's 0755); a folder the user chose for a ``--db`` file is
theirs and is left as it is, but the ``backups/<name>/`` folder made beside it is the app's
(:func:`backups_dir`). On Windows the user profile's permissions apply: nothing is changed.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

APP_NAME = "botox-chart"
DB_ENV = "BOTOX_CHART_DB"
DATA_DIR_ENV = "BOTOX_CHART_DATA_DIR"
DOCUMENTS_DIR_ENV = "BOTOX_CHART_DOCUMENTS_DIR"
FONT_DIRS_ENV = "BOTOX_CHART_FONT_DIRS"
PRIVATE_FOLDER = 0o700
PRIVATE_FILE = 0o600
_OPEN_TO_OTHERS = 0o077
_POSIX = os.name == "posix"


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


def system_font_dirs() -> list[Path]:
    """Where Chinese, Japanese and Korean fonts are looked for: ``BOTOX_CHART_FONT_DIRS``
    (folders separated by os.pathsep; then fontconfig is not asked) or the system's font folders."""
    override = os.environ.get(FONT_DIRS_ENV)
    if override is not None:
        return [Path(part) for part in override.split(os.pathsep) if part]
    home = Path.home()
    windows = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
    local = Path(os.environ.get("LOCALAPPDATA", home)) / "Microsoft" / "Windows" / "Fonts"
    return [
        Path("/usr/share/fonts"),
        Path("/usr/local/share/fonts"),
        home / ".local" / "share" / "fonts",
        home / ".fonts",
        Path("/System/Library/Fonts"),
        Path("/Library/Fonts"),
        home / "Library" / "Fonts",
        windows,
        local,
    ]


def rules_dir() -> Path:
    """The continuation rule profiles shipped with the app (``resources/rules/*.toml``)."""
    return resources_dir() / "rules"


def clinic_rules_dir() -> Path:
    """Where a clinic adds its own rule profiles without editing the install: ``rules/`` in the
    data folder. Only read, never created: the clinic makes it when it adds a profile."""
    return _data_folder() / "rules"


def data_dir() -> Path:
    """The user's data folder (created private on first use); ``BOTOX_CHART_DATA_DIR`` overrides
    it."""
    return private_folder(_data_folder())


def _data_folder() -> Path:
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def documents_dir() -> Path:
    """The user's Documents folder, where "Save as PDF" first suggests saving (then wherever the
    user last saved one); ``BOTOX_CHART_DOCUMENTS_DIR`` overrides it. Not created: it is theirs."""
    override = os.environ.get(DOCUMENTS_DIR_ENV)
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_documents_dir())


def default_database_path() -> Path:
    return data_dir() / "botox-chart.sqlite3"


BACKUPS = "backups"


def backups_dir(database: Path, *, create: bool = True) -> Path:
    """The folder of one SQLite database's backups: ``backups/<database's file name>/`` beside it,
    so ``--db ~/clinic/demo.sqlite3`` is backed up into ``~/clinic/backups/demo.sqlite3/`` and the
    default database into the data folder's ``backups/botox-chart.sqlite3/``. The whole file name,
    not its stem: ``clinic.sqlite3`` and ``clinic.db`` beside each other keep apart.

    Each database has its own, so one database's backups never stand in for another's (its daily
    backup, its rotation, its key). Created private (0700, with the ``backups`` folder if missing)
    unless ``create`` is false (reading only); a ``backups`` folder in the data folder is the
    app's own and is tightened, one beside a ``--db`` file is left as its owner made it.
    """
    folder = database.parent / BACKUPS / database.name
    if create:
        private_folder(folder)
        if in_data_folder(database):
            data_dir()  # the app's own folders: tightened if found open to others
            make_private(folder.parent)
    return folder


def shared_backups_dir() -> Path:
    """The data folder's ``backups`` folder, where versions before per-database folders put the
    backups of every database. Only read now (its backups stay where they are, restorable with
    ``restore FILE``); nothing is written, moved or deleted there."""
    return _data_folder() / BACKUPS


def cache_dir(*, create: bool = True) -> Path:
    """Work the app can redo, kept to start faster (the diagrams' parsed drawings, when each
    database last passed its integrity check): private, and safe to delete. Without ``create``
    only its path (to look for a file without making folders)."""
    folder = _data_folder() / "cache"
    return private_folder(folder) if create else folder


def anchors_dir() -> Path:
    """Where each workstation keeps the anchor files of server databases (store.anchors)."""
    return private_folder(data_dir() / "anchors")


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


def private_folder(path: Path, *, tighten: bool = True) -> Path:
    """``path`` as a folder, created (with any missing parents) readable by the user alone.

    With ``tighten`` (the data folder and its subfolders: the app's own) an existing folder that
    others may enter is made 0700; without it (the folder of a ``--db`` file, the user's) an
    existing folder is left as it is.
    """
    missing = [folder for folder in (path, *path.parents) if not folder.exists()]
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=PRIVATE_FOLDER)
        except FileExistsError:
            if not folder.is_dir():
                raise
            continue  # made meanwhile by another program: not ours to change
        _set_mode(folder, PRIVATE_FOLDER)
    if tighten and path not in missing:
        make_private(path)
    return path


def private_file(path: Path, *, tighten: bool = False) -> Path:
    """``path`` created empty and private (0600) unless it exists, e.g. a database before SQLite
    opens it (SQLite gives its ``-wal`` and ``-shm`` files the database file's mode).

    With ``tighten`` an existing file the app owns is made 0600 if others may read it.
    """
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    except FileExistsError:
        if tighten:
            make_private(path)
        return path
    try:
        if _POSIX:  # exactly 0600 whatever the umask
            with contextlib.suppress(OSError):  # a file system without POSIX permissions
                os.fchmod(descriptor, PRIVATE_FILE)
    finally:
        os.close(descriptor)
    return path


def make_private(path: Path) -> None:
    """Take away every permission of group and others from a file or folder of the app's (POSIX).

    A file system without POSIX permissions (a FAT stick, some network shares) or a path owned by
    another user is left as it is: what it allows is not the app's to change.
    """
    if not _POSIX:
        return
    with contextlib.suppress(OSError):
        status = os.stat(path)
        if status.st_mode & _OPEN_TO_OTHERS and status.st_uid == os.getuid():
            os.chmod(path, status.st_mode & ~_OPEN_TO_OTHERS & 0o7777)


def private_database(path: Path) -> Path:
    """A SQLite database file, private before SQLite opens it (SQLite gives the ``-wal`` and
    ``-shm`` files it makes the database file's mode).

    A new one is created empty, 0600, in a folder made 0700 if missing. One in the data folder is
    the app's own: it and its folders are tightened if found open to others. An existing file
    elsewhere (a ``--db`` file) keeps the mode its owner gave it.
    """
    ours = in_data_folder(path)
    private_folder(path.parent, tighten=ours)
    private_file(path, tighten=ours)
    if ours:
        for companion in ("-wal", "-shm"):
            make_private(path.with_name(path.name + companion))
    return path


def written_by_user_alone(status: os.stat_result) -> bool:
    """A file this user owns and nobody else may change (group and others cannot write it): the
    only kind whose contents the app trusts to skip work (a cached drawing it unpickles, the
    record of a database's last integrity check). Without POSIX modes (Windows) the profile
    folder's own permissions keep the data folder the user's."""
    if not _POSIX:
        return True
    if status.st_mode & 0o022:
        return False
    return not hasattr(os, "getuid") or status.st_uid == os.getuid()


def in_data_folder(path: Path) -> bool:
    """Whether ``path`` is inside the data folder (the app's own), without creating it."""
    try:
        return path.resolve().is_relative_to(_data_folder().resolve())
    except OSError:
        return False


def _set_mode(path: Path, mode: int) -> None:
    """Exactly ``mode`` whatever the umask (POSIX; ignored where the file system has no modes)."""
    if _POSIX:
        with contextlib.suppress(OSError):
            os.chmod(path, mode)
