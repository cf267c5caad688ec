"""PNG only: the figure's texts drawn as glyph outlines, a few collections instead of a
thousand Text artists.

The many texts (region names, finding markers, the findings panel and its continuation) are
made as :class:`PlainText` records through a :class:`TextSink` (no artist: making a thousand
takes longer than drawing them); the few other plain texts (title, scale bar, equipment tags)
are Text artists, hidden here. Both are laid out with :mod:`.glyphs` the way matplotlib
lays text out and drawn as: their boxes (round label box, marker circle) in one
PathCollection and their characters in another, per axes, z-order and clipping, in the
texts' colours; Agg fills each in one call. Legends keep their own texts, markers with a
leader line their annotation. SVG, PDF and :func:`.image.plan_figure` keep real text
(selectable, searchable): the sink makes artists for them.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from .compat import linespacing, root_figure
from .glyphs import GlyphFont, glyph_font

_HA = {"left": 0.0, "center": 0.5, "right": 1.0}


class _Group:
    """The boxes and glyphs of one axes (or the figure) at one z-order and clipping."""

    def __init__(self) -> None:
        self.boxes: list[Any] = []
        self.box_faces: list[Any] = []
        self.box_edges: list[Any] = []
        self.box_widths: list[float] = []
        #: (glyph outline, colour) -> the outline and the places (pixels) it is drawn at
        self.places: dict[tuple[int, Any], tuple[Any, list[tuple[float, float]]]] = {}


class PlainText:
    """A text the PNG draws as glyphs, made without a matplotlib artist (a thousand of those
    take longer to make than to draw as glyphs): what label placement reads and changes of
    an annotation (text, anchor, offset, size, alignment) and its style."""

    def __init__(self, owner: Any, text: str, xy: tuple[float, float], transform: Any,
                 xytext: tuple[float, float] = (0.0, 0.0), *, fontsize: float | None = None,
                 color: Any = None, ha: str = "left", va: str = "baseline", zorder: float = 3,
                 bbox: dict[str, Any] | None = None, linespacing: Any = "normal",
                 clip: bool = False, **_ignored: Any) -> None:
        import matplotlib

        self.owner, self.text, self.xy, self.transform = owner, text, xy, transform
        self.xyann = xytext
        self.size = float(fontsize if fontsize is not None else matplotlib.rcParams["font.size"])
        self.color = color if color is not None else matplotlib.rcParams["text.color"]
        self.ha, self.va, self.zorder, self.bbox = ha, va, float(zorder), bbox
        self.linespacing, self.clip, self.removed = linespacing, clip, False
        self.axes = owner if hasattr(owner, "transData") else None

    def get_text(self) -> str:
        return self.text

    def get_figure(self, root: bool = True) -> Any:
        return root_figure(self.owner) if self.axes is not None else self.owner

    def set_fontsize(self, size: float) -> None:
        self.size = float(size)

    def set_horizontalalignment(self, ha: str) -> None:
        self.ha = ha

    def set_verticalalignment(self, va: str) -> None:
        self.va = va

    def remove(self) -> None:
        self.removed = True


class TextSink:
    """Where the image's many texts go: matplotlib artists (``glyphs`` False: SVG, PDF and
    :func:`.image.plan_figure`), or :class:`PlainText` records drawn as glyphs (PNG)."""

    def __init__(self, glyphs: bool = False) -> None:
        self.glyphs = glyphs
        self.items: list[PlainText] = []

    def annotate(self, ax: Any, text: str, xy: tuple[float, float],
                 xytext: tuple[float, float] = (0.0, 0.0), **kw: Any) -> Any:
        """A text at ``xy`` (data) moved by ``xytext`` points (an annotation)."""
        if not self.glyphs or kw.get("arrowprops") is not None:
            return ax.annotate(text, xy, xytext=xytext, textcoords="offset points", **kw)
        kw.pop("arrowprops", None)
        item = PlainText(ax, text, xy, ax.transData, xytext, **kw)
        self.items.append(item)
        return item

    def text(self, owner: Any, x: float, y: float, text: str, **kw: Any) -> Any:
        """A text at (x, y) in ``transform`` (the owner's data coordinates by default)."""
        if not self.glyphs:
            return owner.text(x, y, text, **kw)
        is_axes = hasattr(owner, "transData")
        transform = kw.pop("transform", None) or (owner.transData if is_axes
                                                   else owner.transSubfigure)
        item = PlainText(owner, text, (x, y), transform, clip=is_axes, **kw)
        self.items.append(item)
        return item


class _Spec(NamedTuple):
    """A text ready to draw."""

    owner: Any
    text: str
    x: float  # anchor (pixels)
    y: float
    size: float  # points
    colour: Any
    ha: str
    va: str
    malign: str
    linespacing: Any
    zorder: float
    clipped: bool
    box: Any  # (style, face, edge, line width) or None


def _artist_spec(text: Any, owner: Any, dpi: float) -> _Spec | None:
    """A matplotlib Text as a spec (None for what this pass leaves to matplotlib)."""
    from matplotlib.colors import to_rgba
    from matplotlib.text import Annotation

    if (not text.get_visible() or text.get_usetex() or text.get_rotation() != 0
            or "$" in text.get_text()):
        return None
    if isinstance(text, Annotation):
        if (text.arrow_patch is not None or text.xycoords != "data"
                or text.anncoords != "offset points" or text.axes is None):
            return None
        x, y = text.axes.transData.transform(text.xy)
        x, y = x + text.xyann[0] * dpi / 72.0, y + text.xyann[1] * dpi / 72.0
    else:
        x, y = text.get_transform().transform(text.get_position())
    patch = text.get_bbox_patch()
    box = None if patch is None else (patch.get_boxstyle(), patch.get_facecolor(),
                                      patch.get_edgecolor(), patch.get_linewidth())
    ha = text.get_horizontalalignment()
    clipped = bool(text.get_clip_on() and text.get_clip_path() is not None
                   and hasattr(owner, "transData"))
    return _Spec(owner, text.get_text(), float(x), float(y), text.get_fontsize(),
                 to_rgba(text.get_color(), text.get_alpha()), ha, text.get_verticalalignment(),
                 getattr(text, "_multialignment", None) or ha, linespacing(text),
                 float(text.get_zorder()), clipped, box)


def _plain_specs(items: list[PlainText], dpi: float) -> list[_Spec]:
    """The records as specs, the anchors of those sharing a transform moved in one call."""
    import numpy as np
    from matplotlib.colors import to_rgba
    from matplotlib.patches import BoxStyle

    by_transform: dict[int, tuple[Any, list[int]]] = {}
    for k, item in enumerate(items):
        by_transform.setdefault(id(item.transform), (item.transform, []))[1].append(k)
    at = np.zeros((len(items), 2))
    for transform, ks in by_transform.values():
        at[ks] = transform.transform(np.array([items[k].xy for k in ks], dtype=float))
    at += np.array([item.xyann for item in items], dtype=float).reshape(-1, 2) * dpi / 72.0
    styles: dict[str, Any] = {}
    specs: list[_Spec] = []
    for item, (x, y) in zip(items, at.tolist()):
        box = None
        if item.bbox is not None:
            b = item.bbox
            alpha, name = b.get("alpha"), b.get("boxstyle", "square")
            style = styles.get(name) or styles.setdefault(name, BoxStyle(name))
            box = (style, to_rgba(b.get("fc", "white"), alpha),
                   to_rgba(b.get("ec", "black"), alpha), float(b.get("lw", 1.0)))
        specs.append(_Spec(item.owner, item.text, x, y, item.size, to_rgba(item.color), item.ha,
                           item.va, item.ha, item.linespacing, item.zorder, item.clip, box))
    return specs


def _layout(spec: _Spec, font: GlyphFont, size_px: float
            ) -> tuple[tuple[float, float, float, float], list[tuple[str, float, float]]]:
    """The text's box (x0, y0, width, height) and its lines with their pen positions."""
    x, y, ha, va, malign = spec.x, spec.y, spec.ha, spec.va, spec.malign
    width, height, lines = font.layout(spec.text, size_px, spec.linespacing)
    x0 = x - width * _HA.get(ha, 0.0)
    top = {"top": y, "bottom": y + height, "baseline": y + (lines[0][2] if lines else 0.0)
           }.get(va, y + height / 2)
    shift = _HA.get(malign, 0.0)
    pens = [(line, x0 + (width - w) * shift, top - base) for line, w, base in lines]
    return (x0, top - height, width, height), pens


def rasterise_texts(fig: Any, items: list[PlainText] | tuple[()] = ()) -> int:
    """Draw the figure's plain texts and ``items`` as glyph collections (the texts hidden);
    how many texts were drawn so."""
    font = glyph_font()
    dpi = fig.dpi
    specs: list[_Spec] = []
    for owner in [*fig.axes, fig]:
        for text in list(owner.texts):
            spec = _artist_spec(text, owner, dpi)
            if spec is not None:
                text.set_visible(False)
                specs.append(spec)
    specs += _plain_specs([item for item in items if not item.removed], dpi)
    groups: dict[tuple[int, float, bool], _Group] = {}
    owners: dict[int, Any] = {}
    for spec in specs:
        if not spec.text:
            continue
        owner, colour, box_style = spec.owner, spec.colour, spec.box
        size_px = spec.size * dpi / 72.0
        box, pens = _layout(spec, font, size_px)
        owners[id(owner)] = owner
        group = groups.setdefault((id(owner), spec.zorder, spec.clipped), _Group())
        if box_style is not None:
            style, face, edge, width = box_style
            group.boxes.append(style(*box, size_px))
            group.box_faces.append(face)
            group.box_edges.append(edge)
            group.box_widths.append(width)
        table, places = font.table(size_px), group.places
        for line, px, py in pens:
            for ch in line:
                path, advance = table.get(ch) or font.entry(ch, size_px)
                if path is not None:
                    key = (id(path), colour)
                    found = places.get(key) or places.setdefault(key, (path, []))
                    found[1].append((px, py))
                px += advance
    for (owner_id, zorder, clipped), group in groups.items():
        _add(owners[owner_id], group, zorder, clipped, dpi)
    return len(specs)


def _glyph_marks(group: _Group, dpi: float) -> list[Any]:
    """The group's glyphs as markers: one Line2D per character, size and colour, its marker
    the glyph's outline at every place the character is drawn. Agg fills a marker once and
    stamps it at each place, where filling every outline costs about three times as long."""
    import numpy as np
    from matplotlib.lines import Line2D

    marks = []
    for (_, colour), (path, at) in group.places.items():
        xy = np.asarray(at, dtype=float)
        reach = float(np.abs(path.vertices).max()) or 1.0  # a marker is scaled to its reach
        marks.append(Line2D(xy[:, 0], xy[:, 1], linestyle="none", marker=path,
                            markersize=2 * reach * 72.0 / dpi, markerfacecolor=colour,
                            markeredgecolor="none", markeredgewidth=0.0))
    return marks


def _add(owner: Any, group: _Group, zorder: float, clipped: bool, dpi: float) -> None:
    """The group's boxes (one collection), then its glyphs, in pixel coordinates."""
    from matplotlib.collections import PathCollection
    from matplotlib.transforms import IdentityTransform

    artists = []
    if group.boxes:
        artists.append(PathCollection(group.boxes, facecolors=group.box_faces,
                                      edgecolors=group.box_edges, linewidths=group.box_widths))
    artists += _glyph_marks(group, dpi)
    for artist in artists:
        artist.set_transform(IdentityTransform())
        artist.set_zorder(zorder)
        artist.set_snap(False)
        owner.add_artist(artist)
        if clipped:
            artist.set_clip_path(owner.patch)
        else:
            artist.set_clip_on(False)
