"""Scanning the drawing in a forked child while this process imports its libraries.

``osmark check`` spends its first half second importing numpy, shapely, networkx and ezdxf, and
the filtered read (:mod:`.prepare`) then spends about as long scanning the file's bytes. On a
machine with two cores or more the two can overlap: :func:`start` forks a child that prepares
the read and sends the result back through a pipe; :func:`take`, called by the filtered read,
collects it (or returns None, and the read prepares in-process as before). Meanwhile this
process checks that the file is not damaged, the one part of the scan that needs nothing of
the rest, so that the two processes finish about together. The child shares
nothing back but that one pickled result; it never prints, never runs exit handlers, dies
quietly on Ctrl-C, and ends by itself when the floor's time limit has long passed.

Only where it cannot hurt: a fork-capable Unix, no other thread running, the libraries not yet
imported (a batch worker or an API caller has them already), and ``OSMARK_PRESCAN`` not "0".
"""

from __future__ import annotations

import atexit
import gc
import os
import pickle
import signal
import sys
import threading
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Callable

from .prepare import Prepared, prepare
from .stream import DAMAGED, damaged


@dataclass
class _Pending:
    pid: int
    fd: int
    key: tuple[Any, ...]


_pending: list[_Pending] = []


def _key(path: Path, kind_of: Callable[[str], str], max_entities: int | None) -> tuple[Any, ...] | None:
    """What a result must match to be taken: the file (as it is now), the layer patterns and
    the limit. None: the patterns cannot be compared, so no result is ever taken."""
    signature = getattr(kind_of, "signature", None)
    if signature is None:
        return None
    try:
        st = path.stat()
        where = str(path.resolve())
    except (OSError, RuntimeError):
        return None
    return (where, st.st_size, st.st_mtime_ns, signature, max_entities)


def usable() -> bool:
    """Whether forking a scan can help and cannot harm here."""
    if os.environ.get("OSMARK_PRESCAN", "1") == "0" or not hasattr(os, "fork"):
        return False
    if sys.platform not in ("linux", "darwin") or threading.active_count() != 1:
        return False
    if "ezdxf" in sys.modules:  # nothing left to overlap with
        return False
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    return cores >= 2


def start(path: str | Path, kind_of: Callable[[str], str], max_entities: int | None,
          seconds: float | None = None) -> bool:
    """Fork a child preparing the filtered read of ``path``; whether one was started.
    ``seconds``: the floor's time limit; the child ends itself some time after it."""
    p = Path(path)
    if not usable() or not p.is_file():
        return False
    key = _key(p, kind_of, max_entities)
    if key is None:
        return False
    r, w = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(r)
        os.close(w)
        return False
    if pid == 0:  # the child: prepare, send, and leave without running anything else
        try:
            os.close(r)
            quiet = os.open(os.devnull, os.O_RDWR)  # holds no pipe of the command open (| cat)
            for fd in (0, 1, 2):
                os.dup2(quiet, fd)
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            signal.signal(signal.SIGALRM, signal.SIG_DFL)
            signal.setitimer(signal.ITIMER_REAL, (seconds * 1.1 + 5) if seconds else 0)
            gc.disable()  # (as the read in-process: no collections over the scan's many objects)
            result = prepare(p, kind_of, max_entities, None, pairs=False)
            with os.fdopen(w, "wb") as out:
                pickle.dump(result, out, protocol=pickle.HIGHEST_PROTOCOL)
        finally:
            os._exit(0)
    os.close(w)
    if not _pending:
        atexit.register(discard)
    _pending.append(_Pending(pid, r, key))
    return True


def claim(path: Path, kind_of: Callable[[str], str], max_entities: int | None) -> _Pending | None:
    """The child started for this very read, if there is one (then :func:`wait` for it)."""
    if not _pending:
        return None
    key = _key(path, kind_of, max_entities)
    mine = next((job for job in _pending if job.key == key), None) if key is not None else None
    if mine is not None:
        _pending.remove(mine)
    return mine


def wait(job: _Pending) -> Prepared | None:
    """The child's result; None when it failed (the caller then prepares in-process)."""
    try:
        with os.fdopen(job.fd, "rb") as pipe:
            result = pickle.load(pipe)
    except Exception:  # noqa: BLE001 - a child that died (killed, out of memory): read here.
        result = None  # (a time limit or Ctrl-C is a BaseException: it goes through)
    finally:
        _reap(job.pid, kill=True)
    return result if isinstance(result, Prepared) else None


def take(path: Path, kind_of: Callable[[str], str], max_entities: int | None) -> Prepared | None:
    """The prepared read of this very path, from the child started for it (the check that the
    file is not damaged made here meanwhile: the child leaves it out); None when there is
    no child or it failed."""
    job = claim(path, kind_of, max_entities)
    if job is None:
        return None
    try:
        broken = damaged(path.read_bytes())  # this process's share, while the child scans
    except OSError:
        broken = None
    except BaseException:  # a time limit, Ctrl-C: the claimed child is ended here, not orphaned
        os.close(job.fd)
        _reap(job.pid, kill=True)
        raise
    got = wait(job)
    if got is None or got.pairs_checked:
        return got
    if broken is None:  # the file could not be read again: prepare it all here
        return None
    return Prepared("full", why=DAMAGED) if broken else replace(got, pairs_checked=True)


def discard() -> None:
    """End every child whose result nobody took (at exit, or when a read went another way)."""
    while _pending:
        job = _pending.pop()
        try:
            os.close(job.fd)
        except OSError:
            pass
        _reap(job.pid, kill=True)


def _reap(pid: int, kill: bool) -> None:
    if kill:
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass
    try:
        os.waitpid(pid, 0)
    except (ChildProcessError, InterruptedError, OSError):
        pass
