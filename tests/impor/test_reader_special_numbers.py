"""Every reader (text/TSV, CSV, XLSX, DOCX) fed numbers no plan holds: infinite (1e400, inf), NaN, 25 digits,
negative zero, in a target cell and in a pagu cell of the Bangka seed. Each document is imported completely or
refused with a message naming the place; never a traceback, never half a plan.

An XLSX numeric cell holding 1e400 (infinite once read) ended `renaksi import` in a `decimal.InvalidOperation`
traceback: it is refused naming the cell, exit 2.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from openpyxl import load_workbook

from renaksi.impor import api
from renaksi.impor.grid import ImporGagal
from renaksi.perencanaan.models import Target
from tests.conftest import SEED_BANGKA
from tests.factories import seed_lines, seed_to_docx, seed_to_xlsx
from tests.impor.conftest import table_counts

pytestmark = pytest.mark.django_db

VALUES = ["1e400", "-1e400", "inf", "-inf", "NaN", "1234567890123456789012345", "-0"]
FORMATS = ["txt", "csv", "xlsx", "docx"]
PLACEHOLDER = "987654321987"
LINES = 12  # title, table header and the first three sasaran with their programs: small enough to import often
TARGET_COL, PAGU_COL = 4, 12  # "80" and "1,030,000.00" of sasaran 1, the first line of the plan table


def _plan_line(lines: list[str]) -> int:
    return next(i for i, line in enumerate(lines) if line.startswith("1\tMenurunnya Potensi Konflik"))


def _numeric_xlsx(text_xlsx: bytes, row: int, col: int, raw: str) -> bytes:
    """The seed as XLSX with one *numeric* cell whose stored value is `raw` (openpyxl cannot write inf or NaN)."""
    wb = load_workbook(io.BytesIO(text_xlsx))
    wb.active.cell(row=row, column=col, value=int(PLACEHOLDER))
    buffer = io.BytesIO()
    wb.save(buffer)
    source, out = zipfile.ZipFile(buffer), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename.startswith("xl/worksheets/"):
                content = content.replace(f"<v>{PLACEHOLDER}</v>".encode(), f"<v>{raw}</v>".encode())
            target.writestr(item, content)
    return out.getvalue()


def document(fmt: str, col: int, value: str, tmp_path: Path) -> bytes:
    lines = seed_lines(SEED_BANGKA)[:LINES]
    i = _plan_line(lines)
    cells = lines[i].split("\t")
    cells[col] = value
    lines[i] = "\t".join(cells)
    if fmt == "txt":
        return "\n".join(lines).encode()
    if fmt == "csv":
        buffer = io.StringIO()
        csv.writer(buffer).writerows(line.split("\t") for line in lines)
        return buffer.getvalue().encode()
    path = tmp_path / "seed.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    if fmt == "docx":
        return seed_to_docx(path)
    return _numeric_xlsx(seed_to_xlsx(path), i + 1, col + 1, value)


def import_or_refuse(data: bytes, name: str):
    """((result, yearly target of sasaran 1, parsed), None) when stored completely (then rolled back), or
    (None, ImporGagal) when refused with nothing stored."""
    before = table_counts()
    with transaction.atomic():
        try:
            parsed = api.parse_document(data, name)
            result = api.import_document(parsed)
        except ImporGagal as exc:
            assert table_counts() == before  # none of it
            return None, exc
        assert {k: v for k, v in result.counts.items() if k != "pejabat"} == \
            {k: v for k, v in parsed.dokumen.counts().items() if k != "pejabat"}  # all of it
        yearly = Target.objects.get(indikator__rencana_aksi_id=result.rencana_aksi_id, triwulan=None,
                                    indikator__nama__startswith="Persentase Potensi Konflik")
        transaction.set_rollback(True)
    return (result, yearly, parsed), None


def test_the_document_imports_as_written(tmp_path):
    for fmt in FORMATS:
        (result, yearly, _parsed), refusal = import_or_refuse(document(fmt, TARGET_COL, "80", tmp_path), f"b.{fmt}")
        assert refusal is None and yearly.nilai == 80
        assert result.counts["sasaran"] == 3 and result.counts["program"] == 6, result.counts


# Every reader with every value in a target cell; a pagu cell too where a reader sees numbers as numbers (XLSX):
# a pagu written as text goes through the same parse_angka as a target.
CASES = [(fmt, "target", v) for fmt in FORMATS for v in VALUES] + [("xlsx", "pagu", v) for v in VALUES]


@pytest.mark.parametrize(("fmt", "cell", "value"), CASES)
def test_a_number_no_plan_holds_is_imported_exactly_or_refused_naming_the_place(fmt, cell, value, tmp_path):
    col = TARGET_COL if cell == "target" else PAGU_COL
    outcome, refusal = import_or_refuse(document(fmt, col, value, tmp_path), f"bangka.{fmt}")
    if refusal is not None:
        assert refusal.place is not None and refusal.message.strip()
        if fmt == "xlsx" and "e" in value:  # read as a float (infinite): the cell is named. An XML <v>inf</v> or
            # <v>NaN</v> is no number to openpyxl at all: the whole file is refused as unreadable, naming the file.
            assert re.search(r"sel [A-Z]+\d+ ", refusal.message), str(refusal)
        return
    result, yearly, parsed = outcome
    if cell == "pagu":
        assert yearly.nilai == 80
    elif value == "-0":
        assert yearly.nilai == 0
    else:  # not a number Renaksi can hold: kept as written, without a value, and said where
        assert yearly.nilai is None
        assert any(w.place is not None and w.place.baris is not None for w in parsed.dokumen.warnings)


def test_the_cli_refuses_an_xlsx_cell_of_1e400_naming_the_cell_with_exit_2(tmp_path):
    path = tmp_path / "bangka.xlsx"
    path.write_bytes(document("xlsx", TARGET_COL, "1e400", tmp_path))
    before = table_counts()
    with pytest.raises(CommandError) as caught:
        call_command("import", str(path), stdout=io.StringIO(), stderr=io.StringIO())
    assert caught.value.returncode == 2
    assert re.search(r"sel E\d+ berisi angka tak terhingga", str(caught.value)), str(caught.value)
    assert table_counts() == before


def test_the_template_refuses_digits_other_than_0_to_9_naming_the_cell(world):
    """The template reads a plain '80' itself; '١٢٣' looked plain to it (\\d) and became 123."""
    from renaksi.laporan.templat import render_xlsx
    from renaksi.perencanaan.templat import build_template_data

    wb = load_workbook(io.BytesIO(render_xlsx(build_template_data(world.plan))))
    ws = wb["Sasaran & Indikator"]
    (column,) = [c.column for c in ws[2] if c.value == "Target tahunan"]
    ws.cell(row=3, column=column, value="١٢٣")
    buffer = io.BytesIO()
    wb.save(buffer)
    outcome, refusal = import_or_refuse(buffer.getvalue(), "templat.xlsx")
    assert outcome is None and "0–9" in refusal.message and refusal.place.baris == 3
