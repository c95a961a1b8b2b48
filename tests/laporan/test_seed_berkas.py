"""The Samarinda seed's Dokumen Rencana Aksi as the files a PD signs and sends: the figures, names and NIPs the seed
states survive into the PDF text, the XLSX (numbers stay numbers, the total recalculates) and the DOCX tables.

Seed lines cited: 207 (Tabel 2.3 total "59.059.304.998"), 42–50 and 413–421 (the head of the PD, SUCIPTO, S.Pd,
M.Si., NIP. 19670319 199702 1 003, "Samarinda, 2 Januari 2024"), the kegiatan pagu 2.718.270.000 (Tabel 2.3).
"""

from __future__ import annotations

import io
from decimal import Decimal

import docx as python_docx
import openpyxl
import pytest

from renaksi.laporan import docx, pdf, ra, xlsx
from tests.conftest import SEED_SAMARINDA
from tests.helpers import rolled_back
from tests.laporan.pdfutil import pdf_text
from tests.laporan.seeds import import_seed
from tests.laporan.test_xlsx import evaluate

TOTAL = 59_059_304_998

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def dokumen(django_db_setup, django_db_blocker):
    """The seed imported once for the module and rolled back after it; the document is plain data."""
    with rolled_back(django_db_blocker):
        yield ra.dokumen(rencana_aksi=import_seed(SEED_SAMARINDA))


@pytest.mark.pdf
def test_the_pdf_holds_the_total_the_signer_and_his_nip(dokumen):
    text = "\n".join(pdf_text(pdf.render(dokumen)))
    assert "59.059.304.998" in text
    assert "2.718.270.000" in text
    assert "SUCIPTO, S.Pd, M.Si." in text
    assert "NIP. 19670319 199702 1 003" in text
    assert "Samarinda, 2 Januari 2024" in text
    assert "DRAF" in text  # imported plans are drafts until approved


def test_the_xlsx_keeps_numbers_as_numbers_and_the_total_recalculates(dokumen):
    wb = openpyxl.load_workbook(io.BytesIO(xlsx.render(dokumen)))
    formulas = [(ws, cell) for ws in wb.worksheets for row in ws.iter_rows() for cell in row
                if isinstance(cell.value, str) and cell.value.startswith("=SUM")]
    assert any(evaluate(ws, cell.value) == Decimal(TOTAL) for ws, cell in formulas)
    numbers = [cell.value for ws in wb.worksheets for row in ws.iter_rows() for cell in row]
    assert 2_718_270_000 in numbers  # a kegiatan pagu, a number, not the text "2.718.270.000"
    assert "2.718.270.000" not in numbers


def test_the_docx_tables_read_back_with_the_total_and_the_signer(dokumen):
    document = python_docx.Document(io.BytesIO(docx.render(dokumen)))
    cells = {cell.text for table in document.tables for row in table.rows for cell in row.cells}
    assert "59.059.304.998" in cells
    assert "2.718.270.000" in cells
    assert any("SUCIPTO, S.Pd, M.Si." in text for text in cells)
    assert any("19670319 199702 1 003" in text for text in cells)
