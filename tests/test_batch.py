"""`osmark batch`: discovery, per-floor reports, summary files, buildings and exit codes."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from batch_tree import drawings, make_tree
from osmark_plan.cli import main


def batch(*args) -> int:
    return main(["batch", *map(str, args), "--lang", "en"])


def load(out: Path) -> dict:
    return json.loads((out / "summary.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def tree(tmp_path_factory) -> Path:
    return make_tree(tmp_path_factory.mktemp("tree"))


@pytest.fixture(scope="module")
def full(tree, tmp_path_factory):
    """The whole tree checked once with images, two jobs."""
    out = tmp_path_factory.mktemp("out") / "result"
    before = drawings(tree)
    code = batch(tree, "--out", out, "--jobs", 2, "--quiet")
    return code, out, before


def rows_by_path(doc: dict) -> dict[str, dict]:
    return {Path(r["path"]).relative_to(Path(r["path"]).parents[1]).as_posix(): r for r in doc["floors"]}


def test_exit_3_when_a_floor_is_unreadable_and_the_others_still_run(full):
    code, out, _ = full
    assert code == 3
    doc = load(out)
    assert doc["exit_code"] == 3
    assert doc["totals"] == {"floors": 8, "checked": 7, "failed": 1, "passed": 6, "error": 2,
                             "warning": 1, "info": 0, "buildings": 2}
    broken = rows_by_path(doc)["broken/broken.dxf"]
    assert broken["status"] == "failed" and broken["verdict"] == "unreadable"
    assert "broken.dxf" in broken["reason"] and broken["report"] is None


def test_floor_rows(full):
    _, out, _ = full
    rows = rows_by_path(load(out))
    # folders recursively, upper-case suffix found, hidden folder skipped; sorted by path
    assert sorted(rows) == ["bldg_a/1F.dxf", "bldg_a/2F.dxf", "bldg_b/2F.dxf", "bldg_b/3F.dxf",
                            "bldg_b/B1.dxf", "broken/broken.dxf", "loose/acc001.dxf", "loose/ok.DXF"]
    assert [r["path"] for r in load(out)["floors"]] == sorted(r["path"] for r in load(out)["floors"])
    acc = rows["loose/acc001.dxf"]
    assert (acc["verdict"], acc["error"], acc["error_rules"], acc["building"]) == ("fail", 1, ["ACC001"], None)
    assert acc["report"] == "floors/loose/acc001.json" and acc["image"] == "floors/loose/acc001.png"
    ok = rows["loose/ok.DXF"]
    assert (ok["verdict"], ok["error"], ok["warning"], ok["floor"]) == ("pass", 0, 0, "ok.DXF")


def test_building_a_replaces_floor_zon001_and_warns_zon004(full):
    _, out, _ = full
    doc = load(out)
    rows = rows_by_path(doc)
    one, two = rows["bldg_a/1F.dxf"], rows["bldg_a/2F.dxf"]
    assert (one["floor"], one["building"], one["exposed"], one["in_application"]) == ("1F", "本社ビル", True, True)
    # 2F has no level-3 area, but 1F has one: no per-floor ZON001
    assert two["error"] == 0 and two["verdict"] == "pass" and two["building_verdict"] == "pass"
    report = json.loads((out / two["report"]).read_text(encoding="utf-8"))
    assert not any(f["rule"].startswith("ZON00") for f in report["findings"])
    assert "ZON001" not in {r["code"] for r in report["rules"]}
    a = next(b for b in doc["buildings"] if b["name"] == "本社ビル")
    assert a["verdict"] == "pass" and a["floors"] == ["1F", "2F"]
    assert [(f["rule"], f["severity"]) for f in a["findings"]] == [("ZON004", "warning")]
    assert a["findings"][0]["subjects"][:2] == [{"kind": "floor", "id": "1F", "name": "1F"},
                                                {"kind": "region", "id": "Z5", "name": "サーバー室"}]
    assert "1F" in a["findings"][0]["message"] and "サーバー室" in a["findings"][0]["message"]


def test_building_b_from_the_config_table_fails_zon002(full):
    _, out, _ = full
    doc = load(out)
    b = next(b for b in doc["buildings"] if b["name"] == "別館")
    assert b["manifest"].endswith("bldg_b/osmark.toml")
    assert b["floors"] == ["2F", "3F", "B1"]
    assert b["verdict"] == "fail"
    assert [(f["rule"], f["severity"]) for f in b["findings"]] == [("ZON002", "error")]
    assert b["findings"][0]["extra"]["floors"] == ["2F", "3F"]  # B1 is not in the application
    rows = rows_by_path(doc)
    for name in ("bldg_b/2F.dxf", "bldg_b/3F.dxf"):
        assert rows[name]["verdict"] == "pass" and rows[name]["building_verdict"] == "fail"
        assert rows[name]["error"] == 0  # the per-floor ZON002 is replaced by the building's
    b1 = rows["bldg_b/B1.dxf"]
    assert (b1["floor"], b1["in_application"], b1["error"]) == ("B1", False, 0)


def test_reports_images_and_inputs(full):
    _, out, before = full
    for row in load(out)["floors"]:
        if row["status"] != "checked":
            continue
        report = json.loads((out / row["report"]).read_text(encoding="utf-8"))
        assert report["schema"] == "osmark-plan/report/1"
        assert report["summary"]["error"] == row["error"]
        assert report["lang"] == "en"
        assert (out / row["image"]).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert drawings(Path(next(iter(before)).parents[1])) == before


def test_summary_csv(full):
    _, out, _ = full
    raw = (out / "summary.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with (out / "summary.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == ["floor", "path", "building", "in_application", "exposed", "status", "verdict",
                             "building_verdict", "error", "warning", "info", "error_rules", "reason",
                             "report", "image"]
    assert len(rows) == 8
    by_floor = {(r["building"], r["floor"]): r for r in rows}
    one = by_floor[("本社ビル", "1F")]
    assert (one["exposed"], one["verdict"], one["building_verdict"], one["error"]) == ("true", "pass", "pass", "0")
    acc = by_floor[("", "acc001.dxf")]
    assert (acc["verdict"], acc["error"], acc["error_rules"], acc["report"]) == ("fail", "1", "ACC001",
                                                                               "floors/loose/acc001.json")
    broken = by_floor[("", "broken.dxf")]
    assert broken["status"] == "failed" and "broken.dxf" in broken["reason"] and broken["image"] == ""


def test_index_html(full):
    _, out, _ = full
    html = (out / "index.html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert 'href="floors/loose/acc001.json"' in html and 'href="floors/loose/acc001.png"' in html
    assert html.count("<tr>") >= 8 + 2  # floors + building findings
    assert "本社ビル" in html and "別館" in html and "ZON002" in html and "ZON004" in html
    assert "not a DXF file" in html or "broken.dxf" in html
    for external in ("<script", "<link", "src=", "http://", "https://"):
        assert external not in html


def test_same_results_with_one_job(full, tree, tmp_path):
    _, out2, _ = full
    out1 = tmp_path / "one"
    assert batch(tree, "--out", out1, "--jobs", 1, "--quiet") == 3
    assert load(out1) == load(out2)
    for row in load(out1)["floors"]:
        if row["report"]:
            assert (out1 / row["report"]).read_text(encoding="utf-8") == \
                (out2 / row["report"]).read_text(encoding="utf-8")


def test_exit_codes_1_and_0(tree, tmp_path):
    # building B fails ZON002 across its floors: 1
    assert batch(tree / "bldg_b", "--out", tmp_path / "b", "--no-images", "-q") == 1
    # building A passes (ZON004 is a warning); a glob of the loose compliant floor: 0
    assert batch(tree / "bldg_a", str(tree / "loose" / "o*"), "--out", tmp_path / "a", "--no-images", "-q") == 0
    doc = load(tmp_path / "a")
    assert [r["floor"] for r in doc["floors"]] == ["1F", "2F", "ok.DXF"]
    assert not list((tmp_path / "a").rglob("*.png"))


def test_manifest_file_as_argument_and_ignore(tree, tmp_path):
    out = tmp_path / "m"
    assert batch(tree / "bldg_a" / "building.toml", "--out", out, "--no-images", "-q",
                 "--ignore", "ZON004") == 0
    doc = load(out)
    assert [r["floor"] for r in doc["floors"]] == ["1F", "2F"]
    assert doc["buildings"][0]["findings"] == [] and doc["buildings"][0]["verdict"] == "pass"
    # selecting only the building rule runs no floor rule
    assert batch(tree / "bldg_a", "--out", out, "--no-images", "-q", "--select", "ZON004") == 0
    doc = load(out)
    assert all(r["error"] == r["warning"] == 0 for r in doc["floors"])
    assert [f["rule"] for f in doc["buildings"][0]["findings"]] == ["ZON004"]


def test_missing_manifest_floor_fails_the_batch(tmp_path):
    make_tree(tmp_path)
    (tmp_path / "bldg_a" / "building.toml").write_text(
        '[[floors]]\nname = "1F"\nfile = "1F.dxf"\n[[floors]]\nname = "9F"\nfile = "9F.dxf"\n', encoding="utf-8")
    assert batch(tmp_path / "bldg_a", "--out", tmp_path / "out", "--no-images", "-q") == 3
    doc = load(tmp_path / "out")
    nine = next(r for r in doc["floors"] if r["floor"] == "9F")
    assert nine["status"] == "failed" and "9F.dxf" in nine["reason"]
    assert doc["buildings"][0]["verdict"] == "unreadable" and doc["buildings"][0]["name"] == "bldg_a"


def osmark(*args):
    return subprocess.run([sys.executable, "-m", "osmark_plan", *map(str, args)], capture_output=True,
                          text=True, encoding="utf-8")


def test_bad_manifest_exits_2_naming_file_and_key(tmp_path):
    make_tree(tmp_path)
    (tmp_path / "bldg_a" / "building.toml").write_text(
        '[[floors]]\nname = "1F"\nfile = "1F.dxf"\nexposed = "yes"\n', encoding="utf-8")
    res = osmark("batch", tmp_path / "bldg_a", "--out", tmp_path / "out")
    assert res.returncode == 2
    assert "building.toml" in res.stderr and "floors[0].exposed" in res.stderr
    assert "Traceback" not in res.stderr


def test_cli_messages_and_no_progress_when_not_a_terminal(tmp_path):
    make_tree(tmp_path)
    res = osmark("batch", tmp_path / "broken", tmp_path / "loose", "--out", tmp_path / "out",
                 "--no-images", "--lang", "en", "--jobs", "2")
    assert res.returncode == 3
    assert "broken.dxf" in res.stderr and "Traceback" not in res.stderr
    assert "━" not in res.stderr  # no progress bar when stderr is not a terminal
    assert "3 drawings: 1 passed, 1 unreadable" in res.stdout


def test_usage_errors(tmp_path):
    assert osmark("batch", tmp_path, "--out", tmp_path / "o").returncode == 2  # nothing to check
    assert osmark("batch", tmp_path).returncode == 2  # --out is required
    (tmp_path / "f.txt").write_text("x")
    make_tree(tmp_path / "t")
    assert osmark("batch", tmp_path / "t" / "loose", "--out", tmp_path / "f.txt").returncode == 2
    res = osmark("batch", tmp_path / "t" / "loose", "--out", tmp_path / "o", "--select", "XYZ9")
    assert res.returncode == 2 and "XYZ9" in res.stderr


def test_out_inside_the_input_folder_and_rerun(tmp_path):
    make_tree(tmp_path)
    before = drawings(tmp_path)
    for _ in range(2):  # --out may exist
        assert batch(tmp_path / "loose", "--out", tmp_path / "loose" / "out", "--no-images", "-q") == 1
    assert drawings(tmp_path) == before
    assert [r["floor"] for r in load(tmp_path / "loose" / "out")["floors"]] == ["acc001.dxf", "ok.DXF"]
