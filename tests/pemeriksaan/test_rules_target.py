"""Target rules on minimal plans: firing with values, silent once corrected."""

import pytest

from renaksi.pemeriksaan.findings import Severity
from renaksi.perencanaan import services as svc
from tests.factories import empty_plan, indikator
from tests.helpers import D, findings, one

pytestmark = pytest.mark.django_db

QUARTERLY = "target.quarterly_mismatch"


def test_quarters_that_fit_no_accumulation_type_are_an_error():
    # Bangka: "Persentase pemilih pemula …" 35 for the year, 0, 0, 35, 10 per quarter.
    plan = empty_plan()
    ind = indikator(plan, "35", ["0", "0", "35", "10"])
    f = one(plan, QUARTERLY)
    assert f.severity == Severity.ERROR
    assert f.location.object_type == "indikator" and f.location.object_id == ind.pk
    assert f.values["tahunan"] == D("35")
    assert f.values["triwulan"] == [D(0), D(0), D(35), D(10)]
    assert f.values["jumlah"] == D(45)
    assert "45" in f.message


def test_corrected_quarters_are_silent():
    plan = empty_plan()
    indikator(plan, "35", ["0", "0", "25", "10"])
    assert findings(plan) == []


def test_rounding_of_the_written_decimals_is_not_a_mismatch():
    # docs/domain.md, "Accumulation": 4 × 16.20 against 64.78 is fine; so is 4 × 14.58 against 58.33.
    plan = empty_plan()
    indikator(plan, "64.78", ["16.20"] * 4)
    indikator(plan, "58.33", ["14.58"] * 4)
    indikator(plan, "29,17%", ["1,56%", "1,64%", "12,98%", "12,99%"])
    assert findings(plan) == []


def test_a_difference_beyond_the_rounding_of_the_decimals_is_found():
    plan = empty_plan()
    indikator(plan, "64.78", ["16.00"] * 4)
    assert one(plan, QUARTERLY).values["jumlah"] == D("64.00")


def test_category_indicator_compares_the_last_quarter_category():
    plan = empty_plan()
    indikator(plan, "B (67,34)", ["", "", "", "BB (70,1)"], jenis_target="kategori")
    f = one(plan, QUARTERLY)
    assert f.values == {"tahunan": "B", "triwulan_iv": "BB"}
    plan2 = empty_plan(tahun=2025)
    indikator(plan2, "B (67,34)", ["", "", "", "B (67,34)"], jenis_target="kategori")
    assert findings(plan2, QUARTERLY) == []


def test_counts_are_compared_exactly():
    # Bangka: "Jumlah paket pakaian dinas" 1 paket for the year, 0, 0, 2, 0. Whole numbers are not rounded values,
    # so this fits no accumulation type; written decimals do get their rounding (docs/domain.md: 4 × 16.20 vs 64.78).
    plan = empty_plan()
    ind = indikator(plan, "1", ["0", "0", "2", "0"], satuan="Paket", akumulasi="tetap", disimpulkan=True)
    f = one(plan, QUARTERLY)
    assert f.location.object_id == ind.pk and f.values["jumlah"] == D(2)
    plan2 = empty_plan(tahun=2025)
    indikator(plan2, "64.78", ["16.20", "16.20", "16.20", "16.20"], satuan="Persen")  # rounded decimals fit
    assert findings(plan2, QUARTERLY) == []


AKUMULASI = "target.akumulasi_mismatch"


def test_an_inferred_type_that_does_not_fit_is_only_info():
    # Bangka: "Jumlah Gedung Kantor … yang Dipelihara" 1 unit, 0, 0, 0, 1, inferred as tetap by the importer.
    plan = empty_plan()
    indikator(plan, "1", ["0", "0", "0", "1"], satuan="unit", akumulasi="tetap", disimpulkan=True)
    f = one(plan, AKUMULASI)
    assert f.severity == Severity.INFO
    assert f.values["cocok"] == ["kumulatif", "nilai_akhir"]
    assert "disimpulkan" in f.message


def test_quarters_that_fit_only_another_type_suggest_it():
    plan = empty_plan()
    ind = indikator(plan, "25", ["25", "25", "25", "25"], akumulasi="kumulatif")
    f = one(plan, AKUMULASI)
    assert f.severity == Severity.WARNING
    assert f.values["akumulasi"] == "kumulatif"
    assert f.values["cocok"] == ["tetap", "nilai_akhir", "rata_rata"]
    assert "tetap" in f.message
    svc.indikator_update(indikator=ind, akumulasi="tetap")
    assert findings(plan, AKUMULASI) == []


def test_stored_type_that_fits_is_silent_even_when_others_fit_too():
    plan = empty_plan()
    indikator(plan, "80", ["0", "0", "0", "80"], akumulasi="nilai_akhir")
    assert findings(plan) == []


BREAK = "target.constant_series_break"


def test_a_constant_series_broken_by_one_quarter_is_an_error_naming_the_quarter():
    # Bangka: "Jumlah layanan pembayaran gaji dan tunjangan ASN" 18 for the year, 18, 18, 100, 18.
    plan = empty_plan()
    indikator(plan, "18", ["18", "18", "100", "18"], akumulasi="nilai_akhir")
    f = one(plan, BREAK)
    assert f.severity == Severity.ERROR
    assert f.values["triwulan_ke"] == 3 and f.values["nilai"] == D(100)
    assert "TW III" in f.message
    # The same problem is not reported twice.
    assert findings(plan, QUARTERLY) == [] and findings(plan, AKUMULASI) == []


def test_broken_last_quarter_is_reported_once_as_a_break():
    plan = empty_plan()
    indikator(plan, "18", ["18", "18", "18", "100"], akumulasi="tetap")
    assert one(plan, BREAK).values["triwulan_ke"] == 4
    assert findings(plan, QUARTERLY) == []


def test_constant_series_and_rounded_means_are_not_broken():
    plan = empty_plan()
    indikator(plan, "18", ["18", "18", "18", "18"], akumulasi="tetap")
    indikator(plan, "10.5", ["10", "10", "10", "12"], akumulasi="rata_rata")
    indikator(plan, "10.1", ["10.0", "10.0", "10.0", "10.4"], akumulasi="rata_rata")
    indikator(plan, "100", ["10", "10", "10", "70"])
    indikator(plan, "100", ["50", "100", "100", "100"], akumulasi="nilai_akhir")  # reached in TW II, held
    assert findings(plan) == []


MISSING = "target.missing"


def test_empty_quarters_are_reported():
    # Bangka: "Persentase Kebijakan Kewaspadaan Nasional …" 100 for the year and no quarter.
    plan = empty_plan()
    indikator(plan, "100", ["", "", "", ""])
    f = one(plan, MISSING)
    assert f.severity == Severity.WARNING
    assert f.values == {"tahunan_kosong": False, "triwulan_kosong": [1, 2, 3, 4]}


def test_missing_yearly_target_is_reported():
    # Samarinda bidang pages: 25 % per quarter, no yearly target.
    plan = empty_plan()
    indikator(plan, None, ["25%"] * 4)
    f = one(plan, MISSING)
    assert f.values == {"tahunan_kosong": True, "triwulan_kosong": []}
    assert "tahunan 2024" in f.message


def test_one_missing_quarter_and_an_indicator_without_targets():
    plan = empty_plan()
    indikator(plan, "12", ["3", "3", "-", "3"])
    indikator(plan, None, [None] * 4, nama="Tanpa target")
    values = sorted((f.values["tahunan_kosong"], tuple(f.values["triwulan_kosong"]))
                    for f in findings(plan, MISSING))
    assert values == [(False, (3,)), (True, (1, 2, 3, 4))]


def test_complete_targets_are_silent():
    plan = empty_plan()
    indikator(plan, "12", ["3", "3", "3", "3"])
    assert findings(plan, MISSING) == []


TYPE = "target.type_mismatch"


def test_category_where_a_number_is_expected_is_a_warning():
    plan = empty_plan()
    indikator(plan, "B", ["0", "0", "0", "B"], jenis_target="angka")
    f = next(f for f in findings(plan, TYPE) if f.key == "kategori_di_angka")
    assert f.severity == Severity.WARNING
    assert f.values["target"] == ["tahunan", 4]


def test_text_without_a_number_where_a_number_is_expected():
    plan = empty_plan()
    indikator(plan, "12", ["3", "3", "3", "3"])
    ind = indikator(plan, "12", ["3", "3", "3", "3"], nama="Dokumen")
    svc.target_set(indikator=ind, tahun=2024, triwulan=None, nilai=None, teks="Tersedia")
    f = one(plan, TYPE)
    assert f.location.object_id == ind.pk and f.values == {"target": ["tahunan"], "nilai": [None]}
    assert findings(plan, MISSING) == []  # text is not empty


def test_zeros_in_a_category_indicator_are_only_info():
    # Bangka: Hasil Evaluasi AKIP "B (67,34)" with 0, 0, 0 in TW I–III.
    plan = empty_plan()
    indikator(plan, "B (67,34)", ["0", "0", "0", "B (67,34)"], jenis_target="kategori")
    f = one(plan, TYPE)
    assert f.severity == Severity.INFO
    assert f.values == {"target": [1, 2, 3], "nilai": [D(0), D(0), D(0)]}
    assert [x.rule for x in findings(plan)] == [TYPE]


def test_numbers_other_than_zero_in_a_category_indicator_are_a_warning():
    plan = empty_plan()
    indikator(plan, "B (67,34)", ["60", "62", "65", "B (67,34)"], jenis_target="kategori")
    assert one(plan, TYPE).severity == Severity.WARNING


def test_matching_kinds_are_silent():
    plan = empty_plan()
    indikator(plan, "B (67,34)", ["", "", "", "B (67,34)"], jenis_target="kategori")
    indikator(plan, "12", ["3", "3", "3", "3"])
    assert findings(plan, TYPE) == []


CONFLICT = "target.conflicting_sources"


def _target_provenance(plan, ind, teks, tabel):
    from renaksi.core.angka import parse_angka
    from renaksi.perencanaan.models import Target

    target = Target.objects.get(indikator=ind, triwulan=None)
    svc.provenance_record(obj=target, rencana_aksi=plan, field="nilai", teks=teks, nilai=parse_angka(teks).nilai,
                          dokumen="samarinda.txt", tabel=tabel, baris=200, kolom="4")


def test_one_yearly_target_written_twice_differently_is_an_error():
    plan = empty_plan()
    ind = indikator(plan, "29,17%", ["1,56%", "1,64%", "12,98%", "12,99%"])
    _target_provenance(plan, ind, "29,17%", "Tabel 2.4")
    _target_provenance(plan, ind, "30%", "Tabel 2.3")
    f = one(plan, CONFLICT)
    assert f.severity == Severity.ERROR and f.location.object_id == ind.pk
    assert f.values == {"values": [D("29.17"), D(30)], "stored": D("29.17"), "triwulan": "tahunan"}
    assert "Tabel 2.3" in f.message and "Tabel 2.4" in f.message


def test_the_same_target_written_twice_is_silent():
    plan = empty_plan()
    ind = indikator(plan, "29,17%", ["1,56%", "1,64%", "12,98%", "12,99%"])
    _target_provenance(plan, ind, "29,17%", "Tabel 2.4")
    _target_provenance(plan, ind, "29,170 %", "Tabel 2.3")
    assert findings(plan) == []
