"""On a phone (390 px wide) the main pages do not scroll sideways: wide tables scroll inside their box, toolbars wrap,
every button stays on the screen, and the plan editor's header does not cover the page while the user scrolls."""

from __future__ import annotations

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from renaksi.monev import services as monev
from tests.perencanaan.test_browser_editor import _login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PHONE = {"width": 390, "height": 844}


def _page_width(page: Page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


def _on_screen(page: Page, selector: str) -> None:
    for box in (el.bounding_box() for el in page.locator(selector).filter(visible=True).all()):
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], (selector, box)


def test_the_main_pages_fit_a_phone_without_sideways_scrolling(page: Page, live_server, world, artifacts):
    monev.jendela_buka(pemda=world.pemda, tahun=2024, triwulan=1)
    plan = world.plan
    world.alice.first_name = "Perencana Perangkat Daerah Kota Samarinda"  # as long as the demo's names
    world.alice.save()
    page.set_viewport_size(PHONE)
    _login(page, live_server, "alice")
    pages = {
        "beranda": reverse("home"),
        "editor": reverse("plan_editor", args=[plan.pk]),
        "monev": reverse("monev_form", args=[plan.pk, 1]),
        "dasbor-pd": reverse("dasbor_pd", args=[plan.pk]) + "?tw=1",
        "pohon": reverse("pohon_kinerja", args=[plan.pk]),
    }
    for name, url in pages.items():
        page.goto(live_server.url + url)
        page.wait_for_load_state("networkidle")
        page.screenshot(path=str(artifacts / f"ponsel-{name}.png"), full_page=True)
        assert _page_width(page) <= PHONE["width"], name
    page.goto(live_server.url + reverse("plan_editor", args=[plan.pk]))
    _on_screen(page, "#plan-header .btn")
    page.locator(".navbar-toggler").click()  # the menu: the user's name and role are cut with "…" at the edge
    expect(page.get_by_role("button", name="Keluar")).to_be_visible()
    _on_screen(page, ".nav-pengguna")

    # The document is an A4 preview wider than a phone; its toolbar wraps, so Unduh and Cetak are on the screen.
    page.goto(live_server.url + reverse("ra_document", args=[plan.pk]))
    expect(page.get_by_role("button", name="Cetak")).to_be_visible()
    _on_screen(page, ".dokumen-toolbar .btn")


def test_on_a_phone_the_editor_header_scrolls_away_and_a_refusal_stays_in_view(page: Page, live_server, world):
    plan = world.plan
    page.set_viewport_size(PHONE)
    _login(page, live_server, "alice")
    page.goto(live_server.url + reverse("plan_editor", args=[plan.pk]))
    page.wait_for_load_state("networkidle")
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    header = page.locator("#plan-header").bounding_box()
    assert header and header["y"] + header["height"] <= 0  # scrolled out of sight, not stuck over the rows

    page.evaluate("""document.getElementById('editor-alert').innerHTML =
        '<div class="alert alert-warning py-2" role="alert">Ditolak</div>'""")
    alert = page.locator("#editor-alert .alert").bounding_box()
    assert alert and 0 <= alert["y"] and alert["y"] + alert["height"] <= PHONE["height"]
