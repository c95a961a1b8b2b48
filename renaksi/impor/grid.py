"""The format-free view of a document that every reader produces and every layout recogniser reads.

A document is a list of sheets; a sheet is a list of rows in reading order; a row is a list of cell texts.
- text/TSV copy: one sheet, one row per line, cells split on TAB;
- CSV: one sheet, one row per record;
- XLSX: one sheet per worksheet; a merged range keeps its value in the top-left cell, the other cells are empty
  (exactly what a text copy of a merged cell looks like); numbers stored as numbers are written back as plain
  text without grouping (``1030000``), numbers stored as text are kept as written;
- DOCX: one sheet; paragraphs and table rows in document order; a paragraph is a row of one cell; in a table
  row, a cell merged horizontally or vertically with the one before it is given as empty.
Every cell knows its place (`Place`), so a message or a provenance record can name file, sheet, row and column.
What a reader had to decide (an encoding, a CSV delimiter) goes to `Grid.decisions` as a `Catatan`; layouts pass
these on, with their own, to the neutral structure (`renaksi.impor.dokumen`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from renaksi.impor.kode import judul as judul_kode


@dataclass(frozen=True)
class Place:
    """Where a value stands in the source: file, sheet or table, 1-based row (line) and 1-based column."""

    dokumen: str
    sheet: str = ""
    baris: int | None = None
    kolom: int | None = None
    tabel: str = ""
    judul_kolom: str = ""  # the column's header as the document writes it ("ANGGARAN"), when known
    halaman: int | None = None  # PDF only: the 1-based page the value stands on

    def describe(self) -> str:
        parts = [f"berkas {self.dokumen}"]
        if self.halaman is not None:
            parts.append(f"halaman {self.halaman}")
        if self.sheet:
            parts.append(f"lembar '{self.sheet}'")
        if self.tabel:
            parts.append(f"tabel '{self.tabel}'")
        if self.baris is not None:
            parts.append(f"baris {self.baris}")
        if self.kolom is not None:
            parts.append(f"kolom {self.kolom}" + (f" ({self.judul_kolom})" if self.judul_kolom else ""))
        return ", ".join(parts)

    def kolom_label(self) -> str:
        """The column as a provenance record names it: "13 (ANGGARAN)"."""
        if self.kolom is None:
            return self.judul_kolom
        return f"{self.kolom} ({self.judul_kolom})" if self.judul_kolom else str(self.kolom)


@dataclass(frozen=True)
class Catatan:
    """A decision the importer had to take, or a warning about something it read but could not place.

    `kode` is a stable id (``pagu.geser_kolom``); `pesan` is Indonesian and says what was read and why it was read
    that way; `place` points at the cell or the first row concerned.
    """

    kode: str
    pesan: str
    place: Place | None = None

    @property
    def judul(self) -> str:
        """The code's Indonesian title (renaksi/impor/kode.py), shown beside the message."""
        return judul_kode(self.kode)

    def as_json(self) -> dict:
        p = self.place
        return {
            "kode": self.kode,
            "judul": self.judul,
            "pesan": self.pesan,
            "tempat": p.describe() if p else "",
            "dokumen": p.dokumen if p else "",
            "sheet": p.sheet if p else "",
            "tabel": p.tabel if p else "",
            "baris": p.baris if p else None,
            "kolom": p.kolom if p else None,
        }


@dataclass
class Row:
    cells: list[str]
    number: int  # 1-based line (text, CSV, DOCX block, PDF line or table row) or row (XLSX, XLS)
    # XLSX, XLS, DOCX, PDF: the fill colour of each shaded cell by 0-based column ("FFFF00", "theme 4 +0.40");
    # white and "no fill" are not kept. `tabel.find_tables` reads the month columns' fill as schedule marks.
    fills: dict[int, str] = field(default_factory=dict)
    halaman: int | None = None  # PDF only: the page the row starts on

    def cell(self, index: int) -> str:
        """The cell at 0-based `index`, '' when the row is shorter."""
        return self.cells[index].strip() if index < len(self.cells) else ""

    @property
    def is_blank(self) -> bool:
        return not any(c.strip() for c in self.cells)


@dataclass
class Sheet:
    name: str
    rows: list[Row] = field(default_factory=list)
    # XLSX only: the formula of each formula cell by (row, column), 1-based ("=SUM(H10:H14)"); its value is in
    # `rows`. A layout may read which cells are totals from them; every other layout ignores them.
    formulas: dict[tuple[int, int], str] = field(default_factory=dict)
    # XLSX only: merged ranges as (min_row, min_col, max_row, max_col), 1-based.
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    # XLSX only: the cells stored as numbers (not as text), by (row, column): their text has no grouping and "."
    # is always the decimal point ("33.333"), so a layout can read them without guessing the separators.
    numbers: set[tuple[int, int]] = field(default_factory=set)


@dataclass
class Grid:
    dokumen: str  # the file name as the user gave it
    format: str  # "teks", "csv", "xlsx", "xls", "docx", "pdf"
    sheets: list[Sheet] = field(default_factory=list)
    # What a reader had to decide (an encoding, a delimiter) or could not read; layouts pass them on.
    decisions: list[Catatan] = field(default_factory=list)
    warnings: list[Catatan] = field(default_factory=list)

    def place(self, sheet: Sheet, row: Row, col: int | None = None, tabel: str = "") -> Place:
        return Place(
            dokumen=self.dokumen,
            sheet=sheet.name if len(self.sheets) > 1 or self.format in ("xlsx", "xls") else "",
            baris=row.number,
            kolom=None if col is None else col + 1,
            tabel=tabel,
            halaman=row.halaman,
        )


class ImporGagal(Exception):
    """The document cannot be read. The message is Indonesian and names the place when there is one."""

    def __init__(self, message: str, place: Place | None = None):
        self.message = message
        self.place = place
        super().__init__(f"{place.describe()}: {message}" if place else message)
