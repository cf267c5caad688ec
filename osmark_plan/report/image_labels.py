"""Texts on the plan: region names and equipment tags, placed so that none overlaps another.

Each label tries positions (nearest first) and font sizes until its box clears everything
already placed (finding markers, equipment outlines, earlier labels) and stays inside the plan
panel; a label that fits nowhere is left out (the findings list and JSON still name it).
"""

from __future__ import annotations

from typing import Any, Callable, Iterable, Sequence

from .image_graph import anchor
from .image_items import Tag

#: label offsets (points) tried around a region's anchor, nearest first
LABEL_OFFSETS = ((0, 0), (0, 14), (0, -14), (0, 26), (0, -26), (-30, 0), (30, 0),
                 (0, 40), (0, -40), (-40, 20), (40, -20), (0, 56), (0, -56))
REGION_SIZES = (10.0, 8.5, 7.0)
TAG_SIZES = (7.0, 6.0)
#: equipment tags beyond this many are not drawn (the plan would be unreadable)
MAX_TAGS = 150

#: a candidate position: offset (points), horizontal and vertical alignment
Spot = tuple[tuple[float, float], str, str]


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
        """Add a matplotlib Bbox (optionally grown by ``grow`` points on each side)."""
        row = (box.x0 - grow, box.y0 - grow, box.x1 + grow, box.y1 + grow)
        k = len(self.rows)
        self.rows.append(row)
        span = self._span(*row)
        if span is None or len(span[0]) * len(span[1]) > self.BIG:
            self._big.append(k)
            return
        for i in span[0]:
            for j in span[1]:
                self._cells.setdefault((i, j), []).append(k)

    def _hit(self, k: int, box: Any) -> bool:
        self.tests += 1
        x0, y0, x1, y1 = self.rows[k]
        return x0 < box.x1 and x1 > box.x0 and y0 < box.y1 and y1 > box.y0

    def hits(self, box: Any) -> bool:
        if any(self._hit(k, box) for k in self._big):
            return True
        span = self._span(box.x0, box.y0, box.x1, box.y1)
        if span is None or len(span[0]) * len(span[1]) > self.BIG:
            return any(self._hit(k, box) for k in range(len(self.rows)))
        cells = self._cells
        for i in span[0]:
            for j in span[1]:
                for k in cells.get((i, j), ()):
                    if self._hit(k, box):
                        return True
        return False


_SHIFT = {"center": 0.5, "left": 0.0, "right": 1.0, "bottom": 0.0, "top": 1.0}


def place(label: Any, spots: Sequence[Spot], sizes: Sequence[float], placed: Placed,
          renderer: Any, frame: Any, fits: Callable[[Any], bool] | None = None) -> Any:
    """Move and shrink ``label`` to the first free spot; its box, or None when none is free.

    The label is measured once per font size; each spot's box is that box moved (offsets are
    in points, alignment shifts it by its width or height), so trying a spot costs no layout.
    """
    from matplotlib.transforms import Bbox

    points = renderer.points_to_pixels(1.0)
    # the label's centred box at each size, measured once however often it is placed
    measured: dict[float, tuple[float, float, float, float]] = label.__dict__.setdefault("_osmark_boxes", {})
    for size in sizes:
        label.set_fontsize(size)
        if size not in measured:
            label.xyann = (0, 0)
            label.set_horizontalalignment("center")
            label.set_verticalalignment("center")
            home = label.get_window_extent(renderer)
            measured[size] = ((home.x0 + home.x1) / 2, (home.y0 + home.y1) / 2, home.width, home.height)
        cx, cy, w, h = measured[size]
        for offset, ha, va in spots:
            x0 = cx + offset[0] * points - w * _SHIFT[ha]
            y0 = cy + offset[1] * points - h * _SHIFT[va]
            ext = Bbox.from_extents(x0, y0, x0 + w, y0 + h)
            if (ext.x0 < frame.x0 or ext.x1 > frame.x1 or ext.y0 < frame.y0 or ext.y1 > frame.y1
                    or placed.hits(ext)):
                continue
            if fits is not None and not fits(ext):
                continue
            label.xyann = offset
            label.set_horizontalalignment(ha)
            label.set_verticalalignment(va)
            return ext
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
        (x0, y0), (x1, y1) = to_data.transform([[ext.x0 - pad, ext.y0 - pad],
                                                [ext.x1 + pad, ext.y1 + pad]])
        return not len(tree.query(shp_box(x0, y0, x1, y1), predicate="intersects"))

    return clear


def place_region_labels(ax: Any, fig: Any, items: list[tuple[Any, str]], graph: bool,
                        placed: Placed, lines: Sequence[Any] = ()) -> None:
    """Region names at their anchors: inside their region if possible (first where they cross
    none of ``lines``), else anywhere free."""
    from shapely.geometry import box as shp_box

    renderer = fig.canvas.get_renderer()
    frame = ax.get_window_extent(renderer)
    to_data = ax.transData.inverted()
    clear = crosses_none(ax, lines)
    base = (0, 10) if graph else (0, 0)
    spots = [((base[0] + dx, base[1] + dy), "center", "center") for dx, dy in LABEL_OFFSETS]
    import shapely

    for geom, text in sorted(items, key=lambda item: -item[0].area):
        shapely.prepare(geom)
        label = ax.annotate(text, anchor(geom), xytext=(0, 0), textcoords="offset points",
                            ha="center", va="center", zorder=5,
                            bbox=dict(boxstyle="round,pad=0.2", fc="white", ec="none",
                                      alpha=0.75))

        def inside(ext: Any, geom: Any = geom) -> bool:
            (x0, y0), (x1, y1) = to_data.transform([[ext.x0, ext.y0], [ext.x1, ext.y1]])
            return bool(geom.contains(shp_box(x0, y0, x1, y1)))

        chosen = place(label, spots, REGION_SIZES, placed, renderer, frame,
                       lambda ext, inside=inside: inside(ext) and clear(ext))
        if chosen is None:
            chosen = place(label, spots, REGION_SIZES, placed, renderer, frame, inside)
        if chosen is None:
            chosen = place(label, spots, REGION_SIZES, placed, renderer, frame)
        if chosen is None:
            label.remove()
        else:
            placed.add(chosen, grow=2.0)


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
