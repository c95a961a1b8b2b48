"""Dashboards: one PD plan for a triwulan (from `monev.selectors.monev_data`), and every PD of a Pemda for a year
and triwulan (a few grouped queries for all PDs together, so the page costs the same for 2 PDs or 200).

Capaian, predikat, serapan and the forecast come from the rule modules in `renaksi.core` (capaian, predikat,
anggaran, peringatan), with the inputs read the way `monev_data` reads them (`monev.selectors.isian`).
Averages of capaian leave out indikator without a percentage (not reported, category codes only).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cached_property
from typing import NamedTuple

from django.db.models import Count, Q
from django.utils import timezone

from renaksi.alur.ketepatan import Hasil, ketepatan
from renaksi.core.anggaran import serapan_total
from renaksi.core.capaian import ROMAWI, Capaian, bulatkan, hitung_capaian
from renaksi.core.peringatan import ramal
from renaksi.core.predikat import Predikat, predikat
from renaksi.monev.models import (
    JendelaPelaporan,
    LaporanTriwulan,
    ProgresAksi,
    RealisasiAnggaran,
    RealisasiIndikator,
    TindakLanjut,
)
from renaksi.monev.selectors import (
    CATATAN_CONTOH,
    IndikatorMonev,
    MonevData,
    ambang_berisiko,
    capaian_input,
    monev_data,
    tindak_lanjut_terbuka,
)
from renaksi.organisasi.models import Pemda, PerangkatDaerah
from renaksi.perencanaan.models import Aksi, Indikator, RencanaAksi, SubKegiatan, Target

TRIWULAN = (1, 2, 3, 4)
STATUS_PROGRES = ("selesai", "berjalan", "belum", "batal")


def rata_rata(values: Iterable[Decimal | None]) -> Decimal | None:
    numbers = [v for v in values if v is not None]
    return bulatkan(sum(numbers, Decimal(0)) / len(numbers)) if numbers else None


def serapan_wajar(triwulan: int) -> Decimal:
    """The serapan (%) a steady pace reaches by the end of triwulan n: 25 × n."""
    return Decimal(25 * triwulan)


def kuadran(capaian: Decimal | None, serapan: Decimal | None, triwulan: int) -> str:
    """Where a point of the absorption-vs-capaian chart falls. Serapan is measured against the pace of the year
    (`serapan_wajar`: 25 % per triwulan), capaian against the targets up to the triwulan:
    - "belanja tanpa capaian": spent at least at the pace (serapan ≥ pace) while capaian is at most 75 %;
    - "capaian tanpa belanja": capaian above 90 % with less than half the pace spent;
    - "sejalan" otherwise; "" without both figures."""
    if capaian is None or serapan is None:
        return ""
    pace = serapan_wajar(triwulan)
    if serapan >= pace and capaian <= 75:
        return "belanja tanpa capaian"
    if capaian > 90 and serapan < pace / 2:
        return "capaian tanpa belanja"
    return "sejalan"


@dataclass
class Progres:
    """Aksi months planned up to the triwulan, and what was reported for them."""

    rencana: int = 0
    status: Counter = field(default_factory=Counter)

    @property
    def dilaporkan(self) -> int:
        return sum(self.status.values())

    @property
    def persen_selesai(self) -> Decimal | None:
        return bulatkan(Decimal(self.status["selesai"]) / self.rencana * 100) if self.rencana else None

    @property
    def belum_dilaporkan(self) -> int:
        return max(self.rencana - self.dilaporkan, 0)


def progres_aksi(*, per: str, sampai_bulan: int, **aksi: object) -> dict[int | None, Progres]:
    """The aksi matching the filters `aksi`, grouped by the aksi field `per` (their plan, the bidang of their sub
    kegiatan): for each group that has aksi, the months scheduled up to `sampai_bulan` and the months reported up
    to it per status. Counted in the database, two queries, whatever the number of aksi."""
    progres = {key: Progres(rencana=n) for key, n in Aksi.objects.filter(**aksi).values_list(per).annotate(
        n=Count("jadwal", filter=Q(jadwal__bulan__lte=sampai_bulan))).order_by()}
    for key, status, n in ProgresAksi.objects.filter(**{f"aksi__{k}": v for k, v in aksi.items()},
                                                     bulan__lte=sampai_bulan).values_list(
            f"aksi__{per}", "status").annotate(n=Count("id")).order_by():
        progres.setdefault(key, Progres()).status[status] = n
    return progres


# --- PD dashboard ---------------------------------------------------------------------------------------------


@dataclass
class SasaranRow:
    sasaran: object
    capaian: Decimal | None
    predikat: Predikat | None
    jumlah: int


@dataclass
class ProgramRow:
    program: object
    pagu: int  # Σ pagu of its sub kegiatan: the base of its serapan
    realisasi: int
    serapan: Decimal | None
    capaian: Decimal | None
    kuadran: str


@dataclass
class DasborPD:
    data: MonevData
    sasaran: list[SasaranRow]
    iku: list[IndikatorMonev]
    program: list[ProgramRow]
    progres_bidang: list[tuple[str, Progres]]
    kelengkapan_indikator: tuple[int, int]
    kelengkapan_anggaran: tuple[int, int]
    tindak_lanjut_terbuka: list[TindakLanjut]
    berisiko: list[IndikatorMonev]
    contoh: bool

    @property
    def triwulan(self) -> int:
        return self.data.triwulan

    @property
    def ada_realisasi(self) -> bool:
        """Any realisasi (kinerja or anggaran) reported for the triwulan: without one the charts would be empty
        and "no indicator at risk" would read as a result, so the page says nothing is reported yet."""
        return bool(self.kelengkapan_indikator[0] or self.kelengkapan_anggaran[0])


def dasbor_pd(*, rencana_aksi: RencanaAksi, triwulan: int) -> DasborPD:
    data = monev_data(rencana_aksi=rencana_aksi, triwulan=triwulan, with_aksi=False)
    plan = data.plan
    by_sasaran: dict[int, list[IndikatorMonev]] = defaultdict(list)
    for item in data.indikator:
        by_sasaran[item.indikator.sasaran_id].append(item)
    sasaran = []
    for s in plan.sasaran:
        items = by_sasaran.get(s.pk)
        if items:
            mean = rata_rata(i.capaian.nilai for i in items)
            sasaran.append(SasaranRow(s, mean, predikat(mean), len(items)))

    capaian_by_id = {i.indikator.pk: i.capaian.nilai for i in data.indikator}
    spent_by_sub = {s.sub_kegiatan.pk: s for s in data.sub_kegiatan}
    program = []
    for p in plan.program:
        subs = [spent_by_sub[s.pk] for k in plan.kegiatan_of(p.pk) for s in plan.sub_kegiatan_of(k.pk)
                if s.pk in spent_by_sub]
        spent = sum(v for s in subs for v in s.realisasi_anggaran[:triwulan] if v is not None)
        mean = rata_rata(capaian_by_id.get(i) for i in plan.indikator_ids_of("program", p.pk))
        serapan = data.serapan_program.get(p.pk)
        pagu = sum(s.pagu or 0 for s in subs)
        program.append(ProgramRow(p, pagu, spent, serapan, mean, kuadran(mean, serapan, triwulan)))

    progres = progres_aksi(per="sub_kegiatan__bidang_id", sampai_bulan=3 * triwulan, rencana_aksi_id=rencana_aksi.pk)
    progres_bidang = [(b.nama, progres[b.pk]) for b in plan.bidang if b.pk in progres]
    if None in progres:
        progres_bidang.append(("Tanpa bidang", progres[None]))

    return DasborPD(
        data=data, sasaran=sasaran, iku=[i for i in data.indikator if i.indikator.is_iku], program=program,
        progres_bidang=progres_bidang,
        kelengkapan_indikator=(sum(1 for i in data.indikator if i.realisasi[triwulan - 1] is not None),
                               len(data.indikator)),
        kelengkapan_anggaran=(sum(1 for s in data.sub_kegiatan if s.realisasi_anggaran[triwulan - 1] is not None),
                              len(data.sub_kegiatan)),
        tindak_lanjut_terbuka=tindak_lanjut_terbuka(perangkat_daerah=rencana_aksi.perangkat_daerah,
                                                    tahun=rencana_aksi.tahun),
        berisiko=[i for i in data.indikator if i.berisiko],
        contoh=any(r is not None and r.catatan.startswith(CATATAN_CONTOH) for i in data.indikator
                   for r in i.realisasi),
    )


# --- Pemda dashboard ------------------------------------------------------------------------------------------


@dataclass
class IndikatorRingkas:
    """An indikator of the Pemda dashboard: enough for the early-warning list and the IKU averages."""

    indikator: Indikator
    capaian: Capaian
    predikat: Predikat | None
    berisiko: bool
    metode: str
    dilaporkan: bool


@dataclass(frozen=True)
class LaporanPD:
    """A PD's triwulan report on the Pemda dashboard: its state and its timeliness against the window."""

    triwulan: int
    status: str
    status_label: str
    diajukan: date | None
    ketepatan: Hasil


@dataclass
class PDRow:
    perangkat_daerah: PerangkatDaerah
    plan: RencanaAksi
    indikator: list[IndikatorRingkas] = field(default_factory=list)
    pagu: int = 0
    realisasi: int = 0
    serapan: Decimal | None = None
    jumlah_sub: int = 0
    sub_dilaporkan: int = 0
    progres: Progres = field(default_factory=Progres)
    tindak_lanjut_terbuka: int = 0
    kuadran: str = ""
    laporan: list[LaporanPD] = field(default_factory=list)  # TW I–IV

    # Cached: the page reads each figure several times (tables, charts); the row is complete before it is read.
    @cached_property
    def capaian(self) -> Decimal | None:
        return rata_rata(i.capaian.nilai for i in self.indikator)

    @cached_property
    def capaian_iku(self) -> Decimal | None:
        return rata_rata(i.capaian.nilai for i in self.indikator if i.indikator.is_iku)

    @property
    def predikat(self) -> Predikat | None:
        return predikat(self.capaian)

    @property
    def predikat_iku(self) -> Predikat | None:
        return predikat(self.capaian_iku)

    @cached_property
    def berisiko(self) -> list[IndikatorRingkas]:
        return [i for i in self.indikator if i.berisiko]

    @property
    def indikator_dilaporkan(self) -> int:
        return sum(1 for i in self.indikator if i.dilaporkan)

    @property
    def kelengkapan(self) -> Decimal | None:
        total = len(self.indikator) + self.jumlah_sub
        done = self.indikator_dilaporkan + self.sub_dilaporkan
        return bulatkan(Decimal(done) / total * 100) if total else None



@dataclass
class DasborPemda:
    pemda: Pemda
    tahun: int
    triwulan: int
    jendela: JendelaPelaporan | None
    pd: list[PDRow]
    contoh: bool
    jendela_tahun: dict[int, JendelaPelaporan] = field(default_factory=dict)

    @property
    def batas(self) -> list[tuple[int, str, date | None]]:
        """(triwulan, its Roman numeral, the window's closing date) for TW I–IV."""
        return [(tw, ROMAWI[tw], getattr(self.jendela_tahun.get(tw), "tanggal_tutup", None)) for tw in TRIWULAN]

    def tepat_waktu(self, triwulan: int) -> int:
        """How many PDs submitted the triwulan's report on time."""
        return sum(1 for row in self.pd if row.laporan and row.laporan[triwulan - 1].ketepatan.tepat)

    @property
    def berisiko(self) -> list[tuple[PDRow, IndikatorRingkas]]:
        return [(row, i) for row in self.pd for i in row.berisiko]

    @property
    def ada_realisasi(self) -> bool:
        """Any PD reported a realisasi (kinerja or anggaran) for the triwulan (see `DasborPD.ada_realisasi`)."""
        return any(row.indikator_dilaporkan or row.sub_dilaporkan for row in self.pd)


class Isi(NamedTuple):
    """A stored target or realisasi as the capaian rules read it (`monev.selectors.isian_baris`)."""

    nilai: Decimal | None
    kategori: str


def plans_of_year(*, pemda: Pemda, tahun: int) -> list[RencanaAksi]:
    """The plan of each PD for the year: its latest version (one query)."""
    latest: dict[int, RencanaAksi] = {}
    for plan in (RencanaAksi.objects.filter(perangkat_daerah__pemda=pemda, tahun=tahun)
                 .select_related("perangkat_daerah").order_by("perangkat_daerah__nama", "perangkat_daerah_id",
                                                               "-versi", "-id")):
        latest.setdefault(plan.perangkat_daerah_id, plan)
    return list(latest.values())


def dasbor_pemda(*, pemda: Pemda, tahun: int, triwulan: int, hari_ini: date | None = None) -> DasborPemda:
    """Every PD's plan of the year, summarised for a triwulan, in a constant number of queries; with each PD's
    triwulan reports (TW I–IV) on time or late against the windows' closing dates, as of `hari_ini` (today in the
    Pemda's time zone by default)."""
    if not 1 <= triwulan <= 4:
        raise ValueError(f"triwulan harus 1–4, bukan {triwulan}")
    plans = plans_of_year(pemda=pemda, tahun=tahun)
    rows = {p.pk: PDRow(p.perangkat_daerah, p) for p in plans}
    ids = list(rows)

    # Targets and realisasi as (nilai, kategori) pairs: the capaian rules read nothing else, and a Pemda has
    # thousands of them (model instances were half of the page's time).
    targets: dict[int, dict[int | None, Isi]] = defaultdict(dict)
    for ind_id, tw, nilai, kategori in Target.objects.filter(indikator__rencana_aksi_id__in=ids, tahun=tahun).values_list(
            "indikator_id", "triwulan", "nilai", "kategori"):
        targets[ind_id][tw] = Isi(nilai, kategori)
    realisasi: dict[int, dict[int, Isi]] = defaultdict(dict)
    contoh = False
    for ind_id, tw, nilai, kategori, catatan in RealisasiIndikator.objects.filter(
            indikator__rencana_aksi_id__in=ids).values_list("indikator_id", "triwulan", "nilai", "kategori", "catatan"):
        realisasi[ind_id][tw] = Isi(nilai, kategori)
        contoh = contoh or catatan.startswith(CATATAN_CONTOH)
    ambang = ambang_berisiko()
    for ind in Indikator.objects.filter(rencana_aksi_id__in=ids).order_by("rencana_aksi_id", "urutan", "id"):
        own_t = targets.get(ind.pk, {})
        own_r = realisasi.get(ind.pk, {})
        kw = capaian_input(indikator=ind, target=[own_t.get(tw) for tw in TRIWULAN], target_tahun=own_t.get(None),
                           realisasi=[own_r.get(tw) for tw in TRIWULAN], triwulan=triwulan)
        capaian = hitung_capaian(**kw)
        forecast = ramal(**kw, ambang=ambang)
        rows[ind.rencana_aksi_id].indikator.append(IndikatorRingkas(
            ind, capaian, predikat(capaian.nilai), forecast.berisiko, forecast.metode, triwulan in own_r))

    spent: dict[int, dict[int, int]] = defaultdict(dict)
    for sub_id, tw, jumlah in RealisasiAnggaran.objects.filter(
            sub_kegiatan__rencana_aksi_id__in=ids).values_list("sub_kegiatan_id", "triwulan", "jumlah"):
        spent[sub_id][tw] = jumlah
    by_plan: dict[int, list[tuple[int | None, tuple[int | None, ...]]]] = defaultdict(list)
    for sub_id, plan_id, pagu in SubKegiatan.objects.filter(rencana_aksi_id__in=ids).values_list(
            "id", "rencana_aksi_id", "pagu"):
        own = tuple(spent.get(sub_id, {}).get(tw) for tw in TRIWULAN)
        by_plan[plan_id].append((pagu, own))
        row = rows[plan_id]
        row.jumlah_sub += 1
        row.sub_dilaporkan += own[triwulan - 1] is not None
        row.pagu += pagu or 0
        row.realisasi += sum(v for v in own[:triwulan] if v is not None)
    for plan_id, subs in by_plan.items():
        rows[plan_id].serapan = serapan_total(subs, triwulan)

    for plan_id, progres in progres_aksi(per="rencana_aksi_id", sampai_bulan=3 * triwulan,
                                         rencana_aksi_id__in=ids).items():
        rows[plan_id].progres = progres
    for row in TindakLanjut.objects.filter(indikator__rencana_aksi_id__in=ids, status__in=TindakLanjut.OPEN).values(
            "indikator__rencana_aksi_id").annotate(n=Count("id")).order_by():
        rows[row["indikator__rencana_aksi_id"]].tindak_lanjut_terbuka = row["n"]

    for row in rows.values():
        row.kuadran = kuadran(row.capaian, row.serapan, triwulan)
    jendela_tahun = {j.triwulan: j for j in JendelaPelaporan.objects.filter(pemda=pemda, tahun=tahun)}
    _laporan(rows, jendela_tahun, hari_ini or timezone.localdate())
    return DasborPemda(pemda=pemda, tahun=tahun, triwulan=triwulan, jendela=jendela_tahun.get(triwulan),
                       pd=list(rows.values()), contoh=contoh, jendela_tahun=jendela_tahun)


def _laporan(rows: dict[int, PDRow], jendela: dict[int, JendelaPelaporan], hari_ini: date) -> None:
    """Each PD's reports TW I–IV (one query): state and timeliness. A triwulan never opened is not late."""
    reports = {(r.rencana_aksi_id, r.triwulan): r for r in LaporanTriwulan.objects.filter(rencana_aksi_id__in=rows)}
    for plan_id, row in rows.items():
        for tw in TRIWULAN:
            r = reports.get((plan_id, tw))
            diajukan = timezone.localdate(r.diajukan_pada) if r is not None and r.diajukan_pada else None
            window = jendela.get(tw)
            status = r.status if r is not None else LaporanTriwulan.Status.DRAFT
            row.laporan.append(LaporanPD(
                tw, status, str(LaporanTriwulan.Status(status).label), diajukan,
                ketepatan(diajukan=diajukan, tanggal_tutup=window.tanggal_tutup if window else None,
                          hari_ini=hari_ini)))


def tahun_pemda(*, pemda: Pemda) -> list[int]:
    """The years that have plans in the Pemda, oldest first."""
    return sorted(set(RencanaAksi.objects.filter(perangkat_daerah__pemda=pemda).values_list("tahun", flat=True)))
