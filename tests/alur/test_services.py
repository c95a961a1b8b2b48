"""Every transition of a plan and of a triwulan report, allowed and refused, per persona (docs/alur.md)."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from renaksi.alur import services as alur
from renaksi.alur.models import Transisi
from renaksi.monev.models import LaporanTriwulan
from renaksi.perencanaan.models import RencanaAksi
from tests.alur.conftest import PERSONAS

S = RencanaAksi.Status

# step → (the state it starts from, the persona who may take it, the state it leads to)
STEPS = {
    "ajukan": (S.DRAFT, "alice", S.DIAJUKAN),
    "kembalikan": (S.DIAJUKAN, "kepala", S.DIKEMBALIKAN),
    "setujui": (S.DIAJUKAN, "kepala", S.DISETUJUI),
    "kunci": (S.DISETUJUI, "admin", S.TERKUNCI),
    "buka": (S.TERKUNCI, "admin", S.DIKEMBALIKAN),
}
CASES = [(step, persona) for step in STEPS for persona in PERSONAS]


def _set_plan(plan, status):
    RencanaAksi.objects.filter(pk=plan.pk).update(status=status)
    plan.refresh_from_db()


def _plan_step(step, plan, user, alasan="Target TW II belum sesuai DPA"):
    kwargs = {"rencana_aksi": plan, "by": user}
    if alur.LANGKAH[step].perlu_alasan:
        kwargs["alasan"] = alasan
    return alur.PLAN_SERVICES[step](**kwargs)


def _laporan_step(step, plan, tw, user, alasan="Realisasi TW I tanpa bukti"):
    kwargs = {"rencana_aksi": plan, "triwulan": tw, "by": user}
    if alur.LANGKAH[step].perlu_alasan:
        kwargs["alasan"] = alasan
    return alur.LAPORAN_SERVICES[step](**kwargs)


@pytest.mark.parametrize(("step", "persona"), CASES)
def test_plan_transition_per_persona(w, step, persona):
    start, allowed, end = STEPS[step]
    plan = w.plan
    _set_plan(plan, start)
    user = getattr(w, persona)
    if persona == allowed:
        _plan_step(step, plan, user)
        plan.refresh_from_db()
        assert plan.status == end
        t = Transisi.objects.get(rencana_aksi=plan)
        assert (t.langkah, t.dari, t.ke, t.oleh, t.triwulan) == (step, start, end, user, None)
        assert t.alasan == ("Target TW II belum sesuai DPA" if alur.LANGKAH[step].perlu_alasan else "")
    else:
        with pytest.raises(PermissionDenied) as exc:
            _plan_step(step, plan, user)
        assert "Hanya" in str(exc.value)
        plan.refresh_from_db()
        assert plan.status == start and not Transisi.objects.exists()


@pytest.mark.parametrize(("step", "persona"), CASES)
def test_triwulan_report_transition_per_persona(w, step, persona):
    start, allowed, end = STEPS[step]
    plan = w.plan
    _set_plan(plan, S.DISETUJUI)
    if start != S.DRAFT:
        LaporanTriwulan.objects.create(rencana_aksi=plan, triwulan=1, status=start)
    user = getattr(w, persona)
    if persona == allowed:
        laporan = _laporan_step(step, plan, 1, user)
        assert LaporanTriwulan.objects.get(pk=laporan.pk).status == end
        t = Transisi.objects.get(rencana_aksi=plan)
        assert (t.langkah, t.dari, t.ke, t.oleh, t.triwulan) == (step, start, end, user, 1)
    else:
        with pytest.raises(PermissionDenied):
            _laporan_step(step, plan, 1, user)
        assert not Transisi.objects.exists()
        assert LaporanTriwulan.objects.filter(status=start).count() == (start != S.DRAFT)


@pytest.mark.parametrize(("step", "wrong"), [
    ("ajukan", S.DIAJUKAN), ("ajukan", S.DISETUJUI), ("ajukan", S.TERKUNCI),
    ("kembalikan", S.DRAFT), ("kembalikan", S.DISETUJUI), ("setujui", S.DRAFT), ("setujui", S.DIKEMBALIKAN),
    ("setujui", S.TERKUNCI), ("kunci", S.DIAJUKAN), ("kunci", S.DRAFT), ("kunci", S.TERKUNCI),
    ("buka", S.DRAFT), ("buka", S.DIAJUKAN), ("buka", S.DIKEMBALIKAN),
])
def test_a_step_from_a_state_that_does_not_allow_it_is_refused_with_the_state(w, step, wrong):
    _set_plan(w.plan, wrong)
    user = getattr(w, STEPS[step][1])
    with pytest.raises(ValidationError) as exc:
        _plan_step(step, w.plan, user)
    assert f"berstatus '{S(wrong).label}'" in exc.value.messages[0]
    w.plan.refresh_from_db()
    assert w.plan.status == wrong and not Transisi.objects.exists()


@pytest.mark.parametrize(("step", "start"), [("kembalikan", S.DIAJUKAN), ("buka", S.TERKUNCI)])
def test_return_and_reopen_need_a_reason(w, step, start):
    _set_plan(w.plan, start)
    user = getattr(w, STEPS[step][1])
    with pytest.raises(ValidationError) as exc:
        _plan_step(step, w.plan, user, alasan="   ")
    assert "alasan" in exc.value.message_dict
    assert not Transisi.objects.exists()


def test_admin_pemda_reopens_an_approved_plan_too(w):
    _set_plan(w.plan, S.DISETUJUI)
    alur.rencana_aksi_buka(rencana_aksi=w.plan, alasan="Salah ketik pagu", by=w.admin)
    assert w.plan.status == S.DIKEMBALIKAN and w.plan.editable


def test_the_whole_story_is_recorded_in_order(w):
    plan = w.plan
    alur.rencana_aksi_ajukan(rencana_aksi=plan, by=w.alice)
    alur.rencana_aksi_kembalikan(rencana_aksi=plan, alasan="Lengkapi aksi", by=w.kepala)
    assert plan.editable
    alur.rencana_aksi_ajukan(rencana_aksi=plan, by=w.alice)
    alur.rencana_aksi_setujui(rencana_aksi=plan, by=w.kepala)
    alur.rencana_aksi_kunci(rencana_aksi=plan, by=w.admin)
    rows = list(Transisi.objects.filter(rencana_aksi=plan).order_by("waktu", "id")
                .values_list("langkah", "oleh__username", "alasan"))
    assert rows == [("ajukan", "alice", ""), ("kembalikan", "kepala", "Lengkapi aksi"), ("ajukan", "alice", ""),
                    ("setujui", "kepala", ""), ("kunci", "admin_pemda", "")]
    assert RencanaAksi.objects.get(pk=plan.pk).status == S.TERKUNCI
    assert plan.history.first().history_user == w.admin


def test_the_system_may_take_any_step(w):
    alur.rencana_aksi_ajukan(rencana_aksi=w.plan, by=None)
    assert Transisi.objects.get().oleh is None


def test_a_superseded_plan_takes_no_step(w):
    from renaksi.perencanaan import services as svc

    svc.rencana_aksi_create(perangkat_daerah=w.pd, tahun=w.plan.tahun, versi=2)
    with pytest.raises(ValidationError, match="versi yang lebih baru"):
        alur.rencana_aksi_ajukan(rencana_aksi=w.plan, by=w.alice)


def test_a_triwulan_report_waits_for_the_approved_plan_and_the_open_window(w):
    with pytest.raises(ValidationError, match="rencana aksi yang sudah disetujui"):
        alur.laporan_triwulan_ajukan(rencana_aksi=w.plan, triwulan=1, by=w.alice)
    _set_plan(w.plan, S.DISETUJUI)
    with pytest.raises(ValidationError, match="TW III 2024 belum dibuka"):
        alur.laporan_triwulan_ajukan(rencana_aksi=w.plan, triwulan=3, by=w.alice)
    assert not LaporanTriwulan.objects.exists()


def test_the_first_submission_time_is_kept(w):
    _set_plan(w.plan, S.DISETUJUI)
    first = alur.laporan_triwulan_ajukan(rencana_aksi=w.plan, triwulan=1, by=w.alice).diajukan_pada
    alur.laporan_triwulan_kembalikan(rencana_aksi=w.plan, triwulan=1, alasan="Bukti kurang", by=w.kepala)
    again = alur.laporan_triwulan_ajukan(rencana_aksi=w.plan, triwulan=1, by=w.alice)
    assert again.diajukan_pada == first is not None
