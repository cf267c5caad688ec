"""Blind-test drawings: as-is office floors (no zones, no OSM layers) drawn the way offices draw them.

main(outdir) writes outdir/NAME/{NAME.dxf, osmark.toml} for every drawing below.
Geometry is designed in metres; `unit` scales it (1000 for mm drawings).
"""
from __future__ import annotations

import math
import sys
from pathlib import Path

import ezdxf
from ezdxf.enums import TextEntityAlignment
from shapely.geometry import LineString
from shapely.ops import unary_union

# ---------------------------------------------------------------- layouts (metres)
# Base floor 20 x 12 m. Bottom row y 0..5, corridor y 5..7, top row y 7..12.
#   bottom: 受付 x0..5, 執務室 x5..15, 書庫 x15..20
#   top:    会議室1 x0..4, 会議室2 x4..8, 給湯室 x8..11, 役員室 x11..16, サーバー室 x16..20
OUTER = [((0, 0), (20, 0)), ((20, 0), (20, 12)), ((20, 12), (0, 12)), ((0, 12), (0, 0))]
INNER = [
    ((0, 5), (20, 5)), ((0, 7), (20, 7)),           # corridor walls
    ((5, 0), (5, 5)), ((15, 0), (15, 5)),            # bottom row partitions
    ((4, 7), (4, 12)), ((8, 7), (8, 12)), ((11, 7), (11, 12)), ((16, 7), (16, 12)),
]
LABELS = {
    "受付": (2.5, 2.5), "執務室": (10, 2.5), "書庫": (17.5, 2.5), "廊下": (10, 6),
    "会議室1": (2, 9.5), "会議室2": (6, 9.5), "給湯室": (9.5, 9.5), "役員室": (13.5, 9.5),
    "サーバー室": (18, 9.5),
}
# doors: (hinge, other jamb, swing side point) -- jambs lie on a wall line.
DOORS = {
    "entrance": ((2.0, 0), (2.9, 0), "-y"),     # 受付 <-> OUTSIDE, swings out
    "受付-廊下": ((3.0, 5), (3.9, 5), "+y"),
    "執務室-廊下": ((9.0, 5), (9.9, 5), "+y"),
    "書庫-執務室": ((15, 1.0), (15, 1.9), "+x"),  # 書庫 reached from 執務室
    "会議室1-廊下": ((2.0, 7), (2.9, 7), "+y"),
    "会議室2-廊下": ((5.0, 7), (5.9, 7), "+y"),
    "給湯室-廊下": ((9.0, 7), (9.9, 7), "+y"),
    "役員室-廊下": ((12.0, 7), (12.9, 7), "+y"),
    "サーバー室-役員室": ((16, 10.0), (16, 10.9), "+x"),
}
ZONES = {"サーバー室": 3, "役員室": 2, "書庫": 2, "会議室*": 1, "執務室": 1, "廊下": 1, "受付": "open"}

DEFAULT = dict(wall="WALL", door="DOOR", window="WINDOW", label="ROOM-NAME", furn="FURNITURE",
               part="PARTITION", col="COLUMN")
AIA = dict(wall="A-WALL", door="A-DOOR", window="A-GLAZ", label="A-AREA-IDEN", furn="A-FURN",
           part="A-WALL-PRHT", col="A-COLS")
JWW = dict(wall="_0-2_壁", door="_0-3_建具", window="_0-4_窓", label="_0-5_室名", furn="_0-6_什器",
           part="_0-7_ローパーティション", col="_0-1_柱")


def axis(p, q):
    return "x" if abs(p[1] - q[1]) < 1e-9 else "y"


def cut(segs, gaps):
    """Subtract gap intervals (p, q on the same line) from axis-aligned segments."""
    out = []
    for a, b in segs:
        line = LineString([a, b])
        for g in gaps:
            gl = LineString(g).buffer(1e-6, cap_style="flat")
            if gl.intersects(line) and LineString(g).length > 0:
                if line.intersection(gl).length > 1e-6:
                    line = line.difference(gl)
        geoms = getattr(line, "geoms", [line])
        for gg in geoms:
            if gg.length > 1e-6:
                c = list(gg.coords)
                out.append((c[0], c[-1]))
    return out


class Floor:
    def __init__(self, name, layers, unit=1.0, insunits=6, dxfversion="R2013", encoding=None):
        self.name, self.L, self.u = name, layers, unit
        kw = {}
        self.doc = ezdxf.new(dxfversion, setup=False)
        if encoding:
            self.doc.encoding = encoding
        self.doc.header["$INSUNITS"] = insunits
        if insunits is None:
            del self.doc.header["$INSUNITS"]
        self.msp = self.doc.modelspace()
        for lay in layers.values():
            if lay not in self.doc.layers:
                self.doc.layers.add(lay)
        self.doc.styles.add("JP", font="msgothic.ttc") if "JP" not in self.doc.styles else None

    def P(self, p):
        return (p[0] * self.u, p[1] * self.u)

    def line(self, a, b, layer):
        self.msp.add_line(self.P(a), self.P(b), dxfattribs={"layer": layer})

    def poly(self, pts, layer, closed=True):
        if self.doc.dxfversion == "AC1009":
            pl = self.msp.add_polyline2d([self.P(p) for p in pts], dxfattribs={"layer": layer})
            if closed:
                pl.close(True)
        else:
            self.msp.add_lwpolyline([self.P(p) for p in pts], close=closed, dxfattribs={"layer": layer})

    # ---- walls
    def single_walls(self, segs, gaps=(), layer=None, overshoot=None, hairline=None):
        layer = layer or self.L["wall"]
        for a, b in cut(segs, gaps):
            a, b = list(a), list(b)
            if hairline and (tuple(map(lambda v: round(v, 6), a)) in hairline):
                d = hairline[tuple(map(lambda v: round(v, 6), a))]
                ax = axis(a, b)
                i = 0 if ax == "x" else 1
                s = 1 if b[i] > a[i] else -1
                a[i] += s * d
            self.line(a, b, layer)

    def double_walls(self, segs, gaps=(), t=0.15, layer=None):
        layer = layer or self.L["wall"]
        mass = unary_union([LineString(s).buffer(t / 2, cap_style="square", join_style="mitre") for s in segs])
        holes = [LineString(g).buffer(t, cap_style="flat") for g in gaps]
        if holes:
            mass = mass.difference(unary_union(holes))
        polys = getattr(mass, "geoms", [mass])
        for pg in polys:
            pg = pg.simplify(1e-6)
            for ring in [pg.exterior, *pg.interiors]:
                c = list(ring.coords)
                for a, b in zip(c, c[1:]):
                    self.line(a, b, layer)

    # ---- doors
    def _door_geom(self, hinge, jamb, side, leaf_w=None):
        hx, hy = hinge
        jx, jy = jamb
        w = math.hypot(jx - hx, jy - hy) if leaf_w is None else leaf_w
        ux, uy = (jx - hx) / math.hypot(jx - hx, jy - hy), (jy - hy) / math.hypot(jx - hx, jy - hy)
        n = {"+x": (1, 0), "-x": (-1, 0), "+y": (0, 1), "-y": (0, -1)}[side]
        a0 = math.degrees(math.atan2(uy, ux))
        a1 = math.degrees(math.atan2(n[1], n[0]))
        cross = ux * n[1] - uy * n[0]
        start, end = (a0, a1) if cross > 0 else (a1, a0)
        leaf_end = (hx + n[0] * w, hy + n[1] * w)
        return w, (ux, uy), n, start, end, leaf_end, cross

    def door_block(self, hinge, jamb, side, layer=None, name="DOOR1"):
        layer = layer or self.L["door"]
        if name not in self.doc.blocks:
            blk = self.doc.blocks.new(name)
            blk.add_arc((0, 0), 1.0, 0, 90, dxfattribs={"layer": "0"})
            blk.add_line((0, 0), (0, 1.0), dxfattribs={"layer": "0"})
        w, u, n, start, end, leaf_end, cross = self._door_geom(hinge, jamb, side)
        rot = math.degrees(math.atan2(u[1], u[0]))
        ys = 1 if cross > 0 else -1
        self.msp.add_blockref(name, self.P(hinge), dxfattribs={
            "layer": layer, "rotation": rot, "xscale": w * self.u, "yscale": ys * w * self.u})

    def door_loose(self, hinge, jamb, side, layer=None, leaf_w=None):
        layer = layer or self.L["door"]
        w, u, n, start, end, leaf_end, cross = self._door_geom(hinge, jamb, side, leaf_w)
        self.msp.add_arc(self.P(hinge), w * self.u, start, end, dxfattribs={"layer": layer})
        self.line(hinge, leaf_end, layer)

    def double_door(self, a, b, side, layer=None, block=False):
        mid = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
        if block:
            self.door_block(a, mid, side, layer)
            self.door_block(b, mid, side, layer)
        else:
            self.door_loose(a, mid, side, layer)
            self.door_loose(b, mid, side, layer)

    def sliding_door(self, a, b, layer=None):
        layer = layer or self.L["door"]
        ax = axis(a, b)
        L = math.dist(a, b)
        pw = 0.55 * L
        t = 0.04
        if ax == "x":
            x0, x1, y = min(a[0], b[0]), max(a[0], b[0]), a[1]
            self.poly([(x0, y), (x0 + pw, y), (x0 + pw, y + t), (x0, y + t)], layer)
            self.poly([(x1 - pw, y - t), (x1, y - t), (x1, y), (x1 - pw, y)], layer)
        else:
            y0, y1, x = min(a[1], b[1]), max(a[1], b[1]), a[0]
            self.poly([(x, y0), (x + t, y0), (x + t, y0 + pw), (x, y0 + pw)], layer)
            self.poly([(x - t, y1 - pw), (x, y1 - pw), (x, y1), (x - t, y1)], layer)

    def glass(self, a, b, t=0.08, layer=None):
        layer = layer or self.L["window"]
        ax = axis(a, b)
        if ax == "x":
            self.poly([(a[0], a[1] - t / 2), (b[0], b[1] - t / 2), (b[0], b[1] + t / 2), (a[0], a[1] + t / 2)], layer)
            self.line(a, b, layer)
        else:
            self.poly([(a[0] - t / 2, a[1]), (b[0] - t / 2, b[1]), (b[0] + t / 2, b[1]), (a[0] + t / 2, a[1])], layer)
            self.line(a, b, layer)

    def column(self, c, s=0.5, layer=None, hatch=True):
        layer = layer or self.L["col"]
        x, y = c
        pts = [(x - s / 2, y - s / 2), (x + s / 2, y - s / 2), (x + s / 2, y + s / 2), (x - s / 2, y + s / 2)]
        self.poly(pts, layer)
        if hatch:
            h = self.msp.add_hatch(color=7, dxfattribs={"layer": layer})
            h.paths.add_polyline_path([self.P(p) for p in pts], is_closed=True)

    def desk(self, x, y, w=1.2, d=0.7, layer=None):
        layer = layer or self.L["furn"]
        self.poly([(x, y), (x + w, y), (x + w, y + d), (x, y + d)], layer)

    def text(self, s, at, layer=None, mtext=False, h=0.3):
        layer = layer or self.L["label"]
        if mtext:
            m = self.msp.add_mtext(s, dxfattribs={"layer": layer, "char_height": h * self.u})
            m.set_location(self.P(at), attachment_point=5)
        else:
            t = self.msp.add_text(s, height=h * self.u, dxfattribs={"layer": layer})
            t.set_placement(self.P(at), align=TextEntityAlignment.MIDDLE_CENTER)

    def save(self, outdir, toml):
        d = Path(outdir) / self.name
        d.mkdir(parents=True, exist_ok=True)
        self.doc.saveas(d / f"{self.name}.dxf")
        (d / "osmark.toml").write_text(toml, encoding="utf-8")


def zones_toml(zones, profile=None, extra=""):
    lines = []
    if profile:
        lines.append(f'profile = "{profile}"')
    lines.append(extra.strip()) if extra.strip() else None
    lines.append("")
    lines.append("[zones]")
    for k, v in zones.items():
        vv = f'"{v}"' if isinstance(v, str) else str(v)
        lines.append(f'"{k}" = {vv}')
    return "\n".join(lines) + "\n"


def door_gaps(doors):
    return [(h, j) for (h, j, s) in doors.values()]


def put_doors(f, doors, style="block"):
    for i, (k, (h, j, s)) in enumerate(doors.items()):
        st = style(k) if callable(style) else style
        if st == "block":
            f.door_block(h, j, s)
        elif st == "loose":
            f.door_loose(h, j, s)
        elif st == "double":
            f.double_door(h, j, s)
        elif st == "sliding":
            f.sliding_door(h, j)
        elif st == "none":
            pass


def put_labels(f, labels, mtext=False):
    for k, at in labels.items():
        f.text(k, at, mtext=mtext(k) if callable(mtext) else mtext)


# ---------------------------------------------------------------- drawings
def d01_base_single_m(out):
    """Compliant floor, metres, single-line walls, door blocks, default layer names."""
    f = Floor("d01_base_single_m", DEFAULT, unit=1.0, insunits=6)
    f.single_walls(OUTER + INNER, door_gaps(DOORS))
    put_doors(f, DOORS, "block")
    put_labels(f, LABELS)
    f.save(out, zones_toml(ZONES))


def d02_aia_double_mm(out):
    """Compliant floor, mm, double-line walls 0.15 m, AIA names, loose doors, columns, furniture, MTEXT."""
    f = Floor("d02_aia_double_mm", AIA, unit=1000.0, insunits=4)
    f.double_walls(OUTER + INNER, door_gaps(DOORS), t=0.15)
    put_doors(f, DOORS, "loose")
    put_labels(f, LABELS, mtext=True)
    for c in [(0, 0), (20, 0), (0, 12), (20, 12), (10, 12), (10, 0)]:
        f.column(c, 0.5)
    for i in range(4):
        f.desk(6 + i * 2, 1.0)
        f.desk(6 + i * 2, 3.0)
    f.desk(12, 10)
    f.save(out, zones_toml(ZONES, "aia"))


def d03_jww_r12(out):
    """Jw_cad-like: R12 cp932, prefixed Japanese layers, single-line walls, loose doors, mm."""
    f = Floor("d03_jww_r12", JWW, unit=1000.0, insunits=4, dxfversion="R12", encoding="cp932")
    f.single_walls(OUTER + INNER, door_gaps(DOORS))
    put_doors(f, DOORS, "loose")
    put_labels(f, LABELS)
    for i in range(3):
        f.desk(6 + i * 2.5, 2.0)
    f.save(out, zones_toml(ZONES, "jww"))


def d04_server_off_open_corridor(out):
    """ACC001: サーバー室 door straight onto the corridor, corridor left open (not in table)."""
    f = Floor("d04_server_off_open_corridor", DEFAULT, unit=1.0, insunits=6)
    doors = dict(DOORS)
    del doors["サーバー室-役員室"]
    doors["サーバー室-廊下"] = ((17.0, 7), (17.9, 7), "+y")
    f.single_walls(OUTER + INNER, door_gaps(doors))
    put_doors(f, doors, "block")
    put_labels(f, LABELS)
    z = dict(ZONES)
    del z["廊下"]
    f.save(out, zones_toml(z))


def d05_exec_from_reception(out):
    """ACC002: 役員室 (2) reached from the level-1 corridor is fine, but 書庫 (2) is entered from 受付 (open)."""
    f = Floor("d05_exec_from_reception", DEFAULT, unit=1.0, insunits=6)
    # move 書庫 next to 受付: swap: 受付 x0..5 has a door in wall x=5 into 執務室? Instead add a door 受付->書庫 through
    # a new little room: re-layout bottom row: 受付 x0..5, 書庫 x5..8, 執務室 x8..20
    inner = [s for s in INNER if s not in (((5, 0), (5, 5)), ((15, 0), (15, 5)))] + [((5, 0), (5, 5)), ((8, 0), (8, 5))]
    labels = dict(LABELS)
    labels["書庫"] = (6.5, 2.5)
    labels["執務室"] = (14, 2.5)
    doors = dict(DOORS)
    del doors["書庫-執務室"]
    doors["書庫-受付"] = ((5, 1.0), (5, 1.9), "+x")
    f.single_walls(OUTER + inner, door_gaps(doors))
    put_doors(f, doors, "block")
    put_labels(f, labels)
    f.save(out, zones_toml(ZONES))


def d06_doorless_server(out):
    """ENC001 + ACC001: the server room opens onto the open corridor through a doorless 1.2 m opening."""
    f = Floor("d06_doorless_server", DEFAULT, unit=1.0, insunits=6)
    doors = dict(DOORS)
    del doors["サーバー室-役員室"]
    gaps = door_gaps(doors) + [((17.0, 7), (18.2, 7))]
    f.single_walls(OUTER + INNER, gaps)
    put_doors(f, doors, "block")
    put_labels(f, LABELS)
    z = dict(ZONES)
    del z["廊下"]
    f.save(out, zones_toml(z))


def d07_hairline_overshoot(out):
    """Compliant floor in mm with hairline gaps 1-30 mm and overshooting wall ends; snap 0.05."""
    f = Floor("d07_hairline_overshoot", AIA, unit=1000.0, insunits=4)
    segs = []
    for a, b in cut(OUTER + INNER, door_gaps(DOORS)):
        segs.append((a, b))
    gaps_mm = {((0, 7)): 0.012, ((16, 7)): 0.025, ((5, 0)): 0.003, ((20, 5)): 0.030, ((11, 12)): 0.001}
    for a, b in segs:
        a, b = list(a), list(b)
        key = (round(a[0], 6), round(a[1], 6))
        keyb = (round(b[0], 6), round(b[1], 6))
        i = 0 if axis(a, b) == "x" else 1
        s = 1 if b[i] > a[i] else -1
        if key in gaps_mm:
            a[i] += s * gaps_mm[key]
        if keyb in gaps_mm:
            b[i] -= s * gaps_mm[keyb]
        f.line(a, b, AIA["wall"])
    # overshoot: outer top wall runs 0.3 m past the right corner, left wall 0.2 m below the bottom
    f.line((20, 12), (20.3, 12), AIA["wall"])
    f.line((0, 0), (0, -0.2), AIA["wall"])
    put_doors(f, DOORS, "block")
    put_labels(f, LABELS)
    f.save(out, zones_toml(ZONES, "aia", "[geometry]\nsnap_tolerance = 0.05"))


def d08_glass_meeting(out):
    """Compliant: meeting rooms fronted by glass partitions on A-GLAZ, doors in the glass; metres, AIA."""
    f = Floor("d08_glass_meeting", AIA, unit=1.0, insunits=6)
    inner = [s for s in INNER if s != ((0, 7), (20, 7))] + [((8, 7), (20, 7))]
    f.single_walls(OUTER + inner, door_gaps(DOORS))
    # glass front x0..8 at y=7 with door gaps
    for a, b in cut([((0, 7), (4, 7)), ((4, 7), (8, 7))], [DOORS["会議室1-廊下"][:2], DOORS["会議室2-廊下"][:2]]):
        f.glass(a, b)
    put_doors(f, DOORS, "block")
    put_labels(f, LABELS)
    f.save(out, zones_toml(ZONES, "aia"))


def d09_partition_exec(out):
    """ENC001 partition-only: 役員室 (2) is closed toward the corridor only by a low partition.
    会議室1 (1) likewise closed by a low partition: allowed for level 1. Desk pods with low partitions."""
    f = Floor("d09_partition_exec", AIA, unit=1.0, insunits=6)
    inner = [s for s in INNER if s != ((0, 7), (20, 7))] + [((4, 7), (11, 7)), ((16, 7), (20, 7))]
    f.single_walls(OUTER + inner, door_gaps(DOORS))
    for a, b in cut([((11, 7), (16, 7)), ((0, 7), (4, 7))], [DOORS["役員室-廊下"][:2], DOORS["会議室1-廊下"][:2]]):
        f.line(a, b, AIA["part"])
    put_doors(f, DOORS, "block")
    put_labels(f, LABELS)
    # desk pod in 執務室: low partition U around desks (open on one side), not a room
    f.line((7, 1), (7, 3), AIA["part"])
    f.line((7, 3), (10, 3), AIA["part"])
    f.line((10, 3), (10, 1), AIA["part"])
    f.desk(7.2, 1.5)
    f.desk(8.6, 1.5)
    f.save(out, zones_toml(ZONES, "aia"))


def d10_sliding_double(out):
    """Compliant: sliding door into 給湯室, double door 執務室-廊下 and entrance, door blocks elsewhere; mm double walls."""
    f = Floor("d10_sliding_double", DEFAULT, unit=1000.0, insunits=4)
    doors = dict(DOORS)
    doors["entrance"] = ((1.5, 0), (3.3, 0), "-y")
    doors["執務室-廊下"] = ((9.0, 5), (10.6, 5), "+y")
    f.double_walls(OUTER + INNER, door_gaps(doors), t=0.2)

    def style(k):
        return {"entrance": "double", "執務室-廊下": "double", "給湯室-廊下": "sliding"}.get(k, "block")

    put_doors(f, doors, style)
    put_labels(f, LABELS)
    f.save(out, zones_toml(ZONES))


def d11_wrong_insunits(out):
    """DWG005: drawn in mm but $INSUNITS says metres; otherwise compliant, jww names, loose doors."""
    f = Floor("d11_wrong_insunits", JWW, unit=1000.0, insunits=6)
    f.single_walls(OUTER + INNER, door_gaps(DOORS))
    put_doors(f, DOORS, "loose")
    put_labels(f, LABELS, mtext=lambda k: k in ("執務室", "サーバー室"))
    f.save(out, zones_toml(ZONES, "jww"))


def d12_storage_unnamed_and_column(out):
    """倉庫 (not in table -> assumed open) off 執務室; free-standing column inside 執務室 on the wall layer;
    doorless opening 受付-廊下 (open<->1) ok; no 役員室 level change. Expect: 倉庫 assumed open, no error."""
    f = Floor("d12_storage_unnamed_and_column", DEFAULT, unit=1.0, insunits=6)
    inner = INNER + [((12, 0), (12, 5))]
    labels = dict(LABELS)
    labels["執務室"] = (8.5, 2.5)
    labels["倉庫"] = (13.5, 2.5)
    doors = dict(DOORS)
    del doors["受付-廊下"]
    doors["倉庫-執務室"] = ((12, 3.0), (12, 3.8), "-x")
    gaps = door_gaps(doors) + [((3.0, 5), (4.2, 5))]
    f.single_walls(OUTER + inner, gaps)
    put_doors(f, doors, "block")
    put_labels(f, labels)
    f.column((8.5, 4.0), 0.5, layer=DEFAULT["wall"])
    f.save(out, zones_toml(ZONES))


def d13_no_level3(out):
    """ZON001: no level-3 room (サーバー室 mapped to 2). Everything else compliant. MTEXT with formatting."""
    f = Floor("d13_no_level3", DEFAULT, unit=1.0, insunits=6)
    f.single_walls(OUTER + INNER, door_gaps(DOORS))
    put_doors(f, DOORS, "block")
    for k, at in LABELS.items():
        if k == "サーバー室":
            m = f.msp.add_mtext(r"{\fMS Gothic|b0;サーバー室}", dxfattribs={"layer": "ROOM-NAME", "char_height": 0.3})
            m.set_location(at, attachment_point=5)
        else:
            f.text(k, at)
    z = dict(ZONES)
    z["サーバー室"] = 2
    f.save(out, zones_toml(z))


def d14_server_near_entrance(out):
    """ACC003: second entrance from the common corridor straight into... no: 書庫 (2) sits 2 m from the entrance."""
    f = Floor("d14_server_near_entrance", DEFAULT, unit=1.0, insunits=6)
    # entrance moved into 執務室? keep entrance in 受付 but put it at x 4..4.9 near 書庫? 書庫 far. Instead
    # make 受付 narrow: 受付 x0..5; move 書庫 to x5..8 with door from 執務室 (x8..20)
    inner = [s for s in INNER if s not in (((5, 0), (5, 5)), ((15, 0), (15, 5)))] + [((5, 0), (5, 5)), ((8, 0), (8, 5))]
    labels = dict(LABELS)
    labels["書庫"] = (6.5, 2.5)
    labels["執務室"] = (14, 2.5)
    doors = dict(DOORS)
    del doors["書庫-執務室"]
    doors["書庫-執務室"] = ((8, 1.0), (8, 1.9), "-x")
    doors["entrance"] = ((3.6, 0), (4.5, 0), "-y")
    f.single_walls(OUTER + inner, door_gaps(doors))
    put_doors(f, doors, "block")
    put_labels(f, labels)
    f.save(out, zones_toml(ZONES))


def d15_aligned_cross_double(out):
    """Double-line walls (mm, 0.15): the bottom-row wall x=8 and the top-row wall x=8 meet the corridor
    from both sides at the same x. The corridor stays one room (as it does here; the single-line d20 splits it).
    Entrance at x 2..2.9: ACC003 for 書庫 (about 2.2 m from it)."""
    f = Floor("d15_aligned_cross_double", DEFAULT, unit=1000.0, insunits=4)
    inner = [s for s in INNER if s not in (((5, 0), (5, 5)), ((15, 0), (15, 5)))] + [((5, 0), (5, 5)), ((8, 0), (8, 5))]
    labels = dict(LABELS)
    labels["書庫"] = (6.5, 2.5)
    labels["執務室"] = (14, 2.5)
    doors = dict(DOORS)
    del doors["書庫-執務室"]
    doors["書庫-執務室"] = ((8, 1.0), (8, 1.9), "-x")
    f.double_walls(OUTER + inner, door_gaps(doors), t=0.15)
    put_doors(f, doors, "block")
    put_labels(f, labels)
    f.save(out, zones_toml(ZONES))


def d16_labels_fullwidth_area(out):
    """Labels: full-width digits (会議室１) against exact table keys, area texts (20.0㎡) under each name on
    the same label layer, a two-line MTEXT 役員室\\P(社長), room numbers. Expect base rooms, names unchanged."""
    f = Floor("d16_labels_fullwidth_area", AIA, unit=1.0, insunits=6)
    f.single_walls(OUTER + INNER, door_gaps(DOORS))
    put_doors(f, DOORS, "block")
    for k, (x, y) in LABELS.items():
        if k == "役員室":
            f.text("役員室\\P(社長)", (x, y), mtext=True)
        else:
            f.text(k.replace("1", "１").replace("2", "２"), (x, y))
        f.text("20.0㎡", (x, y - 0.6), h=0.2)
    z = {"サーバー室": 3, "役員室": 2, "書庫": 2, "会議室1": 1, "会議室2": 1, "執務室": 1, "廊下": 1, "受付": "open"}
    f.save(out, zones_toml(z, "aia"))


def d17_door_on_wall_layer(out):
    """Door swing (arc + leaf) of 役員室 drawn on the wall layer; 会議室2's door inside a furniture block
    (block on A-FURN, door entities on A-DOOR inside); window in the outer wall of 執務室. Expect base."""
    f = Floor("d17_door_on_wall_layer", AIA, unit=1.0, insunits=6)
    win = ((10, 0), (13, 0))
    f.single_walls(OUTER + INNER, door_gaps(DOORS) + [win])
    f.glass(*win)
    doors = dict(DOORS)
    h, j, sd = doors.pop("役員室-廊下")
    f.door_loose(h, j, sd, layer=AIA["wall"])
    h2, j2, sd2 = doors.pop("会議室2-廊下")
    blk = f.doc.blocks.new("DESK_WITH_DOOR")
    blk.add_arc((0, 0), 0.9, 0, 90, dxfattribs={"layer": AIA["door"]})
    blk.add_line((0, 0), (0, 0.9), dxfattribs={"layer": AIA["door"]})
    blk.add_lwpolyline([(0.3, 1.5), (1.5, 1.5), (1.5, 2.2), (0.3, 2.2)], close=True, dxfattribs={"layer": "0"})
    f.msp.add_blockref("DESK_WITH_DOOR", h2, dxfattribs={"layer": AIA["furn"]})
    put_doors(f, doors, "block")
    put_labels(f, LABELS)
    f.save(out, zones_toml(ZONES, "aia"))


def d18_wide_opening_same_level(out):
    """A 2.4 m doorless opening between 執務室 (1) and 廊下 (1) instead of a door: ENC001 on both."""
    f = Floor("d18_wide_opening_same_level", DEFAULT, unit=1.0, insunits=6)
    doors = dict(DOORS)
    del doors["執務室-廊下"]
    f.single_walls(OUTER + INNER, door_gaps(doors) + [((8.0, 5), (10.4, 5))])
    put_doors(f, doors, "block")
    put_labels(f, LABELS)
    f.save(out, zones_toml(ZONES))


def d19_common_corridor(out):
    """Entrance from a common corridor (共用廊下) drawn below the tenancy, closed by building walls, with a door
    to the stair at its end. 共用廊下 = "outside" in the table: drawn, but not part of the application area."""
    f = Floor("d19_common_corridor", JWW, unit=1000.0, insunits=4)
    bld = [((0, -2.5), (20, -2.5)), ((0, -2.5), (0, 0)), ((20, -2.5), (20, 0))]
    doors = dict(DOORS)
    doors["stair"] = ((20, -2.2), (20, -1.3), "+x")
    f.single_walls(OUTER + INNER + bld, door_gaps(doors))
    put_doors(f, doors, "loose")
    labels = dict(LABELS)
    labels["共用廊下"] = (10, -1.25)
    put_labels(f, labels)
    z = dict(ZONES)
    z["共用廊下"] = "outside"
    f.save(out, zones_toml(z, "jww"))


def d20_plus_junction_single(out):
    """Minimal: single-line walls, corridor y 5..7; a wall x=8 on both sides of the corridor (T-junctions
    aligned across it). Two rooms below, two above, corridor between; doors everywhere; all level 1."""
    f = Floor("d20_plus_junction_single", DEFAULT, unit=1.0, insunits=6)
    segs = [((0, 0), (16, 0)), ((16, 0), (16, 12)), ((16, 12), (0, 12)), ((0, 12), (0, 0)),
            ((0, 5), (16, 5)), ((0, 7), (16, 7)), ((8, 0), (8, 5)), ((8, 7), (8, 12))]
    doors = {"e": ((0, 5.5), (0, 6.4), "-x"), "a": ((3, 5), (3.9, 5), "+y"), "b": ((11, 5), (11.9, 5), "+y"),
             "c": ((3, 7), (3.9, 7), "+y"), "d": ((11, 7), (11.9, 7), "+y")}
    f.single_walls(segs, door_gaps(doors))
    put_doors(f, doors, "block")
    for k, at in {"執務室A": (4, 2.5), "執務室B": (12, 2.5), "会議室1": (4, 9.5), "サーバー室": (12, 9.5), "廊下": (12, 6)}.items():
        f.text(k, at)
    f.save(out, zones_toml({"執務室*": 1, "会議室*": 1, "廊下": 1, "サーバー室": 3}))


DRAWINGS = [d01_base_single_m, d02_aia_double_mm, d03_jww_r12, d04_server_off_open_corridor,
            d05_exec_from_reception, d06_doorless_server, d07_hairline_overshoot, d08_glass_meeting,
            d09_partition_exec, d10_sliding_double, d11_wrong_insunits, d12_storage_unnamed_and_column,
            d13_no_level3, d14_server_near_entrance, d15_aligned_cross_double, d16_labels_fullwidth_area,
            d17_door_on_wall_layer, d18_wide_opening_same_level, d19_common_corridor, d20_plus_junction_single]



def main(outdir):
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    for d in DRAWINGS:
        d(outdir)
    return [d.__name__ for d in DRAWINGS]


if __name__ == "__main__":
    print(main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/rooms_from_walls"))
