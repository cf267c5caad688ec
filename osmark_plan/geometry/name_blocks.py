"""Which texts inside blocks may name a room.

A **room-name block** carries a room's name as an ATTRIB or as a TEXT/MTEXT in its definition
and is placed once per room: its text names the room like a plain text when the block sits on a
label layer, or, on another mapped layer, when the text holds a room word (室, WC, OFFICE …).

A **symbol's text** never names a room: the same text from the same block
:data:`SYMBOL_REPEAT` times or more (a door tag, a fire extinguisher, a north arrow or furniture
symbol placed many times), unless it is a room word on a label layer (a room tag placed in each
of six store rooms). Texts of blocks on ignored layers are left out with the other texts there
(:func:`osmark_plan.geometry.room_names.usable_labels`).
"""

from __future__ import annotations

from collections import Counter

from ..model import Label
from ..naming import fold
from ..room_words import has_room_word

#: this many labels with the same text from the same block make it a symbol's text
SYMBOL_REPEAT = 5


def block_texts_ok(labels: list[Label]) -> list[bool]:
    """For each label, whether it may name a room as far as blocks go: True for a plain text;
    for a text inside a block (or an ATTRIB) the rules of the module docstring."""
    keys = [(lb.source.block, fold(lb.text)) if lb.source.block is not None else None for lb in labels]
    repeats = Counter(k for k in keys if k is not None)
    out = []
    for lb, key in zip(labels, keys):
        if key is None:
            out.append(True)
            continue
        worded = has_room_word(lb.text)
        if lb.layer_kind == "label":
            out.append(worded or repeats[key] < SYMBOL_REPEAT)
        else:
            out.append(worded and repeats[key] < SYMBOL_REPEAT)
    return out
