"""Geometry fuzz: drawings whose shapes break naive GEOS calls go through ``check``, ``layers``
and ``layers --suggest-config`` without a traceback.

Each drawing has walls (so rooms are found from them) mixed with hostile shapes: closed wall
outlines that are bow-ties or figure-eights (``make_valid`` gives collections), zero-area and
single-point outlines, overlapping and duplicated lines, spikes, zone polylines that cross
themselves, and the whole floor drawn absurdly large or tiny. The contract: exit 0 or 1 with a
valid JSON report (or 3 with one line), ``layers`` exit 0, and a failed geometry step is a
repair (REP301) with a DWG010 finding, never an exception.
"""

from __future__ import annotations

import json
from pathlib import Path

import ezdxf
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from osmark_plan.cli import main

BOUNDED = settings(max_examples=12, deadline=None, derandomize=True, database=None,
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

#: hostile shapes, in metres before scaling (closed ones as closed LWPOLYLINEs)
SHAPES: dict[str, tuple[list[tuple[float, float]], bool]] = {
    "bowtie": ([(1, 1), (3, 3), (3, 1), (1, 3)], True),
    "figure-eight": ([(4, 1), (5, 2), (6, 1), (6, 3), (5, 2), (4, 3)], True),
    "zero-area": ([(1, 5), (3, 5), (5, 5), (2, 5)], True),
    "one-point": ([(2, 2), (2, 2), (2, 2)], True),
    "spike": ([(7, 1), (9, 1), (9, 3), (7, 3), (7, 2), (12, 2), (7, 2)], True),
    "thin-bowtie": ([(1, 8), (8, 8.3), (8, 8), (1, 8.3)], True),
    "overlap": ([(0, 0), (10, 0), (5, 0), (15, 0)], False),
    "duplicate": ([(0, 0), (0, 10)], False),
    "backtrack": ([(10, 0), (10, 10), (10, 4), (10, 12)], False),
    "column-line": ([(5, 5), (5.2, 5.0000001), (5.2, 5.2), (5, 5.2), (5, 5)], True),
}


def _draw(path: Path, shapes: list[str], scale: float, offset: float, zones: bool) -> Path:
    """An 18 m x 10 m floor with two rooms and a door, plus the hostile shapes, drawn at
    ``scale`` drawing units per metre and moved by ``offset`` units."""
    doc = ezdxf.new("R2010", setup=False)
    doc.header["$INSUNITS"] = 6  # metres; the scale below makes it absurd on purpose
    msp = doc.modelspace()

    def pt(x: float, y: float) -> tuple[float, float]:
        return (x * scale + offset, y * scale + offset)

    wall = {"layer": "WALL"}
    outline = [(0, 0), (18, 0), (18, 10), (0, 10), (0, 0)]
    msp.add_lwpolyline([pt(*p) for p in outline], dxfattribs=wall)
    msp.add_line(pt(9, 0), pt(9, 4), dxfattribs=wall)
    msp.add_line(pt(9, 5), pt(9, 10), dxfattribs=wall)
    msp.add_line(pt(9, 4), pt(9, 5), dxfattribs={"layer": "DOOR"})
    msp.add_arc(pt(9, 4), 1.0 * scale, 0, 90, dxfattribs={"layer": "DOOR"})
    msp.add_text("執務室", dxfattribs={"layer": "ROOM-NAME", "height": 0.3 * scale, "insert": pt(4, 6)})
    msp.add_text("サーバー室", dxfattribs={"layer": "ROOM-NAME", "height": 0.3 * scale, "insert": pt(13, 6)})
    for name in shapes:
        pts, closed = SHAPES[name]
        msp.add_lwpolyline([pt(*p) for p in pts], close=closed, dxfattribs=wall)
        if zones and closed:
            msp.add_lwpolyline([pt(*p) for p in pts], close=True, dxfattribs={"layer": "ZONE-L3"})
    doc.saveas(path)
    (path.parent / "osmark.toml").write_text('[zones]\n"サーバー室" = 3\n"執務室" = 1\n', encoding="utf-8")
    return path


def _run(args: list[str], capsys) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def _contract(path: Path, tmp: Path, capsys) -> dict | None:
    """check, layers and --suggest-config on ``path``; the report when the check gave one."""
    report = tmp / "report.json"
    code, _out, err = _run(["check", str(path), "--format", "json", "-o", str(report), "-q"], capsys)
    assert "Traceback" not in err
    assert code in (0, 1, 3), err
    doc = None
    if code == 3:
        assert len(err.strip().splitlines()) == 1, err
    else:
        doc = json.loads(report.read_text(encoding="utf-8"))
        failed = [r for r in doc["repairs"] if r.get("code") == "REP301"]
        dwg010 = [f for f in doc["findings"] if f["rule"] == "DWG010"]
        assert len(failed) == len(dwg010)
    for extra in ([], ["--suggest-config"]):
        code, out, err = _run(["layers", str(path), *extra], capsys)
        assert "Traceback" not in err
        assert code in (0, 3), err
        if code == 0 and extra:
            import tomllib

            tomllib.loads(out)  # the suggestion is a valid TOML file
    return doc


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_each_hostile_shape(tmp_path: Path, capsys, name: str) -> None:
    path = _draw(tmp_path / f"{name}.dxf", [name], 1.0, 0.0, zones=False)
    doc = _contract(path, tmp_path, capsys)
    assert doc is not None
    # the two rooms around the hostile shape are still found and named
    names = {r["name"] for r in doc["regions"]}
    assert {"執務室", "サーバー室"} <= names, names


@pytest.mark.parametrize("name", ["bowtie", "figure-eight", "zero-area", "spike"])
def test_hostile_zone_polygons(tmp_path: Path, capsys, name: str) -> None:
    path = _draw(tmp_path / f"{name}.dxf", [name], 1.0, 0.0, zones=True)
    _contract(path, tmp_path, capsys)


@pytest.mark.parametrize("scale,offset", [(1e-6, 0.0), (1e-3, 1e-3), (1e5, 0.0), (1.0, 5e9), (1e3, 9e9)])
def test_huge_and_tiny_drawings(tmp_path: Path, capsys, scale: float, offset: float) -> None:
    path = _draw(tmp_path / "f.dxf", sorted(SHAPES), scale, offset, zones=False)
    _contract(path, tmp_path, capsys)


@BOUNDED
@given(shapes=st.lists(st.sampled_from(sorted(SHAPES)), min_size=1, max_size=6),
       scale=st.sampled_from([1e-4, 1.0, 1000.0, 1e6]), offset=st.sampled_from([0.0, -3e5, 7e8]),
       zones=st.booleans())
def test_random_hostile_floors(tmp_path: Path, capsys, shapes: list[str], scale: float, offset: float,
                               zones: bool) -> None:
    path = _draw(tmp_path / "floor.dxf", shapes, scale, offset, zones)
    _contract(path, tmp_path, capsys)


def test_a_failed_step_is_reported_not_raised(tmp_path: Path, capsys, monkeypatch) -> None:
    """A step that raises (as GEOS did on collections) is REP301 + DWG010; the rest is built."""
    import osmark_plan.geometry.rooms as rooms

    def broken(*_a, **_k):
        raise RuntimeError("IllegalArgumentException: Operation not supported by GeometryCollection")

    monkeypatch.setattr(rooms, "wall_bodies", broken)
    path = _draw(tmp_path / "f.dxf", [], 1.0, 0.0, zones=False)
    doc = _contract(path, tmp_path, capsys)
    assert doc is not None
    assert [r["code"] for r in doc["repairs"] if r["code"] == "REP301"] == ["REP301"]
    assert [f["rule"] for f in doc["findings"] if f["rule"] == "DWG010"] == ["DWG010"]
    assert {"執務室", "サーバー室"} <= {r["name"] for r in doc["regions"]}
