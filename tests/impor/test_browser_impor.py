"""The import page in a real browser (Debian's Chromium): drop a file, see the preview, press "Impor".

Screenshots of the upload page and the preview are kept in test-artifacts/ for a person to look at.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from renaksi.laporan.templat import render_xlsx
from renaksi.perencanaan.models import RencanaAksi
from renaksi.perencanaan.templat import build_template_data
from tests.conftest import ARTIFACTS

from .conftest import browser_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

def test_drop_a_file_preview_and_import(live_server, world, page):
    content = render_xlsx(build_template_data(world.plan))
    browser_login(page, live_server)
    page.goto(live_server.url + reverse("import_upload"))
    page.screenshot(path=str(ARTIFACTS / "impor-unggah.png"), full_page=True)

    # Drop the workbook on the drop zone, as a person drags it from the file manager.
    page.evaluate(
        """(bytes) => {
            const file = new File([new Uint8Array(bytes)], "rencana-2025.xlsx");
            const data = new DataTransfer();
            data.items.add(file);
            const zone = document.querySelector("[data-impor-drop]");
            zone.dispatchEvent(new DragEvent("drop", {dataTransfer: data, bubbles: true, cancelable: true}));
        }""",
        list(content),
    )
    assert page.inner_text("[data-impor-nama]") == "rencana-2025.xlsx"
    page.fill("input[name=tahun]", "2025")
    page.click("#impor-submit")
    page.wait_for_url("**/impor/*/")
    assert page.inner_text("[data-count=aksi]") == "4"
    page.screenshot(path=str(ARTIFACTS / "impor-pratinjau.png"), full_page=True)
    assert not RencanaAksi.objects.filter(tahun=2025).exists()

    page.click("#impor-konfirmasi")
    page.wait_for_url("**/rencana-aksi/*/")
    assert RencanaAksi.objects.filter(perangkat_daerah=world.pd, tahun=2025).count() == 1


def test_a_bad_file_shows_the_message_in_place(live_server, world, page):
    browser_login(page, live_server)
    page.goto(live_server.url + reverse("import_upload"))
    page.set_input_files("input[type=file]", files=[{"name": "foto.xlsx", "mimeType": "image/png",
                                                      "buffer": b"\x89PNG\r\n\x1a\n" + b"\x00" * 64}])
    page.click("#impor-submit")
    page.wait_for_selector(".invalid-feedback")
    assert "gambar PNG" in page.inner_text(".invalid-feedback")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "impor-gagal.png"), full_page=True)
