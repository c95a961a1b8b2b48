"""Timeliness of a triwulan report: on time or late against its reporting window's closing date.

A report is on time when it was first submitted on or before `JendelaPelaporan.tanggal_tutup` (the last day it
counts as on time, in the Pemda's time zone); later is late, by that many days. Not submitted yet: *belum
diajukan*, or *terlambat* once the closing date has passed (`hari_ini` is an argument: no magic dates). A window
without a closing date makes every submission on time. The first submission counts: a report returned by the
kepala PD and submitted again after the date stays on time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db import models
from django.utils.translation import gettext_lazy as _


class Ketepatan(models.TextChoices):
    TEPAT_WAKTU = "tepat_waktu", _("Tepat waktu")
    TERLAMBAT = "terlambat", _("Terlambat")
    BELUM = "belum", _("Belum diajukan")
    BELUM_TERLAMBAT = "belum_terlambat", _("Belum diajukan, lewat batas")


@dataclass(frozen=True)
class Hasil:
    ketepatan: Ketepatan
    hari_terlambat: int = 0

    @property
    def label(self) -> str:
        return str(self.ketepatan.label)

    @property
    def tepat(self) -> bool:
        return self.ketepatan == Ketepatan.TEPAT_WAKTU


def ketepatan(*, diajukan: date | None, tanggal_tutup: date | None, hari_ini: date) -> Hasil:
    if diajukan is None:
        if tanggal_tutup is not None and hari_ini > tanggal_tutup:
            return Hasil(Ketepatan.BELUM_TERLAMBAT, (hari_ini - tanggal_tutup).days)
        return Hasil(Ketepatan.BELUM)
    if tanggal_tutup is None or diajukan <= tanggal_tutup:
        return Hasil(Ketepatan.TEPAT_WAKTU)
    return Hasil(Ketepatan.TERLAMBAT, (diajukan - tanggal_tutup).days)
