"""Regions, nesting, gaps, links, entrances and depth from in-memory plans."""

from dataclasses import replace

import pytest
from shapely.geometry import LineString, box

from osmark_plan.api import build
from osmark_plan.geometry.build import build_site
from osmark_plan.model import OUTSIDE

from plans import Source, door, office, segments, zone


def pairs(site):
    return {link.id: frozenset((link.a, link.b)) for link in site.links}


def test_regions_nest_and_open_remainder():
    site = build(office())
    levels = {r.id: (r.level, r.name) for r in site.regions}
    assert levels == {"Z1": (1, "執務室"), "Z2": (2, "役員室"), "Z3": (3, "サーバー室"), "O1": (0, "受付")}
    # nested zones are cut out of their parents
    assert site.region("Z1").area == pytest.approx(14 * 12 - 12 * 6)
    assert site.region("Z2").area == pytest.approx(12 * 6 - 4 * 6)
    assert site.region("Z3").parent == "Z2" and site.region("Z2").parent == "Z1"
    assert site.region("O1").area == pytest.approx(72)
    assert site.aa_drawn and site.aa.area == pytest.approx(240)


def test_links_entrances_and_depth():
    site = build(office())
    assert pairs(site) == {"D1": frozenset({OUTSIDE, "O1"}), "D2": frozenset({"O1", "Z1"}),
                           "D3": frozenset({"Z1", "Z2"}), "D4": frozenset({"Z2", "Z3"})}
    assert [link.id for link in site.entrances] == ["D1"]
    assert site.depth == {"Z1": 2, "Z2": 3, "Z3": 4, "O1": 1}
    assert not site.zone_gaps and not site.aa_gaps and not site.stray_doors and not site.overlaps


def test_located_points():
    site = build(office())
    assert site.regions_at([(18, 8), (12, 8), (12, 2), (1, 1), (30, 30)]) == ["Z3", "Z2", "Z1", "O1", OUTSIDE]


def test_missing_wall_is_a_gap_and_an_opening():
    plan = office()
    # take out 1.5 m of the L3 room's wall toward the L2 room (x=16, y 6..9 -> keep 6..7.5)
    lines = [ln for ln in plan.lines if not ln.geom.equals(LineString([(16, 6), (16, 9)]))]
    lines += segments("wall", [(16, 6), (16, 7.5)])
    site = build(replace(plan, lines=tuple(lines)))
    gaps = [(g.owner, g.kind, round(g.length, 2)) for g in site.zone_gaps]
    # the gap is on the outline of Z3 (Z2's outline contains Z3 and does not run there)
    assert gaps == [("Z3", "open", 1.5)]
    opening = [link for link in site.links if link.door is None]
    assert len(opening) == 1 and {opening[0].a, opening[0].b} == {"Z2", "Z3"}
    assert opening[0].width == pytest.approx(1.5)


def test_small_gap_below_min_gap_is_ignored_and_tolerance_bridges_offsets():
    plan = office()
    lines = [ln for ln in plan.lines if not ln.geom.equals(LineString([(16, 6), (16, 9)]))]
    lines += segments("wall", [(16, 6), (16, 8.92)])  # 0.08 m short of the door
    lines += [replace(ln, geom=LineString([(x + 0.1, y) for x, y in ln.geom.coords]))
              for ln in segments("wall", [(20, 0), (20, 12)])]  # outer wall drawn 0.1 m off the outline
    site = build(replace(plan, lines=tuple(lines)))
    assert not site.zone_gaps and not site.aa_gaps


def test_partition_only_stretch_for_level2_but_closed_for_level1():
    plan = office()
    lines = [ln for ln in plan.lines if not ln.geom.equals(LineString([(11, 6), (20, 6)]))]
    lines += segments("wall", [(14, 6), (20, 6)]) + segments("partition", [(11, 6), (14, 6)])
    site = build(replace(plan, lines=tuple(lines)))
    gaps = sorted((g.owner, g.kind, round(g.length, 2)) for g in site.zone_gaps)
    assert gaps == [("Z2", "partition-only", 3.0)]
    # the same partition on a level-1 outline closes it
    plan1 = replace(plan, lines=tuple(lines), zones=(zone("Z1", box(6, 0, 20, 12), 1),
                                                     zone("Z2", box(8, 6, 20, 12), 1)))
    assert not build(plan1).zone_gaps


def test_aa_not_drawn_is_union_of_zones():
    plan = office(areas=())
    site = build(plan)
    assert not site.aa_drawn
    assert site.aa.area == pytest.approx(14 * 12)
    assert not any(r.level == 0 for r in site.regions)


def test_overlapping_zones_and_stray_door():
    plan = office(zones=(zone("Z1", box(6, 0, 14, 12), 1), zone("Z2", box(12, 0, 20, 12), 2)),
                  doors=office().doors + (door("D9", (9, 2), (10, 2)),))
    site = build(plan)
    assert [(a, b) for a, b, _ in site.overlaps] == [("Z1", "Z2")]
    # D3 and D4 now lie inside one zone each; D9 inside Z1
    assert [d.id for d, _ in site.stray_doors] == ["D3", "D4", "D9"]


def test_empty_plan_builds():
    from osmark_plan.model import Plan

    site = build_site(Plan(path="empty.dxf"))
    assert site.regions == () and site.links == () and site.aa.is_empty
    assert list(site.graph.nodes) == [OUTSIDE]


def test_door_on_the_far_face_of_a_thick_wall_closes_the_outline():
    """A zone drawn on the inner face of a 0.2 m wall; its door, swinging out, is hinged on the
    far face: the threshold is 0.2 m from the outline, beyond wall_tolerance, and still closes it."""
    from osmark_plan.model import Area, Plan

    zone_poly = box(5.1, 0.1, 15, 9.9)
    walls = segments("wall", [(5.0, 0), (5.0, 4)]) + segments("wall", [(5.2, 0.1), (5.2, 4)])
    walls += segments("wall", [(5.0, 4.9), (5.0, 10)]) + segments("wall", [(5.2, 4.9), (5.2, 9.9)])
    walls += segments("wall", [(5.0, 4), (5.2, 4)]) + segments("wall", [(5.0, 4.9), (5.2, 4.9)])
    walls += segments("wall", [(5.1, 0.1), (15, 0.1), (15, 9.9), (5.1, 9.9)])
    walls += segments("wall", [(0, 0), (0, 10), (15, 10)]) + segments("wall", [(0, 0), (5, 0)])
    plan = Plan(path="thick.dxf", lines=tuple(walls), zones=(zone("Z1", zone_poly, 1, "執務室"),),
                areas=(Area("A1", box(0, 0, 15, 10), Source("AA")),),
                doors=(door("D1", (4.9, 4.0), (4.9, 4.9)),))
    site = build(plan)
    assert [g.owner for g in site.zone_gaps] == []
    assert [(link.id, {link.a, link.b}) for link in site.links] == [("D1", {"O1", "Z1"})]


def test_t_junction_of_double_walls_closes_an_inner_face_outline():
    """The outer wall's inner face is broken where a 0.2 m inner wall meets it; the inner wall's
    body closes the outline drawn along that face."""
    import numpy as np

    from osmark_plan.geometry.enclosure import wall_caps

    starts = np.array([[10.0, 0.0], [10.2, 0.0]])
    ends = np.array([[10.0, 5.0], [10.2, 5.0]])
    a, b = wall_caps(starts, ends)
    caps = sorted(tuple(np.round(np.concatenate([p, q]), 3)) for p, q in zip(a, b))
    assert caps == [(10.0, 0.0, 10.2, 0.0), (10.0, 5.0, 10.2, 5.0)]
