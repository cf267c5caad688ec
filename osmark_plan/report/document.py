"""The report document: one JSON-serialisable dict every reporter draws from.

Its shape is the contract of ``--format json`` (INTERFACE.md, schema ``schema.json``): fields
may be added, never renamed. Positions (``at``, ``bbox``) are in drawing units and drawing
coordinates; lengths and areas carry their unit in the field name (``width_m``, ``area_m2``).
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any, Iterable, Mapping

from shapely.geometry import LineString

from ..version import __version__
from ..findings import Finding, Report
from ..geometry.rooms import ROOMS_LAYER
from ..messages import in_lang
from ..model import Plan, Repair
from .handles import finding_handles, handle_index

SCHEMA = "osmark-plan/report/1"
TOOL = "osmark-plan"
#: decimals kept for drawing coordinates, metres and square metres
DRAWING_DECIMALS = 3
METRE_DECIMALS = 3
AREA_DECIMALS = 2


def report_document(report: Report, lang: str = "ja") -> dict[str, Any]:
    """The whole report as plain data, messages in ``lang``."""
    plan, site = report.plan, report.site
    handles = handle_index(plan, site)
    return {
        "schema": SCHEMA,
        "tool": {"name": TOOL, "version": __version__},
        "lang": lang,
        "drawing": drawing_part(plan),
        "summary": summary_part(report),
        "regions": regions_part(site) if site is not None else [],
        "doors": doors_part(site) if site is not None else [],
        "stray_doors": stray_doors_part(site) if site is not None else [],
        "cabinets": cabinets_part(plan, site),
        "findings": [finding_part(f, plan.scale, lang, number, finding_handles(f, handles))
                     for number, f in enumerate(report.findings, start=1)],
        "unused_waivers": [w.to_dict() for w in report.unused_waivers],
        "expired_waivers": [w.to_dict() for w in report.expired_waivers],
        "assumed_open": assumed_open_part(plan),
        "not_placed": [not_placed_part(n, plan.scale, lang) for n in report.not_placed],
        "repairs": [repair_part(r, plan.scale, lang) for r in plan.repairs],
        "rejected": [
            {"reason": r.reason, "layer": r.layer, "handle": r.handle,
             "at": to_drawing(r.at, plan.scale), "detail": r.detail}
            for r in plan.rejected
        ],
        "rules": [
            {"code": run.code, "checked": run.checked, "failed": run.failed, "error": run.error,
             "note": (run.note.get(lang) or run.note.get("en")) if run.note else None}
            for run in report.runs
        ],
    }


def drawing_part(plan: Plan) -> dict[str, Any]:
    return {
        "path": plan.path,
        "name": Path(plan.path).name,
        "sha256": plan.sha256,
        "units": plan.units,
        "units_source": plan.units_source,
        "units_note": plan.units_note,
        "scale_m": plan.scale,
        "sheet_scale": plan.sheet_scale,
        "rooms_from": plan.rooms_from,
        "encoding": plan.encoding,
        "dxf_version": plan.dxf_version,
        "format": plan.source_format,
        "reader": plan.converter.split()[0] if plan.converter else "ezdxf",
        "converter": plan.converter,
        "region": list(plan.region) if plan.region else None,
        "read_path": plan.read_path,
        "layers": {
            name: {"kind": info.kind, "entities": info.entities, "frozen": info.frozen,
                   "off": info.off, "types": dict(info.types)}
            for name, info in plan.layers.items()
        },
        "unreadable": dict(plan.unreadable),
    }


def summary_part(report: Report) -> dict[str, Any]:
    plan, site = report.plan, report.site
    links = site.links if site is not None else ()
    return {
        "error": report.count("error"),
        "warning": report.count("warning"),
        "info": report.count("info"),
        "waived": report.waived,
        "regions": len(site.regions) if site is not None else 0,
        "doors": len(plan.doors),
        "openings": sum(1 for link in links if link.door is None),
        "devices": len(plan.devices),
        "cabinets": len(plan.cabinets),
        "entrances": sum(1 for link in links if link.entrance),
        "not_placed": len(report.not_placed),
        "geometry": site is not None,
    }


def regions_part(site: Any) -> list[dict[str, Any]]:
    out = []
    for region in site.regions:
        zone = region.zone
        source = zone.source if zone is not None else None
        out.append({
            "id": region.id,
            "name": region.name,
            "level": region.level,
            "area_m2": round(region.area, AREA_DECIMALS),
            "depth": site.depth.get(region.id),
            "parent": region.parent,
            "zone": zone.id if zone is not None else None,
            "source": {"layer": source.layer, "handle": source.handle} if source else None,
            "from": ("walls" if zone.source.layer == ROOMS_LAYER else "drawn") if zone is not None
            else "remainder",
            "level_from": zone.level_from if zone is not None else None,
            "in_aa": region.id in site.in_aa,
            "number": zone.number if zone is not None else None,
        })
    return out


def assumed_open_part(plan: Plan) -> list[dict[str, Any]]:
    """Rooms found from the walls with no level, taken as open area (the user should check them)."""
    return [{"id": z.id, "name": z.name, "area_m2": round(float(z.polygon.area), AREA_DECIMALS)}
            for z in plan.zones if z.level_from == "assumed-open"]


def doors_part(site: Any) -> list[dict[str, Any]]:
    """Doors and openings (``kind`` tells which) that join two regions or a region and OUTSIDE."""
    scale = site.plan.scale
    out = []
    for link in site.links:
        door = link.door
        out.append({
            "id": link.id,
            "kind": "door" if door is not None else "opening",
            "name": door.name if door is not None else None,
            "between": [link.a, link.b],
            "lock": door.lock if door is not None else None,
            "width_m": round(float(link.width), METRE_DECIMALS),
            "entrance": link.entrance,
            "at": to_drawing(midpoint(link.chord), scale),
            "source": _source(door),
        })
    return out


def stray_doors_part(site: Any) -> list[dict[str, Any]]:
    """Doors that join no two different regions, with the regions they touch."""
    scale = site.plan.scale
    return [
        {"id": door.id, "name": door.name, "touches": list(touches), "lock": door.lock,
         "width_m": round(float(door.width), METRE_DECIMALS),
         "at": to_drawing(midpoint(door.chord), scale), "source": _source(door)}
        for door, touches in site.stray_doors
    ]


def cabinets_part(plan: Plan, site: Any) -> list[dict[str, Any]]:
    """Cabinets with their level, whether their centre lies in the application area, the
    region under it and whether that is a security area (level 1 or higher) of the AA."""
    if not plan.cabinets:
        return []
    import shapely

    centres = [c.polygon.centroid for c in plan.cabinets]
    aa = site.aa if site is not None else None
    if aa is None or aa.is_empty:
        inside = [False] * len(centres)
    else:
        inside = shapely.intersects_xy(aa, [p.x for p in centres], [p.y for p in centres]).tolist()
    nodes = site.regions_at([(p.x, p.y) for p in centres]) if site is not None else [None] * len(centres)
    return [
        {"id": c.id, "name": c.name, "level": c.level, "in_aa": bool(ok),
         "region": node, "in_security_area": bool(site is not None and node in site.in_aa
                                                   and site.level_of(node) >= 1),
         "at": to_drawing((p.x, p.y), plan.scale),
         "source": {"layer": c.source.layer, "handle": c.source.handle, "block": c.source.block}}
        for c, p, ok, node in zip(plan.cabinets, centres, inside, nodes)
    ]


def finding_part(finding: Finding, scale: float, lang: str, number: int | None = None,
                 handles: list[str] | None = None) -> dict[str, Any]:
    """One finding; ``number`` is its 1-based place in the report (the same in every format)."""
    waived = finding.waived
    return {
        "number": number,
        "rule": finding.rule,
        "name": finding.name,
        "severity": finding.severity,
        "clause": finding.clause,
        "message": finding.text(lang),
        "subjects": [s.to_dict() for s in finding.subjects],
        "at": to_drawing(finding.at, scale),
        "bbox": to_drawing(finding.bbox, scale),
        "fingerprint": finding.fingerprint,
        "handles": list(handles or ()),
        "waived": None if waived is None else {
            "reason": waived.reason, "by": waived.by, "date": waived.date, "expires": waived.expires,
            "kind": waived.kind, "source": waived.source},
        "extra": jsonable(finding.extra),
    }


def repair_part(repair: Repair, scale: float, lang: str = "en") -> dict[str, Any]:
    """A repair; its ``detail`` in ``lang`` when the reader wrote it in both languages."""
    return {
        "code": repair.code,
        "what": repair.what,
        "layer": repair.layer,
        "handle": repair.handle,
        "gap_m": None if repair.gap_m is None else round(float(repair.gap_m), 6),
        "at": to_drawing(repair.at, scale),
        "detail": None if repair.detail is None else in_lang(repair.detail, lang),
    }


def not_placed_part(item: Any, scale: float, lang: str = "en") -> dict[str, Any]:
    """An element in no room (:class:`osmark_plan.geometry.placement.NotPlaced`), its message in ``lang``."""
    return {
        "kind": item.kind,
        "reason": item.reason,
        "name": item.name,
        "region": item.region,
        "at": to_drawing(item.at, scale),
        "layer": item.layer,
        "handle": item.handle,
        "message": in_lang(item.message, lang),
    }


def to_drawing(values: Iterable[float] | None, scale: float) -> list[float] | None:
    """Metres (drawing frame) to drawing units, rounded; None stays None."""
    if values is None:
        return None
    return [round(float(v) / scale, DRAWING_DECIMALS) + 0.0 for v in values]


def midpoint(chord: LineString) -> tuple[float, float]:
    point = chord.interpolate(0.5, normalized=True)
    return (float(point.x), float(point.y))


def jsonable(value: Any) -> Any:
    """Rule extras as plain JSON data: tuples to lists, non-finite floats to None."""
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [jsonable(v) for v in value]
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if value is None or isinstance(value, (str, int, bool)):
        return value
    if hasattr(value, "__geo_interface__"):
        return jsonable(value.__geo_interface__)
    if hasattr(value, "item"):  # numpy scalars
        return jsonable(value.item())
    return str(value)


def _source(door: Any) -> dict[str, Any] | None:
    if door is None:
        return None
    return {"layer": door.source.layer, "handle": door.source.handle, "block": door.source.block}
