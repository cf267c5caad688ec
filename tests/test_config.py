"""osmark.toml: discovery, validation, tables."""

import pytest

from osmark_plan.config import Config, ConfigError, find_config, from_mapping, load_file, load_for


def test_defaults():
    cfg = Config()
    kinds = [k for k, _ in cfg.layer_patterns()]
    assert kinds[0] == "application_area" and "wall" in kinds and "label" in kinds
    assert cfg.geometry == {"wall_tolerance": 0.15, "min_gap": 0.10, "min_passage_width": 0.6}


def test_found_beside_or_above_the_drawing(tmp_path):
    (tmp_path / "osmark.toml").write_text('units = "mm"\n[zones]\n"サーバー室" = 3\n"受付" = "open"\n',
                                          encoding="utf-8")
    floor = tmp_path / "b1" / "f3"
    floor.mkdir(parents=True)
    drawing = floor / "floor.dxf"
    assert find_config(drawing) == tmp_path / "osmark.toml"
    cfg = load_for(drawing)
    assert cfg.units == "mm" and cfg.zones == {"サーバー室": 3, "受付": 0}


def test_pyproject_tool_table(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.osmark]\nignore = ["ACC003"]\n', encoding="utf-8")
    assert load_for(tmp_path / "x.dxf").ignore == ("ACC003",)


def test_explicit_config_wins(tmp_path):
    (tmp_path / "osmark.toml").write_text('units = "mm"\n', encoding="utf-8")
    other = tmp_path / "other.toml"
    other.write_text('units = "m"\n', encoding="utf-8")
    assert load_for(tmp_path / "x.dxf", other).units == "m"


def test_user_layer_patterns_come_first():
    cfg = from_mapping({"layers": {"wall": "^KABE$"}})
    assert cfg.layer_patterns()[0][0] == "wall"
    assert cfg.layers["wall"] == "^KABE$"


@pytest.mark.parametrize("data, words", [
    ({"units": "ft"}, "units"),
    ({"layers": {"walls": "x"}}, "unknown kind"),
    ({"layers": {"wall": "("}}, "bad regex"),
    ({"severity": {"ACC001": "fatal"}}, "severity"),
    ({"zones": {"A": 4}}, "level"),
    ({"geometry": {"wall_tolerance": "x"}}, "metres"),
    ({"bogus": 1}, "unknown setting"),
])
def test_bad_settings_are_named(data, words):
    with pytest.raises(ConfigError, match=words):
        from_mapping(data, "osmark.toml")


def test_bad_toml_names_the_file(tmp_path):
    bad = tmp_path / "osmark.toml"
    bad.write_text("units = = 1", encoding="utf-8")
    with pytest.raises(ConfigError, match="osmark.toml: not valid TOML"):
        load_file(bad)


def test_zone_table_outside_and_cabinets_refuse_it():
    from osmark_plan.config import OUTSIDE_LEVEL

    cfg = from_mapping({"zones": {"共用廊下": "outside", "EVホール": "外部"}})
    assert cfg.zones == {"共用廊下": OUTSIDE_LEVEL, "EVホール": OUTSIDE_LEVEL}
    with pytest.raises(ConfigError, match="cabinets"):
        from_mapping({"cabinets": {"金庫": "outside"}})
