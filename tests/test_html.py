"""The HTML reports without a browser: valid HTML, self-contained, both languages, numbers,
fix advice, fingerprints, waivers, the embedded font, the CLI options."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from osmark_plan.api import check
from osmark_plan.cli import main
from osmark_plan.report.document import report_document
from osmark_plan.report.html import html_document, render_report, report_html
from osmark_plan.report.rules_doc import fix_advice

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples" / "dxf"
DIFF = ROOT / "samples" / "diff" / "many"


@pytest.fixture(scope="module")
def floor():
    return check(str(SAMPLES / "enc001_opening.dxf"))


@pytest.fixture(scope="module")
def page(floor):
    return report_html(floor, "ja")


class Collect(HTMLParser):
    """Tags, attributes and text of a page (the standard library's parser)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []
        self.open: list[str] = []
        self.in_raw = 0

    VOID = {"meta", "br", "input", "img", "link", "hr", "path", "rect", "circle", "line", "stop"}

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag in ("script", "style"):
            self.in_raw += 1
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.in_raw -= 1
        if tag in self.VOID:
            return
        assert self.open and self.open[-1] == tag, f"</{tag}> closes <{self.open[-1] if self.open else None}>"
        self.open.pop()

    def handle_data(self, data):
        if not self.in_raw:
            self.text.append(data)


def parse(page: str) -> Collect:
    c = Collect()
    c.feed(page)
    c.close()
    assert c.open == [], f"unclosed: {c.open}"
    return c


def assert_valid(page: str) -> None:
    """No parse error in html5lib's strict parser, and every element closed where it opened."""
    html5lib = pytest.importorskip("html5lib")
    html5lib.HTMLParser(strict=True).parse(page)
    parse(page)


def assert_self_contained(page: str) -> None:
    """Nothing is fetched: no external src/href, url() only data: or #id, no <link>, no
    http(s) anywhere but in text and the SVG namespace."""
    c = parse(page)
    for tag, attrs in c.tags:
        assert tag != "link", "no <link>"
        assert not (tag == "script" and "src" in attrs), "no external script"
        for name in ("src", "href", "xlink:href", "action", "poster", "data"):
            value = attrs.get(name)
            if value is None:
                continue
            assert not re.match(r"^(https?:)?//", value), f"<{tag} {name}={value}>"
            if tag != "a":
                assert value.startswith(("#", "data:")), f"<{tag} {name}={value}>"
    without_ns = page.replace('xmlns="http://www.w3.org/2000/svg"', "")
    text = " ".join(c.text)
    for url in re.findall(r"https?://[^\s\"'<>)]+", without_ns):
        assert url in text, f"{url} outside the text"
    for ref in re.findall(r"url\(([^)]*)\)", page):
        assert ref.strip("'\"").startswith(("data:", "#")), ref
    assert "@import" not in page


def test_report_page_is_valid_and_self_contained(page):
    assert_valid(page)
    assert_self_contained(page)
    assert page.count("<script>") == 1 and page.count("<svg") >= 1


def test_both_languages_and_the_finding_details(floor, page):
    ja, en = report_document(floor, "ja"), report_document(floor, "en")
    assert len(ja["findings"]) == 3
    c = parse(page)
    li = [a for t, a in c.tags if t == "li" and "finding" in a.get("class", "")]
    assert [a["id"] for a in li] == [f"f-{n}" for n in range(1, len(ja["findings"]) + 1)]
    for n, (fj, fe) in enumerate(zip(ja["findings"], en["findings"]), start=1):
        attrs = li[n - 1]
        assert attrs["data-fingerprint"] == fj["fingerprint"]
        assert attrs["data-rule"] == fj["rule"] and attrs["data-sev"] == fj["severity"]
        from markupsafe import escape

        assert str(escape(fj["message"])) in page and str(escape(fe["message"])) in page
        assert fj["fingerprint"] in page and fj["clause"] in page
        for lang in ("ja", "en"):
            advice = fix_advice(fj["rule"], lang)
            assert advice and str(escape(advice)) in page
    assert 'class="l-ja" lang="ja"' in page and 'class="l-en" lang="en"' in page
    assert "直し方" in page and "How to fix" in page


def test_numbers_follow_the_document_order_and_markers_match(floor, page):
    doc = report_document(floor, "ja")
    c = parse(page)
    markers = {a["data-n"]: a for t, a in c.tags if t == "g" and "marker" in a.get("class", "").split()}
    for n, f in enumerate(doc["findings"], start=1):
        if f["at"]:
            m = markers[str(n)]
            assert m["data-sev"] == f["severity"]
            assert float(m["data-x"]) == pytest.approx(f["at"][0])
            assert float(m["data-y"]) == pytest.approx(-f["at"][1])


def test_a_number_field_in_the_document_wins(floor):
    hdoc = html_document(floor)
    for lang in ("ja", "en"):
        for i, f in enumerate(hdoc["docs"][lang]["findings"]):
            f["number"] = 10 + i
    page = render_report(hdoc, "ja")
    assert 'id="f-10"' in page and 'id="f-1"' not in page


def test_waived_findings_are_shown_when_the_document_says_so(floor):
    hdoc = html_document(floor)
    for lang in ("ja", "en"):
        hdoc["docs"][lang]["findings"][0]["waived"] = {"reason": "扉に電気錠を追加予定 <b>", "by": "監査 太郎",
                                                      "date": "2026-11-30"}
    page = render_report(hdoc, "en")
    assert_valid(page)
    assert "li" in page and 'class="finding error waived"' in page
    assert "扉に電気錠を追加予定 &lt;b&gt;" in page, "waiver reasons are escaped"
    assert "監査 太郎" in page and "2026-11-30" in page
    assert page.startswith("<!DOCTYPE html>\n<html lang=\"en\" class=\"en\">")


def test_texts_from_the_drawing_are_escaped(floor):
    hdoc = html_document(floor)
    hdoc["plan"]["regions"][0]["name"] = "<script>alert(1)</script>"
    hdoc["docs"]["ja"]["findings"][0]["message"] = "\"><img src=x onerror=alert(1)>"
    page = render_report(hdoc, "ja")
    assert "<script>alert(1)" not in page and "<img src=x" not in page
    assert_self_contained(page)


def test_the_font_subset_covers_the_page():
    """The embedded font holds a glyph for every Japanese character on the page."""
    import base64
    import io

    from fontTools.ttLib import TTFont

    from osmark_plan.report.html_font import font_file

    if font_file() is None:
        pytest.skip("no CJK font file on this machine")
    page = report_html(check(str(SAMPLES / "acc001.dxf")), "ja")
    m = re.search(r"url\(data:font/(woff2?);base64,([A-Za-z0-9+/=]+)\)", page)
    assert m, "an embedded font"
    font = TTFont(io.BytesIO(base64.b64decode(m.group(2))))
    cmap = font.getBestCmap()
    text = " ".join(parse(page).text)
    missing = {ch for ch in text if ord(ch) > 0x2000 and ord(ch) not in cmap}
    assert missing == set()
    assert len(m.group(2)) < 400_000, "a subset, not the whole font"


def test_no_font_file_falls_back_to_the_font_stack(floor, monkeypatch):
    from osmark_plan.report import html_font

    monkeypatch.setattr(html_font, "font_file", lambda: None)
    page = report_html(floor, "ja")
    assert "@font-face" not in page and '"IPAexGothic"' in page


def test_a_floor_without_geometry_or_findings_still_renders():
    page = report_html(check(str(SAMPLES / "office_ok.dxf")), "en")
    assert_valid(page)
    assert "No findings" in page or "指摘事項はありません" in page


def test_diff_page(tmp_path):
    out = tmp_path / "diff.html"
    code = main(["diff", str(DIFF / "asis.dxf"), str(DIFF / "application.dxf"), "--html", str(out), "-q"])
    assert code == 1
    page = out.read_text(encoding="utf-8")
    assert_valid(page)
    assert_self_contained(page)
    assert "現状図面と申請図面の比較" in page and "As-is drawing vs application drawing" in page
    c = parse(page)
    items = [a for t, a in c.tags if t == "li" and "finding" in a.get("class", "")]
    markers = [a for t, a in c.tags if t == "g" and "marker" in a.get("class", "").split()]
    assert len(items) == 9 and {m["data-n"] for m in markers} <= {a["data-n"] for a in items}
    assert 'class="ov only_b"' in page, "what only the application drawing has is drawn in its colour"


def test_check_cli_writes_and_refuses(tmp_path, capsys):
    out = tmp_path / "r.html"
    assert main(["check", str(SAMPLES / "acc001.dxf"), "--html", str(out), "--lang", "en"]) == 1
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert "HTML report written" in capsys.readouterr().err
    assert main(["check", str(SAMPLES / "acc001.dxf"), "--html", str(SAMPLES / "acc001.dxf"), "--lang", "en"]) == 2
    assert "refusing to overwrite" in capsys.readouterr().err
    assert main(["check", str(SAMPLES / "acc001.dxf"), "--html", str(SAMPLES / "acc001.dxf"), "--lang", "ja"]) == 2
    assert "入力の図面は上書きしません" in capsys.readouterr().err
    assert main(["check", str(SAMPLES / "acc001.dxf"), "--html", str(tmp_path / "no" / "r.html"), "--lang", "en"]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert main(["check", str(SAMPLES / "acc001.dxf"), "--html", str(tmp_path)]) == 2
    assert list(tmp_path.glob(".*.tmp*")) == [], "no temporary file left"


def test_batch_index_links_floor_pages_with_thumbnails(tmp_path):
    out = tmp_path / "res"
    index = tmp_path / "index.html"
    code = subprocess.run([sys.executable, "-m", "osmark_plan", "batch", str(SAMPLES / "acc001.dxf"),
                           str(SAMPLES / "office_ok.dxf"), "--out", str(out), "--html", str(index),
                           "--no-images", "--jobs", "1", "-q"], capture_output=True, text=True)
    assert code.returncode == 1, code.stderr
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert [f["html"] for f in summary["floors"]] == ["floors/acc001.html", "floors/office_ok.html"]
    for page_path, prefix in ((index, "res/floors/"), (out / "index.html", "floors/")):
        page = page_path.read_text(encoding="utf-8")
        assert_valid(page)
        assert_self_contained(page)
        assert page.count('class="thumb"') >= 2 and "<svg" in page
        assert f'href="{prefix}acc001.html"' in page
        assert "@font-face" in page or '"IPAexGothic"' in page
        assert re.search(r"不適合の図面: <b class=\"fail\">1</b>", page)
    assert (out / "floors" / "acc001.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_batch_html_into_a_missing_folder_is_a_usage_error(tmp_path):
    out = subprocess.run([sys.executable, "-m", "osmark_plan", "batch", str(SAMPLES / "acc001.dxf"),
                          "--out", str(tmp_path / "res"), "--html", str(tmp_path / "no" / "i.html"),
                          "--no-images", "-q", "--lang", "en"], capture_output=True, text=True)
    assert out.returncode == 2
    assert "does not exist" in out.stderr and "Traceback" not in out.stderr
    assert not (tmp_path / "res").exists(), "nothing checked before the usage error"
