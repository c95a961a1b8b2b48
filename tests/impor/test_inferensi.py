"""Polarity and accumulation inferred from names and targets, and marked as inferred."""

from decimal import Decimal

import pytest

from renaksi.core.angka import parse_angka
from renaksi.impor.dokumen import IndikatorDoc, NilaiSel, RencanaAksiDoc, SasaranDoc, Teks
from renaksi.impor.inferensi import infer, polaritas_of


@pytest.mark.parametrize("nama, target, polaritas", [
    ("Persentase temuan pengelolaan keuangan", Decimal(5), "negatif"),
    ("Angka kemiskinan", Decimal(9), "negatif"),
    ("Jumlah kasus pelanggaran perda", Decimal(3), "negatif"),
    ("Persentase penanganan kasus konflik sosial", Decimal(20), "positif"),
    ("Persentase penurunan angka kemiskinan", Decimal(2), "positif"),
    ("Indeks kepuasan masyarakat", Decimal(0), "negatif"),
    ("Indeks kepuasan masyarakat", Decimal(80), "positif"),
])
def test_polarity(nama, target, polaritas):
    assert polaritas_of(nama, target)[0] == polaritas


@pytest.mark.parametrize("nama, polaritas", [
    # what is handled, resolved or followed up is positive, whatever the noun
    ("Jumlah titik rawan kecelakaan yang ditangani", "positif"),
    ("Persentase kasus kekerasan terhadap anak yang tertangani", "positif"),
    ("Persentase tertanganinya kasus gangguan keamanan", "positif"),
    ("Persentase temuan BPK yang ditindaklanjuti", "positif"),
    ("Jumlah kasus pelanggaran perda yang diselesaikan", "positif"),
    ("Persentase sengketa dan kasus pertanahan yang terselesaikan", "positif"),
    ("Jumlah penduduk miskin yang dientaskan", "positif"),
    ("Jumlah balita stunting yang ditangani", "positif"),
    ("Persentase pengangguran yang ditangani melalui pelatihan kerja", "positif"),
    ("Persentase penanganan kasus konflik sosial", "positif"),
    ("Persentase penurunan angka kemiskinan", "positif"),
    ("Cakupan pencegahan kecelakaan kerja", "positif"),
    # the bad thing itself, or what is not (yet) handled, is negative
    ("Angka kecelakaan", "negatif"),
    ("Persentase penduduk miskin", "negatif"),
    ("Tingkat pengangguran terbuka", "negatif"),
    ("Prevalensi stunting", "negatif"),
    ("Jumlah kasus gizi buruk", "negatif"),
    ("Luas kawasan kumuh", "negatif"),
    ("Persentase temuan yang belum ditindaklanjuti", "negatif"),
    ("Jumlah kasus yang tidak dapat diselesaikan", "negatif"),
    # nothing bad named
    ("Indeks kepuasan masyarakat", "positif"),
    ("Persentase jumlah Organisasi Masyarakat yang diberdayakan", "positif"),
])
def test_polarity_of_what_is_handled(nama, polaritas):
    """A negative noun (kecelakaan, kemiskinan, stunting …) makes an indikator "lower is better", unless the
    indikator counts what is done about it, written before the noun or after it."""
    assert polaritas_of(nama, Decimal(10))[0] == polaritas


def indikator(nama: str, tahunan: str, *tw: str) -> IndikatorDoc:
    cell = lambda t: NilaiSel(parse_angka(t))  # noqa: E731
    return IndikatorDoc(Teks(nama), target=cell(tahunan), triwulan=[cell(t) for t in tw] or [None] * 4)


def test_infer_fills_and_marks_only_what_is_not_stated():
    doc = RencanaAksiDoc("uji.txt")
    stated = indikator("Persentase A", "80", "20", "20", "20", "20")
    stated.akumulasi, stated.polaritas = "rata_rata", "positif"
    tetap = indikator("Indeks B", "64.78", "16.20", "16.20", "16.20", "16.20")
    kategori = indikator("Hasil Evaluasi AKIP", "B (67,34)", "0", "0", "0", "B (67,34)")
    broken = indikator("Jumlah laporan", "12", "23", "23", "23", "23")
    doc.sasaran.append(SasaranDoc(Teks("S"), indikator=[stated, tetap, kategori, broken]))
    infer(doc)
    assert (stated.akumulasi, stated.akumulasi_disimpulkan, stated.polaritas_disimpulkan) == ("rata_rata", False, False)
    assert (tetap.akumulasi, tetap.akumulasi_disimpulkan) == ("kumulatif", True)
    assert kategori.jenis_target == "kategori" and tetap.jenis_target == "angka"
    assert broken.akumulasi == "kumulatif" and "tidak ada jenis" in broken.alasan_inferensi
    kinds = [d.kode for d in doc.decisions]
    assert kinds.count("indikator.akumulasi") == 1 and kinds[-1] == "indikator.inferensi"


@pytest.mark.parametrize("satuan, tahunan, tw, akumulasi", [
    ("Dokumen", "1", ("0", "0", "0", "1"), "kumulatif"),  # a count: not "tetap" by rounding tolerance
    ("paket", "1", ("0", "0", "2", "0"), None),  # fits nothing
    ("Persen", "64.78", ("16.20", "16.20", "16.20", "16.20"), "kumulatif"),  # rounding tolerance kept
    ("Laporan", "12", ("3", "3", "3", "3"), "kumulatif"),
    ("Orang", "18", ("18", "18", "18", "18"), "tetap"),
])
def test_counts_are_compared_exactly(satuan, tahunan, tw, akumulasi):
    ind = indikator("Jumlah X", tahunan, *tw)
    ind.satuan = Teks(satuan)
    doc = RencanaAksiDoc("uji.txt")
    doc.sasaran.append(SasaranDoc(Teks("S"), indikator=[ind]))
    infer(doc)
    assert ind.akumulasi == (akumulasi or "kumulatif")
    assert ("tidak ada jenis" in ind.alasan_inferensi) == (akumulasi is None)
