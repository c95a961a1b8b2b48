"""Re-importing Renaksi's own LKjIP: Tabel 3.1 marks an IKU by writing " (IKU)" after its name
(`renaksi.laporan.lkjip.tabel_capaian`); the marker is not part of the name, so every row matches the plan's
indikator by its name, exactly (`teks.pisah_iku`)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from renaksi.impor import api, realisasi
from renaksi.impor.teks import pisah_iku
from renaksi.laporan.ekspor import ekspor
from renaksi.perencanaan.models import Indikator
from tests.conftest import SEED_SAMARINDA
from tests.laporan.seeds import import_seed
from tests.laporan.test_lkjip import IKU_1, _open, _report

from . import bentuk_pk

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("tertulis, nama, iku", [
    ("Persentase penduduk miskin (IKU)", "Persentase penduduk miskin", True),
    ("Persentase penduduk miskin(IKU)", "Persentase penduduk miskin", True),
    ("Indeks kepuasan masyarakat ( iku )", "Indeks kepuasan masyarakat", True),
    ("Jumlah IKU yang dicapai", "Jumlah IKU yang dicapai", False),
    ("Persentase (IKU) capaian", "Persentase (IKU) capaian", False),
])  # fmt: skip
def test_pisah_iku(tertulis, nama, iku):
    assert pisah_iku(tertulis) == (nama, iku)


def test_lkjip_of_a_seed_imports_back_as_realisasi_with_every_indikator_matched():
    plan = import_seed(SEED_SAMARINDA)
    _open(plan)
    _report(plan)
    data = ekspor(rencana_aksi=plan, laporan="lkjip", format="xlsx").isi
    parsed = realisasi.parse_realisasi(data, "lkjip.xlsx")
    assert parsed is not None
    rows = parsed.dokumen.indikator
    assert any(r.nama.teks.endswith(" (IKU)") for r in rows)  # the export marks the IKU
    values, decisions, warnings = realisasi.match(parsed.dokumen, plan)
    assert [
        d.kode for d in decisions if d.kode.startswith("monev.nama")
    ] == []  # matched by name, not "mirip"
    iku = Indikator.objects.get(rencana_aksi=plan, nama=IKU_1)
    assert [(v.triwulan, v.nilai) for v in values if v.objek == iku] == [(4, Decimal("29.2"))]  # the year's
    # Every row is matched (a row that is not is a `monev.tidak_cocok` warning), except the four bidang indikator
    # the seed names alike (lines 235, 294, 338, 371): Tabel 3.1 does not print the bidang, so they cannot be told
    # apart, and the warning says so.
    assert len(rows) == 9
    assert [w.kode for w in warnings] == ["monev.nama_ganda"] * 4


def test_a_monev_table_names_the_indikator_without_the_marker_and_marks_it_iku():
    """An LKjIP-like Word table read as a plan document (the monev kind): the marker is not part of the name."""
    header = ["NO", "SASARAN STRATEGIS", "INDIKATOR KINERJA", "SATUAN", "TARGET",
              "Realisasi TW I", "Realisasi TW II", "Realisasi TW III", "Realisasi TW IV"]  # fmt: skip
    data = bentuk_pk.pk(judul="LAPORAN KINERJA TAHUN 2024", sasaran=[header,
        ["1", "Meningkatnya kualitas layanan", "Indeks kepuasan masyarakat (IKU)", "Indeks", "80", "20", "40", "", ""],
        ["2", "", "Jumlah pengaduan yang ditindaklanjuti", "Kasus", "12", "3", "6", "", ""]])  # fmt: skip
    doc = api.parse_document(data, "lkjip.docx").dokumen
    assert [(i.nama.teks, i.is_iku) for i in doc.all_indikator()] == [
        ("Indeks kepuasan masyarakat", True), ("Jumlah pengaduan yang ditindaklanjuti", False)]  # fmt: skip
    assert [r.nama.teks for r in doc.realisasi] == [
        "Indeks kepuasan masyarakat",
        "Jumlah pengaduan yang ditindaklanjuti",
    ]
