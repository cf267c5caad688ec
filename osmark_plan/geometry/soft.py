"""Geometry steps that fail soft: a GEOS error or a bad shape costs one step, never the check.

Every geometry step of the build (rooms from walls, nesting, gaps, links) runs through
:func:`soft`. When a step raises (a ``GEOSException`` on a collection, a ``ValueError`` on an
empty array, a numerical failure on absurd coordinates), its fallback is used instead, the
failure is recorded as a :class:`~osmark_plan.model.Repair` (``geometry step failed``, REP301)
naming the step and the error, and the check goes on with what could be built. DWG010 reports
such repairs as a finding, so a verdict resting on a partial build is never silent.

Configuration errors, time limits and interrupts are not geometry failures: they pass through.
"""

from __future__ import annotations

import os
from typing import Callable, TypeVar

import numpy as np
import shapely

from ..config_error import ConfigError
from ..messages import say
from ..model import Repair
from ..repairs import GEOMETRY_FAILED

T = TypeVar("T")

#: the ``what`` of a failed step's repair
FAILED = GEOMETRY_FAILED
#: set to "1" to let a failing step raise (for debugging: ``osmark check --debug`` sets it)
RAISE_ENV = "OSMARK_GEOMETRY_RAISE"

#: what each step is, for the user (English, Japanese)
STEPS: dict[str, tuple[str, str]] = {
    "simplify": ("simplifying the line work", "線の単純化"),
    "bridges": ("bridging hairline wall gaps", "壁の細い隙間の接続"),
    "doorways": ("finding doorways without doors", "扉のない出入口の検出"),
    "not-rooms": ("leaving out objects, window bays and strips", "物の外形・窓の張り出し・帯の除外"),
    "facade": ("closing the façade across gaps", "外周の隙間の閉鎖"),
    "faces": ("finding the faces of the line work", "線で囲まれた面の検出"),
    "gap-doorways": ("closing doorways drawn as plain gaps", "開口として描かれた出入口の閉鎖"),
    "thin-faces": ("dropping the thin faces inside double-line walls", "二重線の壁の内側の面の除外"),
    "wall-bodies": ("finding walls drawn as closed outlines", "閉じた外形で描かれた壁の検出"),
    "islands": ("filling furniture islands into their rooms", "家具などの島の部屋への統合"),
    "split": ("splitting rooms that hold two names", "二つの室名を持つ部屋の分割"),
    "rooms": ("finding rooms from the walls", "壁からの部屋の検出"),
    "nesting": ("nesting the zones", "ゾーンの入れ子の判定"),
    "open-area": ("finding the open area", "オープンエリアの算出"),
    "zone-gaps": ("finding gaps in zone boundaries", "ゾーン境界の隙間の検出"),
    "area-gaps": ("finding gaps in the application area's boundary", "申請エリア境界の隙間の検出"),
    "outline-gaps": ("finding gaps in open-area outlines", "オープンエリアの外形の隙間の検出"),
    "door-links": ("joining doors to the rooms on both sides", "扉と両側の部屋の対応付け"),
    "passages": ("finding passages between rooms", "部屋の間の通り抜けの検出"),
}


def failure(step: str, exc: BaseException) -> Repair:
    """The repair recording that ``step`` failed with ``exc``."""
    en, ja = STEPS.get(step, (step, step))
    err = f"{type(exc).__name__}: {str(exc).strip().splitlines()[0] if str(exc).strip() else ''}".rstrip(": ")
    return Repair(what=FAILED, detail=say(f"{en} failed ({err}); the check went on without it",
                                          f"{ja}に失敗しました（{err}）。この処理を除いて検査を続けました"))


def soft(step: str, fn: Callable[[], T], fallback: Callable[[], T], repairs: list[Repair]) -> T:
    """``fn()``, or ``fallback()`` with a repair appended when ``fn`` raises an ordinary error."""
    try:
        return fn()
    except ConfigError:
        raise
    except Exception as exc:  # noqa: BLE001 - any geometry failure: recorded, never a traceback
        if os.environ.get(RAISE_ENV) == "1":
            raise
        repairs.append(failure(step, exc))
        return fallback()


def polygonal(geoms: np.ndarray) -> np.ndarray:
    """Each geometry made valid and reduced to its polygonal part (a Polygon or MultiPolygon,
    empty when nothing polygonal is left): ``make_valid`` may return a GeometryCollection of
    polygons, lines and points, on which area-only GEOS operations raise."""
    if not len(geoms):
        return np.asarray(geoms, dtype=object)
    valid = shapely.make_valid(np.asarray(geoms, dtype=object))
    kind = shapely.get_type_id(valid)
    out = valid.copy()
    mixed = np.flatnonzero(kind == 7)  # GeometryCollection
    if len(mixed):
        # the polygons of each collection as one MultiPolygon (make_valid's parts do not overlap)
        parts, owner = shapely.get_parts(valid[mixed], return_index=True)
        poly = np.isin(shapely.get_type_id(parts), (3, 6))
        flat, sub = shapely.get_parts(parts[poly], return_index=True)  # MultiPolygons into polygons
        merged = np.full(len(mixed), shapely.MultiPolygon(), dtype=object)
        if len(flat):
            holder = owner[poly][sub]
            has, rank = np.unique(holder, return_inverse=True)  # (no gaps in the indices)
            merged[has] = shapely.multipolygons(flat, indices=rank)
        out[mixed] = merged
    other = np.flatnonzero(~np.isin(kind, (3, 6, 7)))  # lines or points only
    out[other] = shapely.MultiPolygon()
    return out
