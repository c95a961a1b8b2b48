"""The test world with e-mail addresses (notifications), TW I and II 2024 open, and helpers to make findings."""

from __future__ import annotations

import pytest

from renaksi.monev import services as monev
from renaksi.perencanaan import services as svc
from renaksi.perencanaan.models import Program, SubKegiatan

PERSONAS = ["alice", "kabid", "bob", "kepala", "eve", "admin", "charlie", "dave"]


@pytest.fixture
def w(world):
    for name in PERSONAS:
        user = getattr(world, name)
        user.email = f"{name}@example.org"
        user.save()
    for tw in (1, 2):
        monev.jendela_buka(pemda=world.pemda, tahun=world.plan.tahun, triwulan=tw)
    return world


def break_rollup(plan) -> Program:
    """An error-level finding (pagu.rollup_mismatch): the program's pagu no longer equals its kegiatan's."""
    program = Program.objects.get(rencana_aksi=plan)
    svc.anggaran_update(obj=program, pagu=(program.pagu or 0) + 1_000)
    return program


def fix_rollup(plan) -> None:
    program = Program.objects.get(rencana_aksi=plan)
    svc.anggaran_update(obj=program, pagu=program.pagu - 1_000)


def overspend(plan, triwulan: int = 1) -> SubKegiatan:
    """An error-level realisasi finding (realisasi.anggaran_over_pagu) in `triwulan`."""
    sub = SubKegiatan.objects.filter(rencana_aksi=plan).order_by("urutan", "id").first()
    monev.realisasi_anggaran_set(sub_kegiatan=sub, triwulan=triwulan, jumlah=sub.pagu + 1)
    return sub
