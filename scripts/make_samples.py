#!/usr/bin/env python3
"""Generate the sample office drawings in ``samples/dxf/`` (the default layer convention).

Usage::

    .venv/bin/python scripts/make_samples.py               # (re)write samples/dxf/*.dxf
    .venv/bin/python scripts/make_samples.py --check       # fail if a committed sample is stale
    .venv/bin/python scripts/make_samples.py --png /tmp/p  # also write a PNG preview of each
    .venv/bin/python scripts/make_samples.py acc001 ...    # only the named samples

Almost every sample is a small office (20 m x 12 m; ``floor_40x20`` is 40 m x 20 m) beside a
common corridor. The plan is laid out in
metres in a "plan frame"; the drawing kit turns plan coordinates into drawing coordinates
(millimetres or metres, optionally rotated and shifted), cuts door and window openings out of the
walls, and writes doors, zones, cabinets, devices and room names on the right layers. The
expected findings beside each drawing (``NAME.expected.json``) are written by hand, not by this
script. Output is deterministic: the same script writes the same bytes.
"""

from __future__ import annotations

import argparse
import logging
import math
import os
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Sequence

import ezdxf
from ezdxf.enums import TextEntityAlignment

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "samples" / "dxf"

Pt = tuple[float, float]

# --------------------------------------------------------------------------------------------
# layer sets
# --------------------------------------------------------------------------------------------

#: kind -> layer name; "zone" maps level -> layer (None: the open area is not drawn as a zone)
LAYER_SETS: dict[str, dict] = {
    "en": {
        "wall": "WALL", "partition": "PARTITION", "door": "DOOR", "window": "WINDOW",
        "zone": {0: "ZONE-OPEN", 1: "ZONE-L1", 2: "ZONE-L2", 3: "ZONE-L3"},
        "area": "APPLICATION-AREA", "cabinet": "CABINET", "device": "DEVICE",
        "label": "ROOM-NAME", "furniture": "FURNITURE", "aisle": "AISLE", "asset": "ASSET",
    },
    "ja": {
        "wall": "壁", "partition": "ローパーテーション", "door": "建具", "window": "窓",
        "zone": {0: None, 1: "セキュリティレベル1", 2: "セキュリティレベル2", 3: "セキュリティレベル3"},
        "area": "申請エリア", "cabinet": "キャビネット", "device": "複合機",
        "label": "室名", "furniture": "家具", "aisle": "通路", "asset": "保護資産",
    },
    "ja-zone": {
        "wall": "壁", "partition": "ローパーテーション", "door": "建具", "window": "窓",
        "zone": {0: None, 1: "ゾーン-L1", 2: "ゾーン-L2", 3: "ゾーン-L3"},
        "area": "申請エリア", "cabinet": "キャビネット", "device": "複合機",
        "label": "室名", "furniture": "家具", "aisle": "通路", "asset": "保護資産",
    },
}

#: lock state of a door into a region of each level (DOR001/DOR002 are satisfied everywhere)
LOCK_FOR_LEVEL = {0: "LOCKED", 1: "UNLOCKED", 2: "LOCKED", 3: "LOGGED"}

WALL_THICKNESS = 0.15  # double-line walls: two lines 0.15 m apart, centre line between
TEXT_HEIGHT = 0.4


@dataclass(frozen=True)
class Style:
    """How a sample is drawn: units, wall style, rotation, DXF version, layer names, text type."""

    units: str = "m"  # "m" ($INSUNITS 6) or "mm" ($INSUNITS 4)
    walls: str = "single"  # "single" or "double"
    rotate: float = 0.0  # degrees, the whole plan about the plan origin
    origin: Pt = (0.0, 0.0)  # plan-frame metres added after rotation (a site offset)
    version: str = "R2018"
    layers: str = "en"
    text: str = "text"  # "text" or "mtext" (R12 always TEXT)
    #: code page before R2007: None writes non-ASCII as \U+XXXX escapes; "cp932" as Shift-JIS
    encoding: str | None = None
    #: where outlines run: "centre" (zones and AA on wall centre lines) or "faces" (zones on the
    #: inner faces of double-line walls, the AA on the outer face of the exterior walls)
    outlines: str = "centre"


# --------------------------------------------------------------------------------------------
# the drawing kit
# --------------------------------------------------------------------------------------------


@dataclass
class _Run:
    kind: str  # "wall" or "partition"
    a: Pt
    b: Pt


@dataclass
class Kit:
    """A drawing under construction. Plan coordinates are metres; the kit converts them."""

    style: Style
    doc: ezdxf.document.Drawing = field(init=False)
    _runs: list[_Run] = field(default_factory=list)
    #: stretches cut out of wall runs (door and window openings, gaps): (a, b, kinds cut)
    _cuts: list[tuple[Pt, Pt, tuple[str, ...]]] = field(default_factory=list)
    #: door id -> lock state drawn instead of the one the layout gives (the lock-rule samples)
    locks: dict[str, str] = field(default_factory=dict)
    #: cabinet id -> ATTRIBs drawn in addition to (or instead of) ID, LEVEL, FIXED
    cabinet_attrs: dict[str, dict[str, str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        s = self.style
        ezdxf.options.write_fixed_meta_data_for_testing = True  # no time stamps: same bytes
        quiet = logging.getLogger("ezdxf")
        level, quiet.level = quiet.level, logging.ERROR  # R12 has no $INSUNITS: ezdxf warns
        try:
            self.doc = ezdxf.new(s.version, setup=False)
        finally:
            quiet.setLevel(level)
        if not self.r12:
            self.doc.header["$INSUNITS"] = 4 if s.units == "mm" else 6
        self.doc.header["$MEASUREMENT"] = 1
        if s.encoding:
            self.doc.encoding = s.encoding
        self.msp = self.doc.modelspace()
        self.f = 1000.0 if s.units == "mm" else 1.0
        self.L = LAYER_SETS[s.layers]
        for name in self._layer_names():
            if name not in self.doc.layers:
                self.doc.layers.add(name)

    # -- coordinates ---------------------------------------------------------------------------

    @property
    def r12(self) -> bool:
        return self.style.version == "R12"

    def _layer_names(self) -> list[str]:
        """The layers every sample has (aisle and asset layers only where a sample draws one)."""
        names = []
        for kind, v in self.L.items():
            if kind in ("aisle", "asset"):
                continue
            names += [n for n in v.values() if n] if isinstance(v, dict) else [v]
        return names

    def xy(self, p: Pt) -> Pt:
        """Plan metres -> drawing units (rotated about the plan origin, shifted, scaled)."""
        a = math.radians(self.style.rotate)
        x = p[0] * math.cos(a) - p[1] * math.sin(a) + self.style.origin[0]
        y = p[0] * math.sin(a) + p[1] * math.cos(a) + self.style.origin[1]
        return (round(x * self.f, 6), round(y * self.f, 6))

    def angle(self, deg: float) -> float:
        return round((deg + self.style.rotate) % 360.0, 9)

    def _line(self, a: Pt, b: Pt, layer: str) -> None:
        self.msp.add_line(self.xy(a), self.xy(b), dxfattribs={"layer": layer})

    def _poly(self, pts: Sequence[Pt], layer: str, closed: bool = True) -> None:
        """A closed polyline: LWPOLYLINE, or POLYLINE in R12."""
        xy = [self.xy(p) for p in pts]
        if self.r12:
            self.msp.add_polyline2d(xy, close=closed, dxfattribs={"layer": layer})
        else:
            self.msp.add_lwpolyline(xy, close=closed, dxfattribs={"layer": layer})

    # -- walls ---------------------------------------------------------------------------------

    def wall(self, *pts: Pt) -> None:
        """A chain of full-height wall segments along the wall centre line."""
        for a, b in zip(pts, pts[1:]):
            self._runs.append(_Run("wall", a, b))

    def partition(self, *pts: Pt) -> None:
        """A chain of low partitions (always single lines)."""
        for a, b in zip(pts, pts[1:]):
            self._runs.append(_Run("partition", a, b))

    def gap(self, a: Pt, b: Pt) -> None:
        """Leave a stretch of the full-height wall out (partitions drawn there stay)."""
        self._cuts.append((a, b, ("wall",)))

    def window(self, a: Pt, b: Pt) -> None:
        """A window in a wall: the wall is cut and window lines fill the opening."""
        self._cuts.append((a, b, ("wall", "partition")))
        layer = self.L["window"]
        if self.style.walls == "double":
            for off in (-WALL_THICKNESS / 2, 0.0, WALL_THICKNESS / 2):
                self._line(*_offset(a, b, off), layer)
        else:
            self._line(a, b, layer)

    # -- blocks --------------------------------------------------------------------------------

    def door_block(self, kind: str = "swing") -> str:
        """A unit door block (width 1, along +x from the insertion point), ATTDEFs ID and LOCK.
        "swing": hinge at (0,0), leaf drawn open along +y, arc from (1,0) to (0,1);
        "double": two half leaves hinged at (0,0) and (1,0), two arcs meeting at (0.5,0.5);
        "sliding": two overlapping panels (closed rectangles) in the wall gap, no arc."""
        name = {"swing": "DOOR-SWING", "double": "DOOR-DOUBLE", "sliding": "DOOR-SLIDE"}[kind]
        if name not in self.doc.blocks:
            blk = self.doc.blocks.new(name)
            if kind == "swing":
                blk.add_line((0, 0), (0, 1))
                blk.add_arc((0, 0), 1.0, 0, 90)
            elif kind == "double":
                blk.add_line((0, 0), (0, 0.5))
                blk.add_arc((0, 0), 0.5, 0, 90)
                blk.add_line((1, 0), (1, 0.5))
                blk.add_arc((1, 0), 0.5, 90, 180)
            else:
                for x0, x1, y0, y1 in ((0.0, 0.55, 0.0, 0.04), (0.45, 1.0, -0.04, 0.0)):
                    pts = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
                    if self.r12:
                        blk.add_polyline2d(pts, close=True)
                    else:
                        blk.add_lwpolyline(pts, close=True)
            blk.add_attdef("ID", (0.35, 0.15), dxfattribs={"height": 0.18})
            blk.add_attdef("LOCK", (0.35, -0.3), dxfattribs={"height": 0.12})
        return name

    def _box_block(self, name: str, w: float, d: float, tags: Iterable[str], cross: bool) -> str:
        """A w x d rectangle (metres, drawn in drawing units) centred on the insertion point."""
        if name not in self.doc.blocks:
            f = self.f
            blk = self.doc.blocks.new(name)
            x, y = w / 2 * f, d / 2 * f
            pts = [(-x, -y), (x, -y), (x, y), (-x, y)]
            if self.r12:
                blk.add_polyline2d(pts, close=True)
            else:
                blk.add_lwpolyline(pts, close=True)
            if cross:
                blk.add_line(pts[0], pts[2])
                blk.add_line(pts[1], pts[3])
            for i, tag in enumerate(tags):
                blk.add_attdef(tag, (-w / 2 * f + 0.05 * f, (d / 2 - 0.15 - 0.14 * i) * f),
                               dxfattribs={"height": 0.1 * f})
        return name

    def _insert(self, block: str, at: Pt, layer: str, rotation: float,
                attribs: Sequence[tuple[str, str, Pt, float]], xscale: float = 1.0,
                yscale: float = 1.0) -> None:
        """A block reference with ATTRIBs; each ATTRIB (tag, value, plan point, height in m) is
        placed at a plan point of its own, upright in the plan's frame."""
        ref = self.msp.add_blockref(block, self.xy(at), dxfattribs={
            "layer": layer, "rotation": self.angle(rotation), "xscale": xscale, "yscale": yscale})
        for tag, value, pos, height in attribs:
            a = ref.add_attrib(tag, value, self.xy(pos), dxfattribs={
                "layer": layer, "height": height * self.f, "rotation": self.angle(0.0)})
            a.set_placement(self.xy(pos), align=TextEntityAlignment.MIDDLE_CENTER)

    # -- elements ------------------------------------------------------------------------------

    def door(self, hinge: Pt, latch: Pt, into: Pt, id: str, lock: str, kind: str = "swing") -> None:
        """A door in a wall: hinge at ``hinge``, closed leaf to ``latch``, swinging into the side
        of ``into``. Swinging to the right of hinge->latch gives a mirrored insert. ``kind``:
        "swing", "double" (two leaves, hinged at both jambs) or "sliding" (``into`` only places
        the ATTRIBs)."""
        self._cuts.append((hinge, latch, ("wall", "partition")))
        lock = self.locks.get(id, lock)
        dx, dy = latch[0] - hinge[0], latch[1] - hinge[1]
        width = math.hypot(dx, dy)
        rot = math.degrees(math.atan2(dy, dx))
        left = (into[0] - hinge[0]) * -dy + (into[1] - hinge[1]) * dx > 0
        s = round(width * self.f, 6)
        # ATTRIBs centred on the side the door does not swing into, beside the threshold
        ux, uy = dx / width, dy / width
        away = -1.0 if left else 1.0
        nx, ny = -uy * away, ux * away  # unit normal pointing away from the swing
        mid = (hinge[0] + dx / 2, hinge[1] + dy / 2)
        if abs(ny) >= abs(nx):  # wall runs along x: stack away from the wall
            tag_at = (mid[0] + nx * 0.3, mid[1] + ny * 0.3)
            lock_at = (tag_at[0] + nx * 0.2, tag_at[1] + ny * 0.2)
        else:  # wall runs along y: stack downwards
            tag_at = (mid[0] + nx * 0.6, mid[1] + ny * 0.6)
            lock_at = (tag_at[0], tag_at[1] - 0.2)
        attribs = (("ID", id, tag_at, 0.15), ("LOCK", lock, lock_at, 0.1))
        if left:
            self._insert(self.door_block(kind), hinge, self.L["door"], rot, attribs, s, s)
        else:  # mirrored: local +x runs back along the wall, the leaf swings to the right
            self._insert(self.door_block(kind), hinge, self.L["door"], rot + 180.0, attribs, -s, s)

    def zone(self, level: int, pts: Sequence[Pt]) -> None:
        """A zone polygon (closed polyline) on the layer of its level; skipped when the layer set
        leaves the open area undrawn (it is then the AA's remainder)."""
        layer = self.L["zone"][level]
        if layer:
            self._poly(_offset_polygon(pts, -self._face()), layer)

    def area(self, pts: Sequence[Pt]) -> None:
        """The application area (申請エリア) outline."""
        self._poly(_offset_polygon(pts, self._face()), self.L["area"])

    def _face(self) -> float:
        """How far outlines move off the wall centre lines (0 unless drawn on wall faces)."""
        return WALL_THICKNESS / 2 if self.style.outlines == "faces" else 0.0

    def cabinet(self, at: Pt, level: int, id: str, rotation: float = 0.0) -> None:
        """A 0.9 x 0.45 m cabinet with ATTRIBs ID, LEVEL and FIXED."""
        blk = self._box_block("CABINET-900", 0.9, 0.45, ("ID", "LEVEL", "FIXED"), cross=False)
        values = {"ID": id, "LEVEL": str(level), "FIXED": "YES", **self.cabinet_attrs.get(id, {})}
        self._insert(blk, at, self.L["cabinet"], rotation, _stacked(at, values))

    def safe(self, at: Pt, level: int, id: str, layer: str = "金庫") -> None:
        """A 0.6 x 0.6 m safe (金庫) on a layer of its own, ATTRIBs ID, LEVEL and FIXED."""
        if layer not in self.doc.layers:
            self.doc.layers.add(layer)
        blk = self._box_block("SAFE-600", 0.6, 0.6, ("ID", "LEVEL", "FIXED"), cross=False)
        values = {"ID": id, "LEVEL": str(level), "FIXED": "YES"}
        self._insert(blk, at, layer, 0.0, _stacked(at, values))

    def device(self, at: Pt, id: str, block: str = "COPIER", kind: str | None = None,
               rotation: float = 0.0) -> None:
        """An output device (0.7 x 0.6 m). Its kind comes from the block name, or ATTRIB KIND."""
        tags = ("ID", "KIND") if kind else ("ID",)
        blk = self._box_block(block, 0.7, 0.6, tags, cross=True)
        values = {"ID": id, **({"KIND": kind} if kind else {})}
        self._insert(blk, at, self.L["device"], rotation, _stacked(at, values))

    def label(self, text: str, at: Pt, height: float = TEXT_HEIGHT) -> None:
        """A room name centred on ``at`` (TEXT, or MTEXT when the style asks for it)."""
        layer = self.L["label"]
        if self.style.text == "mtext" and not self.r12:
            self.msp.add_mtext(text, dxfattribs={
                "layer": layer, "insert": self.xy(at), "char_height": height * self.f,
                "attachment_point": 5, "rotation": self.angle(0.0)})
        else:
            t = self.msp.add_text(text, height=height * self.f,
                                  dxfattribs={"layer": layer, "rotation": self.angle(0.0)})
            t.set_placement(self.xy(at), align=TextEntityAlignment.MIDDLE_CENTER)

    def tag(self, text: str, at: Pt, kind: str, height: float = 0.15) -> None:
        """A short TEXT (a lock word, 鍵管理者1名, 重要度3 …) on the layer of ``kind``."""
        layer = self.L[kind]
        if layer not in self.doc.layers:
            self.doc.layers.add(layer)
        t = self.msp.add_text(text, height=height * self.f,
                              dxfattribs={"layer": layer, "rotation": self.angle(0.0)})
        t.set_placement(self.xy(at), align=TextEntityAlignment.MIDDLE_CENTER)

    def aisle(self, *pts: Pt) -> None:
        """A main aisle (主要通路) as an open polyline on the aisle layer."""
        if self.L["aisle"] not in self.doc.layers:
            self.doc.layers.add(self.L["aisle"])
        self._poly(pts, self.L["aisle"], closed=False)

    def desk(self, at: Pt, w: float = 1.2, d: float = 0.7) -> None:
        """A desk on the (ignored) furniture layer."""
        x, y = at
        self._poly([(x, y), (x + w, y), (x + w, y + d), (x, y + d)], self.L["furniture"])

    # -- output --------------------------------------------------------------------------------

    def _emit_runs(self) -> None:
        for run in self._runs:
            layer = self.L[run.kind]
            cuts = [(p, q) for p, q, kinds in self._cuts if run.kind in kinds]
            for a, b, cut_a, cut_b in _subtract(run.a, run.b, cuts):
                if run.kind == "partition" or self.style.walls == "single":
                    self._line(a, b, layer)
                    continue
                h = WALL_THICKNESS / 2
                ea = a if cut_a else _along(a, b, -h)  # extend into junctions, stop at openings
                eb = b if cut_b else _along(b, a, -h)
                for off in (-h, h):
                    self._line(*_offset(ea, eb, off), layer)
                nx, ny = _normal(a, b)
                for end, cut in ((a, cut_a), (b, cut_b)):
                    if cut:  # a jamb across the wall where an opening begins
                        self._line((end[0] - nx * h, end[1] - ny * h),
                                   (end[0] + nx * h, end[1] + ny * h), layer)

    def save(self, path: Path) -> None:
        self._emit_runs()
        self.doc.saveas(path)


def _stacked(at: Pt, values: dict[str, str]) -> list[tuple[str, str, Pt, float]]:
    """ATTRIBs stacked to the right of a small element, 0.12 m high."""
    return [(tag, value, (at[0] + 0.75, at[1] + 0.15 - 0.16 * i), 0.12)
            for i, (tag, value) in enumerate(values.items())]


def _offset_polygon(pts: Sequence[Pt], d: float) -> list[Pt]:
    """A polygon moved outwards by ``d`` (inwards when negative), mitred corners."""
    if not d:
        return list(pts)
    import shapely

    poly = shapely.Polygon(pts).buffer(d, join_style="mitre", mitre_limit=10.0)
    return [(round(x, 9), round(y, 9)) for x, y in list(poly.exterior.coords)[:-1]]


def _normal(a: Pt, b: Pt) -> Pt:
    dx, dy = b[0] - a[0], b[1] - a[1]
    n = math.hypot(dx, dy)
    return (-dy / n, dx / n)


def _offset(a: Pt, b: Pt, off: float) -> tuple[Pt, Pt]:
    nx, ny = _normal(a, b)
    return (a[0] + nx * off, a[1] + ny * off), (b[0] + nx * off, b[1] + ny * off)


def _along(p: Pt, q: Pt, dist: float) -> Pt:
    """The point ``dist`` from ``p`` towards ``q`` (negative: away from ``q``)."""
    dx, dy = q[0] - p[0], q[1] - p[1]
    n = math.hypot(dx, dy)
    return (p[0] + dx / n * dist, p[1] + dy / n * dist)


def _subtract(a: Pt, b: Pt, cuts: list[tuple[Pt, Pt]]) -> list[tuple[Pt, Pt, bool, bool]]:
    """Pieces of segment a-b left after removing the collinear cut stretches lying on it, each
    with flags telling whether its start / end was made by a cut."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = math.hypot(dx, dy)
    ux, uy = dx / length, dy / length
    spans = []
    for p, q in cuts:
        dp = (p[0] - a[0]) * -uy + (p[1] - a[1]) * ux
        dq = (q[0] - a[0]) * -uy + (q[1] - a[1]) * ux
        if abs(dp) > 1e-6 or abs(dq) > 1e-6:
            continue
        tp = (p[0] - a[0]) * ux + (p[1] - a[1]) * uy
        tq = (q[0] - a[0]) * ux + (q[1] - a[1]) * uy
        lo, hi = max(min(tp, tq), 0.0), min(max(tp, tq), length)
        if hi - lo > 1e-9:
            spans.append((lo, hi))
    spans.sort()
    pieces: list[tuple[float, float, bool, bool]] = []
    t, cut_t = 0.0, False
    for lo, hi in spans:
        if lo > t + 1e-9:
            pieces.append((t, lo, cut_t, True))
        if hi > t:
            t, cut_t = hi, True
    if length > t + 1e-9:
        pieces.append((t, length, cut_t, False))

    def at(s: float) -> Pt:
        return (round(a[0] + ux * s, 9), round(a[1] + uy * s, 9))

    return [(at(lo), at(hi), ca, cb) for lo, hi, ca, cb in pieces]


# --------------------------------------------------------------------------------------------
# the standard office (plan metres): AA 20 x 12 m, common corridor along the south side
#
#   y=12 +-----------+-------------------+--------+--------+
#        | NW room   |                   | NE-W   | NE-E   |
#        |  (L2)    DR03     執務室 (L1)  | 書庫 L2 DR05 L3 |
#   y=7  +-----------+                   +--DR04--+--------+ y=6
#        | 受付      DR02                                   |
#        | (open)    |                                      |
#   y=0  +--DR01-----+--------------------------------------+
#              common corridor (outside the AA)
# --------------------------------------------------------------------------------------------

W, H = 20.0, 12.0


def shell(k: Kit, entrance_into: Pt = (2.0, 1.0), entrance_lock: str = "LOCKED",
          north_windows: Sequence[tuple[float, float]] = ((6.5, 8.5), (10.0, 12.0)),
          east_windows: Sequence[tuple[float, float]] = ((1.5, 4.0),),
          entrance: tuple[float, float] = (1.5, 2.4), entrance_kind: str = "swing") -> None:
    """Exterior walls, the AA outline, windows, the corridor and the main entrance DR01
    (between x = ``entrance`` in the south wall)."""
    k.wall((0, 0), (W, 0), (W, H), (0, H), (0, 0))
    k.area([(0, 0), (W, 0), (W, H), (0, H)])
    for x0, x1 in north_windows:
        k.window((x0, H), (x1, H))
    for y0, y1 in east_windows:
        k.window((W, y0), (W, y1))
    k.door((entrance[0], 0), (entrance[1], 0), entrance_into, "DR01", entrance_lock, entrance_kind)
    k.wall((-1.0, -2.4), (W + 1.0, -2.4))  # far side of the common corridor (outside the AA)
    k.label("共用廊下", (W / 2, -1.2))


def office_desks(k: Kit) -> None:
    for x in (6.5, 7.7, 10.5, 11.7):
        for y in (2.5, 3.2):
            k.desk((x, y))


def standard_office(k: Kit, *, nw: tuple[str, int] = ("役員室", 2), nw_door: str = "office",
                    ne_w: tuple[str, int] = ("書庫", 2), ne_e: tuple[str, int] = ("サーバー室", 3),
                    ne_e_door: str = "archive", copier: Pt | None = (9.0, 9.5),
                    open_zone: bool = True, nested: bool = False,
                    entrance: tuple[float, float] = (1.5, 2.4), entrance_kind: str = "swing",
                    nw_door_kind: str = "swing") -> None:
    """The standard office. ``nw_door``: "office" (DR03 from 執務室) or "reception" (from 受付);
    ``ne_e_door``: "archive" (DR05 from the NE-W room) or "office" (from 執務室).
    ``nested``: draw 執務室 ⊃ NE block ⊃ NE-E as concentric polygons instead of tiles.
    ``entrance``, ``entrance_kind``: where DR01 is and what kind; ``nw_door_kind``: DR03's kind."""
    nw_name, nw_level = nw
    windows = ((1.5, 3.5), (6.5, 8.5), (10.0, 12.0)) if nw_level < 3 else ((6.5, 8.5), (10.0, 12.0))
    shell(k, north_windows=windows, entrance=entrance, entrance_kind=entrance_kind)
    # 受付 (open area) and the NW room
    k.wall((5, 0), (5, H))
    k.wall((0, 7), (5, 7))
    k.door((5, 3.0), (5, 3.9), (6, 3.5), "DR02", "LOCKED")
    if nw_door == "office":
        k.door((5, 9.0), (5, 9.9), (4, 9.5), "DR03", LOCK_FOR_LEVEL[nw_level], nw_door_kind)
    else:
        k.door((2.0, 7), (2.9, 7), (2.5, 8), "DR03", LOCK_FOR_LEVEL[nw_level])
    if open_zone:
        k.zone(0, [(0, 0), (5, 0), (5, 7), (0, 7)])
    k.zone(nw_level, [(0, 7), (5, 7), (5, H), (0, H)])
    k.label("受付", (2.5, 2.2))
    k.label(nw_name, (2.5, 10.3))
    ne_block(k, ne_w, ne_e, ne_e_door, nested)
    k.cabinet((15.0, 11.55), 2, "CB1")  # against the north wall of the NE-W room
    k.cabinet((8.0, 11.55), 1, "CB2")  # an ordinary L1 cabinet in 執務室
    office_desks(k)
    if copier:
        k.device(copier, "MFP1")


def ne_block(k: Kit, ne_w: tuple[str, int], ne_e: tuple[str, int], ne_e_door: str,
             nested: bool = False) -> None:
    """The NE block of the standard office (two rooms off 執務室) and the 執務室 zone."""
    k.wall((13, H), (13, 6), (W, 6))
    k.wall((16.5, 6), (16.5, H))
    k.door((13.6, 6), (14.5, 6), (14, 7), "DR04", LOCK_FOR_LEVEL[ne_w[1]])
    if ne_e_door == "archive":
        k.door((16.5, 7.0), (16.5, 7.9), (17.5, 7.5), "DR05", LOCK_FOR_LEVEL[ne_e[1]])
    else:
        k.door((18.0, 6), (18.9, 6), (18.5, 7), "DR05", LOCK_FOR_LEVEL[ne_e[1]])
    if nested:
        k.zone(1, [(5, 0), (W, 0), (W, H), (5, H)])
        k.zone(ne_w[1], [(13, 6), (W, 6), (W, H), (13, H)])
    else:
        k.zone(1, [(5, 0), (W, 0), (W, 6), (13, 6), (13, H), (5, H)])
        k.zone(ne_w[1], [(13, 6), (16.5, 6), (16.5, H), (13, H)])
    k.zone(ne_e[1], [(16.5, 6), (W, 6), (W, H), (16.5, H)])
    k.label("執務室", (9.0, 6.5))
    k.label(ne_w[0], (14.75, 8.8))
    k.label(ne_e[0], (18.25, 8.8))


# --------------------------------------------------------------------------------------------
# the samples: each a short function drawing on a kit
# --------------------------------------------------------------------------------------------

SAMPLES: dict[str, tuple[Style, Callable[[Kit], None]]] = {}


def sample(style: Style) -> Callable[[Callable[[Kit], None]], Callable[[Kit], None]]:
    def register(fn: Callable[[Kit], None]) -> Callable[[Kit], None]:
        SAMPLES[fn.__name__] = (style, fn)
        return fn
    return register


MM = dict(units="mm", origin=(120.0, 45.0))


@sample(Style())
def office_ok(k: Kit) -> None:
    """Compliant: corridor → 受付 (open) → 執務室 (L1) → 役員室 / 書庫 (L2) → サーバー室 (L3)."""
    standard_office(k)


@sample(Style(**MM, walls="double", version="R2000", layers="ja", text="mtext", encoding="cp932"))
def office_ok_nested(k: Kit) -> None:
    """Compliant, zones drawn concentric (L1 ⊃ L2 ⊃ L3), Japanese layers, mm, double walls."""
    standard_office(k, open_zone=False, nested=True)


@sample(Style())
def enc001_gap(k: Kit) -> None:
    """1.2 m of the wall between 役員室 (L2) and 執務室 (L1) is missing."""
    k.gap((5, 10.5), (5, 11.7))
    standard_office(k)


@sample(Style(**MM))
def enc001_opening(k: Kit) -> None:
    """A 1.0 m gap in the wall between サーバー室 (L3) and 執務室 (L1): wide enough to walk
    through, so it is also an opening that joins L1 to L3 directly."""
    k.gap((18.2, 6), (19.2, 6))
    standard_office(k)


@sample(Style(**MM, walls="double", version="R2000", text="mtext"))
def enc001_partition(k: Kit) -> None:
    """役員室 (L2) is closed towards 受付 only by a low partition."""
    k.gap((0, 7), (5, 7))
    k.partition((0, 7), (5, 7))
    standard_office(k)


@sample(Style(rotate=30.0))
def enc002_gap(k: Kit) -> None:
    """A 0.5 m gap in the AA's outer wall (受付's west wall); plan rotated 30 degrees."""
    k.gap((0, 3.0), (0, 3.5))
    standard_office(k)


@sample(Style(**MM, walls="double", layers="ja-zone"))
def acc001(k: Kit) -> None:
    """The server room (L3) opens straight onto 受付 (open area) through DR03."""
    standard_office(k, nw=("サーバー室", 3), nw_door="reception", ne_e=("役員室", 2), ne_e_door="office")


@sample(Style(version="R2000"))
def acc002(k: Kit) -> None:
    """The server room (L3) is entered from 執務室 (L1) through DR05, skipping level 2."""
    standard_office(k, ne_e_door="office")


def west_rooms(k: Kit, depth: float) -> None:
    """A variant west side: 受付 (0..depth), 役員室 L2 above it entered from 執務室, and a strip of
    執務室 above that. 執務室 wraps round 役員室."""
    top = depth + 4.0
    shell(k, north_windows=((1.5, 3.5), (6.5, 8.5), (10.0, 12.0)))
    k.wall((5, 0), (5, top))
    k.wall((0, depth), (5, depth))
    k.wall((0, top), (5, top))
    k.door((5, 1.5), (5, 2.4), (6, 2), "DR02", "LOCKED")
    k.door((5, depth + 1.5), (5, depth + 2.4), (4, depth + 2), "DR03", "LOCKED")
    k.zone(0, [(0, 0), (5, 0), (5, depth), (0, depth)])
    k.zone(2, [(0, depth), (5, depth), (5, top), (0, top)])
    k.zone(1, [(5, 0), (W, 0), (W, 6), (13, 6), (13, H), (0, H), (0, top), (5, top)])
    k.label("受付", (2.5, depth / 2))
    k.label("役員室", (2.5, depth + 2.8))
    k.label("執務室", (9.0, 6.5))
    k.wall((13, H), (13, 6), (W, 6))
    k.wall((16.5, 6), (16.5, H))
    k.door((13.6, 6), (14.5, 6), (14, 7), "DR04", "LOCKED")
    k.door((16.5, 7.0), (16.5, 7.9), (17.5, 7.5), "DR05", "LOGGED")
    k.zone(2, [(13, 6), (16.5, 6), (16.5, H), (13, H)])
    k.zone(3, [(16.5, 6), (W, 6), (W, H), (16.5, H)])
    k.label("書庫", (14.75, 8.8))
    k.label("サーバー室", (18.25, 8.8))
    k.cabinet((15.0, 11.55), 2, "CB1")
    office_desks(k)
    k.device((9.0, 9.5), "MFP1")


@sample(Style(**MM))
def acc003(k: Kit) -> None:
    """役員室 (L2), reached properly through 執務室, lies 4 m from the entrance DR01."""
    west_rooms(k, depth=4.0)


@sample(Style(walls="double"))
def near_acc003_6m(k: Kit) -> None:
    """As acc003 but 役員室 lies 6 m from the entrance: passes ACC003 (5 m)."""
    west_rooms(k, depth=6.0)


@sample(Style(walls="double"))
def eqp001(k: Kit) -> None:
    """The copier stands in the open area 受付, 4 m from the entrance, not enclosed."""
    standard_office(k, copier=None)
    k.device((2.5, 4.5), "MFP1")


@sample(Style(**MM, version="R2000", layers="ja"))
def near_eqp001_partitioned(k: Kit) -> None:
    """The copier stands in 受付 but low partitions enclose it (opening 0.9 m on the south)."""
    standard_office(k, copier=None, open_zone=False)
    k.device((2.5, 4.5), "MFP1", block="OA-UNIT", kind="MFP")
    k.partition((2.05, 3.6), (1.6, 3.6), (1.6, 5.4), (3.4, 5.4), (3.4, 3.6), (2.95, 3.6))


@sample(Style(**MM, version="R2000", rotate=30.0))
def eqp002(k: Kit) -> None:
    """A second entrance DR06 leads from the corridor into 執務室; the copier stands 1.5 m
    from it. Plan rotated 30 degrees."""
    standard_office(k, copier=None)
    k.door((10.0, 0), (10.9, 0), (10.5, 1.0), "DR06", "LOCKED")
    k.device((12.0, 1.5), "MFP1")


@sample(Style(walls="double"))
def eqp001_corridor_stub(k: Kit) -> None:
    """A 1.6 m corridor runs north along 受付's west wall, open to the lobby; the copier stands
    in its middle beside a 0.6 m partition stub: not enclosed (the ray test let it pass)."""
    standard_office(k, copier=None)
    k.wall((1.6, 3.5), (1.6, 7))
    k.partition((0, 5.0), (0.6, 5.0))
    k.device((0.8, 5.7), "MFP1")


@sample(Style(**MM))
def near_eqp001_copy_room(k: Kit) -> None:
    """A walled コピー室 (x 0..2.6, y 4.2..7, drawn as an open zone) in the open area 受付,
    entered by one door DR06;
    the copier stands in it: walls enclose it (RULES.md: "unless low partitions (or walls)
    enclose it")."""
    standard_office(k, copier=None)
    k.wall((0, 4.2), (2.6, 4.2), (2.6, 7))
    k.door((2.6, 5.0), (2.6, 5.9), (1.8, 5.5), "DR06", "UNLOCKED")
    k.zone(0, [(0, 4.2), (2.6, 4.2), (2.6, 7), (0, 7)])
    k.device((1.0, 5.8), "MFP1")


@sample(Style(walls="double"))
def near_eqp002_behind_wall(k: Kit) -> None:
    """A printer in the walled, locked level-2 room 受託室 (x 5..8.6, y 0..2) of 執務室, 2.7 m
    from the entrance DR01 in a straight line through 受付's east wall, a much longer walk
    through DR02 and DR06: no EQP002. The room itself lies by the entrance: ACC003."""
    standard_office(k, copier=None)
    k.wall((5, 2.0), (8.6, 2.0), (8.6, 0))
    k.door((7.5, 2.0), (8.4, 2.0), (8.0, 1.0), "DR06", "LOCKED")
    k.zone(2, [(5, 0), (8.6, 0), (8.6, 2.0), (5, 2.0)])
    k.label("受託室", (6.2, 1.4))
    k.device((5.5, 0.6), "PRN1", block="PRINTER")


@sample(Style(**MM, walls="double", text="mtext"))
def cab001(k: Kit) -> None:
    """A level-2 cabinet CB3 stands in the open area 受付 (against its west wall)."""
    standard_office(k)
    k.cabinet((0.35, 4.5), 2, "CB3", rotation=90.0)


@sample(Style(walls="double", layers="ja"))
def zon001(k: Kit) -> None:
    """No level-3 area at all: the NE-E room is a 会議室 (L1) and no cabinet is level 3."""
    standard_office(k, ne_e=("会議室", 1), ne_e_door="office", open_zone=False)


@sample(Style(walls="double", layers="ja"))
def zon001_cabinet_in_open(k: Kit) -> None:
    """No level-3 room; the only level-3 cabinet CB9 stands in the open area 受付: it is not a
    level-3 area (4.5.4 保管庫(1)), so ZON001 as well as CAB001."""
    standard_office(k, ne_e=("会議室", 1), ne_e_door="office", open_zone=False)
    k.cabinet((4.65, 6.0), 3, "CB9", rotation=90.0)


def all_level3(k: Kit) -> None:
    """A small development office that is level 3 throughout (one L3 zone = the AA)."""
    shell(k, entrance_into=(2.0, 1.0), entrance_lock="LOGGED",
          north_windows=((2.0, 4.0), (7.0, 9.0), (12.0, 14.0)), east_windows=((3.0, 5.5),))
    k.zone(3, [(0, 0), (W, 0), (W, H), (0, H)])
    k.label("執務室", (10.0, 6.0))
    office_desks(k)
    for x in (14.5, 15.7):
        for y in (2.5, 3.2, 8.0, 8.7):
            k.desk((x, y))
    k.device((9.0, 10.5), "MFP1")


@sample(Style(**MM))
def zon002(k: Kit) -> None:
    """The whole AA is one level-3 zone, with no separate level-3 room or cabinet."""
    all_level3(k)


@sample(Style(**MM))
def zon002_doorless_closet(k: Kit) -> None:
    """As zon002, with a walled level-3 金庫室 in the NE corner that has no door: it is no
    separate level-3 room (nobody can enter it), so ZON002 stays; DWG007 says it has no way in."""
    all_level3(k)
    k.wall((16, H), (16, 9), (W, 9))
    k.zone(3, [(16, 9), (W, 9), (W, H), (16, H)])
    k.label("金庫室", (18, 10.5))


@sample(Style(version="R2000", layers="ja-zone", encoding="cp932"))
def near_zon002_cabinet(k: Kit) -> None:
    """As zon002, but a level-3 cabinet CB1 gives the separate level-3 storage."""
    all_level3(k)
    k.cabinet((W - 0.35, 9.0), 3, "CB1", rotation=90.0)


@sample(Style(text="mtext"))
def near_enc001_small_gap(k: Kit) -> None:
    """An 0.08 m slit in the wall between 役員室 and 執務室: below min_gap (0.10 m), passes."""
    k.gap((5, 11.0), (5, 11.08))
    standard_office(k)


@sample(Style(version="R12", encoding="cp932"))
def dwg005_r12(k: Kit) -> None:
    """office_ok as DXF R12: no $INSUNITS (R12 has none), POLYLINE zones, Shift-JIS names."""
    standard_office(k)


# -- near misses: each comes close to breaking one rule and passes -----------------------------


@sample(Style(**MM, version="R2010", layers="ja-zone", rotate=-15.0))
def near_enc002_small_gap(k: Kit, slit: float = 0.08) -> None:
    """An 0.08 m slit in the AA's outer wall (受付's west wall): below min_gap (0.10 m), passes.
    Plan rotated -15 degrees. ``slit``: its length in metres (0.12 fails ENC002)."""
    k.gap((0, 3.0), (0, 3.0 + slit))
    standard_office(k)


@sample(Style(walls="double", layers="ja-zone", text="mtext"))
def near_acc001_via_l2(k: Kit, anteroom_level: int = 2) -> None:
    """サーバー室 (L3, north-west) lies just behind 受付 but its door DR06 opens onto 前室 (L2),
    which itself borders 受付 and is entered from 執務室: level 3 is reached through level 2 only.
    ``anteroom_level``: 前室's level (0, part of the open area, fails ACC001)."""
    shell(k)  # no window in the server room's north wall
    k.wall((5, 0), (5, H))
    k.wall((0, 7), (5, 7))
    k.wall((0, 9), (5, 9))
    k.door((5, 3.0), (5, 3.9), (6, 3.5), "DR02", "LOCKED")
    k.door((5, 7.4), (5, 8.3), (4, 7.85), "DR03", LOCK_FOR_LEVEL[anteroom_level])
    k.door((3.5, 9), (4.4, 9), (4, 10), "DR06", LOCK_FOR_LEVEL[3])
    k.zone(0, [(0, 0), (5, 0), (5, 7), (0, 7)])
    k.zone(anteroom_level, [(0, 7), (5, 7), (5, 9), (0, 9)])
    k.zone(3, [(0, 9), (5, 9), (5, H), (0, H)])
    k.label("受付", (2.5, 2.2))
    k.label("前室", (2.0, 8.0))
    k.label("サーバー室", (2.5, 10.8))
    ne_block(k, ("書庫", 2), ("会議室", 1), "office")
    k.cabinet((15.0, 11.55), 2, "CB1")
    k.cabinet((8.0, 11.55), 1, "CB2")
    office_desks(k)
    k.device((9.0, 9.5), "MFP1")


@sample(Style(**MM, walls="double", version="R2013", rotate=-60.0))
def near_acc002_chain(k: Kit, middle_level: int = 2) -> None:
    """A different floor where every door goes up one level: 受付 (open) → 執務室 (L1) →
    開発室 (L2) → サーバー室 (L3) in a west-to-east chain; every door swings to the right of
    hinge→latch (mirrored INSERTs). Double walls, mm, plan rotated -60 degrees.
    ``middle_level``: 開発室's level (1 fails ACC002: L1 → L3 through DR05)."""
    shell(k, entrance_into=(2.0, 1.0), north_windows=((1.5, 3.5), (6.5, 8.5), (10.0, 12.0)))
    k.wall((5, 0), (5, H))
    k.wall((0, 6), (5, 6))
    k.wall((13, 0), (13, H))
    k.wall((16, H), (16, 8), (W, 8))
    k.door((5, 2.0), (5, 2.9), (6, 2.5), "DR02", "LOCKED")
    k.door((2.9, 6), (2.0, 6), (2.5, 7), "DR03", LOCK_FOR_LEVEL[1])
    k.door((13, 5.0), (13, 5.9), (14, 5.45), "DR04", LOCK_FOR_LEVEL[middle_level])
    k.door((17.9, 8), (17.0, 8), (17.5, 9), "DR05", LOCK_FOR_LEVEL[3])
    k.zone(0, [(0, 0), (5, 0), (5, 6), (0, 6)])
    k.zone(1, [(0, 6), (5, 6), (5, H), (0, H)])
    k.zone(1, [(5, 0), (13, 0), (13, H), (5, H)])
    k.zone(middle_level, [(13, 0), (W, 0), (W, 8), (16, 8), (16, H), (13, H)])
    k.zone(3, [(16, 8), (W, 8), (W, H), (16, H)])
    for text, at in (("受付", (2.5, 3.5)), ("会議室", (2.5, 9.0)), ("執務室", (9.0, 6.5)),
                     ("開発室", (16.5, 5.0)), ("サーバー室", (18.0, 10.3))):
        k.label(text, at)
    k.cabinet((14.0, 11.55), 2, "CB1")
    k.cabinet((8.0, 11.55), 1, "CB2")
    office_desks(k)
    for x in (14.5, 17.0):
        k.desk((x, 2.0))
    k.device((9.0, 9.5), "MFP1")


@sample(Style(layers="ja", version="R2010", text="mtext"))
def near_eqp002_3_5m(k: Kit, distance: float = 3.5) -> None:
    """A second entrance DR06 leads into 執務室 (L1); the copier stands 3.5 m from it (3.0 m is
    the limit): passes. ``distance``: copier outline to DR06 in metres (2.9 fails EQP002)."""
    standard_office(k, copier=None)
    k.door((15.0, 0), (15.9, 0), (15.5, 1.0), "DR06", "LOCKED")
    k.device((15.45, distance + 0.3), "MFP1")  # the outline's near edge ``distance`` from DR06


@sample(Style(**MM, walls="double", layers="ja", version="R2010"))
def near_cab001_l1_office(k: Kit, x: float = 5.35) -> None:
    """A level-2 cabinet CB3 stands in 執務室 (L1) against the wall to 受付 (open): it is inside a
    security area, so it passes (cab001 puts it on the other side of the wall, in 受付).
    ``x``: the cabinet's centre (4.65, on the 受付 side of the wall, fails CAB001)."""
    standard_office(k)
    k.cabinet((x, 5.5), 2, "CB3", rotation=90.0)


@sample(Style(**MM, layers="ja-zone", text="mtext", version="R2007"))
def near_zon001_safe(k: Kit, safe_level: int = 3) -> None:
    """No level-3 room (the north-east room is 会議室 L1, as in zon001), but a level-3 safe SF1
    (金庫, on its own layer 金庫) stands in 書庫 (L2): a level-3 area may be a cabinet.
    ``safe_level``: the safe's LEVEL (2 fails ZON001)."""
    standard_office(k, ne_e=("会議室", 1), ne_e_door="office", open_zone=False)
    k.safe((13.4, 9.0), safe_level, "SF1")  # against 書庫's west wall


# -- drawing habits and door kinds ---------------------------------------------------------------


@sample(Style(**MM, walls="double", outlines="faces"))
def style_inner_faces(k: Kit) -> None:
    """office_ok with every zone drawn on the inner faces of the double-line walls and the AA on
    their outer face: the walls themselves lie in no zone."""
    standard_office(k)


@sample(Style(layers="ja", text="mtext"))
def style_double_sliding_doors(k: Kit) -> None:
    """office_ok with a 1.6 m double door as the entrance DR01 and a sliding door DR03 (two
    overlapping panels in the wall gap, no arc) into 役員室 (L2)."""
    standard_office(k, entrance=(1.2, 2.8), entrance_kind="double", nw_door_kind="sliding")


# -- a bigger floor --------------------------------------------------------------------------------


# -- the further rules: lock states, windows, aisles, cabinet attributes, assets, room names --

@sample(Style())
def dor001(k: Kit) -> None:
    """DR03 into 役員室 (L2) is drawn 常時開錠 (UNLOCKED)."""
    k.locks["DR03"] = "UNLOCKED"
    standard_office(k)


@sample(Style(**MM, layers="ja"))
def dor002(k: Kit) -> None:
    """DR05 into サーバー室 (L3) is drawn 常時施錠 (LOCKED), without an access record."""
    k.locks["DR05"] = "常時施錠"
    standard_office(k)


@sample(Style(**MM, layers="ja"))
def near_dor002_single_keyholder(k: Kit) -> None:
    """As dor002, but a tag 鍵管理者1名 beside DR05: the single-key-holder exception."""
    k.locks["DR05"] = "常時施錠"
    standard_office(k)
    k.tag("鍵管理者1名", (17.2, 7.45), "door")


@sample(Style(walls="double"))
def dor003(k: Kit) -> None:
    """The entrance DR01 is drawn 施錠不可 (NOLOCK): the application area cannot be locked."""
    k.locks["DR01"] = "施錠不可"
    standard_office(k)


@sample(Style())
def win001(k: Kit) -> None:
    """役員室's north window (L2 and AA boundary) is tagged 施錠不可; the others 常時開錠."""
    standard_office(k)
    k.tag("施錠不可", (2.5, 12.4), "window")
    for x in (7.5, 11.0):
        k.tag("常時開錠", (x, 12.4), "window")


@sample(Style(**MM, walls="double"))
def win002(k: Kit) -> None:
    """A window in サーバー室's east wall (L3) tagged 常時開錠: lockable, but not always locked."""
    standard_office(k)
    k.window((W, 8.0), (W, 10.0))
    k.tag("常時開錠", (W + 0.6, 9.0), "window")


@sample(Style(**MM, walls="double"))
def near_win002_fixed(k: Kit) -> None:
    """As win002, but the window is tagged はめ殺し (fixed)."""
    standard_office(k)
    k.window((W, 8.0), (W, 10.0))
    k.tag("はめ殺し", (W + 0.6, 9.0), "window")


@sample(Style())
def eqp003(k: Kit) -> None:
    """A main aisle runs through 執務室 0.6 m south of the copier MFP1."""
    standard_office(k)
    k.aisle((5.5, 8.6), (12.5, 8.6))


@sample(Style())
def near_eqp003_2m(k: Kit) -> None:
    """As eqp003, but the aisle runs 2.2 m from the copier."""
    standard_office(k)
    k.aisle((5.5, 7.0), (12.5, 7.0))


@sample(Style(**MM))
def cab002(k: Kit) -> None:
    """A second L2 cabinet CB3 (LINKED=YES) stands against CB1 (no LINKED) in 書庫."""
    standard_office(k)
    k.cabinet_attrs["CB3"] = {"LINKED": "YES"}
    k.cabinet((14.1, 11.55), 2, "CB3")


@sample(Style(**MM))
def near_cab002_linked(k: Kit) -> None:
    """As cab002, and CB1 is LINKED=YES too."""
    k.cabinet_attrs.update({"CB1": {"LINKED": "YES"}, "CB3": {"LINKED": "YES"}})
    standard_office(k)
    k.cabinet((14.1, 11.55), 2, "CB3")


@sample(Style(layers="ja"))
def cab003(k: Kit) -> None:
    """A 1.8 m cabinet CB4 stands alone in the middle of 執務室 (HEIGHT=1800)."""
    standard_office(k)
    k.cabinet_attrs["CB4"] = {"HEIGHT": "1800", "FIXED": "NO"}
    k.cabinet((10.0, 4.5), 1, "CB4")


@sample(Style())
def cab004(k: Kit) -> None:
    """The L2 cabinet CB1 is drawn FIXED=NO, LINKED=NO: nothing keeps it from being carried off."""
    k.cabinet_attrs["CB1"] = {"FIXED": "NO", "LINKED": "NO"}
    standard_office(k)


@sample(Style(layers="ja"))
def cab005(k: Kit) -> None:
    """The L2 cabinet CB1 is drawn LOCK=常時開錠."""
    k.cabinet_attrs["CB1"] = {"LOCK": "常時開錠"}
    standard_office(k)


@sample(Style(**MM, layers="ja"))
def ast001(k: Kit) -> None:
    """Assets as texts: 重要度3 顧客台帳 in 役員室 (L2: too low), 重要度2 契約書 in 書庫 (L2) and
    重要度3 設計図 in サーバー室 (L3)."""
    standard_office(k)
    k.tag("重要度3 顧客台帳", (2.5, 9.0), "asset", 0.25)
    k.tag("重要度2 契約書", (14.75, 10.0), "asset", 0.2)
    k.tag("重要度3 設計図", (18.25, 10.0), "asset", 0.2)


@sample(Style())
def zon003(k: Kit) -> None:
    """The lift hall (EVホール) is drawn inside the application area, in 受付."""
    standard_office(k)
    k.label("EVホール", (2.5, 5.0))


@sample(Style(walls="double"))
def zon005(k: Kit) -> None:
    """A pantry (給湯室) walled off in 執務室's north-east corner, beside 書庫's L2 cabinet CB1."""
    standard_office(k)
    k.wall((11.0, H), (11.0, 9.5), (12.0, 9.5))
    k.label("給湯室", (12.0, 10.8))


@sample(Style(**MM, walls="double", version="R2018"))
def floor_40x20(k: Kit) -> None:
    """A 40 m x 20 m floor, 8 rooms: 受付 (open) between two L1 wings 執務室A / 執務室B, a north
    band 役員室 L2, 会議室 L1, 書庫 L2, 開発室 L2, サーバー室 L3; two entrances (DR01 double door
    into 受付, staff door DR09 into 執務室B). Planted: DR10 joins 執務室B straight to サーバー室,
    and printer PRN2 stands 1.7 m from DR09."""
    w, h, band = 40.0, 20.0, 13.0
    k.wall((0, 0), (w, 0), (w, h), (0, h), (0, 0))
    k.area([(0, 0), (w, 0), (w, h), (0, h)])
    k.wall((-1.0, -2.4), (w + 1.0, -2.4))
    k.label("共用廊下", (w / 2, -1.2))
    for x0, x1 in ((2.0, 5.0), (10.0, 13.0), (22.0, 25.0), (27.0, 30.0)):
        k.window((x0, h), (x1, h))
    for y0, y1 in ((3.0, 6.0), (8.0, 11.0)):
        k.window((0, y0), (0, y1))
        k.window((w, y0), (w, y1))
    k.wall((0, band), (w, band))
    for x in (8.0, 15.0, 20.0, 32.0):
        k.wall((x, band), (x, h))
    k.wall((16, 0), (16, 7), (24, 7), (24, 0))
    k.wall((20, 7), (20, band))
    k.door((19.2, 0), (20.8, 0), (20, 1), "DR01", "LOCKED", kind="double")
    k.door((16, 3.0), (16, 3.9), (15, 3.5), "DR02", LOCK_FOR_LEVEL[1])
    k.door((24, 3.0), (24, 3.9), (25, 3.5), "DR03", LOCK_FOR_LEVEL[1])
    k.door((5.5, band), (6.4, band), (6, band + 1), "DR04", LOCK_FOR_LEVEL[2])
    k.door((10.0, band), (10.9, band), (10.5, band + 1), "DR05", LOCK_FOR_LEVEL[1])
    k.door((17.0, band), (17.9, band), (17.5, band + 1), "DR06", LOCK_FOR_LEVEL[2])
    k.door((23.0, band), (24.2, band), (23.6, band + 1), "DR07", LOCK_FOR_LEVEL[2], kind="sliding")
    k.door((32, 15.0), (32, 15.9), (33, 15.5), "DR08", LOCK_FOR_LEVEL[3])
    k.door((36.0, 0), (36.9, 0), (36.5, 1), "DR09", "LOCKED")
    k.door((35.0, band), (35.9, band), (35.5, band + 1), "DR10", LOCK_FOR_LEVEL[3])  # planted
    k.zone(0, [(16, 0), (24, 0), (24, 7), (16, 7)])
    k.zone(1, [(0, 0), (16, 0), (16, 7), (20, 7), (20, band), (0, band)])
    k.zone(1, [(24, 0), (w, 0), (w, band), (20, band), (20, 7), (24, 7)])
    rooms = (("役員室", 2, 0.0, 8.0), ("会議室", 1, 8.0, 15.0), ("書庫", 2, 15.0, 20.0),
             ("開発室", 2, 20.0, 32.0), ("サーバー室", 3, 32.0, w))
    for name, level, x0, x1 in rooms:
        k.zone(level, [(x0, band), (x1, band), (x1, h), (x0, h)])
        k.label(name, ((x0 + x1) / 2, 16.5))
    for text, at in (("受付", (20.0, 5.0)), ("執務室A", (8.0, 6.5)), ("執務室B", (32.0, 6.5))):
        k.label(text, at)
    for x in (2.0, 3.2, 6.0, 7.2, 10.0, 11.2, 26.0, 27.2, 30.0, 31.2, 34.0, 35.2):
        for y in (3.0, 3.7, 8.0, 8.7):
            k.desk((x, y))
    for at, level, id in (((2.0, 19.55), 2, "CB2"), ((17.5, 19.55), 2, "CB1"),
                          ((12.0, 12.55), 1, "CB3"), ((28.0, 12.55), 1, "CB4"),
                          ((38.0, 19.55), 3, "CB5"), ((30.0, 19.55), 2, "CB6")):
        k.cabinet(at, level, id)
    k.device((14.0, 10.5), "MFP1")
    k.device((22.5, 10.5), "MFP2")
    k.device((26.0, 19.3), "PRN1", block="PRINTER")
    k.device((38.5, 1.5), "PRN2", block="PRINTER")  # planted: 1.7 m from DR09


# --------------------------------------------------------------------------------------------
# writing, checking, previewing
# --------------------------------------------------------------------------------------------


def build(name: str, out_dir: Path) -> Path:
    style, fn = SAMPLES[name]
    kit = Kit(style)
    fn(kit)
    path = out_dir / f"{name}.dxf"
    kit.save(path)
    return path


def canonical(path: Path) -> list[str]:
    """A text dump of a drawing's meaning (header units, layers, entities and block contents),
    independent of handles and time stamps, for --check."""
    doc = ezdxf.readfile(path)
    out = [f"version {doc.dxfversion}", f"$INSUNITS {doc.header.get('$INSUNITS')}",
           f"encoding {doc.encoding}"]
    out += sorted(f"layer {layer.dxf.name}" for layer in doc.layers)

    def dump(prefix: str, entities: Iterable) -> None:
        for e in entities:
            attrs = e.dxf.all_existing_dxf_attribs()
            items = []
            for key in sorted(attrs):
                if key in ("handle", "owner"):
                    continue
                value = attrs[key]
                if hasattr(value, "x"):
                    value = tuple(round(c, 6) for c in value)
                elif isinstance(value, float):
                    value = round(value, 6)
                items.append(f"{key}={value}")
            if e.dxftype() == "LWPOLYLINE":
                items.append("pts=" + repr([tuple(round(c, 6) for c in p[:2]) for p in e.get_points()]))
            out.append(f"{prefix} {e.dxftype()} " + " ".join(items))
            if e.dxftype() == "INSERT":
                dump(prefix + "  attrib", e.attribs)
            if e.dxftype() == "POLYLINE":
                dump(prefix + "  vertex", e.vertices)

    dump("msp", doc.modelspace())
    for blk in doc.blocks:
        if not blk.name.startswith("*"):
            dump(f"block {blk.name}", blk)
    return out


def check(names: list[str]) -> int:
    """Regenerate into a temp dir and compare with the committed files; 0 when all match."""
    bad = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            fresh = build(name, Path(tmp))
            committed = OUT / fresh.name
            if not committed.exists():
                print(f"MISSING  {committed.relative_to(ROOT)}")
                bad += 1
                continue
            if fresh.read_bytes() == committed.read_bytes():
                continue
            a, b = canonical(committed), canonical(fresh)
            if a != b:
                import difflib

                bad += 1
                print(f"STALE    {committed.relative_to(ROOT)}")
                for line in list(difflib.unified_diff(a, b, "committed", "generated", lineterm="", n=0))[:20]:
                    print("   ", line)
    if set(names) == set(SAMPLES):
        extra = sorted(p.stem for p in OUT.glob("*.dxf") if p.stem not in SAMPLES)
        for stem in extra:
            print(f"EXTRA    samples/dxf/{stem}.dxf (no generator)")
            bad += 1
    print("samples up to date" if not bad else f"{bad} sample(s) differ; run scripts/make_samples.py")
    return 1 if bad else 0


def preview(path: Path, png: Path) -> None:
    """A quick colour preview of a drawing: zones filled by level, walls, doors, labels."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.patches import Polygon as MplPolygon

    try:
        import japanize_matplotlib  # noqa: F401  (Japanese glyphs)
    except ImportError:
        pass

    kind_of: dict[str, tuple[str, int | None]] = {}
    for layers in LAYER_SETS.values():
        for kind, v in layers.items():
            if isinstance(v, dict):
                kind_of.update({n: ("zone", lvl) for lvl, n in v.items() if n})
            else:
                kind_of[v] = (kind, None)
    kind_of["金庫"] = ("cabinet", None)
    colours = {"wall": "black", "partition": "tab:orange", "door": "tab:red", "window": "tab:cyan",
               "area": "tab:purple", "cabinet": "tab:brown", "device": "tab:blue",
               "furniture": "0.75", "label": "black"}
    fills = {0: "#dddddd", 1: "#bfe3bf", 2: "#ffe08a", 3: "#f4a3a3"}

    doc = ezdxf.readfile(path)
    fig, ax = plt.subplots(figsize=(12, 8))
    ax.set_aspect("equal")

    def draw(e, layer: str) -> None:
        kind, level = kind_of.get(layer, ("other", None))
        t = e.dxftype()
        if t in ("LWPOLYLINE", "POLYLINE"):
            pts = [(p[0], p[1]) for p in (e.get_points() if t == "LWPOLYLINE" else e.points())]
            if kind == "zone":
                ax.add_patch(MplPolygon(pts, closed=True, facecolor=fills[level], edgecolor="tab:green",
                                        linestyle="--", alpha=0.6, zorder=0))
                return
            closed = e.closed if t == "LWPOLYLINE" else e.is_closed
            if closed:
                pts = pts + pts[:1]
            ax.plot(*zip(*pts), color=colours.get(kind, "0.5"),
                    lw=2.0 if kind == "area" else 0.8, ls=":" if kind == "area" else "-", zorder=3)
        elif t == "LINE":
            s, f = e.dxf.start, e.dxf.end
            ax.plot([s.x, f.x], [s.y, f.y], color=colours.get(kind, "0.5"),
                    lw=1.6 if kind == "wall" else 1.0, zorder=2)
        elif t == "ARC":
            pts = [(p.x, p.y) for p in e.flattening(0.01 * scale)]
            ax.plot(*zip(*pts), color=colours.get(kind, "0.5"), lw=0.8, zorder=2)
        elif t in ("TEXT", "MTEXT", "ATTRIB"):
            if t == "MTEXT":
                p, text, h = e.dxf.insert, e.plain_text(), e.dxf.char_height
            else:
                p = e.dxf.align_point if (e.dxf.get("halign", 0) or e.dxf.get("valign", 0)) else e.dxf.insert
                text, h = e.dxf.text, e.dxf.height
            text = ezdxf.decode_dxf_unicode(text)
            big = h >= 0.3 * scale
            centred = t == "MTEXT" or e.dxf.get("halign", 0) or e.dxf.get("valign", 0)
            ax.text(p.x, p.y, text, fontsize=11 if big else 5, ha="center" if centred else "left",
                    va="center" if centred else "bottom", rotation=e.dxf.get("rotation", 0.0),
                    rotation_mode="anchor", color=colours.get(kind, "black"), zorder=5)

    scale = 1000.0 if doc.header.get("$INSUNITS") == 4 else 1.0
    for e in doc.modelspace():
        layer = ezdxf.decode_dxf_unicode(e.dxf.layer)
        if e.dxftype() == "INSERT":
            for v in e.virtual_entities():
                draw(v, layer if v.dxf.layer == "0" else v.dxf.layer)
            for a in e.attribs:
                draw(a, layer)
        else:
            draw(e, layer)
    ax.autoscale_view()
    ax.margins(0.03)
    ax.set_title(f"{path.name}  ({doc.dxfversion}, {'mm' if scale > 1 else 'm'})")
    fig.savefig(png, dpi=110)
    plt.close(fig)


def _fixed_hash_seed() -> None:
    """Re-run under PYTHONHASHSEED=0: ezdxf orders some OBJECTS by set iteration, so a fixed
    seed is what makes the written bytes identical from run to run."""
    if os.environ.get("PYTHONHASHSEED") != "0":
        env = {**os.environ, "PYTHONHASHSEED": "0"}
        os.execve(sys.executable, [sys.executable, __file__, *sys.argv[1:]], env)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("names", nargs="*", help="samples to build (default: all)")
    ap.add_argument("--out", type=Path, default=OUT, help="output folder (default samples/dxf)")
    ap.add_argument("--check", action="store_true", help="fail if committed samples are stale")
    ap.add_argument("--png", type=Path, metavar="DIR", help="also write a PNG preview of each sample")
    ap.add_argument("--list", action="store_true", help="list the samples and what each shows")
    args = ap.parse_args(argv)
    unknown = [n for n in args.names if n not in SAMPLES]
    if unknown:
        ap.error(f"unknown sample(s): {', '.join(unknown)}; known: {', '.join(SAMPLES)}")
    names = args.names or list(SAMPLES)
    if args.list:
        for name in names:
            print(f"{name:28s} {SAMPLES[name][1].__doc__.splitlines()[0]}")
        return 0
    if args.check:
        return check(names)
    args.out.mkdir(parents=True, exist_ok=True)
    for name in names:
        path = build(name, args.out)
        print(f"wrote {path}")
        if args.png:
            args.png.mkdir(parents=True, exist_ok=True)
            preview(path, args.png / f"{name}.png")
    return 0


if __name__ == "__main__":
    _fixed_hash_seed()
    sys.exit(main())
