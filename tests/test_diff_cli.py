"""osmark diff on the command line: exit codes, JSON against its schema, text, image."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from osmark_plan.cli import cli
from osmark_plan.diff.document import SCHEMA, schema

PAIRS = Path(__file__).resolve().parents[1] / "samples" / "diff"


def pair(name: str) -> tuple[str, str]:
    folder = PAIRS / name
    if not folder.is_dir():
        pytest.skip("diff samples not generated")
    return str(folder / "asis.dxf"), str(folder / "application.dxf")


def run(*args: str):
    return CliRunner().invoke(cli, ["diff", *args], catch_exceptions=False)


def test_identical_exits_0_and_says_so():
    res = run(*pair("identical"), "--lang", "en")
    assert res.exit_code == 0, res.output
    assert "No differences" in res.stdout


def test_shifted_rotated_exits_0_and_reports_the_alignment():
    res = run(*pair("shifted_rotated"), "--lang", "en")
    assert res.exit_code == 0, res.output
    assert "rotated 270°" in res.stdout and "(-2000 m, 1000 m)" in res.stdout


def test_no_align_makes_a_moved_drawing_differ():
    res = run(*pair("shifted_rotated"), "--no-align", "--format", "json")
    assert res.exit_code == 1
    doc = json.loads(res.stdout)
    assert doc["alignment"]["status"] == "disabled" and doc["summary"]["changes"] > 10


def test_differences_exit_1_text_grouped_most_serious_first():
    res = run(*pair("many"), "--lang", "ja")
    assert res.exit_code == 1
    out = res.stdout
    assert out.index("レベル3の部屋への新しい直接経路") < out.index("レベルの変更") < out.index("出力機器")
    assert "「役員室」のレベルが レベル2 から レベル1 に変わりました" in out
    assert "新たに生じる指摘 (1)" in out and "ACC002" in out


def test_json_validates_against_the_schema():
    jsonschema = pytest.importorskip("jsonschema")
    for name in ("many", "identical", "room_removed", "door_removed"):
        res = run(*pair(name), "--format", "json", "--lang", "en")
        doc = json.loads(res.stdout)
        jsonschema.validate(doc, schema())
        assert doc["schema"] == SCHEMA
    first = doc["changes"][0]  # door_removed
    assert first["signature"] == "edge removed 執務室|役員室"
    assert first["message"] == "Route 執務室 ⇔ 役員室 removed (DR03)"
    assert doc["findings"][0]["status"] == "new" and doc["findings"][0]["rule"] == "DWG007"


def test_json_numbers_and_positions(tmp_path):
    out = tmp_path / "d.json"
    res = run(*pair("many"), "--format", "json", "--output", str(out))
    assert res.exit_code == 1 and res.stdout == ""
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert [c["number"] for c in doc["changes"]] == list(range(1, 10))
    assert doc["summary"]["serious"] == 2 and doc["summary"]["findings"]["new"] == 1
    moved = next(c for c in doc["changes"] if c["signature"] == "device moved MFP1")
    assert moved["at_m"] == [9.0, 9.5] and moved["at"] == [9.0, 9.5]  # the as-is drawing is in m
    assert doc["application"]["units"] == "mm" and doc["alignment"]["applied"] is True


def test_tolerance_option_and_config(tmp_path):
    a, b = pair("door_moved")  # DR03 moved 1.5 m
    assert run(a, b, "--tolerance", "2.0").exit_code == 0
    cfg = tmp_path / "osmark.toml"
    cfg.write_text("[diff]\ntolerance = 2.0\n", encoding="utf-8")
    assert run(a, b, "--config", str(cfg)).exit_code == 0
    assert run(a, b).exit_code == 1


def test_bad_config_exits_2(tmp_path):
    cfg = tmp_path / "osmark.toml"
    cfg.write_text("[diff]\ntolerance = \"wide\"\n", encoding="utf-8")
    res = run(*pair("identical"), "--config", str(cfg))
    assert res.exit_code == 2 and "[diff] tolerance" in res.stderr
    assert run(*pair("identical"), "--image", str(tmp_path / "x.gif")).exit_code == 2


def test_unreadable_drawing_exits_3_and_names_it(tmp_path):
    a, _ = pair("identical")
    broken = tmp_path / "broken.dxf"
    broken.write_text("this is not a drawing\n", encoding="utf-8")
    res = run(a, str(broken), "--lang", "en")
    assert res.exit_code == 3
    assert "application drawing" in res.stderr and "broken.dxf" in res.stderr
    res = run(str(tmp_path / "missing.dxf"), a, "--lang", "en")
    assert res.exit_code == 3 and "as-is drawing" in res.stderr
    res = run(str(tmp_path / "missing.dxf"), a, "--lang", "ja")
    assert res.exit_code == 3 and "現状図面" in res.stderr and "ファイルがありません" in res.stderr


def test_refuses_to_overwrite_an_input(tmp_path):
    a, b = pair("identical")
    assert run(a, b, "--output", b).exit_code == 2


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_image_is_written_and_not_blank(tmp_path, lang):
    from PIL import Image

    path = tmp_path / f"many_{lang}.png"
    res = run(*pair("many"), "--image", str(path), "--lang", lang, "--quiet")
    assert res.exit_code == 1 and path.is_file()
    img = Image.open(path).convert("RGB")
    assert img.width > 1500 and img.height > 700
    colours = img.getcolors(maxcolors=1 << 20)
    assert len(colours) > 50
    # both "only in" colours appear (vermillion and blue), so the overlay shows both drawings
    pixels = set(c for _, c in colours)
    assert (0xd5, 0x5e, 0x00) in pixels and (0x00, 0x72, 0xb2) in pixels


def test_svg_image_and_module_entry_point(tmp_path):
    path = tmp_path / "d.svg"
    res = subprocess.run([sys.executable, "-m", "osmark_plan", "diff", *pair("direct_level3"),
                          "--image", str(path), "--lang", "en"], capture_output=True, text=True,
                         encoding="utf-8")
    assert res.returncode == 1, res.stderr
    assert "New direct routes into level-3 rooms" in res.stdout
    assert path.read_text(encoding="utf-8").lstrip().startswith("<?xml")
