"""Second fonts for characters the image font lacks (Chinese, Hangul, rare kanji such as 𠮷).

Per character, the first font file on this machine that has it: the well-known CJK fonts
first (Noto / Source Han CJK, WenQuanYi, Droid Sans Fallback, Nanum, Malgun, YaHei, ...),
regular weights before bold, then every other font. Looked up only for characters the image
font lacks; each font's character map is read once per process (a sorted code array, no open
font face, so a forked batch floor inherits nothing it must not share). A character no font
has gets None: the caller draws a box (tofu), never drops it.
"""

from __future__ import annotations

import functools
import os
import re
import threading
from typing import Any, Iterable

#: file-name patterns of fonts that cover many CJK and Hangul characters, best first
PREFERRED = ("notosanscjk", "sourcehansans", "notosans(jp|kr|sc|tc|hk)", "wqy|wenquanyi",
             "droidsansfallback", "nanumgothic", "malgun", "msyh|yahei", "simhei", "simsun",
             "pingfang", "applesdgothic", "hiragino", "yugoth", "meiryo", "notoserifcjk",
             "sourcehanserif", "nanum", "hanamin", "unifont")
_PREFERRED = [re.compile(p) for p in PREFERRED]
_HEAVY = re.compile(r"bold|black|heavy|light|thin|italic|oblique|mono")


def rank(path: str) -> tuple[int, int, str]:
    """Sort key of a font file: preferred family first, regular weight first, then name;
    a "last resort" font (placeholder boxes for every code point) after all others."""
    name = re.sub(r"[^a-z0-9]", "", path.replace("\\", "/").rsplit("/", 1)[-1].lower())
    first = next((i for i, p in enumerate(_PREFERRED) if p.search(name)), len(_PREFERRED))
    if "lastresort" in name:  # matplotlib's own: a placeholder for every code point, last
        first += 1
    return first, int(bool(_HEAVY.search(name))), name


def font_files() -> list[str]:
    """Font files (TrueType, OpenType, collections) of this machine, best first: what
    matplotlib's font list knows and what a fresh scan finds (fonts installed since the list
    was cached)."""
    from matplotlib import font_manager

    found: set[str] = set()
    try:
        found.update(font_manager.findSystemFonts())
    except Exception:  # noqa: BLE001 - an unreadable font folder: what matplotlib knows
        pass
    found.update(f.fname for f in font_manager.fontManager.ttflist)
    files = [f for f in found if f.lower().endswith((".ttf", ".otf", ".ttc", ".otc"))]
    return sorted(files, key=rank)


def _codes(path: str) -> Any:
    """The sorted code points a font file maps (empty when it cannot be read)."""
    import numpy as np

    try:
        from matplotlib.ft2font import FT2Font

        keys = FT2Font(path).get_charmap().keys()
    except Exception:  # noqa: BLE001 - a broken or unsupported font file covers nothing
        return np.zeros(0, dtype=np.int64)
    return np.sort(np.fromiter(keys, dtype=np.int64))


class Coverage:
    """Which font file has which character: files read in rank order, as far as needed."""

    def __init__(self, files: list[str]) -> None:
        self.files = files
        self._codes: list[Any] = []
        self._found: dict[str, str | None] = {}
        self._lock = threading.Lock()

    def find(self, chars: Iterable[str]) -> dict[str, str | None]:
        """Character -> the first font file that has it, or None; cached per character."""
        import numpy as np

        with self._lock:
            todo = sorted({c for c in chars if c not in self._found})
            if todo:
                left = np.array([ord(c) for c in todo], dtype=np.int64)
                for i, path in enumerate(self.files):
                    if i == len(self._codes):
                        self._codes.append(_codes(path))
                    hit = np.isin(left, self._codes[i])
                    for code in left[hit]:
                        self._found[chr(int(code))] = path
                    left = left[~hit]
                    if not len(left):
                        break
                for code in left:
                    self._found[chr(int(code))] = None
            return {c: self._found[c] for c in chars}


@functools.lru_cache(maxsize=1)
def coverage() -> Coverage:
    """This machine's fonts, for :func:`fallback_files` (listed once per process)."""
    return Coverage(font_files())


def _fresh_lock() -> None:
    """A forked child gets its own lock (a parent's thread may have held it at the fork)."""
    if coverage.cache_info().currsize:
        coverage()._lock = threading.Lock()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_fresh_lock)


def fallback_files(chars: Iterable[str]) -> dict[str, str | None]:
    """Character -> a font file of this machine that has it, or None (draw a box)."""
    return coverage().find(list(chars))


@functools.lru_cache(maxsize=64)
def family_of(path: str) -> str | None:
    """The matplotlib family name of a fallback font file, registered with matplotlib so
    that texts can name it; None when matplotlib cannot load it."""
    from matplotlib import font_manager

    try:
        font_manager.fontManager.addfont(path)
        return font_manager.FontProperties(fname=path).get_name()
    except Exception:  # noqa: BLE001 - a font FreeType reads but matplotlib does not: no text font
        return None


def fallback_families(text: str, has: Any) -> list[str]:
    """Families (registered with matplotlib) for the characters of ``text`` that ``has``
    (character -> bool) says the image's own fonts lack; empty when none is missing."""
    missing = {c for c in text if not c.isspace() and not has(c)}
    if not missing:
        return []
    files = fallback_files(missing)
    paths = dict.fromkeys(p for c in sorted(missing) if (p := files[c]) is not None)
    return [f for f in dict.fromkeys(family_of(p) for p in paths) if f]


def visible(text: str) -> str:
    """``text`` with each lone surrogate (an undecodable byte of a damaged file, half of a
    broken pair) as U+FFFD, which fonts draw and files can hold; pairs are joined."""
    if not any("\ud800" <= c <= "\udfff" for c in text):
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def name_fallbacks(fig: Any, has: Any) -> int:
    """Fit each text of ``fig`` to the fonts: lone surrogates shown as U+FFFD, and fallback
    families put into its font list (after its first family) for characters the image's
    fonts lack (``has``: character -> bool); matplotlib (>= 3.6) then draws each character
    from the first family that has it, in PNG, SVG and PDF alike. Characters no font has
    stay in the text (matplotlib draws a box). Returns how many texts were given fallbacks."""
    from matplotlib.text import Text

    given = 0
    for text in fig.findobj(Text):
        content = text.get_text()
        if not content or content.isascii():
            continue
        shown = visible(content)
        if shown != content:
            text.set_text(shown)
        extra = fallback_families(shown, has)
        if extra:
            first, *rest = text.get_fontfamily()
            text.set_fontfamily([first, *extra, *(f for f in rest if f not in extra)])
            given += 1
    return given
