"""The DOCX reader on documents built here with python-docx: paragraphs and table rows in document order."""

from __future__ import annotations

import io

import pytest
from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.table import _Cell

from renaksi.impor.grid import ImporGagal
from renaksi.impor.readers.docx import read_docx


def docx_bytes(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def rows_of(grid) -> list[list[str]]:
    return [row.cells for row in grid.sheets[0].rows]


def test_paragraphs_and_tables_in_document_order():
    document = Document()
    document.add_paragraph("RENCANA AKSI TAHUN 2024")
    table = document.add_table(rows=2, cols=3)
    for r, values in enumerate([["NO", "SASARAN", "PAGU"], ["1", "Keamanan", "1,030,000.00"]]):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    document.add_paragraph("")
    document.add_paragraph("Samarinda, 2 Januari 2024")
    grid = read_docx(docx_bytes(document), "ra.docx")
    assert grid.format == "docx" and len(grid.sheets) == 1
    assert rows_of(grid) == [
        ["RENCANA AKSI TAHUN 2024"], ["NO", "SASARAN", "PAGU"], ["1", "Keamanan", "1,030,000.00"], [],
        ["Samarinda, 2 Januari 2024"],
    ]
    assert [row.number for row in grid.sheets[0].rows] == [1, 2, 3, 4, 5]


def test_horizontal_and_vertical_merges_give_the_text_once():
    document = Document()
    table = document.add_table(rows=4, cols=4)
    table.cell(0, 0).text = "NO"
    head = table.cell(0, 1).merge(table.cell(0, 3))  # "TRIWULAN" over three columns
    head.text = "TRIWULAN"
    merged = table.cell(1, 0).merge(table.cell(3, 0))  # "1" down three rows
    merged.text = "1"
    block = table.cell(1, 1).merge(table.cell(2, 2))  # a 2×2 block
    block.text = "blok"
    table.cell(1, 3).text = "a"
    table.cell(3, 3).text = "z"
    grid = read_docx(docx_bytes(document), "gabung.docx")
    assert rows_of(grid) == [
        ["NO", "TRIWULAN"],
        ["1", "blok", "", "a"],
        [],  # every cell of this row continues a merge from above: all empty (trailing empties dropped)
        ["", "", "", "z"],
    ]


def test_nested_text_is_joined_with_spaces():
    document = Document()
    table = document.add_table(rows=1, cols=2)
    cell = table.cell(0, 0)
    cell.text = "Kepala Bidang"
    cell.add_paragraph("  Politik Dalam Negeri ")
    inner = cell.add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "Pembina"
    inner.cell(0, 1).text = "(IV/a)"
    table.cell(0, 1).text = "baris satu\nbaris dua"  # python-docx writes the newline as a line break
    grid = read_docx(docx_bytes(document), "nested.docx")
    assert rows_of(grid) == [["Kepala Bidang Politik Dalam Negeri Pembina (IV/a)", "baris satu\nbaris dua"]]


def test_a_line_break_in_a_paragraph_starts_a_new_row():
    document = Document()
    paragraph = document.add_paragraph("Kepala Badan Kesatuan")
    paragraph.add_run().add_break()
    paragraph.add_run("Bangsa dan Politik")
    grid = read_docx(docx_bytes(document), "ttd.docx")
    assert rows_of(grid) == [["Kepala Badan Kesatuan"], ["Bangsa dan Politik"]]


def test_an_indented_paragraph_after_a_tab_row_is_its_wrapped_first_cell():
    """A program name typed in a TAB-separated paragraph and wrapped onto an indented paragraph is one cell; an
    indented paragraph after a plain paragraph, or a TAB row after a TAB row, stays a row of its own."""
    d = Document()
    for text in ["Program\tAnggaran", "1. Program Lalu Lintas dan\tRp. 1.250.000.000", "    Angkutan Jalan",
                 "2. Program Angkutan Umum\tRp. 750.000.000", "Catatan", "    menjorok"]:
        d.add_paragraph(text)
    grid = read_docx(docx_bytes(d), "p.docx")
    assert rows_of(grid) == [["Program", "Anggaran"], ["1. Program Lalu Lintas dan Angkutan Jalan", "Rp. 1.250.000.000"],
                             ["2. Program Angkutan Umum", "Rp. 750.000.000"], ["Catatan"], ["    menjorok"]]
    assert [(c.kode, c.place.baris) for c in grid.decisions] == [("sel.sambung", 2)]


def _tab_rows_around(line: str) -> list[list[str]]:
    d = Document()
    for text in ["Program\tAnggaran", "1. Program Lalu Lintas dan\tRp. 1.250.000.000", line,
                 "2. Program Angkutan Umum\tRp. 750.000.000"]:
        d.add_paragraph(text)
    return rows_of(read_docx(docx_bytes(d), "p.docx"))


def test_a_wrapped_line_without_indent_between_two_tab_rows_is_the_name_of_the_first():
    """Word wraps a long program name and the typist ends the line there: "Angkutan Jalan" starts at the margin,
    holds no TAB and no amount, and the next program's TAB row follows — it is the first program's name."""
    assert _tab_rows_around("Angkutan Jalan") == [
        ["Program", "Anggaran"], ["1. Program Lalu Lintas dan Angkutan Jalan", "Rp. 1.250.000.000"],
        ["2. Program Angkutan Umum", "Rp. 750.000.000"]]  # fmt: skip


@pytest.mark.parametrize("line", [
    "PROGRAM PENUNJANG",  # a heading in capitals
    "Tabel 2 Program pendukung",  # a caption
    "Kegiatan pendukung",  # a level's label starts a new item
    "Rincian program berikutnya:",  # a sentence introducing what follows
    "Anggaran bersumber dari APBD.",
    "Kepala Dinas Perhubungan",  # a signature block: jabatan, pangkat, NIP, name, place and date
    "Pembina Utama Muda",
    "NIP. 19700101 199503 1 002",
    "BUDI SANTOSO, S.T.",
    "Kota Contoh, 2 Januari 2024",
    "Jumlah",  # a total
    "Sub Total",
    "Angkutan Jalan Rp 250.000.000",  # an amount
    "2",  # a number
])  # fmt: skip
def test_a_line_between_tab_rows_that_is_not_a_wrapped_name_stays_a_row(line):
    rows = _tab_rows_around(line)
    assert rows[1] == ["1. Program Lalu Lintas dan", "Rp. 1.250.000.000"]
    assert [line] in rows or [line.strip()] in rows


def test_a_line_after_the_last_tab_row_stays_a_row():
    """A line without indent is joined only when another TAB row follows it (else it may be anything)."""
    d = Document()
    for text in ["Program\tAnggaran", "1. Program Lalu Lintas dan\tRp. 1.250.000.000", "Angkutan Jalan"]:
        d.add_paragraph(text)
    assert rows_of(read_docx(docx_bytes(d), "p.docx"))[1:] == [
        ["1. Program Lalu Lintas dan", "Rp. 1.250.000.000"], ["Angkutan Jalan"]]  # fmt: skip


def test_tracked_deletions_are_not_read_and_insertions_are():
    document = Document()
    p = document.add_paragraph("Pagu ")
    deleted = OxmlElement("w:del")
    run = OxmlElement("w:r")
    del_text = OxmlElement("w:delText")
    del_text.text = "999"
    run.append(del_text)
    deleted.append(run)
    p._p.append(deleted)
    inserted = OxmlElement("w:ins")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1.000"
    run.append(text)
    inserted.append(run)
    p._p.append(inserted)
    grid = read_docx(docx_bytes(document), "revisi.docx")
    assert rows_of(grid) == [["Pagu 1.000"]]


def test_grid_before_leaves_leading_cells_empty():
    document = Document()
    table = document.add_table(rows=1, cols=3)
    row = table.rows[0]
    tr_pr = row._tr.get_or_add_trPr()
    grid_before = OxmlElement("w:gridBefore")
    grid_before.set(qn("w:val"), "1")
    tr_pr.insert(0, grid_before)
    first, second, third = row._tr.tc_lst
    first.getparent().remove(first)  # the row now starts in the second grid column
    _Cell(second, table).text = "b"
    _Cell(third, table).text = "c"
    grid = read_docx(docx_bytes(document), "geser.docx")
    assert rows_of(grid) == [["", "b", "c"]]


def test_a_cell_of_10000_characters_is_refused_naming_table_row_and_column():
    document = Document()
    document.add_paragraph("judul")
    table = document.add_table(rows=2, cols=2)
    table.cell(1, 1).text = "b" * 10_000
    with pytest.raises(ImporGagal) as info:
        read_docx(docx_bytes(document), "panjang.docx")
    message = str(info.value)
    assert "sel baris 2 kolom 2 pada tabel 1 berisi 10.000 karakter" in message
    assert info.value.place.tabel == "tabel 1" and info.value.place.kolom == 2


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", "berkas kosong"),
        (PNG, "sebenarnya gambar PNG yang diberi nama 'ra.docx', bukan Word (.docx)"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504, "format lama Word 97–2003 (.doc)"),
        ("Rencana Aksi – “2024”".encode("cp1252"), "berisi teks biasa, bukan Word (.docx)"),
    ],
)
def test_bad_input_gets_a_clear_indonesian_message(data, expected):
    with pytest.raises(ImporGagal) as info:
        read_docx(data, "ra.docx")
    assert expected in str(info.value)


def test_truncated_docx_and_an_xlsx_renamed_docx():
    data = docx_bytes(Document())
    with pytest.raises(ImporGagal, match="rusak atau terpotong"):
        read_docx(data[: len(data) // 2], "potong.docx")
    from openpyxl import Workbook

    buffer = io.BytesIO()
    Workbook().save(buffer)
    with pytest.raises(ImporGagal, match=r"adalah Excel \(.xlsx\), bukan Word \(.docx\)"):
        read_docx(buffer.getvalue(), "salah.docx")
