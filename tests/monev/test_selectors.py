"""monev_data: the plan with realisasi, capaian, serapan, forecast and follow-up, in a constant number of queries."""

from datetime import UTC, date, datetime
from decimal import Decimal as D

import pytest

from renaksi.monev import services as monev
from renaksi.monev.models import JendelaPelaporan, LaporanTriwulan, ProgresAksi, RealisasiAnggaran
from renaksi.monev.selectors import anggaran_bagian, keadaan_triwulan, monev_data, tindak_lanjut_terbuka
from renaksi.perencanaan import services as svc
from renaksi.perencanaan.models import Aksi, Indikator, Kegiatan, RencanaAksi, SubKegiatan
from tests.factories import make_plan

pytestmark = pytest.mark.django_db


def report(plan: RencanaAksi) -> None:
    """TW I–II for every indikator, sub kegiatan and aksi of a plan, with an evaluasi and a bukti."""
    for ind in Indikator.objects.filter(rencana_aksi=plan):
        r = monev.realisasi_indikator_set(indikator=ind, triwulan=1, nilai=D(10))
        monev.realisasi_indikator_set(indikator=ind, triwulan=2, nilai=D(8))
        monev.bukti_dukung_add(realisasi=r, url="https://example.go.id/bukti")
        monev.evaluasi_set(indikator=ind, triwulan=1, tindak_lanjut="Rapat koordinasi")
    for i, sub in enumerate(SubKegiatan.objects.filter(rencana_aksi=plan)):
        monev.realisasi_anggaran_set(sub_kegiatan=sub, triwulan=1, jumlah=1_000_000 * (i + 1))
    for aksi in Aksi.objects.filter(rencana_aksi=plan):
        monev.progres_aksi_set(aksi=aksi, bulan=1, status="selesai")


def test_values_for_the_chosen_triwulan(world, rows):
    report(world.plan)
    monev.realisasi_anggaran_set(sub_kegiatan=rows.sub_politik, triwulan=2, jumlah=4_000_000)
    data = monev_data(rencana_aksi=world.plan, triwulan=2)
    (item,) = data.indikator
    # IKU: kumulatif, targets 10, 20, 20, 30 (year 80); realisasi 10, 8.
    assert item.target == (D(10), D(20), D(20), D(30)) and item.target_tahun == D(80)
    assert item.capaian.nilai == D("60.00")
    assert item.capaian.rumus == "Σ realisasi TW I–II ÷ Σ target TW I–II × 100 = 18 ÷ 30 × 100"
    assert item.predikat == "rendah" and item.berisiko
    assert item.jumlah_bukti == (1, 0, 0, 0)
    assert [tl.uraian for tl in item.tindak_lanjut] == ["Rapat koordinasi"]  # from TW I, to follow up in TW II
    assert item.evaluasi is None  # the evaluasi of TW II has not been written
    politik = next(s for s in data.sub_kegiatan if s.sub_kegiatan == rows.sub_politik)
    assert politik.realisasi_anggaran == (1_000_000, 4_000_000, None, None)
    assert politik.serapan == D("50.00")  # 5 000 000 of 10 000 000
    (program,) = data.plan.program
    assert data.serapan_program[program.pk] == D("35.00")  # (5 + 2) of 20 million
    assert data.dibuka
    aksi = data.aksi[0]
    assert aksi.bulan_rencana == frozenset({1, 2, 3}) and aksi.progres[1].status == "selesai"


def test_the_budget_part_of_a_kegiatan_or_sub_kegiatan_is_the_whole_plan_s_rows(world, rows):
    """`anggaran_bagian` (the form's kegiatan section and row saves) reads its rows itself (decision 0021): the same
    sub kegiatan, realisasi, versions, serapan, aksi, months and progress as the whole plan, in the plan's order."""
    report(world.plan)
    monev.realisasi_anggaran_set(sub_kegiatan=rows.sub_politik, triwulan=2, jumlah=4_000_000)
    monev.progres_aksi_set(aksi=rows.aksi_politik, bulan=5, status="berjalan")
    whole = monev_data(rencana_aksi=world.plan, triwulan=2)
    ids = [s.sub_kegiatan.pk for s in whole.sub_kegiatan]
    for kegiatan in Kegiatan.objects.filter(rencana_aksi=world.plan):
        part = anggaran_bagian(rencana_aksi=world.plan, triwulan=2, kegiatan_id=kegiatan.pk)
        expected = [s for s in whole.sub_kegiatan if s.sub_kegiatan.kegiatan_id == kegiatan.pk]
        assert [s.sub_kegiatan.pk for s in part.sub_kegiatan] == [s.sub_kegiatan.pk for s in expected] != []
        assert [(s.realisasi_anggaran, s.versi_baris, s.serapan) for s in part.sub_kegiatan] == \
            [(s.realisasi_anggaran, s.versi_baris, s.serapan) for s in expected]
        assert [(a.aksi.pk, a.aksi.nomor, a.bulan_rencana, a.progres) for a in part.aksi] == \
            [(a.aksi.pk, a.aksi.nomor, a.bulan_rencana, a.progres) for a in whole.aksi
             if whole.plan.sub_kegiatan_by_id[a.aksi.sub_kegiatan_id].kegiatan_id == kegiatan.pk]
    one = anggaran_bagian(rencana_aksi=world.plan, triwulan=2, sub_kegiatan_id=rows.sub_politik.pk)
    (politik,) = one.sub_kegiatan
    assert politik.realisasi_anggaran == (1_000_000, 4_000_000, None, None) and politik.versi_baris[1] > 0
    assert politik.sub_kegiatan.bidang_nama == world.bidang_politik.nama and len(ids) > 1
    assert {a.aksi.pk for a in one.aksi} == set(Aksi.objects.filter(sub_kegiatan=rows.sub_politik)
                                                .values_list("pk", flat=True))
    assert next(a for a in one.aksi if a.aksi.pk == rows.aksi_politik.pk).progres[5].label == "Berjalan"


def test_tw_i_does_not_see_tw_ii(world, rows):
    report(world.plan)
    item = monev_data(rencana_aksi=world.plan, triwulan=1).indikator[0]
    assert item.capaian.nilai == D("100.00") and item.tindak_lanjut == ()


def test_json_shape(world, rows):
    report(world.plan)
    out = monev_data(rencana_aksi=world.plan, triwulan=2).as_json()
    assert out["rencana_aksi"] == {"id": world.plan.pk} and out["triwulan"] == 2
    assert out["indikator"][0] == {
        "id": rows.iku.pk, "nama": "Persentase partisipasi pemilih", "satuan": "Persen", "polaritas": "positif",
        "akumulasi": "kumulatif", "target_tahun": "80", "target": ["10", "20", "20", "30"],
        "realisasi": ["10", "8", None, None], "capaian": "60.00",
        "rumus": "Σ realisasi TW I–II ÷ Σ target TW I–II × 100 = 18 ÷ 30 × 100", "predikat": "rendah",
        "berisiko": True,
    }
    assert set(out["sub_kegiatan"][0]) == {"id", "nama", "pagu", "realisasi_anggaran", "serapan"}
    assert out["sub_kegiatan"][0]["realisasi_anggaran"] == [1_000_000, None, None, None]
    assert out["sub_kegiatan"][0]["serapan"] == "10.00"


def test_open_tindak_lanjut_per_pd(world, rows):
    report(world.plan)
    (tl,) = tindak_lanjut_terbuka(perangkat_daerah=world.pd)
    monev.tindak_lanjut_status_set(tindak_lanjut=tl, triwulan=2, status="selesai")
    assert tindak_lanjut_terbuka(perangkat_daerah=world.pd) == []
    assert tindak_lanjut_terbuka(perangkat_daerah=world.other_pd) == []


@pytest.mark.parametrize("n_sub", [2, 20])
def test_constant_number_of_queries(world, rows, n_sub, django_assert_max_num_queries):
    plan = make_plan(world.other_pd, tahun=2024, n_sub_kegiatan=n_sub, aksi_per_sub=3)
    report(plan)
    plan = RencanaAksi.objects.select_related("perangkat_daerah").get(pk=plan.pk)
    with django_assert_max_num_queries(18):
        data = monev_data(rencana_aksi=plan, triwulan=2)
    assert len(data.sub_kegiatan) == n_sub and len(data.aksi) == n_sub * 3


def test_a_tindak_lanjut_shows_until_the_triwulan_it_is_closed_in(world, rows):
    monev.jendela_buka(pemda=world.pemda, tahun=2024, triwulan=3)
    monev.evaluasi_set(indikator=rows.iku, triwulan=1, tindak_lanjut="Rapat koordinasi")
    (tl,) = tindak_lanjut_terbuka(perangkat_daerah=world.pd)
    monev.tindak_lanjut_status_set(tindak_lanjut=tl, triwulan=2, status="berjalan")
    monev.tindak_lanjut_status_set(tindak_lanjut=tl, triwulan=3, status="selesai")
    shown = {n: [t.pk for t in monev_data(rencana_aksi=world.plan, triwulan=n).indikator[0].tindak_lanjut]
             for n in (1, 2, 3, 4)}
    assert shown == {1: [], 2: [tl.pk], 3: [tl.pk], 4: []}


def _fields(obj) -> dict | None:
    return None if obj is None else {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields}


def test_the_triwulan_state_is_read_in_one_query_as_the_orm_loads_it(world, rows, django_assert_num_queries):
    """keadaan_triwulan (hand-written SQL): the window and the report with every field as a query of their own
    loads them (dates and times converted), None where there is none, and whether a newer version exists."""
    monev.jendela_buka(pemda=world.pemda, tahun=2024, triwulan=1, tanggal_tutup=date(2024, 4, 10))
    monev.jendela_tutup(pemda=world.pemda, tahun=2024, triwulan=2)
    LaporanTriwulan.objects.create(rencana_aksi=world.plan, triwulan=1, status=LaporanTriwulan.Status.DIAJUKAN,
                                   diajukan_pada=datetime(2024, 4, 9, 15, 30, 12, 345678, tzinfo=UTC))
    plan = RencanaAksi.objects.select_related("perangkat_daerah").get(pk=world.plan.pk)
    for tw in (1, 2, 3):
        with django_assert_num_queries(1):
            state = keadaan_triwulan(rencana_aksi=plan, triwulan=tw)
        window = JendelaPelaporan.objects.filter(pemda=world.pemda, tahun=2024, triwulan=tw).first()
        report = LaporanTriwulan.objects.filter(rencana_aksi=plan, triwulan=tw).first()
        assert _fields(state.jendela) == _fields(window) and _fields(state.laporan) == _fields(report)
        assert state.digantikan is False
    assert keadaan_triwulan(rencana_aksi=plan, triwulan=1).jendela.tanggal_tutup == date(2024, 4, 10)
    assert keadaan_triwulan(rencana_aksi=plan, triwulan=2).jendela.dibuka is False
    assert keadaan_triwulan(rencana_aksi=plan, triwulan=3).jendela is None  # never opened
    assert keadaan_triwulan(rencana_aksi=plan, triwulan=1).laporan.diajukan_pada == datetime(2024, 4, 9, 15, 30, 12, 345678,
                                                                                          tzinfo=UTC)
    svc.rencana_aksi_create(perangkat_daerah=world.pd, tahun=2024, versi=2)
    assert keadaan_triwulan(rencana_aksi=plan, triwulan=1).digantikan is True
    other_year = make_plan(world.pd, tahun=2025)  # another year's plan is no newer version of this one
    other_year = RencanaAksi.objects.select_related("perangkat_daerah").get(pk=other_year.pk)
    assert keadaan_triwulan(rencana_aksi=other_year, triwulan=1) == (None, None, False)


@pytest.mark.parametrize("model", [JendelaPelaporan, LaporanTriwulan, RealisasiAnggaran, ProgresAksi])
def test_a_read_in_the_default_order_joins_no_other_table(model):
    """The default ordering is by the model's own columns (its key), not through the plan and its PD."""
    sql = str(model.objects.all().query)
    assert "JOIN" not in sql and "ORDER BY" in sql
