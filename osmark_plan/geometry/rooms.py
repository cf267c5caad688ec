"""Rooms from walls: when a drawing has no zone polygons, its rooms are the faces of the wall line work.

All steps are vectorised (shapely 2 arrays, STRtree queries, numpy), never pairwise loops, and
each fails soft (:mod:`.soft`: a failed step is a repair and the rest goes on):

1. line work: walls, partitions and windows, plus each door's threshold chord, so that a room
   does not leak through a doorway and the swing never bites a wedge out of it;
2. the wall ends (:mod:`.wall_ends`): hairline gaps bridged (each a repair); door chords joined
   to every wall face within ``wall_tolerance`` and carried to their jamb; walls drawn as
   outlines joined to the wall they stop short of; doorless doorways (two aligned ends, line
   ends or outline caps, 0.6–2.5 m apart with nothing between) sealed by a chord that the
   builder turns into an opening (ENC001 reports it on a security zone); façade gaps with
   nothing drawn in them closed as glazing (:mod:`.facade`);
3. node and polygonize; drop the thin faces between the two lines of a double-line wall, wall
   mass drawn as outlines (:mod:`.wall_bodies`), columns and tiny faces (< 1 m²), and closed
   faces that are no room to a person's eye (:mod:`.not_rooms`: objects, window bays, strips);
   unlabelled islands with no door (furniture) are filled into their room;
4. two names in one face: cut at the gap between them (:mod:`.room_split`);
5. name each room by the label inside it (:mod:`.room_names`); its level comes from a level
   word in a label, else the zone table (exact names, then glob patterns; ``"*"`` also matches
   unnamed rooms), else it is open area and listed as assumed open.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import shapely
from shapely.geometry import LineString, Polygon

from ..config import GEOMETRY_DEFAULTS, ROOM_GEOMETRY_DEFAULTS, Config
from ..messages import say
from ..model import Label, Line, Plan, Repair, Source, Zone
from ..config import OUTSIDE_LEVEL
from ..naming import parse_level, table_level
from .linework import simplified
from .room_names import candidates, inside, name_rooms, usable_labels
from .room_split import gap_chords, gap_repair, split_rooms
from .soft import soft
from .not_rooms import not_rooms
from .facade import facade_repairs
from .wall_bodies import body_ends, corner_ends, wall_bodies
from .wall_ends import CAP_REACH, cap_bridges, door_joins, doorways, facade_closers, hairline_bridges
from ..user_regex import user_pattern

#: the source layer given to rooms found from walls
ROOMS_LAYER = "(rooms from walls)"
#: the source layer given to the lines closing façade gaps
FACADE_LAYER = "(façade closed)"
#: faces smaller than this (m²) are columns, shafts or slivers, not rooms
MIN_ROOM_AREA = 1.0
#: a labelled face is kept down to this area (m²): a labelled cupboard is a room
MIN_LABELLED_AREA = 0.25
#: faces whose maximum inscribed circle is narrower than this radius (m) are wall cores
THIN_RADIUS = 0.2
#: a face narrower than this on average (2·area/perimeter, m) is the inside of a wall
BAND_WIDTH = 0.5
#: grid (m) of the snap-rounding overlay that nodes the line work
GRID = 1e-4


@dataclass(frozen=True)
class Rooms:
    """Rooms found from the walls, and what was done to find them."""

    zones: tuple[Zone, ...]
    repairs: tuple[Repair, ...]
    #: chords sealing doorless doorways (openings in the access graph)
    doorways: tuple[LineString, ...]
    #: faces of the line work before thin and tiny ones were dropped
    faces: int
    #: lines closing the façade across gaps with nothing drawn (glazing: closers, no passage)
    facades: tuple[LineString, ...] = ()


def find_rooms(plan: Plan, zone_table: dict[str, int] | None = None, snap_tolerance: float = 0.05,
               wall_tolerance: float = 0.15, lock_pattern: str | None = None) -> Rooms:
    """The rooms of a plan from its wall, partition and window line work and its doors."""
    line_objs = [ln for ln in plan.lines if not ln.geom.is_empty and ln.geom.length > 0]
    if not line_objs:
        return Rooms((), (), (), 0)
    geoms = shapely.remove_repeated_points(np.array([ln.geom for ln in line_objs], dtype=object))
    sources = [ln.source for ln in line_objs]
    is_wall = np.array([ln.kind != "window" for ln in line_objs])
    chords = np.array([d.chord for d in plan.doors if d.chord.length > 0], dtype=object)

    repairs: list[Repair] = []
    bridges, bridge_repairs = soft("bridges", lambda: hairline_bridges(geoms, sources, snap_tolerance),
                                   lambda: ([], []), repairs)
    repairs += bridge_repairs
    joins = soft("bridges", lambda: door_joins(chords, geoms, max(wall_tolerance, snap_tolerance)),
                 list, repairs)
    if joins:
        repairs.append(Repair(what="door thresholds joined to walls", gap_m=round(max(
            float(j.length) for j in joins), 4), detail=say(
                f"{len(joins)} door chord ends extended to the wall face so that rooms close at the doors",
                f"部屋が扉の位置で閉じるよう、扉の敷居線の端 {len(joins)} 箇所を壁面まで延ばしました")))
    blockers = np.concatenate([geoms, chords, np.array(bridges, dtype=object)]) if len(chords) or bridges \
        else geoms
    wall_objs = [ln for ln, w in zip(line_objs, is_wall.tolist()) if w]
    body = soft("doorways", lambda: _outline_ends(wall_objs, geoms[is_wall]), lambda: None, repairs)
    capped = soft("bridges", lambda: cap_bridges(body, geoms[is_wall]), list, repairs)
    if capped:
        blockers = np.concatenate([blockers, np.array(capped, dtype=object)])
        repairs.append(Repair(what="bridged wall gaps", gap_m=round(max(float(c.length) for c in capped), 4),
                              detail=say(f"{len(capped)} walls drawn as outlines stopping short of the wall they "
                                         f"meet joined to it (gaps up to {CAP_REACH * 100:.0f} cm)",
                                         f"外形で描かれた壁が手前で止まっている箇所 {len(capped)} か所を、突き当たる壁まで"
                                         f"つなぎました（{CAP_REACH * 100:.0f} cm 以下の隙間）")))
    ways = soft("doorways", lambda: doorways(geoms[is_wall], blockers, chords, geoms[~is_wall], body),
                list, repairs)
    facades = soft("facade", lambda: facade_closers(geoms[is_wall], wall_objs, blockers, body, ways), list,
                   repairs)
    repairs += facade_repairs(facades)

    work = np.concatenate([geoms, chords, np.array(bridges + capped + joins + ways + facades, dtype=object)])
    lock_rx = user_pattern(lock_pattern, "lock_pattern") if lock_pattern else None
    usable = usable_labels(plan.labels, plan.layers)
    cands = candidates(usable, lock_rx)
    level_labels = [lb for lb in usable if parse_level(lb.text) is not None]
    faces = soft("faces", lambda: _faces(work), lambda: np.empty(0, dtype=object), repairs)
    # a doorway drawn as a plain gap beside a free wall end: when two names share a face, the
    # free wall ends in it are extended across their gap to the next wall (and re-faced once)
    name_pts = np.array([c.label.point for c in cands if c.reading.name], dtype=object)
    gaps = soft("gap-doorways", lambda: gap_chords(geoms[is_wall], faces, name_pts, chords), list,
                repairs) if len(faces) else []
    if gaps:
        before = faces
        faces = soft("gap-doorways", lambda: _faces(np.concatenate([work, np.array(gaps, dtype=object)])),
                     lambda: before, repairs)
        if faces is not before:
            ways = ways + gaps
            repairs += [gap_repair(g) for g in gaps]
    n_faces = len(faces)
    if not n_faces:
        return Rooms((), tuple(repairs), tuple(ways), 0, tuple(facades))

    area = shapely.area(faces)
    perim = shapely.length(faces)
    thin = np.zeros(n_faces, dtype=bool)
    maybe = np.flatnonzero(2 * area / np.maximum(perim, 1e-12) < 2 * THIN_RADIUS)
    if len(maybe):
        # (a face is a polygon from polygonize; should GEOS still refuse, the mean half-width
        # 2·area/perimeter, an upper bound of the inscribed radius, decides)
        thin[maybe] = soft("thin-faces",
                           lambda: shapely.length(shapely.maximum_inscribed_circle(faces[maybe], tolerance=0.01))
                           < THIN_RADIUS,
                           lambda: 2 * area[maybe] / np.maximum(perim[maybe], 1e-12) < THIN_RADIUS, repairs)

    # texts that can name or number a room, and the face each lies in
    face_tree = shapely.STRtree(faces)

    def face_of(labels: list[Label]) -> np.ndarray:
        out = np.full(len(labels), -1, dtype=int)
        if labels:
            li, fi = face_tree.query(np.array([lb.point for lb in labels], dtype=object), predicate="within")
            out[li] = fi
        return out

    name_face = face_of([c.label for c in cands])
    labelled = np.zeros(n_faces, dtype=bool)
    labelled[name_face[name_face >= 0]] = True
    material = soft("wall-bodies", lambda: wall_bodies(line_objs, geoms, faces),
                    lambda: np.zeros(n_faces, dtype=bool), repairs) & ~labelled
    # the wall mass itself: a face whose mean width (2·area/perimeter) is a wall's, however
    # wide its widest spot (a wall network drawn as one outline, columns and all, whose holes
    # are the rooms), is wall material unless a name lies in it
    material |= (2 * area / np.maximum(perim, 1e-12) < BAND_WIDTH) & ~labelled

    keep = ~thin & ~material & ((area >= MIN_ROOM_AREA) | (labelled & (area >= MIN_LABELLED_AREA)))
    # objects, window bays and outer strips: closed, but no room to a person's eye
    passes = np.concatenate([chords, np.array(ways, dtype=object)]) if len(chords) or ways else None
    dropped, note = soft("not-rooms", lambda: not_rooms(faces, keep & ~labelled, line_objs, geoms, passes,
                                                         wall_tolerance),
                         lambda: (np.zeros(n_faces, dtype=bool), None), repairs)
    keep &= ~dropped
    if note is not None:
        repairs.append(note)
    kept = np.flatnonzero(keep)
    if not len(kept):
        return Rooms((), tuple(repairs), tuple(ways), n_faces, tuple(facades))
    polys = soft("islands", lambda: _fill_islands(faces, kept, labelled, chords, ways, wall_tolerance),
                 lambda: [shapely.polygons(shapely.get_exterior_ring(f)) for f in faces[kept]], repairs)

    # two names in one room: a doorway drawn as a plain gap; cut there
    room_of = inside(cands, polys)
    names_in = [[c.label.point for c, k in zip(cands, room_of.tolist()) if k == r and c.reading.name]
                for r in range(len(polys))]
    unsplit = polys
    polys, cuts, cut_repairs = soft("split", lambda: split_rooms(unsplit, names_in),
                                    lambda: (unsplit, [], []), repairs)
    repairs += cut_repairs
    ways = ways + cuts
    room_of = inside(cands, polys, [lb.point for lb in usable])
    best, number, names, shares = name_rooms(polys, cands, room_of, zone_table or {})
    label_level: dict[int, int] = {}
    if level_labels:
        li, ri = shapely.STRtree(np.asarray(polys, dtype=object)).query(
            np.array([lb.point for lb in level_labels], dtype=object), predicate="within")
        for lab, r in sorted(zip(li.tolist(), ri.tolist())):
            label_level.setdefault(r, int(parse_level(level_labels[lab].text)))  # type: ignore[arg-type]

    order = sorted(range(len(polys)), key=lambda k: (-round(polys[k].representative_point().y, 1),
                                                      round(polys[k].representative_point().x, 1)))
    zones = []
    source = Source(ROOMS_LAYER)
    for n, k in enumerate(order, start=1):
        if k in label_level:
            level, src = label_level[k], "label"
        else:
            keys = names[k] + ([number[k]] if number[k] else [])
            level = table_level(zone_table or {}, keys or [""])
            src = "table"
            if level is None:
                level, src = 0, "assumed-open"
        if level == OUTSIDE_LEVEL:
            continue  # the zone table says this room is not part of the application area
        zones.append(Zone(f"R{n}", polys[k], level, best[k], source, src, number[k], shares[k]))
    return Rooms(tuple(zones), tuple(repairs), tuple(ways), n_faces, tuple(facades))


def _outline_ends(lines: list[Line], geoms: np.ndarray):  # type: ignore[no-untyped-def]
    """The ends of walls drawn as outlines: their caps and their square outer corners."""
    caps, corners = body_ends(lines, geoms), corner_ends(lines, geoms)
    return tuple(np.concatenate([c, k]) for c, k in zip(caps, corners))


def _faces(work: np.ndarray) -> np.ndarray:
    """Faces of the line work, noded by snap-rounding on a 0.1 mm grid (T-junctions that
    floating point would miss)."""
    noded = shapely.union_all(work, grid_size=GRID)
    return np.asarray(shapely.get_parts(shapely.polygonize(shapely.get_parts(noded))), dtype=object)


def _fill_islands(faces: np.ndarray, kept: np.ndarray, labelled: np.ndarray, chords: np.ndarray,
                  ways: list[LineString], wall_tolerance: float) -> list[Polygon]:
    """The kept faces as rooms: unlabelled islands inside another kept face with no door or
    doorway on their edge (furniture, free-standing objects) are filled into their room."""
    shells = shapely.polygons(shapely.get_exterior_ring(faces[kept]))
    ci, fi = shapely.STRtree(faces[kept]).query(shells, predicate="contains")
    inner_pairs = ci != fi
    ci, fi = ci[inner_pairs], fi[inner_pairs]
    passes = np.concatenate([chords, np.array(ways, dtype=object)]) if len(chords) or ways else None
    by_door = np.zeros(len(kept), dtype=bool)
    if passes is not None and len(passes):
        hit, _g = shapely.STRtree(passes).query(faces[kept], predicate="dwithin", distance=wall_tolerance)
        by_door[hit] = True
    furniture = np.zeros(len(kept), dtype=bool)
    island = np.unique(fi)
    furniture[island] = ~labelled[kept[island]] & ~by_door[island]
    inner_rooms: dict[int, list[int]] = {}
    for c, f in zip(ci.tolist(), fi.tolist()):
        if not furniture[f]:
            inner_rooms.setdefault(c, []).append(f)
    polys = []
    for k in np.flatnonzero(~furniture).tolist():
        shell = shells[k]
        if k in inner_rooms:
            shell = shell.difference(shapely.union_all(faces[kept[inner_rooms[k]]]))
        # collinear vertices (where hatch or cross lines met the outline) removed: fewer points
        # for every later step, the same room
        polys.append(shapely.simplify(shell, GRID))
    return polys


def with_rooms(plan: Plan, config: Config) -> Plan:
    """The plan with rooms found from its walls as its zones, when it has no zone polygons.

    Its line work is simplified below the wall tolerance first (also when zones are drawn:
    the enclosure checks pair the same lines)."""
    failed: list[Repair] = []
    read = plan
    plan = soft("simplify", lambda: simplified(read), lambda: read, failed)
    plan = replace(plan, rooms_built=True, repairs=plan.repairs + tuple(failed))
    if plan.zones or not plan.lines_of("wall", "partition"):
        return plan
    geometry = {**GEOMETRY_DEFAULTS, **ROOM_GEOMETRY_DEFAULTS, **dict(config.geometry)}
    failed = []
    rooms = soft("rooms", lambda: find_rooms(plan, dict(config.zones), float(geometry["snap_tolerance"]),
                                             float(geometry["wall_tolerance"]), config.lock_pattern),
                 lambda: Rooms((), (), (), 0), failed)
    repairs = plan.repairs + rooms.repairs + tuple(failed)
    if not rooms.zones:
        return replace(plan, repairs=repairs)
    # façade gaps closed as glazing: window line work, so that the enclosure checks see them
    glazing = tuple(Line("window", f, Source(FACADE_LAYER)) for f in rooms.facades)
    return replace(plan, zones=rooms.zones, repairs=repairs, openings=rooms.doorways, rooms_from="walls",
                   lines=plan.lines + glazing)


def assumed_open(plan: Plan) -> tuple[Zone, ...]:
    """Rooms found from the walls that had no level and were taken as open area."""
    return tuple(z for z in plan.zones if z.level_from == "assumed-open")
