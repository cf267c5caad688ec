"""The diff as a self-contained HTML page (``osmark diff --html PATH``).

Built from the ``osmark-plan/diff/1`` document in both languages plus the two plans as SVG
path data: the application drawing (aligned onto the as-is drawing) gives the level fills;
line work, doors, regions, devices and cabinets found in only one drawing are drawn in that
drawing's colour (as in the diff image); each change has its numbered marker, and clicking a
change highlights its marker and the other way round.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from markupsafe import Markup

from ..report.html_env import LANGS, render, word
from ..report.plan_svg import Frame, frame_part, markers, plan_bounds, shapes_part, svg_at
from .document import diff_document
from .image import ONLY_A, ONLY_B, SERIOUS, _only
from .model import PlanDiff
from .text import alignment_line
from .words import GROUPS, HEADINGS, TITLES


def diff_plan_part(diff: PlanDiff) -> dict[str, Any]:
    """Both plans in the as-is drawing's frame (drawing units of the as-is drawing)."""
    a, b = diff.site_a, diff.site_b
    geoms = []
    for site in (a, b):
        geoms += [ln.geom for ln in site.plan.lines] + [r.polygon for r in site.regions]
        geoms += [d.chord for d in site.plan.doors] + [site.aa]
    frame = Frame(plan_bounds(geoms), diff.report_a.plan.scale)
    part = {"frame": frame_part(frame), **shapes_part(diff.report_b, frame)}
    tol = max(diff.tolerance, 0.05)
    lines_a = [ln.geom for ln in a.plan.lines]
    lines_b = [ln.geom for ln in b.plan.lines]
    chords_a = {d.id: d.chord for d in a.plan.doors} | {ln.id: ln.chord for ln in a.links}
    chords_b = {d.id: d.chord for d in b.plan.doors} | {ln.id: ln.chord for ln in b.links}
    matched_b, matched_a = set(diff.matched), set(diff.matched.values())
    by_a, by_b = {r.id: r for r in a.regions}, {r.id: r for r in b.regions}
    overlay: dict[str, list[str]] = {"only_a": [], "only_b": [], "removed": [], "added": [],
                                     "changed": [], "moved_a": [], "moved_b": []}
    overlay["only_a"].append(frame.lines(_only(lines_a, lines_b, tol)))
    overlay["only_b"].append(frame.lines(_only(lines_b, lines_a, tol)))
    overlay["only_a"].append(frame.lines(g for k, g in chords_a.items() if k not in matched_a))
    overlay["only_b"].append(frame.lines(g for k, g in chords_b.items() if k not in matched_b))
    for kind, attr in (("device", "devices"), ("cabinet", "cabinets")):
        overlay["only_a"] += [frame.area(o.polygon) for o in getattr(a.plan, attr) if o.id not in matched_a]
        overlay["only_b"] += [frame.area(o.polygon) for o in getattr(b.plan, attr) if o.id not in matched_b]
    for c in diff.changes:
        ra, rb = by_a.get(c.id_a or ""), by_b.get(c.id_b or "")
        if c.kind == "region" and c.change == "removed" and ra is not None:
            overlay["removed"].append(frame.area(ra.polygon))
        elif c.kind == "region" and c.change == "added" and rb is not None:
            overlay["added"].append(frame.area(rb.polygon))
        elif c.kind == "region" and c.change == "level" and rb is not None:
            overlay["changed"].append(frame.area(rb.polygon))
        elif c.kind == "region" and c.change == "boundary" and ra is not None and rb is not None:
            overlay["moved_a"].append(frame.lines(_only([ra.polygon.boundary], [rb.polygon.boundary], tol)))
            overlay["moved_b"].append(frame.lines(_only([rb.polygon.boundary], [ra.polygon.boundary], tol)))
        elif c.kind == "door" and c.change == "moved":
            if c.id_a in chords_a:
                overlay["moved_a"].append(frame.lines([chords_a[c.id_a]]))
            if c.id_b in chords_b:
                overlay["moved_b"].append(frame.lines([chords_b[c.id_b]]))
    part["overlay"] = {k: "".join(v) for k, v in overlay.items()}
    part["colours"] = {"only_a": ONLY_A, "only_b": ONLY_B, "serious": SERIOUS}
    return part


def legend_extra(plan: dict[str, Any]) -> list[Markup]:
    """Legend entries of the overlay: each drawing's own colour, regions whose level changed."""
    c = plan["colours"]
    line = '<span class="item"><span class="sw-line" style="border-color: {0}"></span>{1}</span>'
    box = '<span class="item"><span class="sw" style="border: 2px solid {0}"></span>{1}</span>'
    return [Markup(line).format(c["only_a"], word("only_a")),
            Markup(line).format(c["only_b"], word("only_b")),
            Markup(box).format(c["serious"], word("changed_level"))]


def changes_view(docs: dict[str, dict[str, Any]], plan: dict[str, Any]) -> list[dict[str, Any]]:
    digits = plan["frame"]["digits"]
    out = []
    for i, c in enumerate(docs["ja"]["changes"]):
        out.append({"n": c["number"], "group": c["group"], "kind": c["kind"], "change": c["change"],
                    "serious": c["serious"], "severity": "serious" if c["serious"] else "other",
                    "rule": c["group"], "message": {lang: docs[lang]["changes"][i]["message"] for lang in LANGS},
                    "at": c["at"], "svg_at": svg_at(c["at"], digits), "svg_box": None,
                    "signature": c["signature"], "waived": None})
    return out


def findings_view(docs: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    return [{**f, "message": {lang: docs[lang]["findings"][i]["message"] for lang in LANGS}}
            for i, f in enumerate(docs["ja"]["findings"])]


def render_diff(diff: PlanDiff, lang: str = "ja") -> str:
    """The diff page; ``lang`` shown first, the other a click away."""
    docs = {lg: diff_document(diff, lg) for lg in LANGS}
    plan = diff_plan_part(diff)
    changes = changes_view(docs, plan)
    radius = float(plan["frame"]["marker"]) * 10
    placed = markers([(c["n"], c["svg_at"]) for c in changes], radius)
    by_n = {c["n"]: c for c in changes}
    for m in placed:
        m.update(severity=by_n[m["n"]]["severity"], rule=by_n[m["n"]]["rule"], waived=False)
    groups = [g for g, _ in GROUPS] + ["other"]
    present = [g for g in groups if any(c["group"] == g for c in changes)]
    return render("diff.html.j2", lang=lang, doc=docs[lang], docs=docs, plan=plan, changes=changes,
                  markers=placed, groups=present, headings=HEADINGS, titles=TITLES,
                  findings=findings_view(docs), legend_extra=legend_extra(plan),
                  alignment={lg: alignment_line(docs[lg], lg) for lg in LANGS},
                  created=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"))
