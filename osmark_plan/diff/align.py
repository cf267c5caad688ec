"""Rigid alignment of drawing B onto drawing A, estimated from their wall line work.

Rotation: the dominant wall direction of each drawing (a length-weighted histogram of segment
directions modulo 90°), giving four candidates θ + k·90°. Translation: a vote over differences
of wall end points, refined by a few rounds of nearest-end-point fitting (ICP, Kabsch). A
candidate is accepted only when the aligned walls coincide well (the score); the identity is
kept when it fits as well, so drawings in the same frame are never moved.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import numpy as np
import shapely
from shapely import STRtree

from ..model import Plan
from .model import Alignment

#: distance (m) within which wall points count as lying on the other drawing's walls
NEAR = 0.1
#: minimum score for a motion to be accepted
MIN_SCORE = 0.6
#: how much an alignment must beat the drawings as drawn by to be applied
GAIN = 0.01
#: translation vote bin (m)
BIN = 0.05
#: end points used per drawing in the vote (a deterministic sample when there are more)
MAX_VOTE_POINTS = 1200
#: sampled wall points per drawing for the score
MAX_SCORE_POINTS = 6000


def line_work(plan: Plan) -> np.ndarray:
    """The wall lines of a plan (all line work when it has no walls, else zone outlines)."""
    geoms = [ln.geom for ln in plan.lines_of("wall")]
    if not geoms:
        geoms = [ln.geom for ln in plan.lines]
    if not geoms:
        geoms = [z.polygon.exterior for z in plan.zones] + [a.polygon.exterior for a in plan.areas]
    return np.array([g for g in geoms if not g.is_empty], dtype=object)


def segments(lines: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Start and end points (N×2 each) of every straight piece of the lines."""
    if len(lines) == 0:
        return np.zeros((0, 2)), np.zeros((0, 2))
    coords, index = shapely.get_coordinates(lines, return_index=True)
    same = index[1:] == index[:-1]
    return coords[:-1][same], coords[1:][same]


def dominant_angle(start: np.ndarray, end: np.ndarray) -> float | None:
    """The length-weighted dominant direction modulo 90°, in degrees (None without segments)."""
    d = end - start
    length = np.hypot(d[:, 0], d[:, 1])
    keep = length > 1e-6
    if not keep.any():
        return None
    ang = np.degrees(np.arctan2(d[keep, 1], d[keep, 0])) % 90.0
    w = length[keep]
    hist, _ = np.histogram(ang, bins=180, range=(0.0, 90.0), weights=w)
    # circular smoothing over neighbouring bins, then the peak
    smooth = hist + np.roll(hist, 1) + np.roll(hist, -1)
    peak = (np.argmax(smooth) + 0.5) * 0.5
    near = np.abs((ang - peak + 45.0) % 90.0 - 45.0) <= 1.5
    # a weighted circular mean with period 90° (angles times 4 on the unit circle)
    z = np.sum(w[near] * np.exp(1j * np.radians(ang[near] * 4.0)))
    return float(np.degrees(np.angle(z)) / 4.0 % 90.0)


def rotate(points: np.ndarray, degrees: float) -> np.ndarray:
    t = np.radians(degrees)
    c, s = np.cos(t), np.sin(t)
    return np.column_stack([c * points[:, 0] - s * points[:, 1], s * points[:, 0] + c * points[:, 1]])


def _sample(points: np.ndarray, n: int) -> np.ndarray:
    if len(points) <= n:
        return points
    rng = np.random.default_rng(12345)
    return points[np.sort(rng.choice(len(points), n, replace=False))]


def _votes(a: np.ndarray, b: np.ndarray, top: int = 3) -> list[np.ndarray]:
    """The most voted translations taking points ``b`` onto points ``a``."""
    diff = (a[:, None, :] - b[None, :, :]).reshape(-1, 2)
    keys = np.round(diff / BIN).astype(np.int64)
    packed = keys[:, 0] * 4_000_003 + keys[:, 1]
    uniq, inverse, counts = np.unique(packed, return_inverse=True, return_counts=True)
    order = np.argsort(-counts, kind="stable")[:top]
    return [diff[inverse == k].mean(axis=0) for k in order]


def _kabsch(src: np.ndarray, dst: np.ndarray) -> tuple[float, np.ndarray]:
    """Rotation (degrees) and translation best taking ``src`` onto ``dst`` (least squares)."""
    cs, cd = src.mean(axis=0), dst.mean(axis=0)
    h = (src - cs).T @ (dst - cd)
    angle = np.degrees(np.arctan2(h[0, 1] - h[1, 0], h[0, 0] + h[1, 1]))
    t = cd - rotate(cs[None, :], angle)[0]
    return float(angle), t


def _refine(a_pts: np.ndarray, a_tree: STRtree, b_pts: np.ndarray, angle: float,
            t: np.ndarray) -> tuple[float, np.ndarray]:
    """A few rounds of nearest-end-point fitting from a first guess."""
    for radius in (0.5, 0.25, 0.1, 0.05, 0.02):
        moved = rotate(b_pts, angle) + t
        pairs = a_tree.query_nearest(shapely.points(moved), max_distance=radius, all_matches=False)
        if pairs.shape[1] < 3:
            break
        angle, t = _kabsch(b_pts[pairs[0]], a_pts[pairs[1]])
    return angle, t


def _score_points(lines: np.ndarray) -> np.ndarray:
    total = float(shapely.length(lines).sum()) if len(lines) else 0.0
    if total <= 0:
        return np.zeros((0, 2))
    step = max(0.2, total / MAX_SCORE_POINTS)
    return shapely.get_coordinates(shapely.segmentize(lines, step))


def coincidence(a_tree: STRtree, points: np.ndarray) -> float:
    """Share of ``points`` within :data:`NEAR` of the lines in ``a_tree``."""
    if len(points) == 0:
        return 0.0
    pairs = a_tree.query_nearest(shapely.points(points), max_distance=NEAR, all_matches=False)
    return float(len(np.unique(pairs[0]))) / len(points)


#: a mirrored fit must beat the best unmirrored one by this much (symmetric plans fit both)
MIRROR_MARGIN = 0.1


def estimate(plan_a: Plan, plan_b: Plan) -> Alignment:
    """The rigid motion (or, when it fits clearly better, a mirror image and a rigid motion)
    that lays B's walls onto A's, with its score."""
    lines_a, lines_b = line_work(plan_a), line_work(plan_b)
    sa, ea = segments(lines_a)
    phi_a = dominant_angle(sa, ea)
    if phi_a is None or len(lines_b) == 0:
        return Alignment(attempted=True, status="no-walls", score=0.0, identity_score=0.0)
    tree_a = STRtree(lines_a)
    pts_a = _score_points(lines_a)
    ends_a = np.unique(np.round(np.vstack([sa, ea]), 9), axis=0)
    end_tree = STRtree(shapely.points(ends_a))
    vote_a = _sample(ends_a, MAX_VOTE_POINTS)

    def search(lines: np.ndarray, enough: float = 2.0) -> tuple[tuple[float, float, np.ndarray], float]:
        """The best (score, angle, translation) for B's lines, and the score as drawn (the
        search stops there when that reaches ``enough``)."""
        sb, eb = segments(lines)
        phi_b = dominant_angle(sb, eb)
        if phi_b is None:
            return (0.0, 0.0, np.zeros(2)), 0.0
        tree_b, pts_b = STRtree(lines), _score_points(lines)
        ends_b = np.unique(np.round(np.vstack([sb, eb]), 9), axis=0)
        vote_b = _sample(ends_b, MAX_VOTE_POINTS)

        def score(angle: float, t: np.ndarray) -> float:
            fwd = coincidence(tree_a, rotate(pts_b, angle) + t)
            back = coincidence(tree_b, rotate(pts_a - t, -angle))
            return (fwd + back) / 2.0

        as_drawn = score(0.0, np.zeros(2))
        best = (as_drawn, 0.0, np.zeros(2))
        if as_drawn >= enough:
            return best, as_drawn
        for k in range(4):
            angle = (phi_a - phi_b + 90.0 * k) % 360.0
            for t in _votes(vote_a, rotate(vote_b, angle)):
                ang, tt = _refine(ends_a, end_tree, ends_b, angle, t)
                s = score(ang, tt)
                if s > best[0] + 1e-9:
                    best = (s, ang, tt)
        return best, as_drawn

    # Drawn in place already (the usual pair): a score is at most 1, so nothing can beat the
    # drawings as drawn by GAIN, nor a mirror image them by MIRROR_MARGIN; no search needed.
    best, identity = search(lines_b, enough=1.0 - GAIN)
    if identity >= 1.0 - GAIN:
        return Alignment(attempted=True, status="identity" if identity >= MIN_SCORE else "poor",
                         score=identity, identity_score=identity)
    mirrored, _ = search(shapely.transform(lines_b, lambda xy: xy * np.array([-1.0, 1.0])))
    flip = mirrored[0] >= MIN_SCORE and mirrored[0] > best[0] + MIRROR_MARGIN
    s, ang, t = mirrored if flip else best
    if not flip and (s < MIN_SCORE or s <= identity + GAIN):
        status = "identity" if identity >= MIN_SCORE else "poor"
        return Alignment(attempted=True, status=status, score=identity, identity_score=identity)
    ang = _snap(ang % 360.0)
    return Alignment(rotation=ang, dx=float(t[0]), dy=float(t[1]), score=s, attempted=True,
                     applied=True, identity_score=identity, status="aligned", mirrored=flip)


def _snap(angle: float) -> float:
    nearest = round(angle / 90.0) * 90.0
    return float(nearest % 360.0) if abs(angle - nearest) < 1e-7 else float(angle)


def transform_plan(plan: Plan, alignment: Alignment) -> Plan:
    """A copy of the plan with all geometry moved by the alignment (identity: the plan itself)."""
    if not alignment.applied:
        return plan

    def fn(xy: np.ndarray) -> np.ndarray:
        x, y = alignment.apply(xy[:, 0], xy[:, 1])
        return np.column_stack([x, y])

    def geom(g: Any) -> Any:
        return None if g is None else shapely.transform(g, fn)

    def point(p: tuple[float, float] | None) -> tuple[float, float] | None:
        if p is None:
            return None
        x, y = alignment.apply(np.array([p[0]]), np.array([p[1]]))
        return (float(x[0]), float(y[0]))

    return replace(
        plan,
        lines=tuple(replace(ln, geom=geom(ln.geom)) for ln in plan.lines),
        zones=tuple(replace(z, polygon=geom(z.polygon)) for z in plan.zones),
        areas=tuple(replace(a, polygon=geom(a.polygon)) for a in plan.areas),
        doors=tuple(replace(d, chord=geom(d.chord), outline=geom(d.outline)) for d in plan.doors),
        cabinets=tuple(replace(c, polygon=geom(c.polygon)) for c in plan.cabinets),
        devices=tuple(replace(d, polygon=geom(d.polygon)) for d in plan.devices),
        labels=tuple(replace(lb, point=geom(lb.point)) for lb in plan.labels),
        aisles=tuple(replace(a, geom=geom(a.geom)) for a in plan.aisles),
        assets=tuple(replace(a, point=geom(a.point)) for a in plan.assets),
        windows=tuple(replace(w, geom=geom(w.geom)) for w in plan.windows),
        openings=tuple(geom(o) for o in plan.openings),
        repairs=tuple(replace(r, at=point(r.at)) for r in plan.repairs),
        rejected=tuple(replace(r, at=point(r.at)) for r in plan.rejected),
    )
