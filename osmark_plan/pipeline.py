"""The core steps of a check, in order: read a drawing, build its Site, run the rules.

These take a ready :class:`~osmark_plan.config.Config`; :mod:`osmark_plan.api` adds finding the
config beside the drawing, waivers and writers on top. Kept apart from the API so the diff and
batch code can use the steps without importing the API (no import cycles).
"""

from __future__ import annotations

from pathlib import Path

from .config import Config
from .findings import Report
from .gc_pause import gc_paused
from .geometry.site import Site
from .model import Plan


def read(path: str | Path, config: Config | None = None, units: str | None = None) -> Plan:
    """Read a drawing into a Plan. Raises :class:`osmark_plan.reader.ReadError`.

    A drawing without zone polygons gets the rooms found from its walls as zones
    (:func:`osmark_plan.geometry.rooms.with_rooms`), levelled by the config's zone table.
    """
    from .geometry.rooms import with_rooms
    from .reader import read_plan

    config = config or Config()
    plan = read_plan(path, config, units=units)
    with gc_paused():
        return with_rooms(plan, config)


def tolerances(config: Config) -> dict[str, float]:
    """Geometry tolerances: the [geometry] table, overridden by ENC001's options when set."""
    from .engine import check_config, rule_options
    from .rules import get_rule

    check_config(config)
    enc001 = get_rule("ENC001")
    tol = dict(config.geometry)
    defaults = enc001.defaults()
    for key, value in rule_options(enc001, config).items():
        if key in tol and value != defaults.get(key):
            tol[key] = float(value)
    return tol


def build(plan: Plan, config: Config | None = None) -> Site:
    """Regions, openings and the access graph of a plan."""
    from .geometry.build import build_site

    with gc_paused():
        return build_site(plan, tolerances(config or Config()))


def check_plan(plan: Plan, config: Config | None = None) -> Report:
    """Run the selected rules on a plan."""
    from .engine import run_rules

    config = config or Config()
    site = build(plan, config)
    with gc_paused():
        return run_rules(site, config)
