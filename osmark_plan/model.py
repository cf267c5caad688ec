"""The plan model: what the reader understood of a drawing.

Everything here is a frozen dataclass holding shapely geometry in **metres**, in the drawing's
own coordinate frame (drawing coordinates multiplied by :attr:`Plan.scale`). Reporters divide by
``Plan.scale`` to give users drawing units back. Nothing here knows about ezdxf.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, Mapping

if TYPE_CHECKING:  # annotations only: the model is importable without shapely (osmark rules)
    from shapely.geometry import LineString, MultiLineString, Point, Polygon

    from .shortfall import Shortfall

#: Level of the open area (オープンエリア) and of the outside in level arithmetic.
OPEN = 0
#: Node name of the outside in the access graph.
OUTSIDE = "OUTSIDE"

LineKind = Literal["wall", "partition", "window"]
#: Element kinds a layer can be mapped to (DRAWINGS.md).
KINDS = (
    "wall", "partition", "door", "window", "zone", "application_area", "cabinet",
    "device", "label", "aisle", "asset", "ignored",
)
#: Lock states of a door, window or cabinet (docs/drawing.md): 常時開放, 常時開錠, 常時施錠,
#: 施錠+入退室記録, and for what has no lock (施錠不可) or cannot be opened (はめ殺し).
LOCK_STATES = ("OPEN", "UNLOCKED", "LOCKED", "LOGGED", "NOLOCK", "FIXED")
#: Kinds of output device.
DEVICE_KINDS = ("COPIER", "PRINTER", "FAX", "MFP", "DEVICE")


@dataclass(frozen=True)
class Source:
    """Where an element came from in the drawing, so a user can find it in CAD."""

    layer: str
    handle: str | None = None
    block: str | None = None


@dataclass(frozen=True, eq=False)
class Line:
    """A piece of wall, low partition or window line work (one LineString)."""

    kind: LineKind
    geom: LineString
    source: Source


@dataclass(frozen=True, eq=False)
class Zone:
    """A security zone polygon as drawn, with its level (None when it could not be read)."""

    id: str
    polygon: Polygon
    level: int | None
    name: str | None
    source: Source
    #: where the level came from: "attrib", "xdata", "layer", "label", "table", "assumed-open"
    #: (a room found from the walls with no level: taken as open area) or None
    level_from: str | None = None
    #: the room number a label gives (101, G03, WC02), besides its name
    number: str | None = None
    #: rooms of another level named inside this room found from the walls and not split from
    #: it (no wall or door between them was found); the room took the highest level (ENC001)
    shares: tuple[Shared, ...] = ()


@dataclass(frozen=True)
class Shared:
    """A named room that lies in the same space as another room (nothing found between them)."""

    name: str
    level: int
    #: where its name stands (metres)
    at: tuple[float, float]


@dataclass(frozen=True, eq=False)
class Area:
    """A polygon on the application-area layer (申請エリア)."""

    id: str
    polygon: Polygon
    source: Source


@dataclass(frozen=True, eq=False)
class Door:
    """A door: its threshold chord across the wall opening and what is known of it."""

    id: str
    #: the threshold chord across the wall gap (hinge to latch side), in metres
    chord: LineString
    width: float
    source: Source
    #: the door's drawn outline (leaf, swing) for the image, in metres; may be None
    outline: LineString | None = None
    #: "OPEN" | "UNLOCKED" | "LOCKED" | "LOGGED" or None when not drawn
    lock: str | None = None
    #: the door's name from ATTRIB ID or a nearby door-number text
    name: str | None = None
    #: "swing", "double", "sliding", "opening" or "unknown"
    style: str = "swing"
    #: upper-case ATTRIB tags and values (KEYHOLDER, SUPERVISED …), plus KEYHOLDER=SINGLE when
    #: a text near the door says the key has one holder (鍵管理者1名)
    attrs: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, eq=False)
class Cabinet:
    """A storage cabinet (保管庫・キャビネット) with its level when drawn."""

    id: str
    polygon: Polygon
    level: int | None
    source: Source
    name: str | None = None
    #: upper-case ATTRIB tags and values (FIXED, LINKED, HEAVY, HEIGHT, GROUP, KEYHOLDER …)
    attrs: Mapping[str, str] = field(default_factory=dict)
    #: lock state from ATTRIB LOCK or a lock word beside it (see LOCK_STATES), None when not drawn
    lock: str | None = None


@dataclass(frozen=True, eq=False)
class Device:
    """An output device: copier, printer, FAX or multifunction printer."""

    id: str
    polygon: Polygon
    kind: str
    source: Source
    name: str | None = None


@dataclass(frozen=True, eq=False)
class Label:
    """A TEXT or MTEXT (plain text) with its insertion point and the kind of its layer."""

    text: str
    point: Point
    layer_kind: str
    source: Source
    #: text height in metres (0 when unknown)
    height: float = 0.0
    #: the lines of a label of several lines (MTEXT paragraphs); empty for one line
    lines: tuple[str, ...] = ()


@dataclass(frozen=True, eq=False)
class Window:
    """A window: one INSERT on a window layer, or a group of window lines lying together.

    Its line work is also in :attr:`Plan.lines` (kind "window"), where it closes outlines; this
    object carries what is known of the window as a whole (lock state, name, attributes).
    """

    id: str
    geom: LineString | MultiLineString
    source: Source
    #: lock state (see LOCK_STATES) from ATTRIB LOCK or a lock word beside it; None when not drawn
    lock: str | None = None
    name: str | None = None
    attrs: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, eq=False)
class Aisle:
    """A main aisle drawn as an open polyline on the aisle layer."""

    id: str
    geom: LineString
    source: Source


@dataclass(frozen=True, eq=False)
class Asset:
    """A protected asset marker (保護資産) with its importance 1–3 when known."""

    id: str
    point: Point
    importance: int | None
    source: Source
    text: str | None = None


@dataclass(frozen=True)
class Repair:
    """Something the reader repaired or re-interpreted; always reported, never silent."""

    what: str
    layer: str | None = None
    handle: str | None = None
    gap_m: float | None = None
    #: position in metres (drawing frame), when the repair has one
    at: tuple[float, float] | None = None
    detail: str | None = None

    @property
    def code(self) -> str:
        """The repair's code (``REP…``, :mod:`osmark_plan.repairs`)."""
        from .repairs import code_of

        return code_of(self.what)


@dataclass(frozen=True)
class Rejected:
    """An element the reader saw but could not use (e.g. a zone polyline that is not closed)."""

    reason: str  # "zone-not-closed", "area-not-closed", "door-unreadable", ...
    layer: str
    handle: str | None = None
    at: tuple[float, float] | None = None
    detail: str | None = None


@dataclass(frozen=True)
class LayerInfo:
    """A layer of the drawing, the kind it was mapped to and what was found on it."""

    name: str
    kind: str
    entities: int = 0
    frozen: bool = False
    off: bool = False
    #: entity type → count, as found on the layer (after block explosion)
    types: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True, eq=False)
class Plan:
    """One floor as read from a drawing. Geometry is in metres."""

    path: str
    sha256: str = ""
    units: str = "m"
    #: "$INSUNITS", "doors", "walls", "extents", "scale-text", "default", "--units" or "config"
    units_source: str = "default"
    #: metres per drawing unit
    scale: float = 1.0
    encoding: str = "utf-8"
    dxf_version: str = ""
    layers: Mapping[str, LayerInfo] = field(default_factory=dict)
    lines: tuple[Line, ...] = ()
    zones: tuple[Zone, ...] = ()
    areas: tuple[Area, ...] = ()
    doors: tuple[Door, ...] = ()
    cabinets: tuple[Cabinet, ...] = ()
    devices: tuple[Device, ...] = ()
    labels: tuple[Label, ...] = ()
    aisles: tuple[Aisle, ...] = ()
    assets: tuple[Asset, ...] = ()
    windows: tuple[Window, ...] = ()
    repairs: tuple[Repair, ...] = ()
    rejected: tuple[Rejected, ...] = ()
    #: layer → count of proxy or unsupported entities on mapped layers
    unreadable: Mapping[str, int] = field(default_factory=dict)
    #: why the unit was chosen when $INSUNITS was missing or contradicted (DWG005); else None
    units_note: str | None = None
    #: the same in Japanese
    units_note_ja: str | None = None
    #: True when no plausible real-world unit was found (e.g. a sheet-scale drawing): DWG005 error
    units_error: bool = False
    #: the sheet scale denominator applied (100 for a 1:100 sheet), None when drawn full size
    sheet_scale: int | None = None
    #: "walls" when the zones are rooms found from the wall line work (no zone polygons drawn)
    rooms_from: str | None = None
    #: True once the build's rooms step ran on this plan (whether or not it found rooms)
    rooms_built: bool = False
    #: chords sealing doorless doorways when rooms were found from walls (openings, not closers)
    openings: tuple[LineString, ...] = ()
    #: the file format read: "DXF", "JWW", "JWC", "DWG R2000" …
    source_format: str = "DXF"
    #: the converter that turned a JWW/JWC/DWG file into DXF ("ezjww 0.7.5"), None for DXF
    converter: str | None = None
    #: the entities the converter lost (source against converted document), None when none (DWG011)
    shortfall: Shortfall | None = None
    #: the part of the sheet checked (drawing units: x0, y0, x1, y1), None for the whole drawing
    region: tuple[float, float, float, float] | None = None
    #: how the reader read the file: "filtered" (only mapped layers, texts and the blocks they
    #: use) or "full", with the reason the filtered read declined
    read_path: str = "full"

    def lines_of(self, *kinds: str) -> tuple[Line, ...]:
        """The line work of the given kinds ("wall", "partition", "window")."""
        return tuple(line for line in self.lines if line.kind in kinds)
