"""Monev workbooks → `RealisasiDoc` (see `renaksi.impor.realisasi` and docs/impor/monev.md). Two layouts:

- **monev_renaksi**: the form Renaksi exports (`renaksi.monev.ekspor`): a sheet with an "ID indikator" column and
  one with an "ID sub kegiatan" column; "ID rencana aksi" above the header names the plan.
- **evaluasi_renja**: the Permendagri 86/2017 "Evaluasi terhadap hasil Renja" table as PDs keep it in Excel:
  No | Sasaran | Program/Kegiatan/Sub kegiatan | Indikator | Satuan | Target Renstra (K, Rp) | … | Realisasi
  TW I–IV (K, Rp each) | … | Unit PJ | Keterangan, with a header of merged cells over two or three rows. The level
  of a row is read from its name ("Program …", "Kegiatan …", "Sub Kegiatan …"), else from its kode, else from
  whether its amounts are `=SUM()` formulas (an aggregate) or typed (a leaf). Realisasi anggaran is taken from
  sub kegiatan rows only; every stated total (program, kegiatan, "Jumlah") is compared with the sum of the sub
  kegiatan rows under it and a difference is a warning naming the cell, with what its formula counts twice or
  leaves out.
A number stored as a number is read with "." as its decimal point; a number stored as text is read like any
document number (`renaksi.core.angka`), and an ambiguous one is reported as a decision.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext
from openpyxl.utils import column_index_from_string

from renaksi.core.angka import Angka, AngkaTidakValid, JenisAngka, parse_angka
from renaksi.core.capaian import ROMAWI
from renaksi.impor.dokumen import (
    EVALUASI_FIELDS,
    RealisasiAnggaranDoc,
    RealisasiDoc,
    RealisasiIndikatorDoc,
    Teks,
    Uang,
)
from renaksi.impor.grid import Grid, ImporGagal, Place, Row, Sheet

RENAKSI = "monev_renaksi"
EVALUASI_RENJA = "evaluasi_renja"
TW_BY_ROMAN = {v.lower(): k for k, v in ROMAWI.items()}


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def detect(grid: Grid) -> str | None:
    """Which monev layout the workbook is in, or None (not a monev workbook)."""
    for sheet in grid.sheets:
        for row in sheet.rows[:15]:
            cells = {_norm(c) for c in row.cells}
            if cells & {"id indikator", "id sub kegiatan"} and any(c.startswith("realisasi") for c in cells):
                return RENAKSI
    for sheet in grid.sheets:
        if _find_header(sheet) is not None:
            return EVALUASI_RENJA
    return None


def read(grid: Grid) -> RealisasiDoc:
    kind = detect(grid)
    doc = RealisasiDoc(dokumen=grid.dokumen, format=grid.format, layout=kind or "")
    doc.decisions.extend(grid.decisions)
    doc.warnings.extend(grid.warnings)
    if kind == RENAKSI:
        _RenaksiForm(grid, doc).read()
    elif kind == EVALUASI_RENJA:
        for sheet in grid.sheets:
            header = _find_header(sheet)
            if header is not None:
                _EvaluasiRenja(grid, sheet, header, doc).read()
    return doc


# --- reading cells -------------------------------------------------------------------------------------------------


def _kinerja(grid: Grid, sheet: Sheet, row: Row, col: int, doc: RealisasiDoc, strict: bool) -> Angka | None:
    """A realisasi kinerja cell (0-based `col`); None when empty. Unreadable: refused (`strict`) or a warning."""
    text = row.cell(col)
    if not text:
        return None
    place = grid.place(sheet, row, col)
    if (row.number, col + 1) in sheet.numbers:
        try:
            nilai = Decimal(text.rstrip("%"))
        except InvalidOperation:
            nilai = None
        if nilai is not None and nilai.is_finite():
            return Angka(teks=text, nilai=nilai, persen=text.endswith("%"))
    try:
        angka = parse_angka(text, JenisAngka.UMUM)
    except AngkaTidakValid as exc:
        if strict:
            raise ImporGagal(gettext("realisasi '%(teks)s' bukan angka atau kategori (%(galat)s).")
                             % {"teks": text, "galat": exc}, place) from exc
        doc.warn("monev.nilai_tidak_terbaca", gettext("Realisasi '%(teks)s' bukan angka; tidak disimpan.")
                 % {"teks": text}, place)
        return None
    if angka.keputusan:
        doc.decide("angka.pemisah", angka.keputusan, place)
    return angka


def _rupiah(grid: Grid, sheet: Sheet, row: Row, col: int, doc: RealisasiDoc, strict: bool) -> Uang | None:
    text = row.cell(col)
    if not text:
        return None
    place = grid.place(sheet, row, col)
    try:
        if (row.number, col + 1) in sheet.numbers:
            value = Decimal(text)
            if not value.is_finite() or value != value.to_integral_value():
                raise AngkaTidakValid(f"'{text}': realisasi anggaran harus rupiah bulat, tanpa sen.")
            nilai: int | None = int(value)
        else:
            angka = parse_angka(text, JenisAngka.UANG)
            if angka.kategori:
                raise AngkaTidakValid(f"'{text}' bukan nilai uang.")
            nilai = None if angka.nilai is None else int(angka.nilai)
    except (AngkaTidakValid, InvalidOperation) as exc:
        if strict:
            raise ImporGagal(gettext("realisasi anggaran '%(teks)s' bukan rupiah bulat (%(galat)s).")
                             % {"teks": text, "galat": exc}, place) from exc
        doc.warn("monev.nilai_tidak_terbaca", gettext("Realisasi anggaran '%(teks)s' bukan rupiah bulat; tidak "
                                                      "disimpan.") % {"teks": text}, place)
        return None
    if nilai is not None and nilai < 0:
        raise ImporGagal(gettext("realisasi anggaran tidak boleh negatif (%(teks)s).") % {"teks": text}, place)
    return None if nilai is None else Uang(nilai=nilai, teks=text, place=place)


def _int(text: str) -> int | None:
    text = text.strip()
    if text.endswith(".0"):
        text = text[:-2]
    return int(text) if text.isdigit() else None


# --- the Renaksi form ---------------------------------------------------------------------------------------------


class _RenaksiForm:
    def __init__(self, grid: Grid, doc: RealisasiDoc):
        self.grid, self.doc = grid, doc

    def read(self) -> None:
        for sheet in self.grid.sheets:
            for index, row in enumerate(sheet.rows[:15]):
                cells = [_norm(c) for c in row.cells]
                if cells and cells[0] == "id rencana aksi":
                    self._plan_id(sheet, row)
                if cells and cells[0] in ("id indikator", "id sub kegiatan"):
                    columns = {c: i for i, c in enumerate(cells) if c}
                    body = sheet.rows[index + 1:]
                    if cells[0] == "id indikator":
                        self._indikator(sheet, columns, body)
                    else:
                        self._sub_kegiatan(sheet, columns, body)
                    break

    def _plan_id(self, sheet: Sheet, row: Row) -> None:
        pk = _int(row.cell(1))
        if pk is None:
            raise ImporGagal(gettext("ID rencana aksi '%(teks)s' bukan angka.") % {"teks": row.cell(1)},
                             self.grid.place(sheet, row, 1))
        if self.doc.rencana_aksi_id not in (None, pk):
            raise ImporGagal(gettext("lembar ini menyebut rencana aksi id %(id)s, lembar lain id %(id_lain)s.")
                             % {"id": pk, "id_lain": self.doc.rencana_aksi_id}, self.grid.place(sheet, row, 1))
        self.doc.rencana_aksi_id = pk

    def _id(self, sheet: Sheet, row: Row) -> int | None:
        pk = _int(row.cell(0))
        if pk is None:
            raise ImporGagal(gettext("ID '%(teks)s' bukan angka; jangan mengubah kolom ID.") % {"teks": row.cell(0)},
                             self.grid.place(sheet, row, 0))
        return pk

    def _indikator(self, sheet: Sheet, columns: dict[str, int], body: list[Row]) -> None:
        realisasi = {tw: columns.get(f"realisasi tw {ROMAWI[tw].lower()}") for tw in (1, 2, 3, 4)}
        evaluasi: dict[str, int] = {}
        evaluasi_tw = None
        labels = ("faktor pendorong", "faktor penghambat", "tindak lanjut triwulan berikutnya",
                  "tindak lanjut renja tahun berikutnya")
        for name, column in columns.items():
            for key, label in zip(EVALUASI_FIELDS, labels, strict=True):
                found = re.fullmatch(rf"{label} \(tw (i{{1,3}}|iv)\)", name)
                if found:
                    evaluasi[key] = column
                    evaluasi_tw = TW_BY_ROMAN[found.group(1)]
        for row in body:
            if row.is_blank:
                continue
            place = self.grid.place(sheet, row)
            item = RealisasiIndikatorDoc(nama=Teks(row.cell(columns.get("indikator", 2)), place), place=place,
                                         id=self._id(sheet, row), satuan=row.cell(columns.get("satuan", 3)))
            for tw, col in realisasi.items():
                if col is not None:
                    item.realisasi[tw - 1] = _kinerja(self.grid, sheet, row, col, self.doc, strict=True)
                    item.realisasi_place[tw - 1] = self.grid.place(sheet, row, col)
            item.evaluasi = {k: Teks(row.cell(c), self.grid.place(sheet, row, c)) for k, c in evaluasi.items()}
            item.evaluasi_triwulan = evaluasi_tw
            self.doc.indikator.append(item)

    def _sub_kegiatan(self, sheet: Sheet, columns: dict[str, int], body: list[Row]) -> None:
        realisasi = {tw: columns.get(f"realisasi anggaran tw {ROMAWI[tw].lower()} (rp)") for tw in (1, 2, 3, 4)}
        for row in body:
            if row.is_blank:
                continue
            place = self.grid.place(sheet, row)
            item = RealisasiAnggaranDoc(nama=Teks(row.cell(columns.get("sub kegiatan", 2)), place), place=place,
                                        id=self._id(sheet, row), kode=row.cell(columns.get("kode", 1)))
            for tw, col in realisasi.items():
                if col is not None:
                    item.jumlah[tw - 1] = _rupiah(self.grid, sheet, row, col, self.doc, strict=True)
            self.doc.sub_kegiatan.append(item)


# --- Permendagri 86/2017: Evaluasi terhadap hasil Renja ------------------------------------------------------------

_TW_PART = re.compile(r"^(?:tw|triwulan)?\s*(i{1,3}|iv|[1-4])$")
_TW_IN_TEXT = re.compile(r"\b(?:tw|triwulan)\s*[-.]?\s*(i{1,3}|iv|[1-4])\b")
_KODE = re.compile(r"^(\d+(?:\.[\dA-Za-z]+)+)\.?\s+(.*)$", re.S)
_SD = re.compile(r"s\s*[./]\s*d|sampai dengan|kumulatif")


@dataclass
class Kolom:
    key: str  # no, sasaran, uraian, kode, indikator, satuan, tw, realisasi_tahun, target_renja, capaian, …
    kind: str = ""  # "k" or "rp" for paired columns
    tw: int | None = None
    sd: bool = False  # the header says "s.d." (to date)
    label: str = ""


@dataclass
class Header:
    first: int  # index in sheet.rows of the header's first row
    last: int  # index of its last row (the column-number row included, when there is one)
    kolom: dict[int, Kolom]  # 0-based column → meaning


def _labels(sheet: Sheet, start: int, end: int) -> dict[int, list[str]]:
    """Each column's header texts, top to bottom, with merged cells spread over the columns they cover."""
    first_row, last_row = sheet.rows[start].number, sheet.rows[end].number
    spread: dict[tuple[int, int], str] = {}
    texts = {(row.number, c + 1): text.strip() for row in sheet.rows[start:end + 1]
             for c, text in enumerate(row.cells) if text.strip()}
    for min_row, min_col, max_row, max_col in sheet.merged:
        if max_row < first_row or min_row > last_row:
            continue
        value = texts.get((min_row, min_col), "")
        for r in range(min_row, max_row + 1):
            for c in range(min_col, max_col + 1):
                spread[(r, c)] = value if r == min_row else ""  # a vertical merge says its label once
    texts.update({k: v for k, v in spread.items() if v})
    width = max((c for _r, c in texts), default=0)
    labels: dict[int, list[str]] = {}
    for c in range(1, width + 1):
        parts = [texts[(r, c)] for r in range(first_row, last_row + 1) if texts.get((r, c))]
        labels[c - 1] = parts
    return labels


def _classify(parts: list[str]) -> Kolom | None:
    kolom = _meaning([_norm(p) for p in parts])
    if kolom is not None:
        kolom.label = " / ".join(" ".join(p.split()) for p in parts)
    return kolom


def _meaning(low: list[str]) -> Kolom | None:
    text = " | ".join(low)
    if not low:
        return None
    last = low[-1]
    kind = "rp" if last in ("rp", "rp.", "(rp)") or "anggaran" in last or "keuangan" in last else (
        "k" if last in ("k", "kinerja") else "")
    if "capaian" in text and "tingkat" in text:
        return Kolom("capaian", kind)
    if "realisasi" in text:
        tw = None
        for part in low:
            found = _TW_PART.match(part) or _TW_IN_TEXT.search(part)
            if found:
                g = found.group(1)
                tw = int(g) if g.isdigit() else TW_BY_ROMAN[g]
        if tw is not None and "renstra" not in text:
            return Kolom("tw", kind, tw=tw, sd=bool(_SD.search(text)))
        if "renstra" in text:
            return Kolom("realisasi_renstra_lalu" if ("lalu" in text or "sebelum" in text) else "realisasi_renstra",
                         kind)
        return Kolom("realisasi_tahun", kind)
    if "target" in text:
        return Kolom("target_renstra" if "renstra" in text else "target_renja", kind)
    if low[0] in ("no", "no.", "nomor"):
        return Kolom("no")
    if "indikator" in text:
        return Kolom("indikator")
    if "sasaran" in text:
        return Kolom("sasaran")
    if "satuan" in text:
        return Kolom("satuan")
    if text.startswith("kode"):
        return Kolom("kode")
    if any(w in text for w in ("program", "kegiatan", "urusan")):
        return Kolom("uraian")
    if "unit" in text or "penanggung" in text:
        return Kolom("unit")
    if "keterangan" in text:
        return Kolom("keterangan")
    return None


def _header_word(cell: str) -> bool:
    c = _norm(cell)
    return bool(c) and (c in ("k", "rp", "rp.") or bool(_TW_PART.match(c)) or len(c) <= 60)


def _find_header(sheet: Sheet) -> Header | None:
    for index, row in enumerate(sheet.rows[:40]):
        cells = [_norm(c) for c in row.cells]
        if not any(c.startswith("indikator") for c in cells) or not any("satuan" == c for c in cells):
            continue
        last = label_last = index
        for nxt in range(index + 1, min(index + 4, len(sheet.rows))):
            cells_next = [c for c in sheet.rows[nxt].cells if c.strip()]
            if not cells_next or not all(_header_word(c) for c in cells_next):
                break
            last = nxt
            if all(c.strip().isdigit() for c in cells_next):  # the column-number row (1, 2, 3 …)
                break
            label_last = nxt
        kolom = {c: k for c, parts in _labels(sheet, index, label_last).items()
                 if (k := _classify(parts)) is not None}
        if any(k.key == "tw" for k in kolom.values()) and any(k.key == "indikator" for k in kolom.values()):
            return Header(first=index, last=last, kolom=kolom)
    return None


@dataclass(eq=False)
class Item:
    """A program / kegiatan / sub kegiatan / total row of the table, with its Rp cells and its children."""

    level: str  # program, kegiatan, sub_kegiatan, urusan, jumlah
    nama: str
    kode: str
    row: Row
    place: Place
    parent: Item | None = None
    children: list[Item] = field(default_factory=list)
    rp: dict[int, Uang | None] = field(default_factory=dict)  # 0-based column → amount


LEVELS = {"urusan": 0, "program": 1, "kegiatan": 2, "sub_kegiatan": 3}
_REF = re.compile(r"\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?")


class _EvaluasiRenja:
    def __init__(self, grid: Grid, sheet: Sheet, header: Header, doc: RealisasiDoc):
        self.grid, self.sheet, self.header, self.doc = grid, sheet, header, doc
        self.col: dict[str, int] = {}
        for c, k in header.kolom.items():
            self.col.setdefault(k.key, c)
        self.tw_k = {k.tw: c for c, k in header.kolom.items() if k.key == "tw" and k.tw and k.kind != "rp"}
        self.k_sd = any(header.kolom[c].sd for c in self.tw_k.values())
        self.tw_rp = {k.tw: c for c, k in header.kolom.items() if k.key == "tw" and k.tw and k.kind == "rp"}
        self.rp_cols = [c for c, k in header.kolom.items() if k.kind == "rp"]
        self.items: list[Item] = []
        self.by_row: dict[int, Item] = {}

    def place(self, row: Row, col: int | None = None) -> Place:
        p = self.grid.place(self.sheet, row, col)
        if col is not None and col in self.header.kolom:
            p = dataclasses.replace(p, tabel="", judul_kolom=self.header.kolom[col].label[:60])
        return p

    def read(self) -> None:
        self._title()
        self._rows()
        sd = self._to_date()
        self._sub_kegiatan(sd)
        self._totals()

    def _title(self) -> None:
        """The PD and year the title rows state ("Renja Perangkat Daerah Badan Kesbangpol Kota Samarinda",
        "Periode pelaksanaan: 2024"), so that a workbook of another PD or year is refused."""
        for row in self.sheet.rows[: self.header.first]:
            for text in row.cells:
                text = " ".join(text.split())
                found = re.search(r"perangkat daerah\s*:?\s*(.+)", text, re.I)
                if found and "lingkup" not in found.group(1).lower() and not self.doc.perangkat_daerah:
                    stated = re.split(r"\s+((?:kota|kabupaten|provinsi)\s.*)", found.group(1), maxsplit=1,
                                      flags=re.I)
                    self.doc.perangkat_daerah = stated[0].strip(" .:")
                    self.doc.pemda = stated[1].strip(" .:") if len(stated) > 1 else ""
                year = re.search(r"(?:tahun|periode[^0-9]*)\s*:?\s*(20\d\d)\b", text, re.I)
                if year and self.doc.tahun is None:
                    self.doc.tahun = int(year.group(1))

    def _level(self, nama: str, kode: str, row: Row) -> tuple[str, bool]:
        """(level, decided): from the name, else the kode, else the formulas of its Rp cells."""
        low = _norm(nama)
        for prefix, level in (("sub kegiatan", "sub_kegiatan"), ("subkegiatan", "sub_kegiatan"),
                              ("kegiatan", "kegiatan"), ("program", "program"), ("bidang urusan", "urusan"),
                              ("urusan", "urusan"), ("jumlah", "jumlah"), ("total", "jumlah")):
            if low.startswith(prefix):
                return level, False
        if kode:
            parts = kode.split(".")
            return {1: "urusan", 2: "urusan", 3: "program", 4: "kegiatan", 5: "kegiatan"}.get(
                len(parts), "sub_kegiatan"), False
        if any((row.number, c + 1) in self.sheet.formulas for c in self.tw_rp.values()):
            return "induk", True
        return "sub_kegiatan", True

    def _rows(self) -> None:
        current: Item | None = None
        sasaran = ""
        for row in self.sheet.rows[self.header.last + 1:]:
            if row.is_blank:
                continue
            uraian = row.cell(self.col["uraian"]) if "uraian" in self.col else ""
            kode = row.cell(self.col["kode"]) if "kode" in self.col else ""
            if uraian and not kode:
                found = _KODE.match(uraian)
                if found:
                    kode, uraian = found.group(1), found.group(2).strip()
            if "sasaran" in self.col and row.cell(self.col["sasaran"]):
                sasaran = row.cell(self.col["sasaran"])
            if uraian:
                level, decided = self._level(uraian, kode, row)
                if decided:
                    how = (gettext("jumlahnya berupa rumus penjumlahan") if level == "induk"
                           else gettext("jumlahnya diketik, bukan rumus"))
                    self.doc.decide("monev.tingkat_disimpulkan",
                                    gettext("'%(uraian)s' tidak menyebut program/kegiatan/sub kegiatan maupun kode; "
                                            "dibaca sebagai %(tingkat)s karena %(alasan)s.")
                                    % {"uraian": uraian, "tingkat": level.replace("_", " "), "alasan": how},
                                    self.place(row, self.col["uraian"]))
                current = self._item(level, uraian, kode, row)
            indikator = row.cell(self.col["indikator"]) if "indikator" in self.col else ""
            if indikator:
                self._indikator(row, indikator, current, sasaran)
            elif not uraian and any(row.cell(c) for c in self.tw_rp.values()):
                self.doc.warn("monev.tidak_cocok", gettext("Baris berisi realisasi tanpa nama program/kegiatan/sub "
                                                           "kegiatan maupun indikator; tidak disimpan."),
                              self.place(row))

    def _item(self, level: str, nama: str, kode: str, row: Row) -> Item:
        item = Item(level=level, nama=nama, kode=kode, row=row, place=self.place(row, self.col.get("uraian")))
        item.rp = {c: _rupiah(self.grid, self.sheet, row, c, self.doc, strict=False) for c in self.rp_cols}
        if level in LEVELS:
            parent = self.items[-1] if self.items else None
            while parent is not None and (parent.level not in LEVELS or LEVELS[parent.level] >= LEVELS[level]):
                parent = parent.parent
            item.parent = parent
            if parent is not None:
                parent.children.append(item)
        self.items.append(item)
        self.by_row[row.number] = item
        return item

    def _indikator(self, row: Row, nama: str, induk: Item | None, sasaran: str) -> None:
        place = self.place(row, self.col["indikator"])
        item = RealisasiIndikatorDoc(nama=Teks(nama, place), place=place,
                                     satuan=row.cell(self.col["satuan"]) if "satuan" in self.col else "",
                                     induk=induk.nama if induk else sasaran, sd=self.k_sd)
        for tw, c in self.tw_k.items():
            item.realisasi[tw - 1] = _kinerja(self.grid, self.sheet, row, c, self.doc, strict=False)
            item.realisasi_place[tw - 1] = self.place(row, c)
        self.doc.indikator.append(item)

    # --- realisasi anggaran ---------------------------------------------------------------------------------------

    def _leaves(self, item: Item) -> list[Item]:
        if item.level == "sub_kegiatan":
            return [item]
        return [leaf for child in item.children for leaf in self._leaves(child)]

    def _to_date(self) -> bool:
        """Do the Rp columns per triwulan hold amounts to date (s.d. TW n) rather than the amount in it?"""
        stated = [k for k in self.header.kolom.values() if k.key == "tw" and k.kind == "rp" and k.sd]
        first_col = self.tw_rp.get(min(self.tw_rp)) if self.tw_rp else None
        if stated:
            self.doc.decide("monev.anggaran_sd", gettext("Judul kolom realisasi anggaran per triwulan menyebut "
                                                         "'s.d.' (sampai dengan): nilainya dibaca sebagai jumlah "
                                                         "sampai triwulan itu, dan belanja dalam triwulan = nilai "
                                                         "triwulan itu − nilai triwulan sebelumnya."),
                            self.place(self.sheet.rows[self.header.first], first_col))
            return True
        year_col = next((c for c, k in self.header.kolom.items() if k.key == "realisasi_tahun" and k.kind == "rp"),
                        None)
        if year_col is None:
            return False
        votes: Counter[str] = Counter()
        for item in self.items:
            if item.level != "sub_kegiatan":
                continue
            amounts = [item.rp.get(self.tw_rp[tw]) for tw in sorted(self.tw_rp)]
            known = [a.nilai for a in amounts if a is not None and a.nilai]
            year = item.rp.get(year_col)
            if len(known) < 2 or year is None or year.nilai is None or sum(known) == known[-1]:
                continue
            if year.nilai == known[-1] and known == sorted(known) and year.nilai != sum(known):
                votes["sd"] += 1
            elif year.nilai == sum(known):
                votes["dalam"] += 1
        if votes["sd"] and not votes["dalam"]:
            self.doc.decide("monev.anggaran_sd",
                            gettext("Pada %(jumlah)s sub kegiatan, realisasi tahun ini sama dengan nilai triwulan "
                                    "terakhir, bukan jumlah triwulan, dan nilainya tidak pernah turun: kolom triwulan "
                                    "dibaca sebagai jumlah sampai triwulan itu, dan belanja dalam triwulan = nilai "
                                    "triwulan itu − nilai triwulan sebelumnya.") % {"jumlah": votes["sd"]},
                            self.place(self.sheet.rows[self.header.first], first_col))
            return True
        return False

    def _sub_kegiatan(self, sd: bool) -> None:
        for item in self.items:
            amounts = {tw: item.rp.get(c) for tw, c in self.tw_rp.items()}
            if not any(a is not None for a in amounts.values()):
                continue
            if item.level in ("kegiatan", "program", "induk") and not self._leaves(item):
                self.doc.warn("monev.anggaran_bukan_sub",
                              gettext("Realisasi anggaran '%(nama)s' tertulis pada tingkat %(tingkat)s tanpa sub "
                                      "kegiatan di bawahnya; realisasi anggaran disimpan per sub kegiatan, jadi tidak "
                                      "disimpan.") % {"nama": item.nama, "tingkat": item.level.replace("_", " ")},
                              item.place)
            if item.level != "sub_kegiatan":
                continue
            doc_item = RealisasiAnggaranDoc(nama=Teks(item.nama, item.place), place=item.place, kode=item.kode)
            before = 0
            for tw in sorted(amounts):
                uang = amounts[tw]
                if uang is None:
                    continue
                if sd:
                    assert uang.nilai is not None  # `_rupiah` gives an amount or None
                    nilai = uang.nilai - before
                    if nilai < 0:
                        raise ImporGagal(gettext("realisasi anggaran s.d. TW %(tw)s (%(teks)s) lebih kecil dari s.d. "
                                                 "triwulan sebelumnya; belanja tidak dapat negatif.")
                                         % {"tw": ROMAWI[tw], "teks": uang.teks}, uang.place)
                    before = uang.nilai
                    uang = Uang(nilai=nilai, teks=uang.teks, place=uang.place,
                                catatan=f"s.d. TW {ROMAWI[tw]} dikurangi s.d. triwulan sebelumnya")
                doc_item.jumlah[tw - 1] = uang
            self.doc.sub_kegiatan.append(doc_item)

    # --- stated totals ---------------------------------------------------------------------------------------------

    def _totals(self) -> None:
        """Compare every stated total with the sum of the sub kegiatan rows it stands for."""
        since = 0
        for index, item in enumerate(self.items):
            if item.level == "jumlah":
                leaves = [i for i in self.items[since:index] if i.level == "sub_kegiatan"]
                direct = [i for i in self.items[since:index] if i.parent is None and i.level != "jumlah"]
                since = index + 1
            elif item.level in ("program", "kegiatan", "induk", "urusan"):
                leaves, direct = self._leaves(item), item.children
            else:
                continue
            if not leaves:
                continue
            for c in self.rp_cols:
                stated = item.rp.get(c)
                if stated is None or stated.nilai is None:
                    continue
                parts = [leaf.rp.get(c) for leaf in leaves]
                total = sum(p.nilai for p in parts if p is not None and p.nilai is not None)
                if total == stated.nilai or self._sums_its_rows(item, c, direct):
                    continue
                why = self._formula_hint(item, c, {leaf.row.number for leaf in leaves})
                label = self.header.kolom[c].label
                self.doc.warn("monev.jumlah_tidak_cocok",
                              gettext("Jumlah '%(nama)s' pada kolom %(kolom)s tertulis Rp%(tertulis)s, sedangkan "
                                      "jumlah %(jumlah_sub)s sub kegiatan di bawahnya Rp%(total)s (selisih "
                                      "Rp%(selisih)s)%(rumus)s. Yang disimpan adalah nilai per sub kegiatan.")
                              % {"nama": item.nama, "kolom": label, "tertulis": _rp(stated.nilai),
                                 "jumlah_sub": len(leaves), "total": _rp(total), "selisih": _rp(stated.nilai - total),
                                 "rumus": why},
                              stated.place)

    def _sums_its_rows(self, item: Item, col: int, direct: list[Item]) -> bool:
        """Is the total a formula adding each of its direct rows once (then a difference comes from a row below,
        reported there, and is not reported again here)?"""
        formula = self.sheet.formulas.get((item.row.number, col + 1))
        refs = _refs(formula, col) if formula else None
        return refs is not None and bool(direct) and refs == Counter(i.row.number for i in direct)

    def _formula_hint(self, item: Item, col: int, expected: set[int]) -> str:
        formula = self.sheet.formulas.get((item.row.number, col + 1))
        if not formula:
            return gettext("; nilainya diketik, bukan rumus")
        counts = self._leaf_counts(item.row.number, col, set())
        if counts is None:
            return gettext("; rumusnya %(rumus)s") % {"rumus": formula}
        twice = sorted(r for r, n in counts.items() if n > 1 and r in expected)
        missing = sorted(expected - set(counts))
        extra = sorted(set(counts) - expected)
        notes = []
        if twice:
            notes.append(gettext("menghitung baris %(baris)s dua kali") % {"baris": _rows(twice)})
        if missing:
            notes.append(gettext("tidak mencakup baris %(baris)s") % {"baris": _rows(missing)})
        if extra:
            notes.append(gettext("ikut menjumlah baris %(baris)s yang bukan bagiannya") % {"baris": _rows(extra)})
        if not notes:
            return gettext("; rumusnya %(rumus)s") % {"rumus": formula}
        return gettext("; rumus %(rumus)s %(salah)s") % {"rumus": formula, "salah": f" {gettext('dan')} ".join(notes)}

    def _leaf_counts(self, row_number: int, col: int, seen: set[int]) -> Counter | None:
        """How many times each sub kegiatan row is counted by the formula of a cell (following subtotals)."""
        formula = self.sheet.formulas.get((row_number, col + 1))
        refs = _refs(formula, col) if formula and row_number not in seen else None
        if refs is None:
            return None
        counts: Counter = Counter()
        for r, times in refs.items():
            target = self.by_row.get(r)
            if target is None:
                continue
            if target.level == "sub_kegiatan":
                counts[r] += times
                continue
            sub = self._leaf_counts(r, col, seen | {row_number})
            if sub is None:
                sub = Counter({leaf.row.number: 1 for leaf in self._leaves(target)})
            for leaf, n in sub.items():
                counts[leaf] += n * times
        return counts


def _refs(formula: str, col: int) -> Counter | None:
    """The rows a plain sum of cells of column `col` (0-based) adds, with how often; None for anything else."""
    body = formula.lstrip("=").upper().replace(" ", "")
    if re.search(r"[^A-Z0-9$:,()+]", body.replace("SUM(", "(")):
        return None  # not a plain sum of cells (a difference, a product …): explained by quoting it
    rows: Counter = Counter()
    for ref in _REF.finditer(body):
        c1, r1, c2, r2 = ref.groups()
        if column_index_from_string(c1) != col + 1 or (c2 and column_index_from_string(c2) != col + 1):
            return None
        for r in range(int(r1), int(r2 or r1) + 1):
            rows[r] += 1
    return rows


def _rp(n: int) -> str:
    from renaksi.core.angka import format_rupiah

    return format_rupiah(n)


def _rows(numbers: list[int]) -> str:
    return ", ".join(str(n) for n in numbers)


__all__ = ["EVALUASI_RENJA", "RENAKSI", "detect", "read"]
