"""A CJK font for the plan image, so Japanese renders with real glyphs.

Looked for in order: the IPAexGothic file shipped inside the ``japanize-matplotlib`` package
(found without importing that package, which imports ``distutils``), then common system font
files (Noto CJK, IPAex, Takao, VL Gothic), then ``fc-match :lang=ja``.
"""

from __future__ import annotations

import functools
import importlib.util
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

#: font files tried after the bundled IPAexGothic, in order
SYSTEM_FONTS = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJKjp-Regular.otf",
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf",
    "/usr/share/fonts/truetype/ipaexfont-gothic/ipaexg.ttf",
    "/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf",
    "/usr/share/fonts/truetype/fonts-japanese-gothic.ttf",
    "/usr/share/fonts/truetype/takao-gothic/TakaoGothic.ttf",
    "/usr/share/fonts/truetype/vlgothic/VL-Gothic-Regular.ttf",
    "/System/Library/Fonts/ヒラギノ角ゴシック W3.ttc",
    "C:/Windows/Fonts/meiryo.ttc",
    "C:/Windows/Fonts/msgothic.ttc",
)


@dataclass(frozen=True)
class FontChoice:
    """The font the image uses: its matplotlib family name, file and where it was found."""

    family: str
    path: str | None
    origin: str  # "japanize-matplotlib", "system", "fc-match" or "fallback"


def bundled_font() -> Path | None:
    """IPAexGothic inside the japanize-matplotlib package, located without importing it."""
    try:
        spec = importlib.util.find_spec("japanize_matplotlib")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        path = Path(folder) / "fonts" / "ipaexg.ttf"
        if path.is_file():
            return path
    return None


def fc_match_font() -> Path | None:
    """A Japanese font file as fontconfig sees it, if fontconfig is installed."""
    exe = shutil.which("fc-match")
    if exe is None:
        return None
    try:
        out = subprocess.run([exe, "-f", "%{file}", ":lang=ja"], capture_output=True,
                             text=True, timeout=10, check=False).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    path = Path(out) if out else None
    return path if path is not None and path.is_file() and _covers_japanese(path) else None


def candidates() -> list[tuple[Path, str]]:
    """Font files to try, best first, with where each was found."""
    found: list[tuple[Path, str]] = []
    bundled = bundled_font()
    if bundled is not None:
        found.append((bundled, "japanize-matplotlib"))
    found.extend((Path(p), "system") for p in SYSTEM_FONTS if Path(p).is_file())
    matched = fc_match_font()
    if matched is not None:
        found.append((matched, "fc-match"))
    return found


def _covers_japanese(path: Path) -> bool:
    """Whether a font file has glyphs for a few kana and kanji."""
    try:
        from matplotlib.ft2font import FT2Font

        font = FT2Font(str(path))
    except Exception:  # noqa: BLE001 - unreadable font file: not a candidate
        return False
    return all(font.get_char_index(ord(ch)) for ch in "あア室外")


@functools.lru_cache(maxsize=1)
def cjk_font() -> FontChoice:
    """Register the first usable CJK font with matplotlib and tell which one it is."""
    from matplotlib import font_manager

    for path, origin in candidates():
        try:
            font_manager.fontManager.addfont(str(path))
            family = font_manager.FontProperties(fname=str(path)).get_name()
        except Exception:  # noqa: BLE001 - a broken font file: try the next one
            continue
        return FontChoice(family=family, path=str(path), origin=origin)
    return FontChoice(family="DejaVu Sans", path=None, origin="fallback")


def font_in_use() -> str:
    """One line naming the image font and its file, for messages and `--version` output."""
    choice = cjk_font()
    return f"{choice.family} ({choice.path or 'no CJK font found'}, {choice.origin})"
