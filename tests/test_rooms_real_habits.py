"""Drawing habits of real as-is drawings (tests/rooms_real_habits/make_habits.py, drawn from a
description of each habit): rooms, names, numbers, doors and findings expected by hand; and
the pieces behind them (which texts name rooms, doorway chords, wall bodies, simplification)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
from drawing_sets import draw_set
from shapely.geometry import LineString, Point

from osmark_plan.geometry.enclosure import wall_caps
from osmark_plan.geometry.linework import simplify_lines
from osmark_plan.geometry.room_names import usable_labels
from osmark_plan.geometry.wall_ends import doorways
from osmark_plan.model import Label, LayerInfo, Line, Source
from osmark_plan.room_words import read_label

HERE = Path(__file__).resolve().parent / "rooms_real_habits"
NAMES = sorted(p.name[: -len(".expected.json")] for p in HERE.glob("*.expected.json"))


@pytest.fixture(scope="module")
def drawings(tmp_path_factory) -> Path:
    return draw_set(HERE / "make_habits.py", tmp_path_factory.mktemp("habits"))


@pytest.mark.parametrize("name", NAMES)
def test_habit_drawing(drawings: Path, name: str) -> None:
    from osmark_plan.api import check
    from osmark_plan.config import load_for
    from osmark_plan.model import OUTSIDE

    expected = json.loads((HERE / f"{name}.expected.json").read_text(encoding="utf-8"))
    path = drawings / name / f"{name}.dxf"
    report = check(path, load_for(path))
    site = report.site
    rooms = [r for r in site.regions if r.zone is not None]
    assert {r.name: r.level for r in rooms} == expected["rooms"]
    assert {r.name: r.zone.number for r in rooms if r.zone.number} == expected["numbers"]
    for room, area in expected.get("areas", {}).items():
        assert next(r.area for r in rooms if r.name == room) == pytest.approx(area, abs=0.05)

    def side(node: str) -> str:
        return "OUTSIDE" if node == OUTSIDE else site.name_of(node)

    pairs = Counter(tuple(sorted((side(k.a), side(k.b)))) for k in site.links)
    assert pairs == Counter(tuple(sorted(p)) for p in expected["doors"])
    repairs = [r.what for r in site.plan.repairs]
    assert repairs.count("room split at a doorway drawn as a gap") == expected["splits"]
    assert ("line work simplified" in repairs) == expected.get("simplified", False)
    assert Counter(f.rule for f in report.findings) == Counter(expected["findings"])


@pytest.mark.parametrize("lines, name, number", [
    (["会議室"], "会議室", None),
    (["会議室", "25.0 m2"], "会議室", None),
    (["101", "会議室"], "会議室", "101"),
    (["G03", "倉庫", "12.5㎡"], "倉庫", "G03"),
    (["WC02"], None, "WC02"),
    (["1002"], None, "1002"),
    (["B1-12"], None, "B1-12"),
    (["D12"], None, None),           # a door tag, not a room number
    (["SD-3"], None, None),
    (["25 m2"], None, None),
    (["25㎡"], None, None),
    (["4'1'' x 8'0''"], None, None),
    (["3,600×2,700"], None, None),
    (["6畳"], None, None),
    (["CH=2700"], None, None),
    (["上"], None, None),            # stair arrows
    (["下"], None, None),
    (["DN"], None, None),
    (["山田"], None, None),          # persons' names
    (["田中 太郎"], None, None),
    (["佐藤様"], None, None),
    (["John Smith"], None, None),
    (["Board Room"], "Board Room", None),
    (["Factory", "hall"], "Factory hall", None),
    (["役員室", "(社長)"], "役員室", None),
    (["サーバー室 L3"], "サーバー室", None),
    (["L3"], None, None),
    (["number=1 radius=0.2"], None, None),
    (["Drawing not true to scale! Measurements in [m]"], None, None),
    (["ｸﾛｰｾﾞｯﾄ"], "ｸﾛｰｾﾞｯﾄ", None),
])
def test_label_reading(lines, name, number):
    reading = read_label(lines)
    assert (reading.name, reading.number) == (name, number)


def _label(text, layer, kind, block=None):
    return Label(text, Point(0, 0), kind, Source(layer, None, block))


def test_usable_labels_label_layers_first_never_hidden_or_ignored_or_in_blocks():
    layers = {"ROOM-NAME": LayerInfo("ROOM-NAME", "label"), "OLD": LayerInfo("OLD", "label", off=True),
              "FROZEN": LayerInfo("FROZEN", "label", frozen=True), "WALL": LayerInfo("WALL", "wall"),
              "NOTES": LayerInfo("NOTES", "ignored")}
    on_label = _label("会議室", "ROOM-NAME", "label")
    tag = _label("101", "ROOM-NAME", "label", block="ROOMTAG")  # a room tag block on a label layer
    hidden = [_label("旧倉庫", "OLD", "label"), _label("旧書庫", "FROZEN", "label")]
    wall = _label("廊下", "WALL", "wall")
    note = _label("倉庫", "NOTES", "ignored")
    symbol = _label("消火器", "WALL", "wall", block="EXTINGUISHER")
    assert usable_labels((on_label, tag, *hidden, wall, note, symbol), layers) == [on_label, tag]
    # no label layer in use: other mapped layers, never ignored ones, never texts in blocks
    assert usable_labels((*hidden, wall, note, symbol), layers) == [wall]


def test_doorway_chords_only_between_collinear_jambs():
    # a doorway: two collinear wall ends 0.9 m apart
    walls = np.array([LineString([(0, 0), (3, 0)]), LineString([(3.9, 0), (7, 0)])], dtype=object)
    assert len(doorways(walls, walls, np.empty(0, dtype=object))) == 1
    # unrelated wall ends 2 m apart, 0.3 m out of line (within 10 degrees): no slanted chord
    walls = np.array([LineString([(0, 0), (3, 0)]), LineString([(5.0, 0.3), (8, 0.3)])], dtype=object)
    assert doorways(walls, walls, np.empty(0, dtype=object)) == []


def test_wall_bodies_only_between_nearest_faces():
    # a hatch of 50 parallel strokes 0.1 m apart: caps only between neighbours
    starts = np.array([[0.0, 0.1 * k] for k in range(50)])
    ends = starts + [2.0, 0.0]
    a, _b = wall_caps(starts, ends)
    assert len(a) == 2 * 49
    # a double-line wall 0.15 m thick: one body, two caps
    a, b = wall_caps(np.array([[0.0, 0.0], [0.0, 0.15]]), np.array([[4.0, 0.0], [4.0, 0.15]]))
    assert len(a) == 2 and np.allclose(np.hypot(*(b - a).T), 0.15)


def test_simplify_merges_exploded_curves_and_drops_specks():
    src = Source("WALL")
    wall = Line("wall", LineString([(0, 0), (5, 0)]), src)
    # a curve exploded into 2,000 LINEs of 1 mm, and a 3 mm speck
    xs = np.linspace(0, 2, 2001)
    pieces = [Line("wall", LineString([(x0, 1 + 0.0002 * (k % 2)), (x1, 1 + 0.0002 * ((k + 1) % 2))]), src)
              for k, (x0, x1) in enumerate(zip(xs, xs[1:]))]
    speck = Line("wall", LineString([(3, 3), (3.003, 3)]), src)
    lines, repair = simplify_lines((wall, *pieces, speck))
    assert repair is not None and repair.what == "line work simplified"
    lengths = sorted(round(ln.geom.length, 2) for ln in lines)
    assert lengths == [2.0, 5.0]
    assert max(len(ln.geom.coords) for ln in lines) <= 3
