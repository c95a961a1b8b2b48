"""The neutral layout every official document is turned into before it is formatted as PDF, XLSX or DOCX.

A document is built twice over, each step once: a *builder* (`builders.py`, `pk.py`, `monev.py`, …) reads the data
and returns the document's own dataclasses (what the tests assert: every sasaran, target and pagu where it should
be); a *layout* function turns those into this module's blocks; the formatters (`pdf.py`, `xlsx.py`, `docx.py`)
know nothing about Rencana Aksi or Perjanjian Kinerja, only about sections, headings, tables and signatures.

Rules the blocks keep, so the three formatters agree:
- values stay typed: `int` for rupiah and counts, `Decimal` for numbers and ratios, `str` for text; a formatter
  shows them the Indonesian way (`59.059.304.998`, `29,17`), XLSX keeps them numbers with a display format;
- a merged cell is one `Sel` with `rowspan`/`colspan` > 1; the cells it covers are simply absent from the
  following rows (as in HTML), so a formatter that places cells on a grid skips the covered positions;
- a total is a `Sel` whose `jumlah` names the body rows (0-based indexes into `Tabel.baris`) it adds up in its own
  column: XLSX writes it as a `=SUM(…)` formula over those cells, the others print `nilai`, the stated figure;
- text in the blocks is already translated (`gettext` at build time, not at format time).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Literal

Nilai = str | int | Decimal | None
# How a number is shown: "rupiah" (int, thousands with dots, no decimals), "angka" (Decimal with `desimal`
# places), "persen" (Decimal, shown with `desimal` places and a "%" sign; stored as the percentage, 29.17 not
# 0.2917), "" (text as is). A tick in a schedule is text ("✓").
Format = Literal["", "rupiah", "angka", "persen"]
Rata = Literal["", "kiri", "tengah", "kanan"]


@dataclass(frozen=True)
class Sel:
    nilai: Nilai = None
    format: Format = ""
    desimal: int = 0
    rowspan: int = 1
    colspan: int = 1
    tebal: bool = False
    rata: Rata = ""  # "" = left for text, right for numbers
    isi_latar: str = ""  # background colour "RRGGBB" (a scheduled month, a predikat band), "" for none
    jumlah: tuple[int, ...] = ()  # a total: the body rows it sums, in this cell's column

    @property
    def kosong(self) -> bool:
        return self.nilai is None or self.nilai == ""


@dataclass
class Baris:
    sel: list[Sel]
    jenis: Literal["data", "total", "subjudul"] = "data"


@dataclass
class Tabel:
    kepala: list[list[Sel]]  # header rows (repeated on every page / frozen in XLSX), with their merges
    baris: list[Baris]
    lebar: list[int]  # relative column widths, one per grid column (their sum need not be 100)
    judul: str = ""  # "Tabel 2.1 Indikator Kinerja Utama"
    catatan: str = ""  # a note printed under the table

    @property
    def jumlah_kolom(self) -> int:
        return len(self.lebar)


@dataclass
class Judul:
    teks: str
    tingkat: int = 1  # 1 = a chapter (BAB I), 2 = a section, 3 = a sub-section


@dataclass
class Paragraf:
    teks: str  # plain text; a blank line separates paragraphs
    rata: Rata = ""


@dataclass
class Penandatangan:
    """One signature block: '<tempat>, <tanggal>' (when given), the jabatan (with 'Plt.' when acting), room to
    sign, the name (bold, underlined), pangkat/golongan and 'NIP. …' as the documents print it."""

    jabatan: str
    nama: str = ""
    pangkat_golongan: str = ""
    nip: str = ""  # already formatted: "19700101 199003 1 001"
    tempat: str = ""
    tanggal: date | None = None
    keterangan: str = ""  # a line above the jabatan: "PIHAK PERTAMA", "Mengetahui,"


@dataclass
class TandaTangan:
    """Signature blocks side by side (one or two), never split across pages."""

    penandatangan: list[Penandatangan]


@dataclass
class Gambar:
    """A drawing (the pohon kinerja) as SVG markup; `alt` describes it for formats that cannot draw it."""

    svg: str
    alt: str
    lebar_mm: int = 0  # 0 = the width of the page
    cadangan: Tabel | None = None  # what XLSX and DOCX show instead of the drawing (e.g. an indented table)


@dataclass
class Bagian:
    """A run of blocks on pages of one size and orientation; each section starts on a new page."""

    blok: list[Judul | Paragraf | Tabel | TandaTangan | Gambar]
    orientasi: Literal["potret", "lanskap"] = "potret"
    ukuran: Literal["A4", "A3"] = "A4"
    sampul: bool = False  # a cover page: centred, no page number


@dataclass
class Dokumen:
    judul: str  # "Rencana Aksi Dinas Pendidikan Kota Samarinda Tahun 2024"
    nama_berkas: str  # without extension: "rencana-aksi-disdik-samarinda-2024"
    bagian: list[Bagian]
    draf: bool = False  # not yet approved: every format marks it "DRAF"
    pembuat: str = ""  # the PD, for the file's metadata
    subjek: str = ""
    kata_kunci: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Berkas:
    """A finished export: the file name (with extension), its media type and its bytes."""

    nama: str
    content_type: str
    isi: bytes
