"""Doors of every drawing habit (tests/doors_habits/, drawn by make_doors.py): swings as bulged
polylines, short segments, polyline vertices and splines, partly open doors, door blocks on the
wall layer, sliding doors of two offset leaves, leaves drawn as rectangles, and a layer holding
doors and windows. Each must give the two rooms, the door between them and the entrance, as
written by hand in expected.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from osmark_plan.api import check_plan, load
from osmark_plan.config import load_file

HERE = Path(__file__).resolve().parent / "doors_habits"
EXPECTED = json.loads((HERE / "expected.json").read_text(encoding="utf-8"))
HABITS = sorted(k for k in EXPECTED if not k.startswith("_") and k != "default")


def test_every_drawing_has_an_expectation_and_is_up_to_date(tmp_path):
    import sys

    sys.path.insert(0, str(HERE))
    try:
        import make_doors
    finally:
        sys.path.remove(str(HERE))
    assert sorted(make_doors.HABITS) == HABITS
    for path in make_doors.make(tmp_path):
        import ezdxf

        fresh = sorted((e.dxftype(), e.dxf.layer) for e in ezdxf.readfile(path).modelspace())
        kept = sorted((e.dxftype(), e.dxf.layer) for e in ezdxf.readfile(HERE / path.name).modelspace())
        assert fresh == kept, path.name


@pytest.mark.parametrize("habit", HABITS)
def test_door_habit(habit):
    want = EXPECTED[habit]
    want = EXPECTED[want] if isinstance(want, str) else want
    config = load_file(HERE / "osmark.toml")
    plan = load(HERE / f"{habit}.dxf", config)
    site = check_plan(plan, config).site
    assert sorted(z.name for z in plan.zones) == want["rooms"]
    links = sorted(sorted([site.name_of(l.a), site.name_of(l.b)]) + ["door" if l.door is not None else "opening"]
                   for l in site.links)
    assert links == want["links"]
    assert sorted(round(d.width, 2) for d in plan.doors) == want["door_widths_m"]


def test_glazing_on_the_opening_layer_becomes_window_line_work():
    config = load_file(HERE / "osmark.toml")
    plan = load(HERE / "opening_layer.dxf", config)
    windows = plan.lines_of("window")
    assert len(windows) == 3 and all(round(w.geom.length, 2) == 2.0 for w in windows)
    assert all(w.source.layer == "A-OPENING" for w in windows)
