"""As-is drawings without zones, drawn like real offices by a tester who never saw the code
(tests/rooms_from_walls/make_rooms.py), checked with the osmark.toml a user would write: the rooms
found (names and levels), the rooms each door joins, and the findings, all expected by hand."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from drawing_sets import draw_set

HERE = Path(__file__).resolve().parent / "rooms_from_walls"
NAMES = sorted(p.name[: -len(".expected.json")] for p in HERE.glob("*.expected.json"))


@pytest.fixture(scope="module")
def drawings(tmp_path_factory) -> Path:
    return draw_set(HERE / "make_rooms.py", tmp_path_factory.mktemp("rooms"))


def _names(finding) -> set[str]:
    out = set()
    for s in finding.subjects:
        out.update(v for v in (s.name, s.id) if v)
        if s.kind == "application_area":
            out.add("AA")
    return out


@pytest.mark.parametrize("name", NAMES)
def test_room_drawing(drawings: Path, name: str) -> None:
    from osmark_plan.api import check
    from osmark_plan.config import load_for
    from osmark_plan.model import OUTSIDE

    expected = json.loads((HERE / f"{name}.expected.json").read_text(encoding="utf-8"))
    path = drawings / name / f"{name}.dxf"
    report = check(path, load_for(path))
    site = report.site
    assert {r.name: r.level for r in site.regions if r.zone is not None} == expected["rooms"]
    if expected.get("doors") is not None:
        def side(node: str) -> str:
            return "OUTSIDE" if node == OUTSIDE else site.name_of(node)
        pairs = Counter(tuple(sorted((side(k.a), side(k.b)))) for k in site.links)
        assert pairs == Counter(tuple(p) for p in expected["doors"])
    got = list(report.findings)
    for want in expected["findings"]:
        match = next((f for f in got if f.rule == want["rule"] and set(want["subjects"]) <= _names(f)), None)
        assert match is not None, (want, [(f.rule, sorted(_names(f))) for f in got])
        got.remove(match)
    assert got == [], [(f.rule, sorted(_names(f)), f.text("en")) for f in got]
