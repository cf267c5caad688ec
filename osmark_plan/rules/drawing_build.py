"""Drawing rule about the build: a geometry step that failed (DWG010)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ..findings import Subject
from ..repairs import GEOMETRY_FAILED as FAILED
from ..messages import in_lang
from .base import Context, Violation, rule
from .describe import text

if TYPE_CHECKING:
    from ..geometry.site import Site


@rule(
    "DWG010", "geometry-incomplete", "", "warning",
    messages={
        "default": {
            "ja": "形状の処理の一部ができませんでした: {detail}。この部分に関わる判定は不完全な可能性が"
                  "あります。図面の該当箇所（重なった線、自己交差した外形、極端な座標）を確認してください。",
            "en": "Part of the geometry could not be built: {detail}. Verdicts that depend on it may be "
                  "incomplete. Check the drawing there (overlapping lines, self-intersecting outlines, "
                  "extreme coordinates).",
        },
    },
    summary={"ja": "図面の形状をすべて処理できること", "en": "every geometry step of the build succeeds"},
    doc_ja="""部屋の検出や領域・扉の対応付けなど、形状の処理がすべて成功すること。

    理由：形状の処理（壁の線からの部屋の検出、ゾーンの入れ子、境界の隙間、扉と部屋の対応付
    け）の一つが図面の形状のために失敗した場合、検査はその処理を除いて続けますが、その処理に
    よる判定（部屋、隙間、経路）は欠けています。合格に見えても、図面全体を検査した結果では
    ありません。

    報告される内容：失敗した処理ごとに、何の処理か、どのような誤りかを警告として報告します
    （修復の一覧にも REP301 として載ります）。

    直し方：重なった線、自己交差した外形、極端に大きい・小さい座標がないか図面を確認し、直
    して保存し直してください。
    """,
)
def geometry_incomplete(site: Site, ctx: Context) -> Iterator[Violation]:
    """Every geometry step of the build succeeds.

    Why: when a geometry step (rooms from walls, zone nesting, boundary gaps, joining doors to
    rooms) fails on the drawing's shapes, the check goes on without it, but what that step
    decides (rooms, gaps, paths) is missing: a pass is then not a verdict on the whole drawing.

    What is reported: each failed step, what it was and the error, as a warning (also listed
    among the repairs as REP301).

    How to fix: look for overlapping lines, self-intersecting outlines or absurdly large or small
    coordinates in the drawing, correct them and save again.
    """
    failed = [r for r in site.plan.repairs if r.what == FAILED]
    ctx.count(1)
    for n, repair in enumerate(failed, start=1):
        yield Violation(subjects=(Subject(kind="drawing", id=f"geometry-{n}", name=site.plan.path),),
                        args={"detail": text(in_lang(repair.detail, "ja"), in_lang(repair.detail, "en"))},
                        extra={"detail": in_lang(repair.detail, "en")})


RULES = (geometry_incomplete,)
