"""Real-style drawings made by scripts/make_realstyle.py (samples/realstyle/NAME/): floors drawn the
way as-is drawings come (no zone polygons, loose door geometry, Jw_cad R12 in cp932, wrong
$INSUNITS, doors inside furniture blocks, AIA layers), each checked with the osmark.toml beside
it against NAME.expected.json, written by hand: the rooms (name -> level), the rooms each door
and each doorless opening joins, the unit, and the exact findings.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from expected import pair_findings

from osmark_plan.api import check
from osmark_plan.config import load_file

ROOT = Path(__file__).resolve().parent.parent
HERE = ROOT / "samples" / "realstyle"
NAMES = sorted(p.name for p in HERE.iterdir() if (p / f"{p.name}.dxf").is_file())

def cases(aspect: str) -> list[Any]:
    """One case per real-style sample (``aspect`` names what the test looks at)."""
    return [pytest.param(n, id=n) for n in NAMES]


def expected(name: str) -> dict[str, Any]:
    with open(HERE / name / f"{name}.expected.json", encoding="utf-8") as fh:
        return json.load(fh)


_REPORTS: dict[str, Any] = {}


def report(name: str) -> Any:
    """The report of one sample with its own osmark.toml (checked once per session)."""
    if name not in _REPORTS:
        cfg = load_file(HERE / name / "osmark.toml")
        _REPORTS[name] = check(HERE / name / f"{name}.dxf", cfg)
    return _REPORTS[name]


def pairs(rep: Any, doors: bool) -> Counter:
    """Multiset of the room-name pairs joined by doors (or by doorless openings)."""
    site = rep.site
    return Counter(frozenset((site.name_of(link.a), site.name_of(link.b)))
                   for link in site.links if (link.door is not None) == doors)


def unmatched(want: list[dict[str, Any]], got: list[Any]) -> tuple[list, list]:
    """(expected findings not found, actual findings not expected): tests/expected.py's pairing."""
    missing, rest = pair_findings(want, got)
    return missing, [(g.rule, [(s.kind, s.name or s.id) for s in g.subjects]) for g in rest]


# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", cases("rooms"))
def test_rooms_named_and_levelled(name):
    rep = report(name)
    plan = rep.site.plan
    assert plan.rooms_from == "walls"
    got = Counter((z.name, z.level) for z in plan.zones)
    want = Counter(expected(name)["rooms"].items())
    assert got == want
    assert not [z for z in plan.zones if z.level_from == "assumed-open"]


@pytest.mark.parametrize("name", cases("doors"))
def test_doors_join_the_right_rooms(name):
    want = Counter(frozenset(p) for p in expected(name)["doors"])
    assert pairs(report(name), doors=True) == want


@pytest.mark.parametrize("name", cases("openings"))
def test_doorless_openings(name):
    want = Counter(frozenset(p) for p in expected(name)["openings"])
    assert pairs(report(name), doors=False) == want


@pytest.mark.parametrize("name", cases("units"))
def test_units(name):
    plan = report(name).site.plan
    want = expected(name)["units"]
    assert (plan.units, plan.units_source) == (want["units"], want["source"])


@pytest.mark.parametrize("name", cases("findings"))
def test_exact_findings(name):
    missing, extra = unmatched(expected(name)["findings"], list(report(name).findings))
    assert (missing, extra) == ([], [])


# -- style by style ----------------------------------------------------------------------------


def test_double_line_doorway_is_one_opening_reported_once():
    rep = report("double_line_loose_doors")
    enc = [f for f in rep.findings if f.rule == "ENC001"]
    assert [s.name for f in enc for s in f.subjects if s.kind == "region"] == ["会議室"]
    # one passage in the access graph for the doorway (0.9 m between the jambs at x 3.0 and
    # 3.9 in the wall y = 6), however many chords seal its two wall faces
    (passage,) = [link for link in rep.site.links if link.door is None]
    assert all(abs(y - 6.0) <= 0.075 + 1e-6 and 3.0 - 1e-6 <= x <= 3.9 + 1e-6
               for o in rep.site.plan.openings for x, y in o.coords)
    assert all(d.width == pytest.approx(0.9, abs=0.01) for d in rep.site.plan.doors)


def test_jwcad_cp932_without_codepage_and_prefixed_layers():
    rep = report("jwcad_r12_cp932")
    plan = rep.site.plan
    assert plan.encoding == expected("jwcad_r12_cp932")["encoding"]
    assert plan.dxf_version == "AC1009"
    kinds = {layer.name: layer.kind for layer in plan.layers.values()}
    assert kinds["_0-1_壁"] == "wall"
    assert kinds["_0-3_建具"] == "door"
    assert kinds["_0-8_室名"] == "label"
    assert any("cp932" in (r.what + (r.detail or "")) for r in plan.repairs)


def test_jwcad_unit_confirmed_in_the_config_is_not_reported():
    name = "jwcad_r12_cp932"
    cfg = replace(load_file(HERE / name / "osmark.toml"), units="mm")
    rep = check(HERE / name / f"{name}.dxf", cfg)
    assert (rep.site.plan.units, rep.site.plan.units_source) == ("mm", "config")
    assert sorted(f.rule for f in rep.findings) == ["DWG006"]


def test_wrong_insunits_distances_in_metres():
    rep = report("wrong_insunits")
    (dwg005,) = [f for f in rep.findings if f.rule == "DWG005"]
    assert dwg005.severity == "warning"
    minx, miny, maxx, maxy = rep.site.aa.bounds
    # 16 x 11 m at a site offset of (120 m, 45 m)
    assert (round(maxx - minx, 1), round(maxy - miny, 1)) == (16.0, 11.0)
    assert (round(minx), round(miny)) == (120, 45)


def test_aia_profile_reads_partition_glass_cabinets_and_copier():
    rep = report("aia_office")
    plan = rep.site.plan
    assert {ln.kind for ln in plan.lines} == {"wall", "partition", "window"}
    assert len(plan.devices) == 1 and len(plan.cabinets) == 3
    assert {c.level for c in plan.cabinets} == {2}
    (acc001,) = [f for f in rep.findings if f.rule == "ACC001"]
    door_id = next(s.id for s in acc001.subjects if s.kind == "door")
    link = next(link for link in rep.site.links if link.id == door_id)
    assert {rep.site.name_of(link.a), rep.site.name_of(link.b)} == {"サーバー室", "受付"}
    (eqp001,) = [f for f in rep.findings if f.rule == "EQP001"]
    assert eqp001.severity == "error"


def test_drawings_are_what_the_script_writes():
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "make_realstyle.py"), "--check"],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
