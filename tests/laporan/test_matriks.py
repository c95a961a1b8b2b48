"""The Matriks Rencana Aksi as blocks (matriks.py): the Bangka seed's single table, for any plan.

Expected values are the seed's: the lists of tests/impor/test_seed_bangka.py and test_seed_samarinda.py (each
entry read off the seed, line cited there) and the lines cited below.
"""

from __future__ import annotations

import pytest

from renaksi.impor import api
from renaksi.laporan import matriks
from renaksi.laporan.blok import Tabel
from renaksi.perencanaan.models import RencanaAksi
from tests.conftest import SEED_BANGKA, SEED_SAMARINDA
from tests.helpers import rolled_back
from tests.impor import test_seed_bangka as bangka
from tests.impor import test_seed_samarinda as samarinda

from .blokutil import body, origins, signers, tables, tampil

pytestmark = pytest.mark.django_db

# The columns of the Bangka table (lines 5–6).
NO, SASARAN, INDIKATOR, SATUAN, TARGET, TW1, TW4, PROGRAM, KEGIATAN, SUB, ANGGARAN = 0, 1, 2, 3, 4, 5, 8, 9, 10, 11, 12


def _import(seed) -> RencanaAksi:
    plan = api.import_document(api.parse_document(seed.read_bytes(), seed.name)).rencana_aksi
    return RencanaAksi.objects.select_related("perangkat_daerah__pemda").get(pk=plan.pk)


@pytest.fixture(scope="module")
def docs(django_db_setup, django_db_blocker):
    with rolled_back(django_db_blocker):
        plans = {"bangka": _import(SEED_BANGKA), "samarinda": _import(SEED_SAMARINDA)}
        yield {name: matriks.dokumen(rencana_aksi=plan) for name, plan in plans.items()} | {"plans": plans}


def the_table(doc) -> Tabel:
    [t] = tables(doc)
    return t


def parts(t: Tabel) -> dict[str, list[int]]:
    """Sub-heading → the indexes of its body rows (total row included)."""
    out: dict[str, list[int]] = {}
    current = ""
    for i, b in enumerate(t.baris):
        if b.jenis == "subjudul":
            current = b.sel[0].nilai
            out[current] = []
        else:
            out[current].append(i)
    return out


def test_one_landscape_table_with_the_seeds_columns(docs):
    doc = docs["bangka"]
    assert len(doc.bagian) == 1 and doc.bagian[0].orientasi == "lanskap"
    t = the_table(doc)
    assert [c.nilai for c in t.kepala[0]] == ["NO", "SASARAN KINERJA", "INDIKATOR KINERJA", "SATUAN", "TARGET",
                                              "TRIWULAN", "PROGRAM", "KEGIATAN", "SUB KEGIATAN", "ANGGARAN (Rp)"]
    assert [c.nilai for c in t.kepala[1]] == ["I", "II", "III", "IV"]
    assert t.jumlah_kolom == 13 and len(t.lebar) == 13
    assert doc.judul == "Matriks Rencana Aksi Badan Kesatuan Bangsa dan Politik Kabupaten Bangka Tahun 2024"
    assert doc.draf and doc.nama_berkas == ("matriks-rencana-aksi-badan-kesatuan-bangsa-dan-politik-kabupaten-"
                                            "bangka-2024")


def test_four_stacked_parts_restart_their_numbering(docs):
    t = the_table(docs["bangka"])
    assert list(parts(t)) == ["A. Sasaran Strategis", "B. Sasaran Program", "C. Sasaran Kegiatan",
                              "D. Sasaran Sub Kegiatan"]
    g = body(t)
    first_numbers = [next(g[i][NO].nilai for i in rows if g[i][NO] is not None) for rows in parts(t).values()]
    assert first_numbers == ["1", "1", "1", "1"]  # lines 7, 13, 28, 57


def test_every_indikator_with_its_satuan_target_and_quarters(docs):
    t = the_table(docs["bangka"])
    g = body(t)
    starts = [i for i, line in enumerate(g) if line[INDIKATOR] is not None and t.baris[i].jenis == "data"]
    assert len(starts) == len(bangka.TARGETS) == 57
    for i, (line_no, name, yearly, quarters) in zip(starts, bangka.TARGETS, strict=True):
        line = g[i]
        assert line[INDIKATOR].nilai.startswith(name), line_no
        assert [tampil(c) for c in line[TARGET:TW4 + 1]] == [yearly, *quarters], line_no
    # Satuan as written: "Persen" (line 7), "Kategori/Nilai" (line 12), "2 Unit Kendaraan Roda empat, …" (line 82).
    assert [g[i][SATUAN].nilai for i in starts[:3]] == ["Persen", "Persen", "Kategori/Nilai"]
    assert g[starts[-3]][SATUAN].nilai == "2 Unit Kendaraan Roda empat, 5 Uni Kendaraan Roda dua"


def test_part_a_programs_and_their_total(docs):
    t = the_table(docs["bangka"])
    rows = parts(t)["A. Sasaran Strategis"]
    *data, total = rows
    g = body(t)
    assert [(g[i][PROGRAM].nilai, g[i][ANGGARAN].nilai) for i in data] == bangka.PROGRAMS  # lines 7–12
    assert all(g[i][ANGGARAN].format == "rupiah" for i in data)
    label, cell = t.baris[total].sel
    assert label.nilai == "Jumlah anggaran A. Sasaran Strategis" and t.baris[total].jenis == "total"
    assert cell.jumlah == tuple(data)
    assert cell.nilai == sum(p for _n, p in bangka.PROGRAMS) == 30_176_313_448
    assert tampil(cell) == "30.176.313.448"


def test_part_b_and_c_each_kegiatan_and_sub_kegiatan_once_in_the_total(docs):
    t = the_table(docs["bangka"])
    g = body(t)
    for judul, column, expected in [("B. Sasaran Program", KEGIATAN, bangka.KEGIATAN),
                                    ("C. Sasaran Kegiatan", SUB, bangka.SUB_KEGIATAN)]:
        *data, total = parts(t)[judul]
        cell = t.baris[total].sel[-1]
        named = [(g[i][column].nilai, g[i][ANGGARAN].nilai) for i in cell.jumlah]
        assert len(named) == len(expected), judul
        for (nama, pagu), (start, _parent, stated) in zip(named, expected, strict=True):
            assert start.lower() in nama.lower() and pagu == stated, (judul, start)
        assert cell.nilai == sum(p for _n, _i, p in expected), judul
    # Line 14–15: one kegiatan funds two indicators of sasaran 2; listed under both, counted once.
    *data, _total = parts(t)["B. Sasaran Program"]
    pendidikan = [i for i in data if "Pendidikan Politik" in (g[i][KEGIATAN].nilai or "")]
    assert len(pendidikan) == 2 and [g[i][ANGGARAN].nilai for i in pendidikan] == [27_144_383_200] * 2


def test_place_date_and_signature(docs):
    [kepala] = signers(docs["bangka"].bagian[0])
    # Line 86 "Sungailiat, Januari 2024" (no day: no date), lines 87–88 the jabatan, no name written (89–91).
    assert (kepala.tempat, kepala.tanggal, kepala.nama) == ("Sungailiat", None, "")
    assert kepala.jabatan == "Kepala Badan Kesatuan Bangsa dan Politik Kabupaten Bangka"


def test_any_plan_samarinda_funded_through_its_kegiatan(docs):
    """The Samarinda plan has aksi and states no program pagu (Tabel 2.3, lines 171–207): its matrix lists each
    program's kegiatan with the pagu of Tabel 2.3, and the total is the document's 59.059.304.998 (line 207)."""
    t = the_table(docs["samarinda"])
    assert list(parts(t)) == ["A. Sasaran Strategis"]
    *data, total = parts(t)["A. Sasaran Strategis"]
    g = body(t)
    cell = t.baris[total].sel[-1]
    assert [g[i][ANGGARAN].nilai for i in cell.jumlah] == samarinda.KEGIATAN_PAGU
    assert cell.nilai == samarinda.TOTAL == 59_059_304_998
    assert all(g[i][PROGRAM].nilai.startswith("Program ") for i in cell.jumlah)
    # Every indikator: the five of Tabel 2.4 (lines 223–227) and the four bidang pages' (lines 235–371).
    assert len(origins(Tabel(t.kepala, [t.baris[i] for i in data], t.lebar), INDIKATOR)) == 9
    [kepala] = signers(docs["samarinda"].bagian[0])
    assert (kepala.nama, kepala.nip) == ("SUCIPTO, S.Pd, M.Si.", "19670319 199702 1 003")  # lines 49–50


def test_draf_follows_the_status(docs):
    plan = RencanaAksi.objects.select_related("perangkat_daerah__pemda").get(pk=docs["plans"]["bangka"].pk)
    RencanaAksi.objects.filter(pk=plan.pk).update(status=RencanaAksi.Status.DISETUJUI)
    plan.refresh_from_db()
    assert not matriks.dokumen(rencana_aksi=plan).draf


def test_the_matrix_does_not_read_the_aksi_it_never_shows(world):
    """A large plan's aksi and their months are most of its rows: the matrix (no aksi column) leaves them unread."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        doc = matriks.dokumen(rencana_aksi=world.plan)
    assert tables(doc)
    selects = [q["sql"] for q in queries.captured_queries]
    assert not [sql for sql in selects if sql.startswith('SELECT "perencanaan_aksi".') or "aksibulan" in sql]
