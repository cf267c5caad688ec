"""Cyclic garbage collection paused while a step builds many objects and few cycles.

Reading a drawing, building its site and running the rules make hundreds of thousands of
objects (ezdxf entities, shapely geometries, graph dicts) and hardly any reference cycles;
the collector's passes over them cost a sixth of a check and free nothing. The steps run with
the collector paused; the reader collects once after it has let go of the ezdxf document (whose
entities and document do form cycles), so memory does not grow.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection inside the block (restored as it was after)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()

