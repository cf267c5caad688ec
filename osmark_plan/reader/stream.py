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

#: a structure start: a ``0`` group code line and its value (a value line "0" is followed by a
#: group code line, which is a number: no match); the first line of the file is matched apart
_START = re.compile(rb"\n[ \t]*0[ \t]*\r?\n(?![ \t]*-?\d+[ \t]*\r?\n)([^\r\n]*?)[ \t]*\r?(?=\n|\Z)")
_FIRST = re.compile(rb"[ \t]*0[ \t]*\r?\n([^\r\n]*?)[ \t]*\r?(?=\n|\Z)")
#: from an entity start: the pairs up to its layer (group 8), catching owner (330) and the
#: paper-space flag (67) on the way
_HEAD = re.compile(
    rb"[ \t]*0[ \t]*\r?\n[^\n]*\n"
    rb"(?:[ \t]*330[ \t]*\r?\n([^\r\n]*)\r?\n"
    rb"|[ \t]*67[ \t]*\r?\n[ \t]*([^\r\n]*)\r?\n"
    rb"|[ \t]*-?\d+[ \t]*\r?\n[^\n]*\n)*?"
    rb"[ \t]*8[ \t]*\r?\n([^\r\n]*)")
#: the usual head (handle, owner, AcDbEntity, layer): one cheap match for most entities
_HEAD_FAST = re.compile(
    rb"[ \t]*0[ \t]*\r?\n[^\n]*\n[ \t]*5[ \t]*\r?\n[^\n]*\n"
    rb"[ \t]*330[ \t]*\r?\n([^\r\n]*)\r?\n[ \t]*100[ \t]*\r?\n[^\n]*\n()"
    rb"[ \t]*8[ \t]*\r?\n([^\r\n]*)")
#: after an INSERT's layer: the pairs up to its block name (group 2)
_NAME = re.compile(rb"\r?\n(?:[ \t]*-?\d+[ \t]*\r?\n[^\n]*\n)*?[ \t]*2[ \t]*\r?\n([^\r\n]*)")
#: a column or row count: a MINSERT (or a value line that looks like one: then parse it all)
_MULTI = re.compile(rb"\n[ \t]*7[01][ \t]*\r?\n")
_RECORD_NAME = re.compile(rb"(?:[ \t]*-?\d+[ \t]*\r?\n[^\n]*\n)*?[ \t]*2[ \t]*\r?\n([^\r\n]*)")
#: the whole file as group code / value pairs (possessive: one pass, no backtracking)
_PAIRS = re.compile(rb"(?:[ \t]*[-+]?\d+[ \t]*\r?\n[^\n]*\n)*+")
_LAST = re.compile(rb"[ \t]*0[ \t]*\r?\nEOF[ \t\r\n]*")
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
    #: its BLOCK and ENDBLK among the structure starts; whether its content has been read
    k0: int = 0
    k1: int = 0
    parsed: bool = False


def _head(data: bytes, pos: int, end: int) -> re.Match[bytes] | None:
    """(owner, paper-space flag, layer) of the entity at ``pos``, as match groups 1-3."""
    return _HEAD_FAST.match(data, pos, end) or _HEAD.match(data, pos, end)


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
    first = _FIRST.match(data)
    starts = [(0, first.group(1))] if first else []
    starts += [(m.start() + 1, m.group(1)) for m in _START.finditer(data)]
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
    pairs = _PAIRS.match(data)
    rest = data[pairs.end():] if pairs else data
    if rest.strip() and not _LAST.fullmatch(rest):
        # a damaged file: the full load reads it or recovers it, and records the repair
        raise Decline("a line that is not a group code where one should be")
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
    """Each block definition's place in the file (its content is read when it is needed)."""
    data = sc.data
    out: dict[str, _Block] = {}
    cur: _Block | None = None
    for t, pos, end, k in _entities(starts, first, last):
        if t == b"BLOCK":
            if cur is not None:
                raise Decline("a block definition without ENDBLK")
            p = _pairs(data, pos, end)
            cur = _Block(pos, xref=bool(int(_num(p, 70, 0)) & 4), k0=k)
            out[sc.name(p.get(2, b""))] = cur
        elif cur is None:
            raise Decline("an entity outside a block definition")
        elif t == b"ENDBLK":
            cur.end, cur.k1 = end, k
            cur = None
    if cur is not None:
        raise Decline("a block definition without ENDBLK")
    return out


def _parse_block(sc: _Scanner, starts: list[tuple[int, bytes]], b: _Block) -> None:
    """What a block holds: counts per layer and type, nested INSERTs, what the reader needs."""
    data = sc.data
    b.parsed = True
    for t, pos, end, _k in _entities(starts, b.k0, b.k1):
        m = _head(data, pos, end)
        if m is None:
            raise Decline("an entity without a layer in a block")
        raw = m.group(3)
        layer = None if raw == b"0" else sc.name(raw)
        tn = t.decode("ascii", "replace")
        b.own[(layer, tn)] += 1
        if t in TEXT_TYPES or (layer is not None and sc.kind(raw) != "ignored"):
            b.mapped = True
        if t == b"INSERT" or b"DIMENSION" in t:
            p = _pairs(data, pos, end)
            name = sc.name(p.get(2, b""))
            b.refs.add(name)
            if t == b"INSERT":
                b.inserts.append((layer, name, _copies(p)))
        elif t == b"ARC":
            if _swing(_pairs(data, pos, end)):
                if layer is None:
                    b.arc0 = True
                else:
                    b.arcx = True
        elif t == b"LINE":
            b.lines = True


class _Closure:
    """Facts about blocks including everything nested in them (memoised, cycles declined)."""

    def __init__(self, blocks: dict[str, _Block], sc: _Scanner, starts: list[tuple[int, bytes]]) -> None:
        self.blocks = blocks
        self.sc = sc
        self.starts = starts
        self._facts: dict[str, tuple[bool, bool, bool, bool, int]] = {}
        self._counts: dict[str, Counter] = {}

    def facts(self, name: str, chain: tuple[str, ...] = ()) -> tuple[bool, bool, bool, bool, int]:
        """(needed, any swing arc, swing arc on a named layer, any LINE, depth)."""
        got = self._facts.get(name)
        if got is not None:
            return got
        if name in chain or len(chain) > MAX_DEPTH:
            raise Decline("blocks nested in a cycle or too deeply")
        b = self.get(name)
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
        b = self.get(name)
        got = Counter()
        if b is not None and not b.xref:
            got.update(b.own)
            for layer, child, n in b.inserts:
                for (lay, t), c in self.counts(child).items():
                    got[(layer if lay is None else lay, t)] += c * n
        self._counts[name] = got
        return got

    def get(self, name: str) -> _Block | None:
        b = self.blocks.get(name)
        if b is not None and not b.parsed:
            _parse_block(self.sc, self.starts, b)
        return b

    def load_set(self, roots: set[str]) -> set[str]:
        """The blocks ezdxf must load for ``roots`` (nested references included)."""
        out: set[str] = set()
        todo = [r for r in roots if r in self.blocks]
        while todo:
            name = todo.pop()
            if name in out:
                continue
            out.add(name)
            todo.extend(r for r in self.get(name).refs if r in self.blocks and r not in out)
        return out


def _insert(data: bytes, pos: int, end: int, after: int) -> tuple[bytes, int]:
    """(block name, copies) of an INSERT or DIMENSION; ``after``: the end of its layer value."""
    if _MULTI.search(data, pos, end):
        p = _pairs(data, pos, end)
        return p.get(2, b""), _copies(p)
    m = _NAME.match(data, after, end)
    return (m.group(1) if m else b""), 1


def _filter(sc: _Scanner, starts: list[tuple[int, bytes]], sections: dict[str, tuple[int, int]],
            blocks: dict[str, _Block]) -> Scan:
    data = sc.data
    clo = _Closure(blocks, sc, starts)
    owners = {}
    for n, b in blocks.items():
        if n.upper() in ("*MODEL_SPACE", "*PAPER_SPACE"):
            owners[n.upper()] = _pairs(data, b.start, starts_end(starts, b.start)).get(330)
    msp_owner, psp_owner = owners.get("*MODEL_SPACE"), owners.get("*PAPER_SPACE")
    first, last = sections["ENTITIES"]
    # first pass: what each model-space entity is (as ezdxf decides: owner first, then 67)
    rows: list[tuple[bytes, int, int, bytes, str, str, int]] = []
    line_swings = False
    kind_of = sc.kind
    for t, pos, end, _k in _entities(starts, first, last):
        m = _head(data, pos, end)
        if m is None:
            raise Decline("an entity without a layer")
        owner, ps, raw = m.group(1), m.group(2), m.group(3)
        if owner != msp_owner and (owner == psp_owner or (ps and ps.strip() not in (b"", b"0"))):
            continue  # paper space: neither kept nor counted
        kind = kind_of(raw)
        name, copies = "", 1
        if t == b"INSERT" or b"DIMENSION" in t:
            rawname, copies = _insert(data, pos, end, m.end())
            name = sc.name(rawname)
            if t == b"INSERT":
                _need, arc, arcx, _lines, _d = clo.facts(name)
                if arcx if kind in ELEMENT_KINDS else arc:
                    line_swings = True
        elif t == b"ARC" and kind in LINE_KINDS and _swing(_pairs(data, pos, end)):
            line_swings = True
        rows.append((t, pos, end, raw, kind, name, copies))
    # second pass: keep or count
    kept: list[tuple[int, int]] = []
    refs: set[str] = set()
    types: Counter = Counter()
    inserts: Counter = Counter()
    for t, pos, end, raw, kind, name, copies in rows:
        keep = kind != "ignored" or t in TEXT_TYPES
        if not keep and t == b"INSERT":
            need, arc, _arcx, lines, _d = clo.facts(name)
            keep = need or arc or (line_swings and lines)
        if keep:
            if name:
                refs.add(name)
            if kept and kept[-1][1] == pos:
                kept[-1] = (kept[-1][0], end)
            else:
                kept.append((pos, end))
            continue
        types[(raw, t)] += 1
        if t == b"INSERT":
            inserts[(raw, name)] += copies
    left_out: dict[str, Counter] = {}
    for (raw, t), n in types.items():
        left_out.setdefault(sc.name(raw), Counter())[t.decode("ascii", "replace")] += n
    for (raw, name), n in inserts.items():
        layer = sc.name(raw)
        for (lay, tt), c in clo.counts(name).items():
            left_out.setdefault(layer if lay is None else lay, Counter())[tt] += c * n
    keep_blocks = clo.load_set(refs) | {n for n in blocks if n.upper().startswith(("*MODEL_SPACE", "*PAPER_SPACE"))}
    return Scan(_assemble(data, starts, sections, blocks, keep_blocks, keep_blocks | refs, kept, sc.name),
                left_out, len(rows) - sum(types.values()), sum(types.values()))


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
              blocks: dict[str, _Block], load: set[str], records: set[str],
              kept: list[tuple[int, int]], name_of: Callable[[bytes], str]) -> bytes:
    """The smaller file: the sections as they are, but only the kept block definitions (and
    their BLOCK_RECORD entries) and the kept entities."""
    parts: list[bytes] = []
    at = 0
    if "TABLES" in sections:
        t_first, t_last = sections["TABLES"]
        for k in range(t_first + 1, t_last):
            pos, t = starts[k]
            if t != b"BLOCK_RECORD":
                continue
            end = starts[k + 1][0]
            m = _RECORD_NAME.match(data, pos, end)
            if m is None:
                raise Decline("a BLOCK_RECORD without a name")
            if name_of(m.group(1)) not in records:
                parts.append(data[at:pos])
                at = end
    if "BLOCKS" in sections:
        b_first, b_last = sections["BLOCKS"]
        body = starts[b_first + 1][0]
        parts.append(data[at:body])
        parts.extend(data[b.start:b.end] for name, b in blocks.items() if name in load)
        at = starts[b_last][0]
    e_first, e_last = sections["ENTITIES"]
    parts.append(data[at:starts[e_first + 1][0]])
    parts.extend(data[a:b] for a, b in kept)
    parts.append(data[starts[e_last][0]:])
    return b"".join(parts)
