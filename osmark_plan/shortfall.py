"""What a converter lost: the entities a DWG or Jw_cad source holds against those its DXF holds.

A converter (ezdwg, ezjww) can return fewer entities than the source holds without saying so.
The reader counts both sides by (entity kind, layer) (:mod:`osmark_plan.reader.tally`) and
:func:`compare` keeps what is missing. Kinds a converter turns into one another (a POLYLINE
written as an LWPOLYLINE, an ATTRIB as a TEXT, an ARC as an ELLIPSE) are compared as one
family, so only a real loss counts; a source entity the converter explodes into many (a
polyline into lines) can hide as many losses of its family: the count is a lower bound.

When the lost entities may hold walls (any entity on a wall or partition layer, line work
whose layer is unknown or was not read, an entity kind with WALL in its name) or room names
(texts of any kind), the drawing is *partial*: the check's verdict would rest on part of the
drawing, so the CLI stops with exit 3 unless the user accepts it (``--accept-partial``), and
the report then says so (DWG011).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Mapping

from .messages import Msg, say

#: (entity kind, layer or None when the source does not tell) -> count
Tally = Counter

#: the kind of entities the source holds but whose kind is not known (a truncated record list)
UNKNOWN = "?"
#: kinds compared as one family: converters turn one into another
FAMILIES: dict[str, str] = {
    **dict.fromkeys(("LINE", "LWPOLYLINE", "POLYLINE"), "line"),
    **dict.fromkeys(("ARC", "CIRCLE", "ELLIPSE"), "curve"),
    **dict.fromkeys(("TEXT", "MTEXT", "ATTRIB"), "text"),
    **dict.fromkeys(("SOLID", "TRACE", "HATCH", "CIRCLE_SOLID"), "fill"),
}
#: kinds that carry room names
TEXT_KINDS = frozenset({"TEXT", "MTEXT", "ATTRIB"})
#: kinds that draw walls when their layer is unknown or was not read
LINEWORK_KINDS = frozenset({"LINE", "LWPOLYLINE", "POLYLINE", "MLINE", "ARC", "SPLINE"})
#: layer kinds whose line work is walls
WALL_LAYERS = frozenset({"wall", "partition"})


@dataclass(frozen=True)
class Shortfall:
    """Entities of the source that are not in the converted drawing."""

    #: "ezdwg 0.17.0" …
    converter: str
    #: "DWG R2018", "JWW" …
    source_format: str
    #: entities the source holds and the converted drawing holds (after block expansion, the
    #: kinds compared only: not dimensions, block references, attribute definitions, viewports)
    source_total: int
    converted_total: int
    #: (kind, layer or None) -> entities lost
    lost: Mapping[tuple[str, str | None], int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        """How many entities were lost."""
        return sum(self.lost.values())

    def by_kind(self) -> dict[str, int]:
        """Lost entities per kind, most first."""
        counts: Counter = Counter()
        for (kind, _layer), n in self.lost.items():
            counts[kind] += n
        return dict(counts.most_common())

    def at_risk(self, layer_kinds: Mapping[str, str]) -> dict[str, int]:
        """Lost entities that may be walls or room names: ``{"walls": n, "labels": m,
        "unknown": k}`` (``unknown``: entities of an unknown kind, either).

        ``layer_kinds``: layer name -> the kind it is mapped to (a layer not in it is unknown)."""
        risk = {"walls": 0, "labels": 0, "unknown": 0}
        for (kind, layer), n in self.lost.items():
            mapped = layer_kinds.get(layer) if layer is not None else None
            if kind == UNKNOWN:
                risk["unknown"] += n
            elif kind in TEXT_KINDS or mapped == "label":
                risk["labels"] += n
            elif mapped in WALL_LAYERS or "WALL" in kind.upper() or (mapped is None and kind in LINEWORK_KINDS):
                risk["walls"] += n
        return risk

    def partial(self, layer_kinds: Mapping[str, str]) -> bool:
        """Whether walls or room names may be among the lost entities."""
        return any(self.at_risk(layer_kinds).values())

    def kinds_text(self, lang: str, most: int = 8) -> str:
        """``"MTEXT 34, LINE 488"``: the lost kinds, most first."""
        items = list(self.by_kind().items())
        unknown = "種類不明" if lang == "ja" else "unknown kind"
        shown = ", ".join(f"{unknown if k == UNKNOWN else k} {n:,}" for k, n in items[:most])
        rest = len(items) - most
        if rest > 0:
            shown += f" ほか{rest}種類" if lang == "ja" else f" and {rest} more kinds"
        return shown

    def describe(self) -> Msg:
        """One sentence in both languages: how many of which kinds were lost."""
        return say(f"{self.converter} lost {self.total:,} of the {self.source_total:,} entities this "
                   f"{self.source_format} file holds ({self.kinds_text('en')}); they are not checked",
                   f"{self.converter} はこの {self.source_format} ファイルの図形 {self.source_total:,} 個のうち "
                   f"{self.total:,} 個を変換できませんでした（{self.kinds_text('ja')}）。これらは検査していません")

    def risk_text(self, layer_kinds: Mapping[str, str], lang: str) -> str:
        """``"9 possible walls, 34 possible room names"``: what may be lost, in ``lang``."""
        risk = self.at_risk(layer_kinds)
        words = {"walls": ("壁の可能性がある図形", "possible walls"),
                 "labels": ("室名の可能性がある文字", "possible room names"),
                 "unknown": ("種類の分からない図形", "entities of unknown kind")}
        parts = [(f"{words[k][0]} {n:,} 個" if lang == "ja" else f"{n:,} {words[k][1]}")
                 for k, n in risk.items() if n]
        return "、".join(parts) if lang == "ja" else ", ".join(parts)


def family(kind: str) -> str:
    """The family a kind is compared in (its own name when it has none)."""
    return FAMILIES.get(kind, kind)


def compare(source: Tally, converted: Tally) -> dict[tuple[str, str | None], int]:
    """What ``source`` holds that ``converted`` does not, by (kind, layer).

    Per (kind, layer) the positive difference; within a family no more is kept than the
    family's own shortfall (the rest were converted into another kind or layer of it), the
    biggest differences first."""
    family_short: Counter = Counter()
    for (kind, _layer), n in source.items():
        family_short[family(kind)] += n
    for (kind, _layer), n in converted.items():
        family_short[family(kind)] -= n
    gaps = sorted(((n - converted.get(key, 0), key) for key, n in source.items()
                   if n > converted.get(key, 0)), key=lambda g: (-g[0], g[1][0], g[1][1] or ""))
    lost: dict[tuple[str, str | None], int] = {}
    for gap, key in gaps:
        room = family_short[family(key[0])]
        if room <= 0:
            continue
        take = min(gap, room)
        lost[key] = take
        family_short[family(key[0])] -= take
    return lost


def counted(tally: Tally) -> int:
    """Entities in a tally."""
    return int(sum(tally.values()))
