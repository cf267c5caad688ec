"""Which unit a drawing is in: $INSUNITS checked against door sizes and extents."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Sequence

from ezdxf import units as ezunits

#: the units a user can choose, in metres per unit
SCALES: dict[str, float] = {"mm": 0.001, "cm": 0.01, "m": 1.0, "in": 0.0254}
#: plausible door widths (m): ideal range and accepted range
DOOR_IDEAL = (0.6, 1.2)
DOOR_ACCEPT = (0.5, 2.0)
#: plausible floor extents (m)
FLOOR_RANGE = (5.0, 300.0)


@dataclass(frozen=True)
class UnitChoice:
    units: str
    scale: float
    source: str
    note: str | None = None
    #: the same note in Japanese
    note_ja: str | None = None


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


def choose(insunits: int | None, door_widths: Sequence[float], extent: float | None,
           override: str | None = None, override_source: str = "--units") -> UnitChoice:
    """Pick the drawing unit.

    door_widths are in drawing units; extent is the larger side of the drawing's extents
    in drawing units. override (from --units or the config) wins over everything.
    """
    if override:
        return UnitChoice(override, SCALES[override], override_source)
    declared = declared_unit(insunits)
    median = _median(door_widths)
    if declared:
        name, scale = declared
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
            return UnitChoice(guess, SCALES[guess], "doors", (
                f"$INSUNITS says {name}, but doors would then be {median * scale:.3g} m wide; "
                f"assumed {guess}, which makes the median door {median * SCALES[guess]:.2f} m wide."), (
                f"$INSUNITS は {name} ですが、それでは扉の幅が {median * scale:.3g} m になるため、"
                f"{guess} とみなしました（扉の幅の中央値 {median * SCALES[guess]:.2f} m）。"))
        return UnitChoice(name, scale, "$INSUNITS")
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
