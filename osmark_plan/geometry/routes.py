"""Fewest-link routes through the access graph, for many queries on one graph.

:func:`networkx.shortest_path` on a ``restricted_view`` walks filtered adjacency views: fine
once, quadratic when a rule asks it for every door of a big floor. Here the graph's adjacency
is copied once into plain lists and the same bidirectional breadth-first search runs over them,
skipping one node; it visits neighbours in the same order as networkx, so it returns the very
route networkx would.
"""

from __future__ import annotations

from typing import Hashable, Mapping, Sequence

Adjacency = Mapping[Hashable, Sequence[Hashable]]


def adjacency(graph) -> dict[Hashable, list[Hashable]]:  # type: ignore[no-untyped-def]
    """Each node's neighbours, in the graph's own order (a MultiGraph's parallel edges once)."""
    return {u: list(nbrs) for u, nbrs in graph.adj.items()}


def fewest_links(adj: Adjacency, source: Hashable, target: Hashable,
                 avoid: Hashable | None = None) -> list[Hashable] | None:
    """The route networkx.bidirectional_shortest_path gives from ``source`` to ``target`` in
    the graph without ``avoid``; None when there is none."""
    if source == avoid or target == avoid or source not in adj or target not in adj:
        return None
    if source == target:
        return [source]
    pred: dict[Hashable, Hashable | None] = {source: None}
    succ: dict[Hashable, Hashable | None] = {target: None}
    forward, reverse = [source], [target]
    meet = None
    while forward and reverse and meet is None:
        if len(forward) <= len(reverse):
            forward, meet = _grow(adj, forward, avoid, pred, succ)
        else:
            reverse, meet = _grow(adj, reverse, avoid, succ, pred)
    if meet is None:
        return None
    path: list[Hashable] = []
    w: Hashable | None = meet
    while w is not None:
        path.append(w)
        w = pred[w]
    path.reverse()
    w = succ[path[-1]]
    while w is not None:
        path.append(w)
        w = succ[w]
    return path


def _grow(adj: Adjacency, level: list[Hashable], avoid: Hashable | None,
          mine: dict[Hashable, Hashable | None], theirs: Mapping[Hashable, Hashable | None]
          ) -> tuple[list[Hashable], Hashable | None]:
    """One breadth-first level from one side: the next fringe, and the node where it meets
    the other side (None if it does not yet)."""
    fringe: list[Hashable] = []
    for v in level:
        for w in adj[v]:
            if w == avoid:
                continue
            if w not in mine:
                mine[w] = v
                fringe.append(w)
            if w in theirs:
                return fringe, w
    return fringe, None
