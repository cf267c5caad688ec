"""Line work simplified below the wall tolerance, before any geometry is built.

Real drawings carry line work far finer than a wall: splines flattened into thousands of
sub-millimetre segments, curves exploded into 1 mm LINEs, hatch specks. Every later step pairs
lines with their neighbours, so such detail costs time and memory without changing a room.
Here, in a few vectorised GEOS calls (n log n at worst):

1. each line is simplified (Douglas-Peucker) to ``SIMPLIFY_M``: a wiggle of a few millimetres
   becomes one straight segment, a long wall keeps its two ends;
2. lines shorter than ``MERGE_BELOW`` that meet end to end (an exploded curve) are merged into
   one line and simplified again;
3. what is still a speck (shorter than ``SPECK_M``, e.g. a dot or a 2 mm hatch stroke) is dropped:
   a gap it leaves in a wall is bridged later like any hairline gap.

The count of what was simplified is one :class:`~osmark_plan.model.Repair`.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import shapely

from ..model import Line, Plan, Repair

#: deviation (m) allowed when simplifying a line: far below any wall thickness
SIMPLIFY_M = 0.005
#: lines shorter than this (m) that meet end to end are merged (exploded curves)
MERGE_BELOW = 0.05
#: lines shorter than this (m) after merging are specks, dropped
SPECK_M = 0.01
#: points removed before the simplification is reported (collinear wall points are not news)
NOTABLE = 100


def simplify_lines(lines: tuple[Line, ...]) -> tuple[tuple[Line, ...], Repair | None]:
    """The line work simplified (see the module docstring) and a repair saying what was done."""
    if not lines:
        return lines, None
    geoms = np.array([ln.geom for ln in lines], dtype=object)
    before = int(shapely.get_num_coordinates(geoms).sum())
    simple = shapely.simplify(geoms, SIMPLIFY_M, preserve_topology=False)
    length = shapely.length(simple)
    short = length < MERGE_BELOW
    keep = np.flatnonzero(~short)
    out = [replace(lines[k], geom=simple[k]) for k in keep.tolist()] if short.any() else \
        [replace(ln, geom=g) for ln, g in zip(lines, simple)]
    merged_from = 0
    if short.any():
        tiny = np.flatnonzero(short & (length > 0))
        merged_from = len(tiny)
        if len(tiny):
            parts = shapely.get_parts(shapely.line_merge(shapely.multilinestrings(simple[tiny])))
            parts = shapely.simplify(parts, SIMPLIFY_M, preserve_topology=False)
            parts = parts[shapely.length(parts) >= SPECK_M]
            if len(parts):
                # each merged line takes the layer and handle of the piece it starts on
                starts = shapely.points(shapely.get_coordinates(shapely.get_point(parts, 0)))
                near = shapely.STRtree(simple[tiny]).query_nearest(starts, return_distance=False)
                src = np.empty(len(parts), dtype=int)
                src[near[0]] = tiny[near[1]]
                out += [replace(lines[int(s)], geom=g) for s, g in zip(src.tolist(), parts)]
    after = int(sum(len(ln.geom.coords) for ln in out))
    if not merged_from and before - after < NOTABLE:
        return tuple(out), None  # collinear points of ordinary walls: nothing worth reporting
    return tuple(out), Repair(
        what="line work simplified", gap_m=SIMPLIFY_M,
        detail=f"{len(lines)} lines with {before} points simplified to {len(out)} lines with {after} "
               f"points (deviation under {SIMPLIFY_M * 1000:.0f} mm; {merged_from} pieces under "
               f"{MERGE_BELOW * 100:.0f} cm merged, specks under {SPECK_M * 1000:.0f} mm dropped)")


def simplified(plan: Plan) -> Plan:
    """The plan with its line work simplified and the repair recorded."""
    lines, repair = simplify_lines(plan.lines)
    if repair is None:
        return plan
    return replace(plan, lines=lines, repairs=plan.repairs + (repair,))
