"""The reader: drawings built in memory with ezdxf, saved, read back as Plans (metres)."""

from __future__ import annotations

import math
import re
from dataclasses import replace

import ezdxf
import numpy as np
import pytest

from osmark_plan.config import Config
from osmark_plan.reader import ReadError, read_plan

CFG = Config()


def new_doc(insunits: int | None = 4, version: str = "R2010"):
    doc = ezdxf.new(version)
    if insunits is not None:
        doc.header["$INSUNITS"] = insunits
    else:
        doc.header["$INSUNITS"] = 0
    return doc


def door_block(doc, name: str = "DOOR900", width: float = 900.0):
    """Leaf from the hinge (0,0) to (0,w) (open position), swing arc from (w,0) to (0,w)."""
    blk = doc.blocks.new(name)
    blk.add_line((0, 0), (0, width), dxfattribs={"layer": "0"})
    blk.add_arc((0, 0), width, 0, 90, dxfattribs={"layer": "0"})
    return blk


def save(doc, tmp_path, name="t.dxf"):
    path = tmp_path / name
    doc.saveas(path)
    return path


def chord_xy(door):
    return np.asarray(door.chord.coords)


def assert_chord(door, a, b, tol=1e-6):
    got = chord_xy(door)
    assert np.allclose(got, [a, b], atol=tol), got


# --- doors and transforms ----------------------------------------------------------------------

def test_door_insert_rotated_mm(tmp_path):
    doc = new_doc(4)
    door_block(doc)
    doc.modelspace().add_blockref("DOOR900", (1000, 2000), dxfattribs={"layer": "DOOR", "rotation": 90})
    plan = read_plan(save(doc, tmp_path), CFG)
    assert plan.units == "mm" and plan.units_source == "$INSUNITS" and plan.scale == 0.001
    assert plan.units_note is None
    (door,) = plan.doors
    assert door.id == "D1" and door.style == "swing"
    assert_chord(door, (1.0, 2.0), (1.0, 2.9))
    assert door.width == pytest.approx(0.9)
    assert door.source.layer == "DOOR" and door.source.block == "DOOR900"
    assert door.outline is not None


def test_door_insert_mirrored_and_scaled(tmp_path):
    doc = new_doc(4)
    door_block(doc)
    msp = doc.modelspace()
    msp.add_blockref("DOOR900", (1000, 2000), dxfattribs={"layer": "DOOR", "xscale": -1})
    msp.add_blockref("DOOR900", (5000, 0), dxfattribs={"layer": "DOOR", "xscale": 1.2, "yscale": 1.2,
                                                      "rotation": 180})
    plan = read_plan(save(doc, tmp_path), CFG)
    d1, d2 = plan.doors
    assert_chord(d1, (1.0, 2.0), (0.1, 2.0))
    assert_chord(d2, (5.0, 0.0), (5.0 - 1.08, 0.0))
    assert d2.width == pytest.approx(1.08)


def test_nested_door_in_furniture_block(tmp_path):
    doc = new_doc(4)
    door_block(doc)
    room = doc.blocks.new("ROOMSET")
    room.add_line((0, 0), (0, 4000), dxfattribs={"layer": "WALL"})
    room.add_blockref("DOOR900", (5000, 0), dxfattribs={"layer": "DOOR"})
    doc.modelspace().add_blockref("ROOMSET", (10000, 0), dxfattribs={"layer": "FURNITURE", "rotation": 90})
    plan = read_plan(save(doc, tmp_path), CFG)
    (door,) = plan.doors
    assert_chord(door, (10.0, 5.0), (10.0, 5.9))
    (wall,) = plan.lines
    assert wall.kind == "wall" and wall.source.layer == "WALL" and wall.source.block == "ROOMSET"
    assert np.allclose(np.asarray(wall.geom.coords), [(10.0, 0.0), (6.0, 0.0)])


def test_layer0_in_block_takes_insert_layer(tmp_path):
    doc = new_doc(6)
    blk = doc.blocks.new("W")
    blk.add_line((0, 0), (3, 0), dxfattribs={"layer": "0"})
    blk.add_line((0, 1), (3, 1), dxfattribs={"layer": "NOTES"})
    doc.modelspace().add_blockref("W", (1, 1), dxfattribs={"layer": "WALL"})
    plan = read_plan(save(doc, tmp_path), CFG)
    walls = plan.lines_of("wall")
    assert len(walls) == 1 and walls[0].source.layer == "WALL"
    assert np.allclose(np.asarray(walls[0].geom.coords), [(1, 1), (4, 1)])
    assert plan.layers["WALL"].types.get("LINE") == 1
    assert plan.layers["NOTES"].kind == "ignored"


def test_double_and_sliding_and_loose_doors(tmp_path):
    doc = new_doc(4)
    dbl = doc.blocks.new("DBL")
    dbl.add_arc((0, 0), 800, 0, 90)
    dbl.add_line((0, 0), (0, 800))
    dbl.add_arc((1600, 0), 800, 90, 180)
    dbl.add_line((1600, 0), (1600, 800))
    sld = doc.blocks.new("SLIDE")
    sld.add_lwpolyline([(0, 0), (900, 0), (900, 40), (0, 40)], close=True)
    sld.add_lwpolyline([(800, 40), (1700, 40), (1700, 80), (800, 80)], close=True)
    msp = doc.modelspace()
    msp.add_blockref("DBL", (0, 0), dxfattribs={"layer": "DOOR"})
    msp.add_blockref("SLIDE", (0, 5000), dxfattribs={"layer": "DOOR"})
    # loose swing door: leaf + arc, no block
    msp.add_line((20000, 0), (20000, 900), dxfattribs={"layer": "DOOR"})
    msp.add_arc((20000, 0), 900, 0, 90, dxfattribs={"layer": "DOOR"})
    plan = read_plan(save(doc, tmp_path), CFG)
    styles = [d.style for d in plan.doors]
    assert styles == ["double", "sliding", "swing"]
    d, s, loose = plan.doors
    assert_chord(d, (0, 0), (1.6, 0))
    assert s.width == pytest.approx(1.7)
    mid = np.asarray(s.chord.coords).mean(axis=0)
    assert np.allclose(mid, (0.85, 5.04))
    assert_chord(loose, (20.0, 0.0), (20.9, 0.0))
    assert [x.id for x in plan.doors] == ["D1", "D2", "D3"]


def test_door_lock_and_name_from_attribs_and_texts(tmp_path):
    doc = new_doc(4)
    blk = door_block(doc)
    blk.add_attdef("ID", (0, 0))
    blk.add_attdef("LOCK", (0, 0))
    msp = doc.modelspace()
    ref = msp.add_blockref("DOOR900", (0, 0), dxfattribs={"layer": "DOOR"})
    ref.add_auto_attribs({"ID": "D7", "LOCK": "施錠+入退室記録"})
    msp.add_blockref("DOOR900", (10000, 0), dxfattribs={"layer": "DOOR"})
    msp.add_text("常時施錠", dxfattribs={"layer": "DOOR-TAG", "insert": (10300, 300), "height": 100})
    msp.add_text("D12", dxfattribs={"layer": "DOOR-TAG", "insert": (10500, -300), "height": 100})
    msp.add_text("D99", dxfattribs={"layer": "DOOR-TAG", "insert": (14000, 0), "height": 100})
    plan = read_plan(save(doc, tmp_path), CFG)
    a, b = plan.doors
    assert (a.name, a.lock) == ("D7", "LOGGED")
    assert (b.name, b.lock) == ("D12", "LOCKED")


def test_door_without_geometry_rejected(tmp_path):
    doc = new_doc(4)
    doc.blocks.new("EMPTY")
    door_block(doc)
    doc.modelspace().add_blockref("EMPTY", (0, 0), dxfattribs={"layer": "DOOR"})
    doc.modelspace().add_blockref("DOOR900", (0, 0), dxfattribs={"layer": "DOOR"})
    plan = read_plan(save(doc, tmp_path), CFG)
    assert len(plan.doors) == 1
    assert [r.reason for r in plan.rejected] == ["door-unreadable"]


# --- line work ---------------------------------------------------------------------------------

def test_lwpolyline_bulge_and_kinds(tmp_path):
    doc = new_doc(4)
    msp = doc.modelspace()
    msp.add_lwpolyline([(0, 0, 1), (2000, 0, 0)], format="xyb", dxfattribs={"layer": "WALL"})
    msp.add_line((0, 0), (1000, 0), dxfattribs={"layer": "PARTITION"})
    msp.add_line((0, 0), (1000, 0), dxfattribs={"layer": "WINDOW"})
    msp.add_circle((0, 0), 500, dxfattribs={"layer": "WALL"})
    msp.add_solid([(0, 0), (100, 0), (0, 100), (100, 100)], dxfattribs={"layer": "WALL"})
    plan = read_plan(save(doc, tmp_path), CFG)
    walls = plan.lines_of("wall")
    assert len(walls) == 3
    arc = walls[0].geom
    assert arc.length == pytest.approx(math.pi, rel=2e-3)
    # the bulge is +1: counter-clockwise from (0,0) to (2,0) passes below the chord
    assert min(y for _x, y in arc.coords) == pytest.approx(-1.0, abs=0.011)
    assert walls[1].geom.length == pytest.approx(math.pi, rel=6e-3)  # circle r 0.5, sagitta 1 cm
    assert walls[2].geom.is_closed and walls[2].geom.length == pytest.approx(0.4)
    assert len(plan.lines_of("partition")) == 1 and len(plan.lines_of("window")) == 1


def test_hatch_boundary_and_spline_on_wall(tmp_path):
    doc = new_doc(6)
    msp = doc.modelspace()
    h = msp.add_hatch(dxfattribs={"layer": "WALL"})
    h.paths.add_polyline_path([(0, 0), (4, 0), (4, 0.2), (0, 0.2)], is_closed=True)
    msp.add_spline([(0, 1), (1, 2), (2, 1), (3, 2)], dxfattribs={"layer": "WALL"})
    plan = read_plan(save(doc, tmp_path), CFG)
    kinds = sorted(round(line.geom.length, 1) for line in plan.lines_of("wall"))
    assert kinds[-1] == pytest.approx(8.4)
    assert len(kinds) == 2


# --- units -------------------------------------------------------------------------------------

def test_units_metres(tmp_path):
    doc = new_doc(6)
    door_block(doc, "D", 0.9)
    doc.modelspace().add_blockref("D", (1, 2), dxfattribs={"layer": "DOOR"})
    plan = read_plan(save(doc, tmp_path), CFG)
    assert (plan.units, plan.units_source, plan.scale, plan.units_note) == ("m", "$INSUNITS", 1.0, None)
    assert plan.doors[0].width == pytest.approx(0.9)


@pytest.mark.parametrize("insunits, source", [(6, "doors"), (0, "doors"), (None, "doors")])
def test_units_wrong_or_missing_found_from_doors(tmp_path, insunits, source):
    doc = new_doc(insunits)
    if insunits is None:
        del doc.header["$INSUNITS"]
    door_block(doc)
    for k in range(3):
        doc.modelspace().add_blockref("DOOR900", (k * 3000, 0), dxfattribs={"layer": "DOOR"})
    plan = read_plan(save(doc, tmp_path), CFG)
    assert plan.units == "mm" and plan.scale == 0.001 and plan.units_source == source
    assert plan.units_note and "mm" in plan.units_note
    assert plan.doors[0].width == pytest.approx(0.9)


def test_units_from_extents_and_overrides(tmp_path):
    doc = new_doc(0)
    doc.modelspace().add_lwpolyline([(0, 0), (30000, 0), (30000, 20000)], dxfattribs={"layer": "WALL"})
    path = save(doc, tmp_path)
    plan = read_plan(path, CFG)
    assert (plan.units, plan.units_source) == ("mm", "extents")
    assert "30" in plan.units_note
    plan = read_plan(path, CFG, units="cm")
    assert (plan.units, plan.units_source, plan.scale, plan.units_note) == ("cm", "--units", 0.01, None)
    plan = read_plan(path, replace(CFG, units="m"))
    assert (plan.units, plan.units_source) == ("m", "config")


# --- zones -------------------------------------------------------------------------------------

def rect(x0, y0, x1, y1):
    return [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]


def test_zone_levels_from_each_source(tmp_path):
    doc = new_doc(6)
    msp = doc.modelspace()
    zb = doc.blocks.new("ZBLK")
    zb.add_lwpolyline(rect(0, 0, 5, 5), close=True)
    zb.add_attdef("LEVEL", (0, 0))
    ref = msp.add_blockref("ZBLK", (0, 0), dxfattribs={"layer": "ZONE"})
    ref.add_auto_attribs({"LEVEL": "2"})
    msp.add_lwpolyline(rect(10, 0, 15, 5), close=True, dxfattribs={"layer": "ZONE-L3"})
    msp.add_lwpolyline(rect(20, 0, 25, 5), close=True, dxfattribs={"layer": "ZONE"})
    msp.add_text("セキュリティレベル３", dxfattribs={"layer": "ZONE", "insert": (21, 1), "height": 0.3})
    msp.add_text("サーバー室", dxfattribs={"layer": "ZONE", "insert": (21, 3), "height": 0.3})
    msp.add_lwpolyline(rect(30, 0, 35, 5), close=True, dxfattribs={"layer": "ZONE"})
    msp.add_text("会議室A", dxfattribs={"layer": "ROOM-NAME", "insert": (31, 1), "height": 0.3})
    msp.add_lwpolyline(rect(40, 0, 45, 5), close=True, dxfattribs={"layer": "ZONE"})
    msp.add_mtext("{\\fArial;受付}", dxfattribs={"layer": "ROOM-NAME", "insert": (41, 2)})
    msp.add_lwpolyline(rect(50, 0, 55, 5), close=True, dxfattribs={"layer": "ZONE-OPEN"})
    cfg = replace(CFG, zones={"会議室*": 1})
    plan = read_plan(save(doc, tmp_path), cfg)
    got = [(z.id, z.level, z.level_from, z.name) for z in plan.zones]
    assert got == [
        ("Z1", 2, "attrib", None),
        ("Z2", 3, "layer", None),
        ("Z3", 3, "label", "サーバー室"),
        ("Z4", 1, "table", "会議室A"),
        ("Z5", None, None, "受付"),
        ("Z6", 0, "layer", None),
    ]
    assert plan.zones[0].polygon.area == pytest.approx(25)
    assert plan.zones[1].source.layer == "ZONE-L3"


def test_zone_level_from_xdata(tmp_path):
    doc = new_doc(6)
    doc.appids.add("OSMARK")
    pl = doc.modelspace().add_lwpolyline(rect(0, 0, 4, 4), close=True, dxfattribs={"layer": "ZONE"})
    pl.set_xdata("OSMARK", [(1000, "LEVEL=3")])
    plan = read_plan(save(doc, tmp_path), CFG)
    assert (plan.zones[0].level, plan.zones[0].level_from) == (3, "xdata")


def test_nested_zone_labels_go_to_smallest(tmp_path):
    doc = new_doc(6)
    msp = doc.modelspace()
    msp.add_lwpolyline(rect(0, 0, 20, 20), close=True, dxfattribs={"layer": "ZONE"})
    msp.add_lwpolyline(rect(2, 2, 6, 6), close=True, dxfattribs={"layer": "ZONE"})
    msp.add_text("執務室 L1", dxfattribs={"layer": "ROOM-NAME", "insert": (10, 10), "height": 0.3})
    msp.add_text("L3", dxfattribs={"layer": "ROOM-NAME", "insert": (3, 3), "height": 0.3})
    msp.add_text("サーバー室", dxfattribs={"layer": "ROOM-NAME", "insert": (3, 5), "height": 0.3})
    plan = read_plan(save(doc, tmp_path), CFG)
    big, small = plan.zones
    assert (big.level, big.name) == (1, "執務室")
    assert (small.level, small.name, small.level_from) == (3, "サーバー室", "label")


def test_near_closed_zone_repaired_far_open_rejected(tmp_path):
    doc = new_doc(4)
    msp = doc.modelspace()
    pts = rect(0, 0, 5000, 5000) + [(0, 50)]  # ends 50 mm apart
    msp.add_lwpolyline(pts, dxfattribs={"layer": "ZONE-L2"})
    far = rect(10000, 0, 15000, 5000)  # open: ends 5 m apart
    msp.add_lwpolyline(far, dxfattribs={"layer": "ZONE-L2"})
    door_block(doc)
    msp.add_blockref("DOOR900", (0, 0), dxfattribs={"layer": "DOOR"})
    plan = read_plan(save(doc, tmp_path), CFG)
    (zone,) = plan.zones
    assert zone.level == 2 and zone.polygon.area == pytest.approx(25, rel=1e-3)
    (rep,) = [r for r in plan.repairs if r.what == "closed polyline"]
    assert rep.layer == "ZONE-L2" and rep.gap_m == pytest.approx(0.05)
    (rej,) = plan.rejected
    assert rej.reason == "zone-not-closed" and rej.layer == "ZONE-L2"


def test_self_intersecting_zone_made_valid(tmp_path):
    doc = new_doc(6)
    doc.modelspace().add_lwpolyline([(0, 0), (4, 4), (4, 0), (0, 4)], close=True,
                                    dxfattribs={"layer": "ZONE-L1"})
    plan = read_plan(save(doc, tmp_path), CFG)
    (zone,) = plan.zones
    assert zone.polygon.is_valid and zone.polygon.area == pytest.approx(4)
    assert any(r.what == "made polygon valid" for r in plan.repairs)


def test_application_area_and_circle_zone(tmp_path):
    doc = new_doc(6)
    msp = doc.modelspace()
    msp.add_lwpolyline(rect(0, 0, 30, 20), close=True, dxfattribs={"layer": "APPLICATION-AREA"})
    msp.add_lwpolyline([(40, 0), (50, 0), (50, 10)], dxfattribs={"layer": "APPLICATION-AREA"})
    msp.add_circle((5, 5), 2, dxfattribs={"layer": "ZONE-L1"})
    plan = read_plan(save(doc, tmp_path), CFG)
    assert [a.id for a in plan.areas] == ["A1"] and plan.areas[0].polygon.area == pytest.approx(600)
    assert [r.reason for r in plan.rejected] == ["area-not-closed"]
    assert plan.zones[0].polygon.area == pytest.approx(math.pi * 4, rel=0.01)


# --- cabinets, devices, labels, aisles, assets ------------------------------------------------

def test_cabinets_devices_assets_aisles(tmp_path):
    doc = new_doc(6)
    msp = doc.modelspace()
    cab = doc.blocks.new("CAB")
    cab.add_lwpolyline(rect(0, 0, 0.9, 0.45), close=True)
    cab.add_attdef("LEVEL", (0, 0))
    cab.add_attdef("fixed", (0, 0))
    ref = msp.add_blockref("CAB", (1, 1), dxfattribs={"layer": "CABINET"})
    ref.add_auto_attribs({"LEVEL": "3", "fixed": "yes"})
    msp.add_lwpolyline(rect(5, 5, 6, 5.5), close=True, dxfattribs={"layer": "CABINET-L2"})
    msp.add_lwpolyline(rect(8, 5, 9, 5.5), close=True, dxfattribs={"layer": "CABINET"})
    msp.add_text("金庫", dxfattribs={"layer": "ROOM-NAME", "insert": (8.2, 5.6), "height": 0.2})
    mfp = doc.blocks.new("MFP_A3")
    mfp.add_lwpolyline(rect(0, 0, 1, 0.7), close=True)
    msp.add_blockref("MFP_A3", (3, 3), dxfattribs={"layer": "DEVICE"})
    msp.add_lwpolyline(rect(0, 8, 1, 8.5), close=True, dxfattribs={"layer": "プリンタ"})
    msp.add_text("重要度3", dxfattribs={"layer": "ASSET", "insert": (2, 2), "height": 0.2})
    msp.add_lwpolyline([(0, 10), (20, 10)], dxfattribs={"layer": "AISLE"})
    plan = read_plan(save(doc, tmp_path), replace(CFG, cabinets={"金庫": 3}))
    c1, c2, c3 = plan.cabinets
    assert (c1.level, c1.attrs["FIXED"]) == (3, "yes") and c1.polygon.area == pytest.approx(0.405)
    assert c1.polygon.bounds == pytest.approx((1, 1, 1.9, 1.45))
    assert c2.level == 2
    assert (c3.name, c3.level) == ("金庫", 3)
    d1, d2 = plan.devices
    assert (d1.kind, d1.source.block) == ("MFP", "MFP_A3")
    assert d2.kind == "PRINTER"
    (asset,) = plan.assets
    assert asset.importance == 3 and asset.point.x == pytest.approx(2)
    (aisle,) = plan.aisles
    assert aisle.geom.length == pytest.approx(20)


def test_labels_from_all_layers(tmp_path):
    doc = new_doc(6)
    msp = doc.modelspace()
    msp.add_text("執務室", dxfattribs={"layer": "ROOM-NAME", "insert": (1, 1)})
    msp.add_mtext("\\A1;{\\C1;倉庫}", dxfattribs={"layer": "MISC", "insert": (2, 2)})
    blk = doc.blocks.new("TAG")
    blk.add_text("会議室", dxfattribs={"layer": "0", "insert": (0, 0)})
    msp.add_blockref("TAG", (10, 0), dxfattribs={"layer": "室名", "rotation": 90})
    plan = read_plan(save(doc, tmp_path), CFG)
    got = [(lb.text, lb.layer_kind, round(lb.point.x, 6), round(lb.point.y, 6)) for lb in plan.labels]
    # an MTEXT's label point is the middle of its box: attached top left at (2, 2), two wide
    # characters 2.5 high (ezdxf's default height) -> (2 + 2.5, 2 - 1.25)
    assert got == [("執務室", "label", 1, 1), ("倉庫", "ignored", 4.5, 0.75), ("会議室", "label", 10, 0)]


# --- layers and encodings ---------------------------------------------------------------------

def test_japanese_and_escaped_layer_names(tmp_path):
    doc = new_doc(4, "R2000")
    msp = doc.modelspace()
    msp.add_line((0, 0), (5000, 0), dxfattribs={"layer": "壁"})
    msp.add_line((0, 0), (0, 5000), dxfattribs={"layer": "\\U+8EAF\\U+4F53"})  # 躯体
    msp.add_line((0, 0), (0, 1000), dxfattribs={"layer": "_0-3_間仕切壁"})
    doc.layers.add("ZONE-L1").off()
    doc.layers.add("セキュリティゾーン").freeze()
    plan = read_plan(save(doc, tmp_path), CFG)
    assert plan.layers["壁"].kind == "wall"
    assert plan.layers["躯体"].kind == "wall" and plan.layers["躯体"].entities == 1
    assert plan.layers["_0-3_間仕切壁"].kind == "wall"
    assert plan.layers["ZONE-L1"].off and plan.layers["ZONE-L1"].kind == "zone"
    assert plan.layers["セキュリティゾーン"].frozen
    assert {line.source.layer for line in plan.lines} == {"壁", "躯体", "_0-3_間仕切壁"}


def test_cp932_r12_without_codepage(tmp_path):
    doc = ezdxf.new("R12")
    doc.modelspace().add_line((0, 0), (5, 0), dxfattribs={"layer": "壁"})
    doc.modelspace().add_text("サーバー室", dxfattribs={"layer": "室名", "insert": (1, 1)})
    path = tmp_path / "jw.dxf"
    doc.saveas(path, encoding="cp932")
    data = path.read_bytes()
    data = re.sub(rb"\s*9\r?\n\$DWGCODEPAGE\r?\n\s*3\r?\n[^\r\n]*", b"", data)
    assert b"DWGCODEPAGE" not in data and "壁".encode("cp932") in data
    path.write_bytes(data)
    plan = read_plan(path, CFG)
    assert plan.encoding == "cp932"
    assert any(r.what == "re-decoded as cp932" for r in plan.repairs)
    assert "壁" in plan.layers and plan.layers["壁"].kind == "wall"
    assert [lb.text for lb in plan.labels] == ["サーバー室"]
    assert plan.dxf_version == "AC1009"


def test_ansi932_declared_but_utf8(tmp_path):
    doc = ezdxf.new("R2000")
    doc.modelspace().add_line((0, 0), (5, 0), dxfattribs={"layer": "壁"})
    path = tmp_path / "u.dxf"
    doc.saveas(path, encoding="utf-8")
    data = path.read_bytes()
    data = re.sub(rb"(\$DWGCODEPAGE\r?\n\s*3\r?\n)[^\r\n]*", rb"\1ANSI_932", data)
    path.write_bytes(data)
    plan = read_plan(path, CFG)
    assert "壁" in plan.layers
    assert any(r.what == "re-decoded as utf-8" for r in plan.repairs)


def test_sha256_and_version(tmp_path):
    import hashlib

    doc = new_doc(6)
    path = save(doc, tmp_path)
    plan = read_plan(path, CFG)
    assert plan.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert plan.dxf_version == "AC1024" and plan.encoding == "utf-8"


def test_unreadable_entities_counted(tmp_path):
    doc = new_doc(6, "R2000")
    msp = doc.modelspace()
    for layer in ("WALL", "WALL", "FURNITURE"):
        msp.add_3dsolid(dxfattribs={"layer": layer}).sat = ["700 0 1 0", "End-of-ACIS-data"]
    plan = read_plan(save(doc, tmp_path), CFG)
    assert plan.unreadable == {"WALL": 2}


# --- failures ----------------------------------------------------------------------------------

@pytest.mark.parametrize("content, words", [
    (b"", "empty"),
    (b"   \n", "empty"),
    (bytes(range(256)) * 20, "not a DXF"),
    (b"hello world\nthis is text\n", "not a DXF"),
    (b"  0\nSECTION\n  2\nENTITIES\n  0\nLINE\n 10\nnot-a-number\n", ""),
])
def test_bad_files_raise_read_error(tmp_path, content, words):
    path = tmp_path / "bad.dxf"
    path.write_bytes(content)
    if not words:  # damaged but DXF-like: either a clear error or a recovered plan
        try:
            plan = read_plan(path, CFG)
        except ReadError as exc:
            assert "\n" not in str(exc)
        else:
            assert any(r.what == "recovered" for r in plan.repairs)
        return
    with pytest.raises(ReadError) as info:
        read_plan(path, CFG)
    assert words in str(info.value) and str(path) in str(info.value)
    assert "\n" not in str(info.value)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(ReadError, match="not found"):
        read_plan(tmp_path / "nope.dxf", CFG)
    with pytest.raises(ReadError, match="folder"):
        read_plan(tmp_path, CFG)


def test_door_block_with_jamb_lines_keeps_the_right_chord(tmp_path):
    """A door block with frame/jamb lines at both ends of the opening: the leaf decides."""
    import ezdxf

    from osmark_plan.config import Config
    from osmark_plan.reader import read_plan

    doc = ezdxf.new("R2018")
    doc.header["$INSUNITS"] = 6
    blk = doc.blocks.new("DOOR_JAMBS")
    blk.add_line((0, 0), (0, 0.9))          # leaf, open, perpendicular to the wall
    blk.add_arc((0, 0), 0.9, 0, 90)         # swing from the latch (0.9, 0) to the leaf end
    blk.add_line((0.9, -0.05), (0.9, 0.05))  # jamb at the latch side
    blk.add_line((0, -0.05), (0, 0.05))      # jamb at the hinge side
    doc.layers.add("DOOR")
    doc.modelspace().add_blockref("DOOR_JAMBS", (10, 5), dxfattribs={"layer": "DOOR", "rotation": 90})
    path = tmp_path / "jambs.dxf"
    doc.saveas(path)
    (door,) = read_plan(path, Config()).doors
    coords = sorted(tuple(round(v, 3) for v in c) for c in door.chord.coords)
    assert coords == [(10.0, 5.0), (10.0, 5.9)]
    assert door.width == pytest.approx(0.9)


def test_device_whose_kind_is_not_an_output_device_is_left_out(tmp_path):
    """On a device layer, an INSERT whose KIND names something else (a shredder) is no output
    device; one with KIND=MFP or no KIND at all is."""
    import ezdxf

    from osmark_plan.config import Config
    from osmark_plan.reader import read_plan

    doc = ezdxf.new("R2018")
    doc.header["$INSUNITS"] = 6
    blk = doc.blocks.new("BOX")
    blk.add_lwpolyline([(0, 0), (0.6, 0), (0.6, 0.6), (0, 0.6)], close=True)
    blk.add_attdef("KIND", (0, 0))
    msp = doc.modelspace()
    for x, kind in ((0, "SHREDDER"), (2, "MFP"), (4, None)):
        ref = msp.add_blockref("BOX", (x, 0), dxfattribs={"layer": "DEVICE"})
        if kind:
            ref.add_attrib("KIND", kind, (x, 0))
    path = tmp_path / "devices.dxf"
    doc.saveas(path)
    kinds = sorted(d.kind for d in read_plan(path, Config()).devices)
    assert kinds == ["DEVICE", "MFP"]


@pytest.mark.parametrize("attach", [1, 5, 9, 7])
def test_mtext_label_point_is_the_middle_of_its_box(tmp_path, attach):
    """A room label of several lines attached at a corner: its point is the middle of its box
    (two lines of four narrow characters, 0.5 high; a column width far wider than the text)."""
    doc = new_doc(6)
    doc.modelspace().add_mtext("ABCD\\PEFGH", dxfattribs={
        "layer": "ROOM-NAME", "insert": (2, 10), "char_height": 0.5, "attachment_point": attach, "width": 15.0})
    plan = read_plan(save(doc, tmp_path), CFG)
    (label,) = plan.labels
    # the box: 4 narrow characters x 0.6 x 0.5 = 1.2 wide, two lines 0.5 + 1.667 x 0.5 high; the
    # insertion point is its top left (1), middle (5), bottom right (9) or bottom left (7)
    w, h = 4 * 0.6 * 0.5, 0.5 + 1.667 * 0.5
    col, row = (attach - 1) % 3, (attach - 1) // 3
    want = (2 + (0.5 - 0.5 * col) * w, 10 + (-0.5 + 0.5 * row) * h)
    assert (round(label.point.x, 4), round(label.point.y, 4)) == (round(want[0], 4), round(want[1], 4))
