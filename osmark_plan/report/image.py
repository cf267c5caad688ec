"""The annotated plan image (``--image PATH``): regions by level, doors, graph and findings.

Drawn in metres (the site's geometry) with matplotlib's object API on the Agg canvas; the
suffix of the path picks PNG, SVG or PDF. matplotlib is imported inside the functions only.
Texts (legend, findings list) come from the report document, so they match the other formats.
"""

from __future__ import annotations

import logging
import unicodedata
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterable, Iterator

from shapely.geometry import MultiPolygon, Point, Polygon
from shapely.geometry.base import BaseGeometry

from ..findings import Report
from ..model import OUTSIDE
from .document import report_document
from .fonts import cjk_font
from .text import summary_line

SUFFIXES = {".png": "png", ".svg": "svg", ".pdf": "pdf"}
#: ColorBrewer YlGnBu, light to dark: readable with the common colour-vision deficiencies
LEVEL_COLOURS = {0: "#f4fbc0", 1: "#abdeb7", 2: "#33a7c2", 3: "#234da0"}
OUTSIDE_COLOUR = "#e4e4e4"
UNKNOWN_COLOUR = "#c8c8c8"
SEVERITY_COLOURS = {"error": "#d7301f", "warning": "#fe9929", "info": "#8c8c8c"}
ENTRANCE_COLOUR = "#e7298a"
DOOR_COLOUR = "#303030"
LINE_COLOUR = "#8a8a8a"
GRAPH_COLOUR = "#5a1d6e"
FILL_ALPHA = 0.8
DPI = 150
FIG_WIDTH = 16.0  # inches: plan panel plus findings panel
MIN_HEIGHT, MAX_HEIGHT = 7.0, 16.0  # inches
TITLE_INCHES = 0.8
PLAN_FRACTION = 0.66
LEGEND_INCHES = 2.0
MAX_LISTED = 60

WORDS = {
    "ja": {
        "levels": ["オープン", "レベル1", "レベル2", "レベル3"], "outside": "外部",
        "door": "ドア", "entrance": "出入口", "opening": "開口部", "unknown": "レベル不明",
        "error": "エラー", "warning": "警告", "info": "情報", "findings": "指摘事項",
        "none": "指摘事項はありません", "nowhere": "位置なし", "more": "ほか {n} 件",
        "graph": "アクセスグラフ", "outside_node": "外部",
        "no_geometry": "形状を構築できませんでした(領域は図面のゾーンのまま)",
    },
    "en": {
        "levels": ["Open", "Level 1", "Level 2", "Level 3"], "outside": "Outside",
        "door": "Door", "entrance": "Entrance", "opening": "Opening", "unknown": "Level unknown",
        "error": "Error", "warning": "Warning", "info": "Info", "findings": "Findings",
        "none": "No findings", "nowhere": "no position", "more": "{n} more",
        "graph": "Access graph", "outside_node": "OUTSIDE",
        "no_geometry": "geometry could not be built (zones shown as drawn)",
    },
}


def render_image(report: Report, path: str | Path, lang: str = "ja", graph: bool = False,
                 dpi: int = DPI) -> Path:
    """Draw the annotated plan of ``report`` to ``path``; return the path written."""
    path = Path(path)
    fmt = SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        raise ValueError(f"{path}: the image suffix must be .png, .svg or .pdf")
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    words = WORDS.get(lang, WORDS["en"])
    doc = report_document(report, lang)
    font = cjk_font()
    rc = {"font.family": [font.family, "DejaVu Sans"], "svg.fonttype": "path",
          "pdf.fonttype": 42, "axes.unicode_minus": False}
    with matplotlib.rc_context(rc), _quiet_font_log():
        bounds = _bounds(report, graph)
        height = max(_height(bounds), _list_height(doc, words))
        fig = Figure(figsize=(FIG_WIDTH, min(height, MAX_HEIGHT)), dpi=dpi, facecolor="white")
        FigureCanvasAgg(fig)
        top = 1 - TITLE_INCHES / fig.get_figheight()
        ax = fig.add_axes((0.01, 0.02, PLAN_FRACTION - 0.02, top - 0.02))
        side = fig.add_axes((PLAN_FRACTION + 0.01, 0.02, 0.98 - PLAN_FRACTION, top - 0.02))
        _draw_plan(ax, report, words, graph)
        _frame(ax, bounds, report, graph)
        ax.apply_aspect()
        markers = _draw_markers(ax, fig, report, doc)
        _place_region_labels(ax, fig, report, graph, markers)
        _draw_side(side, fig, doc, words, report.site is not None, graph)
        fig.text(0.01, 1 - 0.45 / fig.get_figheight(),
                 f"{doc['drawing']['name']}   {summary_line(doc['summary'], lang)}",
                 ha="left", va="center", fontsize=14)
        path.parent.mkdir(parents=True, exist_ok=True)
        fig.savefig(path, format=fmt, dpi=dpi, facecolor="white")
    return path


@contextmanager
def _quiet_font_log() -> Iterator[None]:
    """CJK fonts have no bold face; matplotlib logs that each time. Not worth telling users."""
    logger = logging.getLogger("matplotlib.font_manager")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
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
    if report.site is not None:
        geoms.append(report.site.aa)
        geoms += [r.polygon for r in report.site.regions]
        if graph:
            geoms += [Point(xy).buffer(0.04 * _size(report.site.aa)) for xy in
                      outside_nodes(report.site)[0]]
    b = shp_bounds(np.array([g for g in geoms if not g.is_empty], dtype=object)) if geoms else None
    if b is None or len(b) == 0 or np.isnan(b).all():
        return (0.0, 0.0, 1.0, 1.0)
    x0, y0 = np.nanmin(b[:, 0]), np.nanmin(b[:, 1])
    x1, y1 = np.nanmax(b[:, 2]), np.nanmax(b[:, 3])
    pad = 0.06 * max(x1 - x0, y1 - y0, 1.0)
    return (float(x0 - pad), float(y0 - pad), float(x1 + pad), float(y1 + pad))


def _size(geom: BaseGeometry) -> float:
    x0, y0, x1, y1 = geom.bounds
    return max(x1 - x0, y1 - y0, 1.0)


def _height(bounds: tuple[float, float, float, float]) -> float:
    """Figure height (inches) giving the plan panel the drawing's aspect, within limits."""
    w, h = bounds[2] - bounds[0], bounds[3] - bounds[1]
    plan_w = FIG_WIDTH * (PLAN_FRACTION - 0.02)
    return float(min(max(plan_w * h / max(w, 1e-9) + TITLE_INCHES + 0.3, MIN_HEIGHT), MAX_HEIGHT))


def _frame(ax: Any, bounds: tuple[float, float, float, float], report: Report,
           graph: bool) -> None:
    ax.set_aspect("equal", adjustable="box")
    ax.set_anchor("N")
    ax.set_xlim(bounds[0], bounds[2])
    ax.set_ylim(bounds[1], bounds[3])
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_visible(False)
    has_outside = report.site is not None or bool(report.plan.areas)
    ax.set_facecolor(OUTSIDE_COLOUR if has_outside else "white")
    avoid = outside_nodes(report.site)[0] if graph and report.site is not None else []
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


def _polygons(geom: BaseGeometry) -> list[Polygon]:
    if isinstance(geom, Polygon):
        return [geom]
    if isinstance(geom, MultiPolygon):
        return list(geom.geoms)
    return [g for g in getattr(geom, "geoms", []) if isinstance(g, Polygon)]


def _fill(ax: Any, geom: BaseGeometry, zorder: float, **style: Any) -> None:
    """Fill a (multi)polygon, holes included."""
    from matplotlib.patches import PathPatch
    from matplotlib.path import Path as MplPath

    for poly in _polygons(geom):
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
    from matplotlib.collections import LineCollection

    segs = []
    for g in geoms:
        for part in getattr(g, "geoms", [g]):
            if not part.is_empty:
                segs.append(list(part.coords))
    if segs:
        ax.add_collection(LineCollection(segs, zorder=zorder, **style))


def _draw_plan(ax: Any, report: Report, words: dict[str, Any], graph: bool) -> None:
    plan, site = report.plan, report.site
    if site is not None:
        _fill(ax, site.aa, 0.5, facecolor="white", edgecolor="none")
        for region in sorted(site.regions, key=lambda r: -r.area):
            _fill(ax, region.polygon, 1, facecolor=LEVEL_COLOURS.get(region.level, UNKNOWN_COLOUR),
                  alpha=FILL_ALPHA, edgecolor="none")
        _fill(ax, site.aa, 1.5, facecolor="none", edgecolor="black", lw=1.6)
    else:
        for area in plan.areas:
            _fill(ax, area.polygon, 0.5, facecolor="white", edgecolor="black", lw=1.6)
        for zone in sorted(plan.zones, key=lambda z: -z.polygon.area):
            _fill(ax, zone.polygon, 1, facecolor=LEVEL_COLOURS.get(zone.level, UNKNOWN_COLOUR),
                  alpha=FILL_ALPHA, edgecolor="#555555", lw=0.6)
    walls = [ln.geom for ln in plan.lines if ln.kind == "wall"]
    others = [ln.geom for ln in plan.lines if ln.kind != "wall"]
    _lines(ax, walls, 2, colors=LINE_COLOUR, linewidths=0.9, alpha=0.8)
    _lines(ax, others, 2, colors=LINE_COLOUR, linewidths=0.5, alpha=0.7, linestyles="dashed")
    _lines(ax, [d.outline for d in plan.doors if d.outline is not None], 2,
           colors=LINE_COLOUR, linewidths=0.5, alpha=0.8)
    _draw_doors(ax, report)
    if graph and site is not None:
        _draw_graph(ax, site, words["outside_node"])


def _draw_doors(ax: Any, report: Report) -> None:
    site = report.site
    if site is None:
        _lines(ax, [d.chord for d in report.plan.doors], 3, colors=DOOR_COLOUR, linewidths=2.0)
        return
    links = site.links
    _lines(ax, [ln.chord for ln in links if ln.door is not None and not ln.entrance], 3,
           colors=DOOR_COLOUR, linewidths=2.2)
    _lines(ax, [ln.chord for ln in links if ln.door is None and not ln.entrance], 3,
           colors=DOOR_COLOUR, linewidths=1.6, linestyles=(0, (2, 1.5)))
    _lines(ax, [ln.chord for ln in links if ln.entrance], 3.5,
           colors=ENTRANCE_COLOUR, linewidths=4.5)
    _lines(ax, [door.chord for door, _ in site.stray_doors], 3,
           colors="#777777", linewidths=1.6, linestyles="dotted")


def _anchor(geom: BaseGeometry) -> tuple[float, float]:
    """Where a region's name and graph node go: its representative point."""
    from shapely.ops import polylabel

    polys = _polygons(geom)
    if not polys:
        p = geom.representative_point()
        return (p.x, p.y)
    biggest = max(polys, key=lambda p: p.area)
    try:
        p = polylabel(biggest, tolerance=max(biggest.length / 400, 1e-3))
    except Exception:  # noqa: BLE001 - degenerate polygon
        p = biggest.representative_point()
    return (float(p.x), float(p.y))


def _outer_point(aa: BaseGeometry, chord: Any, offset: float) -> tuple[float, float]:
    """A point ``offset`` beyond an entrance, on the side of its chord away from the AA."""
    (x0, y0), (x1, y1) = chord.coords[0], chord.coords[-1]
    mid = chord.interpolate(0.5, normalized=True)
    length = max(chord.length, 1e-9)
    nx_, ny_ = -(y1 - y0) / length, (x1 - x0) / length
    probe = max(min(offset, length) * 0.25, 1e-3)
    if aa.contains(Point(mid.x + nx_ * probe, mid.y + ny_ * probe)):
        nx_, ny_ = -nx_, -ny_
    return (mid.x + nx_ * offset, mid.y + ny_ * offset)


def outside_nodes(site: Any) -> tuple[list[tuple[float, float]], dict[str, int]]:
    """Where OUTSIDE is drawn: one node just outside the AA per group of nearby entrances.

    Returns the node positions and, for each entrance link id, the index of its node.
    """
    aa = site.aa
    size = _size(aa)
    offset = 0.05 * size
    groups: list[list[tuple[float, float]]] = []
    member: dict[str, int] = {}
    for link in site.entrances:
        x, y = _outer_point(aa, link.chord, offset)
        for i, pts in enumerate(groups):
            cx, cy = pts[0]
            if (cx - x) ** 2 + (cy - y) ** 2 <= (0.25 * size) ** 2:
                pts.append((x, y))
                member[link.id] = i
                break
        else:
            member[link.id] = len(groups)
            groups.append([(x, y)])
    nodes = []
    for pts in groups:
        x, y = sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts)
        nodes.append(_push_out(aa, (x, y), offset))
    if not nodes:
        nodes.append(_push_out(aa, (aa.bounds[0], aa.bounds[1]), offset))
    return nodes, member


def _push_out(aa: BaseGeometry, xy: tuple[float, float], offset: float) -> tuple[float, float]:
    """A point moved out of the AA (when the mean of outer points fell inside a concave AA)."""
    from shapely.ops import nearest_points

    target = Point(xy)
    if target.distance(aa) >= offset * 0.5:
        return (float(target.x), float(target.y))
    edge = nearest_points(aa.boundary, target)[0]
    dx, dy = target.x - edge.x, target.y - edge.y
    if aa.contains(target) or (dx * dx + dy * dy) < 1e-18:
        dx, dy = edge.x - aa.centroid.x, edge.y - aa.centroid.y
    norm = (dx * dx + dy * dy) ** 0.5 or 1.0
    return (float(edge.x + dx / norm * offset), float(edge.y + dy / norm * offset))


def node_points(site: Any) -> dict[str, tuple[float, float]]:
    """Positions of the region nodes of the access graph, in metres."""
    return {r.id: _anchor(r.polygon) for r in site.regions}


def _draw_graph(ax: Any, site: Any, outside_label: str) -> None:
    from matplotlib.collections import LineCollection

    pos = node_points(site)
    outside, member = outside_nodes(site)
    edges = []
    for link in site.links:
        ends = [pos.get(n) if n != OUTSIDE else outside[member.get(link.id, 0)]
                for n in (link.a, link.b)]
        if None in ends:
            continue
        mid = link.chord.interpolate(0.5, normalized=True)
        edges.append([ends[0], (mid.x, mid.y), ends[1]])
    ax.add_collection(LineCollection(edges, colors=GRAPH_COLOUR, linewidths=1.4, alpha=0.85,
                                     zorder=4))
    xs, ys = zip(*(list(pos.values()) + outside))
    ax.scatter(xs, ys, s=40, color=GRAPH_COLOUR, edgecolors="white", linewidths=1, zorder=4.5)
    for ox, oy in outside:
        ax.annotate(outside_label, (ox, oy), xytext=(0, -7), textcoords="offset points",
                    ha="center", va="top", fontsize=8, color=GRAPH_COLOUR, zorder=5,
                    bbox=dict(boxstyle="round,pad=0.15", fc="white", ec="none", alpha=0.8))


# -- labels and markers ----------------------------------------------------------------------

#: label offsets (points) tried around a region's anchor, nearest first
LABEL_OFFSETS = ((0, 0), (0, 14), (0, -14), (0, 26), (0, -26), (-30, 0), (30, 0))


def _place_region_labels(ax: Any, fig: Any, report: Report, graph: bool,
                         obstacles: list[Any]) -> None:
    """Region names at their representative points, moved, shrunk or left out to avoid overlaps.

    A label is first tried inside its region clear of finding markers and other labels, then
    anywhere clear of them; a label that fits nowhere is left out (the list and JSON name it).
    """
    from shapely.geometry import box as shp_box

    site = report.site
    items = ([(r.polygon, r.name or r.id) for r in site.regions] if site is not None else
             [(z.polygon, z.name or z.id) for z in report.plan.zones])
    renderer = fig.canvas.get_renderer()
    to_data = ax.transData.inverted()
    placed = list(obstacles)
    for geom, text in sorted(items, key=lambda item: -item[0].area):
        x, y = _anchor(geom)
        label = ax.annotate(text, (x, y), xytext=(0, 0), textcoords="offset points", ha="center",
                            va="center", zorder=5, bbox=dict(boxstyle="round,pad=0.2",
                                                            fc="white", ec="none", alpha=0.75))
        base = (0, 10) if graph else (0, 0)
        chosen = None
        for inside in (True, False):
            for size in (10, 8.5, 7):
                for dx, dy in LABEL_OFFSETS:
                    label.set_fontsize(size)
                    label.xyann = (base[0] + dx, base[1] + dy)
                    ext = label.get_window_extent(renderer)
                    if any(ext.overlaps(other) for other in placed):
                        continue
                    if inside:
                        (x0, y0), (x1, y1) = to_data.transform([[ext.x0, ext.y0], [ext.x1, ext.y1]])
                        if not geom.contains(shp_box(x0, y0, x1, y1)):
                            continue
                    chosen = ext
                    break
                if chosen is not None:
                    break
            if chosen is not None:
                break
        if chosen is None:
            label.remove()
        else:
            placed.append(chosen.expanded(1.04, 1.08))


def cluster_offsets(count: int, step: float = 15.0) -> list[tuple[float, float]]:
    """Offsets (points) for ``count`` markers at one spot: centre, then rings of 6, 12, …"""
    import math

    out: list[tuple[float, float]] = [(0.0, 0.0)]
    ring = 1
    while len(out) < count:
        n = 6 * ring
        out += [(ring * step * math.cos(2 * math.pi * k / n + ring * 0.3),
                 ring * step * math.sin(2 * math.pi * k / n + ring * 0.3)) for k in range(n)]
        ring += 1
    return out[:count]


def _draw_markers(ax: Any, fig: Any, report: Report, doc: dict[str, Any]) -> list[Any]:
    """A numbered circle at each finding's position, coloured by severity; returns their extents.

    Markers closer than a marker's size are gathered and laid out around their spot.
    """
    numbered = [(i + 1, f) for i, f in enumerate(doc["findings"]) if f.get("at")]
    if not numbered:
        return []
    scale = report.plan.scale
    to_px = ax.transData.transform
    px = to_px([(f["at"][0] * scale, f["at"][1] * scale) for _, f in numbered])
    near = 14.0 * fig.dpi / 72  # pixels: markers closer than this share a cluster
    clusters: list[list[int]] = []
    for i, (x, y) in enumerate(px):
        for members in clusters:
            cx, cy = px[members[0]]
            if abs(cx - x) < near and abs(cy - y) < near:
                members.append(i)
                break
        else:
            clusters.append([i])
    renderer = fig.canvas.get_renderer()
    extents = []
    for members in clusters:
        cx, cy = ax.transData.inverted().transform(px[members[0]])
        for i, (dx, dy) in zip(members, cluster_offsets(len(members))):
            number, finding = numbered[i]
            colour = SEVERITY_COLOURS.get(finding["severity"], "#444444")
            size = 8 if number < 100 else 7
            marker = ax.annotate(str(number), (cx, cy), xytext=(dx, dy), textcoords="offset points",
                                 ha="center", va="center", fontsize=size, color="white",
                                 zorder=7, bbox=dict(boxstyle="circle,pad=0.3", fc=colour,
                                                     ec="black", lw=0.8))
            extents.append(marker.get_window_extent(renderer).expanded(1.6, 1.6))
    return extents


# -- side panel --------------------------------------------------------------------------------

def _legend_handles(words: dict[str, Any], has_site: bool, graph: bool) -> list[Any]:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    handles: list[Any] = [Patch(facecolor=LEVEL_COLOURS[lv], alpha=FILL_ALPHA, edgecolor="#555555",
                                label=f"{words['levels'][lv]}") for lv in range(4)]
    handles.append(Patch(facecolor=OUTSIDE_COLOUR, edgecolor="#555555", label=words["outside"]))
    handles.append(Line2D([], [], color=DOOR_COLOUR, lw=2.2, label=words["door"]))
    if has_site:
        handles.append(Line2D([], [], color=ENTRANCE_COLOUR, lw=4.5, label=words["entrance"]))
        handles.append(Line2D([], [], color=DOOR_COLOUR, lw=1.6, ls=(0, (2, 1.5)),
                              label=words["opening"]))
    if graph and has_site:
        handles.append(Line2D([], [], color=GRAPH_COLOUR, lw=1.4, marker="o", label=words["graph"]))
    for sev in ("error", "warning", "info"):
        handles.append(Line2D([], [], ls="none", marker="o", markersize=10, markeredgecolor="black",
                              markerfacecolor=SEVERITY_COLOURS[sev], label=words[sev]))
    return handles


def _list_font(count: int) -> float:
    return 9.0 if count <= 12 else 8.0


def _entry_lines(finding: dict[str, Any], words: dict[str, Any], width: int) -> list[str]:
    head = f"{finding['rule']} {words.get(finding['severity'], finding['severity'])}"
    where = "" if finding.get("at") else f" ({words['nowhere']})"
    return wrap(f"{head}: {finding['message']}{where}", width)


def _wrap_width(fontsize: float) -> int:
    """Columns (a CJK character is two) that fit on a line of the findings panel."""
    panel_inches = FIG_WIDTH * (0.98 - PLAN_FRACTION) * 0.9
    return int(panel_inches * 72 / (fontsize * 0.5)) - 2


def _list_height(doc: dict[str, Any], words: dict[str, Any]) -> float:
    """Figure height (inches) the legend and the findings list need."""
    findings = doc["findings"][:MAX_LISTED]
    size = _list_font(len(findings))
    line = size * 1.45 / 72
    lines = sum(len(_entry_lines(f, words, _wrap_width(size))) + 0.5 for f in findings)
    return TITLE_INCHES + LEGEND_INCHES + 0.6 + lines * line


def _draw_side(side: Any, fig: Any, doc: dict[str, Any], words: dict[str, Any],
               has_site: bool, graph: bool) -> None:
    """Legend on top, then the numbered findings, wrapped to the panel's width."""
    side.set_axis_off()
    legend = side.legend(handles=_legend_handles(words, has_site, graph), loc="upper left",
                         ncol=2, fontsize=9.5, frameon=True, borderaxespad=0.2,
                         handlelength=2.2, columnspacing=1.2)
    renderer = fig.canvas.get_renderer()
    panel = side.get_window_extent(renderer)
    top = side.transAxes.inverted().transform(legend.get_window_extent(renderer))[0][1]
    top -= 0.25 * fig.dpi / panel.height
    if not has_site:
        side.text(0, top, words["no_geometry"], fontsize=9, color="#b35806", va="top",
                  transform=side.transAxes)
        top -= 0.3 * fig.dpi / panel.height
    side.text(0, top, words["findings"], fontsize=12, va="top", transform=side.transAxes)
    top -= 0.3 * fig.dpi / panel.height
    findings = doc["findings"]
    if not findings:
        side.text(0, top, words["none"], fontsize=10, va="top", transform=side.transAxes)
        return
    size = _list_font(len(findings[:MAX_LISTED]))
    line_h = size * 1.45 / 72 * fig.dpi / panel.height  # axes fraction per text line
    for number, finding in enumerate(findings, start=1):
        lines = _entry_lines(finding, words, _wrap_width(size))
        if number > MAX_LISTED or top - line_h * (len(lines) + 1.5) < 0:
            side.text(0.05, top, words["more"].format(n=len(findings) - number + 1),
                      fontsize=size, va="top", transform=side.transAxes, style="italic")
            return
        colour = SEVERITY_COLOURS.get(finding["severity"], "#444444")
        side.text(0.018, top - line_h / 2, str(number), transform=side.transAxes, ha="center",
                  va="center", fontsize=size - 1.5, color="white",
                  bbox=dict(boxstyle="circle,pad=0.25", fc=colour, ec="black", lw=0.7))
        side.text(0.05, top, "\n".join(lines), transform=side.transAxes, va="top",
                  fontsize=size, linespacing=1.25)
        top -= line_h * (len(lines) + 0.5)


def _columns(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def wrap(text: str, width: int, slack: int = 14) -> list[str]:
    """Wrap text to ``width`` columns, counting CJK characters as two.

    Breaks at the last space when it is within ``slack`` columns of the edge (English),
    else between any two characters (Japanese has no spaces).
    """
    width = max(width, 10)
    lines: list[str] = []
    line = ""
    for ch in text:
        if line and sum(map(_columns, line)) + _columns(ch) > width:
            cut = line.rfind(" ")
            if ch != " " and cut > 0 and sum(map(_columns, line[cut + 1:])) <= slack:
                lines.append(line[:cut])
                line = line[cut + 1:]
            else:
                lines.append(line.rstrip())
                line = ""
            if ch == " " and not line:
                continue
        line += ch
    if line:
        lines.append(line)
    return lines
