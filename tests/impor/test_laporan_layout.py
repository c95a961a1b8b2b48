"""The report layout on a document it has never seen: other headers, separate columns, schedule marks kept."""

from __future__ import annotations

from decimal import Decimal

from renaksi.impor import api

MONTHS = "\t".join(["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
                    "Oktober", "November", "Desember"])
DOC = f"""RENCANA KERJA
DINAS KESEHATAN KABUPATEN CONTOH
RENCANA AKSI TAHUN 2025

Tabel 1
NO\tSasaran Strategis\tIndikator Kinerja\tTarget\tTW I\tTW II\tTW III\tTW IV
1\tMeningkatnya derajat kesehatan\tAngka kematian ibu\t90\t90\t90\t90\t90

Tabel 2
No\tProgram\tKegiatan\tSub Kegiatan\tPagu (Rp)
1\tProgram Pemenuhan Upaya Kesehatan\tPenyediaan Layanan Kesehatan\t\t1.500.000
\t\t\tPengelolaan Pelayanan Kesehatan Ibu\t1.000.000
\t\t\tPengelolaan Pelayanan Kesehatan Bayi\t500.000

BIDANG KESEHATAN MASYARAKAT
No\tUraian Aksi\tJadwal\t\t\t\t\t\t\t\t\t\t\t\tKeluaran\tSub Kegiatan\tTarget\tPagu
\t\t{MONTHS}\t\t\t\t
1\tKunjungan ibu hamil\tx\tx\tx\t\t\t\t\t\t\t\t\t\tLaporan kunjungan\tPengelolaan Pelayanan Kesehatan Ibu\t12 laporan\t1.000.000
2\tRapat evaluasi\t\t\tv\t\t\tv\t\t\tv\t\t\tv\tNotulen\t\t\t

Contoh, 5 Januari 2025
Kepala Bidang Kesehatan Masyarakat


dr. ANI LESTARI, M.Kes
Pembina Tingkat I (IV/b)
NIP 19800101 200501 2 003
"""


def test_unseen_report_layout():
    parsed = api.parse_document(DOC.encode(), "dinkes.txt")
    doc = parsed.dokumen
    assert parsed.layout == "laporan"
    assert (doc.perangkat_daerah.teks, doc.pemda_jenis, doc.pemda_nama, doc.tahun) == (
        "Dinas Kesehatan", "kabupaten", "Contoh", 2025)
    [program] = doc.program
    [kegiatan] = program.kegiatan
    assert (kegiatan.nama.teks, kegiatan.pagu.nilai) == ("Penyediaan Layanan Kesehatan", 1_500_000)
    assert [(s.nama.teks, s.pagu.nilai) for s in kegiatan.sub_kegiatan] == [
        ("Pengelolaan Pelayanan Kesehatan Ibu", 1_000_000), ("Pengelolaan Pelayanan Kesehatan Bayi", 500_000)]
    ibu = kegiatan.sub_kegiatan[0]
    assert [(a.uraian.teks, a.bulan, a.keluaran.teks) for a in ibu.aksi] == [
        ("Kunjungan ibu hamil", [1, 2, 3], "Laporan kunjungan"), ("Rapat evaluasi", [3, 6, 9, 12], "Notulen")]
    assert ibu.bidang == "Bidang Kesehatan Masyarakat" and ibu.target.angka.nilai == Decimal(12)
    assert [int(u.nilai) for u in ibu.pagu_lain] == [1_000_000]  # the same pagu, a second source
    [indikator] = [i for i in doc.all_indikator()]
    assert indikator.target.angka.nilai == Decimal(90)
    assert (indikator.polaritas, indikator.akumulasi) == ("negatif", "tetap")  # "angka kematian"; 90 each quarter
    [kabid] = doc.pejabat
    assert (kabid.nama.teks, kabid.pangkat, kabid.golongan, kabid.nip) == (
        "dr. ANI LESTARI, M.Kes", "Pembina Tingkat I", "IV/b", "198001012005012003")
    assert kabid.bidang == "Bidang Kesehatan Masyarakat" and kabid.kepala_bidang
    assert [a.penanggung_jawab.teks for a in ibu.aksi] == ["Kepala Bidang Kesehatan Masyarakat"] * 2
    assert not any(w.kode == "jadwal.kosong" for w in doc.warnings)
