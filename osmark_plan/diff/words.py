"""Words of the diff report in Japanese and English: headings and one sentence per change."""

from __future__ import annotations

from typing import Any

from .model import Change, FindingChange

LEVELS = {"ja": ["オープン", "レベル1", "レベル2", "レベル3"], "en": ["open", "level 1", "level 2", "level 3"]}
LOCKS = {
    "ja": {"OPEN": "常時開放", "UNLOCKED": "常時開錠", "LOCKED": "常時施錠", "LOGGED": "施錠+入退室記録",
           None: "記載なし"},
    "en": {"OPEN": "always open", "UNLOCKED": "unlocked", "LOCKED": "locked",
           "LOGGED": "locked with access record", None: "not drawn"},
}
DEVICES = {
    "ja": {"COPIER": "コピー機", "PRINTER": "プリンタ", "FAX": "FAX", "MFP": "複合機", "DEVICE": "出力機器"},
    "en": {"COPIER": "copier", "PRINTER": "printer", "FAX": "FAX", "MFP": "MFP", "DEVICE": "device"},
}
OUTSIDE_WORD = {"ja": "外部", "en": "outside"}

#: group headings in report order: (group, changes it holds)
GROUPS = (
    ("route-level3", (("edge", "added-into-level3"),)),
    ("levels", (("region", "level"), ("cabinet", "level"))),
    ("locks", (("door", "lock"),)),
    ("routes", (("edge", "added"), ("edge", "removed"))),
    ("regions", (("region", "added"), ("region", "removed"), ("region", "boundary"), ("region", "name"))),
    ("doors", (("door", "added"), ("door", "removed"), ("door", "moved"), ("door", "width"),
               ("door", "name"))),
    ("cabinets", (("cabinet", "added"), ("cabinet", "removed"), ("cabinet", "moved"), ("cabinet", "name"))),
    ("devices", (("device", "added"), ("device", "removed"), ("device", "moved"), ("device", "kind"),
                 ("device", "name"))),
)

HEADINGS = {
    "ja": {"route-level3": "レベル3の部屋への新しい直接経路", "levels": "レベルの変更",
           "locks": "施錠状態の変更", "routes": "経路(アクセスグラフ)の追加・削除",
           "regions": "領域の追加・削除・変更", "doors": "扉・開口部", "cabinets": "保管庫・キャビネット等",
           "devices": "出力機器", "new": "新たに生じる指摘", "resolved": "解消される指摘",
           "persisting": "両方の図面にある指摘", "other": "その他"},
    "en": {"route-level3": "New direct routes into level-3 rooms", "levels": "Level changes",
           "locks": "Lock changes", "routes": "Routes (access graph) added or removed",
           "regions": "Regions added, removed or changed", "doors": "Doors and openings",
           "cabinets": "Cabinets", "devices": "Output devices", "new": "New findings",
           "resolved": "Resolved findings", "persisting": "Findings in both drawings",
           "other": "Other"},
}

TITLES = {
    "ja": {"title": "現状図面と申請図面の比較", "asis": "現状図面", "application": "申請図面",
           "none": "相違はありません", "count": "相違 {n} 件", "serious": "(うち要確認 {n} 件)",
           "finding_changes": "、指摘の増減 {n} 件", "mirror": "、申請図面が鏡像",
           "alignment": "位置合わせ", "only_a": "現状図面のみ", "only_b": "申請図面のみ",
           "changed": "レベルが変わった領域",
           "added_region": "追加された領域", "removed_region": "なくなった領域", "both": "両方", "more": "ほか {n} 件",
           "findings": "指摘: 新規 {new} 件, 解消 {resolved} 件, 継続 {persisting} 件"},
    "en": {"title": "As-is drawing vs application drawing", "asis": "As-is", "application": "Application",
           "none": "No differences", "count": "{n} difference(s)", "serious": " ({n} to check first)",
           "finding_changes": ", {n} finding(s) new or resolved",
           "mirror": "; the application drawing is a mirror image",
           "alignment": "Alignment", "only_a": "Only in the as-is drawing",
           "only_b": "Only in the application drawing", "changed": "Region whose level changed",
           "added_region": "Region added", "removed_region": "Region removed",
           "both": "In both", "more": "{n} more",
           "findings": "Findings: {new} new, {resolved} resolved, {persisting} persisting"},
}


def group_of(change: Change) -> str:
    for group, members in GROUPS:
        if (change.kind, change.change) in members:
            return group
    return "other"


def level(value: Any, lang: str) -> str:
    if isinstance(value, int) and 0 <= value <= 3:
        return LEVELS[lang][value]
    return "?" if value is None else str(value)


def _node(name: str, lang: str) -> str:
    return OUTSIDE_WORD[lang] if name == "OUTSIDE" else name


def describe(c: Change, lang: str = "ja") -> str:
    """One sentence for a change, in ``lang`` ("ja" or "en")."""
    lang = lang if lang in LEVELS else "en"
    ja = lang == "ja"
    d = c.detail
    s = c.subject
    if c.kind == "edge":
        names = [_node(n, lang) for n in d.get("names", s.split("|"))]
        door = d.get("door") or d.get("link") or ""
        if c.change == "added-into-level3":
            levels = d.get("levels", [])
            inner = names[levels.index(3)] if 3 in levels else names[-1]
            other = next((n for n in names if n != inner), names[0])
            return (f"「{inner}」(レベル3)に「{other}」から直接入れる扉・開口部 {door} が加わりました"
                    if ja else f"{door} is a new direct way into the level-3 room '{inner}' from '{other}'")
        levels = list(d.get("levels") or [])
        if len(levels) == len(names):  # lower level first: the way in
            names = [n for _, n in sorted(zip([-1 if v is None else v for v in levels], names))]
        pair = " ⇔ ".join(names)
        if c.change == "added":
            return f"経路 {pair} が加わりました({door})" if ja else f"Route {pair} added ({door})"
        return f"経路 {pair} がなくなりました({door})" if ja else f"Route {pair} removed ({door})"
    if c.kind == "region":
        if c.change == "level":
            return (f"「{s}」のレベルが {level(c.old, lang)} から {level(c.new, lang)} に変わりました" if ja
                    else f"'{s}' changed from {level(c.old, lang)} to {level(c.new, lang)}")
        if c.change == "name":
            return f"室名「{c.old}」が「{c.new}」に変わりました" if ja else f"Room '{c.old}' renamed '{c.new}'"
        if c.change == "boundary":
            a0, a1 = d.get("area_m2", [None, None])
            return (f"「{s}」の境界が最大 {d.get('moved_m')} m 動きました(面積 {a0} → {a1} m²)" if ja
                    else f"The outline of '{s}' moved by up to {d.get('moved_m')} m (area {a0} → {a1} m²)")
        lv, area = level(d.get("level"), lang), d.get("area_m2")
        if c.change == "added":
            return f"領域「{s}」({lv}, {area} m²)が加わりました" if ja else f"Region '{s}' ({lv}, {area} m²) added"
        return f"領域「{s}」({lv}, {area} m²)がなくなりました" if ja else f"Region '{s}' ({lv}, {area} m²) removed"
    if c.kind == "door":
        if c.change == "lock":
            old, new = LOCKS[lang].get(c.old, c.old), LOCKS[lang].get(c.new, c.new)
            return (f"扉 {s} の施錠状態が「{old}」から「{new}」に変わりました" if ja
                    else f"Door {s}: {old} → {new}")
        if c.change == "moved":
            return f"扉 {s} が {d.get('distance_m')} m 動きました" if ja else f"Door {s} moved {d.get('distance_m')} m"
        if c.change == "width":
            return f"扉 {s} の幅が {c.old} m から {c.new} m に変わりました" if ja else f"Door {s} width {c.old} m → {c.new} m"
        if c.change == "name":
            return f"扉番号 {c.old} が {c.new} に変わりました" if ja else f"Door {c.old} renumbered {c.new}"
        word = ("開口部" if d.get("kind") == "opening" else "扉") if ja else (
            "Opening" if d.get("kind") == "opening" else "Door")
        if c.change == "added":
            return f"{word} {s} が加わりました" if ja else f"{word} {s} added"
        return f"{word} {s} がなくなりました" if ja else f"{word} {s} removed"
    if c.kind == "cabinet":
        if c.change == "level":
            return (f"保管庫・キャビネット等 {s} のレベルが {level(c.old, lang)} から {level(c.new, lang)} に変わりました" if ja
                    else f"Cabinet {s}: {level(c.old, lang)} → {level(c.new, lang)}")
        return _thing(c, "保管庫・キャビネット等" if ja else "Cabinet", lang)
    if c.kind == "device":
        if c.change == "kind":
            old, new = DEVICES[lang].get(c.old, c.old), DEVICES[lang].get(c.new, c.new)
            return f"出力機器 {s} の種類が {old} から {new} に変わりました" if ja else f"Device {s}: {old} → {new}"
        return _thing(c, "出力機器" if ja else "Device", lang)
    return c.signature()


def _thing(c: Change, word: str, lang: str) -> str:
    ja = lang == "ja"
    s, d = c.subject, c.detail
    if c.change == "moved":
        return f"{word} {s} が {d.get('distance_m')} m 動きました" if ja else f"{word} {s} moved {d.get('distance_m')} m"
    if c.change == "name":
        return f"{word} {c.old} の名前が {c.new} に変わりました" if ja else f"{word} {c.old} renamed {c.new}"
    if c.change == "added":
        return f"{word} {s} が加わりました" if ja else f"{word} {s} added"
    if c.change == "removed":
        return f"{word} {s} がなくなりました" if ja else f"{word} {s} removed"
    return c.signature()


def finding_text(f: FindingChange, lang: str) -> str:
    return f.message.get(lang) or f.message.get("en") or next(iter(f.message.values()), "")
