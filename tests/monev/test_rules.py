"""Who may report monev (renaksi/monev/rules.py), per persona, through the services that enforce it."""

from decimal import Decimal as D

import pytest
from django.core.exceptions import PermissionDenied

from renaksi.monev import services as monev
from renaksi.monev.models import RealisasiAnggaran, RealisasiIndikator

pytestmark = pytest.mark.django_db


def test_kepala_bidang_reports_only_for_his_bidang(world, rows):
    # kabid leads Politik: the IKU, sub kegiatan and aksi of Politik are his; Ideologi's are bob's.
    monev.realisasi_indikator_set(indikator=rows.iku, triwulan=1, nilai=D(5), by=world.kabid)
    monev.realisasi_anggaran_set(sub_kegiatan=rows.sub_politik, triwulan=1, jumlah=10, by=world.kabid)
    monev.progres_aksi_set(aksi=rows.aksi_politik, bulan=1, status="selesai", by=world.kabid)
    with pytest.raises(PermissionDenied) as exc:
        monev.realisasi_anggaran_set(sub_kegiatan=rows.sub_ideologi, triwulan=1, jumlah=10, by=world.kabid)
    assert "bidangnya sendiri" in str(exc.value)
    with pytest.raises(PermissionDenied):
        monev.progres_aksi_set(aksi=rows.aksi_ideologi, bulan=1, status="selesai", by=world.kabid)
    with pytest.raises(PermissionDenied):
        monev.realisasi_indikator_set(indikator=rows.iku, triwulan=1, nilai=D(6), by=world.bob)
    monev.realisasi_anggaran_set(sub_kegiatan=rows.sub_ideologi, triwulan=1, jumlah=20, by=world.bob)
    assert RealisasiIndikator.objects.get().nilai == D(5)
    assert sorted(RealisasiAnggaran.objects.values_list("jumlah", flat=True)) == [10, 20]


def test_perencana_reports_every_row_of_his_pd(world, rows):
    monev.realisasi_anggaran_set(sub_kegiatan=rows.sub_ideologi, triwulan=1, jumlah=1, by=world.alice)
    monev.evaluasi_set(indikator=rows.iku, triwulan=1, faktor_pendorong="Dukungan KPU", by=world.alice)


@pytest.mark.parametrize("persona", ["kepala", "eve", "admin"])
def test_kepala_pd_evaluator_and_admin_pemda_read_only(world, rows, persona):
    user = getattr(world, persona)
    assert user.has_perm("monev.view_monev", rows.iku)
    with pytest.raises(PermissionDenied) as exc:
        monev.realisasi_indikator_set(indikator=rows.iku, triwulan=1, nilai=D(5), by=user)
    assert "hanya dapat membaca" in str(exc.value)
    with pytest.raises(PermissionDenied):
        monev.evaluasi_set(indikator=rows.iku, triwulan=1, tindak_lanjut="x", by=user)
    assert not RealisasiIndikator.objects.exists()


@pytest.mark.parametrize("persona", ["charlie", "dave"])
def test_another_pd_or_pemda_is_refused_and_cannot_read(world, rows, persona):
    user = getattr(world, persona)
    assert not user.has_perm("monev.view_monev", rows.iku)
    with pytest.raises(PermissionDenied) as exc:
        monev.realisasi_indikator_set(indikator=rows.iku, triwulan=1, nilai=D(5), by=user)
    assert "bukan milik perangkat daerah Anda" in str(exc.value)


def test_the_persons_own_pd_reads(world, rows):
    for user in (world.alice, world.kabid, world.bob, world.kepala):
        assert user.has_perm("monev.view_monev", world.plan)


def test_tindak_lanjut_status_follows_the_indicator_bidang(world, rows):
    monev.evaluasi_set(indikator=rows.iku, triwulan=1, tindak_lanjut="Rapat", by=world.kabid)
    tl = rows.iku.tindak_lanjut.get()
    with pytest.raises(PermissionDenied):
        monev.tindak_lanjut_status_set(tindak_lanjut=tl, triwulan=2, status="berjalan", by=world.bob)
    monev.tindak_lanjut_status_set(tindak_lanjut=tl, triwulan=2, status="berjalan", by=world.kabid)
