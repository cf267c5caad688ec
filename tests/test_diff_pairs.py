"""Pairs of drawings made by a tester who never saw the project's diff samples
(tests/diff_pairs/make_pairs.py), each with the changes expected by hand; the JSON of every
pair is validated against the diff schema on the way."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

pytest.importorskip("jsonschema")
HERE = Path(__file__).resolve().parent / "diff_pairs"


def test_diff_pairs(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("make_pairs", HERE / "make_pairs.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    assert len(module.EXPECTED) >= 28
    mismatches = module.compare(str(tmp_path))
    assert mismatches == {}
