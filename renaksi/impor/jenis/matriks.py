"""Matrix: sasaran, indikator, targets and at least two budget columns in one table (Bangka's stacked matrix).

Such a table is the whole plan: it is read by `renaksi.impor.layouts.matriks` (sections down the performance tree),
which this kind only recognises."""

from __future__ import annotations

from django.utils.translation import gettext

from renaksi.impor.layouts.matriks import is_matrix
from renaksi.impor.tabel import Tabel

from . import NOL, Skor

NAMA = "matriks"
LABEL = "Matriks rencana aksi"


def score(tabel: Tabel, judul: str = "") -> Skor:
    if is_matrix(tabel):
        return Skor(95, gettext("kolom sasaran, indikator, target dan dua kolom program/kegiatan/sub kegiatan"))
    return NOL
