"""The PDF formatter (laporan/pdf.py) on documents built here from blocks: it knows no document, so neither do these
tests. Each PDF is read back with poppler: the text of every page, the size of every page, the metadata; a few pages
are rendered to PNG under test-artifacts/pdf/ to be looked at."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from renaksi.laporan import blok, grid, pdf
from renaksi.laporan.blok import Bagian, Baris, Dokumen, Gambar, Judul, Paragraf, Sel, Tabel, TandaTangan
from tests.laporan.pdfutil import pdf_info, pdf_png, pdf_text

pytestmark = pytest.mark.pdf

LONG_ROWS = 120
PAGU = 59_059_304_998


def kepala_target() -> list[list[Sel]]:
    """Two header rows: 'Target' over TW I–IV, the other headings spanning both rows."""
    return [
        [Sel("No", rowspan=2), Sel("Uraian Kegiatan", rowspan=2), Sel("Target", colspan=4),
         Sel("Capaian", rowspan=2), Sel("Pagu (Rp)", rowspan=2)],
        [Sel("TW I"), Sel("TW II"), Sel("TW III"), Sel("TW IV")],
    ]


def tabel_panjang(rows: int = LONG_ROWS) -> Tabel:
    baris = [
        Baris([Sel(i + 1, rata="tengah"), Sel(f"Kegiatan nomor {i + 1} untuk peningkatan layanan administrasi"),
               Sel(Decimal("25.5"), "angka", 1), Sel(Decimal(50), "angka"), Sel(Decimal(75), "angka"),
               Sel(Decimal(100), "angka"), Sel(Decimal("29.1666"), "persen", 2), Sel(1_000_000 * (i + 1), "rupiah")])
        for i in range(rows)
    ]
    total = sum(1_000_000 * (i + 1) for i in range(rows))
    baris.append(Baris([Sel("JUMLAH", colspan=7, rata="tengah"),
                        Sel(total, "rupiah", jumlah=tuple(range(rows)))], jenis="total"))
    return Tabel(kepala=kepala_target(), baris=baris, lebar=[4, 40, 8, 8, 8, 8, 10, 14],
                 judul="Tabel 2.4 Target Triwulan", catatan="Sumber: DPA Tahun 2024.")


def tabel_gabung() -> Tabel:
    """Merged cells: one sasaran over three indikator rows, a subjudul row, a total, a coloured cell."""
    return Tabel(
        kepala=[[Sel("No"), Sel("Sasaran Strategis"), Sel("Indikator Kinerja"), Sel("Target"), Sel("Pagu (Rp)")]],
        baris=[
            Baris([Sel("PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH", colspan=5)], jenis="subjudul"),
            Baris([Sel(1), Sel("Meningkatnya akuntabilitas kinerja perangkat daerah", rowspan=3),
                   Sel("Nilai SAKIP"), Sel(Decimal("67.34"), "angka", 2), Sel(PAGU, "rupiah")]),
            Baris([Sel(2), Sel("Persentase capaian kinerja"), Sel(Decimal("29.17"), "persen", 2, isi_latar="8EAADB"),
                   Sel(1_500, "rupiah")]),
            Baris([Sel(3), Sel("Indeks kepuasan masyarakat dengan teks yang sangat panjang sekali "
                               "agar kolom yang sempit harus membungkus kata-katanya tanpa memotong apa pun"),
                   Sel(None), Sel(None, "rupiah")]),
            Baris([Sel("Jumlah", colspan=4, tebal=True), Sel(PAGU + 1_500, "rupiah", jumlah=(1, 2, 3))],
                  jenis="total"),
        ],
        lebar=[5, 30, 35, 12, 18],
        judul="Tabel 2.1 Indikator Kinerja Utama",
    )


def kepala_dinas() -> blok.Penandatangan:
    return blok.Penandatangan(jabatan="KEPALA DINAS PENDIDIKAN\nKOTA CONTOH", nama="Dr. H. ASLI NURDIN, M.Pd",
                              pangkat_golongan="Pembina Utama Muda (IV/c)", nip="19700101 199003 1 001",
                              tempat="Samarinda", tanggal=date(2024, 1, 2))


def sekretaris() -> blok.Penandatangan:
    return blok.Penandatangan(jabatan="SEKRETARIS", nama="SITI AMINAH, S.E.", pangkat_golongan="Pembina (IV/a)",
                              nip="19800202 200501 2 002", keterangan="Mengetahui,")


POHON_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="800" height="300" viewBox="0 0 800 300">'
    '<rect x="300" y="20" width="200" height="60" fill="#dbe5f1" stroke="#000"/>'
    '<text x="400" y="55" text-anchor="middle" font-size="14" font-family="DejaVu Sans">Sasaran Strategis</text>'
    '<line x1="400" y1="80" x2="200" y2="200" stroke="#000"/><line x1="400" y1="80" x2="600" y2="200" stroke="#000"/>'
    '<rect x="100" y="200" width="200" height="60" fill="#fde9d9" stroke="#000"/>'
    '<text x="200" y="235" text-anchor="middle" font-size="14" font-family="DejaVu Sans">Program A</text>'
    '<rect x="500" y="200" width="200" height="60" fill="#fde9d9" stroke="#000"/>'
    '<text x="600" y="235" text-anchor="middle" font-size="14" font-family="DejaVu Sans">Program B</text>'
    "</svg>"
)

NARASI = ("Rencana Aksi ini disusun sebagai penjabaran Perjanjian Kinerja ke dalam kegiatan triwulan, "
          "agar pencapaian sasaran strategis dapat dipantau dan dievaluasi secara berkala. ")


def dokumen_contoh(*, draf: bool = False) -> Dokumen:
    """A cover; narrative with a merged table and one signature; a long landscape table with two signatures;
    an A3 landscape drawing with a very wide table."""
    lebar_kolom = 30
    tabel_lebar = Tabel(
        kepala=[[Sel(f"Kolom {i + 1}") for i in range(lebar_kolom)]],
        baris=[Baris([Sel(123_456_789_012, "rupiah") if i % 3 == 0 else Sel(f"teks{i}panjangsekalitanpaspasi")
                      for i in range(lebar_kolom)])],
        lebar=[1] * lebar_kolom,
    )
    return Dokumen(
        judul="Rencana Aksi Dinas Contoh Kota Contoh Tahun 2024",
        nama_berkas="rencana-aksi-contoh-2024",
        pembuat="Dinas Contoh",
        subjek="Rencana Aksi",
        kata_kunci=["rencana aksi", "SAKIP"],
        draf=draf,
        bagian=[
            Bagian(sampul=True, blok=[Paragraf("PEMERINTAH KOTA CONTOH"), Judul("RENCANA AKSI"),
                                      Judul("TAHUN 2024", 2), Paragraf("DINAS CONTOH\nKOTA CONTOH")]),
            Bagian(blok=[Judul("BAB I\nPENDAHULUAN"), Judul("1.1 Latar Belakang", 2),
                         Paragraf((NARASI * 4 + "\n\n") * 2), tabel_gabung(),
                         TandaTangan([kepala_dinas()])]),
            Bagian(orientasi="lanskap", blok=[Judul("BAB II\nTARGET TRIWULAN"), tabel_panjang(),
                                              TandaTangan([sekretaris(), kepala_dinas()])]),
            Bagian(orientasi="lanskap", ukuran="A3",
                   blok=[Judul("POHON KINERJA"), Gambar(svg=POHON_SVG, alt="Pohon kinerja"), tabel_lebar]),
        ],
    )


@pytest.fixture(scope="module")
def rendered() -> bytes:
    return pdf.render(dokumen_contoh(draf=True))


def halaman_dengan(pages: list[str], teks: str) -> list[int]:
    """1-based numbers of the pages whose text holds `teks`."""
    return [n for n, page in enumerate(pages, start=1) if teks in page]


# ---------------------------------------------------------------------------------------------- values


@pytest.mark.parametrize(("sel", "teks"), [
    (Sel(PAGU, "rupiah"), "59.059.304.998"),
    (Sel(Decimal("29.1666"), "angka", 2), "29,17"),
    (Sel(Decimal("29.1666"), "persen", 2), "29,17%"),
    (Sel(Decimal("100"), "persen"), "100%"),
    (Sel(Decimal("1234.5"), "angka", 1), "1.234,5"),
    (Sel(12), "12"),
    (Sel(1200), "1.200"),
    (Sel(Decimal("16.20")), "16,20"),
    (Sel(Decimal("NaN"), "angka", 2), ""),
    (Sel(None, "rupiah"), ""),
    (Sel("✓"), "✓"),
    (Sel("-", "rupiah"), "-"),
])
def test_a_cell_is_shown_the_indonesian_way(sel, teks):
    assert grid.teks_sel(sel) == teks


# ---------------------------------------------------------------------------------------------- the document


def test_every_page_holds_its_text(rendered):
    pages = pdf_text(rendered)
    assert len(pages) == pdf_info(rendered).pages
    cover, bab1 = pages[0], pages[1]
    for teks in ("PEMERINTAH KOTA CONTOH", "RENCANA AKSI", "TAHUN 2024", "DINAS CONTOH"):
        assert teks in cover
    for teks in ("BAB I", "PENDAHULUAN", "1.1 Latar Belakang", "Tabel 2.1 Indikator Kinerja Utama",
                 "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH", "Nilai SAKIP", "Samarinda, 2 Januari 2024",
                 "Dr. H. ASLI NURDIN, M.Pd", "Pembina Utama Muda (IV/c)", "NIP. 19700101 199003 1 001"):
        assert teks in bab1, teks
    # The merged sasaran is printed once, beside its three indikator.
    assert bab1.count("Meningkatnya akuntabilitas") == 1
    # The long cell wraps inside its column: every word of it is there, none cut off.
    words = " ".join(bab1.split())
    for word in ("Indeks", "kepuasan", "masyarakat", "memotong", "apa", "pun"):
        assert word in words
    assert "BAB II" in pages[2] and "Tabel 2.4 Target Triwulan" in pages[2]
    last = pages[-1]
    assert "POHON KINERJA" in last
    assert "Sasaran Strategis" in last and "Program A" in last and "Program B" in last  # the SVG's own text
    assert last.count("123.456.789.012") == 10 and "teks29" in last  # the 30th column


def test_the_long_table_repeats_its_header_and_never_splits_a_row(rendered):
    pages = pdf_text(rendered)
    with_rows = halaman_dengan(pages, "Kegiatan nomor")
    assert len(with_rows) >= 3, "120 rows span several pages"
    for n in with_rows:
        for heading in ("Uraian Kegiatan", "Target", "TW I", "TW IV", "Capaian", "Pagu (Rp)"):
            assert heading in pages[n - 1], f"header '{heading}' missing on page {n}"
    lines = [line for page in pages for line in page.splitlines() if "Kegiatan nomor" in line]
    assert len(lines) == LONG_ROWS
    for i, line in enumerate(lines, start=1):
        # A row is whole on one line of one page: its number, its text, its values and its pagu.
        assert f"Kegiatan nomor {i} untuk peningkatan layanan administrasi" in line
        assert line.split()[-1] == f"{i}.000.000"
        assert "25,5" in line and "29,17%" in line
    total_page = halaman_dengan(pages, "JUMLAH")
    assert total_page and "7.260.000.000" in pages[total_page[0] - 1]
    assert "Sumber: DPA Tahun 2024." in pages[total_page[0] - 1]


def test_each_section_has_its_own_page_size(rendered):
    info = pdf_info(rendered)
    pages = pdf_text(rendered)
    assert (info.ukuran(1), info.orientasi(1)) == ("A4", "potret")
    assert (info.ukuran(2), info.orientasi(2)) == ("A4", "potret")
    for n in halaman_dengan(pages, "Kegiatan nomor"):
        assert (info.ukuran(n), info.orientasi(n)) == ("A4", "lanskap")
    assert (info.ukuran(info.pages), info.orientasi(info.pages)) == ("A3", "lanskap")
    # Each Bagian starts a new page: the cover holds nothing of BAB I, BAB I nothing of BAB II.
    assert "BAB I" not in pages[0] and "BAB II" not in pages[1]


def test_pages_are_numbered_except_the_cover(rendered):
    pages = pdf_text(rendered)
    total = len(pages)
    assert "Halaman" not in pages[0]
    assert f"Halaman 2 dari {total}" in pages[1]
    for n in range(2, total + 1):
        assert f"Halaman {n} dari {total}" in pages[n - 1]


def test_a_draft_is_marked_on_every_page_and_an_approved_document_on_none(rendered):
    assert all("DRAF" in page for page in pdf_text(rendered))
    approved = pdf.render(Dokumen(judul="Disetujui", nama_berkas="x", bagian=[
        Bagian(sampul=True, blok=[Judul("RENCANA AKSI")]), Bagian(blok=[Paragraf("Isi."), tabel_gabung()])]))
    pages = pdf_text(approved)
    assert len(pages) == 2
    assert not any("DRAF" in page for page in pages)


def test_metadata_names_the_document(rendered):
    info = pdf_info(rendered)
    assert info.title == "Rencana Aksi Dinas Contoh Kota Contoh Tahun 2024"
    assert info.author == "Dinas Contoh"
    assert info.subject == "Rencana Aksi"
    assert "rencana aksi" in info.keywords and "SAKIP" in info.keywords


def test_two_signature_blocks_side_by_side_stay_level(rendered):
    pages = pdf_text(rendered)
    (n,) = halaman_dengan(pages, "SITI AMINAH")
    lines = pages[n - 1].splitlines()
    names = next(line for line in lines if "SITI AMINAH" in line)
    assert "Dr. H. ASLI NURDIN, M.Pd" in names  # both names on one line
    nips = next(line for line in lines if "19800202 200501 2 002" in line)
    assert "19700101 199003 1 001" in nips
    for teks in ("Mengetahui,", "SEKRETARIS", "KEPALA DINAS PENDIDIKAN", "Samarinda, 2 Januari 2024"):
        assert teks in pages[n - 1]


def test_a_signature_block_at_the_foot_of_a_page_moves_whole_to_the_next():
    """Tables of growing length push the signature across the page end: its jabatan, name and NIP always share a
    page, and at least once the block had to move to a page of its own."""
    lengths = range(34, 58, 2)
    sections = []
    for n in lengths:
        rows = [Baris([Sel(i + 1), Sel(f"baris {n}-{i + 1}"), Sel(1000 * i, "rupiah")]) for i in range(n)]
        ttd = blok.Penandatangan(jabatan=f"JABATAN {n}", nama=f"PEJABAT {n}", nip=f"19700101 199003 1 {n:03d}",
                                 tempat="Samarinda", tanggal=date(2024, 12, 31))
        sections.append(Bagian(blok=[Tabel(kepala=[[Sel("No"), Sel("Uraian"), Sel("Pagu")]], baris=rows,
                                           lebar=[1, 6, 3]), TandaTangan([ttd])]))
    pages = pdf_text(pdf.render(Dokumen(judul="Uji", nama_berkas="uji", bagian=sections)))
    moved = 0
    for n in lengths:
        (jabatan_page,) = halaman_dengan(pages, f"JABATAN {n}")
        assert halaman_dengan(pages, f"PEJABAT {n}") == [jabatan_page]
        assert halaman_dengan(pages, f"1 {n:03d}") == [jabatan_page]
        assert "Samarinda, 31 Desember 2024" in pages[jabatan_page - 1]
        if f"baris {n}-{n}" not in pages[jabatan_page - 1]:
            moved += 1
            assert "Uraian" not in pages[jabatan_page - 1]  # a page of its own, no table header without rows
    assert moved >= 1, "no length put the signature at the end of a page"
    assert moved < len(lengths), "no length left the signature beside its table"


def lebar_tabel(columns: int) -> Tabel:
    return Tabel(kepala=[[Sel(f"K{i}") for i in range(columns)]],
                 baris=[Baris([Sel(9_999_999_999, "rupiah") for _ in range(columns)]),
                        Baris([Sel("https://contoh.go.id/" + "sangat-panjang-" * 8) for _ in range(columns)])],
                 lebar=[1] * columns)


def test_awkward_tables_still_print():
    """No rows, None values, a word longer than its column, more columns than a portrait page holds at 8.5pt: the
    font shrinks and the numbers stay whole."""
    columns = 10
    dokumen = Dokumen(judul="Canggung", nama_berkas="canggung", bagian=[Bagian(blok=[
        Tabel(kepala=[[Sel("Kode"), Sel("Uraian")]], baris=[], lebar=[1, 3], judul="Tabel kosong"),
        Tabel(kepala=[], baris=[Baris([Sel(None), Sel(None, "rupiah"), Sel(None, "persen", 2)])], lebar=[]),
        lebar_tabel(columns),
        Paragraf("Selesai."),
    ])])
    data = pdf.render(dokumen)
    text = " ".join(pdf_text(data))
    assert "Tabel kosong" in text and "Tidak ada data." in text and "Selesai." in text
    assert text.count("9.999.999.999") == columns
    info = pdf_info(data)
    for page in range(1, info.pages + 1):
        png = pdf_png(data, page, 100, nama="canggung")
        assert_right_margin_blank(png, page_width_pt=info.page_sizes[page - 1][0], margin_mm=20)


def test_a_table_too_wide_for_any_font_breaks_its_numbers_rather_than_run_off_the_page():
    data = pdf.render(Dokumen(judul="Terlalu lebar", nama_berkas="x", bagian=[Bagian(blok=[lebar_tabel(30)])]))
    info = pdf_info(data)
    text = "".join("".join(page.split()) for page in pdf_text(data))
    assert text.count("9") >= 30 * 10  # every digit printed somewhere
    png = pdf_png(data, 1, 100, nama="terlalu-lebar")
    assert_right_margin_blank(png, page_width_pt=info.page_sizes[0][0], margin_mm=20)


def assert_right_margin_blank(png, *, page_width_pt: float, margin_mm: float) -> None:
    """Nothing is drawn in the page's right margin (above the footer): no column ran off the page."""
    from PIL import Image

    with Image.open(png) as image:
        grey = image.convert("L")
        width, height = grey.size
        px_per_mm = width / (page_width_pt * 25.4 / 72)
        strip = grey.crop((width - int(margin_mm * px_per_mm) + 2, 0, width, height - int(25 * px_per_mm)))
        assert strip.getextrema()[0] > 240, f"something drawn in the right margin of {png}"


def test_the_pages_look_right_in_png():
    """The long table, the signatures and the A3 drawing, rendered to PNG (test-artifacts/pdf/): nothing runs into
    the right margin. Look at them after changing cetak.css."""
    data = pdf.render(dokumen_contoh(draf=False))
    info = pdf_info(data)
    for page in range(1, info.pages + 1):
        png = pdf_png(data, page, 60, nama="contoh")
        margin = 15 if info.orientasi(page) == "lanskap" else 20
        assert_right_margin_blank(png, page_width_pt=info.page_sizes[page - 1][0], margin_mm=margin)


def test_a_drawing_cannot_make_the_renderer_read_a_file(tmp_path):
    """The SVG carries text typed by users; a reference in it to a file or a URL is not followed."""
    from PIL import Image

    secret = tmp_path / "rahasia.png"
    Image.new("RGB", (20, 20), "red").save(secret)
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><image href="{secret.as_uri()}" '
           'width="200" height="100"/><text x="10" y="50">Label</text></svg>')
    data = pdf.render(Dokumen(judul="x", nama_berkas="x", bagian=[Bagian(blok=[Gambar(svg=svg, alt="gambar")])]))
    assert b"/Image" not in data  # the file was not embedded
    assert "Label" in pdf_text(data)[0]


def test_a_cell_merged_over_many_rows_does_not_stop_the_table_from_breaking():
    """`break-inside: avoid` on rows and a sasaran merged over 80 indikator: the table still flows over pages."""
    n = 80
    rows = [Baris(([Sel("Sasaran bersama", rowspan=n)] if i == 0 else []) + [Sel(f"indikator {i + 1}"), Sel(i, "rupiah")])
            for i in range(n)]
    data = pdf.render(Dokumen(judul="x", nama_berkas="x", bagian=[Bagian(blok=[
        Tabel(kepala=[[Sel("Sasaran"), Sel("Indikator"), Sel("Pagu")]], baris=rows, lebar=[3, 5, 2])])]))
    pages = pdf_text(data)
    assert len(pages) == 2
    assert pages[0].count("Sasaran bersama") == 1 and "indikator 1 " in pages[0]
    assert "indikator 80" in pages[1] and "Indikator" in pages[1]
    assert sum(page.count("indikator ") for page in pages) == n


def test_short_words_are_never_broken_inside_a_narrow_column():
    """The RA document's aksi table: twelve month columns of 2 parts in 136, a target column of 6. A month, "TARGET"
    or "dokumen" is printed whole (it was "Ja n", "F e b", "TARGE T", "dokume n"); a long word may still break."""
    bulan = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"]
    kepala = [[Sel("NO", rowspan=2), Sel("AKSI/KEGIATAN", rowspan=2), Sel("JADWAL PELAKSANAAN", colspan=12),
               *(Sel(x, rowspan=2) for x in ("OUTPUT/ KELUARAN", "PROGRAM", "KEGIATAN", "SUB KEGIATAN", "TARGET",
                                             "PAGU ANGGARAN (Rp)"))],
              [Sel(b) for b in bulan]]
    baris = [Baris([Sel(str(n)), Sel("Penyusunan laporan akhir dan rekomendasi hasil kegiatan"), *(Sel() for _ in bulan),
                    Sel("Berkas penyusunan laporan"), Sel("Program Penguatan Ideologi Pancasila"),
                    Sel("Perumusan Kebijakan Teknis"), Sel("Pelaksanaan Monitoring Evaluasi"), Sel("8 dokumen"),
                    Sel(112_180_000, "rupiah")]) for n in range(1, 4)]
    tabel = Tabel(kepala=kepala, baris=baris, lebar=[3, 15, *([2] * 12), 11, 11, 11, 13, 6, 9])
    data = pdf.render(Dokumen(judul="Aksi", nama_berkas="aksi", bagian=[Bagian(blok=[tabel], orientasi="lanskap")]))
    words = " ".join(pdf_text(data)).split()
    for word in [*bulan, "TARGET", "dokumen", "PROGRAM", "KEGIATAN"]:
        assert word in words, f"{word!r} broken inside its column: {words[:80]}"
    assert words.count("112.180.000") == 3


def test_a_part_heading_is_never_left_alone_at_the_foot_of_a_page():
    """A matrix part's heading row ("C. Sasaran Kegiatan") goes to the next page with the rows it heads. Drawn at
    every place near the first page break, one of which left it alone at the foot (it did in the Bangka RA PDF)."""
    for n in range(46, 56):
        baris = [Baris([Sel(str(i)), Sel(f"Baris {i}")]) for i in range(n)]
        baris += [Baris([Sel("C. Sasaran Kegiatan", colspan=2)], jenis="subjudul"),
                  *(Baris([Sel(str(i)), Sel(f"Lanjut {i}")]) for i in range(5))]
        tabel = Tabel(kepala=[[Sel("NO"), Sel("Uraian")]], baris=baris, lebar=[1, 5])
        pages = pdf_text(pdf.render(Dokumen(judul="x", nama_berkas="x", bagian=[Bagian(blok=[tabel])])))
        assert sum(page.count("C. Sasaran Kegiatan") for page in pages) == 1
        for page in pages:
            lines = [line.strip() for line in page.splitlines() if line.strip() and "Halaman" not in line]
            assert not lines[-1].startswith("C. Sasaran Kegiatan"), f"alone at the foot of a page with {n} rows"


# ---------------------------------------------------------------------------------------------- merged cells at a page foot


def kata_di_bawah_tabel(data: bytes) -> list[tuple[int, str]]:
    """(page, word) for every word printed below the lowest ruled line of its page, above the page's foot line
    ("Halaman N dari M"): in a document of one table, text outside the table."""
    import io

    import pdfplumber

    keluar = []
    with pdfplumber.open(io.BytesIO(data)) as dokumen:
        for nomor, halaman in enumerate(dokumen.pages, start=1):
            garis = [e["top"] for e in halaman.edges if e["orientation"] == "h"]
            kaki = halaman.height - 15 * pdf.PT_PER_MM  # the foot line sits in the bottom margin
            keluar += [(nomor, w["text"]) for w in halaman.extract_words()
                       if garis and (w["top"] + w["bottom"]) / 2 > max(garis) and w["bottom"] < kaki]
    return keluar


def sasaran_bertingkat(jumlah: int, *, kolom_angka: int = 0) -> Tabel:
    """`jumlah` sasaran, each merged over two programs, each program merged over three one-line rows; a sasaran's
    and a program's name take more lines than the rows they span, so a page break between their rows cuts them.
    `kolom_angka` more columns of numbers make the table's font smaller."""
    baris = []
    for s in range(1, jumlah + 1):
        for p in range(1, 3):
            for k in range(1, 4):
                sel = []
                if p == 1 and k == 1:
                    sel += [Sel(str(s), rowspan=6), Sel(f"Sasaran{s} meningkatnya kualitas perencanaan penganggaran "
                                                        f"evaluasi dan pelaporan kinerja perangkat daerah akhir{s}",
                                                        rowspan=6)]
                if k == 1:
                    sel.append(Sel(f"Program{s}.{p} penunjang urusan pemerintahan daerah kabupaten kota "
                                   f"provinsi ujung{s}.{p}", rowspan=3, tebal=p == 2))
                angka = [Sel(123_456_789, "rupiah") for _ in range(kolom_angka)]
                baris.append(Baris([*sel, Sel(f"kegiatan{s}.{p}.{k}"), *angka, Sel(1_000 * s + 10 * p + k, "rupiah")]))
    kepala = [Sel("NO"), Sel("Sasaran"), Sel("Program"), Sel("Kegiatan"), *(Sel(f"TW{i}") for i in range(kolom_angka)),
              Sel("Pagu (Rp)")]
    return Tabel(kepala=[kepala], baris=baris, lebar=[4, 24, 24, 30, *([8] * kolom_angka), 18])


@pytest.mark.parametrize("kolom_angka", [0, 12], ids=["8,5pt", "kecil"])
def test_a_merged_cell_cut_by_a_page_break_prints_no_text_below_the_table(kolom_angka, monkeypatch):
    """A sasaran or program merged over rows that a page break cuts before its text ends: WeasyPrint printed the
    rest of its text below the table's ruled line at the foot of the page, outside the table (the Bangka RA PDF,
    page 6). Now the page breaks where the merged cells' texts are whole; every word is still printed once, on its
    row; the pages are not many more than when the page breaks anywhere."""
    jumlah = 12

    def render() -> bytes:
        tabel = sasaran_bertingkat(jumlah, kolom_angka=kolom_angka)
        return pdf.render(Dokumen(judul="x", nama_berkas="x", bagian=[Bagian(blok=[tabel], orientasi="lanskap")]))

    data = render()
    assert kata_di_bawah_tabel(data) == []
    pages = pdf_text(data)
    words = " ".join(pages).split()
    for s in range(1, jumlah + 1):
        for kata in (f"Sasaran{s}", f"akhir{s}", *(f"Program{s}.{p}" for p in (1, 2)), *(f"ujung{s}.{p}" for p in (1, 2))):
            assert words.count(kata) == 1, kata
        for p in (1, 2):
            for k in (1, 2, 3):
                assert words.count(f"kegiatan{s}.{p}.{k}") == 1
        # A merged cell's first line stands on the line of the first row it spans.
        lines = [line for page in pages for line in page.splitlines()]
        assert any(f"Sasaran{s} " in line and f"Program{s}.1 " in line and f"kegiatan{s}.1.1 " in line for line in lines)
        assert any(f"Program{s}.2 " in line and f"kegiatan{s}.2.1 " in line for line in lines)

    monkeypatch.setattr(pdf, "_rapat", lambda kisi, lebar_pt, padat: [False] * (kisi.jumlah_baris - kisi.jumlah_kepala))
    dulu = render()  # the page breaks anywhere, as before
    assert kata_di_bawah_tabel(dulu), "no merged cell was cut: the test shows nothing"
    assert len(pdf_text(dulu)) >= 2 and len(pages) <= len(pdf_text(dulu)) * 1.25


TEKS_SEL = [
    "Meningkatnya Akuntabilitas Kinerja Perangkat Daerah",
    "Program Peningkatan Peran Partai Politik dan Lembaga Pendidikan Melalui Pendidikan Politik dan Pengembangan "
    "Etika Serta Budaya Politik",
    "Sub Kegiatan : 1. Pelaksanaan Monitoring, Evaluasi dan Pelaporan Di Bidang Pendidikan Politik, Etika Budaya "
    "Politik, Peningkatan Demokrasi, Fasilitasi Kelembagaan Pemerintahan, Perwakilan dan Partai Politik, Pemilihan "
    "Umum/ Pemilihan Umum Kepala Daerah",
    "8.01.01.2.08.0004 Penyediaan Jasa Pelayanan Umum Kantor",
    "PENYELENGGARAAN WAWASAN KEBANGSAAN DAN KETAHANAN NASIONAL",
    "mmmmmmmmmmmmmmmmmmmmmmmmmmmmmm iiiiiiiiiiiiiiiiiiiiiiii WWWWW",
    "Nilai SAKIP\nB (67,34)\n✓ — “tercapai” ±5%",
    "iiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiii",
]


@pytest.mark.parametrize("padat", [0, 2, 4])
def test_the_estimate_of_a_cells_lines_errs_on_the_safe_side(padat):
    """`pdf._rapat` keeps a merged cell's rows together while they are not surely as tall as its text: that holds
    only if its count of a text's lines is never below what WeasyPrint prints, and its count for a row's own cells
    never above. Each text printed alone in a cell as cetak.css sets it, at several widths, regular and bold."""
    import html
    import io

    import pdfplumber
    from weasyprint import HTML

    pt = pdf.UKURAN_HURUF_TABEL_PT[padat]
    padding_v, padding_h = pdf._padding_pt(padat)
    kasus = [(teks, lebar, tebal) for teks in TEKS_SEL for lebar in (25, 60, 140) for tebal in (False, True)]
    tabel = "".join(
        f'<table style="width: {lebar}pt"><tr><td{" class=tebal" if tebal else ""}>'
        f'{html.escape(teks).replace(chr(10), "<br>")}</td></tr></table>' for teks, lebar, tebal in kasus)
    css = (f"@page {{ size: 200mm 1000mm; margin: 5mm }} table {{ border-collapse: collapse; table-layout: fixed; "
           f"font-family: 'DejaVu Sans', sans-serif; font-size: {pt}pt; line-height: 1.25; margin-bottom: 4pt; "
           f"break-after: page }} "
           f"td {{ border: 0.6pt solid #000; padding: {padding_v}pt {padding_h}pt; overflow-wrap: anywhere; "
           f"vertical-align: top }} .tebal {{ font-weight: bold }}")
    data = HTML(string=f"<html><head><meta charset='utf-8'><style>{css}</style></head><body>{tabel}</body></html>"
                ).write_pdf()
    with pdfplumber.open(io.BytesIO(data)) as dokumen:  # a page per table: its lines are the page's
        dicetak = [len({round(w["top"]) for w in halaman.extract_words()}) for halaman in dokumen.pages]
    assert len(dicetak) == len(kasus)
    for (teks, lebar, tebal), baris in zip(kasus, dicetak, strict=True):
        lebar_em = (lebar - 2 * padding_h - pdf._GARIS_PT) / pt
        assert pdf._baris_paling_sedikit(teks, lebar_em) <= baris <= pdf._baris_paling_banyak(teks, lebar_em, tebal), \
            (teks, lebar, tebal, baris)
