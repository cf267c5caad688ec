"""The reader's limit errors: a drawing bigger or deeper than the configured ``[limits]``."""

from __future__ import annotations

from .read_error import ReadError


class LimitExceeded(ReadError):
    """The drawing exceeds one of the ``[limits]`` (exit 3, like an unreadable drawing)."""

    def __init__(self, path: str, limit: str, en: str, ja: str) -> None:
        super().__init__(path, f"{en} (limit [limits] {limit} in osmark.toml)",
                         f"{ja}（上限は osmark.toml の [limits] {limit} で変えられます）")
        self.limit = limit


def too_many_entities(path: str, count: int, limit: int) -> LimitExceeded:
    return LimitExceeded(path, "entities",
                         f"more than {limit:,} entities after block expansion ({count:,} found); "
                         "stopped reading",
                         f"ブロック展開後の図形が上限 {limit:,} 個を超えたため（{count:,} 個）読み取りを止めました")


def too_deep(path: str, block: str, limit: int) -> LimitExceeded:
    return LimitExceeded(path, "block_depth",
                         f"blocks are nested more than {limit} deep (block {block!r}); stopped reading",
                         f"ブロックの入れ子が {limit} 段を超えています（ブロック {block!r}）。読み取りを止めました")


def too_many_cells(path: str, block: str, cells: int, limit: int) -> LimitExceeded:
    return LimitExceeded(path, "minsert_cells",
                         f"a MINSERT array of block {block!r} has {cells:,} cells, more than {limit:,}; "
                         "stopped reading",
                         f"ブロック {block!r} の MINSERT 配列が {cells:,} 個あり、上限 {limit:,} を超えるため"
                         "読み取りを止めました")
