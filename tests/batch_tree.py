"""A folder of sample floors for the batch tests: two buildings, loose floors and a broken file.

    tree/
      bldg_a/building.toml        本社ビル: 1F = office_ok (exposed, has サーバー室 L3),
      bldg_a/1F.dxf, 2F.dxf                 2F = zon001 (no level 3)
      bldg_b/osmark.toml          [building] 別館: 2F, 3F = zon002 (all level 3, nothing separate),
      bldg_b/2F.dxf, 3F.dxf, B1.dxf         B1 = zon001, not in the application area
      loose/acc001.dxf            ACC001 error
      loose/ok.DXF                office_ok (upper-case suffix)
      loose/.hidden/skip.dxf      never found (hidden folder)
      broken/broken.dxf           not a drawing
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "dxf"

BUILDING_A = """\
name = "本社ビル"

[[floors]]
name = "1F"
file = "1F.dxf"
exposed = true

[[floors]]
name = "2F"
file = "2F.dxf"
"""

BUILDING_B = """\
[building]
name = "別館"

[[building.floors]]
name = "2F"
file = "2F.dxf"

[[building.floors]]
name = "3F"
file = "3*.dxf"

[[building.floors]]
name = "B1"
file = "B1.dxf"
in_application = false
"""

BROKEN = b"not a drawing at all\n"


def copy(name: str, dst: Path) -> Path:
    src = SAMPLES / f"{name}.dxf"
    if not src.exists():
        pytest.skip("samples not generated")
    dst.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(src, dst)
    return dst


def make_tree(root: Path) -> Path:
    """Build the tree under ``root``; return ``root``."""
    a, b, loose = root / "bldg_a", root / "bldg_b", root / "loose"
    copy("office_ok", a / "1F.dxf")
    copy("zon001", a / "2F.dxf")
    (a / "building.toml").write_text(BUILDING_A, encoding="utf-8")
    copy("zon002", b / "2F.dxf")
    copy("zon002", b / "3F.dxf")
    copy("zon001", b / "B1.dxf")
    (b / "osmark.toml").write_text(BUILDING_B, encoding="utf-8")
    copy("acc001", loose / "acc001.dxf")
    copy("office_ok", loose / "ok.DXF")
    copy("zon001", loose / ".hidden" / "skip.dxf")
    (root / "broken").mkdir()
    (root / "broken" / "broken.dxf").write_bytes(BROKEN)
    return root


def drawings(root: Path) -> dict[Path, bytes]:
    """Every drawing under ``root`` with its bytes (to prove none was overwritten)."""
    return {p: p.read_bytes() for p in root.rglob("*") if p.suffix.lower() == ".dxf"}
