"""The building manifest: which drawings are the floors of one application, and per-floor facts.

A manifest is a ``building.toml`` or the ``[building]`` table of an osmark.toml::

    name = "本社ビル"              # in osmark.toml: [building] name = ...

    [[floors]]                    # in osmark.toml: [[building.floors]]
    name = "1F"
    file = "floors/1F.dxf"        # a path or a glob, relative to the manifest's folder
    exposed = true                # ground floor, or a floor with outside access
    in_application = false        # not part of the application area (default: true)

The building rules (:mod:`osmark_plan.rules.building`) run on a :class:`Building`: the facts
of each floor (its level-3 rooms and cabinets), taken from the floor's report document.
"""

from __future__ import annotations

import glob
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

from .config import ConfigError, read_toml
from .messages import say

MANIFEST_NAME = "building.toml"
FLOOR_KEYS = ("name", "file", "exposed", "in_application")


@dataclass(frozen=True)
class FloorSpec:
    """One floor as the manifest names it."""

    name: str
    #: the ``file`` value as written (a path or a glob, relative to the manifest's folder)
    file: str
    exposed: bool = False
    in_application: bool = True


@dataclass(frozen=True)
class Manifest:
    """A building: its name, where it was written, and its floors."""

    name: str
    #: the file the manifest came from (building.toml or osmark.toml)
    source: str
    #: folder the floors' paths are relative to
    root: str
    floors: tuple[FloorSpec, ...]

    def files(self, spec: FloorSpec) -> list[Path]:
        """The drawings a floor's ``file`` names, sorted; empty when none exists."""
        pattern = Path(spec.file)
        full = pattern if pattern.is_absolute() else Path(self.root) / pattern
        if glob.has_magic(str(full)):
            found = [Path(p) for p in glob.glob(str(full), recursive=True)]
            return sorted(p.resolve() for p in found if p.is_file())
        return [full.resolve()] if full.is_file() else []


def _bool(value: Any, where: str) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(say(f"{where} must be true or false, not {value!r}",
                              f"{where} は true か false で指定してください（{value!r} は使えません）"))
    return value


def _floor(item: Any, where: str) -> FloorSpec:
    if not isinstance(item, dict):
        raise ConfigError(say(f"{where} must be a table with name and file",
                              f"{where} は name と file を持つ表で指定してください"))
    unknown = sorted(set(item) - set(FLOOR_KEYS))
    if unknown:
        raise ConfigError(say(f"{where}: unknown key(s): {', '.join(unknown)}; keys: {', '.join(FLOOR_KEYS)}",
                              f"{where}: 不明なキーです: {', '.join(unknown)}。使えるキー: {', '.join(FLOOR_KEYS)}"))
    name, file = item.get("name"), item.get("file")
    if not isinstance(name, str) or not name.strip():
        raise ConfigError(say(f"{where}.name must be a non-empty string, not {name!r}",
                              f"{where}.name は空でない文字列で指定してください（{name!r} は使えません）"))
    if not isinstance(file, str) or not file.strip():
        raise ConfigError(say(f"{where}.file must be a drawing path or glob, not {file!r}",
                              f"{where}.file は図面のパスかグロブで指定してください（{file!r} は使えません）"))
    return FloorSpec(name=name.strip(), file=file.strip(),
                     exposed=_bool(item.get("exposed", False), f"{where}.exposed"),
                     in_application=_bool(item.get("in_application", True), f"{where}.in_application"))


def from_table(table: Mapping[str, Any], source: str | Path, prefix: str = "") -> Manifest:
    """A manifest from a parsed table (``prefix`` is "building." for an osmark.toml table)."""
    source = Path(source)
    where = f"{source}: {prefix or ''}"
    unknown = sorted(set(table) - {"name", "floors"})
    if unknown:
        raise ConfigError(say(f"{where}{', '.join(unknown)}: unknown key(s) of a building; keys: name, floors",
                              f"{where}{', '.join(unknown)}: 建物の不明なキーです。使えるキー: name, floors"))
    name = table.get("name", source.parent.name or "building")
    if not isinstance(name, str) or not name.strip():
        raise ConfigError(say(f"{where}name must be a non-empty string, not {name!r}",
                              f"{where}name は空でない文字列で指定してください（{name!r} は使えません）"))
    floors = table.get("floors")
    if not isinstance(floors, list) or not floors:
        raise ConfigError(say(f"{where}floors must be a non-empty list of [[{prefix}floors]] tables",
                              f"{where}floors は [[{prefix}floors]] の表を1つ以上並べて指定してください"))
    specs = tuple(_floor(item, f"{where}floors[{i}]") for i, item in enumerate(floors))
    seen: set[str] = set()
    for i, spec in enumerate(specs):
        if spec.name in seen:
            raise ConfigError(say(f"{where}floors[{i}].name: floor {spec.name!r} is named twice",
                                  f"{where}floors[{i}].name: 階 {spec.name!r} が2回指定されています"))
        seen.add(spec.name)
    return Manifest(name=name.strip(), source=str(source), root=str(source.resolve().parent), floors=specs)


def load_manifest(path: str | Path) -> Manifest:
    """Read a building.toml (top-level keys, or a ``[building]`` table)."""
    p = Path(path)
    data = read_toml(p, "building manifest")
    if "building" in data:
        if not isinstance(data["building"], dict):
            raise ConfigError(say(f"{p}: building must be a table", f"{p}: building は表で指定してください"))
        return from_table(data["building"], p, "building.")
    return from_table(data, p)


# -- per-floor facts -----------------------------------------------------------------------


@dataclass(frozen=True)
class FloorFacts:
    """What the building rules need to know of one checked floor."""

    name: str
    path: str
    exposed: bool
    in_application: bool
    #: (id, name) of the level-3 regions inside the application area
    level3_regions: tuple[tuple[str, str | None], ...] = ()
    #: (id, name) of the level-3 cabinets standing in a security area of the application area
    level3_cabinets: tuple[tuple[str, str | None], ...] = ()
    #: number of regions (zones and the open remainder of the AA)
    regions: int = 0
    #: every region is level 3
    all_level3: bool = False
    #: a reachable level-3 region with no door or opening of its own to the outside
    inner_level3: bool = False


@dataclass(frozen=True)
class Building:
    """The floors of one application, as the building rules see them."""

    name: str
    source: str
    floors: tuple[FloorFacts, ...]

    @property
    def application(self) -> tuple[FloorFacts, ...]:
        """The floors that belong to the application area."""
        return tuple(f for f in self.floors if f.in_application)


def facts_from_document(doc: Mapping[str, Any]) -> dict[str, Any]:
    """The level-3 facts of a floor from its report document (plain data, picklable).

    Uses ``regions``, ``doors`` and ``cabinets`` of the document; ``name``/``path``/
    ``exposed``/``in_application`` come from the manifest (:func:`floor_facts`).
    """
    regions = [r for r in doc.get("regions") or [] if r.get("in_aa", True)]
    outside_linked = {rid for door in doc.get("doors") or [] if door.get("entrance")
                      for rid in door.get("between") or []}
    level3 = [r for r in regions if r.get("level") == 3]
    cabinets = [c for c in doc.get("cabinets") or []
                if c.get("level") == 3 and c.get("in_security_area", c.get("in_aa"))]
    return {
        "level3_regions": [[r["id"], r.get("name")] for r in level3],
        "level3_cabinets": [[c["id"], c.get("name")] for c in cabinets],
        "regions": len(regions),
        "all_level3": bool(regions) and len(level3) == len(regions),
        # a separate level-3 room: no door of its own to the outside, and reachable (4.5.5 細則(1))
        "inner_level3": any(r["id"] not in outside_linked and r.get("depth") is not None for r in level3),
    }


def floor_facts(spec: FloorSpec, path: str, facts: Mapping[str, Any]) -> FloorFacts:
    """A floor's facts: the manifest's entry and what :func:`facts_from_document` found."""
    return FloorFacts(
        name=spec.name, path=path, exposed=spec.exposed, in_application=spec.in_application,
        level3_regions=tuple((str(i), n) for i, n in facts.get("level3_regions", ())),
        level3_cabinets=tuple((str(i), n) for i, n in facts.get("level3_cabinets", ())),
        regions=int(facts.get("regions", 0)),
        all_level3=bool(facts.get("all_level3", False)),
        inner_level3=bool(facts.get("inner_level3", False)),
    )
