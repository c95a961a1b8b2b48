"""The download menu in a browser: it opens, keeps open while the user ticks the appendix and picks a triwulan,
and a format button downloads the file it names (no inline script: CSP holds)."""

from __future__ import annotations

import pytest
from django.urls import reverse
from playwright.sync_api import Page

from renaksi.laporan.templatetags.unduh import triwulan_bawaan
from renaksi.perencanaan.models import RencanaAksi
from tests.factories import PASSWORD
from tests.laporan.palsu import dibaca, fixture_laporan_palsu  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _login(page: Page, live_server, username: str) -> None:
    page.goto(live_server.url + reverse("login"))
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")


@pytest.mark.parametrize("halaman", ["plan_editor", "ra_document", "monev_form"])
def test_the_menu_downloads_the_chosen_document(page: Page, live_server, world, laporan_palsu, artifacts, halaman):
    plan: RencanaAksi = world.plan
    _login(page, live_server, "alice")
    args = [plan.pk, 3] if halaman == "monev_form" else [plan.pk]
    page.goto(live_server.url + reverse(halaman, args=args))
    menu = page.locator(".menu-unduh")
    menu.get_by_role("button", name="Unduh").click()
    page.get_by_label("Sertakan lampiran temuan pemeriksaan").check()
    preselected = 3 if halaman == "monev_form" else triwulan_bawaan(plan)  # the page's, else by the date
    assert page.get_by_label("Triwulan (monev, LKjIP)").input_value() == str(preselected)
    page.get_by_label("Triwulan (monev, LKjIP)").select_option("3")
    assert menu.locator(".dropdown-menu").is_visible()  # ticking the box did not close the menu
    page.screenshot(path=str(artifacts / f"menu-unduh-{halaman}.png"))
    with page.expect_download() as info:
        menu.get_by_role("button", name="Monev Triwulan (XLSX)").click()
    download = info.value
    assert download.suggested_filename == "monev-kesbangpol-contoh-2024-tw3.xlsx"
    written = dibaca(download.path().read_bytes())
    assert written["format"] == "xlsx" and len(written["dokumen"]["bagian"]) == 2  # the appendix
