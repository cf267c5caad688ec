"""The engine: selection, options, severities, crashing rules, fingerprints, counts, order."""

from __future__ import annotations

from dataclasses import replace

import pytest
from shapely import affinity
from shapely.geometry import Point, box

from osmark_plan.api import build, check_plan
from osmark_plan.config import Config, ConfigError, from_mapping
from osmark_plan.engine import format_message, run_rules, select_rules
from osmark_plan.findings import Subject
from osmark_plan.model import Cabinet, Device, Plan, Rejected, Source
from osmark_plan.rules import ALL_RULES
from osmark_plan.rules.base import Violation, rule

from plans import door, office, segments, zone


def codes(config: Config) -> list[str]:
    return [r.code for r in select_rules(config)]


# --- selection -----------------------------------------------------------------------------

def test_select_all_by_default():
    assert codes(Config()) == [r.code for r in ALL_RULES]


def test_select_and_ignore_prefixes_and_names():
    assert codes(Config(select=("ACC",))) == ["ACC001", "ACC002", "ACC003"]
    assert codes(Config(select=("ENC001",))) == ["ENC001"]
    assert codes(Config(select=("ENC", "CAB"))) == ["ENC001", "ENC002", "CAB001", "CAB002", "CAB003",
                                                    "CAB004", "CAB005"]
    assert not [c for c in codes(Config(ignore=("DWG",))) if c.startswith("DWG")]
    assert codes(Config(select=("ENC",), ignore=("ENC002",))) == ["ENC001"]
    # the more specific token wins
    assert codes(Config(select=("ENC001",), ignore=("ENC",))) == ["ENC001"]
    assert codes(Config(select=("ENC001",), ignore=("ENC001",))) == []
    # kebab names, as the config loader upper-cases them
    cfg = from_mapping({"select": ["level3-direct-access", "EQP"], "ignore": ["output-device-near-entrance"]})
    assert codes(cfg) == ["ACC001", "EQP001", "EQP003"]


def test_unknown_select_or_ignore_token_is_a_config_error():
    with pytest.raises(ConfigError, match="XYZ"):
        select_rules(Config(select=("XYZ",)))
    with pytest.raises(ConfigError, match="ACC9"):
        select_rules(Config(ignore=("ACC9",)))


# --- options -------------------------------------------------------------------------------

def near_entrance_plan() -> Plan:
    plan = office()
    return replace(plan, zones=tuple(replace(z, level=2) if z.id == "Z1" else z for z in plan.zones))


def test_options_by_code_or_name_and_unknown_option_errors():
    plan = near_entrance_plan()
    assert len(check_plan(plan, Config(select=("ACC003",))).findings) == 1
    by_code = Config(select=("ACC003",), rule_options={"ACC003": {"entrance_distance": 2.9}})
    assert check_plan(plan, by_code).findings == ()
    by_name = from_mapping({"select": ["ACC003"],
                            "rules": {"high-level-near-entrance": {"entrance_distance": 2}}})
    assert check_plan(plan, by_name).findings == ()
    with pytest.raises(ConfigError, match="unknown option 'distance'"):
        check_plan(plan, Config(rule_options={"ACC003": {"distance": 2}}))
    with pytest.raises(ConfigError, match="NOPE001"):
        check_plan(plan, Config(rule_options={"NOPE001": {}}))
    with pytest.raises(ConfigError, match="must be a number"):
        check_plan(plan, Config(rule_options={"ACC003": {"entrance_distance": "far"}}))
    # an unknown option is an error even when its rule is not selected
    with pytest.raises(ConfigError):
        check_plan(plan, Config(select=("ENC",), rule_options={"EQP002": {"radius": 1}}))


# --- severity ------------------------------------------------------------------------------

def test_severity_override_by_code_and_name():
    plan = near_entrance_plan()
    default = check_plan(plan, Config(select=("ACC003",)))
    assert [f.severity for f in default.findings] == ["warning"]
    assert not default.has_errors
    raised = check_plan(plan, Config(select=("ACC003",), severity={"ACC003": "error"}))
    assert [f.severity for f in raised.findings] == ["error"]
    by_name = from_mapping({"select": ["ACC003"], "severity": {"high-level-near-entrance": "info"}})
    assert [f.severity for f in check_plan(plan, by_name).findings] == ["info"]


def test_severity_for_an_unknown_rule_is_a_config_error():
    with pytest.raises(ConfigError, match="XYZ001"):
        check_plan(office(), Config(severity={"XYZ001": "error"}))


def test_violation_severity_wins_over_rule_default_but_not_over_config():
    plan = office(areas=())  # DWG006 "no-area" is a warning although DWG006 defaults to error
    assert [f.severity for f in check_plan(plan, Config(select=("DWG006",))).findings] == ["warning"]
    forced = Config(select=("DWG006",), severity={"DWG006": "error"})
    assert [f.severity for f in check_plan(plan, forced).findings] == ["error"]


# --- crashing rules ------------------------------------------------------------------------

@rule("TST001", "always-crashes", "-", "warning", messages={"default": {"ja": "x", "en": "x"}},
      summary={"ja": "x", "en": "x"})
def crashing(site, ctx):
    """Raises after checking two things."""
    ctx.count(2)
    yield Violation(subjects=(Subject("region", "Z1"),))
    raise ZeroDivisionError("boom")


@rule("TST002", "bad-template", "-", "warning", messages={"default": {"ja": "{missing}", "en": "{missing}"}},
      summary={"ja": "x", "en": "x"})
def bad_template(site, ctx):
    """Yields a violation its template cannot format."""
    yield Violation(subjects=())


@rule("TST003", "twice", "-", "info", messages={"default": {"ja": "同じ {n}", "en": "same {n}"}},
      summary={"ja": "x", "en": "x"})
def twice(site, ctx):
    """Yields the very same violation twice."""
    ctx.count(5)
    for _ in range(2):
        yield Violation(subjects=(Subject("door", "D1"),), args={"n": {"ja": "一", "en": "one"}})


def test_a_crashing_rule_becomes_an_error_finding_and_others_still_run():
    site = build(office())
    report = run_rules(site, Config(), rules=(crashing, bad_template, twice))
    runs = {r.code: r for r in report.runs}
    assert runs["TST001"].error == "ZeroDivisionError: boom"
    assert runs["TST001"].checked == 2 and runs["TST001"].failed == 0
    assert runs["TST002"].error is not None and "missing" in runs["TST002"].error
    assert runs["TST003"].error is None and runs["TST003"].failed == 2 and runs["TST003"].checked == 5
    crash = [f for f in report.findings if f.rule == "TST001"]
    assert len(crash) == 1 and crash[0].severity == "error"
    assert "failed" in crash[0].text("en") and "boom" in crash[0].text("en")
    assert "失敗" in crash[0].text("ja")
    assert report.has_errors


def test_exact_duplicates_get_distinct_fingerprints_and_localised_args():
    report = run_rules(build(office()), Config(), rules=(twice,))
    prints = [f.fingerprint for f in report.findings]
    assert len(prints) == 2 and len(set(prints)) == 2
    assert [f.text("en") for f in report.findings] == ["same one"] * 2
    assert report.findings[0].text("ja") == "同じ 一"


def test_format_message_picks_variant_and_language():
    acc001 = next(r for r in ALL_RULES if r.code == "ACC001")
    v = Violation(subjects=(), message="outside",
                  args={"room": "金庫室", "door": {"ja": "扉 D1", "en": "door D1"}, "other": ""})
    out = format_message(acc001, v)
    assert "「金庫室」が扉 D1で外部" in out["ja"]
    assert "'金庫室' opens directly to the outside through door D1" in out["en"]


# --- fingerprints, positions -----------------------------------------------------------------

def busy_plan() -> Plan:
    """office() with a finding from many rules at once."""
    plan = office()
    zones = tuple(replace(z, level={"Z1": 2, "Z2": 0}.get(z.id, z.level)) for z in plan.zones)
    return replace(
        plan, zones=zones + (zone("Z9", box(1, 8, 4, 11), None, "倉庫"),),
        doors=plan.doors + (door("D9", (12, 3), (13, 3)),),
        devices=(Device("E9", box(2, 8, 3, 9), "COPIER", Source("DEVICE")),
                 Device("E8", box(4, 0.5, 4.5, 1), "FAX", Source("DEVICE"))),
        cabinets=(Cabinet("C9", box(1, 9, 2, 9.6), 3, Source("CABINET")),),
        rejected=(Rejected("zone-not-closed", "ZONE-L2", "1A", (5.0, 5.0)),),
        lines=tuple(ln for ln in plan.lines if ln.geom.bounds[0] > 0.01 or ln.geom.bounds[2] > 0.01)
        + tuple(segments("wall", [(0, 12), (0, 6)])),
    )


def translate_plan(plan: Plan, dx: float, dy: float) -> Plan:
    def t(g):
        return None if g is None else affinity.translate(g, dx, dy)

    def tp(p):
        return None if p is None else (p[0] + dx, p[1] + dy)

    return replace(
        plan,
        lines=tuple(replace(x, geom=t(x.geom)) for x in plan.lines),
        zones=tuple(replace(x, polygon=t(x.polygon)) for x in plan.zones),
        areas=tuple(replace(x, polygon=t(x.polygon)) for x in plan.areas),
        doors=tuple(replace(x, chord=t(x.chord), outline=t(x.outline)) for x in plan.doors),
        cabinets=tuple(replace(x, polygon=t(x.polygon)) for x in plan.cabinets),
        devices=tuple(replace(x, polygon=t(x.polygon)) for x in plan.devices),
        labels=tuple(replace(x, point=t(x.point)) for x in plan.labels),
        rejected=tuple(replace(x, at=tp(x.at)) for x in plan.rejected),
    )


def test_fingerprints_do_not_depend_on_coordinates():
    plan = busy_plan()
    before = check_plan(plan)
    after = check_plan(translate_plan(plan, 1000, 2000))
    rules_hit = {f.rule for f in before.findings}
    assert {"ENC002", "ACC001", "ACC003", "EQP001", "EQP002", "CAB001", "DWG001", "DWG002",
            "DWG004"} <= rules_hit
    assert [f.fingerprint for f in before.findings] == [f.fingerprint for f in after.findings]
    assert len({f.fingerprint for f in before.findings}) == len(before.findings)
    for a, b in zip(before.findings, after.findings):
        assert a.rule == b.rule and a.message == b.message
        if a.at is not None:
            assert b.at == pytest.approx((a.at[0] + 1000, a.at[1] + 2000))
            assert b.bbox == pytest.approx((a.bbox[0] + 1000, a.bbox[1] + 2000,
                                            a.bbox[2] + 1000, a.bbox[3] + 2000))


def test_at_is_the_centroid_and_bbox_the_bounds_of_where():
    report = check_plan(office(devices=(Device("E9", box(2, 8, 3, 9), "MFP", Source("DEVICE")),)),
                        Config(select=("EQP001",)))
    (f,) = report.findings
    assert f.at == pytest.approx((2.5, 8.5)) and f.bbox == pytest.approx((2, 8, 3, 9))
    assert Point(f.at).within(box(*f.bbox))


# --- counts and order -----------------------------------------------------------------------

def test_checked_counts_on_the_compliant_office():
    report = check_plan(office())
    assert report.findings == ()
    runs = {r.code: (r.checked, r.failed) for r in report.runs}
    assert runs["ENC001"] == (3, 0)  # three security zones
    assert runs["ACC001"] == (1, 0)  # one door touches the level-3 room
    assert runs["ACC002"] == (4, 0)  # four doors
    assert runs["ACC003"] == (3, 0)  # two level-2/3 regions and one level-2 cabinet
    assert runs["EQP001"] == (1, 0) and runs["CAB001"] == (1, 0)
    assert runs["DWG004"] == (4, 0) and runs["DWG007"] == (4, 0)
    assert all(r.error is None for r in report.runs)
    assert report.site is not None and report.plan.path == "office.dxf"


def test_findings_sorted_by_severity_then_rule():
    report = check_plan(busy_plan())
    order = {"error": 0, "warning": 1, "info": 2}
    keys = [(order[f.severity], f.rule) for f in report.findings]
    assert keys == sorted(keys)
    assert {f.severity for f in report.findings} >= {"error", "warning"}
