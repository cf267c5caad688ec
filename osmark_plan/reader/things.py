"""Cabinets, output devices, assets and aisles."""

from __future__ import annotations

import math

import numpy as np
import shapely
from shapely.geometry import LineString, Point, Polygon

from ..config import Config
from ..model import Aisle, Asset, Cabinet, Device, Rejected, Repair, Source
from ..naming import (decode_escapes, normalise_layer, parse_device_kind, parse_importance,
                      parse_level, parse_level_value, parse_lock, single_keyholder)
from .entities import Elem, Item, np_matrix, world_pieces
from .labels import LabelSet, name_text, near_pairs
from .shapes import item_shape, outline
from .zones import table_level

#: how far a label may sit from a cabinet or device and still belong to it (m)
NEAR_LABEL = 0.5


def _src(layer: str, handle: str | None, block: str | None) -> Source:
    return Source(decode_escapes(layer), handle, block)


def _owned(walk_items: list[Item], elem: Elem, tol: float, scale: float) -> list[np.ndarray]:
    pieces = []
    for i in elem.items:
        it = walk_items[i]
        if it.e.dxftype() in ("TEXT", "MTEXT"):  # type: ignore[attr-defined]
            continue
        pieces.extend(p * scale for p, _c in world_pieces(it, tol))
    return pieces


class _Outlines:
    """Element outlines, worked out once per block and layer: another INSERT of the same block
    placed by a rigid motion (rotation and shift) gets the first outline moved, not recomputed."""

    def __init__(self, items: list[Item], tol: float, scale: float) -> None:
        self.items, self.tol, self.scale = items, tol, scale
        self._first: dict[tuple[str, str], tuple[Polygon | None, np.ndarray, np.ndarray]] = {}

    def __call__(self, el: Elem) -> Polygon | None:
        M = np_matrix(el.m)
        A, t = M[:2, :2], M[3, :2] * self.scale
        key = (el.block, el.layer)
        first = self._first.get(key)
        if first is not None:
            poly0, A0, t0 = first
            R = _motion(A0, A)
            if R is not None:
                if poly0 is None:
                    return None
                shift = t - t0 @ R
                return shapely.transform(poly0, lambda xy: xy @ R + shift)
        poly = outline(_owned(self.items, el, self.tol, self.scale))
        if first is None:
            self._first[key] = (poly, A, t)
        return poly


def _motion(A0: np.ndarray, A: np.ndarray) -> np.ndarray | None:
    """R with A0 @ R = A when R is a rotation (a rigid motion without mirror), else None.
    In closed form: a 2 x 2 solve through numpy costs more than the rest of an outline."""
    a, b, c, d = float(A0[0, 0]), float(A0[0, 1]), float(A0[1, 0]), float(A0[1, 1])
    det = a * d - b * c
    if det == 0.0 or not math.isfinite(det):
        return None
    e, f, g, h = float(A[0, 0]), float(A[0, 1]), float(A[1, 0]), float(A[1, 1])
    r00, r01 = (d * e - b * g) / det, (d * f - b * h) / det
    r10, r11 = (a * g - c * e) / det, (a * h - c * f) / det
    # R R^T = I within numpy.allclose(atol=1e-9) terms, and det R > 0
    n0, n1, cross = r00 * r00 + r01 * r01, r10 * r10 + r11 * r11, r00 * r10 + r01 * r11
    if abs(n0 - 1) > 1e-9 + 1e-5 or abs(n1 - 1) > 1e-9 + 1e-5 or abs(cross) > 1e-9:
        return None
    if r00 * r11 - r01 * r10 <= 0:
        return None
    return np.array([[r00, r01], [r10, r11]])


def _shapes(items: list[Item], elems: list[Elem], idx: list[int], kind: str, tol: float,
            scale: float, close_tol: float, repairs: list[Repair], rejected: list[Rejected]
            ) -> list[tuple[Polygon, str, str | None, str | None, Elem | None]]:
    """(polygon, layer, handle, block, element) of each INSERT / closed shape of a kind."""
    out: list[tuple[Polygon, str, str | None, str | None, Elem | None]] = []
    seen: set[int] = set()
    outline_of = _Outlines(items, tol, scale)
    for i in idx:
        it = items[i]
        if it.owner >= 0 and elems[it.owner].kind == kind:
            if it.owner in seen:
                continue
            seen.add(it.owner)
            el = elems[it.owner]
            poly = outline_of(el)
            if poly is None:
                rejected.append(Rejected(f"{kind}-unreadable", decode_escapes(el.layer), el.handle,
                                         (el.at[0] * scale, el.at[1] * scale)))
                continue
            out.append((poly, el.layer, el.handle, el.block, el))
            continue
        if it.e.dxftype() in ("TEXT", "MTEXT"):  # type: ignore[attr-defined]
            continue
        shape = item_shape(it, tol, scale, close_tol)
        repairs.extend(shape.repairs)
        out.extend((p, it.layer, it.handle, it.block, None) for p in shape.polygons)
    # element INSERTs without any owned item (empty or missing block)
    for el in elems:
        if el.kind == kind and not el.items:
            rejected.append(Rejected(f"{kind}-unreadable", decode_escapes(el.layer), el.handle,
                                     (el.at[0] * scale, el.at[1] * scale), f"block {el.block} is empty"))
    return out


def _labels_near(labels: LabelSet, polys: list[Polygon]) -> dict[int, list[tuple[float, int]]]:
    pi, gi, d = near_pairs(labels.points, polys, NEAR_LABEL)
    out: dict[int, list[tuple[float, int]]] = {}
    for p, g, dist in zip(pi.tolist(), gi.tolist(), d.tolist()):
        out.setdefault(g, []).append((dist, p))
    for v in out.values():
        v.sort()
    return out


def read_cabinets(items: list[Item], elems: list[Elem], idx: list[int], labels: LabelSet,
                  config: Config, scale: float, tol: float,
                  repairs: list[Repair], rejected: list[Rejected]) -> list[Cabinet]:
    close_tol = float(config.geometry.get("wall_tolerance", 0.15))
    found = _shapes(items, elems, idx, "cabinet", tol, scale, close_tol, repairs, rejected)
    near = _labels_near(labels, [f[0] for f in found])
    lock_rx = config.lock_regex()
    out = []
    for k, (poly, layer, handle, block, el) in enumerate(found):
        attrs = {key.upper(): v for key, v in (el.attribs if el else {}).items()}
        texts = [labels.labels[li].text for _d, li in near.get(k, [])
                 if labels.labels[li].layer_kind in ("cabinet", "label", "ignored")]
        level = parse_level_value(attrs.get("LEVEL"))
        if level is None:
            level = parse_level(normalise_layer(layer))
        if level is None:
            level = next((lv for t in texts if (lv := parse_level(t)) is not None), None)
        name = attrs.get("NAME") or attrs.get("ID")
        if not name:
            name = next((n for t in texts if (n := name_text(t, lock_rx))), None)
        if level is None:
            level = table_level(config.cabinets, [n for n in (name, block) if n])
        lock = parse_lock(attrs.get("LOCK")) if attrs.get("LOCK") else None
        if lock is None:  # a lock word written beside the cabinet (常時施錠, 施錠+入退室記録 …)
            lock = next((parse_lock(m.group(1) if m.groups() else m.group(0))
                         for t in texts if (m := lock_rx.search(t))), None)
        if "KEYHOLDER" not in attrs and any(single_keyholder(t) for t in texts):
            attrs["KEYHOLDER"] = "SINGLE"
        out.append(Cabinet(f"C{k + 1}", poly, level, _src(layer, handle, block), name, attrs, lock))
    return out


def read_devices(items: list[Item], elems: list[Elem], idx: list[int], labels: LabelSet,
                 config: Config, scale: float, tol: float,
                 repairs: list[Repair], rejected: list[Rejected]) -> list[Device]:
    close_tol = float(config.geometry.get("wall_tolerance", 0.15))
    found = _shapes(items, elems, idx, "device", tol, scale, close_tol, repairs, rejected)
    near = _labels_near(labels, [f[0] for f in found])
    out = []
    for k, (poly, layer, handle, block, el) in enumerate(found):
        attrs = {key.upper(): v for key, v in (el.attribs if el else {}).items()}
        stated = [v for v in (attrs.get("KIND"), attrs.get("TYPE")) if v and v.strip()]
        if stated and parse_device_kind(*stated) is None:
            continue  # its KIND says it is something else (a shredder, a PC): not an output device
        texts = [labels.labels[li].text for _d, li in near.get(k, [])]
        kind = (parse_device_kind(*stated, block, normalise_layer(layer), *texts) or "DEVICE")
        name = attrs.get("NAME") or attrs.get("ID")
        out.append(Device(f"P{k + 1}", poly, kind, _src(layer, handle, block), name))
    return out


def read_assets(items: list[Item], elems: list[Elem], idx: list[int], labels: LabelSet,
                scale: float) -> list[Asset]:
    """Assets: INSERTs (point = insertion point) and TEXTs on asset layers."""
    out: list[Asset] = []
    seen: set[int] = set()
    for k, el in enumerate(elems):
        if el.kind != "asset":
            continue
        seen.add(k)
        a = el.attribs
        imp = None
        for key in ("IMPORTANCE", "重要度", "LEVEL", "IMP"):
            if key in a:
                imp = parse_importance(a[key])
                if imp is not None:
                    break
        text = a.get("NAME") or a.get("ID") or el.block
        out.append(Asset(f"S{len(out) + 1}", Point(el.at[0] * scale, el.at[1] * scale), imp,
                         _src(el.layer, el.handle, el.block), text))
    for lab in labels.labels:
        if lab.layer_kind == "asset" and not lab.source.block:
            out.append(Asset(f"S{len(out) + 1}", lab.point, parse_importance(lab.text),
                             lab.source, lab.text))
    return out


def read_aisles(items: list[Item], idx: list[int], scale: float, tol: float) -> list[Aisle]:
    out: list[Aisle] = []
    for i in idx:
        it = items[i]
        if it.e.dxftype() in ("TEXT", "MTEXT", "HATCH", "MPOLYGON"):  # type: ignore[attr-defined]
            continue
        for pts, _closed in world_pieces(it, tol):
            if len(pts) >= 2:
                out.append(Aisle(f"W{len(out) + 1}", LineString(pts * scale),
                                 _src(it.layer, it.handle, it.block)))
    return out

