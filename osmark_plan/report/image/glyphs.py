"""Text metrics and glyph outlines of the plan image's font, each character read once.

matplotlib lays out every text through FreeType on each measurement and draw (about a
millisecond per string) and rasterises it glyph by glyph in Python. A large floor has a
thousand labels and a hundred thousand characters of findings, so the image measures texts
here (advance widths and ink extents per character, cached) and, for PNG, draws them as
glyph outlines in a few collections (:mod:`.rasterise`), one Agg call each.

Characters come from the image's CJK font (:mod:`..fonts`), those it lacks from DejaVu Sans,
as matplotlib's own fallback does, then from a font of this machine that has them
(:mod:`..fallback_fonts`); a character no font has is drawn as a box (tofu), never dropped.
"""

from __future__ import annotations

import functools
import os
import unicodedata
from dataclasses import dataclass
from typing import Any

from .compat import no_hinting

#: the size (pixels per em) outlines are read at: fine enough for any size drawn
_READ_SIZE = 100.0


@dataclass(frozen=True)
class Glyph:
    """One character at a size of one pixel per em: outline (vertices, codes, None for
    blanks), advance and ink bottom and top (above the baseline, upwards)."""

    vertices: Any
    codes: Any
    advance: float
    ymin: float
    ymax: float


def tofu(ch: str) -> Glyph:
    """A hollow box for a character no font has, as wide as the character would be (a full
    em for wide East Asian characters), so it is seen and its place kept."""
    import numpy as np

    wide = unicodedata.east_asian_width(ch) in ("W", "F")
    advance, x0, x1 = (1.0, 0.1, 0.9) if wide else (0.6, 0.07, 0.53)
    y0, y1, t = -0.08, 0.78, 0.06  # the box's bottom, top and stroke (per em)
    outer = [(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)]  # anticlockwise
    inner = [(x0 + t, y0 + t), (x0 + t, y1 - t), (x1 - t, y1 - t), (x1 - t, y0 + t),
             (x0 + t, y0 + t)]  # clockwise: the hole
    verts = np.array(outer + inner, dtype=float)
    codes = np.array([1, 2, 2, 2, 79] * 2, dtype=np.uint8)  # MOVETO, LINETO..., CLOSEPOLY
    return Glyph(verts, codes, advance, y0, y1)


class GlyphFont:
    """The image font and its fallback: glyphs, line metrics and text boxes (pixels)."""

    def __init__(self, paths: list[str]) -> None:
        from matplotlib.ft2font import FT2Font

        self._flags = no_hinting()
        self.fonts = []
        for path in paths:
            font = FT2Font(path)
            font.set_size(_READ_SIZE, 72)
            self.fonts.append(font)
        self._glyphs: dict[str, Glyph] = {}
        self._extra: dict[str, Any] = {}  # fallback font file -> its face
        self._has: dict[str, bool] = {}
        self._tables: dict[float, dict[str, tuple[Any, float]]] = {}
        head = self.fonts[0].get_sfnt_table("head")
        em = float(head["unitsPerEm"]) if head else 1000.0
        table = self.fonts[0].get_sfnt_table("OS/2")
        if table is not None and "sTypoAscender" in table:  # matplotlib 3.8 has no sTypo*
            asc, desc, gap = table["sTypoAscender"], table["sTypoDescender"], table["sTypoLineGap"]
        else:
            hhea = self.fonts[0].get_sfnt_table("hhea") or {"ascent": 800, "descent": -200,
                                                            "lineGap": 0}
            asc, desc, gap = hhea["ascent"], hhea["descent"], hhea["lineGap"]
        #: per em: the font's ascent, descent (positive) and line gap, as matplotlib reads them
        self.ascent, self.descent, self.gap = asc / em, -desc / em, gap / em

    def glyph(self, ch: str) -> Glyph:
        """The character's glyph from the first font that has it, else from a fallback font
        of this machine, else a box; a control or format character is blank."""
        found = self._glyphs.get(ch)
        if found is None:
            found = self._glyphs[ch] = self._load(ch)
        return found

    def has(self, ch: str) -> bool:
        """Whether the image's own fonts (not the fallbacks) have the character."""
        found = self._has.get(ch)
        if found is None:
            found = self._has[ch] = any(f.get_char_index(ord(ch)) for f in self.fonts)
        return found

    def _load(self, ch: str) -> Glyph:
        code = ord(ch)
        kind = unicodedata.category(ch)
        if kind in ("Cc", "Cf", "Zl", "Zp"):
            return Glyph(None, None, 0.0, 0.0, 0.0)
        if kind == "Cs":  # a lone surrogate (undecodable byte): shown as U+FFFD, as in texts
            return self.glyph("\ufffd")
        font = next((f for f in self.fonts if f.get_char_index(code)), None)
        if font is None:
            font = self._fallback(ch)
        if font is None:
            return tofu(ch)
        try:
            loaded = font.load_char(code, flags=self._flags)
            verts, codes = font.get_path()
        except RuntimeError:  # FreeType could not load it after all: a box, not a crash
            return tofu(ch)
        advance = loaded.linearHoriAdvance / 65536 / _READ_SIZE
        if not len(verts):
            return Glyph(None, None, advance, 0.0, 0.0)
        verts = verts / _READ_SIZE
        return Glyph(verts, codes, advance, float(verts[:, 1].min()), float(verts[:, 1].max()))

    def _fallback(self, ch: str) -> Any:
        """A face of the fallback font that has ``ch`` (opened once), or None."""
        from ..fallback_fonts import fallback_files

        path = fallback_files([ch])[ch]
        if path is None:
            return None
        face = self._extra.get(path)
        if face is None:
            from matplotlib.ft2font import FT2Font

            try:
                face = FT2Font(path)
                face.set_size(_READ_SIZE, 72)
            except Exception:  # noqa: BLE001 - unreadable after all: the box
                return None
            self._extra[path] = face
        return face if face.get_char_index(ord(ch)) else None

    def table(self, size_px: float) -> dict[str, tuple[Any, float]]:
        """Character -> (outline Path or None, advance), at ``size_px`` pixels per em; fill
        missing entries with :meth:`entry`."""
        return self._tables.setdefault(size_px, {})

    def entry(self, ch: str, size_px: float) -> tuple[Any, float]:
        """The character's outline at ``size_px`` pixels per em (a cached Path, None for a
        blank) and advance (pixels)."""
        table = self.table(size_px)
        found = table.get(ch)
        if found is None:
            from matplotlib.path import Path

            g = self.glyph(ch)
            path = None if g.vertices is None else Path(g.vertices * size_px, g.codes)
            found = table[ch] = (path, g.advance * size_px)
        return found

    def line(self, text: str, size_px: float) -> tuple[float, float, float]:
        """Width (advances), ink ascent and ink descent of one line, in pixels."""
        if not text:
            return 0.0, 0.0, 0.0
        known = self._glyphs.get
        glyphs = [known(ch) or self.glyph(ch) for ch in text]
        width = sum(g.advance for g in glyphs)
        inked = [g for g in glyphs if g.vertices is not None]
        top = max((g.ymax for g in inked), default=0.0)
        bottom = min((g.ymin for g in inked), default=0.0)
        return width * size_px, max(top, 0.0) * size_px, max(-bottom, 0.0) * size_px

    def layout(self, text: str, size_px: float, linespacing: Any = "normal"
               ) -> tuple[float, float, list[tuple[str, float, float]]]:
        """Box width and height of a (multi-line) text and each line with its width and
        baseline below the box's top, the way matplotlib lays text out: every line at least
        as tall as the font's ascent and descent, numeric ``linespacing`` a fixed pitch."""
        lines = text.split("\n")
        asc, desc = self.ascent * size_px, self.descent * size_px
        gap = self.gap * size_px if len(lines) > 1 else 0.0
        y, out = 0.0, []
        for line in lines:
            w, a, d = self.line(line, size_px)
            if linespacing == "normal" or linespacing is None:
                a, d = max(a, asc) + gap / 2, max(d, desc) + gap / 2
            else:
                leading = float(linespacing) * (asc + desc) - (a + d)
                a, d = a + leading / 2, d + leading / 2
            y += a
            out.append((line, w, y))
            y += d
        width = max(w for _, w, _ in out)
        return width, y, out

    def size(self, text: str, size_pt: float, dpi: float) -> tuple[float, float]:
        """Width and height (pixels) of ``text``'s box at ``size_pt`` points."""
        width, height, _ = self.layout(text, size_pt * dpi / 72.0)
        return width, height


def glyph_font() -> GlyphFont:
    """The image's font (:func:`.fonts.cjk_font`) with DejaVu Sans after it; one per thread
    (a FreeType face must not be used by two threads at once, as matplotlib's own cache)."""
    import threading

    return _glyph_font(threading.get_ident())


@functools.lru_cache(maxsize=8)
def _glyph_font(thread: int) -> GlyphFont:
    from matplotlib import font_manager

    from ..fonts import cjk_font

    fallback = font_manager.findfont(font_manager.FontProperties(family="DejaVu Sans"))
    paths = [p for p in (cjk_font().path, fallback) if p]
    return GlyphFont(list(dict.fromkeys(paths)))


# A forked child (a batch floor) opens its own faces, as matplotlib does with its font cache:
# FreeType reads glyphs from the font file as it needs them, and a face inherited through
# fork shares its file offset with the parent's and every sibling's - two floors drawing at
# once then read each other's bytes ("invalid outline").
if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_glyph_font.cache_clear)


#: matplotlib's own layout rounds each glyph to whole pixels: up to this much wider, plus a
#: pixel; boxes kept clear of each other use the wider measure
WIDTH_MARGIN = 1.03


def text_size(text: str, size_pt: float, dpi: float) -> tuple[float, float]:
    """Width and height (pixels) of a text's box in the image font at ``size_pt`` points,
    at least as wide as matplotlib's layout of it (labels placed with it never overlap)."""
    width, height = glyph_font().size(text, size_pt, dpi)
    return width * WIDTH_MARGIN + 1.0, height
