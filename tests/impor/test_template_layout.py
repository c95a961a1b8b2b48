"""The Renaksi template: its blank form, the export of a plan, and reading it back into a `RencanaAksiDoc`."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from renaksi.impor.grid import ImporGagal
from renaksi.impor.layouts import template as layout
from renaksi.impor.readers import read_grid
from renaksi.impor.readers.docx import read_docx
from renaksi.impor.readers.xlsx import read_xlsx
from renaksi.laporan.templat import render_docx, render_xlsx
from renaksi.perencanaan.templat import SHEETS, build_template_data
from tests.conftest import SEED_BANGKA, SEED_SAMARINDA
from tests.factories import make_rich_plan


def grids(data):
    return {"xlsx": read_xlsx(render_xlsx(data), "templat.xlsx"), "docx": read_docx(render_docx(data), "templat.docx")}


def test_blank_template_has_every_table_with_styles_widths_panes_and_lists(db):
    content = render_xlsx(build_template_data())
    wb = load_workbook(io.BytesIO(content))
    assert wb.sheetnames == [s.nama for s in SHEETS] + ["Petunjuk", "Daftar"]
    assert wb["Daftar"].sheet_state == "hidden"
    ws = wb["Sasaran & Indikator"]
    assert [c.value for c in ws[2]][:3] == ["Ref sasaran *", "Tingkat", "Ref induk"]
    assert ws["A2"].font.bold and ws["A2"].fill.fgColor.rgb.endswith("0B4F6C")
    assert ws.freeze_panes == "B3"
    assert ws.column_dimensions["E"].width == 45
    lists = {str(dv.sqref): dv.formula1 for dv in ws.data_validations.dataValidation}
    assert lists["B3:B502"] == "'Daftar'!$B$1:$B$4"  # Tingkat: no "=" in the file format
    aksi = wb["Aksi"]
    assert aksi.freeze_panes == "D3"
    assert len(aksi.data_validations.dataValidation) == 12  # one list of "x" per month
    assert aksi.column_dimensions["T"].number_format == "#,##0"  # Pagu typed later shows its grouping
    petunjuk = [row for row in wb["Petunjuk"].iter_rows(values_only=True)]
    assert ("Aksi", "Pagu (Rp)", "Pagu aksi bila ada, rupiah bulat.", "") in [tuple(r[:3]) + ("",) for r in petunjuk]


def test_blank_template_reads_as_an_empty_plan(db):
    for fmt, grid in grids(build_template_data()).items():
        assert layout.detect(grid) == 100, fmt
        doc = layout.read(grid)
        assert doc.counts() == dict.fromkeys(doc.counts(), 0), fmt
        assert doc.tahun is None and doc.perangkat_daerah is None


def test_the_template_layout_does_not_claim_the_seeds(seeds_dir):
    for path in (SEED_BANGKA, SEED_SAMARINDA):
        assert layout.detect(read_grid(path.read_bytes(), path.name)) == 0


def test_export_writes_real_numbers_with_their_decimals(world):
    plan = make_rich_plan(world.other_pd)
    wb = load_workbook(io.BytesIO(render_xlsx(build_template_data(plan))))
    ws = wb["Sasaran & Indikator"]
    row = [c for c in ws[3]]
    by_title = {ws.cell(row=2, column=c.column).value.rstrip(" *"): c for c in row}
    assert by_title["Target tahunan"].value == 64.78 and by_title["Target tahunan"].number_format == "#,##0.00"
    assert by_title["TW I"].value == 16.2 and by_title["TW I"].number_format == "#,##0.00"
    assert by_title["Akumulasi"].value == "Kumulatif (disimpulkan)"
    anggaran = wb["Anggaran"]
    assert anggaran["F3"].value == 2720900248 and anggaran["F3"].number_format == "#,##0"
    assert anggaran["F4"].value is None  # a kegiatan without pagu stays empty, not 0
    assert anggaran["F6"].value == 0


@pytest.mark.parametrize("fmt", ["xlsx", "docx"])
def test_export_reads_back_into_the_same_document(world, fmt):
    plan = make_rich_plan(world.other_pd)
    doc = layout.read(grids(build_template_data(plan))[fmt])
    assert doc.layout == "template"
    assert (doc.tahun, doc.perangkat_daerah.teks, doc.pemda_jenis, doc.pemda_nama) == (
        2024, "Dinas Kesehatan", "kota", "Contoh")
    assert (doc.tempat, doc.tanggal, doc.judul.teks) == ("Samarinda", dt.date(2024, 1, 2), "Rencana Aksi Kaya")
    assert doc.judul_tetap and doc.jadwal_bertanda  # a title and "x" marks the template states as such
    assert doc.penandatangan.nip == "196703191997021003" and doc.penandatangan.status == "plt"
    assert doc.counts() == {"sasaran": 3, "indikator": 3, "program": 1, "kegiatan": 1, "sub_kegiatan": 2,
                            "aksi": 3, "pejabat": 3}
    s1, s2, s3 = doc.sasaran
    assert (s2.parent, s3.parent, s2.level, s1.nomor, s1.bidang) == (s1, s2, "program", "6.1",
                                                                      "Sekretariat, Umum; Keuangan")
    ipa, akip = s1.indikator
    assert ipa.target.angka.nilai == Decimal("64.78") and ipa.target.angka.teks == "64,78"
    assert [t.angka.nilai for t in ipa.triwulan] == [Decimal("16.20")] * 4
    assert ipa.triwulan[0].angka.desimal == 2 and ipa.triwulan[0].angka.teks == "16,20"
    assert (ipa.akumulasi, ipa.akumulasi_disimpulkan, ipa.polaritas, ipa.polaritas_disimpulkan) == (
        "kumulatif", True, "positif", False)
    assert ipa.alasan_inferensi == "target triwulan cocok dengan jenis kumulatif"
    assert ipa.is_iku and ipa.bidang == "Sekretariat, Umum; Keuangan" and ipa.keterangan[0].teks
    assert (ipa.sumber_data, akip.sumber_data) == ("BKPSDM", "")
    assert (akip.target.angka.kategori, akip.target.angka.nilai, akip.target.angka.teks) == (
        "B", Decimal("67.34"), "B (67,34)")
    assert akip.triwulan[0].kosong and akip.jenis_target == "kategori"
    temuan = s2.indikator[0]
    assert [t.angka.teks for t in [temuan.target, *temuan.triwulan]] == ["0%", "29,17%", "1.500", "-", "1,500"]
    assert [t.angka.nilai for t in [temuan.target, *temuan.triwulan]] == [
        0, Decimal("29.17"), 1500, None, Decimal("1.500")]
    program = doc.program[0]
    assert program.pagu.nilai == 2_720_900_248 and program.indikator == [ipa, akip]
    kegiatan = program.kegiatan[0]
    assert kegiatan.pagu.nilai is None and kegiatan.indikator == [temuan]
    sub, kosong = kegiatan.sub_kegiatan
    assert (sub.kode, sub.pagu.nilai, sub.bidang, sub.indikator) == (
        "8.01.01.2.02.0001", 1_800_807_540, "Sekretariat, Umum; Keuangan", [temuan])
    assert (sub.target.angka.nilai, sub.target.angka.satuan, sub.target.angka.teks) == (1200, "Orang", "1200 Orang")
    assert kosong.pagu.nilai == 0
    assert (sub.catatan, kosong.catatan) == ("sesuai DPA", "")
    rapat, laporan = sub.aksi
    assert (rapat.catatan, laporan.catatan) == ("", "nomor 4–6 tidak ada di dokumen")
    assert rapat.bulan == list(range(1, 13)) and rapat.pagu.nilai == 5_000_000
    assert rapat.pejabat.nama.teks == "Hj. SRI REPELITA, S.Sos, M.Si"
    assert (rapat.target.angka.nilai, rapat.target.angka.teks) == (Decimal("12.5"), "12,5 laporan")
    assert laporan.bulan == [] and laporan.target is None and laporan.pagu.nilai is None
    assert kosong.aksi[0].bulan == [12] and kosong.aksi[0].pejabat is doc.penandatangan
    (pk,) = doc.perjanjian_kinerja
    assert doc.pk == []  # every line belongs to the PK whose header the template states
    walikota = next(p for p in doc.pejabat if p.nama.teks == "Dr. H. ANDI HARUN")
    assert (pk.jenis, pk.pihak_pertama, pk.pihak_kedua, pk.pihak_kedua_jabatan, pk.tempat, pk.tanggal) == (
        "murni", doc.penandatangan, walikota, "Wali Kota Samarinda", "Samarinda", dt.date(2024, 1, 15))
    assert [(i.nomor, i.indikator_ref, i.target.angka.teks) for i in pk.items] == [
        ("1", ipa, "64,78"), ("2", akip, "B (67,34)")]
    assert list(doc.all_pk_items()) == pk.items
    kepala_bidang = [p for p in doc.pejabat if p.kepala_bidang]
    assert [p.bidang for p in kepala_bidang] == ["Bidang Politik Dalam Negeri"]
    assert [p.nama.teks for p in doc.pejabat if p.kepala_pd] == ["SUCIPTO, S.Pd, M.Si."]
    assert {b.nama.teks: b.kepala for b in doc.bidang}["Bidang Politik Dalam Negeri"] is kepala_bidang[0]
    assert doc.decisions == [] and doc.warnings == []


def test_every_value_knows_its_place(world):
    plan = make_rich_plan(world.other_pd)
    xlsx = layout.read(grids(build_template_data(plan))["xlsx"])
    pagu = xlsx.program[0].pagu.place
    assert pagu.describe() == "berkas templat.xlsx, lembar 'Anggaran', baris 3, kolom 6 (Pagu (Rp))"
    docx = layout.read(grids(build_template_data(plan))["docx"])
    assert docx.program[0].pagu.place.describe().startswith("berkas templat.docx, tabel 'Anggaran', baris ")


def fill_blank(rows_by_sheet: dict[str, list[list]]) -> bytes:
    """The blank template as a person fills it in Excel: values typed from row 3 on."""
    wb = load_workbook(io.BytesIO(render_xlsx(build_template_data())))
    for name, rows in rows_by_sheet.items():
        ws = wb[name]
        if name == "Identitas":
            keys = {ws.cell(row=r, column=1).value.rstrip(" *"): r for r in range(3, ws.max_row + 1)}
            for key, value in rows:
                ws.cell(row=keys[key], column=2, value=value)
            continue
        for r, values in enumerate(rows, start=3):
            for c, value in enumerate(values, start=1):
                ws.cell(row=r, column=c, value=value)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def test_a_template_filled_by_hand_with_typed_text_numbers(db):
    content = fill_blank({
        "Identitas": [("Perangkat Daerah", "Badan Kesbangpol"), ("Tahun", 2025), ("Tanggal penetapan", "2 Januari 2025"),
                      ("Jenis Pemda", "Kabupaten"), ("Nama Pemda", "Bangka")],
        "Sasaran & Indikator": [
            ["S1", "Sasaran strategis", None, "1", "Menurunnya konflik", None, "I1", "Persentase konflik", "Persen",
             None, "Negatif", "Nilai akhir", None, "33,33", "0", "0", "0", "33,33"],
            [None, None, None, None, None, None, "I2", "Jumlah forum", "Forum", None, None, None, None,
             "30 (1 Forum)"],
        ],
        "Anggaran": [
            ["P1", "Program", None, "8.01.02", "Program Penguatan Ideologi", "1.030.000"],
            ["K1", "kegiatan", None, None, "Perumusan Kebijakan", 1030000, None, "I1; I2"],
            ["SK1", "Sub kegiatan", "K1", None, "Pelaksanaan Koordinasi", "1,030,000.00"],
        ],
        "Aksi": [["Pelaksanaan Koordinasi", "1", "Rapat", "x", None, "X", None, None, None, None, None, None, None,
                  None, "v", "Notulen", "1200 Orang", None, None, "1.500"]],
        "Pejabat": [["MUNAWAROH", "19690325 199103 2 004", None, None, "Kabid"]],
    })
    doc = layout.read(read_xlsx(content, "isian.xlsx"))
    assert (doc.tahun, doc.tanggal, doc.pemda_jenis) == (2025, dt.date(2025, 1, 2), "kabupaten")
    (s1,) = doc.sasaran
    konflik, forum = s1.indikator
    assert (konflik.polaritas, konflik.akumulasi, konflik.akumulasi_disimpulkan) == ("negatif", "nilai_akhir", False)
    assert konflik.target.angka.nilai == Decimal("33.33") and konflik.target.angka.teks == "33,33"
    assert (forum.target.angka.nilai, forum.target.angka.keterangan) == (30, "(1 Forum)")
    assert [p.pagu.nilai for p in [doc.program[0], *doc.all_kegiatan(), *doc.all_sub_kegiatan()]] == [1030000] * 3
    assert doc.program[0].kegiatan[0].indikator == [konflik, forum]
    (aksi,) = doc.all_aksi()
    assert aksi.bulan == [1, 3, 12]  # "x", "X" and "v" all mark a month
    assert (aksi.target.angka.nilai, aksi.target.angka.satuan, aksi.target.angka.teks) == (1200, "Orang", "1200 Orang")
    assert doc.pejabat[0].nip == "196903251991032004"
    # "1.500" typed as text is 1500 rupiah or 1,5: money is whole rupiah, and the decision is said with its place
    assert aksi.pagu.nilai == 1500
    assert [(d.place.sheet, d.place.baris, d.place.kolom) for d in doc.decisions if "'1.500'" in d.pesan] == [
        ("Aksi", 3, 20)]


def test_month_columns_written_with_other_spellings_are_still_read(db):
    """Renaksi writes Mar, Agu, Nov; a template exported before that (Agt) or retyped (Mrt, Nop) reads the same."""
    months = [None] * 12
    months[2] = months[7] = months[10] = "x"
    content = fill_blank({
        "Anggaran": [["P1", "Program", None, None, "Program A"], ["K1", "Kegiatan", "P1", None, "Kegiatan A"],
                     ["SK1", "Sub kegiatan", "K1", None, "Sub kegiatan A"]],
        "Aksi": [["SK1", "1", "Rapat koordinasi", *months]],
    })
    wb = load_workbook(io.BytesIO(content))
    ws = wb["Aksi"]
    assert [ws.cell(row=2, column=c).value for c in range(4, 16)] == [
        "Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"]
    ws["F2"], ws["K2"], ws["N2"] = "Mrt", "Agt", "Nopember"
    buffer = io.BytesIO()
    wb.save(buffer)
    (aksi,) = layout.read(read_xlsx(buffer.getvalue(), "isian.xlsx")).all_aksi()
    assert aksi.bulan == [3, 8, 11]


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ({"Aksi": [["SK9", "1", "Rapat"]]},
         "lembar 'Aksi', baris 3, kolom 1 (Ref sub kegiatan): sub kegiatan 'SK9' tidak ada di tabel Anggaran"),
        ({"Anggaran": [["P1", "Programm", None, None, "Program A"]]},
         "lembar 'Anggaran', baris 3, kolom 2 (Tingkat): 'Programm' bukan pilihan kolom Tingkat"),
        ({"Anggaran": [["P1", "Program", None, None, "Program A", "satu juta"]]},
         "kolom 6 (Pagu (Rp)): 'satu juta' bukan angka"),
        ({"Anggaran": [["P1", "Program", None, None, "Program A", "1.500,50"]]}, "pagu harus rupiah bulat"),
        ({"Anggaran": [["K1", "Kegiatan", None, None, "Kegiatan tanpa program"]]},
         "tidak berada di bawah program mana pun"),
        ({"Sasaran & Indikator": [["S1", None, "S7", None, "Sasaran"]]}, "sasaran induk 'S7' tidak ada"),
        ({"Sasaran & Indikator": [["S1", None, None, None, "Sasaran", None, "I1", "A"],
                                  ["S1", None, None, None, None, None, "I1", "B"]]}, "Ref indikator 'I1' dipakai dua"),
        ({"Identitas": [("Tanggal penetapan", "kemarin")]}, "'kemarin' bukan tanggal"),
        ({"Identitas": [("Tahun", "24")]}, "tahun '24' tidak sah"),
        ({"PK": [["PK1", None, "199001012020121001", None, None, None, None, "1", None, None, "80"]]},
         "pejabat '199001012020121001' tidak ada di tabel Pejabat"),
    ],
)
def test_a_wrong_template_names_the_cell(db, rows, message):
    with pytest.raises(ImporGagal) as info:
        layout.read(read_xlsx(fill_blank(rows), "isian.xlsx"))
    assert message in str(info.value)


def test_a_missing_required_column_is_named(db):
    wb = load_workbook(io.BytesIO(render_xlsx(build_template_data())))
    wb["Anggaran"]["E2"] = "Uraian"  # the "Nama *" header renamed
    buffer = io.BytesIO()
    wb.save(buffer)
    with pytest.raises(ImporGagal, match=r"lembar 'Anggaran', baris 2: tabel Anggaran tidak memiliki kolom wajib: Nama"):
        layout.read(read_xlsx(buffer.getvalue(), "isian.xlsx"))


def test_columns_found_by_title_may_be_moved_or_removed(db):
    wb = load_workbook(io.BytesIO(render_xlsx(build_template_data())))
    ws = wb["Anggaran"]
    ws.delete_cols(4)  # Kode removed: Nama moves to D, Pagu to E
    ws["A3"], ws["B3"], ws["D3"], ws["E3"] = "P1", "Program", "Program A", 5000
    buffer = io.BytesIO()
    wb.save(buffer)
    doc = layout.read(read_xlsx(buffer.getvalue(), "isian.xlsx"))
    assert (doc.program[0].nama.teks, doc.program[0].kode, doc.program[0].pagu.nilai) == ("Program A", "", 5000)


def test_each_ref_pk_is_one_perjanjian_kinerja_with_its_header(db):
    """Rows of one Ref PK share its header (read from its first row); an empty Ref PK continues the PK above; a
    header cell that contradicts the first row is reported, not silently dropped."""
    kepala, walikota = "19670319 199702 1 003", "Dr. H. ANDI HARUN"
    content = fill_blank({
        "Sasaran & Indikator": [["S1", None, None, "1", "Sasaran", None, "I1", "Indikator A", None, None, None, None,
                                 None, "80"]],
        "Pejabat": [["SUCIPTO", kepala, None, None, "Kepala Badan"], [walikota, None, None, None, "Wali Kota"]],
        "PK": [
            ["PK1", "Murni", kepala, walikota, "Wali Kota Samarinda", "Samarinda", "2 Januari 2024", "1", "S1", "I1",
             "80"],
            [None, None, None, None, None, None, None, "2", "S1", None, "75"],
            ["PK2", "Perubahan", kepala, None, None, "Samarinda", "2024-10-01", "1", None, "I1", "85"],
            ["PK2", None, walikota, None, None, None, None, "2", None, "I1", "90"],
            ["PK3", "Murni", walikota],  # a PK without butir still has its header
        ],
    })
    doc = layout.read(read_xlsx(content, "isian.xlsx"))
    sucipto, andi = doc.pejabat
    murni, perubahan, tanpa_butir = doc.perjanjian_kinerja
    assert (murni.jenis, murni.pihak_pertama, murni.pihak_kedua, murni.pihak_kedua_jabatan, murni.tempat,
            murni.tanggal) == ("murni", sucipto, andi, "Wali Kota Samarinda", "Samarinda", dt.date(2024, 1, 2))
    assert [(i.nomor, i.target.angka.nilai) for i in murni.items] == [("1", 80), ("2", 75)]
    assert murni.items[1].indikator_ref is None and murni.items[1].sasaran.teks == "Sasaran"
    assert (perubahan.jenis, perubahan.pihak_pertama, perubahan.pihak_kedua, perubahan.tanggal) == (
        "perubahan", sucipto, None, dt.date(2024, 10, 1))
    assert [i.nomor for i in perubahan.items] == ["1", "2"]
    assert (tanpa_butir.pihak_pertama, tanpa_butir.items) == (andi, [])
    (warning,) = doc.warnings
    assert warning.kode == "templat.pk_kepala" and "pihak_pertama" in warning.pesan
    assert (warning.place.sheet, warning.place.baris) == ("PK", 6)
