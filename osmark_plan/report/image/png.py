"""A drawn figure written as PNG: RGB (the image has no transparency), rows unfiltered, fast
zlib compression.

A large floor's image is 2400 x 11400 pixels; the general encoder (adaptive row filters,
zlib level 6) spends longer on it than drawing it. Plans are flat colour: unfiltered rows at
level 1 compress about as well, several times faster.
"""

from __future__ import annotations

import os
import struct
import zlib
from pathlib import Path
from typing import Any, BinaryIO

#: zlib level: 1 is the fastest; plans are flat colour and compress well even so
LEVEL = 1
#: rows compressed per piece (keeps the uncompressed copy small)
ROWS = 256


def _chunk(out: BinaryIO, tag: bytes, data: bytes) -> None:
    out.write(struct.pack(">I", len(data)))
    out.write(tag)
    out.write(data)
    out.write(struct.pack(">I", zlib.crc32(data, zlib.crc32(tag)) & 0xFFFFFFFF))


def adler32_combine(first: int, second: int, second_length: int) -> int:
    """The Adler-32 of two pieces of data from theirs (zlib's adler32_combine)."""
    base = 65521
    rem = second_length % base
    sum1 = first & 0xFFFF
    sum2 = (rem * sum1) % base
    sum1 += (second & 0xFFFF) + base - 1
    sum2 += ((first >> 16) & 0xFFFF) + ((second >> 16) & 0xFFFF) + base - rem
    sum1 -= base if sum1 >= base else 0
    sum1 -= base if sum1 >= base else 0
    sum2 -= 2 * base if sum2 >= 2 * base else 0
    sum2 -= base if sum2 >= base else 0
    return sum1 | (sum2 << 16)


def _deflate(pixels: Any, last: bool) -> tuple[bytes, int, int]:
    """Raw deflate of unfiltered PNG rows of ``pixels``: the bytes, Adler-32 and length of
    the uncompressed rows. Not ``last``: ends on a byte boundary, so pieces concatenate."""
    import numpy as np

    height = len(pixels)
    packer = zlib.compressobj(LEVEL, zlib.DEFLATED, -15)
    out, adler, length = [], 1, 0
    rows = np.zeros((min(ROWS, height), pixels[0].size + 1), dtype=np.uint8)  # filter: none
    for top in range(0, height, ROWS):
        part = pixels[top:top + ROWS]
        raw = rows[:len(part)]
        raw[:, 1:] = part.reshape(len(part), -1)
        out.append(packer.compress(raw.data))
        adler = zlib.adler32(raw.data, adler)
        length += raw.size
    out.append(packer.flush(zlib.Z_FINISH if last else zlib.Z_SYNC_FLUSH))
    return b"".join(out), adler, length


def image_threads() -> int:
    """Compression threads for a PNG: $OSMARK_IMAGE_THREADS, else 2."""
    try:
        return max(1, int(os.environ.get("OSMARK_IMAGE_THREADS", "2")))
    except ValueError:
        return 2


def write_png(fig: Any, path: str | Path, text: dict[str, str] | None = None,
              threads: int | None = None) -> None:
    """Draw ``fig`` on its Agg canvas and write it to ``path`` (at the figure's dpi).

    The rows are compressed in ``threads`` pieces at once (zlib lets other threads run),
    joined into the one zlib stream PNG wants. By default two, or $OSMARK_IMAGE_THREADS (a
    batch sets 1: its floors already run side by side, one per core).
    """
    if threads is None:
        threads = image_threads()
    from concurrent.futures import ThreadPoolExecutor

    import numpy as np
    from matplotlib.colors import to_rgba

    fig.canvas.draw()
    rgba = np.asarray(fig.canvas.buffer_rgba())
    height, width = rgba.shape[:2]
    # on an opaque background everything drawn stays opaque: RGB says the same in 3/4
    opaque = to_rgba(fig.get_facecolor())[3] == 1.0 or bool((rgba[..., 3] == 255).all())
    pixels = rgba[..., :3] if opaque else rgba
    cuts = np.linspace(0, height, max(1, min(threads, height // ROWS)) + 1).astype(int)
    parts = [pixels[a:b] for a, b in zip(cuts[:-1], cuts[1:])]
    lasts = [k == len(parts) - 1 for k in range(len(parts))]
    if len(parts) > 1:
        with ThreadPoolExecutor(len(parts)) as pool:
            pieces = list(pool.map(_deflate, parts, lasts))
    else:
        pieces = [_deflate(parts[0], True)]
    adler, length = pieces[0][1], pieces[0][2]
    for _, a, n in pieces[1:]:
        adler = adler32_combine(adler, a, n)
        length += n
    ppm = round(fig.dpi / 0.0254)
    with open(path, "wb") as out:
        out.write(b"\x89PNG\r\n\x1a\n")
        _chunk(out, b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2 if opaque else 6,
                                         0, 0, 0))
        _chunk(out, b"pHYs", struct.pack(">IIB", ppm, ppm, 1))
        for key, value in (text or {}).items():
            _chunk(out, b"tEXt", key.encode("latin-1") + b"\0" + value.encode("latin-1"))
        # zlib header (deflate, 32K window, fastest), the pieces, Adler-32 of all rows
        _chunk(out, b"IDAT", b"\x78\x01" + b"".join(p for p, _, _ in pieces)
               + struct.pack(">I", adler & 0xFFFFFFFF))
        _chunk(out, b"IEND", b"")
