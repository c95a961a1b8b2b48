"""Kabupaten Bangka's stacked matrix, imported through the CLI and checked against the document itself.

Every number below is read off `000_39d5d68d180aad9c.txt` (line numbers given), not off the importer's output.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.contrib.contenttypes.models import ContentType

from renaksi.perencanaan.models import (
    Indikator,
    Kegiatan,
    Program,
    Provenance,
    RencanaAksi,
    Sasaran,
    SubKegiatan,
)
from tests.conftest import SEED_BANGKA
from tests.helpers import rolled_back

from .conftest import run_cli

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def result(django_db_setup, django_db_blocker):
    with rolled_back(django_db_blocker):
        yield run_cli(str(SEED_BANGKA), "--json")


@pytest.fixture
def plan(result) -> RencanaAksi:
    return RencanaAksi.objects.get(pk=result["rencana_aksi"]["id"])


# Section A (lines 7–12): the programs and their ANGGARAN, as written.
PROGRAMS = [
    ("Program Penguatan Ideologi Pancasila dan Karakter Kebangsaan", 1_030_000),
    ("Program Pembinaan dan Pengembangan Ketahanan Ekonomi, Sosial, dan Budaya", 165_000_000),
    ("Program Peningkatan Kewaspadaan Nasional dan Peningkatan Kualitas dan Fasilitasi Penanganan Konflik Sosial",
     125_000_000),
    ("Program Peningkatan Peran Partai Politik dan Lembaga Pendidikan Melalui Pendidikan Politik dan Pengembangan "
     "Etika Serta Budaya Politik", 27_144_383_200),
    ("Program Pemberdayaan dan Pengawasan Organisasi Kemasyarakatan", 20_000_000),
    ("Program Penunjang Urusan Pemerintahan Daerah", 2_720_900_248),
]
# Section B (lines 13–27): kegiatan and the program each belongs to (by its nomenclature), with the pagu.
# Perencanaan has two pagu cells (line 20: 35,000,000.00; line 21, one column right: 11,530,000.00).
KEGIATAN = [
    ("Perumusan Kebijakan Teknis dan pemantapan pelaksanaan Bidang ideologi", 0, 1_030_000),
    ("Perumusan Kebijakan Teknis Dan Pemantapan Pelaksanaan Bidang Pendidikan Politik", 3, 27_144_383_200),
    ("Perumusan Kebijakan Teknis dan Pemantapan Pelaksanaan Bidang Pemberdayaan", 4, 20_000_000),
    ("Perumusan Kebijakan Teknis Dan Pemantapan Pelaksanaan Bidang Ketahanan", 1, 165_000_000),
    ("Perumusan Kebijakan Teknis dan Pelaksanaan Pemantapan Kewaspadaan", 2, 125_000_000),
    ("Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", 5, 35_000_000 + 11_530_000),
    ("Administrasi Keuangan Perangkat Daerah", 5, 1_830_807_540),
    ("Administrasi Kepegawaian Perangkat Daerah", 5, 29_750_000),
    ("Administrasi Umum Perangkat Daerah", 5, 130_693_199),
    ("Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah", 5, 406_714_853),
    ("Pengadaan Barang Milik Daerah Penunjang Urusan Pemerintah Daerah", 5, 163_634_450),
    ("Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah", 5, 112_769_406),
]
# Section C (lines 28–55): sub kegiatan, the kegiatan (index in KEGIATAN) each belongs to, and the pagu.
SUB_KEGIATAN = [
    ("Pelaksanaan Kebijakan di Bidang Ideologi Wawasan Kebangsaan", 0, 1_030_000_000),
    ("Pelaksanaan Kebijakan Di Bidang Pendidikan Politik", 1, 26_944_383_200),
    ("Pelaksanaan Monitoring, Evaluasi dan Pelaporan Di Bidang Pendidikan Politik", 1, 200_000_000),
    ("Pelaksanaan Monitoring, Evaluasi dan Pelaporan Di Bidang Pendidikan Politik", 2, 20_000_000),
    ("Pelaksanaan Kebijakan di Bidang Ketahanan Ekonomi", 3, 165_000_000),
    ("Pelaksanaan Monitoring, Evaluasi dan Pelaporan di Bidang Kewaspadaan Dini", 4, 40_000_000),
    ("Pelaksanaan Forum Koordinasi Pimpinan Daerah Kabupaten/Kota", 4, 85_000_000),
    ("Penyusunan Dokumen Perencanaan Perangkat Daerah", 5, 35_000_000),
    ("Koordinasi dan Penyusunan Laporan Capaian Kinerja", 5, 11_530_800),
    ("Penyediaan Gaji dan Tunjangan ASN", 6, 1_800_807_540),
    ("Pelaksanaan Penatausahaan dan Pengujian/Verifikasi Keuangan SKPD", 6, 15_000_000),
    ("Koordinasi dan Penyusunan Laporan Keuangan Bulanan", 6, 15_000_000),
    ("Pengadaan Pakaian Dinas Beserta Atribut Kelengkapannya", 7, 9_750_000),
    ("Pendidikan dan Pelatihan Pegawai Berdasarkan Tugas dan Fungsi", 7, 20_000_000),
    ("Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD", 8, 87_122_387),
    ("Penatausahaan Arsip Dinamis pada SKPD", 8, 21_785_406),
    ("Dukungan Pelaksanaan Sistem Pemerintahan Berbasis Elektronik pada SKPD", 8, 21_785_406),
    ("Penyediaan Jasa Surat Menyurat", 9, 305_449_188),
    ("Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik", 9, 52_914_853),
    ("Penyediaan Jasa Pelayanan Umum Kantor", 9, 48_350_812),
    ("Pengadaan Mebel", 10, 49_488_660),
    ("Pengadaan Peralatan dan Mesin Lainnya", 10, 114_145_790),
    ("Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan, Pajak, dan Perizinan Kendaraan", 11, 80_249_406),
    ("Pemeliharaan Peralatan dan Mesin Lainnya", 11, 7_370_000),
    ("Pemeliharaan/ Rehabilitasi Gedung Kantor dan Bangunan Lainnya", 11, 25_150_000),
]
# Every indikator row (line, start of the name, yearly target, TW I–IV) as written in the document.
TARGETS = [
    (7, "Persentase Potensi Konflik Sosial yang terjad", "80", ("0", "0", "0", "80")),
    (10, "Persentase Tingkat Partisipasi Masyarakat dal", "70", ("0", "0", "0", "70")),
    (12, "Hasil Evaluasi AKIP Perangkat Daerah", "B (67,34)", ("0", "0", "0", "B (67,34)")),
    (13, "Persentase Unsur Masyarakat yang mendapatkan ", "80", ("10", "10", "10", "50")),
    (14, "Persentase Parpol yang diberikan pembinaan po", "100", ("0", "0", "100", "0")),
    (15, "Persentase pemilih pemula disatukan pendidika", "35", ("0", "0", "35", "10")),
    (16, "Persentase Ormas yang aktif", "100", ("0", "0", "100", "0")),
    (17, "Persentase Kebijakan Ketahanan Ekonomi, Sosia", "100", ("0", "0", "100", "0")),
    (19, "Persentase Cakupan Penanganan Konflik Sosial", "80", ("0", "0", "40", "40")),
    (20, "Nilai kinerja Perencanaan Badan Kesbangpol", "25", ("6.25", "6.25", "6.25", "6.25")),
    (21, "Nilai Kinerja Pelaporan Badan Kesbangpol", "11", ("2.75", "2.75", "2.75", "2.75")),
    (22, "Persentase temuan pengelolaan keuangan Perang", "0", ("0.00", "0.00", "0.00", "0.00")),
    (23, "Indeks Profesionalitas ASN Perangkat Daerah", "64.78", ("16.20", "16.20", "16.20", "16.20")),
    (24, "Indeks Kepuasan Pelayanan Jasa Internal Peran", "3", ("0.00", "0.00", "0.00", "3.00")),
    (26, "Persentase BMD Perangkat Daerah dalam Kondisi", "100", ("50.00", "0.00", "50.00", "0.00")),
    (28, "Meningkatnya Peran Serta Generasi Muda dalam ", "100", ("10", "10", "10", "70")),
    (29, "Persentase Verifikasi Bantuan Hibah Parpol da", "100", ("0", "0", "100", "0")),
    (31, "Persentase Satuan Pendidikan Menengah yang si", "36.00", ("0", "0", "33.33", "0")),
    (32, "Persentase Organisasi Kemasyarakatan yang dib", "33,33", ("0", "0", "33.33", "0")),
    (33, "Persentase Kebijakan Stabilitas Ketahanan Eko", "100", ("0", "0", "100", "0")),
    (34, "Persentase Kebijakan Kewaspadaan Nasional dan", "100", ("", "", "", "")),
    (35, "Persentase cakupan desa/kelurahan yang dilaku", "12.35", ("0", "12.35", "0", "0")),
    (36, "Persentase Perencanaan Kinerja yang disusun S", "100", ("25", "25", "25", "25")),
    (37, "Persentase pelaporan kinerja yang disusun ses", "100", ("25", "25", "25", "25")),
    (38, "Persentase Laporan Keuangan Perangkat Daerah ", "100", ("25", "25", "25", "25")),
    (42, "Persentase Pegawai yang Mengenakan Atribut Le", "100%", ("25", "25", "25", "25")),
    (43, "Persentase Pegawai yang Mendapatkan Layanan K", "100%", ("25", "25", "25", "25")),
    (44, "Persentase Pegawai yang mengikuti pendidikan ", "43.48%", ("0", "0", "43.48", "0")),
    (45, "Persentase layanan administrasi umum di peran", "100", ("25", "25", "25", "25")),
    (48, "Persentase Pemenuhan Layanan Jasa Penunjang d", "100", ("25", "25", "25", "25")),
    (51, "Persentase penambahan aset perangkat daerah", "27.08", ("27.08", "0", "0", "0")),
    (53, "Persentase barang milik daerah yang dipelihar", "58.33", ("14.58", "14.58", "14.58", "14.58")),
    (57, "Jumlah Orang yang Mengikuti Pelaksanaan Kebij", "60", ("0", "30", "30", "0")),
    (58, "Jumlah Orang yang Mengikuti Pelaksanaan Kebij", "207,440.00", ("0", "0", "207,440.00", "0")),
    (59, "Jumlah Laporan Hasil Monitoring, Evaluasi dan", "1", ("0", "0", "0", "1")),
    (60, "Jumlah Orang yang Mengikuti Pelaksanaan Kebij", "40", ("0", "0", "40", "0")),
    (61, "Jumlah Orang yang Mengikuti Pelaksanaan Kebij", "30 (1 Forum)", ("0", "0", "30 (1 Forum)", "0")),
    (63, "Jumlah Laporan Hasil Monitoring, Evaluasi dan", "3", ("0", "0", "0", "3")),
    (64, "Jumlah Dokumen Hasil Pelaksanaan Forum Koordi", "1", ("0", "0", "0", "1")),
    (65, "Jumlah dokumen perencanaan kinerja yang disus", "8", ("2", "3", "2", "1")),
    (66, "Jumlah dokumen pelaporan kinerja yang disusun", "12", ("3", "3", "3", "3")),
    (67, "Jumlah layanan pembayaran gaji dan tunjangan ", "18", ("18", "18", "100", "18")),
    (68, "Jumlah Dokumen Penatausahaan dan Pengujian/Ve", "12", ("3", "3", "3", "3")),
    (69, "Jumlah Laporan Keuangan Bulanan/ Triwulanan/ ", "42", ("4", "14", "12", "12")),
    (70, "Jumlah paket pakaian dinas beserta atribut ke", "1", ("0", "0", "2", "0")),
    (71, "Jumlah Pegawai Berdasarkan Tugas dan Fungsi y", "7", ("0", "0", "0", "7")),
    (72, "Jumlah Laporan Penyelenggaraan Rapat Koordina", "12", ("2", "2", "2", "2")),
    (73, "Jumlah Dokumen Penatausahaan Arsip Dinamis pa", "12", ("23", "23", "23", "23")),
    (76, "Jumlah Dokumen Dukungan Pelaksanaan Sistem Pe", "12", ("3", "3", "3", "3")),
    (77, "Jumlah Laporan Penyediaan Jasa Surat Menyurat", "12", ("3", "3", "3", "3")),
    (78, "Jumlah Laporan Penyediaan Jasa Komunikasi, Su", "12", ("3", "3", "3", "3")),
    (79, "Jumlah Laporan Penyediaan Jasa Pelayanan Umum", "12", ("3", "3", "3", "3")),
    (80, "Jumlah Paket Mebel yang Disediakan", "1", ("1", "0", "0", "0")),
    (81, "Jumlah Unit Peralatan dan Mesin Lainnya yang ", "6", ("2", "0", "4", "0")),
    (82, "Jumlah Kendaraan Dinas Operasional atau Lapan", "7", ("0", "1", "1", "5")),
    (83, "Jumlah Peralatan dan Mesin Lainnya yang Dipel", "10", ("0", "0", "5", "5")),
    (84, "Jumlah Gedung Kantor dan Bangunan Lainnya yan", "1", ("0", "0", "0", "1")),
]


def test_plan_identity_from_the_title(result):
    assert result["rencana_aksi"]["tahun"] == 2024
    assert result["rencana_aksi"]["perangkat_daerah"] == "Badan Kesatuan Bangsa dan Politik"
    assert result["rencana_aksi"]["pemda"] == "Kabupaten Bangka"
    assert result["dry_run"] is False


def test_counts(result):
    # 3 + 10 + 16 + 25 sasaran and 3 + 12 + 17 + 25 indikator in sections A–D; 25 sub kegiatan in section C.
    assert result["counts"] == {"sasaran": 54, "indikator": 57, "program": 6, "kegiatan": 12, "sub_kegiatan": 25,
                                "aksi": 0, "pejabat": 0}


def test_pagu_sums(result):
    assert result["pagu"] == {
        "program": sum(p for _n, p in PROGRAMS),
        "kegiatan": sum(p for _n, _i, p in KEGIATAN),
        "sub_kegiatan": sum(p for _n, _i, p in SUB_KEGIATAN),
    }
    assert result["pagu"]["program"] == 30_176_313_448


def test_every_program_with_its_pagu(plan):
    programs = list(Program.objects.filter(rencana_aksi=plan).order_by("urutan"))
    assert [(p.nama, p.pagu) for p in programs] == PROGRAMS


def test_every_kegiatan_under_its_program_with_its_pagu(plan):
    programs = list(Program.objects.filter(rencana_aksi=plan).order_by("urutan"))
    kegiatan = list(Kegiatan.objects.filter(rencana_aksi=plan).order_by("program__urutan", "urutan"))
    by_name = {k.nama: k for k in kegiatan}
    assert len(kegiatan) == len(KEGIATAN)
    for start, program_index, pagu in KEGIATAN:
        found = [k for name, k in by_name.items() if name.startswith(start)]
        assert len(found) == 1, start
        assert found[0].pagu == pagu, start
        assert found[0].program_id == programs[program_index].pk, start


def test_every_sub_kegiatan_under_its_kegiatan_with_its_pagu(plan):
    kegiatan = {k.pk: k.nama for k in Kegiatan.objects.filter(rencana_aksi=plan)}
    subs = list(SubKegiatan.objects.filter(rencana_aksi=plan).order_by("kegiatan__program__urutan",
                                                                        "kegiatan__urutan", "urutan"))
    ordered = [(s.nama, s.pagu, kegiatan[s.kegiatan_id]) for s in subs]
    expected_order = sorted(SUB_KEGIATAN, key=lambda x: _kegiatan_order(x[1]))
    assert len(ordered) == 25
    for (nama, pagu, parent), (start, k_index, expected_pagu) in zip(ordered, expected_order, strict=True):
        assert nama.startswith(start)
        assert pagu == expected_pagu
        assert parent.startswith(KEGIATAN[k_index][0])


def _kegiatan_order(index: int) -> tuple[int, int]:
    program_order = [0, 3, 4, 1, 2, 5, 5, 5, 5, 5, 5, 5]  # program of each kegiatan, in the order of PROGRAMS
    return program_order[index], index


def test_every_yearly_and_quarterly_target_as_written(plan):
    indikator = list(Indikator.objects.filter(rencana_aksi=plan).order_by("pk").prefetch_related("target"))
    assert len(indikator) == len(TARGETS)
    for ind, (line, start, yearly, quarters) in zip(indikator, TARGETS, strict=True):
        assert ind.nama.startswith(start.strip()), line
        targets = {t.triwulan: t for t in ind.target.all()}
        assert targets[None].teks == yearly, line
        assert tuple(targets[tw].teks for tw in (1, 2, 3, 4)) == quarters, line


def test_special_target_values(plan):
    def target(line_start: str, triwulan=None):
        ind = Indikator.objects.get(rencana_aksi=plan, nama__startswith=line_start)
        return ind.target.get(triwulan=triwulan)

    akip = target("Hasil Evaluasi AKIP")
    assert (akip.kategori, akip.nilai) == ("B", Decimal("67.34"))
    assert target("Hasil Evaluasi AKIP", 4).kategori == "B"
    assert Indikator.objects.get(rencana_aksi=plan, nama__startswith="Hasil Evaluasi AKIP").jenis_target == "kategori"
    assert target("Jumlah Orang yang Mengikuti Pelaksanaan Kebijakan di Bidang Pendidikan").nilai == Decimal("207440")
    forum = target("Jumlah Orang yang Mengikuti Pelaksanaan Kebijakan di Bidang Ketahanan")
    assert (forum.nilai, forum.teks) == (Decimal(30), "30 (1 Forum)")
    assert target("Persentase Pegawai yang Mengenakan Atribut").nilai == Decimal(100)
    assert target("Persentase Pegawai yang mengikuti pendidikan").nilai == Decimal("43.48")
    assert target("Persentase Organisasi Kemasyarakatan yang dibina").nilai == Decimal("33.33")
    assert target("Indeks Profesionalitas ASN", 1).nilai == Decimal("16.20")
    assert target("Indeks Profesionalitas ASN", 1).desimal == 2


def test_empty_quarters_stay_empty(plan):
    """Section C row 5 (line 34) has no quarterly targets: NULL, not zero."""
    ind = Indikator.objects.get(rencana_aksi=plan, nama__startswith="Persentase Kebijakan Kewaspadaan Nasional")
    quarters = ind.target.exclude(triwulan=None)
    assert quarters.count() == 4
    assert all(t.nilai is None and t.teks == "" for t in quarters)
    assert ind.target.get(triwulan=None).nilai == Decimal(100)


def test_sasaran_levels_and_parents(plan):
    levels = {lvl: Sasaran.objects.filter(rencana_aksi=plan, level=lvl).count()
              for lvl in ("strategis", "program", "kegiatan", "sub_kegiatan")}
    assert levels == {"strategis": 3, "program": 10, "kegiatan": 16, "sub_kegiatan": 25}
    ideologi = Sasaran.objects.get(rencana_aksi=plan, level="program",
                                   uraian__startswith="Meningkatnya Pemahaman Ideologi")
    assert ideologi.parent.uraian == "Menurunnya Potensi Konflik Sosial di Masyarakat"
    paskibraka = Sasaran.objects.get(rencana_aksi=plan, level="sub_kegiatan", nomor="1")
    assert paskibraka.parent.uraian.startswith("Meningkatnya Peran Serta Generasi Muda")


def test_section_d_outputs_are_the_sub_kegiatan_indicators(plan):
    gaji = SubKegiatan.objects.get(rencana_aksi=plan, nama="Penyediaan Gaji dan Tunjangan ASN")
    names = set(gaji.indikator.values_list("nama", flat=True))
    assert "Jumlah layanan pembayaran gaji dan tunjangan ASN yang tertangani" in names
    assert "Persentase Laporan Keuangan Perangkat Daerah yang sesuai standar" in names


def test_programs_serve_the_indicator_of_their_row(plan):
    program = Program.objects.get(rencana_aksi=plan, nama__startswith="Program Pemberdayaan")
    assert list(program.indikator.values_list("nama", flat=True)) == [
        "Persentase Tingkat Partisipasi Masyarakat dalam Pemilu/Pemilukada"]


def test_inferred_polarity_and_accumulation(plan):
    temuan = Indikator.objects.get(rencana_aksi=plan, nama__startswith="Persentase temuan")
    assert (temuan.polaritas, temuan.polaritas_disimpulkan) == ("negatif", True)
    asn = Indikator.objects.get(rencana_aksi=plan, nama__startswith="Indeks Profesionalitas ASN")
    assert asn.akumulasi == "kumulatif" and asn.akumulasi_disimpulkan  # 4 × 16.20 against 64.78
    assert "kumulatif" in asn.alasan_inferensi
    perencanaan = Indikator.objects.get(rencana_aksi=plan, nama__startswith="Nilai kinerja Perencanaan")
    assert perencanaan.akumulasi == "kumulatif"  # 4 × 6.25 = 25


def test_provenance_of_pagu_names_the_place(plan):
    ct = ContentType.objects.get_for_model(SubKegiatan)
    sub = SubKegiatan.objects.get(rencana_aksi=plan, nama__startswith="Pelaksanaan Kebijakan di Bidang Ideologi")
    prov = Provenance.objects.get(content_type=ct, object_id=sub.pk, field="pagu")
    # Line 28: the pagu stands one column right of ANGGARAN (column 14 instead of 13).
    assert (prov.teks, prov.nilai, prov.baris, prov.kolom) == ("1,030,000,000.00", Decimal(1_030_000_000), 28, "14")
    kegiatan = Kegiatan.objects.get(rencana_aksi=plan, nama__startswith="Perencanaan, Penganggaran")
    parts = Provenance.objects.filter(content_type=ContentType.objects.get_for_model(Kegiatan),
                                      object_id=kegiatan.pk, field="pagu_bagian").order_by("baris")
    assert [(p.teks, p.baris) for p in parts] == [("35,000,000.00", 20), ("11,530,000.00", 21)]
    assert Provenance.objects.filter(rencana_aksi=plan, field="pagu").count() == 6 + 12 + 25


def test_detached_penanggung_jawab_is_a_warning_not_a_guess(result, plan):
    warning = next(w for w in result["warnings"] if w["kode"] == "pj.terlepas")
    assert "27 jabatan" in warning["pesan"]
    assert "KABID WASNAS DAN PENANGANAN KONFLIK" in warning["pesan"]  # lines 112–113 joined
    assert warning["baris"] == 92
    assert not Indikator.objects.filter(rencana_aksi=plan).exclude(penanggung_jawab="").exists()


def test_decisions_listed(result):
    kinds = [d["kode"] for d in result["decisions"]]
    assert kinds.count("pagu.geser_kolom") == 3  # lines 21, 28, 29
    assert "pagu.sel_gabungan" in kinds
    assert kinds.count("tautan.induk") == 2
    assert "tautan.keluaran" in kinds
    assert "tanggal.tanpa_hari" in kinds
    assert kinds.count("kolom.keterangan") == 2  # the remarks in the PROGRAM column of lines 65–66
    shifted = [d for d in result["decisions"] if d["kode"] == "pagu.geser_kolom"]
    assert [d["baris"] for d in shifted] == [21, 28, 29]
    # The source number is quoted exactly as written, as every import message quotes source text.
    assert all(d["pesan"].startswith("Nilai '") and "' tertulis " in d["pesan"] for d in shifted), shifted
    combined = next(d for d in result["decisions"] if d["kode"] == "pagu.sel_gabungan")
    assert "46.530.000" in combined["pesan"] and "2.720.900.248" in combined["pesan"]


def test_place_and_date_of_signing(plan):
    assert plan.tempat == "Sungailiat"
    assert plan.tanggal is None  # "Januari 2024" has no day
