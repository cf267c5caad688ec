"""Window rules: windows on the boundaries of the application area and of level-2/3 areas can
be locked, and windows of level-3 areas are always locked (WIN)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ..findings import Subject
from ..model import Window
from .base import Context, Violation, rule
from .describe import Text, text
from .states import ALWAYS_LOCKED, LOCKABLE, state_word, supervised

if TYPE_CHECKING:
    import numpy as np
    from ..geometry.site import Site

#: a window lies on a boundary when at least this share of its length is within wall_tolerance
ON_SHARE = 0.5


def window_subject(window: Window) -> Subject:
    return Subject(kind="window", id=window.id, name=window.name)


def _on(windows: list[Window], boundary, tol: float) -> np.ndarray:
    """For each window, True when most of it lies along ``boundary``."""
    import numpy as np
    import shapely

    if not windows or boundary is None or boundary.is_empty:
        return np.zeros(len(windows), dtype=bool)
    geoms = np.asarray([w.geom for w in windows], dtype=object)
    near = shapely.intersection(geoms, boundary.buffer(tol))
    lengths = shapely.length(geoms)
    return (shapely.length(near) >= ON_SHARE * lengths) & (lengths > 0)


def window_places(site: Site, windows: list[Window]) -> list[tuple[bool, list[tuple[int, str]]]]:
    """For each window: on the AA boundary?, and [(level, region name)] of the level-2/3
    regions whose boundary it lies on, highest level first."""
    import numpy as np

    tol = float(site.tolerances.get("wall_tolerance", 0.15))
    on_aa = _on(windows, site.aa.boundary if site.aa_drawn else None, tol)
    places: list[list[tuple[int, str]]] = [[] for _ in windows]
    for region in (r for r in site.regions if r.level >= 2):
        for k in np.flatnonzero(_on(windows, region.polygon.boundary, tol)).tolist():
            places[k].append((region.level, region.label))
    return [(bool(a), sorted(p, reverse=True)) for a, p in zip(on_aa.tolist(), places)]


def _where(on_aa: bool, rooms: list[tuple[int, str]]) -> Text:
    if rooms:
        level, name = rooms[0]
        return text(f"セキュリティレベル{level}の「{name}」の境界", f"the boundary of the level-{level} area '{name}'")
    return text("申請エリアの境界", "the application-area boundary") if on_aa else text("", "")


def _drawn(site: Site, ctx: Context) -> list[Window]:
    windows = list(site.plan.windows)
    drawn = [w for w in windows if w.lock is not None]
    if windows and len(drawn) < len(windows):
        ctx.explain(f"窓 {len(windows)} か所中 {len(windows) - len(drawn)} か所に施錠状態（LOCK 属性または"
                    f"窓の傍の「常時施錠」「はめ殺し」等の文字）の記載なし",
                    f"no lock state on {len(windows) - len(drawn)} of {len(windows)} windows (ATTRIB "
                    f"LOCK or a word such as 常時施錠, はめ殺し beside them)")
    return drawn


@rule(
    "WIN001", "window-lockable", "4.5.1 細則 (申請エリアの境界の条件)(1)c; 4.5.3 細則(1)c", "error",
    messages={
        "default": {
            "ja": "{on}にある窓 {window} が「{state}」と記載されています。業務時間外等の不在時に"
                  "施錠できる窓（錠付き、またははめ殺し）にしてください。",
            "en": "Window {window} on {on} is drawn as {state}. Make it a window that is locked "
                  "outside business hours (one with a lock, or a fixed window).",
        },
    },
    summary={"ja": "申請エリア・レベル2・3の境界の窓が施錠できること（施錠状態が描かれている場合）",
             "en": "windows on the application-area and level-2/3 boundaries can be locked (when drawn)"},
    doc_ja="""申請エリアの境界と、レベル2・3の居室等の境界にある窓が施錠できること。

    理由：申請エリアの境界の出入口や窓等の開口部は業務時間外等の不在時に施錠しなければな
    らず（4.5.1 細則 申請エリアの境界の条件 (1)c）、レベル2の居室等の出入口以外の開口部
    （窓等）も不在時は施錠します（4.5.3 細則(1)c）。レベル3の窓は WIN002 が常時施錠を求めます。

    報告される内容：長さの半分以上が申請エリアの外形、またはレベル2・3の領域の外形に沿う
    （``wall_tolerance`` 以内）窓のうち、施錠状態が常時開放（OPEN）または施錠不可（NOLOCK：
    「施錠不可」「錠なし」）のもの。常時開錠（UNLOCKED：錠はあるが日中は開錠）、常時施錠、
    はめ殺し（FIXED）は認めます。

    窓は窓レイヤのブロック（1つの INSERT が1つの窓）か、互いに0.2 m以内の窓の線のまとまり
    です。施錠状態は ATTRIB ``LOCK`` か、窓から1 m以内で扉より窓に近い文字から読みます。施錠
    状態のない窓は検査せず、その数をレポートに記載します。

    直し方：錠を付けるかはめ殺しにし、図面の LOCK を直してください。
    """,
)
def window_lockable(site: Site, ctx: Context) -> Iterator[Violation]:
    """Windows on the application-area boundary and on level-2/3 boundaries can be locked.

    Why: outside business hours the entrances and windows of the application area's boundary
    are locked (4.5.1 細則 申請エリアの境界の条件 (1)c), and so are the windows of a level-2
    room (4.5.3 細則(1)c). Level-3 windows must be always locked: WIN002.

    What is reported: each window lying for at least half its length along the application
    area's outline or a level-2/3 region's outline (within ``wall_tolerance``) whose lock state
    is OPEN (常時開放) or NOLOCK (施錠不可, 錠なし). UNLOCKED (常時開錠: it has a lock, open by
    day), LOCKED, LOGGED and FIXED (はめ殺し) pass.

    A window is one INSERT on a window layer, or a group of window lines lying within 0.2 m of
    each other. Its lock state comes from ATTRIB ``LOCK`` or a text within 1 m that is nearer
    to it than to any door. Windows without a lock state are not checked and the report says
    how many.

    How to fix: fit a lock (or make it a fixed window) and correct LOCK in the drawing.
    """
    windows = _drawn(site, ctx)
    for window, (on_aa, rooms) in zip(windows, window_places(site, windows)):
        if not on_aa and not rooms:
            continue
        ctx.count()
        if window.lock in LOCKABLE:
            continue
        yield Violation(subjects=(window_subject(window),),
                        args={"window": window.name or window.id, "on": _where(on_aa, rooms),
                              "state": state_word(window.lock)},
                        where=window.geom, extra={"lock": window.lock, "aa": on_aa,
                                                  "levels": [lv for lv, _n in rooms]})


@rule(
    "WIN002", "level3-window-locked", "4.5.4 細則(1)c", "error",
    messages={
        "default": {
            "ja": "セキュリティレベル3の「{room}」の窓 {window} が「{state}」と記載されています。"
                  "常時施錠（LOCK=LOCKED）またははめ殺し（FIXED）とし、外部から容易に侵入できないように"
                  "してください（アクセス権限者の監視下にある窓は SUPERVISED=YES）。",
            "en": "Window {window} of the level-3 area '{room}' is drawn as {state}. Keep it always "
                  "locked (LOCK = LOCKED) or fixed (FIXED) so it cannot easily be entered from "
                  "outside (a window always watched by an access holder: SUPERVISED=YES).",
        },
    },
    summary={"ja": "レベル3の窓が常時施錠であること（施錠状態が描かれている場合）",
             "en": "windows of level-3 areas are always locked (when lock states are drawn)"},
    doc_ja="""レベル3の居室等の窓が常時施錠であること。

    理由：セキュリティレベル3エリアの居室等の出入口以外の開口部（窓等）は常時施錠し、外部か
    ら容易に侵入できないようにしなければなりません。アクセス権限者の監視下にある場合に限り、
    常時施錠の必要はありません（4.5.4 細則(1)c）。

    報告される内容：長さの半分以上がレベル3の領域の外形に沿う窓のうち、施錠状態が常時施錠
    （LOCKED・LOGGED）でもはめ殺し（FIXED）でもないもの。属性 SUPERVISED=YES（監視下）の窓
    は例外です。施錠状態のない窓は検査せず、その数をレポートに記載します。

    直し方：窓を常時施錠またははめ殺しにし、図面の LOCK を直してください。
    """,
)
def level3_window_locked(site: Site, ctx: Context) -> Iterator[Violation]:
    """Windows of a level-3 area are always locked.

    Why: the openings of a level-3 room other than its entrance (windows) are always locked so
    that nobody can easily get in from outside; only a window always under an access holder's
    watch need not be (4.5.4 細則(1)c).

    What is reported: each window lying for at least half its length along a level-3 region's
    outline whose lock state is neither always locked (LOCKED, LOGGED) nor FIXED (はめ殺し).
    A window with ATTRIB SUPERVISED=YES (監視下) is the clause's exception. Windows without a
    lock state are not checked and the report says how many.

    How to fix: keep the window always locked or make it fixed, and correct LOCK.
    """
    windows = _drawn(site, ctx)
    for window, (_on_aa, rooms) in zip(windows, window_places(site, windows)):
        level3 = [name for level, name in rooms if level == 3]
        if not level3:
            continue
        ctx.count()
        if window.lock in ALWAYS_LOCKED or supervised(window.attrs):
            continue
        yield Violation(subjects=(window_subject(window),),
                        args={"window": window.name or window.id, "room": level3[0],
                              "state": state_word(window.lock)},
                        where=window.geom, extra={"lock": window.lock})


RULES = (window_lockable, level3_window_locked)
