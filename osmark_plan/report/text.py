"""The text report: findings for people, grouped by severity, colour only on a terminal."""

from __future__ import annotations

from typing import Any, Iterator, TextIO

from ..findings import SEVERITY_ORDER, Report
from .document import report_document
from ..geometry.placement import REASONS, title_of as reason_title
from ..repairs import title_of

#: elements listed per reason of the not-placed section (the rest is counted; all in the JSON)
NOT_PLACED_SHOWN = 10

#: a line is a list of (text, rich style or None) segments
Segment = tuple[str, str | None]
Line = list[Segment]

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "error": "ERROR", "warning": "WARNING", "info": "INFO",
        "at": "at", "units": "units", "layers": "layers",
        "no_geometry": "geometry could not be built: regions and doors were not checked",
        "repairs": "Repaired", "rejected": "Not used", "gap": "gap",
        "handle": "handle", "layer": "layer", "rule_error": "RULE FAILED",
        "no_findings": "No findings.",
        "hidden": "Frozen or off layers, read all the same", "frozen": "frozen", "off": "off",
        "assumed_open": "Rooms found from the walls with no level, taken as open area "
                        "(give their level in [zones] of osmark.toml)",
        "unnamed": "(no name)",
        "notes": "Checks limited by what the drawing carries", "checked": "checked",
        "waived": "waived", "baseline": "in the baseline", "expires": "expires",
        "unused_waivers": "Waivers that match no finding (remove them or check the fingerprint)",
        "expired_waivers": "Expired waivers (their findings count again)",
        "n_waived": "{n} waived",
        "not_placed": "Not placed: in no room, with the reason (all of them in the JSON report)",
        "n_not_placed": "{n} not placed", "more": "… and {n} more",
    },
    "ja": {
        "error": "エラー", "warning": "警告", "info": "情報",
        "at": "位置", "units": "単位", "layers": "レイヤ",
        "no_geometry": "形状を構築できなかったため、領域と扉は検査していません",
        "repairs": "修復した要素", "rejected": "使用できなかった要素", "gap": "隙間",
        "handle": "ハンドル", "layer": "レイヤ", "rule_error": "ルール実行失敗",
        "no_findings": "指摘事項はありません。",
        "hidden": "フリーズまたは非表示のレイヤ（読み込んで検査しています）", "frozen": "フリーズ", "off": "非表示",
        "assumed_open": "壁から求めた部屋のうちレベルが分からずオープンエリアとみなした部屋"
                        "（osmark.toml の [zones] でレベルを指定してください）",
        "unnamed": "（名前なし）",
        "notes": "図面に情報がなく検査できなかったもの", "checked": "件を検査",
        "waived": "免除", "baseline": "ベースライン記録済み", "expires": "期限",
        "unused_waivers": "どの指摘にも一致しない免除（削除するか指紋を確認してください）",
        "expired_waivers": "期限切れの免除（該当する指摘は再び判定に数えます）",
        "n_waived": "免除 {n}件",
        "not_placed": "部屋に配置されなかった要素と理由（すべて JSON レポートにあります）",
        "n_not_placed": "未配置 {n}件", "more": "… ほか {n}件",
    },
}
STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def write(report: Report, lang: str, stream: TextIO) -> None:
    """Write the text report to ``stream``; colour when it is a terminal."""
    lines = render_lines(report_document(report, lang), lang)
    if _is_terminal(stream):
        from rich.console import Console
        from rich.text import Text

        console = Console(file=stream, highlight=False, soft_wrap=True)
        for line in lines:
            console.print(Text.assemble(*[(t, s or "") for t, s in line]))
    else:
        for line in lines:
            stream.write("".join(t for t, _ in line) + "\n")


def render(report: Report, lang: str = "ja") -> str:
    """The text report as a plain string (no colour)."""
    return "\n".join("".join(t for t, _ in line) for line in
                     render_lines(report_document(report, lang), lang)) + "\n"


def render_lines(doc: dict[str, Any], lang: str) -> list[Line]:
    """All lines of the text report of a report document."""
    words = LABELS.get(lang, LABELS["en"])
    units = doc["drawing"].get("units") or ""
    lines: list[Line] = [header(doc, words)]
    if not doc["summary"].get("geometry", True):
        lines.append([(words["no_geometry"], "yellow")])
    lines.append([])
    groups = sorted(doc["findings"], key=lambda f: SEVERITY_ORDER.get(f["severity"], 9))
    previous = None
    for finding in groups:
        if previous is not None and finding["severity"] != previous:
            lines.append([])
        previous = finding["severity"]
        lines.append(finding_line(finding, words, units))
    if not doc["findings"]:
        lines.append([(words["no_findings"], "green")])
    for run in doc["rules"]:
        if run.get("error"):
            lines.append([(words["rule_error"], "bold magenta"),
                          (f" {run['code']}: {run['error']}", None)])
    lines.extend(_section(words["notes"], (
        [(f"  {run['code']}: {run['note']}", None),
         (f" ({run['checked']} {words['checked']})" if lang == "en" else f"（{run['checked']}{words['checked']}）", "dim")]
        for run in doc["rules"] if run.get("note"))))
    lines.extend(_section(words["assumed_open"], (
        [(f"  {r['id']} {r['name'] or words['unnamed']} ({number(r['area_m2'])} m²)", None)]
        for r in doc.get("assumed_open", ()))))
    lines.extend(_section(words["unused_waivers"], (waiver_line(w, words, "yellow")
                                                     for w in doc.get("unused_waivers", ()))))
    lines.extend(_section(words["expired_waivers"], (waiver_line(w, words, "yellow")
                                                      for w in doc.get("expired_waivers", ()))))
    lines.extend(_section(words["not_placed"], not_placed_lines(doc.get("not_placed", ()), words, units, lang)))
    lines.extend(_section(words["repairs"], (repair_line(r, words, units) for r in doc["repairs"])))
    lines.extend(_section(words["rejected"],
                          (rejected_line(r, words, units) for r in doc.get("rejected", ()))))
    hidden = [(name, info) for name, info in doc["drawing"]["layers"].items()
              if info["kind"] != "ignored" and (info["frozen"] or info["off"]) and info["entities"]]
    lines.extend(_section(words["hidden"], ([(f"  {name} ({info['kind']}): "
                                               + ", ".join(w for w, on in ((words["frozen"], info["frozen"]),
                                                                           (words["off"], info["off"])) if on),
                                               None)] for name, info in hidden)))
    lines.append([])
    summary = summary_line(doc["summary"], lang)
    if doc["summary"].get("not_placed"):
        summary += ("、" if lang == "ja" else ", ") + words["n_not_placed"].format(n=doc["summary"]["not_placed"])
    if doc["summary"].get("waived"):
        summary += ("、" if lang == "ja" else ", ") + words["n_waived"].format(n=doc["summary"]["waived"])
    lines.append([(summary, "bold")])
    return lines


def header(doc: dict[str, Any], words: dict[str, str]) -> Line:
    drawing = doc["drawing"]
    units = f"{words['units']}: {drawing['units']} ({drawing['units_source']})"
    layers = f"{words['layers']}: {len(drawing['layers'])}"
    extra = ""
    if drawing.get("converter"):
        extra += (f", {drawing['format']} → DXF ({drawing['converter']})" if words is not LABELS["ja"]
                  else f", {drawing['format']} を {drawing['converter']} で DXF に変換")
    if drawing.get("region"):
        box = ", ".join(number(v) for v in drawing["region"])
        extra += f", {'範囲' if words is LABELS['ja'] else 'region'} ({box})"
    return [(drawing["path"], "bold"), (f" — {units}, {layers}{extra}", None)]


def finding_line(finding: dict[str, Any], words: dict[str, str], units: str = "") -> Line:
    """"3. ERROR ACC001 name [clause] message (at 12,040 mm, 5,300 mm) #fingerprint"; a waived
    finding says so, with the reason, who and when."""
    severity = finding["severity"]
    waived = finding.get("waived")
    line: Line = [
        (f"{finding['number']:>3}. " if finding.get("number") else "", "bold"),
        (words.get(severity, severity.upper()), "dim" if waived else STYLES.get(severity)),
        (f" {finding['rule']}", "bold"),
        (f" {finding['name']}", "dim"),
        (f" [{finding['clause']}]" if finding["clause"] else "", "dim"),
        (f" {finding['message']}", None),
    ]
    if finding.get("at"):
        line.append((f" ({words['at']} {point(finding['at'], units)})", "dim"))
    if finding.get("fingerprint"):
        line.append((f" #{finding['fingerprint']}", "dim"))
    if waived:
        line.append((f" [{waived_text(waived, words)}]", "green"))
    return line


def waived_text(waived: dict[str, Any], words: dict[str, str]) -> str:
    """"waived: reason — by, date, expires …" (or "in the baseline (date)")."""
    if waived.get("kind") == "baseline":
        return f"{words['baseline']} ({waived['date']})" if waived.get("date") else words["baseline"]
    text = f"{words['waived']}: {waived['reason']} — {waived['by']}, {waived['date']}"
    if waived.get("expires"):
        text += f", {words['expires']} {waived['expires']}"
    return text


def waiver_line(waiver: dict[str, Any], words: dict[str, str], style: str | None = None) -> Line:
    """An unused or expired waiver: fingerprint, rule, reason, who and when, its file."""
    rule = f" {waiver['rule']}" if waiver.get("rule") else ""
    text = f"  #{waiver['fingerprint']}{rule}: {waived_text(waiver, words)}"
    if waiver.get("source"):
        text += f" ({waiver['source']})"
    return [(text, style)]


#: what the reader repaired, in Japanese (the JSON keeps the English key)


def repair_line(repair: dict[str, Any], words: dict[str, str], units: str = "") -> Line:
    details = _where(repair, words, units)
    if repair.get("gap_m") is not None:
        details.append(f"{words['gap']} {number(repair['gap_m'])} m")
    what = title_of(repair["what"], "ja" if words is LABELS["ja"] else "en")
    code = repair.get("code")
    text = f"  {code + ' ' if code else ''}{what}" + (f" ({', '.join(details)})" if details else "")
    if repair.get("detail"):
        text += f": {repair['detail']}"
    return [(text, None)]


def not_placed_lines(items: Any, words: dict[str, str], units: str = "", lang: str = "en") -> Iterator[Line]:
    """The elements in no room, grouped by reason (in the order of the reason table) and counted;
    at most :data:`NOT_PLACED_SHOWN` of each reason, so that a big floor does not bury the rest."""
    order = {r.code: k for k, r in enumerate(REASONS)}
    groups: dict[str, list[dict[str, Any]]] = {}
    for item in items:
        groups.setdefault(item["reason"], []).append(item)
    for reason in sorted(groups, key=lambda r: (order.get(r, len(order)), r)):
        group = groups[reason]
        yield [(f"  {reason_title(reason, lang)} ({reason}): {len(group)}", "bold")]
        for item in group[:NOT_PLACED_SHOWN]:
            details = _where(item, words, units)
            yield [(f"    {item['message']}" + (f" ({', '.join(details)})" if details else ""), None)]
        if len(group) > NOT_PLACED_SHOWN:
            yield [(f"    {words['more'].format(n=len(group) - NOT_PLACED_SHOWN)}", "dim")]


def rejected_line(item: dict[str, Any], words: dict[str, str], units: str = "") -> Line:
    details = _where(item, words, units)
    text = f"  {item['reason']}" + (f" ({', '.join(details)})" if details else "")
    if item.get("detail"):
        text += f": {item['detail']}"
    return [(text, None)]


def _where(item: dict[str, Any], words: dict[str, str], units: str = "") -> list[str]:
    """Layer, handle and position of a repaired or rejected element, as far as known."""
    out = []
    if item.get("layer"):
        out.append(f"{words['layer']} {item['layer']}")
    if item.get("handle"):
        out.append(f"{words['handle']} {item['handle']}")
    if item.get("at"):
        out.append(f"{words['at']} {point(item['at'], units)}")
    return out


def summary_line(summary: dict[str, Any], lang: str) -> str:
    """"2 errors, 1 warning, 0 info — 14 regions, 21 doors, 2 entrances" (or in Japanese)."""
    e, w, i = summary["error"], summary["warning"], summary["info"]
    r, d, n = summary["regions"], summary["doors"], summary["entrances"]
    if lang == "ja":
        return f"エラー {e}件、警告 {w}件、情報 {i}件 — 領域 {r}、扉 {d}、出入口 {n}"
    return (f"{_plural(e, 'error')}, {_plural(w, 'warning')}, {i} info — "
            f"{_plural(r, 'region')}, {_plural(d, 'door')}, {_plural(n, 'entrance')}")


def point(xy: list[float], units: str = "") -> str:
    """Drawing coordinates with their unit: "12,040 mm, 5,300 mm" (without a unit: "12040, 5300")."""
    if not units:
        return ", ".join(number(v) for v in xy)
    return ", ".join(f"{number(v, grouped=True)} {units}" for v in xy)


def number(value: float, grouped: bool = False) -> str:
    """A drawing coordinate without noise: 12040, 12.5, 0.004 (grouped: 12,040)."""
    text = (f"{value:,.3f}" if grouped else f"{value:.3f}").rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def _section(title: str, rows: Iterator[Line]) -> list[Line]:
    rows = list(rows)
    return [[], [(f"{title}:", "bold")], *rows] if rows else []


def _is_terminal(stream: TextIO) -> bool:
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except (ValueError, OSError):
        return False
