"""read_plan: a DXF file to a :class:`~osmark_plan.model.Plan` (geometry in metres)."""

from __future__ import annotations

import functools
import gc
import math
from collections import Counter, defaultdict
from pathlib import Path
from typing import Callable

import numpy as np
import shapely
from shapely.geometry import LineString, MultiLineString

from ..config import Config, ConfigError
from ..model import Door, Line, Plan, Rejected, Repair, Source
from ..naming import decode_escapes, is_door_number, parse_lock, parse_scale, single_keyholder
from . import doors as doorlib
from . import units as unitlib
from .entities import (LINEWORK_TYPES, TEXT_TYPES, Item, Walk, arc_data, coordinate_bound,
                       coordinate_check, note_absurd, sane_rows, text_content, transform, walk,
                       world_pieces)
from .entities import extent as extent_of
from .labels import LabelSet, near_pairs
from .layers import MARKUP_LAYERS, LayerKinds, layer_infos
from .filtered import NeedFull, full, load_filtered
from ..gc_pause import gc_paused
from .kept import keep
from .prepare import reads_filtered
from .load import ReadError, load
from .things import read_aisles, read_assets, read_cabinets, read_devices
from .curves import replace_items, swings_from_curves
from .wall_doors import promote_door_blocks
from .swings import find_swings
from .windows import read_windows
from .sheet import empty_region, pick_region, restrict
from .zones import read_areas, read_zones

#: sagitta of flattened arcs and curves (m)
FLATTEN_M = 0.01
#: how far a lock or door-number text may sit from a door's chord midpoint (m)
DOOR_TEXT_M = 1.0
LINE_KINDS = ("wall", "partition", "window")
#: radii (m) of door swings taken out of wall line work
SWING_RADIUS = (0.45, 1.6)


def _door_tol(items: list[Item], door_idx: list[int], extent: Callable[[], float | None]) -> float:
    """A flattening tolerance for door geometry before the unit is known (drawing units)."""
    radii = [a[3] for i in door_idx if items[i].e.dxftype() == "ARC"  # type: ignore[attr-defined]
             for a in [arc_data(items[i])] if a]
    if radii:
        return 0.01 * float(np.median(radii))
    return (extent() or 1000.0) * 1e-4


def _lines(items: list[Item], idx: list[int], scale: float) -> list[Line]:
    """Wall / partition / window line work, built as one shapely array."""
    tol = FLATTEN_M / scale
    coords: list[np.ndarray] = []
    meta: list[Item] = []
    fast: list[tuple[float, float, float, float]] = []
    fast_meta: list[Item] = []
    bound = coordinate_bound()
    for i in idx:
        it = items[i]
        e = it.e
        if it.M is None and e.dxftype() == "LINE":  # type: ignore[attr-defined]
            s, n = e.dxf.start, e.dxf.end  # type: ignore[attr-defined]
            if not all(math.isfinite(v) and abs(v) <= bound for v in (s.x, s.y, n.x, n.y)):
                note_absurd(it, "entity")
            elif s.x != n.x or s.y != n.y:
                fast.append((s.x, s.y, n.x, n.y))
                fast_meta.append(it)
            continue
        for pts, _closed in world_pieces(it, tol):
            if len(pts) >= 2 and np.ptp(pts, axis=0).max() > 0:
                coords.append(pts)
                meta.append(it)
    geoms: list = []
    if fast:
        f = np.asarray(fast, dtype=float).reshape(-1, 2, 2) * scale
        geoms.extend(shapely.linestrings(f))
    if coords:
        counts = np.array([len(c) for c in coords])
        flat = np.vstack(coords) * scale
        geoms.extend(shapely.linestrings(flat, indices=np.repeat(np.arange(len(coords)), counts)))
    sources: dict[tuple[str, str | None, str | None], Source] = {}

    def src(it: Item) -> Source:
        key = (it.layer, it.handle, it.block)
        s = sources.get(key)
        if s is None:
            s = sources[key] = Source(decode_escapes(it.layer), it.handle, it.block)
        return s

    return [Line(it.kind, g, src(it)) for it, g in zip(fast_meta + meta, geoms)]  # type: ignore[arg-type]


def _wall_segments(items: list[Item], idx: list[int]) -> np.ndarray:
    """Wall LINEs as (n, 4) world segments in drawing units (for the wall-thickness unit check)."""
    segs = []
    for i in idx:
        it = items[i]
        if it.e.dxftype() != "LINE":  # type: ignore[attr-defined]
            continue
        s, n = it.e.dxf.start, it.e.dxf.end  # type: ignore[attr-defined]
        pts = transform(np.array([[s.x, s.y], [n.x, n.y]], dtype=float), it.M)
        segs.append(pts.reshape(4))
    out = np.array(segs, dtype=float).reshape(-1, 4)
    return out[sane_rows(out)]


def _outlines(pieces_of: list[list[np.ndarray]]) -> list[LineString | MultiLineString | None]:
    """Each door's drawn pieces as one line geometry, built in two vectorised calls."""
    flat = [(k, p) for k, pieces in enumerate(pieces_of) for p in pieces]
    out: list[LineString | MultiLineString | None] = [None] * len(pieces_of)
    if not flat:
        return out
    counts = np.array([len(p) for _k, p in flat])
    lines = shapely.linestrings(np.vstack([p[:, :2] for _k, p in flat]),
                                indices=np.repeat(np.arange(len(flat)), counts))
    owner = np.array([k for k, _p in flat])
    doors, dense = np.unique(owner, return_inverse=True)
    multi = shapely.multilinestrings(lines, indices=dense)
    for k, geom in zip(doors.tolist(), multi):
        out[k] = geom.geoms[0] if len(geom.geoms) == 1 else geom
    return out


def _sane_drafts(drafts: list[doorlib.DoorDraft]) -> list[doorlib.DoorDraft]:
    """Door drafts whose chord and pieces have sane coordinates; the others are noted."""
    out = []
    for d in drafts:
        if not sane_rows(np.asarray(d.chord, dtype=float).reshape(-1, 2)).all():
            note_absurd(d, "entity")  # type: ignore[arg-type]
            continue
        pieces = [p for p in d.pieces if len(p) and sane_rows(np.asarray(p)[:, :2]).all()]
        if len(pieces) != len(d.pieces):
            note_absurd(d, "vertex")  # type: ignore[arg-type]
            d.pieces = pieces
        out.append(d)
    return out


def _doors(drafts: list[doorlib.DoorDraft], labels: LabelSet, config: Config,
           scale: float) -> list[Door]:
    """Doors in metres, with lock and name from ATTRIBs or nearby texts."""
    lock_rx = config.lock_regex()
    chords = list(shapely.linestrings(np.array([d.chord for d in drafts], dtype=float).reshape(-1, 2, 2) * scale))
    outlines = _outlines([[p * scale for p in d.pieces if len(p) >= 2] for d in drafts])
    mids = shapely.points([((d.chord[0] + d.chord[1]) / 2) * scale for d in drafts]) if drafts else []
    pi, gi, dist = near_pairs(np.asarray(mids, dtype=object), list(labels.points), DOOR_TEXT_M)
    near: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for p, g, d in zip(pi.tolist(), gi.tolist(), dist.tolist()):
        near[p].append((d, g))
    out = []
    for k, d in enumerate(drafts):
        a = {key.upper(): v for key, v in d.attribs.items()}
        lock = parse_lock(a.get("LOCK")) if a.get("LOCK") else None
        name = a.get("ID") or a.get("NAME") or a.get("NO") or None
        for _dist, li in sorted(near.get(k, [])):
            lab = labels.labels[li]
            if lab.layer_kind in ("zone",):
                continue
            if "KEYHOLDER" not in a and single_keyholder(lab.text):
                a["KEYHOLDER"] = "SINGLE"  # 鍵管理者1名 beside the door (4.5.4 細則(2))
                continue
            if lock is None:
                m = lock_rx.search(lab.text)
                if m:
                    lock = parse_lock(m.group(1) if m.groups() else m.group(0)) or parse_lock(lab.text)
                    continue
            if name is None and is_door_number(lab.text):
                name = lab.text.strip()
        out.append(Door(f"D{k + 1}", chords[k], float(chords[k].length),
                        Source(decode_escapes(d.layer), d.handle, d.block), outlines[k],  # type: ignore[arg-type]
                        lock, name, d.style, a))
    return out


def _glazing_lines(glazing: list[doorlib.DoorDraft], scale: float) -> list[Line]:
    """Window glazing found among door-layer lines (a layer holding doors and windows): window
    line work, which closes a boundary and is no passage."""
    out = []
    for d in glazing:
        src = Source(decode_escapes(d.layer), d.handle, d.block)
        out.extend(Line("window", LineString(p * scale), src) for p in d.pieces if len(p) >= 2)
    return out


def _curved_swings(w: Walk) -> Walk:
    """Swings drawn as bulged polylines, splines or runs of short segments become ARCs."""
    door, other = [], []
    for i, it in enumerate(w.items):
        if it.e.dxftype() not in LINEWORK_TYPES:  # type: ignore[attr-defined]
            continue
        if it.kind == "door":
            door.append(i)
        elif it.kind in LINE_KINDS or it.kind == "ignored" and it.block is not None:
            other.append(i)
    new, dropped = swings_from_curves(w.items, door, other)
    return replace_items(w, dropped, new)


def _needs_full() -> float | None:
    raise NeedFull("the unit is found from the drawing's extents")


def read_plan(path: str | Path, config: Config, units: str | None = None,
              read: str = "auto") -> Plan:
    """Read a DXF file into a Plan. Raises :class:`ReadError` with one clear line.

    ``read``: "auto" reads only what the check needs where it can (reader/stream.py) and the
    whole file otherwise; "full" always loads the whole file. Both give the same plan.
    """
    limits = config.limits
    try:
        with gc_paused():
            if read == "full" or not reads_filtered(config):
                plan = _attempt(lambda: load(path, limits), path, config, units)
            else:
                try:
                    plan = _attempt(lambda: load_filtered(path, LayerKinds(config), limits), path, config, units)
                except NeedFull as exc:
                    why = str(exc)
                    plan = _attempt(lambda: full(path, why, limits), path, config, units)
        gc.collect()  # the ezdxf document (its cycles) is let go here, not in a later step
        return plan
    except (ReadError, ConfigError):
        raise
    except RecursionError:
        raise ReadError(path, "blocks are nested too deeply to read",
                        "ブロックの入れ子が深すぎて読み取れません") from None
    except Exception as exc:  # noqa: BLE001 - a damaged document must not give a traceback
        raise ReadError(path, f"the drawing could not be interpreted ({type(exc).__name__}: {exc})",
                        f"図面を解釈できませんでした（{type(exc).__name__}: {exc}）") from None


def _with_absurd(plan: Plan, absurd: list[tuple[str, str | None, str]]) -> Plan:
    """The plan with what was left out for absurd coordinates: each entity dropped a Rejected
    ``absurd-coordinates``, each entity that lost vertices a Repair (DWG009 reports both)."""
    from dataclasses import replace

    dropped = dict.fromkeys((layer, handle) for layer, handle, what in absurd if what == "entity")
    trimmed = dict.fromkeys((layer, handle) for layer, handle, what in absurd
                            if what == "vertex" and (layer, handle) not in dropped)
    rejected = [Rejected("absurd-coordinates", decode_escapes(layer), handle, None,
                         "coordinates that are not finite or beyond the [limits] coordinate bound")
                for layer, handle in dropped]
    repairs = [Repair("dropped absurd vertices", decode_escapes(layer), handle,
                      detail="vertices that are not finite or beyond the [limits] coordinate bound "
                             "were left out")
               for layer, handle in trimmed]
    return replace(plan, rejected=plan.rejected + tuple(rejected), repairs=plan.repairs + tuple(repairs))


def _attempt(loader, path, config: Config, units: str | None) -> Plan:  # type: ignore[no-untyped-def]
    """One read of the file (filtered or full), absurd coordinates collected and reported."""
    loaded = loader()
    with coordinate_check(config.limits.coordinate) as absurd:
        plan = _read(loaded, str(path), config, units)
    keep(path, loaded)  # for the DXF markup, when asked and the whole file was read
    return _with_absurd(plan, absurd) if absurd else plan


def _read(loaded, path: str, config: Config, units: str | None) -> Plan:  # type: ignore[no-untyped-def]
    doc = loaded.doc
    kinds = LayerKinds(config)
    w: Walk = walk(doc, kinds, config.limits, path)
    for layer, counts in (loaded.left_out or {}).items():  # what a filtered read left out
        w.types[layer].update(counts)
    region = pick_region(w, config, path)
    if region is not None:
        w = restrict(w, region)
        if not w.items:
            raise empty_region(path, region)
    promote_door_blocks(w)
    w = _curved_swings(w)
    items = w.items
    by_kind: dict[str, list[int]] = defaultdict(list)
    texts: list[int] = []
    for i, it in enumerate(items):
        if it.e.dxftype() in TEXT_TYPES and it.layer.upper() not in MARKUP_LAYERS:  # type: ignore[attr-defined]
            texts.append(i)
        by_kind[it.kind].append(i)
    repairs: list[Repair] = list(loaded.repairs)
    rejected: list[Rejected] = []

    # doors in drawing units, then the unit
    extent = functools.cache(lambda: extent_of(items))  # costly: only when doors do not tell
    if loaded.left_out is not None:  # the extents need every entity: read the whole file
        extent = _needs_full
    door_items = [i for i in by_kind["door"] if items[i].e.dxftype() in LINEWORK_TYPES]  # type: ignore[attr-defined]
    line_items = [i for k in LINE_KINDS for i in by_kind[k]
                  if items[i].e.dxftype() in LINEWORK_TYPES]  # type: ignore[attr-defined]
    # door swings (arc + leaf) drawn on wall layers are doors, not walls; so are swings inside
    # blocks inserted on other layers (a furniture block that carries the room's door)
    in_blocks = [i for i in by_kind["ignored"]
                 if items[i].block is not None and items[i].e.dxftype() in LINEWORK_TYPES]  # type: ignore[attr-defined]
    swings = find_swings(items, [i for i in line_items if items[i].owner < 0
                                 or w.elems[items[i].owner].kind in LINE_KINDS] + in_blocks)
    dtol = _door_tol(items, door_items + list(swings.arcs), extent)
    drafts: list[doorlib.DoorDraft] = []
    block_doors: dict[str, doorlib.BlockDoor | None] = {}
    for el in w.elems:
        if el.kind != "door":
            continue
        found = doorlib.element_doors(el, items, dtol, block_doors)
        if not found:
            rejected.append(Rejected("door-unreadable", decode_escapes(el.layer), el.handle, None,
                                     f"block {el.block} has no door geometry"))
        drafts.extend(found)
    loose = [i for i in door_items
             if items[i].owner < 0 or w.elems[items[i].owner].kind != "door"]
    if loose:
        drafts.extend(doorlib.loose_doors(items, loose, dtol, touch=dtol * 0.5))
    glazing = [d for d in drafts if d.style == "window"]
    drafts = [d for d in drafts if d.style != "window"]
    arc_widths = [d.width for d in drafts if d.has_arc]
    widths = arc_widths or [d.width for d in drafts] or list(swings.radii)
    insunits = doc.header.get("$INSUNITS", None)
    override, source = (units, "--units") if units else (config.units, "config")
    scale_texts = Counter(n for i in texts if (n := parse_scale(text_content(items[i].e))))
    if loaded.stated_scale:  # a Jw_cad layer group's scale beats any text
        scale_texts = Counter({loaded.stated_scale: len(texts) + 1})
    walls = functools.cache(lambda: unitlib.wall_thickness(_wall_segments(items, by_kind["wall"])))
    choice = unitlib.choose(insunits, widths, extent, override, source,
                            scale_text=scale_texts.most_common(1)[0][0] if scale_texts else None,
                            sheet=config.scale, walls=walls,
                            scale_from=("its Jw_cad layer group is drawn at", "Jw_cad のレイヤグループの縮尺")
                            if loaded.stated_scale else None)
    scale = choice.scale
    if unitlib.declared_unit(insunits) and choice.source in ("doors", "walls", "extents"):
        repairs.append(Repair(what="units corrected", detail=choice.note))

    # drop loose arc-less groups that cannot be doors at this scale, and absurd ones
    drafts = [d for d in drafts if d.has_arc or not d.loose or 0.5 <= d.width * scale <= 2.5]
    drafts = _sane_drafts(drafts)
    swings = swings.keep(SWING_RADIUS[0], SWING_RADIUS[1], scale)
    if swings.arcs:
        drafts.extend(doorlib.loose_doors(items, swings.items(), dtol, touch=dtol * 0.5))
        taken = set(swings.items())
        line_items = [i for i in line_items if i not in taken]

    labels = LabelSet.build(items, texts, scale)
    lines = _lines(items, line_items, scale)
    tol = FLATTEN_M / scale
    zones = read_zones(items, by_kind["zone"], w.elems, labels, config, scale, tol, repairs, rejected)
    areas = read_areas(items, by_kind["application_area"], config, scale, tol, repairs, rejected)
    cabinets = read_cabinets(items, w.elems, by_kind["cabinet"], labels, config, scale, tol,
                             repairs, rejected)
    devices = read_devices(items, w.elems, by_kind["device"], labels, config, scale, tol,
                           repairs, rejected)
    assets = read_assets(items, w.elems, by_kind["asset"], labels, scale)
    aisles = read_aisles(items, by_kind["aisle"], scale, tol)
    lines.extend(_glazing_lines(glazing, scale))
    door_objs = _doors(drafts, labels, config, scale)
    windows = read_windows(items, w.elems, by_kind["window"], labels, config, scale, tol,
                           [d.chord for d in door_objs])
    for name, layer, handle in w.cycles:
        rejected.append(Rejected("block-cycle", decode_escapes(layer), handle, None,
                                 f"block {decode_escapes(name)} inserts itself; the inner INSERT was not followed"))
    for name, layer, handle in w.missing_blocks:
        rejected.append(Rejected("missing-block", decode_escapes(layer), handle, None,
                                 f"block {decode_escapes(name)} is not defined"))
    return Plan(
        path=path,
        sha256=loaded.sha256,
        units=choice.units,
        units_source=choice.source,
        scale=scale,
        encoding=loaded.encoding,
        dxf_version=str(doc.dxfversion),
        layers=layer_infos(doc, kinds, w.types),
        lines=tuple(lines),
        zones=tuple(zones),
        areas=tuple(areas),
        doors=tuple(door_objs),
        cabinets=tuple(cabinets),
        devices=tuple(devices),
        labels=tuple(labels.labels),
        aisles=tuple(aisles),
        assets=tuple(assets),
        windows=tuple(windows),
        repairs=tuple(repairs),
        rejected=tuple(rejected),
        unreadable={**{decode_escapes(k): int(v) for k, v in w.unreadable.items()},
                    **loaded.unconverted},
        units_note=choice.note,
        units_note_ja=choice.note_ja,
        units_error=choice.error,
        sheet_scale=choice.sheet_scale,
        source_format=loaded.source_format,
        converter=loaded.converter,
        shortfall=loaded.shortfall,
        region=region,
        read_path=loaded.read_path,
    )
