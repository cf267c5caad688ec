"""Which floors a batch checks: drawings, the buildings they belong to, configs and outputs."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Iterable

from ..building import FloorSpec, Manifest, from_table, load_manifest
from ..config import Config, ConfigError
from ..messages import say
from .discover import Found


@dataclass(frozen=True)
class Floor:
    """One drawing of the batch (or a manifest's floor whose drawing is missing)."""

    path: Path
    #: floor name: the manifest's, else the drawing's file name
    name: str
    config: Config
    manifest: Manifest | None = None
    spec: FloorSpec | None = None
    #: why the floor cannot be checked, in English and Japanese (None: it can)
    missing: tuple[str, str] | None = None


def _manifests(found: Found, configs: Iterable[Config]) -> list[Manifest]:
    """Manifests named on the command line, then the [building] tables of the configs used."""
    out: dict[str, Manifest] = {}
    for path in found.manifests:
        m = load_manifest(path)
        out.setdefault(str(Path(m.source).resolve()), m)
    for config in configs:
        if config.building and config.path:
            key = str(Path(config.path).resolve())
            if key not in out:
                out[key] = from_table(config.building, config.path, "building.")
    return list(out.values())


def collect(found: Found, config_for: Callable[[Path], Config]) -> tuple[list[Floor], list[Manifest]]:
    """Floors of the batch, sorted by path, and the building manifests that apply.

    ``config_for(drawing)`` gives a drawing's config. A drawing named by two manifests is a
    :class:`ConfigError`; a manifest floor whose drawing does not exist is a missing floor.
    """
    drawings = list(found.drawings)
    configs = {p: config_for(p) for p in drawings}
    manifests = _manifests(found, configs.values())
    owner: dict[Path, tuple[Manifest, FloorSpec]] = {}
    missing: list[Floor] = []
    for _ in range(2):  # manifests add drawings, whose configs may hold a [building] table
        for m in manifests:
            for spec in m.floors:
                files = m.files(spec)
                if not files and not any(o == (m, spec) for o in owner.values()):
                    where = Path(m.root) / spec.file
                    if all(f.path != where for f in missing):
                        missing.append(Floor(path=where, name=spec.name, config=Config(), manifest=m,
                                             spec=spec, missing=(
                                                 f"{m.source}: floor {spec.name!r}: no drawing matches {spec.file!r}",
                                                 f"{m.source}: 階 {spec.name!r}: {spec.file!r} に合う図面がありません")))
                for f in files:
                    other = owner.get(f)
                    if other is not None and other != (m, spec):
                        raise ConfigError(say(f"{m.source}: floor {spec.name!r}: {f} is already floor "
                                              f"{other[1].name!r} of {other[0].source}",
                                              f"{m.source}: 階 {spec.name!r}: {f} はすでに {other[0].source} の"
                                              f"階 {other[1].name!r} です"))
                    owner[f] = (m, spec)
                    if f not in configs:
                        configs[f] = config_for(f)
        more = _manifests(Found(), configs.values())
        known = {m.source for m in manifests}
        new = [m for m in more if m.source not in known]
        if not new:
            break
        manifests += new
    floors = []
    for path, config in configs.items():
        m, spec = owner.get(path, (None, None))
        floors.append(Floor(path=path, name=spec.name if spec else path.name, config=config,
                            manifest=m, spec=spec))
    for arg in found.missing:
        floors.append(Floor(path=Path(arg), name=Path(arg).name, config=Config(),
                            missing=(f"{arg}: no such file or folder, and no drawing matches it",
                                     f"{arg}: そのようなファイルやフォルダはなく、合う図面もありません")))
    floors += missing
    floors.sort(key=lambda f: str(f.path))
    return floors, manifests


def settle_rules(config: Config, building: bool) -> tuple[Config, Config, tuple]:
    """A floor's config with its rule selection settled, the building rules' config, and the
    building rules chosen.

    Select/ignore, ``[severity]`` and ``[rules.X]`` may name the building rules (ZON004) too.
    The floor config selects rule codes explicitly; with a building manifest, ZON001/ZON002
    are left to the building. Raises :class:`ConfigError` for unknown codes or options.
    """
    from ..engine import check_config, select_rules
    from ..rules import ALL_RULES
    from ..rules.building import BUILDING_ONLY_RULES, BUILDING_RULES, REPLACED_CODES

    known = ALL_RULES + BUILDING_ONLY_RULES
    check_config(config, known)
    chosen = select_rules(config, known)
    codes = [r.code for r in chosen if any(r is a for a in ALL_RULES)]
    if building:
        codes = [c for c in codes if c not in REPLACED_CODES]
    extra = {r.code for r in BUILDING_ONLY_RULES} | {r.name.upper() for r in BUILDING_ONLY_RULES}
    floor = replace(config, select=tuple(codes) or ("ALL",), ignore=() if codes else ("ALL",),
                    severity={k: v for k, v in config.severity.items() if k.upper() not in extra},
                    rule_options={k: v for k, v in config.rule_options.items()
                                  if k.strip().upper() not in extra})
    chosen_codes = {r.code for r in chosen}
    rules = tuple(r for r in BUILDING_RULES if r.code in chosen_codes)
    mine = {r.code for r in BUILDING_RULES} | {r.name.upper() for r in BUILDING_RULES}
    whole = replace(config, select=(), ignore=(),
                    severity={k: v for k, v in config.severity.items() if k.upper() in mine},
                    rule_options={k: v for k, v in config.rule_options.items()
                                  if k.strip().upper() in mine})
    return floor, whole, rules


def output_names(paths: list[Path]) -> dict[Path, str]:
    """A unique output stem per drawing: its path below the drawings' common folder."""
    if not paths:
        return {}
    parents = [str(p.parent) for p in paths]
    root = Path(os.path.commonpath(parents)) if len(set(p.anchor for p in paths)) == 1 else None
    out: dict[Path, str] = {}
    used: set[str] = set()
    for p in paths:
        rel = p.relative_to(root) if root is not None else Path(p.name)
        stem = (rel.parent / rel.stem).as_posix()
        candidate, n = stem, 1
        while candidate.lower() in used:
            n += 1
            candidate = f"{stem}_{n}"
        used.add(candidate.lower())
        out[p] = candidate
    return out
