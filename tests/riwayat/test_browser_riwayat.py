"""In Chromium: eve writes a note on an indikator in the editor, alice sees the badge, answers and resolves it;
kabid and alice edit the same sasaran and the second sees the conflict; the history shows the changes.

Under load (a shared machine, CI) a section or a save can take many seconds: every step waits for the element it
needs, and for htmx to be done (no request in flight, nothing being swapped or settled), never for a fixed time; the
waits may last up to TUNGGU."""

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from renaksi.perencanaan import services as svc
from renaksi.perencanaan.models import Indikator, Sasaran
from renaksi.riwayat.models import Catatan
from tests.perencanaan.test_browser_editor import _login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
TUNGGU = 30_000  # ms, for each expectation (Playwright's default is 5 s) and each action (30 s)
HTMX_SIBUK = ".htmx-request, .htmx-swapping, .htmx-settling"


@pytest.fixture(autouse=True)
def _sabar(page: Page):
    page.set_default_timeout(TUNGGU)
    expect.set_options(timeout=TUNGGU)
    yield
    expect.set_options(timeout=None)  # back to the default for the other tests


def _htmx_selesai(page: Page) -> None:
    """htmx has answered and settled: no request in flight, nothing being swapped or settled."""
    expect(page.locator(HTMX_SIBUK)).to_have_count(0)


def _buka_bagian(page: Page, bagian: str, isi: str) -> None:
    """Open the editor's section `bagian` (loaded on its first opening) and wait until its row `isi` is shown."""
    page.locator(f"#{bagian} .bagian-buka").click()
    expect(page.locator(f"#{bagian} .bagian-buka")).to_have_count(0)  # replaced by the loaded section
    expect(page.locator(isi)).to_be_visible()
    _htmx_selesai(page)


def test_note_thread_conflict_and_history(page: Page, live_server, world, artifacts):
    plan = world.plan
    iku = Indikator.objects.get(rencana_aksi=plan)
    editor = live_server.url + reverse("plan_editor", args=[plan.pk])
    page.set_viewport_size({"width": 1440, "height": 1000})

    bagian = f"bagian-sasaran-{iku.sasaran_id}"  # the section of the IKU's sasaran

    _login(page, live_server, "eve")
    page.goto(editor)
    _buka_bagian(page, bagian, f"#indikator-{iku.pk} .catatan-baru")
    page.locator(f"#indikator-{iku.pk} .catatan-baru").click()
    thread = page.locator("#catatan-utas")
    expect(thread.get_by_role("button", name="Kirim catatan")).to_be_visible()
    _htmx_selesai(page)
    thread.locator("textarea[name=teks]").fill("Target TW IV tidak sejalan dengan target tahunan.")
    thread.get_by_role("button", name="Kirim catatan").click()
    expect(page.locator(f"#catatan-indikator-{iku.pk} .catatan-badge")).to_contain_text("1")
    _htmx_selesai(page)
    page.screenshot(path=artifacts / "catatan-eve.png", full_page=True)

    page.context.clear_cookies()
    _login(page, live_server, "alice")
    page.goto(editor)
    _buka_bagian(page, bagian, f"#catatan-indikator-{iku.pk} .catatan-badge")
    page.locator(f"#catatan-indikator-{iku.pk} .catatan-badge").click()
    thread = page.locator("#catatan-utas")
    expect(thread).to_contain_text("Target TW IV tidak sejalan")
    _htmx_selesai(page)
    thread.locator("textarea[name=teks]").fill("Sudah disesuaikan.")
    thread.get_by_role("button", name="Balas").click()
    expect(page.locator("#catatan-utas")).to_contain_text("Sudah disesuaikan.")
    _htmx_selesai(page)
    page.locator("#catatan-utas").get_by_role("button", name="Tandai selesai").click()
    expect(page.locator("#catatan-utas .badge").first).to_have_text("selesai")
    expect(page.locator(f"#catatan-indikator-{iku.pk} .catatan-badge")).to_have_count(0)
    _htmx_selesai(page)
    assert not Catatan.objects.get(induk=None).terbuka

    # two people edit the same sasaran: alice's form is opened, then someone saves it first
    sasaran = Sasaran.objects.get(rencana_aksi=plan)
    row = page.locator(f"#sasaran-{sasaran.pk}")
    row.locator("[data-edit]").click()
    expect(page.locator("tr.editing")).to_be_visible()  # the form is open with the version it read
    _htmx_selesai(page)
    svc.sasaran_update(sasaran=Sasaran.objects.get(pk=sasaran.pk), uraian="Diubah admin lebih dulu",
                       versi_baris=sasaran.versi_baris)
    page.locator(f"#sasaran-{sasaran.pk} textarea, #sasaran-{sasaran.pk} input[name=uraian]").first.fill("Versi alice")
    page.locator(f"#sasaran-{sasaran.pk} [data-save]").click()
    alert = page.locator("tr.editing .alert-danger")
    expect(alert).to_contain_text("nilai Anda: «Versi alice»; nilai sekarang: «Diubah admin lebih dulu»")
    page.screenshot(path=artifacts / "konflik-sasaran.png", full_page=True)
    _htmx_selesai(page)
    page.locator("tr.editing [data-save]").click()  # deliberately again
    # saved: the row is shown again, not the form (whose conflict message also quotes "Versi alice")
    expect(page.locator("tr.editing")).to_have_count(0)
    expect(page.locator(f"#sasaran-{sasaran.pk}")).to_contain_text("Versi alice")
    _htmx_selesai(page)

    page.goto(live_server.url + reverse("riwayat_rencana", args=[plan.pk]))
    first = page.locator("#riwayat-tabel tbody tr").first
    expect(first).to_contain_text("Versi alice")
    expect(first).to_contain_text("alice")
    page.screenshot(path=artifacts / "riwayat-rencana.png", full_page=True)
