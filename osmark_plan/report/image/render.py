"""The annotated plan image (``--image PATH``): regions by level, doors, graph and findings.

Drawn in metres (the site's geometry) with matplotlib's object API on the Agg canvas; the
suffix of the path picks PNG, SVG or PDF. matplotlib is imported inside the functions only.
Texts (legend, findings list) come from the report document, so they match the other formats.
"""

from __future__ import annotations

import logging
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterable, Iterator

from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry

from ...findings import Report
from ...gc_pause import gc_paused
from ...output import atomic_path
from ..document import report_document
from ..fallback_fonts import name_fallbacks
from ..fonts import cjk_font
from ..room_marks import RoomMarks, is_glazing, room_marks
from .glyphs import glyph_font
from .graph import draw_graph, graph_edges, node_points, outside_nodes, polygons, size_of
from .items import draw_equipment, draw_gaps, draw_line_work, draw_lines
from .labels import Placed, place_region_labels, place_tags
from .marks import draw_marks, place_marks
from .markers import cluster_offsets, cluster_points, draw_markers  # noqa: F401 (re-exported)
from . import more
from .panel import draw_side, list_height, side_capacity
from .rasterise import TextSink, rasterise_texts
from .shapes import fill_shapes
from .style import (DOOR_COLOUR, DPI, EMPTY_BOUNDS, ENTRANCE_COLOUR, FIG_WIDTH, FILL_ALPHA,
                          LEVEL_COLOURS, LINE_COLOUR, MAX_HEIGHT, MIN_HEIGHT, OUTSIDE_COLOUR,
                          PLAN_FRACTION, SUFFIXES,
                          TITLE_INCHES, UNKNOWN_COLOUR, WORDS, plan_axes)
from .png import write_png
from ..text import summary_line


def render_image(report: Report, path: str | Path, lang: str = "ja", graph: bool = False,
                 dpi: int = DPI) -> Path:
    """Draw the annotated plan of ``report`` to ``path``; return the path written.

    Findings the side panel has no room for continue in a list under the plan (PNG, SVG) or
    on further pages (PDF).
    """
    path = Path(path)
    fmt = SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        raise ValueError(f"{path}: the image suffix must be .png, .svg or .pdf")
    with gc_paused():  # matplotlib's many objects make few cycles; the plan is a large heap
        return _render(report, path, fmt, lang, graph, dpi)


def _render(report: Report, path: Path, fmt: str, lang: str, graph: bool, dpi: int) -> Path:
    import matplotlib

    rc = _rc(cjk_font().family, svg_text=fmt == "svg")
    with matplotlib.rc_context(rc), _quiet_font_log():
        fig, listed = _figure(report, lang, graph, dpi, continuation=fmt != "pdf",
                              svg_text=fmt == "svg", glyphs=fmt == "png")
        path.parent.mkdir(parents=True, exist_ok=True)
        if fmt == "svg":
            with atomic_path(path) as tmp:  # complete or untouched, never a truncated image
                tmp.write_text(svg_with_font(fig, cjk_font().family), encoding="utf-8")
            return path
        if fmt == "png":
            with atomic_path(path) as tmp:
                write_png(fig, tmp, {"Software": "osmark-plan"})
            return path
        from matplotlib.backends.backend_pdf import PdfPages

        words = WORDS.get(lang, WORDS["en"])
        rest = more.blocks(report_document(report, lang), words, listed + 1)
        with atomic_path(path) as tmp, PdfPages(tmp) as pdf:
            pdf.savefig(fig, facecolor="white")
            for page in more.page_figures(rest, words, fig.get_figheight(), dpi):
                pdf.savefig(page, facecolor="white")
    return path


def plan_figure(report: Report, lang: str = "ja", graph: bool = False, dpi: int = DPI) -> Any:
    """The annotated plan as a matplotlib Figure (on an Agg canvas), not yet saved.

    Axes: the plan first, then the side panel (legend and findings), then the continuation
    of the findings list when the side panel has no room for all.
    """
    return _figure(report, lang, graph, dpi)[0]


def _figure(report: Report, lang: str, graph: bool, dpi: int, continuation: bool = True,
            svg_text: bool = False, glyphs: bool = False) -> tuple[Any, int]:
    """The figure and how many findings its side panel lists; with ``glyphs`` (PNG) its
    texts are drawn as glyph outlines (:mod:`.rasterise`), not Text artists."""
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    words = WORDS.get(lang, WORDS["en"])
    doc = report_document(report, lang)
    with matplotlib.rc_context(_rc(cjk_font().family, svg_text)), _quiet_font_log():
        bounds = _bounds(report, graph)
        marks = room_marks(report)
        present = _present(report, marks)
        main = min(max(_height(bounds), list_height(doc, words, present, graph)), MAX_HEIGHT)
        fit = side_capacity(doc, words, present, graph, main)
        rest = more.blocks(doc, words, fit + 1) if continuation else []
        extra = more.height(rest)
        height = main + extra
        fig = Figure(figsize=(FIG_WIDTH, height), dpi=dpi, facecolor="white")
        FigureCanvasAgg(fig)
        top = 1 - TITLE_INCHES / height
        bottom = (extra + 0.02 * main) / height
        ax = fig.add_axes((0.01, bottom, PLAN_FRACTION - 0.02, top - bottom))
        side = fig.add_axes((PLAN_FRACTION + 0.01, bottom, 0.98 - PLAN_FRACTION, top - bottom))
        _draw_plan(ax, report, words, graph, marks)
        _frame(ax, bounds, report, graph, words)
        ax.apply_aspect()
        sink = TextSink(glyphs)
        boxes, tags = draw_equipment(ax, report.plan, words)
        placed = Placed(draw_markers(ax, fig, report, doc, sink))
        for box in boxes:
            placed.add(box)
        if graph and report.site is not None:
            _add_nodes(ax, report.site, placed)
        lines = [ln.geom for ln in report.plan.lines] + list(marks.splits)
        if graph and report.site is not None:
            lines += graph_edges(report.site)  # labels keep clear of the graph's edges too
        place_marks(ax, fig, marks, words, placed, lines, sink)  # first: few, and to be seen
        place_region_labels(ax, fig, _region_items(report), graph, placed, lines, sink)
        place_tags(ax, fig, tags, placed, lines)
        listed = draw_side(side, fig, doc, words, present, graph,
                           more=words["more_below"] if extra else
                           (None if continuation else words["more_next"]), sink=sink)
        if extra:
            items = more.blocks(doc, words, listed + 1)
            more.draw(fig, (0.01, 0.06 / height, 0.98, (extra - 0.1) / height), items, words,
                      sink=sink)
        fig.text(0.01, 1 - 0.45 / fig.get_figheight(),
                 f"{doc['drawing']['name']}   {summary_line(doc['summary'], lang)}",
                 ha="left", va="center", fontsize=14)
        name_fallbacks(fig, glyph_font().has)  # characters the image font lacks
        if glyphs:
            rasterise_texts(fig, sink.items)
    return fig, listed


#: fonts an SVG viewer may have, after the image's own (embedded) font, for ``<text>``
SVG_FALLBACK_FONTS = ["Noto Sans CJK JP", "Noto Sans JP", "Hiragino Sans", "Yu Gothic", "Meiryo",
                      "DejaVu Sans"]


def _rc(family: str, svg_text: bool = False) -> dict[str, Any]:
    """Fonts (CJK first) and how they go into files: PDF with the TrueType font embedded and
    subset (type 42, so its text stays text); SVG, with ``svg_text``, text as ``<text>`` with
    a font stack (the image's font is embedded by :func:`svg_with_font`), else as paths."""
    return {"font.family": [family, *(SVG_FALLBACK_FONTS if svg_text else ["DejaVu Sans"])],
            "svg.fonttype": "none" if svg_text else "path",
            "pdf.fonttype": 42, "ps.fonttype": 42, "axes.unicode_minus": False,
            "hatch.linewidth": 0.6}


def svg_with_font(fig: Any, family: str) -> str:
    """The figure as SVG whose texts stay ``<text>``, with the subset of the image's font
    for the characters used embedded under its own family name (so viewers without a
    Japanese font show the same glyphs); without a font file, the font stack alone."""
    import io
    import re

    from ..html_font import font_face_css

    buf = io.StringIO()
    fig.savefig(buf, format="svg", facecolor="white")
    svg = buf.getvalue()
    used = "".join(re.findall(r"<text[^>]*>([^<]*)</text>", svg))
    face = font_face_css(used, family=family) if used else ""
    if not face:
        return svg
    at = svg.index(">", svg.index("<svg")) + 1
    return f'{svg[:at]}\n <style type="text/css">{face}</style>{svg[at:]}'


def _present(report: Report, marks: RoomMarks) -> set[str]:
    """What the plan shows beyond regions and doors, for the legend: line kinds (façades
    closed as "glazing" apart from windows), equipment, gaps, split and merged rooms."""
    plan, site = report.plan, report.site
    present = {"glazing" if is_glazing(line) else line.kind for line in plan.lines} | marks.kinds
    if plan.devices:
        present.add("device")
    if plan.cabinets:
        present.add("cabinet")
    if site is not None:
        present.add("site")
        kinds = {g.kind for g in (*site.zone_gaps, *site.aa_gaps)}
        if kinds - {"partition-only"}:
            present.add("gap")
        if "partition-only" in kinds:
            present.add("gap_partition")
    return present


def _region_items(report: Report) -> list[tuple[BaseGeometry, str]]:
    site = report.site
    if site is not None:
        return [(r.polygon, r.name or r.id) for r in site.regions]
    return [(z.polygon, z.name or z.id) for z in report.plan.zones]


def _add_nodes(ax: Any, site: Any, placed: Placed, radius: float = 4.0) -> None:
    """The access graph's nodes as obstacles for labels (a few pixels around each)."""
    from matplotlib.transforms import Bbox

    nodes = list(node_points(site).values()) + outside_nodes(site)[0]
    for x, y in ax.transData.transform(nodes) if nodes else []:
        placed.add(Bbox([[x - radius, y - radius], [x + radius, y + radius]]))


@contextmanager
def _quiet_font_log() -> Iterator[None]:
    """CJK fonts have no bold face; matplotlib logs that each time. Not worth telling users;
    nor its warning for a character no font has (it draws a box for it, as the PNG does)."""
    import warnings

    logger = logging.getLogger("matplotlib.font_manager")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=r"Glyph \d+ .*missing from")
            yield
    finally:
        logger.setLevel(level)


# -- plan ---------------------------------------------------------------------------------

def _bounds(report: Report, graph: bool = False) -> tuple[float, float, float, float]:
    """Extent of what is drawn (and the OUTSIDE nodes of the graph), in metres, with a margin."""
    from shapely import bounds as shp_bounds
    import numpy as np

    geoms: list[BaseGeometry] = [line.geom for line in report.plan.lines]
    geoms += [z.polygon for z in report.plan.zones] + [d.chord for d in report.plan.doors]
    geoms += [c.polygon for c in report.plan.cabinets] + [d.polygon for d in report.plan.devices]
    if report.site is not None:
        geoms.append(report.site.aa)
        geoms += [r.polygon for r in report.site.regions]
        if graph:
            geoms += [Point(xy).buffer(0.04 * size_of(report.site.aa)) for xy in
                      outside_nodes(report.site)[0]]
    b = shp_bounds(np.array([g for g in geoms if not g.is_empty], dtype=object)) if geoms else None
    if b is None or len(b) == 0 or np.isnan(b).all():
        return EMPTY_BOUNDS
    x0, y0 = np.nanmin(b[:, 0]), np.nanmin(b[:, 1])
    x1, y1 = np.nanmax(b[:, 2]), np.nanmax(b[:, 3])
    pad = 0.04 * max(x1 - x0, y1 - y0, 1.0)
    return (float(x0 - pad), float(y0 - pad), float(x1 + pad), float(y1 + pad))


def _height(bounds: tuple[float, float, float, float]) -> float:
    """Figure height (inches) giving the plan panel the drawing's aspect, within limits."""
    w, h = bounds[2] - bounds[0], bounds[3] - bounds[1]
    plan_w = FIG_WIDTH * (PLAN_FRACTION - 0.02)
    return float(min(max(plan_w * h / max(w, 1e-9) + TITLE_INCHES + 0.3, MIN_HEIGHT), MAX_HEIGHT))


def _frame(ax: Any, bounds: tuple[float, float, float, float], report: Report,
           graph: bool, words: dict[str, Any]) -> None:
    plan_axes(ax, bounds)
    site = report.site
    has_outside = (site is not None and not site.aa.is_empty) or bool(report.plan.areas)
    ax.set_facecolor(OUTSIDE_COLOUR if has_outside else "white")
    avoid = outside_nodes(report.site)[0] if graph and report.site is not None else []
    if bounds == EMPTY_BOUNDS:
        ax.text(0.5, 0.5, words["empty"], transform=ax.transAxes, ha="center", va="center",
                fontsize=12, color="#666666")
    else:
        _scale_bar(ax, bounds, avoid)


def _scale_bar(ax: Any, bounds: tuple[float, float, float, float],
               avoid: list[tuple[float, float]]) -> None:
    """A bar of a round length in metres in a bottom corner (the one away from ``avoid``)."""
    width, height = bounds[2] - bounds[0], bounds[3] - bounds[1]
    length = next((n for n in (100, 50, 20, 10, 5, 2, 1, 0.5) if n <= width / 5), 0.2)
    corners = [(bounds[0] + 0.02 * width, bounds[1] + 0.02 * height),
               (bounds[2] - 0.02 * width - length, bounds[1] + 0.02 * height)]
    if avoid:
        corners.sort(key=lambda c: -min((c[0] + length / 2 - a[0]) ** 2 + (c[1] - a[1]) ** 2
                                        for a in avoid))
    x, y = corners[0]
    ax.plot([x, x + length], [y, y], color="black", lw=3, solid_capstyle="butt", zorder=7)
    ax.annotate(f"{length:g} m", (x + length / 2, y), xytext=(0, 4), textcoords="offset points",
                ha="center", va="bottom", fontsize=8, zorder=7)


def _fill(ax: Any, geom: BaseGeometry, zorder: float, **style: Any) -> None:
    """Fill a (multi)polygon, holes included."""
    from matplotlib.patches import PathPatch
    from matplotlib.path import Path as MplPath

    for poly in polygons(geom):
        if poly.is_empty:
            continue
        rings = [poly.exterior, *poly.interiors]
        verts, codes = [], []
        for ring in rings:
            coords = list(ring.coords)
            verts += coords
            codes += [MplPath.MOVETO] + [MplPath.LINETO] * (len(coords) - 2) + [MplPath.CLOSEPOLY]
        ax.add_patch(PathPatch(MplPath(verts, codes), zorder=zorder, **style))


def _lines(ax: Any, geoms: Iterable[BaseGeometry], zorder: float, **style: Any) -> None:
    draw_lines(ax, geoms, zorder, **style)


def _draw_plan(ax: Any, report: Report, words: dict[str, Any], graph: bool,
               marks: RoomMarks = RoomMarks()) -> None:
    plan, site = report.plan, report.site
    if site is not None:
        _fill(ax, site.aa, 0.5, facecolor="white", edgecolor="none")
        regions = sorted(site.regions, key=lambda r: -r.area)  # small ones over large ones
        fill_shapes(ax, [r.polygon for r in regions], 1, alpha=FILL_ALPHA, edgecolors="none",
                    facecolors=[LEVEL_COLOURS.get(r.level, UNKNOWN_COLOUR) for r in regions])
        _fill(ax, site.aa, 1.5, facecolor="none", edgecolor="black", lw=1.6)
    else:
        for area in plan.areas:
            _fill(ax, area.polygon, 0.5, facecolor="white", edgecolor="black", lw=1.6)
        zones = sorted(plan.zones, key=lambda z: -z.polygon.area)
        fill_shapes(ax, [z.polygon for z in zones], 1, alpha=FILL_ALPHA, edgecolors="#555555",
                    linewidths=0.6,
                    facecolors=[LEVEL_COLOURS.get(z.level, UNKNOWN_COLOUR) for z in zones])
    draw_line_work(ax, plan)
    _lines(ax, [d.outline for d in plan.doors if d.outline is not None], 2.3,
           colors=LINE_COLOUR, linewidths=0.6)
    _draw_doors(ax, report)
    if site is not None:
        draw_gaps(ax, site)
    draw_marks(ax, marks)
    if graph and site is not None:
        draw_graph(ax, site, words["outside_node"])


def _draw_doors(ax: Any, report: Report) -> None:
    """Every door's chord; over it entrances highlighted, openings dashed, stray doors dotted."""
    site = report.site
    linked: set[str] = set()
    if site is not None:
        linked = {ln.door.id for ln in site.links if ln.door is not None}
        linked |= {door.id for door, _ in site.stray_doors}
    _lines(ax, [d.chord for d in report.plan.doors if d.id not in linked], 3,
           colors=DOOR_COLOUR, linewidths=2.0)
    if site is None:
        return
    links = site.links
    _lines(ax, [ln.chord for ln in links if ln.door is not None and not ln.entrance], 3,
           colors=DOOR_COLOUR, linewidths=2.2)
    _lines(ax, [ln.chord for ln in links if ln.door is None and not ln.entrance], 3,
           colors=DOOR_COLOUR, linewidths=1.6, linestyles=(0, (2, 1.5)))
    _lines(ax, [ln.chord for ln in links if ln.entrance], 3.5,
           colors=ENTRANCE_COLOUR, linewidths=4.5)
    _lines(ax, [door.chord for door, _ in site.stray_doors], 3.2,
           colors="#777777", linewidths=1.6, linestyles="dotted")
