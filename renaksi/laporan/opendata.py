"""Open data of an approved plan: the whole chain as JSON (with a JSON Schema in docs/), a CSV bundle and DCAT-AP."""

from __future__ import annotations

from renaksi.laporan.blok import Berkas
from renaksi.perencanaan.models import RencanaAksi


def berkas(*, rencana_aksi: RencanaAksi, format: str) -> Berkas:
    raise NotImplementedError  # being written (issue 17)
