"""Walls drawn as closed outlines: each wall body (and column) is wall material, not a room.

Many drawings draw a wall as the closed outline of its body (a long thin rectangle, often
hatched or solid) and a column as a small closed square. Faces of the line work that lie inside
such a body are the inside of the wall: they are never rooms, however thick the wall; the room
is the space between the bodies.

A closed outline on a wall layer is a body when it is long and thin (its widest inscribed
circle under ``BODY_WIDTH``) or small and compact (a column: its bounding rectangle within
``COLUMN`` on each side). A closed outline that holds a room name is a room, never a body.
"""

from __future__ import annotations

import numpy as np
import shapely

from ..model import Line
from .soft import polygonal

#: a closed outline narrower than this (m) is a wall body
BODY_WIDTH = 0.8
#: a closed outline within this (m) on each side is a column
COLUMN = 1.5


def body_outlines(lines: list[Line], geoms: np.ndarray) -> np.ndarray:
    """Polygons of the closed wall outlines that are wall bodies or columns."""
    if not len(geoms):
        return np.empty(0, dtype=object)
    wall = np.array([ln.kind == "wall" for ln in lines], dtype=bool)
    closed = wall & shapely.is_closed(geoms) & (shapely.get_num_coordinates(geoms) >= 4)
    idx = np.flatnonzero(closed)
    if not len(idx):
        return np.empty(0, dtype=object)
    counts = shapely.get_num_coordinates(geoms[idx])
    rings = shapely.linearrings(shapely.get_coordinates(geoms[idx]), indices=np.repeat(np.arange(len(idx)), counts))
    polys = polygonal(shapely.polygons(rings))
    area = shapely.area(polys)
    ok = area > 0
    polys, area = polys[ok], area[ok]
    if not len(polys):
        return polys
    width = 2 * shapely.length(shapely.maximum_inscribed_circle(polys, tolerance=0.01))
    rect = shapely.get_coordinates(shapely.oriented_envelope(polys))
    body = width < BODY_WIDTH
    if len(rect) == 5 * len(polys):
        r = rect.reshape(-1, 5, 2)
        sides = np.stack([np.hypot(*(r[:, 1] - r[:, 0]).T), np.hypot(*(r[:, 2] - r[:, 1]).T)], axis=1)
        body |= sides.max(axis=1) <= COLUMN
    return polys[body]


def wall_bodies(lines: list[Line], geoms: np.ndarray, faces: np.ndarray) -> np.ndarray:
    """For each face, True when it lies inside a wall body or a column."""
    out = np.zeros(len(faces), dtype=bool)
    bodies = body_outlines(lines, geoms)
    if not len(bodies) or not len(faces):
        return out
    fi, _b = shapely.STRtree(bodies).query(shapely.point_on_surface(faces), predicate="within")
    out[fi] = True
    return out
