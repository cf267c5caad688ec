"""Every real drawing of the shared corpus either reads or raises ReadError (never a traceback)."""

from __future__ import annotations

from pathlib import Path

import pytest

from osmark_plan.config import Config
from osmark_plan.reader import ReadError, read_plan

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
FILES = sorted(CORPUS.rglob("*.dxf")) if CORPUS.is_dir() else []


@pytest.mark.skipif(not FILES, reason="shared corpus not present")
@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(CORPUS)) for p in FILES])
def test_corpus_file_reads_or_fails_cleanly(path):
    try:
        plan = read_plan(path, Config())
    except ReadError as exc:
        assert "\n" not in str(exc)
        return
    assert plan.sha256 and plan.scale > 0
    assert plan.units_source in ("$INSUNITS", "doors", "extents", "default", "scale-text")
    for line in plan.lines:
        assert line.geom.is_valid and not line.geom.is_empty


def _get(name: str) -> Path:
    path = CORPUS / name
    if not path.is_file():
        pytest.skip(f"{name} not in corpus")
    return path


def test_pavilion_inch_header_corrected_by_doors():
    plan = read_plan(_get("yorikvanhavre__barcelona-pavillion/pabellon de barcelona.dxf"), Config())
    assert (plan.units, plan.units_source) == ("m", "doors")
    assert plan.units_note and "in" in plan.units_note
    assert 0.6 <= sorted(d.width for d in plan.doors)[len(plan.doors) // 2] <= 1.2


def test_escaped_japanese_layers_decoded():
    plan = read_plan(_get("monozukuri-ai__ezjww/derived_by_ezjww/Ａマンション平面例.dxf"), Config())
    assert plan.layers["躯体"].kind == "wall"
    assert plan.layers["建具"].kind == "door"
    assert plan.layers["室名"].kind == "label"
    assert "洋室" in {lb.text for lb in plan.labels}
    assert plan.lines and plan.doors


def test_binary_dxf_reads():
    plan = read_plan(_get("mozman__ezdxf/bin_dxf_r2000.dxf"), Config())
    assert plan.dxf_version == "AC1015"


def test_broken_file_recovered():
    plan = read_plan(_get("mozman__ezdxf/recover01.dxf"), Config())
    assert any(r.what == "recovered" for r in plan.repairs)
