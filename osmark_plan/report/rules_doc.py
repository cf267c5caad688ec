"""`osmark rules`: the rule list and one rule's explanation, from the registry."""

from __future__ import annotations

import json

from ..rules.base import Rule

SEVERITY_WORDS = {"ja": {"error": "エラー", "warning": "警告", "info": "情報"},
                  "en": {"error": "error", "warning": "warning", "info": "info"}}


def _toml(value: object) -> str:
    """An option's default as it would be written in osmark.toml."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(json.dumps(v, ensure_ascii=False) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False) if isinstance(value, str) else repr(value)


def rule_dict(rule: Rule, lang: str) -> dict:
    return {"code": rule.code, "name": rule.name, "clause": rule.clause, "severity": rule.severity,
            "summary": rule.summary.get(lang) or rule.summary.get("en", ""),
            "options": [{"name": o.name, "default": o.default, "doc": o.description(lang)} for o in rule.options],
            "doc": rule.documentation(lang)}


def list_rules(lang: str, fmt: str = "text") -> str:
    """All rules, one line each: code, name, default severity, clause, summary."""
    from ..rules import KNOWN_RULES

    if fmt == "json":
        return json.dumps([rule_dict(r, lang) for r in KNOWN_RULES], ensure_ascii=False, indent=2)
    words = SEVERITY_WORDS[lang]
    rows = []
    for r in KNOWN_RULES:
        summary = r.summary.get(lang) or r.summary.get("en", "")
        clause = f"  [{r.clause}]" if r.clause else ""
        rows.append(f"{r.code}  {r.name:<40} {words[r.severity]:<7}  {summary}{clause}")
    return "\n".join(rows)


def describe_rule(code: str, lang: str, fmt: str = "text") -> str | None:
    """One rule: what it checks, the clause, the default severity, options and the documentation."""
    from ..rules import get_rule

    rule = get_rule(code)
    if rule is None:
        return None
    if fmt == "json":
        return json.dumps(rule_dict(rule, lang), ensure_ascii=False, indent=2)
    ja = lang == "ja"
    lines = [f"{rule.code} {rule.name}",
             f"  {'条項' if ja else 'Clause'}: {rule.clause or ('なし（図面データの規則）' if ja else 'none (a drawing-data rule)')}",
             f"  {'既定の重大度' if ja else 'Default severity'}: {SEVERITY_WORDS[lang][rule.severity]}",
             f"  {rule.summary.get(lang) or rule.summary.get('en', '')}", ""]
    if rule.options:
        lines.append("オプション (osmark.toml の [rules." + rule.code + "]):" if ja
                     else f"Options ([rules.{rule.code}] in osmark.toml):")
        lines += [f"  {o.name} = {_toml(o.default)}  {o.description(lang)}" for o in rule.options]
        lines.append("")
    lines.append(rule.documentation(lang))
    return "\n".join(lines).rstrip()


#: how the "how to fix" paragraph of a rule's documentation starts, per language
FIX_HEADS = {"ja": ("直し方：", "直し方:"), "en": ("How to fix:",)}


def fix_advice(code: str, lang: str) -> str:
    """The rule's "how to fix" paragraph in ``lang`` (English where no Japanese is written),
    as one line; "" for an unknown rule or one without advice."""
    from ..rules import get_rule

    rule = get_rule(code)
    if rule is None:
        return ""
    for text, heads in ((rule.documentation(lang), FIX_HEADS.get(lang, ())),
                        (rule.doc, FIX_HEADS["en"])):
        for para in text.split("\n\n"):
            para = para.strip()
            head = next((h for h in heads if para.startswith(h)), None)
            if head is not None:
                body = para[len(head):].strip()
                sep = "" if lang == "ja" and heads is not FIX_HEADS["en"] else " "
                text = sep.join(line.strip() for line in body.splitlines()).strip()
                text = text.replace("``", "")
                return text[:1].upper() + text[1:]
    return ""
