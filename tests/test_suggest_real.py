"""`osmark layers --suggest-config` on the real drawings of ``../shared/corpus-real`` (and of
``../shared/corpus``), read as a user without a config would: the suggestion, taken as it stands, finds rooms on every drawing
that has walls (the foundation plan Wall_Detection/sample finds none and says why); it never
proposes a frame or a room name from a title's characters, an area, a dimension or junk; and it
lists the room names the careful user's zone table gives. Skipped when ../shared is absent."""

from __future__ import annotations

import functools
import re
import tomllib
from pathlib import Path

import pytest

from osmark_plan.api import check, load
from osmark_plan.config import from_mapping
from osmark_plan.report.suggest_config import suggest_config_text

REAL = Path(__file__).resolve().parents[2] / "shared" / "corpus-real"
CORPUS = REAL.parent / "corpus"
DRAWING_SUFFIXES = (".dxf", ".dwg", ".jww", ".jwc")
#: not a floor plan: a foundation plan (基礎伏図), whose lines close no rooms
NO_FLOOR = {"Wall_Detection/sample"}
pytestmark = pytest.mark.skipif(not REAL.is_dir(), reason="../shared/corpus-real is absent")


def _folders() -> list[str]:
    if not REAL.is_dir():
        return []
    return sorted(p.parent.relative_to(REAL).as_posix() for p in REAL.glob("*/*/osmark.toml"))


FOLDERS = _folders()


def _drawing(folder: str) -> Path:
    if folder.startswith("corpus/"):
        from test_corpus_rooms import FILES  # the shared corpus's drawings, by config folder

        return CORPUS / FILES[folder.removeprefix("corpus/")]
    return next(p for p in sorted((REAL / folder).iterdir()) if p.suffix.lower() in DRAWING_SUFFIXES)


def _corpus() -> list[str]:
    """The drawings of ../shared/corpus that tests/corpus configures (all have walls)."""
    from test_corpus_rooms import FILES

    return [f"corpus/{name}" for name in sorted(FILES) if (CORPUS / FILES[name]).is_file()]


@functools.cache
def suggested(folder: str) -> tuple[str, dict]:
    """The suggestion for a drawing read with no config (the careful osmark.toml beside it not
    used), and the TOML it parses to."""
    plan = load(_drawing(folder), from_mapping({}))
    text = suggest_config_text(plan, None, "en")
    return text, tomllib.loads(text)


def _names(text: str) -> list[str]:
    zones = text.split("[zones]")[1]
    return [line.split('"')[1] for line in zones.splitlines() if line.startswith('# "')]


#: what names no room: an area, a size or a dimension, a bare number, a title or its letters
AREA = re.compile(r"\d\s*(?:m2|m²|㎡|畳|帖|sq)", re.IGNORECASE)
NUMBER = re.compile(r"^[\d\s.,x×*+\-/:=()'\"]+$")
TITLE = re.compile(r"平面図|平面图|立面|断面|FLOOR\s*PLAN|S\s*=\s*1\s*/", re.IGNORECASE)
JUNK = {"RE", "2", "165 L. 1H", "Q", "X1"}


@pytest.mark.parametrize("folder", FOLDERS + _corpus())
def test_the_suggestion_finds_rooms(folder):
    text, data = suggested(folder)
    rooms = len(check(_drawing(folder), from_mapping(data)).site.regions)
    if folder in NO_FLOOR:
        assert rooms == 0
        assert "does not look like a floor plan" in text and "wall" not in data["layers"]
    else:
        assert rooms > 0, text


@pytest.mark.parametrize("folder", FOLDERS + _corpus())
def test_no_frame_or_name_from_titles_areas_dimensions_or_junk(folder):
    text, data = suggested(folder)
    frame = data.get("sheet", {}).get("frame")
    assert frame is None or (len(frame) > 2 and TITLE.search(frame)), frame
    for name in _names(text):
        assert len(name) > 1 or name in "室庫", name  # one character of a title drawn letter by letter
        assert not AREA.search(name) and not NUMBER.match(name), name
        assert not TITLE.search(name) and name not in JUNK, name


def _careful_names(folder: str) -> set[str]:
    """The exact room names of the careful user's zone table (glob patterns left out)."""
    data = tomllib.loads((REAL / folder / "osmark.toml").read_text(encoding="utf-8"))
    return {k for k in data.get("zones", {}) if not set(k) & set("*?[")}


@pytest.mark.parametrize("folder", [f for f in FOLDERS if _careful_names(f)])
def test_the_careful_users_room_names_are_listed(folder):
    text, _data = suggested(folder)
    assert _careful_names(folder) <= set(_names(text))


def test_short_room_words_are_names_and_quantities_are_not():
    names = set(_names(suggested("CS_Proxymix/ESCALDES_ALLFL")[0]))
    assert {"W.C", "AULA"} <= names and "165 L. 1H" not in names
    hal = set(_names(suggested("hal9kspace/floorplan")[0]))
    assert not any("m2" in n for n in hal)
