"""Opening a DXF file: bytes, checksum, text encoding, readfile with recover as fallback."""

from __future__ import annotations

import hashlib
import logging
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import ezdxf
from ezdxf import recover
from ezdxf.document import Drawing

from ..messages import say
from ..limits import Limits, raw_entities
from ..model import Repair
from ..shortfall import Shortfall
from .read_error import ReadError
from .convert import ConvertError, convert, source_format
from .sniff import UTF8_VERSIONS as _UTF8_VERSIONS, choose_encoding, looks_like_dxf as _looks_like_dxf



@dataclass
class Loaded:
    """A loaded document and what was learnt while loading it."""

    doc: Drawing
    sha256: str
    encoding: str
    repairs: list[Repair] = field(default_factory=list)
    #: the file format read ("DXF", "JWW", "JWC", "DWG R2000" …) and the converter used, if any
    source_format: str = "DXF"
    converter: str | None = None
    #: layer -> entities a converter could not carry over (reported as DWG008)
    unconverted: dict[str, int] = field(default_factory=dict)
    #: the 1:N scale the source file states (Jw_cad layer groups)
    stated_scale: int | None = None
    #: what a converter lost: the source's entities missing from the converted document (DWG011)
    shortfall: Shortfall | None = None
    #: how the file was read: "filtered" (only what the check needs, reader/stream.py) or
    #: "full" (ezdxf.readfile), with the reason the filtered read declined
    read_path: str = "full"
    #: for a filtered read: raw layer -> Counter of entity types left out (None: full read)
    left_out: dict | None = None


def _read_bytes(path: Path) -> bytes:
    try:
        if path.is_dir():
            raise ReadError(path, "is a folder, not a DXF file", "フォルダです。DXF ファイルを指定してください")
        return path.read_bytes()
    except FileNotFoundError:
        raise ReadError(path, "file not found", "ファイルがありません") from None
    except PermissionError:
        raise ReadError(path, "permission denied: the file cannot be opened",
                        "アクセス権がないため開けません") from None
    except OSError as exc:
        raise ReadError(path, f"cannot read the file: {exc.strerror or exc}",
                        f"ファイルを読めません: {exc.strerror or exc}") from None


@contextmanager
def _quiet():  # type: ignore[no-untyped-def]
    """ezdxf logs what it repairs; the reader records repairs itself, so keep stderr clean."""
    logger = logging.getLogger("ezdxf")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


def load(path: str | Path, limits: Limits | None = None) -> Loaded:
    """Read a DXF file (ezdxf quiet); see :func:`_load`."""
    with _quiet():
        return _load(path, limits)


def _load(path: str | Path, limits: Limits | None = None) -> Loaded:
    """Read a DXF file; ezdxf.readfile first, ezdxf.recover.readfile if that fails."""
    p = Path(path)
    data = _read_bytes(p)
    if not data.strip():
        raise ReadError(p, "the file is empty", "ファイルが空です")
    sha = hashlib.sha256(data).hexdigest()
    fmt = source_format(p, data)
    if fmt is not None:
        return _load_converted(p, fmt, sha)
    if not _looks_like_dxf(data):
        raise ReadError(p, "not a DXF file (no DXF sections found); osmark reads DXF, "
                           "DWG (R2000-R2018) and Jw_cad (.jww, .jwc) drawings",
                        "DXF ファイルではありません（DXF のセクションが見つかりません）。"
                        "読めるのは DXF、DWG（R2000〜R2018）、Jw_cad（.jww, .jwc）の図面です")
    if limits is not None and (count := raw_entities(data)) > limits.entities:
        from .limit_errors import too_many_entities

        raise too_many_entities(str(p), count, limits.entities)
    encoding, enc_repair = choose_encoding(data)
    repairs: list[Repair] = [enc_repair] if enc_repair else []
    first_error: Exception | None = None
    doc: Drawing | None = None
    try:
        doc = ezdxf.readfile(p, encoding=encoding)
    except Exception as exc:  # noqa: BLE001 - any ezdxf failure means "try recover"
        first_error = exc
    if doc is None:
        try:
            doc, auditor = _recover(p, encoding)
        except Exception as exc:  # noqa: BLE001
            msg = str(first_error or exc).strip().splitlines()[0] if (first_error or exc) else ""
            raise ReadError(p, f"not a readable DXF file ({msg or type(exc).__name__})",
                            f"読み取れない DXF ファイルです（{msg or type(exc).__name__}）") from None
        if not len(doc.modelspace()):
            raise ReadError(p, "the file is damaged and no drawing entity could be recovered from it",
                            "ファイルが破損しており、図形を一つも復元できませんでした")
        repairs.append(Repair(
            what="recovered",
            detail=say(f"the file is damaged; ezdxf recover mode read it "
                       f"({len(auditor.fixes)} fixes, {len(auditor.errors)} errors left)",
                       f"ファイルが破損しているため、ezdxf の修復モードで読み込みました"
                       f"（修正 {len(auditor.fixes)} 件、残った誤り {len(auditor.errors)} 件）")))
    enc = encoding or getattr(doc, "encoding", None) or "utf-8"
    if doc.dxfversion in _UTF8_VERSIONS:
        enc = "utf-8"
    return Loaded(doc=doc, sha256=sha, encoding=str(enc), repairs=repairs)


def _load_converted(path: Path, fmt: str, sha: str) -> Loaded:
    """A JWW, JWC or DWG file converted to DXF in memory (:mod:`.convert`)."""
    try:
        conv = convert(path, fmt)
    except ConvertError as exc:
        raise ReadError(path, exc.message, exc.message_ja) from None
    if not len(conv.doc.modelspace()):
        raise ReadError(path, f"{conv.converter} found no drawing entity in this {conv.source_format} file",
                        f"{conv.converter} はこの {conv.source_format} ファイルに図形を見つけられませんでした")
    return Loaded(doc=conv.doc, sha256=sha, encoding="utf-8", repairs=conv.repairs,
                  source_format=conv.source_format, converter=conv.converter,
                  unconverted=dict(conv.unconverted), stated_scale=conv.stated_scale,
                  shortfall=conv.shortfall)


def _recover(path: Path, encoding: str | None):  # type: ignore[no-untyped-def]
    """ezdxf recover mode, with a forced text encoding when one was detected."""
    if not encoding:
        return recover.readfile(path)
    original = recover.detect_encoding
    recover.detect_encoding = lambda tags: encoding  # type: ignore[assignment]
    try:
        return recover.readfile(path)
    finally:
        recover.detect_encoding = original  # type: ignore[assignment]
