"""`osmark layers`: how each layer of a drawing was mapped and what was found on it."""

from __future__ import annotations

import json

from ..model import Plan
# the suggested osmark.toml and its layer-kind guesses have modules of their own
from .kind_guess import guess_kind, kind_by_name, name_kind  # noqa: F401
from .suggest_config import suggest_config_text  # noqa: F401

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
