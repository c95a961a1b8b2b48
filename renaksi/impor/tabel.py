"""Find the tables of a sheet by their headers, whatever the document calls its columns.

A header row is a row whose cells are mostly known column names ("INDIKATOR KINERJA", "Indikator Kinerja Sasaran",
"ANGGARAN", "Pagu Anggaran", "AKSI/KEGIATAN" …, see `EXACT` and `PREFIXES`). The one or two rows under it may name the
columns of a group: "I II III IV" or "Triw I … Triw IV" under TRIWULAN / TARGET, "Jan … Des" under JADWAL; a row
"1 2 3 … 8" (column numbers) is skipped. A heading split over two lines, or with extra spaces, is still found.

The rows of a table run until a paragraph (a row with a single text cell that is not a row number). A table goes
on after a page header (a few short paragraphs, then the same header again, then a row that does not restart
the numbering at 1): the pieces are joined and the join is reported. The same header repeated with numbering
restarting at 1 starts a new table (Samarinda's aksi tables, one per sub kegiatan).

A schedule marked by shading the month cells (XLSX, XLS, DOCX, PDF keep each cell's fill in `Row.fills`) reads as if
the cells held a mark: see `_read_shading` (decision `jadwal.arsiran`).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from enum import StrEnum

from django.utils.translation import gettext

from renaksi.core.bulan import nomor_bulan, singkat_bulan
from renaksi.impor.grid import Catatan, Grid, Place, Row, Sheet

from .teks import bersih, is_row_number


class PeranKolom(StrEnum):
    """What a column holds."""

    NO = "no"
    SASARAN = "sasaran"
    INDIKATOR = "indikator"
    FORMULASI = "formulasi"
    SATUAN = "satuan"
    TARGET = "target"  # the yearly target (possibly with its unit: "Target/Satuan")
    TRIWULAN = "triwulan"  # a group header over TW I–IV
    PROGRAM = "program"
    KEGIATAN = "kegiatan"
    SUB_KEGIATAN = "sub_kegiatan"
    KEGIATAN_SUB = "kegiatan_sub"  # one column for "Kegiatan/Sub Kegiatan"
    PAGU = "pagu"
    AKSI = "aksi"
    JADWAL = "jadwal"  # a group header over the months
    OUTPUT = "output"
    PJ = "pj"
    KETERANGAN = "keterangan"
    REALISASI = "realisasi"  # a group header over realisasi TW I–IV (a monev table)


# Normalised header text → role, tried in order: exact names first, then prefixes (for "Indikator Kinerja
# Sasaran Utama" and the like). A header is normalised by `_header_key`.
EXACT = {
    "no": PeranKolom.NO, "nomor": PeranKolom.NO, "no urut": PeranKolom.NO,
    "aksi/kegiatan": PeranKolom.AKSI, "kegiatan/aksi": PeranKolom.AKSI, "aksi": PeranKolom.AKSI, "rencana aksi": PeranKolom.AKSI,
    "uraian aksi": PeranKolom.AKSI, "uraian kegiatan aksi": PeranKolom.AKSI,
    "kegiatan/sub kegiatan": PeranKolom.KEGIATAN_SUB, "kegiatan/subkegiatan": PeranKolom.KEGIATAN_SUB,
    "target/satuan": PeranKolom.TARGET, "target tahunan": PeranKolom.TARGET, "target kinerja": PeranKolom.TARGET,
    "target triwulan": PeranKolom.TRIWULAN, "triwulan": PeranKolom.TRIWULAN, "tw": PeranKolom.TRIWULAN,
    "target per triwulan": PeranKolom.TRIWULAN,
    "output/keluaran": PeranKolom.OUTPUT, "keluaran/output": PeranKolom.OUTPUT, "output": PeranKolom.OUTPUT,
    "keluaran": PeranKolom.OUTPUT,
    "pj": PeranKolom.PJ, "penanggung jawab": PeranKolom.PJ, "penanggungjawab": PeranKolom.PJ, "pelaksana": PeranKolom.PJ,
    "keterangan": PeranKolom.KETERANGAN, "ket": PeranKolom.KETERANGAN,
}
PREFIXES = [
    ("aksi", PeranKolom.AKSI),
    ("sub kegiatan", PeranKolom.SUB_KEGIATAN), ("subkegiatan", PeranKolom.SUB_KEGIATAN),
    ("kegiatan", PeranKolom.KEGIATAN),
    ("program", PeranKolom.PROGRAM),
    ("sasaran", PeranKolom.SASARAN), ("tujuan/sasaran", PeranKolom.SASARAN),
    ("indikator", PeranKolom.INDIKATOR),
    ("formulasi", PeranKolom.FORMULASI), ("formula", PeranKolom.FORMULASI), ("rumus", PeranKolom.FORMULASI),
    ("cara perhitungan", PeranKolom.FORMULASI), ("definisi operasional", PeranKolom.FORMULASI),
    ("satuan", PeranKolom.SATUAN),
    ("target triwulan", PeranKolom.TRIWULAN), ("triwulan", PeranKolom.TRIWULAN),
    ("target", PeranKolom.TARGET),
    ("pagu", PeranKolom.PAGU), ("anggaran", PeranKolom.PAGU), ("jumlah anggaran", PeranKolom.PAGU), ("dana", PeranKolom.PAGU),
    ("alokasi anggaran", PeranKolom.PAGU), ("apbd", PeranKolom.PAGU), ("apbn", PeranKolom.PAGU),
    ("jadwal", PeranKolom.JADWAL), ("waktu pelaksanaan", PeranKolom.JADWAL), ("bulan", PeranKolom.JADWAL),
    ("output", PeranKolom.OUTPUT), ("keluaran", PeranKolom.OUTPUT),
    ("penanggung jawab", PeranKolom.PJ),
    ("realisasi", PeranKolom.REALISASI),
]
# Roles that make a row a table header (with at least two other known columns).
KEY_ROLES = {PeranKolom.INDIKATOR, PeranKolom.AKSI, PeranKolom.PROGRAM, PeranKolom.KEGIATAN, PeranKolom.SUB_KEGIATAN, PeranKolom.KEGIATAN_SUB}

# The number of a table's first row: "1", "a." or "I" again means a new table, not the same one continued.
FIRST_NUMBERS = {"1", "1.", "a", "a.", "i", "i."}
# "TW I", "Target TW-I", "Realisasi TW 2", "s.d. TW II", "s/d Triwulan III", "Target s.d. TW IV" (after `_header_key`).
_TW = re.compile(r"^(?:(?P<jenis>target|realisasi)\s+)?(?P<sd>(?:sd|s/d|sampai dengan)\s*)?"
                 r"(?P<prefix>tw|trw|triw|triwulan|q)?\s*[-.]?\s*(?P<n>iv|i{1,3}|[1-4])$")
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_CAPTION = re.compile(r"^(?:tabel|table)\s+[\dIVX]+(?:[.\-]\d+)*\b", re.I)
MAX_HEADER_CHARS = 100  # a header may be a sentence ("Indikator Kinerja Sasaran Strategis yang Diukur …")


def _header_key(text: str) -> str:
    text = bersih(text).casefold()
    text = re.sub(r"\s*/\s*", "/", text)
    text = re.sub(r"\(.*?\)", "", text)  # "Pagu (Rp)", "Anggaran (Rp.)"
    return re.sub(r"[^\w/ ]", "", text).strip()


def role_of(text: str) -> PeranKolom | None:
    key = _header_key(text)
    if not key or len(key) > MAX_HEADER_CHARS:
        return None
    if key in EXACT:
        return EXACT[key]
    if tw_label(text, prefixed_only=True):
        return PeranKolom.REALISASI if tw_realisasi(text) else PeranKolom.TRIWULAN
    for prefix, role in PREFIXES:
        if key == prefix or key.startswith(prefix + " ") or key.startswith(prefix + "/"):
            return role
    return None


def tw_label(text: str, prefixed_only: bool = False) -> int | None:
    """"I", "Triw II", "TW 3", "Triwulan IV" → 1–4. A bare digit is not a quarter (it is a column number)."""
    match = _TW.match(_header_key(text))
    if not match:
        return None
    n = match["n"]
    if not match["prefix"] and (prefixed_only or n.isdigit()):
        return None
    return int(n) if n.isdigit() else _ROMAN[n]


def tw_sd(text: str) -> bool:
    """A quarter header written to date: "s.d. TW II", "s/d Triwulan III" (the value since January, cumulative)."""
    match = _TW.match(_header_key(text))
    return bool(match and match["sd"])


def tw_realisasi(text: str) -> bool:
    """A quarter header of realisasi, not of target: "Realisasi TW I"."""
    match = _TW.match(_header_key(text))
    return bool(match and match["jenis"] == "realisasi")


def month_label(text: str) -> int | None:
    return nomor_bulan(_header_key(text))


@dataclass
class Tabel:
    """A table of a sheet: its header, the columns by role, the quarter and month columns, and its data rows."""

    grid: Grid
    sheet: Sheet
    header: Row
    cols: dict[PeranKolom, int]
    judul_kolom: dict[int, str]
    tw: list[int | None] = field(default_factory=lambda: [None] * 4)  # column of TW I–IV
    tw_sd: bool = False  # the quarters' targets are written to date ("s.d. TW II"): cumulative, not per quarter
    realisasi: list[int | None] = field(default_factory=lambda: [None] * 4)  # column of realisasi TW I–IV
    realisasi_sd: bool = False  # the realisasi is written to date
    bulan: list[int | None] = field(default_factory=lambda: [None] * 12)  # column of Jan–Des
    rows: list[Row] = field(default_factory=list)  # data rows, blank rows left out
    judul: str = ""  # caption ("Tabel 2.3") or a name the layout gives it
    sub_header: list[Row] = field(default_factory=list)
    decisions: list[Catatan] = field(default_factory=list)

    @property
    def roles(self) -> set[PeranKolom]:
        return set(self.cols)

    def has(self, *roles: PeranKolom) -> bool:
        return all(r in self.cols for r in roles)

    def col(self, role: PeranKolom) -> int | None:
        return self.cols.get(role)

    def cell(self, row: Row, role: PeranKolom) -> str:
        col = self.cols.get(role)
        return "" if col is None else bersih(row.cell(col))

    def place(self, row: Row, col: int | None = None, role: PeranKolom | None = None) -> Place:
        if col is None and role is not None:
            col = self.cols.get(role)
        base = self.grid.place(self.sheet, row, col, tabel=self.judul)
        label = self.judul_kolom.get(col, "") if col is not None else ""
        if not label and col is not None:
            label = self._group_label(col)
        return dataclasses.replace(base, judul_kolom=label)

    def _group_label(self, col: int) -> str:
        for tw, c in enumerate(self.tw, start=1):
            if c == col:
                return f"TW {'I II III IV'.split()[tw - 1]}"
        for tw, c in enumerate(self.realisasi, start=1):
            if c == col:
                return f"Realisasi TW {'I II III IV'.split()[tw - 1]}"
        for month, c in enumerate(self.bulan, start=1):
            if c == col:
                return singkat_bulan(month)
        return ""

    def header_place(self) -> Place:
        return self.place(self.header)

    @property
    def signature(self) -> frozenset[PeranKolom]:
        return frozenset(self.cols)


def header_roles(row: Row) -> dict[PeranKolom, int] | None:
    """The roles of a header row, or None when the row is not a header."""
    cells = [(i, bersih(c)) for i, c in enumerate(row.cells) if bersih(c)]
    if len(cells) < 3:
        return None
    roles: dict[PeranKolom, int] = {}
    unknown = 0
    for i, text in cells:
        role = role_of(text)
        if role is None and (month_label(text) or tw_label(text)):
            continue  # a quarter or month column named in the header row itself
        if role is None:
            unknown += 1
        elif role not in roles:
            roles[role] = i
    if len(roles) < 3 or not (KEY_ROLES & set(roles)) or unknown > len(cells) * 0.4:
        return None
    return roles


def _is_column_numbers(row: Row) -> bool:
    values = [bersih(c) for c in row.cells if bersih(c)]
    return len(values) >= 3 and all(v.isdigit() for v in values) and [int(v) for v in values] == list(
        range(int(values[0]), int(values[0]) + len(values))
    )


def _read_sub_headers(tabel: Tabel, rows: list[Row], start: int) -> int:
    """Read the rows under the header that name quarter or month columns; returns the index of the first data row.

    Quarters named in the header row itself ("TW I", "Triwulan II") count too; bare "I"…"IV" only below a group."""
    for i, text in tabel.judul_kolom.items():
        if tw := tw_label(text, prefixed_only=True):
            _set_quarter(tabel, tw, i, text, realisasi=tw_realisasi(text))
        if (month := month_label(text)) and len(text) > 2 and tabel.bulan[month - 1] is None:
            tabel.bulan[month - 1] = i
    index = start
    group_cols = sorted(
        (col, role) for role, col in tabel.cols.items()
        if role in (PeranKolom.TRIWULAN, PeranKolom.TARGET, PeranKolom.JADWAL, PeranKolom.REALISASI)
    )
    header_cols = sorted(i for i, c in enumerate(tabel.header.cells) if bersih(c))

    def group_at(col: int) -> PeranKolom | None:
        owner = max((c for c in header_cols if c <= col), default=None)
        return next((role for c, role in group_cols if c == owner), None)

    while index < len(rows) and index < start + 3:
        row = rows[index]
        if row.is_blank:
            index += 1
            continue
        cells = [(i, bersih(c)) for i, c in enumerate(row.cells) if bersih(c)]
        if _is_column_numbers(row):
            index += 1
            continue
        if not cells:
            break
        months = {i: month for i, t in cells if (month := month_label(t))}
        tws = {i: tw for i, t in cells if (tw := tw_label(t))}
        if len(months) == len(cells) >= 3:
            for i, month in months.items():
                tabel.bulan[month - 1] = i
        elif len(tws) == len(cells):
            for i, tw in tws.items():
                group = group_at(i)
                if group == PeranKolom.JADWAL:
                    continue  # "Triw I" over the months of the schedule: not targets
                _set_quarter(tabel, tw, i, row.cell(i), realisasi=group == PeranKolom.REALISASI or tw_realisasi(row.cell(i)))
                if group == PeranKolom.TARGET and tabel.cols.get(PeranKolom.TARGET) == i:
                    del tabel.cols[PeranKolom.TARGET]  # "TARGET" heads the quarters: there is no yearly column
        else:
            break
        tabel.sub_header.append(row)
        index += 1
    return index


def _set_quarter(tabel: Tabel, tw: int, col: int, text: str, realisasi: bool) -> None:
    """Column `col` holds quarter `tw` of the targets or of the realisasi. The first column found keeps it: realisasi
    I–IV under their own group header never take the place of the targets' quarters."""
    quarters = tabel.realisasi if realisasi else tabel.tw
    if quarters[tw - 1] is not None:
        return
    quarters[tw - 1] = col
    if tw_sd(text):
        if realisasi:
            tabel.realisasi_sd = True
        else:
            tabel.tw_sd = True


def _is_paragraph(row: Row) -> bool:
    cells = [(i, bersih(c)) for i, c in enumerate(row.cells) if bersih(c)]
    return len(cells) == 1 and cells[0][0] == 0 and not is_row_number(cells[0][1])


_JUDUL_BAGIAN = re.compile(r"^[A-Z]{1,2}\.\s+\S.{0,150}$")


def is_judul_bagian(row: Row) -> bool:
    """A row heading a part of a table, one cell across it: "A. Sasaran Strategis" (Renaksi's own matrix writes
    one above each part). Read alone it looks like a paragraph; `find_tables` keeps it when data rows follow."""
    return _is_paragraph(row) and bool(_JUDUL_BAGIAN.match(bersih(row.cells[0])))


def _heads_rows(rows: list[Row], index: int, tabel: Tabel) -> bool:
    """Is the row at `index` a part heading inside `tabel`: the next non-blank row is a data row, or the table's
    header repeated on the next page (the part's rows follow it)?"""
    if not is_judul_bagian(rows[index]):
        return False
    nxt = next((row for row in rows[index + 1:index + 4] if not row.is_blank), None)
    if nxt is None or _is_paragraph(nxt):
        return False
    roles = header_roles(nxt)
    return roles is None or frozenset(roles) == tabel.signature


def _first_data_no(tabel: Tabel, rows: list[Row], index: int) -> str | None:
    """The NO cell of the first non-blank row from `index`, '' when it has none, None when there is no row."""
    for row in rows[index:index + 5]:
        if not row.is_blank:
            return tabel.cell(row, PeranKolom.NO) if PeranKolom.NO in tabel.cols else ""
    return None


def _caption(rows: list[Row], header_index: int) -> str:
    """The caption above a header: "Tabel 2.3" plus its title lines, if the few rows above hold one."""
    lines: list[str] = []
    for row in reversed(rows[max(0, header_index - 8):header_index]):
        if row.is_blank:
            continue
        if not _is_paragraph(row):
            break
        text = bersih(row.cells[0])
        lines.insert(0, text)
        if caption := _CAPTION.match(text):
            return caption.group(0).strip().capitalize().replace("Table", "Tabel")
    return ""


def find_tables(grid: Grid, sheet: Sheet) -> list[Tabel]:
    """Every table of a sheet, in order, continuation pieces joined."""
    rows = sheet.rows
    tables: list[Tabel] = []
    index = 0
    current: Tabel | None = None
    while index < len(rows):
        row = rows[index]
        roles = header_roles(row)
        if roles is not None:
            same = current is not None and frozenset(roles) == current.signature
            probe = Tabel(grid, sheet, row, dict(roles), _labels(row))
            data_start = _read_sub_headers(probe, rows, index + 1)
            first_no = _first_data_no(probe, rows, data_start)
            continues = same and first_no is not None and (
                first_no.casefold() not in FIRST_NUMBERS  # a part's heading before it: its numbering starts at 1
                or bool(current is not None and current.rows and is_judul_bagian(current.rows[-1])))
            if continues:
                assert current is not None
                current.decisions.append(
                    Catatan(
                        "tabel.lanjutan",
                        gettext(
                            "Tabel berlanjut setelah judul kolom yang diulang di baris "
                            "%(row_number)s%(teks)s; baris-baris berikutnya dibaca sebagai bagian tabel yang "
                            "sama."
                        )
                        % {
                            "row_number": row.number,
                            "teks": (
                                gettext(" (kepala halaman di baris %(awal)s–%(akhir)s)")
                                % {"awal": gap[0], "akhir": gap[1]}
                                if (gap := _gap(rows, current, row))
                                else ""
                            ),
                        },
                        grid.place(sheet, row, tabel=current.judul),
                    )
                )
            else:
                current = probe
                current.judul = _caption(rows, index)
                tables.append(current)
            index = data_start
            continue
        if current is not None:
            if row.is_blank:
                pass
            elif _is_paragraph(row) and not _heads_rows(rows, index, current):
                # A paragraph ends the rows of the table; it may go on after a page header (see above).
                if not _page_header_follows(rows, index):
                    current = None
            else:
                current.rows.append(row)
        index += 1
    for tabel in tables:
        _read_shading(tabel)
    return tables


SHADED = "■"  # the mark a shaded month cell is read as (laporan's `_MARKS` knows it like "x" and "✓")


def _read_shading(tabel: Tabel) -> None:
    """Month cells marked by their fill: the colour used in the month columns and nowhere else in the table's data
    rows means "scheduled"; each empty month cell of that colour gets the mark `SHADED`, and the choice is reported.

    A colour also used outside the month columns (a sub kegiatan row shaded across the table, a header colour) is
    not a mark. The fills come from the readers (`Row.fills`); a text copy has none, and nothing changes."""
    months = {c for c in tabel.bulan if c is not None}
    if not months or not any(row.fills for row in tabel.rows):
        return
    in_months: dict[str, int] = {}
    elsewhere: set[str] = set()
    for row in tabel.rows:
        for col, colour in row.fills.items():
            if col in months:
                in_months[colour] = in_months.get(colour, 0) + 1
            else:
                elsewhere.add(colour)
    colours = sorted(c for c in in_months if c not in elsewhere)
    if not colours:
        return
    marked = []
    for row in tabel.rows:
        for col in sorted(months):
            if row.fills.get(col) in colours and not bersih(row.cell(col)):
                while len(row.cells) <= col:
                    row.cells.append("")
                row.cells[col] = SHADED
            if row.fills.get(col) in colours:
                marked.append(row)
    if not marked:
        return
    tabel.decisions.append(Catatan(
        "jadwal.arsiran",
        gettext("Sel bulan berwarna %(warna)s (hanya dipakai di kolom bulan) dibaca sebagai jadwal: %(sel)s sel "
                "pada %(baris)s baris.")
        % {"warna": ", ".join(colours), "sel": len(marked), "baris": len({r.number for r in marked})},
        tabel.place(marked[0]),
    ))


def _labels(row: Row) -> dict[int, str]:
    return {i: bersih(c) for i, c in enumerate(row.cells) if bersih(c)}


def _gap(rows: list[Row], tabel: Tabel, header: Row) -> tuple[int, int] | None:
    last = tabel.rows[-1].number if tabel.rows else tabel.header.number
    between = [r.number for r in rows if last < r.number < header.number and not r.is_blank]
    return (between[0], between[-1]) if between else None


def _page_header_follows(rows: list[Row], index: int, limit: int = 12) -> bool:
    """Are the paragraphs from `index` a page header, followed by a repeated table header?"""
    seen = 0
    for row in rows[index:index + limit + 8]:
        if row.is_blank:
            continue
        if header_roles(row) is not None:
            return True
        if not _is_paragraph(row):
            return False
        text = bersih(row.cells[0])
        if _CAPTION.match(text) or len(text) > 120 or re.search(r",\s+\d{0,2}\s*\w+\s+\d{4}$", text):
            return False  # a caption, a paragraph of prose or a signature date: the table has ended
        seen += 1
        if seen > limit:
            return False
    return False
