"""The plan's invariants hold in the database itself, and the services are the one door for writes."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from renaksi.organisasi import services as org
from renaksi.organisasi.models import Pejabat
from renaksi.perencanaan import services as svc
from renaksi.perencanaan.models import Aksi, AksiBulan, Indikator, Program, RencanaAksi, SubKegiatan, Target


def _iku(world) -> Indikator:
    return Indikator.objects.get(rencana_aksi=world.plan, is_iku=True)


def test_one_yearly_target_per_indicator_and_year_in_the_database(world):
    iku = _iku(world)
    with pytest.raises(IntegrityError), transaction.atomic():
        Target.objects.create(indikator=iku, tahun=2024, triwulan=None, nilai=Decimal(1))


def test_one_target_per_indicator_year_and_triwulan_in_the_database(world):
    iku = _iku(world)
    with pytest.raises(IntegrityError), transaction.atomic():
        Target.objects.create(indikator=iku, tahun=2024, triwulan=2, nilai=Decimal(1))


def test_triwulan_is_1_to_4_in_the_database(world):
    with pytest.raises(IntegrityError), transaction.atomic():
        Target.objects.create(indikator=_iku(world), tahun=2025, triwulan=5, nilai=Decimal(1))


def test_pagu_cannot_be_negative_in_the_database(world):
    program = Program.objects.filter(rencana_aksi=world.plan).first()
    with pytest.raises(IntegrityError), transaction.atomic():
        Program.objects.filter(pk=program.pk).update(pagu=-1)


def test_months_are_1_to_12_in_the_database(world):
    aksi = Aksi.objects.filter(rencana_aksi=world.plan).first()
    with pytest.raises(IntegrityError), transaction.atomic():
        AksiBulan.objects.create(aksi=aksi, bulan=13)


def test_nip_is_18_digits_in_the_database(world):
    with pytest.raises(IntegrityError), transaction.atomic():
        Pejabat.objects.create(perangkat_daerah=world.pd, nama="X", jabatan="Y", nip="1234")


def test_empty_target_is_kept_empty_not_zero(world):
    iku = _iku(world)
    target = svc.target_set(indikator=iku, tahun=2024, triwulan=3, nilai=None)
    target.refresh_from_db()
    assert target.nilai is None and target.teks == "" and target.kosong


def test_target_keeps_written_decimals_and_category(world):
    iku = _iku(world)
    t = svc.target_set(indikator=iku, tahun=2024, triwulan=1, nilai=Decimal("16.20"))
    assert (t.desimal, t.teks) == (2, "16,20")
    c = svc.target_set(indikator=iku, tahun=2025, triwulan=None, nilai=Decimal("67.34"), kategori="B")
    assert c.teks == "B (67,34)"


def test_toggling_a_month_switches_it_on_and_off(world):
    aksi = Aksi.objects.filter(rencana_aksi=world.plan).first()
    assert svc.aksi_toggle_bulan(aksi=aksi, bulan=7) is True
    assert 7 in set(aksi.jadwal.values_list("bulan", flat=True))
    assert svc.aksi_toggle_bulan(aksi=aksi, bulan=7) is False
    assert 7 not in set(aksi.jadwal.values_list("bulan", flat=True))


def test_invalid_month_is_refused_by_the_service(world):
    aksi = Aksi.objects.filter(rencana_aksi=world.plan).first()
    with pytest.raises(ValidationError):
        svc.aksi_toggle_bulan(aksi=aksi, bulan=0)


def test_negative_pagu_is_refused_by_the_service_with_a_message(world):
    sub = SubKegiatan.objects.filter(rencana_aksi=world.plan).first()
    with pytest.raises(ValidationError) as exc:
        svc.anggaran_update(obj=sub, pagu=-5)
    assert exc.value.message_dict
    sub.refresh_from_db()
    assert sub.pagu == 10_000_000


@pytest.mark.parametrize("status", [RencanaAksi.Status.DIAJUKAN, RencanaAksi.Status.DISETUJUI,
                                    RencanaAksi.Status.TERKUNCI])
def test_a_plan_that_is_not_a_draft_refuses_every_change(world, status):
    RencanaAksi.objects.filter(pk=world.plan.pk).update(status=status)
    aksi = Aksi.objects.select_related("rencana_aksi").filter(rencana_aksi=world.plan).first()
    with pytest.raises(ValidationError, match="tidak dapat diubah"):
        svc.aksi_toggle_bulan(aksi=aksi, bulan=5)
    with pytest.raises(ValidationError, match="tidak dapat diubah"):
        svc.aksi_update(aksi=aksi, uraian="baru")


def test_row_move_reorders_siblings(world):
    sub = SubKegiatan.objects.filter(rencana_aksi=world.plan).order_by("urutan").first()
    first, second = list(sub.aksi.order_by("urutan"))
    svc.row_move(obj=second, offset=-1)
    assert list(sub.aksi.order_by("urutan")) == [second, first]


def test_every_plan_row_knows_its_plan(world):
    for model in (Indikator, Program, SubKegiatan, Aksi):
        assert not model.objects.exclude(rencana_aksi=world.plan).exclude(rencana_aksi=world.foreign_plan).exists()
    aksi = Aksi.objects.filter(rencana_aksi=world.plan).first()
    assert aksi.sub_kegiatan.kegiatan.program.rencana_aksi_id == world.plan.pk


def test_pejabat_nip_is_stored_without_spaces_and_validated(world):
    p = org.pejabat_create(perangkat_daerah=world.pd, nama="SUCIPTO, S.Pd, M.Si.", jabatan="Kepala Badan",
                           nip="19670319 199702 1 003")
    assert p.nip == "196703191997021003"
    assert p.nip_tampil == "19670319 199702 1 003"
    with pytest.raises(ValidationError):
        org.pejabat_create(perangkat_daerah=world.pd, nama="X", jabatan="Y", nip="19670319 199702 3 003")


def test_plt_official_signs_as_plt():
    p = Pejabat(nama="MIFTAHURRIZQA, SE", jabatan="Kabid. Ideologi", status=Pejabat.Status.PLT)
    assert p.jabatan_tanda_tangan == "Plt. Kabid. Ideologi"
    p.jabatan = "Plt. Kabid. Ideologi"
    assert p.jabatan_tanda_tangan == "Plt. Kabid. Ideologi"


def test_history_is_kept_for_plan_rows(world):
    aksi = Aksi.objects.filter(rencana_aksi=world.plan).first()
    svc.aksi_update(aksi=aksi, uraian="Rapat koordinasi diubah")
    assert aksi.history.count() == 2
    assert aksi.history.first().uraian == "Rapat koordinasi diubah"


def test_renstra_and_tujuan_are_created_once(world):
    renstra = svc.renstra_get_or_create(perangkat_daerah=world.pd, tahun_awal=2021, tahun_akhir=2026)
    assert svc.renstra_get_or_create(perangkat_daerah=world.pd, tahun_awal=2021, tahun_akhir=2026) == renstra
    tujuan = svc.tujuan_get_or_create(renstra=renstra, uraian="Terciptanya Pelayanan Prima bagi masyarakat")
    assert svc.tujuan_get_or_create(renstra=renstra, uraian="terciptanya pelayanan prima bagi masyarakat ") == tujuan
    svc.rencana_aksi_set_renstra(rencana_aksi=world.plan, renstra=renstra)
    world.plan.refresh_from_db()
    assert world.plan.renstra == renstra


def test_setting_a_target_to_what_it_is_writes_no_history_row(world):
    """The rule lives in the service, so the editor, the importer and any later caller all get it."""
    iku = _iku(world)
    yearly = Target.objects.get(indikator=iku, tahun=2024, triwulan=None)
    before = Target.history.filter(id=yearly.pk).count()
    same = svc.target_set(indikator=iku, tahun=2024, triwulan=None, nilai=Decimal("80"))
    assert same.pk == yearly.pk
    assert Target.history.filter(id=yearly.pk).count() == before


def test_a_changed_value_decimals_or_wording_writes_one_history_row_each(world):
    iku = _iku(world)
    yearly = Target.objects.get(indikator=iku, tahun=2024, triwulan=None)
    before = Target.history.filter(id=yearly.pk).count()
    svc.target_set(indikator=iku, tahun=2024, triwulan=None, nilai=Decimal("81"))
    svc.target_set(indikator=iku, tahun=2024, triwulan=None, nilai=Decimal("81.0"))  # written with one decimal
    svc.target_set(indikator=iku, tahun=2024, triwulan=None, nilai=Decimal("81.0"), teks="81,0 %")
    svc.target_set(indikator=iku, tahun=2024, triwulan=None, nilai=Decimal("81.0"), teks="81,0 %")  # unchanged
    assert Target.history.filter(id=yearly.pk).count() == before + 3
    yearly.refresh_from_db()
    assert (yearly.nilai, yearly.desimal, yearly.teks) == (Decimal("81"), 1, "81,0 %")


def test_a_plan_is_labelled_murni_then_perubahan_n():
    assert [RencanaAksi(versi=v).label_versi for v in (1, 2, 3)] == ["Murni", "Perubahan 1", "Perubahan 2"]
