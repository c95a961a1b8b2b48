"""Picking a table's kind in the import preview, in a real browser (Debian's Chromium): the select sends the
choice (htmx), the preview reads the document again and says the table was read as the user chose."""

from __future__ import annotations

import pytest
from django.urls import reverse

from renaksi.perencanaan.models import PerjanjianKinerjaItem
from tests.conftest import ARTIFACTS
from tests.factories import PASSWORD

from .korpus.dokumen import laporan
from .korpus.tulis import WRITERS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_pick_another_kind_for_a_table(live_server, world, page):
    ARTIFACTS.mkdir(exist_ok=True)
    page.set_viewport_size({"width": 1400, "height": 1000})
    page.goto(live_server.url + reverse("login"))
    page.fill("input[name=username]", "alice")
    page.fill("input[name=password]", PASSWORD)
    page.click("form button[type=submit], form input[type=submit]")
    page.goto(live_server.url + reverse("import_upload"))
    page.set_input_files("input[type=file]", files=[{
        "name": "ra.txt", "buffer": WRITERS["txt"](laporan()), "mimeType": "text/plain"}])
    page.fill("input[name=tahun]", "2025")
    page.click("#impor-submit")
    page.wait_for_url("**/impor/*/")
    row = 'tr[data-tabel="Tabel 1"]'
    assert "Target triwulan (pilihan Renaksi)" in page.inner_text(f"{row} select option:checked")

    with page.expect_navigation():  # htmx posts the choice; the answer sends the page to the preview again
        page.select_option(f"{row} select", "pk")
    page.get_by_text("Tabel 1 dibaca sebagai Perjanjian Kinerja karena dipilih pengguna").first.wait_for()
    assert page.eval_on_selector(f"{row} select", "s => s.value") == "pk"
    page.screenshot(path=str(ARTIFACTS / "impor-pilih-jenis.png"), full_page=True)

    page.click("#impor-konfirmasi button[type=submit], #impor-konfirmasi")
    page.wait_for_url("**/rencana-aksi/*/**")
    assert PerjanjianKinerjaItem.objects.count() == 3
