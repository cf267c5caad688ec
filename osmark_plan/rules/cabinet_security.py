"""Level-2/3 cabinets cannot be carried off and are always locked (CAB004, CAB005)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from .base import Context, Violation, rule
from .describe import cabinet_subject
from .states import ALWAYS_LOCKED, flag, one_keyholder, state_word, supervised

if TYPE_CHECKING:
    from ..geometry.site import Site

#: attribute names (and Japanese equivalents) of the three measures against carrying off
FIXED_KEYS = ("FIXED", "固定")
LINKED_KEYS = ("LINKED", "連結")
HEAVY_KEYS = ("HEAVY", "重量")


@rule(
    "CAB004", "cabinet-fixed", "4.5.3 細則 (保管庫)(2); 4.5.4 細則 (保管庫)(2)", "error",
    messages={
        "default": {
            "ja": "セキュリティレベル{level}の保管庫・キャビネット等「{cabinet}」は、固定・連結・重量の"
                  "いずれも「なし」と記載されています。容易に持ち出せないよう、壁か床に固定する"
                  "（FIXED=YES）、前後左右に連結する（LINKED=YES）、または持ち出せない重量のもの"
                  "（HEAVY=YES）にしてください。",
            "en": "The level-{level} cabinet '{cabinet}' is drawn as neither fixed, linked nor "
                  "heavy. So that it cannot easily be carried off, fix it to the wall or floor "
                  "(FIXED=YES), link it to its neighbours (LINKED=YES) or use one too heavy to "
                  "carry (HEAVY=YES).",
        },
    },
    summary={"ja": "レベル2・3の保管庫が固定・連結・重量のいずれかであること（属性がある場合）",
             "en": "level-2/3 cabinets are fixed, linked or heavy (when those attributes are drawn)"},
    doc_ja="""レベル2・3の保管庫・キャビネット等が、固定・連結・重量のいずれかであること。

    理由：セキュリティレベル2・3エリアの保管庫・キャビネット等は、それ自体を容易に持ち出せ
    ないよう、壁又は床に固定する、前後左右に連結する等の対策をとるか、容易に持ち出せない重量
    がなければなりません（4.5.3 細則 保管庫 (2)、4.5.4 細則 保管庫 (2)）。

    報告される内容：レベル2・3の保管庫・キャビネット等のうち、属性 FIXED（固定）・LINKED
    （連結）・HEAVY（重量）の少なくとも1つが描かれていて、そのどれも YES でないもの。値は
    YES/NO、TRUE/FALSE、1/0、有/無、あり/なし、○/× を読みます。3つの属性がどれもない保管庫は
    検査せず、その数をレポートに記載します。

    直し方：固定・連結するか重量のあるものにし、該当する属性を YES にしてください。
    """,
)
def cabinet_fixed(site: Site, ctx: Context) -> Iterator[Violation]:
    """A level-2/3 cabinet is fixed, linked or heavy (FIXED, LINKED or HEAVY = YES).

    Why: a level-2 or level-3 cabinet must not be easy to carry off: it is fixed to the wall
    or floor, linked front, back and side to others, or too heavy to move
    (4.5.3 細則 保管庫 (2); 4.5.4 細則 保管庫 (2)).

    What is reported: each cabinet of level 2 or 3 that carries at least one of the
    attributes FIXED (固定), LINKED (連結) and HEAVY (重量), none of them YES. Values read:
    YES/NO, TRUE/FALSE, 1/0, 有/無, あり/なし, ○/×. Cabinets with none of the three attributes
    are not checked and the report says how many.

    How to fix: fix, link or replace the cabinet and set the matching attribute to YES.
    """
    cabinets = [c for c in site.plan.cabinets if c.level in (2, 3)]
    measures = [(c, [flag(c.attrs, *keys) for keys in (FIXED_KEYS, LINKED_KEYS, HEAVY_KEYS)])
                for c in cabinets]
    drawn = [(c, m) for c, m in measures if any(v is not None for v in m)]
    if len(drawn) < len(cabinets):
        ctx.explain(f"レベル2・3の保管庫・キャビネット等 {len(cabinets)} 台中 {len(cabinets) - len(drawn)} 台に"
                    f"固定・連結・重量（FIXED・LINKED・HEAVY 属性）の記載なし",
                    f"none of FIXED, LINKED, HEAVY on {len(cabinets) - len(drawn)} of {len(cabinets)} "
                    f"level-2/3 cabinets")
    ctx.count(len(drawn))
    for cabinet, values in drawn:
        if any(values):
            continue
        yield Violation(subjects=(cabinet_subject(cabinet),),
                        args={"level": cabinet.level, "cabinet": cabinet.name or cabinet.id},
                        where=cabinet.polygon)


@rule(
    "CAB005", "cabinet-locked", "4.5.3 細則 (保管庫)(3); 4.5.4 細則 (保管庫)(3)", "error",
    messages={
        "level2": {
            "ja": "セキュリティレベル2の保管庫・キャビネット等「{cabinet}」が「{state}」と記載されています。"
                  "常時施錠（LOCK=LOCKED）とし、アクセス権限者のみが解錠できるようにしてください"
                  "（アクセス権限者の監視下にある場合は SUPERVISED=YES）。",
            "en": "The level-2 cabinet '{cabinet}' is drawn as {state}. Keep it always locked "
                  "(LOCK = LOCKED), unlocked only by access holders (always watched by an access "
                  "holder: SUPERVISED=YES).",
        },
        "level3": {
            "ja": "セキュリティレベル3の保管庫・キャビネット等「{cabinet}」が「{state}」と記載されています。"
                  "常時施錠でアクセス記録をとる（LOCK=LOGGED）か、鍵を1人だけが持ち本人のみが解錠する"
                  "場合は KEYHOLDER=SINGLE と記載してください。",
            "en": "The level-3 cabinet '{cabinet}' is drawn as {state}. Keep it always locked with "
                  "an access record (LOCK = LOGGED), or draw KEYHOLDER=SINGLE if one person alone "
                  "holds the key and unlocks it.",
        },
    },
    summary={"ja": "レベル2の保管庫は常時施錠、レベル3は施錠+アクセス記録であること（施錠状態がある場合）",
             "en": "level-2 cabinets always locked, level-3 cabinets locked with an access record (when drawn)"},
    doc_ja="""レベル2の保管庫・キャビネット等は常時施錠、レベル3は常時施錠でアクセス記録をとること。

    理由：セキュリティレベル2エリアの保管庫・キャビネット等は常時施錠とし、アクセス権限者の
    みが解錠できなければなりません（監視下にある場合を除く。4.5.3 細則 保管庫 (3)）。レベル3
    ではさらにアクセス記録をとります。アクセス権限者が1人で、鍵を本人のみが所有し本人のみが
    解錠する場合に限り、記録は必ずしも要りません（4.5.4 細則 保管庫 (3)）。

    報告される内容：施錠状態が描かれたレベル2の保管庫のうち常時施錠（LOCKED・LOGGED）でない
    もの（SUPERVISED=YES は例外）、レベル3の保管庫のうち LOGGED でないもの（LOCKED で
    KEYHOLDER=SINGLE、または傍に「鍵管理者1名」等の文字があるものは認めます）。施錠状態は
    ATTRIB ``LOCK`` または保管庫から0.5 m以内の文字から読みます。施錠状態のない保管庫は検査せ
    ず、その数をレポートに記載します。

    直し方：錠を設け、図面の LOCK（と必要なら KEYHOLDER）を直してください。
    """,
)
def cabinet_locked(site: Site, ctx: Context) -> Iterator[Violation]:
    """Level-2 cabinets are always locked; level-3 cabinets also record access.

    Why: a level-2 cabinet is always locked and unlocked only by access holders, unless it is
    always under an access holder's watch (4.5.3 細則 保管庫 (3)). A level-3 cabinet also
    records every access, except when one access holder alone owns the key and unlocks it
    (4.5.4 細則 保管庫 (3)).

    What is reported: each level-2 cabinet with a lock state that is not always locked
    (LOCKED or LOGGED; SUPERVISED=YES is the exception), and each level-3 cabinet that is not
    LOGGED (a LOCKED one passes with KEYHOLDER=SINGLE, or a text such as 鍵管理者1名 beside
    it). The lock state comes from ATTRIB ``LOCK`` or a text within 0.5 m of the cabinet.
    Cabinets without one are not checked and the report says how many.

    How to fix: fit a lock (one that records access for level 3) and correct LOCK (and
    KEYHOLDER where it applies).
    """
    cabinets = [c for c in site.plan.cabinets if c.level in (2, 3)]
    drawn = [c for c in cabinets if c.lock is not None]
    if len(drawn) < len(cabinets):
        ctx.explain(f"レベル2・3の保管庫・キャビネット等 {len(cabinets)} 台中 {len(cabinets) - len(drawn)} 台に"
                    f"施錠状態（LOCK 属性または傍の「常時施錠」等の文字）の記載なし",
                    f"no lock state on {len(cabinets) - len(drawn)} of {len(cabinets)} level-2/3 "
                    f"cabinets (ATTRIB LOCK or a lock word beside them)")
    ctx.count(len(drawn))
    for cabinet in drawn:
        if cabinet.level == 2:
            ok = cabinet.lock in ALWAYS_LOCKED or supervised(cabinet.attrs)
        else:
            ok = cabinet.lock == "LOGGED" or (cabinet.lock in ("LOCKED", "FIXED") and one_keyholder(cabinet.attrs))
        if ok:
            continue
        yield Violation(subjects=(cabinet_subject(cabinet),),
                        args={"cabinet": cabinet.name or cabinet.id, "state": state_word(cabinet.lock)},
                        where=cabinet.polygon, message=f"level{cabinet.level}",
                        extra={"lock": cabinet.lock})


RULES = (cabinet_fixed, cabinet_locked)
