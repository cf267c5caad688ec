"""The Jinja2 environment of the HTML reports and the words of their interface (ja, en).

Templates, stylesheet and script live in ``report/html/``; autoescape is on. Every text a
user reads is written in both languages (``<span class="l-ja">`` / ``<span class="l-en">``);
the page shows one and a button switches. :func:`render` embeds the font subset of the
characters the rendered page uses.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape

from .html_font import font_face_css, font_stack
from .image.style import (CABINET_EDGE, DEVICE_COLOUR, DOOR_COLOUR, ENTRANCE_COLOUR, GAP_COLOURS,
                          GLAZING_COLOUR, LEVEL_COLOURS, LINE_COLOUR, MERGE_COLOUR, MERGE_TEXT,
                          OUTSIDE_COLOUR, PARTITION_COLOUR, SEVERITY_COLOURS, SEVERITY_TEXT,
                          SPLIT_COLOUR, SPLIT_TEXT, UNKNOWN_COLOUR, WALL_COLOUR, WINDOW_COLOUR)

LANGS = ("ja", "en")
HERE = Path(__file__).with_name("html")

#: the plan's colours: the same as the image's
COLOURS = {"level": LEVEL_COLOURS, "unknown": UNKNOWN_COLOUR, "outside": OUTSIDE_COLOUR,
           "severity": SEVERITY_COLOURS, "severity_text": SEVERITY_TEXT, "wall": WALL_COLOUR,
           "partition": PARTITION_COLOUR, "window": WINDOW_COLOUR, "door": DOOR_COLOUR,
           "leaf": LINE_COLOUR, "entrance": ENTRANCE_COLOUR, "gap": GAP_COLOURS,
           "device": DEVICE_COLOUR, "cabinet": CABINET_EDGE, "glazing": GLAZING_COLOUR,
           "split": SPLIT_COLOUR, "split_text": SPLIT_TEXT, "merge": MERGE_COLOUR,
           "merge_text": MERGE_TEXT}

WORDS: dict[str, dict[str, str]] = {
    "ja": {
        "report": "OSM 図面チェック結果", "diff": "現状図面と申請図面の比較",
        "findings": "指摘事項", "none": "指摘事項はありません", "error": "エラー", "warning": "警告",
        "info": "情報", "all_rules": "すべてのルール", "rule": "ルール", "severity": "重大度",
        "clause": "条項", "fix": "直し方", "fingerprint": "フィンガープリント", "at": "位置",
        "nowhere": "図面上の位置なし", "subjects": "対象", "waived": "免除", "reason": "理由",
        "by": "承認者", "date": "日付", "expires": "期限", "zoom_in": "拡大", "zoom_out": "縮小",
        "fit": "全体表示", "plan": "平面図", "legend": "凡例", "open": "オープン",
        "outside": "外部", "wall": "壁", "partition": "ローパーテーション", "window": "窓",
        "door": "扉", "entrance": "出入口", "opening": "開口部", "gap": "境界の隙間",
        "gap_partition": "隙間（仕切りのみ）", "cabinet": "保管庫・キャビネット等", "device": "出力機器",
        "drawing": "図面", "units": "単位", "sha256": "SHA-256", "tool": "ツール", "created": "作成日時",
        "repairs": "読み込み時の修復", "assumed_open": "レベルのない部屋（オープンエリアとして扱いました）",
        "regions": "領域", "doors": "扉・開口部", "shown": "表示中", "of": "件中",
        "keys": "操作: ホイールで拡大縮小、ドラッグで移動、+ − 0 と矢印キー",
        "no_geometry": "形状を構築できませんでした（領域は図面のゾーンのまま）",
        "level": "セキュリティレベル", "summary": "概要", "result_fail": "不適合（エラーあり）",
        "result_pass": "エラーなし", "lang_name": "日本語",
        "changes": "相違点", "no_changes": "相違はありません", "serious": "要確認",
        "asis": "現状図面", "application": "申請図面", "only_a": "現状図面のみ",
        "only_b": "申請図面のみ", "both": "両方", "alignment": "位置合わせ",
        "new": "新規", "resolved": "解消", "persisting": "継続", "finding_changes": "指摘の増減",
        "all_groups": "すべての種類", "group": "種類", "changed_level": "レベルが変わった領域",
        "added_region": "追加された領域", "removed_region": "なくなった領域",
        "not_placed": "部屋に配置されなかった要素",
        "split": "分割（隙間の出入口で部屋を分けた箇所）", "split_tag": "✂ 分割",
        "merged": "統合?（室名が複数ある部屋）", "merged_name": "＋{name}（統合?）",
        "glazing": "ガラス面として閉じた外周の隙間",
    },
    "en": {
        "report": "OSM drawing check", "diff": "As-is drawing vs application drawing",
        "findings": "Findings", "none": "No findings", "error": "Error", "warning": "Warning",
        "info": "Info", "all_rules": "All rules", "rule": "Rule", "severity": "Severity",
        "clause": "Clause", "fix": "How to fix", "fingerprint": "Fingerprint", "at": "Position",
        "nowhere": "no position on the plan", "subjects": "About", "waived": "Waived",
        "reason": "Reason", "by": "By", "date": "Date", "expires": "Expires", "zoom_in": "Zoom in",
        "zoom_out": "Zoom out", "fit": "Fit", "plan": "Plan", "legend": "Legend", "open": "Open",
        "outside": "Outside", "wall": "Wall", "partition": "Low partition", "window": "Window",
        "door": "Door", "entrance": "Entrance", "opening": "Opening", "gap": "Boundary gap",
        "gap_partition": "Partition-only gap", "cabinet": "Cabinet", "device": "Output device",
        "drawing": "Drawing", "units": "Units", "sha256": "SHA-256", "tool": "Tool",
        "created": "Created", "repairs": "Repairs made while reading",
        "assumed_open": "Rooms without a level (taken as open area)", "regions": "Regions",
        "doors": "Doors and openings", "shown": "shown", "of": "of",
        "keys": "Wheel to zoom, drag to pan, keys + − 0 and arrows",
        "no_geometry": "geometry could not be built (zones shown as drawn)",
        "level": "Security level", "summary": "Summary", "result_fail": "Fails (errors found)",
        "result_pass": "No errors", "lang_name": "English",
        "changes": "Differences", "no_changes": "No differences", "serious": "check first",
        "asis": "As-is", "application": "Application", "only_a": "Only in the as-is drawing",
        "only_b": "Only in the application drawing", "both": "In both", "alignment": "Alignment",
        "new": "new", "resolved": "resolved", "persisting": "persisting",
        "finding_changes": "Findings new or resolved", "all_groups": "All kinds", "group": "Kind",
        "changed_level": "Region whose level changed", "added_region": "Region added",
        "removed_region": "Region removed", "not_placed": "Not placed in any room",
        "split": "Split (rooms cut at a doorway drawn as a gap)", "split_tag": "✂ split",
        "merged": "Merged? (a room holding several room names)", "merged_name": "＋{name} (merged?)",
        "glazing": "Façade gap closed as glass",
    },
}


def both(ja: Any, en: Any, tag: str = "span") -> Markup:
    """The same thing in both languages, one shown at a time."""
    return Markup(f'<{tag} class="l-ja" lang="ja">{escape(ja)}</{tag}>'
                  f'<{tag} class="l-en" lang="en">{escape(en)}</{tag}>')


def word(key: str, tag: str = "span") -> Markup:
    """A word of the interface in both languages."""
    return both(WORDS["ja"][key], WORDS["en"][key], tag)


@functools.lru_cache(maxsize=1)
def environment() -> Any:
    import jinja2

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(HERE)), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True,
                             undefined=jinja2.StrictUndefined)
    env.globals.update(both=both, word=word, words=WORDS, font_stack=Markup(font_stack()),
                       colours=COLOURS)
    env.globals["asset"] = lambda name: Markup((HERE / name).read_text(encoding="utf-8"))
    return env


def render(template: str, embed_font: bool = True, **context: Any) -> str:
    """Render a template of ``report/html/``; with ``embed_font`` the font subset of the
    characters on the page goes into its first ``<style>``."""
    tpl = environment().get_template(template)
    page = tpl.render(font_face="", **context)
    if not embed_font:
        return page
    face = font_face_css(page)
    return tpl.render(font_face=Markup(face), **context) if face else page
