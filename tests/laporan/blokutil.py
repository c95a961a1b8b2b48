"""Reading a `blok.Tabel` back as a grid, the way a formatter places it: every row must fill the table's columns
exactly (a merged cell covers the positions below and right of it), so a layout cannot be ragged."""

from __future__ import annotations

from renaksi.core.angka import format_angka, format_rupiah
from renaksi.laporan.blok import Bagian, Dokumen, Judul, Paragraf, Sel, Tabel, TandaTangan


def grid(rows: list[list[Sel]], width: int) -> list[list[Sel | None]]:
    """The rows placed on a grid of `width` columns: the cell at its origin, None where a merged cell covers."""
    out: list[list[Sel | None]] = []
    covered: dict[tuple[int, int], bool] = {}
    for r, cells in enumerate(rows):
        line: list[Sel | None] = [None] * width
        c = 0
        for cell in cells:
            while c < width and covered.get((r, c)):
                c += 1
            assert c + cell.colspan <= width, f"row {r}: cell {cell.nilai!r} overflows {width} columns"
            line[c] = cell
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    if dr or dc:
                        covered[(r + dr, c + dc)] = True
            c += cell.colspan
        filled = sum(1 for j in range(width) if line[j] is not None or covered.get((r, j)))
        assert filled == width, f"row {r} fills {filled} of {width} columns: {[s.nilai for s in cells]}"
        out.append(line)
    return out


def body(tabel: Tabel) -> list[list[Sel | None]]:
    grid(tabel.kepala, tabel.jumlah_kolom)
    return grid([b.sel for b in tabel.baris], tabel.jumlah_kolom)


def column(tabel: Tabel, j: int, *, spans: bool = True) -> list:
    """The values of column j, one per body row; a merged cell's value repeated on the rows it covers (`spans`)."""
    g = body(tabel)
    values: list = []
    for r, line in enumerate(g):
        cell = line[j]
        if cell is None and spans:
            above = next((g[k][j] for k in range(r - 1, -1, -1) if g[k][j] is not None), None)
            values.append(above.nilai if above is not None else None)
        else:
            values.append(cell.nilai if cell is not None else None)
    return values


def tables(bagian: Bagian | Dokumen) -> list[Tabel]:
    parts = bagian.bagian if isinstance(bagian, Dokumen) else [bagian]
    return [b for part in parts for b in part.blok if isinstance(b, Tabel)]


def texts(bagian: Bagian) -> list[str]:
    return [b.teks for b in bagian.blok if isinstance(b, Judul | Paragraf)]


def signers(bagian: Bagian) -> list:
    return [p for b in bagian.blok if isinstance(b, TandaTangan) for p in b.penandatangan]


def tampil(cell: Sel | None) -> str:
    """A cell as the formatters show it (Indonesian numbers: 59.059.304.998, 29,17%)."""
    if cell is None or cell.kosong:
        return ""
    if cell.format == "rupiah":
        return format_rupiah(cell.nilai)
    if cell.format == "angka":
        return format_angka(cell.nilai, cell.desimal)
    if cell.format == "persen":
        return f"{format_angka(cell.nilai, cell.desimal)}%"
    return str(cell.nilai)


def origins(tabel: Tabel, j: int) -> list[Sel]:
    """The cells that start in column j (a merged cell once), top to bottom."""
    return [line[j] for line in body(tabel) if line[j] is not None]
