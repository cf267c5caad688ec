"""The filtered read (reader/stream.py: only mapped layers, texts and the blocks they use) gives
exactly the report of the full load, on every sample, every floor of tests/floors_*/ and a
benchmark floor; and it declines, falling back to the full load, where it cannot serve."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

import pytest

from osmark_plan.config import Config
from osmark_plan.engine import run_rules
from osmark_plan.geometry.build import build_site
from osmark_plan.geometry.rooms import with_rooms
from osmark_plan.reader.plan import read_plan
from osmark_plan.report.document import report_document

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SAMPLES = sorted((ROOT / "samples").rglob("*.dxf"))
SETS = ("floors_core", "floors_rule_edges", "floors_cad_exports")


def report(path: Path, read: str) -> tuple[dict[str, Any], str]:
    """The JSON report document of a check through one read path, and the path taken."""
    from osmark_plan.api import tolerances

    folder_config = path.parent / "osmark.toml"
    config = Config()
    if folder_config.is_file():
        from osmark_plan.config import load_for

        config = load_for(str(path), None)
    plan = with_rooms(read_plan(path, config, read=read), config)
    doc = report_document(run_rules(build_site(plan, tolerances(config)), config), "en")
    taken = doc["drawing"].pop("read_path")
    return doc, taken


def assert_same(path: Path) -> str:
    full, full_path = report(path, "full")
    fast, fast_path = report(path, "auto")
    assert full_path == "full"
    assert fast == full, f"{path.name}: the filtered read changed the report"
    return fast_path


@pytest.mark.parametrize("dxf", SAMPLES, ids=lambda p: str(p.relative_to(ROOT / "samples")))
def test_samples_same_report(dxf: Path) -> None:
    taken = assert_same(dxf)
    if "r12" in dxf.name:
        assert taken.startswith("full: DXF R12")


@pytest.fixture(scope="module")
def floors(tmp_path_factory) -> list[Path]:
    out: list[Path] = []
    for folder in SETS:
        sys.path.insert(0, str(HERE / folder))
        try:
            spec = importlib.util.spec_from_file_location(folder + "_paths", HERE / folder / "make_floors.py")
            module = importlib.util.module_from_spec(spec)
            sys.modules[spec.name] = module
            spec.loader.exec_module(module)
            target = tmp_path_factory.mktemp(folder)
            module.main(str(target))
            out.extend(sorted(target.glob("*.dxf")))
        finally:
            sys.path.remove(str(HERE / folder))
    return out


def test_floors_same_report(floors: list[Path]) -> None:
    assert len(floors) >= 90
    taken = [assert_same(f) for f in floors]
    # most floors are read the filtered way; the others say why not
    assert sum(t == "filtered" for t in taken) >= len(floors) // 2
    assert all(t == "filtered" or t.startswith("full: ") for t in taken)


def test_benchmark_floor_same_report(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from bench_floor import draw_benchmark_floor
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    path = tmp_path / "bench.dxf"
    draw_benchmark_floor(path, 0.03)
    assert assert_same(path) == "filtered"
    doc, _ = report(path, "auto")
    layers = doc["drawing"]["layers"]
    # what was left out is still counted, blocks exploded: 40 desks and chairs per room
    assert layers["FURNITURE"]["types"]["INSERT"] == 40 * 9
    assert layers["A-ANNO-DIMS"]["types"]["DIMENSION"] == 8 * 9


def test_declines_and_falls_back(tmp_path: Path) -> None:
    """Where the scan cannot serve, the full load reads the file, and says why."""
    src = (ROOT / "samples" / "dxf" / "office_ok.dxf").read_bytes()
    assert report(ROOT / "samples" / "dxf" / "office_ok.dxf", "auto")[1] == "filtered"
    cases = {
        # a lone CR in a value: ezdxf reads it as a line end
        "cr.dxf": (src.replace(b"\nENTITIES\n", b"\nENTITIES\r", 1), "line ends"),
        # a damaged group code: the full load recovers the file and records the repair
        "bad_code.dxf": (src.replace(b"\n 10\n", b"\n 1O\n", 1), "full: "),
    }
    for name, (data, why) in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        try:
            doc, taken = report(path, "auto")
        except Exception:  # noqa: BLE001 - unreadable either way: the full load says so
            continue
        assert taken.startswith("full: ") and why in taken, (name, taken)  # the reason it gives
        assert doc == report(path, "full")[0]


def test_extents_need_the_full_read(tmp_path: Path) -> None:
    """A drawing whose unit comes from its extents is read again in full (the extents need every
    entity), with the same result."""
    import ezdxf

    doc = ezdxf.new("R2018")
    msp = doc.modelspace()
    msp.add_lwpolyline([(0, 0), (12, 0), (12, 8), (0, 8)], close=True, dxfattribs={"layer": "ZONE-L1"})
    for k in range(40):
        msp.add_line((k * 0.3, 0), (k * 0.3, 8), dxfattribs={"layer": "FURNITURE"})
    path = tmp_path / "no_doors.dxf"
    doc.saveas(path)
    full_doc, _ = report(path, "full")
    fast_doc, taken = report(path, "auto")
    assert fast_doc == full_doc
    assert taken.startswith("full: ") and "extents" in taken


@pytest.mark.parametrize("dxf", SAMPLES[:12], ids=lambda p: p.name)
def test_scan_counts_entities_as_the_limit_does(dxf: Path) -> None:
    """The filtered read checks the entity limit on its own structure starts (no second pass
    over the bytes): the count is the one limits.raw_entities gives."""
    from osmark_plan.limits import raw_entities
    from osmark_plan.reader.dxf_tags import entity_count, find_sections

    data = dxf.read_bytes()
    if data.startswith(b"AutoCAD Binary DXF"):
        pytest.skip("binary DXF: the full load counts")
    starts, sections = find_sections(data)
    assert entity_count(starts, *sections["ENTITIES"]) == raw_entities(data) > 0


def test_entity_limit_same_on_both_paths(tmp_path: Path) -> None:
    """A floor over the entity limit stops with the same message whichever way it is read."""
    from osmark_plan.limits import Limits
    from osmark_plan.reader.read_error import ReadError

    path = ROOT / "samples" / "dxf" / "office_ok.dxf"
    config = Config(limits=Limits(entities=5))
    messages = []
    for read in ("auto", "full"):
        with pytest.raises(ReadError) as err:
            read_plan(path, config, read=read)
        messages.append(str(err.value))
    assert messages[0] == messages[1]
    assert "5" in messages[0]
