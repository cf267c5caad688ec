"""Units and scale: $INSUNITS against door sizes, scale texts and sheet-scale drawings."""

import ezdxf
import pytest

from osmark_plan.api import check, load
from osmark_plan.config import ConfigError, from_mapping
from osmark_plan.naming import parse_scale
from osmark_plan.reader.units import choose


@pytest.mark.parametrize("text,n", [("基準階平面図　Ｓ＝１／１００", 100), ("SCALE 1:50", 50), ("縮尺1/200", 200),
                                    ("1:100", 100), ("S=1:1", None), ("Office 1", None), ("A-101", None)])
def test_parse_scale(text, n):
    assert parse_scale(text) == n


def test_full_size_drawing_with_a_scale_text_stays_full_size():
    c = choose(4, [900.0, 800.0], 20000.0, scale_text=100)
    assert (c.units, c.scale, c.source, c.note) == ("mm", 0.001, "$INSUNITS", None)


def test_sheet_scale_from_scale_text():
    c = choose(None, [8.2, 6.0, 8.2], 189.0, scale_text=100)
    assert (c.units, c.source, c.sheet_scale, c.error) == ("mm", "scale-text", 100, False)
    assert c.scale == pytest.approx(0.1)
    assert "1:100" in c.note and "1/100" in c.note_ja


def test_sheet_scale_guessed_from_doors_is_an_error_naming_the_fix():
    c = choose(None, [8.5, 9.0, 8.0], 120.0)
    assert (c.units, c.sheet_scale, c.error) == ("mm", 100, True)
    assert 'units = "mm" and scale = 100' in c.note


def test_no_plausible_scale_at_all():
    c = choose(6, [0.0001, 0.0002], 0.01)
    assert c.error and "unreliable" in c.note


def test_config_scale_multiplies_the_unit():
    c = choose(None, [8.2], 189.0, override="mm", override_source="config", sheet=100)
    assert c.scale == pytest.approx(0.1) and c.sheet_scale == 100
    assert from_mapping({"scale": "1/100"}).scale == 100
    with pytest.raises(ConfigError):
        from_mapping({"scale": "half"})


def _sheet_drawing(path, insunits=None, title="平面図 S=1/100"):
    """A 1:100 sheet in mm: a 60 x 40 mm box (6 x 4 m) with a 9 mm door swing."""
    doc = ezdxf.new(setup=False)
    if insunits is not None:
        doc.header["$INSUNITS"] = insunits
    msp = doc.modelspace()
    for name in ("WALL", "DOOR"):
        doc.layers.add(name)
    for a, b in [((0, 0), (60, 0)), ((60, 0), (60, 40)), ((60, 40), (0, 40)), ((0, 40), (0, 19)), ((0, 10), (0, 0))]:
        msp.add_line(a, b, dxfattribs={"layer": "WALL"})
    msp.add_line((0, 10), (-9, 10), dxfattribs={"layer": "DOOR"})
    msp.add_arc((0, 10), 9, 90, 180, dxfattribs={"layer": "DOOR"})
    if title:
        msp.add_text(title, dxfattribs={"insert": (0, -10)})
    doc.saveas(path)


def test_sheet_drawing_read_at_its_stated_scale(tmp_path):
    path = tmp_path / "sheet.dxf"
    _sheet_drawing(path)
    plan = load(path)
    assert (plan.units, plan.units_source, plan.sheet_scale) == ("mm", "scale-text", 100)
    assert plan.doors[0].width == pytest.approx(0.9)
    assert plan.zones and plan.zones[0].polygon.area == pytest.approx(24.0, rel=0.01)
    report = check(path)
    dwg5 = [f for f in report.findings if f.rule == "DWG005"]
    assert len(dwg5) == 1 and dwg5[0].severity == "warning"


def test_sheet_drawing_without_scale_text_gives_a_dwg005_error(tmp_path):
    path = tmp_path / "sheet.dxf"
    _sheet_drawing(path, title=None)
    report = check(path)
    dwg5 = [f for f in report.findings if f.rule == "DWG005"]
    assert len(dwg5) == 1 and dwg5[0].severity == "error"
    assert "scale = 100" in dwg5[0].text("en") and "sheet scale" in dwg5[0].text("en")
    assert report.plan.scale == pytest.approx(0.1)


def _double_wall_floor(tmp_path, insunits, thickness, size):
    """A floor of double-line walls (no doors) in drawing units."""
    import ezdxf

    doc = ezdxf.new("R2018")
    if insunits is not None:
        doc.header["$INSUNITS"] = insunits
    doc.layers.add("WALL")
    msp = doc.modelspace()
    for k in range(4):  # four rooms side by side, each wall drawn as two faces
        x0 = k * size
        for off in (0.0, thickness):
            msp.add_line((x0, off), (x0 + size, off), dxfattribs={"layer": "WALL"})
            msp.add_line((x0, size - off), (x0 + size, size - off), dxfattribs={"layer": "WALL"})
            msp.add_line((x0 + off, 0), (x0 + off, size), dxfattribs={"layer": "WALL"})
            msp.add_line((x0 + size - off, 0), (x0 + size - off, size), dxfattribs={"layer": "WALL"})
    path = tmp_path / "walls.dxf"
    doc.saveas(path)
    return path


def test_wall_thickness_tells_the_unit_when_there_are_no_doors(tmp_path):
    from osmark_plan.config import Config
    from osmark_plan.reader import read_plan

    # $INSUNITS missing, 150-unit double walls, 5000-unit rooms: millimetres
    plan = read_plan(_double_wall_floor(tmp_path, None, 150.0, 5000.0), Config())
    assert (plan.units, plan.units_source) == ("mm", "walls")
    assert "0.15 m thick" in plan.units_note and "壁の厚さ" in plan.units_note_ja


def test_wall_thickness_contradicts_declared_unit(tmp_path):
    from osmark_plan.config import Config
    from osmark_plan.reader import read_plan

    # $INSUNITS says metres, but the walls would be 150 m thick
    plan = read_plan(_double_wall_floor(tmp_path, 6, 150.0, 5000.0), Config())
    assert (plan.units, plan.units_source) == ("mm", "walls")
    # and a metre drawing with 0.15 m walls keeps its declared unit
    plan = read_plan(_double_wall_floor(tmp_path, 6, 0.15, 5.0), Config())
    assert (plan.units, plan.units_source) == ("m", "$INSUNITS")


def test_wall_thickness_estimator():
    import numpy as np

    from osmark_plan.reader.units import wall_thickness

    single = np.array([[0, 0, 10, 0], [10, 0, 10, 10], [10, 10, 0, 10], [0, 10, 0, 0]] * 3, dtype=float)
    assert wall_thickness(single) is None
