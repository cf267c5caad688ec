"""Layer-pattern profiles (default, aia, jww), --profile and --suggest-config."""

import tomllib

import ezdxf
import pytest

from osmark_plan.cli import main
from osmark_plan.config import Config, ConfigError, from_mapping, with_profile
from osmark_plan.reader.layers import LayerKinds


def kinds(cfg):
    k = LayerKinds(cfg)
    return lambda name: k(name)


def test_aia_profile_maps_ncs_layers():
    k = kinds(from_mapping({"profile": "aia"}))
    assert [k(n) for n in ("A-WALL", "A-WALL-PRHT", "A-WALL-GLAZ", "A-DOOR", "A-GLAZ", "A-FURN-FILE",
                           "A-AREA", "A-AREA-IDEN", "A-EQPM", "A-FURN", "S-COLS")] == [
        "wall", "partition", "window", "door", "window", "cabinet", "zone", "label", "device", "ignored", "wall"]


def test_jww_profile_maps_japanese_layers_with_group_prefixes():
    k = kinds(from_mapping({"profile": "jww"}))
    assert [k(n) for n in ("_0-3_建具", "0-2 躯体", "間仕切り", "室名", "_1-F_什器", "文字", "サッシ")] == [
        "door", "wall", "wall", "label", "ignored", "label", "window"]
    # the default profile does not know 間仕切り (full-height partition walls in Jw_cad practice)
    assert kinds(Config())("間仕切り") == "ignored"


def test_user_patterns_come_first_and_add_to_the_profile():
    cfg = from_mapping({"profile": "jww", "layers": {"wall": "^0-0$", "door": "^壁-建具$"}})
    k = kinds(cfg)
    assert k("0-0") == "wall" and k("躯体") == "wall"  # the user's and the profile's wall layers
    assert k("壁-建具") == "door"  # the user's door pattern wins over the profile's wall 壁.*
    # kinds the profile does not name keep the defaults (none here: jww names all)
    assert cfg.layers["wall"] == "^0-0$"


def test_default_profile_keeps_replace_semantics():
    cfg = from_mapping({"layers": {"window": "^Crystal$"}})
    assert kinds(cfg)("Crystal") == "window" and kinds(cfg)("WINDOW") == "ignored"


def test_with_profile_and_bad_profile():
    cfg = with_profile(from_mapping({"layers": {"wall": "^KABE$"}}), "aia")
    assert cfg.profile == "aia" and kinds(cfg)("KABE") == "wall" and kinds(cfg)("A-WALL") == "wall"
    with pytest.raises(ConfigError):
        from_mapping({"profile": "revit"})


def _drawing(path, layers):
    doc = ezdxf.new(setup=False)
    doc.header["$INSUNITS"] = 6
    msp = doc.modelspace()
    for name in layers:
        doc.layers.add(name)
    # a 6 x 4 room with a door swing on the door layer, and a room name
    for a, b in [((0, 0), (6, 0)), ((6, 0), (6, 4)), ((6, 4), (0, 4)), ((0, 4), (0, 1.9)), ((0, 1), (0, 0))]:
        msp.add_line(a, b, dxfattribs={"layer": layers[0]})
    msp.add_line((0, 1), (-0.9, 1), dxfattribs={"layer": layers[1]})
    msp.add_arc((0, 1), 0.9, 90, 180, dxfattribs={"layer": layers[1]})
    msp.add_text("Office", dxfattribs={"layer": layers[2], "insert": (3, 2)})
    doc.saveas(path)


def test_cli_profile_and_suggest_config(tmp_path, capsys):
    path = tmp_path / "aia.dxf"
    _drawing(path, ["A-WALL-FULL", "A-DOOR-SWNG", "A-AREA-IDEN"])
    assert main(["layers", str(path), "--profile", "aia"]) == 0
    out = capsys.readouterr().out
    assert "A-WALL-FULL" in out and "wall" in out
    assert main(["layers", str(path), "--suggest-config"]) == 0
    text = capsys.readouterr().out
    data = tomllib.loads(text)
    assert data["layers"]["wall"] == "^(A-WALL-FULL)$"
    assert data["layers"]["door"] == "^(A-DOOR-SWNG)$"
    assert '# "Office" = 1' in text


def test_suggest_config_guesses_unknown_layers_from_content(tmp_path, capsys):
    path = tmp_path / "odd.dxf"
    doc = ezdxf.new(setup=False)
    doc.header["$INSUNITS"] = 6
    msp = doc.modelspace()
    for x in range(6):  # double-line walls on a layer with no telling name
        msp.add_line((x * 3, 0), (x * 3, 5), dxfattribs={"layer": "L1"})
        msp.add_line((x * 3 + 0.15, 0), (x * 3 + 0.15, 5), dxfattribs={"layer": "L1"})
    msp.add_line((20, 1), (20.9, 1), dxfattribs={"layer": "L2"})
    msp.add_arc((20, 1), 0.9, 0, 90, dxfattribs={"layer": "L2"})
    msp.add_text("Lobby", dxfattribs={"layer": "L3", "insert": (1, 1)})
    doc.saveas(path)
    assert main(["layers", str(path), "--suggest-config"]) == 0
    data = tomllib.loads(capsys.readouterr().out)
    assert data["layers"] == {"wall": "^(L1)$", "door": "^(L2)$", "label": "^(L3)$"}
