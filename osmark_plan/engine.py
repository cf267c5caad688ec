"""The engine: select rules, merge their options, run them on a Site, and build the Report.

The engine, not the rules, applies the configured severity, counts what each rule checked,
turns a crashing rule into a reported error, locates findings and gives them fingerprints
that do not depend on coordinates.
"""

from __future__ import annotations

import hashlib
import math
import traceback
from collections import Counter
from typing import Any, Iterable, Mapping

from .config import Config, ConfigError
from .findings import SEVERITY_ORDER, Finding, Report, RuleRun
from .geometry.site import Site
from .messages import exc_message, prefixed, say
from .limits import check_time
from .rules import ALL_RULES, KNOWN_RULES
from .rules.base import Context, Rule, Violation


def _matches(rule: Rule, token: str) -> int:
    """How specifically ``token`` selects ``rule``: 0 not at all, else the prefix length.

    A kebab name selects its rule as specifically as its full code does (and a bit more).
    """
    token = token.strip().upper()
    if token in ("ALL", ""):
        return 1 if token == "ALL" else 0
    if rule.name.upper() == token:
        return len(rule.code) + 1
    if rule.code.startswith(token):
        return len(token) + 1
    return 0


def _check_tokens(tokens: Iterable[str], rules: tuple[Rule, ...], where: str) -> None:
    for token in tokens:
        if not any(_matches(r, token) for r in rules):
            raise ConfigError(say(f"{where}: {token!r} matches no rule code, prefix or name "
                                  f"(see `osmark rules`)",
                                  f"{where}: {token!r} に当たるルールのコード・接頭辞・名前がありません"
                                  f"（`osmark rules` で一覧できます）"))


def select_rules(config: Config, rules: tuple[Rule, ...] = ALL_RULES) -> tuple[Rule, ...]:
    """The rules ``config.select`` / ``config.ignore`` leave on, in registry order.

    Tokens are code prefixes ("ACC", "ENC001"), kebab names or "ALL". An empty select means
    all rules. When both lists match a rule, the more specific token wins (``select = ["ENC001"]``
    with ``ignore = ["ENC"]`` keeps ENC001); on a tie, ignore wins. A token that matches no
    rule is a :class:`ConfigError`.
    """
    known = rules + tuple(r for r in KNOWN_RULES if r not in rules)
    _check_tokens(config.select, known, "select")
    _check_tokens(config.ignore, known, "ignore")
    chosen = []
    for rule in rules:
        on = max((_matches(rule, t) for t in config.select), default=0) if config.select else 1
        off = max((_matches(rule, t) for t in config.ignore), default=0)
        if on > off:
            chosen.append(rule)
    return tuple(chosen)


def _find_rule(key: str, rules: tuple[Rule, ...]) -> Rule | None:
    k = key.strip().upper()
    return next((r for r in rules if r.code == k or r.name.upper() == k), None)


def _coerce(rule: Rule, name: str, value: Any, default: Any) -> Any:
    where = f"[rules.{rule.code}] {name}"
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise ConfigError(say(f"{where} must be true or false, not {value!r}",
                                  f"{where} は true か false で指定してください（{value!r} は使えません）"))
        return value
    if isinstance(default, (int, float)):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            raise ConfigError(say(f"{where} must be a number, not {value!r}",
                                  f"{where} は数値で指定してください（{value!r} は使えません）"))
        if value < 0:
            raise ConfigError(say(f"{where} must not be negative, not {value!r}",
                                  f"{where} に負の値は使えません（{value!r}）"))
        if isinstance(default, int) and value != int(value):
            raise ConfigError(say(f"{where} must be a whole number, not {value!r}",
                                  f"{where} は整数で指定してください（{value!r} は使えません）"))
        return float(value) if isinstance(default, float) else int(value)
    if isinstance(default, (list, tuple)):
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise ConfigError(f"{where} must be a list of names (strings), not {value!r}")
        return tuple(v.strip() for v in value)
    if isinstance(default, str) and not isinstance(value, str):
        raise ConfigError(f"{where} must be a string, not {value!r}")
    return value


def check_config(config: Config, rules: tuple[Rule, ...] = KNOWN_RULES) -> None:
    """Raise :class:`ConfigError` (naming the config file) for anything in the config that names
    no rule or option; see :func:`_check_config`."""
    try:
        _check_config(config, rules)
    except ConfigError as exc:
        if config.path and not str(exc).startswith(config.path):
            raise ConfigError(prefixed(config.path, exc_message(exc))) from None
        raise


def _check_config(config: Config, rules: tuple[Rule, ...] = KNOWN_RULES) -> None:
    """Raise :class:`ConfigError` for anything in the config that names no rule or option.

    Checks select/ignore tokens, ``[severity]`` keys, ``[rules.X]`` tables and option
    names and values, for every rule (selected or not), before anything runs.
    """
    _check_tokens(config.select, rules, "select")
    _check_tokens(config.ignore, rules, "ignore")
    for key in config.severity:
        if _find_rule(key, rules) is None:
            raise ConfigError(say(f"[severity] {key}: no rule has this code or name (see `osmark rules`)",
                                  f"[severity] {key}: このコード・名前のルールはありません（`osmark rules` で一覧できます）"))
    for key, table in config.rule_options.items():
        rule = _find_rule(key, rules)
        if rule is None:
            raise ConfigError(say(f"[rules.{key}]: no rule has this code or name (see `osmark rules`)",
                                  f"[rules.{key}]: このコード・名前のルールはありません（`osmark rules` で一覧できます）"))
        _checked(rule, table)


def rule_options(rule: Rule, config: Config) -> dict[str, Any]:
    """A rule's options: its defaults, then ``[rules.NAME]``, then ``[rules.CODE]``."""
    options = rule.defaults()
    for key, table in config.rule_options.items():
        if key.strip().upper() == rule.name.upper():
            options.update(_checked(rule, table))
    for key, table in config.rule_options.items():
        if key.strip().upper() == rule.code:
            options.update(_checked(rule, table))
    return options


def _checked(rule: Rule, table: Mapping[str, Any]) -> dict[str, Any]:
    defaults = rule.defaults()
    out = {}
    for name, value in table.items():
        if name not in defaults:
            choices = ", ".join(defaults)
            raise ConfigError(say(f"[rules.{rule.code}]: unknown option {name!r}; options: {choices or 'none'}",
                                  f"[rules.{rule.code}]: オプション {name!r} はありません。使えるオプション: "
                                  f"{choices or 'なし'}"))
        out[name] = _coerce(rule, name, value, defaults[name])
    return out


def _severity(rule: Rule, violation: Violation, config: Config) -> str:
    configured = config.severity.get(rule.code) or config.severity.get(rule.name.upper())
    return configured or violation.severity or rule.severity


def format_message(rule: Rule, violation: Violation) -> dict[str, str]:
    """The violation's message variant formatted in each language.

    An argument that is a mapping with language keys gives the entry for that language.
    """
    templates = rule.messages.get(violation.message)
    if templates is None:
        raise KeyError(f"{rule.code} has no message variant {violation.message!r}")
    out = {}
    for lang, template in templates.items():
        args = {k: _in_lang(v, lang) for k, v in violation.args.items()}
        out[lang] = template.format_map(args)
    return out


def _in_lang(value: Any, lang: str) -> Any:
    """A phrase mapping's entry for ``lang`` (English as fallback); other values unchanged."""
    if isinstance(value, Mapping) and (lang in value or "en" in value):
        return value.get(lang, value.get("en"))
    return value


def _identity(rule: Rule, violation: Violation) -> str:
    parts = [rule.code]
    parts += [f"{s.kind}:{s.name if s.name is not None else s.id}" for s in violation.subjects]
    parts.append(violation.key)
    return "|".join(parts)


def _fingerprint(identity: str) -> str:
    return hashlib.sha1(identity.encode("utf-8")).hexdigest()[:16]


def _locate(violation: Violation) -> tuple[tuple[float, float] | None, tuple[float, ...] | None]:
    geom = violation.where
    if geom is None or geom.is_empty:
        return None, None
    c = geom.centroid
    if c.is_empty:  # e.g. a degenerate collection
        c = geom.representative_point()
    return (float(c.x), float(c.y)), tuple(float(v) for v in geom.bounds)


def _finding(rule: Rule, violation: Violation, config: Config, seen: Counter) -> Finding:
    identity = _identity(rule, violation)
    seen[identity] += 1
    if seen[identity] > 1:
        identity = f"{identity}#{seen[identity]}"
    at, bbox = _locate(violation)
    return Finding(rule=rule.code, name=rule.name, severity=_severity(rule, violation, config),
                   clause=violation.clause or rule.clause, message=format_message(rule, violation),
                   subjects=tuple(violation.subjects), at=at, bbox=bbox,  # type: ignore[arg-type]
                   fingerprint=_fingerprint(identity), extra=dict(violation.extra))


def _crash(rule: Rule, exc: BaseException) -> Finding:
    why = f"{type(exc).__name__}: {exc}"
    message = {
        "ja": f"ルール {rule.code}（{rule.name}）の実行に失敗したため、この項目は確認されていません"
              f"（{why}）。図面を確認し、解決しない場合は不具合として報告してください。",
        "en": f"Rule {rule.code} ({rule.name}) failed, so this check was not made ({why}). "
              f"Check the drawing; if the problem persists, please report it as a bug.",
    }
    return Finding(rule=rule.code, name=rule.name, severity="error", clause=rule.clause,
                   message=message, subjects=(), at=None, bbox=None,
                   fingerprint=_fingerprint(f"{rule.code}|crash"),
                   extra={"rule_error": why, "traceback": traceback.format_exc(limit=4)})


def run_rule(rule: Rule, site: Site, config: Config) -> tuple[list[Finding], RuleRun]:
    """Run one rule; a rule that raises gives one error finding, never an exception."""
    options = rule_options(rule, config)
    ctx = Context(options)
    try:
        violations = list(rule.check(site, ctx))
        seen: Counter = Counter()
        findings = [_finding(rule, v, config, seen) for v in violations]
    except Exception as exc:  # noqa: BLE001 - a broken rule must not stop the others
        return [_crash(rule, exc)], RuleRun(rule.code, ctx.checked, 0, error=f"{type(exc).__name__}: {exc}")
    return findings, RuleRun(rule.code, ctx.checked, len(findings), note=ctx.note)


def sort_findings(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    """By severity (errors first), then rule code; the rule's own order within a rule."""
    return tuple(sorted(findings, key=lambda f: (SEVERITY_ORDER.get(f.severity, 9), f.rule)))


def run_rules(site: Site, config: Config | None = None,
              rules: tuple[Rule, ...] = ALL_RULES) -> Report:
    """Check a site with the rules the config selects. Raises ConfigError for bad options."""
    from .geometry.placement import not_placed

    config = config or Config()
    check_config(config, rules)
    selected = select_rules(config, rules)
    findings: list[Finding] = []
    runs: list[RuleRun] = []
    for rule in selected:
        check_time()  # the floor's time limit, also where no alarm signal arrives (threads)
        found, run = run_rule(rule, site, config)
        findings.extend(found)
        runs.append(run)
    return Report(plan=site.plan, findings=sort_findings(findings), runs=tuple(runs), site=site,
                  not_placed=not_placed(site, config))
