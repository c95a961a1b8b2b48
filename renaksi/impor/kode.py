"""The importer's decision and warning codes: one registry, like the checker's rules (`pemeriksaan/registry.py`).

Every `Catatan` the importer writes carries a stable code (``nama.mirip``, ``pagu.dua_sumber``). Each code is
registered here once with its kind (a decision the importer took, or a warning about something it could not place),
an Indonesian title and a short description; each has a page ``docs/impor/<kode>.md`` (what it means, when it fires,
an example, what to do). ``tests/impor/test_kode_docs.py`` holds the three together: a code used in the code but not
registered fails, a registered code without a page (or never used) fails. The preview and ``renaksi import`` show
the title next to each message, so a user never sees a bare code as the only explanation.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class Jenis(StrEnum):
    KEPUTUSAN = "keputusan"  # the importer chose one reading of something ambiguous, and says which and why
    PERINGATAN = "peringatan"  # something was read but could not be placed or stored as written


@dataclass(frozen=True)
class Kode:
    id: str
    jenis: Jenis
    judul: str | Promise
    ringkas: str | Promise


KEPUTUSAN, PERINGATAN = Jenis.KEPUTUSAN, Jenis.PERINGATAN

KODE: dict[str, Kode] = {k.id: k for k in (
    Kode("aksi.penanggung_jawab", KEPUTUSAN, _("Penanggung jawab aksi diisi dari penandatangan halaman"),
         _("Tabel aksi sebuah bidang tidak punya kolom penanggung jawab; aksi-aksinya diberi penanggung jawab "
           "pejabat yang menandatangani halaman bidang itu.")),
    Kode("aksi.tanpa_sub_kegiatan", PERINGATAN, _("Aksi tanpa sub kegiatan"),
         _("Aksi terbaca sebelum sub kegiatan mana pun disebut di tabelnya, sehingga tidak dapat ditempatkan dan"
           " tidak disimpan.")),
    Kode("aksi.tidak_ditempatkan", PERINGATAN, _("Aksi tidak dapat ditempatkan"),
         _("Beberapa aksi menyebut sub kegiatan yang tidak dapat dicocokkan dengan sub kegiatan mana pun di "
           "dokumen; aksi itu tidak disimpan.")),
    Kode("angka.pemisah", KEPUTUSAN, _("Pemisah ribuan atau desimal diputuskan"),
         _("Sebuah angka memakai satu titik atau koma diikuti tepat tiga angka (\"1.500\"), yang bisa berarti "
           "ribuan atau desimal; Renaksi memilih menurut jenis nilainya.")),
    Kode("angka.tidak_terbaca", PERINGATAN, _("Target tidak terbaca sebagai angka"),
         _("Sel target berisi teks yang bukan angka; target disimpan sebagai teks apa adanya, tanpa nilai angka.")),
    Kode("baris.geser_kiri", KEPUTUSAN, _("Baris bergeser ke kiri"),
         _("Nama dan pagu sebuah baris tertulis mulai dari kolom NO (satu kolom terlalu ke kiri); dibaca sebagai"
           " nama dan pagu di kolom yang semestinya.")),
    Kode("csv.pemisah", KEPUTUSAN, _("Pemisah kolom CSV dipilih"),
         _("Berkas CSV memuat dua calon pemisah kolom (misalnya ';' dan ','); yang dipakai adalah yang membagi "
           "baris-baris paling konsisten.")),
    Kode("indikator.akumulasi", KEPUTUSAN, _("Jenis akumulasi indikator disimpulkan"),
         _("Dokumen tidak menyebut cara target triwulan dijumlahkan menjadi target tahunan; Renaksi "
           "menyimpulkannya dari target-targetnya dan menandainya 'disimpulkan'.")),
    Kode("indikator.bertumpuk", KEPUTUSAN, _("Beberapa indikator dalam satu sel dipisah"),
         _("Satu sel memuat beberapa indikator, satu per baris, dan sel targetnya memuat angka sebanyak itu, satu "
           "per baris; setiap baris dibaca sebagai indikator tersendiri dengan targetnya.")),
    Kode("indikator.inferensi", KEPUTUSAN, _("Polaritas dan akumulasi indikator disimpulkan"),
         _("Ringkasan: untuk sekian indikator polaritas dan jenis akumulasi tidak tertulis, sehingga disimpulkan"
           " dari nama dan targetnya. Alasan tiap indikator disimpan pada indikatornya.")),
    Kode("indikator.polaritas", KEPUTUSAN, _("Polaritas indikator disimpulkan"),
         _("Dokumen tidak menyebut apakah makin tinggi atau makin rendah makin baik; Renaksi menyimpulkannya "
           "dari nama indikator dan targetnya.")),
    Kode("jadwal.kosong", PERINGATAN, _("Jadwal bulan kosong pada semua aksi"),
         _("Tidak satu pun aksi memiliki bulan pelaksanaan: arsiran sel bulan tampaknya hilang ketika dokumen "
           "disalin ke teks. Jadwal dibiarkan kosong.")),
    Kode("jadwal.arsiran", KEPUTUSAN, _("Sel bulan berarsir dibaca sebagai jadwal"),
         _("Kolom bulan sebuah tabel aksi menandai jadwal dengan warna sel, bukan dengan tanda; warna yang hanya "
           "dipakai di kolom bulan dibaca sebagai bulan pelaksanaan.")),
    Kode("kegiatan.tidak_ada", PERINGATAN, _("Sub kegiatan tanpa kegiatan"),
         _("Dokumen memuat sub kegiatan tetapi tidak menyebut kegiatan di atasnya; sub kegiatan ditempatkan di "
           "bawah kegiatan pengganti '(kegiatan tidak disebut)'.")),
    Kode("kolom.keterangan", KEPUTUSAN, _("Teks di kolom anggaran dibaca sebagai keterangan target"),
         _("Pada bagian keluaran (tanpa anggaran) sebuah teks tertulis di kolom PROGRAM/KEGIATAN/SUB KEGIATAN; "
           "teks itu dibaca sebagai keterangan target indikator di baris yang sama.")),
    Kode("kolom.tidak_ditempatkan", PERINGATAN, _("Teks tidak dapat ditempatkan"),
         _("Sebuah sel berisi teks di kolom yang pada bagian itu tidak dipakai, dan tidak ada tempat yang masuk "
           "akal untuknya; teks itu tidak disimpan.")),
    Kode("monev.anggaran_bukan_sub", PERINGATAN, _("Realisasi anggaran di tingkat program atau kegiatan"),
         _("Buku kerja monev menulis realisasi anggaran pada program atau kegiatan tanpa sub kegiatan di bawahnya; "
           "realisasi anggaran disimpan per sub kegiatan, jadi nilai itu tidak disimpan.")),
    Kode("monev.anggaran_sd", KEPUTUSAN, _("Realisasi anggaran per triwulan ditulis sampai dengan (s.d.)"),
         _("Kolom realisasi anggaran per triwulan berisi jumlah sampai triwulan itu; yang disimpan adalah belanja "
           "dalam triwulan, yaitu nilai s.d. triwulan itu dikurangi nilai s.d. triwulan sebelumnya.")),
    Kode("monev.jumlah_tidak_cocok", PERINGATAN, _("Jumlah yang tertulis tidak sama dengan jumlah barisnya"),
         _("Jumlah program, kegiatan atau baris \"Jumlah\" di buku kerja monev berbeda dari jumlah sub kegiatan di "
           "bawahnya; yang disimpan adalah nilai tiap sub kegiatan, bukan jumlahnya.")),
    Kode("monev.kinerja_sd", KEPUTUSAN, _("Realisasi indikator kumulatif ditulis sampai dengan (s.d.)"),
         _("Kolom realisasi kinerja per triwulan menyebut \"s.d.\"; untuk indikator kumulatif yang disimpan adalah "
           "capaian dalam tiap triwulan (nilai s.d. triwulan itu dikurangi nilai s.d. triwulan sebelumnya).")),
    Kode("monev.kode_beda_nama", KEPUTUSAN, _("Sub kegiatan dicocokkan dengan kodenya, namanya berbeda"),
         _("Kode sub kegiatan di buku kerja monev ada di rencana aksi tetapi namanya ditulis lain; kode lebih "
           "dipercaya daripada nama, realisasinya disimpan ke sub kegiatan berkode itu.")),
    Kode("monev.nama_ganda", PERINGATAN, _("Nama indikator atau sub kegiatan ada lebih dari sekali"),
         _("Nama pada buku kerja monev cocok dengan lebih dari satu baris rencana aksi dan tidak dapat dibedakan; "
           "realisasinya tidak disimpan.")),
    Kode("monev.nama_ganda_dibedakan", KEPUTUSAN, _("Nama indikator ganda dibedakan dengan induknya"),
         _("Nama indikator pada buku kerja monev ada lebih dari sekali di rencana aksi; dipakai yang terkait dengan "
           "program, kegiatan atau sub kegiatan yang tertulis di atas baris itu.")),
    Kode("monev.nama_mirip", KEPUTUSAN, _("Baris monev dicocokkan karena namanya mirip"),
         _("Nama di buku kerja monev tidak persis sama dengan nama di rencana aksi, tetapi hanya satu baris yang "
           "cukup mirip (kemiripan paling sedikit 90 %); realisasinya disimpan ke baris itu.")),
    Kode("monev.nilai_tidak_terbaca", PERINGATAN, _("Sel realisasi bukan angka"),
         _("Sel realisasi pada tabel Evaluasi Renja berisi teks yang bukan angka atau kategori; nilainya tidak "
           "disimpan.")),
    Kode("monev.tanpa_rencana", PERINGATAN, _("Realisasi tidak disimpan: belum ada rencana aksi"),
         _("Dokumen memuat tabel monev dengan realisasi, tetapi rencana aksi perangkat daerah dan tahunnya belum "
           "ada; rencana dibuat dari dokumen ini, realisasinya tidak disimpan.")),
    Kode("monev.tidak_cocok", PERINGATAN, _("Baris monev tidak cocok dengan rencana aksi"),
         _("Sebuah baris buku kerja monev (indikator atau sub kegiatan) tidak dapat dicocokkan dengan baris mana "
           "pun di rencana aksi tujuan; realisasinya tidak disimpan.")),
    Kode("monev.tingkat_disimpulkan", KEPUTUSAN, _("Tingkat baris disimpulkan dari rumusnya"),
         _("Nama baris tidak menyebut program, kegiatan atau sub kegiatan dan tidak berkode; baris dengan rumus "
           "penjumlahan dibaca sebagai baris jumlah, baris dengan nilai diketik sebagai sub kegiatan.")),
    Kode("nama.bukan_nama", PERINGATAN, _("Nama ditolak: angka, NIP atau blok tanda tangan"),
         _("Teks yang terbaca di tempat nama program, kegiatan, sub kegiatan atau aksi hanyalah angka (penomoran), "
           "NIP, atau baris blok tanda tangan (jabatan, pangkat, nama bergelar); baris itu tidak diimpor dan "
           "angkanya tercantum sebagai tidak ditempatkan.")),
    Kode("nama.bertumpuk", KEPUTUSAN, _("Beberapa kegiatan atau sub kegiatan dalam satu sel dipisah"),
         _("Satu sel memuat beberapa nama kegiatan atau sub kegiatan, satu per baris, dan sel pagunya memuat angka "
           "sebanyak itu, satu per baris; setiap baris dibaca sebagai kegiatan atau sub kegiatan tersendiri dengan "
           "pagunya.")),
    Kode("nama.geser_kolom", KEPUTUSAN, _("Nama tertulis di kolom tingkat lain"),
         _("Pada bagian yang mengisi satu tingkat (misalnya kegiatan) sebuah nama tertulis di kolom tingkat "
           "lain; dibaca sebagai nama tingkat bagian itu.")),
    Kode("nama.mirip", KEPUTUSAN, _("Nama dicocokkan karena mirip"),
         _("Nama yang sama ditulis sedikit berbeda di dua tabel (huruf, salah ketik, label); Renaksi "
           "menganggapnya sama karena kemiripannya tinggi.")),
    Kode("nama.sel_gabungan", KEPUTUSAN, _("Kegiatan dan sub kegiatan dalam satu sel"),
         _("Nama kegiatan dan nama sub kegiatan pertamanya tertulis dalam satu sel; Renaksi memisahkannya.")),
    Kode("output.geser_kolom", KEPUTUSAN, _("Output aksi tertulis satu kolom ke kiri"),
         _("Teks OUTPUT/KELUARAN beberapa aksi tertulis di kolom bulan terakhir; dibaca sebagai output aksi.")),
    Kode("pagu.bertumpuk", PERINGATAN, _("Pagu bertumpuk tidak cocok dengan namanya"),
         _("Satu sel memuat beberapa nama kegiatan atau sub kegiatan, satu per baris, tetapi sel pagunya memuat "
           "jumlah angka yang lain; nama-nama itu dibaca sebagai satu dan angka-angkanya dicantumkan sebagai tidak "
           "ditempatkan.")),
    Kode("pagu.dua_sumber", KEPUTUSAN, _("Pagu tertulis berbeda di dua tabel"),
         _("Pagu sebuah sub kegiatan tertulis di tabel anggaran dan di tabel aksi bidang dengan nilai berbeda; "
           "yang disimpan adalah nilai tabel anggaran, keduanya dicatat sebagai asal nilai.")),
    Kode("pagu.geser_baris", KEPUTUSAN, _("Kolom pagu tidak sejajar dengan nama"),
         _("Nilai-nilai pagu di bawah sebuah kegiatan tertulis pada baris yang berbeda dari nama-namanya; "
           "Renaksi memilih pembacaan (berurutan atau menurut baris) yang jumlahnya cocok dengan pagu tertulis.")),
    Kode("pagu.geser_kolom", KEPUTUSAN, _("Pagu tertulis di kolom sebelah"),
         _("Sel ANGGARAN sebuah baris kosong dan nilainya tertulis di kolom lain (satu kolom di kanan, atau di "
           "kolom nama); dibaca sebagai pagu baris itu.")),
    Kode("pagu.sel_gabungan", KEPUTUSAN, _("Satu nama dengan beberapa sel pagu"),
         _("Sel nama sebuah program/kegiatan digabung ke bawah sehingga ia memiliki beberapa sel pagu; Renaksi "
           "membaca jumlahnya atau sel pertamanya, mana yang lebih cocok dengan angka tertulis.")),
    Kode("pagu.sumber_tunggal", KEPUTUSAN, _("Pagu hanya tertulis di tabel aksi"),
         _("Pagu sebuah sub kegiatan tidak ada di tabel anggaran tetapi tertulis di tabel aksi bidang; nilai itu"
           " yang disimpan.")),
    Kode("pagu.tanpa_nama", PERINGATAN, _("Pagu tanpa nama"),
         _("Sebuah angka pagu tertulis tanpa nama program/kegiatan/sub kegiatan di barisnya atau di atasnya; "
           "pagu itu tidak disimpan.")),
    Kode("pagu.tidak_ditempatkan", PERINGATAN, _("Pagu tidak dapat dikaitkan"),
         _("Sebuah angka pagu terbaca tetapi tidak dapat dikaitkan ke kegiatan atau sub kegiatan mana pun; tidak"
           " disimpan.")),
    Kode("pagu.tidak_terbaca", PERINGATAN, _("Pagu tidak terbaca"),
         _("Sel pagu berisi sesuatu yang bukan rupiah bulat (teks, sen, angka negatif); pagu dibiarkan kosong "
           "dan tulisan aslinya dicatat.")),
    Kode("pdf.baris_terbelah", KEPUTUSAN, _("Baris tabel terbelah oleh pergantian halaman"),
         _("Sebuah baris tabel di PDF terpotong pergantian halaman: bagian di halaman berikutnya tidak bernomor "
           "dan melanjutkan teks baris sebelumnya; kedua bagian dibaca sebagai satu baris.")),
    Kode("pdf.judul_diulang", KEPUTUSAN, _("Judul kolom yang diulang di halaman PDF dilewati"),
         _("Tabel di PDF berlanjut ke halaman berikutnya dan judul kolomnya diulang di sana; baris judul yang "
           "diulang dilewati dan tabel dibaca sebagai satu tabel.")),
    Kode("pdf.teks_di_luar_sel", PERINGATAN, _("Teks tabel PDF di luar sel"),
         _("Sebagian teks di dalam sebuah tabel PDF tidak berada di sel mana pun (garis sel tidak lengkap, "
           "misalnya di pergantian halaman); teks itu tidak dibaca dan dikutip di pesan.")),
    Kode("pejabat.nip", PERINGATAN, _("NIP di templat bukan 18 angka"),
         _("Kolom NIP di lembar Pejabat templat Renaksi tidak berisi 18 angka; NIP tidak disimpan.")),
    Kode("pejabat.nip_tidak_sah", PERINGATAN, _("NIP tidak sah"),
         _("NIP pejabat di blok tanda tangan tidak sah (panjang, tanggal lahir atau jenis kelamin yang tidak "
           "mungkin); NIP tidak disimpan.")),
    Kode("pejabat.sama", KEPUTUSAN, _("Dua nama dianggap pejabat yang sama"),
         _("Nama pejabat yang ditulis dengan gelar berbeda dianggap orang yang sama karena nama tanpa gelarnya "
           "(dan NIP-nya bila ada) sama.")),
    Kode("pejabat.tanpa_nama", PERINGATAN, _("Tanda tangan tanpa nama"),
         _("Blok tanda tangan memuat jabatan (dan tanggal) tetapi tidak memuat nama; pejabat tidak dibuat.")),
    Kode("pj.terlepas", PERINGATAN, _("Kolom penanggung jawab terlepas dari tabel"),
         _("Jabatan-jabatan penanggung jawab tertulis sesudah tanda tangan, terpisah dari baris tabelnya, dan "
           "jumlahnya tidak sama dengan baris tabel; penanggung jawab tidak diisi.")),
    Kode("pk.pihak", KEPUTUSAN, _("Para pihak PK dibaca dari halaman pernyataan"),
         _("Halaman pernyataan Perjanjian Kinerja menyebut nama, jabatan, NIP dan pangkat PIHAK PERTAMA dan PIHAK "
           "KEDUA; keduanya dipakai sebagai para pihak PK.")),
    Kode("pk.pihak_pertama", KEPUTUSAN, _("Pihak pertama PK diisi dari penandatangan"),
         _("Tabel Perjanjian Kinerja tidak menyebut para pihaknya; pihak pertama diisi dengan penandatangan "
           "dokumen, tempat dan tanggal dengan tempat dan tanggal penandatanganan.")),
    Kode("program.tidak_ada", PERINGATAN, _("Kegiatan tanpa program"),
         _("Kegiatan terbaca tanpa program di atasnya; ditempatkan di bawah program pengganti '(program tidak "
           "disebut)'.")),
    Kode("rumus.tanpa_nilai", KEPUTUSAN, _("Rumus tanpa nilai tersimpan dibaca kosong"),
         _("Beberapa sel rumus di buku kerja tidak menyimpan nilai, sedangkan rumus lain menyimpannya (Excel "
           "menyimpan hasil kosong begitu); sel itu dibaca kosong.")),
    Kode("sasaran.kosong", PERINGATAN, _("Indikator tanpa sasaran"),
         _("Indikator terbaca tanpa teks sasaran di barisnya atau di atasnya; sasaran dibuat tanpa uraian.")),
    Kode("sasaran.sambung", KEPUTUSAN, _("Teks sasaran yang terpotong disambung"),
         _("Teks sasaran yang terbagi ke beberapa baris dibaca sebagai satu sasaran.")),
    Kode("satuan.beragam", PERINGATAN, _("Target indikator ditulis dengan satuan berbeda"),
         _("Dokumen tidak menyebut satuan indikator, dan targetnya ditulis dengan satuan yang berbeda-beda (atau "
           "sebagian tanpa satuan); satuan tidak diisi.")),
    Kode("satuan.dari_target", KEPUTUSAN, _("Satuan indikator diambil dari targetnya"),
         _("Dokumen tidak menyebut satuan indikator, tetapi semua targetnya ditulis dengan satuan yang sama "
           "(\"29,17%\", \"12 dokumen\"); satuan itu menjadi satuan indikator.")),
    Kode("sel.sambung", KEPUTUSAN, _("Sel yang terpotong disambung"),
         _("Teks sebuah kolom (program, kegiatan, aksi …) yang terbagi ke beberapa baris dibaca sebagai satu "
           "sel.")),
    Kode("sub_kegiatan.baru", PERINGATAN, _("Sub kegiatan hanya ada di tabel aksi"),
         _("Sub kegiatan yang disebut di tabel aksi bidang tidak ditemukan di tabel anggaran; dibuat di bawah "
           "kegiatannya tanpa pagu dari tabel anggaran.")),
    Kode("sub_kegiatan.tanpa_kegiatan", PERINGATAN, _("Sub kegiatan tanpa kegiatan"),
         _("Sub kegiatan terbaca tanpa kegiatan di atasnya; tidak disimpan.")),
    Kode("tabel.jenis", KEPUTUSAN, _("Jenis tabel dipilih"),
         _("Setiap tabel dinilai oleh setiap jenis tabel (IKU, Perjanjian Kinerja, program dan anggaran, target, "
           "target triwulan, aksi, matriks) menurut judul kolom dan isi kolomnya; yang nilainya tertinggi "
           "membaca tabel itu. Pengguna dapat memilih jenis lain.")),
    Kode("tabel.lanjutan", KEPUTUSAN, _("Tabel berlanjut setelah judul kolom diulang"),
         _("Judul kolom tabel diulang (pindah halaman); baris sesudahnya dibaca sebagai bagian tabel yang sama, "
           "bukan tabel baru.")),
    Kode("tabel.tidak_dikenali", PERINGATAN, _("Tabel tidak dikenali"),
         _("Sebuah tabel memiliki judul-judul kolom yang tidak dikenal Renaksi; isinya tidak dibaca.")),
    Kode("tanggal.tanpa_hari", KEPUTUSAN, _("Tanggal penetapan tanpa hari"),
         _("Tanggal penetapan hanya menyebut bulan dan tahun; tanggal dibiarkan kosong, tempatnya disimpan.")),
    Kode("target.bertumpuk", PERINGATAN, _("Target bertumpuk tidak cocok dengan indikatornya"),
         _("Satu sel memuat beberapa indikator, satu per baris, tetapi sel targetnya memuat jumlah angka yang lain; "
           "indikator dibaca sebagai satu dan angka-angka itu dicantumkan sebagai tidak ditempatkan.")),
    Kode("target.sd_triwulan", KEPUTUSAN, _("Target triwulan ditulis sampai dengan (s.d.)"),
         _("Kolom triwulan berjudul \"s.d. TW II\" atau \"s/d Triwulan III\" memuat nilai sejak awal tahun; "
           "target tiap triwulan disimpan sebagai selisihnya, tidak dijumlahkan lagi.")),
    Kode("target.periode", KEPUTUSAN, _("Target untuk periode lain"),
         _("Target yang tertulis berlaku untuk periode Renstra (misalnya 2021–2026), bukan tahun rencana ini; "
           "disimpan sebagai catatan indikator, bukan target tahunan.")),
    Kode("tautan.induk", KEPUTUSAN, _("Induk dipasangkan menurut pagu"),
         _("Dokumen tidak menyebut program dari tiap kegiatan (atau kegiatan dari tiap sub kegiatan); Renaksi "
           "memasangkannya dengan pembacaan yang membuat jumlah pagu paling cocok.")),
    Kode("tautan.keluaran", KEPUTUSAN, _("Indikator keluaran dipasangkan"),
         _("Bagian tanpa kolom anggaran dibaca sebagai indikator keluaran sub kegiatan bagian sebelumnya, "
           "dipasangkan berurutan atau menurut nama.")),
    Kode("teks.byte_rusak", KEPUTUSAN, _("Byte rusak dalam berkas teks"),
         _("Berkas teks hampir seluruhnya UTF-8 tetapi memuat beberapa byte yang tidak sah; byte itu diganti '�'"
           " dan sisanya dibaca sebagai UTF-8.")),
    Kode("teks.encoding", KEPUTUSAN, _("Berkas teks bukan UTF-8"),
         _("Berkas teks tidak ditulis dalam UTF-8; dibaca sebagai Windows-1252 (atau Latin-1).")),
    Kode("templat.isian", PERINGATAN, _("Isian templat tidak dikenal"),
         _("Lembar Identitas templat memuat isian yang tidak dikenal Renaksi; isian itu diabaikan.")),
    Kode("templat.pk_kepala", PERINGATAN, _("Data kepala PK berbeda antarbaris"),
         _("Beberapa baris PK yang sama (Ref PK sama) menyebut pihak, tempat atau tanggal yang berbeda; yang "
           "dipakai data baris pertamanya.")),
    Kode("templat.tertulis", PERINGATAN, _("Kolom 'Tertulis di dokumen asal' tidak lengkap"),
         _("Kolom yang menyimpan tulisan asli target (lima bagian: tahunan dan TW I–IV) tidak berisi lima "
           "bagian; diabaikan, target dibaca dari kolom angkanya.")),
    Kode("templat.urutan_sasaran", KEPUTUSAN, _("Sasaran induk dipindah ke atas"),
         _("Di lembar Sasaran & Indikator sebuah sasaran anak tertulis sebelum induknya; induk dipindah ke atas "
           "agar pohon sasaran terbentuk.")),
    Kode("templat.versi", PERINGATAN, _("Versi templat berbeda"),
         _("Templat yang diimpor dibuat oleh versi templat Renaksi yang lain; dibaca dengan aturan versi "
           "sekarang.")),
    Kode("tujuan.berbeda", KEPUTUSAN, _("Diimpor ke PD atau tahun lain dari yang tertulis"),
         _("Perangkat daerah atau tahun yang dipilih saat mengunggah berbeda dari yang tertulis di judul "
           "dokumen; pilihan pengguna yang dipakai.")),
    Kode("tujuan.tidak_disimpan", PERINGATAN, _("Tujuan tidak disimpan"),
         _("Dokumen menyebut tujuan Renstra tetapi tidak menyebut periode Renstra-nya, sehingga tujuan tidak "
           "dapat disimpan.")),
    )}


def judul(kode: str) -> str:
    """The Indonesian title of a code ('' for an unknown one: a message is never hidden behind its code)."""
    found = KODE.get(kode)
    return str(found.judul) if found else ""
