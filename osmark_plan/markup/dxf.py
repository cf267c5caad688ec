"""The findings written back into a copy of the drawing (``--dxf PATH``).

The copy is the checked file as ezdxf reads it (same decoding as the reader), saved under a new
name with two added layers; nothing else is changed and the input is never written:

- ``OSM-FINDINGS``: per finding a numbered marker (circle and number, the number of every other
  format), a revision cloud round its extent, and its text (number, severity, rule, clause,
  message in the --lang language, fingerprint; waived findings say so, in green); findings
  without a position are listed below the plan;
- ``OSM-LEVELS``: every region hatched by its level (open: dots, level 1: single diagonal,
  level 2: cross, level 3: triangles; each in its own colour) with a level tag at its centre.

Coordinates are the drawing's own: model metres divided by ``Plan.scale`` (the reader only
scales, it never moves or rotates the drawing). Text uses the text style ``OSM-JP`` (MS Gothic,
which AutoCAD on Japanese Windows has; Jw_cad uses its own font). DXF R12 files (Jw_cad's
usual export) have no MTEXT or HATCH: there the text is TEXT lines and the hatch is drawn as
lines clipped to each region.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import numpy as np
import shapely
from ezdxf.document import Drawing
from ezdxf.enums import TextEntityAlignment

from ..findings import Report
from ..output import OutputError, atomic_path, refuse_inputs
from ..report.document import report_document
from .shapes import LINE_PATTERNS, cloud, hatch_lines
from ..messages import say

FINDINGS_LAYER = "OSM-FINDINGS"
LEVELS_LAYER = "OSM-LEVELS"
STYLE = "OSM-JP"
FONT = "msgothic.ttc"
#: AutoCAD colour index of each severity; waived findings are green
SEVERITY_ACI = {"error": 1, "warning": 30, "info": 8}
WAIVED_ACI = 3
#: level -> (hatch pattern, AutoCAD colour index, true colour of the image's palette)
LEVEL_HATCH = {0: ("DOTS", 2, 0xC8D45A), 1: ("ANSI31", 3, 0x4DAF4A),
               2: ("ANSI37", 4, 0x33A7C2), 3: ("NET3", 5, 0x234DA0)}
#: characters per TEXT line in R12 copies
WRAP_CHARS = 48
#: metres between hatch lines (for the pattern scale)
HATCH_SPACING_M = 0.5
WORDS = {
    "ja": {"levels": ["オープンエリア", "セキュリティレベル1", "セキュリティレベル2", "セキュリティレベル3"],
           "error": "エラー", "warning": "警告", "info": "情報", "waived": "免除",
           "nowhere": "位置のない指摘"},
    "en": {"levels": ["Open area", "Security level 1", "Security level 2", "Security level 3"],
           "error": "ERROR", "warning": "WARNING", "info": "INFO", "waived": "waived",
           "nowhere": "Findings without a position"},
}


def check_target(path: str | Path, inputs: tuple[str | Path, ...]) -> None:
    """Raise :class:`OutputError` for a --dxf path that is an input or does not end in .dxf."""
    refuse_inputs(path, inputs)
    if Path(path).suffix.lower() != ".dxf":
        raise OutputError(say(f"{path}: the marked-up copy must end in .dxf", f"{path}: 指摘を書き込んだ写しのファイル名は .dxf で終えてください"))


def write_markup(report: Report, path: str | Path, lang: str = "ja") -> Path:
    """Write the marked-up copy of the report's drawing to ``path`` (atomically)."""
    from ..gc_pause import gc_paused
    from ..reader.kept import take
    from ..reader.load import load

    source = report.plan.path
    check_target(path, (source,))
    with gc_paused():  # loading and saving build many objects and few cycles (as in the reader)
        # the check's own document when it read the whole file (osmark check --dxf), else a load
        loaded = take(source, report.plan.sha256) or load(source)
        if report.plan.sha256 and loaded.sha256 != report.plan.sha256:
            raise OutputError(say(f"{source}: the drawing changed after it was checked; check it again", f"{source}: 検査の後に図面が変わりました。もう一度検査してください"))
        doc = loaded.doc
        mark_up(doc, report, lang)
        if doc.dxfversion < "AC1021" and (lang == "ja" or _japanese(report)):
            # before R2007 text is in the code page: Japanese (Shift-JIS) for Japanese text, so
            # AutoCAD and Jw_cad show it as text rather than \U+ escapes
            doc.encoding = "cp932"
        with atomic_path(path, inputs=(source,)) as tmp:
            doc.saveas(tmp)
    return Path(path)


def _ring(ring: Any) -> list[tuple[float, float]]:
    """A closed ring's vertices without the repeated last one."""
    return [tuple(p) for p in shapely.get_coordinates(ring)[:-1].tolist()]


def _japanese(report: Report) -> bool:
    """Whether the plan's names hold Japanese (kana or kanji)."""
    names = [z.name or "" for z in report.plan.zones] + [label.text for label in report.plan.labels[:200]]
    return any("\u3040" <= ch <= "\u9fff" for name in names for ch in name)


def mark_up(doc: Drawing, report: Report, lang: str = "ja") -> None:
    """Add the OSM-FINDINGS and OSM-LEVELS layers (replacing earlier markup) to ``doc``."""
    words = WORDS.get(lang, WORDS["en"])
    msp = doc.modelspace()
    ours = {FINDINGS_LAYER.upper(), LEVELS_LAYER.upper()}
    for entity in [e for e in msp if e.dxf.get("layer", "0").upper() in ours]:  # earlier markup
        msp.delete_entity(entity)
    for name, colour in ((FINDINGS_LAYER, 1), (LEVELS_LAYER, 8)):
        if name not in doc.layers:
            doc.layers.add(name, color=colour)
    if STYLE not in doc.styles:
        doc.styles.add(STYLE, font=FONT)
    modern = doc.dxfversion > "AC1009"
    scale = report.plan.scale or 1.0
    size = marker_size(report) / scale
    if report.site is not None:
        _levels(msp, report, words, modern, size)
    _findings(msp, report_document(report, lang), words, modern, size, report)


def marker_size(report: Report) -> float:
    """Marker radius in metres: 0.6 % of the plan's diagonal, between 0.3 m and 1.5 m."""
    geoms = [z.polygon for z in report.plan.zones] + [line.geom for line in report.plan.lines]
    if not geoms:
        return 0.5
    x0, y0, x1, y1 = shapely.total_bounds(geoms)
    return min(1.5, max(0.3, 0.006 * math.hypot(x1 - x0, y1 - y0)))


def _levels(msp: Any, report: Report, words: dict[str, Any], modern: bool, size: float) -> None:
    scale = report.plan.scale or 1.0
    regions = [r for r in report.site.regions if r.level in LEVEL_HATCH]
    # to drawing units, and a point inside each region for its tag: one vectorised call each
    geoms = shapely.transform(np.array([r.polygon for r in regions], dtype=object), lambda c: c / scale)
    tags = shapely.get_coordinates(shapely.point_on_surface(geoms)) if regions else []
    for region, geom, point in zip(regions, geoms, tags):
        level = region.level
        pattern, aci, rgb = LEVEL_HATCH[level]
        attribs = {"layer": LEVELS_LAYER, "color": aci}
        if modern:
            hatch = msp.add_hatch(color=aci, dxfattribs={"layer": LEVELS_LAYER})
            hatch.rgb = ((rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255)
            hatch.set_pattern_fill(pattern, color=aci, scale=HATCH_SPACING_M / scale / 2.245)
            for poly in getattr(geom, "geoms", [geom]):
                hatch.paths.add_polyline_path(_ring(poly.exterior), is_closed=True, flags=1)
                for hole in poly.interiors:
                    hatch.paths.add_polyline_path(_ring(hole), is_closed=True, flags=0)
        elif level in LINE_PATTERNS:
            angles, spacing = LINE_PATTERNS[level]
            for pts in hatch_lines(geom, angles, spacing / scale):
                msp.add_polyline2d([tuple(p) for p in pts], dxfattribs=attribs)
        tag = words["levels"][level] + (f" {region.name}" if region.name else "")
        _text(msp, tag, (float(point[0]), float(point[1])), size * 0.7, attribs, modern, center=True)


def _findings(msp: Any, doc: dict[str, Any], words: dict[str, Any], modern: bool, size: float,
              report: Report) -> None:
    nowhere: list[str] = []
    taken: set[tuple[int, int]] = set()
    for f in doc["findings"]:
        waived = f.get("waived")
        aci = WAIVED_ACI if waived else SEVERITY_ACI.get(f["severity"], 1)
        attribs = {"layer": FINDINGS_LAYER, "color": aci}
        text = finding_text(f, words)
        if not f.get("at"):
            nowhere.append(text)
            continue
        x, y = free_spot(f["at"], size, taken)
        msp.add_circle((x, y), size, dxfattribs=attribs)
        _text(msp, str(f["number"]), (x, y), size * 1.1, attribs, modern, center=True)
        if f.get("bbox"):
            points, bulge = cloud(tuple(f["bbox"]), size, 2.5 * size)
            if modern:
                msp.add_lwpolyline([(px, py, 0, 0, bulge) for px, py in points], format="xyseb",
                                   close=True, dxfattribs=attribs)
            else:
                pl = msp.add_polyline2d([(px, py) for px, py in points], close=True, dxfattribs=attribs)
                for vertex in pl.vertices:
                    vertex.dxf.bulge = bulge
        _text(msp, text, (x + 1.4 * size, y + size), size * 0.6, attribs, modern, width=40 * size)
    if nowhere:
        x0, y0, _, _ = _extent(report)
        _text(msp, "\n".join([words["nowhere"], *nowhere]), (x0, y0 - 3 * size), size * 0.6,
              {"layer": FINDINGS_LAYER, "color": 1}, modern, width=80 * size)


def free_spot(at: list[float], size: float, taken: set[tuple[int, int]]) -> tuple[float, float]:
    """The marker position nearest above ``at`` not yet taken by another marker (a grid of cells
    of 5 marker radii, room for a finding's text: findings at one spot get stacked markers)."""
    cell = 5 * size
    x, y = at
    i, j = round(x / cell), round(y / cell)
    while (i, j) in taken:
        j += 1
    taken.add((i, j))
    return (x, y + (j - round(y / cell)) * cell)


def finding_text(f: dict[str, Any], words: dict[str, Any]) -> str:
    """"3. エラー ACC001 [4.6.3 細則(1)a]", the message, the fingerprint (and the waiver)."""
    head = f"{f['number']}. {words.get(f['severity'], f['severity'])} {f['rule']} {f['name']}"
    if f.get("clause"):
        head += f" [{f['clause']}]"
    lines = [head, f["message"], f"#{f['fingerprint']}"]
    if f.get("waived"):
        w = f["waived"]
        lines.append(f"{words['waived']}: {w['reason']} ({w['by']}, {w['date']})")
    return "\n".join(lines)


def _extent(report: Report) -> tuple[float, float, float, float]:
    scale = report.plan.scale or 1.0
    geoms = [z.polygon for z in report.plan.zones] + [line.geom for line in report.plan.lines]
    if not geoms:
        return (0.0, 0.0, 0.0, 0.0)
    return tuple(float(v) / scale for v in shapely.total_bounds(geoms))  # type: ignore[return-value]


def _text(msp: Any, text: str, at: tuple[float, float], height: float, attribs: dict[str, Any],
          modern: bool, center: bool = False, width: float | None = None) -> None:
    """MTEXT (R2000+) or TEXT lines (R12) in the OSM-JP style."""
    attribs = {**attribs, "style": STYLE}
    if modern and not center:
        mtext = msp.add_mtext(_mtext_escape(text).replace("\n", "\\P"),
                              dxfattribs={**attribs, "char_height": height})
        mtext.set_location(at, attachment_point=1)
        if width:
            mtext.dxf.width = width
        return
    lines = [chunk for line in text.split("\n") for chunk in _wrap(line, WRAP_CHARS)] if not center \
        else text.split("\n")
    for i, line in enumerate(lines):
        entity = msp.add_text(line, height=height, dxfattribs=attribs)
        if center and len(lines) == 1:
            entity.set_placement(at, align=TextEntityAlignment.MIDDLE_CENTER)
        else:
            entity.set_placement((at[0], at[1] - (i + 1) * height * 1.5), align=TextEntityAlignment.LEFT)


def _wrap(line: str, width: int) -> list[str]:
    """A TEXT line cut every ``width`` characters (R12 has no wrapping MTEXT)."""
    return [line[i:i + width] for i in range(0, len(line), width)] or [""]


def _mtext_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}")
