"""scripts/bench.py runs end to end on a tiny floor and writes its figures (no timed assertions:
the machine running the tests may be busy)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_bench_smoke(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    res = subprocess.run([sys.executable, str(ROOT / "scripts" / "bench.py"), "--smoke", "--cache",
                          str(tmp_path / "cache"), "--out", str(out)],
                         capture_output=True, text=True, timeout=900)
    assert res.returncode == 0, res.stderr
    assert "| floor |" in res.stdout and "check/readfile" in res.stdout
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert figures["machine"]["cpus"] >= 1
    assert set(figures["startup"]) == {"version", "rules", "check_tiny"}
    assert figures["startup"]["check_tiny"]["rss"] > 0
    (floor,) = figures["floors"]
    assert floor["entities"] > 1000 and floor["bytes"] > 0
    for key in ("readfile", "check", "check_image"):
        assert floor[key]["s"] > 0 and floor[key]["rss"] > 0 and floor[key]["cpu"] > 0
    stages = floor["stages"]
    assert stages["read_path"] == "filtered"
    assert {"open", "interpret", "rooms", "site", "rules", "json", "image"} <= set(stages)
    assert stages["findings"] > 0
