"""Heavy libraries imported on first use, so that ``osmark --version`` and ``osmark rules`` start
without loading numpy, shapely or networkx (the rule registry is read without them)."""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any


class _LazyModule(ModuleType):
    """Stands for a module until an attribute is first read; then imports it and keeps its names."""

    def __getattr__(self, attr: str) -> Any:
        module = importlib.import_module(self.__name__)
        self.__dict__.update(module.__dict__)
        return getattr(module, attr)


def lazy(name: str) -> Any:
    """A stand-in for module ``name`` that imports it on first use."""
    return _LazyModule(name)
