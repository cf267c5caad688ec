"""What a short drawing text is, for guessing layer kinds: a room name, or a tag that names no
room (door and window tags, size tags, grid bubbles, levels, dimensions) or a drawing title."""

from __future__ import annotations

import re
import unicodedata

#: door/window tags and sizes: D1, SD-3, AW12a, 910x2000, W1800×H2100, 900
_TAG = re.compile(r"^(?:[A-Z]{1,3}[-_ ]?\d{1,4}[A-Z]?|[WH]?\d{2,5}\s*[X×*]\s*[WH]?\d{2,5}|\d+(?:\.\d+)?"
                  r"|[A-Z]{1,2}|[XY]\d{1,3}|[A-Z]\d{1,2}|\d{1,3}[A-Z]|[+\-±]?\d+(?:\.\d+)?\s*(?:MM|M|CM|%)?"
                  r"|(?:FL|GL|CH|SL)\s*[+\-±]?\s*\d*)$", re.IGNORECASE)
#: a drawing's title or title-block words (図面名, 平面図, FLOOR PLAN, S=1/100, 縮尺 …)
_TITLE = re.compile(
    r"(図面名|図面番号|図番|図名|平面図|立面図|断面図|配置図|伏図|詳細図|展開図|矩計図|天井伏|求積|"
    r"縮尺|尺度|設計者|設計事務所|工事名|件名|日付|年月日|作成|承認|検図|製図|担当|契約|施主|図面\s*NO|"
    r"平面图|立面图|剖面图|图名|图号|比例|设计|"
    r"FLOOR\s*PLAN|SITE\s*PLAN|ROOF\s*PLAN|REFLECTED|ELEVATION|SECTION|DRAWING\s*(NO|TITLE|NUMBER)|"
    r"DWG\.?\s*NO|SHEET|SCALE|PROJECT|CLIENT|DRAWN\s*BY|CHECKED|APPROVED|REVISION|\bREV\b|"
    r"S\s*[=:]\s*1\s*[/:]\s*\d+|^1\s*:\s*\d+$|"
    # a floor's title: GROUND FLOOR, 2ND FLOOR, TOP FLOOR, 1階, 地下1階
    r"^(?:GROUND|FIRST|SECOND|THIRD|TOP|BASEMENT|UPPER|LOWER|\d+\s*(?:ST|ND|RD|TH)?)\s+FLOOR$|"
    r"\bFLOOR$|^(?:地下)?\d+\s*階$|^\d+\s*层$)", re.IGNORECASE)


#: a key and its value: 管理人员：…, Area: 25
_KEYED = re.compile(r"[:：]")


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


def is_tag(text: str) -> bool:
    """A door/window/size tag, grid bubble or number, which names no room."""
    return bool(_TAG.match(_fold(text)))


def is_title(text: str) -> bool:
    """A drawing title or title-block text (図面名, 平面図, FLOOR PLAN, S=1/100 …)."""
    return bool(_TITLE.search(_fold(text)))


def is_room_like(text: str) -> bool:
    """Could name a room: a room word (WC, 会議室), or letters or kana/kanji of more than one
    character that are neither a tag, a title, an area, a size nor a dimension (``25 m2``,
    ``6畳``, ``3,640``)."""
    from ..room_words import read_line

    t = _fold(text)
    if not t or len(t) > 40 or is_title(t):
        return False
    reading = read_line(t)  # no area, size, number, door tag, stair arrow or person's name
    if reading.name is None or _KEYED.search(reading.name):
        return False  # a key and its value (管理人员：赵学工, Area: 25) names no room
    if reading.score >= 2.0:  # read_line scores a room word 2 above a plain name: a room word, however short (WC, PS, EV, 室)
        return True
    # a word of three letters at least: "165 L. 1H" (a quantity), "RE" or "2F" name no room
    return not is_tag(t) and any(sum(ch.isalpha() for ch in w) >= _least(w) for w in t.split())


def _least(word: str) -> int:
    """Letters a word needs to name a room: 3 in alphabets, 2 in kana and kanji (倉庫, 居間)."""
    return 2 if any(unicodedata.east_asian_width(ch) in "WF" for ch in word) else 3


#: words of foundations, framing and structure: texts of a foundation or framing plan, which
#: holds no rooms (基礎伏図: footings, anchor bolts, slab and bar notes)
_STRUCTURE = re.compile(
    r"(基礎|布基礎|ベタ基礎|土台|アンカー|ｱﾝｶｰ|ボルト|ﾎﾞﾙﾄ|鉄筋|主筋|配筋|スラブ|ｽﾗﾌﾞ|梁|大引|根太|束|"
    r"基础|地梁|钢筋|FOUNDATION|FOOTING|ANCHOR|REBAR|SLAB|JOIST|BEAM|PILE)", re.IGNORECASE)


def has_room_word(text: str) -> bool:
    """The text names a room with a room word (会議室, 廊下, OFFICE, WC), as room_words scores it."""
    from ..room_words import read_line

    t = _fold(text)
    return bool(t) and len(t) <= 40 and read_line(t).score >= 2.0


def is_structure_text(text: str) -> bool:
    """A text of foundations or structure (基礎天端, アンカーボルト, 主筋 2-D16, FOOTING)."""
    return bool(_STRUCTURE.search(_fold(text)))
