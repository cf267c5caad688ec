"""Every rule's cited clause is found in the standard (osm-criteria-v4.0.txt).

A citation such as ``4.5.3 細則 (保管庫)(1)`` or ``4.6.4 推奨(1)b,c`` is read as section,
part (細則 or 推奨), heading (a word of a parenthesised heading such as
``(セキュリティレベル２エリアの保管庫・キャビネット等の条件)``), item ``(n)`` and lettered
sub-items, and each piece is looked up inside the one before it. Iterates over the registry,
so every rule added later is checked too. Skipped when ../shared is absent.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from osmark_plan.rules import KNOWN_RULES
from osmark_plan.rules.building import BUILDING_RULES
from osmark_plan.rules.enclosure import LEVEL_CLAUSES

STANDARD = Path(__file__).resolve().parents[2] / "shared" / "seed" / "osm-criteria-v4.0.txt"

CITATION = re.compile(
    r"^(?P<sec>\d+(?:\.\d+)+)\s*(?P<part>細則|推奨)?\s*(?:\((?P<head>[^()\d][^()]*)\))?\s*"
    r"(?:\((?P<item>\d+)\))?\s*(?P<letters>[a-z](?:\s*[-,]\s*[a-z])*)?$")
SECTION = re.compile(r"^\s*(\d+(?:\.\d+)+)\s+\S")
PART = re.compile(r"^\s*<(細則|推奨)>")
HEADING = re.compile(r"^\s*\(([^()\d][^()]*)\)\s*$")
ITEM = re.compile(r"^\s*\((\d+)\)")


def _lines() -> list[str]:
    text = unicodedata.normalize("NFKC", STANDARD.read_text(encoding="utf-8"))
    return [ln for ln in text.splitlines() if ln.strip()]


def _block(lines: list[str], start: re.Pattern, key: str, stop: re.Pattern) -> list[str] | None:
    """The lines from the one where ``start`` gives ``key`` to the next ``stop`` line."""
    for i, line in enumerate(lines):
        m = start.match(line)
        if m and m.group(1) == key:
            end = next((j for j in range(i + 1, len(lines)) if stop.match(lines[j])), len(lines))
            return lines[i:end]
    return None


def _letters(spec: str) -> list[str]:
    out: list[str] = []
    for piece in re.split(r"\s*,\s*", spec):
        a, _, b = piece.partition("-")
        out += [chr(c) for c in range(ord(a.strip()), ord((b or a).strip()) + 1)]
    return out


def find(citation: str, lines: list[str]) -> str | None:
    """None when every piece of one citation is found; else what is missing."""
    m = CITATION.match(unicodedata.normalize("NFKC", citation).strip())
    if not m:
        return f"cannot read the citation {citation!r}"
    block = _block(lines, SECTION, m["sec"], SECTION)
    if block is None:
        return f"no section {m['sec']}"
    if m["part"]:
        block = _block(block, PART, m["part"], re.compile(r"^\s*<(細則|推奨)>"))
        if block is None:
            return f"no {m['part']} in {m['sec']}"
    if m["head"]:
        heads = [i for i, ln in enumerate(block) if HEADING.match(ln) and m["head"] in ln]
        if not heads:
            return f"no heading ({m['head']}) in {m['sec']} {m['part']}"
        rest = block[heads[0]:]
        end = next((j for j in range(1, len(rest)) if HEADING.match(rest[j])), len(rest))
        block = rest[:end]
    if m["item"]:
        block = _block(block, ITEM, m["item"], ITEM)
        if block is None:
            return f"no item ({m['item']}) in {citation}"
    for letter in _letters(m["letters"]) if m["letters"] else []:
        if not any(re.match(rf"^\s*{letter}\)", ln) for ln in block):
            return f"no {letter}) in {citation}"
    return None


def citations():
    rules = {r.code: r for r in KNOWN_RULES + BUILDING_RULES if r.clause}
    out = [(f"{code}:{c.strip()}", c.strip()) for code, r in rules.items() for c in r.clause.split(";")]
    out += [(f"ENC001-L{lvl}:{c.strip()}", c.strip()) for lvl, cs in LEVEL_CLAUSES.items() for c in cs.split(";")]
    return out


CITATIONS = citations()


@pytest.mark.skipif(not STANDARD.is_file(), reason="../shared/seed is absent")
@pytest.mark.parametrize("citation", [c for _i, c in CITATIONS], ids=[i for i, _c in CITATIONS])
def test_cited_clause_is_in_the_standard(citation: str) -> None:
    assert find(citation, _lines()) is None, find(citation, _lines())


@pytest.mark.skipif(not STANDARD.is_file(), reason="../shared/seed is absent")
@pytest.mark.parametrize("citation, missing", [
    ("4.5.3 細則(9)", "no item (9)"),
    ("4.5.3 推奨 (保管庫)(1)", "no heading (保管庫)"),
    ("4.6.3 細則(1)c", "no c)"),
    ("9.9", "no section 9.9"),
    ("4.4.4 細則(1)a-e", "no e)"),
])
def test_a_wrong_citation_is_caught(citation: str, missing: str) -> None:
    assert missing in (find(citation, _lines()) or "")


def test_every_rule_that_rests_on_the_standard_cites_it() -> None:
    for rule in KNOWN_RULES + BUILDING_RULES:
        assert rule.clause or rule.code.startswith("DWG"), rule.code
