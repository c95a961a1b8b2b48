"""The checker on the two seed documents: the findings a careful evaluator agrees with, and nothing else.

Each seed is imported (through the importer's api) and checked; the test lists every error and warning expected,
with its values, so that any new finding — right or absurd — has to be looked at and added here (and to
docs/pemeriksaan/contoh-seed.md) on purpose.
"""

import re
from collections import Counter
from decimal import Decimal as D
from pathlib import Path

import pytest

from renaksi.pemeriksaan.api import check_plan, summary
from tests.conftest import SEED_BANGKA, SEED_SAMARINDA

pytestmark = pytest.mark.django_db

DOC = Path(__file__).resolve().parents[2] / "docs" / "pemeriksaan" / "contoh-seed.md"


def _import(seed):
    from renaksi.impor.api import import_path

    return import_path(seed).rencana_aksi


def _check(seed):
    return check_plan(_import(seed))


def _by(findings, rule, label_part):
    found = [f for f in findings if f.rule == rule and label_part.casefold() in f.location.label.casefold()]
    assert len(found) == 1, (rule, label_part, [f.location.label for f in findings if f.rule == rule])
    return found[0]


def _documented_summary(seed_name):
    text = DOC.read_text()
    section = text[text.index(seed_name):]
    m = re.search(r"Ringkasan: (\d+) kesalahan, (\d+) peringatan, (\d+) catatan", section)
    return {"error": int(m[1]), "warning": int(m[2]), "info": int(m[3])}


def test_bangka(seeds_dir):
    findings = _check(SEED_BANGKA)
    serious = Counter((f.rule, str(f.severity)) for f in findings if f.severity != "info")
    assert serious == Counter({
        ("pagu.rollup_mismatch", "error"): 3,
        ("target.quarterly_mismatch", "error"): 5,
        ("target.constant_series_break", "error"): 1,
        ("pagu.duplicate_name", "warning"): 1,
        ("target.missing", "warning"): 1,
        ("sasaran.same_as_indikator", "warning"): 1,
        ("subkegiatan.without_aksi", "warning"): 1,
    })
    # Budget: the ideologi kegiatan (1,030,000.00) against its sub kegiatan (1,030,000,000.00), a factor 1000.
    f = _by(findings, "pagu.rollup_mismatch", "Perumusan Kebijakan Teknis dan pemantapan pelaksanaan Bidang ideologi")
    assert f.values == {"expected": 1_030_000, "actual": 1_030_000_000, "difference": -1_028_970_000,
                        "children": 1, "cause": "faktor", "factor": 1000}
    # Perencanaan: 35,000,000 + 11,530,000 (a slipped cell) against 35,000,000 + 11,530,800: one digit.
    f = _by(findings, "pagu.rollup_mismatch", "Perencanaan, Penganggaran, dan Evaluasi")
    assert (f.values["expected"], f.values["actual"], f.values["cause"]) == (46_530_000, 46_530_800, "salah_ketik")
    f = _by(findings, "pagu.rollup_mismatch", "Program Penunjang")
    assert (f.values["expected"], f.values["difference"], f.values["cause"]) == (2_720_900_248, 800, "selisih_anak")
    # Targets.
    quarterly = {f.location.label[:60]: f.values for f in findings if f.rule == "target.quarterly_mismatch"}
    assert {(v["tahunan"], tuple(v["triwulan"])) for v in quarterly.values()} == {
        (D(35), (0, 0, 35, 10)),  # pemilih pemula
        (D("36.00"), (0, 0, D("33.33"), 0)),  # satuan pendidikan menengah
        (D(1), (0, 0, 2, 0)),  # paket pakaian dinas
        (D(12), (2, 2, 2, 2)),  # laporan rapat koordinasi
        (D(12), (23, 23, 23, 23)),  # dokumen arsip dinamis
    }
    f = _by(findings, "target.constant_series_break", "gaji dan tunjangan")
    assert (f.values["triwulan_ke"], f.values["nilai"]) == (3, D(100))
    assert _by(findings, "target.missing", "Kewaspadaan Nasional").values == {
        "tahunan_kosong": False, "triwulan_kosong": [1, 2, 3, 4]}
    assert _by(findings, "pagu.duplicate_name", "Pelaksanaan Monitoring").values == {"pagu": [200_000_000, 20_000_000]}
    assert _by(findings, "sasaran.same_as_indikator", "Generasi Muda")
    assert _by(findings, "subkegiatan.without_aksi", "Rencana Aksi").values["sub_kegiatan"] == 25
    # Info: the AKIP category with 0 in TW I–III.
    infos = [f for f in findings if f.severity == "info"]
    assert [(f.rule, f.values) for f in infos] == [("target.type_mismatch", {"target": [1, 2, 3],
                                                                              "nilai": [0, 0, 0]})]
    # Correct rows stay silent: 4 × 16,20 against 64,78; 4 × 14,58 against 58,33; 6,25 × 4 for 25.
    labels = " ".join(f.location.label for f in findings)
    for silent in ("Profesionalitas ASN", "barang milik daerah yang dipelihara", "Nilai kinerja Perencanaan"):
        assert silent not in labels
    assert summary(findings) == _documented_summary("000_39d5d68d180aad9c.txt")


def test_samarinda(seeds_dir):
    plan = _import(SEED_SAMARINDA)
    findings = check_plan(plan)
    serious = Counter((f.rule, str(f.severity)) for f in findings if f.severity != "info")
    assert serious == Counter({
        ("pagu.conflicting_sources", "error"): 2,
        ("target.missing", "warning"): 4,
        ("subkegiatan.without_aksi", "warning"): 2,
        ("aksi.numbering", "warning"): 1,
    })
    f = _by(findings, "pagu.conflicting_sources", "Pembinaan terhadap Aktivitas Kepaskibrakaan")
    assert f.values == {"values": [150_000_000, 200_000_000], "stored": 150_000_000, "difference": 50_000_000}
    assert [s.tabel for s in f.location.sources][0] == "Tabel 2.3"
    f = _by(findings, "pagu.conflicting_sources", "Pembentukan Paskibraka")
    assert f.values == {"values": [1_850_000_000, 1_800_000_000], "stored": 1_850_000_000, "difference": 50_000_000}
    missing = [f for f in findings if f.rule == "target.missing"]
    assert all(f.values == {"tahunan_kosong": True, "triwulan_kosong": []} for f in missing)
    assert sorted(f.values["pagu"] for f in findings if f.rule == "subkegiatan.without_aksi") == [
        125_000_000, 263_500_000]
    assert _by(findings, "aksi.numbering", "Forum Koordinasi").values == {
        "nomor": [1, 2, 3, 7], "hilang": [4, 5, 6], "ganda": []}
    # The schedules the text copy lost: one info for the plan, not 50 warnings.
    (schedule,) = [f for f in findings if f.rule == "aksi.without_schedule"]
    assert schedule.severity == "info" and schedule.values == {"aksi": 50}
    # The budget adds up (Total Pagu Anggaran 59.059.304.998), Tabel 2.4 reconciles, PK = RA: all silent.
    assert not [f for f in findings if f.rule in ("pagu.rollup_mismatch", "target.quarterly_mismatch",
                                                  "pk.target_mismatch", "target.conflicting_sources")]
    assert summary(findings) == _documented_summary("003_a1ceddc45d39290c.txt")
    # An aksi added later in the editor without months is a person's omission, not the copy's: a warning.
    from renaksi.perencanaan import services as svc
    from renaksi.perencanaan.models import Aksi

    sub = Aksi.objects.filter(rencana_aksi=plan).order_by("pk").first().sub_kegiatan
    added = svc.aksi_create(sub_kegiatan=sub, uraian="Aksi tambahan", nomor="5", keluaran="Laporan",
                            penanggung_jawab="Kepala Bidang")
    schedule = sorted((str(f.severity), f.location.object_type, f.location.object_id, f.values)
                      for f in check_plan(plan) if f.rule == "aksi.without_schedule")
    assert schedule == [("info", "rencanaaksi", plan.pk, {"aksi": 50}), ("warning", "aksi", added.pk, {"aksi": 1})]
