"""Regions from zones: nesting, cut-outs, the application area and the open remainder."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import numpy as np
import shapely
from shapely import STRtree
from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry

from ..model import Label, Plan, Zone
from .site import Region

#: open-area pieces smaller than this (m²) are slivers between zone and AA outlines
MIN_OPEN_AREA = 1.0


@dataclass(frozen=True)
class Nesting:
    """Which zone lies in which, and which zones overlap without containment."""

    parent: dict[str, str | None]
    overlaps: tuple[tuple[str, str, float], ...]

    @classmethod
    def flat(cls, zones: tuple[Zone, ...]) -> "Nesting":
        """No zone inside another (the fallback when nesting cannot be computed)."""
        return cls({z.id: None for z in zones}, ())


def polygonal(geom: BaseGeometry) -> Polygon | MultiPolygon:
    """The polygonal part of a geometry (GEOS results may be collections)."""
    if isinstance(geom, (Polygon, MultiPolygon)):
        return geom
    parts = [g for g in getattr(geom, "geoms", []) if isinstance(g, (Polygon, MultiPolygon))]
    if not parts:
        return Polygon()
    merged = shapely.union_all(parts)
    return merged if isinstance(merged, (Polygon, MultiPolygon)) else Polygon()


def nest(zones: tuple[Zone, ...], tol: float) -> Nesting:
    """Parent of each zone (the smallest zone containing it within ``tol``) and overlaps."""
    parent: dict[str, str | None] = {z.id: None for z in zones}
    if len(zones) < 2:
        return Nesting(parent, ())
    polys = np.array([z.polygon for z in zones], dtype=object)
    areas = shapely.area(polys)
    tree = STRtree(polys)
    shrunk = shapely.buffer(polys, -tol)
    inner, outer = tree.query(shrunk, predicate="within")
    contains: set[tuple[int, int]] = set()
    for i, j in zip(inner.tolist(), outer.tolist()):
        if i == j or areas[j] < areas[i]:
            continue
        contains.add((i, j))
        current = parent[zones[i].id]
        if current is None or areas[j] < areas[_index(zones, current)]:
            parent[zones[i].id] = zones[j].id
    a_idx, b_idx = tree.query(shrunk, predicate="intersects")
    overlaps = []
    seen: set[tuple[int, int]] = set()
    for i, j in zip(a_idx.tolist(), b_idx.tolist()):
        if i == j or (i, j) in contains or (j, i) in contains:
            continue
        key = (min(i, j), max(i, j))
        if key in seen:
            continue
        seen.add(key)
        area = zones[i].polygon.intersection(zones[j].polygon).area
        if area > tol * tol * 4:
            overlaps.append((zones[key[0]].id, zones[key[1]].id, round(float(area), 3)))
    return Nesting(parent, tuple(overlaps))


def _index(zones: tuple[Zone, ...], zone_id: str) -> int:
    return next(i for i, z in enumerate(zones) if z.id == zone_id)


def zone_regions(zones: tuple[Zone, ...], nesting: Nesting) -> list[Region]:
    """Each levelled zone's polygon minus the zones directly nested in it."""
    children: dict[str, list[Polygon]] = {}
    for z in zones:
        p = nesting.parent[z.id]
        if p is not None:
            children.setdefault(p, []).append(z.polygon)
    regions = []
    for z in zones:
        poly: Polygon | MultiPolygon = z.polygon
        if z.id in children:
            poly = polygonal(poly.difference(shapely.union_all(children[z.id])))
        regions.append(Region(id=z.id, level=int(z.level or 0), polygon=poly, name=z.name, zone=z,
                              parent=nesting.parent[z.id]))
    return regions


def even_odd(polygons: list[Polygon]) -> Polygon | MultiPolygon:
    """Outlines drawn one inside another as holes: an outline inside an odd number of others
    is cut out (a lift and stair core drawn inside the tenancy), inside an even number added."""
    if len(polygons) == 1:
        return polygonal(polygons[0])
    arr = np.array(polygons, dtype=object)
    inner, outer = STRtree(arr).query(shapely.buffer(arr, -1e-6), predicate="within")
    depth = np.bincount(inner[inner != outer], minlength=len(arr))
    result: BaseGeometry = Polygon()
    for d in range(int(depth.max()) + 1):
        layer = shapely.union_all(arr[depth == d])
        result = result.union(layer) if d % 2 == 0 else result.difference(layer)
    return polygonal(result)


def application_area(plan: Plan, zones: tuple[Zone, ...]) -> tuple[Polygon | MultiPolygon, bool]:
    """The drawn AA (its outlines, one inside another making a hole), else the union of all zones."""
    if plan.areas:
        return even_odd([a.polygon for a in plan.areas]), True
    if zones:
        return polygonal(shapely.union_all([z.polygon for z in zones])), False
    return Polygon(), False


def open_regions(aa: BaseGeometry, zones: tuple[Zone, ...], nesting: Nesting, labels: tuple[Label, ...],
                 tol: float) -> list[Region]:
    """The AA minus the top-level zones, cleaned of wall-thickness slivers, one region per piece."""
    if aa.is_empty:
        return []
    top = [z.polygon for z in zones if nesting.parent[z.id] is None]
    rest = aa.difference(shapely.union_all(top)) if top else aa
    # an opening removes strips narrower than about two wall tolerances (zone outlines drawn
    # on one face of a wall and the AA on the other); intersecting keeps the true outline
    radius = max(tol * 2, 0.05)
    opened = rest.buffer(-radius, join_style="mitre").buffer(radius, join_style="mitre")
    rest = polygonal(opened.intersection(rest))
    pieces = [g for g in getattr(rest, "geoms", [rest]) if g.area >= MIN_OPEN_AREA]
    pieces.sort(key=lambda g: (-round(g.centroid.y, 1), round(g.centroid.x, 1)))
    names = label_names(pieces, labels)
    return [Region(id=f"O{i + 1}", level=0, polygon=g, name=names[i], zone=None)
            for i, g in enumerate(pieces)]


_LEVEL_WORD = re.compile(
    r"^\s*(?:セキュリティ)?(?:レベル|LEVEL|LV\.?|SL|L)\s*[0-3]\s*$|^\s*(?:オープン(?:エリア)?|OPEN(?: AREA)?)\s*$",
    re.IGNORECASE)


def level_only(text: str) -> bool:
    """True when a label is only a level word (``L3``, ``セキュリティレベル３``, ``オープン``)."""
    return bool(_LEVEL_WORD.match(unicodedata.normalize("NFKC", text)))


def label_names(polygons: list[BaseGeometry], labels: tuple[Label, ...]) -> list[str | None]:
    """The room-label text inside each polygon (the first found), else None."""
    names: list[str | None] = [None] * len(polygons)
    room_labels = [lb for lb in labels if lb.layer_kind in ("label", "zone") and not level_only(lb.text)]
    if not polygons or not room_labels:
        return names
    tree = STRtree(polygons)
    pts = np.array([lb.point for lb in room_labels], dtype=object)
    lab_idx, poly_idx = tree.query(pts, predicate="within")
    for li, pi in sorted(zip(lab_idx.tolist(), poly_idx.tolist())):
        if names[pi] is None:
            names[pi] = room_labels[li].text.strip()
    return names
