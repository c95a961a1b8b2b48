"""A text copy of a PDF (`pdftotext -layout`: columns aligned with spaces, no TABs) reads as tables (issue 19):
column boundaries from the aligned gaps, a wrapped cell joined, a long header and rows of mostly empty cells kept
as tables, page breaks (form feeds) and page numbers left out."""

from __future__ import annotations

import shutil
import subprocess
from decimal import Decimal

import pytest

from renaksi.impor import api
from renaksi.impor.readers import read_grid
from tests.conftest import SEED_BANGKA, SEED_SAMARINDA
from tests.impor.korpus.baca import baca
from tests.impor.korpus.dokumen import BULAN_SINGKAT, laporan, rencana
from tests.impor.korpus.tulis import to_pdf
from tests.impor.pdf_corpus import seed_to_pdf

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils (pdftotext) is not installed")


def pdftotext(pdf: bytes, tmp_path) -> bytes:
    path = tmp_path / "salinan.pdf"
    path.write_bytes(pdf)
    subprocess.run(["pdftotext", "-layout", str(path), str(tmp_path / "salinan.txt")], check=True)
    return (tmp_path / "salinan.txt").read_bytes()


def test_text_copy_of_a_corpus_pdf_imports_to_the_same_plan(tmp_path):
    """Merged sasaran and sub kegiatan cells, "a." numbering, wrapped program names, a schedule of "x" under short
    month names (under long ones pdftotext shifts the names right of their marks), a signature below."""
    pdf = to_pdf(laporan(tw="Triwulan I", numbering="a.", merge=True, bulan=BULAN_SINGKAT))
    text = pdftotext(pdf, tmp_path)
    assert b"\t" not in text and b"\f" in text  # aligned with spaces, pages apart by form feeds
    parsed = api.parse_document(text, "salinan.txt")
    assert parsed.layout == "laporan"
    assert baca(parsed.dokumen) == rencana()
    assert parsed.cakupan.as_json()["tidak_ditempatkan"] == []


SEJAJAR = """RENCANA AKSI DINAS PERHUBUNGAN KOTA CONTOH TAHUN 2024

NO   SASARAN                        INDIKATOR KINERJA SASARAN     SATUAN    TARGET    TW I    TW II    TW III    TW IV
                                    STRATEGIS YANG DIUKUR SETIAP  TAHUNAN
                                    TRIWULAN
1.   Meningkatnya keselamatan       Persentase penurunan angka    Persen    12                           6        12
     lalu lintas                    kecelakaan
2.   Meningkatnya kualitas          Indeks kepuasan penumpang     Indeks    80                                    80
     layanan angkutan
                                                  3
\f
NO   SASARAN                        INDIKATOR KINERJA SASARAN     SATUAN    TARGET    TW I    TW II    TW III    TW IV
                                    STRATEGIS YANG DIUKUR SETIAP  TAHUNAN
                                    TRIWULAN
3.   Meningkatnya tertib parkir     Jumlah titik parkir tertib    Titik     40        10      20       30        40

NO   PROGRAM                                                 ANGGARAN (Rp)
1.   Program Penyelenggaraan Lalu Lintas dan Angkutan        1.250.000.000
     Jalan
"""


def test_wrapped_header_sentence_and_empty_cells_read_as_a_table():
    grid = read_grid(SEJAJAR.encode(), "sejajar.txt")
    rows = [r.cells for r in grid.sheets[0].rows if not r.is_blank]
    assert rows[1] == ["NO", "SASARAN", "INDIKATOR KINERJA SASARAN STRATEGIS YANG DIUKUR SETIAP TRIWULAN",
                       "SATUAN TAHUNAN", "TARGET", "TW I", "TW II", "TW III", "TW IV"]
    assert rows[2] == ["1.", "Meningkatnya keselamatan lalu lintas", "Persentase penurunan angka kecelakaan",
                       "Persen", "12", "", "", "6", "12"]
    assert rows[3] == ["2.", "Meningkatnya kualitas layanan angkutan", "Indeks kepuasan penumpang", "Indeks", "80",
                       "", "", "", "80"]
    assert not any("3" in r for r in rows)  # the page number


def test_aligned_copy_imports_every_number_across_the_page_break():
    parsed = api.parse_document(SEJAJAR.encode(), "sejajar.txt")
    targets = [(i.nama.teks, i.target.angka.nilai, [t.angka.nilai if t else None for t in i.triwulan])
               for i in parsed.dokumen.all_indikator()]
    assert targets == [
        ("Persentase penurunan angka kecelakaan", Decimal(12), [None, None, Decimal(6), Decimal(12)]),
        ("Indeks kepuasan penumpang", Decimal(80), [None, None, None, Decimal(80)]),
        ("Jumlah titik parkir tertib", Decimal(40), [Decimal(10), Decimal(20), Decimal(30), Decimal(40)]),
    ]
    [program] = parsed.dokumen.program
    assert (program.nama.teks, program.pagu.nilai) == (
        "Program Penyelenggaraan Lalu Lintas dan Angkutan Jalan", 1_250_000_000)
    assert parsed.cakupan.as_json()["tidak_ditempatkan"] == []


@pytest.mark.parametrize("seed", [SEED_BANGKA, SEED_SAMARINDA], ids=["bangka", "samarinda"])
def test_text_copy_of_a_seed_pdf_is_read_as_tables_and_what_is_not_placed_is_listed(tmp_path, seed):
    """Not refused as "no table": the seeds' wide matrices lose some columns to pdftotext's squeezing, and every
    number not placed is listed with its place (so `--strict` refuses rather than store a partial plan)."""
    parsed = api.parse_document(pdftotext(seed_to_pdf(seed), tmp_path), "salinan.txt")
    cakupan = parsed.cakupan.as_json()
    assert parsed.dokumen.counts()["indikator"] == 57 if seed == SEED_BANGKA else 9
    assert cakupan["ditempatkan"] + cakupan["diabaikan"] + len(cakupan["tidak_ditempatkan"]) == cakupan["angka"]
