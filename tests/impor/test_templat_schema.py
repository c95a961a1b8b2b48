"""The template's column schema (`renaksi.perencanaan.templat.SHEETS`) is the one source of both the writer and the reader:
the export writes exactly the schema's titles and puts each value under its title, and every title the reader asks
for is one of its table's columns. Changing a column in one place without the other breaks these tests."""

from __future__ import annotations

import ast
import io
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from renaksi.core.bulan import BULAN_SINGKAT
from renaksi.impor.jenis import templat
from renaksi.impor.readers.docx import read_docx
from renaksi.laporan.templat import HEADER_ROW, render_docx, render_xlsx
from renaksi.perencanaan.templat import (
    AKSI,
    ANGGARAN,
    IDENTITAS,
    PEJABAT,
    PK,
    SASARAN,
    SHEETS,
    TARGET_TITLES,
    build_template_data,
)
from tests.factories import make_rich_plan

READER_TABLE = {"identitas": IDENTITAS, "sasaran": SASARAN, "anggaran": ANGGARAN, "aksi": AKSI, "pejabat": PEJABAT,
                "pk": PK}
# Cell readers of `jenis.templat.sel.Templat` and where their column titles are among the arguments.
TITLE_ARGS = {"text": (1,), "teks": (1,), "opt_teks": (1,), "choice": (1,), "ya": (1,), "tanggal": (1,),
              "number": (1,), "uang": (1,), "target": (1,), "output_target": (1, 2, 3), "rujukan": (1,), "fail": (1,)}


def _titles_asked(path: Path) -> set[str]:
    """Every column title a reader module names as a literal: `t.text(line, "Nama")`, `pejabat_.rujukan(t, line, …)`."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        args = node.args
        if args and isinstance(args[0], ast.Name) and args[0].id == "t":  # pejabat.rujukan(t, line, judul, …)
            args = args[1:]
        if node.func.attr in TITLE_ARGS and args and isinstance(args[0], ast.Name) and args[0].id == "line":
            found |= {args[i].value for i in TITLE_ARGS[node.func.attr]
                      if i < len(args) and isinstance(args[i], ast.Constant) and isinstance(args[i].value, str)}
    return found


@pytest.mark.parametrize("key", READER_TABLE)
def test_every_title_the_reader_asks_for_is_a_column_of_its_table(key):
    path = Path(templat.__file__).with_name(f"{key}.py")
    asked = _titles_asked(path)
    assert asked, "the test finds the reader's titles"
    assert asked <= set(READER_TABLE[key].titles()), asked - set(READER_TABLE[key].titles())


def test_the_target_and_month_columns_are_named_once():
    assert [k.judul for k in SASARAN.kolom if k.jenis == "target"] == list(TARGET_TITLES)
    assert [k.judul for k in AKSI.kolom if k.jenis == "bulan"] == list(BULAN_SINGKAT)


def test_a_row_is_built_by_title_and_an_unknown_title_is_refused():
    row = PK.baris({"Ref PK": "PK1", "Target": 80})
    assert row[PK.titles().index("Ref PK")] == "PK1" and row[PK.titles().index("Target")] == 80
    assert sum(v is not None for v in row) == 2 and len(row) == len(PK.kolom)
    with pytest.raises(KeyError, match="Ref butir"):
        PK.baris({"Ref butir": "1"})


def test_the_export_writes_the_schema_titles_and_each_value_under_its_title(world):
    data = build_template_data(make_rich_plan(world.other_pd))
    wb = load_workbook(io.BytesIO(render_xlsx(data)))
    for sheet in SHEETS:
        header = [str(c.value).removesuffix(" *") for c in wb[sheet.nama][HEADER_ROW] if c.value is not None]
        assert header == sheet.titles(), sheet.nama
    anggaran = {title: value for title, value in zip(ANGGARAN.titles(), data.tables["anggaran"][0], strict=True)}
    assert (anggaran["Ref anggaran"], anggaran["Tingkat"], anggaran["Ref induk"]) == ("P1", "Program", "")
    sasaran = dict(zip(SASARAN.titles(), data.tables["sasaran"][0], strict=True))
    assert (sasaran["Ref sasaran"], sasaran["Nomor"], sasaran["Ref indikator"], sasaran["Target tahunan"],
            sasaran["TW I"], sasaran["IKU"]) == ("S1", "6.1", "I1", Decimal("64.78"), Decimal("16.20"), "Ya")
    docx = read_docx(render_docx(data), "templat.docx").sheets[0]
    docx_rows = [[c.strip().removesuffix(" *") for c in r.cells if c.strip()] for r in docx.rows]
    for sheet in SHEETS:
        assert sheet.titles() in docx_rows, sheet.nama
