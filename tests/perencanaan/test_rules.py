"""Who may see and change what (rules), per persona, on the plan and on rows of two bidang."""

import pytest

from renaksi.perencanaan.models import Aksi, Indikator, RencanaAksi, SubKegiatan, Target
from renaksi.perencanaan.selectors import importable_perangkat_daerah


def _aksi_of(world, bidang):
    return Aksi.objects.select_related("sub_kegiatan").filter(rencana_aksi=world.plan, sub_kegiatan__bidang=bidang).first()


@pytest.mark.parametrize(
    ("persona", "view", "change"),
    [("alice", True, True), ("admin", True, True), ("kabid", True, False), ("bob", True, False),
     ("kepala", True, False), ("eve", True, False), ("charlie", False, False), ("dave", False, False)],
)
def test_plan_permissions_per_persona(world, persona, view, change):
    user = getattr(world, persona)
    assert user.has_perm("perencanaan.view_rencanaaksi", world.plan) is view
    assert user.has_perm("perencanaan.change_rencanaaksi", world.plan) is change


@pytest.mark.parametrize(
    ("persona", "politik", "ideologi"),
    [("alice", True, True), ("kabid", True, False), ("bob", False, True), ("kepala", False, False),
     ("eve", False, False), ("charlie", False, False), ("dave", False, False)],
)
def test_kepala_bidang_changes_only_his_bidang_rows(world, persona, politik, ideologi):
    user = getattr(world, persona)
    assert user.has_perm("perencanaan.change_aksi", _aksi_of(world, world.bidang_politik)) is politik
    assert user.has_perm("perencanaan.change_aksi", _aksi_of(world, world.bidang_ideologi)) is ideologi
    sub = SubKegiatan.objects.filter(rencana_aksi=world.plan, bidang=world.bidang_politik).first()
    assert user.has_perm("perencanaan.add_aksi", sub) is politik


@pytest.mark.parametrize(
    ("persona", "indikator", "target"),
    [("alice", True, True), ("admin", True, True), ("kabid", False, True), ("bob", False, False),
     ("kepala", False, False), ("eve", False, False), ("charlie", False, False), ("dave", False, False)],
)
def test_kepala_bidang_changes_the_targets_of_his_indicator_not_the_indicator(world, persona, indikator, target):
    user = getattr(world, persona)
    iku = Indikator.objects.get(rencana_aksi=world.plan, bidang=world.bidang_politik)
    assert user.has_perm("perencanaan.change_indikator", iku) is indikator
    assert user.has_perm("perencanaan.change_target", Target(indikator=iku)) is target


def test_published_plans_are_visible_to_everyone_drafts_are_not(world, django_user_model):
    from django.contrib.auth.models import AnonymousUser

    anonymous = AnonymousUser()
    assert not anonymous.has_perm("perencanaan.view_rencanaaksi", world.plan)
    assert not world.dave.has_perm("perencanaan.view_rencanaaksi", world.plan)
    RencanaAksi.objects.filter(pk=world.plan.pk).update(status=RencanaAksi.Status.DISETUJUI)
    world.plan.refresh_from_db()
    assert anonymous.has_perm("perencanaan.view_rencanaaksi", world.plan)
    assert world.dave.has_perm("perencanaan.view_rencanaaksi", world.plan)
    assert not world.dave.has_perm("perencanaan.change_rencanaaksi", world.plan)


def test_plan_creation_rights(world):
    assert world.alice.has_perm("perencanaan.add_rencanaaksi", world.pd)
    assert not world.alice.has_perm("perencanaan.add_rencanaaksi", world.other_pd)
    assert world.admin.has_perm("perencanaan.add_rencanaaksi", world.other_pd)
    assert not world.admin.has_perm("perencanaan.add_rencanaaksi", world.foreign_pd)
    assert not world.eve.has_perm("perencanaan.add_rencanaaksi", world.pd)


def test_may_add_plans_at_all_is_the_same_rule_without_a_pd(world):
    """The home page's "Impor dokumen" and the upload page ask this; the upload form lists exactly those PDs."""
    assert world.alice.has_perm("perencanaan.add_rencanaaksi") and world.admin.has_perm("perencanaan.add_rencanaaksi")
    assert not world.kabid.has_perm("perencanaan.add_rencanaaksi")
    assert not world.eve.has_perm("perencanaan.add_rencanaaksi")
    for user in (world.alice, world.admin, world.kabid, world.eve, world.charlie):
        offered = set(importable_perangkat_daerah(user))
        for pd in (world.pd, world.other_pd, world.foreign_pd):
            assert (pd in offered) == user.has_perm("perencanaan.add_rencanaaksi", pd)
