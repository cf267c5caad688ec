#!/usr/bin/env python3
"""Generate the drawing pairs of ``samples/diff/`` for ``osmark diff``.

Usage::

    .venv/bin/python scripts/make_diff_samples.py            # (re)write samples/diff/*/*.dxf
    .venv/bin/python scripts/make_diff_samples.py --list     # one line per pair
    .venv/bin/python scripts/make_diff_samples.py door_moved # only the named pairs

Each pair is a folder ``samples/diff/NAME/`` with ``asis.dxf`` (現状図面), ``application.dxf``
(申請図面) and ``expected.json``: the list of changes and of new/resolved findings the pair
should give, written by hand (never by this script). The floor is the standard 20 m x 12 m
office of ``scripts/make_samples.py`` (its drawing kit is reused), described here by a
:class:`Floor` so that each pair changes exactly the things its name says.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "samples" / "diff"


def _kit_module():
    spec = importlib.util.spec_from_file_location("_osmark_make_samples", ROOT / "scripts" / "make_samples.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


K = _kit_module()
Kit, Style = K.Kit, K.Style
W, H = 20.0, 12.0

Pt = tuple[float, float]


@dataclass(frozen=True)
class DoorSpec:
    hinge: Pt
    latch: Pt
    into: Pt
    lock: str


@dataclass(frozen=True)
class Floor:
    """Everything a pair may change about the standard office."""

    levels: dict = field(default_factory=lambda: {
        "受付": 0, "役員室": 2, "執務室": 1, "書庫": 2, "サーバー室": 3})
    names: dict = field(default_factory=dict)  # room -> name drawn (default: the room key)
    #: y of the wall between 受付 and 役員室
    split_y: float = 7.0
    doors: dict = field(default_factory=lambda: {
        "DR02": DoorSpec((5, 3.0), (5, 3.9), (6, 3.5), "LOCKED"),
        "DR03": DoorSpec((5, 9.0), (5, 9.9), (4, 9.5), "LOCKED"),
        "DR04": DoorSpec((13.6, 6), (14.5, 6), (14, 7), "LOCKED"),
        "DR05": DoorSpec((16.5, 7.0), (16.5, 7.9), (17.5, 7.5), "LOGGED"),
    })
    #: the extra L2 room 会議室 in the south of 執務室 (x 9..13, y 0..4) with its door DR06
    meeting_room: bool = False
    #: id -> (position, block)
    devices: dict = field(default_factory=lambda: {"MFP1": ((9.0, 9.5), "COPIER")})
    #: id -> (position, level)
    cabinets: dict = field(default_factory=lambda: {"CB1": ((15.0, 11.55), 2), "CB2": ((8.0, 11.55), 1)})


def with_door(floor: Floor, name: str, spec: DoorSpec | None) -> Floor:
    doors = dict(floor.doors)
    if spec is None:
        doors.pop(name)
    else:
        doors[name] = spec
    return replace(floor, doors=doors)


def draw(k, f: Floor) -> None:
    """The standard office as ``f`` describes it."""
    K.shell(k, north_windows=((1.5, 3.5), (6.5, 8.5), (10.0, 12.0)))
    name = {room: f.names.get(room, room) for room in f.levels}
    y = f.split_y
    k.wall((5, 0), (5, H))
    k.wall((0, y), (5, y))
    k.wall((13, H), (13, 6), (W, 6))
    k.wall((16.5, 6), (16.5, H))
    office = [(5, 0), (W, 0), (W, 6), (13, 6), (13, H), (5, H)]
    if f.meeting_room:
        k.wall((9, 0), (9, 4), (13, 4), (13, 0))
        office = [(5, 0), (9, 0), (9, 4), (13, 4), (13, 0), (W, 0), (W, 6), (13, 6), (13, H), (5, H)]
        k.zone(2, [(9, 0), (13, 0), (13, 4), (9, 4)])
        k.label("会議室", (11.0, 2.0))
        k.door((10.0, 4), (10.9, 4), (10.5, 3), "DR06", "LOCKED")
    for door_id, d in sorted(f.doors.items()):
        k.door(d.hinge, d.latch, d.into, door_id, d.lock)
    lv = f.levels
    k.zone(lv["受付"], [(0, 0), (5, 0), (5, y), (0, y)])
    k.zone(lv["役員室"], [(0, y), (5, y), (5, H), (0, H)])
    k.zone(lv["執務室"], office)
    k.zone(lv["書庫"], [(13, 6), (16.5, 6), (16.5, H), (13, H)])
    k.zone(lv["サーバー室"], [(16.5, 6), (W, 6), (W, H), (16.5, H)])
    k.label(name["受付"], (2.5, 2.2))
    k.label(name["役員室"], (2.5, 10.3))
    k.label(name["執務室"], (9.0, 6.5))
    k.label(name["書庫"], (14.75, 8.8))
    k.label(name["サーバー室"], (18.25, 8.8))
    for cab_id, (at, level) in sorted(f.cabinets.items()):
        k.cabinet(at, level, cab_id)
    for dev_id, (at, block) in sorted(f.devices.items()):
        k.device(at, dev_id, block=block)
    K.office_desks(k)


BASE = Floor()
#: a door from 執務室 (L1) straight into サーバー室 (L3)
DIRECT_L3 = DoorSpec((18.0, 6), (18.9, 6), (18.5, 7), "LOGGED")

#: name -> (as-is floor, application floor, style of the application drawing, what it shows)
PAIRS: dict[str, tuple[Floor, Floor, Style, str]] = {
    "identical": (BASE, BASE, Style(), "the same drawing twice"),
    "shifted_rotated": (BASE, BASE, Style(units="mm", rotate=90.0, origin=(1000.0, 2000.0)),
                        "the same floor in mm, rotated 90 degrees and moved by (1 km, 2 km)"),
    "room_level": (BASE, replace(BASE, levels={**BASE.levels, "役員室": 1}),
                   Style(), "役員室 drawn as level 1 instead of 2"),
    "room_renamed": (BASE, replace(BASE, names={"書庫": "倉庫"}), Style(), "書庫 renamed 倉庫"),
    "boundary_moved": (BASE, replace(BASE, split_y=7.5), Style(),
                       "the wall between 受付 and 役員室 moved 0.5 m north"),
    "room_added": (BASE, replace(BASE, meeting_room=True), Style(),
                   "a level-2 会議室 with door DR06 carved out of 執務室"),
    "room_removed": (replace(BASE, meeting_room=True), BASE, Style(),
                     "the 会議室 of the as-is drawing is gone"),
    "door_added": (BASE, with_door(BASE, "DR07", DoorSpec((2.0, 7), (2.9, 7), (2.5, 8), "LOCKED")),
                   Style(), "a second door DR07 into 役員室, from 受付"),
    "door_removed": (BASE, with_door(BASE, "DR03", None), Style(),
                     "DR03, the only door of 役員室, is gone"),
    "door_moved": (BASE, with_door(BASE, "DR03", DoorSpec((5, 10.5), (5, 11.4), (4, 11.0), "LOCKED")),
                   Style(), "DR03 moved 1.5 m north along the same wall"),
    "door_lock": (BASE, with_door(BASE, "DR04", DoorSpec((13.6, 6), (14.5, 6), (14, 7), "UNLOCKED")),
                  Style(), "DR04 into 書庫 (L2) unlocked"),
    "device_moved": (BASE, replace(BASE, devices={"MFP1": ((9.0, 4.5), "COPIER")}), Style(),
                     "the copier MFP1 moved 5 m south"),
    "device_added": (BASE, replace(BASE, devices={**BASE.devices, "PR1": ((11.0, 4.5), "PRINTER")}),
                     Style(), "a printer PR1 added in 執務室"),
    "device_removed": (BASE, replace(BASE, devices={}), Style(), "the copier MFP1 is gone"),
    "cabinet_moved": (BASE, replace(BASE, cabinets={**BASE.cabinets, "CB2": ((10.5, 11.55), 1)}),
                      Style(), "cabinet CB2 moved 2.5 m east"),
    "cabinet_level": (BASE, replace(BASE, cabinets={**BASE.cabinets, "CB2": ((8.0, 11.55), 2)}),
                      Style(), "cabinet CB2 drawn as level 2 instead of 1"),
    "direct_level3": (BASE, with_door(BASE, "DR07", DIRECT_L3), Style(),
                      "a new door DR07 from 執務室 (L1) straight into サーバー室 (L3)"),
    "many": (BASE, replace(
        with_door(with_door(BASE, "DR03", DoorSpec((5, 10.5), (5, 11.4), (4, 11.0), "LOCKED")),
                  "DR07", DIRECT_L3),
        levels={**BASE.levels, "役員室": 1}, names={"書庫": "倉庫"},
        devices={"MFP1": ((9.0, 4.5), "PRINTER"), "PR2": ((11.0, 4.5), "PRINTER")},
        cabinets={"CB1": ((15.0, 11.55), 2), "CB2": ((8.0, 11.55), 2)}),
        Style(units="mm", rotate=90.0, origin=(1000.0, 2000.0)),
        "many changes at once, application drawing in mm, rotated and moved"),
}


def write_pair(name: str, folder: Path = OUT) -> Path:
    asis, application, style, _ = PAIRS[name]
    out = folder / name
    out.mkdir(parents=True, exist_ok=True)
    for floor, st, filename in ((asis, Style(), "asis.dxf"), (application, style, "application.dxf")):
        k = Kit(st)
        draw(k, floor)
        k.save(out / filename)
    return out


def _fixed_hash_seed() -> None:
    """Re-run under PYTHONHASHSEED=0 so that the written bytes are the same from run to run
    (ezdxf orders some OBJECTS by set iteration)."""
    if os.environ.get("PYTHONHASHSEED") != "0":
        env = {**os.environ, "PYTHONHASHSEED": "0"}
        os.execve(sys.executable, [sys.executable, __file__, *sys.argv[1:]], env)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("names", nargs="*", help="only these pairs")
    ap.add_argument("--list", action="store_true", help="list the pairs and exit")
    ap.add_argument("--out", type=Path, default=OUT, help="folder to write into")
    args = ap.parse_args(argv)
    if args.list:
        for name, (*_, what) in PAIRS.items():
            print(f"{name:18} {what}")
        return 0
    unknown = [n for n in args.names if n not in PAIRS]
    if unknown:
        ap.error(f"unknown pair(s): {', '.join(unknown)}")
    for name in args.names or PAIRS:
        print(write_pair(name, args.out))
    return 0


if __name__ == "__main__":
    _fixed_hash_seed()
    sys.exit(main())
