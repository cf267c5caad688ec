"""Rooms from walls: when a drawing has no zone polygons, its rooms are the faces of the wall line work.

All steps are vectorised (shapely 2 arrays, STRtree queries, numpy), never pairwise loops:

1. line work: walls, partitions and windows, plus each door's threshold chord, so that a room
   does not leak through a doorway and the swing never bites a wedge out of it;
2. hairline gaps: a line end stopping within ``snap_tolerance`` short of other line work is bridged,
   each bridge a :class:`~osmark_plan.model.Repair` with its place and size; door chord ends
   are joined to the wall within ``wall_tolerance``;
3. doorless doorways: two aligned line ends facing each other 0.6–2.5 m apart with nothing in
   between are sealed by a chord. The chord is no closer: the builder turns it into an opening
   (a passage in the access graph) and ENC001 reports it on a security zone;
4. node and polygonize; drop the thin faces between the two lines of a double-line wall
   (maximum inscribed circle radius under 0.2 m), columns and tiny faces (< 1 m²); unlabelled
   islands with no door (furniture, free-standing objects) are filled into their room;
5. name each room by the label inside it (room-label layer first); its level comes from a level
   word in a label, else the zone table (exact names, then glob patterns; ``"*"`` also matches
   unnamed rooms), else it is open area and listed as assumed open.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import numpy as np
import shapely
from shapely.geometry import LineString, Polygon

from ..config import GEOMETRY_DEFAULTS, ROOM_GEOMETRY_DEFAULTS, Config
from ..messages import say
from ..model import Label, Line, Plan, Repair, Source, Zone
from ..config import OUTSIDE_LEVEL
from ..naming import parse_level, table_level
from .linework import simplified
from .room_names import candidates, inside, name_rooms, usable_labels
from .room_split import gap_chords, gap_repair, split_rooms
from .soft import soft
from .not_rooms import not_rooms
from .facade import column_ends, facade_chords, facade_repairs
from .wall_bodies import body_ends, wall_bodies
from ..user_regex import user_pattern

#: the source layer given to rooms found from walls
ROOMS_LAYER = "(rooms from walls)"
#: the source layer given to the lines closing façade gaps
FACADE_LAYER = "(façade closed)"
#: faces smaller than this (m²) are columns, shafts or slivers, not rooms
MIN_ROOM_AREA = 1.0
#: a labelled face is kept down to this area (m²): a labelled cupboard is a room
MIN_LABELLED_AREA = 0.25
#: faces whose maximum inscribed circle is narrower than this radius (m) are wall cores
THIN_RADIUS = 0.2
#: a face narrower than this on average (2·area/perimeter, m) is the inside of a wall
BAND_WIDTH = 0.5
#: width range (m) of a doorway without a door
DOORWAY = (0.6, 2.5)
#: a line end this close (m) to another line's run abuts it (T-junction)
JOIN_EPS = 0.01
#: two line ends face each other when their directions are within this angle (degrees)
ALIGN_DEG = 10.0
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
#: grid (m) of the snap-rounding overlay that nodes the line work
GRID = 1e-4
#: rounding slack on tolerances (a 0.05 m gap stays a 0.05 m gap in floating point)
_SLACK = 1e-6


@dataclass(frozen=True)
class Rooms:
    """Rooms found from the walls, and what was done to find them."""

    zones: tuple[Zone, ...]
    repairs: tuple[Repair, ...]
    #: chords sealing doorless doorways (openings in the access graph)
    doorways: tuple[LineString, ...]
    #: faces of the line work before thin and tiny ones were dropped
    faces: int
    #: lines closing the façade across gaps with nothing drawn (glazing: closers, no passage)
    facades: tuple[LineString, ...] = ()


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


def _bridges(geoms: np.ndarray, layers: list[Source], tol: float) -> tuple[list[LineString], list[Repair]]:
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


def _cap_bridges(body, walls: np.ndarray) -> list[LineString]:
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


def _join_chords(chords: np.ndarray, walls: np.ndarray, tol: float) -> list[LineString]:
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
    out = []
    order = np.argsort(p, kind="stable")
    p, v = p[order], v[order]
    bounds = np.flatnonzero(np.r_[True, p[1:] != p[:-1], True])
    for a, b in zip(bounds[:-1], bounds[1:]):
        if b - a >= 2 and (v[a:b] @ v[a:b].T).min() < -math.cos(math.radians(30)):
            out.append(int(p[a]))
    return np.asarray(out, dtype=int)


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
    v = pts[j] - pts[i]
    dist = np.hypot(v[:, 0], v[:, 1])
    ok = (dist >= DOORWAY[0]) & (dist <= DOORWAY[1])
    u = np.divide(v, dist[:, None], out=np.zeros_like(v), where=dist[:, None] > 0)
    cos = math.cos(math.radians(ALIGN_DEG))
    ok &= np.einsum("ij,ij->i", d[i], u) >= cos
    ok &= np.einsum("ij,ij->i", d[j], -u) >= cos
    # the two ends lie on one line: never a slanted chord between unrelated wall ends (across
    # a corridor from one wall's end to another's) that would cut a room in pieces
    side = np.maximum(slack[i], slack[j])
    ok &= np.abs(d[i, 0] * v[:, 1] - d[i, 1] * v[:, 0]) <= side
    ok &= np.abs(d[j, 0] * v[:, 1] - d[j, 1] * v[:, 0]) <= side
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
    out: list[LineString] = []
    for k in np.argsort(dist, kind="stable").tolist():
        a, b = int(i[k]), int(j[k])
        if a in used or b in used:
            continue
        used.update((a, b))
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


def find_rooms(plan: Plan, zone_table: dict[str, int] | None = None, snap_tolerance: float = 0.05,
               wall_tolerance: float = 0.15, lock_pattern: str | None = None) -> Rooms:
    """The rooms of a plan from its wall, partition and window line work and its doors."""
    line_objs = [ln for ln in plan.lines if not ln.geom.is_empty and ln.geom.length > 0]
    if not line_objs:
        return Rooms((), (), (), 0)
    geoms = shapely.remove_repeated_points(np.array([ln.geom for ln in line_objs], dtype=object))
    sources = [ln.source for ln in line_objs]
    is_wall = np.array([ln.kind != "window" for ln in line_objs])
    chords = np.array([d.chord for d in plan.doors if d.chord.length > 0], dtype=object)

    repairs: list[Repair] = []
    bridges, bridge_repairs = soft("bridges", lambda: _bridges(geoms, sources, snap_tolerance),
                                   lambda: ([], []), repairs)
    repairs += bridge_repairs
    joins = soft("bridges", lambda: _join_chords(chords, geoms, max(wall_tolerance, snap_tolerance)),
                 list, repairs)
    if joins:
        repairs.append(Repair(what="door thresholds joined to walls", gap_m=round(max(
            float(j.length) for j in joins), 4), detail=say(
                f"{len(joins)} door chord ends extended to the wall face so that rooms close at the doors",
                f"部屋が扉の位置で閉じるよう、扉の敷居線の端 {len(joins)} 箇所を壁面まで延ばしました")))
    blockers = np.concatenate([geoms, chords, np.array(bridges, dtype=object)]) if len(chords) or bridges \
        else geoms
    wall_objs = [ln for ln, w in zip(line_objs, is_wall.tolist()) if w]
    body = soft("doorways", lambda: body_ends(wall_objs, geoms[is_wall]), lambda: None, repairs)
    capped = soft("bridges", lambda: _cap_bridges(body, geoms[is_wall]), list, repairs)
    if capped:
        blockers = np.concatenate([blockers, np.array(capped, dtype=object)])
        repairs.append(Repair(what="bridged wall gaps", gap_m=round(max(float(c.length) for c in capped), 4),
                              detail=say(f"{len(capped)} walls drawn as outlines stopping short of the wall they "
                                         f"meet joined to it (gaps up to {CAP_REACH * 100:.0f} cm)",
                                         f"外形で描かれた壁が手前で止まっている箇所 {len(capped)} か所を、突き当たる壁まで"
                                         f"つなぎました（{CAP_REACH * 100:.0f} cm 以下の隙間）")))
    ways = soft("doorways", lambda: doorways(geoms[is_wall], blockers, chords, geoms[~is_wall], body),
                list, repairs)
    facades = soft("facade", lambda: facade_closers(geoms[is_wall], wall_objs, blockers, body, ways), list,
                   repairs)
    repairs += facade_repairs(facades)

    work = np.concatenate([geoms, chords, np.array(bridges + capped + joins + ways + facades, dtype=object)])
    lock_rx = user_pattern(lock_pattern, "lock_pattern") if lock_pattern else None
    usable = usable_labels(plan.labels, plan.layers)
    cands = candidates(usable, lock_rx)
    level_labels = [lb for lb in usable if parse_level(lb.text) is not None]
    faces = soft("faces", lambda: _faces(work), lambda: np.empty(0, dtype=object), repairs)
    # a doorway drawn as a plain gap beside a free wall end: when two names share a face, the
    # free wall ends in it are extended across their gap to the next wall (and re-faced once)
    name_pts = np.array([c.label.point for c in cands if c.reading.name], dtype=object)
    gaps = soft("gap-doorways", lambda: gap_chords(geoms[is_wall], faces, name_pts, chords), list,
                repairs) if len(faces) else []
    if gaps:
        before = faces
        faces = soft("gap-doorways", lambda: _faces(np.concatenate([work, np.array(gaps, dtype=object)])),
                     lambda: before, repairs)
        if faces is not before:
            ways = ways + gaps
            repairs += [gap_repair(g) for g in gaps]
    n_faces = len(faces)
    if not n_faces:
        return Rooms((), tuple(repairs), tuple(ways), 0, tuple(facades))

    area = shapely.area(faces)
    perim = shapely.length(faces)
    thin = np.zeros(n_faces, dtype=bool)
    maybe = np.flatnonzero(2 * area / np.maximum(perim, 1e-12) < 2 * THIN_RADIUS)
    if len(maybe):
        # (a face is a polygon from polygonize; should GEOS still refuse, the mean half-width
        # 2·area/perimeter, an upper bound of the inscribed radius, decides)
        thin[maybe] = soft("thin-faces",
                           lambda: shapely.length(shapely.maximum_inscribed_circle(faces[maybe], tolerance=0.01))
                           < THIN_RADIUS,
                           lambda: 2 * area[maybe] / np.maximum(perim[maybe], 1e-12) < THIN_RADIUS, repairs)

    # texts that can name or number a room, and the face each lies in
    face_tree = shapely.STRtree(faces)

    def face_of(labels: list[Label]) -> np.ndarray:
        out = np.full(len(labels), -1, dtype=int)
        if labels:
            li, fi = face_tree.query(np.array([lb.point for lb in labels], dtype=object), predicate="within")
            out[li] = fi
        return out

    name_face = face_of([c.label for c in cands])
    labelled = np.zeros(n_faces, dtype=bool)
    labelled[name_face[name_face >= 0]] = True
    material = soft("wall-bodies", lambda: wall_bodies(line_objs, geoms, faces),
                    lambda: np.zeros(n_faces, dtype=bool), repairs) & ~labelled
    # the wall mass itself: a face whose mean width (2·area/perimeter) is a wall's, however
    # wide its widest spot (a wall network drawn as one outline, columns and all, whose holes
    # are the rooms), is wall material unless a name lies in it
    material |= (2 * area / np.maximum(perim, 1e-12) < BAND_WIDTH) & ~labelled

    keep = ~thin & ~material & ((area >= MIN_ROOM_AREA) | (labelled & (area >= MIN_LABELLED_AREA)))
    # objects, window bays and outer strips: closed, but no room to a person's eye
    passes = np.concatenate([chords, np.array(ways, dtype=object)]) if len(chords) or ways else None
    dropped, note = soft("not-rooms", lambda: not_rooms(faces, keep & ~labelled, line_objs, geoms, passes,
                                                         wall_tolerance),
                         lambda: (np.zeros(n_faces, dtype=bool), None), repairs)
    keep &= ~dropped
    if note is not None:
        repairs.append(note)
    kept = np.flatnonzero(keep)
    if not len(kept):
        return Rooms((), tuple(repairs), tuple(ways), n_faces, tuple(facades))
    polys = soft("islands", lambda: _fill_islands(faces, kept, labelled, chords, ways, wall_tolerance),
                 lambda: [shapely.polygons(shapely.get_exterior_ring(f)) for f in faces[kept]], repairs)

    # two names in one room: a doorway drawn as a plain gap; cut there
    room_of = inside(cands, polys)
    names_in = [[c.label.point for c, k in zip(cands, room_of.tolist()) if k == r and c.reading.name]
                for r in range(len(polys))]
    unsplit = polys
    polys, cuts, cut_repairs = soft("split", lambda: split_rooms(unsplit, names_in),
                                    lambda: (unsplit, [], []), repairs)
    repairs += cut_repairs
    ways = ways + cuts
    room_of = inside(cands, polys, [lb.point for lb in usable])
    best, number, names, shares = name_rooms(polys, cands, room_of, zone_table or {})
    label_level: dict[int, int] = {}
    if level_labels:
        li, ri = shapely.STRtree(np.asarray(polys, dtype=object)).query(
            np.array([lb.point for lb in level_labels], dtype=object), predicate="within")
        for lab, r in sorted(zip(li.tolist(), ri.tolist())):
            label_level.setdefault(r, int(parse_level(level_labels[lab].text)))  # type: ignore[arg-type]

    order = sorted(range(len(polys)), key=lambda k: (-round(polys[k].representative_point().y, 1),
                                                      round(polys[k].representative_point().x, 1)))
    zones = []
    source = Source(ROOMS_LAYER)
    for n, k in enumerate(order, start=1):
        if k in label_level:
            level, src = label_level[k], "label"
        else:
            keys = names[k] + ([number[k]] if number[k] else [])
            level = table_level(zone_table or {}, keys or [""])
            src = "table"
            if level is None:
                level, src = 0, "assumed-open"
        if level == OUTSIDE_LEVEL:
            continue  # the zone table says this room is not part of the application area
        zones.append(Zone(f"R{n}", polys[k], level, best[k], source, src, number[k], shares[k]))
    return Rooms(tuple(zones), tuple(repairs), tuple(ways), n_faces, tuple(facades))


def _faces(work: np.ndarray) -> np.ndarray:
    """Faces of the line work, noded by snap-rounding on a 0.1 mm grid (T-junctions that
    floating point would miss)."""
    noded = shapely.union_all(work, grid_size=GRID)
    return np.asarray(shapely.get_parts(shapely.polygonize(shapely.get_parts(noded))), dtype=object)


def _fill_islands(faces: np.ndarray, kept: np.ndarray, labelled: np.ndarray, chords: np.ndarray,
                  ways: list[LineString], wall_tolerance: float) -> list[Polygon]:
    """The kept faces as rooms: unlabelled islands inside another kept face with no door or
    doorway on their edge (furniture, free-standing objects) are filled into their room."""
    shells = shapely.polygons(shapely.get_exterior_ring(faces[kept]))
    ci, fi = shapely.STRtree(faces[kept]).query(shells, predicate="contains")
    inner_pairs = ci != fi
    ci, fi = ci[inner_pairs], fi[inner_pairs]
    passes = np.concatenate([chords, np.array(ways, dtype=object)]) if len(chords) or ways else None
    by_door = np.zeros(len(kept), dtype=bool)
    if passes is not None and len(passes):
        hit, _g = shapely.STRtree(passes).query(faces[kept], predicate="dwithin", distance=wall_tolerance)
        by_door[hit] = True
    furniture = np.zeros(len(kept), dtype=bool)
    island = np.unique(fi)
    furniture[island] = ~labelled[kept[island]] & ~by_door[island]
    inner_rooms: dict[int, list[int]] = {}
    for c, f in zip(ci.tolist(), fi.tolist()):
        if not furniture[f]:
            inner_rooms.setdefault(c, []).append(f)
    polys = []
    for k in np.flatnonzero(~furniture).tolist():
        shell = shells[k]
        if k in inner_rooms:
            shell = shell.difference(shapely.union_all(faces[kept[inner_rooms[k]]]))
        # collinear vertices (where hatch or cross lines met the outline) removed: fewer points
        # for every later step, the same room
        polys.append(shapely.simplify(shell, GRID))
    return polys


def with_rooms(plan: Plan, config: Config) -> Plan:
    """The plan with rooms found from its walls as its zones, when it has no zone polygons.

    Its line work is simplified below the wall tolerance first (also when zones are drawn:
    the enclosure checks pair the same lines)."""
    failed: list[Repair] = []
    read = plan
    plan = soft("simplify", lambda: simplified(read), lambda: read, failed)
    plan = replace(plan, rooms_built=True, repairs=plan.repairs + tuple(failed))
    if plan.zones or not plan.lines_of("wall", "partition"):
        return plan
    geometry = {**GEOMETRY_DEFAULTS, **ROOM_GEOMETRY_DEFAULTS, **dict(config.geometry)}
    failed = []
    rooms = soft("rooms", lambda: find_rooms(plan, dict(config.zones), float(geometry["snap_tolerance"]),
                                             float(geometry["wall_tolerance"]), config.lock_pattern),
                 lambda: Rooms((), (), (), 0), failed)
    repairs = plan.repairs + rooms.repairs + tuple(failed)
    if not rooms.zones:
        return replace(plan, repairs=repairs)
    # façade gaps closed as glazing: window line work, so that the enclosure checks see them
    glazing = tuple(Line("window", f, Source(FACADE_LAYER)) for f in rooms.facades)
    return replace(plan, zones=rooms.zones, repairs=repairs, openings=rooms.doorways, rooms_from="walls",
                   lines=plan.lines + glazing)


def assumed_open(plan: Plan) -> tuple[Zone, ...]:
    """Rooms found from the walls that had no level and were taken as open area."""
    return tuple(z for z in plan.zones if z.level_from == "assumed-open")
