"""The PlanDiff: what differs between an as-is drawing (A) and an application drawing (B).

Frozen dataclasses only. Positions are metres in A's frame (B is aligned onto A first).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

#: element kinds a change can be about, in report order within a rank
KINDS = ("edge", "region", "door", "cabinet", "device")

#: (kind, change) -> rank: lower is more serious and listed first
RANK: dict[tuple[str, str], int] = {
    ("edge", "added-into-level3"): 0,
    ("region", "level"): 1,
    ("door", "lock"): 2,
    ("edge", "added"): 3,
    ("edge", "removed"): 4,
    ("region", "added"): 5,
    ("region", "removed"): 5,
    ("region", "boundary"): 6,
    ("door", "added"): 7,
    ("door", "removed"): 7,
    ("door", "moved"): 8,
    ("door", "width"): 8,
    ("cabinet", "level"): 9,
    ("cabinet", "added"): 10,
    ("cabinet", "removed"): 10,
    ("cabinet", "moved"): 10,
    ("device", "kind"): 11,
    ("device", "added"): 11,
    ("device", "removed"): 11,
    ("device", "moved"): 11,
    ("region", "name"): 12,
    ("door", "name"): 12,
    ("cabinet", "name"): 12,
    ("device", "name"): 12,
}


@dataclass(frozen=True)
class Alignment:
    """The motion taking B's coordinates into A's frame: mirror x → −x when ``mirrored``, rotate
    about the origin by ``rotation`` degrees (counter-clockwise), then translate by (``dx``,
    ``dy``) metres."""

    rotation: float = 0.0
    dx: float = 0.0
    dy: float = 0.0
    #: share of both drawings' wall length that lies on the other's walls after alignment (0..1)
    score: float = 1.0
    #: whether alignment was attempted (False with --no-align)
    attempted: bool = False
    #: whether a motion other than the identity was applied
    applied: bool = False
    #: the score without any motion, for comparison
    identity_score: float = 1.0
    #: "aligned", "identity", "disabled", "no-walls" or "poor" (no motion found that fits)
    status: str = "disabled"
    #: the application drawing is a mirror image of the as-is drawing (x → −x first)
    mirrored: bool = False

    def apply(self, x, y):
        """Map arrays of B's coordinates into A's frame (numpy arrays in, arrays out)."""
        import numpy as np

        t = np.radians(self.rotation)
        c, s = np.cos(t), np.sin(t)
        if self.mirrored:
            x = -x
        return c * x - s * y + self.dx, s * x + c * y + self.dy


@dataclass(frozen=True)
class Change:
    """One difference between the drawings.

    ``kind``: "region", "door", "device", "cabinet" or "edge". ``change``: "added", "removed",
    "level", "name", "boundary", "moved", "lock", "width", "kind" or, for edges,
    "added-into-level3" (a new direct route into a level-3 room). ``id_a`` / ``id_b`` are the
    element's ids in each drawing (None where it does not exist). ``subject`` names it for
    people (A's name where A has it). ``old`` / ``new``: the values before and after.
    """

    kind: str
    change: str
    subject: str
    id_a: str | None = None
    id_b: str | None = None
    old: Any = None
    new: Any = None
    #: metres in A's frame
    at: tuple[float, float] | None = None
    #: extra numbers: distance moved, areas, the regions a door joins, the doors of an edge …
    detail: Mapping[str, Any] = field(default_factory=dict)

    @property
    def rank(self) -> int:
        return RANK.get((self.kind, self.change), 20)

    @property
    def serious(self) -> bool:
        return self.rank <= 2

    def signature(self) -> str:
        """A short, coordinate-free line naming the change (used by the sample expectations)."""
        text = f"{self.kind} {self.change} {self.subject}"
        if self.old is not None or self.new is not None:
            text += f": {_plain(self.old)} -> {_plain(self.new)}"
        return text


def _plain(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:g}"
    return "-" if value is None else str(value)


@dataclass(frozen=True)
class FindingChange:
    """A finding of either drawing: "new" (only B), "resolved" (only A) or "persisting"."""

    status: str
    rule: str
    severity: str
    fingerprint: str
    #: language -> message (from the drawing that has it; B's for persisting findings)
    message: Mapping[str, str]
    subjects: tuple[str, ...]
    at: tuple[float, float] | None = None

    def signature(self) -> str:
        return f"{self.status} {self.rule} {','.join(self.subjects)}".rstrip()


@dataclass(frozen=True, eq=False)
class PlanDiff:
    """The comparison of two plans: changes most serious first, findings, and the alignment."""

    report_a: Any  # findings.Report of the as-is drawing
    report_b: Any  # findings.Report of the application drawing (aligned onto A)
    alignment: Alignment
    tolerance: float
    changes: tuple[Change, ...]
    findings: tuple[FindingChange, ...]
    #: B id -> A id for every matched element (regions, doors, devices, cabinets)
    matched: Mapping[str, str] = field(default_factory=dict)

    @property
    def site_a(self) -> Any:
        return self.report_a.site

    @property
    def site_b(self) -> Any:
        return self.report_b.site

    @property
    def new_findings(self) -> tuple[FindingChange, ...]:
        return tuple(f for f in self.findings if f.status == "new")

    @property
    def resolved_findings(self) -> tuple[FindingChange, ...]:
        return tuple(f for f in self.findings if f.status == "resolved")

    @property
    def has_differences(self) -> bool:
        """Any change, any finding that is new or resolved, or a mirrored application drawing
        (a shifted or rotated drawing is the same drawing; a mirror image is not)."""
        return (bool(self.changes) or any(f.status != "persisting" for f in self.findings)
                or self.alignment.mirrored)

    def signatures(self) -> list[str]:
        return [c.signature() for c in self.changes]
