"""The DXF handles of what a finding is about, so a user (or the DXF markup) can select it in CAD.

A finding names its subjects by kind and id (a region, door, zone, device, cabinet); this maps
them back to the :class:`~osmark_plan.model.Source` handles the reader recorded. Rooms found
from walls and openings have no entity of their own and give no handle.
"""

from __future__ import annotations

from typing import Any, Iterable

from ..findings import Finding
from ..model import Plan, Source

Index = dict[tuple[str, str], str]


def handle_index(plan: Plan, site: Any = None) -> Index:
    """(subject kind, id) -> handle, for every element with a handle."""
    index: Index = {}

    def put(kind: str, key: str | None, source: Source | None) -> None:
        if key is not None and source is not None and source.handle:
            index.setdefault((kind, key), source.handle)

    for zone in plan.zones:
        put("zone", zone.id, zone.source)
    for area in plan.areas:
        put("application_area", area.id, area.source)
    for door in plan.doors:
        put("door", door.id, door.source)
    for device in plan.devices:
        put("device", device.id, device.source)
    for cabinet in plan.cabinets:
        put("cabinet", cabinet.id, cabinet.source)
    if site is not None:
        for region in site.regions:
            put("region", region.id, region.zone.source if region.zone is not None else None)
    return index


def finding_handles(finding: Finding, index: Index) -> list[str]:
    """The handles of a finding's subjects (and of an entity named in its data), each once."""
    found: list[str] = []
    for s in finding.subjects:
        if s.id is not None:
            found.append(index.get((s.kind, s.id), ""))
    extra = finding.extra.get("handle") if hasattr(finding.extra, "get") else None
    if isinstance(extra, str):
        found.append(extra)
    return _unique(h for h in found if h)


def _unique(items: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for item in items:
        seen.setdefault(item, None)
    return list(seen)
