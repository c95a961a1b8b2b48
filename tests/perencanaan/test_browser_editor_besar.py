"""The editor of a large plan (`renaksi synth`: 20 sasaran, 200 indikator, 1,000 aksi): a small page with an
outline; a section opens from the outline, a month is toggled in it, a search finds a row in another section and
opens it, and the bidang filter narrows what is shown. Screenshots in tests/artifacts (editor-besar-*.png)."""

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from renaksi.perencanaan.models import Aksi, AksiBulan, Kegiatan
from renaksi.sintetis.generator import SANDI_DEMO, buat_pemda, username_pd

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _login(page: Page, live_server, username: str) -> None:
    page.goto(live_server.url + reverse("login"))
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Kata sandi").fill(SANDI_DEMO)
    page.get_by_role("button", name="Masuk").click()
    expect(page.get_by_role("heading", name="Rencana Aksi", exact=True)).to_be_visible()


def test_the_editor_of_a_large_plan_opens_what_the_user_looks_at(page: Page, live_server, artifacts):
    plan = buat_pemda(pd=1, seed=1, realisasi=0, pemda="Besar", besar_setiap=1).rencana_aksi[0]
    assert Aksi.objects.filter(rencana_aksi=plan).count() == 1000
    page.set_viewport_size({"width": 1600, "height": 1000})
    _login(page, live_server, username_pd(plan.perangkat_daerah, "perencana"))
    page.goto(live_server.url + reverse("plan_editor", args=[plan.pk]))
    expect(page.locator("#editor-outline")).to_contain_text("Program dan kegiatan")
    expect(page.locator(".row-aksi")).to_have_count(0)  # nothing loaded before it is opened
    page.wait_for_load_state("networkidle")
    assert page.evaluate("document.body.scrollHeight") < 5000
    page.screenshot(path=artifacts / "editor-besar-awal.png", full_page=True)

    # The outline opens a kegiatan (its program first) and scrolls to the kegiatan (the second program: 90 aksi).
    kegiatan = Kegiatan.objects.filter(rencana_aksi=plan).order_by("program__urutan", "urutan") \
        .exclude(program__urutan=Kegiatan.objects.filter(rencana_aksi=plan).order_by("program__urutan")
                 .first().program.urutan).first()
    page.locator(f'#editor-outline a[href="#kegiatan-{kegiatan.pk}"]').click()
    expect(page.locator(f"#kegiatan-{kegiatan.pk}")).to_be_in_viewport(timeout=30_000)
    expect(page.locator(f"#bagian-program-{kegiatan.program_id} .bagian-buka")).to_have_count(0)
    expect(page.locator(f"#bagian-kegiatan-{kegiatan.pk} .bagian-buka")).to_have_count(0)  # its own section too

    # A month of its first aksi: one delegated handler, the row comes back.
    aksi = Aksi.objects.filter(sub_kegiatan__kegiatan=kegiatan).order_by("sub_kegiatan__urutan", "urutan")[0]
    bulan = next(m for m in range(1, 13) if not AksiBulan.objects.filter(aksi=aksi, bulan=m).exists())
    toggle = page.locator(f'#aksi-{aksi.pk} [data-b="{bulan}"]')
    toggle.click()
    expect(page.locator(f'#aksi-{aksi.pk} [data-b="{bulan}"]')).to_have_attribute("aria-pressed", "true")
    assert AksiBulan.objects.filter(aksi=aksi, bulan=bulan).exists()
    page.screenshot(path=artifacts / "editor-besar-bagian.png")

    # Search: a row of a section not yet opened; its link opens it.
    other = Aksi.objects.filter(rencana_aksi=plan).exclude(sub_kegiatan__kegiatan__program=kegiatan.program) \
        .order_by("-id").first()
    page.locator("#q-cari").fill(other.uraian[:40])
    result = page.locator(f'#hasil-cari a[href="#aksi-{other.pk}"]')
    expect(result).to_have_count(1)
    page.screenshot(path=artifacts / "editor-besar-cari.png")
    result.click()
    expect(page.locator(f"#aksi-{other.pk}")).to_be_in_viewport(timeout=30_000)

    # The bidang filter: the page again, with that bidang's rows only.
    bidang = other.sub_kegiatan.bidang
    page.locator("#pilih-bidang").select_option(str(bidang.pk))
    expect(page.locator("#filter-aktif")).to_contain_text(bidang.nama)
    page.locator(f'#editor-outline a[data-bagian="bagian-kegiatan-{other.sub_kegiatan.kegiatan_id}"]').click()
    expect(page.locator(f"#aksi-{other.pk}")).to_be_visible(timeout=30_000)
    rows_bidang = page.locator(".row-subkegiatan").all_inner_texts()
    assert rows_bidang and all((bidang.singkatan or bidang.nama) in t for t in rows_bidang)
    page.screenshot(path=artifacts / "editor-besar-filter.png")
