"""Build a Site from a Plan, once: regions, gaps, links, the access graph and depths."""

from __future__ import annotations

from dataclasses import replace
from typing import Mapping

import networkx as nx

from ..config import GEOMETRY_DEFAULTS
from ..model import OUTSIDE, Plan, Repair
from .enclosure import Closers, Outline, area_gaps, outline_gaps, zone_gaps
from .links import door_links, passage_links
from .locate import RegionIndex
from .regions import Nesting, application_area, nest, open_regions, zone_regions
from .site import Gap, Link, Region, Site
from .soft import soft


def access_graph(regions: list[Region], links: list[Link]) -> nx.MultiGraph:
    """Regions and OUTSIDE as nodes; each door or opening an edge keyed by its id."""
    graph = nx.MultiGraph()
    graph.add_node(OUTSIDE, level=0, name=OUTSIDE)
    for r in regions:
        graph.add_node(r.id, level=r.level, name=r.label)
    for link in links:
        graph.add_edge(link.a, link.b, key=link.id, link=link)
    return graph


def depths(graph: nx.MultiGraph) -> dict[str, int | None]:
    """Number of doors/openings from the outside to each region (None when unreachable)."""
    reach = nx.single_source_shortest_path_length(graph, OUTSIDE)
    return {n: reach.get(n) for n in graph.nodes if n != OUTSIDE}


def build_site(plan: Plan, tolerances: Mapping[str, float] | None = None) -> Site:
    """Everything the rules need, computed once from the plan. Each geometry step fails soft
    (:func:`~osmark_plan.geometry.soft.soft`): a failure is a repair on the site's plan and the
    rest is built without it."""
    tol = {**GEOMETRY_DEFAULTS, **(tolerances or {})}
    wall_tol, min_gap, min_width = tol["wall_tolerance"], tol["min_gap"], tol["min_passage_width"]
    failed: list[Repair] = []

    zones = tuple(z for z in plan.zones if z.level is not None and not z.polygon.is_empty)
    nesting = soft("nesting", lambda: nest(zones, wall_tol), lambda: Nesting.flat(zones), failed)
    aa, aa_drawn = application_area(plan, zones)
    regions = zone_regions(zones, nesting) + soft(
        "open-area", lambda: open_regions(aa, zones, nesting, plan.labels, wall_tol), list, failed)
    index = RegionIndex(regions)

    closers = Closers(plan)
    z_gaps = soft("zone-gaps", lambda: zone_gaps(regions, closers, wall_tol, min_gap), list, failed)
    a_gaps = soft("area-gaps", lambda: area_gaps(aa, closers, wall_tol, min_gap), list, failed) if aa_drawn else []

    # outlines of drawn open zones are not checked for enclosure, but where nothing stands on
    # them they are walked through: openings too (a lounge drawn inside the lobby)
    open_outlines = [Outline(r.id, r.zone.polygon, allow_low=True, report_low=False)
                     for r in regions if r.zone is not None and r.level == 0]
    o_gaps = soft("outline-gaps", lambda: outline_gaps(open_outlines, closers, wall_tol, min_gap), list, failed)

    doors, stray = soft("door-links", lambda: door_links(plan.doors, index, aa, wall_tol),
                        lambda: ([], list(plan.doors)), failed)
    # doorless doorways sealed when rooms were found from walls are openings too
    doorways = [Gap("DOORWAY", chord, "open") for chord in plan.openings]
    passages = soft("passages", lambda: passage_links(z_gaps + a_gaps + o_gaps + doorways, index, min_width,
                                                      wall_tol), list, failed)
    links = doors + passages
    graph = access_graph(regions, links)
    if failed:
        plan = replace(plan, repairs=plan.repairs + tuple(failed))

    site = Site(plan=plan, regions=tuple(regions), aa=aa, aa_drawn=aa_drawn, links=tuple(links),
                stray_doors=tuple(stray), zone_gaps=tuple(z_gaps), aa_gaps=tuple(a_gaps),
                overlaps=nesting.overlaps, graph=graph, depth=depths(graph), tolerances=dict(tol))
    object.__setattr__(site, "_region_index", index)
    return site
