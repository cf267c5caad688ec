"""Every real drawing of the shared corpus gives a report or a clean 'cannot read' (exit 3).

Skipped when ../shared is absent: the project stands on its own.
"""

import json
from pathlib import Path

import pytest

from osmark_plan.cli import main

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
FILES = sorted(CORPUS.rglob("*.dxf")) if CORPUS.is_dir() else []


@pytest.mark.skipif(not FILES, reason="../shared/corpus is absent")
@pytest.mark.parametrize("path", FILES, ids=[f.name for f in FILES])
def test_corpus_file_gives_report_or_exit_3(path, tmp_path, capsys):
    jsonschema = pytest.importorskip("jsonschema")
    from osmark_plan.report.json_report import load_schema

    out = tmp_path / "report.json"
    before = path.read_bytes()
    code = main(["check", str(path), "--format", "json", "--output", str(out), "--lang", "en"])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert path.read_bytes() == before
    if code == 3:
        assert path.name in err and err.count("\n") == 1
        return
    assert code in (0, 1), err
    doc = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(doc, load_schema())
    assert doc["drawing"]["sha256"] and doc["drawing"]["units"] in ("mm", "cm", "m", "in")
    # a drawing with no zones says so, rather than passing silently
    if not doc["regions"]:
        assert any(f["rule"] == "DWG006" for f in doc["findings"])
