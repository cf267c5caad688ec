"""The ray test for output devices surrounded by low partitions (geometry/enclosed.py)."""

from __future__ import annotations

from osmark_plan.geometry.enclosed import enclosed

from plans import segments


def square(kind, x0, y0, x1, y1):
    return segments(kind, [(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)])


def test_partition_square_encloses_the_points_inside_it_only():
    lines = square("partition", -1, -1, 1, 1)
    assert enclosed([(0, 0), (0.5, -0.5), (10, 10), (1.5, 0)], lines).tolist() == [True, True, False, False]


def test_three_sides_with_a_way_in_still_count_but_two_do_not():
    lines = square("partition", -1, -1, 1, 1)
    three = lines[:3]  # south, east, north: open to the west
    assert enclosed([(0, 0)], three).tolist() == [True]
    assert enclosed([(0, 0)], lines[:2]).tolist() == [False]


def test_walls_alone_do_not_enclose_but_complete_a_partition_enclosure():
    walls = square("wall", -1, -1, 1, 1)
    assert enclosed([(0, 0)], walls).tolist() == [False]
    mixed = walls[:3] + square("partition", -1, -1, 1, 1)[3:]
    assert enclosed([(0, 0)], mixed).tolist() == [True]


def test_radius_and_coverage_options():
    lines = square("partition", -3, -3, 3, 3)
    assert enclosed([(0, 0)], lines, radius=2.5).tolist() == [False]
    assert enclosed([(0, 0)], lines, radius=4.5).tolist() == [True]
    three = square("partition", -1, -1, 1, 1)[:3]
    assert enclosed([(0, 0)], three, coverage=0.9).tolist() == [False]


def test_empty_inputs():
    assert enclosed([], square("partition", 0, 0, 1, 1)).tolist() == []
    assert enclosed([(0, 0)], []).tolist() == [False]
