"""The Dokumen Rencana Aksi on factory plans (tests/factories.py): what the seeds cannot show — the month marks
(their schedule shading was lost in the text copy) and a perubahan's cover. Kept apart from test_ra_dokumen.py,
whose imported seeds hold the PD and year that make_two_bidang_plan() creates."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from renaksi.laporan import matriks, ra
from renaksi.perencanaan import services
from tests.factories import make_plan

from .blokutil import body, tables, tampil, texts

pytestmark = pytest.mark.django_db


def test_month_marks_are_a_tick_on_a_filled_cell(two_bidang_plan):
    """The seeds' schedules did not survive their text copy: the Samarinda-like factory plan has months."""
    doc = ra.dokumen(rencana_aksi=two_bidang_plan.plan)
    ideologi = next(b for b in doc.bagian if texts(b)[1:2] and texts(b)[1].startswith("BIDANG IDEOLOGI"))
    koordinasi = tables(ideologi)[1]
    second = body(koordinasi)[1]  # factories.make_two_bidang_plan: months 3, 4 and 12
    marks = [bool(c.nilai) for c in second[2:14]]
    assert marks == [False, False, True, True] + [False] * 7 + [True]
    assert {(c.nilai, c.isi_latar) for c in second[2:14] if c.nilai} == {(ra.JADWAL, ra.JADWAL_LATAR)}
    assert [tampil(c) for c in koordinasi.kepala[2]] == ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu",
                                                         "Sep", "Okt", "Nov", "Des"]


def test_perubahan_shows_its_version_on_the_cover(world):
    plan = services.rencana_aksi_create(perangkat_daerah=world.pd, tahun=2025, versi=2)
    doc = ra.dokumen(rencana_aksi=plan)
    assert "PERUBAHAN 1" in texts(doc.bagian[0])
    assert doc.judul.endswith("(Perubahan 1)") and doc.nama_berkas.endswith("-2025-perubahan-1")


@pytest.mark.parametrize("build", [ra.dokumen, matriks.dokumen], ids=["ra", "matriks"])
def test_documents_read_a_constant_number_of_queries(world, build):
    counts = []
    for n in (3, 40):
        plan = make_plan(world.pd, tahun=2030 + n, n_sub_kegiatan=n)
        with CaptureQueriesContext(connection) as ctx:
            doc = build(rencana_aksi=plan)
        assert tables(doc)  # (make_plan links no sub kegiatan to an indikator: its matrix does not grow)
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1], counts
