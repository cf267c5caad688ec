"""``--html PATH`` of check, diff and batch: the option and how the file is written.

A path that is an input drawing, a folder, or in a missing folder raises
:class:`~osmark_plan.output.OutputError`, which the CLI reports with exit 2."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import click
from .messages import say

html_option = click.option("--html", "html", type=click.Path(dir_okay=False),
                           help="Self-contained HTML report (plan, findings, ja/en) to this file.")


def check_html_target(path: str, protect: tuple[str, ...]) -> None:
    """Refuse (before any drawing is read) an HTML path that is an input or a folder."""
    from .output import OutputError, refuse_inputs

    refuse_inputs(path, protect)  # also a hard link or symlink to an input
    if Path(path).is_dir():
        raise OutputError(say(f"{path}: is a folder", f"{path}: フォルダです"))


def write_html(render: Callable[[], str], path: str, protect: tuple[str, ...], lang: str,
               quiet: bool) -> None:
    """Render the page and write it atomically to ``path``; say so on stderr unless ``quiet``."""
    from .output import write_text_atomic

    write_text_atomic(path, render(), inputs=protect)
    if not quiet:
        click.echo(("HTML レポートを書き出しました: " if lang == "ja" else "HTML report written: ") + path,
                   err=True)
