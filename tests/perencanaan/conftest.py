"""Personas and the rows of the world's plan, for the editor's view tests.

The plan of `make_world()` has one sasaran with the IKU (bidang Politik), one program → one kegiatan → two sub
kegiatan: the first of bidang Politik (kabid's), the second of bidang Ideologi (bob's), each with two aksi.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from renaksi.perencanaan.models import Aksi, Indikator, Kegiatan, Program, RencanaAksi, Sasaran, SubKegiatan


@dataclass
class Rows:
    plan: RencanaAksi
    sasaran: Sasaran
    iku: Indikator
    program: Program
    kegiatan: Kegiatan
    sub_politik: SubKegiatan
    sub_ideologi: SubKegiatan
    aksi_politik: Aksi
    aksi_ideologi: Aksi


@pytest.fixture
def rows(world) -> Rows:
    plan = world.plan
    return Rows(
        plan=plan,
        sasaran=Sasaran.objects.get(rencana_aksi=plan),
        iku=Indikator.objects.get(rencana_aksi=plan),
        program=Program.objects.get(rencana_aksi=plan),
        kegiatan=Kegiatan.objects.get(rencana_aksi=plan),
        sub_politik=SubKegiatan.objects.get(rencana_aksi=plan, bidang=world.bidang_politik),
        sub_ideologi=SubKegiatan.objects.get(rencana_aksi=plan, bidang=world.bidang_ideologi),
        aksi_politik=Aksi.objects.filter(sub_kegiatan__bidang=world.bidang_politik, rencana_aksi=plan)
        .order_by("urutan").first(),
        aksi_ideologi=Aksi.objects.filter(sub_kegiatan__bidang=world.bidang_ideologi, rencana_aksi=plan)
        .order_by("urutan").first(),
    )


@pytest.fixture
def login(client, world):
    """`login("alice")` logs the persona in and returns a client whose requests come from htmx."""

    def _login(name: str | None):
        if name:
            client.force_login(getattr(world, name))
        client.defaults["HTTP_HX_REQUEST"] = "true"
        return client

    return _login

