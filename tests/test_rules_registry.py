"""The rule registry and each rule's documentation, messages and options."""

from __future__ import annotations

import re
import string

import pytest

from osmark_plan.rules import ALL_RULES, get_rule

CORE = ["ENC001", "ENC002", "ACC001", "ACC002", "ACC003", "EQP001", "EQP002", "CAB001", "ZON001",
        "ZON002"]
#: the further rules of RULES.md (and the window rules), each in its family's place
CATALOGUE = ["ENC001", "ENC002", "ACC001", "ACC002", "ACC003", "DOR001", "DOR002", "DOR003", "WIN001",
             "WIN002", "EQP001", "EQP002", "EQP003", "CAB001", "CAB002", "CAB003", "CAB004", "CAB005",
             "AST001", "ZON001", "ZON002", "ZON003", "ZON005"]


def test_registry_holds_the_catalogue_in_order():
    codes = [r.code for r in ALL_RULES]
    assert [c for c in codes if c in CORE] == CORE
    assert codes[:len(CATALOGUE)] == CATALOGUE
    assert codes[len(CATALOGUE):len(CATALOGUE) + 10] == [f"DWG{i:03d}" for i in range(1, 11)]
    assert len({r.name for r in ALL_RULES}) == len(ALL_RULES)


def test_get_rule_by_code_or_name_any_case():
    assert get_rule("ACC001").name == "level3-direct-access"
    assert get_rule("acc001").code == "ACC001"
    assert get_rule("Zone-Enclosure").code == "ENC001"
    assert get_rule("NOPE") is None


@pytest.mark.parametrize("r", ALL_RULES, ids=[r.code for r in ALL_RULES])
def test_rule_is_documented(r):
    assert re.fullmatch(r"[A-Z]{3}\d{3}", r.code)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)+", r.name)
    assert r.severity in ("error", "warning", "info")
    assert r.code.startswith("DWG") or r.clause
    doc = r.doc
    assert len(doc.splitlines()[0]) > 20 and "Why" in doc and "How to fix" in doc
    for option in r.options:
        assert f"``{option.name}``" in doc, option.name
        assert option.doc
    assert set(r.summary) == {"ja", "en"} and all(r.summary.values())
    assert r.messages
    for variant, templates in r.messages.items():
        assert set(templates) == {"ja", "en"}, variant
        fields = [{f for _, f, _, _ in string.Formatter().parse(t) if f} for t in templates.values()]
        # both languages use the same arguments
        assert {f.split(":")[0] for f in fields[0]} == {f.split(":")[0] for f in fields[1]}, variant
        assert re.search(r"[\u3040-\u30ff]", templates["ja"]), variant


def test_every_rule_is_documented_in_japanese_too():
    from osmark_plan.rules import KNOWN_RULES
    from osmark_plan.rules.building import BUILDING_RULES

    for rule in KNOWN_RULES + BUILDING_RULES:
        doc = rule.documentation("ja")
        assert doc != rule.doc and "理由" in doc and "直し方" in doc, rule.code
        for option in rule.options:
            assert option.name in doc, (rule.code, option.name)
