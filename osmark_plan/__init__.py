"""osmark-plan: check office floor drawings against the Office Security Mark layout rules."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["__version__", "build", "check", "check_plan", "diff", "load"]

if TYPE_CHECKING:
    from .api import build, check, check_plan, diff, load


def __getattr__(name: str) -> Any:
    """The API functions, imported on first use (``osmark --version`` needs none of it)."""
    if name in ("build", "check", "check_plan", "diff", "load"):
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
