"""Faces of the line work that a person does not read as rooms.

Rooms from walls are the faces of the wall, partition and window line work. Some closed faces
are not rooms, and a person sees that at once; each kind here is recognised only when the face
carries no room name and has no door, doorway or opening on its edge (no way in):

* **objects**: the face is the inside of one closed outline drawn with many vertices or curves
  (a car in a garage or on a parking space, a bath, a round table), under ``OBJECT_AREA``;
* **window bays**: at least half of the face's edge is window line work (the glass of a bay
  window, the space between two glazing lines, a façade closed as glazing), under
  ``BAY_AREA``;
* **strips**: a long narrow face (``STRIP_RATIO`` times longer than wide, under
  ``STRIP_WIDTH``) on the outer edge of the drawing: a site strip between the façade and a
  boundary line, a pavement, a planting strip, a row between grid lines.

They are left out of the rooms and counted in one repair, so that nothing is dropped silently.
"""

from __future__ import annotations

import numpy as np
import shapely

from ..messages import say
from ..model import Line, Repair
from .wall_bodies import outline_polygons

#: an object outline (car, bath, table) encloses less than this (m²)
OBJECT_AREA = 15.0
#: an object outline has at least this many vertices (curved corners), or arcs
OBJECT_VERTICES = 12
#: a window bay is smaller than this (m²)
BAY_AREA = 12.0
#: a strip is at least this many times longer than wide …
STRIP_RATIO = 5.0
#: … and narrower than this (m)
STRIP_WIDTH = 4.0
#: the ``what`` of the repair listing the faces left out
NOT_ROOMS = "faces not taken as rooms"


def not_rooms(faces: np.ndarray, candidates: np.ndarray, lines: list[Line], geoms: np.ndarray,
              passes: np.ndarray | None, tol: float) -> tuple[np.ndarray, Repair | None]:
    """For each face, True when it is an object, a window bay or a strip (see the module
    docstring). ``candidates``: faces that may be left out (unlabelled ones big enough to be a
    room); ``passes``: door chords, doorways and openings; ``tol``: the wall tolerance."""
    out = np.zeros(len(faces), dtype=bool)
    idx = np.flatnonzero(candidates)
    if not len(idx):
        return out, None
    f = faces[idx]
    # no way in: no door, doorway or opening within the wall tolerance of the edge
    way_in = np.zeros(len(idx), dtype=bool)
    if passes is not None and len(passes):
        hit, _g = shapely.STRtree(passes).query(f, predicate="dwithin", distance=tol)
        way_in[hit] = True
    idx, f = idx[~way_in], f[~way_in]
    if not len(idx):
        return out, None
    area = shapely.area(f)
    rings = shapely.get_exterior_ring(f)
    kinds = {"object": _objects(f, area, lines, geoms), "bay": _bays(rings, area, lines, geoms, tol),
             "strip": _strips(f, faces, tol)}
    counts = {}
    for name, mask in kinds.items():
        fresh = mask & ~out[idx]
        out[idx[fresh]] = True
        counts[name] = int(fresh.sum())
    if not out.any():
        return out, None
    return out, Repair(what=NOT_ROOMS, detail=say(
        f"closed faces without a name or a way in left out of the rooms: {counts['object']} object outlines "
        f"(cars, fittings), {counts['bay']} window bays, {counts['strip']} strips on the outer edge",
        f"名前も出入口もない閉じた面を部屋から除きました: 物の外形（車、設備）{counts['object']}、"
        f"窓の張り出し {counts['bay']}、外周の細長い帯 {counts['strip']}"))


def _objects(f: np.ndarray, area: np.ndarray, lines: list[Line], geoms: np.ndarray) -> np.ndarray:
    """Faces that are the inside of one closed outline with many vertices, under OBJECT_AREA."""
    small = area < OBJECT_AREA
    if not small.any() or not len(geoms):
        return np.zeros(len(f), dtype=bool)
    closed = np.flatnonzero(shapely.is_closed(geoms) &
                            (shapely.get_num_coordinates(geoms) >= OBJECT_VERTICES))
    closed = closed[_curved(geoms[closed])] if len(closed) else closed
    if not len(closed):
        return np.zeros(len(f), dtype=bool)
    outlines = shapely.make_valid(outline_polygons(geoms[closed]))
    fi, oi = shapely.STRtree(outlines).query(f, predicate="intersects")
    out = np.zeros(len(f), dtype=bool)
    if len(fi):
        # the face is the outline's inside (not a room around a piece of furniture): they
        # overlap by nine tenths of each (snap rounding moves the face's corners a little)
        common = shapely.area(shapely.intersection(f[fi], outlines[oi]))
        same = (common >= 0.9 * shapely.area(outlines[oi])) & (common >= 0.9 * shapely.area(f[fi]))
        out[fi[same]] = True
    return out & small


def _curved(outlines: np.ndarray) -> np.ndarray:
    """Outlines that turn gently at most of their vertices (rounded corners, curves: a car, a
    bath), unlike a room's outline, which turns square at its corners and jogs."""
    coords, owner = shapely.get_coordinates(outlines, return_index=True)
    same = owner[1:] == owner[:-1]
    v = (coords[1:] - coords[:-1])[same]
    ring = owner[:-1][same]
    n = np.hypot(v[:, 0], v[:, 1])
    keep = n > 1e-9
    v, ring = v[keep] / n[keep, None], ring[keep]
    nxt = np.r_[v[1:], v[:1]]
    valid = np.r_[ring[1:] == ring[:-1], False]
    turn = np.degrees(np.arccos(np.clip(np.einsum("ij,ij->i", v, nxt), -1, 1)))
    gentle = valid & (turn > 3) & (turn < 60)
    counts = np.bincount(ring, minlength=len(outlines))
    soft = np.bincount(ring, weights=gentle, minlength=len(outlines))
    return soft >= 0.5 * np.maximum(counts, 1)


def _bays(rings: np.ndarray, area: np.ndarray, lines: list[Line], geoms: np.ndarray, tol: float) -> np.ndarray:
    """Faces whose edge is at least half window line work, under BAY_AREA."""
    window = np.flatnonzero(np.array([ln.kind == "window" for ln in lines], dtype=bool))
    out = np.zeros(len(rings), dtype=bool)
    small = np.flatnonzero(area < BAY_AREA)
    if not len(window) or not len(small):
        return out
    glass = shapely.buffer(shapely.union_all(geoms[window]), max(tol, 0.02), cap_style="flat")
    along = shapely.length(shapely.intersection(rings[small], glass))
    out[small[along >= 0.5 * shapely.length(rings[small])]] = True
    return out


def _strips(f: np.ndarray, faces: np.ndarray, tol: float) -> np.ndarray:
    """Long narrow faces on the outer edge of the drawing's faces."""
    env = shapely.get_coordinates(shapely.oriented_envelope(f))
    out = np.zeros(len(f), dtype=bool)
    if len(env) != 5 * len(f):
        return out
    r = env.reshape(-1, 5, 2)
    s1, s2 = np.hypot(*(r[:, 1] - r[:, 0]).T), np.hypot(*(r[:, 2] - r[:, 1]).T)
    long_, short = np.maximum(s1, s2), np.minimum(s1, s2)
    narrow = np.flatnonzero((short < STRIP_WIDTH) & (long_ >= STRIP_RATIO * np.maximum(short, 1e-9)))
    if not len(narrow):
        return out
    parts = shapely.get_parts(shapely.union_all(shapely.buffer(faces, tol)))
    edge = shapely.union_all(shapely.get_exterior_ring(parts))
    outer = shapely.length(shapely.intersection(shapely.buffer(shapely.get_exterior_ring(f[narrow]), 2 * tol),
                                                edge))
    out[narrow[outer >= 0.5 * long_[narrow]]] = True
    return out
