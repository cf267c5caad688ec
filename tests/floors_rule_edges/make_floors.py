"""Rule-edge floors: rule edges, structure and output (drawn from the spec only).

Usage: python make_floors.py OUTDIR  -> OUTDIR/NAME.dxf and OUTDIR/NAME.expected.json (hand-written)
"""
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from floorkit import Floor, R, D, rect  # noqa: E402

AA = {"kind": "application_area"}
DRAWING = {"kind": "drawing"}


def CAB(name):
    return {"kind": "cabinet", "name": name}


def DEV(name):
    return {"kind": "device", "name": name}


def base(f, l2l3=True, lobby_zone=False, aa=True):
    """AA 30x20 m, entrance E1 bottom-left into open lobby (y<8), L1 office y 8..20."""
    if aa:
        f.aa(rect(0, 0, 30, 20))
    else:
        f.wall(rect(0, 0, 30, 20) + [(0, 0)])
    f.door("E1", (2, 0), (2.9, 0))
    if lobby_zone:
        f.zone("ZONE-OPEN", rect(0, 0, 30, 8), "ロビー")
    f.zone("ZONE-L1", rect(0, 8, 30, 20), "執務室")
    f.door("D01", (2, 8), (2.9, 8))
    if l2l3:
        f.zone("ZONE-L2", rect(20, 14, 30, 20), "役員室")
        f.door("D02", (20, 16), (20, 16.9))
        f.zone("ZONE-L3", rect(26, 17, 30, 20), "サーバー室")
        f.door("D03", (26, 18), (26, 18.9))


def layout_b(f, x_room):
    """AA 30x20, entrance E1 on the left wall into an open lobby strip x 0..4; L1 office x 4..30."""
    f.aa(rect(0, 0, 30, 20))
    f.zone("ZONE-L1", rect(4, 0, 30, 20), "執務室")
    f.door("D01", (4, 1), (4, 1.9))


FLOORS = []


def floor(fn):
    FLOORS.append(fn)
    return fn


@floor
def b2_ok_nested():
    f = Floor("b2_ok_nested", "L1 > L2 > L3 nested two deep, entrance into open lobby: compliant")
    base(f)
    return f


@floor
def b2_acc002_0to2():
    f = Floor("b2_acc002_0to2", "L2 room with a second door straight from the open area (0->2)")
    base(f, l2l3=False)
    f.zone("ZONE-L2", rect(20, 8, 30, 14), "役員室")
    f.door("D02", (20, 10), (20, 10.9))
    f.door("DX", (25, 8), (25.9, 8))
    f.cabinet((28, 12), level=3, cid="K3")
    f.expect("ACC002", D("DX"), R("役員室"))
    return f


@floor
def b2_acc002_1to3_two_routes():
    f = Floor("b2_acc002_1to3_two_routes", "L3 room reached from L2 (fine) and from L1 (skips a level)")
    base(f, l2l3=False)
    f.zone("ZONE-L2", rect(20, 14, 30, 20), "役員室")
    f.door("D02", (20, 16), (20, 16.9))
    f.zone("ZONE-L3", rect(26, 8, 30, 14), "サーバー室")
    f.door("D03", (27, 14), (27.9, 14))
    f.door("DX", (26, 10), (26, 10.9))
    f.expect("ACC002", D("DX"), R("サーバー室"))
    return f


@floor
def b2_acc001_opening():
    f = Floor("b2_acc001_opening", "L3 room with a 1.2 m doorless opening onto the open lobby")
    base(f, l2l3=False)
    f.zone("ZONE-L2", rect(20, 14, 30, 20), "役員室")
    f.door("D02", (20, 16), (20, 16.9))
    f.zone("ZONE-L3", rect(26, 8, 30, 14), "サーバー室")
    f.door("D03", (27, 14), (27.9, 14))
    f.opening((27, 8), (28.2, 8))
    f.expect("ENC001", R("サーバー室"))
    f.expect("ENC001", R("執務室"))  # the L1 zone outline runs along the same gap
    f.expect("ACC001", R("サーバー室"), {"kind": "opening"})
    return f


@floor
def b2_acc002_entrance_into_l2():
    f = Floor("b2_acc002_entrance_into_l2", "second entrance E2 straight from outside into an L2 room")
    base(f, l2l3=False)
    f.zone("ZONE-L2", rect(20, 14, 30, 20), "役員室")
    f.door("D02", (20, 16), (20, 16.9))
    f.door("E2", (24, 20), (24.9, 20))
    f.cabinet((22, 16), level=3, cid="K3")
    f.expect("ACC002", D("E2"), R("役員室"))
    f.expect("ACC003", R("役員室"), D("E2"))
    return f


def _acc003(name, desc, x2, l3=False, opening=False):
    f = Floor(name, desc)
    layout_b(f, x2)
    if opening:
        f.opening((0, 10), (0, 11.2))
    else:
        f.door("E1", (0, 10), (0, 10.9))
    if l3:
        f.zone("ZONE-L2", rect(10, 8, 16, 14), "役員室")
        f.door("D02", (16, 10), (16, 10.9))
        f.zone("ZONE-L3", rect(x2, 8, 10, 14), "サーバー室")
        f.door("D03", (10, 12), (10, 12.9))
    else:
        f.zone("ZONE-L2", rect(x2, 8, 10, 14), "役員室")
        f.door("D02", (10, 10), (10, 10.9))
        f.cabinet((7, 11), level=3, cid="K3")
    return f


@floor
def b2_acc003_l2_4p9():
    f = _acc003("b2_acc003_l2_4p9", "L2 room outline 4.9 m from the entrance threshold", 4.9)
    f.expect("ACC003", R("役員室"), D("E1"))
    return f


@floor
def b2_acc003_l2_5p1():
    return _acc003("b2_acc003_l2_5p1", "L2 room outline 5.1 m from the entrance threshold: fine", 5.1)


@floor
def b2_acc003_l3_4p9():
    f = _acc003("b2_acc003_l3_4p9", "L3 room 4.9 m from the entrance (reached via L2 at 10 m)", 4.9, l3=True)
    f.expect("ACC003", R("サーバー室"), D("E1"))
    return f


@floor
def b2_acc003_opening_entrance():
    f = _acc003("b2_acc003_opening_entrance", "entrance is a 1.2 m opening; L2 at 4.9 m", 4.9, opening=True)
    f.expect("ENC002", AA)
    f.expect("ACC003", R("役員室"), {"kind": "opening"})
    return f


@floor
def b2_eqp001_partitions():
    f = Floor("b2_eqp001_partitions", "copier C3 in lobby with partitions on 3 sides (ok), C2 on 2 sides (reported)")
    base(f)
    f.device((15, 4), did="C3")
    f.partition([(14, 3), (14, 5), (16, 5), (16, 3)])
    f.device((24, 4), did="C2")
    f.partition([(23, 3), (23, 5), (25, 5)])
    f.expect("EQP001", DEV("C2"))
    return f


@floor
def b2_eqp001_places():
    f = Floor("b2_eqp001_places", "copier in L1 room (ok), in explicit ZONE-OPEN (reported), outside the AA (reported)")
    base(f)
    f.zone("ZONE-OPEN", rect(10, 0, 20, 8), "ラウンジ", walls=False)
    f.device((10, 14), did="C1")
    f.device((15, 5), did="C2")
    f.device((15, -3), did="C3")
    f.expect("EQP001", DEV("C2"))
    f.expect("EQP001", DEV("C3"))
    return f


@floor
def b2_eqp002_3m():
    f = Floor("b2_eqp002_3m", "entrance into L1; copier outline 2.9 m from it (reported), another 3.1 m (ok)")
    f.aa(rect(0, 0, 30, 20))
    f.zone("ZONE-L1", rect(0, 0, 30, 20), "執務室")
    f.door("E1", (10, 0), (10.9, 0))
    f.zone("ZONE-L2", rect(20, 14, 30, 20), "役員室")
    f.door("D02", (20, 16), (20, 16.9))
    f.zone("ZONE-L3", rect(26, 17, 30, 20), "サーバー室")
    f.door("D03", (26, 18), (26, 18.9))
    f.device((10.45, 3.2), did="C1")
    f.device((14.3, 0.5), did="C2")
    f.expect("EQP002", DEV("C1"), D("E1"))
    return f


@floor
def b2_cab001_levels():
    f = Floor("b2_cab001_levels", "cabinets in the lobby given level 2/3 by ATTRIB, layer and label; level-1 and L1-room ones fine")
    base(f)
    f.cabinet((10, 4), level=2, cid="K1")
    f.cabinet((10, 14), level=2, cid="K2")
    f.cabinet((15, 4), layer="CABINET-L2", cid="K3")
    f.cabinet((20, 4), cid="K4")
    f.text("L2", (19.8, 3.95), layer="CABINET")
    f.cabinet((25, 4), level=3, cid="K5")
    f.cabinet((6, 4), level=1, cid="K6")
    f.cabinet((6, 6), cid="K7")
    for k in ("K1", "K3", "K4", "K5"):
        f.expect("CAB001", CAB(k))
    return f


@floor
def b2_zon001_cabinet_only():
    f = Floor("b2_zon001_cabinet_only", "no L3 room; an L3 cabinet inside an L2 room satisfies ZON001")
    base(f, l2l3=False)
    f.zone("ZONE-L2", rect(20, 14, 30, 20), "役員室")
    f.door("D02", (20, 16), (20, 16.9))
    f.cabinet((25, 18), level=3, cid="K3")
    return f


@floor
def b2_zon001_missing():
    f = Floor("b2_zon001_missing", "no L3 room, only an L2 cabinet: ZON001")
    base(f, l2l3=False)
    f.zone("ZONE-L2", rect(20, 14, 30, 20), "役員室")
    f.door("D02", (20, 16), (20, 16.9))
    f.cabinet((25, 18), level=2, cid="K2")
    f.expect("ZON001", AA)
    return f


@floor
def b2_zon001_l3cab_in_open():
    f = Floor("b2_zon001_l3cab_in_open", "only L3 is a cabinet standing in the open lobby: CAB001 (ZON001 debatable)")
    base(f, l2l3=False)
    f.zone("ZONE-L2", rect(20, 14, 30, 20), "役員室")
    f.door("D02", (20, 16), (20, 16.9))
    f.cabinet((15, 4), level=3, cid="K3")
    f.expect("CAB001", CAB("K3"))
    return f


@floor
def b2_zon002_nested():
    f = Floor("b2_zon002_nested", "whole AA level 3 with a nested L3 room entered from inside: compliant")
    f.aa(rect(0, 0, 20, 12))
    f.zone("ZONE-L3", rect(0, 0, 20, 12), "開発フロア")
    f.door("E1", (2, 0), (2.9, 0))
    f.zone("ZONE-L3", rect(14, 6, 20, 12), "金庫室")
    f.door("D03", (14, 8), (14, 8.9))
    return f


@floor
def b2_zon002_siblings():
    f = Floor("b2_zon002_siblings", "AA = two sibling L3 rooms each with its own entrance: ZON002")
    f.aa(rect(0, 0, 20, 12))
    f.zone("ZONE-L3", rect(0, 0, 10, 12), "開発A")
    f.zone("ZONE-L3", rect(10, 0, 20, 12), "開発B")
    f.door("E1", (2, 0), (2.9, 0))
    f.door("E2", (15, 0), (15.9, 0))
    f.door("D03", (10, 6), (10, 6.9))
    f.expect("ZON002", AA)
    return f


@floor
def b2_zon002_sibling_inner():
    f = Floor("b2_zon002_sibling_inner", "AA = two sibling L3 rooms, B reached only through A: separate room exists")
    f.aa(rect(0, 0, 20, 12))
    f.zone("ZONE-L3", rect(0, 0, 10, 12), "開発A")
    f.zone("ZONE-L3", rect(10, 0, 20, 12), "開発B")
    f.door("E1", (2, 0), (2.9, 0))
    f.door("D03", (10, 6), (10, 6.9))
    return f


@floor
def b2_dwg001_open_zones():
    f = Floor("b2_dwg001_open_zones", "L2 zone open by 5 cm (repaired), another open by 1 m (DWG001, left out)")
    base(f, l2l3=False)
    f.zone("ZONE-L2", [(20, 14), (30, 14), (30, 20), (20, 20), (20, 14.05)], "役員室", closed=False)
    f.door("DA", (20, 16), (20, 16.9))
    f.zone("ZONE-L2", [(10, 14), (16, 14), (16, 20), (10, 20), (10, 15)], "会議室", closed=False,
           label_at=(13, 17))
    f.door("DB", (16, 16), (16, 16.9))
    f.cabinet((25, 17), level=3, cid="K3")
    f.expect("DWG001", {"kind": "zone"})
    f.expect("DWG004", D("DB"))
    return f


@floor
def b2_dwg002_no_level():
    f = Floor("b2_dwg002_no_level", "a zone on layer ZONE with no level anywhere")
    base(f)
    f.zone("ZONE", rect(10, 14, 16, 20), "倉庫")
    f.door("DB", (16, 16), (16, 16.9))
    f.expect("DWG002", {"kind": "zone", "name": "倉庫"})
    f.expect("DWG004", D("DB"))
    return f


@floor
def b2_dwg003_overlap():
    f = Floor("b2_dwg003_overlap", "two L1 zones overlapping by 2 m")
    f.aa(rect(0, 0, 30, 20))
    f.door("E1", (2, 0), (2.9, 0))
    f.zone("ZONE-L1", rect(0, 8, 16, 20), "執務室A")
    f.zone("ZONE-L1", rect(14, 8, 30, 20), "執務室B")
    f.door("D01", (2, 8), (2.9, 8))
    f.door("DB", (25, 8), (25.9, 8))
    f.cabinet((5, 15), level=3, cid="K3")
    f.expect("DWG003", {"kind": "zone", "name": "執務室A"}, {"kind": "zone", "name": "執務室B"})
    return f


@floor
def b2_dwg004_stray_door():
    f = Floor("b2_dwg004_stray_door", "a door block standing in the middle of the L1 office")
    base(f)
    f.door("DZ", (8, 14), (8.9, 14))
    f.expect("DWG004", D("DZ"))
    return f


@floor
def b2_dwg006_no_aa():
    f = Floor("b2_dwg006_no_aa", "no application-area polyline; lobby drawn as ZONE-OPEN")
    base(f, lobby_zone=True, aa=False)
    f.expect("DWG006", AA)  # the tool names the application area here
    return f


@floor
def b2_dwg007_no_door():
    f = Floor("b2_dwg007_no_door", "an L2 archive room with no door")
    base(f)
    f.zone("ZONE-L2", rect(10, 14, 14, 20), "書庫")
    f.expect("DWG007", R("書庫"))
    return f


@floor
def b2_two_tenancies():
    f = Floor("b2_two_tenancies", "two AA polygons separated by a common corridor, each compliant")
    f.aa(rect(0, 0, 14, 20))
    f.aa(rect(16, 0, 30, 20))
    f.zone("ZONE-L1", rect(0, 0, 14, 20), "執務室A")
    f.door("E1", (14, 2), (14, 2.9))
    f.zone("ZONE-L2", rect(0, 12, 6, 20), "役員室A")
    f.door("D2A", (6, 14), (6, 14.9))
    f.zone("ZONE-L3", rect(0, 16, 3, 20), "サーバー室A")
    f.door("D3A", (3, 17), (3, 17.9))
    f.zone("ZONE-L1", rect(16, 0, 30, 20), "執務室B")
    f.door("E2", (16, 2), (16, 2.9))
    f.zone("ZONE-L2", rect(24, 12, 30, 20), "役員室B")
    f.door("D2B", (24, 14), (24, 14.9))
    f.zone("ZONE-L3", rect(27, 16, 30, 20), "サーバー室B")
    f.door("D3B", (27, 17), (27, 17.9))
    return f


@floor
def b2_aa_hole_core():
    f = Floor("b2_aa_hole_core", "AA with a hole (lift/stair core, outside); entrance from the core")
    f.aa(rect(0, 0, 30, 20), holes=[rect(12, 8, 18, 12)])
    f.door("E1", (14.5, 8), (15.4, 8))
    f.zone("ZONE-L1", rect(0, 0, 10, 20), "執務室西")
    f.zone("ZONE-L1", rect(20, 0, 30, 20), "執務室東")
    f.door("DW", (10, 2), (10, 2.9))
    f.door("DE", (20, 2), (20, 2.9))
    f.zone("ZONE-L2", rect(26, 14, 30, 20), "役員室")
    f.door("D02", (26, 15), (26, 15.9))
    f.zone("ZONE-L3", rect(28, 17, 30, 20), "サーバー室")
    f.door("D03", (28, 18), (28, 18.9))
    return f


@floor
def b2_zone_insert():
    f = Floor("b2_zone_insert", "L2 and L3 zones drawn as block INSERTs on layer ZONE with ATTRIB LEVEL")
    base(f, l2l3=False)
    blk = f.doc.blocks.new("ZBLK")
    blk.add_lwpolyline([(0, 0), (1, 0), (1, 1), (0, 1)], close=True)
    blk.add_attdef("LEVEL", (0.5, 0.5), dxfattribs={"height": 0.05})
    f.layer("ZONE")
    for (x0, y0, x1, y1), lev, nm in (((20, 14, 30, 20), "2", "役員室"), ((26, 17, 30, 20), "3", "サーバー室")):
        ins = f.msp.add_blockref("ZBLK", f.T((x0, y0)), dxfattribs={
            "layer": "ZONE", "xscale": (x1 - x0) * f.s, "yscale": (y1 - y0) * f.s})
        ins.add_auto_attribs({"LEVEL": lev})
        f.wall(rect(x0, y0, x1, y1) + [(x0, y0)])
        f.text(nm, ((x0 + x1) / 2 + 0.3, (y0 + y1) / 2 - 0.7))
    f.door("D02", (20, 16), (20, 16.9))
    f.door("D03", (26, 18), (26, 18.9))
    return f


@floor
def b2_open_split():
    f = Floor("b2_open_split", "open area split by an L1 corridor; copier and a 0->2 door in the far open part")
    f.aa(rect(0, 0, 30, 20))
    f.door("E1", (2, 0), (2.9, 0))
    f.zone("ZONE-L1", rect(10, 0, 14, 20), "廊下")
    f.door("DA", (10, 9), (10, 9.9))
    f.door("DB", (14, 9), (14, 9.9))
    f.device((22, 10), did="C1")
    f.zone("ZONE-L2", rect(24, 14, 30, 20), "役員室")
    f.door("DL2", (24, 15), (24, 15.9))
    f.cabinet((27, 17), level=3, cid="K3")
    f.expect("EQP001", DEV("C1"))
    f.expect("ACC002", D("DL2"), R("役員室"))
    return f


@floor
def b2_slivers():
    f = Floor("b2_slivers", "two L1 zones 3 cm apart (sliver), L2 rooms sharing an edge exactly, one 2 cm off")
    f.aa(rect(0, 0, 30, 20))
    f.door("E1", (2, 0), (2.9, 0))
    f.zone("ZONE-L1", rect(0, 8, 15, 20), "執務室A")
    f.zone("ZONE-L1", rect(15.03, 8, 30, 20), "執務室B")
    f.door("DA", (2, 8), (2.9, 8))
    f.door("DB", (20, 8), (20.9, 8))
    f.zone("ZONE-L2", rect(3, 14, 8, 20), "会議室P")
    f.zone("ZONE-L2", rect(8, 14, 13, 20), "会議室Q")
    f.door("DP", (4, 14), (4.9, 14))
    f.door("DQ", (9, 14), (9.9, 14))
    f.zone("ZONE-L2", rect(20, 14, 25, 20), "役員室")
    f.zone("ZONE-L3", rect(25.02, 14, 30, 20), "サーバー室")
    f.door("D02", (21, 14), (21.9, 14))
    f.door("D03", (25, 17), (25, 17.9))
    return f


@floor
def b2_zone_beyond_aa():
    f = Floor("b2_zone_beyond_aa", "L1 zone drawn 5 cm beyond the AA outline on three sides")
    f.aa(rect(0, 0, 30, 20))
    f.door("E1", (2, 0), (2.9, 0))
    f.zone("ZONE-L1", rect(-0.05, 8, 30.05, 20.05), "執務室", walls=False)
    f.wall([(0, 8), (30, 8)])
    f.door("D01", (2, 8), (2.9, 8))
    f.zone("ZONE-L2", rect(20, 14, 30, 20), "役員室")
    f.door("D02", (20, 16), (20, 16.9))
    f.zone("ZONE-L3", rect(26, 17, 30, 20), "サーバー室")
    f.door("D03", (26, 18), (26, 18.9))
    return f


@floor
def b2_big_floor():
    f = Floor("b2_big_floor", "200 L2 rooms off an L1 corridor, one L3 nested in the last: compliant")
    n = 100
    W = 8 + 4 * n + 2
    f.aa(rect(0, 0, W, 20))
    f.zone("ZONE-L1", rect(0, 0, W, 20), "執務フロア")
    f.door("E1", (0, 9), (0, 9.9))
    for i in range(n):
        x0 = 8 + 4 * i
        f.zone("ZONE-L2", rect(x0, 0, x0 + 4, 8), f"R{i:03d}S")
        f.door(f"S{i:03d}", (x0 + 1, 8), (x0 + 1.9, 8))
        f.zone("ZONE-L2", rect(x0, 12, x0 + 4, 20), f"R{i:03d}N")
        f.door(f"N{i:03d}", (x0 + 1, 12), (x0 + 1.9, 12))
    x0 = 8 + 4 * (n - 1)
    f.zone("ZONE-L3", rect(x0, 16, x0 + 4, 20), "サーバー室")
    f.door("D03", (x0 + 1, 16), (x0 + 1.9, 16))
    return f


@floor
def b2_open_zone_nowall():
    f = Floor("b2_open_zone_nowall", "lobby split into two explicit ZONE-OPEN zones with no wall between them (one open area)")
    f.aa(rect(0, 0, 30, 20))
    f.door("E1", (2, 0), (2.9, 0))
    f.zone("ZONE-OPEN", rect(0, 0, 15, 8), "受付", walls=False)
    f.zone("ZONE-OPEN", rect(15, 0, 30, 8), "ラウンジ", walls=False)
    f.wall([(0, 8), (30, 8)])
    f.zone("ZONE-L1", rect(0, 8, 30, 20), "執務室")
    f.door("D01", (20, 8), (20.9, 8))
    f.zone("ZONE-L2", rect(20, 14, 30, 20), "役員室")
    f.door("D02", (20, 16), (20, 16.9))
    f.zone("ZONE-L3", rect(26, 17, 30, 20), "サーバー室")
    f.door("D03", (26, 18), (26, 18.9))
    return f


@floor
def b2_l1_partition_room():
    f = Floor("b2_l1_partition_room", "L1 room enclosed by low partitions with a partition door; L2 room reached from it")
    base(f, l2l3=False)
    f.zone("ZONE-L1", rect(10, 2, 16, 7), "打合せ", walls=False)
    f.partition([(10, 2), (16, 2), (16, 7), (10, 7), (10, 4.9)])
    f.partition([(10, 4), (10, 2)])
    f.door("DP", (10, 4), (10, 4.9))
    f.zone("ZONE-L2", rect(20, 14, 30, 20), "役員室")
    f.door("D02", (20, 16), (20, 16.9))
    f.zone("ZONE-L3", rect(26, 17, 30, 20), "サーバー室")
    f.door("D03", (26, 18), (26, 18.9))
    return f


@floor
def b2_acc002_opening_0to2():
    f = Floor("b2_acc002_opening_0to2", "L2 room with a 1 m doorless opening onto the open lobby")
    base(f, l2l3=False)
    f.zone("ZONE-L2", rect(20, 8, 30, 14), "役員室")
    f.door("D02", (20, 10), (20, 10.9))
    f.opening((25, 8), (26, 8))
    f.cabinet((28, 12), level=3, cid="K3")
    f.expect("ENC001", R("役員室"))
    f.expect("ENC001", R("執務室"))
    f.expect("ACC002", R("役員室"), {"kind": "opening"})
    return f


@floor
def b2_acc001_l3_entrance():
    f = Floor("b2_acc001_l3_entrance", "an L3 room with its own entrance door from outside")
    base(f)
    f.door("E3", (28, 20), (28.9, 20))
    f.expect("ACC001", R("サーバー室"), D("E3"))
    f.expect("ACC003", R("サーバー室"), D("E3"))
    f.expect("ACC003", R("役員室"), D("E3"))
    return f


@floor
def b2_eqp_enclosed_near_entrance():
    f = Floor("b2_eqp_enclosed_near_entrance", "copier 2 m from the entrance in the lobby, enclosed by partitions on 3 sides; another against the outer wall with 2 partitions")
    base(f)
    f.device((5, 2.3), did="C1")
    f.partition([(4, 1.3), (4, 3.3), (6, 3.3), (6, 1.3)])
    f.device((29.4, 4), did="C2")
    f.partition([(30, 3), (28.4, 3), (28.4, 5), (30, 5)])
    return f


@floor
def b2_levels_from_labels():
    f = Floor("b2_levels_from_labels", "zones on layer ZONE with levels from labels: Lv.2 and セキュリティレベル３ (full-width digit)")
    base(f, l2l3=False)
    f.zone("ZONE", rect(20, 14, 30, 20), "役員室", label_at=(21, 15))
    f.text("Lv.2", (22, 19), layer="ZONE")
    f.door("D02", (20, 16), (20, 16.9))
    f.zone("ZONE", rect(26, 17, 30, 20), "サーバー室", label_at=(26.3, 17.5))
    f.text("セキュリティレベル３", (26.3, 19), layer="ROOM-NAME")
    f.door("D03", (26, 18), (26, 18.9))
    return f


@floor
def b2_overlap_2cm():
    f = Floor("b2_overlap_2cm", "two L2 rooms on a shared wall whose zone outlines overlap by 2 cm (drawing noise)")
    base(f, l2l3=False)
    f.zone("ZONE-L2", rect(14, 14, 20.02, 20), "会議室")
    f.zone("ZONE-L2", rect(20, 14, 30, 20), "役員室")
    f.door("DC", (15, 14), (15.9, 14))
    f.door("D02", (21, 14), (21.9, 14))
    f.zone("ZONE-L3", rect(26, 17, 30, 20), "サーバー室")
    f.door("D03", (26, 18), (26, 18.9))
    return f


@floor
def b2_aa_keyhole():
    f = Floor("b2_aa_keyhole", "AA drawn as one polyline around a lift core (keyhole slit); entrance from the core")
    f.aa([(0, 0), (15, 0), (15, 8), (12, 8), (12, 12), (18, 12), (18, 8), (15.001, 8), (15.001, 0),
          (30, 0), (30, 20), (0, 20)], walls=False)
    f.wall(rect(0, 0, 30, 20) + [(0, 0)])
    f.wall(rect(12, 8, 18, 12) + [(12, 8)])
    f.door("E1", (14, 8), (14.9, 8))
    f.zone("ZONE-L1", rect(0, 0, 10, 20), "執務室西")
    f.zone("ZONE-L1", rect(20, 0, 30, 20), "執務室東")
    f.door("DW", (10, 2), (10, 2.9))
    f.door("DE", (20, 2), (20, 2.9))
    f.zone("ZONE-L2", rect(26, 14, 30, 20), "役員室")
    f.door("D02", (26, 15), (26, 15.9))
    f.zone("ZONE-L3", rect(28, 17, 30, 20), "サーバー室")
    f.door("D03", (28, 18), (28, 18.9))
    return f


@floor
def b2_aa_hole_consequence():
    f = Floor("b2_aa_hole_consequence", "AA with a core hole; L2 room 4.5 m and a copier 1.6 m from the entrance in the core wall")
    f.aa(rect(0, 0, 30, 20), holes=[rect(12, 8, 18, 12)])
    f.door("E1", (14.5, 8), (15.4, 8))
    f.zone("ZONE-L1", rect(0, 0, 10, 20), "執務室西")
    f.zone("ZONE-L1", rect(20, 0, 30, 20), "執務室東")
    f.door("DW", (10, 2), (10, 2.9))
    f.door("DE", (20, 2), (20, 2.9))
    f.zone("ZONE-L2", rect(6, 6, 10, 10), "役員室")
    f.door("D02", (6, 7), (6, 7.9))
    f.cabinet((8, 8), level=3, cid="K3")
    f.device((15, 6), did="C1")
    f.expect("ACC003", R("役員室"), D("E1"))
    f.expect("EQP001", DEV("C1"))
    f.expect("EQP002", DEV("C1"), D("E1"))
    return f


def _mm(name, offset):
    f = Floor(name, "entrance straight into L2 (ACC002+ACC003), drawn in mm" +
              (" and moved by (1000, 2000) m" if offset != (0, 0) else ""), scale=1000.0, units=4, offset=offset)
    base(f, l2l3=False)
    f.zone("ZONE-L2", rect(20, 14, 30, 20), "役員室")
    f.door("D02", (20, 16), (20, 16.9))
    f.door("E2", (24, 20), (24.9, 20))
    f.cabinet((22, 16), level=3, cid="K3")
    f.device((15, 4), did="C1")
    f.expect("ACC002", D("E2"), R("役員室"))
    f.expect("ACC003", R("役員室"), D("E2"))
    f.expect("EQP001", DEV("C1"))
    return f


@floor
def b2_mm():
    return _mm("b2_mm", (0, 0))


@floor
def b2_mm_moved():
    return _mm("b2_mm_moved", (1000.0, 2000.0))


def main(outdir):
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    for fn in FLOORS:
        f = fn()
        f.save(str(out / f"{f.name}.dxf"))
        (out / f"{f.name}.expected.json").write_text(json.dumps(
            {"description": f.desc, "findings": f.expected}, ensure_ascii=False, indent=1), encoding="utf-8")
    return [fn.__name__ for fn in FLOORS]


if __name__ == "__main__":
    print(len(main(sys.argv[1] if len(sys.argv) > 1 else ".")), "floors")
