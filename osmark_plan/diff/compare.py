"""The whole comparison: align B onto A, build and check both, match, and list the changes."""

from __future__ import annotations

from collections import Counter
from typing import Any, Mapping

import numpy as np
import shapely

from ..config import Config, ConfigError
from ..findings import Finding, Report
from ..messages import say
from ..model import OUTSIDE, Plan
from .align import estimate, transform_plan
from .match import (SEARCH, Item, cabinet_items, device_items, door_items, map_regions,
                    match_items, match_regions)
from .model import Alignment, Change, FindingChange, PlanDiff
from .words import GROUPS, group_of

#: [diff] settings and their defaults (metres)
DIFF_DEFAULTS: dict[str, float] = {"tolerance": 0.2, "search": SEARCH}


def diff_settings(config: Config) -> dict[str, float]:
    """The [diff] table checked: ``tolerance`` (default 0.2 m) and ``search`` (3 m)."""
    out = dict(DIFF_DEFAULTS)
    for key, value in dict(getattr(config, "diff", {}) or {}).items():
        if key not in DIFF_DEFAULTS:
            raise ConfigError(say(f"[diff] unknown setting {key!r}; settings: {', '.join(DIFF_DEFAULTS)}",
                                  f"[diff] の設定 {key!r} はありません。使える設定: {', '.join(DIFF_DEFAULTS)}"))
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
            raise ConfigError(say(f"[diff] {key} must be a distance in metres, not {value!r}",
                                  f"[diff] {key} は距離（メートル）で指定してください（{value!r} は使えません）"))
        out[key] = float(value)
    return out


def diff_plans(plan_a: Plan, plan_b: Plan, config: Config | None = None, align: bool = True,
               tolerance: float | None = None) -> PlanDiff:
    """Compare the as-is plan A with the application plan B (B is aligned onto A first)."""
    from ..pipeline import build
    from ..engine import run_rules

    config = config or Config()
    settings = diff_settings(config)
    tol = settings["tolerance"] if tolerance is None else float(tolerance)
    alignment = estimate(plan_a, plan_b) if align else Alignment()
    moved_b = transform_plan(plan_b, alignment)
    report_a = run_rules(build(plan_a, config), config)
    report_b = run_rules(build(moved_b, config), config)
    return compare_reports(report_a, report_b, alignment, tol, settings["search"])


def compare_reports(report_a: Report, report_b: Report, alignment: Alignment, tol: float,
                    search: float = SEARCH) -> PlanDiff:
    """The changes between two checked sites in the same frame."""
    site_a, site_b = report_a.site, report_b.site
    changes: list[Change] = []
    pairs = match_regions(site_a.regions, site_b.regions)
    region_map = {site_b.regions[j].id: site_a.regions[i].id for i, j in pairs}
    changes += _region_changes(site_a, site_b, pairs, tol)
    matched: dict[str, str] = dict(region_map)

    doors_a, doors_b = door_items(site_a), door_items(site_b)

    def same_door(a: Item, b: Item) -> bool:
        return a.kind == b.kind and a.regions == map_regions(b.regions, region_map)

    door_pairs = match_items(doors_a, doors_b, tol, same_door, search)
    changes += _item_changes("door", doors_a, doors_b, door_pairs, tol, _door_fields)
    matched.update({doors_b[j].id: doors_a[i].id for i, j in door_pairs})

    for kind, items, fields in (("device", device_items, _device_fields),
                                ("cabinet", cabinet_items, _cabinet_fields)):
        ia, ib = items(site_a.plan), items(site_b.plan)
        found = match_items(ia, ib, tol, lambda a, b: a.kind == b.kind, search)
        changes += _item_changes(kind, ia, ib, found, tol, fields)
        matched.update({ib[j].id: ia[i].id for i, j in found})

    changes += _edge_changes(site_a, site_b, region_map)
    changes.sort(key=order_key)
    findings = compare_findings(report_a, report_b, matched)
    return PlanDiff(report_a=report_a, report_b=report_b, alignment=alignment, tolerance=tol,
                    changes=tuple(changes), findings=findings, matched=matched)


def order_key(c: Change) -> tuple:
    """Report order: by group (most serious first, see words.GROUPS), rank, then names."""
    groups = [g for g, _ in GROUPS]
    group = group_of(c)
    index = groups.index(group) if group in groups else len(groups)
    return (index, c.rank, c.kind, c.subject, c.change, str(c.old), str(c.new))


# -- regions ---------------------------------------------------------------------------------

def _point(geom: Any) -> tuple[float, float] | None:
    if geom is None or geom.is_empty:
        return None
    p = geom.representative_point()
    return (round(float(p.x), 6), round(float(p.y), 6))


def _region_changes(site_a: Any, site_b: Any, pairs: list[tuple[int, int]], tol: float) -> list[Change]:
    ra, rb = site_a.regions, site_b.regions
    out: list[Change] = []
    if pairs:
        ia, ib = (np.array(x, dtype=np.intp) for x in zip(*pairs))
        pa = np.array([r.polygon for r in ra], dtype=object)[ia]
        pb = np.array([r.polygon for r in rb], dtype=object)[ib]
        moved = shapely.hausdorff_distance(pa, pb)
    for k, (i, j) in enumerate(pairs):
        a, b = ra[i], rb[j]
        common = dict(subject=a.label, id_a=a.id, id_b=b.id, at=_point(a.polygon))
        if a.level != b.level:
            out.append(Change("region", "level", old=a.level, new=b.level, **common))
        if a.name != b.name:
            out.append(Change("region", "name", old=a.name, new=b.name, **common))
        if float(moved[k]) > tol:
            where = _point(a.polygon.symmetric_difference(b.polygon)) or common["at"]
            out.append(Change("region", "boundary", **{**common, "at": where}, detail={
                "moved_m": round(float(moved[k]), 3), "area_m2": [round(a.area, 2), round(b.area, 2)],
                "area_change_m2": round(b.area - a.area, 2)}))
    done_a = {i for i, _ in pairs}
    done_b = {j for _, j in pairs}
    for i, a in enumerate(ra):
        if i not in done_a:
            out.append(Change("region", "removed", a.label, id_a=a.id, at=_point(a.polygon),
                              detail={"level": a.level, "area_m2": round(a.area, 2)}))
    for j, b in enumerate(rb):
        if j not in done_b:
            out.append(Change("region", "added", b.label, id_b=b.id, at=_point(b.polygon),
                              detail={"level": b.level, "area_m2": round(b.area, 2)}))
    return out


# -- doors, devices, cabinets ----------------------------------------------------------------

def _door_fields(a: Item, b: Item, tol: float) -> list[tuple[str, Any, Any]]:
    out = []
    if a.lock != b.lock:
        out.append(("lock", a.lock, b.lock))
    if abs(a.width - b.width) > tol:
        out.append(("width", round(a.width, 3), round(b.width, 3)))
    if a.name and b.name and a.name != b.name:
        out.append(("name", a.name, b.name))
    return out


def _device_fields(a: Item, b: Item, tol: float) -> list[tuple[str, Any, Any]]:
    out = []
    if a.kind != b.kind:
        out.append(("kind", a.kind, b.kind))
    if a.name and b.name and a.name != b.name:
        out.append(("name", a.name, b.name))
    return out


def _cabinet_fields(a: Item, b: Item, tol: float) -> list[tuple[str, Any, Any]]:
    out = []
    if a.kind != b.kind:
        out.append(("level", a.kind, b.kind))
    if a.name and b.name and a.name != b.name:
        out.append(("name", a.name, b.name))
    return out


def _item_changes(kind: str, items_a: list[Item], items_b: list[Item], pairs: list[tuple[int, int]],
                  tol: float, fields) -> list[Change]:
    out = []
    for i, j in pairs:
        a, b = items_a[i], items_b[j]
        common = dict(subject=a.label, id_a=a.id, id_b=b.id, at=(round(a.x, 6), round(a.y, 6)))
        d = float(np.hypot(a.x - b.x, a.y - b.y))
        if d > tol:
            out.append(Change(kind, "moved", **common, detail={
                "distance_m": round(d, 3), "to": [round(b.x, 6), round(b.y, 6)]}))
        for field, old, new in fields(a, b, tol):
            out.append(Change(kind, field, old=old, new=new, **common))
    done_a = {i for i, _ in pairs}
    done_b = {j for _, j in pairs}
    out += [Change(kind, "removed", a.label, id_a=a.id, at=(round(a.x, 6), round(a.y, 6)),
                   detail=_item_detail(kind, a))
            for i, a in enumerate(items_a) if i not in done_a]
    out += [Change(kind, "added", b.label, id_b=b.id, at=(round(b.x, 6), round(b.y, 6)),
                   detail=_item_detail(kind, b))
            for j, b in enumerate(items_b) if j not in done_b]
    return out


def _item_detail(kind: str, item: Item) -> dict[str, Any]:
    if kind == "door":
        return {"between": list(item.regions), "lock": item.lock, "kind": item.kind}
    if kind == "device":
        return {"device_kind": item.kind}
    return {"level": item.kind}


# -- access-graph edges ----------------------------------------------------------------------

def _edge_changes(site_a: Any, site_b: Any, region_map: dict[str, str]) -> list[Change]:
    """Edges compared by the matched identities of the regions they join (a multiset)."""
    edges_a: dict[tuple[str, ...], list[Any]] = {}
    for link in site_a.links:
        edges_a.setdefault(tuple(sorted((link.a, link.b))), []).append(link)
    edges_b: dict[tuple[str, ...], list[Any]] = {}
    for link in site_b.links:
        edges_b.setdefault(map_regions((link.a, link.b), region_map), []).append(link)
    back = {v: k for k, v in region_map.items()}

    def label_a(node: str) -> str:
        return site_a.name_of(node)

    def b_node(node: str) -> str:
        """A's id or "+Bid" as B's region id (OUTSIDE stays)."""
        return node if node == OUTSIDE else (node[1:] if node.startswith("+") else back.get(node, node))

    def label(node: str) -> str:
        return site_b.name_of(b_node(node)) if node.startswith("+") else label_a(node)

    out = []
    for key in sorted(set(edges_a) | set(edges_b)):
        la, lb = edges_a.get(key, []), edges_b.get(key, [])
        subject = "|".join(sorted(label(n) for n in key))
        levels_b = [site_b.level_of(b_node(n)) for n in key]
        levels_a = [site_a.level_of(n) if not n.startswith("+") else None for n in key]
        for link in lb[len(la):]:
            change = "added-into-level3" if 3 in levels_b else "added"
            out.append(Change("edge", change, subject, id_b=link.id, at=_mid(link.chord), detail={
                "between": list(key), "names": [label(n) for n in key], "levels": levels_b, "link": link.id,
                "door": link.door.name if link.door is not None else None}))
        for link in la[len(lb):]:
            out.append(Change("edge", "removed", subject, id_a=link.id, at=_mid(link.chord), detail={
                "between": list(key), "names": [label(n) for n in key], "levels": levels_a, "link": link.id,
                "door": link.door.name if link.door is not None else None}))
    return out


def _mid(chord: Any) -> tuple[float, float]:
    p = chord.interpolate(0.5, normalized=True)
    return (round(float(p.x), 6), round(float(p.y), 6))


# -- findings --------------------------------------------------------------------------------

def _key(f: Finding, ids: Mapping[str, str]) -> tuple:
    """A finding's identity with B's ids translated to A's (names where subjects have them)."""
    return (f.rule, tuple((s.kind, s.name if s.name is not None else ids.get(s.id or "", s.id))
                          for s in f.subjects))


def _subjects(f: Finding) -> tuple[str, ...]:
    return tuple(s.name or s.id or s.kind for s in f.subjects)


def compare_findings(report_a: Report, report_b: Report, matched: Mapping[str, str]) -> tuple[FindingChange, ...]:
    """New, resolved and persisting findings: by fingerprint, then by rule and matched subjects."""
    fa, fb = list(report_a.findings), list(report_b.findings)
    left_a = Counter(f.fingerprint for f in fa)
    status_b = []
    for f in fb:
        if left_a[f.fingerprint] > 0:
            left_a[f.fingerprint] -= 1
            status_b.append("persisting")
        else:
            status_b.append(None)
    # fallback: findings whose fingerprint changed only because an id did
    unmatched_a = [f for f in fa if _take(left_a, f.fingerprint)]
    keys_a = Counter(_key(f, {}) for f in unmatched_a)
    resolved_keys = Counter(keys_a)
    for k, f in enumerate(fb):
        if status_b[k] is None:
            key = _key(f, matched)
            if resolved_keys[key] > 0:
                resolved_keys[key] -= 1
                status_b[k] = "persisting"
            else:
                status_b[k] = "new"
    out = [_fc(status_b[k], f) for k, f in enumerate(fb) if status_b[k] == "new"]
    left = Counter(resolved_keys)
    for f in unmatched_a:
        key = _key(f, {})
        if left[key] > 0:
            left[key] -= 1
            out.append(_fc("resolved", f))
    out += [_fc("persisting", f) for k, f in enumerate(fb) if status_b[k] == "persisting"]
    order = {"new": 0, "resolved": 1, "persisting": 2}
    sev = {"error": 0, "warning": 1, "info": 2}
    out.sort(key=lambda c: (order[c.status], sev.get(c.severity, 9), c.rule, c.subjects))
    return tuple(out)


def _take(counter: Counter, key: str) -> bool:
    """True (and one fewer) when ``key`` is still in the counter: an A finding not yet matched."""
    if counter[key] > 0:
        counter[key] -= 1
        return True
    return False


def _fc(status: str, f: Finding) -> FindingChange:
    at = None if f.at is None else (round(float(f.at[0]), 6), round(float(f.at[1]), 6))
    return FindingChange(status=status, rule=f.rule, severity=f.severity, fingerprint=f.fingerprint,
                         message=dict(f.message), subjects=_subjects(f), at=at)
