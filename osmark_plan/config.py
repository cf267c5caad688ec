"""Configuration: ``osmark.toml`` (or ``[tool.osmark]`` in pyproject.toml).

Holds layer patterns, rule options, select/ignore, per-rule severity, units and the zone and
cabinet tables. Found beside the drawing or in a parent folder; ``--config`` wins.

Example::

    units = "mm"
    select = ["ENC", "ACC"]
    ignore = ["ACC003"]
    lang = "ja"

    [layers]            # kind = regex (case-insensitive, matched after normalisation)
    wall = "^(KABE|WALL).*$"

    [severity]
    ACC003 = "error"

    [rules.ENC001]      # or [rules.zone-enclosure]
    min_gap = 0.2

    [zones]             # room name (or glob pattern) -> level
    "サーバー室" = 3
    "会議室*" = 1
    "受付" = "open"
    "共用廊下" = "outside"  # drawn, but not part of the application area

    [cabinets]
    "金庫" = 3
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Mapping

from .config_error import ConfigError
from .messages import exc_message, say
from .limits import LimitError, Limits, parse_limits
from .user_regex import PatternError, UserPattern, user_pattern

#: Default layer patterns, in match order (DRAWINGS.md). The first kind that matches wins.
DEFAULT_LAYER_PATTERNS: dict[str, str] = {
    "application_area": r"^(APPLICATION[-_ ]?AREA.*|OSM[-_ ]?AREA.*|申請エリア.*)$",
    "zone": r"^(ZONE.*|A-AREA(?!-IDEN).*|.*セキュリティ.*|.*ゾーン.*)$",
    "partition": r"^(PARTITION.*|A-WALL-PRHT.*|A-FURN-SYST.*|.*パーティション.*|.*ローパーテ.*)$",
    "wall": r"^(WALLS?\b.*|A-WALL(?!-PRHT).*|壁.*|躯体.*|間仕切壁.*)$",
    "door": r"^(DOOR.*|A-DOOR.*|建具.*|ドア.*|扉.*)$",
    "window": r"^(WINDOW.*|A-GLAZ.*|窓.*)$",
    "cabinet": r"^(CABINET.*|A-FURN-FILE.*|A-FLOR-CASE.*|.*保管庫.*|.*キャビネット.*|.*金庫.*)$",
    "device": r"^(DEVICE.*|A-EQPM.*|.*複合機.*|.*コピー.*|.*プリンタ.*|.*FAX.*|.*ファクス.*)$",
    "label": r"^(ROOM[-_ ]?NAME.*|A-AREA-IDEN.*|室名.*)$",
    "aisle": r"^(AISLE.*|通路.*)$",
    "asset": r"^(ASSET.*|保護資産.*|資産.*)$",
}

#: Built-in layer-pattern profiles for common naming schemes. A profile's patterns come after the
#: user's own [layers] patterns; kinds a profile does not name keep the default pattern.
PROFILES: dict[str, dict[str, str]] = {
    "default": DEFAULT_LAYER_PATTERNS,
    # US National CAD Standard (AIA layer guidelines): discipline-major-minor names
    "aia": {
        "application_area": r"^(A-AREA-APPL.*|APPLICATION[-_ ]?AREA.*|OSM[-_ ]?AREA.*)$",
        "label": r"^(A-AREA-IDEN.*|A-ANNO-ROOM.*|A-FLOR-IDEN.*|I-AREA-IDEN.*)$",
        "zone": r"^(A-AREA(?!-IDEN|-APPL|-CIRC|-ASET).*|I-AREA(?!-IDEN).*|ZONE.*)$",
        "partition": r"^(A-WALL-PRHT.*|A-FURN-SYST.*|A-FURN-PNLS.*|I-FURN-PNLS.*|I-WALL-PRHT.*)$",
        "window": r"^(A-GLAZ.*|A-WIND.*|A-WALL-GLAZ.*|I-GLAZ.*)$",
        "wall": r"^(A-WALL(?!-PRHT|-GLAZ).*|I-WALL(?!-PRHT).*|S-WALL.*|A-COLS.*|S-COLS.*)$",
        "door": r"^(A-DOOR.*|I-DOOR.*|A-FLOR-DOOR.*)$",
        "cabinet": r"^(A-FURN-FILE.*|A-FURN-STOR.*|A-FLOR-CASE.*|I-FURN-FILE.*|I-FURN-STOR.*)$",
        "device": r"^(A-EQPM.*|I-EQPM.*|T-EQPM.*|E-EQPM.*)$",
        "aisle": r"^(A-AREA-CIRC.*|A-FLOR-PATH.*|AISLE.*)$",
        "asset": r"^(A-AREA-ASET.*|ASSET.*)$",
    },
    # Jw_cad and Japanese practice; group prefixes such as _0-3_ are stripped before matching
    "jww": {
        "application_area": r"^(申請エリア.*|申請範囲.*|OSM.*)$",
        "zone": r"^(.*セキュリティ.*|.*ゾーン.*|区画.*)$",
        "label": r"^(室名.*|部屋名.*|文字.*)$",
        "partition": r"^(.*パーティション.*|.*パーテーション.*|.*ローパーテ.*|衝立.*)$",
        "window": r"^(窓.*|サッシ.*|ガラス.*)$",
        "wall": r"^(壁.*|外壁.*|内壁.*|躯体.*|間仕切.*|柱.*|RC.*|ALC.*|構造.*)$",
        "door": r"^(建具.*|ドア.*|扉.*|開口.*)$",
        "cabinet": r"^(.*保管庫.*|.*キャビネット.*|.*金庫.*|.*書庫.*)$",
        "device": r"^(.*複合機.*|.*コピー.*|.*プリンタ.*|.*FAX.*|.*ファクス.*|OA機器.*)$",
        "aisle": r"^(通路.*)$",
        "asset": r"^(保護資産.*|資産.*)$",
    },
}

#: Geometry tolerances (metres), settable in a [geometry] table; ENC001's options override.
GEOMETRY_DEFAULTS: dict[str, float] = {"wall_tolerance": 0.15, "min_gap": 0.10, "min_passage_width": 0.6}
#: [geometry] settings used only when rooms are found from walls, with their defaults:
#: snap_tolerance: wall end points this close (m) are bridged, each bridge reported as a repair.
ROOM_GEOMETRY_DEFAULTS: dict[str, float] = {"snap_tolerance": 0.05}

SEVERITIES = ("error", "warning", "info")
UNITS = ("mm", "cm", "m", "in")
LANGS = ("ja", "en")


@dataclass(frozen=True)
class Config:
    """Everything a user can set. Immutable; use :func:`dataclasses.replace` to derive."""

    #: kind -> regex; the user's patterns are tried before the defaults of other kinds
    layers: Mapping[str, str] = field(default_factory=lambda: dict(DEFAULT_LAYER_PATTERNS))
    units: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    #: rule code -> "error" | "warning" | "info"
    severity: Mapping[str, str] = field(default_factory=dict)
    #: rule code -> {option: value}
    rule_options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    #: room name or glob pattern -> level (0 for open)
    zones: Mapping[str, int] = field(default_factory=dict)
    #: cabinet name or glob pattern -> level
    cabinets: Mapping[str, int] = field(default_factory=dict)
    #: regex finding a lock word in a text tag near a door (group 1 = the word)
    lock_pattern: str = (r"(常時開放|常時開錠|常時解錠|常時施錠|施錠[+＋]?入退室記録|入退室記録|施錠不可|錠なし"
                         r"|はめ殺し|嵌め殺し|オートロック|OPEN|UNLOCKED|LOCKED|LOGGED|NO[ _-]?LOCK|FIXED)")
    lang: str | None = None
    #: geometry tolerances in metres: wall_tolerance, min_gap, min_passage_width
    geometry: Mapping[str, float] = field(default_factory=lambda: dict(GEOMETRY_DEFAULTS))
    #: the raw [building] table (read by osmark_plan.building for batch checks)
    building: Mapping[str, Any] = field(default_factory=dict)
    #: the raw [diff] table (read by osmark_plan.diff: tolerance …)
    diff: Mapping[str, Any] = field(default_factory=dict)
    #: the file the config came from, if any
    path: str | None = None
    #: sheet scale 1:N of a drawing drawn at sheet scale (``scale = 100``): one unit = units × N
    scale: int | None = None
    #: the built-in layer-pattern profile in use ("default", "aia", "jww")
    profile: str = "default"

    #: the user's own [layers] patterns, in their order (tried before a profile's)
    user_layers: tuple[tuple[str, str], ...] = ()
    #: the part of a sheet with several plans to check ([sheet] region, or --region x0,y0,x1,y1),
    #: in drawing units; None: the whole drawing
    region: tuple[float, float, float, float] | None = None
    #: the title or frame text of the plan to check ([sheet] frame, or --region NAME)
    frame: str | None = None
    #: what one floor may cost ([limits]: entities, block depth, MINSERT cells, time)
    limits: Limits = field(default_factory=Limits)
    #: waivers file and baseline file (``waivers = "…"``, ``baseline = "…"``), resolved against
    #: the config file's folder
    waivers: str | None = None
    baseline: str | None = None
    #: check a drawing whose converter lost walls or room names (DWG011) instead of stopping
    #: with exit 3 (``accept_partial = true``, ``--accept-partial``)
    accept_partial: bool = False

    def lock_regex(self) -> UserPattern:
        """``lock_pattern`` compiled, its searches time-limited (osmark_plan.user_regex)."""
        return _compiled(self.lock_pattern, f"{self.path or 'config'}: lock_pattern")

    def layer_patterns(self) -> list[tuple[str, UserPattern]]:
        """Compiled (kind, pattern) pairs in match order.

        With the default profile: ``layers`` as given (the user's patterns replace the defaults
        of their kinds). With another profile: the user's patterns, then all of the profile's,
        then the defaults of the kinds the profile does not name.
        """
        if self.profile == "default":
            pairs = list(self.layers.items())
        else:
            pairs = profile_pairs(self.profile, self.user_layers)
        where = self.path or "config"
        return [(kind, _compiled(rx, f"{where}: [layers] {kind}")) for kind, rx in pairs]


def _compiled(pattern: str, where: str) -> UserPattern:
    try:
        return user_pattern(pattern, where)
    except PatternError as exc:
        raise ConfigError(exc_message(exc)) from None


def profile_pairs(profile: str, user: tuple[tuple[str, str], ...] = ()) -> list[tuple[str, str]]:
    """(kind, regex) in match order for a profile combined with the user's patterns."""
    if profile not in PROFILES:
        raise ConfigError(say(f"unknown profile {profile!r}; profiles: {', '.join(PROFILES)}",
                              f"プロファイル {profile!r} はありません。使えるプロファイル: {', '.join(PROFILES)}"))
    if profile == "default":
        named = {k for k, _ in user}
        return list(user) + [(k, v) for k, v in DEFAULT_LAYER_PATTERNS.items() if k not in named]
    own = PROFILES[profile]
    return (list(user) + list(own.items())
            + [(k, v) for k, v in DEFAULT_LAYER_PATTERNS.items() if k not in own])


def with_profile(config: Config, profile: str | None) -> Config:
    """The config with another built-in profile (``--profile``); None keeps it."""
    if not profile:
        return config
    pairs = profile_pairs(profile, config.user_layers)
    merged: dict[str, str] = {}
    for kind, rx in pairs:
        merged.setdefault(kind, rx)
    return replace(config, profile=profile, layers=merged)


#: zone-table level of a room that is not part of the application area (共用廊下, EVホール …)
OUTSIDE_LEVEL = -1


def parse_level_value(value: Any, where: str, allow_outside: bool = False) -> int:
    """A level from a config table value: 0/"open"/"OPEN"/"オープン", 1, 2 or 3; with
    ``allow_outside`` also "outside"/"外部" (:data:`OUTSIDE_LEVEL`: not in the application area)."""
    words = '0-3, "open" or "outside"' if allow_outside else '0-3 or "open"'
    words_ja = '0〜3、"open" または "outside"' if allow_outside else '0〜3 または "open"'
    bad = say(f"{where}: level must be {words}, not {value!r}",
              f"{where}: レベルは {words_ja} で指定してください（{value!r} は使えません）")
    if isinstance(value, bool):
        raise ConfigError(bad)
    if isinstance(value, int) and 0 <= value <= 3:
        return value
    if isinstance(value, str):
        v = value.strip().lower()
        if v in ("open", "オープン", "0"):
            return 0
        if v in ("1", "2", "3"):
            return int(v)
        if allow_outside and v in ("outside", "外部", "共用部"):
            return OUTSIDE_LEVEL
    raise ConfigError(bad)


def _str_list(value: Any, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [v for v in re.split(r"[,\s]+", value) if v]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(say(f"{where}: expected a list of rule codes",
                              f"{where}: ルールコードのリストで指定してください"))
    return tuple(v.strip().upper() for v in value)


def from_mapping(data: Mapping[str, Any], path: str | None = None) -> Config:
    """Build and validate a Config from a parsed TOML table."""
    where = path or "config"
    known = {"layers", "units", "select", "ignore", "severity", "rules", "zones", "cabinets",
             "lock_pattern", "lang", "geometry", "building", "diff", "profile", "scale", "sheet",
             "limits", "waivers", "baseline", "accept_partial"}
    unknown = sorted(set(data) - known)
    if unknown:
        raise ConfigError(say(f"{where}: unknown setting(s): {', '.join(unknown)}",
                              f"{where}: 不明な設定項目です: {', '.join(unknown)}"))
    for key in ("layers", "severity", "rules", "zones", "cabinets", "geometry", "building", "diff",
                "sheet", "limits"):
        if key in data and not isinstance(data[key], dict):
            raise ConfigError(say(f"{where}: [{key}] must be a table, not {type(data[key]).__name__} {data[key]!r}",
                                  f"{where}: [{key}] は表（テーブル）で指定してください（{data[key]!r} は使えません）"))
    if "lock_pattern" in data and not isinstance(data["lock_pattern"], str):
        raise ConfigError(say(f"{where}: lock_pattern must be a regex string",
                              f"{where}: lock_pattern は正規表現の文字列で指定してください"))
    cfg = Config(path=path)
    layers = dict(DEFAULT_LAYER_PATTERNS)
    user_layers = data.get("layers", {})
    if not isinstance(user_layers, dict):
        raise ConfigError(say(f"{where}: [layers] must be a table of kind = \"regex\"",
                              f"{where}: [layers] は 種類 = \"正規表現\" の表で指定してください"))
    for kind, rx in user_layers.items():
        if kind not in DEFAULT_LAYER_PATTERNS and kind != "ignored":
            raise ConfigError(say(f"{where}: [layers] unknown kind {kind!r}; "
                                  f"kinds: {', '.join(DEFAULT_LAYER_PATTERNS)}, ignored",
                                  f"{where}: [layers] の種類 {kind!r} はありません。使える種類: "
                                  f"{', '.join(DEFAULT_LAYER_PATTERNS)}, ignored"))
        if not isinstance(rx, str) or not rx.strip():
            raise ConfigError(say(f"{where}: [layers] {kind} must be a non-empty regex string",
                                  f"{where}: [layers] {kind} は空でない正規表現の文字列で指定してください"))
        try:
            user_pattern(rx, f"{where}: [layers] {kind}")
        except PatternError as exc:
            raise ConfigError(say(str(exc), f"{where}: [layers] {kind}: 正規表現が正しくありません")) from None
    # user patterns first (in their order), then the remaining defaults
    ordered = {k: v for k, v in user_layers.items()}
    for k, v in layers.items():
        ordered.setdefault(k, v)
    units = data.get("units")
    if units is not None and units not in UNITS:
        raise ConfigError(say(f"{where}: units must be one of {', '.join(UNITS)}, not {units!r}",
                              f"{where}: units は {', '.join(UNITS)} のいずれかで指定してください（{units!r} は使えません）"))
    accept_partial = data.get("accept_partial", False)
    if not isinstance(accept_partial, bool):
        raise ConfigError(say(f"{where}: accept_partial must be true or false, not {accept_partial!r}",
                              f"{where}: accept_partial は true か false で指定してください（{accept_partial!r} は使えません）"))
    lang = data.get("lang")
    if lang is not None and lang not in LANGS:
        raise ConfigError(say(f"{where}: lang must be ja or en, not {lang!r}",
                              f"{where}: lang は ja か en で指定してください（{lang!r} は使えません）"))
    severity = {}
    for code, sev in dict(data.get("severity", {})).items():
        if not isinstance(sev, str) or sev not in SEVERITIES:
            raise ConfigError(say(f"{where}: [severity] {code} must be error, warning or info",
                                  f"{where}: [severity] {code} は error、warning、info のいずれかで指定してください"))
        severity[code.upper()] = sev
    rules = data.get("rules", {})
    if not isinstance(rules, dict) or not all(isinstance(v, dict) for v in rules.values()):
        raise ConfigError(say(f"{where}: [rules.CODE] tables expected",
                              f"{where}: rules は [rules.コード] の表で指定してください"))
    zones = {str(k): parse_level_value(v, f"{where}: [zones] {k!r}", allow_outside=True)
             for k, v in dict(data.get("zones", {})).items()}
    cabinets = {str(k): parse_level_value(v, f"{where}: [cabinets] {k!r}")
                for k, v in dict(data.get("cabinets", {})).items()}
    lock_pattern = data.get("lock_pattern", cfg.lock_pattern)
    try:
        user_pattern(lock_pattern, f"{where}: lock_pattern")
    except PatternError as exc:
        raise ConfigError(say(str(exc), f"{where}: lock_pattern: 正規表現が正しくありません")) from None
    try:
        limits = parse_limits(data.get("limits", {}), where)
    except LimitError as exc:
        raise ConfigError(exc_message(exc)) from None
    geometry = dict(GEOMETRY_DEFAULTS)
    for key, value in dict(data.get("geometry", {})).items():
        if key not in GEOMETRY_DEFAULTS and key not in ROOM_GEOMETRY_DEFAULTS:
            names = ", ".join([*GEOMETRY_DEFAULTS, *ROOM_GEOMETRY_DEFAULTS])
            raise ConfigError(say(f"{where}: [geometry] unknown setting {key!r}; settings: {names}",
                                  f"{where}: [geometry] の設定 {key!r} はありません。使える設定: {names}"))
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value < float("inf"):
            raise ConfigError(say(f"{where}: [geometry] {key} must be a distance in metres",
                                  f"{where}: [geometry] {key} は距離（メートル）で指定してください"))
        geometry[key] = float(value)
    building = data.get("building", {})
    if not isinstance(building, dict):
        raise ConfigError(say(f"{where}: [building] must be a table", f"{where}: [building] は表で指定してください"))
    diff = data.get("diff", {})
    if not isinstance(diff, dict):
        raise ConfigError(say(f"{where}: [diff] must be a table", f"{where}: [diff] は表で指定してください"))
    profile = data.get("profile", "default")
    if not isinstance(profile, str) or profile not in PROFILES:
        raise ConfigError(say(f"{where}: profile must be one of {', '.join(PROFILES)}, not {profile!r}",
                              f"{where}: profile は {', '.join(PROFILES)} のいずれかで指定してください（{profile!r} は使えません）"))
    scale = parse_sheet_scale(data.get("scale"), where)
    from .config_sheet import parse_sheet_table

    region, frame = parse_sheet_table(data.get("sheet", {}), where)
    files = {key: _file_setting(data.get(key), where, key, path) for key in ("waivers", "baseline")}
    out = replace(
        cfg,
        region=region,
        frame=frame,
        waivers=files["waivers"],
        baseline=files["baseline"],
        user_layers=tuple((str(k), str(v)) for k, v in user_layers.items()),
        scale=scale,
        diff=diff,
        building=building,
        geometry=geometry,
        layers=ordered,
        units=units,
        select=_str_list(data.get("select", []), f"{where}: select"),
        ignore=_str_list(data.get("ignore", []), f"{where}: ignore"),
        severity=severity,
        rule_options={k: dict(v) for k, v in rules.items()},
        zones=zones,
        cabinets=cabinets,
        lock_pattern=lock_pattern,
        lang=lang,
        limits=limits,
        accept_partial=accept_partial,
    )
    return with_profile(out, profile) if profile != "default" else out


def _at(exc: re.error) -> str:
    """Where a regex went wrong, in Japanese (the reason itself Python gives in English only)."""
    return f"{exc.pos + 1}文字目" if exc.pos is not None else "位置不明"


def _toml_at(exc: Exception) -> str:
    """Where a TOML file went wrong, in Japanese (Python words the reason in English only)."""
    m = re.search(r"line (\d+), column (\d+)", str(exc))
    return f"{m.group(1)}行目 {m.group(2)}列目" if m else "書式の誤り"


def _file_setting(value: Any, where: str, key: str, path: str | None) -> str | None:
    """A file named in the config, relative to the config file's folder."""
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(say(f"{where}: {key} must be the path of a file, not {value!r}",
                              f"{where}: {key} にはファイルのパスを指定してください（{value!r} は使えません）"))
    base = Path(path).parent if path else Path(".")
    return str(base / value.strip())


def parse_sheet_scale(value: Any, where: str) -> int | None:
    """``scale``: the N of a 1:N sheet scale (100, "1:100" or "1/100"); None when not set."""
    if value is None:
        return None
    if isinstance(value, str):
        m = re.fullmatch(r"\s*(?:1\s*[:/]\s*)?(\d+)\s*", value)
        value = int(m.group(1)) if m else value
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 1000:
        raise ConfigError(say(f"{where}: scale must be the N of a 1:N sheet scale (e.g. 100 or \"1:100\")",
                              f"{where}: scale は縮尺 1:N の N で指定してください（例: 100 または \"1:100\"）"))
    return value if value > 1 else None


_WHAT_JA = {"config file": "設定ファイル", "building manifest": "建物マニフェスト"}


def read_toml(path: str | Path, what: str = "config file") -> dict[str, Any]:
    """A TOML file as a dict; every problem a :class:`ConfigError` naming the file."""
    p = Path(path)
    try:
        with p.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise ConfigError(say(f"{p}: {what} not found", f"{p}: {_WHAT_JA.get(what, what)}が見つかりません")) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(say(f"{p}: not valid TOML: {exc}", f"{p}: TOML として読めません（{_toml_at(exc)}）")) from None
    except OSError as exc:
        raise ConfigError(say(f"{p}: cannot read: {exc.strerror}", f"{p}: 読み込めません（{exc.strerror}）")) from None


def load_file(path: str | Path) -> Config:
    """Read one osmark.toml or pyproject.toml ([tool.osmark])."""
    p = Path(path)
    data = read_toml(p)
    if p.name == "pyproject.toml":
        data = data.get("tool", {}).get("osmark", {})
    return from_mapping(data, str(p))


def find_config(drawing: str | Path) -> Path | None:
    """The osmark.toml (or pyproject.toml with [tool.osmark]) beside the drawing or above it."""
    start = Path(drawing).resolve().parent
    for folder in (start, *start.parents):
        candidate = folder / "osmark.toml"
        if candidate.is_file():
            return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            try:
                with pyproject.open("rb") as fh:
                    if "osmark" in tomllib.load(fh).get("tool", {}):
                        return pyproject
            except (OSError, tomllib.TOMLDecodeError):
                pass
    return None


def load_for(drawing: str | Path, explicit: str | Path | None = None) -> Config:
    """The config that applies to a drawing: ``explicit`` if given, else the one found."""
    if explicit is not None:
        return load_file(explicit)
    found = find_config(drawing)
    return load_file(found) if found else Config()
