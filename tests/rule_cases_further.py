"""Good, bad and near-miss cases of the further rules (DOR, WIN, EQP003, CAB002-005, AST001,
ZON003, ZON005), in the same table form as rule_cases.py and run by test_rules_table.py.

Every plan is the compliant ``office()`` of plans.py with the data the rule reads added:
lock states on doors, windows and cabinets, cabinet attributes, aisles, assets and room labels.
Office: 受付 (open, x 0..6) → D2 → 執務室 (L1) → D3 (x 10..11, y 6) → 役員室 (L2, x 8..16,
y 6..12) → D4 (x 16, y 9..10) → サーバー室 (L3, x 16..20, y 6..12); entrance D1 (x 2..3, y 0).
"""

from __future__ import annotations

from dataclasses import replace

from shapely.geometry import LineString, Point, box

from osmark_plan.model import Aisle, Asset, Cabinet, Label, Plan, Source, Window

from plans import office, segments
from rule_cases import Case, all_level3


def locks(**states) -> Plan:
    """office() with door lock states (and attributes): locks(D3="LOCKED", D4=("LOCKED", {...}))."""
    plan = office()
    doors = []
    for d in plan.doors:
        value = states.get(d.id)
        if value is None:
            doors.append(d)
            continue
        lock, attrs = value if isinstance(value, tuple) else (value, {})
        doors.append(replace(d, lock=lock, attrs=attrs))
    return replace(plan, doors=tuple(doors))


def without_entrance_door() -> Plan:
    """The entrance D1 left out: its 1 m gap in the outer wall is an opening."""
    return office(doors=office().doors[1:])


# windows: on the AA only (受付's west wall), on the L2 boundary only (役員室/執務室), on the
# L3 boundary and the AA (サーバー室's east wall), and inside 受付/執務室 (L1 boundary only)
WIN_AA = LineString([(0, 8), (0, 10)])
WIN_L2 = LineString([(12, 6), (13, 6)])
WIN_L3 = LineString([(20, 8), (20, 10)])
WIN_L1 = LineString([(6, 1), (6, 2)])


def window(geom: LineString, lock: str | None, **attrs) -> Plan:
    return office(windows=(Window("N1", geom, Source("WINDOW"), lock, "W-01", attrs),))


def with_aisle(*coords, partition=None) -> Plan:
    plan = office(aisles=(Aisle("W1", LineString(coords), Source("AISLE")),))
    if partition:
        plan = replace(plan, lines=plan.lines + tuple(segments("partition", partition)))
    return plan


def cabinets(*specs) -> Plan:
    """office() with these cabinets: (poly, level, attrs[, lock])."""
    out = []
    for k, spec in enumerate(specs):
        poly, level, attrs = spec[:3]
        lock = spec[3] if len(spec) > 3 else None
        out.append(Cabinet(f"C{k + 1}", poly, level, Source("CABINET"), f"書庫{k + 1}", attrs, lock))
    return office(cabinets=tuple(out))


ROW_A = box(12, 11, 13, 11.6)
ROW_B = box(13.02, 11, 14, 11.6)
ROW_C = box(14.02, 11, 15, 11.6)
FREE = box(11, 8, 12, 8.5)  # in 役員室, 2 m from every wall
AGAINST = box(12, 11.5, 13, 11.95)  # against the north wall


def asset(x: float, y: float, importance: int | None, plan: Plan | None = None, text: str = "顧客台帳") -> Plan:
    plan = plan or office()
    return replace(plan, assets=(Asset("S1", Point(x, y), importance, Source("ASSET"), text),))


def labelled(text: str, x: float, y: float, plan: Plan | None = None) -> Plan:
    plan = plan or office()
    return replace(plan, labels=plan.labels + (Label(text, Point(x, y), "label", Source("ROOM-NAME")),))


def renamed(zone_id: str, name: str) -> Plan:
    plan = office()
    return replace(plan, zones=tuple(replace(z, name=name) if z.id == zone_id else z for z in plan.zones))


def zone_outside() -> Plan:
    """A level-3 zone drawn on the common corridor, beyond the application area."""
    from plans import zone

    plan = office()
    return replace(plan, zones=plan.zones + (zone("Z9", box(12, -3, 16, -1), 3, "倉庫"),))


L3_CABINET_IN_OFFICE = (box(6.5, 10, 7.5, 10.6), 3, {})
L3_CABINET_IN_RECEPTION = (box(1, 10, 2, 10.6), 3, {})


CASES: tuple[Case, ...] = (
    # DOR001 level2-door-locked
    Case("dor001-locked", "DOR001", lambda: locks(D3="LOCKED"), 0),
    Case("dor001-logged", "DOR001", lambda: locks(D3="LOGGED"), 0),
    Case("dor001-no-lock-drawn", "DOR001", office, 0),
    Case("dor001-unlocked", "DOR001", lambda: locks(D3="UNLOCKED"), 1, subjects=("Z2", "D3"),
         en="level-2 area '役員室' is drawn as closed but unlocked (UNLOCKED)", ja="常時開錠"),
    Case("dor001-open", "DOR001", lambda: locks(D3="OPEN"), 1, en="always open (OPEN)",
         extra={"lock": "OPEN"}),
    Case("dor001-nolock", "DOR001", lambda: locks(D3="NOLOCK"), 1, ja="施錠不可"),
    Case("dor001-supervised", "DOR001", lambda: locks(D3=("UNLOCKED", {"SUPERVISED": "YES"})), 0),
    Case("dor001-l1-door-unlocked", "DOR001", lambda: locks(D2="UNLOCKED", D1="OPEN"), 0),
    Case("dor001-require-lock", "DOR001", office, 1, subjects=("Z2", "D3"), en="has no lock state drawn",
         options={"require_lock": True}),
    # DOR002 level3-door-logged
    Case("dor002-logged", "DOR002", lambda: locks(D4="LOGGED"), 0),
    Case("dor002-no-lock-drawn", "DOR002", office, 0),
    Case("dor002-locked", "DOR002", lambda: locks(D4="LOCKED"), 1, subjects=("Z3", "D4"),
         en="level-3 area 'サーバー室' is drawn as always locked (LOCKED)", ja="KEYHOLDER=SINGLE"),
    Case("dor002-single-keyholder", "DOR002", lambda: locks(D4=("LOCKED", {"KEYHOLDER": "SINGLE"})), 0),
    Case("dor002-keyholder-ja", "DOR002", lambda: locks(D4=("LOCKED", {"KEYHOLDER": "鍵管理者1名"})), 0),
    Case("dor002-keyholder-two", "DOR002", lambda: locks(D4=("LOCKED", {"KEYHOLDER": "2名"})), 1),
    Case("dor002-unlocked-keyholder", "DOR002", lambda: locks(D4=("UNLOCKED", {"KEYHOLDER": "SINGLE"})), 1),
    Case("dor002-l2-door-locked", "DOR002", lambda: locks(D3="LOCKED"), 0),
    Case("dor002-require-lock", "DOR002", office, 1, options={"require_lock": True}),
    # DOR003 entrance-lockable
    Case("dor003-door", "DOR003", office, 0),
    Case("dor003-open-by-day", "DOR003", lambda: locks(D1="OPEN"), 0),
    Case("dor003-nolock", "DOR003", lambda: locks(D1="NOLOCK"), 1, subjects=("D1", "O1"),
         en="is drawn as without a lock (NOLOCK)"),
    Case("dor003-opening", "DOR003", without_entrance_door, 1, en="a 1.00 m opening into",
         ja="扉がありません", extra={"kind": "opening"}),
    Case("dor003-inner-nolock", "DOR003", lambda: locks(D2="NOLOCK"), 0),
    # WIN001 window-lockable
    Case("win001-aa-nolock", "WIN001", lambda: window(WIN_AA, "NOLOCK"), 1, subjects=("N1",),
         en="Window W-01 on the application-area boundary is drawn as without a lock (NOLOCK)"),
    Case("win001-aa-open", "WIN001", lambda: window(WIN_AA, "OPEN"), 1),
    Case("win001-aa-unlocked", "WIN001", lambda: window(WIN_AA, "UNLOCKED"), 0),
    Case("win001-aa-fixed", "WIN001", lambda: window(WIN_AA, "FIXED"), 0),
    Case("win001-l2-nolock", "WIN001", lambda: window(WIN_L2, "NOLOCK"), 1,
         en="the boundary of the level-2 area '役員室'", extra={"aa": False, "levels": [2]}),
    Case("win001-l1-nolock", "WIN001", lambda: window(WIN_L1, "NOLOCK"), 0),
    Case("win001-undrawn", "WIN001", lambda: window(WIN_AA, None), 0),
    # WIN002 level3-window-locked
    Case("win002-unlocked", "WIN002", lambda: window(WIN_L3, "UNLOCKED"), 1, subjects=("N1",),
         en="level-3 area 'サーバー室' is drawn as closed but unlocked", ja="常時施錠"),
    Case("win002-locked", "WIN002", lambda: window(WIN_L3, "LOCKED"), 0),
    Case("win002-fixed", "WIN002", lambda: window(WIN_L3, "FIXED"), 0),
    Case("win002-supervised", "WIN002", lambda: window(WIN_L3, "UNLOCKED", SUPERVISED="YES"), 0),
    Case("win002-l2-unlocked", "WIN002", lambda: window(WIN_L2, "UNLOCKED"), 0),
    Case("win002-undrawn", "WIN002", lambda: window(WIN_L3, None), 0),
    # EQP003 output-device-along-aisle (device E1: x 12..13, y 1..2 in 執務室)
    Case("eqp003-along", "EQP003", lambda: with_aisle((6.5, 3), (19.5, 3)), 1, subjects=("E1", "W1"),
         en="stands 1.00 m from the main aisle W1 (within 1.5 m)", severity="error",
         extra={"distance_m": 1.0}),
    Case("eqp003-far", "EQP003", lambda: with_aisle((6.5, 4), (19.5, 4)), 0),
    Case("eqp003-wider-option", "EQP003", lambda: with_aisle((6.5, 4), (19.5, 4)), 1,
         options={"aisle_distance": 2.5}),
    Case("eqp003-screened", "EQP003",
         lambda: with_aisle((6.5, 3), (19.5, 3), partition=[(11, 2.5), (14, 2.5)]), 0),
    Case("eqp003-no-aisle", "EQP003", office, 0),
    # CAB002 cabinet-row-linked
    Case("cab002-no-data", "CAB002", lambda: cabinets((ROW_A, 2, {}), (ROW_B, 2, {})), 0),
    Case("cab002-assume-unlinked", "CAB002", lambda: cabinets((ROW_A, 2, {}), (ROW_B, 2, {})), 1,
         subjects=("C1", "C2"), options={"assume_unlinked": True}),
    Case("cab002-one-linked", "CAB002", lambda: cabinets((ROW_A, 2, {"LINKED": "YES"}), (ROW_B, 2, {})), 1,
         en="'書庫1', '書庫2' stand side by side", ja="連結"),
    Case("cab002-both-linked", "CAB002",
         lambda: cabinets((ROW_A, 2, {"LINKED": "YES"}), (ROW_B, 1, {"連結": "有"})), 0),
    Case("cab002-same-group", "CAB002", lambda: cabinets((ROW_A, 2, {"GROUP": "A"}), (ROW_B, 2, {"GROUP": "a"})), 0),
    Case("cab002-other-group", "CAB002", lambda: cabinets((ROW_A, 2, {"GROUP": "A"}), (ROW_B, 2, {"GROUP": "B"})), 1),
    Case("cab002-linked-no", "CAB002",
         lambda: cabinets((ROW_A, 2, {"LINKED": "NO"}), (ROW_B, 2, {"LINKED": "NO"})), 1),
    Case("cab002-apart", "CAB002",
         lambda: cabinets((ROW_A, 2, {"LINKED": "YES"}), (box(13.1, 11, 14, 11.6), 2, {})), 0),
    Case("cab002-apart-wider-option", "CAB002",
         lambda: cabinets((ROW_A, 2, {"LINKED": "YES"}), (box(13.1, 11, 14, 11.6), 2, {})), 1,
         options={"touch_distance": 0.2}),
    Case("cab002-row-of-three", "CAB002",
         lambda: cabinets((ROW_A, 2, {"LINKED": "YES"}), (ROW_B, 2, {}), (ROW_C, 2, {})), 1,
         subjects=("C1", "C2", "C3"), extra={"cabinets": ["C1", "C2", "C3"]}),
    # CAB003 freestanding-tall-cabinet
    Case("cab003-free-tall", "CAB003", lambda: cabinets((FREE, 1, {"HEIGHT": "1.8"})), 1, subjects=("C1",),
         en="stands alone away from the walls and is 1.80 m high", severity="warning",
         extra={"against_wall": False}),
    Case("cab003-free-low", "CAB003", lambda: cabinets((FREE, 1, {"HEIGHT": "1.1"})), 0),
    Case("cab003-free-at-limit", "CAB003", lambda: cabinets((FREE, 1, {"HEIGHT": "1200"})), 0),
    Case("cab003-free-mm", "CAB003", lambda: cabinets((FREE, 1, {"HEIGHT": "1800"})), 1,
         extra={"height_m": 1.8}),
    Case("cab003-free-linked", "CAB003", lambda: cabinets((FREE, 1, {"HEIGHT": "1.8", "LINKED": "YES"})), 0),
    Case("cab003-wall-fixed", "CAB003", lambda: cabinets((AGAINST, 2, {"HEIGHT": "2100mm", "FIXED": "YES"})), 0),
    Case("cab003-wall-unfixed", "CAB003", lambda: cabinets((AGAINST, 2, {"高さ": "210cm"})), 1,
         en="against a wall is not drawn as fixed", extra={"against_wall": True}),
    Case("cab003-max-option", "CAB003", lambda: cabinets((FREE, 1, {"HEIGHT": "1.8"})), 0,
         options={"max_height": 2.0}),
    Case("cab003-no-height", "CAB003", lambda: cabinets((FREE, 1, {})), 0),
    # CAB004 cabinet-fixed
    Case("cab004-none", "CAB004", lambda: cabinets((ROW_A, 2, {"FIXED": "NO", "LINKED": "NO"})), 1,
         subjects=("C1",), en="level-2 cabinet '書庫1' is drawn as neither fixed, linked nor heavy"),
    Case("cab004-l3-none", "CAB004", lambda: cabinets((ROW_A, 3, {"HEAVY": "無"})), 1, ja="固定・連結・重量"),
    Case("cab004-fixed", "CAB004", lambda: cabinets((ROW_A, 2, {"FIXED": "YES"})), 0),
    Case("cab004-heavy", "CAB004", lambda: cabinets((ROW_A, 2, {"FIXED": "NO", "HEAVY": "有"})), 0),
    Case("cab004-linked", "CAB004", lambda: cabinets((ROW_A, 3, {"LINKED": "TRUE"})), 0),
    Case("cab004-undrawn", "CAB004", lambda: cabinets((ROW_A, 2, {})), 0),
    Case("cab004-l1", "CAB004", lambda: cabinets((ROW_A, 1, {"FIXED": "NO"})), 0),
    # CAB005 cabinet-locked
    Case("cab005-l2-unlocked", "CAB005", lambda: cabinets((ROW_A, 2, {}, "UNLOCKED")), 1, subjects=("C1",),
         en="level-2 cabinet '書庫1' is drawn as closed but unlocked"),
    Case("cab005-l2-locked", "CAB005", lambda: cabinets((ROW_A, 2, {}, "LOCKED")), 0),
    Case("cab005-l2-supervised", "CAB005", lambda: cabinets((ROW_A, 2, {"SUPERVISED": "YES"}, "UNLOCKED")), 0),
    Case("cab005-l3-locked", "CAB005", lambda: cabinets((ROW_A, 3, {}, "LOCKED")), 1,
         en="level-3 cabinet '書庫1' is drawn as always locked (LOCKED)", ja="LOGGED"),
    Case("cab005-l3-logged", "CAB005", lambda: cabinets((ROW_A, 3, {}, "LOGGED")), 0),
    Case("cab005-l3-keyholder", "CAB005", lambda: cabinets((ROW_A, 3, {"KEYHOLDER": "1名"}, "LOCKED")), 0),
    Case("cab005-undrawn", "CAB005", lambda: cabinets((ROW_A, 3, {})), 0),
    Case("cab005-l1-open", "CAB005", lambda: cabinets((ROW_A, 1, {}, "OPEN")), 0),
    # AST001 asset-in-right-area
    Case("ast001-3-in-l3", "AST001", lambda: asset(18, 9, 3), 0),
    Case("ast001-3-in-l2", "AST001", lambda: asset(10, 9, 3), 1, subjects=("S1", "Z2"),
         en="importance-3 protected asset '顧客台帳' is kept in the level-2 area '役員室'. Move it into "
            "an area of security level 3", extra={"importance": 3, "level": 2}),
    Case("ast001-2-in-l2", "AST001", lambda: asset(10, 9, 2), 0),
    Case("ast001-2-in-l1", "AST001", lambda: asset(12, 3, 2), 1, en="security level 2 or higher"),
    Case("ast001-1-in-open", "AST001", lambda: asset(3, 6, 1), 1, ja="オープンエリア「受付」"),
    Case("ast001-1-in-l1", "AST001", lambda: asset(12, 3, 1), 0),
    Case("ast001-1-outside", "AST001", lambda: asset(10, -1, 1), 1, en="outside the application area"),
    Case("ast001-3-in-l3-cabinet", "AST001",
         lambda: asset(7, 10.3, 3, cabinets(L3_CABINET_IN_OFFICE)), 0),
    Case("ast001-3-in-l3-cabinet-in-open", "AST001",
         lambda: asset(1.5, 10.3, 3, cabinets(L3_CABINET_IN_RECEPTION)), 1),
    Case("ast001-3-in-l2-cabinet", "AST001", lambda: asset(12.5, 11.3, 3), 1,
         en="(in the level-2 cabinet 'C1')"),
    Case("ast001-2-in-l2-cabinet-in-l1", "AST001",
         lambda: asset(7, 10.3, 2, cabinets((box(6.5, 10, 7.5, 10.6), 2, {}))), 0),
    Case("ast001-no-importance", "AST001", lambda: asset(3, 6, None), 0),
    Case("ast001-all-l3-main-room", "AST001", lambda: asset(2, 2, 3, all_level3()), 1,
         en="whole application area is level 3", extra={"importance": 3}),
    Case("ast001-all-l3-separate-room", "AST001", lambda: asset(8, 8, 3, all_level3(nested_room=True)), 0),
    Case("ast001-all-l3-cabinet", "AST001", lambda: asset(1.5, 8.3, 3, all_level3(cabinet=True)), 0),
    Case("ast001-all-l3-importance-2", "AST001", lambda: asset(2, 2, 2, all_level3()), 0),
    # ZON003 common-space-in-application-area
    Case("zon003-good", "ZON003", office, 0),
    Case("zon003-ev-label", "ZON003", lambda: labelled("EVホール", 3, 8), 1, subjects=("O1", None),
         en="common space 'EVホール' lies inside the application area"),
    Case("zon003-elevator-hall", "ZON003", lambda: labelled("エレベーターホール前", 3, 8), 1),
    Case("zon003-label-outside", "ZON003", lambda: labelled("EVホール", 10, -1), 0),
    Case("zon003-zone-named", "ZON003", lambda: renamed("Z1", "共用廊下"), 1, subjects=("Z1",),
         ja="建物の共用部「共用廊下」"),
    Case("zon003-machine-room", "ZON003", lambda: renamed("Z3", "機械室"), 1),
    Case("zon003-own-names", "ZON003", lambda: labelled("共用ラウンジ", 3, 8), 1,
         options={"names": ["*ラウンジ*"]}),
    Case("zon003-own-names-replace", "ZON003", lambda: labelled("EVホール", 3, 8), 0,
         options={"names": ["*ラウンジ*"]}),
    Case("zon003-zone-outside", "ZON003", zone_outside, 1, subjects=("Z9",),
         en="The security level 3 zone '倉庫' is drawn outside the application area"),
    # ZON005 near-fire-or-water (cabinet C1: L2, x 12..13, y 11..11.6 in 役員室)
    Case("zon005-pantry-label", "ZON005", lambda: labelled("給湯室", 12.5, 9), 1,
         subjects=("C1", None), en="'給湯室', a place with fire or water", severity="warning"),
    Case("zon005-far", "ZON005", lambda: labelled("給湯室", 3, 3), 0),
    Case("zon005-toilet-zone", "ZON005", lambda: renamed("Z3", "WC"), 0),
    Case("zon005-toilet-zone-near-option", "ZON005", lambda: renamed("Z3", "WC"), 1,
         options={"near_distance": 3.5}, extra={"distance_m": 3.0}),
    Case("zon005-l1-cabinet", "ZON005",
         lambda: labelled("給湯室", 12.5, 9, cabinets((ROW_A, 1, {}))), 0),
    Case("zon005-own-names", "ZON005", lambda: labelled("サーバーラック", 12.5, 9), 1,
         options={"names": ["*ラック*"]}),
)
