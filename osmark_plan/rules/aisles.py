"""Aisle rule: no output device stands along a busy main aisle (EQP003)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ..findings import Subject
from .base import Context, Option, Violation, rule
from .describe import device_subject

if TYPE_CHECKING:
    from ..geometry.site import Site


@rule(
    "EQP003", "output-device-along-aisle", "4.6.3 細則(1)b", "error",
    messages={
        "default": {
            "ja": "出力機器「{device}」が主要通路 {aisle} から {distance:.2f} m（{limit:.1f} m 以内）の位置に"
                  "あります。通行の多い通路沿いを避けて配置するか、通路との間をローパーテーション等で"
                  "仕切ってください。",
            "en": "The output device '{device}' stands {distance:.2f} m from the main aisle {aisle} "
                  "(within {limit:.1f} m). Place it away from busy aisles, or screen it from the "
                  "aisle with low partitions or walls.",
        },
    },
    summary={"ja": "主要通路沿いに出力機器を置かないこと（通路が描かれている場合）",
             "en": "no output device along a main aisle (when aisles are drawn)"},
    options=(Option("aisle_distance", 1.5, "a device this close (m) to a main aisle stands along it",
                    "主要通路からこの距離（m）以内の機器を通路沿いとみなす"),),
    doc_ja="""通行の多い主要通路沿いに、コピー機・プリンタ・FAX・複合機を置かないこと。

    理由：通行が頻繁な通路沿いに、重要度の高い情報を作成又は出力する機器を配置しない等の対策
    を行わなければなりません（4.6.3 細則(1)b）。細則のため、既定の重大度はエラーです
    （RULES.md の表は warning としていますが、条項は細則です）。

    報告される内容：通路レイヤ（AISLE…、通路…）に開いたポリラインで描かれた主要通路から
    ``aisle_distance``（1.5 m）以内にある出力機器。ただし、機器と通路を結ぶ最短の線が壁か
    ローパーテーションを横切る（通路との間が仕切られている）ものは除きます。通路が描かれて
    いない図面では検査せず、そのことをレポートに記載します。

    直し方：機器を通路から離すか、通路との間をローパーテーションで仕切ってください。
    """,
)
def output_device_along_aisle(site: Site, ctx: Context) -> Iterator[Violation]:
    """No output device stands within ``aisle_distance`` of a main aisle.

    Why: devices that make or print important information are not placed along aisles where
    people pass often, or other measures are taken (4.6.3 細則(1)b). A detailed rule (細則),
    so an error by default (the table in RULES.md says warning; the clause decides).

    What is reported: each copier, printer, FAX or multifunction printer within
    ``aisle_distance`` (1.5 m) of a main aisle drawn as an open polyline on an aisle layer
    (AISLE…, 通路…), unless the shortest line from the device to the aisle crosses a wall or
    a low partition (the device is screened from the aisle). Without drawn aisles nothing is
    checked and the report says so.

    How to fix: move the device away from the aisle, or screen it with low partitions.
    """
    import numpy as np
    import shapely

    aisles = list(site.plan.aisles)
    devices = list(site.plan.devices)
    if not aisles:
        if devices:
            ctx.explain("通路レイヤ（AISLE、通路）に主要通路の記載なし",
                        "no main aisle drawn on an aisle layer (AISLE, 通路)")
        return
    ctx.count(len(devices))
    if not devices:
        return
    limit = float(ctx["aisle_distance"])
    polys = np.asarray([d.polygon for d in devices], dtype=object)
    lines = np.asarray([a.geom for a in aisles], dtype=object)
    di, ai = shapely.STRtree(lines).query(polys, predicate="dwithin", distance=limit)
    if not len(di):
        return
    gaps = shapely.distance(polys[di], lines[ai])
    best: dict[int, tuple[float, int]] = {}
    for d, a, g in zip(di.tolist(), ai.tolist(), gaps.tolist()):
        if d not in best or g < best[d][0]:
            best[d] = (g, a)
    screens = [ln.geom for ln in site.plan.lines_of("wall", "partition")]
    tree = shapely.STRtree(np.asarray(screens, dtype=object)) if screens else None
    for d in sorted(best):
        gap, a = best[d]
        if tree is not None and gap > 0:
            link = shapely.shortest_line(polys[d], lines[a])
            if len(tree.query(link, predicate="crosses")):
                continue  # a wall or low partition stands between the device and the aisle
        device, aisle = devices[d], aisles[a]
        yield Violation(subjects=(device_subject(device), Subject("aisle", aisle.id)),
                        args={"device": device.name or device.id, "aisle": aisle.id,
                              "distance": gap, "limit": limit},
                        where=device.polygon, extra={"distance_m": round(gap, 3)})


RULES = (output_device_along_aisle,)
