"""Repair codes: every kind of repair the code can make has a row in osmark_plan/repairs.py."""

from __future__ import annotations

import re
from pathlib import Path

from osmark_plan.model import Repair
from osmark_plan.repairs import BY_CODE, KINDS, UNKNOWN, code_of, title_of

SRC = Path(__file__).resolve().parents[1] / "osmark_plan"


def _whats_in_source() -> set[str]:
    """Every literal ``what`` given to Repair(...) in the package."""
    found: set[str] = set()
    for path in SRC.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for m in re.finditer(r"Repair\(\s*(?:what=)?\"([^\"]+)\"", text):
            found.add(m.group(1))
    return found


def test_codes_unique_and_well_formed() -> None:
    assert len(BY_CODE) == len(KINDS)
    assert len({k.what for k in KINDS}) == len(KINDS)
    for kind in KINDS:
        assert re.fullmatch(r"REP\d{3}", kind.code) and kind.code != UNKNOWN
        assert kind.en and kind.ja and not kind.ja.isascii()


def test_every_repair_in_the_source_has_a_code() -> None:
    whats = _whats_in_source()
    assert len(whats) >= 10  # the scan finds the repairs at all
    missing = sorted(w for w in whats if code_of(w) == UNKNOWN)
    assert not missing, f"repairs without a code in osmark_plan/repairs.py: {missing}"


def test_repair_carries_its_code_and_title() -> None:
    r = Repair("bridged wall gap", layer="WALL", gap_m=0.02)
    assert r.code == "REP201"
    assert title_of(r.what, "ja") == "壁の隙間をつなぎました"
    assert title_of(r.what, "en") == "bridged wall gap"
    assert Repair("something new").code == UNKNOWN
