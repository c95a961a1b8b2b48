"""Tables are found by their headers and header synonyms, never by line numbers."""

from __future__ import annotations

import pytest

from renaksi.impor.grid import Grid, Row, Sheet
from renaksi.impor.tabel import PeranKolom, find_tables, role_of, tw_label


def grid_of(text: str) -> Grid:
    rows = [Row(line.split("\t"), n) for n, line in enumerate(text.split("\n"), start=1)]
    return Grid("uji.txt", "teks", [Sheet("Teks", rows)])


@pytest.mark.parametrize("header, role", [
    ("INDIKATOR KINERJA", PeranKolom.INDIKATOR), ("Indikator Kinerja Sasaran Utama", PeranKolom.INDIKATOR),
    ("ANGGARAN", PeranKolom.PAGU), ("Pagu Anggaran", PeranKolom.PAGU), ("Pagu (Rp)", PeranKolom.PAGU),
    ("Target/ Satuan", PeranKolom.TARGET), ("Target Tahunan", PeranKolom.TARGET), ("TRIWULAN", PeranKolom.TRIWULAN),
    ("Target Triwulan", PeranKolom.TRIWULAN), ("Kegiatan/Sub Kegiatan", PeranKolom.KEGIATAN_SUB),
    ("SUB KEGIATAN", PeranKolom.SUB_KEGIATAN), ("AKSI/KEGIATAN", PeranKolom.AKSI), ("OUTPUT/KELUARAN", PeranKolom.OUTPUT),
    ("Sasaran Strategis", PeranKolom.SASARAN), ("Formulasi", PeranKolom.FORMULASI), ("No", PeranKolom.NO),
    ("Meningkatnya Pemahaman Ideologi Pancasila dan Karakter Kebangsaan di masyarakat luas", None),
])
def test_header_synonyms(header, role):
    assert role_of(header) == role


@pytest.mark.parametrize("label, tw", [("I", 1), ("IV", 4), ("Triw II", 2), ("TW 3", 3), ("Triwulan IV", 4),
                                       ("3", None), ("Jan", None)])
def test_quarter_labels(label, tw):
    assert tw_label(label) == tw


def test_quarter_columns_from_a_sub_header_and_yearly_target_kept():
    grid = grid_of("NO\tSASARAN\tINDIKATOR\tTarget Tahunan\tTarget Triwulan\t\t\t\n"
                   "\t\t\t\tI\tII\tIII\tIV\n1\t2\t3\t4\t5\t6\t7\t8\n1\tS\tInd\t80\t10\t20\t30\t20")
    [tabel] = find_tables(grid, grid.sheets[0])
    assert tabel.tw == [4, 5, 6, 7] and tabel.col(PeranKolom.TARGET) == 3
    assert [r.number for r in tabel.rows] == [4]  # the row of column numbers is not data


def test_target_heading_the_quarters_is_not_a_yearly_target():
    grid = grid_of("No\tSASARAN STRATEGIS\tINDIKATOR KINERJA\tTARGET\t\t\t\n\t\t\tTriw I\tTriw II\tTriw III\tTriw IV\n"
                   "1\tS\tInd\t25%\t25%\t25%\t25%")
    [tabel] = find_tables(grid, grid.sheets[0])
    assert tabel.tw == [3, 4, 5, 6] and tabel.col(PeranKolom.TARGET) is None


def test_months_under_the_schedule_are_months_not_quarters():
    months = "\t".join(["Jan", "Feb", "Mrt", "Apr", "Mei", "Jun", "Jul", "Agt", "Sep", "Okt", "Nop", "Des"])
    grid = grid_of("No\tAKSI/KEGIATAN\tJADWAL PELAKSANAAN" + "\t" * 12 + "OUTPUT\tSUB KEGIATAN\tPAGU ANGGARAN\n"
                   "\t\tTriw I\t\t\tTriw II\t\t\tTriw III\t\t\tTriw IV\t\t\t\t\t\n\t\t" + months + "\t\t\t\n"
                   "1\tRapat" + "\t" * 13 + "Notulen\tSub A\t1.000.000")
    [tabel] = find_tables(grid, grid.sheets[0])
    assert tabel.bulan == list(range(2, 14)) and tabel.tw == [None] * 4


def test_table_continues_after_a_page_header_and_a_repeated_header():
    header = "NO\tProgram\tKegiatan/Sub Kegiatan\tPagu Anggaran"
    grid = grid_of(f"Tabel 2.3\n{header}\n1\tProgram A\tKegiatan : K\t10\n\nPEMERINTAH KOTA X\nJalan Y No. 1\n"
                   f"{header}\n\t\t2. Sub B\t5\nTotal\t\t\t10")
    [tabel] = find_tables(grid, grid.sheets[0])
    assert tabel.judul == "Tabel 2.3"
    assert [r.number for r in tabel.rows] == [3, 8, 9]
    assert tabel.decisions[0].kode == "tabel.lanjutan" and "5–6" in tabel.decisions[0].pesan


def test_repeated_header_restarting_at_one_starts_a_new_table():
    header = "No\tAKSI/KEGIATAN\tOUTPUT/KELUARAN\tSUB KEGIATAN\tPAGU ANGGARAN"
    grid = grid_of(f"{header}\n1\tA\tX\tSub 1\t10\n2\tB\tY\t\t\n\n{header}\n1\tC\tZ\tSub 2\t20")
    tables = find_tables(grid, grid.sheets[0])
    assert [[r.number for r in t.rows] for t in tables] == [[2, 3], [6]]


def test_a_paragraph_ends_the_table():
    grid = grid_of("NO\tSASARAN\tINDIKATOR\tTARGET\n1\tS\tI\t5\nSamarinda, 2 Januari 2024\n2\tT\tJ\t6")
    [tabel] = find_tables(grid, grid.sheets[0])
    assert [r.number for r in tabel.rows] == [2]


MATRIKS = "NO\tSASARAN\tINDIKATOR\tTARGET\tPROGRAM\tKEGIATAN\tANGGARAN"


def test_a_parts_heading_inside_a_table_does_not_end_it():
    """Renaksi's own matrix heads each part with one cell across the table ("A. Sasaran Strategis"): a row of the
    table, although alone it reads like a paragraph."""
    grid = grid_of(f"{MATRIKS}\nA. Sasaran Strategis\n1\tS\tI\t5\tProgram P\t\t10\n"
                   f"B. Sasaran Program\n1\tT\tJ\t6\t\tKegiatan K\t10\nB. Penutup\nDemikian rencana aksi ini.")
    [tabel] = find_tables(grid, grid.sheets[0])
    assert [r.number for r in tabel.rows] == [2, 3, 4, 5]  # "B. Penutup" before prose: the table has ended


def test_a_parts_heading_at_the_foot_of_a_page_continues_the_table_after_the_repeated_header():
    grid = grid_of(f"{MATRIKS}\nA. Sasaran Strategis\n1\tS\tI\t5\tProgram P\t\t10\nB. Sasaran Program\n\n"
                   f"{MATRIKS}\n1\tT\tJ\t6\t\tKegiatan K\t10")
    [tabel] = find_tables(grid, grid.sheets[0])
    assert [r.number for r in tabel.rows] == [2, 3, 4, 7]


def test_quarters_and_months_named_in_the_header_row():
    months = "\t".join(["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
                        "Oktober", "November", "Desember"])
    grid = grid_of(f"NO\tIndikator\tTW I\tTW II\tTW III\tTW IV\n1\tA\t1\t2\t3\t4\n\n"
                   f"No\tAksi\t{months}\tOutput\tSub Kegiatan\n1\tRapat\tx" + "\t" * 12 + "Notulen\tSub")
    first, second = find_tables(grid, grid.sheets[0])
    assert first.tw == [2, 3, 4, 5]
    assert second.bulan == list(range(2, 14)) and second.col(PeranKolom.OUTPUT) == 14
