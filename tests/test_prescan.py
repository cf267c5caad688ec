"""The scan forked while the libraries import (reader/prescan.py): its result is the one an
in-process read makes, a dead or mismatched child falls back to the in-process scan, limits say
the same, and no child is left behind. Each case runs in a fresh interpreter (a test process
has ezdxf imported already, where the prescan rightly stays off)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples" / "dxf"
pytestmark = pytest.mark.skipif(not hasattr(os, "fork") or sys.platform not in ("linux", "darwin"),
                                reason="the prescan forks")

PRELUDE = """
import json, os, sys
from pathlib import Path
from osmark_plan.config import Config
from osmark_plan.reader.layers import LayerKinds
from osmark_plan.reader import prescan
prescan.usable = lambda: True  # (also on a one-core machine)
assert "ezdxf" not in sys.modules and "numpy" not in sys.modules, "the prescan must start light"
cfg = Config()
path = Path(sys.argv[1])
"""


def run(script: str, *args: object, env: dict | None = None) -> dict:
    code = PRELUDE + textwrap.dedent(script)
    res = subprocess.run([sys.executable, "-c", code, *map(str, args)], capture_output=True, text=True,
                         cwd=ROOT, env={**os.environ, **(env or {})}, timeout=300)
    assert res.returncode == 0, res.stderr
    return json.loads(res.stdout.strip().splitlines()[-1])


def test_the_read_takes_the_childs_scan_and_reads_what_an_in_process_scan_reads():
    out = run("""
        assert prescan.start(path, LayerKinds(cfg), cfg.limits.entities, None)
        from osmark_plan.reader import filtered
        def no(*a, **k):
            raise AssertionError("prepared in-process although a child scanned")
        here, filtered.prepare = filtered.prepare, no
        child = filtered.load_filtered(path, LayerKinds(cfg), cfg.limits)
        filtered.prepare = here
        own = filtered.load_filtered(path, LayerKinds(cfg), cfg.limits)
        same = [e.dxf.handle for e in child.doc.modelspace()] == [e.dxf.handle for e in own.doc.modelspace()]
        print(json.dumps({"path": child.read_path, "same": same, "sha": child.sha256 == own.sha256,
                          "left_out": {k: dict(v) for k, v in child.left_out.items()}
                                      == {k: dict(v) for k, v in own.left_out.items()},
                          "pending": len(prescan._pending)}))
    """, SAMPLES / "office_ok_nested.dxf")
    assert out == {"path": "filtered", "same": True, "sha": True, "left_out": True, "pending": 0}


def test_a_child_that_dies_leaves_the_scan_to_the_read():
    out = run("""
        from osmark_plan.reader import filtered
        real = prescan.prepare
        prescan.prepare = lambda *a, **k: os._exit(9)  # the child dies before it answers
        assert prescan.start(path, LayerKinds(cfg), cfg.limits.entities, None)
        prescan.prepare = real
        loaded = filtered.load_filtered(path, LayerKinds(cfg), cfg.limits)
        print(json.dumps({"path": loaded.read_path, "entities": len(loaded.doc.modelspace()),
                          "pending": len(prescan._pending)}))
    """, SAMPLES / "office_ok_nested.dxf")
    assert out["path"] == "filtered" and out["entities"] > 0 and out["pending"] == 0


def test_a_scan_for_other_patterns_or_limits_is_not_taken_and_is_ended():
    out = run("""
        from osmark_plan.reader import filtered
        assert prescan.start(path, LayerKinds(cfg), None, None)  # no limit: not this read's
        pid = prescan._pending[0].pid
        loaded = filtered.load_filtered(path, LayerKinds(cfg), cfg.limits)
        left = len(prescan._pending)
        prescan.discard()
        try:
            os.waitpid(-1, os.WNOHANG)
            children = "some"
        except ChildProcessError:
            children = "none"
        print(json.dumps({"path": loaded.read_path, "left": left, "children": children}))
    """, SAMPLES / "office_ok_nested.dxf")
    assert out == {"path": "filtered", "left": 1, "children": "none"}


def test_the_entity_limit_says_the_same_from_the_child():
    out = run("""
        from dataclasses import replace
        from osmark_plan.reader import filtered
        from osmark_plan.reader.read_error import ReadError
        limits = replace(cfg.limits, entities=5)
        said = []
        for forked in (True, False):
            if forked:
                assert prescan.start(path, LayerKinds(cfg), 5, None)
            try:
                filtered.load_filtered(path, LayerKinds(cfg), limits)
                said.append("read")
            except ReadError as exc:
                said.append(str(exc))
        print(json.dumps({"said": said}))
    """, SAMPLES / "office_ok_nested.dxf")
    assert out["said"][0] == out["said"][1] and "5" in out["said"][0]


def test_a_file_the_scan_declines_goes_to_the_full_load_with_the_reason():
    out = run("""
        from osmark_plan.reader import filtered
        assert prescan.start(path, LayerKinds(cfg), cfg.limits.entities, None)
        loaded = filtered.load_filtered(path, LayerKinds(cfg), cfg.limits)
        print(json.dumps({"path": loaded.read_path}))
    """, SAMPLES / "dwg005_r12.dxf")
    assert out["path"].startswith("full: DXF R12")


@pytest.mark.parametrize("name", ["office_ok_nested.dxf", "acc001.dxf", "zon003.dxf"])
def test_check_reports_the_same_with_and_without_the_prescan(tmp_path, name):
    reports = []
    for flag in ("1", "0"):
        out = tmp_path / f"{flag}.json"
        res = subprocess.run([sys.executable, "-m", "osmark_plan", "check", str(SAMPLES / name), "--format",
                              "json", "-o", str(out), "--lang", "en"], capture_output=True, text=True,
                             cwd=ROOT, env={**os.environ, "OSMARK_PRESCAN": flag}, timeout=300)
        assert res.returncode in (0, 1), res.stderr
        assert "Traceback" not in res.stderr
        reports.append(out.read_bytes())
    assert reports[0] == reports[1]


def test_the_prescan_stays_off_where_it_cannot_help(monkeypatch):
    from osmark_plan.reader import prescan

    import ezdxf  # noqa: F401  (a process with the libraries loaded: nothing to overlap)

    assert not prescan.usable()
    monkeypatch.delitem(sys.modules, "ezdxf")
    monkeypatch.setenv("OSMARK_PRESCAN", "0")
    assert not prescan.usable()
    monkeypatch.setenv("OSMARK_PRESCAN", "1")
    monkeypatch.setattr(prescan.threading, "active_count", lambda: 2)
    assert not prescan.usable()


def test_a_damaged_file_goes_to_the_full_load_though_the_child_left_the_check_out(tmp_path):
    """The child does not check that every line pair is a group code and a value; this
    process does meanwhile, and its verdict comes first, as in an in-process scan."""
    text = (SAMPLES / "office_ok_nested.dxf").read_bytes()
    at = text.index(b"ENTITIES")
    code = text.index(b"\n 10\n", at)
    broken = tmp_path / "damaged.dxf"
    broken.write_bytes(text[:code] + b"\n1O\n" + text[code + 5:])  # letter O for a zero
    out = run("""
        from osmark_plan.reader import filtered
        said = []
        for forked in (True, False):
            if forked:
                assert prescan.start(path, LayerKinds(cfg), cfg.limits.entities, None)
            loaded = filtered.load_filtered(path, LayerKinds(cfg), cfg.limits)
            said.append([loaded.read_path, [r.what for r in loaded.repairs]])
        print(json.dumps({"said": said, "pending": len(prescan._pending)}))
    """, broken)
    assert out["said"][0] == out["said"][1], out
    assert out["said"][0][0] == "full: a line that is not a group code where one should be"
    assert out["pending"] == 0


def test_the_child_leaves_the_damage_check_to_this_process():
    out = run("""
        from osmark_plan.reader import filtered
        from osmark_plan.reader.prepare import prepare
        assert prescan.start(path, LayerKinds(cfg), cfg.limits.entities, None)
        got = prescan.take(path, LayerKinds(cfg), cfg.limits.entities)
        print(json.dumps({"outcome": got.outcome, "checked": got.pairs_checked,
                          "child_alone": prepare(path, LayerKinds(cfg), cfg.limits.entities, None,
                                                 pairs=False).pairs_checked}))
    """, SAMPLES / "office_ok_nested.dxf")
    assert out == {"outcome": "scan", "checked": True, "child_alone": False}


def test_diff_scans_both_drawings_in_children_and_reports_the_same(tmp_path):
    """``osmark diff`` forks a scan for each drawing; the comparison is the one made without."""
    folder = ROOT / "samples" / "diff" / "direct_level3"
    if not (folder / "asis.dxf").exists():
        pytest.skip("diff samples not generated")
    asis, application = folder / "asis.dxf", folder / "application.dxf"
    outs = []
    for flag in ("1", "0"):
        out = tmp_path / f"{flag}.json"
        res = subprocess.run([sys.executable, "-m", "osmark_plan", "diff", str(asis), str(application),
                              "--format", "json", "-o", str(out), "--lang", "en"], capture_output=True,
                             text=True, cwd=ROOT, env={**os.environ, "OSMARK_PRESCAN": flag}, timeout=300)
        assert res.returncode in (0, 1), res.stderr
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]


def test_a_time_limit_during_this_process_share_ends_the_claimed_child():
    out = run("""
        from osmark_plan.reader import filtered
        from osmark_plan.limits import TimeLimitExceeded
        assert prescan.start(path, LayerKinds(cfg), cfg.limits.entities, None)
        def late(data):
            raise TimeLimitExceeded(1.0, str(path))
        prescan.damaged = late
        try:
            filtered.load_filtered(path, LayerKinds(cfg), cfg.limits)
            said = "read"
        except TimeLimitExceeded:
            said = "stopped"
        try:
            os.waitpid(-1, os.WNOHANG)
            children = "some"
        except ChildProcessError:
            children = "none"
        print(json.dumps({"said": said, "children": children, "pending": len(prescan._pending)}))
    """, SAMPLES / "office_ok_nested.dxf")
    assert out == {"said": "stopped", "children": "none", "pending": 0}
