"""Alice opens the pohon kinerja of the imported Samarinda seed in Chromium: the tree is drawn (no CSP violation:
the `page` fixture fails on one), the zoom buttons scale it, and the screenshots are kept for docs/img."""

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from renaksi.impor import api
from tests.conftest import SEED_SAMARINDA
from tests.perencanaan.test_browser_editor import _login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_alice_sees_the_samarinda_tree_and_zooms(page: Page, live_server, world, artifacts):
    plan = api.import_document(api.parse_document(SEED_SAMARINDA.read_bytes(), SEED_SAMARINDA.name),
                               perangkat_daerah=world.pd, tahun=2025).rencana_aksi
    page.set_viewport_size({"width": 1600, "height": 1000})
    _login(page, live_server, "alice")
    page.goto(live_server.url + reverse("pohon_kinerja", args=[plan.pk]))
    svg = page.locator("[data-pohon] svg")
    expect(svg).to_be_visible()
    expect(page.locator("[data-pohon] .simpul-sub_kegiatan")).to_have_count(15)
    expect(svg).to_contain_text("Pembentukan Paskibraka")
    expect(svg).to_contain_text("Pagu: Rp1.850.000.000")
    width = float(svg.get_attribute("width"))
    first_root = page.locator("[data-pohon] .simpul-sasaran").first
    expect(first_root).to_be_in_viewport()  # the wide tree opens on its first root
    page.screenshot(path=artifacts / "pohon-kinerja.png")  # docs/img/pohon-kinerja.png

    page.get_by_role("button", name="Perbesar").click()
    assert float(svg.get_attribute("width")) == pytest.approx(width * 1.25, abs=1)
    page.get_by_role("button", name="Muat layar").click()
    fitted = float(svg.get_attribute("width"))
    assert fitted < width
    box = page.locator("[data-pohon]").bounding_box()
    assert fitted <= box["width"]
    page.screenshot(path=artifacts / "pohon-kinerja-muat-layar.png")
