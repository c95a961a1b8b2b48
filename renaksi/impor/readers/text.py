"""Text/TSV copy → `Grid`: one sheet, one row per line, cells split on TAB.

This is what copying a table out of a PDF or Word gives: a merged cell comes out as an empty cell, a shaded cell as
an empty cell, a paragraph as a line of one cell. Nothing is stripped or joined here; the layouts decide.
"""

from __future__ import annotations

from renaksi.impor.grid import Grid, Row, Sheet

SHEET_NAME = "Teks"


def read_text(text: str, filename: str) -> Grid:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()  # the newline that ends the last line does not start another one
    rows = [Row(cells=line.split("\t"), number=number) for number, line in enumerate(lines, start=1)]
    return Grid(dokumen=filename, format="teks", sheets=[Sheet(name=SHEET_NAME, rows=rows)])
