"""Windows as whole objects: one per INSERT on a window layer, or per group of window lines.

The window line work itself stays in ``Plan.lines`` (it closes outlines); this module only
adds what the window rules need: which lines form one window, and its lock state (ATTRIB
``LOCK`` or a lock word written beside it, 施錠不可 / はめ殺し included), name and attributes.
"""

from __future__ import annotations

import re

import numpy as np
import shapely
from shapely.geometry import LineString, MultiLineString

from ..config import Config
from ..model import Source, Window
from ..naming import decode_escapes, parse_lock
from .entities import Elem, Item, world_pieces
from .labels import LabelSet, near_pairs

#: window lines this close (m) belong to one window (the three lines of a window in a thick wall)
GROUP_M = 0.2
#: how far a lock word may sit from a window (m); it must also be nearer to it than to any door
TEXT_M = 1.0


def _pieces(items: list[Item], idx: list[int], scale: float, tol: float
            ) -> tuple[list[LineString], list[int]]:
    """The line pieces (metres) of the items, and the item each piece came from."""
    out, owners = [], []
    for i in idx:
        for pts, _closed in world_pieces(items[i], tol):
            if len(pts) >= 2:
                out.append(LineString(pts[:, :2] * scale))
                owners.append(i)
    return out, owners


def _groups(lines: list[LineString]) -> list[list[int]]:
    """Connected groups of lines lying within GROUP_M of each other (STRtree + union-find)."""
    parent = list(range(len(lines)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    if lines:
        arr = np.asarray(lines, dtype=object)
        a, b = shapely.STRtree(arr).query(arr, predicate="dwithin", distance=GROUP_M)
        for i, j in zip(a.tolist(), b.tolist()):
            ri, rj = root(i), root(j)
            if ri != rj:
                parent[max(ri, rj)] = min(ri, rj)
    groups: dict[int, list[int]] = {}
    for i in range(len(lines)):
        groups.setdefault(root(i), []).append(i)
    return list(groups.values())


def _geom(lines: list[LineString]) -> LineString | MultiLineString:
    return lines[0] if len(lines) == 1 else MultiLineString(lines)


def read_windows(items: list[Item], elems: list[Elem], idx: list[int], labels: LabelSet,
                 config: Config, scale: float, tol: float,
                 door_chords: list[LineString]) -> list[Window]:
    """Windows from window-layer INSERTs (ATTRIBs LOCK, ID, NAME …) and loose window lines."""
    drafts: list[tuple[LineString | MultiLineString, Source, dict[str, str]]] = []
    loose: list[int] = []
    by_elem: dict[int, list[int]] = {}
    for i in idx:
        owner = items[i].owner
        if owner >= 0 and elems[owner].kind == "window":
            by_elem.setdefault(owner, []).append(i)
        else:
            loose.append(i)
    for k, el in enumerate(elems):
        if el.kind != "window" or k not in by_elem:
            continue
        lines, _owners = _pieces(items, by_elem[k], scale, tol)
        if lines:
            attrs = {key.upper(): v for key, v in el.attribs.items()}
            drafts.append((_geom(lines), Source(decode_escapes(el.layer), el.handle, el.block), attrs))
    lines, owners = _pieces(items, loose, scale, tol)
    for group in _groups(lines):
        first = items[owners[group[0]]]
        drafts.append((_geom([lines[g] for g in group]),
                       Source(decode_escapes(first.layer), first.handle, first.block), {}))
    return _with_locks(drafts, labels, config, door_chords)


def _with_locks(drafts: list[tuple[LineString | MultiLineString, Source, dict[str, str]]],
                labels: LabelSet, config: Config, door_chords: list[LineString]) -> list[Window]:
    """Each window's lock: ATTRIB LOCK, else the nearest lock word nearer to it than to a door."""
    lock_rx = re.compile(config.lock_pattern, re.IGNORECASE)
    geoms = [d[0] for d in drafts]
    chords = np.asarray(door_chords, dtype=object)
    pi, gi, dist = near_pairs(labels.points, geoms, TEXT_M)
    words: dict[int, list[tuple[float, str]]] = {}
    for p, g, d in zip(pi.tolist(), gi.tolist(), dist.tolist()):
        lab = labels.labels[p]
        if lab.layer_kind == "zone" or not (m := lock_rx.search(lab.text)):
            continue
        if len(chords) and float(shapely.distance(lab.point, chords).min()) < d:
            continue  # the word belongs to a door
        state = parse_lock(m.group(1) if m.groups() else m.group(0)) or parse_lock(lab.text)
        if state:
            words.setdefault(g, []).append((d, state))
    out = []
    for k, (geom, source, attrs) in enumerate(drafts):
        lock = parse_lock(attrs.get("LOCK")) if attrs.get("LOCK") else None
        if lock is None and words.get(k):
            lock = min(words[k])[1]
        name = attrs.get("ID") or attrs.get("NAME") or None
        out.append(Window(f"N{k + 1}", geom, source, lock, name, attrs))
    return out
