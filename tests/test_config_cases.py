"""Configuration and options as a user would use them (osmark.toml beside or above the drawing,
[tool.osmark], --config, profiles, tables, rule options, select/ignore, attributes), drawn by a
tester who never saw the code (tests/config_cases/make_cases.py), each with the exit code and findings
expected by hand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from drawing_sets import draw_set

from osmark_plan.cli import main

HERE = Path(__file__).resolve().parent / "config_cases"
NAMES = sorted(p.name[: -len(".expected.json")] for p in HERE.glob("*.expected.json"))


@pytest.fixture(scope="module")
def cases(tmp_path_factory) -> Path:
    return draw_set(HERE / "make_cases.py", tmp_path_factory.mktemp("config_cases"))


@pytest.mark.parametrize("name", NAMES)
def test_config_case(cases: Path, name: str, capsys, tmp_path) -> None:
    want = json.loads((HERE / f"{name}.expected.json").read_text(encoding="utf-8"))
    folder = cases / name
    args = [str(folder / a) if a.endswith(".toml") else a for a in want["args"]]
    out = tmp_path / "report.json"
    code = main(["check", str(folder / want.get("drawing", "floor.dxf")), "--format", "json",
                 "--output", str(out), *args])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert code == want["exit"], err
    for text in want.get("stderr_contains", []):
        assert text in err
    if want["findings"] is None and "door_locks" not in want:
        return
    doc = json.loads(out.read_text(encoding="utf-8"))
    if want["findings"] is not None:
        got = [(f["rule"], {x for s in f["subjects"] for x in (s.get("id"), s.get("name")) if x})
               for f in doc["findings"]]
        for finding in want["findings"]:
            hit = next((g for g in got if g[0] == finding["rule"] and set(finding["subjects"]) <= g[1]), None)
            assert hit is not None, (finding, got)
            got.remove(hit)
        assert got == []
    locks = {d["name"]: d["lock"] for d in doc["doors"]}
    for door, lock in want.get("door_locks", {}).items():
        assert locks.get(door) == lock
