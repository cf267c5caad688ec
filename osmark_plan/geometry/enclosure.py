"""Enclosure: the stretches of a boundary that no wall, door or window closes.

Vectorised over all outlines at once: one STRtree query pairs every boundary ring with the
closers near it, one ``intersection`` call cuts the covered pieces, and the pieces become
intervals along each ring (linear referencing), merged with a sweep. No geometry union.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely
from shapely import STRtree
from shapely.geometry import LineString
from shapely.geometry.base import BaseGeometry
from shapely.ops import linemerge, substring

from ..model import Plan
from .site import Gap, Region

FULL = 0  # walls, windows, door chords: close any boundary
LOW = 1  # low partitions and cabinets: close a level-1 boundary only

Interval = tuple[float, float]


#: how far a door's threshold may lie from an outline and still close it (m): a door block
#: hinged on the far face of a thick wall (the door swings out of the zone) stands in the wall
#: whose outline is drawn on the near face
DOOR_REACH = 0.4
#: double-line walls: faces closer than this (m) and parallel are the two sides of one wall
WALL_THICKNESS = (0.03, 0.5)
#: a wall body's two faces run side by side for more than this (m)
MIN_BODY = 0.05


def _segments(geoms: list[BaseGeometry]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Straight segments (starts, ends) of line geometries and the index each came from."""
    if not geoms:
        return np.empty((0, 2)), np.empty((0, 2)), np.empty(0, dtype=int)
    coords, owner = shapely.get_coordinates(np.array(geoms, dtype=object), return_index=True)
    same = owner[:-1] == owner[1:]
    starts, ends, src = coords[:-1][same], coords[1:][same], owner[:-1][same]
    keep = np.any(starts != ends, axis=1)
    return starts[keep], ends[keep], src[keep]


def wall_caps(starts: np.ndarray, ends: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The ends of double-line wall bodies: for each pair of parallel faces facing each other
    (WALL_THICKNESS apart), a segment across the wall at each end of their common stretch.

    Where a wall meets another at a T and the other's face is broken for it, the body's end
    closes the outline drawn along that face; square to an outline, a cap covers nothing.
    """
    d = ends - starts
    length = np.hypot(d[:, 0], d[:, 1])
    # a body's common stretch is over 5 cm long: shorter segments (curve pieces) have none
    long_ = length > MIN_BODY
    starts, ends, d, length = starts[long_], ends[long_], d[long_], length[long_]
    if len(starts) < 2:
        return np.empty((0, 2)), np.empty((0, 2))
    u = d / length[:, None]
    lines = shapely.linestrings(np.stack([starts, ends], axis=1))
    i, j = STRtree(lines).query(lines, predicate="dwithin", distance=WALL_THICKNESS[1])
    keep = (i < j) & (np.abs(np.einsum("ij,ij->i", u[i], u[j])) > 0.995)
    i, j = i[keep], j[keep]
    normal = np.column_stack([-u[i, 1], u[i, 0]])
    offset = np.einsum("ij,ij->i", starts[j] - starts[i], normal)
    t0 = np.einsum("ij,ij->i", starts[j] - starts[i], u[i])
    t1 = np.einsum("ij,ij->i", ends[j] - starts[i], u[i])
    lo = np.maximum(np.minimum(t0, t1), 0.0)
    hi = np.minimum(np.maximum(t0, t1), length[i])
    ok = (np.abs(offset) >= WALL_THICKNESS[0]) & (np.abs(offset) <= WALL_THICKNESS[1]) & (hi - lo > MIN_BODY)
    i, j, lo, hi, offset, normal = i[ok], j[ok], lo[ok], hi[ok], offset[ok], normal[ok]
    # the two faces of a body have no parallel line between them: keep each face's nearest
    # partner on each side only (a hatch of parallel strokes gives its neighbours, not all pairs)
    mutual = _nearest_each_side(i, j, offset, starts, u, len(starts))
    i, lo, hi, offset, normal = i[mutual], lo[mutual], hi[mutual], offset[mutual], normal[mutual]
    near_lo = starts[i] + u[i] * lo[:, None]
    near_hi = starts[i] + u[i] * hi[:, None]
    across = normal * offset[:, None]
    return (np.concatenate([near_lo, near_hi]), np.concatenate([near_lo + across, near_hi + across]))


def _nearest_each_side(i: np.ndarray, j: np.ndarray, offset: np.ndarray, starts: np.ndarray,
                       u: np.ndarray, n: int) -> np.ndarray:
    """Pairs (i, j) where j is i's nearest partner on its side and i is j's on its side."""
    if not len(i):
        return np.zeros(0, dtype=bool)
    normal_j = np.column_stack([-u[j, 1], u[j, 0]])
    offset_j = np.einsum("ij,ij->i", starts[i] - starts[j], normal_j)
    key_i, key_j = 2 * i + (offset > 0), 2 * j + (offset_j > 0)
    dist = np.round(np.abs(offset), 6)
    best = np.full(2 * n, np.inf)
    np.minimum.at(best, key_i, dist)
    np.minimum.at(best, key_j, dist)
    return (dist <= best[key_i]) & (dist <= best[key_j])


def _door_frames(plan: Plan) -> tuple[np.ndarray, np.ndarray]:
    """Segments of the door blocks' drawings that run along their threshold (frames, wall
    stubs): they close an outline like walls. The leaf and the swing do not."""
    doors = [d for d in plan.doors if d.outline is not None]
    if not doors:
        return np.empty((0, 2)), np.empty((0, 2))
    parts, owner = shapely.get_parts(np.array([d.outline for d in doors], dtype=object), return_index=True)
    a, b, src = _segments(list(parts))
    if not len(a):
        return a, b
    door = owner[src]
    chord = np.array([np.asarray(d.chord.coords)[[0, -1]] for d in doors])  # (n, 2, 2)
    c0, cu = chord[door, 0], chord[door, 1] - chord[door, 0]
    cu = cu / np.maximum(np.hypot(cu[:, 0], cu[:, 1]), 1e-12)[:, None]
    su = (b - a) / np.maximum(np.hypot(*(b - a).T), 1e-12)[:, None]
    along = np.abs(np.einsum("ij,ij->i", su, cu)) > 0.98
    rel = (a + b) / 2 - c0
    off = np.abs(cu[:, 0] * rel[:, 1] - cu[:, 1] * rel[:, 0])
    keep = along & (off < 0.1)
    return a[keep], b[keep]


class Closers:
    """Everything that can close a boundary, as straight segments in one STRtree.

    A segment covers a boundary only as far as its shadow along it, so a jamb or a wall end
    meeting the boundary square covers nothing. Walls, windows and doors close any outline
    (FULL); low partitions and cabinets only a level-1 one (LOW). Door thresholds reach
    ``DOOR_REACH``, everything else ``wall_tolerance``.
    """

    def __init__(self, plan: Plan):
        groups: list[tuple[np.ndarray, np.ndarray, int, bool]] = []
        for strength, kinds in ((FULL, ("wall", "window")), (LOW, ("partition",))):
            a, b, _src = _segments([ln.geom for ln in plan.lines if ln.kind in kinds])
            groups.append((a, b, strength, False))
            groups.append((*wall_caps(a, b), strength, False))
        a, b, _src = _segments([door.chord for door in plan.doors])
        groups.append((a, b, FULL, True))
        groups.append((*_door_frames(plan), FULL, False))
        a, b, _src = _segments([cab.polygon.exterior for cab in plan.cabinets])
        groups.append((a, b, LOW, False))
        self.starts = np.concatenate([g[0] for g in groups]).reshape(-1, 2)
        self.ends = np.concatenate([g[1] for g in groups]).reshape(-1, 2)
        self.strength = np.concatenate([np.full(len(g[0]), g[2]) for g in groups]).astype(int)
        self.is_door = np.concatenate([np.full(len(g[0]), g[3]) for g in groups]).astype(bool)
        self.geoms = (shapely.linestrings(np.stack([self.starts, self.ends], axis=1)) if len(self.starts)
                      else np.empty(0, dtype=object))
        self.tree = STRtree(self.geoms)
        self._buffers: dict[float, np.ndarray] = {}

    def reach(self, tol: float) -> np.ndarray:
        """How far each closer may lie from an outline and still close it."""
        return np.where(self.is_door, max(tol, DOOR_REACH), tol)

    def buffers(self, tol: float) -> np.ndarray:
        """Every closer buffered by its reach (flat ends: a wall closes only as far as it goes)."""
        if tol not in self._buffers:
            self._buffers[tol] = shapely.buffer(self.geoms, self.reach(tol), quad_segs=2, cap_style="flat",
                                                join_style="mitre")
        return self._buffers[tol]

    def near(self, rings: np.ndarray, tol: float) -> tuple[np.ndarray, np.ndarray]:
        """(ring, closer) pairs within each closer's reach."""
        if not len(self.geoms):
            return np.empty(0, dtype=int), np.empty(0, dtype=int)
        ring, closer = self.tree.query(rings, predicate="dwithin", distance=max(tol, DOOR_REACH))
        if DOOR_REACH > tol:
            ok = shapely.distance(rings[ring], self.geoms[closer]) <= self.reach(tol)[closer]
            ring, closer = ring[ok], closer[ok]
        return ring, closer


@dataclass(frozen=True)
class Outline:
    """A boundary to check and which closers count for it."""

    owner: str
    geom: BaseGeometry  # a polygon
    allow_low: bool  # partitions and cabinets close it (level 1)
    report_low: bool  # stretches closed only by them are reported as partition-only (levels 2, 3)


def merge(intervals: list[Interval]) -> list[Interval]:
    """Union of intervals, sorted."""
    out: list[Interval] = []
    for a, b in sorted(intervals):
        if out and a <= out[-1][1]:
            if b > out[-1][1]:
                out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def complement(covered: list[Interval], length: float) -> list[Interval]:
    """The parts of [0, length] not covered."""
    out, pos = [], 0.0
    for a, b in covered:
        if a > pos:
            out.append((pos, a))
        pos = max(pos, b)
    if pos < length:
        out.append((pos, length))
    return out


def subtract(base: list[Interval], cut: list[Interval]) -> list[Interval]:
    """``base`` minus ``cut`` (both merged)."""
    out = []
    for a, b in base:
        pieces = [(a, b)]
        for c, d in cut:
            pieces = [p for x, y in pieces for p in ((x, min(y, c)), (max(x, d), y)) if p[1] > p[0]]
        out += pieces
    return out


def intersect(base: list[Interval], other: list[Interval]) -> list[Interval]:
    """Where ``base`` and ``other`` overlap (both merged)."""
    return [(max(a, c), min(b, d)) for a, b in base for c, d in other if min(b, d) > max(a, c)]


class RingFrame:
    """Linear referencing on many rings at once (GEOS, vectorised over pairs)."""

    def __init__(self, rings: np.ndarray):
        self.rings = rings

    def locate(self, ring: np.ndarray, points: np.ndarray) -> np.ndarray:
        """Distance along ``ring[i]`` of the point nearest to ``points[i]``."""
        if not len(points):
            return np.empty(0)
        # GEOS, pair by pair: no (pairs x ring points) arrays in memory
        return shapely.line_locate_point(self.rings[ring], shapely.points(points))


def _explode(geoms: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Single parts of geometries and the index each came from (only multi-parts are split)."""
    types = shapely.get_type_id(geoms)
    single = np.flatnonzero(np.isin(types, (0, 1, 2)))
    multi = np.flatnonzero(~np.isin(types, (0, 1, 2)))
    parts, src = shapely.get_parts(geoms[multi], return_index=True)
    return (np.concatenate([geoms[single], parts]),
            np.concatenate([single, multi[src]]).astype(int))


def _readings(lo: np.ndarray, hi: np.ndarray, fits_straight: np.ndarray, totals: np.ndarray,
              i: int) -> list[Interval]:
    """Interval(s) along a ring: straight, or wrapped over the ring's start point."""
    if fits_straight[i]:
        return [(float(lo[i]), float(hi[i]))]
    return [(float(hi[i]), float(totals[i])), (0.0, float(lo[i]))]


def _ring_intervals(frame: RingFrame, totals: np.ndarray, ring_idx: np.ndarray, pieces: np.ndarray,
                    seg_a: np.ndarray, seg_b: np.ndarray) -> list[tuple[int, Interval]]:
    """(ring, interval along it) covered by each pair's piece, within its segment's shadow.

    ``pieces`` are ring ∩ buffered segment; ``seg_a``/``seg_b`` the segments' end points. A
    piece across the ring's start is split in two.
    """
    if not len(pieces):
        return []
    totals_pair = totals[ring_idx]
    sa, sb = frame.locate(ring_idx, seg_a), frame.locate(ring_idx, seg_b)
    s_lo, s_hi = np.minimum(sa, sb), np.maximum(sa, sb)
    shadow_straight = (s_hi - s_lo) <= totals_pair - (s_hi - s_lo)
    parts, src = _explode(pieces)
    # lines only (points touch, nothing more); empty pieces have no ends to locate
    lengths = shapely.length(parts)
    keep = np.isin(shapely.get_type_id(parts), (1, 2)) & (lengths > 0)
    parts, src, lengths = parts[keep], src[keep], lengths[keep]
    if not len(parts):
        return []
    owner = ring_idx[src]
    coords, which = shapely.get_coordinates(parts, return_index=True)
    first = np.searchsorted(which, np.arange(len(parts)))
    last = np.searchsorted(which, np.arange(len(parts)), side="right") - 1
    s, e = frame.locate(owner, coords[first]), frame.locate(owner, coords[last])
    part_totals = totals[owner]
    a, b = np.minimum(s, e), np.maximum(s, e)
    # a piece across the ring's start projects to its two far ends: pick the reading that fits
    straight = np.abs((b - a) - lengths) <= np.abs((part_totals - (b - a)) - lengths)
    out: list[tuple[int, Interval]] = []
    for k, (r, pair) in enumerate(zip(owner.tolist(), src.tolist())):
        piece = _readings(a, b, straight, part_totals, k)
        shadow = _readings(s_lo, s_hi, shadow_straight, totals_pair, pair)
        out += [(r, iv) for iv in intersect(piece, shadow)]
    return out


def _gap_lines(ring: LineString, intervals: list[Interval], min_gap: float) -> list[LineString]:
    """Interval stretches of a ring as lines, joining the two ends of a stretch across the start."""
    total = ring.length
    if not intervals:
        return []
    joined = list(intervals)
    if len(joined) > 1 and joined[0][0] <= 1e-9 and joined[-1][1] >= total - 1e-9:
        first, last = joined.pop(0), joined.pop()
        wrap = linemerge([substring(ring, last[0], total), substring(ring, 0.0, first[1])])
        lines = [wrap] if wrap.geom_type == "LineString" else list(getattr(wrap, "geoms", []))
    else:
        lines = []
    lines += [substring(ring, a, b) for a, b in joined]
    return [ln for ln in lines if ln.geom_type == "LineString" and ln.length > min_gap]


def outline_gaps(outlines: list[Outline], closers: Closers, tol: float, min_gap: float) -> list[Gap]:
    """Uncovered stretches of every outline, in one vectorised pass."""
    if not outlines:
        return []
    boundaries = shapely.boundary(np.array([o.geom for o in outlines], dtype=object))
    rings, ring_owner = shapely.get_parts(boundaries, return_index=True)
    pairs_ring, pairs_closer = closers.near(rings, tol)
    buffers = closers.buffers(tol) if len(closers.geoms) else np.empty(0, dtype=object)
    pieces = shapely.intersection(rings[pairs_ring], buffers[pairs_closer])
    covered: dict[tuple[int, int], list[Interval]] = {}
    frame, totals = RingFrame(rings), shapely.length(rings)
    strengths = closers.strength[pairs_closer] if len(pairs_closer) else np.empty(0, dtype=int)
    for strength in (FULL, LOW):
        sel = strengths == strength
        cl = pairs_closer[sel]
        for r, interval in _ring_intervals(frame, totals, pairs_ring[sel], pieces[sel],
                                           closers.starts[cl], closers.ends[cl]):
            covered.setdefault((r, strength), []).append(interval)
    gaps: list[Gap] = []
    for r, ring in enumerate(rings):
        outline = outlines[ring_owner[r]]
        total = ring.length
        open_ = complement(merge(covered.get((r, FULL), [])), total)
        if not open_:
            continue
        low = merge(covered.get((r, LOW), [])) if (outline.allow_low or outline.report_low) else []
        if low:
            if outline.report_low:
                gaps += [Gap(outline.owner, g, "partition-only")
                         for g in _gap_lines(ring, intersect(open_, low), min_gap)]
            open_ = subtract(open_, low)
        gaps += [Gap(outline.owner, g, "open") for g in _gap_lines(ring, open_, min_gap)]
    return gaps


def zone_gaps(regions: list[Region], closers: Closers, tol: float, min_gap: float) -> list[Gap]:
    """Gaps in the outline of every security zone (level >= 1)."""
    outlines = [Outline(r.id, r.zone.polygon, allow_low=r.level == 1, report_low=r.level >= 2)
                for r in regions if r.zone is not None and r.level >= 1]
    return outline_gaps(outlines, closers, tol, min_gap)


def area_gaps(aa: BaseGeometry, closers: Closers, tol: float, min_gap: float) -> list[Gap]:
    """Gaps in the application area's outline: walls, doors and windows only.

    Stretches closed only by low partitions or cabinets are reported as ``partition-only``.
    """
    if aa.is_empty:
        return []
    return outline_gaps([Outline("AA", aa, allow_low=False, report_low=True)], closers, tol, min_gap)
