"""The plan as SVG path data, for the HTML reports: serialisable, in drawing units.

Geometry is in metres in the model; here it is turned into drawing units (divided by the
plan's scale, so it lines up with the findings' ``at`` and ``bbox`` of the report document)
with y pointing down (SVG's axis): a point (x, y) of the drawing is (x, -y) in the SVG.
Everything returned is plain data (strings and numbers) a template can write out.
"""

from __future__ import annotations

import math
from typing import Any, Iterable, Sequence

from shapely.geometry.base import BaseGeometry

from .image.graph import anchor, polygons
from .room_marks import RoomMarks, is_glazing, room_marks

#: how many steps of the output grid the larger side of the plan has (coordinates are rounded)
GRID_STEPS = 20000
#: share of the plan size added around it
MARGIN = 0.04
#: a finding marker's radius as a share of the plan size (``frame_part``'s marker scale × 10)
MARKER_RADIUS = 10 / 700


class Frame:
    """Metres to SVG user units: divide by ``scale``, flip y, round to ``digits`` decimals."""

    def __init__(self, bounds_m: tuple[float, float, float, float], scale: float):
        self.scale = scale or 1.0
        x0, y0, x1, y1 = (v / self.scale for v in bounds_m)
        size = max(x1 - x0, y1 - y0, 1e-9)
        pad = MARGIN * size
        self.size = size + 2 * pad
        self.viewbox = (x0 - pad, -(y1 + pad), (x1 - x0) + 2 * pad, (y1 - y0) + 2 * pad)
        step = size / GRID_STEPS
        self.digits = max(0, -math.floor(math.log10(step))) if step > 0 else 3

    def num(self, v: float) -> str:
        return fmt(v, self.digits)

    def xy(self, x: float, y: float) -> tuple[float, float]:
        """A point in metres as SVG user units (not rounded)."""
        return (x / self.scale, -y / self.scale)

    def pt(self, x: float, y: float) -> str:
        return f"{self.num(x / self.scale)} {self.num(-y / self.scale)}"

    def lines(self, geoms: Iterable[BaseGeometry]) -> str:
        """Path data of (multi)line geometries (polygons: their rings, closed)."""
        out = []
        for g in geoms:
            if g is None or g.is_empty:
                continue
            if g.geom_type in ("Polygon", "MultiPolygon"):
                out.append(self.area(g))
                continue
            for part in getattr(g, "geoms", [g]):
                coords = list(part.coords) if not part.is_empty else []
                if len(coords) >= 2:
                    out.append("M" + "L".join(self.pt(x, y) for x, y, *_ in coords))
        return "".join(out)

    def area(self, geom: BaseGeometry) -> str:
        """Path data of a (multi)polygon, holes included (draw with fill-rule evenodd)."""
        out = []
        for poly in polygons(geom):
            if poly.is_empty:
                continue
            for ring in (poly.exterior, *poly.interiors):
                coords = list(ring.coords)
                if len(coords) >= 3:
                    out.append("M" + "L".join(self.pt(x, y) for x, y, *_ in coords[:-1]) + "Z")
        return "".join(out)



def fmt(v: float, digits: int) -> str:
    """A number with at most ``digits`` decimals, trailing zeros dropped."""
    text = f"{v:.{digits}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def svg_box(bbox: Sequence[float] | None, digits: int) -> list[str] | None:
    """A bbox in drawing units (x0, y0, x1, y1) as SVG x, y, width, height (strings)."""
    if not bbox:
        return None
    x0, y0, x1, y1 = bbox
    return [fmt(x0, digits), fmt(-y1, digits), fmt(x1 - x0, digits), fmt(y1 - y0, digits)]


def svg_at(at: Sequence[float] | None, digits: int) -> list[str] | None:
    """A point in drawing units as SVG x, y (strings)."""
    if not at:
        return None
    return [fmt(at[0], digits), fmt(-at[1], digits)]


def plan_bounds(geoms: Iterable[BaseGeometry]) -> tuple[float, float, float, float]:
    """Extent of the geometries in metres ((0, 0, 2, 1) when there is nothing)."""
    import numpy as np
    import shapely

    arr = np.array([g for g in geoms if g is not None and not g.is_empty], dtype=object)
    if not len(arr):
        return (0.0, 0.0, 2.0, 1.0)
    b = shapely.bounds(arr)
    return (float(np.nanmin(b[:, 0])), float(np.nanmin(b[:, 1])),
            float(np.nanmax(b[:, 2])), float(np.nanmax(b[:, 3])))


def label_size(frame: Frame, geom: BaseGeometry, text: str) -> float:
    """Font size (user units) for a room's label: fits the room's box, within limits."""
    x0, y0, x1, y1 = (v / frame.scale for v in geom.bounds)
    chars = max(len(text), 3)
    fit = min((x1 - x0) / (chars * 0.95), (y1 - y0) / 3.2)
    return max(min(fit, frame.size / 55), frame.size / 260)


def region_items(report: Any) -> list[tuple[str, int | None, str | None, BaseGeometry]]:
    """(id, level, name, polygon) of what the plan fills: the site's regions, else the zones."""
    site = report.site
    if site is not None:
        items = [(r.id, r.level, r.name, r.polygon) for r in site.regions]
    else:
        items = [(z.id, z.level, z.name, z.polygon) for z in report.plan.zones]
    return sorted(items, key=lambda item: -item[3].area)


def plan_part(report: Any) -> dict[str, Any]:
    """The plan of a checked report as SVG path data and labels, in drawing units."""
    plan, site = report.plan, report.site
    geoms: list[BaseGeometry] = [ln.geom for ln in plan.lines] + [z.polygon for z in plan.zones]
    geoms += [d.chord for d in plan.doors] + [a.polygon for a in plan.areas]
    geoms += [c.polygon for c in plan.cabinets] + [d.polygon for d in plan.devices]
    if site is not None:
        geoms += [site.aa] + [r.polygon for r in site.regions]
    frame = Frame(plan_bounds(geoms), plan.scale)
    return {"frame": frame_part(frame), **shapes_part(report, frame)}


def frame_part(frame: Frame) -> dict[str, Any]:
    x, y, w, h = frame.viewbox
    return {"viewbox": " ".join(frame.num(v) for v in (x, y, w, h)), "size": frame.size,
            "digits": frame.digits,
            "width": w, "height": h, "marker": frame.num(frame.size / 700),
            "hatch": frame.num(frame.size / 140), "bar": scale_bar(frame)}


def scale_bar(frame: Frame) -> dict[str, str]:
    """A round length in metres, about a fifth of the plan, at its bottom left."""
    width_m = frame.viewbox[2] * frame.scale
    length = next((n for n in (100, 50, 20, 10, 5, 2, 1, 0.5) if n <= width_m / 5), 0.2)
    x, y, w, h = frame.viewbox
    x0, y0 = x + 0.02 * w, y + h - 0.02 * h
    return {"d": f"M{frame.num(x0)} {frame.num(y0)}h{frame.num(length / frame.scale)}",
            "x": frame.num(x0 + length / frame.scale / 2), "y": frame.num(y0 - 0.008 * h),
            "font": frame.num(frame.size / 90), "text": f"{length:g} m"}


def shapes_part(report: Any, frame: Frame) -> dict[str, Any]:
    plan, site = report.plan, report.site
    by_kind: dict[str, list[BaseGeometry]] = {}
    for line in plan.lines:
        kind = "glazing" if is_glazing(line) else line.kind
        by_kind.setdefault(kind if kind in ("wall", "partition", "window", "glazing") else "other",
                           []).append(line.geom)
    regions = []
    for rid, level, name, geom in region_items(report):
        text = name or rid
        x, y = frame.xy(*anchor(geom))
        regions.append({"id": rid, "level": level, "name": text, "d": frame.area(geom),
                        "x": frame.num(x), "y": frame.num(y),
                        "font": frame.num(label_size(frame, geom, text + " L3"))})
    doors: dict[str, str] = {"leaf": frame.lines(d.outline for d in plan.doors if d.outline is not None)}
    gaps: dict[str, str] = {}
    if site is not None:
        linked = {ln.door.id for ln in site.links if ln.door is not None}
        linked |= {door.id for door, _ in site.stray_doors}
        doors["door"] = frame.lines([ln.chord for ln in site.links if ln.door is not None and not ln.entrance]
                                    + [d.chord for d in plan.doors if d.id not in linked])
        doors["opening"] = frame.lines(ln.chord for ln in site.links if ln.door is None and not ln.entrance)
        doors["entrance"] = frame.lines(ln.chord for ln in site.links if ln.entrance)
        doors["stray"] = frame.lines(door.chord for door, _ in site.stray_doors)
        all_gaps = list(site.zone_gaps) + list(site.aa_gaps)
        gaps["partition"] = frame.lines(g.geom for g in all_gaps if g.kind == "partition-only")
        gaps["open"] = frame.lines(g.geom for g in all_gaps if g.kind != "partition-only")
        aa = frame.area(site.aa) if not site.aa.is_empty else ""
    else:
        doors["door"] = frame.lines(d.chord for d in plan.doors)
        aa = "".join(frame.area(a.polygon) for a in plan.areas)
    return {
        "aa": aa,
        "regions": regions,
        "lines": {kind: frame.lines(geoms) for kind, geoms in by_kind.items()},
        "doors": doors,
        "gaps": gaps,
        "cabinets": [{"id": c.id, "level": c.level, "name": c.name, "d": frame.area(c.polygon)}
                     for c in plan.cabinets],
        "devices": [{"id": d.id, "kind": d.kind, "name": d.name, "d": frame.area(d.polygon)}
                    for d in plan.devices],
        "marks": marks_part(room_marks(report), frame),
    }


def marks_part(marks: RoomMarks, frame: Frame) -> dict[str, Any]:
    """Rooms split at a doorway drawn as a gap (the cuts, a tag beside each) and rooms holding
    another room's name (their outline, the other names where they stand), in SVG units."""
    tag_font = frame.size / 75
    tags = []
    for chord in marks.splits:
        (x0, y0), (x1, y1) = chord.coords[0][:2], chord.coords[-1][:2]
        length = max(math.hypot(x1 - x0, y1 - y0), 1e-9)
        nx, ny = -(y1 - y0) / length, (x1 - x0) / length  # across the cut
        side = abs(nx) > abs(ny)  # a cut running up and down: the tag to its side
        off = (0.7 if side else 1.0) * tag_font * frame.scale
        x, y = frame.xy((x0 + x1) / 2 + nx * off, (y0 + y1) / 2 + ny * off)
        anchor_at = ("start" if nx > 0 else "end") if side else "middle"
        tags.append({"x": frame.num(x), "y": frame.num(y), "anchor": anchor_at})
    shapes = dict(marks.merged)
    names = []
    for n in marks.names:
        x, y = frame.xy(*n.at)
        font = min(label_size(frame, shapes[n.region], f"＋{n.name}（統合?）"), frame.size / 90)
        # just below where the name stands: a finding's marker is often on that spot
        y += MARKER_RADIUS * frame.size * 1.2 + 0.6 * font
        names.append({"name": n.name, "region": n.region, "x": frame.num(x), "y": frame.num(y),
                      "font": frame.num(font)})
    return {"split": frame.lines(marks.splits), "tags": tags, "tag_font": frame.num(tag_font),
            "merged": [{"id": rid, "d": frame.area(geom)} for rid, geom in marks.merged],
            "names": names}


def markers(items: Sequence[tuple[int, list[str] | None]], radius_units: float) -> list[dict[str, Any]]:
    """Offsets for numbered markers: markers closer than a marker's size are spread on a ring
    around their spot (grid hash: each marker looks at its own and the 8 cells around it).

    ``items``: (number, [x, y] as strings or None). Returns one dict per placed marker with
    the spot and the offset (in marker radii) of its circle.
    """
    cell = radius_units * 2.2
    grid: dict[tuple[int, int], list[int]] = {}
    spots: list[tuple[float, float]] = []
    groups: list[list[int]] = []
    out = []
    for number, at in items:
        if not at:
            continue
        x, y = float(at[0]), float(at[1])
        key = (int(math.floor(x / cell)), int(math.floor(y / cell)))
        group = None
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                for g in grid.get((key[0] + dx, key[1] + dy), ()):
                    sx, sy = spots[g]
                    if abs(sx - x) < cell and abs(sy - y) < cell:
                        group = g
                        break
                if group is not None:
                    break
            if group is not None:
                break
        if group is None:
            group = len(spots)
            spots.append((x, y))
            groups.append([])
            grid.setdefault(key, []).append(group)
        groups[group].append(len(out))
        out.append({"n": number, "x": at[0], "y": at[1], "dx": 0.0, "dy": 0.0})
    for members in groups:
        if len(members) < 2:
            continue
        for k, i in enumerate(members):
            dx, dy = ring_offset(k, len(members))
            out[i]["dx"], out[i]["dy"] = dx, dy
    return out


def ring_offset(k: int, count: int) -> tuple[float, float]:
    """Offset (in marker radii) of the ``k``-th of ``count`` markers sharing a spot: rings of
    6, 12, 18 … around it, each ring's markers spread evenly."""
    ring, first = 1, 0
    while k >= first + 6 * ring:
        first += 6 * ring
        ring += 1
    on_ring = min(6 * ring, count - first)
    angle = 2 * math.pi * (k - first) / on_ring - math.pi / 2
    return (round(2.4 * ring * math.cos(angle), 3), round(2.4 * ring * math.sin(angle), 3))


def thumbnail_svg(report: Any, width: int = 160, height: int = 110) -> str:
    """A small SVG of the plan for the batch index: regions by level, the application area's
    outline and a dot at each error finding; no text, coordinates in whole pixels."""
    from .image.style import LEVEL_COLOURS, OUTSIDE_COLOUR, SEVERITY_COLOURS, UNKNOWN_COLOUR

    items = region_items(report)
    site = report.site
    geoms = [g for *_, g in items] + ([site.aa] if site is not None else [])
    x0, y0, x1, y1 = plan_bounds(geoms)
    k = min(width / max(x1 - x0, 1e-9), height / max(y1 - y0, 1e-9)) * 0.94
    ox = (width - (x1 - x0) * k) / 2 - x0 * k
    oy = (height + (y1 - y0) * k) / 2 + y0 * k

    def d(geom: BaseGeometry) -> str:
        parts = []
        simple = geom.simplify(1.0 / k, preserve_topology=False)
        for poly in polygons(simple):
            for ring in (poly.exterior, *poly.interiors):
                pts = [f"{x * k + ox:.0f} {oy - y * k:.0f}" for x, y, *_ in ring.coords[:-1]]
                if len(pts) >= 3:
                    parts.append("M" + "L".join(pts) + "Z")
        return "".join(parts)

    body = [f'<rect width="{width}" height="{height}" fill="{OUTSIDE_COLOUR}"/>']
    for _rid, level, _name, geom in items:
        colour = LEVEL_COLOURS.get(level, UNKNOWN_COLOUR) if level is not None else UNKNOWN_COLOUR
        body.append(f'<path d="{d(geom)}" fill="{colour}" fill-rule="evenodd" stroke="#555" '
                    f'stroke-width=".4"/>')
    if site is not None and not site.aa.is_empty:
        body.append(f'<path d="{d(site.aa)}" fill="none" stroke="#000" stroke-width="1.2"/>')
    for f in report.findings:
        if f.severity == "error" and f.at is not None:
            body.append(f'<circle cx="{f.at[0] * k + ox:.0f}" cy="{oy - f.at[1] * k:.0f}" r="3.2" '
                        f'fill="{SEVERITY_COLOURS["error"]}" stroke="#000" stroke-width=".6"/>')
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="thumb" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" role="img">{"".join(body)}</svg>')
