"""Run the building rules across the checked floors of each building, and give verdicts."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..building import Building, Manifest, floor_facts
from ..config import Config
from .floors import Floor
from .worker import FloorResult

PASS, FAIL, UNREADABLE = "pass", "fail", "unreadable"


def display_path(path: Path) -> str:
    """The path relative to the current folder when below it, else as is (POSIX slashes)."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def floor_verdict(result: FloorResult) -> str:
    if result.status != "checked":
        return UNREADABLE
    return FAIL if result.counts.get("error", 0) else PASS


@dataclass
class BuildingResult:
    """A building's verdict, its own findings (report documents' finding dicts) and floors."""

    name: str
    manifest: str
    floors: list[str]
    verdict: str
    findings: list[dict[str, Any]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    reason: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "manifest": self.manifest, "floors": self.floors,
                "verdict": self.verdict, "reason": self.reason, **self.counts,
                "findings": self.findings}


def check_building(manifest: Manifest, pairs: list[tuple[Floor, FloorResult]], config: Config,
                   rules: tuple, lang: str) -> BuildingResult:
    """The building rules on the floors of one manifest (``pairs`` in floor order)."""
    from ..engine import run_rule, sort_findings
    from ..report.document import finding_part

    source = display_path(Path(manifest.source))
    names = [floor.name for floor, _ in pairs]
    counts = {"error": 0, "warning": 0, "info": 0}
    app = [(f, r) for f, r in pairs if f.spec is None or f.spec.in_application]
    bad = [f.name for f, r in pairs if r.status != "checked"]
    if bad:
        return BuildingResult(manifest.name, source, names, UNREADABLE, counts=counts,
                              reason="floor(s) could not be read: " + ", ".join(bad))
    facts = tuple(floor_facts(f.spec, display_path(f.path), r.facts or {}) for f, r in pairs if f.spec)
    building = Building(name=manifest.name, source=manifest.source, floors=facts)
    found = []
    for rule in rules:
        found += run_rule(rule, building, config)[0]
    findings = [finding_part(f, 1.0, lang, n) for n, f in enumerate(sort_findings(found), start=1)]
    for f in findings:
        counts[f["severity"]] = counts.get(f["severity"], 0) + 1
    failing = counts["error"] > 0 or any(floor_verdict(r) == FAIL for _, r in app)
    return BuildingResult(manifest.name, source, names, FAIL if failing else PASS,
                          findings=findings, counts=counts)
