"""The annotated plan image (``--image PATH``): PNG, SVG or PDF of a checked floor.

One module a concept: :mod:`.render` lays the figure out and writes it; :mod:`.style` holds
colours and sizes, :mod:`.graph`, :mod:`.items`, :mod:`.shapes`, :mod:`.labels`,
:mod:`.markers`, :mod:`.marks` (rooms split or merged), :mod:`.panel` and :mod:`.more` draw
its parts, :mod:`.glyphs` and :mod:`.rasterise` turn texts into pixels, :mod:`.png` writes
the file. The package itself imports nothing heavy: the names below load :mod:`.render` on
first use (PEP 562), so that the HTML and SVG reporters can take :mod:`.style` alone.
"""

from __future__ import annotations

from typing import Any

__all__ = ["cluster_offsets", "cluster_points", "plan_figure", "render_image"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from . import render

        return getattr(render, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
