"""scripts/real_drawings.py: how it counts rooms a person sees, names right, doors joining two
rooms, and how it writes its table into the docs (pure functions; no drawing is checked)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("real_drawings", ROOT / "scripts" / "real_drawings.py")
rd = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(rd)


@pytest.mark.parametrize(("cell", "count"), [("12–13", (12, 13)), ("~43", (43, 43)), ("0", (0, 0)),
                                              ("2-3", (2, 3)), ("–", None), ("some", None)])
def test_counts_read_as_a_person_wrote_them(cell, count):
    assert rd.parse_count(cell) == count


def test_seen_counts_come_from_the_person_sees_table(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text("## Sources\n\n| folder | repo |\n|---|---|\n| a/b | x @1 |\n\n"
                      "## What a person sees\n\n| drawing | rooms a person sees | labelled |\n|---|---|---|\n"
                      "| a/b | 12–13 | 12 |\n| c/d | ~43 | 39 |\n| e/f | 0 | – |\n", encoding="utf-8")
    assert rd.seen_in_readme(readme) == {"a/b": (12, 13), "c/d": (43, 43), "e/f": (0, 0)}


def test_within_fifteen_percent_of_the_range_seen():
    assert rd.within(11, (12, 13)) and rd.within(14, (12, 13))
    assert not rd.within(10, (12, 13)) and not rd.within(15, (12, 13))
    assert rd.within(0, (0, 0)) and not rd.within(1, (0, 0))


def _region(name, area, level=1):
    return {"id": name or "R", "name": name, "level": level, "area_m2": area}


def test_names_right_are_counted_no_more_often_than_the_drawing_has_them():
    report = {"regions": [_region("W.C", 3.0), _region("w.c", 3.0), _region("W.C", 3.0),
                          _region("ＡＵＬＡ", 60.0), _region("房间名称：服务器室", 30.0),
                          _region(None, 12.0), _region("Gang", 3.9, level=0)]}
    f = rd.figures(report, {"W.C": 2, "AULA": 1, "服务器室": 1})
    # two of three W.C (the drawing has two), AULA in full width; a name keeping its key is wrong
    assert (f["named_right"], f["labelled"], f["named"]) == (3, 4, 6)
    assert f["found"] == 3  # rooms of 4 m² or more: AULA, 服务器室 and the unnamed 12 m²


def test_doors_joining_two_rooms_and_entrances():
    report = {"regions": [], "stray_doors": [{"id": "D9"}], "doors": [
        {"id": "D1", "kind": "door", "between": ["R1", "R2"], "entrance": False},
        {"id": "D2", "kind": "door", "between": ["R1", "OUTSIDE"], "entrance": True},
        {"id": "D3", "kind": "door", "between": ["R2", "R2"], "entrance": False},
        {"id": "P1", "kind": "opening", "between": ["R2", "R3"], "entrance": False}]}
    f = rd.figures(report, {})
    assert (f["doors"], f["joining"], f["entrances"], f["openings"]) == (4, 1, 1, 1)


def _row(drawing, found, seen, named_right=0, labelled=0):
    return {"drawing": drawing, "seen": list(seen), "found": found, "ratio": found / sum(seen) * 2,
            "within": rd.within(found, seen), "named_right": named_right, "labelled": labelled,
            "named": named_right, "doors": 0, "joining": 0, "entrances": 0, "exit": 1, "traceback": None,
            "cpu_s": 1.0, "seconds": 2.0, "rss_mb": 90}


def test_table_shows_before_in_brackets_and_totals(tmp_path):
    now = {"source": "after", "drawings": [_row("a/b", 12, (12, 13), 10, 12), _row("c/d", 20, (43, 43))]}
    was = {"source": "before", "drawings": [_row("a/b", 11, (12, 13), 4, 12), _row("c/d", 71, (43, 43))]}
    text = rd.table(now, was)
    assert "| a/b | 12–13 | 12 (11) |" in text
    assert "| **all 2** | 55–56 | 32 (82) |" in text
    assert "| 1 of 2 (1 of 2) | 10 / 12 (4 / 12) |" in text
    assert "in brackets: `before`" in text


def test_write_docs_replaces_only_between_the_markers(tmp_path):
    docs = tmp_path / "real-drawings.md"
    docs.write_text("# Checking\n\ntext before\n", encoding="utf-8")
    rd.write_docs("| first |\n", docs)
    rd.write_docs("| second |\n", docs)
    text = docs.read_text(encoding="utf-8")
    assert text.startswith("# Checking\n\ntext before\n")
    assert text.count(rd.BEGIN) == 1 and "| second |" in text and "| first |" not in text
    assert text.index(rd.SECTION) < text.index(rd.BEGIN) < text.index("| second |") < text.index(rd.END)


def test_before_file_in_the_repository_is_a_run_of_all_22():
    doc = json.loads((ROOT / "docs" / "real-drawings-before.json").read_text(encoding="utf-8"))
    assert len(doc["drawings"]) == 22 and doc["source"].startswith("commit ")
    assert rd.table(doc).count("\n| ") == 23  # a row per drawing and the totals
