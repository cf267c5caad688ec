"""``--html PATH`` of check and diff: the option and how the file is written (exit 2 when the
place cannot be written or is an input drawing)."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import click

html_option = click.option("--html", "html", type=click.Path(dir_okay=False),
                           help="Self-contained HTML report (plan, findings, ja/en) to this file.")


def check_html_target(path: str, protect: tuple[str, ...]) -> None:
    """Exit 2 (before any drawing is read) for an HTML path that is an input or a folder."""
    from .cli import EXIT_USAGE, Failure

    for p in protect:
        if Path(path).resolve() == Path(p).resolve():
            raise Failure(f"osmark: {path}: refusing to overwrite the input drawing", EXIT_USAGE)
    if Path(path).is_dir():
        raise Failure(f"osmark: {path}: is a folder", EXIT_USAGE)


def write_html(render: Callable[[], str], path: str, protect: tuple[str, ...], lang: str,
               quiet: bool) -> None:
    """Render the page and write it atomically to ``path``; say so on stderr unless ``quiet``."""
    from .cli import EXIT_USAGE, Failure
    from .output import OutputError, write_text_atomic

    try:
        write_text_atomic(path, render(), inputs=protect)
    except OutputError as exc:
        raise Failure(f"osmark: {exc}", EXIT_USAGE) from None
    if not quiet:
        click.echo(("HTML レポートを書き出しました: " if lang == "ja" else "HTML report written: ") + path,
                   err=True)
