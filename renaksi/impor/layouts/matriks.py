"""The stacked matrix as a whole-document layout (Kabupaten Bangka's layout): one table whose sections go down the
performance tree. The rules live in the table kind `renaksi.impor.jenis.matriks` (one module per rule); this layout
only finds the first matrix table in the grid and reads the document from it."""

from __future__ import annotations

from django.utils.translation import gettext

from renaksi.impor.dokumen import RencanaAksiDoc
from renaksi.impor.grid import Grid, ImporGagal, Place
from renaksi.impor.jenis import matriks
from renaksi.impor.tabel import find_tables

NAME = matriks.NAMA


def detect(grid: Grid) -> int:
    """How sure this layout is that it can read `grid` (0 = not at all)."""
    for sheet in grid.sheets:
        for tabel in find_tables(grid, sheet):
            if matriks.is_matrix(tabel) and len(tabel.rows) >= 1:
                return 80
    return 0


def read(grid: Grid) -> RencanaAksiDoc:
    for sheet in grid.sheets:
        for tabel in find_tables(grid, sheet):
            if matriks.is_matrix(tabel):
                return matriks.baca(grid, sheet, tabel)
    raise ImporGagal(gettext("tidak ditemukan tabel matriks (NO, SASARAN, INDIKATOR, TARGET, "
                             "PROGRAM/KEGIATAN, ANGGARAN)."),
                     Place(grid.dokumen))
