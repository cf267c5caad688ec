"""Drawings in the habits of real as-is drawings (no zones), written from a description of each
habit, not copied from any drawing: main(outdir) writes outdir/NAME/{NAME.dxf, osmark.toml}.

Metres, $INSUNITS = 6. Single-line walls on WALL unless told; door blocks (leaf + quarter arc,
hinge at the insertion point, chord along +x) on DOOR; room names on ROOM-NAME.
"""

from __future__ import annotations

import sys
from pathlib import Path

import ezdxf

DOOR_W = 0.9


def new():
    doc = ezdxf.new("R2013", setup=False)
    doc.header["$INSUNITS"] = 6
    for name in ("WALL", "DOOR", "ROOM-NAME", "ROOM-NAME-OLD", "FURNITURE", "NOTES"):
        doc.layers.add(name)
    blk = doc.blocks.new("DOOR90")
    blk.add_line((0, 0), (0, DOOR_W), dxfattribs={"layer": "0"})
    blk.add_arc((0, 0), DOOR_W, 0, 90, dxfattribs={"layer": "0"})
    ext = doc.blocks.new("EXTINGUISHER")  # a symbol block with its own text
    ext.add_circle((0, 0), 0.15, dxfattribs={"layer": "0"})
    ext.add_text("消火器", height=0.3, dxfattribs={"layer": "0"}).set_placement((0, 0))
    return doc, doc.modelspace()


def walls(msp, segs, layer="WALL"):
    for a, b in segs:
        msp.add_line(a, b, dxfattribs={"layer": layer})


def door(msp, hinge, rot=0, flip=False):
    """A door block whose chord runs from the hinge along ``rot`` degrees; swings left of it
    (right when flipped)."""
    msp.add_blockref("DOOR90", hinge, dxfattribs={"layer": "DOOR", "rotation": rot,
                                                  "yscale": -1 if flip else 1})


def text(msp, s, at, h=0.3, layer="ROOM-NAME"):
    msp.add_text(s, height=h, dxfattribs={"layer": layer}).set_placement(at)


def save(doc, out, name, toml):
    d = Path(out) / name
    d.mkdir(parents=True, exist_ok=True)
    doc.saveas(d / f"{name}.dxf")
    (d / "osmark.toml").write_text(toml, encoding="utf-8")


# Floor 12 x 8 m: corridor y 0..2 (entrance door in its west wall), three rooms above it:
# A x 0..4, B x 4..8, C x 8..12 (y 2..8), each with a door from the corridor.
OUTER = [((0, 0), (12, 0)), ((12, 0), (12, 8)), ((12, 8), (0, 8)), ((0, 8), (0, 1.6)), ((0, 0.7), (0, 0))]
CROSS = [((4, 2), (4, 8)), ((8, 2), (8, 8))]
FRONT = [((0, 2), (1.0, 2)), ((1.9, 2), (5.0, 2)), ((5.9, 2), (9.0, 2)), ((9.9, 2), (12, 2))]
TABLE = '[zones]\n"会議室" = 2\n"執務室" = 1\n"倉庫" = 2\n"廊下" = 1\n'


def base(msp, front=True):
    walls(msp, OUTER + CROSS + (FRONT if front else []))
    door(msp, (0, 0.7), rot=90, flip=True)  # entrance, swings into the corridor
    if front:
        for x in (1.0, 5.0, 9.0):
            door(msp, (x, 2), rot=0)  # swings into the room


def h01_room_names(out):
    """Names from the right texts. A: 会議室 with an area text 「25 m2」, a person's name 山田 and a
    fire-extinguisher block (text 消火器 on FURNITURE) nearer its centre. B: room number 101 at the
    centre, 執務室 above it, an old name on a switched-off label layer. C: one MTEXT G03 / 倉庫 /
    12.5㎡. Corridor: 廊下, a stair arrow 上 and a size 4'1'' x 8'0'' nearer its centre; a note on
    NOTES (an ignored layer) in the corridor."""
    doc, msp = new()
    base(msp)
    text(msp, "会議室", (1.5, 5.6))
    text(msp, "25 m2", (1.6, 4.9), h=0.2)
    text(msp, "山田", (2.0, 5.0), h=0.25)
    msp.add_blockref("EXTINGUISHER", (2.0, 5.05), dxfattribs={"layer": "FURNITURE"})
    text(msp, "101", (6.0, 5.0), h=0.3)
    text(msp, "執務室", (5.6, 5.8))
    text(msp, "旧倉庫", (6.0, 5.1), layer="ROOM-NAME-OLD")
    doc.layers.get("ROOM-NAME-OLD").off()
    msp.add_mtext("G03\\P倉庫\\P12.5㎡", dxfattribs={"layer": "ROOM-NAME", "char_height": 0.3,
                                                    "insert": (9.5, 5.3)})
    text(msp, "廊下", (3.0, 1.1))
    text(msp, "上", (6.0, 1.0))
    text(msp, "4'1'' x 8'0''", (5.8, 0.9), h=0.2)
    text(msp, "Storage to be cleared", (6.2, 1.2), layer="NOTES")
    save(doc, out, "h01_room_names", TABLE)


def h02_gap_doorways(out):
    """Doorways drawn as plain gaps: no doors to the rooms; each room's front wall stops 1.0 m
    short of the wall to its west (A: of the outer wall, B and C: of the cross wall). The
    corridor's entrance keeps its door. Names only tell that the rooms are apart."""
    doc, msp = new()
    walls(msp, OUTER + CROSS + [((1.0, 2), (4, 2)), ((5.0, 2), (8, 2)), ((9.0, 2), (12, 2))])
    door(msp, (0, 0.7), rot=90, flip=True)
    for s, at in (("会議室", (1.5, 5)), ("執務室", (5.5, 5)), ("倉庫", (9.5, 5)), ("廊下", (5.5, 1))):
        text(msp, s, at)
    save(doc, out, "h02_gap_doorways", TABLE)


def h03_wall_outlines(out):
    """Walls drawn as closed outlines: every wall a separate closed rectangle 0.5 m thick
    (overlapping at the corners), the doorways gaps between bodies with door blocks in them; a
    1.0 m square column as a closed outline in the middle of room A's north wall."""
    doc, msp = new()

    def body(x0, y0, x1, y1):
        msp.add_lwpolyline([(x0, y0), (x1, y0), (x1, y1), (x0, y1)], close=True, dxfattribs={"layer": "WALL"})

    t = 0.25
    body(-t, -t, 12 + t, t)                 # south
    body(-t, 8 - t, 12 + t, 8 + t)          # north
    body(12 - t, -t, 12 + t, 8 + t)         # east
    body(-t, 1.6, t, 8 + t)                 # west above the entrance
    body(-t, -t, t, 0.7)                    # west below it
    body(4 - t, 2, 4 + t, 8)                # cross walls
    body(8 - t, 2, 8 + t, 8)
    for x0, x1 in ((-t, 1.0), (1.9, 5.0), (5.9, 9.0), (9.9, 12 + t)):  # front walls, door gaps
        body(x0, 2 - t, x1, 2 + t)
    body(1.5, 7.0, 2.5, 8.0)                # column in A's north wall
    door(msp, (t, 0.7), rot=90, flip=True)
    for x in (1.0, 5.0, 9.0):
        door(msp, (x, 2 + t), rot=0)
    for s, at in (("会議室", (1.5, 5)), ("執務室", (5.5, 5)), ("倉庫", (9.5, 5)), ("廊下", (5.5, 1))):
        text(msp, s, at)
    save(doc, out, "h03_wall_outlines", TABLE)


def h04_messy_linework(out):
    """The floor of h01 with plain names, and 1,500 tiny wiggly polylines and splines on the
    wall layer (sub-millimetre segments, as splines exported point by point): clusters of
    planting and symbol scribbles inside the rooms, away from the walls."""
    doc, msp = new()
    base(msp)
    for s, at in (("会議室", (1.5, 5)), ("執務室", (5.5, 5)), ("倉庫", (9.5, 5)), ("廊下", (5.5, 1))):
        text(msp, s, at)
    for k in range(1500):
        room = k % 3
        x0 = 4 * room + 1.0 + (k // 3 % 25) * 0.08
        y0 = 3.0 + (k // 75) * 0.2
        pts = [(x0 + i * 0.0008, y0 + (0.0004 if i % 2 else -0.0004)) for i in range(64)]
        if k % 2:
            msp.add_spline(pts, dxfattribs={"layer": "WALL"})
        else:
            msp.add_lwpolyline(pts, dxfattribs={"layer": "WALL"})
    save(doc, out, "h04_messy_linework", TABLE)


DRAWINGS = (h01_room_names, h02_gap_doorways, h03_wall_outlines, h04_messy_linework)


def main(out: str) -> None:
    for make in DRAWINGS:
        make(out)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "habits_out")
