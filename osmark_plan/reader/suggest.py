"""What each layer of a drawing holds, judged by content, for ``osmark layers --suggest-config``.

Reads every layer whatever it is mapped to: plain LINEs in parallel pairs a wall thickness
apart (double-line walls), door swings (quarter arcs with a leaf line), texts.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import shapely

from .entities import TEXT_TYPES, text_content, walk
from .load import load
from .sheet import SheetPlan, find_plans
from .swings import find_swings
from .text_kinds import is_room_like, is_tag

#: the gap (m) between the two lines of a double-line wall
WALL_PAIR = (0.04, 0.45)


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


def _paired(segs: np.ndarray, scale: float) -> int:
    """How many segments have a parallel partner 0.04–0.45 m away (vectorised)."""
    if len(segs) < 2:
        return 0
    segs = segs[:20000]
    geoms = shapely.linestrings(segs)
    tree = shapely.STRtree(geoms)
    i, j = tree.query(geoms, predicate="dwithin", distance=WALL_PAIR[1] / scale)
    keep = i < j
    i, j = i[keep], j[keep]
    if not len(i):
        return 0
    d = segs[:, 1] - segs[:, 0]
    n = np.hypot(d[:, 0], d[:, 1])
    u = np.divide(d, n[:, None], out=np.zeros_like(d), where=n[:, None] > 0)
    parallel = np.abs(u[i, 0] * u[j, 1] - u[i, 1] * u[j, 0]) < 0.02
    dist = shapely.distance(geoms[i], geoms[j])
    ok = parallel & (dist >= WALL_PAIR[0] / scale)
    return int(len(np.unique(np.r_[i[ok], j[ok]])))


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


def _contents(w, scale: float) -> dict[str, LayerContent]:  # type: ignore[no-untyped-def]
    from ..naming import decode_escapes

    by_layer: dict[str, list[int]] = defaultdict(list)
    for k, it in enumerate(w.items):
        by_layer[it.layer].append(k)
    out: dict[str, LayerContent] = {}
    for layer, idx in by_layer.items():
        segs, texts, arcs, roomish, tags = [], 0, 0, 0, 0
        for k in idx:
            e = w.items[k].e
            t = e.dxftype()  # type: ignore[attr-defined]
            if t in TEXT_TYPES:
                texts += 1
                content = text_content(e)
                roomish += is_room_like(content)
                tags += is_tag(content)
            elif t == "ARC":
                arcs += 1
            elif t == "LINE" and w.items[k].M is None:
                s, n = e.dxf.start, e.dxf.end  # type: ignore[attr-defined]
                if s.x != n.x or s.y != n.y:
                    segs.append(((s.x, s.y), (n.x, n.y)))
        swings = find_swings(w.items, idx)
        out[decode_escapes(layer)] = LayerContent(
            lines=len(segs), paired=_paired(np.asarray(segs, dtype=float).reshape(-1, 2, 2), scale),
            swings=len(swings.arcs), texts=texts, arcs=arcs, room_texts=roomish, tags=tags)
    return out
