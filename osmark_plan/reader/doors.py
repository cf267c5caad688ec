"""Doors: threshold chords from door blocks and from loose lines and arcs on door layers.

Works in drawing units (before the unit is known, since door sizes help choose it).

* swing door: hinge = arc centre; the chord runs from the hinge to the arc end point that the
  leaf line does not touch (fallback: the arc's start point);
* double door: two arcs with distinct centres; the chord joins the two hinges;
* no arc (sliding doors, plain rectangles): the long axis of the minimum rotated rectangle of
  the geometry, through its centre, as long as its long side; loose leaves side by side are one
  sliding door, and parallel lines of one span are window glazing (style "window").
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import shapely

from .entities import Elem, Item, arc_data, np_matrix, transform, world_pieces
from .leaves import is_glazing, merge_leaves

Arc = tuple[np.ndarray, np.ndarray, np.ndarray, float]


@dataclass
class DoorDraft:
    """A door in drawing units, before names and locks are attached."""

    chord: np.ndarray  # (2, 2)
    style: str
    pieces: list[np.ndarray]
    layer: str
    handle: str | None
    block: str | None
    has_arc: bool
    attribs: dict[str, str] = field(default_factory=dict)
    loose: bool = False

    @property
    def width(self) -> float:
        return float(np.hypot(*(self.chord[1] - self.chord[0])))


def _point_to_pieces(p: np.ndarray, pieces: list[np.ndarray]) -> float:
    """Distance from a point to the nearest segment of some polylines."""
    best = np.inf
    for pts in pieces:
        if len(pts) < 2:
            continue
        a, b = pts[:-1], pts[1:]
        ab = b - a
        den = np.einsum("ij,ij->i", ab, ab)
        t = np.where(den > 0, np.einsum("ij,ij->i", p - a, ab) / np.where(den > 0, den, 1), 0)
        t = np.clip(t, 0, 1)
        d = np.hypot(*(a + ab * t[:, None] - p).T)
        best = min(best, float(d.min()))
    return best


def _is_leaf(hinge: np.ndarray, end: np.ndarray, leaves: list[np.ndarray], tol: float) -> bool:
    """Some piece runs from the hinge to this arc end (a leaf line or leaf rectangle)."""
    return any(_point_to_pieces(hinge, [p]) <= tol and _point_to_pieces(end, [p]) <= tol for p in leaves)


def _joined(arcs: list[Arc]) -> list[Arc]:
    """Arcs drawn in pieces (a swing exported as three 30° splines) joined into one: pieces with
    the same centre and radius whose ends meet become one arc from the first free end to the
    last. Without this, one 30° piece would stand for the swing and the threshold would run to
    the middle of the swing."""
    out: list[Arc] = []
    used = [False] * len(arcs)
    for i, a in enumerate(arcs):
        if used[i]:
            continue
        group = [a]
        used[i] = True
        tol = 0.05 * a[3]
        for j in range(i + 1, len(arcs)):
            b = arcs[j]
            if not used[j] and np.hypot(*(a[0] - b[0])) <= tol and abs(a[3] - b[3]) <= tol:
                group.append(b)
                used[j] = True
        if len(group) == 1:
            out.append(a)
            continue
        ends = np.array([p for g in group for p in (g[1], g[2])])
        d = np.hypot(*(ends[:, None, :] - ends[None, :, :]).transpose(2, 0, 1))
        np.fill_diagonal(d, np.inf)
        free = np.flatnonzero(d.min(axis=1) > tol)
        if len(free) != 2:  # not a simple chain: the two ends farthest apart
            np.fill_diagonal(d, 0)
            free = np.array(np.unravel_index(int(np.argmax(d)), d.shape))
        out.append((a[0], ends[free[0]], ends[free[1]], max(g[3] for g in group)))
    return out


def _hinges(arcs: list[Arc]) -> list[Arc]:
    """Arcs with distinct centres, largest radius first (pieces of one swing joined first)."""
    out: list[Arc] = []
    for a in sorted(_joined(arcs), key=lambda a: -a[3]):
        if all(np.hypot(*(a[0] - h[0])) > 0.05 * max(a[3], h[3]) for h in out):
            out.append(a)
    return out


def _rect_chord(pieces: list[np.ndarray]) -> np.ndarray | None:
    pts = np.vstack(pieces) if pieces else np.empty((0, 2))
    if len(pts) < 2:
        return None
    rect = shapely.minimum_rotated_rectangle(shapely.multipoints(pts))
    if rect.geom_type == "LineString":
        c = np.asarray(rect.coords)
        return c[[0, -1]] if np.hypot(*(c[-1] - c[0])) > 0 else None
    if rect.geom_type != "Polygon" or rect.area <= 0:
        return None
    c = np.asarray(rect.exterior.coords)[:4]
    e1, e2 = c[1] - c[0], c[2] - c[1]
    centre = c.mean(axis=0)
    long_edge = e1 if np.hypot(*e1) >= np.hypot(*e2) else e2
    return np.array([centre - long_edge / 2, centre + long_edge / 2])


def chord_of(arcs: list[Arc], leaves: list[np.ndarray],
             everything: list[np.ndarray]) -> tuple[np.ndarray, str] | None:
    """The threshold chord and the door style from arcs and the other pieces."""
    hinges = _hinges(arcs)
    if len(hinges) >= 2:
        a, b = hinges[0], hinges[1]
        return np.array([a[0], b[0]]), "double"
    if hinges:
        c, s, e, r = hinges[0]
        tol = 0.05 * r
        # the leaf runs from the hinge to one arc end; jambs or frames touch an end only
        ls, le = _is_leaf(c, s, leaves, tol), _is_leaf(c, e, leaves, tol)
        if ls != le:
            return np.array([c, e if ls else s]), "swing"
        ds, de = _point_to_pieces(s, leaves), _point_to_pieces(e, leaves)
        far = e if (ds <= tol < de) else s
        return np.array([c, far]), "swing"
    chord = _rect_chord(everything)
    return (chord, "sliding") if chord is not None else None


def _split(pieces: list[tuple[np.ndarray, bool, bool]]) -> tuple[list[np.ndarray], list[np.ndarray]]:
    leaves = [p for p, _closed, is_arc in pieces if not is_arc]
    return leaves, [p for p, _c, _a in pieces]


@dataclass
class BlockDoor:
    """A door block's chord and pieces in block coordinates, worked out once per block."""

    chord: np.ndarray
    style: str
    pieces: list[np.ndarray]
    has_arc: bool


def _to_block(points: np.ndarray, inverse: np.ndarray) -> np.ndarray:
    return transform(points, inverse)


def element_door(elem: Elem, items: list[Item], tol: float,
                 cache: dict[str, BlockDoor | None] | None = None) -> DoorDraft | None:
    """One door from a door INSERT (None when its block has no usable geometry).

    With ``cache``, a block's door is worked out once, in block coordinates, and each
    further INSERT of it only transforms the result (doors are few blocks, many inserts).
    """
    M = np_matrix(elem.m)
    key = elem.block
    if cache is not None and key in cache and M is not None and np.allclose(M[2, :2], 0):
        local = cache[key]
        if local is None:
            return None
        return DoorDraft(transform(local.chord, M), local.style, [transform(p, M) for p in local.pieces],
                         elem.layer, elem.handle, elem.block, local.has_arc, dict(elem.attribs))
    arcs: list[Arc] = []
    pieces: list[tuple[np.ndarray, bool, bool]] = []
    for i in elem.items:
        it = items[i]
        t = it.e.dxftype()  # type: ignore[attr-defined]
        if t not in ("LINE", "ARC", "LWPOLYLINE", "POLYLINE", "CIRCLE", "ELLIPSE", "SPLINE",
                     "SOLID", "TRACE", "HATCH", "3DFACE"):
            continue
        if t == "ARC":
            a = arc_data(it)
            if a:
                arcs.append(a)
        for p, closed in world_pieces(it, tol):
            pieces.append((p, closed, t == "ARC"))
    leaves, everything = _split(pieces)
    found = None if _door_set(arcs) else chord_of(arcs, leaves, everything)  # see element_doors()
    planar = M is not None and np.allclose(M[2, :2], 0) and np.allclose(M[:2, 2], 0)
    if cache is not None and planar and abs(np.linalg.det(M[:2, :2])) > 1e-12:
        inverse = np.linalg.inv(M)
        cache[key] = None if found is None else BlockDoor(
            _to_block(found[0], inverse), found[1], [_to_block(p, inverse) for p in everything], bool(arcs))
    if found is None:
        return None
    chord, style = found
    return DoorDraft(chord, style, everything, elem.layer, elem.handle, elem.block,
                     bool(arcs), dict(elem.attribs))


def _door_set(arcs: list[Arc]) -> bool:
    """The swings of a block lie too far apart to be one (single or double) door."""
    hinges = _hinges(arcs)
    if len(hinges) < 2:
        return False
    centres = np.array([h[0][:2] for h in hinges])
    spread = float(np.max(np.hypot(*(centres[:, None, :] - centres[None, :, :]).T)))
    return spread > 2.2 * max(h[3] for h in hinges)


def element_doors(elem: Elem, items: list[Item], tol: float,
                  cache: dict[str, BlockDoor | None] | None = None) -> list[DoorDraft]:
    """The doors of a door INSERT: usually one; a block that groups several door blocks (a
    "door set" whose swings lie far apart) gives one door per swing, grouped like loose ones."""
    draft = element_door(elem, items, tol, cache)
    if draft is not None:
        return [draft]
    arcs = [a for i in elem.items if items[i].e.dxftype() == "ARC"  # type: ignore[attr-defined]
            for a in [arc_data(items[i])] if a]
    if not _door_set(arcs):
        return []
    doors = loose_doors(items, list(elem.items), tol, touch=tol * 0.5)
    return [DoorDraft(d.chord, d.style, d.pieces, elem.layer, elem.handle, elem.block, d.has_arc)
            for d in doors]


def loose_doors(items: list[Item], idx: list[int], tol: float, touch: float) -> list[DoorDraft]:
    """Doors from loose door-layer geometry: touching pieces grouped, one door per hinge
    (or per hinge pair for double doors, or per arc-less group)."""
    geoms, owners, arcs_of, pts_of = [], [], {}, []
    for i in idx:
        it = items[i]
        t = it.e.dxftype()  # type: ignore[attr-defined]
        if t in ("TEXT", "MTEXT"):
            continue
        if t == "ARC":
            a = arc_data(it)
            if a:
                arcs_of[len(geoms)] = a
        for p, _closed in world_pieces(it, tol):
            pts_of.append(p)
            geoms.append(shapely.linestrings(p) if len(p) >= 2 else shapely.points(p[0]))
            owners.append(i)
    if not geoms:
        return []
    garr = np.array(geoms, dtype=object)
    tree = shapely.STRtree(garr)
    pairs = tree.query(garr, predicate="dwithin", distance=touch)
    comp = _components(len(geoms), pairs)
    out: list[DoorDraft] = []
    plain = [members for members in comp if not any(k in arcs_of for k in members)]
    for together in merge_leaves([[pts_of[k] for k in members] for members in plain]):
        groups = [plain[g] for g in together]
        members = [k for g in groups for k in g]
        first = items[owners[members[0]]]
        glazing = is_glazing([[pts_of[k] for k in g] for g in groups])
        chord = _rect_chord([pts_of[k] for k in members])
        if chord is not None:
            out.append(DoorDraft(chord, "window" if glazing else "sliding", [pts_of[k] for k in members],
                                 first.layer, first.handle, first.block, False, loose=True))
    for members in comp:
        arcs = [(k, arcs_of[k]) for k in members if k in arcs_of]
        first = items[owners[members[0]]]
        if not arcs:
            continue
        hinges = _hinges([a for _k, a in arcs])
        used: set[int] = set()
        groups: list[list[tuple[np.ndarray, np.ndarray, np.ndarray, float]]] = []
        for h_i, h in enumerate(hinges):
            if h_i in used:
                continue
            used.add(h_i)
            mate = None
            for h_j in range(h_i + 1, len(hinges)):
                g = hinges[h_j]
                d = float(np.hypot(*(h[0] - g[0])))
                if h_j not in used and 0.8 * (h[3] + g[3]) <= d <= 1.2 * (h[3] + g[3]):
                    mate = h_j
                    break
            if mate is not None:
                used.add(mate)
                groups.append([h, hinges[mate]])
            else:
                groups.append([h])
        for group in groups:
            centres = np.array([g[0] for g in group])
            reach = max(g[3] for g in group) * 1.05
            mine = [k for k in members if _near(pts_of[k], centres, reach)]
            arc_keys = [k for k in mine if k in arcs_of]
            leaves = [pts_of[k] for k in mine if k not in arcs_of]
            found = chord_of(list(group), leaves, [pts_of[k] for k in mine])
            if found is None:
                continue
            chord, style = found
            src = items[owners[arc_keys[0]]] if arc_keys else first
            out.append(DoorDraft(chord, style, [pts_of[k] for k in mine] or [], src.layer,
                                 src.handle, src.block, True, loose=True))
    return out


def _near(pts: np.ndarray, centres: np.ndarray, reach: float) -> bool:
    """True when every point is within reach of some centre."""
    d = np.linalg.norm(pts[:, None, :] - centres[None, :, :], axis=2).min(axis=1)
    return bool(np.all(d <= reach))


def _components(n: int, pairs: np.ndarray) -> list[list[int]]:
    """Connected components (union-find) of n nodes joined by index pairs (2, m)."""
    parent = np.arange(n)

    def find(x: int) -> int:
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return int(root)

    for a, b in zip(pairs[0].tolist(), pairs[1].tolist()):
        if a != b:
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(find(i), []).append(i)
    return list(groups.values())
