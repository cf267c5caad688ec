"""Comparing an as-is drawing (現状図面) with an application drawing (申請図面).

``diff_plans(plan_a, plan_b, config)`` aligns B onto A on their walls, builds and checks both,
matches regions, doors, devices and cabinets, and returns a :class:`PlanDiff`.
"""

from __future__ import annotations

from .compare import diff_plans, diff_settings
from .model import Alignment, Change, FindingChange, PlanDiff

__all__ = ["Alignment", "Change", "FindingChange", "PlanDiff", "diff_plans", "diff_settings"]
