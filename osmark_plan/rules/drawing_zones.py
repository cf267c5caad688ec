"""Drawing rules about the zone polylines: closed, levelled, nested (DWG001–DWG003)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ..findings import Subject
from .base import Context, Violation, rule
from .describe import zone_subject

if TYPE_CHECKING:
    from ..geometry.site import Site


@rule(
    "DWG001", "zone-not-closed", "", "error",
    messages={
        "zone": {
            "ja": "レイヤ {layer} のゾーンのポリライン（ハンドル {handle}）が閉じておらず、{tol} m以内"
                  "の隙間として閉じることもできないため、このゾーンは除外しました。CADでポリラインを"
                  "閉じてください。",
            "en": "The zone polyline on layer {layer} (handle {handle}) is not closed and cannot be "
                  "closed within {tol} m, so this zone was left out. Close the polyline in CAD.",
        },
        "area": {
            "ja": "レイヤ {layer} の申請エリアのポリライン（ハンドル {handle}）が閉じておらず、{tol} m"
                  "以内の隙間として閉じることもできないため、使用しませんでした。CADでポリラインを"
                  "閉じてください。",
            "en": "The application-area polyline on layer {layer} (handle {handle}) is not closed and "
                  "cannot be closed within {tol} m, so it was not used. Close the polyline in CAD.",
        },
        "empty": {
            "ja": "レイヤ {layer} のポリライン（ハンドル {handle}）は面積を囲んでいない（点が一直線上に"
                  "並ぶか2点しかない）ため、使用しませんでした。CADで外形を描き直してください。",
            "en": "The polyline on layer {layer} (handle {handle}) encloses no area (its points are "
                  "collinear or too few), so it was not used. Redraw the outline in CAD.",
        },
    },
    summary={"ja": "ゾーン・申請エリアのポリラインが閉じていること",
             "en": "zone and application-area polylines are closed"},
    doc_ja="""ゾーンと申請エリアのポリラインが閉じていること。

    理由：このツールは、閉じた多角形として読み取れるゾーンしか検査できません。ゾーンの
    レイヤ上のポリラインが ``wall_tolerance`` を超えて開いている場合は除外され、以後どの
    ルールもその範囲をオープンエリアまたは外部として扱います。

    報告される内容：閉じていない、または面積を囲んでいない（点が一直線上に並ぶ、または点
    が少なすぎる）として読み込み時に除外したゾーン・申請エリアのポリラインごとに、その
    レイヤとハンドルを報告します。

    直し方：CADでポリラインを閉じてください（閉じたポリラインに設定するか、両端をつなぎ
    ます）。
    """,
)
def zone_not_closed(site: Site, ctx: Context) -> Iterator[Violation]:
    """Zone and application-area polylines are closed.

    Why: the tool can only check a zone it can read as a closed polygon. A polyline on a
    zone layer that is open by more than ``wall_tolerance`` is left out, and every rule
    then treats that area as open area or outside.

    What is reported: each zone or application-area polyline the reader rejected as not
    closed, or as enclosing no area (collinear or too few points), with its layer and handle.

    How to fix: close the polyline in CAD (set it closed, or join its ends).
    """
    from shapely.geometry import Point

    plan = site.plan
    reasons = ("zone-not-closed", "area-not-closed", "zone-empty", "area-empty")
    rejected = [r for r in plan.rejected if r.reason in reasons]
    ctx.count(len(plan.zones) + len(plan.areas) + len(rejected))
    tol = site.tolerances.get("wall_tolerance", 0.15)
    for item in rejected:
        is_zone = item.reason.startswith("zone")
        message = "empty" if item.reason.endswith("empty") else "zone" if is_zone else "area"
        yield Violation(
            subjects=(Subject(kind="zone" if is_zone else "application_area",
                              id=item.handle or item.layer, name=None),),
            args={"layer": item.layer, "handle": item.handle or "-", "tol": tol},
            where=Point(item.at) if item.at else None, message=message,
            key=item.layer, extra={"layer": item.layer, "handle": item.handle, "detail": item.detail},
        )


@rule(
    "DWG002", "zone-without-level", "", "error",
    messages={
        "default": {
            "ja": "ゾーン「{zone}」（レイヤ {layer}）のレベルが読み取れないため、検査から除外しました。"
                  "レイヤ名、属性 LEVEL、室名ラベル、または osmark.toml の [zones] 表でレベル"
                  "（OPEN, 1, 2, 3）を指定してください。",
            "en": "The level of zone '{zone}' (layer {layer}) cannot be read, so it was left out of the "
                  "checks. Give its level (OPEN, 1, 2 or 3) in the layer name, a LEVEL attribute, a room "
                  "label, or the [zones] table of osmark.toml.",
        },
    },
    summary={"ja": "すべてのゾーンのレベルが読み取れること",
             "en": "every zone has a readable level"},
    doc_ja="""すべてのゾーンに、読み取れるレベルがあること。

    理由：どのルールも、各エリアのレベル（OPEN、1、2、3）に基づいて判定します。レベルの
    ないゾーンは領域から除外されるため、ルールはその範囲をオープンエリアとして扱います。

    報告される内容：レイヤ名、LEVEL 属性、室名ラベル、``[zones]`` 表のいずれからもレベル
    を読み取れなかったゾーンごとに報告します。

    直し方：レイヤ名にレベルを入れる（例：``ZONE-L3``）か、LEVEL 属性を付けるか、
    osmark.toml の ``[zones]`` 表で室名にレベルを対応付けてください。
    """,
)
def zone_without_level(site: Site, ctx: Context) -> Iterator[Violation]:
    """Every zone has a level the tool can read.

    Why: every rule depends on the level of each area (OPEN, 1, 2 or 3). A zone without a
    level is left out of the regions, so the rules treat it as open area.

    What is reported: each zone whose level could not be read from its layer name, a LEVEL
    attribute, a room label or the ``[zones]`` table.

    How to fix: put the level in the layer name (e.g. ``ZONE-L3``), add a LEVEL attribute,
    or map the room name to a level in the ``[zones]`` table of osmark.toml.
    """
    zones = site.plan.zones
    ctx.count(len(zones))
    for zone in zones:
        if zone.level is None:
            yield Violation(subjects=(zone_subject(zone),),
                            args={"zone": zone.name or zone.id, "layer": zone.source.layer},
                            where=zone.polygon, extra={"layer": zone.source.layer,
                                                       "handle": zone.source.handle})


@rule(
    "DWG003", "zones-overlap", "", "error",
    messages={
        "default": {
            "ja": "ゾーン「{a}」と「{b}」が{area:.2f} m²重なっていますが、一方が他方を含んでいません。"
                  "境界を揃えるか、一方を他方の内側に収めてください。",
            "en": "Zones '{a}' and '{b}' overlap by {area:.2f} m² without one containing the other. "
                  "Make their outlines meet, or draw one inside the other.",
        },
    },
    summary={"ja": "ゾーンが中途半端に重なっていないこと",
             "en": "zones do not overlap partially"},
    doc_ja="""ゾーンどうしが入れ子（一方が他方の内側）になっているか、重なっていないこと。

    理由：入れ子になっていない2つのゾーンの両方に属する場所はレベルが1つに定まらず、
    アクセスや配置のルールはそこにどのレベルを適用すべきか判断できません。

    報告される内容：一方が他方を含まずに許容値を超えて重なっているゾーンの組ごとに、重な
    っている面積とともに報告します。

    直し方：共有する壁に沿って外形を揃えるか、内側のゾーンを外側のゾーンの中に完全に収め
    て描いてください。
    """,
)
def zones_overlap(site: Site, ctx: Context) -> Iterator[Violation]:
    """Zones either nest (one inside the other) or do not overlap.

    Why: a place that lies in two zones that do not nest has no single level, so the access
    and placement rules cannot tell which level applies there.

    What is reported: each pair of zones that overlap by more than the tolerance without one
    containing the other, with the overlapping area.

    How to fix: make the outlines meet along the shared wall, or draw the inner zone
    entirely inside the outer one.
    """
    zones = {z.id: z for z in site.plan.zones}
    ctx.count(len(zones))
    for a, b, area in site.overlaps:
        za, zb = zones.get(a), zones.get(b)
        subjects = tuple(zone_subject(z) if z else Subject("zone", zid) for z, zid in ((za, a), (zb, b)))
        where = za.polygon.intersection(zb.polygon) if za is not None and zb is not None else None
        yield Violation(subjects=subjects,
                        args={"a": (za.name if za else None) or a, "b": (zb.name if zb else None) or b,
                              "area": float(area)},
                        where=where, extra={"zones": [a, b], "area_m2": round(float(area), 3)})


RULES = (zone_not_closed, zone_without_level, zones_overlap)
