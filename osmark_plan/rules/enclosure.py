"""Enclosure rules: security zones and the application area are closed all round (ENC)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ..findings import Subject
from .base import Context, Option, Violation, rule
from .describe import AA_SUBJECT, ends, region_subject

if TYPE_CHECKING:
    from ..geometry.site import Gap, Site


_TOLERANCE_OPTIONS = (
    Option("min_gap", 0.10, "a gap shorter than this (m) is drawing noise, not an opening",
           "これより短い隙間（m）は作図上の誤差とみなし、開口部とはしません"),
    Option("wall_tolerance", 0.15,
           "how far (m) a wall, door or window may lie from the zone outline and still close it",
           "壁・扉・窓がゾーンの外形からこの距離（m）以内にあれば、その境界を閉じるものとみなします"),
)


#: the clause a zone's enclosure rests on, by its level
LEVEL_CLAUSES = {
    1: "2.5; 4.5.2 細則(1)",
    2: "4.5.3 細則 (居室等の条件)(1)a,b",
    3: "4.5.4 細則 (居室等の条件)(1)a,b",
}


def _gap_violation(gap: Gap, subject: Subject, args: dict, variant: str, clause: str = "") -> Violation:
    start, end = ends(gap.geom)
    length = round(gap.length, 3)
    return Violation(
        subjects=(subject,), where=gap.geom, message=variant, key=gap.kind, clause=clause,
        args={**args, "length": length},
        extra={"kind": gap.kind, "from": start, "to": end, "length_m": length},
    )


@rule(
    "ENC001", "zone-enclosure", "; ".join(LEVEL_CLAUSES.values()), "error",
    messages={
        "open": {
            "ja": "セキュリティレベル{level}の「{room}」の境界に、壁・扉・窓のいずれもない区間が"
                  "{length:.2f} mあります。天井までの壁、扉または窓で閉じてください。",
            "en": "The boundary of the level-{level} area '{room}' has a {length:.2f} m stretch with "
                  "no wall, door or window. Close it with a full-height wall, a door or a window.",
        },
        "open-level1": {
            "ja": "セキュリティレベル1の「{room}」の境界に、壁・扉・窓・ローパーテーション・保管庫・"
                  "キャビネット等のいずれもない区間が{length:.2f} mあります。壁、扉、窓、"
                  "ローパーテーションまたは保管庫・キャビネット等で囲ってください。",
            "en": "The boundary of the level-1 area '{room}' has a {length:.2f} m stretch that nothing "
                  "closes. Close it with a wall, door, window, low partition or cabinet.",
        },
        "partition-only": {
            "ja": "セキュリティレベル{level}の「{room}」の境界のうち{length:.2f} mが、ローパーテー"
                  "ションまたは保管庫・キャビネット等だけで仕切られています。レベル{level}のエリアは天井までの壁、"
                  "扉または窓で囲ってください。",
            "en": "{length:.2f} m of the boundary of the level-{level} area '{room}' is closed only by "
                  "a low partition or a cabinet. A level-{level} area needs full-height walls, "
                  "doors or windows.",
        },
        "shared": {
            "ja": "セキュリティレベル{level}の「{room}」とレベル{other_level}の「{other}」が一つの空間に"
                  "あり、間に壁・扉・窓が見つかりません。この空間はレベル{level}として検査しました。"
                  "二つの部屋の間を天井までの壁と扉で仕切り、図面に描いてください。",
            "en": "The level-{level} area '{room}' and the level-{other_level} room '{other}' lie in "
                  "one space: no wall, door or window between them was found, so the space was "
                  "checked as level {level}. Separate them with a full-height wall and a door, and "
                  "draw them.",
        },
        "shared-outside": {
            "ja": "セキュリティレベル{level}の「{room}」と申請エリア外の「{other}」が一つの空間にあり、"
                  "間に壁・扉・窓が見つかりません。この空間はレベル{level}として検査しました。"
                  "二つの間を天井までの壁と扉で仕切り、図面に描いてください。",
            "en": "The level-{level} area '{room}' and '{other}', outside the application area, lie "
                  "in one space: no wall, door or window between them was found, so the space was "
                  "checked as level {level}. Separate them with a full-height wall and a door, and "
                  "draw them.",
        },
    },
    summary={"ja": "セキュリティエリアの境界が壁・扉・窓で閉じていること",
             "en": "every security zone is closed all round by walls, doors and windows"},
    options=_TOLERANCE_OPTIONS,
    doc_ja="""すべてのセキュリティエリアが閉じていること：境界に、何もない区間がないこと。

    理由：エリアとは「外壁、内壁、間仕切り又は什器備品等によって囲まれた居室等」です
    （2.5）。セキュリティレベル1エリアの境界は外部から容易に侵入できないこと（4.5.2 細則
    (1)）、セキュリティレベル2・3エリアの居室等の境界の壁は、天井まで密閉されているか戸
    やシャッター等により密閉できるもので、容易に移動、倒壊しない、又は破壊されないことが
    求められます（4.5.3/4.5.4 細則 居室等の条件(1)a,b）。

    報告される内容：ゾーンの外形のうち、``wall_tolerance`` 以内に壁・扉・窓のいずれもな
    い ``min_gap`` より長い区間ごとに、その両端点とともに報告します。レベル1では、
    ローパーテーションと保管庫・キャビネット等も境界を閉じるものとみなします。レベル2・3
    では、ローパーテーションだけで閉じている区間を ``partition-only`` として報告します。
    壁から求めた部屋に、レベルの異なる部屋の室名が、間に壁・扉が見つからないまま一緒に入って
    いる場合は（``shared``）、その空間を高い方のレベルとして検査し、もう一方の部屋を示して
    報告します。
    各指摘には、そのゾーンのレベルの条項だけを示します（レベル1: 2.5、4.5.2 細則(1)、
    レベル2: 4.5.3 細則 (居室等の条件)(1)a,b、レベル3: 4.5.4 細則 (居室等の条件)(1)a,b）。

    直し方：割り当てたレイヤに、欠けている壁・扉・窓を描くか、ゾーンの外形を壁に沿うよう
    に修正してください。壁はあってもゾーンの外形から許容値より離れている場合は、外形を壁
    の上に移してください。

    オプション：``min_gap``（0.10 m）、``wall_tolerance``（0.15 m）。ジオメトリの構築時
    に読み込まれます。
    """,
)
def zone_enclosure(site: Site, ctx: Context) -> Iterator[Violation]:
    """Every security zone is enclosed: its boundary has no uncovered stretch.

    Why: a security area is a room "enclosed by outer walls, inner walls, partitions or
    furniture" (2.5). A level-1 area must not be easy to enter from outside (4.5.2 細則(1));
    the boundary of a level-2 or level-3 room must be sealed to the ceiling or closable by a
    door or shutter, and hard to move or break (4.5.3/4.5.4 細則 居室等の条件 (1)a,b).

    What is reported: each stretch of a zone's outline longer than ``min_gap`` that no wall,
    door or window covers within ``wall_tolerance``, with its two end points. For level 1, low
    partitions and cabinets also close a boundary. For levels 2 and 3 a stretch closed only by
    a low partition is reported as ``partition-only``. A room found from the walls that holds
    the name of a room of another level, with no wall or door found between them, is checked
    at the higher level and reported with the other room (``shared``). Each finding cites the
    clause of its zone's level only (level 1: 2.5, 4.5.2 細則(1); level 2: 4.5.3 細則 (居室等の条件)(1)a,b;
    level 3: 4.5.4 細則 (居室等の条件)(1)a,b).

    How to fix: draw the missing wall, door or window on the mapped layers, or correct the
    zone outline so that it follows the walls. If the wall exists but sits further from the
    zone outline than the tolerance, move the outline onto the wall.

    Options: ``min_gap`` (0.10 m), ``wall_tolerance`` (0.15 m); the geometry builder reads them.
    """
    zones = [r for r in site.regions if r.level >= 1 and r.zone is not None]
    ctx.count(len(zones))
    for gap in site.zone_gaps:
        region = site.region(gap.owner)
        level = region.level if region is not None else 0
        subject = region_subject(region) if region is not None else Subject("region", gap.owner)
        variant = gap.kind if gap.kind == "partition-only" else ("open-level1" if level == 1 else "open")
        yield _gap_violation(gap, subject, {"room": region.label if region else gap.owner,
                                            "level": level}, variant, LEVEL_CLAUSES.get(level, ""))
    from shapely.geometry import Point  # the rule registry loads without shapely

    for region in zones:
        for other in region.zone.shares if region.zone is not None else ():
            if other.level >= region.level:
                continue
            yield Violation(
                subjects=(region_subject(region),), where=Point(other.at),
                message="shared-outside" if other.level < 0 else "shared", key=f"shared:{other.name}",
                clause=LEVEL_CLAUSES.get(region.level, ""),
                args={"room": region.label, "level": region.level, "other": other.name,
                      "other_level": max(other.level, 0)},
                extra={"kind": "shared", "other": other.name, "other_level": other.level, "at": other.at})


@rule(
    "ENC002", "application-area-enclosure", "4.5.1 細則 (申請エリアの境界の条件)(1)a,b", "error",
    messages={
        "open": {
            "ja": "申請エリアの境界に、壁・扉・窓のいずれもない区間が{length:.2f} mあります。"
                  "天井までの堅牢な壁、扉または窓で閉じてください。",
            "en": "The application area's boundary has a {length:.2f} m stretch with no wall, door or "
                  "window. Close it with a solid full-height wall, a door or a window.",
        },
        "partition-only": {
            "ja": "申請エリアの境界のうち{length:.2f} mが、ローパーテーションまたは保管庫・"
                  "キャビネット等だけで"
                  "仕切られています。申請エリアの境界は天井までの堅牢な壁、扉または窓にしてください。",
            "en": "{length:.2f} m of the application area's boundary is closed only by a low partition "
                  "or a cabinet. The boundary needs solid full-height walls, doors or windows.",
        },
    },
    summary={"ja": "申請エリアの境界が壁・扉・窓で閉じていること",
             "en": "the application area is closed all round by walls, doors and windows"},
    doc_ja="""申請エリアが天井までの壁・扉・窓で囲まれていること。

    理由：申請エリアの境界は外部からの不正侵入等に対して堅牢であること、すなわち境界の壁
    は天井まで密閉されているか戸やシャッター等により密閉できるもので、容易に移動、倒壊し
    ない、又は破壊されないものであることが求められます（4.5.1 細則 申請エリアの境界の条
    件 (1)a,b）。ローパーテーションや保管庫・キャビネット等は境界とみなしません。

    報告される内容：申請エリアの外形のうち、``wall_tolerance`` 以内に壁・扉・窓のいずれ
    もない ``min_gap`` より長い区間ごとに、その両端点とともに報告します。申請エリアが描
    かれていない場合は、すべてのゾーンを合わせた範囲を申請エリアとみなします（DWG006 を
    参照）。

    直し方：欠けている壁・扉・窓を描くか、申請エリアの外形を壁に沿うように修正してくださ
    い。

    オプション：このルール独自のものはありません。隙間の許容値 ``min_gap`` と
    ``wall_tolerance`` は ``[rules.ENC001]``（または ``[geometry]``）で設定し、すべての
    境界に適用されます。
    """,
)
def application_area_enclosure(site: Site, ctx: Context) -> Iterator[Violation]:
    """The application area (申請エリア) is enclosed by full-height walls, doors and windows.

    Why: the boundary of the application area must be robust against intrusion: walls sealed
    to the ceiling or closable by doors or shutters, and not easily moved or broken
    (4.5.1 細則 申請エリアの境界の条件 (1)a,b). Low partitions and cabinets do not count.

    What is reported: each stretch of the application-area outline longer than ``min_gap``
    that no wall, door or window covers within ``wall_tolerance``, with its end points.
    When no application area is drawn, the union of all zones stands in for it (see DWG006).

    How to fix: draw the missing wall, door or window, or correct the application-area
    outline so that it follows the walls.

    Options: none of its own; the gap tolerances ``min_gap`` and ``wall_tolerance`` are set
    under ``[rules.ENC001]`` (or ``[geometry]``) and apply to every boundary.
    """
    if not site.aa.is_empty:
        ctx.count()
    for gap in site.aa_gaps:
        variant = "partition-only" if gap.kind == "partition-only" else "open"
        yield _gap_violation(gap, AA_SUBJECT, {}, variant)


RULES = (zone_enclosure, application_area_enclosure)
