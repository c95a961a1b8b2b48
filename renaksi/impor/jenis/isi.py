"""What a column holds, whatever its header says: money, Kepmendagri codes, names of one budget level."""

from __future__ import annotations

import re

from renaksi.impor.layouts.umum import looks_like_money
from renaksi.impor.tabel import Tabel
from renaksi.impor.teks import bersih

_KODE = re.compile(r"^\d+(?:\.[\dA-Za-z]+){1,5}\.?(?:\s|$)")  # "1.02.02", "1.02.02.2.01 Penyediaan …"
_LEVEL = {
    "sub_kegiatan": re.compile(r"^(?:\d+(?:\.[\dA-Za-z]+)*\.?\s+)?sub\s*kegiatan\b", re.I),
    "kegiatan": re.compile(r"^(?:\d+(?:\.[\dA-Za-z]+)*\.?\s+)?kegiatan\b", re.I),
    "program": re.compile(r"^(?:\d+(?:\.[\dA-Za-z]+)*\.?\s+)?program\b", re.I),
}
UANG_MIN = 1_000_000  # an amount of a plan's budget is at least a million rupiah; a target seldom is


def cells(tabel: Tabel, col: int) -> list[str]:
    return [t for row in tabel.rows if (t := bersih(row.cell(col)))]


def _share(values: list[str], test) -> float:
    return sum(1 for v in values if test(v)) / len(values) if values else 0.0


def is_money(text: str) -> bool:
    """Rupiah for sure: "Rp …", or grouped/plain digits of at least a million."""
    text = bersih(text)
    if not looks_like_money(text):
        return False
    if text.lower().startswith("rp"):
        return True
    digits = re.sub(r"[.,]\d{1,2}$", "", text)
    digits = re.sub(r"\D", "", digits)
    return bool(digits) and int(digits) >= UANG_MIN


def money_share(tabel: Tabel, col: int | None) -> float:
    return 0.0 if col is None else _share(cells(tabel, col), is_money)


def money_columns(tabel: Tabel) -> list[int]:
    """Columns most of whose cells (at least two) are amounts of rupiah."""
    width = max((len(r.cells) for r in tabel.rows), default=0)
    return [c for c in range(width) if len(cells(tabel, c)) >= 2 and money_share(tabel, c) >= 0.6]


def kode_share(tabel: Tabel, col: int | None) -> float:
    return 0.0 if col is None else _share(cells(tabel, col), lambda t: bool(_KODE.match(t)))


def level_columns(tabel: Tabel, level: str) -> list[int]:
    """Columns most of whose cells name an item of `level` ("Program …", "1.02.02 Program …")."""
    width = max((len(r.cells) for r in tabel.rows), default=0)
    pattern = _LEVEL[level]
    return [c for c in range(width) if len(cells(tabel, c)) >= 1
            and _share(cells(tabel, c), lambda t: bool(pattern.match(t))) >= 0.6]


def quarters(tabel: Tabel) -> int:
    return sum(1 for c in tabel.tw if c is not None)


def months(tabel: Tabel) -> int:
    return sum(1 for c in tabel.bulan if c is not None)
