"""Asset rule: protected assets are kept in an area of the level their importance asks (AST)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ..findings import Subject
from ..model import OUTSIDE, Asset, Cabinet
from .base import Context, Violation, rule
from .describe import Text, text

if TYPE_CHECKING:
    from ..geometry.site import Site

#: an asset marker this close (m) to a cabinet is kept in it
IN_CABINET_M = 0.05


def asset_subject(asset: Asset) -> Subject:
    return Subject(kind="asset", id=asset.id, name=asset.text)


def _containers(site: Site, assets: list[Asset]) -> list[Cabinet | None]:
    """For each asset, the highest-level cabinet it is kept in that counts as a security area
    (a cabinet of level 2/3 standing in a region of level 1 or higher), else None."""
    import numpy as np
    import shapely

    cabinets = [c for c in site.plan.cabinets if c.level in (2, 3)]
    if not cabinets or not assets:
        return [None] * len(assets)
    where = site.regions_at([(p.x, p.y) for p in (c.polygon.centroid for c in cabinets)])
    cabinets = [c for c, node in zip(cabinets, where) if site.level_of(node) >= 1]
    if not cabinets:
        return [None] * len(assets)
    points = np.asarray([a.point for a in assets], dtype=object)
    polys = np.asarray([c.polygon for c in cabinets], dtype=object)
    pi, ci = shapely.STRtree(polys).query(points, predicate="dwithin", distance=IN_CABINET_M)
    out: list[Cabinet | None] = [None] * len(assets)
    for p, c in zip(pi.tolist(), ci.tolist()):
        if out[p] is None or (cabinets[c].level or 0) > (out[p].level or 0):  # type: ignore[union-attr]
            out[p] = cabinets[c]
    return out


@rule(
    "AST001", "asset-in-right-area", "4.4.4 細則(1)a-d", "error",
    messages={
        "low": {
            "ja": "重要度{importance}の保護対象資産「{asset}」が{place}に置かれています。"
                  "{need}のエリア（居室等または保管庫・キャビネット等）に移してください。",
            "en": "The importance-{importance} protected asset '{asset}' is kept in {place}. Move it "
                  "into an area of {need} (a room or a cabinet).",
        },
        "separate": {
            "ja": "申請エリア全体がセキュリティレベル3のため、重要度3の保護対象資産「{asset}」は、別途"
                  "アクセス権限を特定したレベル3の居室等（内側からのみ入れる部屋）または保管庫・"
                  "キャビネット等に保管してください（現在は「{room}」）。",
            "en": "The whole application area is level 3, so the importance-3 protected asset "
                  "'{asset}' belongs in a separate level-3 room (entered only from within) or "
                  "cabinet with its own access rights; it is now in '{room}'.",
        },
    },
    summary={"ja": "重要度nの保護対象資産がレベルn以上のエリアにあること",
             "en": "a protected asset of importance n lies in an area of level n or higher"},
    doc_ja="""重要度nの保護対象資産が、セキュリティレベルn以上のエリアに保管されていること。

    理由：重要度1の保護対象資産はレベル1以上、重要度2はレベル2以上、重要度3はレベル3のエリ
    アに保管・保存しなければなりません。申請エリアが全てレベル3の場合、重要度3の資産は、申請
    エリア内に別途設けるアクセス権限を特定したレベル3の居室等又は保管庫・キャビネット等に保管
    します（4.4.4 細則(1)a〜d）。

    報告される内容：資産レイヤ（ASSET…、保護資産…、資産…）のブロックまたは文字のうち、重要
    度（属性 IMPORTANCE・重要度、または「重要度3」等の文字）が分かるものについて、置かれた領域
    のレベルと、入っている保管庫（セキュリティエリア内のレベル2・3のもの）のレベルの高い方が
    重要度より低いもの。申請エリアの外はレベル0です。申請エリア全体がレベル3のときは、重要度3
    の資産がレベル3の保管庫にも、外部への出入口を持たないレベル3の居室にもない場合に報告しま
    す。重要度の分からない資産は検査せず、その数をレポートに記載します。

    直し方：資産を必要なレベルの居室や保管庫に移すか、図面の重要度・レベルを直してください。
    """,
)
def asset_in_right_area(site: Site, ctx: Context) -> Iterator[Violation]:
    """A protected asset of importance n lies in a region or cabinet of level n or higher.

    Why: assets of importance 1 are kept in areas of level 1 or higher, importance 2 in
    level 2 or higher, importance 3 in level 3. When the whole application area is level 3,
    importance-3 assets are kept in a separate level-3 room or cabinet with its own access
    rights (4.4.4 細則(1)a-d).

    What is reported: each asset (a block or text on an asset layer: ASSET…, 保護資産…,
    資産…) whose importance is known (ATTRIB IMPORTANCE or 重要度, or a text such as 重要度3)
    and where the higher of the level of its region and the level of the cabinet holding it
    (a level-2/3 cabinet inside a security area) is below its importance. Outside the
    application area counts as level 0. In an all-level-3 application area, an importance-3
    asset is reported unless it is in a level-3 cabinet or a level-3 room with no door of its
    own to the outside. Assets without an importance are not checked and the report says how
    many.

    How to fix: move the asset into a room or cabinet of the needed level, or correct the
    importance or level in the drawing.
    """
    import numpy as np
    import shapely

    assets = list(site.plan.assets)
    known = [a for a in assets if a.importance is not None]
    if not assets:
        ctx.explain("資産レイヤ（ASSET、保護資産、資産）に保護対象資産の記載なし",
                    "no protected asset drawn on an asset layer (ASSET, 保護資産, 資産)")
        return
    if len(known) < len(assets):
        ctx.explain(f"保護対象資産 {len(assets)} 件中 {len(assets) - len(known)} 件に重要度の記載なし",
                    f"no importance on {len(assets) - len(known)} of {len(assets)} protected assets")
    ctx.count(len(known))
    if not known:
        return
    nodes = site.regions_at([(a.point.x, a.point.y) for a in known])
    in_aa = (shapely.contains_xy(site.aa, [a.point.x for a in known], [a.point.y for a in known])
             if not site.aa.is_empty else np.zeros(len(known), dtype=bool))
    holders = _containers(site, known)
    graph = site.graph
    for asset, node, inside, cabinet in zip(known, nodes, in_aa.tolist(), holders):
        room_level = site.level_of(node) if inside else 0
        level = max(room_level, cabinet.level or 0) if cabinet is not None else room_level
        need = int(asset.importance or 0)
        name = asset.text or asset.id
        subjects = (asset_subject(asset),)
        if level < need:
            place = _place(site, node, inside, cabinet)
            yield Violation(subjects=subjects + ((Subject("region", node, site.name_of(node)),)
                                                 if site.region(node) else ()),
                            args={"importance": need, "asset": name, "place": place,
                                  "need": _need(need)},
                            where=asset.point.buffer(0.3), message="low",
                            extra={"importance": need, "level": level})
            continue
        if need == 3 and site.all_level3 and not (cabinet is not None and cabinet.level == 3):
            separate = node in graph and not graph.has_edge(node, OUTSIDE)
            if not separate:
                yield Violation(subjects=subjects, args={"asset": name, "room": site.name_of(node)},
                                where=asset.point.buffer(0.3), message="separate",
                                extra={"importance": 3, "level": 3})


def _place(site: Site, node: str, inside: bool, cabinet: Cabinet | None) -> dict[str, str]:
    if not inside or site.region(node) is None:
        return {"ja": "申請エリアの外", "en": "outside the application area"}
    level = site.level_of(node)
    room = site.name_of(node)
    held = (f"（レベル{cabinet.level}の保管庫「{cabinet.name or cabinet.id}」内）" if cabinet else "",
            f" (in the level-{cabinet.level} cabinet '{cabinet.name or cabinet.id}')" if cabinet else "")
    if level <= 0:
        return {"ja": f"オープンエリア「{room}」{held[0]}", "en": f"the open area '{room}'{held[1]}"}
    return {"ja": f"セキュリティレベル{level}の「{room}」{held[0]}",
            "en": f"the level-{level} area '{room}'{held[1]}"}


def _need(importance: int) -> Text:
    if importance >= 3:
        return text("セキュリティレベル3", "security level 3")
    return text(f"セキュリティレベル{importance}以上", f"security level {importance} or higher")


RULES = (asset_in_right_area,)
