#!/usr/bin/env python3
"""Measure rooms, names, doors, time and peak memory on the public corpus.

Each drawing of ``../shared/corpus`` that has a config in ``tests/corpus/NAME/osmark.toml`` is
checked as a user would (``osmark check DRAWING --config ... --format json``) in its own process:
CPU time (user + system, whole process with Python start-up; steadier than wall time on a busy
machine), wall time and peak resident memory. Rooms a person sees and their names are counted by eye
in ``tests/corpus/NAME/seen.json`` (``{"rooms": N, "names": {"洋室": 4, ...}}``): a room is
named right when its name is one of those, counted no more often than the drawing has it.

    python scripts/corpus_rooms.py            # markdown table on stdout
    python scripts/corpus_rooms.py --json     # the figures as JSON
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONFIGS = ROOT / "tests" / "corpus"
sys.path.insert(0, str(ROOT / "tests"))


def _corpus() -> Path:
    for base in (ROOT.parent, ROOT.parent.parent, Path("/work")):
        if (base / "shared" / "corpus").is_dir():
            return base / "shared" / "corpus"
    raise SystemExit("../shared/corpus not found")


def measure(name: str, drawing: Path) -> dict:
    """One drawing through ``osmark check``: seconds, peak RSS (MB) and the JSON report."""
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as out:
        target = out.name
    cmd = [sys.executable, "-m", "osmark_plan", "check", str(drawing), "--config",
           str(CONFIGS / name / "osmark.toml"), "--format", "json", "-o", target, "-q"]
    t0 = time.perf_counter()
    pid = os.fork()
    if pid == 0:  # child: run the command, so that its peak RSS is measured alone
        os.execv(sys.executable, cmd)
    _pid, status, usage = os.wait4(pid, 0)
    seconds = time.perf_counter() - t0
    report = json.loads(Path(target).read_text(encoding="utf-8")) if Path(target).stat().st_size else {}
    os.unlink(target)
    return {"seconds": round(seconds, 2), "cpu_s": round(usage.ru_utime + usage.ru_stime, 2), "rss_mb": round(usage.ru_maxrss / 1024), "exit": os.waitstatus_to_exitcode(status),
            "report": report}


def figures(name: str, report: dict) -> dict:
    """Rooms found and named right, doors found and joining two rooms."""
    seen_file = CONFIGS / name / "seen.json"
    seen = json.loads(seen_file.read_text(encoding="utf-8")) if seen_file.is_file() else {}
    regions = report.get("regions", [])
    names = Counter(r.get("name") for r in regions if r.get("name"))
    want = Counter(seen.get("names", {}))
    right = sum(min(n, want[k]) for k, n in names.items())
    doors = [d for d in report.get("doors", []) if d.get("kind") == "door"]  # not doorless openings
    joining = sum(1 for d in doors if len(set(d.get("between") or [])) == 2)
    return {"seen": seen.get("rooms"), "labelled": sum(want.values()), "found": len(regions),
            "named": sum(names.values()), "named_right": right, "doors": len(doors) + len(report.get("stray_doors", [])), "joining": joining}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    from test_corpus_rooms import FILES  # the drawings and their configs
    corpus = _corpus()
    rows = []
    for name in sorted(FILES):
        m = measure(name, corpus / FILES[name])
        rows.append({"name": name, "file": FILES[name], "seconds": m["seconds"], "cpu_s": m["cpu_s"], "rss_mb": m["rss_mb"],
                     "exit": m["exit"], **figures(name, m["report"])})
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    print("| drawing | rooms a person sees (labelled) | rooms found | named right | doors found / joining two rooms | CPU time (wall) | peak memory |")
    print("|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['name']} | {r['seen']} ({r['labelled']}) | {r['found']} | {r['named_right']} of {r['named']} named "
              f"| {r['doors']} / {r['joining']} | {r['cpu_s']} s ({r['seconds']} s) | {r['rss_mb']} MB |")


if __name__ == "__main__":
    main()
