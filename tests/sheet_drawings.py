"""A sheet with several plans side by side (drawn full size in mm, $INSUNITS = mm): the floor
plan 「1階平面図」 (two offices and a door), a framing plan 「2階床伏図」 (a grid of beams on the
wall layer: closed cells that are no rooms) and an elevation 「南立面図」, each titled below,
all inside one sheet border with a title block. Used by the --region / [sheet] tests."""

from __future__ import annotations

from pathlib import Path

import ezdxf

#: the floor plan's box (mm) and the other plans' offsets
PLAN_BOX = (0.0, 0.0, 12000.0, 8000.0)
FRAMING_AT = 20000.0
ELEVATION_AT = 40000.0


def _rect(msp, x0, y0, x1, y1, layer):
    msp.add_lwpolyline([(x0, y0), (x1, y0), (x1, y1), (x0, y1)], close=True, dxfattribs={"layer": layer})


def floor_plan(msp, dx=0.0):
    """12 m x 8 m, a wall at x = 6 m with a 0.9 m door, an entrance on the south side."""
    w = "WALL"
    for a, b in [((0, 0), (2000, 0)), ((3000, 0), (12000, 0)), ((12000, 0), (12000, 8000)),
                 ((12000, 8000), (0, 8000)), ((0, 8000), (0, 0)),
                 ((6000, 0), (6000, 3000)), ((6000, 3900), (6000, 8000))]:
        msp.add_line((a[0] + dx, a[1]), (b[0] + dx, b[1]), dxfattribs={"layer": w})
    msp.add_arc((6000 + dx, 3000), 900, 0, 90, dxfattribs={"layer": "DOOR"})
    msp.add_line((6000 + dx, 3000), (6900 + dx, 3000), dxfattribs={"layer": "DOOR"})
    msp.add_arc((2000 + dx, 0), 1000, 0, 90, dxfattribs={"layer": "DOOR"})
    msp.add_line((2000 + dx, 0), (2000 + dx, 1000), dxfattribs={"layer": "DOOR"})
    msp.add_text("執務室", dxfattribs={"layer": "ROOM-NAME", "height": 300, "insert": (2000 + dx, 5000)})
    msp.add_text("サーバー室", dxfattribs={"layer": "ROOM-NAME", "height": 300, "insert": (8000 + dx, 5000)})


def write_sheet(path: Path) -> Path:
    doc = ezdxf.new("R2010")
    doc.header["$INSUNITS"] = 4
    msp = doc.modelspace()
    floor_plan(msp)
    # framing plan: beams on the wall layer in a 3 m grid (closed cells, no doors)
    x0 = FRAMING_AT
    for i in range(5):
        msp.add_line((x0 + i * 3000, 0), (x0 + i * 3000, 8000), dxfattribs={"layer": "WALL"})
    for j in range(3):
        msp.add_line((x0, j * 4000), (x0 + 12000, j * 4000), dxfattribs={"layer": "WALL"})
    msp.add_text("梁", dxfattribs={"layer": "ROOM-NAME", "height": 300, "insert": (x0 + 1000, 2000)})
    # elevation: ground line, outline and windows
    x0 = ELEVATION_AT
    _rect(msp, x0, 0, x0 + 12000, 4000, "WALL")
    for i in range(4):
        _rect(msp, x0 + 1000 + i * 3000, 1000, x0 + 2500 + i * 3000, 2500, "WINDOW")
    for title, x in (("1階平面図 S=1/100", 4000), ("2階床伏図 S=1/100", FRAMING_AT + 4000),
                     ("南立面図 S=1/100", ELEVATION_AT + 4000)):
        msp.add_text(title, dxfattribs={"layer": "TITLE", "height": 500, "insert": (x, -1500)})
    # sheet border and title block
    _rect(msp, -3000, -4000, 55000, 11000, "FRAME")
    _rect(msp, 45000, -4000, 55000, -2000, "FRAME")
    msp.add_text("図面名 平面図・伏図・立面図", dxfattribs={"layer": "FRAME", "height": 400,
                                                  "insert": (45500, -3300)})
    doc.saveas(path)
    return path
