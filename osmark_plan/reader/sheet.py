"""Sheets with several plans (floor plan, framing plan, elevations side by side): the clusters
of line work separated by empty space, and keeping only the plan the user picks.

The line work is rasterised on a coarse grid (about 256 cells along the longer side, every
segment sampled at half a cell); occupied cells, grown by two cells, are joined into connected
components. A component whose box holds another component's box is a frame (sheet border,
title block) and is not a plan. Linear in the number of segment samples; no pairwise tests.
"""

from __future__ import annotations

import unicodedata
from collections import deque
from dataclasses import dataclass

import numpy as np

from .entities import TEXT_TYPES, Item, Walk, text_content, text_point, transform, world_pieces
from .text_kinds import is_title
from ..messages import say

#: grid cells along the longer side of the drawing
GRID = 256
#: cells a component grows by before joining (gaps narrower than this do not separate plans)
GROW = 2
#: a component with less than this share of the largest one's ink is a legend or a note
MIN_INK = 0.12
#: a frame's held plans cover at least this share of its box
FRAME_HELD = 0.1

Box = tuple[float, float, float, float]


@dataclass(frozen=True)
class SheetPlan:
    """One plan on a sheet: its box (drawing units), share of the line work, and its title."""

    box: Box
    ink: float
    title: str | None = None


def _segments(item: Item, tol: float) -> np.ndarray:
    """World segments (n, 2, 2) of an item (drawing units); texts give none."""
    e = item.e
    t = e.dxftype()  # type: ignore[attr-defined]
    if t in TEXT_TYPES:
        return np.empty((0, 2, 2))
    if t == "LINE":
        s, n = e.dxf.start, e.dxf.end  # type: ignore[attr-defined]
        pts = transform(np.array([[s.x, s.y, s.z], [n.x, n.y, n.z]], dtype=float), item.M)
        return pts.reshape(1, 2, 2)
    out = [np.stack([p[:-1], p[1:]], axis=1) for p, _closed in world_pieces(item, tol) if len(p) >= 2]
    return np.vstack(out) if out else np.empty((0, 2, 2))


def _all_segments(items: list[Item], tol: float) -> tuple[np.ndarray, np.ndarray]:
    """All segments and the item each belongs to."""
    segs, owner = [], []
    for k, it in enumerate(items):
        try:
            s = _segments(it, tol)
        except Exception:  # noqa: BLE001 - a broken entity has no ink
            continue
        if len(s):
            segs.append(s)
            owner.append(np.full(len(s), k))
    if not segs:
        return np.empty((0, 2, 2)), np.empty(0, dtype=int)
    arr = np.vstack(segs)
    ok = np.all(np.isfinite(arr.reshape(-1, 4)), axis=1)
    return arr[ok], np.concatenate(owner)[ok]


def _bounds(segs: np.ndarray) -> Box | None:
    if not len(segs):
        return None
    pts = segs.reshape(-1, 2)
    lo, hi = np.percentile(pts, [0.5, 99.5], axis=0) if len(pts) > 400 else (pts.min(0), pts.max(0))
    if not np.all(hi > lo):
        return None
    return (float(lo[0]), float(lo[1]), float(hi[0]), float(hi[1]))


def _raster(segs: np.ndarray, bounds: Box) -> tuple[np.ndarray, float, np.ndarray]:
    """Occupancy grid, cell size, and the (row, col) cell of every sample's segment midpoint."""
    x0, y0, x1, y1 = bounds
    cell = max(x1 - x0, y1 - y0) / GRID
    nx, ny = int((x1 - x0) / cell) + 1, int((y1 - y0) / cell) + 1
    d = segs[:, 1] - segs[:, 0]
    n = np.clip(np.ceil(np.hypot(d[:, 0], d[:, 1]) / (cell / 2)).astype(np.int64), 1, 4 * GRID)
    seg_of = np.repeat(np.arange(len(segs)), n)
    start = np.repeat(np.cumsum(n) - n, n)
    t = (np.arange(int(n.sum())) - start + 0.5) / n[seg_of]
    pts = segs[seg_of, 0] + d[seg_of] * t[:, None]
    col = np.floor((pts[:, 0] - x0) / cell).astype(np.int64)
    row = np.floor((pts[:, 1] - y0) / cell).astype(np.int64)
    inside = (col >= 0) & (col < nx) & (row >= 0) & (row < ny)
    grid = np.zeros((ny, nx), dtype=np.int64)
    np.add.at(grid, (row[inside], col[inside]), 1)
    mid = (segs[:, 0] + segs[:, 1]) / 2
    cells = np.column_stack([np.clip(np.floor((mid[:, 1] - y0) / cell), 0, ny - 1),
                             np.clip(np.floor((mid[:, 0] - x0) / cell), 0, nx - 1)]).astype(np.int64)
    return grid, cell, cells


def _grow(mask: np.ndarray, k: int) -> np.ndarray:
    out = mask.copy()
    for _ in range(k):
        g = out.copy()
        g[1:, :] |= out[:-1, :]
        g[:-1, :] |= out[1:, :]
        g[:, 1:] |= out[:, :-1]
        g[:, :-1] |= out[:, 1:]
        out = g
    return out


def _label(mask: np.ndarray) -> np.ndarray:
    """Connected components (4-neighbourhood) of a boolean grid; 0 = empty."""
    labels = np.zeros(mask.shape, dtype=np.int64)
    ny, nx = mask.shape
    current = 0
    for r, c in zip(*np.nonzero(mask)):
        if labels[r, c]:
            continue
        current += 1
        labels[r, c] = current
        queue = deque([(r, c)])
        while queue:
            y, x = queue.popleft()
            for yy, xx in ((y - 1, x), (y + 1, x), (y, x - 1), (y, x + 1)):
                if 0 <= yy < ny and 0 <= xx < nx and mask[yy, xx] and not labels[yy, xx]:
                    labels[yy, xx] = current
                    queue.append((yy, xx))
    return labels


def _norm(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split()).casefold()


def find_plans(items: list[Item]) -> list[SheetPlan]:
    """The plans on a sheet, largest first (one entry for an ordinary drawing)."""
    probe = _bounds(_all_segments(items[: min(len(items), 2000)], 1e9)[0])
    extent = max(probe[2] - probe[0], probe[3] - probe[1]) if probe else 1.0
    segs, _owner = _all_segments(items, extent / GRID / 4)
    bounds = _bounds(segs)
    if bounds is None:
        return []
    grid, cell, cells = _raster(segs, bounds)
    labels = _label(_grow(grid > 0, GROW))
    seg_label = labels[cells[:, 0], cells[:, 1]]
    ids, ink = np.unique(seg_label[seg_label > 0], return_counts=True)
    lengths = np.hypot(*(segs[:, 1] - segs[:, 0]).T)
    boxes: dict[int, Box] = {}
    weight: dict[int, float] = {}
    for lab in ids.tolist():
        mine = segs[seg_label == lab].reshape(-1, 2)
        lo, hi = mine.min(0), mine.max(0)
        boxes[lab] = (float(lo[0]), float(lo[1]), float(hi[0]), float(hi[1]))
        weight[lab] = float(lengths[seg_label == lab].sum())
    frames = _not_plans(boxes, weight)
    plans = [k for k in boxes if k not in frames]
    if not plans:
        return []
    top = max(weight[k] for k in plans)
    plans = sorted((k for k in plans if weight[k] >= MIN_INK * top), key=lambda k: -weight[k])
    total = sum(weight[k] for k in plans)
    titles = _titles(items, [boxes[k] for k in plans], cell)
    return [SheetPlan(boxes[k], weight[k] / total, t) for k, t in zip(plans, titles)]


def _not_plans(boxes: dict[int, Box], weight: dict[int, float]) -> set[int]:
    """The components that are no plan: frames (sheet borders and title blocks), which hold
    other components whose boxes cover at least :data:`FRAME_HELD` of their own box and whose
    ink is at least half their own, and the pieces inside a plan. A building holding furniture
    or fixtures drawn apart from its walls (small islands, little ink) is one plan, not a frame."""
    keys = list(boxes)
    if len(keys) < 2:
        return set()
    b = np.array([boxes[k] for k in keys], dtype=float)
    ink = np.array([weight[k] for k in keys], dtype=float)
    area = (b[:, 2] - b[:, 0]) * (b[:, 3] - b[:, 1])
    holds = ((b[:, None, 0] <= b[None, :, 0]) & (b[:, None, 1] <= b[None, :, 1])
             & (b[None, :, 2] <= b[:, None, 2]) & (b[None, :, 3] <= b[:, None, 3]))
    np.fill_diagonal(holds, False)
    covered, held_ink = holds @ area, holds @ ink
    frame = holds.any(1) & (covered >= FRAME_HELD * np.maximum(area, 1e-300)) & (2 * held_ink >= ink)
    part = holds[~frame].any(0)  # inside a plan: a piece of that plan (an island of furniture)
    return {keys[i] for i in np.flatnonzero(frame | part)}


def _titles(items: list[Item], boxes: list[Box], cell: float) -> list[str | None]:
    """The tallest text just below (or inside, near the bottom of) each plan's box; a text
    that reads as a title (平面図, FLOOR PLAN, S=1/100) before any other."""
    best: list[tuple[tuple[bool, float], str] | None] = [None] * len(boxes)
    for it in items:
        if it.e.dxftype() not in TEXT_TYPES:  # type: ignore[attr-defined]
            continue
        try:
            x, y = transform(np.array([text_point(it.e)], dtype=float), it.M)[0]
            attr = "char_height" if it.e.dxftype() == "MTEXT" else "height"  # type: ignore[attr-defined]
            height = float(it.e.dxf.get(attr, 0) or 0) * it.sc  # type: ignore[attr-defined]
            text = text_content(it.e)
        except Exception:  # noqa: BLE001
            continue
        if not text:
            continue
        rank = (is_title(text), height)
        for k, (x0, y0, x1, y1) in enumerate(boxes):
            below = y0 - 12 * cell <= y <= y0 + 0.25 * (y1 - y0)
            if x0 - cell <= x <= x1 + cell and below and (best[k] is None or rank > best[k][0]):
                best[k] = (rank, text)
    return [b[1] if b else None for b in best]


def region_of_frame(items: list[Item], name: str) -> Box | None:
    """The box of the plan a title or frame text names: the plan whose box holds the text, else
    the plan nearest to it; None when no text matches."""
    want = _norm(name)
    spots = []
    for it in items:
        if it.e.dxftype() not in TEXT_TYPES:  # type: ignore[attr-defined]
            continue
        try:
            text = text_content(it.e)
        except Exception:  # noqa: BLE001
            continue
        if want and want in _norm(text):
            xy = transform(np.array([text_point(it.e)], dtype=float), it.M)[0]
            spots.append((len(_norm(text)) - len(want), float(xy[0]), float(xy[1])))
    if not spots:
        return None
    _extra, x, y = min(spots)
    plans = find_plans(items)
    if not plans:
        return None

    def gap(b: Box) -> float:
        return float(np.hypot(max(b[0] - x, 0, x - b[2]), max(b[1] - y, 0, y - b[3])))

    chosen = min(plans, key=lambda p: gap(p.box)).box
    pad = 0.01 * max(chosen[2] - chosen[0], chosen[3] - chosen[1])
    return (chosen[0] - pad, chosen[1] - pad, chosen[2] + pad, chosen[3] + pad)


def restrict(w: Walk, box: Box) -> Walk:
    """The walk with only the items whose extent meets ``box`` (and does not hold it all, as a
    sheet border does); elements keep the items left to them and vanish when none is left."""
    x0, y0, x1, y1 = box
    keep = np.zeros(len(w.items), dtype=bool)
    for k, it in enumerate(w.items):
        b = _item_box(it)
        if b is None:
            continue
        meets = b[0] <= x1 and b[2] >= x0 and b[1] <= y1 and b[3] >= y0
        holds = b[0] < x0 and b[1] < y0 and b[2] > x1 and b[3] > y1
        keep[k] = meets and not holds
    new_index = np.cumsum(keep) - 1
    out = Walk(items=[it for it, k in zip(w.items, keep) if k], types=w.types,
               unreadable=w.unreadable, missing_blocks=w.missing_blocks)
    owner_map: dict[int, int] = {}
    for e_i, el in enumerate(w.elems):
        mine = [int(new_index[i]) for i in el.items if keep[i]]
        if mine:
            owner_map[e_i] = len(out.elems)
            el_copy = type(el)(el.e, el.m, el.layer, el.kind, el.handle, el.block, el.attribs, el.at, mine)
            out.elems.append(el_copy)
    for it in out.items:
        if it.owner >= 0:
            it.owner = owner_map.get(it.owner, -1)
    return out


def _item_box(it: Item) -> Box | None:
    e = it.e
    t = e.dxftype()  # type: ignore[attr-defined]
    try:
        if t in TEXT_TYPES:
            pts = transform(np.array([text_point(e)], dtype=float), it.M)
        else:
            segs = _segments(it, 1e9 if t not in ("ARC", "CIRCLE", "ELLIPSE", "SPLINE") else 0.0)
            if t in ("ARC", "CIRCLE", "ELLIPSE", "SPLINE") or not len(segs):
                segs = _segments(it, _coarse(it))
            pts = segs.reshape(-1, 2)
    except Exception:  # noqa: BLE001
        return None
    if not len(pts) or not np.all(np.isfinite(pts)):
        return None
    lo, hi = pts.min(0), pts.max(0)
    return (float(lo[0]), float(lo[1]), float(hi[0]), float(hi[1]))


def _coarse(it: Item) -> float:
    """A flattening sagitta good enough for an extent: 2 % of the entity's own size."""
    try:
        r = float(it.e.dxf.get("radius", 0) or 0)  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001
        r = 0.0
    return max(r * 0.02, 1e-6) * it.sc


def pick_region(w: Walk, config, path: str) -> Box | None:  # type: ignore[no-untyped-def]
    """The box to check: the config's region, or the plan its frame text names; None for the
    whole drawing. A name no text matches is a usage error (ConfigError)."""
    from ..config import ConfigError

    if config.region is None and not config.frame:
        return None
    if config.region is not None:
        box = config.region
    else:
        box = region_of_frame(w.items, config.frame)
        if box is None:
            plans = find_plans(w.items)
            listing = "; ".join(f"{p.title or '(untitled)'} at {_fmt(p.box)}" for p in plans[:8])
            raise ConfigError(say(f"{path}: no text {config.frame!r} on the drawing to pick the plan by"
                                  + (f"; plans on this sheet: {listing}" if listing else ""),
                                  f"{path}: 図面を選ぶための文字 {config.frame!r} が図面にありません"
                                  + (f"。この用紙の図面: {listing}" if listing else "")))
    return box


def empty_region(path: str, box: Box) -> Exception:
    """The usage error for a region with nothing of the drawing in it."""
    from ..config import ConfigError

    return ConfigError(say(f"{path}: the region {_fmt(box)} (drawing units) holds nothing of the drawing",
                           f"{path}: 範囲 {_fmt(box)}（図面の単位）に図面の要素がありません"))


def _fmt(box: Box) -> str:
    return ",".join(f"{v:.6g}" for v in box)
