"""Alice reports TW I for the IKU in the browser, attaches a PDF, sees capaian and predikat, and the PD dashboard
changes; in TW II the tindak lanjut she wrote is there to close."""

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from renaksi.monev import services as monev
from renaksi.monev.models import BuktiDukung, RealisasiIndikator, TindakLanjut
from renaksi.perencanaan.models import Indikator
from tests.perencanaan.test_browser_editor import _login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_alice_reports_tw1_attaches_a_pdf_and_closes_the_tindak_lanjut_in_tw2(page: Page, live_server, world,
                                                                               artifacts, tmp_path):
    for tw in (1, 2):
        monev.jendela_buka(pemda=world.pemda, tahun=2024, triwulan=tw)
    plan = world.plan
    iku = Indikator.objects.get(rencana_aksi=plan)
    page.set_viewport_size({"width": 1440, "height": 1000})
    _login(page, live_server, "alice")

    page.goto(live_server.url + reverse("dasbor_pd", args=[plan.pk]) + "?tw=1")
    expect(page.locator("#belum-ada-realisasi")).to_contain_text("Belum ada realisasi yang dilaporkan untuk TW I")
    expect(page.locator("#tabel-iku")).to_have_count(0)

    page.goto(live_server.url + reverse("monev_form", args=[plan.pk, 1]))
    row = page.locator(f"#ind-{iku.pk}")
    row.locator(f"#ind{iku.pk}-realisasi").fill("8,5")
    row.locator(f"#ind{iku.pk}-faktor_penghambat").fill("Jadwal bergeser")
    row.locator(f"#ind{iku.pk}-tindak_lanjut").fill("Rapat koordinasi ulang")
    row.get_by_role("button", name="Simpan").click()
    row = page.locator(f"#ind-{iku.pk}")
    expect(row.locator(".capaian-nilai")).to_have_text("85,00%")
    expect(row.locator(".rumus")).to_contain_text("8,5 ÷ 10 × 100")
    expect(row.locator(".predikat")).to_have_text("Tinggi")
    assert RealisasiIndikator.objects.get(indikator=iku, triwulan=1).diisi_oleh == world.alice

    pdf = tmp_path / "notulen.pdf"
    pdf.write_bytes(PDF)
    row.locator(f"#bukti-berkas-{iku.pk}").set_input_files(str(pdf))
    row.get_by_role("button", name="Lampirkan").click()
    expect(page.locator(f"#ind-{iku.pk} .bukti-list")).to_contain_text("notulen.pdf")
    assert BuktiDukung.objects.get().jenis == "pdf"
    page.screenshot(path=artifacts / "monev-alice-tw1.png", full_page=True)

    page.goto(live_server.url + reverse("dasbor_pd", args=[plan.pk]) + "?tw=1")
    expect(page.locator("#tabel-iku")).to_contain_text("85,00%")
    expect(page.locator("#tabel-tindak-lanjut")).to_contain_text("Rapat koordinasi ulang")

    page.goto(live_server.url + reverse("monev_form", args=[plan.pk, 2]))
    section = page.locator("#section-tindak-lanjut")
    expect(section).to_contain_text("Rapat koordinasi ulang")
    tl = TindakLanjut.objects.get()
    section.locator(f"#tl{tl.pk}-status").select_option("selesai")
    section.locator(f"#tl{tl.pk}-catatan").fill("Rapat sudah dilaksanakan")
    section.get_by_role("button", name="Simpan").click()
    expect(page.locator(f"#tl-{tl.pk} .tl-status")).to_have_text("Selesai")
    tl.refresh_from_db()
    assert (tl.status, tl.status_triwulan) == ("selesai", 2)
