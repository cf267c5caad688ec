"""Blind test floors (third round): Japanese CAD-export naming, geometry oddities, robustness.

The tool was first found wrong on b3_door_stubs (door-block stub lines did not close the
outline) and b3_doorset_nested (four door INSERTs nested in one block read as one 6.7 m door);
both were fixed and their expectations saved. Not saved as ambiguous: b3_junk2 (bow-tie zone).

Every floor is drawn from scratch with ezdxf; the expected findings were written by hand from
RULES.md / DRAWINGS.md before the tool was run.  ``main(outdir)`` writes NAME.dxf and
NAME.expected.json (hand expectation) for every floor.
"""
from __future__ import annotations

import json
import math
import sys
from pathlib import Path

import ezdxf
from ezdxf.enums import TextEntityAlignment

DEFAULT = {
    "wall": "WALL", "wall_in": "WALL", "door": "DOOR", "window": "WINDOW",
    "z1": "ZONE-L1", "z2": "ZONE-L2", "z3": "ZONE-L3", "aa": "APPLICATION-AREA",
    "label": "ROOM-NAME", "device": "DEVICE", "cabinet": "CABINET",
}


def R(region):
    return {"kind": "region", "name": region}


def D(door):
    return {"kind": "door", "name": door}


class Floor:
    """A DXF document plus helpers for the default convention (mm)."""

    def __init__(self, version="R2018", units=4, layers=None, offset=(0.0, 0.0)):
        self.doc = ezdxf.new(version, setup=False)
        if units is not None:
            self.doc.header["$INSUNITS"] = units
        self.msp = self.doc.modelspace()
        self.L = dict(DEFAULT)
        self.L.update(layers or {})
        self.ox, self.oy = offset
        self._door_block()

    # -- plumbing ---------------------------------------------------------------------------
    def p(self, x, y):
        return (x + self.ox, y + self.oy)

    def layer(self, name):
        if name not in self.doc.layers:
            self.doc.layers.add(name)
        return name

    def _door_block(self):
        blk = self.doc.blocks.new("DOOR900")
        blk.add_arc((0, 0), 900, 0, 90, dxfattribs={"layer": "0"})
        blk.add_line((0, 0), (0, 900), dxfattribs={"layer": "0"})
        blk.add_attdef("ID", (100, 100), dxfattribs={"height": 150, "layer": "0"})
        blk.add_attdef("LOCK", (100, 300), dxfattribs={"height": 150, "layer": "0"})
        plain = self.doc.blocks.new("DOORPLAIN")
        plain.add_arc((0, 0), 900, 0, 90, dxfattribs={"layer": "0"})
        plain.add_line((0, 0), (0, 900), dxfattribs={"layer": "0"})
        pr = self.doc.blocks.new("PRINTER")
        pr.add_lwpolyline([(-300, -300), (300, -300), (300, 300), (-300, 300)], close=True,
                          dxfattribs={"layer": "0"})
        cb = self.doc.blocks.new("CAB")
        cb.add_lwpolyline([(-450, -250), (450, -250), (450, 250), (-450, 250)], close=True,
                          dxfattribs={"layer": "0"})
        cb.add_attdef("LEVEL", (0, 0), dxfattribs={"height": 100, "layer": "0"})

    # -- elements ---------------------------------------------------------------------------
    def wall(self, *pts, layer=None):
        lay = self.layer(layer or self.L["wall"])
        self.msp.add_lwpolyline([self.p(*q) for q in pts], dxfattribs={"layer": lay})

    def zone(self, pts, layer, close=True):
        lay = self.layer(layer)
        return self.msp.add_lwpolyline([self.p(*q) for q in pts], close=close,
                                       dxfattribs={"layer": lay})

    def rect(self, x0, y0, x1, y1, layer):
        return self.zone([(x0, y0), (x1, y0), (x1, y1), (x0, y1)], layer)

    def door(self, x, y, rot, did=None, lock=None, layer=None, block="DOOR900", sx=1.0, sy=1.0):
        lay = self.layer(layer or self.L["door"])
        ins = self.msp.add_blockref(block, self.p(x, y), dxfattribs={
            "layer": lay, "rotation": rot, "xscale": sx, "yscale": sy})
        vals = {}
        if did:
            vals["ID"] = did
        if lock:
            vals["LOCK"] = lock
        if vals and block == "DOOR900":
            ins.add_auto_attribs(vals)
        return ins

    def label(self, text, x, y, layer=None, height=250):
        lay = self.layer(layer or self.L["label"])
        return self.msp.add_text(text, dxfattribs={"layer": lay, "height": height,
                                                   "insert": self.p(x, y)})

    def printer(self, x, y, layer=None):
        lay = self.layer(layer or self.L["device"])
        self.msp.add_blockref("PRINTER", self.p(x, y), dxfattribs={"layer": lay})

    def cabinet(self, x, y, level, layer=None):
        lay = self.layer(layer or self.L["cabinet"])
        ins = self.msp.add_blockref("CAB", self.p(x, y), dxfattribs={"layer": lay})
        ins.add_auto_attribs({"LEVEL": str(level)})

    def save(self, path):
        self.doc.saveas(path)


# ------------------------------------------------------------------------------------------
# The base office (mm):  AA 20 x 12 m.  Open reception x<5 m; 執務室 L1 x 5..20;
# 役員室 L2 (12..20, 6..12) inside it; サーバー室 L3 (16..20, 9..12) inside 役員室.
# Doors: D01 entrance (bottom wall), D02 open->L1, D03 L1->L2, D04 L2->L3.
# ------------------------------------------------------------------------------------------
def base(f: Floor, *, walls=True, doors=True, zones=True, labels=True, l3=True, l2=True,
         names=("受付", "執務室", "役員室", "サーバー室"), ids=("D01", "D02", "D03", "D04"),
         locks=(None, None, "LOCKED", "LOGGED"), skip=()):
    L = f.L
    if walls:
        if "topgap" in skip:
            f.wall((2900, 0), (20000, 0), (20000, 12000), (17900, 12000))
            f.wall((17000, 12000), (0, 12000), (0, 0), (2000, 0))
        else:
            f.wall((2900, 0), (20000, 0), (20000, 12000), (0, 12000), (0, 0), (2000, 0))
        f.wall((5000, 0), (5000, 6000), layer=L["wall_in"])
        f.wall((5000, 6900), (5000, 12000), layer=L["wall_in"])
        if "l2walls" not in skip:
            f.wall((12000, 12000), (12000, 6000), (13000, 6000), layer=L["wall_in"])
            f.wall((13900, 6000), (20000, 6000), layer=L["wall_in"])
        if l3 and "l3walls" not in skip:
            f.wall((16000, 12000), (16000, 10900), layer=L["wall_in"])
            f.wall((16000, 10000), (16000, 9000), (20000, 9000), layer=L["wall_in"])
    if doors:
        f.door(2000, 0, 0, ids[0], locks[0])
        f.door(5000, 6000, 90, ids[1], locks[1])
        if "d03" not in skip:
            f.door(13000, 6000, 0, ids[2], locks[2])
        if l3 and "d04" not in skip:
            f.door(16000, 10000, 90, ids[3], locks[3])
    if zones:
        f.rect(0, 0, 20000, 12000, L["aa"])
        f.rect(5000, 0, 20000, 12000, L["z1"])
        if l2:
            f.rect(12000, 6000, 20000, 12000, L["z2"])
        if l3 and "z3" not in skip:
            f.rect(16000, 9000, 20000, 12000, L["z3"])
    if labels:
        f.label(names[0], 1500, 8000)
        f.label(names[1], 7000, 3000)
        if l2:
            f.label(names[2], 13000, 8000)
        if l3:
            f.label(names[3], 17000, 10500)
    f.printer(8000, 3000)


FLOORS = {}


def floor(desc, findings=None):
    def deco(fn):
        FLOORS[fn.__name__] = (fn, desc, findings or [])
        return fn
    return deco


@floor("reference office in the default convention; nothing wrong")
def b3_base_ok(path):
    f = Floor()
    base(f)
    f.save(path)


@floor("full-width layer names (ＷＡＬＬ, ＤＯＯＲ, ＺＯＮＥ－Ｌ３, ＡＰＰＬＩＣＡＴＩＯＮ－ＡＲＥＡ, ＲＯＯＭ－ＮＡＭＥ)")
def b3_fullwidth_layers(path):
    f = Floor(layers={"wall": "ＷＡＬＬ", "wall_in": "ＷＡＬＬ", "door": "ＤＯＯＲ",
                      "z1": "ＺＯＮＥ－Ｌ１", "z2": "ＺＯＮＥ－Ｌ２", "z3": "ＺＯＮＥ－Ｌ３",
                      "aa": "ＡＰＰＬＩＣＡＴＩＯＮ－ＡＲＥＡ", "label": "ＲＯＯＭ－ＮＡＭＥ",
                      "device": "ＤＥＶＩＣＥ"})
    base(f)
    f.save(path)


@floor("mixed case and half-width kana layer names (wall, Door, Zone-L1, ｾｷｭﾘﾃｨﾚﾍﾞﾙ2/3, 申請ｴﾘｱ, Room-Name)")
def b3_halfkana_mixedcase(path):
    f = Floor(layers={"wall": "wall", "wall_in": "Wall", "door": "Door", "z1": "Zone-L1",
                      "z2": "ｾｷｭﾘﾃｨﾚﾍﾞﾙ2", "z3": "ｾｷｭﾘﾃｨﾚﾍﾞﾙ3", "aa": "申請ｴﾘｱ",
                      "label": "Room-Name", "device": "Device"})
    base(f)
    f.save(path)


@floor("layer-name suffixes as exported per storey (WALL-EXT, WALL-INT, DOOR-1F, ZONE-L3-サーバー, APPLICATION-AREA-3F)")
def b3_suffix_layers(path):
    f = Floor(layers={"wall": "WALL-EXT", "wall_in": "WALL-INT", "door": "DOOR-1F",
                      "z1": "ZONE-L1-執務", "z2": "ZONE-L2-役員", "z3": "ZONE-L3-サーバー",
                      "aa": "APPLICATION-AREA-3F", "label": "ROOM-NAME-JP", "device": "DEVICE-OA"})
    base(f)
    f.save(path)


@floor("bound-xref layer prefixes (BASE$0$WALL, BASE$0$ZONE-L3, ...)")
def b3_xref_prefix(path):
    f = Floor(layers={k: "BASE$0$" + v for k, v in DEFAULT.items()})
    base(f)
    f.save(path)


def uesc(s):
    return "".join(c if ord(c) < 128 else "\\U+%04X" % ord(c) for c in s)


@floor("Japanese layer names written as \\U+XXXX escapes in an R2000 file (壁, 扉, セキュリティレベル1..3, 申請エリア, 室名)")
def b3_uescape_layers(path):
    f = Floor(version="R2000", layers={
        "wall": uesc("壁"), "wall_in": uesc("壁-間仕切"), "door": uesc("扉"),
        "z1": uesc("セキュリティレベル1"), "z2": uesc("セキュリティレベル2"),
        "z3": uesc("セキュリティレベル3"), "aa": uesc("申請エリア"), "label": uesc("室名"),
        "device": uesc("複合機")})
    base(f)
    f.save(path)


@floor("walls inside blocks: layer-0 outline in a block inserted on WALL; a block on layer 0 holding WALL-layer lines")
def b3_block_walls(path):
    f = Floor()
    outer = f.doc.blocks.new("SHELL")
    outer.add_lwpolyline([(2900, 0), (20000, 0), (20000, 12000), (0, 12000), (0, 0), (2000, 0)],
                         dxfattribs={"layer": "0"})
    f.msp.add_blockref("SHELL", (0, 0), dxfattribs={"layer": f.layer("WALL")})
    inner = f.doc.blocks.new("INNER")
    for pts in [((5000, 0), (5000, 6000)), ((5000, 6900), (5000, 12000)),
                ((12000, 12000), (12000, 6000), (13000, 6000)), ((13900, 6000), (20000, 6000)),
                ((16000, 12000), (16000, 10900)), ((16000, 10000), (16000, 9000), (20000, 9000))]:
        inner.add_lwpolyline(pts, dxfattribs={"layer": "WALL"})
    f.msp.add_blockref("INNER", (0, 0), dxfattribs={"layer": "0"})
    base(f, walls=False)
    f.save(path)


@floor("the four door blocks nested in one DOORSET block (inner INSERTs on layer 0) inserted on DOOR")
def b3_doorset_nested(path):
    f = Floor()
    ds = f.doc.blocks.new("DOORSET")
    for x, y, r in [(2000, 0, 0), (5000, 6000, 90), (13000, 6000, 0), (16000, 10000, 90)]:
        ds.add_blockref("DOORPLAIN", (x, y), dxfattribs={"layer": "0", "rotation": r})
    f.msp.add_blockref("DOORSET", (0, 0), dxfattribs={"layer": f.layer("DOOR")})
    base(f, doors=False)
    f.save(path)


@floor("the whole floor (walls, door INSERTs with ATTRIBs, zones, labels, printer on their own layers) inside one block PLAN inserted on layer 0, as a bound xref / exported sheet")
def b3_whole_plan_block(path):
    f = Floor()
    msp = f.msp
    f.msp = f.doc.blocks.new("PLAN")
    base(f)
    f.msp = msp
    msp.add_blockref("PLAN", (0, 0), dxfattribs={"layer": "0"})
    f.save(path)


@floor("WALL layer frozen, DOOR layer off, ZONE-L3 off and locked: still read")
def b3_frozen_off(path):
    f = Floor()
    base(f)
    f.doc.layers.get("WALL").freeze()
    f.doc.layers.get("DOOR").off()
    z3 = f.doc.layers.get("ZONE-L3")
    z3.off()
    z3.lock()
    f.save(path)


@floor("zone levels from ATTRIB LEVEL on INSERTs of outline blocks on a plain ZONE layer")
def b3_attrib_level(path):
    f = Floor()
    base(f, zones=False)
    f.rect(0, 0, 20000, 12000, "APPLICATION-AREA")
    for name, (x0, y0, x1, y1), lev in [("Z1", (5000, 0, 20000, 12000), "1"),
                                        ("Z2", (12000, 6000, 20000, 12000), "2"),
                                        ("Z3", (16000, 9000, 20000, 12000), "3")]:
        blk = f.doc.blocks.new(name)
        blk.add_lwpolyline([(0, 0), (x1 - x0, 0), (x1 - x0, y1 - y0), (0, y1 - y0)], close=True,
                           dxfattribs={"layer": "0"})
        blk.add_attdef("LEVEL", (200, 200), dxfattribs={"height": 200, "layer": "0"})
        ins = f.msp.add_blockref(name, (x0, y0), dxfattribs={"layer": f.layer("ZONE")})
        ins.add_auto_attribs({"LEVEL": lev})
    f.save(path)


@floor("zone levels from XDATA (appid OSMARK: LEVEL / 3) on closed polylines on a plain ZONE layer")
def b3_xdata_level(path):
    f = Floor()
    base(f, zones=False)
    f.doc.appids.new("OSMARK")
    f.rect(0, 0, 20000, 12000, "APPLICATION-AREA")
    for (x0, y0, x1, y1), lev in [((5000, 0, 20000, 12000), "1"), ((12000, 6000, 20000, 12000), "2"),
                                  ((16000, 9000, 20000, 12000), "3")]:
        pl = f.rect(x0, y0, x1, y1, "ZONE")
        pl.set_xdata("OSMARK", [(1000, "LEVEL"), (1000, lev)])
    f.save(path)


@floor("levels and names only from MTEXT with formatting codes (\\P, {\\fMS Gothic;..}, \\S, \\H, \\C) on ROOM-NAME; zones on a plain ZONE layer")
def b3_mtext_labels(path):
    f = Floor()
    base(f, zones=False, labels=False)
    f.rect(0, 0, 20000, 12000, "APPLICATION-AREA")
    for x0, y0, x1, y1 in [(5000, 0, 20000, 12000), (12000, 6000, 20000, 12000),
                           (16000, 9000, 20000, 12000)]:
        f.rect(x0, y0, x1, y1, "ZONE")
    lay = f.layer("ROOM-NAME")
    texts = [
        ("{\\fMS Gothic|b0|i0|c128|p49;受付}", 1500, 8000),
        ("{\\fMS Gothic|b1|i0|c128|p49;執務室}", 7000, 3000),
        ("{\\H0.7x;\\C1;セキュリティレベル１}", 7000, 2000),
        ("\\A1;{\\fMS Gothic;役員室}", 13000, 8000),
        ("{\\C3;Lv.2}  {\\H0.5x;\\S30^㎡;}", 13000, 7000),
        ("{\\fMS Gothic;サーバー室}", 17000, 10500),
        ("\\pxqc;{\\fMS Gothic;\\C1;セキュリティレベル３}", 17000, 9800),
    ]
    for t, x, y in texts:
        f.msp.add_mtext(t, dxfattribs={"layer": lay, "insert": f.p(x, y), "char_height": 250,
                                       "width": 2500})
    f.save(path)


@floor("level labels as centred TEXT whose insert point (left baseline, as AutoCAD computes it) lies outside the zone; the align point is inside; zones on a plain ZONE layer")
def b3_text_align(path):
    f = Floor()
    base(f, zones=False, labels=False)
    f.rect(0, 0, 20000, 12000, "APPLICATION-AREA")
    for x0, y0, x1, y1 in [(5000, 0, 20000, 12000), (12000, 6000, 20000, 12000),
                           (16000, 9000, 20000, 12000)]:
        f.rect(x0, y0, x1, y1, "ZONE")
    lay = f.layer("ROOM-NAME")
    for text, cx, cy, h in [("執務室 レベル1", 8500, 3000, 250), ("役員室 レベル2", 13500, 7500, 250),
                            ("サーバー室 セキュリティレベル3", 17500, 10500, 300)]:
        t = f.msp.add_text(text, dxfattribs={"layer": lay, "height": h})
        t.set_placement(f.p(cx, cy), align=TextEntityAlignment.MIDDLE_CENTER)
        w = len(text) * h
        t.dxf.insert = f.p(cx - w / 2, cy - h / 2)  # left baseline as CAD computes it
    f.save(path)


@floor("door numbers and lock states as nearby TEXT (no ATTRIBs): D01..D04, 常時施錠, 施錠+入退室記録; nothing wrong")
def b3_door_text(path):
    f = Floor()
    base(f, doors=False)
    for x, y, r, did, lock, tx, ty in [
            (2000, 0, 0, "D01", "常時施錠", 2200, -500), (5000, 6000, 90, "D02", None, 5200, 6300),
            (13000, 6000, 0, "D03", "常時施錠", 13300, 5500),
            (16000, 10000, 90, "D04", "施錠+入退室記録", 16200, 10300)]:
        f.door(x, y, r, block="DOORPLAIN")
        f.label(did, tx, ty, layer="DOOR-NO", height=200)
        if lock:
            f.label(lock, tx, ty - 300, layer="DOOR-NO", height=150)
    f.save(path)


@floor("server room also gets a door D05 straight to the outside corridor; door numbers as TEXT on a ROOM-NAME layer",
       [{"rule": "ACC001", "subjects": [R("サーバー室"), D("D05")]},
        {"rule": "ACC003", "subjects": [R("サーバー室"), D("D05")]},
        {"rule": "ACC003", "subjects": [R("役員室"), D("D05")]}])
def b3_acc001_text_id(path):
    f = Floor()
    base(f, skip=("topgap",))
    f.door(17000, 12000, 0, block="DOORPLAIN")   # chord 17000..17900 on the top wall, leaf outwards
    f.label("D05", 17400, 12400, height=200)
    f.save(path)


@floor("zone outlines with duplicate and collinear vertices, one clockwise, one not flagged closed but ending on its first vertex, L1 as a heavy 2D POLYLINE")
def b3_zone_vertices(path):
    f = Floor()
    base(f, zones=False)
    f.rect(0, 0, 20000, 12000, "APPLICATION-AREA")
    f.doc.layers.add("ZONE-L1")
    f.msp.add_polyline2d([(5000, 0), (12000, 0), (20000, 0), (20000, 12000), (5000, 12000)],
                         close=True, dxfattribs={"layer": "ZONE-L1"})
    # clockwise, duplicates and collinear points
    f.zone([(12000, 6000), (12000, 9000), (12000, 12000), (12000, 12000), (16000, 12000),
            (20000, 12000), (20000, 6000), (20000, 6000), (16000, 6000)], "ZONE-L2")
    f.zone([(16000, 9000), (20000, 9000), (20000, 12000), (16000, 12000), (16000, 9000)],
           "ZONE-L3", close=False)
    f.save(path)


@floor("round server room: CIRCLE zone, ARC wall with a door gap, inside 役員室")
def b3_circle_zone(path):
    f = Floor()
    base(f, l3=False)
    cx, cy, r = 17500, 9500, 1500
    half = math.degrees(math.asin(450 / r))
    f.msp.add_arc((cx, cy), r, 180 + half, 180 - half + 360, dxfattribs={"layer": "WALL"})
    f.msp.add_circle((cx, cy), r, dxfattribs={"layer": f.layer("ZONE-L3")})
    hx = cx - r * math.cos(math.radians(half))
    f.door(hx, cy - 450, 90, "D04", "LOGGED")
    f.label("サーバー室", 17200, 9400)
    f.save(path)


@floor("walls as heavy 2D POLYLINE, SPLINE, SOLID strips, HATCH, bulged LWPOLYLINE segment and LINEs")
def b3_wall_entities(path):
    f = Floor()
    base(f, walls=False)
    m = f.msp
    f.layer("WALL")
    m.add_polyline2d([(2900, 0), (20000, 0), (20000, 12000), (0, 12000), (0, 0), (2000, 0)],
                     dxfattribs={"layer": "WALL"})
    m.add_spline(fit_points=[(5000, 0, 0), (5000, 2000, 0), (5000, 4000, 0), (5000, 6000, 0)],
                 dxfattribs={"layer": "WALL"})
    m.add_spline(fit_points=[(5000, 6900, 0), (5000, 9000, 0), (5000, 12000, 0)],
                 dxfattribs={"layer": "WALL"})
    # L2 walls: SOLID strips 100 thick centred on the line
    for x0, x1 in [(12000, 13000), (13900, 20000)]:
        m.add_solid([(x0, 5950), (x1, 5950), (x0, 6050), (x1, 6050)], dxfattribs={"layer": "WALL"})
    h = m.add_hatch(dxfattribs={"layer": "WALL"})
    h.paths.add_polyline_path([(11950, 6000), (12050, 6000), (12050, 12000), (11950, 12000)],
                              is_closed=True)
    # L3 walls: LINEs and a polyline with a zero-bulge segment
    m.add_line((16000, 12000), (16000, 10900), dxfattribs={"layer": "WALL"})
    m.add_lwpolyline([(16000, 10000, 0, 0, 0), (16000, 9000, 0, 0, 0), (20000, 9000, 0, 0, 0)],
                     format="xyseb", dxfattribs={"layer": "WALL"})
    f.save(path)


@floor("door blocks that carry their own 150 mm wall stubs (layer 0) each side: wall gaps are 1200 mm")
def b3_door_stubs(path):
    f = Floor()
    blk = f.doc.blocks.new("DOORSTUB")
    blk.add_line((-150, 0), (0, 0), dxfattribs={"layer": "0"})
    blk.add_line((900, 0), (1050, 0), dxfattribs={"layer": "0"})
    blk.add_arc((0, 0), 900, 0, 90, dxfattribs={"layer": "0"})
    blk.add_line((0, 0), (0, 900), dxfattribs={"layer": "0"})
    m = f.msp
    f.layer("WALL")
    for pts in [((3050, 0), (20000, 0), (20000, 12000), (0, 12000), (0, 0), (1850, 0)),
                ((5000, 0), (5000, 5850)), ((5000, 7050), (5000, 12000)),
                ((12000, 12000), (12000, 6000), (12850, 6000)), ((14050, 6000), (20000, 6000)),
                ((16000, 12000), (16000, 11050)), ((16000, 9850), (16000, 9000), (20000, 9000))]:
        m.add_lwpolyline(pts, dxfattribs={"layer": "WALL"})
    for x, y, r in [(2000, 0, 0), (5000, 6000, 90), (13000, 6000, 0), (16000, 10000, 90)]:
        m.add_blockref("DOORSTUB", (x, y), dxfattribs={"layer": f.layer("DOOR"), "rotation": r})
    base(f, walls=False, doors=False)
    f.save(path)


@floor("doors inserted with non-uniform scale (0.9, 1.0), (1.0, 0.9) and (1.111, 1.111); wall gaps follow the chord")
def b3_door_scale(path):
    f = Floor()
    f.layer("WALL")
    f.wall((2810, 0), (20000, 0), (20000, 12000), (0, 12000), (0, 0), (2000, 0))
    f.wall((5000, 0), (5000, 6000))
    f.wall((5000, 6900), (5000, 12000))
    f.wall((12000, 12000), (12000, 6000), (13000, 6000))
    f.wall((14000, 6000), (20000, 6000))
    f.wall((16000, 12000), (16000, 10810))
    f.wall((16000, 10000), (16000, 9000), (20000, 9000))
    f.door(2000, 0, 0, "D01", sx=0.9, sy=1.0)
    f.door(5000, 6000, 90, "D02", sx=1.0, sy=0.9)
    f.door(13000, 6000, 0, "D03", "LOCKED", sx=1000 / 900, sy=1000 / 900)
    f.door(16000, 10000, 90, "D04", "LOGGED", sx=0.9, sy=1.0)
    base(f, walls=False, doors=False)
    f.save(path)


@floor("window blocks on WINDOW in the outer wall (one on the server room) and in the open/L1 wall; window is no passage")
def b3_windows(path):
    f = Floor()
    wb = f.doc.blocks.new("WIN1500")
    wb.add_lwpolyline([(0, -50), (1500, -50), (1500, 50), (0, 50)], close=True, dxfattribs={"layer": "0"})
    wb.add_line((0, 0), (1500, 0), dxfattribs={"layer": "0"})
    f.layer("WALL")
    f.wall((2900, 0), (8000, 0))
    f.wall((9500, 0), (20000, 0), (20000, 12000), (19000, 12000))
    f.wall((17500, 12000), (0, 12000), (0, 0), (2000, 0))
    f.wall((5000, 0), (5000, 2000))
    f.wall((5000, 3500), (5000, 6000))
    f.wall((5000, 6900), (5000, 12000))
    f.wall((12000, 12000), (12000, 6000), (13000, 6000))
    f.wall((13900, 6000), (20000, 6000))
    f.wall((16000, 12000), (16000, 10900))
    f.wall((16000, 10000), (16000, 9000), (20000, 9000))
    lay = f.layer("WINDOW")
    for x, y, r in [(8000, 0, 0), (17500, 12000, 0), (5000, 2000, 90)]:
        f.msp.add_blockref("WIN1500", (x, y), dxfattribs={"layer": lay, "rotation": r})
    base(f, walls=False)
    f.save(path)


@floor("役員室 door hinged exactly at the zone corner (12000, 6000)")
def b3_door_corner(path):
    f = Floor()
    base(f, skip=("l2walls", "d03"))
    f.wall((12000, 12000), (12000, 6000))
    f.wall((12900, 6000), (20000, 6000))
    f.door(12000, 6000, 0, "D03", "LOCKED")
    f.save(path)


@floor("entrance as a double door made of two single blocks (one mirrored by xscale -1), gap 1800")
def b3_double_door(path):
    f = Floor()
    base(f, walls=False, doors=False)
    f.wall((3800, 0), (20000, 0), (20000, 12000), (0, 12000), (0, 0), (2000, 0))
    f.wall((5000, 0), (5000, 6000))
    f.wall((5000, 6900), (5000, 12000))
    f.wall((12000, 12000), (12000, 6000), (13000, 6000))
    f.wall((13900, 6000), (20000, 6000))
    f.wall((16000, 12000), (16000, 10900))
    f.wall((16000, 10000), (16000, 9000), (20000, 9000))
    f.door(2000, 0, 0, "D01A")
    f.door(3800, 0, 0, "D01B", sx=-1.0)
    f.door(5000, 6000, 90, "D02")
    f.door(13000, 6000, 0, "D03", "LOCKED")
    f.door(16000, 10000, 90, "D04", "LOGGED")
    f.save(path)


@floor("entrance as a revolving door: CIRCLE (r 1000) and four wings on DOOR in a 2000 mm wall gap")
def b3_revolving_door(path):
    f = Floor()
    base(f, walls=False, doors=False)
    f.wall((4000, 0), (20000, 0), (20000, 12000), (0, 12000), (0, 0), (2000, 0))
    f.wall((5000, 0), (5000, 6000))
    f.wall((5000, 6900), (5000, 12000))
    f.wall((12000, 12000), (12000, 6000), (13000, 6000))
    f.wall((13900, 6000), (20000, 6000))
    f.wall((16000, 12000), (16000, 10900))
    f.wall((16000, 10000), (16000, 9000), (20000, 9000))
    lay = f.layer("DOOR")
    f.msp.add_circle((3000, 0), 1000, dxfattribs={"layer": lay})
    for a in (45, 135, 225, 315):
        f.msp.add_line((3000, 0), (3000 + 1000 * math.cos(math.radians(a)),
                                   1000 * math.sin(math.radians(a))), dxfattribs={"layer": lay})
    f.door(5000, 6000, 90, "D02")
    f.door(13000, 6000, 0, "D03", "LOCKED")
    f.door(16000, 10000, 90, "D04", "LOGGED")
    f.save(path)


@floor("the reference office at Japanese plane-rectangular coordinates (x ~ 3.5e7 mm)")
def b3_huge_coords(path):
    f = Floor(offset=(35_123_456.789, -8_765_432.1))
    base(f)
    f.save(path)


@floor("floor 120 m x 60 m: five corridors (open area, one entrance each) and 150 level-1 rooms; one level-3 cabinet")
def b3_large_floor(path):
    f = Floor()
    W, H = 120000, 60000
    f.rect(0, 0, W, H, "APPLICATION-AREA")
    lay = f.layer("WALL")
    m = f.msp
    # outline with 5 entrance gaps on x=0 (corridor at band*12000 + 5000 .. +7000)
    ys = []
    for b in range(5):
        y0 = b * 12000 + 5000
        ys.append(y0)
    m.add_line((0, 0), (W, 0), dxfattribs={"layer": lay})
    m.add_line((W, 0), (W, H), dxfattribs={"layer": lay})
    m.add_line((W, H), (0, H), dxfattribs={"layer": lay})
    prev = 0
    for y0 in ys:
        m.add_line((0, prev), (0, y0 + 500), dxfattribs={"layer": lay})
        f.door(0, y0 + 500, 90, "E%d" % (y0 // 12000 + 1))
        prev = y0 + 1400
    m.add_line((0, prev), (0, H), dxfattribs={"layer": lay})
    n = 0
    for b in range(5):
        for row, (ry0, ry1, wall_y) in enumerate([(b * 12000, b * 12000 + 5000, b * 12000 + 5000),
                                                  (b * 12000 + 7000, b * 12000 + 12000, b * 12000 + 7000)]):
            if ry0 > 0 and row == 0:
                pass
            # corridor-side wall with door gaps
            for i in range(15):
                x0 = i * 8000
                n += 1
                name = "室%03d" % n
                f.rect(x0, ry0, x0 + 8000, ry1, "ZONE-L1")
                f.label(name, x0 + 3000, (ry0 + ry1) / 2)
                m.add_line((x0, wall_y), (x0 + 3000, wall_y), dxfattribs={"layer": lay})
                m.add_line((x0 + 3900, wall_y), (x0 + 8000, wall_y), dxfattribs={"layer": lay})
                f.door(x0 + 3000, wall_y, 0, "D%03d" % n)
                if i > 0:
                    m.add_line((x0, ry0), (x0, ry1), dxfattribs={"layer": lay})
        if b < 4:
            m.add_line((0, b * 12000 + 12000), (W, b * 12000 + 12000), dxfattribs={"layer": lay})
    f.cabinet(60000 + 6000, 24000 + 2000, 3)
    f.save(path)


@floor("two floors side by side (two application-area polygons); floor B has no 役員室 zone so its server door goes from L1 straight to L3",
       [{"rule": "ACC002", "subjects": [R("サーバー室B"), D("B-D04")]},
        {"rule": "DWG004", "subjects": [D("B-D03"), R("執務室B")]}])
def b3_two_floors(path):
    f = Floor()
    base(f, names=("受付A", "執務室A", "役員室A", "サーバー室A"), ids=("A-D01", "A-D02", "A-D03", "A-D04"))
    f.ox = 30000
    base(f, names=("受付B", "執務室B", "役員室B", "サーバー室B"), ids=("B-D01", "B-D02", "B-D03", "B-D04"),
         l2=False)
    f.save(path)


@floor("robustness: empty ZONE-OPEN layer, a zero-area zone, an empty door block, INSERTs of a missing block, a 100k-character TEXT")
def b3_junk(path):
    f = Floor()
    base(f)
    f.layer("ZONE-OPEN")
    f.zone([(8000, 8000), (9000, 8000), (10000, 8000)], "ZONE-L1")
    f.doc.blocks.new("EMPTYDOOR")
    f.msp.add_blockref("EMPTYDOOR", (9000, 2000), dxfattribs={"layer": "DOOR"})
    f.msp.add_blockref("NOSUCHBLOCK", (9000, 4000), dxfattribs={"layer": "DOOR"})
    f.msp.add_blockref("NOSUCHBLOCK", (9000, 5000), dxfattribs={"layer": "WALL"})
    f.msp.add_text("長" * 100000, dxfattribs={"layer": "ROOM-NAME", "height": 100,
                                             "insert": (9000, 4500)})
    f.save(path)


@floor("one MTEXT per room holding name and level on two lines (name\\P(level)); zones on a plain ZONE layer")
def b3_mtext_oneblock(path):
    f = Floor()
    base(f, zones=False, labels=False)
    f.rect(0, 0, 20000, 12000, "APPLICATION-AREA")
    for x0, y0, x1, y1 in [(5000, 0, 20000, 12000), (12000, 6000, 20000, 12000),
                           (16000, 9000, 20000, 12000)]:
        f.rect(x0, y0, x1, y1, "ZONE")
    lay = f.layer("ROOM-NAME")
    for t, x, y in [("{\\fMS Gothic;受付}\\P(オープンエリア)", 1500, 8000),
                    ("{\\fMS Gothic;執務室}\\P(セキュリティレベル１)", 7000, 3000),
                    ("{\\fMS Gothic;役員室}\\P(セキュリティレベル２)", 13000, 8000),
                    ("{\\fMS Gothic;サーバー室}\\P(セキュリティレベル３)", 17000, 10800)]:
        f.msp.add_mtext(t, dxfattribs={"layer": lay, "insert": f.p(x, y), "char_height": 250,
                                       "width": 2500})
    f.save(path)


@floor("lock states as nearby text in several spellings: 常時開放, 常時開錠, 常時施錠, 施錠＋入退室記録 (full-width plus); door numbers as ＤＲ－０１ style full-width text; nothing wrong")
def b3_lock_variants(path):
    f = Floor()
    base(f, doors=False)
    for x, y, r, did, lock, tx, ty in [
            (2000, 0, 0, "ＤＲ－０１", "常時開放", 2200, -400), (5000, 6000, 90, "ＤＲ－０２", "常時開錠", 5200, 6300),
            (13000, 6000, 0, "ＤＲ－０３", "常時施錠", 13300, 5500),
            (16000, 10000, 90, "ＤＲ－０４", "施錠＋入退室記録", 16200, 10300)]:
        f.door(x, y, r, block="DOORPLAIN")
        f.label(did, tx, ty, layer="建具番号", height=200)
        f.label(lock, tx, ty - 300, layer="建具番号", height=150)
    f.save(path)


@floor("junk 2: a self-intersecting (bow-tie) zone, a two-vertex zone, a zone on ZONE-L2 that equals the application area, text with control characters")
def b3_junk2(path):
    f = Floor()
    base(f)
    f.zone([(6000, 8000), (9000, 11000), (9000, 8000), (6000, 11000)], "ZONE-L1")
    f.zone([(7000, 1000), (8000, 1000)], "ZONE-L2")
    f.label("\x01\t受付\r\n", 1500, 7000)
    f.save(path)


@floor("entrance double door as one block DOUBLE1800 holding two nested single-door INSERTs (one mirrored) on layer 0")
def b3_double_nested(path):
    f = Floor()
    dd = f.doc.blocks.new("DOUBLE1800")
    dd.add_blockref("DOORPLAIN", (0, 0), dxfattribs={"layer": "0"})
    dd.add_blockref("DOORPLAIN", (1800, 0), dxfattribs={"layer": "0", "xscale": -1})
    base(f, walls=False, doors=False)
    f.wall((3800, 0), (20000, 0), (20000, 12000), (0, 12000), (0, 0), (2000, 0))
    f.wall((5000, 0), (5000, 6000))
    f.wall((5000, 6900), (5000, 12000))
    f.wall((12000, 12000), (12000, 6000), (13000, 6000))
    f.wall((13900, 6000), (20000, 6000))
    f.wall((16000, 12000), (16000, 10900))
    f.wall((16000, 10000), (16000, 9000), (20000, 9000))
    f.msp.add_blockref("DOUBLE1800", (2000, 0), dxfattribs={"layer": f.layer("DOOR")})
    f.door(5000, 6000, 90, "D02")
    f.door(13000, 6000, 0, "D03", "LOCKED")
    f.door(16000, 10000, 90, "D04", "LOGGED")
    f.save(path)


def main(outdir):
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    for name, (fn, desc, findings) in FLOORS.items():
        fn(str(out / f"{name}.dxf"))
        (out / f"{name}.expected.json").write_text(
            json.dumps({"description": desc, "findings": findings}, ensure_ascii=False, indent=1),
            encoding="utf-8")
    return sorted(FLOORS)


if __name__ == "__main__":
    print(main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/floors_cad_exports"))
