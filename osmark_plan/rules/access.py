"""Access rules: how the security areas are reached through doors and openings (ACC)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ..geometry.routes import Adjacency, adjacency, fewest_links
from ..model import OUTSIDE
from .base import Context, Option, Violation, rule
from .describe import (cabinet_subject, link_label, link_subject, node_label, node_with_level,
                       region_subject, route_text, text)

if TYPE_CHECKING:
    from ..geometry.site import Link, Site


def direct_level3(site: Site, link: Link) -> str | None:
    """The level-3 side of a link that joins level 3 to the outside or the open area (ACC001)."""
    for here, there in ((link.a, link.b), (link.b, link.a)):
        if site.level_of(here) == 3 and (there == OUTSIDE or site.level_of(there) == 0):
            if site.region(here) is not None:
                return here
    return None


@rule(
    "ACC001", "level3-direct-access", "4.6.3 細則(1)a; 4.5.1 細則 (申請エリア内の機密保護)(1)", "error",
    messages={
        "outside": {
            "ja": "セキュリティレベル3の「{room}」が{door}で外部（申請エリアの外）に直接つながって"
                  "います。扉の手前にレベル2の前室を設け、レベル1のエリアからその前室を経由して"
                  "入る配置にしてください。",
            "en": "The level-3 area '{room}' opens directly to the outside through {door}. Put a "
                  "level-2 anteroom in front of the door, itself entered from a level-1 area, so "
                  "that the room is reached through levels 1 and 2.",
        },
        "open": {
            "ja": "セキュリティレベル3の「{room}」が{door}でオープンエリア{other}に直接つながって"
                  "います。扉の手前にレベル2の前室を設け、レベル1のエリアからその前室を経由して"
                  "入る配置にしてください。",
            "en": "The level-3 area '{room}' opens directly onto the open area {other} through "
                  "{door}. Put a level-2 anteroom in front of the door, itself entered from a "
                  "level-1 area, so that the room is reached through levels 1 and 2.",
        },
    },
    summary={"ja": "レベル3エリアが外部・出入口・オープンエリアに直接つながっていないこと",
             "en": "no door or opening joins a level-3 area to the outside or the open area"},
    doc_ja="""レベル3エリアを外部・出入口・オープンエリアに直接つなぐ扉や開口部がないこと。

    理由：高次のセキュリティレベルのエリアは出入口に近い場所に配置してはならず、
    セキュリティレベル3エリアに指定された居室等の所在は、申請エリアの外部や
    オープンエリアにおいて容易に認識できてはなりません（4.6.3 細則(1)a、4.5.1 細則 申請
    エリア内の機密保護 (1)）。共用廊下やオープンエリアに扉が面したレベル3の居室は、誰か
    らも見え、誰でも近づけます。レベル3エリアと外部をつなぐ扉・開口部はそれ自体が出入口
    なので、「出入口につながる」は「外部につながる」と読み替えます。

    報告される内容：レベル3の領域と、外部またはオープンエリアの領域との間にある扉・開口
    部ごとに報告します。申請エリア全体がレベル3の場合（4.5.5 細則(1) で認められており、
    そのときは別途レベル3の居室等又は保管庫・キャビネット等が求められます：ZON002）、そ
    の出入口は報告しません。

    直し方：扉の手前にレベル2の前室を設け（ゾーンとして描きます）、その前室にはレベル1の
    エリアから入るようにしてください。レベル1のエリアから直接入る配置や、外部から直接
    レベル2に入る配置は、入れ子のゾーニング（ACC002）の警告になります。
    """,
)
def level3_direct_access(site: Site, ctx: Context) -> Iterator[Violation]:
    """No door or opening joins a level-3 area to the outside, an entrance or the open area.

    Why: high-level areas must not be placed by the entrances, and the existence of level-3
    rooms must not be easy to recognise from outside the application area or from the open
    area (4.6.3 細則(1)a; 4.5.1 細則 申請エリア内の機密保護 (1)). A level-3 room whose door
    opens onto the common corridor or the open area is seen (and reached) by everyone.
    A link from a level-3 area to the outside is itself an entrance, so "joined to an
    entrance" is read as "joined to the outside".

    What is reported: each door or opening between a level-3 region and the outside or an
    open-area region. When the whole application area is level 3 (allowed by 4.5.5 細則(1),
    which then asks for a separate level-3 room or cabinet: ZON002), its entrances are not
    reported.

    How to fix: put a level-2 anteroom (前室, drawn as a zone) in front of the door and enter
    that anteroom from a level-1 area. Entering the room straight from a level-1 area, or the
    anteroom straight from the outside, would skip a level (ACC002).
    """
    for link in site.links:
        if 3 not in (site.level_of(link.a), site.level_of(link.b)):
            continue
        ctx.count()
        if link.entrance and site.all_level3:
            continue  # 4.5.5 細則(1): the whole AA may be level 3; its entrances are then unavoidable
        here = direct_level3(site, link)
        if here is None:
            continue
        there = link.other(here)
        region = site.region(here)
        yield Violation(
            subjects=(region_subject(region), link_subject(link)),
            args={"room": region.label, "door": link_label(link), "other": node_label(site, there)},
            where=link.chord, message="outside" if there == OUTSIDE else "open",
            extra={"door": link.id, "region": here, "other": there},
        )


def route_to(site: Site, low: str, high: str, adj: Adjacency | None = None) -> list[str] | None:
    """Shortest route (fewest links) from OUTSIDE to ``low``, then ``high``; None if none.

    The route to ``low`` does not pass ``high``: it is the way in through this door. None
    when ``low`` is reached only through ``high`` (the door leads out of ``high`` to a dead end).
    ``adj``: the graph's :func:`~osmark_plan.geometry.routes.adjacency`, when asked many times.
    """
    if low == OUTSIDE:
        return [OUTSIDE, high]
    route = fewest_links(adj if adj is not None else adjacency(site.graph), OUTSIDE, low, avoid=high)
    return None if route is None else route + [high]


def _skipped(low: int, high: int):
    first, last = low + 1, high - 1
    if first == last:
        return text(f"レベル{first}", f"level {first}")
    return text(f"レベル{first}〜{last}", f"levels {first} to {last}")


@rule(
    "ACC002", "nested-zoning", "4.6.3 推奨(1)", "warning",
    messages={
        "default": {
            "ja": "{door}が{low}と{high}を直接つないでおり、{skipped}のエリアを経由しません"
                  "（経路: {route}）。低いレベルから順に入れ子になるよう、間に{skipped}のエリアを"
                  "設けてください。",
            "en": "The {door} joins {low} directly to {high}, skipping {skipped} (route: {route}). "
                  "Nest the areas from low to high levels: put an area of {skipped} between them.",
        },
    },
    summary={"ja": "セキュリティエリアが低いレベルから順に入れ子になっていること",
             "en": "security areas nest from low to high levels, one level per door"},
    doc_ja="""セキュリティエリアが入れ子になっていること：扉1つで上がるレベルは1つまで。

    理由：セキュリティエリアは、低次のレベルから高次のレベルになるに従って、入れ子状の
    ゾーニングを行うことが望ましいとされています（4.6.3 推奨(1)）。そうすれば、出入口か
    らレベルnのエリアに至るどの経路も、レベル1〜n-1のエリアを通ります。外部と
    オープンエリアはレベル0とみなします。

    報告される内容：両側のレベルの差が2以上の扉・開口部ごとに、外部からその扉を通る最短
    経路（通る扉が最も少ない経路）とともに報告します。ACC001 で報告済みの扉（外部または
    オープンエリアから直接レベル3に入る扉）は、ここでは重ねて報告しません。

    直し方：両側の間に、飛ばしているレベルのエリアを設けるか（例：レベル2の居室の手前に
    レベル1の執務室を置く）、1つ低いレベルのエリアから入るように扉を移してください。
    """,
)
def nested_zoning(site: Site, ctx: Context) -> Iterator[Violation]:
    """Security areas nest from low to high: each door or opening goes up at most one level.

    Why: the standard recommends zoning security areas in nested fashion from the lower
    levels to the higher ones (4.6.3 推奨(1)), so that every route from an entrance to a
    level-n area passes levels 1 … n-1. The outside and the open area count as level 0.

    What is reported: each door or opening whose two sides differ by more than one level,
    with the shortest route (fewest doors) from the outside through it. A door already
    reported by ACC001 (level 3 straight from the outside or the open area) is not reported
    again here.

    How to fix: put an area of the skipped level between the two sides (for example a
    level-1 office in front of a level-2 room), or move the door so that it opens from an
    area one level lower.
    """
    adj = adjacency(site.graph)
    for link in site.links:
        ctx.count()
        la, lb = site.level_of(link.a), site.level_of(link.b)
        if abs(la - lb) <= 1 or direct_level3(site, link) is not None:
            continue
        low, high = (link.a, link.b) if la < lb else (link.b, link.a)
        route = route_to(site, low, high, adj)
        names = ["OUTSIDE" if n == OUTSIDE else site.name_of(n) for n in route] if route else []
        region = site.region(high)
        subjects = (region_subject(region),) if region is not None else ()
        yield Violation(
            subjects=subjects + (link_subject(link),),
            args={"door": link_label(link), "low": node_with_level(site, low),
                  "high": node_with_level(site, high),
                  "skipped": _skipped(min(la, lb), max(la, lb)),
                  "route": route_text(site, route) if route else
                  text("外部からこの扉を通る経路はありません",
                       "not reachable from the outside through this door")},
            where=link.chord,
            extra={"door": link.id, "route": names, "route_ids": list(route or []),
                   "levels": [min(la, lb), max(la, lb)]},
        )


@rule(
    "ACC003", "high-level-near-entrance", "4.6.3 細則(1)a", "warning",
    messages={
        "default": {
            "ja": "{level}の「{room}」が出入口（{door}）から{distance:.1f} mの位置にあります"
                  "（{limit:.1f} m以内）。出入口から離れた場所に配置するか、その存在が容易に"
                  "分からないレイアウトにしてください。",
            "en": "The {level} area '{room}' is {distance:.1f} m from the entrance {door} (within "
                  "{limit:.1f} m). Place it further from the entrance, or lay out the floor so that "
                  "its presence is not easily noticed.",
        },
        "cabinet": {
            "ja": "セキュリティレベル{level}の保管庫・キャビネット等「{cabinet}」が出入口（{door}）から"
                  "{distance:.1f} mの位置にあります（{limit:.1f} m以内）。出入口から離れた場所に"
                  "置くか、その存在が容易に分からないレイアウトにしてください。",
            "en": "The level-{level} cabinet '{cabinet}' is {distance:.1f} m from the entrance {door} "
                  "(within {limit:.1f} m). Place it further from the entrance, or lay out the floor "
                  "so that its presence is not easily noticed.",
        },
    },
    summary={"ja": "レベル2・3のエリア（居室等・保管庫・キャビネット等）が出入口の近くにないこと",
             "en": "no level-2 or level-3 area (room or cabinet) lies close to an entrance"},
    options=(Option("entrance_distance", 5.0,
                    "a level-2/3 room or cabinet this close (m, inclusive) to an entrance is reported",
                    "出入口からこの距離（m、この値を含む）以内にあるレベル2・3の居室等・保管庫・"
                    "キャビネット等を報告します"),),
    doc_ja="""出入口から ``entrance_distance`` 以内に、セキュリティレベル2・3のエリア（居室等・
    保管庫・キャビネット等）がないこと。

    理由：高次のセキュリティレベルのエリアは、出入口に近い場所に配置してはなりません
    （4.6.3 細則(1)a）。やむを得ず配置する場合は、「その居室又は保管庫・キャビネット等」の
    存在が容易に認識できないゾーニングやレイアウトとする等の対策が認められますが、それは
    図面からは判断できないため、このルールは警告です。レイアウトを確認するか、居室や
    保管庫・キャビネット等を移してください。

    報告される内容：外形が出入口（外部と申請エリアの間の扉・開口部）から
    ``entrance_distance`` 以内（ちょうどその距離を含む）にあるレベル2・3の領域ごと、お
    よびレベル2・3の保管庫・キャビネット等ごとに、最も近い出入口とその直線距離を報告しま
    す。保管庫・キャビネット等は、それが置かれた居室等自体がすでに報告されている場合は重
    ねて報告しません。申請エリア全体がレベル3の場合は報告しません（4.5.5 細則(1)。代わり
    に ZON002 が適用されます）。

    直し方：居室や保管庫・キャビネット等を出入口から離してください。それができない場合は、
    その存在を分かりにくくし（室名表示を掲げない、他の居室や保管庫・キャビネット等で遮る
    など）、その理由を記録に残してください。

    オプション：``entrance_distance``（5.0 m）。
    """,
)
def high_level_near_entrance(site: Site, ctx: Context) -> Iterator[Violation]:
    """No level-2 or level-3 area, room or cabinet, lies within ``entrance_distance`` of an
    entrance.

    Why: high-level security areas must not be placed near the entrances (4.6.3 細則(1)a).
    The clause names "the room or the cabinet" (その居室又は保管庫・キャビネット等) and allows
    it where its presence is hidden by zoning or layout, which a drawing cannot show, so this
    is a warning: confirm the layout or move the room or cabinet.

    What is reported: each level-2 or level-3 region, and each level-2 or level-3 cabinet,
    whose outline comes within ``entrance_distance`` (inclusive) of an entrance (a door or
    opening between the outside and the application area), naming the nearest entrance and
    the straight distance. A cabinet standing in a room that is itself reported is not
    reported again. Not reported when the whole application area is level 3 (4.5.5 細則(1);
    ZON002 applies instead).

    How to fix: move the room or cabinet away from the entrance, or if that is not possible
    hide its presence (no room sign, screened by other rooms or furniture) and keep a record
    of why.

    Options: ``entrance_distance`` (5.0 m).
    """
    regions = [r for r in site.regions if r.level >= 2]
    cabinets = [c for c in site.plan.cabinets if c.level in (2, 3)]
    ctx.count(len(regions) + len(cabinets))
    entrances = site.entrances
    if not (regions or cabinets) or not entrances or site.all_level3:
        return
    limit = float(ctx["entrance_distance"])
    reported: set[str] = set()
    for r, (d, e) in _nearest(entrances, [r.polygon for r in regions], limit):
        region, entrance = regions[r], entrances[e]
        reported.add(region.id)
        yield Violation(
            subjects=(region_subject(region), link_subject(entrance)),
            args={"room": region.label, "level": text(f"セキュリティレベル{region.level}",
                                                      f"level-{region.level}"),
                  "door": link_label(entrance), "distance": round(d, 2), "limit": limit},
            where=region.polygon,
            extra={"entrance": entrance.id, "distance_m": round(d, 3), "limit_m": limit},
        )
    under = site.regions_at([(p.x, p.y) for p in (c.polygon.centroid for c in cabinets)])
    for k, (d, e) in _nearest(entrances, [c.polygon for c in cabinets], limit):
        if under[k] in reported:
            continue
        cabinet, entrance = cabinets[k], entrances[e]
        yield Violation(
            subjects=(cabinet_subject(cabinet), link_subject(entrance)), message="cabinet",
            args={"cabinet": cabinet.name or cabinet.id, "level": cabinet.level,
                  "door": link_label(entrance), "distance": round(d, 2), "limit": limit},
            where=cabinet.polygon,
            extra={"entrance": entrance.id, "distance_m": round(d, 3), "limit_m": limit,
                   "cabinet": cabinet.id, "region": under[k]},
        )


def _nearest(entrances, polys, limit: float) -> list[tuple[int, tuple[float, int]]]:
    """(index, (distance, entrance index)) of each polygon within ``limit`` (inclusive) of an
    entrance, nearest entrance first; vectorised over an STRtree of the entrance chords."""
    import numpy as np
    import shapely
    from shapely import STRtree

    if not polys:
        return []
    chords = np.array([e.chord for e in entrances], dtype=object)
    geoms = np.array(polys, dtype=object)
    p_idx, e_idx = STRtree(chords).query(geoms, predicate="dwithin", distance=limit)
    if not len(p_idx):
        return []
    dist = shapely.distance(geoms[p_idx], chords[e_idx])
    best: dict[int, tuple[float, int]] = {}
    for p, e, d in zip(p_idx.tolist(), e_idx.tolist(), dist.tolist()):
        if p not in best or d < best[p][0]:
            best[p] = (d, e)
    return sorted(best.items())


RULES = (level3_direct_access, nested_zoning, high_level_near_entrance)
