"""``osmark batch PATH... --out DIR``: check many floors in parallel; reports and a summary."""

from __future__ import annotations

from pathlib import Path

import click

from .cli import (EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE, EXIT_USAGE, Failure, default_lang,
                  lang_option, load_config, region_option, run)
from .cli_html import check_html_target
from .config import UNITS, Config
from .messages import exc_message, prefixed, say


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--out", "out", required=True, type=click.Path(file_okay=False),
              help="Folder for the floors' reports, summary.json, summary.csv and index.html.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), help="Worker processes (default: all cores).")
@click.option("--scheduler", metavar="ADDRESS", help="Run on this Dask scheduler (tcp://host:8786).")
@click.option("--no-images", is_flag=True, help="Do not draw an annotated image per floor.")
@click.option("--html", "html", type=click.Path(dir_okay=False),
              help="Write an HTML report per floor (in OUT/floors) and the index, with thumbnails, to this file.")
@lang_option
@click.option("--select", help="Only these rules (codes or prefixes, comma separated).")
@click.option("--ignore", help="Leave out these rules (codes or prefixes).")
@click.option("--units", type=click.Choice(UNITS), help="Drawing units, overriding $INSUNITS.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="osmark.toml to use.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary line.")
@region_option
def batch(paths: tuple[str, ...], out: str, jobs: int | None, scheduler: str | None, no_images: bool,
          lang: str | None, select: str | None, ignore: str | None, units: str | None,
          config_path: str | None, quiet: bool, region: str | None, html: str | None = None) -> None:
    """Check many floors (files, folders, globs) in parallel; per-floor reports and a summary.

    A building.toml (or a [building] table in osmark.toml) groups floors into one
    application; the building rules (ZON001, ZON002, ZON004) then run across its floors.
    Exit 3 when a floor could not be read, else 1 when any error was found, else 0.
    """
    raise SystemExit(run(lambda: _batch(paths, Path(out), jobs, scheduler, not no_images, lang,
                                        select, ignore, units, config_path, quiet, region, html)))


def _configs(config_path, select, ignore, units, region=None):
    """A drawing -> Config function, loading each config file once."""
    from .config import find_config

    cache: dict[str, Config] = {}

    def config_for(drawing: Path) -> Config:
        key = config_path or str(find_config(drawing) or "")
        if key not in cache:
            cache[key] = load_config(str(drawing), config_path, select, ignore, units, region=region)
        return cache[key]

    return config_for


def _batch(paths, out: Path, jobs, scheduler, images, lang, select, ignore, units, config_path,
           quiet, region=None, html=None) -> int:
    from .batch.buildings import check_building
    from .batch.discover import discover
    from .batch.floors import collect, output_names, settle_rules
    from .batch.run import SchedulerError, run_tasks, show_progress
    from .batch.summary import floor_row, summary_document, write_summary
    from .batch.worker import FloorResult, FloorTask

    if out.exists() and not out.is_dir():
        raise Failure(say(f"osmark: {out}: --out must be a folder",
                          f"osmark: {out}: --out にはフォルダを指定してください"), EXIT_USAGE)
    found = discover(paths)
    if not (found.drawings or found.manifests or found.missing):
        raise Failure(say(f"osmark: no drawing (*.dxf, *.dwg, *.jww, *.jwc) found in {' '.join(paths)}",
                          f"osmark: {' '.join(paths)} に図面（*.dxf, *.dwg, *.jww, *.jwc）が見つかりません"),
                      EXIT_USAGE)
    config_for = _configs(config_path, select, ignore, units, region)
    floors, manifests = collect(found, config_for)
    base = config_for(Path(paths[0])) if config_path else (floors[0].config if floors else Config())
    lang = lang or base.lang or default_lang()
    out = out.resolve()
    readable = [f for f in floors if f.missing is None]
    if html:
        check_html_target(html, tuple(str(f.path) for f in readable))
        parent = Path(html).resolve().parent
        if parent != out and not parent.is_dir():
            raise Failure(f"osmark: {html}: folder {parent} does not exist", EXIT_USAGE)
    names = output_names([f.path for f in readable])
    inputs = {f.path.resolve() for f in readable}
    settled: dict[tuple[int, bool], tuple] = {}
    tasks = []
    for floor in readable:
        key = (id(floor.config), floor.manifest is not None)
        if key not in settled:
            settled[key] = settle_rules(floor.config, floor.manifest is not None)
        report = out / "floors" / f"{names[floor.path]}.json"
        image = out / "floors" / f"{names[floor.path]}.png" if images else None
        page = out / "floors" / f"{names[floor.path]}.html" if html else None
        for target in (report, image, page, Path(html) if html else None,
                       out / "summary.json", out / "summary.csv", out / "index.html"):
            if target is not None and target.resolve() in inputs:
                raise Failure(say(f"osmark: {target}: refusing to overwrite an input drawing",
                                  f"osmark: {target}: 入力の図面は上書きしません"), EXIT_USAGE)
        tasks.append(FloorTask(path=str(floor.path), report=str(report),
                               image=str(image) if image else None, config=settled[key][0], lang=lang,
                               units=units, facts=floor.manifest is not None,
                               html=str(page) if page else None))
    try:
        done = run_tasks(tasks, jobs=jobs, scheduler=scheduler, images=images, progress=show_progress(quiet),
                         label="検査中" if lang == "ja" else "checking")
    except SchedulerError as exc:
        raise Failure(prefixed("osmark", exc_message(exc)), EXIT_USAGE) from None
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
    thumbs = {row["path"]: r.thumbnail for row, r in zip(rows, results) if r.thumbnail}
    written = write_summary(out, doc, thumbs if html else None, Path(html) if html else None)
    for row in rows:
        if row["reason"]:
            click.echo(f"osmark: {row['reason']}", err=True)
    if not quiet:
        click.echo(_line(doc, lang, written["html"]))
    return code


def exit_code(rows, buildings) -> int:
    """3 when a floor could not be read, else 1 when any error finding, else 0."""
    if any(r["status"] != "checked" for r in rows):
        return EXIT_UNREADABLE
    if any(r["error"] for r in rows) or any(b.counts.get("error") for b in buildings):
        return EXIT_FINDINGS
    return EXIT_OK


def _line(doc, lang: str, html: Path) -> str:
    t = doc["totals"]
    if lang == "ja":
        return (f"{t['floors']} 図面: 合格 {t['passed']}、読めない図面 {t['failed']}、"
                f"エラー {t['error']}、警告 {t['warning']}。結果: {html}")
    return (f"{t['floors']} drawings: {t['passed']} passed, {t['failed']} unreadable, "
            f"{t['error']} errors, {t['warning']} warnings. Summary: {html}")
