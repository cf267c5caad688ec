"""The JSON report (``--format json``): the report document, as is."""

from __future__ import annotations

import json
from typing import Any, TextIO

from ..findings import Report
from .document import report_document


def dumps(document: dict[str, Any]) -> str:
    """A report document as indented UTF-8 JSON text (Japanese kept readable)."""
    return json.dumps(document, ensure_ascii=False, indent=2, allow_nan=False)


def write(report: Report, lang: str, stream: TextIO) -> None:
    """Write the JSON report of ``report`` (messages in ``lang``) to ``stream``, piece by piece
    (a big floor's report is never held whole as one string)."""
    json.dump(report_document(report, lang), stream, ensure_ascii=False, indent=2, allow_nan=False)
    stream.write("\n")


def load_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the report document."""
    from importlib.resources import files

    return json.loads(files(__package__).joinpath("schema.json").read_text(encoding="utf-8"))
