"""A layer-filtered read: scan the DXF text and load only what the check needs.

On a large floor most of ezdxf's load goes to entities the checker never looks at: furniture,
dimensions, hatches, ceiling grids. :func:`scan` walks the raw bytes with regular expressions
(no per-line Python work) and keeps, from model space:

* every entity on a mapped layer (walls, doors, zones, cabinets, ...);
* every TEXT and MTEXT (they can name rooms, cabinets and doors, or state the scale), and the
  INSERTs with an ATTRIB on a mapped layer (a room-name block);
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

from .dxf_tags import (LAST, PAIRS, RECORD_NAME, Decline, Scanner, Starts, entities_in,
                       entity_count, find_sections, insert_ref, is_swing, minsert_copies, tag_head,
                       tag_num, tag_pairs)

_ACADVER = re.compile(rb"\$ACADVER[ \t]*\r?\n[ \t]*1[ \t]*\r?\n[ \t]*([^\r\n]*)")
#: versions this scan does not serve (R12 and older: entities without subclass order)
_OLD_VERSIONS = (b"AC1009", b"AC1006", b"AC1004", b"AC1002", b"AC2.10")
TEXT_TYPES = frozenset({b"TEXT", b"MTEXT"})
ELEMENT_KINDS = frozenset({"door", "cabinet", "device", "asset", "zone"})
LINE_KINDS = frozenset({"wall", "partition", "window"})
#: nesting deeper than this is left to the full walk (its own limit is 24)
MAX_DEPTH = 20


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


def damaged(data: bytes) -> bool:
    """Whether some line of ``data`` is not a group code where one should be (a damaged file:
    the full load reads it or recovers it, and records the repair)."""
    pairs = PAIRS.match(data)
    rest = data[pairs.end():] if pairs else data
    return bool(rest.strip()) and not LAST.fullmatch(rest)


def version_of(data: bytes) -> bytes | None:
    """The $ACADVER of a DXF text (b"AC1032" ...), None when the header has none."""
    ver = _ACADVER.search(data[:20000])
    return None if ver is None else ver.group(1).strip()


class TooManyEntities(Exception):
    """More entities in the ENTITIES section than the limit allows (``count``)."""

    def __init__(self, count: int) -> None:
        super().__init__(count)
        self.count = count


class Unsuited(Decline):
    """A file the scan does not serve at all (binary, R12 and older, odd line ends): found
    before anything else is looked at."""


#: why a damaged file goes to the full load (it reads or recovers it and records the repair)
DAMAGED = "a line that is not a group code where one should be"


def scan(data: bytes, encoding: str, kind_of: Callable[[str], str],
         max_entities: int | None = None, pairs: bool = True) -> Scan:
    """The smaller DXF text for ``data`` (raises :class:`Decline` where it cannot serve, and
    :class:`TooManyEntities` beyond ``max_entities``, counted as limits.raw_entities does).

    ``pairs=False`` leaves out the check that every line pair is a group code and a value
    (:func:`damaged`): the caller makes it meanwhile (reader/prescan.py: the parent process,
    while a forked child scans) and puts its verdict before whatever this found after it."""
    if data.startswith(b"AutoCAD Binary DXF"):
        raise Unsuited("binary DXF")
    ver = version_of(data)
    if ver is None or ver in _OLD_VERSIONS:
        raise Unsuited("DXF R12 or older (or no $ACADVER)")
    if data.count(b"\r") != data.count(b"\r\n"):
        raise Unsuited("line ends other than LF or CRLF")
    if pairs and damaged(data):
        raise Decline(DAMAGED)
    sc = Scanner(data, encoding, kind_of)
    starts, sections = find_sections(data)
    if "ENTITIES" not in sections:
        raise Decline("no ENTITIES section")
    if max_entities is not None and (count := entity_count(starts, *sections["ENTITIES"])) > max_entities:
        raise TooManyEntities(count)
    blocks: dict[str, _Block] = {}
    if "BLOCKS" in sections:
        if sections["BLOCKS"][1] > sections["ENTITIES"][0]:
            raise Decline("BLOCKS after ENTITIES")
        blocks = _read_blocks(sc, starts, *sections["BLOCKS"])
    return _filter(sc, starts, sections, blocks)


def _read_blocks(sc: Scanner, starts: Starts, first: int, last: int) -> dict[str, _Block]:
    """Each block definition's place in the file (its content is read when it is needed)."""
    data = sc.data
    out: dict[str, _Block] = {}
    cur: _Block | None = None
    for t, pos, end, k in entities_in(starts, first, last):
        if t == b"BLOCK":
            if cur is not None:
                raise Decline("a block definition without ENDBLK")
            p = tag_pairs(data, pos, end)
            cur = _Block(pos, xref=bool(int(tag_num(p, 70, 0)) & 4), k0=k)
            out[sc.name(p.get(2, b""))] = cur
        elif cur is None:
            raise Decline("an entity outside a block definition")
        elif t == b"ENDBLK":
            cur.end, cur.k1 = end, k
            cur = None
    if cur is not None:
        raise Decline("a block definition without ENDBLK")
    return out


def _parse_block(sc: Scanner, starts: Starts, b: _Block) -> None:
    """What a block holds: counts per layer and type, nested INSERTs, what the reader needs."""
    data = sc.data
    b.parsed = True
    for t, pos, end, k in entities_in(starts, b.k0, b.k1):
        m = tag_head(data, pos, end)
        if m is None:
            raise Decline("an entity without a layer in a block")
        raw = m.group(3)
        layer = None if raw == b"0" else sc.name(raw)
        tn = t.decode("ascii", "replace")
        b.own[(layer, tn)] += 1
        if t in TEXT_TYPES or (layer is not None and sc.kind(raw) != "ignored") \
                or (t == b"INSERT" and _attribs_mapped(sc, starts, k)):
            b.mapped = True
        if t == b"INSERT" or b"DIMENSION" in t:
            p = tag_pairs(data, pos, end)
            name = sc.name(p.get(2, b""))
            b.refs.add(name)
            if t == b"INSERT":
                copies = minsert_copies(p)
                if copies > 1:  # the full load applies the MINSERT and entity limits to arrays
                    raise Decline("a MINSERT array")
                b.inserts.append((layer, name, copies))
        elif t == b"ARC":
            if is_swing(tag_pairs(data, pos, end)):
                if layer is None:
                    b.arc0 = True
                else:
                    b.arcx = True
        elif t == b"LINE":
            b.lines = True


class _Closure:
    """Facts about blocks including everything nested in them (memoised, cycles declined)."""

    def __init__(self, blocks: dict[str, _Block], sc: Scanner, starts: Starts) -> None:
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


def _filter(sc: Scanner, starts: Starts, sections: dict[str, tuple[int, int]],
            blocks: dict[str, _Block]) -> Scan:
    data = sc.data
    clo = _Closure(blocks, sc, starts)
    owners = {}
    for n, b in blocks.items():
        if n.upper() in ("*MODEL_SPACE", "*PAPER_SPACE"):
            owners[n.upper()] = tag_pairs(data, b.start, starts.after(b.start)).get(330)
    msp_owner, psp_owner = owners.get("*MODEL_SPACE"), owners.get("*PAPER_SPACE")
    first, last = sections["ENTITIES"]
    # One pass over model space (what an entity is: as ezdxf decides, owner first, then 67).
    # Kept entities become byte ranges; left-out ones are only counted. An INSERT on an
    # unmapped layer whose block holds nothing but LINEs waits for the end of the pass: it is
    # kept only if the drawing has door swings the reader pairs with leaf lines.
    kept: list[tuple[int, int]] = []
    waiting: list[tuple[int, int, bytes, str, int]] = []
    refs: set[str] = set()
    types: Counter = Counter()
    inserts: Counter = Counter()
    line_swings = False
    total = 0
    kind_of = sc.kind
    for t, p, end, k in entities_in(starts, first, last):
        m = tag_head(data, p, end)
        if m is None:
            raise Decline("an entity without a layer")
        owner, ps, raw = m.group(1, 2, 3)
        if owner != msp_owner and (owner == psp_owner or (ps and ps.strip() not in (b"", b"0"))):
            continue  # paper space: neither kept nor counted
        total += 1
        kind = kind_of(raw)
        name, copies = "", 1
        keep = kind != "ignored" or t in TEXT_TYPES
        if t == b"INSERT" or b"DIMENSION" in t:
            rawname, copies = insert_ref(data, p, end, m.end())
            if copies > 1 and t == b"INSERT":  # the full load applies the MINSERT and entity limits
                raise Decline("a MINSERT array")
            name = sc.name(rawname)
            if t == b"INSERT":
                need, arc, arcx, lines, _d = clo.facts(name)
                if arcx if kind in ELEMENT_KINDS else arc:
                    line_swings = True
                if not keep:
                    keep = need or arc or _attribs_mapped(sc, starts, k)
                    if not keep and lines:
                        waiting.append((p, end, raw, name, copies))
                        continue
        elif t == b"ARC" and kind in LINE_KINDS and is_swing(tag_pairs(data, p, end)):
            line_swings = True
        if keep:
            if name:
                refs.add(name)
            if kept and kept[-1][1] == p:
                kept[-1] = (kept[-1][0], end)
            else:
                kept.append((p, end))
            continue
        types[(raw, t)] += 1
        if t == b"INSERT":
            inserts[(raw, name)] += copies
    if waiting and line_swings:
        refs.update(w[3] for w in waiting)
        kept = _merged(kept + [(w[0], w[1]) for w in waiting])
    else:
        for _p, _e, raw, name, copies in waiting:
            types[(raw, b"INSERT")] += 1
            inserts[(raw, name)] += copies
    left_out: dict[str, Counter] = {}
    for (raw, t), n in types.items():
        left_out.setdefault(sc.name(raw), Counter())[t.decode("ascii", "replace")] += n
    for (raw, name), n in inserts.items():
        layer = sc.name(raw)
        for (lay, tt), c in clo.counts(name).items():
            left_out.setdefault(layer if lay is None else lay, Counter())[tt] += c * n
    keep_blocks = clo.load_set(refs) | {n for n in blocks if n.upper().startswith(("*MODEL_SPACE", "*PAPER_SPACE"))}
    dropped = sum(types.values())
    return Scan(_assemble(data, starts, sections, blocks, keep_blocks, keep_blocks | refs, kept, sc.name),
                left_out, total - dropped, dropped)


def _attribs_mapped(sc: Scanner, starts: Starts, k: int) -> bool:
    """Whether the INSERT at structure start ``k`` has an ATTRIB on a mapped layer other than
    ``0`` (the reader reads it as a text: a room-name block's name)."""
    pos, typ, data = starts.pos, starts.typ, sc.data
    j = k + 1
    while j + 1 < len(typ) and typ[j] == b"ATTRIB":
        m = tag_head(data, pos[j], pos[j + 1])
        if m is not None and m.group(3) != b"0" and sc.kind(m.group(3)) != "ignored":
            return True
        j += 1
    return False


def _merged(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Byte ranges in file order, touching ones joined."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(ranges):
        if out and out[-1][1] == a:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _assemble(data: bytes, starts: Starts, sections: dict[str, tuple[int, int]],
              blocks: dict[str, _Block], load: set[str], records: set[str],
              kept: list[tuple[int, int]], name_of: Callable[[bytes], str]) -> bytes:
    """The smaller file: the sections as they are, but only the kept block definitions (and
    their BLOCK_RECORD entries) and the kept entities."""
    parts: list[bytes] = []
    at = 0
    pos, typ = starts.pos, starts.typ
    if "TABLES" in sections:
        t_first, t_last = sections["TABLES"]
        for k in range(t_first + 1, t_last):
            if typ[k] != b"BLOCK_RECORD":
                continue
            start, end = pos[k], pos[k + 1]
            m = RECORD_NAME.match(data, start, end)
            if m is None:
                raise Decline("a BLOCK_RECORD without a name")
            if name_of(m.group(1)) not in records:
                parts.append(data[at:start])
                at = end
    if "BLOCKS" in sections:
        b_first, b_last = sections["BLOCKS"]
        body = pos[b_first + 1]
        parts.append(data[at:body])
        parts.extend(data[b.start:b.end] for name, b in blocks.items() if name in load)
        at = pos[b_last]
    e_first, e_last = sections["ENTITIES"]
    parts.append(data[at:pos[e_first + 1]])
    parts.extend(data[a:b] for a, b in kept)
    parts.append(data[pos[e_last]:])
    return b"".join(parts)
