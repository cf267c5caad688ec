"""`osmark layers --suggest-config` on drawings named in other cultures' habits: Chinese
(墙体, 门, 窗, WALL-墙), UK (A-Wall, Walls_External, WALLS), US (A-WALL, A-DOOR, A-GLAZ), walls on
layer "0"; layers of door tags, size tags or grid bubbles are never label layers, and a drawing
title is never offered as a room."""

from __future__ import annotations

import subprocess
import sys
import tomllib

import ezdxf
import pytest


def osmark(*args):
    return subprocess.run([sys.executable, "-m", "osmark_plan", *map(str, args)], capture_output=True, text=True)


def _drawing(path, wall, door, window, label, rooms, extra=None):
    """A 12 m x 8 m floor in mm: double-line walls (150 mm) on ``wall``, a middle wall with a
    door swing on ``door``, glazing on ``window``, room names on ``label``; ``extra`` maps
    further layers to the texts they hold (placed outside the rooms)."""
    doc = ezdxf.new("R2010")
    doc.header["$INSUNITS"] = 4
    msp = doc.modelspace()
    for off in (0, 150):
        pts = [(-off, -off), (12000 + off, -off), (12000 + off, 8000 + off), (-off, 8000 + off)]
        for a, b in zip(pts, pts[1:] + pts[:1]):
            msp.add_line(a, b, dxfattribs={"layer": wall})
    for x in (6000, 6150):
        msp.add_line((x, 0), (x, 3000), dxfattribs={"layer": wall})
        msp.add_line((x, 3900), (x, 8000), dxfattribs={"layer": wall})
    for y in (4000, 4150):  # a cross wall in the east room with its own door
        msp.add_line((6150, y), (9000, y), dxfattribs={"layer": wall})
        msp.add_line((9900, y), (12000, y), dxfattribs={"layer": wall})
    msp.add_arc((6150, 3000), 900, 0, 90, dxfattribs={"layer": door})
    msp.add_line((6150, 3000), (7050, 3000), dxfattribs={"layer": door})
    msp.add_arc((9000, 4150), 900, 0, 90, dxfattribs={"layer": door})
    msp.add_line((9000, 4150), (9000, 5050), dxfattribs={"layer": door})
    for dx in (0, 75, 150):
        msp.add_line((3000, -dx), (5000, -dx), dxfattribs={"layer": window})
    for text, xy in zip(rooms, [(2500, 4000), (8000, 2000), (8000, 6000)]):
        msp.add_text(text, dxfattribs={"layer": label, "height": 300, "insert": xy})
    for layer, texts in (extra or {}).items():
        for k, text in enumerate(texts):
            msp.add_text(text, dxfattribs={"layer": layer, "height": 250, "insert": (-2000 - 600 * k, -1500)})
    doc.saveas(path)
    return path


def _suggest(path):
    result = osmark("layers", path, "--suggest-config", "--lang", "en")
    assert result.returncode == 0, result.stderr
    return result.stdout, tomllib.loads(result.stdout)


CASES = {
    "chinese": dict(wall="墙体", door="门", window="窗", label="文字", rooms=["办公室", "会议室", "机房"],
                    extra={"轴线": ["1", "2", "A", "B"], "门窗编号": ["M1", "C1821"]}),
    "chinese_mixed": dict(wall="WALL-墙", door="DOOR-门", window="WINDOW-窗", label="房间名称",
                          rooms=["办公室", "会议室", "机房"]),
    "uk": dict(wall="Walls_External", door="Doors", window="Windows", label="Text",
               rooms=["Office", "Meeting Room", "Store"], extra={"Tags": ["D1", "D2", "910x2000", "W01"]}),
    "uk_quoted": dict(wall="WALLS", door="DOORS", window="GLAZING", label="Room Names",
                      rooms=["Office", "Kitchen", "WC"]),
    "uk_mixed_case": dict(wall="A-Wall", door="A-Door", window="A-Window", label="A-Room",
                          rooms=["Office", "Kitchen", "Plant Room"]),
    "us": dict(wall="A-WALL", door="A-DOOR", window="A-GLAZ", label="A-ANNO-TEXT",
               rooms=["OFFICE", "CONFERENCE", "SERVER"], extra={"A-GRID-IDEN": ["X1", "Y3", "A", "1"],
                                                                "A-DOOR-IDEN": ["101A", "101B"]}),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_layer_names_of_each_culture(tmp_path, name):
    case = CASES[name]
    out, data = _suggest(_drawing(tmp_path / f"{name}.dxf", **case))
    layers = data["layers"]
    assert layers["wall"] == f"^({case['wall']})$"
    assert case["door"] in layers["door"]
    assert layers["window"] == f"^({case['window']})$"
    assert case["label"] in layers.get("label", "")
    for other in (case.get("extra") or {}):
        assert other not in layers.get("label", ""), f"{other} holds no room names"
    for room in case["rooms"]:
        assert f'# "{room}" = 1' in out


def test_walls_on_layer_0_are_proposed_even_beside_a_wall_named_layer(tmp_path):
    path = _drawing(tmp_path / "zero.dxf", wall="0", door="DOOR", window="WINDOW", label="ROOM-NAME",
                    rooms=["Office", "Lab", "Store"])
    doc = ezdxf.readfile(path)
    for x in (3000, 9000):  # two columns on a layer named for walls
        doc.modelspace().add_lwpolyline([(x, 0), (x + 300, 0), (x + 300, 300), (x, 300)], close=True,
                                        dxfattribs={"layer": "WALL-COLUMN"})
    doc.saveas(path)
    _out, data = _suggest(path)
    assert "0" in data["layers"]["wall"].strip("^$()").split("|")


def test_tag_only_layers_are_never_label_layers(tmp_path):
    path = _drawing(tmp_path / "tags.dxf", wall="WALL", door="DOOR", window="WINDOW", label="NOTES",
                    rooms=["X1", "D2", "910x2000"], extra={"MARKS": ["A", "B", "1", "2", "Y3"]})
    _out, data = _suggest(path)
    assert "label" not in data["layers"]


def test_drawing_titles_are_not_offered_as_rooms(tmp_path):
    path = _drawing(tmp_path / "titled.dxf", wall="WALL", door="DOOR", window="WINDOW", label="ROOM-NAME",
                    rooms=["事務室", "会議室", "倉庫"], extra={"ROOM-NAME": ["1階平面図", "FLOOR PLAN", "図面名"]})
    doc = ezdxf.readfile(path)
    doc.modelspace().add_text("平面図 S=1/100", dxfattribs={"layer": "ROOM-NAME", "insert": (5000, 5000)})
    doc.saveas(path)
    out, _data = _suggest(path)
    for room in ("事務室", "会議室", "倉庫"):
        assert f'# "{room}" = 1' in out
    for title in ("1階平面図", "FLOOR PLAN", "図面名", "平面図"):
        assert f'"{title}' not in out.split("[zones]")[1]
