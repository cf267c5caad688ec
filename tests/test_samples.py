"""Golden samples: every drawing in samples/dxf/ gives exactly the findings written beside it.

``NAME.expected.json`` holds ``{"findings": [{"rule": CODE, "subjects": [...]}, ...]}``, written by
hand from the rule semantics. A finding matches when the rule is the same and its subjects pair
up one to one: same kind, and the same name when the expected subject gives a name, else the
same id when it gives an id, else the kind alone. Order does not matter (multisets).

Also: every sample's JSON report (ja and en) is valid against ``osmark_plan/report/schema.json``,
and every near miss fails its rule once the one quantity it sits close to crosses the threshold.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from expected import describe_actual, describe_expected, pair_findings

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "dxf"
DRAWINGS = sorted(SAMPLES.glob("*.dxf"))
EXPECTED = sorted(SAMPLES.glob("*.expected.json"))

SCHEMA = ROOT / "osmark_plan" / "report" / "schema.json"

RULE_CODES = {"ENC001", "ENC002", "ACC001", "ACC002", "ACC003", "EQP001", "EQP002", "EQP003",
              "CAB001", "CAB002", "CAB003", "CAB004", "CAB005", "AST001", "DOR001", "DOR002", "DOR003",
              "WIN001", "WIN002", "ZON001", "ZON002", "ZON003", "ZON004", "ZON005"} | {f"DWG00{i}" for i in range(1, 9)}
SUBJECT_KINDS = {"region", "door", "opening", "device", "cabinet", "zone", "application_area",
                 "outside", "drawing", "layer", "window", "aisle", "asset", "label", "place"}


def expected_of(dxf: Path) -> list[dict[str, Any]]:
    with open(dxf.with_suffix(".expected.json"), encoding="utf-8") as fh:
        return json.load(fh)["findings"]


@functools.cache
def report_of(dxf: Path) -> Any:
    """The report of one sample (checked once per test session)."""
    from osmark_plan.api import check

    return check(dxf)


def test_samples_exist() -> None:
    assert len(DRAWINGS) >= 15, [p.name for p in DRAWINGS]


def test_every_drawing_has_expected_findings_and_vice_versa() -> None:
    drawings = {p.stem for p in DRAWINGS}
    expected = {p.name.removesuffix(".expected.json") for p in EXPECTED}
    assert drawings - expected == set(), "drawings without NAME.expected.json"
    assert expected - drawings == set(), "NAME.expected.json without a drawing"


@pytest.mark.parametrize("path", EXPECTED, ids=lambda p: p.name)
def test_expected_file_is_well_formed(path: Path) -> None:
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    assert set(data) <= {"findings", "notes"}
    assert isinstance(data["findings"], list)
    for f in data["findings"]:
        assert set(f) == {"rule", "subjects"}
        assert f["rule"] in RULE_CODES, f["rule"]
        assert f["subjects"], f"{f['rule']}: a finding names at least one subject"
        for s in f["subjects"]:
            assert s["kind"] in SUBJECT_KINDS, s
            assert set(s) <= {"kind", "name", "id"}, s


def test_matching_is_exact_multiset() -> None:
    """The comparison itself: names win over ids, counts matter, extra findings show up."""
    from osmark_plan.findings import Subject

    class F:
        def __init__(self, rule: str, *subjects: Subject):
            self.rule, self.subjects = rule, subjects

    door = Subject("door", id="D3", name="DR03")
    room = Subject("region", id="Z2", name="サーバー室")
    want = [{"rule": "ACC001", "subjects": [{"kind": "door", "name": "DR03"},
                                            {"kind": "region", "name": "サーバー室"}]}]
    assert pair_findings(want, [F("ACC001", room, door)]) == ([], [])
    wrong_name = [{"rule": "ACC001", "subjects": [{"kind": "door", "name": "D3"},
                                                  {"kind": "region", "name": "サーバー室"}]}]
    assert pair_findings(wrong_name, [F("ACC001", room, door)])[0] == wrong_name
    twice = [F("ENC001", room), F("ENC001", room)]
    missing, extra = pair_findings([{"rule": "ENC001", "subjects": [{"kind": "region"}]}], twice)
    assert missing == [] and len(extra) == 1


@pytest.mark.parametrize("path", DRAWINGS, ids=lambda p: p.stem)
def test_sample_findings(path: Path) -> None:
    expected = expected_of(path)
    report = report_of(path)
    crashed = [r for r in report.runs if r.error]
    assert not crashed, f"rules crashed on {path.name}: " + "; ".join(f"{r.code}: {r.error}" for r in crashed)
    missing, unexpected = pair_findings(expected, list(report.findings))
    if missing or unexpected:
        lines = [f"{path.name}: findings differ from {path.stem}.expected.json"]
        lines += [f"  - missing:    {describe_expected(f)}" for f in missing]
        lines += [f"  + unexpected: {describe_actual(f)}" for f in unexpected]
        lines.append("  all findings:")
        lines += [f"      {describe_actual(f)}" for f in report.findings] or ["      (none)"]
        pytest.fail("\n".join(lines), pytrace=False)


def test_samples_are_up_to_date() -> None:
    """The committed drawings are what scripts/make_samples.py generates."""
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "make_samples.py"), "--check"],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "samples up to date" in proc.stdout


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("path", DRAWINGS, ids=lambda p: p.stem)
def test_json_report_matches_schema(path: Path, lang: str) -> None:
    """Every sample's JSON report, in both languages, is valid against the published schema."""
    import jsonschema

    from osmark_plan.report.document import report_document

    with open(SCHEMA, encoding="utf-8") as fh:
        schema = json.load(fh)
    validator = jsonschema.Draft202012Validator(schema)
    report = report_of(path)
    doc = json.loads(json.dumps(report_document(report, lang), ensure_ascii=False))
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:10])
    assert doc["lang"] == lang
    assert [f["rule"] for f in doc["findings"]] == [f.rule for f in report.findings]
    assert [f["message"] for f in doc["findings"]] == [f.text(lang) for f in report.findings]
    assert {r["code"] for r in doc["rules"]} >= {f.rule for f in report.findings}


def test_schema_is_a_valid_json_schema() -> None:
    import jsonschema

    with open(SCHEMA, encoding="utf-8") as fh:
        jsonschema.Draft202012Validator.check_schema(json.load(fh))


@functools.cache
def _make_samples() -> Any:
    """scripts/make_samples.py as a module (registered first: its dataclasses need that)."""
    spec = importlib.util.spec_from_file_location("make_samples", ROOT / "scripts" / "make_samples.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


#: near misses and the one change that makes each fail its rule: (sample, keyword, rule)
NEAR_MISSES = [
    ("near_enc002_small_gap", {"slit": 0.12}, "ENC002"),
    ("near_acc001_via_l2", {"anteroom_level": 0}, "ACC001"),
    ("near_acc002_chain", {"middle_level": 1}, "ACC002"),
    ("near_eqp002_3_5m", {"distance": 2.9}, "EQP002"),
    ("near_cab001_l1_office", {"x": 4.65}, "CAB001"),
    ("near_zon001_safe", {"safe_level": 2}, "ZON001"),
]


@pytest.mark.parametrize("name,change,rule", NEAR_MISSES, ids=[n for n, _c, _r in NEAR_MISSES])
def test_near_miss_is_near(name: str, change: dict[str, Any], rule: str, tmp_path: Path) -> None:
    """A near miss passes its rule, and one small change past the threshold fails it: the sample
    passes because it is just on the right side, not for some unrelated reason."""
    import ezdxf

    from osmark_plan.api import check

    assert rule not in {f.rule for f in report_of(SAMPLES / f"{name}.dxf").findings}
    samples = _make_samples()
    style, draw = samples.SAMPLES[name]
    fixed = ezdxf.options.write_fixed_meta_data_for_testing
    try:
        kit = samples.Kit(style)
        draw(kit, **change)
        kit.save(tmp_path / f"{name}.dxf")
    finally:
        ezdxf.options.write_fixed_meta_data_for_testing = fixed
    report = check(tmp_path / f"{name}.dxf")
    assert [f.rule for f in report.findings].count(rule) == 1, [
        describe_actual(f) for f in report.findings]


#: drawing habits a sample must survive unchanged: Style fields replaced (plan-frame metres)
HABITS = {
    "faces": lambda s: {"walls": "double", "outlines": "faces"},
    "moved": lambda s: {"rotate": s.rotate + 37.0, "origin": (12345.0, 67890.0)},
}


def _redraw(name: str, habit: str, folder: Path) -> Path:
    """One sample redrawn in another habit, into ``folder``."""
    import dataclasses

    import ezdxf

    samples = _make_samples()
    style, draw = samples.SAMPLES[name]
    fixed = ezdxf.options.write_fixed_meta_data_for_testing
    try:
        kit = samples.Kit(dataclasses.replace(style, **HABITS[habit](style)))
        draw(kit)
        path = folder / f"{name}.dxf"
        kit.save(path)
    finally:
        ezdxf.options.write_fixed_meta_data_for_testing = fixed
    return path


@pytest.mark.parametrize("habit", sorted(HABITS))
@pytest.mark.parametrize("path", DRAWINGS, ids=lambda p: p.stem)
def test_findings_survive_drawing_habits(path: Path, habit: str, tmp_path: Path) -> None:
    """The same office drawn another way gives the same findings: "faces" puts zones on the inner
    faces of double-line walls and the AA on their outer face; "moved" turns the plan a further
    37 degrees and shifts it 12 km / 68 km from the origin (site coordinates)."""
    from osmark_plan.api import check

    report = check(_redraw(path.stem, habit, tmp_path))
    missing, unexpected = pair_findings(expected_of(path), list(report.findings))
    assert not missing and not unexpected, (
        [describe_expected(f) for f in missing], [describe_actual(f) for f in unexpected])
