"""What a synthetic Pemda is made of: real PD names with their bidang urusan code, bidang, people's names, and the
wording of sasaran, indikator and aksi. Plain data; `generator.py` draws from it with a seeded `random.Random`."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PdSpec:
    nama: str
    singkatan: str
    kode_urusan: str  # bidang urusan (Permendagri 90/2019)
    topik: str  # what its sasaran are about ("pelayanan pendidikan")
    bidang: tuple[str, ...]


_UMUM = ("Bidang Perencanaan dan Pengembangan", "Bidang Pelayanan", "Bidang Pengendalian dan Evaluasi")

# A kota's perangkat daerah, in the order a Pemda lists them. The first bidang of every PD is its Sekretariat.
PERANGKAT_DAERAH: tuple[PdSpec, ...] = (
    PdSpec("Dinas Pendidikan", "Disdik", "1.01", "pelayanan pendidikan dasar",
           ("Bidang Pembinaan Sekolah Dasar", "Bidang Pembinaan Sekolah Menengah Pertama",
            "Bidang Pendidikan Anak Usia Dini dan Nonformal", "Bidang Guru dan Tenaga Kependidikan")),
    PdSpec("Dinas Kesehatan", "Dinkes", "1.02", "derajat kesehatan masyarakat",
           ("Bidang Kesehatan Masyarakat", "Bidang Pencegahan dan Pengendalian Penyakit",
            "Bidang Pelayanan dan Sumber Daya Kesehatan")),
    PdSpec("Dinas Pekerjaan Umum dan Penataan Ruang", "DPUPR", "1.03", "infrastruktur jalan dan drainase",
           ("Bidang Bina Marga", "Bidang Sumber Daya Air", "Bidang Penataan Ruang", "Bidang Cipta Karya")),
    PdSpec("Dinas Perumahan dan Kawasan Permukiman", "Disperkim", "1.04", "kualitas kawasan permukiman",
           ("Bidang Perumahan", "Bidang Kawasan Permukiman", "Bidang Pertanahan")),
    PdSpec("Satuan Polisi Pamong Praja", "Satpol PP", "1.05", "ketenteraman dan ketertiban umum",
           ("Bidang Penegakan Perundang-undangan Daerah", "Bidang Ketertiban Umum", "Bidang Perlindungan Masyarakat")),
    PdSpec("Dinas Sosial", "Dinsos", "1.06", "perlindungan dan jaminan sosial",
           ("Bidang Rehabilitasi Sosial", "Bidang Perlindungan dan Jaminan Sosial", "Bidang Pemberdayaan Sosial")),
    PdSpec("Badan Penanggulangan Bencana Daerah", "BPBD", "1.05", "kesiapsiagaan terhadap bencana",
           ("Bidang Pencegahan dan Kesiapsiagaan", "Bidang Kedaruratan dan Logistik", "Bidang Rehabilitasi dan "
            "Rekonstruksi")),
    PdSpec("Dinas Tenaga Kerja", "Disnaker", "2.07", "penempatan dan perlindungan tenaga kerja",
           ("Bidang Pelatihan dan Produktivitas", "Bidang Penempatan Tenaga Kerja", "Bidang Hubungan Industrial")),
    PdSpec("Dinas Pemberdayaan Perempuan dan Perlindungan Anak", "DP3A", "2.08", "perlindungan perempuan dan anak",
           ("Bidang Kualitas Hidup Perempuan", "Bidang Perlindungan Anak", "Bidang Data dan Informasi Gender")),
    PdSpec("Dinas Ketahanan Pangan", "DKP", "2.09", "ketersediaan dan keamanan pangan",
           ("Bidang Ketersediaan Pangan", "Bidang Distribusi dan Cadangan Pangan", "Bidang Konsumsi dan Keamanan "
            "Pangan")),
    PdSpec("Dinas Lingkungan Hidup", "DLH", "2.11", "kualitas lingkungan hidup",
           ("Bidang Tata Lingkungan", "Bidang Pengelolaan Sampah", "Bidang Pengendalian Pencemaran")),
    PdSpec("Dinas Kependudukan dan Pencatatan Sipil", "Disdukcapil", "2.12", "pelayanan administrasi kependudukan",
           ("Bidang Pelayanan Pendaftaran Penduduk", "Bidang Pelayanan Pencatatan Sipil",
            "Bidang Pengelolaan Informasi Administrasi Kependudukan")),
    PdSpec("Dinas Pengendalian Penduduk dan Keluarga Berencana", "DPPKB", "2.14", "keluarga berencana",
           ("Bidang Pengendalian Penduduk", "Bidang Keluarga Berencana", "Bidang Ketahanan Keluarga")),
    PdSpec("Dinas Perhubungan", "Dishub", "2.15", "keselamatan dan kelancaran lalu lintas",
           ("Bidang Lalu Lintas", "Bidang Angkutan", "Bidang Sarana dan Prasarana")),
    PdSpec("Dinas Komunikasi dan Informatika", "Diskominfo", "2.16", "layanan pemerintahan berbasis elektronik",
           ("Bidang Informasi dan Komunikasi Publik", "Bidang Aplikasi Informatika", "Bidang Persandian dan "
            "Statistik")),
    PdSpec("Dinas Koperasi dan Usaha Mikro", "Diskopumkm", "2.17", "daya saing koperasi dan usaha mikro",
           ("Bidang Kelembagaan Koperasi", "Bidang Pemberdayaan Usaha Mikro", "Bidang Pengawasan Koperasi")),
    PdSpec("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "DPMPTSP", "2.18", "iklim investasi",
           ("Bidang Promosi Penanaman Modal", "Bidang Pelayanan Perizinan", "Bidang Pengendalian Penanaman Modal")),
    PdSpec("Dinas Pemuda dan Olahraga", "Dispora", "2.19", "prestasi pemuda dan olahraga",
           ("Bidang Kepemudaan", "Bidang Olahraga", "Bidang Sarana dan Prasarana")),
    PdSpec("Dinas Perpustakaan dan Kearsipan", "Dispusip", "2.23", "minat baca dan tertib arsip",
           ("Bidang Layanan Perpustakaan", "Bidang Pengembangan Koleksi", "Bidang Kearsipan")),
    PdSpec("Dinas Kebudayaan dan Pariwisata", "Disbudpar", "3.26", "kunjungan wisata",
           ("Bidang Destinasi Pariwisata", "Bidang Pemasaran Pariwisata", "Bidang Kebudayaan")),
    PdSpec("Dinas Pertanian", "Distan", "3.27", "produktivitas pertanian perkotaan",
           ("Bidang Tanaman Pangan dan Hortikultura", "Bidang Peternakan", "Bidang Penyuluhan")),
    PdSpec("Dinas Perdagangan", "Disdag", "3.30", "stabilitas harga dan tertib niaga",
           ("Bidang Pengelolaan Pasar", "Bidang Perdagangan Dalam Negeri", "Bidang Metrologi Legal")),
    PdSpec("Dinas Perindustrian", "Disperin", "3.31", "pertumbuhan industri kecil dan menengah", _UMUM),
    PdSpec("Dinas Pemadam Kebakaran dan Penyelamatan", "Damkar", "1.05", "penanggulangan kebakaran",
           ("Bidang Pencegahan Kebakaran", "Bidang Operasi dan Penyelamatan", "Bidang Sarana dan Prasarana")),
    PdSpec("Sekretariat Daerah", "Setda", "4.01", "tata kelola pemerintahan",
           ("Bagian Pemerintahan", "Bagian Hukum", "Bagian Organisasi", "Bagian Perekonomian")),
    PdSpec("Sekretariat DPRD", "Setwan", "4.02", "dukungan fungsi DPRD",
           ("Bagian Umum dan Keuangan", "Bagian Persidangan dan Perundang-undangan", "Bagian Fasilitasi Anggaran")),
    PdSpec("Badan Perencanaan Pembangunan Daerah", "Bappeda", "5.01", "kualitas perencanaan pembangunan",
           ("Bidang Perencanaan Pemerintahan dan Pembangunan Manusia", "Bidang Perekonomian dan Sumber Daya Alam",
            "Bidang Infrastruktur dan Pengembangan Wilayah", "Bidang Penelitian dan Pengembangan")),
    PdSpec("Badan Keuangan dan Aset Daerah", "BKAD", "5.02", "pengelolaan keuangan daerah",
           ("Bidang Anggaran", "Bidang Perbendaharaan", "Bidang Akuntansi", "Bidang Aset")),
    PdSpec("Badan Pendapatan Daerah", "Bapenda", "5.02", "pendapatan asli daerah",
           ("Bidang Pendataan dan Penetapan", "Bidang Penagihan", "Bidang Pengembangan Pendapatan")),
    PdSpec("Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "BKPSDM", "5.03", "kompetensi aparatur",
           ("Bidang Pengadaan dan Informasi", "Bidang Mutasi dan Promosi", "Bidang Pengembangan Kompetensi")),
    PdSpec("Inspektorat Daerah", "Inspektorat", "6.01", "akuntabilitas pengelolaan keuangan",
           ("Inspektur Pembantu Wilayah I", "Inspektur Pembantu Wilayah II", "Inspektur Pembantu Wilayah III")),
    PdSpec("Badan Kesatuan Bangsa dan Politik", "Kesbangpol", "8.01", "wawasan kebangsaan dan kerukunan",
           ("Bidang Ideologi dan Wawasan Kebangsaan", "Bidang Politik Dalam Negeri",
            "Bidang Kewaspadaan Nasional")),
) + tuple(
    PdSpec(f"Kecamatan {nama}", f"Kec. {nama}", "7.01", "pelayanan kecamatan",
           ("Seksi Pemerintahan", "Seksi Ketenteraman dan Ketertiban", "Seksi Pemberdayaan Masyarakat"))
    for nama in ("Kota", "Utara", "Selatan", "Timur", "Barat", "Tengah", "Ilir", "Ulu", "Seberang", "Pesisir",
                 "Sungai Kunjang", "Palaran", "Loa Janan", "Bukit Raya")
)

NAMA_DEPAN_L = ("Agus", "Budi", "Dedi", "Eko", "Hendra", "Irwan", "Joko", "Muhammad", "Rahmat", "Rudi", "Slamet",
                "Syahrial", "Taufik", "Wahyu", "Yusuf", "Andi", "Bambang", "Hasan", "Imam", "Zainal")
NAMA_DEPAN_P = ("Ani", "Dewi", "Fitri", "Hj. Nurhayati", "Indah", "Kartini", "Lestari", "Maya", "Nurul", "Ratna",
                "Rina", "Siti", "Sri", "Wulan", "Yuliana", "Endang", "Herlina", "Rosmawati", "Suryani", "Dian")
NAMA_BELAKANG = ("Saputra", "Santoso", "Wibowo", "Hidayat", "Kurniawan", "Siregar", "Nasution", "Harahap",
                 "Pratama", "Setiawan", "Rahman", "Hakim", "Lubis", "Sembiring", "Mahmud", "Suharto", "Pohan",
                 "Daulay", "Marpaung", "Syamsuddin")
GELAR = ("S.Sos.", "S.E.", "S.T.", "S.H.", "S.Pd.", "S.Kom.", "S.STP", "S.Sos., M.Si.", "S.E., M.M.",
         "S.T., M.T.", "S.H., M.H.", "S.Kep., M.Kes.")
PANGKAT = (("Pembina Utama Muda", "IV/c"), ("Pembina Tingkat I", "IV/b"), ("Pembina", "IV/a"),
           ("Penata Tingkat I", "III/d"))

# Indikator kinds: (name template, satuan, polaritas, akumulasi, kind). kind decides how targets are drawn.
INDIKATOR: tuple[tuple[str, str, str, str, str], ...] = (
    ("Persentase capaian {topik}", "Persen", "positif", "nilai_akhir", "persen_naik"),
    ("Jumlah dokumen {topik} yang diselesaikan", "Dokumen", "positif", "kumulatif", "jumlah"),
    ("Indeks kepuasan masyarakat atas {topik}", "Indeks", "positif", "tetap", "tetap"),
    ("Persentase pengaduan {topik} yang belum ditindaklanjuti", "Persen", "negatif", "rata_rata", "rata"),
    ("Nilai evaluasi SAKIP {singkatan}", "Predikat", "positif", "nilai_akhir", "akip"),
    ("Opini BPK atas laporan keuangan {singkatan}", "Opini", "positif", "tetap", "opini"),
    ("Jumlah temuan pemeriksaan {topik} yang belum selesai", "Temuan", "negatif", "nilai_akhir", "turun"),
    ("Persentase realisasi anggaran {topik}", "Persen", "positif", "nilai_akhir", "desimal"),
    ("Jumlah peserta kegiatan {topik}", "Orang", "positif", "kumulatif", "jumlah"),
    ("Rasio layanan {topik} sesuai standar", "Persen", "positif", "tetap", "tetap"),
)

SASARAN = {
    "strategis": ("Meningkatnya {topik}", "Terwujudnya tata kelola {topik} yang akuntabel",
                  "Meningkatnya kualitas {topik}", "Menurunnya kesenjangan {topik}"),
    "program": ("Meningkatnya cakupan {topik}", "Meningkatnya mutu layanan {topik}",
                "Meningkatnya akuntabilitas kinerja {topik}", "Terpenuhinya standar pelayanan {topik}"),
    "kegiatan": ("Tersedianya dokumen perencanaan {topik}", "Terlaksananya pembinaan {topik}",
                 "Terselenggaranya koordinasi {topik}", "Tersusunnya laporan {topik} tepat waktu"),
}

AKSI = (
    ("Penyusunan kerangka acuan kerja {sub}", "Dokumen KAK"),
    ("Rapat koordinasi persiapan {sub}", "Notulen rapat"),
    ("Pelaksanaan {sub}", "Laporan pelaksanaan"),
    ("Monitoring dan evaluasi {sub}", "Laporan monitoring"),
    ("Penyusunan laporan akhir {sub}", "Dokumen laporan"),
    ("Pengadaan bahan pendukung {sub}", "Berita acara serah terima"),
    ("Sosialisasi {sub} kepada pemangku kepentingan", "Daftar hadir dan notulen"),
    ("Verifikasi data {sub}", "Data terverifikasi"),
    ("Konsultasi teknis {sub}", "Laporan konsultasi"),
    ("Publikasi hasil {sub}", "Bahan publikasi"),
)
