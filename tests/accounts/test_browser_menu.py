"""The top menu in a browser at a laptop's 1280 px: every item of the Admin Pemda (the role with the most items)
on one line, the admin items within reach."""

from __future__ import annotations

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from renaksi.accounts.models import Peran
from renaksi.organisasi.models import Pemda
from tests.factories import PASSWORD, make_pd, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_admin_pemdas_menu_fits_on_one_line_at_1280px(page: Page, live_server, artifacts):
    pd = make_pd(pemda="Bangka", jenis=Pemda.Jenis.KABUPATEN)
    # As `make demo` makes him: a full name, the Django admin for the master data.
    admin = make_user("bangka.admin", Peran.ADMIN_PEMDA, pemda=pd.pemda, first_name="Admin Pemda Kabupaten Bangka",
                      is_staff=True)
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(live_server.url + reverse("login"))
    page.fill("input[name=username]", admin.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    nav = page.locator("nav.navbar")
    expect(page.locator("#nav-pekerjaan")).to_be_visible()  # the menu is open, not behind the toggler
    page.screenshot(path=str(artifacts / "menu-admin-pemda-1280.png"))
    tops = {round(box["y"]) for box in (item.bounding_box() for item in nav.locator(
        ".navbar-brand, .navbar-nav > .nav-item, .navbar-text, form button").all()) if box}
    assert max(tops) - min(tops) < 12, tops  # one line (the brand and the small text sit a few px apart)
    assert nav.bounding_box()["height"] < 70
    keluar = page.get_by_role("button", name="Keluar").bounding_box()
    assert keluar and keluar["x"] + keluar["width"] <= 1280  # nothing pushed off the screen
    for name in ("Dasbor monev", "Jendela pelaporan", "Data induk"):  # every admin item is one click away
        if not page.get_by_role("link", name=name).is_visible():
            page.locator("#nav-admin").click()
            page.screenshot(path=str(artifacts / "menu-admin-pemda-pengaturan.png"))
        expect(page.get_by_role("link", name=name)).to_be_visible()
        page.keyboard.press("Escape")
