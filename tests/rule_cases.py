"""Good, bad and near-miss cases for every core and drawing rule, as one table.

Each case is a plan built in memory (metres) from the compliant ``office()`` of plans.py,
checked with only its rule selected. ``expect`` is the number of findings; ``subjects`` the
subject ids of the first finding; ``en`` a fragment of its English message; ``extra`` a
subset of its ``extra``; ``options`` the rule's options for the run.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Callable

from shapely.geometry import LineString, box

from osmark_plan.model import Area, Cabinet, Device, LayerInfo, Plan, Rejected, Repair, Source
from osmark_plan.shortfall import Shortfall

from plans import door, office, segments, zone

from osmark_plan.geometry.soft import failure


@dataclass(frozen=True)
class Case:
    id: str
    rule: str
    plan: Callable[[], Plan]
    expect: int
    subjects: tuple[str, ...] | None = None
    en: str | None = None
    ja: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    options: dict[str, Any] = field(default_factory=dict)
    severity: str | None = None
    #: the finding's clause (ENC001 cites by level)
    clause: str | None = None


# --- plan variants -------------------------------------------------------------------------

def swap_line(plan: Plan, old: LineString, *new) -> Plan:
    """Replace the line work equal to ``old`` with ``new`` lines."""
    lines = [ln for ln in plan.lines if not ln.geom.equals(old)]
    return replace(plan, lines=tuple(lines) + tuple(x for group in new for x in group))


SERVER_WEST_UPPER = LineString([(16, 10), (16, 12)])  # between 役員室 (L2) and サーバー室 (L3)
AA_WEST = LineString([(0, 12), (0, 0)])  # the AA's west outer wall, along 受付 (open)
OFFICE_WEST_UPPER = LineString([(6, 5), (6, 12)])  # between 受付 (open) and 執務室 (L1)


def with_levels(**levels) -> Plan:
    """office() with zone levels changed: with_levels(Z1=2)."""
    plan = office()
    zones = tuple(replace(z, level=levels.get(z.id, z.level)) for z in plan.zones)
    return replace(plan, zones=zones)


def with_device(poly, *extra_lines) -> Plan:
    plan = office(devices=(Device("E9", poly, "COPIER", Source("DEVICE"), name="複合機A"),))
    return replace(plan, lines=plan.lines + tuple(x for group in extra_lines for x in group))


def panels_around(x0, y0, x1, y1, kind="partition"):
    """A closed square of low partitions."""
    return segments(kind, [(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)])


def copy_room(doors: int = 1, open_zone: bool = False) -> Plan:
    """office() with a walled コピー室 (x 0..3, y 9..12) in the lobby and a copier in it:
    one door D7 on its east side, and with ``doors=2`` a second D8 on its south side."""
    plan = with_device(box(0.5, 10, 1.5, 11))
    if doors == 2:
        walls = segments("wall", [(0, 9), (1, 9)]) + segments("wall", [(1.9, 9), (3, 9), (3, 10)])
    else:
        walls = segments("wall", [(0, 9), (3, 9), (3, 10)])
    walls += segments("wall", [(3, 10.9), (3, 12)])
    extra = (door("D7", (3, 10), (3, 10.9)),) + ((door("D8", (1, 9), (1.9, 9)),) if doors == 2 else ())
    zones = plan.zones + ((zone("Z7", box(0, 9, 3, 12), 0, "コピー室"),) if open_zone else ())
    return replace(plan, lines=plan.lines + tuple(walls), doors=plan.doors + extra, zones=zones)


def corridor_with_stub() -> Plan:
    """A 1.6 m corridor along the lobby's west wall (x 0..1.6, from y 6 up), open to the lobby,
    with a 0.6 m partition stub beside the copier standing in its middle."""
    return with_device(box(0.55, 9.6, 1.05, 10.1), segments("wall", [(1.6, 6), (1.6, 12)]),
                       segments("partition", [(0, 9.5), (0.6, 9.5)]))


def panel_ring(gap: float, x0=0.3, y0=3.3, x1=5.7, y1=8.7, second_gap: bool = False):
    """A ring of low partitions (5.4 m x 5.4 m by default) left open by ``gap`` in the middle
    of its south side (and of its north side with ``second_gap``)."""
    mid = (x0 + x1) / 2
    a, b = mid - gap / 2, mid + gap / 2
    if not second_gap:
        return segments("partition", [(a, y0), (x0, y0), (x0, y1), (x1, y1), (x1, y0), (b, y0)])
    return (segments("partition", [(a, y0), (x0, y0), (x0, y1), (a, y1)])
            + segments("partition", [(b, y1), (x1, y1), (x1, y0), (b, y0)]))


def second_entrance(*extra_walls, device=None) -> Plan:
    """office() with a second entrance D5 (x 4.4..5.2 on the south wall) into the lobby."""
    south = LineString([(3, 0), (20, 0)])
    plan = swap_line(office(), south, segments("wall", [(3, 0), (4.4, 0)]), segments("wall", [(5.2, 0), (20, 0)]),
                     *extra_walls)
    devices = (Device("E9", device, "PRINTER", Source("DEVICE"), name="プリンタP"),) if device is not None else ()
    return replace(plan, doors=plan.doors + (door("D5", (4.4, 0), (5.2, 0)),), devices=devices)


def printer_behind_wall() -> Plan:
    """A printer in a walled level-2 room 受託室 (x 6..9, y 0..3) with two doors, 1.0 m in a
    straight line from the entrance D5 but on the other side of the lobby's east wall."""
    walls = (segments("wall", [(6, 3), (7, 3)]) + segments("wall", [(7.9, 3), (9, 3), (9, 2)])
             + segments("wall", [(9, 1.1), (9, 0)]))
    plan = second_entrance(walls, device=box(6.2, 0.2, 6.7, 0.7))
    return replace(plan, zones=plan.zones + (zone("Z4", box(6, 0, 9, 3), 2, "受託室"),),
                   doors=plan.doors + (door("D6", (7, 3), (7.9, 3)), door("D7", (9, 1.1), (9, 2))))


def with_cabinet(poly, level) -> Plan:
    return office(cabinets=(Cabinet("C9", poly, level, Source("CABINET"), name="書庫9"),))


def all_level3(nested_room: bool = False, cabinet: bool = False, closet: bool = False,
               zone_outside: int | None = None) -> Plan:
    """A 10 m x 10 m application area that is one level-3 zone, with one entrance.

    ``nested_room``: a level-3 金庫室 with a door from the inside; ``closet``: the same room
    walled all round with no door; ``zone_outside``: a zone of that level drawn beyond the AA.
    """
    walls = segments("wall", [(5, 0), (10, 0), (10, 10), (0, 10), (0, 0), (4, 0)])
    zones = [zone("Z1", box(0, 0, 10, 10), 3, "本社")]
    doors = [door("D1", (4, 0), (5, 0))]
    if nested_room:
        walls += segments("wall", [(6, 10), (6, 8)]) + segments("wall", [(6, 7), (6, 6), (10, 6)])
        zones.append(zone("Z2", box(6, 6, 10, 10), 3, "金庫室"))
        doors.append(door("D2", (6, 7), (6, 8)))
    if closet:
        walls += segments("wall", [(6, 10), (6, 6), (10, 6)])
        zones.append(zone("Z2", box(6, 6, 10, 10), 3, "金庫室"))
    if zone_outside is not None:
        walls += segments("wall", [(12, 0), (16, 0), (16, 4), (12, 4), (12, 0)])
        zones.append(zone("Z9", box(12, 0, 16, 4), zone_outside, "倉庫"))
    cabinets = (Cabinet("C1", box(1, 8, 2, 8.6), 3, Source("CABINET")),) if cabinet else ()
    return Plan(path="all3.dxf", lines=tuple(walls), zones=tuple(zones), doors=tuple(doors),
                areas=(Area("A1", box(0, 0, 10, 10), Source("APPLICATION-AREA")),), cabinets=cabinets)


def with_level3_outside() -> Plan:
    """office() with サーバー室 at level 2 and a level-3 書庫 drawn beyond the AA's east wall."""
    plan = with_levels(Z3=2)
    walls = segments("wall", [(20, 2), (24, 2), (24, 5), (20, 5)])
    return replace(plan, lines=plan.lines + tuple(walls),
                   zones=plan.zones + (zone("Z8", box(20, 2, 24, 5), 3, "書庫"),),
                   doors=plan.doors + (door("D8", (20, 3), (20, 4)),))


def with_cabinets(*cabinets: tuple[str, object, int]) -> Plan:
    """office() with サーバー室 at level 2 and the given (id, polygon, level) cabinets only."""
    return replace(with_levels(Z3=2), cabinets=tuple(Cabinet(cid, poly, level, Source("CABINET"), name=cid)
                                                     for cid, poly, level in cabinets))


def with_room_without_door() -> Plan:
    plan = office()
    walls = segments("wall", [(1, 8), (4, 8), (4, 11), (1, 11), (1, 8)])
    return replace(plan, lines=plan.lines + tuple(walls),
                   zones=plan.zones + (zone("Z4", box(1, 8, 4, 11), 1, "倉庫"),))


# --- the table -----------------------------------------------------------------------------

CASES: tuple[Case, ...] = (
    # ENC001 zone-enclosure
    Case("enc001-good", "ENC001", office, 0),
    Case("enc001-open", "ENC001", lambda: swap_line(office(), SERVER_WEST_UPPER), 1,
         subjects=("Z3",), en="2.00 m stretch with no wall, door or window",
         ja="「サーバー室」の境界", extra={"kind": "open", "length_m": 2.0},
         clause="4.5.4 細則 (居室等の条件)(1)a,b"),
    # each finding cites its level's clause only
    Case("enc001-level2-clause", "ENC001", lambda: swap_line(with_levels(Z3=2), SERVER_WEST_UPPER), 1,
         clause="4.5.3 細則 (居室等の条件)(1)a,b"),
    Case("enc001-level1-clause", "ENC001", lambda: swap_line(office(), OFFICE_WEST_UPPER), 1,
         subjects=("Z1",), clause="2.5; 4.5.2 細則(1)", en="nothing closes"),
    Case("enc001-partition-only", "ENC001",
         lambda: swap_line(office(), SERVER_WEST_UPPER, segments("partition", [(16, 10), (16, 12)])),
         1, subjects=("Z3",), en="closed only by a low partition", extra={"kind": "partition-only"}),
    Case("enc001-near-miss-below-min-gap", "ENC001",
         lambda: swap_line(office(), SERVER_WEST_UPPER, segments("wall", [(16, 10.05), (16, 12)])), 0),
    Case("enc001-level1-closed-by-partition", "ENC001",
         lambda: swap_line(office(), OFFICE_WEST_UPPER, segments("partition", [(6, 5), (6, 12)])), 0),
    Case("enc001-min-gap-option", "ENC001", lambda: swap_line(office(), SERVER_WEST_UPPER), 0,
         options={"min_gap": 2.5}),
    # ENC002 application-area-enclosure
    Case("enc002-good", "ENC002", office, 0),
    Case("enc002-open", "ENC002", lambda: swap_line(office(), AA_WEST), 1, subjects=("AA",),
         en="12.00 m stretch with no wall, door or window", extra={"kind": "open", "length_m": 12.0}),
    # low partitions do not close the AA boundary: the builder reports the stretch as partition-only
    Case("enc002-partition-does-not-close", "ENC002",
         lambda: swap_line(office(), AA_WEST, segments("partition", [(0, 12), (0, 0)])), 1,
         subjects=("AA",), extra={"kind": "partition-only"}),
    # ACC001 level3-direct-access
    Case("acc001-good", "ACC001", office, 0),
    Case("acc001-outside", "ACC001",
         lambda: office(doors=office().doors + (door("D5", (20, 7), (20, 8)),)), 1,
         subjects=("Z3", "D5"), en="'サーバー室' opens directly to the outside through door D5",
         ja="扉 D5で外部"),
    # the advice leads to a level-2 anteroom entered from level 1, not into an ACC002 warning
    Case("acc001-advice-anteroom", "ACC001",
         lambda: office(doors=office().doors + (door("D5", (20, 7), (20, 8)),)), 1,
         en="Put a level-2 anteroom in front of the door, itself entered from a level-1 area",
         ja="扉の手前にレベル2の前室を設け、レベル1のエリアからその前室を経由して"),
    Case("acc001-open", "ACC001", lambda: with_levels(Z2=0), 1, subjects=("Z3", "D4"),
         en="onto the open area '役員室' through door D4"),
    Case("acc001-near-miss-level2-to-outside", "ACC001",
         lambda: replace(with_levels(Z3=2), doors=office().doors + (door("D5", (20, 7), (20, 8)),)), 0),
    # ACC002 nested-zoning
    Case("acc002-good", "ACC002", office, 0),
    Case("acc002-skip", "ACC002", lambda: with_levels(Z1=2, Z2=2), 1, subjects=("Z1", "D2"),
         en="route: outside → 受付 → 執務室",
         extra={"route": ["OUTSIDE", "受付", "執務室"], "levels": [0, 2]}),
    Case("acc002-not-again-after-acc001", "ACC002",
         lambda: office(doors=office().doors + (door("D5", (20, 7), (20, 8)),)), 0),
    # ACC003 high-level-near-entrance
    Case("acc003-good", "ACC003", office, 0),
    Case("acc003-near", "ACC003", lambda: with_levels(Z1=2), 1, subjects=("Z1", "D1"),
         en="3.0 m from the entrance door D1 (within 5.0 m)", ja="（5.0 m以内）",
         extra={"entrance": "D1", "distance_m": 3.0}),
    # the limit is inclusive in the rule and in the message
    Case("acc003-at-limit", "ACC003", lambda: with_levels(Z1=2), 1, en="3.0 m from the entrance door D1 (within 3.0 m)",
         ja="3.0 mの位置にあります（3.0 m以内）", options={"entrance_distance": 3.0}),
    Case("acc003-near-miss-option", "ACC003", lambda: with_levels(Z1=2), 0,
         options={"entrance_distance": 2.9}),
    Case("acc003-cabinet", "ACC003", lambda: with_cabinet(box(6.2, 0.2, 7, 0.6), 2), 1, subjects=("C9", "D1"),
         en="The level-2 cabinet '書庫9' is 3.2 m from the entrance door D1",
         ja="セキュリティレベル2の保管庫・キャビネット等「書庫9」", extra={"cabinet": "C9", "region": "Z1"}),
    Case("acc003-cabinet-level1", "ACC003", lambda: with_cabinet(box(6.2, 0.2, 7, 0.6), 1), 0),
    # a cabinet in a room already reported is not reported again
    Case("acc003-cabinet-in-reported-room", "ACC003",
         lambda: replace(with_levels(Z1=2), cabinets=with_cabinet(box(6.2, 0.2, 7, 0.6), 3).cabinets), 1,
         subjects=("Z1", "D1")),
    # EQP001 output-device-in-open-area
    Case("eqp001-good", "EQP001", office, 0),
    Case("eqp001-open", "EQP001", lambda: with_device(box(2, 8, 3, 9)), 1, subjects=("E9",),
         en="copier '複合機A' stands in the open area '受付' and is not enclosed: the walls and doors "
            "round it also hold the entrance D1", ja="コピー機「複合機A」",
         extra={"enclosure": {"reason": "entrance", "closed_by": ["wall", "door"], "doors": ["D1", "D2"],
                              "gaps_m": [], "entrances": ["D1"], "leaks_into": [], "area_m2": 72.0}}),
    Case("eqp001-outside", "EQP001", lambda: with_device(box(25, 5, 26, 6)), 1,
         en="stands outside the application area and is not enclosed: no walls, low partitions",
         ja="周囲を幅0.9 m以下の隙間だけを残して閉じる"),
    Case("eqp001-enclosed-by-panels", "EQP001",
         lambda: with_device(box(2, 8, 3, 9), panels_around(1.2, 7.2, 3.8, 9.8)), 0),
    # walls enclose too (RULES.md: "unless low partitions (or walls) enclose it")
    Case("eqp001-walled-square", "EQP001",
         lambda: with_device(box(2, 8, 3, 9), panels_around(1.2, 7.2, 3.8, 9.8, "wall")), 0),
    # the cases: a 5.4 m ring of partitions with a doorway encloses (the rays did not reach)
    Case("eqp001-partition-ring-5.4m", "EQP001", lambda: with_device(box(2.5, 6, 3.5, 7), panel_ring(0.9)), 0),
    Case("eqp001-corridor-beside-stub", "EQP001", corridor_with_stub, 1, subjects=("E9",),
         extra={"enclosure": {"reason": "entrance"}}),
    Case("eqp001-walled-copy-room", "EQP001", copy_room, 0),
    Case("eqp001-walled-copy-room-open-zone", "EQP001", lambda: copy_room(open_zone=True), 0),
    Case("eqp001-copy-room-two-doors", "EQP001", lambda: copy_room(doors=2), 1,
         en="leave 2 ways through (door D7, door D8)", ja="出入りできる箇所が2か所（扉 D7, 扉 D8）",
         extra={"enclosure": {"reason": "passage", "doors": ["D7", "D8"]}}),
    Case("eqp001-ring-gap-too-wide", "EQP001", lambda: with_device(box(2.5, 6, 3.5, 7), panel_ring(1.2)), 1),
    Case("eqp001-ring-gap-option", "EQP001", lambda: with_device(box(2.5, 6, 3.5, 7), panel_ring(1.2)), 0,
         options={"enclosure_gap": 1.3}),
    Case("eqp001-ring-two-gaps", "EQP001",
         lambda: with_device(box(2.5, 6, 3.5, 7), panel_ring(0.8, second_gap=True)), 1,
         en="the low partitions round it leave 2 ways through (a 0.8 m gap, a 0.8 m gap)",
         extra={"enclosure": {"reason": "passage", "gaps_m": [0.8, 0.8]}}),
    # EQP002 output-device-near-entrance
    Case("eqp002-good", "EQP002", office, 0),
    Case("eqp002-near", "EQP002", lambda: with_device(box(4, 0.5, 4.5, 1)), 1, subjects=("E9", "D1"),
         en="is a 1.1 m walk from the entrance door D1 (within 3.0 m) and is not enclosed",
         ja="出入口（扉 D1）から歩いて1.1 mの位置にあり（3.0 m以内）",
         extra={"entrance": "D1", "distance_m": 1.118, "straight_m": 1.118}),
    Case("eqp002-near-miss-far-enough", "EQP002", lambda: with_device(box(6.2, 0.3, 6.8, 0.9)), 0),
    Case("eqp002-enclosed", "EQP002",
         lambda: with_device(box(4, 1.5, 4.5, 2), panels_around(3.4, 0.9, 5.1, 2.6)), 0),
    Case("eqp002-at-limit-inclusive", "EQP002", lambda: with_device(box(2, 3.0, 3, 3.5)), 1,
         extra={"distance_m": 3.0}),
    Case("eqp002-at-limit-option", "EQP002", lambda: with_device(box(2, 3.0, 3, 3.5)), 0,
         options={"device_entrance_distance": 2.99}),
    # the case: 1.0 m from the entrance in a straight line, through the wall
    Case("eqp002-behind-wall", "EQP002", printer_behind_wall, 0),
    Case("eqp002-second-entrance-in-sight", "EQP002", lambda: second_entrance(device=box(5.3, 0.3, 5.8, 0.8)), 1,
         subjects=("E9", "D5"), en="printer 'プリンタP' is a 0.3 m walk from the entrance door D5"),
    # CAB001 cabinet-outside-security-area
    Case("cab001-good", "CAB001", office, 0),
    Case("cab001-open", "CAB001", lambda: with_cabinet(box(1, 9, 2, 9.6), 3), 1, subjects=("C9",),
         en="level-3 cabinet '書庫9' stands in the open area '受付'"),
    Case("cab001-outside", "CAB001", lambda: with_cabinet(box(22, 9, 23, 9.6), 2), 1,
         en="stands outside the application area"),
    Case("cab001-near-miss-level1", "CAB001", lambda: with_cabinet(box(1, 9, 2, 9.6), 1), 0),
    Case("cab001-no-level", "CAB001", lambda: with_cabinet(box(1, 9, 2, 9.6), None), 0),
    # ZON001 level3-present
    Case("zon001-good", "ZON001", office, 0),
    Case("zon001-none", "ZON001", lambda: with_levels(Z3=2), 1, subjects=("AA",),
         en="contains no security level-3 area"),
    Case("zon001-cabinet-counts", "ZON001",
         lambda: with_cabinets(("C1", box(12, 11, 13, 11.6), 3)), 0),
    # 4.5.4 保管庫(1): a level-3 cabinet in the open area or outside is not a level-3 area
    Case("zon001-cabinet-in-open-area", "ZON001", lambda: with_cabinets(("C1", box(1, 9, 2, 9.6), 3)), 1,
         en="no security level-3 area, neither a room nor a cabinet (not counted: the level-3 cabinet C1 "
            "outside a security area)",
         ja="（セキュリティエリアの外にあるレベル3の保管庫・キャビネット等「C1」は数えません）",
         extra={"uncounted_cabinets": ["C1"]}),
    Case("zon001-cabinet-outside-aa", "ZON001", lambda: with_cabinets(("C1", box(22, 9, 23, 9.6), 3)), 1),
    Case("zon001-zone-outside-aa", "ZON001", with_level3_outside, 1,
         en="the level-3 zone 書庫 outside the application area", extra={"uncounted_regions": ["書庫"]}),
    # ZON002 separate-level3-when-all-level3
    Case("zon002-not-all-level3", "ZON002", office, 0),
    Case("zon002-all-level3", "ZON002", all_level3, 1, subjects=("AA",), en="whole application area"),
    Case("zon002-separate-room", "ZON002", lambda: all_level3(nested_room=True), 0),
    Case("zon002-cabinet", "ZON002", lambda: all_level3(cabinet=True), 0),
    # a doorless level-3 closet is no separate room
    Case("zon002-doorless-closet", "ZON002", lambda: all_level3(closet=True), 1,
         en="('金庫室' cannot be reached through a door or opening, so it does not count)",
         ja="レベル3の「金庫室」には出入口からたどり着ける扉・開口部がないため数えません",
         extra={"unreachable": ["Z2"]}),
    # a zone drawn beyond the AA takes no part in "the whole AA is level 3"
    Case("zon002-level1-zone-outside-aa", "ZON002", lambda: all_level3(zone_outside=1), 1),
    Case("zon002-level3-zone-outside-aa-is-no-separate-room", "ZON002", lambda: all_level3(zone_outside=3), 1),
    # DWG001 zone-not-closed
    Case("dwg001-good", "DWG001", office, 0),
    Case("dwg001-open-polyline", "DWG001",
         lambda: office(rejected=(Rejected("zone-not-closed", "ZONE-L2", "1A", (5.0, 5.0)),)), 1,
         subjects=("1A",), en="layer ZONE-L2 (handle 1A) is not closed"),
    Case("dwg001-other-reason-ignored", "DWG001",
         lambda: office(rejected=(Rejected("door-unreadable", "DOOR", "2B"),)), 0),
    # DWG002 zone-without-level
    Case("dwg002-good", "DWG002", office, 0),
    Case("dwg002-no-level", "DWG002",
         lambda: office(zones=office().zones + (zone("Z4", box(1, 8, 4, 11), None, "倉庫"),)), 1,
         subjects=("Z4",), en="level of zone '倉庫'"),
    # DWG003 zones-overlap
    Case("dwg003-good-nested", "DWG003", office, 0),
    Case("dwg003-overlap", "DWG003",
         lambda: office(zones=office().zones + (zone("Z4", box(4, 8, 7, 11), 1, "倉庫"),)), 1,
         subjects=("Z1", "Z4"), en="overlap by 3.00 m²"),
    # DWG004 door-not-between-regions
    Case("dwg004-good", "DWG004", office, 0),
    Case("dwg004-same-region", "DWG004",
         lambda: office(doors=office().doors + (door("D9", (12, 3), (13, 3)),)), 1,
         subjects=("D9", "Z1"), en="Both sides of door D9 are the same area '執務室'"),
    # DWG005 units-uncertain
    Case("dwg005-good", "DWG005", office, 0),
    Case("dwg005-note", "DWG005",
         lambda: office(units="mm", units_source="doors", units_note="no $INSUNITS; door widths"), 1,
         en="The drawing's unit is uncertain: no $INSUNITS; door widths"),
    # DWG006 missing-elements
    Case("dwg006-good", "DWG006", office, 0),
    Case("dwg006-no-walls", "DWG006", lambda: office(lines=()), 1, en="No wall lines", severity="error"),
    # (rooms_built: the build found no rooms from the walls either)
    Case("dwg006-no-zones", "DWG006", lambda: office(zones=(), rooms_built=True), 1, en="No security zones",
         severity="error"),
    Case("dwg006-no-area", "DWG006", lambda: office(areas=()), 1, subjects=("AA",),
         en="No application area is drawn", severity="warning"),
    # DWG007 region-without-access
    Case("dwg007-good", "DWG007", office, 0),
    Case("dwg007-no-door", "DWG007", with_room_without_door, 1, subjects=("Z4",),
         en="No door or opening leads into '倉庫'"),
    # without the door between 受付 and 執務室, the rooms behind it have doors but no way in
    Case("dwg007-unreachable", "DWG007",
         lambda: office(doors=office().doors[:1] + office().doors[2:],
                        lines=office().lines + tuple(segments("wall", [(6, 4), (6, 5)]))), 3,
         subjects=("Z1",), en="has doors, but no route leads to it from an entrance"),
    Case("dwg007-no-entrance", "DWG007",
         lambda: office(doors=office().doors[1:], lines=office().lines + tuple(segments("wall", [(2, 0), (3, 0)]))),
         1,
         subjects=("AA",), en="No entrance (a door or opening to the outside) was found"),
    # DWG008 unreadable-entities
    Case("dwg008-good", "DWG008", office, 0),
    Case("dwg008-proxy", "DWG008", lambda: office(unreadable={"WALL": 3}), 1, subjects=("WALL",),
         en="Layer WALL has 3 entities", severity="info"),
    # DWG009 absurd-coordinates
    Case("dwg009-good", "DWG009", office, 0),
    Case("dwg009-entity-left-out", "DWG009",
         lambda: office(rejected=(Rejected("absurd-coordinates", "WALL", "2A"),)), 1, subjects=("WALL",),
         en="An entity on layer WALL (handle 2A) has coordinates that are not numbers",
         ja="レイヤ WALL の図形（ハンドル 2A）の座標が数値でないか", severity="error"),
    Case("dwg009-vertices-left-out", "DWG009",
         lambda: office(repairs=(Repair("dropped absurd vertices", "ZONE-L3", "3B"),)), 1,
         subjects=("ZONE-L3",), en="Some vertices of an entity on layer ZONE-L3 (handle 3B)",
         severity="error"),
    # DWG010 geometry-incomplete
    Case("dwg010-good", "DWG010", office, 0),
    Case("dwg010-step-failed", "DWG010",
         lambda: office(repairs=(failure("nesting", RuntimeError("GEOS says no")),)), 1,
         en="Part of the geometry could not be built: nesting the zones failed (RuntimeError: GEOS says no)",
         ja="ゾーンの入れ子の判定に失敗しました（RuntimeError: GEOS says no）", severity="warning"),
    # DWG011 conversion-incomplete
    Case("dwg011-good", "DWG011", office, 0),
    Case("dwg011-walls-and-names-lost", "DWG011",
         lambda: office(shortfall=Shortfall("ezdwg 0.17.0", "DWG R2018", 1614, 597,
                                            {("LINE", "WALL"): 488, ("MTEXT", "ROOM-NAME"): 34})), 1,
         subjects=("conversion",), severity="error",
         en="ezdwg 0.17.0 lost 522 of the 1,614 entities this DWG R2018 file holds (LINE 488, MTEXT 34)",
         ja="488 個、室名の可能性がある文字 34 個が含まれるため",
         extra={"lost": 522, "walls": 488, "labels": 34, "partial": True,
                "lost_by_kind": {"LINE": 488, "MTEXT": 34}}),
    Case("dwg011-only-points-lost", "DWG011",
         lambda: office(layers={"0": LayerInfo("0", "ignored"), "WALL": LayerInfo("WALL", "wall")},
                        shortfall=Shortfall("ezdwg 0.17.0", "DWG R2000", 40, 30,
                                            {("POINT", "0"): 8, ("LINE", "0"): 2})), 1,
         severity="warning", en="No walls or texts are among them",
         extra={"lost": 10, "walls": 0, "labels": 0, "partial": False}),
)
