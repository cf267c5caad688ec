"""Drawing rules about the way in: doors on zone outlines, regions reached (DWG004, DWG007)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ..model import OUTSIDE
from .base import Context, Violation, rule
from .describe import AA_SUBJECT, door_label, door_subject, level_word, region_subject

if TYPE_CHECKING:
    from ..geometry.site import Site


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
    import networkx as nx

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


RULES = (door_not_between_regions, region_without_access)
