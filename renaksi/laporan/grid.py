"""What the XLSX and DOCX formatters share: a `blok.Tabel` placed on a grid, a cell as Indonesian text, and the
lines of a signature block.

A `Tabel` lists cells row by row, a merged cell once (with `rowspan`/`colspan`) and the positions it covers simply
absent from the rows below, as in HTML. `susun` places every cell at its row and column once, so that a formatter
writing to a grid (a worksheet, a Word table) never has to work that out again. It forgives what a layout may get
wrong: a row with too many cells widens the table, a span running past the last row or column is cut short.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from renaksi.core.angka import format_angka, format_persen, format_rupiah
from renaksi.core.bulan import format_tanggal
from renaksi.core.office import teks_xml
from renaksi.laporan.blok import Penandatangan, Sel, Tabel, TandaTangan

NIP_LABEL = "NIP."
_WARNA = re.compile(r"[0-9A-F]{6}")


@dataclass(frozen=True)
class Letak:
    """A cell at its place: `baris` and `kolom` are 0-based grid positions (the header rows first)."""

    sel: Sel
    baris: int
    kolom: int
    rowspan: int = 1
    colspan: int = 1


@dataclass
class Kisi:
    jumlah_kolom: int
    jumlah_kepala: int  # the first grid rows are the header
    jenis: list[str]  # per grid row: "kepala", "data", "total" or "subjudul"
    letak: list[Letak] = field(default_factory=list)
    _penutup: dict[tuple[int, int], int] = field(default_factory=dict)  # (row, col) → index in `letak`

    @property
    def jumlah_baris(self) -> int:
        return len(self.jenis)

    def di(self, baris: int, kolom: int) -> Letak | None:
        """The cell that shows at (baris, kolom): placed there or covering it with its span."""
        index = self._penutup.get((baris, kolom))
        return None if index is None else self.letak[index]

    def kosong(self) -> list[tuple[int, int]]:
        """The (row, col) positions no cell shows at (a short row), top to bottom."""
        if len(self._penutup) == self.jumlah_baris * self.jumlah_kolom:
            return []
        return [(r, c) for r in range(self.jumlah_baris) for c in range(self.jumlah_kolom)
                if (r, c) not in self._penutup]

    def baris_tubuh(self, indeks: int) -> int:
        """The grid row of body row `indeks` (an index into `Tabel.baris`)."""
        return self.jumlah_kepala + indeks

    def sumber_jumlah(self, letak: Letak) -> list[tuple[int, int]]:
        """The (row, col) positions a total adds up: for each body row it names, the cell showing in the total's
        column (a cell merged over several rows counts once), in order, without the total itself."""
        positions: list[tuple[int, int]] = []
        body = self.jumlah_baris - self.jumlah_kepala
        for indeks in letak.sel.jumlah:
            if not 0 <= indeks < body:
                continue
            source = self.di(self.baris_tubuh(indeks), letak.kolom)
            if source is None or source is letak:
                continue
            position = (source.baris, source.kolom)
            if position not in positions:
                positions.append(position)
        return positions


def susun(tabel: Tabel) -> Kisi:
    rows = [(sel, "kepala") for sel in tabel.kepala] + [(b.sel, b.jenis) for b in tabel.baris]
    n_rows = len(rows)
    kisi = Kisi(jumlah_kolom=len(tabel.lebar), jumlah_kepala=len(tabel.kepala), jenis=[j for _, j in rows])
    limit = len(tabel.lebar) or None  # without widths, the cells decide
    penutup = kisi._penutup
    for r, (cells, _jenis) in enumerate(rows):
        c = 0
        for sel in cells:
            while (r, c) in penutup:
                c += 1
            if sel.rowspan <= 1 and sel.colspan <= 1:  # most cells: one position, nothing to work out
                penutup[(r, c)] = len(kisi.letak)
                kisi.letak.append(Letak(sel=sel, baris=r, kolom=c))
                c += 1
                continue
            rowspan = max(1, min(sel.rowspan, n_rows - r))
            colspan = max(1, sel.colspan)
            # Never run into a position an earlier (taller) cell already holds, nor (when widths are given) past
            # the last column unless the cell starts past it anyway.
            width = 1
            while width < colspan and (r, c + width) not in penutup and (limit is None or c + width < limit):
                width += 1
            letak = Letak(sel=sel, baris=r, kolom=c, rowspan=rowspan, colspan=width)
            kisi.letak.append(letak)
            index = len(kisi.letak) - 1
            for rr in range(r, r + rowspan):
                for cc in range(c, c + width):
                    penutup.setdefault((rr, cc), index)
            c += width
    used = max((p.kolom + p.colspan for p in kisi.letak), default=0)
    kisi.jumlah_kolom = max(kisi.jumlah_kolom, used)
    return kisi


def lebar_kolom(tabel: Tabel, jumlah_kolom: int) -> list[float]:
    """Relative widths, one per grid column, summing to 1: missing or non-positive widths take the average."""
    given = [w for w in tabel.lebar[:jumlah_kolom] if w and w > 0]
    default = (sum(given) / len(given)) if given else 1
    widths = [float(w) if w and w > 0 else default for w in tabel.lebar[:jumlah_kolom]]
    widths += [default] * (jumlah_kolom - len(widths))
    total = sum(widths) or 1
    return [w / total for w in widths]


def angka_sel(sel: Sel) -> bool:
    """Whether the cell holds a number (shown right-aligned, kept a number in XLSX)."""
    return isinstance(sel.nilai, int | Decimal) and not isinstance(sel.nilai, bool)


def teks_sel(sel: Sel) -> str:
    """A cell as the documents print it: ``59.059.304.998``, ``29,17%``, ``12,50``; text as it is."""
    value = sel.nilai
    if value is None:
        return ""
    if isinstance(value, Decimal) and not value.is_finite():
        return ""
    if angka_sel(sel):
        if sel.format == "rupiah":
            return format_rupiah(value) if isinstance(value, int) else format_angka(value, 0)
        if sel.format == "angka":
            return format_angka(value, sel.desimal)
        if sel.format == "persen":
            return format_persen(value, sel.desimal)
        return format_angka(value)
    return teks_xml(str(value))


def warna(teks: str) -> str:
    """A background colour as "RRGGBB" (a leading "#" dropped, upper case), or "" when it is not one."""
    value = teks.strip().lstrip("#").upper()
    return value if _WARNA.fullmatch(value) else ""


def perataan(sel: Sel) -> str:
    """'kiri', 'tengah' or 'kanan': the cell's own, or right for numbers and left for text."""
    if sel.rata:
        return sel.rata
    return "kanan" if angka_sel(sel) else "kiri"


# --- signature blocks ----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class BarisTandaTangan:
    """One line across the signature blocks side by side: its style and each signer's text."""

    gaya: str  # "" plain, "nama" bold and underlined, "ruang" room to sign
    teks: tuple[str, ...]


RUANG_TANDA_TANGAN = 3  # empty lines left to sign in


def _tempat_tanggal(p: Penandatangan) -> str:
    return ", ".join(part for part in (p.tempat, format_tanggal(p.tanggal)) if part)


def baris_tanda_tangan(blok: TandaTangan) -> list[BarisTandaTangan]:
    """The lines of the signature blocks, aligned so that names and NIPs of two signers sit on the same line:
    '<tempat>, <tanggal>', keterangan, jabatan, room to sign, name, pangkat/golongan, 'NIP. …'. A line no signer
    has is left out (room to sign never is)."""
    people = blok.penandatangan
    slots = [
        ("", [_tempat_tanggal(p) for p in people]),
        ("", [p.keterangan for p in people]),
        ("", [p.jabatan for p in people]),
        ("ruang", ["" for _ in people]),
        ("nama", [p.nama for p in people]),
        ("", [p.pangkat_golongan for p in people]),
        ("", [f"{NIP_LABEL} {p.nip}" if p.nip else "" for p in people]),
    ]
    lines = []
    for gaya, texts in slots:
        if gaya == "ruang" or any(texts):
            lines.append(BarisTandaTangan(gaya=gaya, teks=tuple(teks_xml(t) for t in texts)))
    return lines


def paragraf_teks(teks: str) -> list[str]:
    """A Paragraf's text as paragraphs: a blank line separates them; single line breaks stay inside one."""
    blocks, current = [], []
    for line in teks_xml(teks).replace("\r\n", "\n").split("\n"):
        if line.strip():
            current.append(line.rstrip())
        elif current:
            blocks.append("\n".join(current))
            current = []
    if current:
        blocks.append("\n".join(current))
    return blocks
