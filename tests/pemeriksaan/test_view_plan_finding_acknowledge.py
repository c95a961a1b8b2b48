"""Acknowledging from the panel (POST, htmx): allowed user, read-only users (403), outsiders (404)."""

import pytest
from django.urls import reverse

from renaksi.pemeriksaan import api
from renaksi.pemeriksaan.models import Pengakuan
from renaksi.perencanaan import services as svc
from renaksi.perencanaan.models import Aksi, RencanaAksi, SubKegiatan

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def _finding(plan, rule="pagu.rollup_mismatch"):
    return next(f for f in api.check_plan(plan) if f.rule == rule)


def _break_budget(plan):
    sub = SubKegiatan.objects.filter(rencana_aksi=plan).order_by("urutan", "id").first()
    svc.anggaran_update(obj=sub, pagu=12_000_000)
    return _finding(plan)


def _post(client, plan, finding, catatan="sesuai DPA", name="plan_finding_acknowledge", **extra):
    return client.post(reverse(name, args=[plan.pk]), {"temuan": finding.fingerprint, "catatan": catatan},
                       **{**HTMX, **extra})


def test_perencana_acknowledges_and_the_panel_is_rendered_again(client, world):
    finding = _break_budget(world.plan)
    client.force_login(world.alice)
    response = _post(client, world.plan, finding)
    assert response.status_code == 200
    html = response.content.decode()
    assert "pemeriksaan-panel" in html and "<html" not in html
    assert "Diakui oleh" in html and "sesuai DPA" in html
    assert "0 kesalahan" in html and "1 diakui" in html
    assert Pengakuan.objects.get().oleh == world.alice


def test_unacknowledge_from_the_panel(client, world):
    finding = _break_budget(world.plan)
    client.force_login(world.alice)
    _post(client, world.plan, finding)
    response = _post(client, world.plan, finding, name="plan_finding_unacknowledge")
    assert response.status_code == 200
    assert "1 kesalahan" in response.content.decode()
    assert not Pengakuan.objects.exists()


def test_empty_note_answers_422_with_the_message_next_to_the_field(client, world):
    finding = _break_budget(world.plan)
    client.force_login(world.alice)
    response = _post(client, world.plan, finding, catatan=" ")
    assert response.status_code == 422
    assert "invalid-feedback" in response.content.decode()
    assert not Pengakuan.objects.exists()


@pytest.mark.parametrize("persona", ["kepala", "eve", "bob", "kabid"])
def test_read_only_users_get_403(client, world, persona):
    finding = _break_budget(world.plan)  # a kegiatan: no bidang, so not the kepala bidang's either
    client.force_login(getattr(world, persona))
    assert _post(client, world.plan, finding).status_code == 403
    assert _post(client, world.plan, finding, name="plan_finding_unacknowledge").status_code == 403
    assert not Pengakuan.objects.exists()


@pytest.mark.parametrize("persona", ["charlie", "dave"])
def test_outsiders_get_404(client, world, persona):
    finding = _break_budget(world.plan)
    client.force_login(getattr(world, persona))
    assert _post(client, world.plan, finding).status_code == 404
    assert not Pengakuan.objects.exists()


def test_kepala_bidang_acknowledges_in_his_bidang_not_in_another(client, world):
    for bidang in (world.bidang_politik, world.bidang_ideologi):
        aksi = Aksi.objects.filter(rencana_aksi=world.plan, sub_kegiatan__bidang=bidang).first()
        svc.aksi_update(aksi=aksi, keluaran="")
    findings = [f for f in api.check_plan(world.plan) if f.rule == "aksi.without_output"]
    own = next(f for f in findings if f.location.bidang_id == world.bidang_politik.pk)
    other = next(f for f in findings if f.location.bidang_id == world.bidang_ideologi.pk)
    client.force_login(world.kabid)
    html = client.get(reverse("plan_findings", args=[world.plan.pk]), **HTMX).content.decode()
    assert html.count('name="catatan"') == 1  # only his own finding has a form
    assert _post(client, world.plan, other).status_code == 403
    assert _post(client, world.plan, own).status_code == 200
    assert Pengakuan.objects.get().lokasi == own.fingerprint


def test_a_finding_that_no_longer_exists_is_said_so(client, world):
    finding = _break_budget(world.plan)
    sub = SubKegiatan.objects.filter(rencana_aksi=world.plan).order_by("urutan", "id").first()
    svc.anggaran_update(obj=sub, pagu=10_000_000)  # fixed meanwhile
    client.force_login(world.alice)
    response = _post(client, world.plan, finding)
    assert response.status_code == 200
    assert "sudah tidak ada" in response.content.decode()
    assert not Pengakuan.objects.exists()


def test_without_htmx_the_post_redirects_to_the_page(client, world):
    finding = _break_budget(world.plan)
    client.force_login(world.alice)
    response = client.post(reverse("plan_finding_acknowledge", args=[world.plan.pk]),
                           {"temuan": finding.fingerprint, "catatan": "sesuai DPA"})
    assert response.status_code == 302
    assert response["Location"] == reverse("plan_findings", args=[world.plan.pk])


def test_get_is_not_allowed(client, world):
    client.force_login(world.alice)
    assert client.get(reverse("plan_finding_acknowledge", args=[world.plan.pk])).status_code == 405


@pytest.mark.parametrize("status", [RencanaAksi.Status.DIAJUKAN, RencanaAksi.Status.DISETUJUI])
def test_a_plan_that_left_draft_refuses_both_writes_and_offers_no_form(client, world, status):
    finding = _break_budget(world.plan)
    client.force_login(world.alice)
    _post(client, world.plan, finding)  # acknowledged while a draft
    RencanaAksi.objects.filter(pk=world.plan.pk).update(status=status)
    html = client.get(reverse("plan_findings", args=[world.plan.pk]), **HTMX).content.decode()
    assert 'name="catatan"' not in html
    for name in ("plan_finding_acknowledge", "plan_finding_unacknowledge"):
        response = _post(client, world.plan, finding, catatan="lain", name=name)
        assert response.status_code == 403
        assert "tidak dapat diubah" in response.content.decode()
    assert Pengakuan.objects.get().catatan == "sesuai DPA"
