"""Repair codes: every kind of repair or re-interpretation the reader and the build make.

A :class:`~osmark_plan.model.Repair` names its kind by ``what`` (a short English phrase kept
for compatibility); this table gives each kind a stable code (``REP…``) and a title in both
languages, as rules have. Codes are never reused; a new kind of repair gets a new row here
(``tests/test_repairs.py`` fails on a ``what`` that has none).
"""

from __future__ import annotations

from typing import NamedTuple


class RepairKind(NamedTuple):
    """One kind of repair: its code and its title in English and Japanese."""

    code: str
    what: str
    en: str
    ja: str


KINDS: tuple[RepairKind, ...] = (
    # opening the file
    RepairKind("REP001", "recovered", "damaged file read in recover mode", "破損したファイルを修復モードで読み込みました"),
    RepairKind("REP002", "re-decoded as cp932", "text re-decoded as Shift-JIS (cp932)", "Shift-JIS (cp932) として読み直しました"),
    RepairKind("REP003", "re-decoded as utf-8", "text re-decoded as UTF-8", "UTF-8 として読み直しました"),
    RepairKind("REP004", "not converted", "entities the converter could not carry over", "変換できなかった図形があります"),
    RepairKind("REP005", "conversion notice", "converter notice", "変換時の注意"),
    RepairKind("REP006", "units corrected", "drawing units corrected", "図面の単位を補正しました"),
    RepairKind("REP007", "dropped absurd vertices", "absurd coordinates left out", "異常な座標を除きました"),
    # understanding the drawing
    RepairKind("REP101", "closed polyline", "open outline closed", "開いたポリラインを閉じました"),
    RepairKind("REP102", "made polygon valid", "self-intersecting outline made valid", "自己交差した外形を修正しました"),
    RepairKind("REP103", "line work simplified", "line work finer than a wall simplified", "壁より細かい線を単純化しました"),
    # rooms from walls (the build step)
    RepairKind("REP201", "bridged wall gap", "wall gap bridged", "壁の隙間をつなぎました"),
    RepairKind("REP202", "bridged wall gaps", "hairline wall gaps bridged", "壁の隙間をつなぎました"),
    RepairKind("REP203", "door thresholds joined to walls", "door thresholds joined to walls", "扉の敷居を壁につなぎました"),
    RepairKind("REP204", "room split at a doorway drawn as a gap", "room split at a doorway drawn as a gap",
               "開口として描かれた出入口で部屋を分けました"),
    RepairKind("REP205", "façade closed across a gap", "façade closed across a gap (read as glazing)",
               "外周の隙間をガラス面として閉じました"),
    RepairKind("REP206", "faces not taken as rooms", "closed faces not taken as rooms (objects, window bays, strips)",
               "部屋とみなさなかった閉じた面（物の外形、窓の張り出し、帯）"),
    # geometry that could not be built (the check goes on with the rest)
    RepairKind("REP301", "geometry step failed", "a geometry step failed; checked without it",
               "形状処理の一部に失敗しました（その部分を除いて検査しました）"),
)

#: the ``what`` of a geometry step that failed (REP301; DWG010 reports it)
GEOMETRY_FAILED = "geometry step failed"

BY_WHAT: dict[str, RepairKind] = {k.what: k for k in KINDS}
BY_CODE: dict[str, RepairKind] = {k.code: k for k in KINDS}
#: the code of a repair kind not in the table (a bug: the test of the table catches it)
UNKNOWN = "REP000"


def code_of(what: str) -> str:
    """The code of a repair kind."""
    kind = BY_WHAT.get(what)
    return kind.code if kind else UNKNOWN


def title_of(what: str, lang: str) -> str:
    """The title of a repair kind in ``lang`` (the ``what`` itself when it has no row)."""
    kind = BY_WHAT.get(what)
    if kind is None:
        return what
    return kind.ja if lang == "ja" else kind.what
