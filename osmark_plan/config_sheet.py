"""The part of a sheet to check: ``[sheet]`` in osmark.toml and ``--region`` on the command line.

A sheet may hold several plans (floor plan, framing plan, elevations); the user picks one by a box
in drawing units or by the plan's title text. See :mod:`osmark_plan.reader.sheet`.
"""

from __future__ import annotations

import re
from typing import Any

from .config_error import ConfigError
from .messages import say


def parse_region(value: str, where: str = "--region") -> tuple[tuple[float, float, float, float] | None, str | None]:
    """``--region``: four numbers "x0,y0,x1,y1" (a box in drawing units), else the name of a
    frame or title text. Returns (box, None) or (None, name)."""
    text = value.strip()
    parts = [p for p in re.split(r"[,\s]+", text) if p]
    if len(parts) == 4:
        try:
            return _box([float(p) for p in parts], where), None
        except ValueError:
            pass
    if not text:
        raise ConfigError(say(f"{where}: give a box x0,y0,x1,y1 (drawing units) or the title of a plan",
                              f"{where}: 範囲 x0,y0,x1,y1（図面の単位）か図面の表題を指定してください"))
    return None, text


def _box(values: list[float], where: str) -> tuple[float, float, float, float]:
    import math

    if len(values) != 4 or not all(math.isfinite(v) for v in values):
        raise ConfigError(say(f"{where}: a region is four numbers x0, y0, x1, y1 (drawing units)",
                              f"{where}: 範囲は 4 つの数 x0, y0, x1, y1（図面の単位）で指定してください"))
    x0, y0, x1, y1 = values
    if x0 == x1 or y0 == y1:
        raise ConfigError(say(f"{where}: the region {values} has no area", f"{where}: 範囲 {values} に面積がありません"))
    return (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))


def parse_sheet_table(table: Any, where: str) -> tuple[tuple[float, float, float, float] | None, str | None]:
    """``[sheet]``: ``region = [x0, y0, x1, y1]`` (drawing units) or ``frame = "1階平面図"``."""
    if not table:
        return None, None
    unknown = sorted(set(table) - {"region", "frame"})
    if unknown:
        raise ConfigError(say(f"{where}: [sheet] unknown setting(s): {', '.join(unknown)}; settings: region, frame",
                              f"{where}: [sheet] 不明な設定項目です: {', '.join(unknown)}（使える項目: region, frame）"))
    if "region" in table and "frame" in table:
        raise ConfigError(say(f"{where}: [sheet] give region or frame, not both",
                              f"{where}: [sheet] region と frame はどちらか一方だけ指定してください"))
    if "region" in table:
        value = table["region"]
        if (not isinstance(value, list) or len(value) != 4
                or not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value)):
            raise ConfigError(say(f"{where}: [sheet] region must be [x0, y0, x1, y1] in drawing units",
                                  f"{where}: [sheet] region は図面の単位で [x0, y0, x1, y1] と指定してください"))
        return _box([float(v) for v in value], f"{where}: [sheet] region"), None
    frame = table.get("frame")
    if not isinstance(frame, str) or not frame.strip():
        raise ConfigError(say(f"{where}: [sheet] frame must be the title text of the plan (e.g. \"1階平面図\")",
                              f"{where}: [sheet] frame には図面の表題（例: \"1階平面図\"）を指定してください"))
    return None, frame.strip()
