"""The matrix cut into sections where the numbering restarts at 1; the budget column a section fills gives its level.

Also what every rule of the matrix shares: the table being read (`Matriks`), a section (`Bagian`) and a program,
kegiatan or sub kegiatan as its row gives it (`Butir`).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from renaksi.impor.dokumen import (
    IndikatorDoc,
    KegiatanDoc,
    ProgramDoc,
    RencanaAksiDoc,
    SasaranDoc,
    SubKegiatanDoc,
    Teks,
    Uang,
)
from renaksi.impor.grid import Grid, Place, Row, Sheet
from renaksi.impor.layouts.umum import looks_like_money
from renaksi.impor.rakit import Rakit
from renaksi.impor.tabel import PeranKolom, Tabel, is_judul_bagian
from renaksi.impor.teks import bersih

BUDGET = (PeranKolom.PROGRAM, PeranKolom.KEGIATAN, PeranKolom.SUB_KEGIATAN)
LEVEL = {PeranKolom.PROGRAM: "strategis", PeranKolom.KEGIATAN: "program", PeranKolom.SUB_KEGIATAN: "kegiatan",
         None: "sub_kegiatan"}
ITEM_LABEL = {PeranKolom.PROGRAM: "program", PeranKolom.KEGIATAN: "kegiatan", PeranKolom.SUB_KEGIATAN: "sub kegiatan"}


@dataclass(eq=False)
class Butir:
    """A program, kegiatan or sub kegiatan as its row gives it, before it is linked to its parent."""

    role: PeranKolom
    nama: Teks
    pagu: Uang | None
    sasaran: SasaranDoc | None
    indikator: list[IndikatorDoc] = field(default_factory=list)
    extra: list[Uang] = field(default_factory=list)  # pagu cells of continuation rows (merged name cell)
    row: Row | None = None
    doc: ProgramDoc | KegiatanDoc | SubKegiatanDoc | None = None


@dataclass
class Bagian:
    letter: str
    rows: list[Row]
    level: PeranKolom | None = None
    sasaran: list[SasaranDoc] = field(default_factory=list)
    items: list[Butir] = field(default_factory=list)

    @property
    def tabel_name(self) -> str:
        return f"Matriks bagian {self.letter}"


@dataclass
class Matriks:
    """The matrix table being read, and the plan it is read into."""

    grid: Grid
    sheet: Sheet
    tabel: Tabel
    doc: RencanaAksiDoc
    rakit: Rakit

    def place(self, section: Bagian, row: Row, col: int | None = None, role: PeranKolom | None = None) -> Place:
        return dataclasses.replace(self.tabel.place(row, col, role), tabel=section.tabel_name)

    def name_cells(self, row: Row) -> dict[PeranKolom, tuple[str, int]]:
        """The program, kegiatan and sub kegiatan names on a row (an amount in a name column is not a name)."""
        names = {}
        for role in BUDGET:
            col = self.tabel.col(role)
            if col is None:
                continue
            text = bersih(row.cell(col))
            if text and not looks_like_money(text):
                names[role] = (text, col)
        return names


def potong(m: Matriks) -> list[Bagian]:
    """Cut the rows where the numbering restarts at 1 (a "1" after any numbered row of the section), or at a part's
    heading ("A. Sasaran Strategis", which is not a row of the part)."""
    sections: list[Bagian] = []
    numbered = False
    for row in m.tabel.rows:
        if is_judul_bagian(row):
            sections.append(Bagian(letter=letter(len(sections)), rows=[]))
            numbered = False
            continue
        nomor = m.tabel.cell(row, PeranKolom.NO).rstrip(".")
        if not sections or (nomor == "1" and numbered):
            sections.append(Bagian(letter=letter(len(sections)), rows=[]))
            numbered = False
        numbered = numbered or bool(nomor)
        sections[-1].rows.append(row)
    for section in sections:
        section.level = _level(m, section)
    return sections


def _level(m: Matriks, section: Bagian) -> PeranKolom | None:
    """The budget column filled on at least a third of the section's rows; None: an output section."""
    counts = {role: 0 for role in BUDGET}
    for row in section.rows:
        for role, (text, _col) in m.name_cells(row).items():
            if not text[:1].isdigit():  # "1 rencana aksi, 2 renja …" is a remark, not a name
                counts[role] += 1
    role, count = max(counts.items(), key=lambda kv: kv[1])
    return role if count and count * 3 >= len(section.rows) else None


def letter(index: int) -> str:
    """A, B, … Z, then AA, AB …: the name of the n-th section in messages."""
    return chr(ord("A") + index) if index < 26 else letter(index // 26 - 1) + chr(ord("A") + index % 26)
