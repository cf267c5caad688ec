"""Graph and level logic of the rules on Sites built by hand (no geometry builder involved)."""

from __future__ import annotations

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st
from shapely.geometry import LineString, box
from shapely.ops import unary_union

from osmark_plan.config import Config
from osmark_plan.engine import run_rules
from osmark_plan.geometry.site import Link, Region, Site
from osmark_plan.model import OUTSIDE, Cabinet, Plan, Source
from osmark_plan.rules.access import route_to


def make_site(regions, links, plan: Plan | None = None) -> Site:
    """regions: (id, level, (x0, y0, x1, y1), name); links: (id, a, b)."""
    regs = tuple(Region(rid, level, box(*bounds), name, None) for rid, level, bounds, name in regions)
    lks = []
    for i, (lid, a, b) in enumerate(links):
        lks.append(Link(lid, a, b, LineString([(i, -1), (i + 0.9, -1)]), 0.9, None))
    graph = nx.MultiGraph()
    graph.add_node(OUTSIDE)
    for r in regs:
        graph.add_node(r.id)
    for link in lks:
        graph.add_edge(link.a, link.b, key=link.id, link=link)
    return Site(plan=plan or Plan(path="hand.dxf"), regions=regs,
                aa=unary_union([r.polygon for r in regs]), aa_drawn=True, links=tuple(lks),
                stray_doors=(), zone_gaps=(), aa_gaps=(), overlaps=(), graph=graph)


def findings(site, code):
    report = run_rules(site, Config(select=(code,)))
    assert report.runs[0].error is None
    return [f for f in report.findings if f.rule == code], report.runs[0]


# a strip of rooms: lobby (open), office (1), archive (2), vault (3)
STRIP = [("O1", 0, (0, 0, 10, 10), "ロビー"), ("Z1", 1, (10, 0, 20, 10), "執務室"),
         ("Z2", 2, (20, 0, 30, 10), "書庫"), ("Z3", 3, (30, 0, 40, 10), "金庫室")]


def test_acc002_route_is_the_shortest_way_in_and_avoids_the_higher_room():
    # a short way in: OUTSIDE -E1- O1 -D1- Z1 -P9- Z3 (skips level 2)
    # a longer way: OUTSIDE -E2- O2 -D5- O3 -D6- Z1 ; and Z3 has a second door to Z2 (fine)
    regions = STRIP + [("O2", 0, (0, 20, 5, 25), "風除室"), ("O3", 0, (5, 20, 10, 25), "ホール")]
    links = [("E1", OUTSIDE, "O1"), ("D1", "O1", "Z1"), ("P9", "Z1", "Z3"), ("E2", OUTSIDE, "O2"),
             ("D5", "O2", "O3"), ("D6", "O3", "Z1"), ("D2", "Z1", "Z2"), ("D3", "Z2", "Z3")]
    site = make_site(regions, links)
    found, run = findings(site, "ACC002")
    assert run.checked == len(links)
    assert len(found) == 1
    f = found[0]
    assert f.extra["route"] == ["OUTSIDE", "ロビー", "執務室", "金庫室"]
    assert f.extra["route_ids"] == [OUTSIDE, "O1", "Z1", "Z3"]
    assert [s.kind for s in f.subjects] == ["region", "opening"]
    assert "opening P9" in f.text("en") and "skipping level 2" in f.text("en")
    assert "開口部 P9" in f.text("ja") and "経路: 外部 → ロビー → 執務室 → 金庫室" in f.text("ja")


def test_route_to_is_none_when_the_lower_side_is_reached_only_through_the_higher():
    regions = STRIP[:3] + [("O9", 0, (50, 0, 55, 5), "倉庫")]
    site = make_site(regions, [("E1", OUTSIDE, "O1"), ("D1", "O1", "Z1"), ("D2", "Z1", "Z2"),
                               ("D9", "Z2", "O9")])
    assert route_to(site, "O9", "Z2") is None
    assert route_to(site, "Z1", "Z2") == [OUTSIDE, "O1", "Z1", "Z2"]
    found, _ = findings(site, "ACC002")
    assert [f.extra["route"] for f in found] == [[]]
    assert "not reachable from the outside" in found[0].text("en")


def test_acc001_each_parallel_door_is_its_own_finding_and_acc002_skips_them():
    site = make_site(STRIP, [("E1", OUTSIDE, "O1"), ("D1", "O1", "Z3"), ("D2", "O1", "Z3"),
                             ("E2", OUTSIDE, "Z3"), ("D3", "Z2", "Z3")])
    found, run = findings(site, "ACC001")
    assert run.checked == 4  # the four links touching the level-3 vault
    assert sorted(f.extra["door"] for f in found) == ["D1", "D2", "E2"]
    assert len({f.fingerprint for f in found}) == 3
    outside = next(f for f in found if f.extra["door"] == "E2")
    assert "to the outside" in outside.text("en")
    assert not findings(site, "ACC002")[0]


def test_zon002_level3_room_reached_only_from_within_passes():
    regions = [("Z1", 3, (0, 0, 10, 10), "本社"), ("Z2", 3, (20, 0, 25, 5), "サーバー室")]
    site = make_site(regions, [("E1", OUTSIDE, "Z1"), ("D1", "Z1", "Z2")])
    assert findings(site, "ZON002")[0] == []
    site = make_site(regions, [("E1", OUTSIDE, "Z1"), ("E2", OUTSIDE, "Z2")])
    assert len(findings(site, "ZON002")[0]) == 1


def test_zon002_and_zon001_with_cabinets():
    plan = Plan(path="c.dxf", cabinets=(Cabinet("C1", box(1, 1, 2, 2), 3, Source("CABINET")),))
    site = make_site([("Z1", 3, (0, 0, 10, 10), "本社")], [("E1", OUTSIDE, "Z1")], plan=plan)
    assert findings(site, "ZON002")[0] == []
    outside_cabinet = Plan(path="c.dxf", cabinets=(Cabinet("C1", box(51, 1, 52, 2), 3, Source("C")),))
    site = make_site([("Z1", 3, (0, 0, 10, 10), "本社")], [("E1", OUTSIDE, "Z1")], plan=outside_cabinet)
    assert len(findings(site, "ZON002")[0]) == 1
    # ZON001: a level-3 cabinet counts only inside the application area
    site = make_site([("Z1", 2, (0, 0, 10, 10), "本社")], [("E1", OUTSIDE, "Z1")], plan=plan)
    assert findings(site, "ZON001")[0] == []
    site = make_site([("Z1", 2, (0, 0, 10, 10), "本社")], [("E1", OUTSIDE, "Z1")], plan=outside_cabinet)
    assert len(findings(site, "ZON001")[0]) == 1


def test_dwg007_region_missing_from_graph_or_without_edges():
    site = make_site(STRIP, [("E1", OUTSIDE, "O1"), ("D1", "O1", "Z1")])
    found, run = findings(site, "DWG007")
    assert run.checked == 4
    assert sorted(f.subjects[0].id for f in found) == ["Z2", "Z3"]


def test_acc003_no_entrances_means_nothing_to_report_but_regions_are_counted():
    site = make_site(STRIP, [("D1", "O1", "Z1")])
    found, run = findings(site, "ACC003")
    assert found == [] and run.checked == 2


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 14), st.integers(0, 14)), max_size=40),
       st.integers(0, 14), st.integers(0, 14), st.integers(0, 14))
def test_fewest_links_is_the_route_networkx_gives(edges, source, target, avoid) -> None:
    """The plain-list search returns exactly networkx's route on the graph without ``avoid``
    (same neighbour order, same meeting point), or None where networkx finds no path."""
    import networkx as nx

    from osmark_plan.geometry.routes import adjacency, fewest_links

    graph = nx.MultiGraph()
    graph.add_nodes_from(range(15))
    graph.add_edges_from(edges)
    got = fewest_links(adjacency(graph), source, target, avoid=avoid)
    if avoid in (source, target):
        assert got is None
        return
    view = nx.restricted_view(graph, [avoid], [])
    try:
        want = nx.shortest_path(view, source, target)
    except nx.NetworkXNoPath:
        want = None
    assert got == want
