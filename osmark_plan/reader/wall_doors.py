"""Door blocks inserted on wall layers. Many drawings keep door blocks on the wall layer; when
the block's name says door (DOOR, D1, SD-2, ドア, 扉, 建具, 引戸, 门 …) its entities are a door
element, read like a door INSERT (swing or sliding), not wall line work. Window blocks
(WIN, 窓, 窗, GLAZ) stay line work: a window closes a boundary."""

from __future__ import annotations

import re
import unicodedata

import numpy as np

from .entities import Elem, Walk, transform

DOOR_BLOCK = re.compile(r"(DOOR|ドア|扉|建具|引戸|引き戸|引違|開き戸|片開|両開|親子|门|門|SLIDING|"
                        r"^(?:S|F|A)?D[-_ ]?\d|^DR[-_ ]?\d)", re.IGNORECASE)
WINDOW_BLOCK = re.compile(r"(WIN|窓|窗|GLAZ|サッシ|GLASS)", re.IGNORECASE)


def _door_block(name: str) -> bool:
    norm = unicodedata.normalize("NFKC", name)
    return bool(DOOR_BLOCK.search(norm)) and not WINDOW_BLOCK.search(norm)


def promote_door_blocks(w: Walk, kinds: tuple[str, ...] = ("wall", "partition")) -> int:
    """Turn the wall-layer entities of door blocks into door elements; returns how many."""
    groups: dict[tuple[str | None, str, int], list[int]] = {}
    verdict: dict[str, bool] = {}
    for i, it in enumerate(w.items):
        if it.kind not in kinds or it.owner >= 0 or not it.block:
            continue
        ok = verdict.get(it.block)
        if ok is None:
            ok = verdict[it.block] = _door_block(it.block)
        if ok:
            groups.setdefault((it.handle, it.block, id(it.M)), []).append(i)
    for (handle, block, _m), idx in groups.items():
        first = w.items[idx[0]]
        try:
            xy = transform(np.zeros((1, 2)), first.M)[0]
            at = (float(xy[0]), float(xy[1]))
        except Exception:  # noqa: BLE001
            at = (0.0, 0.0)
        w.elems.append(Elem(None, first.m, first.layer, "door", handle, block, {}, at, list(idx)))
        for i in idx:
            w.items[i].kind = "door"
            w.items[i].owner = len(w.elems) - 1
    return len(groups)
