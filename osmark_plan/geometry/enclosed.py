"""Is a point enclosed by low partitions (and walls)? Rays cast against the plan's line work.

Used by the output-device rules (EQP001, EQP002): 5.4.1 細則(1) accepts a device in the open
area or near an entrance when panels (ローパーテーション) surround it.
"""

from __future__ import annotations

from typing import Iterable, Sequence

import numpy as np
import shapely
from shapely import STRtree

from ..model import Line


def enclosed(points: Iterable[tuple[float, float]], lines: Sequence[Line], rays: int = 16,
             radius: float = 2.5, coverage: float = 0.75) -> np.ndarray:
    """For each point, whether low partitions (with walls or windows) surround it.

    ``rays`` rays of length ``radius`` are cast from the point at even angles. The point is
    enclosed when at least one ray meets a partition and at least ``coverage`` of the rays
    meet partition, wall or window line work. Vectorised: one STRtree and one bulk query.
    """
    coords = np.asarray(list(points), dtype=float).reshape(-1, 2)
    n = len(coords)
    if n == 0 or not lines or rays <= 0:
        return np.zeros(n, dtype=bool)
    angles = np.arange(rays) * (2 * np.pi / rays)
    dirs = np.column_stack([np.cos(angles), np.sin(angles)]) * radius
    starts = np.repeat(coords, rays, axis=0)
    ends = starts + np.tile(dirs, (n, 1))
    segments = shapely.linestrings(np.stack([starts, ends], axis=1))
    geoms = np.array([line.geom for line in lines], dtype=object)
    is_partition = np.array([line.kind == "partition" for line in lines], dtype=bool)
    ray_idx, line_idx = STRtree(geoms).query(segments, predicate="intersects")
    hit = np.zeros(n * rays, dtype=bool)
    hit[ray_idx] = True
    hit_partition = np.zeros(n * rays, dtype=bool)
    hit_partition[ray_idx[is_partition[line_idx]]] = True
    per_point_hits = hit.reshape(n, rays).sum(axis=1)
    any_partition = hit_partition.reshape(n, rays).any(axis=1)
    return any_partition & (per_point_hits >= coverage * rays - 1e-9)
