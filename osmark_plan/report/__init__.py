"""Reporters: each format is a writer ``write(report, lang, stream)`` over the report document.

The writers' modules are imported when a format is used: ``osmark --help`` and ``osmark rules``
need the format names only, and ``osmark check --format json`` needs no other reporter.
"""

from __future__ import annotations

from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator, Mapping, TextIO

if TYPE_CHECKING:
    from ..findings import Report
    from .document import report_document

Writer = Callable[["Report", str, TextIO], None]

#: format name -> the module (in this package) whose ``write`` writes it; a new format
#: registers here (and the CLI offers it)
WRITER_MODULES: dict[str, str] = {
    "text": "text",
    "json": "json_report",
    "sarif": "sarif",
    "junit": "junit",
}


class _Formats(Mapping[str, Writer]):
    """format name -> writer, importing a writer's module on first use."""

    def __getitem__(self, name: str) -> Writer:
        module = WRITER_MODULES[name]  # KeyError for an unknown format, as a dict gives
        return import_module(f"{__name__}.{module}").write  # type: ignore[no-any-return]

    def __iter__(self) -> Iterator[str]:
        return iter(WRITER_MODULES)

    def __len__(self) -> int:
        return len(WRITER_MODULES)


#: format name -> writer (the names known without importing any writer)
FORMATS: Mapping[str, Writer] = _Formats()


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


def __getattr__(name: str) -> Any:
    """``report_document``, imported on first use (it needs the geometry packages)."""
    if name == "report_document":
        from .document import report_document

        return report_document
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["FORMATS", "Writer", "render_image", "report_document", "writer"]
