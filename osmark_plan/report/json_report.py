"""The JSON report (``--format json``): the report document, as is."""

from __future__ import annotations

import codecs
import json
import os
from typing import Any, TextIO

from ..findings import Report
from .document import report_document


def dumps(document: dict[str, Any]) -> str:
    """A report document as indented UTF-8 JSON text (Japanese kept readable): orjson's
    encoding where it can (see :func:`fast_bytes`), else json's; the same document and layout."""
    data = fast_bytes(document)
    if data is None:
        return json.dumps(document, ensure_ascii=False, indent=2, allow_nan=False)
    return data.decode("utf-8")


def write(report: Report, lang: str, stream: TextIO) -> None:
    """Write the JSON report of ``report`` (messages in ``lang``) to ``stream``: encoded by
    orjson where it is installed and can (the document :func:`dumps` writes, in the same
    layout; a number may be spelled otherwise, 1e-5 for 1e-05), else streamed by :mod:`json`."""
    document = report_document(report, lang)
    data = fast_bytes(document)
    if data is None:
        json.dump(document, stream, ensure_ascii=False, indent=2, allow_nan=False)
        stream.write("\n")
        return
    buffer = getattr(stream, "buffer", None)
    if buffer is not None and os.linesep == "\n" and _is_utf8(getattr(stream, "encoding", None)):
        stream.flush()  # the UTF-8 bytes straight to the file: no decoded copy of a big report
        buffer.write(data)
        buffer.write(b"\n")
    else:
        stream.write(data.decode("utf-8"))
        stream.write("\n")


def _is_utf8(encoding: str | None) -> bool:
    try:
        return encoding is not None and codecs.lookup(encoding).name == "utf-8"
    except LookupError:
        return False


def fast_bytes(document: dict[str, Any]) -> bytes | None:
    """``document`` as indented JSON, UTF-8 bytes, by orjson; None where orjson is missing or cannot
    encode it (an integer beyond 64 bits, a lone surrogate: json then writes it as before).
    A number that is not finite, which json refuses, is written null."""
    try:
        import orjson
    except ImportError:
        return None
    try:
        data = orjson.dumps(document, option=orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS)
    except TypeError:  # (orjson.JSONEncodeError is a TypeError)
        return None
    return data


def load_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the report document."""
    from importlib.resources import files

    return json.loads(files(__package__).joinpath("schema.json").read_text(encoding="utf-8"))
