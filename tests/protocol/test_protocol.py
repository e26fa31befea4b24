"""The PREEMPT protocol file against the reference tables, and the loader's error messages.

The tables are docs/clinical-reference.md §1 (fixed sites) and docs/clinical-reference.md §2
(follow-the-pain).
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

from botox_chart import paths, protocol
from botox_chart.protocol import ProtocolError

# muscle → (sites, units, FTP extra units, FTP extra sites), from the tables named above
REFERENCE_TABLE = {
    "corrugator": (2, 10, 0, 0),
    "procerus": (1, 5, 0, 0),
    "frontalis": (4, 20, 0, 0),
    "temporalis": (8, 40, 10, 2),
    "occipitalis": (6, 30, 10, 2),
    "cervical_paraspinal": (4, 20, 0, 0),
    "trapezius": (6, 30, 20, 4),
}


@pytest.fixture
def preempt() -> protocol.Protocol:
    return protocol.load_named("preempt")


def test_sites_and_units_per_muscle_match_the_reference_table(preempt: protocol.Protocol) -> None:
    for muscle, (sites, units, extra_units, extra_sites) in REFERENCE_TABLE.items():
        assert len(preempt.sites_of(muscle)) == sites, muscle
        assert preempt.standard_units(muscle) == units, muscle
        spec = preempt.muscle(muscle)
        assert spec.max_extra_units == extra_units, muscle
        assert spec.max_extra_sites == extra_sites, muscle


def test_totals_31_sites_155_units_max_195(preempt: protocol.Protocol) -> None:
    assert len(preempt.sites) == 31
    assert preempt.total_units == 155
    assert preempt.max_total_units == 195
    assert all(site.units == 5 for site in preempt.sites)
    max_sites = 31 + sum(m.max_extra_sites for m in preempt.muscles)
    max_units = preempt.total_units + sum(m.max_extra_units for m in preempt.muscles)
    assert (max_sites, max_units) == (39, 195)


def test_procerus_is_the_only_midline_site_and_the_rest_mirror(preempt: protocol.Protocol) -> None:
    midline = [s.code for s in preempt.sites if s.side == "midline"]
    assert midline == ["PRO"]
    sides = Counter((s.muscle, s.side) for s in preempt.sites if s.side != "midline")
    for muscle in REFERENCE_TABLE:
        assert sides[(muscle, "left")] == sides[(muscle, "right")], muscle


def test_every_site_is_on_a_diagram_view_inside_its_own_muscle_region(
    preempt: protocol.Protocol,
) -> None:
    for site in preempt.sites:
        assert site.positions, site.code
        for point in site.positions:
            assert (paths.diagrams_dir() / f"{point.view}.svg").is_file()
            assert 0 <= point.x <= 400 and 0 <= point.y <= 500, site.code
            region = preempt.region_at(point.view, point.x, point.y)
            if region is not None:
                assert (region.muscle, region.side) == (site.muscle, site.side), site.code


def test_follow_the_pain_regions_exist_for_each_allowing_muscle_and_side(
    preempt: protocol.Protocol,
) -> None:
    covered = {(r.muscle, r.side) for r in preempt.regions}
    for muscle in preempt.muscles:
        if muscle.allows_follow_the_pain:
            assert {(muscle.code, "left"), (muscle.code, "right")} <= covered


def test_a_clinic_variant_loads_with_no_code_change(tmp_path: Path) -> None:
    text = (paths.protocols_dir() / "preempt.toml").read_text(encoding="utf-8")
    variant = text.replace('code            = "preempt"', 'code = "clinic"').replace(
        "max_total_units = 195", "max_total_units = 155"
    )
    path = tmp_path / "clinic.toml"
    path.write_text(variant, encoding="utf-8")
    loaded = protocol.load(path)
    assert loaded.code == "clinic"
    assert loaded.max_total_units == Decimal(155)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("total_units     = 155", "total_units = 150"), "protocol.total_units is 150 U"),
        (('side      = "left"', 'side = "sinister"'), "sites[1].side must be one of"),
        (('muscle    = "trapezius"', 'muscle = "deltoid"'), "'deltoid' is not one of"),
        (("units     = 5", 'units = "five"'), "sites[0].units is missing or is not a number"),
        (('code      = "COR-L"', 'code = "COR-R"'), "'COR-R' appears twice"),
        (("max_total_units = 195", "max_total_units = 100"), "max_total_units is below"),
    ],
)
def test_a_malformed_protocol_names_the_file_and_field(
    tmp_path: Path, change: tuple[str, str], message: str
) -> None:
    text = (paths.protocols_dir() / "preempt.toml").read_text(encoding="utf-8")
    assert change[0] in text
    path = tmp_path / "broken.toml"
    path.write_text(text.replace(change[0], change[1], 1), encoding="utf-8")
    with pytest.raises(ProtocolError) as raised:
        protocol.load(path)
    assert str(path) in str(raised.value)
    assert message in str(raised.value)


def test_not_toml_and_missing_file_are_clear_errors(tmp_path: Path) -> None:
    path = tmp_path / "junk.toml"
    path.write_text("this is = = not toml", encoding="utf-8")
    with pytest.raises(ProtocolError, match="not valid TOML"):
        protocol.load(path)
    with pytest.raises(ProtocolError, match="cannot read"):
        protocol.load(tmp_path / "absent.toml")
    with pytest.raises(ProtocolError, match="no such protocol file"):
        protocol.load_named("no-such-protocol")


def test_region_contains_points_inside_a_polygon_only() -> None:
    square = protocol.Region("m", "left", "front", ((0, 0), (10, 0), (10, 10), (0, 10)))
    assert square.contains(5, 5)
    assert not square.contains(15, 5)
    assert not square.contains(-1, -1)
