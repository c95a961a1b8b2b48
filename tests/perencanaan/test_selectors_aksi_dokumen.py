"""aksi_dokumen (the RA document's aksi rows) and plan_data(with_aksi=False) (pages that show no aksi)."""

import pytest

from renaksi.perencanaan.models import Aksi, SubKegiatan
from renaksi.perencanaan.selectors import AksiDokumen, aksi_dokumen, plan_data

pytestmark = pytest.mark.django_db


def test_aksi_dokumen_gives_each_sub_kegiatan_its_aksi_in_order_with_their_months(world, django_assert_num_queries):
    sub_1, sub_2 = SubKegiatan.objects.filter(rencana_aksi=world.plan).order_by("urutan", "id")
    with django_assert_num_queries(1):
        rows = aksi_dokumen(rencana_aksi_id=world.plan.pk)
    # make_plan: two aksi per sub kegiatan, scheduled in January, February and March (the first) or April.
    assert rows == {
        sub.pk: [AksiDokumen("1", f"Aksi 1 dari sub kegiatan {n}", "Laporan", "Kepala Bidang", None,
                             frozenset({1, 2, 3})),
                 AksiDokumen("2", f"Aksi 2 dari sub kegiatan {n}", "Laporan", "Kepala Bidang", None,
                             frozenset({1, 2, 4}))]
        for n, sub in ((1, sub_1), (2, sub_2))
    }
    assert aksi_dokumen(rencana_aksi_id=world.foreign_plan.pk).keys().isdisjoint(rows)


def test_aksi_dokumen_of_a_plan_without_aksi_is_empty(world):
    Aksi.objects.filter(rencana_aksi=world.plan).delete()
    assert aksi_dokumen(rencana_aksi_id=world.plan.pk) == {}


def test_plan_data_without_aksi_keeps_everything_else(world, django_assert_num_queries):
    whole = plan_data(rencana_aksi=world.plan)
    with django_assert_num_queries(10):
        lean = plan_data(rencana_aksi=world.plan, with_aksi=False)
    assert len(whole.aksi) == 4 and whole.bulan
    assert lean.aksi == () and lean.bulan == {} and lean.aksi_of(lean.sub_kegiatan[0].pk) == []
    for kind in ("sasaran", "indikator", "program", "kegiatan", "sub_kegiatan", "bidang"):
        assert [r.pk for r in getattr(lean, kind)] == [r.pk for r in getattr(whole, kind)], kind
    assert lean.links == whole.links and lean.targets.keys() == whole.targets.keys()
