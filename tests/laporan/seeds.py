"""Both seeds imported once per test module (rolled back afterwards), for the document builders' tests."""

from __future__ import annotations

from pathlib import Path

from renaksi.impor import api
from renaksi.perencanaan.models import RencanaAksi


def import_seed(seed: Path) -> RencanaAksi:
    """The seed imported as its document names it (Pemda and PD from the title), as a draft."""
    return api.import_document(api.parse_document(seed.read_bytes(), seed.name)).rencana_aksi
