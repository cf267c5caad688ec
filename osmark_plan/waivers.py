"""Waivers: findings accepted for a stated reason, read from a TOML file and applied to a Report.

OSM allows many placements "やむを得ず…対策を行う" when measures are taken; an auditor records
such an acceptance as a waiver keyed on the finding's fingerprint (which does not depend on
coordinates, so it survives a moved or re-exported drawing)::

    [[waiver]]
    fingerprint = "3f2a9c0d1e2b4a5c"      # from the report (text, JSON, SARIF …)
    rule = "ACC003"                       # optional: only for this rule
    drawing = "3F*.dxf"                   # optional: file name or glob; default every drawing
    reason = "受付からの動線上だが常時施錠の扉と監視カメラで対策済み"
    by = "山田 (審査)"
    date = 2026-11-30
    expires = 2027-05-31                  # optional: from then on the finding counts again

Which file: ``--waivers PATH``; else ``waivers = "path"`` in osmark.toml (relative to that
file); else ``osmark-waivers.toml`` beside the drawing.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import re
from dataclasses import replace
from pathlib import Path
from typing import Any, Iterable

from .config import Config, ConfigError, read_toml
from .findings import Report, Waiver
from .messages import say

#: the waivers file found beside a drawing when neither --waivers nor the config names one
WAIVERS_FILE = "osmark-waivers.toml"
_FINGERPRINT = re.compile(r"^[0-9a-f]{8,64}$")
_KEYS = {"fingerprint", "rule", "drawing", "reason", "by", "date", "expires"}


class WaiverError(ConfigError):
    """A waivers or baseline file is wrong (exit code 2); the message names the file."""


def find_waivers(drawing: str | Path, config: Config | None = None,
                 explicit: str | Path | None = None) -> Path | None:
    """The waivers file for a drawing: ``explicit``, the config's ``waivers``, or the
    ``osmark-waivers.toml`` beside the drawing (None when there is none)."""
    if explicit is not None:
        return Path(explicit)
    if config is not None and config.waivers:
        return Path(config.waivers)
    beside = Path(drawing).parent / WAIVERS_FILE
    return beside if beside.is_file() else None


def _date(value: Any, where: str, key: str) -> str:
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()).isoformat()
        except ValueError:
            pass
    raise WaiverError(say(f"{where}: {key} must be a date (2026-11-30), not {value!r}",
                         f"{where}: {key} は日付（2026-11-30）で指定してください（{value!r} は使えません）"))


def _text(entry: dict[str, Any], key: str, where: str, required: bool = True) -> str | None:
    value = entry.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value.strip():
        raise WaiverError(say(f"{where}: {key} must be a non-empty text"
                              + ("" if value is None else f", not {value!r}"),
                              f"{where}: {key} は空でない文字列で指定してください"
                              + ("" if value is None else f"（{value!r} は使えません）")))
    return value.strip()


def parse_waivers(data: dict[str, Any], source: str) -> tuple[Waiver, ...]:
    """Waivers from a parsed waivers file; :class:`WaiverError` names the file and entry."""
    unknown = sorted(set(data) - {"waiver"})
    if unknown:
        raise WaiverError(say(f"{source}: unknown setting(s): {', '.join(unknown)} (expected [[waiver]] tables)",
                              f"{source}: 不明な設定項目です: {', '.join(unknown)}（[[waiver]] の表で書いてください）"))
    entries = data.get("waiver", [])
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise WaiverError(say(f"{source}: waivers must be [[waiver]] tables",
                              f"{source}: 免除は [[waiver]] の表で書いてください"))
    out: list[Waiver] = []
    seen: dict[tuple[str, str | None], int] = {}
    for n, entry in enumerate(entries, start=1):
        where = f"{source}: waiver {n}"
        extra = sorted(set(entry) - _KEYS)
        if extra:
            raise WaiverError(say(f"{where}: unknown key(s): {', '.join(extra)}; keys: {', '.join(sorted(_KEYS))}",
                                  f"{where}: 不明なキーです: {', '.join(extra)}（使えるキー: {', '.join(sorted(_KEYS))}）"))
        fingerprint = (_text(entry, "fingerprint", where) or "").lower()
        if not _FINGERPRINT.match(fingerprint):
            raise WaiverError(say(f"{where}: fingerprint must be the hexadecimal fingerprint of a finding, "
                                  f"not {entry['fingerprint']!r}",
                                  f"{where}: fingerprint には指摘のフィンガープリント（16 進数）を指定してください"
                                  f"（{entry['fingerprint']!r} は使えません）"))
        for key in ("date",):
            if key not in entry:
                raise WaiverError(say(f"{where}: {key} is missing (when the waiver was granted)",
                                      f"{where}: {key}（免除を認めた日付）がありません"))
        waiver = Waiver(fingerprint=fingerprint, reason=_text(entry, "reason", where) or "",
                        by=_text(entry, "by", where) or "", date=_date(entry["date"], where, "date"),
                        expires=_date(entry["expires"], where, "expires") if "expires" in entry else None,
                        rule=(_text(entry, "rule", where, required=False) or "").upper() or None,
                        drawing=_text(entry, "drawing", where, required=False), source=source)
        key = (waiver.fingerprint, waiver.drawing)
        if key in seen:
            raise WaiverError(say(f"{where}: fingerprint {fingerprint} is already waived by waiver {seen[key]}",
                                  f"{where}: フィンガープリント {fingerprint} は免除 {seen[key]} ですでに免除されています"))
        seen[key] = n
        out.append(waiver)
    return tuple(out)


def load_waivers(path: str | Path) -> tuple[Waiver, ...]:
    """Read a waivers file; every problem is a :class:`WaiverError` naming it."""
    try:
        data = read_toml(path, "waivers file")
    except WaiverError:
        raise
    except ConfigError as exc:
        raise WaiverError(str(exc)) from None
    return parse_waivers(data, str(path))


def applies_to(waiver: Waiver, drawing: str | Path) -> bool:
    """Whether a waiver's ``drawing`` (a file name or glob) names this drawing."""
    if not waiver.drawing:
        return True
    p = Path(drawing)
    pattern = waiver.drawing.replace("\\", "/")
    return (fnmatch.fnmatch(p.name, pattern) or fnmatch.fnmatch(p.as_posix(), pattern)
            or fnmatch.fnmatch(p.as_posix(), f"*/{pattern}"))


def apply_waivers(report: Report, waivers: Iterable[Waiver], today: dt.date | None = None) -> Report:
    """The report with matching findings marked waived, unused and expired waivers listed.

    A waiver past its ``expires`` date no longer applies (the finding counts again) and is
    listed in ``expired_waivers``; one for this drawing that matches no finding is listed in
    ``unused_waivers``. Baseline entries are neither (a fixed finding simply disappears).
    Findings already waived keep their first waiver.
    """
    today = today or dt.date.today()
    mine = [w for w in waivers if applies_to(w, report.plan.path)]
    expired = tuple(w for w in mine if w.expires and dt.date.fromisoformat(w.expires) < today)
    live = [w for w in mine if w not in expired]
    by_fp: dict[str, list[Waiver]] = {}
    for w in live:
        by_fp.setdefault(w.fingerprint, []).append(w)
    used: set[int] = set()
    findings = []
    for f in report.findings:
        chosen = f.waived
        if chosen is None:
            chosen = next((w for w in by_fp.get(f.fingerprint, ()) if w.rule in (None, f.rule)), None)
        if chosen is not None:
            used.add(id(chosen))
        findings.append(f if chosen is f.waived else replace(f, waived=chosen))
    unused = tuple(w for w in live if id(w) not in used and w.kind == "waiver")
    return replace(report, findings=tuple(findings),
                   unused_waivers=report.unused_waivers + unused,
                   expired_waivers=report.expired_waivers + tuple(w for w in expired if w.kind == "waiver"))

