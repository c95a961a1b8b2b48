"""Perjanjian Kinerja: the statement page with both parties and its attachment (sasaran/indikator/target, program/anggaran, total)."""

from __future__ import annotations

from renaksi.laporan.blok import Dokumen
from renaksi.perencanaan.models import RencanaAksi


def dokumen(*, rencana_aksi: RencanaAksi, triwulan: int | None = None) -> Dokumen:
    raise NotImplementedError  # being written (issue 17)
