"""Room names from blocks and keyed labels: a room-name block (ATTRIB or a TEXT in its
definition, placed once per room) names its room; a symbol's text (the same text placed many
times) does not; keys such as 房间名称： / 室名： / Room name: are dropped and the number line
(房间编号： / 室番号： / No.:) gives the room's number; short room words (W.C, AULA, PS, EV) name.

The floor is the one of tests/rooms_real_habits (12 x 8 m: corridor y 0..2, rooms A, B, C above
it, x 0..4, 4..8, 8..12), drawn here with the names each test is about."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import ezdxf
import pytest
from shapely.geometry import Point

from osmark_plan.api import check
from osmark_plan.config import load_for
from osmark_plan.geometry.name_blocks import SYMBOL_REPEAT, block_texts_ok
from osmark_plan.geometry.room_names import usable_labels
from osmark_plan.model import Label, LayerInfo, Source
from osmark_plan.reader.plan import read_plan

_SPEC = importlib.util.spec_from_file_location(
    "name_blocks_habits", Path(__file__).resolve().parent / "rooms_real_habits" / "make_habits.py")
habits = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(habits)

#: the centre of each room of the floor
CENTRES = {"A": (2.0, 5.0), "B": (6.0, 5.0), "C": (10.0, 5.0), "corridor": (6.0, 1.0)}


def _floor():
    doc, msp = habits.new()
    habits.base(msp)
    return doc, msp


def _save(doc, tmp_path: Path, name: str) -> Path:
    habits.save(doc, tmp_path, name, habits.TABLE)
    return tmp_path / name / f"{name}.dxf"


def _rooms(path: Path) -> dict[tuple[float, float], tuple[str | None, str | None]]:
    """(name, number) of the room at each centre of :data:`CENTRES`, keyed by room letter."""
    site = check(path, load_for(path)).site
    out = {}
    for key, xy in CENTRES.items():
        room = next(r for r in site.regions if r.zone is not None and r.polygon.contains(Point(xy)))
        out[key] = (room.name, room.zone.number)
    return out


def _same_labels(path: Path) -> None:
    """The filtered and the full read see the same texts."""
    cfg = load_for(path)
    fast, full = read_plan(path, cfg, read="auto"), read_plan(path, cfg, read="full")
    assert fast.read_path == "filtered"

    def texts(plan):
        return sorted((lb.text, lb.layer_kind, lb.source.block, round(lb.point.x, 3), round(lb.point.y, 3))
                      for lb in plan.labels)
    assert texts(fast) == texts(full)


def _name_block(doc, name: str = "ROOMNAME") -> None:
    blk = doc.blocks.new(name)
    blk.add_lwpolyline([(-0.8, -0.4), (0.8, -0.4), (0.8, 0.4), (-0.8, 0.4)], close=True)
    blk.add_text("室名", height=0.4, dxfattribs={"layer": "0"}).set_placement((0.0, 0.1))  # a header
    blk.add_attdef("NAME", (-0.6, 0.0), dxfattribs={"height": 0.3, "layer": "0"})
    blk.add_attdef("NO", (-0.6, -0.35), dxfattribs={"height": 0.2, "layer": "0"})


def test_room_name_block_with_attribs_once_per_room_on_a_label_layer(tmp_path):
    doc, msp = _floor()
    _name_block(doc)
    for key, (name, number) in {"A": ("会議室", "101"), "B": ("執務室", "102"), "C": ("倉庫", "103"),
                                "corridor": ("廊下", "")}.items():
        ref = msp.add_blockref("ROOMNAME", CENTRES[key], dxfattribs={"layer": "ROOM-NAME"})
        ref.add_auto_attribs({"NAME": name, "NO": number})
    path = _save(doc, tmp_path, "attribs")
    assert _rooms(path) == {"A": ("会議室", "101"), "B": ("執務室", "102"), "C": ("倉庫", "103"),
                            "corridor": ("廊下", None)}
    _same_labels(path)


def test_room_name_block_with_attribs_on_a_label_layer_of_their_own(tmp_path):
    """The INSERT on an unmapped layer, its ATTRIBs on the label layer: the filtered read keeps
    the INSERT for them."""
    doc, msp = _floor()
    doc.layers.add("TAGS")
    _name_block(doc)
    for key, name in {"A": "会議室", "B": "執務室", "C": "倉庫", "corridor": "廊下"}.items():
        ref = msp.add_blockref("ROOMNAME", CENTRES[key], dxfattribs={"layer": "TAGS"})
        ref.add_auto_attribs({"NAME": name, "NO": ""})
        for a in ref.attribs:
            a.dxf.layer = "ROOM-NAME"
    path = _save(doc, tmp_path, "attrib_layer")
    assert {k: v[0] for k, v in _rooms(path).items()} == {"A": "会議室", "B": "執務室", "C": "倉庫",
                                                           "corridor": "廊下"}
    _same_labels(path)


def test_invisible_attribs_and_attribs_on_ignored_layers_name_nothing(tmp_path):
    doc, msp = _floor()
    _name_block(doc)
    ref = msp.add_blockref("ROOMNAME", CENTRES["A"], dxfattribs={"layer": "ROOM-NAME"})
    ref.add_auto_attribs({"NAME": "会議室", "NO": "101"})
    ref.get_attrib("NAME").is_invisible = True
    ref = msp.add_blockref("ROOMNAME", CENTRES["B"], dxfattribs={"layer": "FURNITURE"})
    ref.add_auto_attribs({"NAME": "執務室", "NO": "102"})
    msp.add_text("倉庫", height=0.3, dxfattribs={"layer": "ROOM-NAME"}).set_placement(CENTRES["C"])
    path = _save(doc, tmp_path, "hidden")
    rooms = _rooms(path)
    assert rooms["A"] == (None, "101") and rooms["B"] == (None, None) and rooms["C"] == ("倉庫", None)
    _same_labels(path)


def test_room_name_blocks_with_a_text_inside_one_block_per_room(tmp_path):
    doc, msp = _floor()
    for k, (key, name) in enumerate({"A": "会議室", "B": "執務室", "C": "倉庫", "corridor": "廊下"}.items()):
        blk = doc.blocks.new(f"RN{k}")
        blk.add_text(name, height=0.3, dxfattribs={"layer": "0"}).set_placement((0, 0))
        msp.add_blockref(f"RN{k}", CENTRES[key], dxfattribs={"layer": "ROOM-NAME"})
    path = _save(doc, tmp_path, "texts")
    assert {k: v[0] for k, v in _rooms(path).items()} == {"A": "会議室", "B": "執務室", "C": "倉庫",
                                                           "corridor": "廊下"}
    _same_labels(path)


def test_room_name_block_with_a_room_word_on_the_wall_layer_when_no_label_layer_is_used(tmp_path):
    """No texts on a label layer: a block's text on a mapped layer names its room when it holds
    a room word (会議室, 倉庫); one without (a chair's 「椅子」) does not."""
    doc, msp = _floor()
    for k, (key, name) in enumerate({"A": "会議室", "B": "椅子", "C": "倉庫"}.items()):
        blk = doc.blocks.new(f"RN{k}")
        blk.add_mtext(name, dxfattribs={"layer": "0", "char_height": 0.3})
        msp.add_blockref(f"RN{k}", CENTRES[key], dxfattribs={"layer": "WALL"})
    path = _save(doc, tmp_path, "wall_blocks")
    rooms = _rooms(path)
    assert (rooms["A"][0], rooms["B"][0], rooms["C"][0]) == ("会議室", None, "倉庫")
    _same_labels(path)


@pytest.mark.parametrize("layer", ["ROOM-NAME", "WALL", "FURNITURE"])
def test_a_symbol_block_placed_20_times_names_no_room(tmp_path, layer):
    doc, msp = _floor()
    blk = doc.blocks.new("FE")
    blk.add_circle((0, 0), 0.15)
    blk.add_text("消火器", height=0.3, dxfattribs={"layer": "0"}).set_placement((0, 0.2))
    tag = doc.blocks.new("TAG")  # a tag with the same ATTRIB value each time
    tag.add_attdef("KIND", (0, 0), dxfattribs={"height": 0.2})
    for k in range(20):
        x, y = 0.6 + 0.55 * k, 3.0 + 0.2 * (k % 5)
        msp.add_blockref("FE", (x, y), dxfattribs={"layer": layer})
        msp.add_blockref("TAG", (x, y + 2.5), dxfattribs={"layer": layer}).add_auto_attribs({"KIND": "FE"})
    path = _save(doc, tmp_path, f"symbols_{layer}")
    assert {v[0] for v in _rooms(path).values()} == {None}
    _same_labels(path)


@pytest.mark.parametrize("lines, name, number", [
    (["房间编号：118", "房间名称：服务器室", "房间属性：业务用房", "使用面积：36.24㎡"], "服务器室", "118"),
    (["室番号：101", "室名：会議室", "面積：25.0㎡"], "会議室", "101"),
    (["No.: 12", "Room name: Office"], "Office", "12"),
    (["名称：楼梯间", "使用面积：25.28㎡"], "楼梯间", None),
])
def test_keyed_labels_give_name_and_number(tmp_path, lines, name, number):
    doc, msp = _floor()
    msp.add_mtext("\\P".join(lines), dxfattribs={"layer": "ROOM-NAME", "char_height": 0.25,
                                                 "insert": (0.5, 6.0)})
    path = _save(doc, tmp_path, "keyed")
    assert _rooms(path)["A"] == (name, number)


def test_short_room_words_name_rooms(tmp_path):
    doc, msp = _floor()
    for key, word in {"A": "W.C", "B": "AULA", "C": "PS", "corridor": "EV"}.items():
        habits.text(msp, word, CENTRES[key], layer="WALL")
    path = _save(doc, tmp_path, "short")
    assert {k: v[0] for k, v in _rooms(path).items()} == {"A": "W.C", "B": "AULA", "C": "PS", "corridor": "EV"}


# --- which block texts may name a room --------------------------------------------------------

def _label(text: str, kind: str, block: str | None = None, layer: str = "L") -> Label:
    return Label(text, Point(0, 0), kind, Source(layer, None, block))


def test_block_texts_ok_rules():
    plain = _label("社長", "wall")
    tag = _label("社長", "label", "TAG")                      # a name block on a label layer
    wall_named = _label("会議室", "wall", "RN")               # room word, mapped layer
    wall_plain = _label("社長", "wall", "RN2")                # no room word, not on a label layer
    symbols = [_label("消火器", "label", "FE") for _ in range(SYMBOL_REPEAT)]
    few = [_label("消火器", "label", "FE2") for _ in range(SYMBOL_REPEAT - 1)]
    stores = [_label("倉庫", "label", "STORE") for _ in range(SYMBOL_REPEAT + 1)]  # a room tag in six stores
    walls = [_label("WC", "wall", "WCSYM") for _ in range(SYMBOL_REPEAT)]
    got = block_texts_ok([plain, tag, wall_named, wall_plain, *symbols, *few, *stores, *walls])
    assert got == [True, True, True, False] + [False] * SYMBOL_REPEAT + [True] * (SYMBOL_REPEAT - 1) \
        + [True] * (SYMBOL_REPEAT + 1) + [False] * SYMBOL_REPEAT


def test_usable_labels_take_room_name_blocks_but_not_symbols():
    layers = {"WALL": LayerInfo("WALL", "wall"), "NOTES": LayerInfo("NOTES", "ignored")}
    named = _label("会議室", "wall", "RN", "WALL")
    ignored = _label("会議室", "ignored", "RN", "NOTES")
    symbols = [_label("EXIT", "wall", "SIGN", "WALL") for _ in range(SYMBOL_REPEAT)]
    got = usable_labels((named, ignored, *symbols), layers)
    assert len(got) == 1 and got[0] is named  # (identity: a failing diff of shapely points is huge)


def test_a_drawn_zone_takes_the_name_line_of_a_keyed_label(tmp_path):
    doc, msp = _floor()
    doc.layers.add("ZONE-L3")
    msp.add_lwpolyline([(0, 2), (4, 2), (4, 8), (0, 8)], close=True, dxfattribs={"layer": "ZONE-L3"})
    msp.add_mtext("房间编号：118\\P房间名称：服务器室\\P使用面积：24㎡",
                  dxfattribs={"layer": "ROOM-NAME", "char_height": 0.25, "insert": (0.5, 6.0)})
    path = _save(doc, tmp_path, "zone_keyed")
    zones = read_plan(path, load_for(path)).zones
    assert [(z.name, z.level) for z in zones] == [("服务器室", 3)]
