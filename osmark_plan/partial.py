"""Refusing a partial drawing: a converter lost what may be walls or room names (DWG011).

Kept apart from :mod:`osmark_plan.shortfall` (what was lost, a part of the plan model) so that
the model and the tally of losses import each other in no direction but one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import Plan


def refuse_partial(plan: Plan, accepted: bool) -> None:
    """Stop (a :class:`~osmark_plan.reader.ReadError`, exit 3) when the plan's converter lost
    what may be walls or room names and the user did not accept a partial drawing."""
    lost = plan.shortfall
    if accepted or lost is None:
        return
    kinds = {name: info.kind for name, info in plan.layers.items()}
    if not lost.partial(kinds):
        return
    from .reader.read_error import ReadError

    raise ReadError(
        plan.path,
        f"{lost.converter} lost {lost.total:,} of the {lost.source_total:,} entities this "
        f"{lost.source_format} file holds ({lost.kinds_text('en')}), among them "
        f"{lost.risk_text(kinds, 'en')}: a check would rest on a partial drawing. Export it to DXF "
        f"from the CAD program that made it, or give --accept-partial to check what was converted",
        f"{lost.converter} はこの {lost.source_format} ファイルの図形 {lost.source_total:,} 個のうち "
        f"{lost.total:,} 個を変換できませんでした（{lost.kinds_text('ja')}）。{lost.risk_text(kinds, 'ja')}"
        f"が含まれるため、検査結果は図面の一部だけに基づくことになります。図面を作成した CAD で DXF に"
        f"書き出すか、--accept-partial を指定して変換できた部分を検査してください")
