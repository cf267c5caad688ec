"""The Site: a plan's regions, openings and access graph, built once and shared by all rules.

Built by :func:`osmark_plan.geometry.build.build_site`. Geometry is in metres.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx
import numpy as np
import shapely
from shapely.geometry import LineString, MultiPolygon, Polygon

from ..model import OUTSIDE, Door, Plan, Zone
from .locate import RegionIndex


@dataclass(frozen=True, eq=False)
class Region:
    """What a zone really covers (its polygon minus nested zones), or a piece of open area."""

    id: str  # "Z1".. for zones, "O1".. for the open remainder of the AA
    level: int  # 0 open, 1..3
    polygon: Polygon | MultiPolygon
    name: str | None
    zone: Zone | None  # None for the open remainder
    #: id of the smallest zone region containing this zone, or None at top level
    parent: str | None = None

    @property
    def area(self) -> float:
        return float(self.polygon.area)

    @property
    def label(self) -> str:
        """Name for messages: the room name, else the id."""
        return self.name or self.id


@dataclass(frozen=True, eq=False)
class Gap:
    """A stretch of a boundary that nothing closes (ENC001/ENC002)."""

    owner: str  # region id, or "AA"
    geom: LineString
    #: "open": nothing covers it; "partition-only": closed only by low partitions/cabinets
    kind: str

    @property
    def length(self) -> float:
        return float(self.geom.length)


@dataclass(frozen=True, eq=False)
class Link:
    """An edge of the access graph: a door or an opening between two regions (or OUTSIDE)."""

    id: str  # door id ("D3") or passage id ("P1")
    a: str  # region id or OUTSIDE
    b: str
    chord: LineString
    width: float
    door: Door | None  # None for an opening (passage)

    @property
    def entrance(self) -> bool:
        """A door or opening between the outside and a region inside the AA."""
        return (self.a == OUTSIDE) != (self.b == OUTSIDE)

    def other(self, region_id: str) -> str:
        return self.b if self.a == region_id else self.a


def _inside(regions: tuple[Region, ...], aa: Polygon | MultiPolygon) -> list[str]:
    """Ids of the regions at least half inside ``aa`` (vectorised)."""
    if not regions or aa.is_empty:
        return []
    polys = np.array([r.polygon for r in regions], dtype=object)
    areas = shapely.area(polys)
    shared = shapely.area(shapely.intersection(polys, aa))
    return [r.id for r, a, s in zip(regions, areas.tolist(), shared.tolist()) if a > 0 and s >= 0.5 * a]


@dataclass(frozen=True, eq=False)
class Site:
    """A plan with everything the rules need, computed once."""

    plan: Plan
    regions: tuple[Region, ...]
    #: the application area (drawn, or the union of all zones when none is drawn)
    aa: Polygon | MultiPolygon
    aa_drawn: bool
    #: doors and openings; doors that join no two regions are in ``stray_doors``
    links: tuple[Link, ...]
    #: (door, region ids it touches) for doors that do not join two different regions
    stray_doors: tuple[tuple[Door, tuple[str, ...]], ...]
    #: uncovered stretches of each security zone's boundary (ENC001)
    zone_gaps: tuple[Gap, ...]
    #: uncovered stretches of the AA boundary (ENC002)
    aa_gaps: tuple[Gap, ...]
    #: pairs of zone ids that overlap without containment (DWG003)
    overlaps: tuple[tuple[str, str, float], ...]
    #: nodes: region ids and OUTSIDE; edges (MultiGraph): key = link id, attr "link"
    graph: nx.MultiGraph
    #: region id -> number of doors/openings from the nearest entrance (None if unreachable)
    depth: dict[str, int | None] = field(default_factory=dict)
    #: options the build used (metres)
    tolerances: dict[str, float] = field(default_factory=dict)

    def region(self, region_id: str) -> Region | None:
        return self._by_id.get(region_id)

    @property
    def _by_id(self) -> dict[str, Region]:
        cache = self.__dict__.get("_by_id_cache")
        if cache is None:
            cache = {r.id: r for r in self.regions}
            object.__setattr__(self, "_by_id_cache", cache)
        return cache

    def level_of(self, node: str) -> int:
        """Level of a graph node; OUTSIDE counts as 0."""
        region = self.region(node)
        return 0 if region is None else region.level

    def name_of(self, node: str) -> str:
        region = self.region(node)
        return node if region is None else region.label

    @property
    def in_aa(self) -> frozenset[str]:
        """Ids of the regions that lie in the application area (at least half of their area);
        a zone drawn outside the AA is not one of them (computed once)."""
        cache = self.__dict__.get("_in_aa_cache")
        if cache is None:
            cache = frozenset(_inside(self.regions, self.aa))
            object.__setattr__(self, "_in_aa_cache", cache)
        return cache

    @property
    def aa_regions(self) -> tuple[Region, ...]:
        """The regions inside the application area."""
        inside = self.in_aa
        return tuple(r for r in self.regions if r.id in inside)

    @property
    def all_level3(self) -> bool:
        """Every region of the application area is level 3 (4.5.5 細則(1))."""
        regions = self.aa_regions
        return bool(regions) and all(r.level == 3 for r in regions)

    @property
    def entrances(self) -> tuple[Link, ...]:
        """Doors and openings between the outside and the application area (computed once)."""
        cache = self.__dict__.get("_entrances_cache")
        if cache is None:
            cache = tuple(link for link in self.links if link.entrance)
            object.__setattr__(self, "_entrances_cache", cache)
        return cache

    def region_at(self, x: float, y: float) -> str:
        """Id of the innermost region containing the point, else OUTSIDE."""
        return self.regions_at([(x, y)])[0]

    def regions_near(self, point, distance: float) -> list[Region]:
        """The regions within ``distance`` (m) of a point (one query of the region index)."""
        index = self.region_index
        if not index.regions:
            return []
        hits = index.tree.query(point, predicate="dwithin", distance=distance)
        return [index.regions[int(k)] for k in sorted(hits.tolist())]

    def regions_at(self, points) -> list[str]:
        """Innermost region ids for many points (vectorised), OUTSIDE where none."""
        return self.region_index.locate(points)

    @property
    def region_index(self) -> RegionIndex:
        """The STRtree over the regions, built on first use (the builder hands its own over)."""
        index = self.__dict__.get("_region_index")
        if index is None:
            index = RegionIndex(self.regions)
            object.__setattr__(self, "_region_index", index)
        return index
