"""The file pickers speak Indonesian (issue 18, "details a user tripped on"): the browser's own "Choose File / No
file chosen" widget is hidden; the import drop zone (the input's label) and the bukti dukung's "Pilih berkas" button
open the picker, and the chosen file's name, or "Belum ada berkas dipilih", is shown beside them."""

from __future__ import annotations

import pytest
from django.urls import reverse

from renaksi.monev import services as monev
from renaksi.perencanaan.models import Indikator
from tests.conftest import ARTIFACTS
from tests.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _login(page, live_server, username: str) -> None:
    page.goto(live_server.url + reverse("login"))
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("form button[type=submit], form input[type=submit]")


def _hidden(page, selector: str) -> bool:
    box = page.locator(selector).bounding_box()
    return box is not None and box["width"] <= 1 and box["height"] <= 1


def test_import_page_has_one_indonesian_picker(live_server, world, page):
    _login(page, live_server, "alice")
    page.goto(live_server.url + reverse("import_upload"))
    assert _hidden(page, "input[type=file]")
    assert page.inner_text("[data-impor-nama]") == "Belum ada berkas dipilih"
    with page.expect_file_chooser() as chooser:
        page.click("[data-impor-drop]")
    chooser.value.set_files(files=[{"name": "rencana.xlsx", "mimeType": "application/octet-stream",
                                    "buffer": b"PK\x03\x04"}])
    assert page.inner_text("[data-impor-nama]") == "rencana.xlsx"
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "impor-pemilih-berkas.png"))


def test_bukti_dukung_picker_is_a_button_with_the_name_beside_it(live_server, world, page):
    monev.jendela_buka(pemda=world.pemda, tahun=2024, triwulan=1)
    iku = Indikator.objects.get(rencana_aksi=world.plan)
    _login(page, live_server, "alice")
    page.goto(live_server.url + reverse("monev_form", args=[world.plan.pk, 1]))
    assert _hidden(page, f"#bukti-berkas-{iku.pk}")
    assert page.inner_text(f"#bukti-nama-{iku.pk}") == "Belum ada berkas dipilih"
    with page.expect_file_chooser() as chooser:
        page.click(f"label[for=bukti-berkas-{iku.pk}]")
    chooser.value.set_files(files=[{"name": "notulen.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4"}])
    assert page.inner_text(f"#bukti-nama-{iku.pk}") == "notulen.pdf"
