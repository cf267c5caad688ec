"""What a file's first bytes tell before any DXF library reads it: DXF or not, which text
encoding. Light on purpose (no ezdxf): a forked scan (reader/prescan.py) uses it."""

from __future__ import annotations

import re

from ..messages import say
from ..model import Repair

_BINARY_SENTINEL = b"AutoCAD Binary DXF"
_CODEPAGE = re.compile(rb"\$DWGCODEPAGE\s*\r?\n\s*3\s*\r?\n\s*([^\r\n]*)")
_ACADVER = re.compile(rb"\$ACADVER\s*\r?\n\s*1\s*\r?\n\s*([^\r\n]*)")
#: DXF versions whose text is always UTF-8 (R2007 and newer)
UTF8_VERSIONS = ("AC1021", "AC1024", "AC1027", "AC1032")


def _valid(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def choose_encoding(data: bytes) -> tuple[str | None, Repair | None]:
    """The encoding to force on ezdxf (None: let ezdxf decide) and the repair it implies.

    * no ``$DWGCODEPAGE`` and bytes that are invalid UTF-8 but valid cp932: Shift-JIS (Jw_cad);
    * a pre-R2007 file declaring a code page whose non-ASCII bytes are in fact valid UTF-8
      (e.g. ANSI_932 files written as UTF-8): UTF-8.
    """
    if data.startswith(_BINARY_SENTINEL) or data.isascii():
        return None, None
    head = data[:20000]
    ver_m = _ACADVER.search(head)
    version = ver_m.group(1).strip().decode("ascii", "replace") if ver_m else ""
    if version in UTF8_VERSIONS:
        return None, None
    cp_m = _CODEPAGE.search(head)
    codepage = cp_m.group(1).strip().decode("ascii", "replace").upper() if cp_m else ""
    if _valid(data, "utf-8"):
        if codepage and codepage not in ("UTF8", "UTF-8"):
            return "utf-8", Repair(
                what="re-decoded as utf-8",
                detail=say(f"$DWGCODEPAGE says {codepage} but the text is UTF-8",
                           f"$DWGCODEPAGE は {codepage} ですが、文字は UTF-8 でした"))
        return "utf-8", None
    if (not codepage or codepage in ("ANSI_932", "DBCS")) and _valid(data, "cp932"):
        if not codepage:
            return "cp932", Repair(
                what="re-decoded as cp932",
                detail=say("no $DWGCODEPAGE; the bytes are Shift-JIS (cp932), not UTF-8",
                           "$DWGCODEPAGE がなく、文字は UTF-8 ではなく Shift-JIS (cp932) でした"))
        return "cp932", None
    return None, None


#: leading DXF comments (group code 999 and its line), however many
_COMMENTS = re.compile(rb"\A(?:\s*999[ \t]*\r?\n[^\n]*\n)*")


def looks_like_dxf(data: bytes) -> bool:
    if data.startswith(_BINARY_SENTINEL):
        return True
    m = _COMMENTS.match(data)
    start = m.end() if m else 0
    head = data[start:start + 200000]
    return b"SECTION" in head and b"\x00" not in head[:2000]


