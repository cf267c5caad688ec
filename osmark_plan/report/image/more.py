"""Findings the side panel has no room for: a continuation list in columns under the plan
(PNG, SVG) or on further pages (PDF), each with its number, so a large floor's image lists
every finding, not only "ほか 37 件".

Drawn in an axes whose data coordinates are inches (x from the left, y from the top down),
with the same entries (number circle, wrapped text) as the side panel.
"""

from __future__ import annotations

from typing import Any, Sequence

from .panel import entry_lines, wrap_width
from .style import FIG_WIDTH, SEVERITY_COLOURS, SEVERITY_TEXT

COLUMNS = 3
#: PNG/SVG: the continuation grows to at most this many inches; what is left is counted
MAX_INCHES = 60.0
#: inches for the heading of a continuation block
HEAD_INCHES = 0.45
#: the continuation's font: the side panel's smaller size
FONT = 8.0

#: (number, finding, wrapped lines)
Block = tuple[int, dict[str, Any], list[str]]


def blocks(doc: dict[str, Any], words: dict[str, Any], first: int) -> list[Block]:
    """The findings from number ``first`` on, wrapped for a continuation column."""
    width = wrap_width(FONT)
    return [(n, f, entry_lines(f, words, width))
            for n, f in enumerate(doc["findings"], start=1) if n >= first]


def _line() -> float:
    return FONT * 1.45 / 72


def _inches(block: Block) -> float:
    return (len(block[2]) + 0.5) * _line()


def height(items: Sequence[Block]) -> float:
    """Inches a continuation of ``items`` in COLUMNS balanced columns needs (at most MAX_INCHES)."""
    if not items:
        return 0.0
    total = sum(_inches(b) for b in items)
    tallest = max(_inches(b) for b in items)
    return min(HEAD_INCHES + total / COLUMNS + 2 * tallest + 0.2, MAX_INCHES)


def columns(items: Sequence[Block], room: float) -> tuple[list[list[Block]], int]:
    """Items laid out column after column in ``room`` inches each; the columns and how many
    items they hold."""
    cols: list[list[Block]] = [[] for _ in range(COLUMNS)]
    col, used, placed = 0, 0.0, 0
    for b in items:
        need = _inches(b)
        if used + need > room and cols[col]:
            col, used = col + 1, 0.0
            if col == COLUMNS:
                break
        cols[col].append(b)
        used += need
        placed += 1
    return cols, placed


def draw(fig: Any, rect: tuple[float, float, float, float], items: Sequence[Block],
         words: dict[str, Any], final: bool = True, sink: Any = None) -> int:
    """Draw ``items`` in columns inside ``rect`` (figure fractions); how many were drawn.

    With ``final``, items that do not fit are counted in a last line (the JSON and HTML
    reports list them all).
    """
    from .rasterise import TextSink

    if not items:
        return 0
    sink = sink or TextSink()
    ax = fig.add_axes(rect)
    ax.set_axis_off()
    w_in = rect[2] * fig.get_figwidth()
    h_in = rect[3] * fig.get_figheight()
    ax.set_xlim(0, w_in)
    ax.set_ylim(h_in, 0)
    first, last = items[0][0], items[-1][0]
    cols, placed = columns(items, h_in - HEAD_INCHES - (2 * _line() if final else 0.0))
    shown_last = items[placed - 1][0] if placed else first - 1
    sink.text(ax, 0, 0.05, words["continued"].format(first=first, last=shown_last), fontsize=11,
            va="top", ha="left")
    col_w = w_in / COLUMNS
    for c, col in enumerate(cols):
        y = HEAD_INCHES
        for number, finding, lines in col:
            x = c * col_w
            colour = SEVERITY_COLOURS.get(finding["severity"], "#444444")
            sink.text(ax, x + 0.1, y + _line() / 2, str(number), ha="center", va="center",
                    fontsize=FONT - 1.5, color=SEVERITY_TEXT.get(finding["severity"], "white"),
                    bbox=dict(boxstyle="circle,pad=0.25", fc=colour, ec="black", lw=0.7))
            sink.text(ax, x + 0.28, y, "\n".join(lines), va="top", ha="left", fontsize=FONT,
                    linespacing=1.25)
            y += _inches((number, finding, lines))
    left = len(items) - placed
    if left and final:
        sink.text(ax, 0, h_in - 0.05, words["more_elsewhere"].format(n=left, first=last - left + 1),
                fontsize=FONT + 1, va="bottom", ha="left", style="italic")
    return placed


def page_figures(items: Sequence[Block], words: dict[str, Any], page_height: float,
                 dpi: int) -> list[Any]:
    """PDF: further pages (figures) listing ``items``, as many as they need."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    pages = []
    rest = list(items)
    while rest:
        fig = Figure(figsize=(FIG_WIDTH, page_height), dpi=dpi, facecolor="white")
        FigureCanvasAgg(fig)
        drawn = draw(fig, (0.01, 0.02, 0.98, 0.96), rest, words, final=False)
        pages.append(fig)
        rest = rest[max(drawn, 1):]
    return pages
