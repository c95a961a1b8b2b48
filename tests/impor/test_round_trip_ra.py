"""Our own RA document (`LAPORAN["ra"]`) as an import source: the Samarinda seed's plan exported as the RA DOCX and
XLSX imports back to the same plan (the PDF: `test_round_trip_property`).

The RA document prints neither the notes the seed's import left on its rows (`catatan`: "Ditulis juga sebagai …",
the Renstra target) nor the plan's stored title, which names the Pemda the copy is imported into: both are left out
of the comparison."""

from __future__ import annotations

import pytest
from django.db import transaction

from renaksi.impor import api
from renaksi.laporan.ekspor import ekspor
from tests.conftest import SEED_SAMARINDA
from tests.factories import make_pd
from tests.helpers import diff_dumps, dump_plan

XLSX_DIFFERS = (
    "the XLSX RA document puts the report's parts on sheets of their own: a bidang's heading, its aksi tables and "
    "its signature stand on different sheets (sub kegiatan lose their bidang and indikator, aksi their penanggung "
    "jawab); the list of sasaran strategis is one cell of several lines (a sasaran is missing); the signature "
    "blocks stand in column B (penandatangan, tempat, tanggal and the PK's first party are not read); percentages "
    "are numbers without '%' (target text '29.17' for '29,17%')"
)


def _tanpa_catatan(dump):
    if isinstance(dump, dict):
        return {k: _tanpa_catatan(v) for k, v in dump.items() if k != "catatan"}
    if isinstance(dump, list):
        return [_tanpa_catatan(v) for v in dump]
    return dump


def _dump(plan) -> dict:
    dump = _tanpa_catatan(dump_plan(plan))
    dump["rencana_aksi"].pop("judul")
    return dump


@pytest.mark.parametrize(
    "fmt", ["docx", pytest.param("xlsx", marks=pytest.mark.xfail(strict=True, reason=XLSX_DIFFERS))]
)
def test_the_seed_exported_as_the_ra_document_imports_back_the_same(db, fmt):
    with transaction.atomic():
        plan = api.import_document(
            api.parse_document(SEED_SAMARINDA.read_bytes(), SEED_SAMARINDA.name),
            perangkat_daerah=make_pd("Kesbangpol", pemda="Asal"),
        ).rencana_aksi
        berkas = ekspor(rencana_aksi=plan, laporan="ra", format=fmt)
        parsed = api.parse_document(berkas.isi, berkas.nama)
        copy = api.import_document(
            parsed, perangkat_daerah=make_pd("Kesbangpol", pemda="Salinan")
        ).rencana_aksi
        differences = diff_dumps(_dump(plan), _dump(copy))
        transaction.set_rollback(True)
    assert parsed.layout == "laporan"
    assert not differences, "\n".join(differences)
