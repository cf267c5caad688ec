"""Enclosure: the stretches of a boundary that no wall, door or window closes."""

from __future__ import annotations

import numpy as np
import shapely
from shapely import STRtree
from shapely.geometry import LineString, MultiLineString, Polygon
from shapely.geometry.base import BaseGeometry

from ..model import Plan
from .site import Gap, Region

FULL = 0  # walls, windows, door chords: close any boundary
LOW = 1  # low partitions and cabinets: close a level-1 boundary only


class Closers:
    """Everything that can close a boundary, in one STRtree, with its strength."""

    def __init__(self, plan: Plan):
        geoms: list[BaseGeometry] = []
        strength: list[int] = []
        for line in plan.lines:
            geoms.append(line.geom)
            strength.append(LOW if line.kind == "partition" else FULL)
        for door in plan.doors:
            geoms.append(door.chord)
            strength.append(FULL)
        for cab in plan.cabinets:
            geoms.append(cab.polygon.exterior)
            strength.append(LOW)
        self.geoms = np.array(geoms, dtype=object)
        self.strength = np.array(strength, dtype=int)
        self.tree = STRtree(self.geoms)

    def cover(self, near: BaseGeometry, tol: float, strengths: tuple[int, ...]) -> BaseGeometry:
        """The union of closers of the given strengths near ``near``, buffered by ``tol``."""
        if not len(self.geoms):
            return Polygon()
        idx = self.tree.query(near, predicate="dwithin", distance=tol)
        idx = idx[np.isin(self.strength[idx], strengths)]
        if not len(idx):
            return Polygon()
        return shapely.union_all(shapely.buffer(self.geoms[idx], tol, cap_style="flat"))


def boundary_lines(poly: BaseGeometry) -> BaseGeometry:
    """All rings of a (multi)polygon as line work."""
    return poly.boundary


def pieces(geom: BaseGeometry) -> list[LineString]:
    """A line geometry as merged LineStrings."""
    if geom.is_empty:
        return []
    lines = [g for g in getattr(geom, "geoms", [geom]) if isinstance(g, (LineString, MultiLineString))]
    if not lines:
        return []
    merged = shapely.line_merge(shapely.union_all(lines))
    return [g for g in getattr(merged, "geoms", [merged]) if isinstance(g, LineString)]


def boundary_gaps(owner: str, outline: BaseGeometry, closers: Closers, tol: float, min_gap: float,
                  allow_low: bool, report_low: bool) -> list[Gap]:
    """Gaps in an outline's boundary.

    ``allow_low``: partitions and cabinets close the boundary (level 1).
    ``report_low``: stretches closed only by them are reported as ``partition-only`` (levels 2, 3).
    """
    if outline.is_empty:
        return []
    boundary = boundary_lines(outline)
    full = closers.cover(boundary, tol, (FULL,))
    uncovered = boundary.difference(full) if not full.is_empty else boundary
    if uncovered.is_empty:
        return []
    gaps: list[Gap] = []
    low = closers.cover(uncovered, tol, (LOW,)) if (allow_low or report_low) else Polygon()
    if low.is_empty:
        open_part = uncovered
    else:
        open_part = uncovered.difference(low)
        if report_low:
            gaps += [Gap(owner, g, "partition-only")
                     for g in pieces(uncovered.intersection(low)) if g.length > min_gap]
    gaps += [Gap(owner, g, "open") for g in pieces(open_part) if g.length > min_gap]
    return gaps


def zone_gaps(regions: list[Region], closers: Closers, tol: float, min_gap: float) -> list[Gap]:
    """Gaps in the outline of every security zone (level >= 1)."""
    gaps: list[Gap] = []
    for region in regions:
        if region.zone is None or region.level < 1:
            continue
        gaps += boundary_gaps(region.id, region.zone.polygon, closers, tol, min_gap,
                              allow_low=region.level == 1, report_low=region.level >= 2)
    return gaps


def area_gaps(aa: BaseGeometry, closers: Closers, tol: float, min_gap: float) -> list[Gap]:
    """Gaps in the application area's outline: walls, doors and windows only."""
    return boundary_gaps("AA", aa, closers, tol, min_gap, allow_low=False, report_low=False)
