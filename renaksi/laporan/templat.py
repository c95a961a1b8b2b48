"""The Renaksi template written as XLSX and DOCX: the formatters of the template whose schema and rows are
`renaksi/perencanaan/templat.py` (read back by `renaksi/impor/`).

A dedicated writer beside the other documents' `xlsx.py` and `docx.py`, not their neutral layout (`blok.py`): the
template is a form to fill in and import again, so its workbook has what a printed report has not: one sheet per
table with fixed columns, drop-down lists (data validation) from a hidden sheet, a comment on every header, column
formats for what a person types later. It is written with openpyxl, as the monev form is; it shares the office
helpers (`renaksi/core/office.py`: number formats, cell values, DOCX shading and repeated header rows).

In the DOCX, where every cell is text, numbers are written plainly (``1030000``, ``16.20``): no grouping that could
be misread.

`formulir()` is the template's entry in the export registry (`registry.LAPORAN["templat"]`): the one way the
downloads and both commands make it.
"""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from renaksi.core import office
from renaksi.core.angka import banyak_desimal
from renaksi.organisasi.models import PerangkatDaerah
from renaksi.pemeriksaan import api as pemeriksaan
from renaksi.perencanaan.models import RencanaAksi
from renaksi.perencanaan.templat import (
    DAFTAR_NAMA,
    IDENTITAS,
    IDENTITAS_KEYS,
    PETUNJUK_HEADER,
    PETUNJUK_NAMA,
    SHEETS,
    TEMPLATE_VERSION,
    TEMUAN_HEADER,
    TEMUAN_NAMA,
    YA,
    Kolom,
    Lembar,
    TemplateData,
    build_template_data,
    temuan_rows,
)

from .blok import Berkas
from .nama import nama_berkas

HEADER_FILL = "0B4F6C"
TITLE_ROW, HEADER_ROW = 1, 2
XLSX_CONTENT_TYPE = office.XLSX_CONTENT_TYPE
DOCX_CONTENT_TYPE = office.DOCX_CONTENT_TYPE
_TEXT_FORMAT = "@"
_MONEY_FORMAT = office.RUPIAH_FORMAT
_DATE_FORMAT = "dd/mm/yyyy"
VALIDATION_ROWS = 500  # rows below the data that still get the drop-down lists


def _target_format(value: Any) -> str:
    return office.angka_format(banyak_desimal(value) if isinstance(value, Decimal) else 0)


_xlsx_value = office.xlsx_nilai


def render_xlsx(data: TemplateData) -> bytes:
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter, quote_sheetname
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    wb.remove(wb.active)
    header_font = Font(bold=True, color="FFFFFF")
    header_fill = PatternFill("solid", fgColor=HEADER_FILL)
    thin = Side(style="thin", color="B0BEC5")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="top")

    # Lists for the drop-downs live on a hidden sheet: no 255-character limit, and bidang names may contain commas.
    lists_ws = wb.create_sheet(DAFTAR_NAMA)
    lists: dict[tuple[str, ...], str] = {}

    def list_range(values: tuple[str, ...]) -> str:
        if values not in lists:
            col = get_column_letter(len(lists) + 1)
            for i, v in enumerate(values, start=1):
                lists_ws[f"{col}{i}"] = v
            lists[values] = f"{quote_sheetname(DAFTAR_NAMA)}!${col}$1:${col}${max(1, len(values))}"
        return lists[values]

    def header(ws, titles: list[Kolom], sheet: Lembar) -> None:
        ws.cell(row=TITLE_ROW, column=1, value=f"{sheet.nama} — {data.judul}").font = Font(bold=True, size=13)
        ws.cell(row=TITLE_ROW, column=4 if len(titles) > 4 else 3, value=sheet.keterangan).font = Font(
            italic=True, color="555555")
        for c, kolom in enumerate(titles, start=1):
            cell = ws.cell(row=HEADER_ROW, column=c, value=kolom.judul + (" *" if kolom.wajib else ""))
            cell.font, cell.fill, cell.border = header_font, header_fill, border
            cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
            cell.comment = Comment(kolom.keterangan, "Renaksi", width=260, height=90)
            ws.column_dimensions[get_column_letter(c)].width = kolom.lebar
        ws.row_dimensions[HEADER_ROW].height = 32

    def validate(ws, col: int, values: tuple[str, ...], last_row: int, allow_other: bool = False) -> None:
        if not values:
            return
        dv = DataValidation(type="list", formula1=list_range(values), allow_blank=True,
                            showErrorMessage=not allow_other, errorStyle="warning" if allow_other else "stop",
                            error=_("Pilih salah satu isian dari daftar."), errorTitle="Renaksi")
        letter = get_column_letter(col)
        dv.add(f"{letter}{HEADER_ROW + 1}:{letter}{last_row}")
        ws.add_data_validation(dv)

    # Identitas: key/value rows.
    ws = wb.create_sheet(IDENTITAS.nama, 0)
    header(ws, list(IDENTITAS.kolom), IDENTITAS)
    for r, ((key, value), kolom) in enumerate(zip(data.identitas, IDENTITAS_KEYS, strict=True), start=HEADER_ROW + 1):
        ws.cell(row=r, column=1, value=key + (" *" if kolom.wajib else "")).font = Font(bold=True)
        cell = ws.cell(row=r, column=2, value=_xlsx_value(value))
        cell.number_format = {"tanggal": _DATE_FORMAT, "angka": "0"}.get(kolom.jenis, _TEXT_FORMAT)
        ws.cell(row=r, column=3, value=kolom.keterangan).alignment = wrap
        if kolom.pilihan:
            dv = DataValidation(type="list", formula1=list_range(kolom.pilihan), allow_blank=True)
            dv.add(f"B{r}")
            ws.add_data_validation(dv)
    ws.freeze_panes = f"A{HEADER_ROW + 1}"

    for sheet in SHEETS[1:]:
        ws = wb.create_sheet(sheet.nama)
        header(ws, list(sheet.kolom), sheet)
        rows = data.tables.get(sheet.key, [])
        for r, values in enumerate(rows, start=HEADER_ROW + 1):
            for c, (kolom, value) in enumerate(zip(sheet.kolom, values, strict=True), start=1):
                cell = ws.cell(row=r, column=c, value=_xlsx_value(value))
                cell.alignment = wrap
                if kolom.jenis == "uang":
                    cell.number_format = _MONEY_FORMAT
                elif kolom.jenis == "target":
                    cell.number_format = _target_format(value)
                elif kolom.jenis == "tanggal":
                    cell.number_format = _DATE_FORMAT
                elif kolom.jenis in ("kode", "teks", "pilihan", "bulan"):
                    cell.number_format = _TEXT_FORMAT
        last_row = HEADER_ROW + len(rows) + VALIDATION_ROWS
        for c, kolom in enumerate(sheet.kolom, start=1):
            letter = get_column_letter(c)
            # Column styles apply to what a person types later: NIP, kode and nomor stay text (6.10 must not
            # become 6.1, an 18-digit NIP not 1.97E+17), money shows its grouping.
            if kolom.jenis in ("kode", "teks"):
                ws.column_dimensions[letter].number_format = _TEXT_FORMAT
            elif kolom.jenis == "uang":
                ws.column_dimensions[letter].number_format = _MONEY_FORMAT
            if kolom.pilihan:
                validate(ws, c, kolom.pilihan, last_row, allow_other=kolom.jenis == "bulan")
            elif kolom.judul in ("Bidang", "Bidang sasaran") and data.bidang:
                validate(ws, c, tuple(data.bidang), last_row, allow_other=True)
        freeze_col = {"sasaran": "B", "anggaran": "B", "aksi": "D", "pejabat": "B", "pk": "B"}[sheet.key]
        ws.freeze_panes = f"{freeze_col}{HEADER_ROW + 1}"
        ws.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(len(sheet.kolom))}{HEADER_ROW + max(1, len(rows))}"

    ws = wb.create_sheet(PETUNJUK_NAMA)
    ws.cell(row=1, column=1, value=_("Petunjuk pengisian templat Renaksi")).font = Font(bold=True, size=13)
    for c, (title, width) in enumerate(zip(PETUNJUK_HEADER, (22, 26, 90, 8), strict=True), start=1):
        cell = ws.cell(row=2, column=c, value=title)
        cell.font, cell.fill = header_font, header_fill
        ws.column_dimensions[get_column_letter(c)].width = width
    for r, values in enumerate(petunjuk_rows(), start=3):
        for c, value in enumerate(values, start=1):
            ws.cell(row=r, column=c, value=value).alignment = wrap
    ws.freeze_panes = "A3"

    if data.temuan:
        ws = wb.create_sheet(TEMUAN_NAMA)
        for c, (title, width) in enumerate(zip(TEMUAN_HEADER, (6, 12, 28, 90, 60), strict=True), start=1):
            cell = ws.cell(row=1, column=c, value=title)
            cell.font, cell.fill = header_font, header_fill
            ws.column_dimensions[get_column_letter(c)].width = width
        for r, values in enumerate(data.temuan, start=2):
            for c, value in enumerate(values, start=1):
                ws.cell(row=r, column=c, value=value).alignment = wrap
        ws.freeze_panes = "A2"

    wb.move_sheet(DAFTAR_NAMA, offset=len(wb.sheetnames))
    lists_ws.sheet_state = "hidden"
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def petunjuk_rows() -> list[tuple[str, str, str, str]]:
    """The documentation of every column, as printed on the Petunjuk sheet and in the DOCX."""
    rows = []
    for sheet in SHEETS:
        rows.append((sheet.nama, "", sheet.keterangan, ""))
        kolom = IDENTITAS_KEYS if sheet is IDENTITAS else sheet.kolom
        for k in kolom:
            choices = f" Pilihan: {', '.join(k.pilihan)}." if k.pilihan and k.jenis != "bulan" else ""
            rows.append((sheet.nama, k.judul, k.keterangan + choices, YA if k.wajib else ""))
    return rows


def docx_text(value: Any) -> str:
    """A cell as DOCX text: numbers plain (1030000, 16.20), dates ISO, nothing grouped."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def render_docx(data: TemplateData) -> bytes:
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, Pt, RGBColor

    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(33), Cm(21.5)  # F4 landscape: the paper of local government
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.2))
    style = document.styles["Normal"]
    style.font.name, style.font.size = "Arial", Pt(7)

    def shade(cell) -> None:
        office.docx_latar(cell, HEADER_FILL)

    def table(titles: list[str], rows: list[list[Any]], widths: list[int]) -> None:
        t = document.add_table(rows=1 + len(rows), cols=len(titles))
        t.style = "Table Grid"
        total = sum(widths) or 1
        usable = 33 - 2.4
        for c, title in enumerate(titles):
            cell = t.rows[0].cells[c]
            cell.text = ""
            run = cell.paragraphs[0].add_run(title)
            run.bold = True
            run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
            shade(cell)
        for r, values in enumerate(rows, start=1):
            cells = t.rows[r].cells
            for c, value in enumerate(values):
                cells[c].text = docx_text(value)
        for c, width in enumerate(widths):
            for row in t.rows:
                row.cells[c].width = Cm(usable * width / total)
        office.docx_sifat_baris(t.rows[0], kepala=True, tidak_terpisah=False)  # repeated on every page

    document.add_heading(data.judul, level=0)
    document.add_paragraph(_("Templat Renaksi ({versi}). Setiap tabel di bawah ini dapat diisi atau diubah lalu "
                             "diimpor kembali ke Renaksi; judul kolom jangan diubah.").format(versi=TEMPLATE_VERSION))
    document.add_heading(IDENTITAS.nama, level=1)
    table(IDENTITAS.titles(), [[k, v, kolom.keterangan] for (k, v), kolom in zip(data.identitas, IDENTITAS_KEYS,
                                                                                  strict=True)],
          [k.lebar for k in IDENTITAS.kolom])
    for sheet in SHEETS[1:]:
        document.add_heading(sheet.nama, level=1)
        document.add_paragraph(sheet.keterangan)
        table(sheet.titles(), data.tables.get(sheet.key, []), [k.lebar for k in sheet.kolom])
    document.add_heading(PETUNJUK_NAMA, level=1)
    table(list(PETUNJUK_HEADER), [list(r) for r in petunjuk_rows()], [22, 26, 90, 8])
    if data.temuan:
        document.add_heading(TEMUAN_NAMA, level=1)
        table(list(TEMUAN_HEADER), data.temuan, [6, 12, 28, 90, 60])
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def formulir(*, rencana_aksi: RencanaAksi | None, format: str, perangkat_daerah: PerangkatDaerah | None = None,
             lampiran_temuan: bool = False) -> Berkas:
    """The template as a file ("xlsx" or "docx"): filled with `rencana_aksi`, or blank (with the name and bidang of
    `perangkat_daerah`, when given); `lampiran_temuan` adds a plan's open findings of the checker (a Temuan sheet)."""
    data = build_template_data(rencana_aksi, perangkat_daerah=perangkat_daerah)
    if lampiran_temuan and rencana_aksi is not None:
        data.temuan = temuan_rows(pemeriksaan.sort_findings(pemeriksaan.open_findings(
            pemeriksaan.check_plan(rencana_aksi))))
    if format == "xlsx":
        return Berkas(export_filename(rencana_aksi, perangkat_daerah, format), XLSX_CONTENT_TYPE, render_xlsx(data))
    return Berkas(export_filename(rencana_aksi, perangkat_daerah, format), DOCX_CONTENT_TYPE, render_docx(data))


def export_filename(rencana_aksi: RencanaAksi | None, perangkat_daerah: PerangkatDaerah | None, ext: str) -> str:
    """Named like every download (`nama.nama_berkas`): `templat-kesbangpol-samarinda-2024.xlsx` for a plan,
    `templat-kesbangpol-samarinda.xlsx` blank for a PD, `templat-renaksi.xlsx` blank for nobody."""
    return nama_berkas(kode="templat", ekstensi=ext, rencana_aksi=rencana_aksi, perangkat_daerah=perangkat_daerah)
