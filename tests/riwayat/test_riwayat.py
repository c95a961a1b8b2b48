"""The history pages: who may see them, what they show (who, when, old → new, the import file), constant queries."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from renaksi.impor import api
from renaksi.monev import services as monev
from renaksi.perencanaan import services as svc
from renaksi.perencanaan.models import Aksi, Indikator, RencanaAksi, Sasaran, Target
from tests.conftest import SEED_BANGKA
from tests.factories import make_plan

pytestmark = pytest.mark.django_db

SEES = ["alice", "kabid", "bob", "kepala", "eve", "admin"]
HIDDEN = ["charlie", "dave"]


def _iku(plan: RencanaAksi) -> Indikator:
    return Indikator.objects.filter(rencana_aksi=plan).order_by("urutan", "id").first()


@pytest.mark.parametrize("persona", SEES + HIDDEN)
def test_plan_history_per_persona(client, world, persona):
    client.force_login(getattr(world, persona))
    response = client.get(reverse("riwayat_rencana", args=[world.plan.pk]))
    assert response.status_code == (200 if persona in SEES else 404)
    row = client.get(reverse("riwayat_baris", args=["indikator", _iku(world.plan).pk]))
    assert row.status_code == (200 if persona in SEES else 404)


def test_anonymous_is_sent_to_login(client, world):
    response = client.get(reverse("riwayat_rencana", args=[world.plan.pk]))
    assert response.status_code == 302 and "/masuk/" in response["Location"]


def test_unknown_row_kind_is_404(client, world):
    client.force_login(world.alice)
    assert client.get(f"/riwayat/target/{_iku(world.plan).pk}/").status_code == 404


def test_a_target_change_shows_who_old_and_new(client, world):
    iku = _iku(world.plan)
    client.force_login(world.kabid)  # the IKU is of his bidang: he sets its targets
    response = client.post(reverse("target_edit", args=[iku.pk]),
                           {"tahunan": "80", "tw1": "12,5", "tw2": "20", "tw3": "20", "tw4": "30"})
    assert response.status_code == 200
    assert Target.objects.get(indikator=iku, triwulan=1).nilai == Decimal("12.5")
    client.force_login(world.eve)
    html = client.get(reverse("riwayat_baris", args=["indikator", iku.pk])).content.decode()
    newest = html.split('<tr class="riwayat-')[1]  # newest first
    assert newest.startswith("target")
    assert "kabid" in newest
    assert "target TW I" in newest
    assert '<span class="nilai-lama">10</span> → <span class="nilai-baru">12,5</span>' in newest


def test_plan_history_filters_by_kind_and_pages(client, world):
    sasaran = Sasaran.objects.filter(rencana_aksi=world.plan).first()
    for i in range(30):
        svc.sasaran_update(sasaran=sasaran, uraian=f"Sasaran versi {i}")
    client.force_login(world.alice)
    url = reverse("riwayat_rencana", args=[world.plan.pk])
    html = client.get(url, {"jenis": "aksi"}).content.decode()
    assert 'class="riwayat-aksi"' in html and 'class="riwayat-target"' not in html
    page2 = client.get(url, {"halaman": 2})
    assert page2.status_code == 200
    everything = client.get(url).context["page"].paginator.count
    assert everything > 50 and "Halaman 1 dari 2" in client.get(url).content.decode()


def test_realisasi_history_needs_the_monev_view_right(client, world):
    """charlie (another PD) reads an approved plan, but not its monitoring: no realisasi in its history."""
    plan = world.plan
    monev.jendela_buka(pemda=world.pemda, tahun=plan.tahun, triwulan=1)
    monev.realisasi_indikator_set(indikator=_iku(plan), triwulan=1, nilai=Decimal("7"), by=world.alice)
    RencanaAksi.objects.filter(pk=plan.pk).update(status=RencanaAksi.Status.DISETUJUI)
    url = reverse("riwayat_rencana", args=[plan.pk])
    client.force_login(world.charlie)
    html = client.get(url).content.decode()
    assert "riwayat-realisasi" not in html and 'value="realisasi"' not in html
    client.force_login(world.eve)
    html = client.get(url, {"jenis": "realisasi"}).content.decode()
    assert 'class="riwayat-realisasi"' in html and "realisasi TW I" in html and "alice" in html


def test_history_names_the_import_file(client, world):
    parsed = api.parse_document(SEED_BANGKA.read_bytes(), SEED_BANGKA.name)
    plan = api.import_document(parsed, perangkat_daerah=world.pd, tahun=2030, user=world.alice).rencana_aksi
    client.force_login(world.alice)
    html = client.get(reverse("riwayat_rencana", args=[plan.pk]), {"jenis": "indikator"}).content.decode()
    assert f"Impor: {SEED_BANGKA.name}" in html
    # an edit afterwards is the editor's, not the import's
    iku = _iku(plan)
    client.post(reverse("indikator_edit", args=[iku.pk]), {
        "nama": "Indikator yang diubah", "satuan": iku.satuan, "formulasi": iku.formulasi, "polaritas": iku.polaritas,
        "akumulasi": iku.akumulasi, "jenis_target": iku.jenis_target, "bidang": iku.bidang_id or "",
        "versi_baris": iku.versi_baris})
    newest = client.get(reverse("riwayat_baris", args=["indikator", iku.pk])).context["items"][0]
    assert newest.sumber == "" and newest.oleh == "alice"
    assert [(u.label, u.baru) for u in newest.ubahan] == [("Indikator", "Indikator yang diubah")]


@pytest.mark.parametrize("n_sub_kegiatan", [3, 30])
def test_history_page_constant_queries(client, world, django_assert_max_num_queries, n_sub_kegiatan):
    plan = make_plan(world.pd, tahun=2026, n_sub_kegiatan=n_sub_kegiatan)
    for aksi in Aksi.objects.filter(rencana_aksi=plan):
        svc.aksi_update(aksi=aksi, keluaran="Laporan akhir", bulan=[4])
    client.force_login(world.admin)
    with django_assert_max_num_queries(40):
        response = client.get(reverse("riwayat_rencana", args=[plan.pk]))
    assert response.status_code == 200 and len(response.context["items"]) == 50
