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

from osmark_plan.model import Area, Cabinet, Device, Plan, Rejected, Repair, Source

from plans import door, office, segments, zone


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


def with_cabinet(poly, level) -> Plan:
    return office(cabinets=(Cabinet("C9", poly, level, Source("CABINET"), name="書庫9"),))


def all_level3(nested_room: bool = False, cabinet: bool = False) -> Plan:
    """A 10 m x 10 m application area that is one level-3 zone, with one entrance."""
    walls = segments("wall", [(5, 0), (10, 0), (10, 10), (0, 10), (0, 0), (4, 0)])
    zones = [zone("Z1", box(0, 0, 10, 10), 3, "本社")]
    doors = [door("D1", (4, 0), (5, 0))]
    if nested_room:
        walls += segments("wall", [(6, 10), (6, 8)]) + segments("wall", [(6, 7), (6, 6), (10, 6)])
        zones.append(zone("Z2", box(6, 6, 10, 10), 3, "金庫室"))
        doors.append(door("D2", (6, 7), (6, 8)))
    cabinets = (Cabinet("C1", box(1, 8, 2, 8.6), 3, Source("CABINET")),) if cabinet else ()
    return Plan(path="all3.dxf", lines=tuple(walls), zones=tuple(zones), doors=tuple(doors),
                areas=(Area("A1", box(0, 0, 10, 10), Source("APPLICATION-AREA")),), cabinets=cabinets)


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
         ja="「サーバー室」の境界", extra={"kind": "open", "length_m": 2.0}),
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
         en="3.0 m from the entrance door D1", extra={"entrance": "D1", "distance_m": 3.0}),
    Case("acc003-near-miss-option", "ACC003", lambda: with_levels(Z1=2), 0,
         options={"entrance_distance": 2.9}),
    # EQP001 output-device-in-open-area
    Case("eqp001-good", "EQP001", office, 0),
    Case("eqp001-open", "EQP001", lambda: with_device(box(2, 8, 3, 9)), 1, subjects=("E9",),
         en="copier '複合機A' stands in the open area '受付'", ja="コピー機「複合機A」"),
    Case("eqp001-outside", "EQP001", lambda: with_device(box(25, 5, 26, 6)), 1,
         en="stands outside the application area"),
    Case("eqp001-enclosed-by-panels", "EQP001",
         lambda: with_device(box(2, 8, 3, 9), panels_around(1.2, 7.2, 3.8, 9.8)), 0),
    Case("eqp001-near-miss-walls-only", "EQP001",
         lambda: with_device(box(2, 8, 3, 9), panels_around(1.2, 7.2, 3.8, 9.8, "wall")), 1),
    # EQP002 output-device-near-entrance
    Case("eqp002-good", "EQP002", office, 0),
    Case("eqp002-near", "EQP002", lambda: with_device(box(4, 0.5, 4.5, 1)), 1, subjects=("E9", "D1"),
         en="from the entrance door D1", extra={"entrance": "D1"}),
    Case("eqp002-near-miss-far-enough", "EQP002", lambda: with_device(box(6.2, 0.3, 6.8, 0.9)), 0),
    Case("eqp002-enclosed", "EQP002",
         lambda: with_device(box(4, 1.5, 4.5, 2), panels_around(3.4, 0.9, 5.1, 2.6)), 0),
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
         lambda: replace(with_levels(Z3=2), cabinets=(Cabinet("C1", box(12, 11, 13, 11.6), 3,
                                                              Source("CABINET")),)), 0),
    # ZON002 separate-level3-when-all-level3
    Case("zon002-not-all-level3", "ZON002", office, 0),
    Case("zon002-all-level3", "ZON002", all_level3, 1, subjects=("AA",), en="whole application area"),
    Case("zon002-separate-room", "ZON002", lambda: all_level3(nested_room=True), 0),
    Case("zon002-cabinet", "ZON002", lambda: all_level3(cabinet=True), 0),
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
    Case("dwg006-no-zones", "DWG006", lambda: office(zones=()), 1, en="No security zones",
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
)
