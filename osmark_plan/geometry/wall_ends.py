"""Wall ends: hairline gaps bridged, door chords joined to their jambs, doorless doorways and
façade gaps found between the ends of the wall line work (lines, the caps of walls drawn as
outlines, the sides of columns). Used by :mod:`.rooms` to close the rooms before the faces of
the line work are taken.

All vectorised (shapely 2 arrays, STRtree queries, numpy), never pairwise loops over the walls.
"""

from __future__ import annotations

import math

import numpy as np
import shapely
from shapely.geometry import LineString

from ..messages import say
from ..model import Repair, Source
from .facade import ALIGN_DEG as FACING_DEG, column_ends, facade_chords, facing_in_line

#: width range (m) of a doorway without a door
DOORWAY = (0.6, 2.5)
#: a line end this close (m) to another line's run abuts it (T-junction)
JOIN_EPS = 0.01
#: two line ends face each other when their directions are within this angle (degrees)
ALIGN_DEG = FACING_DEG
#: the two jambs of a doorway lie on one line within this (m) sideways
LATERAL = 0.06
#: the end of a wall drawn as an outline is joined to a wall this close ahead of it (m)
CAP_REACH = 0.3
#: a door chord end short of its jamb is carried along the chord up to this far (m) to it
REACH = 0.6
#: a doorway chord this close (m) to a door chord belongs to that door (other face of the wall)
DOOR_NEAR = 0.5
#: a line along a gap within this distance (m) of its chord is glass or a window filling it
ALONG = 0.35
#: bridges shorter than this (m) are numerical noise, summarised in one repair
NOISE = 0.001
_TOUCH = 1e-6
#: rounding slack on tolerances (a 0.05 m gap stays a 0.05 m gap in floating point)
_SLACK = 1e-6


def _ends(geoms: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Both end points of each line, the outward unit direction there, and the owning line."""
    n = len(geoms)
    if not n:
        return np.empty((0, 2)), np.empty((0, 2)), np.empty(0, dtype=int)
    coords = shapely.get_coordinates(geoms)
    counts = shapely.get_num_coordinates(geoms)
    first = np.cumsum(counts) - counts
    last = first + counts - 1
    pts = np.vstack([coords[first], coords[last]])
    inner = np.vstack([coords[np.minimum(first + 1, last)], coords[np.maximum(last - 1, first)]])
    d = pts - inner
    norm = np.hypot(d[:, 0], d[:, 1])
    d = np.divide(d, norm[:, None], out=np.zeros_like(d), where=norm[:, None] > 0)
    return pts, d, np.r_[np.arange(n), np.arange(n)]


def hairline_bridges(geoms: np.ndarray, layers: list[Source], tol: float) -> tuple[list[LineString], list[Repair]]:
    """Short lines closing hairline gaps: each line end to the nearest line ahead of it within ``tol``
    that it does not already touch."""
    if not len(geoms) or tol <= 0:
        return [], []
    tree = shapely.STRtree(geoms)
    pts, _d, owner = _ends(geoms)
    # every line end, not only free ones: a wall stub drawn as a closed outline stops short of
    # the window too; only lines not yet touching count as targets
    free = np.arange(len(pts))
    if not len(free):
        return [], []
    points = shapely.points(pts[free])
    pi, gi = tree.query(points, predicate="dwithin", distance=tol + _SLACK)
    keep = gi != owner[free][pi]
    pi, gi = pi[keep], gi[keep]
    lines: list[LineString] = []
    if len(pi):
        # only targets ahead of the end (within 60 degrees of its direction): an undershoot is
        # extended to the wall it meets, the two lines of one double line are not stitched
        cand = shapely.shortest_line(points[pi], geoms[gi])
        c = shapely.get_coordinates(cand).reshape(-1, 2, 2)
        v = c[:, 1] - c[:, 0]
        dist = np.hypot(v[:, 0], v[:, 1])
        ahead = (np.einsum("ij,ij->i", _d[free][pi], v) >= 0.5 * dist) & (dist > _TOUCH)
        pi, dist, cand = pi[ahead], dist[ahead], cand[ahead]
        order = np.lexsort((dist, pi))
        pi, cand = pi[order], cand[order]
        first = np.r_[True, pi[1:] != pi[:-1]] if len(pi) else np.zeros(0, dtype=bool)
        pi, lines = pi[first], list(cand[first])
    # a line whose own two ends almost meet (an almost closed outline)
    n = len(geoms)
    gap = np.hypot(*(pts[:n] - pts[n:]).T)
    own = np.flatnonzero((gap > _TOUCH) & (gap <= tol + _SLACK) & (shapely.length(geoms) > 4 * tol))
    own_lines = list(shapely.linestrings(np.stack([pts[own], pts[own + n]], axis=1))) if len(own) else []
    repairs: list[Repair] = []
    seen: set[tuple[float, ...]] = set()
    out: list[LineString] = []
    noise = 0
    sources = [layers[int(owner[free][p])] for p in pi.tolist()] + [layers[int(k)] for k in own.tolist()]
    for line, src in zip(lines + own_lines, sources):
        c = np.round(np.asarray(line.coords), 6)
        key = tuple(sorted(map(tuple, c.tolist())))  # type: ignore[arg-type]
        if key in seen or line.length <= _TOUCH:
            continue
        seen.add(key)  # type: ignore[arg-type]
        out.append(line)
        if line.length < NOISE:
            noise += 1
            continue
        mid = line.interpolate(0.5, normalized=True)
        repairs.append(Repair(what="bridged wall gap", layer=src.layer, handle=src.handle,
                              gap_m=round(float(line.length), 4), at=(float(mid.x), float(mid.y)),
                              detail=say("line ends joined so that rooms could be found from the walls",
                                         "壁の線から部屋を求めるため、線の端をつなぎました")))
    if noise:
        repairs.append(Repair(what="bridged wall gaps", gap_m=NOISE,
                              detail=say(f"{noise} gaps under {NOISE * 1000:.0f} mm between wall line ends joined",
                                         f"壁の線の端の間の {NOISE * 1000:.0f} mm 未満の隙間 {noise} 箇所をつなぎました")))
    return out, repairs


def cap_bridges(body, walls: np.ndarray) -> list[LineString]:
    """Lines from the end (cap) of each wall drawn as an outline straight on to the wall it
    stops short of, within ``CAP_REACH``: such walls leave gaps wider than a hairline at their
    corners and T-junctions (the bridge runs along the wall's middle, so it closes both sides)."""
    if body is None or not len(body[0]) or not len(walls):
        return []
    pts, d, owner = body[0], body[1], body[2]
    rays = shapely.linestrings(np.stack([pts + d * 1e-6, pts + d * CAP_REACH], axis=1))
    ri, wi = shapely.STRtree(walls).query(rays, predicate="intersects")
    keep = wi != owner[ri]
    ri, wi = ri[keep], wi[keep]
    if not len(ri):
        return []
    start = shapely.points(pts[ri])
    hit = shapely.intersection(rays[ri], walls[wi])
    join = shapely.shortest_line(start, hit)
    gap = shapely.length(join)
    order = np.lexsort((gap, ri))
    ri, join, gap = ri[order], join[order], gap[order]
    first = np.r_[True, ri[1:] != ri[:-1]]
    ok = first & (gap > _TOUCH)
    return list(join[ok])


def door_joins(chords: np.ndarray, walls: np.ndarray, tol: float) -> list[LineString]:
    """Short lines joining each door chord end to the wall: to the nearest wall line within
    ``tol``, else along the chord to the jamb it points at within ``REACH`` (a bi-fold or
    sliding closet door drawn narrower than its opening)."""
    if not len(chords) or not len(walls):
        return []
    tree = shapely.STRtree(walls)
    pts, d, _owner = _ends(chords)
    points = shapely.points(pts)
    pi, gi = tree.query(points, predicate="dwithin", distance=tol + _SLACK)
    out: list[LineString] = []
    joined = np.zeros(len(pts), dtype=bool)
    if len(pi):
        # every wall line within reach, not only the nearest: a door or window set in a
        # double-line wall seals both of its faces (else a room leaks into the wall's cavity)
        dist = shapely.distance(points[pi], walls[gi])
        joined[pi] = True
        far = dist > _TOUCH
        out += list(shapely.shortest_line(points[pi[far]], walls[gi[far]]))
    loose = np.flatnonzero(~joined & (np.hypot(d[:, 0], d[:, 1]) > 0))
    if len(loose):
        # the jamb ahead: wall line work within ``tol`` of the chord's prolongation, joined
        # where the join runs mostly along the chord (never sideways to a parallel wall face)
        rays = shapely.linestrings(np.stack([pts[loose], pts[loose] + d[loose] * REACH], axis=1))
        ri, wi = tree.query(rays, predicate="dwithin", distance=tol + _SLACK)
        if len(ri):
            join = shapely.shortest_line(points[loose[ri]], walls[wi])
            c = shapely.get_coordinates(join).reshape(-1, 2, 2)
            v = c[:, 1] - c[:, 0]
            gap = np.hypot(v[:, 0], v[:, 1])
            along = np.einsum("ij,ij->i", v, d[loose[ri]])
            ok = (gap > _TOUCH) & (gap <= REACH) & (along >= 0.8 * gap)
            ri, join, gap = ri[ok], join[ok], gap[ok]
            if len(ri):
                # the nearest jamb ahead, and every other wall face as near (within the wall
                # tolerance): both faces of a double-line wall's jamb
                nearest = np.full(len(pts), np.inf)
                np.minimum.at(nearest, ri, gap)
                out += list(join[gap <= nearest[ri] + tol])
    return out


def _crossed_ends(points: np.ndarray, p: np.ndarray, g: np.ndarray, walls: np.ndarray) -> np.ndarray:
    """Of the points ``p`` touching an end of the lines ``g``: those where two of the lines leave
    in opposite directions (within 30°)."""
    if len(p) < 2:
        return np.zeros(0, dtype=int)
    coords = shapely.get_coordinates(points[p])
    first = shapely.get_coordinates(shapely.get_point(walls[g], 0))
    second = shapely.get_coordinates(shapely.get_point(walls[g], 1))
    last = shapely.get_coordinates(shapely.get_point(walls[g], -1))
    before = shapely.get_coordinates(shapely.get_point(walls[g], -2))
    at_start = np.hypot(*(coords - first).T) <= np.hypot(*(coords - last).T)
    v = np.where(at_start[:, None], second - first, before - last)
    n = np.hypot(v[:, 0], v[:, 1])
    v = np.divide(v, n[:, None], out=np.zeros_like(v), where=n[:, None] > 0)
    order = np.argsort(p, kind="stable")
    p, v = p[order], v[order]
    # every pair of lines at one point: the k-th next row of the same point, for each k up to
    # the largest number of lines meeting at a point
    crossed = np.zeros(len(p), dtype=bool)
    widest = int(np.bincount(p).max())
    for k in range(1, widest):
        same = p[k:] == p[:-k]
        opposite = np.einsum("ij,ij->i", v[k:], v[:-k]) < -math.cos(math.radians(30))
        crossed[:-k] |= same & opposite
    return np.unique(p[crossed])


def _abutting(points: np.ndarray, owner: np.ndarray, walls: np.ndarray) -> np.ndarray:
    """Line ends that stop on another line's run (a T-junction): such an end belongs to a
    cross wall meeting a continuing wall, not to the jamb of a doorway. Two cross walls meeting
    a corridor from both sides at one spot must not seal the corridor."""
    abut = np.zeros(len(points), dtype=bool)
    if not len(points):
        return abut
    p, g = shapely.STRtree(walls).query(points, predicate="dwithin", distance=JOIN_EPS)
    other = g != owner[p]
    p, g = p[other], g[other]
    if len(p):
        # an open line's run is away from its two ends; a closed outline's, away from its
        # corners (a wall meeting an outline at a corner turns there, it does not abut)
        closed = shapely.is_closed(walls[g])
        ends = np.where(closed, shapely.extract_unique_points(walls[g]), shapely.boundary(walls[g]))
        inside = shapely.distance(points[p], ends) > JOIN_EPS
        abut[p[inside]] = True
        # an end where other lines leave in opposite directions is a junction drawn in pieces
        # (a cross wall meeting a wall drawn room by room), not a jamb; lines leaving one way
        # only are a corner, a cap or the same line drawn twice
        abut[_crossed_ends(points, p[~inside], g[~inside], walls)] = True
    return abut


def _touching(points: np.ndarray, owner: np.ndarray, walls: np.ndarray) -> np.ndarray:
    """Points (column sides) that another wall line touches: that side is taken."""
    out = np.zeros(len(points), dtype=bool)
    if len(points):
        p, g = shapely.STRtree(walls).query(points, predicate="dwithin", distance=JOIN_EPS)
        out[p[g != owner[p]]] = True
    return out


def doorways(walls: np.ndarray, blockers: np.ndarray, doors: np.ndarray,
             windows: np.ndarray | None = None,
             body: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray] | None = None) -> list[LineString]:
    """Chords across doorless doorways: aligned line ends facing each other 0.6–2.5 m apart
    with no line work between them and no door chord or window beside them (a window set in
    the thickness of a double-line wall fills the opening; so does a door on the other face)."""
    if len(walls) < 1:
        return []
    pts, d, owner = _ends(walls)
    # sideways slack of each end: a line's end lies on its line; the middle of a wall outline's
    # cap may sit up to half the wall's thickness off the line of a thinner wall flush with it
    slack = np.full(len(pts), LATERAL)
    if body is not None and len(body[0]):
        # the ends of walls drawn as thin closed outlines (the middle of each short side)
        pts, d, owner = np.vstack([pts, body[0]]), np.vstack([d, body[1]]), np.r_[owner, body[2]]
        slack = np.r_[slack, np.maximum(LATERAL, body[3] / 2)]
    points = shapely.points(pts)
    tree = shapely.STRtree(points)
    i, j = tree.query(points, predicate="dwithin", distance=DOORWAY[1])
    abutting = _abutting(points, owner, walls)
    keep = (i < j) & ~abutting[i] & ~abutting[j]
    i, j = i[keep], j[keep]
    if not len(i):
        return []
    # the two ends face each other on one line: never a slanted chord between unrelated wall
    # ends (across a corridor from one wall's end to another's) that would cut a room in pieces
    ok, dist, u = facing_in_line(pts, d, slack, i, j)
    ok &= (dist >= DOORWAY[0]) & (dist <= DOORWAY[1])
    i, j, dist, u = i[ok], j[ok], dist[ok], u[ok]
    if not len(i):
        return []
    chords = shapely.linestrings(np.stack([pts[i], pts[j]], axis=1))
    # nothing between the two ends: the chord, shortened a little, crosses no line work
    inner = shapely.linestrings(np.stack([pts[i] + (pts[j] - pts[i]) * 0.02,
                                          pts[j] - (pts[j] - pts[i]) * 0.02], axis=1))
    blocked = np.zeros(len(i), dtype=bool)
    if len(blockers):
        hit, _g = shapely.STRtree(blockers).query(inner, predicate="intersects")
        blocked[hit] = True
    for near in (doors, windows):
        if near is not None and len(near):
            hit, _g = shapely.STRtree(near).query(inner, predicate="dwithin", distance=DOOR_NEAR)
            blocked[hit] = True
    # a line running along the gap inside the wall (glass drawn on the wall layer) fills it
    open_ = np.flatnonzero(~blocked)
    if len(blockers) and len(open_):
        zone = np.full(len(inner), None, dtype=object)
        zone[open_] = shapely.buffer(inner[open_], ALONG, cap_style="flat")
        ci, gi = shapely.STRtree(blockers).query(zone[open_], predicate="intersects")
        ci = open_[ci]
        # only lines running along the chord (parallel within the alignment angle) can fill it
        ends = shapely.get_coordinates(shapely.boundary(blockers[gi]))
        if len(ci) and len(ends) == 2 * len(ci):
            e = ends.reshape(-1, 2, 2)
            lv = e[:, 1] - e[:, 0]
            ln = np.hypot(lv[:, 0], lv[:, 1])
            cross = np.abs(lv[:, 0] * u[ci, 1] - lv[:, 1] * u[ci, 0])
            par = cross <= math.sin(math.radians(ALIGN_DEG)) * np.maximum(ln, 1e-12)
            ci, gi = ci[par], gi[par]
        if len(ci):
            along = shapely.length(shapely.intersection(blockers[gi], zone[ci]))
            filled = along >= 0.5 * dist[ci]
            blocked[ci[filled]] = True
    i, j, dist, chords = i[~blocked], j[~blocked], dist[~blocked], chords[~blocked]
    used: set[int] = set()
    seen: set[tuple[float, ...]] = set()  # one chord per gap (two kinds of end may meet there)
    out: list[LineString] = []
    for k in np.argsort(dist, kind="stable").tolist():
        a, b = int(i[k]), int(j[k])
        key = tuple(sorted(map(tuple, np.round(pts[[a, b]], 6).tolist())))  # type: ignore[arg-type]
        if a in used or b in used or key in seen:
            continue
        used.update((a, b))
        seen.add(key)  # type: ignore[arg-type]
        out.append(chords[k])
    return out


def facade_closers(walls: np.ndarray, wall_lines: list, blockers: np.ndarray, body, ways: list[LineString]
                   ) -> list[LineString]:
    """Lines closing the façade across gaps with nothing drawn in them (:mod:`.facade`), from
    the wall ends, the caps of outline walls and the sides of columns not taken otherwise."""
    pts, d, owner = _ends(walls)
    slack = np.full(len(pts), LATERAL)
    column = np.zeros(len(pts), dtype=bool)
    if body is not None and len(body[0]):
        pts, d, owner = np.vstack([pts, body[0]]), np.vstack([d, body[1]]), np.r_[owner, body[2]]
        slack = np.r_[slack, np.maximum(LATERAL, body[3] / 2)]
        column = np.r_[column, np.zeros(len(body[0]), dtype=bool)]
    n_wall = len(pts)
    cols = column_ends(wall_lines, walls)
    if len(cols[0]):
        pts, d, owner = np.vstack([pts, cols[0]]), np.vstack([d, cols[1]]), np.r_[owner, cols[2]]
        slack = np.r_[slack, np.maximum(LATERAL, cols[3])]
        column = np.r_[column, np.ones(len(cols[0]), dtype=bool)]
    if len(pts) < 2:
        return []
    points = shapely.points(pts)
    free = np.ones(len(pts), dtype=bool)
    free[:n_wall] = ~_abutting(points[:n_wall], owner[:n_wall], walls)
    if len(cols[0]):  # a column side something else meets is taken
        free[n_wall:] &= ~_touching(points[n_wall:], owner[n_wall:], walls)
    if ways:  # ends already used by a doorway
        way_ends = shapely.points(shapely.get_coordinates(shapely.boundary(np.asarray(ways, dtype=object))))
        p, _w = shapely.STRtree(way_ends).query(points, predicate="dwithin", distance=_TOUCH)
        free[p] = False
    return facade_chords(pts, d, slack, free, column, blockers)
