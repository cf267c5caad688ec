"""The diff image (``osmark diff --image PATH``): both plans overlaid, changes numbered.

The application drawing (aligned onto the as-is drawing) gives the level fills. Line work,
doors, devices and cabinets found only in the as-is drawing are drawn in one colour, those
only in the application drawing in another; regions whose level changed are hatched and
labelled "old → new"; the outline of a moved boundary is drawn in both colours. Each change
has a numbered marker on the plan and its sentence in the list beside it. matplotlib is
imported inside the functions; the CJK font comes from :mod:`osmark_plan.report.fonts`.
"""

from __future__ import annotations

import logging
import warnings
from pathlib import Path
from typing import Any

import numpy as np
import shapely

from ..output import atomic_path
from ..report.fallback_fonts import name_fallbacks
from ..report.fonts import cjk_font
from ..report.image.glyphs import glyph_font
from ..report.image.items import draw_lines
from ..report.image.panel import wrap
from ..report.image.shapes import fill_shapes
from ..report.image.style import DPI, LEVEL_COLOURS, OUTSIDE_COLOUR, SUFFIXES, WALL_COLOUR, plan_axes
from ..report.image.png import write_png
from .document import diff_document
from .model import PlanDiff
from .text import alignment_line
from .words import LEVELS, TITLES

#: colour-blind safe pair (Okabe–Ito): vermillion for the as-is only, blue for the application only
ONLY_A = "#d55e00"
ONLY_B = "#0072b2"
SERIOUS = "#c00000"
MARKER = "#333333"
FIG_WIDTH, PLAN_FRACTION = 16.0, 0.64
MIN_HEIGHT, MAX_HEIGHT = 7.5, 16.0
LIST_FONT = 9.0


def render_diff_image(diff: PlanDiff, path: str | Path, lang: str = "ja", dpi: int = DPI) -> Path:
    """Draw the overlaid plans with numbered changes to ``path`` (.png, .svg or .pdf)."""
    path = Path(path)
    fmt = SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        raise ValueError(f"{path}: the image suffix must be .png, .svg or .pdf")
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    doc = diff_document(diff, lang)
    font = cjk_font()
    rc = {"font.family": [font.family, "DejaVu Sans"], "svg.fonttype": "path", "pdf.fonttype": 42,
          "axes.unicode_minus": False, "hatch.linewidth": 0.8}
    logger = logging.getLogger("matplotlib.font_manager")
    old_level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        with matplotlib.rc_context(rc):
            bounds = _bounds(diff)
            w, h = bounds[2] - bounds[0], bounds[3] - bounds[1]
            plan_h = FIG_WIDTH * (PLAN_FRACTION - 0.02) * h / max(w, 1e-9) + 1.2
            list_h = 3.6 + 0.19 * sum(len(_entry(c)) for c in doc["changes"])
            height = min(max(plan_h, list_h, MIN_HEIGHT), MAX_HEIGHT)
            fig = Figure(figsize=(FIG_WIDTH, height), dpi=dpi, facecolor="white")
            FigureCanvasAgg(fig)
            top = 1 - 0.9 / height
            ax = fig.add_axes((0.01, 0.02, PLAN_FRACTION - 0.02, top - 0.02))
            side = fig.add_axes((PLAN_FRACTION + 0.01, 0.02, 0.98 - PLAN_FRACTION, top - 0.02))
            _frame(ax, bounds)
            _draw_plans(ax, diff, lang)
            _draw_markers(ax, doc)
            _draw_side(side, fig, doc, lang)
            t = TITLES[lang]
            fig.text(0.01, 1 - 0.35 / height, f"{t['title']}: {doc['asis']['name']} → "
                     f"{doc['application']['name']}", ha="left", va="center", fontsize=14)
            fig.text(0.01, 1 - 0.68 / height, alignment_line(doc, lang), ha="left", va="center",
                     fontsize=9.5, color="#444444")
            name_fallbacks(fig, glyph_font().has)  # characters the image font lacks
            path.parent.mkdir(parents=True, exist_ok=True)
            with atomic_path(path) as tmp, warnings.catch_warnings():  # complete or untouched
                warnings.filterwarnings("ignore", message=r"Glyph \d+ .*missing from")  # a box
                if fmt == "png":  # the same pixels, compressed in two threads (report/image/png.py)
                    write_png(fig, tmp, {"Software": "osmark-plan"})
                else:
                    fig.savefig(tmp, format=fmt, dpi=dpi, facecolor="white")
    finally:
        logger.setLevel(old_level)
    return path


# -- frame -----------------------------------------------------------------------------------

def _bounds(diff: PlanDiff) -> tuple[float, float, float, float]:
    geoms = []
    for site in (diff.site_a, diff.site_b):
        geoms += [ln.geom for ln in site.plan.lines] + [r.polygon for r in site.regions]
        geoms += [d.chord for d in site.plan.doors]
        if not site.aa.is_empty:
            geoms.append(site.aa)
    geoms = [g for g in geoms if g is not None and not g.is_empty]
    if not geoms:
        return (0.0, 0.0, 2.0, 1.0)
    b = shapely.bounds(np.array(geoms, dtype=object))
    x0, y0, x1, y1 = b[:, 0].min(), b[:, 1].min(), b[:, 2].max(), b[:, 3].max()
    pad = 0.05 * max(x1 - x0, y1 - y0, 1.0)
    return (float(x0 - pad), float(y0 - pad), float(x1 + pad), float(y1 + pad))


def _frame(ax: Any, bounds: tuple[float, float, float, float]) -> None:
    plan_axes(ax, bounds)
    ax.set_facecolor(OUTSIDE_COLOUR)
    width = bounds[2] - bounds[0]
    length = next((n for n in (100, 50, 20, 10, 5, 2, 1, 0.5) if n <= width / 5), 0.2)
    x, y = bounds[0] + 0.02 * width, bounds[1] + 0.02 * (bounds[3] - bounds[1])
    ax.plot([x, x + length], [y, y], color="black", lw=3, solid_capstyle="butt", zorder=9)
    ax.annotate(f"{length:g} m", (x + length / 2, y), xytext=(0, 4), textcoords="offset points",
                ha="center", va="bottom", fontsize=8, zorder=9)


# -- plans -----------------------------------------------------------------------------------

def _fill(ax: Any, geom: Any, zorder: float, **style: Any) -> None:
    from matplotlib.patches import PathPatch
    from matplotlib.path import Path as MplPath

    for poly in getattr(geom, "geoms", [geom]):
        if poly.is_empty or poly.geom_type != "Polygon":
            continue
        verts, codes = [], []
        for ring in (poly.exterior, *poly.interiors):
            coords = list(ring.coords)
            verts += coords
            codes += [MplPath.MOVETO] + [MplPath.LINETO] * (len(coords) - 2) + [MplPath.CLOSEPOLY]
        ax.add_patch(PathPatch(MplPath(verts, codes), zorder=zorder, **style))


def _only(lines_x: list[Any], lines_y: list[Any], tol: float) -> list[Any]:
    """The parts of ``lines_x`` farther than ``tol`` from every line of ``lines_y``.

    Each line is cut by only the buffers that touch it (an STRtree query), one after another,
    not by one union of all of them: on a big floor that union is a huge polygon, and every
    cut against it cost as much as the whole floor."""
    if not lines_x:
        return []
    if not lines_y:
        return lines_x
    xs = np.array(lines_x, dtype=object)
    buffers = shapely.buffer(np.array(lines_y, dtype=object), tol)
    line_i, buf_i = shapely.STRtree(buffers).query(xs, predicate="intersects")
    rest = xs.copy()
    if len(line_i):
        order = np.argsort(line_i, kind="stable")
        line_i, buf_i = line_i[order], buf_i[order]
        lines, first, counts = np.unique(line_i, return_index=True, return_counts=True)
        # x - (b1 | b2 | ...) = ((x - b1) - b2) - ...: round r cuts every line by its r-th buffer
        for r in range(int(counts.max())):
            more = counts > r
            rest[lines[more]] = shapely.difference(rest[lines[more]], buffers[buf_i[first[more] + r]])
    return [g for g in rest if not g.is_empty and g.length > tol]


def _draw_plans(ax: Any, diff: PlanDiff, lang: str) -> None:
    a, b = diff.site_a, diff.site_b
    tol = max(diff.tolerance, 0.05)
    changed = {c.id_b: c for c in diff.changes if c.kind == "region" and c.change == "level"}
    # the application drawing's regions give the fills
    if not b.aa.is_empty:
        _fill(ax, b.aa, 0.5, facecolor="white", edgecolor="none")
    regions = sorted(b.regions, key=lambda r: -r.area)  # one collection, the biggest first
    fill_shapes(ax, [r.polygon for r in regions], 1, alpha=0.55, edgecolors="none",
                facecolors=[LEVEL_COLOURS.get(r.level, "#c8c8c8") for r in regions])
    # line work: common in dark grey, each drawing's own in its colour
    lines_a = [ln.geom for ln in a.plan.lines]
    lines_b = [ln.geom for ln in b.plan.lines]
    draw_lines(ax, lines_b, 2, colors=WALL_COLOUR, linewidths=0.9)
    draw_lines(ax, _only(lines_a, lines_b, tol), 2.5, colors=ONLY_A, linewidths=2.6)
    draw_lines(ax, _only(lines_b, lines_a, tol), 2.6, colors=ONLY_B, linewidths=2.6)
    # regions: only in A dashed in A's colour, only in B in B's, moved outlines in both
    by_a = {r.id: r for r in a.regions}
    by_b = {r.id: r for r in b.regions}
    for c in diff.changes:
        if c.kind != "region":
            continue
        ra, rb = by_a.get(c.id_a or ""), by_b.get(c.id_b or "")
        if c.change == "removed" and ra is not None:
            _fill(ax, ra.polygon, 3, facecolor="none", edgecolor=ONLY_A, lw=2.0, ls=(0, (5, 3)),
                  hatch="\\\\")
            p = ra.polygon.representative_point()
            ax.text(p.x, p.y, ra.label, ha="center", va="center", fontsize=8.5, color=ONLY_A,
                    zorder=4, bbox=dict(boxstyle="round,pad=0.15", fc="white", ec="none", alpha=0.8))
        elif c.change == "added" and rb is not None:
            _fill(ax, rb.polygon, 3, facecolor="none", edgecolor=ONLY_B, lw=2.0, hatch="//")
        elif c.change == "boundary" and ra is not None and rb is not None:
            # only the stretches of outline that moved, in each drawing's colour
            out_a, out_b = [ra.polygon.boundary], [rb.polygon.boundary]
            draw_lines(ax, _only(out_a, out_b, tol), 3.1, colors=ONLY_A, linewidths=2.0,
                       linestyles=(0, (5, 3)))
            draw_lines(ax, _only(out_b, out_a, tol), 3.2, colors=ONLY_B, linewidths=2.0)
    words = LEVELS[lang]
    for id_b, c in changed.items():
        rb = by_b.get(id_b or "")
        if rb is None:
            continue
        _fill(ax, rb.polygon, 3, facecolor="none", edgecolor=SERIOUS, lw=2.0, hatch="xx")
        p = rb.polygon.representative_point()
        ax.annotate(f"{rb.label}\n{words[c.old]} → {words[c.new]}", (p.x, p.y), xytext=(0, -18),
                    textcoords="offset points", ha="center", va="top", fontsize=9, zorder=8,
                    color=SERIOUS, bbox=dict(boxstyle="round,pad=0.25", fc="white", ec=SERIOUS, lw=1.0))
    # room names of the application drawing (A's name where the room was renamed)
    for region in b.regions:
        if region.id in changed:
            continue
        p = region.polygon.representative_point()
        ax.text(p.x, p.y, region.label, ha="center", va="center", fontsize=8.5, color="#222222",
                zorder=4, bbox=dict(boxstyle="round,pad=0.15", fc="white", ec="none", alpha=0.7))
    _draw_items(ax, diff)


def _draw_items(ax: Any, diff: PlanDiff) -> None:
    """Doors, devices and cabinets: common ones plain, removed/old in A's colour, added/new in B's."""
    a, b = diff.site_a, diff.site_b
    matched_b = set(diff.matched)
    matched_a = set(diff.matched.values())
    chords_a = {d.id: d.chord for d in a.plan.doors} | {ln.id: ln.chord for ln in a.links}
    chords_b = {d.id: d.chord for d in b.plan.doors} | {ln.id: ln.chord for ln in b.links}
    draw_lines(ax, [g for k, g in chords_b.items() if k in matched_b], 5, colors="#303030", linewidths=2.2)
    draw_lines(ax, [g for k, g in chords_a.items() if k not in matched_a], 5.5, colors=ONLY_A, linewidths=4.5)
    draw_lines(ax, [g for k, g in chords_b.items() if k not in matched_b], 5.5, colors=ONLY_B, linewidths=4.5)
    moved = [c for c in diff.changes if c.change == "moved"]
    for c in moved:
        if c.kind == "door":
            if c.id_a in chords_a:
                draw_lines(ax, [chords_a[c.id_a]], 5.6, colors=ONLY_A, linewidths=4.5)
            if c.id_b in chords_b:
                draw_lines(ax, [chords_b[c.id_b]], 5.6, colors=ONLY_B, linewidths=4.5)
        to = c.detail.get("to")
        if c.at is not None and to is not None:
            ax.annotate("", xy=tuple(to), xytext=c.at, zorder=5.7,
                        arrowprops=dict(arrowstyle="->", color="#555555", lw=1.2, shrinkA=2, shrinkB=2))
    moved_ids = {(c.kind, c.id_a) for c in moved} | {(c.kind, c.id_b) for c in moved}
    for kind, attr in (("device", "devices"), ("cabinet", "cabinets")):
        common: list[Any] = []  # one collection per look, in the order the shapes were drawn one by one
        for site, side, colour in ((a, "a", ONLY_A), (b, "b", ONLY_B)):
            own = []
            for obj in getattr(site.plan, attr):
                if obj.id in (matched_a if side == "a" else matched_b) and (kind, obj.id) not in moved_ids:
                    if side == "b":  # drawn once, from the application drawing
                        common.append(obj)
                else:
                    own.append(obj)
            fill_shapes(ax, [o.polygon for o in own], 5.5, facecolors=colour, alpha=0.9,
                        edgecolors="#222222", linewidths=0.8)
        fill_shapes(ax, [o.polygon for o in common], 5, edgecolors="#222222", linewidths=0.8,
                    facecolors=["#bbbbbb" if kind == "device" else
                                LEVEL_COLOURS.get(getattr(o, "level", None) or 0, "#c8c8c8") for o in common],
                    hatch="////" if kind == "cabinet" else None)


# -- numbered markers and the list ---------------------------------------------------------

def _draw_markers(ax: Any, doc: dict[str, Any]) -> None:
    spots: dict[tuple[float, float], int] = {}
    for c in doc["changes"]:
        if c["at_m"] is None:
            continue
        x, y = c["at_m"]
        key = (round(x, 1), round(y, 1))
        k = spots.get(key, 0)
        spots[key] = k + 1
        colour = SERIOUS if c["serious"] else MARKER
        # region markers sit above the room's name; others beside the element
        offset = (17 * k, 17) if c["kind"] == "region" else (10 + 17 * k, 10)
        ax.annotate(str(c["number"]), (x, y), xytext=offset, textcoords="offset points",
                    ha="center", va="center", fontsize=8.5, color="white", fontweight="bold", zorder=10,
                    bbox=dict(boxstyle="circle,pad=0.25", fc=colour, ec="white", lw=0.8),
                    arrowprops=dict(arrowstyle="-", color=colour, lw=0.8, shrinkA=0, shrinkB=0))


def _entry(c: dict[str, Any], width: int = 58) -> list[str]:
    return wrap(f"{c['number']}. {c['message']}", width)


def _draw_side(side: Any, fig: Any, doc: dict[str, Any], lang: str) -> None:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    side.set_axis_off()
    t = TITLES[lang]
    handles = [
        Line2D([], [], color=WALL_COLOUR, lw=1.0, label=t["both"]),
        Line2D([], [], color=ONLY_A, lw=3.0, label=t["only_a"]),
        Line2D([], [], color=ONLY_B, lw=3.0, label=t["only_b"]),
        Patch(facecolor="white", edgecolor=SERIOUS, hatch="xx", label=t["changed"]),
        Patch(facecolor="white", edgecolor=ONLY_B, hatch="//", label=t["added_region"]),
        Patch(facecolor="white", edgecolor=ONLY_A, hatch="\\\\", ls=(0, (5, 3)), label=t["removed_region"]),
    ] + [Patch(facecolor=LEVEL_COLOURS[lv], alpha=0.55, edgecolor="#777777", label=LEVELS[lang][lv])
         for lv in range(4)]
    legend = side.legend(handles=handles, loc="upper left", ncol=2, fontsize=8.5, frameon=True,
                         borderaxespad=0.0)
    legend.get_frame().set_edgecolor("#999999")
    summary = doc["summary"]
    head = t["none"] if not summary["differences"] else t["count"].format(n=summary["changes"])
    if summary["serious"]:
        head += t["serious"].format(n=summary["serious"])
    fig_h = fig.get_figheight()
    ax_h = side.get_position().height * fig_h  # inches
    line = LIST_FONT * 1.45 / 72 / ax_h  # one text line in axes fraction
    y = 1 - 1.35 / ax_h
    side.text(0, y, head, fontsize=11.5, va="top", ha="left", transform=side.transAxes)
    y -= 1.8 * line
    room = int((y - 2.5 * line) / line)
    shown = 0
    for c in doc["changes"]:
        entry = _entry(c)
        if len(entry) > room:
            break
        colour = SERIOUS if c["serious"] else "#111111"
        for text in entry:
            side.text(0.01, y, text, fontsize=LIST_FONT, va="top", ha="left", color=colour,
                      transform=side.transAxes)
            y -= line
            room -= 1
        shown += 1
    if shown < len(doc["changes"]):
        side.text(0.01, y, t["more"].format(n=len(doc["changes"]) - shown), fontsize=LIST_FONT,
                  va="top", color="#555555", transform=side.transAxes)
        y -= line
    counts = summary["findings"]
    side.text(0.0, y - 0.6 * line, t["findings"].format(**counts), fontsize=LIST_FONT + 0.5, va="top",
              ha="left", transform=side.transAxes, color="#333333")
