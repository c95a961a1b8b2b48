"""Quarterly targets: indikator with TW I–IV (and perhaps a yearly target). Read like `target`; the yearly
target of a table with quarters is the primary one."""

from __future__ import annotations

from django.utils.translation import gettext

from renaksi.impor.tabel import PeranKolom, Tabel

from . import NOL, Skor, isi
from .target import read  # noqa: F401  (the same reading; the quarters are read when the table has them)

NAMA = "triwulan"
LABEL = "Target triwulan"


def score(tabel: Tabel, judul: str = "") -> Skor:
    n = isi.quarters(tabel)
    if PeranKolom.INDIKATOR in tabel.cols and n:
        return Skor(65, gettext("kolom indikator dan %(n)s kolom triwulan") % {"n": n})
    return NOL
