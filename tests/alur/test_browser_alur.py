"""The workflow in Chromium: the perencana submits (after acknowledging the error that blocked it), the kepala PD
returns it with a reason, the perencana fixes it, the kepala PD sees what was resolved and approves; later the
perencana makes a perubahan of the approved plan, corrects a target there, and the diff between the two versions
shows the correction old → new."""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from renaksi.perencanaan import services as svc
from renaksi.perencanaan.models import Aksi, Indikator, RencanaAksi
from tests.alur.conftest import break_rollup, fix_rollup
from tests.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
DOCS_IMG = Path(__file__).resolve().parents[2] / "docs" / "img"


def _login(page: Page, live_server, username: str) -> None:
    page.context.clear_cookies()
    page.goto(live_server.url + reverse("login"))
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Kata sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    expect(page.get_by_role("heading", name="Rencana Aksi", exact=True)).to_be_visible()


def test_submit_return_fix_approve(page: Page, live_server, w, artifacts):
    plan = w.plan
    break_rollup(plan)
    aksi = Aksi.objects.filter(rencana_aksi=plan).order_by("id").first()
    svc.aksi_update(aksi=aksi, keluaran="")  # a warning: it does not block, it is recorded at the submission
    editor = live_server.url + reverse("plan_editor", args=[plan.pk])
    page.set_viewport_size({"width": 1500, "height": 1000})

    # The perencana: the submit button is disabled and names the finding in the way; she acknowledges it.
    _login(page, live_server, "alice")
    page.goto(editor)
    bar = page.locator("#alur-bar")
    expect(bar.locator("#alur-penghalang")).to_contain_text("Jumlah pagu tidak sama dengan pagu induknya")
    expect(bar.locator('[data-langkah="ajukan"]')).to_be_disabled()
    finding = page.locator('#pemeriksaan-panel [data-rule="pagu.rollup_mismatch"]')
    finding.get_by_placeholder("Catatan, misalnya: sesuai DPA").fill("Menunggu DPA perubahan")
    finding.get_by_role("button", name="Akui").click()
    expect(page.locator('#pemeriksaan-panel [data-rule="pagu.rollup_mismatch"]')).to_contain_text("Diakui oleh")
    page.goto(editor)
    page.locator('#alur-bar [data-langkah="ajukan"]').click()
    expect(page.locator("#alur-status")).to_have_text("Diajukan")
    expect(page.locator("#alasan-terkunci")).to_contain_text("menunggu persetujuannya")

    # The kepala PD: it waits for him; he returns it with a reason.
    _login(page, live_server, "kepala")
    expect(page.locator("#notifikasi-jumlah")).to_have_text("1")
    page.goto(editor)
    page.locator('#alur-bar [data-langkah="kembalikan"]').click()
    page.get_by_label("Alasan mengembalikan (wajib): apa yang harus diperbaiki").fill(
        "Perbaiki pagu program agar sama dengan kegiatannya, jangan hanya diakui.")
    page.locator('#alur-bar [data-kirim="kembalikan"]').click()
    expect(page.locator("#alur-status")).to_have_text("Dikembalikan")

    # The perencana finds it among what was returned to her, with the reason, and fixes the pagu.
    _login(page, live_server, "alice")
    page.goto(live_server.url + reverse("notifikasi"))
    returned = page.locator("#dikembalikan")
    expect(returned).to_contain_text("jangan hanya diakui")
    returned.get_by_role("link").first.click()
    expect(page.locator("#alur-status")).to_have_text("Dikembalikan")
    # The editor's own editing is covered by tests/perencanaan/test_browser_editor.py.
    fix_rollup(plan)
    svc.aksi_update(aksi=aksi, keluaran="Laporan")
    page.reload()
    page.locator('#alur-bar [data-langkah="ajukan"]').click()
    expect(page.locator("#alur-status")).to_have_text("Diajukan")

    # The kepala PD sees what changed since the last submission, and approves.
    _login(page, live_server, "kepala")
    page.goto(editor)
    expect(page.locator("#sejak-pengajuan")).to_contain_text("0 temuan baru, 1 diselesaikan")
    page.locator("#alur-riwayat summary").click()
    expect(page.locator("#alur-riwayat")).to_contain_text("Perbaiki pagu program")
    page.screenshot(path=artifacts / "alur-kepala.png")
    # docs/img/alur.png is this picture: RENAKSI_DOCS_SCREENSHOTS=1 writes it again (otherwise into the artifacts).
    target = DOCS_IMG if os.environ.get("RENAKSI_DOCS_SCREENSHOTS") == "1" else artifacts
    page.screenshot(path=target / "alur.png", clip={"x": 0, "y": 0, "width": 1500, "height": 620})
    page.locator('#alur-bar [data-langkah="setujui"]').click()
    expect(page.locator("#alur-status")).to_have_text("Disetujui")
    assert RencanaAksi.objects.get(pk=plan.pk).status == RencanaAksi.Status.DISETUJUI

    # Later in the year: the perencana makes a perubahan of the approved plan and corrects a quarterly target there.
    _login(page, live_server, "alice")
    page.goto(editor)
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator("#buat-perubahan").click()
    expect(page.locator("body")).to_contain_text("Perubahan 1 dibuat dari Murni.")
    baru = RencanaAksi.objects.get(induk=plan)
    svc.target_set(indikator=Indikator.objects.get(rencana_aksi=baru), tahun=plan.tahun, triwulan=3,
                   nilai=Decimal("25"))
    page.reload()
    page.locator("#versi-rencana-aksi").get_by_role("link", name="bandingkan").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Murni → Perubahan 1")
    expect(page.locator("td.berubah").filter(has_text="20 → 25")).to_have_count(1)
