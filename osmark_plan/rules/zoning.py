"""Zoning rules: what levels the application area must contain (ZON)."""

from __future__ import annotations

from typing import Iterator

import numpy as np
import shapely

from ..geometry.site import Site
from ..model import OUTSIDE, Cabinet
from .base import Context, Violation, rule
from .describe import AA_SUBJECT


def level3_cabinets_in_aa(site: Site) -> list[Cabinet]:
    """Level-3 cabinets whose centre lies in the application area."""
    cabinets = [c for c in site.plan.cabinets if c.level == 3]
    if not cabinets or site.aa.is_empty:
        return []
    centres = np.array([(p.x, p.y) for p in (c.polygon.centroid for c in cabinets)], dtype=float)
    inside = shapely.intersects_xy(site.aa, centres[:, 0], centres[:, 1])
    return [c for c, ok in zip(cabinets, inside.tolist()) if ok]


def _where(site: Site):
    return None if site.aa.is_empty else site.aa


@rule(
    "ZON001", "level3-present", "4.5.5", "error",
    messages={
        "default": {
            "ja": "申請エリアにセキュリティレベル3のエリア（居室も保管庫・キャビネットも）が"
                  "ありません。レベル3の居室または保管庫・キャビネットを少なくとも1つ設け、図面で"
                  "そのレベルを示してください。",
            "en": "The application area contains no security level-3 area (neither a room nor a "
                  "cabinet). Provide at least one level-3 room or cabinet and mark its level in "
                  "the drawing.",
        },
    },
    summary={"ja": "申請エリアにレベル3のエリア（居室または保管庫）があること",
             "en": "the application area contains a level-3 room or cabinet"},
    doc_ja="""申請エリアに、レベル3の居室等または保管庫・キャビネット等が1つ以上あること。

    理由：申請エリアには、必ずセキュリティレベル3エリアを含まなければなりません（4.5.5）。
    セキュリティレベル3エリアは、居室等か、アクセス記録をとることができる保管庫・
    キャビネット等のいずれかです。

    報告される内容：レベル3の領域がなく、申請エリア内にレベル3の保管庫・キャビネット等も
    ない場合に、1件報告します。ゾーンも申請エリアもまったく描かれていない場合はここでは
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

    What is reported: one finding when no region of level 3 exists and no cabinet of level 3
    stands inside the application area. When no zone and no application area are drawn at
    all, nothing is checked here; DWG006 reports the missing zones.

    How to fix: draw the level-3 room as a zone of level 3 (layer, LEVEL attribute, label or
    the ``[zones]`` table), or give the level-3 cabinet its level (LEVEL attribute, layer name
    or the ``[cabinets]`` table).
    """
    if not site.regions and site.aa.is_empty:
        return  # nothing drawn to check: DWG006 reports the missing zones
    ctx.count()
    rooms = [r for r in site.regions if r.level == 3]
    cabinets = level3_cabinets_in_aa(site)
    if rooms or cabinets:
        return
    yield Violation(subjects=(AA_SUBJECT,), where=_where(site))


@rule(
    "ZON002", "separate-level3-when-all-level3", "4.5.5 細則(1); 4.4.4 細則(1)d", "error",
    messages={
        "default": {
            "ja": "申請エリア全体がセキュリティレベル3ですが、別途アクセス権限を定めたレベル3の"
                  "居室または保管庫がありません。申請エリア内に、内側からのみ入れるレベル3の居室"
                  "またはレベル3の保管庫・キャビネットを設けてください。",
            "en": "The whole application area is security level 3, but there is no separate level-3 "
                  "room or cabinet with its own access rights. Provide, inside the application "
                  "area, a level-3 room entered only from within, or a level-3 cabinet.",
        },
    },
    summary={"ja": "申請エリア全体がレベル3なら、別途レベル3の居室か保管庫があること",
             "en": "an all-level-3 application area has a separate level-3 room or cabinet"},
    doc_ja="""申請エリア全体がレベル3なら、別途レベル3の居室等か保管庫・キャビネット等があること。

    理由：申請エリアが全てセキュリティレベル3エリアとなる場合は、その中に別途アクセス権
    限を特定した（より限定した）セキュリティレベル3エリアの居室等又は保管庫・
    キャビネット等を設け（4.5.5 細則(1)）、重要度3の保護対象資産はそこに保管・保存しなけ
    ればなりません（4.4.4 細則(1)d）。

    報告される内容：申請エリアのすべての領域がレベル3で、その中にレベル3の保管庫・
    キャビネット等がなく、内側からのみ入れる（外部への扉・開口部を持たない）レベル3の居
    室もない場合に、1件報告します。

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
    from within (no door or opening of its own to the outside).

    How to fix: draw the separate room as its own level-3 zone inside the area, with a door
    from the inside, or give the level-3 cabinet its level.
    """
    regions = site.regions
    ctx.count()
    if not regions or any(r.level != 3 for r in regions):
        return
    if level3_cabinets_in_aa(site):
        return
    graph = site.graph
    for region in regions:
        if region.id not in graph or not graph.has_edge(region.id, OUTSIDE):
            return
    yield Violation(subjects=(AA_SUBJECT,), where=_where(site),
                    extra={"regions": [r.id for r in regions]})


RULES = (level3_present, separate_level3_when_all_level3)
