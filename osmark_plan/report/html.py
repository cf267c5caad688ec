"""The self-contained HTML report (``--html PATH``): plan, numbered findings, both languages.

Built from the report document (the model ``--format json`` writes), in Japanese and English,
plus the plan as SVG path data (:mod:`.plan_svg`). One file: CSS, script and the plan inline,
the Japanese font subset embedded (:mod:`.html_font`); no network access when opened.
Finding numbers are the 1-based positions in the report's findings (``number`` when the
document carries it), the same as in the image and the text report.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Mapping

from ..findings import Report
from ..geometry.placement import REASONS, title_of
from .document import report_document
from .html_env import LANGS, render
from .plan_svg import markers, plan_part, svg_at, svg_box
from .rules_doc import fix_advice

SEVERITIES = ("error", "warning", "info")


def html_document(report: Report) -> dict[str, Any]:
    """What the HTML report is made of: the report document in each language and the plan."""
    return {"docs": {lang: report_document(report, lang) for lang in LANGS},
            "plan": plan_part(report)}


def findings_view(docs: Mapping[str, dict[str, Any]], plan: dict[str, Any]) -> list[dict[str, Any]]:
    """One entry per finding: number, both messages, fix advice, position on the plan."""
    base = docs["ja"]["findings"]
    digits = plan["frame"]["digits"]
    out = []
    for i, f in enumerate(base):
        number = f.get("number", i + 1)
        out.append({
            "n": number, "rule": f["rule"], "name": f["name"], "severity": f["severity"],
            "clause": f["clause"], "fingerprint": f["fingerprint"],
            "message": {lang: docs[lang]["findings"][i]["message"] for lang in LANGS},
            "fix": {lang: fix_advice(f["rule"], lang) for lang in LANGS},
            "at": f.get("at"), "svg_at": svg_at(f.get("at"), digits),
            "svg_box": svg_box(f.get("bbox"), digits),
            "subjects": f.get("subjects", []), "waived": f.get("waived"),
            "unit": docs["ja"]["drawing"].get("units", ""),
        })
    return out


def marker_view(findings: list[dict[str, Any]], plan: dict[str, Any]) -> list[dict[str, Any]]:
    """Where each numbered marker is drawn (spots shared by several findings are spread)."""
    radius = float(plan["frame"]["marker"]) * 10
    placed = markers([(f["n"], f["svg_at"]) for f in findings], radius)
    by_n = {f["n"]: f for f in findings}
    for m in placed:
        f = by_n[m["n"]]
        m.update(severity=f["severity"], rule=f["rule"], waived=bool(f["waived"]))
    return placed


def not_placed_view(docs: Mapping[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """The elements in no room grouped by reason (in the order of the reason table): the reason's
    title and each element's message in both languages, its layer, handle and position."""
    base = docs["ja"].get("not_placed", [])
    order = {r.code: k for k, r in enumerate(REASONS)}
    groups: dict[str, list[dict[str, Any]]] = {}
    for i, item in enumerate(base):
        groups.setdefault(item["reason"], []).append({
            "message": {lang: docs[lang]["not_placed"][i]["message"] for lang in LANGS},
            "layer": item.get("layer"), "handle": item.get("handle"), "at": item.get("at")})
    return [{"reason": reason, "title": {lang: title_of(reason, lang) for lang in LANGS},
             "items": groups[reason]}
            for reason in sorted(groups, key=lambda r: (order.get(r, len(order)), r))]


def rule_options(findings: list[dict[str, Any]]) -> list[tuple[str, str, int]]:
    """(code, name, count) of the rules with findings, for the rule filter."""
    seen: dict[str, list[Any]] = {}
    for f in findings:
        seen.setdefault(f["rule"], [f["name"], 0])[1] += 1
    return [(code, name, n) for code, (name, n) in sorted(seen.items())]


def report_html(report: Report, lang: str = "ja") -> str:
    """The HTML report of ``report``; ``lang`` is shown first (the other one a click away)."""
    return render_report(html_document(report), lang)


def render_report(hdoc: dict[str, Any], lang: str = "ja") -> str:
    """The HTML report from :func:`html_document`'s data."""
    docs, plan = hdoc["docs"], hdoc["plan"]
    findings = findings_view(docs, plan)
    counts = {s: sum(1 for f in findings if f["severity"] == s) for s in SEVERITIES}
    return render("report.html.j2", lang=lang, doc=docs[lang], docs=docs, plan=plan,
                  findings=findings, markers=marker_view(findings, plan), counts=counts,
                  rules=rule_options(findings), severities=SEVERITIES,
                  not_placed=not_placed_view(docs),
                  waived=sum(1 for f in findings if f["waived"]),
                  created=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"))


def write_html(report: Report, path: Any, lang: str = "ja", inputs: tuple[Any, ...] = ()) -> None:
    """Write the HTML report to ``path`` atomically (never over one of ``inputs``)."""
    from ..output import write_text_atomic

    write_text_atomic(path, report_html(report, lang), inputs=inputs)
