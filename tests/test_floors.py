"""Floors drawn from the specification alone by testers who never saw the samples
(tests/floors_*/make_floors.py: other door blocks, wall and zone styles, units, rotations, DXF
versions, level sources, rule edges, Japanese CAD exports, robustness), each with the findings
expected by hand from the rule text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from drawing_sets import draw_set
from expected import describe_actual, describe_expected, pair_findings

HERE = Path(__file__).resolve().parent
SETS = {"floors_core": "make_floors.py", "floors_rule_edges": "make_floors.py",
        "floors_cad_exports": "make_floors.py"}
CASES = [(folder, p.name[: -len(".expected.json")])
         for folder in SETS for p in sorted((HERE / folder).glob("*.expected.json"))]


@pytest.fixture(scope="module")
def drawings(tmp_path_factory) -> dict[str, Path]:
    """Each set's floors, drawn once into a temporary folder."""
    return {folder: draw_set(HERE / folder / script, tmp_path_factory.mktemp(folder))
            for folder, script in SETS.items()}


def test_every_expectation_has_a_floor(drawings: dict[str, Path]) -> None:
    for folder, name in CASES:
        assert (drawings[folder] / f"{name}.dxf").is_file()
    assert len(CASES) >= 90


@pytest.mark.parametrize("folder, name", CASES, ids=[n for _f, n in CASES])
def test_floor(drawings: dict[str, Path], folder: str, name: str) -> None:
    from osmark_plan.api import check

    expected = json.loads((HERE / folder / f"{name}.expected.json").read_text(encoding="utf-8"))["findings"]
    report = check(drawings[folder] / f"{name}.dxf")
    missing, unexpected = pair_findings(expected, list(report.findings))
    assert not missing and not unexpected, (
        [describe_expected(f) for f in missing], [describe_actual(f) for f in unexpected])
