"""Alice opens 'Narasi dokumen' from the plan editor, writes her own foreword and finds it in the RA document."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from tests.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FOREWORD = "Puji syukur, Rencana Aksi Kesbangpol Kota Contoh Tahun 2024 telah tersusun."


def test_alice_writes_the_foreword_and_the_document_prints_it(page: Page, live_server, world, artifacts):
    page.goto(live_server.url + reverse("login"))
    page.get_by_label("Nama pengguna").fill("alice")
    page.get_by_label("Kata sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.goto(live_server.url + reverse("plan_editor", args=[world.plan.pk]))
    page.get_by_role("link", name="Narasi dokumen").click()

    expect(page.get_by_role("heading", name="Narasi dokumen")).to_be_visible()
    foreword = page.get_by_label("Kata pengantar")
    # The default, generated from the plan (perencanaan/narasi.py).
    expect(foreword).to_have_value(re.compile("Badan Kesatuan Bangsa dan Politik Kota Contoh Tahun 2024 dapat "
                                              "diselesaikan"))
    page.screenshot(path=str(artifacts / "narasi-dokumen.png"), full_page=True)
    foreword.fill(FOREWORD)
    page.get_by_role("button", name="Simpan narasi").click()
    expect(page.get_by_role("alert")).to_contain_text("Narasi dokumen disimpan.")
    expect(page.get_by_label("Kata pengantar")).to_have_value(FOREWORD)

    page.goto(live_server.url + reverse("ra_document", args=[world.plan.pk]))
    expect(page.get_by_text(FOREWORD)).to_be_visible()
