"""Budget rules: each fires on a minimal bad plan, with its values, and is silent on the corrected plan."""

import pytest

from renaksi.pemeriksaan.findings import Severity
from renaksi.perencanaan import services as svc
from tests.factories import budget, empty_plan
from tests.helpers import findings, one

pytestmark = pytest.mark.django_db

ROLLUP = "pagu.rollup_mismatch"


def test_kegiatan_that_does_not_add_up_is_an_error_with_the_numbers():
    plan = empty_plan()
    _, kegiatan, _ = budget(plan, 1_500_000_000, 1_500_000_000, [1_000_000_000, 450_000_000])
    f = one(plan, ROLLUP)
    assert f.severity == Severity.ERROR
    assert (f.location.object_type, f.location.object_id) == ("kegiatan", kegiatan.pk)
    assert f.location.anchor == f"kegiatan-{kegiatan.pk}"
    assert f.values["expected"] == 1_500_000_000
    assert f.values["actual"] == 1_450_000_000
    assert f.values["difference"] == 50_000_000
    assert "cause" not in f.values  # round amounts: no guess at a typing slip
    assert "Rp1.500.000.000" in f.message and "Rp1.450.000.000" in f.message


def test_corrected_budget_is_silent():
    plan = empty_plan()
    budget(plan, 1_500_000_000, 1_500_000_000, [1_000_000_000, 500_000_000])
    assert findings(plan, ROLLUP) == []


def test_factor_1000_between_kegiatan_and_sub_kegiatan_is_named():
    # Bangka: kegiatan 1,030,000.00, its sub kegiatan 1,030,000,000.00.
    plan = empty_plan()
    budget(plan, 1_030_000, 1_030_000, [1_030_000_000])
    f = one(plan, ROLLUP)
    assert f.values["cause"] == "faktor" and f.values["factor"] == 1000
    assert f.values["difference"] == 1_030_000 - 1_030_000_000
    assert "1.000 kali" in f.message


def test_program_level_is_checked_too():
    plan = empty_plan()
    program, _, _ = budget(plan, 2_000_000, 1_000_000, [1_000_000])
    f = one(plan, ROLLUP)
    assert f.location.object_type == "program" and f.location.object_id == program.pk
    assert f.values == {"expected": 2_000_000, "actual": 1_000_000, "difference": 1_000_000, "children": 1,
                        "cause": "anak_dihitung_ganda"}


def test_transposed_digits_are_named():
    plan = empty_plan()
    budget(plan, 1_254_000, 1_254_000, [1_000_000, 245_000])  # sum 1,245,000: 5 and 4 swapped
    assert one(plan, ROLLUP).values["cause"] == "transposisi"


def test_one_mistyped_digit_is_named():
    plan = empty_plan()
    budget(plan, 11_530_800, 11_530_800, [11_530_000])
    assert one(plan, ROLLUP).values["cause"] == "salah_ketik"


def test_a_child_left_out_of_the_parent_is_named():
    # Bangka: kegiatan Perencanaan 35,000,000 but its sub kegiatan are 35,000,000 + 11,530,800.
    plan = empty_plan()
    budget(plan, None, 35_000_000, [35_000_000, 11_530_800])
    f = one(plan, ROLLUP)
    assert f.values["cause"] == "anak_tidak_dihitung"
    assert "Pelaksanaan Koordinasi 2" in f.message


def test_a_child_written_in_thousands_is_named():
    plan = empty_plan()
    budget(plan, None, 1_500_000_000, [1_000_000_000, 500_000])
    assert one(plan, ROLLUP).values["cause"] == "faktor_anak"


def test_levels_without_pagu_are_not_checked():
    plan = empty_plan()
    budget(plan, None, 1_000_000, [None, None])
    budget(plan, None, None, [5, 7])
    assert findings(plan, ROLLUP) == []


def test_children_partly_without_pagu_only_report_an_overallocation():
    plan = empty_plan()
    budget(plan, None, 1_000_000, [400_000, None])
    assert findings(plan, ROLLUP) == []
    plan2 = empty_plan(tahun=2025)
    budget(plan2, None, 1_000_000, [1_400_000, None])
    assert one(plan2, ROLLUP).values["actual"] == 1_400_000


def test_aksi_pagu_roll_up_into_their_sub_kegiatan():
    plan = empty_plan()
    _, _, (sub,) = budget(plan, None, None, [300], with_aksi=False)
    svc.aksi_create(sub_kegiatan=sub, uraian="A", nomor="1", keluaran="x", penanggung_jawab="PJ", bulan=[1],
                    pagu=100)
    svc.aksi_create(sub_kegiatan=sub, uraian="B", nomor="2", keluaran="x", penanggung_jawab="PJ", bulan=[1],
                    pagu=100)
    f = one(plan, ROLLUP)
    assert f.location.object_type == "subkegiatan"
    assert (f.values["expected"], f.values["actual"]) == (300, 200)


# --- the same item with two pagu in one document ----------------------------------------------------------


def _provenance(plan, obj, nilai, tabel, baris):
    svc.provenance_record(obj=obj, rencana_aksi=plan, field="pagu", teks=f"{nilai:,}", nilai=nilai,
                          dokumen="rencana.txt", tabel=tabel, baris=baris, kolom="7")


def test_two_pagu_for_one_sub_kegiatan_in_two_tables_is_an_error_with_both_places():
    # Samarinda: Pembinaan Kepaskibrakaan 150,000,000 in Tabel 2.3 and 200,000,000 on the bidang page.
    plan = empty_plan()
    _, _, (sub,) = budget(plan, None, None, [150_000_000])
    _provenance(plan, sub, 150_000_000, "Tabel 2.3", 176)
    _provenance(plan, sub, 200_000_000, "Bidang Ideologi", 262)
    f = one(plan, "pagu.conflicting_sources")
    assert f.severity == Severity.ERROR
    assert f.values == {"values": [150_000_000, 200_000_000], "stored": 150_000_000, "difference": 50_000_000}
    assert [s.tabel for s in f.location.sources] == ["Tabel 2.3", "Bidang Ideologi"]
    assert "baris 176" in f.message and "baris 262" in f.message


def test_the_same_pagu_stated_twice_is_silent():
    plan = empty_plan()
    _, _, (sub,) = budget(plan, None, None, [150_000_000])
    _provenance(plan, sub, 150_000_000, "Tabel 2.3", 176)
    _provenance(plan, sub, 150_000_000, "Bidang Ideologi", 262)
    assert findings(plan, "pagu.conflicting_sources") == []


def test_conflicting_pagu_that_differ_by_a_factor_say_so():
    plan = empty_plan()
    _, kegiatan, _ = budget(plan, None, 1_030_000, [1_030_000])
    _provenance(plan, kegiatan, 1_030_000, "A", 1)
    _provenance(plan, kegiatan, 1_030_000_000, "B", 2)
    assert one(plan, "pagu.conflicting_sources").values["cause"] == "faktor"


# --- one name, two budgets --------------------------------------------------------------------------------

DUP = "pagu.duplicate_name"
MONEV = "Pelaksanaan Monitoring, Evaluasi dan Pelaporan Di Bidang Pendidikan Politik"


def test_same_sub_kegiatan_name_with_two_budgets_is_a_warning():
    # Bangka: the politik monitoring sub kegiatan again, with 20,000,000 instead of 200,000,000.
    plan = empty_plan()
    _, _, (first, _) = budget(plan, None, None, [200_000_000, 20_000_000],
                              names=[MONEV, "Sub Kegiatan : 2. pelaksanaan monitoring evaluasi dan pelaporan di "
                                            "bidang pendidikan politik"])
    f = one(plan, DUP)
    assert f.severity == Severity.WARNING
    assert f.location.object_id == first.pk
    assert f.values == {"pagu": [200_000_000, 20_000_000]}


def test_same_name_same_budget_or_different_names_are_silent():
    plan = empty_plan()
    budget(plan, None, None, [5, 5], names=[MONEV, MONEV])
    budget(plan, None, None, [5, 6], names=[MONEV + " A", MONEV + " B"])
    assert findings(plan, DUP) == []


def test_a_program_summed_from_the_sub_kegiatan_points_at_the_kegiatan_that_does_not_add_up():
    # Bangka: kegiatan Perencanaan 46,530,000 (35,000,000 + 11,530,000) over sub kegiatan of 46,530,800; the
    # program, 2,720,900,248, was summed from the sub kegiatan: both differ by the same 800.
    plan = empty_plan()
    program = svc.program_create(rencana_aksi=plan, nama="Program Penunjang", pagu=46_530_800 + 1_000)
    k1 = svc.kegiatan_create(program=program, nama="Perencanaan", pagu=46_530_000)
    k2 = svc.kegiatan_create(program=program, nama="Keuangan", pagu=1_000)
    for name, pagu, k in (("Dokumen", 35_000_000, k1), ("Laporan", 11_530_800, k1), ("Gaji", 1_000, k2)):
        sub = svc.sub_kegiatan_create(kegiatan=k, nama=name, pagu=pagu)
        svc.aksi_create(sub_kegiatan=sub, uraian="A", nomor="1", keluaran="x", penanggung_jawab="PJ", bulan=[1])
    found = {f.location.object_type: f for f in findings(plan, ROLLUP)}
    assert found["kegiatan"].values["cause"] == "salah_ketik"
    assert found["program"].values == {"expected": 46_531_800, "actual": 46_531_000, "difference": 800,
                                       "children": 2, "cause": "selisih_anak"}
    assert "kegiatan Perencanaan" in found["program"].message
