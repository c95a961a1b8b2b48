"""In the browser: the findings panel loads in the editor, links to the row, acknowledges with htmx, and refreshes
after an edit (the editor's `plan-changed` event)."""

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from renaksi.perencanaan import services as svc
from renaksi.perencanaan.models import SubKegiatan
from tests.conftest import ARTIFACTS
from tests.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _login(page: Page, live_server, username: str) -> None:
    page.goto(live_server.url + reverse("login"))
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Kata sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()


def test_alice_sees_a_finding_acknowledges_it_and_it_comes_back_when_the_values_change(
    page: Page, live_server, world
):
    sub = SubKegiatan.objects.filter(rencana_aksi=world.plan).order_by("urutan", "id").first()
    svc.anggaran_update(obj=sub, pagu=12_500_000)
    page.set_viewport_size({"width": 1600, "height": 1000})
    _login(page, live_server, "alice")
    page.goto(live_server.url + reverse("plan_editor", args=[world.plan.pk]))

    panel = page.locator(".pemeriksaan-panel")
    finding = panel.locator('[data-rule="pagu.rollup_mismatch"]')
    expect(finding).to_contain_text("Rp20.000.000")
    expect(panel.locator('[data-count="error"]')).to_have_text("1 kesalahan")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "pemeriksaan-panel.png", full_page=True)
    href = finding.locator("a").first.get_attribute("href")
    assert href.endswith(f"#kegiatan-{sub.kegiatan_id}")

    finding.get_by_placeholder("Catatan, misalnya: sesuai DPA").fill("sesuai DPA")
    finding.get_by_role("button", name="Akui").click()
    expect(panel.locator('[data-count="error"]')).to_have_text("0 kesalahan")
    expect(panel.locator('[data-rule="pagu.rollup_mismatch"]')).to_contain_text("Diakui oleh")
    page.screenshot(path=ARTIFACTS / "pemeriksaan-panel-diakui.png", full_page=True)

    # An edit elsewhere in the editor sends `plan-changed`: the panel reloads; new values, not acknowledged.
    svc.anggaran_update(obj=sub, pagu=13_000_000)
    page.evaluate("htmx.trigger(document.body, 'plan-changed')")
    expect(panel.locator('[data-count="error"]')).to_have_text("1 kesalahan")
    expect(page.locator('.pemeriksaan-panel [data-rule="pagu.rollup_mismatch"]')).to_contain_text(
        "nilainya telah berubah")
