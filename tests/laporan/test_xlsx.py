"""The XLSX formatter, read back with openpyxl: numbers stay numbers with Indonesian display formats, every total is a
formula that recalculates to the figure the document states, merges, frozen and repeated header rows, print set-up,
sheet names, signature blocks and the DRAF mark. The documents are synthetic (tests/laporan/contoh_dokumen.py)."""

from __future__ import annotations

import io
import re
from decimal import Decimal

import openpyxl
import pytest
from openpyxl.utils import column_index_from_string, range_boundaries

from renaksi.laporan import xlsx
from renaksi.laporan.blok import Bagian, Baris, Dokumen, Gambar, Paragraf, Sel, Tabel
from tests.laporan import contoh_dokumen as contoh


def _load(dokumen: Dokumen):
    return openpyxl.load_workbook(io.BytesIO(xlsx.render(dokumen)))


@pytest.fixture(scope="module")
def wb():
    return _load(contoh.dokumen())


@pytest.fixture(scope="module")
def wb_draf():
    return _load(contoh.dokumen(draf=True))


def _find(ws, value):
    for row in ws.iter_rows():
        for cell in row:
            if cell.value == value:
                return cell
    raise AssertionError(f"{value!r} not on sheet {ws.title!r}")


def _sheet(wb, prefix: str):
    return next(ws for ws in wb if ws.title.startswith(prefix))


# --- a tiny evaluator: SUM over cells and ranges, nested SUMs, numbers -----------------------------------------------

def _split_args(text: str) -> list[str]:
    args, depth, current = [], 0, ""
    for ch in text:
        if ch == "," and depth == 0:
            args.append(current)
            current = ""
            continue
        depth += (ch == "(") - (ch == ")")
        current += ch
    return [*args, current] if current else args


def evaluate(ws, expr: str) -> Decimal:
    expr = expr.strip().lstrip("=")
    if expr.startswith("SUM(") and expr.endswith(")"):
        return sum((evaluate(ws, arg) for arg in _split_args(expr[4:-1])), Decimal(0))
    if re.fullmatch(r"[A-Z]+[0-9]+:[A-Z]+[0-9]+", expr):
        min_col, min_row, max_col, max_row = range_boundaries(expr)
        return sum((_value(ws, r, c) for r in range(min_row, max_row + 1) for c in range(min_col, max_col + 1)),
                   Decimal(0))
    if m := re.fullmatch(r"([A-Z]+)([0-9]+)", expr):
        return _value(ws, int(m[2]), column_index_from_string(m[1]))
    return Decimal(expr)


def _value(ws, row: int, col: int) -> Decimal:
    value = ws.cell(row=row, column=col).value
    if isinstance(value, str) and value.startswith("="):
        return evaluate(ws, value)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return Decimal(0)  # SUM skips text and empty cells
    return Decimal(str(value))


def _rgb(fill) -> str:
    """A solid fill's colour as RRGGBB (the alpha byte a writer puts in front is not a colour)."""
    return fill.fgColor.rgb[-6:]


def _tables(dokumen: Dokumen) -> list[Tabel]:
    tables = []
    for bagian in dokumen.bagian:
        for blok in bagian.blok:
            if isinstance(blok, Tabel):
                tables.append(blok)
            elif isinstance(blok, Gambar) and blok.cadangan is not None:
                tables.append(blok.cadangan)
    return tables


# --- tests -------------------------------------------------------------------------------------------------------------

def test_numbers_stay_numbers_with_indonesian_display_formats(wb):
    ws = _sheet(wb, "Tabel 2.1")
    pagu = _find(ws, contoh.PAGU[0])
    assert isinstance(pagu.value, int) and pagu.number_format == "[$-421]#,##0"
    target = ws.cell(row=pagu.row, column=4)
    assert target.value == 25.5 and isinstance(target.value, float) and target.number_format == "[$-421]#,##0.00"
    capaian = ws.cell(row=pagu.row, column=8)
    assert capaian.value == 29.17 and capaian.number_format == '[$-421]#,##0.00"%"'  # the percentage, not 0.2917
    one_decimal = _find(ws, 8.1)
    assert one_decimal.number_format == "[$-421]#,##0.0"
    # Text that looks like a formula stays text; an empty value stays empty; "-" stays as written.
    text = _find(ws, "=1+1 bukan rumus")
    assert text.data_type == "s"
    assert ws.cell(row=one_decimal.row, column=4).value is None
    assert ws.cell(row=one_decimal.row, column=5).value == "-"


def test_every_total_is_a_sum_formula_that_recalculates_to_the_stated_figure(wb):
    dokumen = contoh.dokumen()
    stated = [[s.nilai for b in t.baris for s in b.sel if s.jumlah] for t in _tables(dokumen)]
    sheets = [ws for ws in wb if ws.title != "Naskah"]
    assert len(sheets) == len(stated)  # one sheet per table
    checked = 0
    for ws, figures in zip(sheets, stated, strict=True):
        formulas = [c for row in ws.iter_rows() for c in row if isinstance(c.value, str) and c.value.startswith("=")
                    and c.data_type == "f"]
        assert len(formulas) == len(figures), ws.title
        for cell, figure in zip(formulas, figures, strict=True):
            assert cell.value.startswith("=SUM(")
            assert evaluate(ws, cell.value) == Decimal(figure), (ws.title, cell.coordinate, cell.value)
            checked += 1
    assert checked == 4
    assert wb.calculation.fullCalcOnLoad  # Excel computes them on opening


def test_a_total_over_non_contiguous_rows_names_only_those_rows(wb):
    ws = _sheet(wb, "Tabel 2.1")
    total = _find(ws, "Jumlah")
    formula = ws.cell(row=total.row, column=9).value
    first = _find(ws, contoh.PAGU[0]).row
    # Body rows 1, 2 and 4: the subjudul rows 0 and 3 are skipped.
    assert formula == f"=SUM(I{first}:I{first + 1},I{first + 3})"
    assert ws.cell(row=total.row, column=9).font.b


def test_merged_cells_as_the_document_has_them(wb):
    ws = _sheet(wb, "Tabel 2.1")
    merged = {str(r) for r in ws.merged_cells.ranges}
    top = _find(ws, "No").row
    first = _find(ws, contoh.PAGU[0]).row
    assert f"A{top}:A{top + 1}" in merged  # No over two header rows
    assert f"D{top}:G{top}" in merged  # Target over TW I-IV
    assert ws.cell(row=top + 1, column=4).value == "TW I"
    assert f"B{first}:B{first + 1}" in merged  # one sasaran for two indikator
    assert f"A{first - 1}:I{first - 1}" in merged  # a subjudul row across the table
    total = _find(ws, "Jumlah").row
    assert f"A{total}:H{total}" in merged


def test_header_rows_are_frozen_and_repeated_on_every_printed_page(wb):
    ws = _sheet(wb, "Tabel 2.1")
    top = _find(ws, "No").row
    assert ws.freeze_panes == f"A{top + 2}"
    assert ws.print_title_rows == f"${top}:${top + 1}"
    long = _sheet(wb, "Tabel 2.3")
    top = _find(long, "Kode").row
    assert long.freeze_panes == f"A{top + 1}" and long.print_title_rows == f"${top}:${top}"


def test_print_set_up_follows_each_section(wb):
    def setup(ws):
        # fitToWidth is left out when it is 1, the default of the file format
        return (ws.page_setup.orientation, int(ws.page_setup.paperSize), int(ws.page_setup.fitToWidth or 1),
                ws.page_setup.fitToHeight, ws.sheet_properties.pageSetUpPr.fitToPage)

    assert setup(wb["Naskah"]) == ("portrait", 9, 1, 0, True)
    assert setup(_sheet(wb, "Tabel 2.1")) == ("landscape", 9, 1, 0, True)
    assert setup(wb["Tabel 2.3 Program, Kegiatan"]) == ("landscape", 8, 1, 0, True)  # A3
    assert _sheet(wb, "Tabel 2.1").oddFooter.center.text == "&P"  # page numbers


def test_column_widths_follow_the_relative_widths(wb):
    ws = _sheet(wb, "Tabel 2.1")
    width = {c: ws.column_dimensions[c].width for c in "ABCI"}
    assert width["A"] < width["I"] < width["B"] < width["C"]
    assert ws.cell(row=_find(ws, contoh.PAGU[0]).row, column=2).alignment.wrap_text


def test_sheet_names_are_valid_and_unique(wb):
    names = wb.sheetnames
    assert names[0] == "Naskah"  # sections without a table first
    assert len(set(n.casefold() for n in names)) == len(names)
    assert all(len(n) <= 31 and not re.search(r"[\[\]:*?/\\]", n) for n in names)
    assert "Tabel 2.3 Program, Kegiatan" in names and "Tabel 2.3 Program, Kegiatan (2)" in names
    assert "Pohon kinerja" in names  # a drawing's fallback table, named after the drawing


@pytest.mark.parametrize(("judul", "taken", "expected"), [
    ("Tabel 2/3: [Anggaran]*?", set(), "Tabel 2 3 Anggaran"),
    ("'Kutipan'", set(), "Kutipan"),
    ("", set(), "Tabel 9"),
    ("History", set(), "History (2)"),
    ("Naskah", {"NASKAH", "Naskah (2)"}, "Naskah (3)"),
    ("A" * 40, {"A" * 31}, "A" * 27 + " (2)"),
])
def test_nama_lembar(judul, taken, expected):
    assert xlsx.nama_lembar(judul, taken, "Tabel 9") == expected


def test_narrative_sections_go_to_the_first_sheet_each_on_a_new_page(wb):
    ws = wb["Naskah"]
    texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert texts[0] == "RENCANA AKSI"
    assert "BAB I PENDAHULUAN" in texts and "BAB III PENUTUP" in texts
    assert len(ws.row_breaks.brk) == 2  # BAB I and BAB III start new pages
    # The cover (the first printed page) has no page number, the pages after it have.
    assert ws.HeaderFooter.differentFirst and not ws.firstFooter.center.text and ws.oddFooter.center.text == "&P"
    long_paragraph = next(t for t in texts if t.startswith("Rencana aksi ini disusun"))
    row = _find(ws, long_paragraph).row
    assert ws.row_dimensions[row].height > 100  # a merged row does not grow by itself


def test_signature_blocks_sit_under_their_table_side_by_side(wb):
    ws = wb["Tabel 2.3 Program, Kegiatan"]
    last_total = max(c.row for row in ws.iter_rows() for c in row if c.value == "Jumlah")
    first = _find(ws, contoh.KEPALA_DINAS.nama)
    second = _find(ws, contoh.WALI_KOTA.nama)
    assert first.row == second.row > last_total  # names on the same line, under the table
    assert first.column < second.column
    assert first.font.b and first.font.u == "single"
    assert _find(ws, "NIP. 19700101 199003 1 001").row == first.row + 2
    assert _find(ws, "Samarinda, 2 Januari 2024").row < first.row
    # One signer signs on the right half.
    closing = _find(wb["Naskah"], contoh.KEPALA_DINAS.nama)
    assert closing.column == 2


def test_draf_is_marked_in_a_cell_and_the_page_header(wb, wb_draf):
    for ws in wb_draf:
        assert ws["A1"].value == "DRAF", ws.title
        assert ws.oddHeader.right.text == "DRAF"
    for ws in wb:
        assert ws.oddHeader.right.text in (None, "")
        assert all(c.value != "DRAF" for row in ws.iter_rows() for c in row)


def test_workbook_properties(wb):
    assert wb.properties.title == "Rencana Aksi Dinas Pendidikan Kota Samarinda Tahun 2024"
    assert wb.properties.creator == "Dinas Pendidikan Kota Samarinda"
    assert wb.properties.keywords == "rencana aksi, SAKIP"


def test_a_drawing_without_fallback_table_shows_its_description(wb):
    ws = _sheet(wb, "Pohon kinerja")
    assert _find(ws, "Bagan tanpa tabel cadangan")
    assert _find(ws, "Mutu pendidikan")


def test_awkward_documents_still_make_a_workbook():
    empty = _load(Dokumen(judul="Kosong", nama_berkas="kosong", bagian=[]))
    assert empty.sheetnames == ["Naskah"]
    overlong = Sel("x", colspan=9, rowspan=5)  # spans past the table's edges are cut
    control = "Teks\x07dengan karakter kendali"
    tabel = Tabel(kepala=[[Sel("A"), Sel("B")]], lebar=[1, 1], judul="Tabel: ganjil?",
                  baris=[Baris([overlong]), Baris([Sel(Decimal("NaN")), Sel(control), Sel("lebih")]),
                         Baris([Sel(None), Sel("total", jumlah=(0, 99))], jenis="total")])
    wb = _load(Dokumen(judul="Ganjil", nama_berkas="ganjil", bagian=[Bagian(blok=[tabel] * 3)]))
    assert wb.sheetnames == ["Tabel ganjil", "Tabel ganjil (2)", "Tabel ganjil (3)"]
    ws = wb["Tabel ganjil"]
    assert "A2:B4" in {str(r) for r in ws.merged_cells.ranges}
    assert _find(ws, "Teksdengan karakter kendali")
    # The merged cell holds A2:B4, so the next rows' cells move right and widen the table; a total naming rows
    # that are not there adds nothing.
    assert _find(ws, "lebih").coordinate == "E3"
    assert ws["D4"].value == "=0"


def test_long_text_above_a_table_is_not_frozen_but_the_header_still_repeats_in_print():
    tabel = Tabel(kepala=[[Sel("Uraian"), Sel("Pagu")]], baris=[Baris([Sel("a"), Sel(1, "rupiah")])], lebar=[3, 1],
                  judul="Tabel panjang")
    intro = Paragraf(("Kalimat pengantar yang panjang sekali. " * 40 + "\n\n") * 4)
    wb = _load(Dokumen(judul="D", nama_berkas="d", bagian=[Bagian(blok=[intro, tabel])]))
    ws = wb["Tabel panjang"]
    top = _find(ws, "Uraian").row
    assert ws.freeze_panes is None
    assert ws.print_title_rows == f"${top}:${top}"


def test_background_fills_and_bold_totals(wb):
    ws = _sheet(wb, "Tabel 2.1")
    assert _rgb(_find(ws, "Indeks kebudayaan").fill) == "C6EFCE"
    assert _rgb(_find(ws, "No").fill) == "D9D9D9" and _find(ws, "No").font.b
    assert _find(ws, "Jumlah").font.b
    # A colour that is not RRGGBB is ignored rather than breaking the export.
    tabel = Tabel(kepala=[], baris=[Baris([Sel("a", isi_latar="merah"), Sel("b", isi_latar="#c6efce")])],
                  lebar=[1, 1], judul="Warna")
    ws = _load(Dokumen(judul="W", nama_berkas="w", bagian=[Bagian(blok=[tabel])]))["Warna"]
    assert _find(ws, "a").fill.fill_type is None
    assert _rgb(_find(ws, "b").fill) == "C6EFCE"
