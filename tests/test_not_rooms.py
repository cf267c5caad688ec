"""Closed faces a person does not read as rooms (geometry/not_rooms.py): a car's outline, a
window bay, a site strip. Each only without a name and without a way in."""

from __future__ import annotations

import math

from shapely.geometry import LineString, Point, box

from osmark_plan.geometry.rooms import find_rooms
from osmark_plan.model import Door, Label, Line, Plan, Source


def wall(*pts, kind: str = "wall") -> Line:
    return Line(kind, LineString(pts), Source(kind.upper()))


def office(*extra: Line, labels=(), doors=()) -> Plan:
    """A closed 12 m x 8 m office (a door on its west side) plus the extra line work."""
    lines = (wall((0, 0), (12, 0), (12, 8), (0, 8), (0, 0)),) + extra
    return Plan(path="f.dxf", lines=lines, labels=tuple(labels), doors=tuple(doors))


def car(x: float, y: float) -> Line:
    """A car's outline: a 1.8 m x 4.6 m rectangle with rounded corners (28 vertices)."""
    pts = []
    for cx, cy, a0 in ((x + 1.5, y + 0.3, -90), (x + 1.5, y + 4.3, 0), (x + 0.3, y + 4.3, 90), (x + 0.3, y + 0.3, 180)):
        pts += [(cx + 0.3 * math.cos(math.radians(a0 + k * 15)), cy + 0.3 * math.sin(math.radians(a0 + k * 15)))
                for k in range(7)]
    return wall(*(pts + [pts[0]]))


def areas(plan: Plan) -> list[float]:
    return sorted(round(z.polygon.area, 1) for z in find_rooms(plan).zones)


def test_a_car_outside_the_building_is_no_room() -> None:
    rooms = find_rooms(office(car(20, 1)))
    assert [round(z.polygon.area) for z in rooms.zones] == [96]
    assert any(r.what == "faces not taken as rooms" and "1 object outlines" in r.detail for r in rooms.repairs)


def test_a_named_outline_stays_a_room() -> None:
    plan = office(car(20, 1), labels=[Label("倉庫", Point(20.9, 3.3), "label", Source("NAME"))])
    assert len(find_rooms(plan).zones) == 2


def test_a_window_bay_is_no_room() -> None:
    """A 3 m x 0.8 m bay window on the south façade: glass on three sides."""
    bay = wall((4, 0), (4, -0.8), (7, -0.8), (7, 0), kind="window")
    assert areas(office(bay)) == [96.0]


def test_a_site_strip_along_the_facade_is_no_room_but_a_corridor_with_doors_is() -> None:
    strip = (wall((0, 0), (0, -2), (12, -2), (12, 0)),)
    assert areas(office(*strip)) == [96.0]
    door = Door("D1", LineString([(5, 0), (6, 0)]), 1.0, Source("DOOR"))
    office_with_door = Plan(path="f.dxf", lines=(wall((0, 0), (5, 0)), wall((6, 0), (12, 0), (12, 8), (0, 8), (0, 0)))
                            + strip, doors=(door,))
    assert areas(office_with_door) == [24.0, 96.0]


def test_a_room_drawn_as_one_jogged_outline_stays_a_room() -> None:
    """Rooms drawn each as one closed polyline with many square jogs (no doors in the drawing):
    square corners are a room's, not an object's, however many vertices."""
    pts = [(0, 0), (1, 0), (1, 0.2), (2, 0.2), (2, 0), (3, 0), (3, 2), (2.8, 2), (2.8, 2.5), (3, 2.5),
           (3, 4), (1.5, 4), (1.5, 3.8), (1, 3.8), (1, 4), (0, 4), (0, 0)]
    assert len(find_rooms(Plan(path="f.dxf", lines=(wall(*pts),))).zones) == 1
