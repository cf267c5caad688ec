"""The HTML reports in a real headless browser (Debian's chromium driven by Playwright).

Screenshots are compared for structure (where the plan is, that it is drawn, that markers
sit where their findings are, what a selection looks like), and the page is used as a person
would: click a finding, click a marker, switch the language, filter, zoom, print.
Set OSMARK_SCREENSHOTS=DIR to keep the screenshots. Skipped, with the reason, when chromium
or Playwright is missing (scripts/test installs both when it can).
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples" / "dxf"
DIFF = ROOT / "samples" / "diff" / "many"
VIEWPORT = {"width": 1400, "height": 900}
ERROR_RGB = (0xD7, 0x30, 0x1F)
SELECT_RGB = (0xFF, 0xD4, 0x00)


def _chromium() -> str | None:
    for name in (os.environ.get("OSMARK_CHROMIUM"), "chromium", "chromium-browser", "google-chrome"):
        if name and shutil.which(name):
            return shutil.which(name)
    return None


@pytest.fixture(scope="module")
def browser():
    exe = _chromium()
    if exe is None:
        pytest.skip("no chromium on this machine (scripts/test installs Debian's chromium when "
                    "it runs as root with apt-get)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed (pip install -e '.[test]')")
    with sync_playwright() as p:
        try:
            b = p.chromium.launch(executable_path=exe, args=["--no-sandbox", "--disable-gpu"])
        except Exception as exc:  # noqa: BLE001 - a chromium Playwright cannot drive
            pytest.skip(f"chromium at {exe} cannot be started by Playwright: {exc}")
        yield b
        b.close()


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    """HTML reports made by the command line: a floor with three findings, a diff, a batch."""
    out = tmp_path_factory.mktemp("html")
    osmark = [sys.executable, "-m", "osmark_plan"]
    floor = out / "enc001_opening.html"
    subprocess.run([*osmark, "check", str(SAMPLES / "enc001_opening.dxf"), "--html", str(floor),
                    "--format", "json", "-o", str(out / "enc001_opening.json"), "-q"], check=False)
    diff = out / "diff.html"
    subprocess.run([*osmark, "diff", str(DIFF / "asis.dxf"), str(DIFF / "application.dxf"),
                    "--html", str(diff), "-q"], check=False, capture_output=True)
    batch = out / "batch"
    subprocess.run([*osmark, "batch", str(SAMPLES / "acc001.dxf"), str(SAMPLES / "enc001_opening.dxf"),
                    str(SAMPLES / "office_ok.dxf"), "--out", str(batch), "--html",
                    str(batch / "index.html"), "--no-images", "--jobs", "1", "-q"], check=False)
    return {"floor": floor, "diff": diff, "index": batch / "index.html", "dir": out}


def _shot(page, name: str, **kw):
    """A screenshot as a Pillow image (and kept in OSMARK_SCREENSHOTS when set)."""
    from PIL import Image

    data = page.screenshot(**kw)
    keep = os.environ.get("OSMARK_SCREENSHOTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        (Path(keep) / f"{name}.png").write_bytes(data)
    return Image.open(io.BytesIO(data)).convert("RGB")


def _near(c1, c2, tol=40) -> bool:
    return all(abs(a - b) <= tol for a, b in zip(c1, c2))


def _count(img, rgb, box=None, tol=40) -> int:
    crop = img.crop(box) if box else img
    return sum(n for n, c in crop.getcolors(maxcolors=1 << 22) if _near(c, rgb, tol))


def _open(browser, path: Path, **kw):
    page = browser.new_page(viewport=VIEWPORT, **kw)
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("request", lambda req: errors.append(f"request {req.url}")
            if not req.url.startswith(("file:", "data:", "about:")) else None)
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return page, errors


def _centre(page, selector: str) -> tuple[float, float]:
    box = page.locator(selector).first.bounding_box()
    assert box is not None, selector
    return (box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def test_the_plan_fills_its_box_and_is_drawn(browser, pages):
    page, errors = _open(browser, pages["floor"])
    img = _shot(page, "floor_ja")
    plan = page.locator("#plan").bounding_box()
    pane = page.locator(".list-pane").bounding_box()
    assert plan["x"] < pane["x"], "the plan is left of the findings"
    assert plan["width"] > 0.55 * VIEWPORT["width"] and plan["height"] > 400
    assert plan["y"] < 150, "the plan starts near the top of the page"
    inner = (int(plan["x"]), int(plan["y"]), int(plan["x"] + plan["width"]), int(plan["y"] + plan["height"]))
    colours = img.crop(inner).getcolors(maxcolors=1 << 22)
    assert len(colours) > 50, "the plan is drawn (many colours: fills, hatches, lines, text)"
    background = max(colours)[0] / sum(n for n, _ in colours)
    assert background < 0.8, "not a blank plan"
    svg = page.locator("#plan-svg").bounding_box()
    assert svg["width"] >= plan["width"] - 2 and svg["height"] >= plan["height"] - 2
    assert errors == []


def test_markers_are_where_the_findings_are(browser, pages):
    import json

    doc = json.loads((pages["dir"] / "enc001_opening.json").read_text(encoding="utf-8"))
    page, _ = _open(browser, pages["floor"])
    img = _shot(page, "floor_markers")
    plan = page.locator("#plan").bounding_box()
    for number, finding in enumerate(doc["findings"], start=1):
        if not finding.get("at"):
            continue
        x, y = finding["at"]
        # the finding's drawing position through the SVG's own transform, in page pixels
        px, py = page.evaluate(
            """([x, y]) => { const s = document.getElementById('plan-svg');
                 const p = s.createSVGPoint(); p.x = x; p.y = -y;
                 const q = p.matrixTransform(s.getScreenCTM()); return [q.x, q.y]; }""", [x, y])
        assert plan["x"] <= px <= plan["x"] + plan["width"] and plan["y"] <= py <= plan["y"] + plan["height"]
        cx, cy = _centre(page, f'.marker[data-n="{number}"] circle.dot')
        assert abs(cx - px) < 60 and abs(cy - py) < 60, f"marker {number} sits by its finding"
        if finding["severity"] == "error":
            box = (int(cx) - 6, int(cy) - 6, int(cx) + 6, int(cy) + 6)
            assert _count(img, ERROR_RGB, box) > 30, f"marker {number} is drawn in the error colour"


def test_clicking_a_finding_highlights_it_on_the_plan(browser, pages):
    page, _ = _open(browser, pages["floor"])
    before = _shot(page, "floor_before_click")
    page.click("#f-2")
    assert "sel" in page.get_attribute('.marker[data-n="2"]', "class").split()
    assert "sel" in page.get_attribute("#f-2", "class").split()
    assert page.locator('.fbox.sel[data-n="2"]').count() == 1
    after = _shot(page, "floor_after_click_2")
    plan = page.locator("#plan").bounding_box()
    box = (int(plan["x"]), int(plan["y"]), int(plan["x"] + plan["width"]), int(plan["y"] + plan["height"]))
    assert _count(after, SELECT_RGB, box, 25) > _count(before, SELECT_RGB, box, 25) + 40, \
        "the selection colour appears on the plan"
    cx, cy = _centre(page, '.marker[data-n="2"] circle.dot')
    assert box[0] < cx < box[2] and box[1] < cy < box[3], "the plan shows the selected marker"
    page.click("#f-1")
    assert "sel" not in page.get_attribute('.marker[data-n="2"]', "class").split()
    assert "sel" in page.get_attribute('.marker[data-n="1"]', "class").split()


def test_clicking_a_marker_highlights_the_finding(browser, pages):
    page, _ = _open(browser, pages["floor"])
    page.click("[data-zoom=fit]")
    page.locator('.marker[data-n="3"] circle.dot').click(force=True)
    assert "sel" in page.get_attribute("#f-3", "class").split()
    assert page.locator("li.finding.sel").count() == 1
    background = page.evaluate("getComputedStyle(document.getElementById('f-3')).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "rgb(255, 255, 255)")
    _shot(page, "floor_marker_clicked")


def test_language_switch(browser, pages):
    page, _ = _open(browser, pages["floor"])
    first = page.locator("#f-1 .msg")
    assert first.locator(".l-ja").is_visible() and not first.locator(".l-en").is_visible()
    assert "指摘事項" in page.inner_text(".list-pane .toolbar")
    page.click("[data-set-lang=en]")
    assert first.locator(".l-en").is_visible() and not first.locator(".l-ja").is_visible()
    assert "Findings" in page.inner_text(".list-pane .toolbar")
    assert page.title().startswith("OSM drawing check")
    assert page.evaluate("document.documentElement.lang") == "en"
    _shot(page, "floor_en")
    page.click("[data-set-lang=ja]")
    assert first.locator(".l-ja").is_visible()


def test_filters_by_severity_and_rule(browser, pages):
    page, _ = _open(browser, pages["floor"])
    total = page.locator("li.finding").count()
    errors = page.locator("li.finding.error").count()
    assert total == 3 and errors == 2
    page.uncheck("input[data-filter-sev=error]")
    assert page.locator("li.finding:visible").count() == total - errors
    assert page.locator(".marker.error:visible").count() == 0
    assert page.inner_text("#shown-count") == str(total - errors)
    _shot(page, "floor_filter_no_errors")
    page.check("input[data-filter-sev=error]")
    rule = page.get_attribute("li.finding.warning", "data-rule")
    page.select_option("#filter-rule", rule)
    visible = page.locator("li.finding:visible")
    assert visible.count() >= 1
    assert {visible.nth(i).get_attribute("data-rule") for i in range(visible.count())} == {rule}


def test_zoom_and_pan(browser, pages):
    page, _ = _open(browser, pages["floor"])

    def width():
        return float(page.get_attribute("#plan-svg", "viewBox").split()[2])

    home = width()
    page.click("[data-zoom=in]")
    assert width() < home * 0.8
    page.click("[data-zoom=fit]")
    assert width() == pytest.approx(home)
    cx, cy = _centre(page, "#plan")
    page.mouse.move(cx, cy)
    page.mouse.wheel(0, -400)
    assert width() < home * 0.8
    x0 = float(page.get_attribute("#plan-svg", "viewBox").split()[0])
    page.mouse.move(cx, cy)
    page.mouse.down()
    page.mouse.move(cx + 120, cy, steps=4)
    page.mouse.up()
    assert float(page.get_attribute("#plan-svg", "viewBox").split()[0]) < x0, "dragging right pans"
    page.focus("#plan")
    page.keyboard.press("0")
    assert width() == pytest.approx(home)
    page.keyboard.press("+")
    assert width() < home
    # markers keep their size on screen when zooming in
    r1 = page.locator('.marker[data-n="1"] circle.dot').bounding_box()["width"]
    page.keyboard.press("+")
    r2 = page.locator('.marker[data-n="1"] circle.dot').bounding_box()["width"]
    assert r2 == pytest.approx(r1, rel=0.1)


def test_print_layout(browser, pages):
    page, _ = _open(browser, pages["floor"])
    page.emulate_media(media="print")
    assert not page.locator(".toolbar").first.is_visible()
    assert not page.locator(".langs").is_visible()
    assert page.locator("li.finding:visible").count() == 3
    img = _shot(page, "floor_print", full_page=True)
    assert img.getcolors(maxcolors=1 << 22) is not None
    pdf = page.pdf(format="A4", print_background=True)
    assert pdf.startswith(b"%PDF")
    keep = os.environ.get("OSMARK_SCREENSHOTS")
    if keep:
        (Path(keep) / "floor_print_a4.pdf").write_bytes(pdf)


def test_diff_page(browser, pages):
    page, errors = _open(browser, pages["diff"])
    _shot(page, "diff_ja")
    assert page.locator("li.finding").count() >= 5
    page.click("#f-1")
    assert "sel" in page.get_attribute('.marker[data-n="1"]', "class").split()
    _shot(page, "diff_change_1_selected")
    page.click("[data-zoom=fit]")
    page.locator('.marker[data-n="2"] circle.dot').click(force=True)
    assert "sel" in page.get_attribute("#f-2", "class").split()
    page.uncheck("input[data-filter-sev=other]")
    assert page.locator("li.finding:visible").count() == page.locator("li.finding.serious").count()
    page.click("[data-set-lang=en]")
    assert page.locator("#f-1 .msg .l-en").is_visible()
    _shot(page, "diff_en")
    assert errors == []


def test_batch_index_links_and_thumbnails(browser, pages):
    page, errors = _open(browser, pages["index"])
    _shot(page, "batch_index", full_page=True)
    thumbs = page.locator("td.thumb svg")
    assert thumbs.count() == 3
    assert all(thumbs.nth(i).bounding_box()["width"] > 100 for i in range(3))
    link = page.locator("a", has_text="HTML").first
    link.click()
    page.wait_for_load_state("load")
    assert page.locator("#plan-svg").count() == 1
    assert errors == []
