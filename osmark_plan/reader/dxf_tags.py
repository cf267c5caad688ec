"""Tag-level reading of DXF text for the filtered read (reader/stream.py): where structures
start, an entity's owner, paper-space flag and layer, group code / value pairs. Regular
expressions over the bytes; nothing here builds ezdxf objects."""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections import Counter
from typing import Callable

#: a structure start: a ``0`` group code line and its value (a value line "0" is followed by a
#: group code line, which is a number: no match); the first line of the file is matched apart
START = re.compile(rb"\n[ \t]*0[ \t]*\r?\n(?![ \t]*-?\d+[ \t]*\r?\n)([^\r\n]*?)[ \t]*\r?(?=\n|\Z)")
FIRST = re.compile(rb"[ \t]*0[ \t]*\r?\n([^\r\n]*?)[ \t]*\r?(?=\n|\Z)")
#: from an entity start: the pairs up to its layer (group 8), catching owner (330) and the
#: paper-space flag (67) on the way
HEAD = re.compile(
    rb"[ \t]*0[ \t]*\r?\n[^\n]*\n"
    rb"(?:[ \t]*330[ \t]*\r?\n([^\r\n]*)\r?\n"
    rb"|[ \t]*67[ \t]*\r?\n[ \t]*([^\r\n]*)\r?\n"
    rb"|[ \t]*-?\d+[ \t]*\r?\n[^\n]*\n)*?"
    rb"[ \t]*8[ \t]*\r?\n([^\r\n]*)")
#: the usual head (handle, owner, AcDbEntity, layer): one cheap match for most entities
HEAD_FAST = re.compile(
    rb"[ \t]*0[ \t]*\r?\n[^\n]*\n[ \t]*5[ \t]*\r?\n[^\n]*\n"
    rb"[ \t]*330[ \t]*\r?\n([^\r\n]*)\r?\n[ \t]*100[ \t]*\r?\n[^\n]*\n()"
    rb"[ \t]*8[ \t]*\r?\n([^\r\n]*)")
#: after an INSERT's layer: the pairs up to its block name (group 2)
NAME = re.compile(rb"\r?\n(?:[ \t]*-?\d+[ \t]*\r?\n[^\n]*\n)*?[ \t]*2[ \t]*\r?\n([^\r\n]*)")
#: a column or row count: a MINSERT (or a value line that looks like one: then parse it all)
MULTI = re.compile(rb"\n[ \t]*7[01][ \t]*\r?\n")
RECORD_NAME = re.compile(rb"(?:[ \t]*-?\d+[ \t]*\r?\n[^\n]*\n)*?[ \t]*2[ \t]*\r?\n([^\r\n]*)")
#: the whole file as group code / value pairs (possessive: one pass, no backtracking)
PAIRS = re.compile(rb"(?:[ \t]*[-+]?\d+[ \t]*\r?\n[^\n]*\n)*+")
LAST = re.compile(rb"[ \t]*0[ \t]*\r?\nEOF[ \t\r\n]*")
CHILD_TYPES = frozenset({b"VERTEX", b"SEQEND", b"ATTRIB"})
#: a structure value that names an entity (as limits.raw_entities reads it)
ENTITY_NAME = re.compile(rb"[A-Z_][A-Z0-9_]*|3D[A-Z]+")
#: the sweep (degrees) of an ARC that may be a door swing (reader/swings.py)
SWING_SWEEP = (60.0, 120.0)


class Decline(Exception):
    """The scan cannot serve this file; the message says why."""


def tag_head(data: bytes, pos: int, end: int) -> re.Match[bytes] | None:
    """(owner, paper-space flag, layer) of the entity at ``pos``, as match groups 1-3."""
    return HEAD_FAST.match(data, pos, end) or HEAD.match(data, pos, end)


def tag_pairs(data: bytes, start: int, end: int) -> dict[int, bytes]:
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


def tag_num(pairs: dict[int, bytes], code: int, default: float) -> float:
    try:
        return float(pairs[code]) if code in pairs else default
    except ValueError:
        raise Decline("a number that does not parse") from None


def is_swing(pairs: dict[int, bytes]) -> bool:
    sweep = (tag_num(pairs, 51, 360.0) - tag_num(pairs, 50, 0.0)) % 360.0 or 360.0
    return SWING_SWEEP[0] <= sweep <= SWING_SWEEP[1]


def minsert_copies(pairs: dict[int, bytes]) -> int:
    """MINSERT copies as ezdxf counts them (rows and columns with a spacing)."""
    if 70 not in pairs and 71 not in pairs:
        return 1
    cols = int(tag_num(pairs, 70, 1)) if tag_num(pairs, 44, 0.0) else 1
    rows = int(tag_num(pairs, 71, 1)) if tag_num(pairs, 45, 0.0) else 1
    return max(rows * cols, 1)


class Scanner:
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


class Starts:
    """Every structure start of the file (a ``0`` group code): its position in an int array and
    its value (``b"LINE"``, ``b"SECTION"`` ...), one shared bytes object per distinct value. About
    16 bytes a start, where (position, value) tuples took ten times that."""

    __slots__ = ("pos", "typ")

    def __init__(self, data: bytes) -> None:
        pos = array("q")
        typ: list[bytes] = []
        shared: dict[bytes, bytes] = {}
        first = FIRST.match(data)
        if first:
            pos.append(0)
            typ.append(first.group(1))
        add_pos, add_typ, share = pos.append, typ.append, shared.setdefault
        for m in START.finditer(data):
            v = m.group(1)
            add_pos(m.start() + 1)
            add_typ(share(v, v))
        self.pos, self.typ = pos, typ

    def __len__(self) -> int:
        return len(self.pos)

    def after(self, at: int) -> int:
        """The position of the first structure start after ``at`` (``at`` itself if none)."""
        k = bisect_right(self.pos, at)
        return self.pos[k] if k < len(self.pos) else at


def find_sections(data: bytes) -> tuple[Starts, dict[str, tuple[int, int]]]:
    """All structure starts and each section's (first start index, ENDSEC index)."""
    starts = Starts(data)
    pos, typ = starts.pos, starts.typ
    sections: dict[str, tuple[int, int]] = {}
    k, n = 0, len(pos)
    while k < n:
        value = typ[k]
        if value == b"SECTION":
            at = pos[k]
            m = re.match(rb"[^\n]*\n[^\n]*\n[ \t]*2[ \t]*\r?\n[ \t]*([A-Za-z_]+)", data[at:at + 200])
            if not m:
                raise Decline("a section without a name")
            name = m.group(1).decode("ascii").upper()
            try:
                j = typ.index(b"ENDSEC", k + 1)
            except ValueError:
                j = n
            if j == n or name in sections:
                raise Decline(f"section {name} is not closed or is repeated")
            sections[name] = (k, j)
            k = j
        elif value == b"EOF":
            break
        k += 1
    return starts, sections


def entities_in(starts: Starts, first: int, last: int):  # type: ignore[no-untyped-def]
    """(type, start, end of it and its VERTEX / ATTRIB / SEQEND children, index) within a
    section (``first``: its SECTION start, ``last``: its ENDSEC)."""
    pos, typ = starts.pos, starts.typ
    k = first + 1
    while k < last:
        t = typ[k]
        j = k + 1
        while j < last and typ[j] in CHILD_TYPES:
            j += 1
        yield t, pos[k], pos[j], k
        k = j


def entity_count(starts: Starts, first: int, last: int) -> int:
    """Entities between ``first`` and ``last`` counted as :func:`osmark_plan.limits.raw_entities`
    counts them on the bytes (children and odd values not counted)."""
    counts = Counter(starts.typ[first + 1:last])
    return sum(n for t, n in counts.items() if t not in CHILD_TYPES and ENTITY_NAME.fullmatch(t))


def insert_ref(data: bytes, pos: int, end: int, after: int) -> tuple[bytes, int]:
    """(block name, copies) of an INSERT or DIMENSION; ``after``: the end of its layer value."""
    if MULTI.search(data, pos, end):
        p = tag_pairs(data, pos, end)
        return p.get(2, b""), minsert_copies(p)
    m = NAME.match(data, after, end)
    return (m.group(1) if m else b""), 1
