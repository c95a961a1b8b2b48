"""Alice logs in, types a quarterly target with the keyboard, toggles a month, and sees both in the RA document."""

from decimal import Decimal

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from renaksi.perencanaan import services as svc
from renaksi.perencanaan.models import Aksi, AksiBulan, Indikator, Kegiatan, Nomenklatur, SubKegiatan, Target
from tests.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _enrich(world) -> None:
    """What real plans show: an inferred accumulation, a category target, a budget that does not add up."""
    plan = world.plan
    iku = Indikator.objects.get(rencana_aksi=plan)
    svc.indikator_update(indikator=iku, akumulasi="kumulatif", akumulasi_disimpulkan=True,
                         alasan_inferensi="target triwulan cocok dengan jenis kumulatif")
    sakip = svc.indikator_create(sasaran=iku.sasaran, nama="Nilai SAKIP Perangkat Daerah", satuan="Kategori",
                                 jenis_target=Indikator.JenisTarget.KATEGORI)
    svc.target_set(indikator=sakip, tahun=plan.tahun, triwulan=None, nilai=Decimal("67.34"), kategori="B")
    sub = SubKegiatan.objects.filter(rencana_aksi=plan).order_by("urutan").first()
    svc.anggaran_update(obj=sub, pagu=12_500_000)


def _login(page: Page, live_server, username: str) -> None:
    page.goto(live_server.url + reverse("login"))
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Kata sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    expect(page.get_by_role("heading", name="Rencana Aksi", exact=True)).to_be_visible()


def _open_sections(page: Page) -> None:
    """Open every section of the editor (each loads on its first opening; a program's shows its kegiatan's)."""
    while page.locator(".bagian-buka").count():
        opener = page.locator(".bagian-buka").first
        section = opener.evaluate("b => b.closest('tbody').id")
        opener.click()
        expect(page.locator(f"#{section} .bagian-buka")).to_have_count(0)
    expect(page.locator(".bagian-buka")).to_have_count(0)


def test_alice_edits_a_quarterly_target_and_a_month_then_sees_them_in_the_document(
    page: Page, live_server, world, artifacts
):
    _enrich(world)
    plan = world.plan
    iku = Indikator.objects.get(rencana_aksi=plan, is_iku=True)
    aksi = Aksi.objects.filter(rencana_aksi=plan).order_by("sub_kegiatan__urutan", "urutan").first()
    assert not AksiBulan.objects.filter(aksi=aksi, bulan=6).exists()
    page.set_viewport_size({"width": 1600, "height": 1000})

    _login(page, live_server, "alice")
    page.goto(live_server.url + reverse("plan_editor", args=[plan.pk]))
    expect(page.locator("#plan-header")).to_contain_text(world.pd.nama)
    _open_sections(page)
    page.screenshot(path=artifacts / "editor-alice.png", full_page=True)

    # TW II of the IKU: click its cell, the form opens with the focus in TW II; type and press Enter.
    row = page.locator(f"#indikator-{iku.pk}")
    row.locator(".target-btn").nth(2).click()
    tw2 = page.locator(f"#indikator-{iku.pk}-tw2")
    expect(tw2).to_be_focused()
    page.keyboard.press("Control+A")
    page.keyboard.type("25,5")
    page.screenshot(path=artifacts / "editor-target-form.png", clip=_clip(page, f"#indikator-{iku.pk}"))
    page.keyboard.press("Enter")
    expect(row.locator(".target-btn").nth(2)).to_have_text("25,5")
    assert Target.objects.get(indikator=iku, tahun=plan.tahun, triwulan=2).nilai == Decimal("25.5")

    # An ambiguous value is refused next to the field, and nothing is saved.
    row.locator(".target-btn").nth(3).click()
    tw3 = page.locator(f"#indikator-{iku.pk}-tw3")
    expect(tw3).to_be_focused()
    page.keyboard.press("Control+A")
    page.keyboard.type("1.500")
    page.keyboard.press("Enter")
    expect(row.locator(".invalid-feedback")).to_contain_text("ambigu")
    page.screenshot(path=artifacts / "editor-target-error.png", clip=_clip(page, f"#indikator-{iku.pk}"))
    assert Target.objects.get(indikator=iku, tahun=plan.tahun, triwulan=3).nilai == Decimal("20")
    page.keyboard.press("Escape")
    expect(row.locator(".target-btn").nth(3)).to_have_text("20")

    # Toggle June on for the first aksi.
    toggle = page.locator(f'#aksi-{aksi.pk} [data-b="6"]')
    expect(toggle).to_have_attribute("aria-pressed", "false")
    expect(toggle).to_have_accessible_name("Juni")
    toggle.click()
    expect(page.locator(f'#aksi-{aksi.pk} [data-b="6"]')).to_have_attribute("aria-pressed", "true")
    expect(page.locator(f'#aksi-{aksi.pk} [data-b="6"]')).to_be_focused()
    assert AksiBulan.objects.filter(aksi=aksi, bulan=6).exists()
    page.screenshot(path=artifacts / "editor-after-edit.png", full_page=True)

    # The RA document shows both changes.
    page.goto(live_server.url + reverse("ra_document", args=[plan.pk]))
    expect(page.get_by_text("25,5").first).to_be_visible()
    expect(page.locator("body")).to_contain_text(aksi.uraian)


def test_kepala_bidang_sees_the_plan_with_controls_on_his_rows_only(page: Page, live_server, world, artifacts):
    page.set_viewport_size({"width": 1600, "height": 1000})
    _login(page, live_server, "kabid")
    page.goto(live_server.url + reverse("plan_editor", args=[world.plan.pk]))
    politik = SubKegiatan.objects.get(rencana_aksi=world.plan, bidang=world.bidang_politik)
    ideologi = SubKegiatan.objects.get(rencana_aksi=world.plan, bidang=world.bidang_ideologi)
    # He starts on his own bidang; picking "Semua bidang" shows the others' rows, read-only.
    expect(page.locator("#filter-aktif")).to_contain_text(world.bidang_politik.nama)
    _open_sections(page)
    expect(page.locator(f"#subkegiatan-{politik.pk} [data-edit]")).to_have_count(1)
    expect(page.locator(f"#subkegiatan-{ideologi.pk}")).to_have_count(0)
    page.locator("#pilih-bidang").select_option("semua")
    page.wait_for_url("**?bidang=semua")
    expect(page.locator("#filter-aktif")).to_have_count(0)
    _open_sections(page)
    expect(page.locator(f"#subkegiatan-{politik.pk} [data-edit]")).to_have_count(1)
    expect(page.locator(f"#subkegiatan-{ideologi.pk} [data-edit]")).to_have_count(0)
    expect(page.get_by_role("button", name="Tambah program")).to_have_count(0)
    page.screenshot(path=artifacts / "editor-kabid.png", full_page=True)


def test_alice_adds_a_sub_kegiatan_picking_its_code_and_the_totals_follow(page: Page, live_server, world, artifacts):
    nama = "Penyusunan Bahan Perumusan Kebijakan di Bidang Pendidikan Politik"
    # A transactional test cannot count on rows of data migrations: make the code it picks.
    Nomenklatur.objects.update_or_create(tahun=2024, kode="8.01.03.2.01.0002",
                                         defaults={"nama": nama, "level": Nomenklatur.Level.SUB_KEGIATAN})
    kegiatan = Kegiatan.objects.get(rencana_aksi=world.plan)
    page.set_viewport_size({"width": 1600, "height": 1000})
    _login(page, live_server, "alice")
    page.goto(live_server.url + reverse("plan_editor", args=[world.plan.pk]))
    _open_sections(page)

    page.get_by_role("button", name="Tambah sub kegiatan").click()
    row = page.locator(f"#add-subkegiatan-{kegiatan.pk}")
    kode = row.locator("input[name=kode]")
    kode.click()
    page.keyboard.type("8.01.03.2.01.00")
    expect(page.locator(f"#nomenklatur-add-subkegiatan-{kegiatan.pk} option[value='8.01.03.2.01.0002']")) \
        .to_have_count(1)
    page.keyboard.type("02")
    page.keyboard.press("Tab")  # leaving the code fills the empty name from the nomenclature
    expect(row.locator("textarea[name=nama]")).to_have_value(nama)
    row.locator("input[name=pagu]").fill("1.517.874.000")
    page.screenshot(path=artifacts / "editor-add-subkegiatan.png", clip=_clip(page, f"#add-subkegiatan-{kegiatan.pk}"))
    row.locator("input[name=pagu]").press("Enter")

    expect(page.locator(f"#kegiatan-{kegiatan.pk}")).to_contain_text("1.537.874.000")  # Σ sub kegiatan
    expect(page.locator(f"#kegiatan-{kegiatan.pk}")).to_contain_text("selisih")
    expect(page.locator("#plan-totals")).to_contain_text("1.537.874.000")
    sub = SubKegiatan.objects.get(kegiatan=kegiatan, kode="8.01.03.2.01.0002")
    assert (sub.nama, sub.pagu) == (nama, 1_517_874_000)
    expect(page.locator(f"#subkegiatan-{sub.pk}")).to_contain_text("1.517.874.000")


def _clip(page: Page, selector: str) -> dict:
    box = page.locator(selector).bounding_box()
    return {"x": 0, "y": max(box["y"] - 40, 0), "width": page.viewport_size["width"], "height": box["height"] + 80}


def test_alice_moves_a_kegiatan_and_its_programs_kegiatan_sections_are_not_doubled(page: Page, live_server, world):
    plan = world.plan
    first = Kegiatan.objects.filter(rencana_aksi=plan).order_by("urutan").first()
    second = svc.kegiatan_create(program=first.program, nama="Kegiatan kedua uji", kode="8.01.03.2.09")
    _login(page, live_server, "alice")
    page.goto(live_server.url + reverse("plan_editor", args=[plan.pk]))
    page.locator(f"#bagian-program-{first.program_id} .bagian-buka").click()
    page.locator(f"#bagian-kegiatan-{first.pk} .bagian-buka").click()  # the first kegiatan opened
    expect(page.locator(f"#kegiatan-{first.pk}")).to_be_visible()
    page.locator(f"#kegiatan-{first.pk} [aria-label='Turunkan']").click()
    # Its program's section comes back with the kegiatan heads in their new order, each once, closed.
    expect(page.locator(f"#bagian-kegiatan-{second.pk} + #bagian-kegiatan-{first.pk}")).to_have_count(1)
    expect(page.locator(f"#bagian-kegiatan-{first.pk}")).to_have_count(1)
    expect(page.locator(f"#bagian-kegiatan-{second.pk}")).to_have_count(1)
    expect(page.locator(f"#kegiatan-{first.pk}")).to_have_count(0)
