"""Characters the image font lacks (Chinese, Hangul, 𠮷): drawn from a fallback font of the
machine, else as a box; never a crash, never a dropped character."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from osmark_plan.naming import decode_escapes
from osmark_plan.report import fallback_fonts
from osmark_plan.report.image import glyphs

PIL = pytest.importorskip("PIL.Image")

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "dxf" / "office_ok.dxf"
DAOSHI = ROOT.parent / "shared" / "corpus-real" / "daoshi" / "floor1"
#: the office sample's room names, renamed to what the bundled IPAexGothic lacks
NAMES = {"役員室": "办公室 实验室", "執務室": "한국어 회의실", "書庫": "𠮷野 会議室"}
MISSING = "办实한국어회의실𠮷"


def _clear_caches() -> None:
    fallback_fonts.coverage.cache_clear()
    fallback_fonts.family_of.cache_clear()
    glyphs._glyph_font.cache_clear()


@pytest.fixture
def no_fallback(monkeypatch):
    """A machine with no font beyond the image's own (the search finds none)."""
    monkeypatch.setattr(fallback_fonts, "font_files", lambda: [])
    _clear_caches()
    yield
    monkeypatch.undo()
    _clear_caches()


@pytest.fixture
def fallback_file():
    """A font file of this machine with every character of :data:`MISSING`, else skip."""
    _clear_caches()
    found = fallback_fonts.fallback_files(MISSING)
    if any(path is None for path in found.values()):
        pytest.skip("no font on this machine has Chinese, Hangul and 𠮷 (e.g. fonts-noto-cjk)")
    return found["办"]


@pytest.fixture
def glyph_dxf(tmp_path):
    ezdxf = pytest.importorskip("ezdxf")
    if not SAMPLE.exists():
        pytest.skip("samples not generated")
    doc = ezdxf.readfile(SAMPLE)
    for e in doc.modelspace().query("TEXT"):
        e.dxf.text = NAMES.get(e.dxf.text, e.dxf.text)
    path = tmp_path / "glyphs.dxf"
    doc.saveas(path)
    return path


def _is_box(glyph) -> bool:
    import numpy as np

    box = glyphs.tofu("办")
    return glyph.vertices is not None and np.array_equal(glyph.vertices[:, 0] > 0.5,
                                                         box.vertices[:, 0] > 0.5) \
        and len(glyph.vertices) == len(box.vertices) and glyph.ymax == box.ymax


def osmark(*args):
    return subprocess.run([sys.executable, "-m", "osmark_plan", *map(str, args)],
                          capture_output=True, text=True, encoding="utf-8")


def _ink(text: str, **kw) -> int:
    """Dark pixels of ``text`` drawn the PNG way (glyph outlines) on a small white figure."""
    import numpy as np
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from osmark_plan.report.image.rasterise import rasterise_texts

    fig = Figure(figsize=(3, 1), dpi=100, facecolor="white")
    canvas = FigureCanvasAgg(fig)
    fig.text(0.05, 0.3, text, fontsize=30, **kw)
    rasterise_texts(fig)
    canvas.draw()
    grey = np.asarray(canvas.buffer_rgba())[:, :, :3].mean(axis=2)
    return int((grey < 128).sum())


@pytest.mark.parametrize("suffix", ["png", "svg", "pdf"])
def test_labels_in_chinese_hangul_and_beyond_the_bmp_draw(glyph_dxf, tmp_path, suffix):
    out = tmp_path / f"plan.{suffix}"
    res = osmark("check", glyph_dxf, "--image", out)
    assert res.returncode in (0, 1), res.stderr
    assert "Traceback" not in res.stderr
    assert out.stat().st_size > 5_000
    if suffix == "svg":  # every character kept in the file, none dropped
        svg = out.read_text(encoding="utf-8")
        assert all(name in svg for name in NAMES.values())


def test_daoshi_floor_with_chinese_names_draws(tmp_path):
    if not (DAOSHI / "floor1.dxf").exists():
        pytest.skip("../shared/corpus-real is not here")
    out = tmp_path / "daoshi.png"
    res = osmark("check", DAOSHI / "floor1.dxf", "--config", DAOSHI / "osmark.toml", "--image", out)
    assert res.returncode in (0, 1) and "Traceback" not in res.stderr, res.stderr
    assert PIL.open(out).size[0] > 1000


def test_without_a_fallback_font_a_missing_character_is_a_box(no_fallback):
    font = glyphs.glyph_font()
    assert not font.has("办")
    box = font.glyph("办")
    assert _is_box(box) and box.advance == 1.0  # a full em, as the character
    assert _is_box(font.glyph("한")) and _is_box(font.glyph("𠮷"))
    assert glyphs.tofu("x").advance == 0.6
    assert font.layout("办公室", 10.0)[0] == pytest.approx(font.layout("事務室", 10.0)[0], rel=0.15)
    assert _ink("办 실 𠮷") > 300  # three boxes: the label area is not blank
    assert _ink("   ") == 0


def test_without_a_fallback_font_every_format_is_written(no_fallback, glyph_dxf, tmp_path):
    from osmark_plan.api import check
    from osmark_plan.report import render_image

    report = check(glyph_dxf)
    for suffix in ("png", "svg", "pdf"):
        written = render_image(report, tmp_path / f"plan.{suffix}")
        assert written.stat().st_size > 5_000
    svg = (tmp_path / "plan.svg").read_text(encoding="utf-8")
    assert "办公室 实验室" in svg and "𠮷野 会議室" in svg  # kept, the viewer draws a box


def test_with_a_fallback_font_the_glyph_comes_from_it(fallback_file):
    from matplotlib.ft2font import FT2Font

    font = glyphs.glyph_font()
    assert not font.has("办")
    drawn = font.glyph("办")
    assert not _is_box(drawn) and len(drawn.vertices) > 20  # strokes, not a box
    assert FT2Font(fallback_file).get_char_index(ord("办"))
    assert fallback_file in font._extra  # read from the fallback file
    assert not any(_is_box(font.glyph(ch)) for ch in "한𠮷")
    assert _ink("办") > 50


def test_fallback_families_go_into_the_texts_that_need_them(fallback_file, glyph_dxf, tmp_path):
    from osmark_plan.api import check
    from osmark_plan.report import render_image

    from matplotlib.ft2font import FT2Font

    family = fallback_fonts.family_of(fallback_file)
    assert family
    report = check(glyph_dxf)
    svg = render_image(report, tmp_path / "plan.svg").read_text(encoding="utf-8")
    lines = [ln for ln in svg.splitlines() if "한국어 회의실" in ln]
    assert lines and all(f"'{family}'" in ln for ln in lines)
    pdf = render_image(report, tmp_path / "plan.pdf").read_bytes()
    assert b"+" + FT2Font(fallback_file).postscript_name.encode() in pdf  # a subset embedded


def test_fallback_lookup_is_per_character_and_cached(monkeypatch, tmp_path):
    calls = []

    def codes(path):
        import numpy as np

        calls.append(path)
        return np.array({"a.ttf": [0x41], "b.ttf": [0x41, 0xD55C]}[path], dtype=np.int64)

    monkeypatch.setattr(fallback_fonts, "_codes", codes)
    cover = fallback_fonts.Coverage(["a.ttf", "b.ttf"])
    assert cover.find("A한办") == {"A": "a.ttf", "한": "b.ttf", "办": None}
    assert cover.find("한办A") == {"한": "b.ttf", "办": None, "A": "a.ttf"}
    assert calls == ["a.ttf", "b.ttf"]  # each file's map read once


def test_preferred_fonts_rank_first():
    files = ["/f/LastResortHE-Regular.ttf", "/f/DejaVuSans.ttf", "/f/NotoSansCJK-Bold.ttc",
             "/f/NotoSansCJK-Regular.ttc", "/f/wqy-zenhei.ttc", "/f/ZapfDingbats.ttf"]
    assert sorted(files, key=fallback_fonts.rank) == [
        "/f/NotoSansCJK-Regular.ttc", "/f/NotoSansCJK-Bold.ttc", "/f/wqy-zenhei.ttc",
        "/f/DejaVuSans.ttf", "/f/ZapfDingbats.ttf", "/f/LastResortHE-Regular.ttf"]


def test_lone_surrogates_show_as_replacement_and_pairs_join():
    assert decode_escapes(r"\U+D842\U+DFB7野") == "𠮷野"
    assert decode_escapes(r"\U+d842\U+dfb7") == "𠮷"
    assert decode_escapes(r"\U+D842野") == "\ufffd野"
    assert fallback_fonts.visible("a\udc8ab") == "a\ufffdb"
    assert fallback_fonts.visible("\ud842\udfb7") == "𠮷"
    assert glyphs.glyph_font().glyph("\udc8a") == glyphs.glyph_font().glyph("\ufffd")


def test_escaped_pair_in_a_drawing_names_the_room(glyph_dxf, tmp_path):
    import ezdxf

    from osmark_plan.api import check

    doc = ezdxf.readfile(glyph_dxf)
    for e in doc.modelspace().query("TEXT"):
        if e.dxf.text == NAMES["書庫"]:
            e.dxf.text = r"\U+D842\U+DFB7野 会議室"
    doc.saveas(tmp_path / "escaped.dxf")
    names = {r.name for r in check(tmp_path / "escaped.dxf").site.regions}
    assert NAMES["書庫"] in names


@pytest.mark.parametrize("fallback", [False, True], ids=["no-fallback", "fallback"])
def test_diff_image_with_names_the_font_lacks(glyph_dxf, tmp_path, monkeypatch, fallback):
    from osmark_plan.api import diff
    from osmark_plan.diff.image import render_diff_image

    if fallback:
        _clear_caches()
        if fallback_fonts.fallback_files("办")["办"] is None:
            pytest.skip("no font on this machine has Chinese")
    else:
        monkeypatch.setattr(fallback_fonts, "font_files", lambda: [])
        _clear_caches()
    try:
        changes = diff(SAMPLE, glyph_dxf)
        for suffix in ("png", "svg", "pdf"):
            assert render_diff_image(changes, tmp_path / f"d.{suffix}").stat().st_size > 5_000
    finally:
        monkeypatch.undo()
        _clear_caches()
