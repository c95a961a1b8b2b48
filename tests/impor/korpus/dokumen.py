"""The corpus: one small plan (`RENCANA`), written in the layouts the importer reads, with the variations real PDs
use, and what each file must import to.

`RENCANA` is the expected plan as data. `laporan(...)` writes it as a report (Samarinda-like: an indikator table, a
program table, aksi tables per bidang with a month schedule, a signature). Its options are the variations: quarter header spellings, column orders, sasaran cells merged over
their indikator rows, numbering styles, a schedule of shaded cells instead of marks, amounts as formulas with their
saved values. `KORPUS` lists the corpus files: each with its builder; every one must import to `rencana()`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from .tulis import WRITERS, Sel, Tabel

ORANYE = "FFC000"


@dataclass(frozen=True)
class Ind:
    nama: str
    satuan: str
    target: str
    tw: tuple[str, str, str, str]


@dataclass(frozen=True)
class Aksi:
    uraian: str
    bulan: tuple[int, ...]
    keluaran: str


@dataclass(frozen=True)
class Sub:
    nama: str
    pagu: int
    aksi: tuple[Aksi, ...]


@dataclass(frozen=True)
class Keg:
    nama: str
    subs: tuple[Sub, ...]

    @property
    def pagu(self) -> int:
        return sum(s.pagu for s in self.subs)


SASARAN = (
    ("Meningkatnya derajat kesehatan masyarakat", (
        Ind("Persentase balita gizi baik", "Persen", "85", ("20", "40", "60", "85")),
        Ind("Cakupan imunisasi dasar lengkap", "Persen", "92,5", ("25", "50", "75", "92,5")),
    )),
    ("Meningkatnya akuntabilitas kinerja perangkat daerah", (
        Ind("Nilai SAKIP perangkat daerah", "Nilai", "70,5", ("0", "0", "0", "70,5")),
    )),
)
PROGRAM = (
    ("Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat", (
        Keg("Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan", (
            Sub("Pengelolaan Pelayanan Kesehatan Ibu Hamil", 1_250_000, (
                Aksi("Kunjungan rumah ibu hamil risiko tinggi", (1, 2, 3), "Laporan kunjungan"),
                Aksi("Kelas ibu hamil", (4, 7, 10), "Daftar hadir kelas"),
            )),
            Sub("Pengelolaan Pelayanan Kesehatan Balita", 750_500, (
                Aksi("Penimbangan balita di posyandu", (2, 5, 8, 11), "Data penimbangan"),
            )),
        )),
    )),
    ("Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", (
        Keg("Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", (
            Sub("Penyusunan Dokumen Perencanaan Perangkat Daerah", 35_000_000, (
                Aksi("Penyusunan rencana kerja", (1, 2), "Dokumen Renja"),
            )),
            Sub("Evaluasi Kinerja Perangkat Daerah", 11_530_800, (
                Aksi("Penyusunan laporan kinerja", (12,), "Dokumen LKjIP"),
                Aksi("Rapat evaluasi triwulan", (3, 6, 9, 12), "Notulen rapat"),
            )),
        )),
    )),
)
BIDANG = {  # the bidang whose aksi table holds each sub kegiatan
    "Bidang Kesehatan Masyarakat": (0, 0),
    "Sekretariat": (1, 0),
}


def _d(text: str) -> Decimal:
    return Decimal(text.replace(",", "."))


def _dalam_triwulan(tw: tuple[str, ...]) -> list[Decimal]:
    """The quarters written to date ("s.d. TW II": 40) as what is to be achieved in each triwulan (20)."""
    values = [_d(t) for t in tw]
    return [v - (values[i - 1] if i else 0) for i, v in enumerate(values)]


def rencana(sd: bool = False) -> dict:
    """The expected plan, in the shape `baca(doc)` gives (tests/impor/korpus/test_korpus.py). `sd`: the quarters
    were written to date ("s.d. TW II"), so each triwulan holds what is achieved in it: 20, 40, 60, 85 → 20, 20, 20,
    25 (the yearly target stays 85)."""
    return {
        "sasaran": [(s, [(i.nama, _d(i.target), _dalam_triwulan(i.tw) if sd else [_d(t) for t in i.tw])
                         for i in inds]) for s, inds in SASARAN],
        "program": [(p, [(k.nama, k.pagu, [(s.nama, s.pagu, [(a.uraian, list(a.bulan), a.keluaran) for a in s.aksi])
                                          for s in k.subs]) for k in kegs]) for p, kegs in PROGRAM],
    }


BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
         "November", "Desember"]
TW_HEADERS = {
    "TW I": ["TW I", "TW II", "TW III", "TW IV"],
    "Trw I": ["Trw I", "Trw II", "Trw III", "Trw IV"],
    "TW 1": ["TW 1", "TW 2", "TW 3", "TW 4"],
    "Triwulan I": ["Triwulan I", "Triwulan II", "Triwulan III", "Triwulan IV"],
    "Target TW-I": ["Target TW-I", "Target TW-II", "Target TW-III", "Target TW-IV"],
    # Written to date: the value since January (cumulative), not the target of the triwulan alone.
    "s.d. TW I": ["s.d. TW I", "s.d. TW II", "s.d. TW III", "s.d. TW IV"],
    "s/d Triwulan I": ["s/d Triwulan I", "s/d Triwulan II", "s/d Triwulan III", "s/d Triwulan IV"],
    "Target s.d. TW-I": ["Target s.d. TW-I", "Target s.d. TW-II", "Target s.d. TW-III", "Target s.d. TW-IV"],
}
BULAN_SINGKAT = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"]
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]


def nomor(style: str, i: int) -> str:
    return {"1": str(i + 1), "1.": f"{i + 1}.", "a.": f"{'abcdefgh'[i]}.", "I": ROMAN[i], "1.1": f"1.{i + 1}"}[style]


def judul() -> list[str]:
    return ["RENCANA AKSI", "DINAS KESEHATAN KABUPATEN CONTOH", "TAHUN 2025", ""]


def tanda_tangan() -> list[str]:
    return ["", "Contoh, 6 Januari 2025", "Kepala Dinas Kesehatan", "", "", "dr. ANI LESTARI, M.Kes",
            "Pembina Utama Muda (IV/c)", "NIP 19700101 199503 2 003"]


def laporan(*, tw: str = "TW I", merge: bool = False, shade: bool = False, numbering: str = "1",
            formula: bool = False, order: str = "", bulan: list[str] | None = None) -> list:
    """The report layout. `merge`: each sasaran cell spans its indikator rows (XLSX/XLS/DOCX/PDF merges; blank
    below it in text); `shade`: months marked by an orange fill, not "x"; `formula`: each kegiatan's pagu is a
    =SUM of its sub kegiatan with the saved value; `order`: "tw-first" puts TW I–IV before the yearly target and
    "pagu-first" the pagu before the names; `bulan`: the month headers (default the full names)."""
    blocks: list = judul() + ["Tabel 1 Sasaran, Indikator dan Target Kinerja"]
    head = ["No", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target", *TW_HEADERS[tw]]
    if order == "tw-first":
        head = head[:4] + head[5:] + [head[4]]
    rows = [head]
    n = 0
    for si, (sasaran, inds) in enumerate(SASARAN):
        for ii, ind in enumerate(inds):
            first = ii == 0
            if merge:
                sasaran_cell = Sel(sasaran, rows=len(inds)) if first else None
                no_cell = Sel(nomor(numbering, si), rows=len(inds)) if first else None
            else:
                sasaran_cell = sasaran if first else ""
                no_cell = nomor(numbering, si) if first else ""
            values = [ind.target, *ind.tw]
            if order == "tw-first":
                values = values[1:] + values[:1]
            rows.append([no_cell, sasaran_cell, ind.nama, ind.satuan, *values])
            n += 1
    blocks.append(Tabel(rows))
    blocks += ["", "Tabel 2 Program, Kegiatan dan Sub Kegiatan"]
    rows = [["No", "Program", "Kegiatan", "Sub Kegiatan", "Pagu (Rp)"]]
    if order == "pagu-first":
        rows = [["No", "Pagu (Rp)", "Program", "Kegiatan", "Sub Kegiatan"]]
    for pi, (program, kegs) in enumerate(PROGRAM):
        for kegiatan in kegs:
            pagu: int | Sel = kegiatan.pagu
            if formula:
                pagu = Sel(kegiatan.pagu, formula="")  # filled in below, when the sheet rows are known
            line = [nomor(numbering, pi), program, kegiatan.nama, "", pagu]
            rows.append(line)
            for s in kegiatan.subs:
                rows.append(["", "", "", s.nama, s.pagu])
    if order == "pagu-first":
        rows[1:] = [[x[0], x[4], x[1], x[2], x[3]] for x in rows[1:]]
    blocks.append(Tabel(rows))
    aksi_no = "1" if numbering == "1.1" else numbering  # "1.1, 1.2" under each sub kegiatan: see test_korpus
    for bidang, (pi, ki) in BIDANG.items():
        kegiatan = PROGRAM[pi][1][ki]
        blocks += ["", bidang.upper()]
        for s in kegiatan.subs:  # one aksi table per sub kegiatan, its name on the first row (or merged down)
            rows = [["No", "Uraian Aksi", Sel("Jadwal", cols=12), *[None] * 11, "Keluaran", "Sub Kegiatan"],
                    ["", "", *(bulan or BULAN), "", ""]]
            for ai, a in enumerate(s.aksi):
                mark = Sel("", fill=ORANYE) if shade else "x"
                months = [mark if m + 1 in a.bulan else "" for m in range(12)]
                if merge:
                    sub_cell = Sel(s.nama, rows=len(s.aksi)) if ai == 0 else None
                else:
                    sub_cell = s.nama if ai == 0 else ""
                rows.append([nomor(aksi_no, ai), a.uraian, *months, a.keluaran, sub_cell])
            blocks += [Tabel(rows), ""]
    blocks += tanda_tangan()
    if formula:
        _fill_formulas(blocks)
    return blocks


def _fill_formulas(blocks: list) -> None:
    """Each kegiatan's pagu cell becomes =SUM(<its sub kegiatan's pagu cells>), knowing the sheet row of each row."""
    from openpyxl.utils import get_column_letter

    r = 1
    for b in blocks:
        if not isinstance(b, Tabel):
            r += 1
            continue
        for i, row in enumerate(b.rows):
            for c, value in enumerate(row):
                if isinstance(value, Sel) and value.formula == "":
                    if isinstance(value.nilai, int):
                        subs = 0
                        while i + 1 + subs < len(b.rows) and isinstance(b.rows[i + 1 + subs][c], int):
                            subs += 1
                        col = get_column_letter(c + 1)
                        value.formula = f"=SUM({col}{r + 1}:{col}{r + subs})"
            r += 1


@dataclass(frozen=True)
class Berkas:
    nama: str
    buat: Callable[[], bytes]
    layout: str
    sd: bool = False  # quarters written to date: expected `rencana(sd=True)`


def _b(nama: str, blocks: Callable[[], list], layout: str = "laporan", sd: bool = False) -> Berkas:
    fmt = nama.rsplit(".", 1)[1]
    return Berkas(nama, lambda: WRITERS[fmt](blocks()), layout, sd)


KORPUS = [
    _b("laporan-dasar.txt", lambda: laporan()),
    _b("laporan-triwulan.csv", lambda: laporan(tw="Triwulan I", numbering="1.")),
    _b("laporan-arsir-gabung.xlsx", lambda: laporan(tw="TW 1", merge=True, shade=True, formula=True)),
    _b("laporan-urutan-lain.xlsx", lambda: laporan(tw="Target TW-I", order="tw-first", numbering="a.")),
    _b("laporan-pagu-dulu.xlsx", lambda: laporan(order="pagu-first", numbering="1.1")),
    _b("laporan-arsir-gabung.xls", lambda: laporan(tw="Triwulan I", merge=True, shade=True, numbering="I")),
    _b("laporan-gabung.xls", lambda: laporan(tw="TW 1", merge=True, numbering="a.")),
    _b("laporan-arsir-gabung.docx", lambda: laporan(tw="Target TW-I", merge=True, shade=True)),
    _b("laporan-romawi.docx", lambda: laporan(tw="Triwulan I", numbering="I", order="tw-first")),
    _b("laporan-arsir-gabung.pdf", lambda: laporan(tw="TW I", merge=True, shade=True, numbering="1.")),
    _b("laporan-urutan-lain.pdf", lambda: laporan(tw="Triwulan I", order="tw-first", numbering="a.")),
    _b("laporan-trw.txt", lambda: laporan(tw="Trw I")),
    _b("laporan-trw.xlsx", lambda: laporan(tw="Trw I", merge=True)),
    _b("laporan-koma.csv", lambda: laporan(tw="TW 1", numbering="1.1")),
    _b("laporan-sd.txt", lambda: laporan(tw="s.d. TW I"), sd=True),
    _b("laporan-sd-triwulan.xlsx", lambda: laporan(tw="s/d Triwulan I", merge=True, numbering="1."), sd=True),
    _b("laporan-sd-urutan-lain.docx", lambda: laporan(tw="Target s.d. TW-I", order="tw-first"), sd=True),
]
