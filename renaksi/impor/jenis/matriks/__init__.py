"""Matrix: sasaran, indikator, targets and at least two budget columns in one table (Kabupaten Bangka's stacked
matrix). Such a table is the whole plan, read down the performance tree:

Columns (found by header): NO, SASARAN, INDIKATOR, SATUAN, TARGET, TRIWULAN I–IV, PROGRAM, KEGIATAN, SUB KEGIATAN,
ANGGARAN. The table is cut into sections where the numbering restarts at 1 (`bagian`). Each section fills one budget
column, which gives its level:

    PROGRAM filled       → sasaran strategis, with the programs that serve them
    KEGIATAN filled      → sasaran program, with kegiatan
    SUB KEGIATAN filled  → sasaran kegiatan, with sub kegiatan
    none filled          → sasaran sub kegiatan: the outputs of the sub kegiatan of the section before (`keluaran`)

One rule, one module:
- `bagian`: cutting the sections and the level of each;
- `baris`: the rows of a section (an empty merged cell repeats the value above; a name in the wrong budget column);
- `pagu`: a pagu slipped one column, and several pagu cells under one merged name;
- `induk`: which kegiatan belongs to which program, and sub kegiatan to kegiatan (by names and stated sums);
- `keluaran`: the output section paired with the sub kegiatan before it.
Text outside the table: the title (`naskah.judul`), the signature (`naskah.tanda_tangan`) and a detached
PENANGGUNG JAWAB list (`naskah.penanggung_jawab`).
"""

from __future__ import annotations

from django.utils.translation import gettext

from renaksi.impor.dokumen import RencanaAksiDoc
from renaksi.impor.grid import Grid, ImporGagal, Sheet
from renaksi.impor.jenis import NOL, Skor
from renaksi.impor.naskah import penanggung_jawab
from renaksi.impor.naskah.judul import baca_judul
from renaksi.impor.naskah.tanda_tangan import baca_tanda_tangan
from renaksi.impor.rakit import Rakit
from renaksi.impor.tabel import PeranKolom, Tabel
from renaksi.impor.teks import bersih

from . import bagian, baris, induk
from .bagian import BUDGET, Matriks

NAMA = "matriks"
LABEL = "Matriks rencana aksi"


def is_matrix(tabel: Tabel) -> bool:
    """Sasaran, indikator, targets and at least two budget columns in one table (ANGGARAN may be missing)."""
    budget = sum(1 for r in BUDGET if r in tabel.cols)
    return (tabel.has(PeranKolom.SASARAN, PeranKolom.INDIKATOR) and budget >= 2
            and (PeranKolom.TARGET in tabel.cols or any(c is not None for c in tabel.tw)))


def score(tabel: Tabel, judul: str = "") -> Skor:
    if is_matrix(tabel):
        return Skor(95, gettext("kolom sasaran, indikator, target dan dua kolom program/kegiatan/sub kegiatan"))
    return NOL


def baca(grid: Grid, sheet: Sheet, tabel: Tabel) -> RencanaAksiDoc:
    """The plan the matrix `tabel` states, with the title above it and the signature below it."""
    doc = RencanaAksiDoc(dokumen=grid.dokumen, format=grid.format, layout=NAMA)
    doc.decisions.extend(grid.decisions + tabel.decisions)
    doc.warnings.extend(grid.warnings)
    m = Matriks(grid, sheet, tabel, doc, Rakit(doc, grid))
    _judul(m)
    sections = bagian.potong(m)
    if not sections:
        raise ImporGagal(gettext("tabel matriks tidak memiliki baris isi."), tabel.header_place())
    for section in sections:
        baris.baca(m, section)
    induk.hubungkan(m, sections)
    _sesudah_tabel(m)
    return doc


def _judul(m: Matriks) -> None:
    before = [r for r in m.sheet.rows if r.number < m.tabel.header.number]
    lines = [r for r in before if len([c for c in r.cells if c.strip()]) == 1]
    judul = baca_judul([(bersih(next(c for c in r.cells if c.strip())), m.grid.place(m.sheet, r)) for r in lines])
    m.doc.judul = judul.judul
    m.doc.perangkat_daerah = judul.perangkat_daerah
    m.doc.pemda_jenis, m.doc.pemda_nama, m.doc.tahun = judul.pemda_jenis, judul.pemda_nama, judul.tahun


def _sesudah_tabel(m: Matriks) -> None:
    """After the table: the signature block, and a PENANGGUNG JAWAB list the copy detached from the table."""
    doc, rows = m.doc, m.sheet.rows
    last = m.tabel.rows[-1].number if m.tabel.rows else m.tabel.header.number
    index = next((i for i, r in enumerate(rows) if r.number > last), len(rows))
    while index < len(rows):
        block = baca_tanda_tangan(doc, rows, index, lambda r: m.grid.place(m.sheet, r))
        if block is not None:
            doc.tempat = doc.tempat or block.tempat
            doc.tanggal = doc.tanggal or block.tanggal
            if block.tanggal is None:
                doc.decide("tanggal.tanpa_hari", gettext("Tanggal penetapan '%(tanggal_teks)s' "
                                                         "tidak memuat hari; tanggal dibiarkan "
                                                         "kosong, tempat disimpan.")
                                                 % {"tanggal_teks": block.tanggal_teks}, block.place)
            if block.pejabat is not None:
                block.pejabat.kepala_pd = True
                doc.pejabat.append(block.pejabat)
                doc.penandatangan = doc.penandatangan or block.pejabat
            index = block.last_index + 1
        elif penanggung_jawab.is_judul(bersih(rows[index].cell(0))):
            index = penanggung_jawab.baca_lepas(doc, m.grid, m.sheet, rows, index, len(m.tabel.rows))
        else:
            index += 1
