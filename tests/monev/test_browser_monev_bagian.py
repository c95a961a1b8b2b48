"""A large plan's monev form opens with its outline; a section (a sasaran, a kegiatan) loads when opened and its rows save in place."""

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from renaksi.monev import services as monev
from renaksi.monev.models import ProgresAksi, RealisasiIndikator
from renaksi.perencanaan.models import Aksi, Indikator, Kegiatan, Sasaran
from tests.factories import make_plan
from tests.monev.isi import add_indikator
from tests.perencanaan.test_browser_editor import _login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_charlie_opens_one_kegiatan_and_one_sasaran_of_a_large_plan_and_saves_rows(page: Page, live_server, world,
                                                                                  artifacts):
    for tw in (1, 2):
        monev.jendela_buka(pemda=world.pemda, tahun=2024, triwulan=tw)
    plan = make_plan(world.other_pd, n_sub_kegiatan=20, aksi_per_sub=4)  # 80 aksi: sections start closed
    add_indikator(plan, 10)
    kegiatan = Kegiatan.objects.get(rencana_aksi=plan)
    sasaran = Sasaran.objects.get(rencana_aksi=plan)
    aksi = Aksi.objects.filter(rencana_aksi=plan).order_by("id").last()
    ind = Indikator.objects.filter(rencana_aksi=plan).order_by("id").last()
    page.set_viewport_size({"width": 1440, "height": 1000})
    _login(page, live_server, "charlie")

    page.goto(live_server.url + reverse("monev_form", args=[plan.pk, 2]))
    expect(page.locator("#monev-outline")).to_contain_text("Sasaran")
    expect(page.locator(f"#aksi-{aksi.pk}")).to_have_count(0)  # nothing loaded until opened

    bagian = page.locator(f"#bagian-kegiatan-{kegiatan.pk}")
    bagian.locator("summary").click()
    row = page.locator(f"#aksi-{aksi.pk}")
    expect(row).to_be_visible()
    row.locator(f"#aksi{aksi.pk}-4").select_option("berjalan")
    with page.expect_response(lambda r: "/monev/aksi/" in r.url) as answer:
        row.get_by_role("button", name="Simpan").click()
    assert answer.value.status == 200
    expect(page.locator(f"#aksi-{aksi.pk} .form-select").first).to_have_value("berjalan")
    expect(page.locator(f"#aksi-{aksi.pk}")).to_have_count(1)  # the row was replaced, not duplicated
    assert ProgresAksi.objects.get(aksi=aksi, bulan=4).status == "berjalan"

    page.locator(f"#bagian-sasaran-{sasaran.pk} summary").click()
    row = page.locator(f"#ind-{ind.pk}")
    row.locator(f"#ind{ind.pk}-realisasi").fill("20")
    with page.expect_response(lambda r: "/monev/indikator/" in r.url) as answer:
        row.get_by_role("button", name="Simpan").click()
    assert answer.value.status == 200
    expect(page.locator(f"#ind-{ind.pk} #ind{ind.pk}-realisasi")).to_have_value("20")
    assert RealisasiIndikator.objects.get(indikator=ind, triwulan=2).nilai == 20
    page.screenshot(path=artifacts / "monev-bagian.png", full_page=False)
