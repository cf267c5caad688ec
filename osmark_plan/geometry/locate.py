"""Locating points in regions, vectorised over an STRtree of region polygons.

Knows nothing of the Site (which holds one of these): anything with ``id`` and ``polygon``
is a region here.
"""

from __future__ import annotations

from typing import Iterable, Protocol, Sequence

import numpy as np
import shapely
from shapely import STRtree
from shapely.geometry.base import BaseGeometry

from ..model import OUTSIDE


class Located(Protocol):
    """What the index needs of a region."""

    id: str
    polygon: BaseGeometry


class RegionIndex:
    """An STRtree over regions answering "which innermost region holds this point"."""

    def __init__(self, regions: Sequence[Located]):
        self.regions = tuple(regions)
        self.tree = STRtree([r.polygon for r in self.regions])
        self.areas = np.array([r.polygon.area for r in self.regions], dtype=float)

    def locate(self, points: Iterable[tuple[float, float]]) -> list[str]:
        """Region id for each point (the smallest region containing it), OUTSIDE where none."""
        coords = np.asarray(list(points), dtype=float).reshape(-1, 2)
        result = [OUTSIDE] * len(coords)
        if not len(coords) or not self.regions:
            return result
        pts = shapely.points(coords)
        hit_pt, hit_region = self.tree.query(pts, predicate="intersects")
        best = np.full(len(coords), np.inf)
        for p, r in zip(hit_pt.tolist(), hit_region.tolist()):
            if self.areas[r] < best[p]:
                best[p] = self.areas[r]
                result[p] = self.regions[r].id
        return result

