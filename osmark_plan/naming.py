"""Words in drawings: layer names, level words, device kinds and lock words.

Pure functions on strings (no DXF library), shared by the reader and anything that reads labels.
"""

from __future__ import annotations

import fnmatch
import re
import unicodedata
from typing import Any, Mapping, Sequence

_UESC = re.compile(r"\\U\+([0-9A-Fa-f]{4})")
_UPAIR = re.compile(r"\\U\+([Dd][89ABab][0-9A-Fa-f]{2})\\U\+([Dd][C-Fc-f][0-9A-Fa-f]{2})")
_JW_PREFIX = re.compile(r"^(?:_[0-9A-Fa-f]-[0-9A-Fa-f]_|[0-9A-Fa-f]-[0-9A-Fa-f] )")
_XREF_PREFIX = re.compile(r"^.*?\$\d+\$")


def decode_escapes(text: str) -> str:
    """Decode DXF ``\\U+XXXX`` escapes (``\\U+5EFA\\U+5177`` -> ``建具``); a character
    beyond U+FFFF comes as a UTF-16 pair (``\\U+D842\\U+DFB7`` -> ``𠮷``), a lone half
    becomes U+FFFD."""
    if "\\U+" not in text and "\\u+" not in text:
        return text

    def pair(m: re.Match[str]) -> str:
        high, low = int(m.group(1), 16), int(m.group(2), 16)
        return chr(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))

    def repl(m: re.Match[str]) -> str:
        code = int(m.group(1), 16)
        return "\ufffd" if 0xD800 <= code <= 0xDFFF else chr(code)

    return _UESC.sub(repl, _UPAIR.sub(pair, text))


def fold(text: str) -> str:
    """NFKC fold (full-width letters and digits, half-width kana) and trim."""
    return unicodedata.normalize("NFKC", decode_escapes(text)).strip()


def normalise_layer(name: str) -> str:
    """The layer name matched against the layer patterns.

    Decodes ``\\U+XXXX`` escapes, folds with NFKC, strips a bound-xref prefix (``name$0$``)
    and a Jw_cad group prefix (``_0-3_`` or ``0-3 ``).
    """
    s = fold(name)
    s = _XREF_PREFIX.sub("", s, count=1)
    s = _JW_PREFIX.sub("", s, count=1)
    return s.strip()


# --- levels -----------------------------------------------------------------------------------

_OPEN_WORD = r"(?:オープン(?:エリア)?|OPEN(?:[ _-]?AREA)?)"
_LEVEL_NUM = (
    r"(?:セキュリティ[ ・]?レベル|SECURITY[ _-]?LEVEL|レベル|LEVEL|LV\.?|SL|ZONE[ _-]?L|L)"
    r"[ _-]?([0-3])"
)
_LEVEL_RE = re.compile(
    rf"(?<![A-Z0-9])(?:{_LEVEL_NUM}(?![0-9])|({_OPEN_WORD})(?![A-Z]))", re.IGNORECASE
)
_LEVEL_ONLY_RE = re.compile(
    rf"^\s*(?:ZONE[ _-]?)?(?:{_LEVEL_NUM}|{_OPEN_WORD})\s*(?:ゾーン|ZONE)?\s*$", re.IGNORECASE
)


def parse_level(text: str | None) -> int | None:
    """A level from a word: ``L3``, ``Lv.3``, ``SL3``, ``レベル3``, ``セキュリティレベル３``,
    ``ZONE-L2``, ``OPEN``, ``オープン``, ``オープンエリア`` (0). None when there is none."""
    if not text:
        return None
    s = fold(text)
    m = _LEVEL_RE.search(s)
    if not m:
        return None
    if m.group(2):
        return 0
    return int(m.group(1))


def parse_level_value(value: str | None) -> int | None:
    """A level from an attribute value: ``0``-``3``, ``OPEN``/``オープン`` or a level word."""
    if value is None:
        return None
    s = fold(value)
    if s in ("0", "1", "2", "3"):
        return int(s)
    return parse_level(s)


def is_level_only(text: str | None) -> bool:
    """True when the text says nothing but a level (``セキュリティレベル３``, ``L2``, ``OPEN``)."""
    return bool(text) and bool(_LEVEL_ONLY_RE.match(fold(text or "")))


def strip_level_words(text: str) -> str:
    """The text without its level words (``サーバー室 L3`` -> ``サーバー室``)."""
    s = _LEVEL_RE.sub(" ", fold(text))
    s = re.sub(r"[\s()（）:：/・,、]+", " ", s).strip()
    return s


# --- devices ----------------------------------------------------------------------------------

_DEVICE_WORDS = (
    ("MFP", re.compile(r"MFP|複合機|MULTI[ _-]?FUNCTION", re.IGNORECASE)),
    ("COPIER", re.compile(r"COPIER|COPY|コピー|複写機", re.IGNORECASE)),
    ("PRINTER", re.compile(r"PRINTER|PRINT|プリンタ|プリンター", re.IGNORECASE)),
    ("FAX", re.compile(r"FAX|FACSIMILE|ファクス|ファックス|ファクシミリ", re.IGNORECASE)),
)


def parse_device_kind(*texts: str | None) -> str | None:
    """COPIER, PRINTER, FAX or MFP from the first text naming one (block name, ATTRIB, layer)."""
    for text in texts:
        if not text:
            continue
        s = fold(text)
        for kind, rx in _DEVICE_WORDS:
            if rx.search(s):
                return kind
    return None


# --- locks ------------------------------------------------------------------------------------

_LOCK_WORDS = (
    ("NOLOCK", re.compile(r"NO[ _-]?LOCK|NOT[ _-]?LOCKABLE|施錠不可|錠なし|鍵なし|無施錠", re.IGNORECASE)),
    ("LOGGED", re.compile(r"LOGGED|施錠\s*\+?\s*入退室記録|入退室記録|入退室管理|アクセス記録", re.IGNORECASE)),
    ("UNLOCKED", re.compile(r"UNLOCKED|常時開錠|常時解錠|開錠|解錠", re.IGNORECASE)),
    ("LOCKED", re.compile(r"LOCKED|常時施錠|施錠|オートロック|AUTO[ _-]?LOCK", re.IGNORECASE)),
    ("OPEN", re.compile(r"OPEN|常時開放|開放", re.IGNORECASE)),
    ("FIXED", re.compile(r"^FIX(?:ED)?$|はめ殺し|嵌め殺し|嵌殺し|FIX窓|固定窓", re.IGNORECASE)),
)


def parse_lock(text: str | None) -> str | None:
    """OPEN / UNLOCKED / LOCKED / LOGGED (and NOLOCK, FIXED) from an English or Japanese lock
    word: 常時開放, 常時開錠, 常時施錠, 施錠+入退室記録, 施錠不可, はめ殺し (docs/drawing.md)."""
    if not text:
        return None
    s = fold(text)
    for state, rx in _LOCK_WORDS:
        if rx.search(s):
            return state
    return None


_YES = {"YES", "Y", "TRUE", "T", "ON", "1", "有", "あり", "有り", "済", "済み", "○", "〇", "◯", "要"}
_NO = {"NO", "N", "FALSE", "F", "OFF", "0", "無", "なし", "無し", "未", "×", "-", "不要"}


def parse_yes(value: str | None) -> bool | None:
    """True / False from an attribute value (YES/NO, TRUE/FALSE, 1/0, 有/無, あり/なし, ○/×);
    None when there is no value or it says neither."""
    if value is None:
        return None
    s = fold(value).upper()
    if s in _YES:
        return True
    if s in _NO:
        return False
    return None


_HEIGHT = re.compile(r"^(?:H\s*[=:]?\s*)?(\d+(?:\.\d+)?)\s*(MM|CM|M)?$", re.IGNORECASE)


def parse_height(value: str | None) -> float | None:
    """A height in metres from ``1.8``, ``1800``, ``1800mm``, ``180cm``, ``H=1800``. A bare
    number above 10 is taken as millimetres (no cabinet is 10 m high)."""
    if not value:
        return None
    m = _HEIGHT.match(fold(value).replace(",", ""))
    if not m:
        return None
    number, unit = float(m.group(1)), (m.group(2) or "").upper()
    if unit == "MM" or (not unit and number > 10):
        return number / 1000.0
    if unit == "CM":
        return number / 100.0
    return number


_SINGLE_KEYHOLDER = re.compile(
    r"^(?:SINGLE|ONE|1|1名|1人|一名|一人|本人のみ)$|鍵(?:管理者|保有者|所有者)\s*(?:1|一)\s*[名人]"
    r"|KEYHOLDER\s*[=:]\s*(?:SINGLE|1|ONE)", re.IGNORECASE)


def single_keyholder(text: str | None) -> bool:
    """True when a KEYHOLDER value or a text says one person alone holds the key: ``SINGLE``,
    ``1``, ``1名``, ``本人のみ``, ``鍵管理者1名``, ``KEYHOLDER=SINGLE`` (4.5.4 細則(2))."""
    return bool(text) and bool(_SINGLE_KEYHOLDER.search(fold(text or "")))


# --- door numbers and importance ------------------------------------------------------------

_DOOR_NUMBER = re.compile(r"^(?:[A-Z]{1,3}[ _-]?\d{1,4}[A-Z]?|\d{1,4}[A-Z]?)$", re.IGNORECASE)
_IMPORTANCE = re.compile(r"(?:重要度|IMPORTANCE|IMP)\s*[:=]?\s*([1-3])", re.IGNORECASE)


def is_door_number(text: str | None) -> bool:
    """A short door-number text such as ``D12``, ``101`` or ``SD-3``."""
    return bool(text) and bool(_DOOR_NUMBER.match(fold(text or "")))


def parse_importance(text: str | None) -> int | None:
    """An asset importance 1-3 from ``重要度3``, ``IMPORTANCE=2`` or a bare digit."""
    if not text:
        return None
    s = fold(text)
    if s in ("1", "2", "3"):
        return int(s)
    m = _IMPORTANCE.search(s)
    return int(m.group(1)) if m else None


# --- keyed label lines ------------------------------------------------------------------------

#: keys saying the rest of the line is the room's name (房间名称：服务器室, 室名：会議室, Name: Lab)
_NAME_KEY = (r"房间名称|房间名|房名|名称|室名称|室名|部屋名|諸室名|"
             r"ROOM\s*NAME|RM\s*NAME|SPACE\s*NAME|NAME|ROOM|NOMBRE|NOM|NOME|RAUMNAME|RAUM")
#: keys saying it is the room's number (房间编号：118, 室番号：101, No.: 12, Room No.: G03)
_NUMBER_KEY = (r"房间编号|房间号|房号|编号|室番号|室番|部屋番号|番号|"
               r"(?:ROOM|RM|SPACE)\s*(?:NO\.?|NR\.?|NUMBER|NUM\.?|#)|NO\.?|NR\.?|NUMBER|NUM\.?|#|N[UÚ]MERO")
#: keys of what a room label says besides its name and number: use, areas, users, notes
_OTHER_KEY = (r"房间属性|属性|用途|使用面积|建筑面积|套内面积|面积|面積|床面積|有効面積|使用人员|人员|人数|"
              r"使用者|定員|収容人数|備考|备注|天井高|AREA|USE|USAGE|OCCUPANCY|CAPACITY|USERS?|REMARKS?|NOTES?")
_KEYED = re.compile(rf"^\s*(?:({_NAME_KEY})|({_NUMBER_KEY})|({_OTHER_KEY}))\s*:\s*(.*)$", re.IGNORECASE)
#: a key alone (a room tag's header: 室名, ROOM NAME, No.)
_BARE_KEY = re.compile(rf"^\s*(?:{_NAME_KEY}|{_NUMBER_KEY}|{_OTHER_KEY})\s*$", re.IGNORECASE)


def split_key(text: str) -> tuple[str | None, str]:
    """A label line that starts with a key, split: ``("name", "服务器室")`` for ``房间名称：服务器室``
    (also 名称：, 室名：, Name:, Room name:), ``("number", "118")`` for ``房间编号：118`` (also
    室番号：, No.:, Room No.:), ``("other", "36.24㎡")`` for a use, area, users or notes line
    (房间属性：, 使用面积：, Area:), and ``("other", "")`` for a key alone (a room tag's header
    室名, ROOM NAME). ``(None, text)`` (folded) when it starts with no known key."""
    s = fold(text)
    m = _KEYED.match(s)
    if m is None:
        return ("other", "") if _BARE_KEY.match(s) else (None, s)
    raw = re.split(r"[:：﹕]", decode_escapes(text), maxsplit=1)  # the value as written (，not ,)
    value = " ".join((raw[1] if len(raw) == 2 else m.group(4)).split())
    if m.group(1) is not None:
        return ("name", value) if value else ("other", value)
    if m.group(2) is not None:
        return ("number", fold(value)) if any(ch.isdigit() for ch in value) else ("other", value)
    return "other", value


# --- room names and the zone table ----------------------------------------------------------

_NUMERIC = re.compile(r"^[\d\s.,×xX*+\-/:=()φΦ@]+$")


def name_text(text: str, lock_rx: Any = None) -> str | None:
    """The part of a label usable as a room name (None for level words, numbers, door tags, and
    for a keyed number, use or area line); a key such as ``房间名称：`` or ``Name:`` is dropped."""
    key, value = split_key(text)
    if key is not None and key != "name":
        return None
    if key == "name":
        text = value
    if is_level_only(text):
        return None
    rest = strip_level_words(text) if parse_level(text) is not None else text.strip()
    if not rest or _NUMERIC.match(rest) or is_door_number(rest):
        return None
    if lock_rx is not None and lock_rx.fullmatch(rest.strip()):
        return None
    return rest


def label_name(text: str, lines: Sequence[str] = (), lock_rx: Any = None) -> str | None:
    """The room name a label gives (:func:`name_text`); a label of several lines with keyed lines
    (``房间编号：118`` / ``房间名称：服务器室`` / ``使用面积：…``) gives its name line's value, else
    its first unkeyed line usable as a name, never a number or area line."""
    keys = [split_key(line) for line in lines]
    if not any(key is not None for key, _value in keys):
        return name_text(text, lock_rx)
    named = (name_text(value, lock_rx) for key, value in keys if key == "name")
    plain = (name_text(line, lock_rx) for line, (key, _v) in zip(lines, keys) if key is None)
    return next((nm for nm in named if nm), None) or next((nm for nm in plain if nm), None)


def table_level(table: Mapping[str, int], names: list[str]) -> int | None:
    """Level from a name -> level table: exact names first, then the first word of a label of
    several lines, then glob patterns."""
    if not table or not names:
        return None
    folded = {fold(k): v for k, v in table.items()}
    for name in names:
        if fold(name) in folded:
            return folded[fold(name)]
    for name in names:  # a two-line label ("役員室" over "(社長)"): its first line
        first = fold(name).split(" ")[0]
        if first != fold(name) and first in folded:
            return folded[first]
    for name in names:
        n = fold(name)
        for pattern, level in folded.items():
            if fnmatch.fnmatchcase(n, pattern):
                return level
    return None


# --- drawing scale ----------------------------------------------------------------------------

_SCALE_WORD = re.compile(r"(?:^|[^A-Z])(?:S|SCALE|縮尺)\s*[=:]?\s*1\s*[/:]\s*(\d{1,4})(?![\d.])", re.IGNORECASE)
_SCALE_BARE = re.compile(r"^\s*1\s*[/:]\s*(\d{1,4})\s*$")


def parse_scale(text: str | None) -> int | None:
    """The denominator of a drawing-scale text: ``S=1/100``, ``Ｓ＝１／１００``, ``SCALE 1:50``,
    ``縮尺1/200`` or a bare ``1:100``. None when the text states no scale (or 1:1)."""
    if not text:
        return None
    s = fold(text)
    m = _SCALE_WORD.search(s) or _SCALE_BARE.match(s)
    if not m:
        return None
    value = int(m.group(1))
    return value if 2 <= value <= 1000 else None
