"""Reads for the checker: one plan as a `PlanSnapshot`, built from `perencanaan.selectors.plan_data`, with its
monitoring data (`renaksi.monev`, three queries more)."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Count

from renaksi.core.angka import AngkaTidakValid, banyak_desimal, parse_angka
from renaksi.monev.models import RealisasiAnggaran, RealisasiIndikator, TindakLanjut
from renaksi.perencanaan.models import RencanaAksi, Target
from renaksi.perencanaan.selectors import PlanData, plan_data

from .snapshot import (
    AksiData,
    AnggaranData,
    BidangData,
    IndikatorData,
    PKItemData,
    PlanSnapshot,
    ProvenanceData,
    RealisasiAnggaranData,
    RealisasiData,
    RealisasiKinerjaData,
    SasaranData,
    TargetData,
    TindakLanjutData,
)


def as_written(nilai: Decimal | None, desimal: int | None = None) -> Decimal | None:
    """A stored Decimal (`16.200000`) back to the decimals the document wrote (`16.20`).

    Without `desimal`, trailing zeros are dropped (`29.170000` → `29.17`, `100.000000` → `100`).
    """
    if nilai is None:
        return None
    if desimal is not None:
        quantized = nilai.quantize(Decimal(1).scaleb(-desimal))
        if quantized == nilai:
            return quantized
    normalized = nilai.normalize()
    return normalized if banyak_desimal(normalized) else normalized.quantize(Decimal(1))


def _written_nilai(nilai: Decimal | None, teks: str) -> Decimal | None:
    """A stored value with the decimals its text shows (PK items and provenance rows do not store them)."""
    if nilai is None:
        return None
    try:
        written = parse_angka(teks)
    except AngkaTidakValid:
        written = None
    if written is not None and written.nilai is not None and written.nilai == nilai:
        return as_written(nilai, written.desimal)
    return as_written(nilai)


def _provenance_nilai(nilai: Decimal | None, teks: str) -> Decimal | None:
    return _written_nilai(nilai, teks) if len(teks) < 100 else as_written(nilai)


def load_plan_snapshot(rencana_aksi_id: int, *, rencana_aksi: RencanaAksi | None = None) -> PlanSnapshot:
    """The plan as the rules read it, from `plan_data()` (12 queries). Raises `RencanaAksi.DoesNotExist`.

    A caller that already holds the plan (with its perangkat daerah) passes it as `rencana_aksi`: one query less.
    """
    plan = rencana_aksi
    if plan is None or plan.pk != rencana_aksi_id:
        plan = RencanaAksi.objects.select_related("perangkat_daerah").get(pk=rencana_aksi_id)
    return snapshot_of(plan_data(rencana_aksi=plan, provenance=True))


def _target(t: Target | None) -> TargetData | None:
    return None if t is None else TargetData(t.pk, t.triwulan, as_written(t.nilai, t.desimal), t.kategori, t.teks)


def snapshot_of(data: PlanData) -> PlanSnapshot:
    """`PlanData` as plain values for the rules: decimals as written, rows grouped in document order."""
    plan = data.plan
    indikator = tuple(
        IndikatorData(
            i.pk, i.sasaran_id, i.nama, i.satuan, i.akumulasi, i.akumulasi_disimpulkan, i.jenis_target, i.polaritas,
            i.bidang_id, tahunan=_target(data.target(i.pk)),
            triwulan={tw: _target(t) for tw, t in data.targets.get(i.pk, {}).items() if tw is not None},
            kunci=str(i.kunci),
        )
        for i in data.indikator_by_sasaran_order()
    )
    pk_jenis = {pk.id: pk.jenis for pk in data.perjanjian_kinerja}
    return PlanSnapshot(
        id=plan.pk, tahun=plan.tahun, label=str(plan), perangkat_daerah_id=plan.perangkat_daerah_id,
        sumber=plan.sumber,
        sasaran=tuple(SasaranData(s.pk, s.uraian, s.nomor, s.level, s.parent_id, s.bidang_id, str(s.kunci))
                      for s in data.sasaran),
        indikator=indikator,
        program=tuple(AnggaranData(p.pk, p.nama, p.kode, p.pagu, kunci=str(p.kunci)) for p in data.program),
        kegiatan=tuple(AnggaranData(k.pk, k.nama, k.kode, k.pagu, k.program_id, kunci=str(k.kunci))
                       for k in data.kegiatan_by_program_order()),
        sub_kegiatan=tuple(
            AnggaranData(s.pk, s.nama, s.kode, s.pagu, s.kegiatan_id, s.bidang_id,
                         tuple(sorted(data.indikator_ids_of("sub_kegiatan", s.pk))), str(s.kunci))
            for s in data.sub_kegiatan_by_kegiatan_order()
        ),
        aksi=tuple(
            AksiData(a.pk, a.sub_kegiatan_id, a.uraian, a.nomor, a.keluaran, a.penanggung_jawab, a.pejabat_id, a.pagu,
                     tuple(sorted(data.bulan_of(a.pk))), str(a.kunci))
            for a in sorted(data.aksi, key=lambda a: (a.sub_kegiatan_id, a.urutan, a.pk))
        ),
        pk_items=tuple(
            PKItemData(item.id, pk.id, pk_jenis[pk.id], item.nomor, item.indikator_id,
                       _written_nilai(item.target_nilai, item.target_teks), item.target_kategori, item.target_teks,
                       str(item.kunci or ""))
            for pk in data.perjanjian_kinerja for item in pk.items
        ),
        bidang={b.pk: BidangData(b.pk, b.nama, b.kepala_id) for b in data.bidang},
        provenance=tuple(
            ProvenanceData(p.content_type.model, p.object_id, p.field, p.teks, _provenance_nilai(p.nilai, p.teks),
                           p.dokumen, p.tabel, p.baris, p.kolom, p.catatan)
            for p in data.provenance or ()
        ),
        realisasi=load_realisasi(plan),
    )


def load_realisasi(plan: RencanaAksi) -> RealisasiData:
    """The plan's monitoring data for the realisasi rules (`renaksi.monev`), in three queries."""
    kinerja = tuple(
        RealisasiKinerjaData(ind_id, tw, nilai, kategori, rumus, n)
        for ind_id, tw, nilai, kategori, rumus, n in RealisasiIndikator.objects.filter(
            indikator__rencana_aksi_id=plan.pk).annotate(n=Count("bukti")).order_by("indikator_id", "triwulan")
        .values_list("indikator_id", "triwulan", "nilai", "kategori", "indikator__rumus_negatif", "n")
    )
    anggaran = tuple(
        RealisasiAnggaranData(*row) for row in RealisasiAnggaran.objects.filter(
            sub_kegiatan__rencana_aksi_id=plan.pk).order_by("sub_kegiatan_id", "triwulan")
        .values_list("sub_kegiatan_id", "triwulan", "jumlah")
    )
    tindak_lanjut = tuple(
        TindakLanjutData(*row) for row in TindakLanjut.objects.filter(indikator__rencana_aksi_id=plan.pk)
        .order_by("indikator_id", "triwulan")
        .values_list("id", "indikator_id", "triwulan", "uraian", "status", "status_triwulan")
    )
    return RealisasiData(anggaran=anggaran, kinerja=kinerja, tindak_lanjut=tindak_lanjut)


def latest_cuplikan(*, rencana_aksi: RencanaAksi):
    """The open findings recorded at the plan's previous submission, to compare with now (None when there is none):
    while the plan is being worked on (draft, returned) its latest submission; once it has been submitted again, the
    one before — so whoever reads a resubmission sees what changed since the last time he read it."""
    from .models import Cuplikan

    latest = list(Cuplikan.objects.filter(rencana_aksi=rencana_aksi, triwulan__isnull=True)
                  .order_by("-waktu", "-id")[:2])
    index = 0 if rencana_aksi.editable else 1
    return latest[index] if len(latest) > index else None
