"""The benchmark floor: an office floor drawn the way real drawings are, at any size.

At scale 1 (300 rooms) it holds about 73,000 model-space entities: per room walls, a store room
with its own door, zones, a room name, about 3.3 door blocks (1,000 in all), 10 cabinet blocks of
two types (3,000), 1.7 output devices (500), 40 furniture blocks (desks and chairs: 12,000 of the
16,500 inserts), notes, dimensions (each with its own anonymous block, as CAD programs write them),
floor hatches, a ceiling grid and lights on layers the checker does not map.
"""

from __future__ import annotations

import math
from pathlib import Path

#: room, corridor and store-room sizes (mm)
ROOM_W, ROOM_D, CORRIDOR, STORE = 8000.0, 6000.0, 2000.0, 2500.0
DOOR_W = 900.0
UNMAPPED = ("FURNITURE", "A-ANNO-TEXT", "A-ANNO-DIMS", "A-FLOR-PATT", "A-CLNG-GRID", "E-LITE")


def _blocks(doc) -> None:  # type: ignore[no-untyped-def]
    door = doc.blocks.new("DOOR900")
    door.add_line((0, 0), (0, DOOR_W))
    door.add_arc((0, 0), DOOR_W, 0, 90)
    for name, (w, d) in (("CAB-A", (450, 450)), ("CAB-B", (450, 600))):
        blk = doc.blocks.new(name)
        blk.add_lwpolyline([(0, 0), (w, 0), (w, d), (0, d)], close=True)
        blk.add_line((0, d / 2), (w, d / 2))
    mfp = doc.blocks.new("MFP")
    mfp.add_lwpolyline([(0, 0), (600, 0), (600, 700), (0, 700)], close=True)
    mfp.add_line((50, 600), (550, 600))
    desk = doc.blocks.new("DESK")
    desk.add_lwpolyline([(0, 0), (800, 0), (800, 500), (0, 500)], close=True)
    desk.add_line((50, 450), (750, 450))
    desk.add_line((700, 50), (700, 450))
    chair = doc.blocks.new("CHAIR")
    chair.add_lwpolyline([(0, 0), (450, 0), (450, 400), (0, 400)], close=True)
    chair.add_arc((225, 400), 225, 0, 180)  # a backrest: a half turn, not a door swing
    chair.add_circle((225, 200), 60)


def _room(msp, n: int, x0: float, y0: float, last_col: bool, first_col: bool) -> None:  # type: ignore[no-untyped-def]
    W, D = ROOM_W, ROOM_D
    wall = {"layer": "WALL"}
    # front wall with one or two door gaps
    gaps = [(500.0, 500.0 + DOOR_W)] + ([(6000.0, 6000.0 + DOOR_W)] if n % 2 else [])
    x = 0.0
    for a, b in gaps:
        msp.add_line((x0 + x, y0), (x0 + a, y0), dxfattribs=wall)
        msp.add_blockref("DOOR900", (x0 + a, y0), dxfattribs={"layer": "DOOR"})
        x = b
    msp.add_line((x0 + x, y0), (x0 + W, y0), dxfattribs=wall)
    # west wall: a door to the neighbour unless on the outer wall
    if first_col:
        msp.add_line((x0, y0), (x0, y0 + D), dxfattribs=wall)
    else:
        msp.add_line((x0, y0), (x0, y0 + 4000), dxfattribs=wall)
        msp.add_line((x0, y0 + 4000 + DOOR_W), (x0, y0 + D), dxfattribs=wall)
        msp.add_blockref("DOOR900", (x0, y0 + 4000), dxfattribs={"layer": "DOOR", "rotation": 90})
    if last_col:
        msp.add_line((x0 + W, y0), (x0 + W, y0 + D), dxfattribs=wall)
    msp.add_line((x0, y0 + D), (x0 + W, y0 + D), dxfattribs=wall)
    # store room in the back-east corner, its door on its south wall
    sx, sy = x0 + W - STORE, y0 + D - STORE
    msp.add_line((sx, sy), (sx, y0 + D), dxfattribs=wall)
    msp.add_line((sx, sy), (sx + 400, sy), dxfattribs=wall)
    msp.add_line((sx + 400 + DOOR_W, sy), (x0 + W, sy), dxfattribs=wall)
    msp.add_blockref("DOOR900", (sx + 400, sy), dxfattribs={"layer": "DOOR"})
    level = 2 if n % 7 == 3 else 1
    msp.add_lwpolyline([(x0, y0), (x0 + W, y0), (x0 + W, y0 + D), (x0, y0 + D)], close=True,
                       dxfattribs={"layer": f"ZONE-L{level}"})
    msp.add_lwpolyline([(sx, sy), (x0 + W, sy), (x0 + W, y0 + D), (sx, y0 + D)], close=True,
                       dxfattribs={"layer": "ZONE-L3"})
    msp.add_text(f"室{n + 1}", height=250, dxfattribs={"layer": "ROOM-NAME"}).set_placement(
        (x0 + 2500, y0 + 5000))
    msp.add_text(f"倉庫{n + 1}", height=250, dxfattribs={"layer": "ROOM-NAME"}).set_placement(
        (sx + 800, sy + 1200))
    # cabinets along the back wall, devices near the front
    for k in range(10):
        msp.add_blockref("CAB-A" if k % 2 else "CAB-B", (x0 + 200 + k * 500, y0 + D - 650),
                         dxfattribs={"layer": "CABINET"})
    msp.add_blockref("MFP", (x0 + 3000, y0 + 300), dxfattribs={"layer": "DEVICE"})
    if n % 3 != 2:
        msp.add_blockref("MFP", (x0 + 3800, y0 + 300), dxfattribs={"layer": "DEVICE"})
    # 4 x 5 desks with their chairs
    for i in range(4):
        for j in range(5):
            px, py = x0 + 400 + j * 1000, y0 + 1200 + i * 900
            msp.add_blockref("DESK", (px, py), dxfattribs={"layer": "FURNITURE"})
            msp.add_blockref("CHAIR", (px + 150, py - 380), dxfattribs={"layer": "FURNITURE"})
    for k in range(5):
        msp.add_text(f"WS-{n + 1}-{k + 1}", height=100, dxfattribs={"layer": "A-ANNO-TEXT"}).set_placement(
            (x0 + 500 + k * 1000, y0 + 4700))
    # dimensions along the front and west walls
    for k in range(8):
        a = x0 + k * 1000
        msp.add_linear_dim(base=(a, y0 - 600), p1=(a, y0), p2=(a + 1000, y0),
                                 dxfattribs={"layer": "A-ANNO-DIMS"}).render()
    # carpet tiles: four hatches
    for k in range(4):
        hx = x0 + 200 + k * 1300
        h = msp.add_hatch(color=8, dxfattribs={"layer": "A-FLOR-PATT"})
        h.paths.add_polyline_path([(hx, y0 + 200), (hx + 1200, y0 + 200), (hx + 1200, y0 + 1000),
                                   (hx, y0 + 1000)], is_closed=True)
    # ceiling grid (600 mm) and lights
    grid = {"layer": "A-CLNG-GRID"}
    for k in range(1, 14):
        msp.add_line((x0 + k * 600, y0), (x0 + k * 600, y0 + D), dxfattribs=grid)
    for k in range(1, 10):
        msp.add_line((x0, y0 + k * 600), (x0 + W, y0 + k * 600), dxfattribs=grid)
    for i in range(10):
        for j in range(12):
            msp.add_line((x0 + 300 + j * 600, y0 + 300 + i * 550), (x0 + 500 + j * 600, y0 + 300 + i * 550),
                         dxfattribs=grid)
    for k in range(20):
        msp.add_circle((x0 + 600 + (k % 5) * 1500, y0 + 900 + (k // 5) * 1300), 150,
                       dxfattribs={"layer": "E-LITE"})


def draw_benchmark_floor(path: Path, scale: float = 1.0) -> int:
    """Draw the floor at ``scale`` x 300 rooms into ``path``; the number of model-space entities."""
    import ezdxf

    rooms = max(1, round(300 * scale))
    doc = ezdxf.new("R2018", setup=True)
    doc.header["$INSUNITS"] = 4
    for name in ("WALL", "DOOR", "ZONE-L1", "ZONE-L2", "ZONE-L3", "ROOM-NAME", "APPLICATION-AREA",
                 "CABINET", "DEVICE", *UNMAPPED):
        doc.layers.add(name)
    _blocks(doc)
    msp = doc.modelspace()
    cols = max(2, int(math.sqrt(rooms * 0.75)))
    rows = max(1, math.ceil(rooms / cols))
    band = ROOM_D + CORRIDOR
    width, height = cols * ROOM_W + CORRIDOR, rows * band + CORRIDOR
    msp.add_lwpolyline([(0, 0), (width, 0), (width, height), (0, height)], close=True,
                       dxfattribs={"layer": "APPLICATION-AREA"})
    # outer walls with the entrance at the bottom-left corridor end; the east spine corridor
    wall = {"layer": "WALL"}
    msp.add_line((0, 0), (0, 500), dxfattribs=wall)
    msp.add_line((0, 500 + DOOR_W), (0, height), dxfattribs=wall)
    msp.add_blockref("DOOR900", (0, 500), dxfattribs={"layer": "DOOR", "rotation": 90})
    msp.add_line((0, 0), (width, 0), dxfattribs=wall)
    msp.add_line((width, 0), (width, height), dxfattribs=wall)
    msp.add_line((width, height), (0, height), dxfattribs=wall)
    n = 0
    for r in range(rows):
        for c in range(cols):
            if n >= rooms:
                break
            _room(msp, n, c * ROOM_W, CORRIDOR + r * band, c == cols - 1, c == 0)
            n += 1
    doc.saveas(path)
    return len(msp)
