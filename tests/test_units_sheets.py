"""Units against door and wall sizes (a correct $INSUNITS kept, a wrong one corrected and
reported), and sheets with several plans (--region, [sheet], layers --suggest-config)."""

from __future__ import annotations

import subprocess
import sys
import tomllib

import ezdxf
import pytest

from osmark_plan.api import check_plan, load
from osmark_plan.config import ConfigError, from_mapping
from osmark_plan.reader.units import choose
from sheet_drawings import write_sheet

ZONES = {"zones": {"執務室": 1, "サーバー室": 3}}


def osmark(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "osmark_plan", *map(str, args)], capture_output=True,
                          text=True, cwd=cwd)


# --- units -------------------------------------------------------------------------------------

def test_declared_unit_confirmed_by_walls_is_never_replaced_by_a_sheet_scale():
    c = choose(4, [9.0, 9.0, 8.5], 20000.0, walls=150.0)
    assert (c.units, c.scale, c.source, c.sheet_scale, c.error) == ("mm", 0.001, "$INSUNITS", None, False)
    assert "kept" in c.note and "0.15 m thick" in c.note and "そのまま採用" in c.note_ja


def test_declared_unit_of_a_floor_sized_drawing_is_kept_against_tiny_door_symbols():
    c = choose(4, [9.0, 9.0], lambda: 24000.0, walls=lambda: None, scale_text=100)
    assert (c.units, c.source, c.sheet_scale) == ("mm", "$INSUNITS", None)


def test_walls_that_confirm_the_declared_unit_beat_doors_that_contradict_it():
    c = choose(4, [90.0, 90.0], None, walls=150.0)
    assert (c.units, c.source) == ("mm", "$INSUNITS")


def test_mm_declared_on_a_cm_drawing_is_corrected_by_doors_and_walls():
    c = choose(4, [90.0, 80.0, 90.0], None, walls=lambda: 15.0)
    assert (c.units, c.source) == ("cm", "doors")
    assert "0.90 m wide" in c.note and "walls 0.15 m thick" in c.note


def _cm_floor(path, insunits=4):
    """A 12 m x 8 m floor drawn in cm with double-line walls (15 cm) and two 90 cm doors, but
    $INSUNITS says mm."""
    doc = ezdxf.new("R2010")
    doc.header["$INSUNITS"] = insunits
    msp = doc.modelspace()
    for off in (0, 15):
        for a, b in [((200 - off * 0, -off), (1200 + off, -off)), ((1200 + off, -off), (1200 + off, 800 + off)),
                     ((1200 + off, 800 + off), (-off, 800 + off)), ((-off, 800 + off), (-off, -off)),
                     ((-off, -off), (100, -off))]:
            msp.add_line(a, b, dxfattribs={"layer": "WALL"})
        msp.add_line((600 + off, 0), (600 + off, 300), dxfattribs={"layer": "WALL"})
        msp.add_line((600 + off, 390), (600 + off, 800), dxfattribs={"layer": "WALL"})
    msp.add_arc((600, 300), 90, 0, 90, dxfattribs={"layer": "DOOR"})
    msp.add_line((600, 300), (690, 300), dxfattribs={"layer": "DOOR"})
    msp.add_arc((100, 0), 90, 0, 90, dxfattribs={"layer": "DOOR"})
    msp.add_line((100, 0), (100, 90), dxfattribs={"layer": "DOOR"})
    doc.saveas(path)
    return path


def test_wrong_insunits_is_reported_as_dwg005_and_a_repair(tmp_path):
    path = _cm_floor(tmp_path / "cm.dxf")
    plan = load(path)
    assert (plan.units, plan.units_source) == ("cm", "doors")
    assert [r.what for r in plan.repairs if r.what == "units corrected"] == ["units corrected"]
    report = check_plan(plan)
    assert any(f.rule == "DWG005" for f in report.findings)
    text = osmark("check", path, "--lang", "ja").stdout
    assert "図面の単位を補正しました" in text


# --- sheets with several plans -----------------------------------------------------------------

@pytest.fixture
def sheet(tmp_path):
    path = write_sheet(tmp_path / "sheet.dxf")
    (tmp_path / "osmark.toml").write_text('[zones]\n"執務室" = 1\n"サーバー室" = 3\n', encoding="utf-8")
    return path


def _rooms(plan):
    return sorted(z.name or "-" for z in plan.zones)


def test_the_whole_sheet_mixes_the_plans(sheet):
    plan = load(sheet, from_mapping(ZONES))
    assert len(plan.zones) > 2 and plan.region is None  # beam cells and elevation boxes too


@pytest.mark.parametrize("table", [{"frame": "1階平面図"}, {"region": [-100, -100, 12100, 8100]}])
def test_sheet_table_picks_the_floor_plan(sheet, table):
    plan = load(sheet, from_mapping({**ZONES, "sheet": table}))
    assert _rooms(plan) == ["サーバー室", "執務室"]
    assert len(plan.doors) == 2
    x0, y0, x1, y1 = plan.region
    assert x0 <= 0 and y0 <= 0 and x1 >= 12000 and y1 >= 8000 and x1 < 20000


def test_frame_name_picks_the_framing_plan_too(sheet):
    plan = load(sheet, from_mapping({**ZONES, "sheet": {"frame": "床伏図"}}))
    assert plan.doors == () and "執務室" not in _rooms(plan)


@pytest.mark.parametrize("region", ["1階平面図", "-100,-100,12100,8100"])
def test_cli_region_on_check_layers_and_diff(sheet, region):
    result = osmark("check", sheet, "--region", region, "--format", "json")
    assert result.returncode in (0, 1), result.stderr
    import json

    doc = json.loads(result.stdout)
    assert sorted(r["name"] for r in doc["regions"]) == ["サーバー室", "執務室"]
    assert doc["drawing"]["region"] is not None
    assert osmark("layers", sheet, "--region", region).returncode == 0
    assert osmark("diff", sheet, sheet, "--region", region).returncode == 0


def test_cli_region_on_batch(sheet, tmp_path):
    result = osmark("batch", sheet, "--out", tmp_path / "out", "--region", "1階平面図", "--jobs", "1", "--no-images")
    assert result.returncode in (0, 1), result.stderr
    import json

    report = json.loads(next((tmp_path / "out").rglob("sheet*.json")).read_text(encoding="utf-8"))
    assert sorted(r["name"] for r in report["regions"]) == ["サーバー室", "執務室"]


def test_region_errors_are_usage_errors(sheet):
    missing = osmark("check", sheet, "--region", "3階平面図", "--lang", "en")
    assert missing.returncode == 2 and "3階平面図" in missing.stderr and "1階平面図" in missing.stderr
    empty = osmark("check", sheet, "--region", "90000,0,95000,100", "--lang", "en")
    assert empty.returncode == 2 and "holds nothing" in empty.stderr
    empty_ja = osmark("check", sheet, "--region", "90000,0,95000,100", "--lang", "ja")
    assert empty_ja.returncode == 2 and "図面の要素がありません" in empty_ja.stderr
    flat = osmark("check", sheet, "--region", "0,0,0,100")
    assert flat.returncode == 2 and "Traceback" not in flat.stderr


@pytest.mark.parametrize("table", [{"region": [0, 0, 5]}, {"region": "0,0,5,5"}, {"frame": ""},
                                   {"frame": "A", "region": [0, 0, 1, 1]}, {"size": 3}])
def test_bad_sheet_tables(table):
    with pytest.raises(ConfigError):
        from_mapping({"sheet": table})


def test_suggest_config_says_there_are_several_plans_and_proposes_the_floor_plan(sheet):
    out = osmark("layers", sheet, "--suggest-config", "--lang", "en").stdout
    assert "This sheet holds 3 plans" in out
    data = tomllib.loads(out)
    assert data["sheet"] == {"frame": "1階平面図"}
    # room names come from the proposed plan only, and no title is offered as a room
    assert '# "執務室" = 1' in out and '# "梁"' not in out and "平面図\" =" not in out
    # the proposal works as it stands
    (sheet.parent / "osmark.toml").write_text(out.replace('# "執務室" = 1', '"執務室" = 1'), encoding="utf-8")
    plan = load(sheet, from_mapping(tomllib.loads((sheet.parent / "osmark.toml").read_text(encoding="utf-8"))))
    assert _rooms(plan) == ["サーバー室", "執務室"]
