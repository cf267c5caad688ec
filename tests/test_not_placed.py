"""Nothing disappears without a line in the report: every room name, [zones] name, zone polygon,
door, device, cabinet and asset the reader saw is in a room or listed as not placed, with the
reason (osmark_plan/geometry/placement.py), in the JSON, text and HTML reports."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import ezdxf
import jsonschema
import pytest
from plans import Cabinet, Label, Point, Source, box, office, zone

from osmark_plan.api import check, check_plan
from osmark_plan.config import from_mapping
from osmark_plan.geometry import placement
from osmark_plan.geometry.placement import REASONS, not_placed
from osmark_plan.model import Rejected
from osmark_plan.report import report_document
from osmark_plan.report.html import report_html
from osmark_plan.report.json_report import load_schema
from osmark_plan.report.text import NOT_PLACED_SHOWN, render

TABLE = {"サーバー室": 3, "執務室": 1}


def _text(msp, text: str, x: float, y: float, layer: str = "ROOM-NAME") -> None:
    msp.add_text(text, dxfattribs={"layer": layer, "height": 300, "insert": (x, y)})


def floor(path: Path, extra=None) -> Path:
    """12 m x 8 m in mm, no zones: 執務室 (x < 6 m) and サーバー室 joined by a door at x = 6 m,
    an entrance on the south side."""
    doc = ezdxf.new("R2010")
    doc.header["$INSUNITS"] = 4
    msp = doc.modelspace()
    for a, b in [((0, 0), (2000, 0)), ((3000, 0), (12000, 0)), ((12000, 0), (12000, 8000)),
                 ((12000, 8000), (0, 8000)), ((0, 8000), (0, 0)),
                 ((6000, 0), (6000, 3000)), ((6000, 3900), (6000, 8000))]:
        msp.add_line(a, b, dxfattribs={"layer": "WALL"})
    msp.add_arc((6000, 3000), 900, 0, 90, dxfattribs={"layer": "DOOR"})
    msp.add_line((6000, 3000), (6900, 3000), dxfattribs={"layer": "DOOR"})
    msp.add_arc((2000, 0), 1000, 0, 90, dxfattribs={"layer": "DOOR"})
    msp.add_line((2000, 0), (2000, 1000), dxfattribs={"layer": "DOOR"})
    _text(msp, "執務室", 2000, 5000)
    _text(msp, "サーバー室", 8000, 5000)
    if extra is not None:
        extra(msp)
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.saveas(path)
    return path


def checked(tmp_path: Path, extra=None, table=TABLE):
    return check(floor(tmp_path / "f.dxf", extra), from_mapping({"zones": table}))


def reasons(report) -> list[str]:
    return [n.reason for n in report.not_placed]


def test_a_clean_floor_lists_nothing(tmp_path):
    report = checked(tmp_path)
    assert {r.name for r in report.site.regions} == {"執務室", "サーバー室"}
    assert report.not_placed == ()
    doc = report_document(report, "en")
    assert doc["not_placed"] == [] and doc["summary"]["not_placed"] == 0
    text = render(report, "en")
    assert "Not placed" not in text and "not placed" not in text.splitlines()[-1]


def test_a_label_outside_every_room(tmp_path):
    report = checked(tmp_path, lambda msp: _text(msp, "倉庫", 20000, 5000))
    [item] = report.not_placed
    assert (item.kind, item.reason, item.name, item.region) == ("label", "label-outside-rooms", "倉庫", None)
    assert item.layer == "ROOM-NAME" and item.handle
    doc = report_document(report, "ja")
    assert doc["not_placed"][0]["at"] == [20000.0, 5000.0]  # drawing units
    assert "倉庫" in doc["not_placed"][0]["message"] and "どの部屋" in doc["not_placed"][0]["message"]


def test_two_labels_in_one_room_say_which_name_won(tmp_path):
    table = {**TABLE, "会議室": 2}
    report = checked(tmp_path, lambda msp: _text(msp, "会議室", 3000, 2000), table)
    [item] = report.not_placed  # the [zones] name of the lost label is this label: one line, not two
    winner = report.site.region(item.region)
    assert item.reason == "label-shares-room"
    assert {item.name, winner.name} == {"会議室", "執務室"}
    en = report_document(report, "en")["not_placed"][0]["message"]
    assert f"'{winner.name}'" in en and "one space" in en and "draw the wall or door" in en
    assert "level 2" in en and "level 1" in en  # the table's level the name lost


def test_zone_table_names_that_match_no_room(tmp_path):
    table = {**TABLE, "サーバ室": 3, "倉*": 2, "サーバ*": 3, "*": 1}
    report = checked(tmp_path, lambda msp: _text(msp, "書庫", 3000, 7000, layer="NOTE"), {**table, "書庫": 2})
    listed = {(n.reason, n.name) for n in report.not_placed}
    # a typo and a glob that matches nothing; a glob that matched and the catch-all are fine
    assert ("zone-name-unmatched", "サーバ室") in listed and ("zone-name-unmatched", "倉*") in listed
    assert not {name for _r, name in listed} & {"サーバ*", "*", "執務室", "サーバー室"}
    # written in the drawing (on a layer that names no room) but no room took it
    no_room = next(n for n in report.not_placed if n.name == "書庫")
    assert no_room.reason == "zone-name-no-room" and no_room.layer == "NOTE"


def _free_door(msp) -> None:
    msp.add_arc((8000, 6000), 900, 0, 90, dxfattribs={"layer": "DOOR"})
    msp.add_line((8000, 6000), (8000, 6900), dxfattribs={"layer": "DOOR"})


def test_a_door_away_from_walls(tmp_path):
    report = checked(tmp_path, _free_door)
    [item] = report.not_placed
    assert (item.kind, item.reason) == ("door", "door-off-walls")
    assert report.site.region(item.region).name == "サーバー室"
    assert item.layer == "DOOR" and item.name in {d.id for d in report.plan.doors}


def _copier(msp) -> None:
    msp.add_lwpolyline([(20000, 1000), (21000, 1000), (21000, 1800), (20000, 1800)], close=True,
                       dxfattribs={"layer": "DEVICE-COPIER"})


def test_a_copier_outside_the_floor(tmp_path):
    report = checked(tmp_path, _copier)
    [item] = report.not_placed
    assert (item.kind, item.reason) == ("device", "device-outside")
    assert report_document(report, "ja")["not_placed"][0]["at"] == [20500.0, 1400.0]
    assert "コピー機" in item.message.ja and "copier" in str(item.message)


# --- drawn zones ------------------------------------------------------------------------------

def test_the_compliant_office_with_drawn_zones_lists_nothing():
    assert check_plan(office()).not_placed == ()


def test_drawn_zones_labels_in_a_zone_the_open_area_and_beyond_the_application_area():
    labels = office().labels + (
        Label("給湯室", Point(12, 3), "label", Source("ROOM-NAME")),  # in 執務室 (Z1)
        Label("会議室", Point(3, 9), "label", Source("ROOM-NAME")),  # in the open area with 受付
        Label("共用廊下", Point(10, -2), "label", Source("ROOM-NAME")),  # beyond the drawn AA
    )
    report = check_plan(office(labels=labels))
    got = {n.name: (n.reason, n.region) for n in report.not_placed}
    assert got == {"給湯室": ("label-shares-room", "Z1"), "会議室": ("label-in-open-area", "O1")}
    shares = next(n for n in report.not_placed if n.name == "給湯室")
    assert "no zone of its own" in str(shares.message)


def test_zones_the_reader_rejected_or_left_without_a_level_and_a_cabinet_outside():
    plan = office()
    plan = replace(plan, zones=plan.zones + (zone("Z9", box(1, 8, 3, 11), None, "倉庫"),),
                   rejected=(Rejected("zone-not-closed", "ZONE-L2", "2F", (4.0, 4.0), "the ends are 0.500 m apart"),),
                   cabinets=plan.cabinets + (Cabinet("C9", box(30, 1, 31, 2), 2, Source("CABINET")),))
    report = check_plan(plan)
    got = {(n.kind, n.reason, n.name) for n in report.not_placed}
    assert got == {("zone", "zone-polygon-rejected", "2F"), ("zone", "zone-without-level", "倉庫"),
                   ("cabinet", "cabinet-outside", "C9")}


def test_a_failing_step_gives_one_line_and_the_others_still_list(monkeypatch):
    def broken(site, config):
        raise ValueError("boom")

    monkeypatch.setattr(placement, "_doors", broken)
    plan = office(labels=office().labels + (Label("給湯室", Point(12, 3), "label", Source("ROOM-NAME")),))
    from osmark_plan.api import build

    listed = not_placed(build(plan))
    assert [n.reason for n in listed] == ["label-shares-room", "inventory-failed"]
    assert "boom" in str(listed[1].message) and "boom" in listed[1].message.ja


# --- the reports ------------------------------------------------------------------------------

def test_the_schema_lists_every_reason():
    schema = load_schema()
    item = schema["properties"]["not_placed"]["items"]["properties"]
    assert item["reason"]["enum"] == [r.code for r in REASONS]
    assert len({r.code for r in REASONS}) == len(REASONS)


def _many_labels(msp) -> None:
    for k in range(NOT_PLACED_SHOWN + 3):
        _text(msp, f"倉庫{k + 1}", 20000 + 2000 * k, 5000)
    _copier(msp)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_reports_group_and_count_by_reason(tmp_path, lang):
    report = checked(tmp_path, _many_labels)
    assert reasons(report).count("label-outside-rooms") == NOT_PLACED_SHOWN + 3
    doc = report_document(report, lang)
    jsonschema.Draft202012Validator(load_schema()).validate(doc)
    assert doc["summary"]["not_placed"] == NOT_PLACED_SHOWN + 4
    lines = render(report, lang).splitlines()
    heading = next(i for i, line in enumerate(lines) if "(label-outside-rooms): " in line)
    assert lines[heading].endswith(f": {NOT_PLACED_SHOWN + 3}")
    shown = lines[heading + 1: heading + 1 + NOT_PLACED_SHOWN]
    assert all("倉庫" in line for line in shown)
    assert lines[heading + 1 + NOT_PLACED_SHOWN].strip() == ("… ほか 3件" if lang == "ja" else "… and 3 more")
    assert any("(device-outside): 1" in line for line in lines)
    assert lines[-1].endswith("未配置 14件" if lang == "ja" else "14 not placed")


def test_html_lists_them_in_collapsible_groups(tmp_path):
    page = report_html(checked(tmp_path, _many_labels), "ja")
    assert page.count('<details class="not-placed">') == 2
    assert "<code>label-outside-rooms</code>: 13" in page and "倉庫13" in page
    assert "どの部屋にもない出力機器" in page and "output devices outside every room" in page


# --- real drawings: everything is accounted for ----------------------------------------------

REAL = Path(__file__).resolve().parents[2] / "shared" / "corpus-real"
REAL_DRAWINGS = ["CS_Proxymix/ESCALDES_ALLFL", "Plans/plan", "Wifi_Planner/floorplan_1",
                 "daoshi/floor1", "roomsize/two-rooms", "hal9kspace/floorplan"]


def unaccounted(report, config) -> list[str]:
    """The doors, devices, cabinets, assets and room names that are neither in a region (a door:
    joining two) nor in the not-placed list."""
    from osmark_plan.config import OUTSIDE_LEVEL
    from osmark_plan.geometry.placement import _same
    from osmark_plan.geometry.placement import _named_beside
    from osmark_plan.geometry.room_names import candidates, usable_labels
    from osmark_plan.model import OUTSIDE
    from osmark_plan.naming import table_level

    site, plan = report.site, report.plan
    listed = {(n.handle, n.at) for n in report.not_placed}
    missing = []
    linked = {id(link.door) for link in site.links if link.door is not None}
    for door in plan.doors:
        mid = door.chord.interpolate(0.5, normalized=True)
        if id(door) not in linked and (door.source.handle, (mid.x, mid.y)) not in listed:
            missing.append(f"door {door.id}")
    things = [(d.id, d.source, d.polygon.centroid) for d in plan.devices + plan.cabinets]
    things += [(a.id, a.source, a.point) for a in plan.assets]
    for (name, source, p), node in zip(things, site.regions_at([(p.x, p.y) for *_r, p in things])):
        if node == OUTSIDE and (source.handle, (p.x, p.y)) not in listed:
            missing.append(f"thing {name}")
    in_aa = site.aa if site.aa_drawn else None
    cands = candidates(usable_labels(plan.labels, plan.layers), config.lock_regex())
    for c, node in zip(cands, site.regions_at([(c.label.point.x, c.label.point.y) for c in cands])):
        region = site.region(node)
        text = c.reading.name or c.reading.number or ""
        placed = (region is not None and (not c.reading.name or (region.name and _same(region.name, c)))
                  or (region is None and in_aa is not None and not in_aa.contains(c.label.point))
                  or (region is None and table_level(config.zones, [text]) == OUTSIDE_LEVEL)
                  or (region is None and _named_beside(site, c)))  # names the room just beside it
        if not placed and (c.label.source.handle, (c.label.point.x, c.label.point.y)) not in listed:
            missing.append(f"label {c.label.text!r}")
    return missing


@pytest.mark.skipif(not REAL.is_dir(), reason="../shared/corpus-real is absent")
@pytest.mark.parametrize("name", REAL_DRAWINGS)
def test_real_drawings_lose_nothing_in_silence(name):
    from osmark_plan.config import load_for

    folder = REAL / name
    path = next(p for p in sorted(folder.iterdir()) if p.suffix.lower() in (".dxf", ".dwg", ".jww"))
    config = load_for(path)
    report = check(path, config)
    assert report.site is not None
    assert unaccounted(report, config) == []
    # the text report stays readable: at most NOT_PLACED_SHOWN lines of each reason
    lines = render(report, "en").splitlines()
    for reason in {n.reason for n in report.not_placed}:
        heading = next(i for i, line in enumerate(lines) if f"({reason}): " in line)
        body = 0
        for line in lines[heading + 1:]:
            if not line.startswith("    "):
                break
            body += 1
        assert body <= NOT_PLACED_SHOWN + 1
