"""One number per finding in every format: its 1-based place in Report.findings."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from xml.etree import ElementTree as ET

import ezdxf
import pytest

from osmark_plan import api
from osmark_plan.markup import FINDINGS_LAYER

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "dxf"


def test_text_json_sarif_junit_and_dxf_agree(tmp_path):
    src = SAMPLES / "enc001_opening.dxf"
    if not src.exists():
        pytest.skip("samples not generated")
    drawing = tmp_path / "floor.dxf"
    shutil.copy(src, drawing)
    report = api.check(drawing)
    # accept the second finding: numbers do not move when a finding is waived
    second = report.findings[1].fingerprint
    (tmp_path / "osmark-waivers.toml").write_text(
        f'[[waiver]]\nfingerprint = "{second}"\nreason = "r"\nby = "b"\ndate = 2026-11-30\n', encoding="utf-8")
    report = api.check(drawing)
    expected = {f.fingerprint: n for n, f in enumerate(report.findings, start=1)}
    assert len(expected) == 3

    doc = json.loads(api.render(report, "json", "en"))
    assert {f["fingerprint"]: f["number"] for f in doc["findings"]} == expected

    text = api.render(report, "text", "en")
    numbered = dict((fp, int(n)) for n, fp in re.findall(r"^\s+(\d+)\. .*#([0-9a-f]{16})", text, re.M))
    assert numbered == expected

    sarif = json.loads(api.render(report, "sarif", "en"))
    assert {r["partialFingerprints"]["osmarkFingerprint/v1"]: r["properties"]["number"]
            for r in sarif["runs"][0]["results"]} == expected

    junit = ET.fromstring(api.render(report, "junit", "en"))
    listed = "\n".join(e.text or "" for e in junit.iter() if e.tag in ("failure", "system-out"))
    assert dict((fp, int(n)) for n, fp in re.findall(r"^(\d+)\. .*#([0-9a-f]{16})", listed, re.M)) == expected

    marked = ezdxf.readfile(api.write_dxf(report, tmp_path / "marked.dxf", lang="en"))
    mtexts = [e.text for e in marked.modelspace().query(f'MTEXT[layer=="{FINDINGS_LAYER}"]')]
    assert dict((fp, int(n)) for t in mtexts
                for n, fp in re.findall(r"^(\d+)\. .*#([0-9a-f]{16})", t.replace("\\P", " "))) == expected
    markers = sorted(e.dxf.text for e in marked.modelspace().query(f'TEXT[layer=="{FINDINGS_LAYER}"]'))
    assert markers == ["1", "2", "3"]
