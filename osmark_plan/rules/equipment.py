"""Output-device rules: copiers, printers and FAX machines kept out of sight (EQP)."""

from __future__ import annotations

import inspect
from typing import TYPE_CHECKING, Iterator

from ..model import OUTSIDE
from .base import Context, Option, Violation, rule
from .describe import device_subject, link_label, link_subject, text

if TYPE_CHECKING:
    from ..geometry.site import Site
    from ..geometry.surround import Surround

_DEVICE_WORDS = {
    "COPIER": ("コピー機", "copier"), "PRINTER": ("プリンタ", "printer"), "FAX": ("FAX", "FAX"),
    "MFP": ("複合機", "multifunction printer"), "DEVICE": ("出力機器", "output device"),
}
_CLOSER_WORDS = {
    "wall": ("壁", "walls"), "partition": ("ローパーテーション", "low partitions"),
    "window": ("窓", "windows"), "cabinet": ("保管庫・キャビネット等", "cabinets"), "door": ("扉", "doors"),
}
_UNUSED = ("no longer used: enclosure is now found from the drawn line work; kept so that existing configs load",
           "現在は使いません（囲いは描かれた線から判定します）。既存の設定ファイルが読めるように受け付けます")

_ENCLOSURE_OPTIONS = (
    Option("enclosure_gap", 0.9,
           "widest way in (m) an enclosure round a device may leave open: a doorway",
           "機器の囲いに残してよい出入りの隙間の最大幅（m）：扉1枚分"),
    Option("enclosure_rays", 16, *_UNUSED),
    Option("enclosure_radius", 2.5, *_UNUSED),
    Option("enclosure_coverage", 0.75, *_UNUSED),
)


def device_word(kind: str):
    ja, en = _DEVICE_WORDS.get(kind.upper(), _DEVICE_WORDS["DEVICE"])
    return text(ja, en)


def _device_name(device) -> str:
    return device.name or device.id


def _closers(kinds) -> tuple[str, str]:
    ja = "・".join(_CLOSER_WORDS[k][0] for k in kinds)
    words = [_CLOSER_WORDS[k][1] for k in kinds] or [""]
    en = words[0] if len(words) <= 1 else ", ".join(words[:-1]) + " and " + words[-1]
    return ja, en


def why_not_enclosed(found: Surround, site: Site, gap: float):
    """Why the space round a device does not enclose it, naming what closes it and what is
    missing, in both languages."""
    reason = found.reason
    by_ja, by_en = _closers(found.closed_by)
    if reason == "not-closed":
        return text(f"周囲を幅{gap:.1f} m以下の隙間だけを残して閉じる壁・ローパーテーション・扉・窓・"
                    f"保管庫・キャビネット等がありません",
                    f"no walls, low partitions, doors, windows or cabinets close round it with "
                    f"gaps of at most {gap:.1f} m")
    if reason == "entrance":
        names = ", ".join(found.entrances)
        return text(f"周囲を{by_ja}が囲っていますが、その中に出入口（{names}）があります",
                    f"the {by_en} round it also hold the entrance {names}")
    if reason == "leak":
        names = ", ".join("申請エリア" if r == "AA" else site.name_of(r) for r in found.leaks_into)
        names_en = ", ".join("the application area" if r == "AA" else site.name_of(r)
                             for r in found.leaks_into)
        return text(f"周囲の空間が「{names}」まで続いています", f"the space round it runs on into {names_en}")
    if reason == "whole-open-area":
        return text(f"{by_ja}で閉じた周囲の空間がオープンエリア全体です",
                    f"the space the {by_en} close round it is the whole open area")
    ways_ja = [f"扉 {d}" for d in found.doors] + [f"隙間 {g:.1f} m" for g in found.gaps]
    ways_en = [f"door {d}" for d in found.doors] + [f"a {g:.1f} m gap" for g in found.gaps]
    return text(f"周囲を{by_ja}が囲っていますが、出入りできる箇所が{found.ways}か所（{', '.join(ways_ja)}）"
                f"ある通り抜けの空間です",
                f"the {by_en} round it leave {found.ways} ways through ({', '.join(ways_en)})")


def enclosure_extra(found: Surround) -> dict:
    """The space round a device, for a finding's ``extra``."""
    return {"reason": found.reason, "closed_by": list(found.closed_by), "doors": list(found.doors),
            "gaps_m": list(found.gaps), "entrances": list(found.entrances),
            "leaks_into": list(found.leaks_into),
            "area_m2": None if found.face is None else round(float(found.face.area), 2)}


_HOW_ENCLOSED_JA = """囲われているかどうかは、描かれた線から幾何学的に判定します。機器の周囲にある壁・
    ローパーテーション・窓・保管庫・キャビネット等・扉（敷居線）を交点で分割し、端が
    ``enclosure_gap``（既定 0.9 m、扉1枚分の幅）以内で他の線に届くところは隙間として
    つないだうえで、線に囲まれた面を求めます。機器の中心を含む面があり、その面が
    (a) 申請エリアの出入口を含まず、(b) 機器のある領域の外まで続かず、(c) オープンエリア
    全体ではなく、(d) 出入りできる箇所（扉または隙間）が1か所以下であれば、囲われてい
    るとみなします。壁で囲まれたコピー室（オープンエリアでも）はこれに当たり、開いた
    通路の脇にパーティションの袖壁が1枚あるだけの場合は当たりません。"""

_HOW_ENCLOSED_EN = """Enclosure is geometry, found from the drawn line work: the walls, low partitions,
    windows, cabinets and door thresholds round the device are noded, every loose end that
    comes within ``enclosure_gap`` (default 0.9 m, a door's width) of other line work is
    bridged as a gap, and the faces are polygonized. The device is enclosed when the face
    holding its centre (a) holds no entrance of the application area, (b) does not run on
    beyond the device's own region, (c) is not the whole open area and (d) has at most one
    way in (a door or a gap). A walled copy room (even one that is open area) is enclosed;
    a partition stub beside an open corridor is not."""


@rule(
    "EQP001", "output-device-in-open-area", "5.4.1 細則(1)", "error",
    messages={
        "open": {
            "ja": "{kind}「{device}」がオープンエリア「{room}」にあり、囲われていません：{why}。"
                  "セキュリティエリア内に移すか、出入りできる箇所を1か所（幅{gap:.1f} m以下）だけ残して"
                  "ローパーテーションか壁で囲ってください。",
            "en": "The {kind} '{device}' stands in the open area '{room}' and is not enclosed: {why}. "
                  "Move it into a security area, or enclose it with low partitions or walls, leaving "
                  "one way in no wider than {gap:.1f} m.",
        },
        "outside": {
            "ja": "{kind}「{device}」が申請エリアの外にあり、囲われていません：{why}。"
                  "セキュリティエリア内に移すか、出入りできる箇所を1か所（幅{gap:.1f} m以下）だけ残して"
                  "ローパーテーションか壁で囲ってください。",
            "en": "The {kind} '{device}' stands outside the application area and is not enclosed: "
                  "{why}. Move it into a security area, or enclose it with low partitions or walls, "
                  "leaving one way in no wider than {gap:.1f} m.",
        },
    },
    summary={"ja": "コピー機・プリンタ・FAXがオープンエリアにないこと（ローパーテーション等で囲う場合を除く）",
             "en": "no copier, printer or FAX stands in the open area unless enclosed"},
    options=_ENCLOSURE_OPTIONS,
    doc_ja=f"""出力機器（コピー機、プリンタ、FAX、複合機）が、囲われないままオープンエリアに置か
    れていないこと。

    理由：コピー機、FAX又はプリンタ等の書類の出力等を行う装置は、周囲をパネル
    （ローパーテーション）で囲むなどの対策を講じない限り、通りかかった誰もが出力物を手に
    取れるオープンエリアに設置してはなりません（5.4.1 細則(1)）。

    報告される内容：中心がオープンエリアの領域内または申請エリアの外にあり、囲われていな
    い機器ごとに、何が囲っているか・何が足りないかを添えて報告します。

    {_HOW_ENCLOSED_JA}

    直し方：機器をセキュリティエリア内に移すか、出入りできる箇所を1か所だけ残して機器を
    囲むローパーテーションを（パーティションのレイヤに）描いてください。

    オプション：``enclosure_gap``（0.9 m）。``enclosure_rays``、``enclosure_radius``、
    ``enclosure_coverage`` は以前の判定方法のもので、現在は使いません（既存の設定ファイル
    が読めるように受け付けます）。
    """,
)
def output_device_in_open_area(site: Site, ctx: Context) -> Iterator[Violation]:
    """No output device (copier, printer, FAX, multifunction printer) stands in the open area
    unless it is enclosed.

    Why: output devices must not be installed in the open area, where anyone passing can
    pick up what they print, unless measures such as surrounding them with panels (low
    partitions) are taken (5.4.1 細則(1)).

    What is reported: each device whose centre lies in an open-area region or outside the
    application area and is not enclosed, saying what closes round it and what is missing.

    {how}

    How to fix: move the device into a security area, or draw the low partitions that
    surround it, leaving one way in (on a partition layer).

    Options: ``enclosure_gap`` (0.9 m). ``enclosure_rays``, ``enclosure_radius`` and
    ``enclosure_coverage`` belonged to the former ray test and are no longer used (accepted
    so that existing configs load).
    """
    from ..geometry.surround import surroundings

    devices = site.plan.devices
    ctx.count(len(devices))
    if not devices:
        return
    gap = float(ctx["enclosure_gap"])
    centres = [(c.x, c.y) for c in (d.polygon.centroid for d in devices)]
    where = site.regions_at(centres)
    exposed = [i for i, node in enumerate(where) if site.level_of(node) == 0]
    if not exposed:
        return
    found = surroundings(site, [centres[i] for i in exposed], gap)
    for i, space in zip(exposed, found):
        if space.enclosed:
            continue
        device, node = devices[i], where[i]
        yield Violation(
            subjects=(device_subject(device),),
            args={"kind": device_word(device.kind), "device": _device_name(device),
                  "room": site.name_of(node), "why": why_not_enclosed(space, site, gap), "gap": gap},
            where=device.polygon, message="outside" if node == OUTSIDE else "open",
            extra={"region": node, "enclosure": enclosure_extra(space)},
        )


@rule(
    "EQP002", "output-device-near-entrance", "5.4.1 細則(1)", "error",
    messages={
        "default": {
            "ja": "{kind}「{device}」が出入口（{door}）から歩いて{distance:.1f} mの位置にあり"
                  "（{limit:.1f} m以内）、囲われていません：{why}。出入口から離すか、周囲を"
                  "ローパーテーションで囲ってください。",
            "en": "The {kind} '{device}' is a {distance:.1f} m walk from the entrance {door} (within "
                  "{limit:.1f} m) and is not enclosed: {why}. Move it away from the entrance, or "
                  "surround it with low partitions.",
        },
    },
    summary={"ja": "コピー機・プリンタ・FAXが出入口の近くにないこと（ローパーテーション等で囲う場合を除く）",
             "en": "no copier, printer or FAX stands close to an entrance unless enclosed"},
    options=(Option("device_entrance_distance", 3.0,
                    "a device this close (m, walking, inclusive) to an entrance is reported",
                    "出入口から歩いてこの距離（m、この値を含む）以内にある機器を報告します"),)
    + _ENCLOSURE_OPTIONS,
    doc_ja=f"""出入口から歩いて ``device_entrance_distance`` 以内に、囲われていない出力機器がないこと。

    理由：書類の出力等を行う装置は、周囲をパネル（ローパーテーション）で囲まない限り、来
    訪者や通行人が出力物を見たり持ち去ったりできる出入口近辺に設置してはなりません
    （5.4.1 細則(1)）。

    報告される内容：出入口（外部と申請エリアの間の扉・開口部）から歩いて
    ``device_entrance_distance`` 以内（ちょうどその距離を含む）にあり、囲われていない機器
    ごとに、最も近い出入口と歩く距離を示して報告します。距離は直線ではなく、扉や開口部を
    通り壁を回り込んで歩く距離です：出入口と機器の間に線がなければ直線距離、あれば出入口
    のまわりの格子（約 ``device_entrance_distance``/40 の目）で測ります。壁の向こうの別の
    部屋にある機器は、直線では近くても「出入口近辺」ではありません。

    {_HOW_ENCLOSED_JA}

    直し方：機器を出入口から離すか、周囲をローパーテーションで囲ってください。

    オプション：``device_entrance_distance``（3.0 m）、``enclosure_gap``（0.9 m）。
    ``enclosure_rays``、``enclosure_radius``、``enclosure_coverage`` は現在は使いません。
    """,
)
def output_device_near_entrance(site: Site, ctx: Context) -> Iterator[Violation]:
    """No output device stands within a ``device_entrance_distance`` walk of an entrance
    unless it is enclosed.

    Why: output devices must not be installed near the entrances, where visitors and
    passers-by can see or take what they print, unless they are surrounded by panels
    (low partitions) (5.4.1 細則(1)).

    What is reported: each device within ``device_entrance_distance`` (inclusive) of an
    entrance (a door or opening between the outside and the application area), walking, that
    is not enclosed, naming the nearest entrance and the walk. The distance is walked through
    doors and openings and round walls, not the straight line: where no line work stands
    between the entrance and the device it is the straight line, otherwise it is measured on
    a grid round the entrance (cells of about ``device_entrance_distance``/40). A device in
    another room behind a wall is not by the entrance, however close in a straight line.

    {how}

    How to fix: move the device away from the entrance, or surround it with low partitions.

    Options: ``device_entrance_distance`` (3.0 m), ``enclosure_gap`` (0.9 m);
    ``enclosure_rays``, ``enclosure_radius`` and ``enclosure_coverage`` are no longer used.
    """
    import numpy as np
    from ..geometry.surround import surroundings
    from ..geometry.walking import walking_distances

    devices = site.plan.devices
    ctx.count(len(devices))
    entrances = site.entrances
    if not devices or not entrances:
        return
    limit = float(ctx["device_entrance_distance"])
    gap = float(ctx["enclosure_gap"])
    walks = walking_distances(site.plan, [e.chord for e in entrances], [d.polygon for d in devices], limit)
    nearest = walks.argmin(axis=0)
    distance = walks.min(axis=0)
    near = np.flatnonzero(np.isfinite(distance)).tolist()
    if not near:
        return
    centres = [(c.x, c.y) for c in (devices[i].polygon.centroid for i in near)]
    for i, space in zip(near, surroundings(site, centres, gap)):
        if space.enclosed:
            continue
        device, entrance, walk = devices[i], entrances[int(nearest[i])], float(distance[i])
        straight = float(device.polygon.distance(entrance.chord))
        yield Violation(
            subjects=(device_subject(device), link_subject(entrance)),
            args={"kind": device_word(device.kind), "device": _device_name(device),
                  "door": link_label(entrance), "distance": round(walk, 2), "limit": limit,
                  "why": why_not_enclosed(space, site, gap)},
            where=device.polygon,
            extra={"entrance": entrance.id, "distance_m": round(walk, 3),
                   "straight_m": round(straight, 3), "limit_m": limit,
                   "enclosure": enclosure_extra(space)},
        )


for _rule in (output_device_in_open_area, output_device_near_entrance):
    _rule.check.__doc__ = _rule.doc.replace("{how}", inspect.cleandoc(_HOW_ENCLOSED_EN))

RULES = (output_device_in_open_area, output_device_near_entrance)
