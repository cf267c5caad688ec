"""Signals and the hard time limit of the ``osmark`` command.

Ctrl-C (SIGINT), SIGTERM and SIGHUP remove the temporary outputs not yet renamed and end the
command with 128 + the signal number (130 for Ctrl-C, 143 for SIGTERM), never with Click's
"Aborted!" and exit 1 (which means "errors found"). The time limit of a floor interrupts
Python code (``limits.time_limit``); :func:`hard_deadline` ends the process when a floor is
stuck inside a library call that cannot be interrupted.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from contextlib import contextmanager
from typing import Iterator

from .messages import default_lang
from .output import cleanup_pending

#: signals that end the command cleanly
HANDLED = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name))


class Interrupted(BaseException):
    """The command was interrupted by a signal; ``code`` is its exit code (128 + signal)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum
        self.code = 128 + int(signum)

    def text(self, lang: str) -> str:
        name = signal.Signals(self.signum).name if self.signum in signal.Signals._value2member_map_ else str(self.signum)
        return f"osmark: 中断しました ({name})" if lang == "ja" else f"osmark: interrupted ({name})"


def _on_signal(signum: int, frame: object) -> None:
    cleanup_pending()
    raise Interrupted(signum)


def install() -> None:
    """Handle SIGINT, SIGTERM and SIGHUP (main thread only; elsewhere nothing changes)."""
    if threading.current_thread() is not threading.main_thread():
        return
    for sig in HANDLED:
        try:
            signal.signal(sig, _on_signal)
        except (OSError, ValueError):  # pragma: no cover - not settable here
            pass


def lang_of(args: list[str]) -> str:
    """The language of a signal's message: ``--lang`` among the arguments, else the locale's."""
    lang = next((args[i + 1] for i, a in enumerate(args[:-1]) if a == "--lang"), None)
    return lang if lang in ("ja", "en") else default_lang()


def safe_stdout() -> None:
    """Text to a console that cannot encode a character (cp932 and '—', or the undecodable
    bytes of a damaged file) gets '?' for it instead of a UnicodeEncodeError."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="replace" if stream is sys.stdout else "backslashreplace")
            except (ValueError, OSError):  # pragma: no cover
                pass


@contextmanager
def hard_deadline(seconds: float | None, message: str, code: int = 3) -> Iterator[None]:
    """End the process with ``message`` and ``code`` when the block is still running
    ``seconds`` later (temporary outputs removed first). None or 0: no deadline."""
    if not seconds or seconds <= 0:
        yield
        return
    done = threading.Event()

    def watch() -> None:
        if not done.wait(seconds):
            cleanup_pending()
            try:
                os.write(2, (message + "\n").encode(sys.stderr.encoding or "utf-8", "replace"))
            finally:
                os._exit(code)

    thread = threading.Thread(target=watch, name="osmark-deadline", daemon=True)
    thread.start()
    try:
        yield
    finally:
        done.set()


__all__ = ["HANDLED", "Interrupted", "hard_deadline", "install", "lang_of", "safe_stdout"]
