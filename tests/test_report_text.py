"""The text report: one line per finding grouped by severity, repairs, summary, language, colour."""

from __future__ import annotations

import dataclasses
import io

from report_sample import sample_report

from osmark_plan.report import FORMATS
from osmark_plan.report.text import number, render, summary_line


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def lines(report, lang):
    return render(report, lang).splitlines()


def test_english_report():
    out = lines(sample_report(), "en")
    assert out[0] == "drawings/floor3.dxf — units: mm ($INSUNITS), layers: 3"
    # numbered as in the report (the JSON's "number"), positions with their unit, the fingerprint
    assert ("  1. ERROR ACC001 level3-direct-access [4.6.3 細則(1)a] level-3 region サーバー室 is "
            "reached directly from the open area through door D6 (at 14,000 mm, 9,500 mm) "
            "#fp-acc001-z3-d6") in out
    assert ("  3. WARNING ACC003 high-level-near-entrance [4.6.3 細則(1)a] level-2 region 開発室 "
            "lies within 5.0 m of entrance D1 (at 12,500 mm, 1,000 mm) #fp-acc003-z2") in out
    # no clause, no position: neither bracket nor "(at"
    assert "  4. INFO DWG005 units-uncertain units taken as mm from $INSUNITS #fp-dwg005" in out
    assert "RULE FAILED EQP001: ValueError: boom" in out
    assert "  REP101 closed polyline (layer ZONE-L2, handle 3A0, at 12,000 mm, 0 mm, gap 0.004 m)" in out
    assert out[-1] == "2 errors, 1 warning, 1 info — 5 regions, 6 doors, 1 entrance"


def test_japanese_report():
    out = lines(sample_report(), "ja")
    assert out[0] == "drawings/floor3.dxf — 単位: mm ($INSUNITS), レイヤ: 3"
    assert any(line.startswith("  1. エラー ACC001 level3-direct-access [4.6.3 細則(1)a] レベル3の領域")
               and line.endswith("(位置 14,000 mm, 9,500 mm) #fp-acc001-z3-d6") for line in out)
    assert any(line.startswith("  3. 警告 ACC003 ") for line in out)
    assert any(line.startswith("  4. 情報 DWG005 ") for line in out)
    assert "修復した要素:" in out
    assert out[-1] == "エラー 2件、警告 1件、情報 1件 — 領域 5、扉 6、出入口 1"


def test_findings_grouped_by_severity():
    report = sample_report()
    shuffled = dataclasses.replace(report, findings=tuple(reversed(report.findings)))
    out = [line.split()[1] for line in lines(shuffled, "en")
           if len(line.split()) > 1 and line.split()[1] in ("ERROR", "WARNING", "INFO")]
    assert out == ["ERROR", "ERROR", "WARNING", "INFO"]
    text = render(shuffled, "en")
    # a blank line between the groups
    assert "#fp-acc001-z3-d6\n\n  2. WARNING" in text


def test_without_findings_or_geometry():
    report = dataclasses.replace(sample_report(with_site=False), findings=(), runs=())
    out = lines(report, "en")
    assert "geometry could not be built: regions and doors were not checked" in out
    assert "No findings." in out
    assert out[-1] == "0 errors, 0 warnings, 0 info — 0 regions, 6 doors, 0 entrances"
    assert lines(report, "ja")[-1] == "エラー 0件、警告 0件、情報 0件 — 領域 0、扉 6、出入口 0"


def test_plain_stream_has_no_colour_and_terminal_has_colour():
    plain = io.StringIO()
    FORMATS["text"](sample_report(), "en", plain)
    assert "\x1b[" not in plain.getvalue()
    assert plain.getvalue() == render(sample_report(), "en")
    tty = Terminal()
    FORMATS["text"](sample_report(), "en", tty)
    coloured = tty.getvalue()
    assert "\x1b[" in coloured
    assert "ACC001" in coloured and "サーバー室" in coloured


def test_message_text_with_brackets_is_not_taken_as_markup():
    report = sample_report()
    odd = dataclasses.replace(report.findings[0], message={"en": "see [bold]layer[/bold] [X]"})
    tty = Terminal()
    FORMATS["text"](dataclasses.replace(report, findings=(odd,)), "en", tty)
    assert "[bold]layer[/bold] [X]" in tty.getvalue()


def test_numbers_and_summary_helpers():
    assert number(12040.0) == "12040"
    assert number(12.5) == "12.5"
    assert number(-0.0001) == "0"
    assert number(0.004) == "0.004"
    assert number(12040.5, grouped=True) == "12,040.5"
    summary = {"error": 1, "warning": 2, "info": 0, "regions": 1, "doors": 1, "entrances": 2}
    assert summary_line(summary, "en") == "1 error, 2 warnings, 0 info — 1 region, 1 door, 2 entrances"


def test_frozen_and_off_layers_are_named(tmp_path):
    """A frozen zone layer is still read, and the report says so."""
    import ezdxf

    from osmark_plan.api import check
    from osmark_plan.report.text import render

    doc = ezdxf.new("R2018")
    doc.header["$INSUNITS"] = 6
    doc.layers.add("WALL")
    zone_layer = doc.layers.add("ZONE-L1")
    zone_layer.freeze()
    msp = doc.modelspace()
    msp.add_lwpolyline([(0, 0), (10, 0), (10, 8), (0, 8)], close=True, dxfattribs={"layer": "WALL"})
    msp.add_lwpolyline([(0, 0), (10, 0), (10, 8), (0, 8)], close=True, dxfattribs={"layer": "ZONE-L1"})
    path = tmp_path / "frozen.dxf"
    doc.saveas(path)
    report = check(path)
    assert [z.level for z in report.plan.zones] == [1]
    assert "ZONE-L1 (zone): frozen" in render(report, "en")
    assert "ZONE-L1 (zone): フリーズ" in render(report, "ja")
