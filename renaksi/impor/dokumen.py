"""The neutral structure of an imported Rencana Aksi: what a document says, before it becomes rows of the plan.

Every layout reader (the stacked matrix, the report, the Renaksi XLSX template …) produces one `RencanaAksiDoc`;
`renaksi.impor.writer` turns it into a plan through the services. It mirrors the plan:

    RencanaAksiDoc ── sasaran (SasaranDoc: level, nomor, uraian, parent) ── indikator (IndikatorDoc: targets)
                   ── program (ProgramDoc) ── kegiatan ── sub kegiatan ── aksi
                   ── perjanjian_kinerja (PerjanjianKinerjaDoc: jenis, pihak, tempat, tanggal) ── items (PKItemDoc)
                   ── pk (PKItemDoc: lines of a PK whose header the document does not state)
                   ── pejabat (PejabatDoc), bidang (BidangDoc)
                   ── decisions, warnings (Catatan)

Rules every producer keeps:
- Every value carries its `Place` (file, sheet/table, row, column) so that messages and `Provenance` can name it.
- Values are kept as written: numbers as parsed `Angka` (which keeps the text and any decision about separators),
  money as whole rupiah *and* the text it was read from. Nothing is corrected; an empty cell is an empty `Angka`
  (target stays NULL), a missing column is `None`.
- When a value had to be decided (a slipped column, a pagu that could belong to two rows, a fuzzy name match) the
  producer appends a `Catatan` to `decisions`; things read but not placed go to `warnings`.
- Links are object references (a program's `indikator` are `IndikatorDoc` objects of `sasaran[*].indikator`), so
  the tree nodes compare by identity (`eq=False`).
- Bidang are referred to by name (`BidangDoc.nama.teks`); an empty string means "no bidang".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field

from renaksi.core.angka import Angka
from renaksi.impor.grid import Catatan, Place
from renaksi.impor.tanda import Cakupan

__all__ = [
    "AksiDoc", "BidangDoc", "Catatan", "IndikatorDoc", "KegiatanDoc", "NilaiSel", "PKItemDoc", "PejabatDoc",
    "PerjanjianKinerjaDoc", "ProgramDoc", "RencanaAksiDoc", "SasaranDoc", "SubKegiatanDoc", "Teks", "TujuanDoc",
    "Uang",
]


@dataclass(frozen=True)
class Teks:
    """A text cell as written (stripped of surrounding space), with its place."""

    teks: str
    place: Place | None = None

    def __bool__(self) -> bool:
        return bool(self.teks)

    def __str__(self) -> str:
        return self.teks


@dataclass(frozen=True)
class NilaiSel:
    """A target cell: the parsed `Angka` (text, value, unit, category, decision) and its place.

    An empty cell is `NilaiSel(Angka(teks=""))`: the document has the cell but no value (stored as NULL).
    A cell that holds no number at all ("Kategori") is `Angka(teks=...)` with `nilai=None`: kept as text.
    """

    angka: Angka
    place: Place | None = None

    @property
    def kosong(self) -> bool:
        return self.angka.kosong


@dataclass(frozen=True)
class Uang:
    """A pagu: whole rupiah (None when the cell is empty or unreadable) and the text it was read from.

    `bagian` holds the cells a value was put together from, when a layout had to (two pagu cells of one merged
    kegiatan); `catatan` says how it was read when that is not obvious.
    """

    nilai: int | None
    teks: str
    place: Place | None = None
    catatan: str = ""
    bagian: tuple[Uang, ...] = ()


@dataclass(eq=False)
class IndikatorDoc:
    nama: Teks
    satuan: Teks | None = None
    formulasi: Teks | None = None
    target: NilaiSel | None = None  # the yearly target; None = the document has no yearly target column here
    triwulan: list[NilaiSel | None] = field(default_factory=lambda: [None, None, None, None])  # TW I–IV
    is_iku: bool = False
    penanggung_jawab: Teks | None = None
    bidang: str = ""
    # The same yearly target stated again in another table (kept as provenance, compared by the checker).
    target_lain: list[NilaiSel] = field(default_factory=list)
    nama_lain: list[Teks] = field(default_factory=list)  # other spellings matched to this indikator
    keterangan: list[Teks] = field(default_factory=list)  # remarks read beside it (stored in `catatan`)
    target_renstra: NilaiSel | None = None  # a target for the Renstra period (IKU table), not this year's
    # Stated by the document (template) or inferred (`renaksi.impor.inferensi`); "" = not known yet.
    polaritas: str = ""
    polaritas_disimpulkan: bool = False
    akumulasi: str = ""
    akumulasi_disimpulkan: bool = False
    alasan_inferensi: str = ""
    jenis_target: str = ""  # "angka" / "kategori"; "" = decided by the writer from the targets
    sumber_data: str = ""  # where the indikator's data comes from ("BKPSDM"), as written

    def targets(self) -> Iterator[tuple[int | None, NilaiSel]]:
        """(triwulan or None for the year, value) for every target cell the document has."""
        if self.target is not None:
            yield None, self.target
        for tw, nilai in enumerate(self.triwulan, start=1):
            if nilai is not None:
                yield tw, nilai


@dataclass(eq=False)
class TujuanDoc:
    """A goal of the Renstra as the document lists it ("1. Terwujudnya …")."""

    uraian: Teks
    nomor: str = ""


@dataclass(eq=False)
class SasaranDoc:
    uraian: Teks
    level: str = "strategis"  # perencanaan.Sasaran.Level: strategis, program, kegiatan, sub_kegiatan
    nomor: str = ""
    parent: SasaranDoc | None = None
    bidang: str = ""
    indikator: list[IndikatorDoc] = field(default_factory=list)


@dataclass(eq=False)
class PejabatDoc:
    nama: Teks
    jabatan: Teks
    nip: str = ""  # 18 digits, without spaces; "" when not written or not valid (then a warning says so)
    nip_teks: Teks | None = None  # the NIP as written
    pangkat: str = ""
    golongan: str = ""
    status: str = "definitif"  # organisasi.Pejabat.Status: definitif, plt, plh
    bidang: str = ""
    kepala_pd: bool = False
    kepala_bidang: bool = False


@dataclass(eq=False)
class BidangDoc:
    nama: Teks
    kepala: PejabatDoc | None = None


@dataclass(eq=False)
class AksiDoc:
    uraian: Teks
    nomor: str = ""
    keluaran: Teks | None = None
    bulan: list[int] = field(default_factory=list)  # 1 = Januari … 12 = Desember
    target: NilaiSel | None = None
    pagu: Uang | None = None
    penanggung_jawab: Teks | None = None
    pejabat: PejabatDoc | None = None
    catatan: str = ""  # a remark the document writes beside the aksi (stored in `Aksi.catatan`)


@dataclass(eq=False)
class SubKegiatanDoc:
    nama: Teks
    kode: str = ""
    pagu: Uang | None = None
    # The same pagu stated in other places of the document (another table, a bidang page), never merged into
    # `pagu`: the writer keeps each as a Provenance row and the checker compares them.
    pagu_lain: list[Uang] = field(default_factory=list)
    bidang: str = ""
    target: NilaiSel | None = None
    indikator: list[IndikatorDoc] = field(default_factory=list)
    aksi: list[AksiDoc] = field(default_factory=list)
    nama_lain: list[Teks] = field(default_factory=list)
    # A remark the document writes beside it; the writer stores it in `SubKegiatan.catatan`, followed by the
    # other spellings (`nama_lain`).
    catatan: str = ""


@dataclass(eq=False)
class KegiatanDoc:
    nama: Teks
    kode: str = ""
    pagu: Uang | None = None
    pagu_lain: list[Uang] = field(default_factory=list)
    indikator: list[IndikatorDoc] = field(default_factory=list)
    sub_kegiatan: list[SubKegiatanDoc] = field(default_factory=list)
    nama_lain: list[Teks] = field(default_factory=list)


@dataclass(eq=False)
class ProgramDoc:
    nama: Teks
    kode: str = ""
    pagu: Uang | None = None
    pagu_lain: list[Uang] = field(default_factory=list)
    indikator: list[IndikatorDoc] = field(default_factory=list)
    kegiatan: list[KegiatanDoc] = field(default_factory=list)
    nama_lain: list[Teks] = field(default_factory=list)


@dataclass(eq=False)
class PKItemDoc:
    """One line of a Perjanjian Kinerja as the PK states it; its target is the PK's own value."""

    indikator: Teks
    nomor: str = ""
    sasaran: Teks | None = None
    target: NilaiSel | None = None
    indikator_ref: IndikatorDoc | None = None  # the plan's indikator this line is about


@dataclass(eq=False)
class PerjanjianKinerjaDoc:
    """A Perjanjian Kinerja as the document states it: who agrees with whom, where and when, and its lines.

    The parties are `PejabatDoc` of `RencanaAksiDoc.pejabat` (the writer also stores one that is not listed there).
    `jenis` is perencanaan.PerjanjianKinerja.Jenis: murni, perubahan. `place` points at the PK's first row.
    """

    jenis: str = "murni"
    pihak_pertama: PejabatDoc | None = None
    pihak_kedua: PejabatDoc | None = None
    pihak_kedua_jabatan: str = ""  # "Wali Kota Samarinda"
    tempat: str = ""
    tanggal: dt.date | None = None
    items: list[PKItemDoc] = field(default_factory=list)
    place: Place | None = None


@dataclass(eq=False)
class Notes:
    """The decisions and warnings a reading collects (a plan document, a monev workbook, matching it to a plan).

    Every code is written as a literal at a `decide` / `warn` call, so that tests/impor/test_kode_docs.py can check
    it against the registry (renaksi/impor/kode.py) and its kind against the call."""

    decisions: list[Catatan] = field(default_factory=list, kw_only=True)
    warnings: list[Catatan] = field(default_factory=list, kw_only=True)

    def decide(self, kode: str, pesan: str, place: Place | None = None) -> None:
        self.decisions.append(Catatan(kode, pesan, place))

    def warn(self, kode: str, pesan: str, place: Place | None = None) -> None:
        self.warnings.append(Catatan(kode, pesan, place))


# --- realisasi of an existing plan, as a monev workbook states it (`renaksi.impor.realisasi`) ---------------------

EVALUASI_FIELDS = ("faktor_pendorong", "faktor_penghambat", "tindak_lanjut", "tindak_lanjut_renja")


@dataclass(eq=False)
class RealisasiIndikatorDoc:
    """One indikator row of a monev workbook: its realisasi TW I–IV (None = no cell/empty) as written."""

    nama: Teks
    place: Place
    id: int | None = None  # the Renaksi form's ID column
    satuan: str = ""
    induk: str = ""  # the program / kegiatan / sub kegiatan the row stands under (Permendagri layout)
    realisasi: list[Angka | None] = field(default_factory=lambda: [None] * 4)
    realisasi_place: list[Place | None] = field(default_factory=lambda: [None] * 4)
    evaluasi: dict[str, Teks] = field(default_factory=dict)  # EVALUASI_FIELDS → text, for `evaluasi_triwulan`
    evaluasi_triwulan: int | None = None
    sd: bool = False  # the K columns hold values to date (their header says "s.d.")


@dataclass(eq=False)
class RealisasiAnggaranDoc:
    """One sub kegiatan row: the amount spent in each triwulan (None = no value), as whole rupiah."""

    nama: Teks
    place: Place
    id: int | None = None
    kode: str = ""
    jumlah: list[Uang | None] = field(default_factory=lambda: [None] * 4)


@dataclass(eq=False)
class RealisasiDoc(Notes):
    dokumen: str
    format: str = ""
    layout: str = ""  # "monev_renaksi" or "evaluasi_renja"
    rencana_aksi_id: int | None = None  # stated by the Renaksi form
    perangkat_daerah: str = ""  # stated by the workbook's title, when it names one
    pemda: str = ""  # "Kota Samarinda", stated with it
    tahun: int | None = None
    indikator: list[RealisasiIndikatorDoc] = field(default_factory=list)
    sub_kegiatan: list[RealisasiAnggaranDoc] = field(default_factory=list)


@dataclass(eq=False)
class TabelDoc:
    """A table of the document and the kind that read it (`renaksi.impor.klasifikasi`), for the preview's list where
    the user can pick another kind, and `renaksi import --json`'s "tabel"."""

    judul: str  # the table's name, as decisions and places write it
    place: Place
    jenis: str  # the kind's NAMA; "" = not recognised, not read
    skor: int
    kunci: str = ""  # its place in the document ("#3": the third table): the key of the user's choice of kind
    label: str = ""  # the kind's LABEL, for people
    # Why its kind cannot be picked (the matrix and the template are read as a whole); "" = it can.
    tetap: str = ""
    dipilih_pengguna: bool = False
    lain: list[tuple[str, int]] = field(default_factory=list)  # other kinds that fit, with their scores
    baris: set[tuple[str, int | None]] = field(default_factory=set)  # (sheet, row) of its data rows
    baris_ditempatkan: int = 0  # rows with a value that went into the plan (set after `cakupan.hitung`)

    def as_json(self) -> dict:
        return {"kunci": self.kunci, "judul": self.judul, "tempat": self.place.describe(), "jenis": self.jenis,
                "label": self.label, "skor": self.skor, "dapat_dipilih": not self.tetap, "tetap": self.tetap,
                "dipilih_pengguna": self.dipilih_pengguna, "lain": dict(self.lain), "baris": len(self.baris),
                "baris_ditempatkan": self.baris_ditempatkan}


@dataclass(eq=False)
class RencanaAksiDoc(Notes):
    dokumen: str  # file name
    format: str = ""  # teks, csv, xlsx, docx
    layout: str = ""  # matriks, laporan, template …
    judul: Teks | None = None
    # The layout states the title as a field of its own (the template's Judul): the writer keeps it as written.
    # Otherwise the title is pieced together from heading lines and replaced when it does not name the PD.
    judul_tetap: bool = False
    pemda_jenis: str = ""  # organisasi.Pemda.Jenis: provinsi, kabupaten, kota
    pemda_nama: str = ""  # without the jenis: "Samarinda"
    perangkat_daerah: Teks | None = None
    tahun: int | None = None
    tempat: str = ""
    tanggal: dt.date | None = None
    renstra_periode: tuple[int, int] | None = None  # (2021, 2026): the Renstra the tujuan belong to
    tujuan: list[TujuanDoc] = field(default_factory=list)
    sasaran: list[SasaranDoc] = field(default_factory=list)  # every level, parents before children
    program: list[ProgramDoc] = field(default_factory=list)
    # Perjanjian Kinerja whose header (parties, place, date) the document states, each with its lines.
    perjanjian_kinerja: list[PerjanjianKinerjaDoc] = field(default_factory=list)
    # PK lines without a stated header: the writer makes one PK for them with the plan's place and date.
    pk: list[PKItemDoc] = field(default_factory=list)
    # The layout marks scheduled months with a written mark ("x", the template), never by shading: an empty month
    # cell is an empty month in any format. Otherwise a text or CSV copy loses the shaded months (see the writer's
    # `jadwal` provenance).
    jadwal_bertanda: bool = False
    pejabat: list[PejabatDoc] = field(default_factory=list)
    bidang: list[BidangDoc] = field(default_factory=list)
    penandatangan: PejabatDoc | None = None  # who signs the plan (the kepala PD, usually)
    pagu_total: Uang | None = None  # a total the document states ("Total Pagu Anggaran"), kept as provenance
    # A PENANGGUNG JAWAB column the copy detached from its rows: kept, not aligned.
    penanggung_jawab_lepas: list[Teks] = field(default_factory=list)
    # What the layout marked while reading: cells read from another place, cells deliberately left out
    # (`renaksi.impor.cakupan`: every number of the document accounted for).
    cakupan: Cakupan = field(default_factory=Cakupan)
    # Realisasi per triwulan read from a monev table (`jenis/monev.py`): not part of the plan; imported into the
    # matching plan through `renaksi.impor.realisasi.dalam_dokumen` when one exists.
    realisasi: list[RealisasiIndikatorDoc] = field(default_factory=list)
    # Every table with the kind that read it (the report layout fills it; see `TabelDoc`).
    tabel: list[TabelDoc] = field(default_factory=list)

    # --- walking the tree -----------------------------------------------------------------------------------

    def all_indikator(self) -> Iterator[IndikatorDoc]:
        for sasaran in self.sasaran:
            yield from sasaran.indikator

    def all_kegiatan(self) -> Iterator[KegiatanDoc]:
        for program in self.program:
            yield from program.kegiatan

    def all_sub_kegiatan(self) -> Iterator[SubKegiatanDoc]:
        for kegiatan in self.all_kegiatan():
            yield from kegiatan.sub_kegiatan

    def all_aksi(self) -> Iterator[AksiDoc]:
        for sub in self.all_sub_kegiatan():
            yield from sub.aksi

    def all_pk_items(self) -> Iterator[PKItemDoc]:
        """Every PK line: those of the stated PKs, then those without a header."""
        for pk in self.perjanjian_kinerja:
            yield from pk.items
        yield from self.pk

    def bidang_named(self, nama: str) -> BidangDoc | None:
        return next((b for b in self.bidang if b.nama.teks == nama), None)

    def counts(self) -> dict[str, int]:
        """Items of the document, counted as the import result counts the plan's."""
        return {
            "sasaran": len(self.sasaran),
            "indikator": sum(1 for _ in self.all_indikator()),
            "program": len(self.program),
            "kegiatan": sum(1 for _ in self.all_kegiatan()),
            "sub_kegiatan": sum(1 for _ in self.all_sub_kegiatan()),
            "aksi": sum(1 for _ in self.all_aksi()),
            "pejabat": len(self.pejabat),
        }

    def pagu_totals(self) -> dict[str, int]:
        """Sums of the pagu at each level, in whole rupiah (empty pagu count as nothing)."""

        def total(items) -> int:
            return sum(i.pagu.nilai for i in items if i.pagu is not None and i.pagu.nilai is not None)

        return {
            "program": total(self.program),
            "kegiatan": total(self.all_kegiatan()),
            "sub_kegiatan": total(self.all_sub_kegiatan()),
        }
