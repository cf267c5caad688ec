"""Walking model space: every entity with its world transform, effective layer and owner.

INSERTs are followed recursively (nested, rotated, scaled, mirrored, MINSERT) by composing
``Insert.matrix44()``; entities inside a block on layer ``0`` take the INSERT's layer. An INSERT
on a door, cabinet, device, asset or zone layer becomes an *element* that owns the entities of
its block. The visible ATTRIBs of other INSERTs on a mapped layer (a room-name block's name and
number) are texts like the TEXTs inside a block. Coordinates stay in drawing units here; :func:`flatten` turns an item into point
arrays in world coordinates.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

import numpy as np
from ezdxf import path as ezpath
from ezdxf.document import Drawing
from ezdxf.math import Matrix44

from ..limits import LIMIT_DEFAULTS, Limits, check_time
from ..naming import decode_escapes
from .limit_errors import too_deep, too_many_cells, too_many_entities

#: entity types that give line work
LINEWORK_TYPES = frozenset({
    "LINE", "ARC", "CIRCLE", "ELLIPSE", "LWPOLYLINE", "POLYLINE", "SPLINE", "HATCH",
    "MPOLYGON", "SOLID", "TRACE", "3DFACE", "MLINE", "HELIX",
})
TEXT_TYPES = frozenset({"TEXT", "MTEXT", "ATTRIB"})
#: types that are fine to skip without counting them as unreadable
HARMLESS_TYPES = frozenset({
    "INSERT", "ATTRIB", "ATTDEF", "POINT", "DIMENSION", "ARC_DIMENSION", "LEADER",
    "MULTILEADER", "MLEADER", "VIEWPORT", "IMAGE", "WIPEOUT", "XLINE", "RAY", "OLE2FRAME",
    "TOLERANCE", "SHAPE", "ACAD_TABLE", "UNDERLAY", "PDFUNDERLAY", "DWFUNDERLAY",
    "DGNUNDERLAY", "SEQEND", "VERTEX", "LIGHT", "SUN", "POLYMESH", "POLYFACE",
})
#: layer kinds whose INSERTs are one element each
ELEMENT_KINDS = frozenset({"door", "cabinet", "device", "asset", "zone", "window"})
MAX_DEPTH = 24


@dataclass(slots=True)
class Item:
    """One primitive entity as found, with its block-to-world matrix (None: identity)."""

    e: object
    m: Matrix44 | None
    layer: str
    kind: str
    handle: str | None
    block: str | None
    owner: int = -1
    #: numpy form of m and its mean linear scale (computed once per INSERT)
    M: np.ndarray | None = None
    sc: float = 1.0


@dataclass(slots=True)
class Elem:
    """An INSERT on an element layer (door, cabinet, device, asset, zone)."""

    e: object
    m: Matrix44
    layer: str
    kind: str
    handle: str | None
    block: str
    attribs: dict[str, str]
    #: the insertion point in world coordinates (drawing units)
    at: tuple[float, float] = (0.0, 0.0)
    items: list[int] = field(default_factory=list)


@dataclass
class Walk:
    """Everything found in model space."""

    items: list[Item] = field(default_factory=list)
    elems: list[Elem] = field(default_factory=list)
    #: raw layer name -> Counter of entity types (after block explosion)
    types: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    #: raw layer name -> count of unreadable entities
    unreadable: Counter = field(default_factory=Counter)
    missing_blocks: list[tuple[str, str, str | None]] = field(default_factory=list)
    #: INSERTs of a block inside itself (name, layer, handle): not followed, reported
    cycles: list[tuple[str, str, str | None]] = field(default_factory=list)
    #: entities visited, INSERTs and what they expand to included
    count: int = 0


def layer_of(e: object) -> str:
    try:
        return str(e.dxf.layer)  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001
        return "0"


def walk(doc: Drawing, kind_of: Callable[[str], str], limits: Limits | None = None,
         path: str = "") -> Walk:
    """Collect items and elements from model space.

    Raises the reader's ``LimitExceeded`` when the drawing grows beyond ``limits`` (entities
    after block expansion, block nesting, MINSERT cells); a block inserted inside itself is not
    followed and is listed in ``cycles``.
    """
    out = Walk()
    blocks = doc.blocks
    block_of: dict[str, object] = {}  # name -> block layout or None (ezdxf's lookup folds case each time)
    limits = limits or Limits()
    max_entities = limits.entities

    def visit(entities: Iterable[object], m: Matrix44 | None, inherit: str | None,
              top: str | None, block: str | None, owner: int, chain: tuple[str, ...]) -> None:
        M = np_matrix(m)
        sc = matrix_scale(M)
        for e in entities:
            try:
                t = e.dxftype()  # type: ignore[attr-defined]
            except Exception:  # noqa: BLE001
                continue
            out.count += 1
            if out.count > max_entities:
                raise too_many_entities(path, out.count, max_entities)
            if not out.count & 0xFFF:
                check_time()
            layer = layer_of(e)
            if inherit is not None and layer == "0":
                layer = inherit
            kind = kind_of(layer)
            out.types[layer][t] += 1
            handle = top or getattr(e.dxf, "handle", None)  # type: ignore[attr-defined]
            if t == "INSERT":
                if owner < 0 and kind not in ELEMENT_KINDS:
                    out.items.extend(attrib_items(e, m, M, sc, layer, kind_of, handle))
                _visit_insert(e, m, layer, kind, handle, owner, chain)
            elif t in LINEWORK_TYPES or t in TEXT_TYPES:
                item = Item(e, m, layer, kind, handle, block, owner, M, sc)
                if owner >= 0:
                    out.elems[owner].items.append(len(out.items))
                out.items.append(item)
            elif t not in HARMLESS_TYPES and kind != "ignored":
                out.unreadable[layer] += 1

    def _visit_insert(e, m, layer, kind, handle, owner, chain):  # type: ignore[no-untyped-def]
        name = str(e.dxf.name)
        if name in chain:
            out.cycles.append((name, layer, handle))
            return
        if len(chain) >= limits.block_depth:
            raise too_deep(path, decode_escapes(name), limits.block_depth)
        try:
            cells = int(e.mcount)
        except Exception:  # noqa: BLE001
            cells = 1
        if cells > limits.minsert_cells:
            raise too_many_cells(path, decode_escapes(name), cells, limits.minsert_cells)
        inserts = _cells(e) if cells > 1 else (e,)
        blk = block_of[name] if name in block_of else block_of.setdefault(name, blocks.get(name))
        for ins in inserts:
            try:
                mi = ins.matrix44()
            except Exception:  # noqa: BLE001
                continue
            if m is not None:
                mi = mi * m
            if not sane_matrix(mi):  # an absurd insertion point or scale
                note_absurd(Item(ins, None, layer, kind, handle, block=None), "entity")
                continue
            sub_owner = owner
            if kind in ELEMENT_KINDS and (owner < 0 or out.elems[owner].kind != kind):
                attribs = {}
                for a in getattr(ins, "attribs", []):
                    try:
                        attribs[str(a.dxf.tag).strip().upper()] = decode_escapes(str(a.dxf.text))
                    except Exception:  # noqa: BLE001
                        pass
                try:
                    p = ins.ocs().to_wcs(ins.dxf.insert)
                    xy = transform(np.array([[p.x, p.y, p.z]]), m)[0]
                    at = (float(xy[0]), float(xy[1]))
                except Exception:  # noqa: BLE001
                    at = (0.0, 0.0)
                out.elems.append(Elem(ins, mi, layer, kind, handle, decode_escapes(name),
                                      attribs, at))
                sub_owner = len(out.elems) - 1
            if blk is None:
                out.missing_blocks.append((name, layer, handle))
                continue
            if getattr(blk.block, "is_xref", False):
                continue
            visit(blk, mi, layer, handle, decode_escapes(name), sub_owner, chain + (name,))

    visit(doc.modelspace(), None, None, None, None, -1, ())
    return out


def attrib_items(e: object, m: Matrix44 | None, M: np.ndarray | None, sc: float, layer: str,
                 kind_of: Callable[[str], str], handle: str | None) -> list[Item]:
    """The visible ATTRIBs of an INSERT (not a MINSERT array) as text items, on their own layer
    when it is mapped, else on the INSERT's; none on an ignored or element layer."""
    try:
        if int(getattr(e, "mcount", 1)) > 1:
            return []
        attribs = list(getattr(e, "attribs", ()))
        if not attribs:
            return []
        block = decode_escapes(str(e.dxf.name))  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001
        return []
    out = []
    for a in attribs:
        try:
            if a.is_invisible or not str(a.dxf.text).strip():
                continue
            own = layer_of(a)
        except Exception:  # noqa: BLE001
            continue
        at = own if own != "0" and kind_of(own) != "ignored" else layer
        kind = kind_of(at)
        if kind != "ignored" and kind not in ELEMENT_KINDS:
            out.append(Item(a, m, at, kind, handle, block, -1, M, sc))
    return out


def _cells(e: object) -> Iterable[object]:
    """The virtual INSERTs of a MINSERT array, one at a time (never the whole list)."""
    given = 0
    try:
        for ins in e.multi_insert():  # type: ignore[attr-defined]
            given += 1
            yield ins
    except Exception:  # noqa: BLE001 - a broken array: its first cell as drawn
        if not given:
            yield e


# --- absurd coordinates ---------------------------------------------------------------------

#: (bound, found) while a drawing is read: coordinates beyond ``bound`` (drawing units) or not
#: finite are left out, and each (layer, handle, "vertex" | "entity") is noted in ``found``
_SANITY: ContextVar[tuple[float, list[tuple[str, str | None, str]]] | None] = ContextVar(
    "osmark_coordinate_check", default=None)


class _Absurd(Exception):
    """An entity whose coordinates are not finite or beyond the bound."""


@contextmanager
def coordinate_check(bound: float) -> Iterator[list[tuple[str, str | None, str]]]:
    """Collect what :func:`world_pieces` and friends leave out for absurd coordinates."""
    found: list[tuple[str, str | None, str]] = []
    token = _SANITY.set((bound, found))
    try:
        yield found
    finally:
        _SANITY.reset(token)


def coordinate_bound() -> float:
    """The coordinate bound (drawing units) of the drawing being read."""
    state = _SANITY.get()
    return state[0] if state else LIMIT_DEFAULTS["coordinate"]


def note_absurd(item: "Item | Elem", what: str) -> None:
    """Record an entity (or a vertex of it) left out for absurd coordinates."""
    state = _SANITY.get()
    if state is not None:
        state[1].append((item.layer, item.handle, what))


def sane_rows(pts: np.ndarray, bound: float | None = None) -> np.ndarray:
    """Rows of ``pts`` that are finite and within the bound (a boolean mask)."""
    bound = coordinate_bound() if bound is None else bound
    finite = np.isfinite(pts)
    if finite.all():  # the usual case, without the cost of an errstate context
        return (np.abs(pts) <= bound).all(axis=1)
    with np.errstate(invalid="ignore"):
        return finite.all(axis=1) & (np.abs(pts) <= bound).all(axis=1)


def sane_matrix(m: Matrix44) -> bool:
    """All 16 entries of a block-to-world matrix finite and within the coordinate bound."""
    bound = coordinate_bound()
    return all(math.isfinite(v) and abs(v) <= bound for v in m)


# --- geometry ---------------------------------------------------------------------------------

def np_matrix(m: Matrix44 | None) -> np.ndarray | None:
    return None if m is None else np.array(list(m), dtype=float).reshape(4, 4)


def transform(pts: np.ndarray, m: Matrix44 | np.ndarray | None) -> np.ndarray:
    """World xy of (n, 2) or (n, 3) block points (m: Matrix44 or its numpy 4x4 form)."""
    if m is None:
        return pts[:, :2]
    M = m if isinstance(m, np.ndarray) else np_matrix(m)
    with np.errstate(all="ignore"):  # an absurd matrix gives inf/nan, left out by the callers
        out = pts[:, :2] @ M[:2, :2] + M[3, :2]
        if pts.shape[1] > 2:
            out = out + np.outer(pts[:, 2], M[2, :2])
    return out


def matrix_scale(m: Matrix44 | np.ndarray | None) -> float:
    """Mean linear scale of a block-to-world matrix (m: Matrix44 or its numpy 4x4 form)."""
    if m is None:
        return 1.0
    M = m if isinstance(m, np.ndarray) else np_matrix(m)
    a, b, c, d = float(M[0, 0]), float(M[0, 1]), float(M[1, 0]), float(M[1, 1])
    det = abs(a * d - b * c)  # nan or inf for an absurd matrix: scale 1
    return math.sqrt(det) if 0 < det < float("inf") else 1.0


def _up(e: object) -> bool:
    try:
        ex = e.dxf.extrusion  # type: ignore[attr-defined]
        return abs(ex.x) < 1e-9 and abs(ex.y) < 1e-9 and ex.z > 0
    except Exception:  # noqa: BLE001
        return True


def _path_points(path: ezpath.Path, tol: float, bound: float = float("inf")) -> list[tuple[np.ndarray, bool]]:
    cv = path.control_vertices()
    if len(cv):  # flattening a curve of absurd size would never end
        arr = np.array([(v.x, v.y, v.z) for v in cv], dtype=float)
        if not sane_rows(arr, bound).all():
            raise _Absurd
    out = []
    subs = path.sub_paths() if path.has_sub_paths else [path]
    for sp in subs:
        if len(sp) == 0 and sp.start == sp.end:
            continue
        pts = np.array([(v.x, v.y, v.z) for v in sp.flattening(tol)], dtype=float)
        if len(pts) >= 2:
            out.append((pts, bool(sp.is_closed)))
    return out


def _lw_xy(e: object) -> np.ndarray:
    """An LWPOLYLINE's vertices (x, y) straight from its vertex array (no per-point objects)."""
    values = np.asarray(e.lwpoints.values, dtype=float)  # type: ignore[attr-defined]
    return values.reshape(-1, 5)[:, :2]


def local_pieces(e: object, tol: float, bound: float = float("inf")) -> list[tuple[np.ndarray, bool]]:
    """(points, closed) pieces of an entity in its own (block) coordinates, as 3D points.

    Raises ``_Absurd`` for a curve whose control points are beyond ``bound`` or not finite."""
    t = e.dxftype()  # type: ignore[attr-defined]
    if t == "LINE":
        s, n = e.dxf.start, e.dxf.end  # type: ignore[attr-defined]
        return [(np.array([[s.x, s.y, s.z], [n.x, n.y, n.z]], dtype=float), False)]
    if t == "LWPOLYLINE" and not e.has_arc and _up(e):  # type: ignore[attr-defined]
        pts = _lw_xy(e)
        if len(pts) < 2:
            return []
        closed = bool(e.closed)  # type: ignore[attr-defined]
        if closed:
            pts = np.vstack([pts, pts[:1]])
        return [(np.column_stack([pts, np.zeros(len(pts))]), closed)]
    if t in ("HATCH", "MPOLYGON"):
        out = []
        for p in ezpath.from_hatch(e):  # type: ignore[arg-type]
            out.extend(_path_points(p, tol, bound))
        return out
    if t == "MLINE":
        out = []
        for sub in e.virtual_entities():  # type: ignore[attr-defined]
            out.extend(local_pieces(sub, tol, bound))
        return out
    if t == "POLYLINE" and (e.is_polygon_mesh or e.is_poly_face_mesh):  # type: ignore[attr-defined]
        return []
    path = ezpath.make_path(e)
    pieces = _path_points(path, tol, bound)
    if t in ("LWPOLYLINE", "POLYLINE"):
        closed = bool(e.closed if t == "LWPOLYLINE" else e.is_closed)  # type: ignore[attr-defined]
        pieces = [(p, closed or c) for p, c in pieces]
    return pieces


def world_pieces(item: Item, tol: float) -> list[tuple[np.ndarray, bool]]:
    """(world xy points, closed) pieces of an item; tol is the sagitta in drawing units.

    Vertices that are not finite or beyond the coordinate bound are left out (an entity with
    fewer than two left is dropped); both are noted (:func:`coordinate_check`)."""
    local_tol = tol / item.sc
    bound = coordinate_bound()
    try:
        pieces = local_pieces(item.e, local_tol, bound / item.sc)
    except _Absurd:
        note_absurd(item, "entity")
        return []
    except Exception:  # noqa: BLE001 - a broken entity gives no geometry
        return []
    out = []
    for p, c in pieces:
        w = transform(p, item.M)
        ok = sane_rows(w, bound)
        if not ok.all():
            w = w[ok]
            if len(w) < 2:
                note_absurd(item, "entity")
                continue
            note_absurd(item, "vertex")
        out.append((w, c))
    return out


def text_point(e: object) -> tuple[float, float, float]:
    """Where a TEXT sits (its alignment point) or the middle of an MTEXT's box, in its entity
    WCS. An MTEXT's insertion point is a corner or edge of its box (its attachment point): a
    room label of several lines attached at its top left may start inside the wall above the
    room it names."""
    if e.dxftype() == "MTEXT":  # type: ignore[attr-defined]
        p = e.dxf.insert  # type: ignore[attr-defined]
        try:
            dx, dy = _mtext_offset(e)
        except Exception:  # noqa: BLE001 - a damaged MTEXT: its insertion point
            dx, dy = 0.0, 0.0
        return (p.x + dx, p.y + dy, p.z)
    dxf = e.dxf  # type: ignore[attr-defined]
    p = dxf.insert
    try:
        if (dxf.get("halign", 0) or dxf.get("valign", 0)) and dxf.hasattr("align_point"):
            p = dxf.align_point
        p = e.ocs().to_wcs(p)  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001
        pass
    return (p.x, p.y, p.z)


#: the width of a character as a share of the text height: wide (CJK) and other characters
_WIDE, _NARROW = 1.0, 0.6


def _mtext_offset(e: object) -> tuple[float, float]:
    """From an MTEXT's insertion point to the middle of its box (the box estimated from its
    character height, line count and characters where it states no width)."""
    dxf = e.dxf  # type: ignore[attr-defined]
    h = float(dxf.get("char_height", 0) or 0)
    if h <= 0:
        return 0.0, 0.0
    lines = [ln for ln in e.plain_text(split=True)] or [""]  # type: ignore[attr-defined]
    spacing = 1.667 * h * float(dxf.get("line_spacing_factor", 1.0) or 1.0)
    height = h + spacing * (len(lines) - 1)
    # the text's own width: the column width the MTEXT states is where it wraps, not where
    # its characters end (a left-attached label fills the left of its column)
    width = max(sum(_WIDE if ord(c) >= 0x2E80 else _NARROW for c in ln) for ln in lines) * h
    column = float(dxf.get("width", 0) or 0)
    if column > 0:
        width = min(width, column)
    ap = int(dxf.get("attachment_point", 1) or 1)
    row, col = divmod(min(max(ap, 1), 9) - 1, 3)
    x = (0.5 - 0.5 * col) * width          # left: +w/2, centre: 0, right: -w/2
    y = (-0.5 + 0.5 * row) * height        # top: -h/2, middle: 0, bottom: +h/2
    if dxf.hasattr("text_direction"):
        d = dxf.text_direction
        ux, uy = float(d.x), float(d.y)
        n = math.hypot(ux, uy) or 1.0
        ux, uy = ux / n, uy / n
    else:
        a = math.radians(float(dxf.get("rotation", 0) or 0))
        ux, uy = math.cos(a), math.sin(a)
    return x * ux - y * uy, x * uy + y * ux


def text_content(e: object) -> str:
    """Plain text of a TEXT or MTEXT, formatting codes stripped, escapes decoded."""
    try:
        if e.dxftype() == "MTEXT":  # type: ignore[attr-defined]
            s = e.plain_text(split=False)  # type: ignore[attr-defined]
        else:
            s = e.plain_text()  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001
        s = str(getattr(e.dxf, "text", ""))  # type: ignore[attr-defined]
    s = decode_escapes(str(s))
    return " ".join(s.split())


def arc_data(item: Item) -> tuple[np.ndarray, np.ndarray, np.ndarray, float] | None:
    """(centre, start point, end point, radius) of an ARC in world coordinates."""
    e = item.e
    try:
        c = e.ocs().to_wcs(e.dxf.center)  # type: ignore[attr-defined]
        s = e.start_point  # type: ignore[attr-defined]
        n = e.end_point  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001
        return None
    pts = transform(np.array([[c.x, c.y, c.z], [s.x, s.y, s.z], [n.x, n.y, n.z]]), item.M)
    if not sane_rows(pts).all():
        note_absurd(item, "entity")
        return None
    r = float(np.hypot(*(pts[1] - pts[0])))
    if not 0 < r < coordinate_bound():
        return None
    return pts[0], pts[1], pts[2], r


def rough_points(item: Item) -> list[tuple[float, float]]:
    """A few block-coordinate points of an item, cheaply, for extents."""
    e = item.e
    t = e.dxftype()  # type: ignore[attr-defined]
    try:
        if t == "LINE":
            s, n = e.dxf.start, e.dxf.end  # type: ignore[attr-defined]
            return [(s.x, s.y), (n.x, n.y)]
        if t == "LWPOLYLINE":
            return [tuple(p) for p in _lw_xy(e).tolist()]
        if t in ("ARC", "CIRCLE"):
            c = e.dxf.center  # type: ignore[attr-defined]
            return [(c.x, c.y)]
        if t in TEXT_TYPES:
            p = e.dxf.insert  # type: ignore[attr-defined]
            return [(p.x, p.y)]
    except Exception:  # noqa: BLE001
        pass
    return []


def extent(items: list[Item]) -> float | None:
    """The larger side of the drawing's extents (1st-99th percentile of rough item points)."""
    plain: list[tuple[float, float]] = []
    chunks: list[np.ndarray] = []
    for it in items:
        pts = rough_points(it)
        if not pts:
            continue
        if it.M is None:
            plain.extend(pts)
        else:
            chunks.append(transform(np.asarray(pts, dtype=float), it.M))
    if plain:
        chunks.append(np.asarray(plain, dtype=float))
    if not chunks:
        return None
    arr = np.vstack(chunks)
    arr = arr[sane_rows(arr)]
    if len(arr) < 2:
        return None
    if len(arr) > 50:
        lo, hi = np.percentile(arr, [1, 99], axis=0)
    else:
        lo, hi = arr.min(0), arr.max(0)
    size = float(np.max(hi - lo))
    return size if size > 0 else None
