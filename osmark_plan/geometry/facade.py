"""Façades closed across window and column lines, as a person reads a plan.

Many drawings leave the glass of a façade undrawn (or on a layer the check does not read) and
draw only the wall pieces and columns between the windows. A person still reads the building's
outline across those gaps; without it, the offices and corridors behind the glass would leak to
the outside and their doors would become entrances. Here a gap is closed when:

* two wall ends (line ends, the caps of walls drawn as outlines, or the sides of columns) face
  each other along one line, ``DOORWAY_MAX`` to ``FACADE_MAX`` apart (a column side may also be
  nearer: a wall stopping short of a column is glass too);
* nothing is drawn between them;
* the gap is on the outside of the building: on one side of it, a ray runs to beyond the
  drawing without meeting any line work, and on the other it meets some (so a wide opening
  between two rooms inside the building is never closed: that is an open-plan connection).

Each closing line is glazing: it closes rooms (no passage in the access graph), is added to the
plan's window line work so that the enclosure checks see it, and is reported as a repair.
"""

from __future__ import annotations

import math

import numpy as np
import shapely
from shapely.geometry import LineString

from ..messages import say
from ..model import Repair
from .wall_bodies import COLUMN, closed_walls, outline_polygons

#: widest façade gap closed (m): a column bay
FACADE_MAX = 8.0
#: narrower gaps between two wall ends are doorways (see rooms.DOORWAY), not façade glass
DOORWAY_MAX = 2.5
#: the narrowest gap worth a closing line (m)
MIN_GAP = 0.3
#: two ends face each other when their directions are within this angle (degrees)
ALIGN_DEG = 10.0
#: the ``what`` of a façade closing repair
FACADE_CLOSED = "façade closed across a gap"


def column_ends(lines, geoms: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The four sides of each column (a small closed outline on a wall layer, within ``COLUMN``
    on each side): the middle of each side, its outward normal, the outline's index and half
    the side's length (the sideways slack of a wall meeting it)."""
    empty = (np.empty((0, 2)), np.empty((0, 2)), np.empty(0, dtype=int), np.empty(0))
    idx = closed_walls(lines, geoms)
    if not len(idx):
        return empty
    env = shapely.oriented_envelope(outline_polygons(geoms[idx]))
    rect = shapely.get_coordinates(env)
    if len(rect) != 5 * len(idx):
        return empty
    r = rect.reshape(-1, 5, 2)[:, :4]
    side = np.hypot(*(np.roll(r, -1, axis=1) - r).transpose(2, 0, 1))
    small = (side.max(axis=1) <= COLUMN) & (side.min(axis=1) >= 0.1)
    if not small.any():
        return empty
    r, side, idx = r[small], side[small], idx[small]
    centre = r.mean(axis=1)
    mid = (r + np.roll(r, -1, axis=1)) / 2  # (n, 4, 2)
    out = mid - centre[:, None, :]
    norm = np.hypot(out[..., 0], out[..., 1])
    out = out / np.maximum(norm, 1e-12)[..., None]
    return mid.reshape(-1, 2), out.reshape(-1, 2), np.repeat(idx, 4), (side / 2).reshape(-1)


def facing_in_line(pts: np.ndarray, d: np.ndarray, slack: np.ndarray, i: np.ndarray, j: np.ndarray
                   ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For the pairs of ends i-j: whether they face each other on one line (each pointing at the
    other within ``ALIGN_DEG``, each within its sideways slack of the other's line: never a
    slanted chord between unrelated ends), their distance and the unit vector from i to j."""
    v = pts[j] - pts[i]
    dist = np.hypot(v[:, 0], v[:, 1])
    u = np.divide(v, dist[:, None], out=np.zeros_like(v), where=dist[:, None] > 0)
    cos = math.cos(math.radians(ALIGN_DEG))
    ok = (np.einsum("ij,ij->i", d[i], u) >= cos) & (np.einsum("ij,ij->i", d[j], -u) >= cos)
    side = np.maximum(slack[i], slack[j])
    ok &= np.abs(d[i, 0] * v[:, 1] - d[i, 1] * v[:, 0]) <= side
    ok &= np.abs(d[j, 0] * v[:, 1] - d[j, 1] * v[:, 0]) <= side
    return ok, dist, u


def facade_chords(pts: np.ndarray, d: np.ndarray, slack: np.ndarray, free: np.ndarray, column: np.ndarray,
                  blockers: np.ndarray) -> list[LineString]:
    """Closing lines across façade gaps between the given ends (see the module docstring).

    ``pts``/``d``: every end and its outward direction; ``slack``: sideways tolerance of each;
    ``free``: ends that may take part (not abutting another wall, not used by a doorway);
    ``column``: which ends are column sides; ``blockers``: all line work."""
    cand = np.flatnonzero(free)
    if len(cand) < 2 or not len(blockers):
        return []
    points = shapely.points(pts[cand])
    # only ends lying ahead of an end, along its direction, within its sideways slack
    ahead = shapely.linestrings(np.stack([pts[cand], pts[cand] + d[cand] * FACADE_MAX], axis=1))
    a, b = shapely.STRtree(points).query(ahead, predicate="dwithin", distance=float(slack[cand].max()))
    keep = a < b
    i, j = cand[a[keep]], cand[b[keep]]
    if not len(i):
        return []
    ok, dist, u = facing_in_line(pts, d, slack, i, j)
    near_column = column[i] | column[j]
    ok &= (dist <= FACADE_MAX) & ((dist > DOORWAY_MAX) | (near_column & (dist >= MIN_GAP)))
    ok &= ~(column[i] & column[j] & (dist <= DOORWAY_MAX))  # between two columns: a bay, not glass
    i, j, dist, u = i[ok], j[ok], dist[ok], u[ok]
    if not len(i):
        return []
    tree = shapely.STRtree(blockers)
    inner = shapely.linestrings(np.stack([pts[i] + (pts[j] - pts[i]) * 0.02,
                                          pts[j] - (pts[j] - pts[i]) * 0.02], axis=1))
    crossed = np.zeros(len(i), dtype=bool)
    hit, _g = tree.query(inner, predicate="intersects")
    crossed[hit] = True
    # on the outside of the building: one side open to beyond the drawing, the other not;
    # asked twice, the second time with the first answer's lines standing, so that of gaps
    # lying one behind the other (a recess) only the outermost is closed
    # (each end keeps its two nearest open partners: the rays are the costly part)
    good = np.flatnonzero(~crossed)
    good = good[_nearest_per_end(i[good], j[good], dist[good], 2)]
    good = good[_on_facade(pts[i[good]], pts[j[good]], u[good], tree, blockers)]
    if len(good) > 1:
        lines = shapely.linestrings(np.stack([pts[i[good]], pts[j[good]]], axis=1))
        more = np.concatenate([blockers, lines])
        again = _on_facade(pts[i[good]], pts[j[good]], u[good], shapely.STRtree(more), more)
        good = good[again]
    used: set[int] = set()
    out: list[LineString] = []
    for k in good[np.argsort(dist[good], kind="stable")].tolist():
        a_, b_ = int(i[k]), int(j[k])
        if a_ in used or b_ in used:
            continue
        used.update((a_, b_))
        out.append(LineString([pts[a_], pts[b_]]))
    return out


def _nearest_per_end(i: np.ndarray, j: np.ndarray, dist: np.ndarray, k: int) -> np.ndarray:
    """Indices of the pairs that are among the ``k`` nearest of both their ends."""
    if not len(i):
        return np.zeros(0, dtype=int)
    rank = np.zeros(len(i), dtype=int)
    for ends in (i, j):
        order = np.lexsort((dist, ends))
        first = np.r_[True, ends[order][1:] != ends[order][:-1]]
        start = np.maximum.accumulate(np.where(first, np.arange(len(order)), 0))
        r = np.empty(len(order), dtype=int)
        r[order] = np.arange(len(order)) - start
        rank = np.maximum(rank, r)
    return np.flatnonzero(rank < k)


def _on_facade(a: np.ndarray, b: np.ndarray, u: np.ndarray, tree: shapely.STRtree, lines: np.ndarray
               ) -> np.ndarray:
    """For each gap a-b (direction ``u``): a ray square to it runs beyond the drawing on exactly
    one side without meeting ``lines``."""
    x0, y0, x1, y1 = shapely.total_bounds(lines)
    reach = 2 * math.hypot(x1 - x0, y1 - y0) + 1.0
    mid = (a + b) / 2
    normal = np.stack([-u[:, 1], u[:, 0]], axis=1)
    open_side = []
    for sign in (1.0, -1.0):
        start = mid + sign * normal * 1e-3
        rays = shapely.linestrings(np.stack([start, start + sign * normal * reach], axis=1))
        blocked = np.zeros(len(a), dtype=bool)
        hit, _g = tree.query(rays, predicate="intersects")
        blocked[hit] = True
        open_side.append(~blocked)
    return open_side[0] ^ open_side[1]


def facade_repairs(chords: list[LineString]) -> list[Repair]:
    """One repair per closed façade gap, with its place and width."""
    out = []
    for c in chords:
        mid = c.interpolate(0.5, normalized=True)
        out.append(Repair(what=FACADE_CLOSED, gap_m=round(float(c.length), 3), at=(float(mid.x), float(mid.y)),
                          detail=say("the façade was closed across a gap between wall ends or columns with "
                                     "nothing drawn in it (read as glazing: it closes the rooms behind it, "
                                     "no way in)",
                                     "壁の端や柱の間で何も描かれていない外周の隙間を、ガラス面として閉じました"
                                     "（内側の部屋を閉じ、出入口とはみなしません）")))
    return out
