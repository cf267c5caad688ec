"""Blind batch tester: build an input tree of small floors for `osmark batch`.

main(outdir) writes the tree; floors are drawn from the README's default layer convention.
Units mm ($INSUNITS=4). Floor: 24 m x 10 m application area; entrance door on the left wall
into an OPEN zone (x 0..6), a level-1 office (x 6..24), level-2 (x 14..24) nested in it,
and optionally level-3 (x 19..24) nested in level 2; doors 0.9 m at mid-height of each wall.
"""
from __future__ import annotations

import sys
from pathlib import Path

import ezdxf

W, H, DW = 24000.0, 10000.0, 900.0
Y0 = H / 2 - DW / 2


def _door_block(doc):
    if "DOOR900" in doc.blocks:
        return
    blk = doc.blocks.new("DOOR900")
    blk.add_line((0, 0), (0, DW), dxfattribs={"layer": "0"})          # open leaf
    blk.add_arc((0, 0), DW, 0, 90, dxfattribs={"layer": "0"})         # swing arc


def _vwall(msp, x, door: bool):
    if door:
        msp.add_line((x, 0), (x, Y0), dxfattribs={"layer": "WALL"})
        msp.add_line((x, Y0 + DW), (x, H), dxfattribs={"layer": "WALL"})
        msp.add_blockref("DOOR900", (x, Y0), dxfattribs={"layer": "DOOR", "rotation": 90})
    else:
        msp.add_line((x, 0), (x, H), dxfattribs={"layer": "WALL"})


def _rect(msp, layer, x0, y0, x1, y1):
    msp.add_lwpolyline([(x0, y0), (x1, y0), (x1, y1), (x0, y1)], close=True,
                       dxfattribs={"layer": layer})


def floor(path: Path, level3: bool = True, l3_name: str = "サーバー室"):
    doc = ezdxf.new("R2010", setup=False)
    doc.header["$INSUNITS"] = 4
    for n in ("WALL", "DOOR", "ZONE-L1", "ZONE-L2", "ZONE-L3", "ZONE-OPEN",
              "APPLICATION-AREA", "ROOM-NAME"):
        doc.layers.add(n)
    _door_block(doc)
    msp = doc.modelspace()
    msp.add_line((0, 0), (W, 0), dxfattribs={"layer": "WALL"})
    msp.add_line((0, H), (W, H), dxfattribs={"layer": "WALL"})
    _vwall(msp, W, door=False)
    _vwall(msp, 0, door=True)          # entrance
    _vwall(msp, 6000, door=True)       # open -> L1
    _vwall(msp, 14000, door=True)      # L1 -> L2
    _rect(msp, "APPLICATION-AREA", 0, 0, W, H)
    _rect(msp, "ZONE-OPEN", 0, 0, 6000, H)
    _rect(msp, "ZONE-L1", 6000, 0, W, H)
    _rect(msp, "ZONE-L2", 14000, 0, W, H)
    msp.add_text("受付", dxfattribs={"layer": "ROOM-NAME", "height": 300}).set_placement((2000, 8000))
    msp.add_text("執務室", dxfattribs={"layer": "ROOM-NAME", "height": 300}).set_placement((9000, 8000))
    msp.add_text("会議室", dxfattribs={"layer": "ROOM-NAME", "height": 300}).set_placement((15000, 8000))
    if level3:
        _vwall(msp, 19000, door=True)  # L2 -> L3
        _rect(msp, "ZONE-L3", 19000, 0, W, H)
        msp.add_text(l3_name, dxfattribs={"layer": "ROOM-NAME", "height": 300}).set_placement((20000, 8000))
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.saveas(path)


BUILDING_A = """name = "本社ビル"

[[floors]]
name = "1F"
file = "1F.dxf"
exposed = true

[[floors]]
name = "2F"
file = "2F.dxf"

[[floors]]
name = "3F"
file = "3F.dxf"
"""

BUILDING_B = """name = "支社"

[[floors]]
name = "B-1F"
file = "1F.dxf"

[[floors]]
name = "B-2F"
file = "2F.dxf"
"""

BUILDING_MISSING = """name = "欠番ビル"

[[floors]]
name = "M-1F"
file = "1F.dxf"

[[floors]]
name = "M-9F"
file = "9F.dxf"
"""

BAD_MANIFESTS = {
    "bad_exposed/building.toml": 'name = "x"\n\n[[floors]]\nname = "1F"\nfile = "1F.dxf"\nexposed = "yes"\n',
    "bad_key/building.toml": 'name = "x"\n\n[[floors]]\nname = "1F"\nfile = "1F.dxf"\ncolour = "red"\n',
    "bad_twice/building.toml": 'name = "x"\n\n[[floors]]\nname = "1F"\nfile = "1F.dxf"\n\n[[floors]]\nname = "1F"\nfile = "1F.dxf"\n',
    "bad_syntax/building.toml": 'name = "x\n[[floors]\n',
}


def main(outdir):
    root = Path(outdir)
    root.mkdir(parents=True, exist_ok=True)
    # single floors
    floor(root / "single" / "ok.dxf", level3=True)
    floor(root / "single" / "nol3.dxf", level3=False)
    # unreadable floors
    bad = root / "bad"
    bad.mkdir(parents=True, exist_ok=True)
    good = (root / "single" / "ok.dxf").read_bytes()
    (bad / "broken.dxf").write_bytes(good[: len(good) // 3])
    (bad / "empty.dxf").write_bytes(b"")
    (bad / "notdxf.dxf").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    # nested tree, upper case names, hidden folder
    floor(root / "tree" / "A" / "B" / "C" / "DEEP.DXF", level3=True)
    floor(root / "tree" / "A" / "Upper.Dxf", level3=True)
    floor(root / "tree" / "A" / "B" / "lower.dxf", level3=False)
    floor(root / "tree" / ".hidden" / "skip.dxf", level3=False)
    (root / "tree" / "A" / "notes.txt").write_text("not a drawing", encoding="utf-8")
    # Japanese names with spaces
    floor(root / "日本語 フォルダ" / "本社 3階 平面図.dxf", level3=True, l3_name="金庫室")
    floor(root / "日本語 フォルダ" / "サブ フォルダ" / "別館 1階.dxf", level3=False)
    # building A: 1F exposed with L3, 2F/3F without
    ba = root / "buildingA"
    floor(ba / "1F.dxf", level3=True)
    floor(ba / "2F.dxf", level3=False)
    floor(ba / "3F.dxf", level3=False)
    (ba / "building.toml").write_text(BUILDING_A, encoding="utf-8")
    # building B: no level-3 anywhere
    bb = root / "buildingB"
    floor(bb / "1F.dxf", level3=False)
    floor(bb / "2F.dxf", level3=False)
    (bb / "building.toml").write_text(BUILDING_B, encoding="utf-8")
    # building with a missing floor file
    bm = root / "buildingM"
    floor(bm / "1F.dxf", level3=True)
    (bm / "building.toml").write_text(BUILDING_MISSING, encoding="utf-8")
    # bad manifests
    for rel, text in BAD_MANIFESTS.items():
        p = root / "badmanifest" / rel
        floor(p.parent / "1F.dxf", level3=True)
        p.write_text(text, encoding="utf-8")
    # [building] in osmark.toml
    bc = root / "buildingC"
    floor(bc / "L1.dxf", level3=False)
    floor(bc / "L2.dxf", level3=True)
    (bc / "osmark.toml").write_text(
        '[building]\nname = "C棟"\n\n[[building.floors]]\nname = "C1"\nfile = "L1.dxf"\n'
        '\n[[building.floors]]\nname = "C2"\nfile = "L2.dxf"\nexposed = true\nin_application = false\n',
        encoding="utf-8")
    return root


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/batch_commands")
