"""Rooms the build split or merged and façades it closed: what the plan image and the HTML
plan mark so that a user sees them at once.

- a **split**: a room cut at a doorway drawn as a plain gap (repair REP204 at the cut's middle);
  the cut is one of the plan's openings;
- a **merge**: a room that holds more than one room name (nothing found between them): the
  names listed as not placed for ``label-shares-room``, and the rooms of other levels the room
  took in (:attr:`~osmark_plan.model.Zone.shares`);
- **glazing**: façade gaps closed as glass (REP205), window lines on the layer
  ``(façade closed)``.

Positions and geometry in metres, as in the plan.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from shapely.geometry import LineString
from shapely.geometry.base import BaseGeometry

from ..geometry.rooms import FACADE_LAYER

#: the repair reporting a cut at a doorway drawn as a gap
SPLIT_CODE = "REP204"
#: a cut and its repair's position are one when this close (m)
SAME_SPOT = 0.01


@dataclass(frozen=True)
class MergedName:
    """Another room's name inside a room that took a name of its own."""

    name: str
    #: where the name stands (metres)
    at: tuple[float, float]
    #: the region (or zone) holding it
    region: str


@dataclass(frozen=True)
class RoomMarks:
    """What to mark on the plan; empty tuples when the build split, merged and closed nothing."""

    #: cuts across doorways drawn as gaps
    splits: tuple[LineString, ...] = ()
    #: façade gaps closed as glazing
    glazing: tuple[LineString, ...] = ()
    #: (region id, polygon) of each room holding another room's name
    merged: tuple[tuple[str, BaseGeometry], ...] = ()
    #: the other names, where they stand
    names: tuple[MergedName, ...] = ()

    @property
    def kinds(self) -> set[str]:
        """Which marks there are: "split", "merged", "glazing" (for the legends)."""
        return {kind for kind, items in (("split", self.splits), ("merged", self.merged),
                                         ("glazing", self.glazing)) if items}


def is_glazing(line: Any) -> bool:
    """Whether a line of the plan is a façade gap closed as glazing (not a drawn window)."""
    return line.kind == "window" and line.source.layer == FACADE_LAYER


def room_marks(report: Any) -> RoomMarks:
    """The splits, merges and glazing closures of a checked report."""
    plan = report.plan
    return RoomMarks(splits=_splits(plan), glazing=tuple(ln.geom for ln in plan.lines if is_glazing(ln)),
                     **_merges(report))


def _splits(plan: Any) -> tuple[LineString, ...]:
    """The openings whose middle is where a REP204 repair says a room was cut."""
    import numpy as np
    import shapely

    spots = [r.at for r in plan.repairs if r.at is not None and r.code == SPLIT_CODE]
    if not spots or not plan.openings:
        return ()
    chords = np.array(plan.openings, dtype=object)
    mids = shapely.line_interpolate_point(chords, 0.5, normalized=True)
    tree = shapely.STRtree(shapely.points(np.asarray(spots, dtype=float)))
    hit, _spot = tree.query(mids, predicate="dwithin", distance=SAME_SPOT)
    return tuple(plan.openings[k] for k in sorted(set(hit.tolist())))


def _merges(report: Any) -> dict[str, Any]:
    """Rooms holding other rooms' names and those names (each name once per spot)."""
    site = report.site
    names: dict[tuple[str, float, float], MergedName] = {}

    def add(name: str, at: tuple[float, float], region: str) -> None:
        key = (name, round(at[0], 2), round(at[1], 2))
        names.setdefault(key, MergedName(name, (float(at[0]), float(at[1])), region))

    for item in getattr(report, "not_placed", ()):
        if item.reason == "label-shares-room" and item.region and item.at and item.name:
            add(item.name, item.at, item.region)
    if site is not None:
        shapes = {r.id: r.polygon for r in site.regions}
        for region in site.regions:
            for shared in (region.zone.shares if region.zone is not None else ()):
                add(shared.name, shared.at, region.id)
    else:
        shapes = {z.id: z.polygon for z in report.plan.zones}
        for zone in report.plan.zones:
            for shared in zone.shares:
                add(shared.name, shared.at, zone.id)
    kept = tuple(n for n in names.values() if n.region in shapes)
    order = list(dict.fromkeys(n.region for n in kept))
    return {"merged": tuple((rid, shapes[rid]) for rid in order), "names": kept}
