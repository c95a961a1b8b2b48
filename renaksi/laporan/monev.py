"""Monev triwulan: the Permendagri 86/2017 form (targets, realisasi TW I-IV, capaian, predikat, faktor, tindak lanjut)."""

from __future__ import annotations

from renaksi.laporan.blok import Dokumen
from renaksi.perencanaan.models import RencanaAksi


def dokumen(*, rencana_aksi: RencanaAksi, triwulan: int | None = None) -> Dokumen:
    raise NotImplementedError  # being written (issue 17)
