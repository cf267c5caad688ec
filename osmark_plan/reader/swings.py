"""Door swings drawn on wall layers: an ARC of about a quarter turn with a leaf LINE hinged at
its centre. Many drawings keep doors on the wall layer (or everything on one layer); these
pieces are doors, not walls, so they are taken out of the wall line work and grouped into doors.

Works in drawing units, before the unit is known: the swing radii help choose it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely

from .entities import Item, arc_data, sane_rows, transform

#: the sweep of a door swing, degrees (down to 20°: doors drawn partly open)
SWEEP = (20.0, 120.0)
#: how close (fraction of the radius) a leaf end must be to the hinge and to an arc end
NEAR = 0.06


@dataclass(frozen=True)
class Swings:
    """Swing arcs with their leaf lines, in drawing units."""

    arcs: tuple[int, ...] = ()
    #: the leaf line items of each arc
    leaves: tuple[tuple[int, ...], ...] = ()
    radii: tuple[float, ...] = ()

    def keep(self, lo: float, hi: float, scale: float) -> "Swings":
        """Only the swings whose radius in metres lies in [lo, hi]."""
        ok = [k for k, r in enumerate(self.radii) if lo <= r * scale <= hi]
        return Swings(tuple(self.arcs[k] for k in ok), tuple(self.leaves[k] for k in ok),
                      tuple(self.radii[k] for k in ok))

    def items(self) -> list[int]:
        """All item indices: arcs and leaves."""
        return list(self.arcs) + [i for group in self.leaves for i in group]


def _sweep(item: Item) -> float | None:
    e = item.e
    try:
        a0, a1 = float(e.dxf.start_angle), float(e.dxf.end_angle)  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001
        return None
    return (a1 - a0) % 360.0 or 360.0


def _line_ends(items: list[Item], idx: list[int]) -> tuple[list[int], np.ndarray]:
    """Plain LINE items and their end points (n, 2, 2) in world drawing units."""
    keep, ends = [], []
    for i in idx:
        it = items[i]
        if it.e.dxftype() != "LINE":  # type: ignore[attr-defined]
            continue
        s, n = it.e.dxf.start, it.e.dxf.end  # type: ignore[attr-defined]
        pts = np.array([[s.x, s.y, s.z], [n.x, n.y, n.z]], dtype=float)
        keep.append(i)
        ends.append(transform(pts, it.M)[:, :2] if it.M is not None else pts[:, :2])
    arr = np.asarray(ends, dtype=float).reshape(-1, 2, 2)
    ok = sane_rows(arr.reshape(-1, 4))
    return [k for k, good in zip(keep, ok) if good], arr[ok]


def find_swings(items: list[Item], idx: list[int]) -> Swings:
    """Quarter-turn arcs among the items whose leaf line (hinge at the arc centre, free end at
    one arc end) is among the items too."""
    arcs = []
    for i in idx:
        it = items[i]
        if it.e.dxftype() != "ARC":  # type: ignore[attr-defined]
            continue
        sweep = _sweep(it)
        if sweep is None or not SWEEP[0] <= sweep <= SWEEP[1]:
            continue
        data = arc_data(it)
        if data is not None:
            arcs.append((i, data))
    if not arcs:
        return Swings()
    line_idx, ends = _line_ends(items, idx)
    if not line_idx:
        return Swings()
    centres = np.array([d[0][:2] for _i, d in arcs])
    radii = np.array([d[3] for _i, d in arcs])
    a_ends = np.array([[d[1][:2], d[2][:2]] for _i, d in arcs])  # (m, 2, 2)
    pts = shapely.points(ends.reshape(-1, 2))
    tree = shapely.STRtree(pts)
    ai, pi = tree.query(shapely.points(centres), predicate="dwithin", distance=NEAR * radii)
    leaf_map: dict[int, list[int]] = {}
    for a, p in zip(ai.tolist(), pi.tolist()):
        line, end = divmod(p, 2)
        other = ends[line, 1 - end]
        r = radii[a]
        length = float(np.hypot(*(other - ends[line, end])))
        if abs(length - r) > 2 * NEAR * r:
            continue
        if min(np.hypot(*(other - a_ends[a, 0])), np.hypot(*(other - a_ends[a, 1]))) <= NEAR * r:
            leaf_map.setdefault(a, []).append(line_idx[line])
    found = sorted(leaf_map)
    return Swings(tuple(arcs[a][0] for a in found), tuple(tuple(leaf_map[a]) for a in found),
                  tuple(float(radii[a]) for a in found))
