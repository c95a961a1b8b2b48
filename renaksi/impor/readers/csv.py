"""CSV → `Grid`: one sheet, one row per record, numbered by the line the record starts on.

The delimiter is `;` (what a spreadsheet with Indonesian regional settings writes, because `,` is the decimal
separator there) or `,`; `csv.Sniffer` chooses between them, or, when it gives up (it does on tables whose rows
have different widths, such as a title line above the table), the delimiter that splits the most lines into the
same number of cells. The choice is reported when both characters occur.
"""

from __future__ import annotations

import csv
import io
from collections import Counter

from django.utils.translation import gettext

from renaksi.impor.grid import Catatan, Grid, ImporGagal, Place, Row, Sheet

SHEET_NAME = "CSV"
DELIMITERS = ";,"


def sniff_delimiter(text: str) -> str | None:
    """`;` or `,` when the text looks like delimited records, else None."""
    sample = text[:64 * 1024]
    try:
        return csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        pass
    best, best_score = None, 0
    lines = [line for line in sample.splitlines() if line.strip()][:500]
    for delimiter in DELIMITERS:
        widths = Counter(len(r) for r in csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter) if len(r) > 1)
        if not widths:
            continue
        width, rows = widths.most_common(1)[0]
        # Many lines of the same width (at least 3 cells) look like a table; prose commas do not line up.
        if width >= 3 and rows >= max(3, len(lines) // 5) and rows > best_score:
            best, best_score = delimiter, rows
    return best


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
        raise ImporGagal(gettext("CSV tidak dapat dibaca: %(exc)s.") % {"exc": exc}, Place(filename, baris=start)) from exc
    grid.sheets.append(sheet)
    other = "," if delimiter == ";" else ";"
    if other in text[:64 * 1024]:
        grid.decisions.append(Catatan(
            "csv.pemisah",
            gettext("Berkas CSV memuat '%(delimiter)s' dan '%(other)s'; '%(delimiter)s' dipakai sebagai "
                    "pemisah kolom karena membagi baris-baris secara paling konsisten.")
            % {"delimiter": delimiter, "other": other},
            Place(filename),
        ))
    return grid
