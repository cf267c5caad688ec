"""Line work, equipment and boundary gaps on the plan image.

Walls, low partitions, windows and façade gaps closed as glazing are told apart by style;
output devices and cabinets are filled outlines with a short tag each (placed by
:mod:`.labels`); the open stretches of zone and AA boundaries (ENC001/ENC002) are thick dashed
segments.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

from shapely.geometry.base import BaseGeometry

from ..room_marks import is_glazing
from .shapes import fill_shapes, hatch_lines, pixel_boxes, shape_paths
from .style import (CABINET_EDGE, DEVICE_COLOUR, GAP_COLOURS, GAP_DASHES, GLAZING_COLOUR,
                          LEVEL_COLOURS, PARTITION_COLOUR, PARTITION_DASHES, UNKNOWN_COLOUR,
                          WALL_COLOUR, WINDOW_COLOUR)

#: objects smaller than this on the image (pixels) also get a marker so they stay visible
MIN_PIXELS = 5.0
#: the hatch's line width (points), as the image's rc sets ``hatch.linewidth``
HATCH_WIDTH = 0.6


@dataclass(frozen=True)
class Tag:
    """A short text naming a drawn object, placed next to it."""

    text: str
    geom: BaseGeometry
    colour: str


def segments(geoms: Iterable[BaseGeometry]) -> list[list[tuple[float, float]]]:
    """The coordinate lists of (multi)line geometries, empty parts left out."""
    segs = []
    for g in geoms:
        for part in getattr(g, "geoms", [g]):
            if not part.is_empty:
                segs.append(list(part.coords))
    return segs


def draw_lines(ax: Any, geoms: Iterable[BaseGeometry], zorder: float, **style: Any) -> Any:
    """A LineCollection of the geometries (None when there is nothing to draw)."""
    from matplotlib.collections import LineCollection

    segs = segments(geoms)
    if not segs:
        return None
    return ax.add_collection(LineCollection(segs, zorder=zorder, **style))


def draw_line_work(ax: Any, plan: Any) -> set[str]:
    """Walls dark and solid, partitions dashed, windows a blue band, façade gaps closed as
    glazing a light glass line ("glazing"); returns the kinds drawn."""
    by_kind: dict[str, list[BaseGeometry]] = {}
    for line in plan.lines:
        by_kind.setdefault("glazing" if is_glazing(line) else line.kind, []).append(line.geom)
    glass = draw_lines(ax, by_kind.get("glazing", []), 2, colors=GLAZING_COLOUR, linewidths=3.0,
                       capstyle="butt")
    if glass is not None:
        glass.set_gid("osm-glazing")
    draw_lines(ax, by_kind.get("window", []), 2, colors=WINDOW_COLOUR, linewidths=2.4,
               capstyle="butt")
    draw_lines(ax, by_kind.get("window", []), 2.05, colors="white", linewidths=0.7,
               capstyle="butt")
    draw_lines(ax, by_kind.get("partition", []), 2.1, colors=PARTITION_COLOUR, linewidths=1.0,
               linestyles=[PARTITION_DASHES])
    draw_lines(ax, by_kind.get("wall", []), 2.2, colors=WALL_COLOUR, linewidths=0.9)
    others = [g for kind, geoms in by_kind.items()
              if kind not in ("wall", "partition", "window", "glazing") for g in geoms]
    draw_lines(ax, others, 2, colors=PARTITION_COLOUR, linewidths=0.5, alpha=0.7)
    return {kind for kind, geoms in by_kind.items() if geoms}


def device_tag(device: Any, words: dict[str, Any]) -> str:
    """'複合機 MFP1' / 'MFP MFP1': the kind's word and the device's name (else its id)."""
    kind = words["devices"].get(str(device.kind).upper(), str(device.kind))
    return f"{kind} {device.name or device.id}"


def cabinet_tag(cabinet: Any, words: dict[str, Any]) -> str:
    """'保管庫 L2 CB1' / 'Cabinet L2 CB1' (L? when the level is unknown)."""
    level = "?" if cabinet.level is None else cabinet.level
    name = f" {cabinet.name}" if cabinet.name else ""
    return f"{words['cabinet']} L{level}{name}"


def draw_equipment(ax: Any, plan: Any, words: dict[str, Any]) -> tuple[list[Any], list[Tag]]:
    """Cabinets (hatched, level colour) and devices (dark orange), one collection per colour;
    returns their window boxes (pixels) and their tags."""
    by_colour: dict[str, list[BaseGeometry]] = {}
    tags: list[Tag] = []
    for cab in plan.cabinets:
        by_colour.setdefault(LEVEL_COLOURS.get(cab.level, UNKNOWN_COLOUR), []).append(cab.polygon)
        tags.append(Tag(cabinet_tag(cab, words), cab.polygon, CABINET_EDGE))
    found = {colour: shape_paths(geoms, holes=False) for colour, geoms in by_colour.items()}
    for colour, geoms in by_colour.items():
        fill_shapes(ax, geoms, 2.6, facecolors=colour, edgecolors="none", found=found[colour])
    cabinets = [c.polygon for c in plan.cabinets]
    hatch_lines(ax, cabinets, 2.6, CABINET_EDGE, HATCH_WIDTH)  # CABINET_HATCH, drawn as lines
    outlines = [(k, path) for colour in by_colour for k, path in found[colour]]
    fill_shapes(ax, cabinets, 2.6, facecolors="none", edgecolors=CABINET_EDGE, linewidths=1.0,
                holes=False, found=outlines)
    devices = [d.polygon for d in plan.devices]
    fill_shapes(ax, devices, 2.7, facecolors=DEVICE_COLOUR, edgecolors="black", linewidths=0.8,
                holes=False)
    tags += [Tag(device_tag(dev, words), dev.polygon, DEVICE_COLOUR) for dev in plan.devices]
    _mark_tiny(ax, plan)
    return pixel_boxes(ax, cabinets + devices), tags


def _mark_tiny(ax: Any, plan: Any) -> None:
    """A square marker on equipment too small to see at the image's scale."""
    import numpy as np
    import shapely

    items = [(c.polygon, LEVEL_COLOURS.get(c.level, UNKNOWN_COLOUR)) for c in plan.cabinets]
    items += [(d.polygon, DEVICE_COLOUR) for d in plan.devices]
    if not items:
        return
    bounds = shapely.bounds(np.array([g for g, _ in items], dtype=object))
    px = ax.transData.transform(bounds[:, :2]), ax.transData.transform(bounds[:, 2:])
    size = np.maximum(abs(px[1][:, 0] - px[0][:, 0]), abs(px[1][:, 1] - px[0][:, 1]))
    tiny = [i for i in np.flatnonzero(size < MIN_PIXELS)]
    if tiny:
        xs = (bounds[tiny, 0] + bounds[tiny, 2]) / 2
        ys = (bounds[tiny, 1] + bounds[tiny, 3]) / 2
        ax.scatter(xs, ys, s=16, marker="s", c=[items[i][1] for i in tiny], edgecolors="black",
                   linewidths=0.6, zorder=2.8)


def draw_gaps(ax: Any, site: Any) -> set[str]:
    """Open boundary stretches red, partition-only ones orange, thick and dashed; kinds drawn."""
    gaps = list(site.zone_gaps) + list(site.aa_gaps)
    drawn = set()
    for kind, colour in GAP_COLOURS.items():
        geoms = [g.geom for g in gaps if (g.kind == kind) or
                 (kind == "open" and g.kind not in GAP_COLOURS)]
        if draw_lines(ax, geoms, 3.6, colors=colour, linewidths=3.6, linestyles=[GAP_DASHES],
                      capstyle="butt") is not None:
            drawn.add(kind)
    return drawn
