"""Building rules: checks across the floors of one application (a building manifest).

Their check takes a :class:`~osmark_plan.building.Building` (per-floor facts) instead of a
Site; the engine's ``run_rule`` runs them all the same (options, severity, fingerprints).
When a building manifest applies, these ZON001/ZON002 replace the per-floor ones.
"""

from __future__ import annotations

from typing import Iterator

from ..building import Building, FloorFacts
from ..findings import Subject
from .base import Context, Rule, Violation, rule
from .zoning import level3_present, separate_level3_when_all_level3


def building_subject(building: Building) -> Subject:
    return Subject(kind="building", id=building.name, name=building.name)


def floor_subject(floor: FloorFacts) -> Subject:
    return Subject(kind="floor", id=floor.name, name=floor.name)


def _floors(floors: tuple[FloorFacts, ...]) -> str:
    return ", ".join(f.name for f in floors)


@rule(
    "ZON001", "level3-present", "4.5.5", "error",
    messages={
        "default": {
            "ja": "建物「{building}」の申請エリア（{floors}）のどの階にも、セキュリティレベル3の"
                  "エリア（居室等または保管庫・キャビネット等）がありません。いずれかの階にレベル3の"
                  "居室等または保管庫・キャビネット等を少なくとも1つ設け、図面でそのレベルを示して"
                  "ください。",
            "en": "No floor of the application area of building \"{building}\" ({floors}) contains "
                  "a security level-3 area (a room or a cabinet). Provide at least one level-3 room "
                  "or cabinet on one of the floors and mark its level in the drawing.",
        },
    },
    summary=level3_present.summary,
    doc_ja="""申請エリアが、全階を通じてセキュリティレベル3エリアを少なくとも1つ含むこと。

    理由：申請エリアには、必ずセキュリティレベル3エリアを含まなければなりません（4.5.5）。
    申請エリアが複数フロアにわたる場合（4.5.1 細則）、いずれかの階にレベル3の居室等また
    は保管庫・キャビネット等が1つあれば足り、すべての階に必要なわけではありません。

    報告される内容：申請エリアのどの階にも、レベル3の領域も、申請エリア内のレベル3の保管
    庫・キャビネット等もない場合に、建物について1件報告します。
    ``in_application = false`` とした階は数えません。

    直し方：レベル3の居室を、それがある階でレベル3のゾーンとして描くか、レベル3の保管庫・
    キャビネット等にレベルを指定してください。
    """,
)
def building_level3_present(building: Building, ctx: Context) -> Iterator[Violation]:
    """The application area, across all its floors, contains at least one level-3 area.

    Why: an application area must include a security level-3 area (4.5.5); when the area
    spans several floors (4.5.1 細則), one level-3 room or cabinet on any floor is enough:
    not every floor needs one.

    What is reported: one finding for the building when no floor of the application area
    has a level-3 region or a level-3 cabinet inside its application area. Floors marked
    ``in_application = false`` do not count.

    How to fix: draw the level-3 room as a zone of level 3 on the floor where it is, or give
    the level-3 cabinet its level.
    """
    floors = building.application
    if not floors:
        return
    ctx.count()
    if any(f.level3_regions or f.level3_cabinets for f in floors):
        return
    yield Violation(subjects=(building_subject(building),),
                    args={"building": building.name, "floors": _floors(floors)},
                    extra={"floors": [f.name for f in floors]})


@rule(
    "ZON002", "separate-level3-when-all-level3", "4.5.5 細則(1); 4.4.4 細則(1)d", "error",
    messages={
        "default": {
            "ja": "建物「{building}」の申請エリア（{floors}）全体がセキュリティレベル3ですが、"
                  "別途アクセス権限を特定したレベル3の居室等または保管庫・キャビネット等がどの階にも"
                  "ありません。いずれかの階に、内側からのみ扉を通って入れるレベル3の居室等か、"
                  "レベル3の保管庫・キャビネット等を設けてください。",
            "en": "The whole application area of building \"{building}\" ({floors}) is security "
                  "level 3, but no floor has a separate level-3 room or cabinet with its own "
                  "access rights. Provide, on one of the floors, a level-3 room entered only from "
                  "within, or a level-3 cabinet.",
        },
    },
    summary=separate_level3_when_all_level3.summary,
    doc_ja="""全階がレベル3の申請エリアに、別途レベル3の居室等か保管庫・キャビネット等があること。

    理由：申請エリアが全てセキュリティレベル3エリアとなる場合は、その中に別途アクセス権
    限を特定した（より限定した）セキュリティレベル3エリアの居室等又は保管庫・
    キャビネット等を設けなければなりません（4.5.5 細則(1)、4.4.4 細則(1)d）。複数フロア
    にわたる場合は、いずれかの階に1つあれば足ります。

    報告される内容：申請エリアのすべての階のすべての領域がレベル3で、どの階にも、申請
    エリア内のレベル3の保管庫・キャビネット等も、内側からのみ入れるレベル3の居室もない場
    合に、建物について1件報告します。

    直し方：別途設ける居室を、内側から入る扉を持つ独立したレベル3のゾーンとして描くか、
    レベル3の保管庫・キャビネット等にレベルを指定してください。
    """,
)
def building_separate_level3(building: Building, ctx: Context) -> Iterator[Violation]:
    """When the whole application area, on every floor, is level 3, a separate level-3 room
    or cabinet exists on some floor.

    Why: if every part of the application area is a level-3 area, a further level-3 room or
    cabinet with narrower access rights must be set up inside it (4.5.5 細則(1), 4.4.4
    細則(1)d). Across several floors, one such room or cabinet on any floor is enough.

    What is reported: one finding for the building when every region of every floor of the
    application area is level 3, and no floor has a level-3 cabinet inside its application
    area or a level-3 room reached only from within.

    How to fix: draw the separate room as its own level-3 zone with a door from the inside,
    or give the level-3 cabinet its level.
    """
    floors = building.application
    if not floors:
        return
    ctx.count()
    if not all(f.regions and f.all_level3 for f in floors):
        return
    if any(f.level3_cabinets or f.inner_level3 for f in floors):
        return
    yield Violation(subjects=(building_subject(building),),
                    args={"building": building.name, "floors": _floors(floors)},
                    extra={"floors": [f.name for f in floors]})


@rule(
    "ZON004", "high-level-on-exposed-floor", "4.6.3 推奨(2)", "warning",
    messages={
        "default": {
            "ja": "建物「{building}」の階「{floor}」は外部から侵入しやすい階（1階・外部に面した"
                  "出入口のある階）ですが、セキュリティレベル3のエリア（{regions}）があります。"
                  "申請エリアが複数階の場合、高次のセキュリティレベルのエリアは別の階に配置する"
                  "ことが望まれます。",
            "en": "Floor \"{floor}\" of building \"{building}\" is exposed (ground floor or outside "
                  "access) but holds security level-3 area(s) ({regions}). In a multi-floor "
                  "application, high-level areas are better placed on another floor.",
        },
    },
    summary={"ja": "複数階の申請エリアで、外部から侵入しやすい階にレベル3のエリアを置かないこと",
             "en": "no level-3 region on a floor marked exposed in a multi-floor application"},
    doc_ja="""外部から侵入しやすいとした階（1階、外部に面した階）にレベル3の領域がないこと。

    理由：申請エリアが複数階の場合、高次のセキュリティレベルのエリアは、外部から侵入しや
    すい階に配置しないことが望ましいとされています（4.6.3 推奨(2)）。推奨事項なので、指
    摘は警告です。

    報告される内容：建物マニフェストで ``exposed = true`` とした申請エリアの階のうち、
    レベル3の領域がある階ごとに、その領域を挙げて1件報告します。レベル3の保管庫・
    キャビネット等は数えません。この推奨はエリア（居室等）についてのものだからです。

    直し方：レベル3の居室を外部からの出入口がない階に移すか、その階が実際には侵入しやす
    くない場合は、マニフェストの ``exposed`` を修正してください。
    """,
)
def high_level_on_exposed_floor(building: Building, ctx: Context) -> Iterator[Violation]:
    """No level-3 region lies on a floor marked exposed (ground floor, outside access).

    Why: when the application area spans several floors, areas of a high security level
    should not be placed on floors that are easy to break into from outside (4.6.3 推奨(2)).
    This is a recommendation, so the finding is a warning.

    What is reported: one finding per floor of the application area marked
    ``exposed = true`` in the building manifest that has level-3 regions, naming them.
    Level-3 cabinets are not counted: the recommendation is about areas (rooms).

    How to fix: move the level-3 room to a floor without outside access, or, when the floor
    is not in fact exposed, correct ``exposed`` in the manifest.
    """
    for floor in building.application:
        if not floor.exposed:
            continue
        ctx.count()
        if not floor.level3_regions:
            continue
        names = ", ".join(name or rid for rid, name in floor.level3_regions)
        subjects = (floor_subject(floor),) + tuple(
            Subject(kind="region", id=rid, name=name) for rid, name in floor.level3_regions)
        yield Violation(subjects=subjects, key=floor.name,
                        args={"building": building.name, "floor": floor.name, "regions": names},
                        extra={"floor": floor.name, "path": floor.path,
                               "regions": [rid for rid, _ in floor.level3_regions]})


#: the building rules, in catalogue order
BUILDING_RULES: tuple[Rule, ...] = (building_level3_present, building_separate_level3,
                                    high_level_on_exposed_floor)

#: building rules with a code no per-floor rule has (to list beside ALL_RULES in `osmark rules`)
BUILDING_ONLY_RULES: tuple[Rule, ...] = (high_level_on_exposed_floor,)

#: per-floor rules a building manifest replaces by the building-level ones
REPLACED_CODES: tuple[str, ...] = ("ZON001", "ZON002")
