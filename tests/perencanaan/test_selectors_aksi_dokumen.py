"""aksi_dokumen and target_dokumen (the RA document's aksi and targets as plain rows), plan_data(with_aksi=False)
(pages that show no aksi), plan_data(with_targets=False) (the documents, which take target_dokumen) and
plan_data(dokumen=True) (the documents' indikator and budget rows as plain rows)."""

from decimal import Decimal

import pytest

from renaksi.perencanaan import services as svc
from renaksi.perencanaan.models import Aksi, Indikator, SubKegiatan
from renaksi.perencanaan.selectors import (
    AksiDokumen,
    IndikatorDokumen,
    KegiatanDokumen,
    ProgramDokumen,
    SubKegiatanDokumen,
    TargetDokumen,
    aksi_dokumen,
    plan_data,
    target_dokumen,
)

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


def test_target_dokumen_gives_the_targets_of_the_plans_year_as_stored(world, django_assert_num_queries):
    iku = Indikator.objects.get(rencana_aksi=world.plan, nama="Persentase partisipasi pemilih")
    svc.target_set(indikator=iku, tahun=world.plan.tahun + 1, triwulan=None, nilai=Decimal("90"))  # another year
    with django_assert_num_queries(1):
        targets = target_dokumen(rencana_aksi=world.plan)
    # make_plan: the IKU's yearly target 80, TW I–IV 10, 20, 20, 30 (written as such); the other indikator have none.
    assert targets == {iku.pk: {tw: TargetDokumen(Decimal(v), 0, "", str(v))
                                for tw, v in ((None, 80), (1, 10), (2, 20), (3, 20), (4, 30))}}
    whole = plan_data(rencana_aksi=world.plan)
    assert {i: {tw: TargetDokumen(t.nilai, t.desimal, t.kategori, t.teks) for tw, t in by_tw.items()}
            for i, by_tw in whole.targets.items()} == targets


def test_plan_data_without_targets_reads_one_query_less_and_keeps_everything_else(world, django_assert_num_queries):
    whole = plan_data(rencana_aksi=world.plan)
    with django_assert_num_queries(10):
        lean = plan_data(rencana_aksi=world.plan, with_targets=False)
    assert whole.targets and lean.targets == {}
    assert [a.pk for a in lean.aksi] == [a.pk for a in whole.aksi] and lean.bulan == whole.bulan
    assert [i.pk for i in lean.indikator] == [i.pk for i in whole.indikator] and lean.links == whole.links


def test_plan_data_for_documents_gives_the_same_rows_as_plain_values(world, django_assert_num_queries):
    whole = plan_data(rencana_aksi=world.plan)
    with django_assert_num_queries(11):
        plain = plan_data(rencana_aksi=world.plan, dokumen=True)
    kinds = {"indikator": IndikatorDokumen, "program": ProgramDokumen, "kegiatan": KegiatanDokumen,
             "sub_kegiatan": SubKegiatanDokumen}
    for kind, row_type in kinds.items():
        models, rows = getattr(whole, kind), getattr(plain, kind)
        assert rows and all(type(r) is row_type for r in rows), kind
        # Every field the documents print holds the model's value, in the plan's order.
        assert rows == tuple(row_type(*(getattr(m, f) for f in row_type._fields)) for m in models), kind
    # The lookups and sums work the same on plain rows.
    assert plain.pagu_sub_kegiatan == whole.pagu_sub_kegiatan
    assert plain.pagu_kegiatan == whole.pagu_kegiatan and plain.pagu_program == whole.pagu_program
    program = whole.program[0]
    assert [k.pk for k in plain.kegiatan_of(program.pk)] == [k.pk for k in whole.kegiatan_of(program.pk)]
    assert [i.pk for i in plain.indikator_of(whole.sasaran[0].pk)] == [i.pk for i in whole.indikator_of(
        whole.sasaran[0].pk)]
    assert [i.nama for i in plain.linked_indikator("program", program.pk)] == [
        i.nama for i in whole.linked_indikator("program", program.pk)]
    # The other rows stay model instances, as every other reader gets them.
    assert plain.sasaran == whole.sasaran and plain.aksi == whole.aksi and plain.targets == whole.targets
