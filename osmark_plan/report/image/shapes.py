"""Filled shapes of the plan image as collections: one artist per family and style, not one
patch per shape (a floor has thousands of cabinets and hundreds of regions; Agg draws a
collection in one call, a patch costs a Python draw each)."""

from __future__ import annotations

from typing import Any, Iterable, Sequence

from shapely.geometry.base import BaseGeometry

from .compat import root_figure


def shape_paths(geoms: Sequence[BaseGeometry], holes: bool = True) -> list[tuple[int, Any]]:
    """Each (multi)polygon with something to draw as (its index, one closed Path of all its
    outlines and holes), read with shapely's array functions in one pass."""
    import numpy as np
    import shapely
    from matplotlib.path import Path as MplPath

    if not len(geoms):
        return []
    arr = np.array(list(geoms), dtype=object)
    arr[shapely.is_missing(arr)] = shapely.Polygon()
    parts, owner = shapely.get_parts(arr, return_index=True)
    keep = (shapely.get_type_id(parts) == 3) & ~shapely.is_empty(parts)
    parts, owner = parts[keep], owner[keep]
    if holes:
        rings, ring_part = shapely.get_rings(parts, return_index=True)
    else:
        rings, ring_part = shapely.get_exterior_ring(parts), np.arange(len(parts))
    coords, ring_of = shapely.get_coordinates(rings, return_index=True)
    if not len(coords):
        return []
    first = np.r_[True, ring_of[1:] != ring_of[:-1]]
    last = np.r_[ring_of[1:] != ring_of[:-1], True]
    codes = np.full(len(coords), MplPath.LINETO, dtype=np.uint8)
    codes[first], codes[last] = MplPath.MOVETO, MplPath.CLOSEPOLY
    shape_of = owner[ring_part][ring_of]
    cuts = np.flatnonzero(shape_of[1:] != shape_of[:-1]) + 1
    starts = np.r_[0, cuts]
    return [(int(shape_of[a]), MplPath(v, c)) for a, v, c in
            zip(starts, np.split(coords, cuts), np.split(codes, cuts))]


def fill_shapes(ax: Any, geoms: Iterable[BaseGeometry], zorder: float,
                facecolors: list[Any] | Any = "none", alpha: float | None = None,
                holes: bool = True, found: list[tuple[int, Any]] | None = None,
                **style: Any) -> Any:
    """One PathCollection of the (multi)polygons, drawn in the order given, each with its
    face colour (one for all, or a list of one per shape) and ``alpha`` folded into the face
    colours (the edges keep theirs); None when there is nothing to draw. ``found``: the
    shapes' paths (:func:`shape_paths`) when already read."""
    from matplotlib.collections import PathCollection
    from matplotlib.colors import to_rgba_array

    geoms = list(geoms)
    found = shape_paths(geoms, holes) if found is None else found
    if not found:
        return None
    paths = [path for _, path in found]
    if isinstance(facecolors, list):
        faces = to_rgba_array(facecolors)[[k for k, _ in found]]
    else:
        faces = to_rgba_array([facecolors])
    if alpha is not None:
        faces[:, 3] *= alpha
    coll = PathCollection(paths, facecolors=faces, zorder=zorder, **style)
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
    fig = root_figure(ax)
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
    # line pieces at least half a pixel long (not corners merely touched)
    parts = parts[(shapely.get_type_id(parts) == 1) & (shapely.length(parts) >= 0.5)]
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
