"""Polygons from drawn shapes: closed polylines, circles, hatch boundaries, block outlines.

Input items are in drawing units; output polygons are in metres (multiplied by ``scale``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry import Polygon

from ..messages import say
from ..model import Repair
from ..naming import decode_escapes
from .entities import LINEWORK_TYPES, Item, world_pieces

POLY_TYPES = frozenset({"LWPOLYLINE", "POLYLINE", "CIRCLE", "ELLIPSE", "SPLINE", "HATCH",
                        "MPOLYGON", "SOLID", "TRACE", "3DFACE"})


@dataclass
class Shape:
    """Polygons read from one item, with the repairs made and, if it failed, the gap."""

    polygons: list[Polygon]
    repairs: list[Repair]
    open_gap: float | None = None
    open_at: tuple[float, float] | None = None


def valid_polygon(poly: Polygon, layer: str, handle: str | None,
                  repairs: list[Repair]) -> Polygon | None:
    """A valid polygon (largest polygonal part of make_valid), recording a repair if needed."""
    if poly.is_empty:
        return None
    if not poly.is_valid:
        fixed = shapely.make_valid(poly)
        parts = [g for g in shapely.get_parts(fixed) if g.geom_type == "Polygon" and g.area > 0]
        if not parts:
            return None
        best = max(parts, key=lambda g: g.area)
        c = best.representative_point()
        repairs.append(Repair(
            what="made polygon valid", layer=layer, handle=handle, at=(c.x, c.y),
            detail=(say(f"self-intersecting outline; kept the largest of {len(parts)} parts",
                        f"自己交差した外形のため、{len(parts)}個に分かれた部分のうち最大のものを使いました")
                    if len(parts) > 1 else say("self-intersecting outline repaired", "自己交差した外形を修正しました"))))
        poly = best
    return poly if poly.area > 0 else None


def item_shape(item: Item, tol: float, scale: float, close_tol: float) -> Shape:
    """Polygons of an item on a zone / area / cabinet / device layer (metres).

    An open polyline whose ends are within close_tol metres is closed (repair recorded);
    otherwise open_gap is set and no polygon is given.
    """
    t = item.e.dxftype()  # type: ignore[attr-defined]
    layer = decode_escapes(item.layer)
    shape = Shape([], [])
    if t not in POLY_TYPES:
        if t in LINEWORK_TYPES:
            world_pieces(item, tol)  # absurd coordinates are noted (DWG009) even where no zone can be
        return shape
    pieces = world_pieces(item, tol)
    rings: list[np.ndarray] = []
    for pts, closed in pieces:
        pts = pts * scale
        if len(pts) < 3:
            continue
        gap = float(np.hypot(*(pts[-1] - pts[0])))
        if not closed and gap > 1e-6:
            if t in ("HATCH", "MPOLYGON", "SOLID", "TRACE", "3DFACE"):
                closed = True
            elif gap <= close_tol:
                mid = (pts[-1] + pts[0]) / 2
                shape.repairs.append(Repair("closed polyline", layer, item.handle, gap_m=gap,
                                            at=(float(mid[0]), float(mid[1]))))
            else:
                mid = (pts[-1] + pts[0]) / 2
                shape.open_gap, shape.open_at = gap, (float(mid[0]), float(mid[1]))
                continue
        rings.append(pts)
    polys = []
    for ring in rings:
        try:
            candidate = Polygon(ring)
        except ValueError:  # fewer than three distinct points
            continue
        poly = valid_polygon(candidate, layer, item.handle, shape.repairs)
        if poly is not None:
            polys.append(poly)
    if t in ("HATCH", "MPOLYGON") and len(polys) > 1:
        # boundary paths: even-odd (islands are holes)
        acc = polys[0]
        for p in polys[1:]:
            acc = acc.symmetric_difference(p)
        polys = [g for g in shapely.get_parts(acc) if g.geom_type == "Polygon" and g.area > 0]
    shape.polygons = polys
    return shape


def outline(pieces: list[np.ndarray]) -> Polygon | None:
    """The outline of a block's geometry: its largest face, else the convex hull."""
    pieces = [p for p in pieces if len(p) >= 2]
    if not pieces:
        return None
    lines = [shapely.linestrings(p) for p in pieces]
    faces = [g for g in shapely.get_parts(shapely.polygonize(lines)) if g.area > 0]
    if faces:
        merged = shapely.union_all(faces)
        if merged.geom_type == "Polygon":
            return Polygon(merged.exterior)
    hull = shapely.convex_hull(shapely.multipoints(np.vstack(pieces)))
    if hull.geom_type == "Polygon" and hull.area > 0:
        return hull
    return None
