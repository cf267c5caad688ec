"""The side panel of the plan image: legend and the numbered, wrapped list of findings."""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Any

from .style import (CABINET_EDGE, CABINET_HATCH, DEVICE_COLOUR, DOOR_COLOUR,
                          ENTRANCE_COLOUR, FIG_WIDTH, FILL_ALPHA, GAP_COLOURS, GAP_DASHES,
                          GLAZING_COLOUR, GRAPH_COLOUR, LEVEL_COLOURS, MAX_LISTED, MERGE_COLOUR,
                          OUTSIDE_COLOUR, PARTITION_COLOUR, PARTITION_DASHES, PLAN_FRACTION,
                          SEVERITY_COLOURS, SEVERITY_TEXT, SPLIT_COLOUR, SPLIT_WIDTH,
                          TITLE_INCHES, WALL_COLOUR, WINDOW_COLOUR)

LEGEND_COLUMNS = 2
#: inches per legend row and for the legend's frame and the gap below it
LEGEND_ROW_INCHES, LEGEND_FRAME_INCHES = 0.2, 0.35


def legend_handles(words: dict[str, Any], present: set[str], graph: bool) -> list[Any]:
    """Legend entries: levels, outside, line work, equipment and gaps shown, doors, markers.

    ``present`` names what the plan shows ("site", "wall", "partition", "window", "glazing",
    "device", "cabinet", "gap", "gap_partition", "split", "merged"); entries for absent things
    are left out.
    """
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    has_site = "site" in present
    handles: list[Any] = [Patch(facecolor=LEVEL_COLOURS[lv], alpha=FILL_ALPHA, edgecolor="#555555",
                                label=f"{words['levels'][lv]}") for lv in range(4)]
    handles.append(Patch(facecolor=OUTSIDE_COLOUR, edgecolor="#555555", label=words["outside"]))
    if "wall" in present:
        handles.append(Line2D([], [], color=WALL_COLOUR, lw=1.2, label=words["wall"]))
    if "partition" in present:
        handles.append(Line2D([], [], color=PARTITION_COLOUR, lw=1.0, ls=PARTITION_DASHES,
                              label=words["partition"]))
    if "window" in present:
        handles.append(Line2D([], [], color=WINDOW_COLOUR, lw=3.0, label=words["window"]))
    if "glazing" in present:
        handles.append(Line2D([], [], color=GLAZING_COLOUR, lw=3.0, label=words["glazing"]))
    if "device" in present:
        handles.append(Patch(facecolor=DEVICE_COLOUR, edgecolor="black", label=words["device"]))
    if "cabinet" in present:
        handles.append(Patch(facecolor=LEVEL_COLOURS[2], edgecolor=CABINET_EDGE,
                             hatch=CABINET_HATCH, label=words["cabinet"]))
    if "gap" in present:
        handles.append(Line2D([], [], color=GAP_COLOURS["open"], lw=3.6, ls=GAP_DASHES,
                              label=words["gap"]))
    if "gap_partition" in present:
        handles.append(Line2D([], [], color=GAP_COLOURS["partition-only"], lw=3.6, ls=GAP_DASHES,
                              label=words["gap_partition"]))
    if "split" in present:
        handles.append(Line2D([], [], color=SPLIT_COLOUR, lw=SPLIT_WIDTH, label=words["split"]))
    if "merged" in present:
        handles.append(Patch(facecolor="white", edgecolor=MERGE_COLOUR, lw=2.5,
                             label=words["merged"]))
    handles.append(Line2D([], [], color=DOOR_COLOUR, lw=2.2, label=words["door"]))
    if has_site:
        handles.append(Line2D([], [], color=ENTRANCE_COLOUR, lw=4.5, label=words["entrance"]))
        handles.append(Line2D([], [], color=DOOR_COLOUR, lw=1.6, ls=(0, (2, 1.5)),
                              label=words["opening"]))
    if graph and has_site:
        handles.append(Line2D([], [], color=GRAPH_COLOUR, lw=1.4, marker="o", label=words["graph"]))
    for sev in ("error", "warning", "info"):
        handles.append(Line2D([], [], ls="none", marker="o", markersize=10, markeredgecolor="black",
                              markerfacecolor=SEVERITY_COLOURS[sev], label=words[sev]))
    return handles


def list_font(count: int) -> float:
    return 9.0 if count <= 12 else 8.0


def entry_lines(finding: dict[str, Any], words: dict[str, Any], width: int) -> list[str]:
    head = f"{finding['rule']} {words.get(finding['severity'], finding['severity'])}"
    where = "" if finding.get("at") else f" ({words['nowhere']})"
    waived = finding.get("waived")
    why = f" [{words.get('waived', 'waived')}: {waived['reason']}]" if waived else ""
    return wrap(f"{head}: {finding['message']}{where}{why}", width)


def wrap_width(fontsize: float) -> int:
    """Columns (a CJK character is two) that fit on a line of the findings panel."""
    panel_inches = FIG_WIDTH * (0.98 - PLAN_FRACTION) * 0.9
    return int(panel_inches * 72 / (fontsize * 0.53)) - 2


def list_height(doc: dict[str, Any], words: dict[str, Any], present: set[str] = frozenset(),
                graph: bool = False) -> float:
    """Figure height (inches) the legend and the findings list need: the arithmetic of
    :func:`side_capacity`, so that a figure this tall lists them all beside the plan."""
    findings = doc["findings"][:MAX_LISTED]
    size = list_font(len(findings))
    line = size * 1.45 / 72
    lines = sum(len(entry_lines(f, words, wrap_width(size))) + 0.5 for f in findings)
    rows = -(-len(legend_handles(words, set(present), graph)) // LEGEND_COLUMNS)
    legend = LEGEND_FRAME_INCHES + rows * LEGEND_ROW_INCHES
    heads = 0.25 + 0.3 + (0.3 if "site" not in present else 0.0)
    last = 1.0 if findings else 0.0  # the last entry needs a line more than its own
    return (TITLE_INCHES + legend + heads + (lines + last) * line) / 0.98 + 0.01


def draw_side(side: Any, fig: Any, doc: dict[str, Any], words: dict[str, Any],
              present: set[str], graph: bool, more: str | None = None, sink: Any = None) -> int:
    """Legend on top, then the numbered findings, wrapped to the panel's width; how many were
    listed. Those that do not fit are counted in a last line (``more``, a template with
    ``{n}`` and ``{first}``, says where they continue)."""
    from .rasterise import TextSink

    sink = sink or TextSink()
    side.set_axis_off()
    has_site = "site" in present
    legend = side.legend(handles=legend_handles(words, present, graph), loc="upper left",
                         ncol=LEGEND_COLUMNS, fontsize=9.5, frameon=True, borderaxespad=0.2,
                         handlelength=2.2, columnspacing=1.2)
    renderer = fig.canvas.get_renderer()
    panel = side.get_window_extent(renderer)
    top = side.transAxes.inverted().transform(legend.get_window_extent(renderer))[0][1]
    top -= 0.25 * fig.dpi / panel.height
    if not has_site:
        sink.text(side, 0, top, words["no_geometry"], fontsize=9, color="#b35806", va="top",
                  transform=side.transAxes)
        top -= 0.3 * fig.dpi / panel.height
    sink.text(side, 0, top, words["findings"], fontsize=12, va="top", transform=side.transAxes)
    top -= 0.3 * fig.dpi / panel.height
    findings = doc["findings"]
    if not findings:
        sink.text(side, 0, top, words["none"], fontsize=10, va="top", transform=side.transAxes)
        return 0
    size = list_font(len(findings[:MAX_LISTED]))
    line_h = size * 1.45 / 72 * fig.dpi / panel.height  # axes fraction per text line
    for number, finding in enumerate(findings, start=1):
        lines = entry_lines(finding, words, wrap_width(size))
        if number > MAX_LISTED or top - line_h * (len(lines) + 1.5) < 0:
            sink.text(side, 0.05, top, (more or words["more"]).format(n=len(findings) - number + 1,
                                                               first=number),
                      fontsize=size, va="top", transform=side.transAxes, style="italic")
            return number - 1
        colour = SEVERITY_COLOURS.get(finding["severity"], "#444444")
        sink.text(side, 0.018, top - line_h / 2, str(number), transform=side.transAxes, ha="center",
                  va="center", fontsize=size - 1.5,
                  color=SEVERITY_TEXT.get(finding["severity"], "white"),
                  bbox=dict(boxstyle="circle,pad=0.25", fc=colour, ec="black", lw=0.7))
        sink.text(side, 0.05, top, "\n".join(lines), transform=side.transAxes, va="top",
                  fontsize=size, linespacing=1.25)
        top -= line_h * (len(lines) + 0.5)
    return len(findings)


#: characters a wrapped line must not start with (禁則): they stay at the end of the line before
NO_LINE_START = frozenset("、。，．・：；？！）」』】〕〉》ー…,.:;!?)]}")
#: characters a wrapped line must not end with: they go to the start of the next line
NO_LINE_END = frozenset("「『（【〔〈《([{")
#: pieces never broken: a number with its unit, a Latin word or code, a quoted name (「…」),
#: a run of spaces; anything else is one character
_PIECE = re.compile(r"""
    (?P<quote>「[^「」\n]{1,40}」|『[^『』\n]{1,40}』)
  | \d+(?:[.,]\d+)*\s?(?:mm|cm|km|m²|m2|m|%|°)(?![A-Za-z0-9])
  | [A-Za-z0-9$#_%°²][A-Za-z0-9$#_%°².,'/+\-]*[A-Za-z0-9$#_%°²]
  | [A-Za-z0-9$#_%°²]
  | \s+
  | .
""", re.VERBOSE | re.DOTALL)


@functools.lru_cache(maxsize=None)
def _columns(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


@functools.lru_cache(maxsize=65536)
def _width(text: str) -> int:
    """Columns of ``text`` (pieces and lines recur: remembered)."""
    return sum(map(_columns, text))


def _pieces(text: str) -> list[str | list[str]]:
    """Unbreakable pieces of ``text``; a quoted name is a list of its own pieces (kept together
    when it fits, split when it must). Closing punctuation joins the piece before it, opening
    brackets the piece after."""
    out: list[str | list[str]] = []
    for m in _PIECE.finditer(text):
        if m.group("quote"):
            inner = _pieces(m.group()[1:-1])
            out.append([m.group()[0], *inner, m.group()[-1]])
        else:
            out.append(m.group())
    return _glue(out)


def _glue(pieces: list[str | list[str]]) -> list[str | list[str]]:
    glued: list[str | list[str]] = []
    carry = ""
    for piece in pieces:
        if isinstance(piece, list):
            piece = _glue(piece)  # type: ignore[assignment]
            first = piece[0] if piece else ""
            if carry:
                piece = [carry + str(first), *piece[1:]]
                carry = ""
            glued.append(piece)
            continue
        if carry and not piece.isspace():
            piece, carry = carry + piece, ""
        if piece and piece[-1] in NO_LINE_END and len(piece) == 1:
            carry = piece
            continue
        if (piece and piece[0] in NO_LINE_START and glued and not _is_space(glued[-1])):
            last = glued[-1]
            if isinstance(last, list):
                last[-1] = str(last[-1]) + piece
            else:
                glued[-1] = last + piece
            continue
        glued.append(piece)
    if carry:
        glued.append(carry)
    return glued


def _core(piece: str) -> str:
    """A piece without the closing punctuation it carries (which may hang past the edge)."""
    return piece.rstrip("".join(NO_LINE_START)) or piece


def _is_space(piece: str | list[str]) -> bool:
    return isinstance(piece, str) and piece.isspace()


def wrap(text: str, width: int) -> list[str]:
    """Wrap text to ``width`` columns (see :func:`_wrap`); the same text is wrapped once per
    width (the panel, its capacity and the continuation ask for the same findings)."""
    return list(_wrap(text, width))


@functools.lru_cache(maxsize=4096)
def _wrap(text: str, width: int) -> tuple[str, ...]:
    """Wrap text to ``width`` columns, counting CJK characters as two.

    Lines break between pieces: never inside a number and its unit ("1.4 m"), a Latin word
    or code ("DR06"), and not before closing punctuation (禁則). A quoted name 「…」 moves whole
    to the next line when the line is at least half full, else it is split. A piece wider
    than a line is cut between characters.
    """
    width = max(width, 10)
    lines: list[str] = []
    line, used = "", 0  # the line so far and its columns

    def push() -> None:
        nonlocal line, used
        if line.strip():
            lines.append(line.rstrip())
        line, used = "", 0

    def put(piece: str) -> None:
        nonlocal line, used
        if piece.isspace():
            if line:
                line, used = line + " ", used + 1
            return
        if used + _width(_core(piece)) <= width:
            line, used = line + piece, used + _width(piece)  # closing punctuation may hang
            return                                           # past the edge (ぶら下げ)
        push()
        while _width(piece) > width:  # a very long piece: cut it
            cut, taken = 0, 0
            while cut < len(piece) and taken + _columns(piece[cut]) <= width:
                taken += _columns(piece[cut])
                cut += 1
            lines.append(piece[:cut])
            piece = piece[cut:]
        line, used = piece, _width(piece)

    for piece in _pieces(text):
        if isinstance(piece, list):
            whole = "".join(piece)
            if used + _width(_core(whole)) <= width:
                line, used = line + whole, used + _width(whole)
            elif _width(whole) <= width and used * 2 >= width:
                push()
                line, used = whole, _width(whole)
            else:
                for part in piece:
                    put(part)
        else:
            put(piece)
    push()
    return tuple(lines)


def side_capacity(doc: dict[str, Any], words: dict[str, Any], present: set[str], graph: bool,
                  fig_height: float) -> int:
    """How many findings the side panel of a figure ``fig_height`` inches tall lists (the same
    arithmetic as :func:`draw_side`, with the legend's height estimated)."""
    findings = doc["findings"]
    size = list_font(len(findings[:MAX_LISTED]))
    line = size * 1.45 / 72
    rows = -(-len(legend_handles(words, set(present), graph)) // LEGEND_COLUMNS)
    room = fig_height * 0.98 - TITLE_INCHES - (LEGEND_FRAME_INCHES + rows * LEGEND_ROW_INCHES)
    room -= 0.25 + 0.3 + (0.3 if "site" not in present else 0.0)
    for number, finding in enumerate(findings, start=1):
        lines = entry_lines(finding, words, wrap_width(size))
        if number > MAX_LISTED or room - line * (len(lines) + 1.5) < 0:
            return number - 1
        room -= line * (len(lines) + 0.5)
    return len(findings)
