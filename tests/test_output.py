"""Atomic outputs: complete or untouched, never truncated; temporaries removed; inputs refused."""

from pathlib import Path

import pytest

from osmark_plan.output import (OutputError, atomic_path, cleanup_pending, write_bytes_atomic,
                                write_text_atomic)


def test_text_written_whole(tmp_path: Path) -> None:
    target = tmp_path / "r.json"
    write_text_atomic(target, "{}\n")
    assert target.read_text(encoding="utf-8") == "{}\n"
    assert [p.name for p in tmp_path.iterdir()] == ["r.json"]


def test_failed_writer_keeps_old_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "r.txt"
    target.write_text("good", encoding="utf-8")

    def broken(fh):
        fh.write("half")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_text_atomic(target, broken)
    assert target.read_text(encoding="utf-8") == "good"
    assert [p.name for p in tmp_path.iterdir()] == ["r.txt"]


def test_input_refused(tmp_path: Path) -> None:
    drawing = tmp_path / "a.dxf"
    drawing.write_bytes(b"0\nEOF\n")
    with pytest.raises(OutputError, match="input drawing"):
        write_bytes_atomic(drawing, b"x", inputs=(drawing,))
    assert drawing.read_bytes() == b"0\nEOF\n"


def test_missing_folder_not_created(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="does not exist"):
        write_text_atomic(tmp_path / "no" / "r.json", "x")
    assert not (tmp_path / "no").exists()


def test_pending_temporaries_cleaned(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError):
        with atomic_path(tmp_path / "img.png") as tmp:
            tmp.write_bytes(b"partial")
            cleanup_pending()  # what a signal handler does
            assert not tmp.exists()
            raise RuntimeError
    assert list(tmp_path.iterdir()) == []


def test_temporaries_of_a_killed_run_are_removed_later(tmp_path: Path) -> None:
    import os
    import time

    target = tmp_path / "plan.png"
    old = tmp_path / ".plan.png.k1ll3d.tmp.png"
    fresh = tmp_path / ".plan.png.wr1t1ng.tmp.png"  # another run writing right now
    for p in (old, fresh):
        p.write_bytes(b"partial")
    long_ago = time.time() - 7 * 3600
    os.utime(old, (long_ago, long_ago))
    write_bytes_atomic(target, b"png")
    assert sorted(p.name for p in tmp_path.iterdir()) == [fresh.name, "plan.png"]
