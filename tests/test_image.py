"""The annotated plan image: a CJK font with real glyphs, files of the right kind and size."""

from __future__ import annotations

import subprocess
import sys
import warnings
from pathlib import Path

import pytest
from report_sample import sample_report
from shapely.geometry import Point

from osmark_plan.report import render_image
from osmark_plan.report.fonts import bundled_font, cjk_font, font_in_use
from osmark_plan.report.image import cluster_offsets
from osmark_plan.report.image.graph import outside_nodes
from osmark_plan.report.image.panel import wrap
from osmark_plan.report.image.style import (DPI, FIG_WIDTH, GRAPH_COLOUR, LEVEL_COLOURS,
                                            SEVERITY_COLOURS, WORDS)

PIL = pytest.importorskip("PIL.Image")


def _rgb(hex_colour: str, alpha: float = 1.0) -> tuple[int, int, int]:
    """A colour as drawn with ``alpha`` over white."""
    rgb = [int(hex_colour[i:i + 2], 16) for i in (1, 3, 5)]
    return tuple(round(alpha * c + (1 - alpha) * 255) for c in rgb)


def _count(image, colour: tuple[int, int, int], tol: int = 6) -> int:
    """Pixels within ``tol`` of a colour."""
    import numpy as np

    a = np.asarray(image.convert("RGB")).astype(int)
    return int((np.abs(a - np.array(colour)).max(axis=2) <= tol).sum())


def _japanese_used() -> str:
    doc_texts = [f.message["ja"] for f in sample_report().findings]
    words = WORDS["ja"]
    texts = [v for v in words.values() if isinstance(v, str)] + list(words["levels"])
    texts += ["会議室", "開発室", "サーバー室", "受付", "エラー 2件、警告 1件、情報 1件 — 領域 5、扉 6、出入口 1"]
    return "".join(sorted({ch for t in doc_texts + texts for ch in t if ord(ch) > 0x2FFF}))


def test_font_is_a_real_cjk_font():
    choice = cjk_font()
    assert choice.origin != "fallback" and choice.path and Path(choice.path).is_file()
    if bundled_font() is not None:
        assert choice.origin == "japanize-matplotlib"
        assert choice.family == "IPAexGothic"
    assert choice.family in font_in_use()
    # japanize_matplotlib itself is never imported (it imports distutils)
    assert "japanize_matplotlib" not in sys.modules


def test_font_covers_every_japanese_character_used():
    from matplotlib.ft2font import FT2Font

    font = FT2Font(cjk_font().path)
    chars = _japanese_used()
    assert len(chars) > 40
    missing = [ch for ch in chars if font.get_char_index(ord(ch)) == 0]
    assert missing == []


def test_rendering_japanese_emits_no_missing_glyph_warning():
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    with matplotlib.rc_context({"font.family": [cjk_font().family]}), \
            warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig = Figure(figsize=(4, 2))
        FigureCanvasAgg(fig)
        fig.text(0.1, 0.5, _japanese_used()[:30])
        fig.canvas.draw()
    glyph_warnings = [w for w in caught if "glyph" in str(w.message).lower()
                      or "missing from" in str(w.message).lower()]
    assert glyph_warnings == []


def test_image_render_emits_no_glyph_warning(tmp_path):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        render_image(sample_report(), tmp_path / "plan.png", lang="ja", graph=True)
    assert [str(w.message) for w in caught if "glyph" in str(w.message).lower()] == []


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_png_has_the_right_size_and_content(tmp_path, lang):
    path = render_image(sample_report(), tmp_path / "plan.png", lang=lang)
    assert path == tmp_path / "plan.png"
    image = PIL.open(path)
    assert image.format == "PNG"
    width, height = image.size
    assert width == round(FIG_WIDTH * DPI)
    assert round(7 * DPI) <= height <= round(16 * DPI)
    gray = image.convert("L")
    non_white = sum(gray.histogram()[:250])
    assert non_white > 0.2 * width * height  # a filled plan, not a blank page
    # every level's fill is there (drawn at alpha 0.8 over white) ...
    for level in (0, 1, 2, 3):
        assert _count(image, _rgb(LEVEL_COLOURS[level], 0.8)) > 2000, level
    # ... and the error and warning markers
    assert _count(image, _rgb(SEVERITY_COLOURS["error"])) > 100
    assert _count(image, _rgb(SEVERITY_COLOURS["warning"])) > 50


def test_graph_is_drawn_only_when_asked(tmp_path):
    from osmark_plan.report.image import render_image as render_at

    plain = PIL.open(render_at(sample_report(), tmp_path / "a.png", graph=False, dpi=60))
    graph = PIL.open(render_at(sample_report(), tmp_path / "b.png", graph=True, dpi=60))
    colour = _rgb(GRAPH_COLOUR)
    assert _count(plain, colour, tol=30) < 10
    assert _count(graph, colour, tol=30) > 80


def test_image_without_geometry(tmp_path):
    image = PIL.open(render_image(sample_report(with_site=False), tmp_path / "z.png"))
    assert image.size[0] == round(FIG_WIDTH * DPI)
    assert _count(image, _rgb(LEVEL_COLOURS[3], 0.8)) > 2000


def test_svg_and_pdf_by_suffix(tmp_path):
    svg = render_image(sample_report(), tmp_path / "plan.svg", lang="ja")
    assert svg.read_text(encoding="utf-8").lstrip().startswith("<?xml")
    assert "<svg" in svg.read_text(encoding="utf-8")
    pdf = render_image(sample_report(), tmp_path / "out" / "plan.PDF", lang="en")
    assert pdf.read_bytes().startswith(b"%PDF")


def test_unknown_suffix_is_refused(tmp_path):
    with pytest.raises(ValueError, match=r"\.png, \.svg or \.pdf"):
        render_image(sample_report(), tmp_path / "plan.jpg")
    assert not (tmp_path / "plan.jpg").exists()


def test_outside_node_is_just_outside_near_the_entrance():
    site = sample_report().site
    nodes, member = outside_nodes(site)
    assert len(nodes) == 1 and member == {"D1": 0}
    x, y = nodes[0]
    p = Point(x, y)
    assert not site.aa.contains(p)
    assert 0 < p.distance(site.aa) < 2.0
    # the only entrance is D1 at (2.5, 0): the node sits below it
    assert p.distance(Point(2.5, 0.0)) < 2.0 and y < 0


def test_wrap_counts_wide_characters_twice():
    assert wrap("abc def ghi", 10) == ["abc def", "ghi"]
    lines = wrap("レベル3の領域「サーバー室」がドア D6 でオープンエリアに直接つながっています", 20)
    assert all(sum(2 if ord(c) > 0x2FFF else 1 for c in line) <= 20 for line in lines)
    assert "".join(lines).replace(" ", "") == \
        "レベル3の領域「サーバー室」がドアD6でオープンエリアに直接つながっています"


def test_matplotlib_is_not_imported_by_the_reporters():
    code = ("import sys, osmark_plan.report, osmark_plan.report.image.render, osmark_plan.report.fonts;"
            "import osmark_plan.report.image.graph, osmark_plan.report.image.panel;"
            "print('matplotlib' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_markers_at_one_spot_are_spread_apart():
    offsets = cluster_offsets(8, step=15.0)
    assert offsets[0] == (0.0, 0.0) and len(offsets) == 8
    for i, (x0, y0) in enumerate(offsets):
        for x1, y1 in offsets[i + 1:]:
            assert ((x0 - x1) ** 2 + (y0 - y1) ** 2) ** 0.5 >= 14.0


def test_entrances_on_opposite_sides_get_their_own_outside_node():
    import dataclasses

    from shapely.geometry import LineString

    from osmark_plan.geometry.site import Link

    site = sample_report().site
    extra = Link("D7", "OUTSIDE", "Z2", LineString([(20, 3), (20, 4)]), 1.0, None)
    site = dataclasses.replace(site, links=site.links + (extra,))
    nodes, member = outside_nodes(site)
    assert len(nodes) == 2 and member["D1"] != member["D7"]
    right = nodes[member["D7"]]
    assert right[0] > 20 and 3 <= right[1] <= 4
    assert not site.aa.contains(Point(right))


def test_wrap_keeps_closing_punctuation_off_the_line_start():
    lines = wrap("あいうえおかきくけ。こさしすせそ", 18)
    assert lines == ["あいうえおかきくけ。", "こさしすせそ"]
    text = "レベル2の領域「給湯室」の境界に長い説明文が続きます。これは折り返しの確認のための文章です。"
    assert not any(line[0] in "、。」" for line in wrap(text, 30))


# -- real sample: equipment, line kinds, gaps ------------------------------------------------

@pytest.fixture(scope="module")
def partition_report():
    """A real sample with a copier, two cabinets, a partition, windows and a partition-only gap."""
    from report_sample import partition_sample_report

    return partition_sample_report()


def _texts(fig, which: int) -> list[str]:
    """Visible texts of one axes of the plan figure (0 plan, 1 side panel)."""
    ax = fig.axes[which]
    texts = [t.get_text() for t in ax.texts]
    legend = ax.get_legend()
    if legend is not None:
        texts += [t.get_text() for t in legend.get_texts()]
    return texts


def test_sample_has_what_the_image_must_show(partition_report):
    plan, site = partition_report.plan, partition_report.site
    assert [(d.kind, d.name) for d in plan.devices] == [("COPIER", "MFP1")]
    assert sorted((c.name, c.level) for c in plan.cabinets) == [("CB1", 2), ("CB2", 1)]
    assert {ln.kind for ln in plan.lines} == {"wall", "partition", "window"}
    assert [g.kind for g in site.zone_gaps] == ["partition-only"]


def test_equipment_tags_and_legend_entries(partition_report):
    from osmark_plan.report.image import plan_figure

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        ja = plan_figure(partition_report, "ja", dpi=60)
        ja.canvas.draw()
    assert [str(w.message) for w in caught if "glyph" in str(w.message).lower()] == []
    plan_texts, side_texts = _texts(ja, 0), _texts(ja, 1)
    assert "コピー機 MFP1" in plan_texts
    assert {"保管庫 L2 CB1", "保管庫 L1 CB2"} <= set(plan_texts)
    for word in ("出力機器", "保管庫", "壁", "ローパーテーション", "窓", "隙間(仕切りのみ)"):
        assert word in side_texts, word
    assert "境界の隙間" not in side_texts  # no open gap in this drawing: no legend entry

    en = plan_figure(partition_report, "en", dpi=60)
    assert "Copier MFP1" in _texts(en, 0)
    assert {"Output device", "Cabinet", "Wall", "Low partition", "Window",
            "Partition-only gap"} <= set(_texts(en, 1))


def test_plan_labels_do_not_overlap(partition_report):
    from osmark_plan.report.image import plan_figure

    fig = plan_figure(partition_report, "ja", graph=True, dpi=60)
    renderer = fig.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in fig.axes[0].texts if t.get_text()]
    assert len(boxes) >= 5 + 3  # region names, equipment tags (and markers)
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not a.overlaps(b), (a, b)


def test_line_kinds_and_gaps_are_styled_apart(partition_report, tmp_path):
    from matplotlib.colors import to_hex

    from osmark_plan.report.image import plan_figure
    from osmark_plan.report.image import render_image as render_at
    from osmark_plan.report.image.style import (GAP_COLOURS, PARTITION_COLOUR, WALL_COLOUR,
                                                WINDOW_COLOUR)

    fig = plan_figure(partition_report, "ja", dpi=60)
    styles = {}
    for coll in fig.axes[0].collections:
        colours = {to_hex(c) for c in coll.get_colors()} if hasattr(coll, "get_colors") else set()
        for colour in colours:
            styles.setdefault(colour, []).append(
                (float(coll.get_linewidths()[0]), coll.get_linestyles()[0][1] is not None))
    assert (0.9, False) in styles[WALL_COLOUR]  # walls solid
    assert (1.0, True) in styles[PARTITION_COLOUR]  # partitions dashed
    assert WINDOW_COLOUR in styles
    assert (3.6, True) in styles[GAP_COLOURS["partition-only"]]  # the gap, thick and dashed
    # and on the picture: the orange gap along 役員室's partition (4.55 m)
    image = PIL.open(render_at(partition_report, tmp_path / "p.png", lang="ja", dpi=60))
    assert _count(image, _rgb(GAP_COLOURS["partition-only"]), tol=20) > 60


def test_svg_and_pdf_of_a_real_sample(partition_report, tmp_path):
    svg = render_image(partition_report, tmp_path / "plan.svg", lang="ja", graph=True)
    text = svg.read_text(encoding="utf-8")
    assert len(text) > 50_000 and text.count("<path") > 100
    # texts stay text, in the image's font (embedded: a subset of the characters used) first
    family = cjk_font().family
    assert text.count("<text") > 10 and "サーバー室" in text
    assert f"font-family: '{family}', 'Noto Sans CJK JP'" in text
    if cjk_font().path is not None:
        assert f'@font-face{{font-family:"{family}"' in text and "data:font/woff" in text
    pdf = render_image(partition_report, tmp_path / "plan.pdf", lang="ja").read_bytes()
    assert len(pdf) > 20_000
    assert b"/FontFile2" in pdf and cjk_font().family.encode() in pdf  # TrueType embedded
    assert b"/Type0" in pdf  # type 42: text stays text (CID font), not Type 3 outlines


def test_wrap_keeps_numbers_words_and_quotes_together():
    text = ("EQP002 エラー: コピー機「MFP1」が出入口（扉 DR06）から1.4 mの位置にあります"
            "（3.0 m未満）。出入口から離すか、周囲をローパーテーションで囲ってください。")
    for width in range(24, 90):
        lines = wrap(text, width)
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")
        joined = "\n".join(lines)
        for piece in ("1.4 m", "3.0 m", "DR06", "EQP002", "「MFP1」"):
            assert piece in joined, (width, lines)
        assert not any(line[0] in "、。）」" for line in lines)
        assert not any(line[-1] in "（「" for line in lines)
    lines = wrap("the boundary of 会議室 has a gap of 1.20 m between two walls", 35)
    assert lines == ["the boundary of 会議室 has a gap of", "1.20 m between two walls"]
    assert wrap("the boundary of 会議室 has a gap of 1.20 m between", 34)[1] == "of 1.20 m between"
    # a quoted name too long for the rest of a short line moves whole to the next line
    assert wrap("レベル2の領域「サーバー室」が", 24) == ["レベル2の領域", "「サーバー室」が"]
