"""The reader: the only package that imports ezdxf. DXF file -> :class:`~osmark_plan.model.Plan`.

``read_plan(path, config, units=None)`` returns a Plan with all geometry in metres;
``ReadError`` is raised, with one clear line, for anything that cannot be read. ``read_plan``
(and with it ezdxf) is imported when first used, so light parts of the reader (the scan of
:mod:`.prescan`) can run before the libraries are loaded.
"""

from __future__ import annotations

from typing import Any

from .read_error import ReadError

__all__ = ["ReadError", "read_plan"]


def __getattr__(name: str) -> Any:
    if name == "read_plan":
        from .plan import read_plan

        return read_plan
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
