"""The reader: the only package that imports ezdxf. DXF file -> :class:`~osmark_plan.model.Plan`.

``read_plan(path, config, units=None)`` returns a Plan with all geometry in metres;
``ReadError`` is raised, with one clear line, for anything that cannot be read.
"""

from .load import ReadError
from .plan import read_plan

__all__ = ["ReadError", "read_plan"]
