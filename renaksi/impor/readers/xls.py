"""Legacy .xls (Excel 97–2003, an OLE file) → `Grid` through xlrd, in the form `read_xlsx` gives.

- One sheet per worksheet, rows numbered as in Excel; a merged range keeps its value in its top-left cell.
- A number becomes plain text without grouping, with the decimals its number format shows (``1030000``,
  ``16.20``, ``29.17%`` for a percentage), as for XLSX (`xlsx.number_text`); the cell is listed in `Sheet.numbers`.
- A date becomes ISO (``2024-01-02``), TRUE/FALSE stay as words, an error cell (``#DIV/0!``) is read as written.
- A formula cell gives the value Excel saved with it (an .xls always holds it; xlrd does not read formulas).
- A cell's fill colour (not white) is kept in `Row.fills`, as for XLSX.
A password-protected or damaged workbook is refused with a message saying so.
"""

from __future__ import annotations

import datetime as dt
import logging

from django.utils.translation import gettext

from renaksi.impor.grid import Grid, ImporGagal, Place, Row, Sheet

from ._ooxml import MAX_COLS, MAX_ROWS, MAX_SHEETS, check_cell_length, check_size
from .xlsx import NotFinite, number_text

log = logging.getLogger(__name__)


def _colour(book, xf) -> str | None:
    background = xf.background
    if not background.fill_pattern:
        return None
    index = background.pattern_colour_index if background.fill_pattern == 1 else (
        background.pattern_colour_index or background.background_colour_index)
    rgb = book.colour_map.get(index)
    if not rgb:
        return None
    text = "".join(f"{v:02X}" for v in rgb)
    return None if text == "FFFFFF" else text


def read_xls(data: bytes, filename: str) -> Grid:
    """Read an Excel 97–2003 workbook into a `Grid`, or raise `ImporGagal` naming the file, sheet, row, column."""
    check_size(data, filename)
    import xlrd  # only an .xls import needs it

    place = Place(filename)
    try:
        book = xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=False,
                                  logfile=_Quiet(), ignore_workbook_corruption=False)
    except xlrd.XLRDError as exc:
        if "encrypt" in str(exc).lower():
            raise ImporGagal(
                gettext("buku kerja Excel 97–2003 (.xls) ini dilindungi kata sandi sehingga isinya tidak dapat "
                        "dibaca. Buka di Excel, hapus kata sandinya, simpan, lalu unggah lagi."),
                place,
            ) from exc
        raise _broken(filename, exc) from exc
    except Exception as exc:  # the file is the only input: any parser failure is a bad file, said plainly
        raise _broken(filename, exc) from exc
    if book.nsheets > MAX_SHEETS:
        raise ImporGagal(gettext("buku kerja berisi %(n_sheets)s lembar; paling banyak %(MAX_SHEETS)s.")
                         % {"n_sheets": book.nsheets, "MAX_SHEETS": MAX_SHEETS}, place)
    grid = Grid(dokumen=filename, format="xls")
    for ws in book.sheets():
        if ws.nrows > MAX_ROWS or ws.ncols > MAX_COLS:
            raise ImporGagal(
                gettext("lembar '%(title)s' berisi %(baris)s baris dan %(kolom)s kolom; paling banyak %(MAX_ROWS)s "
                        "baris dan %(MAX_COLS)s kolom.")
                % {"title": ws.name, "baris": ws.nrows, "kolom": ws.ncols, "MAX_ROWS": MAX_ROWS,
                   "MAX_COLS": MAX_COLS},
                Place(filename, sheet=ws.name),
            )
        rows: list[Row] = []
        numbers: set[tuple[int, int]] = set()
        for r in range(ws.nrows):
            texts: list[str] = []
            fills: dict[int, str] = {}
            for c in range(ws.ncols):
                cell = ws.cell(r, c)
                xf = book.xf_list[cell.xf_index] if cell.xf_index is not None else None
                if xf is not None and (colour := _colour(book, xf)):
                    fills[c] = colour
                cell_place = Place(filename, sheet=ws.name, baris=r + 1, kolom=c + 1)
                text = _text(book, cell, xf, cell_place)
                if cell.ctype == xlrd.XL_CELL_NUMBER:
                    numbers.add((r + 1, c + 1))
                check_cell_length(text, cell_place, gettext("sel %(sel)s") % {"sel": xlrd.cellname(r, c)})
                texts.append(text)
            while texts and not texts[-1].strip():
                texts.pop()
            rows.append(Row(cells=texts, number=r + 1, fills=fills))
        while rows and not rows[-1].cells:
            rows.pop()
        merged = [(r0 + 1, c0 + 1, r1, c1) for r0, r1, c0, c1 in ws.merged_cells]
        grid.sheets.append(Sheet(name=ws.name, rows=rows, merged=merged, numbers=numbers))
    return grid


def _text(book, cell, xf, place: Place) -> str:
    import xlrd

    kind, value = cell.ctype, cell.value
    if kind in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return ""
    if kind == xlrd.XL_CELL_TEXT:
        return value
    if kind == xlrd.XL_CELL_BOOLEAN:
        return "TRUE" if value else "FALSE"
    if kind == xlrd.XL_CELL_ERROR:
        return xlrd.error_text_from_code.get(value, "#ERR")
    if kind == xlrd.XL_CELL_DATE:
        try:
            moment = xlrd.xldate.xldate_as_datetime(value, book.datemode)
        except (xlrd.xldate.XLDateError, ValueError, OverflowError):
            return number_text(value)
        if moment.time() == dt.time(0):
            return moment.date().isoformat()
        return moment.isoformat(sep=" ", timespec="seconds")
    number_format = "General"
    if xf is not None and xf.format_key in book.format_map:
        number_format = book.format_map[xf.format_key].format_str or "General"
    try:
        return number_text(value, number_format)
    except NotFinite as exc:
        raise ImporGagal(gettext("sel berisi angka tak terhingga atau bukan angka (%(nilai)s).") % {"nilai": exc},
                         place) from exc


def _broken(filename: str, exc: Exception) -> ImporGagal:
    log.info("XLS %s tidak terbaca: %r", filename, exc)
    return ImporGagal(
        gettext("berkas Excel 97–2003 (.xls) rusak atau tidak dapat dibaca. Buka di Excel atau LibreOffice, "
                "simpan sebagai Excel (.xlsx), lalu unggah lagi."),
        Place(filename),
    )


class _Quiet:
    """xlrd writes warnings to a log file; they mean nothing to a user."""

    def write(self, text: str) -> None:
        log.debug("xlrd: %s", text.strip())
