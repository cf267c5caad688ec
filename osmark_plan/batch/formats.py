"""``osmark batch --format``: the batch as text (the summary line), JSON (summary.json), SARIF
(one run; every floor an artifact, the building findings located at their manifest) or JUnit
(one testsuite per floor and per building). Built from the floors' written JSON reports."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable

from .session import BatchRun


def floor_documents(run: BatchRun) -> tuple[list[dict[str, Any]], list[tuple[str, str]]]:
    """The report documents of the checked floors and of the buildings, and (path, reason) of
    the floors that could not be read."""
    docs: list[dict[str, Any]] = []
    failed: list[tuple[str, str]] = []
    for row, report in zip(run.rows, run.reports):
        if report is None:
            failed.append((row["path"], row["reason"] or row["path"]))
        else:
            docs.append(json.loads(Path(report).read_text(encoding="utf-8")))
    for b in run.document.get("buildings", ()):
        docs.append({"drawing": {"path": b["manifest"], "name": b["name"], "units": None, "sha256": ""},
                     "findings": b["findings"], "rules": []})
    return docs, failed


def _sarif(run: BatchRun, lang: str) -> str:
    from ..report.sarif import dumps, sarif_log

    docs, failed = floor_documents(run)
    return dumps(sarif_log(docs, lang, failed)) + "\n"


def _junit(run: BatchRun, lang: str) -> str:
    from ..report.junit import dumps, junit_tree

    docs, failed = floor_documents(run)
    return dumps(junit_tree(docs, lang, failed))


def _json(run: BatchRun, lang: str) -> str:
    return json.dumps(run.document, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


#: batch format -> writer of the whole batch ("text" is the command's summary line)
BATCH_FORMATS: dict[str, Callable[[BatchRun, str], str]] = {
    "json": _json,
    "sarif": _sarif,
    "junit": _junit,
}
