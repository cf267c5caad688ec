"""Geometry of the markup, independent of any CAD library: revision clouds and hatch lines.

Everything here works in drawing units. Hatch lines are computed with shapely (one vectorised
intersection per region) for DXF R12 copies, which have no HATCH entity.
"""

from __future__ import annotations

import math

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

#: hatch of each level for R12 copies: (angles in degrees, spacing in metres); open has none
LINE_PATTERNS: dict[int, tuple[tuple[float, ...], float]] = {
    1: ((45.0,), 1.2),
    2: ((45.0, 135.0), 1.0),
    3: ((45.0, 135.0, 0.0), 0.6),
}


def cloud(bbox: tuple[float, float, float, float], margin: float, arc: float,
          max_arcs: int = 240) -> tuple[list[tuple[float, float]], float]:
    """Vertices of a revision cloud around ``bbox`` (grown by ``margin``) and the bulge of its
    arcs: counter-clockwise vertices about ``arc`` apart, arcs bulging outwards."""
    x0, y0, x1, y1 = bbox
    x0, y0, x1, y1 = x0 - margin, y0 - margin, x1 + margin, y1 + margin
    corners = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
    perimeter = 2 * ((x1 - x0) + (y1 - y0))
    step = max(arc, perimeter / max_arcs)
    points: list[tuple[float, float]] = []
    for (ax, ay), (bx, by) in zip(corners, corners[1:] + corners[:1]):
        n = max(1, round(math.hypot(bx - ax, by - ay) / step))
        points += [(ax + (bx - ax) * i / n, ay + (by - ay) * i / n) for i in range(n)]
    return points, -0.6  # negative: clockwise arcs on a counter-clockwise outline bulge outwards


def hatch_lines(geom: BaseGeometry, angles: tuple[float, ...], spacing: float) -> list[np.ndarray]:
    """Parallel lines at ``angles`` (degrees), ``spacing`` apart, clipped to ``geom``; each an
    (n, 2) array of points."""
    if geom.is_empty or spacing <= 0:
        return []
    x0, y0, x1, y1 = geom.bounds
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    half = math.hypot(x1 - x0, y1 - y0) / 2 + spacing
    offsets = np.arange(-half, half + spacing, spacing)
    out: list[np.ndarray] = []
    for angle in angles:
        a = math.radians(angle)
        d = np.array([math.cos(a), math.sin(a)])
        n = np.array([-d[1], d[0]])
        starts = np.array([cx, cy]) + offsets[:, None] * n - half * d
        ends = np.array([cx, cy]) + offsets[:, None] * n + half * d
        lines = shapely.linestrings(np.stack([starts, ends], axis=1))
        clipped = shapely.intersection(lines, geom)
        parts = shapely.get_parts(clipped[~shapely.is_empty(clipped)])
        out += [np.asarray(shapely.get_coordinates(p)) for p in parts
                if p.geom_type == "LineString" and p.length > 0]
    return out
