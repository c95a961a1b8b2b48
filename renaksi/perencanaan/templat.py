"""The Renaksi template's schema and content: a workbook (or Word document) with one table per part of a plan, and a
stored plan as the template's rows. The one definition of its columns for both sides: the writer
(`renaksi/laporan/templat.py`, XLSX and DOCX) builds every row by column title, the reader
(`renaksi/impor/jenis/templat/`, `renaksi/impor/layouts/template.py`) asks for every cell by title. Imported back,
an export gives the same plan.

Parts, in this order (each an XLSX sheet; in the DOCX a heading and a table):

- **Identitas**: one row per item (Isian | Nilai): Pemda, Perangkat Daerah, tahun, judul, tempat, tanggal,
  penandatangan.
- **Sasaran & Indikator**: one row per indikator, its sasaran on the same row (a sasaran without indikator is a row
  with the indikator columns empty); targets for the year and TW I–IV.
- **Anggaran**: program → kegiatan → sub kegiatan, one row each, with kode, nama, pagu and the indikator they support.
- **Aksi**: one row per aksi, under the sub kegiatan named in "Ref sub kegiatan"; months Jan–Des marked "x".
- **Pejabat**: the officials of the PD (nama, NIP, pangkat, golongan, jabatan, Plt/Plh, bidang, heads).
- **PK**: Perjanjian Kinerja, one row per butir.

Rows point at each other with short references that only need to be unique in their table ("S1", "I3", "SK2"); an
official is referred to by NIP, or by name when he has none. Column headers are found by their text, so a column may
be moved or an optional column deleted. Every column is documented on the template's own "Petunjuk" sheet, and
`renaksi export_template --petunjuk` prints the same documentation as Markdown (both come from `SHEETS`).

Numbers are written as numbers: money as whole rupiah with the `#,##0` format, targets with the decimals they carry
(16.20 stays 16.20). A target also remembers how the source document wrote it ("29,17%") in the column "Tertulis di
dokumen asal", so that a plan imported from a document keeps its wording through export and re-import.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from renaksi.core.angka import banyak_desimal, format_angka, teks_kategori
from renaksi.core.bulan import BULAN_SINGKAT
from renaksi.core.nip import format_nip
from renaksi.organisasi.models import Bidang, Pejabat, PerangkatDaerah
from renaksi.perencanaan.models import (
    Indikator,
    PerjanjianKinerja,
    RencanaAksi,
    Sasaran,
    Target,
)
from renaksi.perencanaan.selectors import PlanData, plan_data

TEMPLATE_VERSION = "Renaksi 1"
MARK = "x"
YA, TIDAK = "Ya", "Tidak"
DISIMPULKAN = " (disimpulkan)"
TERTULIS_SEP = " | "

# Labels of the choices a column accepts (the reader also accepts the stored codes).
TINGKAT_SASARAN = {str(v): str(label) for v, label in Sasaran.Level.choices}
TINGKAT_ANGGARAN = {"program": "Program", "kegiatan": "Kegiatan", "sub_kegiatan": "Sub kegiatan"}
POLARITAS = {"positif": "Positif", "negatif": "Negatif"}
AKUMULASI = {"kumulatif": "Kumulatif", "nilai_akhir": "Nilai akhir", "rata_rata": "Rata-rata", "tetap": "Tetap"}
JENIS_TARGET = {str(v): str(label) for v, label in Indikator.JenisTarget.choices}
STATUS_PEJABAT = {"definitif": "Definitif", "plt": "Plt.", "plh": "Plh."}
JENIS_PK = {str(v): str(label) for v, label in PerjanjianKinerja.Jenis.choices}
JENIS_PEMDA = {"provinsi": "Provinsi", "kabupaten": "Kabupaten", "kota": "Kota"}


@dataclass(frozen=True)
class Kolom:
    """A column of a template table. `jenis`: teks, kode (text that looks like a number), uang, target, angka,
    tanggal, bulan (a month mark), pilihan (one of `pilihan`)."""

    judul: str
    lebar: int
    keterangan: str
    jenis: str = "teks"
    pilihan: tuple[str, ...] = ()
    wajib: bool = False


@dataclass(frozen=True)
class Lembar:
    key: str
    nama: str  # sheet name and DOCX heading
    keterangan: str
    kolom: tuple[Kolom, ...]
    kunci: tuple[str, ...]  # the header titles (two or more) that identify this table's header row

    def titles(self) -> list[str]:
        return [k.judul for k in self.kolom]

    def baris(self, values: dict[str, Any]) -> list[Any]:
        """A row of this table from {column title: value}, in the columns' order, a column not given empty (None).
        The writer builds every row this way, so a title the table does not have is a mistake (KeyError)."""
        unknown = set(values) - set(self.titles())
        if unknown:
            raise KeyError(f"{sorted(unknown)}: not a column of {self.nama}")
        return [values.get(k.judul) for k in self.kolom]


def _choice(judul: str, lebar: int, keterangan: str, labels: dict[str, str] | tuple[str, ...], **kw) -> Kolom:
    values = tuple(labels.values()) if isinstance(labels, dict) else labels
    return Kolom(judul, lebar, keterangan, "pilihan", values, **kw)


IDENTITAS_KEYS = (
    Kolom("Templat", 14, f"Versi templat; biarkan '{TEMPLATE_VERSION}'."),
    _choice("Jenis Pemda", 14, "Provinsi, Kabupaten atau Kota.", JENIS_PEMDA),
    Kolom("Nama Pemda", 30, "Tanpa jenisnya, misalnya 'Samarinda'."),
    Kolom("Perangkat Daerah", 40, "Nama lengkap perangkat daerah.", wajib=True),
    Kolom("Tahun", 10, "Tahun rencana aksi, misalnya 2024.", "angka", wajib=True),
    Kolom("Judul", 40, "Judul dokumen (boleh kosong)."),
    Kolom("Tempat penetapan", 20, "Kota tempat dokumen ditandatangani."),
    Kolom("Tanggal penetapan", 16, "Tanggal dokumen ditandatangani (tanggal Excel, atau 2024-01-02).", "tanggal"),
    Kolom("Penandatangan", 28, "NIP (atau nama) pejabat penandatangan; pejabatnya diisi di lembar Pejabat.", "kode"),
)

IDENTITAS = Lembar(
    "identitas", "Identitas",
    "Satu isian per baris: kolom Isian menyebut apa, kolom Nilai isinya.",
    (Kolom("Isian", 24, "Nama isian (jangan diubah)."), Kolom("Nilai", 50, "Isinya."),
     Kolom("Keterangan", 60, "Petunjuk; tidak dibaca.")),
    ("Isian", "Nilai"),
)

TARGET_TITLES = ("Target tahunan", "TW I", "TW II", "TW III", "TW IV")  # the yearly target, then the quarters

SASARAN = Lembar(
    "sasaran", "Sasaran & Indikator",
    "Satu baris per indikator, dengan sasarannya. Sasaran dengan beberapa indikator: ulangi Ref sasaran "
    "(kolom sasaran lain boleh dikosongkan). Sasaran tanpa indikator: kosongkan kolom indikator.",
    (
        Kolom("Ref sasaran", 10, "Kode singkat sasaran, unik di lembar ini (S1, S2 …); dirujuk oleh kolom Ref "
              "induk dan lembar PK.", "kode", wajib=True),
        _choice("Tingkat", 18, "Tingkat sasaran.", TINGKAT_SASARAN),
        Kolom("Ref induk", 10, "Ref sasaran induknya (sasaran program → sasaran strategis), boleh kosong.", "kode"),
        Kolom("Nomor", 8, "Nomor sasaran seperti tertulis di dokumen (1, 6.1 …).", "kode"),
        Kolom("Sasaran", 45, "Uraian sasaran."),
        Kolom("Bidang sasaran", 24, "Bidang yang bertanggung jawab atas sasaran, boleh kosong."),
        Kolom("Ref indikator", 10, "Kode singkat indikator, unik di lembar ini (I1, I2 …); dirujuk oleh lembar "
              "Anggaran dan PK.", "kode"),
        Kolom("Indikator", 45, "Nama indikator kinerja."),
        Kolom("Satuan", 12, "Persen, Orang, Dokumen …"),
        Kolom("Formulasi", 35, "Cara menghitung indikator."),
        _choice("Polaritas", 12, "Positif (makin tinggi makin baik) atau Negatif.", POLARITAS),
        _choice("Akumulasi", 14, "Hubungan target triwulan dengan target tahunan.", AKUMULASI),
        _choice("Jenis target", 12, "Angka, atau Kategori (B, BB, WTP …).", JENIS_TARGET),
        Kolom(TARGET_TITLES[0], 12, "Angka (desimal dengan titik atau koma) atau kategori seperti 'B (67,34)'.",
              "target"),
        *(Kolom(tw, 10, f"Target triwulan {tw.removeprefix('TW ')}.", "target") for tw in TARGET_TITLES[1:]),
        Kolom("Tertulis di dokumen asal", 26, "Diisi Renaksi: tulisan target tahunan | TW I | … | TW IV di "
              "dokumen sumber (misalnya '29,17%'). Boleh dikosongkan; diabaikan bila tidak cocok dengan angkanya."),
        _choice("IKU", 7, "Ya bila Indikator Kinerja Utama.", (YA, TIDAK)),
        Kolom("Bidang", 24, "Bidang pengampu indikator."),
        Kolom("Penanggung jawab", 24, "Jabatan penanggung jawab indikator."),
        Kolom("Sumber data", 20, "Sumber data indikator."),
        Kolom("Catatan", 24, "Catatan indikator."),
        Kolom("Alasan inferensi", 30, "Diisi Renaksi bila polaritas/akumulasi disimpulkan dari dokumen."),
    ),
    ("Ref sasaran", "Sasaran"),
)

ANGGARAN = Lembar(
    "anggaran", "Anggaran",
    "Program, lalu kegiatannya, lalu sub kegiatannya, satu baris masing-masing. Pagu dalam rupiah bulat.",
    (
        Kolom("Ref anggaran", 10, "Kode singkat, unik di lembar ini (P1, K1, SK1 …); sub kegiatan dirujuk oleh "
              "lembar Aksi.", "kode", wajib=True),
        _choice("Tingkat", 14, "Program, Kegiatan atau Sub kegiatan.", TINGKAT_ANGGARAN, wajib=True),
        Kolom("Ref induk", 10, "Ref program (untuk kegiatan) atau kegiatan (untuk sub kegiatan). Kosong: baris "
              "tingkat di atasnya yang terakhir.", "kode"),
        Kolom("Kode", 18, "Kode nomenklatur (8.01.02.2.01.0001), boleh kosong.", "kode"),
        Kolom("Nama", 50, "Nama program, kegiatan atau sub kegiatan.", wajib=True),
        Kolom("Pagu (Rp)", 18, "Pagu anggaran, rupiah bulat.", "uang"),
        Kolom("Bidang", 24, "Bidang pelaksana (sub kegiatan)."),
        Kolom("Ref indikator", 14, "Indikator yang didukung: Ref indikator dari lembar Sasaran & Indikator, "
              "dipisah koma.", "kode"),
        Kolom("Target keluaran", 12, "Target keluaran sub kegiatan (angka).", "target"),
        Kolom("Satuan target", 14, "Satuan target keluaran."),
        Kolom("Target tertulis", 18, "Target seperti tertulis di dokumen ('1200 Orang')."),
        Kolom("Catatan", 24, "Catatan."),
    ),
    ("Ref anggaran", "Tingkat"),
)

AKSI = Lembar(
    "aksi", "Aksi",
    "Satu baris per aksi. Tandai bulan pelaksanaan dengan 'x'.",
    (
        Kolom("Ref sub kegiatan", 12, "Ref anggaran sub kegiatan tempat aksi ini (lembar Anggaran).", "kode",
              wajib=True),
        Kolom("Nomor", 7, "Nomor aksi seperti tertulis.", "kode"),
        Kolom("Uraian aksi", 45, "Uraian aksi / kegiatan.", wajib=True),
        *(Kolom(m, 5, f"'x' bila aksi dilaksanakan pada bulan {m}.", "bulan", (MARK,)) for m in BULAN_SINGKAT),
        Kolom("Output/keluaran", 30, "Keluaran aksi."),
        Kolom("Target", 10, "Target aksi (angka).", "target"),
        Kolom("Satuan target", 12, "Satuan target."),
        Kolom("Target tertulis", 16, "Target seperti tertulis di dokumen."),
        Kolom("Pagu (Rp)", 16, "Pagu aksi bila ada, rupiah bulat.", "uang"),
        Kolom("Penanggung jawab", 26, "Jabatan penanggung jawab."),
        Kolom("Pejabat PJ", 22, "NIP (atau nama) pejabat penanggung jawab, dari lembar Pejabat.", "kode"),
        Kolom("Catatan", 24, "Catatan."),
    ),
    ("Ref sub kegiatan", "Uraian aksi"),
)

PEJABAT = Lembar(
    "pejabat", "Pejabat",
    "Pejabat perangkat daerah. NIP 18 angka, boleh dengan spasi.",
    (
        Kolom("Nama pejabat", 30, "Nama dengan gelar.", wajib=True),
        Kolom("NIP", 22, "18 angka, boleh dengan spasi (19670319 199702 1 003).", "kode"),
        Kolom("Pangkat", 16, "Pembina, Penata Tk. I …"),
        Kolom("Golongan", 9, "IV/a, III/d …"),
        Kolom("Jabatan", 36, "Jabatan (tanpa Plt./Plh.).", wajib=True),
        _choice("Status", 10, "Definitif, Plt. atau Plh.", STATUS_PEJABAT),
        Kolom("Bidang", 24, "Bidang tempat pejabat bertugas."),
        _choice("Kepala bidang", 9, "Ya bila pejabat ini kepala bidangnya.", (YA, TIDAK)),
        _choice("Kepala PD", 9, "Ya bila pejabat ini kepala perangkat daerah.", (YA, TIDAK)),
    ),
    ("Nama pejabat", "NIP"),
)

PK = Lembar(
    "pk", "PK",
    "Perjanjian Kinerja, satu baris per butir. Butir-butir satu PK memakai Ref PK yang sama; data PK "
    "(pihak, tempat, tanggal) dibaca dari baris pertamanya.",
    (
        Kolom("Ref PK", 8, "Kode singkat PK (PK1, PK2 …).", "kode", wajib=True),
        _choice("Jenis PK", 11, "Murni atau Perubahan.", JENIS_PK),
        Kolom("Pihak pertama", 22, "NIP (atau nama) pihak pertama, dari lembar Pejabat.", "kode"),
        Kolom("Pihak kedua", 22, "NIP (atau nama) pihak kedua, dari lembar Pejabat.", "kode"),
        Kolom("Jabatan pihak kedua", 26, "Misalnya Wali Kota Samarinda."),
        Kolom("Tempat", 14, "Tempat penandatanganan."),
        Kolom("Tanggal", 14, "Tanggal penandatanganan.", "tanggal"),
        Kolom("Nomor butir", 8, "Nomor butir.", "kode"),
        Kolom("Ref sasaran", 10, "Ref sasaran (lembar Sasaran & Indikator).", "kode"),
        Kolom("Ref indikator", 10, "Ref indikator (lembar Sasaran & Indikator).", "kode"),
        Kolom("Target", 12, "Target PK: angka atau kategori.", "target"),
        Kolom("Target tertulis", 16, "Target seperti tertulis di PK ('29,17%')."),
    ),
    ("Ref PK", "Ref indikator"),
)

SHEETS: tuple[Lembar, ...] = (IDENTITAS, SASARAN, ANGGARAN, AKSI, PEJABAT, PK)
PETUNJUK_NAMA = "Petunjuk"
PETUNJUK_HEADER = ("Lembar", "Kolom", "Isi", "Wajib")
DAFTAR_NAMA = "Daftar"


# --- From a plan to rows ---------------------------------------------------------------------------------------


@dataclass
class TemplateData:
    """The template's tables as plain values (str, int, Decimal, date or None), ready for any formatter."""

    judul: str
    identitas: list[tuple[str, Any]]
    tables: dict[str, list[list[Any]]] = field(default_factory=dict)
    bidang: list[str] = field(default_factory=list)  # choices for the Bidang columns
    # Appendix of the checker's open findings (off by default): rows of TEMUAN_HEADER. Not read back on import.
    temuan: list[list[str]] = field(default_factory=list)


TEMUAN_NAMA = "Lampiran Temuan"
TEMUAN_HEADER = ("No", "Tingkat", "Aturan", "Temuan", "Letak")


def temuan_rows(findings) -> list[list[str]]:
    """The checker's findings as appendix rows (number, severity, rule id, message, place in the plan and source)."""
    return [[str(i), str(f.severity.label), f.rule, str(f.message),
             "; ".join([f.location.label, *f.location.source_lines()])]
            for i, f in enumerate(findings, start=1)]


def target_number(nilai: Decimal | None, desimal: int) -> Decimal | int | None:
    """A stored target (6 decimals in the database) back with the decimals it was written with."""
    if nilai is None:
        return None
    quantized = nilai.quantize(Decimal(1).scaleb(-desimal)) if desimal >= 0 else nilai
    value = quantized if quantized == nilai else nilai.normalize()
    return int(value) if desimal == 0 and value == value.to_integral_value() else value


def default_teks(nilai: Decimal | int | None, kategori: str = "") -> str:
    """How `target_set` writes a target when the source gives no wording: '80', '16,20', 'B (67,34)'."""
    return teks_kategori(kategori, format_angka(nilai))


def target_cell(target: Target | None) -> Any:
    """The value of a target cell: a number, a category text such as 'B (67,34)', or None."""
    if target is None:
        return None
    if target.kategori:
        return target.teks or default_teks(target_number(target.nilai, target.desimal), target.kategori)
    if target.nilai is None:
        return target.teks or None  # '-' as written stays written
    return target_number(target.nilai, target.desimal)


def _target_written(target: Target | None) -> tuple[str, bool]:
    """(the wording of a target, whether it differs from what the number alone would give)."""
    if target is None:
        return "", False
    value = target_number(target.nilai, target.desimal)
    if target.kategori or target.nilai is None:
        return target.teks, False  # the cell itself carries the wording
    return target.teks, target.teks != default_teks(value)


def pejabat_ref(pejabat: Pejabat | None) -> str:
    if pejabat is None:
        return ""
    return format_nip(pejabat.nip) if pejabat.nip else pejabat.nama


def _label(choices: dict[str, str], value: str, disimpulkan: bool = False) -> str:
    label = choices.get(value, value)
    return label + DISIMPULKAN if disimpulkan else label


def _ya(value: bool) -> str:
    return YA if value else TIDAK


def build_template_data(rencana_aksi: RencanaAksi | None = None, *,
                        perangkat_daerah: PerangkatDaerah | None = None, tahun: int | None = None) -> TemplateData:
    """The template for a plan, or a blank one (optionally with its PD and year filled in)."""
    pd = rencana_aksi.perangkat_daerah if rencana_aksi else perangkat_daerah
    pemda = pd.pemda if pd else None
    tahun = rencana_aksi.tahun if rencana_aksi else tahun
    plan = plan_data(rencana_aksi=rencana_aksi) if rencana_aksi else None
    identitas_values = {
        "Templat": TEMPLATE_VERSION,
        "Jenis Pemda": JENIS_PEMDA.get(pemda.jenis, "") if pemda else None,
        "Nama Pemda": pemda.nama if pemda else None,
        "Perangkat Daerah": pd.nama if pd else None,
        "Tahun": tahun,
        "Judul": rencana_aksi.judul if rencana_aksi else None,
        "Tempat penetapan": rencana_aksi.tempat if rencana_aksi else None,
        "Tanggal penetapan": rencana_aksi.tanggal if rencana_aksi else None,
        "Penandatangan": pejabat_ref(plan.pejabat_of(rencana_aksi.penandatangan_id)) if plan else None,
    }
    data = TemplateData(
        judul=str(rencana_aksi) if rencana_aksi else _("Templat Rencana Aksi Renaksi"),
        identitas=[(k.judul, identitas_values[k.judul] or None) for k in IDENTITAS_KEYS],
        tables={sheet.key: [] for sheet in SHEETS if sheet is not IDENTITAS},
    )
    if plan is not None:
        data.bidang = [b.nama for b in plan.bidang]
        _fill_from_plan(data, plan)
    elif pd is not None:
        bidang = list(Bidang.objects.filter(perangkat_daerah=pd).order_by("urutan", "nama"))
        data.bidang = [b.nama for b in bidang]
        data.tables["pejabat"] = _pejabat_rows(
            pd, list(Pejabat.objects.filter(perangkat_daerah=pd).select_related("bidang")),
            {b.kepala_id for b in bidang if b.kepala_id})
    return data


def _fill_from_plan(data: TemplateData, plan: PlanData) -> None:
    def bidang(pk: int | None) -> str:
        found = plan.bidang_by_id.get(pk) if pk else None
        return found.nama if found else ""

    sasaran_ref = {s.pk: f"S{i}" for i, s in enumerate(plan.sasaran, start=1)}
    indikator_ref: dict[int, str] = {}
    rows = data.tables["sasaran"]
    for s in plan.sasaran:
        sasaran_cells = {"Ref sasaran": sasaran_ref[s.pk], "Tingkat": _label(TINGKAT_SASARAN, s.level),
                         "Ref induk": sasaran_ref.get(s.parent_id, ""), "Nomor": s.nomor, "Sasaran": s.uraian,
                         "Bidang sasaran": bidang(s.bidang_id)}
        for ind in plan.indikator_of(s.pk) or [None]:
            if ind is None:
                rows.append(SASARAN.baris(sasaran_cells))
                continue
            ref = indikator_ref[ind.pk] = f"I{len(indikator_ref) + 1}"
            quarter = [plan.target(ind.pk, tw) for tw in (None, 1, 2, 3, 4)]
            written = [_target_written(t) for t in quarter]
            tertulis = TERTULIS_SEP.join(w for w, _ in written) if any(d for _, d in written) else ""
            rows.append(SASARAN.baris({
                **sasaran_cells, "Ref indikator": ref, "Indikator": ind.nama, "Satuan": ind.satuan,
                "Formulasi": ind.formulasi,
                "Polaritas": _label(POLARITAS, ind.polaritas, ind.polaritas_disimpulkan),
                "Akumulasi": _label(AKUMULASI, ind.akumulasi, ind.akumulasi_disimpulkan),
                "Jenis target": _label(JENIS_TARGET, ind.jenis_target),
                **{judul: target_cell(t) for judul, t in zip(TARGET_TITLES, quarter, strict=True)},
                "Tertulis di dokumen asal": tertulis, "IKU": _ya(ind.is_iku), "Bidang": bidang(ind.bidang_id),
                "Penanggung jawab": ind.penanggung_jawab, "Sumber data": ind.sumber_data, "Catatan": ind.catatan,
                "Alasan inferensi": ind.alasan_inferensi,
            }))

    def refs(level: str, pk: int) -> str:
        linked = sorted(plan.linked_indikator(level, pk), key=lambda i: (i.urutan, i.pk))
        return ", ".join(indikator_ref[i.pk] for i in linked if i.pk in indikator_ref)

    def anggaran(ref: str, tingkat: str, induk: str, item, **rest) -> list[Any]:
        """A row of the Anggaran table; a program's or kegiatan's has no bidang, target nor catatan."""
        empty = {"Bidang": "", "Satuan target": "", "Target tertulis": "", "Catatan": ""}
        return ANGGARAN.baris({**empty, "Ref anggaran": ref, "Tingkat": TINGKAT_ANGGARAN[tingkat], "Ref induk": induk,
                               "Kode": item.kode, "Nama": item.nama, "Pagu (Rp)": item.pagu,
                               "Ref indikator": refs(tingkat, item.pk), **rest})

    rows = data.tables["anggaran"]
    sub_ref: dict[int, str] = {}
    n_keg = 0
    for p_index, program in enumerate(plan.program, start=1):
        p_ref = f"P{p_index}"
        rows.append(anggaran(p_ref, "program", "", program))
        for kegiatan in plan.kegiatan_of(program.pk):
            n_keg += 1
            k_ref = f"K{n_keg}"
            rows.append(anggaran(k_ref, "kegiatan", p_ref, kegiatan))
            for sk in plan.sub_kegiatan_of(kegiatan.pk):
                ref = sub_ref[sk.pk] = f"SK{len(sub_ref) + 1}"
                rows.append(anggaran(ref, "sub_kegiatan", k_ref, sk, **{
                    "Bidang": bidang(sk.bidang_id),
                    "Target keluaran": target_number(sk.target_nilai, _places(sk.target_nilai)),
                    "Satuan target": sk.target_satuan, "Target tertulis": sk.target_teks, "Catatan": sk.catatan}))

    aksi_rows = data.tables["aksi"]
    for sk_pk, ref in sub_ref.items():
        for aksi in plan.aksi_of(sk_pk):
            months = plan.bulan_of(aksi.pk)
            aksi_rows.append(AKSI.baris({
                "Ref sub kegiatan": ref, "Nomor": aksi.nomor, "Uraian aksi": aksi.uraian,
                **{bulan: MARK if m in months else None for m, bulan in enumerate(BULAN_SINGKAT, start=1)},
                "Output/keluaran": aksi.keluaran,
                "Target": target_number(aksi.target_nilai, _places(aksi.target_nilai)),
                "Satuan target": aksi.target_satuan, "Target tertulis": aksi.target_teks, "Pagu (Rp)": aksi.pagu,
                "Penanggung jawab": aksi.penanggung_jawab,
                "Pejabat PJ": pejabat_ref(plan.pejabat_of(aksi.pejabat_id)), "Catatan": aksi.catatan,
            }))

    pk_rows = data.tables["pk"]
    for n, pk in enumerate(plan.perjanjian_kinerja, start=1):
        head = {"Ref PK": f"PK{n}", "Jenis PK": _label(JENIS_PK, pk.jenis),
                "Pihak pertama": pejabat_ref(pk.pihak_pertama), "Pihak kedua": pejabat_ref(pk.pihak_kedua),
                "Jabatan pihak kedua": pk.pihak_kedua_jabatan, "Tempat": pk.tempat, "Tanggal": pk.tanggal}
        for item in pk.items:
            if item.target_kategori:
                target = item.target_teks or default_teks(target_number(item.target_nilai,
                                                                        _places(item.target_nilai)),
                                                          item.target_kategori)
            else:
                target = target_number(item.target_nilai, _places(item.target_nilai))
            pk_rows.append(PK.baris({**head, "Nomor butir": item.nomor, "Ref sasaran": sasaran_ref.get(item.sasaran_id, ""),
                                     "Ref indikator": indikator_ref.get(item.indikator_id, ""), "Target": target,
                                     "Target tertulis": item.target_teks}))
        if not pk.items:
            pk_rows.append(PK.baris(head))
    # The PD's officials and every other one the plan names (plan_data loads exactly these).
    data.tables["pejabat"] = _pejabat_rows(plan.plan.perangkat_daerah, list(plan.pejabat_by_id.values()),
                                           {b.kepala_id for b in plan.bidang if b.kepala_id})


def _places(nilai: Decimal | None) -> int:
    """Decimals a stored value really needs (the database pads to 6): Decimal('12.500000') → 1."""
    if nilai is None:
        return 0
    return banyak_desimal(nilai, tanpa_nol=True)


def _pejabat_rows(pd: PerangkatDaerah, officials: list[Pejabat], heads: set[int]) -> list[list[Any]]:
    """The Pejabat sheet: `officials` (with `bidang` loaded) by name; `heads` are the ids of bidang heads."""
    rows = []
    for p in sorted(officials, key=lambda p: (p.nama.casefold(), p.pk)):
        rows.append(PEJABAT.baris({
            "Nama pejabat": p.nama, "NIP": format_nip(p.nip), "Pangkat": p.pangkat, "Golongan": p.golongan,
            "Jabatan": p.jabatan, "Status": _label(STATUS_PEJABAT, p.status),
            "Bidang": p.bidang.nama if p.bidang_id else "", "Kepala bidang": _ya(p.pk in heads),
            "Kepala PD": _ya(pd.kepala_id == p.pk)}))
    return rows
