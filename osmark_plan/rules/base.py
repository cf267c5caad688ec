"""What a rule is: code, name, clause, default severity, options, messages and a check."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Iterable, Mapping

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry

from ..findings import Subject


@dataclass(frozen=True)
class Option:
    """A rule option with its default (metres for distances) and a one-line description in
    English (``doc``) and Japanese (``doc_ja``)."""

    name: str
    default: Any
    doc: str
    doc_ja: str = ""

    def description(self, lang: str) -> str:
        """The description in ``lang`` (English where no Japanese is written)."""
        return self.doc_ja if lang == "ja" and self.doc_ja else self.doc

    describe = description


@dataclass(frozen=True)
class Violation:
    """What a check yields; the engine turns it into a Finding.

    ``message`` picks one of the rule's message variants; ``args`` fill its fields.
    ``where`` locates it (its centroid becomes ``at``, its bounds ``bbox``).
    ``key`` distinguishes several violations on the same subjects in the fingerprint.
    ``clause`` narrows the rule's clause to the one this violation rests on (e.g. ENC001 by
    the zone's level); empty means the rule's own.
    """

    subjects: tuple[Subject, ...]
    args: Mapping[str, Any] = field(default_factory=dict)
    where: BaseGeometry | None = None
    message: str = "default"
    key: str = ""
    severity: str | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)
    clause: str = ""


class Context:
    """Given to a check: its options, and a counter of what it checked."""

    def __init__(self, options: Mapping[str, Any]):
        self.options = dict(options)
        self.checked = 0
        #: why some or all of what the rule looks at was not checked ({"ja": …, "en": …})
        self.note: dict[str, str] | None = None

    def __getitem__(self, name: str) -> Any:
        return self.options[name]

    def count(self, n: int = 1) -> None:
        """Record that ``n`` more things were checked."""
        self.checked += n

    def explain(self, ja: str, en: str) -> None:
        """Say in the report why something was not checked (e.g. no lock states are drawn)."""
        self.note = {"ja": ja, "en": en}


Check = Callable[[Any, Context], Iterable[Violation]]


@dataclass(frozen=True)
class Rule:
    """A rule. Its ``doc`` (the check's docstring) is the user documentation."""

    code: str
    name: str
    clause: str
    severity: str
    check: Check
    #: variant -> {"ja": template, "en": template}; templates use str.format(**args)
    messages: Mapping[str, Mapping[str, str]]
    options: tuple[Option, ...] = ()
    #: one line in each language, for `osmark rules`
    summary: Mapping[str, str] = field(default_factory=dict)
    #: the documentation in Japanese (the docstring is the English one)
    doc_ja: str = ""

    @property
    def doc(self) -> str:
        import inspect

        return inspect.cleandoc(self.check.__doc__ or "")

    def documentation(self, lang: str) -> str:
        """The user documentation in ``lang`` (English where no Japanese is written)."""
        import inspect

        return inspect.cleandoc(self.doc_ja) if lang == "ja" and self.doc_ja else self.doc

    def defaults(self) -> dict[str, Any]:
        return {o.name: o.default for o in self.options}


def rule(code: str, name: str, clause: str, severity: str, messages: Mapping[str, Mapping[str, str]],
         summary: Mapping[str, str], options: tuple[Option, ...] = (), doc_ja: str = "") -> Callable[[Check], Rule]:
    """Decorator turning a check function into a :class:`Rule` (its docstring: the English
    documentation; ``doc_ja``: the Japanese one)."""

    def wrap(fn: Check) -> Rule:
        return Rule(code=code, name=name, clause=clause, severity=severity, check=fn,
                    messages=messages, options=options, summary=summary, doc_ja=doc_ja)

    return wrap
