"""The unit a suggested osmark.toml proposes when the reader's unit makes the door swings or
the suggested walls implausible. For swings on any layer: the unit or sheet scale (1:N) that
makes them real doors (:func:`osmark_plan.reader.units.choose`, as the reader does with door
layers). For walls: a unit that makes the floor 5–300 m across and its double lines 5–60 cm
apart (walls as polylines or outlines, which the reader's check of $INSUNITS does not measure),
or, for a floor less than 5 m across, the nearest unit that makes it a floor. A sheet of several
floors side by side may be wider than 300 m: that alone changes nothing. A unit given by the
user (--units, the config) or a sheet scale is kept.
"""

from __future__ import annotations

import math
from typing import Any, Iterable, NamedTuple

from ..reader.units import DOOR_ACCEPT, FLOOR_RANGE, SCALES, WALL_ACCEPT, WALL_IDEAL, choose


class Unit(NamedTuple):
    """A unit to propose, the sheet scale 1:N it is drawn at (None: full size), and why."""

    units: str
    sheet_scale: int | None
    en: str
    ja: str


def _within(value: float | None, bounds: tuple[float, float]) -> bool:
    return value is None or bounds[0] <= value <= bounds[1]


def _size(layers: Iterable[Any]) -> float | None:
    """The larger side (drawing units) of the box holding the layers' lines."""
    boxes = [c.box for c in layers if c.box is not None]
    if not boxes:
        return None
    x0, y0 = min(b[0] for b in boxes), min(b[1] for b in boxes)
    x1, y1 = max(b[2] for b in boxes), max(b[3] for b in boxes)
    return max(x1 - x0, y1 - y0) or None


def _gap(walls: Iterable[Any]) -> float | None:
    """The median double-line spacing (drawing units) of the walls, weighted by their pairs."""
    gaps = sorted((c.gap, c.paired) for c in walls if c.gap)
    half, seen = sum(n for _g, n in gaps) / 2, 0
    for g, n in gaps:
        seen += n
        if seen >= half:
            return float(g)
    return None


def better_unit(plan: Any, walls: Iterable[Any], shown: Iterable[Any], radii: Iterable[float] = ()) -> Unit | None:
    """The unit (and sheet scale) to propose when another than the plan's makes the door swings
    of the drawing (``radii``, drawing units) real doors, or the suggested wall layers and the
    layers shown (their :class:`~osmark_plan.reader.suggest.LayerContent`) a plausible floor;
    None when the plan's unit does, or the user or a sheet scale set it."""
    if plan.units_source in ("--units", "config") or plan.sheet_scale:
        return None
    size, gap = _size(shown), _gap(walls)
    radii = sorted(radii)
    if radii and not DOOR_ACCEPT[0] <= radii[len(radii) // 2] * plan.scale <= DOOR_ACCEPT[1]:
        # door swings drawn at sheet scale (Jw_cad's 1:100 in mm) or in another unit
        choice = choose(None, radii, size, walls=gap)
        if choice.scale != plan.scale and (choice.sheet_scale or not choice.error):
            return Unit(choice.units, choice.sheet_scale, choice.note or "", choice.note_ja or "")
    if size is None:
        return None

    def fits(scale: float) -> tuple[bool, bool]:
        return (_within(size * scale, FLOOR_RANGE), _within(gap * scale if gap else None, WALL_ACCEPT))

    if all(fits(plan.scale)):
        return None
    both = [u for u, sc in SCALES.items() if all(fits(sc))]
    if both:
        unit = min(both, key=lambda u: abs(math.log(gap * SCALES[u] / WALL_IDEAL)) if gap else 0.0)
    else:  # a floor smaller than a room (dozens of rooms in 3 m) is surer than any double line
        floor = [u for u, sc in SCALES.items() if fits(sc)[0]]
        if not floor or size * plan.scale >= FLOOR_RANGE[0]:
            return None
        unit = min(floor, key=lambda u: abs(math.log(SCALES[u] / plan.scale)))
    if SCALES[unit] == plan.scale:
        return None
    now, then = plan.scale, SCALES[unit]
    en = (f"in {plan.units} the floor would be {size * now:.3g} m across"
          + (f" and its double-line walls {gap * now:.3g} m thick" if gap else "")
          + f"; in {unit} {size * then:.3g} m" + (f" and {gap * then:.2f} m" if gap else ""))
    ja = (f"{plan.units} では図面の大きさが {size * now:.3g} m"
          + (f"、二重線の壁の厚さが {gap * now:.3g} m" if gap else "")
          + f" になるため。{unit} では {size * then:.3g} m" + (f"、{gap * then:.2f} m" if gap else ""))
    return Unit(unit, None, en, ja)
