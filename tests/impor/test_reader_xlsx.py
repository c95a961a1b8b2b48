"""The XLSX reader on workbooks built here with openpyxl: what a person sees in Excel is what the Grid holds."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from decimal import Decimal

import pytest
from openpyxl import Workbook

from renaksi.impor.grid import ImporGagal
from renaksi.impor.readers.xlsx import format_decimals, number_text, read_xlsx


def xlsx_bytes(wb: Workbook) -> bytes:
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def rows_of(grid, sheet: int = 0) -> list[list[str]]:
    return [row.cells for row in grid.sheets[sheet].rows]


def test_merged_cells_keep_value_top_left_and_leave_the_rest_empty():
    wb = Workbook()
    ws = wb.active
    ws.title = "Renaksi"
    ws["A1"], ws["B1"], ws["F1"] = "NO", "TRIWULAN", "PROGRAM"
    ws.merge_cells("B1:E1")
    ws["A2"] = "1"
    ws.merge_cells("A2:A4")  # a vertical merge: the number applies to the rows below
    ws["B2"], ws["B3"], ws["B4"] = "a", "b", "c"
    grid = read_xlsx(xlsx_bytes(wb), "rencana.xlsx")
    assert grid.format == "xlsx" and grid.dokumen == "rencana.xlsx"
    assert rows_of(grid) == [["NO", "TRIWULAN", "", "", "", "PROGRAM"], ["1", "a"], ["", "b"], ["", "c"]]
    assert [row.number for row in grid.sheets[0].rows] == [1, 2, 3, 4]


def test_several_sheets_in_order_with_their_names_and_excel_row_numbers():
    wb = Workbook()
    wb.active.title = "Tabel 2.3"
    wb.active["A1"] = "satu"
    second = wb.create_sheet("Tabel 2.4")
    second["B3"] = "tiga"
    grid = read_xlsx(xlsx_bytes(wb), "dua.xlsx")
    assert [s.name for s in grid.sheets] == ["Tabel 2.3", "Tabel 2.4"]
    assert rows_of(grid, 1) == [[], [], ["", "tiga"]]  # blank rows are kept, so row 3 stays row 3
    assert grid.sheets[1].rows[2].number == 3
    assert grid.place(grid.sheets[1], grid.sheets[1].rows[2], 1).describe() == (
        "berkas dua.xlsx, lembar 'Tabel 2.4', baris 3, kolom 2"
    )


def test_numbers_as_numbers_become_plain_text_and_numbers_as_text_stay_as_written():
    wb = Workbook()
    ws = wb.active
    ws.append([1030000, "1,030,000.00", "53.943.679.550", "33,33", "B (67,34)", "30 (1 Forum)"])
    ws.append([16.2, 0.2917, 2718270000.0, Decimal("64.78"), 0.1 + 0.2, 12.5])
    ws["A2"].number_format = "0.00"  # a target written 16,20 keeps its two decimals
    ws["B2"].number_format = "0.00%"  # Excel stores 29,17 % as 0.2917
    ws["C2"].number_format = "#,##0"  # grouping is display only
    ws.append([dt.date(2024, 1, 2), dt.datetime(2024, 1, 2, 0, 0), dt.datetime(2024, 1, 2, 9, 30), True, -5])
    grid = read_xlsx(xlsx_bytes(wb), "angka.xlsx")
    assert rows_of(grid) == [
        ["1030000", "1,030,000.00", "53.943.679.550", "33,33", "B (67,34)", "30 (1 Forum)"],
        ["16.20", "29.17%", "2718270000", "64.78", "0.3", "12.5"],
        ["2024-01-02", "2024-01-02", "2024-01-02 09:30:00", "TRUE", "-5"],
    ]


@pytest.mark.parametrize(
    ("value", "number_format", "text"),
    [
        (80, "General", "80"),
        (80.0, "General", "80"),
        (6.25, "General", "6.25"),
        (16.2, "#,##0.00", "16.20"),
        (16.234, "0.0", "16.234"),  # the format rounds on screen; the value keeps its digits
        (1, "0%", "100%"),
        (0.05, '0.0"%"', "0.05"),  # a literal % in quotes is text, not a percentage format
        (1e-05, "General", "0.00001"),
        (1.5e16, "General", "15000000000000000"),
        (Decimal("1.500"), "0.000", "1.500"),
    ],
)
def test_number_text(value, number_format, text):
    assert number_text(value, number_format) == text


def test_format_decimals():
    assert format_decimals("General") == 0
    assert format_decimals("#,##0") == 0
    assert format_decimals("#,##0.00;[Red]-#,##0.00") == 2
    assert format_decimals('_-* #,##0.000_-;"Rp"') == 3
    assert format_decimals("0.##") == 0


def test_formula_with_a_saved_value_gives_the_value(tmp_path):
    # openpyxl never calculates; write the cached value into the sheet XML as Excel would.
    wb = Workbook()
    ws = wb.active
    ws["C5"], ws["C6"], ws["C7"] = 1, 2, "=SUM(C5:C6)"
    data = xlsx_bytes(wb)
    patched = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(patched, "w") as dst:
        for item in src.infolist():
            content = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                content = content.replace(b"<f>SUM(C5:C6)</f><v></v>", b"<f>SUM(C5:C6)</f><v>3</v>")
                content = content.replace(b"<f>SUM(C5:C6)</f><v />", b"<f>SUM(C5:C6)</f><v>3</v>")
                assert b"<v>3</v>" in content
            dst.writestr(item, content)
    grid = read_xlsx(patched.getvalue(), "rumus.xlsx")
    assert rows_of(grid)[6] == ["", "", "3"]


def test_formula_without_a_saved_value_names_the_cell():
    wb = Workbook()
    ws = wb.active
    ws.title = "Anggaran"
    ws["C5"], ws["C6"], ws["C7"] = 1, 2, "=SUM(C5:C6)"
    with pytest.raises(ImporGagal) as info:
        read_xlsx(xlsx_bytes(wb), "rumus.xlsx")
    message = str(info.value)
    assert "sel C7 berisi rumus =SUM(C5:C6)" in message
    assert "simpan sebagai nilai" in message
    assert "lembar 'Anggaran'" in message and "baris 7" in message and "kolom 3" in message


def test_a_cell_of_10000_characters_is_refused_naming_the_cell():
    wb = Workbook()
    wb.active.title = "Aksi"
    wb.active["B4"] = "a" * 10_000
    with pytest.raises(ImporGagal) as info:
        read_xlsx(xlsx_bytes(wb), "panjang.xlsx")
    assert "sel B4 berisi 10.000 karakter; paling banyak 5.000" in str(info.value)
    assert info.value.place.sheet == "Aksi" and info.value.place.baris == 4 and info.value.place.kolom == 2


def test_too_many_rows_and_columns():
    wb = Workbook()
    wb.active["A20001"] = "x"
    with pytest.raises(ImporGagal, match="paling banyak 20000 baris"):
        read_xlsx(xlsx_bytes(wb), "baris.xlsx")
    wb = Workbook()
    wb.active.cell(row=1, column=201, value="x")
    with pytest.raises(ImporGagal, match="sampai kolom GS; paling banyak 200 kolom"):
        read_xlsx(xlsx_bytes(wb), "kolom.xlsx")


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", "berkas kosong"),
        (PNG, "sebenarnya gambar PNG yang diberi nama 'rencana.xlsx'"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "sebenarnya gambar JPEG"),
        (b"%PDF-1.7\n", "sebenarnya dokumen PDF"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504, "format lama Excel 97–2003 (.xls) atau dilindungi kata sandi"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptionInfo".encode("utf-16-le") + b"\x00" * 400,
         "dilindungi kata sandi (terenkripsi)"),
        ("NO\tSASARAN\tPAGU\n1\tKeamanan\t1.000.000\n".encode("cp1252"), "berisi teks biasa, bukan Excel (.xlsx)"),
        ("Rencana Aksi – Bidang Politik “2024”\n".encode("cp1252"), "berisi teks biasa"),
        (bytes(range(256)) * 4, "bukan Excel (.xlsx) yang sah"),
    ],
)
def test_bad_input_gets_a_clear_indonesian_message(data, expected):
    with pytest.raises(ImporGagal) as info:
        read_xlsx(data, "rencana.xlsx")
    assert expected in str(info.value)
    assert str(info.value).startswith("berkas rencana.xlsx: ")


def test_truncated_xlsx():
    wb = Workbook()
    wb.active["A1"] = "isi"
    data = xlsx_bytes(wb)
    for cut in (len(data) // 2, len(data) - 30):
        with pytest.raises(ImporGagal, match="rusak atau terpotong"):
            read_xlsx(data[:cut], "potong.xlsx")


def test_corrupt_member_in_an_intact_zip():
    wb = Workbook()
    wb.active["A1"] = "isi " * 500
    data = bytearray(xlsx_bytes(wb))
    # flip bytes in the middle of the compressed data of a member: the central directory stays intact
    start = data.find(b"xl/worksheets/sheet1.xml") + 40
    data[start:start + 20] = b"\x00" * 20
    with pytest.raises(ImporGagal, match="rusak atau terpotong|tidak dapat dibaca"):
        read_xlsx(bytes(data), "rusak.xlsx")


def test_a_docx_renamed_xlsx_says_so():
    from docx import Document

    buffer = io.BytesIO()
    Document().save(buffer)
    with pytest.raises(ImporGagal, match=r"adalah Word \(.docx\), bukan Excel \(.xlsx\)"):
        read_xlsx(buffer.getvalue(), "salah.xlsx")


def test_file_larger_than_the_setting_is_refused(settings):
    settings.RENAKSI_IMPORT_MAX_BYTES = 1000
    wb = Workbook()
    wb.active["A1"] = "x" * 3000
    with pytest.raises(ImporGagal, match=r"terlalu besar .*paling besar 1 KB"):
        read_xlsx(xlsx_bytes(wb) + b"\x00" * 1000, "besar.xlsx")
