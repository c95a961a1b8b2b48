"""Picking a table's kind in the import preview, in a real browser (Debian's Chromium): the select sends the
choice (htmx), the preview reads the document again and says the table was read as the user chose, and "Impor"
stores what the preview showed."""

from __future__ import annotations

import pytest

from renaksi.perencanaan.models import PerjanjianKinerjaItem
from tests.conftest import ARTIFACTS

from .conftest import browser_upload
from .korpus.dokumen import laporan
from .korpus.tulis import WRITERS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_pick_another_kind_for_a_table(live_server, world, page):
    browser_upload(page, live_server, nama="ra.txt", data=WRITERS["txt"](laporan()), mime="text/plain")
    row = 'tr[data-tabel="#1"]'
    assert "Target triwulan (pilihan Renaksi)" in page.inner_text(f"{row} select option:checked")

    with page.expect_navigation():  # htmx posts the choice; the answer sends the page to the preview again
        page.select_option(f"{row} select", "pk")
    page.get_by_text("Tabel 1 dibaca sebagai Perjanjian Kinerja karena dipilih pengguna").first.wait_for()
    assert page.eval_on_selector(f"{row} select", "s => s.value") == "pk"
    page.screenshot(path=str(ARTIFACTS / "impor-pilih-jenis.png"), full_page=True)

    page.click("#impor-konfirmasi")
    page.wait_for_url("**/rencana-aksi/*/**")
    assert PerjanjianKinerjaItem.objects.count() == 3
