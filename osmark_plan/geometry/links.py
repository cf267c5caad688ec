"""Links of the access graph: doors and openings, with the two regions each one joins."""

from __future__ import annotations

from collections import Counter

import numpy as np
from shapely.geometry import LineString
from shapely.geometry.base import BaseGeometry

from ..model import Door
from .locate import RegionIndex
from .site import Gap, Link

#: distances (m) from a chord at which each side is sampled; the majority wins
SAMPLE_OFFSETS = (0.3, 0.5, 0.8)


def _normal_at_middle(line: LineString) -> tuple[np.ndarray, np.ndarray]:
    """Midpoint and unit normal of a line at half its length."""
    length = line.length
    mid = line.interpolate(0.5, normalized=True)
    step = min(0.05, length / 4) or 1e-6
    a = line.interpolate(max(length / 2 - step, 0))
    b = line.interpolate(min(length / 2 + step, length))
    d = np.array([b.x - a.x, b.y - a.y])
    norm = np.hypot(*d)
    if norm == 0:
        coords = np.asarray(line.coords)
        d = coords[-1] - coords[0]
        norm = np.hypot(*d) or 1.0
    d = d / norm
    return np.array([mid.x, mid.y]), np.array([-d[1], d[0]])


def sides(chords: list[LineString], index: RegionIndex) -> list[tuple[str, str]]:
    """The region on each side of each chord (vectorised over all chords and samples)."""
    if not chords:
        return []
    points = []
    for chord in chords:
        mid, normal = _normal_at_middle(chord)
        for sign in (1, -1):
            for d in SAMPLE_OFFSETS:
                points.append(mid + sign * d * normal)
    found = index.locate(points)
    n = len(SAMPLE_OFFSETS)
    out = []
    for i in range(len(chords)):
        block = found[i * 2 * n:(i + 1) * 2 * n]
        out.append((_majority(block[:n]), _majority(block[n:])))
    return out


def _majority(ids: list[str]) -> str:
    counts = Counter(ids)
    best = max(counts.values())
    middle = ids[len(ids) // 2]
    return middle if counts[middle] == best else counts.most_common(1)[0][0]


def door_links(doors: tuple[Door, ...], index: RegionIndex, aa: BaseGeometry,
               tol: float) -> tuple[list[Link], list[tuple[Door, tuple[str, ...]]]]:
    """A link for each door joining two different regions; the rest touching the AA are stray."""
    links: list[Link] = []
    stray: list[tuple[Door, tuple[str, ...]]] = []
    for door, (a, b) in zip(doors, sides([d.chord for d in doors], index)):
        if a != b:
            links.append(Link(id=door.id, a=a, b=b, chord=door.chord, width=door.width, door=door))
        elif not aa.is_empty and door.chord.distance(aa) <= tol:
            stray.append((door, tuple(sorted({a, b}))))
    return links, stray


def passage_links(gaps: list[Gap], index: RegionIndex, min_width: float, tol: float) -> list[Link]:
    """Openings: open gaps at least ``min_width`` long, merged where two outlines share one."""
    wide = [g for g in gaps if g.kind == "open" and g.length >= min_width]
    found: list[Link] = []
    for gap, (a, b) in zip(wide, sides([g.geom for g in wide], index)):
        if a == b:
            continue
        duplicate = next((k for k, link in enumerate(found)
                          if {link.a, link.b} == {a, b} and link.chord.distance(gap.geom) <= 2 * tol), None)
        if duplicate is not None:
            if gap.length > found[duplicate].width:
                found[duplicate] = Link(found[duplicate].id, a, b, gap.geom, gap.length, None)
            continue
        found.append(Link(id=f"P{len(found) + 1}", a=a, b=b, chord=gap.geom, width=gap.length, door=None))
    return found
