"""Alice makes a perubahan of her approved plan in the browser (confirming the dialog), changes a target, a pagu and
the schedule of an aksi, and compares the two versions: the diff shows each change old → new."""

from decimal import Decimal

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from renaksi.perencanaan import services as svc
from renaksi.perencanaan.models import Aksi, Indikator, Kegiatan, RencanaAksi, SubKegiatan
from tests.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_alice_makes_a_perubahan_and_compares_it(page: Page, live_server, world, artifacts):
    plan = world.plan
    RencanaAksi.objects.filter(pk=plan.pk).update(status=RencanaAksi.Status.DISETUJUI)
    page.set_viewport_size({"width": 1500, "height": 1000})
    page.goto(live_server.url + reverse("login"))
    page.get_by_label("Nama pengguna").fill("alice")
    page.get_by_label("Kata sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()

    page.goto(live_server.url + reverse("plan_editor", args=[plan.pk]))
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator("#buat-perubahan").click()
    expect(page.locator("body")).to_contain_text("Perubahan 1 dibuat dari Murni.")
    baru = RencanaAksi.objects.get(induk=plan)
    assert page.url.endswith(reverse("plan_editor", args=[baru.pk]))

    # The changes of the perubahan (through the services, as the editor's forms do).
    iku = Indikator.objects.get(rencana_aksi=baru)
    svc.target_set(indikator=iku, tahun=plan.tahun, triwulan=3, nilai=Decimal("25"))
    svc.target_set(indikator=iku, tahun=plan.tahun, triwulan=None, nilai=Decimal("85"))
    svc.anggaran_update(obj=Kegiatan.objects.get(rencana_aksi=baru), pagu=22_500_000)
    sub = SubKegiatan.objects.filter(rencana_aksi=baru).order_by("urutan", "id").first()
    svc.anggaran_update(obj=sub, pagu=12_500_000)
    aksi = Aksi.objects.filter(sub_kegiatan=sub).order_by("urutan", "id").first()
    svc.aksi_update(aksi=aksi, bulan=[3, 4, 5], pagu=2_500_000)
    svc.aksi_create(sub_kegiatan=sub, uraian="Rapat koordinasi forum kewaspadaan dini", nomor="3", bulan=[9, 10],
                    pagu=2_500_000, keluaran="Notulen")
    svc.row_delete(obj=Aksi.objects.filter(rencana_aksi=baru).order_by("-sub_kegiatan__urutan", "-urutan").first())

    page.reload()
    page.locator("#versi-rencana-aksi").get_by_role("link", name="bandingkan").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Murni → Perubahan 1")
    changed = page.locator("td.berubah")
    expect(changed.filter(has_text="20 → 25")).to_have_count(1)
    expect(changed.filter(has_text="Rp20.000.000 → Rp22.500.000")).to_have_count(1)
    expect(changed.filter(has_text="→ Mar, Apr, Mei")).to_have_count(1)
    expect(page.locator("tr.diff-ditambah")).to_contain_text("Rapat koordinasi forum kewaspadaan dini")
    expect(page.locator("tr.diff-dihapus")).to_have_count(1)
    page.screenshot(path=artifacts / "banding.png", full_page=True)

    # The old version: read-only, with the way to the newest.
    page.goto(live_server.url + reverse("plan_editor", args=[plan.pk]))
    expect(page.locator("#versi-lama")).to_contain_text("Versi lama")
    page.locator("#versi-lama").get_by_role("link", name="Lihat versi terbaru").click()
    expect(page.locator("#plan-header")).to_contain_text("Perubahan 1")
