"""The ``osmark`` command: sub-commands, options and exit codes. No checking logic lives here."""

from __future__ import annotations

import io
import locale
import os
import sys
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Callable

import click

from . import __version__
from .cli_html import check_html_target, html_option, write_html
from .output import OutputError
from .config import LANGS, PROFILES, UNITS, Config, ConfigError, load_for, with_profile
from .messages import exc_message, in_lang, prefixed, say
from .config_sheet import parse_region

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_UNREADABLE = 0, 1, 2, 3
EXIT_INTERRUPTED = 130  # Ctrl-C, as shells report it


class Failure(Exception):
    """A user-facing failure: a message for stderr and an exit code."""

    def __init__(self, message: str, code: int):
        super().__init__(message)
        self.code = code


def default_lang() -> str:
    """``en`` when the locale is English, else ``ja``."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "en" if value.lower().startswith("en") else "ja"
    try:
        loc = locale.getlocale()[0] or ""
    except ValueError:
        loc = ""
    return "en" if loc.lower().startswith("en") else "ja"


def codes(value: str | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    return tuple(v.strip().upper() for v in value.replace(" ", ",").split(",") if v.strip())


def load_config(drawing: str, config_path: str | None, select: str | None, ignore: str | None,
                units: str | None, profile: str | None = None, region: str | None = None) -> Config:
    try:
        config = with_profile(load_for(drawing, config_path), profile)
        if region is not None:  # --region wins over the file's [sheet] table
            box, frame = parse_region(region)
            config = replace(config, region=box, frame=frame)
    except ConfigError as exc:
        raise Failure(prefixed("osmark", exc_message(exc)), EXIT_USAGE) from None
    if select is not None:  # an explicit choice on the command line: the file's ignore gives way
        config = replace(config, select=codes(select) or (), ignore=())
    if ignore is not None:
        config = replace(config, ignore=codes(ignore) or ())
    if units is not None:
        config = replace(config, units=units)
    return config


def _some_rule_selected(config: Config) -> None:
    """Exit 2 when select/ignore leave no rule to run (a silent pass would mislead)."""
    from .engine import check_config, select_rules

    check_config(config)
    if not select_rules(config):
        chosen, left_out = ", ".join(config.select), ", ".join(config.ignore)
        raise Failure(say("osmark: select/ignore leave no rule to run "
                          f"(select: {chosen or 'all'}; ignore: {left_out or 'none'})",
                          "osmark: select と ignore の指定で、実行するルールが1つも残りません"
                          f"（select: {chosen or 'すべて'}、ignore: {left_out or 'なし'}）"),
                      EXIT_USAGE)


def write_atomic(path: str, writer: Callable[[io.TextIOBase], None], protect: tuple[str, ...]) -> None:
    """Write a text file through a temporary file; never over one of the ``protect`` paths."""
    target = Path(path)
    for p in protect:
        if target.resolve() == Path(p).resolve():
            raise Failure(_refuse(path), EXIT_USAGE)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise Failure(_cannot_write(path, exc), EXIT_USAGE) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            writer(fh)
        os.chmod(tmp, 0o666 & ~_umask())  # as an ordinary new file would be, not mkstemp's 0600
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise Failure(_cannot_write(path, exc), EXIT_USAGE) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _refuse(path: str) -> str:
    return say(f"osmark: {path}: refusing to overwrite the input drawing",
               f"osmark: {path}: 入力の図面は上書きしません")


def _cannot_write(path: str, exc: OSError) -> str:
    return say(f"osmark: {path}: cannot write here ({exc.strerror or exc})",
               f"osmark: {path}: ここには書き込めません（{exc.strerror or exc}）")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def check_image_target(path: str, protect: tuple[str, ...]) -> None:
    """Exit 2 for an image path that is an input drawing or has no image suffix."""
    for p in protect:
        if Path(path).resolve() == Path(p).resolve():
            raise Failure(_refuse(path), EXIT_USAGE)
    if Path(path).suffix.lower() not in (".png", ".svg", ".pdf"):
        raise Failure(say(f"osmark: {path}: the image must end in .png, .svg or .pdf",
                          f"osmark: {path}: 画像のファイル名は .png、.svg、.pdf のいずれかで終えてください"),
                      EXIT_USAGE)


def write_image(render: Callable[[str], None], path: str, protect: tuple[str, ...]) -> None:
    """Render an image file, refusing the input drawing and unknown suffixes; exit 2 when the
    place cannot be written."""
    check_image_target(path, protect)
    try:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        render(path)
    except OSError as exc:
        raise Failure(_cannot_write(path, exc), EXIT_USAGE) from None


def run(fn: Callable[[], int]) -> int:
    """Turn Failures and unexpected errors into a message and an exit code."""
    try:
        return fn()
    except Failure as exc:
        click.echo(in_lang(exc_message(exc), _chosen_lang()), err=True)
        return exc.code
    except ConfigError as exc:
        click.echo(in_lang(prefixed("osmark", exc_message(exc)), _chosen_lang()), err=True)
        return EXIT_USAGE
    except OutputError as exc:  # an output (--html …) that cannot be written where asked
        click.echo(f"osmark: {exc}", err=True)
        return EXIT_USAGE


def _chosen_lang() -> str:
    """The language of the running command's messages: --lang, else the locale's."""
    ctx = click.get_current_context(silent=True)
    lang = ctx.params.get("lang") if ctx is not None else None
    return lang or default_lang()


class LazyGroup(click.Group):
    """A group whose bigger sub-commands live in their own modules, imported when used."""

    #: command name -> "module:attribute"
    lazy = {"diff": "osmark_plan.cli_diff:diff", "batch": "osmark_plan.cli_batch:batch"}

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(self.available()))

    def available(self) -> list[str]:
        import importlib.util

        return [name for name, target in self.lazy.items()
                if importlib.util.find_spec(target.split(":")[0]) is not None]

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in self.lazy and name in self.available():
            import importlib

            module, attr = self.lazy[name].split(":")
            return getattr(importlib.import_module(module), attr)
        return super().get_command(ctx, name)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="osmark")
def cli() -> None:
    """Check office floor drawings (DXF) against the Office Security Mark layout rules.

    オフィスセキュリティマーク(OSM)のレイアウト基準で事務所の平面図(DXF)を検査します。
    """


lang_option = click.option("--lang", type=click.Choice(LANGS), default=None,
                           help="Message language (default: config, then locale, else ja).")
region_option = click.option(
    "--region", metavar="X0,Y0,X1,Y1|TITLE",
    help="Check only one plan of a sheet with several: a box in drawing units, or the plan's title "
         "text (e.g. 1階平面図). Overrides [sheet] in osmark.toml.")
profile_option = click.option("--profile", type=click.Choice(list(PROFILES)), default=None,
                              help="Built-in layer naming profile (default, aia, jww), after [layers].")


@cli.command()
@click.argument("drawing", type=click.Path(dir_okay=True))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Report format for stdout (or --output).")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the report to this file.")
@click.option("--image", type=click.Path(dir_okay=False), help="Annotated plan (.png, .svg or .pdf).")
@click.option("--graph", is_flag=True, help="Draw the access graph on the image.")
@html_option
@lang_option
@click.option("--select", help="Only these rules (codes or prefixes, comma separated: ACC,ENC001).")
@click.option("--ignore", help="Leave out these rules (codes or prefixes).")
@click.option("--units", type=click.Choice(UNITS), help="Drawing units, overriding $INSUNITS.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="osmark.toml to use.")
@click.option("--quiet", "-q", is_flag=True, help="Print nothing on success but the report.")
@profile_option
@region_option
@click.option("--debug", is_flag=True, hidden=True, help="Show tracebacks of internal errors.")
def check(drawing: str, fmt: str, output: str | None, image: str | None, graph: bool, lang: str | None,
          select: str | None, ignore: str | None, units: str | None, config_path: str | None,
          quiet: bool, profile: str | None, region: str | None, debug: bool,
          html: str | None = None) -> None:
    """Check one floor drawing (DXF, DWG, Jw_cad JWW/JWC); findings to stdout. Exit 1 when an
    error is found."""
    sys.exit(run(lambda: _check(drawing, fmt, output, image, graph, lang, select, ignore, units,
                                config_path, quiet, debug, profile, region, html)))


def _check(drawing, fmt, output, image, graph, lang, select, ignore, units, config_path, quiet, debug,
           profile=None, region=None, html=None) -> int:
    from .api import check_plan, load
    from .reader import ReadError
    from .report import FORMATS

    config = load_config(drawing, config_path, select, ignore, units, profile, region)
    lang = lang or config.lang or default_lang()
    _some_rule_selected(config)
    if html:
        check_html_target(html, (drawing,))
    try:
        plan = load(drawing, config, units=units)
    except ReadError as exc:
        raise Failure(f"osmark: {exc.text(lang)}", EXIT_UNREADABLE) from None
    try:
        report = check_plan(plan, config)
    except ConfigError:
        raise
    except Exception as exc:  # a geometry failure on a drawing we could read
        if debug:
            raise
        raise Failure(say(f"osmark: {drawing}: cannot check this drawing: {type(exc).__name__}: {exc}",
                          f"osmark: {drawing}: この図面は検査できません（{type(exc).__name__}: {exc}）"),
                      EXIT_UNREADABLE) from None
    writer = FORMATS[fmt]
    if output:
        write_atomic(output, lambda fh: writer(report, lang, fh), protect=(drawing,))
    else:
        writer(report, lang, sys.stdout)
    if image:
        from .report.image import render_image

        write_image(lambda path: render_image(report, path, lang=lang, graph=graph), image, (drawing,))
        if not quiet:
            click.echo(("画像を書き出しました: " if lang == "ja" else "Image written: ") + image, err=True)
    if html:
        from .report.html import report_html

        write_html(lambda: report_html(report, lang), html, (drawing,), lang, quiet)
    return EXIT_FINDINGS if report.has_errors else EXIT_OK


@cli.command()
@click.argument("code", required=False)
@lang_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def rules(code: str | None, lang: str | None, fmt: str) -> None:
    """List the rules, or explain one (clause, why, options)."""
    from .report.rules_doc import describe_rule, list_rules

    lang = lang or default_lang()

    def go() -> int:
        text = describe_rule(code, lang, fmt) if code else list_rules(lang, fmt)
        if text is None:
            raise Failure(say(f"osmark: no rule {code!r}; `osmark rules` lists them",
                              f"osmark: ルール {code!r} はありません（`osmark rules` で一覧できます）"), EXIT_USAGE)
        click.echo(text)
        return EXIT_OK

    sys.exit(run(go))


@cli.command()
@click.argument("drawing", type=click.Path(dir_okay=True))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="osmark.toml to use.")
@click.option("--units", type=click.Choice(UNITS), help="Drawing units, overriding $INSUNITS.")
@lang_option
@profile_option
@region_option
@click.option("--suggest-config", is_flag=True, help="Print a starting osmark.toml for this drawing.")
def layers(drawing: str, fmt: str, config_path: str | None, units: str | None, lang: str | None,
           profile: str | None, region: str | None, suggest_config: bool) -> None:
    """Show how each layer was mapped, and what was found on it."""

    def go() -> int:
        from .api import load
        from .report.layers import layers_json, layers_text, suggest_config_text
        from .reader import ReadError

        config = load_config(drawing, config_path, None, None, units, profile, region)
        try:
            plan = load(drawing, config, units=units)
        except ReadError as exc:
            raise Failure(f"osmark: {exc.text(lang or config.lang or default_lang())}", EXIT_UNREADABLE) from None
        if suggest_config:
            click.echo(suggest_config_text(plan, config, lang or config.lang or default_lang()), nl=False)
            return EXIT_OK
        click.echo(layers_json(plan) if fmt == "json" else layers_text(plan, lang or config.lang or default_lang()))
        return EXIT_OK

    sys.exit(run(go))


def main(argv: list[str] | None = None) -> int:
    """Console-script entry point; returns the exit code."""
    try:
        cli.main(args=argv, prog_name="osmark", standalone_mode=True)
    except SystemExit as exc:
        return int(exc.code or 0) if not isinstance(exc.code, str) else EXIT_USAGE
    return EXIT_OK
