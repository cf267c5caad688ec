"""The core steps of a check, in order: read a drawing, build its Site, run the rules.

1. :func:`read`: the reader opens the file and understands it (layers, units, line work, doors,
   labels, zones as drawn): a :class:`Plan`. Only a drawing that cannot be read fails here
   (:class:`osmark_plan.reader.ReadError`, exit 3).
2. :func:`rooms` and :func:`build`: the geometry. Rooms are found from the walls when no zone
   polygon is drawn, then regions, gaps, links and the access graph are built once. Every
   geometry step fails soft (:mod:`osmark_plan.geometry.soft`): a failure is a reported repair
   and the check goes on with what could be built.
3. :func:`check_plan`: the rules over the built Site.

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
    """Read a drawing into a Plan, as drawn (no rooms from walls yet: that is :func:`rooms`).
    Raises :class:`osmark_plan.reader.ReadError`."""
    from .reader import read_plan

    return read_plan(path, config or Config(), units=units)


def rooms(plan: Plan, config: Config | None = None) -> Plan:
    """The first build step: line work simplified and, when the drawing has no zone polygons,
    the rooms found from its walls as its zones, levelled by the config's zone table
    (:func:`osmark_plan.geometry.rooms.with_rooms`). Runs once per plan; never raises on
    geometry (a failed step is a repair)."""
    if plan.rooms_built:
        return plan
    from .geometry.rooms import with_rooms

    with gc_paused():
        return with_rooms(plan, config or Config())


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
    """Rooms (when not yet found), regions, openings and the access graph of a plan."""
    from .geometry.build import build_site

    config = config or Config()
    plan = rooms(plan, config)
    with gc_paused():
        return build_site(plan, tolerances(config))


def check_plan(plan: Plan, config: Config | None = None) -> Report:
    """Run the selected rules on a plan."""
    from .engine import run_rules

    config = config or Config()
    site = build(plan, config)
    with gc_paused():
        return run_rules(site, config)
