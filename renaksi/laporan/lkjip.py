"""LKjIP Bab III tables: target, realisasi, capaian per IKU; previous year; realisasi anggaran per program."""

from __future__ import annotations

from renaksi.laporan.blok import Dokumen
from renaksi.perencanaan.models import RencanaAksi


def dokumen(*, rencana_aksi: RencanaAksi, triwulan: int | None = None) -> Dokumen:
    raise NotImplementedError  # being written (issue 17)
