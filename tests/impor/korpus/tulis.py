"""Writers for the corpus: one document (paragraphs and tables) in every format the importer reads.

A document is a list of blocks: a `str` is a paragraph, a `Tabel` is a table. A table is rows of cells; a cell is
text, an `int` (an amount, written as a number where the format has numbers and "1.500.000" where it has only text)
or a `Sel` carrying a merge (rows/cols it spans), a fill colour or an Excel formula with its saved value. The
positions a merged cell covers hold `None`. What a format cannot carry is lost the way it is lost in real copies:
a text or CSV copy writes a merged cell once and the covered cells empty; it has no fills.
"""

from __future__ import annotations

import html
import io
import re
import zipfile
from dataclasses import dataclass, field


@dataclass
class Sel:
    nilai: str | int = ""
    rows: int = 1
    cols: int = 1
    fill: str = ""  # "FFC000"
    formula: str = ""  # "=SUM(F5:F6)": written with `nilai` as its saved value (XLSX only; elsewhere the value)


@dataclass
class Tabel:
    rows: list[list] = field(default_factory=list)


def teks(value) -> str:
    """A cell as a text copy writes it."""
    if isinstance(value, Sel):
        value = value.nilai
    if value is None:
        return ""
    if isinstance(value, int):
        return f"{value:,}".replace(",", ".")
    return value


def _width(t: Tabel) -> int:
    return max(len(r) for r in t.rows)


def _padded(t: Tabel) -> list[list]:
    w = _width(t)
    return [list(r) + [""] * (w - len(r)) for r in t.rows]


# --- text and CSV -----------------------------------------------------------------------------------------------


def to_text(blocks: list) -> bytes:
    lines: list[str] = []
    for b in blocks:
        if isinstance(b, Tabel):
            lines += ["\t".join(teks(c) for c in r) for r in b.rows]
        else:
            lines.append(b)
    return ("\n".join(lines) + "\n").encode()


def to_csv(blocks: list, delimiter: str = ";") -> bytes:
    import csv

    out = io.StringIO()
    w = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    width = max(_width(b) for b in blocks if isinstance(b, Tabel))
    for b in blocks:
        if isinstance(b, Tabel):
            for r in b.rows:
                w.writerow([teks(c) for c in r] + [""] * (width - len(r)))
        else:
            w.writerow([b] + [""] * (width - 1))
    return out.getvalue().encode()


# --- XLSX (openpyxl; formulas get their saved value written into the sheet XML, as Excel saves them) ------------


def to_xlsx(blocks: list) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = "Rencana Aksi"
    cached: dict[str, str] = {}
    r = 1
    for b in blocks:
        if not isinstance(b, Tabel):
            if b:
                ws.cell(row=r, column=1, value=b).data_type = "s"
            r += 1
            continue
        for row in b.rows:
            for c, value in enumerate(row, start=1):
                if value is None or value == "":
                    continue
                sel = value if isinstance(value, Sel) else Sel(value)
                cell = ws.cell(row=r, column=c)
                if sel.formula:
                    cell.value = sel.formula
                    cached[f"{get_column_letter(c)}{r}"] = str(sel.nilai)
                elif isinstance(sel.nilai, int):
                    cell.value = sel.nilai
                    cell.number_format = "#,##0"
                elif sel.nilai:
                    cell.value = sel.nilai
                    cell.data_type = "s"
                if sel.fill:
                    cell.fill = PatternFill("solid", fgColor="FF" + sel.fill)
                if sel.rows > 1 or sel.cols > 1:
                    ws.merge_cells(start_row=r, start_column=c, end_row=r + sel.rows - 1, end_column=c + sel.cols - 1)
            r += 1
    out = io.BytesIO()
    wb.save(out)
    return _with_cached(out.getvalue(), cached) if cached else out.getvalue()


def _with_cached(data: bytes, values: dict[str, str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            content = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = content.decode()
                for ref, value in values.items():
                    text, n = re.subn(rf'(<c r="{ref}"[^>]*>)(<f>[^<]*</f>)(<v\s*/>|<v></v>)?', rf"\1\2<v>{value}</v>",
                                      text)
                    assert n == 1, ref
                content = text.encode()
            dst.writestr(item, content)
    return out.getvalue()


# --- XLS (xlwt, Excel 97–2003) -----------------------------------------------------------------------------------

XLS_COLOURS = {"FFC000": "light_orange", "92D050": "light_green", "FFFF00": "yellow", "D9D9D9": "gray25"}


def to_xls(blocks: list) -> bytes:
    import xlwt

    wb = xlwt.Workbook()
    ws = wb.add_sheet("Rencana Aksi")
    styles: dict[tuple, xlwt.XFStyle] = {}

    def style(fill: str, money: bool) -> xlwt.XFStyle:
        key = (fill, money)
        if key not in styles:
            spec = f"pattern: pattern solid, fore_colour {XLS_COLOURS[fill]};" if fill else ""
            styles[key] = xlwt.easyxf(spec, num_format_str="#,##0" if money else "General")
        return styles[key]

    r = 0
    for b in blocks:
        if not isinstance(b, Tabel):
            if b:
                ws.write(r, 0, b)
            r += 1
            continue
        for row in b.rows:
            for c, value in enumerate(row):
                if value is None or value == "":
                    continue
                sel = value if isinstance(value, Sel) else Sel(value)
                st = style(sel.fill, isinstance(sel.nilai, int))
                if sel.rows > 1 or sel.cols > 1:
                    ws.write_merge(r, r + sel.rows - 1, c, c + sel.cols - 1, sel.nilai, st)
                else:
                    ws.write(r, c, sel.nilai, st)
            r += 1
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


# --- DOCX (python-docx: real merged cells, shading in w:shd) -------------------------------------------------------


def to_docx(blocks: list) -> bytes:
    from docx import Document
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    d = Document()
    for b in blocks:
        if not isinstance(b, Tabel):
            d.add_paragraph(b)
            continue
        rows = _padded(b)
        t = d.add_table(rows=len(rows), cols=len(rows[0]))
        merges = []
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value is None:
                    continue
                sel = value if isinstance(value, Sel) else Sel(value)
                cell = t.cell(r, c)
                if teks(sel):
                    cell.text = teks(sel)
                if sel.fill:
                    shd = OxmlElement("w:shd")
                    shd.set(qn("w:val"), "clear")
                    shd.set(qn("w:fill"), sel.fill)
                    cell._tc.get_or_add_tcPr().append(shd)
                if sel.rows > 1 or sel.cols > 1:
                    merges.append((r, c, r + sel.rows - 1, c + sel.cols - 1))
        for r1, c1, r2, c2 in merges:
            t.cell(r1, c1).merge(t.cell(r2, c2))
        d.add_paragraph("")
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


# --- PDF (WeasyPrint from HTML: rowspan/colspan, cell backgrounds) --------------------------------------------------


def to_html(blocks: list) -> str:
    body = []
    for b in blocks:
        if not isinstance(b, Tabel):
            body.append(f"<p>{html.escape(b) if b.strip() else '&#160;'}</p>")
            continue
        out = ["<table>"]
        for row in _padded(b):
            out.append("<tr>")
            for value in row:
                if value is None:
                    continue
                sel = value if isinstance(value, Sel) else Sel(value)
                attrs = ""
                if sel.rows > 1:
                    attrs += f' rowspan="{sel.rows}"'
                if sel.cols > 1:
                    attrs += f' colspan="{sel.cols}"'
                if sel.fill:
                    attrs += f' class="f{sel.fill}"'
                out.append(f"<td{attrs}>{html.escape(teks(sel))}</td>")
            out.append("</tr>")
        out.append("</table>")
        body.append("".join(out))
    return "\n".join(body)


def to_pdf(blocks: list) -> bytes:
    from tests.impor.pdf_corpus import html_pdf

    fills = {v.fill for b in blocks if isinstance(b, Tabel) for r in b.rows for v in r if isinstance(v, Sel) and v.fill}
    css = "".join(f".f{f} {{ background: #{f} }}" for f in fills)
    return html_pdf(to_html(blocks), landscape=True, size="7pt", css=css)


WRITERS = {"txt": to_text, "csv": to_csv, "xlsx": to_xlsx, "xls": to_xls, "docx": to_docx, "pdf": to_pdf}
