"""Words in drawings: layer names, levels, device kinds, locks."""

import pytest

from osmark_plan import naming


@pytest.mark.parametrize("raw, expected", [
    ("\\U+58C1", "壁"),
    ("\\U+5EFA\\U+5177", "建具"),
    ("_0-3_壁", "壁"),
    ("0-3 ＷＡＬＬ", "WALL"),
    ("floor2$0$ZONE-L1", "ZONE-L1"),
    ("ｾｷｭﾘﾃｨ", "セキュリティ"),
    ("  DOOR  ", "DOOR"),
])
def test_normalise_layer(raw, expected):
    assert naming.normalise_layer(raw) == expected


@pytest.mark.parametrize("text, level", [
    ("L3", 3), ("Lv.3", 3), ("LV2", 2), ("SL1", 1), ("レベル3", 3), ("セキュリティレベル３", 3),
    ("ＳＬ２", 2), ("ZONE-L2", 2), ("ZONE_L1", 1), ("Level 2", 2), ("オープン", 0), ("OPEN", 0),
    ("オープンエリア", 0), ("open area", 0), ("サーバー室 L3", 3),
    ("サーバー室", None), ("OPENING", None), ("WALL3", None), ("D12", None), ("", None), (None, None),
])
def test_parse_level(text, level):
    assert naming.parse_level(text) == level


def test_parse_level_value():
    assert naming.parse_level_value("2") == 2
    assert naming.parse_level_value("０") == 0
    assert naming.parse_level_value("OPEN") == 0
    assert naming.parse_level_value("x") is None
    assert naming.parse_level_value(None) is None


def test_level_only_and_strip():
    assert naming.is_level_only("セキュリティレベル３")
    assert naming.is_level_only("L2")
    assert naming.is_level_only("オープンエリア")
    assert not naming.is_level_only("サーバー室")
    assert not naming.is_level_only("サーバー室 L3")
    assert naming.strip_level_words("サーバー室 (L3)") == "サーバー室"


@pytest.mark.parametrize("texts, kind", [
    (("MFP_A3",), "MFP"), (("複合機",), "MFP"), (("COPIER-1",), "COPIER"), (("コピー機",), "COPIER"),
    (("LaserPrinter",), "PRINTER"), (("プリンタ",), "PRINTER"), (("FAX",), "FAX"), (("ファクス",), "FAX"),
    ((None, "chair", "DEVICE-PRN"), None), ((None, "BLK", "複合機"), "MFP"),
])
def test_device_kind(texts, kind):
    assert naming.parse_device_kind(*texts) == kind


@pytest.mark.parametrize("text, lock", [
    ("OPEN", "OPEN"), ("UNLOCKED", "UNLOCKED"), ("LOCKED", "LOCKED"), ("LOGGED", "LOGGED"),
    ("常時開放", "OPEN"), ("常時開錠", "UNLOCKED"), ("常時施錠", "LOCKED"),
    ("施錠+入退室記録", "LOGGED"), ("施錠＋入退室記録", "LOGGED"), ("locked", "LOCKED"), ("door", None),
])
def test_parse_lock(text, lock):
    assert naming.parse_lock(text) == lock


def test_door_numbers_and_importance():
    assert naming.is_door_number("D12")
    assert naming.is_door_number("101")
    assert naming.is_door_number("SD-3")
    assert not naming.is_door_number("サーバー室")
    assert not naming.is_door_number("LOCKED")
    assert naming.parse_importance("重要度3") == 3
    assert naming.parse_importance("重要度：２") == 2
    assert naming.parse_importance("2") == 2
    assert naming.parse_importance("secret") is None


def test_table_level_first_line_of_a_two_line_label():
    from osmark_plan.naming import table_level

    table = {"役員室": 2, "会議室*": 1}
    assert table_level(table, ["役員室 (社長)"]) == 2
    assert table_level(table, ["会議室Ａ"]) == 1
    assert table_level({"Office 1": 3, "Office": 1}, ["Office 1"]) == 3
