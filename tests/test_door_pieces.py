"""A door swing drawn in pieces (three 30° splines, as some exports write a quarter circle)
is one swing: the threshold runs from the hinge to the swing's closed end, across the opening,
not to the end of one piece (which left the room of roomsize/simple open)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from osmark_plan.reader.doors import chord_of


def _piece(c, r, a0, a1):
    rad0, rad1 = math.radians(a0), math.radians(a1)
    return (np.array(c, float), np.array([c[0] + r * math.cos(rad0), c[1] + r * math.sin(rad0)]),
            np.array([c[0] + r * math.cos(rad1), c[1] + r * math.sin(rad1)]), r)


@pytest.mark.parametrize("order", [(0, 1, 2), (2, 0, 1), (1, 2, 0)])
def test_swing_in_three_pieces_gives_the_whole_threshold(order) -> None:
    hinge, r = (-0.462, 0.048), 0.926
    pieces = [_piece(hinge, r, 0, 30), _piece(hinge, r, 30, 60), _piece(hinge, r, 60, 90)]
    leaf = [np.array([[-0.462, 0.048], [-0.462, 0.048 + r]])]  # open leaf, at 90°
    chord, style = chord_of([pieces[k] for k in order], leaf, leaf)
    assert style == "swing"
    ends = sorted(map(tuple, np.round(chord, 3)))
    assert ends == sorted([(-0.462, 0.048), (round(-0.462 + r, 3), 0.048)])


def test_one_piece_swing_unchanged() -> None:
    hinge, r = (0.0, 0.0), 0.9
    chord, style = chord_of([_piece(hinge, r, 0, 90)], [np.array([[0, 0], [0, 0.9]])], [])
    assert style == "swing"
    assert np.allclose(sorted(map(tuple, chord)), sorted([(0, 0), (0.9, 0)]))


def test_two_leaves_of_a_double_door_stay_two_hinges() -> None:
    left, right = _piece((0, 0), 0.8, 0, 90), _piece((1.6, 0), 0.8, 90, 180)
    chord, style = chord_of([left, right], [], [])
    assert style == "double"
    assert np.allclose(sorted(map(tuple, chord)), [(0, 0), (1.6, 0)])
