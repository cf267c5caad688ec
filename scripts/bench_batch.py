#!/usr/bin/env python3
"""Benchmark: `osmark batch --jobs N` against checking the same floors one after another.

    .venv/bin/python scripts/bench_batch.py                    # 20 floors of ~300 rooms, --jobs 2
    .venv/bin/python scripts/bench_batch.py --floors 8 --rooms 100 --no-images

Draws ``--floors`` mid-size floors with scripts/bench.py's ``draw_floor`` into a temporary
folder, then times, each as the median of ``--repeat`` runs in a fresh process (imports
included, as a user would run them):

- sequential: ``osmark batch --jobs 1``, one floor at a time (read, check, JSON report and
  image per floor; where the platform forks, each floor in a child forked from the warmed-up
  process, as with more jobs);
- batch: ``osmark batch --jobs N`` (worker processes);
- the machine's ceiling: N copies of a pure-Python busy loop run at once, against one after
  the other (0.5 on two free cores; more where the cores are shared or are siblings of one
  physical core: no batch can beat it there).

The two commands run in turns (sequential, batch, sequential ...).

Prints both times (wall, and the CPU seconds of the processes), the ratio batch / sequential
(the target on a 2-core machine is <= 0.55) and the load average before and after: on a shared
machine the wall ratio only means something when the load stayed low; equal CPU seconds show
that the parallel run does no extra work.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import draw_floor  # noqa: E402


def timed(args: list[str], repeat: int) -> tuple[float, float, int]:
    """Median wall time and median CPU seconds (user + system, all child processes) of running
    ``osmark ARGS`` ``repeat`` times, and its exit code."""
    times, cpus, code = [], [], 0
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        res = subprocess.run([sys.executable, "-m", "osmark_plan", *args], capture_output=True, text=True)
        times.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        code = res.returncode
        if code not in (0, 1):
            sys.stderr.write(res.stderr)
            raise SystemExit(f"osmark {' '.join(args)} failed with exit code {code}")
    return statistics.median(times), statistics.median(cpus), code


#: a fixed amount of pure-Python work (about a second): the machine's own parallel ceiling
BUSY = "x = 0\nfor i in range(25_000_000):\n    x += i\n"


def ceiling(jobs: int, repeat: int) -> float:
    """How long ``jobs`` copies of a busy loop take run at once, against one after the other:
    0.5 on two free cores. Cores shared with other guests, or siblings of one physical core,
    give more; no batch can do better than this on the machine."""
    ratios = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", BUSY], check=True)
        one = time.perf_counter() - start
        start = time.perf_counter()
        procs = [subprocess.Popen([sys.executable, "-c", BUSY]) for _ in range(jobs)]
        for proc in procs:
            proc.wait()
        ratios.append((time.perf_counter() - start) / (jobs * one))
    return statistics.median(ratios)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--floors", type=int, default=20)
    parser.add_argument("--rooms", type=int, default=300)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--no-images", action="store_true", help="time reports only, no images")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        floors = Path(tmp) / "floors"
        floors.mkdir()
        start = time.perf_counter()
        entities = 0
        for i in range(args.floors):
            entities += draw_floor(floors / f"{i + 1:02d}F.dxf", args.rooms)
        drawn = time.perf_counter() - start
        common = ["batch", str(floors), "--quiet", "--lang", "en"] + (["--no-images"] if args.no_images else [])
        load_before = os.getloadavg()[0]
        roof = ceiling(args.jobs, 3)
        runs: dict[str, list[tuple[float, float, int]]] = {"seq": [], "par": []}
        for _ in range(args.repeat):  # in turns, so that a busy spell weighs on both alike
            runs["seq"].append(timed(common + ["--out", str(Path(tmp) / "seq"), "--jobs", "1"], 1))
            runs["par"].append(timed(common + ["--out", str(Path(tmp) / "par"), "--jobs", str(args.jobs)], 1))
        t_seq, c_seq = (statistics.median(r[i] for r in runs["seq"]) for i in (0, 1))
        t_par, c_par = (statistics.median(r[i] for r in runs["par"]) for i in (0, 1))
        pairs = [p[0] / s[0] for s, p in zip(runs["seq"], runs["par"])]
        seq = json.loads((Path(tmp) / "seq" / "summary.json").read_text(encoding="utf-8"))
        par = json.loads((Path(tmp) / "par" / "summary.json").read_text(encoding="utf-8"))
        same = seq["floors"] == par["floors"]
    print(f"floors: {args.floors} x ~{args.rooms} rooms ({entities} entities, drawn in {drawn:.1f} s); "
          f"images: {'no' if args.no_images else 'yes'}")
    print(f"sequential (--jobs 1)      {t_seq:8.2f} s   CPU {c_seq:8.2f} s")
    print(f"batch --jobs {args.jobs:<13} {t_par:8.2f} s   CPU {c_par:8.2f} s")
    print(f"ratio batch / sequential   {statistics.median(pairs):8.2f}   (median of the pairs run in turns; "
          f"target <= 0.55); same results: {same}")
    print(f"this machine's ceiling     {roof:8.2f}   ({args.jobs} busy loops at once against one after the "
          f"other; 0.50 on {args.jobs} free cores)")
    print(f"load average (1 min) before {load_before:.2f}, after {os.getloadavg()[0]:.2f} "
          f"on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
