"""Atomic outputs: every file the tool writes goes to a temporary file beside the target and is
renamed over it only when complete, so an interrupted run never leaves a truncated report or
destroys a good one. Temporary files still open when the process ends (an exception, Ctrl-C,
SIGTERM) are removed."""

from __future__ import annotations

import atexit
import glob
import os
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator, TextIO

from .messages import say

#: temporary files written but not yet renamed; removed at exit and by the signal handlers
_PENDING: set[str] = set()
#: a temporary beside a target older than this is left over from a killed run (kill -9)
STALE_SECONDS = 6 * 3600.0


class OutputError(OSError):
    """An output cannot be written where asked (message names the path and the reason)."""


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def cleanup_pending() -> None:
    """Remove every temporary output not yet renamed (safe to call more than once)."""
    for tmp in list(_PENDING):
        try:
            os.unlink(tmp)
        except OSError:
            pass
        _PENDING.discard(tmp)


atexit.register(cleanup_pending)


def refuse_inputs(target: str | Path, inputs: tuple[str | Path, ...]) -> None:
    """Raise :class:`OutputError` when ``target`` is one of the input files."""
    t = Path(target)
    for p in inputs:
        try:
            same = t.exists() and Path(p).exists() and os.path.samefile(t, p)
        except OSError:
            same = False
        if same or t.resolve() == Path(p).resolve():
            raise OutputError(say(f"{target}: refusing to overwrite the input drawing",
                                      f"{target}: 入力の図面は上書きしません"))


@contextmanager
def atomic_path(target: str | Path, inputs: tuple[str | Path, ...] = ()) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; on success it is renamed over ``target``.

    For writers that want a file name (matplotlib's savefig, ezdxf's saveas). The folder of
    ``target`` must exist: outputs never create folders silently.
    """
    target = Path(target)
    refuse_inputs(target, inputs)
    if target.is_dir():
        raise OutputError(say(f"{target}: is a folder", f"{target}: フォルダです"))
    parent = target.parent if str(target.parent) else Path(".")
    if not parent.is_dir():
        raise OutputError(say(f"{target}: folder {parent} does not exist", f"{target}: フォルダ {parent} がありません"))
    remove_stale(target)
    try:
        fd, tmp = tempfile.mkstemp(dir=parent, prefix=f".{target.name}.", suffix=".tmp" + target.suffix)
    except OSError as exc:
        raise OutputError(say(f"{target}: cannot write here ({exc.strerror or exc})",
                                  f"{target}: ここには書き込めません（{exc.strerror or exc}）")) from None
    os.close(fd)
    _PENDING.add(tmp)
    try:
        yield Path(tmp)
        os.chmod(tmp, 0o666 & ~_umask())  # as an ordinary new file would be, not mkstemp's 0600
        os.replace(tmp, target)
    except OSError as exc:
        raise OutputError(say(f"{target}: cannot write here ({exc.strerror or exc})",
                                  f"{target}: ここには書き込めません（{exc.strerror or exc}）")) from None
    finally:
        if os.path.exists(tmp):
            try:
                os.unlink(tmp)
            except OSError:
                pass
        _PENDING.discard(tmp)


def remove_stale(target: str | Path, older_than: float = STALE_SECONDS) -> list[Path]:
    """Remove the temporaries of ``target`` left by a killed run (older than ``older_than``
    seconds, so a run writing the same target right now keeps its own); those removed."""
    target = Path(target)
    removed = []
    now = time.time()
    for tmp in target.parent.glob(f".{glob.escape(target.name)}.*.tmp*"):
        try:
            if now - tmp.stat().st_mtime > older_than and tmp.is_file():
                tmp.unlink()
                removed.append(tmp)
        except OSError:
            pass
    return removed


def write_text_atomic(target: str | Path, writer: Callable[[TextIO], None] | str,
                      inputs: tuple[str | Path, ...] = (), encoding: str = "utf-8") -> None:
    """Write text (a string, or a function writing to a stream) atomically to ``target``."""
    with atomic_path(target, inputs) as tmp:
        with open(tmp, "w", encoding=encoding, newline="\n") as fh:
            if isinstance(writer, str):
                fh.write(writer)
            else:
                writer(fh)


def write_bytes_atomic(target: str | Path, data: bytes, inputs: tuple[str | Path, ...] = ()) -> None:
    """Write bytes atomically to ``target``."""
    with atomic_path(target, inputs) as tmp:
        tmp.write_bytes(data)


__all__ = ["OutputError", "atomic_path", "cleanup_pending", "refuse_inputs", "remove_stale",
           "write_bytes_atomic", "write_text_atomic"]
