"""`osmark batch` on a tree drawn by a tester who never saw the code (tests/batch_commands/
make_batch.py): single floors, broken files, buildings with manifests (ZON001 across floors,
ZON004 on an exposed floor, a floor outside the application, a missing floor), bad manifests,
Japanese folder names, globs; exit codes and verdicts expected by hand (expected.json)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from drawing_sets import draw_set

from osmark_plan.cli import main

HERE = Path(__file__).resolve().parent / "batch_commands"
COMMANDS = json.loads((HERE / "expected.json").read_text(encoding="utf-8"))["commands"]


@pytest.fixture(scope="module")
def tree(tmp_path_factory) -> Path:
    return draw_set(HERE / "make_batch.py", tmp_path_factory.mktemp("tree"))


@pytest.mark.parametrize("case", COMMANDS, ids=[" ".join(c["args"]) for c in COMMANDS])
def test_batch_command(tree: Path, case: dict, tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tree)
    out = tmp_path / "out"
    args = list(case["args"]) + (["--no-images"] if "--no-images" not in case["args"] else [])
    code = main(["batch", *args, "--out", str(out)])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert code == case["exit"], err
    if not case.get("floors") and not case.get("buildings"):
        return
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    floors = {Path(r["path"]).as_posix(): [r["verdict"], sorted(r["error_rules"] or [])]
              for r in summary["floors"]}
    for path, (verdict, rules) in case.get("floors", {}).items():
        got = floors.get(Path(path).as_posix())
        assert got is not None, (path, sorted(floors))
        assert got == [verdict, sorted(rules)], path
    buildings = {b["name"]: [b["verdict"], sorted(f["rule"] for f in b["findings"])]
                 for b in summary["buildings"]}
    for name, (verdict, rules) in case.get("buildings", {}).items():
        assert buildings.get(name) == [verdict, sorted(rules)], name
