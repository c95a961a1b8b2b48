"""Every number of a document accounted for (issue 19, "never silently wrong").

After a parse, each numeric cell of the `Grid` is one of
- **ditempatkan**: its place is the place of a value of the plan (a target, a pagu, a PK target …: every `NilaiSel`,
  `Uang` and `Teks` of the `RencanaAksiDoc` carries its `Place`), or a layout marked it with `Cakupan.pindah` (a value
  read from a slipped cell) or `Cakupan.tempatkan`;
- **diabaikan** with a reason: numbering ("1", "1.", "6.1" at the start of a row), a row of column numbers
  ("1 2 3 … 8" under a header), page numbers of a table of contents, a date, a NIP, a Kepmendagri code, a year beside
  the word "tahun", a stated total row whose value equals the sum of a level of the plan, or what a layout marked
  with `Cakupan.abaikan`;
- **tidak ditempatkan**: everything else, listed with its place and text.

Realisasi read from a monev table (`RencanaAksiDoc.realisasi`) counts as placed only where it is stored: in the plan
the PD already has for the year. When the document is stored as a plan instead, its realisasi is not stored
(`monev.tanpa_rencana`): `Ringkasan.realisasi_tidak_disimpan()` lists those numbers as not placed, naming why, so
`--strict` refuses such a document.
A cell holding one number per line ("10", "25" in one cell) counts each line as a number of that cell; a cell a
layout left unread on purpose (`Cakupan.lepas`: packed targets that cannot be matched to their indikator) is never
placed, whatever value carries its place.

`Cakupan` (in `renaksi.impor.tanda`) is the small accounting object the layouts mark (`doc.cakupan`); `hitung(grid,
doc)` does the counting once for every layout. What the document holds and the plan has no place for (monthly targets per indikator, realisasi
columns) is named in `Ringkasan.tanpa_tempat`, one sentence each.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from django.utils.translation import gettext

from renaksi.core.angka import parse_uang
from renaksi.core.bulan import nomor_bulan
from renaksi.impor.dokumen import NilaiSel, RencanaAksiDoc, Teks, Uang
from renaksi.impor.grid import Grid, Place
from renaksi.impor.tabel import PeranKolom, find_tables
from renaksi.impor.tanda import Cakupan, Kunci, kunci

# A cell that is a number: money, a count, a percentage, a number with a short unit, a category with its score.
_ANGKA = re.compile(
    r"^(?:rp\.?\s*)?[-+]?\d[\d.,]*(?:\s*%|\s+[^\W\d_]+(?:[ /][^\W\d_]+){0,2})?$"
    r"|^[A-Z]{1,3}\s*\(\s*\d[\d.,]*\s*\)$",
    re.IGNORECASE,
)
_PENOMORAN = re.compile(r"^\d{1,3}(?:\.\d{1,2})*\.?$")
_KODE = re.compile(r"^\d{1,2}(?:\.[0-9X]{1,4}){2,}$", re.IGNORECASE)
_TANGGAL = re.compile(r"^\d{1,2}[ /-]([^\W\d_]+|\d{1,2})[ /-](?:19|20)\d\d$")
_JUDUL_BAGIAN = re.compile(r"^\d+(?:\.\d+)*\.?\s+\S+\s+\S+")  # a numbered heading: "1.2 MAKSUD DAN TUJUAN"
_TOTAL = re.compile(r"^(?:total|jumlah|sub\s*total)\b", re.IGNORECASE)
_DAFTAR = re.compile(r"^daftar\s+(?:isi|tabel|gambar|lampiran)\b", re.IGNORECASE)
_BULAN_TARGET = re.compile(r"target|rencana", re.IGNORECASE)
_REALISASI = re.compile(r"realisasi|capaian", re.IGNORECASE)

# Why a number was recognised and left out; the keys are the JSON's, the values the preview's words.
ALASAN = {
    "penomoran": "penomoran",
    "nomor_kolom": "nomor kolom",
    "halaman": "nomor halaman",
    "tanggal": "tanggal",
    "nip": "NIP",
    "kode": "kode Kepmendagri",
    "tahun": "tahun",
    "jumlah": "baris jumlah (cocok dengan jumlah barisnya)",
}


def is_total(text: str) -> bool:
    """A total row's label: "Jumlah", "Total", "Sub Total" …"""
    return bool(_TOTAL.match(text.strip()))


def angka_sel(teks: str) -> bool:
    """Whether a cell's whole text is a number (with %, Rp, a short unit, or a category score)."""
    teks = teks.strip()
    return bool(teks) and (bool(_ANGKA.match(teks)) or bool(_TANGGAL.match(teks)))


@dataclass
class Ringkasan:
    angka: int = 0
    ditempatkan: int = 0
    diabaikan: dict[str, int] = field(default_factory=dict)
    tidak_ditempatkan: list[tuple[Place, str, str]] = field(default_factory=list)  # (place, text, why or "")
    tanpa_tempat: list[str] = field(default_factory=list)  # sentences: what the plan has no place for yet
    baris_terisi: set[tuple[str, int | None]] = field(default_factory=set)  # (sheet, row) holding a placed value
    realisasi: list[tuple[Place, str]] = field(default_factory=list)  # placed as realisasi, stored only into a plan

    @property
    def jumlah_diabaikan(self) -> int:
        return sum(self.diabaikan.values())

    @property
    def persen(self) -> int:
        """The share of the document's numbers that went into the plan (100 when it has none)."""
        return round(100 * self.ditempatkan / self.angka) if self.angka else 100

    @property
    def lengkap(self) -> bool:
        return not self.tidak_ditempatkan

    def realisasi_tidak_disimpan(self) -> Ringkasan:
        """The accounting when the document is stored as a new plan: its realisasi is not stored then (no plan held
        it, `monev.tanpa_rencana`), so each realisasi number is listed as not placed, with why."""
        if not self.realisasi:
            return self
        alasan = gettext("realisasi: belum ada rencana aksi untuk menerimanya, tidak disimpan")
        return dataclasses.replace(self, ditempatkan=self.ditempatkan - len(self.realisasi), realisasi=[],
                                   tidak_ditempatkan=[*self.tidak_ditempatkan,
                                                      *((p, t, alasan) for p, t in self.realisasi)])

    def rincian_diabaikan(self) -> list[tuple[str, int]]:
        return [(ALASAN.get(k, k), n) for k, n in sorted(self.diabaikan.items())]

    def as_json(self) -> dict:
        return {
            "angka": self.angka,
            "ditempatkan": self.ditempatkan,
            "diabaikan": self.jumlah_diabaikan,
            "diabaikan_rinci": dict(sorted(self.diabaikan.items())),
            "persen_ditempatkan": self.persen,
            "tidak_ditempatkan": [{"tempat": p.describe(), "teks": t, "alasan": a} for p, t, a in self.tidak_ditempatkan],
            "tanpa_tempat": list(self.tanpa_tempat),
        }


def _tempat_nilai(doc: RencanaAksiDoc) -> set[Kunci]:
    """The places of every value the document structure holds (targets, pagu, names, PK lines …)."""
    found: set[Kunci] = set()
    seen: set[int] = set()

    def walk(obj) -> None:
        if obj is None or isinstance(obj, str | int | float | bool | Place) or id(obj) in seen:
            return
        seen.add(id(obj))
        if isinstance(obj, NilaiSel | Uang | Teks):
            if obj.place is not None:
                found.add(kunci(obj.place))
            for bagian in getattr(obj, "bagian", ()):
                walk(bagian)
            return
        if isinstance(obj, list | tuple):
            for item in obj:
                walk(item)
        elif dataclasses.is_dataclass(obj) and not isinstance(obj, Cakupan):
            for f in dataclasses.fields(obj):
                if f.name not in ("decisions", "warnings", "parent"):
                    walk(getattr(obj, f.name))

    walk(doc)
    return found


def _alasan_sendiri(teks: str, sebelah: str) -> str | None:
    """A number recognised by its own shape: a NIP, a date, a Kepmendagri code, a year beside 'tahun'."""
    digits = re.sub(r"[\s.]", "", teks)
    if digits.isdigit() and len(digits) == 18:
        return "nip"
    if (m := _TANGGAL.match(teks)) and (m.group(1).isdigit() or nomor_bulan(m.group(1))):
        return "tanggal"
    if _KODE.match(teks) and not all(len(part) == 3 for part in teks.split(".")[1:]):
        return "kode"
    if re.fullmatch(r"(?:19|20)\d\d", teks) and "tahun" in sebelah.lower():
        return "tahun"
    return None


def hitung(grid: Grid, doc: RencanaAksiDoc) -> Ringkasan:
    """Account for every numeric cell of `grid` against what `doc` (and its layout's marks) placed."""
    marks: Cakupan = doc.cakupan
    placed = (_tempat_nilai(doc) | marks.ditempatkan) - marks.dilepas
    totals = {v for v in doc.pagu_totals().values() if v}
    moved = {k for k, to in marks.pindahan.items() if to in placed}
    realisasi = {kunci(p): p for r in doc.realisasi for p in r.realisasi_place if p is not None}
    hasil = Ringkasan(baris_terisi={(k[0], k[1]) for k in placed | moved})
    for sheet in grid.sheets:
        in_toc = False
        header_above = ""
        for row in sheet.rows:
            cells = [c.strip() for c in row.cells]
            filled = [(i, c) for i, c in enumerate(cells) if c]
            if not filled:
                continue
            if len(filled) == 1 and _DAFTAR.match(filled[0][1]):
                in_toc = True
                continue
            if in_toc and (len(cells) > 2 or (len(filled) == 1 and len(cells) == 1)):
                in_toc = False
            numbers = [(i, x) for i, c in filled for x in _angka_dalam(c)
                       if not (len(cells) == 1 and _JUDUL_BAGIAN.match(x))]
            column_numbers = (len(filled) >= 3 and len(numbers) == len(filled)
                              and [c for _i, c in filled] == [str(n) for n in range(1, len(filled) + 1)])
            total_row = any(_TOTAL.match(c) for _i, c in filled[:3] if not angka_sel(c))
            for i, teks in numbers:
                place = grid.place(sheet, row, i)
                key = kunci(place)
                hasil.angka += 1
                if key in placed or marks.pindahan.get(key) in placed:
                    hasil.ditempatkan += 1
                    if key in realisasi:
                        hasil.realisasi.append((realisasi[key], teks))  # its place names the column
                    continue
                alasan = marks.diabaikan.get(key)
                if alasan is None:
                    sebelah = " ".join(c for _j, c in filled if _j < i) + " " + header_above
                    alasan = _alasan_sendiri(teks, sebelah)
                if alasan is None and column_numbers:
                    alasan = "nomor_kolom"
                if alasan is None and in_toc and i == len(cells) - 1 and teks.isdigit():
                    alasan = "halaman"
                if alasan is None and filled[0][0] == i and len(filled) > 1 and _PENOMORAN.match(teks):
                    alasan = "penomoran"
                if alasan is None and total_row:
                    nilai = _uang(teks)
                    if nilai is not None and nilai in totals:
                        alasan = "jumlah"
                if alasan is None:
                    hasil.tidak_ditempatkan.append((place, teks, ""))
                    continue
                hasil.diabaikan[alasan] = hasil.diabaikan.get(alasan, 0) + 1
            if not numbers:
                header_above = " ".join(c for _i, c in filled)
    hasil.tanpa_tempat = _tanpa_tempat(grid, placed)
    return hasil


def _angka_dalam(teks: str) -> list[str]:
    """The numbers of a cell: the cell itself, or each line of a cell holding one number per line ("10\\n25")."""
    lines = [x.strip() for x in teks.split("\n") if x.strip()]
    if len(lines) > 1 and all(angka_sel(x) for x in lines):
        return lines
    return [teks] if angka_sel(teks) else []


def _uang(teks: str) -> int | None:
    try:
        return parse_uang(teks)
    except ValueError:
        return None


def _tanpa_tempat(grid: Grid, placed: set[Kunci]) -> list[str]:
    """One sentence for each kind of column the plan has no place for, when the document fills it."""
    bulan_target = realisasi = 0
    for sheet in grid.sheets:
        for tabel in find_tables(grid, sheet):
            month_cols = list(tabel.bulan)
            heading = " ".join(tabel.judul_kolom.values())
            has_aksi = PeranKolom.AKSI in tabel.cols
            for row in tabel.rows:
                for col, label in tabel.judul_kolom.items():
                    if _REALISASI.search(label) and angka_sel(row.cell(col)) \
                            and kunci(tabel.place(row, col)) not in placed:
                        realisasi += 1
                if month_cols and not has_aksi and (PeranKolom.INDIKATOR in tabel.cols
                                                    or _BULAN_TARGET.search(heading)):
                    bulan_target += sum(1 for col in month_cols if col is not None and angka_sel(row.cell(col))
                                        and kunci(tabel.place(row, col)) not in placed)
    sentences = []
    if bulan_target:
        sentences.append(gettext("Dokumen memuat target bulanan per indikator (%(n)s angka); rencana aksi belum "
                                 "punya tempat untuk target bulanan, angka itu tidak diimpor.") % {"n": bulan_target})
    if realisasi:
        sentences.append(gettext("Dokumen memuat kolom realisasi (%(n)s angka); rencana aksi tidak menyimpan "
                                 "realisasi dari dokumen rencana, angka itu tidak diimpor (impor realisasi lewat "
                                 "buku kerja monev).") % {"n": realisasi})
    return sentences
