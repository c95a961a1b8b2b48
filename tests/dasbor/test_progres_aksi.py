"""progres_aksi: aksi months scheduled and reported up to a month, counted in the database per bidang or plan."""

import pytest

from renaksi.dasbor.selectors import Progres, progres_aksi
from renaksi.monev import services as monev
from renaksi.monev.selectors import monev_data
from renaksi.perencanaan.models import Aksi

pytestmark = pytest.mark.django_db


def _aksi(world, bidang):
    return list(Aksi.objects.filter(sub_kegiatan__bidang=bidang).order_by("urutan", "id"))


@pytest.fixture
def reported(world, opened):
    """make_plan: per bidang one sub kegiatan with two aksi, scheduled in months 1, 2, 3 and 1, 2, 4."""
    politik_1, _politik_2 = _aksi(world, world.bidang_politik)
    ideologi_1, _ideologi_2 = _aksi(world, world.bidang_ideologi)
    monev.progres_aksi_set(aksi=politik_1, bulan=1, status="selesai")
    monev.progres_aksi_set(aksi=politik_1, bulan=2, status="berjalan")
    monev.progres_aksi_set(aksi=ideologi_1, bulan=1, status="selesai")
    monev.progres_aksi_set(aksi=ideologi_1, bulan=4, status="selesai")  # TW II


def test_counts_per_bidang_up_to_a_month(world, reported, django_assert_num_queries):
    with django_assert_num_queries(2):
        tw1 = progres_aksi(per="sub_kegiatan__bidang_id", sampai_bulan=3, rencana_aksi_id=world.plan.pk)
    politik, ideologi = tw1[world.bidang_politik.pk], tw1[world.bidang_ideologi.pk]
    assert tw1.keys() == {world.bidang_politik.pk, world.bidang_ideologi.pk}
    assert (politik.rencana, dict(politik.status), politik.belum_dilaporkan) == (5, {"selesai": 1, "berjalan": 1}, 3)
    assert (ideologi.rencana, dict(ideologi.status)) == (5, {"selesai": 1})
    tw2 = progres_aksi(per="sub_kegiatan__bidang_id", sampai_bulan=6, rencana_aksi_id=world.plan.pk)
    assert tw2[world.bidang_ideologi.pk].rencana == 6 and tw2[world.bidang_ideologi.pk].status["selesai"] == 2


def test_counts_per_plan_for_the_pemda(world, reported):
    per_plan = progres_aksi(per="rencana_aksi_id", sampai_bulan=3,
                            rencana_aksi_id__in=[world.plan.pk, world.foreign_plan.pk])
    assert per_plan[world.plan.pk].rencana == 10 and per_plan[world.plan.pk].status == {"selesai": 2, "berjalan": 1}
    assert per_plan[world.foreign_plan.pk].rencana == 10 and not per_plan[world.foreign_plan.pk].status


def test_same_numbers_as_walking_every_aksi(world, reported):
    """What the PD dashboard counted before in Python, from every aksi of monev_data, for each triwulan."""
    for tw in (1, 2, 3, 4):
        data = monev_data(rencana_aksi=world.plan, triwulan=tw)
        walked: dict = {}
        for a in data.aksi:
            row = walked.setdefault(data.plan.sub_kegiatan_by_id[a.aksi.sub_kegiatan_id].bidang_id, Progres())
            row.rencana += len([b for b in a.bulan_rencana if b <= 3 * tw])
            for b, p in a.progres.items():
                if b <= 3 * tw:
                    row.status[p.status] += 1
        counted = progres_aksi(per="sub_kegiatan__bidang_id", sampai_bulan=3 * tw, rencana_aksi_id=world.plan.pk)
        assert {k: (v.rencana, +v.status) for k, v in counted.items()} == \
            {k: (v.rencana, +v.status) for k, v in walked.items()}


def test_monev_data_without_aksi(world, reported):
    whole = monev_data(rencana_aksi=world.plan, triwulan=2)
    lean = monev_data(rencana_aksi=world.plan, triwulan=2, with_aksi=False)
    assert len(whole.aksi) == 4 and lean.aksi == ()
    assert lean.indikator == whole.indikator and lean.sub_kegiatan == whole.sub_kegiatan
    assert lean.serapan_program == whole.serapan_program
