"""Façades closed across window and column lines (geometry/facade.py): a gap with nothing drawn
in it on the outside of the building is glazing; a wide opening inside the building is not."""

from __future__ import annotations

from shapely.geometry import LineString, box

from osmark_plan.config import from_mapping
from osmark_plan.geometry.rooms import FACADE_LAYER, find_rooms, with_rooms
from osmark_plan.model import Line, Plan, Source


def wall(*pts) -> Line:
    return Line("wall", LineString(pts), Source("WALL"))


def column(x: float, y: float, size: float = 0.5) -> Line:
    return Line("wall", LineString(box(x - size / 2, y - size / 2, x + size / 2, y + size / 2).exterior.coords),
                Source("COLUMN"))


def test_glass_facade_left_undrawn_is_closed() -> None:
    """A 20 m x 10 m office whose south façade has a 6 m gap (the glass is not drawn)."""
    lines = (wall((5, 0), (0, 0), (0, 10), (20, 10), (20, 0), (11, 0)),)
    plan = Plan(path="f.dxf", lines=lines)
    rooms = find_rooms(plan)
    assert len(rooms.zones) == 1 and round(rooms.zones[0].polygon.area) == 200
    assert len(rooms.facades) == 1 and round(rooms.facades[0].length, 3) == 6.0
    assert rooms.doorways == ()  # glazing: no way in
    done = with_rooms(plan, from_mapping({}))
    glass = [ln for ln in done.lines if ln.source.layer == FACADE_LAYER]
    assert len(glass) == 1 and glass[0].kind == "window"
    assert [r.code for r in done.repairs if r.code == "REP205"] == ["REP205"]


def test_facade_across_columns() -> None:
    """The south façade is wall, glass (undrawn), a column, glass, wall."""
    lines = (wall((4, 0), (0, 0), (0, 10), (20, 10), (20, 0), (12, 0)), column(8, 0))
    rooms = find_rooms(Plan(path="f.dxf", lines=lines))
    assert len(rooms.zones) == 1
    assert sorted(round(f.length, 2) for f in rooms.facades) == [3.75, 3.75]


def test_wide_opening_inside_the_building_stays_open() -> None:
    """Two offices joined by a 4 m opening in the wall between them: both sides of the gap are
    inside the building, so it is an open-plan connection, not glass."""
    lines = (wall((0, 0), (20, 0), (20, 10), (0, 10), (0, 0)), wall((10, 0), (10, 3)), wall((10, 7), (10, 10)))
    rooms = find_rooms(Plan(path="f.dxf", lines=lines))
    assert rooms.facades == ()
    assert len(rooms.zones) == 1


def test_recess_closed_at_its_mouth_only() -> None:
    """Wall ends face each other across a 4 m recess at two depths (y 0 and y 3; its back wall
    at y 6): only the outermost gap, the recess's mouth, is closed."""
    import numpy as np

    from osmark_plan.geometry.facade import facade_chords

    pts = np.array([[8, 0], [12, 0], [8, 3], [12, 3]], dtype=float)
    d = np.array([[1, 0], [-1, 0], [1, 0], [-1, 0]], dtype=float)
    blockers = np.array([LineString([(0, 0), (8, 0)]), LineString([(12, 0), (20, 0)]),
                         LineString([(0, 3), (8, 3)]), LineString([(12, 3), (20, 3)]),
                         LineString([(8, 6), (12, 6)])], dtype=object)
    got = facade_chords(pts, d, np.full(4, 0.06), np.ones(4, dtype=bool), np.zeros(4, dtype=bool), blockers)
    assert [sorted(map(tuple, np.asarray(c.coords).tolist())) for c in got] == [[(8.0, 0.0), (12.0, 0.0)]]
