"""Every number of a document accounted for (issue 19, "never silently wrong"): `cakupan` in the parse result, in
`renaksi import --json` and in the preview; `--strict` refuses (exit 3, nothing written) when a number is unplaced."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command
from docx import Document

from renaksi.impor import api
from tests.conftest import SEED_BANGKA, SEED_SAMARINDA
from tests.helpers import table_counts

from .conftest import run_cli

TITLE = "RENCANA AKSI DINAS PERHUBUNGAN KOTA CONTOH TAHUN 2024\n\n"
MONTHS = "\t".join(["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"])

# Twelve monthly target columns per indikator (the plan has no place for them), a program with its pagu on its own
# row, and a signature block typed into the table's rows.
BULANAN = (TITLE + f"NO\tSASARAN\tINDIKATOR KINERJA\tSATUAN\tTARGET\t{MONTHS}\n"
           "1\tMeningkatnya keselamatan lalu lintas\tPersentase penurunan kecelakaan\tPersen\t12\t"
           + "\t".join(["1"] * 12) + "\n"
           "2\tMeningkatnya kualitas layanan angkutan\tIndeks kepuasan penumpang\tIndeks\t80\t\t\t\t\t\t80\t\t\t\t\t\t80\n"
           "\nNO\tPROGRAM\tANGGARAN\n1\tProgram Penyelenggaraan Lalu Lintas\t1.250.000.000\n"
           "\tKepala Dinas Perhubungan\t\n\tPembina Utama Muda\t\n")


def pk_docx() -> bytes:
    """A Word PK: sasaran/indikator/target, programs with the amount on the program row, a signature block."""
    d = Document()
    d.add_paragraph("PERJANJIAN KINERJA TAHUN 2024")
    d.add_paragraph("DINAS PERHUBUNGAN KOTA CONTOH")
    t = d.add_table(rows=1, cols=5)
    for c, h in zip(t.rows[0].cells, ["NO", "SASARAN STRATEGIS", "INDIKATOR KINERJA", "SATUAN", "TARGET"], strict=True):
        c.text = h
    for r in [["1", "Meningkatnya keselamatan lalu lintas", "Persentase penurunan kecelakaan", "Persen", "10"],
              ["2", "Meningkatnya kualitas layanan angkutan", "Indeks kepuasan penumpang", "Indeks", "80"]]:
        for c, v in zip(t.add_row().cells, r, strict=True):
            c.text = v
    d.add_paragraph("")
    t = d.add_table(rows=1, cols=4)
    for c, h in zip(t.rows[0].cells, ["NO", "PROGRAM", "ANGGARAN", "KETERANGAN"], strict=True):
        c.text = h
    for r in [["1", "Program Penyelenggaraan Lalu Lintas", "1.250.000.000", "APBD"],
              ["2", "Program Pengelolaan Angkutan", "750.000.000", "APBD"]]:
        for c, v in zip(t.add_row().cells, r, strict=True):
            c.text = v
    for line in ["", "Kota Contoh, 2 Januari 2024", "Kepala Dinas Perhubungan", "BUDI SANTOSO, S.T.",
                 "Pembina Utama Muda", "NIP. 19700101 199503 1 002"]:
        d.add_paragraph(line)
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def write(tmp_path, name: str, data: str | bytes):
    path = tmp_path / name
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return str(path)


def test_bangka_seed_every_number_accounted_for():
    parsed = api.parse_document(open(SEED_BANGKA, "rb").read(), "bangka.txt")
    k = parsed.cakupan.as_json()
    # 323 targets, quarter targets and pagu placed; the 37 numbers of the NO column ("1", "6.1" …) are numbering.
    assert (k["angka"], k["ditempatkan"], k["diabaikan"]) == (360, 323, 37)
    assert k["diabaikan_rinci"] == {"penomoran": 37}
    assert k["tidak_ditempatkan"] == [] and k["tanpa_tempat"] == []


def test_samarinda_seed_every_number_accounted_for():
    parsed = api.parse_document(open(SEED_SAMARINDA, "rb").read(), "samarinda.txt")
    k = parsed.cakupan.as_json()
    # 100 placed (the pagu of the row shifted into the NO column included); 10 page numbers of the table of
    # contents, one row of column numbers "1 … 8", 70 numbers of NO columns.
    assert (k["angka"], k["ditempatkan"], k["diabaikan"]) == (188, 100, 88)
    assert k["diabaikan_rinci"] == {"halaman": 10, "nomor_kolom": 8, "penomoran": 70}
    assert k["tidak_ditempatkan"] == []


def test_pk_docx_pagu_on_program_rows_is_kept_and_every_number_placed(db, tmp_path):
    out = run_cli(write(tmp_path, "pk.docx", pk_docx()), "--json", "--dry-run")
    assert out["pagu"]["program"] == 2_000_000_000
    assert out["counts"]["program"] == 2 and out["counts"]["sasaran"] == 2  # two sasaran, not merged
    k = out["cakupan"]
    assert k["tidak_ditempatkan"] == []
    assert (k["angka"], k["ditempatkan"], k["diabaikan"]) == (8, 4, 4)  # 2 targets, 2 pagu; 4 numbers of NO columns


def test_monthly_targets_are_listed_and_named_not_dropped(db, tmp_path):
    out = run_cli(write(tmp_path, "bulanan.txt", BULANAN), "--json", "--dry-run")
    k = out["cakupan"]
    unplaced = [(u["teks"], u["tempat"]) for u in k["tidak_ditempatkan"]]
    assert len(unplaced) == 14  # 12 monthly targets of the first indikator, 2 of the second
    assert ("80", "berkas bulanan.txt, baris 5, kolom 11 (Jun)") in unplaced or \
        any(t == "80" and "baris 5, kolom 11" in p for t, p in unplaced)
    assert len(k["tanpa_tempat"]) == 1 and "target bulanan" in k["tanpa_tempat"][0]
    assert k["persen_ditempatkan"] == round(100 * k["ditempatkan"] / k["angka"])


def test_strict_exits_3_and_writes_nothing(db, tmp_path):
    path = write(tmp_path, "bulanan.txt", BULANAN)
    before = table_counts()
    with pytest.raises(CommandError) as error:
        call_command("import", path, "--strict", stdout=io.StringIO(), stderr=io.StringIO())
    assert error.value.returncode == 3
    assert "14 angka dokumen tidak ditempatkan" in str(error.value)
    assert table_counts() == before


def test_strict_json_lists_the_unplaced(db, tmp_path):
    out = io.StringIO()
    with pytest.raises(CommandError) as error:
        call_command("import", write(tmp_path, "bulanan.txt", BULANAN), "--strict", "--json", stdout=out,
                     stderr=io.StringIO())
    assert error.value.returncode == 3
    assert '"tidak_ditempatkan"' in out.getvalue() and '"ditolak": "strict"' in out.getvalue()


def test_strict_accepts_a_document_whose_numbers_are_all_placed(db, tmp_path):
    out = run_cli(write(tmp_path, "pk.docx", pk_docx()), "--json", "--strict")
    assert out["rencana_aksi"]["id"] is not None and out["cakupan"]["tidak_ditempatkan"] == []


def test_text_output_reports_the_share(db, tmp_path):
    out = run_cli(write(tmp_path, "bulanan.txt", BULANAN), "--dry-run")
    assert "tidak ditempatkan: '80'" in out and "target bulanan" in out


def test_preview_shows_the_share_and_the_unplaced_numbers(client, world):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    client.force_login(world.alice)
    response = client.post(reverse("import_upload"), {
        "berkas": SimpleUploadedFile("bulanan.txt", BULANAN.encode()), "perangkat_daerah": world.pd.pk,
        "tahun": "2024"})
    assert response.status_code == 302
    html = client.get(response["Location"]).content.decode()
    assert 'id="impor-cakupan"' in html and 'id="impor-tidak-ditempatkan"' in html
    assert "angka dokumen masuk ke rencana (" in html
    assert "target bulanan per indikator (14 angka)" in html
    assert "baris 5, kolom 11" in html
