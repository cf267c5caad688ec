"""The level-3 facts a building check takes from each floor's report (building.py): only
level-3 rooms inside the application area and level-3 cabinets in a security area count, and
a separate level-3 room must be reachable (4.5.4 保管庫(1), 4.5.5 細則(1))."""

from __future__ import annotations

from dataclasses import replace

from shapely.geometry import box

from osmark_plan.api import check_plan
from osmark_plan.building import facts_from_document
from osmark_plan.model import Cabinet, Source
from osmark_plan.report.document import report_document

from rule_cases import all_level3, with_level3_outside, with_levels


def facts(plan):
    return facts_from_document(report_document(check_plan(plan), "en"))


def test_a_level3_zone_outside_the_aa_is_no_level3_room():
    got = facts(with_level3_outside())
    assert got["level3_regions"] == []
    doc = report_document(check_plan(with_level3_outside()), "en")
    assert {r["name"]: r["in_aa"] for r in doc["regions"]}["書庫"] is False


def test_only_cabinets_in_a_security_area_count():
    plan = replace(with_levels(Z3=2), cabinets=(
        Cabinet("C1", box(1, 9, 2, 9.6), 3, Source("CABINET")),  # open area
        Cabinet("C2", box(22, 9, 23, 9.6), 3, Source("CABINET")),  # outside
        Cabinet("C3", box(12, 11, 13, 11.6), 3, Source("CABINET")),  # 役員室 (L2)
    ))
    doc = report_document(check_plan(plan), "en")
    cab = {c["id"]: (c["region"], c["in_security_area"]) for c in doc["cabinets"]}
    assert cab == {"C1": ("O1", False), "C2": ("OUTSIDE", False), "C3": ("Z2", True)}
    assert facts(plan)["level3_cabinets"] == [["C3", None]]


def test_a_doorless_closet_is_no_separate_level3_room():
    assert facts(all_level3(closet=True))["inner_level3"] is False
    assert facts(all_level3(nested_room=True))["inner_level3"] is True
    assert facts(all_level3(zone_outside=1))["all_level3"] is True
