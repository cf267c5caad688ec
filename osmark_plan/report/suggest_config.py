"""``osmark layers --suggest-config``: a starting osmark.toml for a drawing.

Layer kinds come from :mod:`osmark_plan.report.kind_guess`; layers a default pattern would
take although the guess leaves them out (door tags on a layer named for doors, area outlines on
a layer named for rooms) are listed under ``ignored``. A ``[sheet]`` is proposed only for a plan
whose title says it is a floor plan; otherwise the plans found are listed, commented out. Room
names are the texts :mod:`osmark_plan.room_words` reads as names and
:func:`osmark_plan.reader.text_kinds.is_room_like` keeps: no title (nor one character of a title
drawn letter by letter), area, size, dimension, number or tag.
"""

from __future__ import annotations

import json
import re
from typing import Any

import shapely
from shapely.geometry import box as shapely_box

from ..model import Plan
from .kind_guess import WHY, guess_kind, name_kind
from .suggest_units import better_unit

#: words in a plan's title that say it is a floor plan (not a framing plan or an elevation)
_FLOOR_WORDS = ("平面図", "平面图", "FLOOR PLAN", "PLAN")
_NOT_FLOOR = ("伏図", "配置", "FRAMING", "ROOF", "SITE", "CEILING", "天井")
#: words of a view's title: 1階平面図, 南立面図, 2階床伏図, FLOOR PLAN, SECTION A-A
_VIEW = re.compile(r"(?:平面|立面|断面|伏|配置|詳細|展開|矩計)図|(?:平面|立面|剖面)图|\bPLAN\b|ELEVATION|SECTION",
                   re.IGNORECASE)
#: a scale written after a title: S=1/100, 1:50, SCALE 1/100
_SCALE_TEXT = re.compile(r"(?:S(?:CALE)?\s*[=:]?\s*)?1\s*[/:]\s*\d+\s*$", re.IGNORECASE)

#: how far (m) from the hull of the rooms found a room name may sit
NEAR_ROOMS = 3.0
#: a note, a sentence, a grid line or an offset, not a room's name: ※…, …する事。, い 通り, と+455
_NOTE = re.compile(r"^[※*＊■□●◆]|^注|[。｡]|通り|[+=＋＝]|^(?:NOTE|VER)\b|(?:\S+\s+){4,}\S"
                   # a key and its value (管理人员：…), a remark in brackets, a list going on (BOLLARD,)
                   r"|[:：]|^[(（].*[)）]$|[,，、]$"
                   # a size, a minimum, a code or a value (22x30, 18", MIN. 600, 6068 S.G.D., R-309.2)
                   r"|\d\s*[x×]\s*\d|\d\s*[\"'’”]|\b(?:MIN|MAX)\.|\b\d{4,}\b|\d[.,]\d", re.IGNORECASE)

#: the comments of a suggested osmark.toml, in each language
WORDS = {
    "en": {"title": "# osmark.toml suggested for {path}",
           "check": "# Check every line, then keep this file beside the drawing.",
           "guessed": "guessed", "sheet": "drawn at sheet scale 1:{n}", "unused": "# not used: ",
           "zones": ["# Room names found in the drawing. Give each its level: \"open\" (or 0), 1, 2 or 3,",
                     "# and remove the leading '#'. Glob patterns work too: \"会議室*\" = 1.",
                     "# Rooms with no level are taken as open area and listed in the report."],
           "current": "current mapping", "default": "a default pattern would take it as {kind}",
           "plans": "# This sheet holds {n} plans (line work separated by empty space):",
           "no_title": "(no title)",
           "pick": ["# Check one of them: keep the [sheet] table below (or give --region), with the",
                    "# region or the title (frame = \"…\") of the floor plan."],
           "unsure": ["# No title says which is the floor plan: if the sheet holds several plans, remove",
                      "# the '#' of the two lines below and give the region of the floor plan."],
           "walls_unit": "the door swings or the suggested walls tell the unit",
           "not_floor": ["# This drawing does not look like a floor plan: no door is drawn, and {structure} texts",
                         "# name foundations or structure (基礎, anchor bolts, beams, bars) against {rooms} naming",
                         "# rooms: a foundation or framing plan, whose lines close no rooms. The wall line below",
                         "# is left commented out; remove its '#' only if the drawing is a floor plan after all.",
                         ""]},
    "ja": {"title": "# {path} のために提案する osmark.toml",
           "check": "# すべての行を確認してから、このファイルを図面と同じフォルダに置いてください。",
           "guessed": "推定", "sheet": "用紙縮尺 1:{n} で作図", "unused": "# 使わないレイヤ: ",
           "zones": ["# 図面で見つかった室名です。それぞれにレベル \"open\"（または 0）、1、2、3 を指定し、",
                     "# 先頭の '#' を外してください。\"会議室*\" = 1 のようなグロブも使えます。",
                     "# レベルのない部屋はオープンエリアとみなし、レポートに一覧します。"],
           "current": "現在の割り当て", "default": "既定のパターンでは {kind} になるため",
           "plans": "# この用紙には {n} 枚の図があります（何もない余白で分かれた線のまとまり）:",
           "no_title": "（表題なし）",
           "pick": ["# 検査する図を一つ選んでください: 下の [sheet] 表（または --region）で、平面図の",
                    "# 範囲（region）か表題（frame = \"…\"）を指定します。"],
           "unsure": ["# どれが平面図かを示す表題がありません。用紙に複数の図があるときは、下の2行の",
                      "# '#' を外し、平面図の範囲（region）を指定してください。"],
           "walls_unit": "扉の開きか提案した壁から推定",
           "not_floor": ["# この図面は平面図ではないようです: 扉が描かれておらず、基礎や構造（基礎、アンカーボルト、",
                         "# 梁、鉄筋）の文字が {structure} 個あるのに対し、室名の文字は {rooms} 個です。基礎伏図や",
                         "# 伏図の線は部屋を囲みません。下の壁の行はコメントのままにしています。平面図である",
                         "# 場合に限り、先頭の '#' を外してください。",
                         ""]},
}


def _toml(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)


def _pattern(names: list[str]) -> str:
    return "^(" + "|".join(re.sub(r"([.^$*+?{}\[\]\\|()])", r"\\\1", n) for n in names) + ")$"


def floor_plan(plans: list[Any]) -> Any | None:
    """The plan whose title says floor plan (1階平面図, FLOOR PLAN), None when no title says so:
    a text that is no title (a room name, a dimension, one letter of a title) picks no plan."""
    from ..reader.text_kinds import is_title

    for sp in plans:
        title = (sp.title or "").upper()
        if (is_title(title) and any(w in title for w in _FLOOR_WORDS)
                and not any(w in title for w in _NOT_FLOOR)):
            return sp
    return None


def _sheet_rows(plan: Plan, sheet_plans: list[Any], words: dict[str, Any]) -> tuple[list[str], Any]:
    """The comment listing the plans of a sheet and the [sheet] table; the box (metres) of the
    plan proposed, None when none is."""
    if len(sheet_plans) < 2 or plan.region is not None:
        return [], None
    rows = [words["plans"].format(n=len(sheet_plans))]
    for k, sp in enumerate(sheet_plans):
        box = ", ".join(f"{v:.6g}" for v in sp.box)
        title = sp.title if sp.title and _VIEW.search(sp.title) else words["no_title"]  # not a note beside it
        rows.append(f"#   {k + 1}. {title}: region = [{box}]")
    pick = floor_plan(sheet_plans)
    title = _SCALE_TEXT.sub("", pick.title or "").strip() if pick is not None else ""
    if pick is None or not title:
        box = ", ".join(f"{v:.6g}" for v in sheet_plans[0].box)
        return [*rows, *words["unsure"], "# [sheet]", f"# region = [{box}]"], None
    x0, y0, x1, y1 = pick.box
    s = plan.scale
    return [*rows, *words["pick"], "[sheet]", f"frame = {_toml(title)}"], shapely_box(x0 * s, y0 * s, x1 * s, y1 * s)


def _layer_kinds(plan: Plan, contents: dict[str, Any], words: dict[str, Any],
                 lang: str) -> tuple[dict[str, list[tuple[str, str]]], list[str]]:
    """kind -> [(normalised layer name, reason)], and the layers left unused (with counts).
    "ignored" holds the layers a default pattern must not take."""
    from ..naming import normalise_layer

    kinds: dict[str, list[tuple[str, str]]] = {}
    unused: list[str] = []
    named = frozenset(k for n, i in plan.layers.items()
                      if i.entities and (k := name_kind(n, contents.get(n))) and k != "ignored")
    for name, info in plan.layers.items():
        if not info.entities:
            continue
        # a frozen or switched-off layer (another drawing, old fittings) is judged by its name only
        seen = contents.get(name) if not (info.frozen or info.off) else None
        kind, why = guess_kind(name, seen, named, lang, plan.scale)
        if kind == "ignored" and not why and info.kind != "ignored":
            kind, why = info.kind, words["current"]
        if kind == "ignored" and not why:
            unused.append(name)
            continue
        kinds.setdefault(kind, []).append((normalise_layer(name), why))
    _one_kind_of_label(kinds, contents, raw_of={normalise_layer(n): n for n in plan.layers}, unused=unused)
    why = WHY["ja" if lang == "ja" else "en"]
    if "wall" not in kinds and "zone" not in kinds and (most := _most_lines(plan, contents, unused)):
        kinds["wall"] = [(normalise_layer(most), why["most_lines"].format(lines=contents[most].lines))]
        unused.remove(most)
    return kinds, unused


def _one_kind_of_label(kinds: dict[str, list[tuple[str, str]]], contents: dict[str, Any],
                       raw_of: dict[str, str], unused: list[str]) -> None:
    """Label layers guessed from their texts (not named for labels): when some hold room words
    (会議室, OFFICE), those without any (people's names, notes, sizes) are left unused."""
    from .kind_guess import kind_by_name

    labels = kinds.get("label", [])
    words = {n: contents[raw_of[n]].room_words for n, _ in labels if raw_of.get(n) in contents}
    if not any(words.values()):
        return
    drop = [n for n, _ in labels if not words.get(n, 1) and kind_by_name(raw_of.get(n, n)) != "label"]
    unused += [raw_of.get(n, n) for n in drop]
    kinds["label"] = [(n, why) for n, why in labels if n not in drop]
    if not kinds["label"]:
        del kinds["label"]


def _most_lines(plan: Plan, contents: dict[str, Any], unused: list[str]) -> str | None:
    """The unused layer with the most line work, when no name says it is something else: the
    walls of a drawing whose layers tell nothing (everything on layer 0, a room outline)."""
    from .kind_guess import kind_by_name

    fit = [n for n in unused if n in contents and contents[n].lines >= 4
           and (kind_by_name(n) is None or n.strip() in ("0", "_0", "0-0"))
           and not plan.layers[n].frozen and not plan.layers[n].off]
    return max(fit, key=lambda n: contents[n].ink, default=None)


def _defaults_take(kinds: dict[str, list[tuple[str, str]]], unused: list[str]) -> list[tuple[str, str]]:
    """The unused layers that the suggested patterns, with the defaults of the kinds they leave
    out, would still take as something: (layer, kind)."""
    from ..config import from_mapping
    from ..reader.layers import LayerKinds

    try:
        mapping = LayerKinds(from_mapping({"layers": {k: _pattern([n for n, _ in v]) for k, v in kinds.items()}}))
    except Exception:  # noqa: BLE001 - a hint only
        return []
    return [(name, k) for name in unused if (k := mapping(name)) != "ignored"]


def _where_names_are(plan: Plan, sheet_plans: list[Any], chosen: Any) -> Any:
    """Where room names may sit (metres): the proposed plan, else the plans of the sheet (a
    frame, its title block and the empty margins left out), and near the hull of the rooms
    found when some were; None for anywhere."""
    where = chosen
    if where is None and sheet_plans:
        boxes = [shapely_box(*(v * plan.scale for v in sp.box)) for sp in sheet_plans]
        where = shapely.union_all([b.buffer(0.02 * max(b.bounds[2] - b.bounds[0], b.bounds[3] - b.bounds[1]))
                                   for b in boxes])
    rooms = [z.polygon for z in plan.zones if where is None or where.intersects(z.polygon)]
    if not rooms:
        return where
    # near the rooms the default mapping found: a hall it left open still counts, a legend not
    near = shapely.convex_hull(shapely.GeometryCollection(rooms)).buffer(NEAR_ROOMS)
    return near if where is None else where.intersection(near)


def room_names(plan: Plan, where: Any = None, limit: int = 200) -> list[str]:
    """The room names to list in [zones]: labels read as names (room_words) that could name a
    room, within ``where`` (a geometry in metres; None: anywhere)."""
    from ..reader.text_kinds import is_room_like, is_structure_text
    from ..room_words import read_label

    names: list[str] = []
    for lab in plan.labels:
        name = read_label(lab.lines or (lab.text,)).name
        if not name or name in names or not is_room_like(name) or _NOTE.search(name) or is_structure_text(name):
            continue  # titles, letters of a title, areas, sizes, numbers, tags and junk name no room
        if where is not None and not where.covers(lab.point):
            continue  # on another plan of the sheet, in a title block, a legend or a margin
        names.append(name)
        if len(names) >= limit:
            break
    return names


def _not_a_floor_plan(contents: dict[str, Any]) -> tuple[int, int] | None:
    """(texts of foundations or structure, texts with a room word) when the drawing looks like
    a foundation or framing plan: no door swing anywhere, and at least 5 texts of footings,
    anchor bolts, beams or bars, more than twice as many as texts naming rooms."""
    if not contents or any(c.swings for c in contents.values()):
        return None
    structure = sum(c.structure_texts for c in contents.values())
    rooms = sum(c.room_words for c in contents.values())
    return (structure, rooms) if structure >= 5 and structure > 2 * rooms else None


def _unit_rows(plan: Plan, config: Any, unit: Any, words: dict[str, Any], lang: str) -> list[str]:
    """units (proposed, or guessed by the reader), scale and profile lines."""
    rows = []
    if unit is not None:
        rows.append(f"units = {_toml(unit.units)}   # {words['walls_unit']}: {unit.ja if lang == 'ja' else unit.en}")
        if unit.sheet_scale:
            rows.append(f"scale = {unit.sheet_scale}   # " + words["sheet"].format(n=unit.sheet_scale))
    elif plan.units_source not in ("$INSUNITS", "--units", "config"):
        note = (plan.units_note_ja if lang == "ja" and plan.units_note_ja else plan.units_note) or ""
        rows.append(f"units = {_toml(plan.units)}   # {words['guessed']} ({plan.units_source}): {note}".rstrip())
    if plan.sheet_scale:
        rows.append(f"scale = {plan.sheet_scale}   # " + words["sheet"].format(n=plan.sheet_scale))
    if config is not None and getattr(config, "profile", "default") != "default":
        rows.append(f"profile = {_toml(config.profile)}")
    return rows


def suggest_config_text(plan: Plan, config: Any = None, lang: str = "en") -> str:
    """A starting osmark.toml for a drawing: layer patterns guessed from names and content,
    units when they were guessed, and a [zones] skeleton listing the room labels found;
    its comments in ``lang``."""
    from ..naming import normalise_layer
    from ..reader.suggest import sheet_contents

    words = WORDS["ja" if lang == "ja" else "en"]
    try:
        contents, sheet_plans = sheet_contents(plan.path, plan.scale)
    except Exception:  # noqa: BLE001 - content is a hint only
        contents, sheet_plans = {}, []
    kinds, unused = _layer_kinds(plan, contents, words, lang)
    doubt = _not_a_floor_plan(contents)
    raw = {normalise_layer(n): n for n in plan.layers}
    walls = kinds.pop("wall", []) if doubt is not None else kinds.get("wall", [])
    shown = [c for n, c in contents.items() if n in plan.layers and not (plan.layers[n].frozen or plan.layers[n].off)]
    unit = better_unit(plan, [contents[raw[n]] for n, _ in walls if raw.get(n) in contents],
                       shown, [r for c in shown for r in c.radii]) if doubt is None else None
    aside = [raw.get(n, n) for n, _ in walls] if doubt is not None else []
    for name, kind in _defaults_take(kinds, unused + aside):
        kinds.setdefault("ignored", []).append((normalise_layer(name), words["default"].format(kind=kind)))
        if name in unused:
            unused.remove(name)
    rows = [words["title"].format(path=plan.path), words["check"], ""]
    if doubt is not None:
        rows += [line.format(structure=doubt[0], rooms=doubt[1]) for line in words["not_floor"]]
    rows += _unit_rows(plan, config, unit, words, lang)
    sheet, chosen = _sheet_rows(plan, sheet_plans, words)
    rows += [*sheet, "", "[layers]"]
    if doubt is not None and walls:  # no rooms to find on them: left for the user to decide
        rows.append(f"# wall = {_toml(_pattern([n for n, _ in walls]))}")
    for kind, names in sorted(kinds.items(), key=lambda kv: kv[0] == "ignored"):
        why = "; ".join(f"{n}: {w}" for n, w in names if w)
        rows.append(f"{kind} = {_toml(_pattern([n for n, _ in names]))}" + (f"   # {why}" if why else ""))
    if unused:
        counts = [f"{n} ({plan.layers[n].entities})" for n in unused]
        rows.append(words["unused"] + ", ".join(counts[:30]) + (" …" if len(counts) > 30 else ""))
    rows += ["", "[zones]", *words["zones"]]
    where = _where_names_are(plan, sheet_plans, chosen)
    rows += [f"# {_toml(n)} = 1" for n in (room_names(plan, where) if doubt is None else [])]
    return "\n".join(rows) + "\n"
