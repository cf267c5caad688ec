"""The osmark command: exit codes, formats, files it refuses to overwrite."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from osmark_plan.cli import main

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "dxf"


def osmark(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "osmark_plan", *map(str, args)], capture_output=True,
                          text=True, cwd=cwd, encoding="utf-8")


@pytest.fixture
def ok_floor(tmp_path):
    src = SAMPLES / "office_ok.dxf"
    if not src.exists():
        pytest.skip("samples not generated")
    dst = tmp_path / "floor.dxf"
    shutil.copy(src, dst)
    return dst


def test_compliant_floor_exits_0(ok_floor):
    res = osmark("check", ok_floor, "--lang", "en")
    assert res.returncode == 0, res.stdout + res.stderr
    assert "Traceback" not in res.stderr


def test_error_finding_exits_1(ok_floor):
    # without its level-3 room the floor breaks ZON001
    res = osmark("check", SAMPLES / "zon001.dxf", "--format", "json")
    assert res.returncode == 1
    doc = json.loads(res.stdout)
    assert doc["schema"] == "osmark-plan/report/1"
    assert any(f["rule"] == "ZON001" for f in doc["findings"])


def test_select_and_ignore(ok_floor):
    res = osmark("check", SAMPLES / "zon001.dxf", "--format", "json", "--ignore", "ZON")
    doc = json.loads(res.stdout)
    assert not any(f["rule"].startswith("ZON") for f in doc["findings"])
    res = osmark("check", SAMPLES / "zon001.dxf", "--format", "json", "--select", "ZON001")
    assert {f["rule"] for f in json.loads(res.stdout)["findings"]} == {"ZON001"}


@pytest.mark.parametrize("content", [b"", b"not a drawing at all\n", b"\x00\x01\x02garbage" * 100])
def test_unreadable_file_exits_3_without_traceback(tmp_path, content):
    bad = tmp_path / "bad.dxf"
    bad.write_bytes(content)
    res = osmark("check", bad)
    assert res.returncode == 3
    assert "bad.dxf" in res.stderr and "Traceback" not in res.stderr
    assert bad.read_bytes() == content


def test_missing_file_exits_3(tmp_path):
    res = osmark("check", tmp_path / "nope.dxf")
    assert res.returncode == 3 and "nope.dxf" in res.stderr and "Traceback" not in res.stderr


def test_bad_config_exits_2(ok_floor, tmp_path):
    cfg = tmp_path / "osmark.toml"
    cfg.write_text("units = 'furlong'\n", encoding="utf-8")
    res = osmark("check", ok_floor)
    assert res.returncode == 2 and "osmark.toml" in res.stderr and "Traceback" not in res.stderr


def test_bad_option_exits_2(ok_floor):
    assert osmark("check", ok_floor, "--format", "yaml").returncode == 2
    assert osmark("check", ok_floor, "--units", "furlong").returncode == 2
    assert main(["bogus-command"]) == 2


def test_output_file_and_no_overwrite_of_drawing(ok_floor, tmp_path):
    out = tmp_path / "r" / "report.json"
    res = osmark("check", ok_floor, "--format", "json", "--output", out, "--lang", "en")
    assert res.returncode == 2 and "does not exist" in res.stderr and not out.parent.exists()
    out.parent.mkdir()
    res = osmark("check", ok_floor, "--format", "json", "--output", out)
    assert res.returncode == 0 and json.loads(out.read_text(encoding="utf-8"))["drawing"]["path"]
    before = ok_floor.read_bytes()
    res = osmark("check", ok_floor, "--output", ok_floor)
    assert res.returncode == 2 and ok_floor.read_bytes() == before
    res = osmark("check", ok_floor, "--image", tmp_path / "x.bmp")
    assert res.returncode == 2


def test_image_written(ok_floor, tmp_path):
    img = tmp_path / "plan.png"
    res = osmark("check", ok_floor, "--image", img, "--graph", "--lang", "ja")
    assert res.returncode == 0, res.stderr
    assert img.stat().st_size > 10_000


def test_rules_list_and_explain():
    res = osmark("rules", "--lang", "en")
    assert res.returncode == 0
    for code in ("ENC001", "ENC002", "ACC001", "ACC002", "ACC003", "EQP001", "EQP002", "CAB001",
                 "ZON001", "ZON002", "DWG001", "DWG008"):
        assert code in res.stdout
    res = osmark("rules", "ACC001", "--lang", "ja")
    assert res.returncode == 0 and "4.6.3" in res.stdout and "level3-direct-access" in res.stdout
    res = osmark("rules", "acc003")
    assert res.returncode == 0 and "entrance_distance" in res.stdout
    assert osmark("rules", "XYZ999").returncode == 2


def test_layers_command(ok_floor):
    res = osmark("layers", ok_floor, "--format", "json")
    assert res.returncode == 0
    kinds = {layer["name"]: layer["kind"] for layer in json.loads(res.stdout)["layers"]}
    assert "wall" in kinds.values() and "door" in kinds.values() and "zone" in kinds.values()
    res = osmark("layers", ok_floor, "--lang", "en")
    assert res.returncode == 0 and "wall" in res.stdout


def test_unwritable_output_exits_2_without_traceback(ok_floor, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    for option in ("--output", "--image"):
        target = blocker / ("report.json" if option == "--output" else "plan.png")
        res = osmark("check", ok_floor, option, target, "--lang", "en")
        assert res.returncode == 2, res.stderr
        assert "cannot write here" in res.stderr and "Traceback" not in res.stderr


def test_report_file_is_readable_by_others(ok_floor, tmp_path):
    import os
    import stat

    out = tmp_path / "r.json"
    old = os.umask(0o022)
    try:
        assert main(["check", str(ok_floor), "--format", "json", "--output", str(out)]) == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE(out.stat().st_mode) == 0o644


def test_read_errors_in_japanese(tmp_path):
    bad = tmp_path / "bad.dxf"
    bad.write_bytes(b"")
    res = osmark("check", bad, "--lang", "ja")
    assert res.returncode == 3 and "ファイルが空です" in res.stderr
    res = osmark("check", bad, "--lang", "en")
    assert res.returncode == 3 and "the file is empty" in res.stderr


def test_truncated_file_with_nothing_recovered_exits_3(tmp_path):
    src = SAMPLES / "office_ok.dxf"
    if not src.exists():
        pytest.skip("samples not generated")
    data = src.read_bytes()
    cut = tmp_path / "cut.dxf"
    cut.write_bytes(data[: data.index(b"ENTITIES") + 200])
    res = osmark("check", cut, "--lang", "en")
    assert res.returncode == 3, res.stdout + res.stderr
    assert "cut.dxf" in res.stderr and "Traceback" not in res.stderr
