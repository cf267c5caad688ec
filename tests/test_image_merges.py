"""Rooms split or merged by the build, and façades closed as glass, are seen at once on the
plan image (PNG, SVG, PDF) and on the HTML report's plan, each with a legend entry only when
the floor has one.

The floor, 16 x 8 m, drawn here (metres): a corridor 廊下 (1) along the south with the entrance
in its west wall; above it 役員室 (2) and サーバー室 (3) joined through a 3 m gap in the wall
x = 6 (a doorway drawn as a gap: the build cuts the room there, REP204); 倉庫 (2) to the east
also holding the name 会議室 (1), nothing between them (one room, two names: merged); and a
4 m gap in the corridor's south façade with nothing drawn in it (closed as glazing, REP205).
Each of the three can be left out (the wall drawn whole, one name, a door).
"""

from __future__ import annotations

from pathlib import Path

import ezdxf
import numpy as np
import pytest
from PIL import Image

from osmark_plan.report.image.style import GLAZING_COLOUR, MERGE_COLOUR, SPLIT_COLOUR

DOOR_W = 0.9
TABLE = '[zones]\n"廊下" = 1\n"役員室" = 2\n"サーバー室" = 3\n"倉庫" = 2\n"会議室" = 1\n'
ALL = frozenset({"split", "merged", "glazing"})
#: the cut across the gap in the wall x = 6
CUT = ((6.0, 3.5), (6.0, 6.5))


def draw_floor(folder: Path, marks: frozenset[str] = ALL) -> Path:
    """The floor with the marks named in ``marks`` ("split", "merged", "glazing")."""
    doc = ezdxf.new("R2013", setup=False)
    doc.header["$INSUNITS"] = 6
    for name in ("WALL", "DOOR", "ROOM-NAME"):
        doc.layers.add(name)
    blk = doc.blocks.new("DOOR90")
    blk.add_line((0, 0), (0, DOOR_W), dxfattribs={"layer": "0"})
    blk.add_arc((0, 0), DOOR_W, 0, 90, dxfattribs={"layer": "0"})
    msp = doc.modelspace()
    south = [((0, 0), (6, 0)), ((10, 0), (16, 0))] if "glazing" in marks else [((0, 0), (16, 0))]
    server = [((6, 2), (6, 3.5)), ((6, 6.5), (6, 8))] if "split" in marks else [((6, 2), (6, 8))]
    corridor = [((1.9, 2), (13.0, 2))] if "split" in marks else [((1.9, 2), (7.0, 2)), ((7.9, 2), (13.0, 2))]
    walls = [*south, ((16, 0), (16, 8)), ((16, 8), (0, 8)), ((0, 8), (0, 1.6)), ((0, 0.7), (0, 0)),
             ((0, 2), (1.0, 2)), *corridor, ((13.9, 2), (16, 2)), *server, ((12, 2), (12, 8))]
    for a, b in walls:
        msp.add_line(a, b, dxfattribs={"layer": "WALL"})
    doors = [((0, 0.7), 90, True), ((1.0, 2), 0, False), ((13.0, 2), 0, False)]
    if "split" not in marks:
        doors.append(((7.0, 2), 0, False))  # the server room's own door
    for hinge, rot, flip in doors:
        msp.add_blockref("DOOR90", hinge, dxfattribs={"layer": "DOOR", "rotation": rot,
                                                      "yscale": -1 if flip else 1})
    names = [("役員室", (3, 5)), ("サーバー室", (9, 5)), ("廊下", (6, 1)), ("倉庫", (14, 6.5))]
    if "merged" in marks:
        names.append(("会議室", (14, 3.5)))
    for text, at in names:
        msp.add_text(text, height=0.3, dxfattribs={"layer": "ROOM-NAME"}).set_placement(
            at, align=ezdxf.enums.TextEntityAlignment.MIDDLE_CENTER)
    folder.mkdir(parents=True, exist_ok=True)
    doc.saveas(folder / "floor.dxf")
    (folder / "osmark.toml").write_text(TABLE, encoding="utf-8")
    return folder / "floor.dxf"


def _check(path: Path):
    from osmark_plan.api import check
    from osmark_plan.config import load_for

    return check(path, load_for(path))


@pytest.fixture(scope="module")
def floors(tmp_path_factory):
    """Reports of the floor with all marks, with none, and with each alone."""
    root = tmp_path_factory.mktemp("marks")
    variants = {"all": ALL, "none": frozenset(), **{k: frozenset({k}) for k in ALL}}
    return {name: _check(draw_floor(root / name, marks)) for name, marks in variants.items()}


def _texts(fig, which: int) -> list[str]:
    ax = fig.axes[which]
    texts = [t.get_text() for t in ax.texts]
    legend = ax.get_legend()
    if legend is not None:
        texts += [t.get_text() for t in legend.get_texts()]
    return texts


def _rgb(hex_colour: str) -> np.ndarray:
    return np.array([int(hex_colour[i:i + 2], 16) for i in (1, 3, 5)])


def _near(pixels: np.ndarray, colour: str, tol: int = 24) -> int:
    return int((np.abs(pixels[..., :3].astype(int) - _rgb(colour)).sum(axis=-1) <= tol).sum())


# -- the facts ---------------------------------------------------------------------------------

def test_the_floor_has_a_split_a_merge_and_a_closed_facade(floors):
    from osmark_plan.report.room_marks import room_marks

    report = floors["all"]
    codes = [r.code for r in report.plan.repairs]
    assert codes.count("REP204") == 1 and codes.count("REP205") == 1
    marks = room_marks(report)
    assert [sorted(c.coords) for c in marks.splits] == [sorted(CUT)]
    assert [round(g.length, 3) for g in marks.glazing] == [4.0]
    merged = {report.site.region(rid).name for rid, _ in marks.merged}
    assert merged == {"倉庫"}
    assert [(n.name, n.at) for n in marks.names] == [("会議室", (14.0, 3.5))]
    assert marks.kinds == ALL
    assert room_marks(floors["none"]).kinds == set()
    for kind in ALL:
        assert room_marks(floors[kind]).kinds == {kind}, kind


# -- the image -----------------------------------------------------------------------------------

LEGEND = {"ja": {"split": "分割(隙間の出入口)", "merged": "統合?(室名が複数)",
                 "glazing": "ガラス面で閉じた外周"},
          "en": {"split": "Split at a doorway gap", "merged": "Merged? (two names)",
                 "glazing": "Façade closed as glass"}}


@pytest.mark.parametrize("variant", ["all", "none", "split", "merged", "glazing"])
def test_legend_entries_only_for_what_the_floor_has(floors, variant):
    from osmark_plan.report.image import plan_figure

    want = ALL if variant == "all" else (set() if variant == "none" else {variant})
    for lang in ("ja", "en"):
        side = set(_texts(plan_figure(floors[variant], lang, dpi=50), 1))
        shown = {kind for kind, word in LEGEND[lang].items() if word in side}
        assert shown == want, (lang, side)
        # façade glazing is not a drawn window: no window entry on a floor without windows
        assert {"窓", "Window"}.isdisjoint(side)


def test_merged_name_and_split_tag_on_the_plan(floors):
    from osmark_plan.report.image import plan_figure

    ja = _texts(plan_figure(floors["all"], "ja", dpi=50), 0)
    assert "＋会議室（統合?）" in ja and "✂ 分割" in ja
    en = _texts(plan_figure(floors["all"], "en", dpi=50), 0)
    assert "＋会議室 (merged?)" in en and "✂ split" in en
    plain = _texts(plan_figure(floors["none"], "ja", dpi=50), 0)
    assert not [t for t in plain if "統合" in t or "✂" in t]


def test_merged_name_clears_the_other_labels(floors):
    from osmark_plan.report.image import plan_figure

    fig = plan_figure(floors["all"], "ja", dpi=60)
    renderer = fig.canvas.get_renderer()
    texts = [t for t in fig.axes[0].texts if t.get_text()]
    merged = next(t for t in texts if t.get_text() == "＋会議室（統合?）")
    box = merged.get_window_extent(renderer)
    for other in texts:
        if other is not merged:
            assert not box.overlaps(other.get_window_extent(renderer)), other.get_text()
    # inside the merged room (倉庫: x 12..16, y 2..8)
    (x0, y0), (x1, y1) = fig.axes[0].transData.inverted().transform([[box.x0, box.y0], [box.x1, box.y1]])
    assert 12 < x0 < x1 < 16 and 2 < y0 < y1 < 8


def _plan_pixels(report, tmp_path, dpi: int = 60):
    """The PNG's pixels and the plan's data-to-pixel transform (rows from the top)."""
    from osmark_plan.report.image import plan_figure, render_image

    path = render_image(report, tmp_path / "plan.png", lang="ja", dpi=dpi)
    pixels = np.asarray(Image.open(path).convert("RGB"))
    fig = plan_figure(report, "ja", dpi=dpi)
    assert pixels.shape[0] == round(fig.get_figheight() * dpi)
    to_px = fig.axes[0].transData.transform

    def at(x: float, y: float) -> tuple[int, int]:
        px, py = to_px((x, y))
        return int(round(px)), int(round(pixels.shape[0] - py))

    return pixels, at


def test_split_cut_is_drawn_in_its_colour(floors, tmp_path):
    pixels, at = _plan_pixels(floors["all"], tmp_path / "all")
    (x, top), (_, bottom) = at(*CUT[1]), at(*CUT[0])
    window = pixels[top:bottom, x - 6:x + 7]
    assert _near(window, SPLIT_COLOUR) > 0.25 * window.shape[0] * 4  # a band a few pixels wide
    assert _near(pixels, SPLIT_COLOUR) < 3 * _near(window, SPLIT_COLOUR) + 400  # the cut, its tag, the legend
    # the floor drawn with the wall whole: no such colour on its plan at all
    plain, at_plain = _plan_pixels(floors["none"], tmp_path / "none")
    plan_part = plain[:, : int(plain.shape[1] * 0.66)]
    assert _near(plan_part, SPLIT_COLOUR) == 0


def test_merged_room_is_outlined_in_the_warning_colour(floors, tmp_path):
    pixels, at = _plan_pixels(floors["all"], tmp_path / "all")
    (x0, y_top), (x1, _) = at(12.5, 8.0), at(15.5, 8.0)
    inside = pixels[y_top + 1:y_top + 4, x0:x1]  # a strip just inside 倉庫's north wall
    assert _near(inside, MERGE_COLOUR, tol=40) > 0.5 * inside.shape[1]
    (_, y_mid) = at(9.0, 8.0)
    server = pixels[y_mid + 1:y_mid + 4, at(7.0, 8.0)[0]:at(11.0, 8.0)[0]]  # サーバー室: not merged
    assert _near(server, MERGE_COLOUR, tol=40) == 0


def test_glazing_is_a_light_glass_line(floors, tmp_path):
    pixels, at = _plan_pixels(floors["glazing"], tmp_path / "glazing")
    (x0, y), (x1, _) = at(6.5, 0.0), at(9.5, 0.0)
    strip = pixels[y - 3:y + 4, x0:x1]
    assert _near(strip, GLAZING_COLOUR, tol=30) > 0.8 * strip.shape[1]


def test_svg_and_pdf_hold_the_marks(floors, tmp_path):
    from osmark_plan.report.image import render_image

    svg = render_image(floors["all"], tmp_path / "plan.svg", lang="ja").read_text(encoding="utf-8")
    region = next(r.id for r in floors["all"].site.regions if r.name == "倉庫")
    for gid in ("osm-split", f"osm-merged-{region}", "osm-glazing", "osm-merged-name-0",
                "osm-split-tag-0"):
        assert f'id="{gid}"' in svg, gid
    assert "＋会議室（統合?）" in svg and "✂ 分割" in svg
    plain = render_image(floors["none"], tmp_path / "none.svg", lang="en").read_text(encoding="utf-8")
    assert 'id="osm-' not in plain and "merged?" not in plain
    pdf = render_image(floors["all"], tmp_path / "plan.pdf", lang="en").read_bytes()
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000


# -- the HTML report's plan ----------------------------------------------------------------------

def test_html_plan_holds_the_marks(floors):
    from osmark_plan.report.html import report_html

    page = report_html(floors["all"], "ja")
    region = next(r.id for r in floors["all"].site.regions if r.name == "倉庫")
    assert 'class="ln split"' in page and 'class="ln glazing"' in page
    assert f'id="merged-{region}"' in page and f'clip-path="url(#clip-merged-{region})"' in page
    assert "＋会議室（統合?）" in page and "＋会議室 (merged?)" in page
    assert page.count('class="splittag"') == 1 and "✂ 分割" in page and "✂ split" in page
    for entry in ("legend-split", "legend-merged", "legend-glazing"):
        assert entry in page, entry
    plain = report_html(floors["none"], "ja")
    for absent in ('class="ln split"', 'class="ln glazing"', 'class="merged"', 'class="mlabel"',
                   'class="splittag"', "legend-split", "legend-merged", "legend-glazing"):
        assert absent not in plain, absent
    only = report_html(floors["glazing"], "en")
    assert "legend-glazing" in only and "legend-split" not in only and "legend-merged" not in only


def test_a_figure_as_tall_as_the_list_needs_lists_every_finding(floors):
    """The legend's extra entries make the side panel taller, never an empty continuation."""
    from osmark_plan.report.document import report_document
    from osmark_plan.report.image.panel import list_height, side_capacity
    from osmark_plan.report.image.render import _present
    from osmark_plan.report.image.style import WORDS
    from osmark_plan.report.room_marks import room_marks

    for name, report in floors.items():
        for lang in ("ja", "en"):
            doc = report_document(report, lang)
            present = _present(report, room_marks(report))
            height = list_height(doc, WORDS[lang], present, False)
            assert side_capacity(doc, WORDS[lang], present, False, height) == len(doc["findings"]), name
