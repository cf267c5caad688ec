"""Drawing rule about the conversion: entities a DWG or Jw_cad converter lost (DWG011)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ..findings import Subject
from .base import Context, Violation, rule
from .describe import text

if TYPE_CHECKING:
    from ..geometry.site import Site

#: lost (kind, layer) pairs listed in the finding's extra, most first
_MAX_LISTED = 50


@rule(
    "DWG011", "conversion-incomplete", "", "error",
    messages={
        "partial": {
            "ja": "{loss}。失われた図形には{risk}が含まれるため、この検査結果は図面の一部だけに基づいて"
                  "います。図面を作成した CAD で DXF に書き出して検査してください。",
            "en": "{loss}. Among them are {risk}, so this verdict rests on a partial drawing. Export the "
                  "drawing to DXF from the CAD program that made it and check the DXF.",
        },
        "lost": {
            "ja": "{loss}。壁や文字は含まれていません。必要な図形が欠けていないか CAD で確認してください。",
            "en": "{loss}. No walls or texts are among them; check in CAD that nothing that matters is "
                  "missing.",
        },
    },
    summary={"ja": "変換（DWG・Jw_cad）で図形が失われていないこと",
             "en": "the conversion of a DWG or Jw_cad file loses no entity"},
    doc_ja="""DWG・Jw_cad の図面を DXF に変換したとき、図形が失われていないこと。

    理由：DWG（ezdwg）と Jw_cad（ezjww）の図面は DXF に変換してから読みます。変換で図形が失わ
    れると（対応していない図形、読み取れないブロックの中身、途中で切れたファイル）、その壁や室名
    はないものとして検査され、部屋が見つからない、または誤った結果で合格になることがあります。

    報告される内容：変換元のファイルが持つ図形（DWG のオブジェクトマップ、Jw_cad のレコード）と
    変換後の図形を、種類とレイヤごとに数えて比べ、失われた図形の数と種類を報告します。失われた
    図形に壁（壁・間仕切りのレイヤの図形、レイヤが分からない線）や文字（TEXT、MTEXT、ATTRIB）が
    含まれる場合は、検査結果が図面の一部だけに基づくことを示すエラーです。``osmark check``・
    ``diff``・``batch`` はこの場合、検査せずに終了コード 3 で止まります（``--accept-partial``
    または osmark.toml の ``accept_partial = true`` で、変換できた部分を検査します）。それ以外の
    図形（点、3D 図形、画像など）だけが失われた場合は警告です。

    直し方：図面を作成した CAD で DXF に書き出し、その DXF を検査してください。
    """,
)
def conversion_incomplete(site: Site, ctx: Context) -> Iterator[Violation]:
    """The conversion of a DWG or Jw_cad drawing to DXF loses no entity.

    Why: DWG (ezdwg) and Jw_cad (ezjww) drawings are converted to DXF before they are read.
    Entities the conversion loses (unsupported kinds, block contents it cannot read, a truncated
    file) are missing from the check: their walls and room names are not there, so rooms go
    missing or a floor passes on part of its drawing.

    What is reported: the entities the source file holds (the DWG object map, the Jw_cad
    records) are counted against those of the converted drawing, by kind and layer, and the
    lost ones are reported by kind. When walls (entities on wall or partition layers, line work
    whose layer is unknown) or texts (TEXT, MTEXT, ATTRIB) are among them, it is an error saying
    the verdict rests on a partial drawing; ``osmark check``, ``diff`` and ``batch`` then stop
    with exit code 3 without checking, unless ``--accept-partial`` (or ``accept_partial = true``
    in osmark.toml) is given. When only other entities are lost (points, 3D solids, images …),
    it is a warning.

    How to fix: export the drawing to DXF from the CAD program that made it and check the DXF.
    """
    plan = site.plan
    ctx.count(1)
    lost = plan.shortfall
    if lost is None or not lost.total:
        return
    kinds = {name: info.kind for name, info in plan.layers.items()}
    risk = lost.at_risk(kinds)
    partial = any(risk.values())
    loss = text(str(lost.describe().ja), str(lost.describe()))
    listed = sorted(lost.lost.items(), key=lambda item: (-item[1], item[0][0], item[0][1] or ""))
    yield Violation(
        subjects=(Subject(kind="drawing", id="conversion", name=plan.converter),),
        message="partial" if partial else "lost",
        severity="error" if partial else "warning",
        args={"loss": loss, "risk": text(lost.risk_text(kinds, "ja"), lost.risk_text(kinds, "en"))},
        extra={"converter": lost.converter, "source_format": lost.source_format,
               "source_entities": lost.source_total, "converted_entities": lost.converted_total,
               "lost": lost.total, "lost_by_kind": lost.by_kind(), "partial": partial, **risk,
               "lost_by_layer": [{"kind": k, "layer": layer, "count": n}
                                 for (k, layer), n in listed[:_MAX_LISTED]]})


RULES = (conversion_incomplete,)
