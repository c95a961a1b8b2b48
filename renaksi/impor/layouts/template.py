"""The Renaksi template (`renaksi/perencanaan/templat.py`) read back from a `Grid` into a `RencanaAksiDoc`.

It works on any format: an XLSX gives one sheet per table, a DOCX one sheet with a heading and a table per part, a
text copy one sheet with the tables one after another. A table is found by its header row (by the column titles,
so columns may be moved and optional ones deleted); its rows run until the next header row or the end of the sheet.
A missing required column stops the import with the header row named. Each table is then read by its own module in
`renaksi.impor.jenis.templat` (cells by `jenis.templat.sel`): nothing is inferred, a wrong reference, number or date
stops the import with the cell named.

Every table is listed for the preview (`RencanaAksiDoc.tabel`) read-only: its header row says what it is, so there is
no kind to pick.
"""

from __future__ import annotations

from collections.abc import Iterator

from django.utils.translation import gettext

from renaksi.core.bulan import nomor_bulan, singkat_bulan
from renaksi.impor import klasifikasi
from renaksi.impor.dokumen import RencanaAksiDoc, TabelDoc
from renaksi.impor.grid import Grid, ImporGagal, Place, Row, Sheet
from renaksi.impor.jenis.templat import aksi, anggaran, identitas, pejabat, pk, sasaran
from renaksi.impor.jenis.templat.sel import Baris, Templat, norm
from renaksi.perencanaan.templat import (
    AKSI,
    ANGGARAN,
    IDENTITAS,
    PEJABAT,
    PETUNJUK_HEADER,
    PK,
    SASARAN,
    SHEETS,
    Lembar,
)

NAME = "template"

# Tables are recognised in this order: a PK header also has a "Ref sasaran" column, so PK goes before Sasaran.
_DETECT_ORDER = (PK, AKSI, ANGGARAN, PEJABAT, SASARAN, IDENTITAS)

_PETUNJUK = [norm(t) for t in PETUNJUK_HEADER]
_SKIPPED_TEXTS = {norm(s.nama) for s in SHEETS} | {norm(s.keterangan) for s in SHEETS} | {"petunjuk"}


def _header_norm(text: str) -> str:
    """A column title normalised; a month in any spelling ("Agt", "Agustus") reads as Renaksi writes it ("agu")."""
    month = nomor_bulan(text) if len(text.strip()) >= 3 else None
    return norm(singkat_bulan(month)) if month else norm(text)


def _header(row: Row) -> tuple[Lembar | None, dict[str, int]] | None:
    """(table, {column title: index}) when `row` is a template header row; (None, {}) for the Petunjuk header."""
    cells = [_header_norm(c) for c in row.cells]
    if not any(cells):
        return None
    filled = [c for c in cells if c]
    for sheet in _DETECT_ORDER:
        if all(norm(k) in cells for k in sheet.kunci):
            cols = {k.judul: cells.index(norm(k.judul)) for k in sheet.kolom if norm(k.judul) in cells}
            if 2 * len(cols) >= len(filled):  # mostly known titles: a header, not a sentence that names two
                return sheet, cols
    if cells[: len(_PETUNJUK)] == _PETUNJUK:
        return None, {}
    return None


def detect(grid: Grid) -> int:
    """How sure we are that `grid` is the Renaksi template: 0 (not at all) to 100."""
    found: set[str] = set()
    version = False
    for sheet in grid.sheets:
        for row in sheet.rows:
            header = _header(row)
            if header and header[0] is not None:
                found.add(header[0].key)
            if norm(row.cell(0)) == "templat" and row.cell(1).startswith("Renaksi"):
                version = True
    if version and found:
        return 100
    return 90 if len(found - {"identitas"}) >= 2 else 0


def _collect(t: Templat) -> None:
    """Every data row under the template header it follows (a DOCX heading or title row is skipped); every table in
    the preview's list."""
    for sheet in t.grid.sheets:
        current: tuple[Lembar, dict[str, int]] | None = None
        for row in sheet.rows:
            header = _header(row)
            if header is not None:
                lembar, cols = header
                current = (lembar, cols) if lembar is not None else None
                if lembar is not None:
                    _check_required(t, lembar, cols, sheet, row)
                    t.doc.tabel.append(TabelDoc(
                        judul=lembar.nama, place=t.grid.place(sheet, row), jenis=f"templat.{lembar.key}", skor=100,
                        kunci=klasifikasi.kunci(len(t.doc.tabel) + 1), label=gettext("Templat Renaksi: %(tabel)s")
                        % {"tabel": lembar.nama},
                        tetap=gettext("Tabel templat Renaksi dikenali dari baris judul kolomnya yang tetap; jenisnya "
                                      "tidak perlu dipilih.")))
                continue
            if current is None or row.is_blank:
                continue
            filled = [c for c in row.cells if c.strip()]
            if len(filled) == 1 and norm(filled[0]) in _SKIPPED_TEXTS or _is_title(filled):
                continue  # a DOCX heading or description between tables
            lembar, cols = current
            t.lines[lembar.key].append(Baris(lembar, sheet, row, cols))
            place = t.grid.place(sheet, row)
            t.doc.tabel[-1].baris.add((place.sheet, place.baris))


def _check_required(t: Templat, lembar: Lembar, cols: dict[str, int], sheet: Sheet, row: Row) -> None:
    missing = [k.judul for k in lembar.kolom if k.wajib and k.judul not in cols]
    if missing:
        raise ImporGagal(
            gettext("tabel %(lembar_nama)s tidak memiliki kolom wajib: %(daftar)s.")
            % {"lembar_nama": lembar.nama, "daftar": ', '.join(missing)},
            t.grid.place(sheet, row),
        )
    t.header_seen.setdefault(lembar.key, t.grid.place(sheet, row))


def _is_title(filled: list[str]) -> bool:
    """The title row of an XLSX sheet or the DOCX ("Aksi — Rencana Aksi …", "Templat Renaksi (…)")."""
    first = filled[0]
    return any(first.startswith(f"{s.nama} — ") for s in SHEETS) or first.startswith("Templat Renaksi")


def read(grid: Grid) -> RencanaAksiDoc:
    """Read the Renaksi template from `grid`; raises `ImporGagal` naming the place of the first problem."""
    # Months are marked with "x" in any format: an empty month cell is a month without the aksi.
    doc = RencanaAksiDoc(dokumen=grid.dokumen, format=grid.format, layout=NAME, jadwal_bertanda=True)
    doc.decisions.extend(grid.decisions)
    doc.warnings.extend(grid.warnings)
    t = Templat(grid, doc)
    _collect(t)
    if not any(k in t.header_seen for k in ("sasaran", "anggaran", "aksi")):
        raise ImporGagal(
            gettext("templat Renaksi tidak berisi tabel Sasaran & Indikator, Anggaran maupun Aksi."),
            Place(grid.dokumen),
        )
    pejabat_index = pejabat.baca(t)
    sasaran_index, indikator_index = sasaran.baca(t)
    sub_kegiatan = anggaran.baca(t, indikator_index)
    aksi.baca(t, sub_kegiatan, pejabat_index)
    pk.baca(t, sasaran_index, indikator_index, pejabat_index)
    identitas.baca(t, pejabat_index)
    pejabat.bidang(doc)
    return doc


def iter_tables(grid: Grid) -> Iterator[tuple[str, Place]]:
    """(table key, place of its header row) for each template table found: for messages and tests."""
    for sheet in grid.sheets:
        for row in sheet.rows:
            header = _header(row)
            if header and header[0] is not None:
                yield header[0].key, grid.place(sheet, row)
