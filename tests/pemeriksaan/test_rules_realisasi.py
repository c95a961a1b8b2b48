"""The realisasi rules (renaksi/pemeriksaan/rules/realisasi.py) on monitoring data written through the monev
services: each fires on the mistake it names and stays silent on correct data."""

import dataclasses

import pytest

from renaksi.monev import services as monev
from renaksi.pemeriksaan.api import check_snapshot
from renaksi.pemeriksaan.findings import Severity
from renaksi.pemeriksaan.selectors import load_plan_snapshot
from renaksi.pemeriksaan.snapshot import RealisasiAnggaranData, RealisasiData
from renaksi.perencanaan import services as svc
from tests.factories import TAHUN, budget, empty_plan, indikator
from tests.helpers import D, findings, one

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan():
    plan = empty_plan()
    for tw in (1, 2, 3, 4):
        monev.jendela_buka(pemda=plan.perangkat_daerah.pemda, tahun=TAHUN, triwulan=tw)
    return plan


def realisasi_rules(plan) -> list[str]:
    return sorted(f.rule for f in findings(plan) if f.rule.startswith("realisasi."))


def report(ind, *values, bukti: bool = False):
    for tw, value in enumerate(values, start=1):
        if value is None:
            continue
        r = monev.realisasi_indikator_set(indikator=ind, triwulan=tw, nilai=D(value))
        if bukti:
            monev.bukti_dukung_add(realisasi=r, url="https://example.go.id/bukti")


def test_no_realisasi_no_findings(plan):
    budget(plan, None, 100, [100])
    indikator(plan, "12", ["3"] * 4)
    assert realisasi_rules(plan) == []
    assert load_plan_snapshot(plan.pk).realisasi == RealisasiData()


def test_anggaran_summed_over_the_triwulan_above_pagu(plan):
    _, _, (sub,) = budget(plan, None, 100, [100])
    monev.realisasi_anggaran_set(sub_kegiatan=sub, triwulan=1, jumlah=60)
    assert realisasi_rules(plan) == []  # 60 of 100
    monev.realisasi_anggaran_set(sub_kegiatan=sub, triwulan=2, jumlah=50)
    f = one(plan, "realisasi.anggaran_over_pagu")
    assert f.severity == Severity.ERROR
    assert f.values == {"pagu": 100, "realisasi": 110, "difference": 10, "triwulan": 2}
    assert f.message == "Realisasi anggaran sampai TW II Rp110 melebihi pagu Rp100 (lebih Rp10)."


def test_negative_anggaran(plan):
    # The services and the database refuse it: data written around them.
    _, _, (sub,) = budget(plan, None, 100, [100])
    snapshot = dataclasses.replace(load_plan_snapshot(plan.pk),
                                   realisasi=RealisasiData(anggaran=(RealisasiAnggaranData(sub.pk, 2, -5),)))
    (f,) = [f for f in check_snapshot(snapshot) if f.rule == "realisasi.anggaran_negative"]
    assert f.values == {"realisasi": -5, "triwulan": 2} and "negatif" in f.message
    ok = dataclasses.replace(snapshot, realisasi=RealisasiData(anggaran=(RealisasiAnggaranData(sub.pk, 2, 0),)))
    assert [f for f in check_snapshot(ok) if f.rule == "realisasi.anggaran_negative"] == []


def test_shared_pagu(plan):
    a = indikator(plan, "12", ["3"] * 4, nama="A")
    b = indikator(plan, "12", ["3"] * 4, nama="B")
    _, _, (sub,) = budget(plan, None, 100, [100])
    svc.anggaran_update(obj=sub, indikator=[a, b])
    monev.realisasi_anggaran_set(sub_kegiatan=sub, triwulan=1, jumlah=20)
    report(a, "3", bukti=True)
    assert realisasi_rules(plan) == []  # only one of them reports
    report(b, "3", bukti=True)
    f = one(plan, "realisasi.shared_pagu")
    assert f.severity == Severity.INFO
    assert f.values == {"pagu": 100, "realisasi": 20, "indikator": sorted([a.pk, b.pk]), "triwulan": 1}


def test_capaian_at_least_100_without_bukti(plan):
    ind = indikator(plan, "12", ["3"] * 4)
    report(ind, "2")
    assert realisasi_rules(plan) == []  # 66,67 %
    report(ind, "2", "4")  # up to TW II: 6 of 6
    f = one(plan, "realisasi.capaian_without_bukti")
    assert f.values == {"capaian": D("100.00"), "triwulan": 2}
    assert f.message == "Capaian TW II 100,00% tanpa bukti dukung: evaluator akan memintanya."
    r = ind.realisasi.get(triwulan=2)
    monev.bukti_dukung_add(realisasi=r, url="https://example.go.id/foto")
    assert realisasi_rules(plan) == []


def test_implausible_capaian(plan):
    ind = indikator(plan, "100", ["25"] * 4)
    report(ind, "85", bukti=True)
    f = one(plan, "realisasi.capaian_implausible")
    assert f.values == {"capaian": D("340.00"), "triwulan": 1}
    assert "85 ÷ 25 × 100" in f.message
    report(ind, "75", bukti=True)  # 300 % exactly: high, not implausible
    assert realisasi_rules(plan) == []


def test_nilai_akhir_going_down(plan):
    ind = indikator(plan, "90", ["20", "50", "70", "90"], akumulasi="nilai_akhir")
    report(ind, "25", "15", bukti=True)
    f = one(plan, "realisasi.nilai_akhir_turun")
    assert f.values == {"triwulan": 2, "realisasi": D(15), "sebelumnya": D(25)}
    report(ind, "25", "40", bukti=True)
    assert realisasi_rules(plan) == []


def test_going_down_is_fine_for_kumulatif_or_a_falling_target(plan):
    kumulatif = indikator(plan, "80", ["20"] * 4, nama="Kumulatif")
    report(kumulatif, "25", "15", bukti=True)
    falling = indikator(plan, "5", ["20", "10", "8", "5"], akumulasi="nilai_akhir", nama="Turun")
    report(falling, "18", "9", bukti=True)
    assert [r for r in realisasi_rules(plan) if r == "realisasi.nilai_akhir_turun"] == []


def test_tindak_lanjut_left_open(plan):
    ind = indikator(plan, "12", ["3"] * 4)
    monev.evaluasi_set(indikator=ind, triwulan=1, tindak_lanjut="Percepat sosialisasi")
    report(ind, "3", "3", bukti=True)
    assert realisasi_rules(plan) == []  # TW II: one triwulan later
    report(ind, "3", "3", "3", bukti=True)
    f = one(plan, "realisasi.tindak_lanjut_open")
    assert f.values == {"triwulan": 1, "status": "terbuka", "triwulan_terakhir": 3}
    assert f.message == "Tindak lanjut TW I “Percepat sosialisasi” masih terbuka pada TW III."
    tl = ind.tindak_lanjut.get()
    monev.tindak_lanjut_status_set(tindak_lanjut=tl, triwulan=2, status="selesai")
    assert realisasi_rules(plan) == []


def test_a_percentage_above_200_against_a_target_of_at_most_100(plan):
    ind = indikator(plan, "80", ["20", "40", "60", "80"])  # Persen
    report(ind, "1234567.5", bukti=True)
    found = [f for f in findings(plan) if f.rule == "realisasi.persen_implausible"]
    assert len(found) == 1
    assert found[0].values == {"realisasi": D("1234567.5"), "target": D(20), "triwulan": 1}
    assert found[0].message.startswith("TW I: Realisasi 1.234.567,5 % melebihi 100 % padahal targetnya 20 %")
    report(ind, "104", bukti=True)  # a little over 100 is often true (PAD realised at 104 % of its plan)
    assert "realisasi.persen_implausible" not in realisasi_rules(plan)
    report(ind, "200", bukti=True)  # twice 100 is still not named
    assert "realisasi.persen_implausible" not in realisasi_rules(plan)
    report(ind, "200.5", bukti=True)
    assert "realisasi.persen_implausible" in realisasi_rules(plan)


def test_a_percentage_above_100_is_plausible_against_a_target_above_100_or_in_another_satuan(plan):
    growth = indikator(plan, "120", ["120"] * 4, akumulasi="tetap", nama="Persentase pertumbuhan")
    count = indikator(plan, "800", ["200"] * 4, nama="Jumlah peserta", satuan="Orang")
    report(growth, "130", bukti=True)
    report(count, "250", bukti=True)
    assert "realisasi.persen_implausible" not in realisasi_rules(plan)
