"""The report: a Rencana Aksi written as a document with chapters, tables and one page per bidang (Samarinda).

Tables are recognised by their columns and what the columns hold (`renaksi.impor.klasifikasi`), not by their
numbers, and read in document order by their kind (one module each in `renaksi.impor.jenis`):

- IKU (sasaran, indikator, formulasi, target): marks the indikator as IKU, keeps its formulasi; a target of a
  Renstra period ("Tahun 2021-2026" in the caption) is kept as a remark, not as this year's target;
- Perjanjian Kinerja (a caption saying so; sasaran, indikator, target): PK lines with the PK's own targets, in one
  PK whose first party is the head of the PD who signs the document, at its place and date (the table itself names
  no parties; reported as a decision);
- budget (program, kegiatan / sub kegiatan, pagu, optionally sasaran, indikator and target): the program tree.
  "Kegiatan : …", "Sub Kegiatan : 1. …" and "2. …" in one column are told apart by their labels; a row shifted left
  is put back; where the pagu column slipped against the names (a kegiatan and its first sub kegiatan merged in
  one cell, one amount more below), the reading that makes the stated kegiatan pagu and the stated total add up is
  chosen and reported;
- targets (indikator, yearly target and/or TW I–IV): targets of the strategic indikator, or of the bidang's own
  indikator on a bidang page; a sasaran split over several rows is joined;
- aksi (AKSI/KEGIATAN, months, output, program, kegiatan, sub kegiatan, target, pagu): the aksi of one sub kegiatan.
  Its sub kegiatan is found in the budget table by name (case, spelling and labels ignored, see `teks.kemiripan`);
  the pagu written here is kept as a second source of the sub kegiatan's pagu, never replacing the budget table's.

Between the tables (`renaksi.impor.naskah`): the title (PD, Pemda, year), the lists of tujuan and sasaran
strategis, the Renstra period, "BIDANG …" headings that open a bidang's pages, and signature blocks (the head of the
PD, the head of each bidang). Every table puts its rows into one shared assembly (`renaksi.impor.rakit`).
"""

from __future__ import annotations

from django.utils.translation import gettext

from renaksi.impor import klasifikasi
from renaksi.impor.dokumen import RencanaAksiDoc
from renaksi.impor.grid import Grid, ImporGagal, Place, Sheet
from renaksi.impor.naskah import judul as naskah_judul
from renaksi.impor.naskah import paragraf, tanda_tangan
from renaksi.impor.naskah.tanda_tangan import TandaTangan
from renaksi.impor.rakit import Rakit
from renaksi.impor.tabel import Tabel, find_tables

NAME = "laporan"


def kind(tabel: Tabel, caption: str = "") -> str | None:
    """What a table is about (the name of its kind in `renaksi.impor.jenis`), or None."""
    chosen = klasifikasi.klasifikasi(tabel, caption).jenis
    return chosen.NAMA if chosen is not None else None


def detect(grid: Grid) -> int:
    kinds = set()
    for sheet in grid.sheets:
        for tabel in find_tables(grid, sheet):
            kinds.add(kind(tabel, paragraf.caption(sheet, tabel)))
    if "matriks" in kinds:
        return 0
    if kinds & {"anggaran", "renja", "aksi"}:
        return 70
    if kinds & {"triwulan", "pk", "iku", "target", "monev"}:
        return 50
    return 0


class _Reader:
    def __init__(self, grid: Grid, jenis: dict[str, str] | None = None):
        self.grid = grid
        self.doc = RencanaAksiDoc(dokumen=grid.dokumen, format=grid.format, layout=NAME)
        self.doc.decisions.extend(grid.decisions)
        self.doc.warnings.extend(grid.warnings)
        self.rakit = Rakit(self.doc, grid)
        self.paksa = jenis or {}
        self.pilihan: list[klasifikasi.Pilihan] = []
        self.n_tabel = 0  # tables met so far, in document order: the key of the user's choice ("#3")

    def read(self) -> RencanaAksiDoc:
        for sheet in self.grid.sheets:
            tables = find_tables(self.grid, sheet)
            for tabel in tables:
                self.doc.decisions.extend(tabel.decisions)
            naskah_judul.baca(self.doc, self.grid, sheet, tables)
            events = paragraf.baca(self.rakit, sheet, tables)
            bidang = ""
            items: list[tuple[int, str | TandaTangan | Tabel]] = [(e.row, e.value) for e in events]
            items += [(t.header.number, t) for t in tables]
            for _row, value in sorted(items, key=lambda x: x[0]):
                if isinstance(value, str):  # a bidang heading
                    bidang = value
                elif isinstance(value, TandaTangan):
                    tanda_tangan.terapkan(self.rakit, value, bidang)
                    bidang = ""
                else:
                    self.n_tabel += 1
                    self._table(sheet, value, bidang, klasifikasi.kunci(self.n_tabel))
        for kind_module in klasifikasi.KINDS:
            if hasattr(kind_module, "finish"):
                kind_module.finish(self.rakit)
        klasifikasi.laporkan(self.doc, self.pilihan)
        return self.doc

    def _table(self, sheet: Sheet, tabel: Tabel, bidang: str, nomor: str) -> None:
        caption = paragraf.caption(sheet, tabel)
        if not tabel.judul:
            guess = klasifikasi.klasifikasi(tabel, caption).jenis
            what = guess.NAMA if guess is not None else None
            tabel.judul = f"{bidang} ({'aksi' if what == 'aksi' else 'indikator'})" if bidang else \
                f"Tabel di baris {tabel.header.number}"
        pilihan = klasifikasi.klasifikasi(tabel, caption, self.paksa, nomor)
        if tabel.rows and (pilihan.jenis is None or pilihan.jenis.NAMA != "matriks"):
            self.doc.tabel.append(klasifikasi.tabel_doc(pilihan, nomor))
        if pilihan.jenis is not None and pilihan.jenis.NAMA != "matriks":
            self.pilihan.append(pilihan)
            pilihan.jenis.read(self.rakit, pilihan.tabel_dibaca(), caption, bidang)
        elif tabel.rows:
            self.doc.warn("tabel.tidak_dikenali", gettext("Tabel dengan kolom %(teks)s tidak dikenali dan "
                                                          "tidak dibaca.")
                                                  % {"teks": ", ".join(tabel.judul_kolom.values())},
                          tabel.header_place())


def read(grid: Grid, jenis: dict[str, str] | None = None) -> RencanaAksiDoc:
    doc = _Reader(grid, jenis).read()
    if not doc.program and not doc.sasaran:
        raise ImporGagal(gettext("tidak ada sasaran, indikator atau program yang dapat dibaca dari "
                                 "tabel-tabelnya."),
                         Place(grid.dokumen))
    return doc
