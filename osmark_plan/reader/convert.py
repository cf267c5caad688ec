"""Drawings that are not DXF: Jw_cad (JWW/JWC, via ezjww) and DWG (R2000-R2018, via ezdwg).

Each is converted to an ezdxf document in memory (ezdwg writes through a temporary file that
is removed at once); the input is never touched. What the source holds (the DWG object map, the
Jw_cad records) is counted against what the converted document holds (:mod:`.tally`): the
entities lost, by kind and layer, are a :class:`~osmark_plan.shortfall.Shortfall`, a repair and
DWG011. Jw_cad entities the converter does not support are per-layer "unreadable" counts
(DWG008), as are DWG entity kinds ezdwg skips when the object map cannot be read. Both packages are core
dependencies (binary wheels for every platform); when one is missing anyway, the message names
the extra that installs it.
"""

from __future__ import annotations

import io
import re
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import ezdxf
from ezdxf.document import Drawing

from ..messages import say
from ..model import Repair
from ..shortfall import Shortfall, compare, counted
from .tally import dwg_tally, dxf_tally, jw_tally

#: file formats this module converts: the magic bytes or suffix that tell them
_DWG_MAGIC = re.compile(rb"^AC10(1[2458]|2[147]|32)")
SUFFIXES = {".jww": "jww", ".jwc": "jwc", ".dwg": "dwg"}
#: format -> (package, pip extra)
PACKAGES = {"jww": ("ezjww", "jww"), "jwc": ("ezjww", "jww"), "dwg": ("ezdwg", "dwg")}
#: DWG version codes -> release names
DWG_RELEASES = {"AC1012": "R13", "AC1014": "R14", "AC1015": "R2000", "AC1018": "R2004",
                "AC1021": "R2007", "AC1024": "R2010", "AC1027": "R2013", "AC1032": "R2018"}


class ConvertError(Exception):
    """The converter is missing or failed; ``args`` = (English, Japanese)."""

    def __init__(self, message: str, message_ja: str) -> None:
        super().__init__(message, message_ja)
        self.message, self.message_ja = message, message_ja


@dataclass
class Converted:
    """A converted drawing and what the conversion tells."""

    doc: Drawing
    #: the source format: "JWW", "JWC" or "DWG R2000" …
    source_format: str
    #: "ezjww 0.7.5" …
    converter: str
    repairs: list[Repair] = field(default_factory=list)
    #: layer -> entities the converter could not carry over
    unconverted: Counter = field(default_factory=Counter)
    #: the 1:N scale the source states (Jw_cad layer groups), None when full size or unknown
    stated_scale: int | None = None
    #: what the source holds that the converted document does not (None: nothing lost, or the
    #: source could not be counted: then a repair says so)
    shortfall: Shortfall | None = None


def source_format(path: Path, data: bytes) -> str | None:
    """"jww", "jwc" or "dwg" when the file is one of those (by its first bytes or suffix)."""
    if data.startswith(b"JwwData."):
        return "jww"
    if _DWG_MAGIC.match(data[:6]):
        return "dwg"
    return SUFFIXES.get(path.suffix.lower())


def _module(fmt: str):  # type: ignore[no-untyped-def]
    package, extra = PACKAGES[fmt]
    try:
        return __import__(package)
    except ImportError:
        raise ConvertError(
            f"reading {fmt.upper()} files needs the {package} package: "
            f"pip install 'osmark-plan[{extra}]' (or convert the drawing to DXF in CAD)",
            f"{fmt.upper()} ファイルを読むには {package} パッケージが必要です: "
            f"pip install 'osmark-plan[{extra}]'（または CAD で DXF に変換してください）") from None


def _failure(exc: BaseException) -> bool:
    """A converter's failure: an Exception, or a panic of its native code (PyO3 raises those as
    ``PanicException``, a BaseException); never Ctrl-C or an exit."""
    return isinstance(exc, Exception) or type(exc).__name__ == "PanicException"


def _version(module) -> str:  # type: ignore[no-untyped-def]
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"{module.__name__} {version(module.__name__)}"
    except PackageNotFoundError:
        return module.__name__


def convert(path: Path, fmt: str) -> Converted:
    """Convert a JWW/JWC/DWG file to an ezdxf document. Raises :class:`ConvertError`."""
    module = _module(fmt)
    try:
        return _jw(path, fmt, module) if fmt in ("jww", "jwc") else _dwg(path, module)
    except ConvertError:
        raise
    except BaseException as exc:  # noqa: BLE001 - any converter failure is "cannot read"
        if not _failure(exc):
            raise
        msg = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        raise ConvertError(f"not a readable {fmt.upper()} file ({_version(module)}: {msg})",
                           f"読み取れない {fmt.upper()} ファイルです（{_version(module)}: {msg}）") from None


def _jw(path: Path, fmt: str, ezjww) -> Converted:  # type: ignore[no-untyped-def]
    """Jw_cad: ezjww writes DXF text in memory. JWC in model millimetres; a JWW keeps paper
    millimetres and its layer groups state the scale (1:N), returned as ``stated_scale``."""
    coords = {"jwc_coordinates": "model_millimeters"} if fmt == "jwc" else {}
    text = ezjww.read_dxf_string(str(path), **coords)
    doc = ezdxf.read(io.StringIO(text))
    out = Converted(doc, fmt.upper(), _version(ezjww))
    try:
        drawing = ezjww.readfile(str(path), **coords)
        audit = drawing.audit()
    except Exception:  # noqa: BLE001 - the audit is a hint only
        drawing, audit = None, {}
    for code in audit.get("issue_codes", []) or []:
        out.repairs.append(Repair(what="conversion notice", detail=f"{_version(ezjww)}: {code}"))
    if not _shortfall(out, lambda: jw_tally(drawing.source_document or {}, _jw_layer_names(drawing))):
        for item in audit.get("unsupported_entities", []) or []:  # else counted in the shortfall
            kind = item.get("type", "?") if isinstance(item, dict) else str(item)
            out.unconverted[f"({fmt.upper()} {kind})"] += 1
    if fmt == "jww":
        out.stated_scale = _jww_scale(ezjww, path)
        if "$INSUNITS" not in doc.header or not doc.header.get("$INSUNITS"):
            doc.header["$INSUNITS"] = 4  # Jw_cad draws in millimetres
    return out


def _jw_layer_names(drawing) -> list[str]:  # type: ignore[no-untyped-def]
    """The converted name of Jw_cad layer l of group g, at ``g * 16 + l``."""
    return [str(layer.get("name", "")) for layer in drawing.to_dxf().get("layers", [])]


def _shortfall(out: Converted, source) -> bool:  # type: ignore[no-untyped-def]
    """Count the source (``source()``: its tally) against the converted document; what is lost
    becomes ``out.shortfall`` and a repair. False (and a notice) when the source cannot be counted."""
    try:
        held, converted = source(), dxf_tally(out.doc)
    except BaseException as exc:  # noqa: BLE001 - a damaged object map: say the count is unknown
        if not _failure(exc):
            raise
        out.repairs.append(Repair(what="conversion notice", detail=say(
            f"{out.converter}: the entities of the source could not be counted ({type(exc).__name__}); "
            f"entities the conversion lost may be missing without a finding",
            f"{out.converter}: 変換元の図形の数を数えられませんでした（{type(exc).__name__}）。"
            f"変換で失われた図形があっても指摘されない可能性があります")))
        return False
    lost = compare(held, converted)
    if lost:
        out.shortfall = Shortfall(out.converter, out.source_format, counted(held), counted(converted), lost)
        out.repairs.append(Repair(what="not converted", detail=out.shortfall.describe()))
    return True


def _jww_scale(ezjww, path: Path) -> int | None:  # type: ignore[no-untyped-def]
    """The 1:N of the layer group that holds most entities, None for 1:1."""
    try:
        header = ezjww.read_header(str(path))
        groups = header.get("layer_groups", [])
        counts: Counter = Counter()
        for e in ezjww.read_document(str(path)).get("entities", []):
            base = e.get("base", {}) if isinstance(e, dict) else {}
            counts[int(base.get("layer_group", 0))] += 1
        group = counts.most_common(1)[0][0] if counts else int(header.get("write_layer_group", 0))
        scale = float(groups[group].get("scale", 1.0))
    except Exception:  # noqa: BLE001 - no scale known
        return None
    n = round(scale)
    return n if n > 1 and abs(scale - n) < 1e-6 else None


def _dwg(path: Path, ezdwg) -> Converted:  # type: ignore[no-untyped-def]
    """DWG: ezdwg decodes and writes DXF through ezdxf into a temporary file read back at once;
    $INSUNITS is carried over from the DWG header."""
    src = ezdwg.read(str(path))
    version = str(getattr(src, "version", "") or "")
    with tempfile.TemporaryDirectory(prefix="osmark-dwg-") as tmp:
        target = Path(tmp) / "converted.dxf"
        result = ezdwg.to_dxf(src, str(target), dxf_version="R2010")
        doc = ezdxf.readfile(target)
    release = DWG_RELEASES.get(version, version)
    out = Converted(doc, f"DWG {release}".strip(), _version(ezdwg))
    try:
        insunits = src.insunits
    except Exception:  # noqa: BLE001
        insunits = None
    doc.header["$INSUNITS"] = int(insunits) if insunits else 0
    skipped = dict(getattr(result, "skipped_by_type", {}) or {})
    if not _shortfall(out, lambda: dwg_tally(str(path), ezdwg.raw)) and skipped:  # else counted there
        for kind, count in skipped.items():
            out.unconverted[f"(DWG {kind})"] += int(count)
        total = sum(skipped.values())
        listing = ", ".join(f"{k} {v}" for k, v in sorted(skipped.items()))
        out.repairs.append(Repair(what="not converted", detail=say(
            f"{_version(ezdwg)} could not convert {total} of {result.total_entities} entities "
            f"({listing}); they are not checked",
            f"{_version(ezdwg)} は {result.total_entities} 個のうち {total} 個の図形を変換できませんでした"
            f"（{listing}）。これらは検査していません")))
    return out
