"""Cabinet rules: level-2/3 storage cabinets stand inside security areas (CAB)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ..model import OUTSIDE
from .base import Context, Violation, rule
from .describe import cabinet_subject

if TYPE_CHECKING:
    from ..geometry.site import Site



@rule(
    "CAB001", "cabinet-outside-security-area",
    "4.5.3 細則 (保管庫)(1); 4.5.4 細則 (保管庫)(1)", "error",
    messages={
        "open": {
            "ja": "セキュリティレベル{level}の保管庫・キャビネット等「{cabinet}」がオープンエリア「{room}」に"
                  "置かれています。レベル1以上のセキュリティエリア内に移してください。",
            "en": "The level-{level} cabinet '{cabinet}' stands in the open area '{room}'. "
                  "Move it into a security area of level 1 or higher.",
        },
        "outside": {
            "ja": "セキュリティレベル{level}の保管庫・キャビネット等「{cabinet}」が申請エリアの外に置かれています。"
                  "レベル1以上のセキュリティエリア内に移してください。",
            "en": "The level-{level} cabinet '{cabinet}' stands outside the application area. "
                  "Move it into a security area of level 1 or higher.",
        },
    },
    summary={"ja": "レベル2・3の保管庫・キャビネット等がセキュリティエリア内にあること",
             "en": "every level-2 or level-3 cabinet stands inside a security area"},
    doc_ja="""レベル2・3の保管庫・キャビネット等が、セキュリティエリアの中にあること。

    理由：保管庫・キャビネット等はそれ自体をセキュリティレベル2・3エリアとすることができ
    ますが、それはセキュリティエリアの中にある場合に限られます（4.5.3 細則 保管庫 (1)、
    4.5.4 細則 保管庫 (1)）。オープンエリアや共用廊下に置かれた施錠付きの保管庫・キャビネット等は
    該当しません。

    報告される内容：中心がオープンエリアまたは申請エリアの外にある、レベル2・3の保管庫・
    キャビネット等ごとに報告します。

    直し方：保管庫・キャビネット等をセキュリティエリア内に移すか、それが置かれた場所を囲
    むレベル1以上のゾーンを描いてください。レベルのない保管庫・キャビネット等は検査しま
    せん。LEVEL 属性、レイヤ名、または osmark.toml の ``[cabinets]`` 表でレベルを指定し
    てください。
    """,
)
def cabinet_outside_security_area(site: Site, ctx: Context) -> Iterator[Violation]:
    """A level-2 or level-3 cabinet stands inside a security area (level 1 or higher).

    Why: a storage cabinet can itself be a level-2 or level-3 area, but only when it stands
    inside a security area (4.5.3 細則 保管庫 (1); 4.5.4 細則 保管庫 (1)). A locked cabinet in
    the open area or a common corridor does not qualify.

    What is reported: each cabinet of level 2 or 3 whose centre lies in the open area or
    outside the application area.

    How to fix: move the cabinet into a security area, or draw a zone of level 1 or higher
    around the place where it stands. Cabinets without a level are not checked; give one
    with a LEVEL attribute, the layer name or the ``[cabinets]`` table in osmark.toml.
    """
    cabinets = [c for c in site.plan.cabinets if c.level in (2, 3)]
    ctx.count(len(cabinets))
    if not cabinets:
        return
    where = site.regions_at([(p.x, p.y) for p in (c.polygon.centroid for c in cabinets)])
    for cabinet, node in zip(cabinets, where):
        if site.level_of(node) != 0:
            continue
        yield Violation(
            subjects=(cabinet_subject(cabinet),),
            args={"level": cabinet.level, "cabinet": cabinet.name or cabinet.id,
                  "room": site.name_of(node)},
            where=cabinet.polygon, message="outside" if node == OUTSIDE else "open",
            extra={"region": node},
        )


RULES = (cabinet_outside_security_area,)
