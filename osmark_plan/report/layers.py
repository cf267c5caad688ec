"""`osmark layers`: how each layer of a drawing was mapped and what was found on it."""

from __future__ import annotations

import json

from ..model import Plan

KIND_WORDS_JA = {"wall": "壁", "partition": "ローパーティション", "door": "扉", "window": "窓",
                 "zone": "ゾーン", "application_area": "申請エリア", "cabinet": "保管庫", "device": "出力機器",
                 "label": "室名", "aisle": "通路", "asset": "保護資産", "ignored": "無視"}


def layers_json(plan: Plan) -> str:
    data = {"drawing": plan.path, "units": plan.units, "units_source": plan.units_source,
            "encoding": plan.encoding,
            "layers": [{"name": info.name, "kind": info.kind, "entities": info.entities,
                        "types": dict(info.types), "frozen": info.frozen, "off": info.off,
                        "unreadable": plan.unreadable.get(info.name, 0)}
                       for info in plan.layers.values()]}
    return json.dumps(data, ensure_ascii=False, indent=2)


def layers_text(plan: Plan, lang: str = "ja") -> str:
    ja = lang == "ja"
    head = (f"{plan.path}: 単位 {plan.units} ({plan.units_source}), 文字コード {plan.encoding}" if ja
            else f"{plan.path}: units {plan.units} ({plan.units_source}), encoding {plan.encoding}")
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
    ("application_area", ("APPLICATION", "OSM-AREA", "申請")),
    ("zone", ("ZONE", "SECURITY", "セキュリティ", "ゾーン")),
    ("label", ("ROOM", "IDEN", "室名", "部屋名")),
    ("partition", ("PARTITION", "PRHT", "パーティション", "パーテーション", "衝立")),
    ("window", ("WINDOW", "GLAZ", "GLASS", "CRYSTAL", "窓", "サッシ", "ガラス")),
    ("door", ("DOOR", "建具", "ドア", "扉", "TATEGU")),
    ("cabinet", ("CABINET", "FILE", "保管庫", "キャビネット", "金庫", "書庫")),
    ("device", ("PRINTER", "COPIER", "COPY", "MFP", "FAX", "複合機", "コピー", "プリンタ")),
    ("wall", ("WALL", "KABE", "壁", "躯体", "間仕切", "COLUMN", "柱")),
    ("ignored", ("FURN", "FLOOR", "FLOR", "DIM", "HATCH", "ANNO", "TITLE", "GRID", "什器", "家具", "寸法",
                 "仕上", "設備", "図名", "芯", "通り芯", "植栽")),
)


def kind_by_name(name: str) -> str | None:
    """The kind a layer name tells (English or Japanese words), None when it tells none."""
    from ..naming import normalise_layer

    norm = normalise_layer(name).upper()
    for kind, words in _NAME_WORDS:
        if any(w.upper() in norm for w in words):
            return kind
    return None


def guess_kind(name: str, content=None, named: frozenset[str] = frozenset()) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    """(kind, reason) for a layer from its name, else from what it holds (only for kinds that
    no layer's name gives: ``named``)."""
    by_name = kind_by_name(name)
    if by_name is not None:
        return by_name, "name" if by_name != "ignored" else ""
    if content is None:
        return "ignored", ""
    if "wall" in named and "door" in named and "label" in named:
        return "ignored", ""
    if "wall" not in named and content.lines >= 8 and content.paired >= 0.3 * content.lines:
        extra = f", {content.swings} door swings" if content.swings else ""
        return "wall", f"{content.paired} of {content.lines} lines in parallel pairs{extra}"
    if "door" not in named and content.swings >= 1 and content.swings * 2 >= content.arcs:
        return "door", f"{content.swings} door swings (arc + leaf)"
    if "label" not in named and content.texts and content.texts >= content.lines:
        return "label", f"{content.texts} texts"
    return "ignored", ""


def _toml(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)


def suggest_config_text(plan: Plan, config=None) -> str:  # type: ignore[no-untyped-def]
    """A starting osmark.toml for a drawing: layer patterns guessed from names and content,
    units when they were guessed, and a [zones] skeleton listing the room labels found."""
    import re

    from ..naming import name_text, normalise_layer
    from ..reader.suggest import layer_contents

    try:
        contents = layer_contents(plan.path, plan.scale)
    except Exception:  # noqa: BLE001 - content is a hint only
        contents = {}
    kinds: dict[str, list[tuple[str, str]]] = {}
    ignored: list[str] = []
    named = frozenset(k for n, i in plan.layers.items() if i.entities and (k := kind_by_name(n)))
    for name, info in plan.layers.items():
        if not info.entities:
            continue
        kind, why = guess_kind(name, contents.get(name), named)
        if kind == "ignored" and info.kind != "ignored":
            kind, why = info.kind, "current mapping"
        if kind == "ignored":
            ignored.append(f"{name} ({info.entities})")
            continue
        kinds.setdefault(kind, []).append((normalise_layer(name), why))
    rows = [f"# osmark.toml suggested for {plan.path}",
            "# Check every line, then keep this file beside the drawing.", ""]
    if plan.units_source not in ("$INSUNITS", "--units", "config"):
        rows.append(f"units = {_toml(plan.units)}   # guessed ({plan.units_source}): {plan.units_note or ''}".rstrip())
    if plan.sheet_scale:
        rows.append(f"scale = {plan.sheet_scale}   # drawn at sheet scale 1:{plan.sheet_scale}")
    if config is not None and getattr(config, "profile", "default") != "default":
        rows.append(f"profile = {_toml(config.profile)}")
    rows += ["", "[layers]"]
    for kind, names in kinds.items():
        rx = "^(" + "|".join(re.sub(r"([.^$*+?{}\[\]\\|()])", r"\\\1", n) for n, _ in names) + ")$"
        why = "; ".join(f"{n}: {w}" for n, w in names if w)
        rows.append(f"{kind} = {_toml(rx)}" + (f"   # {why}" if why else ""))
    if ignored:
        rows.append("# not used: " + ", ".join(ignored[:30]) + (" …" if len(ignored) > 30 else ""))
    names: list[str] = []
    for lab in plan.labels:
        nm = name_text(lab.text)
        if nm and nm not in names and len(nm) <= 40:
            names.append(nm)
    rows += ["", "[zones]",
             "# Room names found in the drawing. Give each its level: \"open\" (or 0), 1, 2 or 3,",
             "# and remove the leading '#'. Glob patterns work too: \"会議室*\" = 1.",
             "# Rooms with no level are taken as open area and listed in the report."]
    rows += [f"# {_toml(n)} = 1" for n in names[:200]]
    return "\n".join(rows) + "\n"
