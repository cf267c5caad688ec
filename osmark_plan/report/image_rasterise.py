"""PNG only: the figure's texts drawn as glyph outlines, a few collections instead of a
thousand Text artists.

Each plain text of the plan, the side panel, the continuation list and the title (no
rotation, no leader arrow) is laid out with :mod:`.image_glyphs` the way matplotlib lays it
out, hidden, and drawn again as: its box (round label box, marker circle) in one
PathCollection and its characters in another, per axes and z-order, with the text's colours.
Agg fills those in one call each. Legends keep their own texts. SVG and PDF keep real text
(selectable, searchable), so this runs for PNG only, right before saving.
"""

from __future__ import annotations

from typing import Any

from .image_glyphs import GlyphFont, glyph_font

_HA = {"left": 0.0, "center": 0.5, "right": 1.0}


class _Group:
    """The boxes and glyphs of one axes (or the figure) at one z-order and clipping."""

    def __init__(self) -> None:
        self.boxes: list[Any] = []
        self.box_faces: list[Any] = []
        self.box_edges: list[Any] = []
        self.box_widths: list[float] = []
        self.glyphs: list[Any] = []
        self.offsets: list[tuple[float, float]] = []
        self.colours: list[Any] = []


def _position(text: Any, dpi: float) -> tuple[float, float] | None:
    """Where a text is anchored, in pixels (None for what this pass leaves to matplotlib)."""
    from matplotlib.text import Annotation

    if isinstance(text, Annotation):
        if (text.arrow_patch is not None or text.xycoords != "data"
                or text.anncoords != "offset points" or text.axes is None):
            return None
        x, y = text.axes.transData.transform(text.xy)
        dx, dy = text.xyann
        return float(x + dx * dpi / 72.0), float(y + dy * dpi / 72.0)
    x, y = text.get_transform().transform(text.get_position())
    return float(x), float(y)


def _layout(text: Any, font: GlyphFont, x: float, y: float, size_px: float
            ) -> tuple[tuple[float, float, float, float], list[tuple[str, float, float]]]:
    """The text's box (x0, y0, width, height) and its lines with their pen positions."""
    width, height, lines = font.layout(text.get_text(), size_px, text.get_linespacing())
    ha, va = text.get_horizontalalignment(), text.get_verticalalignment()
    x0 = x - width * _HA.get(ha, 0.0)
    top = {"top": y, "bottom": y + height, "baseline": y + (lines[0][2] if lines else 0.0)
           }.get(va, y + height / 2)
    malign = getattr(text, "_multialignment", None) or ha
    shift = _HA.get(malign, 0.0)
    pens = [(line, x0 + (width - w) * shift, top - base) for line, w, base in lines]
    return (x0, top - height, width, height), pens


def _convertible(text: Any) -> bool:
    return (text.get_visible() and not text.get_usetex() and text.get_rotation() == 0
            and "$" not in text.get_text())


def rasterise_texts(fig: Any) -> int:
    """Replace the figure's plain texts by glyph collections; how many texts were replaced."""
    from matplotlib.colors import to_rgba

    font = glyph_font()
    dpi = fig.dpi
    groups: dict[tuple[int, float, bool], _Group] = {}
    owners: dict[int, Any] = {}
    done = 0
    for owner in [*fig.axes, fig]:
        for text in list(owner.texts):
            if not _convertible(text):
                continue
            at = _position(text, dpi)
            if at is None:
                continue
            done += 1
            text.set_visible(False)
            if not text.get_text():
                continue
            size_px = text.get_fontsize() * dpi / 72.0
            box, pens = _layout(text, font, at[0], at[1], size_px)
            clipped = bool(text.get_clip_on() and text.get_clip_path() is not None
                           and owner is not fig)
            key = (id(owner), float(text.get_zorder()), clipped)
            owners[id(owner)] = owner
            group = groups.setdefault(key, _Group())
            patch = text.get_bbox_patch()
            if patch is not None:
                group.boxes.append(patch.get_boxstyle()(*box, size_px))
                group.box_faces.append(patch.get_facecolor())
                group.box_edges.append(patch.get_edgecolor())
                group.box_widths.append(patch.get_linewidth())
            colour = to_rgba(text.get_color(), text.get_alpha())
            for line, px, py in pens:
                for ch in line:
                    path = font.path(ch, size_px)
                    if path is not None:
                        group.glyphs.append(path)
                        group.offsets.append((px, py))
                        group.colours.append(colour)
                    px += font.glyph(ch).advance * size_px
    for (owner_id, zorder, clipped), group in groups.items():
        _add(owners[owner_id], group, zorder, clipped)
    return done


def _add(owner: Any, group: _Group, zorder: float, clipped: bool) -> None:
    """The group's boxes, then its glyphs, as two collections in pixel coordinates."""
    from matplotlib.collections import PathCollection
    from matplotlib.transforms import IdentityTransform

    colls = []
    if group.boxes:
        colls.append(PathCollection(group.boxes, facecolors=group.box_faces,
                                    edgecolors=group.box_edges, linewidths=group.box_widths))
    if group.glyphs:
        colls.append(PathCollection(group.glyphs, offsets=group.offsets,
                                    offset_transform=IdentityTransform(),
                                    facecolors=group.colours, edgecolors="none", linewidths=0))
    for coll in colls:
        coll.set_transform(IdentityTransform())
        coll.set_zorder(zorder)
        coll.set_snap(False)
        if hasattr(owner, "add_collection"):
            owner.add_collection(coll, autolim=False)
            if clipped:
                coll.set_clip_path(owner.patch)
            else:
                coll.set_clip_on(False)
        else:
            coll.set_clip_on(False)
            owner.add_artist(coll)
