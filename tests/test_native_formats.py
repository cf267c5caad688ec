"""Jw_cad (.jww) and DWG drawings read directly: converted in memory, the converter reported,
the same rooms and doors as the DXF reader finds; diff and batch take them too; a missing
converter package is named with the extra that installs it."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from native_drawings import write_dwg, write_jww
from osmark_plan.api import check_plan, load
from osmark_plan.batch.discover import discover
from osmark_plan.config import Config, from_mapping
from osmark_plan.reader import ReadError

ZONES = from_mapping({"zones": {"事務室": 1, "会議室": 2}})


def osmark(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "osmark_plan", *map(str, args)], capture_output=True,
                          text=True, cwd=cwd)


@pytest.fixture
def dwg(tmp_path):
    return write_dwg(tmp_path / "floor.dwg")


@pytest.fixture
def jww(tmp_path):
    return write_jww(tmp_path / "floor.jww")


def _rooms_and_doors(plan):
    report = check_plan(plan, ZONES)
    site = report.site
    joins = sorted(sorted((site.name_of(l.a), site.name_of(l.b))) for l in site.links if l.door is not None)
    return sorted(z.name for z in plan.zones), joins


def test_dwg_read_with_its_units_rooms_and_doors(dwg):
    plan = load(dwg, ZONES)
    assert plan.source_format == "DWG R2000" and plan.converter.startswith("ezdwg ")
    assert (plan.units, plan.units_source) == ("mm", "$INSUNITS")
    rooms, joins = _rooms_and_doors(plan)
    assert rooms == sorted(["事務室", "会議室"])
    assert sorted(["事務室", "会議室"]) in joins and sorted(["事務室", "OUTSIDE"]) in joins
    assert len(plan.doors) == 2
    assert {round(d.width, 2) for d in plan.doors} == {0.9, 1.0}


def test_jww_read_at_its_layer_group_scale(jww):
    plan = load(jww, ZONES)
    assert plan.source_format == "JWW" and plan.converter.startswith("ezjww ")
    assert plan.units == "mm" and plan.sheet_scale == 100  # the layer group is 1:100
    assert plan.scale == pytest.approx(0.1)
    rooms, _joins = _rooms_and_doors(plan)
    assert set(rooms) == {"事務室", "会議室"}
    assert {round(d.width, 2) for d in plan.doors} == {0.9, 1.0}
    # the Jw_cad layer names (escaped in the DXF) come out readable
    assert {"壁", "建具", "室名"} <= {name.split("_")[-1] for name in plan.layers}


def test_check_json_and_text_name_the_converter(dwg, jww):
    for path, fmt, reader in ((dwg, "DWG R2000", "ezdwg"), (jww, "JWW", "ezjww")):
        result = osmark("check", path, "--format", "json", "--lang", "en")
        assert result.returncode in (0, 1), result.stderr
        drawing = json.loads(result.stdout)["drawing"]
        assert drawing["format"] == fmt and drawing["reader"] == reader
        assert drawing["converter"].startswith(reader + " ")
        text = osmark("check", path, "--lang", "en").stdout.splitlines()[0]
        assert f"{fmt} → DXF ({reader} " in text
        ja = osmark("check", path, "--lang", "ja").stdout.splitlines()[0]
        assert f"{fmt} を {reader} " in ja


def test_json_report_of_a_dxf_says_ezdxf_and_no_converter(tmp_path):
    import ezdxf

    doc = ezdxf.new()
    doc.modelspace().add_line((0, 0), (1, 0), dxfattribs={"layer": "WALL"})
    doc.saveas(tmp_path / "a.dxf")
    drawing = json.loads(osmark("check", tmp_path / "a.dxf", "--format", "json").stdout)["drawing"]
    assert (drawing["format"], drawing["reader"], drawing["converter"]) == ("DXF", "ezdxf", None)


def test_diff_of_a_dwg_and_a_jww_of_the_same_floor(tmp_path):
    (tmp_path / "osmark.toml").write_text('[zones]\n"事務室" = 1\n"会議室" = 2\n', encoding="utf-8")
    a = write_dwg(tmp_path / "asis.dwg")
    b = write_dwg(tmp_path / "application.dwg")
    result = osmark("diff", a, b, "--lang", "en")
    assert result.returncode == 0, result.stdout + result.stderr
    c = write_jww(tmp_path / "application.jww")
    result = osmark("diff", a, c, "--format", "json")
    assert result.returncode in (0, 1) and "Traceback" not in result.stderr


def test_batch_finds_and_checks_jww_and_dwg(tmp_path):
    floors = tmp_path / "floors"
    floors.mkdir()
    write_dwg(floors / "1F.dwg")
    write_jww(floors / "2F.JWW")
    (floors / "notes.txt").write_text("not a drawing")
    assert [p.name for p in discover([str(floors)]).drawings] == ["1F.dwg", "2F.JWW"]
    result = osmark("batch", floors, "--out", tmp_path / "out", "--jobs", "1")
    assert result.returncode in (0, 1), result.stderr
    summary = json.loads((tmp_path / "out" / "summary.json").read_text(encoding="utf-8"))
    assert "1F" in json.dumps(summary) and "2F" in json.dumps(summary)


def test_missing_converter_names_the_extra(jww, monkeypatch):
    import builtins

    real = builtins.__import__

    def no_ezjww(name, *args, **kwargs):
        if name == "ezjww":
            raise ImportError(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_ezjww)
    with pytest.raises(ReadError) as err:
        load(jww, Config())
    assert "osmark-plan[jww]" in str(err.value) and str(jww) in str(err.value)
    assert "osmark-plan[jww]" in err.value.text("ja")


@pytest.mark.parametrize("name,content", [
    ("broken.dwg", b"AC1015" + b"\x00\x01garbage" * 20),
    ("broken.jww", b"JwwData." + b"\xff" * 40),
    ("empty-ish.jwc", b"not a jw_cad file at all"),
])
def test_damaged_native_files_exit_3_naming_the_file(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    result = osmark("check", path, "--lang", "en")
    assert result.returncode == 3
    assert "Traceback" not in result.stderr and name in result.stderr
    assert ("DWG" in result.stderr) if name.endswith(".dwg") else ("JW" in result.stderr)


def test_unknown_binary_says_which_formats_are_read(tmp_path):
    path = tmp_path / "plan.pdf"
    path.write_bytes(b"%PDF-1.4 binary \x00\x01")
    result = osmark("check", path, "--lang", "en")
    assert result.returncode == 3 and "DWG" in result.stderr and ".jww" in result.stderr


def test_input_files_are_not_modified(dwg, jww):
    before = {p: p.read_bytes() for p in (dwg, jww)}
    for p in before:
        load(p, ZONES)
    assert all(p.read_bytes() == data for p, data in before.items())
    assert sorted(x.name for x in dwg.parent.iterdir()) == ["floor.dwg", "floor.jww"]


def test_layers_command_names_the_converter(dwg):
    result = osmark("layers", dwg, "--format", "json")
    data = json.loads(result.stdout)
    assert (data["format"], data["converter"].split()[0], data["region"]) == ("DWG R2000", "ezdwg", None)
    assert "DWG R2000 → DXF (ezdwg" in osmark("layers", dwg, "--lang", "en").stdout.splitlines()[0]


def test_jww_units_note_names_the_layer_group(jww):
    plan = load(jww, ZONES)
    assert "Jw_cad layer group" in plan.units_note and "レイヤグループ" in plan.units_note_ja
