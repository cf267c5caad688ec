"""Drawing sets made by a script beside their expectations (tests/<set>/make_*.py)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path


def draw_set(script: Path, out: Path) -> Path:
    """Run ``script``'s ``main(out)`` (its folder importable, for a kit of its own); return ``out``."""
    folder = str(script.parent)
    sys.path.insert(0, folder)
    try:
        name = f"{script.parent.name}_{script.stem}"
        spec = importlib.util.spec_from_file_location(name, script)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module  # dataclasses look their module up by name
        spec.loader.exec_module(module)
        module.main(str(out))
    finally:
        sys.path.remove(folder)
    return out
