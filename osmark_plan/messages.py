"""Messages for the user in both languages, for errors raised far from the CLI.

A :class:`Msg` *is* its English text (a ``str``), so ``str(exc)`` and existing callers keep
working, and carries its Japanese beside it; the CLI prints :func:`in_lang` of it in the
language the user chose. Build one with :func:`say`; put a path or ``osmark`` in front of one
with :func:`prefixed`, which keeps both languages.
"""

from __future__ import annotations

import locale
import os
from typing import Any


class Msg(str):
    """An English message that also knows its Japanese (``ja``)."""

    ja: str

    def __new__(cls, en: str, ja: str) -> "Msg":
        obj = super().__new__(cls, en)
        obj.ja = ja
        return obj

    def __reduce__(self):  # picklable (batch workers send errors across processes)
        return (Msg, (str(self), self.ja))


def say(en: str, ja: str) -> Msg:
    """A message in English and Japanese."""
    return Msg(en, ja)


def in_lang(message: Any, lang: str) -> str:
    """The message in ``lang``: its Japanese when it has one and ``lang`` is ja, else English."""
    if lang == "ja" and isinstance(message, Msg):
        return message.ja
    return str(message)


def prefixed(prefix: str, message: Any, sep: str = ": ") -> Msg:
    """``prefix: message`` in both languages (a plain message stays the same in both)."""
    ja = message.ja if isinstance(message, Msg) else str(message)
    return Msg(f"{prefix}{sep}{message}", f"{prefix}{sep}{ja}")


def exc_message(exc: BaseException) -> Any:
    """The message an exception was raised with (a :class:`Msg` when it has both languages)."""
    return exc.args[0] if exc.args and isinstance(exc.args[0], str) else str(exc)


def default_lang() -> str:
    """``en`` when the locale is English, else ``ja``."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "en" if value.lower().startswith("en") else "ja"
    try:
        loc = locale.getlocale()[0] or ""
    except ValueError:
        loc = ""
    return "en" if loc.lower().startswith("en") else "ja"
