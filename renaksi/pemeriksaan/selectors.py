"""Reads for the checker: one plan as a `PlanSnapshot`, in a constant number of queries (16), whatever its size."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from django.db.models import Count, F

from renaksi.core.angka import AngkaTidakValid, parse_angka
from renaksi.monev.models import RealisasiAnggaran, RealisasiIndikator, TindakLanjut
from renaksi.organisasi.models import Bidang
from renaksi.perencanaan.models import (
    Aksi,
    AksiBulan,
    Indikator,
    Kegiatan,
    PerjanjianKinerjaItem,
    Program,
    Provenance,
    RencanaAksi,
    Sasaran,
    SubKegiatan,
    Target,
)

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
    exponent = normalized.as_tuple().exponent
    return normalized.quantize(Decimal(1)) if isinstance(exponent, int) and exponent > 0 else normalized


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
    """Load the whole plan once. Raises `RencanaAksi.DoesNotExist` for an unknown id.

    A caller that already holds the plan (with its perangkat daerah) passes it as `rencana_aksi`: one query less.
    """
    plan = rencana_aksi
    if plan is None or plan.pk != rencana_aksi_id:
        plan = RencanaAksi.objects.select_related("perangkat_daerah").get(pk=rencana_aksi_id)
    ra = plan.pk

    bidang = {
        b_id: BidangData(b_id, nama, kepala_id)
        for b_id, nama, kepala_id in Bidang.objects.filter(perangkat_daerah_id=plan.perangkat_daerah_id)
        .values_list("id", "nama", "kepala_id")
    }
    sasaran = tuple(
        SasaranData(id=s_id, uraian=uraian, nomor=nomor, level=level, parent_id=parent_id, bidang_id=bidang_id)
        for s_id, uraian, nomor, level, parent_id, bidang_id in Sasaran.objects.filter(rencana_aksi_id=ra)
        .order_by("urutan", "id").values_list("id", "uraian", "nomor", "level", "parent_id", "bidang_id")
    )

    targets: dict[int, dict[int | None, TargetData]] = defaultdict(dict)
    for t_id, ind_id, triwulan, nilai, desimal, kategori, teks in (
        Target.objects.filter(indikator__rencana_aksi_id=ra, tahun=plan.tahun)
        .values_list("id", "indikator_id", "triwulan", "nilai", "desimal", "kategori", "teks")
    ):
        targets[ind_id][triwulan] = TargetData(t_id, triwulan, as_written(nilai, desimal), kategori, teks)

    indikator = []
    for row in (
        Indikator.objects.filter(rencana_aksi_id=ra)
        .order_by("sasaran__urutan", "sasaran_id", "urutan", "id")
        .values_list("id", "sasaran_id", "nama", "satuan", "akumulasi", "akumulasi_disimpulkan", "jenis_target",
                     "polaritas", "bidang_id")
    ):
        own = targets.get(row[0], {})
        indikator.append(IndikatorData(
            *row, tahunan=own.get(None), triwulan={tw: t for tw, t in own.items() if tw is not None}))

    fields = ("id", "nama", "kode", "pagu")
    program = tuple(
        AnggaranData(*row) for row in
        Program.objects.filter(rencana_aksi_id=ra).order_by("urutan", "id").values_list(*fields)
    )
    kegiatan = tuple(
        AnggaranData(*row) for row in
        Kegiatan.objects.filter(rencana_aksi_id=ra).order_by("program__urutan", "program_id", "urutan", "id")
        .values_list(*fields, "program_id")
    )
    sub_indikator: dict[int, list[int]] = defaultdict(list)
    for sub_id, ind_id in SubKegiatan.indikator.through.objects.filter(
        subkegiatan__rencana_aksi_id=ra
    ).values_list("subkegiatan_id", "indikator_id"):
        sub_indikator[sub_id].append(ind_id)
    sub_kegiatan = tuple(
        AnggaranData(*row, indikator_ids=tuple(sorted(sub_indikator.get(row[0], ()))))
        for row in SubKegiatan.objects.filter(rencana_aksi_id=ra)
        .order_by("kegiatan__program__urutan", "kegiatan__program_id", "kegiatan__urutan", "kegiatan_id",
                  "urutan", "id")
        .values_list(*fields, "kegiatan_id", "bidang_id")
    )

    bulan: dict[int, list[int]] = defaultdict(list)
    for aksi_id, b in AksiBulan.objects.filter(aksi__rencana_aksi_id=ra).values_list("aksi_id", "bulan"):
        bulan[aksi_id].append(b)
    aksi = tuple(
        AksiData(a_id, sub_id, uraian, nomor, keluaran, pj, pejabat_id, pagu, tuple(sorted(bulan.get(a_id, ()))))
        for a_id, sub_id, uraian, nomor, keluaran, pj, pejabat_id, pagu in Aksi.objects.filter(rencana_aksi_id=ra)
        .order_by("sub_kegiatan_id", "urutan", "id")
        .values_list("id", "sub_kegiatan_id", "uraian", "nomor", "keluaran", "penanggung_jawab", "pejabat_id",
                     "pagu")
    )

    pk_items = tuple(
        PKItemData(i_id, pk_id, jenis, nomor, ind_id, _written_nilai(nilai, teks), kategori, teks)
        for i_id, pk_id, jenis, nomor, ind_id, nilai, kategori, teks in PerjanjianKinerjaItem.objects.filter(
            perjanjian_kinerja__rencana_aksi_id=ra
        ).order_by("perjanjian_kinerja_id", "urutan", "id").values_list(
            "id", "perjanjian_kinerja_id", "perjanjian_kinerja__jenis", "nomor", "indikator_id", "target_nilai",
            "target_kategori", "target_teks")
    )

    provenance = tuple(
        ProvenanceData(model, object_id, field, teks, _provenance_nilai(nilai, teks), dokumen, tabel, baris, kolom,
                       catatan)
        for model, object_id, field, teks, nilai, dokumen, tabel, baris, kolom, catatan in
        Provenance.objects.filter(rencana_aksi_id=ra).annotate(model=F("content_type__model"))
        .order_by("id")
        .values_list("model", "object_id", "field", "teks", "nilai", "dokumen", "tabel", "baris", "kolom",
                     "catatan")
    )

    return PlanSnapshot(
        id=ra, tahun=plan.tahun, label=str(plan), perangkat_daerah_id=plan.perangkat_daerah_id, sumber=plan.sumber,
        sasaran=sasaran, indikator=tuple(indikator), program=program, kegiatan=kegiatan, sub_kegiatan=sub_kegiatan,
        aksi=aksi, pk_items=pk_items, bidang=bidang, provenance=provenance, realisasi=load_realisasi(plan),
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
