"""Under --lang ja no message is an English sentence.

Runs check, layers (and --suggest-config), rules, diff and batch, and their error paths (bad
configs, missing and broken drawings, refused outputs), over the samples, with ``--lang ja``,
and looks for a run of three or more English words in what is printed. Codes, layer and file
names, option names, units and quoted values are not words here: a word is a token of letters
with at least one lower-case letter, standing alone (not inside a path, a snake_case name, a
quoted value or a CODE).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from osmark_plan.cli import main
from osmark_plan.rules import KNOWN_RULES

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples" / "dxf"
#: values a Japanese message may quote as they are written in the config or on the command line
VALUES = {"mm", "cm", "m", "in", "default", "aia", "jww", "ja", "en", "ignored", "true", "false",
          "error", "warning", "info", "open", "outside", "none", "name", "file", "floors"}
TOKEN = re.compile(r"\S+")
WORD = re.compile(r"^[(\"'「]?([A-Za-z]*[a-z][A-Za-z]*)[)\"'」,.;:!?]?$")


def english_runs(text: str, at_least: int = 3) -> list[str]:
    """Runs of ``at_least`` or more English words in ``text``."""
    runs: list[str] = []
    for line in text.splitlines():
        run: list[str] = []
        for token in TOKEN.findall(line) + [""]:
            m = WORD.match(token)
            if m and m.group(1).lower() not in VALUES and "'" not in token[1:-1]:
                run.append(token)
                continue
            # a comma-separated list of names (kinds, settings) is no sentence
            if len(run) >= at_least and not all(t.endswith(",") for t in run[:-1]):
                runs.append(" ".join(run))
            run = []
    return runs


def test_the_detector() -> None:
    assert english_runs("The copier stands by the entrance.") == ["The copier stands by the entrance."]
    assert english_runs("種類: zone, partition, wall, door") == []
    assert english_runs("ENC001 zone-enclosure A-WALL min_gap 0.10 m, cm, m, in") == []
    assert english_runs("コピー機「MFP1」が出入口 DR01 から歩いて 1.1 m") == []
    assert english_runs("osmark: c.toml: units は mm, cm, m, in のいずれか") == []


def ja_output(capsys, *args: str) -> tuple[int, str]:
    code = main([*args, "--lang", "ja"])
    out = capsys.readouterr()
    return code, out.out + out.err


def assert_japanese(text: str, what: str) -> None:
    runs = english_runs(text)
    assert not runs, (what, runs)


SAMPLE_FILES = sorted(SAMPLES.glob("*.dxf"))


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=[p.stem for p in SAMPLE_FILES])
def test_check_every_sample(capsys, path: Path) -> None:
    code, text = ja_output(capsys, "check", str(path))
    assert code in (0, 1)
    assert_japanese(text, path.name)


def test_layers_and_suggested_config(capsys) -> None:
    for path in (SAMPLES / "office_ok.dxf", SAMPLES / "dwg005_r12.dxf"):
        assert_japanese(ja_output(capsys, "layers", str(path))[1], f"layers {path.name}")
        assert_japanese(ja_output(capsys, "layers", str(path), "--suggest-config")[1], f"suggest {path.name}")


def test_rules_list_and_every_rule(capsys) -> None:
    assert_japanese(ja_output(capsys, "rules")[1], "rules")
    for rule in KNOWN_RULES:
        code, text = ja_output(capsys, "rules", rule.code)
        assert code == 0
        assert_japanese(text, rule.code)


def test_diff(capsys) -> None:
    for a, b in (("office_ok", "acc001"), ("office_ok", "cab001"), ("zon002", "near_zon002_cabinet")):
        code, text = ja_output(capsys, "diff", str(SAMPLES / f"{a}.dxf"), str(SAMPLES / f"{b}.dxf"))
        assert code in (0, 1)
        assert_japanese(text, f"diff {a} {b}")


def test_batch(capsys, tmp_path) -> None:
    floors = tmp_path / "floors"
    floors.mkdir()
    for name in ("office_ok", "eqp001"):
        shutil.copy(SAMPLES / f"{name}.dxf", floors / f"{name}.dxf")
    (floors / "broken.dxf").write_text("not a drawing", encoding="utf-8")
    code, text = ja_output(capsys, "batch", str(floors), "--out", str(tmp_path / "out"), "--no-images")
    assert code in (1, 3)
    assert_japanese(text, "batch")


BAD_CONFIGS = {
    "unknown-setting": "colour = 1\n",
    "bad-regex": '[layers]\nwall = "(WALL"\n',
    "unknown-kind": '[layers]\nfurniture = "^F$"\n',
    "bad-units": 'units = "ft"\n',
    "bad-lang": 'lang = "fr"\n',
    "bad-profile": 'profile = "revit"\n',
    "bad-severity": '[severity]\nACC003 = "fatal"\n',
    "unknown-severity-rule": '[severity]\nXYZ999 = "error"\n',
    "unknown-rule-table": "[rules.XYZ999]\nx = 1\n",
    "unknown-option": "[rules.ACC003]\ndistance = 1\n",
    "negative-option": "[rules.ACC003]\nentrance_distance = -1\n",
    "not-a-number": '[rules.EQP002]\ndevice_entrance_distance = "far"\n',
    "whole-number": "[rules.EQP002]\nenclosure_rays = 2.5\n",
    "bad-level": '[zones]\n"会議室" = 7\n',
    "bad-geometry": "[geometry]\nsnap = 1\n",
    "geometry-not-distance": '[geometry]\nmin_gap = "x"\n',
    "table-type": "zones = 3\n",
    "bad-select": 'select = ["XYZ"]\n',
    "bad-scale": 'scale = "A4"\n',
    "not-toml": "this is = = not toml\n",
    "lock-pattern": "lock_pattern = 3\n",
    "building": "building = 3\n",
}


@pytest.mark.parametrize("name", sorted(BAD_CONFIGS))
def test_bad_config_messages(capsys, tmp_path, name: str) -> None:
    drawing = tmp_path / "floor.dxf"
    shutil.copy(SAMPLES / "office_ok.dxf", drawing)
    (tmp_path / "osmark.toml").write_text(BAD_CONFIGS[name], encoding="utf-8")
    code, text = ja_output(capsys, "check", str(drawing))
    assert code == 2, text
    assert text.strip() and re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", text), text
    assert_japanese(text, name)


def test_error_paths(capsys, tmp_path) -> None:
    office = tmp_path / "office.dxf"
    shutil.copy(SAMPLES / "office_ok.dxf", office)
    (tmp_path / "empty.dxf").write_bytes(b"")
    (tmp_path / "text.dxf").write_text("hello", encoding="utf-8")
    cases = [
        ("check", str(tmp_path / "missing.dxf")),
        ("check", str(tmp_path)),
        ("check", str(tmp_path / "empty.dxf")),
        ("check", str(tmp_path / "text.dxf")),
        ("check", str(office), "--select", "XYZ"),
        ("check", str(office), "--ignore", "ALL"),
        ("check", str(office), "--image", str(tmp_path / "plan.bmp")),
        ("check", str(office), "--output", str(office)),
        ("check", str(office), "--config", str(tmp_path / "none.toml")),
        ("rules", "XYZ999"),
        ("layers", str(tmp_path / "missing.dxf")),
        ("diff", str(office), str(tmp_path / "missing.dxf")),
        ("diff", str(office), str(office), "--output", str(office)),
        ("batch", str(tmp_path / "nothing-here"), "--out", str(tmp_path / "out")),
    ]
    for args in cases:
        code, text = ja_output(capsys, *args)
        assert code in (2, 3), (args, text)
        assert text.strip(), args
        assert_japanese(text, " ".join(args))
