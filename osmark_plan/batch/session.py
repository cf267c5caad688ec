"""One whole batch: find the floors, check them in parallel, run the building rules, write the
summary. Used by ``osmark batch`` and by :func:`osmark_plan.api.batch`; prints nothing."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Sequence

from ..config import Config, ConfigError
from ..messages import exc_message, say

#: exit codes (INTERFACE.md)
EXIT_OK, EXIT_FINDINGS, EXIT_UNREADABLE = 0, 1, 3


class BatchError(ConfigError):
    """The batch cannot start (bad --out, nothing found, an output over an input, no scheduler)."""


@dataclass
class BatchRun:
    """What a batch produced: the summary document, its rows, the files written, the exit code."""

    document: dict[str, Any]
    rows: list[dict[str, Any]]
    code: int
    written: dict[str, Path]
    #: per-floor report documents (JSON files) in row order; None for unread floors
    reports: list[str | None] = field(default_factory=list)


def configs_from(load: Callable[[Path], Config], config_path: str | None = None) -> Callable[[Path], Config]:
    """A drawing -> Config function loading each config file once (``load(drawing)`` reads it)."""
    from ..config import find_config

    cache: dict[str, Config] = {}

    def config_for(drawing: Path) -> Config:
        key = config_path or str(find_config(drawing) or "")
        if key not in cache:
            cache[key] = load(drawing)
        return cache[key]

    return config_for


def run_batch(paths: Sequence[str], out: Path, *, explicit: Config | None = None,
              config_for: Callable[[Path], Config] | None = None, jobs: int | None = None,
              scheduler: str | None = None, images: bool = True, lang: str | None = None,
              units: str | None = None, progress: Callable | None = None,
              waivers: str | None = None, baseline: str | None = None,
              fallback_lang: str = "ja", html: str | None = None) -> BatchRun:
    """Check the floors ``paths`` name (files, folders, globs) and write the outputs into ``out``.

    ``explicit`` is one config for every floor; else ``config_for(drawing)`` (default: the
    osmark.toml found for each drawing). ``html``: the batch index as a self-contained HTML page
    (and one HTML report per floor beside its JSON). Raises :class:`BatchError` / ConfigError for usage
    problems; unreadable floors are rows with a reason, never exceptions.
    """
    from ..config import load_for
    from .buildings import check_building
    from .discover import discover
    from .floors import collect, output_names, settle_rules
    from .run import SchedulerError, run_tasks
    from .summary import floor_row, summary_document, write_summary
    from .worker import FloorResult, FloorTask

    if out.exists() and not out.is_dir():
        raise BatchError(say(f"{out}: --out must be a folder", f"{out}: --out にはフォルダを指定してください"))
    found = discover(paths)
    for arg in found.missing:
        raise BatchError(say(f"{arg}: no such file or folder, and no drawing matches it",
                             f"{arg}: そのファイルやフォルダはなく、一致する図面もありません"))
    if not (found.drawings or found.manifests):
        raise BatchError(say(f"no drawing (*.dxf, *.dwg, *.jww, *.jwc) found in {' '.join(paths)}",
                             f"{' '.join(paths)} に図面（*.dxf, *.dwg, *.jww, *.jwc）が見つかりません"))
    if config_for is None:
        config_for = (lambda _p: explicit) if explicit is not None else configs_from(load_for)
    floors, manifests = collect(found, config_for)
    base = explicit or (floors[0].config if floors else Config())
    lang = lang or base.lang or fallback_lang
    if html:
        if Path(html).resolve() in {f.path.resolve() for f in floors if f.missing is None} or Path(html).is_dir():
            raise BatchError(say(f"{html}: refusing to overwrite an input drawing or a folder",
                                 f"{html}: 入力の図面やフォルダは上書きしません"))
        parent = Path(html).resolve().parent
        if parent != out.resolve() and not parent.is_dir():
            raise BatchError(say(f"{html}: folder {parent} does not exist",
                                 f"{html}: フォルダ {parent} がありません"))
    prepare_out(out)
    out = out.resolve()
    readable = [f for f in floors if f.missing is None]
    names = output_names([f.path for f in readable])
    inputs = {f.path.resolve() for f in readable}
    _check_acceptance(readable, waivers, baseline)
    settled: dict[tuple[int, bool], tuple] = {}
    tasks = []
    for floor in readable:
        key = (id(floor.config), floor.manifest is not None)
        if key not in settled:
            settled[key] = settle_rules(floor.config, floor.manifest is not None)
        report = out / "floors" / f"{names[floor.path]}.json"
        image = out / "floors" / f"{names[floor.path]}.png" if images else None
        page = out / "floors" / f"{names[floor.path]}.html" if html else None
        for target in (report, image, page, out / "summary.json", out / "summary.csv", out / "index.html"):
            if target is not None and target.resolve() in inputs:
                raise BatchError(say(f"{target}: refusing to overwrite an input drawing",
                                     f"{target}: 入力の図面は上書きしません"))
        try:
            report.parent.mkdir(parents=True, exist_ok=True)  # inside --out, which is checked
        except OSError as exc:
            raise BatchError(say(f"{report.parent}: --out cannot be written ({exc.strerror or exc})",
                                 f"{report.parent}: --out に書き込めません（{exc.strerror or exc}）")) from None
        tasks.append(FloorTask(path=str(floor.path), report=str(report),
                               image=str(image) if image else None, config=settled[key][0], lang=lang,
                               units=units, facts=floor.manifest is not None,
                               waivers=waivers, baseline=baseline, html=str(page) if page else None))
    try:
        done = run_tasks(tasks, jobs=jobs, scheduler=scheduler, images=images, progress=progress,
                         label="検査中" if lang == "ja" else "checking")
    except SchedulerError as exc:
        raise BatchError(exc_message(exc)) from None
    by_path = {r.path: r for r in done}
    results = [by_path[str(f.path)] if f.missing is None else
               FloorResult(path=str(f.path), status="failed", exit=EXIT_UNREADABLE,
                           reason=f.missing[1] if lang == "ja" else f.missing[0])
               for f in floors]
    buildings = {}
    for m in manifests:
        pairs = [(f, r) for f, r in zip(floors, results) if f.manifest == m]
        config = next((f.config for f, _ in pairs if f.missing is None), base)
        _, whole, rules = settle_rules(config, True)
        buildings[m.source] = check_building(m, pairs, whole, rules, lang)
    rows = [floor_row(f, r, out, buildings) for f, r in zip(floors, results)]
    code = exit_code(rows, buildings.values())
    doc = summary_document(rows, buildings.values(), lang, code)
    try:
        thumbs = {row["path"]: r.thumbnail for row, r in zip(rows, results) if r.thumbnail}
        written = write_summary(out, doc, thumbs if html else None, Path(html) if html else None)
    except OSError as exc:
        raise BatchError(say(f"{out}: the summary cannot be written ({exc})",
                             f"{out}: 集計を書き込めません（{exc}）")) from None
    return BatchRun(document=doc, rows=rows, code=code, written=written,
                    reports=[r.report if r.status == "checked" else None for r in results])


def prepare_out(out: Path) -> None:
    """Make the --out folder (and its parents) and make sure it can be written, before any floor
    is checked: a :class:`BatchError` (exit 2) when it cannot."""
    import os
    import tempfile

    if out.exists() and not out.is_dir():
        raise BatchError(say(f"{out}: --out must be a folder", f"{out}: --out にはフォルダを指定してください"))
    try:
        out.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(dir=out, prefix=".osmark-probe.")
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise BatchError(say(f"{out}: --out cannot be written ({exc.strerror or exc})",
                             f"{out}: --out に書き込めません（{exc.strerror or exc}）")) from None


def _check_acceptance(floors: list, waivers: str | None, baseline: str | None) -> None:
    """Read every waivers and baseline file the floors use once, before any floor is checked,
    so that a broken one is a usage error naming the file (not a failed floor)."""
    from ..baseline import load_baseline
    from ..waivers import find_waivers, load_waivers

    seen: set[str] = set()
    for floor in floors:
        found = find_waivers(floor.path, floor.config, waivers)
        base = baseline or floor.config.baseline
        for path, load in ((found, load_waivers), (base, load_baseline)):
            if path is not None and str(path) not in seen:
                seen.add(str(path))
                load(path)


def exit_code(rows, buildings) -> int:
    """3 when a floor could not be read, else 1 when any error finding, else 0."""
    if any(r["status"] != "checked" for r in rows):
        return EXIT_UNREADABLE
    if any(r["error"] for r in rows) or any(b.counts.get("error") for b in buildings):
        return EXIT_FINDINGS
    return EXIT_OK
