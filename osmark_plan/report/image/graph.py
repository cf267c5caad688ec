"""The access graph on the plan image: nodes at regions, edges through door chords, OUTSIDE."""

from __future__ import annotations

from typing import Any

from shapely.geometry import MultiPolygon, Point, Polygon
from shapely.geometry.base import BaseGeometry

from ...model import OUTSIDE
from .style import GRAPH_COLOUR


def polygons(geom: BaseGeometry) -> list[Polygon]:
    """The polygons of a (multi)polygon or collection."""
    if isinstance(geom, Polygon):
        return [geom]
    if isinstance(geom, MultiPolygon):
        return list(geom.geoms)
    return [g for g in getattr(geom, "geoms", []) if isinstance(g, Polygon)]


def size_of(geom: BaseGeometry) -> float:
    """The larger side of a geometry's bounding box (at least 1 m)."""
    x0, y0, x1, y1 = geom.bounds
    return max(x1 - x0, y1 - y0, 1.0)


def anchor(geom: BaseGeometry) -> tuple[float, float]:
    """Where a region's name and graph node go: its representative point."""
    from shapely.ops import polylabel

    polys = polygons(geom)
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
    if aa is None or aa.is_empty:
        return [], {}
    size = size_of(aa)
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
    return {r.id: anchor(r.polygon) for r in site.regions}


def edge_paths(site: Any) -> list[list[tuple[float, float]]]:
    """The graph's edges as drawn: node, middle of the door's chord, node (metres)."""
    pos = node_points(site)
    outside, member = outside_nodes(site)
    edges = []
    for link in site.links:
        ends = [pos.get(n) if n != OUTSIDE else
                (outside[member.get(link.id, 0)] if outside else None) for n in (link.a, link.b)]
        if None in ends:
            continue
        mid = link.chord.interpolate(0.5, normalized=True)
        edges.append([ends[0], (mid.x, mid.y), ends[1]])
    return edges


def graph_edges(site: Any) -> list[BaseGeometry]:
    """The graph's edges as line geometries, for labels to keep clear of."""
    from shapely.geometry import LineString

    return [LineString(e) for e in edge_paths(site)]


def draw_graph(ax: Any, site: Any, outside_label: str) -> None:
    from matplotlib.collections import LineCollection

    pos = node_points(site)
    outside, _ = outside_nodes(site)
    edges = edge_paths(site)
    ax.add_collection(LineCollection(edges, colors=GRAPH_COLOUR, linewidths=1.4, alpha=0.85,
                                     zorder=4))
    nodes = list(pos.values()) + outside
    if not nodes:
        return
    xs, ys = zip(*nodes)
    ax.scatter(xs, ys, s=40, color=GRAPH_COLOUR, edgecolors="white", linewidths=1, zorder=4.5)
    for ox, oy in outside:
        ax.annotate(outside_label, (ox, oy), xytext=(0, -7), textcoords="offset points",
                    ha="center", va="top", fontsize=8, color=GRAPH_COLOUR, zorder=5,
                    bbox=dict(boxstyle="round,pad=0.15", fc="white", ec="none", alpha=0.8))
