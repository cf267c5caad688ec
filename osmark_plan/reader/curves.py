"""Door swings drawn without ARC entities, turned into ARCs so that the door readers see them.

Drawing habits: a swing as an LWPOLYLINE/POLYLINE with a bulge (often with its leaf in the same
polyline), as a SPLINE or circular ELLIPSE, or as a run of many short LINEs or polyline vertices
(exports that flatten curves). Each becomes virtual LINE and ARC entities with the same block
transform, layer and owner as the original. Only candidates are touched: everything on door
layers, and on other layers only open curves of a door's size and sweep that could be swings.
"""

from __future__ import annotations

import math
from collections import defaultdict

import numpy as np
from ezdxf.entities import Arc, Line

from .entities import Item, local_pieces

#: sweep (degrees) of a curve taken for a swing
SWEEP = (15.0, 181.0)
#: largest misfit of the points to the fitted circle, as a share of the radius
FIT = 0.02
#: fewest vertices of a flattened run fitted as an arc
MIN_RUN = 5


def _fit(pts: np.ndarray) -> tuple[np.ndarray, float] | None:
    """Least-squares circle (Kåsa) through 2D points: (centre, radius), None when not a circle."""
    if len(pts) < 3:
        return None
    x, y = pts[:, 0], pts[:, 1]
    a = np.column_stack([x, y, np.ones(len(x))])
    b = x * x + y * y
    try:
        sol, *_ = np.linalg.lstsq(a, b, rcond=None)
    except np.linalg.LinAlgError:
        return None
    cx, cy = sol[0] / 2, sol[1] / 2
    r2 = sol[2] + cx * cx + cy * cy
    if not r2 > 0:
        return None
    r = math.sqrt(r2)
    centre = np.array([cx, cy])
    if np.max(np.abs(np.hypot(x - cx, y - cy) - r)) > FIT * r:
        return None
    return centre, r


def arc_of_points(pts: np.ndarray) -> tuple[np.ndarray, float, float, float] | None:
    """(centre, radius, start°, end°) of a counter-clockwise ARC through ordered points, when
    they lie on a circle and sweep a swing's angle; None otherwise."""
    fit = _fit(pts[:, :2])
    if fit is None:
        return None
    centre, r = fit
    ang = np.unwrap(np.arctan2(pts[:, 1] - centre[1], pts[:, 0] - centre[0]))
    steps = np.diff(ang)
    if not (np.all(steps > -1e-9) or np.all(steps < 1e-9)):
        return None  # not monotonic: a wiggle, not an arc
    sweep = math.degrees(abs(ang[-1] - ang[0]))
    if not SWEEP[0] <= sweep <= SWEEP[1]:
        return None
    a0, a1 = (ang[0], ang[-1]) if ang[-1] > ang[0] else (ang[-1], ang[0])
    return centre, r, math.degrees(a0) % 360.0, math.degrees(a1) % 360.0


def _arc_item(it: Item, centre: np.ndarray, r: float, a0: float, a1: float, z: float = 0.0) -> Item:
    arc = Arc.new(dxfattribs={"center": (float(centre[0]), float(centre[1]), z), "radius": float(r),
                              "start_angle": a0, "end_angle": a1, "layer": it.layer})
    return Item(arc, it.m, it.layer, it.kind, it.handle, it.block, it.owner, it.M, it.sc)


def _line_item(it: Item, a: np.ndarray, b: np.ndarray) -> Item:
    line = Line.new(dxfattribs={"start": tuple(map(float, a)), "end": tuple(map(float, b)),
                                "layer": it.layer})
    return Item(line, it.m, it.layer, it.kind, it.handle, it.block, it.owner, it.M, it.sc)


def _runs(pts: np.ndarray) -> list[tuple[int, int]]:
    """Index ranges [i, j] of runs of short segments (a flattened curve) in a polyline: a segment
    longer than 3 × the median length ends a run (a leaf or a jamb)."""
    seg = np.hypot(*(np.diff(pts[:, :2], axis=0)).T)
    if len(seg) < MIN_RUN - 1:
        return []
    short = seg <= 3 * float(np.median(seg))
    runs, start = [], None
    for k, ok in enumerate(short.tolist() + [False]):
        if ok and start is None:
            start = k
        elif not ok and start is not None:
            if k - start >= MIN_RUN - 1:
                runs.append((start, k))
            start = None
    return runs


def _split(it: Item, pts: np.ndarray) -> list[Item] | None:
    """An open polyline of points as LINEs and fitted ARCs, None when no run is an arc."""
    out: list[Item] = []
    last = 0
    found = False
    for i, j in _runs(pts):
        arc = arc_of_points(pts[i:j + 1])
        if arc is None:
            continue
        found = True
        out.extend(_line_item(it, pts[k], pts[k + 1]) for k in range(last, i))
        out.append(_arc_item(it, *arc, z=float(pts[i, 2]) if pts.shape[1] > 2 else 0.0))
        last = j
    if not found:
        return None
    out.extend(_line_item(it, pts[k], pts[k + 1]) for k in range(last, len(pts) - 1))
    return out


def _swing_bulges(e: object) -> bool:
    """A short open polyline whose arc segments all turn a swing's angle (20°-120°)."""
    try:
        if e.dxftype() == "LWPOLYLINE":  # type: ignore[attr-defined]
            bulges = [float(b) for *_xy, _s, _e, b in e.get_points("xyseb")]  # type: ignore[attr-defined]
        else:
            bulges = [float(v.dxf.bulge) for v in e.vertices]  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001
        return False
    sweeps = [math.degrees(4 * math.atan(abs(b))) for b in bulges[:-1] if b]
    return len(bulges) <= 4 and bool(sweeps) and all(20.0 <= s <= 120.0 for s in sweeps)


def _explode_bulges(it: Item) -> list[Item] | None:
    """A polyline with arc segments as its LINEs and ARCs (virtual entities)."""
    try:
        subs = list(it.e.virtual_entities())  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001
        return None
    out = []
    for sub in subs:
        t = sub.dxftype()
        if t not in ("LINE", "ARC"):
            return None
        sub.dxf.layer = it.layer
        out.append(Item(sub, it.m, it.layer, it.kind, it.handle, it.block, it.owner, it.M, it.sc))
    return out


def _size(e: object) -> float:
    """A rough size of a curve entity in its own coordinates (for its flattening tolerance)."""
    try:
        t = e.dxftype()  # type: ignore[attr-defined]
        if t == "SPLINE":
            pts = np.array([tuple(p)[:2] for p in (e.control_points or e.fit_points)], dtype=float)  # type: ignore[attr-defined]
            return float(np.hypot(*np.ptp(pts, axis=0)))
        if t == "ELLIPSE":
            v = e.dxf.major_axis  # type: ignore[attr-defined]
            return float(2 * math.hypot(v.x, v.y))
    except Exception:  # noqa: BLE001
        pass
    return 0.0


def _curve(it: Item, door_layer: bool) -> list[Item] | None:
    """The replacement items of one entity, None to keep it as it is."""
    e = it.e
    t = e.dxftype()  # type: ignore[attr-defined]
    if t in ("LWPOLYLINE", "POLYLINE"):
        closed = bool(e.closed if t == "LWPOLYLINE" else e.is_closed)  # type: ignore[attr-defined]
        if closed and not door_layer:
            return None
        if t == "POLYLINE" and (e.is_polygon_mesh or e.is_poly_face_mesh):  # type: ignore[attr-defined]
            return None
        bulged = bool(e.has_arc) if t == "LWPOLYLINE" else any(  # type: ignore[attr-defined]
            v.dxf.bulge for v in e.vertices)  # type: ignore[attr-defined]
        if bulged:
            if not door_layer and not _swing_bulges(e):
                return None  # a rounded wall or outline, not a swing
            return _explode_bulges(it)
        if closed:
            return None
    elif t not in ("SPLINE", "ELLIPSE"):
        return None
    size = _size(e)
    if t in ("SPLINE", "ELLIPSE") and not size > 0:
        return None
    try:
        pieces = local_pieces(e, size * 0.002 if size > 0 else 1.0)
    except Exception:  # noqa: BLE001
        return None
    if len(pieces) != 1 or pieces[0][1] and t != "ELLIPSE":
        return None
    pts = pieces[0][0]
    if t in ("SPLINE", "ELLIPSE"):
        arc = arc_of_points(pts)
        return [_arc_item(it, *arc, z=float(pts[0, 2]))] if arc else None
    return _split(it, pts)


def _chains(items: list[Item], idx: list[int]) -> list[list[int]]:
    """Runs of plain LINE items of one block (or model space) joined end to end without
    branching, at least MIN_RUN - 1 long: (item ids, then -1, then each one's entry end)."""
    ends: dict[tuple[int, int, int], list[tuple[int, int]]] = defaultdict(list)
    lines: list[int] = []
    for i in idx:
        it = items[i]
        if it.e.dxftype() != "LINE":  # type: ignore[attr-defined]
            continue
        pts = (it.e.dxf.start, it.e.dxf.end)  # type: ignore[attr-defined]
        if not all(math.isfinite(v) and abs(v) < 1e15 for p in pts for v in (p.x, p.y)):
            continue  # absurd coordinates: left to the sanity check (DWG009), never a swing
        lines.append(i)
        for end, p in enumerate(pts):
            ends[(id(it.M), round(p.x * 1e4), round(p.y * 1e4))].append((i, end))
    nxt: dict[tuple[int, int], tuple[int, int]] = {}
    for members in ends.values():
        if len(members) == 2 and members[0][0] != members[1][0]:
            a, b = members
            nxt[a], nxt[b] = b, a
    seen: set[int] = set()
    chains = []
    for i in lines:
        if i in seen:
            continue
        cur, end, steps = i, 0, 0  # walk back to a chain end (or round a loop once)
        while (cur, end) in nxt and steps <= len(lines):
            cur, e2 = nxt[(cur, end)]
            end, steps = 1 - e2, steps + 1
            if cur == i:
                break
        chain: list[tuple[int, int]] = []
        at: tuple[int, int] | None = (cur, end)
        while at is not None and at[0] not in seen:
            seen.add(at[0])
            chain.append(at)
            at = nxt.get((at[0], 1 - at[1]))
        if len(chain) >= MIN_RUN - 1:
            chains.append([c for c, _e in chain] + [-1] + [e for _c, e in chain])
    return chains


def _chain_items(items: list[Item], chain: list[int]) -> tuple[list[int], np.ndarray]:
    half = chain.index(-1)
    ids, starts = chain[:half], chain[half + 1:]
    pts = []
    for i, e_in in zip(ids, starts):
        s, n = items[i].e.dxf.start, items[i].e.dxf.end  # type: ignore[attr-defined]
        a, b = (s, n) if e_in == 0 else (n, s)
        if not pts:
            pts.append((a.x, a.y, a.z))
        pts.append((b.x, b.y, b.z))
    return ids, np.array(pts, dtype=float)


def swings_from_curves(items: list[Item], door_idx: list[int],
                       other_idx: list[int]) -> tuple[list[Item], set[int]]:
    """Swings drawn as curves or short-segment runs, as ARC items.

    ``door_idx``: items on door layers (every curve is a candidate); ``other_idx``: wall-layer and
    block items (open curves only). Returns the new items to append and the indices of the
    items they replace."""
    new: list[Item] = []
    dropped: set[int] = set()
    door_set = set(door_idx)
    for i in list(door_idx) + list(other_idx):
        if i in dropped:
            continue
        repl = _curve(items[i], i in door_set)
        if repl:
            dropped.add(i)
            new.extend(repl)
    for chain in _chains(items, [i for i in door_idx if i not in dropped]):
        ids, pts = _chain_items(items, chain)
        repl = _split(items[ids[0]], pts)
        if repl:
            dropped.update(ids)
            new.extend(repl)
    return new, dropped


def replace_items(w, dropped: set[int], new: list[Item]):  # type: ignore[no-untyped-def]
    """The walk with the ``dropped`` items taken out and the ``new`` ones added (element item
    lists follow)."""
    if not dropped and not new:
        return w
    keep = [k for k in range(len(w.items)) if k not in dropped]
    index = {old: n for n, old in enumerate(keep)}
    w.items = [w.items[k] for k in keep] + list(new)
    for el in w.elems:
        el.items = [index[i] for i in el.items if i in index]
    for n in range(len(keep), len(w.items)):
        owner = w.items[n].owner
        if owner >= 0:
            w.elems[owner].items.append(n)
    return w
