"""Timeliness of triwulan reports against the window's closing date, and the Pemda dashboard's table."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from renaksi.alur import services as alur
from renaksi.alur.ketepatan import Ketepatan, ketepatan
from renaksi.dasbor import selectors as dasbor
from renaksi.monev import services as monev
from renaksi.monev.models import LaporanTriwulan
from renaksi.perencanaan.models import RencanaAksi

BATAS = dt.date(2024, 4, 10)


@pytest.mark.parametrize(("diajukan", "hari_ini", "expected", "days"), [
    (dt.date(2024, 4, 9), dt.date(2024, 5, 1), Ketepatan.TEPAT_WAKTU, 0),
    (dt.date(2024, 4, 10), dt.date(2024, 5, 1), Ketepatan.TEPAT_WAKTU, 0),  # the closing date itself counts
    (dt.date(2024, 4, 13), dt.date(2024, 5, 1), Ketepatan.TERLAMBAT, 3),
    (None, dt.date(2024, 4, 10), Ketepatan.BELUM, 0),
    (None, dt.date(2024, 4, 12), Ketepatan.BELUM_TERLAMBAT, 2),
])
def test_on_time_or_late(diajukan, hari_ini, expected, days):
    hasil = ketepatan(diajukan=diajukan, tanggal_tutup=BATAS, hari_ini=hari_ini)
    assert (hasil.ketepatan, hasil.hari_terlambat) == (expected, days)


def test_without_a_closing_date_every_submission_is_on_time():
    assert ketepatan(diajukan=dt.date(2030, 1, 1), tanggal_tutup=None, hari_ini=dt.date(2030, 1, 2)).tepat
    assert ketepatan(diajukan=None, tanggal_tutup=None, hari_ini=dt.date(2030, 1, 2)).ketepatan == Ketepatan.BELUM


def _submitted_on(plan, tw, day: dt.date, by):
    alur.laporan_triwulan_ajukan(rencana_aksi=plan, triwulan=tw, by=by)
    moment = timezone.make_aware(dt.datetime.combine(day, dt.time(16, 0)))
    LaporanTriwulan.objects.filter(rencana_aksi=plan, triwulan=tw).update(diajukan_pada=moment)


def test_the_pemda_dashboard_shows_state_and_timeliness_per_pd_and_triwulan(client, w):
    from tests.factories import make_plan

    monev.jendela_buka(pemda=w.pemda, tahun=2024, triwulan=1, tanggal_tutup=BATAS)
    monev.jendela_buka(pemda=w.pemda, tahun=2024, triwulan=2, tanggal_tutup=dt.date(2024, 7, 10))
    other = make_plan(w.other_pd)
    RencanaAksi.objects.filter(pk__in=[w.plan.pk, other.pk]).update(status=RencanaAksi.Status.DISETUJUI)
    w.plan.refresh_from_db()
    other.refresh_from_db()
    _submitted_on(w.plan, 1, dt.date(2024, 4, 8), w.alice)
    _submitted_on(other, 1, dt.date(2024, 4, 15), None)
    d = dasbor.dasbor_pemda(pemda=w.pemda, tahun=2024, triwulan=1, hari_ini=dt.date(2024, 7, 12))
    by_pd = {row.perangkat_daerah.singkatan: row.laporan for row in d.pd}
    kesbangpol, dinkes = by_pd["Kesbangpol"], by_pd["Dinkes"]
    assert (kesbangpol[0].status, kesbangpol[0].ketepatan.ketepatan) == ("diajukan", Ketepatan.TEPAT_WAKTU)
    assert (dinkes[0].ketepatan.ketepatan, dinkes[0].ketepatan.hari_terlambat) == (Ketepatan.TERLAMBAT, 5)
    assert (kesbangpol[1].ketepatan.ketepatan, kesbangpol[1].ketepatan.hari_terlambat) == (
        Ketepatan.BELUM_TERLAMBAT, 2)
    assert kesbangpol[2].ketepatan.ketepatan == Ketepatan.BELUM  # TW III never opened: not late
    assert d.tepat_waktu(1) == 1

    client.force_login(w.admin)
    html = client.get("/dasbor/?tahun=2024&tw=1").content.decode()
    table = html.split('id="tabel-ketepatan"')[1].split("</table>")[0]
    assert "batas 10 Apr 2024" in table
    assert table.count('data-ketepatan="tepat_waktu"') == 1 and table.count('data-ketepatan="terlambat"') == 1
    assert "Terlambat (5 hari)" in table
