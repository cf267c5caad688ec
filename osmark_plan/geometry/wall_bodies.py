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

from typing import NamedTuple

import numpy as np
import shapely

from ..model import Line
from .soft import polygonal

#: a closed outline narrower than this (m) is a wall body
BODY_WIDTH = 0.8
#: a closed outline within this (m) on each side is a column
COLUMN = 1.5


def closed_walls(lines: list[Line], geoms: np.ndarray, min_coords: int = 4) -> np.ndarray:
    """Indices of the closed outlines on wall layers (at least ``min_coords`` vertices)."""
    if not len(geoms):
        return np.empty(0, dtype=int)
    wall = np.array([ln.kind == "wall" for ln in lines], dtype=bool)
    return np.flatnonzero(wall & shapely.is_closed(geoms) & (shapely.get_num_coordinates(geoms) >= min_coords))


def outline_polygons(outlines: np.ndarray) -> np.ndarray:
    """The polygons closed outlines (closed line strings) enclose, as drawn (not made valid)."""
    counts = shapely.get_num_coordinates(outlines)
    return shapely.polygons(shapely.linearrings(shapely.get_coordinates(outlines),
                                                indices=np.repeat(np.arange(len(outlines)), counts)))


class _Edges(NamedTuple):
    """The edges of closed outlines: start, unit direction, length, the outline (index into the
    outlines given) and the previous and next edge of the same outline."""

    a: np.ndarray
    u: np.ndarray
    length: np.ndarray
    ring: np.ndarray
    prev: np.ndarray
    nxt: np.ndarray


def _edges(outlines: np.ndarray) -> _Edges:
    """Every edge of every outline, with its neighbours round the outline (zero-length edges
    left out)."""
    coords, owner = shapely.get_coordinates(outlines, return_index=True)
    same = owner[1:] == owner[:-1]  # edge k -> k+1 inside one outline (the closing vertex repeats the first)
    a, vec, ring = coords[:-1][same], (coords[1:] - coords[:-1])[same], owner[:-1][same]
    length = np.hypot(*vec.T)
    keep = length > 1e-9
    a, vec, length, ring = a[keep], vec[keep], length[keep], ring[keep]
    first = np.r_[True, ring[1:] != ring[:-1]]
    last = np.r_[ring[1:] != ring[:-1], True]
    pos = np.arange(len(ring))
    start_of = np.maximum.accumulate(np.where(first, pos, 0))
    end_of = np.minimum.accumulate(np.where(last, pos, len(ring))[::-1])[::-1]
    return _Edges(a, vec / length[:, None], length, ring, np.where(first, end_of, pos - 1),
                  np.where(last, start_of, pos + 1))


_NO_ENDS = (np.empty((0, 2)), np.empty((0, 2)), np.empty(0, dtype=int), np.empty(0))


def body_outlines(lines: list[Line], geoms: np.ndarray) -> np.ndarray:
    """Polygons of the closed wall outlines that are wall bodies or columns."""
    idx = closed_walls(lines, geoms)
    if not len(idx):
        return np.empty(0, dtype=object)
    polys = polygonal(outline_polygons(geoms[idx]))
    polys = polys[shapely.area(polys) > 0]
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


#: an edge of a closed wall outline at most this long (m), between two long edges running
#: back the way they came, is the end of a wall (its cap)
CAP_MIN = 0.02


def body_ends(lines: list[Line], geoms: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The ends of walls drawn as closed outlines: every short edge of an outline (a cap, under
    ``BODY_WIDTH``) between two longer edges that are square to it and run back the way they came
    (the two faces of a wall meeting its end). Gives the middle of each cap, the outward
    direction along the wall there, the index of the outline in ``geoms`` and the cap's length
    (the wall's thickness there). A doorway between
    two such ends is found as between two single lines: drawings that draw every wall as its
    outline (straight pieces, L and T shapes, whole networks) have no free line ends at all."""
    idx = closed_walls(lines, geoms, 5)
    if not len(idx):
        return _NO_ENDS
    e = _edges(geoms[idx])
    u, length, prev, nxt = e.u, e.length, e.prev, e.nxt
    cos_pn = np.einsum("ij,ij->i", u[prev], u[nxt])
    cos_pc = np.abs(np.einsum("ij,ij->i", u[prev], u))
    cos_nc = np.abs(np.einsum("ij,ij->i", u[nxt], u))
    cap = (length >= CAP_MIN) & (length < BODY_WIDTH) & (cos_pn < -0.95) & (cos_pc < 0.2) & (cos_nc < 0.2) & \
        (length[prev] > 1.5 * length) & (length[nxt] > 1.5 * length)
    k = np.flatnonzero(cap)
    if not len(k):
        return _NO_ENDS
    mid = e.a[k] + u[k] * (length[k] / 2)[:, None]
    out = u[prev[k]]  # the wall face arriving at the cap runs outward, along the wall
    return mid, out, idx[e.ring[k]], length[k]


#: a corner of a wall outline turns within this of a right angle (degrees)
CORNER_DEG = 20.0
#: both faces meeting at such a corner are at least this long (m)
CORNER_FACE = 0.3


def corner_ends(lines: list[Line], geoms: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The square outer corners of walls drawn as closed outlines, as wall ends: a wall face
    that stops at a corner where the wall turns (an L-shaped wall piece beside a doorway) ends
    there, pointing on along the face. Two such ends facing each other on one line are the
    jambs of a doorway, as two line ends are. Gives, for each face at each corner, the corner,
    the direction along the face beyond it, the outline's index and a zero thickness."""
    idx = closed_walls(lines, geoms, 5)
    if not len(idx):
        return _NO_ENDS
    e = _edges(geoms[idx])
    a, u, length, ring, nxt = e.a, e.u, e.length, e.ring, e.nxt
    vec = u * length[:, None]
    # orientation of each ring (shoelace): a convex corner turns the ring's way
    cross_area = a[:, 0] * (a[:, 1] + vec[:, 1]) - (a[:, 0] + vec[:, 0]) * a[:, 1]
    orient = np.sign(np.bincount(ring, weights=cross_area, minlength=len(idx)))
    turn = u[:, 0] * u[nxt, 1] - u[:, 1] * u[nxt, 0]
    square = np.abs(np.einsum("ij,ij->i", u, u[nxt])) <= np.sin(np.radians(CORNER_DEG))
    convex = np.sign(turn) == orient[ring]
    k = np.flatnonzero(square & convex & (length >= CORNER_FACE) & (length[nxt] >= CORNER_FACE))
    if not len(k):
        return _NO_ENDS
    corner = a[k] + vec[k]
    pts = np.vstack([corner, corner])
    dirs = np.vstack([u[k], -u[nxt[k]]])  # on along the face arriving, back along the face leaving
    own = np.r_[idx[ring[k]], idx[ring[k]]]
    return pts, dirs, own, np.zeros(len(pts))


def wall_bodies(lines: list[Line], geoms: np.ndarray, faces: np.ndarray) -> np.ndarray:
    """For each face, True when it lies inside a wall body or a column."""
    out = np.zeros(len(faces), dtype=bool)
    bodies = body_outlines(lines, geoms)
    if not len(bodies) or not len(faces):
        return out
    fi, _b = shapely.STRtree(bodies).query(shapely.point_on_surface(faces), predicate="within")
    out[fi] = True
    return out
