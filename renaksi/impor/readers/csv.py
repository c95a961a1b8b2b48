"""CSV → `Grid`: one sheet, one row per record, numbered by the line the record starts on.

The delimiter is `;` (what a spreadsheet with Indonesian regional settings writes, because `,` is the decimal
separator there) or `,`; `csv.Sniffer` chooses between them and the choice is reported when both occur.
"""

from __future__ import annotations

import csv
import io

from renaksi.impor.grid import Catatan, Grid, ImporGagal, Place, Row, Sheet

SHEET_NAME = "CSV"
DELIMITERS = ";,"


def sniff_delimiter(text: str) -> str | None:
    """`;` or `,` when the text looks like delimited records, else None."""
    sample = text[:64 * 1024]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=DELIMITERS)
    except csv.Error:
        return None
    return dialect.delimiter


def read_csv(text: str, filename: str, delimiter: str | None = None) -> Grid:
    delimiter = delimiter or sniff_delimiter(text) or ","
    grid = Grid(dokumen=filename, format="csv")
    sheet = Sheet(name=SHEET_NAME)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    start = 1
    try:
        for cells in reader:
            sheet.rows.append(Row(cells=cells, number=start))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise ImporGagal(f"CSV tidak dapat dibaca: {exc}.", Place(filename, baris=start)) from exc
    grid.sheets.append(sheet)
    other = "," if delimiter == ";" else ";"
    if other in text[:64 * 1024]:
        grid.decisions.append(Catatan(
            "csv.pemisah",
            f"Berkas CSV memuat '{delimiter}' dan '{other}'; '{delimiter}' dipakai sebagai pemisah kolom "
            "karena membagi baris-baris secara paling konsisten.",
            Place(filename),
        ))
    return grid
