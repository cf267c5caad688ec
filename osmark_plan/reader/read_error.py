"""The error of a drawing that cannot be read (exit code 3)."""

from __future__ import annotations

from pathlib import Path


class ReadError(Exception):
    """The drawing cannot be read; ``str()`` is one clear line for the user (English),
    :meth:`text` the same in Japanese or English."""

    def __init__(self, path: str | Path, message: str, message_ja: str | None = None) -> None:
        self.path = str(path)
        self.message = message
        self.message_ja = message_ja
        super().__init__(f"{path}: {message}")

    def text(self, lang: str) -> str:
        """``path: message`` in ``lang`` (English where no Japanese is known)."""
        return f"{self.path}: {self.message_ja if lang == 'ja' and self.message_ja else self.message}"
