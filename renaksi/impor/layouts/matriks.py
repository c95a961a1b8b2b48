"""The stacked matrix as a whole-document layout (Kabupaten Bangka's layout): one table whose sections go down the
performance tree. The rules live in the table kind `renaksi.impor.jenis.matriks` (one module per rule); this layout
only finds the first matrix table in the grid and reads the document from it. Its sections only mean something
together, so the table's kind cannot be picked: the preview lists it (and any other table, not read) read-only."""

from __future__ import annotations

from django.utils.translation import gettext

from renaksi.impor import klasifikasi
from renaksi.impor.dokumen import RencanaAksiDoc
from renaksi.impor.grid import Grid, ImporGagal, Place
from renaksi.impor.jenis import NOL, matriks
from renaksi.impor.tabel import Tabel, find_tables

NAME = matriks.NAMA


def detect(grid: Grid) -> int:
    """How sure this layout is that it can read `grid` (0 = not at all)."""
    for sheet in grid.sheets:
        for tabel in find_tables(grid, sheet):
            if matriks.is_matrix(tabel) and len(tabel.rows) >= 1:
                return 80
    return 0


def read(grid: Grid) -> RencanaAksiDoc:
    tables = [(sheet, tabel) for sheet in grid.sheets for tabel in find_tables(grid, sheet)]
    for sheet, tabel in tables:
        if matriks.is_matrix(tabel):
            doc = matriks.baca(grid, sheet, tabel)
            _daftar(doc, [t for _s, t in tables], tabel)
            return doc
    raise ImporGagal(gettext("tidak ditemukan tabel matriks (NO, SASARAN, INDIKATOR, TARGET, "
                             "PROGRAM/KEGIATAN, ANGGARAN)."),
                     Place(grid.dokumen))


def _daftar(doc: RencanaAksiDoc, tables: list[Tabel], dibaca: Tabel) -> None:
    """The preview's list of tables: the matrix, read as a whole, and any other table, not read."""
    for nomor, tabel in enumerate(tables, start=1):
        if not tabel.rows:
            continue
        pilihan = klasifikasi.klasifikasi(tabel)
        if tabel is dibaca:
            tetap = gettext("Matriks rencana aksi dibaca sebagai satu kesatuan: bagian-bagiannya (sasaran, program, "
                            "kegiatan, sub kegiatan, keluaran) hanya bermakna bersama, sehingga jenisnya tidak dapat "
                            "diganti.")
        else:
            pilihan = klasifikasi.Pilihan(tabel, None, NOL, pilihan.semua)
            tetap = gettext("Dokumen ini dibaca dari matriksnya; tabel lain di dalamnya tidak dibaca.")
        doc.tabel.append(klasifikasi.tabel_doc(pilihan, klasifikasi.kunci(nomor), tetap))
