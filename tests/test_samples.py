"""Golden samples: every drawing in samples/dxf/ gives exactly the findings written beside it.

``NAME.expected.json`` holds ``{"findings": [{"rule": CODE, "subjects": [...]}, ...]}``, written by
hand from the rule semantics. A finding matches when the rule is the same and its subjects pair
up one to one: same kind, and the same name when the expected subject gives a name, else the
same id when it gives an id, else the kind alone. Order does not matter (multisets).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any, Sequence

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "dxf"
DRAWINGS = sorted(SAMPLES.glob("*.dxf"))
EXPECTED = sorted(SAMPLES.glob("*.expected.json"))

RULE_CODES = {"ENC001", "ENC002", "ACC001", "ACC002", "ACC003", "EQP001", "EQP002", "EQP003",
              "CAB001", "CAB002", "CAB003", "CAB004", "AST001", "DOR001", "DOR002", "DOR003",
              "ZON001", "ZON002", "ZON003", "ZON004", "ZON005"} | {f"DWG00{i}" for i in range(1, 9)}
SUBJECT_KINDS = {"region", "door", "opening", "device", "cabinet", "zone", "application_area",
                 "outside", "drawing", "layer"}


def expected_of(dxf: Path) -> list[dict[str, Any]]:
    with open(dxf.with_suffix(".expected.json"), encoding="utf-8") as fh:
        return json.load(fh)["findings"]


def subject_matches(want: dict[str, Any], got: Any) -> bool:
    """One expected subject against one actual :class:`Subject`."""
    if want["kind"] != got.kind:
        return False
    if "name" in want:
        return want["name"] == got.name
    if "id" in want:
        return want["id"] == got.id
    return True


def subjects_match(want: Sequence[dict[str, Any]], got: Sequence[Any]) -> bool:
    """The subjects pair up one to one (order-insensitive; tiny lists, so plain backtracking)."""
    if len(want) != len(got):
        return False
    if not want:
        return True
    first, rest = want[0], want[1:]
    for i, g in enumerate(got):
        if subject_matches(first, g) and subjects_match(rest, [*got[:i], *got[i + 1:]]):
            return True
    return False


def pair_findings(expected: list[dict[str, Any]], actual: list[Any]) -> tuple[list, list]:
    """Match expected to actual findings; return (missing expected, unexpected actual).

    Expected findings that name their subjects most precisely are matched first, so a
    kind-only expectation cannot steal the finding a named one needs."""
    def precision(f: dict[str, Any]) -> int:
        return -sum(("name" in s) * 2 + ("id" in s) for s in f["subjects"])

    left = list(actual)
    missing = []
    for want in sorted(expected, key=precision):
        for i, got in enumerate(left):
            if got.rule == want["rule"] and subjects_match(want["subjects"], got.subjects):
                del left[i]
                break
        else:
            missing.append(want)
    return missing, left


def describe_expected(f: dict[str, Any]) -> str:
    subs = ", ".join(
        s["kind"] + (f" {s['name']!r}" if "name" in s else f" #{s['id']}" if "id" in s else "")
        for s in f["subjects"])
    return f"{f['rule']} [{subs}]"


def describe_actual(f: Any) -> str:
    subs = ", ".join(
        s.kind + (f" {s.name!r}" if s.name else "") + (f" #{s.id}" if s.id else "") for s in f.subjects)
    return f"{f.rule} [{subs}] — {f.text('en')}"


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
    from osmark_plan.api import check

    expected = expected_of(path)
    report = check(path)
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
