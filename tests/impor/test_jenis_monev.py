"""A monev table in a plan document (`renaksi/impor/jenis/monev.py`): indikator with targets and realisasi per
triwulan. Its targets read as targets — the realisasi I–IV never take the place of the target quarters (they did:
a "Realisasi" group over I–IV after the target quarters overwrote TW I–IV with the realisasi) — and its realisasi
goes into the plan the PD already has, through the realisasi import (`realisasi.dalam_dokumen`)."""

from __future__ import annotations

import io
import json
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from renaksi.impor import api, realisasi
from renaksi.monev import services as monev
from renaksi.monev.models import RealisasiIndikator
from renaksi.perencanaan.models import Indikator, RencanaAksi, Target

from .conftest import run_cli
from .korpus.dokumen import laporan
from .korpus.tulis import WRITERS, Sel, Tabel

IKU = "Persentase partisipasi pemilih"  # the world's plan has it: target 80, TW 10 / 20 / 20 / 30


def monev_dokumen(fmt: str = "docx", kepala: str = "kelompok") -> bytes:
    """A PD's monev report of TW II: the yearly target, TW I–IV targets and realisasi TW I–II. `kepala`:
    "kelompok" = "Target Triwulan" and "Realisasi" each over I–IV on the row below; "baris" = "Target TW I" …
    "Realisasi TW IV" in one header row."""
    if kepala == "kelompok":
        head = [["No", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target", Sel("Target Triwulan", cols=4),
                 None, None, None, Sel("Realisasi", cols=4), None, None, None],
                ["", "", "", "", "", "I", "II", "III", "IV", "I", "II", "III", "IV"]]
    else:
        head = [["No", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target",
                 *[f"Target TW {r}" for r in ("I", "II", "III", "IV")],
                 *[f"Realisasi TW {r}" for r in ("I", "II", "III", "IV")]]]
    rows = [["1", "Meningkatnya partisipasi politik masyarakat", IKU, "Persen", "80", "10", "20", "20", "30",
             "12", "18", "", ""],
            ["", "", "Jumlah kegiatan sosialisasi", "Kegiatan", "12", "3", "3", "3", "3", "2", "4", "", ""]]
    return WRITERS[fmt](["MONITORING DAN EVALUASI RENCANA AKSI TRIWULAN II",
                         "BADAN KESATUAN BANGSA DAN POLITIK KOTA CONTOH", "TAHUN 2024", "",
                         "Tabel 1 Capaian Kinerja", Tabel(head + rows)])


@pytest.mark.parametrize("kepala", ["kelompok", "baris"])
@pytest.mark.parametrize("fmt", ["txt", "docx", "xlsx"])
def test_realisasi_columns_never_overwrite_the_targets(fmt, kepala):
    doc = api.parse_document(monev_dokumen(fmt, kepala), f"monev.{fmt}").dokumen
    assert [(i.nama.teks, i.target.angka.nilai, [q.angka.nilai for q in i.triwulan]) for i in doc.all_indikator()] == [
        (IKU, 80, [10, 20, 20, 30]), ("Jumlah kegiatan sosialisasi", 12, [3, 3, 3, 3])]
    assert [(r.nama.teks, [a.nilai if a else None for a in r.realisasi]) for r in doc.realisasi] == [
        (IKU, [12, 18, None, None]), ("Jumlah kegiatan sosialisasi", [2, 4, None, None])]
    assert doc.realisasi[0].realisasi_place[1].judul_kolom == "Realisasi TW II"


def test_the_table_is_read_as_monev_and_every_number_is_accounted_for():
    parsed = api.parse_document(monev_dokumen(), "monev.docx")
    (tabel,) = parsed.preview_json()["tabel"]
    assert (tabel["judul"], tabel["jenis"], tabel["skor"], tabel["baris"], tabel["baris_ditempatkan"]) == (
        "Tabel 1", "monev", 90, 2, 2)
    assert tabel["lain"] == {"triwulan": 65, "target": 45}
    assert parsed.cakupan.as_json()["tidak_ditempatkan"] == []


def test_dalam_dokumen_is_the_realisasi_as_a_monev_workbook_gives_it():
    parsed = api.parse_document(monev_dokumen(), "monev.docx")
    dalam = realisasi.dalam_dokumen(parsed)
    assert (dalam.dokumen.tahun, dalam.dokumen.perangkat_daerah, dalam.layout) == (
        2024, "Badan Kesatuan Bangsa dan Politik", "monev_tabel")
    assert [r.nama.teks for r in dalam.dokumen.indikator] == [IKU, "Jumlah kegiatan sosialisasi"]
    plan_only = api.parse_document(WRITERS["txt"](laporan()), "ra.txt")  # a plan without realisasi
    assert realisasi.dalam_dokumen(plan_only) is None


def test_preview_of_a_monev_table_for_an_existing_plan_writes_its_realisasi(client, world):
    for tw in (1, 2):
        monev.jendela_buka(pemda=world.pemda, tahun=2024, triwulan=tw)
    targets_before = list(Target.objects.order_by("pk").values_list("indikator_id", "triwulan", "nilai"))
    client.force_login(world.alice)
    client.post(reverse("import_upload"), {"berkas": SimpleUploadedFile("monev-tw2.docx", monev_dokumen()),
                                           "perangkat_daerah": world.pd.pk, "tahun": "2024"})
    (token,) = client.session["impor_unggahan"].keys()
    html = client.get(reverse("import_preview", args=[token])).content.decode()
    assert "Pratinjau impor realisasi" in html and 'id="impor-konfirmasi"' in html
    assert "Jumlah kegiatan sosialisasi" in html  # not in the plan: a warning with its place
    assert RealisasiIndikator.objects.count() == 0

    response = client.post(reverse("import_confirm", args=[token]))
    assert response.status_code == 302 and response["Location"] == reverse("plan_editor", args=[world.plan.pk])
    iku = Indikator.objects.get(rencana_aksi=world.plan, nama=IKU)
    assert sorted(RealisasiIndikator.objects.values_list("indikator_id", "triwulan", "nilai")) == [
        (iku.pk, 1, Decimal("12")), (iku.pk, 2, Decimal("18"))]
    # The plan is the same plan, its targets untouched: the document's targets did not replace it.
    assert RencanaAksi.objects.count() == 2  # the world's plan and the foreign one
    assert list(Target.objects.order_by("pk").values_list("indikator_id", "triwulan", "nilai")) == targets_before


def test_cli_into_the_existing_plan(world, tmp_path):
    for tw in (1, 2):
        monev.jendela_buka(pemda=world.pemda, tahun=2024, triwulan=tw)
    path = tmp_path / "monev.xlsx"
    path.write_bytes(monev_dokumen("xlsx"))
    out = run_cli(str(path), "--json", "--perangkat-daerah", world.pd.nama, "--pemda", "Kota Contoh")
    assert out["rencana_aksi"]["id"] == world.plan.pk and out["layout"] == "monev_tabel"
    assert out["disimpan"] == {"realisasi_indikator": 2, "realisasi_anggaran": 0, "evaluasi": 0}
    assert [w["kode"] for w in out["warnings"]] == ["monev.tidak_cocok"]


def test_cli_without_a_plan_makes_it_and_says_the_realisasi_is_not_stored(db, tmp_path):
    path = tmp_path / "monev.docx"
    path.write_bytes(monev_dokumen())
    out = run_cli(str(path), "--json")
    assert out["counts"]["indikator"] == 2
    assert [w["kode"] for w in out["warnings"]] == ["monev.tanpa_rencana"]
    assert "realisasi 2 indikator" in out["warnings"][0]["pesan"]
    assert [(t["jenis"], t["skor"], t["baris_ditempatkan"]) for t in out["tabel"]] == [("monev", 90, 2)]
    assert RealisasiIndikator.objects.count() == 0
    iku = Indikator.objects.get(nama=IKU)
    assert sorted(Target.objects.filter(indikator=iku).values_list("triwulan", "nilai"), key=str) == sorted(
        [(None, Decimal("80")), (1, Decimal("10")), (2, Decimal("20")), (3, Decimal("20")), (4, Decimal("30"))],
        key=str)


REALISASI = [("12", "Realisasi TW I"), ("18", "Realisasi TW II"), ("2", "Realisasi TW I"), ("4", "Realisasi TW II")]


def _realisasi_unplaced(cakupan: dict) -> list[tuple[str, str]]:
    return [(u["teks"], u["tempat"].rsplit("(", 1)[-1].rstrip(")")) for u in cakupan["tidak_ditempatkan"]
            if "belum ada rencana aksi untuk menerimanya" in u["alasan"]]


def test_strict_refuses_realisasi_that_would_not_be_stored(db, tmp_path):
    """No plan for the year: the document becomes the plan and its realisasi is not stored, so under --strict its
    numbers are not placed: exit 3, listed with their place and why, nothing written."""
    from django.core.management import CommandError, call_command

    path = tmp_path / "monev.docx"
    path.write_bytes(monev_dokumen(kepala="baris"))
    out = io.StringIO()
    with pytest.raises(CommandError) as exc:
        call_command("import", str(path), "--strict", "--json", stdout=out, stderr=io.StringIO())
    assert exc.value.returncode == 3 and "4 angka dokumen tidak ditempatkan" in str(exc.value)
    assert _realisasi_unplaced(json.loads(out.getvalue())["cakupan"]) == REALISASI
    assert RencanaAksi.objects.count() == 0


def test_without_strict_the_plan_is_stored_and_the_realisasi_listed_as_not_placed(db, tmp_path):
    path = tmp_path / "monev.docx"
    path.write_bytes(monev_dokumen(kepala="baris"))
    out = run_cli(str(path), "--json")
    assert out["rencana_aksi"]["id"] is not None and out["counts"]["indikator"] == 2
    assert _realisasi_unplaced(out["cakupan"]) == REALISASI
    assert out["cakupan"]["ditempatkan"] + out["cakupan"]["diabaikan"] + 4 == out["cakupan"]["angka"]


def test_strict_accepts_realisasi_that_goes_into_the_existing_plan(world, tmp_path):
    for tw in (1, 2):
        monev.jendela_buka(pemda=world.pemda, tahun=2024, triwulan=tw)
    path = tmp_path / "monev.xlsx"
    path.write_bytes(monev_dokumen("xlsx"))
    out = run_cli(str(path), "--json", "--strict", "--perangkat-daerah", world.pd.nama, "--pemda", "Kota Contoh")
    assert out["rencana_aksi"]["id"] == world.plan.pk and out["disimpan"]["realisasi_indikator"] == 2


def test_the_preview_without_a_plan_lists_the_realisasi_as_not_stored(client, world):
    client.force_login(world.alice)
    client.post(reverse("import_upload"), {"berkas": SimpleUploadedFile("monev-tw2.docx", monev_dokumen()),
                                           "perangkat_daerah": world.pd.pk, "tahun": "2025"})  # no plan for 2025
    (token,) = client.session["impor_unggahan"].keys()
    html = client.get(reverse("import_preview", args=[token])).content.decode()
    assert 'id="impor-konfirmasi"' in html and "monev.tanpa_rencana" in html  # the import goes on, and says so
    assert html.count("belum ada rencana aksi untuk menerimanya, tidak disimpan") == 4
    assert "4 tidak ditempatkan" in html
