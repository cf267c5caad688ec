"""Output-device rules: copiers, printers and FAX machines kept out of sight (EQP)."""

from __future__ import annotations

from typing import Iterator

import numpy as np
import shapely
from shapely import STRtree

from ..geometry.enclosed import enclosed
from ..geometry.site import Site
from ..model import OUTSIDE
from .base import Context, Option, Violation, rule
from .describe import device_subject, link_label, link_subject, text

_DEVICE_WORDS = {
    "COPIER": ("コピー機", "copier"), "PRINTER": ("プリンタ", "printer"), "FAX": ("FAX", "FAX"),
    "MFP": ("複合機", "multifunction printer"), "DEVICE": ("出力機器", "output device"),
}

_ENCLOSURE_OPTIONS = (
    Option("enclosure_rays", 16, "rays cast from a device to test whether panels surround it"),
    Option("enclosure_radius", 2.5, "length (m) of those rays"),
    Option("enclosure_coverage", 0.75,
           "share of rays that must meet a partition, wall or window (at least one a partition)"),
)


def device_word(kind: str):
    ja, en = _DEVICE_WORDS.get(kind.upper(), _DEVICE_WORDS["DEVICE"])
    return text(ja, en)


def _device_name(device) -> str:
    return device.name or device.id


def _enclosed(site: Site, points, ctx: Context) -> np.ndarray:
    return enclosed(points, site.plan.lines, rays=int(ctx["enclosure_rays"]),
                    radius=float(ctx["enclosure_radius"]),
                    coverage=float(ctx["enclosure_coverage"]))


@rule(
    "EQP001", "output-device-in-open-area", "5.4.1 細則(1)", "error",
    messages={
        "open": {
            "ja": "{kind}「{device}」がオープンエリア「{room}」に置かれています。セキュリティエリア内"
                  "に移すか、周囲をローパーテーションで囲ってください。",
            "en": "The {kind} '{device}' stands in the open area '{room}'. Move it into a security "
                  "area, or surround it with low partitions.",
        },
        "outside": {
            "ja": "{kind}「{device}」が申請エリアの外に置かれています。セキュリティエリア内に移すか、"
                  "周囲をローパーテーションで囲ってください。",
            "en": "The {kind} '{device}' stands outside the application area. Move it into a "
                  "security area, or surround it with low partitions.",
        },
    },
    summary={"ja": "コピー機・プリンタ・FAXがオープンエリアにないこと",
             "en": "no copier, printer or FAX stands in the open area"},
    options=_ENCLOSURE_OPTIONS,
    doc_ja="""出力機器（コピー機、プリンタ、FAX、複合機）がオープンエリアに置かれていないこと。

    理由：コピー機、FAX又はプリンタ等の書類の出力等を行う装置は、周囲をパネル
    （ローパーテーション）で囲むなどの対策を講じない限り、通りかかった誰もが出力物を手に
    取れるオープンエリアに設置してはなりません（5.4.1 細則(1)）。

    報告される内容：中心がオープンエリアの領域内または申請エリアの外にあり、囲われていな
    い機器ごとに報告します。機器の中心から長さ ``enclosure_radius`` の線を
    ``enclosure_rays`` 本放ち、そのうち ``enclosure_coverage`` 以上の割合が
    パーティション・壁・窓の線に当たり、かつ少なくとも1本がパーティションに当たる場合に、
    囲われているとみなします。

    直し方：機器をセキュリティエリア内に移すか、機器を囲むローパーテーションを
    （パーティションのレイヤに）描いてください。

    オプション：``enclosure_rays``（16）、``enclosure_radius``（2.5 m）、
    ``enclosure_coverage``（0.75）。
    """,
)
def output_device_in_open_area(site: Site, ctx: Context) -> Iterator[Violation]:
    """No output device (copier, printer, FAX, multifunction printer) stands in the open area.

    Why: output devices must not be installed in the open area, where anyone passing can
    pick up what they print, unless measures such as surrounding them with panels (low
    partitions) are taken (5.4.1 細則(1)).

    What is reported: each device whose centre lies in an open-area region or outside the
    application area and is not enclosed. A device counts as enclosed when, of
    ``enclosure_rays`` rays of length ``enclosure_radius`` cast from its centre, at least
    ``enclosure_coverage`` meet partition, wall or window lines and at least one meets a
    partition.

    How to fix: move the device into a security area, or draw the low partitions that
    surround it (on a partition layer).

    Options: ``enclosure_rays`` (16), ``enclosure_radius`` (2.5 m), ``enclosure_coverage`` (0.75).
    """
    devices = site.plan.devices
    ctx.count(len(devices))
    if not devices:
        return
    centres = [(c.x, c.y) for c in (d.polygon.centroid for d in devices)]
    where = site.regions_at(centres)
    exposed = [i for i, node in enumerate(where) if site.level_of(node) == 0]
    if not exposed:
        return
    shut = _enclosed(site, [centres[i] for i in exposed], ctx)
    for i, is_shut in zip(exposed, shut.tolist()):
        if is_shut:
            continue
        device, node = devices[i], where[i]
        yield Violation(
            subjects=(device_subject(device),),
            args={"kind": device_word(device.kind), "device": _device_name(device),
                  "room": site.name_of(node)},
            where=device.polygon, message="outside" if node == OUTSIDE else "open",
            extra={"region": node},
        )


@rule(
    "EQP002", "output-device-near-entrance", "5.4.1 細則(1)", "error",
    messages={
        "default": {
            "ja": "{kind}「{device}」が出入口（{door}）から{distance:.1f} mの位置にあります"
                  "（{limit:.1f} m未満）。出入口から離すか、周囲をローパーテーションで囲ってください。",
            "en": "The {kind} '{device}' is {distance:.1f} m from the entrance {door} (less than "
                  "{limit:.1f} m). Move it away from the entrance, or surround it with low partitions.",
        },
    },
    summary={"ja": "コピー機・プリンタ・FAXが出入口の近くにないこと",
             "en": "no copier, printer or FAX stands close to an entrance"},
    options=(Option("device_entrance_distance", 3.0,
                    "a device closer than this (m) to an entrance is reported"),) + _ENCLOSURE_OPTIONS,
    doc_ja="""出入口から ``device_entrance_distance`` 以内に出力機器がないこと。

    理由：書類の出力等を行う装置は、周囲をパネル（ローパーテーション）で囲まない限り、来
    訪者や通行人が出力物を見たり持ち去ったりできる出入口近辺に設置してはなりません
    （5.4.1 細則(1)）。

    報告される内容：外形が出入口（外部と申請エリアの間の扉・開口部）から
    ``device_entrance_distance`` 以内にあり、囲われていない機器（囲いの判定方法は EQP001
    を参照）ごとに、最も近い出入口を示して報告します。

    直し方：機器を出入口から離すか、周囲をローパーテーションで囲ってください。

    オプション：``device_entrance_distance``（3.0 m）、``enclosure_rays``（16）、
    ``enclosure_radius``（2.5 m）、``enclosure_coverage``（0.75）。
    """,
)
def output_device_near_entrance(site: Site, ctx: Context) -> Iterator[Violation]:
    """No output device stands within ``device_entrance_distance`` of an entrance.

    Why: output devices must not be installed near the entrances, where visitors and
    passers-by can see or take what they print, unless they are surrounded by panels
    (low partitions) (5.4.1 細則(1)).

    What is reported: each device whose outline comes within ``device_entrance_distance`` of
    an entrance (a door or opening between the outside and the application area) and that
    is not enclosed (see EQP001 for how enclosure is tested), naming the nearest entrance.

    How to fix: move the device away from the entrance, or surround it with low partitions.

    Options: ``device_entrance_distance`` (3.0 m), ``enclosure_rays`` (16),
    ``enclosure_radius`` (2.5 m), ``enclosure_coverage`` (0.75).
    """
    devices = site.plan.devices
    ctx.count(len(devices))
    entrances = site.entrances
    if not devices or not entrances:
        return
    limit = float(ctx["device_entrance_distance"])
    chords = np.array([e.chord for e in entrances], dtype=object)
    polys = np.array([d.polygon for d in devices], dtype=object)
    d_idx, e_idx = STRtree(chords).query(polys, predicate="dwithin", distance=limit)
    if not len(d_idx):
        return
    dist = shapely.distance(polys[d_idx], chords[e_idx])
    best: dict[int, tuple[float, int]] = {}
    for d, e, dd in zip(d_idx.tolist(), e_idx.tolist(), dist.tolist()):
        if d not in best or dd < best[d][0]:
            best[d] = (dd, e)
    near = sorted(best)
    centres = [(c.x, c.y) for c in (devices[i].polygon.centroid for i in near)]
    shut = _enclosed(site, centres, ctx)
    for i, is_shut in zip(near, shut.tolist()):
        if is_shut:
            continue
        distance, e = best[i]
        device, entrance = devices[i], entrances[e]
        yield Violation(
            subjects=(device_subject(device), link_subject(entrance)),
            args={"kind": device_word(device.kind), "device": _device_name(device),
                  "door": link_label(entrance), "distance": round(distance, 2), "limit": limit},
            where=device.polygon,
            extra={"entrance": entrance.id, "distance_m": round(distance, 3), "limit_m": limit},
        )


RULES = (output_device_in_open_area, output_device_near_entrance)
