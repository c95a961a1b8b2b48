"""Monev services: values, reporting windows and history (renaksi/monev/services.py)."""

from datetime import date
from decimal import Decimal as D

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation
from django.utils.translation import trans_real

from renaksi.monev import services as monev
from renaksi.monev.models import (
    EvaluasiIndikator,
    JendelaPelaporan,
    ProgresAksi,
    RealisasiAnggaran,
    RealisasiIndikator,
    TindakLanjut,
)

pytestmark = pytest.mark.django_db


def messages(exc) -> str:
    return " ".join(exc.value.messages)


def test_realisasi_is_stored_and_an_unchanged_value_writes_no_history(world, rows):
    r = monev.realisasi_indikator_set(indikator=rows.iku, triwulan=1, nilai=D("9.5"), by=world.alice)
    assert RealisasiIndikator.objects.get().nilai == D("9.5") and r.diisi_oleh == world.alice
    assert r.history.count() == 1 and r.history.first().history_user == world.alice
    monev.realisasi_indikator_set(indikator=rows.iku, triwulan=1, nilai=D("9.50"), by=world.alice)
    assert r.history.count() == 1
    monev.realisasi_indikator_set(indikator=rows.iku, triwulan=1, nilai=D("10"), by=world.alice)
    assert r.history.count() == 2


def test_category_realisasi_like_a_target(world, rows):
    r = monev.realisasi_indikator_set(indikator=rows.iku, triwulan=1, nilai=D("67.34"), kategori="bb")
    assert (r.kategori, r.nilai) == ("BB", D("67.34"))
    with pytest.raises(ValidationError) as exc:
        monev.realisasi_indikator_set(indikator=rows.iku, triwulan=1, nilai=None, kategori="XYZ")
    assert "Kategori 'XYZ' tidak dikenal" in messages(exc)


def test_an_empty_realisasi_without_a_row_writes_nothing(world, rows):
    assert monev.realisasi_indikator_set(indikator=rows.iku, triwulan=1, nilai=None) is None
    assert not RealisasiIndikator.objects.exists()


@pytest.mark.parametrize("triwulan", [0, 5, -1])
def test_triwulan_outside_1_4_is_refused(world, rows, triwulan):
    with pytest.raises(ValidationError) as exc:
        monev.realisasi_indikator_set(indikator=rows.iku, triwulan=triwulan, nilai=D(1))
    assert f"Triwulan harus 1–4, bukan {triwulan}" in messages(exc)


def test_a_closed_triwulan_refuses_writes_and_says_why(world, rows):
    monev.realisasi_indikator_set(indikator=rows.iku, triwulan=1, nilai=D(5))
    monev.jendela_tutup(pemda=world.pemda, tahun=2024, triwulan=1, by=world.admin)
    with pytest.raises(ValidationError) as exc:
        monev.realisasi_indikator_set(indikator=rows.iku, triwulan=1, nilai=D(6), by=world.alice)
    assert "TW I 2024 sudah ditutup" in messages(exc)
    assert RealisasiIndikator.objects.get().nilai == D(5)
    with pytest.raises(ValidationError):
        monev.realisasi_anggaran_set(sub_kegiatan=rows.sub_politik, triwulan=1, jumlah=1, by=world.alice)


def test_a_triwulan_never_opened_refuses_writes(world, rows):
    with pytest.raises(ValidationError) as exc:
        monev.realisasi_indikator_set(indikator=rows.iku, triwulan=3, nilai=D(5), by=world.alice)
    assert "TW III 2024 belum dibuka oleh admin pemda" in messages(exc)


def test_the_lock_reasons_go_through_the_translation_catalogue(world, rows, monkeypatch):
    # Decision 0001: Indonesian msgids, translated by a catalogue. A catalogue entry for each reason (named
    # placeholders, so a translation can put them anywhere) must reach the user; an f-string would bypass it.
    catalogue = {
        "Pelaporan %(triwulan)s belum dibuka oleh admin pemda; nilai monev triwulan ini belum dapat diisi.":
            "Reporting for %(triwulan)s has not been opened yet.",
        "Pelaporan %(triwulan)s sudah ditutup; nilai monev triwulan ini hanya dapat dibaca. Minta admin pemda "
        "membukanya kembali bila perlu diubah.": "Reporting for %(triwulan)s is closed.",
    }
    with translation.override("id"):
        active = trans_real.translation("id")
        original = active.gettext
        monkeypatch.setattr(active, "gettext", lambda msgid: catalogue.get(msgid) or original(msgid))
        with pytest.raises(ValidationError) as exc:
            monev.realisasi_indikator_set(indikator=rows.iku, triwulan=3, nilai=D(5), by=world.alice)
        assert messages(exc) == "Reporting for TW III 2024 has not been opened yet."
        monev.jendela_tutup(pemda=world.pemda, tahun=2024, triwulan=1, by=world.admin)
        with pytest.raises(ValidationError) as exc:
            monev.realisasi_indikator_set(indikator=rows.iku, triwulan=1, nilai=D(6), by=world.alice)
        assert messages(exc) == "Reporting for TW I 2024 is closed."


def test_the_window_is_per_pemda(world, rows):
    # The foreign plan's Pemda has opened nothing: its PD cannot report although ours can.
    from renaksi.perencanaan.models import Indikator

    foreign = Indikator.objects.get(rencana_aksi=world.foreign_plan)
    with pytest.raises(ValidationError):
        monev.realisasi_indikator_set(indikator=foreign, triwulan=1, nilai=D(1), by=world.dave)


def test_realisasi_anggaran_is_the_amount_spent_in_the_triwulan(world, rows):
    monev.realisasi_anggaran_set(sub_kegiatan=rows.sub_politik, triwulan=1, jumlah=2_000_000, by=world.alice)
    monev.realisasi_anggaran_set(sub_kegiatan=rows.sub_politik, triwulan=2, jumlah=3_000_000, by=world.alice)
    assert sorted(RealisasiAnggaran.objects.values_list("triwulan", "jumlah")) == [(1, 2_000_000), (2, 3_000_000)]
    monev.realisasi_anggaran_set(sub_kegiatan=rows.sub_politik, triwulan=2, jumlah=None, by=world.alice)
    assert list(RealisasiAnggaran.objects.values_list("triwulan", flat=True)) == [1]


def test_negative_or_fractional_amount_is_refused(world, rows):
    with pytest.raises(ValidationError) as exc:
        monev.realisasi_anggaran_set(sub_kegiatan=rows.sub_politik, triwulan=1, jumlah=-5, by=world.alice)
    assert "tidak boleh negatif" in messages(exc)
    with pytest.raises(ValidationError):
        monev.realisasi_anggaran_set(sub_kegiatan=rows.sub_politik, triwulan=1, jumlah=D("1.5"), by=world.alice)
    assert not RealisasiAnggaran.objects.exists()


def test_progres_aksi_needs_the_window_of_its_month(world, rows):
    monev.progres_aksi_set(aksi=rows.aksi_politik, bulan=4, status="selesai", by=world.alice)
    assert ProgresAksi.objects.get().status == "selesai"
    with pytest.raises(ValidationError) as exc:
        monev.progres_aksi_set(aksi=rows.aksi_politik, bulan=7, status="berjalan", by=world.alice)
    assert "TW III" in messages(exc)
    with pytest.raises(ValidationError):
        monev.progres_aksi_set(aksi=rows.aksi_politik, bulan=13, status="berjalan", by=world.alice)
    with pytest.raises(ValidationError):
        monev.progres_aksi_set(aksi=rows.aksi_politik, bulan=1, status="hampir", by=world.alice)


def test_tindak_lanjut_is_created_from_the_evaluasi_and_closed_in_a_later_triwulan(world, rows):
    monev.evaluasi_set(indikator=rows.iku, triwulan=1, faktor_penghambat="Anggaran terlambat",
                       tindak_lanjut="Percepat sosialisasi", by=world.alice)
    tl = TindakLanjut.objects.get()
    assert (tl.triwulan, tl.uraian, tl.status, tl.terbuka) == (1, "Percepat sosialisasi", "terbuka", True)
    with pytest.raises(ValidationError) as exc:
        monev.tindak_lanjut_status_set(tindak_lanjut=tl, triwulan=1, status="selesai", by=world.alice)
    assert "sesudahnya" in messages(exc)
    with pytest.raises(ValidationError) as exc:
        monev.tindak_lanjut_status_set(tindak_lanjut=tl, triwulan=2, status="tidak_dilaksanakan", by=world.alice)
    assert "alasan" in messages(exc)
    monev.tindak_lanjut_status_set(tindak_lanjut=tl, triwulan=2, status="selesai", catatan="Sudah", by=world.alice)
    tl.refresh_from_db()
    assert (tl.status, tl.status_triwulan, tl.terbuka) == ("selesai", 2, False)
    # Clearing the text no longer removes an item that was followed up.
    monev.evaluasi_set(indikator=rows.iku, triwulan=1, by=world.alice)
    assert TindakLanjut.objects.filter(pk=tl.pk).exists()
    assert EvaluasiIndikator.objects.get().tindak_lanjut == ""


def test_clearing_a_tindak_lanjut_without_status_removes_it(world, rows):
    monev.evaluasi_set(indikator=rows.iku, triwulan=1, tindak_lanjut="Rapat koordinasi")
    monev.evaluasi_set(indikator=rows.iku, triwulan=1, tindak_lanjut="")
    assert not TindakLanjut.objects.exists()


def test_reopening_needs_a_reason_kept_in_history(world, rows):
    monev.jendela_tutup(pemda=world.pemda, tahun=2024, triwulan=1, by=world.admin)
    with pytest.raises(ValidationError) as exc:
        monev.jendela_buka(pemda=world.pemda, tahun=2024, triwulan=1, by=world.admin)
    assert "memerlukan alasan" in messages(exc)
    jendela = monev.jendela_buka(pemda=world.pemda, tahun=2024, triwulan=1, alasan="Koreksi data BPS",
                                 tanggal_tutup=date(2024, 4, 15), by=world.admin)
    assert jendela.dibuka and jendela.tanggal_tutup == date(2024, 4, 15)
    reasons = list(jendela.history.values_list("status", "alasan"))
    assert ("dibuka", "Koreksi data BPS") in reasons and ("ditutup", "") in reasons
    assert jendela.history.first().history_user == world.admin


def test_only_the_admin_pemda_of_that_pemda_manages_windows(world, rows):
    for user in (world.alice, world.eve, world.kepala, world.kabid):
        with pytest.raises(PermissionDenied):
            monev.jendela_tutup(pemda=world.pemda, tahun=2024, triwulan=1, by=user)
    other_admin = type(world.admin).objects.create_user(username="admin2", peran="admin_pemda",
                                                        pemda=world.foreign_pd.pemda)
    with pytest.raises(PermissionDenied):
        monev.jendela_buka(pemda=world.pemda, tahun=2024, triwulan=3, by=other_admin)
    assert JendelaPelaporan.objects.filter(triwulan=1).get().dibuka
