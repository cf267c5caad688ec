"""Limits on what one floor may cost: entities, block nesting, MINSERT cells, time, coordinates.

A hostile or broken drawing must end, with its own message, instead of filling the memory or
running for ever. Every limit has a default that real floors stay far below, can be raised in
``osmark.toml``::

    [limits]
    entities = 500000      # entities after block expansion
    block_depth = 24       # INSERTs inside INSERTs
    minsert_cells = 100000 # cells of one MINSERT array (rows x columns)
    seconds = 300          # time for one floor (0: no limit)
    coordinate = 1e10      # larger coordinates (drawing units) are left out and reported

and (entities, seconds) on the command line (``--max-entities``, ``--time-limit``). A limit
that is hit stops the floor: the reader raises its ``LimitExceeded`` (a ReadError: exit 3), the
time limit :class:`TimeLimitExceeded` (a BaseException, so no ``except Exception`` on the way
swallows it; exit 3 too).
"""

from __future__ import annotations

import re
import signal
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, fields
from typing import Any, Iterator, Mapping
from .messages import say

#: the ``[limits]`` settings, their defaults and what they mean (en, ja)
LIMIT_DEFAULTS: dict[str, float] = {
    "entities": 500_000,
    "block_depth": 24,
    "minsert_cells": 100_000,
    "seconds": 300.0,
    "coordinate": 1e10,
}


@dataclass(frozen=True)
class Limits:
    """The limits of one floor (see the module docstring)."""

    entities: int = int(LIMIT_DEFAULTS["entities"])
    block_depth: int = int(LIMIT_DEFAULTS["block_depth"])
    minsert_cells: int = int(LIMIT_DEFAULTS["minsert_cells"])
    #: seconds for one floor; 0 means no limit
    seconds: float = LIMIT_DEFAULTS["seconds"]
    #: coordinates beyond this (absolute, drawing units) are absurd: left out and reported
    coordinate: float = LIMIT_DEFAULTS["coordinate"]


class LimitError(ValueError):
    """A ``[limits]`` value is wrong (the config loader turns it into a config error)."""


def parse_limits(table: Mapping[str, Any], where: str) -> Limits:
    """Limits from a ``[limits]`` table; :class:`LimitError` names the bad setting."""
    known = {f.name for f in fields(Limits)}
    values: dict[str, Any] = {}
    for key, value in table.items():
        if key not in known:
            raise LimitError(say(f"{where}: [limits] unknown setting {key!r}; settings: {', '.join(sorted(known))}",
                               f"{where}: [limits] 不明な設定項目 {key!r} です（使える項目: {', '.join(sorted(known))}）"))
        whole = key in ("entities", "block_depth", "minsert_cells")
        ok = (not isinstance(value, bool) and isinstance(value, (int, float))
              and value == value and value >= (0 if key == "seconds" else 1)
              and value != float("inf") and (not whole or float(value).is_integer()))
        if not ok:
            kind = "a whole number of at least 1" if whole else (
                "seconds (0: no limit)" if key == "seconds" else "a positive number")
            raise LimitError(say(f"{where}: [limits] {key} must be {kind}, not {value!r}",
                               f"{where}: [limits] {key} は {kind} で指定してください（{value!r} は使えません）"))
        values[key] = int(value) if whole else float(value)
    return Limits(**values)


# --- entities counted on the bytes ---------------------------------------------------------

_ENTITIES = re.compile(rb"\n[ \t]*2[ \t]*\r?\n[ \t]*ENTITIES[ \t]*\r?\n")
_TAG0 = re.compile(rb"\n[ \t]*0[ \t]*\r?\n[ \t]*(?!(?:VERTEX|SEQEND|ATTRIB|ENDSEC)\b)"
                   rb"(?:[A-Z_][A-Z0-9_]*|3D[A-Z]+)(?=[ \t]*\r?\n)")
_ENDSEC = re.compile(rb"\n[ \t]*0[ \t]*\r?\n[ \t]*ENDSEC")


def raw_entities(data: bytes) -> int:
    """Entities of a text DXF's ENTITIES section, counted on the bytes (no parsing): every one
    of them counts at least once after block expansion, so more than the limit here is more
    than the limit after expansion too. 0 for a binary DXF or one without that section."""
    m = _ENTITIES.search(data)
    if m is None:
        return 0
    end = _ENDSEC.search(data, m.end())
    return len(_TAG0.findall(data, m.end() - 1, end.start() + 1 if end else len(data)))


# --- time -------------------------------------------------------------------------------------

class TimeLimitExceeded(BaseException):
    """One floor took longer than its time limit."""

    def __init__(self, seconds: float, path: str = "") -> None:
        super().__init__(f"{path}: took longer than {seconds:g} s")
        self.seconds = seconds
        self.path = path

    def text(self, lang: str) -> str:
        """One line for the user, naming the file and how to raise the limit."""
        if lang == "ja":
            return (f"{self.path}: 1 図面あたりの制限時間 {self.seconds:g} 秒を超えたため検査を止めました"
                    "（osmark.toml の [limits] seconds または --time-limit で変えられます）")
        return (f"{self.path}: stopped after the time limit of {self.seconds:g} s for one floor "
                "([limits] seconds in osmark.toml, or --time-limit)")


_state = threading.local()


def check_time() -> None:
    """Raise :class:`TimeLimitExceeded` when the current floor's time is up (cheap; call it in
    long loops, so the limit holds in threads too, where no alarm signal arrives)."""
    deadline = getattr(_state, "deadline", None)
    if deadline is not None and time.monotonic() > deadline[0]:
        raise TimeLimitExceeded(deadline[1], deadline[2])


@contextmanager
def time_limit(seconds: float | None, path: str = "") -> Iterator[None]:
    """Limit the time of the block: in the main thread of a Unix process a timer signal
    interrupts any Python code when the time is up; elsewhere :func:`check_time` does."""
    if not seconds or seconds <= 0:
        yield
        return
    outer = getattr(_state, "deadline", None)
    _state.deadline = (time.monotonic() + seconds, seconds, path)
    use_alarm = (threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer")
                 and outer is None)
    old = None
    if use_alarm:
        def on_alarm(signum: int, frame: object) -> None:
            raise TimeLimitExceeded(seconds, path)

        old = signal.signal(signal.SIGALRM, on_alarm)
        signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        if use_alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, old if old is not None else signal.SIG_DFL)
        _state.deadline = outer


__all__ = ["LIMIT_DEFAULTS", "LimitError", "Limits", "TimeLimitExceeded", "check_time",
           "parse_limits", "raw_entities", "time_limit"]
