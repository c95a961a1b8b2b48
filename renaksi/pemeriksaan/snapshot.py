"""An in-memory, read-only copy of one plan: what every checker rule reads instead of the ORM.

Built by `selectors.load_plan_snapshot` with a constant number of queries, whatever the size of the plan.
Everything is plain data (ids, names, numbers); lists are in the plan's order (urutan, id).
Target values are Decimals carrying the decimals the document wrote (`16.20`, not `16.200000`), because the
rounding tolerance of `renaksi.core.akumulasi` follows them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from .findings import Location, Source, row_label


@dataclass(frozen=True)
class TargetData:
    id: int
    triwulan: int | None
    nilai: Decimal | None
    kategori: str = ""
    teks: str = ""

    @property
    def kosong(self) -> bool:
        """Nothing written at all (an empty cell or '-')."""
        return self.nilai is None and not self.kategori and not self.teks.strip(" -–—")

    @property
    def angka(self) -> bool:
        """A plain number, no category."""
        return self.nilai is not None and not self.kategori


@dataclass(frozen=True)
class SasaranData:
    id: int
    uraian: str
    nomor: str = ""
    level: str = "strategis"
    parent_id: int | None = None
    bidang_id: int | None = None
    kunci: str = ""  # the row's identity across versions (perencanaan's `kunci`), "" when not known


@dataclass(frozen=True)
class IndikatorData:
    id: int
    sasaran_id: int
    nama: str
    satuan: str = ""
    akumulasi: str = "kumulatif"
    akumulasi_disimpulkan: bool = False
    jenis_target: str = "angka"
    polaritas: str = "positif"
    bidang_id: int | None = None
    tahunan: TargetData | None = None
    triwulan: dict[int, TargetData] = field(default_factory=dict)
    kunci: str = ""

    def quarter(self, tw: int) -> TargetData | None:
        return self.triwulan.get(tw)


@dataclass(frozen=True)
class AnggaranData:
    """A program, kegiatan or sub kegiatan: `parent_id` is the program of a kegiatan, the kegiatan of a sub."""

    id: int
    nama: str
    kode: str = ""
    pagu: int | None = None
    parent_id: int | None = None
    bidang_id: int | None = None
    indikator_ids: tuple[int, ...] = ()
    kunci: str = ""


@dataclass(frozen=True)
class AksiData:
    id: int
    sub_kegiatan_id: int
    uraian: str
    nomor: str = ""
    keluaran: str = ""
    penanggung_jawab: str = ""
    pejabat_id: int | None = None
    pagu: int | None = None
    bulan: tuple[int, ...] = ()
    kunci: str = ""


@dataclass(frozen=True)
class PKItemData:
    id: int
    perjanjian_kinerja_id: int
    jenis: str
    nomor: str
    indikator_id: int | None
    target_nilai: Decimal | None
    target_kategori: str = ""
    target_teks: str = ""
    kunci: str = ""


@dataclass(frozen=True)
class BidangData:
    id: int
    nama: str
    kepala_id: int | None = None


@dataclass(frozen=True)
class ProvenanceData:
    object_type: str
    object_id: int
    field: str
    teks: str = ""
    nilai: Decimal | None = None
    dokumen: str = ""
    tabel: str = ""
    baris: int | None = None
    kolom: str = ""
    catatan: str = ""

    def source(self) -> Source:
        return Source(dokumen=self.dokumen, tabel=self.tabel, baris=self.baris, kolom=self.kolom, teks=self.teks,
                      field=self.field)


# --- Realisasi ----------------------------------------------------------------------------------------------
# Filled by `selectors.load_realisasi` from `renaksi.monev`; None for a plan read without it (a document being
# checked before import), and the realisasi rules then yield nothing.


@dataclass(frozen=True)
class RealisasiAnggaranData:
    """Money spent on a sub kegiatan **in** a triwulan (not to date), in rupiah."""

    sub_kegiatan_id: int
    triwulan: int
    jumlah: int


@dataclass(frozen=True)
class RealisasiKinerjaData:
    """An indicator's realisasi for a triwulan as entered (a number, or a category code with an optional score),
    the indicator's formula for negative polarity, and the number of bukti dukung attached."""

    indikator_id: int
    triwulan: int
    nilai: Decimal | None
    kategori: str = ""
    rumus_negatif: str = "selisih"
    jumlah_bukti: int = 0


@dataclass(frozen=True)
class TindakLanjutData:
    """A tindak lanjut written in `triwulan`; `status_triwulan` is when its current status was given."""

    id: int
    indikator_id: int
    triwulan: int
    uraian: str
    status: str
    status_triwulan: int | None = None

    @property
    def terbuka(self) -> bool:
        return self.status in ("terbuka", "berjalan")


@dataclass(frozen=True)
class RealisasiData:
    anggaran: tuple[RealisasiAnggaranData, ...] = ()
    kinerja: tuple[RealisasiKinerjaData, ...] = ()
    tindak_lanjut: tuple[TindakLanjutData, ...] = ()

    @property
    def triwulan_terakhir(self) -> int:
        """The latest triwulan anything was reported for (0 when nothing was)."""
        reported = [r.triwulan for r in (*self.anggaran, *self.kinerja)]
        reported += [t.triwulan for t in self.tindak_lanjut] + [t.status_triwulan or 0 for t in self.tindak_lanjut]
        return max(reported, default=0)


@dataclass(frozen=True)
class PlanSnapshot:
    id: int
    tahun: int
    label: str
    perangkat_daerah_id: int | None = None
    sumber: str = ""
    sasaran: tuple[SasaranData, ...] = ()
    indikator: tuple[IndikatorData, ...] = ()
    program: tuple[AnggaranData, ...] = ()
    kegiatan: tuple[AnggaranData, ...] = ()
    sub_kegiatan: tuple[AnggaranData, ...] = ()
    aksi: tuple[AksiData, ...] = ()
    pk_items: tuple[PKItemData, ...] = ()
    bidang: dict[int, BidangData] = field(default_factory=dict)
    provenance: tuple[ProvenanceData, ...] = ()
    realisasi: RealisasiData | None = None

    # --- indexes, computed once ----------------------------------------------------------------------------

    @cached_property
    def sasaran_by_id(self) -> dict[int, SasaranData]:
        return {s.id: s for s in self.sasaran}

    @cached_property
    def indikator_by_id(self) -> dict[int, IndikatorData]:
        return {i.id: i for i in self.indikator}

    @cached_property
    def indikator_by_sasaran(self) -> dict[int, list[IndikatorData]]:
        return _group(self.indikator, "sasaran_id")

    @cached_property
    def program_by_id(self) -> dict[int, AnggaranData]:
        return {p.id: p for p in self.program}

    @cached_property
    def kegiatan_by_id(self) -> dict[int, AnggaranData]:
        return {k.id: k for k in self.kegiatan}

    @cached_property
    def sub_kegiatan_by_id(self) -> dict[int, AnggaranData]:
        return {s.id: s for s in self.sub_kegiatan}

    @cached_property
    def kegiatan_by_program(self) -> dict[int, list[AnggaranData]]:
        return _group(self.kegiatan, "parent_id")

    @cached_property
    def sub_kegiatan_by_kegiatan(self) -> dict[int, list[AnggaranData]]:
        return _group(self.sub_kegiatan, "parent_id")

    @cached_property
    def aksi_by_id(self) -> dict[int, AksiData]:
        return {a.id: a for a in self.aksi}

    @cached_property
    def aksi_by_sub_kegiatan(self) -> dict[int, list[AksiData]]:
        return _group(self.aksi, "sub_kegiatan_id")

    @cached_property
    def provenance_by_object(self) -> dict[tuple[str, int], list[ProvenanceData]]:
        grouped: dict[tuple[str, int], list[ProvenanceData]] = defaultdict(list)
        for p in self.provenance:
            grouped[(p.object_type, p.object_id)].append(p)
        return dict(grouped)

    def provenance_of(self, object_type: str, object_id: int, fields: tuple[str, ...] | None = None
                      ) -> list[ProvenanceData]:
        rows = self.provenance_by_object.get((object_type, object_id), [])
        return [p for p in rows if fields is None or p.field in fields]

    @property
    def imported(self) -> bool:
        return bool(self.provenance)

    # --- locations -----------------------------------------------------------------------------------------

    def sources(self, object_type: str, object_id: int, fields: tuple[str, ...] | None = None
                ) -> tuple[Source, ...]:
        seen: list[Source] = []
        for p in self.provenance_of(object_type, object_id, fields):
            source = p.source()
            if source not in seen:
                seen.append(source)
        return tuple(seen)

    def plan_location(self) -> Location:
        return Location("rencanaaksi", self.id, self.label)

    def sasaran_location(self, s: SasaranData, fields: tuple[str, ...] | None = None) -> Location:
        label = row_label("Sasaran", _short(s.uraian), s.nomor)
        return Location("sasaran", s.id, label, s.bidang_id, self.sources("sasaran", s.id, fields), s.kunci)

    def indikator_location(self, i: IndikatorData, fields: tuple[str, ...] | None = None,
                           target_fields: bool = False) -> Location:
        sources = list(self.sources("indikator", i.id, fields))
        if target_fields:
            targets = [t for t in (i.tahunan, *i.triwulan.values()) if t is not None]
            for t in targets:
                for source in self.sources("target", t.id):
                    if source not in sources:
                        sources.append(source)
        return Location("indikator", i.id, row_label("Indikator", _short(i.nama)), i.bidang_id, tuple(sources),
                        i.kunci)

    def anggaran_location(self, level: str, row: AnggaranData, fields: tuple[str, ...] | None = None
                          ) -> Location:
        noun = {"program": "Program", "kegiatan": "Kegiatan", "subkegiatan": "Sub kegiatan"}[level]
        text = row_label(noun, _short(row.nama), row.kode)
        bidang_id = row.bidang_id if level == "subkegiatan" else None
        return Location(level, row.id, text, bidang_id, self.sources(level, row.id, fields), row.kunci)

    def aksi_location(self, a: AksiData, fields: tuple[str, ...] | None = None) -> Location:
        sub = self.sub_kegiatan_by_id.get(a.sub_kegiatan_id)
        where = f" ({_short(sub.nama, 60)})" if sub else ""
        label = row_label("Aksi", _short(a.uraian, 60), f"{a.nomor}." if a.nomor else "")
        return Location("aksi", a.id, f"{label}{where}",
                        sub.bidang_id if sub else None, self.sources("aksi", a.id, fields), a.kunci)


def _group(rows, attr: str) -> dict:
    grouped: dict = defaultdict(list)
    for row in rows:
        grouped[getattr(row, attr)].append(row)
    return dict(grouped)


def _short(text: str, limit: int = 90) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
