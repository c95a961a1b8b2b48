"""The report: a Rencana Aksi written as a document with chapters, tables and one page per bidang (Samarinda).

Tables are recognised by their columns (see `renaksi.impor.tabel`), not by their numbers, and read in document order:

- IKU (sasaran, indikator, formulasi, target): marks the indikator as IKU, keeps its formulasi; a target of a
  Renstra period ("Tahun 2021-2026" in the caption) is kept as a remark, not as this year's target;
- Perjanjian Kinerja (a caption saying so; sasaran, indikator, target): PK lines with the PK's own targets, in one
  PK whose first party is the head of the PD who signs the document, at its place and date (the table itself names
  no parties; reported as a decision);
- budget (program, kegiatan / sub kegiatan, pagu, optionally sasaran, indikator and target): the program tree.
  "Kegiatan : …", "Sub Kegiatan : 1. …" and "2. …" in one column are told apart by their labels; a row shifted left
  is put back; where the pagu column slipped against the names (a kegiatan and its first sub kegiatan merged in
  one cell, one amount more below), the reading that makes the stated kegiatan pagu and the stated total add up is
  chosen and reported;
- targets (indikator, yearly target and/or TW I–IV): targets of the strategic indikator, or of the bidang's own
  indikator on a bidang page; a sasaran split over several rows is joined;
- aksi (AKSI/KEGIATAN, months, output, program, kegiatan, sub kegiatan, target, pagu): the aksi of one sub kegiatan.
  Its sub kegiatan is found in the budget table by name (case, spelling and labels ignored, see `teks.kemiripan`);
  the pagu written here is kept as a second source of the sub kegiatan's pagu, never replacing the budget table's.

Between the tables: the title (PD, Pemda, year), the lists of tujuan and sasaran strategis, the Renstra period,
"BIDANG …" headings that open a bidang's pages, and signature blocks (the head of the PD, the head of each bidang).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.translation import gettext

from renaksi.impor.dokumen import (
    AksiDoc,
    BidangDoc,
    IndikatorDoc,
    KegiatanDoc,
    NilaiSel,
    PejabatDoc,
    PerjanjianKinerjaDoc,
    PKItemDoc,
    ProgramDoc,
    RencanaAksiDoc,
    SasaranDoc,
    SubKegiatanDoc,
    Teks,
    TujuanDoc,
    Uang,
)
from renaksi.impor.grid import Grid, ImporGagal, Place, Row, Sheet
from renaksi.impor.tabel import PeranKolom, Tabel, find_tables
from renaksi.impor.teks import (
    bersih,
    is_row_number,
    judul_kapital,
    kemiripan,
    nama_anggaran,
    nama_key,
    sentence_starts_new,
    strip_label,
)

from . import sejajar
from .matriks import is_matrix
from .umum import (
    baca_judul,
    baca_nilai,
    baca_tanda_tangan,
    baca_uang,
    looks_like_money,
    nama_inti,
    rp,
    tempat_tanggal,
)

NAME = "laporan"
SAMA = 0.9  # two names at least this similar (difflib ratio of their keys) are the same item
MIRIP = 0.7  # below SAMA, still accepted within the same parent when it is clearly the best candidate

_BIDANG = re.compile(r"^(?:BIDANG|SEKRETARIAT|SUB\s*BAGIAN|SUBBAGIAN|UPTD?|UNIT)\b[A-Z ,.&/()-]*$")
_ITEM = re.compile(r"^\s*(\d{1,3})[.)]\s+(?P<teks>\S.*)$")
_SUB_LABEL = re.compile(r"\bSub\s*Kegiatan\s*[:;]", re.I)
_KEG_LABEL = re.compile(r"^\s*Kegiatan\s*[:;]", re.I)
_TOTAL = re.compile(r"^(?:total|jumlah)\b", re.I)
_PERIODE = re.compile(r"(20\d\d)\s*[-–]\s*(20\d\d)")
_MARKS = {"x", "v", "√", "✓", "✔", "■", "●", "•", "*", "1", "ü", "o"}  # ■ is also a shaded cell (tabel.SHADED)


def kind(tabel: Tabel, caption: str = "") -> str | None:
    """What a table is about, by its columns (and, for the PK, its caption)."""
    if is_matrix(tabel):
        return "matriks"
    if tabel.has(PeranKolom.AKSI):
        return "aksi"
    budget = {PeranKolom.PROGRAM, PeranKolom.KEGIATAN, PeranKolom.SUB_KEGIATAN, PeranKolom.KEGIATAN_SUB} & tabel.roles
    if budget and PeranKolom.PAGU in tabel.cols:
        return "anggaran"
    if PeranKolom.INDIKATOR in tabel.cols and any(c is not None for c in tabel.tw):
        return "triwulan"
    if tabel.has(PeranKolom.INDIKATOR, PeranKolom.FORMULASI):
        return "iku"
    if tabel.has(PeranKolom.INDIKATOR, PeranKolom.TARGET):
        return "pk" if "perjanjian kinerja" in caption.casefold() else "target"
    return None


def detect(grid: Grid) -> int:
    kinds = set()
    for sheet in grid.sheets:
        for tabel in find_tables(grid, sheet):
            kinds.add(kind(tabel, _caption_text(sheet, tabel)))
    if "matriks" in kinds:
        return 0
    if kinds & {"anggaran", "aksi"}:
        return 70
    if kinds & {"triwulan", "pk", "iku", "target"}:
        return 50
    return 0


def _caption_text(sheet: Sheet, tabel: Tabel) -> str:
    """The paragraphs just above a table's header (its caption and title lines), joined."""
    lines: list[str] = []
    rows = [r for r in sheet.rows if r.number < tabel.header.number]
    for row in reversed(rows[-8:]):
        cells = [c for c in row.cells if c.strip()]
        if len(cells) > 1:
            break
        if cells:
            lines.insert(0, bersih(cells[0]))
    return " ".join(lines)


@dataclass
class _Event:
    """Something between the tables, in document order."""

    row: int
    kind: str  # bidang, tanda_tangan
    value: object


class _Reader:
    def __init__(self, grid: Grid):
        self.grid = grid
        self.doc = RencanaAksiDoc(dokumen=grid.dokumen, format=grid.format, layout=NAME)
        self.doc.decisions.extend(grid.decisions)
        self.doc.warnings.extend(grid.warnings)
        self.known_sasaran: list[SasaranDoc] = []
        self.groups: list[sejajar.Kelompok] = []
        self.stated_total: Uang | None = None
        self.bidang_indikator: dict[str, IndikatorDoc] = {}
        self.bidang_aksi: dict[str, list[AksiDoc]] = {}
        self.output_slips: list[tuple[Tabel, list[int]]] = []
        self.aksi_count = 0
        self.matched: set[tuple[str, int]] = set()
        self.perjanjian: PerjanjianKinerjaDoc | None = None  # one PK for every PK table of the report

    # --- document order --------------------------------------------------------------------------------------

    def read(self) -> RencanaAksiDoc:
        for sheet in self.grid.sheets:
            tables = find_tables(self.grid, sheet)
            for tabel in tables:
                self.doc.decisions.extend(tabel.decisions)
            self._title(sheet, tables)
            events = self._events(sheet, tables)
            bidang = ""
            items: list[tuple[int, str, object]] = [(e.row, e.kind, e.value) for e in events]
            items += [(t.header.number, "tabel", t) for t in tables]
            for _row, what, value in sorted(items, key=lambda x: x[0]):
                if what == "bidang":
                    bidang = value
                elif what == "tanda_tangan":
                    self._signature(value, bidang)
                    bidang = ""
                elif what == "tabel":
                    self._table(sheet, value, bidang)
        self._finish()
        return self.doc

    def _title(self, sheet: Sheet, tables: list[Tabel]) -> None:
        if self.doc.tahun is not None or self.doc.perangkat_daerah is not None:
            return
        first = tables[0].header.number if tables else (sheet.rows[-1].number + 1 if sheet.rows else 0)
        lines = [(r.cell(0), self.grid.place(sheet, r)) for r in sheet.rows
                 if r.number < first and len([c for c in r.cells if c.strip()]) == 1]
        judul = baca_judul(lines)
        self.doc.judul = judul.judul
        self.doc.perangkat_daerah = judul.perangkat_daerah
        self.doc.pemda_jenis, self.doc.pemda_nama, self.doc.tahun = judul.pemda_jenis, judul.pemda_nama, judul.tahun

    def _events(self, sheet: Sheet, tables: list[Tabel]) -> list[_Event]:
        """Paragraphs outside the tables: lists, Renstra period, bidang headings, signatures."""
        inside: set[int] = set()
        for t in tables:
            last = t.rows[-1].number if t.rows else t.header.number
            inside.update(range(t.header.number, last + 1))
        rows = sheet.rows
        events: list[_Event] = []
        index = 0
        while index < len(rows):
            row = rows[index]
            text = bersih(row.cell(0))
            if row.number in inside or not text or len([c for c in row.cells if c.strip()]) > 1:
                index += 1
                continue
            place = self.grid.place(sheet, row)
            if tempat_tanggal(text):
                block = baca_tanda_tangan(self.doc, rows, index, lambda r: self.grid.place(sheet, r))
                if block is not None:
                    events.append(_Event(row.number, "tanda_tangan", block))
                    index = block.last_index + 1
                    continue
            if _BIDANG.match(text) and text.upper() == text and len(text) < 150:
                nama = judul_kapital(text)
                if self.doc.bidang_named(nama) is None:
                    self.doc.bidang.append(BidangDoc(Teks(nama, place)))
                events.append(_Event(row.number, "bidang", nama))
            elif text.endswith(":") and re.search(r"\btujuan\b.*\b(strategis|jangka menengah|ingin dicapai)", text, re.I):
                self.doc.tujuan.extend(TujuanDoc(Teks(t, p), n) for t, p, n in self._list_after(rows, index))
            elif text.endswith(":") and re.search(r"\bsasaran strategis\b", text, re.I):
                for uraian, p, nomor in self._list_after(rows, index):
                    self._sasaran(Teks(uraian, p), nomor)
            if self.doc.renstra_periode is None and re.search(r"renstra|rencana strategis", text, re.I):
                match = _PERIODE.search(text)
                if match and int(match[1]) <= int(match[2]) <= int(match[1]) + 10:
                    self.doc.renstra_periode = (int(match[1]), int(match[2]))
            index += 1
        return events

    def _list_after(self, rows: list[Row], index: int) -> list[tuple[str, Place, str]]:
        """The numbered lines ("1. …") that follow an introducing paragraph, blank lines allowed between."""
        found = []
        for row in rows[index + 1:index + 40]:
            text = bersih(row.cell(0))
            if not text:
                continue
            match = _ITEM.match(text)
            if not match or len([c for c in row.cells if c.strip()]) > 1:
                break
            found.append((match["teks"].strip(), self.grid.place(self.sheet_of(row), row), match[1]))
        return found

    def sheet_of(self, row: Row) -> Sheet:
        return next(s for s in self.grid.sheets if any(r is row for r in s.rows))

    # --- sasaran and indikator registry -----------------------------------------------------------------------

    def _sasaran(self, uraian: Teks, nomor: str = "") -> SasaranDoc:
        """The strategic sasaran with this text (same key, or similar enough), created when new."""
        best, score = None, 0.0
        for s in self.known_sasaran:
            sim = kemiripan(s.uraian.teks, uraian.teks)
            if sim > score:
                best, score = s, sim
        if best is not None and score >= SAMA:
            if score < 1:
                self.doc.decide(
                    "nama.mirip",
                    gettext(
                        "Sasaran '%(uraian_teks)s' dianggap sama dengan "
                        "'%(uraian_lain)s' (kemiripan %(pct_score)s)."
                    )
                    % {
                        "uraian_teks": uraian.teks,
                        "uraian_lain": best.uraian.teks,
                        "pct_score": _pct(score),
                    },
                    uraian.place,
                )
            if nomor and not best.nomor:
                best.nomor = nomor
            return best
        sasaran = SasaranDoc(uraian=uraian, level="strategis", nomor=nomor)
        self.known_sasaran.append(sasaran)
        self.doc.sasaran.append(sasaran)
        return sasaran

    def _indikator(self, sasaran: SasaranDoc, nama: Teks, bidang: str = "") -> IndikatorDoc:
        candidates = [i for s in self.doc.sasaran for i in s.indikator if i.bidang == bidang]
        best, score = None, 0.0
        for ind in candidates:
            sim = kemiripan(ind.nama.teks, nama.teks)
            if sim > score:
                best, score = ind, sim
        if best is not None and score >= SAMA:
            if score < 1:
                best.nama_lain.append(nama)
                self.doc.decide(
                    "nama.mirip",
                    gettext(
                        "Indikator '%(nama_teks)s' dianggap sama dengan "
                        "'%(nama_lain)s' (kemiripan %(pct_score)s)."
                    )
                    % {"nama_teks": nama.teks, "nama_lain": best.nama.teks, "pct_score": _pct(score)},
                    nama.place,
                )
            return best
        indikator = IndikatorDoc(nama=nama, bidang=bidang)
        sasaran.indikator.append(indikator)
        return indikator

    def _sasaran_by_row(self, tabel: Tabel, rows: list[Row] | None = None) -> dict[int, SasaranDoc | None]:
        """The sasaran of every row: an empty cell repeats the one above; a statement split over rows is joined."""
        known = [nama_key(s.uraian.teks) for s in self.known_sasaran]
        pieces: list[tuple[str, Place, list[int]]] = []  # (text, place, rows)
        rows = tabel.rows if rows is None else rows
        texts = {}
        for row in rows:
            text = tabel.cell(row, PeranKolom.SASARAN)
            texts[row.number] = "" if looks_like_money(text) or is_row_number(text) else text
        for row in rows:
            text = texts[row.number]
            if text and pieces:
                joined = f"{pieces[-1][0]} {text}"
                key = nama_key(joined)
                continues = (any(k.startswith(key) for k in known) or text[:1].islower()
                             or (not sentence_starts_new(text) and sentence_starts_new(pieces[-1][0])))
                if continues:
                    if not any(k.startswith(nama_key(pieces[-1][0])) and k != nama_key(pieces[-1][0]) for k in known) \
                            and not text[:1].islower() and sentence_starts_new(text):
                        continues = False
                if continues:
                    pieces[-1] = (joined, pieces[-1][1], pieces[-1][2] + [row.number])
                    continue
            if text:
                pieces.append((text, tabel.place(row, role=PeranKolom.SASARAN), [row.number]))
            elif pieces:
                pieces[-1][2].append(row.number)
        result: dict[int, SasaranDoc | None] = {}
        for text, place, numbers in pieces:
            written = [n for n in numbers if texts[n]]
            if len(written) > 1:
                self.doc.decide(
                    "sasaran.sambung",
                    gettext(
                        "Teks sasaran pada baris "
                        "%(baris)s dibaca sebagai satu "
                        "sasaran yang terpotong: '%(text)s'."
                    )
                    % {"baris": ", ".join(map(str, written)), "text": text},
                    place,
                )
            sasaran = self._sasaran(Teks(text, place))
            for n in numbers:
                result[n] = sasaran
        return result

    # --- tables ------------------------------------------------------------------------------------------------

    def _table(self, sheet: Sheet, tabel: Tabel, bidang: str) -> None:
        caption = _caption_text(sheet, tabel)
        what = kind(tabel, caption)
        if not tabel.judul:
            tabel.judul = f"{bidang} ({'aksi' if what == 'aksi' else 'indikator'})" if bidang else \
                f"Tabel di baris {tabel.header.number}"
        if what == "iku":
            self._iku(tabel, caption)
        elif what == "pk":
            self._pk(tabel)
        elif what == "anggaran":
            self._anggaran(tabel)
        elif what in ("triwulan", "target"):
            self._targets(tabel, bidang)
        elif what == "aksi":
            self._aksi(tabel, bidang)
        elif tabel.rows:
            self.doc.warn("tabel.tidak_dikenali", gettext("Tabel dengan kolom %(teks)s tidak dikenali dan "
                                                          "tidak dibaca.")
                                                  % {"teks": ", ".join(tabel.judul_kolom.values())},
                          tabel.header_place())

    def _iku(self, tabel: Tabel, caption: str) -> None:
        periode = _PERIODE.search(caption)
        by_row = self._sasaran_by_row(tabel)
        for row in tabel.rows:
            nama = tabel.cell(row, PeranKolom.INDIKATOR)
            sasaran = by_row.get(row.number)
            if not nama or sasaran is None:
                continue
            indikator = self._indikator(sasaran, Teks(nama, tabel.place(row, role=PeranKolom.INDIKATOR)))
            indikator.is_iku = True
            if formulasi := tabel.cell(row, PeranKolom.FORMULASI):
                indikator.formulasi = Teks(formulasi, tabel.place(row, role=PeranKolom.FORMULASI))
            if target := tabel.cell(row, PeranKolom.TARGET):
                place = tabel.place(row, role=PeranKolom.TARGET)
                if periode and (self.doc.tahun is None or int(periode[2]) != self.doc.tahun):
                    indikator.keterangan.append(Teks(f"Target IKU {periode[1]}–{periode[2]}: {target}", place))
                    indikator.target_renstra = baca_nilai(self.doc, target, place)
                    self.doc.decide(
                        "target.periode",
                        gettext(
                            "Target '%(target)s' pada %(tabel_judul)s "
                            "berlaku untuk periode "
                            "%(awal)s–%(akhir)s, bukan target "
                            "tahun ini; disimpan sebagai catatan "
                            "indikator."
                        )
                        % {
                            "target": target,
                            "tabel_judul": tabel.judul,
                            "awal": periode[1],
                            "akhir": periode[2],
                        },
                        place,
                    )
                else:
                    self._yearly(indikator, baca_nilai(self.doc, target, place), primary=False)

    def _yearly(self, indikator: IndikatorDoc, nilai: NilaiSel, primary: bool) -> None:
        """Another statement of the yearly target: the first (or a table with quarters) is the target."""
        if indikator.target is None:
            indikator.target = nilai
        elif primary:
            indikator.target_lain.append(indikator.target)
            indikator.target = nilai
        else:
            indikator.target_lain.append(nilai)

    def _pk(self, tabel: Tabel) -> None:
        if self.perjanjian is None:
            self.perjanjian = PerjanjianKinerjaDoc(place=tabel.header_place())
            self.doc.perjanjian_kinerja.append(self.perjanjian)
        by_row = self._sasaran_by_row(tabel)
        for row in tabel.rows:
            nama = tabel.cell(row, PeranKolom.INDIKATOR)
            sasaran = by_row.get(row.number)
            if not nama or sasaran is None:
                continue
            teks = Teks(nama, tabel.place(row, role=PeranKolom.INDIKATOR))
            target_text = tabel.cell(row, PeranKolom.TARGET)
            self.perjanjian.items.append(PKItemDoc(
                indikator=teks, nomor=tabel.cell(row, PeranKolom.NO), sasaran=sasaran.uraian,
                target=baca_nilai(self.doc, target_text, tabel.place(row, role=PeranKolom.TARGET)),
                indikator_ref=self._indikator(sasaran, teks),
            ))

    def _targets(self, tabel: Tabel, bidang: str) -> None:
        by_row = self._sasaran_by_row(tabel)
        for row in tabel.rows:
            nama = tabel.cell(row, PeranKolom.INDIKATOR)
            sasaran = by_row.get(row.number)
            if not nama or sasaran is None:
                continue
            indikator = self._indikator(sasaran, Teks(nama, tabel.place(row, role=PeranKolom.INDIKATOR)), bidang)
            if bidang:
                self.bidang_indikator.setdefault(bidang, indikator)
            satuan = indikator.satuan.teks if indikator.satuan else ""
            if (col := tabel.col(PeranKolom.SATUAN)) is not None and bersih(row.cell(col)):
                indikator.satuan = Teks(bersih(row.cell(col)), tabel.place(row, col))
            if (col := tabel.col(PeranKolom.TARGET)) is not None:
                self._yearly(indikator, baca_nilai(self.doc, row.cell(col), tabel.place(row, col), satuan),
                             primary=any(c is not None for c in tabel.tw))
            for tw, col in enumerate(tabel.tw):
                if col is not None:
                    indikator.triwulan[tw] = baca_nilai(self.doc, row.cell(col), tabel.place(row, col), satuan)

    # --- the budget table --------------------------------------------------------------------------------------

    def _realign(self, tabel: Tabel, row: Row) -> Row:
        """A row shifted left ("5. Pengangkatan …" in the NO column, its amount next to it): put it back."""
        name_col = tabel.col(PeranKolom.KEGIATAN_SUB) or tabel.col(PeranKolom.SUB_KEGIATAN) or tabel.col(PeranKolom.KEGIATAN)
        pagu_col = tabel.col(PeranKolom.PAGU)
        first = bersih(row.cell(0))
        if tabel.col(PeranKolom.NO) != 0 or name_col is None or pagu_col is None or not first or is_row_number(first):
            return row
        others = [bersih(c) for c in row.cells[1:] if bersih(c)]
        if not (_ITEM.match(first) or _SUB_LABEL.search(first) or _KEG_LABEL.match(first)):
            return row
        if len(others) > 1 or (others and not looks_like_money(others[0])):
            return row
        cells = [""] * (max(name_col, pagu_col) + 1)
        cells[name_col] = first
        self.doc.cakupan.pindah(tabel.place(row, 0), tabel.place(row, name_col))
        if others:
            cells[pagu_col] = others[0]
            written = next(i for i, c in enumerate(row.cells) if i > 0 and bersih(c))
            self.doc.cakupan.pindah(tabel.place(row, written), tabel.place(row, pagu_col))
        self.doc.decide(
            "baris.geser_kiri",
            gettext(
                "Baris %(row_number)s bergeser ke kiri: '%(first)s' tertulis di kolom NO%(teks)s; dibaca "
                "sebagai %(teks2)s%(teks3)s."
            )
            % {
                "row_number": row.number,
                "first": first,
                "teks": (
                    gettext(" dan %(nilai)s di kolom berikutnya") % {"nilai": others[0]}
                    if others
                    else ""
                ),
                "teks2": tabel.judul_kolom.get(name_col, "nama"),
                "teks3": (
                    gettext(" dengan %(teks)s %(nilai)s")
                    % {"teks": tabel.judul_kolom.get(pagu_col, "pagu"), "nilai": others[0]}
                    if others
                    else ""
                ),
            },
            tabel.place(row, 0),
        )
        return Row(cells=cells, number=row.number)

    def _anggaran(self, tabel: Tabel) -> None:
        rows = [self._realign(tabel, row) for row in tabel.rows]
        by_row = self._sasaran_by_row(tabel, rows)
        program: ProgramDoc | None = None
        program_row: int | None = None
        group: sejajar.Kelompok | None = None
        indikator: IndikatorDoc | None = None
        start = len(self.groups)
        for row in rows:
            cells = [bersih(c) for c in row.cells]
            if any(_TOTAL.match(c) for c in cells[:3] if c):
                amounts = [(i, c) for i, c in enumerate(cells) if looks_like_money(c)]
                if amounts:
                    col, text = amounts[-1]
                    self.stated_total = baca_uang(self.doc, text, tabel.place(row, col))
                    self.doc.pagu_total = self.doc.pagu_total or self.stated_total
                continue
            sasaran = by_row.get(row.number)
            if nama := tabel.cell(row, PeranKolom.INDIKATOR):
                if sasaran is None:
                    sasaran = self._sasaran(Teks("", tabel.place(row, role=PeranKolom.SASARAN)))
                indikator = self._indikator(sasaran, Teks(nama, tabel.place(row, role=PeranKolom.INDIKATOR)))
                if target := tabel.cell(row, PeranKolom.TARGET):
                    self._yearly(indikator, baca_nilai(self.doc, target, tabel.place(row, role=PeranKolom.TARGET)),
                                 primary=False)
            if nama := tabel.cell(row, PeranKolom.PROGRAM):
                program = self._program(Teks(nama, tabel.place(row, role=PeranKolom.PROGRAM)))
                program_row = row.number
                group = None
                if indikator is not None and indikator not in program.indikator:
                    program.indikator.append(indikator)
            kegiatan_text, sub_texts = self._budget_names(tabel, row)
            if kegiatan_text:
                if program is None:
                    program = self._program(Teks("(program tidak disebut)", kegiatan_text.place))
                    self.doc.warn("program.tidak_ada", gettext("Kegiatan tanpa program di atasnya; "
                                                               "ditempatkan di bawah '(program tidak "
                                                               "disebut)'."), kegiatan_text.place)
                kegiatan = KegiatanDoc(nama=Teks(nama_anggaran(kegiatan_text.teks, "kegiatan") or kegiatan_text.teks,
                                                 kegiatan_text.place), indikator=[indikator] if indikator else [])
                program.kegiatan.append(kegiatan)
                group = sejajar.Kelompok(program, kegiatan, names=[(kegiatan, row.number)])
                self.groups.append(group)
            for sub_text in sub_texts:
                if group is None:
                    self.doc.warn(
                        "sub_kegiatan.tanpa_kegiatan",
                        gettext(
                            "Sub kegiatan '%(sub_kegiatan)s' tanpa kegiatan di atasnya; tidak ditempatkan."
                        )
                        % {"sub_kegiatan": sub_text.teks},
                        sub_text.place,
                    )
                    continue
                sub = SubKegiatanDoc(nama=Teks(nama_anggaran(sub_text.teks, "sub_kegiatan") or sub_text.teks,
                                               sub_text.place))
                group.kegiatan.sub_kegiatan.append(sub)
                group.names.append((sub, row.number))
            if (col := tabel.col(PeranKolom.PAGU)) is not None and (text := bersih(row.cell(col))):
                uang = baca_uang(self.doc, text, tabel.place(row, col))
                if uang is not None and group is None and program is not None and program_row == row.number \
                        and program.pagu is None:
                    program.pagu = uang  # the amount stands on the program's own row (compared with its kegiatan)
                elif uang is not None and group is not None:
                    group.values.append((uang, row.number))
                elif uang is not None:
                    self.doc.warn("pagu.tanpa_nama", gettext("Pagu %(text)s tanpa kegiatan; tidak "
                                                             "ditempatkan.") % {"text": text}, uang.place)
        for uang in sejajar.place_amounts(self.groups[start:], self.stated_total):
            self.doc.warn("pagu.tidak_ditempatkan", gettext("Pagu %(uang_teks)s tidak dapat dikaitkan ke "
                                                            "kegiatan atau sub kegiatan mana pun.")
                                                    % {"uang_teks": uang.teks}, uang.place)

    def _program(self, nama: Teks) -> ProgramDoc:
        for program in self.doc.program:
            if nama_key(program.nama.teks) == nama_key(nama.teks):
                return program
        program = ProgramDoc(nama=nama)
        self.doc.program.append(program)
        return program

    def _budget_names(self, tabel: Tabel, row: Row) -> tuple[Teks | None, list[Teks]]:
        """The kegiatan and sub kegiatan named on a row, told apart by their labels in a shared column."""
        kegiatan: Teks | None = None
        subs: list[Teks] = []
        if (col := tabel.col(PeranKolom.KEGIATAN)) is not None and bersih(row.cell(col)):
            kegiatan = Teks(strip_label(row.cell(col)), tabel.place(row, col))
        if (col := tabel.col(PeranKolom.SUB_KEGIATAN)) is not None and bersih(row.cell(col)):
            subs.append(Teks(strip_label(row.cell(col)), tabel.place(row, col)))
        col = tabel.col(PeranKolom.KEGIATAN_SUB)
        text = bersih(row.cell(col)) if col is not None else ""
        if text:
            place = tabel.place(row, col)
            parts = _SUB_LABEL.split(text, maxsplit=1)
            if len(parts) == 2:
                head, tail = parts[0].strip(), parts[1].strip()
                if head:
                    kegiatan = Teks(strip_label(head), place)
                    self.doc.decide(
                        "nama.sel_gabungan",
                        gettext(
                            "Kegiatan dan sub kegiatan pertamanya "
                            "tertulis dalam satu sel: "
                            "'%(kegiatan)s' dibaca sebagai "
                            "kegiatan, '%(sub_kegiatan)s' sebagai "
                            "sub kegiatan."
                        )
                        % {"kegiatan": strip_label(head), "sub_kegiatan": strip_label(tail)},
                        place,
                    )
                subs.append(Teks(strip_label(tail), place))
            elif _KEG_LABEL.match(text):
                kegiatan = Teks(strip_label(text), place)
            else:
                subs.append(Teks(strip_label(text), place))
        return kegiatan, subs

    # --- aksi tables ------------------------------------------------------------------------------------------

    def _aksi(self, tabel: Tabel, bidang: str) -> None:
        groups: list[list[Row]] = []
        for row in tabel.rows:
            nomor = tabel.cell(row, PeranKolom.NO).rstrip(".")
            names = any(tabel.cell(row, r) for r in (PeranKolom.PROGRAM, PeranKolom.KEGIATAN, PeranKolom.SUB_KEGIATAN))
            amount = any(tabel.cell(row, r) for r in (PeranKolom.TARGET, PeranKolom.PAGU))
            if not groups or (names and (nomor == "1" or amount)):
                groups.append([])
            groups[-1].append(row)
        for rows in groups:
            self._aksi_group(tabel, rows, bidang)

    def _group_text(self, tabel: Tabel, rows: list[Row], role: PeranKolom) -> Teks | None:
        """A merged cell of the group; text below the first row is the same cell wrapped by the copy."""
        pieces = [(row, tabel.cell(row, role)) for row in rows if tabel.cell(row, role)]
        if not pieces:
            return None
        first_row = pieces[0][0]
        text = " ".join(t for _r, t in pieces)
        if len(pieces) > 1:
            self.doc.decide(
                "sel.sambung",
                gettext("Kolom %(teks)s baris %(teks2)s dibaca sebagai satu sel yang terpotong: '%(text)s'.")
                % {
                    "teks": tabel.judul_kolom.get(tabel.col(role), role.value),
                    "teks2": ", ".join(str(r.number) for r, _t in pieces),
                    "text": text,
                },
                tabel.place(first_row, role=role),
            )
        return Teks(text, tabel.place(first_row, role=role))

    def _aksi_group(self, tabel: Tabel, rows: list[Row], bidang: str) -> None:
        program_t = self._group_text(tabel, rows, PeranKolom.PROGRAM)
        kegiatan_t = self._group_text(tabel, rows, PeranKolom.KEGIATAN)
        sub_t = self._group_text(tabel, rows, PeranKolom.SUB_KEGIATAN)
        head = rows[0]
        target = None
        if (col := tabel.col(PeranKolom.TARGET)) is not None and bersih(head.cell(col)):
            target = baca_nilai(self.doc, head.cell(col), tabel.place(head, col))
        pagu = None
        if (col := tabel.col(PeranKolom.PAGU)) is not None:
            pagu = baca_uang(self.doc, head.cell(col), tabel.place(head, col))
        aksi = [a for row in rows if (a := self._aksi_row(tabel, row)) is not None]
        self.aksi_count += len(aksi)
        self.bidang_aksi.setdefault(bidang, []).extend(aksi)
        if sub_t is None:
            if aksi:
                self.doc.warn("aksi.tanpa_sub_kegiatan", gettext("%(n_aksi)s aksi tanpa sub kegiatan; tidak "
                                                                 "ditempatkan.") % {"n_aksi": len(aksi)},
                              aksi[0].uraian.place)
            return
        sub = self._find_sub(program_t, kegiatan_t, sub_t)
        if bidang:
            sub.bidang = sub.bidang or bidang
        if target is not None:
            if sub.target is None:
                sub.target = target
        if pagu is not None:
            if sub.pagu is None:
                sub.pagu = pagu
                self.doc.decide(
                    "pagu.sumber_tunggal",
                    gettext(
                        "Pagu sub kegiatan '%(nama_teks)s' hanya "
                        "tertulis di %(tabel_judul)s "
                        "(%(pagu_teks)s); nilai itu disimpan."
                    )
                    % {"nama_teks": sub.nama.teks, "tabel_judul": tabel.judul, "pagu_teks": pagu.teks},
                    pagu.place,
                )
            else:
                sub.pagu_lain.append(pagu)
                if sub.pagu.nilai != pagu.nilai:
                    self.doc.decide(
                        "pagu.dua_sumber",
                        gettext(
                            "Pagu sub kegiatan '%(nama_teks)s' tertulis %(pagu_teks)s di %(teks)s dan "
                            "%(pagu_lain)s di %(tabel_judul)s. Yang disimpan sebagai pagu: "
                            "%(pagu_disimpan)s (tabel anggaran); keduanya dicatat sebagai asal "
                            "nilai dan selisihnya dilaporkan pemeriksa."
                        )
                        % {
                            "nama_teks": sub.nama.teks,
                            "pagu_teks": sub.pagu.teks,
                            "teks": sub.pagu.place.tabel if sub.pagu.place else "tabel anggaran",
                            "pagu_lain": pagu.teks,
                            "tabel_judul": tabel.judul,
                            "pagu_disimpan": rp(sub.pagu.nilai),
                        },
                        pagu.place,
                    )
        sub.aksi.extend(aksi)
        indikator = self.bidang_indikator.get(bidang)
        if indikator is not None and indikator not in sub.indikator:
            sub.indikator.append(indikator)

    def _aksi_row(self, tabel: Tabel, row: Row) -> AksiDoc | None:
        uraian = tabel.cell(row, PeranKolom.AKSI)
        if not uraian:
            return None
        keluaran = tabel.cell(row, PeranKolom.OUTPUT)
        keluaran_place = tabel.place(row, role=PeranKolom.OUTPUT)
        bulan = []
        for month, col in enumerate(tabel.bulan, start=1):
            if col is None:
                continue
            text = bersih(row.cell(col))
            if not text:
                continue
            if text.casefold() in _MARKS:
                bulan.append(month)
            elif not keluaran and len(text) > 3:
                keluaran, keluaran_place = text, tabel.place(row, col)
                self._note_output_slip(tabel, row.number)
        return AksiDoc(
            uraian=Teks(uraian, tabel.place(row, role=PeranKolom.AKSI)),
            nomor=tabel.cell(row, PeranKolom.NO),
            keluaran=Teks(keluaran, keluaran_place) if keluaran else None,
            bulan=bulan,
        )

    def _note_output_slip(self, tabel: Tabel, number: int) -> None:
        if self.output_slips and self.output_slips[-1][0] is tabel:
            self.output_slips[-1][1].append(number)
        else:
            self.output_slips.append((tabel, [number]))

    def _find_sub(self, program_t: Teks | None, kegiatan_t: Teks | None, sub_t: Teks) -> SubKegiatanDoc:
        """The budget table's sub kegiatan named by an aksi table; created (and reported) when there is none."""
        program = self._match(program_t, self.doc.program, "program") if program_t else None
        kegiatan_pool = program.kegiatan if program else list(self.doc.all_kegiatan())
        kegiatan = self._match(kegiatan_t, kegiatan_pool, "kegiatan") if kegiatan_t else None
        if kegiatan is None and kegiatan_t and program:
            kegiatan = self._match(kegiatan_t, list(self.doc.all_kegiatan()), "kegiatan")
        pool = kegiatan.sub_kegiatan if kegiatan else list(self.doc.all_sub_kegiatan())
        sub = self._match(sub_t, pool, "sub kegiatan")
        if sub is None and kegiatan is not None:
            sub = self._match(sub_t, list(self.doc.all_sub_kegiatan()), "sub kegiatan", strict=True)
        if sub is not None:
            return sub
        if kegiatan is None:
            if program is None:
                program = ProgramDoc(nama=Teks(strip_label(program_t.teks), program_t.place) if program_t
                                     else Teks("(program tidak disebut)"))
                self.doc.program.append(program)
            kegiatan = KegiatanDoc(nama=Teks(strip_label(kegiatan_t.teks), kegiatan_t.place) if kegiatan_t
                                   else Teks("(kegiatan tidak disebut)"))
            program.kegiatan.append(kegiatan)
        sub = SubKegiatanDoc(nama=Teks(strip_label(sub_t.teks), sub_t.place))
        kegiatan.sub_kegiatan.append(sub)
        self.doc.warn(
            "sub_kegiatan.baru",
            gettext(
                "Sub kegiatan '%(sub_kegiatan)s' tidak ditemukan di tabel "
                "anggaran; dibuat di bawah kegiatan '%(nama_teks)s' "
                "tanpa pagu dari tabel anggaran."
            )
            % {"sub_kegiatan": sub_t.teks, "nama_teks": kegiatan.nama.teks},
            sub_t.place,
        )
        return sub

    def _match(self, teks: Teks, pool: list, label: str, strict: bool = False):
        """The item of `pool` named `teks`: same key, or similar enough (reported as a decision)."""
        if not pool:
            return None
        scored = sorted(((kemiripan(teks.teks, item.nama.teks), i) for i, item in enumerate(pool)), reverse=True)
        score, index = scored[0]
        second = scored[1][0] if len(scored) > 1 else 0.0
        item = pool[index]
        if score >= 1.0:
            if nama_key(teks.teks) and teks.teks != item.nama.teks:
                item.nama_lain.append(teks)
            return item
        if score >= SAMA or (not strict and score >= MIRIP and score - second >= 0.1):
            item.nama_lain.append(teks)
            if (teks.teks, id(item)) in self.matched:
                return item  # the same spelling matched to the same item again: said once
            self.matched.add((teks.teks, id(item)))
            self.doc.decide(
                "nama.mirip",
                gettext(
                    "Nama %(label)s '%(nama)s' dicocokkan "
                    "dengan '%(teks)s' (kemiripan %(pct_score)s setelah huruf "
                    "besar/kecil, label dan tanda baca diabaikan)."
                )
                % {
                    "label": label,
                    "nama": sejajar.short(teks.teks),
                    "teks": sejajar.short(item.nama.teks),
                    "pct_score": _pct(score),
                },
                teks.place,
            )
            return item
        return None

    # --- signatures and the end ---------------------------------------------------------------------------------

    def _signature(self, block, bidang: str) -> None:
        if self.doc.tempat == "" and block.tempat:
            self.doc.tempat, self.doc.tanggal = block.tempat, block.tanggal
        pejabat: PejabatDoc | None = block.pejabat
        if pejabat is None:
            return
        same = next((p for p in self.doc.pejabat
                     if (p.nip and p.nip == pejabat.nip) or nama_inti(p.nama.teks) == nama_inti(pejabat.nama.teks)),
                    None)
        if same is not None:
            if same.nama.teks != pejabat.nama.teks:
                self.doc.decide(
                    "pejabat.sama",
                    gettext(
                        "'%(nama_teks)s' dianggap orang yang sama dengan '%(nama_lain)s' (nama tanpa gelar "
                        "sama%(teks)s)."
                    )
                    % {
                        "nama_teks": pejabat.nama.teks,
                        "nama_lain": same.nama.teks,
                        "teks": (gettext(", NIP sama") if same.nip and same.nip == pejabat.nip else ""),
                    },
                    pejabat.nama.place,
                )
            same.nip = same.nip or pejabat.nip
            same.pangkat, same.golongan = same.pangkat or pejabat.pangkat, same.golongan or pejabat.golongan
            pejabat = same
        else:
            self.doc.pejabat.append(pejabat)
        if bidang:
            pejabat.bidang = pejabat.bidang or bidang
            pejabat.kepala_bidang = True
            doc_bidang = self.doc.bidang_named(bidang)
            if doc_bidang is not None and doc_bidang.kepala is None:
                doc_bidang.kepala = pejabat
            for aksi in self.bidang_aksi.get(bidang, []):
                if aksi.penanggung_jawab is None:
                    aksi.penanggung_jawab = Teks(_jabatan_ttd(pejabat), pejabat.jabatan.place)
                    aksi.pejabat = pejabat
            if self.bidang_aksi.get(bidang):
                self.doc.decide(
                    "aksi.penanggung_jawab",
                    gettext(
                        "Kolom penanggung jawab tidak ada pada tabel aksi %(bidang)s; penanggung jawab "
                        "%(teks)s aksinya diisi dengan penandatangan halaman itu: "
                        "%(jabatan)s (%(nama_teks)s)."
                    )
                    % {
                        "bidang": bidang,
                        "teks": len(self.bidang_aksi[bidang]),
                        "jabatan": _jabatan_ttd(pejabat),
                        "nama_teks": pejabat.nama.teks,
                    },
                    pejabat.jabatan.place,
                )
        elif pejabat.jabatan.teks.casefold().startswith("kepala") or pejabat.status != "definitif":
            pejabat.kepala_pd = True
            self.doc.penandatangan = self.doc.penandatangan or pejabat

    def _finish_pk(self) -> None:
        """The PK's header: the head of the PD who signs the document is its first party, at its place and date."""
        pk = self.perjanjian
        if pk is None:
            return
        if not pk.items:  # a PK table none of whose rows could be read: no PK
            self.doc.perjanjian_kinerja.remove(pk)
            return
        pk.tempat, pk.tanggal = self.doc.tempat, self.doc.tanggal
        signer = self.doc.penandatangan
        if signer is not None and signer.kepala_pd:
            pk.pihak_pertama = signer
            self.doc.decide(
                "pk.pihak_pertama",
                gettext("Tabel Perjanjian Kinerja tidak menyebut para pihaknya; pihak pertama diisi dengan "
                        "penandatangan dokumen, %(jabatan)s (%(nama_teks)s), tempat dan tanggal "
                        "dengan tempat dan tanggal penandatanganan dokumen.")
                % {"jabatan": _jabatan_ttd(signer), "nama_teks": signer.nama.teks},
                pk.place,
            )

    def _finish(self) -> None:
        self._finish_pk()
        for group in self.groups:
            if group.explanation:
                confirmed = [
                    f"'{sejajar.short(sub.nama.teks)}' {rp(other.nilai)}"
                    for sub in group.kegiatan.sub_kegiatan
                    for other in sub.pagu_lain[:1]
                    if sub.pagu is not None and other.nilai == sub.pagu.nilai
                ]
                text = group.explanation
                if confirmed:
                    text += gettext(" Halaman bidang menuliskan pagu yang sama: %(daftar)s.") % {"daftar": ", ".join(confirmed)}
                self.doc.decide("pagu.geser_baris", text, group.kegiatan.nama.place)
        for tabel, numbers in self.output_slips:
            self.doc.decide(
                "output.geser_kolom",
                gettext("Pada baris %(baris)s teks OUTPUT/KELUARAN tertulis satu kolom ke "
                        "kiri (di kolom bulan, yang selain itu kosong); dibaca sebagai output aksi.")
                % {"baris": ', '.join(map(str, numbers))},
                tabel.place(next(r for r in tabel.rows if r.number == numbers[0])),
            )
        aksi = list(self.doc.all_aksi())
        if aksi and not any(a.bulan for a in aksi):
            self.doc.warn(
                "jadwal.kosong",
                gettext("Kolom jadwal bulan (Jan–Des) kosong pada semua %(n_aksi)s aksi: arsiran sel "
                        "tampaknya hilang ketika dokumen disalin. Jadwal tidak diisi; lengkapi dari dokumen "
                        "asli.") % {"n_aksi": len(aksi)},
                aksi[0].uraian.place,
            )
        orphans = self.aksi_count - len(aksi)
        if orphans > 0:
            self.doc.warn("aksi.tidak_ditempatkan", gettext("%(orphans)s aksi tidak dapat ditempatkan di "
                                                            "sub kegiatan mana pun.") % {"orphans": orphans})


def _pct(score: float) -> str:
    """A similarity as shown to people: 0.996 is "99%", never a rounded-up 100%."""
    return f"{int(score * 100)}%"


def _jabatan_ttd(pejabat: PejabatDoc) -> str:
    prefix = {"plt": "Plt. ", "plh": "Plh. "}.get(pejabat.status, "")
    return prefix + pejabat.jabatan.teks


def read(grid: Grid) -> RencanaAksiDoc:
    doc = _Reader(grid).read()
    if not doc.program and not doc.sasaran:
        raise ImporGagal(gettext("tidak ada sasaran, indikator atau program yang dapat dibaca dari "
                                 "tabel-tabelnya."),
                         Place(grid.dokumen))
    return doc

