"""Which unit a drawing is in: $INSUNITS checked against door sizes and extents."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable, Sequence, TypeVar

_T = TypeVar("_T")
Lazy = _T | Callable[[], _T]


def _get(value):  # type: ignore[no-untyped-def]
    """A value given either as is or as a function computing it (costly ones, on demand)."""
    return value() if callable(value) else value

import numpy as np
import shapely
from ezdxf import units as ezunits

#: the units a user can choose, in metres per unit
SCALES: dict[str, float] = {"mm": 0.001, "cm": 0.01, "m": 1.0, "in": 0.0254}
#: plausible door widths (m): ideal range and accepted range
DOOR_IDEAL = (0.6, 1.2)
DOOR_ACCEPT = (0.5, 2.0)
#: plausible floor extents (m)
FLOOR_RANGE = (5.0, 300.0)
#: plausible thickness of a double-line wall (m): ideal and accepted
WALL_IDEAL = 0.15
WALL_ACCEPT = (0.05, 0.6)


#: sheet scales tried when no unit makes the doors plausible (1:N, drawn in mm on the sheet)
SHEET_SCALES = (10, 20, 25, 30, 50, 100, 200, 250, 300, 500)
#: a drawing whose extents are smaller than this (m) in its unit is sheet-sized
SHEET_SIZE = 2.0


@dataclass(frozen=True)
class UnitChoice:
    units: str
    scale: float
    source: str
    note: str | None = None
    #: the same note in Japanese
    note_ja: str | None = None
    #: 1:N sheet scale applied (scale = unit × N), None for full-size drawings
    sheet_scale: int | None = None
    #: True when no plausible real-world scale was found: the checks are unreliable (DWG005 error)
    error: bool = False


def declared_unit(insunits: int | None) -> tuple[str, float] | None:
    """(name, metres per unit) for a $INSUNITS code, None when missing or unitless."""
    if not insunits:
        return None
    try:
        scale = ezunits.conversion_factor(int(insunits), ezunits.M)
        name = ezunits.unit_name(int(insunits))
    except Exception:  # noqa: BLE001 - unknown codes are as good as missing
        return None
    abbrev = {"Inches": "in", "Feet": "ft", "Miles": "mi", "Millimeters": "mm",
              "Centimeters": "cm", "Meters": "m", "Kilometers": "km", "Yards": "yd",
              "Decimeters": "dm", "Microinches": "uin", "Mils": "mil", "Angstroms": "A",
              "Nanometers": "nm", "Microns": "um", "Decameters": "dam", "Hectometers": "hm",
              "Gigameters": "Gm", "Astronomical units": "AU", "Light years": "ly",
              "Parsecs": "pc", "US Survey Feet": "ft(US)", "US Survey Inch": "in(US)",
              "US Survey Yard": "yd(US)", "US Survey Mile": "mi(US)"}
    if not scale or not math.isfinite(scale):
        return None
    return abbrev.get(name, name), float(scale)


def _median(values: Sequence[float]) -> float | None:
    vals = sorted(v for v in values if v > 0 and math.isfinite(v))
    if not vals:
        return None
    n = len(vals)
    return vals[n // 2] if n % 2 else 0.5 * (vals[n // 2 - 1] + vals[n // 2])


def _in(value: float, bounds: tuple[float, float]) -> bool:
    return bounds[0] <= value <= bounds[1]


def _by_doors(median: float) -> str | None:
    """The unit that makes the median door width plausible (closest to 0.9 m)."""
    ok = [(abs(math.log(median * s / 0.9)), u) for u, s in SCALES.items()
          if _in(median * s, DOOR_ACCEPT)]
    return min(ok)[1] if ok else None


def _by_extents(size: float) -> str | None:
    for unit in ("mm", "m", "cm"):
        if _in(size * SCALES[unit], FLOOR_RANGE):
            return unit
    return None


def wall_thickness(segments: np.ndarray) -> float | None:
    """Median spacing of double-line walls, in drawing units, from wall LINE segments (n, 4).

    Pairs parallel segments that face each other (overlapping along their length) closer than
    half the median segment length; the smallest positive spacing of each segment counts.
    None when fewer than 8 segments have such a partner (single-line walls).
    """
    if len(segments) < 8:
        return None
    a, b = segments[:, :2], segments[:, 2:]
    d = b - a
    length = np.hypot(d[:, 0], d[:, 1])
    ok = length > 0
    a, b, d, length = a[ok], b[ok], d[ok], length[ok]
    if len(a) < 8:
        return None
    u = d / length[:, None]
    reach = 0.5 * float(np.median(length))
    tree = shapely.STRtree(shapely.linestrings(np.stack([a, b], axis=1)))
    i, j = tree.query(shapely.linestrings(np.stack([a, b], axis=1)), predicate="dwithin", distance=reach)
    keep = i < j
    i, j = i[keep], j[keep]
    parallel = np.abs(np.einsum("ij,ij->i", u[i], u[j])) > 0.995
    i, j = i[parallel], j[parallel]
    if not len(i):
        return None
    normal = np.column_stack([-u[i, 1], u[i, 0]])
    gap = np.abs(np.einsum("ij,ij->i", a[j] - a[i], normal))
    # overlap of j's projection on i's line with i itself
    t0 = np.einsum("ij,ij->i", a[j] - a[i], u[i])
    t1 = np.einsum("ij,ij->i", b[j] - a[i], u[i])
    overlap = np.minimum(np.maximum(t0, t1), length[i]) - np.maximum(np.minimum(t0, t1), 0)
    facing = (gap > 1e-9) & (overlap > 0.5 * np.minimum(length[i], length[j]))
    i, j, gap = i[facing], j[facing], gap[facing]
    if len(gap) < 4:
        return None
    best = np.full(len(a), np.inf)
    np.minimum.at(best, i, gap)
    np.minimum.at(best, j, gap)
    found = best[np.isfinite(best)]
    return float(np.median(found)) if len(found) >= 8 else None


def _by_walls(thickness: float) -> str | None:
    """The unit that makes the double-line wall thickness plausible (closest to 0.15 m)."""
    ok = [(abs(math.log(thickness * s / WALL_IDEAL)), u) for u, s in SCALES.items()
          if _in(thickness * s, WALL_ACCEPT)]
    return min(ok)[1] if ok else None


def _by_sheet(median: float, base: float) -> int | None:
    """The sheet scale 1:N that makes the median door width plausible (closest to 0.9 m)."""
    ok = [(abs(math.log(median * base * n / 0.9)), n) for n in SHEET_SCALES
          if _in(median * base * n, DOOR_ACCEPT)]
    return min(ok)[1] if ok else None


def choose(insunits: int | None, door_widths: Sequence[float], extent: "Lazy[float | None]",
           override: str | None = None, override_source: str = "--units",
           scale_text: int | None = None, sheet: int | None = None,
           walls: "Lazy[float | None]" = None, scale_from: tuple[str, str] | None = None) -> UnitChoice:
    """Pick the drawing unit.

    door_widths are in drawing units; extent is the larger side of the drawing's extents
    in drawing units; walls the double-line wall thickness in drawing units (used when there
    are no doors). override (from --units or the config) wins over everything; ``sheet``
    (``scale = 100`` in the config) multiplies it. ``scale_text`` is the 1:N read from a
    title text (``S=1/100``), used when the doors or extents show a sheet-scale drawing;
    ``scale_from`` says where it was read (English, Japanese), by default a scale text.
    ``extent`` and ``walls`` may be functions, called only when needed.

    A declared $INSUNITS that the walls or the extents confirm as real size is never replaced
    by a sheet scale, whatever the doors look like.
    """
    if sheet:
        unit = override or (declared_unit(insunits) or ("mm", 0.001))[0]
        base = SCALES.get(unit, 0.001)
        return UnitChoice(unit if unit in SCALES else "mm", base * sheet,
                          override_source if override else "config", sheet_scale=sheet)
    if override:
        return UnitChoice(override, SCALES[override], override_source)
    choice = _choose(insunits, door_widths, extent, walls)
    return _sheet_check(choice, insunits, door_widths, extent, scale_text, walls, scale_from)


def _real_size(scale: float, extent: "Lazy[float | None]", walls: "Lazy[float | None]",
               small_doors: bool) -> tuple[str, str] | None:
    """Why a unit is real size (English, Japanese): plausible double-line walls, or (when the
    doors are too small, as door symbols of a legend) a drawing the size of a floor; None when
    neither says so."""
    w = _get(walls)
    if w is not None and _in(w * scale, WALL_ACCEPT):
        return (f"its double-line walls are then {w * scale:.2f} m thick",
                f"二重線の壁の厚さが {w * scale:.2f} m になる")
    size = _get(extent) if small_doors else None
    if size and _in(size * scale, FLOOR_RANGE):
        return f"the drawing is then {size * scale:.3g} m across", f"図面の大きさが {size * scale:.3g} m になる"
    return None


def _sheet_check(choice: UnitChoice, insunits: int | None, door_widths: Sequence[float],
                 extent: "Lazy[float | None]", scale_text: int | None,
                 walls: "Lazy[float | None]" = None,
                 scale_from: tuple[str, str] | None = None) -> UnitChoice:
    """A drawing at sheet scale (doors a few mm wide): apply a stated 1:N, else guess one and
    say so as an error with the setting that fixes it."""
    median = _median(door_widths)
    doors_ok = median is not None and _in(median * choice.scale, DOOR_ACCEPT)
    if doors_ok:
        return choice
    declared = declared_unit(insunits)
    if declared and declared[0] in SCALES and choice.source == "$INSUNITS":
        small = median is not None and median * declared[1] < DOOR_ACCEPT[0]
        why = _real_size(declared[1], extent, walls, small)
        if why is not None:
            if median is None:
                return choice
            return UnitChoice(choice.units, choice.scale, "$INSUNITS", (
                f"doors are {median:.3g} {declared[0]} wide, which is no real door width, but $INSUNITS "
                f"({declared[0]}) was kept because {why[0]}; no sheet scale was applied. Check what the "
                f"door layers hold."), (
                f"扉の幅が {median:.3g} {declared[0]} で実際の扉の幅ではありませんが、$INSUNITS（{declared[0]}）"
                f"では{why[1]}ため、そのまま採用しました（縮尺は掛けていません）。扉のレイヤの内容を確認してください。"))
    extent = _get(extent)
    # a sheet is drawn in paper units: the declared unit if it gives real doors, else mm
    bases = [declared] if declared and declared[0] in SCALES else []
    bases.append(("mm", 0.001))
    unit, base = bases[-1]
    for cand in bases:
        n = scale_text or (_by_sheet(median, cand[1]) if median is not None else None)
        if n and (median is None or _in(median * cand[1] * n, DOOR_ACCEPT)):
            unit, base = cand
            break
    sheet_sized = bool(extent) and extent * base < SHEET_SIZE  # type: ignore[operator]
    if median is None and not (scale_text and sheet_sized):
        return choice
    if scale_text and (median is None or _in(median * base * scale_text, DOOR_ACCEPT)):
        size = (extent or 0) * base * scale_text
        what = (f"doors are {median:.3g} units wide" if median is not None
                else f"the drawing is {(extent or 0) * base:.3g} m across in {unit}")
        what_ja = (f"扉の幅が {median:.3g} 単位" if median is not None
                   else f"図面の大きさが {unit} で {(extent or 0) * base:.3g} m")
        door = f"; doors then {median * base * scale_text:.2f} m wide" if median is not None else ""
        door_ja = f"、扉の幅 {median * base * scale_text:.2f} m" if median is not None else ""
        said, said_ja = scale_from or ("its scale text says", "縮尺の文字")
        across = f"drawing {size:.3g} m across" if extent else ""
        across_ja = f"図面の大きさ {size:.3g} m" if extent else ""
        extra = ", ".join(x for x in (across, door.lstrip("; ")) if x)
        extra_ja = "、".join(x for x in (across_ja, door_ja.lstrip("、")) if x)
        return UnitChoice(unit, base * scale_text, "scale-text", (
            f"the drawing is at sheet scale ({what}); {said} 1:{scale_text}, so one "
            f"{unit} on the sheet was taken as {base * scale_text:g} m ({extra})."), (
            f"図面が用紙上の縮尺で描かれています（{what_ja}）。{said_ja} 1/{scale_text} から、用紙上の"
            f"1 {unit} を {base * scale_text:g} m とみなしました（{extra_ja}）。"),
            sheet_scale=scale_text)
    if median is None:
        return choice
    n = _by_sheet(median, base)
    if n is None:
        return UnitChoice(choice.units, choice.scale, choice.source, (
            f"doors are {median:.3g} units wide, which no unit ({', '.join(SCALES)}) nor sheet scale "
            f"makes a real door width; the distances in this report are unreliable. Give the unit "
            f"with --units, or units and scale (1:N) in osmark.toml."), (
            f"扉の幅が {median:.3g} 単位で、どの単位（{', '.join(SCALES)}）や縮尺でも実際の扉の幅に"
            f"なりません。この結果の距離は信頼できません。--units、または osmark.toml の units と"
            f" scale（1/N の N）で指定してください。"), error=True)
    return UnitChoice(unit, base * n, "doors", (
        f"the drawing seems to be at sheet scale: doors are {median:.3g} units wide, which no "
        f"unit makes a real door width; assumed 1:{n} in {unit} (doors {median * base * n:.2f} m "
        f"wide). If that is right, confirm it with units = \"{unit}\" and scale = {n} in "
        f"osmark.toml; otherwise give the right unit and scale."), (
        f"図面が用紙上の縮尺で描かれているようです。扉の幅が {median:.3g} 単位で、どの単位でも"
        f"実際の扉の幅になりません。{unit} で 1/{n} とみなしました（扉の幅 {median * base * n:.2f} m）。"
        f"正しければ osmark.toml に units = \"{unit}\" と scale = {n} を書いて確定してください。"
        f"違う場合は正しい単位と縮尺を指定してください。"), sheet_scale=n, error=True)


def _choose(insunits: int | None, door_widths: Sequence[float], extent: "Lazy[float | None]",
            walls: "Lazy[float | None]" = None) -> UnitChoice:
    """The unit from $INSUNITS, door widths, wall thickness and extents, without sheet scales."""
    declared = declared_unit(insunits)
    median = _median(door_widths)
    lazy_walls = walls
    if median is None:
        extent, walls = _get(extent), _get(walls)
    if declared:
        name, scale = declared
        if median is None and walls is not None and not _in(walls * scale, WALL_ACCEPT):
            guess = _by_walls(walls)
            if guess:
                return UnitChoice(guess, SCALES[guess], "walls", (
                    f"$INSUNITS says {name}, but walls would then be {walls * scale:.3g} m thick; "
                    f"assumed {guess}, which makes them {walls * SCALES[guess]:.2f} m thick."), (
                    f"$INSUNITS は {name} ですが、それでは壁の厚さが {walls * scale:.3g} m になるため、"
                    f"{guess} とみなしました（壁の厚さ {walls * SCALES[guess]:.2f} m）。"))
        if median is None:
            if extent and extent * scale < 1.0 or extent and extent * scale > 5000:
                guess = _by_extents(extent)
                if guess:
                    return UnitChoice(guess, SCALES[guess], "extents", (
                        f"$INSUNITS says {name}, but the drawing would then be "
                        f"{extent * scale:.3g} m across; assumed {guess}, which makes it "
                        f"{extent * SCALES[guess]:.3g} m across."), (
                        f"$INSUNITS は {name} ですが、それでは図面の大きさが {extent * scale:.3g} m に"
                        f"なるため、{guess} とみなしました（図面の大きさ {extent * SCALES[guess]:.3g} m）。"))
            return UnitChoice(name, scale, "$INSUNITS")
        if _in(median * scale, DOOR_ACCEPT):
            return UnitChoice(name, scale, "$INSUNITS")
        guess = _by_doors(median)
        if guess:
            w = _get(lazy_walls)
            if w is not None and _in(w * scale, WALL_ACCEPT) and not _in(w * SCALES[guess], WALL_ACCEPT):
                return UnitChoice(name, scale, "$INSUNITS")  # the walls confirm $INSUNITS
            also = (f" and the double-line walls {w * SCALES[guess]:.2f} m thick"
                    if w is not None and _in(w * SCALES[guess], WALL_ACCEPT) else "")
            also_ja = (f"、壁の厚さ {w * SCALES[guess]:.2f} m"
                       if w is not None and _in(w * SCALES[guess], WALL_ACCEPT) else "")
            return UnitChoice(guess, SCALES[guess], "doors", (
                f"$INSUNITS says {name}, but doors would then be {median * scale:.3g} m wide; "
                f"assumed {guess}, which makes the median door {median * SCALES[guess]:.2f} m wide{also}."), (
                f"$INSUNITS は {name} ですが、それでは扉の幅が {median * scale:.3g} m になるため、"
                f"{guess} とみなしました（扉の幅の中央値 {median * SCALES[guess]:.2f} m{also_ja}）。"))
        return UnitChoice(name, scale, "$INSUNITS")
    extent, walls = _get(extent), _get(lazy_walls)
    missing = "$INSUNITS is missing" if not insunits else f"$INSUNITS is {insunits} (no unit)"
    missing_ja = "$INSUNITS がありません" if not insunits else f"$INSUNITS が {insunits}（単位なし）です"
    if median is not None:
        guess = _by_doors(median)
        if guess:
            return UnitChoice(guess, SCALES[guess], "doors", (
                f"{missing}; assumed {guess}, which makes the median door "
                f"{median * SCALES[guess]:.2f} m wide."), (
                f"{missing_ja}。扉の幅から {guess} とみなしました（扉の幅の中央値 "
                f"{median * SCALES[guess]:.2f} m）。"))
    if walls is not None and (guess := _by_walls(walls)):
        return UnitChoice(guess, SCALES[guess], "walls", (
            f"{missing}; assumed {guess}, which makes the double-line walls "
            f"{walls * SCALES[guess]:.2f} m thick."), (
            f"{missing_ja}。壁の厚さから {guess} とみなしました（壁の厚さ {walls * SCALES[guess]:.2f} m）。"))
    if extent:
        guess = _by_extents(extent)
        if guess:
            return UnitChoice(guess, SCALES[guess], "extents", (
                f"{missing}; assumed {guess}, which makes the drawing "
                f"{extent * SCALES[guess]:.3g} m across."), (
                f"{missing_ja}。図面の大きさから {guess} とみなしました（図面の大きさ "
                f"{extent * SCALES[guess]:.3g} m）。"))
    guess = "mm" if (extent or 0) > 1000 else "m"
    return UnitChoice(guess, SCALES[guess], "default", (
        f"{missing} and neither doors nor extents tell the unit; assumed {guess}."), (
        f"{missing_ja}。扉や図面の大きさからも単位が分からないため、{guess} とみなしました。"))
