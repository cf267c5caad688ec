"""The half of the filtered read that needs no DXF library: the file's bytes, checksum and
encoding, and the scan of :mod:`.stream`. It runs in this process, or in a forked child while
this process imports its libraries (:mod:`.prescan`)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from ..model import Repair
from .dxf_tags import Decline
from .sniff import UTF8_VERSIONS, choose_encoding, looks_like_dxf
from .stream import Scan, TooManyEntities, Unsuited, scan, version_of


@dataclass
class Prepared:
    """What the first half found. ``outcome``:

    * ``"scan"``: ``cut`` is the smaller document to load;
    * ``"full"``: load the whole file (``why``: the reason, empty for files the full load
      reports on: unreadable, empty, not DXF, DWG or Jw_cad);
    * ``"limit"``: more entities than the limit (``count``);
    * ``"local"``: a forked scan could not tell the encoding without ezdxf: prepare again here.

    ``pairs_checked`` False: the outcome was found without the check that the file is not
    damaged (``prepare(..., pairs=False)``); a damaged file must then go to the full load.
    """

    outcome: str
    why: str = ""
    count: int = 0
    sha256: str = ""
    #: the encoding to force on ezdxf (None: the file's own) and the repair that implies
    encoding: str | None = None
    repair: Repair | None = None
    cut: Scan | None = None
    pairs_checked: bool = True


def reads_filtered(config: Any) -> bool:
    """Whether a read with this config may be the filtered one: not where a frame title is
    looked for (it may be on any layer, so the whole file is read)."""
    return not getattr(config, "frame", None)


def prepare(path: Path, kind_of: Callable[[str], str], max_entities: int | None,
            file_encoding: Callable[[Path], str] | None, pairs: bool = True) -> Prepared:
    """Read and scan ``path``. ``file_encoding`` tells the encoding a file declares when the
    bytes do not (ezdxf's reading of the header); None in a forked child. ``pairs``: whether
    the scan checks that the file is not damaged (see :func:`.stream.scan`)."""
    try:
        data = path.read_bytes()
    except OSError:
        return Prepared("full")
    if not data.strip() or not looks_like_dxf(data):
        return Prepared("full")
    encoding, repair = choose_encoding(data)
    sha = hashlib.sha256(data).hexdigest()
    try:
        enc = encoding or _plain_encoding(data)
        if enc is None:
            if file_encoding is None:
                return Prepared("local")
            enc = file_encoding(path)
        cut = scan(data, enc, kind_of, max_entities, pairs=pairs)
    except Unsuited as exc:  # found before the damage check would be: its verdict is moot
        return Prepared("full", why=str(exc))
    except TooManyEntities as exc:  # counted on the scan's structure starts, not a second pass
        return Prepared("limit", count=exc.count, pairs_checked=pairs)
    except Decline as exc:
        return Prepared("full", why=str(exc), pairs_checked=pairs)
    except Exception as exc:  # noqa: BLE001 - the full load reads (or recovers) it
        return Prepared("full", why=f"the filtered read failed ({type(exc).__name__})", pairs_checked=pairs)
    return Prepared("scan", sha256=sha, encoding=encoding, repair=repair, cut=cut, pairs_checked=pairs)


def _plain_encoding(data: bytes) -> str | None:
    """The encoding to scan with when the bytes settle it alone: ASCII text reads the same in
    any code page; R2007 and newer are UTF-8. None: ask the file's header."""
    if data.isascii():
        return "utf-8"
    version = version_of(data)
    return "utf-8" if version is not None and version.decode("ascii", "replace") in UTF8_VERSIONS else None
