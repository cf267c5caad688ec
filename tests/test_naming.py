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


@pytest.mark.parametrize("text, key, value", [
    ("房间名称：服务器室", "name", "服务器室"),
    ("名称：天井", "name", "天井"),
    ("室名：会議室", "name", "会議室"),
    ("Name: Lab", "name", "Lab"),
    ("Room name: Server room", "name", "Server room"),
    ("房间名称：团委，学生工作办公室", "name", "团委，学生工作办公室"),  # the value as written
    ("房间编号：118", "number", "118"),
    ("房间编号：101，103", "number", "101,103"),
    ("室番号：１０１", "number", "101"),
    ("No.: 12", "number", "12"),
    ("Room No.: G03", "number", "G03"),
    ("房间属性：业务用房", "other", "业务用房"),
    ("使用面积：36.24㎡", "other", "36.24㎡"),
    ("使用人员：", "other", ""),
    ("房间编号：", "other", ""),                        # a number key without a number
    ("室名", "other", ""), ("ROOM NAME", "other", ""), ("No.", "other", ""),  # a tag's header
    ("服务器室", None, "服务器室"),
    ("Room 101", None, "Room 101"),
    ("number=1 radius=0.2", None, "number=1 radius=0.2"),  # parameters, not keys
])
def test_split_key(text, key, value):
    assert naming.split_key(text) == (key, value)


@pytest.mark.parametrize("text, name", [
    ("房间名称：服务器室", "服务器室"), ("Name: Lab", "Lab"), ("房间编号：118", None),
    ("室番号：101", None), ("使用面积：35.91㎡", None), ("会議室", "会議室"), ("W.C", "W.C"),
])
def test_name_text_drops_keys_and_never_names_from_a_number_line(text, name):
    assert naming.name_text(text) == name


@pytest.mark.parametrize("lines, name, number", [
    (["房间编号：118", "房间名称：服务器室", "房间属性：业务用房", "使用面积：36.24㎡"], "服务器室", "118"),
    # a keyed name beats a use line with a room word (房间属性：办公室 is the use, not the name)
    (["房间编号：340", "房间名称：信息系统部", "房间属性：办公室"], "信息系统部", "340"),
    (["名称：天井", "使用面积：35.91㎡"], "天井", None),
    (["房间编号：130"], None, "130"),
    (["室番号：101", "室名：会議室"], "会議室", "101"),
    (["No.: 12", "Room name: Office"], "Office", "12"),
    (["W.C"], "W.C", None), (["WC"], "WC", None), (["AULA"], "AULA", None), (["PS"], "PS", None),
    (["EV"], "EV", None), (["EPS"], "EPS", None), (["MWC"], "MWC", None), (["FWC"], "FWC", None),
    (["W.1800"], None, None), (["W=1800"], None, None),     # sizes stay sizes
])
def test_read_label_keys_and_short_room_words(lines, name, number):
    from osmark_plan.room_words import read_label

    reading = read_label(lines)
    assert (reading.name, reading.number) == (name, number)


@pytest.mark.parametrize("text", ["W.C", "WC", "AULA", "PS", "EV", "EPS", "MWC", "FWC", "会議室", "卫生间"])
def test_short_room_words_are_room_words(text):
    from osmark_plan.room_words import has_room_word

    assert has_room_word(text)


@pytest.mark.parametrize("text, lines, name", [
    ("房间编号：118 房间名称：服务器室 使用面积：36.24㎡", ("房间编号：118", "房间名称：服务器室", "使用面积：36.24㎡"), "服务器室"),
    ("房间编号：130 会議室", ("房间编号：130", "会議室"), "会議室"),
    ("房间编号：130 使用面积：12㎡", ("房间编号：130", "使用面积：12㎡"), None),
    ("役員室 (社長)", ("役員室", "(社長)"), "役員室 (社長)"),   # unkeyed labels read as before
    ("房间名称：服务器室", (), "服务器室"),
])
def test_label_name_of_a_label_of_several_lines(text, lines, name):
    assert naming.label_name(text, lines) == name
