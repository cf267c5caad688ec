"""``osmark batch PATH... --out DIR``: check many floors in parallel; reports and a summary."""

from __future__ import annotations

from pathlib import Path

import click

from .cli import EXIT_USAGE, Failure, default_lang, lang_option, load_config, region_option, run
from .config import UNITS
from .messages import exc_message, prefixed


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--out", "out", required=True, type=click.Path(file_okay=False),
              help="Folder for the floors' reports, summary.json, summary.csv and index.html.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), help="Worker processes (default: all cores).")
@click.option("--scheduler", metavar="ADDRESS", help="Run on this Dask scheduler (tcp://host:8786).")
@click.option("--no-images", is_flag=True, help="Do not draw an annotated image per floor.")
@lang_option
@click.option("--select", help="Only these rules (codes or prefixes, comma separated).")
@click.option("--ignore", help="Leave out these rules (codes or prefixes).")
@click.option("--units", type=click.Choice(UNITS), help="Drawing units, overriding $INSUNITS.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="osmark.toml to use.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary line.")
@region_option
def batch(paths: tuple[str, ...], out: str, jobs: int | None, scheduler: str | None, no_images: bool,
          lang: str | None, select: str | None, ignore: str | None, units: str | None,
          config_path: str | None, quiet: bool, region: str | None) -> None:
    """Check many floors (files, folders, globs) in parallel; per-floor reports and a summary.

    A building.toml (or a [building] table in osmark.toml) groups floors into one
    application; the building rules (ZON001, ZON002, ZON004) then run across its floors.
    Exit 3 when a floor could not be read, else 1 when any error was found, else 0.
    """
    raise SystemExit(run(lambda: _batch(paths, Path(out), jobs, scheduler, not no_images, lang,
                                        select, ignore, units, config_path, quiet, region)))


def _batch(paths, out: Path, jobs, scheduler, images, lang, select, ignore, units, config_path,
           quiet, region=None) -> int:
    from .batch.run import show_progress
    from .batch.session import BatchError, configs_from, run_batch

    config_for = configs_from(lambda d: load_config(str(d), config_path, select, ignore, units, region=region),
                              config_path)
    try:
        result = run_batch(paths, out, config_for=config_for, jobs=jobs, scheduler=scheduler,
                           images=images, lang=lang, fallback_lang=default_lang(), units=units,
                           progress=show_progress(quiet))
    except BatchError as exc:
        raise Failure(prefixed("osmark", exc_message(exc)), EXIT_USAGE) from None
    for row in result.rows:
        if row["reason"]:
            click.echo(f"osmark: {row['reason']}", err=True)
    if not quiet:
        click.echo(_line(result.document, result.document["lang"], result.written["html"]))
    return result.code


def _line(doc, lang: str, html: Path) -> str:
    t = doc["totals"]
    if lang == "ja":
        return (f"{t['floors']} 図面: 合格 {t['passed']}、読めない図面 {t['failed']}、"
                f"エラー {t['error']}、警告 {t['warning']}。結果: {html}")
    return (f"{t['floors']} drawings: {t['passed']} passed, {t['failed']} unreadable, "
            f"{t['error']} errors, {t['warning']} warnings. Summary: {html}")
