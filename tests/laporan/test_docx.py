"""The DOCX formatter, read back with python-docx: one Word section per Bagian with its paper and orientation, real
tables (text per cell written the Indonesian way, merges, repeated header rows, rows that never split, widths),
heading styles, signature blocks, page numbers and the DRAF mark. Documents are synthetic (contoh_dokumen.py)."""

from __future__ import annotations

import io
from decimal import Decimal

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn

from renaksi.laporan import docx as docx_format
from renaksi.laporan.blok import Bagian, Baris, Dokumen, Gambar, Judul, Paragraf, Sel, Tabel, TandaTangan
from tests.laporan import contoh_dokumen as contoh


def _load(dokumen: Dokumen):
    return docx.Document(io.BytesIO(docx_format.render(dokumen)))


@pytest.fixture(scope="module")
def doc():
    return _load(contoh.dokumen())


@pytest.fixture(scope="module")
def doc_draf():
    return _load(contoh.dokumen(draf=True))


def _texts(table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def _table_with(doc, text: str):
    return next(t for t in doc.tables if any(text == c.text for c in t.rows[0].cells))


def _row_flags(row) -> tuple[bool, bool]:
    tr_pr = row._tr.trPr
    if tr_pr is None:
        return False, False
    return tr_pr.find(qn("w:tblHeader")) is not None, tr_pr.find(qn("w:cantSplit")) is not None


def test_one_section_per_bagian_with_its_paper_and_orientation(doc):
    sections = doc.sections
    assert len(sections) == len(contoh.dokumen().bagian) == 6
    sizes = [(s.orientation, round(s.page_width.mm), round(s.page_height.mm)) for s in sections]
    assert sizes == [
        (WD_ORIENT.PORTRAIT, 210, 297),  # cover, A4
        (WD_ORIENT.PORTRAIT, 210, 297),
        (WD_ORIENT.LANDSCAPE, 297, 210),  # A4 landscape: width and height swapped
        (WD_ORIENT.LANDSCAPE, 420, 297),  # A3 landscape
        (WD_ORIENT.LANDSCAPE, 297, 210),
        (WD_ORIENT.PORTRAIT, 210, 297),
    ]


def test_tables_read_back_with_indonesian_numbers_in_each_cell(doc):
    table = _table_with(doc, "Indikator")
    rows = _texts(table)
    assert rows[0] == ["No", "Sasaran", "Indikator", "Target", "Target", "Target", "Target", "Capaian", "Pagu (Rp)"]
    assert rows[1][3:7] == ["TW I", "TW II", "TW III", "TW IV"]
    assert rows[3] == ["1", "Meningkatnya mutu pendidikan", "Angka partisipasi murni", "25,50", "50,00", "75,25",
                       "100,00", "29,17%", "59.059.304.998"]
    assert rows[4][3:] == ["", "-", "8,1", "8,12", "100,00%", "1.250.000.000"]  # None is an empty cell
    assert rows[6][1] == "=1+1 bukan rumus" and rows[6][7] == "12,35%"
    assert rows[7][-1] == "61.039.804.998"  # a total prints the stated figure
    numbers = table.rows[3].cells[8].paragraphs[0]
    assert numbers.alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.RIGHT
    assert table.rows[7].cells[8].paragraphs[0].runs[0].bold


def test_merged_cells_are_word_merges(doc):
    table = _table_with(doc, "Indikator")
    cell = table.cell
    assert cell(0, 0)._tc is cell(1, 0)._tc  # No over two header rows (vertical merge)
    assert cell(0, 3)._tc is cell(0, 6)._tc and cell(0, 3)._tc is not cell(0, 7)._tc  # Target over four columns
    assert cell(0, 3)._tc.grid_span == 4
    assert cell(3, 1)._tc is cell(4, 1)._tc  # one sasaran for two indikator
    assert cell(2, 0)._tc is cell(2, 8)._tc  # a subjudul row across the table
    assert cell(7, 0)._tc is cell(7, 7)._tc  # "Jumlah" over eight columns


def test_header_rows_repeat_on_every_page_and_no_row_splits(doc):
    table = _table_with(doc, "Indikator")
    flags = [_row_flags(row) for row in table.rows]
    assert flags[:2] == [(True, True), (True, True)]
    assert all(flags_ == (False, True) for flags_ in flags[2:])
    long = _table_with(doc, "Kode")
    assert len(long.rows) == 1 + contoh.LONG_ROWS + 2
    assert _row_flags(long.rows[0]) == (True, True)
    assert sum(_row_flags(row)[0] for row in long.rows) == 1


def test_column_widths_follow_the_relative_widths(doc):
    table = _table_with(doc, "Indikator")
    widths = [col.width for col in table.columns]
    assert widths[0] < widths[3] < widths[1] < widths[2]  # lebar 4 < 7 < 20 < 24
    section = doc.sections[2]
    usable = section.page_width - section.left_margin - section.right_margin
    assert abs(sum(widths) - usable) < usable * 0.01


def test_headings_use_word_heading_styles_and_the_cover_stays_out_of_the_toc(doc):
    styles = {p.text: p.style.name for p in doc.paragraphs if p.text}
    assert styles["BAB I PENDAHULUAN"] == "Heading 1"
    assert styles["1.1 Latar Belakang"] == "Heading 2"
    assert styles["BAB III PENUTUP"] == "Heading 1"
    assert styles["RENCANA AKSI"] == "Title"
    assert styles["Tabel 2.1 Indikator Kinerja Utama dan Target Triwulan"] == "Caption"
    paragraphs = [p.text for p in doc.paragraphs]
    assert "Paragraf pertama." in paragraphs and "Paragraf ketiga." in paragraphs  # a blank line separates them


def _has_page_field(part) -> bool:
    return any(el.text and el.text.strip() == "PAGE" for el in part._element.iter(qn("w:instrText")))


def test_page_numbers_in_the_footer_except_on_the_cover(doc):
    sections = doc.sections
    assert not sections[0].footer.is_linked_to_previous and not _has_page_field(sections[0].footer)
    assert all(_has_page_field(s.footer) for s in sections[1:])
    # Numbering starts at 1 after the cover.
    start = sections[1]._sectPr.find(qn("w:pgNumType"))
    assert start is not None and start.get(qn("w:start")) == "1"
    assert all(s._sectPr.find(qn("w:pgNumType")) is None for s in sections[2:])


def test_draf_only_in_the_header_of_a_draft(doc, doc_draf):
    for section in doc_draf.sections:
        assert "DRAF" in section.header.paragraphs[0].text
    assert doc_draf.core_properties.comments == "DRAF"
    for section in doc.sections:
        assert "DRAF" not in "".join(p.text for p in section.header.paragraphs)
    assert not any("DRAF" in p.text for p in doc.paragraphs)


def test_signature_blocks_are_borderless_tables_kept_together(doc):
    pair = next(t for t in doc.tables if contoh.WALI_KOTA.nama in "".join(c.text for c in t.rows[0].cells))
    assert pair._tbl.tblPr.find(qn("w:tblStyle")) is None  # the default table: no borders
    assert len(pair.rows) == 1 and _row_flags(pair.rows[0]) == (False, True)
    left, right = pair.rows[0].cells
    lines = [p.text for p in left.paragraphs]
    assert lines == ["Samarinda, 2 Januari 2024", "PIHAK PERTAMA", "Kepala Dinas Pendidikan", "", "", "",
                     contoh.KEPALA_DINAS.nama, "Pembina Utama Muda (IV/c)", "NIP. 19700101 199003 1 001"]
    # The second signer's name sits on the same line as the first's.
    assert [p.text for p in right.paragraphs][6] == contoh.WALI_KOTA.nama
    name = left.paragraphs[6].runs[0]
    assert name.bold and name.underline
    assert all(p.paragraph_format.keep_with_next for p in left.paragraphs[:-1])
    # One signer signs on the right half.
    single = next(t for t in doc.tables if contoh.KABID.nama in t.rows[0].cells[1].text)
    assert single.rows[0].cells[0].text == ""
    assert "Plt. Kepala Bidang Pembinaan SD" in single.rows[0].cells[1].text


def test_a_drawing_becomes_its_fallback_table_or_its_description(doc):
    fallback = _table_with(doc, "Tingkat")
    assert _texts(fallback) == [["Tingkat", "Uraian"], ["Sasaran", "Mutu pendidikan"]]
    texts = [p.text for p in doc.paragraphs]
    assert "Pohon kinerja" in texts  # caption of an untitled fallback table
    assert "Bagan tanpa tabel cadangan" in texts


def test_core_properties(doc):
    props = doc.core_properties
    assert props.title == "Rencana Aksi Dinas Pendidikan Kota Samarinda Tahun 2024"
    assert props.author == "Dinas Pendidikan Kota Samarinda"
    assert props.keywords == "rencana aksi, SAKIP"
    assert props.language == "id-ID"


def test_wide_empty_and_odd_tables_still_make_a_document(doc):
    wide = _table_with(doc, "K0")
    assert len(wide.columns) == 40 and _texts(wide)[1][39] == "390"
    assert "Tabel kosong" in [p.text for p in doc.paragraphs]  # its title, no table
    headers_only = _table_with(doc, "A")
    assert _texts(headers_only) == [["A", "B"]]

    empty = _load(Dokumen(judul="Kosong", nama_berkas="kosong", bagian=[]))
    assert len(empty.sections) == 1 and round(empty.sections[0].page_width.mm) == 210

    odd = Tabel(kepala=[[Sel("A"), Sel("B")]], lebar=[1, 1],
                baris=[Baris([Sel("x", colspan=9, rowspan=5)]),
                       Baris([Sel(Decimal("NaN")), Sel("Teks\x07kendali"), Sel(Decimal("1234.5"), "angka", 2)])])
    result = _load(Dokumen(judul="Ganjil\x01", nama_berkas="ganjil", bagian=[Bagian(blok=[
        Judul("Judul", tingkat=12), Paragraf("\n\n"), odd, TandaTangan([]),
        Gambar(svg="", alt="")])]))
    rows = _texts(result.tables[0])
    assert rows[2] == ["x", "x", "", "Tekskendali", "1.234,50"]
    assert result.core_properties.title == "Ganjil"


def test_background_fills_follow_the_cells(doc):
    table = _table_with(doc, "Indikator")

    def fill(cell):
        shd = cell._tc.tcPr.find(qn("w:shd"))
        return None if shd is None else shd.get(qn("w:fill"))

    assert fill(table.cell(0, 0)) == "D9D9D9"  # header
    assert fill(table.cell(6, 2)) == "C6EFCE"  # the layout's own colour
    assert fill(table.cell(3, 2)) is None
