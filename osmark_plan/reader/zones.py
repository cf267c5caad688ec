"""Zones and application areas: polygons, levels and names.

Level order (DRAWINGS.md): ATTRIB LEVEL / XDATA, layer name, a label inside (on the zone or
room-label layer) with a level word, the zone table. Name: a room-label-layer label inside,
else a zone-layer label, else any other label inside that is more than a level word. A label
belongs to the smallest zone containing it (nested zones).
"""

from __future__ import annotations

import re

import numpy as np

from ..config import OUTSIDE_LEVEL, Config
from ..model import Area, Rejected, Repair, Source, Zone
from ..naming import decode_escapes, label_name, normalise_layer, parse_level, parse_level_value
from ..naming import table_level  # noqa: F401  (re-exported)
from .entities import Elem, Item
from .labels import LabelSet, smallest_containing
from .shapes import item_shape

#: label layer kinds usable for a zone name, best first
_NAME_RANK = {"label": 0, "zone": 1, "ignored": 2, "wall": 2, "partition": 2, "window": 2,
              "application_area": 2}
_XDATA_LEVEL = re.compile(r"LEVEL\s*[=:]\s*(\S+)", re.IGNORECASE)


def xdata_level(e: object) -> int | None:
    """A level from XDATA: a string ``LEVEL=2`` or a string ``LEVEL`` followed by the value."""
    xdata = getattr(e, "xdata", None)
    if not xdata:
        return None
    try:
        groups = list(xdata.data.values())
    except Exception:  # noqa: BLE001
        return None
    for tags in groups:
        values = [str(t.value) for t in tags if t.code in (1000, 1070, 1071, 1040)]
        for k, v in enumerate(values):
            m = _XDATA_LEVEL.search(v)
            if m and parse_level_value(m.group(1)) is not None:
                return parse_level_value(m.group(1))
            if v.strip().upper() == "LEVEL" and k + 1 < len(values):
                lv = parse_level_value(values[k + 1])
                if lv is not None:
                    return lv
    return None


def _polygons(items: list[Item], idx: list[int], scale: float, tol: float, close_tol: float,
              reason: str, repairs: list[Repair], rejected: list[Rejected]):  # type: ignore[no-untyped-def]
    """(polygon, item) pairs of the items, in drawing order."""
    out = []
    for i in idx:
        it = items[i]
        shape = item_shape(it, tol, scale, close_tol)
        repairs.extend(shape.repairs)
        if shape.open_gap is not None and not shape.polygons:
            rejected.append(Rejected(reason, decode_escapes(it.layer), it.handle, shape.open_at,
                                     f"the ends are {shape.open_gap:.3f} m apart"))
        elif not shape.polygons and it.e.dxftype() in ("LWPOLYLINE", "POLYLINE", "CIRCLE"):  # type: ignore[attr-defined]
            rejected.append(Rejected(reason.replace("not-closed", "empty"), decode_escapes(it.layer),
                                     it.handle, None, "the outline encloses no area"))
        out.extend((p, it) for p in shape.polygons)
    return out


def read_zones(items: list[Item], idx: list[int], elems: list[Elem], labels: LabelSet,
               config: Config, scale: float, tol: float,
               repairs: list[Repair], rejected: list[Rejected]) -> list[Zone]:
    """Zones from the items on zone layers."""
    close_tol = float(config.geometry.get("wall_tolerance", 0.15))
    found = _polygons(items, idx, scale, tol, close_tol, "zone-not-closed", repairs, rejected)
    if not found:
        return []
    levels: list[int | None] = []
    sources: list[str | None] = []
    for _poly, it in found:
        level, src = None, None
        if it.owner >= 0 and elems[it.owner].kind == "zone":
            level = parse_level_value(elems[it.owner].attribs.get("LEVEL"))
            src = "attrib" if level is not None else None
        if level is None:
            level = xdata_level(it.e)
            src = "xdata" if level is not None else None
        if level is None:
            level = parse_level(normalise_layer(it.layer))
            src = "layer" if level is not None else None
        levels.append(level)
        sources.append(src)
    polys = [p for p, _ in found]
    owner = smallest_containing(labels.points, polys)
    level_label: dict[int, int] = {}
    names: dict[int, list[tuple[int, int, str]]] = {}
    lock_rx = config.lock_regex()
    for li in np.flatnonzero(owner >= 0).tolist():
        z = int(owner[li])
        lab = labels.labels[li]
        if lab.layer_kind in ("zone", "label") and z not in level_label:
            lv = parse_level(lab.text)
            if lv is not None:
                level_label[z] = lv
        rank = _NAME_RANK.get(lab.layer_kind)
        if rank is not None:
            nm = label_name(lab.text, lab.lines, lock_rx)
            if nm:
                names.setdefault(z, []).append((rank, li, nm))
    zones = []
    for z, (poly, it) in enumerate(found):
        cands = sorted(names.get(z, []))
        name = cands[0][2] if cands else None
        level, src = levels[z], sources[z]
        if level is None and z in level_label:
            level, src = level_label[z], "label"
        if level is None:
            level = table_level(config.zones, [c[2] for c in cands])
            src = "table" if level is not None else None
        if level == OUTSIDE_LEVEL:
            continue  # the zone table says this room is not part of the application area
        zones.append(Zone(f"Z{z + 1}", poly, level, name,
                          Source(decode_escapes(it.layer), it.handle, it.block), src))
    return zones


def read_areas(items: list[Item], idx: list[int], config: Config, scale: float, tol: float,
               repairs: list[Repair], rejected: list[Rejected]) -> list[Area]:
    """Application areas from the items on application-area layers."""
    close_tol = float(config.geometry.get("wall_tolerance", 0.15))
    found = _polygons(items, idx, scale, tol, close_tol, "area-not-closed", repairs, rejected)
    return [Area(f"A{k + 1}", p, Source(decode_escapes(it.layer), it.handle, it.block))
            for k, (p, it) in enumerate(found)]
