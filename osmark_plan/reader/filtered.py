"""Opening a DXF file the fast way: the filtered read of reader/stream.py, the full load where
it cannot serve."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Callable

import ezdxf
from ezdxf.filemanagement import dxf_file_info
from ezdxf.tools.codepage import is_supported_encoding

from ..limits import Limits
from .load import Loaded, _quiet, load
from .prepare import prepare
from .prescan import take
from .sniff import UTF8_VERSIONS


class NeedFull(Exception):
    """The reader needs entities a filtered read left out (e.g. the drawing's extents)."""


def full(path: str | Path, why: str, limits: Limits | None = None) -> Loaded:
    """The whole file through ezdxf (readfile, recover), noting why."""
    loaded = load(path, limits)
    loaded.read_path = f"full: {why}" if why else "full"
    return loaded


def load_filtered(path: str | Path, kind_of: Callable[[str], str], limits: Limits | None = None) -> Loaded:
    """Only what the check needs (see :mod:`.stream`); the full load where that cannot serve.

    Anything unusual - unreadable, empty, not DXF, damaged - goes to the full load, which
    reports it (or recovers the file and records the repair) as before. The scan is the one a
    forked child made while the libraries imported (:mod:`.prescan`), or made here.
    """
    p = Path(path)
    max_entities = limits.entities if limits is not None else None
    got = take(p, kind_of, max_entities)
    if got is None or got.outcome == "local":
        got = prepare(p, kind_of, max_entities, lambda q: dxf_file_info(str(q)).encoding)
    if got.outcome == "limit":
        from .limit_errors import too_many_entities

        raise too_many_entities(str(p), got.count, max_entities)  # type: ignore[arg-type]
    if got.outcome != "scan" or got.cut is None:
        return full(p, got.why, limits)
    encoding, cut = got.encoding, got.cut
    try:
        enc = encoding or dxf_file_info(str(p)).encoding
        # decoded line by line as ezdxf reads (no whole-text str and StringIO copies)
        stream = io.TextIOWrapper(io.BytesIO(cut.text), encoding=enc, errors="surrogateescape",
                                  newline=None)
        cut.text = b""
        with _quiet():
            doc = ezdxf.read(stream)
        del stream
    except Exception as exc:  # noqa: BLE001 - the full load reads (or recovers) it
        return full(p, f"the filtered read failed ({type(exc).__name__})", limits)
    doc.filename = str(p)
    if encoding is not None and is_supported_encoding(encoding):
        doc.encoding = encoding
    out_enc = encoding or getattr(doc, "encoding", None) or "utf-8"
    if doc.dxfversion in UTF8_VERSIONS:
        out_enc = "utf-8"
    return Loaded(doc=doc, sha256=got.sha256, encoding=str(out_enc),
                  repairs=[got.repair] if got.repair else [], read_path="filtered",
                  left_out=cut.left_out)
