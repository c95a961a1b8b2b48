"""Reads of monitoring data for pages, exports and the CLI: the plan (from `perencanaan.selectors.plan_data`, the
one way a plan is read) with its realisasi, capaian, predikat, forecast and follow-up, for a chosen triwulan.

`monev_data` costs a constant number of queries (plan_data's 11 + 7), whatever the size of the plan;
with `bagian` it reads one sasaran (the form's indikator sections and saves). The form's budget part (a kegiatan
section, a sub kegiatan or aksi save) is read by `anggaran_bagian`, its rows only (decision 0021).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, NamedTuple

from django.conf import settings
from django.db import connection
from django.db.models import Count, QuerySet

from renaksi.core.anggaran import efisiensi, serapan, serapan_total
from renaksi.core.capaian import Capaian, Isian, Kategori, hitung_capaian
from renaksi.core.peringatan import Ramalan, ramal
from renaksi.core.predikat import Predikat, predikat
from renaksi.organisasi.models import PerangkatDaerah
from renaksi.perencanaan.models import (
    Aksi,
    Indikator,
    Kegiatan,
    Program,
    RencanaAksi,
    Sasaran,
    SubKegiatan,
)
from renaksi.perencanaan.selectors import PlanData, plan_data

from .models import (
    EvaluasiIndikator,
    JendelaPelaporan,
    LaporanTriwulan,
    ProgresAksi,
    RealisasiAnggaran,
    RealisasiIndikator,
    TindakLanjut,
)

TRIWULAN = (1, 2, 3, 4)


def isian(nilai: Decimal | None, kategori: str = "") -> Isian:
    """A stored target or realisasi (`nilai`, `kategori`) as the capaian rules read it."""
    return Kategori(kategori, nilai) if kategori else nilai


def isian_baris(row) -> Isian:
    """A Target or RealisasiIndikator row as the capaian rules read it (None where there is no row)."""
    return None if row is None else isian(row.nilai, row.kategori)


def capaian_input(*, indikator: Indikator, target: Sequence, target_tahun, realisasi: Sequence,
                  triwulan: int) -> dict[str, Any]:
    """The arguments of `hitung_capaian` and `ramal` for one indikator, from its rows (TW I..IV and the year)."""
    return {"target": tuple(isian_baris(t) for t in target), "target_tahun": isian_baris(target_tahun),
            "realisasi": [isian_baris(r) for r in realisasi], "triwulan": triwulan,
            "polaritas": indikator.polaritas, "akumulasi": indikator.akumulasi,
            "rumus_negatif": indikator.rumus_negatif}


def ambang_berisiko() -> Decimal:
    return Decimal(str(settings.RENAKSI_AMBANG_BERISIKO))


@dataclass(frozen=True)
class IndikatorMonev:
    """One indikator for triwulan n: targets and realisasi TW I–IV (None where empty), capaian up to n with its
    formula, predikat, the year-end forecast, the evaluasi of n, the tindak lanjut to follow up in n (written in
    earlier triwulan and still open at n: open now, or closed in n or later) and the number of bukti dukung per
    triwulan."""

    indikator: Indikator
    sasaran: Sasaran | None
    target_tahun: Isian
    target: tuple[Isian, ...]
    realisasi: tuple[RealisasiIndikator | None, ...]
    capaian: Capaian
    predikat: Predikat | None
    ramalan: Ramalan
    evaluasi: EvaluasiIndikator | None
    tindak_lanjut: tuple[TindakLanjut, ...]
    jumlah_bukti: tuple[int, ...]

    @property
    def nilai_realisasi(self) -> tuple[Isian, ...]:
        return tuple(isian_baris(r) for r in self.realisasi)

    @property
    def berisiko(self) -> bool:
        return self.ramalan.berisiko


@dataclass(frozen=True)
class SubKegiatanMonev:
    """Realisasi anggaran TW I–IV (spent in each triwulan; None where not reported) and serapan up to n (%);
    `versi_baris` the version of each triwulan's realisasi anggaran (0 where none: optimistic locking of the form)."""

    sub_kegiatan: SubKegiatan | SubKegiatanBaris
    realisasi_anggaran: tuple[int | None, ...]
    serapan: Decimal | None
    versi_baris: tuple[int, ...] = (0, 0, 0, 0)

    @property
    def pagu(self) -> int | None:
        return self.sub_kegiatan.pagu


class ProgresBulan(NamedTuple):
    """The progress reported for an aksi in one month: the `ProgresAksi` field the form and exports read, as a
    plain row (a kegiatan section holds hundreds)."""

    status: str

    @property
    def label(self) -> str:
        return str(ProgresAksi.Status(self.status).label)


@dataclass(frozen=True)
class AksiMonev:
    """Months planned (1–12) and the progress reported per month."""

    aksi: Aksi | AksiBarisMonev
    bulan_rencana: frozenset[int]
    progres: dict[int, ProgresBulan]


@dataclass(frozen=True)
class MonevData:
    plan: PlanData
    triwulan: int
    jendela: JendelaPelaporan | None  # the reporting window of the triwulan (None: never opened)
    indikator: tuple[IndikatorMonev, ...]
    sub_kegiatan: tuple[SubKegiatanMonev, ...]
    aksi: tuple[AksiMonev, ...]
    serapan_kegiatan: dict[int, Decimal | None] = field(default_factory=dict)
    serapan_program: dict[int, Decimal | None] = field(default_factory=dict)

    @property
    def dibuka(self) -> bool:
        return self.jendela is not None and self.jendela.dibuka

    def efisiensi(self, item: IndikatorMonev, sub_kegiatan: SubKegiatanMonev) -> Decimal | None:
        return efisiensi(item.capaian.nilai, sub_kegiatan.serapan)

    def as_json(self) -> dict[str, Any]:
        """The machine shape of `renaksi monev --json`: decimals as strings, missing values as null."""
        return {
            "rencana_aksi": {"id": self.plan.plan.pk},
            "triwulan": self.triwulan,
            "indikator": [{
                "id": i.indikator.pk,
                "nama": i.indikator.nama,
                "satuan": i.indikator.satuan,
                "polaritas": i.indikator.polaritas,
                "akumulasi": i.indikator.akumulasi,
                "target_tahun": _json(i.target_tahun),
                "target": [_json(t) for t in i.target],
                "realisasi": [_json(r) for r in i.nilai_realisasi],
                "capaian": _json(i.capaian.nilai),
                "rumus": i.capaian.rumus,
                "predikat": None if i.predikat is None else str(i.predikat.value),
                "berisiko": i.berisiko,
            } for i in self.indikator],
            "sub_kegiatan": [{
                "id": s.sub_kegiatan.pk,
                "nama": s.sub_kegiatan.nama,
                "pagu": s.pagu,
                "realisasi_anggaran": list(s.realisasi_anggaran),
                "serapan": _json(s.serapan),
            } for s in self.sub_kegiatan],
        }


def _json(value: Isian) -> str | None:
    """A Decimal as a string: percentages (2 decimals) as computed, stored values without trailing zeros."""
    if value is None:
        return None
    if isinstance(value, Kategori):
        return str(value)
    return str(value) if value.as_tuple().exponent == -2 else format(value.normalize(), "f")


def monev_data(*, rencana_aksi: RencanaAksi, triwulan: int, bagian: tuple[str, int] | None = None,
               with_aksi: bool = True, keadaan: KeadaanTriwulan | None = None) -> MonevData:
    """Everything the monev form, its exports and the CLI show for one plan and triwulan.

    `bagian=("sasaran", id)` reads the indikator of one sasaran only (no sub kegiatan nor aksi), as
    `plan_data(bagian=…)` does: the form's sasaran sections and indikator saves read their part, so their cost does
    not grow with the plan. The form's budget part (a kegiatan section, a sub kegiatan or aksi save) is read by
    `anggaran_bagian`.

    `with_aksi=False` leaves out the aksi, their months and their progress (`aksi` empty; two queries less) for
    pages that do not list them.

    `keadaan`: the triwulan's state when the caller has read it (`keadaan_triwulan`; its window is not read again).

    Load `rencana_aksi` with `select_related("perangkat_daerah")` (one query less)."""
    if not 1 <= triwulan <= 4:
        raise ValueError(f"triwulan harus 1–4, bukan {triwulan}")
    if bagian is not None and bagian[0] != "sasaran":
        raise ValueError(f"bagian monev_data hanya sasaran, bukan {bagian[0]} (anggaran: anggaran_bagian)")
    jenis = bagian[0] if bagian else None
    plan = plan_data(rencana_aksi=rencana_aksi, bagian=bagian, with_aksi=with_aksi)
    ra = rencana_aksi.pk
    jendela = keadaan.jendela if keadaan else jendela_triwulan(rencana_aksi=rencana_aksi, triwulan=triwulan)

    indikator = []
    of_part = {"indikator__rencana_aksi_id": ra}
    if jenis == "sasaran":
        of_part["indikator__sasaran_id"] = bagian[1]  # type: ignore[index]
    realisasi: dict[int, dict[int, RealisasiIndikator]] = defaultdict(dict)
    for r in RealisasiIndikator.objects.filter(**of_part):
        realisasi[r.indikator_id][r.triwulan] = r
    bukti: dict[tuple[int, int], int] = {
        (row["realisasi__indikator_id"], row["realisasi__triwulan"]): row["n"]
        for row in _bukti_counts(of_part)
    }
    evaluasi = {e.indikator_id: e for e in EvaluasiIndikator.objects.filter(**of_part, triwulan=triwulan)}
    tindak_lanjut: dict[int, list[TindakLanjut]] = defaultdict(list)
    for tl in _tindak_lanjut_of(TindakLanjut.objects.filter(**of_part).order_by("triwulan", "id"), triwulan):
        tindak_lanjut[tl.indikator_id].append(tl)

    ambang = ambang_berisiko()
    for ind in plan.indikator_by_sasaran_order():
        own = realisasi.get(ind.pk, {})
        rows = tuple(own.get(tw) for tw in TRIWULAN)
        kw = capaian_input(indikator=ind, target=plan.triwulan_targets(ind.pk), target_tahun=plan.target(ind.pk),
                           realisasi=rows, triwulan=triwulan)
        target, target_tahun = kw["target"], kw["target_tahun"]
        capaian = hitung_capaian(**kw)
        indikator.append(IndikatorMonev(
            indikator=ind, sasaran=plan.sasaran_by_id.get(ind.sasaran_id), target_tahun=target_tahun,
            target=target, realisasi=rows, capaian=capaian, predikat=predikat(capaian.nilai),
            ramalan=ramal(**kw, ambang=ambang), evaluasi=evaluasi.get(ind.pk),
            tindak_lanjut=tuple(tindak_lanjut.get(ind.pk, ())),
            jumlah_bukti=tuple(bukti.get((ind.pk, tw), 0) for tw in TRIWULAN),
        ))
    if jenis == "sasaran":
        return MonevData(plan=plan, triwulan=triwulan, jendela=jendela, indikator=tuple(indikator),
                         sub_kegiatan=(), aksi=())

    subs = plan.sub_kegiatan_by_kegiatan_order()
    sub_kegiatan = _sub_kegiatan_monev(subs, triwulan, RealisasiAnggaran.objects.filter(
        sub_kegiatan__rencana_aksi_id=ra).order_by().values_list("sub_kegiatan_id", "triwulan", "jumlah", "versi_baris"))
    by_kegiatan: dict[int, list[SubKegiatanMonev]] = defaultdict(list)
    for s in sub_kegiatan:
        by_kegiatan[s.sub_kegiatan.kegiatan_id].append(s)
    serapan_kegiatan = {k.pk: serapan_total(((s.pagu, s.realisasi_anggaran) for s in by_kegiatan.get(k.pk, [])),
                                            triwulan) for k in plan.kegiatan}
    serapan_program = {
        p.pk: serapan_total(((s.pagu, s.realisasi_anggaran) for k in plan.kegiatan_of(p.pk)
                             for s in by_kegiatan.get(k.pk, [])), triwulan)
        for p in plan.program
    }
    progres = _progres(aksi__rencana_aksi_id=ra) if with_aksi else {}
    aksi = tuple(AksiMonev(a, plan.bulan_of(a.pk), progres.get(a.pk, {})) for s in subs for a in plan.aksi_of(s.pk))

    return MonevData(plan=plan, triwulan=triwulan, jendela=jendela, indikator=tuple(indikator),
                     sub_kegiatan=sub_kegiatan, aksi=aksi, serapan_kegiatan=serapan_kegiatan,
                     serapan_program=serapan_program)


def _sub_kegiatan_monev(subs: Sequence, triwulan: int, anggaran: Iterable[tuple]) -> tuple[SubKegiatanMonev, ...]:
    """`subs` (SubKegiatan or SubKegiatanBaris) with their realisasi anggaran, from rows (sub kegiatan id,
    triwulan, jumlah, versi_baris) of any sub kegiatan."""
    by_sub: dict[int, dict[int, tuple[int, int]]] = defaultdict(dict)
    for sub_id, tw, jumlah, versi in anggaran:
        by_sub[sub_id][tw] = (jumlah, versi)
    result = []
    for sub in subs:
        own = by_sub.get(sub.pk, {})
        spent = tuple(own[tw][0] if tw in own else None for tw in TRIWULAN)
        result.append(SubKegiatanMonev(sub, spent, serapan(realisasi=spent, pagu=sub.pagu, triwulan=triwulan),
                                       tuple(own[tw][1] if tw in own else 0 for tw in TRIWULAN)))
    return tuple(result)


def _progres(**of_part: Any) -> dict[int, dict[int, ProgresBulan]]:
    """aksi id → month → the progress reported (`of_part` filters `ProgresAksi`): one query, plain rows."""
    progres: dict[int, dict[int, ProgresBulan]] = defaultdict(dict)
    # unordered: the model's ordering (by aksi, so by the plan's ordering) would join the plan and its PD
    for aksi_id, bulan, status in ProgresAksi.objects.filter(**of_part).order_by().values_list(
            "aksi_id", "bulan", "status"):
        progres[aksi_id][bulan] = ProgresBulan(status)
    return progres


class SubKegiatanBaris(NamedTuple):
    """A sub kegiatan as the monev form's budget part shows it (`anggaran_bagian`): the `SubKegiatan` fields of the
    same name, and the name of its bidang."""

    pk: int
    kegiatan_id: int
    bidang_id: int | None
    kode: str
    nama: str
    pagu: int | None
    bidang_nama: str | None


class AksiBarisMonev(NamedTuple):
    """An aksi as the monev form's budget part shows it (`anggaran_bagian`): the `Aksi` fields of the same name."""

    pk: int
    sub_kegiatan_id: int
    nomor: str
    uraian: str


@dataclass(frozen=True)
class AnggaranBagian:
    """The budget part of the monev form for a triwulan: one kegiatan's (or one sub kegiatan's) sub kegiatan with
    their realisasi anggaran, and their aksi with months and progress, in the plan's order."""

    triwulan: int
    jendela: JendelaPelaporan | None
    sub_kegiatan: tuple[SubKegiatanMonev, ...]
    aksi: tuple[AksiMonev, ...]

    @property
    def sub_kegiatan_by_id(self) -> dict[int, SubKegiatanBaris]:
        return {s.sub_kegiatan.pk: s.sub_kegiatan for s in self.sub_kegiatan}


_ANGGARAN = ("realisasi_anggaran__triwulan", "realisasi_anggaran__jumlah", "realisasi_anggaran__versi_baris")


def anggaran_bagian(*, rencana_aksi: RencanaAksi, triwulan: int, kegiatan_id: int | None = None,
                    sub_kegiatan_id: int | None = None, keadaan: KeadaanTriwulan | None = None) -> AnggaranBagian:
    """The monev form's budget part of one kegiatan (its section) or one sub kegiatan (the row a save answers with):
    the rows it shows as plain rows, read by the kegiatan or sub kegiatan (the caller has checked that it belongs to
    `rencana_aksi`), not through `plan_data`, which reads programs, kegiatan and officials this part does not show
    (decision 0021). Four queries, whatever the size of the part or the plan: sub kegiatan joined with their
    realisasi anggaran, aksi joined with their months, progress, the reporting window (none when `keadaan`, the
    triwulan's state the caller has read, is given).

    Load `rencana_aksi` with `select_related("perangkat_daerah")` (one query less)."""
    if (kegiatan_id is None) == (sub_kegiatan_id is None):
        raise ValueError("anggaran_bagian: kegiatan_id atau sub_kegiatan_id, salah satu")
    of_sub = {"kegiatan_id": kegiatan_id} if kegiatan_id is not None else {"pk": sub_kegiatan_id}
    of_aksi = {f"sub_kegiatan__{k}": v for k, v in of_sub.items()}
    subs: dict[int, SubKegiatanBaris] = {}
    anggaran = []
    for *fields, tw, jumlah, versi in SubKegiatan.objects.filter(**of_sub).order_by("urutan", "id").values_list(
            *SubKegiatanBaris._fields[:-1], "bidang__nama", *_ANGGARAN):  # a row per triwulan reported
        sub = subs.setdefault(fields[0], SubKegiatanBaris._make(fields))
        if tw is not None:
            anggaran.append((sub.pk, tw, jumlah, versi))
    aksi: dict[int, AksiBarisMonev] = {}
    bulan: dict[int, set[int]] = defaultdict(set)
    for *fields, b in Aksi.objects.filter(**of_aksi).order_by("urutan", "id").values_list(
            *AksiBarisMonev._fields, "jadwal__bulan"):  # a row per month scheduled
        a = aksi.setdefault(fields[0], AksiBarisMonev._make(fields))
        if b is not None:
            bulan[a.pk].add(b)
    aksi_of: dict[int, list[AksiBarisMonev]] = defaultdict(list)
    for a in aksi.values():
        aksi_of[a.sub_kegiatan_id].append(a)
    progres = _progres(**{f"aksi__{k}": v for k, v in of_aksi.items()})
    return AnggaranBagian(
        triwulan=triwulan,
        jendela=keadaan.jendela if keadaan else jendela_triwulan(rencana_aksi=rencana_aksi, triwulan=triwulan),
        sub_kegiatan=_sub_kegiatan_monev(subs.values(), triwulan, anggaran),
        aksi=tuple(AksiMonev(a, frozenset(bulan.get(a.pk, ())), progres.get(a.pk, {}))
                   for s in subs for a in aksi_of.get(s, ())),
    )


def jendela_triwulan(*, rencana_aksi: RencanaAksi, triwulan: int) -> JendelaPelaporan | None:
    """The reporting window of the plan's Pemda for the triwulan of its year (None: never opened)."""
    return JendelaPelaporan.objects.filter(pemda_id=rencana_aksi.perangkat_daerah.pemda_id, tahun=rencana_aksi.tahun,
                                           triwulan=triwulan).order_by("pk").first()  # one at most: no join to sort


class KeadaanTriwulan(NamedTuple):
    """What decides whether a plan's triwulan can be reported (`services.alasan_terkunci`): the reporting window
    of its Pemda and year (None: never opened), the triwulan report (None: still a draft never moved), and whether
    the plan has a newer version."""

    jendela: JendelaPelaporan | None
    laporan: LaporanTriwulan | None
    digantikan: bool


# The columns of the window and the report that `keadaan_triwulan` reads; the others are known from the plan.
_JENDELA = ("id", "status", "tanggal_tutup", "alasan", "diubah")
_LAPORAN = ("id", "status", "diajukan_pada", "diubah")
_KEADAAN_SQL = (
    "SELECT " + ", ".join([*(f"j.{c}" for c in _JENDELA), *(f"l.{c}" for c in _LAPORAN)])
    + ", EXISTS (SELECT 1 FROM perencanaan_rencanaaksi n WHERE n.perangkat_daerah_id = r.perangkat_daerah_id"
      " AND n.tahun = r.tahun AND n.versi > r.versi)"
      " FROM perencanaan_rencanaaksi r"
      " LEFT JOIN monev_jendelapelaporan j ON j.pemda_id = %s AND j.tahun = r.tahun AND j.triwulan = %s"
      " LEFT JOIN monev_laporantriwulan l ON l.rencana_aksi_id = r.id AND l.triwulan = %s"
      " WHERE r.id = %s"
)


def keadaan_triwulan(*, rencana_aksi: RencanaAksi, triwulan: int) -> KeadaanTriwulan:
    """The window, the report and the newer version of a plan's triwulan in one query instead of three, on every
    monev request and write: hand-written SQL (decision 0020: through the ORM, three queries cost 1.5 ms of CPU and
    one with subqueries 3 ms, mostly building them). The window and the report are model instances as a query of
    their own would load them.

    Load `rencana_aksi` with `select_related("perangkat_daerah")` (one query less)."""
    pemda_id = rencana_aksi.perangkat_daerah.pemda_id
    with connection.cursor() as cursor:
        cursor.execute(_KEADAAN_SQL, [pemda_id, triwulan, triwulan, rencana_aksi.pk])
        row = cursor.fetchone()
    if row is None:  # the plan is gone
        return KeadaanTriwulan(None, None, False)
    j, lap = row[:len(_JENDELA)], row[len(_JENDELA):-1]
    return KeadaanTriwulan(
        jendela=None if j[0] is None else _dimuat(JendelaPelaporan, dict(
            zip(_JENDELA, j, strict=True), pemda_id=pemda_id, tahun=rencana_aksi.tahun, triwulan=triwulan)),
        laporan=None if lap[0] is None else _dimuat(LaporanTriwulan, dict(
            zip(_LAPORAN, lap, strict=True), rencana_aksi_id=rencana_aksi.pk, triwulan=triwulan)),
        digantikan=bool(row[-1]))


def _dimuat(model, values: dict[str, Any]):
    """An instance of `model` from its columns' database values, converted as the ORM converts them (SQLite gives
    dates and times as text)."""
    names = [f.attname for f in model._meta.concrete_fields]
    loaded = []
    for f in model._meta.concrete_fields:
        value, col = values[f.attname], f.get_col(model._meta.db_table)
        for convert in connection.ops.get_db_converters(col) + f.get_db_converters(connection):
            value = convert(value, col, connection)
        loaded.append(value)
    return model.from_db(connection.alias, names, loaded)


def _tindak_lanjut_of(qs: QuerySet, triwulan: int) -> list[TindakLanjut]:
    """The tindak lanjut to follow up in `triwulan`: written earlier and still open then (open now, or closed in
    this triwulan or a later one)."""
    return [tl for tl in qs.filter(triwulan__lt=triwulan)
            if tl.terbuka or (tl.status_triwulan or 0) >= triwulan]


def tindak_lanjut_triwulan(*, rencana_aksi: RencanaAksi, triwulan: int) -> list[TindakLanjut]:
    """The plan's tindak lanjut to follow up in `triwulan` (the top of the monev form), in the order of their
    indikator, with the indikator loaded: one query."""
    qs = TindakLanjut.objects.filter(indikator__rencana_aksi=rencana_aksi).select_related("indikator").order_by(
        "indikator__sasaran__urutan", "indikator__sasaran_id", "indikator__urutan", "indikator_id", "triwulan", "id")
    return _tindak_lanjut_of(qs, triwulan)


def _bukti_counts(of_part: dict[str, Any]) -> QuerySet:
    from .models import BuktiDukung

    return (BuktiDukung.objects.filter(**{f"realisasi__{k}": v for k, v in of_part.items()})
            .values("realisasi__indikator_id", "realisasi__triwulan").annotate(n=Count("id")).order_by())


@dataclass(frozen=True)
class BagianMonev:
    """One section of the monev form in its outline: a sasaran with its indikator, or a kegiatan with its sub
    kegiatan and aksi (under its program)."""

    jenis: str  # "sasaran" | "kegiatan"
    obj: Sasaran | Kegiatan
    jumlah: int  # indikator of the sasaran; aksi of the kegiatan
    jumlah_sub: int = 0  # sub kegiatan of the kegiatan


@dataclass(frozen=True)
class ProgramMonev:
    program: Program
    kegiatan: list[BagianMonev]

    @property
    def jumlah(self) -> int:
        return sum(k.jumlah for k in self.kegiatan)


def monev_garis_besar(*, rencana_aksi: RencanaAksi) -> tuple[list[BagianMonev], list[ProgramMonev]]:
    """The outline of the monev form: the sasaran that have indikator, and every program with its kegiatan, in the
    plan's order, with their numbers of rows (three queries, whatever the size of the plan)."""
    sasaran = [BagianMonev("sasaran", s, s.n) for s in Sasaran.objects.filter(rencana_aksi=rencana_aksi)
               .annotate(n=Count("indikator")).filter(n__gt=0).order_by("urutan", "id")]
    kegiatan: dict[int, list[BagianMonev]] = defaultdict(list)
    for k in (Kegiatan.objects.filter(rencana_aksi=rencana_aksi)
              .annotate(n_sub=Count("sub_kegiatan", distinct=True), n_aksi=Count("sub_kegiatan__aksi", distinct=True))
              .order_by("urutan", "id")):
        kegiatan[k.program_id].append(BagianMonev("kegiatan", k, k.n_aksi, k.n_sub))
    program = [ProgramMonev(p, kegiatan.get(p.pk, []))
               for p in Program.objects.filter(rencana_aksi=rencana_aksi).order_by("urutan", "id")]
    return sasaran, program


def tindak_lanjut_terbuka(*, perangkat_daerah: PerangkatDaerah, tahun: int | None = None
                          ) -> list[TindakLanjut]:
    """The open tindak lanjut (terbuka, berjalan) of a PD, oldest first, with indikator and plan loaded."""
    qs = TindakLanjut.objects.filter(indikator__rencana_aksi__perangkat_daerah=perangkat_daerah,
                                     status__in=TindakLanjut.OPEN)
    if tahun is not None:
        qs = qs.filter(indikator__rencana_aksi__tahun=tahun)
    return list(qs.select_related("indikator__rencana_aksi").order_by("indikator__rencana_aksi__tahun", "triwulan",
                                                                       "indikator__urutan", "id"))


def bukti_dukung_of(*, realisasi: RealisasiIndikator) -> list:
    """The bukti dukung of a realisasi, oldest first, with the uploader loaded."""
    return list(realisasi.bukti.select_related("uploaded_by").order_by("created", "id"))


# --- for the monev screens (monev-screens) --------------------------------------------------------------------


@dataclass(frozen=True)
class HakLapor:
    """What a user may report in a plan: everything (`semua`), or the rows of one bidang."""

    semua: bool = False
    bidang_id: int | None = None

    def boleh(self, bidang_id: int | None) -> bool:
        return self.semua or (self.bidang_id is not None and bidang_id == self.bidang_id)

    @property
    def ada(self) -> bool:
        return self.semua or self.bidang_id is not None


def hak_lapor(*, user, rencana_aksi: RencanaAksi) -> HakLapor:
    """The same decision as the `monev.report` rule, once per plan instead of once per row."""
    from renaksi.perencanaan.rules import is_kepala_bidang, same_pd

    if not user.is_authenticated:
        return HakLapor()
    if user.has_perm("monev.report", rencana_aksi):
        return HakLapor(semua=True)
    if user.bidang_id and is_kepala_bidang(user) and same_pd(user, rencana_aksi):
        return HakLapor(bidang_id=user.bidang_id)
    return HakLapor()


def bukti_triwulan(*, rencana_aksi: RencanaAksi, triwulan: int, sasaran_id: int | None = None) -> dict[int, list]:
    """indikator id → the bukti dukung of its realisasi in the triwulan (of the indikator of one sasaran when
    given), oldest first (one query)."""
    from .models import BuktiDukung

    qs = BuktiDukung.objects.filter(realisasi__indikator__rencana_aksi=rencana_aksi, realisasi__triwulan=triwulan)
    if sasaran_id is not None:
        qs = qs.filter(realisasi__indikator__sasaran_id=sasaran_id)
    result: dict[int, list] = defaultdict(list)
    for b in qs.select_related("realisasi").order_by(
            "created", "id"):
        result[b.realisasi.indikator_id].append(b)
    return result


def jendela_tahun(*, pemda_id: int, tahun: int) -> list[tuple[int, JendelaPelaporan | None, list]]:
    """The four triwulan of a year for a Pemda: (triwulan, window or None, its history newest first)."""
    windows = {j.triwulan: j for j in JendelaPelaporan.objects.filter(pemda_id=pemda_id, tahun=tahun)}
    history: dict[int, list] = defaultdict(list)
    for h in JendelaPelaporan.history.filter(pemda_id=pemda_id, tahun=tahun).select_related(
            "history_user").order_by("-history_date", "-history_id"):
        history[h.triwulan].append(h)
    return [(tw, windows.get(tw), history.get(tw, [])) for tw in TRIWULAN]


CATATAN_CONTOH = "Data contoh"  # the catatan `renaksi demo` writes on every generated realisasi


def data_contoh(data: MonevData) -> bool:
    """Whether the plan's realisasi were generated by the demo (shown as "Data contoh" on every screen)."""
    return any(r is not None and r.catatan.startswith(CATATAN_CONTOH) for i in data.indikator for r in i.realisasi)


def ada_data_contoh(*, rencana_aksi: RencanaAksi) -> bool:
    """`data_contoh` in one query, without reading the plan (the monev form's header)."""
    return RealisasiIndikator.objects.filter(indikator__rencana_aksi=rencana_aksi,
                                             catatan__startswith=CATATAN_CONTOH).exists()
