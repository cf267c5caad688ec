"""Blind configuration/option cases for osmark-plan, drawn from scratch with ezdxf.

main(outdir) writes each case as outdir/NAME/ : floor.dxf (or sub/floor.dxf) plus any
osmark.toml / pyproject.toml / custom.toml.

Base floor (mm, AA 0..24000 x 0..10000):
  open area x 0..6000 (entrance E1 on the bottom wall at x 2000..3000)
  L1 "執務室"   x 6000..16000          door open->L1 on x=6000, y 4000..5000
  L2 "役員室"   x 16000..24000, y 0..5000     door L1->L2 on x=16000, y 2000..3000
  L3 "サーバー室" x 16000..24000, y 5000..10000 door L2->L3 on y=5000, x 20000..21000
  MFP in L1 at (10000, 7000); L2 cabinet in L1 at (12000, 8500).
Variant near=True adds entrance E2 on the bottom wall x 13000..14000 straight into L1:
  L2 zone is 2.0 m from it, L3 zone sqrt(2^2+5^2)=5.39 m.
"""
from __future__ import annotations

import sys
from pathlib import Path

import ezdxf

S = 1000.0  # mm per metre


def _seg_minus(a, b, gaps):
    """Split segment a-b (axis aligned) removing gap intervals [(lo, hi)] along its axis."""
    (x1, y1), (x2, y2) = a, b
    horiz = y1 == y2
    lo, hi = (min(x1, x2), max(x1, x2)) if horiz else (min(y1, y2), max(y1, y2))
    pieces, cur = [], lo
    for g0, g1 in sorted(gaps):
        if g0 > cur:
            pieces.append((cur, g0))
        cur = max(cur, g1)
    if cur < hi:
        pieces.append((cur, hi))
    if horiz:
        return [((p, y1), (q, y1)) for p, q in pieces]
    return [((x1, p), (x1, q)) for p, q in pieces]


def door_block(doc, name="DOOR1000", w=1000.0):
    if name in doc.blocks:
        return name
    blk = doc.blocks.new(name)
    blk.add_line((0, 0), (0, w))                      # open leaf
    blk.add_arc((0, 0), w, 0, 90)                     # swing
    blk.add_attdef("ID", (0, 0), dxfattribs={"height": 100})
    blk.add_attdef("LOCK", (0, 200), dxfattribs={"height": 100})
    return name


def box_block(doc, name, w=600.0, h=600.0, attdefs=()):
    if name in doc.blocks:
        return name
    blk = doc.blocks.new(name)
    blk.add_lwpolyline([(-w / 2, -h / 2), (w / 2, -h / 2), (w / 2, h / 2), (-w / 2, h / 2)], close=True)
    for i, tag in enumerate(attdefs):
        blk.add_attdef(tag, (0, 100 * i), dxfattribs={"height": 100})
    return name


DEFAULT_LAYERS = dict(wall="WALL", door="DOOR", aa="APPLICATION-AREA", label="ROOM-NAME",
                      z1="ZONE-L1", z2="ZONE-L2", z3="ZONE-L3", zopen="ZONE-OPEN",
                      device="DEVICE", cabinet="CABINET")


def floor(path, *, layers=None, near=False, insunits=4, scale=1.0, names=True,
          level_labels=False, device=("MFP", None, (10000, 7000)), cabinet=("CAB", {"LEVEL": "2"}, (12000, 8500)),
          open_zone=False, door_locks=None, zone_attrib=None, extra=None, wall_offset=0.0,
          l1_gap=None, doorless_l1_l2=None):
    """Draw the base floor. Coordinates above are mm; `scale` converts (0.001 for metres)."""
    L = dict(DEFAULT_LAYERS)
    L.update(layers or {})
    doc = ezdxf.new("R2018", setup=True)
    doc.header["$INSUNITS"] = insunits
    msp = doc.modelspace()
    for name in set(L.values()):
        if name not in doc.layers:
            doc.layers.add(name)

    def P(x, y):
        return (x * scale, y * scale)

    def wall(a, b, gaps=()):
        for p, q in _seg_minus(a, b, gaps):
            if wall_offset:
                # offset horizontal walls in +y / vertical in +x (outline stays where it was)
                if p[1] == q[1]:
                    p, q = (p[0], p[1] + wall_offset), (q[0], q[1] + wall_offset)
                else:
                    p, q = (p[0] + wall_offset, p[1]), (q[0] + wall_offset, q[1])
            msp.add_line(P(*p), P(*q), dxfattribs={"layer": L["wall"]})

    bottom_gaps = [(2000, 3000)] + ([(13000, 14000)] if near else [])
    if l1_gap:
        bottom_gaps.append(l1_gap)
    wall((0, 0), (24000, 0), bottom_gaps)
    wall((24000, 0), (24000, 10000))
    wall((24000, 10000), (0, 10000))
    wall((0, 10000), (0, 0))
    wall((6000, 0), (6000, 10000), [(4000, 5000)])
    l1l2 = [(2000, 3000)] + ([doorless_l1_l2] if doorless_l1_l2 else [])
    wall((16000, 0), (16000, 10000), l1l2)
    wall((16000, 5000), (24000, 5000), [(20000, 21000)])

    blk = door_block(doc)
    locks = door_locks or {}
    doors = [("E1", (2000, 0), 0), ("D1", (6000, 4000), 90), ("D2", (16000, 2000), 90), ("D3", (20000, 5000), 0)]
    if near:
        doors.append(("E2", (13000, 0), 0))
    for did, (x, y), rot in doors:
        ins = msp.add_blockref(blk, P(x, y), dxfattribs={"layer": L["door"], "rotation": rot,
                                                         "xscale": scale, "yscale": scale})
        ins.add_auto_attribs({"ID": did, "LOCK": locks.get(did, "")})

    def poly(layer, pts):
        msp.add_lwpolyline([P(*p) for p in pts], close=True, dxfattribs={"layer": layer})

    def rect(x0, y0, x1, y1):
        return [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]

    poly(L["aa"], rect(0, 0, 24000, 10000))
    zones = [(L["z1"], rect(6000, 0, 16000, 10000), "執務室", "L1", (8000, 2000)),
             (L["z2"], rect(16000, 0, 24000, 5000), "役員室", "L2", (18000, 1000)),
             (L["z3"], rect(16000, 5000, 24000, 10000), "サーバー室", "L3", (18000, 8000))]
    if open_zone:
        zones.append((L["zopen"], rect(0, 0, 6000, 10000), "受付", "オープンエリア", (1000, 8000)))
    for lay, pts, nm, lv, (tx, ty) in zones:
        if zone_attrib and nm in zone_attrib:
            # zone drawn as an INSERT of a block holding the outline on layer 0, ATTRIB LEVEL
            bname = "ZBLK_" + str(len(doc.blocks))
            b = doc.blocks.new(bname)
            x0, y0 = pts[0]
            b.add_lwpolyline([(px - x0, py - y0) for px, py in pts], close=True)
            b.add_attdef("LEVEL", (100, 100), dxfattribs={"height": 100})
            ins = msp.add_blockref(bname, P(x0, y0), dxfattribs={"layer": lay, "xscale": scale, "yscale": scale})
            ins.add_auto_attribs({"LEVEL": zone_attrib[nm]})
        else:
            poly(lay, pts)
        if names:
            msp.add_text(nm, dxfattribs={"layer": L["label"], "height": 300 * scale}).set_placement(P(tx, ty))
        if level_labels:
            msp.add_text(lv, dxfattribs={"layer": L["label"], "height": 300 * scale}).set_placement(P(tx, ty - 600))

    if device:
        bname, attrs, (x, y) = device
        box_block(doc, bname, attdefs=tuple(attrs or ()))
        ins = msp.add_blockref(bname, P(x, y), dxfattribs={"layer": L["device"], "xscale": scale, "yscale": scale})
        if attrs:
            ins.add_auto_attribs(attrs)
    if cabinet:
        bname, attrs, (x, y) = cabinet
        box_block(doc, bname, 900, 450, attdefs=tuple(attrs or ()))
        ins = msp.add_blockref(bname, P(x, y), dxfattribs={"layer": L["cabinet"], "xscale": scale, "yscale": scale})
        if attrs:
            ins.add_auto_attribs(attrs)
    if extra:
        extra(doc, msp, P, L)
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.saveas(path)


CASES = {}


def case(fn):
    CASES[fn.__name__] = fn
    return fn


def w(p: Path, text: str):
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text, encoding="utf-8")


@case
def c01_base(d):
    floor(d / "floor.dxf")


@case
def c02_near_default(d):
    floor(d / "floor.dxf", near=True)


@case
def c03_severity_beside(d):
    floor(d / "floor.dxf", near=True)
    w(d / "osmark.toml", '[severity]\nACC003 = "error"\n')


@case
def c04_parent_folder_option(d):
    floor(d / "sub" / "floor.dxf", near=True)
    w(d / "osmark.toml", "[rules.ACC003]\nentrance_distance = 8\n")


@case
def c05_pyproject_kebab(d):
    floor(d / "floor.dxf", near=True)
    w(d / "pyproject.toml", '[project]\nname = "x"\n\n[tool.osmark.rules.high-level-near-entrance]\nentrance_distance = 1.5\n')


@case
def c06_config_wins(d):
    floor(d / "floor.dxf", near=True)
    w(d / "osmark.toml", '[severity]\nACC003 = "error"\n')
    w(d / "custom.toml", '[rules.ACC003]\nentrance_distance = 8\n')


@case
def c07_file_select(d):
    floor(d / "floor.dxf", near=True, device=("MFP", None, (12000, 2000)))
    w(d / "osmark.toml", 'select = ["EQP"]\n')


@case
def c08_cli_select_over_file(d):
    c07_file_select(d)


@case
def c09_ignore_name(d):
    floor(d / "floor.dxf", near=True)
    w(d / "osmark.toml", 'ignore = ["high-level-near-entrance"]\n')


@case
def c10_device_distance(d):
    floor(d / "floor.dxf", near=True, device=("MFP", None, (12000, 2000)))
    w(d / "osmark.toml", "[rules.EQP002]\ndevice_entrance_distance = 1.0\n")


@case
def c11_device_default(d):
    floor(d / "floor.dxf", near=True, device=("MFP", None, (12000, 2000)))


JP_LAYERS = dict(wall="KABE", door="TOBIRA", aa="申請範囲", label="部屋名", z1="ROOM-L1", z2="ROOM-L2",
                 z3="ROOM-L3", device="OA機器", cabinet="書庫")
JP_TOML = '''[layers]
wall = "^KABE$"
door = "^TOBIRA$"
zone = "^ROOM-L[0-9]$"
application_area = "^申請範囲$"
label = "^部屋名$"
device = "^OA機器$"
cabinet = "^書庫$"
'''


@case
def c12_layers_custom(d):
    floor(d / "floor.dxf", layers=JP_LAYERS, level_labels=True)
    w(d / "osmark.toml", JP_TOML)


@case
def c13_layers_custom_noconfig(d):
    floor(d / "floor.dxf", layers=JP_LAYERS, level_labels=True)


AIA_LAYERS = dict(wall="A-WALL", door="A-DOOR", aa="A-AREA-APPL", label="A-AREA-IDEN", z1="A-AREA-SECR",
                  z2="A-AREA-SECR", z3="A-AREA-SECR", device="A-EQPM", cabinet="A-FURN-FILE")


@case
def c14_profile_aia(d):
    floor(d / "floor.dxf", layers=AIA_LAYERS, level_labels=True, insunits=1, scale=1 / 25.4)
    w(d / "osmark.toml", 'profile = "aia"\n[layers]\napplication_area = "^A-AREA-APPL$"\n')


@case
def c15_units_file(d):
    floor(d / "floor.dxf", insunits=6)     # mm geometry declared as metres
    w(d / "osmark.toml", 'units = "mm"\n')


@case
def c16_units_cli_over_file(d):
    floor(d / "floor.dxf", insunits=6)
    w(d / "osmark.toml", 'units = "cm"\n')


@case
def c17_lang_file(d):
    floor(d / "floor.dxf", near=True)
    w(d / "osmark.toml", 'lang = "en"\n')


ZT = '''[zones]
"会議室*" = 1
"役員室" = 2
"サーバー室" = 3
"受付" = "open"
'''


def _zone_labels_only(d):
    def relabel(doc, msp, P, L):
        pass
    floor(d / "floor.dxf", layers=dict(z1="ZONE", z2="ZONE", z3="ZONE", zopen="ZONE"), open_zone=True,
          extra=None)
    # rename 執務室 -> 会議室A via a second pass
    doc = ezdxf.readfile(d / "floor.dxf")
    for t in doc.modelspace().query("TEXT"):
        if t.dxf.text == "執務室":
            t.dxf.text = "会議室A"
    doc.saveas(d / "floor.dxf")


@case
def c18_zone_table(d):
    _zone_labels_only(d)
    w(d / "osmark.toml", ZT)


@case
def c19_zone_table_missing(d):
    _zone_labels_only(d)


@case
def c20_cabinet_table(d):
    floor(d / "floor.dxf", cabinet=("CABX", {"ID": "CB9"}, (3000, 8000)))
    w(d / "osmark.toml", '[cabinets]\n"CB9" = 2\n')


@case
def c21_cabinet_levels(d):
    def more(doc, msp, P, L):
        box_block(doc, "CABL", 900, 450, attdefs=("ID", "LEVEL"))
        doc.layers.add("CABINET-L2")
        # layer CABINET-L2, no attrib -> level 2 in open area -> CAB001
        i = msp.add_blockref("CABL", P(1500, 6000), dxfattribs={"layer": "CABINET-L2"})
        i.add_auto_attribs({"ID": "CB2", "LEVEL": ""})
        # attrib LEVEL=1 on CABINET-L2 -> attribute wins -> level 1 -> no CAB001
        i = msp.add_blockref("CABL", P(1500, 7500), dxfattribs={"layer": "CABINET-L2"})
        i.add_auto_attribs({"ID": "CB3", "LEVEL": "1"})
        # closed polyline cabinet with label L3 inside, in open area -> CAB001
        msp.add_lwpolyline([P(3500, 8500), P(4400, 8500), P(4400, 8950), P(3500, 8950)], close=True,
                           dxfattribs={"layer": L["cabinet"]})
        msp.add_text("L3", dxfattribs={"layer": L["cabinet"], "height": 100}).set_placement(P(3700, 8650))
    floor(d / "floor.dxf", cabinet=("CABL0", {"ID": "CB1", "LEVEL": "3"}, (1500, 4500)), extra=more)


@case
def c22_device_kinds(d):
    def more(doc, msp, P, L):
        box_block(doc, "BOX", attdefs=("KIND",))
        for i, (kind, x) in enumerate([("複合機", 1000), ("PRINTER", 2500), ("FAX", 4000)]):
            r = msp.add_blockref("BOX", P(x, 9000), dxfattribs={"layer": L["device"]})
            r.add_auto_attribs({"KIND": kind})
        box_block(doc, "COPIER")
        msp.add_blockref("COPIER", P(1000, 6500), dxfattribs={"layer": L["device"]})
        # closed polyline with a label inside
        msp.add_lwpolyline([P(3000, 6200), P(3800, 6200), P(3800, 6800), P(3000, 6800)], close=True,
                           dxfattribs={"layer": L["device"]})
        msp.add_text("プリンタ", dxfattribs={"layer": L["device"], "height": 100}).set_placement(P(3100, 6400))
    floor(d / "floor.dxf", device=None, extra=more)


@case
def c23_zone_attrib_insert(d):
    floor(d / "floor.dxf", layers=dict(z1="ZONE", z2="ZONE", z3="ZONE"),
          zone_attrib={"執務室": "1", "役員室": "2", "サーバー室": "3"})


@case
def c24_locks(d):
    floor(d / "floor.dxf", door_locks={"E1": "常時施錠", "D1": "UNLOCKED", "D2": "LOCKED", "D3": "施錠+入退室記録"})


@case
def c25_wall_tolerance(d):
    floor(d / "floor.dxf", wall_offset=300)
    w(d / "osmark.toml", "[geometry]\nwall_tolerance = 0.4\n")


@case
def c26_wall_offset_default(d):
    floor(d / "floor.dxf", wall_offset=300)


@case
def c27_min_gap(d):
    floor(d / "floor.dxf", l1_gap=(9000, 9300))
    w(d / "osmark.toml", "[geometry]\nmin_gap = 0.5\n")


@case
def c28_min_gap_default(d):
    floor(d / "floor.dxf", l1_gap=(9000, 9300))


BAD = {
    "c30_bad_unknown_key": 'colour = "red"\n',
    "c31_bad_regex": '[layers]\nwall = "^(KABE$"\n',
    "c32_bad_type": '[rules.ACC003]\nentrance_distance = "far"\n',
    "c33_bad_select_code": 'select = ["XYZ999"]\n',
    "c34_bad_ignore_code": 'ignore = ["ACC999"]\n',
    "c35_bad_severity_code": '[severity]\nFOO001 = "error"\n',
    "c36_bad_severity_value": '[severity]\nACC003 = "fatal"\n',
    "c37_bad_rules_code": '[rules.NOPE1]\nx = 1\n',
    "c38_bad_option_name": '[rules.ACC003]\nentrance_dist = 8\n',
    "c39_bad_option_value": '[rules.ACC003]\nentrance_distance = -3\n',
    "c40_bad_units": 'units = "furlong"\n',
    "c41_bad_profile": 'profile = "revit"\n',
    "c42_bad_zone_level": '[zones]\n"サーバー室" = 7\n',
    "c43_bad_toml_syntax": 'select = ["ACC"\n',
    "c44_bad_geometry_key": '[geometry]\nwall_tol = 0.2\n',
    "c45_bad_lang": 'lang = "fr"\n',
}
for _n, _t in BAD.items():
    def _mk(d, _t=_t):
        floor(d / "floor.dxf")
        w(d / "osmark.toml", _t)
    _mk.__name__ = _n
    CASES[_n] = _mk


@case
def c46_device_kinds_jp(d):
    def more(doc, msp, P, L):
        box_block(doc, "BOX", attdefs=("KIND", "ID"))
        for i, kind in enumerate(["コピー", "MFP", "プリンタ", "ファクス", "COPIER"]):
            r = msp.add_blockref("BOX", P(800 + 1000 * i, 9000), dxfattribs={"layer": L["device"]})
            r.add_auto_attribs({"KIND": kind, "ID": "K%d" % i})
    floor(d / "floor.dxf", device=None, extra=more)


@case
def c47_non_output_kinds(d):
    """KIND=SHREDDER / PC on the device layer in the open area: not output devices."""
    def more(doc, msp, P, L):
        box_block(doc, "BOX", attdefs=("KIND", "ID"))
        for i, kind in enumerate(["SHREDDER", "PC"]):
            r = msp.add_blockref("BOX", P(1500 + 2000 * i, 9000), dxfattribs={"layer": L["device"]})
            r.add_auto_attribs({"KIND": kind, "ID": "K%d" % i})
    floor(d / "floor.dxf", device=None, extra=more)


@case
def c48_cabinet_levels_jp(d):
    def more(doc, msp, P, L):
        box_block(doc, "CABJ", 900, 450, attdefs=("LEVEL", "ID"))
        for i, lv in enumerate(["レベル2", "２", "OPEN"]):
            r = msp.add_blockref("CABJ", P(1000 + 1500 * i, 6000), dxfattribs={"layer": L["cabinet"]})
            r.add_auto_attribs({"LEVEL": lv, "ID": "CJ%d" % i})
    floor(d / "floor.dxf", cabinet=None, extra=more)


@case
def c49_lock_pattern(d):
    def more(doc, msp, P, L):
        doc.layers.add("DOOR-TAG")
        msp.add_text("鍵:LOGGED", dxfattribs={"layer": "DOOR-TAG", "height": 150}).set_placement(P(20300, 5300))
        msp.add_text("常時施錠", dxfattribs={"layer": L["label"], "height": 150}).set_placement(P(16300, 2300))
    floor(d / "floor.dxf", extra=more, door_locks={"E1": "常時開放", "D1": "常時開錠"})
    w(d / "osmark.toml", 'lock_pattern = "^鍵:(.*)$"\n')


@case
def c50_cli_select_vs_file_ignore(d):
    floor(d / "floor.dxf", near=True)
    w(d / "osmark.toml", 'ignore = ["ACC003"]\n')


@case
def c51_lang_cli_over_file(d):
    c17_lang_file(d)


@case
def c52_aia_cli_profile(d):
    floor(d / "floor.dxf", layers=AIA_LAYERS, level_labels=True, insunits=1, scale=1 / 25.4)
    w(d / "osmark.toml", '[layers]\napplication_area = "^A-AREA-APPL$"\n')


@case
def c53_enc001_option_table(d):
    floor(d / "floor.dxf", l1_gap=(9000, 9300))
    w(d / "osmark.toml", "[rules.zone-enclosure]\nmin_gap = 0.5\n")


BAD2 = {
    "c60_tb_zones_type": "zones = 3\n",
    "c61_tb_cabinets_type": 'cabinets = "x"\n',
    "c62_tb_geometry_type": "geometry = 1\n",
    "c63_tb_severity_type": 'severity = ["ACC003"]\n',
    "c64_tb_lock_pattern_type": "lock_pattern = 3\n",
    "c65_bad_empty_regex": '[layers]\nwall = ""\n',
    "c66_bad_nan_distance": "[rules.ACC003]\nentrance_distance = nan\n",
    "c67_bad_rays_float": "[rules.EQP002]\nenclosure_rays = 2.5\n",
    "c68_bad_coverage": "[rules.EQP002]\nenclosure_coverage = 5\n",
}
for _n, _t in BAD2.items():
    def _mk(d, _t=_t):
        floor(d / "floor.dxf")
        w(d / "osmark.toml", _t)
    _mk.__name__ = _n
    CASES[_n] = _mk


def main(outdir):
    out = Path(outdir)
    for name, fn in CASES.items():
        fn(out / name)
    return sorted(CASES)


if __name__ == "__main__":
    print(main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/config_cases"))
