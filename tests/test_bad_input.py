"""The bad-input matrix: every case ends with its documented exit code and, when it fails, one
clear line on stderr naming the file and the problem (in the chosen language), no traceback
and no warning noise. The drawings are made by tests/bad_inputs.py.

| case | exit | stderr says |
|---|---|---|
| empty file | 3 | the file is empty |
| text, PNG, ZIP named .dxf | 3 | not a DXF file |
| DWG | 3 | not a DXF file (or DWG) |
| binary DXF | 1 | (checked like the text DXF) |
| truncated DXF | 3 | not a readable DXF file |
| header only | 3 | damaged, nothing recovered |
| 200 KB of comments first | 1 | (read) |
| bad encoding bytes | 1 | (read) |
| 1e300 / NaN / inf | 1 | (DWG009 error finding) |
| zero-length lines | 1 | (read) |
| self-intersecting and overlapping zones | 1 | (findings) |
| self-inserting blocks | 1 | (read, the loop reported) |
| 40 nested blocks | 3 | nested more than 24 deep |
| 10000 x 10000 MINSERT | 3 | MINSERT ... cells |
| a million wall lines | 3 | more than 500,000 entities |
| Japanese and spaces in the path | 1 | (read) |
| missing file, folder | 3 | file not found / is a folder |
| no read permission | 3 | permission denied |
| catastrophic layer regex / lock_pattern | 2 | the pattern took longer than 1 s |
| broken osmark.toml (17 kinds) | 2 | the file and the setting |
| corpus files of mozman__ezdxf | 0, 1 or 3 | one line when 3 |
"""

from __future__ import annotations

import signal
import time
from pathlib import Path

import pytest

import bad_inputs as bad
from osmark_plan.cli import main

pytestmark = pytest.mark.skipif(not bad.FAILING.exists(), reason="samples not generated")

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "mozman__ezdxf"


@pytest.fixture(autouse=True)
def _keep_signal_handlers():
    """main() installs its signal handlers; give pytest its own back."""
    saved = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)}
    yield
    for s, h in saved.items():
        signal.signal(s, h)


def run(capsys, *args: object) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def assert_clean(err: str, code: int, path: Path | str | None = None) -> None:
    """No traceback, no warnings; a failure is one line naming the file (Click's usage errors
    add their usual "Usage:" and "Try" lines before it)."""
    assert "Traceback" not in err and "Warning" not in err, err
    if code in (2, 3):
        lines = [ln for ln in err.splitlines() if ln.strip() and not ln.startswith(("Usage: ", "Try '"))]
        assert len(lines) == 1, err
        if path is not None:
            assert str(path) in lines[0], err


# case id, maker, exit code, English fragment, Japanese fragment (None: no message expected)
MATRIX = [
    ("empty", bad.empty, 3, "the file is empty", "ファイルが空です"),
    ("text", bad.text_file, 3, "not a DXF file", "DXF ファイルではありません"),
    ("png", bad.png_file, 3, "not a DXF file", "DXF ファイルではありません"),
    ("zip", bad.zip_file, 3, "not a DXF file", "DXF ファイルではありません"),
    ("dwg", bad.dwg_file, 3, "DWG", "DWG"),  # read by the DWG converter, which refuses it
    ("binary-dxf", bad.binary_dxf, 1, None, None),
    ("truncated", bad.truncated, 3, "not a readable DXF file", "読み取れない DXF ファイル"),
    ("header-only", bad.header_only, 3, "no drawing entity could be recovered", "復元できませんでした"),
    ("long-comments", bad.long_comments, 1, None, None),
    ("bad-encoding", bad.bad_encoding, 1, None, None),
    ("aa-1e308", lambda f: bad.with_vertex(f, 1e308), 1, None, None),
    ("zone-nan", lambda f: bad.with_vertex(f, float("nan"), "ゾーン"), 1, None, None),
    ("zone-inf", lambda f: bad.with_vertex(f, float("inf"), "ゾーン"), 1, None, None),
    ("aa-1e300", lambda f: bad.with_vertex(f, 1e300), 1, None, None),
    ("nan-walls", bad.nan_walls, 1, None, None),
    ("zero-length", bad.zero_length, 1, None, None),
    ("bowtie-overlap", bad.bowtie_zone, 1, None, None),
    ("self-insert", bad.self_insert, 1, None, None),
    ("deep-nesting", bad.deep_nesting, 3, "nested more than 24 deep", "入れ子が 24 段を超えています"),
    ("minsert", bad.minsert, 3, "MINSERT array", "MINSERT 配列"),
    ("million", bad.million_lines, 3, "more than 500,000 entities", "500,000 個を超えた"),
    ("odd-path", bad.odd_path, 1, None, None),
    ("missing", bad.missing, 3, "file not found", "ファイルがありません"),
    ("folder", bad.directory, 3, "is a folder", "フォルダです"),
    ("regex", bad.catastrophic_regex, 2, "took longer than", None),
    ("lock-regex", bad.catastrophic_lock_pattern, 2, "took longer than", None),
]


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    """Each case's drawing, made once for both languages."""
    cache: dict[str, Path] = {}

    def get(case: str, maker) -> Path:
        if case not in cache:
            folder = tmp_path_factory.mktemp(case)
            cache[case] = maker(folder)
        return cache[case]

    return get


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("case,maker,code,en,ja", MATRIX, ids=[m[0] for m in MATRIX])
def test_bad_input_matrix(case, maker, code, en, ja, lang, made, capsys):
    path = made(case, maker)
    start = time.monotonic()
    got, out, err = run(capsys, "check", path, "--lang", lang)
    assert got == code, err
    assert time.monotonic() - start < 180  # generous: shared, loaded test machines
    assert_clean(err, got, path if code == 3 else None)
    fragment = en if lang == "en" else ja
    if fragment:
        assert fragment in err, err
    if code == 1:
        assert out.strip()  # a report was written


def test_absurd_coordinates_are_error_findings(made, capsys):
    for case, maker in (("aa-1e308", lambda f: bad.with_vertex(f, 1e308)), ("nan-walls", bad.nan_walls)):
        code, out, _err = run(capsys, "check", made(case, maker), "--lang", "en")
        assert code == 1 and "DWG009" in out and "ACC001" in out  # the floor's own error stays
        assert "at nan" not in out.lower() and "inf," not in out.lower()


def test_self_inserting_block_is_reported(made, capsys):
    code, out, _err = run(capsys, "check", made("self-insert", bad.self_insert), "--lang", "en",
                          "--format", "json")
    import json

    doc = json.loads(out)
    assert code == 1 and any(r["reason"] == "block-cycle" for r in doc["rejected"])


@pytest.mark.parametrize("kind", sorted(bad.BROKEN_CONFIGS))
def test_broken_config(kind, tmp_path, capsys):
    drawing = bad.copy(tmp_path)
    toml = tmp_path / "osmark.toml"
    toml.write_bytes(bad.BROKEN_CONFIGS[kind])
    runs = [("check", drawing), ("check", drawing, "--config", toml)]
    if kind != "unknown-rule":  # layers runs no rule
        runs.append(("layers", drawing))
    for args in runs:
        code, _out, err = run(capsys, *args, "--lang", "en")
        assert code == 2, (args, err)
        assert_clean(err, code, toml)


def test_config_that_is_a_folder_or_missing(tmp_path, capsys):
    drawing = bad.copy(tmp_path)
    for config in (tmp_path / "nowhere.toml", tmp_path):
        code, _out, err = run(capsys, "check", drawing, "--config", config)
        assert code == 2
        assert_clean(err, code)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not present")
@pytest.mark.parametrize("name", sorted(p.name for p in CORPUS.glob("*.dxf")) if CORPUS.is_dir() else [])
def test_corpus_files_read_or_refused_cleanly(name, capsys):
    path = CORPUS / name
    code, _out, err = run(capsys, "check", path, "--lang", "en")
    assert code in (0, 1, 3), err
    assert_clean(err, code, path if code == 3 else None)


# --- limits -----------------------------------------------------------------------------------

def test_entity_limit_after_block_expansion(tmp_path, capsys):
    """Few entities in model space, many once the blocks are expanded."""
    drawing = bad.minsert(tmp_path, rows=30, cols=30)  # 900 cells of one circle each
    (tmp_path / "osmark.toml").write_text("[limits]\nentities = 500\n", encoding="utf-8")
    code, _out, err = run(capsys, "check", drawing, "--lang", "en")
    assert code == 3 and "more than 500 entities after block expansion" in err
    assert_clean(err, code, drawing)
    code, _out, err = run(capsys, "check", drawing, "--max-entities", "5000", "--lang", "en")
    assert code == 1, err


def test_limits_can_be_raised(tmp_path, capsys):
    drawing = bad.deep_nesting(tmp_path, depth=30)
    (tmp_path / "osmark.toml").write_text("[limits]\nblock_depth = 40\nminsert_cells = 10\n",
                                          encoding="utf-8")
    code, _out, err = run(capsys, "check", drawing, "--lang", "en")
    assert code == 1, err


def test_time_limit(tmp_path, capsys):
    drawing = bad.copy(tmp_path)
    code, _out, err = run(capsys, "check", drawing, "--time-limit", "0.001", "--lang", "en")
    assert code == 3 and "time limit of 0.001 s" in err
    assert_clean(err, code, drawing)
    code, _out, err = run(capsys, "check", drawing, "--time-limit", "0.001", "--lang", "ja")
    assert code == 3 and "制限時間" in err


# --- outputs checked before work --------------------------------------------------------------

def test_outputs_refused_before_work(tmp_path, capsys):
    drawing = bad.copy(tmp_path)
    missing = tmp_path / "gone.dxf"  # exit 2, not 3: the output is refused before reading
    cases = [
        (("check", missing, "--image", tmp_path / "x.jpg"), "must end in"),
        (("check", missing, "-o", "/nonexistent/dir/x.json"), "/nonexistent/dir does not exist"),
        (("check", drawing, "--graph"), "--image"),
        (("check", drawing, "-o", drawing), "refusing to overwrite"),
        (("check", drawing, "--image", drawing.with_suffix(".png"), "-o", tmp_path), "directory"),
        (("diff", missing, drawing, "-o", "/nonexistent/dir/x.json"), "/nonexistent/dir"),
        (("diff", drawing, missing, "--image", tmp_path / "x.gif"), "must end in"),
    ]
    for args, fragment in cases:
        code, _out, err = run(capsys, *args, "--lang", "en")
        assert code == 2, (args, err)
        assert fragment in err, err
        assert_clean(err, code)
    assert not Path("/nonexistent").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["floor.dxf"]


def test_batch_usage_errors(tmp_path, capsys):
    drawing = bad.copy(tmp_path / "plans")
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    cases = [
        (("batch", tmp_path / "nothing-here", "--out", tmp_path / "out"), "nothing-here"),
        (("batch", drawing, "--out", blocker / "out"), "--out cannot be written"),
        (("batch", drawing, "--out", "/proc/osmark-out"), "--out cannot be written"),
        (("batch", drawing, "--out", blocker), "is a file"),
    ]
    for args, fragment in cases:
        code, _out, err = run(capsys, *args, "--jobs", "1", "--no-images", "--lang", "en")
        assert code == 2, (args, err)
        assert fragment in err, err
        assert_clean(err, code)
    assert not (tmp_path / "out").exists()
