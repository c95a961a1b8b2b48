"""The preview of a document that holds only part of the chain, in a real browser (Debian's Chromium)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.conftest import ARTIFACTS
from tests.factories import PASSWORD

from .test_jenis import RENJA

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_renja_list_preview_says_what_it_holds(live_server, world, page):
    ARTIFACTS.mkdir(exist_ok=True)
    page.set_viewport_size({"width": 1400, "height": 1000})
    page.goto(live_server.url + reverse("login"))
    page.fill("input[name=username]", "alice")
    page.fill("input[name=password]", PASSWORD)
    page.click("form button[type=submit], form input[type=submit]")
    page.goto(live_server.url + reverse("import_upload"))
    page.set_input_files("input[type=file]", files=[{
        "name": "renja.docx", "buffer": RENJA,
        "mimeType": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}])
    page.fill("input[name=tahun]", "2025")
    page.click("#impor-submit")
    page.wait_for_url("**/impor/*/")
    assert "hanya memuat program / kegiatan / sub kegiatan, pagu" in page.inner_text("#impor-bagian")
    page.screenshot(path=str(ARTIFACTS / "impor-pratinjau-renja.png"), full_page=True)
