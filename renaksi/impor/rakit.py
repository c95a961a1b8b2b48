"""The plan under assembly: finding or creating sasaran, indikator, program, kegiatan and sub kegiatan by name.

Every table kind (`renaksi.impor.jenis`) puts its rows into one `Rakit`, so a sasaran named in the IKU table, the
PK table and a target table is one sasaran, and an aksi table finds the sub kegiatan of the budget table. Names are
compared by `teks.kemiripan` (case, spelling, labels and punctuation ignored):

- the same key is the same item;
- at least `SAMA` similar is the same item (reported: `nama.mirip`);
- between `MIRIP` and `SAMA`, the same item only within the same parent and when it is clearly the best candidate.

A `Rakit` also keeps what several tables of one document share while they are read: the budget groups whose
amounts are placed at the end (`sejajar`), the stated total, the bidang's indikator and aksi, the one PK.

The kinds that read indikator (PK, IKU, targets) take a table's rows from `indikator_rows`, which splits a row
packing several indikator into one cell, one per line, with their targets packed the same way; the budget kind
takes its rows from `baris_bertumpuk`, the same rule for kegiatan and sub kegiatan names packed with their pagu.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from django.utils.translation import gettext

from renaksi.impor.cakupan import angka_sel
from renaksi.impor.dokumen import (
    AksiDoc,
    IndikatorDoc,
    KegiatanDoc,
    NilaiSel,
    PerjanjianKinerjaDoc,
    ProgramDoc,
    RencanaAksiDoc,
    SasaranDoc,
    SubKegiatanDoc,
    Teks,
    Uang,
)
from renaksi.impor.grid import Grid, Place, Row
from renaksi.impor.layouts import sejajar
from renaksi.impor.layouts.umum import looks_like_money
from renaksi.impor.tabel import PeranKolom, Tabel
from renaksi.impor.teks import (
    bersih,
    is_row_number,
    kemiripan,
    nama_key,
    pisah_iku,
    sentence_starts_new,
    strip_label,
)

SAMA = 0.9  # two names at least this similar (difflib ratio of their keys) are the same item
MIRIP = 0.7  # below SAMA, still accepted within the same parent when it is clearly the best candidate
T = TypeVar("T")


def pct(score: float) -> str:
    """A similarity as shown to people: 0.996 is "99%", never a rounded-up 100%."""
    return f"{int(score * 100)}%"


class Rakit:
    def __init__(self, doc: RencanaAksiDoc, grid: Grid):
        self.doc, self.grid = doc, grid
        self.known_sasaran: list[SasaranDoc] = []
        self.matched: set[tuple[str, int]] = set()
        # shared by the tables of one document while they are read
        self.groups: list[sejajar.Kelompok] = []
        self.stated_total: Uang | None = None
        self.bidang_indikator: dict[str, IndikatorDoc] = {}
        self.bidang_aksi: dict[str, list[AksiDoc]] = {}
        self.output_slips: list[tuple[Tabel, list[int]]] = []
        self.aksi_count = 0
        self.perjanjian: PerjanjianKinerjaDoc | None = None  # one PK for every PK table of the document

    # --- sasaran and indikator ---------------------------------------------------------------------------------

    def sasaran(self, uraian: Teks, nomor: str = "") -> SasaranDoc:
        """The strategic sasaran with this text (same key, or similar enough), created when new."""
        best, score = self.paling_mirip(self.known_sasaran, lambda s: kemiripan(s.uraian.teks, uraian.teks))
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
                        "pct_score": pct(score),
                    },
                    uraian.place,
                )
            if nomor and not best.nomor:
                best.nomor = nomor
            return best
        sasaran = self.sasaran_baru(uraian, "strategis", nomor)
        self.known_sasaran.append(sasaran)
        return sasaran

    def sasaran_baru(self, uraian: Teks, level: str, nomor: str = "") -> SasaranDoc:
        """A sasaran the document states on a row of its own (the matrix): added without looking for a like one."""
        sasaran = SasaranDoc(uraian=uraian, level=level, nomor=nomor)
        self.doc.sasaran.append(sasaran)
        return sasaran

    @staticmethod
    def paling_mirip(pool: Sequence[T], mirip: Callable[[T], float]) -> tuple[T, float] | tuple[None, float]:
        """The item of `pool` with the highest `mirip(item)` (the first of equals) and that score; (None, 0) for none."""
        if not pool:
            return None, 0.0
        scores = [mirip(item) for item in pool]
        best = max(range(len(pool)), key=scores.__getitem__)
        return pool[best], scores[best]

    def indikator(self, sasaran: SasaranDoc, nama: Teks, bidang: str = "") -> IndikatorDoc:
        """The indikator of this name (same key, or similar enough), created under `sasaran` when new. A trailing
        " (IKU)" (an LKjIP's marker, `teks.pisah_iku`) is not part of the name: it marks the indikator IKU."""
        teks, iku = pisah_iku(nama.teks)
        if iku:
            nama = Teks(teks, nama.place)
        found = self._indikator(sasaran, nama, bidang)
        found.is_iku = found.is_iku or iku
        return found

    def _indikator(self, sasaran: SasaranDoc, nama: Teks, bidang: str) -> IndikatorDoc:
        candidates = [i for s in self.doc.sasaran for i in s.indikator if i.bidang == bidang]
        best, score = self.paling_mirip(candidates, lambda ind: kemiripan(ind.nama.teks, nama.teks))
        if best is not None and score >= SAMA:
            if score < 1:
                best.nama_lain.append(nama)
                self.doc.decide(
                    "nama.mirip",
                    gettext(
                        "Indikator '%(nama_teks)s' dianggap sama dengan "
                        "'%(nama_lain)s' (kemiripan %(pct_score)s)."
                    )
                    % {"nama_teks": nama.teks, "nama_lain": best.nama.teks, "pct_score": pct(score)},
                    nama.place,
                )
            return best
        indikator = IndikatorDoc(nama=nama, bidang=bidang)
        sasaran.indikator.append(indikator)
        return indikator

    @staticmethod
    def yearly(indikator: IndikatorDoc, nilai: NilaiSel, primary: bool) -> None:
        """Another statement of the yearly target: the first (or a table with quarters) is the target."""
        if indikator.target is None:
            indikator.target = nilai
        elif primary:
            indikator.target_lain.append(indikator.target)
            indikator.target = nilai
        else:
            indikator.target_lain.append(nilai)

    def indikator_rows(self, tabel: Tabel) -> list[Row]:
        """The table's rows, a row that packs several indikator into one cell, one per line, as one row per
        indikator (`baris_bertumpuk`; decision `indikator.bertumpuk`, warning `target.bertumpuk`); the satuan cell
        is split with them when it holds as many lines."""
        return self.baris_bertumpuk(tabel, [PeranKolom.INDIKATOR], anggaran=False)

    def baris_bertumpuk(self, tabel: Tabel, nama: Sequence[PeranKolom], anggaran: bool) -> list[Row]:
        """The table's rows, a row that packs several names into one cell, one per line, as one row per name.

        The names are those of the first column of `nama` whose cell holds several lines (indikator; or sub
        kegiatan, kegiatan, program for a budget table, `anggaran=True`). A row is packed when a cell of numbers
        (a target, a quarter, a pagu) holds several lines too; otherwise its name is a long one written over lines.
        When every such cell holds as many numbers as there are names, line k of the names, of the numbers and of
        each other cell of `nama` (and of the satuan) holding as many lines make row k (`indikator.bertumpuk`,
        `nama.bertumpuk`); the row's other cells are copied to every row (indikator: the sasaran is found by name)
        or, for a budget, stand once on a row above them, as a merged cell does (the kegiatan above packed sub
        kegiatan is one kegiatan, and the amounts are the sub kegiatan's). When they do not, the row stays one and
        those numbers are left out, listed as not placed (`target.bertumpuk`, `pagu.bertumpuk`)."""
        name_cols = [c for role in nama if (c := tabel.col(role)) is not None]
        whole = {*name_cols, tabel.col(PeranKolom.NO), tabel.col(PeranKolom.SASARAN)}
        result: list[Row] = []
        for row in tabel.rows:
            col = next((c for c in name_cols if len(_lines(row.cell(c))) > 1), None)
            names = _lines(row.cell(col)) if col is not None else []
            packed = {c: lines for c, text in enumerate(row.cells) if c not in whole
                      and len(lines := _lines(text)) > 1 and all(angka_sel(x) for x in lines)}
            if col is None or len(names) < 2 or not packed:
                result.append(row)
                continue
            values = {"baris": row.number, "n": len(names), "kolom": tabel.judul_kolom.get(col, str(col + 1))}
            if uneven := [c for c, lines in packed.items() if len(lines) != len(names)]:
                for c in packed:
                    self.doc.cakupan.lepas(tabel.place(row, c))
                values["angka"] = ", ".join(tabel.judul_kolom.get(c, str(c + 1)) for c in uneven)
                if anggaran:
                    self.doc.warn("pagu.bertumpuk", gettext(
                        "Sel %(kolom)s baris %(baris)s memuat %(n)s nama, tetapi sel angkanya (%(angka)s) tidak "
                        "memuat %(n)s angka; dibaca sebagai satu nama, angka-angka itu tidak ditempatkan.")
                        % values, tabel.place(row, col))
                else:
                    self.doc.warn("target.bertumpuk", gettext(
                        "Sel indikator baris %(baris)s memuat %(n)s baris, tetapi sel angkanya (%(angka)s) tidak "
                        "memuat %(n)s angka; dibaca sebagai satu indikator, angka-angka itu tidak ditempatkan.")
                        % values, tabel.place(row, col))
                result.append(Row(cells=[("" if c in packed else t) for c, t in enumerate(row.cells)],
                                  number=row.number, fills=row.fills))
                continue
            split = {c for c in (*packed, *name_cols, tabel.col(PeranKolom.SATUAN))
                     if c is not None and len(_lines(row.cell(c))) == len(names)}
            if anggaran:  # the other cells stand once, above the rows they cover, as a merged cell does
                result.append(Row(cells=["" if c in split else t for c, t in enumerate(row.cells)],
                                  number=row.number, fills=row.fills))
            for k in range(len(names)):
                cells = [_lines(t)[k] if c in split else "" if anggaran else t for c, t in enumerate(row.cells)]
                result.append(Row(cells=cells, number=row.number, fills=row.fills))
            values["daftar"] = "; ".join(f"'{n}'" for n in names)
            if anggaran:
                self.doc.decide("nama.bertumpuk", gettext(
                    "Sel %(kolom)s baris %(baris)s memuat %(n)s nama, satu per baris, dan pagunya ditulis dengan "
                    "cara yang sama; dibaca sebagai %(n)s baris: %(daftar)s.") % values, tabel.place(row, col))
            else:
                self.doc.decide("indikator.bertumpuk", gettext(
                    "Sel indikator baris %(baris)s memuat %(n)s indikator, satu per baris, dan targetnya ditulis "
                    "dengan cara yang sama; dibaca sebagai %(n)s indikator: %(daftar)s.") % values,
                    tabel.place(row, col))
        return result

    def sasaran_by_row(self, tabel: Tabel, rows: list[Row] | None = None) -> dict[int, SasaranDoc | None]:
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
            sasaran = self.sasaran(Teks(text, place))
            for n in numbers:
                result[n] = sasaran
        return result

    # --- program, kegiatan, sub kegiatan -----------------------------------------------------------------------

    def program(self, nama: Teks) -> ProgramDoc:
        for program in self.doc.program:
            if nama_key(program.nama.teks) == nama_key(nama.teks):
                return program
        program = ProgramDoc(nama=nama)
        self.doc.program.append(program)
        return program

    def find_sub(self, program_t: Teks | None, kegiatan_t: Teks | None, sub_t: Teks) -> SubKegiatanDoc:
        """The budget table's sub kegiatan named by another table; created (and reported) when there is none."""
        program = self.match(program_t, self.doc.program, "program") if program_t else None
        kegiatan_pool = program.kegiatan if program else list(self.doc.all_kegiatan())
        kegiatan = self.match(kegiatan_t, kegiatan_pool, "kegiatan") if kegiatan_t else None
        if kegiatan is None and kegiatan_t and program:
            kegiatan = self.match(kegiatan_t, list(self.doc.all_kegiatan()), "kegiatan")
        pool = kegiatan.sub_kegiatan if kegiatan else list(self.doc.all_sub_kegiatan())
        sub = self.match(sub_t, pool, "sub kegiatan")
        if sub is None and kegiatan is not None:
            sub = self.match(sub_t, list(self.doc.all_sub_kegiatan()), "sub kegiatan", strict=True)
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

    def match(self, teks: Teks, pool: list, label: str, strict: bool = False):
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
                    "pct_score": pct(score),
                },
                teks.place,
            )
            return item
        return None


def _lines(text: str) -> list[str]:
    """The non-empty lines of a cell, cleaned."""
    return [line for line in (bersih(x) for x in text.split("\n")) if line]
