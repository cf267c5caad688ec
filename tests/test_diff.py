"""osmark diff: each sample pair gives exactly its hand-written list of changes and findings."""

from __future__ import annotations

import json
import time
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

import numpy as np
import pytest
from shapely import affinity

from osmark_plan import api
from osmark_plan.config import Config, ConfigError, from_mapping
from osmark_plan.diff import diff_plans, diff_settings
from osmark_plan.diff.align import estimate, transform_plan
from osmark_plan.diff.match import Item, match_items

PAIRS = Path(__file__).resolve().parents[1] / "samples" / "diff"
NAMES = sorted(p.name for p in PAIRS.iterdir() if (p / "expected.json").is_file()) if PAIRS.is_dir() else []


@lru_cache(maxsize=None)
def plans(name: str):
    return api.load(PAIRS / name / "asis.dxf"), api.load(PAIRS / name / "application.dxf")


@lru_cache(maxsize=None)
def result(name: str):
    return diff_plans(*plans(name))


def test_every_kind_of_change_has_a_pair():
    expected = {"identical", "shifted_rotated", "room_level", "room_renamed", "boundary_moved",
                "room_added", "room_removed", "door_added", "door_removed", "door_moved", "door_lock",
                "device_moved", "device_added", "device_removed", "cabinet_moved", "cabinet_level",
                "direct_level3", "many"}
    assert expected <= set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_pair_gives_exactly_the_expected_changes(name):
    expected = json.loads((PAIRS / name / "expected.json").read_text(encoding="utf-8"))
    diff = result(name)
    assert diff.signatures() == expected["changes"]
    assert [f.signature() for f in diff.findings if f.status != "persisting"] == expected["findings"]
    assert diff.has_differences == bool(expected["changes"] or expected["findings"])


def test_identical_pair_has_no_difference_and_no_motion():
    diff = result("identical")
    assert diff.changes == () and not diff.has_differences
    assert diff.alignment.status == "identity" and not diff.alignment.applied
    assert diff.alignment.score == pytest.approx(1.0)


def test_shifted_rotated_pair_is_aligned_back():
    al = result("shifted_rotated").alignment
    # B = A rotated +90° then moved by (1000, 2000): B -> A rotates by 270° and moves by (-2000, 1000)
    assert al.applied and al.status == "aligned"
    assert al.rotation == pytest.approx(270.0, abs=1e-6)
    assert (al.dx, al.dy) == (pytest.approx(-2000.0, abs=1e-4), pytest.approx(1000.0, abs=1e-4))
    assert al.score > 0.99
    assert result("shifted_rotated").changes == ()


def test_without_alignment_a_moved_drawing_differs_everywhere():
    a, b = plans("shifted_rotated")
    diff = diff_plans(a, b, align=False)
    assert diff.alignment.status == "disabled"
    kinds = {(c.kind, c.change) for c in diff.changes}
    assert ("region", "removed") in kinds and ("region", "added") in kinds
    assert sum(1 for c in diff.changes if c.kind == "region" and c.change == "removed") == 5


def test_new_direct_route_into_level3_is_listed_first():
    diff = result("many")
    first = diff.changes[0]
    assert (first.kind, first.change) == ("edge", "added-into-level3") and first.serious
    assert first.detail["door"] == "DR07" and 3 in first.detail["levels"]


def test_changes_positions_are_in_the_asis_frame():
    diff = result("many")  # application drawing rotated and 1 km away
    moved = next(c for c in diff.changes if c.kind == "device" and c.change == "moved")
    assert moved.at == pytest.approx((9.0, 9.5), abs=1e-6)
    assert moved.detail["to"] == pytest.approx([9.0, 4.5], abs=1e-6)
    assert moved.detail["distance_m"] == pytest.approx(5.0)


def test_boundary_change_reports_distance_and_areas():
    diff = result("boundary_moved")
    by_subject = {c.subject: c for c in diff.changes}
    assert by_subject["受付"].detail["moved_m"] == pytest.approx(0.5)
    assert by_subject["受付"].detail["area_m2"] == [35.0, 37.5]
    assert by_subject["役員室"].detail["area_change_m2"] == pytest.approx(-2.5)


def _renumbered(plan):
    """The same plan with zones and doors in reverse drawing order and renumbered ids."""
    zones = tuple(replace(z, id=f"Z{i + 1}") for i, z in enumerate(reversed(plan.zones)))
    doors = tuple(replace(d, id=f"D{i + 1}") for i, d in enumerate(reversed(plan.doors)))
    devices = tuple(replace(d, id=f"P{i + 1}") for i, d in enumerate(reversed(plan.devices)))
    return replace(plan, zones=zones, doors=doors, devices=devices, lines=tuple(reversed(plan.lines)))


def test_drawing_order_and_ids_do_not_matter():
    a = plans("door_removed")[1]  # has a finding (DWG007) on 役員室
    b = _renumbered(a)
    ids_a = {z.name: z.id for z in a.zones}
    ids_b = {z.name: z.id for z in b.zones}
    assert ids_a != ids_b and set(ids_a) == set(ids_b)
    diff = diff_plans(a, b)
    assert diff.changes == ()
    assert [f.status for f in diff.findings] == ["persisting"]


def test_findings_match_when_only_ids_changed():
    """An unnamed region's finding keeps its identity through the region match, not its id."""
    from osmark_plan.diff.compare import compare_findings
    from osmark_plan.findings import Finding, Report, Subject

    def report(region_id, fp):
        f = Finding(rule="DWG007", name="x", severity="warning", clause="", message={"en": "m"},
                    subjects=(Subject("region", region_id),), at=None, bbox=None, fingerprint=fp)
        return Report(plan=None, findings=(f,), runs=())

    out = compare_findings(report("O1", "aaa"), report("O2", "bbb"), {"O2": "O1"})
    assert [f.status for f in out] == ["persisting"]
    out = compare_findings(report("O1", "aaa"), report("O2", "bbb"), {})
    assert sorted(f.status for f in out) == ["new", "resolved"]


def test_tolerance_decides_what_moved():
    a = plans("identical")[0]
    nudged = tuple(replace(d, polygon=affinity.translate(d.polygon, 0.15, 0.0)) for d in a.devices)
    b = replace(a, devices=nudged)
    assert diff_plans(a, b, align=False).changes == ()
    moved = diff_plans(a, b, align=False, tolerance=0.1).signatures()
    assert moved == ["device moved MFP1"]
    cfg = from_mapping({"diff": {"tolerance": 0.1}})
    assert diff_plans(a, b, cfg, align=False).signatures() == ["device moved MFP1"]


def test_diff_settings_are_checked():
    assert diff_settings(Config())["tolerance"] == 0.2
    with pytest.raises(ConfigError, match="unknown setting"):
        diff_settings(from_mapping({"diff": {"tolerence": 0.1}}))
    with pytest.raises(ConfigError, match="distance"):
        diff_settings(from_mapping({"diff": {"tolerance": "big"}}))


def test_alignment_of_a_small_rotation_and_shift():
    a = plans("identical")[0]
    moved = transform_plan(a, replace(estimate(a, a), rotation=7.5, dx=12.0, dy=-3.0, applied=True))
    al = estimate(a, moved)
    # undoing a rotation of 7.5° about the origin then a shift
    assert al.applied and al.rotation == pytest.approx(352.5, abs=1e-6)
    back = transform_plan(moved, al)
    assert diff_plans(a, back, align=False).changes == ()
    assert diff_plans(a, moved).changes == ()


def test_alignment_without_walls_is_reported():
    a = plans("identical")[0]
    empty = replace(a, lines=(), zones=(), areas=())
    assert estimate(a, empty).status == "no-walls"


def test_matching_thousands_of_items_is_fast():
    rng = np.random.default_rng(1)
    xy = rng.uniform(0, 500, size=(4000, 2))
    items_a = [Item(id=f"A{i}", name=None, kind="COPIER", x=x, y=y) for i, (x, y) in enumerate(xy)]
    shift = xy + rng.normal(0, 0.02, size=xy.shape)
    items_b = [Item(id=f"B{i}", name=None, kind="COPIER", x=x, y=y) for i, (x, y) in enumerate(shift)]
    start = time.perf_counter()
    pairs = match_items(items_a, items_b, 0.2, lambda p, q: p.kind == q.kind)
    assert time.perf_counter() - start < 5.0
    assert len(pairs) == 4000
    assert sum(1 for i, j in pairs if i == j) > 3990


def test_committed_pairs_are_what_the_script_writes(tmp_path):
    import subprocess
    import sys

    script = PAIRS.parents[1] / "scripts" / "make_diff_samples.py"
    subprocess.run([sys.executable, str(script), "--out", str(tmp_path), "door_moved", "many"],
                   check=True, capture_output=True)
    for name in ("door_moved", "many"):
        for f in ("asis.dxf", "application.dxf"):
            assert (tmp_path / name / f).read_bytes() == (PAIRS / name / f).read_bytes(), (name, f)


def test_drawings_in_place_need_no_alignment_search(monkeypatch):
    """A pair drawn in place (walls coinciding) is reported as is without searching: no fit
    can beat it by the margin an alignment needs (scores are at most 1)."""
    from osmark_plan.diff import align

    a, b = plans("identical")
    monkeypatch.setattr(align, "_votes", lambda *args, **kw: pytest.fail("searched"))
    quick = estimate(a, b)
    assert quick.attempted and not quick.applied and quick.status == "identity"
    assert quick.score == quick.identity_score >= 1.0 - align.GAIN
    assert (quick.rotation, quick.dx, quick.dy) == (0.0, 0.0, 0.0)
    moved = transform_plan(a, replace(quick, rotation=0.0, dx=3.0, dy=0.0, applied=True))
    monkeypatch.undo()
    assert estimate(a, moved).applied  # a moved drawing is still searched and aligned
