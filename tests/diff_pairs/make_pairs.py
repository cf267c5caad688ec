"""Blind test pairs for `osmark diff`, drawn from scratch (independent of the project's samples).

Run: python make_pairs.py OUTDIR      -> OUTDIR/NAME/{asis,application}.dxf for every pair

Every pair is a small office floor (20 m x 12 m) in the documented default layer convention:
WALL lines (door gaps cut out), DOOR blocks (hinge at the insertion point, ATTRIB ID/LOCK),
ZONE-L1..3 / ZONE-OPEN closed polylines on wall centre lines, APPLICATION-AREA, CABINET block
with ATTRIB ID/LEVEL, DEVICE blocks COPIER/PRINTER with ATTRIB ID, ROOM-NAME texts.

Base floor (metres):
  受付      OPEN  x0..6,  y0..12   entrance DR01 (west wall, LOCKED)
  執務室    L1    x6..16, y6..12   DR02 from 受付 (LOCKED); MFP1 copier (9,10.5); PR1 printer (14,8)
  書庫      L1    x16..20,y6..12   DR03 from 執務室 (UNLOCKED)
  役員室    L2    x12..20,y0..6    DR04 from 執務室 (LOCKED); cabinet CB1 level 2 (18,2)
  サーバー室 L3    x6..12, y0..6    DR05 from 役員室 (LOGGED); cabinet CB2 level 3 (8,1)

Expected files: NAME.expected.json beside this script (written by hand, only for pairs where
the tool was checked to be right), in this form:

  {"exit": 0 or 1,
   "changes": [[kind, change, subject], ...],      # sorted; kind/change as in osmark-plan/diff/1;
                                                   # subject = region name, door/device/cabinet ID,
                                                   # or for edges the two region names sorted, "a|b"
   "findings_new": [rule codes, sorted],
   "findings_resolved": [rule codes, sorted],
   "alignment_rotation_deg": number or null}       # null: not checked

`compare(outdir)` (used by the test file) compares the tool's JSON with these summaries.
"""
from __future__ import annotations

import copy
import json
import math
import subprocess
import sys
from pathlib import Path

import ezdxf
from ezdxf.math import Matrix44
from shapely.geometry import LineString
from shapely.ops import unary_union

HERE = Path(__file__).resolve().parent


# ---------------------------------------------------------------- floor description (metres)

def base() -> dict:
    """The as-is floor of most pairs."""
    return {
        "aa": [(0, 0), (20, 0), (20, 12), (0, 12)],
        "walls": [
            ((0, 0), (20, 0)), ((20, 0), (20, 12)), ((20, 12), (0, 12)), ((0, 12), (0, 0)),
            ((6, 0), (6, 12)), ((6, 6), (20, 6)), ((12, 0), (12, 6)), ((16, 6), (16, 12)),
        ],
        "zones": [  # name, level (0 = open), polygon, label position
            ["受付", 0, [(0, 0), (6, 0), (6, 12), (0, 12)], (3, 6)],
            ["執務室", 1, [(6, 6), (16, 6), (16, 12), (6, 12)], (11, 9)],
            ["書庫", 1, [(16, 6), (20, 6), (20, 12), (16, 12)], (18, 9)],
            ["役員室", 2, [(12, 0), (20, 0), (20, 6), (12, 6)], (16, 3)],
            ["サーバー室", 3, [(6, 0), (12, 0), (12, 6), (6, 6)], (9, 3)],
        ],
        "doors": [  # id, lock, hinge, other end of the threshold chord
            ["DR01", "LOCKED", (0, 10), (0, 10.9)],
            ["DR02", "LOCKED", (6, 8), (6, 8.9)],
            ["DR03", "UNLOCKED", (16, 9), (16, 9.9)],
            ["DR04", "LOCKED", (13, 6), (13.9, 6)],
            ["DR05", "LOGGED", (12, 2), (12, 2.9)],
        ],
        "devices": [["MFP1", "COPIER", (9, 10.5)], ["PR1", "PRINTER", (14, 8)]],
        "cabinets": [["CB1", 2, (18, 2)], ["CB2", 3, (8, 1)]],
    }


def _find(items, key):
    for it in items:
        if it[0] == key:
            return it
    raise KeyError(key)


# ---------------------------------------------------------------- writing DXF

def _blocks(doc, s: float, version: str) -> None:
    door = doc.blocks.new("DOOR")
    w = 0.9 * s
    door.add_line((0, 0), (0, w))                     # open leaf
    door.add_arc((0, 0), w, 0, 90)                    # swing
    door.add_attdef("ID", (0.1 * s, -0.3 * s), dxfattribs={"height": 0.15 * s})
    door.add_attdef("LOCK", (0.1 * s, -0.5 * s), dxfattribs={"height": 0.15 * s})
    for name, (bw, bh) in {"COPIER": (1.0, 0.7), "PRINTER": (0.6, 0.5)}.items():
        b = doc.blocks.new(name)
        _poly(b, [(-bw / 2 * s, -bh / 2 * s), (bw / 2 * s, -bh / 2 * s),
                  (bw / 2 * s, bh / 2 * s), (-bw / 2 * s, bh / 2 * s)], "0", version)
        b.add_attdef("ID", (0, 0), dxfattribs={"height": 0.15 * s})
    cab = doc.blocks.new("CAB")
    _poly(cab, [(-0.45 * s, -0.225 * s), (0.45 * s, -0.225 * s), (0.45 * s, 0.225 * s),
                (-0.45 * s, 0.225 * s)], "0", version)
    cab.add_attdef("ID", (0, 0), dxfattribs={"height": 0.15 * s})
    cab.add_attdef("LEVEL", (0, -0.2 * s), dxfattribs={"height": 0.15 * s})


def _poly(msp, pts, layer, version):
    if version == "R12":
        msp.add_polyline2d(pts, close=True, dxfattribs={"layer": layer})
    else:
        msp.add_lwpolyline(pts, close=True, dxfattribs={"layer": layer})


def write(spec: dict, path: Path, *, version: str = "R2018", scale: float = 1.0,
          matrix: Matrix44 | None = None, reverse: bool = False) -> None:
    """Write SPEC to PATH. scale 1000 = a millimetre drawing ($INSUNITS 4); matrix moves the
    finished drawing (rotation / translation / mirror); reverse writes every list backwards."""
    doc = ezdxf.new(version)
    if version == "R12":
        doc.header["$DWGCODEPAGE"] = "ANSI_932"
    doc.header["$INSUNITS"] = 4 if scale == 1000 else 6
    for name in ("WALL", "DOOR", "ZONE-L1", "ZONE-L2", "ZONE-L3", "ZONE-OPEN", "APPLICATION-AREA",
                 "CABINET", "DEVICE", "ROOM-NAME"):
        doc.layers.add(name)
    _blocks(doc, scale, version)
    msp = doc.modelspace()
    S = lambda p: (p[0] * scale, p[1] * scale)  # noqa: E731
    order = (lambda xs: list(reversed(xs))) if reverse else list

    chords = [LineString([d[2], d[3]]) for d in spec["doors"]]
    cut = unary_union([c.buffer(1e-6, cap_style=2) for c in chords]) if chords else None
    for a, b in order(spec["walls"]):
        g = LineString([a, b])
        if cut is not None:
            g = g.difference(cut)
        parts = [g] if g.geom_type == "LineString" else list(getattr(g, "geoms", []))
        for p in parts:
            if p.is_empty or p.length < 1e-6:
                continue
            c = list(p.coords)
            msp.add_line(S(c[0]), S(c[-1]), dxfattribs={"layer": "WALL"})

    _poly(msp, [S(p) for p in spec["aa"]], "APPLICATION-AREA", version)
    for name, level, pts, lab in order(spec["zones"]):
        layer = "ZONE-OPEN" if level == 0 else f"ZONE-L{level}"
        _poly(msp, [S(p) for p in pts], layer, version)
    for name, level, pts, lab in order(spec["zones"]):
        msp.add_text(name, height=0.3 * scale,
                     dxfattribs={"layer": "ROOM-NAME"}).set_placement(S(lab))
    for did, lock, a, b in order(spec["doors"]):
        ang = math.degrees(math.atan2(b[1] - a[1], b[0] - a[0]))
        ins = msp.add_blockref("DOOR", S(a), dxfattribs={"layer": "DOOR", "rotation": ang})
        ins.add_auto_attribs({"ID": did, "LOCK": lock})
    for did, kind, at in order(spec["devices"]):
        ins = msp.add_blockref(kind, S(at), dxfattribs={"layer": "DEVICE"})
        ins.add_auto_attribs({"ID": did})
    for cid, level, at in order(spec["cabinets"]):
        ins = msp.add_blockref("CAB", S(at), dxfattribs={"layer": "CABINET"})
        ins.add_auto_attribs({"ID": cid, "LEVEL": str(level)})
    if matrix is not None:
        for e in list(msp):
            e.transform(matrix)
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.saveas(path)


# ---------------------------------------------------------------- the pairs

def pairs() -> dict:
    """NAME -> (asis spec, asis write options, application spec, application write options)."""
    out = {}
    b = base()

    def add(name, app, asis_opts=None, app_opts=None, asis=None):
        out[name] = (asis or b, asis_opts or {}, app, app_opts or {})

    add("identical", b)
    add("version_r12", b, {"version": "R2018"}, {"version": "R12"})
    add("version_r2000", b, {"version": "R2018"}, {"version": "R2000"})
    add("shift_rot180", b, None,
        {"matrix": Matrix44.z_rotate(math.pi) @ Matrix44.translate(50, -30, 0)})
    add("mirrored", b, None, {"matrix": Matrix44.scale(-1, 1, 1)})
    add("mm", b, None, {"scale": 1000})
    add("reordered", b, None, {"reverse": True})

    s = copy.deepcopy(b); _find(s["zones"], "書庫")[1] = 2
    add("room_level", s)
    s = copy.deepcopy(b); _find(s["doors"], "DR04")[1] = "UNLOCKED"
    add("door_lock", s)
    s = copy.deepcopy(b)
    s["doors"].remove(_find(s["doors"], "DR02"))
    s["doors"].append(["DR06", "LOCKED", (6, 11), (6, 11.9)])        # 3 m further up, same wall
    add("door_swap", s)
    s = copy.deepcopy(b); d = _find(s["doors"], "DR02"); d[2], d[3] = (6, 10.5), (6, 11.4)
    add("door_moved", s)
    s = copy.deepcopy(b); _find(s["devices"], "MFP1")[2] = (10, 10.5)
    add("copier_moved_1m", s)
    s = copy.deepcopy(b); _find(s["devices"], "MFP1")[2] = (9.1, 10.5)
    add("copier_moved_01m", s)
    s = copy.deepcopy(b); _find(s["devices"], "MFP1")[1] = "PRINTER"
    add("device_kind", s)
    s = copy.deepcopy(b); _find(s["cabinets"], "CB1")[1] = 3
    add("cabinet_level", s)
    s = copy.deepcopy(b); s["doors"].append(["DR06", "LOGGED", (6, 3), (6, 3.9)])
    add("l3_opened", s)

    s = copy.deepcopy(b)
    s["walls"].append(((11, 6), (11, 12)))
    z = _find(s["zones"], "執務室"); z[2] = [(6, 6), (11, 6), (11, 12), (6, 12)]; z[3] = (8.5, 9)
    s["zones"].append(["会議室", 1, [(11, 6), (16, 6), (16, 12), (11, 12)], (13.5, 9.5)])
    s["doors"].append(["DR06", "UNLOCKED", (11, 7), (11, 7.9)])
    add("room_split", s)

    s = copy.deepcopy(b); _find(s["zones"], "書庫")[0] = "倉庫"
    add("room_renamed", s)

    s = copy.deepcopy(b)
    s["aa"] = [(0, 0), (28, 0), (28, 12), (0, 12)]
    s["walls"] = [w for w in s["walls"] if w != ((20, 12), (0, 12)) and w != ((0, 0), (20, 0))]
    s["walls"] += [((0, 0), (28, 0)), ((28, 0), (28, 12)), ((28, 12), (0, 12)), ((20, 6), (28, 6))]
    s["zones"].append(["会議室", 1, [(20, 6), (28, 6), (28, 12), (20, 12)], (24, 9)])
    s["zones"].append(["倉庫", 2, [(20, 0), (28, 0), (28, 6), (20, 6)], (24, 3)])
    s["doors"].append(["DR06", "UNLOCKED", (20, 8), (20, 8.9)])
    s["doors"].append(["DR07", "LOCKED", (24, 6), (24.9, 6)])
    add("wing_added", s)

    s = copy.deepcopy(b)
    _find(s["zones"], "書庫")[0] = "資料室"
    _find(s["zones"], "役員室")[1] = 1
    _find(s["devices"], "MFP1")[2] = (11, 10.5)
    _find(s["doors"], "DR03")[1] = "LOCKED"
    s["devices"].remove(_find(s["devices"], "PR1"))
    s["devices"].append(["PR2", "PRINTER", (18, 11)])
    _find(s["cabinets"], "CB2")[1] = 2
    d = _find(s["doors"], "DR02"); d[2], d[3] = (6, 9.5), (6, 10.4)
    add("many", s, None, {"scale": 1000,
                          "matrix": Matrix44.z_rotate(math.pi / 2) @ Matrix44.translate(1e6, 5e5, 0)})
    # extra probes
    s = copy.deepcopy(b)
    s["doors"].remove(_find(s["doors"], "DR02"))
    s["doors"].append(["DR06", "LOCKED", (6, 6.5), (6, 7.4)])          # 1.5 m further down
    add("door_swap_near", s)
    s = copy.deepcopy(b)
    s["doors"].remove(_find(s["doors"], "DR03"))
    s["doors"].append(["DR06", "UNLOCKED", (16, 6.1), (16, 7.0)])     # 2.9 m away
    add("door_swap_29", s)
    s = copy.deepcopy(b); s["doors"].append(["DR06", "LOGGED", (8, 0), (8.9, 0)])
    add("l3_outside", s)
    add("rot30_shift", b, None,
        {"matrix": Matrix44.z_rotate(math.radians(30)) @ Matrix44.translate(1000, 2000, 0)})
    add("rot90_1km2km", b, None,
        {"matrix": Matrix44.z_rotate(math.pi / 2) @ Matrix44.translate(1000, 2000, 0)})
    add("shift_small", b, None, {"matrix": Matrix44.translate(0.5, 0, 0)})
    add("shift_6m", b, None, {"matrix": Matrix44.translate(6, 0, 0)})
    s = copy.deepcopy(b); _find(s["devices"], "MFP1")[2] = (9.25, 10.5)
    add("copier_moved_025m", s)
    s = copy.deepcopy(b)
    _find(s["devices"], "MFP1")[2], _find(s["devices"], "PR1")[2] = (14, 8), (9, 10.5)
    add("devices_swapped", s)
    s = copy.deepcopy(b)
    _find(s["cabinets"], "CB1")[2], _find(s["cabinets"], "CB2")[2] = (8, 1), (18, 2)
    add("cabinets_swapped", s)
    s = copy.deepcopy(b); s["doors"].append(["DR06", "LOGGED", (12, 4), (12, 4.9)])
    add("l3_second_door_from_l2", s)
    return out


def main(outdir) -> list[str]:
    outdir = Path(outdir)
    names = []
    for name, (asis, ao, app, po) in pairs().items():
        write(asis, outdir / name / "asis.dxf", **ao)
        write(app, outdir / name / "application.dxf", **po)
        names.append(name)
    return names


# ---------------------------------------------------------------- expectations, by hand

R, D, E, V, C = "region", "door", "edge", "device", "cabinet"
NONE = {"exit": 0, "changes": [], "findings_new": [], "findings_resolved": []}


def _x(exit_, changes, new=(), resolved=(), rot=None):
    return {"exit": exit_, "changes": sorted([list(c) for c in changes]),
            "findings_new": sorted(new), "findings_resolved": sorted(resolved),
            "alignment_rotation_deg": rot}


# Written from the drawings above before running the tool. Pairs left out here are judgement
# calls (door_swap*: one door removed and another added up to 3 m away reads as "moved").
EXPECTED = {
    "identical": _x(0, []),
    "version_r2000": _x(0, []),
    "version_r12": _x(1, [], new=["DWG005"]),          # R12 has no $INSUNITS: units guessed
    "shift_rot180": _x(0, [], rot=180.0),
    "rot90_1km2km": _x(0, [], rot=270.0),               # the motion laid on the application drawing
    "rot30_shift": _x(0, [], rot=330.0),
    "shift_small": _x(0, [], rot=0.0),
    "shift_6m": _x(0, [], rot=0.0),
    "mm": _x(0, []),
    "reordered": _x(0, []),
    "room_level": _x(1, [(R, "level", "書庫")], new=["DOR001"]),  # its door DR03 is UNLOCKED
    "room_renamed": _x(1, [(R, "name", "書庫")]),
    "door_lock": _x(1, [(D, "lock", "DR04")], new=["DOR001"]),  # DR04 into 役員室 (L2)
    "door_moved": _x(1, [(D, "moved", "DR02")]),
    "copier_moved_1m": _x(1, [(V, "moved", "MFP1")]),
    "copier_moved_025m": _x(1, [(V, "moved", "MFP1")]),
    "copier_moved_01m": _x(0, []),
    "device_kind": _x(1, [(V, "kind", "MFP1")]),
    "cabinet_level": _x(1, [(C, "level", "CB1")]),
    "l3_opened": _x(1, [(E, "added-into-level3", "サーバー室|受付"), (D, "added", "DR06")],
                    new=["ACC001"]),
    "l3_outside": _x(1, [(E, "added-into-level3", "OUTSIDE|サーバー室"), (D, "added", "DR06")],
                     new=["ACC001", "ACC003", "ACC003"]),
    "l3_second_door_from_l2": _x(1, [(E, "added-into-level3", "サーバー室|役員室"),
                                     (D, "added", "DR06")]),
    "room_split": _x(1, [(R, "boundary", "執務室"), (R, "added", "会議室"), (D, "added", "DR06"),
                         (E, "added", "会議室|執務室"), (E, "added", "会議室|役員室"),
                         (E, "added", "会議室|書庫"), (E, "removed", "執務室|役員室"),
                         (E, "removed", "執務室|書庫")]),
    "wing_added": _x(1, [(R, "added", "会議室"), (R, "added", "倉庫"), (D, "added", "DR06"),
                         (D, "added", "DR07"), (E, "added", "会議室|書庫"),
                         (E, "added", "会議室|倉庫")]),
    "many": _x(1, [(R, "level", "役員室"), (R, "name", "書庫"), (D, "lock", "DR03"),
                   (D, "moved", "DR02"), (V, "moved", "MFP1"), (V, "removed", "PR1"),
                   (V, "added", "PR2"), (C, "level", "CB2")], new=["ACC002"], rot=270.0),
    # matched by ID: both moved (not "copier became printer")
    "devices_swapped": _x(1, [(V, "moved", "MFP1"), (V, "moved", "PR1")]),
    "cabinets_swapped": _x(1, [(C, "moved", "CB1"), (C, "moved", "CB2")]),
    # a mirror image is laid onto the as-is drawing, and is itself a difference
    "mirrored": _x(1, []),
}


def write_expected(folder=HERE) -> None:
    for name, exp in EXPECTED.items():
        (Path(folder) / f"{name}.expected.json").write_text(
            json.dumps(exp, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


# ---------------------------------------------------------------- comparing with the tool

def summarise(doc: dict, code: int) -> dict:
    """The tool's diff JSON in the expected-file form."""
    return {
        "exit": code,
        "changes": sorted([c["kind"], c["change"], c["subject"]] for c in doc["changes"]),
        "findings_new": sorted(f["rule"] for f in doc["findings"] if f["status"] == "new"),
        "findings_resolved": sorted(f["rule"] for f in doc["findings"] if f["status"] == "resolved"),
        "alignment_rotation_deg": doc["alignment"]["rotation_deg"],
    }


def compare(outdir, osmark=None) -> dict:
    """Run the tool on every pair with an expectation; NAME -> (expected, actual) for mismatches."""
    osmark = osmark or str(Path(sys.executable).with_name("osmark"))
    schema = json.loads((HERE.parents[1] / "osmark_plan/diff/schema_diff.json").read_text("utf-8"))
    import jsonschema
    main(outdir)
    bad = {}
    for name, exp in EXPECTED.items():
        d = Path(outdir) / name
        r = subprocess.run([osmark, "diff", str(d / "asis.dxf"), str(d / "application.dxf"),
                            "--format", "json", "--lang", "en", "-q"], capture_output=True, text=True)
        doc = json.loads(r.stdout)
        jsonschema.validate(doc, schema)
        got = summarise(doc, r.returncode)
        if exp["alignment_rotation_deg"] is None:
            got["alignment_rotation_deg"] = None
        if got != exp:
            bad[name] = (exp, got)
    return bad


if __name__ == "__main__":
    if sys.argv[1:2] == ["--compare"]:
        res = compare(sys.argv[2] if len(sys.argv) > 2 else "/tmp/diff_pairs")
        for k, (e, g) in res.items():
            print(k, "\n  expected", e, "\n  actual  ", g)
        print(f"{len(EXPECTED) - len(res)}/{len(EXPECTED)} pairs as expected")
        sys.exit(1 if res else 0)
    if sys.argv[1:2] == ["--write-expected"]:
        write_expected()
        sys.exit(0)
    print("\n".join(main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/diff_pairs")))
