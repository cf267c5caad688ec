"""The ``osmark`` command's quick exit (cli_exit.console): outputs complete, exit codes kept, exit
handlers run, and the usual exit while another thread still works."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "dxf" / "acc001.dxf"


def python(code: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8"}, timeout=300)


def test_a_piped_report_is_whole_and_the_exit_code_kept():
    res = subprocess.run([sys.executable, "-m", "osmark_plan", "check", "--format", "json", str(SAMPLE)],
                         capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert res.returncode == 1  # an error finding
    doc = json.loads(res.stdout)
    assert doc["findings"] and doc["drawing"]["name"] == "acc001.dxf"


def test_exit_handlers_run_before_the_quick_exit():
    res = python("import atexit, sys\n"
                 "from osmark_plan.cli_exit import console\n"
                 "atexit.register(lambda: print('handler ran', file=sys.stderr, flush=True))\n"
                 "sys.argv = ['osmark', 'rules', '--format', 'json']\n"
                 "console()\n")
    assert res.returncode == 0
    assert "handler ran" in res.stderr
    assert json.loads(res.stdout)  # and stdout was flushed before leaving


def test_a_running_thread_gets_the_usual_exit():
    res = python("import sys, threading, time\n"
                 "from osmark_plan.cli_exit import console\n"
                 "def late():\n"
                 "    time.sleep(0.5)\n"
                 "    print('thread finished', flush=True)\n"
                 "threading.Thread(target=late).start()\n"
                 "sys.argv = ['osmark', '--version']\n"
                 "console()\n")
    assert res.returncode == 0
    assert "thread finished" in res.stdout  # not cut off by os._exit


def test_a_profiler_still_gets_its_figures(tmp_path):
    """``python -m cProfile -o F -m osmark_plan ...`` writes F after the command returns: the
    quick exit stands aside while a profiler (or a tracer: coverage) watches."""
    out = tmp_path / "prof.out"
    res = subprocess.run([sys.executable, "-m", "cProfile", "-o", str(out), "-m", "osmark_plan", "--version"],
                         capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert res.returncode == 0, res.stderr
    assert out.exists() and out.stat().st_size > 0
