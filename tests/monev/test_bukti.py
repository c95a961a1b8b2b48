"""Bukti dukung: files recognised by content, size limit, random names, links (renaksi/monev/services.py)."""

import io
import zipfile
from decimal import Decimal as D

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile

from renaksi.monev import services as monev
from renaksi.monev.models import BuktiDukung

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 32


def office(main_part: str, content_types: bool = True) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        if content_types:
            z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr(main_part, "<x/>")
    return buffer.getvalue()


@pytest.fixture
def realisasi(world, rows):
    return monev.realisasi_indikator_set(indikator=rows.iku, triwulan=1, nilai=D(10), by=world.alice)


@pytest.mark.parametrize(("name", "data", "jenis"), [
    ("laporan.pdf", PDF, "pdf"), ("foto.png", PNG, "png"), ("foto.jpg", b"\xff\xd8\xff\xe0" + b"\0" * 20, "jpeg"),
    ("notulen.docx", office("word/document.xml"), "docx"), ("rekap.xlsx", office("xl/workbook.xml"), "xlsx"),
    # the name does not matter, only the content does
    ("scan.bin", PDF, "pdf"),
])
def test_accepted_kinds_by_content(world, realisasi, name, data, jenis):
    bukti = monev.bukti_dukung_add(realisasi=realisasi, berkas=SimpleUploadedFile(name, data), by=world.alice)
    assert (bukti.jenis, bukti.nama, bukti.ukuran, bukti.uploaded_by) == (jenis, name, len(data), world.alice)
    stored = bukti.berkas.name
    assert stored.startswith("bukti/") and name.split(".")[0] not in stored
    assert default_storage.open(stored).read() == data


@pytest.mark.parametrize(("name", "data"), [
    ("virus.pdf", b"MZ\x90\x00 this is an exe"),
    ("halaman.pdf", b"<html><script>alert(1)</script></html>"),
    ("bukan.docx", office("word/document.xml", content_types=False)),
    ("arsip.xlsx", office("data.txt")),
])
def test_other_content_is_refused_whatever_its_name(world, realisasi, name, data):
    with pytest.raises(ValidationError) as exc:
        monev.bukti_dukung_add(realisasi=realisasi, berkas=SimpleUploadedFile(name, data), by=world.alice)
    assert "dikenali dari isinya" in " ".join(exc.value.messages)
    assert not BuktiDukung.objects.exists()


def test_size_limit(world, realisasi, settings):
    settings.RENAKSI_BUKTI_MAX_BYTES = 100
    with pytest.raises(ValidationError) as exc:
        monev.bukti_dukung_add(realisasi=realisasi, berkas=SimpleUploadedFile("a.pdf", PDF + b" " * 100),
                               by=world.alice)
    assert "terlalu besar" in " ".join(exc.value.messages)


def test_link_and_not_both(world, realisasi):
    bukti = monev.bukti_dukung_add(realisasi=realisasi, url="https://example.go.id/berita/1", by=world.alice)
    assert bukti.jenis == "tautan" and not bukti.berkas
    for url in ("javascript:alert(1)", "bukan tautan"):
        with pytest.raises(ValidationError):
            monev.bukti_dukung_add(realisasi=realisasi, url=url, by=world.alice)
    with pytest.raises(ValidationError):
        monev.bukti_dukung_add(realisasi=realisasi, url="https://x.id", berkas=SimpleUploadedFile("a.pdf", PDF))


def test_delete_removes_the_file_after_commit(world, realisasi, django_capture_on_commit_callbacks):
    bukti = monev.bukti_dukung_add(realisasi=realisasi, berkas=SimpleUploadedFile("a.pdf", PDF), by=world.alice)
    stored = bukti.berkas.name
    with django_capture_on_commit_callbacks(execute=True):
        monev.bukti_dukung_delete(bukti=bukti, by=world.alice)
    assert not BuktiDukung.objects.exists() and not default_storage.exists(stored)


def test_rights_and_window_apply_to_bukti(world, realisasi):
    with pytest.raises(PermissionDenied):
        monev.bukti_dukung_add(realisasi=realisasi, url="https://example.go.id", by=world.eve)
    with pytest.raises(PermissionDenied):
        monev.bukti_dukung_add(realisasi=realisasi, url="https://example.go.id", by=world.bob)
    monev.jendela_tutup(pemda=world.pemda, tahun=2024, triwulan=1)
    with pytest.raises(ValidationError):
        monev.bukti_dukung_add(realisasi=realisasi, url="https://example.go.id", by=world.alice)
