"""The further rules beyond their case table: what the report says when a drawing carries no
such data, `osmark rules CODE`, their options in osmark.toml, the lock words, and the reader
carrying the new attributes and layers into the plan model."""

from __future__ import annotations

import json

import ezdxf
import pytest

from osmark_plan import naming
from osmark_plan.api import check, check_plan
from osmark_plan.cli import main
from osmark_plan.config import Config, ConfigError, from_mapping
from osmark_plan.engine import check_config
from osmark_plan.reader import read_plan
from osmark_plan.report.document import report_document
from osmark_plan.report.text import render
from osmark_plan.rules import KNOWN_RULES, get_rule

from plans import office
from rule_cases_further import CASES, cabinets, ROW_A, ROW_B, window, WIN_AA

FURTHER = ("DOR001", "DOR002", "DOR003", "WIN001", "WIN002", "EQP003", "CAB002", "CAB003",
           "CAB004", "CAB005", "AST001", "ZON003", "ZON005")


def run(plan, code, **options):
    config = Config(select=(code,), rule_options={code: options} if options else {})
    report = check_plan(plan, config)
    return report, report.runs[0]


# --- silent without data, and the report says so ------------------------------------------

@pytest.mark.parametrize("code, plan, en, ja", [
    ("DOR001", office, "no lock state on 1 of 1 doors into level 2", "施錠状態"),
    ("DOR002", office, "no lock state on 1 of 1 doors into level 3", "記載なし"),
    ("WIN001", lambda: window(WIN_AA, None), "no lock state on 1 of 1 windows", "窓"),
    ("WIN002", lambda: window(WIN_AA, None), "no lock state on 1 of 1 windows", "窓"),
    ("EQP003", office, "no main aisle drawn", "通路"),
    ("CAB002", lambda: cabinets((ROW_A, 2, {}), (ROW_B, 2, {})), "1 pairs of cabinets stand side by side",
     "LINKED"),
    ("CAB003", office, "no HEIGHT on 1 of 1 cabinets", "高さ"),
    ("CAB004", office, "none of FIXED, LINKED, HEAVY on 1 of 1 level-2/3 cabinets", "FIXED"),
    ("CAB005", office, "no lock state on 1 of 1 level-2/3 cabinets", "施錠状態"),
    ("AST001", office, "no protected asset drawn", "保護対象資産"),
])
def test_silent_without_data_and_says_so(code, plan, en, ja):
    report, run_ = run(plan(), code)
    assert not report.findings and run_.failed == 0 and run_.checked == 0
    assert en in run_.note["en"] and ja in run_.note["ja"]
    doc = report_document(report, "en")
    assert doc["rules"][0]["note"] == run_.note["en"]
    text = render(report, "en")
    assert f"{code}: {run_.note['en']} (0 checked)" in text
    assert run_.note["ja"] in render(report, "ja")


def test_counts_what_was_checked():
    from rule_cases_further import locks
    _report, run_ = run(locks(D3="LOCKED", D4="LOGGED"), "DOR001")
    assert run_.checked == 1 and run_.note is None
    _report, run_ = run(office(), "DOR003")
    assert run_.checked == 1  # the entrance D1


def test_every_further_rule_has_good_and_bad_cases():
    bad = {c.rule for c in CASES if c.expect > 0}
    good = {c.rule for c in CASES if c.expect == 0}
    assert set(FURTHER) <= bad and set(FURTHER) <= good
    assert all(sum(c.rule == code for c in CASES) >= 5 for code in FURTHER)


# --- the registry, `osmark rules` and the documentation ------------------------------------

@pytest.mark.parametrize("code", FURTHER)
def test_registered_and_documented(code, capsys):
    rule = get_rule(code)
    assert rule is not None and rule in KNOWN_RULES
    assert rule.severity == ("warning" if code in ("CAB003", "ZON005") else "error")
    assert rule.doc.count("\n") > 5 and rule.doc_ja.count("\n") > 5
    assert rule.summary["ja"] and rule.summary["en"]
    for variant in rule.messages.values():
        assert set(variant) == {"ja", "en"}
    assert main(["rules", code, "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert rule.name in out and rule.clause in out and "How to fix" in out
    for option in rule.options:
        assert option.name in out
    assert main(["rules", rule.name, "--lang", "ja"]) == 0
    out = capsys.readouterr().out
    assert "直し方" in out and code in out


def test_rules_list_names_them(capsys):
    assert main(["rules", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    for code in FURTHER:
        assert code in out


def test_eqp003_is_an_error_by_its_clause():
    """4.6.3 細則(1)b is a 細則: error (RULES.md's table says warning; the clause decides)."""
    rule = get_rule("EQP003")
    assert rule.clause == "4.6.3 細則(1)b" and rule.severity == "error"
    assert "RULES.md" in rule.doc


# --- options in osmark.toml ----------------------------------------------------------------

@pytest.mark.parametrize("table, message", [
    ({"EQP003": {"aisle_distance": "far"}}, "must be a number"),
    ({"EQP003": {"aisle_distance": -1}}, "must not be negative"),
    ({"CAB002": {"assume_unlinked": "yes"}}, "must be true or false"),
    ({"ZON003": {"names": [1, 2]}}, "must be a list of names"),
    ({"ZON005": {"names": {"a": 1}}}, "must be a list of names"),
    ({"ZON005": {"nearby": 2}}, "unknown option 'nearby'"),
    ({"DOR001": {"require_lock": 1}}, "must be true or false"),
])
def test_bad_options_are_config_errors(table, message):
    config = from_mapping({"rules": table}, "osmark.toml")
    with pytest.raises(ConfigError, match=message):
        check_config(config)


def test_options_by_name_and_single_string():
    config = from_mapping({"rules": {"near-fire-or-water": {"names": "*ラック*", "near_distance": 2}}})
    check_config(config)
    from rule_cases_further import labelled
    report = check_plan(labelled("サーバーラック", 12.5, 9), Config(select=("ZON005",),
                                                                   rule_options=config.rule_options))
    assert len(report.findings) == 1


def test_severity_and_ignore_by_code():
    from rule_cases_further import locks
    config = from_mapping({"severity": {"DOR001": "warning"}, "ignore": ["DOR002", "WIN"]})
    report = check_plan(locks(D3="OPEN", D4="LOCKED"), config)
    codes = {f.rule: f.severity for f in report.findings}
    assert codes.get("DOR001") == "warning" and "DOR002" not in codes
    assert not any(r.code.startswith("WIN") for r in report.runs)


# --- the lock vocabulary and attribute words ----------------------------------------------

@pytest.mark.parametrize("text, state", [
    ("常時施錠", "LOCKED"), ("施錠+入退室記録", "LOGGED"), ("施錠＋入退室記録", "LOGGED"),
    ("常時開錠", "UNLOCKED"), ("常時解錠", "UNLOCKED"), ("常時開放", "OPEN"), ("施錠不可", "NOLOCK"),
    ("錠なし", "NOLOCK"), ("NOLOCK", "NOLOCK"), ("no lock", "NOLOCK"), ("はめ殺し", "FIXED"),
    ("FIX", "FIXED"), ("オートロック", "LOCKED"), ("unlocked", "UNLOCKED"), ("窓", None),
])
def test_lock_words(text, state):
    assert naming.parse_lock(text) == state


@pytest.mark.parametrize("value, yes", [
    ("YES", True), ("y", True), ("有", True), ("あり", True), ("○", True), ("1", True),
    ("NO", False), ("無", False), ("なし", False), ("×", False), ("maybe", None), (None, None),
])
def test_yes_words(value, yes):
    assert naming.parse_yes(value) is yes


@pytest.mark.parametrize("value, metres", [
    ("1.8", 1.8), ("1800", 1.8), ("1800mm", 1.8), ("180cm", 1.8), ("H=2100", 2.1), ("１８００", 1.8),
    ("tall", None), ("", None),
])
def test_heights(value, metres):
    assert naming.parse_height(value) == (pytest.approx(metres) if metres else None)


@pytest.mark.parametrize("text, single", [
    ("SINGLE", True), ("1", True), ("1名", True), ("本人のみ", True), ("鍵管理者1名", True),
    ("鍵管理者１名", True), ("KEYHOLDER=SINGLE", True), ("2名", False), ("鍵管理者3名", False), ("", False),
])
def test_single_keyholder(text, single):
    assert naming.single_keyholder(text) is single


# --- the reader: new attributes and layers into the plan model -----------------------------

def _box(msp, x0, y0, x1, y1, layer):
    msp.add_lwpolyline([(x0, y0), (x1, y0), (x1, y1), (x0, y1)], close=True, dxfattribs={"layer": layer})


@pytest.fixture
def attributed(tmp_path):
    """A 10 m x 8 m floor: an L3 room with a LOCKED door and a 鍵管理者1名 tag, a window block
    with LOCK, a loose window line tagged はめ殺し, a window without a tag, cabinets with
    attributes and a lock word, an aisle, two assets."""
    doc = ezdxf.new("R2018")
    doc.header["$INSUNITS"] = 6
    msp = doc.modelspace()
    door = doc.blocks.new("DOOR")
    door.add_line((0, 0), (0, 0.9))
    door.add_arc((0, 0), 0.9, 0, 90)
    door.add_attdef("LOCK", (0.2, 0.2))
    win = doc.blocks.new("WIN")
    win.add_line((0, 0), (1.5, 0))
    win.add_line((0, 0.1), (1.5, 0.1))
    win.add_attdef("LOCK", (0.2, 0.3))
    cab = doc.blocks.new("CAB")
    for a, b in (((0, 0), (0.9, 0)), ((0.9, 0), (0.9, 0.45)), ((0.9, 0.45), (0, 0.45)), ((0, 0.45), (0, 0))):
        cab.add_line(a, b)
    for tag in ("LEVEL", "LINKED", "HEIGHT", "GROUP"):
        cab.add_attdef(tag, (0.1, 0.1))
    msp.add_lwpolyline([(0, 0), (10, 0), (10, 8), (0, 8)], close=True, dxfattribs={"layer": "WALL"})
    msp.add_line((6, 0), (6, 3), dxfattribs={"layer": "WALL"})
    msp.add_line((6, 3.9), (6, 8), dxfattribs={"layer": "WALL"})
    _box(msp, 0, 0, 10, 8, "APPLICATION-AREA")
    _box(msp, 6, 0, 10, 8, "ZONE-L3")
    _box(msp, 0, 0, 6, 8, "ZONE-L1")
    d = msp.add_blockref("DOOR", (6, 3), dxfattribs={"layer": "DOOR", "rotation": 90})
    d.add_attrib("LOCK", "常時施錠", (6.2, 3.2))
    msp.add_text("鍵管理者1名", dxfattribs={"layer": "DOOR-TAG", "insert": (5.6, 3.4), "height": 0.1})
    w = msp.add_blockref("WIN", (7, 8), dxfattribs={"layer": "WINDOW"})
    w.add_attrib("LOCK", "施錠不可", (7.2, 8.3))
    msp.add_line((10, 2), (10, 3.5), dxfattribs={"layer": "WINDOW"})
    msp.add_text("はめ殺し", dxfattribs={"layer": "WINDOW", "insert": (10.3, 2.7), "height": 0.1})
    msp.add_line((0, 5), (0, 6.5), dxfattribs={"layer": "WINDOW"})
    for x, linked in ((7.0, "YES"), (7.9, "YES")):
        c = msp.add_blockref("CAB", (x, 0.05), dxfattribs={"layer": "CABINET"})
        c.add_attrib("LEVEL", "3", (x, 1))
        c.add_attrib("LINKED", linked, (x, 1))
        c.add_attrib("HEIGHT", "1800", (x, 1))
        c.add_attrib("GROUP", "R1", (x, 1))
    msp.add_text("施錠+入退室記録", dxfattribs={"layer": "CABINET", "insert": (7.3, 0.65), "height": 0.1})
    msp.add_lwpolyline([(1, 4), (5, 4)], dxfattribs={"layer": "AISLE"})
    msp.add_text("重要度3 顧客台帳", dxfattribs={"layer": "ASSET", "insert": (2, 6), "height": 0.2})
    a = doc.blocks.new("ASSET-MARK")
    a.add_circle((0, 0), 0.1)
    a.add_attdef("重要度", (0, 0))
    ref = msp.add_blockref("ASSET-MARK", (8, 6), dxfattribs={"layer": "ASSET"})
    ref.add_attrib("重要度", "3", (8, 6))
    path = tmp_path / "attributed.dxf"
    doc.saveas(path)
    return path


def test_reader_carries_the_new_data(attributed):
    plan = read_plan(attributed, Config())
    (door,) = plan.doors
    assert door.lock == "LOCKED" and door.attrs.get("KEYHOLDER") == "SINGLE"
    locks = sorted((w.lock or "-") for w in plan.windows)
    assert locks == ["-", "FIXED", "NOLOCK"], [(w.id, w.lock, w.geom.wkt) for w in plan.windows]
    assert len(plan.lines_of("window")) == 4  # the line work still closes outlines
    assert len(plan.cabinets) == 2
    assert all(c.attrs["LINKED"] == "YES" and c.attrs["GROUP"] == "R1" for c in plan.cabinets)
    assert {c.lock for c in plan.cabinets} >= {"LOGGED"}
    assert len(plan.aisles) == 1
    assert sorted(a.importance for a in plan.assets) == [3, 3]


def test_rules_on_the_drawn_floor(attributed):
    report = check(attributed, Config(select=FURTHER))
    found = sorted((f.rule, tuple(s.id for s in f.subjects)) for f in report.findings)
    runs = {r.code: r for r in report.runs}
    # the L3 door is LOCKED with one key holder: DOR002 passes
    assert runs["DOR002"].checked == 1 and not [f for f in found if f[0] == "DOR002"]
    # the window block tagged 施錠不可 is on the AA and L3 boundary: WIN001 and WIN002
    assert [f[0] for f in found].count("WIN001") == 1 and [f[0] for f in found].count("WIN002") == 1
    assert runs["WIN001"].note and "1 of 3 windows" in runs["WIN001"].note["en"]
    # the importance-3 asset text in the L1 room is reported, the one in the L3 room is not
    assert [f for f in found if f[0] == "AST001"] == [("AST001", ("S2", "Z2"))]  # S1: the block
    # tall cabinets against the south wall without FIXED: CAB003 warnings
    assert [f[0] for f in found].count("CAB003") == 2
    # the linked pair in one GROUP passes CAB002
    assert runs["CAB002"].checked == 1 and not [f for f in found if f[0] == "CAB002"]


def test_json_report_has_notes(attributed, capsys):
    import jsonschema

    from osmark_plan.report.json_report import load_schema

    assert main(["check", str(attributed), "--format", "json", "--lang", "en",
                 "--select", "CAB005,AST001,WIN001"]) == 1
    doc = json.loads(capsys.readouterr().out)
    rules = {r["code"]: r for r in doc["rules"]}
    assert rules["CAB005"]["checked"] == 1 and "1 of 2 level-2/3 cabinets" in rules["CAB005"]["note"]
    assert rules["AST001"]["checked"] == 2 and rules["AST001"]["note"] is None
    assert "1 of 3 windows" in rules["WIN001"]["note"]
    jsonschema.validate(doc, load_schema())
