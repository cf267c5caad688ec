"""The Japanese font of the HTML reports, embedded: a subset holding only the characters used.

The font file is the one the plan image uses (IPAexGothic from ``japanize-matplotlib``, else
a system CJK font: :mod:`.fonts`), cut down with fontTools (a matplotlib dependency) to the
characters of the page and embedded as a base64 ``data:`` URL (WOFF2 when brotli is
installed, else WOFF), so the page shows real Japanese glyphs on a machine without a Japanese
font and fetches nothing. Without a usable font file the page falls back to the font stack.
"""

from __future__ import annotations

import base64
import functools
import io
import logging
from typing import Iterable

#: the embedded font's CSS family name (first in every font stack of the pages)
FAMILY = "OSM Embedded"
#: the font stack after it: the embedded font's own name, then common Japanese system fonts
STACK = ('"IPAexGothic", "IPAexゴシック", "Noto Sans CJK JP", "Noto Sans JP", "Hiragino Sans", '
         '"Hiragino Kaku Gothic ProN", "Yu Gothic", "YuGothic", Meiryo, "Source Han Sans JP", '
         'sans-serif')
#: characters always kept (digits, Latin letters, punctuation used by the page itself)
ALWAYS = "".join(chr(c) for c in range(0x20, 0x7F)) + "–—…→←↑↓×・「」、。（）：！？％"


def font_stack() -> str:
    """The CSS ``font-family`` value of the pages."""
    return f'"{FAMILY}", {STACK}'


@functools.lru_cache(maxsize=1)
def font_file() -> str | None:
    """The CJK font file to embed (the image's font when it is the bundled IPAexGothic or a
    known system font; fontconfig is asked last), or None."""
    from pathlib import Path

    from .fonts import SYSTEM_FONTS, bundled_font, fc_match_font

    found = bundled_font() or next((Path(p) for p in SYSTEM_FONTS if Path(p).is_file()), None)
    found = found or fc_match_font()
    return str(found) if found is not None and found.suffix.lower() in (".ttf", ".otf", ".ttc") else None


def _flavor() -> str:
    try:
        import brotli  # noqa: F401
    except ImportError:
        return "woff"
    return "woff2"


def subset_font(chars: Iterable[str], path: str | None = None) -> tuple[bytes, str] | None:
    """The font cut down to ``chars``, as (bytes, "woff2" or "woff"); None when impossible."""
    path = path or font_file()
    if path is None:
        return None
    try:
        from fontTools import subset
        from fontTools.ttLib import TTFont
    except ImportError:
        return None
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    flavor = _flavor()
    options = subset.Options()
    options.flavor = flavor
    options.hinting = False
    options.desubroutinize = True
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.layout_features = ["kern", "liga", "palt"]
    try:
        font = TTFont(path, fontNumber=0, lazy=True)
        subsetter = subset.Subsetter(options)
        subsetter.populate(text="".join(sorted(set(chars) | set(ALWAYS))))
        subsetter.subset(font)
        buf = io.BytesIO()
        font.flavor = flavor
        font.save(buf)
    except Exception:  # noqa: BLE001 - a font that cannot be cut: the page uses the stack
        return None
    return buf.getvalue(), flavor


def font_face_css(text: str, family: str = FAMILY) -> str:
    """An ``@font-face`` rule embedding the font subset for ``text`` ("" without a font)."""
    cut = subset_font(ch for ch in text if not ch.isspace())
    if cut is None:
        return ""
    data, flavor = cut
    b64 = base64.b64encode(data).decode("ascii")
    return (f'@font-face{{font-family:"{family}";font-style:normal;font-weight:400 700;'
            f'src:url(data:font/{flavor};base64,{b64}) format("{flavor}");}}')
