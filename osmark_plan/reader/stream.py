"""A layer-filtered read: scan the DXF text and load only what the check needs.

On a large floor most of ezdxf's load goes to entities the checker never looks at: furniture,
dimensions, hatches, ceiling grids. :func:`scan` walks the raw bytes with regular expressions
(no per-line Python work) and keeps, from model space:

* every entity on a mapped layer (walls, doors, zones, cabinets, ...);
* every TEXT and MTEXT (they can name rooms, cabinets and doors, or state the scale);
* INSERTs whose blocks hold any of these, a possible door swing, a missing or nested block
  the reader must report, or - when the drawing has door swings the reader must pair with
  leaf lines - any LINE;

and the blocks those use. ezdxf then loads that smaller document. What is left out is still
counted per layer and entity type (blocks exploded as the reader's walk does), so the plan's
layer summary is the same as after a full load.

It declines (returns the reason) where it cannot serve: binary DXF, R12 and older, line ends
other than LF / CRLF, sections it does not find in the usual order, nested blocks that are
cyclic or deep. The caller then loads the whole file.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable

#: a structure start: a ``0`` group code line and its value (line start, value)
#: (a value line "0" is followed by a group code line, which is a number: no match)
_START = re.compile(rb"^[ \t]*0[ \t]*\r?\n(?![ \t]*-?\d+[ \t]*\r?$)([^\r\n]*?)[ \t]*\r?$", re.MULTILINE)
#: from an entity start: the pairs up to its layer (group 8), catching owner (330) and the
#: paper-space flag (67) on the way
_HEAD = re.compile(
    rb"[ \t]*0[ \t]*\r?\n[^\n]*\n"
    rb"(?:[ \t]*330[ \t]*\r?\n([^\r\n]*)\r?\n"
    rb"|[ \t]*67[ \t]*\r?\n[ \t]*([^\r\n]*)\r?\n"
    rb"|[ \t]*-?\d+[ \t]*\r?\n[^\n]*\n)*?"
    rb"[ \t]*8[ \t]*\r?\n([^\r\n]*)")
_ACADVER = re.compile(rb"\$ACADVER[ \t]*\r?\n[ \t]*1[ \t]*\r?\n[ \t]*([^\r\n]*)")
#: versions this scan does not serve (R12 and older: entities without subclass order)
_OLD_VERSIONS = (b"AC1009", b"AC1006", b"AC1004", b"AC1002", b"AC2.10")
CHILD_TYPES = frozenset({b"VERTEX", b"SEQEND", b"ATTRIB"})
TEXT_TYPES = frozenset({b"TEXT", b"MTEXT"})
#: the sweep (degrees) of an ARC that may be a door swing (reader/swings.py)
SWING_SWEEP = (60.0, 120.0)
ELEMENT_KINDS = frozenset({"door", "cabinet", "device", "asset", "zone"})
LINE_KINDS = frozenset({"wall", "partition", "window"})
#: nesting deeper than this is left to the full walk (its own limit is 24)
MAX_DEPTH = 20


class Decline(Exception):
    """The scan cannot serve this file; the message says why."""


@dataclass
class Scan:
    """The smaller document and what was left out of it."""

    text: bytes
    #: raw layer name -> Counter of entity types, for what was left out (blocks exploded)
    left_out: dict[str, Counter] = field(default_factory=dict)
    kept: int = 0
    dropped: int = 0


@dataclass
class _Block:
    start: int
    end: int = -1
    xref: bool = False
    #: (layer or None for layer 0, type) -> count of its own entities (INSERTs included)
    own: Counter = field(default_factory=Counter)
    #: nested INSERTs: (layer or None, block name, copies)
    inserts: list[tuple[str | None, str, int]] = field(default_factory=list)
    refs: set[str] = field(default_factory=set)
    mapped: bool = False
    arc0: bool = False
    arcx: bool = False
    lines: bool = False


def _pairs(data: bytes, start: int, end: int) -> dict[int, bytes]:
    """The first value of each group code in ``data[start:end]`` (one entity)."""
    lines = data[start:end].split(b"\n")
    out: dict[int, bytes] = {}
    for k in range(0, len(lines) - 1, 2):
        try:
            code = int(lines[k])
        except ValueError:
            raise Decline("a group code that is not a number") from None
        if code not in out:
            out[code] = lines[k + 1].rstrip(b"\r")
    return out


def _num(pairs: dict[int, bytes], code: int, default: float) -> float:
    try:
        return float(pairs[code]) if code in pairs else default
    except ValueError:
        raise Decline("a number that does not parse") from None


def _swing(pairs: dict[int, bytes]) -> bool:
    sweep = (_num(pairs, 51, 360.0) - _num(pairs, 50, 0.0)) % 360.0 or 360.0
    return SWING_SWEEP[0] <= sweep <= SWING_SWEEP[1]


def _copies(pairs: dict[int, bytes]) -> int:
    """MINSERT copies as ezdxf counts them (rows and columns with a spacing)."""
    if 70 not in pairs and 71 not in pairs:
        return 1
    cols = int(_num(pairs, 70, 1)) if _num(pairs, 44, 0.0) else 1
    rows = int(_num(pairs, 71, 1)) if _num(pairs, 45, 0.0) else 1
    return max(rows * cols, 1)


class _Scanner:
    def __init__(self, data: bytes, encoding: str, kind_of: Callable[[str], str]) -> None:
        self.data = data
        self.encoding = encoding
        self.kind_of = kind_of
        self._names: dict[bytes, str] = {}
        self._kinds: dict[bytes, str] = {}

    def name(self, raw: bytes) -> str:
        s = self._names.get(raw)
        if s is None:
            s = self._names[raw] = raw.decode(self.encoding, "surrogateescape")
        return s

    def kind(self, raw: bytes) -> str:
        k = self._kinds.get(raw)
        if k is None:
            k = self._kinds[raw] = self.kind_of(self.name(raw))
        return k


def _sections(data: bytes) -> tuple[list[tuple[int, bytes]], dict[str, tuple[int, int]]]:
    """All structure starts (position, value) and each section's (first start index, ENDSEC index)."""
    starts = [(m.start(), m.group(1)) for m in _START.finditer(data)]
    sections: dict[str, tuple[int, int]] = {}
    k = 0
    while k < len(starts):
        pos, value = starts[k]
        if value == b"SECTION":
            m = re.match(rb"[^\n]*\n[^\n]*\n[ \t]*2[ \t]*\r?\n[ \t]*([A-Za-z_]+)", data[pos:pos + 200])
            if not m:
                raise Decline("a section without a name")
            name = m.group(1).decode("ascii").upper()
            j = k + 1
            while j < len(starts) and starts[j][1] != b"ENDSEC":
                j += 1
            if j == len(starts) or name in sections:
                raise Decline(f"section {name} is not closed or is repeated")
            sections[name] = (k, j)
            k = j
        elif value == b"EOF":
            break
        k += 1
    return starts, sections


def scan(data: bytes, encoding: str, kind_of: Callable[[str], str]) -> Scan:
    """The smaller DXF text for ``data`` (raises :class:`Decline` where it cannot serve)."""
    if data.startswith(b"AutoCAD Binary DXF"):
        raise Decline("binary DXF")
    ver = _ACADVER.search(data[:20000])
    if ver is None or ver.group(1).strip() in _OLD_VERSIONS:
        raise Decline("DXF R12 or older (or no $ACADVER)")
    if data.count(b"\r") != data.count(b"\r\n"):
        raise Decline("line ends other than LF or CRLF")
    sc = _Scanner(data, encoding, kind_of)
    starts, sections = _sections(data)
    if "ENTITIES" not in sections:
        raise Decline("no ENTITIES section")
    blocks: dict[str, _Block] = {}
    if "BLOCKS" in sections:
        if sections["BLOCKS"][1] > sections["ENTITIES"][0]:
            raise Decline("BLOCKS after ENTITIES")
        blocks = _read_blocks(sc, starts, *sections["BLOCKS"])
    return _filter(sc, starts, sections, blocks)


def _entities(starts: list[tuple[int, bytes]], first: int, last: int):  # type: ignore[no-untyped-def]
    """(type, start, end of it and its VERTEX / ATTRIB / SEQEND children) within a section."""
    k = first + 1
    while k < last:
        pos, t = starts[k]
        j = k + 1
        while j < last and starts[j][1] in CHILD_TYPES:
            j += 1
        yield t, pos, starts[j][0], k
        k = j


def _read_blocks(sc: _Scanner, starts: list[tuple[int, bytes]], first: int, last: int) -> dict[str, _Block]:
    data = sc.data
    out: dict[str, _Block] = {}
    cur: _Block | None = None
    for t, pos, end, _k in _entities(starts, first, last):
        if t == b"BLOCK":
            p = _pairs(data, pos, end)
            cur = _Block(pos, xref=bool(int(_num(p, 70, 0)) & 4))
            out[sc.name(p.get(2, b""))] = cur
            continue
        if cur is None:
            raise Decline("an entity outside a block definition")
        if t == b"ENDBLK":
            cur.end = end
            cur = None
            continue
        m = _HEAD.match(data, pos, end)
        if m is None:
            raise Decline("an entity without a layer in a block")
        raw = m.group(3)
        layer = None if raw == b"0" else sc.name(raw)
        tn = t.decode("ascii", "replace")
        cur.own[(layer, tn)] += 1
        if t in TEXT_TYPES or (layer is not None and sc.kind(raw) != "ignored"):
            cur.mapped = True
        if t == b"INSERT" or b"DIMENSION" in t:
            p = _pairs(data, pos, end)
            name = sc.name(p.get(2, b""))
            cur.refs.add(name)
            if t == b"INSERT":
                cur.inserts.append((layer, name, _copies(p)))
        elif t == b"ARC":
            if _swing(_pairs(data, pos, end)):
                if layer is None:
                    cur.arc0 = True
                else:
                    cur.arcx = True
        elif t == b"LINE":
            cur.lines = True
    if cur is not None:
        raise Decline("a block definition without ENDBLK")
    return out


class _Closure:
    """Facts about blocks including everything nested in them (memoised, cycles declined)."""

    def __init__(self, blocks: dict[str, _Block]) -> None:
        self.blocks = blocks
        self._facts: dict[str, tuple[bool, bool, bool, bool, int]] = {}
        self._counts: dict[str, Counter] = {}

    def facts(self, name: str, chain: tuple[str, ...] = ()) -> tuple[bool, bool, bool, bool, int]:
        """(needed, any swing arc, swing arc on a named layer, any LINE, depth)."""
        got = self._facts.get(name)
        if got is not None:
            return got
        if name in chain or len(chain) > MAX_DEPTH:
            raise Decline("blocks nested in a cycle or too deeply")
        b = self.blocks.get(name)
        if b is None:  # a missing block: the reader reports it
            return (True, False, False, False, 0)
        if b.xref:
            got = (False, False, False, False, 0)
        else:
            need, arc, arcx, lines, depth = b.mapped, b.arc0 or b.arcx, b.arcx, b.lines, 0
            for layer, child, _n in b.inserts:
                c_need, c_arc, c_arcx, c_lines, c_depth = self.facts(child, chain + (name,))
                need = need or c_need
                arc = arc or c_arc
                arcx = arcx or c_arcx or (layer is not None and c_arc)
                lines = lines or c_lines
                depth = max(depth, c_depth + 1)
            got = (need, arc, arcx, lines, depth)
        if got[4] > MAX_DEPTH:
            raise Decline("blocks nested too deeply")
        self._facts[name] = got
        return got

    def counts(self, name: str) -> Counter:
        """(layer or None, type) counts of everything the walk would visit in one INSERT."""
        got = self._counts.get(name)
        if got is not None:
            return got
        b = self.blocks.get(name)
        got = Counter()
        if b is not None and not b.xref:
            got.update(b.own)
            for layer, child, n in b.inserts:
                for (lay, t), c in self.counts(child).items():
                    got[(layer if lay is None else lay, t)] += c * n
        self._counts[name] = got
        return got

    def load_set(self, roots: set[str]) -> set[str]:
        """The blocks ezdxf must load for ``roots`` (nested references included)."""
        out: set[str] = set()
        todo = [r for r in roots if r in self.blocks]
        while todo:
            name = todo.pop()
            if name in out:
                continue
            out.add(name)
            todo.extend(r for r in self.blocks[name].refs if r in self.blocks and r not in out)
        return out


def _filter(sc: _Scanner, starts: list[tuple[int, bytes]], sections: dict[str, tuple[int, int]],
            blocks: dict[str, _Block]) -> Scan:
    data = sc.data
    clo = _Closure(blocks)
    msp = blocks.get("*Model_Space") or next((b for n, b in blocks.items() if n.upper() == "*MODEL_SPACE"), None)
    msp_owner = _pairs(data, msp.start, starts_end(starts, msp.start)).get(330) if msp else None
    first, last = sections["ENTITIES"]
    # first pass: what each model-space entity is
    rows: list[tuple[bytes, int, int, bytes, str, int]] = []
    line_swings = False
    for t, pos, end, _k in _entities(starts, first, last):
        m = _HEAD.match(data, pos, end)
        if m is None:
            raise Decline("an entity without a layer")
        owner, ps, raw = m.group(1), m.group(2), m.group(3)
        if owner != msp_owner and ps is not None and ps.strip() not in (b"", b"0"):
            rows.append((t, pos, end, raw, "", -1))  # paper space: neither kept nor counted
            continue
        kind = sc.kind(raw)
        name, copies = "", 1
        if t == b"INSERT" or b"DIMENSION" in t:
            p = _pairs(data, pos, end)
            name = sc.name(p.get(2, b""))
            copies = _copies(p)
            if t == b"INSERT":
                _need, arc, arcx, _lines, _d = clo.facts(name)
                if (arcx if kind in ELEMENT_KINDS else arc):
                    line_swings = True
        elif t == b"ARC" and kind in LINE_KINDS and _swing(_pairs(data, pos, end)):
            line_swings = True
        rows.append((t, pos, end, raw, name, copies))
    # second pass: keep or count
    kept: list[tuple[int, int]] = []
    refs: set[str] = set()
    left_out: dict[str, Counter] = {}
    n_kept = n_dropped = 0
    for t, pos, end, raw, name, copies in rows:
        if copies < 0:
            continue
        kind = sc.kind(raw)
        keep = kind != "ignored" or t in TEXT_TYPES
        if not keep and t == b"INSERT":
            need, arc, _arcx, lines, _d = clo.facts(name)
            keep = need or arc or (line_swings and lines)
        if keep:
            n_kept += 1
            if name:
                refs.add(name)
            if kept and kept[-1][1] == pos:
                kept[-1] = (kept[-1][0], end)
            else:
                kept.append((pos, end))
            continue
        n_dropped += 1
        layer = sc.name(raw)
        counter = left_out.setdefault(layer, Counter())
        counter[t.decode("ascii", "replace")] += 1
        if t == b"INSERT":
            for (lay, tt), c in clo.counts(name).items():
                lay = layer if lay is None else lay
                left_out.setdefault(lay, Counter())[tt] += c * copies
    return Scan(_assemble(data, starts, sections, blocks, clo.load_set(refs), kept),
                left_out, n_kept, n_dropped)


def starts_end(starts: list[tuple[int, bytes]], pos: int) -> int:
    """The start of the structure after the one at ``pos``."""
    lo, hi = 0, len(starts)
    while lo < hi:
        mid = (lo + hi) // 2
        if starts[mid][0] <= pos:
            lo = mid + 1
        else:
            hi = mid
    return starts[lo][0] if lo < len(starts) else pos


def _assemble(data: bytes, starts: list[tuple[int, bytes]], sections: dict[str, tuple[int, int]],
              blocks: dict[str, _Block], load: set[str], kept: list[tuple[int, int]]) -> bytes:
    parts: list[bytes] = []
    at = 0
    if "BLOCKS" in sections:
        b_first, b_last = sections["BLOCKS"]
        body = starts[b_first + 1][0]
        parts.append(data[at:body])
        for name, b in blocks.items():
            if name in load or name.upper().startswith(("*MODEL_SPACE", "*PAPER_SPACE")):
                parts.append(data[b.start:b.end])
        at = starts[b_last][0]
    e_first, e_last = sections["ENTITIES"]
    parts.append(data[at:starts[e_first + 1][0]])
    parts.extend(data[a:b] for a, b in kept)
    parts.append(data[starts[e_last][0]:])
    return b"".join(parts)
