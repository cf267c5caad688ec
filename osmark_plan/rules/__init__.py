"""The rule registry: every rule, listed explicitly, family by family.

A rule is added by writing it in its family's module and listing it in that module's
``RULES`` tuple; this file assembles the families in catalogue order. Codes and names are
unique and stable (RULES.md): a code is never reused for another meaning.
"""

from __future__ import annotations

from . import (access, aisles, assets, building, cabinet_safety, cabinet_security, cabinets, coordinates, doors,
               drawing_access, drawing_build, drawing_conversion, drawing_input, drawing_zones, enclosure,
               equipment, places, windows, zoning)
from .base import Option, Rule, Violation

#: the drawing rules (DWG), in code order, from the modules that hold them
DRAWING_RULES: tuple[Rule, ...] = (
    drawing_zones.zone_not_closed,  # DWG001
    drawing_zones.zone_without_level,  # DWG002
    drawing_zones.zones_overlap,  # DWG003
    drawing_access.door_not_between_regions,  # DWG004
    drawing_input.units_uncertain,  # DWG005
    drawing_input.missing_elements,  # DWG006
    drawing_access.region_without_access,  # DWG007
    drawing_input.unreadable_entities,  # DWG008
)

#: every rule, in catalogue order
ALL_RULES: tuple[Rule, ...] = (
    enclosure.RULES
    + access.RULES
    + doors.RULES
    + windows.RULES
    + equipment.RULES
    + aisles.RULES
    + cabinets.RULES
    + cabinet_safety.RULES
    + cabinet_security.RULES
    + assets.RULES
    + zoning.RULES
    + places.RULES
    + DRAWING_RULES
    + coordinates.RULES  # DWG009
    + drawing_build.RULES  # DWG010
    + drawing_conversion.RULES  # DWG011
)


def _check_unique(rules: tuple[Rule, ...]) -> None:
    codes = [r.code for r in rules]
    names = [r.name for r in rules]
    if len(set(codes)) != len(codes) or len(set(names)) != len(names):
        raise RuntimeError("duplicate rule code or name in the registry")


#: rules that only run across the floors of a building (osmark batch); ZON001/ZON002 have
#: building versions too, under the same codes, in building.BUILDING_RULES
BUILDING_ONLY_RULES: tuple[Rule, ...] = building.BUILDING_ONLY_RULES

#: every rule a user can name in select/ignore/[severity]/[rules.X] or `osmark rules`
KNOWN_RULES: tuple[Rule, ...] = ALL_RULES + BUILDING_ONLY_RULES

_check_unique(KNOWN_RULES)


def get_rule(code_or_name: str) -> Rule | None:
    """The rule with this code ("ACC001") or kebab name ("level3-direct-access"), any case."""
    key = code_or_name.strip().upper()
    return next((r for r in KNOWN_RULES if r.code == key or r.name.upper() == key), None)


__all__ = ["ALL_RULES", "BUILDING_ONLY_RULES", "KNOWN_RULES", "Option", "Rule", "Violation", "get_rule"]
