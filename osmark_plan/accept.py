"""Accepted findings: the waivers file and the baseline that apply to a drawing, applied to its
report (see :mod:`osmark_plan.waivers` and :mod:`osmark_plan.baseline`)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from .baseline import load_baseline
from .config import Config
from .findings import Report, Waiver
from .waivers import apply_waivers, find_waivers, load_waivers


def acceptances(drawing: str | Path, config: Config | None = None, waivers: str | Path | None = None,
                baseline: str | Path | None = None) -> tuple[Waiver, ...]:
    """The waivers and baseline entries for a drawing (read before the drawing is checked).

    ``waivers`` / ``baseline`` name files explicitly (``--waivers`` / ``--baseline``); else the
    config's ``waivers`` / ``baseline`` settings, and for waivers the ``osmark-waivers.toml``
    beside the drawing. Raises :class:`~osmark_plan.waivers.WaiverError` naming a broken file.
    """
    found = find_waivers(drawing, config, waivers)
    chosen: tuple[Waiver, ...] = load_waivers(found) if found is not None else ()
    base = baseline if baseline is not None else (config.baseline if config is not None else None)
    if base is not None:
        chosen += load_baseline(base)
    return chosen


def accept(report: Report, config: Config | None = None, waivers: str | Path | None = None,
           baseline: str | Path | None = None, today: dt.date | None = None) -> Report:
    """The report with the waivers and baseline of its drawing applied (see :func:`acceptances`)."""
    chosen = acceptances(report.plan.path, config, waivers, baseline)
    return apply_waivers(report, chosen, today) if chosen else report
