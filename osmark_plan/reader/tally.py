"""Counting the entities a drawing holds, by (kind, layer), as a reader sees them: block
references expanded (nested, MINSERT copies), an entity on layer ``0`` inside a block on the
reference's layer. Three sources: an ezdxf document (the converted drawing), a DWG file's object
map (ezdwg's raw decoders) and a Jw_cad document (ezjww's record lists). Kinds left out on both
sides: dimensions (converters explode them), block references themselves (some converters
explode them: their contents are counted), attribute definitions, viewports, and the parts of
entities (vertices, sequence ends, block starts and ends). See :mod:`osmark_plan.shortfall`.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any, Callable, Iterable

from ..naming import decode_escapes
from ..shortfall import UNKNOWN, Tally

#: kinds never compared
SKIPPED = frozenset({"DIMENSION", "ARC_DIMENSION", "LARGE_RADIAL_DIMENSION", "ATTDEF", "VIEWPORT",
                     "BLOCK", "ENDBLK", "SEQEND", "VERTEX", "INSERT", "MINSERT"})
#: an entity on layer 0 inside a block takes the layer of the reference (resolved when expanded)
INHERIT = "\0"
#: deepest block nesting followed
MAX_DEPTH = 32


def _anonymous_annotation(name: str) -> bool:
    """Blocks a converter draws dimensions and tables with (``*D12``, ``*T3``): not expanded."""
    return len(name) > 2 and name[0] == "*" and name[1] in "DdTt" and name[2:].isdigit()


class _Expander:
    """Block contents counted once, then added per reference (grouped by block and layer)."""

    def __init__(self, own: Callable[[str], tuple[Tally, Counter]]) -> None:
        #: block name -> (its own entities, its references: (block, layer) -> copies)
        self._own = own
        self._memo: dict[str, Tally] = {}

    def block(self, name: str, stack: tuple[str, ...] = ()) -> Tally:
        if name in self._memo:
            return self._memo[name]
        if name in stack or len(stack) >= MAX_DEPTH:
            return Tally()  # a block inside itself: not followed (the reader reports it)
        entities, refs = self._own(name)
        out = Tally(entities)
        for (child, layer), copies in refs.items():
            add(out, self.block(child, (*stack, name)), layer, copies)
        self._memo[name] = out
        return out


def add(out: Tally, block: Tally, layer: str | None, copies: int) -> None:
    """Add ``copies`` references of a block on ``layer`` (None: unknown) to ``out``."""
    for (kind, own), n in block.items():
        out[(kind, layer if own == INHERIT else own)] += n * copies


def _top(tally: Tally) -> Tally:
    """Layer-0 entities left at the top (a reference on layer 0) are on layer 0."""
    out = Tally()
    for (kind, layer), n in tally.items():
        out[(kind, "0" if layer == INHERIT else layer)] += n
    return out


# -- the converted drawing (ezdxf) ---------------------------------------------------------

def dxf_tally(doc: Any) -> Tally:
    """What an ezdxf document's model space holds, blocks expanded."""
    blocks = doc.blocks

    def own(name: str) -> tuple[Tally, Counter]:
        block = blocks.get(name)
        return _dxf_entities(block if block is not None else (), inside=True)

    entities, refs = _dxf_entities(doc.modelspace(), inside=False)
    expander = _Expander(own)
    for (name, layer), copies in refs.items():
        add(entities, expander.block(name), layer, copies)
    return _top(entities)


def _dxf_entities(entities: Iterable[Any], inside: bool) -> tuple[Tally, Counter]:
    own, refs = Tally(), Counter()
    for e in entities:
        kind = e.dxftype()
        layer = _layer(str(e.dxf.get("layer", "0") or "0"), inside)
        if kind == "INSERT":
            name = str(e.dxf.get("name", ""))
            if name and not _anonymous_annotation(name):
                refs[(name, layer)] += max(1, int(getattr(e, "mcount", 1) or 1))
            for attrib in getattr(e, "attribs", ()):
                own[("ATTRIB", _layer(str(attrib.dxf.get("layer", "0") or "0"), inside))] += 1
        elif kind not in SKIPPED:
            own[(kind, layer)] += 1
    return own, refs


def _layer(raw: str, inside: bool) -> str:
    name = decode_escapes(raw)
    return INHERIT if inside and name == "0" else name


# -- a DWG file (ezdwg's object map) -------------------------------------------------------

#: DWG object type names -> DXF entity kinds
_DWG_KINDS = {"POLYLINE_2D": "POLYLINE", "POLYLINE_3D": "POLYLINE", "POLYLINE_MESH": "POLYLINE",
              "POLYLINE_PFACE": "POLYLINE", "LWPLINE": "LWPOLYLINE", "MTEXT_ATTRIB": "ATTRIB"}


def dwg_kind(type_name: str) -> str | None:
    """The DXF kind of a DWG entity type, None for kinds never compared."""
    name = str(type_name).upper()
    if name.startswith(("DIM_", "VERTEX_")) or name in SKIPPED:
        return None
    return _DWG_KINDS.get(name, name)


def dwg_tally(path: str, raw: Any) -> Tally:
    """What a DWG file's model space holds, from its object map (``ezdwg.raw``): every entity
    object, its layer, its owner (model space, paper space, a block, an INSERT for ATTRIBs)."""
    rows = [r for r in raw.list_object_headers_with_type(path) if str(r[5]) == "E"]
    handles = [int(r[0]) for r in rows]
    layer_names = {int(h): decode_escapes(str(n)) for h, n in raw.decode_layer_names(path)}
    layer_of = {int(h): layer_names.get(int(lh)) for h, lh in raw.decode_object_entity_layer_handles(path, handles)}
    placement = {int(h): (int(m), int(o or 0)) for h, m, o in raw.decode_entity_placements(path)}
    block_of = {int(h): str(n).upper() for h, n in raw.decode_block_header_names(path)}  # names: any case
    inserts: dict[int, tuple[str | None, int]] = {int(r[0]): (r[8], 1) for r in raw.decode_insert_entities(path)}
    for r in raw.decode_minsert_entities(path):
        cols, rows_, *_rest, name = r[8]
        inserts[int(r[0])] = (name, max(1, int(cols or 1)) * max(1, int(rows_ or 1)))

    def container(handle: int, hops: int = 0) -> str | None:
        """"" for model space, a block's name, None for paper space and what is not placed."""
        mode, owner = placement.get(handle, (2, 0))
        if mode in (1, 2):
            return "" if mode == 2 else None
        name = block_of.get(owner)
        if name is None:  # an INSERT's ATTRIB: where the INSERT is
            return container(owner, hops + 1) if owner in inserts and hops < 2 else None
        return None if name.startswith("*PAPER_SPACE") else "" if name.startswith("*MODEL_SPACE") else name

    own: dict[str, Tally] = defaultdict(Tally)
    refs: dict[str, Counter] = defaultdict(Counter)
    for handle, row in zip(handles, rows):
        where = container(handle)
        if where is None:
            continue
        layer = layer_of.get(handle)
        if where and layer == "0":
            layer = INHERIT
        if handle in inserts:
            name, copies = inserts[handle]
            if name and not _anonymous_annotation(str(name)):
                refs[where][(str(name).upper(), layer)] += copies
            continue
        kind = dwg_kind(row[4])
        if kind is not None:
            own[where][(kind, layer)] += 1
    expander = _Expander(lambda name: (own.get(name, Tally()), refs.get(name, Counter())))
    out = Tally(own.get("", Tally()))
    for (name, layer), copies in refs.get("", Counter()).items():
        add(out, expander.block(name), layer, copies)
    return _top(out)


# -- a Jw_cad document (ezjww's records) ----------------------------------------------------

#: Jw_cad record types -> DXF kinds (a DIMENSION is written as a LINE and a TEXT)
_JW_KINDS = {"LINE": ("LINE",), "ARC": ("ARC",), "CIRCLE": ("CIRCLE",), "POINT": ("POINT",),
             "TEXT": ("TEXT",), "SOLID": ("SOLID",), "CIRCLE_SOLID": ("CIRCLE_SOLID",),
             "DIMENSION": ("LINE", "TEXT")}


def jw_tally(document: dict[str, Any], layer_names: list[str]) -> Tally:
    """What a Jw_cad document holds (``Drawing.source_document``): its records, blocks expanded,
    less what Jw_cad itself never draws (temporary points, its settings stored as texts).
    ``layer_names``: the converted layer name of group g, layer l at ``g * 16 + l``. Records a
    truncated file announces but does not hold count as lost of an unknown kind."""
    settings = {int(s.get("entity_index", -1)) for s in document.get("metadata_settings", []) or []
                if isinstance(s, dict)}
    defs = {int(b.get("number", -1)): b.get("entities", []) or []
            for b in document.get("block_defs", []) or [] if isinstance(b, dict)}

    def layer(record: dict[str, Any]) -> str | None:
        base = record.get("base", {}) or {}
        try:
            return decode_escapes(layer_names[int(base["layer_group"]) * 16 + int(base["layer"])])
        except (KeyError, IndexError, TypeError, ValueError):
            return None

    def records(entities: list[Any], skip: set[int]) -> tuple[Tally, Counter]:
        own, refs = Tally(), Counter()
        for i, e in enumerate(entities):
            if not isinstance(e, dict) or i in skip or (e.get("type") == "POINT" and e.get("is_temporary")):
                continue
            kind = str(e.get("type", UNKNOWN))
            if kind == "BLOCK":
                number = int(e.get("def_number", -1))
                if number in defs:
                    refs[(str(number), layer(e))] += 1
                else:
                    own[(UNKNOWN, None)] += 1  # an unresolved block: its contents are unknown
                continue
            for out in _JW_KINDS.get(kind, (kind,)):
                own[(out, layer(e))] += 1
        return own, refs

    expander = _Expander(lambda number: records(defs.get(int(number), []), set()))
    out, refs = records(document.get("entities", []) or [], settings)
    for (number, lay), copies in refs.items():
        add(out, expander.block(number), lay, copies)
    for diag in document.get("diagnostics", []) or []:
        details = diag.get("details", {}) if isinstance(diag, dict) else {}
        if isinstance(details, dict) and "expected_entities" in details and "parsed_entities" in details:
            out[(UNKNOWN, None)] += max(0, int(details["expected_entities"]) - int(details["parsed_entities"]))
    return _top(out)
