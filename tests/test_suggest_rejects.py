"""`osmark layers --suggest-config` on small drawings holding what a suggestion must not take:
single characters of a title drawn letter by letter, area, size and dimension texts, junk texts
("RE", "2", "165 L. 1H"), sheets whose tallest texts are junk, door-number tags (texts and tag
blocks on a layer named for doors), area hatches on a layer named for rooms, a foundation plan;
and what it must find: walls as outline bands in another unit, walls on a door layer, walls on
layer 0 alone, a building with furniture islands as one plan."""

from __future__ import annotations

import tomllib
from pathlib import Path

import ezdxf
import pytest

from osmark_plan.api import check, load
from osmark_plan.config import from_mapping
from osmark_plan.report.suggest_config import suggest_config_text

NAMES = ["事務室", "会議室"]


def _floor(msp, dx: float = 0.0, wall: str = "WALL", door: str = "DOOR", label: str = "ROOM-NAME") -> None:
    """12 m x 8 m in mm, double-line walls 150 mm apart, a middle wall with a door swing, an
    entrance swing on the south wall, 事務室 and 会議室 written in the two rooms."""
    for off in (0, 150):
        pts = [(dx - off, -off), (dx + 12000 + off, -off), (dx + 12000 + off, 8000 + off), (dx - off, 8000 + off)]
        for a, b in zip(pts, pts[1:] + pts[:1]):
            if a[1] == b[1] == -off:  # the south wall, with the entrance 2000-3000
                msp.add_line(a, (dx + 2000, -off), dxfattribs={"layer": wall})
                msp.add_line((dx + 3000, -off), b, dxfattribs={"layer": wall})
            else:
                msp.add_line(a, b, dxfattribs={"layer": wall})
    for x in (6000, 6150):
        msp.add_line((dx + x, 0), (dx + x, 3000), dxfattribs={"layer": wall})
        msp.add_line((dx + x, 3900), (dx + x, 8000), dxfattribs={"layer": wall})
    msp.add_arc((dx + 6150, 3000), 900, 0, 90, dxfattribs={"layer": door})
    msp.add_line((dx + 6150, 3000), (dx + 7050, 3000), dxfattribs={"layer": door})
    msp.add_arc((dx + 2000, 0), 1000, 0, 90, dxfattribs={"layer": door})
    msp.add_line((dx + 2000, 0), (dx + 2000, 1000), dxfattribs={"layer": door})
    for name, xy in zip(NAMES, [(dx + 2500, 5000), (dx + 8500, 5000)]):
        msp.add_text(name, dxfattribs={"layer": label, "height": 300, "insert": xy})


def _new():
    doc = ezdxf.new("R2010")
    doc.header["$INSUNITS"] = 4
    return doc, doc.modelspace()


def _text(msp, text: str, xy, layer: str = "ROOM-NAME", height: float = 250) -> None:
    msp.add_text(text, dxfattribs={"layer": layer, "height": height, "insert": xy})


def _suggest(path: Path) -> tuple[str, dict]:
    """The suggestion for a drawing read without any config, and the TOML it parses to."""
    plan = load(path, from_mapping({}))
    out = suggest_config_text(plan, None, "en")
    return out, tomllib.loads(out)


def _names(out: str) -> list[str]:
    """The room names the suggestion lists in [zones] (commented out)."""
    zones = out.split("[zones]")[1]
    return [line.split('"')[1] for line in zones.splitlines() if line.startswith('# "')]


def _layers(data: dict, kind: str) -> list[str]:
    return data["layers"].get(kind, "^()$").strip("^$()").split("|")


def _save(doc, path: Path) -> Path:
    doc.saveas(path)
    return path


def test_letters_of_a_title_are_no_room_names(tmp_path):
    doc, msp = _new()
    _floor(msp)
    for k, ch in enumerate("1階平面図"):  # a title drawn one character at a time, below and inside
        _text(msp, ch, (4000 + 600 * k, -1500), layer="TITLE", height=500)
        _text(msp, ch, (700 + 500 * k, 7000))
    out, _data = _suggest(_save(doc, tmp_path / "letters.dxf"))
    names = _names(out)
    assert set(NAMES) <= set(names)
    assert not set(names) & set("1階平面図")


@pytest.mark.parametrize("text", ["s=29.14 m2", "25㎡", "25 m2", "3,640", "6畳", "12.5帖", "910x2000", "CH=2400"])
def test_area_size_and_dimension_texts_are_no_room_names(tmp_path, text):
    doc, msp = _new()
    _floor(msp)
    _text(msp, text, (2500, 4400))
    _text(msp, text, (8500, 4400))
    out, _data = _suggest(_save(doc, tmp_path / "areas.dxf"))
    assert _names(out) == NAMES


@pytest.mark.parametrize("text", ["RE", "2", "165 L. 1H", "D1", "SD-2", "AD3", "※アンカーボルト埋込み長さ",
                                  "管理人员：赵学工", "GROUND FLOOR"])
def test_junk_texts_are_no_room_names(tmp_path, text):
    doc, msp = _new()
    _floor(msp)
    _text(msp, text, (2500, 4400))
    out, _data = _suggest(_save(doc, tmp_path / "junk.dxf"))
    assert _names(out) == NAMES


def test_short_room_words_are_room_names(tmp_path):
    doc, msp = _new()
    _floor(msp)
    for k, text in enumerate(["W.C", "AULA", "PS", "EV"]):
        _text(msp, text, (1000 + 1200 * k, 2000))
    out, _data = _suggest(_save(doc, tmp_path / "short.dxf"))
    assert {"W.C", "AULA", "PS", "EV"} <= set(_names(out))


@pytest.mark.parametrize("titles", [("RE", "2"), ("平", "図"), ("25 m2", "Office")])
def test_a_sheet_whose_titles_are_junk_proposes_no_frame(tmp_path, titles):
    doc, msp = _new()
    _floor(msp)
    _floor(msp, dx=30000)
    for title, x in zip(titles, (4000, 34000)):
        _text(msp, title, (x, -1500), layer="TITLE", height=600)
    out, data = _suggest(_save(doc, tmp_path / "sheet.dxf"))
    assert "This sheet holds 2 plans" in out
    assert "sheet" not in data  # listed, commented out: the user picks
    assert "# region = [" in out
    assert "frame =" not in out


def _tag_block(doc) -> None:
    """A door-number tag: a circle and the number as an ATTRIB."""
    blk = doc.blocks.new("DOORTAG")
    blk.add_circle((0, 0), 250)
    blk.add_attdef("NO", (0, 0), dxfattribs={"height": 200})


def test_door_number_tags_are_no_doors(tmp_path):
    doc, msp = _new()
    _tag_block(doc)
    _floor(msp)
    for number, xy in (("D1", (6700, 3600)), ("SD-2", (2500, 600))):
        ref = msp.add_blockref("DOORTAG", xy, dxfattribs={"layer": "建具"})
        ref.add_auto_attribs({"NO": number})
        _text(msp, number, (xy[0] + 300, xy[1] + 300), layer="DOOR-TAG")
    path = _save(doc, tmp_path / "tags.dxf")
    out, data = _suggest(path)
    assert {"建具", "DOOR-TAG"} <= set(_layers(data, "ignored"))
    assert "建具" not in _layers(data, "door") and "DOOR-TAG" not in _layers(data, "door")
    assert "door-number tags" in out or "door or window tags" in out
    # the default patterns take the tag blocks on 建具 as doors; the suggestion does not
    assert len(load(path, from_mapping({})).doors) > 2
    cfg = from_mapping(data)
    plan = load(path, cfg)
    assert len(plan.doors) == 2
    assert sorted(d.name or "" for d in plan.doors) == ["D1", "SD-2"]  # the tags still name them


def test_area_hatches_on_a_room_layer_are_no_labels(tmp_path):
    doc, msp = _new()
    _floor(msp)
    for x0 in (0, 6150):
        hatch = msp.add_hatch(color=3, dxfattribs={"layer": "ROOM-AREA"})
        hatch.paths.add_polyline_path([(x0, 0), (x0 + 5850, 0), (x0 + 5850, 8000), (x0, 8000)], is_closed=True)
    _out, data = _suggest(_save(doc, tmp_path / "hatches.dxf"))
    assert "ROOM-AREA" not in _layers(data, "label")
    assert "ROOM-AREA" in _layers(data, "ignored")


def test_a_foundation_plan_says_so_and_finds_no_rooms(tmp_path):
    doc, msp = _new()
    _floor(msp, door="FOOTING")  # no door: the swings of _floor are taken out below
    for e in list(msp.query('*[layer=="FOOTING"]')):
        msp.delete_entity(e)
    for k, text in enumerate(["基礎天端", "アンカーボルト M12", "主筋 2-D16", "布基礎", "土台", "ベタ基礎 ｽﾗﾌﾞ 150"]):
        _text(msp, text, (1000 + 1500 * k, 2000), layer="NOTE")
    path = _save(doc, tmp_path / "foundation.dxf")
    out, data = _suggest(path)
    assert "does not look like a floor plan" in out
    assert "wall" not in data["layers"] and "# wall = " in out
    assert _names(out) == []
    assert len(check(path, from_mapping(data)).site.regions) == 0


def test_outline_walls_in_another_unit_get_the_unit(tmp_path):
    """Walls as closed outline bands 25 units thick on a floor 4000 x 3000 units, $INSUNITS mm:
    in mm the floor is 4 m across with walls 2.5 cm thick; in cm 40 m and 25 cm."""
    doc, msp = _new()

    def band(x0, y0, x1, y1):
        msp.add_lwpolyline([(x0, y0), (x1, y0), (x1, y1), (x0, y1)], close=True, dxfattribs={"layer": "Walls"})

    band(0, 0, 4000, 25)
    band(0, 2975, 4000, 3000)
    band(0, 25, 25, 2975)
    band(3975, 25, 4000, 2975)
    band(1990, 25, 2015, 1400)
    band(1990, 1500, 2015, 2975)
    path = _save(doc, tmp_path / "bands.dxf")
    out, data = _suggest(path)
    assert data["units"] == "cm"
    assert "0.25 m" in out
    assert len(check(path, from_mapping(data)).site.regions) >= 1


def test_walls_drawn_on_the_door_layer_are_walls(tmp_path):
    """A meeting room's partitions drawn as double lines on the door layer beside the door block
    (roomsize habit): the door layer is proposed as a wall layer, and the room closes."""
    doc, msp = _new()
    blk = doc.blocks.new("DOOR900")
    blk.add_arc((0, 0), 900, 0, 90)
    blk.add_line((0, 0), (0, 900))
    for off in (0, 100):
        pts = [(-off, -off), (5000 + off, -off), (5000 + off, 4000 + off), (-off, 4000 + off)]
        for a, b in zip(pts, pts[1:] + pts[:1]):
            if a[1] == b[1] == -off:
                msp.add_line(a, (2000, -off), dxfattribs={"layer": "A-DOOR"})
                msp.add_line((2900, -off), b, dxfattribs={"layer": "A-DOOR"})
            else:
                msp.add_line(a, b, dxfattribs={"layer": "A-DOOR"})
    msp.add_blockref("DOOR900", (2000, 0), dxfattribs={"layer": "A-DOOR"})
    path = _save(doc, tmp_path / "door_walls.dxf")
    out, data = _suggest(path)
    assert "A-DOOR" in _layers(data, "wall")
    assert "walls drawn on the door layer" in out
    assert len(check(path, from_mapping(data)).site.regions) >= 1


def test_single_line_walls_on_layer_0_alone_are_walls(tmp_path):
    doc, msp = _new()
    for a, b in [((0, 0), (12000, 0)), ((12000, 0), (12000, 8000)), ((12000, 8000), (0, 8000)),
                 ((0, 8000), (0, 0)), ((6000, 0), (6000, 3000)), ((6000, 3900), (6000, 8000))]:
        msp.add_line(a, b, dxfattribs={"layer": "0"})
    path = _save(doc, tmp_path / "zero.dxf")
    out, data = _suggest(path)
    assert _layers(data, "wall") == ["0"] and "the most line work" in out
    assert len(check(path, from_mapping(data)).site.regions) >= 1


def test_a_building_with_furniture_islands_is_one_plan(tmp_path):
    """Desks drawn apart from the walls sit inside the building's box: they are pieces of the
    plan, and the building is no frame."""
    from osmark_plan.reader.entities import walk
    from osmark_plan.reader.load import load as load_doc
    from osmark_plan.reader.sheet import find_plans

    doc, msp = _new()
    _floor(msp)
    for x in (1000, 3000, 7500, 9500):
        for y in (1500, 5500):
            msp.add_lwpolyline([(x, y), (x + 1400, y), (x + 1400, y + 700), (x, y + 700)], close=True,
                               dxfattribs={"layer": "FURNITURE"})
    path = _save(doc, tmp_path / "desks.dxf")
    plans = find_plans(walk(load_doc(path).doc, lambda _n: "wall").items)
    assert len(plans) == 1 and plans[0].box[2] - plans[0].box[0] > 11000
    out, data = _suggest(path)
    assert "sheet" not in data and "This sheet holds" not in out
