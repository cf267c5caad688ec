"""The rule registry: every rule, listed explicitly, family by family.

A rule is added by writing it in its family's module and listing it in that module's
``RULES`` tuple; this file assembles the families in catalogue order. Codes and names are
unique and stable (RULES.md): a code is never reused for another meaning.
"""

from __future__ import annotations

from . import access, building, cabinets, coordinates, drawing, enclosure, equipment, zoning
from .base import Option, Rule, Violation

#: every rule, in catalogue order
ALL_RULES: tuple[Rule, ...] = (
    enclosure.RULES
    + access.RULES
    + equipment.RULES
    + cabinets.RULES
    + zoning.RULES
    + drawing.RULES
    + coordinates.RULES
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
