#!/usr/bin/env python3
"""Generate the real-style office drawings in ``samples/realstyle/NAME/NAME.dxf``.

Usage::

    .venv/bin/python scripts/make_realstyle.py            # (re)write samples/realstyle/*/*.dxf
    .venv/bin/python scripts/make_realstyle.py --check    # exit 1 if a committed drawing is stale
    .venv/bin/python scripts/make_realstyle.py NAME ...   # only the named drawings

Unlike ``samples/dxf/`` (drawn in the tool's own convention, with zone polygons), these floors
are drawn the way real as-is drawings come: no zone polygons, no OSM layers, walls as loose
LINEs (double lines with jambs at the openings, or single lines), doors as loose LINE + ARC,
as door blocks, or inside furniture blocks, room names as TEXT/MTEXT, units missing or wrong.
Each drawing has beside it (in its own folder, where ``osmark check`` finds it) the
``osmark.toml`` a user would write and ``NAME.expected.json``
(written by hand). Output is deterministic: the same script writes the same bytes.
"""

from __future__ import annotations

import argparse
import io
import logging
import math
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import ezdxf
import shapely
from ezdxf.enums import TextEntityAlignment
from shapely.geometry import LineString, Point, Polygon, box

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "samples" / "realstyle"

Pt = tuple[float, float]


# --------------------------------------------------------------------------------------------
# the drawing kit: plan coordinates in metres, written in the drawing's unit
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Opening:
    """A gap in a wall: from ``at`` (on the wall centre line) ``width`` metres along ``axis``."""

    at: Pt
    axis: str  # "x" or "y": the direction the wall runs
    width: float

    def rect(self, depth: float) -> Polygon:
        x, y = self.at
        if self.axis == "x":
            return box(x, y - depth, x + self.width, y + depth)
        return box(x - depth, y, x + depth, y + self.width)


@dataclass
class Floor:
    """One office floor under construction."""

    version: str = "R2018"
    unit_scale: float = 1.0  # drawing units per metre (1000 for mm)
    insunits: int | None = 6  # written as $INSUNITS (None: not written)
    origin: Pt = (0.0, 0.0)  # plan metres added to every point (a site offset)
    doc: ezdxf.document.Drawing = field(init=False)
    #: wall layer -> centre-line segments with their thickness (0: a single line)
    walls: dict[str, list[tuple[Pt, Pt, float]]] = field(default_factory=dict)
    openings: list[Opening] = field(default_factory=list)

    def __post_init__(self) -> None:
        ezdxf.options.write_fixed_meta_data_for_testing = True  # no time stamps: same bytes
        quiet = logging.getLogger("ezdxf")
        level, quiet.level = quiet.level, logging.ERROR
        try:
            self.doc = ezdxf.new(self.version, setup=False)
        finally:
            quiet.setLevel(level)
        if self.version != "R12":
            if self.insunits is None:
                self.doc.header.discard("$INSUNITS")  # type: ignore[attr-defined]
            else:
                self.doc.header["$INSUNITS"] = self.insunits
        self.doc.header["$MEASUREMENT"] = 1
        self.msp = self.doc.modelspace()

    # -- coordinates -----------------------------------------------------------------------------

    def xy(self, p: Pt) -> Pt:
        f = self.unit_scale
        return (round((p[0] + self.origin[0]) * f, 6), round((p[1] + self.origin[1]) * f, 6))

    def layer(self, name: str, color: int = 7) -> str:
        if name not in self.doc.layers:
            self.doc.layers.add(name, color=color)
        return name

    # -- primitives ------------------------------------------------------------------------------

    def line(self, a: Pt, b: Pt, layer: str) -> None:
        self.msp.add_line(self.xy(a), self.xy(b), dxfattribs={"layer": self.layer(layer)})

    def rect(self, x0: float, y0: float, x1: float, y1: float, layer: str) -> None:
        pts = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
        if self.version == "R12":
            for a, b in zip(pts, pts[1:] + pts[:1]):
                self.line(a, b, layer)
        else:
            self.msp.add_lwpolyline([self.xy(p) for p in pts], close=True,
                                    dxfattribs={"layer": self.layer(layer)})

    def text(self, s: str, at: Pt, layer: str, height: float = 0.35, mtext: bool = False) -> None:
        h = height * self.unit_scale
        if mtext:
            m = self.msp.add_mtext(s, dxfattribs={"layer": self.layer(layer), "char_height": h})
            m.set_location(self.xy(at), attachment_point=5)
        else:
            t = self.msp.add_text(s, height=h, dxfattribs={"layer": self.layer(layer)})
            t.set_placement(self.xy(at), align=TextEntityAlignment.MIDDLE_CENTER)

    # -- walls -----------------------------------------------------------------------------------

    def wall(self, layer: str, thickness: float, *pts: Pt) -> None:
        """A wall run through the points (centre line) on a wall layer."""
        self.walls.setdefault(layer, []).extend((a, b, thickness) for a, b in zip(pts, pts[1:]))

    def opening(self, at: Pt, axis: str, width: float) -> Opening:
        o = Opening(at, axis, width)
        self.openings.append(o)
        return o

    def _emit_walls(self) -> None:
        done: Polygon | None = None  # what earlier layers cover: later layers stop at its face
        cuts = shapely.union_all([o.rect(0.2) for o in self.openings])  # deeper than any wall
        for layer, segs in self.walls.items():
            single = [LineString((a, b)) for a, b, t in segs if t <= 0]
            if single:  # single lines on the centre line
                work = shapely.union_all(single).difference(cuts)
                if done is not None:
                    work = work.difference(done)
                self._emit_lines(work, layer)
            double = [LineString((a, b)).buffer(t / 2, cap_style="square", join_style="mitre")
                      for a, b, t in segs if t > 0]
            if not double:
                continue
            body = shapely.union_all(double)
            if done is not None:
                body = body.difference(done)
            body = body.difference(cuts)
            # no line drawn twice along an earlier layer's face
            self._emit_lines(body.boundary, layer, skip=None if done is None else done.boundary)
            done = body if done is None else done.union(body)

    def _emit_lines(self, geom, layer: str, skip=None) -> None:  # type: ignore[no-untyped-def]
        """Each straight piece of ``geom`` as a LINE, except pieces lying on ``skip``."""
        geom = shapely.line_merge(shapely.simplify(geom, 1e-9)) if not geom.is_empty else geom
        for part in shapely.get_parts(geom):
            c = [(round(x, 6), round(y, 6)) for x, y in shapely.simplify(part, 1e-9).coords]
            for a, b in zip(c, c[1:]):
                mid = Point((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
                if a != b and (skip is None or mid.distance(skip) > 1e-6):
                    self.line(a, b, layer)

    # -- doors -----------------------------------------------------------------------------------

    @staticmethod
    def _swing(o: Opening, face: float, into: int, hinge_end: bool) -> tuple[Pt, Pt, Pt]:
        """Hinge, leaf end and far jamb of a swing door in opening ``o``: the hinge sits on the
        wall face at offset ``face`` from the centre line (towards ``into``), the leaf stands
        open towards ``into`` (+1: +y or +x side), the far jamb is the arc's other end."""
        x, y = o.at
        w = o.width
        if o.axis == "x":
            hx = x + w if hinge_end else x
            hy = y + into * face
            return (hx, hy), (hx, hy + into * w), (hx + (-w if hinge_end else w), hy)
        hy = y + w if hinge_end else y
        hx = x + into * face
        return (hx, hy), (hx + into * w, hy), (hx, hy + (-w if hinge_end else w))

    def loose_door(self, o: Opening, thickness: float, into: int, hinge_end: bool, layer: str) -> None:
        """A swing door as a loose leaf LINE and swing ARC on a door layer."""
        hinge, leaf, jamb = self._swing(o, thickness / 2, into, hinge_end)
        self.line(hinge, leaf, layer)
        self._arc(hinge, leaf, jamb, layer)

    def _arc(self, c: Pt, p: Pt, q: Pt, layer: str) -> None:
        r = math.dist(c, p) * self.unit_scale
        a1 = math.degrees(math.atan2(p[1] - c[1], p[0] - c[0])) % 360
        a2 = math.degrees(math.atan2(q[1] - c[1], q[0] - c[0])) % 360
        start, end = (a1, a2) if (a2 - a1) % 360 <= 180 else (a2, a1)  # the quarter turn
        self.msp.add_arc(self.xy(c), r, round(start, 6), round(end, 6),
                         dxfattribs={"layer": self.layer(layer)})

    def door_block(self, name: str = "DOOR") -> str:
        """A unit door block: hinge at the origin, leaf along +y, swing from +x to +y."""
        if name not in self.doc.blocks:
            blk = self.doc.blocks.new(name)
            blk.add_line((0, 0), (0, 1))
            blk.add_arc((0, 0), 1, 0, 90)
        return name

    def door_insert(self, o: Opening, thickness: float, into: int, hinge_end: bool, layer: str,
                    block: str = "DOOR", size: float | None = None) -> None:
        """A swing door as an INSERT of a unit block (``size``: the block's width in metres;
        None for the unit block, scaled by the opening width)."""
        hinge, leaf, jamb = self._swing(o, thickness / 2, into, hinge_end)
        ux, uy = jamb[0] - hinge[0], jamb[1] - hinge[1]
        lx, ly = leaf[0] - hinge[0], leaf[1] - hinge[1]
        rot = math.degrees(math.atan2(uy, ux)) % 360
        left = ux * ly - uy * lx > 0  # leaf on the left of hinge -> jamb: not mirrored
        s = o.width / size if size else o.width * self.unit_scale
        self.msp.add_blockref(block, self.xy(hinge), dxfattribs={
            "layer": self.layer(layer), "rotation": round(rot, 6),
            "xscale": s, "yscale": s if left else -s})

    # -- output ----------------------------------------------------------------------------------

    def dxf_text(self) -> str:
        self._emit_walls()
        stream = io.StringIO()
        self.doc.write(stream)
        return stream.getvalue()


def _without_codepage(text: str) -> str:
    """The DXF text without its $DWGCODEPAGE header variable (as a Jw_cad R12 export)."""
    lines = text.split("\n")
    for i in range(len(lines) - 1):
        if lines[i].strip() == "9" and lines[i + 1].strip() == "$DWGCODEPAGE":
            del lines[i:i + 4]
            break
    return "\n".join(lines)


# --------------------------------------------------------------------------------------------
# the drawings
# --------------------------------------------------------------------------------------------

DRAWINGS: dict[str, Callable[[], bytes]] = {}


def drawing(fn: Callable[[], bytes]) -> Callable[[], bytes]:
    DRAWINGS[fn.__name__] = fn
    return fn


def _desks(fl: Floor, x0: float, y0: float, cols: int, rows: int, layer: str) -> None:
    """An island of desks 1.2 x 0.7 m (furniture, not read by the checker)."""
    for i in range(cols):
        for j in range(rows):
            x, y = x0 + 1.2 * i, y0 + 0.7 * j
            fl.rect(x, y, x + 1.2, y + 0.7, layer)


@drawing
def double_line_loose_doors() -> bytes:
    """(a) 18 x 12 m, double-line walls (0.15 m exterior 0.2 m) on 壁, doors as loose LINE+ARC
    on 建具, metres, room names as MTEXT on 室名; a doorless 0.9 m doorway 受付 -> 会議室."""
    fl = Floor(version="R2018", unit_scale=1.0, insunits=6)
    ext, inn = 0.2, 0.15
    W, H = 18.0, 12.0
    fl.wall("壁", ext, (0, 0), (W, 0), (W, H), (0, H), (0, 0))
    fl.wall("壁", inn, (6, 0), (6, H))  # 受付/会議室 | 執務室 ...
    fl.wall("壁", inn, (0, 6), (6, 6))  # 受付 | 会議室
    fl.wall("壁", inn, (6, 8), (W, 8))  # 執務室 | north rooms
    fl.wall("壁", inn, (10, 8), (10, H))  # 役員室 | 書庫
    fl.wall("壁", inn, (14, 8), (14, H))  # 書庫 | サーバー室
    door = "建具"
    # entrance: outside -> 受付, south wall, opens inwards
    fl.loose_door(fl.opening((2.0, 0), "x", 0.9), ext, +1, False, door)
    # 受付 -> 執務室, wall x=6
    fl.loose_door(fl.opening((6, 2.0), "y", 0.9), inn, +1, False, door)
    # doorless doorway 受付 -> 会議室 (wall y=6)
    fl.opening((3.0, 6), "x", 0.9)
    # 執務室 -> 役員室, 書庫 (wall y=8), 書庫 -> サーバー室 (wall x=14)
    fl.loose_door(fl.opening((8.0, 8), "x", 0.9), inn, +1, False, door)
    fl.loose_door(fl.opening((12.0, 8), "x", 0.9), inn, +1, True, door)
    fl.loose_door(fl.opening((14, 10.0), "y", 0.9), inn, +1, False, door)
    lab = "室名"
    for name, at in (("受付", (3, 3)), ("会議室", (3, 9.5)), ("執務室", (12, 4.5)),
                     ("役員室", (8, 10.5)), ("書庫", (12, 10.5)), ("サーバー室", (16, 10.5))):
        fl.text(name, at, lab, mtext=True)
    _desks(fl, 8.0, 2.0, 4, 2, "家具")
    _desks(fl, 13.0, 2.0, 3, 2, "家具")
    fl.rect(1.5, 8.5, 4.5, 10.0, "家具")  # meeting table
    return fl.dxf_text().encode("utf-8")


@drawing
def jwcad_r12_cp932() -> bytes:
    """(b) Jw_cad-style R12 export: Shift-JIS without $DWGCODEPAGE, layer names with group
    prefixes (_0-1_壁, _0-3_建具, _0-8_室名), no $INSUNITS, millimetres, TEXT only."""
    fl = Floor(version="R12", unit_scale=1000.0, insunits=None, origin=(-10.0, -5.0))
    wall, door, lab, furn = "_0-1_壁", "_0-3_建具", "_0-8_室名", "_0-5_什器"
    t = 0.15
    W, H = 20.0, 10.0
    fl.wall(wall, t, (0, 0), (W, 0), (W, H), (0, H), (0, 0))
    fl.wall(wall, t, (0, 4), (4, 4))  # 受付 | 会議室A
    fl.wall(wall, t, (4, 0), (4, H))  # west strip | 執務室
    fl.wall(wall, t, (0, 7), (4, 7))  # 会議室A | 会議室B
    fl.wall(wall, t, (14, 0), (14, H))  # 執務室 | east strip
    fl.wall(wall, t, (14, 3.5), (W, 3.5))  # 社長室 | 書庫
    fl.wall(wall, t, (14, 6.5), (W, 6.5))  # 書庫 | サーバー室
    # entrance: outside -> 受付, west wall x=0
    fl.loose_door(fl.opening((0, 1.5), "y", 0.9), t, +1, False, door)
    # 受付 -> 会議室A (y=4), 受付 -> 執務室 (x=4)
    fl.loose_door(fl.opening((1.5, 4), "x", 0.9), t, +1, False, door)
    fl.loose_door(fl.opening((4, 1.5), "y", 0.9), t, +1, False, door)
    # 執務室 -> 会議室B (x=4, swing into 会議室B: west)
    fl.loose_door(fl.opening((4, 8.0), "y", 0.9), t, -1, False, door)
    # 執務室 -> 社長室, 書庫 (x=14, swing east); 書庫 -> サーバー室 (y=6.5, swing north)
    fl.loose_door(fl.opening((14, 1.5), "y", 0.9), t, +1, False, door)
    fl.loose_door(fl.opening((14, 4.5), "y", 0.9), t, +1, False, door)
    fl.loose_door(fl.opening((16.5, 6.5), "x", 0.9), t, +1, False, door)
    for name, at in (("受付", (2, 2.5)), ("会議室Ａ", (2, 5.5)), ("会議室Ｂ", (2, 8.5)),
                     ("執務室", (9, 5)), ("社長室", (17, 1.8)), ("書庫", (17, 5)),
                     ("サーバー室", (17, 8.3))):
        fl.text(name, at, lab)
    fl.text("事務所平面図", (10, -1.5), "_0-9_図面枠", height=0.5)
    _desks(fl, 6.0, 2.0, 5, 2, furn)
    _desks(fl, 6.0, 6.0, 5, 2, furn)
    text = _without_codepage(fl.dxf_text())
    return text.encode("cp932")


@drawing
def wrong_insunits() -> bytes:
    """(c) $INSUNITS says inches (1) but the geometry is millimetres; single-line walls on WALL,
    door blocks on DOOR, room names as TEXT on ROOM-NAME; a site offset."""
    fl = Floor(version="R2010", unit_scale=1000.0, insunits=1, origin=(120.0, 45.0))
    t = 0.0
    W, H = 16.0, 11.0
    fl.wall("WALL", t, (0, 0), (W, 0), (W, H), (0, H), (0, 0))
    fl.wall("WALL", t, (0, 5), (5, 5), (5, 0))  # 受付 (south-west)
    fl.wall("WALL", t, (5, 5), (5, H))  # 会議室 | 執務室
    fl.wall("WALL", t, (10, 7), (W, 7))  # 執務室 | north-east rooms
    fl.wall("WALL", t, (10, 7), (10, H))  # 執務室 | 役員室
    fl.wall("WALL", t, (13, 7), (13, H))  # 役員室 | 書庫 and サーバー室
    fl.wall("WALL", t, (13, 9), (W, 9))  # 書庫 (south) | サーバー室 (north)
    fl.door_block("DOOR")
    d = "DOOR"
    # entrance: outside -> 受付 (south wall), 受付 -> 執務室 (x=5), 受付 -> 会議室 (y=5)
    fl.door_insert(fl.opening((1.5, 0), "x", 0.9), t, +1, False, d)
    fl.door_insert(fl.opening((5, 2.0), "y", 0.9), t, +1, False, d)
    fl.door_insert(fl.opening((2.0, 5), "x", 0.9), t, +1, False, d)
    # 執務室 -> 役員室 (y=7), 執務室 -> 書庫 (y=7, 13..16 x 7..9), 書庫 -> サーバー室 (y=9)
    fl.door_insert(fl.opening((11.0, 7), "x", 0.9), t, +1, False, d)
    fl.door_insert(fl.opening((14.0, 7), "x", 0.9), t, +1, False, d)
    fl.door_insert(fl.opening((14.5, 9), "x", 0.9), t, +1, False, d)
    for name, at in (("受付", (2.5, 2.5)), ("会議室", (2.5, 8)), ("執務室", (9, 3.5)),
                     ("役員室", (11.5, 9)), ("書庫", (14.5, 8.0)), ("サーバー室", (14.5, 10.0))):
        fl.text(name, at, "ROOM-NAME", height=0.3)
    _desks(fl, 7.0, 1.5, 5, 2, "FURNITURE")
    return fl.dxf_text().encode("utf-8")


@drawing
def doors_in_furniture_blocks() -> bytes:
    """(d) Private-office doors drawn inside furniture blocks: a block ROOM-SET (desk, chair and
    the room's door leaf + swing) inserted on layer FURN at each private office; plain DESK
    blocks on FURN too. Walls single-line on WALL, entrance and 執務室 doors on DOOR, mm."""
    fl = Floor(version="R2013", unit_scale=1000.0, insunits=4)
    f = fl.unit_scale
    W, H = 20.0, 12.0
    t = 0.0
    fl.wall("WALL", t, (0, 0), (W, 0), (W, H), (0, H), (0, 0))
    fl.wall("WALL", t, (0, 5.5), (5, 5.5), (5, 0))  # 受付 (south-west)
    fl.wall("WALL", t, (5, 5.5), (5, H))  # west column of rooms | 執務室
    fl.wall("WALL", t, (0, 8.7), (5, 8.7))  # 社長室 | 役員室
    fl.wall("WALL", t, (13, 7), (W, 7))  # 執務室 | north-east
    fl.wall("WALL", t, (13, 7), (13, H))  # 執務室 | 書庫
    fl.wall("WALL", t, (16.5, 7), (16.5, H))  # 書庫 | サーバー室
    # the office set: door (hinge at origin, 0.9 m leaf, swings into +y) and desk + chair
    blk = fl.doc.blocks.new("ROOM-SET")
    blk.add_line((0, 0), (0, 0.9 * f))
    blk.add_arc((0, 0), 0.9 * f, 0, 90)
    blk.add_lwpolyline([(1.1 * f, 0.6 * f), (2.5 * f, 0.6 * f), (2.5 * f, 1.3 * f), (1.1 * f, 1.3 * f)],
                       close=True)
    blk.add_circle((1.8 * f, 1.6 * f), 0.25 * f)
    desk = fl.doc.blocks.new("DESK")
    desk.add_lwpolyline([(0, 0), (1.2 * f, 0), (1.2 * f, 0.7 * f), (0, 0.7 * f)], close=True)
    desk.add_circle((0.6 * f, 1.0 * f), 0.25 * f)
    fl.door_block("DOOR")
    # entrance and 受付 -> 執務室 on the door layer
    fl.door_insert(fl.opening((1.5, 0), "x", 0.9), t, +1, False, "DOOR")
    fl.door_insert(fl.opening((5, 2.0), "y", 0.9), t, +1, False, "DOOR")
    # private offices: the door comes with the ROOM-SET on FURN (block size 0.9 m, scale 1)
    fl.door_insert(fl.opening((5, 5.8), "y", 0.9), t, -1, False, "FURN", block="ROOM-SET", size=0.9)
    fl.door_insert(fl.opening((5, 10.5), "y", 0.9), t, -1, True, "FURN", block="ROOM-SET", size=0.9)
    fl.door_insert(fl.opening((13, 8.0), "y", 0.9), t, +1, False, "FURN", block="ROOM-SET", size=0.9)
    fl.door_insert(fl.opening((16.5, 8.0), "y", 0.9), t, +1, False, "FURN", block="ROOM-SET", size=0.9)
    for i in range(4):
        for j in range(2):
            fl.msp.add_blockref("DESK", fl.xy((7.0 + 1.2 * i, 2.0 + 2.0 * j)),
                                dxfattribs={"layer": fl.layer("FURN")})
    for name, at in (("受付", (2.5, 2.5)), ("社長室", (2.0, 6.3)), ("役員室", (2.0, 10.8)),
                     ("執務室", (9.0, 6.0)), ("書庫", (14.7, 10.5)), ("サーバー室", (18.2, 9.0))):
        fl.text(name, at, "ROOM-NAME", height=0.3, mtext=True)
    return fl.dxf_text().encode("utf-8")


@drawing
def aia_office() -> bytes:
    """(e) AIA/NCS layers: A-WALL double lines, A-WALL-PRHT low partition (受付 | 執務室),
    A-DOOR blocks, A-GLAZ windows, A-AREA-IDEN room names, A-EQPM copier, A-FURN-FILE
    cabinets, A-FURN desks. Planted: サーバー室 opens onto 受付 (ACC001), copier in 受付 (EQP001)."""
    fl = Floor(version="R2018", unit_scale=1000.0, insunits=4)
    f = fl.unit_scale
    ext, inn, prt = 0.2, 0.15, 0.06
    W, H = 22.0, 14.0
    fl.wall("A-WALL", ext, (0, 0), (W, 0), (W, H), (0, H), (0, 0))
    fl.wall("A-WALL", inn, (8, 8), (8, H))  # 受付 (north-west part) | 会議室
    fl.wall("A-WALL", inn, (0, 10), (4, 10), (4, H))  # サーバー室 in the north-west corner
    fl.wall("A-WALL", inn, (8, 8), (W, 8))  # north rooms | 執務室
    fl.wall("A-WALL", inn, (13, 8), (13, H))  # 会議室 | 役員室
    fl.wall("A-WALL", inn, (17.5, 8), (17.5, H))  # 役員室 | 書庫
    fl.wall("A-WALL-PRHT", prt, (8, 0), (8, 8))  # 受付 | 執務室: low partition
    # windows in the south and east exterior walls, glass in the wall thickness
    for x in (11.0, 15.0, 19.0):
        fl.opening((x, 0), "x", 1.8)
        for dy in (-0.03, 0.03):
            fl.line((x, dy), (x + 1.8, dy), "A-GLAZ")
    for y in (2.0, 5.0):
        fl.opening((W, y), "y", 1.8)
        for dx in (-0.03, 0.03):
            fl.line((W + dx, y), (W + dx, y + 1.8), "A-GLAZ")
    fl.door_block("DOOR-SGL")
    d = "A-DOOR"
    # entrance: outside -> 受付, south wall near the west end
    fl.door_insert(fl.opening((2.0, 0), "x", 1.0), ext, +1, False, d, block="DOOR-SGL")
    # 受付 -> 執務室 through the partition
    fl.door_insert(fl.opening((8, 3.0), "y", 0.9), prt, +1, False, d, block="DOOR-SGL")
    # サーバー室 -> 受付 (planted: straight onto the open area), wall y=10, swings into the room
    fl.door_insert(fl.opening((2.5, 10), "x", 0.9), inn, +1, True, d, block="DOOR-SGL")
    # 執務室 -> 会議室, 役員室, 書庫 (wall y=8, swing north)
    for x in (10.0, 15.0, 19.5):
        fl.door_insert(fl.opening((x, 8), "x", 0.9), inn, +1, False, d, block="DOOR-SGL")
    for name, at in (("受付", (4.0, 5.0)), ("サーバー室", (2.0, 12.0)), ("会議室", (10.5, 11.0)),
                     ("役員室", (15.25, 11.0)), ("書庫", (19.75, 11.0)), ("執務室", (15.0, 4.0))):
        fl.text(name, at, "A-AREA-IDEN", height=0.35, mtext=True)
    # the copier in the open area, 4.5 m from the entrance, against nothing
    cop = fl.doc.blocks.new("COPIER")
    cop.add_lwpolyline([(0, 0), (0.8 * f, 0), (0.8 * f, 0.7 * f), (0, 0.7 * f)], close=True)
    fl.msp.add_blockref("COPIER", fl.xy((5.5, 3.2)), dxfattribs={"layer": fl.layer("A-EQPM")})
    # file cabinets in 書庫 along its east wall
    cab = fl.doc.blocks.new("FILE-CAB")
    cab.add_lwpolyline([(0, 0), (0.9 * f, 0), (0.9 * f, 0.45 * f), (0, 0.45 * f)], close=True)
    for y in (9.0, 10.2, 11.4):
        fl.msp.add_blockref("FILE-CAB", fl.xy((W - 0.1 - 0.45, y)), dxfattribs={
            "layer": fl.layer("A-FURN-FILE"), "rotation": 90})
    _desks(fl, 10.5, 2.0, 6, 2, "A-FURN")
    fl.rect(9.5, 9.5, 11.5, 12.5, "A-FURN")  # meeting table
    return fl.dxf_text().encode("utf-8")


# --------------------------------------------------------------------------------------------
# main
# --------------------------------------------------------------------------------------------


def _reexec_with_fixed_hash_seed() -> None:
    """Re-run under PYTHONHASHSEED=0: ezdxf orders some OBJECTS by set iteration, so a fixed
    seed is what makes the written bytes identical from run to run."""
    if os.environ.get("PYTHONHASHSEED") != "0":
        env = {**os.environ, "PYTHONHASHSEED": "0"}
        os.execve(sys.executable, [sys.executable, __file__, *sys.argv[1:]], env)


def build(name: str) -> bytes:
    return DRAWINGS[name]()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("names", nargs="*", help="drawings to build (default: all)")
    ap.add_argument("--out", type=Path, default=OUT, help="output folder (default samples/realstyle)")
    ap.add_argument("--check", action="store_true", help="fail if a committed drawing is stale")
    args = ap.parse_args(argv)
    names = args.names or list(DRAWINGS)
    unknown = [n for n in names if n not in DRAWINGS]
    if unknown:
        ap.error(f"unknown drawing(s): {', '.join(unknown)}; known: {', '.join(DRAWINGS)}")
    stale = []
    args.out.mkdir(parents=True, exist_ok=True)
    for name in names:
        data = build(name)
        path = args.out / name / f"{name}.dxf"
        if args.check:
            if not path.is_file() or path.read_bytes() != data:
                stale.append(name)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        print(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}  {len(data)} bytes")
    if stale:
        print("stale: " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    _reexec_with_fixed_hash_seed()
    sys.exit(main())
