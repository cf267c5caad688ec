"""Regular expressions written by users (layer patterns, ``lock_pattern``), run safely.

A pattern such as ``^(a+)+$`` meeting a long layer name backtracks for ever with Python's
``re``. User patterns therefore run on the ``regex`` package with a time limit per search: a
search that runs out raises a config error naming the setting, the pattern and the text, and
the command ends with exit 2 instead of hanging.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

#: seconds one search of one user pattern may take
SEARCH_SECONDS = 1.0


class PatternError(ValueError):
    """A user pattern does not compile, or a search with it ran out of time."""


class UserPattern:
    """A compiled user pattern (case-insensitive) whose searches are time-limited."""

    __slots__ = ("pattern", "where", "_rx")

    def __init__(self, pattern: str, where: str) -> None:
        self.pattern = pattern
        self.where = where
        import regex  # here, not at the top: `osmark --version` and `osmark rules` never need it

        try:
            self._rx = regex.compile(pattern, regex.IGNORECASE | regex.VERSION0)
        except (regex.error, TypeError, ValueError) as exc:
            raise PatternError(f"{where}: bad regex: {exc}") from None

    @property
    def groups(self) -> int:
        return int(self._rx.groups)

    def search(self, text: str) -> Any:
        """``regex.search`` with the time limit; :class:`ConfigError` when it runs out."""
        return self._run(self._rx.search, text)

    def fullmatch(self, text: str) -> Any:
        """``regex.fullmatch`` with the time limit."""
        return self._run(self._rx.fullmatch, text)

    def _run(self, method: Any, text: str) -> Any:
        try:
            return method(text, timeout=SEARCH_SECONDS)
        except TimeoutError:
            from .config_error import ConfigError

            shown = text if len(text) <= 60 else text[:57] + "..."
            raise ConfigError(f"{self.where}: the pattern {self.pattern!r} took longer than "
                              f"{SEARCH_SECONDS:g} s on {shown!r} (nested quantifiers such as (a+)+ "
                              "backtrack for ever); simplify it") from None


@lru_cache(maxsize=256)
def user_pattern(pattern: str, where: str) -> UserPattern:
    """The compiled pattern (cached); :class:`PatternError` when it does not compile."""
    return UserPattern(pattern, where)


__all__ = ["PatternError", "SEARCH_SECONDS", "UserPattern", "user_pattern"]
