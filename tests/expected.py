"""Comparing findings with hand-written expectations (``*.expected.json``).

An expected finding is ``{"rule": "ACC001", "subjects": [{"kind": "region", "name": "サーバー室"},
{"kind": "door", "name": "DR05"}]}``: a subject matches on kind, then name when given, else id
when given; subjects pair up one to one in any order.
"""

from __future__ import annotations

from typing import Any, Sequence


def subject_matches(want: dict[str, Any], got: Any) -> bool:
    """One expected subject against one actual :class:`Subject`."""
    if want["kind"] != got.kind:
        return False
    if "name" in want:
        return want["name"] == got.name
    if "id" in want:
        return want["id"] == got.id
    return True


def subjects_match(want: Sequence[dict[str, Any]], got: Sequence[Any]) -> bool:
    """The subjects pair up one to one (order-insensitive; tiny lists, so plain backtracking)."""
    if len(want) != len(got):
        return False
    if not want:
        return True
    first, rest = want[0], want[1:]
    for i, g in enumerate(got):
        if subject_matches(first, g) and subjects_match(rest, [*got[:i], *got[i + 1:]]):
            return True
    return False


def pair_findings(expected: list[dict[str, Any]], actual: list[Any]) -> tuple[list, list]:
    """Match expected to actual findings; return (missing expected, unexpected actual).

    Expected findings that name their subjects most precisely are matched first, so a
    kind-only expectation cannot steal the finding a named one needs."""
    def precision(f: dict[str, Any]) -> int:
        return -sum(("name" in s) * 2 + ("id" in s) for s in f["subjects"])

    left = list(actual)
    missing = []
    for want in sorted(expected, key=precision):
        for i, got in enumerate(left):
            if got.rule == want["rule"] and subjects_match(want["subjects"], got.subjects):
                del left[i]
                break
        else:
            missing.append(want)
    return missing, left


def describe_expected(f: dict[str, Any]) -> str:
    subs = ", ".join(
        s["kind"] + (f" {s['name']!r}" if "name" in s else f" #{s['id']}" if "id" in s else "")
        for s in f["subjects"])
    return f"{f['rule']} [{subs}]"


def describe_actual(f: Any) -> str:
    subs = ", ".join(
        s.kind + (f" {s.name!r}" if s.name else "") + (f" #{s.id}" if s.id else "") for s in f.subjects)
    return f"{f.rule} [{subs}] — {f.text('en')}"
