"""Tiny drawing kit for the rule-edge floors (metres in, any unit out)."""
import math
import ezdxf
from shapely.geometry import LineString, Polygon
from shapely.ops import unary_union


class Floor:
    def __init__(self, name, desc, scale=1.0, units=6, offset=(0.0, 0.0), version="R2010"):
        self.name, self.desc = name, desc
        self.doc = ezdxf.new(version)
        self.doc.header["$INSUNITS"] = units
        self.msp = self.doc.modelspace()
        self.s, self.off = scale, offset
        self.outlines, self.gaps, self.expected = [], [], []
        for lay in ("WALL", "DOOR", "PARTITION", "ROOM-NAME", "APPLICATION-AREA", "DEVICE", "CABINET"):
            if lay not in self.doc.layers:
                self.doc.layers.add(lay)
        self._blocks()

    def T(self, p):
        return ((p[0] + self.off[0]) * self.s, (p[1] + self.off[1]) * self.s)

    def _blocks(self):
        b = self.doc.blocks.new("DOORBLK")
        b.add_line((0, 0), (0, 1))
        b.add_arc((0, 0), 1, 0, 90)
        b.add_attdef("ID", (0.1, 0.1), dxfattribs={"height": 0.1})
        b.add_attdef("LOCK", (0.1, 0.3), dxfattribs={"height": 0.1})
        c = self.doc.blocks.new("COPIER")
        c.add_lwpolyline([(-0.5, -0.5), (0.5, -0.5), (0.5, 0.5), (-0.5, 0.5)], close=True)
        c.add_attdef("KIND", (0, 0), dxfattribs={"height": 0.1})
        c.add_attdef("ID", (0, 0.2), dxfattribs={"height": 0.1})
        k = self.doc.blocks.new("CAB")
        k.add_lwpolyline([(-0.5, -0.25), (0.5, -0.25), (0.5, 0.25), (-0.5, 0.25)], close=True)
        k.add_attdef("LEVEL", (0, 0), dxfattribs={"height": 0.1})
        k.add_attdef("ID", (0, 0.1), dxfattribs={"height": 0.1})

    def layer(self, name):
        if name not in self.doc.layers:
            self.doc.layers.add(name)
        return name

    # ---- elements ---------------------------------------------------------------
    def zone(self, layer, pts, name=None, walls=True, closed=True, label_at=None, text=None):
        self.layer(layer)
        self.msp.add_lwpolyline([self.T(p) for p in pts], close=closed, dxfattribs={"layer": layer})
        if walls:
            self.outlines.append(list(pts) + [pts[0]])
        if name or text:
            at = label_at or Polygon(pts).representative_point().coords[0]
            self.text(text or name, at)

    def text(self, s, at, layer="ROOM-NAME"):
        self.layer(layer)
        self.msp.add_text(s, dxfattribs={"layer": layer, "height": 0.3 * self.s, "insert": self.T(at)})

    def aa(self, pts, holes=(), walls=True):
        self.msp.add_lwpolyline([self.T(p) for p in pts], close=True, dxfattribs={"layer": "APPLICATION-AREA"})
        if walls:
            self.outlines.append(list(pts) + [pts[0]])
        for h in holes:
            self.msp.add_lwpolyline([self.T(p) for p in h], close=True, dxfattribs={"layer": "APPLICATION-AREA"})
            if walls:
                self.outlines.append(list(h) + [h[0]])

    def wall(self, pts):
        self.outlines.append(list(pts))

    def partition(self, pts, layer="PARTITION"):
        self.layer(layer)
        self.msp.add_lwpolyline([self.T(p) for p in pts], dxfattribs={"layer": layer})

    def door(self, did, p, q, lock=None):
        self.gaps.append(LineString([p, q]))
        w = math.dist(p, q)
        ang = math.degrees(math.atan2(q[1] - p[1], q[0] - p[0]))
        ins = self.msp.add_blockref("DOORBLK", self.T(p), dxfattribs={
            "layer": "DOOR", "xscale": w * self.s, "yscale": w * self.s, "rotation": ang})
        vals = {"ID": did}
        if lock:
            vals["LOCK"] = lock
        ins.add_auto_attribs(vals)

    def opening(self, p, q):
        self.gaps.append(LineString([p, q]))

    def device(self, at, kind="COPIER", did=None, size=0.6):
        ins = self.msp.add_blockref("COPIER", self.T(at), dxfattribs={
            "layer": "DEVICE", "xscale": size * self.s, "yscale": size * self.s})
        vals = {"KIND": kind}
        if did:
            vals["ID"] = did
        ins.add_auto_attribs(vals)

    def cabinet(self, at, level=None, layer="CABINET", cid=None):
        self.layer(layer)
        ins = self.msp.add_blockref("CAB", self.T(at), dxfattribs={
            "layer": layer, "xscale": 0.9 * self.s, "yscale": 0.9 * self.s})
        vals = {}
        if level is not None:
            vals["LEVEL"] = str(level)
        if cid:
            vals["ID"] = cid
        if vals:
            ins.add_auto_attribs(vals)

    def expect(self, rule, *subjects):
        self.expected.append({"rule": rule, "subjects": [dict(s) for s in subjects]})

    # ---- output -----------------------------------------------------------------
    def save(self, path):
        lines = unary_union([LineString(o) for o in self.outlines])
        if self.gaps:
            cut = unary_union([g.buffer(0.002, cap_style=2) for g in self.gaps])
            lines = lines.difference(cut)
        geoms = getattr(lines, "geoms", [lines])
        for g in geoms:
            if g.is_empty:
                continue
            cs = list(g.coords)
            for a, b in zip(cs, cs[1:]):
                if math.dist(a, b) > 1e-6:
                    self.msp.add_line(self.T(a), self.T(b), dxfattribs={"layer": "WALL"})
        self.doc.saveas(path)


def R(name, **kw):
    return {"kind": "region", "name": name, **kw}


def D(name):
    return {"kind": "door", "name": name}


def rect(x0, y0, x1, y1):
    return [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
