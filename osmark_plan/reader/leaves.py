"""Arc-less door-layer geometry: sliding-door leaves and window glazing.

A sliding door is drawn as two leaves (lines or thin rectangles) of similar length side by side,
offset across the wall and overlapping a little: the two are one door whose chord spans both.
Pieces that only continue each other end to end are not merged (two doors in a row). Glazing is drawn as
two or three parallel lines of the same length and the same ends (a window in a layer that holds
doors and windows, such as A-OPENING or 建具): it closes the opening and is no passage.

Works in drawing units on groups of pieces (each group = touching pieces); STRtree pairing.
"""

from __future__ import annotations

import numpy as np
import shapely

#: parallel within this |sin| of the angle between the leaves
PARALLEL = 0.05
#: how far apart (share of the longer leaf) two leaves may lie across their direction
ACROSS = 0.25
#: how much (share of the longer leaf) two leaves must overlap along their direction
OVERLAP = 0.02
#: the shorter of two leaves is at least this share of the longer
SIMILAR = 0.5
#: glazing: every line overlaps the group's common extent by at least this share
SAME_SPAN = 0.9


def _axis(pts: np.ndarray) -> tuple[np.ndarray, np.ndarray, float] | None:
    """(centre, unit direction, length) of the long axis of a group's minimum rotated rectangle."""
    if len(pts) < 2:
        return None
    rect = shapely.minimum_rotated_rectangle(shapely.multipoints(pts))
    if rect.geom_type == "LineString":
        c = np.asarray(rect.coords)
        d = c[-1] - c[0]
        n = float(np.hypot(*d))
        return ((c[0] + c[-1]) / 2, d / n, n) if n > 0 else None
    if rect.geom_type != "Polygon" or rect.area <= 0:
        return None
    c = np.asarray(rect.exterior.coords)[:4]
    e1, e2 = c[1] - c[0], c[2] - c[1]
    long_edge = e1 if np.hypot(*e1) >= np.hypot(*e2) else e2
    n = float(np.hypot(*long_edge))
    return c.mean(axis=0), long_edge / n, n


def merge_leaves(groups: list[list[np.ndarray]]) -> list[list[int]]:
    """Which arc-less groups belong together (sliding leaves, glazing lines): lists of group
    indices, every group in exactly one list."""
    axes = [_axis(np.vstack(g)) if g else None for g in groups]
    ok = [k for k, a in enumerate(axes) if a is not None]
    parent = list(range(len(groups)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    if len(ok) >= 2:
        segs = np.array([[axes[k][0] - axes[k][1] * axes[k][2] / 2, axes[k][0] + axes[k][1] * axes[k][2] / 2]
                         for k in ok])
        lines = shapely.linestrings(segs)
        reach = ACROSS * float(np.median([axes[k][2] for k in ok]))
        i, j = shapely.STRtree(lines).query(lines, predicate="dwithin", distance=reach)
        for a, b in zip(i.tolist(), j.tolist()):
            if a >= b:
                continue
            ga, gb = ok[a], ok[b]
            (ca, ua, la), (cb, ub, lb) = axes[ga], axes[gb]  # type: ignore[misc]
            if abs(ua[0] * ub[1] - ua[1] * ub[0]) > PARALLEL:
                continue
            longer = max(la, lb)
            d = cb - ca
            across = abs(d[0] * ua[1] - d[1] * ua[0])
            along = abs(float(d @ ua))
            overlap = (la + lb) / 2 - along
            if across <= ACROSS * longer and overlap >= OVERLAP * longer and min(la, lb) >= SIMILAR * longer:
                parent[find(gb)] = find(ga)
    out: dict[int, list[int]] = {}
    for k in range(len(groups)):
        out.setdefault(find(k), []).append(k)
    return list(out.values())


def is_glazing(groups: list[list[np.ndarray]]) -> bool:
    """Two or more parallel groups spanning the same stretch: window glazing, not door leaves."""
    if len(groups) < 2:
        return False
    axes = [_axis(np.vstack(g)) for g in groups]
    if any(a is None for a in axes):
        return False
    c0, u, _l = axes[0]  # type: ignore[misc]
    spans = []
    for c, v, n in axes:  # type: ignore[misc]
        t = float((c - c0) @ u)
        spans.append((t - n / 2, t + n / 2))
    lo = max(s[0] for s in spans)
    hi = min(s[1] for s in spans)
    common = hi - lo
    return common > 0 and all(common >= SAME_SPAN * (s[1] - s[0]) for s in spans)
