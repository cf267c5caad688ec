"""Findings written back into a copy of the drawing (``--dxf``).

With :mod:`osmark_plan.reader`, the only code that imports ezdxf: the reader turns a DXF file
into the plan model, this package writes a marked-up copy of it. Everything else stays free of
the CAD library (tests/test_architecture.py).
"""

from .dxf import FINDINGS_LAYER, LEVELS_LAYER, check_target, write_markup

__all__ = ["FINDINGS_LAYER", "LEVELS_LAYER", "check_target", "write_markup"]
