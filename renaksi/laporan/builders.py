"""Reports built once as plain data, then formatted (HTML page now; PDF, XLSX and DOCX later).

`rencana_aksi_dokumen()` reads a whole plan with a constant number of queries (one per table, whatever the
size of the plan) and returns a `RencanaAksiDokumen`: the cover, the tables of BAB II (2.1 IKU, 2.2 Perjanjian
Kinerja, 2.3 program/kegiatan/sub kegiatan with pagu, 2.4 quarterly targets), one section per bidang with its
aksi and signature block, and, for plans without aksi (the Bangka layout), a matrix of sasaran, indikator,
targets and budget; with the narrative the PD wrote (or its default, perencanaan/narasi.py).
`matriks_dokumen()` gives that matrix for any plan (the Matriks Rencana Aksi, laporan/matriks.py).

Rules the builder follows:
- values are shown as stored: a target keeps the text it was written with ("29,17%", "B (67,34)"), a pagu that
  does not add up is not corrected; the checker reports mismatches, not the document;
- money stays `int` rupiah and targets `Decimal`; formatting happens in the formatter (template filters);
- merged cells are data: a row field `*_rowspan` is the number of rows the cell spans, 0 when it is covered by
  the cell above (a formatter writes nothing there; XLSX merges the range).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import Any

from renaksi.core.angka import banyak_desimal, format_angka, teks_kategori
from renaksi.core.bulan import BULAN_SINGKAT
from renaksi.core.nip import format_nip
from renaksi.organisasi.models import Bidang, Pejabat
from renaksi.pemeriksaan import api as pemeriksaan
from renaksi.pemeriksaan.findings import Finding
from renaksi.perencanaan import narasi
from renaksi.perencanaan.models import RencanaAksi, Sasaran, Target
from renaksi.perencanaan.selectors import (
    AksiDokumen,
    IndikatorDokumen,
    KegiatanDokumen,
    PerjanjianKinerjaData,
    PlanData,
    ProgramDokumen,
    SubKegiatanDokumen,
    TargetDokumen,
    aksi_dokumen,
    pk_utama,
    plan_data,
    target_dokumen,
)

TRIWULAN = ("I", "II", "III", "IV")


# --- Values -----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Nilai:
    """A target as the plan states it: the number (or category) and how it was written."""

    nilai: Decimal | None = None
    desimal: int = 0
    kategori: str = ""
    teks: str = ""
    satuan: str = ""

    @property
    def kosong(self) -> bool:
        return self.nilai is None and not self.kategori and not self.teks

    @property
    def tampil(self) -> str:
        """What a document shows: the text as written, else the value in Indonesian form with its unit."""
        if self.teks:
            return self.teks
        number = format_angka(self.nilai, self.desimal) if self.nilai is not None else ""
        if self.kategori:
            return teks_kategori(self.kategori, number)
        return f"{number} {self.satuan}".strip() if number else ""

    def __str__(self) -> str:
        return self.tampil


KOSONG = Nilai()


def _nilai_target(target: Target | None) -> Nilai:
    if target is None:
        return KOSONG
    return Nilai(nilai=target.nilai, desimal=target.desimal, kategori=target.kategori, teks=target.teks)


def _nilai_output(nilai: Decimal | None, satuan: str, teks: str) -> Nilai:
    return Nilai(nilai=nilai, desimal=banyak_desimal(nilai, tanpa_nol=True), teks=teks, satuan=satuan)


# --- Document parts -----------------------------------------------------------------------------------------------


@dataclass
class Penandatangan:
    """A signature block: place and date, the jabatan (with Plt./Plh.), the name, pangkat (golongan) and NIP."""

    jabatan: str
    nama: str = ""
    pangkat_golongan: str = ""
    nip: str = ""  # 18 digits, as stored
    status: str = Pejabat.Status.DEFINITIF
    tempat: str = ""
    tanggal: date | None = None

    @property
    def nip_tampil(self) -> str:
        return format_nip(self.nip)

    @property
    def pelaksana(self) -> bool:
        """An acting official (Plt. or Plh.)."""
        return self.status != Pejabat.Status.DEFINITIF

    @property
    def kosong(self) -> bool:
        return not self.nama


@dataclass
class Sampul:
    perangkat_daerah: str
    singkatan: str
    pemda: str  # "Kota Samarinda"
    alamat: str
    tahun: int
    judul: str
    judul_sampul: str  # the plan's title on the cover: only when it is not the default (RencanaAksi.judul_bawaan)
    versi: int
    label_versi: str  # "Murni", "Perubahan 1"
    status: str
    status_label: str
    draf: bool  # RencanaAksi.draf

    @property
    def terbit(self) -> bool:
        return not self.draf


@dataclass
class BarisIku:
    """Tabel 2.1: one IKU with its formulasi and target."""

    nomor: str
    sasaran: str
    sasaran_rowspan: int
    indikator: str
    formulasi: str
    satuan: str
    target: Nilai


@dataclass
class BarisPk:
    """Tabel 2.2: one line of the Perjanjian Kinerja."""

    nomor: str
    sasaran: str
    sasaran_rowspan: int
    indikator: str
    target: Nilai


@dataclass
class BarisAnggaran:
    """Tabel 2.3: a kegiatan or a sub kegiatan line, under its program, indikator and sasaran."""

    nomor: str
    nomor_rowspan: int
    sasaran: str
    sasaran_rowspan: int
    indikator: str
    target: Nilai
    indikator_rowspan: int
    program: str
    program_kode: str
    program_rowspan: int
    jenis: str  # "program" (the program's own row, with its pagu), "kegiatan" or "sub_kegiatan"
    kode: str
    uraian: str
    urutan: int  # 1, 2, … among the sub kegiatan of a kegiatan (0 for a kegiatan)
    pagu: int | None
    dijumlah: bool = False  # counted in the table's total: the kegiatan, and a program without kegiatan


@dataclass
class BarisTarget:
    """Tabel 2.4: the yearly and quarterly targets of an indicator."""

    nomor: str
    sasaran: str
    sasaran_rowspan: int
    indikator: str
    satuan: str
    tahunan: Nilai
    triwulan: list[Nilai]


@dataclass
class BarisAksi:
    nomor: str
    uraian: str
    jadwal: tuple[bool, ...]  # 12 months, January first (one tuple per distinct schedule, shared by its aksi)
    keluaran: str
    penanggung_jawab: str
    pagu: int | None


@dataclass
class TabelAksi:
    """The aksi of one sub kegiatan; program, kegiatan, sub kegiatan, target and pagu span all its rows."""

    program: str
    kegiatan: str
    sub_kegiatan: str
    kode: str
    target: Nilai
    pagu: int | None
    aksi: list[BarisAksi]

    @property
    def rowspan(self) -> int:
        return max(1, len(self.aksi))


@dataclass
class BarisIndikatorBidang:
    nomor: str
    sasaran: str
    sasaran_rowspan: int
    indikator: str
    tahunan: Nilai
    triwulan: list[Nilai]


@dataclass
class BagianBidang:
    """One page per bidang: its indicators with quarterly targets, its aksi per sub kegiatan, the signature."""

    nama: str
    indikator: list[BarisIndikatorBidang]
    tabel_aksi: list[TabelAksi]
    penandatangan: Penandatangan


@dataclass
class BarisMatriks:
    """The Bangka layout: sasaran, indikator, targets, and the program / kegiatan / sub kegiatan it is funded by."""

    nomor: str
    sasaran: str
    sasaran_rowspan: int
    indikator: str
    satuan: str
    target: Nilai
    triwulan: list[Nilai]
    penanggung_jawab: str
    indikator_rowspan: int
    program: str = ""
    kegiatan: str = ""
    sub_kegiatan: str = ""
    anggaran: int | None = None
    # What the anggaran is the pagu of ("program", "kegiatan", "sub_kegiatan") and its id: a row funding two
    # indicators appears under each, and a total counts it once.
    anggaran_jenis: str = ""
    anggaran_id: int | None = None


@dataclass
class BagianMatriks:
    """One level of sasaran (A. strategis, B. program, …); the document restarts its numbering in each part.

    `kolom` names the budget columns this part uses ("program", "kegiatan", "sub_kegiatan"): a level is usually
    funded at one level only, so a formatter can leave the empty ones out and give the names room."""

    huruf: str
    judul: str
    baris: list[BarisMatriks]
    kolom: list[str]

    @property
    def ada_anggaran(self) -> bool:
        return bool(self.kolom)

    @property
    def jumlah_kolom(self) -> int:
        return 10 + len(self.kolom) + (1 if self.kolom else 0)


@dataclass
class RencanaAksiDokumen:
    rencana_aksi_id: int
    tahun: int
    sampul: Sampul
    tabel_iku: list[BarisIku]
    tabel_pk: list[BarisPk]
    tabel_anggaran: list[BarisAnggaran]
    total_pagu: int
    tabel_target: list[BarisTarget]
    bidang: list[BagianBidang]
    matriks: list[BagianMatriks]
    penandatangan: Penandatangan
    # Open findings of the checker, when the appendix is asked for (off by default); None when not asked.
    temuan: list[Finding] | None = None
    bulan: Sequence[str] = BULAN_SINGKAT
    triwulan: Sequence[str] = TRIWULAN
    # The narrative parts (perencanaan/narasi.py: kata_pengantar, latar_belakang, …), the PD's text or the default.
    narasi: dict[str, str] = field(default_factory=dict)


@dataclass
class MatriksDokumen:
    """The Matriks Rencana Aksi (the Bangka layout) of any plan: one part per sasaran level, place, date, signer."""

    rencana_aksi_id: int
    tahun: int
    sampul: Sampul
    bagian: list[BagianMatriks]
    penandatangan: Penandatangan
    triwulan: Sequence[str] = TRIWULAN


# --- Helpers ----------------------------------------------------------------------------------------------------


def _merge(rows: Sequence[Any], field_name: str, keys: Sequence[Any]) -> None:
    """Set `<field_name>_rowspan` on each run of consecutive rows with equal keys (0 on the covered rows)."""
    attr = f"{field_name}_rowspan"
    start = 0
    for index in range(1, len(rows) + 1):
        if index == len(rows) or keys[index] != keys[start]:
            setattr(rows[start], attr, index - start)
            for covered in rows[start + 1:index]:
                setattr(covered, attr, 0)
            start = index


def _penandatangan(pejabat: Pejabat | None, *, jabatan: str, tempat: str, tanggal: date | None) -> Penandatangan:
    if pejabat is None:
        return Penandatangan(jabatan=jabatan, tempat=tempat, tanggal=tanggal)
    return Penandatangan(
        jabatan=pejabat.jabatan_tanda_tangan, nama=pejabat.nama, pangkat_golongan=pejabat.pangkat_golongan,
        nip=pejabat.nip, status=pejabat.status, tempat=tempat, tanggal=tanggal,
    )


class _Plan:
    """`plan_data()` with the shortcuts the tables below use (every list in the plan's order, `urutan, id`); the
    indikator, program, kegiatan and sub kegiatan (`plan_data(dokumen=True)`) and the targets (`target_dokumen`)
    as plain rows: a large plan has hundreds of the first and a thousand targets, the documents only print them."""

    def __init__(self, data: PlanData, targets: dict[int, dict[int | None, TargetDokumen]]):
        self.data = data
        self.targets = targets
        self.plan = data.plan
        self.pd = data.plan.perangkat_daerah
        self.sasaran = data.sasaran_by_id
        self.indikator = list(data.indikator)
        self.indikator_by_id = data.indikator_by_id
        self.program = list(data.program)
        self.program_by_id = data.program_by_id
        self.kegiatan = list(data.kegiatan)
        self.kegiatan_by_id = data.kegiatan_by_id
        self.sub = list(data.sub_kegiatan)
        self.bidang = list(data.bidang)

    def indikator_ids(self, level: str, owner_id: int) -> tuple[int, ...]:
        return self.data.indikator_ids_of(level, owner_id)

    @classmethod
    def read(cls, plan: RencanaAksi, *, with_aksi: bool = True) -> _Plan:
        return cls(plan_data(rencana_aksi=plan, with_aksi=with_aksi, with_targets=False, dokumen=True),
                   target_dokumen(rencana_aksi=plan))

    def target(self, indikator: IndikatorDokumen, triwulan: int | None) -> Nilai:
        row = self.targets.get(indikator.pk, {}).get(triwulan)
        return KOSONG if row is None else Nilai(*row)

    def triwulan(self, indikator: IndikatorDokumen) -> list[Nilai]:
        return [self.target(indikator, tw) for tw in (1, 2, 3, 4)]

    def sasaran_of(self, indikator: IndikatorDokumen) -> Sasaran | None:
        return self.sasaran.get(indikator.sasaran_id)

    def strategis_indikator(self) -> list[IndikatorDokumen]:
        """Indicators of the sasaran strategis, grouped by sasaran in the order of the sasaran."""
        strategis = [s for s in self.sasaran.values() if s.level == Sasaran.Level.STRATEGIS]
        order = {s.pk: n for n, s in enumerate(strategis)}
        rows = [i for i in self.indikator if i.sasaran_id in order]
        return sorted(rows, key=lambda i: order[i.sasaran_id])


# --- Tables -----------------------------------------------------------------------------------------------------


def _tabel_iku(p: _Plan) -> list[BarisIku]:
    rows, keys = [], []
    for indikator in (i for i in p.strategis_indikator() if i.is_iku):
        sasaran = p.sasaran_of(indikator)
        rows.append(BarisIku(
            nomor=str(len(rows) + 1), sasaran=sasaran.uraian if sasaran else "", sasaran_rowspan=1,
            indikator=indikator.nama, formulasi=indikator.formulasi, satuan=indikator.satuan,
            target=p.target(indikator, None),
        ))
        keys.append(indikator.sasaran_id)
    _merge(rows, "sasaran", keys)
    return rows


def _perjanjian_kinerja(p: _Plan) -> PerjanjianKinerjaData | None:
    """The PD's own PK: the one the head of the PD signs as pihak pertama, else the first one; a revised PK
    (perubahan) before the original (murni), as it replaces it."""
    return pk_utama(p.data.perjanjian_kinerja, kepala_id=p.pd.kepala_id)


def _tabel_pk(p: _Plan, pk: PerjanjianKinerjaData | None) -> tuple[list[BarisPk], list[IndikatorDokumen]]:
    """Tabel 2.2, and the indicators it names (in its order) for Tabel 2.4."""
    if pk is None:
        return [], []
    rows, keys, indikator_list = [], [], []
    for n, item in enumerate(pk.items, start=1):
        indikator = p.indikator_by_id.get(item.indikator_id)
        sasaran = p.sasaran.get(item.sasaran_id) or (p.sasaran_of(indikator) if indikator else None)
        target = Nilai(nilai=item.target_nilai, desimal=banyak_desimal(item.target_nilai, tanpa_nol=True),
                       kategori=item.target_kategori, teks=item.target_teks)
        rows.append(BarisPk(nomor=item.nomor or str(n), sasaran=sasaran.uraian if sasaran else "",
                            sasaran_rowspan=1, indikator=indikator.nama if indikator else "", target=target))
        keys.append(sasaran.pk if sasaran else None)
        if indikator is not None and indikator not in indikator_list:
            indikator_list.append(indikator)
    _merge(rows, "sasaran", keys)
    return rows, indikator_list


def _tabel_anggaran(p: _Plan) -> tuple[list[BarisAnggaran], int]:
    """Tabel 2.3 and its total: the sum of the kegiatan pagu as stored (a program without kegiatan counts its own)."""
    def primary_indikator(program: ProgramDokumen) -> IndikatorDokumen | None:
        ids = p.indikator_ids("program", program.pk)
        return p.indikator_by_id.get(ids[0]) if ids else None

    # Programs grouped under their (first) indicator, in the order of the sasaran and indicators.
    indikator_order: dict[int, int] = {}
    for ind in p.strategis_indikator() + p.indikator:
        indikator_order.setdefault(ind.pk, len(indikator_order))
    programs = sorted(
        p.program,
        key=lambda pr: (indikator_order.get(getattr(primary_indikator(pr), "pk", None), len(indikator_order)),
                        pr.urutan, pr.pk),
    )
    rows: list[BarisAnggaran] = []
    keys: list[tuple] = []  # ((indikator, sasaran), program) of each row, for the merged cells
    total = 0
    for program in programs:
        indikator = primary_indikator(program)
        sasaran = p.sasaran_of(indikator) if indikator else None
        base = {
            "nomor": "", "nomor_rowspan": 1,
            "sasaran": sasaran.uraian if sasaran else "", "sasaran_rowspan": 1,
            "indikator": indikator.nama if indikator else "", "indikator_rowspan": 1,
            "target": p.target(indikator, None) if indikator else KOSONG,
            "program": program.nama, "program_kode": program.kode, "program_rowspan": 1,
        }
        group_key = (indikator.pk if indikator else None, sasaran.pk if sasaran else None)
        kegiatan_list = p.data.kegiatan_of(program.pk)
        if not kegiatan_list or program.pagu is not None:  # the program's pagu as stored, beside its kegiatan's
            rows.append(BarisAnggaran(**base, jenis="program", kode="", uraian="", urutan=0, pagu=program.pagu,
                                      dijumlah=not kegiatan_list))
            keys.append((group_key, program.pk))
        if not kegiatan_list:
            total += program.pagu or 0
            continue
        for kegiatan in kegiatan_list:
            rows.append(BarisAnggaran(**base, jenis="kegiatan", kode=kegiatan.kode, uraian=kegiatan.nama,
                                      urutan=0, pagu=kegiatan.pagu, dijumlah=True))
            keys.append((group_key, program.pk))
            total += kegiatan.pagu or 0
            for n, sub in enumerate(p.data.sub_kegiatan_of(kegiatan.pk), start=1):
                rows.append(BarisAnggaran(**base, jenis="sub_kegiatan", kode=sub.kode, uraian=sub.nama,
                                          urutan=n, pagu=sub.pagu))
                keys.append((group_key, program.pk))
    _merge(rows, "sasaran", [k[0][1] for k in keys])
    _merge(rows, "indikator", [k[0] for k in keys])
    _merge(rows, "nomor", [k[0] for k in keys])
    _merge(rows, "program", keys)
    n = 0
    for row in rows:
        if row.nomor_rowspan:
            n += 1
            row.nomor = str(n)
    return rows, total


def _tabel_target(p: _Plan, pk_indikator: list[IndikatorDokumen]) -> list[BarisTarget]:
    """Tabel 2.4: the indicators of the Perjanjian Kinerja (as the document does), else every strategic one."""
    rows, keys = [], []
    for n, indikator in enumerate(pk_indikator or p.strategis_indikator(), start=1):
        sasaran = p.sasaran_of(indikator)
        rows.append(BarisTarget(
            nomor=str(n), sasaran=sasaran.uraian if sasaran else "", sasaran_rowspan=1, indikator=indikator.nama,
            satuan=indikator.satuan, tahunan=p.target(indikator, None), triwulan=p.triwulan(indikator),
        ))
        keys.append(indikator.sasaran_id)
    _merge(rows, "sasaran", keys)
    return rows


@lru_cache(maxsize=4096)  # one per schedule (2^12 at most): a plan repeats a few dozen
def _jadwal(bulan: frozenset[int]) -> tuple[bool, ...]:
    return tuple(b in bulan for b in range(1, 13))


def _tabel_aksi(p: _Plan, sub: SubKegiatanDokumen, aksi: list[AksiDokumen]) -> TabelAksi:
    kegiatan = p.kegiatan_by_id.get(sub.kegiatan_id)
    program = p.program_by_id.get(kegiatan.program_id) if kegiatan else None
    aksi_rows = [
        BarisAksi(
            nomor=a.nomor or str(n), uraian=a.uraian, jadwal=_jadwal(a.bulan),
            keluaran=a.keluaran, penanggung_jawab=a.penanggung_jawab, pagu=a.pagu,
        )
        for n, a in enumerate(aksi, start=1)
    ]
    return TabelAksi(
        program=program.nama if program else "", kegiatan=kegiatan.nama if kegiatan else "",
        sub_kegiatan=sub.nama, kode=sub.kode, target=_nilai_output(sub.target_nilai, sub.target_satuan,
                                                                   sub.target_teks),
        pagu=sub.pagu, aksi=aksi_rows,
    )


def _bagian_bidang(p: _Plan, aksi: dict[int, list[AksiDokumen]], tempat: str, tanggal: date | None
                   ) -> list[BagianBidang]:
    sections = []
    bidang_list: list[Bidang | None] = [*p.bidang, None]
    for bidang in bidang_list:
        bidang_id = bidang.pk if bidang else None
        indikator = [i for i in p.indikator if i.bidang_id == bidang_id] if bidang else []
        subs = [s for s in p.sub if s.bidang_id == bidang_id]
        if bidang is None:
            # Sub kegiatan that belong to no bidang get a section only when they carry aksi.
            subs = [s for s in subs if s.pk in aksi]
        if not indikator and not subs:
            continue
        rows = []
        for n, ind in enumerate(indikator, start=1):
            sasaran = p.sasaran_of(ind)
            rows.append(BarisIndikatorBidang(nomor=str(n), sasaran=sasaran.uraian if sasaran else "",
                                             sasaran_rowspan=1, indikator=ind.nama,
                                             tahunan=p.target(ind, None), triwulan=p.triwulan(ind)))
        _merge(rows, "sasaran", [i.sasaran_id for i in indikator])
        if bidang is not None:
            signer = _penandatangan(bidang.kepala, jabatan=f"Kepala {bidang.nama}", tempat=tempat, tanggal=tanggal)
            nama = bidang.nama
        else:
            signer = _penandatangan(p.plan.penandatangan or p.pd.kepala, jabatan=f"Kepala {p.pd.nama}",
                                    tempat=tempat, tanggal=tanggal)
            nama = ""
        sections.append(BagianBidang(nama=nama, indikator=rows,
                                     tabel_aksi=[_tabel_aksi(p, s, aksi.get(s.pk, [])) for s in subs],
                                     penandatangan=signer))
    return sections


MATRIKS_JUDUL = {
    Sasaran.Level.STRATEGIS: "Sasaran Strategis",
    Sasaran.Level.PROGRAM: "Sasaran Program",
    Sasaran.Level.KEGIATAN: "Sasaran Kegiatan",
    Sasaran.Level.SUB_KEGIATAN: "Sasaran Sub Kegiatan",
}


def _matriks(p: _Plan) -> list[BagianMatriks]:
    """The plan as one matrix per sasaran level (the Bangka layout): the RA document of a plan without aksi, and
    the Matriks Rencana Aksi of any plan."""
    programs_of: dict[int, list[ProgramDokumen]] = defaultdict(list)
    for program in p.program:
        for ind_id in p.indikator_ids("program", program.pk):
            programs_of[ind_id].append(program)
    kegiatan_of: dict[int, list[KegiatanDokumen]] = defaultdict(list)
    for kegiatan in p.kegiatan:
        for ind_id in p.indikator_ids("kegiatan", kegiatan.pk):
            kegiatan_of[ind_id].append(kegiatan)
    sub_of: dict[int, list[SubKegiatanDokumen]] = defaultdict(list)
    for sub in p.sub:
        for ind_id in p.indikator_ids("sub_kegiatan", sub.pk):
            sub_of[ind_id].append(sub)

    sections = []
    for level, judul in MATRIKS_JUDUL.items():
        sasaran_ids = [s.pk for s in p.sasaran.values() if s.level == level]
        order = {pk: n for n, pk in enumerate(sasaran_ids)}
        indikator = sorted((i for i in p.indikator if i.sasaran_id in order), key=lambda i: order[i.sasaran_id])
        rows: list[BarisMatriks] = []
        keys: list[tuple[int, int]] = []
        for ind in indikator:
            sasaran = p.sasaran[ind.sasaran_id]
            funding: list[tuple[Any, ...]] = []
            for program in programs_of.get(ind.pk, []):
                # A program whose pagu the plan does not state (Samarinda's Tabel 2.3 gives it per kegiatan) is
                # funded through its kegiatan: each with its own stated pagu, nothing added up here.
                kegiatan_list = p.data.kegiatan_of(program.pk) if program.pagu is None else ()
                funding += [("kegiatan", k, program) for k in kegiatan_list] or [("program", program, None)]
            funding += [("kegiatan", x, None) for x in kegiatan_of.get(ind.pk, [])]
            funding += [("sub_kegiatan", x, None) for x in sub_of.get(ind.pk, [])]
            # A kegiatan both linked to the indikator and reached through its program is listed once (the first).
            unique: dict[tuple[str, int], tuple[Any, ...]] = {}
            for f in funding:
                unique.setdefault((f[0], f[1].pk), f)
            funding = list(unique.values())
            for jenis, source, program in funding or [("", None, None)]:
                row = BarisMatriks(
                    nomor=sasaran.nomor, sasaran=sasaran.uraian, sasaran_rowspan=1, indikator=ind.nama,
                    satuan=ind.satuan, target=p.target(ind, None), triwulan=p.triwulan(ind),
                    penanggung_jawab=ind.penanggung_jawab, indikator_rowspan=1,
                    anggaran=source.pagu if source else None, anggaran_jenis=jenis,
                    anggaran_id=source.pk if source else None,
                )
                if jenis:
                    setattr(row, jenis, source.nama)
                if program is not None:
                    row.program = program.nama
                rows.append(row)
                keys.append((sasaran.pk, ind.pk))
        _merge(rows, "sasaran", [k[0] for k in keys])
        _merge(rows, "indikator", keys)
        if rows:
            kolom = [k for k in ("program", "kegiatan", "sub_kegiatan") if any(getattr(r, k) for r in rows)]
            sections.append(BagianMatriks(huruf="ABCD"[len(sections)], judul=judul, baris=rows, kolom=kolom))
    return sections


# --- The document -----------------------------------------------------------------------------------------------


def rencana_aksi_dokumen(*, rencana_aksi: RencanaAksi, lampiran_temuan: bool = False) -> RencanaAksiDokumen:
    """Everything the published Rencana Aksi document shows, read with a constant number of queries.

    With `lampiran_temuan`, the open (not acknowledged) findings of the checker come as an appendix.
    """
    plan = rencana_aksi
    # The aksi as plain rows (`aksi_dokumen`): a thousand model instances and their months cost more than the rest.
    p = _Plan.read(plan, with_aksi=False)
    aksi = aksi_dokumen(rencana_aksi_id=plan.pk)
    sampul, tempat, tanggal, kepala = _kepala_dan_sampul(p)
    tabel_pk, pk_indikator = _tabel_pk(p, _perjanjian_kinerja(p))
    tabel_anggaran, total = _tabel_anggaran(p)
    has_aksi = bool(aksi)
    bidang = _bagian_bidang(p, aksi, tempat, tanggal) if has_aksi else []
    strategis = [s.uraian for s in p.sasaran.values() if s.level == Sasaran.Level.STRATEGIS]
    return RencanaAksiDokumen(
        rencana_aksi_id=plan.pk,
        tahun=plan.tahun,
        sampul=sampul,
        tabel_iku=_tabel_iku(p),
        tabel_pk=tabel_pk,
        tabel_anggaran=tabel_anggaran,
        total_pagu=total,
        tabel_target=_tabel_target(p, pk_indikator),
        bidang=bidang,
        matriks=[] if has_aksi else _matriks(p),
        penandatangan=kepala,
        temuan=_temuan_terbuka(plan) if lampiran_temuan else None,
        narasi=narasi.teks(plan, narasi.konteks(plan, strategis)),
    )


def matriks_dokumen(*, rencana_aksi: RencanaAksi) -> MatriksDokumen:
    """The Matriks Rencana Aksi of any plan, with or without aksi (the aksi are not part of it: not read)."""
    p = _Plan.read(rencana_aksi, with_aksi=False)
    sampul, _tempat, _tanggal, kepala = _kepala_dan_sampul(p)
    return MatriksDokumen(rencana_aksi_id=rencana_aksi.pk, tahun=rencana_aksi.tahun, sampul=sampul,
                          bagian=_matriks(p), penandatangan=kepala)


def _kepala_dan_sampul(p: _Plan) -> tuple[Sampul, str, date | None, Penandatangan]:
    """The cover data, the place and date of signing, and the head of the PD who signs (the plan's signer)."""
    plan, pd = p.plan, p.pd
    pemda = pd.pemda
    tempat = plan.tempat or pemda.ibukota or pemda.nama
    sampul = Sampul(
        perangkat_daerah=pd.nama, singkatan=pd.singkatan, pemda=str(pemda), alamat=pd.alamat, tahun=plan.tahun,
        judul=plan.judul, judul_sampul="" if plan.judul == plan.judul_bawaan(pd, plan.tahun) else plan.judul,
        versi=plan.versi, label_versi=plan.label_versi, status=plan.status,
        status_label=str(plan.get_status_display()), draf=plan.draf,
    )
    kepala = _penandatangan(plan.penandatangan or pd.kepala, jabatan=f"Kepala {pd.nama} {pemda}", tempat=tempat,
                            tanggal=plan.tanggal)
    return sampul, tempat, plan.tanggal, kepala


def _temuan_terbuka(plan: RencanaAksi) -> list[Finding]:
    return pemeriksaan.sort_findings(pemeriksaan.open_findings(pemeriksaan.check_plan(plan)))
