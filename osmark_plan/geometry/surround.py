"""What closes round a point: the face of the plan's line work that holds it (EQP001, EQP002).

5.4.1 細則(1) accepts an output device in the open area or by an entrance when panels
(ローパーテーション) surround it. Whether something surrounds a device is geometry: the line
work that stands round it (walls, low partitions, windows, cabinets and door thresholds) is
noded, every loose end is bridged to the nearest other line work within ``max_gap`` (a
doorway), and the faces are polygonized. The face holding the device is what surrounds it.

A closed face is not yet an enclosure: the space round the device must not be a place
people pass through. It must hold no entrance of the application area, have at most one way
in (a door or a bridged gap), stay inside the device's own region and not be the whole open
area. :class:`Surround` says which of these holds, so a finding can name what encloses the
device or what is missing. Everything is vectorised (STRtree queries, one noding and one
polygonize over the line work near the devices).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely
from shapely import STRtree
from shapely.geometry import MultiPolygon, Polygon, box
from shapely.geometry.base import BaseGeometry

from ..model import OUTSIDE
from .site import Site

#: how far round a device outside the application area its surroundings are looked for (m)
OUTSIDE_REACH = 20.0
#: grid the line work is noded on (m): snap rounding keeps bridges joined to what they meet
NODING_GRID = 1e-6
#: a bridged gap shorter than this (m) is a drawing join, not a way in
MIN_WAY = 0.1
#: the face may reach this far (m) past its region's outline (walls drawn off the zone outline)
REGION_SLACK = 0.5
#: share of the open area a face may cover and still be an enclosure in it
WHOLE_OPEN_AREA = 0.9

#: kinds of line work that close a face, in the order messages name them
CLOSER_KINDS = ("wall", "partition", "window", "cabinet", "door")


@dataclass(frozen=True)
class Surround:
    """The space round one point and whether it encloses the point."""

    #: the face of the line work holding the point; None when nothing closes round it
    face: Polygon | None = None
    #: kinds of line work on the face's outline (CLOSER_KINDS order)
    closed_by: tuple[str, ...] = ()
    #: names of the doors on its outline
    doors: tuple[str, ...] = ()
    #: widths (m) of the gaps bridged on its outline (ways in that no door closes)
    gaps: tuple[float, ...] = ()
    #: labels of the entrances of the application area on its outline
    entrances: tuple[str, ...] = ()
    #: ids of other regions the face runs on into
    leaks_into: tuple[str, ...] = ()
    #: the face covers (nearly) the whole open area
    whole_open_area: bool = False

    @property
    def ways(self) -> int:
        """Ways into the face: doors and bridged gaps."""
        return len(self.doors) + len(self.gaps)

    @property
    def reason(self) -> str | None:
        """Why the point is not enclosed, or None when it is.

        ``not-closed``: no face closes round it with gaps of at most a doorway;
        ``entrance``: the face opens onto an entrance; ``leak``: it runs on into other
        regions; ``whole-open-area``; ``passage``: more than one way in.
        """
        if self.face is None:
            return "not-closed"
        if self.entrances:
            return "entrance"
        if self.leaks_into:
            return "leak"
        if self.whole_open_area:
            return "whole-open-area"
        if self.ways > 1:
            return "passage"
        return None

    @property
    def enclosed(self) -> bool:
        return self.reason is None


def _closers(site: Site) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Line work that closes a face: geometries, kinds and names (door names, else "")."""
    plan = site.plan
    geoms: list[BaseGeometry] = []
    kinds: list[str] = []
    names: list[str] = []
    for line in plan.lines:
        geoms.append(line.geom)
        kinds.append(line.kind)
        names.append("")
    for cabinet in plan.cabinets:
        geoms.append(cabinet.polygon.exterior)
        kinds.append("cabinet")
        names.append(cabinet.name or cabinet.id)
    for door in plan.doors:
        geoms.append(door.chord)
        kinds.append("door")
        names.append(door.name or door.id)
    return np.array(geoms, dtype=object), np.array(kinds, dtype=object), np.array(names, dtype=object)


def _windows(site: Site, points: np.ndarray, regions: list[str]) -> BaseGeometry:
    """Where to look: each point's region (its bounds), or a reach round a point outside."""
    boxes = []
    for (x, y), node in zip(points.tolist(), regions):
        region = site.region(node)
        if region is None:
            boxes.append(box(x - OUTSIDE_REACH, y - OUTSIDE_REACH, x + OUTSIDE_REACH, y + OUTSIDE_REACH))
        else:
            x0, y0, x1, y1 = region.polygon.bounds
            boxes.append(box(min(x0, x), min(y0, y), max(x1, x), max(y1, y)))
    return shapely.union_all(boxes)


def _bridges(noded: np.ndarray, max_gap: float) -> np.ndarray:
    """Segments joining each loose end of the noded line work to the nearest other piece
    within ``max_gap`` (pieces touching the end's own piece are not "other")."""
    if not len(noded) or max_gap <= 0:
        return np.empty(0, dtype=object)
    first = shapely.get_point(noded, 0)
    last = shapely.get_point(noded, -1)
    ends = np.concatenate([first, last])
    owner = np.concatenate([np.arange(len(noded)), np.arange(len(noded))])
    xy = np.round(shapely.get_coordinates(ends), 6)
    _, inverse, counts = np.unique(xy, axis=0, return_inverse=True, return_counts=True)
    loose = counts[inverse.ravel()] == 1
    closed = shapely.is_closed(noded)
    loose &= ~np.concatenate([closed, closed])
    ends, owner = ends[loose], owner[loose]
    if not len(ends):
        return np.empty(0, dtype=object)
    tree = STRtree(noded)
    e_idx, p_idx = tree.query(ends, predicate="dwithin", distance=max_gap + 1e-6)
    own = p_idx == owner[e_idx]
    # pieces that touch the loose end's own stretch are its neighbours along the same line
    touching = shapely.distance(noded[owner[e_idx]], noded[p_idx]) <= NODING_GRID * 10
    keep = ~own & ~touching
    e_idx, p_idx = e_idx[keep], p_idx[keep]
    if not len(e_idx):
        return np.empty(0, dtype=object)
    dist = shapely.distance(ends[e_idx], noded[p_idx])
    order = np.lexsort((dist, e_idx))
    e_idx, p_idx, dist = e_idx[order], p_idx[order], dist[order]
    best = np.r_[True, e_idx[1:] != e_idx[:-1]]
    e_idx, p_idx, dist = e_idx[best], p_idx[best], dist[best]
    lines = shapely.shortest_line(ends[e_idx], noded[p_idx])
    lines = lines[dist > NODING_GRID * 10]
    # two loose ends facing each other bridge to each other: keep one of the two
    keys = np.round(shapely.get_coordinates(shapely.normalize(lines)).reshape(-1, 4), 4)
    _, first_of = np.unique(keys, axis=0, return_index=True)
    return lines[np.sort(first_of)]


def _straight_pieces(network: BaseGeometry) -> np.ndarray:
    """The noded line work as straight two-point segments (so that a loose end's own piece is
    its last straight stretch, not the whole polyline it ends)."""
    if network.is_empty:
        return np.empty(0, dtype=object)
    parts = shapely.get_parts(network)
    parts = parts[np.isin(shapely.get_type_id(parts), (1, 2))]
    coords, owner = shapely.get_coordinates(parts, return_index=True)
    same = owner[:-1] == owner[1:]
    starts, ends = coords[:-1][same], coords[1:][same]
    keep = np.any(starts != ends, axis=1)
    return shapely.linestrings(np.stack([starts[keep], ends[keep]], axis=1))


def _faces(geoms: np.ndarray, max_gap: float) -> tuple[np.ndarray, np.ndarray]:
    """Polygonized faces of the line work (loose ends bridged) and the bridges made."""
    noded = _straight_pieces(shapely.union_all(geoms, grid_size=NODING_GRID))
    bridges = _bridges(noded, max_gap)
    if not len(noded):
        return np.empty(0, dtype=object), bridges
    network = shapely.union_all(np.concatenate([noded, bridges]), grid_size=NODING_GRID)
    faces = shapely.get_parts(shapely.polygonize(shapely.get_parts(network)))
    return faces, bridges


def _on_outline(outline: BaseGeometry, geoms: np.ndarray, share: float = 0.5,
                tree: STRtree | None = None) -> np.ndarray:
    """Which line geometries lie along ``outline`` for at least ``share`` of their length
    (only those the outline's band touches are measured: ``tree`` indexes ``geoms``)."""
    out = np.zeros(len(geoms), dtype=bool)
    if not len(geoms):
        return out
    band = outline.buffer(0.02)
    near = (tree or STRtree(geoms)).query(band, predicate="intersects")
    if not len(near):
        return out
    lengths = shapely.length(geoms[near])
    covered = shapely.length(shapely.intersection(geoms[near], band))
    out[near] = (lengths > 0) & (covered >= share * lengths - 1e-9)
    return out


def surroundings(site: Site, points, max_gap: float) -> list[Surround]:
    """The space round each point (metres) and whether it encloses the point."""
    pts = np.asarray(points, dtype=float).reshape(-1, 2)
    if not len(pts):
        return []
    regions = site.regions_at(pts.tolist())
    geoms, kinds, names = _closers(site)
    if not len(geoms):
        return [Surround() for _ in range(len(pts))]
    window = _windows(site, pts, regions).buffer(max_gap + 1.0)
    near = STRtree(geoms).query(window, predicate="intersects")
    geoms, kinds, names = geoms[near], kinds[near], names[near]
    faces, bridges = _faces(geoms, max_gap)
    if not len(faces):
        return [Surround() for _ in range(len(pts))]
    p_idx, f_idx = STRtree(faces).query(shapely.points(pts), predicate="within")
    face_of = dict(zip(p_idx.tolist(), f_idx.tolist()))
    open_area = shapely.union_all([r.polygon for r in site.regions if r.level == 0]) if site.regions else None
    trees = (STRtree(geoms), STRtree(bridges) if len(bridges) else None)
    out = []
    described: dict[tuple[int, str], Surround] = {}  # many points share one face (a big open area)
    for i, node in enumerate(regions):
        f = face_of.get(i)
        if f is None:
            out.append(Surround())
            continue
        if (f, node) not in described:
            described[(f, node)] = _describe(site, faces[f], node, geoms, kinds, names, bridges, open_area, trees)
        out.append(described[(f, node)])
    return out


def _describe(site: Site, face: Polygon, node: str, geoms: np.ndarray, kinds: np.ndarray,
              names: np.ndarray, bridges: np.ndarray, open_area: BaseGeometry | None,
              trees: tuple[STRtree | None, STRtree | None] = (None, None)) -> Surround:
    """What closes a face, its ways in, and what it opens onto."""
    outline = face.exterior
    on = _on_outline(outline, geoms, tree=trees[0])
    found = set(kinds[on].tolist())
    closed_by = tuple(k for k in CLOSER_KINDS if k in found)
    doors = tuple(sorted(set(names[on & (kinds == "door")].tolist())))
    gap_on = _on_outline(outline, bridges, share=0.9, tree=trees[1]) if len(bridges) else np.zeros(0, dtype=bool)
    gaps = _gap_widths(bridges[gap_on])
    entrances = []
    reach = face.buffer(site.tolerances.get("wall_tolerance", 0.15))
    for link in site.entrances:
        if link.chord.intersection(reach).length >= 0.5 * link.chord.length:
            entrances.append(link.door.name or link.id if link.door is not None else link.id)
    return Surround(face=face, closed_by=closed_by, doors=doors, gaps=gaps,
                    entrances=tuple(entrances), leaks_into=_leaks(site, face, node),
                    whole_open_area=_whole_open(face, node, site, open_area))


def _gap_widths(bridges: np.ndarray) -> tuple[float, ...]:
    """Widths of the ways in that bridges make: bridges meeting one another are one gap."""
    bridges = bridges[shapely.length(bridges) >= MIN_WAY] if len(bridges) else bridges
    if not len(bridges):
        return ()
    groups = shapely.get_parts(shapely.union_all(shapely.buffer(bridges, 0.01)))
    owner = STRtree(groups).query(bridges, predicate="intersects")
    widths: dict[int, float] = {}
    for b, g in zip(owner[0].tolist(), owner[1].tolist()):
        widths[g] = max(widths.get(g, 0.0), float(shapely.length(bridges[b])))
    return tuple(sorted(round(w, 2) for w in widths.values()))


def _leaks(site: Site, face: Polygon, node: str) -> tuple[str, ...]:
    """Regions (or OUTSIDE) other than the point's own that hold a real part of the face."""
    own = site.region(node)
    if own is not None:
        home = own.polygon.buffer(REGION_SLACK)
    else:
        home = site.aa.buffer(-REGION_SLACK) if not site.aa.is_empty else Polygon()
        spill = face.intersection(home).area if not home.is_empty else 0.0
        return ("AA",) if spill > max(1.0, 0.1 * face.area) else ()
    beyond = face.difference(home)
    if beyond.area <= max(1.0, 0.1 * face.area):
        return ()
    parts = [g for g in getattr(beyond, "geoms", [beyond]) if isinstance(g, (Polygon, MultiPolygon))]
    points = [g.representative_point() for g in parts if g.area > 0.25]
    return tuple(sorted({r for r in site.regions_at([(p.x, p.y) for p in points]) if r != node}))


def _whole_open(face: Polygon, node: str, site: Site, open_area: BaseGeometry | None) -> bool:
    """The face covers the whole open area (for a point in the open area)."""
    if node == OUTSIDE or site.level_of(node) != 0 or open_area is None or open_area.is_empty:
        return False
    return face.intersection(open_area).area >= WHOLE_OPEN_AREA * open_area.area
