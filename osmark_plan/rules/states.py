"""What the further rules read from drawn attributes: lock states, yes/no flags, and the
doors into a region of a level. Shared by the door, window and cabinet rules."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator, Mapping

from ..naming import parse_yes, single_keyholder
from .describe import Text, text

if TYPE_CHECKING:
    from ..geometry.site import Link, Site

#: lock states that keep a door, window or cabinet locked at all times (常時施錠)
ALWAYS_LOCKED = frozenset({"LOCKED", "LOGGED", "FIXED"})
#: lock states of something that has a lock, or cannot be opened at all
LOCKABLE = frozenset({"UNLOCKED", "LOCKED", "LOGGED", "FIXED"})

#: each lock state in words, for messages
STATE_WORDS: dict[str, Text] = {
    "OPEN": text("常時開放", "always open (OPEN)"),
    "UNLOCKED": text("常時開錠", "closed but unlocked (UNLOCKED)"),
    "LOCKED": text("常時施錠", "always locked (LOCKED)"),
    "LOGGED": text("施錠+入退室記録", "locked with an access record (LOGGED)"),
    "NOLOCK": text("施錠不可（錠なし）", "without a lock (NOLOCK)"),
    "FIXED": text("はめ殺し（開閉しない）", "fixed, not openable (FIXED)"),
}
UNDRAWN: Text = text("記載なし", "not drawn")


def state_word(state: str | None) -> Text:
    return STATE_WORDS.get(state or "", UNDRAWN)


def flag(attrs: Mapping[str, str], *keys: str) -> bool | None:
    """The yes/no value of the first of ``keys`` present in ``attrs`` (None: none present)."""
    for key in keys:
        if key in attrs:
            value = parse_yes(attrs[key])
            if value is not None:
                return value
    return None


def supervised(attrs: Mapping[str, str]) -> bool:
    """ATTRIB SUPERVISED (監視下) = YES: always under an access holder's watch."""
    return bool(flag(attrs, "SUPERVISED", "監視下", "監視"))


def one_keyholder(attrs: Mapping[str, str]) -> bool:
    """ATTRIB KEYHOLDER (鍵管理者) says one person alone holds and uses the key."""
    return any(single_keyholder(attrs.get(k)) for k in ("KEYHOLDER", "鍵管理者", "KEYHOLDERS"))


def doors_into(site: Site, level: int) -> Iterator[tuple[Link, str]]:
    """(link, region id) for every door whose higher side is a region of ``level``.

    A door between a level-2 and a level-3 region is a door into level 3 only; a door between
    two regions of the level counts once, for the first of them.
    """
    for link in site.links:
        if link.door is None:
            continue
        la, lb = site.level_of(link.a), site.level_of(link.b)
        if max(la, lb) != level:
            continue
        yield link, (link.a if la == level else link.b)
