"""Names and numbers of rooms found from the walls, from the texts inside them.

Which texts may name a room:

- the texts on the room-label layers the config maps; only when the drawing has none, texts on
  the other mapped layers (walls, partitions …), never texts on ignored layers;
- never texts on layers that are switched off or frozen;
- texts inside blocks and ATTRIBs only as :mod:`.name_blocks` allows: a room-name block's on a
  label layer, or holding a room word; never a symbol's (the same text placed many times).

Each text is read line by line (:mod:`osmark_plan.room_words`): names are scored (room words,
text height, nearness to the room's centre); room numbers are kept as the number of the room.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Mapping, NamedTuple

import numpy as np
import shapely
from shapely.geometry import Point, Polygon

from ..model import Label, LayerInfo, Shared
from ..naming import table_level
from ..room_words import Reading, read_label
from .name_blocks import block_texts_ok
from .room_split import SAME_LABEL


@dataclass(frozen=True)
class Candidate:
    """A text that can name or number a room."""

    label: Label
    reading: Reading


def usable_labels(labels: tuple[Label, ...], layers: Mapping[str, LayerInfo]) -> list[Label]:
    """The texts that may name rooms (see the module docstring)."""
    def shown(lb: Label) -> bool:
        info = layers.get(lb.source.layer)
        return info is None or not (info.off or info.frozen)

    visible = [lb for lb in labels if shown(lb)]
    visible = [lb for lb, ok in zip(visible, block_texts_ok(visible)) if ok]
    on_label = [lb for lb in visible if lb.layer_kind == "label"]
    if on_label:
        return on_label
    return [lb for lb in visible if lb.layer_kind != "ignored"]


def candidates(labels: list[Label], lock_rx: re.Pattern[str] | None) -> list[Candidate]:
    """The texts that read as a room name or a room number."""
    out = []
    for lb in labels:
        reading = read_label(lb.lines or (lb.text,), lock_rx)
        if reading.name or reading.number:
            out.append(Candidate(lb, reading))
    return out


#: a name just outside every room names the nearest room within this (m) that holds no text
BESIDE = 1.0


def inside(cands: list[Candidate], polys: list[Polygon], texts: list[Point] | None = None) -> np.ndarray:
    """For each candidate, the index of the room it lies in, or -1: a label names the room it
    lies in, never a neighbour (should rooms overlap, the smallest holding it).

    With ``texts`` (the points of every usable text), a name lying in no room (written just
    beside its room, or on the stair treads of its stairwell) names the nearest room within
    ``BESIDE`` that holds no text of its own; a room with a text inside is never named from
    outside."""
    out = np.full(len(cands), -1, dtype=int)
    if not cands or not polys:
        return out
    arr = np.asarray(polys, dtype=object)
    tree = shapely.STRtree(arr)
    points = np.array([c.label.point for c in cands], dtype=object)
    ci, pi = tree.query(points, predicate="within")
    if len(ci):
        order = np.lexsort((pi, shapely.area(arr)[pi], ci))
        ci, pi = ci[order], pi[order]
        first = np.r_[True, ci[1:] != ci[:-1]]
        out[ci[first]] = pi[first]
    loose = np.flatnonzero((out < 0) & np.array([c.reading.name is not None for c in cands], dtype=bool))
    if texts is None or not len(loose):
        return out
    holding = np.zeros(len(polys), dtype=bool)
    if texts:
        _t, held = tree.query(np.asarray(texts, dtype=object), predicate="within")
        holding[held] = True
    near, dist = tree.query_nearest(points[loose], max_distance=BESIDE, return_distance=True, all_matches=False)
    taken: set[int] = set()
    for (k, room), _d in sorted(zip(near.T.tolist(), dist.tolist()), key=lambda t: t[1]):
        if not holding[room] and room not in taken:
            out[loose[k]] = room
            taken.add(room)
    return out


def _scores(polys: list[Polygon], cands: list[Candidate], room_of: np.ndarray
            ) -> tuple[np.ndarray, np.ndarray]:
    """(score as a name, distance from the centre over the room's size) of each candidate in a
    room: room words, +0.5 when its text is at least as tall as the drawing's usual room name,
    minus that distance."""
    heights = [c.label.height for c in cands if c.reading.name and c.label.height > 0]
    usual = float(np.median(heights)) if heights else 0.0
    score = np.full(len(cands), np.nan)
    off = np.full(len(cands), np.nan)
    for i, (c, k) in enumerate(zip(cands, room_of.tolist())):
        if k < 0:
            continue
        poly = polys[k]
        off[i] = c.label.point.distance(poly.centroid) / max(float(np.sqrt(poly.area)), 1e-9)
        tall = 0.5 if usual and c.label.height >= 0.9 * usual else 0.0
        score[i] = c.reading.score + tall - off[i]
    return score, off


def choose(polys: list[Polygon], cands: list[Candidate], room_of: np.ndarray
           ) -> tuple[list[str | None], list[str | None], list[list[str]]]:
    """(name, number, all names best first) of each room from the candidates inside it (scored
    by :func:`_scores`; the nearest number to the centre)."""
    score, off = _scores(polys, cands, room_of)
    scored: dict[int, list[tuple[float, str]]] = {}
    numbers: dict[int, list[tuple[float, str]]] = {}
    for i, (c, k) in enumerate(zip(cands, room_of.tolist())):
        if k < 0:
            continue
        if c.reading.name:
            scored.setdefault(k, []).append((-float(score[i]), c.reading.name))
        if c.reading.number:
            numbers.setdefault(k, []).append((float(off[i]), c.reading.number))
    names = [[n for _s, n in sorted(scored.get(k, []))] for k in range(len(polys))]
    best = [ns[0] if ns else None for ns in names]
    number = [min(numbers[k])[1] if k in numbers else None for k in range(len(polys))]
    return best, number, names


class Naming(NamedTuple):
    """Per room: its name, number, the names that level it (best first) and the rooms of other
    levels named inside it that could not be split from it."""

    best: list[str | None]
    number: list[str | None]
    names: list[list[str]]
    shares: list[tuple[Shared, ...]]


def name_rooms(polys: list[Polygon], cands: list[Candidate], room_of: np.ndarray,
               table: Mapping[str, int]) -> Naming:
    """Names of the rooms (:func:`choose`); a room holding the names of rooms of different
    levels in the zone table (no wall or door between them was found) takes the highest: its
    name is the best of that level's, the others are its :class:`Shared` rooms. A level-3 room
    is never lowered to the level of a room it runs into."""
    best, number, names = choose(polys, cands, room_of)
    shares: list[tuple[Shared, ...]] = [() for _ in polys]
    if not table:
        return Naming(best, number, names, shares)
    score, _off = _scores(polys, cands, room_of)
    by_room: dict[int, list[int]] = {}
    for i, (c, k) in enumerate(zip(cands, room_of.tolist())):
        if k >= 0 and c.reading.name:
            by_room.setdefault(k, []).append(i)
    for k, members in by_room.items():
        groups = _label_groups(cands, sorted(members, key=lambda i: (-score[i], cands[i].reading.name)))
        if len(groups) < 2:
            continue
        levels = [table_level(table, [cands[i].reading.name or "" for i in g]) for g in groups]
        known = {lv for lv in levels if lv is not None}
        if len(known) < 2:
            continue
        top = max(known)
        kept = [g for g, lv in zip(groups, levels) if lv == top]
        names[k] = [cands[i].reading.name or "" for g in kept for i in g]
        best[k] = names[k][0]
        shares[k] = tuple(Shared(cands[g[0]].reading.name or "", lv, _xy(cands[g[0]].label))
                          for g, lv in zip(groups, levels) if lv is not None and lv != top)
    return Naming(best, number, names, shares)


def _label_groups(cands: list[Candidate], order: list[int]) -> list[list[int]]:
    """Candidates (best first) in groups of one label each: names closer than ``SAME_LABEL`` to
    a group's best are one label (a name and its translation)."""
    groups: list[list[int]] = []
    for i in order:
        p = cands[i].label.point
        home = next((g for g in groups if p.distance(cands[g[0]].label.point) < SAME_LABEL), None)
        if home is None:
            groups.append([i])
        else:
            home.append(i)
    return groups


def _xy(label: Label) -> tuple[float, float]:
    return (round(float(label.point.x), 3), round(float(label.point.y), 3))
