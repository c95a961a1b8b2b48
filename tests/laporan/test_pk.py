"""The Perjanjian Kinerja of both seeds, as data and as blocks.

Samarinda (`003_a1ceddc45d39290c.txt`): Tabel 2.2 (lines 156–165) holds the PK's lines; it names no parties, and
the document is signed (lines 42–50) by the Kepala Badan SUCIPTO, NIP 19670319 199702 1 003, "Samarinda, 2 Januari
2024", whom the importer records as pihak pertama; Tabel 2.3 (lines 171–207) gives pagu from the kegiatan down,
total 59.059.304.998 (line 207). Bangka (`000_39d5d68d180aad9c.txt`) has no PK: its section A (lines 7–12) gives
the strategic indicators, targets and programs with ANGGARAN; "Sungailiat, Januari 2024" (line 86), no names.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from renaksi.laporan import blok, pk
from renaksi.perencanaan.models import RencanaAksi
from tests.conftest import SEED_BANGKA, SEED_SAMARINDA
from tests.factories import make_plan
from tests.helpers import rolled_back

from .seeds import import_seed

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def plans(django_db_setup, django_db_blocker):
    with rolled_back(django_db_blocker):
        yield {"samarinda": import_seed(SEED_SAMARINDA).pk, "bangka": import_seed(SEED_BANGKA).pk}


def plan(plans, name) -> RencanaAksi:
    return RencanaAksi.objects.select_related("perangkat_daerah__pemda").get(pk=plans[name])


SASARAN_SAMARINDA = ("Meningkatnya Penguatan dan Pemahaman Ideologi Pancasila sebagai Karakter Kebangsaan Bangsa, "
                     "Politik, Sosial Budaya dan Keagamaan serta Penguatan Konflik Sosial")  # line 161
PK_SAMARINDA = [  # lines 161–165: indikator, target as written
    # Line 161's indicator is linked to the IKU of Tabel 2.1 (line 148) and printed with that name.
    ("Presentase jumlah masyarakat yang sudah diberikan pemahaman mengenai Ideologi Bangsa dan Wawasan Kebangsaan",
     "29,17%"),
    ("Persentase jumlah Peserta Pendidikan, Pengembangan dan Budaya Politik", "100%"),
    ("Persentase jumlah Organisasi Masyarakat yang diberdayakan", "15,85%"),
    ("Persentase Pertumbuhan Ekonomi, Sosial dan Budaya", "40%"),
    ("Persentase penanganan kasus konflik social di Masyarakat", "20%"),
]
PROGRAM_SAMARINDA = [  # Tabel 2.3: the programs (no pagu of their own) and their kegiatan's pagu
    ("Program Penguatan Ideologi Pancasila Dan Karakter Kebangsaan", 2_718_270_000),  # line 172
    ("Program Peningkatan Peran Partai Politik Dan Lembaga Pendidikan Melalui Pendidikan Politik Dan Pengembangan "
     "Etika Serta Budaya Politik", 53_943_679_550),  # line 178
    ("Program Pemberdayaan Dan Pengawasan Organisasi Kemasyarakatan", 345_000_000),  # line 194
    ("Program Pembinaan Dan Pengembangan Ketahanan Ekonomi, Sosial, Dan Budaya", 1_283_500_000),  # line 196
    ("Program Peningkatan Kewaspadaan Nasional Dan Peningkatan Kualitas Dan Fasilitas Penanganan Konflik Sosial",
     768_855_448),  # line 203
]
PROGRAM_BANGKA = [  # lines 7–12, ANGGARAN as written
    ("Program Penguatan Ideologi Pancasila dan Karakter Kebangsaan", 1_030_000),
    ("Program Pembinaan dan Pengembangan Ketahanan Ekonomi, Sosial, dan Budaya", 165_000_000),
    ("Program Peningkatan Kewaspadaan Nasional dan Peningkatan Kualitas dan Fasilitasi Penanganan Konflik Sosial",
     125_000_000),
    ("Program Peningkatan Peran Partai Politik dan Lembaga Pendidikan Melalui Pendidikan Politik dan Pengembangan "
     "Etika Serta Budaya Politik", 27_144_383_200),
    ("Program Pemberdayaan dan Pengawasan Organisasi Kemasyarakatan", 20_000_000),
    ("Program Penunjang Urusan Pemerintahan Daerah", 2_720_900_248),
]


def test_samarinda_pk_rows_parties_and_budget(plans):
    doc = pk.perjanjian_kinerja(rencana_aksi=plan(plans, "samarinda"))

    assert doc.dari_pk and doc.jenis == "murni" and doc.draf
    assert [(r.nomor, r.sasaran) for r in doc.sasaran] == [(str(n), SASARAN_SAMARINDA) for n in range(1, 6)]
    assert [r.sasaran_rowspan for r in doc.sasaran] == [5, 0, 0, 0, 0]
    assert [(r.indikator, r.target.tampil) for r in doc.sasaran] == PK_SAMARINDA
    assert doc.sasaran[0].target.nilai == Decimal("29.17")

    pertama = doc.pihak_pertama
    assert (pertama.nama, pertama.nip, pertama.jabatan) == (
        "SUCIPTO, S.Pd, M.Si.", "196703191997021003", "Kepala Badan Kesatuan Bangsa dan Politik Kota Samarinda")
    assert not pertama.pelaksana
    # The document names no pihak kedua: the head of the region, name left blank to be written.
    assert (doc.pihak_kedua.jabatan, doc.pihak_kedua.nama, doc.pihak_kedua.nip) == ("Wali Kota Samarinda", "", "")
    assert (doc.tempat, doc.tanggal) == ("Samarinda", dt.date(2024, 1, 2))

    assert [(r.program, r.anggaran) for r in doc.program] == PROGRAM_SAMARINDA
    assert all(r.dari_kegiatan for r in doc.program)
    assert doc.total_anggaran == 59_059_304_998  # line 207, "Total Pagu Anggaran"


def test_samarinda_pk_blocks(plans):
    doc = pk.dokumen(rencana_aksi=plan(plans, "samarinda"))

    assert doc.draf and doc.nama_berkas == "perjanjian-kinerja-badan-kesatuan-bangsa-dan-politik-kota-samarinda-2024"
    pernyataan, lampiran = doc.bagian
    judul = [b.teks for b in pernyataan.blok if isinstance(b, blok.Judul)]
    assert judul == ["PERJANJIAN KINERJA TAHUN 2024", "BADAN KESATUAN BANGSA DAN POLITIK KOTA SAMARINDA"]
    teks = [b.teks for b in pernyataan.blok if isinstance(b, blok.Paragraf)]
    assert teks[0].startswith("Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan "
                              "akuntabel serta berorientasi pada hasil, kami yang bertanda tangan di bawah ini:")
    assert teks[1:5] == ["Nama : SUCIPTO, S.Pd, M.Si.",
                         "Jabatan : Kepala Badan Kesatuan Bangsa dan Politik Kota Samarinda",
                         "NIP : 19670319 199702 1 003", "selanjutnya disebut pihak pertama."]
    assert "Jabatan : Wali Kota Samarinda" in teks
    assert "selaku atasan pihak pertama, selanjutnya disebut pihak kedua." in teks

    (ttd,) = [b for b in pernyataan.blok if isinstance(b, blok.TandaTangan)]
    kedua, pertama = ttd.penandatangan
    assert (kedua.keterangan, kedua.jabatan, kedua.tanggal) == ("PIHAK KEDUA,", "Wali Kota Samarinda", None)
    assert (pertama.keterangan, pertama.nama, pertama.nip, pertama.tempat, pertama.tanggal) == (
        "PIHAK PERTAMA,", "SUCIPTO, S.Pd, M.Si.", "19670319 199702 1 003", "Samarinda", dt.date(2024, 1, 2))

    sasaran, program = [b for b in lampiran.blok if isinstance(b, blok.Tabel)]
    assert [c.nilai for c in sasaran.kepala[0]] == ["No", "Sasaran Strategis", "Indikator Kinerja", "Target"]
    assert sasaran.baris[0].sel[1].rowspan == 5 and len(sasaran.baris[1].sel) == 3  # the covered cell is absent
    assert [b.sel[-1].nilai for b in sasaran.baris] == [t for _i, t in PK_SAMARINDA]
    assert sasaran.catatan == ""
    *rows, total = program.baris
    assert [r.sel[2].nilai for r in rows] == [a for _p, a in PROGRAM_SAMARINDA]
    assert all(r.sel[2].format == "rupiah" for r in rows)
    assert total.jenis == "total"
    assert (total.sel[-1].nilai, total.sel[-1].jumlah) == (59_059_304_998, (0, 1, 2, 3, 4))
    assert sum(r.sel[2].nilai for r in rows) == total.sel[-1].nilai
    assert "jumlah pagu kegiatannya" in program.catatan
    assert any(isinstance(b, blok.TandaTangan) for b in lampiran.blok)


def test_bangka_without_pk_draws_the_attachment_from_its_strategic_indicators(plans):
    doc = pk.perjanjian_kinerja(rencana_aksi=plan(plans, "bangka"))

    assert not doc.dari_pk
    assert [(r.sasaran, r.indikator, r.target.tampil) for r in doc.sasaran] == [
        ("Menurunnya Potensi Konflik Sosial di Masyarakat", "Persentase Potensi Konflik Sosial yang terjadi", "80"),
        ("Meningkatnya Kesadaran Politik dan Organisasi Kemasyarakatan",
         "Persentase Tingkat Partisipasi Masyarakat dalam Pemilu/Pemilukada", "70"),
        ("Meningkatnya Akuntabilitas Kinerja Perangkat Daerah", "Hasil Evaluasi AKIP Perangkat Daerah", "B (67,34)"),
    ]  # lines 7, 10, 12
    assert [(r.program, r.anggaran) for r in doc.program] == PROGRAM_BANGKA
    assert not any(r.dari_kegiatan for r in doc.program)
    assert doc.total_anggaran == 30_176_313_448 == sum(a for _p, a in PROGRAM_BANGKA)
    # Nobody is named (lines 86–88): the jabatan of both parties, blank names; place without a day.
    assert (doc.pihak_pertama.jabatan, doc.pihak_pertama.nama) == (
        "Kepala Badan Kesatuan Bangsa dan Politik Kabupaten Bangka", "")
    assert (doc.pihak_kedua.jabatan, doc.pihak_kedua.nama) == ("Bupati Bangka", "")
    assert (doc.tempat, doc.tanggal) == ("Sungailiat", None)

    layout = pk.layout(doc)
    sasaran, program = [b for b in layout.bagian[1].blok if isinstance(b, blok.Tabel)]
    assert "belum dicatat" in sasaran.catatan
    assert program.baris[-1].sel[-1].nilai == 30_176_313_448 and program.catatan == ""


def test_an_approved_plan_is_not_a_draft(world):
    RencanaAksi.objects.filter(pk=world.plan.pk).update(status=RencanaAksi.Status.DISETUJUI)
    assert not pk.dokumen(rencana_aksi=RencanaAksi.objects.get(pk=world.plan.pk)).draf


def test_a_constant_number_of_queries(world):
    counts = []
    for n in (3, 30):
        p = make_plan(world.pd, tahun=2030 + n, n_sub_kegiatan=n)
        with CaptureQueriesContext(connection) as ctx:
            pk.dokumen(rencana_aksi=p)
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1], counts
