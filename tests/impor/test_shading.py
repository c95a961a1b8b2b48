"""A schedule marked by shading month cells (the usual way in Excel and Word) reads as scheduled months.

The Samarinda seed's text copy lost its shading (`jadwal.kosong`); written back as XLSX and DOCX with three aksi
rows shaded — two with month cells in orange, one highlighted grey across the whole row — the orange months are
the schedule, the grey is not (it is used outside the month columns too), and the choice is one decision."""

from __future__ import annotations

import io

import pytest
from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from openpyxl import Workbook
from openpyxl.styles import PatternFill

from renaksi.impor import api
from renaksi.impor.readers import read_grid
from renaksi.perencanaan.models import Aksi
from tests.conftest import SEED_SAMARINDA
from tests.factories import make_pd, seed_lines

pytestmark = pytest.mark.django_db

ORANGE, GREY = "FFC000", "D9D9D9"
JAN = 2  # the month columns are 2 (Jan) … 13 (Des), 0-based
# seed line (1-based) → {0-based column: fill}
FILLS = {
    296: {c: GREY for c in range(18)},  # a header shaded grey: headers are not data rows
    301: {JAN: ORANGE, JAN + 1: ORANGE, JAN + 2: ORANGE},  # Pelaksanaan Rapat Koordinasi: Jan–Mrt
    302: {JAN + 5: ORANGE},  # Seleksi administrasi bantuan Parpol: Jun
    303: {c: GREY for c in range(15)},  # Penyampaian rekomendasi bantuan Parpol: a highlighted row, no schedule
}
EXPECTED = {"Pelaksanaan Rapat Koordinasi": [1, 2, 3], "Seleksi administrasi bantuan Parpol": [6],
            "Penyampaian rekomendasi bantuan Parpol": []}


def shaded_xlsx() -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "Rencana Aksi"
    for r, line in enumerate(seed_lines(SEED_SAMARINDA), start=1):
        for c, text in enumerate(line.split("\t"), start=1):
            if text:
                cell = ws.cell(row=r, column=c, value=text)
                cell.data_type = "s"
        for c, colour in FILLS.get(r, {}).items():
            ws.cell(row=r, column=c + 1).fill = PatternFill("solid", fgColor="FF" + colour)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def shaded_docx() -> bytes:
    document = Document()
    lines = seed_lines(SEED_SAMARINDA)
    i = 0
    while i < len(lines):
        if "\t" not in lines[i]:
            document.add_paragraph(lines[i])
            i += 1
            continue
        start = i
        while i < len(lines) and "\t" in lines[i]:
            i += 1
        block = [line.split("\t") for line in lines[start:i]]
        table = document.add_table(rows=len(block), cols=max(len(r) for r in block))
        for r, cells in enumerate(block):
            row_cells = table.rows[r].cells
            for c, text in enumerate(cells):
                if text:
                    row_cells[c].text = text
            for c, colour in FILLS.get(start + r + 1, {}).items():
                if c < len(row_cells):
                    shd = OxmlElement("w:shd")
                    shd.set(qn("w:val"), "clear")
                    shd.set(qn("w:fill"), colour)
                    row_cells[c]._tc.get_or_add_tcPr().append(shd)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("fmt, make", [("xlsx", shaded_xlsx), ("docx", shaded_docx)])
def test_shaded_month_cells_are_the_schedule(fmt, make):
    parsed = api.parse_document(make(), f"samarinda-arsir.{fmt}")
    shading = [d for d in parsed.decisions if d.kode == "jadwal.arsiran"]
    assert len(shading) == 1, [d.pesan for d in parsed.decisions]
    assert "FFC000" in shading[0].pesan and "D9D9D9" not in shading[0].pesan
    assert "4 sel pada 2 baris" in shading[0].pesan
    assert not [w for w in parsed.warnings if w.kode == "jadwal.kosong"]
    plan = api.import_document(parsed, perangkat_daerah=make_pd("Kesbangpol", pemda="Samarinda")).rencana_aksi
    for uraian, months in EXPECTED.items():
        aksi = Aksi.objects.get(rencana_aksi=plan, uraian=uraian)
        assert sorted(aksi.jadwal.values_list("bulan", flat=True)) == months, uraian
    # Every other aksi is unscheduled, as in the text copy.
    assert Aksi.objects.filter(rencana_aksi=plan, jadwal__isnull=False).distinct().count() == 2


def test_fills_reach_the_grid_for_empty_cells():
    grid = read_grid(shaded_xlsx(), "arsir.xlsx")
    row = grid.sheets[0].rows[301 - 1]
    assert row.fills == {JAN: ORANGE, JAN + 1: ORANGE, JAN + 2: ORANGE}


def test_a_colour_used_outside_the_months_is_not_a_mark():
    fills = {line: {c: GREY for c in range(15)} for line in (301, 302)}
    wb = Workbook()
    ws = wb.active
    for r, line in enumerate(seed_lines(SEED_SAMARINDA), start=1):
        for c, text in enumerate(line.split("\t"), start=1):
            if text:
                ws.cell(row=r, column=c, value=text).data_type = "s"
        for c, colour in fills.get(r, {}).items():
            ws.cell(row=r, column=c + 1).fill = PatternFill("solid", fgColor="FF" + colour)
    buffer = io.BytesIO()
    wb.save(buffer)
    parsed = api.parse_document(buffer.getvalue(), "abu.xlsx")
    assert not [d for d in parsed.decisions if d.kode == "jadwal.arsiran"]
    assert [w for w in parsed.warnings if w.kode == "jadwal.kosong"]
