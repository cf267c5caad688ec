"""The plan image drawn in few artists: shapes as one collection per style, PNG texts as glyph
outlines measured from the font, the PNG written losslessly. Artists and glyphs are counted,
nothing is timed."""

from __future__ import annotations

import dataclasses
import os
import random
import zlib

import pytest
from shapely.affinity import translate
from shapely.geometry import Polygon, box

PIL = pytest.importorskip("PIL.Image")

@pytest.fixture(scope="module")
def sample():
    from report_sample import partition_sample_report

    return partition_sample_report()


@pytest.fixture(scope="module")
def crowded(sample):
    """The sample with 2,000 more cabinets and 300 more devices, in a grid over the floor."""
    plan = sample.plan
    cab, dev = plan.cabinets[0], plan.devices[0]
    x0, y0, x1, y1 = plan.zones[0].polygon.bounds if plan.zones else (0, 0, 10, 10)
    cabinets = [dataclasses.replace(cab, id=f"C{k}", name=None, level=k % 4,
                                    polygon=translate(box(0, 0, 0.9, 0.45), x0 + (k % 50) * 0.2,
                                                      y0 + (k // 50) * 0.1))
                for k in range(2000)]
    devices = [dataclasses.replace(dev, id=f"D{k}", polygon=translate(
        box(0, 0, 0.6, 0.6), x0 + (k % 30) * 0.3, y0 + (k // 30) * 0.3)) for k in range(300)]
    plan = dataclasses.replace(plan, cabinets=plan.cabinets + tuple(cabinets),
                               devices=plan.devices + tuple(devices))
    return dataclasses.replace(sample, plan=plan)


def _paths(coll) -> int:
    return len(coll.get_paths())


def test_thousands_of_cabinets_are_a_few_collections(crowded):
    from matplotlib.collections import PathCollection

    from osmark_plan.report.image import plan_figure

    fig = plan_figure(crowded, "en", dpi=40)
    ax = fig.axes[0]
    cabinets, devices = len(crowded.plan.cabinets), len(crowded.plan.devices)
    assert cabinets > 2000 and devices > 300
    assert len(ax.patches) < 10, "no patch per cabinet or device"
    assert len(ax.collections) < 30
    filled = [c for c in ax.collections if isinstance(c, PathCollection)]
    # cabinets: one fill per level colour (4 levels) and one outline collection for all
    assert sum(_paths(c) for c in filled if c.get_zorder() == 2.6) == 2 * cabinets
    assert [_paths(c) for c in filled if c.get_zorder() == 2.7] == [devices]
    assert len([c for c in filled if c.get_zorder() == 2.6]) <= 5


def test_cabinet_hatch_lies_inside_the_cabinets(sample):
    import numpy as np
    from matplotlib.figure import Figure

    from osmark_plan.report.image.shapes import hatch_lines

    fig = Figure(figsize=(4, 4), dpi=100)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, 4)
    ax.set_ylim(0, 4)
    shapes = [box(0.5, 0.5, 1.5, 1.0), Polygon([(2, 2), (3.5, 2.2), (3, 3.5)])]
    lines = hatch_lines(ax, shapes, 2.6, "black", 0.6)
    segs = lines.get_segments()
    assert len(segs) >= 2 * 3  # a few diagonals across each shape
    for seg in segs:
        mid = np.asarray(seg).mean(axis=0)
        assert any(s.buffer(1e-6).contains(box(*mid, *mid).centroid) for s in shapes)
        d = np.asarray(seg[-1]) - np.asarray(seg[0])
        assert d[0] * d[1] > 0, "rising to the right, as '////'"
    assert hatch_lines(ax, [], 2.6, "black", 0.6) is None


@pytest.mark.parametrize("text", ["室12", "倉庫286", "Cabinet L2 CB1", "保管庫 L1 CB2", "12",
                                  "ENC001 エラー: 「役員室」の境界", "20 m"])
@pytest.mark.parametrize("size", [7.0, 8.5, 10.0])
def test_text_boxes_from_the_font_match_matplotlib(text, size):
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from osmark_plan.report.fonts import cjk_font
    from osmark_plan.report.image.render import _rc
    from osmark_plan.report.image.glyphs import text_size

    with matplotlib.rc_context(_rc(cjk_font().family)):
        fig = Figure(dpi=150)
        FigureCanvasAgg(fig)
        extent = fig.text(0.5, 0.5, text, fontsize=size).get_window_extent(
            fig.canvas.get_renderer())
    width, height = text_size(text, size, 150)
    assert height == pytest.approx(extent.height, rel=0.02)
    # never narrower (labels placed with it do not overlap as matplotlib draws them) and close
    assert extent.width <= width <= extent.width * 1.08 + 2


def test_png_texts_are_glyph_marks_not_text_artists(sample):
    from matplotlib.lines import Line2D

    from osmark_plan.report.image.render import _figure

    fig, _ = _figure(sample, "ja", True, 60, glyphs=True)
    visible = [t for ax in fig.axes for t in ax.texts if t.get_visible()] + \
        [t for t in fig.texts if t.get_visible()]
    # only markers moved off a gap, with their leader line, stay annotations
    assert all(getattr(t, "arrow_patch", None) is not None for t in visible), \
        [t.get_text() for t in visible]
    # one Line2D per character, size and colour: its marker the glyph, stamped where drawn
    marks = [a for owner in [*fig.axes, fig] for a in owner.get_children()
             if isinstance(a, Line2D) and a.get_linestyle() == "None"
             and hasattr(a.get_marker(), "vertices")]
    glyphs = sum(len(m.get_xdata()) for m in marks)
    names = "".join(r.name or "" for r in sample.site.regions)
    assert glyphs > len(names.replace(" ", "")) + 100  # names, tags, panel, title
    assert len(marks) < glyphs and max(len(m.get_xdata()) for m in marks) >= 5, \
        "characters that recur share one mark"
    # the same figure for SVG, PDF and plan_figure keeps real texts
    fig, _ = _figure(sample, "ja", True, 60)
    texts = {t.get_text() for t in fig.axes[0].texts}
    assert {r.name for r in sample.site.regions if r.name} <= texts


def test_png_is_the_canvas_losslessly(sample, tmp_path):
    import numpy as np

    from osmark_plan.report.image import plan_figure
    from osmark_plan.report.image.png import write_png

    fig = plan_figure(sample, "en", dpi=50)
    path = tmp_path / "p.png"
    write_png(fig, path, {"Software": "osmark-plan"}, threads=3)
    canvas = np.asarray(fig.canvas.buffer_rgba())[..., :3]
    image = PIL.open(path)
    assert image.mode == "RGB" and image.info["Software"] == "osmark-plan"
    assert round(image.info["dpi"][0]) == 50
    assert np.array_equal(np.asarray(image), canvas)


def test_adler32_of_pieces_combines_to_the_whole():
    from osmark_plan.report.image.png import adler32_combine

    rng = random.Random(5)
    for _ in range(50):
        a = bytes(rng.randrange(256) for _ in range(rng.randrange(0, 3000)))
        b = bytes(rng.randrange(256) for _ in range(rng.randrange(0, 70000)))
        assert adler32_combine(zlib.adler32(a), zlib.adler32(b), len(b)) == zlib.adler32(a + b)


def test_free_of_agrees_with_hits():
    import numpy as np
    from matplotlib.transforms import Bbox

    from osmark_plan.report.image.labels import Placed

    rng = random.Random(2)
    placed = Placed()
    for _ in range(400):
        x, y = rng.uniform(0, 800), rng.uniform(0, 800)
        placed.add(Bbox.from_extents(x, y, x + rng.uniform(1, 300), y + rng.uniform(1, 40)))
    boxes = []
    for _ in range(300):
        x, y = rng.uniform(-50, 850), rng.uniform(-50, 850)
        boxes.append((x, y, x + rng.uniform(1, 90), y + rng.uniform(1, 20)))
    assert list(placed.free_of(np.array(boxes))) == [not placed.hits(b) for b in boxes]
    assert list(Placed().free_of(np.array(boxes))) == [True] * len(boxes)


def test_batch_floors_compress_their_png_in_one_thread(monkeypatch) -> None:
    """A batch runs floors side by side already: its workers compress each PNG in one thread
    (single_thread_env sets $OSMARK_IMAGE_THREADS=1); a single check uses two."""
    from osmark_plan.batch.threads import single_thread_env
    from osmark_plan.report.image.png import image_threads

    monkeypatch.delenv("OSMARK_IMAGE_THREADS", raising=False)
    assert image_threads() == 2
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS", "OSMARK_IMAGE_THREADS"):
        monkeypatch.delenv(var, raising=False)
    single_thread_env()
    assert image_threads() == 1
    monkeypatch.setenv("OSMARK_IMAGE_THREADS", "x")
    assert image_threads() == 2


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork here")
def test_forked_floor_opens_its_own_glyph_faces() -> None:
    """A forked batch floor must not draw with the parent's FreeType faces: they share the
    font file's offset with every sibling, and two floors drawing at once read each other's
    bytes ("invalid outline")."""
    from osmark_plan.report.image.glyphs import glyph_font

    parent = glyph_font()
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: its own faces, and they work
        try:
            mine = glyph_font()
            ok = mine is not parent and mine.size("会議室 Room", 10, 100)[0] > 0
            os.write(write_end, b"1" if ok else b"0")
        finally:
            os._exit(0)
    os.close(write_end)
    os.waitpid(pid, 0)
    assert os.read(read_end, 1) == b"1"
    assert glyph_font() is parent  # the parent keeps its own
