"""Synthetic documents for the format tests: every kind of block and the awkward cases a layout may produce, with no
database behind them (the formatters know nothing about plans)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from renaksi.laporan.blok import (
    Bagian,
    Baris,
    Dokumen,
    Gambar,
    Judul,
    Paragraf,
    Penandatangan,
    Sel,
    Tabel,
    TandaTangan,
)

PAGU = [59_059_304_998, 1_250_000_000, 730_500_000, 2_000_000]
LONG_ROWS = 120

KEPALA_DINAS = Penandatangan(jabatan="Kepala Dinas Pendidikan", nama="Dr. H. Asli Nuryadin, M.Pd.",
                             pangkat_golongan="Pembina Utama Muda (IV/c)", nip="19700101 199003 1 001",
                             tempat="Samarinda", tanggal=date(2024, 1, 2), keterangan="PIHAK PERTAMA")
WALI_KOTA = Penandatangan(jabatan="Wali Kota Samarinda", nama="Dr. H. Andi Harun", keterangan="PIHAK KEDUA")
KABID = Penandatangan(jabatan="Plt. Kepala Bidang Pembinaan SD", nama="Siti Aminah, S.Pd.",
                      pangkat_golongan="Penata Tk. I (III/d)", nip="19800202 200501 2 002",
                      tempat="Samarinda", tanggal=date(2024, 1, 2))


def tabel_iku() -> Tabel:
    """Merged header (No and Indikator over two rows, Target over four columns), a sasaran merged over two rows,
    a subjudul row, and totals over non-contiguous body rows (the subjudul is skipped)."""
    kepala = [
        [Sel("No", rowspan=2), Sel("Sasaran", rowspan=2), Sel("Indikator", rowspan=2),
         Sel("Target", colspan=4), Sel("Capaian", rowspan=2), Sel("Pagu (Rp)", rowspan=2)],
        [Sel("TW I"), Sel("TW II"), Sel("TW III"), Sel("TW IV")],
    ]
    baris = [
        Baris([Sel("Program Pendidikan", colspan=9)], jenis="subjudul"),  # 0
        Baris([Sel(1), Sel("Meningkatnya mutu pendidikan", rowspan=2), Sel("Angka partisipasi murni"),
               Sel(Decimal("25.5"), "angka", 2), Sel(Decimal("50"), "angka", 2), Sel(Decimal("75.25"), "angka", 2),
               Sel(Decimal("100"), "angka", 2), Sel(Decimal("29.17"), "persen", 2),
               Sel(PAGU[0], "rupiah")]),  # 1
        Baris([Sel(2), Sel("Rata-rata lama sekolah"), Sel(None), Sel("-"), Sel(Decimal("8.1"), "angka", 1),
               Sel(Decimal("8.12"), "angka", 2), Sel(Decimal("100.00"), "persen", 2), Sel(PAGU[1], "rupiah")]),  # 2
        Baris([Sel("Program Kebudayaan", colspan=9)], jenis="subjudul"),  # 3
        Baris([Sel(3), Sel("=1+1 bukan rumus"), Sel("Indeks kebudayaan", isi_latar="C6EFCE"),
               Sel(Decimal("1.5")), Sel(2), Sel(3), Sel(4), Sel(Decimal("12.345"), "persen", 2),
               Sel(PAGU[2], "rupiah")]),  # 4
        Baris([Sel("Jumlah", colspan=8, tebal=True, rata="tengah"),
               Sel(PAGU[0] + PAGU[1] + PAGU[2], "rupiah", jumlah=(1, 2, 4))], jenis="total"),  # 5
    ]
    return Tabel(kepala=kepala, baris=baris, lebar=[4, 20, 24, 7, 7, 7, 7, 8, 14],
                 judul="Tabel 2.1 Indikator Kinerja Utama dan Target Triwulan", catatan="Sumber: Renstra 2021-2026")


def tabel_panjang() -> Tabel:
    """A long table (more rows than a page) whose totals add every other row and a whole column."""
    baris = [Baris([Sel(f"{i + 1}.{'0' * (i % 3)}"), Sel(f"Sub kegiatan nomor {i + 1} " + "dengan nama panjang " * 3),
                    Sel(1_000_000 * (i + 1), "rupiah"), Sel(Decimal(i) / 4, "angka", 2)])
             for i in range(LONG_ROWS)]
    odd = tuple(range(1, LONG_ROWS, 2))
    baris.append(Baris([Sel("Jumlah baris genap", colspan=2), Sel(sum(1_000_000 * (i + 1) for i in odd), "rupiah",
                                                                   jumlah=odd), Sel(None)], jenis="total"))
    everything = tuple(range(LONG_ROWS))
    baris.append(Baris([Sel("Jumlah", colspan=2),
                        Sel(sum(1_000_000 * (i + 1) for i in everything), "rupiah", jumlah=everything),
                        Sel(sum((Decimal(i) / 4 for i in everything), Decimal(0)), "angka", 2,
                            jumlah=everything)], jenis="total"))
    return Tabel(kepala=[[Sel("Kode"), Sel("Sub kegiatan"), Sel("Pagu (Rp)"), Sel("Bobot")]], baris=baris,
                 lebar=[8, 50, 16, 10], judul="Tabel 2.3 Program, Kegiatan dan Sub Kegiatan")


def tabel_lebar(kolom: int = 40) -> Tabel:
    return Tabel(kepala=[[Sel(f"K{i}") for i in range(kolom)]],
                 baris=[Baris([Sel(i * 10) for i in range(kolom)])], lebar=[1] * kolom,
                 judul="Tabel 2.3 Program, Kegiatan dan Sub Kegiatan")  # the same title again: a name collision


def dokumen(*, draf: bool = False) -> Dokumen:
    teks_panjang = ("Rencana aksi ini disusun sebagai penjabaran perjanjian kinerja. " * 60).strip()
    return Dokumen(
        judul="Rencana Aksi Dinas Pendidikan Kota Samarinda Tahun 2024",
        nama_berkas="rencana-aksi-disdik-samarinda-2024",
        draf=draf,
        pembuat="Dinas Pendidikan Kota Samarinda",
        subjek="Rencana Aksi",
        kata_kunci=["rencana aksi", "SAKIP"],
        bagian=[
            Bagian(blok=[Judul("RENCANA AKSI"), Paragraf("Dinas Pendidikan\nKota Samarinda", rata="tengah"),
                         Paragraf("Tahun 2024", rata="tengah")], sampul=True),
            Bagian(blok=[Judul("BAB I PENDAHULUAN"), Judul("1.1 Latar Belakang", tingkat=2),
                         Paragraf(f"Paragraf pertama.\n\n{teks_panjang}\n\nParagraf ketiga.")]),
            Bagian(blok=[Judul("BAB II RENCANA AKSI"), Paragraf("Tabel berikut memuat IKU."), tabel_iku(),
                         Gambar(svg="<svg/>", alt="Pohon kinerja",
                                cadangan=Tabel(kepala=[[Sel("Tingkat"), Sel("Uraian")]],
                                               baris=[Baris([Sel("Sasaran"), Sel("Mutu pendidikan")])],
                                               lebar=[1, 3])),
                         Gambar(svg="<svg/>", alt="Bagan tanpa tabel cadangan")],
                   orientasi="lanskap"),
            Bagian(blok=[Judul("2.3 Program", tingkat=2), tabel_panjang(),
                         TandaTangan([KEPALA_DINAS, WALI_KOTA])], orientasi="lanskap", ukuran="A3"),
            Bagian(blok=[tabel_lebar(), Tabel(kepala=[], baris=[], lebar=[], judul="Tabel kosong"),
                         Tabel(kepala=[[Sel("A"), Sel("B")]], baris=[], lebar=[1, 1], judul="Tabel tanpa baris"),
                         TandaTangan([KABID])], orientasi="lanskap"),
            Bagian(blok=[Judul("BAB III PENUTUP"), Paragraf("Demikian rencana aksi ini disusun."),
                         TandaTangan([KEPALA_DINAS])]),
        ],
    )
