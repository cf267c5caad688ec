"""Baselines: today's findings recorded by fingerprint, so that only new findings fail.

``--write-baseline PATH`` writes the findings of a check to a small JSON file; a later check with
``--baseline PATH`` treats every finding recorded there as accepted (shown as "baseline", not
failing), so a team can adopt the checker on an existing drawing and gate only what is new.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from .findings import Report, Waiver
from .output import write_text_atomic
from .waivers import WaiverError
from .messages import say

SCHEMA = "osmark-plan/baseline/1"


def baseline_document(report: Report, lang: str = "ja", today: dt.date | None = None) -> dict[str, Any]:
    """The baseline of a report: its findings' fingerprints with rule, severity and message."""
    return {
        "schema": SCHEMA,
        "created": (today or dt.date.today()).isoformat(),
        "drawing": Path(report.plan.path).name,
        "findings": [{"fingerprint": f.fingerprint, "rule": f.rule, "severity": f.severity,
                      "message": f.text(lang)} for f in report.findings],
    }


def write_baseline(report: Report, path: str | Path, lang: str = "ja",
                   inputs: tuple[str | Path, ...] = ()) -> Path:
    """Write the baseline of ``report`` to ``path`` (atomically; never over an input)."""
    text = json.dumps(baseline_document(report, lang), ensure_ascii=False, indent=2) + "\n"
    write_text_atomic(path, text, inputs=inputs)
    return Path(path)


def load_baseline(path: str | Path) -> tuple[Waiver, ...]:
    """The findings of a baseline file as waivers of kind "baseline"; :class:`WaiverError`
    names the file for anything wrong."""
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise WaiverError(say(f"{p}: baseline file not found", f"{p}: ベースラインのファイルがありません")) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise WaiverError(say(f"{p}: not a baseline file: {exc}", f"{p}: ベースラインのファイルではありません（{exc}）")) from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA or not isinstance(data.get("findings"), list):
        raise WaiverError(f"{p}: not a baseline file (expected schema {SCHEMA!r}; "
                          f"write one with --write-baseline)")
    created = str(data.get("created") or "")
    out = []
    for n, entry in enumerate(data["findings"], start=1):
        if not isinstance(entry, dict) or not isinstance(entry.get("fingerprint"), str):
            raise WaiverError(say(f"{p}: finding {n} has no fingerprint", f"{p}: 指摘 {n} にフィンガープリントがありません"))
        out.append(Waiver(fingerprint=entry["fingerprint"].lower(), rule=entry.get("rule"),
                          reason=f"recorded in the baseline {p.name}",
                          by="baseline", date=created, source=str(p), kind="baseline"))
    return tuple(out)
