"""Title, signature blocks and cells: the pieces every layout reads the same way."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from renaksi.impor.dokumen import RencanaAksiDoc
from renaksi.impor.grid import Place, Row
from renaksi.impor.layouts.umum import baca_nilai, baca_uang
from renaksi.impor.naskah.judul import baca_judul
from renaksi.impor.naskah.tanda_tangan import baca_tanda_tangan, nama_inti
from renaksi.impor.teks import nama_anggaran, pisah_kode


def rows_of(*lines: str) -> list[Row]:
    return [Row([line], n) for n, line in enumerate(lines, start=1)]


def place_of(row: Row) -> Place:
    return Place("uji.txt", baris=row.number)


@pytest.mark.parametrize("lines, pd, jenis, nama, tahun", [
    (["RENCANA AKSI BADAN KESATUAN BANGSA DAN POLITIK KABUPATEN BANGKA TAHUN 2024"],
     "Badan Kesatuan Bangsa dan Politik", "kabupaten", "Bangka", 2024),
    (["", "BADAN KESATUAN BANGSA DAN POLITIK KOTA SAMARINDA", "RENCANA AKSI", "TAHUN 2025",
      "RENCANA AKSI TAHUN 2025"], "Badan Kesatuan Bangsa dan Politik", "kota", "Samarinda", 2025),
    (["**DINAS KESEHATAN", "PROVINSI KALIMANTAN TIMUR**", "Rencana Aksi Tahun 2023"], "Dinas Kesehatan",
     "provinsi", "Kalimantan Timur", 2023),
])
def test_title(lines, pd, jenis, nama, tahun):
    judul = baca_judul([(t, Place("uji.txt", baris=i)) for i, t in enumerate(lines, start=1)])
    assert (judul.perangkat_daerah.teks, judul.pemda_jenis, judul.pemda_nama, judul.tahun) == (pd, jenis, nama, tahun)


def test_the_plan_title_is_a_cover_line_never_a_sentence():
    """The RA document's cover prints a plan's own title; its foreword names the plan in a sentence."""
    cover = ["PEMERINTAH KOTA ASAL", "RENCANA AKSI", "Rencana Aksi Dinas Kesehatan 2024", "TAHUN 2024",
             "DINAS KESEHATAN", "KOTA ASAL"]
    sentence = "dokumen Rencana Aksi Dinas Kesehatan Kota Asal Tahun 2024 dapat diselesaikan."
    judul = baca_judul([(t, Place("ra.pdf", baris=i)) for i, t in enumerate(cover, start=1)])
    assert (judul.judul.teks, judul.tahun) == ("Rencana Aksi Dinas Kesehatan 2024", 2024)
    judul = baca_judul([(t, Place("ra.pdf", baris=i)) for i, t in enumerate([*cover[:2], *cover[3:], sentence])])
    assert judul.judul.teks == "TAHUN 2024"  # not the sentence: the importer then gives the default title


@pytest.mark.parametrize("text, kode, nama", [
    ("1.02.01 Program Penunjang Urusan Pemerintahan", "1.02.01", "Program Penunjang Urusan Pemerintahan"),
    ("1.02.01.2.02.0001 Penyediaan Gaji", "1.02.01.2.02.0001", "Penyediaan Gaji"),
    ("2.1 Rapat koordinasi", "", "2.1 Rapat koordinasi"),  # a row number, not a code
    ("Program Tanpa Kode", "", "Program Tanpa Kode"),
])
def test_a_code_glued_to_a_name_is_split_off(text, kode, nama):
    assert pisah_kode(text) == (kode, nama)


@pytest.mark.parametrize("text, nama", [
    ("Kegiatan : Kegiatan Penyediaan Layanan", "Kegiatan Penyediaan Layanan"),  # the label was the colon's
    ("Kegiatan Penyediaan Layanan", "Penyediaan Layanan"),  # a label word without colon, as tables write it
    ("Sub Kegiatan : 1. 1.02.02.2.02.0001 Sub Pengelolaan Gizi", "Sub Pengelolaan Gizi"),
])
def test_budget_names_lose_their_label_once(text, nama):
    assert nama_anggaran(text, "kegiatan") == nama


def test_signature_of_an_acting_head_with_rank_and_nip():
    doc = RencanaAksiDoc("uji.txt")
    rows = rows_of("Samarinda, 2 Januari 2024", "Plt. Kabid. Ideologi, Wasbang Dan", "Karakter Bangsa", "", "",
                   "MIFTAHURRIZQA,SE", "Pembina (IV/a)", "NIP. 19720710 199803 1 012", "", "RENCANA AKSI")
    block = baca_tanda_tangan(doc, rows, 0, place_of)
    p = block.pejabat
    assert (block.tempat, block.tanggal) == ("Samarinda", dt.date(2024, 1, 2))
    assert (p.nama.teks, p.jabatan.teks, p.status) == ("MIFTAHURRIZQA,SE", "Kabid. Ideologi, Wasbang Dan Karakter "
                                                       "Bangsa", "plt")
    assert (p.pangkat, p.golongan, p.nip) == ("Pembina", "IV/a", "197207101998031012")
    assert p.nip_teks.place.baris == 8 and block.last_index == 7


def test_signature_with_nip_without_spaces_and_no_rank():
    doc = RencanaAksiDoc("uji.txt")
    rows = rows_of("Samarinda, 2 Januari 2024", "Kepala Kewaspadaan Nasional", "", "",
                   "ROKHMAT WAHYUDIS, Sos.M.Si.", "NIP. 196801301994031009")
    p = baca_tanda_tangan(doc, rows, 0, place_of).pejabat
    assert (p.nama.teks, p.nip, p.pangkat) == ("ROKHMAT WAHYUDIS, Sos.M.Si.", "196801301994031009", "")


def test_signature_without_name_is_a_warning():
    doc = RencanaAksiDoc("uji.txt")
    rows = rows_of("Sungailiat, Januari 2024", "Kepala Badan Kesatuan", "Bangsa dan Politik", "", "",
                   "PENANGGUNG JAWAB", "SEKRETARIS")
    block = baca_tanda_tangan(doc, rows, 0, place_of)
    assert block.pejabat is None and block.tanggal is None
    assert block.jabatan.teks == "Kepala Badan Kesatuan Bangsa dan Politik"


def test_invalid_nip_is_reported_not_stored():
    doc = RencanaAksiDoc("uji.txt")
    rows = rows_of("Samarinda, 2 Januari 2024", "Kepala Bidang", "", "BUDI, S.E.", "NIP. 19691399 199103 2 004")
    p = baca_tanda_tangan(doc, rows, 0, place_of).pejabat
    assert p.nip == "" and doc.warnings[0].kode == "pejabat.nip_tidak_sah"


def test_same_official_with_titles_written_differently():
    assert nama_inti("SUCIPTO, S.Pd, M.Si.") == nama_inti("SUCIPTO, S.Pd.M.Si.")
    assert nama_inti("Hj. SRI REPELITA, S.Sos, M.Si") == "sri repelita"


@pytest.mark.parametrize("text, nilai, kategori", [
    ("29,17%", Decimal("29.17"), ""), ("B (67,34)", Decimal("67.34"), "B"), ("207,440.00", Decimal("207440.00"), ""),
    ("30 (1 Forum)", Decimal(30), ""), ("", None, ""), ("-", None, ""),
])
def test_target_cells(text, nilai, kategori):
    doc = RencanaAksiDoc("uji.txt")
    cell = baca_nilai(doc, text, Place("uji.txt"))
    assert (cell.angka.nilai, cell.angka.kategori, cell.angka.teks) == (nilai, kategori, text)


def test_target_text_that_is_no_number_is_kept_as_text_and_warned():
    doc = RencanaAksiDoc("uji.txt")
    cell = baca_nilai(doc, "sesuai kebutuhan", Place("uji.txt", baris=3))
    assert cell.angka.nilai is None and cell.angka.teks == "sesuai kebutuhan"
    assert doc.warnings[0].place.baris == 3


def test_ambiguous_separator_is_a_decision():
    doc = RencanaAksiDoc("uji.txt")
    assert baca_nilai(doc, "1.500", Place("uji.txt")).angka.nilai == Decimal(1500)
    assert doc.decisions[0].kode == "angka.pemisah"


@pytest.mark.parametrize("text, nilai", [("1,030,000.00", 1_030_000), ("53.943.679.550", 53_943_679_550),
                                         ("Rp 2.718.270.000", 2_718_270_000), ("", None)])
def test_money_cells(text, nilai):
    uang = baca_uang(RencanaAksiDoc("uji.txt"), text, Place("uji.txt"))
    assert (uang.nilai if uang else None) == nilai
