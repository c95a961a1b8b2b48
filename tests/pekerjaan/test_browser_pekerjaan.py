"""A background job in a browser: the admin pemda starts the Pemda bundle from the dashboard, the job page shows it
waiting in the database queue, the worker runs it, the page (polling by htmx, no inline script) shows it done and
the file downloads."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from playwright.sync_api import Page, expect

from tests.factories import PASSWORD, make_plan

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def test_start_a_bundle_watch_it_and_download_it(page: Page, live_server, world, artifacts):
    make_plan(world.other_pd)
    page.goto(live_server.url + reverse("login"))
    page.fill("input[name=username]", world.admin.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    with override_settings(TASKS=DB_TASKS):
        page.goto(live_server.url + reverse("dasbor_pemda") + "?tahun=2024")
        page.get_by_role("button", name="Bundel dokumen").click()
        page.get_by_label("DOCX").check()
        page.screenshot(path=str(artifacts / "pekerjaan-bundel-menu.png"))
        page.get_by_role("button", name="Buat bundel").click()
        status = page.locator("#pekerjaan-status")
        expect(status).to_have_attribute("data-status", "antri")
        expect(page.locator("h1")).to_contain_text("Bundel Dokumen Rencana Aksi Kota Contoh 2024 (PDF, DOCX)")
        page.screenshot(path=str(artifacts / "pekerjaan-antri.png"), full_page=True)
        call_command("db_worker", "--batch", verbosity=0)  # the worker `make demo` runs beside the server
    expect(status).to_have_attribute("data-status", "selesai", timeout=10_000)  # the page polled itself
    assert status.get_attribute("hx-trigger") is None  # and stopped polling
    page.screenshot(path=str(artifacts / "pekerjaan-selesai.png"), full_page=True)
    with page.expect_download() as info:
        page.locator("#pekerjaan-unduh").click()
    download = info.value
    assert download.suggested_filename == "bundel-ra-contoh-2024.zip"
    names = sorted(zipfile.ZipFile(io.BytesIO(download.path().read_bytes())).namelist())
    assert names == ["ra-dinkes-contoh-2024.docx", "ra-dinkes-contoh-2024.pdf", "ra-kesbangpol-contoh-2024.docx",
                     "ra-kesbangpol-contoh-2024.pdf"]
    page.click("#nav-pekerjaan")
    expect(page.locator("#daftar-pekerjaan tbody tr")).to_have_count(1)
    page.screenshot(path=str(artifacts / "pekerjaan-daftar.png"), full_page=True)


def test_a_large_plans_pdf_from_the_menu_becomes_a_job(page: Page, live_server, world, artifacts, settings):
    settings.RENAKSI_EKSPOR_LATAR_AKSI = 3  # the plan of the world has 8 aksi: "large" here
    page.goto(live_server.url + reverse("login"))
    page.fill("input[name=username]", world.alice.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.goto(live_server.url + reverse("ra_document", args=[world.plan.pk]))
    menu = page.locator(".menu-unduh")
    menu.get_by_role("button", name="Unduh").click()
    menu.get_by_role("button", name="Dokumen Rencana Aksi (PDF)").click()
    expect(page.locator("#unduh-latar")).to_contain_text("dibuat di latar belakang")
    page.screenshot(path=str(artifacts / "pekerjaan-unduh-latar.png"))
    page.get_by_role("button", name="Buat di latar belakang").click()
    status = page.locator("#pekerjaan-status")
    expect(status).to_have_attribute("data-status", "selesai")  # the immediate backend of the tests ran it
    with page.expect_download() as info:
        page.locator("#pekerjaan-unduh").click()
    assert info.value.suggested_filename == "ra-kesbangpol-contoh-2024.pdf"
    assert info.value.path().read_bytes().startswith(b"%PDF")


def test_a_long_pdf_is_read_by_a_job_then_lanjutkan_leads_to_the_preview(page: Page, live_server, world, artifacts,
                                                                         settings):
    from renaksi.perencanaan.models import Program, RencanaAksi
    from tests.conftest import SEED_BANGKA
    from tests.impor.pdf_corpus import seed_to_pdf
    from tests.pekerjaan.test_impor_latar import PAGU_PROGRAM

    settings.RENAKSI_IMPOR_LATAR_HALAMAN = 5  # the Bangka seed printed is 6 pages: "long" here
    page.goto(live_server.url + reverse("login"))
    page.fill("input[name=username]", world.alice.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    with override_settings(TASKS=DB_TASKS):
        page.goto(live_server.url + reverse("import_upload"))
        page.set_input_files("input[type=file]", files=[{"name": "renaksi-bangka.pdf", "mimeType": "application/pdf",
                                                          "buffer": seed_to_pdf(SEED_BANGKA)}])
        page.fill("input[name=tahun]", "2025")
        page.click("#impor-submit")
        page.wait_for_url("**/pekerjaan/*/")  # the upload answered at once with the job's page
        status = page.locator("#pekerjaan-status")
        expect(status).to_have_attribute("data-status", "antri")
        expect(page.locator("h1")).to_have_text("Membaca renaksi-bangka.pdf untuk diimpor")
        call_command("db_worker", "--batch", verbosity=0)  # the worker reads the PDF
    expect(status).to_have_attribute("data-status", "selesai", timeout=10_000)
    expect(page.locator("#pekerjaan-pesan")).to_have_text(
        "renaksi-bangka.pdf sudah dibaca. Lanjutkan ke pratinjau impor.")
    page.screenshot(path=str(artifacts / "pekerjaan-impor-lanjutkan.png"), full_page=True)
    page.locator("#pekerjaan-lanjut").click()
    page.wait_for_url("**/impor/*/")
    assert not RencanaAksi.objects.filter(perangkat_daerah=world.pd, tahun=2025).exists()
    page.click("#impor-konfirmasi")
    page.wait_for_url("**/rencana-aksi/*/")
    plan = RencanaAksi.objects.get(perangkat_daerah=world.pd, tahun=2025)
    assert list(Program.objects.filter(rencana_aksi=plan).values_list("pagu", flat=True)) == PAGU_PROGRAM
