"""Texts on the plan: region names and equipment tags, placed so that none overlaps another.

Each label tries positions (nearest first) and font sizes until its box clears everything
already placed (finding markers, equipment outlines, earlier labels) and stays inside the plan
panel; a label that fits nowhere is left out (the findings list and JSON still name it).
"""

from __future__ import annotations

from typing import Any, Callable, Iterable, Iterator, Sequence

from .compat import root_figure
from .graph import anchor
from .glyphs import text_size
from .items import Tag

#: label offsets (points) tried around a region's anchor, nearest first
LABEL_OFFSETS = ((0, 0), (0, 14), (0, -14), (0, 26), (0, -26), (-30, 0), (30, 0),
                 (0, 40), (0, -40), (-40, 20), (40, -20), (0, 56), (0, -56))
REGION_SIZES = (10.0, 8.5, 7.0)
TAG_SIZES = (7.0, 6.0)
#: equipment tags beyond this many are not drawn (the plan would be unreadable)
MAX_TAGS = 150

#: a candidate position: offset (points), horizontal and vertical alignment
Spot = tuple[tuple[float, float], str, str]


def extents(box: Any) -> tuple[float, float, float, float]:
    """(x0, y0, x1, y1) of a matplotlib Bbox, or of such a tuple as it is."""
    return box if isinstance(box, tuple) else (box.x0, box.y0, box.x1, box.y1)


class Placed:
    """Window boxes (pixels) of what is already on the plan, in a grid of cells so that a test
    looks only at the boxes near the candidate (constant time per test, not one per box)."""

    #: cell size (pixels); boxes spanning more than BIG cells are kept in a short list instead
    CELL = 40.0
    BIG = 64

    def __init__(self, boxes: Iterable[Any] = ()) -> None:
        self.rows: list[tuple[float, float, float, float]] = []
        self._cells: dict[tuple[int, int], list[int]] = {}
        self._big: list[int] = []
        #: box comparisons made so far by :meth:`hits` (for the scaling test)
        self.tests = 0
        for b in boxes:
            self.add(b)

    def _span(self, x0: float, y0: float, x1: float, y1: float) -> tuple[range, range] | None:
        c = self.CELL
        try:
            return range(int(x0 // c), int(x1 // c) + 1), range(int(y0 // c), int(y1 // c) + 1)
        except (OverflowError, ValueError):  # an infinite or NaN box
            return None

    def add(self, box: Any, grow: float = 1.0) -> None:
        """Add a matplotlib Bbox or (x0, y0, x1, y1) tuple, grown by ``grow`` on each side."""
        x0, y0, x1, y1 = extents(box)
        row = (x0 - grow, y0 - grow, x1 + grow, y1 + grow)
        k = len(self.rows)
        self.rows.append(row)
        span = self._span(*row)
        if span is None or len(span[0]) * len(span[1]) > self.BIG:
            self._big.append(k)
            return
        for i in span[0]:
            for j in span[1]:
                self._cells.setdefault((i, j), []).append(k)

    def free_of(self, boxes: Any) -> Any:
        """For an array of boxes (n x 4: x0, y0, x1, y1), which overlap no placed box: the
        boxes near all of them compared with all at once (numpy)."""
        import numpy as np

        boxes = np.asarray(boxes, dtype=float).reshape(-1, 4)
        if not len(boxes) or not self.rows:
            return np.ones(len(boxes), dtype=bool)
        span = self._span(boxes[:, 0].min(), boxes[:, 1].min(),
                          boxes[:, 2].max(), boxes[:, 3].max())
        if span is None or len(span[0]) * len(span[1]) > self.BIG:
            near: Iterable[int] = range(len(self.rows))
        else:
            cells = self._cells
            near = {k for i in span[0] for j in span[1] for k in cells.get((i, j), ())}
            near.update(self._big)
        rows = np.array([self.rows[k] for k in near], dtype=float).reshape(-1, 4)
        self.tests += len(boxes) * len(rows)
        hit = ((rows[None, :, 0] < boxes[:, None, 2]) & (rows[None, :, 2] > boxes[:, None, 0])
               & (rows[None, :, 1] < boxes[:, None, 3]) & (rows[None, :, 3] > boxes[:, None, 1]))
        return ~hit.any(axis=1)

    def hits(self, box: Any) -> bool:
        """Whether ``box`` (a Bbox or an (x0, y0, x1, y1) tuple) overlaps a placed box."""
        x0, y0, x1, y1 = extents(box)
        rows = self.rows
        for k in self._big:
            self.tests += 1
            a = rows[k]
            if a[0] < x1 and a[2] > x0 and a[1] < y1 and a[3] > y0:
                return True
        span = self._span(x0, y0, x1, y1)
        if span is None or len(span[0]) * len(span[1]) > self.BIG:
            candidates: Iterable[int] = range(len(rows))
        else:
            cells = self._cells
            candidates = (k for i in span[0] for j in span[1] for k in cells.get((i, j), ()))
        for k in candidates:
            self.tests += 1
            a = rows[k]
            if a[0] < x1 and a[2] > x0 and a[1] < y1 and a[3] > y0:
                return True
        return False


_SHIFT = {"center": 0.5, "left": 0.0, "right": 1.0, "bottom": 0.0, "top": 1.0}


def measured_box(label: Any, size: float) -> tuple[float, float, float, float]:
    """Centre and size (pixels) of an annotation's text centred on its anchor at ``size``
    points, from the font's metrics (no matplotlib layout), remembered per size."""
    boxes: dict[float, tuple[float, float, float, float]] = \
        label.__dict__.setdefault("_osmark_boxes", {})
    if size not in boxes:
        cx, cy = label.axes.transData.transform(label.xy)
        w, h = text_size(label.get_text(), size, root_figure(label).dpi)
        boxes[size] = (float(cx), float(cy), w, h)
    return boxes[size]


def candidates(label: Any, spots: Sequence[Spot], sizes: Sequence[float], points: float
               ) -> Iterator[tuple[float, Spot, tuple[float, float, float, float]]]:
    """Each size and spot in order with the label's box there (x0, y0, x1, y1, pixels)."""
    for size in sizes:
        cx, cy, w, h = measured_box(label, size)
        for spot in spots:
            offset, ha, va = spot
            x0 = cx + offset[0] * points - w * _SHIFT[ha]
            y0 = cy + offset[1] * points - h * _SHIFT[va]
            yield size, spot, (x0, y0, x0 + w, y0 + h)


def _set(label: Any, size: float, spot: Spot, ext: tuple[float, float, float, float]) -> Any:
    from matplotlib.transforms import Bbox

    label.set_fontsize(size)
    label.xyann = spot[0]
    label.set_horizontalalignment(spot[1])
    label.set_verticalalignment(spot[2])
    return Bbox.from_extents(*ext)


def _free(ext: tuple[float, float, float, float], frame: Any, placed: Placed) -> bool:
    return not (ext[0] < frame.x0 or ext[2] > frame.x1 or ext[1] < frame.y0
                or ext[3] > frame.y1 or placed.hits(ext))


def place(label: Any, spots: Sequence[Spot], sizes: Sequence[float], placed: Placed,
          renderer: Any, frame: Any, fits: Callable[[Any], bool] | None = None) -> Any:
    """Move and shrink ``label`` to the first free spot; its box, or None when none is free.

    The label is measured once per font size; each spot's box is that box moved (offsets are
    in points, alignment shifts it by its width or height), so trying a spot costs no layout.
    """
    points = renderer.points_to_pixels(1.0)
    for size, spot, ext in candidates(label, spots, sizes, points):
        if _free(ext, frame, placed) and (fits is None or fits(ext)):
            return _set(label, size, spot, ext)
    return None


def crosses_none(ax: Any, lines: Sequence[Any], pad: float = 4.0) -> Callable[[Any], bool]:
    """A test of a window box: does it, grown by ``pad`` pixels, cross none of ``lines``?"""
    import numpy as np
    from shapely import STRtree
    from shapely.geometry import box as shp_box

    tree = STRtree(np.array(list(lines), dtype=object)) if len(lines) else None
    to_data = ax.transData.inverted()

    def clear(ext: Any) -> bool:
        if tree is None:
            return True
        e = extents(ext)
        (x0, y0), (x1, y1) = to_data.transform([[e[0] - pad, e[1] - pad],
                                                [e[2] + pad, e[3] + pad]])
        return not len(tree.query(shp_box(x0, y0, x1, y1), predicate="intersects"))

    return clear


def place_region_labels(ax: Any, fig: Any, items: Sequence[tuple[Any, ...]], graph: bool,
                        placed: Placed, lines: Sequence[Any] = (), sink: Any = None, *,
                        sizes: Sequence[float] = REGION_SIZES, colour: str | None = None,
                        edge: str | None = None, gid: str | None = None) -> None:
    """Region names at their anchors: inside their region if possible (first where they cross
    none of ``lines``), else anywhere free.

    ``items``: (region, text) or (region, text, anchor): the anchor is the region's label
    point unless given. ``colour`` and ``edge``: the text's and its box's colour (none: the
    region names' black on white); ``gid``: the SVG id of each text (``gid-0``, ``gid-1`` …).
    All sizes and spots of a label are tested at once (numpy, shapely arrays): the first
    free spot inside and clear wins; else the first free spot inside, else the first free.
    """
    import numpy as np
    import shapely

    from .rasterise import TextSink

    sink = sink or TextSink()
    renderer = fig.canvas.get_renderer()
    frame = ax.get_window_extent(renderer)
    points = renderer.points_to_pixels(1.0)
    to_data = ax.transData.inverted()
    clear = crosses_none(ax, lines)
    base = (0, 10) if graph else (0, 0)
    spots = [((base[0] + dx, base[1] + dy), "center", "center") for dx, dy in LABEL_OFFSETS]
    shifts = np.array([spot[0] for spot in spots], dtype=float) * points  # centred spots

    box = dict(boxstyle="round,pad=0.2", fc="white", ec=edge or "none", alpha=0.75)
    if edge:
        box["lw"] = 0.8
    style = {"color": colour} if colour else {}
    for k, (geom, text, *at) in enumerate(sorted(items, key=lambda item: -item[0].area)):
        shapely.prepare(geom)
        label = sink.annotate(ax, text, at[0] if at else anchor(geom), ha="center", va="center",
                              zorder=5, bbox=dict(box), **style)
        if gid and hasattr(label, "set_gid"):
            label.set_gid(f"{gid}-{k}")
        # every size's box at every spot (sizes outer, spots inner: the order tried)
        sized = np.array([measured_box(label, size) for size in sizes])
        x0 = (sized[:, None, 0] + shifts[None, :, 0] - sized[:, None, 2] / 2).ravel()
        y0 = (sized[:, None, 1] + shifts[None, :, 1] - sized[:, None, 3] / 2).ravel()
        ext = np.column_stack([x0, y0, x0 + np.repeat(sized[:, 2], len(spots)),
                               y0 + np.repeat(sized[:, 3], len(spots))])
        ok = ((ext[:, 0] >= frame.x0) & (ext[:, 2] <= frame.x1)
              & (ext[:, 1] >= frame.y0) & (ext[:, 3] <= frame.y1))
        ok[ok] = placed.free_of(ext[ok])
        free = np.flatnonzero(ok)
        if not len(free):
            label.remove()
            continue
        corners = to_data.transform(ext[free].reshape(-1, 2)).reshape(-1, 4)
        inside = shapely.contains(geom, shapely.box(
            np.minimum(corners[:, 0], corners[:, 2]), np.minimum(corners[:, 1], corners[:, 3]),
            np.maximum(corners[:, 0], corners[:, 2]), np.maximum(corners[:, 1], corners[:, 3])))
        within = free[inside]
        best = next((int(k) for k in within if clear(tuple(ext[k]))),
                    int(within[0]) if len(within) else int(free[0]))
        size, spot = sizes[best // len(spots)], spots[best % len(spots)]
        placed.add(_set(label, size, spot, tuple(float(v) for v in ext[best])), grow=2.0)


def _tag_rings(half_w: float, half_h: float) -> list[list[Spot]]:
    """Positions beside an object of the given half size (points): touching it, then a bit off.

    Each ring: above, below, right, left, then the corners.
    """
    rings = []
    for gap in (2.0, 9.0):
        w, h = half_w + gap, half_h + gap
        rings.append([((0, h), "center", "bottom"), ((0, -h), "center", "top"),
                      ((w, 0), "left", "center"), ((-w, 0), "right", "center"),
                      ((w, h), "left", "bottom"), ((-w, h), "right", "bottom"),
                      ((w, -h), "left", "top"), ((-w, -h), "right", "top")])
    return rings


def place_tags(ax: Any, fig: Any, tags: list[Tag], placed: Placed,
               lines: Sequence[Any] = ()) -> list[Any]:
    """Equipment tags next to their objects, clear of each other and of other labels.

    Close to the object first, then a little off; at each distance first where the tag crosses
    none of ``lines`` (walls, windows: a tag over a wall hides it), then anywhere free.
    """
    if not tags or len(tags) > MAX_TAGS:
        return []
    renderer = fig.canvas.get_renderer()
    frame = ax.get_window_extent(renderer)
    points_per_pixel = 72.0 / fig.dpi
    clear = crosses_none(ax, lines)

    drawn = []
    for tag in tags:
        x0, y0, x1, y1 = tag.geom.bounds
        (px0, py0), (px1, py1) = ax.transData.transform([[x0, y0], [x1, y1]])
        half_w = abs(px1 - px0) / 2 * points_per_pixel
        half_h = abs(py1 - py0) / 2 * points_per_pixel
        label = ax.annotate(tag.text, ((x0 + x1) / 2, (y0 + y1) / 2), xytext=(0, 0),
                            textcoords="offset points", ha="center", va="center", zorder=5.5,
                            color=tag.colour, annotation_clip=False,
                            bbox=dict(boxstyle="round,pad=0.15", fc="white", ec=tag.colour,
                                      lw=0.5, alpha=0.85))
        chosen = None
        for spots in _tag_rings(half_w, half_h):
            for fits in (clear, None):
                if chosen is None:
                    chosen = place(label, spots, TAG_SIZES, placed, renderer, frame, fits)
        if chosen is None:
            label.remove()
        else:
            placed.add(chosen, grow=1.0)
            drawn.append(label)
    return drawn
