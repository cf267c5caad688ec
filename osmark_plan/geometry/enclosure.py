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


class Closers:
    """Everything that can close a boundary, in one STRtree, with its strength."""

    def __init__(self, plan: Plan):
        geoms: list[BaseGeometry] = []
        strength: list[int] = []
        for line in plan.lines:
            geoms.append(line.geom)
            strength.append(LOW if line.kind == "partition" else FULL)
        for door in plan.doors:
            geoms.append(door.chord)
            strength.append(FULL)
        for cab in plan.cabinets:
            geoms.append(cab.polygon.exterior)
            strength.append(LOW)
        # every closer as straight segments: a segment covers a boundary only as far as its
        # shadow along it, so a jamb or a wall end meeting the boundary square covers nothing
        coords, owner = shapely.get_coordinates(np.array(geoms, dtype=object), return_index=True)
        same = owner[:-1] == owner[1:]
        starts, ends = coords[:-1][same], coords[1:][same]
        keep = np.any(starts != ends, axis=1)
        self.starts, self.ends = starts[keep], ends[keep]
        self.geoms = shapely.linestrings(np.stack([self.starts, self.ends], axis=1)) if len(self.starts) \
            else np.empty(0, dtype=object)
        self.strength = np.array(strength, dtype=int)[owner[:-1][same][keep]] if len(self.starts) \
            else np.empty(0, dtype=int)
        self.tree = STRtree(self.geoms)
        self._buffers: dict[float, np.ndarray] = {}

    def buffers(self, tol: float) -> np.ndarray:
        """Every closer buffered by ``tol`` (flat ends: a wall closes only as far as it goes)."""
        if tol not in self._buffers:
            self._buffers[tol] = shapely.buffer(self.geoms, tol, quad_segs=2, cap_style="flat",
                                                join_style="mitre")
        return self._buffers[tol]


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


class RingFrame:
    """Linear referencing on many rings at once, in numpy (no point geometries made)."""

    def __init__(self, rings: np.ndarray):
        coords, ring_of = shapely.get_coordinates(rings, return_index=True)
        same = ring_of[:-1] == ring_of[1:]
        self.a, self.b = coords[:-1][same], coords[1:][same]
        self.seg_ring = ring_of[:-1][same]
        lengths = np.hypot(*(self.b - self.a).T)
        starts = np.concatenate([[0.0], np.cumsum(lengths)[:-1]])
        self.first = np.searchsorted(self.seg_ring, np.arange(len(rings)))
        self.count = np.bincount(self.seg_ring, minlength=len(rings))
        # arc length at each segment's start, counted from its own ring's start
        self.start = starts - starts[self.first[self.seg_ring]]
        self.length = lengths

    def locate(self, ring: np.ndarray, points: np.ndarray) -> np.ndarray:
        """Distance along ``ring[i]`` of the point nearest to ``points[i]``."""
        if not len(points):
            return np.empty(0)
        counts = self.count[ring]
        query = np.repeat(np.arange(len(points)), counts)
        offsets = np.repeat(self.first[ring] - np.concatenate([[0], np.cumsum(counts)[:-1]]), counts)
        seg = np.arange(len(query)) + offsets
        a, ab = self.a[seg], self.b[seg] - self.a[seg]
        den = np.einsum("ij,ij->i", ab, ab)
        t = np.clip(np.einsum("ij,ij->i", points[query] - a, ab) / np.where(den > 0, den, 1.0), 0.0, 1.0)
        d2 = np.sum((a + ab * t[:, None] - points[query]) ** 2, axis=1)
        loc = self.start[seg] + t * self.length[seg]
        order = np.lexsort((d2, query))  # per query, nearest segment first
        firsts = order[np.searchsorted(query[order], np.arange(len(points)))]
        return loc[firsts]


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
    if not len(closers.geoms):
        pairs_ring = np.empty(0, dtype=int)
        pairs_closer = np.empty(0, dtype=int)
    else:
        pairs_ring, pairs_closer = closers.tree.query(rings, predicate="dwithin", distance=tol)
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
