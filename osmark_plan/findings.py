"""Findings and the report: what the rules found, as data every reporter draws from."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

from .model import Plan

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True)
class Subject:
    """What a finding is about: a region, door, opening, device, cabinet, zone or layer."""

    kind: str
    id: str | None = None
    name: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind}
        if self.id is not None:
            out["id"] = self.id
        if self.name is not None:
            out["name"] = self.name
        return out


@dataclass(frozen=True)
class Finding:
    """One problem found by one rule. Positions are in metres (drawing frame)."""

    rule: str
    name: str
    severity: str
    clause: str
    #: language -> message
    message: Mapping[str, str]
    subjects: tuple[Subject, ...]
    at: tuple[float, float] | None
    bbox: tuple[float, float, float, float] | None
    fingerprint: str
    #: rule-specific data (a gap's kind and end points, a route …), JSON-serialisable
    extra: Mapping[str, Any] = field(default_factory=dict)

    def text(self, lang: str) -> str:
        return self.message.get(lang) or self.message.get("en") or next(iter(self.message.values()))


@dataclass(frozen=True)
class RuleRun:
    """How one rule ran: what it checked, what failed, whether it crashed."""

    code: str
    checked: int
    failed: int
    error: str | None = None
    #: why some or all was not checked, by language (e.g. "no lock states drawn"), or None
    note: Mapping[str, str] | None = None


@dataclass(frozen=True, eq=False)
class Report:
    """The result of checking one plan."""

    plan: Plan
    findings: tuple[Finding, ...]
    runs: tuple[RuleRun, ...]
    #: the Site the rules ran on (for images); None when geometry could not be built
    site: Any = None

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    @property
    def has_errors(self) -> bool:
        return self.count("error") > 0
