"""Rules on named places: common spaces and zones outside the application area (ZON003), and
level-2/3 cabinets beside fire or water places (ZON005)."""

from __future__ import annotations

import fnmatch
import functools
import re
from typing import TYPE_CHECKING, Iterable, Iterator

from ..findings import Subject
from ..naming import fold
from .base import Context, Option, Violation, rule
from .describe import cabinet_subject, level_word, region_subject

if TYPE_CHECKING:
    import numpy as np
    from shapely.geometry.base import BaseGeometry
    from ..geometry.site import Region, Site

#: names of a building's common spaces (賃借スペース以外のスペース), as globs
COMMON_SPACES = (
    "*エレベータホール*", "*エレベーターホール*", "*EVホール*", "*ELVホール*", "EV", "ELV", "*EVH*",
    "*共用廊下*", "*共用部*", "*共用通路*", "*共用トイレ*", "*共用便所*", "*機械室*", "*電気室*",
    "*階段室*", "*風除室*", "PS", "EPS", "DS", "*パイプスペース*",
)
#: names of places with fire or water (火気のある場所, 水を扱う場所), as globs
FIRE_WATER = (
    "*給湯室*", "*湯沸*", "*厨房*", "*キッチン*", "*調理室*", "*WC*", "*トイレ*", "*便所*",
    "*化粧室*", "*洗面*", "*シャワー*", "*浴室*", "*ボイラー*", "*喫煙*", "*KITCHEN*", "*PANTRY*",
    "*TOILET*", "*LAVATORY*",
)


def name_matches(name: str | None, patterns: Iterable[str]) -> bool:
    """True when the folded, upper-cased name matches one of the glob patterns."""
    if not name:
        return False
    return _globs(tuple(patterns)).match(fold(name).upper()) is not None


@functools.lru_cache(maxsize=32)
def _globs(patterns: tuple[str, ...]) -> re.Pattern[str]:
    """The glob patterns (folded, upper-cased) as one regular expression, made once."""
    if not patterns:
        return re.compile(r"(?!)")
    return re.compile("|".join(fnmatch.translate(fold(p).upper()) for p in patterns))


def _in_aa(site: Site, geoms: list[BaseGeometry]) -> np.ndarray:
    """For each geometry, True when its representative point lies in the application area."""
    import numpy as np
    import shapely

    if site.aa.is_empty or not geoms:
        return np.zeros(len(geoms), dtype=bool)
    pts = shapely.point_on_surface(np.asarray(geoms, dtype=object))
    return shapely.contains(site.aa, pts)


@rule(
    "ZON003", "common-space-in-application-area", "4.5.1 細則 (申請エリアの条件)(1)", "error",
    messages={
        "common": {
            "ja": "建物の共用部「{room}」が申請エリアに含まれています。賃借スペース以外のスペース"
                  "（エレベータホール、廊下、機械室等）は申請エリアに含められません。申請エリアの外形から"
                  "外すか、osmark.toml の [zones] で \"{room}\" = \"outside\" としてください。",
            "en": "The building's common space '{room}' lies inside the application area. Spaces other "
                  "than the rented space (lift hall, corridor, plant room …) cannot be part of it: draw "
                  "the application area without it, or set \"{room}\" = \"outside\" in [zones] of osmark.toml.",
        },
        "outside": {
            "ja": "{level}のゾーン「{room}」が申請エリアの外に描かれています。申請エリアの外のゾーンは"
                  "セキュリティエリアになりません。申請エリアの外形に含めるか、ゾーンを外してください。",
            "en": "The {level} zone '{room}' is drawn outside the application area, where no zone "
                  "counts as a security area. Draw the application area around it, or remove the zone.",
        },
    },
    summary={"ja": "建物の共用部が申請エリアに含まれないこと、ゾーンが申請エリアの外にないこと",
             "en": "no building common space inside the application area; no zone outside it"},
    options=(Option("names", COMMON_SPACES,
                    "names (globs, case-insensitive) of a building's common spaces",
                    "建物の共用部の名前（グロブ、大文字小文字を区別しない）"),),
    doc_ja="""建物の共用部が申請エリアに含まれていないこと、ゾーンが申請エリアの外に描かれていないこと。

    理由：申請エリアは申請者が専有し日常的に使用しているスペースです。賃貸ビルでは、賃借スペー
    ス以外のスペース（エレベータホール、廊下、機械室等）を申請エリアに含めることはできません
    （4.5.1 細則 申請エリアの条件 (1)）。申請エリアの外に描かれたゾーンは、セキュリティエリア
    （申請エリア内のエリア、2.7）にはなりません。

    報告される内容：名前が ``names``（エレベータホール、EVホール、共用廊下、機械室、電気室、階段
    室、PS など。グロブ、大文字小文字を区別しない）に当たる領域または室名ラベルのうち、申請エリ
    ア内にあるもの。申請エリアが描かれている場合は、大半が申請エリアの外にあるゾーンも報告しま
    す（例：申請エリアの外に描いたレベル3のゾーン）。

    直し方：共用部を申請エリアの外形から外す（または ``[zones]`` 表で "outside" にする）か、
    ゾーンを申請エリアの中に描き直してください。
    """,
)
def common_space_in_application_area(site: Site, ctx: Context) -> Iterator[Violation]:
    """No room named as a building's common space lies in the AA; no zone lies outside it.

    Why: the application area is space the applicant occupies alone and uses daily; in a
    rented building, spaces other than the rented space (lift hall, corridors, plant rooms)
    cannot be included (4.5.1 細則 申請エリアの条件 (1)). A zone drawn outside the application
    area is no security area (2.7: security areas lie inside the application area).

    What is reported: each region or room label inside the application area whose name
    matches ``names`` (エレベータホール, EVホール, 共用廊下, 機械室, 電気室, 階段室, PS …; globs,
    case-insensitive); and, when the application area is drawn, each zone lying mostly outside
    it (e.g. a level-3 zone drawn beyond the application area).

    How to fix: draw the application area without the common space (or set it to "outside"
    in the ``[zones]`` table), or draw the zone inside the application area.
    """
    names = tuple(ctx["names"])
    regions = list(site.regions)
    in_aa = _in_aa(site, [r.polygon for r in regions])
    ctx.count(len(regions))
    reported: set[str] = set()
    for region, inside in zip(regions, in_aa.tolist()):
        if inside and name_matches(region.name, names):
            reported.add(region.id)
            yield Violation(subjects=(region_subject(region),), args={"room": region.label},
                            where=region.polygon, message="common")
    labels = [lab for lab in site.plan.labels if lab.layer_kind == "label" and name_matches(lab.text, names)]
    if labels:
        nodes = site.regions_at([(lab.point.x, lab.point.y) for lab in labels])
        inside = _in_aa(site, [lab.point for lab in labels])
        for lab, node, ok in zip(labels, nodes, inside.tolist()):
            if not ok or node in reported:
                continue
            reported.add(node)
            region = site.region(node)
            subjects = (region_subject(region),) if region is not None else ()
            yield Violation(subjects=subjects + (Subject("label", None, lab.text.strip()),),
                            args={"room": lab.text.strip()}, where=lab.point.buffer(0.5),
                            message="common", key=lab.text.strip())
    if site.aa_drawn:
        yield from _zones_outside(site, regions)


def _zones_outside(site: Site, regions: list[Region]) -> Iterator[Violation]:
    import numpy as np
    import shapely

    drawn = [r for r in regions if r.zone is not None and r.area > 0]
    if not drawn:
        return
    polys = np.asarray([r.zone.polygon for r in drawn], dtype=object)  # type: ignore[union-attr]
    inside = shapely.area(shapely.intersection(polys, site.aa)) / shapely.area(polys)
    for region, share in zip(drawn, inside.tolist()):
        if share >= 0.5:
            continue
        yield Violation(subjects=(region_subject(region),),
                        args={"room": region.label, "level": level_word(region.level)},
                        where=region.polygon, message="outside",
                        extra={"share_inside": round(share, 3)})


@rule(
    "ZON005", "near-fire-or-water", "4.6.4 推奨(1)e,g", "warning",
    messages={
        "default": {
            "ja": "セキュリティレベル{level}の保管庫・キャビネット等「{cabinet}」が火気・水を扱う場所"
                  "「{place}」から {distance:.2f} m の位置にあります。重要な保護対象資産の保管場所は、"
                  "給湯室・厨房・トイレ等から離してください。",
            "en": "The level-{level} cabinet '{cabinet}' stands {distance:.2f} m from '{place}', a place "
                  "with fire or water. Keep important assets away from kitchens, pantries and toilets.",
        },
    },
    summary={"ja": "レベル2・3の保管庫が給湯室・厨房・トイレ等の近くにないこと",
             "en": "level-2/3 cabinets are not next to kitchens, pantries or toilets"},
    options=(
        Option("names", FIRE_WATER, "names (globs, case-insensitive) of places with fire or water",
               "火気・水を扱う場所の名前（グロブ、大文字小文字を区別しない）"),
        Option("near_distance", 1.0, "a cabinet this close (m) to such a room is next to it",
               "その場所からこの距離（m）以内の保管庫・キャビネット等を近接とみなす"),
        Option("label_reach", 2.5,
               "a room known only by its label (no zone drawn) reaches this far (m) from the label",
               "ゾーンがなく室名ラベルだけの場所は、ラベルからこの距離（m）までとみなす"),
    ),
    doc_ja="""レベル2・3の保管庫・キャビネット等が、火気・水を扱う場所の近くにないこと。

    理由：火気のある場所に近接して、また水を扱う場所の近辺に、重要な保護対象資産を保管・保存す
    ることを避けることが望ましい（4.6.4 推奨(1)e,g）。推奨事項のため、既定の重大度は警告です。

    報告される内容：名前が ``names``（給湯室、湯沸室、厨房、キッチン、WC、トイレ、便所、化粧室、
    洗面、シャワー、喫煙室 など）に当たる領域から ``near_distance``（1.0 m）以内にあるレベル2・3
    の保管庫。ゾーンとして描かれず室名ラベルだけがある場所は、ラベルから ``label_reach``（2.5 m）
    の範囲をその場所とみなします。

    直し方：保管庫を火気・水を扱う場所から離してください。
    """,
)
def near_fire_or_water(site: Site, ctx: Context) -> Iterator[Violation]:
    """Level-2/3 cabinets are not next to rooms named as places with fire or water.

    Why: important protected assets should not be kept close to places with fire, nor near
    places that handle water (4.6.4 推奨(1)e,g). A recommendation, so a warning by default.

    What is reported: each level-2 or level-3 cabinet within ``near_distance`` (1.0 m) of a
    region whose name matches ``names`` (給湯室, 湯沸室, 厨房, キッチン, WC, トイレ, 便所,
    化粧室, 洗面, シャワー, 喫煙室 …). A place known only by a room label (no zone drawn) is
    taken to reach ``label_reach`` (2.5 m) from its label.

    How to fix: move the cabinet away from the kitchen, pantry or toilet.
    """
    import numpy as np
    import shapely

    names = tuple(ctx["names"])
    cabinets = [c for c in site.plan.cabinets if c.level in (2, 3)]
    ctx.count(len(cabinets))
    places: list[tuple[str, BaseGeometry]] = [(r.label, r.polygon) for r in site.regions
                                              if r.zone is not None and name_matches(r.name, names)]
    named = {name for name, _g in places}
    reach = float(ctx["label_reach"])
    for lab in site.plan.labels:
        text = lab.text.strip()
        if lab.layer_kind in ("label", "ignored") and text not in named and name_matches(text, names):
            places.append((text, lab.point.buffer(reach)))
    if not cabinets or not places:
        return
    limit = float(ctx["near_distance"])
    polys = np.asarray([c.polygon for c in cabinets], dtype=object)
    geoms = np.asarray([g for _n, g in places], dtype=object)
    ci, pi = shapely.STRtree(geoms).query(polys, predicate="dwithin", distance=limit)
    best: dict[int, tuple[float, int]] = {}
    for c, p, d in zip(ci.tolist(), pi.tolist(), shapely.distance(polys[ci], geoms[pi]).tolist()):
        if c not in best or d < best[c][0]:
            best[c] = (d, p)
    for c in sorted(best):
        distance, p = best[c]
        cabinet = cabinets[c]
        yield Violation(subjects=(cabinet_subject(cabinet), Subject("place", None, places[p][0])),
                        args={"level": cabinet.level, "cabinet": cabinet.name or cabinet.id,
                              "place": places[p][0], "distance": distance},
                        where=cabinet.polygon, extra={"distance_m": round(distance, 3)})


RULES = (common_space_in_application_area, near_fire_or_water)
