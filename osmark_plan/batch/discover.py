"""Find the drawings (and building manifests) named by files, folders and globs."""

from __future__ import annotations

import glob
from dataclasses import dataclass, field
from pathlib import Path

from ..building import MANIFEST_NAME

DRAWING_SUFFIX = ".dxf"
#: every suffix a folder walk picks up: DXF, DWG and Jw_cad drawings
DRAWING_SUFFIXES = frozenset({DRAWING_SUFFIX, ".dwg", ".jww", ".jwc"})


@dataclass
class Found:
    """Drawings and building manifests, each resolved, de-duplicated and sorted."""

    drawings: list[Path] = field(default_factory=list)
    manifests: list[Path] = field(default_factory=list)
    #: arguments that named nothing (a missing file, a glob without a match)
    missing: list[str] = field(default_factory=list)


def is_drawing(path: Path) -> bool:
    return path.suffix.lower() in DRAWING_SUFFIXES


def _walk(folder: Path, drawings: set[Path], manifests: set[Path]) -> None:
    """Every *.dxf, *.dwg, *.jww and *.jwc (any case) below ``folder``, and every
    building.toml; hidden folders skipped."""
    for path in folder.rglob("*"):
        rel = path.relative_to(folder).parts
        if any(part.startswith(".") for part in rel[:-1]):
            continue
        if path.is_file():
            if is_drawing(path):
                drawings.add(path.resolve())
            elif path.name == MANIFEST_NAME:
                manifests.add(path.resolve())


def _add(path: Path, drawings: set[Path], manifests: set[Path], explicit: bool) -> None:
    if path.is_dir():
        _walk(path, drawings, manifests)
    elif path.suffix.lower() == ".toml":
        manifests.add(path.resolve())
    elif explicit or is_drawing(path):
        drawings.add(path.resolve())  # a file named on purpose is tried whatever its suffix


def discover(args: list[str] | tuple[str, ...]) -> Found:
    """Drawings and manifests named by ``args``: files, folders (recursively) and globs.

    A folder gives every ``*.dxf``, ``*.dwg``, ``*.jww`` and ``*.jwc`` below it (case-insensitive) and every ``building.toml``;
    a glob gives what it matches (``**`` recurses); a ``*.toml`` file is a building manifest.
    """
    drawings: set[Path] = set()
    manifests: set[Path] = set()
    missing: list[str] = []
    for arg in args:
        path = Path(arg).expanduser()
        if path.exists():
            _add(path, drawings, manifests, explicit=True)
        elif glob.has_magic(arg):
            matches = sorted(glob.glob(str(path), recursive=True))
            for match in matches:
                _add(Path(match), drawings, manifests, explicit=False)
            if not matches:
                missing.append(arg)
        else:
            missing.append(arg)
    return Found(drawings=sorted(drawings), manifests=sorted(manifests), missing=missing)
