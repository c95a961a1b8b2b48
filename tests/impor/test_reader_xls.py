"""Legacy .xls (Excel 97–2003) written with xlwt: the Bangka matrix reads to the plan its text copy gives, numbers
stored as numbers included; merged cells, dates and fills reach the Grid as for XLSX; a broken .xls and a Word
97–2003 .doc are refused with a message that says what to do, and nothing is written."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
import xlwt

from renaksi.impor import api
from renaksi.impor.grid import ImporGagal
from renaksi.impor.readers import read_grid
from renaksi.impor.readers._ooxml import OLE_MAGIC
from renaksi.perencanaan.models import Program
from tests.conftest import SEED_BANGKA
from tests.factories import make_pd, seed_lines
from tests.helpers import diff_dumps, dump_plan, table_counts

from .conftest import run_cli

MONEY = re.compile(r"^\d{1,3}(?:,\d{3})*\.\d\d$")


def xls_bytes(book: xlwt.Workbook) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def seed_to_xls(path) -> bytes:
    """The seed's lines as rows; amounts in the ANGGARAN columns ("1,030,000.00", column 13 and right of it) stored
    as numbers formatted #,##0.00, the rest as text (a target keeps its spelling as written)."""
    book = xlwt.Workbook(encoding="utf-8")
    ws = book.add_sheet("Matriks RA")
    money = xlwt.easyxf(num_format_str="#,##0.00")
    for r, line in enumerate(seed_lines(path)):
        for c, text in enumerate(line.split("\t")):
            if c >= 12 and MONEY.match(text):
                ws.write(r, c, float(text.replace(",", "")), money)
            elif text:
                ws.write(r, c, text)
    return xls_bytes(book)


@pytest.mark.django_db
def test_bangka_matrix_as_xls_imports_to_the_same_plan(imported_seed):
    expected = imported_seed(SEED_BANGKA).dump
    data = seed_to_xls(SEED_BANGKA)
    assert data.startswith(OLE_MAGIC)
    parsed = api.parse_document(data, "matriks-bangka.xls")
    assert (parsed.format, parsed.layout) == ("xls", "matriks")
    plan = api.import_document(parsed, perangkat_daerah=make_pd("Kesbangpol", pemda="Salinan")).rencana_aksi
    differences = [d for d in diff_dumps(expected, dump_plan(plan)) if "Ditulis juga sebagai" not in d]
    assert not differences, "\n".join(differences)
    assert Program.objects.get(rencana_aksi=plan, nama__startswith="Program Penunjang Urusan").pagu == 2_720_900_248


def test_cells_merges_dates_and_fills_reach_the_grid():
    book = xlwt.Workbook(encoding="utf-8")
    ws = book.add_sheet("Data")
    ws.write_merge(0, 0, 0, 2, "RENCANA AKSI")
    ws.write(1, 0, 1030000.0, xlwt.easyxf(num_format_str="#,##0"))
    ws.write(1, 1, 0.2917, xlwt.easyxf(num_format_str="0.00%"))
    ws.write(1, 2, dt.date(2024, 1, 2), xlwt.easyxf(num_format_str="dd/mm/yyyy"))
    ws.write(2, 0, "Rp 1.030.000,00")
    ws.write(2, 3, "", xlwt.easyxf("pattern: pattern solid, fore_colour yellow"))
    grid = read_grid(xls_bytes(book), "data.xls")
    sheet = grid.sheets[0]
    assert grid.format == "xls" and sheet.name == "Data"
    assert [r.cells for r in sheet.rows] == [["RENCANA AKSI"], ["1030000", "29.17%", "2024-01-02"],
                                             ["Rp 1.030.000,00"]]
    assert sheet.merged == [(1, 1, 1, 3)]
    assert (2, 1) in sheet.numbers and (3, 1) not in sheet.numbers
    assert sheet.rows[2].fills == {3: "FFFF00"}
    assert grid.place(sheet, sheet.rows[1], 0).describe() == "berkas data.xls, lembar 'Data', baris 2, kolom 1"


@pytest.mark.django_db
@pytest.mark.parametrize("name, data, fragment", [
    ("rusak.xls", OLE_MAGIC + b"\x00" * 40 + "Workbook".encode("utf-16-le") + b"\x00" * 400,
     "berkas Excel 97–2003 (.xls) rusak"),
    ("surat.doc", OLE_MAGIC + b"\x00" * 40 + "WordDocument".encode("utf-16-le") + b"\x00" * 400,
     "simpan sebagai Word (.docx)"),
])
def test_broken_xls_and_old_doc_exit_2_and_write_nothing(tmp_path, name, data, fragment):
    with pytest.raises(ImporGagal) as exc:
        read_grid(data, name)
    assert fragment in str(exc.value) and f"berkas {name}" in str(exc.value)
    path = tmp_path / name
    path.write_bytes(data)
    before = table_counts()
    from django.core.management import CommandError

    with pytest.raises(CommandError) as error:
        run_cli(str(path), "--json")
    assert error.value.returncode == 2 and fragment in str(error.value)
    assert table_counts() == before


def test_a_truncated_real_xls_is_refused():
    data = seed_to_xls(SEED_BANGKA)
    with pytest.raises(ImporGagal) as exc:
        read_grid(data[: len(data) // 2], "potong.xls")
    assert ".xls" in str(exc.value)
