"""Colours, sizes and words of the plan image (shared by its drawing modules)."""

from __future__ import annotations

SUFFIXES = {".png": "png", ".svg": "svg", ".pdf": "pdf"}
#: ColorBrewer YlGnBu, light to dark: readable with the common colour-vision deficiencies
LEVEL_COLOURS = {0: "#f4fbc0", 1: "#abdeb7", 2: "#33a7c2", 3: "#234da0"}
OUTSIDE_COLOUR = "#e4e4e4"
UNKNOWN_COLOUR = "#c8c8c8"
SEVERITY_COLOURS = {"error": "#d7301f", "warning": "#fe9929", "info": "#bdbdbd"}
#: number colour on each marker, for contrast
SEVERITY_TEXT = {"error": "white", "warning": "black", "info": "black"}
ENTRANCE_COLOUR = "#e7298a"
DOOR_COLOUR = "#303030"
#: door leaves and swings
LINE_COLOUR = "#8a8a8a"
#: walls: dark enough to read over the fills, thinner than the region outlines
WALL_COLOUR = "#2b2b2b"
#: low partitions (ローパーテーション): dashed and lighter than walls
PARTITION_COLOUR = "#4d4d4d"
PARTITION_DASHES = (0, (4.0, 2.0))
#: windows: a light blue band with a white core (reads as a double line)
WINDOW_COLOUR = "#4f9fd6"
#: output devices (copier, printer, FAX, MFP)
DEVICE_COLOUR = "#a63603"
#: cabinets: their level's fill, hatched, with a dark edge
CABINET_EDGE = "#1a1a1a"
CABINET_HATCH = "////"
#: open stretches of a boundary (ENC001/ENC002) and stretches closed only by partitions
GAP_COLOURS = {"open": "#e31a1c", "partition-only": "#ff8c00"}
GAP_DASHES = (0, (2.5, 1.2))
GRAPH_COLOUR = "#5a1d6e"
#: rooms found from walls: a cut across a doorway drawn as a gap (a broad violet band under
#: the opening's dashes, with a ✂ tag) …
SPLIT_COLOUR = "#9b6fd1"
SPLIT_WIDTH = 8.0
SPLIT_TEXT = "#5e3c99"
#: … a room holding another room's name, outlined inside in the warning colour, the other
#: name in it in dark orange …
MERGE_COLOUR = SEVERITY_COLOURS["warning"]
MERGE_TEXT = "#a63603"
#: … and a façade gap closed as glazing: a light glass line
GLAZING_COLOUR = "#9ed3ee"
FILL_ALPHA = 0.8
DPI = 150
FIG_WIDTH = 16.0  # inches: plan panel plus findings panel
MIN_HEIGHT, MAX_HEIGHT = 7.0, 16.0  # inches
TITLE_INCHES = 0.8
PLAN_FRACTION = 0.66
MAX_LISTED = 60
#: the frame used when the plan has nothing to draw
EMPTY_BOUNDS = (0.0, 0.0, 2.0, 1.0)

WORDS = {
    "ja": {
        "levels": ["オープン", "レベル1", "レベル2", "レベル3"], "outside": "外部",
        "door": "扉", "entrance": "出入口", "opening": "開口部", "unknown": "レベル不明",
        "error": "エラー", "warning": "警告", "info": "情報", "findings": "指摘事項",
        "none": "指摘事項はありません", "nowhere": "位置なし", "more": "ほか {n} 件", "waived": "免除",
        "graph": "アクセスグラフ", "outside_node": "外部",
        "empty": "図面に表示できる要素(壁・ゾーン・扉)がありません",
        "no_geometry": "形状を構築できませんでした(領域は図面のゾーンのまま)",
        "wall": "壁", "partition": "ローパーテーション", "window": "窓",
        "device": "出力機器", "cabinet": "保管庫",
        "devices": {"COPIER": "コピー機", "PRINTER": "プリンタ", "FAX": "FAX", "MFP": "複合機",
                    "DEVICE": "出力機器"},
        "gap": "境界の隙間", "gap_partition": "隙間(仕切りのみ)",
        "split": "分割(隙間の出入口)", "split_tag": "✂ 分割", "merged": "統合?(室名が複数)",
        "merged_name": "＋{name}（統合?）", "glazing": "ガラス面で閉じた外周",
        "more_below": "ほか {n} 件(No. {first} から)は下の一覧に続きます",
        "more_next": "ほか {n} 件(No. {first} から)は次のページに続きます",
        "continued": "指摘事項(続き) No. {first}–{last}",
        "more_elsewhere": "ほか {n} 件(No. {first} から)は JSON・HTML レポートに全件あります",
    },
    "en": {
        "levels": ["Open", "Level 1", "Level 2", "Level 3"], "outside": "Outside",
        "door": "Door", "entrance": "Entrance", "opening": "Opening", "unknown": "Level unknown",
        "error": "Error", "warning": "Warning", "info": "Info", "findings": "Findings",
        "none": "No findings", "nowhere": "no position", "more": "{n} more", "waived": "waived",
        "graph": "Access graph", "outside_node": "OUTSIDE",
        "empty": "nothing to draw: no walls, zones or doors were read",
        "no_geometry": "geometry could not be built (zones shown as drawn)",
        "wall": "Wall", "partition": "Low partition", "window": "Window",
        "device": "Output device", "cabinet": "Cabinet",
        "devices": {"COPIER": "Copier", "PRINTER": "Printer", "FAX": "FAX", "MFP": "MFP",
                    "DEVICE": "Device"},
        "gap": "Boundary gap", "gap_partition": "Partition-only gap",
        "split": "Split at a doorway gap", "split_tag": "✂ split", "merged": "Merged? (two names)",
        "merged_name": "＋{name} (merged?)", "glazing": "Façade closed as glass",
        "more_below": "{n} more (from No. {first}): continued below",
        "more_next": "{n} more (from No. {first}): continued on the next page",
        "continued": "Findings (continued) No. {first}–{last}",
        "more_elsewhere": "{n} more (from No. {first}): all are in the JSON and HTML reports",
    },
}


def plan_axes(ax, bounds: tuple[float, float, float, float]) -> None:  # type: ignore[no-untyped-def]
    """A plan's axes: equal aspect, pinned to the top, the given bounds, no ticks or frame."""
    ax.set_aspect("equal", adjustable="box")
    ax.set_anchor("N")
    ax.set_xlim(bounds[0], bounds[2])
    ax.set_ylim(bounds[1], bounds[3])
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_visible(False)
