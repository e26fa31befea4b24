"""PostgreSQL across a network: is the connection required to be encrypted (TLS)?

Patient data sent to a server on another computer crosses the clinic's network, where anyone on it
could read it unless it is encrypted. libpq's default ``sslmode`` is ``prefer``: TLS when the server
offers it, clear text when it does not, or when someone in between pretends it does not. Only
``require``, ``verify-ca`` and ``verify-full`` refuse clear text (``verify-full`` also checks the
server's certificate against its CA and name). :func:`tls_warning` is what the window and the CLI
say when the app reaches a server that is not on this computer without requiring TLS, the way
store.roles' ``owner_warning`` warns about the owner role.

It reads the URL and the libpq environment variables that fill what the URL leaves out (``PGHOST``,
``PGHOSTADDR``, ``PGSSLMODE``), as libpq does; it does not connect, and it does not read a
``pg_service.conf`` service file. Encrypting the server's disk is the server's job (README).
"""

from __future__ import annotations

import ipaddress
import os
import re
from collections.abc import Mapping
from urllib.parse import unquote

from sqlalchemy.engine import URL, Engine

from botox_chart.i18n import _

REQUIRED = frozenset({"require", "verify-ca", "verify-full"})
"""The ``sslmode`` values that refuse a connection in clear text."""
DEFAULT_SSLMODE = "prefer"
"""libpq's default: TLS if the server offers it, else clear text."""

_WINDOWS_PATH = re.compile(r"^(?:[A-Za-z]:)?[\\/]")


def tls_warning(engine: Engine, *, environ: Mapping[str, str] | None = None) -> str | None:
    """A warning when a PostgreSQL server on another computer is reached without requiring TLS;
    None for SQLite, a server on this computer (loopback or a Unix-domain socket) and a URL with
    ``sslmode=require``, ``verify-ca`` or ``verify-full``."""
    return url_tls_warning(engine.url, environ=environ)


def url_tls_warning(url: URL, *, environ: Mapping[str, str] | None = None) -> str | None:
    """:func:`tls_warning` for a URL (``environ``: the libpq variables; default os.environ)."""
    if url.get_backend_name() != "postgresql":
        return None
    env = os.environ if environ is None else environ
    remote = [host for host in hosts(url, env) if not is_loopback(host)]
    if not remote:
        return None
    mode = sslmode(url, env)
    if mode in REQUIRED:
        return None
    return _(
        "Connected to the PostgreSQL server {servers} without requiring TLS (sslmode={mode}): "
        "patient data may cross the network unencrypted. Add ?sslmode=verify-full (with the "
        "server's CA certificate) or at least ?sslmode=require to the database URL; see the README."
    ).format(servers=", ".join(remote), mode=mode)


def sslmode(url: URL, environ: Mapping[str, str]) -> str:
    """The ``sslmode`` libpq will use: the URL's (the last one given), else ``PGSSLMODE``, else
    ``verify-full`` with ``sslrootcert=system`` (PostgreSQL 16's libpq), else ``prefer``."""
    given = _last(url.query.get("sslmode")) or environ.get("PGSSLMODE", "")
    if given:
        return given.strip().lower()
    root = _last(url.query.get("sslrootcert")) or environ.get("PGSSLROOTCERT", "")
    return "verify-full" if root == "system" else DEFAULT_SSLMODE


def hosts(url: URL, environ: Mapping[str, str]) -> list[str]:
    """Where libpq connects: ``hostaddr`` (numeric, no name lookup) if given, else the hosts (the
    URL's, its ``host`` parameters, else ``PGHOST``); none given means the local socket ("")."""
    for values in (
        _values(url.query.get("hostaddr")) or _split(environ.get("PGHOSTADDR", "")),
        _values(url.host) + _values(url.query.get("host")) or _split(environ.get("PGHOST", "")),
    ):
        if values:
            return [_without_port(value) for value in values]
    return [""]


def is_loopback(host: str) -> bool:
    """This computer: no host (the default socket), a socket folder, ``localhost``, 127.0.0.0/8
    or ::1. Any other name is another computer (it is not looked up)."""
    name = unquote(host).strip()
    if not name or name.startswith("@") or _WINDOWS_PATH.match(name):
        return True  # a Unix-domain socket: a folder, or Linux's abstract namespace
    if name.lower().rstrip(".") == "localhost":
        return True
    try:
        address = ipaddress.ip_address(name.strip("[]").split("%")[0])  # without an IPv6 zone
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped.is_loopback
    return address.is_loopback


def _values(value: str | tuple[str, ...] | None) -> list[str]:
    if value is None:
        return []
    items = (value,) if isinstance(value, str) else value
    return [part for item in items for part in _split(item)]


def _split(text: str) -> list[str]:
    """libpq's comma-separated host lists."""
    return [part.strip() for part in text.split(",") if part.strip()]


def _last(value: str | tuple[str, ...] | None) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else (value[-1] if value else "")


def _without_port(host: str) -> str:
    """``host:port`` (SQLAlchemy's multi-host form) without the port; IPv6 stays whole."""
    if host.startswith("["):
        return host[1:].split("]", 1)[0]
    if host.count(":") == 1 and not _WINDOWS_PATH.match(host):
        return host.split(":", 1)[0]
    return host
