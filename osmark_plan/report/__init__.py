"""Reporters: each format is a writer ``write(report, lang, stream)`` over the report document."""

from __future__ import annotations

from pathlib import Path
from typing import Callable, TextIO

from ..findings import Report
from . import json_report, junit, sarif, text
from .document import report_document

Writer = Callable[[Report, str, TextIO], None]

#: format name -> writer; a new format registers here (and the CLI offers it)
FORMATS: dict[str, Writer] = {
    "text": text.write,
    "json": json_report.write,
    "sarif": sarif.write,
    "junit": junit.write,
}


def writer(name: str) -> Writer:
    """The writer of a format; ``KeyError`` names the known formats."""
    try:
        return FORMATS[name]
    except KeyError:
        raise KeyError(f"unknown format {name!r}; known: {', '.join(sorted(FORMATS))}") from None


def render_image(report: Report, path: str | Path, lang: str = "ja", graph: bool = False) -> Path:
    """Draw the annotated plan to ``path`` (PNG, SVG or PDF by suffix); imports matplotlib."""
    from .image import render_image as render

    return render(report, path, lang=lang, graph=graph)


__all__ = ["FORMATS", "Writer", "render_image", "report_document", "writer"]
