"""The user picks a table's kind in the import preview (`impor/<token>/jenis/`), per persona.

The preview lists every table with the kind the importer chose, its score and the rows it read; alice (perencana)
picks another kind for "Tabel 1" and the preview reads the document again with it, and "Impor" stores what the
preview showed. The choice lives with the staged upload in her session: the kepala PD (read-only, same PD), a
kepala bidang of another bidang and the perencana of another PD cannot change it (404), nor can anyone pick a kind
that does not exist (400).
"""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from renaksi.impor.pratinjau import SESSION_KEY
from renaksi.perencanaan.models import Indikator, PerjanjianKinerjaItem, RencanaAksi
from tests.conftest import SEED_BANGKA

from .korpus.dokumen import laporan
from .korpus.tulis import WRITERS


@pytest.fixture
def staged(client, world) -> str:
    """alice's upload of the corpus plan (Tabel 1: indikator with yearly and quarterly targets), for 2025."""
    client.force_login(world.alice)
    client.post(reverse("import_upload"), {"berkas": SimpleUploadedFile("ra.txt", WRITERS["txt"](laporan())),
                                           "perangkat_daerah": world.pd.pk, "tahun": "2025"})
    (token,) = client.session[SESSION_KEY].keys()
    return token


def test_preview_lists_every_table_with_its_kind(client, staged):
    html = client.get(reverse("import_preview", args=[staged])).content.decode()
    assert 'id="impor-tabel"' in html
    assert 'data-tabel="#1"' in html and 'data-tabel="#2"' in html
    assert "Target triwulan (pilihan Renaksi)" in html  # Tabel 1, score 65
    assert f'hx-post="{reverse("import_jenis", args=[staged])}"' in html


def test_picking_a_kind_reads_the_table_again_and_import_keeps_it(client, world, staged):
    url = reverse("import_jenis", args=[staged])
    response = client.post(url, {"tabel": "#1", "jenis": "pk"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and response["HX-Redirect"] == reverse("import_preview", args=[staged])
    assert client.session[SESSION_KEY][staged]["jenis"] == {"#1": "pk"}
    html = client.get(reverse("import_preview", args=[staged])).content.decode()
    assert "Tabel 1 dibaca sebagai Perjanjian Kinerja karena dipilih pengguna" in html
    assert '<option value="pk" selected>' in html

    response = client.post(reverse("import_confirm", args=[staged]))
    plan = RencanaAksi.objects.get(perangkat_daerah=world.pd, tahun=2025)
    assert response.status_code == 302 and response["Location"] == reverse("plan_editor", args=[plan.pk])
    # Read as a PK: its three lines, with the indikator and their yearly targets.
    assert sorted(PerjanjianKinerjaItem.objects.filter(perjanjian_kinerja__rencana_aksi=plan)
                  .values_list("indikator__nama", flat=True)) == sorted(
        Indikator.objects.filter(rencana_aksi=plan).values_list("nama", flat=True))
    assert PerjanjianKinerjaItem.objects.filter(perjanjian_kinerja__rencana_aksi=plan).count() == 3


def test_the_importers_choice_can_be_given_back(client, staged):
    url = reverse("import_jenis", args=[staged])
    client.post(url, {"tabel": "#1", "jenis": "pk"})
    response = client.post(url, {"tabel": "#1", "jenis": ""})
    assert response.status_code == 302 and response["Location"] == reverse("import_preview", args=[staged])
    assert client.session[SESSION_KEY][staged]["jenis"] == {}


def test_an_unknown_kind_is_refused(client, staged):
    response = client.post(reverse("import_jenis", args=[staged]), {"tabel": "#1", "jenis": "rencana"})
    assert response.status_code == 400
    assert "Pilihan jenis tabel tidak dikenal." in response.content.decode()
    assert client.session[SESSION_KEY][staged].get("jenis", {}) == {}


def test_get_is_not_allowed(client, staged):
    assert client.get(reverse("import_jenis", args=[staged])).status_code == 405


@pytest.mark.parametrize("persona", ["kepala", "bob", "charlie"])
def test_others_cannot_change_alices_upload(client, world, staged, persona):
    """kepala: same PD, read-only; bob: kepala bidang of the other bidang; charlie: perencana of another PD."""
    other = Client()
    other.force_login(getattr(world, persona))
    response = other.post(reverse("import_jenis", args=[staged]), {"tabel": "#1", "jenis": "pk"})
    assert response.status_code == 404
    assert client.session[SESSION_KEY][staged].get("jenis", {}) == {}


def test_anonymous_is_sent_to_login(world, staged):
    response = Client().post(reverse("import_jenis", args=[staged]), {"tabel": "#1", "jenis": "pk"})
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_a_matrix_without_a_caption_is_listed_as_untitled_and_not_pickable(client, world):
    """A text copy of a matrix has no "Tabel 2.3" above it: the list names it "tanpa judul (#1)" rather than leaving
    the cell empty, and says why its kind cannot be changed."""
    client.force_login(world.alice)
    client.post(reverse("import_upload"), {"berkas": SimpleUploadedFile(SEED_BANGKA.name, SEED_BANGKA.read_bytes()),
                                           "perangkat_daerah": world.pd.pk, "tahun": "2025"})
    (token,) = client.session[SESSION_KEY].keys()
    html = client.get(reverse("import_preview", args=[token])).content.decode()
    row = html[html.index('data-tabel="#1"'):]
    row = row[:row.index("</tr>")]
    assert "tanpa judul (#1)" in row and "Matriks rencana aksi" in row and "<select" not in row
    assert "sehingga jenisnya tidak dapat diganti" in html
