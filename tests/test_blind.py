"""Floors drawn from the specification alone by someone who never saw the samples
(tests/blind/make_blind.py: other door blocks, wall and zone styles, units, rotations, DXF
versions, level sources), each with the findings expected by hand from the rule text."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest
from expected import describe_actual, describe_expected, pair_findings

HERE = Path(__file__).resolve().parent / "blind"
NAMES = sorted(p.name[: -len(".expected.json")] for p in HERE.glob("*.expected.json"))


@pytest.fixture(scope="module")
def drawings(tmp_path_factory) -> Path:
    spec = importlib.util.spec_from_file_location("make_blind", HERE / "make_blind.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_blind"] = module  # its dataclasses look their module up by name
    spec.loader.exec_module(module)
    out = tmp_path_factory.mktemp("blind")
    module.main(str(out))
    return out


def test_every_expectation_has_a_floor(drawings: Path) -> None:
    drawn = {p.stem for p in drawings.glob("*.dxf")}
    assert set(NAMES) <= drawn and len(NAMES) >= 25


@pytest.mark.parametrize("name", NAMES)
def test_blind_floor(drawings: Path, name: str) -> None:
    from osmark_plan.api import check

    expected = json.loads((HERE / f"{name}.expected.json").read_text(encoding="utf-8"))["findings"]
    report = check(drawings / f"{name}.dxf")
    missing, unexpected = pair_findings(expected, list(report.findings))
    assert not missing and not unexpected, (
        [describe_expected(f) for f in missing], [describe_actual(f) for f in unexpected])
