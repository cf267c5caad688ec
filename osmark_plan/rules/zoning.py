"""Zoning rules: what levels the application area must contain (ZON)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ..model import OUTSIDE, Cabinet
from .base import Context, Violation, rule
from .describe import AA_SUBJECT, text

if TYPE_CHECKING:
    from ..geometry.site import Region, Site


def cabinet_regions(site: Site) -> list[str]:
    """The region (or OUTSIDE) under each cabinet's centre, in plan order."""
    return site.regions_at([(p.x, p.y) for p in (c.polygon.centroid for c in site.plan.cabinets)])


def level3_cabinets_in_security_area(site: Site) -> list[Cabinet]:
    """Level-3 cabinets standing in a security area (a region of level 1 or higher) of the
    application area: only those are level-3 areas (4.5.4 細則 保管庫(1))."""
    inside = site.in_aa
    return [c for c, node in zip(site.plan.cabinets, cabinet_regions(site))
            if c.level == 3 and node in inside and site.level_of(node) >= 1]


def level3_rooms_in_aa(site: Site) -> list[Region]:
    """Level-3 regions inside the application area."""
    return [r for r in site.aa_regions if r.level == 3]


def _uncounted(site: Site):
    """Level-3 zones outside the AA and level-3 cabinets outside a security area, named."""
    counted = {c.id for c in level3_cabinets_in_security_area(site)}
    rooms = [r.label for r in site.regions if r.level == 3 and r.id not in site.in_aa]
    cabinets = [c.name or c.id for c in site.plan.cabinets if c.level == 3 and c.id not in counted]
    ja, en = [], []
    if rooms:
        ja.append(f"申請エリアの外にあるレベル3のゾーン「{'」「'.join(rooms)}」")
        en.append(f"the level-3 zone {', '.join(rooms)} outside the application area")
    if cabinets:
        ja.append(f"セキュリティエリアの外にあるレベル3の保管庫・キャビネット等「{'」「'.join(cabinets)}」")
        en.append(f"the level-3 cabinet {', '.join(cabinets)} outside a security area")
    if not ja:
        return text("", ""), rooms, cabinets
    return (text("（" + "や、".join(ja) + "は数えません）", " (not counted: " + "; ".join(en) + ")"),
            rooms, cabinets)


def _where(site: Site):
    return None if site.aa.is_empty else site.aa


@rule(
    "ZON001", "level3-present", "4.5.5", "error",
    messages={
        "default": {
            "ja": "申請エリアにセキュリティレベル3のエリア（居室等も保管庫・キャビネット等も）が"
                  "ありません{uncounted}。申請エリア内にレベル3の居室等を設けるか、セキュリティ"
                  "エリアの中にレベル3の保管庫・キャビネット等を置き、図面でそのレベルを示して"
                  "ください。",
            "en": "The application area contains no security level-3 area, neither a room nor a "
                  "cabinet{uncounted}. Provide a level-3 room inside the application area, or a "
                  "level-3 cabinet inside a security area, and mark its level in the drawing.",
        },
    },
    summary={"ja": "申請エリアにレベル3のエリア（居室等または保管庫・キャビネット等）があること",
             "en": "the application area contains a level-3 room or cabinet"},
    doc_ja="""申請エリアに、レベル3の居室等または保管庫・キャビネット等が1つ以上あること。

    理由：申請エリアには、必ずセキュリティレベル3エリアを含まなければなりません（4.5.5）。
    セキュリティレベル3エリアは、居室等か、アクセス記録をとることができる保管庫・
    キャビネット等のいずれかです。

    報告される内容：申請エリア内にレベル3の領域がなく、セキュリティエリア（レベル1以上の
    領域）の中に立つレベル3の保管庫・キャビネット等もない場合に、1件報告します。申請エリ
    アの外に描かれたレベル3のゾーンと、オープンエリアや申請エリアの外に置かれたレベル3の
    保管庫・キャビネット等は数えません（4.5.4 細則 保管庫(1)：保管庫・キャビネット等がレベ
    ル3エリアとなるのはセキュリティエリアの中にある場合に限られます）。数えなかったものは
    メッセージで名前を示します。ゾーンも申請エリアもまったく描かれていない場合はここでは
    検査せず、ゾーンがないことは DWG006 が報告します。

    直し方：レベル3の居室をレベル3のゾーンとして描く（レイヤ、LEVEL 属性、室名ラベル、ま
    たは ``[zones]`` 表で指定）か、レベル3の保管庫・キャビネット等にレベルを指定してくだ
    さい（LEVEL 属性、レイヤ名、または ``[cabinets]`` 表）。
    """,
)
def level3_present(site: Site, ctx: Context) -> Iterator[Violation]:
    """The application area contains at least one level-3 area: a room or a cabinet.

    Why: an application area must always include a security level-3 area (4.5.5). A level-3
    area is either a room (居室等) or a storage cabinet (保管庫・キャビネット等) that records
    access.

    What is reported: one finding when no level-3 region lies inside the application area
    and no level-3 cabinet stands in a security area (a region of level 1 or higher). A
    level-3 zone drawn outside the application area does not count, nor does a level-3
    cabinet in the open area or outside (4.5.4 細則 保管庫(1): a cabinet is a level-3 area only
    inside a security area); the message names what was not counted. When no zone and no
    application area are drawn at all, nothing is checked here; DWG006 reports the missing
    zones.

    How to fix: draw the level-3 room as a zone of level 3 (layer, LEVEL attribute, label or
    the ``[zones]`` table), or give the level-3 cabinet its level (LEVEL attribute, layer name
    or the ``[cabinets]`` table).
    """
    if not site.regions and site.aa.is_empty:
        return  # nothing drawn to check: DWG006 reports the missing zones
    ctx.count()
    if level3_rooms_in_aa(site) or level3_cabinets_in_security_area(site):
        return
    note, rooms, cabinets = _uncounted(site)
    yield Violation(subjects=(AA_SUBJECT,), where=_where(site), args={"uncounted": note},
                    extra={"uncounted_regions": rooms, "uncounted_cabinets": cabinets})


@rule(
    "ZON002", "separate-level3-when-all-level3", "4.5.5 細則(1); 4.4.4 細則(1)d", "error",
    messages={
        "default": {
            "ja": "申請エリア全体がセキュリティレベル3ですが、別途アクセス権限を特定したレベル3の"
                  "居室等または保管庫・キャビネット等がありません{unreachable}。申請エリア内に、"
                  "内側からのみ扉を通って入れるレベル3の居室等か、レベル3の保管庫・キャビネット等"
                  "を設けてください。",
            "en": "The whole application area is security level 3, but there is no separate level-3 "
                  "room or cabinet with its own access rights{unreachable}. Provide, inside the "
                  "application area, a level-3 room entered only from within through a door, or a "
                  "level-3 cabinet.",
        },
    },
    summary={"ja": "申請エリア全体がレベル3なら、別途レベル3の居室等か保管庫・キャビネット等があること",
             "en": "an all-level-3 application area has a separate level-3 room or cabinet"},
    doc_ja="""申請エリア全体がレベル3なら、別途レベル3の居室等か保管庫・キャビネット等があること。

    理由：申請エリアが全てセキュリティレベル3エリアとなる場合は、その中に別途アクセス権
    限を特定した（より限定した）セキュリティレベル3エリアの居室等又は保管庫・
    キャビネット等を設け（4.5.5 細則(1)）、重要度3の保護対象資産はそこに保管・保存しなけ
    ればなりません（4.4.4 細則(1)d）。

    報告される内容：申請エリアのすべての領域がレベル3で、その中にレベル3の保管庫・
    キャビネット等がなく、内側からのみ入れるレベル3の居室等もない場合に、1件報告します。
    別途の居室等と数えるのは、外部への扉・開口部を持たず、かつ出入口から扉・開口部を通っ
    てたどり着ける（入口のある）レベル3の領域だけです。扉のないレベル3の小部屋は数えず、
    メッセージでその名前を示します。申請エリアの外に描かれたゾーンは、全体がレベル3かど
    うかの判断に含めません。

    直し方：別途設ける居室を、内側から入る扉を持つ独立したレベル3のゾーンとしてエリア内
    に描くか、レベル3の保管庫・キャビネット等にレベルを指定してください。
    """,
)
def separate_level3_when_all_level3(site: Site, ctx: Context) -> Iterator[Violation]:
    """When the whole application area is level 3, a separate level-3 room or cabinet exists.

    Why: if every part of the application area is a level-3 area, a further level-3 room or
    cabinet with its own, narrower access rights must be set up inside it (4.5.5 細則(1)),
    and importance-3 assets are kept there (4.4.4 細則(1)d).

    What is reported: one finding when every region of the application area is level 3 and
    neither a level-3 cabinet stands inside it nor a level-3 room exists that is reached only
    from within. A separate room counts only when it has no door or opening of its own to the
    outside and a route through doors or openings leads to it from an entrance: a doorless
    level-3 closet does not count (the message names it). Zones drawn outside the
    application area do not take part in deciding whether it is all level 3.

    How to fix: draw the separate room as its own level-3 zone inside the area, with a door
    from the inside, or give the level-3 cabinet its level.
    """
    regions = site.aa_regions
    ctx.count()
    if not site.all_level3 or level3_cabinets_in_security_area(site):
        return
    inner = [r for r in regions if not site.graph.has_edge(r.id, OUTSIDE)]
    reached = inner_reached(site)
    if any(r.id in reached for r in inner):
        return
    closets = [r.label for r in inner]
    note = text("", "") if not closets else text(
        f"（レベル3の「{'」「'.join(closets)}」には出入口からたどり着ける扉・開口部がないため数えません）",
        f" ('{', '.join(closets)}' cannot be reached through a door or opening, so it does not count)")
    yield Violation(subjects=(AA_SUBJECT,), where=_where(site), args={"unreachable": note},
                    extra={"regions": [r.id for r in regions], "unreachable": [r.id for r in inner]})


def inner_reached(site: Site) -> set[str]:
    """Regions a route through doors and openings reaches from the outside."""
    import networkx as nx

    graph = site.graph
    return set(nx.node_connected_component(graph, OUTSIDE)) - {OUTSIDE} if OUTSIDE in graph else set()


RULES = (level3_present, separate_level3_when_all_level3)
