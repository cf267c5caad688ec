"""Draw tests/doors_habits/*.dxf: one small office per door-drawing habit.

Every drawing is the same floor (mm, $INSUNITS = 4): 12 m x 8 m, split by a wall at x = 6 m
into 執務室 (west) and 会議室 (east); the door between them fills the gap y = 3000..3900 in that
wall (0.9 m), the entrance is a swing door in the south wall gap x = 2000..3000. Only the middle
door changes from drawing to drawing: it is drawn in one habit of real drawings. The expected
rooms and doors of each drawing, written by hand from this description, are in expected.json.

Run: python tests/doors_habits/make_doors.py   (writes the DXF files beside this script)
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

import ezdxf

HERE = Path(__file__).resolve().parent
HINGE = (6000.0, 3000.0)  # the middle door's hinge; the opening runs to (6000, 3900)
R = 900.0


def base(window_gap: bool = False):
    doc = ezdxf.new("R2010")
    doc.header["$INSUNITS"] = 4
    msp = doc.modelspace()
    east = [((12000, 0), (12000, 3000)), ((12000, 5000), (12000, 8000))] if window_gap else \
        [((12000, 0), (12000, 8000))]
    for a, b in [((0, 0), (2000, 0)), ((3000, 0), (12000, 0)), *east, ((12000, 8000), (0, 8000)),
                 ((0, 8000), (0, 0)), ((6000, 0), (6000, 3000)), ((6000, 3900), (6000, 8000))]:
        msp.add_line(a, b, dxfattribs={"layer": "WALL"})
    msp.add_arc((2000, 0), 1000, 0, 90, dxfattribs={"layer": "DOOR"})
    msp.add_line((2000, 0), (2000, 1000), dxfattribs={"layer": "DOOR"})
    msp.add_text("執務室", dxfattribs={"layer": "ROOM-NAME", "height": 300, "insert": (2500, 5000)})
    msp.add_text("会議室", dxfattribs={"layer": "ROOM-NAME", "height": 300, "insert": (8500, 5000)})
    return doc, msp


def arc_points(a0: float, a1: float, n: int, r: float = R, c=HINGE):
    return [(c[0] + r * math.cos(math.radians(a0 + (a1 - a0) * k / n)),
             c[1] + r * math.sin(math.radians(a0 + (a1 - a0) * k / n))) for k in range(n + 1)]


# the middle door opens into 会議室 (east): leaf from the hinge to (6900, 3000), the swing from
# there round to the closed position (6000, 3900), angles 0°..90° about the hinge

def bulge_polyline(msp):
    """Leaf and swing in one LWPOLYLINE: hinge -> leaf end -> (bulge 90°) -> closed position."""
    b = math.tan(math.radians(90) / 4)
    msp.add_lwpolyline([(6000, 3000, 0, 0, 0), (6900, 3000, 0, 0, b), (6000, 3900, 0, 0, 0)],
                       format="xyseb", dxfattribs={"layer": "DOOR"})


def bulge_on_wall_layer(msp):
    """The swing as a bulged two-point polyline and the leaf as a LINE, both on the wall layer."""
    b = math.tan(math.radians(90) / 4)
    msp.add_lwpolyline([(6900, 3000, 0, 0, b), (6000, 3900, 0, 0, 0)], format="xyseb",
                       dxfattribs={"layer": "WALL"})
    msp.add_line(HINGE, (6900, 3000), dxfattribs={"layer": "WALL"})


def short_segments(msp):
    """The swing flattened into 12 short LINEs (an export that has no arcs), leaf as a LINE."""
    pts = arc_points(0, 90, 12)
    for a, b in zip(pts, pts[1:]):
        msp.add_line(a, b, dxfattribs={"layer": "DOOR"})
    msp.add_line(HINGE, (6900, 3000), dxfattribs={"layer": "DOOR"})


def polyline_vertices(msp):
    """Leaf and flattened swing as one LWPOLYLINE of 18 vertices."""
    msp.add_lwpolyline([HINGE] + arc_points(0, 90, 16), dxfattribs={"layer": "DOOR"})


def spline(msp):
    """The swing as a SPLINE through points of the quarter circle, leaf as a LINE."""
    msp.add_spline(arc_points(0, 90, 8), dxfattribs={"layer": "DOOR"})
    msp.add_line(HINGE, (6900, 3000), dxfattribs={"layer": "DOOR"})


def partly_open(msp):
    """The door drawn 30° open: a short arc from the closed position and the leaf at 60°."""
    leaf = arc_points(60, 60, 1)[0]
    msp.add_arc(HINGE, R, 60, 90, dxfattribs={"layer": "DOOR"})
    msp.add_line(HINGE, leaf, dxfattribs={"layer": "DOOR"})


def partly_open_on_wall_layer(msp):
    """A 45° open door (short arc + leaf) drawn on the wall layer."""
    leaf = arc_points(45, 45, 1)[0]
    msp.add_arc(HINGE, R, 45, 90, dxfattribs={"layer": "WALL"})
    msp.add_line(HINGE, leaf, dxfattribs={"layer": "WALL"})


def block_on_wall_layer(msp):
    """A door block (arc + leaf on layer 0) inserted on the wall layer."""
    blk = msp.doc.blocks.new("DOOR-SW900")
    blk.add_arc((0, 0), R, 0, 90)
    blk.add_line((0, 0), (R, 0))
    msp.add_blockref("DOOR-SW900", HINGE, dxfattribs={"layer": "WALL"})


def sliding_two_leaves(msp):
    """A sliding door: two leaf rectangles (500 x 40), offset across the wall, overlapping 100."""
    msp.add_lwpolyline([(5960, 3000), (6000, 3000), (6000, 3500), (5960, 3500)], close=True,
                       dxfattribs={"layer": "DOOR"})
    msp.add_lwpolyline([(6010, 3400), (6050, 3400), (6050, 3900), (6010, 3900)], close=True,
                       dxfattribs={"layer": "DOOR"})


def sliding_lines_on_wall_block(msp):
    """A sliding door block (two offset leaf lines) named 引戸 inserted on the wall layer."""
    blk = msp.doc.blocks.new("引戸900")
    blk.add_line((0, -20), (500, -20))
    blk.add_line((400, 20), (900, 20))
    msp.add_blockref("引戸900", HINGE, dxfattribs={"layer": "WALL", "rotation": 90})


def leaf_as_rectangle_lines(msp):
    """The leaf drawn as a thin rectangle of four LINEs along the leaf, with the swing arc."""
    for a, b in [((6000, 3000), (6900, 3000)), ((6900, 3000), (6900, 3040)), ((6900, 3040), (6000, 3040)),
                 ((6000, 3040), (6000, 3000))]:
        msp.add_line(a, b, dxfattribs={"layer": "DOOR"})
    msp.add_arc(HINGE, R, 0, 90, dxfattribs={"layer": "DOOR"})


def opening_layer(msp):
    """Doors and windows on one layer A-OPENING: the middle door (arc + leaf) and, in a 2 m gap
    of the east wall, a window of three parallel glazing lines."""
    msp.add_arc(HINGE, R, 0, 90, dxfattribs={"layer": "A-OPENING"})
    msp.add_line(HINGE, (6900, 3000), dxfattribs={"layer": "A-OPENING"})
    for dx in (-50, 0, 50):
        msp.add_line((12000 + dx, 3000), (12000 + dx, 5000), dxfattribs={"layer": "A-OPENING"})


HABITS = {
    "bulge_polyline": bulge_polyline,
    "bulge_on_wall_layer": bulge_on_wall_layer,
    "short_segments": short_segments,
    "polyline_vertices": polyline_vertices,
    "spline": spline,
    "partly_open": partly_open,
    "partly_open_on_wall_layer": partly_open_on_wall_layer,
    "block_on_wall_layer": block_on_wall_layer,
    "sliding_two_leaves": sliding_two_leaves,
    "sliding_lines_on_wall_block": sliding_lines_on_wall_block,
    "leaf_as_rectangle_lines": leaf_as_rectangle_lines,
    "opening_layer": opening_layer,
}


def make(folder: Path = HERE) -> list[Path]:
    out = []
    for name, draw in HABITS.items():
        doc, msp = base(window_gap=name == "opening_layer")
        draw(msp)
        path = folder / f"{name}.dxf"
        doc.saveas(path)
        out.append(path)
    return out


if __name__ == "__main__":
    for p in make(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE):
        print(p)
