"""The whole document of a check's read, kept for the DXF markup (``--dxf``) so that the
drawing is not loaded (or converted from JWW/DWG) a second time.

Only inside :func:`keeping` (the CLI opens it when ``--dxf`` is given) and only a full read
(``ezdxf.readfile``, recover, or a converter): a filtered read holds the mapped layers only,
not the drawing a copy must show, so the markup then loads the file itself. The markup takes
a kept document once (:func:`take`), for the same file with the same contents (SHA-256).
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

if TYPE_CHECKING:
    from .load import Loaded

_KEPT: ContextVar[dict[str, Loaded] | None] = ContextVar("osmark_kept_documents", default=None)


def _key(path: str | Path) -> str:
    return str(Path(path).resolve())


@contextmanager
def keeping() -> Iterator[None]:
    """Keep the full reads made inside this block for :func:`take` (let go at its end)."""
    token = _KEPT.set({})
    try:
        yield
    finally:
        _KEPT.reset(token)


def keep(path: str | Path, loaded: Loaded) -> None:
    """Called by the reader for each load: kept when asked for and the whole file was read."""
    kept = _KEPT.get()
    if kept is not None and loaded.left_out is None:
        kept[_key(path)] = loaded


def take(path: str | Path, sha256: str | None) -> Loaded | None:
    """The kept full read of ``path`` with these contents (given up by the keeper), or None."""
    kept = _KEPT.get()
    loaded = kept.pop(_key(path), None) if kept else None
    return loaded if loaded is not None and sha256 and loaded.sha256 == sha256 else None


__all__ = ["keep", "keeping", "take"]
