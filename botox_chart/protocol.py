"""An injection protocol as data: muscles, sites, default units, follow-the-pain allowances.

The protocol lives in ``resources/protocols/*.toml`` (the PREEMPT table of
docs/clinical-reference.md §1) so a clinic's variant loads with no code change. Loading validates
the file and names the file and the field of any mistake, because a wrong dose in a template is
repeated in every session charted from it.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from typing import Any, Literal, cast

from botox_chart import paths

Side = Literal["left", "right", "midline"]
SIDES: tuple[Side, ...] = ("right", "left", "midline")
VIEWS: tuple[str, ...] = ("front", "right", "left", "back")
DEFAULT_PROTOCOL = "preempt"


class ProtocolError(ValueError):
    """A protocol file that cannot be used, with the file and the field at fault."""


@dataclass(frozen=True)
class Point:
    """A point on one diagram view, in the user units of ``resources/diagrams/<view>.svg``."""

    view: str
    x: float
    y: float


@dataclass(frozen=True)
class Muscle:
    code: str
    name: str
    region: str
    max_extra_units: Decimal
    """Follow-the-pain allowance: units that may be added above the standard dose (0 = none)."""
    max_extra_sites: int

    @property
    def allows_follow_the_pain(self) -> bool:
        return self.max_extra_units > 0 and self.max_extra_sites > 0


@dataclass(frozen=True)
class Site:
    code: str
    muscle: str
    side: Side
    label: str
    units: Decimal
    positions: tuple[Point, ...]


@dataclass(frozen=True)
class Region:
    """The area of the diagram where a click counts as this muscle and side."""

    muscle: str
    side: Side
    view: str
    points: tuple[tuple[float, float], ...]

    def contains(self, x: float, y: float) -> bool:
        """Ray casting: is (x, y) inside the polygon?"""
        inside = False
        pts = self.points
        j = len(pts) - 1
        for i, (xi, yi) in enumerate(pts):
            xj, yj = pts[j]
            if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
                inside = not inside
            j = i
        return inside


@dataclass(frozen=True)
class Protocol:
    code: str
    name: str
    total_units: Decimal
    max_total_units: Decimal
    muscles: tuple[Muscle, ...]
    sites: tuple[Site, ...]
    regions: tuple[Region, ...]

    def muscle(self, code: str) -> Muscle:
        for muscle in self.muscles:
            if muscle.code == code:
                return muscle
        raise KeyError(code)

    def has_muscle(self, code: str) -> bool:
        return any(m.code == code for m in self.muscles)

    def site(self, code: str) -> Site:
        for site in self.sites:
            if site.code == code:
                return site
        raise KeyError(code)

    def has_site(self, code: str) -> bool:
        return any(s.code == code for s in self.sites)

    def sites_of(self, muscle: str) -> tuple[Site, ...]:
        return tuple(s for s in self.sites if s.muscle == muscle)

    def standard_units(self, muscle: str) -> Decimal:
        return sum((s.units for s in self.sites_of(muscle)), Decimal(0))

    def allowed_units(self, muscle: str) -> Decimal:
        """Standard dose plus the follow-the-pain allowance (e.g. temporalis 40 + 10 = 50 U)."""
        return self.standard_units(muscle) + self.muscle(muscle).max_extra_units

    def region_at(self, view: str, x: float, y: float) -> Region | None:
        for region in self.regions:
            if region.view == view and region.contains(x, y):
                return region
        return None

    def muscle_name(self, code: str) -> str:
        return self.muscle(code).name if self.has_muscle(code) else code.replace("_", " ").title()


def available_protocols() -> list[str]:
    return sorted(p.stem for p in paths.protocols_dir().glob("*.toml"))


@cache
def load_named(code: str = DEFAULT_PROTOCOL) -> Protocol:
    """A protocol shipped in ``resources/protocols`` (cached: they do not change at run time)."""
    path = paths.protocols_dir() / f"{code}.toml"
    if not path.is_file():
        raise ProtocolError(
            f"{path}: no such protocol file (have: {', '.join(available_protocols())})"
        )
    return load(path)


def load(path: Path) -> Protocol:
    """Read and validate a protocol file; every mistake is a ProtocolError naming file and field."""
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as err:
        raise ProtocolError(f"{path}: cannot read the protocol file ({err.strerror})") from err
    except tomllib.TOMLDecodeError as err:
        raise ProtocolError(f"{path}: not valid TOML ({err})") from err
    return _parse(raw, str(path))


def _parse(raw: Mapping[str, Any], where: str) -> Protocol:
    reader = _Reader(where)
    header = reader.table(raw, "protocol")
    muscles = tuple(
        _parse_muscle(reader, m, f"muscles[{i}]")
        for i, m in enumerate(reader.tables(raw, "muscles"))
    )
    muscle_codes = [m.code for m in muscles]
    _require_unique(reader, muscle_codes, "muscles", "code")
    sites = tuple(
        _parse_site(reader, s, f"sites[{i}]", set(muscle_codes))
        for i, s in enumerate(reader.tables(raw, "sites"))
    )
    _require_unique(reader, [s.code for s in sites], "sites", "code")
    regions = tuple(
        _parse_region(reader, r, f"regions[{i}]", set(muscle_codes))
        for i, r in enumerate(reader.tables(raw, "regions", required=False))
    )
    protocol = Protocol(
        code=reader.string(header, "code", "protocol"),
        name=reader.string(header, "name", "protocol"),
        total_units=reader.units(header, "total_units", "protocol"),
        max_total_units=reader.units(header, "max_total_units", "protocol"),
        muscles=muscles,
        sites=sites,
        regions=regions,
    )
    site_total = sum((s.units for s in sites), Decimal(0))
    if site_total != protocol.total_units:
        reader.fail(
            "protocol.total_units",
            f"is {protocol.total_units} U but the sites add up to {site_total} U",
        )
    if protocol.max_total_units < protocol.total_units:
        reader.fail("protocol.max_total_units", "is below total_units")
    for muscle in muscles:
        if not protocol.sites_of(muscle.code):
            reader.fail(f"muscles ({muscle.code})", "has no sites")
    return protocol


def _parse_muscle(reader: _Reader, raw: Mapping[str, Any], where: str) -> Muscle:
    extra_units = reader.units(raw, "max_extra_units", where, allow_zero=True)
    extra_sites = reader.integer(raw, "max_extra_sites", where)
    if (extra_units > 0) != (extra_sites > 0):
        reader.fail(
            f"{where}", "max_extra_units and max_extra_sites must both be 0 or both above 0"
        )
    return Muscle(
        code=reader.string(raw, "code", where),
        name=reader.string(raw, "name", where),
        region=reader.string(raw, "region", where),
        max_extra_units=extra_units,
        max_extra_sites=extra_sites,
    )


def _parse_site(reader: _Reader, raw: Mapping[str, Any], where: str, muscles: set[str]) -> Site:
    muscle = reader.string(raw, "muscle", where)
    if muscle not in muscles:
        reader.fail(f"{where}.muscle", f"{muscle!r} is not one of the [[muscles]]")
    positions_raw = reader.table(raw, "positions", where)
    if not positions_raw:
        reader.fail(f"{where}.positions", "needs at least one view")
    positions = tuple(
        reader.point(view, xy, f"{where}.positions.{view}") for view, xy in positions_raw.items()
    )
    return Site(
        code=reader.string(raw, "code", where),
        muscle=muscle,
        side=reader.side(raw, where),
        label=reader.string(raw, "label", where),
        units=reader.units(raw, "units", where),
        positions=positions,
    )


def _parse_region(reader: _Reader, raw: Mapping[str, Any], where: str, muscles: set[str]) -> Region:
    muscle = reader.string(raw, "muscle", where)
    if muscle not in muscles:
        reader.fail(f"{where}.muscle", f"{muscle!r} is not one of the [[muscles]]")
    view = reader.string(raw, "view", where)
    points_raw = raw.get("points")
    if not isinstance(points_raw, list) or len(points_raw) < 3:
        reader.fail(f"{where}.points", "needs a list of at least 3 [x, y] points")
        points_raw = []
    points = tuple(
        (p.x, p.y)
        for p in (reader.point(view, xy, f"{where}.points[{i}]") for i, xy in enumerate(points_raw))
    )
    return Region(muscle=muscle, side=reader.side(raw, where), view=view, points=points)


def _require_unique(reader: _Reader, codes: Iterable[str], table: str, field: str) -> None:
    seen: set[str] = set()
    for i, code in enumerate(codes):
        if code in seen:
            reader.fail(f"{table}[{i}].{field}", f"{code!r} appears twice")
        seen.add(code)


class _Reader:
    """Typed access to the raw TOML, failing with the file and the dotted field name."""

    def __init__(self, where: str) -> None:
        self.where = where

    def fail(self, field: str, problem: str) -> Any:
        raise ProtocolError(f"{self.where}: {field} {problem}")

    def table(self, raw: Mapping[str, Any], key: str, where: str = "") -> Mapping[str, Any]:
        value = raw.get(key)
        if not isinstance(value, dict):
            self.fail(_join(where, key), "is missing or is not a table")
        return cast(Mapping[str, Any], value)

    def tables(
        self, raw: Mapping[str, Any], key: str, *, required: bool = True
    ) -> list[Mapping[str, Any]]:
        value = raw.get(key)
        if value is None and not required:
            return []
        if not isinstance(value, list) or not value or not all(isinstance(v, dict) for v in value):
            self.fail(f"[[{key}]]", "is missing or is not a list of tables")
        return cast(list[Mapping[str, Any]], value)

    def string(self, raw: Mapping[str, Any], key: str, where: str) -> str:
        value = raw.get(key)
        if not isinstance(value, str) or not value.strip():
            self.fail(_join(where, key), "is missing or is not a non-empty string")
        return cast(str, value).strip()

    def integer(self, raw: Mapping[str, Any], key: str, where: str) -> int:
        value = raw.get(key)
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            self.fail(_join(where, key), "is missing or is not a whole number of 0 or more")
        return cast(int, value)

    def units(
        self, raw: Mapping[str, Any], key: str, where: str, *, allow_zero: bool = False
    ) -> Decimal:
        value = raw.get(key)
        if isinstance(value, bool) or not isinstance(value, int | float):
            return cast(Decimal, self.fail(_join(where, key), "is missing or is not a number"))
        try:
            units = Decimal(str(value))
        except InvalidOperation:
            return cast(Decimal, self.fail(_join(where, key), "is not a number"))
        if units < 0 or (units == 0 and not allow_zero) or not units.is_finite():
            self.fail(_join(where, key), f"must be {'0 or ' if allow_zero else ''}above 0 units")
        return units

    def side(self, raw: Mapping[str, Any], where: str) -> Side:
        value = raw.get("side")
        if value not in SIDES:
            self.fail(_join(where, "side"), f"must be one of {', '.join(SIDES)}")
        return cast(Side, value)

    def point(self, view: str, xy: Any, where: str) -> Point:
        if view not in VIEWS:
            self.fail(where, f"names the view {view!r}; views are {', '.join(VIEWS)}")
        if (
            not isinstance(xy, list)
            or len(xy) != 2
            or not all(isinstance(c, int | float) and not isinstance(c, bool) for c in xy)
        ):
            self.fail(where, "must be [x, y]")
        return Point(view=view, x=float(xy[0]), y=float(xy[1]))


def _join(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key
