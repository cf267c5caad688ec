"""The Python API: configs found as the command finds them, given as dict or path, clear errors,
the report model, the writers; the example script in docs/ runs."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import osmark_plan as osmark
from osmark_plan.config import Config, ConfigError
from osmark_plan.findings import Report

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples" / "dxf"


@pytest.fixture
def floor(tmp_path):
    src = SAMPLES / "acc003.dxf"
    if not src.exists():
        pytest.skip("samples not generated")
    dst = tmp_path / "floor.dxf"
    shutil.copy(src, dst)
    return dst


def test_check_returns_the_report_model(floor):
    report = osmark.check(floor)
    assert isinstance(report, Report)
    assert [f.rule for f in report.findings] == ["ACC003"] and not report.has_errors


def test_config_beside_the_drawing_is_used_like_the_command(floor, capsys):
    (floor.parent / "osmark.toml").write_text('[severity]\nACC003 = "error"\n', encoding="utf-8")
    assert osmark.check(floor).has_errors
    from osmark_plan.cli import main

    assert main(["check", str(floor), "-q"]) == 1
    # an explicit config wins, as --config does
    assert not osmark.check(floor, Config()).has_errors


def test_config_as_dict_or_path(floor, tmp_path):
    assert osmark.check(floor, {"severity": {"ACC003": "error"}}).has_errors
    assert osmark.check(floor, {"ignore": ["ACC"]}).findings == ()
    path = tmp_path / "other.toml"
    path.write_text('ignore = ["ACC003"]\n', encoding="utf-8")
    assert osmark.check(floor, path).findings == ()
    assert osmark.check(floor, str(path)).findings == ()


@pytest.mark.parametrize("config, words", [
    ({"colour": "red"}, "unknown setting(s): colour"),
    ({"severity": {"ACC003": "fatal"}}, "[severity] ACC003 must be error, warning or info"),
    ({"select": ["XYZ"]}, "select: 'XYZ' matches no rule"),
    ({"rules": {"ACC003": {"distance": 3}}}, "unknown option 'distance'"),
    ({"units": "km"}, "units must be one of"),
])
def test_bad_config_raises_a_value_error_naming_the_key(floor, config, words):
    with pytest.raises(ValueError) as info:
        osmark.check(floor, config)
    assert isinstance(info.value, ConfigError) and words in str(info.value)


def test_bad_config_file_and_type(floor, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("units = ", encoding="utf-8")
    with pytest.raises(ConfigError, match="bad.toml: not valid TOML"):
        osmark.check(floor, bad)
    with pytest.raises(ConfigError, match="missing.toml: config file not found"):
        osmark.load(floor, tmp_path / "missing.toml")
    with pytest.raises(TypeError, match="config must be"):
        osmark.check(floor, 42)


def test_unreadable_drawing_raises_read_error(tmp_path):
    from osmark_plan.reader import ReadError

    with pytest.raises(ReadError, match="file not found"):
        osmark.check(tmp_path / "nope.dxf")


def test_writers_and_render(floor, tmp_path):
    report = osmark.check(floor)
    doc = json.loads(osmark.render(report, "json", "en"))
    assert [f["number"] for f in doc["findings"]] == [1]
    assert osmark.render(report, "text", "en").splitlines()[2].startswith("  1. WARNING ACC003")
    out = osmark.write_report(report, tmp_path / "r.sarif", format="sarif")
    assert json.loads(out.read_text(encoding="utf-8"))["version"] == "2.1.0"
    with pytest.raises(KeyError, match="known: json, junit, sarif, text"):
        osmark.render(report, "yaml")
    from osmark_plan.output import OutputError

    with pytest.raises(OutputError, match="refusing to overwrite"):
        osmark.write_report(report, floor)
    baseline = osmark.write_baseline(report, tmp_path / "base.json")
    assert osmark.check(floor, baseline=baseline).waived == 1


def test_diff_and_batch(floor, tmp_path):
    from osmark_plan.api import batch, diff

    same = diff(floor, floor)
    assert not same.has_differences
    summary = batch([floor], tmp_path / "out", images=False, jobs=1, lang="en")
    assert summary["exit_code"] == 0 and summary["totals"]["floors"] == 1
    assert (tmp_path / "out" / "summary.json").is_file()


def test_example_script_runs(floor, tmp_path):
    out = tmp_path / "out"
    res = subprocess.run([sys.executable, str(ROOT / "docs" / "example_api.py"), str(floor), str(out)],
                         capture_output=True, text=True, encoding="utf-8", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    assert res.stdout.startswith("1. warning ACC003 ")
    assert "0 errors, 1 waived" in res.stdout
    for name in ("report.json", "report.sarif", "report.xml", "plan.png", "marked.dxf"):
        assert (out / name).stat().st_size > 0, name
    doc = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert doc["findings"][0]["waived"]["reason"] == "measures taken (example)"


def test_sub_packages_keep_their_names():
    """``osmark_plan.diff`` and ``osmark_plan.batch`` are the sub-packages, whatever was imported
    before; the API functions of those names live in ``osmark_plan.api``."""
    import importlib
    import types

    from osmark_plan import api

    for name in ("osmark_plan.diff.compare", "osmark_plan.batch.session"):
        importlib.import_module(name)
    import osmark_plan

    assert isinstance(osmark_plan.diff, types.ModuleType) and isinstance(osmark_plan.batch, types.ModuleType)
    assert callable(api.diff) and callable(api.batch)
