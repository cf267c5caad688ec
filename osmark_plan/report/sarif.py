"""SARIF 2.1.0 (``--format sarif``): the findings for code-scanning tools and SARIF viewers.

Built from report documents (the JSON report), so it never disagrees with the other formats.
One run per SARIF log: a check gives one drawing, a batch gives every floor as an artifact of
the same run (code-scanning services accept one run per tool). Each result carries:

- ``ruleId``/``ruleIndex`` into ``tool.driver.rules`` (name, summary, documentation as help,
  the OSM clause and default severity as ``defaultConfiguration.level``);
- ``level``: error → error, warning → warning, info → note;
- a physical location (the drawing file) carrying the position in drawing units and drawing
  coordinates as properties (``at``, ``bbox``, ``units``, DXF ``handles``: a drawing has no text
  lines to point at), and logical locations for the regions, doors, devices … it is about;
- ``partialFingerprints["osmarkFingerprint/v1"]`` (coordinate-free, stable across edits);
- ``suppressions`` (kind external, status accepted, justification = the reason) when waived;
- ``properties``: the finding ``number`` shared by every format, clause, DXF handles.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterable, TextIO

from ..findings import Report
from ..version import __version__
from .document import report_document

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT_KEY = "osmarkFingerprint/v1"


def write(report: Report, lang: str, stream: TextIO) -> None:
    """Write the SARIF log of one checked drawing."""
    stream.write(dumps(sarif_log([report_document(report, lang)], lang)))
    stream.write("\n")


def dumps(log: dict[str, Any]) -> str:
    return json.dumps(log, ensure_ascii=False, indent=2, allow_nan=False)


def rule_descriptor(code: str, lang: str) -> dict[str, Any]:
    """A reportingDescriptor from the rule registry (documentation as help text)."""
    from ..rules import get_rule

    rule = get_rule(code)
    if rule is None:
        return {"id": code}
    summary = rule.summary.get(lang) or rule.summary.get("en", "") or rule.name
    doc = rule.documentation(lang).strip()
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": doc.split("\n\n")[0] if doc else summary},
        "help": {"text": doc or summary},
        "defaultConfiguration": {"level": LEVELS.get(rule.severity, "warning")},
        "properties": {"clause": rule.clause, "tags": ["osm", rule.code[:3].lower()]},
    }


def sarif_log(documents: Iterable[dict[str, Any]], lang: str = "ja",
              failed: Iterable[tuple[str, str]] = ()) -> dict[str, Any]:
    """One SARIF log (one run) over report documents; ``failed`` lists (path, reason) of
    drawings that could not be read (tool execution notifications, run not successful)."""
    documents = list(documents)
    codes: list[str] = []
    for doc in documents:
        for code in [r["code"] for r in doc.get("rules", ())] + [f["rule"] for f in doc["findings"]]:
            if code not in codes:
                codes.append(code)
    rule_index = {code: i for i, code in enumerate(codes)}
    artifacts, results, notes = [], [], []
    for index, doc in enumerate(documents):
        drawing = doc["drawing"]
        artifacts.append({"location": {"uri": _uri(drawing["path"])},
                          "hashes": {"sha-256": drawing["sha256"]} if drawing.get("sha256") else {},
                          "properties": {"units": drawing.get("units"),
                                         "unitsSource": drawing.get("units_source")}})
        results += [_result(f, doc, index, rule_index) for f in doc["findings"]]
        for kind in ("unused_waivers", "expired_waivers"):
            for w in doc.get(kind, ()):
                notes.append({"level": "warning", "descriptor": {"id": kind},
                              "message": {"text": f"{drawing['path']}: {_waiver_note(kind, w, lang)}"}})
    for path, reason in failed:
        notes.append({"level": "error", "message": {"text": reason},
                      "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(path)}}}]})
    failed_any = any(True for _ in failed) or any(n["level"] == "error" for n in notes)
    return {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [{
            "tool": {"driver": {"name": "osmark-plan", "version": __version__,
                                "semanticVersion": __version__,
                                "rules": [rule_descriptor(c, lang) for c in codes]}},
            "invocations": [{"executionSuccessful": not failed_any,
                             "toolExecutionNotifications": notes}],
            "artifacts": artifacts,
            "results": results,
            "columnKind": "unicodeCodePoints",
            "properties": {"lang": lang},
        }],
    }


def _uri(path: str) -> str:
    return Path(path).as_posix()


def _waiver_note(kind: str, waiver: dict[str, Any], lang: str) -> str:
    if lang == "ja":
        what = "どの指摘にも一致しない免除" if kind == "unused_waivers" else "期限切れの免除"
    else:
        what = "waiver matching no finding" if kind == "unused_waivers" else "expired waiver"
    return f"{what}: {waiver['fingerprint']} ({waiver['reason']}; {waiver['by']}, {waiver['date']})"


def _result(f: dict[str, Any], doc: dict[str, Any], index: int, rule_index: dict[str, int]) -> dict[str, Any]:
    drawing = doc["drawing"]
    # a drawing has no text lines to point at: the position travels as properties
    where = {"units": drawing.get("units"), "at": f.get("at"), "bbox": f.get("bbox"),
             "handles": f.get("handles", [])}
    location: dict[str, Any] = {
        "physicalLocation": {"artifactLocation": {"uri": _uri(drawing["path"]), "index": index},
                             "properties": where},
        "logicalLocations": [
            {"name": s.get("name") or s.get("id") or s["kind"], "kind": s["kind"],
             "fullyQualifiedName": "/".join(p for p in (drawing.get("name") or drawing["path"], s["kind"],
                                                        s.get("id") or s.get("name") or "") if p)}
            for s in f["subjects"]],
    }
    if not location["logicalLocations"]:
        del location["logicalLocations"]
    result: dict[str, Any] = {
        "ruleId": f["rule"],
        "ruleIndex": rule_index[f["rule"]],
        "level": LEVELS.get(f["severity"], "warning"),
        "message": {"text": f["message"]},
        "locations": [location],
        "partialFingerprints": {FINGERPRINT_KEY: f["fingerprint"]},
        "properties": {"number": f.get("number"), "clause": f["clause"], "name": f["name"],
                       "handles": f.get("handles", []), "at": f.get("at"), "bbox": f.get("bbox"),
                       "units": drawing.get("units")},
    }
    waived = f.get("waived")
    if waived:
        justification = f"{waived['reason']} — {waived['by']}, {waived['date']}"
        if waived.get("expires"):
            justification += f" (expires {waived['expires']})"
        result["suppressions"] = [{"kind": "external", "status": "accepted", "justification": justification,
                                   "properties": {k: waived.get(k) for k in ("by", "date", "expires", "kind", "source")}}]
    return result
