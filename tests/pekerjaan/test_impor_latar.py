"""A long PDF is read by a background job, not in the upload request: the upload leads to the job's page, the job
keeps what it read (signed) next to the upload, "Lanjutkan" opens the usual preview and "Impor" writes the plan.
Kabupaten Bangka's seed printed by WeasyPrint (tests/impor/pdf_corpus.py) is 6 pages: "long" with the threshold at 5,
short with the default of 20."""

from __future__ import annotations

import pickle

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from renaksi.impor import api, pratinjau
from renaksi.impor import tugas as impor_tugas
from renaksi.pekerjaan import services
from renaksi.pekerjaan.models import Pekerjaan
from renaksi.perencanaan.models import Program, RencanaAksi
from tests.conftest import SEED_BANGKA
from tests.helpers import dump_plan, table_counts
from tests.impor.pdf_corpus import html_pdf, seed_to_pdf

S = Pekerjaan.Status
LONG = override_settings(RENAKSI_IMPOR_LATAR_HALAMAN=5)
# Section A of the Bangka seed (lines 7–12): its six programs' ANGGARAN, as tests/impor/test_seed_bangka.py reads them.
PAGU_PROGRAM = [1_030_000, 165_000_000, 125_000_000, 27_144_383_200, 20_000_000, 2_720_900_248]


@pytest.fixture(scope="module")
def bangka_pdf() -> bytes:
    return seed_to_pdf(SEED_BANGKA)


def _upload(client, world, data: bytes, nama: str = "renaksi-bangka.pdf"):
    return client.post(reverse("import_upload"), {"berkas": SimpleUploadedFile(nama, data),
                                                  "perangkat_daerah": world.pd.pk, "tahun": "2024"})


def _token(client) -> str:
    (token,) = client.session[pratinjau.SESSION_KEY].keys()
    return token


@LONG
def test_a_long_pdf_is_read_by_a_job_and_lanjutkan_opens_the_preview(client, world, bangka_pdf, monkeypatch,
                                                                      django_capture_on_commit_callbacks):
    assert impor_tugas.perlu_latar(bangka_pdf)
    client.force_login(world.alice)
    dibaca = []
    real_parse = api.parse_document
    monkeypatch.setattr(api, "parse_document", lambda *a, **k: dibaca.append(1) or real_parse(*a, **k))

    with django_capture_on_commit_callbacks(execute=False) as callbacks:  # the worker has not run yet
        response = _upload(client, world, bangka_pdf)
    pekerjaan = Pekerjaan.objects.get(jenis=impor_tugas.JENIS_BACA)
    assert response.status_code == 302 and response["Location"] == reverse("pekerjaan_detail", args=[pekerjaan.pk])
    assert dibaca == []  # the request did not read the PDF
    assert (pekerjaan.pemilik, pekerjaan.perangkat_daerah, pekerjaan.status) == (world.alice, world.pd, S.ANTRI)
    assert pekerjaan.judul == "Membaca renaksi-bangka.pdf untuk diimpor"
    preview_url = reverse("import_preview", args=[_token(client)])
    assert pekerjaan.lanjut == preview_url
    # The preview of an upload still being read sends back to the job's page.
    assert client.get(preview_url)["Location"] == reverse("pekerjaan_detail", args=[pekerjaan.pk])

    kemajuan = []
    real_kemajuan = services.pekerjaan_kemajuan
    monkeypatch.setattr(services, "pekerjaan_kemajuan", lambda **k: kemajuan.append((k["persen"], k["pesan"]))
                        or real_kemajuan(**k))
    for callback in callbacks:  # the worker runs the job (the immediate backend in the tests)
        callback()
    assert kemajuan == [(5, "Membaca halaman 1 dari 6"), (17, "Membaca halaman 2 dari 6"),
                        (30, "Membaca halaman 3 dari 6"), (42, "Membaca halaman 4 dari 6"),
                        (55, "Membaca halaman 5 dari 6"), (67, "Membaca halaman 6 dari 6"),
                        (80, "Mengenali tabel dan baris rencana aksi"), (95, "Menyimpan hasil baca"),
                        (100, "renaksi-bangka.pdf sudah dibaca. Lanjutkan ke pratinjau impor.")]
    pekerjaan.refresh_from_db()
    assert (pekerjaan.status, pekerjaan.persen, pekerjaan.galat) == (S.SELESAI, 100, "") and dibaca == [1]
    assert pekerjaan.pesan == "renaksi-bangka.pdf sudah dibaca. Lanjutkan ke pratinjau impor."
    assert not pekerjaan.hasil  # nothing to download: the result is the input of the preview
    page = client.get(reverse("pekerjaan_detail", args=[pekerjaan.pk])).content.decode()
    assert f'id="pekerjaan-lanjut" href="{preview_url}"' in page and "pekerjaan-unduh" not in page

    preview = client.get(preview_url)
    assert preview.status_code == 200 and dibaca == [1]  # loaded, not read again
    assert [p["pagu"] for p in preview.context["preview"].program] == PAGU_PROGRAM

    response = client.post(reverse("import_confirm", args=[_token(client)]))
    plan = RencanaAksi.objects.get(perangkat_daerah=world.pd, tahun=2024)
    assert response["Location"] == reverse("plan_editor", args=[plan.pk]) and dibaca == [1]
    assert list(Program.objects.filter(rencana_aksi=plan).values_list("pagu", flat=True)) == PAGU_PROGRAM
    # The upload and what was read from it are gone; the job's page no longer leads to a preview.
    storage_name = pekerjaan.parameter["berkas"]
    assert not default_storage.exists(storage_name) and not default_storage.exists(storage_name + pratinjau.BACA)
    pekerjaan.refresh_from_db()
    assert pekerjaan.hasil_dihapus and pekerjaan.lanjut == ""
    page = client.get(reverse("pekerjaan_detail", args=[pekerjaan.pk])).content.decode()
    assert "pekerjaan-lanjut" not in page and "Hasil pekerjaan ini sudah dihapus" in page


@LONG
def test_a_tampered_read_result_is_refused(client, world, bangka_pdf, django_capture_on_commit_callbacks):
    client.force_login(world.alice)
    with django_capture_on_commit_callbacks(execute=True):
        _upload(client, world, bangka_pdf)
    pekerjaan = Pekerjaan.objects.get(jenis=impor_tugas.JENIS_BACA, status=S.SELESAI)
    nama = pekerjaan.parameter["berkas"] + pratinjau.BACA
    with default_storage.open(nama, "rb") as handle:
        sidik, tanda, isi = handle.read().split(b"\n", 2)
    default_storage.delete(nama)
    default_storage.save(nama, ContentFile(sidik + b"\n" + tanda + b"\n" + isi.replace(b"Bangka", b"Bongka")))
    before = table_counts()

    response = client.get(reverse("import_preview", args=[_token(client)]))
    assert response.status_code == 200 and "impor/upload.html" in [t.name for t in response.templates]
    assert ("berkas renaksi-bangka.pdf: hasil baca berkas ini telah diubah di luar Renaksi (tanda tangannya tidak "
            "cocok) sehingga ditolak. Unggah berkasnya lagi.") in response.content.decode()
    assert table_counts() == before  # nothing written
    assert not default_storage.exists(nama) and not client.session[pratinjau.SESSION_KEY]


class TabelDocLama:
    """A class of an older importer that the current code no longer has (`renaksi.impor.dokumen.TabelDocLama`)."""


def _old_read_result(nama: str, isi: bytes) -> None:
    default_storage.delete(nama)
    default_storage.save(nama, ContentFile(isi))


def _pickle_of_a_removed_class(monkeypatch) -> bytes:
    from renaksi.impor import dokumen

    TabelDocLama.__module__, TabelDocLama.__qualname__ = dokumen.__name__, "TabelDocLama"
    monkeypatch.setattr(dokumen, "TabelDocLama", TabelDocLama, raising=False)
    isi = pickle.dumps([TabelDocLama()])
    monkeypatch.delattr(dokumen, "TabelDocLama")
    return isi


@LONG
@pytest.mark.parametrize("berkas", ["format lama", "kode lain", "kelas hilang"])
def test_a_read_result_of_another_version_is_treated_as_gone(client, world, bangka_pdf, monkeypatch, berkas,
                                                              django_capture_on_commit_callbacks):
    """A `.baca` written before a deployment (older file format, other importer code, or a class that is gone) is
    not loaded: the person is asked to upload again, nothing is written and the upload is discarded."""
    client.force_login(world.alice)
    with django_capture_on_commit_callbacks(execute=True):
        _upload(client, world, bangka_pdf)
    pekerjaan = Pekerjaan.objects.get(jenis=impor_tugas.JENIS_BACA, status=S.SELESAI)
    nama = pekerjaan.parameter["berkas"] + pratinjau.BACA
    with default_storage.open(nama, "rb") as handle:
        sidik, _tanda, isi = handle.read().split(b"\n", 2)
    tanda = pratinjau._tanda  # signed with our key in every case: only the code that wrote it differs
    _old_read_result(nama, {
        "format lama": tanda(isi) + b"\n" + isi,  # before the fingerprint line
        "kode lain": b"0123456789abcdef\n" + tanda(isi) + b"\n" + isi,
        "kelas hilang": sidik + b"\n" + tanda(lama := _pickle_of_a_removed_class(monkeypatch)) + b"\n" + lama,
    }[berkas])
    before = table_counts()

    response = client.get(reverse("import_preview", args=[_token(client)]))
    assert response.status_code == 200 and "impor/upload.html" in [t.name for t in response.templates]
    assert ("berkas renaksi-bangka.pdf: hasil baca berkas ini dibuat oleh versi Renaksi sebelumnya dan tidak dapat "
            "dipakai lagi. Unggah berkasnya lagi.") in response.content.decode()
    assert table_counts() == before
    assert not default_storage.exists(nama) and not client.session[pratinjau.SESSION_KEY]


@LONG
def test_a_long_pdf_that_cannot_be_read_fails_the_job_with_the_readers_reason(client, world,
                                                                              django_capture_on_commit_callbacks):
    data = html_pdf("".join(f"<p style='page-break-after: always'>Catatan rapat halaman {i}</p>" for i in range(6)))
    client.force_login(world.alice)
    plans = dump_plan(world.plan)
    with django_capture_on_commit_callbacks(execute=True):
        response = _upload(client, world, data, nama="notulen.pdf")
    pekerjaan = Pekerjaan.objects.get(jenis=impor_tugas.JENIS_BACA)
    assert response["Location"] == reverse("pekerjaan_detail", args=[pekerjaan.pk])
    assert pekerjaan.status == S.GAGAL and pekerjaan.galat.startswith("berkas notulen.pdf")
    page = client.get(response["Location"]).content.decode()
    assert "pekerjaan-galat" in page and "pekerjaan-lanjut" not in page
    assert "pekerjaan-ulangi" not in page and not pekerjaan.bisa_diulang  # the same file gives the same answer
    assert RencanaAksi.objects.get(perangkat_daerah=world.pd, tahun=2024) == world.plan
    assert dump_plan(world.plan) == plans  # alice's plan of 2024 is as it was


def test_a_short_pdf_is_still_read_in_the_request(client, world, bangka_pdf):
    client.force_login(world.alice)
    response = _upload(client, world, bangka_pdf)  # 6 pages, under the default 20
    assert response["Location"] == reverse("import_preview", args=[_token(client)])
    assert not Pekerjaan.objects.exists()
    preview = client.get(response["Location"])
    assert [p["pagu"] for p in preview.context["preview"].program] == PAGU_PROGRAM


@LONG
@pytest.mark.parametrize(("persona", "sees", "lanjut"), [
    ("alice", True, True), ("admin", True, False), ("kepala", False, False), ("charlie", False, False),
    ("dave", False, False)])
def test_the_read_jobs_page_per_persona(client, world, bangka_pdf, persona, sees, lanjut,
                                        django_capture_on_commit_callbacks):
    """The job's rights (owner and admin pemda); only its owner, whose session holds the upload, gets "Lanjutkan"."""
    client.force_login(world.alice)
    with django_capture_on_commit_callbacks(execute=True):
        _upload(client, world, bangka_pdf)
    pekerjaan = Pekerjaan.objects.get(jenis=impor_tugas.JENIS_BACA, status=S.SELESAI)
    client.force_login(getattr(world, persona))
    response = client.get(reverse("pekerjaan_detail", args=[pekerjaan.pk]))
    assert response.status_code == (200 if sees else 404)
    assert ('id="pekerjaan-lanjut"' in response.content.decode()) is lanjut
    if sees and not lanjut:  # the admin pemda is told who can continue
        assert "Hanya alice, yang mengunggah berkas ini, yang dapat melanjutkannya" in response.content.decode()
