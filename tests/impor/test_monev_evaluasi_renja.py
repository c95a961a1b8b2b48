"""The Permendagri 86/2017 "Evaluasi terhadap hasil Renja" table as a PD keeps it in Excel: merged header cells,
subtotals as =SUM() formulas (one counting a sub kegiatan twice, one missing a row), a "to date minus last quarter"
cell, a row the plan does not have. Realisasi go into the existing plan; totals are checked, never stored."""

from __future__ import annotations

from decimal import Decimal

import openpyxl
import pytest

from renaksi.core.angka import parse_angka
from renaksi.impor import realisasi
from renaksi.impor.dokumen import Teks
from renaksi.impor.grid import Place
from renaksi.impor.writer import ImporDitolak
from renaksi.monev import services as monev
from renaksi.monev.models import RealisasiAnggaran, RealisasiIndikator
from renaksi.perencanaan import services as svc
from renaksi.perencanaan.models import Indikator, Kegiatan, Sasaran, SubKegiatan
from tests.impor.conftest import run_cli, table_counts
from tests.impor.monev_workbooks import save_with_values

HEADER = [
    ("A5:A7", "No"), ("B5:B7", "Sasaran"),
    ("C5:C7", "Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan/Sub Kegiatan"),
    ("D5:D7", "Indikator Kinerja Program (outcome)/Kegiatan (output)"), ("E5:E7", "Satuan"),
    ("F5:G6", "Target Renstra PD pada Tahun 2026 (Akhir Periode Renstra PD)"),
    ("H5:I6", "Realisasi Capaian Kinerja Renstra PD sampai dengan Renja PD Tahun Lalu (2023)"),
    ("J5:K6", "Target Kinerja dan Anggaran Renja PD Tahun Berjalan (Tahun 2024) yang Dievaluasi"),
    ("L5:S5", "Realisasi Kinerja Pada Triwulan"),
    ("L6:M6", "I"), ("N6:O6", "II"), ("P6:Q6", "III"), ("R6:S6", "IV"),
    ("T5:U6", "Realisasi Capaian Kinerja dan Anggaran Renja PD yang Dievaluasi"),
    ("V5:W6", "Realisasi Kinerja dan Anggaran Renstra PD s/d Tahun 2024"),
    ("X5:Y6", "Tingkat Capaian Kinerja dan Realisasi Anggaran Renstra PD s/d Tahun 2024 (%)"),
    ("Z5:Z7", "Unit PD Penanggung Jawab"), ("AA5:AA7", "Keterangan"),
]


def workbook(*, pd: str = "Badan Kesatuan Bangsa dan Politik Kota Contoh", sd: bool = False) -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Evaluasi Renja"
    ws["A1"] = "EVALUASI TERHADAP HASIL RENJA PERANGKAT DAERAH LINGKUP KOTA"
    ws.merge_cells("A1:AA1")
    ws["A2"] = f"Renja Perangkat Daerah {pd}"
    ws["A3"] = "Periode Pelaksanaan: Tahun 2024"
    for cells, text in HEADER:
        ws[cells.split(":")[0]] = text.replace("Pada Triwulan", "s.d. Triwulan") if sd else text
        ws.merge_cells(cells)
    for col in range(6, 26):  # F..Y: K | Rp pairs
        ws.cell(row=7, column=col, value="K" if col % 2 == 0 else "Rp")
    for col in range(1, 28):
        ws.cell(row=8, column=col, value=col)
    rows = {
        9: ["1", "Meningkatnya partisipasi politik masyarakat", "Program Peningkatan Peran Partai Politik",
            "Persentase partisipasi pemilih", "Persen"],
        10: ["", "", "Kegiatan Perumusan Kebijakan Teknis Bidang Politik", "Jumlah laporan hasil fasilitasi",
             "Laporan"],
        11: ["", "", "Sub kegiatan uji 1"],
        12: ["", "", "Sub Kegiatan uji 2"],
        13: ["", "", "8.01.03.2.01.0003 Penguatan kerja sama lembaga"],
        14: ["", "", "Sub Kegiatan Pengadaan Drone Pemantau"],
        15: ["", "", "Jumlah"],
    }
    for r, values in rows.items():
        for c, v in enumerate(values, start=1):
            if v:
                ws.cell(row=r, column=c, value=v)
    ws.merge_cells("B9:B14")
    # K per triwulan of the program's indikator (L, N, P): a number, a text with comma decimal, a number.
    ws["J9"], ws["L9"], ws["N9"], ws["P9"] = 80, 20, "22,5", 30
    ws["L10"] = 3  # the kegiatan's indikator: not in the plan
    typed = {  # Rp in TW I (M), II (O), III (Q) of the sub kegiatan rows
        11: (5_000_000, 2_500_000, 1_000_000),
        12: (3_000_000, "=7000000-4000000", None),  # "to date minus last quarter"
        13: (1_000_000, 500_000, 700_000),
        14: (2_000_000, None, None),
    }
    if sd:  # the same spending written as amounts to date
        typed = {11: (5_000_000, 7_500_000, 8_500_000), 12: (3_000_000, 6_000_000, 6_000_000),
                 13: (1_000_000, 1_500_000, 2_200_000), 14: (2_000_000, 2_000_000, 2_000_000)}
    for r, amounts in typed.items():
        for col, v in zip("MOQ", amounts, strict=True):
            if v is not None:
                ws[f"{col}{r}"] = v
        ws[f"K{r}"] = 10_000_000
    for col in "KMOQ":
        ws[f"{col}10"] = f"=SUM({col}11:{col}14)"
        ws[f"{col}9"] = f"={col}10"
        ws[f"{col}15"] = f"={col}9"
    ws["O9"] = "=O10+O12"  # counts sub kegiatan 2 twice (O10 already holds it)
    ws["Q10"] = "=SUM(Q11:Q12)"  # misses rows 13 and 14
    return save_with_values(wb)


@pytest.fixture
def plan(world):
    plan = world.plan
    kegiatan = Kegiatan.objects.get(rencana_aksi=plan)
    svc.sub_kegiatan_create(kegiatan=kegiatan, nama="Penguatan Kerja Sama Lembaga Politik", kode="8.01.03.2.01.0003",
                            pagu=10_000_000)
    for tw in (1, 2, 3):
        monev.jendela_buka(pemda=world.pemda, tahun=plan.tahun, triwulan=tw)
    return plan


def _subs(plan) -> list[SubKegiatan]:
    return list(SubKegiatan.objects.filter(rencana_aksi=plan).order_by("pk"))


def test_realisasi_of_leaf_rows_stored_totals_checked(plan, world):
    parsed = realisasi.parse_realisasi(workbook(), "evaluasi-renja.xlsx")
    assert parsed.layout == "evaluasi_renja"
    result = realisasi.import_realisasi(parsed, rencana_aksi=plan, user=world.alice)

    iku = Indikator.objects.get(rencana_aksi=plan, is_iku=True)
    assert {(r.triwulan, r.nilai) for r in RealisasiIndikator.objects.filter(indikator=iku)} == {
        (1, Decimal("20")), (2, Decimal("22.5")), (3, Decimal("30"))}
    s1, s2, s3 = _subs(plan)
    assert {(r.sub_kegiatan_id, r.triwulan): r.jumlah for r in RealisasiAnggaran.objects.all()} == {
        (s1.pk, 1): 5_000_000, (s1.pk, 2): 2_500_000, (s1.pk, 3): 1_000_000,
        (s2.pk, 1): 3_000_000, (s2.pk, 2): 3_000_000,
        (s3.pk, 1): 1_000_000, (s3.pk, 2): 500_000, (s3.pk, 3): 700_000,
    }
    assert result.written == {"realisasi_indikator": 3, "realisasi_anggaran": 8, "evaluasi": 0}

    warnings = {(w.kode, w.place.baris, w.place.kolom): w.pesan for w in result.warnings}
    assert set(warnings) == {
        ("monev.tidak_cocok", 10, 4),  # the kegiatan's indikator
        ("monev.tidak_cocok", 14, 3),  # the drone sub kegiatan
        ("monev.jumlah_tidak_cocok", 9, 15),  # O9 = O10 + O12
        ("monev.jumlah_tidak_cocok", 10, 17),  # Q10 = SUM(Q11:Q12)
    }
    assert warnings[("monev.jumlah_tidak_cocok", 9, 15)] == (
        "Jumlah 'Program Peningkatan Peran Partai Politik' pada kolom Realisasi Kinerja Pada Triwulan / II / Rp "
        "tertulis Rp9.000.000, sedangkan jumlah 4 sub kegiatan di bawahnya Rp6.000.000 (selisih Rp3.000.000); "
        "rumus =O10+O12 menghitung baris 12 dua kali. Yang disimpan adalah nilai per sub kegiatan.")
    assert "rumus =SUM(Q11:Q12) tidak mencakup baris 13, 14" in warnings[("monev.jumlah_tidak_cocok", 10, 17)]
    assert "Pengadaan Drone Pemantau" in warnings[("monev.tidak_cocok", 14, 3)]
    decisions = {(d.kode, d.place.baris if d.place else None) for d in result.decisions}
    assert ("monev.kode_beda_nama", 13) in decisions  # matched by its kode, named otherwise in the plan


def test_columns_to_date_are_detected_and_turned_into_amounts_per_triwulan(plan, world):
    result = realisasi.import_realisasi(realisasi.parse_realisasi(workbook(sd=True), "sd.xlsx"),
                                        rencana_aksi=plan, user=world.alice)
    assert any(d.kode == "monev.anggaran_sd" for d in result.decisions)
    assert any(d.kode == "monev.kinerja_sd" for d in result.decisions)
    iku = Indikator.objects.get(rencana_aksi=plan, is_iku=True)  # kumulatif: achieved in each triwulan
    assert iku.akumulasi == "kumulatif"
    assert {(r.triwulan, r.nilai) for r in RealisasiIndikator.objects.filter(indikator=iku)} == {
        (1, Decimal("20")), (2, Decimal("2.5")), (3, Decimal("7.5"))}
    s1, s2, s3 = _subs(plan)
    assert {(r.sub_kegiatan_id, r.triwulan): r.jumlah for r in RealisasiAnggaran.objects.all()} == {
        (s1.pk, 1): 5_000_000, (s1.pk, 2): 2_500_000, (s1.pk, 3): 1_000_000,
        (s2.pk, 1): 3_000_000, (s2.pk, 2): 3_000_000, (s2.pk, 3): 0,
        (s3.pk, 1): 1_000_000, (s3.pk, 2): 500_000, (s3.pk, 3): 700_000,
    }


def test_closed_triwulan_refused_nothing_written(plan, world):
    monev.jendela_tutup(pemda=world.pemda, tahun=plan.tahun, triwulan=3)
    parsed = realisasi.parse_realisasi(workbook(), "evaluasi-renja.xlsx")
    before = table_counts()
    with pytest.raises(ImporDitolak, match=r"TW III 2024.*Tidak ada yang disimpan"):
        realisasi.import_realisasi(parsed, rencana_aksi=plan, user=world.alice)
    assert table_counts() == before


@pytest.mark.parametrize("pd", ["Dinas Kesehatan Kota Contoh", "Badan Kesatuan Bangsa dan Politik Kabupaten Lain"])
def test_workbook_of_another_pd_refused(plan, world, pd):
    parsed = realisasi.parse_realisasi(workbook(pd=pd), "evaluasi-renja.xlsx")
    before = table_counts()
    with pytest.raises(ImporDitolak, match="bukan"):
        realisasi.import_realisasi(parsed, rencana_aksi=plan, user=world.alice)
    assert table_counts() == before


def test_cli_finds_the_plan_from_the_title_and_dry_run_writes_nothing(plan, tmp_path):
    path = tmp_path / "evaluasi-renja.xlsx"
    path.write_bytes(workbook())
    before = table_counts()
    out = run_cli(str(path), "--dry-run", "--json")
    assert out["rencana_aksi"]["id"] == plan.pk and out["dry_run"] is True
    assert out["disimpan"]["realisasi_anggaran"] == 8
    assert [w["kode"] for w in out["warnings"]].count("monev.jumlah_tidak_cocok") == 2
    assert table_counts() == before


def test_merged_header_read_as_columns():
    from renaksi.impor.layouts import monev as layout
    from renaksi.impor.readers import read_grid

    grid = read_grid(workbook(), "e.xlsx")
    header = layout._find_header(grid.sheets[0])
    tw = {(k.tw, k.kind): c for c, k in header.kolom.items() if k.key == "tw"}
    assert tw == {(1, "k"): 11, (1, "rp"): 12, (2, "k"): 13, (2, "rp"): 14, (3, "k"): 15, (3, "rp"): 16,
                  (4, "k"): 17, (4, "rp"): 18}
    keys = {k.key for k in header.kolom.values()}
    assert keys >= {"no", "sasaran", "uraian", "indikator", "satuan", "target_renstra", "realisasi_renstra_lalu",
                    "target_renja", "realisasi_tahun", "realisasi_renstra", "capaian", "unit", "keterangan"}


def test_cli_refuses_a_closed_triwulan_with_exit_status_1(plan, world, tmp_path):
    from django.core.management.base import CommandError

    monev.jendela_tutup(pemda=world.pemda, tahun=plan.tahun, triwulan=2)
    path = tmp_path / "evaluasi-renja.xlsx"
    path.write_bytes(workbook())
    before = table_counts()
    with pytest.raises(CommandError, match="TW II 2024") as exc:
        run_cli(str(path), "--rencana-aksi", str(plan.pk))
    assert exc.value.returncode == 1
    assert table_counts() == before


def test_an_indikator_named_twice_is_told_apart_by_the_row_above_it_or_not_stored(plan):
    """The same name under two sub kegiatan: the workbook's row above picks one (a decision); without one that
    names either, nothing is stored (a warning). Two codes, so each is registered with its own kind."""
    sasaran = Sasaran.objects.filter(rencana_aksi=plan).first()
    kegiatan = Kegiatan.objects.get(rencana_aksi=plan)
    twins = [svc.indikator_create(sasaran=sasaran, nama="Jumlah laporan", satuan="dokumen") for _ in range(2)]
    for nama, ind in zip(("Sub Kegiatan Fasilitasi A", "Sub Kegiatan Fasilitasi B"), twins, strict=True):
        svc.sub_kegiatan_create(kegiatan=kegiatan, nama=nama, indikator=[ind])
    doc = realisasi.RealisasiDoc(dokumen="evaluasi-renja.xlsx")
    for baris, induk in ((20, "Sub Kegiatan Fasilitasi B"), (21, "Sub Kegiatan Lain")):
        place = Place("evaluasi-renja.xlsx", baris=baris, kolom=4)
        doc.indikator.append(realisasi.RealisasiIndikatorDoc(nama=Teks("Jumlah laporan", place), place=place,
                                                             induk=induk, realisasi=[parse_angka("3"), None, None, None]))

    values, decisions, warnings = realisasi.match(doc, plan)

    assert [(v.objek, v.triwulan, v.nilai) for v in values] == [(twins[1], 1, Decimal("3"))]
    assert [(d.kode, d.place.baris, d.pesan) for d in decisions] == [(
        "monev.nama_ganda_dibedakan", 20, "Indikator 'Jumlah laporan' ada 2 kali di rencana aksi; dipakai yang "
        "terkait dengan 'Sub Kegiatan Fasilitasi B'.")]
    assert [(w.kode, w.place.baris) for w in warnings] == [("monev.nama_ganda", 21)]
