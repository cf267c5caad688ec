"""Labels (TEXT / MTEXT) and their spatial assignment to polygons, vectorised."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely

from ..model import Label, Source
from ..naming import decode_escapes, name_text  # noqa: F401  (name_text re-exported)
from .entities import Item, note_absurd, sane_rows, text_content, text_point, transform


@dataclass
class LabelSet:
    """All labels with parallel arrays for spatial queries (metres)."""

    labels: list[Label]
    xy: np.ndarray
    kinds: np.ndarray
    points: np.ndarray  # shapely Points

    @classmethod
    def build(cls, items: list[Item], idx: list[int], scale: float) -> "LabelSet":
        texts, xy, kinds, srcs, heights, lines = [], [], [], [], [], []
        for i in idx:
            it = items[i]
            text = text_content(it.e)
            if not text:
                continue
            try:
                p = np.array([text_point(it.e)], dtype=float)
            except Exception:  # noqa: BLE001
                continue
            w = transform(p, it.M)[0]
            if not sane_rows(w[None, :]).all():
                note_absurd(it, "entity")
                continue
            w = w * scale
            texts.append(text)
            xy.append(w)
            kinds.append(it.kind)
            srcs.append(Source(decode_escapes(it.layer), it.handle, it.block))
            heights.append(text_height(it.e) * it.sc * scale)
            lines.append(text_lines(it.e))
        arr = np.array(xy, dtype=float).reshape(-1, 2)
        pts = shapely.points(arr) if len(arr) else np.empty(0, dtype=object)
        labels = [Label(t, pt, k, s, h, ln) for t, pt, k, s, h, ln in zip(texts, pts, kinds, srcs, heights, lines)]
        return cls(labels, arr, np.array(kinds, dtype=object), np.asarray(pts, dtype=object))


def text_height(e: object) -> float:
    """Height of a TEXT or the character height of an MTEXT, in drawing units (0 when unknown)."""
    try:
        name = "char_height" if e.dxftype() == "MTEXT" else "height"  # type: ignore[attr-defined]
        return abs(float(e.dxf.get(name, 0.0) or 0.0))  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001
        return 0.0


def text_lines(e: object) -> tuple[str, ...]:
    """The lines of an MTEXT of several lines (formatting stripped); empty for one line."""
    try:
        if e.dxftype() != "MTEXT":  # type: ignore[attr-defined]
            return ()
        parts = [" ".join(decode_escapes(str(s)).split()) for s in e.plain_text(split=True)]  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001
        return ()
    parts = [p for p in parts if p]
    return tuple(parts) if len(parts) > 1 else ()


def smallest_containing(points: np.ndarray, polys: list) -> np.ndarray:
    """For each point, the index of the smallest polygon containing it, or -1."""
    out = np.full(len(points), -1, dtype=int)
    if not len(points) or not polys:
        return out
    parr = np.asarray(polys, dtype=object)
    tree = shapely.STRtree(parr)
    pi, gi = tree.query(points, predicate="within")
    if not len(pi):
        return out
    areas = shapely.area(parr)[gi]
    order = np.lexsort((areas, pi))
    pi, gi = pi[order], gi[order]
    first = np.r_[True, pi[1:] != pi[:-1]]
    out[pi[first]] = gi[first]
    return out


def near_pairs(points: np.ndarray, geoms: list, distance: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(point index, geometry index, distance) of all point-geometry pairs within distance."""
    if not len(points) or not geoms:
        e = np.empty(0, dtype=int)
        return e, e, np.empty(0)
    garr = np.asarray(geoms, dtype=object)
    tree = shapely.STRtree(garr)
    pi, gi = tree.query(points, predicate="dwithin", distance=distance)
    d = shapely.distance(points[pi], garr[gi]) if len(pi) else np.empty(0)
    return pi, gi, d
