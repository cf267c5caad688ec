"""Drawing rules: problems in the drawing data that keep the other checks from working (DWG)."""

from __future__ import annotations

from typing import Iterator

import networkx as nx
from shapely.geometry import Point

from ..findings import Subject
from ..geometry.site import Site
from ..model import OUTSIDE, Plan
from .base import Context, Violation, rule
from .describe import AA_SUBJECT, door_label, door_subject, level_word, region_subject, text, zone_subject

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


@rule(
    "DWG004", "door-not-between-regions", "", "warning",
    messages={
        "none": {
            "ja": "扉 {door} はどのゾーン・申請エリアの境界上にもありません。扉が壁の開口部に"
                  "描かれているか、ゾーンの外形が壁に沿っているか確認してください。",
            "en": "Door {door} lies on no zone or application-area boundary. Check that the door sits "
                  "in a wall opening and that the zone outlines follow the walls.",
        },
        "same": {
            "ja": "扉 {door} の両側が同じ領域「{room}」です。扉で仕切られた部屋を別のゾーンとして"
                  "描くか、扉の位置を確認してください。",
            "en": "Both sides of door {door} are the same area '{room}'. Draw the room behind the "
                  "door as its own zone, or check the door's position.",
        },
    },
    summary={"ja": "扉が2つの異なる領域の間にあること",
             "en": "every door joins two different areas"},
    doc_ja="""すべての扉が、異なる2つのエリア（2つの領域、または領域と外部）をつないでいること。

    理由：アクセスに関するルールは、扉をたどってエリアからエリアへ進みます。両側が同じ
    エリアの扉や、どのゾーンの境界上にもない扉はアクセスの情報を持たず、たいていはゾーン
    の外形が欠けているか、壁に沿っていないことを意味します。

    報告される内容：異なる2つの領域をつないでいない扉ごとに、接している領域とともに報告
    します。

    直し方：扉の奥の部屋を独立したゾーンとして描くか、ゾーンの外形が扉のある壁の開口部を
    通るように修正してください。
    """,
)
def door_not_between_regions(site: Site, ctx: Context) -> Iterator[Violation]:
    """Every door joins two different areas (regions, or a region and the outside).

    Why: the access rules follow doors from area to area. A door with the same area on both
    sides, or on no zone boundary at all, carries no access information, which usually
    means a zone outline is missing or does not follow the walls.

    What is reported: each door that does not join two different regions, with the regions
    it touches.

    How to fix: draw the room behind the door as its own zone, or correct the zone outline
    so that it passes through the door's wall opening.
    """
    ctx.count(len(site.plan.doors))
    for door, touched in site.stray_doors:
        region = site.region(touched[0]) if touched else None
        subjects = (door_subject(door),) + ((region_subject(region),) if region else ())
        yield Violation(subjects=subjects,
                        args={"door": door_label(door), "room": site.name_of(touched[0]) if touched else ""},
                        where=door.chord, message="same" if touched else "none",
                        extra={"regions": list(touched)})


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
    "DWG007", "region-without-access", "", "warning",
    messages={
        "default": {
            "ja": "{level}の「{room}」には、どの扉・開口部からも入れません。扉を描くか、扉が"
                  "ゾーンの境界上の壁の開口部にあるか確認してください。",
            "en": "No door or opening leads into '{room}' ({level}). Draw its door, or check that "
                  "the door sits in a wall opening on the zone's outline.",
        },
        "unreachable": {
            "ja": "{level}の「{room}」には扉・開口部がありますが、出入口からたどり着けません。"
                  "途中のエリアの扉が描かれているか、扉がゾーンの境界上にあるか確認してください。",
            "en": "'{room}' ({level}) has doors, but no route leads to it from an entrance. Check "
                  "that the doors of the areas on the way are drawn and sit on the zone outlines.",
        },
        "no-entrance": {
            "ja": "申請エリアに出入口（外部とつながる扉・開口部）が見つからないため、出入口に関する"
                  "検査（ACC003, EQP002）と経路の検査ができません。申請エリアの境界上に出入口の扉を"
                  "描くか、申請エリアの外形が扉を通っているか確認してください。",
            "en": "No entrance (a door or opening to the outside) was found on the application "
                  "area, so the entrance checks (ACC003, EQP002) and routes cannot be judged. Draw "
                  "the entrance door on the application area's outline, or check that the outline "
                  "passes through it.",
        },
    },
    summary={"ja": "すべての領域に出入口から扉か開口部を通って入れること",
             "en": "every area is reached from an entrance through doors or openings"},
    doc_ja="""すべての領域に、出入口から扉または開口部を通って入れること。

    理由：入る経路のない部屋は、ほとんどの場合図面の問題であり（壁から外れて描かれた扉、
    扉を通らないゾーンの外形など）、アクセスに関するルールはたどり着けない部屋を判定でき
    ません。出入口が1つもなければ、出入口からの距離による判定（ACC003、EQP002）もできな
    いため、黙って見過ごさずにその旨を1回報告します。

    報告される内容：扉も開口部もまったくない領域ごと、扉はあっても出入口からのどの経路も
    たどり着かない領域ごとに報告し、出入口がまったくない申請エリアについては1回報告しま
    す。

    直し方：ゾーンの外形上の壁の開口部に部屋の扉を描くか、ゾーンの外形が既存の扉を通るよ
    うにしてください。また、申請エリアの外形上に出入口を描いてください。
    """,
)
def region_without_access(site: Site, ctx: Context) -> Iterator[Violation]:
    """Every region is reached from an entrance through doors or openings.

    Why: a room with no way in is almost always a drawing problem (a door drawn off the
    wall, a zone outline that misses the door), and the access rules cannot judge a room
    they cannot reach. Without any entrance, nothing can be judged by its distance from the
    entrances (ACC003, EQP002), so that is said once rather than passed over in silence.

    What is reported: each region with no door or opening at all; each region that has
    doors but that no route from an entrance reaches; and, once, an application area with
    no entrance at all.

    How to fix: draw the room's door in the wall opening on the zone outline, or make the
    zone outline pass through the existing door; draw the entrance on the application
    area's outline.
    """
    ctx.count(len(site.regions))
    graph = site.graph
    if site.regions and not site.entrances:
        yield Violation(subjects=(AA_SUBJECT,), message="no-entrance",
                        where=None if site.aa.is_empty else site.aa)
    reached = nx.node_connected_component(graph, OUTSIDE) if OUTSIDE in graph else set()
    has_entrance = bool(site.entrances)
    for region in site.regions:
        args = {"room": region.label, "level": level_word(region.level)}
        if region.id not in graph or graph.degree(region.id) == 0:
            yield Violation(subjects=(region_subject(region),), args=args, where=region.polygon)
        elif has_entrance and region.id not in reached:
            yield Violation(subjects=(region_subject(region),), args=args, where=region.polygon,
                            message="unreachable", key="unreachable")


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


RULES = (zone_not_closed, zone_without_level, zones_overlap, door_not_between_regions,
         units_uncertain, missing_elements, region_without_access, unreadable_entities)
