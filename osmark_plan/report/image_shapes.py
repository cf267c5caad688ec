"""Filled shapes of the plan image as collections: one artist per family and style, not one
patch per shape (a floor has thousands of cabinets and hundreds of regions; Agg draws a
collection in one call, a patch costs a Python draw each)."""

from __future__ import annotations

from typing import Any, Iterable, Sequence

from shapely.geometry.base import BaseGeometry

from .image_graph import polygons


def polygon_path(geom: BaseGeometry, holes: bool = True) -> Any:
    """One matplotlib Path for a (multi)polygon: every part's outline (and holes), closed;
    None when nothing is left to draw."""
    from matplotlib.path import Path as MplPath

    verts: list[Any] = []
    codes: list[int] = []
    for poly in polygons(geom):
        if poly.is_empty:
            continue
        for ring in [poly.exterior, *(poly.interiors if holes else ())]:
            coords = list(ring.coords)
            if len(coords) < 3:
                continue
            verts += coords
            codes += [MplPath.MOVETO] + [MplPath.LINETO] * (len(coords) - 2) + [MplPath.CLOSEPOLY]
    return MplPath(verts, codes) if verts else None


def fill_shapes(ax: Any, geoms: Iterable[BaseGeometry], zorder: float,
                facecolors: list[Any] | Any = "none", alpha: float | None = None,
                holes: bool = True, **style: Any) -> Any:
    """One PathCollection of the (multi)polygons, drawn in the order given, each with its
    face colour (one for all, or a list of one per shape) and ``alpha`` folded into the face colours
    (the edges keep theirs); None when there is nothing to draw."""
    from matplotlib.collections import PathCollection
    from matplotlib.colors import to_rgba, to_rgba_array

    geoms = list(geoms)
    per_shape = isinstance(facecolors, list)
    paths, faces = [], []
    for k, geom in enumerate(geoms):
        path = polygon_path(geom, holes)
        if path is None:
            continue
        paths.append(path)
        faces.append(facecolors[k] if per_shape else facecolors)
    if not paths:
        return None
    if alpha is not None:
        rgba = [to_rgba(c) for c in faces]
        faces = [(r, g, b, a * alpha) for r, g, b, a in rgba]
    coll = PathCollection(paths, facecolors=to_rgba_array(faces), zorder=zorder, **style)
    coll.set_transform(ax.transData)
    return ax.add_collection(coll, autolim=False)


def pixel_boxes(ax: Any, geoms: Sequence[BaseGeometry]) -> list[Any]:
    """The window boxes (pixels) of the geometries' bounds, transformed in one call."""
    import numpy as np
    import shapely
    from matplotlib.transforms import Bbox

    if not len(geoms):
        return []
    b = shapely.bounds(np.array(list(geoms), dtype=object))
    keep = ~np.isnan(b).any(axis=1)
    b = b[keep]
    lo = ax.transData.transform(b[:, :2])
    hi = ax.transData.transform(b[:, 2:])
    x0, x1 = np.minimum(lo[:, 0], hi[:, 0]), np.maximum(lo[:, 0], hi[:, 0])
    y0, y1 = np.minimum(lo[:, 1], hi[:, 1]), np.maximum(lo[:, 1], hi[:, 1])
    return [Bbox.from_extents(*row) for row in np.column_stack([x0, y0, x1, y1]).tolist()]


#: hatch "////" as matplotlib draws it: lines of slope 1 every 1/12 inch along x (24 lines to
#: the inch across the unit cell), anchored at the canvas origin
HATCH_STEP_INCHES = 1.0 / 12.0


def hatch_lines(ax: Any, geoms: Sequence[BaseGeometry], zorder: float, colour: str,
                linewidth: float) -> Any:
    """The '////' hatch of many polygons as one LineCollection: the diagonals, clipped to each
    polygon (shapely, vectorised), where a hatched collection would make Agg draw the hatch
    pattern once per shape. None when there is nothing to hatch."""
    import numpy as np
    import shapely
    from matplotlib.collections import LineCollection

    geoms = [g for g in geoms if g is not None and not g.is_empty]
    if not geoms:
        return None
    fig = ax.get_figure(root=True)
    step = HATCH_STEP_INCHES * fig.dpi
    to_px = ax.transData.transform
    px = shapely.transform(np.array(geoms, dtype=object), lambda xy: to_px(xy))
    b = shapely.bounds(px)
    # lines y = x - c with c = k * step crossing the box: x0 - y1 <= c <= x1 - y0
    lo = np.ceil((b[:, 0] - b[:, 3]) / step).astype(int)
    hi = np.floor((b[:, 2] - b[:, 1]) / step).astype(int)
    count = np.maximum(hi - lo + 1, 0)
    which = np.repeat(np.arange(len(geoms)), count)
    if not len(which):
        return None
    k = np.arange(count.sum()) - np.repeat(np.cumsum(count) - count, count) + lo[which]
    c = k * step
    x0, x1 = b[which, 0] - 1.0, b[which, 2] + 1.0
    lines = shapely.linestrings(np.stack([np.column_stack([x0, x0 - c]),
                                          np.column_stack([x1, x1 - c])], axis=1))
    cut = shapely.intersection(lines, px[which])
    parts = shapely.get_parts(cut[~shapely.is_empty(cut)])
    parts = parts[shapely.get_type_id(parts) == 1]  # line pieces (not touching points)
    if not len(parts):
        return None
    coords, index = shapely.get_coordinates(parts, return_index=True)
    if not len(coords):
        return None
    data = ax.transData.inverted().transform(coords)
    starts = np.flatnonzero(np.r_[True, index[1:] != index[:-1]])
    segs = np.split(data, starts[1:])
    return ax.add_collection(LineCollection(segs, colors=colour, linewidths=linewidth,
                                            zorder=zorder), autolim=False)
