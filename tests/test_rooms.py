"""Rooms from walls: faces of the wall line work become zones when no zone polygons are drawn."""

import time

from shapely.geometry import LineString, Point

from osmark_plan.api import build, check_plan
from osmark_plan.config import from_mapping
from osmark_plan.geometry.rooms import ROOMS_LAYER, find_rooms, with_rooms
from osmark_plan.model import Door, Label, Line, Plan, Source


def seg(kind, *pts):
    return [Line(kind, LineString([a, b]), Source(kind.upper(), f"H{i}")) for i, (a, b) in enumerate(zip(pts, pts[1:]))]


def label(text, x, y, kind="label"):
    return Label(text, Point(x, y), kind, Source("ROOM-NAME"))


def door(i, a, b):
    chord = LineString([a, b])
    return Door(f"D{i}", chord, chord.length, Source("DOOR"))


def two_rooms(gap_door=True):
    """A 10 x 5 box split at x=5; the split wall has a 0.9 m opening at y 2..2.9."""
    lines = seg("wall", (0, 0), (10, 0), (10, 5), (0, 5), (0, 0))
    lines += seg("wall", (5, 0), (5, 2)) + seg("wall", (5, 2.9), (5, 5))
    doors = (door(1, (5, 2), (5, 2.9)),) if gap_door else ()
    labels = (label("執務室", 2, 2), label("サーバー室", 7, 2))
    return Plan(path="t.dxf", lines=tuple(lines), doors=doors, labels=labels)


def test_two_rooms_named_and_levelled_from_the_table():
    cfg = from_mapping({"zones": {"サーバー室": 3}})
    plan = with_rooms(two_rooms(), cfg)
    assert plan.rooms_from == "walls"
    rooms = {z.name: z for z in plan.zones}
    assert set(rooms) == {"執務室", "サーバー室"}
    assert rooms["サーバー室"].level == 3 and rooms["サーバー室"].level_from == "table"
    assert rooms["執務室"].level == 0 and rooms["執務室"].level_from == "assumed-open"
    assert rooms["執務室"].source.layer == ROOMS_LAYER
    assert round(rooms["サーバー室"].polygon.area, 6) == 25.0
    site = build(plan, cfg)
    d1 = next(link for link in site.links if link.id == "D1")
    assert {site.name_of(d1.a), site.name_of(d1.b)} == {"執務室", "サーバー室"}


def test_glob_pattern_and_star_for_unnamed_rooms():
    cfg = from_mapping({"zones": {"サーバ*": 2, "*": 1}})
    plan = with_rooms(two_rooms(), cfg)
    levels = {z.name: (z.level, z.level_from) for z in plan.zones}
    assert levels == {"サーバー室": (2, "table"), "執務室": (1, "table")}


def test_level_word_in_a_label_wins():
    base = two_rooms()
    plan = Plan(path="t.dxf", lines=base.lines, doors=base.doors,
                labels=base.labels + (label("L2", 2, 3),))
    room = next(z for z in with_rooms(plan, from_mapping({})).zones if z.name == "執務室")
    assert (room.level, room.level_from) == (2, "label")


def test_doorless_doorway_is_an_opening_and_enc001_reports_it():
    cfg = from_mapping({"zones": {"サーバー室": 1}})
    plan = with_rooms(two_rooms(gap_door=False), cfg)
    assert len(plan.openings) == 1
    assert round(plan.openings[0].length, 6) == 0.9
    site = build(plan, cfg)
    passages = [link for link in site.links if link.door is None]
    assert len(passages) == 1
    assert {site.name_of(passages[0].a), site.name_of(passages[0].b)} == {"執務室", "サーバー室"}
    report = check_plan(plan, cfg)
    enc = [f for f in report.findings if f.rule == "ENC001"]
    assert len(enc) == 1 and "サーバー室" in enc[0].text("ja")


def test_double_line_walls_leave_no_wall_core_faces():
    lines = []
    for off in (0.0, 0.15):  # outer and inner face of a 0.15 m wall around a 6 x 4 room pair
        lines += seg("wall", (-off, -off), (6 + off, -off), (6 + off, 4 + off), (-off, 4 + off), (-off, -off))
    lines += seg("wall", (2.9, 0), (2.9, 1)) + seg("wall", (3.1, 0), (3.1, 1))
    lines += seg("wall", (2.9, 1.9), (2.9, 4)) + seg("wall", (3.1, 1.9), (3.1, 4))
    lines += seg("wall", (2.9, 1), (3.1, 1)) + seg("wall", (2.9, 1.9), (3.1, 1.9))  # jamb caps
    plan = Plan(path="t.dxf", lines=tuple(lines), doors=(door(1, (2.9, 1), (2.9, 1.9)),))
    rooms = find_rooms(plan)
    areas = sorted(round(z.polygon.area, 3) for z in rooms.zones)
    assert areas == [11.6, 11.78]  # 2.9 x 4 and 2.9 x 4 plus the doorway recess 0.2 x 0.9
    assert rooms.faces > len(rooms.zones)  # the thin wall faces were dropped
    assert rooms.doorways == ()  # the gap on the far face belongs to the door


def test_hairline_gap_is_bridged_and_reported_a_wide_gap_is_not():
    lines = seg("wall", (0, 0), (4, 0), (4, 3), (0, 3), (0, 0.03))  # 3 cm short of closing
    rooms = find_rooms(Plan(path="t.dxf", lines=tuple(lines)), snap_tolerance=0.05)
    assert len(rooms.zones) == 1 and round(rooms.zones[0].polygon.area, 3) == 12.0
    bridges = [r for r in rooms.repairs if r.what == "bridged wall gap"]
    assert len(bridges) == 1 and bridges[0].gap_m == 0.03 and bridges[0].at == (0.0, 0.015)
    lines = seg("wall", (0, 0), (4, 0), (4, 3), (0, 3), (0, 0.3))
    assert find_rooms(Plan(path="t.dxf", lines=tuple(lines)), snap_tolerance=0.05).zones == ()


def test_furniture_island_is_filled_a_labelled_inner_room_is_kept():
    box_lines = seg("wall", (0, 0), (10, 0), (10, 8), (0, 8), (0, 0))
    desk = seg("wall", (2, 2), (4, 2), (4, 3), (2, 3), (2, 2))
    inner = seg("wall", (6, 5), (9, 5), (9, 7), (6, 7), (6, 5))
    plan = Plan(path="t.dxf", lines=tuple(box_lines + desk + inner),
                labels=(label("会議室", 7.5, 6), label("執務室", 1, 1)))
    zones = {z.name: z for z in find_rooms(plan).zones}
    assert set(zones) == {"会議室", "執務室"}
    assert round(zones["執務室"].polygon.area, 6) == 80 - 6  # the desk filled, the meeting room cut out
    assert zones["会議室"].polygon.area == 6


def test_labels_that_are_not_names_do_not_name_rooms():
    base = two_rooms()
    plan = Plan(path="t.dxf", lines=base.lines, doors=base.doors,
                labels=(label("3,700", 2, 2, "wall"), label("D12", 2, 1, "wall"), label("倉庫", 7, 2, "wall")))
    names = sorted(z.name or "-" for z in find_rooms(plan).zones)
    assert names == ["-", "倉庫"]


def test_drawn_zones_are_left_alone():
    from tests.plans import office

    plan = office()
    done = with_rooms(plan, from_mapping({}))
    assert done.zones is plan.zones and done.lines is plan.lines and done.openings == ()
    assert done.rooms_built and not plan.rooms_built


def test_many_rooms_are_found_quickly():
    n = 40  # a 40 x 40 grid of 3 m cells: 1600 rooms, 3280 wall lines
    lines = []
    for k in range(n + 1):
        xs = [(3 * j, 3 * k) for j in range(n + 1)]
        lines += seg("wall", *xs) + seg("wall", *[(y, x) for x, y in xs])
    assert len(lines) == 2 * n * (n + 1)
    plan = Plan(path="t.dxf", lines=tuple(lines))
    t0 = time.perf_counter()
    rooms = find_rooms(plan)
    assert len(rooms.zones) == n * n
    assert time.perf_counter() - t0 < 20
