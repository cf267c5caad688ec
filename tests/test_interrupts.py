"""Whole-process behaviour: signals (130/143), cp932 consoles, unreadable files as another
user, no warning noise, batch floors that run out of time, inputs never modified."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

import bad_inputs as bad

pytestmark = pytest.mark.skipif(not bad.FAILING.exists(), reason="samples not generated")
POSIX = os.name == "posix"


def osmark(*args, env=None, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "osmark_plan", *map(str, args)], capture_output=True,
                          env={**os.environ, **(env or {})}, timeout=300, **kw)


def start(*args, cwd=None) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "osmark_plan", *map(str, args)], cwd=cwd,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)


def handlers_installed(pid: int, timeout: float = 120.0) -> None:
    """Wait until the process has installed its SIGTERM handler (Linux: the caught-signals
    mask in /proc), i.e. it is past its imports and into the work; elsewhere just wait."""
    status = Path(f"/proc/{pid}/status")
    if not status.exists():
        time.sleep(10)
        return
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            caught = next(int(ln.split()[1], 16) for ln in status.read_text().splitlines()
                          if ln.startswith("SigCgt:"))
        except (OSError, StopIteration):
            caught = 0
        if caught & (1 << (signal.SIGTERM - 1)):
            time.sleep(1.5)
            return
        time.sleep(0.1)
    raise AssertionError("the command did not start")


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*") if ".tmp" in p.name)


@pytest.fixture(scope="module")
def slow_floor(tmp_path_factory) -> Path:
    """A drawing that takes a good while to read: 300,000 wall lines, limits raised."""
    folder = tmp_path_factory.mktemp("slow")
    path = bad.million_lines(folder, 300_000)
    (folder / "osmark.toml").write_text("[limits]\nentities = 2000000\n", encoding="utf-8")
    return path


@pytest.mark.skipif(not POSIX, reason="POSIX signals")
@pytest.mark.parametrize("sig,code", [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_signal_ends_with_its_code_and_no_temporaries(slow_floor, tmp_path, sig, code):
    image = tmp_path / "plan.png"
    image.write_bytes(b"a good old image")
    proc = start("check", slow_floor, "--image", image, "-o", tmp_path / "r.json", "--lang", "en")
    handlers_installed(proc.pid)
    os.killpg(proc.pid, sig)
    _out, err = proc.communicate(timeout=60)
    text = err.decode("utf-8", "replace")
    assert proc.returncode == code, text
    assert "Traceback" not in text and "Aborted" not in text and "interrupted" in text
    assert image.read_bytes() == b"a good old image"
    time.sleep(0.5)
    with pytest.raises(ProcessLookupError):  # nothing of the command (its forked scan) lives on
        os.killpg(proc.pid, 0)
    assert leftovers(tmp_path) == [] and not (tmp_path / "r.json").exists()


@pytest.mark.skipif(not POSIX, reason="POSIX signals")
def test_a_signal_to_the_command_alone_ends_its_forked_scan_too(slow_floor, tmp_path):
    """``kill PID`` (not the whole group) while the forked scan reads the big file: the
    command ends it before exiting, so no orphan keeps scanning."""
    proc = start("check", slow_floor, "-o", tmp_path / "r.json", "--lang", "en")
    handlers_installed(proc.pid)
    os.kill(proc.pid, signal.SIGTERM)
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 143, err.decode("utf-8", "replace")
    end = time.monotonic() + 10
    while time.monotonic() < end:
        try:
            os.killpg(proc.pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.1)
    else:
        raise AssertionError("a process of the command outlived it")


@pytest.mark.skipif(not POSIX, reason="POSIX signals")
def test_ctrl_c_stops_a_batch_and_its_workers(slow_floor, tmp_path):
    plans = tmp_path / "plans"
    plans.mkdir()
    for name in ("a.dxf", "b.dxf", "c.dxf"):
        shutil.copy(slow_floor, plans / name)
    shutil.copy(slow_floor.parent / "osmark.toml", plans / "osmark.toml")
    out = tmp_path / "out"
    proc = start("batch", plans, "--out", out, "--jobs", "2", "--lang", "en")
    handlers_installed(proc.pid)
    end = time.monotonic() + 120
    while time.monotonic() < end:  # the floors' processes have started
        ps = subprocess.run(["ps", "-o", "pid=", "-g", str(proc.pid)], capture_output=True, text=True)
        if len(ps.stdout.split()) >= 3:
            break
        time.sleep(0.2)
    time.sleep(1)
    os.killpg(proc.pid, signal.SIGINT)
    _o, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err.decode("utf-8", "replace")
    time.sleep(0.5)
    ps = subprocess.run(["ps", "-o", "pid=", "-g", str(proc.pid)], capture_output=True, text=True)
    assert ps.stdout.split() == []  # no worker left behind
    assert leftovers(out) == []


def test_batch_floor_out_of_time_fails_alone(tmp_path):
    """A floor whose time runs out is a failed floor; the others are checked, the summary is
    written."""
    slow = tmp_path / "slow"
    bad.copy(slow, bad.FAILING, "slow.dxf")
    (slow / "osmark.toml").write_text("[limits]\nseconds = 0.001\n", encoding="utf-8")
    bad.copy(tmp_path / "fast", bad.PASSING, "fast.dxf")
    out = tmp_path / "out"
    res = osmark("batch", tmp_path / "slow", tmp_path / "fast", "--out", out, "--jobs", "2", "--lang", "en")
    err = res.stderr.decode("utf-8")
    assert res.returncode == 3, err
    assert "time limit of 0.001 s" in err and "Traceback" not in err
    import json

    rows = {Path(r["path"]).name: r for r in json.loads((out / "summary.json").read_text(encoding="utf-8"))["floors"]}
    assert rows["slow.dxf"]["status"] == "failed" and rows["fast.dxf"]["status"] == "checked"
    assert (out / "summary.csv").exists() and (out / "index.html").exists()
    assert leftovers(out) == []


def test_cp932_console(tmp_path):
    res = osmark("check", bad.FAILING, "--lang", "en", env={"PYTHONIOENCODING": "cp932"})
    assert res.returncode == 1, res.stderr
    text = res.stdout.decode("cp932")
    assert "ACC001" in text and b"Traceback" not in res.stderr
    res = osmark("check", bad.FAILING, "--lang", "ja", env={"PYTHONIOENCODING": "cp932"})
    assert res.returncode == 1 and "サーバー室" in res.stdout.decode("cp932")


def test_no_warning_noise_for_absurd_coordinates(tmp_path):
    res = osmark("check", bad.nan_walls(tmp_path), "--lang", "en")
    assert res.returncode == 1
    assert res.stderr == b""


def _as_nobody() -> list[str] | None:
    """A command prefix running as an ordinary user, when this test runs as root."""
    if not POSIX:
        return None
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return None
    return [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]


def test_unreadable_file_exits_3(monkeypatch, capsys):
    prefix = _as_nobody()
    if prefix is None:  # no way to be an ordinary user: simulate the refused open
        from osmark_plan.cli import main

        monkeypatch.setattr(Path, "read_bytes", lambda self: (_ for _ in ()).throw(PermissionError(13, "denied")))
        code = main(["check", str(bad.FAILING), "--lang", "en"])
        assert code == 3 and "permission denied" in capsys.readouterr().err
        return
    folder = Path(tempfile.mkdtemp(prefix="osmark-perm-"))
    try:
        folder.chmod(0o755)
        home = folder / "home"
        home.mkdir()
        if prefix:
            os.chown(home, 65534, 65534)
        drawing = bad.copy(folder, bad.FAILING, "locked.dxf")
        drawing.chmod(0)
        for lang, fragment in (("en", "permission denied"), ("ja", "アクセス権がない")):
            res = subprocess.run([*prefix, sys.executable, "-m", "osmark_plan", "check", str(drawing),
                                  "--lang", lang], capture_output=True, timeout=120,
                                 env={**os.environ, "HOME": str(home), "MPLCONFIGDIR": str(home)})
            err = res.stderr.decode("utf-8")
            assert res.returncode == 3, err
            assert fragment in err and str(drawing) in err and len(err.strip().splitlines()) == 1
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _state(paths: list[Path]) -> dict[Path, tuple[str, int]]:
    return {p: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns) for p in paths}


def test_inputs_never_modified(tmp_path):
    a = bad.copy(tmp_path / "in", bad.FAILING, "asis.dxf")
    b = bad.copy(tmp_path / "in", bad.PASSING, "application.dxf")
    (tmp_path / "in" / "osmark.toml").write_text("lang = \"en\"\n", encoding="utf-8")
    inputs = sorted((tmp_path / "in").iterdir())
    before = _state(inputs)
    out = tmp_path / "out"
    out.mkdir()
    runs = [
        ("check", a, "--format", "json", "-o", out / "r.json", "--image", out / "r.png"),
        ("diff", a, b, "-o", out / "d.txt"),
        ("batch", tmp_path / "in", "--out", out / "batch", "--jobs", "2"),
        ("layers", a),
        ("check", a, "-o", a),
        ("check", a, "--image", a),
    ]
    for args in runs:
        osmark(*args)
    assert _state(inputs) == before
    assert sorted(p.name for p in (tmp_path / "in").iterdir()) == sorted(p.name for p in inputs)


def test_stuck_floor_is_killed_and_the_batch_goes_on(monkeypatch, tmp_path):
    """A floor stuck where no signal reaches it (here: SIGALRM blocked) is terminated by the
    batch after its time limit and its grace; the other floors still come back."""
    if not POSIX:
        pytest.skip("fork")
    from dataclasses import replace

    from osmark_plan.batch import forked
    from osmark_plan.batch.worker import FloorResult, FloorTask
    from osmark_plan.config import Config

    if not forked.can_fork():
        pytest.skip("no fork on this platform")

    def fake_check(task):
        if Path(task.path).name == "stuck":
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM, signal.SIGTERM})
            (tmp_path / ".stuck.json.abc.tmp.json").write_text("half", encoding="utf-8")
            time.sleep(60)
        return FloorResult(path=task.path, status="checked", exit=0)

    monkeypatch.setattr(forked, "check_floor", fake_check)
    monkeypatch.setattr(forked, "GRACE", 0.5)
    monkeypatch.setattr(forked, "TERM_WAIT", 0.5)
    def config(seconds):
        return replace(Config(), limits=replace(Config().limits, seconds=seconds))

    tasks = [FloorTask(path=str(tmp_path / name), report=str(tmp_path / f"{name}.json"), image=None,
                       config=config(seconds), lang="en") for name, seconds in (("stuck", 0.5), ("fine", 0))]
    start = time.monotonic()
    results = forked.run_forked(tasks, [0, 1], 2, lambda: None)
    assert time.monotonic() - start < 60
    assert results[0].status == "failed" and "time limit of 0.5 s" in results[0].reason
    assert results[1].status == "checked", results[1]
    assert leftovers(tmp_path) == []


def test_hard_deadline_ends_a_stuck_command():
    code = ("import signal, time\n"
            "from osmark_plan.cli_signals import hard_deadline\n"
            "signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})\n"
            "with hard_deadline(0.5, 'osmark: stopped'):\n"
            "    time.sleep(30)\n")
    start = time.monotonic()
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60)
    assert res.returncode == 3 and b"osmark: stopped" in res.stderr
    assert time.monotonic() - start < 60


def _python(code: str, *args: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=60, **kw)


@pytest.mark.skipif(not POSIX, reason="POSIX signals")
def test_a_signal_while_the_command_still_starts_ends_it_cleanly():
    """The entry point handles Ctrl-C before its own imports (click, the CLI), so a Ctrl-C in
    the first tenth of a second gives the usual message and 130, not a traceback."""
    res = _python("import os, signal, sys\n"
                  "sys.argv = ['osmark', 'check', 'x.dxf', '--lang', 'en']\n"
                  "import osmark_plan.cli_exit as entry\n"
                  "assert signal.getsignal(signal.SIGINT) is entry._early\n"
                  "os.kill(os.getpid(), signal.SIGINT)\n"
                  "import time; time.sleep(5)\n")
    assert res.returncode == 130, res.stderr
    assert res.stderr.strip() == "osmark: interrupted (SIGINT)"


@pytest.mark.skipif(not POSIX, reason="POSIX signals")
def test_a_signal_the_command_was_started_without_stays_ignored():
    res = _python("import signal\n"
                  "import osmark_plan.cli_exit\n"
                  "print(signal.getsignal(signal.SIGINT) is signal.SIG_IGN)\n",
                  preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN))
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == "True"
