"""Rooms split at doorways drawn as plain gaps, found by their labels.

A doorway drawn as nothing but a gap in the wall (no door, no jamb facing another) lets two
rooms run into one face. Two room names inside one face are the signal: the face is cut along
the narrowest chord between its walls that separates the two names, no wider than a doorway
(``DOORWAY``), or, where a wall stops and goes on in line beyond a wider gap, across that gap
up to ``WIDE`` (a wall with an opening in it). The chord becomes an opening in the access graph,
like any doorless doorway, and each cut is reported as a repair with its place and width.

Chords are tried from the face's reflex corners (the jambs of a doorway) to the other walls of
the face: to another corner, or square onto a wall. Only faces with two or more names are
looked at, so the work grows with the number of merged rooms, not with the drawing. Where no
chord separates the names, the rooms stay one (:mod:`.room_names` levels it by its highest name
and ENC001 reports it).
"""

from __future__ import annotations

import numpy as np
import shapely
from shapely.geometry import LineString, Point, Polygon
from shapely.ops import split

from ..model import Repair

#: width range (m) of a doorway cut between two labelled rooms
DOORWAY = (0.6, 2.5)
#: widest gap (m) cut between two labelled rooms where a wall stops and goes on in line beyond it
WIDE = 6.0
#: the wall face on each side of a wide gap runs on in line at least this far (m)
WALL_RUN = 0.3
#: two wall ends face each other across a gap when their directions are within this angle (deg)
ALIGN_DEG = 10.0
#: a ray from a free wall end meets a line this close (m) to it (a hairline break in the wall
#: it runs into is no way through)
RAY_HIT = 1e-4
#: two names closer than this (m) are one label group (a name and its translation)
SAME_LABEL = 1.5
#: door chords this close (m) to a gap, along most of it (``DOOR_COVERS``), are its door
DOOR_NEAR = 0.3
#: share of a gap that door chords beside it must cover to close it (a double door read as
#: one leaf covers half: the other half is still a way through)
DOOR_COVERS = 2 / 3
#: a part smaller than this (m²) is no room
MIN_PART = 1.0
#: at most this many cuts in one face (a lab with many rooms along one open corridor)
MAX_CUTS = 64


def _reflex(poly: Polygon) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Reflex corners of the face (all rings), the face's edges (starts, ends), and each reflex
    corner's two neighbouring vertices (k, 2, 2)."""
    corners, starts, ends, beside = [], [], [], []
    rings = [poly.exterior, *poly.interiors]
    for k, ring in enumerate(rings):
        c = np.asarray(ring.coords)[:-1, :2]
        if len(c) < 3:
            continue
        ccw = ring.is_ccw if k == 0 else not ring.is_ccw  # interior on the left
        prev, nxt = np.roll(c, 1, axis=0), np.roll(c, -1, axis=0)
        cross = (c[:, 0] - prev[:, 0]) * (nxt[:, 1] - c[:, 1]) - (c[:, 1] - prev[:, 1]) * (nxt[:, 0] - c[:, 0])
        reflex = cross < -1e-9 if ccw else cross > 1e-9
        corners.append(c[reflex])
        starts.append(c)
        ends.append(nxt)
        beside.append(np.stack([prev[reflex], nxt[reflex]], axis=1))
    if not corners:
        e = np.empty((0, 2))
        return e, e, e, np.empty((0, 2, 2))
    return np.vstack(corners), np.vstack(starts), np.vstack(ends), np.concatenate(beside)


def _runs_on(corner: np.ndarray, beside: np.ndarray, u: np.ndarray, sign: float) -> np.ndarray:
    """Whether a wall face runs on from each corner in line with ``u`` (``sign`` -1: back, away
    from the chord; +1: ahead) for at least ``WALL_RUN``."""
    v = beside - corner[:, None, :]
    along = sign * np.einsum("kij,kj->ki", v, u)
    off = np.abs(v[..., 0] * u[:, None, 1] - v[..., 1] * u[:, None, 0])
    slack = np.sin(np.radians(ALIGN_DEG / 5)) * np.hypot(v[..., 0], v[..., 1]) + 0.02
    return ((along >= WALL_RUN) & (off <= slack)).any(axis=1)


#: the narrowest chords tried to cut one face (each try splits the face once)
MAX_TRIES = 400


def _chords(poly: Polygon) -> np.ndarray:
    """Candidate chords (n, 2, 2) from reflex corners to corners or square onto edges, doorway-
    wide; and from corner to corner up to ``WIDE`` where the wall runs on in line on both sides."""
    corners, a, b, beside = _reflex(poly)
    if not len(corners):
        return np.empty((0, 2, 2))
    ab = b - a
    den = np.maximum(np.einsum("ij,ij->i", ab, ab), 1e-12)
    # every corner against every edge: faces with two names are few and small
    t = np.clip(np.einsum("cij,ij->ci", corners[:, None, :] - a[None], ab) / den, 0.0, 1.0)
    foot = a[None] + t[..., None] * ab[None]
    ends = np.concatenate([foot.reshape(-1, 2), np.repeat(corners[None], len(corners), 0).reshape(-1, 2)])
    start = np.concatenate([np.repeat(corners, len(a), 0), np.repeat(corners, len(corners), 0)])
    length = np.hypot(*(ends - start).T)
    ok = (length >= DOORWAY[0]) & (length <= DOORWAY[1])
    # a wide gap: corner to corner, the wall face going on in line behind each corner
    n_foot = len(corners) * len(a)
    i = np.repeat(np.arange(len(corners)), len(corners))
    j = np.tile(np.arange(len(corners)), len(corners))
    wide = np.flatnonzero((length[n_foot:] > DOORWAY[1]) & (length[n_foot:] <= WIDE))
    if len(wide):
        u = (corners[j[wide]] - corners[i[wide]]) / length[n_foot + wide, None]
        lined = _runs_on(corners[i[wide]], beside[i[wide]], u, -1.0) & \
            _runs_on(corners[j[wide]], beside[j[wide]], u, 1.0)
        ok[n_foot + wide[lined]] = True
    chords = np.stack([start[ok], ends[ok]], axis=1)
    order = np.argsort(np.hypot(*(chords[:, 1] - chords[:, 0]).T), kind="stable")
    return chords[order]


def _cut(poly: Polygon, pts: list[Point]) -> tuple[Polygon, Polygon, LineString] | None:
    """The face cut in two by its narrowest chord with names on both sides, or None. Each
    chord is tried once (at most ``MAX_TRIES`` of the narrowest), whatever the number of names."""
    chords = _chords(poly)
    if not len(chords):
        return None
    lines = shapely.linestrings(chords)
    covered = shapely.covers(shapely.buffer(poly, 1e-6), lines)
    for chord in lines[covered][:MAX_TRIES]:
        c = np.asarray(chord.coords)
        v = (c[1] - c[0]) / max(float(np.hypot(*(c[1] - c[0]))), 1e-12)
        blade = LineString([c[0] - v * 1e-3, c[1] + v * 1e-3])
        parts = [g for g in split(poly, blade).geoms if g.area > 0]
        if len(parts) != 2 or min(g.area for g in parts) < MIN_PART:
            continue
        a, b = parts
        in_a = [a.covers(p) for p in pts]
        in_b = [b.covers(p) and not x for p, x in zip(pts, in_a)]
        if any(in_a) and any(in_b):
            return a, b, chord
    return None


def split_rooms(polys: list[Polygon], names: list[list[Point]]) -> tuple[list[Polygon], list[LineString], list[Repair]]:
    """Faces with two or more names (their label points per face) cut at the narrowest
    doorway-wide chord between each pair of names. Returns the rooms, the cut chords and a
    repair for each cut."""
    out: list[Polygon] = []
    cuts: list[LineString] = []
    repairs: list[Repair] = []
    for poly, points in zip(polys, names):
        groups = _groups(points)
        work = [(poly, groups)]
        done = 0
        while work:
            face, pts = work.pop()
            if len(pts) < 2 or done >= MAX_CUTS:
                out.append(face)
                continue
            found = _cut(face, pts)
            if not found:
                out.append(face)
                continue
            a, b, chord = found
            done += 1
            cuts.append(chord)
            repairs.append(gap_repair(chord))
            work += [(a, [p for p in pts if a.covers(p)]), (b, [p for p in pts if b.covers(p) and not a.covers(p)])]
    return out, cuts, repairs


def gap_chords(walls: np.ndarray, faces: np.ndarray, names: np.ndarray,
               doors: np.ndarray | None = None) -> list[LineString]:
    """Chords from free wall ends (touching no other line) in faces with two or more names,
    straight on along the wall to the next line, doorway-wide: a partition stopping short of
    the wall it would meet is a doorway drawn as a plain gap. Up to ``WIDE`` where the line met
    is the free end of a wall going on in line (a wall with a wide opening in it). Not where a
    door stands (its chord closes the gap) and once per gap (two facing ends give one chord)."""
    if not len(walls) or not len(names):
        return []
    _n, fi = shapely.STRtree(faces).query(names, predicate="within")
    count = np.bincount(fi, minlength=len(faces))
    shared = np.flatnonzero(count >= 2)
    if not len(shared):
        return []
    coords = shapely.get_coordinates(walls)
    n_pts = shapely.get_num_coordinates(walls)
    first = np.cumsum(n_pts) - n_pts
    last = first + n_pts - 1
    ends = np.vstack([coords[first], coords[last]])
    inner = np.vstack([coords[np.minimum(first + 1, last)], coords[np.maximum(last - 1, first)]])
    owner = np.r_[np.arange(len(walls)), np.arange(len(walls))]
    d = ends - inner
    norm = np.hypot(*d.T)
    ok = norm > 0
    d[ok] /= norm[ok, None]
    points = shapely.points(ends)
    # free ends: no other line within a hair
    pi, gi = shapely.STRtree(walls).query(points, predicate="dwithin", distance=1e-3)
    touching = np.zeros(len(ends), dtype=bool)
    touching[pi[gi != owner[pi]]] = True
    # inside (or on the edge of) a face with two names
    near = np.zeros(len(ends), dtype=bool)
    ei, _f = shapely.STRtree(faces[shared]).query(points, predicate="dwithin", distance=1e-3)
    near[ei] = True
    free = np.flatnonzero(ok & ~touching & near)
    if not len(free):
        return []
    rays = shapely.linestrings(np.stack([ends[free] + d[free] * 1e-3, ends[free] + d[free] * WIDE], axis=1))
    ri, wi = shapely.STRtree(walls).query(rays, predicate="dwithin", distance=RAY_HIT)
    other = wi != owner[free[ri]]
    ri, wi = ri[other], wi[other]
    if not len(ri):
        return []
    hit = shapely.intersection(rays[ri], walls[wi])
    missed = np.flatnonzero(shapely.is_empty(hit))
    if len(missed):  # within a hair of the ray: the line's point nearest to it
        nearest = shapely.get_coordinates(shapely.shortest_line(rays[ri[missed]], walls[wi[missed]]))
        hit[missed] = shapely.points(nearest.reshape(-1, 2, 2)[:, 1])
    dist = shapely.distance(points[free[ri]], hit)
    order = np.lexsort((dist, ri))
    ri, wi, dist, hit = ri[order], wi[order], dist[order], hit[order]
    firsts = np.r_[True, ri[1:] != ri[:-1]]
    ri, wi, dist, hit = ri[firsts], wi[firsts], dist[firsts], hit[firsts]
    good = (dist >= DOORWAY[0]) & (dist <= DOORWAY[1] + 1e-6)
    # wider: only onto the free end of a wall that faces back along the ray
    wide = np.flatnonzero((dist > DOORWAY[1] + 1e-6) & (dist <= WIDE))
    if len(wide):
        n = len(walls)
        pair = np.stack([wi[wide], wi[wide] + n], axis=1)
        gap_to = shapely.distance(points[pair], hit[wide, None])
        end = pair[np.arange(len(wide)), np.argmin(gap_to, axis=1)]
        facing = np.einsum("ij,ij->i", d[end], d[free[ri[wide]]]) <= -np.cos(np.radians(ALIGN_DEG))
        good[wide] = ok[end] & ~touching[end] & facing & (gap_to.min(axis=1) <= 1e-3)
    beside = shapely.union_all(shapely.buffer(doors, DOOR_NEAR, cap_style="flat")) \
        if doors is not None and len(doors) and good.any() else None
    out: list[LineString] = []
    for r, h in zip(ri[good].tolist(), hit[good]):
        p = ends[free[r]]
        q = shapely.get_coordinates(shapely.shortest_line(shapely.points(p), h))[1]
        chord = LineString([p, q])
        mid = chord.centroid
        if any(mid.distance(o.centroid) < 0.05 for o in out):
            continue
        if beside is not None and chord.intersection(beside).length >= DOOR_COVERS * chord.length:
            continue
        out.append(chord)
    return out


def gap_repair(chord: LineString) -> Repair:
    """The repair reporting a doorway drawn as a plain gap."""
    mid = chord.interpolate(0.5, normalized=True)
    return Repair(what="room split at a doorway drawn as a gap", gap_m=round(float(chord.length), 3),
                  at=(float(mid.x), float(mid.y)),
                  detail="two room names in one space: a wall stopping short of the next wall is a "
                         "doorway without a door; the gap is taken as an opening")


def _groups(points: list[Point]) -> list[Point]:
    """One point per group of names closer than ``SAME_LABEL`` (a name and its translation)."""
    out: list[Point] = []
    for p in points:
        if all(p.distance(o) >= SAME_LABEL for o in out):
            out.append(p)
    return out
