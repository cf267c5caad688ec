"""Locating points in regions, vectorised over an STRtree of region polygons."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Sequence

import numpy as np
import shapely
from shapely import STRtree

from ..model import OUTSIDE

if TYPE_CHECKING:
    from .site import Region, Site


class RegionIndex:
    """An STRtree over regions answering "which innermost region holds this point"."""

    def __init__(self, regions: Sequence["Region"]):
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


def region_index(site: "Site") -> RegionIndex:
    """The site's region index, built on first use and kept."""
    index = site.__dict__.get("_region_index")
    if index is None:
        index = RegionIndex(site.regions)
        object.__setattr__(site, "_region_index", index)
    return index


def locate_points(site: "Site", points: Iterable[tuple[float, float]]) -> list[str]:
    """Innermost region id for each point of a site, OUTSIDE where none."""
    return region_index(site).locate(points)
