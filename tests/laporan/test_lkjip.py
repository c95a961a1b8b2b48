"""LKjIP Bab III of the Samarinda seed (`003_a1ceddc45d39290c.txt`) with realisasi entered through the monev
services, of a previous year's plan, and of both seeds as the blank form.

Targets: Tabel 2.4 (lines 223–227) — the first IKU 29,17% with TW 1,56 / 1,64 / 12,98 / 12,99 %, the second 100%
with TW 10 / 20 / 35 / 35 %. Pagu: Tabel 2.3 (lines 171–207), the first program's five sub kegiatan 506.090.000,
112.180.000, 150.000.000, 1.850.000.000 and 100.000.000 (= its kegiatan's 2.718.270.000), total 59.059.304.998.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from renaksi.laporan import blok, lkjip
from renaksi.monev import services as monev
from renaksi.perencanaan import services as svc
from renaksi.perencanaan.models import Indikator, RencanaAksi, SubKegiatan
from tests.conftest import SEED_BANGKA, SEED_SAMARINDA
from tests.factories import make_plan

from .seeds import import_seed

pytestmark = pytest.mark.django_db

IKU_1 = "Presentase jumlah masyarakat yang sudah diberikan pemahaman mengenai Ideologi Bangsa dan Wawasan Kebangsaan"
IKU_2 = "Persentase jumlah Peserta Pendidikan, Pengembangan dan Budaya Politik"
TOTAL_PAGU = 59_059_304_998  # line 207


def _grid(tabel: blok.Tabel, row: blok.Baris) -> list:
    """The row's cells by grid column: the sasaran cell covered by the one above is None."""
    return row.sel if len(row.sel) == tabel.jumlah_kolom else [row.sel[0], None, *row.sel[1:]]


def _open(plan: RencanaAksi) -> None:
    for tw in (1, 2, 3, 4):
        monev.jendela_buka(pemda=plan.perangkat_daerah.pemda, tahun=plan.tahun, triwulan=tw)


def _sub(plan, start: str) -> SubKegiatan:
    return SubKegiatan.objects.get(rencana_aksi=plan, nama__startswith=start)


@pytest.fixture
def samarinda(db) -> RencanaAksi:
    plan = import_seed(SEED_SAMARINDA)
    _open(plan)
    return RencanaAksi.objects.select_related("perangkat_daerah__pemda").get(pk=plan.pk)


def _report(plan: RencanaAksi) -> None:
    iku_1 = Indikator.objects.get(rencana_aksi=plan, nama=IKU_1)
    iku_2 = Indikator.objects.get(rencana_aksi=plan, nama=IKU_2)
    assert (iku_1.akumulasi, iku_2.akumulasi) == ("kumulatif", "kumulatif")  # the quarters add up to the year
    for tw, nilai in enumerate(["1.5", "1.7", "13", "13"], start=1):
        monev.realisasi_indikator_set(indikator=iku_1, triwulan=tw, nilai=Decimal(nilai))
    for tw, nilai in enumerate(["10", "20", "30"], start=1):  # TW IV not reported
        monev.realisasi_indikator_set(indikator=iku_2, triwulan=tw, nilai=Decimal(nilai))
    koordinasi = _sub(plan, "Pelaksanaan Koordinasi di Bidang Ideologi")  # 506.090.000
    monev.realisasi_anggaran_set(sub_kegiatan=koordinasi, triwulan=1, jumlah=100_000_000)
    monev.realisasi_anggaran_set(sub_kegiatan=koordinasi, triwulan=4, jumlah=300_000_000)
    monev.realisasi_anggaran_set(sub_kegiatan=_sub(plan, "Pembentukan Paskibraka"), triwulan=3,
                                 jumlah=1_800_000_000)


def test_capaian_serapan_efisiensi_and_total(samarinda):
    _report(samarinda)
    doc = lkjip.lkjip(rencana_aksi=samarinda)

    assert doc.triwulan == 4 and doc.ada_realisasi and doc.draf
    first, second, *others = doc.capaian
    assert (first.indikator, first.target.tampil, first.realisasi) == (IKU_1, "29,17%", Decimal("29.2"))
    # Kumulatif: Σ realisasi TW I–IV ÷ Σ target TW I–IV × 100 = 29,2 ÷ 29,17 × 100.
    assert first.capaian.nilai == Decimal("100.10")
    assert first.capaian.rumus == "Σ realisasi TW I–IV ÷ Σ target TW I–IV × 100 = 29,2 ÷ 29,17 × 100"
    assert first.predikat == "Sangat Tinggi"
    # TW IV not reported: no year's realisasi, no capaian, and the formula says why.
    assert (second.indikator, second.realisasi, second.capaian.nilai, second.predikat) == (IKU_2, None, None, "")
    assert second.capaian.rumus == "realisasi TW IV belum diisi"
    assert all(r.capaian is None and r.realisasi is None for r in others)
    assert doc.tahun_lalu is None

    program_1, program_2, *rest = doc.anggaran
    assert program_1.pagu == 2_718_270_000  # the sum of its five sub kegiatan (lines 173–177)
    assert program_1.realisasi == 2_200_000_000
    assert program_1.serapan == Decimal("80.93")  # 2.200.000.000 ÷ 2.718.270.000 × 100
    assert program_1.capaian == Decimal("100.10")  # the capaian of the indicator it supports
    assert program_1.efisiensi == Decimal("19.17")  # 100,10 − 80,93
    assert (program_2.realisasi, program_2.serapan, program_2.efisiensi) == (None, None, None)
    assert doc.total_pagu == TOTAL_PAGU == sum(r.pagu for r in doc.anggaran)
    assert doc.total_realisasi == 2_200_000_000
    assert doc.total_serapan == Decimal("3.73")  # 2.200.000.000 ÷ 59.059.304.998 × 100
    assert doc.total_capaian == Decimal("100.10") and doc.total_efisiensi == Decimal("96.37")

    layout = lkjip.dokumen(rencana_aksi=samarinda)
    assert layout.bagian[0].orientasi == "lanskap"
    capaian, anggaran = [b for b in layout.bagian[0].blok if isinstance(b, blok.Tabel)]
    row = capaian.baris[0].sel
    assert [c.nilai for c in row[4:8]] == ["29,17%", Decimal("29.2"), Decimal("100.10"), "Sangat Tinggi"]
    assert (row[6].format, row[6].desimal) == ("persen", 2)
    assert row[-1].nilai == first.capaian.rumus
    assert _grid(capaian, capaian.baris[1])[5].kosong  # no year's realisasi for the second IKU
    *rows, total = anggaran.baris
    assert total.jenis == "total" and len(rows) == 5
    assert (total.sel[1].nilai, total.sel[1].jumlah) == (TOTAL_PAGU, (0, 1, 2, 3, 4))
    assert (total.sel[2].nilai, total.sel[2].jumlah) == (2_200_000_000, (0, 1, 2, 3, 4))
    assert sum(r.sel[3].nilai or 0 for r in rows) == total.sel[2].nilai
    assert [c.nilai for c in total.sel[3:]] == [Decimal("3.73"), Decimal("100.10"), Decimal("96.37")]


def test_a_chosen_triwulan(samarinda):
    _report(samarinda)
    doc = lkjip.lkjip(rencana_aksi=samarinda, triwulan=3)
    first, second, *_ = doc.capaian
    assert first.realisasi == Decimal("16.2")  # 1,5 + 1,7 + 13
    assert first.capaian.rumus == "Σ realisasi TW I–III ÷ Σ target TW I–III × 100 = 16,2 ÷ 16,18 × 100"
    assert second.realisasi == Decimal("60") and second.capaian.nilai == Decimal("92.31")  # 60 ÷ 65
    assert doc.anggaran[0].realisasi == 1_900_000_000  # TW IV's 300.000.000 not yet


def test_previous_year_is_matched_by_name(samarinda):
    _report(samarinda)
    lalu = svc.rencana_aksi_create(perangkat_daerah=samarinda.perangkat_daerah, tahun=2023)
    sasaran = svc.sasaran_create(rencana_aksi=lalu, uraian="Sasaran 2023")
    indikator = svc.indikator_create(sasaran=sasaran, nama="  PRESENTASE jumlah masyarakat yang sudah diberikan "
                                                            "pemahaman mengenai ideologi bangsa dan  wawasan kebangsaan")
    svc.target_set(indikator=indikator, tahun=2023, triwulan=None, nilai=Decimal(20))
    for tw in (1, 2, 3, 4):
        svc.target_set(indikator=indikator, tahun=2023, triwulan=tw, nilai=Decimal(5))
    _open(lalu)
    for tw in (1, 2, 3, 4):
        monev.realisasi_indikator_set(indikator=indikator, triwulan=tw, nilai=Decimal(4))

    doc = lkjip.lkjip(rencana_aksi=samarinda)
    assert (doc.tahun_lalu, doc.triwulan_lalu) == (2023, 4)
    first, second, *_ = doc.capaian
    assert (first.realisasi_lalu, first.capaian_lalu.nilai) == (Decimal(16), Decimal("80.00"))  # 16 ÷ 20
    assert (second.realisasi_lalu, second.capaian_lalu) == (None, None)  # no such indicator in 2023

    (tabel, _anggaran) = [b for b in lkjip.dokumen(rencana_aksi=samarinda).bagian[0].blok
                          if isinstance(b, blok.Tabel)]
    assert [c.nilai for c in tabel.kepala[0]][-2:] == ["2023", "Rumus capaian"]
    assert [c.nilai for c in tabel.baris[0].sel[8:10]] == [Decimal(16), Decimal("80.00")]


@pytest.mark.parametrize("seed", [SEED_SAMARINDA, SEED_BANGKA])
def test_without_realisasi_the_blank_form(db, seed):
    plan = import_seed(seed)
    doc = lkjip.lkjip(rencana_aksi=plan)
    assert doc.triwulan == 4 and not doc.ada_realisasi
    assert doc.capaian and all(r.realisasi is None and r.capaian is None and not r.predikat for r in doc.capaian)
    assert all(r.realisasi is None and r.serapan is None for r in doc.anggaran)
    assert doc.total_realisasi is None and doc.total_serapan is None

    tabel, anggaran = [b for b in lkjip.dokumen(rencana_aksi=plan).bagian[0].blok if isinstance(b, blok.Tabel)]
    assert all(_grid(tabel, r)[5].kosong and _grid(tabel, r)[6].kosong and r.sel[-1].kosong for r in tabel.baris)
    assert "blangko" in tabel.catatan
    total = anggaran.baris[-1]
    assert total.sel[2].kosong and total.sel[2].jumlah == ()
    assert total.sel[1].nilai == sum(r.sel[2].nilai or 0 for r in anggaran.baris[:-1])
    if seed == SEED_SAMARINDA:
        assert [r.indikator for r in doc.capaian][:2] == [IKU_1, IKU_2]
        assert total.sel[1].nilai == TOTAL_PAGU
    else:
        # Section A (lines 7, 10, 12); the first program's sub kegiatan states 1.030.000.000 (line 28) where the
        # program states 1.030.000 (line 7): serapan is computed on the sub kegiatan, as shown.
        assert [r.target.tampil for r in doc.capaian] == ["80", "70", "B (67,34)"]
        assert doc.anggaran[0].pagu == 1_030_000_000


def test_a_constant_number_of_queries(world):
    counts = []
    for n in (3, 30):
        plan = make_plan(world.pd, tahun=2030 + n, n_sub_kegiatan=n)
        with CaptureQueriesContext(connection) as ctx:
            lkjip.dokumen(rencana_aksi=plan)
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1], counts


def test_without_a_yearly_target_the_target_the_capaian_uses_is_printed(samarinda):
    """No yearly target but quarterly ones: the capaian is computed (DOMAIN.md: kumulatif → ΣR / ΣT of TW I..n,
    no yearly target needed), so the Target column shows that ΣT, marked, not an empty cell. A `tetap`
    indicator needs the yearly target: no capaian and "—" beside it."""
    sasaran = svc.sasaran_create(rencana_aksi=samarinda, uraian="Sasaran tanpa target tahun")
    kumulatif = svc.indikator_create(sasaran=sasaran, nama="Indikator kumulatif", satuan="Dokumen",
                                     akumulasi="kumulatif")
    tetap = svc.indikator_create(sasaran=sasaran, nama="Indikator tetap", satuan="Indeks", akumulasi="tetap")
    for tw in (1, 2, 3, 4):
        svc.target_set(indikator=kumulatif, tahun=samarinda.tahun, triwulan=tw, nilai=Decimal(5))
        svc.target_set(indikator=tetap, tahun=samarinda.tahun, triwulan=tw, nilai=Decimal(70))
    for tw in (1, 2, 3):
        monev.realisasi_indikator_set(indikator=kumulatif, triwulan=tw, nilai=Decimal(4))
        monev.realisasi_indikator_set(indikator=tetap, triwulan=tw, nilai=Decimal(72))

    doc = lkjip.lkjip(rencana_aksi=samarinda, triwulan=3)
    rows = {r.indikator: r for r in doc.capaian}
    row = rows["Indikator kumulatif"]
    assert (row.target.tampil, row.target_triwulan) == ("15", True)  # Σ target TW I–III
    assert row.capaian.nilai == Decimal("80.00")  # 12 ÷ 15
    assert row.capaian.target == Decimal(15)
    row = rows["Indikator tetap"]
    assert (row.target.kosong, row.target_triwulan, row.capaian.nilai) == (True, False, None)

    tabel = next(b for b in lkjip.dokumen(rencana_aksi=samarinda, triwulan=3).bagian[0].blok
                 if isinstance(b, blok.Tabel))
    cells = {next(c.nilai for c in r.sel if c.nilai in rows): r.sel for r in tabel.baris
             if any(c.nilai in rows for c in r.sel)}
    sel = cells["Indikator kumulatif"]
    assert [c.nilai for c in sel[-5:-2]] == ["15*", Decimal(12), Decimal("80.00")]
    assert [c.nilai for c in cells["Indikator tetap"][-5:-3]] == ["—", Decimal(72)]
    assert "* Target tahun tidak diisi" in tabel.catatan
