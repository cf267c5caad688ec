"""Real drawings of the shared corpus, each with the osmark.toml a user would write
(tests/corpus/NAME/osmark.toml): rooms found from the walls, doors joining the right rooms,
units right. The numbers are what the tool finds today, checked against the drawings by eye;
docs/real-drawings.md has the table. Skipped when ../shared is absent.
"""

from pathlib import Path

import pytest

from osmark_plan.api import check_plan, load
from osmark_plan.config import load_file

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
HERE = Path(__file__).resolve().parent / "corpus"
FILES = {
    "barcelona_plan": "yorikvanhavre__barcelona-pavillion/plan.dxf",
    "barcelona_pabellon": "yorikvanhavre__barcelona-pavillion/pabellon de barcelona.dxf",
    "barcelona_plan_exported": "yorikvanhavre__barcelona-pavillion/plan exported.dxf",
    "a_mansion": "monozukuri-ai__ezjww/derived_by_ezjww/Ａマンション平面例.dxf",
    "mokuzo": "monozukuri-ai__ezjww/derived_by_ezjww/木造平面例.dxf",
    "mixedusage": "JuPedSim__jpseditor/mixedusage.dxf",
    "iso_office": "PedestrianDynamics__jupedsim/ISO-Office.dxf",
    "thehouse": "Evil-Spirit__TheHouseBuiltByProgrammer/plan.dxf",
}
pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent")


def run(name):
    cfg = load_file(HERE / name / "osmark.toml")
    plan = load(CORPUS / FILES[name], cfg)
    report = check_plan(plan, cfg)
    return plan, report


def joined(report):
    """{door id: frozenset of the two room names (or ids / OUTSIDE)}."""
    site = report.site
    return {link.id: frozenset((site.name_of(link.a), site.name_of(link.b)))
            for link in site.links if link.door is not None}


@pytest.mark.parametrize("name", sorted(FILES))
def test_every_corpus_drawing_checks_without_error(name):
    plan, report = run(name)
    assert report.site is not None
    assert not [run_.code for run_ in report.runs if run_.error]


def test_mixedusage_rooms_doors_and_units():
    plan, report = run("mixedusage")
    assert (plan.units, plan.scale) == ("m", 1.0)
    names = sorted(z.name or "-" for z in plan.zones)
    # seven labelled rooms, plus the unlabelled exit corridor between Office 3 and Office 4
    assert names == ["-", "Factory hall", "Hallway", "Office 1", "Office 2", "Office 3", "Office 4", "Office 5"]
    levels = {z.name: z.level for z in plan.zones}
    assert levels["Office 3"] == 2 and levels["Hallway"] == 1
    doors = sorted(joined(report).values(), key=sorted)
    expected = [frozenset({f"Office {k}", "Hallway"}) for k in range(1, 6)]
    expected.append(frozenset({"Factory hall", "Hallway"}))
    for pair in expected:
        assert pair in doors
    assert len(doors) == 7  # and the double door from the exit corridor to the outside
    assert sum(1 for p in doors if "OUTSIDE" in p) == 1
    # the doorless opening from the hallway into the exit corridor is an opening, and ENC001 says so
    assert len(plan.openings) == 1
    assert [f.rule for f in report.findings].count("ENC001") == 1


def test_barcelona_plan_annex_rooms_and_doors():
    plan, report = run("barcelona_plan")
    assert (plan.units, plan.units_source) == ("m", "$INSUNITS")
    assert len(plan.zones) == 4 and all(z.level_from == "assumed-open" for z in plan.zones)
    areas = sorted(round(z.polygon.area) for z in plan.zones)
    assert areas == [3, 3, 14, 20]  # four annex rooms
    # the glass light box (glass all round, no door, no name) is not a room one enters
    assert any(r.what == "faces not taken as rooms" and "1 window bays" in r.detail for r in plan.repairs)
    assert len(plan.doors) == 7
    pairs = list(joined(report).values())
    assert len(pairs) == 4 and sum(1 for p in pairs if "OUTSIDE" in p) == 1


def test_barcelona_pabellon_wrong_insunits_corrected_by_doors():
    plan, report = run("barcelona_pabellon")
    assert (plan.units, plan.units_source) == ("m", "doors")
    assert any(f.rule == "DWG005" for f in report.findings)


def test_a_mansion_sheet_scale_read_from_its_title():
    plan, report = run("a_mansion")
    assert (plan.units, plan.units_source, plan.sheet_scale) == ("mm", "scale-text", 100)
    minx, miny, maxx, maxy = report.site.aa.bounds
    assert 18 < maxx - minx < 20  # 3.7 + 3.7 + 4.0 + 3.7 + 3.7 m between grid lines, plus walls
    names = {z.name for z in plan.zones}
    assert {"洋室", "廊下", "階段", "ＥＶ", "ベランダ", "浴室"} <= names
    assert sum(1 for z in plan.zones if z.name == "洋室") == 4  # one per apartment
    # the wet rooms of each flat, opened to each other by doorways drawn as gaps, are split by
    # their names: 34 of the 43 rooms, every one named from the room-name layer, and the common
    # landing in front of the stairs, closed along the façade line (unnamed in the drawing)
    assert len(plan.zones) >= 30 and sum(1 for z in plan.zones if not z.name) == 1
    assert sum(1 for r in plan.repairs if r.what == "façade closed across a gap") == 1
    assert sum(1 for r in plan.repairs if r.what == "room split at a doorway drawn as a gap") >= 10


def test_iso_office_parameter_texts_name_no_room():
    plan, report = run("iso_office")
    # "number=1 radius=0.2" sits on an ignored layer: no room is named by it. The obstacles are
    # wall outlines with door gaps between them: twelve offices and the corridor, as a person
    # reads the plan, and the walkway between the two upper blocks and the walkable area round
    # them (both closed at the blocks' corners)
    assert len(plan.zones) == 15 and all(z.name is None for z in plan.zones)
    assert sum(1 for z in plan.zones if 7 < z.polygon.area < 13) == 12  # the offices


def test_mokuzo_single_layer_sheet_drawing():
    plan, report = run("mokuzo")
    assert plan.scale == pytest.approx(0.1) and plan.sheet_scale == 100
    named = {z.name for z in plan.zones if z.name}
    # 8 of the 9 room names; the living room is lost in its own flooring lines on the wall layer
    assert named == {"ＤＫ", "和室", "押入", "洗面所", "浴室", "トイレ", "玄関", "廊下"}
    assert len(plan.doors) >= 3  # door swings taken out of the single layer


def test_no_room_drawings_say_so():
    plan, report = run("thehouse")
    assert plan.zones == ()
    assert any(f.rule == "DWG006" and f.extra.get("missing") == "zone" for f in report.findings)
