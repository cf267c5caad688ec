"""The numbered finding markers of the plan image: clustered where findings share a spot,
moved off the boundary gaps they would hide. Grid hash and STRtree: no step scans all."""

from __future__ import annotations

from typing import Any

from ...findings import Report
from .glyphs import text_size
from .style import SEVERITY_COLOURS, SEVERITY_TEXT


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


def draw_markers(ax: Any, fig: Any, report: Report, doc: dict[str, Any],
                 sink: Any = None) -> list[Any]:
    """A numbered circle at each finding's position, coloured by severity; returns their
    window boxes (x0, y0, x1, y1, pixels: the number's box grown to the circle).

    Markers closer than a marker's size are gathered and laid out around their spot.
    """
    import numpy as np

    from .rasterise import TextSink

    sink = sink or TextSink()
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
            sink.annotate(ax, str(number), (cx, cy), xytext=(dx, dy),
                          ha="center", va="center", fontsize=size,
                          color=SEVERITY_TEXT.get(finding["severity"], "white"),
                          zorder=7, bbox=dict(boxstyle="circle,pad=0.3", fc=colour,
                                              ec="black", lw=0.8),
                          arrowprops=leader if base != (0.0, 0.0) else None)
            w, h = text_size(str(number), size, fig.dpi)
            x, y = to_px((cx, cy)) + np.array((dx, dy)) * fig.dpi / 72.0
            w, h = 1.6 * w, 1.6 * h  # the circle around the number
            extents.append((float(x - w / 2), float(y - h / 2), float(x + w / 2), float(y + h / 2)))
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
