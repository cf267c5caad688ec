"""Door rules: doors into level-2/3 areas are locked, entrances are lockable doors (DOR)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ..model import OUTSIDE
from .base import Context, Option, Violation, rule
from .describe import door_label, link_label, link_subject, node_subject
from .states import ALWAYS_LOCKED, doors_into, one_keyholder, state_word, supervised

if TYPE_CHECKING:
    from ..geometry.site import Site

REQUIRE = Option("require_lock", False,
                 "report a door into the level that has no lock state drawn (default: not checked, "
                 "and the report says how many were left out)",
                 "施錠状態の記載がない扉も報告する（既定：検査せず、その数をレポートに記載）")


def _undrawn_note(ctx: Context, missing: int, total: int, level: int) -> None:
    if missing:
        ctx.explain(
            f"レベル{level}への扉 {total} か所中 {missing} か所に施錠状態（LOCK 属性または扉の傍の"
            f"「常時施錠」等の文字）の記載なし",
            f"no lock state on {missing} of {total} doors into level {level} (ATTRIB LOCK or a "
            f"lock word beside the door)")


@rule(
    "DOR001", "level2-door-locked", "4.5.3 細則(2)", "error",
    messages={
        "default": {
            "ja": "セキュリティレベル2の「{room}」への{door}が「{state}」と記載されています。常時施錠"
                  "（LOCK=LOCKED）または施錠+入退室記録（LOGGED）とし、アクセス権限者のみが解錠できる"
                  "ようにしてください（アクセス権限者の監視下にある扉は SUPERVISED=YES）。",
            "en": "The {door} into the level-2 area '{room}' is drawn as {state}. Keep it always "
                  "locked (LOCK = LOCKED, or LOGGED), unlocked only by access holders (a door "
                  "always watched by an access holder: SUPERVISED=YES).",
        },
        "undrawn": {
            "ja": "セキュリティレベル2の「{room}」への{door}に施錠状態の記載がありません。常時施錠とし、"
                  "LOCK 属性（LOCKED または LOGGED）を記載してください。",
            "en": "The {door} into the level-2 area '{room}' has no lock state drawn. Keep it always "
                  "locked and draw its LOCK attribute (LOCKED or LOGGED).",
        },
    },
    summary={"ja": "レベル2への扉が常時施錠であること（施錠状態が描かれている場合）",
             "en": "doors into level-2 areas are always locked (when lock states are drawn)"},
    options=(REQUIRE,),
    doc_ja="""レベル2の居室等への扉が常時施錠であること（施錠状態が図面にある場合）。

    理由：セキュリティレベル2エリアの居室等の出入口は常時施錠とし、アクセス権限者のみが解錠
    できなければなりません。アクセス権限者の監視下にある場合に限り、常時施錠の必要はありま
    せん（4.5.3 細則(2)）。

    報告される内容：レベル2の領域へ入る扉（もう一方がレベル0〜2の扉）のうち、施錠状態が
    常時施錠（LOCKED）でも施錠+入退室記録（LOGGED）でもないもの。常時開放（OPEN）、常時開錠
    （UNLOCKED）、施錠不可（NOLOCK）が該当します。属性 SUPERVISED=YES（監視下）の扉は例外
    です。レベル3への扉は DOR002 が検査します。

    施錠状態は扉の ATTRIB ``LOCK``、または扉から1 m以内の文字（``lock_pattern``）から読み
    ます（語彙は docs/drawing.md）。施錠状態のない扉は検査せず、その数をレポートに記載します
    （``require_lock = true`` で報告対象にできます）。

    直し方：扉を常時施錠にし、図面の LOCK を LOCKED または LOGGED にしてください。
    """,
)
def level2_door_locked(site: Site, ctx: Context) -> Iterator[Violation]:
    """A door into a level-2 area is always locked (LOCK = LOCKED or LOGGED).

    Why: the entrance of a level-2 room is always locked and only access holders unlock it;
    only a door always under an access holder's watch need not be (4.5.3 細則(2)).

    What is reported: each door into a level-2 region (the other side of level 0 to 2) whose
    lock state is neither LOCKED (常時施錠) nor LOGGED (施錠+入退室記録): OPEN (常時開放),
    UNLOCKED (常時開錠) or NOLOCK (施錠不可). A door with ATTRIB SUPERVISED=YES (監視下) is the
    clause's exception. Doors into level 3 are DOR002's.

    The lock state comes from the door's ATTRIB ``LOCK`` or a text within 1 m of it
    (``lock_pattern``); docs/drawing.md lists the words. Doors without one are not checked and
    the report says how many (with ``require_lock`` set to true they are reported).

    How to fix: keep the door always locked and draw LOCK = LOCKED or LOGGED.
    """
    yield from _check(site, ctx, 2, lambda link: link.door.lock in ALWAYS_LOCKED
                      or supervised(link.door.attrs))


@rule(
    "DOR002", "level3-door-logged", "4.5.4 細則(2)", "error",
    messages={
        "default": {
            "ja": "セキュリティレベル3の「{room}」への{door}が「{state}」と記載されています。常時施錠"
                  "でアクセス記録をとる扉（LOCK=LOGGED：施錠+入退室記録）にしてください。鍵を1人だけ"
                  "が持ち本人のみが解錠する場合は KEYHOLDER=SINGLE（鍵管理者1名）と記載してください。",
            "en": "The {door} into the level-3 area '{room}' is drawn as {state}. Make it always "
                  "locked with an access record (LOCK = LOGGED); if one person alone holds the key "
                  "and unlocks it, draw KEYHOLDER=SINGLE.",
        },
        "undrawn": {
            "ja": "セキュリティレベル3の「{room}」への{door}に施錠状態の記載がありません。常時施錠でアクセス"
                  "記録をとる扉とし、LOCK 属性（LOGGED）を記載してください。",
            "en": "The {door} into the level-3 area '{room}' has no lock state drawn. Make it always "
                  "locked with an access record and draw its LOCK attribute (LOGGED).",
        },
    },
    summary={"ja": "レベル3への扉が施錠+入退室記録であること（施錠状態が描かれている場合）",
             "en": "doors into level-3 areas are locked with an access record (when drawn)"},
    options=(REQUIRE,),
    doc_ja="""レベル3の居室等への扉が、常時施錠でアクセス記録をとること（LOCK=LOGGED）。

    理由：セキュリティレベル3エリアの居室等の出入口は常時施錠とし、アクセス権限者のみが
    解錠を行い、かつアクセス記録をとらなければなりません。ただし、アクセス権限者が1人で、
    鍵を本人のみが所有し本人のみが解錠する場合に限り、アクセス記録は不要です（4.5.4 細則(2)）。

    報告される内容：レベル3の領域へ入る扉のうち、施錠状態が施錠+入退室記録（LOGGED）でな
    いもの。常時施錠（LOCKED）の扉は、属性 KEYHOLDER=SINGLE（または扉の傍に「鍵管理者1名」
    等の文字）がある場合に限り認めます。

    施錠状態は扉の ATTRIB ``LOCK`` または扉から1 m以内の文字から読みます。施錠状態のない扉は
    検査せず、その数をレポートに記載します（``require_lock = true`` で報告対象にできます）。

    直し方：入退室記録のとれる錠（カード認証など）にして LOCK を LOGGED にするか、鍵管理者が
    1名なら KEYHOLDER=SINGLE を記載してください。
    """,
)
def level3_door_logged(site: Site, ctx: Context) -> Iterator[Violation]:
    """A door into a level-3 area is locked with an access record (LOCK = LOGGED).

    Why: the entrance of a level-3 room is always locked, unlocked only by access holders, and
    every access is recorded; the record may be left out only when one access holder alone
    owns the key and unlocks the door (4.5.4 細則(2)).

    What is reported: each door into a level-3 region whose lock state is not LOGGED
    (施錠+入退室記録). A LOCKED (常時施錠) door passes only with ATTRIB KEYHOLDER=SINGLE (or a
    text such as 鍵管理者1名 beside it): the single-key-holder exception.

    The lock state comes from the door's ATTRIB ``LOCK`` or a text within 1 m of it. Doors
    without one are not checked and the report says how many (with ``require_lock`` set to true
    they are reported).

    How to fix: fit a lock that records access (card reader, logbook key lending) and draw
    LOCK = LOGGED, or draw KEYHOLDER=SINGLE when one person alone holds the key.
    """
    def ok(link) -> bool:  # type: ignore[no-untyped-def]
        door = link.door
        return door.lock == "LOGGED" or (door.lock in ("LOCKED", "FIXED") and one_keyholder(door.attrs))

    yield from _check(site, ctx, 3, ok)


def _check(site: Site, ctx: Context, level: int, ok) -> Iterator[Violation]:  # type: ignore[no-untyped-def]
    doors = list(doors_into(site, level))
    drawn = [(link, node) for link, node in doors if link.door.lock is not None]
    if not ctx["require_lock"]:
        _undrawn_note(ctx, len(doors) - len(drawn), len(doors), level)
        doors = drawn
    ctx.count(len(doors))
    for link, node in doors:
        if ok(link):
            continue
        yield Violation(
            subjects=(node_subject(site, node), link_subject(link)),
            args={"room": site.name_of(node), "door": link_label(link),
                  "state": state_word(link.door.lock)},
            where=link.chord, message="default" if link.door.lock else "undrawn",
            extra={"lock": link.door.lock, "door": door_label(link.door)},
        )


@rule(
    "DOR003", "entrance-lockable", "4.5.1 細則 (申請エリアの境界の条件)(1)c", "error",
    messages={
        "opening": {
            "ja": "申請エリアの出入口 {door}（「{room}」への幅 {width:.2f} m の開口部）に扉がありません。"
                  "業務時間外に施錠できるよう、施錠できる扉を設けてください。",
            "en": "The application-area entrance {door} (a {width:.2f} m opening into '{room}') has "
                  "no door. Fit a door that can be locked outside business hours.",
        },
        "nolock": {
            "ja": "申請エリアの出入口である{door}（「{room}」への扉）が施錠できない扉（{state}）と記載されて"
                  "います。業務時間外に施錠できる錠を設けてください。",
            "en": "The application-area entrance {door} (into '{room}') is drawn as {state}. Fit a "
                  "lock so that it can be locked outside business hours.",
        },
    },
    summary={"ja": "申請エリアの出入口がすべて施錠できる扉であること（開口部でないこと）",
             "en": "every entrance of the application area is a lockable door, not an opening"},
    doc_ja="""申請エリアの出入口が、すべて施錠できる扉であること。

    理由：業務時間外等の不在時は、アクセス権限者以外が立ち入れないよう、申請エリアの境界の
    出入口や窓等の開口部を施錠しなければなりません。賃貸ビルで共用部の出入口が施錠されてい
    ても、申請エリアの出入口は独自に施錠します（4.5.1 細則 申請エリアの境界の条件 (1)c）。

    報告される内容：外部と申請エリア内の領域を結ぶ出入口のうち、扉のない開口部（壁の切れ目
    で ``min_passage_width`` 以上のもの）と、施錠状態が施錠不可（NOLOCK：「施錠不可」「錠
    なし」）と記載された扉。常時開放・常時開錠の扉は、業務時間外に施錠できるものとして認めま
    す。出入口がなければ何も検査しません。

    直し方：開口部に施錠できる扉を描く（扉レイヤに建具のブロックを置く）か、扉に錠を設けて
    LOCK 属性を直してください。
    """,
)
def entrance_lockable(site: Site, ctx: Context) -> Iterator[Violation]:
    """Every entrance of the application area is a lockable door, not an opening.

    Why: outside business hours the entrances and other openings of the application area's
    boundary are locked so that only access holders can enter; in a rented building the
    area's own entrance is locked even when the building's is (4.5.1 細則 申請エリアの境界の
    条件 (1)c).

    What is reported: each entrance (a door or opening between the outside and a region in
    the application area) that is an opening without a door (a gap in the walls at least
    ``min_passage_width`` wide), or a door drawn as NOLOCK (施錠不可, 錠なし). Doors drawn
    OPEN (常時開放) or UNLOCKED (常時開錠) pass: those words describe business hours, and the
    door can still be locked after them. With no entrance nothing is checked.

    How to fix: draw a lockable door in the opening (a door block on the door layer), or fit
    the door with a lock and correct its LOCK attribute.
    """
    entrances = site.entrances
    ctx.count(len(entrances))
    for link in entrances:
        inside = link.b if link.a == OUTSIDE else link.a
        if link.door is not None and link.door.lock != "NOLOCK":
            continue
        variant = "opening" if link.door is None else "nolock"
        yield Violation(
            subjects=(link_subject(link), node_subject(site, inside)),
            args={"door": link.id if link.door is None else link_label(link),
                  "room": site.name_of(inside), "width": link.width,
                  "state": state_word(link.door.lock if link.door else None)},
            where=link.chord, message=variant, extra={"kind": variant},
        )


RULES = (level2_door_locked, level3_door_logged, entrance_lockable)
