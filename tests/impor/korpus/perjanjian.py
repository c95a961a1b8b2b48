"""A Perjanjian Kinerja as a Dinas writes it: the statement page naming both parties (nama, jabatan, NIP, pangkat),
the attachment of sasaran, indikator and target, and the programs with their amounts — and what it must import to.

`perjanjian(bentuk)`: "paragraf" writes each party as "Nama : …" paragraphs followed by "selanjutnya disebut PIHAK
PERTAMA" (the usual Word text); "tabel" writes a "PIHAK PERTAMA" heading above a borderless table "Nama | : | …".
"""

from __future__ import annotations

from decimal import Decimal

from .tulis import Tabel

PERTAMA = {"nama": "dr. ANI LESTARI, M.Kes", "jabatan": "Kepala Dinas Kesehatan Kabupaten Contoh",
           "nip": "19700101 199503 2 003", "pangkat": "Pembina Utama Muda / IV/c"}
KEDUA = {"nama": "H. BUDI SANTOSO, S.H., M.M.", "jabatan": "Bupati Contoh"}
SASARAN = [("Meningkatnya derajat kesehatan masyarakat", "Persentase balita gizi baik", "Persen", "85"),
           ("Meningkatnya derajat kesehatan masyarakat", "Cakupan imunisasi dasar lengkap", "Persen", "92,5"),
           ("Meningkatnya akuntabilitas kinerja perangkat daerah", "Nilai SAKIP perangkat daerah", "Nilai", "70,5")]
PROGRAM = [("Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat", 2_000_500),
           ("Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", 46_530_800)]

# What the stored plan holds (tests/impor/korpus/test_perjanjian.py).
HARAPAN = {
    # The same person signs the page: one official, with the jabatan of his signature.
    "pihak_pertama": ("dr. ANI LESTARI, M.Kes", "Kepala Dinas Kesehatan", "197001011995032003",
                      "Pembina Utama Muda", "IV/c"),
    "pihak_kedua": None,  # the Bupati is not an official of the PD: kept as the second party's jabatan
    "pihak_kedua_jabatan": "Bupati Contoh",
    "items": [(i, Decimal(t.replace(",", "."))) for _s, i, _sat, t in SASARAN],
    "program": PROGRAM,
}


def _pihak(fields: dict[str, str], bentuk: str) -> list:
    labels = {"nama": "Nama", "jabatan": "Jabatan", "nip": "NIP", "pangkat": "Pangkat/Gol"}
    if bentuk == "tabel":
        return [Tabel([[labels[k], ":", v] for k, v in fields.items()])]
    return [f"{labels[k]} : {v}" for k, v in fields.items()]


def perjanjian(bentuk: str = "paragraf") -> list:
    blocks: list = ["PERJANJIAN KINERJA TAHUN 2025", "DINAS KESEHATAN KABUPATEN CONTOH", "",
                    "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan akuntabel serta "
                    "berorientasi pada hasil, kami yang bertanda tangan di bawah ini:"]
    if bentuk == "tabel":
        blocks += ["PIHAK PERTAMA", *_pihak(PERTAMA, bentuk), "", "PIHAK KEDUA", *_pihak(KEDUA, bentuk), ""]
    else:
        blocks += [*_pihak(PERTAMA, bentuk), "selanjutnya disebut PIHAK PERTAMA",
                   *_pihak(KEDUA, bentuk), "selaku atasan pihak pertama, selanjutnya disebut PIHAK KEDUA"]
    blocks += ["Pihak pertama berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran perjanjian "
               "ini, dalam rangka mencapai target kinerja jangka menengah seperti yang telah ditetapkan dalam "
               "dokumen perencanaan.", "",
               "Contoh, 6 Januari 2025", "Kepala Dinas Kesehatan", "", "", "dr. ANI LESTARI, M.Kes",
               "Pembina Utama Muda (IV/c)", "NIP 19700101 199503 2 003", "",
               "LAMPIRAN PERJANJIAN KINERJA TAHUN 2025"]
    rows = [["No", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target"]]
    for n, (sasaran, indikator, satuan, target) in enumerate(SASARAN, start=1):
        rows.append([str(n), sasaran, indikator, satuan, target])
    blocks += [Tabel(rows), ""]
    rows = [["No", "Program", "Anggaran (Rp)", "Keterangan"]]
    rows += [[str(n), nama, pagu, "APBD"] for n, (nama, pagu) in enumerate(PROGRAM, start=1)]
    return [*blocks, Tabel(rows)]
