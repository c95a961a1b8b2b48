"""Pohon kinerja: the cascade sasaran strategis -> program -> kegiatan -> sub kegiatan, drawn as SVG from the data."""

from __future__ import annotations

from renaksi.laporan.blok import Dokumen
from renaksi.perencanaan.models import RencanaAksi


def dokumen(*, rencana_aksi: RencanaAksi, triwulan: int | None = None) -> Dokumen:
    raise NotImplementedError  # being written (issue 17)
