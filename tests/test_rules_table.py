"""Every rule's good, bad and near-miss cases (rule_cases.py), through the real builder."""

from __future__ import annotations

import pytest

from osmark_plan.api import check_plan
from osmark_plan.config import Config
from osmark_plan.rules import ALL_RULES

from rule_cases import CASES as CORE_CASES
from rule_cases_further import CASES as FURTHER_CASES

CASES = CORE_CASES + FURTHER_CASES


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_rule_case(case):
    config = Config(select=(case.rule,), rule_options={case.rule: case.options} if case.options else {})
    report = check_plan(case.plan(), config)
    assert [run.code for run in report.runs] == [case.rule]
    assert report.runs[0].error is None
    found = [f for f in report.findings if f.rule == case.rule]
    assert len(found) == case.expect, [f.text("en") for f in found]
    assert report.runs[0].failed == case.expect
    if not found:
        return
    first = found[0]
    if case.subjects is not None:
        assert tuple(s.id for s in first.subjects) == case.subjects
    if case.en is not None:
        assert case.en in first.text("en"), first.text("en")
    if case.ja is not None:
        assert case.ja in first.text("ja"), first.text("ja")
    for key, value in case.extra.items():
        _match(first.extra[key], value, key)
    if case.clause is not None:
        assert first.clause == case.clause
    if case.severity is not None:
        assert first.severity == case.severity
    # every message is complete in both languages and has no unfilled field
    for lang in ("ja", "en"):
        assert first.message[lang] and "{" not in first.message[lang]


def _match(got, want, where: str) -> None:
    """``want`` matches ``got``: floats approximately, mappings as subsets."""
    if isinstance(want, dict):
        for key, value in want.items():
            _match(got[key], value, f"{where}.{key}")
    elif isinstance(want, float):
        assert got == pytest.approx(want, abs=1e-3), where
    else:
        assert got == want, where


def test_every_rule_has_a_bad_case():
    bad = {c.rule for c in CASES if c.expect > 0}
    good = {c.rule for c in CASES if c.expect == 0}
    codes = {r.code for r in ALL_RULES}
    assert codes <= bad and codes <= good


def test_dwg001_zone_enclosing_no_area(tmp_path):
    """A zone polyline whose points are collinear is reported, not dropped silently."""
    import ezdxf

    from osmark_plan.api import check

    doc = ezdxf.new("R2018")
    doc.header["$INSUNITS"] = 6
    msp = doc.modelspace()
    msp.add_lwpolyline([(0, 0), (10, 0), (10, 8), (0, 8)], close=True, dxfattribs={"layer": "WALL"})
    msp.add_lwpolyline([(0, 0), (10, 0), (10, 8), (0, 8)], close=True, dxfattribs={"layer": "ZONE-L3"})
    msp.add_lwpolyline([(1, 1), (3, 1), (5, 1)], close=True, dxfattribs={"layer": "ZONE-L1"})
    path = tmp_path / "flat.dxf"
    doc.saveas(path)
    found = [f for f in check(path).findings if f.rule == "DWG001"]
    assert len(found) == 1 and "encloses no area" in found[0].text("en")
