#!/usr/bin/env python3
"""Benchmark: how long a big floor takes to check, against how long ezdxf needs to load it.

    .venv/bin/python scripts/bench.py                 # 1,600 rooms (~35,000 entities)
    .venv/bin/python scripts/bench.py --rooms 400 --repeat 5

Draws a large office floor (rows of rooms along corridors; walls, door blocks, zones, labels and
furniture clutter on an ignored layer) into a temporary folder, then times, each as the best of
``--repeat`` runs: ``ezdxf.readfile`` alone, reading the plan, building the site, running the rules,
and the whole check. The figure that matters is the ratio of the whole check to ezdxf's load.
"""

from __future__ import annotations

import argparse
import math
import tempfile
import time
from pathlib import Path


def draw_floor(path: Path, rooms: int) -> int:
    """A floor of about ``rooms`` 4 m x 4 m rooms in rows along 2 m corridors joined by a spine
    corridor, entrance at the south-west (mm). Entity count."""
    import ezdxf

    doc = ezdxf.new("R2018", setup=False)
    doc.header["$INSUNITS"] = 4
    for name in ("WALL", "DOOR", "ZONE-L1", "ZONE-L2", "ROOM-NAME", "APPLICATION-AREA", "FURNITURE"):
        doc.layers.add(name)
    blk = doc.blocks.new("DOOR900")
    blk.add_line((0, 0), (0, 900))
    blk.add_arc((0, 0), 900, 0, 90)
    msp = doc.modelspace()
    cols = max(2, int(math.sqrt(rooms * 1.5)))
    rows = max(1, math.ceil(rooms / cols))
    room, corridor = 4000.0, 2000.0
    band = room + corridor
    # a corridor spine along the east side joins the corridors between the rows of rooms
    width, height = cols * room + corridor, rows * band + corridor
    msp.add_lwpolyline([(0, 0), (width, 0), (width, height), (0, height)], close=True,
                       dxfattribs={"layer": "APPLICATION-AREA"})
    # entrance gap in the outer wall at the bottom-left corridor end
    msp.add_line((0, corridor), (0, height), dxfattribs={"layer": "WALL"})
    msp.add_line((0, 0), (width, 0), dxfattribs={"layer": "WALL"})
    msp.add_line((width, 0), (width, height), dxfattribs={"layer": "WALL"})
    msp.add_line((width, height), (0, height), dxfattribs={"layer": "WALL"})
    msp.add_blockref("DOOR900", (0, 500), dxfattribs={"layer": "DOOR", "rotation": 90})
    msp.add_line((0, 0), (0, 500), dxfattribs={"layer": "WALL"})
    msp.add_line((0, 1400), (0, corridor), dxfattribs={"layer": "WALL"})
    n = 0
    for r in range(rows):
        y0 = corridor + r * band
        for c in range(cols):
            if n >= rooms:
                break
            x0 = c * room
            # front wall with a 900 door gap, side wall, back wall
            msp.add_line((x0, y0), (x0 + 500, y0), dxfattribs={"layer": "WALL"})
            msp.add_line((x0 + 1400, y0), (x0 + room, y0), dxfattribs={"layer": "WALL"})
            msp.add_line((x0, y0), (x0, y0 + room), dxfattribs={"layer": "WALL"})
            if c == cols - 1:  # the last room's east wall, on the spine
                msp.add_line((x0 + room, y0), (x0 + room, y0 + room), dxfattribs={"layer": "WALL"})
            msp.add_line((x0, y0 + room), (x0 + room, y0 + room), dxfattribs={"layer": "WALL"})
            msp.add_blockref("DOOR900", (x0 + 500, y0), dxfattribs={"layer": "DOOR"})
            level = 2 if n % 7 == 3 else 1
            msp.add_lwpolyline([(x0, y0), (x0 + room, y0), (x0 + room, y0 + room), (x0, y0 + room)],
                               close=True, dxfattribs={"layer": f"ZONE-L{level}"})
            msp.add_text(f"室{n + 1}", dxfattribs={"layer": "ROOM-NAME", "height": 250}).set_placement(
                (x0 + 1500, y0 + 2000))
            for k in range(12):  # desks and chairs: clutter on an ignored layer
                msp.add_line((x0 + 300 + k * 250, y0 + 2600), (x0 + 300 + k * 250, y0 + 3600),
                             dxfattribs={"layer": "FURNITURE"})
            n += 1
    doc.saveas(path)
    return len(msp)


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rooms", type=int, default=1600)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="also save the drawing here")
    args = parser.parse_args()

    import ezdxf

    from osmark_plan.api import build, load
    from osmark_plan.config import Config
    from osmark_plan.engine import run_rules

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(args.keep or Path(tmp) / "big_floor.dxf")
        entities = draw_floor(path, args.rooms)
        config = Config()
        plan = load(path, config)
        site = build(plan, config)
        t_ezdxf = best(lambda: ezdxf.readfile(path), args.repeat)
        t_read = best(lambda: load(path, config), args.repeat)
        t_build = best(lambda: build(plan, config), args.repeat)
        t_rules = best(lambda: run_rules(site, config), args.repeat)
        t_all = best(lambda: run_rules(build(load(path, config), config), config), args.repeat)
        report = run_rules(site, config)
    print(f"floor: {args.rooms} rooms, {entities} entities, {path.stat().st_size if args.keep else 0} bytes kept")
    print(f"plan: {len(plan.lines)} lines, {len(plan.zones)} zones, {len(plan.doors)} doors; "
          f"site: {len(site.regions)} regions, {len(site.links)} links; {len(report.findings)} findings")
    print(f"ezdxf.readfile      {t_ezdxf:8.3f} s")
    print(f"read plan           {t_read:8.3f} s")
    print(f"build site          {t_build:8.3f} s")
    print(f"run rules           {t_rules:8.3f} s")
    print(f"whole check         {t_all:8.3f} s   ratio to ezdxf load: {t_all / t_ezdxf:.2f}")


if __name__ == "__main__":
    main()
