"""Opening a DXF file the fast way: the filtered read of reader/stream.py, the full load where
it cannot serve."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path
from typing import Callable

import ezdxf
from ezdxf.filemanagement import dxf_file_info
from ezdxf.tools.codepage import is_supported_encoding

from ..limits import Limits
from .dxf_tags import Decline
from .load import _UTF8_VERSIONS, Loaded, _looks_like_dxf, _quiet, choose_encoding, load
from .stream import TooManyEntities, scan


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
    reports it (or recovers the file and records the repair) as before.
    """
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError:
        return full(p, "", limits)
    if not data.strip() or not _looks_like_dxf(data):
        return full(p, "", limits)
    encoding, enc_repair = choose_encoding(data)
    sha = hashlib.sha256(data).hexdigest()
    try:
        enc = encoding or dxf_file_info(str(p)).encoding
        cut = scan(data, enc, kind_of, limits.entities if limits is not None else None)
        del data  # (peak memory: the file's bytes are not needed while ezdxf loads)
        # decoded line by line as ezdxf reads (no whole-text str and StringIO copies)
        stream = io.TextIOWrapper(io.BytesIO(cut.text), encoding=enc, errors="surrogateescape",
                                  newline=None)
        cut.text = b""
        with _quiet():
            doc = ezdxf.read(stream)
        del stream
    except TooManyEntities as exc:  # counted on the scan's structure starts, not a second pass
        from .limit_errors import too_many_entities

        raise too_many_entities(str(p), exc.count, limits.entities) from None  # type: ignore[union-attr]
    except Decline as exc:
        return full(p, str(exc), limits)
    except Exception as exc:  # noqa: BLE001 - the full load reads (or recovers) it
        return full(p, f"the filtered read failed ({type(exc).__name__})", limits)
    doc.filename = str(p)
    if encoding is not None and is_supported_encoding(encoding):
        doc.encoding = encoding
    out_enc = encoding or getattr(doc, "encoding", None) or "utf-8"
    if doc.dxfversion in _UTF8_VERSIONS:
        out_enc = "utf-8"
    return Loaded(doc=doc, sha256=sha, encoding=str(out_enc),
                  repairs=[enc_repair] if enc_repair else [], read_path="filtered",
                  left_out=cut.left_out)
