"""The text diff report: changes grouped, most serious first, then findings new and resolved."""

from __future__ import annotations

from typing import Any, TextIO

from .document import diff_document
from .model import PlanDiff
from .words import GROUPS, HEADINGS, TITLES


def alignment_line(doc: dict[str, Any], lang: str) -> str:
    al = doc["alignment"]
    ja = lang == "ja"
    head = TITLES[lang]["alignment"]
    if al["status"] == "disabled":
        return f"{head}: " + ("なし(--no-align)" if ja else "off (--no-align)")
    if al["status"] == "identity":
        return f"{head}: " + (f"不要(壁の一致度 {al['score']:.0%})" if ja
                              else f"not needed (walls coincide {al['score']:.0%})")
    if al["status"] in ("no-walls", "poor"):
        return f"{head}: " + ("壁が合わないため位置合わせできませんでした。図面の座標のまま比較しています"
                              if ja else "no motion lays the walls onto each other; compared as drawn")
    dx, dy = al["translation_m"]
    flip = al.get("mirrored", False)
    return f"{head}: " + (("申請図面は現状図面の鏡像です。左右反転したうえで" if flip else "申請図面を")
                          + f"{al['rotation_deg']:g}° 回転、({dx:g} m, {dy:g} m) 移動して重ねました"
                          f"(壁の一致度 {al['score']:.0%})" if ja else
                          ("the application drawing is a mirror image: mirrored, then " if flip
                           else "the application drawing was ")
                          + f"rotated {al['rotation_deg']:g}° and moved by ({dx:g} m, {dy:g} m) to lay it "
                          f"onto the as-is drawing (walls coincide {al['score']:.0%})")


def render(diff: PlanDiff, lang: str = "ja") -> str:
    doc = diff_document(diff, lang)
    t, h = TITLES[lang], HEADINGS[lang]
    lines = [f"{t['title']}",
             f"  {t['asis']}: {doc['asis']['path']}",
             f"  {t['application']}: {doc['application']['path']}",
             alignment_line(doc, lang)]
    summary = doc["summary"]
    if not summary["differences"]:
        lines.append(t["none"])
    else:
        head = t["count"].format(n=summary["changes"])
        if summary["serious"]:
            head += t["serious"].format(n=summary["serious"])
        new = summary["findings"]["new"] + summary["findings"]["resolved"]
        if new:
            head += t["finding_changes"].format(n=new)
        if doc["alignment"].get("mirrored"):
            head += t["mirror"]
        lines.append(head)
    order = [g for g, _ in GROUPS] + ["other"]
    for group in order:
        items = [c for c in doc["changes"] if c["group"] == group]
        if not items:
            continue
        lines.append("")
        lines.append(("!! " if group in ("route-level3",) else "") + h[group])
        for c in items:
            mark = "!" if c["serious"] else " "
            lines.append(f" {mark}{c['number']:>3}. {c['message']}")
    for status in ("new", "resolved"):
        items = [f for f in doc["findings"] if f["status"] == status]
        if items:
            lines.append("")
            lines.append(f"{h[status]} ({len(items)})")
            for f in items:
                lines.append(f"   {f['rule']} [{f['severity']}] {f['message']}")
    persisting = summary["findings"]["persisting"]
    if persisting:
        lines.append("")
        lines.append(f"{h['persisting']}: {persisting}")
    return "\n".join(lines) + "\n"


def write_text(diff: PlanDiff, lang: str, stream: TextIO) -> None:
    stream.write(render(diff, lang))
