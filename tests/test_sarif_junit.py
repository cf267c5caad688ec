"""SARIF 2.1.0 (validated against the OASIS schema vendored in tests/schemas) and JUnit XML."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from xml.etree import ElementTree as ET

import jsonschema
import pytest

from osmark_plan import api
from osmark_plan.cli import main
from osmark_plan.report.junit import junit_tree
from osmark_plan.report.sarif import FINGERPRINT_KEY, sarif_log

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples" / "dxf"
#: the OASIS SARIF 2.1.0 (errata 01) schema; see tests/schemas/README.md for where it came from
SCHEMA = json.loads((Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def validate(log: dict) -> None:
    jsonschema.Draft4Validator.check_schema(SCHEMA)
    errors = sorted(jsonschema.Draft4Validator(SCHEMA).iter_errors(log), key=str)
    assert errors == [], errors[0].message if errors else ""


@pytest.fixture
def floor(tmp_path):
    src = SAMPLES / "enc001_gap.dxf"
    if not src.exists():
        pytest.skip("samples not generated")
    dst = tmp_path / "floor.dxf"
    shutil.copy(src, dst)
    return dst


def test_the_schema_rejects_a_broken_log():
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"version": "2.1.0", "runs": [{"results": []}]}, SCHEMA)


def test_sarif_of_a_check_is_valid_and_complete(floor, capsys):
    fp = api.check(floor).findings[0].fingerprint
    (floor.parent / "osmark-waivers.toml").write_text(
        f'[[waiver]]\nfingerprint = "{fp}"\nreason = "対策済み"\nby = "山田"\ndate = 2026-11-30\n'
        '[[waiver]]\nfingerprint = "0123456789abcdef"\nreason = "古い"\nby = "山田"\ndate = 2026-11-30\n',
        encoding="utf-8")
    assert main(["check", str(floor), "--format", "sarif", "--lang", "en"]) == 1
    log = json.loads(capsys.readouterr().out)
    validate(log)
    run, = log["runs"]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules][:1] == ["ENC001"]
    enc = rules[0]
    assert enc["name"] == "zone-enclosure" and enc["defaultConfiguration"]["level"] == "error"
    assert enc["properties"]["clause"].startswith("2.5") and "min_gap" in enc["help"]["text"]
    first, second = run["results"]
    assert [r["properties"]["number"] for r in run["results"]] == [1, 2]
    assert first["ruleId"] == "ENC001" and rules[first["ruleIndex"]]["id"] == "ENC001"
    assert first["level"] == "error"
    assert first["partialFingerprints"] == {FINGERPRINT_KEY: fp}
    assert first["suppressions"][0]["kind"] == "external"
    assert first["suppressions"][0]["justification"].startswith("対策済み — 山田, 2026-11-30")
    assert "suppressions" not in second
    location = first["locations"][0]
    assert location["physicalLocation"]["artifactLocation"]["uri"].endswith("floor.dxf")
    region = location["physicalLocation"]["properties"]
    assert region["units"] == "m" and region["at"] == [5.0, 11.1]
    assert {loc["kind"] for loc in location["logicalLocations"]} == {"region"}
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert any("0123456789abcdef" in n["message"]["text"] for n in notes)
    assert run["artifacts"][0]["hashes"]["sha-256"] == api.check(floor).plan.sha256


def test_sarif_levels_follow_severity():
    report = api.check(SAMPLES / "acc003.dxf")
    log = sarif_log([json.loads(api.render(report, "json"))])
    validate(log)
    levels = {r["ruleId"]: r["level"] for r in log["runs"][0]["results"]}
    assert levels == {f.rule: {"error": "error", "warning": "warning", "info": "note"}[f.severity]
                      for f in report.findings}


def test_junit_one_suite_per_floor_one_case_per_rule(floor, capsys):
    fp = api.check(floor).findings[0].fingerprint
    assert main(["check", str(floor), "--format", "junit", "--lang", "en"]) == 1
    root = ET.fromstring(capsys.readouterr().out)
    suite, = root.findall("testsuite")
    cases = suite.findall("testcase")
    assert len(cases) == int(suite.get("tests")) == int(root.get("tests"))
    assert all(c.get("name").split()[0].isalnum() for c in cases)
    failed = [c for c in cases if c.find("failure") is not None]
    assert [c.get("name") for c in failed] == ["ENC001 zone-enclosure"]
    assert failed[0].find("failure").get("message") == "2 error findings"
    assert "1. [error]" in failed[0].find("failure").text and "@ 5 m, 11.1 m" in failed[0].find("failure").text
    assert suite.get("failures") == "1" and suite.get("skipped") == "0"
    # both findings waived: the rule's testcase is skipped with the reasons, exit 0
    (floor.parent / "osmark-waivers.toml").write_text("".join(
        f'[[waiver]]\nfingerprint = "{f.fingerprint}"\nreason = "対策済み"\nby = "山田"\ndate = 2026-11-30\n'
        for f in api.check(floor).findings), encoding="utf-8")
    assert fp
    assert main(["check", str(floor), "--format", "junit"]) == 0
    root = ET.fromstring(capsys.readouterr().out)
    case = next(c for c in root.iter("testcase") if c.get("name").startswith("ENC001"))
    assert case.find("skipped").get("message") == "免除: 対策済み"
    assert root.get("failures") == "0" and root.get("skipped") == "1"


def test_junit_lists_unreadable_drawings_as_errors():
    doc = json.loads(api.render(api.check(SAMPLES / "office_ok.dxf"), "json"))
    root = junit_tree([doc], "en", failed=[("broken.dxf", "broken.dxf: not a DXF file")])
    assert [s.get("name") for s in root] == ["office_ok.dxf", "broken.dxf"]
    assert root.get("errors") == "1" and root.get("failures") == "0"


def test_exit_zero_keeps_usage_and_read_errors(floor, tmp_path, capsys):
    assert main(["check", str(floor), "--exit-zero", "-q"]) == 0
    bad = tmp_path / "bad.dxf"
    bad.write_text("not a drawing", encoding="utf-8")
    assert main(["check", str(bad), "--exit-zero"]) == 3
    assert main(["check", str(floor), "--exit-zero", "--select", "NOPE"]) == 2


def test_output_file_in_sarif(floor, tmp_path):
    out = tmp_path / "out.sarif"
    assert main(["check", str(floor), "--format", "sarif", "-o", str(out), "-q"]) == 1
    validate(json.loads(out.read_text(encoding="utf-8")))


def test_batch_gives_one_sarif_run_and_a_junit_suite_per_floor(tmp_path, capsys):
    floors = tmp_path / "floors"
    floors.mkdir()
    for name in ("enc001_gap.dxf", "office_ok.dxf"):
        shutil.copy(SAMPLES / name, floors / name)
    (floors / "broken.dxf").write_text("not a drawing", encoding="utf-8")
    sarif = tmp_path / "all.sarif"
    code = main(["batch", str(floors), "--out", str(tmp_path / "out"), "--no-images", "--jobs", "1",
                 "--format", "sarif", "-o", str(sarif), "--quiet"])
    assert code == 3
    log = json.loads(sarif.read_text(encoding="utf-8"))
    validate(log)
    run, = log["runs"]
    assert sorted(Path(a["location"]["uri"]).name for a in run["artifacts"]) == ["enc001_gap.dxf", "office_ok.dxf"]
    assert {Path(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]).name
            for r in run["results"]} == {"enc001_gap.dxf"}
    assert run["invocations"][0]["executionSuccessful"] is False
    assert any("broken.dxf" in n["message"]["text"] for n in run["invocations"][0]["toolExecutionNotifications"])
    code = main(["batch", str(floors / "enc001_gap.dxf"), str(floors / "office_ok.dxf"), "--out",
                 str(tmp_path / "out2"), "--no-images", "--jobs", "1", "--format", "junit", "--quiet"])
    assert code == 1
    root = ET.fromstring(capsys.readouterr().out)
    assert [s.get("name") for s in root.findall("testsuite")] == ["enc001_gap.dxf", "office_ok.dxf"]
    assert root.get("failures") == "1"
    assert main(["batch", str(floors / "enc001_gap.dxf"), "--out", str(tmp_path / "out3"), "--no-images",
                 "--jobs", "1", "--exit-zero", "--quiet"]) == 0
