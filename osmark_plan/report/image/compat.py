"""What differs between matplotlib versions in the calls the image makes.

pyproject.toml requires matplotlib 3.11 (the PNG's own text layout measures lines as 3.11 does;
the suite runs on that bound), but these guards keep an image drawable, if laid out slightly
differently, where an older matplotlib is installed (3.8 onwards)."""

from __future__ import annotations

from typing import Any


def root_figure(artist: Any) -> Any:
    """The figure an artist is drawn on: ``get_figure(root=True)`` since matplotlib 3.10,
    ``get_figure()`` before (the same here: the image has no subfigures)."""
    try:
        return artist.get_figure(root=True)
    except TypeError:
        return artist.get_figure()


def no_hinting() -> Any:
    """FreeType's "no hinting" load flag: ``ft2font.LoadFlags`` since matplotlib 3.10, a
    module constant before (deprecated since)."""
    from matplotlib import ft2font

    flags = getattr(ft2font, "LoadFlags", None)
    return flags.NO_HINTING if flags is not None else ft2font.LOAD_NO_HINTING


def linespacing(text: Any) -> Any:
    """A Text's line spacing: ``get_linespacing()`` in newer matplotlib (3.11), the
    attribute in older (3.8)."""
    getter = getattr(text, "get_linespacing", None)
    return getter() if getter is not None else getattr(text, "_linespacing", 1.2)

