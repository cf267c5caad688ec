"""What each layer of a drawing holds, judged by content, for ``osmark layers --suggest-config``.

Reads every layer whatever it is mapped to: LINEs and polyline pieces in parallel pairs a wall
thickness apart (double-line walls), door swings (quarter arcs with a leaf line), texts (room
names, tags, words of foundations and structure).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import shapely

from .entities import TEXT_TYPES, Item, text_content, transform, walk, world_pieces
from .load import load
from .sheet import SheetPlan, find_plans
from .swings import find_swings
from ..room_words import read_label
from .labels import text_lines
from .text_kinds import has_room_word, is_room_like, is_structure_text, is_tag

#: the gap (m) between the two lines of a double-line wall
WALL_PAIR = (0.04, 0.45)
#: candidate pairs looked at per layer, and segments queried at most, before the share of
#: paired lines is taken as found (a sample of a big or dense layer tells the share well enough)
PAIR_BUDGET = 300_000
PAIR_QUERIES = 4000


@dataclass(frozen=True)
class LayerContent:
    """Counts describing what one layer holds."""

    lines: int
    paired: int  # LINEs with a parallel partner a wall thickness away
    swings: int
    texts: int
    arcs: int
    #: texts that could name a room (not door/size tags, grid bubbles, numbers or titles)
    room_texts: int = 0
    #: texts that are tags: door and window numbers (D1, SD-2), sizes, grid bubbles, numbers
    tags: int = 0
    #: texts holding a room word (会議室, OFFICE, WC), and texts of foundations or structure
    #: (基礎, アンカーボルト, FOOTING), which tell a floor plan from a foundation or framing plan
    room_words: int = 0
    structure_texts: int = 0
    #: total length of the lines (drawing units) and the median spacing of double lines
    ink: float = 0.0
    gap: float | None = None
    #: the box (x0, y0, x1, y1, drawing units) of the middle 99 % of its line ends
    box: tuple[float, float, float, float] | None = None
    #: the radii of its door swings (drawing units)
    radii: tuple[float, ...] = ()
    #: door swings and arcs outside blocks (loose doors, not door blocks)
    loose_swings: int = 0
    loose_arcs: int = 0


def _paired(segs: np.ndarray, scale: float) -> int:
    """How many segments have a parallel partner 0.04–0.45 m away (vectorised). A big layer, or
    one dense at that distance (hatching, or a unit that makes 0.45 m wide), is judged on a
    random sample of its segments (:data:`PAIR_QUERIES`, or fewer once :data:`PAIR_BUDGET`
    candidate pairs are met), and the count scaled up."""
    if len(segs) < 2:
        return 0
    segs = segs[:: max(1, len(segs) // 20000)][:20000]
    geoms = shapely.linestrings(segs)
    tree = shapely.STRtree(geoms)
    d = segs[:, 1] - segs[:, 0]
    n = np.hypot(d[:, 0], d[:, 1])
    u = np.divide(d, n[:, None], out=np.zeros_like(d), where=n[:, None] > 0)
    order = np.random.default_rng(0).permutation(len(segs))
    found, asked, met = np.zeros(len(segs), dtype=bool), 0, 0
    for chunk in np.array_split(order, max(1, len(order) // 250)):
        q, j = tree.query(geoms[chunk], predicate="dwithin", distance=WALL_PAIR[1] / scale)
        i = chunk[q]
        keep = i != j
        i, j = i[keep], j[keep]
        parallel = np.abs(u[i, 0] * u[j, 1] - u[i, 1] * u[j, 0]) < 0.02
        i, j = i[parallel], j[parallel]
        ok = shapely.distance(geoms[i], geoms[j]) >= WALL_PAIR[0] / scale
        found[i[ok]] = True
        asked += len(chunk)
        met += len(q)
        if met > PAIR_BUDGET or asked >= PAIR_QUERIES:
            break
    share = found[order[:asked]].mean() if asked else 0.0
    return int(round(share * len(segs)))


def layer_contents(path: str | Path, scale: float) -> dict[str, LayerContent]:
    """Layer name (escapes decoded) -> what it holds. ``scale``: metres per drawing unit."""
    return sheet_contents(path, scale)[0]


def sheet_contents(path: str | Path, scale: float) -> tuple[dict[str, LayerContent], list[SheetPlan]]:
    """What each layer holds, and the plans on the sheet (several when plans, framing plans or
    elevations sit side by side)."""
    doc = load(path).doc
    w = walk(doc, lambda _name: "wall")
    try:
        plans = find_plans(w.items)
    except Exception:  # noqa: BLE001 - a hint only
        plans = []
    return _contents(w, scale), plans


#: polyline types whose straight pieces count as lines (walls drawn as outlines or polylines)
_POLY_TYPES = frozenset({"LWPOLYLINE", "POLYLINE"})


def _segments(item: Item) -> np.ndarray:
    """The straight pieces (n, 2, 2) of a LINE or polyline in world drawing units (a block's
    lines where it is inserted: walls exported as blocks used once)."""
    e = item.e
    if e.dxftype() == "LINE":  # type: ignore[attr-defined]
        s, n = e.dxf.start, e.dxf.end  # type: ignore[attr-defined]
        return transform(np.array([[s.x, s.y, s.z], [n.x, n.y, n.z]], dtype=float), item.M).reshape(1, 2, 2)
    pts = [p for p, _closed in world_pieces(item, 1e9)]
    out = [np.stack([p[:-1, :2], p[1:, :2]], axis=1) for p in pts if len(p) >= 2]
    return np.vstack(out) if out else np.empty((0, 2, 2))


def _contents(w, scale: float) -> dict[str, LayerContent]:  # type: ignore[no-untyped-def]
    from ..naming import decode_escapes

    by_layer: dict[str, list[int]] = defaultdict(list)
    for k, it in enumerate(w.items):
        by_layer[it.layer].append(k)
    return {decode_escapes(layer): _layer_content(w.items, idx, scale) for layer, idx in by_layer.items()}


def _layer_content(items: list[Item], idx: list[int], scale: float) -> LayerContent:
    """What one layer's items hold. Lines in parallel pairs are counted among its loose lines
    (walls drawn on a door layer beside its door blocks), or among all its lines when it has
    fewer than 8 loose ones (walls exported as blocks)."""
    texts, arcs, roomish, tags, rooms, structure = 0, 0, 0, 0, 0, 0
    loose, inside, loose_idx = [], [], []
    for k in idx:
        e = items[k].e
        t = e.dxftype()  # type: ignore[attr-defined]
        if t in TEXT_TYPES:
            content = text_content(e)
            name = read_label(text_lines(e) or (content,)).name  # the name line of a label
            texts += 1
            roomish += bool(name) and is_room_like(name or "")
            tags += is_tag(content)
            rooms += has_room_word(content)
            structure += is_structure_text(content)
        elif t == "ARC":
            arcs += 1
            if items[k].M is None:
                loose_idx.append(k)
        elif t == "LINE" or t in _POLY_TYPES:
            if items[k].M is None:
                loose_idx.append(k)
            try:
                (loose if items[k].M is None else inside).append(_segments(items[k]))
            except Exception:  # noqa: BLE001 - a broken entity holds no line
                continue
    own, every = _clean(loose), _clean(loose + inside)
    pairs = own if len(own) >= 8 else every
    swings = find_swings(items, idx)
    loose_swings = len(find_swings(items, loose_idx).arcs) if swings.arcs else 0
    return LayerContent(
        lines=len(pairs), paired=_paired(pairs, scale), swings=len(swings.arcs), texts=texts, arcs=arcs,
        room_texts=roomish, tags=tags, room_words=rooms, structure_texts=structure,
        ink=float(np.hypot(*(every[:, 1] - every[:, 0]).T).sum()) if len(every) else 0.0,
        gap=_gap(pairs), box=_box(every), radii=tuple(float(r) for r in swings.radii),
        loose_swings=loose_swings, loose_arcs=sum(items[k].e.dxftype() == "ARC" for k in loose_idx))


def _clean(pieces: list[np.ndarray]) -> np.ndarray:
    """The pieces as one (n, 2, 2) array, without points that are not finite or zero lengths."""
    segs = np.vstack(pieces) if pieces else np.empty((0, 2, 2))
    segs = segs[np.all(np.isfinite(segs.reshape(-1, 4)), axis=1)]
    return segs[np.any(segs[:, 0] != segs[:, 1], axis=1)]


def _box(segs: np.ndarray) -> tuple[float, float, float, float] | None:
    """The box of the lines' ends, a stray line far away left out (0.5 and 99.5 percentiles)."""
    if not len(segs):
        return None
    pts = segs.reshape(-1, 2)
    lo, hi = np.percentile(pts, [0.5, 99.5], axis=0) if len(pts) > 400 else (pts.min(0), pts.max(0))
    return (float(lo[0]), float(lo[1]), float(hi[0]), float(hi[1]))


def _gap(segs: np.ndarray) -> float | None:
    """The median spacing of the layer's double lines (drawing units), None without them."""
    from .units import wall_thickness

    try:
        return wall_thickness(segs[:: max(1, len(segs) // 5000)].reshape(-1, 4))
    except Exception:  # noqa: BLE001 - a hint only
        return None
