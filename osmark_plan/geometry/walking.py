"""Walking distance from a doorway to nearby things: through doors and openings, round walls.

EQP002 asks whether an output device stands by an entrance (5.4.1 細則(1) 出入口近辺). A
printer on the other side of a wall, reached from the entrance only through a corridor and a
locked door, is not "by" it, however close in a straight line. So the distance is the
length of the shortest walk in the free floor: where the straight line from the doorway to
the thing crosses no line work it is that line (exact); otherwise it is measured on a grid
round the doorway (cells of about ``limit / 60``), with walls, windows, low partitions and
cabinets as obstacles and doors as passages. The grid walk uses the eight neighbours of a cell
(steps of 1 and √2 cells), so a walk round a corner reads up to about 8 % long.

Vectorised: line of sight is one STRtree query; obstacles are rasterised with one
``intersects_xy`` call; the grid distances relax in whole-array numpy steps. The grid is
only built round doorways with something within ``limit`` in a straight line.
"""

from __future__ import annotations

import math

import numpy as np
import shapely
from shapely import STRtree
from shapely.geometry import LineString, box
from shapely.geometry.base import BaseGeometry
from shapely.ops import substring

from ..model import Plan

#: fewest and most grid cells per metre
_MIN_CELL, _MAX_CELL = 0.05, 0.25
#: an obstacle line blocks the cells whose centre lies this many cells from it
_BLOCK = 0.75
def _moves() -> list[tuple[int, int, float, tuple[tuple[int, int], ...]]]:
    """Grid moves: the eight neighbours and the eight knight's moves, each with its length in
    cells and the cells it passes (which must be free)."""
    out = [(di, dj, math.hypot(di, dj), ()) for di in (-1, 0, 1) for dj in (-1, 0, 1) if di or dj]
    for di, dj in ((1, 2), (2, 1), (-1, 2), (-2, 1), (1, -2), (2, -1), (-1, -2), (-2, -1)):
        si, sj = (di > 0) - (di < 0), (dj > 0) - (dj < 0)
        passed = ((0, sj), (di, sj)) if abs(dj) == 2 else ((si, 0), (si, dj))
        out.append((di, dj, math.hypot(di, dj), passed))
    return out


_MOVES = _moves()


def obstacles(plan: Plan) -> np.ndarray:
    """What one cannot walk through: walls, windows, low partitions and cabinets."""
    geoms = [line.geom for line in plan.lines] + [c.polygon.exterior for c in plan.cabinets]
    return np.array(geoms, dtype=object)


def _sight_clear(lines: np.ndarray, tree: STRtree | None) -> np.ndarray:
    """Whether each sight line crosses no obstacle (its ends may touch one)."""
    if tree is None or not len(lines):
        return np.ones(len(lines), dtype=bool)
    lengths = shapely.length(lines)
    inner = np.array([substring(ln, min(0.02, L / 3), max(L - 0.02, 2 * L / 3)) if L > 0 else ln
                      for ln, L in zip(lines, lengths)], dtype=object)
    hit, _ = tree.query(inner, predicate="intersects")
    clear = np.ones(len(lines), dtype=bool)
    clear[hit] = False
    return clear


def walking_distances(plan: Plan, doorways: list[LineString], targets: list[BaseGeometry],
                      limit: float) -> np.ndarray:
    """Walking distance (m) from each doorway to each target; ``inf`` beyond ``limit``.

    Returns an array of shape (doorways, targets).
    """
    out = np.full((len(doorways), len(targets)), np.inf)
    if not doorways or not targets:
        return out
    chords = np.array(doorways, dtype=object)
    things = np.array(targets, dtype=object)
    th_idx, ch_idx = STRtree(chords).query(things, predicate="dwithin", distance=limit)
    if not len(th_idx):
        return out
    walls = obstacles(plan)
    tree = STRtree(walls) if len(walls) else None
    sight = shapely.shortest_line(chords[ch_idx], things[th_idx])
    straight = shapely.length(sight)
    clear = _sight_clear(sight, tree)
    out[ch_idx[clear], th_idx[clear]] = straight[clear]
    hidden = ~clear
    for door in np.unique(ch_idx[hidden]).tolist():
        which = th_idx[hidden & (ch_idx == door)]
        out[door, which] = _grid_walk(chords[door], things[which], walls, tree, limit)
    out[out > limit + 1e-9] = np.inf
    return out


def _grid_walk(chord: LineString, things: np.ndarray, walls: np.ndarray, tree: STRtree | None,
               limit: float) -> np.ndarray:
    """Grid walking distance from a doorway to each thing within ``limit`` of it."""
    cell = min(max(limit / 40.0, _MIN_CELL), _MAX_CELL)
    x0, y0, x1, y1 = chord.bounds
    pad = limit + 2 * cell
    xs = np.arange(x0 - pad, x1 + pad + cell, cell)
    ys = np.arange(y0 - pad, y1 + pad + cell, cell)
    gx, gy = np.meshgrid(xs, ys, indexing="ij")
    free = np.ones(gx.shape, dtype=bool)
    if tree is not None:
        near = tree.query(box(xs[0], ys[0], xs[-1], ys[-1]), predicate="intersects")
        if len(near):
            blocked = shapely.union_all(walls[near]).buffer(_BLOCK * cell, quad_segs=2)
            free = ~shapely.intersects_xy(blocked, gx, gy)
    seed_d = shapely.distance(chord, shapely.points(gx, gy))
    dist = np.where(free & (seed_d <= 0.75 * cell), seed_d, np.inf)
    dist = _relax(dist, free, cell, max_steps=int(4 * pad / cell) + 10, cap=limit + cell)
    result = np.full(len(things), np.inf)
    for k, thing in enumerate(things):
        inside = shapely.intersects_xy(thing.buffer(cell * 0.75), gx, gy) & free
        if inside.any():
            result[k] = float(dist[inside].min())
    return result


def _relax(dist: np.ndarray, free: np.ndarray, cell: float, max_steps: int, cap: float) -> np.ndarray:
    """Grid distances: relax over the sixteen moves until nothing changes (whole-array steps);
    walks longer than ``cap`` are dropped, so the wave stops there."""
    n, m = dist.shape
    pad = 2
    padded_free = np.pad(free, pad, constant_values=False)
    for _ in range(max_steps):
        padded = np.pad(dist, pad, constant_values=np.inf)
        best = dist.copy()
        for di, dj, length, passed in _MOVES:
            # the value at (i, j) from the cell (i - di, j - dj)
            cand = padded[pad - di:pad - di + n, pad - dj:pad - dj + m] + length * cell
            for a, b in passed:
                ok = padded_free[pad - di + a:pad - di + a + n, pad - dj + b:pad - dj + b + m]
                cand = np.where(ok, cand, np.inf)
            np.minimum(best, cand, out=best)
        best[~free | (best > cap)] = np.inf
        if np.array_equal(best, dist):
            break
        dist = best
    return dist
