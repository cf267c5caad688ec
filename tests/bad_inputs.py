"""Bad and hostile inputs for tests/test_bad_input.py, each made on the fly in a folder.

Each maker writes its file(s) into ``folder`` and returns the path of the drawing (or of the
thing handed to the command). Drawings derived from the samples keep the sample's findings.
"""

from __future__ import annotations

import math
import shutil
import zipfile
from pathlib import Path

import ezdxf

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "dxf"
#: a sample with one error finding (ACC001) and a compliant one
FAILING, PASSING = SAMPLES / "acc001.dxf", SAMPLES / "office_ok.dxf"


def copy(folder: Path, src: Path = FAILING, name: str = "floor.dxf") -> Path:
    dst = folder / name
    dst.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(src, dst)
    return dst


def empty(folder: Path) -> Path:
    p = folder / "empty.dxf"
    p.write_bytes(b"")
    return p


def text_file(folder: Path) -> Path:
    p = folder / "notes.dxf"
    p.write_text("これは図面ではありません。\nJust some notes.\n", encoding="utf-8")
    return p


def png_file(folder: Path) -> Path:
    p = folder / "picture.dxf"
    p.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    return p


def zip_file(folder: Path) -> Path:
    p = folder / "archive.dxf"
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("floor.dxf", FAILING.read_bytes())
    return p


def dwg_file(folder: Path) -> Path:
    p = folder / "floor.dwg"
    p.write_bytes(b"AC1032\x00\x00\x00\x00\x00\x00\x1f\x00\x1b" + bytes(range(256)) * 40)
    return p


def binary_dxf(folder: Path) -> Path:
    doc = ezdxf.readfile(FAILING)
    p = folder / "binary.dxf"
    doc.saveas(p, fmt="bin")
    return p


def truncated(folder: Path) -> Path:
    data = FAILING.read_bytes()
    p = folder / "truncated.dxf"
    p.write_bytes(data[: len(data) // 3])
    return p


def header_only(folder: Path) -> Path:
    """A DXF cut right after its header: nothing to recover."""
    data = FAILING.read_bytes()
    end = data.index(b"ENDSEC") + len(b"ENDSEC\n")
    p = folder / "header_only.dxf"
    p.write_bytes(data[:end])
    return p


def long_comments(folder: Path) -> Path:
    """A valid DXF whose first 200 KB are comments (group code 999)."""
    p = folder / "comments.dxf"
    p.write_bytes(b"999\nwritten by a tool that likes comments\n" * 6000 + FAILING.read_bytes())
    return p


def bad_encoding(folder: Path) -> Path:
    """A UTF-8 (R2018) drawing with stray Latin-1 and Shift-JIS bytes in texts."""
    data = FAILING.read_bytes().replace("サーバー室".encode("utf-8"), "サーバ".encode("cp932") + b"\xe9\xff", 1)
    p = folder / "bad_encoding.dxf"
    p.write_bytes(data)
    return p


def _edit(folder: Path, name: str, fn, src: Path = FAILING) -> Path:
    doc = ezdxf.readfile(src)
    fn(doc)
    p = folder / name
    doc.saveas(p)
    return p


def _first_poly(doc, prefix: str):
    return next(e for e in doc.modelspace() if e.dxftype() == "LWPOLYLINE" and e.dxf.layer.startswith(prefix))


def with_vertex(folder: Path, value: float, layer_prefix: str = "申請エリア", name: str = "absurd.dxf") -> Path:
    """One extra vertex at (value, value) on the first outline of a layer."""
    def fn(doc):
        e = _first_poly(doc, layer_prefix)
        pts = list(e.get_points())
        pts.insert(1, (value, value, 0, 0, 0))
        e.set_points(pts)

    return _edit(folder, name, fn)


def nan_walls(folder: Path) -> Path:
    def fn(doc):
        msp = doc.modelspace()
        for v in (math.nan, math.inf, -math.inf, 1e300):
            msp.add_line((v, 0), (1000, v), dxfattribs={"layer": "壁"})
        msp.add_circle((0, 0), 1e300, dxfattribs={"layer": "壁"})
        msp.add_arc((1e300, 0), 500, 0, 90, dxfattribs={"layer": "建具"})
        msp.add_text("受付", dxfattribs={"layer": "室名", "insert": (math.nan, 0)})

    return _edit(folder, "nan.dxf", fn)


def zero_length(folder: Path) -> Path:
    def fn(doc):
        msp = doc.modelspace()
        for i in range(50):
            msp.add_line((1000 * i, 500), (1000 * i, 500), dxfattribs={"layer": "壁"})
        msp.add_lwpolyline([(5, 5), (5, 5), (5, 5)], dxfattribs={"layer": "ゾーン-L2"})

    return _edit(folder, "zero.dxf", fn)


def bowtie_zone(folder: Path) -> Path:
    """A self-intersecting zone outline (a bow tie) and two overlapping zones."""
    def fn(doc):
        msp = doc.modelspace()
        msp.add_lwpolyline([(126000, 46000), (130000, 50000), (130000, 46000), (126000, 50000)],
                           close=True, dxfattribs={"layer": "ゾーン-L2"})
        msp.add_lwpolyline([(131000, 46000), (134000, 46000), (134000, 49000), (131000, 49000)],
                           close=True, dxfattribs={"layer": "ゾーン-L2"})
        msp.add_lwpolyline([(132000, 47000), (135000, 47000), (135000, 50000), (132000, 50000)],
                           close=True, dxfattribs={"layer": "ゾーン-L3"})

    return _edit(folder, "bowtie.dxf", fn)


def self_insert(folder: Path) -> Path:
    def fn(doc):
        a = doc.blocks.new("LOOP_A")
        b = doc.blocks.new("LOOP_B")
        a.add_line((0, 0), (100, 0))
        a.add_blockref("LOOP_B", (10, 10))
        b.add_blockref("LOOP_A", (10, 10))
        b.add_blockref("LOOP_B", (20, 20))
        doc.modelspace().add_blockref("LOOP_A", (121000, 46000), dxfattribs={"layer": "家具"})

    return _edit(folder, "loop.dxf", fn)


def deep_nesting(folder: Path, depth: int = 40) -> Path:
    def fn(doc):
        prev = None
        for i in range(depth):
            blk = doc.blocks.new(f"NEST{i}")
            blk.add_line((0, 0), (10, 0))
            if prev:
                blk.add_blockref(prev, (1, 0))
            prev = f"NEST{i}"
        doc.modelspace().add_blockref(prev, (121000, 46000), dxfattribs={"layer": "家具"})

    return _edit(folder, "deep.dxf", fn)


def minsert(folder: Path, rows: int = 10000, cols: int = 10000) -> Path:
    def fn(doc):
        blk = doc.blocks.new("CHAIR")
        blk.add_circle((0, 0), 200)
        ref = doc.modelspace().add_blockref("CHAIR", (121000, 46000), dxfattribs={"layer": "家具"})
        ref.grid(size=(rows, cols), spacing=(10, 10))

    return _edit(folder, "minsert.dxf", fn)


def million_lines(folder: Path, n: int = 1_000_000) -> Path:
    """An R12 drawing of ``n`` wall lines, written directly (ezdxf would take a minute)."""
    p = folder / "million.dxf"
    head = b"0\nSECTION\n2\nHEADER\n9\n$ACADVER\n1\nAC1009\n9\n$INSUNITS\n70\n4\n0\nENDSEC\n0\nSECTION\n2\nENTITIES\n"
    line = "0\nLINE\n8\nWALL\n10\n{x}\n20\n{y}\n11\n{x}\n21\n{y2}\n"
    with p.open("wb") as fh:
        fh.write(head)
        chunk = []
        for i in range(n):
            x, y = (i % 1000) * 10, (i // 1000) * 10
            chunk.append(line.format(x=x, y=y, y2=y + 5))
            if len(chunk) == 10000:
                fh.write("".join(chunk).encode("ascii"))
                chunk = []
        fh.write("".join(chunk).encode("ascii"))
        fh.write(b"0\nENDSEC\n0\nEOF\n")
    return p


def odd_path(folder: Path) -> Path:
    """A drawing in a folder with Japanese and spaces in its name."""
    return copy(folder / "申請 図面 (2F)", FAILING, "３階 平面図 v2.dxf")


def directory(folder: Path) -> Path:
    p = folder / "a folder.dxf"
    p.mkdir()
    return p


def missing(folder: Path) -> Path:
    return folder / "does-not-exist.dxf"


#: broken osmark.toml texts, each a config error (exit 2) naming the file
BROKEN_CONFIGS: dict[str, bytes] = {
    "syntax": b"units = \"mm\nselect = [",
    "not-utf8": "units = \"mm\" # ミリ".encode("cp932"),
    "unknown-key": b"colour = \"red\"\n",
    "layers-not-table": b"layers = 3\n",
    "layers-unknown-kind": b"[layers]\nroof = \"^ROOF\"\n",
    "bad-regex": b"[layers]\nwall = \"^(WALL\"\n",
    "bad-units": b"units = \"furlong\"\n",
    "bad-lang": b"lang = \"fr\"\n",
    "bad-severity": b"[severity]\nACC001 = \"fatal\"\n",
    "bad-zone-level": b"[zones]\n\"Room\" = 7\n",
    "lock-pattern-type": b"lock_pattern = 5\n",
    "bad-geometry": b"[geometry]\nmin_gap = -1\n",
    "bad-limits": b"[limits]\nentities = 0\n",
    "unknown-limit": b"[limits]\nmemory = 5\n",
    "nan-limit": b"[limits]\nseconds = nan\n",
    "unknown-rule": b"select = [\"XYZ999\"]\n",
    "bad-scale": b"scale = \"huge\"\n",
}


def catastrophic_regex(folder: Path) -> Path:
    """A layer pattern that backtracks for ever on the drawing's long layer name."""
    def fn(doc):
        doc.modelspace().add_line((0, 0), (1, 1), dxfattribs={"layer": "a" * 60 + "!"})

    p = _edit(folder, "regex.dxf", fn)
    (folder / "osmark.toml").write_text('[layers]\nwall = "^(a|aa)+$"\n', encoding="utf-8")
    return p


def catastrophic_lock_pattern(folder: Path) -> Path:
    def fn(doc):
        doc.modelspace().add_text("x" * 60 + "!", dxfattribs={"layer": "室名", "insert": (122450, 52100)})

    p = _edit(folder, "lock.dxf", fn)
    (folder / "osmark.toml").write_text('lock_pattern = "^(x|xx)+$"\n', encoding="utf-8")
    return p
