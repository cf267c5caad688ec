"""Layer kinds guessed for ``osmark layers --suggest-config``: from the words of a layer's name
(English, Japanese, Chinese), else from what the layer holds (:mod:`osmark_plan.reader.suggest`).

A layer named for doors that holds door-number tags (``D1``, ``SD-2``, tag blocks) and no door
swing is a layer of door tags: not doors (the reader reads the numbers from every layer's texts).
A layer named for room names that holds none (area outlines, hatches, tags) is no label layer.
"""

from __future__ import annotations

from typing import Any

#: words in layer names (after normalisation) that tell a kind, English and Japanese
NAME_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ignored", ("GRID", "AXIS", "轴线", "通り芯")),  # grid bubbles, even when named -IDEN
    ("application_area", ("APPLICATION", "OSM-AREA", "申請")),
    ("zone", ("ZONE", "SECURITY", "セキュリティ", "ゾーン")),
    ("label", ("ROOM", "IDEN", "室名", "部屋名", "房间", "房名")),
    # full-height partitions are walls; a virtual partition (an area boundary) is nothing drawn
    ("wall", ("SOLID PARTITION", "PERMANENT", "FULL HEIGHT", "FULL-HEIGHT")),
    ("ignored", ("VIRTUAL",)),
    ("partition", ("PARTITION", "PRHT", "パーティション", "パーテーション", "衝立", "隔断")),
    # doors and windows on one layer (A-OPENING, 门窗, 開口): doors; the reader splits them by shape
    ("door", ("OPENING", "OPNG", "门窗", "門窓", "開口", "开口")),
    ("window", ("WINDOW", "GLAZ", "GLASS", "CRYSTAL", "窓", "サッシ", "ガラス", "窗", "玻璃")),
    ("door", ("DOOR", "建具", "ドア", "扉", "TATEGU", "门", "門")),
    ("cabinet", ("CABINET", "FILE", "保管庫", "キャビネット", "金庫", "書庫")),
    ("device", ("PRINTER", "COPIER", "COPY", "MFP", "FAX", "複合機", "コピー", "プリンタ")),
    ("wall", ("WALL", "KABE", "壁", "躯体", "間仕切", "COLUMN", "柱", "墙", "墻", "STRUCT", "構造", "结构",
              "WAND", "MAUER")),
    ("ignored", ("FURN", "FLOOR", "FLOR", "DIM", "HATCH", "ANNO", "TITLE", "GRID", "AXIS", "什器", "家具",
                 "SHELF", "SHELV", "TABLE", "COUCH", "BENCH", "CHAIR", "DESK", "SOFA", "BEAM", "TRAEGER",
                 "TRÄGER", "BALKEN", "MÖBEL", "MOEBEL", "REGAL", "TISCH",
                 "寸法", "仕上", "設備", "図名", "芯", "通り芯", "植栽", "轴", "軸", "标注", "尺寸", "图框",
                 "图名")),
)
#: the spacing (m) of a partition's double lines, thicker than a door leaf
WALL_GAP = (0.06, 0.45)
#: words in a door or window layer's name that say it holds their tags or numbers, not them
TAG_WORDS = ("TAG", "NUM", "MARK", "SYMB", "ANNO", "番号", "記号", "符号", "编号", "編號", "号码", "タグ",
             "标注", "標注", "注記", "注释")

#: the reasons given beside each guessed kind, in each language
WHY = {
    "en": {"name": "name", "pairs": "{paired} of {lines} lines in parallel pairs",
           "swings": "{n} door swings (arc + leaf)", "and_swings": ", {n} door swings",
           "room_texts": "{n} of {texts} texts look like room names",
           "door_tags": "door-number tags, not doors ({n} tags, no door swing)",
           "tag_layer": "named for door or window tags or notes, not doors",
           "no_names": "named for room names but holds none (area outlines, hatches or tags)",
           "door_walls": "{paired} of {lines} lines in parallel pairs {gap:.2f} m apart: walls drawn on the "
                         "door layer (doors are read from wall layers too)",
           "most_lines": "the most line work ({lines} lines); no layer's name or double lines tell the walls"},
    "ja": {"name": "レイヤ名", "pairs": "{lines}本の線のうち{paired}本が平行な組",
           "swings": "扉の開き（円弧と扉板）{n}個", "and_swings": "、扉の開き{n}個",
           "room_texts": "文字{texts}個のうち{n}個が室名らしい",
           "door_tags": "扉ではなく扉番号のタグ（タグ{n}個、扉の開きなし）",
           "tag_layer": "扉ではなく建具の番号や注記のレイヤ名",
           "no_names": "室名のレイヤ名だが室名がない（面積の輪郭、ハッチ、タグ）",
           "door_walls": "{lines}本の線のうち{paired}本が間隔 {gap:.2f} m の平行な組: 扉のレイヤに描かれた壁"
                         "（扉は壁のレイヤからも読み取ります）",
           "most_lines": "線が最も多い（{lines}本）。レイヤ名や二重線から壁のレイヤが分からないため"},
}


def kind_by_name(name: str) -> str | None:
    """The kind a layer name tells (English or Japanese words), None when it tells none."""
    from ..naming import normalise_layer

    norm = normalise_layer(name).upper()
    for kind, words in NAME_WORDS:
        if any(w.upper() in norm for w in words):
            # doors and windows on one layer (Doors/Windows): doors, split by shape when read
            return "door" if kind == "window" and _says(norm, ("door",)) else kind
    return None


def _says(norm: str, kinds: tuple[str, ...]) -> bool:
    """The (normalised, upper-case) layer name holds a word of one of ``kinds``."""
    return any(w.upper() in norm for kind, words in NAME_WORDS if kind in kinds for w in words)


def _names_rooms(content: Any, least: int = 1) -> bool:
    """The layer's texts are mostly room names (not tags, bubbles, numbers or titles)."""
    return bool(content.room_texts >= max(least, 0.5 * content.texts))


def door_tags(name: str, content: Any = None) -> bool:
    """A layer named for doors or windows that holds their number tags, not them: its name says
    tag or number (DOOR-TAG, 建具番号), or its texts are mostly tags (D1, SD-2, AD3) and it holds
    no door swing and few lines beside them (tag blocks: a circle or a hexagon and a number)."""
    from ..naming import normalise_layer

    norm = normalise_layer(name).upper()
    if not _says(norm, ("door", "window")):
        return False
    if any(w in norm for w in TAG_WORDS) and (content is None or not content.swings):
        return True
    if content is None or content.swings or not content.tags:
        return False
    return bool(content.tags >= 0.5 * content.texts and content.lines + content.arcs <= 4 * content.tags)


def _wall_gap(content: Any, scale: float) -> float | None:
    """The spacing (m) of a door layer's double lines when they are walls: most of its lines
    (at least 8) in parallel pairs a partition's thickness apart (door leaves are thinner), and
    no door swing among its loose lines and arcs (its doors are blocks)."""
    if (not scale or content.gap is None or content.lines < 8 or content.paired < 0.6 * content.lines
            or content.loose_swings or content.loose_arcs > content.lines // 8):
        return None  # loose swings: a layer of doors drawn in lines and arcs, their leaves in pairs
    gap = content.gap * scale
    return gap if WALL_GAP[0] <= gap <= WALL_GAP[1] else None


def name_kind(name: str, content: Any = None) -> str | None:
    """The kind a layer's name tells, except a label layer whose texts name no room (door tags,
    sizes, grid bubbles, or no text at all: area outlines, hatches) and a layer of door tags:
    those are ignored."""
    kind = kind_by_name(name)
    if kind == "label" and content is not None and not content.room_texts:
        return "ignored"
    if kind in ("door", "window") and door_tags(name, content):
        return "ignored"
    return kind


def guess_kind(name: str, content: Any = None, named: frozenset[str] = frozenset(),
               lang: str = "en", scale: float = 0.0) -> tuple[str, str]:
    """(kind, reason) for a layer from its name, else from what it holds (only for kinds that
    no layer's name gives: ``named``); the reason in ``lang``. An "ignored" with a reason is a
    layer a default pattern must not take (door tags, a label layer without names). ``scale``
    (metres per drawing unit, 0 when unknown) tells walls drawn on a door layer from leaves."""
    words = WHY["ja" if lang == "ja" else "en"]
    by_name = name_kind(name, content)
    if by_name == "ignored" and content is not None and "label" not in named and _names_rooms(content, 3):
        return "label", words["room_texts"].format(n=content.room_texts, texts=content.texts)
    if by_name == "ignored" and door_tags(name, content):
        if content is None or not content.tags:
            return "ignored", words["tag_layer"]
        return "ignored", words["door_tags"].format(n=content.tags)
    if by_name == "ignored" and kind_by_name(name) == "label":
        return "ignored", words["no_names"]
    if by_name == "door" and content is not None and (gap := _wall_gap(content, scale)) is not None:
        return "wall", words["door_walls"].format(paired=content.paired, lines=content.lines, gap=gap)
    if by_name is not None:
        return by_name, words["name"] if by_name != "ignored" else ""
    if content is None:
        return "ignored", ""
    walls_here = content.lines >= 8 and content.paired >= 0.3 * content.lines
    # layer "0" (or another plain layer) that holds the double-line walls is a wall layer even
    # when some other layer is named for walls (columns, an outline)
    plain = name.strip() in ("0", "_0", "0-0") or "wall" not in named
    if walls_here and plain:
        extra = words["and_swings"].format(n=content.swings) if content.swings else ""
        return "wall", words["pairs"].format(paired=content.paired, lines=content.lines) + extra
    if "door" not in named and content.swings >= 1 and content.swings * 2 >= content.arcs:
        return "door", words["swings"].format(n=content.swings)
    # a label layer holds names: texts that are only door/size tags, grid bubbles or titles are not
    if ("label" not in named and content.texts and content.texts >= content.lines
            and content.room_texts >= max(1, 0.3 * content.texts)):
        return "label", words["room_texts"].format(n=content.room_texts, texts=content.texts)
    return "ignored", ""
