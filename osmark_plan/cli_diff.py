"""``osmark diff ASIS.dxf APPLICATION.dxf``: compare an as-is drawing with an application drawing.

Exit codes: 0 no difference, 1 differences, 2 usage or configuration error, 3 a drawing could
not be read (the message names which one).
"""

from __future__ import annotations

import sys
from dataclasses import replace

import click

from .cli import (EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE, Failure, accept_partial_option, check_image_target,
                  check_output_target, default_lang, floor_time, lang_option, load_config,
                  max_entities_option, prescan, region_option, run, time_limit_option, write_atomic, write_image)
from .cli_html import check_html_target, html_option, write_html
from .config import UNITS
from .messages import say


@click.command()
@click.argument("asis", type=click.Path(dir_okay=True, readable=False))
@click.argument("application", type=click.Path(dir_okay=True, readable=False))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Report format for stdout (or --output).")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the report to this file.")
@click.option("--image", type=click.Path(dir_okay=False),
              help="Both plans overlaid with the changes numbered (.png, .svg or .pdf).")
@html_option
@lang_option
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="osmark.toml to use.")
@click.option("--units", type=click.Choice(UNITS), help="Units of both drawings, overriding $INSUNITS.")
@click.option("--no-align", is_flag=True, help="Compare in the drawings' own coordinates.")
@click.option("--tolerance", type=click.FloatRange(min=0.0),
              help="Metres an element may move and still count as unchanged (default 0.2).")
@click.option("--quiet", "-q", is_flag=True, help="Print nothing on stderr but errors.")
@region_option
@time_limit_option
@max_entities_option
@accept_partial_option
@click.option("--debug", is_flag=True, hidden=True, help="Show tracebacks of internal errors.")
def diff(asis: str, application: str, fmt: str, output: str | None, image: str | None,
         lang: str | None, config_path: str | None, units: str | None, no_align: bool,
         tolerance: float | None, quiet: bool, region: str | None, seconds: float | None,
         entities: int | None, debug: bool, html: str | None = None, accept_partial: bool = False) -> None:
    """Compare an as-is drawing (現状図面) with an application drawing (申請図面).

    Exit 0 when they do not differ, 1 when they do.
    """
    code = run(lambda: _diff(asis, application, fmt, output, image, lang, config_path, units,
                             no_align, tolerance, quiet, debug, region, seconds, entities, html,
                             accept_partial=accept_partial))
    click.get_current_context().exit(code)


def _diff(asis, application, fmt, output, image, lang, config_path, units, no_align, tolerance,
          quiet, debug, region=None, seconds=None, entities=None, html=None, accept_partial=False) -> int:
    with_limits = (seconds, entities)
    protect = (asis, application)
    if output:  # outputs are checked before any work
        check_output_target(output, protect)
    if image is not None:
        check_image_target(image, protect)
    if html is not None:
        check_html_target(html, protect)
    config = load_config(asis, config_path, None, None, units, None, region, *with_limits)
    config = replace(config, accept_partial=True) if accept_partial else config
    lang = lang or config.lang or default_lang()
    prescan(asis, config)  # both drawings scanned in children while the libraries import
    prescan(application, config)
    with floor_time(config, f"{asis}, {application}", lang, floors=2):
        return _compare(asis, application, fmt, output, image, lang, config, units, no_align, tolerance,
                        quiet, debug, html)


def _compare(asis, application, fmt, output, image, lang, config, units, no_align, tolerance,
             quiet, debug, html=None) -> int:
    from .api import load
    from .diff.compare import diff_plans, diff_settings
    from .diff.document import write_json
    from .diff.text import write_text
    from .reader import ReadError
    from .partial import refuse_partial

    settings = diff_settings(config)  # a bad [diff] table is a usage error before reading
    if tolerance is not None:
        config = replace(config, diff={**dict(config.diff), "tolerance": tolerance})
    protect = (asis, application)
    plans = []
    for role, path in (("as-is", asis), ("application", application)):
        try:
            plans.append(load(path, config, units=units, rooms=False))
            refuse_partial(plans[-1], config.accept_partial)  # DWG011: exit 3 unless accepted
        except ReadError as exc:
            who = {"as-is": "現状図面", "application": "申請図面"}[role] if lang == "ja" else f"{role} drawing"
            raise Failure(f"osmark: {who}: {exc.text(lang)}", EXIT_UNREADABLE) from None
    try:
        result = diff_plans(plans[0], plans[1], config, align=not no_align,
                            tolerance=settings["tolerance"] if tolerance is None else tolerance)
    except Exception as exc:  # noqa: BLE001 - geometry failure on drawings we could read
        if debug or type(exc).__name__ == "ConfigError":
            raise
        raise Failure(say(f"osmark: cannot compare {asis} and {application}: {type(exc).__name__}: {exc}",
                          f"osmark: {asis} と {application} を比較できません（{type(exc).__name__}: {exc}）"),
                      EXIT_UNREADABLE) from None
    writer = write_json if fmt == "json" else write_text
    if output:
        write_atomic(output, lambda fh: writer(result, lang, fh), protect=protect)
    else:
        writer(result, lang, sys.stdout)
    if image:
        from .diff.image import render_diff_image

        write_image(lambda path: render_diff_image(result, path, lang=lang), image, protect)
        if not quiet:
            click.echo(("画像を書き出しました: " if lang == "ja" else "Image written: ") + image, err=True)
    if html:
        from .diff.html import render_diff

        write_html(lambda: render_diff(result, lang), html, protect, lang, quiet)
    return EXIT_FINDINGS if result.has_differences else EXIT_OK
