"""Matching the elements of two aligned sites: regions, doors, devices and cabinets.

Candidates come from STRtree queries in bulk (overlap for regions, distance for the rest);
each candidate pair gets a sort key and a greedy pass takes the best pairs first, so every
element is matched at most once. Nothing here compares two whole lists pairwise.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Sequence

import numpy as np
import shapely
from shapely import STRtree

from ..model import OUTSIDE

#: how far (m) a door, device or cabinet may move and still be the same one
SEARCH = 3.0
#: least overlap (intersection over union) for two regions to be the same room
MIN_IOU = 0.5
#: least overlap when the two regions also have the same name
MIN_IOU_NAMED = 0.2


@dataclass(frozen=True)
class Item:
    """A door, device or cabinet as the matcher sees it."""

    id: str
    name: str | None
    #: "door"/"opening" for links; the device kind; the cabinet level
    kind: Any
    x: float
    y: float
    #: the regions a door joins (sorted ids), else ()
    regions: tuple[str, ...] = ()
    lock: str | None = None
    width: float = 0.0
    geom: Any = None

    @property
    def label(self) -> str:
        return self.name or self.id


def greedy(keys: Sequence[tuple], a_idx: Sequence[int], b_idx: Sequence[int]) -> list[tuple[int, int]]:
    """Take candidate pairs best key first; each index is used once."""
    order = sorted(range(len(keys)), key=lambda k: keys[k])
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs = []
    for k in order:
        i, j = a_idx[k], b_idx[k]
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        pairs.append((i, j))
    return sorted(pairs)


def match_regions(regions_a: Sequence[Any], regions_b: Sequence[Any]) -> list[tuple[int, int]]:
    """Pairs (index in A, index in B) of the same room: by overlap, helped by the name."""
    if not regions_a or not regions_b:
        return []
    pa = np.array([r.polygon for r in regions_a], dtype=object)
    pb = np.array([r.polygon for r in regions_b], dtype=object)
    ib, ia = STRtree(pb).query(pa, predicate="intersects")[::-1]
    if len(ia) == 0:
        return []
    inter = shapely.area(shapely.intersection(pa[ia], pb[ib]))
    union = shapely.area(pa[ia]) + shapely.area(pb[ib]) - inter
    iou = np.where(union > 0, inter / np.maximum(union, 1e-12), 0.0)
    same = np.array([regions_a[i].name is not None and regions_a[i].name == regions_b[j].name
                     for i, j in zip(ia.tolist(), ib.tolist())], dtype=bool)
    ok = (iou >= MIN_IOU) | (same & (iou >= MIN_IOU_NAMED))
    keys = [(-(float(v) + 0.5 * s),) for v, s in zip(iou[ok], same[ok])]
    return greedy(keys, ia[ok].tolist(), ib[ok].tolist())


def _candidates(items_a: Sequence[Item], items_b: Sequence[Item], radius: float) -> tuple[np.ndarray, np.ndarray]:
    """Index pairs within ``radius`` of each other, plus pairs with the same name anywhere."""
    pa = shapely.points([(i.x, i.y) for i in items_a])
    pb = shapely.points([(i.x, i.y) for i in items_b])
    ib, ia = STRtree(pb).query(pa, predicate="dwithin", distance=radius)[::-1]
    by_name: dict[str, list[int]] = {}
    for j, it in enumerate(items_b):
        if it.name:
            by_name.setdefault(it.name, []).append(j)
    extra = [(i, j) for i, it in enumerate(items_a) if it.name for j in by_name.get(it.name, ())]
    if extra:
        ea, eb = np.array(extra, dtype=np.intp).T
        pairs = np.unique(np.column_stack([np.concatenate([ia, ea]), np.concatenate([ib, eb])]), axis=0)
        ia, ib = pairs[:, 0], pairs[:, 1]
    return ia, ib


def match_items(items_a: Sequence[Item], items_b: Sequence[Item], tol: float,
                same: Callable[[Item, Item], bool], radius: float = SEARCH) -> list[tuple[int, int]]:
    """Pairs of the same door/device/cabinet.

    A pair is accepted when the two lie within ``tol`` of each other, when they have the same
    name (an ID drawn on both), or when ``same`` holds (same kind, same regions joined …) and
    they lie within ``radius``. Better pairs first: same name and ``same``, then within
    tolerance, then same name, then ``same``, then nearer.
    """
    if not items_a or not items_b:
        return []
    ia, ib = _candidates(items_a, items_b, radius)
    keys, a_ok, b_ok = [], [], []
    for i, j in zip(ia.tolist(), ib.tolist()):
        a, b = items_a[i], items_b[j]
        d = float(np.hypot(a.x - b.x, a.y - b.y))
        alike = same(a, b)
        named = a.name is not None and a.name == b.name
        if d <= tol or named or (alike and d <= radius):
            # the same ID on the same kind of thing wins over position: two devices or
            # cabinets that swapped places moved, they did not change kind or level
            keys.append((not (named and alike), d > tol, not named, not alike, d))
            a_ok.append(i)
            b_ok.append(j)
    return greedy(keys, a_ok, b_ok)


def door_items(site: Any) -> list[Item]:
    """Doors and openings of a site (joined regions sorted), and doors that join nothing."""
    items = []
    for link in site.links:
        mid = link.chord.interpolate(0.5, normalized=True)
        door = link.door
        items.append(Item(id=link.id, name=door.name if door is not None else None,
                          kind="door" if door is not None else "opening", x=float(mid.x),
                          y=float(mid.y), regions=tuple(sorted((link.a, link.b))),
                          lock=door.lock if door is not None else None, width=float(link.width),
                          geom=link.chord))
    for door, touches in site.stray_doors:
        mid = door.chord.interpolate(0.5, normalized=True)
        items.append(Item(id=door.id, name=door.name, kind="door", x=float(mid.x), y=float(mid.y),
                          regions=tuple(sorted(touches)), lock=door.lock, width=float(door.width),
                          geom=door.chord))
    return items


def device_items(plan: Any) -> list[Item]:
    return [_thing(d, d.kind) for d in plan.devices]


def cabinet_items(plan: Any) -> list[Item]:
    return [_thing(c, c.level) for c in plan.cabinets]


def _thing(obj: Any, kind: Any) -> Item:
    c = obj.polygon.centroid if not obj.polygon.is_empty else obj.polygon.representative_point()
    return Item(id=obj.id, name=obj.name, kind=kind, x=float(c.x), y=float(c.y), geom=obj.polygon)


def map_regions(regions: Sequence[str], region_map: dict[str, str]) -> tuple[str, ...]:
    """B's region ids as A's ids ("+ID" for a region A does not have), sorted."""
    return tuple(sorted(r if r == OUTSIDE else region_map.get(r, "+" + r) for r in regions))
