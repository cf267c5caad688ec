"""The ``osmark-plan/diff/1`` document: the diff as plain data every diff reporter draws from.

Shape documented in docs/diff.md and checked by ``schema_diff.json``. Positions: ``at_m`` in
metres and ``at`` in drawing units, both in the as-is drawing's frame (the application drawing
is aligned onto it first). Fields may be added, never renamed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, TextIO

from ..version import __version__
from ..report.document import jsonable
from .model import Change, FindingChange, PlanDiff
from .words import describe, finding_text, group_of

SCHEMA = "osmark-plan/diff/1"
SCHEMA_FILE = Path(__file__).with_name("schema_diff.json")


def diff_document(diff: PlanDiff, lang: str = "ja") -> dict[str, Any]:
    """The whole diff as plain data, messages in ``lang``."""
    al = diff.alignment
    plan_a = diff.report_a.plan
    scale = plan_a.scale or 1.0
    counts = {s: sum(1 for f in diff.findings if f.status == s) for s in ("new", "resolved", "persisting")}
    by_kind: dict[str, int] = {}
    for c in diff.changes:
        by_kind[c.kind] = by_kind.get(c.kind, 0) + 1
    return {
        "schema": SCHEMA,
        "tool": {"name": "osmark-plan", "version": __version__},
        "lang": lang,
        "asis": _drawing(diff.report_a.plan),
        "application": _drawing(diff.report_b.plan),
        "tolerance_m": diff.tolerance,
        "alignment": {
            "status": al.status, "attempted": al.attempted, "applied": al.applied,
            "mirrored": al.mirrored,
            "rotation_deg": round(al.rotation, 6) % 360.0 + 0.0,
            "translation_m": [round(al.dx, 4) + 0.0, round(al.dy, 4) + 0.0],
            "score": round(al.score, 4), "identity_score": round(al.identity_score, 4),
        },
        "summary": {
            "differences": diff.has_differences,
            "changes": len(diff.changes),
            "serious": sum(1 for c in diff.changes if c.serious),
            "by_kind": by_kind,
            "findings": counts,
        },
        "changes": [change_part(n, c, lang, scale) for n, c in enumerate(diff.changes, start=1)],
        "findings": [finding_part(f, lang, scale) for f in diff.findings],
    }


def _drawing(plan: Any) -> dict[str, Any]:
    return {"path": plan.path, "name": Path(plan.path).name, "sha256": plan.sha256,
            "units": plan.units, "scale_m": plan.scale}


def _at(at: tuple[float, float] | None, scale: float) -> tuple[list[float] | None, list[float] | None]:
    if at is None:
        return None, None
    return ([round(at[0], 3) + 0.0, round(at[1], 3) + 0.0],
            [round(at[0] / scale, 3) + 0.0, round(at[1] / scale, 3) + 0.0])


def change_part(number: int, c: Change, lang: str, scale: float) -> dict[str, Any]:
    at_m, at = _at(c.at, scale)
    return {
        "number": number, "kind": c.kind, "change": c.change, "group": group_of(c),
        "serious": c.serious, "subject": c.subject, "id_asis": c.id_a, "id_application": c.id_b,
        "old": jsonable(c.old), "new": jsonable(c.new), "message": describe(c, lang),
        "at_m": at_m, "at": at, "detail": jsonable(dict(c.detail)), "signature": c.signature(),
    }


def finding_part(f: FindingChange, lang: str, scale: float) -> dict[str, Any]:
    at_m, at = _at(f.at, scale)
    return {"status": f.status, "rule": f.rule, "severity": f.severity, "fingerprint": f.fingerprint,
            "subjects": list(f.subjects), "message": finding_text(f, lang), "at_m": at_m, "at": at}


def write_json(diff: PlanDiff, lang: str, stream: TextIO) -> None:
    json.dump(diff_document(diff, lang), stream, ensure_ascii=False, indent=2)
    stream.write("\n")


def schema() -> dict[str, Any]:
    return json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
