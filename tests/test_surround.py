"""The geometry behind EQP001/EQP002: the space round a device (faces of the line work) and
the walking distance from a doorway (geometry/surround.py, geometry/walking.py)."""

from __future__ import annotations

import time
from dataclasses import replace

import pytest
from shapely.geometry import LineString, box

from osmark_plan.geometry.build import build_site
from osmark_plan.geometry.surround import surroundings
from osmark_plan.geometry.walking import walking_distances

from plans import door, office, segments
from rule_cases import copy_room, corridor_with_stub, panel_ring, panels_around, printer_behind_wall


def space(plan, point, gap=0.9):
    return surroundings(build_site(plan), [point], gap)[0]


@pytest.mark.parametrize("lines, point, reason, closed_by", [
    # a closed ring of partitions in the lobby, 2.6 m and 5.4 m across
    (panels_around(1.2, 7.2, 3.8, 9.8), (2.5, 8.5), None, ("partition",)),
    (panel_ring(0.9), (3.0, 6.5), None, ("partition",)),
    # one doorway-wide gap is a way in; a wider one leaves the lobby round it
    (panel_ring(1.2), (3.0, 6.5), "entrance", ("wall", "door")),
    (panel_ring(0.8, second_gap=True), (3.0, 6.5), "passage", ("partition",)),
    # nothing drawn round the point: the lobby itself, with the entrance D1
    ([], (2.5, 8.5), "entrance", ("wall", "door")),
])
def test_space_round_a_point_in_the_lobby(lines, point, reason, closed_by):
    plan = replace(office(), lines=office().lines + tuple(lines))
    found = space(plan, point)
    assert found.reason == reason
    assert found.closed_by == closed_by
    assert found.face is not None


def test_walled_copy_room_is_enclosed_by_walls_and_its_door():
    found = space(copy_room(), (1.0, 10.5))
    assert found.enclosed and found.doors == ("D7",) and found.gaps == ()
    assert set(found.closed_by) == {"wall", "door"}
    assert found.face.area == pytest.approx(9.0, abs=0.1)
    two = space(copy_room(doors=2), (1.0, 10.5))
    assert two.reason == "passage" and two.doors == ("D7", "D8")


def test_stub_beside_a_corridor_encloses_nothing():
    found = space(corridor_with_stub(), (0.8, 9.85))
    assert found.reason == "entrance" and found.entrances == ("D1",)
    assert found.face.area > 60  # the whole lobby, corridor included


def test_outside_with_nothing_round_it_is_not_closed():
    found = space(office(), (25.0, 5.0))
    assert found.reason == "not-closed" and found.face is None


def test_gap_option_decides_what_a_doorway_is():
    plan = replace(office(), lines=office().lines + tuple(panel_ring(1.2)))
    assert space(plan, (3.0, 6.5), gap=0.9).reason == "entrance"
    wide = space(plan, (3.0, 6.5), gap=1.3)
    assert wide.enclosed and wide.gaps == (1.2,)


def test_face_running_into_another_region_leaks():
    # the lobby's wall to 執務室 (x = 6) broken over 3 m: the space round the point runs on
    plan = office()
    lines = [ln for ln in plan.lines if not ln.geom.equals(LineString([(6, 5), (6, 12)]))]
    lines += segments("wall", [(6, 9), (6, 12)])
    lines += segments("partition", [(0.5, 7.5), (3.0, 7.5), (3.0, 10.5), (0.5, 10.5), (0.5, 7.5)])
    found = space(replace(plan, lines=tuple(lines)), (1.5, 9.0))
    assert found.enclosed  # the partition ring itself, inside the lobby


def test_walking_distance_in_sight_is_the_straight_line():
    plan = office()
    walks = walking_distances(plan, [door("D1", (2, 0), (3, 0)).chord], [box(4, 0.5, 4.5, 1)], 3.0)
    assert walks[0, 0] == pytest.approx(1.118, abs=1e-3)


def test_walking_distance_goes_round_a_partition():
    # a partition between the entrance and the device: 2.0 m straight, about 2.4 m walking
    plan = replace(office(), lines=office().lines + tuple(segments("partition", [(1.5, 1.5), (3.5, 1.5)])))
    target = box(2.2, 2.0, 2.8, 2.5)
    walk = walking_distances(plan, [LineString([(2, 0), (3, 0)])], [target], 3.0)[0, 0]
    assert 2.3 <= walk <= 2.6
    longer = replace(office(), lines=office().lines + tuple(segments("partition", [(0.0, 1.5), (4.5, 1.5)])))
    assert walking_distances(longer, [LineString([(2, 0), (3, 0)])], [target], 3.0)[0, 0] == float("inf")


def test_device_behind_a_wall_is_far_by_walking():
    plan = printer_behind_wall()
    d5 = next(d for d in plan.doors if d.id == "D5")
    device = plan.devices[0].polygon
    assert device.distance(d5.chord) == pytest.approx(1.02, abs=0.01)
    assert walking_distances(plan, [d5.chord], [device], 3.0)[0, 0] == float("inf")
    assert walking_distances(plan, [d5.chord], [device], 12.0)[0, 0] > 6.0


def test_many_devices_are_checked_in_one_pass():
    # 400 devices in a 40 m x 40 m open hall with 400 partition booths: seconds, not minutes
    lines, points = [], []
    for i in range(20):
        for j in range(20):
            x, y = 1 + 2 * i, 1 + 2 * j
            lines += panels_around(x - 0.8, y - 0.8, x + 0.8, y + 0.8)
            points.append((x, y))
    walls = segments("wall", [(0, 0), (41, 0), (41, 41), (0, 41), (0, 0)])
    from osmark_plan.model import Area, Plan, Source

    plan = Plan(path="hall.dxf", lines=tuple(walls + lines),
                areas=(Area("A1", box(0, 0, 41, 41), Source("APPLICATION-AREA")),))
    site = build_site(plan)
    start = time.perf_counter()
    found = surroundings(site, points, 0.9)
    assert time.perf_counter() - start < 20
    assert all(f.enclosed for f in found)
