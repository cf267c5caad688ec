"""Words in drawings: layer names, level words, device kinds and lock words.

Pure functions on strings (no DXF library), shared by the reader and anything that reads labels.
"""

from __future__ import annotations

import fnmatch
import re
import unicodedata
from typing import Any, Mapping

_UESC = re.compile(r"\\U\+([0-9A-Fa-f]{4})")
_JW_PREFIX = re.compile(r"^(?:_[0-9A-Fa-f]-[0-9A-Fa-f]_|[0-9A-Fa-f]-[0-9A-Fa-f] )")
_XREF_PREFIX = re.compile(r"^.*?\$\d+\$")


def decode_escapes(text: str) -> str:
    """Decode DXF ``\\U+XXXX`` escapes (``\\U+5EFA\\U+5177`` -> ``建具``)."""
    if "\\U+" not in text and "\\u+" not in text:
        return text

    def repl(m: re.Match[str]) -> str:
        try:
            return chr(int(m.group(1), 16))
        except (ValueError, OverflowError):
            return m.group(0)

    return _UESC.sub(repl, text)


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
    ("LOGGED", re.compile(r"LOGGED|施錠\s*\+?\s*入退室記録|入退室記録|入退室管理", re.IGNORECASE)),
    ("UNLOCKED", re.compile(r"UNLOCKED|常時開錠|開錠", re.IGNORECASE)),
    ("LOCKED", re.compile(r"LOCKED|常時施錠|施錠", re.IGNORECASE)),
    ("OPEN", re.compile(r"OPEN|常時開放|開放", re.IGNORECASE)),
)


def parse_lock(text: str | None) -> str | None:
    """OPEN / UNLOCKED / LOCKED / LOGGED from an English or Japanese lock word."""
    if not text:
        return None
    s = fold(text)
    for state, rx in _LOCK_WORDS:
        if rx.search(s):
            return state
    return None


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


# --- room names and the zone table ----------------------------------------------------------

_NUMERIC = re.compile(r"^[\d\s.,×xX*+\-/:=()φΦ@]+$")


def name_text(text: str, lock_rx: Any = None) -> str | None:
    """The part of a label usable as a room name (None for level words, numbers, door tags)."""
    if is_level_only(text):
        return None
    rest = strip_level_words(text) if parse_level(text) is not None else text.strip()
    if not rest or _NUMERIC.match(rest) or is_door_number(rest):
        return None
    if lock_rx is not None and lock_rx.fullmatch(rest.strip()):
        return None
    return rest


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
