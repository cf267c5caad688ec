"""What the reader saw that no room holds: nothing disappears without a line in the report.

A step over the built :class:`~osmark_plan.geometry.site.Site`. Every room name (the texts
:mod:`.room_names` would read as a name or number), ``[zones]`` table name, zone polygon, door,
output device, cabinet and asset is either placed in a region or listed here as a
:class:`NotPlaced` with its reason (a code of :data:`REASONS`), position, layer, handle and a
message in both languages. It is an inventory beside the findings, not a finding: a rule may
report the same element for what it breaks.
"""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator, NamedTuple

import numpy as np
import shapely

from ..config import OUTSIDE_LEVEL, Config
from ..messages import Msg, say
from ..model import OUTSIDE, Plan, Source
from ..naming import fold, strip_level_words, table_level
from .links import sides
from .room_names import BESIDE, Candidate, candidates, usable_labels
from .rooms import ROOMS_LAYER
from .site import Region, Site

#: a region smaller than this (m²) after the zones nested in it are cut out is no region
COVERED_M2 = 0.01


@dataclass(frozen=True)
class NotPlaced:
    """One element the reader saw that is in no room, and why. Positions in metres."""

    #: "label", "zone-name", "zone", "door", "device", "cabinet", "asset"
    kind: str
    #: a code of :data:`REASONS`
    reason: str
    #: what happened and what to do, in both languages
    message: Msg
    #: the text, table key, name or id of the element
    name: str | None = None
    #: the region it lies in or touches, when it has one
    region: str | None = None
    at: tuple[float, float] | None = None
    layer: str | None = None
    handle: str | None = None


class Reason(NamedTuple):
    """A reason code and its title (a heading over the elements of that reason)."""

    code: str
    en: str
    ja: str


REASONS: tuple[Reason, ...] = (
    Reason("label-outside-rooms", "room names in no room", "どの部屋にも入っていない室名"),
    Reason("label-shares-room", "room names in a room that took another name",
           "別の名前を付けた部屋の中にある室名"),
    Reason("label-in-open-area", "room names in open area where no zone is drawn",
           "ゾーンの描かれていないオープンエリアにある室名"),
    Reason("label-in-unnamed-room", "room names not taken by the room they lie in",
           "部屋の名前として使われなかった室名"),
    Reason("zone-name-unmatched", "[zones] names that match no room and no text",
           "どの部屋名・文字とも一致しない [zones] の名前"),
    Reason("zone-name-no-room", "[zones] names in the drawing that no room took",
           "図面にあるが部屋の名前にならなかった [zones] の名前"),
    Reason("zone-polygon-rejected", "zone polygons that could not be read", "読み取れなかったゾーンの外形"),
    Reason("zone-without-level", "zones without a level", "レベルのないゾーン"),
    Reason("zone-polygon-covered", "zones covered by the zones drawn inside them",
           "内側のゾーンに覆われたゾーン"),
    Reason("door-off-walls", "doors standing off every wall", "壁から離れた扉"),
    Reason("door-within-room", "doors with one room on both sides", "両側が同じ部屋の扉"),
    Reason("door-outside-rooms", "doors with no room on either side", "両側とも部屋のない扉"),
    Reason("door-rejected", "doors that could not be read", "読み取れなかった扉"),
    Reason("device-outside", "output devices outside every room", "どの部屋にもない出力機器"),
    Reason("device-rejected", "output devices that could not be read", "読み取れなかった出力機器"),
    Reason("cabinet-outside", "cabinets outside every room", "どの部屋にもない保管庫・キャビネット"),
    Reason("cabinet-rejected", "cabinets that could not be read", "読み取れなかった保管庫・キャビネット"),
    Reason("asset-outside", "assets outside every room", "どの部屋にもない保護資産"),
    Reason("asset-rejected", "assets that could not be read", "読み取れなかった保護資産"),
    Reason("inventory-failed", "elements that could not be checked", "確認できなかった要素"),
)
BY_CODE: dict[str, Reason] = {r.code: r for r in REASONS}

_DEVICE_WORDS = {"COPIER": ("copier", "コピー機"), "PRINTER": ("printer", "プリンタ"), "FAX": ("FAX", "FAX"),
                 "MFP": ("multifunction printer", "複合機")}
_THING_WORDS = {
    "device": ("output device", "出力機器"), "cabinet": ("cabinet", "保管庫・キャビネット"),
    "asset": ("asset", "保護資産"), "door": ("door", "扉"), "zone": ("zone", "ゾーン"),
}


def title_of(reason: str, lang: str) -> str:
    """The heading of a reason in ``lang`` (the code itself when unknown)."""
    r = BY_CODE.get(reason)
    if r is None:
        return reason
    return r.ja if lang == "ja" else r.en


def not_placed(site: Site, config: Config | None = None) -> tuple[NotPlaced, ...]:
    """Every element the reader saw that no region holds, with its reason.

    Each kind is listed under its own guard: a kind that cannot be checked gives one
    ``inventory-failed`` line, never an exception.
    """
    config = config or Config()
    steps: tuple[tuple[str, Callable[[Site, Config], Iterable[NotPlaced]]], ...] = (
        ("labels", _labels), ("[zones]", _zone_names), ("zones", _zones), ("doors", _doors),
        ("devices, cabinets, assets", _things))
    out: list[NotPlaced] = []
    for what, step in steps:
        try:
            out.extend(step(site, config))
        except Exception as exc:  # noqa: BLE001 - the inventory must never stop the check
            why = f"{type(exc).__name__}: {exc}"
            out.append(NotPlaced("inventory", "inventory-failed", say(
                f"The {what} not placed could not be listed ({why}); the list is incomplete",
                f"{what} のうち配置されなかったものを一覧にできませんでした（{why}）。一覧は不完全です"),
                name=what))
    # a [zones] name whose text is listed already (in no room, or in a room named otherwise)
    # needs no second line
    listed = {(n.at, n.handle) for n in out if n.kind == "label"}
    return tuple(n for n in out if not (n.reason == "zone-name-no-room" and (n.at, n.handle) in listed))


# --- labels -------------------------------------------------------------------------------------

def _same(name: str, cand: Candidate) -> bool:
    """Whether a region's name is the one this label gives (as read, or as its text)."""
    want = fold(name)
    said = {fold(cand.reading.name or ""), fold(cand.label.text), strip_level_words(cand.label.text)}
    said.update(fold(line) for line in cand.label.lines)
    return want in said


def _left_out(config: Config) -> Callable[[str], bool]:
    """Whether the zone table sets a room of a name outside the application area."""
    keys = [_key_rx(k) for k, v in config.zones.items() if v == OUTSIDE_LEVEL]
    return lambda name: any(_key_matches(rx, fold(name)) for rx in keys)


def _labels(site: Site, config: Config) -> Iterator[NotPlaced]:
    plan = site.plan
    cands = candidates(usable_labels(plan.labels, plan.layers), config.lock_regex())
    if not cands:
        return
    xy = np.array([(c.label.point.x, c.label.point.y) for c in cands], dtype=float)
    nodes = site.regions_at(xy)
    # beyond a drawn application area is outside by the user's drawing (a common corridor)
    in_aa = shapely.intersects_xy(site.aa, xy[:, 0], xy[:, 1]) if site.aa_drawn \
        else np.ones(len(cands), dtype=bool)
    left_out = _left_out(config)
    for cand, node, ours in zip(cands, nodes, in_aa.tolist()):
        text = cand.reading.name or cand.reading.number or cand.label.text.strip()
        if node == OUTSIDE:
            if _named_beside(site, cand):
                continue  # written just beside its room, which it names (room_names.inside)
            if ours and not left_out(text):  # a room the table leaves out is left out on purpose
                yield _label(cand, text, None, "label-outside-rooms", say(
                    f"Room name '{text}' lies in no room or zone: if it names a room, close the "
                    f"room's walls or draw its zone",
                    f"室名「{text}」はどの部屋・ゾーンにも入っていません。部屋の名前であれば、"
                    f"その部屋の壁を閉じるかゾーンを描いてください"))
            continue
        region = site.region(node)
        # a room number inside a room is the room's number; the room's own name is placed
        if region is not None and cand.reading.name and not (region.name and _same(region.name, cand)):
            yield _in_region(cand, text, region, config)


def _named_beside(site: Site, cand: Candidate) -> bool:
    """A name lying in no room that named a room found from the walls within ``BESIDE``
    (the rooms within reach found by one query of the site's region index)."""
    p = cand.label.point
    return any(r.zone is not None and r.zone.source.layer == ROOMS_LAYER and r.name and _same(r.name, cand)
               for r in site.regions_near(p, BESIDE))


def _in_region(cand: Candidate, text: str, region: Region, config: Config) -> NotPlaced:
    """A name inside a region that did not take it: unnamed, open area, or another name won."""
    if region.name is None:
        return _label(cand, text, region, "label-in-unnamed-room", say(
            f"Room name '{text}' lies in {region.id}, which stayed unnamed: the text was not "
            f"taken as its name (check the text's layer)",
            f"室名「{text}」は名前のない {region.id} の中にありますが、名前として使われませんでした"
            f"（文字のレイヤを確認してください）"))
    level = _level_note(config, text, region)
    if region.zone is None:
        return _label(cand, text, region, "label-in-open-area", say(
            f"Room name '{text}' lies in open area {region.id} ('{region.name}') where no zone is "
            f"drawn: it is checked as open area; draw its zone if it is a room of its own{level}",
            f"室名「{text}」はゾーンの描かれていないオープンエリア {region.id}（「{region.name}」）に"
            f"あり、オープンエリアとして検査しました。独立した部屋であればゾーンを描いてください{level.ja}"))
    if region.zone.source.layer == ROOMS_LAYER:
        return _label(cand, text, region, "label-shares-room", say(
            f"Room name '{text}' lies in room {region.id} named '{region.name}': the two may be "
            f"one space in the drawing — draw the wall or door between them{level}",
            f"室名「{text}」は「{region.name}」と名付けた部屋 {region.id} の中にあります。図面上で"
            f"二つの部屋が一つの空間になっている可能性があります。間の壁か扉を描いてください{level.ja}"))
    return _label(cand, text, region, "label-shares-room", say(
        f"Room name '{text}' lies in zone {region.id} named '{region.name}' and has no zone of "
        f"its own: it is checked as part of '{region.name}'; draw its zone if it is a room of "
        f"its own{level}",
        f"室名「{text}」は「{region.name}」と名付けたゾーン {region.id} の中にあり、専用のゾーンが"
        f"ありません。「{region.name}」の一部として検査しました。独立した部屋であればゾーンを"
        f"描いてください{level.ja}"))


def _level_note(config: Config, text: str, region: Region) -> Msg:
    """" ([zones] gives it level 3; the room is checked at level 1)" when the table's level of
    the name that lost differs from the room's, else nothing."""
    want = table_level(config.zones, [text])
    if want is None or want == OUTSIDE_LEVEL or want == region.level:
        return say("", "")
    return say(f" ([zones] gives '{text}' {_level_word(want)}; the room is checked at "
               f"{_level_word(region.level)})",
               f"（[zones] では「{text}」は{_level_word(want, 'ja')}ですが、この部屋は"
               f"{_level_word(region.level, 'ja')}として検査しました）")


def _level_word(level: int, lang: str = "en") -> str:
    if lang == "ja":
        return "オープンエリア" if level == 0 else f"レベル{level}"
    return "open area" if level == 0 else f"level {level}"


def _label(cand: Candidate, text: str, region: Region | None, reason: str, message: Msg) -> NotPlaced:
    lb = cand.label
    return NotPlaced("label", reason, message, text, region.id if region is not None else None,
                     (float(lb.point.x), float(lb.point.y)), lb.source.layer, lb.source.handle)


# --- the [zones] table ----------------------------------------------------------------------

def _key_rx(key: str) -> re.Pattern[str]:
    """The key as a pattern: the glob, or else the key itself (a name holding ``[``)."""
    k = fold(key)
    return re.compile(f"(?:{fnmatch.translate(k)})|(?:{re.escape(k)}\\Z)")


def _key_matches(rx: re.Pattern[str], name: str) -> bool:
    """A name matches a key as the zone table matches it: the whole name, its first word, or
    the key as a glob pattern (:func:`osmark_plan.naming.table_level`)."""
    return bool(rx.match(name) or rx.match(name.split(" ")[0]))


def _zone_names(site: Site, config: Config) -> Iterator[NotPlaced]:
    table = config.zones
    if not table:
        return
    names = [fold(n) for r in site.regions
             for n in (r.name, r.zone.number if r.zone is not None else None) if n]
    texts: list[tuple[str, int]] = []
    for k, lb in enumerate(site.plan.labels):
        texts.extend((fold(t), k) for t in (lb.text, *lb.lines) if t.strip())
    for key, level in table.items():
        rx = _key_rx(key)
        if rx.match("") or any(_key_matches(rx, n) for n in names):
            continue  # a catch-all ("*"), or a room took the name
        hit = next((k for t, k in texts if _key_matches(rx, t)), None)
        if hit is None:
            yield NotPlaced("zone-name", "zone-name-unmatched", say(
                f"[zones] '{key}' matches no room and no text of the drawing: a typo, or a name the "
                f"drawing does not use",
                f"[zones] の「{key}」はどの部屋名とも図面のどの文字とも一致しません。書き誤りか、"
                f"図面で使われていない名前です"), name=key)
        elif level != OUTSIDE_LEVEL:  # a room the table leaves out is left out on purpose
            lb = site.plan.labels[hit]
            yield NotPlaced("zone-name", "zone-name-no-room", say(
                f"[zones] '{key}' is written in the drawing ('{lb.text.strip()}') but no room took "
                f"that name: the room was not found, or it shares a space with another name",
                f"[zones] の「{key}」は図面に書かれています（「{lb.text.strip()}」）が、その名前の部屋は"
                f"ありません。部屋が求められなかったか、別の名前と一つの空間になっています"),
                name=key, at=(float(lb.point.x), float(lb.point.y)), layer=lb.source.layer,
                handle=lb.source.handle)


# --- zone polygons --------------------------------------------------------------------------

def _rejected(plan: Plan, kinds: tuple[str, ...]) -> Iterator[NotPlaced]:
    """What the reader rejected of the given element kinds (``zone-not-closed``, ``door-unreadable`` …)."""
    for r in plan.rejected:
        kind = r.reason.split("-")[0]
        if kind not in kinds:
            continue
        en, ja = _THING_WORDS[kind]
        detail = f": {r.detail}" if r.detail else ""
        reason = "zone-polygon-rejected" if kind == "zone" else f"{kind}-rejected"
        yield NotPlaced(kind, reason, say(
            f"A {en} on layer {r.layer} could not be read ({r.reason}{detail}) and is in no room",
            f"レイヤ {r.layer} の{ja}を読み取れなかったため（{r.reason}{detail}）、どの部屋にも入っていません"),
            name=r.handle, at=r.at, layer=r.layer, handle=r.handle)


def _zones(site: Site, config: Config) -> Iterator[NotPlaced]:
    plan = site.plan
    yield from _rejected(plan, ("zone",))
    for z in plan.zones:
        if z.level is None or z.polygon.is_empty:
            label = z.name or z.id
            yield NotPlaced("zone", "zone-without-level", say(
                f"Zone '{label}' has no level (or no area), so it is no region and was left out of "
                f"the checks: give its level in the layer name, a LEVEL attribute, a label or [zones]",
                f"ゾーン「{label}」はレベル（または面積）がないため領域にならず、検査から除外しました。"
                f"レイヤ名、属性 LEVEL、室名ラベル、または [zones] でレベルを指定してください"),
                name=label, at=_point(z.polygon), **_source(z.source))
    for r in site.regions:
        if r.zone is not None and r.polygon.area < COVERED_M2:
            yield NotPlaced("zone", "zone-polygon-covered", say(
                f"Zone {r.id} '{r.label}' is covered by the zones drawn inside it: nothing of it "
                f"remains as a region",
                f"ゾーン {r.id}「{r.label}」は内側に描かれたゾーンに覆われ、領域として残る部分がありません"),
                name=r.label, region=r.id, at=_point(r.zone.polygon), **_source(r.zone.source))


# --- doors ----------------------------------------------------------------------------------

def _doors(site: Site, config: Config) -> Iterator[NotPlaced]:
    plan = site.plan
    yield from _rejected(plan, ("door",))
    linked = {id(link.door) for link in site.links if link.door is not None}
    rest = [d for d in plan.doors if id(d) not in linked]
    if not rest:
        return
    tol = float(site.tolerances.get("wall_tolerance", 0.15))
    chords = np.array([d.chord for d in rest], dtype=object)
    near = np.zeros(len(rest), dtype=bool)
    walls = np.array([ln.geom for ln in plan.lines], dtype=object)
    if len(walls):
        hit, _w = shapely.STRtree(walls).query(chords, predicate="dwithin", distance=tol)
        near[hit] = True
    # the regions on the two sides of each door, as the build samples them
    touching = sides([d.chord for d in rest], site.region_index)
    for door, by_wall, pair in zip(rest, near.tolist(), touching):
        name = door.name or door.id
        regions = sorted({r for r in pair if r != OUTSIDE})
        at = door.chord.interpolate(0.5, normalized=True)
        where = {"name": name, "at": (float(at.x), float(at.y)), **_source(door.source)}
        if not by_wall:
            yield NotPlaced("door", "door-off-walls", say(
                f"Door {name} stands off every wall (no wall, partition or window line within "
                f"{tol:g} m), so it joins no rooms",
                f"扉 {name} はどの壁からも離れており（{tol:g} m 以内に壁・パーティション・窓の線が"
                f"ありません）、部屋をつないでいません"), region=regions[0] if regions else None, **where)
        elif regions:
            region = site.region(regions[0])
            named = f" ('{region.name}')" if region is not None and region.name else ""
            named_ja = f"（「{region.name}」）" if region is not None and region.name else ""
            yield NotPlaced("door", "door-within-room", say(
                f"Door {name} has room {regions[0]}{named} on both sides: the room beyond it was "
                f"not found (its walls do not close)",
                f"扉 {name} は両側とも部屋 {regions[0]}{named_ja} です。扉の向こうの部屋が"
                f"求められませんでした（壁が閉じていません）"), region=regions[0], **where)
        else:
            yield NotPlaced("door", "door-outside-rooms", say(
                f"Door {name} has no room on either side: the rooms it joins were not found, or it "
                f"lies outside the floor",
                f"扉 {name} は両側とも部屋がありません。つなぐ部屋が求められなかったか、フロアの外に"
                f"あります"), **where)


# --- devices, cabinets and assets -----------------------------------------------------------

def _things(site: Site, config: Config) -> Iterator[NotPlaced]:
    plan = site.plan
    yield from _rejected(plan, ("device", "cabinet", "asset"))
    items: list[tuple[str, tuple[str, str], str, Source, tuple[float, float]]] = []
    for d in plan.devices:
        c = d.polygon.centroid
        word = _DEVICE_WORDS.get(d.kind.upper(), _THING_WORDS["device"])
        items.append(("device", word, d.name or d.id, d.source, (float(c.x), float(c.y))))
    for cab in plan.cabinets:
        c = cab.polygon.centroid
        items.append(("cabinet", _THING_WORDS["cabinet"], cab.name or cab.id, cab.source,
                      (float(c.x), float(c.y))))
    for a in plan.assets:
        items.append(("asset", _THING_WORDS["asset"], a.text or a.id, a.source,
                      (float(a.point.x), float(a.point.y))))
    if not items:
        return
    nodes = site.regions_at([item[-1] for item in items])
    for (kind, (en, ja), name, source, xy), node in zip(items, nodes):
        if node != OUTSIDE:
            continue
        yield NotPlaced(kind, f"{kind}-outside", say(
            f"The {en} {name} lies outside every room and zone: no rule can place it in a "
            f"security area; move it into the floor or draw the room round it",
            f"{ja} {name} はどの部屋・ゾーンの外にあり、セキュリティ区画に入っていません。"
            f"フロア内に移すか、周りの部屋を描いてください"), name=name, at=xy, **_source(source))


def _point(geom: object) -> tuple[float, float] | None:
    if geom is None or getattr(geom, "is_empty", True):
        return None
    p = geom.representative_point()  # type: ignore[attr-defined]
    return (float(p.x), float(p.y))


def _source(source: Source) -> dict[str, str | None]:
    return {"layer": source.layer, "handle": source.handle}
