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
- batch: ``osmark batch --jobs N`` (worker processes).

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
        t_seq, c_seq, _ = timed(common + ["--out", str(Path(tmp) / "seq"), "--jobs", "1"], args.repeat)
        t_par, c_par, _ = timed(common + ["--out", str(Path(tmp) / "par"), "--jobs", str(args.jobs)], args.repeat)
        seq = json.loads((Path(tmp) / "seq" / "summary.json").read_text(encoding="utf-8"))
        par = json.loads((Path(tmp) / "par" / "summary.json").read_text(encoding="utf-8"))
        same = seq["floors"] == par["floors"]
    print(f"floors: {args.floors} x ~{args.rooms} rooms ({entities} entities, drawn in {drawn:.1f} s); "
          f"images: {'no' if args.no_images else 'yes'}")
    print(f"sequential (--jobs 1)      {t_seq:8.2f} s   CPU {c_seq:8.2f} s")
    print(f"batch --jobs {args.jobs:<13} {t_par:8.2f} s   CPU {c_par:8.2f} s")
    print(f"ratio batch / sequential   {t_par / t_seq:8.2f}   (target <= 0.55); same results: {same}")
    print(f"load average (1 min) before {load_before:.2f}, after {os.getloadavg()[0]:.2f} "
          f"on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
