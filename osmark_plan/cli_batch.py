"""``osmark batch PATH... --out DIR``: check many floors in parallel; reports and a summary."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import click

from .cli import (EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, Failure, accept_partial_option, default_lang, lang_option,
                  load_config, max_entities_option, region_option, run, time_limit_option)
from .config import UNITS
from .messages import exc_message, prefixed


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
@time_limit_option
@max_entities_option
@click.option("--format", "fmt", type=click.Choice(["text", "json", "sarif", "junit"]), default="text",
              show_default=True, help="stdout (or --output): the summary line, summary.json, one SARIF "
              "log of all floors, or JUnit XML (a testsuite per floor).")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write that format to this file.")
@click.option("--waivers", type=click.Path(dir_okay=False), help="Waivers file for every floor.")
@click.option("--baseline", type=click.Path(dir_okay=False), help="Accept the findings recorded in this baseline.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even with error findings (2 and 3 still apply).")
@accept_partial_option
def batch(paths: tuple[str, ...], out: str, jobs: int | None, scheduler: str | None, no_images: bool,
          lang: str | None, select: str | None, ignore: str | None, units: str | None,
          config_path: str | None, quiet: bool, region: str | None, fmt: str, output: str | None,
          waivers: str | None, baseline: str | None, exit_zero: bool, seconds: float | None,
          entities: int | None, html: str | None = None, accept_partial: bool = False) -> None:
    """Check many floors (files, folders, globs) in parallel; per-floor reports and a summary.

    A building.toml (or a [building] table in osmark.toml) groups floors into one
    application; the building rules (ZON001, ZON002, ZON004) then run across its floors.
    Exit 3 when a floor could not be read (or ran past its time limit), else 1 when any
    error was found, else 0; 2 for a path that names nothing or an --out that cannot be written.
    """
    extras = {"fmt": fmt, "output": output, "waivers": waivers, "baseline": baseline, "exit_zero": exit_zero,
              "accept_partial": accept_partial}
    raise SystemExit(run(lambda: _batch(paths, Path(out), jobs, scheduler, not no_images, lang,
                                        select, ignore, units, config_path, quiet, region,
                                        limits=(seconds, entities), html=html, **extras)))


def _batch(paths, out: Path, jobs, scheduler, images, lang, select, ignore, units, config_path,
           quiet, region=None, fmt="text", output=None, waivers=None, baseline=None, exit_zero=False,
           limits=(None, None), html=None, accept_partial=False) -> int:
    from .batch.run import show_progress
    from .batch.session import BatchError, configs_from, run_batch

    def load(d):  # --accept-partial over every floor's config
        config = load_config(str(d), config_path, select, ignore, units, None, region, *limits)
        return replace(config, accept_partial=True) if accept_partial else config

    config_for = configs_from(load, config_path)
    try:
        result = run_batch(paths, out, config_for=config_for, jobs=jobs, scheduler=scheduler,
                           images=images, lang=lang, fallback_lang=default_lang(), units=units,
                           progress=show_progress(quiet), waivers=waivers, baseline=baseline, html=html)
    except BatchError as exc:
        raise Failure(prefixed("osmark", exc_message(exc)), EXIT_USAGE) from None
    for row in result.rows:
        if row["reason"]:
            click.echo(f"osmark: {row['reason']}", err=True)
    if fmt != "text" or output:
        _write_format(result, fmt, output, paths)
    elif not quiet:
        click.echo(_line(result.document, result.document["lang"], result.written["html"]))
    if exit_zero and result.code == EXIT_FINDINGS:
        return EXIT_OK
    return result.code


def _write_format(result, fmt: str, output: str | None, paths) -> None:
    """--format json|sarif|junit (to stdout or --output); text with --output: the summary line."""
    from .batch.formats import BATCH_FORMATS
    from .output import OutputError, write_text_atomic

    lang = result.document["lang"]
    writer = BATCH_FORMATS.get(fmt)
    text = writer(result, lang) if writer else _line(result.document, lang, result.written["html"]) + "\n"
    if not output:
        click.echo(text, nl=False)
        return
    try:
        write_text_atomic(output, text, inputs=tuple(r["path"] for r in result.rows))
    except OutputError as exc:
        raise Failure(prefixed("osmark", exc_message(exc)), EXIT_USAGE) from None


def _line(doc, lang: str, html: Path) -> str:
    t = doc["totals"]
    if lang == "ja":
        return (f"{t['floors']} 図面: 合格 {t['passed']}、読めない図面 {t['failed']}、"
                f"エラー {t['error']}、警告 {t['warning']}。結果: {html}")
    return (f"{t['floors']} drawings: {t['passed']} passed, {t['failed']} unreadable, "
            f"{t['error']} errors, {t['warning']} warnings. Summary: {html}")
