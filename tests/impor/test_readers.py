"""Bytes → Grid: content sniffing, encodings, CSV delimiters, and refusals that name the place."""

from __future__ import annotations

import io
import zipfile

import pytest

from renaksi.impor.grid import ImporGagal
from renaksi.impor.readers import read_grid


def test_text_with_tabs_is_a_text_grid_with_line_numbers():
    grid = read_grid(b"judul\nNO\tSASARAN\n\n1\tMeningkatnya\n", "ra.txt")
    assert grid.format == "teks"
    rows = grid.sheets[0].rows
    assert [(r.number, r.cells) for r in rows] == [(1, ["judul"]), (2, ["NO", "SASARAN"]), (3, [""]),
                                                   (4, ["1", "Meningkatnya"])]
    assert not grid.decisions


def test_utf8_bom_is_not_a_cell():
    grid = read_grid("\ufeffNO\tSASARAN\n".encode(), "ra.txt")
    assert grid.sheets[0].rows[0].cells == ["NO", "SASARAN"]
    assert not grid.decisions


def test_cp1252_is_read_and_reported():
    data = "NO\tSASARAN\n1\tPeningkatan “partisipasi” – 100%\n".encode("cp1252")
    grid = read_grid(data, "ra.txt")
    assert grid.sheets[0].rows[1].cells[1] == "Peningkatan “partisipasi” – 100%"
    assert [d.kode for d in grid.decisions] == ["teks.encoding"]
    assert "Windows-1252" in grid.decisions[0].pesan


def test_a_few_broken_bytes_keep_utf8_and_are_reported():
    data = ("NO\tSASARAN\n" * 200 + "1\tKebangsaan “baru”\n").encode() + b"\xff\n"
    grid = read_grid(data, "ra.txt")
    assert grid.sheets[0].rows[200].cells[1] == "Kebangsaan “baru”"
    assert grid.decisions[0].kode == "teks.byte_rusak"
    assert grid.decisions[0].place.baris == 202


def test_utf16_with_bom():
    grid = read_grid("NO\tSASARAN\n1\tÜji\n".encode("utf-16"), "ra.txt")
    assert grid.sheets[0].rows[1].cells == ["1", "Üji"]


@pytest.mark.parametrize("text, delimiter", [
    ("NO;SASARAN;ANGGARAN\n1;Meningkatnya;1.030.000,00\n2;Menurunnya;2.000,50\n", ";"),
    ('NO,SASARAN,ANGGARAN\n1,Meningkatnya,"1,030,000.00"\n2,Menurunnya,"2,000.50"\n', ","),
])
def test_csv_delimiter_is_sniffed(text, delimiter):
    grid = read_grid(text.encode(), "ra.csv")
    assert grid.format == "csv"
    assert grid.sheets[0].rows[1].cells == ["1", "Meningkatnya", "1.030.000,00" if delimiter == ";" else
                                            "1,030,000.00"]


def test_csv_record_spanning_lines_keeps_its_first_line_number():
    grid = read_grid(b'NO;URAIAN;PAGU\n1;"dua\nbaris";5\n2;x;6\n', "ra.csv")
    assert [r.number for r in grid.sheets[0].rows] == [1, 2, 4]


@pytest.mark.parametrize("data, fragment", [
    (b"", "kosong"),
    (b"   \n\n\t\n", "kosong"),
    (b"\x00\x01\x02binary\x00", "biner"),
    (bytes(range(1, 32)) * 50, "karakter kendali"),
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "gambar PNG"),
    (b"%PDF-1.7\n...", "PDF rusak"),
])
def test_unreadable_bytes_are_refused_in_indonesian(data, fragment):
    with pytest.raises(ImporGagal) as exc:
        read_grid(data, "rusak.txt")
    assert fragment in str(exc.value)
    assert "berkas rusak.txt" in str(exc.value)


def test_nul_byte_names_its_line():
    with pytest.raises(ImporGagal) as exc:
        read_grid(b"NO\tSASARAN\nbaris dua\n\x00", "rusak.txt")
    assert exc.value.place.baris == 3


def test_overlong_cell_names_row_and_column():
    data = ("NO\tSASARAN\n1\t" + "x" * 10_000 + "\n").encode()
    with pytest.raises(ImporGagal) as exc:
        read_grid(data, "panjang.txt")
    assert (exc.value.place.baris, exc.value.place.kolom) == (2, 2)
    assert "10.000 karakter" in str(exc.value)


def test_too_large_file_is_refused(settings):
    settings.RENAKSI_IMPORT_MAX_BYTES = 100
    with pytest.raises(ImporGagal) as exc:
        read_grid(b"NO\tSASARAN\n" * 20, "besar.txt")
    assert "terlalu besar" in str(exc.value)


def test_zip_is_dispatched_by_content_not_extension(monkeypatch):
    called = {}

    def fake_docx(data, filename):
        called["docx"] = filename
        from renaksi.impor.grid import Grid, Row, Sheet
        return Grid(filename, "docx", [Sheet("Dokumen", [Row(["x"], 1)])])

    import renaksi.impor.readers.docx as docx_module
    monkeypatch.setattr(docx_module, "read_docx", fake_docx)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("word/document.xml", "<w:document/>")
    grid = read_grid(buffer.getvalue(), "salah-nama.xlsx")
    assert called == {"docx": "salah-nama.xlsx"} and grid.format == "docx"


def test_zip_that_is_no_office_file():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("foto.jpg", "x")
    with pytest.raises(ImporGagal, match="bukan XLSX maupun DOCX"):
        read_grid(buffer.getvalue(), "arsip.zip")
