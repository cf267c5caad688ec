"""Large floors on the plan image: placement steps grow with n log n at most (counted, not
timed), and findings the side panel has no room for continue below the plan or on more pages."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from matplotlib.transforms import Bbox

from osmark_plan.report.image.markers import cluster_points
from osmark_plan.report.image.labels import Placed

ROOT = Path(__file__).resolve().parents[1]


def _place_labels(n: int) -> tuple[int, int]:
    """Place n label-sized boxes over a plan whose area grows with n (a floor of n rooms),
    each trying spots until one is free; box comparisons and placed count."""
    rng = random.Random(7)
    side = 60.0 * n ** 0.5
    placed = Placed()
    for _ in range(n):
        x, y = rng.uniform(0, side), rng.uniform(0, side)
        for dx, dy in ((0, 0), (0, 14), (0, -14), (30, 0), (-30, 0)):
            box = Bbox.from_extents(x + dx, y + dy, x + dx + 40, y + dy + 12)
            if not placed.hits(box):
                placed.add(box, grow=2.0)
                break
    return placed.tests, len(placed.rows)


def test_label_placement_comparisons_grow_linearly():
    small_tests, small_placed = _place_labels(500)
    big_tests, big_placed = _place_labels(8000)
    assert big_placed > 0.5 * 8000 and small_placed > 0.5 * 500
    # 16 times the labels: a quadratic placement makes 256 times the comparisons; the grid
    # hash makes about 16 times as many (at most n log n: 16 * log(8000)/log(500) ≈ 23)
    assert big_tests < 23 * small_tests, (small_tests, big_tests)
    assert big_tests / 8000 < 40, "a constant number of comparisons per label"


def test_placed_finds_every_overlap():
    rng = random.Random(1)
    placed = Placed()
    boxes = []
    for _ in range(300):
        x, y = rng.uniform(0, 500), rng.uniform(0, 500)
        w, h = rng.uniform(1, 200), rng.uniform(1, 40)
        b = Bbox.from_extents(x, y, x + w, y + h)
        boxes.append((x - 1, y - 1, x + w + 1, y + h + 1))
        placed.add(b)
    for _ in range(500):
        x, y = rng.uniform(-50, 550), rng.uniform(-50, 550)
        q = Bbox.from_extents(x, y, x + rng.uniform(1, 80), y + rng.uniform(1, 20))
        brute = any(a[0] < q.x1 and a[2] > q.x0 and a[1] < q.y1 and a[3] > q.y0 for a in boxes)
        assert placed.hits(q) == brute


def test_marker_clusters_match_the_scan_they_replace():
    rng = random.Random(3)
    pts = [(rng.uniform(0, 300), rng.uniform(0, 300)) for _ in range(400)]
    near = 9.0
    expected: list[list[int]] = []
    for i, (x, y) in enumerate(pts):
        for members in expected:
            cx, cy = pts[members[0]]
            if abs(cx - x) < near and abs(cy - y) < near:
                members.append(i)
                break
        else:
            expected.append([i])
    assert cluster_points(pts, near) == expected


@pytest.fixture(scope="module")
def crowded(tmp_path_factory):
    """A floor of 250 rooms whose level-2 rooms open off the open corridor: ~40 findings,
    more than the side panel lists."""
    import importlib.util

    from osmark_plan.api import check

    spec = importlib.util.spec_from_file_location("bench", ROOT / "scripts" / "bench.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    path = tmp_path_factory.mktemp("crowded") / "floor.dxf"
    bench.draw_floor(path, 250)
    return check(str(path))


def test_findings_beyond_the_panel_continue_below_the_plan(crowded):
    from osmark_plan.report.image.render import _figure

    total = len(crowded.findings)
    fig, listed = _figure(crowded, "ja", False, 40)
    assert 0 < listed < total, (listed, total)
    plan, side, more = fig.axes[:3]
    numbers = sorted(int(t.get_text()) for t in more.texts if t.get_text().isdigit())
    assert numbers == list(range(listed + 1, total + 1)), "every finding not in the panel is listed"
    assert any(f"No. {listed + 1}" in t.get_text() for t in more.texts)
    assert any("下の一覧に続きます" in t.get_text() for t in side.texts)
    assert not any("ほか" in t.get_text() and "続き" not in t.get_text() for t in side.texts)


def test_pdf_gets_further_pages(crowded, tmp_path):
    from osmark_plan.report.image import render_image

    pdf = render_image(crowded, tmp_path / "plan.pdf", lang="en", dpi=40).read_bytes()
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert pages >= 2
