"""Drawing rule DWG009: coordinates that are not finite or absurdly far away."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ..findings import Subject
from .base import Context, Violation, rule

if TYPE_CHECKING:
    from ..geometry.site import Site


@rule(
    "DWG009", "absurd-coordinates", "", "error",
    messages={
        "entity": {
            "ja": "レイヤ {layer} の図形（ハンドル {handle}）の座標が数値でないか極端に大きい（NaN、無限大、"
                  "上限を超える値）ため、検査から除外しました。CADで図形を確認して描き直してください。",
            "en": "An entity on layer {layer} (handle {handle}) has coordinates that are not numbers or "
                  "absurdly large (NaN, infinite or beyond the limit), so it was left out of the checks. "
                  "Check it in CAD and redraw it.",
        },
        "vertex": {
            "ja": "レイヤ {layer} の図形（ハンドル {handle}）の一部の頂点の座標が数値でないか極端に大きい"
                  "ため、その頂点を除いて読み取りました。CADで図形を確認して描き直してください。",
            "en": "Some vertices of an entity on layer {layer} (handle {handle}) are not numbers or "
                  "absurdly large, so they were left out. Check the entity in CAD and redraw it.",
        },
    },
    summary={"ja": "図形の座標が有限で妥当な範囲にあること",
             "en": "every coordinate is a finite, plausible number"},
    doc_ja="""図形の座標が有限で、妥当な範囲（osmark.toml の ``[limits] coordinate``、既定
    1e10 図面単位）にあること。

    理由：NaN や無限大、1e308 のような座標は、壊れたファイルや変換の誤りから生じます。
    そのような頂点で描かれたゾーンや申請エリアは形が定まらず、検査の結果を信用できません。

    報告される内容：そのような座標のために除外した図形、または頂点を除いて読み取った図形
    ごとに、レイヤとハンドルを報告します。エラーなので、そのような図面が合格になることは
    ありません。

    直し方：CADで図形を確認し、正しい座標で描き直してください。
    """,
)
def absurd_coordinates(site: Site, ctx: Context) -> Iterator[Violation]:
    """Every coordinate of the drawing is a finite, plausible number.

    Why: coordinates such as NaN, infinity or 1e308 come from damaged files or broken
    conversions. A zone or application area drawn with such a vertex has no definite shape,
    so no check on it can be trusted.

    What is reported: each entity left out for such coordinates, and each entity read without
    such vertices, with its layer and handle. Beyond ``[limits] coordinate`` (default 1e10
    drawing units) counts as absurd. It is an error, so such a drawing never passes.

    How to fix: check the entity in CAD and redraw it with the right coordinates.
    """
    plan = site.plan
    dropped = [r for r in plan.rejected if r.reason == "absurd-coordinates"]
    trimmed = [r for r in plan.repairs if r.what == "dropped absurd vertices"]
    ctx.count(len(plan.lines) + len(plan.zones) + len(plan.areas) + len(dropped))
    for message, items in (("entity", dropped), ("vertex", trimmed)):
        for item in items:
            layer = item.layer or "0"
            yield Violation(subjects=(Subject(kind="layer", id=layer, name=layer),),
                            args={"layer": layer, "handle": item.handle or "-"}, message=message,
                            key=f"{message}:{item.handle}", extra={"handle": item.handle})


RULES = (absurd_coordinates,)
