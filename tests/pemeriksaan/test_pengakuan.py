"""Acknowledging a finding: it stays acknowledged, comes back when its values change, and the history is kept."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from renaksi.pemeriksaan import api, services
from renaksi.pemeriksaan.models import Pengakuan
from renaksi.perencanaan import services as svc
from renaksi.perencanaan.models import Aksi, RencanaAksi, SubKegiatan

pytestmark = pytest.mark.django_db


def _break_budget(world, pagu=12_000_000):
    sub = SubKegiatan.objects.filter(rencana_aksi=world.plan).order_by("urutan", "id").first()
    svc.anggaran_update(obj=sub, pagu=pagu)
    (finding,) = [f for f in api.check_plan(world.plan) if f.rule == "pagu.rollup_mismatch"]
    return sub, finding


def test_acknowledged_finding_stays_visible_as_acknowledged(world):
    _, finding = _break_budget(world)
    assert api.summary(api.check_plan(world.plan))["error"] == 1
    services.finding_acknowledge(rencana_aksi=world.plan, finding=finding, catatan="sesuai DPA", by=world.alice)
    (again,) = [f for f in api.check_plan(world.plan) if f.rule == "pagu.rollup_mismatch"]
    assert again.acknowledged
    assert again.acknowledgement.catatan == "sesuai DPA" and again.acknowledgement.user_id == world.alice.pk
    assert api.summary(api.check_plan(world.plan))["error"] == 0
    assert again.to_json()["acknowledged"] is True


def test_acknowledgement_lapses_when_the_values_change(world):
    sub, finding = _break_budget(world)
    services.finding_acknowledge(rencana_aksi=world.plan, finding=finding, catatan="sesuai DPA", by=world.alice)
    svc.anggaran_update(obj=sub, pagu=13_000_000)
    (again,) = [f for f in api.check_plan(world.plan) if f.rule == "pagu.rollup_mismatch"]
    assert again.fingerprint == finding.fingerprint
    assert not again.acknowledged
    assert again.acknowledgement_outdated.catatan == "sesuai DPA"
    # Back to the acknowledged values: acknowledged again.
    svc.anggaran_update(obj=sub, pagu=12_000_000)
    (back,) = [f for f in api.check_plan(world.plan) if f.rule == "pagu.rollup_mismatch"]
    assert back.acknowledged


def test_history_is_kept_through_acknowledge_update_and_unacknowledge(world):
    sub, finding = _break_budget(world)
    services.finding_acknowledge(rencana_aksi=world.plan, finding=finding, catatan="sesuai DPA", by=world.alice)
    svc.anggaran_update(obj=sub, pagu=13_000_000)
    (changed,) = [f for f in api.check_plan(world.plan) if f.rule == "pagu.rollup_mismatch"]
    services.finding_acknowledge(rencana_aksi=world.plan, finding=changed, catatan="sesuai DPA perubahan",
                                 by=world.admin)
    assert services.finding_unacknowledge(rencana_aksi=world.plan, finding=changed, by=world.alice)
    assert not Pengakuan.objects.exists()
    history = list(Pengakuan.history.order_by("history_date", "history_id"))
    assert [h.history_type for h in history] == ["+", "~", "-"]
    assert [h.catatan for h in history] == ["sesuai DPA", "sesuai DPA perubahan", "sesuai DPA perubahan"]
    assert [h.history_user_id for h in history] == [world.alice.pk, world.admin.pk, world.alice.pk]
    assert history[0].nilai_json["actual"] == 22_000_000


@pytest.mark.parametrize("persona", ["kepala", "eve", "charlie", "dave", "kabid", "bob"])
def test_readers_and_outsiders_may_not_acknowledge_a_plan_level_finding(world, persona):
    _, finding = _break_budget(world)
    with pytest.raises(PermissionDenied):
        services.finding_acknowledge(rencana_aksi=world.plan, finding=finding, catatan="ok",
                                     by=getattr(world, persona))
    assert not Pengakuan.objects.exists()


def test_kepala_bidang_acknowledges_findings_of_his_own_bidang_only(world):
    aksi = Aksi.objects.filter(rencana_aksi=world.plan, sub_kegiatan__bidang=world.bidang_politik).first()
    svc.aksi_update(aksi=aksi, keluaran="")
    (finding,) = [f for f in api.check_plan(world.plan) if f.rule == "aksi.without_output"]
    assert finding.location.bidang_id == world.bidang_politik.pk
    with pytest.raises(PermissionDenied):
        services.finding_acknowledge(rencana_aksi=world.plan, finding=finding, catatan="ok", by=world.bob)
    services.finding_acknowledge(rencana_aksi=world.plan, finding=finding, catatan="keluaran menyusul",
                                 by=world.kabid)
    assert [f.acknowledged for f in api.check_plan(world.plan)] == [True]


def test_a_note_is_required(world):
    _, finding = _break_budget(world)
    with pytest.raises(ValidationError):
        services.finding_acknowledge(rencana_aksi=world.plan, finding=finding, catatan="   ", by=world.alice)
    assert not Pengakuan.objects.exists()


def test_unacknowledging_nothing_says_so(world):
    _, finding = _break_budget(world)
    assert services.finding_unacknowledge(rencana_aksi=world.plan, finding=finding, by=world.alice) is False


@pytest.mark.parametrize("status", [RencanaAksi.Status.DIAJUKAN, RencanaAksi.Status.DISETUJUI,
                                    RencanaAksi.Status.TERKUNCI])
def test_a_plan_that_left_draft_refuses_acknowledging_and_taking_it_back(world, status):
    _, finding = _break_budget(world)
    services.finding_acknowledge(rencana_aksi=world.plan, finding=finding, catatan="sesuai DPA", by=world.alice)
    RencanaAksi.objects.filter(pk=world.plan.pk).update(status=status)
    world.plan.refresh_from_db()
    with pytest.raises(ValidationError, match="tidak dapat diubah"):
        services.finding_acknowledge(rencana_aksi=world.plan, finding=finding, catatan="lain", by=world.alice)
    with pytest.raises(ValidationError, match="tidak dapat diubah"):
        services.finding_unacknowledge(rencana_aksi=world.plan, finding=finding, by=world.alice)
    assert Pengakuan.objects.get().catatan == "sesuai DPA"
