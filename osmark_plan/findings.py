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
    #: the waiver (or baseline entry) that accepts this finding; None when it counts
    waived: Waiver | None = None

    def text(self, lang: str) -> str:
        return self.message.get(lang) or self.message.get("en") or next(iter(self.message.values()))


@dataclass(frozen=True)
class Waiver:
    """An accepted finding: its fingerprint, why, who accepted it and when, until when.

    ``kind`` is "waiver" (from a waivers file) or "baseline" (recorded by ``--write-baseline``).
    ``rule`` and ``drawing`` (a file name or glob) narrow what the waiver applies to.
    """

    fingerprint: str
    reason: str
    by: str
    date: str
    expires: str | None = None
    rule: str | None = None
    drawing: str | None = None
    #: the file the waiver was read from
    source: str = ""
    kind: str = "waiver"

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"fingerprint": self.fingerprint, "reason": self.reason, "by": self.by,
                               "date": self.date, "expires": self.expires, "kind": self.kind,
                               "source": self.source}
        if self.rule is not None:
            out["rule"] = self.rule
        if self.drawing is not None:
            out["drawing"] = self.drawing
        return out


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
    #: waivers for this drawing that matched no finding, and waivers past their expiry date
    unused_waivers: tuple[Waiver, ...] = ()
    expired_waivers: tuple[Waiver, ...] = ()
    #: what the reader saw that no region holds, with the reason
    #: (:class:`osmark_plan.geometry.placement.NotPlaced`)
    not_placed: tuple[Any, ...] = ()

    def count(self, severity: str) -> int:
        """Findings of ``severity`` that count (waived findings do not)."""
        return sum(1 for f in self.findings if f.severity == severity and f.waived is None)

    @property
    def waived(self) -> int:
        """How many findings a waiver or the baseline accepts."""
        return sum(1 for f in self.findings if f.waived is not None)

    @property
    def has_errors(self) -> bool:
        return self.count("error") > 0
