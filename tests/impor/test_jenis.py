"""Table kinds and the classifier: a table is read by the kind its columns fit best, header words and content."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError
from docx import Document

from renaksi.impor import api, klasifikasi
from renaksi.impor.grid import ImporGagal
from renaksi.impor.readers import read_grid
from renaksi.impor.tabel import find_tables

from .conftest import run_cli

TITLE = "RENCANA AKSI DINAS KESEHATAN KOTA CONTOH TAHUN 2025"
PROGRAM_ROWS = [
    ["1", "Program Penunjang Urusan Pemerintahan Daerah", "Belanja pegawai dan operasional kantor", "Rp 1.200.000.000"],
    ["2", "Program Pemenuhan Upaya Kesehatan Perorangan", "Pelayanan kesehatan dasar di puskesmas", "Rp 3.400.000.000"],
]


def program_table_docx(header: list[str]) -> bytes:
    """A Word document whose one table lists programs and their amounts under the header given."""
    document = Document()
    document.add_paragraph(TITLE)
    table = document.add_table(rows=1, cols=len(header))
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
    for values in PROGRAM_ROWS:
        for cell, text in zip(table.add_row().cells, values, strict=True):
            cell.text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_program_table_under_indikator_headers_reads_as_programs_with_their_pagu():
    """The silent-wrong case: program names under SASARAN and amounts under TARGET used to become sasaran,
    indikator and rupiah "targets". The money column and the "Program …" names make it a budget table."""
    data = program_table_docx(["NO", "SASARAN", "INDIKATOR", "TARGET"])
    doc = api.parse_document(data, "program.docx").dokumen
    assert doc.sasaran == []
    assert [(p.nama.teks, p.pagu.nilai) for p in doc.program] == [
        ("Program Penunjang Urusan Pemerintahan Daerah", 1_200_000_000),
        ("Program Pemenuhan Upaya Kesehatan Perorangan", 3_400_000_000),
    ]
    [by_content] = [d for d in doc.decisions if d.kode == "tabel.jenis" and "bukan judul kolomnya" in d.pesan]
    assert "Program dan anggaran" in by_content.pesan
    assert "INDIKATOR tidak dibaca" in by_content.pesan  # what was left out is said


def test_program_table_with_known_budget_header_still_reads_by_header():
    doc = api.parse_document(program_table_docx(["NO", "PROGRAM", "URAIAN", "ANGGARAN"]), "p.docx").dokumen
    assert [p.pagu.nilai for p in doc.program] == [1_200_000_000, 3_400_000_000]
    assert not any("bukan judul kolomnya" in d.pesan for d in doc.decisions if d.kode == "tabel.jenis")


def test_targets_that_are_numbers_stay_targets():
    text = (f"{TITLE}\n\nNO\tSASARAN\tINDIKATOR\tTARGET\n"
            "1\tMeningkatnya derajat kesehatan\tAngka kematian ibu\t85\n"
            "2\tMeningkatnya mutu layanan\tIndeks kepuasan\t3.500\n")
    doc = api.parse_document(text.encode(), "t.txt").dokumen
    assert [i.nama.teks for s in doc.sasaran for i in s.indikator] == ["Angka kematian ibu", "Indeks kepuasan"]
    assert doc.program == []
    [summary] = [d for d in doc.decisions if d.kode == "tabel.jenis"]
    assert "Target indikator: 1 tabel" in summary.pesan


def scores_of(data: bytes, name: str) -> dict[str, int]:
    grid = read_grid(data, name)
    [tabel] = [t for s in grid.sheets for t in find_tables(grid, s)]
    return {k.NAMA: s.nilai for k, s in klasifikasi.klasifikasi(tabel).semua}


def test_every_kind_scores_the_table_and_the_best_wins():
    scores = scores_of(program_table_docx(["NO", "SASARAN", "INDIKATOR", "TARGET"]), "p.docx")
    assert scores["anggaran"] > scores["target"] > 0
    assert scores["aksi"] == scores["matriks"] == scores["iku"] == 0


def test_user_names_another_kind_for_a_table():
    data = program_table_docx(["NO", "SASARAN", "INDIKATOR", "TARGET"])
    doc = api.parse_document(data, "p.docx", jenis={"tabel di baris 2": "target"}).dokumen
    assert [s.uraian.teks for s in doc.sasaran] == [r[1] for r in PROGRAM_ROWS]
    assert doc.program == []
    assert any("dipilih pengguna" in d.pesan for d in doc.decisions if d.kode == "tabel.jenis")


def test_unknown_kind_is_refused_with_the_choices():
    with pytest.raises(ImporGagal, match="jenis tabel 'rencana' tidak dikenal; pilihan: matriks, monev, aksi"):
        api.parse_document(program_table_docx(["NO", "SASARAN", "INDIKATOR", "TARGET"]), "p.docx",
                           jenis={"Tabel di baris 2": "rencana"})


@pytest.mark.django_db
def test_cli_jenis_override(tmp_path):
    path = tmp_path / "p.docx"
    path.write_bytes(program_table_docx(["NO", "SASARAN", "INDIKATOR", "TARGET"]))
    result = run_cli(str(path), "--dry-run", "--json", "--jenis", "Tabel di baris 2=target")
    assert result["counts"]["program"] == 0 and result["counts"]["indikator"] == 2
    with pytest.raises(CommandError) as exc:
        run_cli(str(path), "--dry-run", "--jenis", "target")
    assert exc.value.returncode == 2 and "TABEL=JENIS" in str(exc.value)


# --- documents that hold only part of the chain ----------------------------------------------------------------


def word(title: str, caption: str, header: list[str], rows: list[list[str]]) -> bytes:
    document = Document()
    document.add_paragraph(title)
    if caption:
        document.add_paragraph(caption)
    table = document.add_table(rows=1, cols=len(header))
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
    for values in rows:
        for cell, text in zip(table.add_row().cells, values, strict=True):
            cell.text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


RENJA = word("RENCANA KERJA DINAS KESEHATAN KOTA CONTOH TAHUN 2025", "",
             ["NO", "KODE", "PROGRAM/KEGIATAN/SUB KEGIATAN", "PAGU (Rp)"], [
                 ["1", "1.02.01", "Program Penunjang Urusan Pemerintahan Daerah", "1.500.000.000"],
                 ["", "1.02.01.2.01", "Kegiatan Perencanaan, Penganggaran, dan Evaluasi Kinerja", "1.500.000.000"],
                 ["", "1.02.01.2.01.0001", "Sub Kegiatan Penyusunan Dokumen Perencanaan", "1.000.000.000"],
                 ["", "1.02.01.2.01.0002", "Sub Kegiatan Evaluasi Kinerja", "500.000.000"],
             ])
IKU = word("INDIKATOR KINERJA UTAMA DINAS KESEHATAN KOTA CONTOH TAHUN 2025", "",
           ["NO", "SASARAN", "INDIKATOR KINERJA", "FORMULASI", "TARGET"],
           [["1", "Meningkatnya derajat kesehatan masyarakat", "Angka kematian ibu",
             "jumlah kematian ibu / kelahiran hidup x 100.000", "85"]])


def test_renja_list_reads_as_the_budget_tree_with_every_levels_pagu():
    from renaksi.impor import bagian

    doc = api.parse_document(RENJA, "renja.docx").dokumen
    [program] = doc.program
    assert (program.nama.teks, program.kode, program.pagu.nilai) == (
        "Program Penunjang Urusan Pemerintahan Daerah", "1.02.01", 1_500_000_000)
    [kegiatan] = program.kegiatan
    assert (kegiatan.nama.teks, kegiatan.pagu.nilai) == ("Perencanaan, Penganggaran, dan Evaluasi Kinerja",
                                                         1_500_000_000)
    assert [(s.kode, s.nama.teks, s.pagu.nilai) for s in kegiatan.sub_kegiatan] == [
        ("1.02.01.2.01.0001", "Penyusunan Dokumen Perencanaan", 1_000_000_000),
        ("1.02.01.2.01.0002", "Evaluasi Kinerja", 500_000_000),
    ]
    assert doc.sasaran == []
    assert bagian.held(doc) == ["program", "pagu"]
    assert "hanya memuat program / kegiatan / sub kegiatan, pagu" in bagian.kalimat(doc)
    # the checker's rules about targets and aksi do not speak about a Renja list; its pagu rules do
    assert not bagian.relevan(doc, "target.missing")
    assert not bagian.relevan(doc, "subkegiatan.without_aksi")
    assert bagian.relevan(doc, "pagu.rollup_mismatch")


def test_iku_alone_reads_as_iku_and_says_it_holds_only_that():
    from renaksi.impor import bagian

    doc = api.parse_document(IKU, "iku.docx").dokumen
    [indikator] = [i for s in doc.sasaran for i in s.indikator]
    assert indikator.is_iku and indikator.target.angka.teks == "85"
    assert doc.program == []
    assert bagian.held(doc) == ["indikator", "target"]
    assert bagian.relevan(doc, "target.missing") and not bagian.relevan(doc, "aksi.without_schedule")


def test_a_whole_plan_holds_every_part_and_says_nothing():
    from renaksi.impor import bagian
    from tests.conftest import SEED_SAMARINDA

    doc = api.parse_document(SEED_SAMARINDA.read_bytes(), SEED_SAMARINDA.name).dokumen
    assert bagian.kalimat(doc) == ""
    assert bagian.relevan(doc, "target.missing") and bagian.relevan(doc, "subkegiatan.without_aksi")


@pytest.mark.django_db
def test_renja_list_is_stored_as_its_part(tmp_path):
    path = tmp_path / "renja.docx"
    path.write_bytes(RENJA)
    result = run_cli(str(path), "--dry-run", "--json")
    assert (result["counts"]["program"], result["counts"]["kegiatan"], result["counts"]["sub_kegiatan"]) == (1, 1, 2)
    assert result["counts"]["sasaran"] == 0
    assert result["pagu"]["sub_kegiatan"] == 1_500_000_000


@pytest.mark.django_db
def test_preview_of_a_renja_list_says_what_it_holds_and_hides_findings_about_the_rest(client, world):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    from renaksi.impor.pratinjau import SESSION_KEY

    client.force_login(world.alice)
    client.post(reverse("import_upload"), {"berkas": SimpleUploadedFile("renja.docx", RENJA),
                                           "perangkat_daerah": world.pd.pk, "tahun": "2025"})
    (token,) = client.session[SESSION_KEY].keys()
    html = " ".join(client.get(reverse("import_preview", args=[token])).content.decode().split())
    assert 'id="impor-bagian"' in html
    assert "Dokumen ini hanya memuat program / kegiatan / sub kegiatan, pagu;" in html
    assert "temuan tidak ditampilkan" in html  # the two sub kegiatan without aksi are not findings on a Renja list
    assert "Daftar program/kegiatan/sub kegiatan (Renja/DPA)" in html  # the kind chosen, in the decisions
