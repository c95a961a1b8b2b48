"""Dokumen Rencana Aksi as the Samarinda seed lays it out (cover, foreword, bab I-III, Tabel 2.1-2.4, one section per bidang, closing page)."""

from __future__ import annotations

from renaksi.laporan.blok import Dokumen
from renaksi.perencanaan.models import RencanaAksi


def dokumen(*, rencana_aksi: RencanaAksi, triwulan: int | None = None) -> Dokumen:
    raise NotImplementedError  # being written (issue 17)
