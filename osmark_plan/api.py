"""The public Python API: load, check, diff and batch, and the writers of every output.

Configs are found exactly as the ``osmark`` command finds them: ``config=None`` uses the
``osmark.toml`` beside the drawing or in a parent folder (or ``[tool.osmark]`` in a
pyproject.toml); a :class:`Config`, a dict (the TOML tables as Python data) or the path of a
TOML file may be given instead. A bad config raises :class:`ConfigError` (a ValueError) naming
the file or key; an unreadable drawing raises :class:`osmark_plan.reader.ReadError`.
See docs/api.md.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any, Mapping, Sequence

from .config import Config, ConfigError, from_mapping, load_file, load_for
from .findings import Report
from .model import Plan
from .pipeline import build, check_plan, tolerances  # noqa: F401  (re-exported)

ConfigLike = Config | Mapping[str, Any] | str | Path | None


def config_for(drawing: str | Path, config: ConfigLike = None) -> Config:
    """The config for a drawing: found beside it (None), or the Config, dict or file given."""
    if config is None:
        return load_for(drawing)
    if isinstance(config, Config):
        return config
    if isinstance(config, Mapping):
        return from_mapping(dict(config), None)
    if isinstance(config, (str, Path)):
        return load_file(config)
    raise TypeError(f"config must be a Config, a dict or the path of an osmark.toml, "
                    f"not {type(config).__name__}")


def load(path: str | Path, config: ConfigLike = None, units: str | None = None, *,
         rooms: bool = True) -> Plan:
    """Read a drawing into a Plan (geometry in metres) and, unless ``rooms=False``, find its
    rooms from the walls (the build's first step, which never raises on geometry).
    Raises ReadError or ConfigError."""
    from .pipeline import read, rooms as find_rooms

    cfg = config_for(path, config)
    plan = read(path, cfg, units=units)
    return find_rooms(plan, cfg) if rooms else plan


def check(path: str | Path, config: ConfigLike = None, units: str | None = None, *,
          waivers: str | Path | None = None, baseline: str | Path | None = None,
          today: dt.date | None = None) -> Report:
    """Read a drawing and check it: the Report (findings in ``report.findings``, numbered from 1
    in that order). Waivers (``waivers``, the config's ``waivers``, or ``osmark-waivers.toml``
    beside the drawing) and a baseline mark accepted findings as waived."""
    from .accept import accept

    cfg = config_for(path, config)
    report = check_plan(load(path, cfg, units=units), cfg)
    return accept(report, cfg, waivers=waivers, baseline=baseline, today=today)


def diff(asis: str | Path, application: str | Path, config: ConfigLike = None, units: str | None = None,
         align: bool = True, tolerance: float | None = None):
    """Compare an as-is drawing (現状図面) with an application drawing (申請図面): a PlanDiff.
    ``config=None`` uses the osmark.toml found for the as-is drawing (as ``osmark diff`` does)."""
    from .diff import diff_plans

    cfg = config_for(asis, config)
    return diff_plans(load(asis, cfg, units=units), load(application, cfg, units=units), cfg,
                      align=align, tolerance=tolerance)


def batch(paths: Sequence[str | Path], out: str | Path, config: ConfigLike = None, *,
          jobs: int | None = None, images: bool = True, lang: str = "ja", units: str | None = None,
          scheduler: str | None = None) -> dict[str, Any]:
    """Check many floors (files, folders, globs) like ``osmark batch``: writes the floors'
    reports and summary.json/.csv/index.html into ``out`` and returns the summary document
    (``doc["exit"]`` is the exit code the command would give)."""
    from .batch.session import run_batch

    explicit = None if config is None else config_for(str(paths[0]) if paths else ".", config)
    return run_batch([str(p) for p in paths], Path(out), explicit=explicit, jobs=jobs,
                     images=images, lang=lang, units=units, scheduler=scheduler).document


def render(report: Report, format: str = "text", lang: str = "ja") -> str:
    """A report in a format of :data:`osmark_plan.report.FORMATS` (text, json, sarif, junit)."""
    from .report import writer

    buffer = io.StringIO()
    writer(format)(report, lang, buffer)
    return buffer.getvalue()


def write_report(report: Report, path: str | Path, format: str = "json", lang: str = "ja") -> Path:
    """Write a report file (atomically; never over the checked drawing)."""
    from .output import write_text_atomic
    from .report import writer

    write = writer(format)
    write_text_atomic(path, lambda fh: write(report, lang, fh), inputs=(report.plan.path,))
    return Path(path)


def write_image(report: Report, path: str | Path, lang: str = "ja", graph: bool = False) -> Path:
    """The annotated plan (.png, .svg or .pdf)."""
    from .report import render_image

    return render_image(report, path, lang=lang, graph=graph)


def write_dxf(report: Report, path: str | Path, lang: str = "ja") -> Path:
    """A copy of the checked drawing with the findings (layer OSM-FINDINGS) and the regions by
    level (OSM-LEVELS) drawn in; the drawing itself is never changed."""
    from .markup import write_markup

    return write_markup(report, path, lang=lang)


def write_baseline(report: Report, path: str | Path, lang: str = "ja") -> Path:
    """Record the report's findings as a baseline (``check(..., baseline=path)`` accepts them)."""
    from .baseline import write_baseline as write

    return write(report, path, lang, inputs=(report.plan.path,))


__all__ = ["Config", "ConfigError", "batch", "build", "check", "check_plan", "config_for", "diff",
           "load", "render", "tolerances", "write_baseline", "write_dxf", "write_image",
           "write_report"]
