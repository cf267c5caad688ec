"""Layer names to element kinds, and the per-layer summary of a Plan."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any, Mapping

from ..config import Config
from ..model import LayerInfo
from ..naming import decode_escapes, normalise_layer

if TYPE_CHECKING:
    from ezdxf.document import Drawing


#: the layers ``osmark check --dxf`` adds to its marked-up copy: never read as plan elements,
#: so a marked-up copy checks like the original
MARKUP_LAYERS = frozenset({"OSM-FINDINGS", "OSM-LEVELS"})


class LayerKinds:
    """Maps raw layer names to kinds with the config's patterns (first match wins), cached."""

    def __init__(self, config: Config) -> None:
        self._patterns = config.layer_patterns()
        self._cache: dict[str, str] = {}

    def __call__(self, raw: str) -> str:
        kind = self._cache.get(raw)
        if kind is None:
            norm = normalise_layer(raw)
            kind = "ignored"
            for k, rx in () if norm.upper() in MARKUP_LAYERS else self._patterns:
                if rx.search(norm):
                    kind = k
                    break
            self._cache[raw] = kind
        return kind

    @property
    def signature(self) -> tuple[Any, ...]:
        """The patterns in match order, as text: equal signatures map every layer alike."""
        return tuple((kind, getattr(rx, "pattern", repr(rx))) for kind, rx in self._patterns)


def layer_infos(doc: Drawing, kinds: LayerKinds,
                types: Mapping[str, Counter]) -> dict[str, LayerInfo]:
    """LayerInfo for every layer of the table and every layer an entity names."""
    flags: dict[str, tuple[bool, bool]] = {}
    for layer in doc.layers:
        try:
            flags[str(layer.dxf.name)] = (bool(layer.is_frozen()), bool(layer.is_off()))
        except Exception:  # noqa: BLE001
            continue
    out: dict[str, LayerInfo] = {}
    for raw in list(flags) + [n for n in types if n not in flags]:
        counts = types.get(raw, Counter())
        frozen, off = flags.get(raw, (False, False))
        name = decode_escapes(raw)
        out[name] = LayerInfo(name=name, kind=kinds(raw), entities=int(sum(counts.values())),
                              frozen=frozen, off=off, types=dict(counts))
    return out
