"""Read the worked-example tables of docs/monev/*.md, so that a test recomputes every row (tested docs)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from renaksi.core.angka import parse_angka
from renaksi.core.capaian import ROMAWI, Isian, Kategori

DOCS = Path(__file__).resolve().parents[2] / "docs" / "monev"
TRIWULAN = {v: k for k, v in ROMAWI.items()}
AKUMULASI = {"kumulatif": "kumulatif", "nilai akhir": "nilai_akhir", "rata-rata": "rata_rata", "tetap": "tetap"}


def example_rows(page: str) -> list[dict[str, str]]:
    """The rows of the table whose first column is '#', as dicts keyed by the header."""
    lines = (DOCS / page).read_text().splitlines()
    rows: list[dict[str, str]] = []
    header: list[str] | None = None
    for line in lines:
        if not line.startswith("|"):
            header = None if rows else header
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if cells[0] == "#":
            header = cells
        elif header and cells[0].isdigit():
            rows.append(dict(zip(header, cells, strict=True)))
    assert rows, f"no worked examples found in {page}"
    return rows


def isian(text: str) -> Isian:
    angka = parse_angka(text)
    if angka.kategori:
        return Kategori(angka.kategori, angka.nilai)
    return angka.nilai


def quarters(text: str) -> list[Isian]:
    values = [isian(v) for v in text.split(";")]
    assert len(values) == 4
    return values


def percent(text: str) -> Decimal | None:
    return None if text == "—" else parse_angka(text).nilai
