"""The ``osmark`` command: sub-commands, options and exit codes. No checking logic lives here."""

from __future__ import annotations

import io
import os
import sys
import warnings
from contextlib import contextmanager, nullcontext
from dataclasses import replace
from pathlib import Path
from typing import Callable, ContextManager, Iterator

import click

from . import __version__
from .cli_signals import Interrupted, hard_deadline, install, lang_of, safe_stdout
from .cli_html import check_html_target, html_option, write_html
from .config import LANGS, PROFILES, UNITS, Config, ConfigError, load_for, with_profile
from .messages import default_lang, exc_message, in_lang, prefixed, say
from .config_sheet import parse_region
from .limits import TimeLimitExceeded, time_limit
from .output import OutputError, refuse_inputs, write_text_atomic
from .report import FORMATS

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_UNREADABLE = 0, 1, 2, 3
EXIT_INTERRUPTED = 130  # Ctrl-C, as shells report it


class Failure(Exception):
    """A user-facing failure: a message for stderr and an exit code."""

    def __init__(self, message: str, code: int):
        super().__init__(message)
        self.code = code


def codes(value: str | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    return tuple(v.strip().upper() for v in value.replace(" ", ",").split(",") if v.strip())


def load_config(drawing: str, config_path: str | None, select: str | None, ignore: str | None,
                units: str | None, profile: str | None = None, region: str | None = None,
                seconds: float | None = None, entities: int | None = None) -> Config:
    try:
        config = with_profile(load_for(drawing, config_path), profile)
        if region is not None:  # --region wins over the file's [sheet] table
            box, frame = parse_region(region)
            config = replace(config, region=box, frame=frame)
    except ConfigError as exc:
        raise Failure(prefixed("osmark", exc_message(exc)), EXIT_USAGE) from None
    if seconds is not None:
        config = replace(config, limits=replace(config.limits, seconds=float(seconds)))
    if entities is not None:
        config = replace(config, limits=replace(config.limits, entities=int(entities)))
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
    """Write a text file through a temporary file beside it; never over one of the
    ``protect`` paths, never into a folder that does not exist (exit 2)."""
    check_output_target(path, protect)
    try:
        write_text_atomic(path, writer, inputs=protect)  # type: ignore[arg-type]
    except OSError as exc:
        raise Failure(_cannot_write(path, exc), EXIT_USAGE) from None


def check_output_target(path: str, protect: tuple[str, ...], suffixes: tuple[str, ...] = ()) -> None:
    """Exit 2, before any work, for an output that is an input drawing, a folder, in a folder
    that does not exist or cannot be written, or (with ``suffixes``) of another type."""
    target = Path(path)
    try:
        refuse_inputs(target, protect)
    except OutputError:
        raise Failure(_refuse(path), EXIT_USAGE) from None
    if suffixes and target.suffix.lower() not in suffixes:
        ends = " or ".join((", ".join(suffixes[:-1]), suffixes[-1])) if len(suffixes) > 1 else suffixes[0]
        raise Failure(say(f"osmark: {path}: the file must end in {ends}",
                          f"osmark: {path}: ファイル名は {'、'.join(suffixes)} のいずれかで終えてください"),
                      EXIT_USAGE)
    if target.is_dir():
        raise Failure(say(f"osmark: {path}: is a folder, not a file",
                          f"osmark: {path}: フォルダです。ファイルを指定してください"), EXIT_USAGE)
    parent = target.parent if str(target.parent) else Path(".")
    if not parent.is_dir():
        what = ("is not a folder", "はフォルダではありません") if parent.exists() else \
            ("does not exist (folders are not created)", "がありません（フォルダは作りません）")
        raise Failure(say(f"osmark: {path}: cannot write here: {parent} {what[0]}",
                          f"osmark: {path}: ここには書き込めません: {parent} {what[1]}"), EXIT_USAGE)
    if not os.access(parent, os.W_OK | os.X_OK) or (target.exists() and not os.access(target, os.W_OK)):
        raise Failure(say(f"osmark: {path}: cannot write here (permission denied)",
                          f"osmark: {path}: ここには書き込めません（権限がありません）"), EXIT_USAGE)


def _refuse(path: str) -> str:
    return say(f"osmark: {path}: refusing to overwrite the input drawing",
               f"osmark: {path}: 入力の図面は上書きしません")


def _cannot_write(path: str, exc: OSError) -> str:
    if isinstance(exc, OutputError):
        return prefixed("osmark", exc_message(exc))
    return say(f"osmark: {path}: cannot write here ({exc.strerror or exc})",
               f"osmark: {path}: ここには書き込めません（{exc.strerror or exc}）")


IMAGE_SUFFIXES = (".png", ".svg", ".pdf")


def check_image_target(path: str, protect: tuple[str, ...]) -> None:
    """Exit 2 for an image path that is an input drawing, has no image suffix or cannot be
    written (see :func:`check_output_target`)."""
    check_output_target(path, protect, IMAGE_SUFFIXES)


def write_image(render: Callable[[str], None], path: str, protect: tuple[str, ...]) -> None:
    """Render an image file (atomically, by the renderer), refusing the input drawing and
    unknown suffixes; exit 2 when the place cannot be written."""
    check_image_target(path, protect)
    try:
        render(path)
    except OSError as exc:
        raise Failure(_cannot_write(path, exc), EXIT_USAGE) from None


@contextmanager
def floor_time(config: Config, path: str, lang: str, floors: int = 1) -> Iterator[None]:
    """The time limit of ``floors`` floors ([limits] seconds, --time-limit): exit 3 with its own
    message when it runs out; the process ends even when stuck inside a library call."""
    seconds = config.limits.seconds * floors
    stop = TimeLimitExceeded(seconds, path)
    try:
        with hard_deadline(seconds + 5 + 0.1 * seconds if seconds else None, f"osmark: {stop.text(lang)}",
                           EXIT_UNREADABLE), time_limit(seconds, path):
            yield
    except TimeLimitExceeded as exc:
        raise Failure(f"osmark: {exc.text(lang)}", EXIT_UNREADABLE) from None


def run(fn: Callable[[], int]) -> int:
    """Turn Failures and unexpected errors into a message and an exit code."""
    try:
        return fn()
    except Failure as exc:
        click.echo(printable(in_lang(exc_message(exc), _chosen_lang())), err=True)
        return exc.code
    except ConfigError as exc:
        click.echo(printable(in_lang(prefixed("osmark", exc_message(exc)), _chosen_lang())), err=True)
        return EXIT_USAGE
    except OutputError as exc:  # an output (--html …) that cannot be written where asked
        click.echo(printable(in_lang(prefixed("osmark", exc_message(exc)), _chosen_lang())), err=True)
        return EXIT_USAGE


def _chosen_lang() -> str:
    """The language of the running command's messages: --lang, else the locale's."""
    ctx = click.get_current_context(silent=True)
    lang = ctx.params.get("lang") if ctx is not None else None
    return lang or default_lang()


def printable(text: str) -> str:
    """``text`` without lone surrogates (undecodable bytes of a damaged file): each becomes ?"""
    return text.encode("utf-8", "replace").decode("utf-8")


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
time_limit_option = click.option("--time-limit", "seconds", type=click.FloatRange(min=0.0), default=None,
                                 help="Seconds one floor may take (default: [limits] seconds, 300; 0: none).")
max_entities_option = click.option("--max-entities", "entities", type=click.IntRange(min=1), default=None,
                                   help="Most entities after block expansion (default: [limits] entities).")
accept_partial_option = click.option(
    "--accept-partial", is_flag=True,
    help="Check a DWG/Jw_cad drawing whose conversion lost walls or texts (DWG011) instead of exit 3.")


@cli.command()
@click.argument("drawing", type=click.Path(dir_okay=True, readable=False))
@click.option("--format", "fmt", type=click.Choice(list(FORMATS)), default="text", show_default=True,
              help="Report format for stdout (or --output).")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the report to this file.")
@click.option("--image", type=click.Path(dir_okay=False), help="Annotated plan (.png, .svg or .pdf).")
@click.option("--graph", is_flag=True, help="Draw the access graph on the image.")
@click.option("--dxf", "dxf", type=click.Path(dir_okay=False),
              help="Copy of the drawing with the findings (layer OSM-FINDINGS) and levels (OSM-LEVELS).")
@click.option("--waivers", type=click.Path(dir_okay=False),
              help="Waivers file (TOML; default: config's waivers, or osmark-waivers.toml beside the drawing).")
@click.option("--baseline", type=click.Path(dir_okay=False), help="Accept the findings recorded in this baseline.")
@click.option("--write-baseline", type=click.Path(dir_okay=False), help="Record today's findings as a baseline.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even with error findings (2 and 3 still apply).")
@html_option
@lang_option
@click.option("--select", help="Only these rules (codes or prefixes, comma separated: ACC,ENC001).")
@click.option("--ignore", help="Leave out these rules (codes or prefixes).")
@click.option("--units", type=click.Choice(UNITS), help="Drawing units, overriding $INSUNITS.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="osmark.toml to use.")
@click.option("--quiet", "-q", is_flag=True, help="Print nothing on success but the report.")
@profile_option
@region_option
@time_limit_option
@max_entities_option
@accept_partial_option
@click.option("--debug", is_flag=True, hidden=True, help="Show tracebacks of internal errors.")
def check(drawing: str, fmt: str, output: str | None, image: str | None, graph: bool, dxf: str | None,
          waivers: str | None, baseline: str | None, write_baseline: str | None, exit_zero: bool,
          lang: str | None, select: str | None, ignore: str | None, units: str | None,
          config_path: str | None, quiet: bool, profile: str | None, region: str | None,
          seconds: float | None, entities: int | None, debug: bool, html: str | None = None,
          accept_partial: bool = False) -> None:
    """Check one floor drawing (DXF, DWG, Jw_cad JWW/JWC); findings to stdout. Exit 1 when an
    error is found."""
    extras = {"dxf": dxf, "waivers": waivers, "baseline": baseline, "write_baseline": write_baseline,
              "exit_zero": exit_zero, "accept_partial": accept_partial}
    sys.exit(run(lambda: _check(drawing, fmt, output, image, graph, lang, select, ignore, units,
                                config_path, quiet, debug, profile, region, seconds, entities, html=html, **extras)))


def _check(drawing, fmt, output, image, graph, lang, select, ignore, units, config_path, quiet, debug,
           profile=None, region=None, seconds=None, entities=None, dxf=None, waivers=None, baseline=None,
           write_baseline=None, exit_zero=False, html=None, accept_partial=False) -> int:
    from .accept import acceptances
    from .reader import ReadError
    from .partial import refuse_partial
    from .waivers import apply_waivers

    if graph and not image:
        raise Failure(say("osmark: --graph draws the access graph on the image: give --image too",
                          "osmark: --graph はアクセスグラフを画像に描きます。--image も指定してください"), EXIT_USAGE)
    protect = (drawing,)
    if output:  # outputs are checked before any work
        check_output_target(output, protect)
    if image:
        check_image_target(image, protect)
    config = load_config(drawing, config_path, select, ignore, units, profile, region, seconds, entities)
    lang = lang or config.lang or default_lang()
    _some_rule_selected(config)
    accepted = acceptances(drawing, config, waivers, baseline)  # a broken file: exit 2 before reading
    from .output import OutputError, refuse_inputs

    try:  # outputs that would overwrite the drawing are refused before it is read
        if dxf is not None:
            from .markup import check_target

            check_target(dxf, (drawing,))
        if write_baseline is not None:
            refuse_inputs(write_baseline, (drawing,))
    except OutputError as exc:
        raise Failure(prefixed("osmark", exc_message(exc)), EXIT_USAGE) from None
    if html:
        check_html_target(html, (drawing,))
    prescan(drawing, config)
    from .api import check_plan, load  # (numpy, shapely, networkx: imported while the child scans)

    with floor_time(config, drawing, lang), _kept_for_markup(dxf):
        try:
            plan = load(drawing, config, units=units, rooms=False)  # read: the reader's guard
            refuse_partial(plan, accept_partial or config.accept_partial)  # DWG011: exit 3 unless accepted
        except ReadError as exc:
            raise Failure(f"osmark: {exc.text(lang)}", EXIT_UNREADABLE) from None
        try:  # build (rooms from walls, the site) and rules: the geometry's guard
            report = check_plan(plan, config)
        except ConfigError:
            raise
        except Exception as exc:  # a geometry failure on a drawing we could read
            if debug:
                raise
            raise Failure(say(f"osmark: {drawing}: cannot check this drawing: {type(exc).__name__}: {exc}",
                              f"osmark: {drawing}: この図面は検査できません（{type(exc).__name__}: {exc}）"),
                          EXIT_UNREADABLE) from None
        report = apply_waivers(report, accepted) if accepted else report
        writer = FORMATS[fmt]
        if output:
            write_atomic(output, lambda fh: writer(report, lang, fh), protect=protect)
        else:
            writer(report, lang, sys.stdout)
        if image:
            from .report.image import render_image

            write_image(lambda path: render_image(report, path, lang=lang, graph=graph), image, protect)
            if not quiet:
                click.echo(("画像を書き出しました: " if lang == "ja" else "Image written: ") + image, err=True)
        if html:
            from .report.html import report_html

            write_html(lambda: report_html(report, lang), html, (drawing,), lang, quiet)
        _extra_outputs(report, drawing, lang, quiet, dxf, write_baseline)
    return EXIT_FINDINGS if report.has_errors and not exit_zero else EXIT_OK


def prescan(drawing: str, config: Config) -> None:
    """Start scanning the drawing in a forked child while this process imports its libraries
    (reader/prescan.py). Anything odd here just leaves the scan to the read itself."""
    try:
        from .reader.layers import LayerKinds
        from .reader.prepare import reads_filtered
        from .reader.prescan import start

        if reads_filtered(config):
            start(drawing, LayerKinds(config), config.limits.entities, config.limits.seconds)
    except Exception:  # noqa: BLE001 - e.g. a bad layer pattern: the read reports it
        return


def _kept_for_markup(dxf: str | None) -> ContextManager[None]:
    """With --dxf: the check's document, when it read the whole file, is kept for the markup
    (the drawing is then loaded once, not twice)."""
    if not dxf:
        return nullcontext()
    from .reader.kept import keeping

    return keeping()


def _extra_outputs(report, drawing: str, lang: str, quiet: bool, dxf: str | None,
                   baseline: str | None) -> None:
    """--dxf and --write-baseline, with the warnings on unused and expired waivers."""
    from .output import OutputError

    ja = lang == "ja"
    for w in report.unused_waivers:
        click.echo(f"osmark: {w.source}: " + (f"免除 {w.fingerprint} はどの指摘にも一致しません" if ja else
                                              f"waiver {w.fingerprint} matches no finding"), err=True)
    for w in report.expired_waivers:
        click.echo(f"osmark: {w.source}: " + (f"免除 {w.fingerprint} は {w.expires} に期限切れです" if ja else
                                              f"waiver {w.fingerprint} expired on {w.expires}"), err=True)
    try:
        if dxf:
            from .markup import write_markup

            write_markup(report, dxf, lang=lang)
            if not quiet:
                click.echo(("DXF を書き出しました: " if ja else "DXF written: ") + dxf, err=True)
        if baseline:
            from .baseline import write_baseline

            write_baseline(report, baseline, lang, inputs=(drawing,))
            if not quiet:
                click.echo(("ベースラインを書き出しました: " if ja else "Baseline written: ") + baseline, err=True)
    except OutputError as exc:
        raise Failure(prefixed("osmark", exc_message(exc)), EXIT_USAGE) from None


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
@click.argument("drawing", type=click.Path(dir_okay=True, readable=False))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="osmark.toml to use.")
@click.option("--units", type=click.Choice(UNITS), help="Drawing units, overriding $INSUNITS.")
@lang_option
@profile_option
@region_option
@time_limit_option
@max_entities_option
@click.option("--suggest-config", is_flag=True, help="Print a starting osmark.toml for this drawing.")
def layers(drawing: str, fmt: str, config_path: str | None, units: str | None, lang: str | None,
           profile: str | None, region: str | None, seconds: float | None, entities: int | None,
           suggest_config: bool) -> None:
    """Show how each layer was mapped, and what was found on it."""

    def go() -> int:
        from .api import load
        from .pipeline import rooms
        from .report.layers import layers_json, layers_text, suggest_config_text
        from .reader import ReadError

        config = load_config(drawing, config_path, None, None, units, profile, region, seconds, entities)
        chosen = lang or config.lang or default_lang()
        try:
            with floor_time(config, drawing, chosen):
                plan = load(drawing, config, units=units, rooms=False)
                plan = rooms(plan, config)  # fails soft: a failed step is a repair
        except ReadError as exc:
            raise Failure(f"osmark: {exc.text(chosen)}", EXIT_UNREADABLE) from None
        if suggest_config:
            click.echo(suggest_config_text(plan, config, lang or config.lang or default_lang()), nl=False)
            return EXIT_OK
        click.echo(layers_json(plan) if fmt == "json" else layers_text(plan, lang or config.lang or default_lang()))
        return EXIT_OK

    sys.exit(run(go))


def main(argv: list[str] | None = None) -> int:
    """Console-script entry point; returns the exit code.

    Ctrl-C, SIGTERM and SIGHUP end with 130, 143 and 129 after removing unfinished outputs;
    numeric RuntimeWarnings (from absurd coordinates) are kept off stderr."""
    install()
    safe_stdout()
    warnings.simplefilter("ignore", RuntimeWarning)
    try:
        cli.main(args=argv, prog_name="osmark", standalone_mode=True)
    except SystemExit as exc:
        return int(exc.code or 0) if not isinstance(exc.code, str) else EXIT_USAGE
    except Interrupted as exc:
        from .output import cleanup_pending

        cleanup_pending()
        try:
            click.echo(exc.text(lang_of(list(sys.argv[1:] if argv is None else argv))), err=True)
        except Exception:  # noqa: BLE001 - stderr gone (a closed pipe): the code still tells
            pass
        return exc.code
    return EXIT_OK

