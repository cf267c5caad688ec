"""Drawing rules about what was read: units, missing elements, unreadable entities
(DWG005, DWG006, DWG008)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ..findings import Subject
from ..model import Plan
from .base import Context, Violation, rule
from .describe import AA_SUBJECT, text

if TYPE_CHECKING:
    from ..geometry.site import Site

_MAX_LAYERS = 12


def layers_read(plan: Plan):
    """The drawing's layers and the kinds they were mapped to, for messages."""
    items = [f"{name}→{info.kind}" for name, info in plan.layers.items()]
    if not items:
        return text("なし", "none")
    shown = ", ".join(items[:_MAX_LAYERS])
    more = len(items) - _MAX_LAYERS
    if more > 0:
        return text(f"{shown} ほか{more}件", f"{shown} and {more} more")
    return shown


def layers_of(plan: Plan, kind: str):
    names = [name for name, info in plan.layers.items() if info.kind == kind]
    return ", ".join(names) if names else text("なし", "none")


@rule(
    "DWG005", "units-uncertain", "", "warning",
    messages={
        "default": {
            "ja": "図面の単位が確かではありません。{note}"
                  "正しくない場合は --units オプションまたは osmark.toml の units で単位を指定して"
                  "ください。",
            "en": "The drawing's unit is uncertain: {note} "
                  "If that is wrong, give the unit with --units or units in osmark.toml.",
        },
        "sheet-scale": {
            "ja": "図面の縮尺・単位が実寸として読み取れません。{note}",
            "en": "The drawing's scale cannot be read as real-world size: {note}",
        },
    },
    summary={"ja": "図面の単位が確かであること", "en": "the drawing's unit is certain"},
    doc_ja="""図面の単位が確実に分かっていること。

    理由：ルールで扱う距離（隙間、出入口からの距離、扉の幅）はすべてメートル単位です。
    $INSUNITS がない場合や扉の寸法と矛盾する場合、単位は推測になり、推測を誤るとすべての
    距離が10倍や1000倍ずれます。

    報告される内容：どの単位を想定したかを、その理由とともに警告として1件報告します（表
    題の文字に ``S=1/100`` と縮尺が記載された用紙縮尺の図面は、その縮尺で読み、その旨を
    示します）。どの単位や記載された縮尺でも扉が実寸の大きさにならない場合は、図面が用紙
    縮尺で描かれているとみられることと、どの ``units`` と ``scale`` の設定で直せるかを
    エラーとして報告します。

    直し方：図面に $INSUNITS を設定するか、``--units`` または osmark.toml の
    ``units = "mm"`` で単位を指定してください。
    """,
)
def units_uncertain(site: Site, ctx: Context) -> Iterator[Violation]:
    """The drawing's unit is known for sure.

    Why: all distances in the rules (gaps, entrance distances, door widths) are in metres.
    If $INSUNITS is missing or contradicted by the door sizes, the unit is a guess, and a
    wrong guess makes every distance wrong by a factor of 10 or 1000.

    What is reported: one warning saying which unit was assumed and why (a drawing at sheet
    scale whose title text states ``S=1/100`` is read at that scale, and said so). When no unit
    or stated scale makes the doors a real size, an error says the drawing seems to be at sheet
    scale and which ``units`` and ``scale`` settings would fix it.

    How to fix: set $INSUNITS in the drawing, or give the unit with ``--units`` or
    ``units = "mm"`` in osmark.toml.
    """
    plan = site.plan
    ctx.count()
    if plan.units_note is None:
        return
    yield Violation(subjects=(Subject(kind="drawing", id="units"),),
                    message="sheet-scale" if plan.units_error else "default",
                    severity="error" if plan.units_error else None,
                    args={"units": plan.units, "source": plan.units_source,
                          "note": text(plan.units_note_ja or plan.units_note, plan.units_note)},
                    extra={"units": plan.units, "units_source": plan.units_source,
                           "scale": plan.scale, "sheet_scale": plan.sheet_scale})


@rule(
    "DWG006", "missing-elements", "", "error",
    messages={
        "no-walls": {
            "ja": "壁の線が見つかりません。壁に割り当てたレイヤ: {mapped}。読み込んだレイヤ: {layers}。"
                  "osmark.toml の [layers] に wall = \"^(壁のレイヤ名)$\" のように壁のレイヤを"
                  "指定してください。",
            "en": "No wall lines were found. Layers mapped to walls: {mapped}. Layers read: {layers}. "
                  "Map your wall layer in osmark.toml, e.g. wall = \"^(MY-WALL-LAYER)$\" under [layers].",
        },
        "no-zones": {
            "ja": "セキュリティゾーンが見つかりません。ゾーンに割り当てたレイヤ: {mapped}。読み込んだ"
                  "レイヤ: {layers}。各エリアを閉じたポリラインで描き、osmark.toml の [layers] に"
                  " zone = \"^(ゾーンのレイヤ名)$\" のようにそのレイヤを指定してください。",
            "en": "No security zones were found. Layers mapped to zones: {mapped}. Layers read: "
                  "{layers}. Draw each area as a closed polyline and map its layer in osmark.toml, "
                  "e.g. zone = \"^(MY-ZONE-LAYER)$\" under [layers].",
        },
        "no-rooms": {
            "ja": "セキュリティゾーンが描かれておらず、壁の線から閉じた部屋も見つかりませんでした。"
                  "壁・建具・窓のレイヤの割り当て（osmark layers で確認）と、壁の隙間を確認するか、"
                  "ゾーンを閉じたポリラインで描いてください。壁に割り当てたレイヤ: {walls}。",
            "en": "No security zones are drawn, and no closed room could be found from the walls. "
                  "Check which layers are mapped to walls, doors and windows (osmark layers) and the "
                  "gaps in the walls, or draw the zones as closed polylines. Layers mapped to walls: "
                  "{walls}.",
        },
        "rooms-from-walls": {
            "ja": "ゾーンも申請エリアも描かれていないため、壁の線から{count}室を求め（うち{open}室は"
                  "レベルが分からずオープンエリアとみなしました）、その全体を申請エリアとみなしました。"
                  "部屋のレベルは osmark.toml の [zones] 表（室名 = レベル）で指定してください。",
            "en": "No zones and no application area are drawn, so {count} rooms were found from the "
                  "walls ({open} of them with no level, taken as open area) and their union taken as "
                  "the application area. Give room levels in the [zones] table of osmark.toml "
                  "(room name = level).",
        },
        "no-area": {
            "ja": "申請エリアが描かれていないため、すべてのゾーンを合わせた範囲を申請エリアとみなし"
                  "ました。申請エリアに割り当てたレイヤ: {mapped}。申請エリアの外形を閉じたポリライン"
                  "で描き、osmark.toml の [layers] に application_area = \"^(レイヤ名)$\" のように"
                  "指定してください。",
            "en": "No application area is drawn, so the union of all zones was taken as the "
                  "application area. Layers mapped to it: {mapped}. Draw its outline as a closed "
                  "polyline and map its layer in osmark.toml, e.g. application_area = "
                  "\"^(MY-AREA-LAYER)$\" under [layers].",
        },
    },
    summary={"ja": "壁・ゾーン・申請エリアが図面から読み取れること",
             "en": "walls, zones and the application area are found in the drawing"},
    doc_ja="""ツールが読み取るレイヤに、壁・ゾーン・申請エリアが描かれていること。

    理由：壁がなければ囲いを検査できず、ゾーンがなければセキュリティエリアがありません。
    申請エリアがなければ、その境界はすべてのゾーンを合わせた範囲として推測されます。たい
    ていは、レイヤ名が既定と異なることが原因です。

    報告される内容：壁の線またはゾーンが見つからない場合はエラー、申請エリアが描かれてい
    ない（ゾーンはある）場合は警告を報告します。各メッセージには、読み込んだレイヤと、そ
    れぞれを割り当てた種類を列挙します。

    直し方：osmark.toml の ``[layers]`` 表でレイヤを種類に割り当てる（正規表現で指定し、
    大文字・小文字を区別せずに照合します）か、レイヤ名を変更してください。各レイヤがどう
    割り当てられたかは ``osmark layers`` で確認できます。
    """,
)
def missing_elements(site: Site, ctx: Context) -> Iterator[Violation]:
    """The drawing has walls, zones and an application area on layers the tool reads.

    Why: without walls no enclosure can be checked; without zones there are no security
    areas; without an application area its boundary is guessed as the union of all zones.
    This usually means the layer names differ from the defaults.

    What is reported: an error when no wall line or no zone is found, a warning when no
    application area is drawn (and zones exist). Each message lists the layers that were
    read and the kinds they were mapped to.

    How to fix: map your layers to kinds in the ``[layers]`` table of osmark.toml (regular
    expressions, matched case-insensitively), or rename the layers. ``osmark layers`` shows
    how each layer was mapped.
    """
    plan = site.plan
    ctx.count(3)
    layers = layers_read(plan)
    if not plan.lines_of("wall"):
        yield Violation(subjects=(Subject(kind="drawing", id="wall"),), message="no-walls",
                        args={"mapped": layers_of(plan, "wall"), "layers": layers},
                        severity="error", extra={"missing": "wall"})
    if not plan.zones and plan.lines_of("wall"):
        yield Violation(subjects=(Subject(kind="drawing", id="zone"),), message="no-rooms",
                        args={"walls": layers_of(plan, "wall")},
                        severity="error", extra={"missing": "zone"})
    elif not plan.zones:
        yield Violation(subjects=(Subject(kind="drawing", id="zone"),), message="no-zones",
                        args={"mapped": layers_of(plan, "zone"), "layers": layers},
                        severity="error", extra={"missing": "zone"})
    elif not site.aa_drawn and plan.rooms_from == "walls":
        assumed = [z for z in plan.zones if z.level_from == "assumed-open"]
        yield Violation(subjects=(AA_SUBJECT,), message="rooms-from-walls",
                        args={"count": len(plan.zones), "open": len(assumed)},
                        where=None if site.aa.is_empty else site.aa, severity="warning",
                        extra={"missing": "application_area", "rooms_from": "walls",
                               "assumed_open": [z.id for z in assumed]})
    elif not site.aa_drawn:
        yield Violation(subjects=(AA_SUBJECT,), message="no-area",
                        args={"mapped": layers_of(plan, "application_area"), "layers": layers},
                        where=None if site.aa.is_empty else site.aa, severity="warning",
                        extra={"missing": "application_area"})


@rule(
    "DWG008", "unreadable-entities", "", "info",
    messages={
        "default": {
            "ja": "レイヤ {layer} に読み取れない図形（プロキシまたは未対応の図形）が{count}個あり、"
                  "検査に含めていません。必要ならCADで分解（EXPLODE）して保存し直してください。",
            "en": "Layer {layer} has {count} entities that cannot be read (proxy or unsupported "
                  "entities); they are not checked. If they matter, explode them in CAD and save again.",
        },
    },
    summary={"ja": "割り当てたレイヤの図形がすべて読み取れること",
             "en": "every entity on a mapped layer can be read"},
    doc_ja="""割り当てたレイヤ上のすべての図形が読み取れること。

    理由：プロキシ図形（業種別CADのアドオンによるもの）や未対応の種類の図形は解釈できな
    いため、それらで描かれた壁・扉・ゾーンは検査から漏れます。

    報告される内容：そのような図形があるレイヤごとに、その個数を報告します。

    直し方：CADで図形を分解して（または通常のDXF図形として書き出して）保存し直してくださ
    い。
    """,
)
def unreadable_entities(site: Site, ctx: Context) -> Iterator[Violation]:
    """Every entity on a mapped layer can be read.

    Why: proxy entities (from vertical CAD add-ons) and unsupported entity types are not
    understood, so walls, doors or zones drawn with them are missing from the checks.

    What is reported: for each mapped layer with such entities, how many there are.

    How to fix: explode the entities in CAD (or export to plain DXF entities) and save again.
    """
    plan = site.plan
    mapped = [n for n, info in plan.layers.items() if info.kind != "ignored"]
    ctx.count(max(len(mapped), len(plan.unreadable)))
    for layer, count in sorted(plan.unreadable.items()):
        if count <= 0:
            continue
        yield Violation(subjects=(Subject(kind="layer", id=layer, name=layer),),
                        args={"layer": layer, "count": count}, extra={"count": count})


RULES = (units_uncertain, missing_elements, unreadable_entities)
