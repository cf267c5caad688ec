"""How rules describe things: subjects, and phrases in both languages for message arguments.

A message argument may be a plain value (the same in every language) or a mapping
``{"ja": ..., "en": ...}``; the engine picks the entry for the language it formats.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Mapping

from ..findings import Subject
from ..model import OUTSIDE, Cabinet, Device, Door, Zone

if TYPE_CHECKING:
    from shapely.geometry import LineString

    from ..geometry.site import Link, Region, Site

Text = Mapping[str, str]

#: the application area as a subject
AA_SUBJECT = Subject(kind="application_area", id="AA")


def text(ja: str, en: str) -> Text:
    """A phrase in both languages."""
    return {"ja": ja, "en": en}


def region_subject(region: Region) -> Subject:
    return Subject(kind="region", id=region.id, name=region.name)


def node_subject(site: Site, node: str) -> Subject:
    """A graph node as a subject: its region, or the outside."""
    region = site.region(node)
    if region is None:
        return Subject(kind="outside", id=OUTSIDE)
    return region_subject(region)


def link_subject(link: Link) -> Subject:
    if link.door is not None:
        return door_subject(link.door)
    return Subject(kind="opening", id=link.id)


def door_subject(door: Door) -> Subject:
    return Subject(kind="door", id=door.id, name=door.name)


def zone_subject(zone: Zone) -> Subject:
    return Subject(kind="zone", id=zone.id, name=zone.name)


def device_subject(device: Device) -> Subject:
    return Subject(kind="device", id=device.id, name=device.name)


def cabinet_subject(cabinet: Cabinet) -> Subject:
    return Subject(kind="cabinet", id=cabinet.id, name=cabinet.name)


def link_label(link: Link) -> Text:
    """"扉 D3" / "door D3", or "開口部 P1" / "opening P1"."""
    if link.door is not None:
        label = link.door.name or link.id
        return text(f"扉 {label}", f"door {label}")
    return text(f"開口部 {link.id}", f"opening {link.id}")


def door_label(door: Door) -> str:
    return door.name or door.id


def level_word(level: int) -> Text:
    """"レベル2" / "level 2"; 0 is the open area."""
    if level <= 0:
        return text("オープンエリア", "open area")
    return text(f"セキュリティレベル{level}", f"security level {level}")


def node_label(site: Site, node: str) -> Text:
    """A graph node for a message: "外部" / "the outside", or the room's name."""
    region = site.region(node)
    if region is None:
        return text("外部（申請エリアの外）", "the outside (beyond the application area)")
    return text(f"「{region.label}」", f"'{region.label}'")


def node_with_level(site: Site, node: str) -> Text:
    """A node with its level: "オープンエリア「受付」", "レベル1の「執務室」", "外部"."""
    region = site.region(node)
    if region is None:
        return node_label(site, node)
    if region.level <= 0:
        return text(f"オープンエリア「{region.label}」", f"the open area '{region.label}'")
    return text(f"セキュリティレベル{region.level}の「{region.label}」",
                f"the level-{region.level} area '{region.label}'")


def route_text(site: Site, route: list[str]) -> Text:
    """A route of graph nodes as "外部 → 受付 → サーバー室"."""
    ja = " → ".join("外部" if n == OUTSIDE else site.name_of(n) for n in route)
    en = " → ".join("outside" if n == OUTSIDE else site.name_of(n) for n in route)
    return text(ja, en)


def ends(geom: LineString) -> tuple[list[float], list[float]]:
    """First and last point of a line, rounded to the millimetre (for ``extra``)."""
    coords = list(geom.coords)
    first, last = coords[0], coords[-1]
    return ([round(first[0], 3), round(first[1], 3)], [round(last[0], 3), round(last[1], 3)])
