"""Waivers and baselines: accepted findings shown as waived in every format, not failing."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from osmark_plan import api
from osmark_plan.cli import main
from osmark_plan.findings import Waiver
from osmark_plan.waivers import WaiverError, apply_waivers, load_waivers, parse_waivers

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "dxf"
#: enc001_gap.dxf has two ENC001 errors (役員室, 執務室) at the same gap
GAP = SAMPLES / "enc001_gap.dxf"
TODAY = dt.date(2026, 12, 1)


@pytest.fixture
def floor(tmp_path):
    if not GAP.exists():
        pytest.skip("samples not generated")
    dst = tmp_path / "floor.dxf"
    shutil.copy(GAP, dst)
    return dst


@pytest.fixture(scope="module")
def fingerprints():
    report = api.check(GAP)
    assert [f.rule for f in report.findings] == ["ENC001", "ENC001"]
    return [f.fingerprint for f in report.findings]


def waiver_toml(*entries: dict) -> str:
    out = []
    for e in entries:
        out.append("[[waiver]]")
        for k, v in e.items():
            out.append(f"{k} = {v}" if k in ("date", "expires") else f"{k} = {json.dumps(v, ensure_ascii=False)}")
        out.append("")
    return "\n".join(out)


def entry(fp, **more):
    return {"fingerprint": fp, "reason": "扉を常時施錠とし監視カメラで対策済み", "by": "山田",
            "date": "2026-11-30", **more}


def test_waived_finding_does_not_fail_and_says_why(floor, fingerprints, capsys):
    (floor.parent / "osmark-waivers.toml").write_text(waiver_toml(entry(fingerprints[0])), encoding="utf-8")
    assert main(["check", str(floor), "--format", "json", "--lang", "en"]) == 1  # the other error counts
    doc = json.loads(capsys.readouterr().out)
    first, second = doc["findings"]
    assert first["waived"] == {"reason": "扉を常時施錠とし監視カメラで対策済み", "by": "山田",
                               "date": "2026-11-30", "expires": None, "kind": "waiver",
                               "source": str(floor.parent / "osmark-waivers.toml")}
    assert second["waived"] is None
    assert doc["summary"]["error"] == 1 and doc["summary"]["waived"] == 1
    (floor.parent / "osmark-waivers.toml").write_text(
        waiver_toml(entry(fingerprints[0]), entry(fingerprints[1], by="佐藤")), encoding="utf-8")
    assert main(["check", str(floor), "--lang", "ja"]) == 0
    text = capsys.readouterr().out
    assert "[免除: 扉を常時施錠とし監視カメラで対策済み — 佐藤, 2026-11-30]" in text
    assert text.rstrip().endswith("エラー 0件、警告 0件、情報 0件 — 領域 5、扉 5、出入口 1、免除 2件")


def test_waivers_from_option_and_from_config(floor, fingerprints, tmp_path, capsys):
    elsewhere = tmp_path / "audit" / "accepted.toml"
    elsewhere.parent.mkdir()
    elsewhere.write_text(waiver_toml(entry(fingerprints[0]), entry(fingerprints[1])), encoding="utf-8")
    assert main(["check", str(floor), "--waivers", str(elsewhere), "-q"]) == 0
    (floor.parent / "osmark.toml").write_text('waivers = "audit/accepted.toml"\n', encoding="utf-8")
    assert main(["check", str(floor), "-q"]) == 0
    # the API finds the same files as the command
    assert api.check(floor).waived == 2


def test_expired_and_unused_waivers_are_reported(floor, fingerprints, capsys):
    (floor.parent / "osmark-waivers.toml").write_text(waiver_toml(
        entry(fingerprints[0], expires="2026-01-31"), entry(fingerprints[1]),
        entry("0123456789abcdef", reason="古い指摘")), encoding="utf-8")
    assert main(["check", str(floor), "--format", "json", "--lang", "en"]) == 1
    captured = capsys.readouterr()
    doc = json.loads(captured.out)
    assert [f["waived"] is not None for f in doc["findings"]] == [False, True]
    assert [w["fingerprint"] for w in doc["expired_waivers"]] == [fingerprints[0]]
    assert [w["fingerprint"] for w in doc["unused_waivers"]] == ["0123456789abcdef"]
    assert "waiver 0123456789abcdef matches no finding" in captured.err
    assert f"waiver {fingerprints[0]} expired on 2026-01-31" in captured.err


@pytest.mark.parametrize("text, words", [
    ("[[waiver]]\nfingerprint = 'zz'\nreason = 'r'\nby = 'b'\ndate = 2026-01-01\n", "fingerprint"),
    ("[[waiver]]\nfingerprint = '0123456789abcdef'\nby = 'b'\ndate = 2026-01-01\n", "reason"),
    ("[[waiver]]\nfingerprint = '0123456789abcdef'\nreason = 'r'\ndate = 2026-01-01\n", "by"),
    ("[[waiver]]\nfingerprint = '0123456789abcdef'\nreason = 'r'\nby = 'b'\n", "date is missing"),
    ("[[waiver]]\nfingerprint = '0123456789abcdef'\nreason = 'r'\nby = 'b'\ndate = 'soon'\n", "date must be a date"),
    ("[[waiver]]\nfingerprint = '0123456789abcdef'\nreason = 'r'\nby = 'b'\ndate = 2026-01-01\nwho = 1\n",
     "unknown key(s): who"),
    ("[waivers]\n", "unknown setting(s): waivers"),
    ("[[waiver]\n", "not valid TOML"),
    ("[[waiver]]\nfingerprint = '0123456789abcdef'\nreason = 'r'\nby = 'b'\ndate = 2026-01-01\n" * 2,
     "already waived"),
])
def test_broken_waivers_file_exits_2_naming_it(floor, text, words, capsys):
    path = floor.parent / "osmark-waivers.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(WaiverError, match="osmark-waivers.toml"):
        load_waivers(path)
    assert main(["check", str(floor), "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert str(path) in err and words in err and "Traceback" not in err


def test_missing_waivers_file_exits_2(floor, capsys):
    assert main(["check", str(floor), "--waivers", str(floor.parent / "nope.toml")]) == 2
    assert "nope.toml: waivers file not found" in capsys.readouterr().err


def test_rule_and_drawing_narrow_a_waiver(fingerprints):
    report = api.check(GAP)
    cases = [
        (Waiver(fingerprints[0], "r", "b", "2026-01-01", rule="ENC001"), 1, 0),
        (Waiver(fingerprints[0], "r", "b", "2026-01-01", rule="ACC001"), 0, 1),
        (Waiver(fingerprints[0], "r", "b", "2026-01-01", drawing="enc001_*.dxf"), 1, 0),
        (Waiver(fingerprints[0], "r", "b", "2026-01-01", drawing="other.dxf"), 0, 0),
        (Waiver(fingerprints[0], "r", "b", "2026-01-01", expires="2026-12-01"), 1, 0),  # last day
        (Waiver(fingerprints[0], "r", "b", "2026-01-01", expires="2026-11-30"), 0, 0),
    ]
    for waiver, waived, unused in cases:
        out = apply_waivers(report, [waiver], today=TODAY)
        assert (out.waived, len(out.unused_waivers)) == (waived, unused), waiver
    assert report.waived == 0  # the report itself is unchanged


def test_parse_accepts_toml_dates_and_strings():
    data = {"waiver": [{"fingerprint": "ABCDEF0123456789", "reason": " r ", "by": "b",
                        "date": dt.date(2026, 1, 2), "expires": "2027-01-02", "rule": "enc001"}]}
    (w,) = parse_waivers(data, "w.toml")
    assert (w.fingerprint, w.reason, w.date, w.expires, w.rule) == (
        "abcdef0123456789", "r", "2026-01-02", "2027-01-02", "ENC001")


def test_baseline_gates_only_new_findings(floor, tmp_path, capsys):
    baseline = tmp_path / "baseline.json"
    assert main(["check", str(floor), "--write-baseline", str(baseline), "-q"]) == 1
    recorded = json.loads(baseline.read_text(encoding="utf-8"))
    assert recorded["schema"] == "osmark-plan/baseline/1"
    assert len(recorded["findings"]) == 2
    capsys.readouterr()
    assert main(["check", str(floor), "--baseline", str(baseline), "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert all(f["waived"]["kind"] == "baseline" for f in doc["findings"])
    # a finding not in the baseline fails
    recorded["findings"] = recorded["findings"][:1]
    baseline.write_text(json.dumps(recorded), encoding="utf-8")
    assert main(["check", str(floor), "--baseline", str(baseline), "-q"]) == 1
    baseline.write_text("{}", encoding="utf-8")
    assert main(["check", str(floor), "--baseline", str(baseline)]) == 2
    assert "not a baseline file" in capsys.readouterr().err


def test_write_baseline_refuses_the_drawing(floor, capsys):
    before = floor.read_bytes()
    assert main(["check", str(floor), "--write-baseline", str(floor), "-q", "--lang", "en"]) == 2
    assert "refusing to overwrite the input drawing" in capsys.readouterr().err
    assert floor.read_bytes() == before


def test_image_panel_says_a_finding_is_waived():
    from osmark_plan.report.image.panel import entry_lines
    from osmark_plan.report.image.style import WORDS

    finding = {"rule": "ACC003", "severity": "warning", "message": "近い", "at": [0, 0],
               "waived": {"reason": "監視カメラで対策済み", "by": "山田", "date": "2026-11-30", "expires": None}}
    assert "[免除: 監視カメラで対策済み]" in "".join(entry_lines(finding, WORDS["ja"], 200))


def test_text_report_lists_unused_and_expired_waivers(floor, fingerprints, capsys):
    (floor.parent / "osmark-waivers.toml").write_text(waiver_toml(
        entry(fingerprints[0], expires="2026-01-31"), entry("0123456789abcdef", reason="古い指摘")),
        encoding="utf-8")
    assert main(["check", str(floor), "--lang", "ja"]) == 1
    out = capsys.readouterr().out.splitlines()
    i = out.index("どの指摘にも一致しない免除（削除するか指紋を確認してください）:")
    assert out[i + 1].startswith("  #0123456789abcdef: 免除: 古い指摘 — 山田, 2026-11-30")
    j = out.index("期限切れの免除（該当する指摘は再び判定に数えます）:")
    assert out[j + 1].startswith(f"  #{fingerprints[0]}: 免除: ")


def test_batch_refuses_a_broken_waivers_file_before_checking(floor, tmp_path, capsys):
    (floor.parent / "osmark-waivers.toml").write_text("[[waiver]]\nfingerprint = 1\n", encoding="utf-8")
    assert main(["batch", str(floor), "--out", str(tmp_path / "out"), "--no-images", "--quiet",
                 "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert "osmark-waivers.toml: waiver 1: fingerprint must be a non-empty text" in err
    assert not (tmp_path / "out" / "summary.json").exists()


def test_batch_applies_waivers_per_floor(floor, fingerprints, tmp_path):
    (floor.parent / "osmark-waivers.toml").write_text(
        waiver_toml(entry(fingerprints[0]), entry(fingerprints[1])), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["batch", str(floor), "--out", str(out), "--no-images", "--quiet"]) == 0
    report = json.loads(next((out / "floors").glob("*.json")).read_text(encoding="utf-8"))
    assert report["summary"]["waived"] == 2 and report["summary"]["error"] == 0
