"""Every drawing of both shared corpora through ``osmark check``, ``osmark layers`` and
``osmark layers --suggest-config``, as a user would run them: never a traceback, exit 0 or 1 for
check (3 only with a one-line message), 0 for layers, a report valid against the JSON schema and
a suggested config that is TOML osmark accepts.

``../shared/corpus`` is checked with the configs of ``tests/corpus/NAME/osmark.toml``,
``../shared/corpus-real`` with the ``osmark.toml`` beside each drawing (the daoshi folders'
``osmark.zones.toml`` variants are left to their own tests). Skipped when ../shared is absent.
"""

from __future__ import annotations

import json
import tomllib
import traceback
from pathlib import Path

import pytest

from osmark_plan.cli import main
from osmark_plan.config import from_mapping

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = SHARED / "corpus"
REAL = SHARED / "corpus-real"
CONFIGS = Path(__file__).resolve().parent / "corpus"
DRAWING_SUFFIXES = (".dxf", ".dwg", ".jww", ".jwc")
pytestmark = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared is absent")


def drawings() -> list[tuple[str, Path, Path]]:
    """(id, drawing, config) of every drawing of both corpora that has a config."""
    from test_corpus_rooms import FILES  # the shared corpus's drawings, by config folder

    out = []
    if CORPUS.is_dir():
        out += [(f"corpus/{name}", CORPUS / FILES[name], CONFIGS / name / "osmark.toml")
                for name in sorted(FILES) if (CORPUS / FILES[name]).is_file()]
    if REAL.is_dir():
        for cfg in sorted(REAL.glob("*/*/osmark.toml")):
            found = sorted(p for p in cfg.parent.iterdir() if p.suffix.lower() in DRAWING_SUFFIXES)
            if found:
                out.append((f"real/{cfg.parent.relative_to(REAL).as_posix()}", found[0], cfg))
    return out


CASES = drawings()


def osmark(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """``osmark ARGS`` in this process: exit code, stdout, stderr; an exception that escapes
    the command (a traceback for the user) fails the test with its traceback."""
    try:
        code = main(args)
    except Exception:  # noqa: BLE001 - what a user would see as a traceback
        captured = capsys.readouterr()
        pytest.fail(f"osmark {' '.join(args[:2])} raised:\n{traceback.format_exc()}\n{captured.err}")
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err, captured.err
    return code, captured.out, captured.err


@pytest.mark.parametrize(("drawing", "config"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_check_gives_a_valid_report_or_one_line(drawing: Path, config: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    from osmark_plan.report.json_report import load_schema

    out = tmp_path / "report.json"
    code, _, err = osmark(["check", str(drawing), "--config", str(config), "--format", "json",
                           "--output", str(out), "--lang", "en"], capsys)
    if code == 3:
        assert err.strip() and "\n" not in err.strip(), err
        return
    assert code in (0, 1), err
    doc = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(doc, load_schema())
    assert doc["drawing"]["name"] == drawing.name


@pytest.mark.parametrize(("drawing", "config"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_layers_lists_the_layers(drawing: Path, config: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = osmark(["layers", str(drawing), "--config", str(config), "--lang", "en"], capsys)
    assert code == 0, err
    assert out.strip()


@pytest.mark.parametrize(("drawing", "config"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_suggested_config_is_toml_osmark_accepts(drawing: Path, config: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = osmark(["layers", str(drawing), "--config", str(config), "--suggest-config",
                             "--lang", "en"], capsys)
    assert code == 0, err
    data = tomllib.loads(out)  # a TOMLDecodeError fails the test with the line and column
    from_mapping(data, None)  # and osmark reads it (a ConfigError fails it)
