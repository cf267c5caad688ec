"""A hand-built sample report for the reporter tests: a 20 m x 12 m office drawn in mm.

Layout (metres)::

    y=12 +--------+-------------+-----------+
         | 会議室 Z1 (L1)        | サーバー室 Z3 (L3)
    y=8  +--D3----+   open O1   D6          |
         |                      +---D5------+
    y=4  +--P1----+             | 開発室 Z2 (L2)
         | 受付 Z4 D2           D4          |
    y=0  +--D1----+-------------+-----------+
         x=0      5   6         12  14      20
"""

from __future__ import annotations

import math
from pathlib import Path

import networkx as nx
from shapely.geometry import LineString, MultiLineString, box
from shapely.ops import unary_union

from osmark_plan.findings import Finding, Report, RuleRun, Subject
from osmark_plan.geometry.site import Link, Region, Site
from osmark_plan.model import (OUTSIDE, Door, LayerInfo, Line, Plan, Repair, Source,
                               Zone)

SCALE = 0.001  # metres per drawing unit (mm drawing)


def _zone(zid: str, poly, level: int, name: str, handle: str) -> Zone:
    return Zone(id=zid, polygon=poly, level=level, name=name,
                source=Source(layer=f"ZONE-L{level}" if level else "ZONE-OPEN", handle=handle))


def _door(did: str, p, q, lock: str | None = "LOCKED") -> Door:
    chord = LineString([p, q])
    (x0, y0), (x1, y1) = p, q
    width = chord.length
    # a leaf from the hinge perpendicular to the chord and a quarter-circle swing
    ux, uy = (x1 - x0) / width, (y1 - y0) / width
    nx_, ny_ = -uy, ux
    arc = [(x0 + width * (math.cos(t) * ux + math.sin(t) * nx_),
            y0 + width * (math.cos(t) * uy + math.sin(t) * ny_))
           for t in [i * math.pi / 2 / 8 for i in range(9)]]
    outline = LineString([(x0, y0), *arc[::-1]])
    return Door(id=did, chord=chord, width=width, source=Source("DOOR", handle=did.lower()),
                outline=outline, lock=lock, name=did)


def sample_report(with_site: bool = True, scale: float = SCALE) -> Report:
    """The sample office with four findings and a repair; ``with_site=False`` as if geometry failed."""
    aa = box(0, 0, 20, 12)
    z1 = _zone("Z1", box(0, 8, 6, 12), 1, "会議室", "2A1")
    z2 = _zone("Z2", box(12, 0, 20, 8), 2, "開発室", "2B2")
    z3 = _zone("Z3", box(14, 8, 20, 12), 3, "サーバー室", "2F1")
    z4 = _zone("Z4", box(0, 0, 5, 4), 0, "受付", "2C3")
    zones = (z1, z2, z3, z4)
    open_poly = aa.difference(unary_union([z.polygon for z in zones]))
    doors = {
        "D1": _door("D1", (2, 0), (3, 0), "LOGGED"),
        "D2": _door("D2", (5, 1.5), (5, 2.5), "OPEN"),
        "D3": _door("D3", (2, 8), (3, 8)),
        "D4": _door("D4", (12, 5), (12, 6)),
        "D5": _door("D5", (17, 8), (18, 8), "LOGGED"),
        "D6": _door("D6", (14, 9), (14, 10), "UNLOCKED"),
    }
    passage = LineString([(1, 4), (3, 4)])
    cuts = unary_union([d.chord.buffer(0.01) for d in doors.values()] + [passage.buffer(0.01)])
    walls = unary_union([aa.boundary] + [z.polygon.boundary for z in zones]).difference(cuts)
    parts = walls.geoms if isinstance(walls, MultiLineString) else [walls]
    lines = tuple(Line("wall", LineString(p.coords), Source("WALL")) for p in parts)
    plan = Plan(
        path="drawings/floor3.dxf", sha256="ab" * 32, units="mm" if scale == SCALE else "m",
        units_source="$INSUNITS", scale=scale, encoding="utf-8", dxf_version="AC1027",
        layers={"WALL": LayerInfo("WALL", "wall", len(lines)),
                "DOOR": LayerInfo("DOOR", "door", 6, types={"INSERT": 6}),
                "ZONE-L2": LayerInfo("ZONE-L2", "zone", 1, frozen=True)},
        lines=lines, zones=zones, doors=tuple(doors.values()),
        repairs=(Repair("closed polyline", "ZONE-L2", "3A0", 0.004, at=(12.0, 0.0)),),
    )
    findings = (
        Finding("ACC001", "level3-direct-access", "error", "4.6.3 細則(1)a",
                {"ja": "レベル3の領域「サーバー室」がドア D6 でオープンエリアに直接つながっています",
                 "en": "level-3 region サーバー室 is reached directly from the open area through door D6"},
                (Subject("region", "Z3", "サーバー室"), Subject("door", "D6")),
                at=(14.0, 9.5), bbox=(13.95, 9.0, 14.05, 10.0), fingerprint="fp-acc001-z3-d6"),
        Finding("ENC001", "zone-enclosure", "error", "2.5; 4.5.2 細則(1)",
                {"ja": "「会議室」の境界に 1.20 m の隙間があります",
                 "en": "the boundary of 会議室 has a gap of 1.20 m"},
                (Subject("region", "Z1", "会議室"),),
                at=(6.0, 10.0), bbox=(6.0, 9.4, 6.0, 10.6), fingerprint="fp-enc001-z1",
                extra={"kind": "open", "ends": ((6.0, 9.4), (6.0, 10.6))}),
        Finding("ACC003", "high-level-near-entrance", "warning", "4.6.3 細則(1)a",
                {"ja": "レベル2の領域「開発室」が出入口 D1 から 5.0 m 以内にあります",
                 "en": "level-2 region 開発室 lies within 5.0 m of entrance D1"},
                (Subject("region", "Z2", "開発室"), Subject("door", "D1")),
                at=(12.5, 1.0), bbox=(12.0, 0.0, 13.0, 2.0), fingerprint="fp-acc003-z2"),
        Finding("DWG005", "units-uncertain", "info", "",
                {"ja": "単位は $INSUNITS から mm としました", "en": "units taken as mm from $INSUNITS"},
                (Subject("layer", None, None),), at=None, bbox=None, fingerprint="fp-dwg005"),
    )
    runs = (RuleRun("ACC001", 3, 1), RuleRun("ENC001", 4, 1), RuleRun("ACC003", 2, 1),
            RuleRun("DWG005", 1, 1), RuleRun("EQP001", 0, 0, error="ValueError: boom"))
    site = build_sample_site(plan, aa, open_poly, doors, passage) if with_site else None
    return Report(plan=plan, findings=findings, runs=runs, site=site)


def build_sample_site(plan: Plan, aa, open_poly, doors: dict[str, Door], passage) -> Site:
    by_id = {z.id: z for z in plan.zones}
    regions = tuple(
        Region(id=z.id, level=z.level, polygon=z.polygon, name=z.name, zone=z) for z in plan.zones
    ) + (Region(id="O1", level=0, polygon=open_poly, name=None, zone=None),)
    pairs = {"D1": (OUTSIDE, "Z4"), "D2": ("Z4", "O1"), "D3": ("O1", "Z1"), "D4": ("O1", "Z2"),
             "D5": ("Z2", "Z3"), "D6": ("O1", "Z3")}
    links = tuple(Link(did, a, b, doors[did].chord, doors[did].width, doors[did])
                  for did, (a, b) in pairs.items())
    links += (Link("P1", "Z4", "O1", passage, passage.length, None),)
    graph = nx.MultiGraph()
    graph.add_nodes_from([r.id for r in regions] + [OUTSIDE])
    for link in links:
        graph.add_edge(link.a, link.b, key=link.id, link=link)
    depth = {"Z4": 1, "O1": 2, "Z1": 3, "Z2": 3, "Z3": 3}
    assert set(by_id) <= set(depth)
    return Site(plan=plan, regions=regions, aa=aa, aa_drawn=True, links=links, stray_doors=(),
                zone_gaps=(), aa_gaps=(), overlaps=(), graph=graph, depth=depth)


#: a real sample drawing: a copier, two cabinets, a partition, windows, a partition-only gap
PARTITION_SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "dxf" / "enc001_partition.dxf"


def partition_sample_report() -> Report:
    """The checked report of :data:`PARTITION_SAMPLE` (the calling test skips without it)."""
    import pytest

    from osmark_plan.api import check

    if not PARTITION_SAMPLE.is_file():
        pytest.skip("sample drawing not present")
    return check(PARTITION_SAMPLE)
