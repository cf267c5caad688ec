"""What a DWG or Jw_cad converter loses is counted and said: the source's entities (the DWG
object map, the Jw_cad records) against the converted DXF, by kind and layer. A loss that may
hold walls or room names stops check, diff and batch with exit 3 and one line, unless the user
accepts a partial drawing; then DWG011 says the verdict rests on it."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import ezdxf
import pytest

from native_drawings import DOORS, ROOMS, WALLS, write_dwg, write_jww
from osmark_plan.api import load
from osmark_plan.cli import main
from osmark_plan.config import Config, from_mapping
from osmark_plan.reader import ReadError
from osmark_plan.reader.tally import dwg_tally, dxf_tally
from osmark_plan.partial import refuse_partial
from osmark_plan.shortfall import Shortfall, compare

TOML = '[zones]\n"事務室" = 1\n"会議室" = 2\n'


# -- counting and comparing ------------------------------------------------------------------

def test_kinds_a_converter_turns_into_one_another_are_not_lost():
    source = Counter({("LINE", "WALL"): 10, ("POLYLINE", "WALL"): 2, ("MTEXT", "ROOM"): 3,
                      ("ATTRIB", "ROOM"): 1, ("POINT", "0"): 4})
    converted = Counter({("LINE", "WALL"): 4, ("LWPOLYLINE", "WALL"): 2, ("TEXT", "ROOM"): 4,
                         ("POINT", "0"): 4})
    assert compare(source, converted) == {("LINE", "WALL"): 6}


def test_a_family_loses_no_more_than_its_own_shortfall():
    # 5 lines on A became 3 lines on B: 2 lost, whatever the layers say
    assert compare(Counter({("LINE", "A"): 5}), Counter({("LINE", "B"): 3})) == {("LINE", "A"): 2}
    # more converted than held (a polyline exploded into lines): nothing lost
    assert compare(Counter({("LWPOLYLINE", "A"): 1}), Counter({("LINE", "A"): 4})) == {}


def test_what_may_be_walls_or_room_names():
    layers = {"WALL": "wall", "PART": "partition", "NAMES": "label", "0": "ignored", "DOOR": "door"}
    lost = Shortfall("ezdwg 0", "DWG R2018", 100, 50, {
        ("LINE", "WALL"): 3, ("HATCH", "PART"): 1, ("AEC_WALL", "0"): 2, ("LINE", None): 4,
        ("LINE", "NOT-IN-TABLE"): 5, ("MTEXT", "0"): 6, ("POINT", "NAMES"): 7, ("LINE", "0"): 8,
        ("ARC", "DOOR"): 9, ("?", None): 10})
    assert lost.at_risk(layers) == {"walls": 3 + 1 + 2 + 4 + 5, "labels": 6 + 7, "unknown": 10}
    assert lost.total == 55 and lost.by_kind()["LINE"] == 20
    harmless = Shortfall("ezdwg 0", "DWG R2018", 10, 1, {("LINE", "0"): 8, ("ARC", "DOOR"): 1})
    assert not harmless.partial(layers)


def test_dxf_tally_expands_blocks_as_the_reader_does():
    doc = ezdxf.new()
    inner = doc.blocks.new("LEAF")
    inner.add_line((0, 0), (1, 0), dxfattribs={"layer": "0"})  # takes the reference's layer
    inner.add_text("x", dxfattribs={"layer": "NOTE"})
    outer = doc.blocks.new("DOOR")
    outer.add_arc((0, 0), 1, 0, 90, dxfattribs={"layer": "0"})
    outer.add_blockref("LEAF", (0, 0), dxfattribs={"layer": "0"})
    outer.add_blockref("DOOR", (0, 0))  # inside itself: not followed
    outer.add_attdef("TAG", (0, 0))  # a definition, never drawn
    msp = doc.modelspace()
    msp.add_line((0, 0), (5, 0), dxfattribs={"layer": "WALL"})
    ref = msp.add_blockref("DOOR", (1, 1), dxfattribs={"layer": "DOORS"})
    ref.add_attrib("NO", "D1", (1, 1), dxfattribs={"layer": "TAGS"})
    grid = msp.add_blockref("LEAF", (9, 9), dxfattribs={"layer": "GRID"})
    grid.grid(size=(2, 3), spacing=(1, 1))  # a MINSERT: 6 copies
    msp.add_linear_dim(base=(0, 1), p1=(0, 0), p2=(5, 0)).render()  # dimensions are not compared
    assert dxf_tally(doc) == Counter({
        ("LINE", "WALL"): 1, ("ARC", "DOORS"): 1, ("LINE", "DOORS"): 1, ("TEXT", "NOTE"): 7,
        ("ATTRIB", "TAGS"): 1, ("LINE", "GRID"): 6})


def test_dwg_object_map_counted_with_its_blocks(tmp_path):
    import ezdwg

    d = ezdwg.new()
    for name in ("WALL", "DOOR", "ROOM-NAME"):
        d.layers[name] = {"color_index": 7}
    leaf = d.blocks.new("LEAF")
    leaf.add_line((0, 0), (900, 0), layer="0")
    swing = d.blocks.new("SWING")
    swing.add_arc((0, 0), 900, 0, 90, layer="0")
    swing.add_blockref("LEAF", (0, 0), layer="0")
    msp = d.modelspace()
    for a, b in WALLS:
        msp.add_line((a[0] * 1000, a[1] * 1000), (b[0] * 1000, b[1] * 1000), layer="WALL")
    for (hx, hy), _r, _leaf in DOORS:
        msp.add_blockref("SWING", (hx * 1000, hy * 1000), layer="DOOR")
    for text, (x, y) in ROOMS:
        msp.add_mtext(text, (x * 1000, y * 1000), char_height=300, layer="ROOM-NAME")
    d.save(str(tmp_path / "blocks.dwg"))
    assert dwg_tally(str(tmp_path / "blocks.dwg"), ezdwg.raw) == Counter({
        ("LINE", "WALL"): len(WALLS), ("ARC", "DOOR"): 2, ("LINE", "DOOR"): 2, ("MTEXT", "ROOM-NAME"): 2})


# -- full conversions ------------------------------------------------------------------------

def test_a_full_conversion_loses_nothing(tmp_path, capsys):
    (tmp_path / "osmark.toml").write_text(TOML, encoding="utf-8")
    for path in (write_dwg(tmp_path / "floor.dwg"), write_jww(tmp_path / "floor.jww")):
        plan = load(path, Config(), rooms=False)
        assert plan.shortfall is None and not [r for r in plan.repairs if r.what == "not converted"]
        assert main(["check", str(path), "--format", "json"]) in (0, 1)
        report = json.loads(capsys.readouterr().out)
        assert "DWG011" not in {f["rule"] for f in report["findings"]}


# -- a DWG converter that drops entities -----------------------------------------------------

def _dropping(monkeypatch, drop):
    """ezdwg.to_dxf that loses the entities ``drop(entity)`` picks (the DXF it writes lacks them)."""
    import ezdwg

    real = ezdwg.to_dxf

    def to_dxf(source, output_path, **kwargs):
        result = real(source, output_path, **kwargs)
        doc = ezdxf.readfile(output_path)
        msp = doc.modelspace()
        for e in [e for e in msp if drop(e)]:
            msp.delete_entity(e)
        doc.saveas(output_path)
        return result

    monkeypatch.setattr(ezdwg, "to_dxf", to_dxf)


def _walls_and_names(e) -> bool:
    """All texts and all but two wall lines."""
    if e.dxftype() in ("TEXT", "MTEXT"):
        return True
    return e.dxf.layer == "WALL" and not (e.dxf.start.y == 0 and e.dxf.start.x in (0, 2000))


@pytest.fixture
def floor(tmp_path):
    (tmp_path / "osmark.toml").write_text(TOML, encoding="utf-8")
    return write_dwg(tmp_path / "floor.dwg")


def test_lost_walls_and_names_stop_the_check_with_one_line(floor, monkeypatch, capsys):
    _dropping(monkeypatch, _walls_and_names)
    assert main(["check", str(floor), "--lang", "en"]) == 3
    captured = capsys.readouterr()
    line = captured.err.strip()
    assert "\n" not in line and captured.out == ""
    assert str(floor) in line and "ezdwg" in line and "--accept-partial" in line
    assert "lost 7 of the 13 entities" in line and "LINE 5, TEXT 2" in line
    assert "5 possible walls, 2 possible room names" in line
    assert main(["check", str(floor), "--lang", "ja"]) == 3
    assert "室名の可能性がある文字 2 個" in capsys.readouterr().err


def test_accepted_the_report_says_the_verdict_rests_on_a_partial_drawing(floor, monkeypatch, capsys):
    _dropping(monkeypatch, _walls_and_names)
    assert main(["check", str(floor), "--accept-partial", "--format", "json", "--lang", "en"]) in (0, 1)
    report = json.loads(capsys.readouterr().out)
    [finding] = [f for f in report["findings"] if f["rule"] == "DWG011"]
    assert finding["severity"] == "error" and "verdict rests on a partial drawing" in finding["message"]
    extra = finding["extra"]
    assert extra["lost_by_kind"] == {"LINE": 5, "TEXT": 2}
    assert (extra["walls"], extra["labels"], extra["partial"]) == (5, 2, True)
    assert (extra["source_entities"], extra["lost"]) == (13, 7)
    assert {"kind": "LINE", "layer": "WALL", "count": 5} in extra["lost_by_layer"]
    assert "REP004" in {r.get("code") for r in report["repairs"]}
    assert report["summary"]["error"] >= 1  # never a pass


def test_accept_partial_in_the_config(floor, monkeypatch, capsys):
    _dropping(monkeypatch, _walls_and_names)
    (floor.parent / "osmark.toml").write_text(TOML.replace("[zones]", "accept_partial = true\n[zones]"),
                                              encoding="utf-8")
    assert main(["check", str(floor), "--select", "DWG011"]) == 1
    assert "DWG011" in capsys.readouterr().out
    with pytest.raises(Exception, match="accept_partial must be true or false"):
        from_mapping({"accept_partial": "yes"})


def test_losses_without_walls_or_texts_are_a_warning(floor, monkeypatch, capsys):
    _dropping(monkeypatch, lambda e: e.dxftype() == "ARC")  # the door swings
    assert main(["check", str(floor), "--format", "json", "--lang", "en"]) in (0, 1)
    report = json.loads(capsys.readouterr().out)
    [finding] = [f for f in report["findings"] if f["rule"] == "DWG011"]
    assert finding["severity"] == "warning" and finding["extra"]["lost_by_kind"] == {"ARC": 2}
    assert "No walls or texts are among them" in finding["message"]


def test_diff_and_batch_stop_on_a_partial_drawing(floor, tmp_path, monkeypatch, capsys):
    good = write_dwg(tmp_path / "application.dwg")
    _dropping(monkeypatch, _walls_and_names)
    assert main(["diff", str(floor), str(good), "--lang", "en"]) == 3
    assert "--accept-partial" in capsys.readouterr().err
    assert main(["diff", str(floor), str(good), "--accept-partial", "--lang", "en"]) in (0, 1)
    capsys.readouterr()
    out = tmp_path / "out"
    assert main(["batch", str(floor), "--out", str(out), "--no-images", "--jobs", "1", "--lang", "en"]) == 3
    assert "--accept-partial" in capsys.readouterr().err
    assert main(["batch", str(floor), "--out", str(out), "--no-images", "--jobs", "1", "--lang", "en",
                 "--accept-partial"]) in (0, 1)
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert "DWG011" in json.dumps(summary)


def test_a_source_that_cannot_be_counted_is_a_notice(floor, monkeypatch):
    import osmark_plan.reader.convert as convert

    def broken(path, raw):
        raise ValueError("damaged object map")

    monkeypatch.setattr(convert, "dwg_tally", broken)
    plan = load(floor, Config(), rooms=False)
    assert plan.shortfall is None
    notes = [str(r.detail) for r in plan.repairs if r.what == "conversion notice"]
    assert any("could not be counted (ValueError)" in n for n in notes)


def test_refuse_partial_is_a_read_error(floor, monkeypatch):
    _dropping(monkeypatch, _walls_and_names)
    plan = load(floor, Config(), rooms=False)
    with pytest.raises(ReadError) as err:
        refuse_partial(plan, accepted=False)
    assert "ezdwg" in err.value.text("ja") and "部分" in err.value.text("ja")
    refuse_partial(plan, accepted=True)  # accepted: goes on


# -- a truncated Jw_cad file -------------------------------------------------------------------

def _truncated_jww(path: Path) -> Path:
    """The floor's JWW cut inside its record list (ezjww reads the records before the cut)."""
    import ezjww

    data = write_jww(path).read_bytes()
    for cut in range(len(data) - 1, len(data) // 2, -7):
        path.write_bytes(data[:cut])
        try:
            diags = ezjww.read_document(str(path)).get("diagnostics", [])
        except Exception:  # noqa: BLE001 - cut too deep: the file does not read at all
            continue
        if any(d.get("code") == "ENTITY_LIST_TRUNCATED" and 0 < d["details"]["parsed_entities"] < 10
               for d in diags):
            return path
    pytest.skip("no cut of the JWW gives a truncated record list with this ezjww")


def test_a_truncated_jww_is_a_partial_drawing(tmp_path, capsys):
    path = _truncated_jww(tmp_path / "floor.jww")
    assert main(["check", str(path), "--lang", "en"]) == 3
    line = capsys.readouterr().err.strip()
    assert "\n" not in line and "floor.jww" in line and "ezjww" in line and "unknown kind" in line
    assert main(["check", str(path), "--accept-partial", "--format", "json", "--lang", "en"]) in (0, 1)
    [finding] = [f for f in json.loads(capsys.readouterr().out)["findings"] if f["rule"] == "DWG011"]
    assert finding["severity"] == "error" and finding["extra"]["unknown"] > 0


def test_a_panic_of_the_converter_is_an_unreadable_drawing(floor, monkeypatch, capsys):
    import ezdwg

    PanicException = type("PanicException", (BaseException,), {})  # as PyO3 raises a Rust panic

    def panics(*args, **kwargs):
        raise PanicException("index out of bounds")

    monkeypatch.setattr(ezdwg, "read", panics)
    assert main(["check", str(floor), "--lang", "en"]) == 3
    err = capsys.readouterr().err
    assert "Traceback" not in err and "index out of bounds" in err and str(floor) in err
