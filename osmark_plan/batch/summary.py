"""The batch summary: summary.json, summary.csv (UTF-8 with BOM) and index.html."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path
from typing import Any, Iterable
from urllib.parse import quote

from ..version import __version__
from .buildings import BuildingResult, display_path, floor_verdict
from .floors import Floor
from ..output import write_text_atomic
from .worker import FloorResult

SCHEMA = "osmark-plan/batch/1"
CSV_COLUMNS = ("floor", "path", "building", "in_application", "exposed", "status", "verdict",
               "building_verdict", "error", "warning", "info", "error_rules", "reason", "report",
               "image")
TEMPLATE = "index.html.j2"

WORDS = {
    "ja": {"title": "OSM 一括チェック結果", "floor": "階・図面", "path": "図面", "building": "建物",
           "status": "状態", "verdict": "判定", "building_verdict": "建物の判定",
           "error": "エラー", "warning": "警告", "info": "情報", "report": "レポート",
           "image": "画像", "reason": "理由", "floors": "図面数", "failed": "読めない図面",
           "buildings": "建物", "findings": "建物全体の指摘", "exposed": "外部に面した階",
           "outside": "申請エリア外", "rules": "エラーのルール",
           "pass": "合格", "fail": "不適合", "unreadable": "読めない", "checked": "検査済み",
           "none": "—", "no_findings": "指摘はありません", "html": "HTML", "plan": "平面図",
           "failing": "不適合の図面"},
    "en": {"title": "OSM batch check", "floor": "Floor / drawing", "path": "Drawing", "building": "Building",
           "status": "Status", "verdict": "Verdict", "building_verdict": "Building verdict",
           "error": "errors", "warning": "warnings", "info": "info", "report": "report",
           "image": "image", "reason": "Reason", "floors": "drawings", "failed": "unreadable",
           "buildings": "Buildings", "findings": "Building findings", "exposed": "exposed floor",
           "outside": "outside the application area", "rules": "error rules",
           "pass": "pass", "fail": "fail", "unreadable": "unreadable", "checked": "checked",
           "none": "—", "no_findings": "no findings", "html": "HTML", "plan": "Plan",
           "failing": "failing floors"},
}


def _rel(path: str | None, out: Path) -> str | None:
    return None if path is None else Path(os.path.relpath(path, out)).as_posix()


def floor_row(floor: Floor, result: FloorResult, out: Path,
              buildings: dict[str, BuildingResult]) -> dict[str, Any]:
    """One floor of the summary: where it is, its counts, verdicts and outputs."""
    b = buildings.get(floor.manifest.source) if floor.manifest else None
    return {
        "floor": floor.name,
        "path": display_path(floor.path),
        "building": floor.manifest.name if floor.manifest else None,
        "in_application": floor.spec.in_application if floor.spec else None,
        "exposed": floor.spec.exposed if floor.spec else None,
        "status": result.status,
        "verdict": floor_verdict(result),
        "building_verdict": b.verdict if b else None,
        "error": result.counts.get("error", 0),
        "warning": result.counts.get("warning", 0),
        "info": result.counts.get("info", 0),
        "error_rules": list(result.error_rules),
        "reason": result.reason,
        "image_error": result.image_error,
        "report": _rel(result.report, out),
        "image": _rel(result.image, out),
        "html": _rel(result.html, out),
    }


def summary_document(rows: list[dict[str, Any]], buildings: Iterable[BuildingResult], lang: str,
                     exit_code: int) -> dict[str, Any]:
    """summary.json: totals, one row per floor, one entry per building."""
    blds = [b.to_dict() for b in buildings]
    checked = [r for r in rows if r["status"] == "checked"]
    totals = {
        "floors": len(rows),
        "checked": len(checked),
        "failed": len(rows) - len(checked),
        "passed": sum(1 for r in rows if r["verdict"] == "pass"),
        "error": sum(r["error"] for r in rows) + sum(b["error"] for b in blds),
        "warning": sum(r["warning"] for r in rows) + sum(b["warning"] for b in blds),
        "info": sum(r["info"] for r in rows) + sum(b["info"] for b in blds),
        "buildings": len(blds),
    }
    return {"schema": SCHEMA, "tool": {"name": "osmark-plan", "version": __version__}, "lang": lang,
            "exit_code": exit_code, "totals": totals, "floors": rows, "buildings": blds}


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return " ".join(str(v) for v in value)
    return value


def csv_text(rows: list[dict[str, Any]]) -> str:
    """summary.csv as text (the BOM is added when written)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        writer.writerow([_cell(row[c]) for c in CSV_COLUMNS])
    return buf.getvalue()


def html_text(doc: dict[str, Any], thumbnails: dict[str, str] | None = None,
              base: Path | None = None, out: Path | None = None) -> str:
    """index.html: a self-contained page (inline style and font subset, no scripts, no external
    assets). ``thumbnails``: floor path -> small SVG of its plan. Links are relative to the
    folder ``base`` of the page (default: ``out``, where they are written relative to)."""
    from importlib.resources import files

    import jinja2
    from markupsafe import Markup

    from ..report.html_font import font_face_css, font_stack

    source = files(__package__).joinpath(TEMPLATE).read_text(encoding="utf-8")
    env = jinja2.Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True,
                             undefined=jinja2.StrictUndefined)

    def href(p: str | None) -> str:
        if not p:
            return ""
        if base is not None and out is not None and base.resolve() != out.resolve():
            p = Path(os.path.relpath(out / p, base)).as_posix()
        return quote(p)

    env.filters["href"] = href
    words = WORDS.get(doc["lang"], WORDS["en"])
    thumbs = {k: Markup(v) for k, v in (thumbnails or {}).items()}
    template = env.from_string(source)
    context = dict(doc=doc, w=words, thumbs=thumbs, font_stack=Markup(font_stack()))
    page = template.render(font_face="", **context)
    face = font_face_css(page)
    return template.render(font_face=Markup(face), **context) if face else page


def write_summary(out: Path, doc: dict[str, Any], thumbnails: dict[str, str] | None = None,
                  index: Path | None = None) -> dict[str, Path]:
    """Write summary.json, summary.csv and index.html into ``out`` (and the index also to
    ``index``, the path given to ``--html``); their paths."""
    paths = {"json": out / "summary.json", "csv": out / "summary.csv", "html": out / "index.html"}
    write_text_atomic(paths["json"], json.dumps(doc, ensure_ascii=False, indent=2, allow_nan=False) + "\n")
    write_text_atomic(paths["csv"], "\ufeff" + csv_text(doc["floors"]))
    write_text_atomic(paths["html"], html_text(doc, thumbnails))
    if index is not None and index.resolve() != paths["html"].resolve():
        write_text_atomic(index, html_text(doc, thumbnails, base=index.parent, out=out))
        paths["index"] = index
    return paths
