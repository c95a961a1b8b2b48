"""The XLSX formatter, read back with openpyxl: numbers stay numbers with Indonesian display formats, every total is a
formula that recalculates to the figure the document states and carries that figure as its saved value (decision
0013), merges, frozen and repeated header rows, print set-up, sheet names, signature blocks and the DRAF mark. The
documents are synthetic (tests/laporan/contoh_dokumen.py), except at the end: the Samarinda seed
(`003_a1ceddc45d39290c.txt`) with realisasi, whose RA, PK, monev and LKjIP workbooks hold the plan's numbers and
import back. Seed lines cited: 207 (Tabel 2.3 total 59.059.304.998), 171–206 (program pagu), 223–227 (targets)."""

from __future__ import annotations

import io
import re
import zipfile
from decimal import Decimal

import openpyxl
import pytest
from openpyxl.utils import column_index_from_string, range_boundaries

from renaksi.laporan import xlsx
from renaksi.laporan.blok import Bagian, Baris, Dokumen, Gambar, Paragraf, Sel, Tabel
from tests.laporan import contoh_dokumen as contoh


def _load(dokumen: Dokumen):
    return openpyxl.load_workbook(io.BytesIO(xlsx.render(dokumen)))


def _totals(data: bytes) -> list[tuple[str, str, str, object, Decimal]]:
    """Every formula cell of a workbook: (sheet, cell, formula, the value saved with it, what the formula computes)."""
    formulas = openpyxl.load_workbook(io.BytesIO(data))
    saved = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    return [(ws.title, cell.coordinate, cell.value, saved[ws.title][cell.coordinate].value, evaluate(ws, cell.value))
            for ws in formulas for row in ws.iter_rows() for cell in row if cell.data_type == "f"]


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


def test_every_total_carries_its_value_for_readers_that_do_not_calculate():
    # Our importer (and a phone's viewer) reads the value saved with a formula; it must be the figure itself.
    totals = _totals(xlsx.render(contoh.dokumen()))
    stated = [s.nilai for t in _tables(contoh.dokumen()) for b in t.baris for s in b.sel if s.jumlah]
    assert [saved for _s, _c, _f, saved, _computed in totals] == stated
    assert all(Decimal(str(saved)) == computed for _s, _c, _f, saved, computed in totals)
    assert isinstance(totals[0][3], int)  # rupiah stay whole numbers


def test_a_total_over_other_totals_saves_their_sum_whatever_their_order():
    # A program row above its kegiatan is itself a total of the rows below it; the grand total adds the programs.
    tabel = Tabel(kepala=[[Sel("Uraian"), Sel("Pagu")]], lebar=[3, 1], judul="Bertingkat", baris=[
        Baris([Sel("Program A"), Sel(30, "rupiah", jumlah=(1, 2))], jenis="subjudul"),
        Baris([Sel("Kegiatan A.1"), Sel(10, "rupiah")]),
        Baris([Sel("Kegiatan A.2"), Sel(20, "rupiah")]),
        Baris([Sel("Program B"), Sel(Decimal("5.5"), "angka", 1, jumlah=(4,))], jenis="subjudul"),
        Baris([Sel("Kegiatan B.1"), Sel(Decimal("5.5"), "angka", 1)]),
        Baris([Sel("Jumlah"), Sel(Decimal("35.5"), "angka", 1, jumlah=(0, 3))], jenis="total"),
    ])
    totals = _totals(xlsx.render(Dokumen(judul="B", nama_berkas="b", bagian=[Bagian(blok=[tabel])])))
    assert [(f, saved) for _s, _c, f, saved, _computed in totals] == [
        ("=SUM(B3:B4)", 30), ("=SUM(B6)", 5.5), ("=SUM(B2,B5)", 35.5)]


def test_formats_are_shared_however_many_cells():
    # Excel refuses a workbook with more than 64,000 cell formats: one per kind of cell, not per cell.
    def styles(rows: int) -> int:
        tabel = Tabel(kepala=[[Sel("Uraian"), Sel("Pagu")]], lebar=[3, 1], judul="T", baris=[
            Baris([Sel(f"Sub kegiatan {i}"), Sel(1000 * i, "rupiah")]) for i in range(rows)])
        data = xlsx.render(Dokumen(judul="T", nama_berkas="t", bagian=[Bagian(blok=[tabel])]))
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return int(re.search(r'<cellXfs count="(\d+)"', z.read("xl/styles.xml").decode())[1])

    assert styles(2000) == styles(3) <= 6


def test_the_workbook_is_freed_when_render_returns():
    """No reference cycle is left behind (ours, or XlsxWriter's sheets holding the workbook): the tens of thousands
    of cells of a large plan's workbook go at once, not to Python's cyclic collector (renaksi/core/gcpause.py)."""
    import gc

    dokumen = contoh.dokumen()
    gc.collect()
    enabled = gc.isenabled()
    gc.disable()
    try:
        xlsx.render(dokumen)
        gc.set_debug(gc.DEBUG_SAVEALL)
        gc.collect()
        left = [type(o).__module__ for o in gc.garbage]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        if enabled:
            gc.enable()
    assert not [m for m in left if m.startswith(("xlsxwriter", "renaksi"))]


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
    ("Tabel 2. Faktor Pendorong, Faktor Penghambat dan Tindak Lanjut Triwulan III", set(),
     "Tabel 2. Faktor Pendorong"),  # the monev report's second table: no dangling comma
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
    assert wb_draf["Naskah"].firstHeader.right.text == "DRAF"  # the cover too, though it has no page number
    assert not wb_draf["Naskah"].firstFooter.center.text
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


def test_the_narrative_sheet_comes_first_even_when_its_section_comes_later():
    tabel = Tabel(kepala=[[Sel("A")]], baris=[Baris([Sel("a")])], lebar=[1], judul="Tabel 1")
    dokumen = Dokumen(judul="U", nama_berkas="u", bagian=[
        Bagian(blok=[tabel]), Bagian(blok=[Paragraf("Bab penutup")]), Bagian(blok=[Paragraf("Lampiran")])])
    wb = _load(dokumen)
    assert wb.sheetnames == ["Naskah", "Tabel 1"]
    ws = wb["Naskah"]
    assert _find(ws, "Bab penutup").row == 1  # the first section on it starts at the top, not after a page break
    assert [b.id for b in ws.row_breaks.brk] == [_find(ws, "Lampiran").row - 1]


def test_text_that_looks_like_a_formula_stays_text_in_merged_cells_too():
    tabel = Tabel(kepala=[[Sel("=SUM(A1)", colspan=2)]], baris=[Baris([Sel("=1", colspan=2)])], lebar=[1, 1],
                  judul="Teks")
    ws = _load(Dokumen(judul="T", nama_berkas="t", bagian=[Bagian(blok=[tabel, Paragraf("=2 juga teks")])]))["Teks"]
    for text in ("=SUM(A1)", "=1", "=2 juga teks"):
        assert _find(ws, text).data_type == "s"


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


# --- the Samarinda seed's documents: the plan's numbers, and they import back ------------------------------------------

@pytest.fixture(scope="module")
def seed_xlsx(django_db_setup, django_db_blocker):
    """The Samarinda seed with realisasi TW I–IV (as in test_lkjip), its four workbooks made once; rolled back."""
    from renaksi.laporan.ekspor import ekspor
    from tests.conftest import SEED_SAMARINDA
    from tests.helpers import rolled_back
    from tests.laporan.seeds import import_seed
    from tests.laporan.test_lkjip import _open, _report

    with rolled_back(django_db_blocker):
        plan = import_seed(SEED_SAMARINDA)
        _open(plan)
        _report(plan)
        yield {kode: ekspor(rencana_aksi=plan, laporan=kode, format="xlsx", triwulan=tw).isi
               for kode, tw in (("ra", None), ("pk", None), ("monev", 2), ("lkjip", None))}


SEED_TOTAL = 59_059_304_998  # line 207
SEED_PROGRAM_PAGU = [2_718_270_000, 53_943_679_550, 345_000_000, 1_283_500_000, 768_855_448]  # lines 172–203


def _column(ws, header: str) -> list:
    """The values under a header cell, down to the first empty one."""
    top = _find(ws, header)
    values = []
    for row in range(top.row + 1, ws.max_row + 1):
        value = ws.cell(row=row, column=top.column).value
        if value is None:
            break
        values.append(value)
    return values


@pytest.mark.django_db
def test_seed_totals_save_the_figures_the_plan_states(seed_xlsx):
    for kode in ("ra", "pk", "lkjip"):
        totals = _totals(seed_xlsx[kode])
        assert totals, kode
        for sheet, cell, formula, saved, computed in totals:
            assert Decimal(str(saved)) == computed, (kode, sheet, cell, formula)
    assert SEED_TOTAL in [saved for *_x, saved, _c in _totals(seed_xlsx["ra"])]
    assert [saved for *_x, saved, _c in _totals(seed_xlsx["pk"])] == [SEED_TOTAL]
    # LKjIP Tabel 3.2: pagu and realisasi of the year (2.200.000.000 spent, test_lkjip._report).
    assert [saved for *_x, saved, _c in _totals(seed_xlsx["lkjip"])] == [SEED_TOTAL, 2_200_000_000]


@pytest.mark.django_db
def test_seed_pk_and_lkjip_hold_the_plan_numbers(seed_xlsx):
    pk = openpyxl.load_workbook(io.BytesIO(seed_xlsx["pk"]), data_only=True)
    ws = pk[pk.sheetnames[-1]]  # the attachment's program table
    assert _column(ws, "Anggaran (Rp)") == [*SEED_PROGRAM_PAGU, SEED_TOTAL]
    assert all(isinstance(v, int) for v in _column(ws, "Anggaran (Rp)"))
    lkjip = openpyxl.load_workbook(io.BytesIO(seed_xlsx["lkjip"]), data_only=True)
    ws = lkjip["Tabel 3.2 Realisasi Anggaran"]
    first = _find(ws, 2_718_270_000)
    # pagu, realisasi 2.200.000.000, serapan 80,93 %, capaian 100,10 %, efisiensi 19,17 (test_lkjip)
    assert [ws.cell(row=first.row, column=first.column + i).value for i in range(5)] == [
        2_718_270_000, 2_200_000_000, 80.93, 100.1, 19.17]
    assert ws.cell(row=first.row, column=first.column + 2).number_format == '[$-421]#,##0.00"%"'


@pytest.mark.django_db
def test_seed_pk_and_ra_workbooks_import_back_as_the_plan(seed_xlsx):
    # Before decision 0013 the importer refused both: their totals had no saved value.
    from renaksi.impor import api

    for kode, program_pagu in (("pk", SEED_TOTAL), ("ra", 0)):
        parsed = api.parse_document(seed_xlsx[kode], f"{kode}.xlsx")
        result = api.import_document(parsed, dry_run=True, pemda="Kota Uji", perangkat_daerah=f"PD Uji {kode}")
        assert result.counts["program"] == 5, kode
        assert result.pagu["program"] == program_pagu, kode
    # The RA workbook holds the budget from the kegiatan down, as the seed does (Tabel 2.3), and its 50 aksi.
    assert result.pagu == {"program": 0, "kegiatan": SEED_TOTAL, "sub_kegiatan": SEED_TOTAL}
    assert (result.counts["sub_kegiatan"], result.counts["aksi"]) == (15, 50)


@pytest.mark.django_db
def test_seed_monev_and_lkjip_workbooks_read_back_as_realisasi(seed_xlsx):
    from renaksi.impor import realisasi

    def realisasi_of(kode: str, nama: str) -> list:
        parsed = realisasi.parse_realisasi(seed_xlsx[kode], f"{kode}.xlsx")
        assert parsed is not None, kode
        row = next(r for r in parsed.dokumen.indikator if r.nama.teks.startswith(nama))
        return [a.nilai if a is not None else None for a in row.realisasi]

    iku_1 = "Presentase jumlah masyarakat yang sudah diberikan pemahaman"
    assert realisasi_of("monev", iku_1) == [Decimal("1.5"), Decimal("1.7"), None, None]  # TW II: TW I–II
    assert realisasi_of("lkjip", iku_1) == [None, None, None, Decimal("29.2")]  # the year's, in the TW IV column
