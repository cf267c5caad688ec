"""JUnit XML (``--format junit``): one testsuite per floor, one testcase per rule.

For CI systems that show test results: a rule with error findings is a failed testcase (its
message lists the numbered findings), a rule whose findings are all waived is skipped (with the
reasons), a rule that crashed is an error, any other rule passed. Warnings and info findings
do not fail a testcase; they are listed in its ``system-out``. Built from report documents.
"""

from __future__ import annotations

from typing import Any, Iterable, TextIO
from xml.etree import ElementTree as ET

from ..findings import Report
from .document import report_document


def write(report: Report, lang: str, stream: TextIO) -> None:
    """Write the JUnit XML of one checked drawing."""
    stream.write(dumps(junit_tree([report_document(report, lang)], lang)))


def dumps(root: ET.Element) -> str:
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _line(f: dict[str, Any], lang: str, units: str = "") -> str:
    at = f" @ {f['at'][0]:g} {units}, {f['at'][1]:g} {units}" if f.get("at") else ""
    text = f"{f['number']}. [{f['severity']}] {f['message']}{at} #{f['fingerprint']}"
    if f.get("waived"):
        w = f["waived"]
        text += (" — 免除: " if lang == "ja" else " — waived: ") + f"{w['reason']} ({w['by']}, {w['date']})"
    return text


def testsuite(doc: dict[str, Any], lang: str, name: str | None = None) -> ET.Element:
    """The testsuite of one floor's report document."""
    floor = name or doc["drawing"].get("name") or doc["drawing"]["path"]
    units = doc["drawing"].get("units") or ""
    by_rule: dict[str, list[dict[str, Any]]] = {}
    for f in doc["findings"]:
        by_rule.setdefault(f["rule"], []).append(f)
    runs = {r["code"]: r for r in doc.get("rules", ())}
    codes = list(runs) + [c for c in by_rule if c not in runs]
    suite = ET.Element("testsuite", name=floor, file=doc["drawing"]["path"])
    counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for code in codes:
        findings = by_rule.get(code, [])
        run = runs.get(code, {})
        name_ = findings[0]["name"] if findings else _rule_name(code)
        case = ET.SubElement(suite, "testcase", classname=floor, name=f"{code} {name_}")
        counts["tests"] += 1
        errors = [f for f in findings if f["severity"] == "error" and not f.get("waived")]
        waived = [f for f in findings if f.get("waived")]
        if run.get("error"):
            ET.SubElement(case, "error", message=run["error"], type="rule-error").text = run["error"]
            counts["errors"] += 1
        elif errors:
            message = (f"{len(errors)} 件のエラー" if lang == "ja" else
                       f"{len(errors)} error finding{'s' if len(errors) != 1 else ''}")
            failure = ET.SubElement(case, "failure", message=message, type="error")
            failure.text = "\n".join(_line(f, lang, units) for f in errors)
            counts["failures"] += 1
        elif waived and len(waived) == len(findings):
            reasons = "; ".join(dict.fromkeys(f["waived"]["reason"] for f in waived))
            ET.SubElement(case, "skipped", message=("免除: " if lang == "ja" else "waived: ") + reasons)
            counts["skipped"] += 1
        rest = [f for f in findings if f not in errors]
        if rest:
            ET.SubElement(case, "system-out").text = "\n".join(_line(f, lang, units) for f in rest)
    for key, value in counts.items():
        suite.set(key, str(value))
    return suite


def failed_suite(path: str, reason: str) -> ET.Element:
    """The testsuite of a drawing that could not be read: one testcase in error."""
    suite = ET.Element("testsuite", name=path, file=path, tests="1", failures="0", errors="1", skipped="0")
    case = ET.SubElement(suite, "testcase", classname=path, name="read")
    ET.SubElement(case, "error", message=reason, type="unreadable").text = reason
    return suite


def junit_tree(documents: Iterable[dict[str, Any]], lang: str = "ja",
               failed: Iterable[tuple[str, str]] = (), names: Iterable[str | None] = ()) -> ET.Element:
    """<testsuites> over report documents (one testsuite per floor) and unreadable drawings."""
    root = ET.Element("testsuites", name="osmark")
    names = list(names)
    for i, doc in enumerate(documents):
        root.append(testsuite(doc, lang, names[i] if i < len(names) else None))
    for path, reason in failed:
        root.append(failed_suite(path, reason))
    for key in ("tests", "failures", "errors", "skipped"):
        root.set(key, str(sum(int(s.get(key, "0")) for s in root)))
    return root


def _rule_name(code: str) -> str:
    from ..rules import get_rule

    rule = get_rule(code)
    return rule.name if rule is not None else code
