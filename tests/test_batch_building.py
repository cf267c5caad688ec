"""Building manifests, per-floor facts, the building rules, discovery and rule selection."""

from __future__ import annotations

from pathlib import Path

import pytest

from batch_tree import SAMPLES, make_tree
from osmark_plan.api import check
from osmark_plan.batch.discover import discover
from osmark_plan.batch.floors import output_names, settle_rules
from osmark_plan.building import (Building, FloorFacts, FloorSpec, facts_from_document, from_table,
                                  load_manifest)
from osmark_plan.config import Config, ConfigError
from osmark_plan.engine import run_rule
from osmark_plan.report.document import report_document
from osmark_plan.rules.building import BUILDING_ONLY_RULES, BUILDING_RULES


def facts(name: str) -> dict:
    path = SAMPLES / f"{name}.dxf"
    if not path.exists():
        pytest.skip("samples not generated")
    return facts_from_document(report_document(check(path), "en"))


def floor(name: str, sample: str, exposed=False, in_application=True) -> FloorFacts:
    from osmark_plan.building import floor_facts

    return floor_facts(FloorSpec(name, f"{sample}.dxf", exposed, in_application), f"{sample}.dxf", facts(sample))


def run(rule_code: str, *floors: FloorFacts):
    rule = next(r for r in BUILDING_RULES if r.code == rule_code)
    return run_rule(rule, Building("B", "building.toml", floors), Config())[0]


# -- facts ---------------------------------------------------------------------------------


def test_facts_from_real_floors():
    ok = facts("office_ok")
    assert ok["level3_regions"] == [["Z5", "サーバー室"]] and ok["level3_cabinets"] == []
    assert ok["all_level3"] is False and ok["inner_level3"] is True and ok["regions"] == 5
    z1 = facts("zon001")
    assert z1["level3_regions"] == [] and z1["level3_cabinets"] == []
    z2 = facts("zon002")
    assert z2["all_level3"] is True and z2["inner_level3"] is False and z2["regions"] == 1
    cab = facts("near_zon002_cabinet")
    assert cab["all_level3"] is True and cab["level3_cabinets"] == [["C1", "CB1"]]


def test_document_lists_cabinets_with_level_and_place():
    doc = report_document(check(SAMPLES / "near_zon002_cabinet.dxf"), "en")
    assert [(c["id"], c["name"], c["level"], c["in_aa"]) for c in doc["cabinets"]] == [("C1", "CB1", 3, True)]
    assert len(doc["cabinets"][0]["at"]) == 2


# -- rules ---------------------------------------------------------------------------------


def test_zon001_level3_on_some_floor_is_enough():
    assert run("ZON001", floor("1F", "office_ok"), floor("2F", "zon001")) == []
    found = run("ZON001", floor("1F", "zon001"), floor("2F", "zon001"), floor("B1", "office_ok", in_application=False))
    assert [(f.rule, f.severity) for f in found] == [("ZON001", "error")]
    assert found[0].subjects[0].kind == "building" and found[0].extra["floors"] == ["1F", "2F"]
    assert "1F, 2F" in found[0].message["en"] and "1F, 2F" in found[0].message["ja"]


def test_zon002_across_floors():
    assert [f.rule for f in run("ZON002", floor("2F", "zon002"), floor("3F", "zon002"))] == ["ZON002"]
    # a level-3 cabinet on another all-level-3 floor, or a floor that is not all level 3
    assert run("ZON002", floor("2F", "zon002"), floor("3F", "near_zon002_cabinet")) == []
    assert run("ZON002", floor("2F", "zon002"), floor("3F", "office_ok")) == []
    # a floor outside the application area does not count
    assert run("ZON002", floor("2F", "zon002"), floor("B1", "office_ok", in_application=False)) != []


def test_zon004_level3_region_on_exposed_floor():
    found = run("ZON004", floor("1F", "office_ok", exposed=True), floor("2F", "office_ok"))
    assert [(f.rule, f.severity, f.extra["floor"]) for f in found] == [("ZON004", "warning", "1F")]
    assert "サーバー室" in found[0].message["ja"] and "1F" in found[0].message["en"]
    assert run("ZON004", floor("1F", "zon001", exposed=True), floor("2F", "office_ok")) == []
    # cabinets do not count; floors outside the application area do not count
    cabinet_only = FloorFacts("1F", "1F.dxf", exposed=True, in_application=True,
                              level3_cabinets=(("C1", "CB1"),), regions=3)
    assert run("ZON004", cabinet_only) == []
    assert run("ZON004", floor("1F", "office_ok", exposed=True, in_application=False)) == []


def test_zon004_fingerprint_is_stable_per_floor():
    a = run("ZON004", floor("1F", "office_ok", exposed=True), floor("GF", "office_ok", exposed=True))
    assert len({f.fingerprint for f in a}) == 2
    b = run("ZON004", floor("1F", "office_ok", exposed=True))
    assert b[0].fingerprint == a[0].fingerprint


def test_building_rules_are_documented_like_the_others():
    assert [r.code for r in BUILDING_RULES] == ["ZON001", "ZON002", "ZON004"]
    assert [r.code for r in BUILDING_ONLY_RULES] == ["ZON004"]
    for rule in BUILDING_RULES:
        assert rule.doc and set(rule.summary) == {"ja", "en"}
        for variant in rule.messages.values():
            assert set(variant) == {"ja", "en"}


# -- rule selection --------------------------------------------------------------------------


def test_settle_rules():
    floor_cfg, whole, rules = settle_rules(Config(), building=True)
    assert "ZON001" not in floor_cfg.select and "ACC001" in floor_cfg.select
    assert [r.code for r in rules] == ["ZON001", "ZON002", "ZON004"]
    floor_cfg, _, rules = settle_rules(Config(select=("ZON004",)), building=False)
    assert floor_cfg.select == ("ALL",) and floor_cfg.ignore == ("ALL",)
    assert [r.code for r in rules] == ["ZON004"]
    floor_cfg, whole, rules = settle_rules(Config(ignore=("ZON",), severity={"ZON004": "error"},
                                                  rule_options={}), building=False)
    assert "ZON001" not in floor_cfg.select and rules == ()
    assert floor_cfg.severity == {} and whole.severity == {"ZON004": "error"}
    with pytest.raises(ConfigError, match="ZON009"):
        settle_rules(Config(select=("ZON009",)), building=False)


def test_configured_severity_applies_to_building_rules():
    _, whole, rules = settle_rules(Config(severity={"ZON004": "error"}), building=True)
    rule = next(r for r in rules if r.code == "ZON004")
    found = run_rule(rule, Building("B", "b.toml", (floor("1F", "office_ok", exposed=True),)), whole)[0]
    assert found[0].severity == "error"


# -- manifests -------------------------------------------------------------------------------


def test_manifest_loading(tmp_path):
    root = make_tree(tmp_path)
    m = load_manifest(root / "bldg_a" / "building.toml")
    assert m.name == "本社ビル" and [f.name for f in m.floors] == ["1F", "2F"]
    assert m.floors[0].exposed and m.floors[0].in_application and not m.floors[1].exposed
    assert m.files(m.floors[0]) == [(root / "bldg_a" / "1F.dxf").resolve()]
    # a [building] table inside a building.toml, and a glob
    (root / "b.toml").write_text('[building]\nname = "X"\n[[building.floors]]\nname = "all"\n'
                                 'file = "bldg_b/*.dxf"\n', encoding="utf-8")
    m = load_manifest(root / "b.toml")
    assert [p.name for p in m.files(m.floors[0])] == ["2F.dxf", "3F.dxf", "B1.dxf"]


@pytest.mark.parametrize("table, message", [
    ({}, "floors must be a non-empty list"),
    ({"floors": [{"name": "1F"}]}, "floors[0].file"),
    ({"floors": [{"file": "a.dxf"}]}, "floors[0].name"),
    ({"floors": [{"name": "1F", "file": "a.dxf", "exposed": 1}]}, "floors[0].exposed must be true or false"),
    ({"floors": [{"name": "1F", "file": "a.dxf", "in_application": "no"}]}, "floors[0].in_application"),
    ({"floors": [{"name": "1F", "file": "a.dxf", "level": 3}]}, "unknown key(s): level"),
    ({"floors": [{"name": "1F", "file": "a.dxf"}, {"name": "1F", "file": "b.dxf"}]}, "named twice"),
    ({"name": 3, "floors": [{"name": "1F", "file": "a.dxf"}]}, "name must be"),
    ({"owner": "x", "floors": []}, "owner"),
])
def test_manifest_errors_name_file_and_key(table, message):
    with pytest.raises(ConfigError) as err:
        from_table(table, "/data/osmark.toml", "building.")
    assert message in str(err.value) and "/data/osmark.toml" in str(err.value)


def test_bad_toml_is_a_config_error(tmp_path):
    bad = tmp_path / "building.toml"
    bad.write_text("[[floors]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="building.toml: not valid TOML"):
        load_manifest(bad)


# -- discovery and output names ------------------------------------------------------------


def test_discover_files_folders_globs(tmp_path):
    root = make_tree(tmp_path)
    found = discover([str(root / "loose"), str(root / "loose" / "acc001.dxf"), str(root / "bldg_*" / "2F.dxf"),
                      str(root / "nothing*.dxf"), str(root / "gone.dxf")])
    assert [p.relative_to(root).as_posix() for p in found.drawings] == [
        "bldg_a/2F.dxf", "bldg_b/2F.dxf", "loose/acc001.dxf", "loose/ok.DXF"]
    assert found.manifests == [] and found.missing == [str(root / "nothing*.dxf"), str(root / "gone.dxf")]
    found = discover([str(root)])
    assert [p.name for p in found.manifests] == ["building.toml"]
    assert len(found.drawings) == 8 and "skip.dxf" not in {p.name for p in found.drawings}


def test_output_names_are_unique_and_below_the_common_folder(tmp_path):
    paths = [tmp_path / "a" / "3F.dxf", tmp_path / "b" / "3F.dxf", tmp_path / "b" / "3F.DXF"]
    names = output_names(paths)
    assert [names[p] for p in paths] == ["a/3F", "b/3F", "b/3F_2"]
    assert output_names([Path("/x/y/one.dxf")]) == {Path("/x/y/one.dxf"): "one"}
