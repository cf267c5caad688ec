"""The JSON report: document shape, schema validity, units of positions, language of messages."""

from __future__ import annotations

import copy
import io
import json

import jsonschema
import pytest
from report_sample import sample_report

from osmark_plan import __version__
from osmark_plan.report import FORMATS, report_document, writer
from osmark_plan.report.json_report import load_schema


@pytest.fixture(scope="module")
def schema():
    schema = load_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return schema


def validate(doc, schema):
    jsonschema.Draft202012Validator(schema).validate(doc)


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("with_site", [True, False])
def test_document_is_valid(schema, lang, with_site):
    doc = report_document(sample_report(with_site=with_site), lang)
    validate(doc, schema)
    # and it survives JSON as is
    assert json.loads(json.dumps(doc)) == doc


def test_header_and_drawing():
    doc = report_document(sample_report(), "ja")
    assert doc["schema"] == "osmark-plan/report/1"
    assert doc["tool"] == {"name": "osmark-plan", "version": __version__}
    drawing = doc["drawing"]
    assert drawing["path"] == "drawings/floor3.dxf"
    assert drawing["units"] == "mm" and drawing["units_source"] == "$INSUNITS"
    assert drawing["sha256"] == "ab" * 32
    assert drawing["dxf_version"] == "AC1027"
    assert drawing["layers"]["ZONE-L2"] == {"kind": "zone", "entities": 1, "frozen": True,
                                            "off": False, "types": {}}
    assert drawing["layers"]["DOOR"]["types"] == {"INSERT": 6}


def test_summary_counts():
    summary = report_document(sample_report(), "en")["summary"]
    assert {k: summary[k] for k in ("error", "warning", "info", "regions", "doors",
                                    "devices", "cabinets", "entrances", "openings")} == {
        "error": 2, "warning": 1, "info": 1, "regions": 5, "doors": 6,
        "devices": 0, "cabinets": 0, "entrances": 1, "openings": 1}
    assert summary["geometry"] is True


def test_positions_are_in_drawing_units_for_a_mm_drawing():
    doc = report_document(sample_report(scale=0.001), "en")
    acc = doc["findings"][0]
    assert acc["rule"] == "ACC001"
    assert acc["at"] == [14000.0, 9500.0]
    assert acc["bbox"] == [13950.0, 9000.0, 14050.0, 10000.0]
    doors = {d["id"]: d for d in doc["doors"]}
    assert doors["D6"]["at"] == [14000.0, 9500.0]
    assert doors["D1"]["at"] == [2500.0, 0.0]
    assert doc["repairs"][0]["at"] == [12000.0, 0.0]
    # lengths and areas stay in metres
    assert doors["D6"]["width_m"] == 1.0
    assert doc["repairs"][0]["gap_m"] == 0.004
    assert {r["id"]: r["area_m2"] for r in doc["regions"]}["Z3"] == 24.0


def test_positions_in_a_metre_drawing_are_unchanged():
    doc = report_document(sample_report(scale=1.0), "en")
    assert doc["findings"][0]["at"] == [14.0, 9.5]
    assert doc["findings"][1]["bbox"] == [6.0, 9.4, 6.0, 10.6]


def test_missing_position_is_null():
    info = report_document(sample_report(), "en")["findings"][3]
    assert info["rule"] == "DWG005" and info["at"] is None and info["bbox"] is None


def test_message_follows_language():
    ja = report_document(sample_report(), "ja")["findings"][0]["message"]
    en = report_document(sample_report(), "en")["findings"][0]["message"]
    assert ja == "レベル3の領域「サーバー室」がドア D6 でオープンエリアに直接つながっています"
    assert en.startswith("level-3 region サーバー室 is reached directly")


def test_findings_carry_subjects_fingerprint_and_extra():
    finding = report_document(sample_report(), "en")["findings"][1]
    assert finding["subjects"] == [{"kind": "region", "id": "Z1", "name": "会議室"}]
    assert finding["fingerprint"] == "fp-enc001-z1"
    assert finding["clause"] == "2.5; 4.5.2 細則(1)"
    # tuples in rule extras become lists
    assert finding["extra"] == {"kind": "open", "ends": [[6.0, 9.4], [6.0, 10.6]]}


def test_regions_and_doors():
    doc = report_document(sample_report(), "ja")
    regions = {r["id"]: r for r in doc["regions"]}
    assert regions["Z3"]["name"] == "サーバー室" and regions["Z3"]["level"] == 3
    assert regions["Z3"]["source"] == {"layer": "ZONE-L3", "handle": "2F1"}
    assert regions["O1"]["source"] is None and regions["O1"]["level"] == 0
    assert regions["Z4"]["depth"] == 1
    doors = {d["id"]: d for d in doc["doors"]}
    assert doors["D1"]["between"] == ["OUTSIDE", "Z4"] and doors["D1"]["entrance"] is True
    assert doors["D1"]["lock"] == "LOGGED"
    assert doors["D6"]["entrance"] is False and doors["D6"]["lock"] == "UNLOCKED"
    assert doors["P1"]["kind"] == "opening" and doors["P1"]["lock"] is None
    assert doors["P1"]["width_m"] == 2.0


def test_without_site_regions_and_doors_are_empty():
    doc = report_document(sample_report(with_site=False), "en")
    assert doc["regions"] == [] and doc["doors"] == []
    assert doc["summary"]["regions"] == 0 and doc["summary"]["entrances"] == 0
    assert doc["summary"]["doors"] == 6  # doors as drawn
    assert doc["summary"]["geometry"] is False
    assert len(doc["findings"]) == 4


def test_rules_runs():
    runs = {r["code"]: r for r in report_document(sample_report(), "en")["rules"]}
    assert runs["ACC001"] == {"code": "ACC001", "checked": 3, "failed": 1, "error": None, "note": None}
    assert runs["EQP001"]["error"] == "ValueError: boom"


def test_schema_is_strict(schema):
    doc = report_document(sample_report(), "en")
    for breaking in (
        lambda d: d.pop("findings"),
        lambda d: d["summary"].pop("entrances"),
        lambda d: d["findings"][0].pop("fingerprint"),
        lambda d: d["findings"][0].__setitem__("severity", "fatal"),
        lambda d: d["findings"][0].__setitem__("at", [1.0]),
        lambda d: d["regions"][0].__setitem__("level", "3"),
        lambda d: d["doors"][0].__setitem__("between", ["Z1"]),
        lambda d: d["doors"][0].__setitem__("lock", "SHUT"),
        lambda d: d["drawing"]["layers"]["WALL"].pop("kind"),
        lambda d: d.__setitem__("schema", "osmark-plan/report/2"),
    ):
        broken = copy.deepcopy(doc)
        breaking(broken)
        with pytest.raises(jsonschema.ValidationError):
            validate(broken, schema)


def test_json_writer_keeps_japanese_readable(schema):
    out = io.StringIO()
    FORMATS["json"](sample_report(), "ja", out)
    text = out.getvalue()
    assert "サーバー室" in text and "\\u30b5" not in text
    assert text.startswith('{\n  "schema": "osmark-plan/report/1"')
    doc = json.loads(text)
    validate(doc, schema)
    assert doc == report_document(sample_report(), "ja")


def test_format_registry():
    assert {"text", "json"} <= set(FORMATS)
    assert writer("json") is FORMATS["json"]
    with pytest.raises(KeyError, match="known: "):
        writer("yaml")


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_fast_encoder_writes_the_document_json_writes_in_the_same_layout(lang):
    """orjson (the default) and json give the same document, line for line in layout: a
    report is no different for having been written fast."""
    from osmark_plan.report.json_report import dumps, fast_bytes

    document = report_document(sample_report(), lang)
    assert fast_bytes(document) is not None  # orjson encodes it
    fast = dumps(document)
    slow = json.dumps(document, ensure_ascii=False, indent=2, allow_nan=False)
    assert json.loads(fast) == json.loads(slow)
    assert [ln.split(":")[0] for ln in fast.splitlines()] == [ln.split(":")[0] for ln in slow.splitlines()]


def test_without_orjson_or_where_it_cannot_json_writes_the_report(monkeypatch):
    import sys

    from osmark_plan.report.json_report import dumps, fast_bytes

    assert fast_bytes({"big": 2 ** 70}) is None  # beyond 64 bits: json's turn
    assert json.loads(dumps({"big": 2 ** 70})) == {"big": 2 ** 70}
    buf = io.StringIO()
    monkeypatch.setitem(sys.modules, "orjson", None)  # not installed
    writer("json")(sample_report(), "en", buf)
    assert json.loads(buf.getvalue()) == report_document(sample_report(), "en")
    assert fast_bytes({"a": 1}) is None


def test_a_number_that_is_not_finite_is_written_null():
    from osmark_plan.report.json_report import dumps

    assert json.loads(dumps({"d": float("nan"), "e": float("inf")})) == {"d": None, "e": None}


def test_a_report_file_gets_the_bytes_a_text_stream_gets(tmp_path):
    """Into a UTF-8 file the encoded bytes go straight to its buffer; the text is the same."""
    text = io.StringIO()
    writer("json")(sample_report(), "ja", text)
    path = tmp_path / "r.json"
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("")  # something buffered in the text layer first is kept in order
        writer("json")(sample_report(), "ja", fh)
    assert path.read_text(encoding="utf-8") == text.getvalue()
    with open(path, "w", encoding="cp932", errors="replace") as fh:  # not UTF-8: written as text
        writer("json")(sample_report(), "ja", fh)
    assert json.loads(path.read_text(encoding="cp932")) == json.loads(text.getvalue())
