"""XLSX → `Grid`: one sheet per worksheet, each cell as the text a person sees, in the form `grid.py` describes.

- A merged range keeps its value in its top-left cell; the other cells of the range are empty (as in a text copy).
- A number stored as a number becomes plain text without grouping: ``1030000``, ``16.20`` (the decimals the
  cell's number format shows are kept, so a target typed as 16,20 stays 16.20), ``29.17%`` for a cell formatted as a
  percentage (Excel stores 0.2917). Floats are read to Excel's 15 significant digits, so 0.1 + 0.2 is ``0.3``.
- A number stored as text is kept exactly as written (``1.030.000,00``): the layout decides how to read it.
- A number that is not finite (``1e400`` is infinite once read, a generated file may hold NaN) is refused, naming
  the cell: no plan has such a value, and no text could say which number was meant.
- Dates become ISO (``2024-01-02``).
- A formula cell gives the value Excel saved with it (the workbook is loaded twice: formulas, then saved values).
  A workbook none of whose formulas has a saved value (written by a program, never calculated) is refused, naming
  the cells: the importer never computes formulas itself. When the other formulas have values, a formula without
  one is an empty result (Excel saves "" that way): read as blank and reported (`rumus.tanpa_nilai`).
Each `Sheet` also keeps the formula of every formula cell, the merged ranges and which cells are stored as numbers
(layouts that read totals and merged headers use them; see `grid.Sheet`).
Rows are numbered as in Excel; blank rows are kept (as blank `Row`s), trailing empty cells are dropped. A cell's
fill colour (not white) is kept in `Row.fills`, also for an empty cell: a schedule is often marked by shading.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import re
import warnings
from decimal import Decimal

from django.utils.translation import gettext
from openpyxl import load_workbook
from openpyxl.styles.colors import COLOR_INDEX
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.formula import ArrayFormula, DataTableFormula

from renaksi.core.angka import banyak_desimal
from renaksi.impor.grid import Catatan, Grid, ImporGagal, Place, Row, Sheet

from ._ooxml import MAX_COLS, MAX_ROWS, MAX_SHEETS, check_cell_length, open_package

log = logging.getLogger(__name__)

_QUOTED = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.')


def _format_section(number_format: str) -> str:
    """The positive-number section of an Excel number format, without literals, colours and locale tags."""
    return _QUOTED.sub("", (number_format or "General").split(";")[0])


def format_decimals(number_format: str) -> int:
    """How many decimals a number format always shows: ``#,##0.00`` → 2, ``0.0%`` → 1, ``General`` → 0."""
    section = _format_section(number_format)
    match = re.search(r"\.([0#?]+)", section)
    return match.group(1).count("0") if match else 0


def is_percent_format(number_format: str) -> bool:
    return "%" in _format_section(number_format)


class NotFinite(ValueError):
    """A numeric cell holding infinity or NaN."""


def plain_number(value: Decimal, min_decimals: int = 0) -> str:
    """``Decimal`` → text without grouping or exponent, with at least `min_decimals` decimals, losing nothing."""
    normal = value.normalize()
    places = max(banyak_desimal(normal), min_decimals)
    return format(normal.quantize(Decimal(1).scaleb(-places)), "f")


def number_text(value: int | float | Decimal, number_format: str = "General") -> str:
    """A numeric cell as text: plain digits, ``.`` for decimals, the decimals its format shows, ``%`` if percent."""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        number = Decimal(value)
    elif isinstance(value, Decimal):
        number = value
    else:
        number = Decimal(format(value, ".15g"))  # what Excel shows: 15 significant digits
    if not number.is_finite():  # inf / nan cannot be stored by Excel, but a generated file may hold them
        raise NotFinite(str(value))
    percent = is_percent_format(number_format)
    if percent:
        number = number.scaleb(2)
    return plain_number(number, format_decimals(number_format)) + ("%" if percent else "")


def _cell_text(value, number_format: str) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return str(value)
    if isinstance(value, int | float | Decimal):
        return number_text(value, number_format)
    return str(value)


def _is_formula(cell) -> bool:
    value = cell.value
    return isinstance(value, ArrayFormula | DataTableFormula) or cell.data_type == "f"


def _formula_text(value) -> str:
    text = getattr(value, "text", None) or str(value)
    return text if len(text) <= 80 else text[:77] + "…"


def fill_colour(cell) -> str | None:
    """A cell's background as a colour name ("FFC000", "tema 5 +0.40", "indeks 13"); None for none or white."""
    fill = cell.fill
    if fill is None or getattr(fill, "fill_type", None) in (None, "none"):
        return None
    colour = fill.fgColor if fill.fill_type == "solid" else (fill.fgColor or fill.bgColor)
    if colour is None:
        return None
    if colour.type == "rgb" and isinstance(colour.rgb, str):
        rgb = colour.rgb[-6:].upper()
        return None if rgb == "FFFFFF" else rgb
    if colour.type == "theme":
        return f"tema {colour.theme} {colour.tint:+.2f}"
    if colour.type == "indexed" and colour.indexed not in (64, 65):  # 64/65: the system's default colours
        rgb = COLOR_INDEX[colour.indexed][-6:] if colour.indexed < len(COLOR_INDEX) else f"indeks {colour.indexed}"
        return None if rgb == "FFFFFF" else rgb
    return None


def read_xlsx(data: bytes, filename: str) -> Grid:
    """Read an XLSX workbook into a `Grid`, or raise `ImporGagal` naming the file, sheet, row and column."""
    open_package(data, filename, "xlsx")
    workbook = _load(data, filename, data_only=False)
    try:
        sheets = workbook.worksheets
        if len(sheets) > MAX_SHEETS:
            raise ImporGagal(gettext("buku kerja berisi %(n_sheets)s lembar; paling banyak %(MAX_SHEETS)s.")
                             % {"n_sheets": len(sheets), "MAX_SHEETS": MAX_SHEETS}, Place(filename))
        cached = None
        uncached: list[tuple[str, str, str, Place]] = []  # formula cells without a saved value
        calculated = 0  # formula cells with one
        grid = Grid(dokumen=filename, format="xlsx")
        for ws in sheets:
            cells: dict[int, dict[int, str]] = {}
            formulas: dict[tuple[int, int], str] = {}
            numbers: set[tuple[int, int]] = set()
            fills: dict[int, dict[int, str]] = {}
            for (row, col), cell in sorted(ws._cells.items()):  # the loaded cells only, never a styled empty range
                if row <= MAX_ROWS and col <= MAX_COLS and (colour := fill_colour(cell)):
                    fills.setdefault(row, {})[col - 1] = colour
                value = cell.value
                if value is None or value == "":
                    continue
                place = Place(filename, sheet=ws.title, baris=row, kolom=col)
                coordinate = f"{get_column_letter(col)}{row}"
                if _is_formula(cell):
                    formulas[(row, col)] = getattr(cell.value, "text", None) or str(cell.value)
                    if cached is None:
                        cached = _load(data, filename, data_only=True)
                    value = cached[ws.title].cell(row=row, column=col).value
                    if value is None:
                        uncached.append((ws.title, coordinate, _formula_text(cell.value), place))
                        continue
                    calculated += 1
                try:
                    text = _cell_text(value, cell.number_format)
                except NotFinite as exc:
                    raise ImporGagal(
                        gettext("sel %(coordinate)s berisi angka tak terhingga atau bukan angka (%(nilai)s), "
                                "misalnya karena ditulis 1e400; tulis angka yang dimaksud, simpan, lalu unggah lagi.")
                        % {"coordinate": coordinate, "nilai": exc},
                        place,
                    ) from exc
                if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
                    numbers.add((row, col))
                if not text:
                    continue
                check_cell_length(text, place, f"sel {coordinate}")
                if row > MAX_ROWS:
                    raise ImporGagal(
                        gettext(
                            "lembar '%(title)s' berisi data sampai baris %(row)s; paling banyak "
                            "%(MAX_ROWS)s baris."
                        )
                        % {"title": ws.title, "row": row, "MAX_ROWS": MAX_ROWS},
                        place,
                    )
                if col > MAX_COLS:
                    raise ImporGagal(
                        gettext(
                            "lembar '%(title)s' berisi data sampai kolom %(kolom)s; "
                            "paling banyak %(MAX_COLS)s kolom."
                        )
                        % {
                            "title": ws.title,
                            "kolom": get_column_letter(col),
                            "MAX_COLS": MAX_COLS,
                        },
                        place,
                    )
                cells.setdefault(row, {})[col] = text
            last_row = max(cells, default=0)
            rows = []
            for number in range(1, last_row + 1):
                by_col = cells.get(number, {})
                rows.append(Row(cells=[by_col.get(c, "") for c in range(1, max(by_col, default=0) + 1)], number=number,
                                fills=fills.get(number, {})))
            merged = [(r.min_row, r.min_col, r.max_row, r.max_col) for r in ws.merged_cells.ranges]
            grid.sheets.append(Sheet(name=ws.title, rows=rows, formulas=formulas, merged=merged,
                                     numbers=numbers))
        if uncached:
            _uncached_formulas(grid, uncached, calculated, len(sheets) > 1)
        return grid
    finally:
        workbook.close()


def _uncached_formulas(grid: Grid, uncached: list[tuple[str, str, str, Place]], calculated: int,
                       many_sheets: bool) -> None:
    """Formula cells without a saved value. When no formula of the workbook has one, it was written by a program and
    never calculated (saved by Excel or LibreOffice): refused, naming the cells, since reading them as blanks would
    lose their numbers. When the others have one, Excel saved an empty result that way: read as blank, reported."""
    names = [f"'{sheet}'!{coordinate}" if many_sheets else coordinate for sheet, coordinate, _f, _p in uncached]
    listed = ", ".join(names[:8]) + (gettext(" dan %(n)s sel lain") % {"n": len(names) - 8} if len(names) > 8 else "")
    first = uncached[0]
    if not calculated:
        if len(uncached) == 1:
            message = gettext("sel %(coordinate)s berisi rumus %(formula_text_cell_value)s tanpa nilai tersimpan")
        else:
            message = gettext("%(jumlah)s sel rumus tidak menyimpan nilainya (%(daftar)s; yang pertama "
                              "%(coordinate)s berisi rumus %(formula_text_cell_value)s)")
        raise ImporGagal(
            (message + gettext(": buku kerja ini dibuat oleh program dan belum pernah dihitung, dan Renaksi tidak "
                               "menghitung rumus sendiri. Buka dan simpan di Excel atau LibreOffice, atau simpan "
                               "sebagai nilai (salin sel lalu Tempel Spesial → Nilai), lalu unggah lagi."))
            % {"coordinate": first[1], "formula_text_cell_value": first[2], "jumlah": len(uncached), "daftar": listed},
            first[3],
        )
    grid.decisions.append(Catatan(
        "rumus.tanpa_nilai",
        gettext("%(jumlah)s sel rumus tanpa nilai tersimpan dibaca kosong (rumus lain di buku kerja ini menyimpan "
                "nilainya, jadi hasilnya kosong): %(daftar)s.") % {"jumlah": len(uncached), "daftar": listed},
        first[3],
    ))


def _load(data: bytes, filename: str, *, data_only: bool):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # unsupported extensions (slicers, conditional formats) do not matter
            return load_workbook(io.BytesIO(data), read_only=False, data_only=data_only, keep_links=False)
    except ImporGagal:
        raise
    except Exception as exc:  # the file is the only input: any parser failure is a bad file, said plainly
        log.info("XLSX %s tidak terbaca: %r", filename, exc)
        raise ImporGagal(
            gettext("berkas Excel (.xlsx) tidak dapat dibaca. Buka dan simpan ulang di Excel atau LibreOffice, "
                    "lalu unggah lagi."),
            Place(filename),
        ) from exc
