"""Blind test floors for osmark-plan, drawn from scratch from the specification only.

Each floor is a small office drawn in metres on a plan grid, then written in a drawing style
(units, rotation, offset, DXF version, wall style, door-block style, layer names, level source).
Run:  .venv/bin/python tests/floors_core/make_floors.py OUTDIR
Each floor's hand-written expectation (from the rule text) is in FLOORS[name]["expect"].
"""

from __future__ import annotations

import math
import sys
from dataclasses import dataclass, field
from pathlib import Path

import ezdxf
from shapely.ops import unary_union

UNITS = {"mm": (1000.0, 4), "cm": (100.0, 5), "m": (1.0, 6), "in": (1 / 0.0254, 1)}

EN = {"wall": "WALL", "part": "PARTITION", "door": "DOOR", "win": "WINDOW",
      "zone": {0: "ZONE-OPEN", 1: "ZONE-L1", 2: "ZONE-L2", 3: "ZONE-L3", None: "ZONE"},
      "aa": "APPLICATION-AREA", "cab": "CABINET", "cab3": "CABINET-L3", "dev": "DEVICE",
      "name": "ROOM-NAME"}
JP = {"wall": "壁", "part": "ローパーテーション", "door": "建具", "win": "窓",
      "zone": {0: "セキュリティ_オープン", 1: "セキュリティレベル1", 2: "セキュリティレベル2",
               3: "セキュリティレベル3", None: "セキュリティゾーン"},
      "aa": "申請エリア", "cab": "キャビネット", "cab3": "キャビネット_レベル3", "dev": "複合機",
      "name": "室名"}
LEVEL_WORD = {0: "オープンエリア", 1: "Lv.1", 2: "セキュリティレベル２", 3: "L3"}


def rect(x0, y0, x1, y1):
    return [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]


@dataclass
class Door:
    a: tuple
    b: tuple
    s: int = 1            # +1: leaf swings to the left of a->b, -1: to the right
    id: str = ""
    lock: str = ""
    kind: str = "single"  # single | double | sliding | loose


@dataclass
class Zone:
    name: str
    level: int | None
    pts: list
    label: tuple
    bulges: list | None = None


@dataclass
class Floor:
    name: str
    desc: str
    expect: list
    unit: str = "mm"
    version: str = "R2018"
    offset: tuple = (0.0, 0.0)   # in drawing units
    rot: float = 0.0             # degrees
    layers: dict = field(default_factory=lambda: EN)
    wall_style: str = "line"     # line | double | outline | hatch
    door_style: str = "std"      # std | arc90_180 | rectleaf | offset | attrib
    door_scale: str = "scale"    # scale (one 1 m block, scaled) | blocks (one block per width)
    zone_style: str = "poly"     # poly | hatch
    level_source: str = "layer"  # layer | label
    insunits: bool = True
    insunits_code: int | None = None   # write this $INSUNITS code instead of the true one
    walls: list = field(default_factory=list)
    arcs: list = field(default_factory=list)     # (centre, r, a0, a1) wall arcs
    parts: list = field(default_factory=list)
    windows: list = field(default_factory=list)
    doors: list = field(default_factory=list)
    zones: list = field(default_factory=list)
    aa: list | None = None
    cabinets: list = field(default_factory=list)  # (pts | (x,y), level, style)
    devices: list = field(default_factory=list)   # (x, y, style)
    codepage: str | None = None
    door_module: bool = False    # door INSERTs wrapped in one block inserted on layer 0
    door_layer0: bool = False    # door INSERT on layer 0, block entities on the door layer
    mtext: bool = False          # labels as MTEXT with inline formatting
    zone_inner: float = 0.0      # zones drawn this far inside the wall centre line
    thick: float = 0.15
    open_zone_last_vertex: bool = False  # zones as open polylines repeating the first vertex


# ----------------------------------------------------------------------------- writer

class Writer:
    def __init__(self, f: Floor):
        self.f = f
        self.U = UNITS[f.unit][0]
        self.doc = ezdxf.new(f.version)
        if f.insunits:
            self.doc.header["$INSUNITS"] = f.insunits_code or UNITS[f.unit][1]
        else:
            self.doc.header.hdrvars.pop("$INSUNITS", None)
        if f.codepage:
            self.doc.header["$DWGCODEPAGE"] = f.codepage
        self.msp = self.doc.modelspace()
        self.r12 = f.version == "R12"
        c, s = math.cos(math.radians(f.rot)), math.sin(math.radians(f.rot))
        self.cs = (c, s)

    def T(self, p):
        c, s = self.cs
        x, y = p[0] * self.U, p[1] * self.U
        return (self.f.offset[0] + c * x - s * y, self.f.offset[1] + s * x + c * y)

    def layer(self, name):
        if name not in self.doc.layers:
            self.doc.layers.add(name)
        return name

    def poly(self, space, pts, layer, closed=True, bulges=None):
        self.layer(layer)
        if bulges:
            pts = [(x, y, b) for (x, y), b in zip(pts, bulges)]
        if self.r12:
            return space.add_polyline2d(pts, format="xyb" if bulges else "xy", close=closed,
                                        dxfattribs={"layer": layer})
        return space.add_lwpolyline(pts, format="xyb" if bulges else "xy", close=closed,
                                    dxfattribs={"layer": layer})

    def line(self, p, q, layer):
        self.layer(layer)
        self.msp.add_line(self.T(p), self.T(q), dxfattribs={"layer": layer})

    def text(self, p, s, layer):
        self.layer(layer)
        if self.f.mtext and not self.r12:
            m = self.msp.add_mtext("{\\fMS Gothic|b0|i0|c128;" + s + "}", dxfattribs={
                "layer": layer, "char_height": 0.25 * self.U, "rotation": self.f.rot})
            m.set_location(self.T(p))
            return
        t = self.msp.add_text(s, dxfattribs={"layer": layer, "height": 0.25 * self.U,
                                             "rotation": self.f.rot})
        t.set_placement(self.T(p))

    # walls ------------------------------------------------------------------
    def cut_walls(self, segs, cuts):
        """Split centre-line segments by the chords of doors and windows (collinear cuts)."""
        out = []
        for p, q in segs:
            L = math.dist(p, q)
            ux, uy = (q[0] - p[0]) / L, (q[1] - p[1]) / L
            holes = []
            for a, b in cuts:
                da = abs((a[0] - p[0]) * uy - (a[1] - p[1]) * ux)
                db = abs((b[0] - p[0]) * uy - (b[1] - p[1]) * ux)
                if da < 0.11 and db < 0.11 and abs(da - db) < 1e-6:
                    ta = (a[0] - p[0]) * ux + (a[1] - p[1]) * uy
                    tb = (b[0] - p[0]) * ux + (b[1] - p[1]) * uy
                    lo, hi = sorted((ta, tb))
                    if hi > 0 and lo < L:
                        holes.append((max(lo, 0), min(hi, L)))
            t = 0.0
            for lo, hi in sorted(holes):
                if lo > t:
                    out.append(((p[0] + ux * t, p[1] + uy * t), (p[0] + ux * lo, p[1] + uy * lo),
                                t > 0, True))
                t = max(t, hi)
            if t < L:
                out.append(((p[0] + ux * t, p[1] + uy * t), q, t > 0, False))
        return out  # (p, q, p_is_cut, q_is_cut)

    def wall_pieces(self, segs, layer, thick=0.15):
        cuts = [(d.a, d.b) for d in self.f.doors] + [(w[0], w[1]) for w in self.f.windows]
        pieces = self.cut_walls(segs, cuts)
        st = self.f.wall_style
        if st == "line":
            for p, q, _, _ in pieces:
                self.line(p, q, layer)
            return
        rects = []
        for p, q, pc, qc in pieces:
            L = math.dist(p, q)
            ux, uy = (q[0] - p[0]) / L, (q[1] - p[1]) / L
            h = thick / 2
            p2 = p if pc else (p[0] - ux * h, p[1] - uy * h)
            q2 = q if qc else (q[0] + ux * h, q[1] + uy * h)
            nx, ny = -uy * h, ux * h
            rects.append([(p2[0] + nx, p2[1] + ny), (q2[0] + nx, q2[1] + ny),
                          (q2[0] - nx, q2[1] - ny), (p2[0] - nx, p2[1] - ny)])
        if st == "outline":
            for r in rects:
                self.poly(self.msp, [self.T(v) for v in r], layer)
        elif st == "hatch":
            self.layer(layer)
            for r in rects:
                h = self.msp.add_hatch(color=8, dxfattribs={"layer": layer})
                h.paths.add_polyline_path([self.T(v) for v in r], is_closed=True)
        elif st == "double":
            from shapely.geometry import Polygon
            u = unary_union([Polygon(r) for r in rects])
            geoms = getattr(u, "geoms", [u])
            for g in geoms:
                for ring in [g.exterior, *g.interiors]:
                    cs = list(ring.coords)
                    for a, b in zip(cs, cs[1:]):
                        self.line(a, b, layer)

    # doors ------------------------------------------------------------------
    def door_block(self, width, kind="single"):
        f, U = self.f, self.U
        size = 1.0 if f.door_scale == "scale" else width
        st = f.door_style if kind == "single" else kind
        name = f"D_{st.upper()}_{int(round(size * 1000))}"
        if name in self.doc.blocks:
            return name, size
        blk = self.doc.blocks.new(name)
        L = size * U
        ent = {"layer": f.layers["door"]} if f.door_layer0 else {}
        if ent:
            self.layer(f.layers["door"])
        if st == "double":
            blk.add_line((0, 0), (0, L / 2), dxfattribs=ent)
            blk.add_arc((0, 0), L / 2, 0, 90, dxfattribs=ent)
            blk.add_line((L, 0), (L, L / 2), dxfattribs=ent)
            blk.add_arc((L, 0), L / 2, 90, 180, dxfattribs=ent)
            return name, size
        if st == "sliding":
            self.poly(blk, [(0, 0), (0.55 * L, 0), (0.55 * L, 0.03 * L), (0, 0.03 * L)],
                      ent.get("layer", "0"))
            self.poly(blk, [(0.45 * L, 0.03 * L), (L, 0.03 * L), (L, 0.06 * L), (0.45 * L, 0.06 * L)],
                      ent.get("layer", "0"))
            return name, size
        if st in ("std", "attrib", "offset"):
            dx, dy = (0.3 * U, 0.2 * U) if st == "offset" else (0.0, 0.0)
            blk.add_line((dx, dy), (dx, dy + L), dxfattribs=ent)
            blk.add_arc((dx, dy), L, 0, 90, dxfattribs=ent)
            if st in ("attrib", "offset"):
                blk.add_attdef("ID", (0.1 * L, 0.1 * L), dxfattribs={"height": 0.1 * U})
                blk.add_attdef("LOCK", (0.1 * L, 0.3 * L), dxfattribs={"height": 0.1 * U})
        elif st == "arc90_180":
            blk.add_line((0, 0), (0, L))
            blk.add_arc((0, 0), L, 90, 180)
        elif st == "rectleaf":
            self.poly(blk, [(-0.04 * L, 0), (0, 0), (0, L), (-0.04 * L, L)], "0")
            blk.add_arc((0, 0), L, 0, 90)
        return name, size

    def door(self, d: Door, space=None):
        f, U = self.f, self.U
        space = space if space is not None else self.msp
        w = math.dist(d.a, d.b)
        th = math.degrees(math.atan2(d.b[1] - d.a[1], d.b[0] - d.a[0])) + f.rot
        if d.kind == "loose":
            lay = self.layer(f.layers["door"])
            u = ((d.b[0] - d.a[0]) / w, (d.b[1] - d.a[1]) / w)
            n = (-u[1] * d.s, u[0] * d.s)
            tip = (d.a[0] + n[0] * w, d.a[1] + n[1] * w)
            self.line(d.a, tip, lay)
            a0 = math.degrees(math.atan2(u[1], u[0])) + f.rot
            a1 = math.degrees(math.atan2(n[1], n[0])) + f.rot
            if d.s < 0:
                a0, a1 = a1, a0
            self.msp.add_arc(self.T(d.a), w * U, a0, a1, dxfattribs={"layer": lay})
            return
        name, size = self.door_block(w, d.kind)
        k = w / size
        sx, sy = k, k
        if d.kind != "single":
            if d.s < 0:
                sy = -k
        elif f.door_style in ("std", "attrib", "offset"):
            if d.s < 0:
                sy = -k                       # mirrored with negative Y scale
        elif f.door_style == "arc90_180":
            th += 180
            if d.s > 0:
                sy = -k
        elif f.door_style == "rectleaf":
            if d.s < 0:                       # mirrored with negative X scale, turned 180
                th += 180
                sx = -k
        A = self.T(d.a)
        if f.door_style == "offset" and d.kind == "single":
            hx, hy = 0.3 * U * sx, 0.2 * U * sy
            c, s = math.cos(math.radians(th)), math.sin(math.radians(th))
            A = (A[0] - (c * hx - s * hy), A[1] - (s * hx + c * hy))
        layer = "0" if f.door_layer0 else self.layer(f.layers["door"])
        ins = space.add_blockref(name, A, dxfattribs={
            "layer": layer, "xscale": sx, "yscale": sy, "rotation": th % 360})
        if f.door_style in ("attrib", "offset") and d.kind == "single":
            vals = {"ID": d.id or "", "LOCK": d.lock or ""}
            ins.add_auto_attribs(vals)
        elif d.id:
            mid = ((d.a[0] + d.b[0]) / 2, (d.a[1] + d.b[1]) / 2)
            self.text((mid[0] + 0.15, mid[1] + 0.15), d.id, self.f.layers["door"])

    # zones, cabinets, devices ---------------------------------------------------
    def zone(self, z: Zone):
        f = self.f
        lay = f.layers["zone"][z.level if f.level_source == "layer" else None]
        lay = self.layer(lay)
        zp = z.pts
        if f.zone_inner and not z.bulges:
            from shapely.geometry import Polygon
            zp = list(Polygon(zp).buffer(-f.zone_inner, join_style=2).exterior.coords)[:-1]
        pts = [self.T(p) for p in zp]
        if f.open_zone_last_vertex and not self.r12:
            self.layer(lay)
            self.msp.add_lwpolyline(pts + [pts[0]], close=False, dxfattribs={"layer": lay})
            pts = None
        if pts is None:
            pass
        elif f.zone_style == "hatch":
            h = self.msp.add_hatch(color=3, dxfattribs={"layer": lay})
            if z.bulges:
                pts = [(x, y, b) for (x, y), b in zip(pts, z.bulges)]
            h.paths.add_polyline_path(pts, is_closed=True)
        else:
            self.poly(self.msp, pts, lay, bulges=z.bulges)
        self.text(z.label, z.name, f.layers["name"])
        if f.level_source == "label":
            self.text((z.label[0], z.label[1] - 0.4), LEVEL_WORD[z.level], lay)

    def device_block(self, name, attrib=False):
        if name not in self.doc.blocks:
            blk = self.doc.blocks.new(name)
            U = self.U
            self.poly(blk, [(-0.4 * U, -0.3 * U), (0.4 * U, -0.3 * U), (0.4 * U, 0.3 * U),
                            (-0.4 * U, 0.3 * U)], "0")
            if attrib:
                blk.add_attdef("KIND", (0, 0), dxfattribs={"height": 0.1 * U})
                blk.add_attdef("LEVEL", (0, 0.15 * U), dxfattribs={"height": 0.1 * U})
        return name

    def write(self, path):
        f = self.f
        self.wall_pieces(f.walls, self.layer(f.layers["wall"]), f.thick)
        for c, r, a0, a1 in f.arcs:
            lay = self.layer(f.layers["wall"])
            self.msp.add_arc(self.T(c), r * self.U, a0 + f.rot, a1 + f.rot, dxfattribs={"layer": lay})
        for p, q in f.parts:
            self.line(p, q, f.layers["part"])
        for a, b in f.windows:
            self.line(a, b, f.layers["win"])
            n = (0.05 if a[1] == b[1] else 0, 0.05 if a[0] == b[0] else 0)
            self.line((a[0] + n[0], a[1] + n[1]), (b[0] + n[0], b[1] + n[1]), f.layers["win"])
        if f.door_module:
            mod = self.doc.blocks.new("ROOM_MODULE")
            for d in f.doors:
                self.door(d, mod)
            self.msp.add_blockref("ROOM_MODULE", (0, 0), dxfattribs={"layer": "0"})
        else:
            for d in f.doors:
                self.door(d)
        for z in f.zones:
            self.zone(z)
        if f.aa:
            self.poly(self.msp, [self.T(p) for p in f.aa], self.layer(f.layers["aa"]))
        for spec in f.cabinets:
            where, level, style = spec
            if style == "poly":   # closed polyline on the level layer
                self.poly(self.msp, [self.T(p) for p in where], self.layer(f.layers["cab3"]))
            elif style == "poly-label":
                lay = self.layer(f.layers["cab"])
                self.poly(self.msp, [self.T(p) for p in where], lay)
                cx = sum(p[0] for p in where) / 4
                cy = sum(p[1] for p in where) / 4
                self.text((cx - 0.2, cy - 0.1), "L" + str(level), lay)
            elif style == "insert-attrib":
                nm = self.device_block("CAB_BOX", attrib=True)
                ins = self.msp.add_blockref(nm, self.T(where), dxfattribs={
                    "layer": self.layer(f.layers["cab"]), "rotation": f.rot})
                ins.add_auto_attribs({"KIND": "", "LEVEL": str(level)})
        for x, y, style in f.devices:
            lay = self.layer(f.layers["dev"])
            if style == "poly":
                self.poly(self.msp, [self.T(p) for p in rect(x - 0.4, y - 0.3, x + 0.4, y + 0.3)], lay)
            elif style in ("COPIER", "PRINTER"):
                nm = self.device_block(style)
                self.msp.add_blockref(nm, self.T((x, y)), dxfattribs={"layer": lay, "rotation": f.rot})
            else:  # a neutral block with ATTRIB KIND=style
                nm = self.device_block("EQUIP_A", attrib=True)
                ins = self.msp.add_blockref(nm, self.T((x, y)), dxfattribs={"layer": lay,
                                                                           "rotation": f.rot})
                ins.add_auto_attribs({"KIND": style, "LEVEL": ""})
        self.doc.saveas(path)


# ----------------------------------------------------------------------------- floors

def base(name, desc, expect, **kw) -> Floor:
    """20 x 12 m tenant: reception (open) west, office (L1), executive room (L2) NE with
    a server room (L3) nested in it: outside -> 0 -> 1 -> 2 -> 3."""
    f = Floor(name, desc, expect, **kw)
    f.walls = [((0, 0), (20, 0)), ((20, 0), (20, 12)), ((20, 12), (0, 12)), ((0, 12), (0, 0)),
               ((6, 0), (6, 12)),
               ((14, 6), (14, 12)), ((14, 6), (20, 6)),
               ((17, 9), (17, 12)), ((17, 9), (20, 9))]
    f.doors = [Door((2, 0), (2.9, 0), +1, "E1", "LOCKED"),
               Door((6, 5), (6, 5.9), -1, "D1", "UNLOCKED"),
               Door((15.9, 6), (15, 6), -1, "D2", "LOCKED"),      # inserted at 180 deg
               Door((17, 10.9), (17, 10), +1, "D3", "LOGGED")]    # inserted at 270 deg
    f.zones = [Zone("執務室", 1, rect(6, 0, 20, 12), (9, 8)),
               Zone("役員室", 2, rect(14, 6, 20, 12), (15.2, 7.5)),
               Zone("サーバー室", 3, rect(17, 9, 20, 12), (18, 11))]
    f.aa = rect(0, 0, 20, 12)
    f.devices = [(10, 2, "COPIER")]
    f.cabinets = [(rect(8, 11, 8.9, 11.45), 3, "poly")]
    return f


def R(name):
    return {"kind": "region", "name": name}


DEV = {"kind": "device"}
CAB = {"kind": "cabinet"}


def floors() -> list[Floor]:
    out = []

    # 1 baseline: English layers, mm, R2018, single-line walls, one door block scaled.
    f = base("b01_baseline_mm", "baseline nested 0-1-2-3, remainder open area, all compliant", [])
    out.append(f)

    # 2 Japanese layers, cm, R2000, door blocks with the arc 90..180; explicit open zone;
    #   server room (L3) opens straight off reception; copier in reception by the entrance.
    f = base("b02_jp_cm_l3_off_reception",
             "Japanese layers, cm, arc 90-180 doors; L3 server room off the open reception; "
             "copier in reception 1.9 m from the entrance",
             [{"rule": "ACC001", "subjects": [R("サーバー室"), {"kind": "door"}]},
              {"rule": "EQP001", "subjects": [DEV]},
              {"rule": "EQP002", "subjects": [DEV, {"kind": "door"}]}],
             unit="cm", version="R2000", layers=JP, door_style="arc90_180", door_scale="blocks")
    f.walls = [w for w in f.walls if w not in (((17, 9), (17, 12)), ((17, 9), (20, 9)))]
    f.walls += [((4, 8), (4, 12)), ((0, 8), (4, 8))]
    f.doors = [d for d in f.doors if d.id != "D3"] + [Door((1, 8), (1.9, 8), +1, "D3")]
    f.zones = [Zone("受付", 0, rect(0, 0, 6, 12), (3, 4)),
               Zone("執務室", 1, rect(6, 0, 20, 12), (9, 8)),
               Zone("役員室", 2, rect(14, 6, 20, 12), (15.2, 7.5)),
               Zone("サーバー室", 3, rect(0, 8, 4, 12), (1.5, 10.5))]
    f.devices = [(4, 1.5, "COPIER")]
    out.append(f)

    # 3 levels from labels on layer ZONE, m, far from origin, double-line walls, zones on the
    #   centre line; L2 room off the open area, L3 room off the L1 office.
    f = base("b03_labels_double_far_m",
             "levels from labels (Lv.1 / セキュリティレベル２ / L3 / オープンエリア) on layer ZONE, m, "
             "5 km from origin, double walls; L2 entered from open area, L3 from L1",
             [{"rule": "ACC002", "subjects": [R("役員室"), R("受付"), {"kind": "door"}]},
              {"rule": "ACC002", "subjects": [R("サーバー室"), R("執務室"), {"kind": "door"}]}],
             unit="m", offset=(5000.0, 3000.0), wall_style="double", level_source="label")
    f.walls = [((0, 0), (20, 0)), ((20, 0), (20, 12)), ((20, 12), (0, 12)), ((0, 12), (0, 0)),
               ((6, 0), (6, 12)), ((6, 8), (10, 8)), ((10, 8), (10, 12)),
               ((17, 9), (17, 12)), ((17, 9), (20, 9))]
    f.doors = [Door((2, 0), (2.9, 0), +1, "E1"), Door((6, 5), (6, 5.9), -1, "D1"),
               Door((6, 10), (6, 10.9), -1, "D2"), Door((17, 10), (17, 10.9), -1, "D3")]
    f.zones = [Zone("受付", 0, rect(0, 0, 6, 12), (3, 4)),
               Zone("執務室", 1, rect(6, 0, 20, 12), (12, 4)),
               Zone("役員室", 2, rect(6, 8, 10, 12), (7.5, 10.5)),
               Zone("サーバー室", 3, rect(17, 9, 20, 12), (18, 11))]
    out.append(f)

    # 4 R12, inches, plan rotated 30 deg, doors mirrored with negative Y scale; an L2 meeting
    #   room 3.1 m from the entrance.
    f = base("b04_r12_inch_rot30_l2_near_entrance",
             "R12, inch, rotated 30 deg, offset; L2 meeting room 3.1 m from the entrance",
             [{"rule": "ACC003", "subjects": [R("会議室"), {"kind": "door"}]},
              {"rule": "DWG005", "subjects": [{"kind": "drawing"}]}],   # R12 has no $INSUNITS
             unit="in", version="R12", rot=30.0, offset=(-4000.0, 2500.0))
    f.walls += [((6, 4), (10, 4)), ((10, 0), (10, 4))]
    f.doors.append(Door((8, 4), (8.9, 4), -1, "D4"))
    f.zones.append(Zone("会議室", 2, rect(6, 0, 10, 4), (7, 2)))
    f.devices = [(12, 2, "COPIER")]
    out.append(f)

    # 5 walls as closed outline polylines per segment, R2010; L3 room with two doors:
    #   one to the L2 room (fine), one straight to the L1 office (skips level 2).
    f = base("b05_outline_walls_l3_two_doors",
             "closed-outline walls, R2010; server room (L3) has a door to 役員室 (L2) and one to "
             "執務室 (L1)",
             [{"rule": "ACC002", "subjects": [R("サーバー室"), R("執務室"), {"kind": "door"}]}],
             version="R2010", wall_style="outline")
    f.walls = [((0, 0), (20, 0)), ((20, 0), (20, 12)), ((20, 12), (0, 12)), ((0, 12), (0, 0)),
               ((6, 0), (6, 12)), ((14, 3), (14, 12)), ((14, 6), (20, 6)), ((14, 3), (20, 3))]
    f.doors = [Door((2, 0), (2.9, 0), +1, "E1"), Door((6, 5), (6, 5.9), -1, "D1"),
               Door((14, 8), (14, 8.9), -1, "D2"), Door((16, 6), (16.9, 6), -1, "D3"),
               Door((14, 4), (14, 4.9), -1, "D4")]
    f.zones = [Zone("執務室", 1, rect(6, 0, 20, 12), (9, 8)),
               Zone("役員室", 2, rect(14, 6, 20, 12), (15.2, 10)),
               Zone("サーバー室", 3, rect(14, 3, 20, 6), (17, 4.5))]
    out.append(f)

    # 6 walls and zones as HATCH, m; no L3 room; an L3 cabinet (closed polyline on CABINET-L3)
    #   stands in the open reception.
    f = base("b06_hatch_l3_cabinet_in_open",
             "hatched walls and zones, m; no L3 room; L3 cabinet (closed polyline) in the open "
             "reception -> CAB001 only (ZON001 satisfied by the cabinet in the AA)",
             [{"rule": "CAB001", "subjects": [CAB]}],
             unit="m", wall_style="hatch", zone_style="hatch")
    f.walls = [w for w in f.walls if w not in (((17, 9), (17, 12)), ((17, 9), (20, 9)))]
    f.doors = [d for d in f.doors if d.id != "D3"]
    f.zones = [z for z in f.zones if z.level != 3]
    f.cabinets = [(rect(1, 11, 1.9, 11.45), 3, "poly")]
    out.append(f)

    # 7 L2 room with a curved west wall (ARC wall, zone polyline with a bulge); windows in
    #   the AA wall; compliant.
    f = base("b07_bulge_zone_windows",
             "curved L2 wall (ARC + bulged zone polyline), windows in the north AA wall; compliant",
             [], version="R2013")
    f.walls = [w for w in f.walls if w != ((14, 6), (14, 12))]
    f.arcs = [((18, 9), 5.0, 143.130102, 216.869898)]
    f.windows = [((8, 12), (11, 12)), ((20, 2), (20, 4))]
    f.zones[1] = Zone("役員室", 2, rect(14, 6, 20, 12), (15.2, 7.5), bulges=[0, 0, 0, 1 / 3])
    out.append(f)

    # 8 enclosure problems: the L2 room misses 2 m of wall; an L2 meeting room is closed on
    #   one side only by a low partition; an L1 huddle room closed by partitions (fine for L1).
    f = base("b08_enclosure_gaps",
             "L2 役員室 misses wall 18-20 on y=6; L2 会議室 south side only a low partition; "
             "L1 打合せ closed by partitions (allowed)",
             [{"rule": "ENC001", "subjects": [R("役員室")]},
              {"rule": "ENC001", "subjects": [R("会議室")]}])
    f.walls = [w for w in f.walls if w != ((14, 6), (20, 6))] + [((14, 6), (18, 6))]
    f.walls += [((10, 8), (10, 12))]
    f.parts = [((6, 8), (10, 8)), ((10, 0), (10, 3)), ((10, 3), (13, 3)), ((13, 0), (13, 3))]
    f.doors += [Door((10, 9), (10, 9.9), +1, "D5"), Door((11, 3), (11.8, 3), -1, "D6")]
    # partitions need the door gap in D6: split manually
    f.parts = [((6, 8), (10, 8)), ((10, 0), (10, 3)), ((10, 3), (11, 3)), ((11.8, 3), (13, 3)),
               ((13, 0), (13, 3))]
    f.zones += [Zone("会議室", 2, rect(6, 8, 10, 12), (7.5, 10.5)),
                Zone("打合せ", 1, rect(10, 0, 13, 3), (11, 1.5))]
    f.devices = [(15, 2, "COPIER")]
    out.append(f)

    # 9 door blocks with ATTRIB ID/LOCK, hinge off the block origin, one 1 m block scaled
    #   0.8/0.9/1.2; explicit ZONE-OPEN; MFP (KIND attribute) in reception boxed by partitions;
    #   a second entrance straight into the office with a COPIER 1.6 m from it.
    f = base("b09_attrib_doors_devices",
             "ATTRIB doors with hinge offset, scaled 0.8/0.9/1.2; MFP boxed by partitions in the "
             "open area; COPIER 1.6 m from the second entrance E2",
             [{"rule": "EQP002", "subjects": [DEV, {"kind": "door", "name": "E2"}]}],
             door_style="offset")
    f.doors = [Door((2, 0), (3.2, 0), +1, "E1", "LOCKED"), Door((6, 5), (6, 5.8), -1, "D1"),
               Door((15, 6), (15.9, 6), +1, "D2", "LOCKED"), Door((17, 10), (17, 10.8), -1, "D3"),
               Door((12, 0), (12.9, 0), +1, "E2", "LOCKED")]
    f.zones.insert(0, Zone("受付", 0, rect(0, 0, 6, 12), (3, 4)))
    f.parts = [((3.2, 8.2), (4.8, 8.2)), ((3.2, 8.2), (3.2, 9.8)), ((3.2, 9.8), (4.8, 9.8))]
    f.devices = [(4, 9, "MFP"), (13, 1.5, "COPIER")]
    out.append(f)

    # 10 the whole AA is one level-3 zone with no separate level-3 room or cabinet.
    f = base("b10_all_level3",
             "whole AA one L3 zone (開発室), no separate L3 room/cabinet -> ZON002",
             [{"rule": "ZON002", "subjects": [{"kind": "application_area"}]}], layers=JP, version="R2018")
    f.walls = [((0, 0), (20, 0)), ((20, 0), (20, 12)), ((20, 12), (0, 12)), ((0, 12), (0, 0))]
    f.doors = [Door((2, 0), (2.9, 0), +1, "E1")]
    f.zones = [Zone("開発室", 3, rect(0, 0, 20, 12), (9, 8))]
    f.cabinets = []
    out.append(f)

    # 11 a 1.2 m doorway without door in the AA wall, and a 1.5 m doorway between reception
    #    and office.
    f = base("b11_doorless_openings",
             "1.2 m doorway without a door in the outer wall (AA) and 1.5 m doorway into the L1 "
             "office -> ENC002 and ENC001 執務室",
             [{"rule": "ENC002", "subjects": [{"kind": "application_area"}]},
              {"rule": "ENC001", "subjects": [R("執務室")]}])
    f.walls = [((0, 0), (20, 0)), ((20, 0), (20, 12)), ((20, 12), (0, 12)),
               ((0, 12), (0, 6.2)), ((0, 5), (0, 0)),
               ((6, 0), (6, 5)), ((6, 6.5), (6, 12)),
               ((14, 6), (14, 12)), ((14, 6), (20, 6)), ((17, 9), (17, 12)), ((17, 9), (20, 9))]
    f.doors = [d for d in f.doors if d.id != "D1"]
    out.append(f)

    # 12 R12 with Japanese (cp932) layer names, no application area drawn, explicit open zone.
    f = base("b12_r12_jp_no_aa",
             "R12 cp932 Japanese layers; no application area drawn -> DWG006 warning only",
             [{"rule": "DWG006", "subjects": [{"kind": "application_area"}]},
              {"rule": "DWG005", "subjects": [{"kind": "drawing"}]}],   # R12 has no $INSUNITS
             version="R12", layers=JP, codepage="ANSI_932", door_style="rectleaf")
    f.zones.insert(0, Zone("受付", 0, rect(0, 0, 6, 12), (3, 4)))
    f.aa = None
    out.append(f)

    # 13 no $INSUNITS, mm geometry, plan rotated 90 deg, rect-leaf doors mirrored in X.
    f = base("b13_no_insunits_rot90",
             "no $INSUNITS (mm geometry), rotated 90 deg, rect-leaf doors -> DWG005 only",
             [{"rule": "DWG005", "subjects": [{"kind": "drawing"}]}],
             insunits=False, rot=90.0, door_style="rectleaf", offset=(250000.0, -80000.0))
    out.append(f)

    # 14 L3 cabinet as INSERT with ATTRIB LEVEL=3 in reception (open); MFP by ATTRIB KIND=複合機
    #    in reception; no L3 room.
    f = base("b14_attrib_cabinet_and_mfp_in_open",
             "m, R2010, JP layers: L3 cabinet (ATTRIB LEVEL=3) and 複合機 (ATTRIB KIND) in the "
             "open reception, 4 m from the entrance -> CAB001, EQP001",
             [{"rule": "CAB001", "subjects": [CAB]}, {"rule": "EQP001", "subjects": [DEV]}],
             unit="m", version="R2010", layers=JP, door_style="attrib")
    f.walls = [w for w in f.walls if w not in (((17, 9), (17, 12)), ((17, 9), (20, 9)))]
    f.doors = [d for d in f.doors if d.id != "D3"]
    f.zones = [z for z in f.zones if z.level != 3]
    f.cabinets = [((1.5, 10), 3, "insert-attrib")]
    f.devices = [(4, 6, "複合機")]
    out.append(f)

    # 15 the L2 room is entered through an L1 room that is itself entered from reception,
    #    cm, double walls, zones on wall centre lines, labels for levels, JP layers, R2018.
    f = base("b15_jp_labels_double_cm",
             "JP layers, level from labels on セキュリティゾーン, cm, double walls, R2018; compliant",
             [], unit="cm", layers=JP, wall_style="double", level_source="label",
             door_style="arc90_180")
    out.append(f)

    # 16 loose door lines and arcs (no blocks), labels as formatted MTEXT, zones as open
    #    polylines repeating their first vertex.
    f = base("b16_loose_doors_mtext_open_polys",
             "loose leaf lines + arcs on DOOR, MTEXT labels with formatting codes, zone polylines "
             "not flagged closed but ending on their first vertex; compliant",
             [], version="R2010", mtext=True, open_zone_last_vertex=True)
    for d in f.doors:
        d.kind = "loose"
    out.append(f)

    # 17 double-leaf entrance, sliding door into the office, double door into the L2 room;
    #    all door INSERTs on layer 0 (entities on DOOR inside) wrapped in one module block.
    f = base("b17_double_sliding_nested_layer0",
             "double entrance door 1.6 m, sliding door 1.0 m, double door 1.4 m into L2; doors in "
             "a module block on layer 0 with door entities on DOOR; compliant",
             [], door_module=True, door_layer0=True)
    f.doors = [Door((2, 0), (3.6, 0), +1, "E1", kind="double"),
               Door((6, 5), (6, 6), -1, "D1", kind="sliding"),
               Door((15, 6), (16.4, 6), +1, "D2", kind="double"),
               Door((17, 10.9), (17, 10), +1, "D3")]
    out.append(f)

    # 18 $INSUNITS says mm but the drawing is in metres; a common corridor north of the tenant
    #    (outside the AA); the server room has a second door onto it; a copier in the corridor.
    f = base("b18_wrong_insunits_corridor",
             "INSUNITS=mm, geometry in m; server room (L3) second door onto the common corridor "
             "outside the AA; copier in the corridor",
             [{"rule": "DWG005", "subjects": [{"kind": "drawing"}]},
              {"rule": "ACC001", "subjects": [R("サーバー室"), {"kind": "door"}]},
              {"rule": "ACC003", "subjects": [R("サーバー室"), {"kind": "door"}]},
              {"rule": "ACC003", "subjects": [R("役員室"), {"kind": "door"}]},
              {"rule": "EQP001", "subjects": [DEV]}],
             unit="m", insunits_code=4)
    f.walls += [((0, 12), (0, 14.5)), ((20, 12), (20, 14.5)), ((0, 14.5), (20, 14.5))]
    f.doors.append(Door((18, 12), (18.9, 12), -1, "D9"))
    f.devices = [(10, 2, "COPIER"), (8, 13.5, "COPIER")]
    out.append(f)

    # 19 a 1 m doorway without door between the L1 office and a level-3 room nested in it.
    f = base("b19_opening_l1_to_l3",
             "1 m doorless opening from 執務室 (L1) into 書庫 (L3) -> ENC001 and ACC002 (opening)",
             [{"rule": "ENC001", "subjects": [R("書庫")]},
              {"rule": "ACC002", "subjects": [R("書庫"), {"kind": "opening"}]}],
             version="R2000")
    f.walls += [((8, 12), (8, 8)), ((8, 8), (9.5, 8)), ((10.5, 8), (11, 8)), ((11, 8), (11, 12))]
    f.zones.append(Zone("書庫", 3, rect(8, 8, 11, 12), (9, 10)))
    out.append(f)

    # 20 0.2 m double-line walls, zones on the inner faces, AA on the outer face; the L2
    #    room's door swings out into the office, so its chord lies on the office face.
    f = base("b20_inner_face_zones_outswing",
             "0.2 m walls, zones on inner faces, AA on outer face; L2 door swings out (chord on "
             "the far face); compliant",
             [], wall_style="double", thick=0.2, zone_inner=0.1)
    f.aa = rect(-0.1, -0.1, 20.1, 12.1)
    f.doors = [Door((2, -0.1), (2.9, -0.1), -1, "E1"),         # swings outward, chord outer face
               Door((6.1, 5), (6.1, 5.9), -1, "D1"),           # into the office, office face
               Door((15, 5.9), (15.9, 5.9), -1, "D2"),         # out of L2, into the office
               Door((16.9, 10.9), (16.9, 10), +1, "D3")]       # into L3, L2 face
    out.append(f)

    # 21 near misses, inches, plan rotated 45 deg: an L2 room 5.2 m from the entrance and a
    #    copier 3.2 m from the second entrance.
    f = base("b21_near_misses_inch_rot45",
             "inch, rotated 45 deg, R2000: L2 meeting room 5.2 m from E1, copier 3.2 m from E2; "
             "compliant",
             [], unit="in", version="R2000", rot=45.0)
    f.walls += [((8.1, 0), (8.1, 3)), ((8.1, 3), (11, 3)), ((11, 3), (11, 0))]
    f.doors += [Door((9, 3), (9.9, 3), -1, "D4"), Door((17.5, 0), (18.4, 0), +1, "E2")]
    f.zones.append(Zone("会議室", 2, rect(8.1, 0, 11, 3), (9, 1.5)))
    f.devices = [(13.9, 0.9, "COPIER")]
    out.append(f)

    # 22 a device drawn as a closed polyline on DEVICE in the reception; a PRINTER block in the
    #    L2 room; the only level-3 thing is a safe whose level is a label "L3" inside it.
    f = base("b22_poly_device_labelled_safe",
             "closed-polyline device in open reception, PRINTER in L2, no L3 room, safe on CABINET "
             "with label L3 inside in the office -> EQP001 only",
             [{"rule": "EQP001", "subjects": [DEV]}], version="R2013")
    f.walls = [w for w in f.walls if w not in (((17, 9), (17, 12)), ((17, 9), (20, 9)))]
    f.doors = [d for d in f.doors if d.id != "D3"]
    f.zones = [z for z in f.zones if z.level != 3]
    f.devices = [(3, 8, "poly"), (18, 10, "PRINTER")]
    f.cabinets = [(rect(10, 10.8, 11, 11.8), 3, "poly-label")]
    out.append(f)

    # 23 zones as HATCH (the L2 zone with an arc edge), levels from MTEXT labels on layer ZONE.
    f = base("b23_hatch_zone_arc_mtext_levels",
             "hatch zones, curved L2 zone as hatch with bulge, levels from formatted MTEXT labels; "
             "compliant", [], version="R2018", zone_style="hatch", level_source="label", mtext=True)
    f.walls = [w for w in f.walls if w != ((14, 6), (14, 12))]
    f.arcs = [((18, 9), 5.0, 143.130102, 216.869898)]
    f.zones[1] = Zone("役員室", 2, rect(14, 6, 20, 12), (15.2, 7.5), bulges=[0, 0, 0, 1 / 3])
    out.append(f)

    # 24 as 20, but every door swings into the room whose zone outline it lies on: only the
    #    T-junctions of the nested rooms' walls with the outer walls remain to test.
    f = base("b24_inner_face_zones_tjunctions",
             "0.2 m double walls, zones on inner faces, doors on the face of the room they open "
             "into; compliant (nested rooms' walls meet the outer wall in T-junctions)",
             [], wall_style="double", thick=0.2, zone_inner=0.1)
    f.aa = rect(-0.1, -0.1, 20.1, 12.1)
    f.doors = [Door((2, -0.1), (2.9, -0.1), -1, "E1"), Door((6.1, 5), (6.1, 5.9), -1, "D1"),
               Door((15.9, 6.1), (15, 6.1), -1, "D2"), Door((17.1, 10.9), (17.1, 10), +1, "D3")]
    out.append(f)

    # 25 minimal: one L1 office beside an open reception, 0.2 m walls, zone on the inner face,
    #    the office door swings out into the reception (chord on the reception face).
    f = Floor("b25_outswing_door_inner_face",
              "minimal: L1 office, 0.2 m double walls, zone on inner face, door swinging out "
              "(chord 0.2 m from the zone outline); L3 cabinet in the office; compliant", [],
              wall_style="double", thick=0.2, zone_inner=0.1)
    f.walls = [((0, 0), (12, 0)), ((12, 0), (12, 8)), ((12, 8), (0, 8)), ((0, 8), (0, 0)),
               ((5, 0), (5, 8))]
    f.doors = [Door((2, -0.1), (2.9, -0.1), +1, "E1"), Door((4.9, 4), (4.9, 4.9), +1, "D1")]
    f.zones = [Zone("執務室", 1, rect(5, 0, 12, 8), (8, 4))]
    f.aa = rect(-0.1, -0.1, 12.1, 8.1)
    f.cabinets = [(rect(10, 7, 10.9, 7.45), 3, "poly")]
    out.append(f)
    return out


def main(outdir="/tmp/floors_core"):
    import json
    p = Path(outdir)
    p.mkdir(parents=True, exist_ok=True)
    for f in floors():
        Writer(f).write(p / f"{f.name}.dxf")
        (p / f"{f.name}.hand.json").write_text(json.dumps(
            {"description": f.desc, "findings": f.expect}, ensure_ascii=False, indent=1))
    print("wrote", len(floors()), "floors to", p)


if __name__ == "__main__":
    main(*sys.argv[1:])
