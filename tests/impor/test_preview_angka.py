"""The import preview shows numbers the Indonesian way whatever the source wrote (issue 18, "details a user tripped
on"): Bangka's matrix writes "36.00" (line 31) and "43.48%" (line 44); the preview shows "36,00" and "43,48%"."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.conftest import SEED_BANGKA

pytestmark = pytest.mark.django_db


def test_bangka_targets_in_indonesian_form(client, world):
    client.force_login(world.alice)
    response = client.post(reverse("import_upload"), {
        "berkas": SimpleUploadedFile(SEED_BANGKA.name, SEED_BANGKA.read_bytes()),
        "perangkat_daerah": world.pd.pk, "tahun": ""})
    assert response.status_code == 302
    html = client.get(response["Location"]).content.decode()
    cells = re.findall(r"<td[^>]*>\s*([^<]*?)\s*</td>", html)
    assert "36,00" in cells and "43,48%" in cells and "33,33" in cells
    assert "36.00" not in cells and "43.48%" not in cells and "43.48" not in cells
