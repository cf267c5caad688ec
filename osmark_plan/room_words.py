"""Which texts of a drawing can name a room, and which give its number.

Pure functions on strings. A text inside a room is one of:

- a **room name** (``会議室``, ``Office 2``, ``サーバー室 L3``): scored higher when it holds a room
  word (室, ルーム, ホール, OFFICE, ROOM …);
- a **room number** (``101``, ``1002``, ``G03``, ``WC02``, ``B1-12``): kept as the room's number;
- neither: a size or area (``25 m2``, ``25㎡``, ``12.5帖``, ``4'1'' x 8'0''``, ``3,600×2,700``), a
  dimension, a level word alone, a stair arrow (``上``, ``下``, ``UP``, ``DN``), a door tag
  (``D12``, ``SD-3``), a person's name (``山田``, ``田中 太郎``, ``Mr. Smith``, ``John Smith``) or
  a simulation parameter (``number=1 radius=0.2``).

A label of several lines (``会議室`` over ``25.0 m2``) is read line by line: the name from its
name line, the number from its number line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .naming import fold, is_level_only, parse_level, split_key, strip_level_words

_AREA = re.compile(
    r"^(?:約|A\s*=|AREA\s*[:=]?|面積\s*[:=]?)?\s*[\d.,]+\s*(?:m2|m²|㎡|sqm|sq\.?\s*m|sf|sq\.?\s*ft|ft2|ft²|帖|畳|坪|j|jo)\s*$",
    re.IGNORECASE)
_SIZE = re.compile(r"^[\d.,\s'\"’”-]+\s*[x×*]\s*[\d.,\s'\"’”-]+(?:\s*(?:mm|cm|m))?$", re.IGNORECASE)
_MEASURE_WORD = re.compile(r"^(?:CH|FL|GL|SL|H|W|D|φ|Φ|R)\s*[=:+\-±]?\s*[.,]?\d", re.IGNORECASE)
_PARAMETER = re.compile(r"\b[a-z_]+\s*=\s*[\d.]+", re.IGNORECASE)
_NUMERIC = re.compile(r"^[\d\s.,×xX*+\-/:=()φΦ@'\"]+$")
_STAIR = re.compile(r"^(?:上|下|上り|下り|UP|DN|DOWN|昇|降)\s*[↑↓→←]?$|^[↑↓→←]+$", re.IGNORECASE)
_DOOR_TAG = re.compile(r"^(?:S?D|AD|FD|WD|SSD|DR|DOOR|扉|ドア)[ _-]?\d{1,4}[A-Z]?$", re.IGNORECASE)
_ROOM_NUMBER = re.compile(r"^(?:(?:ROOM|RM|NO\.?|#)\s*)?(?:[A-Z]{1,3}\d?[ _-]?)?\d{2,4}[A-Z]?$|^\d{1,2}[ _-]\d{2,3}$",
                          re.IGNORECASE)
_ROOM_WORD = re.compile(
    r"室|ルーム|ホール|廊下|通路|ロビー|受付|玄関|階段|便所|トイレ|ﾄｲﾚ|化粧|浴|洗面|脱衣|更衣|休憩|倉庫|書庫|庫|"
    r"事務|執務|会議|応接|打合|作業|研究|実験|教室|診察|所$|場$|館$|"
    r"食堂|厨房|キッチン|台所|湯沸|給湯|押入|物入|納戸|クローゼット|ｸﾛｰｾﾞｯﾄ|ベランダ|バルコニー|テラス|"
    r"エントランス|ラウンジ|コーナー|スペース|センター|ＥＶ|EV|PS|DS|EPS|WC|W\.C\.?|ＤＫ|DK|LDK|"
    r"厅|间$|房\d*$|走廊|卫生|楼梯|电梯|办公|大堂|天井|机房|"
    r"\b(?:ROOM|OFFICE|HALL|LOBBY|CORRIDOR|KITCHEN|PANTRY|TOILET|WC|LAV|BATH|STAIRS?|STORE|STORAGE|"
    r"MEETING|CONFERENCE|RECEPTION|SERVER|LAB|LABORATORY|CLASS(?:ROOM)?|LIBRARY|ENTRANCE|FOYER|"
    r"LOUNGE|CAFE|CANTEEN|LIVING|DINING|BED(?:ROOM)?|CLOSET|GARAGE|WORKSHOP|PLANT|ARCHIVE|COPY|"
    r"PRINT|MAIL|SECURITY|VAULT|SAFE|EXECUTIVE|DIRECTOR|MANAGER|AREA|ZONE|SPACE|HALLWAY|FACTORY|"
    # Spanish, Catalan, Italian, German, French
    r"AULA|SALA|ASEOS?|BAÑOS?|LAVABOS?|VESTUARIOS?|VESTUARIS|COCINA|CUINA|DESPACHO|DESPATX|OFICINA|"
    r"ALMACÉN|ALMACEN|MAGATZEM|PASILLO|PASSADÍS|VESTÍBULO|VESTIBUL|BIBLIOTECA|GIMNASIO|GIMNÀS|"
    r"LABORATORIO|COMEDOR|MENJADOR|SECRETAR[IÍ]A|CONSERGER[IÍ]A|UFFICIO|BAGNO|CUCINA|MAGAZZINO|"
    r"BÜRO|BURO|KÜCHE|FLUR|RAUM|ZIMMER|LAGER|BUREAU|SALLE|CUISINE|COULOIR)\b",
    re.IGNORECASE)
_HONORIFIC = re.compile(r"(?:様|さん|氏|殿)$|^(?:MR|MRS|MS|DR|PROF)\.?\s", re.IGNORECASE)
#: the most common Japanese family names: a desk or a seat labelled with a person's name
_SURNAMES = frozenset(
    "佐藤 鈴木 高橋 田中 伊藤 渡辺 山本 中村 小林 加藤 吉田 山田 佐々木 山口 松本 井上 木村 林 斎藤 清水 "
    "山崎 森 池田 橋本 阿部 石川 山下 中島 石井 小川 前田 岡田 長谷川 藤田 後藤 近藤 村上 遠藤 青木 坂本 "
    "斉藤 福田 太田 西村 藤井 金子 岡本 藤原 中野 三浦 原田 中川 松田 竹内 小野 田村 中山 和田 石田 森田 "
    "上田 原 内田 柴田 酒井 宮崎 横山 高木 安藤 宮本 大野 小島 谷口 今井 工藤 高田 増田 丸山 杉山 村田 大塚 "
    "新井 小山 平野 藤本 河野 上野 野口 武田 松井 千葉 岩崎 菅原 木下 久保 佐野 野村 松尾 菊地 杉本".split())
_EN_PERSON = re.compile(r"^[A-Z][a-z]+\.?(?:\s[A-Z]\.)?\s[A-Z][a-z'’-]+$")


@dataclass(frozen=True)
class Reading:
    """What one line of a label says: a name (with a score) or a number, or nothing."""

    name: str | None = None
    number: str | None = None
    #: how much the text looks like a room name (higher is better)
    score: float = 0.0


def is_measure(text: str) -> bool:
    """A size, area or dimension: ``25 m2``, ``25㎡``, ``6畳``, ``4'1'' x 8'0''``, ``CH=2700``."""
    s = fold(text)
    return bool(_AREA.match(s) or _SIZE.match(s) or _MEASURE_WORD.match(s) or _NUMERIC.match(s))


def is_person(text: str) -> bool:
    """A person's name: a common Japanese family name (with or without a given name or an
    honorific), an honorific, or an English first and last name holding no room word."""
    s = fold(text)
    if _HONORIFIC.search(s):
        return True
    head = re.split(r"[\s　]", s)[0]
    if head in _SURNAMES or any(s.startswith(n) and len(s) <= len(n) + 3 and not _ROOM_WORD.search(s)
                                for n in _SURNAMES if len(n) >= 2):
        return True
    return bool(_EN_PERSON.match(s)) and not _ROOM_WORD.search(s)


def room_number(text: str) -> str | None:
    """The room number a text states (``101``, ``G03``, ``WC02``, ``1002``), or None (door tags
    such as ``D12`` and ``SD-3`` are door numbers, not room numbers)."""
    s = fold(text)
    if _DOOR_TAG.match(s) or not _ROOM_NUMBER.match(s):
        return None
    return s


#: what a key naming the line as the room's name (``房间名称：``, ``Name:``) adds to its score
KEYED_NAME = 2.0


def has_room_word(text: str) -> bool:
    """Whether a text holds a room word (室, トイレ, 卫生间, OFFICE, W.C, AULA, PS, EV …)."""
    return bool(_ROOM_WORD.search(fold(text)))


def read_line(text: str, lock_rx: re.Pattern[str] | None = None) -> Reading:
    """One line of a label read as a room name, a room number or nothing. A keyed line is read
    by its key: ``房间名称：服务器室`` names (scored higher), ``房间编号：118`` numbers, a use, area
    or users line (``房间属性：…``, ``使用面积：…``) says neither."""
    key, value = split_key(text)
    if key == "number":
        return Reading(number=value)
    if key == "other":
        return Reading()
    if key == "name":
        got = read_line(value, lock_rx)
        return Reading(got.name, got.number, got.score + KEYED_NAME) if got.name else got
    s = fold(text)
    if not s or is_level_only(s) or _STAIR.match(s) or _PARAMETER.search(s):
        return Reading()
    if (number := room_number(s)) is not None:
        return Reading(number=number)
    rest = strip_level_words(s) if parse_level(s) is not None else " ".join(text.split())
    if not rest or is_measure(rest) or _DOOR_TAG.match(rest) or is_person(rest):
        return Reading()
    if lock_rx is not None and lock_rx.fullmatch(rest):
        return Reading()
    score = 1.0 + (2.0 if _ROOM_WORD.search(fold(rest)) else 0.0)
    if len(rest) > 24:  # a sentence (a note, a title) is a poor room name
        score -= 1.0
    return Reading(name=rest, score=score) if score > 0 else Reading()


def read_label(lines: list[str] | tuple[str, ...], lock_rx: re.Pattern[str] | None = None) -> Reading:
    """A label of one or several lines: its best name line and its number line."""
    lines = [line for line in lines if line.strip()]
    readings = [read_line(line, lock_rx) for line in lines]
    name_lines = [r for r in readings if r.name]
    if len(name_lines) > 1 and len(name_lines) == len(readings) and len({r.score for r in name_lines}) == 1:
        # lines that are each a word of one name (``Factory`` / ``hall``): read them joined
        whole = read_line(" ".join(lines), lock_rx)
        if whole.name:
            return whole
    names = sorted((r for r in readings if r.name), key=lambda r: -r.score)
    number = next((r.number for r in readings if r.number), None)
    if not names:
        return Reading(number=number)
    return Reading(name=names[0].name, number=number, score=names[0].score)
