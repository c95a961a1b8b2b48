"""Bukti dukung views: POST /monev/indikator/<id>/tw/<n>/bukti/ (upload a file or a link), GET /monev/bukti/<id>/
(download, rights checked), POST /monev/bukti/<id>/hapus/ (delete)."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from renaksi.monev import services as monev
from renaksi.monev.models import BuktiDukung

HX = {"HTTP_HX_REQUEST": "true"}
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def realisasi(world, rows):
    return monev.realisasi_indikator_set(indikator=rows.iku, triwulan=1, nilai=Decimal(10))


@pytest.fixture
def bukti(realisasi):
    return monev.bukti_dukung_add(realisasi=realisasi, berkas=SimpleUploadedFile("laporan.pdf", PDF))


def upload(client, rows, **data):
    return client.post(reverse("monev_bukti_add", args=[rows.iku.pk, 1]), data, **HX)


def test_perencana_uploads_a_pdf_and_sees_it_listed(client, world, rows, realisasi):
    client.force_login(world.alice)
    response = upload(client, rows, berkas=SimpleUploadedFile("notulen rapat.pdf", PDF), url="")
    assert response.status_code == 200
    bukti = BuktiDukung.objects.get()
    assert bukti.jenis == "pdf" and bukti.nama == "notulen rapat.pdf" and bukti.uploaded_by == world.alice
    assert "notulen rapat.pdf" in response.content.decode()


def test_a_link_is_accepted(client, world, rows, realisasi):
    client.force_login(world.alice)
    assert upload(client, rows, url="https://contoh.go.id/berita").status_code == 200
    assert BuktiDukung.objects.get().jenis == "tautan"


def test_a_renamed_executable_is_refused_with_a_message(client, world, rows, realisasi):
    client.force_login(world.alice)
    response = upload(client, rows, berkas=SimpleUploadedFile("laporan.pdf", b"MZ\x90\x00binary"))
    assert response.status_code == 422 and "bukan PDF" in response.content.decode()
    assert not BuktiDukung.objects.exists()


def test_without_realisasi_there_is_nothing_to_attach_to(client, world, rows):
    client.force_login(world.alice)
    response = upload(client, rows, berkas=SimpleUploadedFile("laporan.pdf", PDF))
    assert response.status_code == 422 and "realisasi" in response.content.decode()
    assert not BuktiDukung.objects.exists()


@pytest.mark.parametrize("persona,status", [("bob", 403), ("kepala", 403), ("eve", 403), ("charlie", 404),
                                            ("dave", 404)])
def test_upload_by_others(client, world, rows, realisasi, persona, status):
    client.force_login(getattr(world, persona))
    assert upload(client, rows, berkas=SimpleUploadedFile("laporan.pdf", PDF)).status_code == status
    assert not BuktiDukung.objects.exists()


def test_upload_in_a_closed_triwulan_is_refused(client, world, rows, realisasi):
    monev.jendela_tutup(pemda=world.pemda, tahun=2024, triwulan=1)
    client.force_login(world.alice)
    assert upload(client, rows, berkas=SimpleUploadedFile("laporan.pdf", PDF)).status_code == 422
    assert not BuktiDukung.objects.exists()


@pytest.mark.parametrize("persona", ["alice", "kabid", "bob", "kepala", "eve", "admin"])
def test_everyone_who_reads_the_monev_downloads_the_file(client, world, bukti, persona):
    client.force_login(getattr(world, persona))
    response = client.get(reverse("monev_bukti_download", args=[bukti.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert 'filename="laporan.pdf"' in response["Content-Disposition"]


@pytest.mark.parametrize("persona", ["charlie", "dave"])
def test_another_pd_or_pemda_cannot_download(client, world, bukti, persona):
    client.force_login(getattr(world, persona))
    assert client.get(reverse("monev_bukti_download", args=[bukti.pk])).status_code == 404


def test_anonymous_cannot_download(client, bukti):
    assert client.get(reverse("monev_bukti_download", args=[bukti.pk])).status_code == 302


def test_perencana_deletes(client, world, bukti):
    client.force_login(world.alice)
    assert client.post(reverse("monev_bukti_delete", args=[bukti.pk]), **HX).status_code == 200
    assert not BuktiDukung.objects.exists()


@pytest.mark.parametrize("persona,status", [("bob", 403), ("eve", 403), ("charlie", 404), ("dave", 404)])
def test_others_cannot_delete(client, world, bukti, persona, status):
    client.force_login(getattr(world, persona))
    assert client.post(reverse("monev_bukti_delete", args=[bukti.pk]), **HX).status_code == status
    assert BuktiDukung.objects.count() == 1
