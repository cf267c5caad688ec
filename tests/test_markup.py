"""--dxf: a marked-up copy of the drawing, read back with ezdxf."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import ezdxf
import pytest

from osmark_plan import api
from osmark_plan.cli import main
from osmark_plan.markup import FINDINGS_LAYER, LEVELS_LAYER
from osmark_plan.markup.dxf import LEVEL_HATCH, STYLE
from osmark_plan.markup.shapes import cloud, hatch_lines
from osmark_plan.reader.layers import MARKUP_LAYERS

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples" / "dxf"
CORPUS = ROOT.parent / "shared" / "corpus"


def copy(tmp_path, name):
    src = SAMPLES / name
    if not src.exists():
        pytest.skip("samples not generated")
    dst = tmp_path / name
    shutil.copy(src, dst)
    return dst


def sha(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def on(doc, layer, types="*"):
    return list(doc.modelspace().query(f'{types}[layer=="{layer}"]'))


@pytest.mark.parametrize("name, lang", [("enc001_gap.dxf", "ja"), ("acc003.dxf", "en"),
                                        ("style_double_sliding_doors.dxf", "ja")])
def test_markup_holds_numbered_findings_and_levels(tmp_path, name, lang, capsys):
    drawing = copy(tmp_path, name)
    before = sha(drawing)
    out = tmp_path / "marked" / "copy.dxf"
    out.parent.mkdir()
    code = main(["check", str(drawing), "--dxf", str(out), "--format", "json", "--lang", lang, "-q"])
    assert code in (0, 1)
    assert sha(drawing) == before  # the input is never written
    report = json.loads(capsys.readouterr().out)
    doc = ezdxf.readfile(out)
    assert {FINDINGS_LAYER, LEVELS_LAYER} <= {layer.dxf.name for layer in doc.layers}
    assert STYLE in doc.styles
    # everything of the original is still there
    original = ezdxf.readfile(drawing)
    assert len(doc.modelspace()) == len(original.modelspace()) + len(on(doc, FINDINGS_LAYER)) + len(on(doc, LEVELS_LAYER))
    located = [f for f in report["findings"] if f["at"]]
    circles = on(doc, FINDINGS_LAYER, "CIRCLE")
    assert len(circles) == len(located)
    numbers = {e.dxf.text for e in on(doc, FINDINGS_LAYER, "TEXT")}
    assert {str(f["number"]) for f in located} <= numbers
    texts = " ".join(e.text for e in on(doc, FINDINGS_LAYER, "MTEXT"))
    for f in report["findings"]:
        assert f"#{f['fingerprint']}" in texts
        assert f"{f['number']}. " in texts
    # markers at the findings' positions (stacked upwards when two share a spot)
    centres = sorted((round(c.dxf.center.x, 3), c.dxf.center.y) for c in circles)
    for (x, y), f in zip(centres, sorted(located, key=lambda f: (f["at"][0], f["at"][1]))):
        assert x == pytest.approx(f["at"][0], abs=1e-3) and y >= f["at"][1] - 1e-3
    clouds = on(doc, FINDINGS_LAYER, "LWPOLYLINE")
    assert len(clouds) == sum(1 for f in located if f["bbox"])
    for cloud_, f in zip(clouds, [f for f in located if f["bbox"]]):
        xs = [p[0] for p in cloud_.get_points()]
        assert min(xs) < f["bbox"][0] and max(xs) > f["bbox"][2]
        assert cloud_.closed and all(p[4] < 0 for p in cloud_.get_points())
    # one hatch per region, patterns by level, with a level tag
    hatches = on(doc, LEVELS_LAYER, "HATCH")
    assert len(hatches) == len(report["regions"])
    by_level = {}
    for r in report["regions"]:
        by_level.setdefault(r["level"], 0)
        by_level[r["level"]] += 1
    patterns = {}
    for h in hatches:
        patterns[h.dxf.pattern_name] = patterns.get(h.dxf.pattern_name, 0) + 1
    assert patterns == {LEVEL_HATCH[level][0]: n for level, n in by_level.items()}
    tags = [e.dxf.text for e in on(doc, LEVELS_LAYER, "TEXT")]
    assert len(tags) == len(report["regions"])
    word = "セキュリティレベル" if lang == "ja" else "Security level"
    assert sum(word in t for t in tags) == sum(1 for r in report["regions"] if r["level"])


def test_hatch_boundaries_are_in_drawing_units(tmp_path):
    """A drawing in millimetres: the hatch outline is the region in mm, not in metres."""
    drawing = copy(tmp_path, "acc001.dxf")
    report = api.check(drawing)
    assert report.plan.units == "mm"
    out = api.write_dxf(report, tmp_path / "out.dxf")
    doc = ezdxf.readfile(out)
    import shapely

    points = [v for h in on(doc, LEVELS_LAYER, "HATCH") for p in h.paths for v in p.vertices]
    xs, ys = [v[0] for v in points], [v[1] for v in points]
    x0, y0, x1, y1 = shapely.total_bounds([r.polygon for r in report.site.regions]) / report.plan.scale
    assert (min(xs), min(ys), max(xs), max(ys)) == pytest.approx((x0, y0, x1, y1), abs=1e-6)
    assert x1 - x0 > 1000  # millimetres


def test_r12_copy_uses_text_and_line_hatching(tmp_path):
    drawing = copy(tmp_path, "dwg005_r12.dxf")
    report = api.check(drawing)
    out = api.write_dxf(report, tmp_path / "out.dxf", lang="ja")
    doc = ezdxf.readfile(out)
    assert doc.dxfversion == "AC1009"
    assert on(doc, LEVELS_LAYER, "POLYLINE") and not on(doc, LEVELS_LAYER, "HATCH")
    texts = [e.dxf.text for e in on(doc, FINDINGS_LAYER, "TEXT")]
    assert texts[0] == "位置のない指摘"  # DWG005 has no position: listed below the plan
    assert texts[1] == "1. 警告 DWG005 units-uncertain"
    assert max(len(t) for t in texts) <= 48  # long messages wrapped


def test_markup_copy_checks_like_the_original(tmp_path):
    drawing = copy(tmp_path, "enc001_gap.dxf")
    report = api.check(drawing)
    out = api.write_dxf(report, tmp_path / "out.dxf")
    again = api.check(out)
    assert [f.fingerprint for f in again.findings] == [f.fingerprint for f in report.findings]
    # markup of a marked-up copy replaces the earlier markup
    twice = api.write_dxf(again, tmp_path / "twice.dxf")
    assert len(on(ezdxf.readfile(twice), FINDINGS_LAYER)) == len(on(ezdxf.readfile(out), FINDINGS_LAYER))
    assert MARKUP_LAYERS == {FINDINGS_LAYER, LEVELS_LAYER}


def test_refuses_the_input_and_other_suffixes(tmp_path, capsys):
    drawing = copy(tmp_path, "enc001_gap.dxf")
    before = sha(drawing)
    assert main(["check", str(drawing), "--dxf", str(drawing), "--lang", "en"]) == 2
    assert "refusing to overwrite the input drawing" in capsys.readouterr().err
    assert main(["check", str(drawing), "--dxf", str(tmp_path / "x.png")]) == 2
    assert main(["check", str(drawing), "--dxf", str(tmp_path / "missing" / "x.dxf"), "-q", "--lang", "en"]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert sha(drawing) == before


def test_finding_handles_name_the_drawn_entities(tmp_path):
    drawing = copy(tmp_path, "acc001.dxf")
    doc = json.loads(api.render(api.check(drawing), "json"))
    dxf = ezdxf.readfile(drawing)
    (finding,) = [f for f in doc["findings"] if f["rule"] == "ACC001"]
    assert finding["handles"]
    kinds = {name: info["kind"] for name, info in doc["drawing"]["layers"].items()}
    for handle in finding["handles"]:
        entity = dxf.entitydb.get(handle)
        assert entity is not None and kinds[entity.dxf.layer] in ("zone", "door")


def test_cloud_and_hatch_line_shapes():
    points, bulge = cloud((0.0, 0.0, 10.0, 2.0), 1.0, 2.0)
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    assert (min(xs), max(xs), min(ys), max(ys)) == (-1.0, 11.0, -1.0, 3.0) and bulge < 0
    assert len(cloud((0, 0, 1e6, 1e6), 1.0, 2.0)[0]) <= 244  # bounded for huge extents
    from shapely.geometry import box

    lines = hatch_lines(box(0, 0, 10, 10), (0.0,), 1.0)
    assert 9 <= len(lines) <= 11 and all(abs(line[0][1] - line[-1][1]) < 1e-9 for line in lines)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent")
def test_jw_cad_export_gets_japanese_text(tmp_path):
    """A Jw_cad-derived R2000 drawing at sheet scale 1:100: texts in Shift-JIS, positions in
    sheet units, re-checked with the same findings."""
    from osmark_plan.config import load_file

    cfg = load_file(ROOT / "tests" / "corpus" / "a_mansion" / "osmark.toml")
    drawing = CORPUS / "monozukuri-ai__ezjww" / "derived_by_ezjww" / "Ａマンション平面例.dxf"
    before = sha(drawing)
    report = api.check(drawing, cfg)
    out = api.write_dxf(report, tmp_path / "a.dxf", lang="ja")
    assert sha(drawing) == before
    doc = ezdxf.readfile(out)
    assert doc.encoding == "cp932"
    texts = [e.text for e in on(doc, FINDINGS_LAYER, "MTEXT")]
    assert len(texts) == len(report.findings) and "エラー" in texts[0]
    circle = on(doc, FINDINGS_LAYER, "CIRCLE")[0]
    first = next(f for f in report.findings if f.at)
    assert circle.dxf.center.x == pytest.approx(first.at[0] / report.plan.scale, abs=1e-2)
    again = api.check(out, cfg)
    assert [f.fingerprint for f in again.findings] == [f.fingerprint for f in report.findings]


def _entities(path):
    """Every model-space entity of a DXF file: type, layer and attributes, in file order."""
    doc = ezdxf.readfile(path)
    return [(e.dxftype(), e.dxf.layer, sorted(e.dxfattribs().items(), key=str)) for e in doc.modelspace()]


@pytest.mark.parametrize("folder, name", [("dxf", "dwg005_r12.dxf"),
                                          ("realstyle/jwcad_r12_cp932", "jwcad_r12_cp932.dxf")])
def test_markup_reuses_the_full_read_of_the_check(tmp_path, monkeypatch, folder, name):
    """A drawing the check read whole (here DXF R12) is loaded once for check --dxf; the copy
    is the same as the one from a second load, and the input is never written."""
    import osmark_plan.reader.kept as kept
    import osmark_plan.reader.load as load_module

    src = ROOT / "samples" / folder
    if not (src / name).exists():
        pytest.skip("samples not generated")
    for f in src.iterdir():
        if f.suffix in (".dxf", ".toml"):
            shutil.copy(f, tmp_path / f.name)
    drawing = tmp_path / name
    before = sha(drawing)
    reads = []
    real = load_module.ezdxf.readfile
    monkeypatch.setattr(load_module.ezdxf, "readfile", lambda *a, **k: reads.append(a) or real(*a, **k))
    args = ["check", str(drawing), "--format", "json", "-q", "--lang", "ja", "-o", str(tmp_path / "r.json")]
    assert main([*args, "--dxf", str(tmp_path / "once.dxf")]) in (0, 1)
    assert len(reads) == 1  # read for the check, and the same document marked up
    monkeypatch.setattr(kept, "take", lambda path, sha256: None)  # as before: a second load
    assert main([*args, "--dxf", str(tmp_path / "twice.dxf")]) in (0, 1)
    assert len(reads) == 3
    assert sha(drawing) == before
    once, twice = _entities(tmp_path / "once.dxf"), _entities(tmp_path / "twice.dxf")
    assert any(layer == FINDINGS_LAYER for _t, layer, _a in once)
    assert once == twice


def test_only_a_full_read_is_kept_and_only_when_asked(tmp_path):
    """Without --dxf nothing is kept; a filtered read (mapped layers only) is never kept."""
    from osmark_plan.config import Config
    from osmark_plan.reader import read_plan
    from osmark_plan.reader.kept import keeping, take

    r12 = copy(tmp_path, "dwg005_r12.dxf")
    plan = read_plan(r12, Config())
    assert plan.read_path.startswith("full") and take(r12, plan.sha256) is None  # not asked
    with keeping():
        plan = read_plan(r12, Config())
        assert take(r12, "0" * 64) is None  # other contents: not this document
    with keeping():
        plan = read_plan(r12, Config())
        assert take(r12, plan.sha256) is not None and take(r12, plan.sha256) is None  # once
    modern = copy(tmp_path, "acc001.dxf")
    with keeping():
        plan = read_plan(modern, Config())
        assert plan.read_path == "filtered" and take(modern, plan.sha256) is None
