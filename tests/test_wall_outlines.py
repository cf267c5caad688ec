"""Walls drawn as closed outlines (every wall its body, as simulation and BIM exports draw them):
doorways between outline ends are found like those between line ends, and the wall mass drawn
as one outline is never a room."""

from __future__ import annotations

from shapely.geometry import LineString, box

from osmark_plan.geometry.rooms import find_rooms
from osmark_plan.geometry.wall_bodies import body_ends
from osmark_plan.model import Label, Line, Plan, Source
from shapely.geometry import Point


def outline(*rect: float) -> Line:
    return Line("wall", LineString(box(*rect).exterior.coords), Source("WALL"))


def room_areas(plan: Plan) -> list[float]:
    return sorted(round(z.polygon.area, 1) for z in find_rooms(plan).zones)


def corridor_with_offices(gap: float) -> Plan:
    """A 20 m x 10 m floor of 0.2 m wall outlines: a corridor (y 0..3) and two offices above
    (y 3.2..10), the office front wall broken by a doorway ``gap`` m wide in each office."""
    t = 0.2
    walls = [outline(0, -t, 20, 0), outline(0, 10, 20, 10 + t), outline(-t, -t, 0, 10 + t),
             outline(20, -t, 20 + t, 10 + t), outline(10, 3.2, 10 + t, 10)]
    # front wall y 3..3.2, in pieces with a doorway in each office
    for x0, x1 in ((0, 4), (4 + gap, 14), (14 + gap, 20)):
        walls.append(outline(x0, 3, x1, 3.2))
    return Plan(path="outlines.dxf", lines=tuple(walls))


def test_doorways_between_outline_ends_close_the_offices() -> None:
    plan = corridor_with_offices(1.0)
    rooms = find_rooms(plan)
    assert len(rooms.doorways) == 2  # one chord per doorway, an opening in the access graph
    # corridor 20 x 3 and the offices 10 x 6.8 and 9.8 x 6.8, each with half the doorway depth
    assert room_areas(plan) == [60.2, 66.7, 68.1]


def test_too_wide_a_gap_is_no_doorway() -> None:
    plan = corridor_with_offices(3.5)
    assert len(find_rooms(plan).doorways) == 0
    assert len(room_areas(plan)) == 1  # offices and corridor are one space


def test_cap_ends_of_thin_outlines() -> None:
    lines = [outline(0, 0, 5, 0.2), outline(0, 0, 5, 5)]  # a wall piece and a square (no caps)
    from numpy import array
    pts, dirs, owner, width = body_ends(lines, array([ln.geom for ln in lines], dtype=object))
    got = sorted((round(p[0], 2), round(p[1], 2), round(d[0]), round(d[1])) for p, d in zip(pts, dirs))
    assert got == [(0.0, 0.1, -1, 0), (5.0, 0.1, 1, 0)]
    assert set(owner.tolist()) == {0} and all(abs(w - 0.2) < 1e-9 for w in width)


def test_wall_network_drawn_as_one_outline_is_not_a_room() -> None:
    """One closed outline for the whole wall mass (façade and cross walls, 0.3 m), its holes
    the offices: the holes are the rooms, the band is wall."""
    outer = box(0, 0, 20.6, 6.6)
    holes = [box(0.3, 0.3, 10.15, 6.3), box(10.45, 0.3, 20.3, 6.3)]
    band = outer.difference(holes[0]).difference(holes[1])
    lines = [Line("wall", LineString(band.exterior.coords), Source("WALL"))]
    lines += [Line("wall", LineString(h.coords), Source("WALL")) for h in band.interiors]
    plan = Plan(path="band.dxf", lines=tuple(lines))
    assert room_areas(plan) == [round(9.85 * 6.0, 1)] * 2


def test_a_named_narrow_space_stays_a_room() -> None:
    """A 0.45 m wide space is wall mass unless a name lies in it (a labelled duct is kept)."""
    walls = [outline(0, 0, 6, 0.1), outline(0, 0.55, 6, 0.65), outline(-0.1, 0, 0, 0.65), outline(6, 0, 6.1, 0.65)]
    plan = Plan(path="duct.dxf", lines=tuple(walls))
    assert room_areas(plan) == []
    named = Plan(path="duct.dxf", lines=tuple(walls), labels=(Label("PS", Point(3, 0.3), "label", Source("NAME")),))
    assert room_areas(named) == [2.7]


def test_cross_walls_meeting_a_wall_drawn_room_by_room_do_not_seal_the_corridor() -> None:
    """Two rows of rooms along a 2 m corridor, each room's front wall its own line (so the
    dividing walls meet line ends, not a line's run): the dividing walls facing each other across
    the corridor are junctions, not the jambs of a doorway; the corridor stays one room."""
    def line(*pts: tuple[float, float]) -> Line:
        return Line("wall", LineString(pts), Source("WALL"))

    walls = [line((0, 0), (24, 0)), line((0, 12), (24, 12)), line((0, 0), (0, 12)), line((24, 0), (24, 12))]
    for x0 in (0, 8, 16):
        walls += [line((x0, 5), (x0 + 8, 5)), line((x0, 7), (x0 + 8, 7))]  # front walls, room by room
    for x in (8, 16):
        walls += [line((x, 0), (x, 5)), line((x, 7), (x, 12))]  # dividing walls
    rooms = find_rooms(Plan(path="rows.dxf", lines=tuple(walls)))
    assert rooms.doorways == ()
    assert sorted(round(z.polygon.area) for z in rooms.zones) == [40] * 6 + [48]


def test_an_outline_wall_stopping_short_of_the_wall_it_meets_is_joined_to_it() -> None:
    """A cross wall drawn as a 0.2 m outline stops 0.25 m short of the façade: the two rooms
    either side of it are still two rooms, and the join is a repair."""
    t = 0.2
    walls = [outline(0, -t, 12, 0), outline(0, 8, 12, 8 + t), outline(-t, -t, 0, 8 + t), outline(12, -t, 12 + t, 8 + t),
             outline(6, 0.25, 6 + t, 8)]
    rooms = find_rooms(Plan(path="short.dxf", lines=tuple(walls)))
    assert len(rooms.zones) == 2
    assert any(r.what == "bridged wall gaps" and "outlines" in r.detail for r in rooms.repairs)


def test_a_doorway_beside_the_corners_of_two_l_shaped_outline_walls() -> None:
    """The wall between an office and a corridor is two L-shaped outlines turning away at a
    1 m doorway (no free end, no cap at the gap): their square corners facing each other on the
    wall's line are its jambs; office and corridor are two rooms joined by an opening."""
    def ring(*pts: tuple[float, float]) -> Line:
        return Line("wall", LineString(list(pts) + [pts[0]]), Source("WALL"))

    walls = [outline(0, -0.2, 12, 0), outline(0, 8, 12, 8.2), outline(-0.2, -0.2, 0, 8.2), outline(12, -0.2, 12.2, 8.2),
             # the corridor wall at x 6..6.2, broken at y 3..4; each piece turns east at the gap
             ring((6, 0), (6.2, 0), (6.2, 2.8), (8, 2.8), (8, 3), (6, 3)),
             ring((6, 4), (8, 4), (8, 4.2), (6.2, 4.2), (6.2, 8), (6, 8))]
    rooms = find_rooms(Plan(path="l.dxf", lines=tuple(walls)))
    assert len(rooms.doorways) == 1
    (chord,) = rooms.doorways
    assert sorted(round(c, 2) for c in chord.bounds) == [3.0, 4.0, 6.0, 6.0]
    assert len(rooms.zones) == 2
