"""Cabinets against earthquakes: rows linked, tall ones fixed or low (CAB002, CAB003; 4.6.4)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ..model import Cabinet
from ..naming import fold, parse_height
from .base import Context, Option, Violation, rule
from .cabinet_security import FIXED_KEYS, LINKED_KEYS
from .describe import cabinet_subject
from .states import flag

if TYPE_CHECKING:
    from ..geometry.site import Site

GROUP_KEYS = ("GROUP", "グループ", "連結グループ")
HEIGHT_KEYS = ("HEIGHT", "高さ", "H")


def _group(c: Cabinet) -> str | None:
    for key in GROUP_KEYS:
        value = c.attrs.get(key)
        if value and value.strip():
            return fold(value).upper()
    return None


def touching_pairs(cabinets: list[Cabinet], distance: float) -> list[tuple[int, int]]:
    """Index pairs (i < j) of cabinets standing within ``distance`` of each other."""
    import numpy as np
    import shapely

    if len(cabinets) < 2:
        return []
    polys = np.asarray([c.polygon for c in cabinets], dtype=object)
    a, b = shapely.STRtree(polys).query(polys, predicate="dwithin", distance=distance)
    return sorted({(i, j) for i, j in zip(a.tolist(), b.tolist()) if i < j})


def linked(a: Cabinet, b: Cabinet) -> bool:
    """Two cabinets are linked: both LINKED=YES, the same GROUP, or drawn as one block."""
    if flag(a.attrs, *LINKED_KEYS) and flag(b.attrs, *LINKED_KEYS):
        return True
    ga, gb = _group(a), _group(b)
    if ga is not None and ga == gb:
        return True
    return a.source.handle is not None and a.source.handle == b.source.handle


def _rows(pairs: list[tuple[int, int]]) -> list[list[int]]:
    """Connected groups of cabinet indices joined by the pairs (union-find), by first member."""
    parent: dict[int, int] = {}

    def root(i: int) -> int:
        parent.setdefault(i, i)
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in pairs:
        ri, rj = root(i), root(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)
    rows: dict[int, list[int]] = {}
    for i in sorted(parent):
        rows.setdefault(root(i), []).append(i)
    return [rows[k] for k in sorted(rows)]


@rule(
    "CAB002", "cabinet-row-linked", "4.6.4 細則(3)", "error",
    messages={
        "default": {
            "ja": "保管庫・キャビネット等 {cabinets} が並んで置かれていますが、連結の記載がありません。"
                  "転倒しないよう相互に連結し、LINKED=YES（または共通の GROUP）と記載してください。",
            "en": "The cabinets {cabinets} stand side by side but are not drawn as linked. Link "
                  "them to each other so they cannot topple, and draw LINKED=YES (or one GROUP).",
        },
    },
    summary={"ja": "並んだ保管庫・キャビネット等が相互に連結されていること",
             "en": "cabinets standing side by side are linked to each other"},
    options=(
        Option("touch_distance", 0.05, "cabinets this close (m) stand side by side",
               "この距離（m）以内の保管庫・キャビネット等を並んでいるとみなす"),
        Option("assume_unlinked", False,
               "check even when no cabinet in the drawing carries LINKED or GROUP (default: "
               "not checked, and the report says so)",
               "どの保管庫にも LINKED・GROUP がなくても検査する（既定：検査せず、その旨をレポートに記載）"),
    ),
    doc_ja="""並んで置かれた保管庫・キャビネット等が、相互に連結されていること。

    理由：保管庫・キャビネット等が複数並ぶ場合は、転倒しないよう相互に連結しなければなりま
    せん（4.6.4 細則(3)）。

    報告される内容：互いに ``touch_distance``（0.05 m）以内に置かれた保管庫の並びのうち、連結
    の記載のない組を含む並びごとに1件。連結しているとみなすのは、両方が LINKED=YES（連結=有）、
    同じ GROUP の値、または1つのブロック（同じ INSERT）として描かれている場合です。図面の
    どの保管庫にも LINKED・GROUP がない場合は検査せず、そのことをレポートに記載します
    （``assume_unlinked = true`` で検査します）。

    直し方：並んだ保管庫を連結金具等で連結し、各保管庫に LINKED=YES、または並びごとに共通の
    GROUP を記載してください。
    """,
)
def cabinet_row_linked(site: Site, ctx: Context) -> Iterator[Violation]:
    """Cabinets standing side by side are linked to each other.

    Why: where several cabinets stand in a row they are linked so that they cannot topple
    (4.6.4 細則(3)).

    What is reported: one finding per row of cabinets standing within ``touch_distance``
    (0.05 m) of each other that holds a pair not drawn as linked. A pair is linked when both
    carry LINKED=YES (連結=有), both carry the same GROUP, or both come from one block (one
    INSERT). When no cabinet in the drawing carries LINKED or GROUP, nothing is checked and
    the report says so (with ``assume_unlinked`` set to true they are checked all the same).

    How to fix: link the cabinets (linking brackets) and draw LINKED=YES on each, or one GROUP
    value per row.
    """
    import shapely

    cabinets = list(site.plan.cabinets)
    pairs = touching_pairs(cabinets, float(ctx["touch_distance"]))
    if not pairs:
        return
    data = any(flag(c.attrs, *LINKED_KEYS) is not None or _group(c) for c in cabinets)
    if not data and not ctx["assume_unlinked"]:
        ctx.explain(f"並んだ保管庫・キャビネット等 {len(pairs)} 組、どの保管庫にも連結の記載"
                    f"（LINKED・GROUP 属性）なし",
                    f"{len(pairs)} pairs of cabinets stand side by side, but no cabinet carries "
                    f"LINKED or GROUP")
        return
    ctx.count(len(pairs))
    loose = [(i, j) for i, j in pairs if not linked(cabinets[i], cabinets[j])]
    for row in _rows(loose):
        members = [cabinets[k] for k in row]
        names = "、".join(f"「{c.name or c.id}」" for c in members)
        names_en = ", ".join(f"'{c.name or c.id}'" for c in members)
        yield Violation(subjects=tuple(cabinet_subject(c) for c in members),
                        args={"cabinets": {"ja": names, "en": names_en}},
                        where=shapely.union_all([c.polygon for c in members]),
                        extra={"cabinets": [c.id for c in members]})


@rule(
    "CAB003", "freestanding-tall-cabinet", "4.6.4 推奨(1)b,c", "warning",
    messages={
        "freestanding": {
            "ja": "壁から離れて単独で置かれた保管庫・キャビネット等「{cabinet}」の高さが {height:.2f} m です。"
                  "{limit:.1f} m 程度以下のものにするか、壁際に移して固定してください。",
            "en": "The cabinet '{cabinet}' stands alone away from the walls and is {height:.2f} m "
                  "high. Use one of about {limit:.1f} m or less, or move it to a wall and fix it.",
        },
        "unfixed": {
            "ja": "壁際の背の高い保管庫・キャビネット等「{cabinet}」（高さ {height:.2f} m）に固定の記載が"
                  "ありません。壁及び床に固定し、FIXED=YES と記載してください。",
            "en": "The tall cabinet '{cabinet}' ({height:.2f} m) against a wall is not drawn as "
                  "fixed. Fix it to the wall and floor and draw FIXED=YES.",
        },
    },
    summary={"ja": "単独で置く保管庫は1.2 m程度以下、壁際の背の高い保管庫は固定されていること",
             "en": "freestanding cabinets at most about 1.2 m high; tall ones against a wall fixed"},
    options=(
        Option("max_height", 1.2, "height (m) above which a cabinet is tall",
               "この高さ（m）を超える保管庫・キャビネット等を背の高いものとみなす"),
        Option("wall_distance", 0.3, "a cabinet this close (m) to a full-height wall stands against it",
               "全高の壁からこの距離（m）以内の保管庫・キャビネット等を壁際とみなす"),
    ),
    doc_ja="""単独で置く保管庫は1.2 m程度以下、壁際の背の高い保管庫は壁と床に固定されていること。

    理由：居室の中央に設置する単独の保管庫・キャビネット等の高さは1.2 m程度を限度とし、壁面
    に設置する背の高い保管庫・キャビネット等は壁及び床に固定することが望ましい（4.6.4 推奨
    (1)b,c）。推奨事項のため、既定の重大度は警告です。

    報告される内容：高さ（属性 HEIGHT または 高さ：1.8、1800、1800mm、180cm）が
    ``max_height``（1.2 m）を超える保管庫のうち、壁（全高の壁または窓）から ``wall_distance``
    （0.3 m）以上離れていて LINKED=YES でないもの、および壁際にあって FIXED=YES でないもの。
    高さのない保管庫は検査せず、その数をレポートに記載します。

    直し方：低い保管庫にするか壁際に移し、壁と床に固定して FIXED=YES と記載してください。
    """,
)
def freestanding_tall_cabinet(site: Site, ctx: Context) -> Iterator[Violation]:
    """A freestanding cabinet is at most about 1.2 m high; a tall one against a wall is fixed.

    Why: a single cabinet standing in the middle of a room should be about 1.2 m high at
    most, and a tall cabinet against a wall should be fixed to the wall and floor (4.6.4
    推奨(1)b,c). A recommendation, so a warning by default.

    What is reported: each cabinet whose height (ATTRIB HEIGHT or 高さ: 1.8, 1800, 1800mm,
    180cm) exceeds ``max_height`` (1.2 m) and that either stands ``wall_distance`` (0.3 m) or
    more from every full-height wall (or window) and is not LINKED=YES, or stands against a wall and is
    not FIXED=YES. Cabinets without a height are not checked and the report says how many.

    How to fix: use a lower cabinet, or move it to a wall, fix it to wall and floor and draw
    FIXED=YES.
    """
    import numpy as np
    import shapely

    cabinets = list(site.plan.cabinets)
    heights = [next((h for k in HEIGHT_KEYS if (h := parse_height(c.attrs.get(k))) is not None), None)
               for c in cabinets]
    measured = [(c, h) for c, h in zip(cabinets, heights) if h is not None]
    if len(measured) < len(cabinets):
        ctx.explain(f"保管庫・キャビネット等 {len(cabinets)} 台中 {len(cabinets) - len(measured)} 台に高さ"
                    f"（HEIGHT 属性）の記載なし",
                    f"no HEIGHT on {len(cabinets) - len(measured)} of {len(cabinets)} cabinets")
    ctx.count(len(measured))
    limit = float(ctx["max_height"])
    tall = [(c, h) for c, h in measured if h > limit + 1e-9]
    if not tall:
        return
    walls = [ln.geom for ln in site.plan.lines_of("wall", "window")]  # an outer wall with windows
    against = np.zeros(len(tall), dtype=bool)
    if walls:
        polys = np.asarray([c.polygon for c, _h in tall], dtype=object)
        hit, _w = shapely.STRtree(np.asarray(walls, dtype=object)).query(
            polys, predicate="dwithin", distance=float(ctx["wall_distance"]))
        against[np.unique(hit)] = True
    for (cabinet, height), wall in zip(tall, against.tolist()):
        if wall and flag(cabinet.attrs, *FIXED_KEYS):
            continue
        if not wall and flag(cabinet.attrs, *LINKED_KEYS):
            continue
        yield Violation(subjects=(cabinet_subject(cabinet),),
                        args={"cabinet": cabinet.name or cabinet.id, "height": height, "limit": limit},
                        where=cabinet.polygon, message="unfixed" if wall else "freestanding",
                        extra={"height_m": round(height, 3), "against_wall": wall})


RULES = (cabinet_row_linked, freestanding_tall_cabinet)
