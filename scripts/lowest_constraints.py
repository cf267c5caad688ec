#!/usr/bin/env python3
"""Print pip constraints pinning every requirement of pyproject.toml to its lower bound.

    python3 scripts/lowest_constraints.py [extras ...]      # default extras: test dask

One ``name==lower`` line per requirement with a ``>=`` bound: the core dependencies and
those of the named extras (the extras scripts/test installs). scripts/test installs the
project with these constraints into .venv-min and runs the suite there, so the lower
bounds declared in pyproject.toml are versions the code is tested on. Generated from
pyproject.toml each time; there is no hand-kept list to fall out of step.
"""
from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_EXTRAS = ("test", "dask")

# name, optional [extras], then the version specifiers up to a marker (;) or the end
_REQ = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*([^;]*)")


def lower_bound(requirement: str) -> tuple[str, str | None]:
    """(normalised name, the version after ``>=`` or None) of one requirement string."""
    m = _REQ.match(requirement)
    if not m:
        raise ValueError(f"cannot read requirement {requirement!r}")
    name = re.sub(r"[-_.]+", "-", m.group(1)).lower()
    lows = [s.strip()[2:].strip() for s in m.group(2).split(",") if s.strip().startswith(">=")]
    return name, (lows[0] if lows else None)


def constraints(pyproject: Path = ROOT / "pyproject.toml",
                extras: tuple[str, ...] = DEFAULT_EXTRAS) -> list[str]:
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    optional = project.get("optional-dependencies", {})
    unknown = [e for e in extras if e not in optional]
    if unknown:
        raise SystemExit(f"no such extra in pyproject.toml: {', '.join(unknown)}")
    requirements = list(project.get("dependencies", []))
    for extra in extras:
        requirements += optional[extra]
    pins: dict[str, str] = {}
    for requirement in requirements:
        name, low = lower_bound(requirement)
        if low is None:
            continue
        if pins.get(name, low) != low:
            raise SystemExit(f"{name} has two lower bounds: {pins[name]} and {low}")
        pins[name] = low
    return [f"{name}=={low}" for name, low in pins.items()]


def main(argv: list[str]) -> int:
    extras = tuple(a for arg in argv for a in arg.split(",") if a) or DEFAULT_EXTRAS
    print("\n".join(constraints(extras=extras)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
