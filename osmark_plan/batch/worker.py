"""Check one floor in a worker process: a small, picklable task in, a small result out.

The worker reads the drawing, runs the rules, writes the floor's JSON report (and image) and
returns counts, paths and the per-floor facts the building rules need; never the Report
itself. It never raises for a bad drawing: the result says why the floor failed.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..config import Config
from ..limits import TimeLimitExceeded, time_limit
from ..output import write_text_atomic

#: exit status of one floor (INTERFACE.md)
OK, FINDINGS, UNREADABLE = 0, 1, 3


@dataclass(frozen=True)
class FloorTask:
    """What a worker needs to check one floor."""

    path: str
    #: where to write the JSON report, and the image (None: no image)
    report: str
    image: str | None
    #: the floor's config, its rule selection already settled (select lists codes)
    config: Config
    lang: str
    units: str | None = None
    #: compute the per-floor facts for the building rules
    facts: bool = False
    #: waivers file and baseline (None: the config's, or osmark-waivers.toml beside the drawing)
    waivers: str | None = None
    baseline: str | None = None
    #: where to write the floor's HTML report (None: none); with it comes a thumbnail
    html: str | None = None


@dataclass(frozen=True)
class FloorResult:
    """What came of one floor. ``status`` is "checked" or "failed"."""

    path: str
    status: str
    exit: int
    report: str | None = None
    image: str | None = None
    #: severity -> count of findings
    counts: dict[str, int] = field(default_factory=dict)
    #: rule codes of the error findings, sorted, each once
    error_rules: tuple[str, ...] = ()
    reason: str | None = None
    #: a problem drawing the image (the floor was checked all the same)
    image_error: str | None = None
    #: facts for the building rules (see osmark_plan.building.facts_from_document)
    facts: dict[str, Any] | None = None
    seconds: float = 0.0
    #: the HTML report written, and a small SVG of the plan for the index
    html: str | None = None
    thumbnail: str | None = None


def warm(images: bool = True, single_thread: bool = True) -> None:
    """Import everything a check needs once per worker, before the first task arrives.

    With ``single_thread``, numpy's BLAS runs one thread (one worker per core already).
    """
    if single_thread:
        from .threads import limit_blas_threads

        limit_blas_threads(1)
    from .. import engine, pipeline  # noqa: F401
    from ..reader import read_plan  # noqa: F401
    from ..geometry import build  # noqa: F401
    from ..report import document, json_report  # noqa: F401

    if images:
        from ..report.image import render  # noqa: F401
        from ..report.fonts import cjk_font
        from ..report.image.glyphs import glyph_font

        import matplotlib.figure  # noqa: F401
        from matplotlib.backends import backend_agg  # noqa: F401

        cjk_font()
        glyph_font()  # the font files found once; each forked floor opens its own faces


def _failed(task: FloorTask, reason: str, start: float) -> FloorResult:
    return FloorResult(path=task.path, status="failed", exit=UNREADABLE, reason=reason,
                       seconds=time.perf_counter() - start)


def check_floor(task: FloorTask) -> FloorResult:
    """Check one floor and write its report (and image); the result is small and picklable.

    A floor that runs past its time limit (``[limits] seconds``) is a failed floor."""
    start = time.perf_counter()
    try:
        with time_limit(task.config.limits.seconds, task.path):
            return _check_floor(task, start)
    except TimeLimitExceeded as exc:
        return _failed(task, exc.text(task.lang), start)


def _check_floor(task: FloorTask, start: float) -> FloorResult:
    from ..accept import accept
    from ..pipeline import check_plan, read
    from ..building import facts_from_document
    from ..reader import ReadError
    from ..report.document import report_document
    from ..partial import refuse_partial
    from ..report.json_report import dumps

    try:
        plan = read(task.path, task.config, units=task.units)
        refuse_partial(plan, task.config.accept_partial)  # DWG011: the floor fails unless accepted
    except ReadError as exc:
        return _failed(task, exc.text(task.lang), start)
    except Exception as exc:  # noqa: BLE001 - one bad drawing must not stop the batch
        return _failed(task, f"{task.path}: cannot read: {type(exc).__name__}: {exc}", start)
    try:
        report = accept(check_plan(plan, task.config), task.config, task.waivers, task.baseline)
        doc = report_document(report, task.lang)
        write_text_atomic(task.report, dumps(doc) + "\n")
    except Exception as exc:  # noqa: BLE001
        return _failed(task, f"{task.path}: cannot check this drawing: {type(exc).__name__}: {exc}",
                       start)
    image, image_error = None, None
    if task.image:
        try:
            from ..report.image import render_image

            image = str(render_image(report, task.image, lang=task.lang))
        except Exception as exc:  # noqa: BLE001 - the report is written; say what went wrong
            image_error = f"{type(exc).__name__}: {exc}"
    html, thumbnail, html_error = _html(task, report)
    image_error = "; ".join(e for e in (image_error, html_error) if e) or None
    counts = {s: int(doc["summary"][s]) for s in ("error", "warning", "info")}
    errors = tuple(sorted({f["rule"] for f in doc["findings"] if f["severity"] == "error"}))
    return FloorResult(path=task.path, status="checked", exit=FINDINGS if counts["error"] else OK,
                       report=task.report, image=image, counts=counts, error_rules=errors,
                       image_error=image_error,
                       facts=facts_from_document(doc) if task.facts else None,
                       seconds=time.perf_counter() - start, html=html, thumbnail=thumbnail)


def _html(task: FloorTask, report: Any) -> tuple[str | None, str | None, str | None]:
    """Write the floor's HTML report (when asked); its path, a thumbnail and any error."""
    if not task.html:
        return None, None, None
    try:
        from ..report.html import report_html
        from ..report.plan_svg import thumbnail_svg

        Path(task.html).parent.mkdir(parents=True, exist_ok=True)
        write_text_atomic(task.html, report_html(report, task.lang), inputs=(task.path,))
        return task.html, thumbnail_svg(report), None
    except Exception as exc:  # noqa: BLE001 - the JSON report is written; say what went wrong
        return None, None, f"HTML: {type(exc).__name__}: {exc}"
