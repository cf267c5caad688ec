"""Names and numbers of rooms found from the walls, from the texts inside them.

Which texts may name a room:

- the texts on the room-label layers the config maps; only when the drawing has none, texts on
  the other mapped layers (walls, partitions …), never texts on ignored layers;
- never texts on layers that are switched off or frozen;
- never texts inside blocks (furniture, symbols, title blocks) unless the block sits on a label
  layer (a room tag).

Each text is read line by line (:mod:`osmark_plan.room_words`): names are scored (room words,
text height, nearness to the room's centre); room numbers are kept as the number of the room.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Mapping

import numpy as np
import shapely
from shapely.geometry import Polygon

from ..model import Label, LayerInfo
from ..room_words import Reading, read_label


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
    on_label = [lb for lb in visible if lb.layer_kind == "label"]
    if on_label:
        return on_label
    return [lb for lb in visible if lb.layer_kind != "ignored" and lb.source.block is None]


def candidates(labels: list[Label], lock_rx: re.Pattern[str] | None) -> list[Candidate]:
    """The texts that read as a room name or a room number."""
    out = []
    for lb in labels:
        reading = read_label(lb.lines or (lb.text,), lock_rx)
        if reading.name or reading.number:
            out.append(Candidate(lb, reading))
    return out


def inside(cands: list[Candidate], polys: list[Polygon]) -> np.ndarray:
    """For each candidate, the index of the room it lies in, or -1."""
    out = np.full(len(cands), -1, dtype=int)
    if not cands or not polys:
        return out
    ci, pi = shapely.STRtree(np.asarray(polys, dtype=object)).query(
        np.array([c.label.point for c in cands], dtype=object), predicate="within")
    out[ci] = pi
    return out


def choose(polys: list[Polygon], cands: list[Candidate], room_of: np.ndarray
           ) -> tuple[list[str | None], list[str | None], list[list[str]]]:
    """(name, number, all names best first) of each room from the candidates inside it.

    A name scores its room words, +0.5 when its text is at least as tall as the drawing's usual
    room name, minus its distance from the room's centre over the room's size.
    """
    heights = [c.label.height for c in cands if c.reading.name and c.label.height > 0]
    usual = float(np.median(heights)) if heights else 0.0
    scored: dict[int, list[tuple[float, str]]] = {}
    numbers: dict[int, list[tuple[float, str]]] = {}
    for c, k in zip(cands, room_of.tolist()):
        if k < 0:
            continue
        poly = polys[k]
        off = c.label.point.distance(poly.centroid) / max(float(np.sqrt(poly.area)), 1e-9)
        if c.reading.name:
            tall = 0.5 if usual and c.label.height >= 0.9 * usual else 0.0
            scored.setdefault(k, []).append((-(c.reading.score + tall - off), c.reading.name))
        if c.reading.number:
            numbers.setdefault(k, []).append((off, c.reading.number))
    names = [[n for _s, n in sorted(scored.get(k, []))] for k in range(len(polys))]
    best = [ns[0] if ns else None for ns in names]
    number = [min(numbers[k])[1] if k in numbers else None for k in range(len(polys))]
    return best, number, names
