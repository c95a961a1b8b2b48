"""PDF documents the tests print themselves with WeasyPrint, read through `renaksi.impor.api` into plans.

Each seed printed as PDF (its tables as ruled tables over several landscape pages, rows split by page breaks)
imports to exactly the plan its text copy gives; a table of three pages with a repeated header, a row split over a
page break and multi-line cells reads back cell for cell; what is not a text PDF is refused with a message that
says what it is, and nothing is written."""

from __future__ import annotations

import io
import re

import pytest

from renaksi.impor import api
from renaksi.impor.grid import ImporGagal
from renaksi.impor.readers import read_grid
from tests.conftest import SEED_BANGKA, SEED_SAMARINDA
from tests.factories import make_pd
from tests.helpers import diff_dumps, dump_plan, table_counts
from tests.impor.pdf_corpus import esc, html_pdf, seed_to_pdf, table_html

pytestmark = pytest.mark.pdf


def _cells(grid) -> list[list[str]]:
    rows = [[" ".join(c.split()) for c in r.cells] for r in grid.sheets[0].rows]
    rows = [r[: max((i + 1 for i, c in enumerate(r) if c), default=0)] for r in rows]
    return [r for r in rows if r]


@pytest.fixture(scope="module")
def seed_pdfs():
    return {seed: seed_to_pdf(seed) for seed in (SEED_BANGKA, SEED_SAMARINDA)}


def test_seed_pdf_grids_hold_the_text_copy_cells(seed_pdfs):
    for seed, data in seed_pdfs.items():
        expected = _cells(read_grid(seed.read_bytes(), seed.name))
        got = _cells(read_grid(data, "seed.pdf"))
        # A cell whose text copy reads "Target/ Satuan" prints as "Target/" + "Satuan" on two lines: the space
        # after a line-ending slash cannot be seen in a PDF.
        expected = [[c.replace("/ ", "/") for c in r] for r in expected]
        got = [[c.replace("/ ", "/") for c in r] for r in got]
        assert got == expected, seed.name


@pytest.mark.parametrize("seed", [SEED_BANGKA, SEED_SAMARINDA], ids=["bangka", "samarinda"])
def test_seed_as_pdf_imports_to_the_same_plan(db, imported_seed, seed_pdfs, seed):
    expected = imported_seed(seed).dump
    pd = make_pd("Kesbangpol", pemda="Salinan")
    parsed = api.parse_document(seed_pdfs[seed], seed.with_suffix(".pdf").name)
    assert parsed.format == "pdf"
    other = api.import_document(parsed, perangkat_daerah=pd).rencana_aksi
    differences = [d for d in diff_dumps(expected, dump_plan(other)) if "Ditulis juga sebagai" not in d]
    assert not differences, "\n".join(differences)


HEADER = ["NO", "PROGRAM / KEGIATAN", "INDIKATOR KINERJA", "TARGET", "ANGGARAN (Rp)"]
LONG = " ".join(f"uraian{i}" for i in range(400))  # a cell of some forty lines


def long_rows() -> list[list[str]]:
    rows = []
    for n in range(1, 61):
        name = f"Kegiatan nomor {n} " + "dengan nama yang panjang sekali " * (n % 4)
        if n == 30:
            name = LONG
        rows.append([str(n), name.strip(), f"Persentase capaian {n}", f"{n},5", f"{n * 1_250_000:,}".replace(",", ".")])
    return rows


@pytest.fixture(scope="module")
def three_pages():
    body = "<p>RENCANA AKSI TAHUN 2024</p>" + table_html([HEADER] + long_rows(), head=1)
    return html_pdf(body)


def test_a_table_over_three_pages_reads_as_one_with_its_header_once(three_pages):
    import pypdf

    assert len(pypdf.PdfReader(io.BytesIO(three_pages)).pages) >= 3
    grid = read_grid(three_pages, "tiga-halaman.pdf")
    rows = _cells(grid)
    assert rows[0] == ["RENCANA AKSI TAHUN 2024"]
    assert rows[1] == HEADER  # once: the header repeated on every page is dropped
    assert rows[2:] == [[" ".join(c.split()) for c in r] for r in long_rows()]  # every cell, every number, in order
    repeated = [d for d in grid.decisions if d.kode == "pdf.judul_diulang"]
    assert len(repeated) >= 2 and all("1 baris judul kolom" in d.pesan for d in repeated)
    # WeasyPrint cuts the row standing at each page break in two; each is joined back (the cells above are whole)
    # and named with the page it starts on.
    splits = [d for d in grid.decisions if d.kode == "pdf.baris_terbelah"]
    assert len(splits) >= 2
    by_number = {r.number: r for r in grid.sheets[0].rows}
    for split in splits:
        row = by_number[split.place.baris]
        assert row.cells[0].isdigit() and split.place.halaman == row.halaman
        assert f"Baris {row.number} terbelah oleh pergantian halaman {row.halaman}–{row.halaman + 1}" in split.pesan


def test_every_place_names_the_page(three_pages):
    grid = read_grid(three_pages, "tiga-halaman.pdf")
    sheet = grid.sheets[0]
    last = next(r for r in sheet.rows if r.cells and r.cells[0] == "60")
    assert last.halaman >= 3
    place = grid.place(sheet, last, 4)
    assert place.describe() == f"berkas tiga-halaman.pdf, halaman {last.halaman}, baris {last.number}, kolom 5"


def test_multi_line_cells_and_wrapped_paragraphs_are_joined():
    paragraph = "Puji syukur ke hadirat Tuhan Yang Maha Esa " * 8
    body = (f"<p>{esc(paragraph)}</p><p>Samarinda, 2 Januari 2024</p>"
            + table_html([["NO", "SASARAN", "INDIKATOR", "SATUAN"],
                          ["1", "Meningkatnya kualitas pelayanan publik di seluruh perangkat daerah kota",
                           "Indeks Kepuasan Masyarakat (IKM) terhadap layanan administrasi kependudukan", "Indeks"]]))
    data = html_pdf(body, css="td { width: 25% }")
    rows = _cells(read_grid(data, "sel.pdf"))
    assert rows[0] == [paragraph.strip()]
    assert rows[1] == ["Samarinda, 2 Januari 2024"]
    assert rows[3] == ["1", "Meningkatnya kualitas pelayanan publik di seluruh perangkat daerah kota",
                       "Indeks Kepuasan Masyarakat (IKM) terhadap layanan administrasi kependudukan", "Indeks"]


def scanned_pdf() -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (600, 800), "white")
    ImageDraw.Draw(image).text((40, 40), "RENCANA AKSI TAHUN 2024", fill="black")
    buffer = io.BytesIO()
    image.save(buffer, "PDF", resolution=72)
    return buffer.getvalue()


def encrypted_pdf() -> bytes:
    import pypdf

    writer = pypdf.PdfWriter(clone_from=io.BytesIO(html_pdf("<p>RENCANA AKSI TAHUN 2024</p>")))
    writer.encrypt(user_password="rahasia", owner_password="pemilik", algorithm="AES-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def no_table_pdf() -> bytes:
    return html_pdf("<p>RENCANA AKSI DINAS CONTOH TAHUN 2024</p><p>Dokumen ini belum memuat tabel apa pun.</p>")


BAD = {
    "pindaian.pdf": (scanned_pdf, "PDF ini hasil pindaian"),
    "terkunci.pdf": (encrypted_pdf, "PDF ini dilindungi kata sandi"),
    "tanpa-tabel.pdf": (no_table_pdf, "tidak ditemukan tabel rencana aksi"),
    "rusak.pdf": (lambda: html_pdf("<p>x</p>")[:400], "berkas PDF rusak atau terpotong"),
}


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_pdfs_exit_2_with_a_message_and_write_nothing(tmp_path, name):
    from django.core.management import CommandError

    from .conftest import run_cli

    make, fragment = BAD[name]
    data = make()
    with pytest.raises(ImporGagal) as exc:
        api.parse_document(data, name)
    assert fragment in str(exc.value) and f"berkas {name}" in str(exc.value)
    assert not re.search(r"Exception|Error\b", str(exc.value))  # no class names: those are in the log
    path = tmp_path / name
    path.write_bytes(data)
    before = table_counts()
    with pytest.raises(CommandError) as error:
        run_cli(str(path), "--json")
    assert error.value.returncode == 2 and fragment in str(error.value)
    assert table_counts() == before


KEGIATAN = " ".join(f"kegiatan{i}" for i in range(40))


def _rowspan_over_the_break() -> bytes:
    rows = "".join(f"<tr><td>{n}</td><td>Sasaran {n}</td><td>Indikator {n}</td><td>Kegiatan {n}</td></tr>"
                   for n in range(1, 44))
    rows += ("<tr><td rowspan=2>44</td><td rowspan=2>Meningkatnya Pendidikan Politik Masyarakat</td>"
             f"<td>Persentase Parpol yang dibina</td><td>{KEGIATAN}</td></tr>"
             f"<tr><td>Persentase pemilih pemula</td><td>{KEGIATAN}</td></tr>"
             "<tr><td>45</td><td>Sasaran akhir</td><td>Indikator akhir</td><td>Kegiatan akhir</td></tr>")
    return html_pdf("<table><thead><tr><th>NO</th><th>SASARAN</th><th>INDIKATOR</th><th>KEGIATAN</th></tr></thead>"
                    f"<tbody>{rows}</tbody></table>", css="tr { break-inside: avoid }")


def test_a_merged_cell_cut_by_the_page_break_keeps_its_text_and_the_next_row_its_own():
    """A sasaran over two indikator rows (rowspan), the page breaking between them: the NO and SASARAN cells go on,
    open, over the break; the indikator row on the next page is a row of its own, its merged cells empty (as in a
    text copy). The sasaran's text was lost (no line closed its cell) and the second indikator glued to the first."""
    grid = read_grid(_rowspan_over_the_break(), "sel-gabungan.pdf")
    last = grid.sheets[0].rows[-3:]
    assert [r.halaman for r in last] == [1, 2, 2]  # the page breaks between the sasaran's two indikator rows
    assert _cells(grid)[-3:] == [["44", "Meningkatnya Pendidikan Politik Masyarakat", "Persentase Parpol yang dibina",
                                  KEGIATAN],
                                 ["", "", "Persentase pemilih pemula", KEGIATAN],
                                 ["45", "Sasaran akhir", "Indikator akhir", "Kegiatan akhir"]]
    assert not [d for d in grid.decisions if d.kode == "pdf.baris_terbelah"] and not grid.warnings


def test_text_in_a_table_that_no_cell_holds_is_a_warning(monkeypatch):
    """Were the cut merged cell not closed (a PDF drawn in a way the reader does not know), its text would fall in no
    cell: the import says so, quoting it, instead of losing it silently."""
    from renaksi.impor.readers import pdf

    monkeypatch.setattr(pdf, "_open_ends", lambda page: [])
    grid = read_grid(_rowspan_over_the_break(), "sel-gabungan.pdf")
    assert "Meningkatnya Pendidikan Politik Masyarakat" not in str(_cells(grid))
    [warning] = grid.warnings
    assert warning.kode == "pdf.teks_di_luar_sel" and warning.place.halaman == 1
    assert "“44 Meningkatnya Pendidikan Politik Masyarakat”" in warning.pesan
