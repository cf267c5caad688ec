"""`osmark layers`: how each layer of a drawing was mapped and what was found on it."""

from __future__ import annotations

import json
import re

from shapely.geometry import box as shapely_box

from ..model import Plan

KIND_WORDS_JA = {"wall": "壁", "partition": "ローパーテーション", "door": "扉", "window": "窓",
                 "zone": "ゾーン", "application_area": "申請エリア", "cabinet": "保管庫・キャビネット等", "device": "出力機器",
                 "label": "室名", "aisle": "通路", "asset": "保護資産", "ignored": "無視"}


def layers_json(plan: Plan) -> str:
    data = {"drawing": plan.path, "units": plan.units, "units_source": plan.units_source,
            "encoding": plan.encoding, "format": plan.source_format, "converter": plan.converter,
            "region": list(plan.region) if plan.region else None,
            "layers": [{"name": info.name, "kind": info.kind, "entities": info.entities,
                        "types": dict(info.types), "frozen": info.frozen, "off": info.off,
                        "unreadable": plan.unreadable.get(info.name, 0)}
                       for info in plan.layers.values()]}
    return json.dumps(data, ensure_ascii=False, indent=2)


def layers_text(plan: Plan, lang: str = "ja") -> str:
    ja = lang == "ja"
    head = (f"{plan.path}: 単位 {plan.units} ({plan.units_source}), 文字コード {plan.encoding}" if ja
            else f"{plan.path}: units {plan.units} ({plan.units_source}), encoding {plan.encoding}")
    if plan.converter:
        head += (f", {plan.source_format} を {plan.converter} で DXF に変換" if ja
                 else f", {plan.source_format} → DXF ({plan.converter})")
    rows = [head, ""]
    width = max([len(n) for n in plan.layers] + [5])
    rows.append(f"{'レイヤ' if ja else 'layer':<{width}}  {'種類' if ja else 'kind':<18} "
                f"{'要素数' if ja else 'entities':>8}  {'内訳' if ja else 'types'}")
    for info in sorted(plan.layers.values(), key=lambda i: (i.kind == "ignored", i.kind, i.name)):
        kind = f"{info.kind} ({KIND_WORDS_JA[info.kind]})" if ja and info.kind in KIND_WORDS_JA else info.kind
        types = ", ".join(f"{t} {n}" for t, n in sorted(info.types.items()))
        flags = "".join([" [frozen]" if info.frozen else "", " [off]" if info.off else ""])
        rows.append(f"{info.name:<{width}}  {kind:<18} {info.entities:>8}  {types}{flags}")
    counts = {k: 0 for k in ("lines", "zones", "areas", "doors", "cabinets", "devices", "labels")}
    counts.update(lines=len(plan.lines), zones=len(plan.zones), areas=len(plan.areas), doors=len(plan.doors),
                  cabinets=len(plan.cabinets), devices=len(plan.devices), labels=len(plan.labels))
    rows += ["", ("読み取った要素: " if ja else "Found: ") + ", ".join(f"{k} {v}" for k, v in counts.items())]
    if not any(i.kind in ("wall", "zone") for i in plan.layers.values()):
        rows.append("壁やゾーンのレイヤが見つかりません。osmark.toml の [layers] で対応付けてください。" if ja else
                    "No wall or zone layer was recognised: map them with [layers] in osmark.toml.")
    return "\n".join(rows)


#: words in layer names (after normalisation) that tell a kind, English and Japanese
_NAME_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ignored", ("GRID", "AXIS", "轴线", "通り芯")),  # grid bubbles, even when named -IDEN
    ("application_area", ("APPLICATION", "OSM-AREA", "申請")),
    ("zone", ("ZONE", "SECURITY", "セキュリティ", "ゾーン")),
    ("label", ("ROOM", "IDEN", "室名", "部屋名", "房间", "房名")),
    ("partition", ("PARTITION", "PRHT", "パーティション", "パーテーション", "衝立", "隔断")),
    # doors and windows on one layer (A-OPENING, 门窗, 開口): doors; the reader splits them by shape
    ("door", ("OPENING", "OPNG", "门窗", "門窓", "開口", "开口")),
    ("window", ("WINDOW", "GLAZ", "GLASS", "CRYSTAL", "窓", "サッシ", "ガラス", "窗", "玻璃")),
    ("door", ("DOOR", "建具", "ドア", "扉", "TATEGU", "门", "門")),
    ("cabinet", ("CABINET", "FILE", "保管庫", "キャビネット", "金庫", "書庫")),
    ("device", ("PRINTER", "COPIER", "COPY", "MFP", "FAX", "複合機", "コピー", "プリンタ")),
    ("wall", ("WALL", "KABE", "壁", "躯体", "間仕切", "COLUMN", "柱", "墙", "墻")),
    ("ignored", ("FURN", "FLOOR", "FLOR", "DIM", "HATCH", "ANNO", "TITLE", "GRID", "AXIS", "什器", "家具",
                 "寸法", "仕上", "設備", "図名", "芯", "通り芯", "植栽", "轴", "軸", "标注", "尺寸", "图框",
                 "图名")),
)


def kind_by_name(name: str) -> str | None:
    """The kind a layer name tells (English or Japanese words), None when it tells none."""
    from ..naming import normalise_layer

    norm = normalise_layer(name).upper()
    for kind, words in _NAME_WORDS:
        if any(w.upper() in norm for w in words):
            return kind
    return None


def _names_rooms(content, least: int = 1) -> bool:  # type: ignore[no-untyped-def]
    """The layer's texts are mostly room names (not tags, bubbles, numbers or titles)."""
    return content.room_texts >= max(least, 0.5 * content.texts)


def name_kind(name: str, content=None) -> str | None:  # type: ignore[no-untyped-def]
    """The kind a layer's name tells, except a label layer whose texts name no room (door
    tags, sizes, grid bubbles): that one is ignored."""
    kind = kind_by_name(name)
    if kind == "label" and content is not None and content.texts and not content.room_texts:
        return "ignored"
    return kind


def guess_kind(name: str, content=None, named: frozenset[str] = frozenset(),  # type: ignore[no-untyped-def]
               lang: str = "en") -> tuple[str, str]:
    """(kind, reason) for a layer from its name, else from what it holds (only for kinds that
    no layer's name gives: ``named``); the reason in ``lang``."""
    words = _SUGGEST_WORDS["ja" if lang == "ja" else "en"]
    by_name = name_kind(name, content)
    if by_name == "ignored" and content is not None and "label" not in named and _names_rooms(content, 3):
        return "label", words["room_texts"].format(n=content.room_texts, texts=content.texts)
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


#: words in a plan's title that say it is a floor plan (not a framing plan or an elevation)
_FLOOR_WORDS = ("平面図", "平面图", "FLOOR PLAN", "PLAN")
_NOT_FLOOR = ("伏図", "配置", "FRAMING", "ROOF", "SITE", "CEILING", "天井")
#: a scale written after a title: S=1/100, 1:50, SCALE 1/100
_SCALE_TEXT = re.compile(r"(?:S(?:CALE)?\s*[=:]?\s*)?1\s*[/:]\s*\d+\s*$", re.IGNORECASE)


def _floor_plan(plans):  # type: ignore[no-untyped-def]
    """The plan to propose: the first whose title says floor plan, else the largest."""
    for sp in plans:
        title = (sp.title or "").upper()
        if any(w in title for w in _FLOOR_WORDS) and not any(w in title for w in _NOT_FLOOR):
            return sp
    return plans[0]


def _toml(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)


#: the comments of a suggested osmark.toml, in each language
_SUGGEST_WORDS = {
    "en": {"title": "# osmark.toml suggested for {path}",
           "check": "# Check every line, then keep this file beside the drawing.",
           "guessed": "guessed", "sheet": "drawn at sheet scale 1:{n}", "unused": "# not used: ",
           "zones": ["# Room names found in the drawing. Give each its level: \"open\" (or 0), 1, 2 or 3,",
                     "# and remove the leading '#'. Glob patterns work too: \"会議室*\" = 1.",
                     "# Rooms with no level are taken as open area and listed in the report."],
           "name": "name", "current": "current mapping",
           "pairs": "{paired} of {lines} lines in parallel pairs", "swings": "{n} door swings (arc + leaf)",
           "and_swings": ", {n} door swings", "texts": "{n} texts",
           "room_texts": "{n} of {texts} texts look like room names",
           "plans": "# This sheet holds {n} plans (line work separated by empty space):",
           "no_title": "(no title)",
           "pick": ["# Check one of them: keep the [sheet] table below (or give --region), with the",
                    "# region or the title (frame = \"…\") of the floor plan."]},
    "ja": {"title": "# {path} のために提案する osmark.toml",
           "check": "# すべての行を確認してから、このファイルを図面と同じフォルダに置いてください。",
           "guessed": "推定", "sheet": "用紙縮尺 1:{n} で作図", "unused": "# 使わないレイヤ: ",
           "zones": ["# 図面で見つかった室名です。それぞれにレベル \"open\"（または 0）、1、2、3 を指定し、",
                     "# 先頭の '#' を外してください。\"会議室*\" = 1 のようなグロブも使えます。",
                     "# レベルのない部屋はオープンエリアとみなし、レポートに一覧します。"],
           "name": "レイヤ名", "current": "現在の割り当て",
           "pairs": "{lines}本の線のうち{paired}本が平行な組", "swings": "扉の開き（円弧と扉板）{n}個",
           "and_swings": "、扉の開き{n}個", "texts": "文字{n}個",
           "room_texts": "文字{texts}個のうち{n}個が室名らしい",
           "plans": "# この用紙には {n} 枚の図があります（何もない余白で分かれた線のまとまり）:",
           "no_title": "（表題なし）",
           "pick": ["# 検査する図を一つ選んでください: 下の [sheet] 表（または --region）で、平面図の",
                    "# 範囲（region）か表題（frame = \"…\"）を指定します。"]},
}


def suggest_config_text(plan: Plan, config=None, lang: str = "en") -> str:  # type: ignore[no-untyped-def]
    """A starting osmark.toml for a drawing: layer patterns guessed from names and content,
    units when they were guessed, and a [zones] skeleton listing the room labels found;
    its comments in ``lang``."""
    import re

    from ..naming import name_text, normalise_layer
    from ..reader.suggest import sheet_contents
    from ..reader.text_kinds import is_title

    words = _SUGGEST_WORDS["ja" if lang == "ja" else "en"]
    try:
        contents, sheet_plans = sheet_contents(plan.path, plan.scale)
    except Exception:  # noqa: BLE001 - content is a hint only
        contents, sheet_plans = {}, []
    kinds: dict[str, list[tuple[str, str]]] = {}
    ignored: list[str] = []
    named = frozenset(k for n, i in plan.layers.items()
                      if i.entities and (k := name_kind(n, contents.get(n))) and k != "ignored")
    for name, info in plan.layers.items():
        if not info.entities:
            continue
        kind, why = guess_kind(name, contents.get(name), named, lang)
        if kind == "ignored" and info.kind != "ignored":
            kind, why = info.kind, words["current"]
        if kind == "ignored":
            ignored.append(f"{name} ({info.entities})")
            continue
        kinds.setdefault(kind, []).append((normalise_layer(name), why))
    rows = [words["title"].format(path=plan.path), words["check"], ""]
    if plan.units_source not in ("$INSUNITS", "--units", "config"):
        note = (plan.units_note_ja if lang == "ja" and plan.units_note_ja else plan.units_note) or ""
        rows.append(f"units = {_toml(plan.units)}   # {words['guessed']} ({plan.units_source}): {note}".rstrip())
    if plan.sheet_scale:
        rows.append(f"scale = {plan.sheet_scale}   # " + words["sheet"].format(n=plan.sheet_scale))
    if config is not None and getattr(config, "profile", "default") != "default":
        rows.append(f"profile = {_toml(config.profile)}")
    chosen = None
    if len(sheet_plans) > 1 and plan.region is None:
        rows += [words["plans"].format(n=len(sheet_plans))]
        for k, sp in enumerate(sheet_plans):
            box = ", ".join(f"{v:.6g}" for v in sp.box)
            rows.append(f"#   {k + 1}. {sp.title or words['no_title']}: region = [{box}]")
        pick = _floor_plan(sheet_plans)
        rows += [*words["pick"], "[sheet]"]
        title = _SCALE_TEXT.sub("", pick.title or "").strip()
        if title:
            rows.append(f"frame = {_toml(title)}")
        else:
            rows.append("region = [" + ", ".join(f"{v:.6g}" for v in pick.box) + "]")
        x0, y0, x1, y1 = pick.box
        scale = plan.scale
        chosen = shapely_box(x0 * scale, y0 * scale, x1 * scale, y1 * scale)
    rows += ["", "[layers]"]
    for kind, names in kinds.items():
        rx = "^(" + "|".join(re.sub(r"([.^$*+?{}\[\]\\|()])", r"\\\1", n) for n, _ in names) + ")$"
        why = "; ".join(f"{n}: {w}" for n, w in names if w)
        rows.append(f"{kind} = {_toml(rx)}" + (f"   # {why}" if why else ""))
    if ignored:
        rows.append(words["unused"] + ", ".join(ignored[:30]) + (" …" if len(ignored) > 30 else ""))
    names: list[str] = []
    rooms = [z.polygon for z in plan.zones if chosen is None or chosen.intersects(z.polygon)]
    for lab in plan.labels:
        nm = name_text(lab.text)
        if not nm or nm in names or len(nm) > 40 or is_title(nm):
            continue  # drawing titles and title-block texts name no room
        if chosen is not None and not chosen.covers(lab.point):
            continue  # on another plan of the sheet
        if rooms and not any(r.covers(lab.point) for r in rooms):
            continue  # outside every room found: a title block, a legend, a note
        names.append(nm)
    rows += ["", "[zones]", *words["zones"]]
    rows += [f"# {_toml(n)} = 1" for n in names[:200]]
    return "\n".join(rows) + "\n"
