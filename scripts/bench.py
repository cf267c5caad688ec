#!/usr/bin/env python3
"""Benchmark: how long a big floor takes to check, against how long ezdxf needs to load it.

    .venv/bin/python scripts/bench.py                          # floors at 0.1x, 0.25x, 1x, 4x
    .venv/bin/python scripts/bench.py --scales 0.1,1 --repeat 5 --out bench.json
    .venv/bin/python scripts/bench.py --smoke                  # a tiny floor, one run (tests)

Draws the benchmark floors (scripts/bench_floor.py: at 1x about 73,000 entities - 300 rooms,
1,000 doors, 3,000 cabinets, 500 devices, 12,000 furniture blocks, notes, dimensions, hatches
and a ceiling grid on layers the checker does not map), kept in ``--cache`` between runs, and
measures in one run, each ``--repeat`` times, the median of:

- ``readfile``: ``python -c "ezdxf.readfile(f)"`` as a whole process (imports included);
- ``check``: ``osmark check --format json`` as a whole process, report written to a file, and
  its peak memory (the child's maximum resident set size), as a whole and above the peak of
  the same check on a tiny floor (the interpreter and its libraries, about 80 MB, which no
  drawing can make smaller);
- ``check+image``: the same with ``--image plan.png``;
  (these three run in turns - readfile, check, check+image, readfile ... - so that a busy
  spell of the machine weighs on all three alike)
- ``version`` / ``rules``: ``osmark --version`` and ``osmark rules`` (start-up);
- the stages, in one process: opening the file (scan and ezdxf load, or ezdxf load alone on the
  full path), interpreting it, rooms, site, rules, JSON report, image.

The machine may be busy: compare the ratios (measured in the same run), not the seconds.
Prints a table and writes the figures as JSON (``--out``).
"""

from __future__ import annotations

import argparse
import inspect
import json
import math
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))
from bench_floor import draw_benchmark_floor  # noqa: E402

ENV = {**os.environ, "PYTHONPATH": str(ROOT), "LANG": "en_US.UTF-8"}


def draw_floor(path: Path, rooms: int) -> int:
    """A simple floor (scripts/bench_batch.py): a floor of about ``rooms`` 4 m x 4 m rooms in rows along 2 m corridors joined by a spine
    corridor, entrance at the south-west (mm). Entity count."""
    import ezdxf

    doc = ezdxf.new("R2018", setup=False)
    doc.header["$INSUNITS"] = 4
    for name in ("WALL", "DOOR", "ZONE-L1", "ZONE-L2", "ROOM-NAME", "APPLICATION-AREA", "FURNITURE"):
        doc.layers.add(name)
    blk = doc.blocks.new("DOOR900")
    blk.add_line((0, 0), (0, 900))
    blk.add_arc((0, 0), 900, 0, 90)
    msp = doc.modelspace()
    cols = max(2, int(math.sqrt(rooms * 1.5)))
    rows = max(1, math.ceil(rooms / cols))
    room, corridor = 4000.0, 2000.0
    band = room + corridor
    # a corridor spine along the east side joins the corridors between the rows of rooms
    width, height = cols * room + corridor, rows * band + corridor
    msp.add_lwpolyline([(0, 0), (width, 0), (width, height), (0, height)], close=True,
                       dxfattribs={"layer": "APPLICATION-AREA"})
    # entrance gap in the outer wall at the bottom-left corridor end
    msp.add_line((0, corridor), (0, height), dxfattribs={"layer": "WALL"})
    msp.add_line((0, 0), (width, 0), dxfattribs={"layer": "WALL"})
    msp.add_line((width, 0), (width, height), dxfattribs={"layer": "WALL"})
    msp.add_line((width, height), (0, height), dxfattribs={"layer": "WALL"})
    msp.add_blockref("DOOR900", (0, 500), dxfattribs={"layer": "DOOR", "rotation": 90})
    msp.add_line((0, 0), (0, 500), dxfattribs={"layer": "WALL"})
    msp.add_line((0, 1400), (0, corridor), dxfattribs={"layer": "WALL"})
    n = 0
    for r in range(rows):
        y0 = corridor + r * band
        for c in range(cols):
            if n >= rooms:
                break
            x0 = c * room
            # front wall with a 900 door gap, side wall, back wall
            msp.add_line((x0, y0), (x0 + 500, y0), dxfattribs={"layer": "WALL"})
            msp.add_line((x0 + 1400, y0), (x0 + room, y0), dxfattribs={"layer": "WALL"})
            msp.add_line((x0, y0), (x0, y0 + room), dxfattribs={"layer": "WALL"})
            if c == cols - 1:  # the last room's east wall, on the spine
                msp.add_line((x0 + room, y0), (x0 + room, y0 + room), dxfattribs={"layer": "WALL"})
            msp.add_line((x0, y0 + room), (x0 + room, y0 + room), dxfattribs={"layer": "WALL"})
            msp.add_blockref("DOOR900", (x0 + 500, y0), dxfattribs={"layer": "DOOR"})
            level = 2 if n % 7 == 3 else 1
            msp.add_lwpolyline([(x0, y0), (x0 + room, y0), (x0 + room, y0 + room), (x0, y0 + room)],
                               close=True, dxfattribs={"layer": f"ZONE-L{level}"})
            msp.add_text(f"室{n + 1}", dxfattribs={"layer": "ROOM-NAME", "height": 250}).set_placement(
                (x0 + 1500, y0 + 2000))
            for k in range(12):  # desks and chairs: clutter on an ignored layer
                msp.add_line((x0 + 300 + k * 250, y0 + 2600), (x0 + 300 + k * 250, y0 + 3600),
                             dxfattribs={"layer": "FURNITURE"})
            n += 1
    doc.saveas(path)
    return len(msp)


def run_child(args: list[str], out: Path | None = None) -> tuple[float, int, float]:
    """(wall seconds, peak RSS in bytes, CPU seconds) of a child process."""
    start = time.perf_counter()
    with open(out or os.devnull, "wb") as fh, tempfile.TemporaryFile() as errors:
        proc = subprocess.Popen(args, stdout=fh, stderr=errors, env=ENV, cwd=ROOT)
        _pid, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        errors.seek(0)
        err = errors.read().decode("utf-8", "replace")
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(args)} failed ({proc.returncode}):\n{err}")
    return wall, usage.ru_maxrss * 1024, usage.ru_utime + usage.ru_stime


def median_child(args: list[str], repeat: int, out: Path | None = None) -> dict[str, float]:
    return medians([run_child(args, out) for _ in range(repeat)])


def medians(runs: list[tuple[float, int, float]]) -> dict[str, float]:
    return {"s": statistics.median(r[0] for r in runs), "rss": statistics.median(r[1] for r in runs),
            "cpu": statistics.median(r[2] for r in runs), "runs": len(runs)}


def interleaved(commands: dict[str, list[str]], repeat: int) -> dict[str, dict[str, float]]:
    """Each command run ``repeat`` times, in turns (a, b, c, a, b, c ...), so that a busy spell
    of the machine falls on all of them alike; the medians of each."""
    runs: dict[str, list[tuple[float, int, float]]] = {k: [] for k in commands}
    for _ in range(repeat):
        for name, args in commands.items():
            runs[name].append(run_child(args))
    return {k: medians(v) for k, v in runs.items()}


def stages(path: Path, repeat: int, image: Path) -> dict[str, float]:
    """Median seconds of each stage of a check, in this process."""
    from osmark_plan.api import build
    from osmark_plan.config import Config
    from osmark_plan.engine import run_rules
    from osmark_plan.geometry.rooms import with_rooms
    from osmark_plan.reader import plan as planmod
    from osmark_plan.reader.layers import LayerKinds
    from osmark_plan.report import json_report

    config = Config()
    filtered = "read" in inspect.signature(planmod.read_plan).parameters
    if filtered:
        from osmark_plan.reader.filtered import load_filtered

        def open_doc():  # type: ignore[no-untyped-def]
            return load_filtered(path, LayerKinds(config))
    else:
        from osmark_plan.reader.load import load as open_doc_full

        def open_doc():  # type: ignore[no-untyped-def]
            return open_doc_full(path)
    times: dict[str, list[float]] = {}

    def timed(name, fn):  # type: ignore[no-untyped-def]
        t = time.perf_counter()
        value = fn()
        times.setdefault(name, []).append(time.perf_counter() - t)
        return value

    for _ in range(repeat):
        timed("open", open_doc)
        plan = timed("read", lambda: planmod.read_plan(path, config))
        plan = timed("rooms", lambda: with_rooms(plan, config))
        site = timed("site", lambda: build(plan, config))
        report = timed("rules", lambda: run_rules(site, config))
        timed("json", lambda: json_report.write(report, "en", open(os.devnull, "w")))
        from osmark_plan.report.image import render_image

        timed("image", lambda: render_image(report, image, lang="en"))
    out = {k: statistics.median(v) for k, v in times.items()}
    out["interpret"] = max(out["read"] - out["open"], 0.0)
    out["read_path"] = getattr(plan, "read_path", "full")  # type: ignore[assignment]
    out["findings"] = len(report.findings)
    return out


def in_child(*args: str) -> str:
    """Run a step of this script in a child process; its standard output.

    This process forks every measured command, and Linux hands a process's peak resident size
    on through fork and exec: a parent grown big (a floor drawn, the stages run in-process)
    would show as the peak memory of every command measured after. So the parent only
    measures; drawing and the in-process stages run in children of their own.
    """
    res = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child", *args],
                         capture_output=True, text=True, env=ENV, cwd=ROOT)
    if res.returncode != 0:
        raise SystemExit(f"bench step {args[0]} failed:\n{res.stderr}")
    return res.stdout


def child_main(argv: list[str]) -> None:
    """A step run by :func:`in_child`."""
    if argv[0] == "draw":
        draw_benchmark_floor(Path(argv[1]), float(argv[2]))
    elif argv[0] == "stages":
        print(json.dumps(stages(Path(argv[1]), int(argv[2]), Path(argv[3]))))


def bench_scale(scale: float, repeat: int, cache: Path, tmp: Path) -> dict:
    path = cache / f"bench_floor_{scale:g}x.dxf"
    py = sys.executable
    if not path.exists():  # drawn in a child: this process must stay small (see in_child)
        in_child("draw", str(path.with_suffix(".tmp")), str(scale))
        path.with_suffix(".tmp").rename(path)
    row: dict = {"scale": scale, "bytes": path.stat().st_size}
    check = [py, "-m", "osmark_plan", "check", str(path), "--format", "json", "--lang", "en",
             "--output", str(tmp / "report.json")]
    row.update(interleaved({
        "readfile": [py, "-c", "import sys, ezdxf; ezdxf.readfile(sys.argv[1])", str(path)],
        "check": check,
        "check_image": check + ["--image", str(tmp / "plan.png")],
    }, repeat))
    row["stages"] = json.loads(in_child("stages", str(path), str(repeat), str(tmp / "stage.png")))
    row["entities"] = _entities(path)
    return row


def _entities(path: Path) -> int:
    with open(path, "rb") as fh:
        data = fh.read()
    at = data.find(b"\nENTITIES")
    end = data.find(b"\nENDSEC", at)
    return data.count(b"\n  0\n", at, end) if at >= 0 else 0


def table(rows: list[dict], start: dict) -> str:
    base = start["check_tiny"]["rss"]
    lines = [f"start-up (wall / CPU): osmark --version {start['version']['s']:.2f} / {start['version']['cpu']:.2f} s, "
             f"osmark rules {start['rules']['s']:.2f} / {start['rules']['cpu']:.2f} s; "
             f"a check of a tiny floor peaks at {base / 1e6:.0f} MB (interpreter and libraries)",
             "",
             "| floor | entities | MB | readfile s | check s | check/readfile (wall, CPU) | peak RSS MB "
             "| RSS/file (whole, above start-up) | +image (x readfile, wall, CPU) | read path |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        rf, ck, im = r["readfile"]["s"], r["check"]["s"], r["check_image"]["s"]
        rfc, ckc, imc = r["readfile"]["cpu"], r["check"]["cpu"], r["check_image"]["cpu"]
        mb = r["bytes"] / 1e6
        lines.append(f"| {r['scale']:g}x | {r['entities']:,} | {mb:.1f} | {rf:.2f} | {ck:.2f} | {ck / rf:.2f}, "
                     f"{ckc / rfc:.2f} "
                     f"| {r['check']['rss'] / 1e6:.0f} | {r['check']['rss'] / r['bytes']:.1f}, "
                     f"{(r['check']['rss'] - base) / r['bytes']:.1f} "
                     f"| +{(im - ck) / rf:.2f}, +{(imc - ckc) / rfc:.2f} | {r['stages']['read_path']} |")
    lines += ["", "stages, one process (s): " + ", ".join(
        ("open", "interpret", "rooms", "site", "rules", "json", "image"))]
    for r in rows:
        s = r["stages"]
        lines.append(f"  {r['scale']:g}x: " + "  ".join(
            f"{k} {s[k]:.2f}" for k in ("open", "interpret", "rooms", "site", "rules", "json", "image")))
    by = {r["scale"]: r for r in rows}
    if 1.0 in by and 4.0 in by:
        lines.append(f"\n4x check / 1x check: {by[4.0]['check']['s'] / by[1.0]['check']['s']:.2f} (wall), "
                     f"{by[4.0]['check']['cpu'] / by[1.0]['check']['cpu']:.2f} (CPU)")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scales", default="0.1,0.25,1,4", help="floor sizes, x the 300-room floor")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--repeat-large", type=int, default=None,
                        help="repetitions for floors above 1x (default: --repeat)")
    parser.add_argument("--cache", type=Path, default=ROOT / ".bench-cache", help="where drawn floors are kept")
    parser.add_argument("--out", type=Path, default=None, help="write the figures as JSON here")
    parser.add_argument("--smoke", action="store_true", help="one tiny floor, one run (for the tests)")
    args = parser.parse_args()
    scales = [0.02] if args.smoke else [float(s) for s in args.scales.split(",")]
    repeat = 1 if args.smoke else args.repeat
    args.cache.mkdir(parents=True, exist_ok=True)
    py = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        tiny = ROOT / "samples" / "dxf" / "office_ok.dxf"
        start = {"version": median_child([py, "-m", "osmark_plan", "--version"], max(repeat, 5)),
                 "rules": median_child([py, "-m", "osmark_plan", "rules"], max(repeat, 5)),
                 # what a check costs before any drawing: interpreter and libraries
                 "check_tiny": median_child([py, "-m", "osmark_plan", "check", str(tiny), "--format", "json",
                                             "--output", str(Path(tmp) / "tiny.json")], max(repeat, 3))}
        rows = []
        for s in scales:
            n = args.repeat_large if (s > 1 and args.repeat_large and not args.smoke) else repeat
            rows.append(bench_scale(s, n, args.cache, Path(tmp)))
            print(f"{s:g}x done: check {rows[-1]['check']['s']:.2f} s, readfile {rows[-1]['readfile']['s']:.2f} s",
                  flush=True)
    result = {"machine": {"python": platform.python_version(), "cpus": os.cpu_count(),
                          "processor": platform.processor() or platform.machine(),
                          "load_average": list(os.getloadavg())},
              "repeat": repeat, "startup": start, "floors": rows}
    print(table(rows, start))
    if args.out:
        args.out.write_text(json.dumps(result, indent=2), encoding="utf-8")
        print(f"\nwritten: {args.out}")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child_main(sys.argv[2:])
    else:
        main()
