"""The test world with TW I and TW II 2024 open for its Pemda, and the plan's rows by bidang."""

from dataclasses import dataclass

import pytest

from renaksi.monev import services as monev
from renaksi.perencanaan.models import Aksi, Indikator, SubKegiatan


@dataclass
class Rows:
    iku: Indikator  # bidang Politik (kabid's)
    sub_politik: SubKegiatan
    sub_ideologi: SubKegiatan  # bob's
    aksi_politik: Aksi
    aksi_ideologi: Aksi


@pytest.fixture
def rows(world) -> Rows:
    plan = world.plan
    iku = Indikator.objects.get(rencana_aksi=plan)
    sub_politik = SubKegiatan.objects.get(rencana_aksi=plan, bidang=world.bidang_politik)
    sub_ideologi = SubKegiatan.objects.get(rencana_aksi=plan, bidang=world.bidang_ideologi)
    for tw in (1, 2):
        monev.jendela_buka(pemda=world.pemda, tahun=plan.tahun, triwulan=tw)
    return Rows(iku=iku, sub_politik=sub_politik, sub_ideologi=sub_ideologi,
                aksi_politik=sub_politik.aksi.first(), aksi_ideologi=sub_ideologi.aksi.first())
