"""A number, a NIP or a signature block is never a program, kegiatan, sub kegiatan or aksi (`nama.bukan_nama`)."""

from __future__ import annotations

import pytest

from renaksi.impor import api
from renaksi.impor.penjaga import alasan_bukan_nama

from .test_cakupan import BULANAN, TITLE


@pytest.mark.parametrize("teks", ["1", "2.", "6.1", "a.", "IV", "1.250.000.000", "NIP. 19700101 199503 1 002",
                                  "197001011995031002", "Kepala Dinas Perhubungan", "Plt. Kepala Badan Kesatuan",
                                  "Pembina Utama Muda", "Pembina Tingkat I (IV/b)", "BUDI SANTOSO, S.T."])
def test_not_a_name(teks):
    assert alasan_bukan_nama(teks)


@pytest.mark.parametrize("teks", ["Program Penyelenggaraan Lalu Lintas", "Penyediaan Gaji dan Tunjangan ASN",
                                  "Rapat Interen", "Kegiatan Perumusan Kebijakan Teknis", "Pembinaan Ormas",
                                  "Penatausahaan Keuangan"])
def test_a_name(teks):
    assert alasan_bukan_nama(teks) is None


def test_signature_block_typed_in_the_table_is_no_program():
    parsed = api.parse_document(BULANAN.encode(), "bulanan.txt")
    assert [p.nama.teks for p in parsed.dokumen.program] == ["Program Penyelenggaraan Lalu Lintas"]
    assert parsed.dokumen.program[0].pagu.nilai == 1_250_000_000  # the amount on the program's own row
    refused = [w for w in parsed.warnings if w.kode == "nama.bukan_nama"]
    assert [w.place.baris for w in refused] == [9, 10]


def test_program_names_in_a_numbering_column_are_refused_and_their_amounts_listed():
    doc = (TITLE + "NO\tSASARAN\tINDIKATOR KINERJA\tSATUAN\tTARGET\n"
           "1\tMeningkatnya keselamatan lalu lintas\tPersentase penurunan kecelakaan\tPersen\t12\n\n"
           "NO\tPROGRAM\tANGGARAN\n"
           "\t1\t1.250.000.000\n\t2\t750.000.000\n")
    parsed = api.parse_document(doc.encode(), "nomor.txt")
    assert parsed.dokumen.program == []
    assert {w.pesan.split("'")[1] for w in parsed.warnings if w.kode == "nama.bukan_nama"} == {"1", "2"}
    unplaced = {u["teks"] for u in parsed.cakupan.as_json()["tidak_ditempatkan"]}
    assert unplaced == {"1.250.000.000", "750.000.000"}


def test_numbers_read_as_indikator_names_are_refused():
    """A program table whose header is not recognised continues the indikator table: its amounts are no indikator."""
    doc = (TITLE + "NO\tSASARAN\tINDIKATOR KINERJA\tSATUAN\tTARGET\n"
           "1\tMeningkatnya keselamatan lalu lintas\tPersentase penurunan kecelakaan\tPersen\t12\n\n"
           "PROGRAM\tURAIAN\tANGGARAN\n1\tProgram Penyelenggaraan Lalu Lintas\t1.250.000.000\n")
    parsed = api.parse_document(doc.encode(), "uraian.txt")
    names = [i.nama.teks for i in parsed.dokumen.all_indikator()]
    assert "1.250.000.000" not in names
    assert "1.250.000.000" in {u["teks"] for u in parsed.cakupan.as_json()["tidak_ditempatkan"]}
