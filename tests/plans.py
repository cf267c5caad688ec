"""Small plans built in memory (metres) for geometry and rule tests."""

from __future__ import annotations

from dataclasses import replace

from shapely.geometry import LineString, Point, Polygon, box

from osmark_plan.model import Area, Cabinet, Device, Door, Label, Line, Plan, Source, Zone


def segments(kind: str, coords, layer: str | None = None) -> list[Line]:
    """Line pieces along a polyline."""
    layer = layer or kind.upper()
    return [Line(kind, LineString([a, b]), Source(layer)) for a, b in zip(coords, coords[1:])]


def ring(poly: Polygon) -> list[tuple[float, float]]:
    return list(poly.exterior.coords)


def door(door_id: str, a, b, name: str | None = None, lock: str | None = None) -> Door:
    chord = LineString([a, b])
    return Door(door_id, chord, chord.length, Source("DOOR"), name=name, lock=lock)


def zone(zone_id: str, poly: Polygon, level, name: str | None = None) -> Zone:
    return Zone(zone_id, poly, level, name, Source(f"ZONE-L{level}"))


def office(**changes) -> Plan:
    """A compliant 20 m x 12 m office.

    Corridor (outside, y < 0) → entrance D1 at x 2..3 on y=0 → 受付 (open, x 0..6)
    → D2 at x=6, y 4..5 → 執務室 (L1, x 6..20) → D3 at y=6, x 10..11 → 役員室 (L2, x 8..20, y 6..12)
    → D4 at x=16, y 9..10 → サーバー室 (L3, x 16..20, y 6..12).
    """
    walls = []
    walls += segments("wall", [(3, 0), (20, 0), (20, 12), (0, 12), (0, 0), (2, 0)])
    walls += segments("wall", [(6, 0), (6, 4)]) + segments("wall", [(6, 5), (6, 12)])
    walls += segments("wall", [(8, 12), (8, 6), (10, 6)]) + segments("wall", [(11, 6), (20, 6)])
    walls += segments("wall", [(16, 6), (16, 9)]) + segments("wall", [(16, 10), (16, 12)])
    plan = Plan(
        path="office.dxf",
        lines=tuple(walls),
        zones=(zone("Z1", box(6, 0, 20, 12), 1, "執務室"), zone("Z2", box(8, 6, 20, 12), 2, "役員室"),
               zone("Z3", box(16, 6, 20, 12), 3, "サーバー室")),
        areas=(Area("A1", box(0, 0, 20, 12), Source("APPLICATION-AREA")),),
        doors=(door("D1", (2, 0), (3, 0)), door("D2", (6, 4), (6, 5)), door("D3", (10, 6), (11, 6)),
               door("D4", (16, 9), (16, 10))),
        labels=(Label("受付", Point(3, 6), "label", Source("ROOM-NAME")),),
        devices=(Device("E1", box(12, 1, 13, 2), "MFP", Source("DEVICE")),),
        cabinets=(Cabinet("C1", box(12, 11, 13, 11.6), 2, Source("CABINET")),),
    )
    return replace(plan, **changes)


def without_lines(plan: Plan, *pieces: LineString) -> Plan:
    """The plan with the wall pieces that lie along the given lines removed."""
    keep = [ln for ln in plan.lines if not any(ln.geom.within(p.buffer(0.01)) for p in pieces)]
    return replace(plan, lines=tuple(keep))


__all__ = ["box", "door", "office", "ring", "segments", "without_lines", "zone", "Cabinet", "Device",
           "Label", "Point", "Source"]
