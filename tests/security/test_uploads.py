"""Uploaded documents: a file name never becomes a path, staged files get random names and are never served."""

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from renaksi.impor.pratinjau import SESSION_KEY
from renaksi.laporan.templat import render_xlsx
from renaksi.perencanaan.templat import build_template_data


@pytest.mark.parametrize("name", ["../../../etc/rencana.xlsx", "..\\..\\rencana.xlsx", "/tmp/rencana.xlsx",
                                  "impor/../../rencana.xlsx"])
def test_a_traversal_name_is_only_a_label_and_the_file_gets_a_random_name(client, world, name):
    client.force_login(world.alice)
    data = render_xlsx(build_template_data(world.plan))
    response = client.post(reverse("import_upload"), {
        "berkas": SimpleUploadedFile(name, data), "perangkat_daerah": world.pd.pk, "tahun": "2024"})
    assert response.status_code == 302
    (token, meta), = client.session[SESSION_KEY].items()
    assert meta["storage_name"] == f"impor/{token}.bin"
    assert len(token) >= 24
    assert "/" not in meta["nama_berkas"]
    assert default_storage.exists(meta["storage_name"])
    with default_storage.open(meta["storage_name"], "rb") as handle:
        assert handle.read() == data
    # The preview shows the name as text; nothing outside impor/ was written.
    assert client.get(reverse("import_preview", args=[token])).status_code == 200
    assert default_storage.listdir("")[1] == []


def test_staged_uploads_are_not_served_by_url(client, world):
    client.force_login(world.alice)
    client.post(reverse("import_upload"), {
        "berkas": SimpleUploadedFile("rencana.xlsx", render_xlsx(build_template_data(world.plan))),
        "perangkat_daerah": world.pd.pk, "tahun": "2024"})
    (meta,) = client.session[SESSION_KEY].values()
    assert client.get("/media/" + meta["storage_name"]).status_code == 404
    assert client.get("/" + meta["storage_name"], follow=True).status_code == 404


def test_a_file_of_the_wrong_type_is_refused_by_its_content_whatever_its_name(client, world):
    client.force_login(world.alice)
    response = client.post(reverse("import_upload"), {
        "berkas": SimpleUploadedFile("rencana.csv", b"\x7fELF\x02\x01\x01" + b"\x00" * 200),
        "perangkat_daerah": world.pd.pk, "tahun": "2024"})
    assert response.status_code == 200
    assert not client.session.get(SESSION_KEY)
    assert "berkas ini program, bukan dokumen yang dapat dibaca" in response.content.decode()
