"""osmark-plan: check office floor drawings against the Office Security Mark layout rules.

The Python API is :mod:`osmark_plan.api` (``from osmark_plan.api import check, diff, batch``);
the names that do not collide with a sub-package are also here, imported on first use.
``osmark_plan.diff`` and ``osmark_plan.batch`` are the sub-packages: use ``osmark_plan.api.diff``
and ``osmark_plan.api.batch``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .version import __version__

_API = ("build", "check", "check_plan", "load", "render", "write_baseline", "write_dxf", "write_image",
        "write_report")
__all__ = ["__version__", *_API]

if TYPE_CHECKING:
    from .api import (build, check, check_plan, load, render, write_baseline, write_dxf, write_image,
                      write_report)


def __getattr__(name: str) -> Any:
    """The API functions, imported on first use (``osmark --version`` needs none of it)."""
    if name in _API:
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
