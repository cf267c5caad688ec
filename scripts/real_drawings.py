#!/usr/bin/env python3
"""Measure rooms a person sees, names, doors, time and memory on the 22 public drawings.

Each folder of ``../shared/corpus-real`` holds a drawing and the ``osmark.toml`` a careful user
wrote; ``osmark check DRAWING --config FOLDER/osmark.toml --format json`` runs on it in its own
process (CPU time of the whole process, Python start-up included; wall time; peak resident
memory). Rooms a person sees come from the table in ``corpus-real/README.md`` ("12–13" is a
range, "~43" about 43); a drawing is within ±15 % when the rooms found (regions of at least 4 m²;
rooms the config calls outside are no regions) lie between 0.85 × the lower and 1.15 × the upper
count. Room names are read by eye in ``tests/corpus_real/FOLDER/seen.json``
(``{"rooms": N, "names": {"W.C": 16, ...}}``): a region is named right when its name is one of
those (NFKC, any case, spaces collapsed), counted no more often than the drawing has it. Doors are
the report's doors (not doorless openings) and stray doors; joining = a door between two different
rooms; entrances = doors to the outside.

    python scripts/real_drawings.py                       # markdown table on stdout
    python scripts/real_drawings.py --json --out run.json # the figures as JSON
    python scripts/real_drawings.py --before docs/real-drawings-before.json --write-docs
    python scripts/real_drawings.py --src /tmp/before     # the package of another source tree
    python scripts/real_drawings.py --from run.json --write-docs   # a saved run into the docs
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
TRUTH = ROOT / "tests" / "corpus_real"
DOCS = ROOT / "docs" / "real-drawings.md"
BEGIN, END = "<!-- real-drawings:begin -->", "<!-- real-drawings:end -->"
SECTION = "### Rooms a person sees on 22 public drawings"
MIN_ROOM_M2 = 4.0
TOLERANCE = 0.15
DRAWING_SUFFIXES = (".dxf", ".dwg", ".jww", ".jwc")


def corpus_real() -> Path:
    """``../shared/corpus-real`` beside the working tree (or /work/shared)."""
    for base in (ROOT.parent, ROOT.parent.parent, Path("/work")):
        if (base / "shared" / "corpus-real").is_dir():
            return base / "shared" / "corpus-real"
    raise SystemExit("../shared/corpus-real not found")


def drawings(corpus: Path) -> dict[str, Path]:
    """{folder (``hal9kspace/floorplan``): drawing} for every folder with an ``osmark.toml``."""
    out = {}
    for cfg in sorted(corpus.glob("*/*/osmark.toml")):
        found = [p for p in sorted(cfg.parent.iterdir()) if p.suffix.lower() in DRAWING_SUFFIXES]
        if found:
            out[cfg.parent.relative_to(corpus).as_posix()] = found[0]
    return out


def parse_count(cell: str) -> tuple[int, int] | None:
    """``"12–13"`` -> (12, 13), ``"~43"`` -> (43, 43), ``"–"`` -> None."""
    nums = [int(n) for n in re.findall(r"\d+", cell)]
    if not nums:
        return None
    return (min(nums), max(nums))


def seen_in_readme(readme: Path) -> dict[str, tuple[int, int]]:
    """Rooms a person sees per drawing, from the README's "What a person sees" table."""
    out: dict[str, tuple[int, int]] = {}
    in_table = False
    for line in readme.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            in_table = "person sees" in line
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if not in_table or len(cells) < 2 or cells[0] in ("drawing", "") or set(cells[0]) <= {"-"}:
            continue
        count = parse_count(cells[1])
        if count is not None:
            out[cells[0]] = count
    return out


def norm(name: str) -> str:
    """A name as compared: NFKC, case-folded, spaces collapsed."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def measure(drawing: Path, config: Path, src: Path | None, image: bool = False) -> dict[str, Any]:
    """One drawing through ``osmark check`` in a child process: seconds, CPU seconds, peak RSS
    (MB), exit code, the last line of a traceback (if any) and the JSON report."""
    with tempfile.TemporaryDirectory(prefix="osmark-real-") as tmp:
        target = Path(tmp) / "report.json"
        err = Path(tmp) / "stderr.txt"
        cmd = [sys.executable, "-m", "osmark_plan", "check", str(drawing), "--config", str(config),
               "--format", "json", "-o", str(target), "-q"]
        if image:
            cmd += ["--image", str(Path(tmp) / "plan.png")]
        env = dict(os.environ)
        if src is not None:
            env["PYTHONPATH"] = os.pathsep.join([str(src), *filter(None, [env.get("PYTHONPATH")])])
        t0 = time.perf_counter()
        pid = os.fork()
        if pid == 0:  # child: alone, so that its peak RSS is its own; cwd off any source tree
            try:
                os.chdir(tmp)
                fd = os.open(err, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
                os.dup2(fd, 2)
                os.execve(sys.executable, cmd, env)
            finally:
                os._exit(127)
        _pid, status, usage = os.wait4(pid, 0)
        seconds = time.perf_counter() - t0
        text = err.read_text(encoding="utf-8", errors="replace") if err.exists() else ""
        written = target.is_file() and target.stat().st_size > 0
        report = json.loads(target.read_text(encoding="utf-8")) if written else {}
    lines = [ln for ln in text.splitlines() if ln.strip()]
    crash = lines[-1][:200] if "Traceback (most recent call last)" in text and lines else None
    return {"seconds": round(seconds, 2), "cpu_s": round(usage.ru_utime + usage.ru_stime, 2),
            "rss_mb": round(usage.ru_maxrss / 1024), "exit": os.waitstatus_to_exitcode(status),
            "traceback": crash, "stderr": None if crash else (lines[0][:200] if lines else None),
            "report": report}


def is_room(region: dict[str, Any]) -> bool:
    """A region a person would count: not outside, at least 4 m²."""
    level = region.get("level")
    outside = level in ("outside", None) or (isinstance(level, int) and level < 0)
    return not outside and float(region.get("area_m2") or 0) >= MIN_ROOM_M2


def figures(report: dict[str, Any], names: dict[str, int]) -> dict[str, Any]:
    """Rooms found, named right, doors found, joining two rooms, and entrances of one report."""
    regions = [r for r in report.get("regions", []) if not str(r.get("level")) == "outside"]
    found = Counter(norm(r["name"]) for r in regions if r.get("name"))
    want = Counter()
    for name, n in names.items():
        want[norm(name)] += n
    doors = [d for d in report.get("doors", []) if d.get("kind", "door") == "door"]
    joining = sum(1 for d in doors if len(set(d["between"])) == 2 and "OUTSIDE" not in d["between"])
    entrances = sum(1 for d in doors if d.get("entrance") or "OUTSIDE" in d["between"])
    return {"found": sum(1 for r in report.get("regions", []) if is_room(r)),
            "regions": len(report.get("regions", [])),
            "named": sum(found.values()),
            "named_right": sum(min(n, want[k]) for k, n in found.items()),
            "labelled": sum(want.values()),
            "doors": len(doors) + len(report.get("stray_doors", [])),
            "joining": joining, "entrances": entrances,
            "openings": sum(1 for d in report.get("doors", []) if d.get("kind") == "opening")}


def within(found: int, seen: tuple[int, int]) -> bool:
    """Rooms found within ±15 % of the count (or range) a person sees; 0 seen wants 0 found."""
    lo, hi = seen
    return (1 - TOLERANCE) * lo <= found <= (1 + TOLERANCE) * hi


def run(src: Path | None, only: list[str] | None = None, image: bool = False) -> dict[str, Any]:
    """Every drawing measured, with the totals."""
    corpus = corpus_real()
    seen = seen_in_readme(corpus / "README.md")
    rows = []
    found = drawings(corpus)
    order = [f for f in seen if f in found] + sorted(set(found) - set(seen))  # the README's order
    for folder in order:
        drawing = found[folder]
        if only and not any(o in folder for o in only):
            continue
        truth_file = TRUTH / folder / "seen.json"
        truth = json.loads(truth_file.read_text(encoding="utf-8")) if truth_file.is_file() else {}
        count = seen.get(folder) or ((truth["rooms"], truth["rooms"]) if "rooms" in truth else None)
        m = measure(drawing, corpus / folder / "osmark.toml", src, image=image)
        row = {"drawing": folder, "file": drawing.name, "seen": list(count) if count else None,
               **figures(m.pop("report"), truth.get("names", {})), **m}
        row["within"] = within(row["found"], count) if count else None
        row["ratio"] = round(row["found"] / ((count[0] + count[1]) / 2), 2) if count and count[1] else None
        rows.append(row)
        print(f"{folder}: {row['found']} rooms, exit {_exit(row)}, {row['cpu_s']} s", file=sys.stderr)
    return {"source": describe(src), "drawings": rows, "totals": totals(rows)}


def totals(rows: list[dict[str, Any]]) -> dict[str, Any]:
    seen = [r["seen"] for r in rows if r["seen"]]
    return {"drawings": len(rows), "found": sum(r["found"] for r in rows),
            "seen": [sum(s[0] for s in seen), sum(s[1] for s in seen)],
            "within": sum(1 for r in rows if r["within"]),
            "named_right": sum(r["named_right"] for r in rows),
            "labelled": sum(r["labelled"] for r in rows), "named": sum(r["named"] for r in rows),
            "doors": sum(r["doors"] for r in rows), "joining": sum(r["joining"] for r in rows),
            "entrances": sum(r["entrances"] for r in rows),
            "tracebacks": sum(1 for r in rows if r["traceback"]),
            "max_cpu_s": max((r["cpu_s"] for r in rows), default=0),
            "max_seconds": max((r["seconds"] for r in rows), default=0),
            "max_rss_mb": max((r["rss_mb"] for r in rows), default=0)}


def describe(src: Path | None) -> str:
    """The commit measured, and whether the package's files differ from it."""
    tree = src or ROOT

    def git(*args: str) -> str:
        try:
            return subprocess.run(["git", "-C", str(tree), *args], capture_output=True, text=True,
                                  timeout=30).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            return ""

    out = git("log", "-1", "--format=%h (%cs)")
    if not out:
        return str(tree)
    dirty = git("status", "--porcelain", "--", "osmark_plan")
    return f"commit {out}" + (" with uncommitted changes" if dirty else "")


def _seen(seen: list[int] | None) -> str:
    if not seen:
        return "–"
    return str(seen[0]) if seen[0] == seen[1] else f"{seen[0]}–{seen[1]}"


def _exit(r: dict[str, Any]) -> str:
    return f"{r['exit']}, traceback" if r.get("traceback") else str(r["exit"])


def _pair(now: str, before: str | None) -> str:
    return now if before is None else f"{now} ({before})"


HEAD = ("| drawing | rooms a person sees | rooms found ≥ 4 m² | found / seen | within ±15 % "
        "| named right / labelled | names given | doors found / joining two rooms | entrances | exit "
        "| CPU time | wall time | peak memory |")


def _row(r: dict[str, Any]) -> list[str]:
    """The cells of one drawing after its count seen."""
    within_ = "–" if r["within"] is None else ("yes" if r["within"] else "no")
    return [str(r["found"]), "–" if r["ratio"] is None else f"{r['ratio']:.2f}", within_,
            f"{r['named_right']} / {r['labelled']}", str(r["named"]), f"{r['doors']} / {r['joining']}",
            str(r["entrances"]), _exit(r), f"{r['cpu_s']} s", f"{r['seconds']} s", f"{r['rss_mb']} MB"]


def _total(t: dict[str, Any]) -> list[str]:
    """The cells of the totals row: rooms found against seen, drawings within ±15 %, named
    right of labelled, and the slowest and biggest drawing."""
    mid = (t["seen"][0] + t["seen"][1]) / 2
    return [str(t["found"]), "%.2f" % (t["found"] / max(1, mid)), "%d of %d" % (t["within"], t["drawings"]),
            "%d / %d" % (t["named_right"], t["labelled"]), str(t["named"]),
            "%d / %d" % (t["doors"], t["joining"]),
            str(t["entrances"]), "%d tracebacks" % t["tracebacks"], f"max {t['max_cpu_s']} s",
            f"max {t['max_seconds']} s", f"max {t['max_rss_mb']} MB"]


def table(result: dict[str, Any], before: dict[str, Any] | None = None) -> str:
    """The markdown table, one row per drawing and a totals row; "now (before)" with --before."""
    old = {r["drawing"]: r for r in (before or {}).get("drawings", [])}

    def line(first: str, seen: str, now: list[str], was: list[str] | None) -> str:
        cells = [_pair(n, w) for n, w in zip(now, was or [None] * len(now))]
        return f"| {first} | {seen} | " + " | ".join(cells) + " |"

    lines = [HEAD, "|" + "---|" * (HEAD.count(" | ") + 1)]
    for r in result["drawings"]:
        was = _row(old[r["drawing"]]) if r["drawing"] in old else None
        lines.append(line(r["drawing"], _seen(r["seen"]), _row(r), was))
    t = totals(result["drawings"])
    lines.append(line(f"**all {t['drawings']}**", _seen(t["seen"]), _total(t),
                      _total(totals(before["drawings"])) if before else None))
    note = f"\n\nMeasured on `{result['source']}`"
    if before:
        note += f"; in brackets: `{before.get('source', 'before')}`"
    return "\n".join(lines) + note + ".\n"


def write_docs(text: str, docs: Path = DOCS) -> None:
    """Put ``text`` between the markers of ``docs/real-drawings.md`` (appending the section and
    its markers when they are missing)."""
    doc = docs.read_text(encoding="utf-8")
    if BEGIN in doc and END in doc:
        head, rest = doc.split(BEGIN, 1)
        doc = head + BEGIN + "\n" + text + END + rest.split(END, 1)[1]
    else:
        doc = doc.rstrip("\n") + f"\n\n{SECTION}\n\n{BEGIN}\n{text}{END}\n"
    docs.write_text(doc, encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", action="store_true", help="the figures as JSON, not a table")
    ap.add_argument("--out", type=Path, help="write to this file, not stdout")
    ap.add_argument("--before", type=Path, help="a previous --json run, shown in brackets")
    ap.add_argument("--src", type=Path, help="run the osmark_plan package of this source tree")
    ap.add_argument("--write-docs", action="store_true", help="rewrite the table in docs/real-drawings.md")
    ap.add_argument("--image", action="store_true", help="also write the plan image (--image)")
    ap.add_argument("--only", action="append", help="only folders containing this text (repeatable)")
    ap.add_argument("--from", dest="saved", type=Path, help="show a saved --json run instead of running")
    args = ap.parse_args(argv)
    if args.saved:
        result = json.loads(args.saved.read_text(encoding="utf-8"))
    else:
        result = run(args.src.resolve() if args.src else None, args.only, args.image)
    before = json.loads(args.before.read_text(encoding="utf-8")) if args.before else None
    text = json.dumps(result, ensure_ascii=False, indent=1) + "\n" if args.json else table(result, before)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    if args.write_docs:
        write_docs(table(result, before))


if __name__ == "__main__":
    main()
