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

from ..findings import Report
from .document import report_document
from .fonts import cjk_font
from .image_graph import draw_graph, graph_edges, node_points, outside_nodes, polygons, size_of
from .image_items import draw_equipment, draw_gaps, draw_line_work, draw_lines
from .image_labels import Placed, place_region_labels, place_tags
from .image_panel import draw_side, list_height
from .image_style import (DOOR_COLOUR, DPI, EMPTY_BOUNDS, ENTRANCE_COLOUR, FIG_WIDTH, FILL_ALPHA,
                          LEVEL_COLOURS, LINE_COLOUR, MAX_HEIGHT, MIN_HEIGHT, OUTSIDE_COLOUR,
                          PLAN_FRACTION, SEVERITY_COLOURS, SEVERITY_TEXT, SUFFIXES,
                          TITLE_INCHES, UNKNOWN_COLOUR, WORDS, plan_axes)
from .text import summary_line


def render_image(report: Report, path: str | Path, lang: str = "ja", graph: bool = False,
                 dpi: int = DPI) -> Path:
    """Draw the annotated plan of ``report`` to ``path``; return the path written."""
    path = Path(path)
    fmt = SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        raise ValueError(f"{path}: the image suffix must be .png, .svg or .pdf")
    import matplotlib

    with matplotlib.rc_context(_rc(cjk_font().family)), _quiet_font_log():
        fig = plan_figure(report, lang, graph, dpi)
        path.parent.mkdir(parents=True, exist_ok=True)
        fig.savefig(path, format=fmt, dpi=dpi, facecolor="white")
    return path


def plan_figure(report: Report, lang: str = "ja", graph: bool = False, dpi: int = DPI) -> Any:
    """The annotated plan as a matplotlib Figure (on an Agg canvas), not yet saved.

    Axes: the plan first, then the side panel (legend and findings).
    """
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    words = WORDS.get(lang, WORDS["en"])
    doc = report_document(report, lang)
    with matplotlib.rc_context(_rc(cjk_font().family)), _quiet_font_log():
        bounds = _bounds(report, graph)
        present = _present(report)
        height = max(_height(bounds), list_height(doc, words, present, graph))
        fig = Figure(figsize=(FIG_WIDTH, min(height, MAX_HEIGHT)), dpi=dpi, facecolor="white")
        FigureCanvasAgg(fig)
        top = 1 - TITLE_INCHES / fig.get_figheight()
        ax = fig.add_axes((0.01, 0.02, PLAN_FRACTION - 0.02, top - 0.02))
        side = fig.add_axes((PLAN_FRACTION + 0.01, 0.02, 0.98 - PLAN_FRACTION, top - 0.02))
        _draw_plan(ax, report, words, graph)
        _frame(ax, bounds, report, graph, words)
        ax.apply_aspect()
        patches, tags = draw_equipment(ax, report.plan, words)
        placed = Placed(_draw_markers(ax, fig, report, doc))
        renderer = fig.canvas.get_renderer()
        for patch in patches:
            placed.add(patch.get_window_extent(renderer))
        if graph and report.site is not None:
            _add_nodes(ax, report.site, placed)
        lines = [ln.geom for ln in report.plan.lines]
        if graph and report.site is not None:
            lines += graph_edges(report.site)  # labels keep clear of the graph's edges too
        place_region_labels(ax, fig, _region_items(report), graph, placed, lines)
        place_tags(ax, fig, tags, placed, lines)
        draw_side(side, fig, doc, words, present, graph)
        fig.text(0.01, 1 - 0.45 / fig.get_figheight(),
                 f"{doc['drawing']['name']}   {summary_line(doc['summary'], lang)}",
                 ha="left", va="center", fontsize=14)
    return fig


def _rc(family: str) -> dict[str, Any]:
    """Fonts (CJK first) and how they go into files: SVG glyphs as paths (a viewer without a
    Japanese font would show boxes for ``<text>``), PDF with the TrueType font embedded and
    subset (type 42, so its text stays text)."""
    return {"font.family": [family, "DejaVu Sans"], "svg.fonttype": "path",
            "pdf.fonttype": 42, "ps.fonttype": 42, "axes.unicode_minus": False,
            "hatch.linewidth": 0.6}


def _present(report: Report) -> set[str]:
    """What the plan shows beyond regions and doors, for the legend: line kinds, equipment, gaps."""
    plan, site = report.plan, report.site
    present = {line.kind for line in plan.lines}
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
    draw_line_work(ax, plan)
    _lines(ax, [d.outline for d in plan.doors if d.outline is not None], 2.3,
           colors=LINE_COLOUR, linewidths=0.6)
    _draw_doors(ax, report)
    if site is not None:
        draw_gaps(ax, site)
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


# -- markers ------------------------------------------------------------------------------

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
    clusters = cluster_points(px, near)
    renderer = fig.canvas.get_renderer()
    off_gap = _gap_finder(ax, report, near)
    frame = ax.get_window_extent(renderer)
    extents = []
    for members in clusters:
        cx, cy = ax.transData.inverted().transform(px[members[0]])
        base = off_gap(px[members[0]], frame)
        leader = dict(arrowstyle="-", color="black", lw=0.8, shrinkA=0, shrinkB=0)
        for i, (dx, dy) in zip(members, cluster_offsets(len(members))):
            dx, dy = dx + base[0], dy + base[1]
            number, finding = numbered[i]
            colour = SEVERITY_COLOURS.get(finding["severity"], "#444444")
            size = 8 if number < 100 else 7
            marker = ax.annotate(str(number), (cx, cy), xytext=(dx, dy), textcoords="offset points",
                                 ha="center", va="center", fontsize=size,
                                 color=SEVERITY_TEXT.get(finding["severity"], "white"),
                                 zorder=7, bbox=dict(boxstyle="circle,pad=0.3", fc=colour,
                                                     ec="black", lw=0.8),
                                 arrowprops=leader if base != (0.0, 0.0) else None)
            extents.append(marker.get_window_extent(renderer).expanded(1.6, 1.6))
    return extents


def cluster_points(px: Any, near: float) -> list[list[int]]:
    """Group points (pixels) closer than ``near`` to a group's first point, in order.

    A grid hash of cell ``near``: each point looks at the groups filed in its own and the 8
    cells around it, so grouping n points is O(n) (it was a scan of all groups per point).
    """
    import math

    grid: dict[tuple[int, int], list[int]] = {}
    clusters: list[list[int]] = []
    for i, (x, y) in enumerate(px):
        key = (int(math.floor(x / near)), int(math.floor(y / near)))
        found = None
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                for g in grid.get((key[0] + dx, key[1] + dy), ()):
                    cx, cy = px[clusters[g][0]]
                    if abs(cx - x) < near and abs(cy - y) < near:
                        found = g if found is None else min(found, g)
        if found is None:
            grid.setdefault(key, []).append(len(clusters))
            clusters.append([i])
        else:
            clusters[found].append(i)
    return clusters


def _gap_finder(ax: Any, report: Report, near: float) -> Any:
    """A function (point in pixels, plan frame) -> offset (points) moving a marker off a gap
    it would hide: across the gap, toward the middle of the plan; (0, 0) when no gap is under
    the marker. The gaps' segments sit in an STRtree (pixels), so each marker asks only the
    segments near it."""
    import numpy as np
    import shapely

    site = report.site
    segs = []
    if site is not None:
        for gap in (*site.zone_gaps, *site.aa_gaps):
            for part in getattr(gap.geom, "geoms", [gap.geom]):
                pts = np.asarray(ax.transData.transform(np.asarray(part.coords)[:, :2]))
                segs += [(a, b) for a, b in zip(pts[:-1], pts[1:]) if np.hypot(*(b - a)) >= 1e-9]
    tree = shapely.STRtree(shapely.linestrings([[a, b] for a, b in segs])) if segs else None

    def off_gap(at: Any, frame: Any) -> tuple[float, float]:
        if tree is None:
            return (0.0, 0.0)
        p = np.asarray(at, dtype=float)
        best, normal = near, None
        for k in sorted(tree.query(shapely.points(p).buffer(near))):
            a, b = segs[int(k)]
            d = b - a
            length = float(np.hypot(*d))
            t = float(np.clip(np.dot(p - a, d) / length ** 2, 0.0, 1.0))
            dist = float(np.hypot(*(p - (a + t * d))))
            if dist < best:
                best, normal = dist, np.array([-d[1], d[0]]) / length
        if normal is None:
            return (0.0, 0.0)
        centre = np.array([(frame.x0 + frame.x1) / 2, (frame.y0 + frame.y1) / 2])
        if np.dot(centre - p, normal) < 0:
            normal = -normal
        return (float(normal[0] * 16.0), float(normal[1] * 16.0))

    return off_gap
