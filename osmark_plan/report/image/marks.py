"""Rooms the build split or merged, on the plan image (the facts: :mod:`..room_marks`).

A cut across a doorway drawn as a gap is a broad violet band under the opening's dashes (and
any boundary gap drawn over it), with a small "✂ 分割" tag beside it; a room holding another
room's name is outlined just inside its boundary in the warning colour, with the other name
("＋受付（統合?）") where it stands. The texts are placed with the plan's other labels and
never over them. SVG ids: ``osm-split``, ``osm-merged-R3``, ``osm-merged-name-0``,
``osm-split-tag-0`` … (façade glazing, drawn with the line work: ``osm-glazing``).
"""

from __future__ import annotations

from typing import Any, Sequence

from ..room_marks import RoomMarks
from .items import Tag, draw_lines
from .labels import Placed, place_region_labels, place_tags
from .shapes import shape_paths
from .style import MERGE_COLOUR, MERGE_TEXT, SPLIT_COLOUR, SPLIT_TEXT, SPLIT_WIDTH

#: width (points) of the merged room's outline; half of it shows, inside the room
MERGE_WIDTH = 5.0
#: font sizes tried for another room's name in a merged room
MERGE_SIZES = (8.5, 7.0, 6.0)


def draw_marks(ax: Any, marks: RoomMarks) -> None:
    """Merged rooms' outlines (under the line work) and split cuts (under the doors and gaps)."""
    from matplotlib.patches import PathPatch

    for k, path in shape_paths([geom for _rid, geom in marks.merged]):
        band = PathPatch(path, facecolor="none", edgecolor=MERGE_COLOUR, lw=MERGE_WIDTH,
                         joinstyle="miter", zorder=1.7)
        ax.add_patch(band)
        band.set_clip_path(path, ax.transData)  # the inner half of the line: inside the room
        band.set_gid(f"osm-merged-{marks.merged[k][0]}")
    cuts = draw_lines(ax, marks.splits, 2.95, colors=SPLIT_COLOUR, linewidths=SPLIT_WIDTH,
                      capstyle="butt")
    if cuts is not None:
        cuts.set_gid("osm-split")


def place_marks(ax: Any, fig: Any, marks: RoomMarks, words: dict[str, Any], placed: Placed,
                lines: Sequence[Any] = (), sink: Any = None) -> None:
    """The other names in merged rooms where they stand, then a tag beside each split cut."""
    shapes = dict(marks.merged)
    items = [(shapes[n.region], words["merged_name"].format(name=n.name), n.at)
             for n in marks.names if n.region in shapes]
    if items:
        place_region_labels(ax, fig, items, False, placed, lines, sink, sizes=MERGE_SIZES,
                            colour=MERGE_TEXT, edge=MERGE_COLOUR, gid="osm-merged-name")
    tags = [Tag(words["split_tag"], chord, SPLIT_TEXT) for chord in marks.splits]
    for k, tag in enumerate(place_tags(ax, fig, tags, placed, lines)):
        tag.set_gid(f"osm-split-tag-{k}")
