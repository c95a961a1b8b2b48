"""Formats any `blok.Dokumen` as XLSX; knows nothing about the document it formats.

The workbook a PD gets:
- one worksheet per table (a `Tabel`, or a `Gambar`'s `cadangan`), named after the table's title; the headings and
  paragraphs that come before the table in its section are the sheet's title rows, the signature blocks and text
  that follow it sit under it;
- sections with no table at all (cover, foreword, chapters, a closing page) go, in order, to a first sheet
  ("Naskah"), each starting on a new printed page;
- numbers stay numbers with an Indonesian display format (decision 0005), a total is a `=SUM(…)` of the cells it
  adds up (the workbook recalculates on opening), header rows are frozen and repeated on every printed page, merged
  cells as the document has them, paper and orientation from the section, printed to the width of one page;
- a draft says "DRAF" in a cell at the top of every sheet and in the printed page header.
"""

from __future__ import annotations

import io
import math
import re
from copy import copy
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from renaksi.core.angka import banyak_desimal
from renaksi.core.office import (
    RUPIAH_FORMAT,
    angka_format,
    format_lokal,
    persen_format,
    teks_xml,
    xlsx_nilai,
)
from renaksi.laporan import grid
from renaksi.laporan.blok import Bagian, Dokumen, Gambar, Judul, Paragraf, Sel, Tabel, TandaTangan

DRAF = "DRAF"
WARNA_KEPALA = "D9D9D9"  # header rows
WARNA_SUBJUDUL = "F2F2F2"
WARNA_DRAF = "C00000"
# Characters wide a printed page holds at 11pt (A4 portrait / landscape); A3 is √2 wider.
LEBAR_HALAMAN = {"potret": 95, "lanskap": 140}
LEBAR_MIN = 4
NAMA_MAKS = 31  # Excel's limit for a sheet name
_NAMA_TERLARANG = re.compile(r"[\[\]:*?/\\]")
TEKS_MAKS = 32767  # Excel's limit for a cell's text
BARIS_PARAGRAF_MAKS = 20  # lines of a paragraph in one row; a longer one continues in the next row
SUM_ARGUMEN_MAKS = 200  # Excel allows 255 arguments per function
RUMUS_MAKS = 8000  # and 8192 characters per formula
TINGGI_BARIS = 15  # points, a row of 11pt text
TINGGI_BEKU_MAKS = 300  # points of frozen rows at most (about half a laptop screen)


def render(dokumen: Dokumen) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    buku = _Buku(wb, dokumen)
    for bagian in dokumen.bagian:
        buku.bagian(bagian)
    if not wb.sheetnames:  # a document with nothing in it still opens
        buku.naskah(Bagian(blok=[]))
    props = wb.properties
    props.title = teks_xml(dokumen.judul)
    props.creator = teks_xml(dokumen.pembuat) or "Renaksi"
    props.lastModifiedBy = props.creator
    props.subject = teks_xml(dokumen.subjek) or None
    props.keywords = teks_xml(", ".join(dokumen.kata_kunci)) or None
    props.language = "id-ID"
    wb.calculation.fullCalcOnLoad = True  # no cached values are written: every total is computed on opening
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def nama_lembar(teks: str, dipakai: set[str], cadangan: str) -> str:
    """A sheet name Excel accepts: no []:*?/\\, not starting or ending with an apostrophe, at most 31 characters
    (cut at a word when it can), unique ignoring case (" (2)", " (3)" … added), never "History"."""
    name = " ".join(_NAMA_TERLARANG.sub(" ", teks_xml(teks)).split()).strip("'").strip()
    if not name:
        name = cadangan
    if len(name) > NAMA_MAKS:
        cut = name[:NAMA_MAKS]
        space = cut.rfind(" ")
        name = (cut[:space] if space >= 20 else cut).strip().strip("'")
    taken = {n.casefold() for n in dipakai} | {"history"}
    candidate, n = name, 1
    while candidate.casefold() in taken:
        n += 1
        suffix = f" ({n})"
        candidate = name[: NAMA_MAKS - len(suffix)].rstrip().strip("'") + suffix
    return candidate


def number_format(sel: Sel) -> str:
    """The display format of a numeric cell (decision 0005)."""
    if sel.format == "rupiah":
        return format_lokal(RUPIAH_FORMAT)
    if sel.format == "angka":
        return format_lokal(angka_format(sel.desimal))
    if sel.format == "persen":
        return format_lokal(persen_format(sel.desimal))
    # A number given without a format (a year, a count, a code-like value) is shown as written, ungrouped.
    places = banyak_desimal(sel.nilai) if isinstance(sel.nilai, Decimal) else 0
    return "0" + ("." + "0" * places if places else "") if places else "General"


def rumus_jumlah(refs: list[tuple[int, int]]) -> str | None:
    """`=SUM(…)` over 1-based (row, col) cells, consecutive rows of a column as one range, nested when there are more
    arguments than Excel takes; None when even that would be too long for a formula."""
    from openpyxl.utils import get_column_letter

    by_col: dict[int, list[int]] = {}
    for row, col in refs:
        by_col.setdefault(col, []).append(row)
    args: list[str] = []
    for col, rows in by_col.items():
        letter = get_column_letter(col)
        rows = sorted(set(rows))
        start = prev = rows[0]
        for row in [*rows[1:], None]:
            if row is not None and row == prev + 1:
                prev = row
                continue
            args.append(f"{letter}{start}" if start == prev else f"{letter}{start}:{letter}{prev}")
            if row is not None:
                start = prev = row
    if not args:
        return "=0"
    while len(args) > SUM_ARGUMEN_MAKS:
        args = [f"SUM({','.join(args[i:i + SUM_ARGUMEN_MAKS])})" for i in range(0, len(args), SUM_ARGUMEN_MAKS)]
    formula = f"=SUM({','.join(args)})"
    return formula if len(formula) <= RUMUS_MAKS else None


class _Buku:
    """The workbook being written: which sheet each block goes to."""

    def __init__(self, wb: Any, dokumen: Dokumen) -> None:
        from openpyxl.styles import Border, Side

        self.wb = wb
        self.dokumen = dokumen
        self._naskah: _Lembar | None = None
        self._tabel = 0
        thin = Side(style="thin", color="808080")
        self.border = Border(left=thin, right=thin, top=thin, bottom=thin)  # every table cell's
        # Setting a style looks it up in the workbook's style lists (slow for thousands of cells): each kind of
        # table cell is styled once per workbook, the others copy its style index.
        self.gaya_sel: dict[tuple, Any] = {}
        self.gaya_gabung: Any = None  # the style of a position a merged table cell covers (its border)

    def naskah(self, bagian: Bagian) -> _Lembar:
        """The first sheet, for sections without a table; each later section starts on a new page."""
        if self._naskah is None:
            ws = self.wb.create_sheet(nama_lembar(_("Naskah"), set(self.wb.sheetnames), "Naskah"), 0)
            self._naskah = _Lembar(self, ws, bagian, [1, 1])
        else:
            self._naskah.halaman_baru()
        return self._naskah

    def lembar_tabel(self, bagian: Bagian, tabel: Tabel, judul: str) -> tuple[_Lembar, grid.Kisi]:
        self._tabel += 1
        kisi = grid.susun(tabel)
        name = nama_lembar(tabel.judul or judul, set(self.wb.sheetnames), f"Tabel {self._tabel}")
        ws = self.wb.create_sheet(name)
        lebar = grid.lebar_kolom(tabel, kisi.jumlah_kolom) if kisi.jumlah_kolom else [1.0]
        return _Lembar(self, ws, bagian, lebar), kisi

    def bagian(self, bagian: Bagian) -> None:
        pending: list[Judul | Paragraf | TandaTangan] = []
        current: _Lembar | None = None
        for blok in bagian.blok:
            tabel = blok if isinstance(blok, Tabel) else blok.cadangan if isinstance(blok, Gambar) else None
            if isinstance(blok, Gambar) and tabel is None:
                blok = Paragraf(teks=blok.alt)
            if tabel is not None:
                headings = [b.teks for b in pending if isinstance(b, Judul)]
                alt = blok.alt if isinstance(blok, Gambar) else ""
                current, kisi = self.lembar_tabel(bagian, tabel, alt or (headings[-1] if headings else ""))
                for b in pending:
                    current.tulis(b)
                if alt and not tabel.judul:
                    current.judul(Judul(teks=alt, tingkat=2))
                pending = []
                current.tabel(tabel, kisi)
            elif isinstance(blok, TandaTangan) and current is not None and not pending:
                current.tanda_tangan(blok)
            else:
                pending.append(blok)
        if pending:
            target = current if current is not None else self.naskah(bagian)
            for b in pending:
                target.tulis(b)


class _Lembar:
    """One worksheet, written top to bottom."""

    def __init__(self, buku: _Buku, ws: Any, bagian: Bagian, lebar: list[float]) -> None:
        from openpyxl.utils import get_column_letter

        self.buku = buku
        self.ws = ws
        self.row = 1
        draf = buku.dokumen.draf
        page = LEBAR_HALAMAN["lanskap" if bagian.orientasi == "lanskap" else "potret"]
        page = page * (math.sqrt(2) if bagian.ukuran == "A3" else 1)
        total = sum(lebar) or 1
        self.lebar = [max(LEBAR_MIN, round(page * w / total, 1)) for w in lebar]
        self.ncols = len(self.lebar)
        for c, width in enumerate(self.lebar, start=1):
            ws.column_dimensions[get_column_letter(c)].width = width
        self._cetak(bagian, draf)
        if draf:
            self._baris_gabung(DRAF, bold=True, color=WARNA_DRAF, horizontal="right", size=12)
            self.row += 1

    # --- page set-up ---------------------------------------------------------------------------------------------

    def _cetak(self, bagian: Bagian, draf: bool) -> None:
        from openpyxl.worksheet.page import PageMargins

        ws = self.ws
        ws.page_setup.orientation = "landscape" if bagian.orientasi == "lanskap" else "portrait"
        ws.page_setup.paperSize = ws.PAPERSIZE_A3 if bagian.ukuran == "A3" else ws.PAPERSIZE_A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0  # as many pages down as it takes
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.print_options.horizontalCentered = True
        ws.page_margins = PageMargins(left=0.5, right=0.5, top=0.75, bottom=0.75, header=0.3, footer=0.3)
        ws.oddFooter.center.text = "&P"
        headers = [ws.oddHeader]
        if bagian.sampul:  # a cover (the first printed page) has no page number
            ws.HeaderFooter.differentFirst = True
            headers.append(ws.firstHeader)
        if draf:
            for header in headers:
                header.right.text = DRAF
                header.right.font = "Arial,Bold"
                header.right.color = WARNA_DRAF

    def halaman_baru(self) -> None:
        from openpyxl.worksheet.pagebreak import Break

        self.ws.row_breaks.append(Break(id=self.row - 1))

    # --- blocks ----------------------------------------------------------------------------------------------------

    def tulis(self, blok: Judul | Paragraf | TandaTangan) -> None:
        if isinstance(blok, Judul):
            self.judul(blok)
        elif isinstance(blok, Paragraf):
            self.paragraf(blok)
        elif isinstance(blok, TandaTangan):
            self.tanda_tangan(blok)

    def judul(self, blok: Judul) -> None:
        size = {1: 14, 2: 12}.get(blok.tingkat, 11)
        self._baris_gabung(blok.teks, bold=True, size=size, horizontal="center")
        self.row += 1

    def paragraf(self, blok: Paragraf) -> None:
        horizontal = {"tengah": "center", "kanan": "right", "kiri": "left"}.get(blok.rata, "left")
        for text in grid.paragraf_teks(blok.teks):
            for part in self._potong(text):
                self._baris_gabung(part, horizontal=horizontal)
        self.row += 1

    def tabel(self, tabel: Tabel, kisi: grid.Kisi) -> None:
        from openpyxl.styles import Alignment, Font, PatternFill

        ws = self.ws
        top = self.row
        border = self.buku.border
        merges = []
        styles = self.buku.gaya_sel
        for letak in kisi.letak:
            sel = letak.sel
            r, c = top + letak.baris, 1 + letak.kolom
            cell = ws.cell(row=r, column=c)
            jenis = kisi.jenis[letak.baris]
            kepala = jenis == "kepala"
            if sel.jumlah:
                refs = [(top + rr, 1 + cc) for rr, cc in kisi.sumber_jumlah(letak)]
                formula = rumus_jumlah(refs)
                cell.value = formula if formula is not None else xlsx_nilai(sel.nilai)
            else:
                self._isi(cell, sel)
            fmt = number_format(sel) if grid.angka_sel(sel) or sel.jumlah else "General"
            horizontal = "center" if kepala and not sel.rata else {
                "kiri": "left", "tengah": "center", "kanan": "right"}[grid.perataan(sel)]
            if sel.jumlah and not sel.rata:
                horizontal = "right"
            bold = kepala or sel.tebal or jenis in ("total", "subjudul") or bool(sel.jumlah)
            fill = grid.warna(sel.isi_latar) or (WARNA_KEPALA if kepala else WARNA_SUBJUDUL if jenis == "subjudul"
                                                 else "")
            key = (fmt, horizontal, kepala, bold, fill)
            if key in styles:
                cell._style = copy(styles[key])
            else:
                cell.number_format = fmt
                cell.alignment = Alignment(horizontal=horizontal, vertical="center" if kepala else "top",
                                           wrap_text=True)
                cell.font = Font(bold=bold, size=10)
                if fill:
                    cell.fill = PatternFill("solid", fgColor=fill)
                cell.border = border
                styles[key] = copy(cell._style)
            if letak.rowspan > 1 or letak.colspan > 1:
                merges.append((r, c, r + letak.rowspan - 1, c + letak.colspan - 1))
        # Positions no cell covers (a short row) still get their borders.
        for rr in range(kisi.jumlah_baris):
            for cc in range(kisi.jumlah_kolom):
                if kisi.di(rr, cc) is None:
                    ws.cell(row=top + rr, column=1 + cc).border = border
        for r1, c1, r2, c2 in merges:
            self._gabung(r1, c1, r2, c2, berbingkai=True)
        if kisi.jumlah_kepala and kisi.jumlah_baris:
            body = top + kisi.jumlah_kepala
            ws.print_title_rows = f"{top}:{body - 1}"
            # Frozen rows cannot scroll: when long text above the table would fill the window, nothing is frozen
            # (the printed pages still repeat the header).
            if sum(ws.row_dimensions[r].height or TINGGI_BARIS for r in range(1, body)) <= TINGGI_BEKU_MAKS:
                ws.freeze_panes = ws.cell(row=body, column=1)
        self.row = top + kisi.jumlah_baris
        if tabel.catatan:
            for text in grid.paragraf_teks(tabel.catatan):
                self._baris_gabung(text, italic=True, size=9)
        self.row += 1

    def tanda_tangan(self, blok: TandaTangan) -> None:
        from openpyxl.styles import Alignment, Font

        people = blok.penandatangan
        if not people:
            return
        half = self.ncols // 2
        # Two blocks side by side over the two halves of the sheet; one block on the right half, as signed pages
        # have it. A sheet of one column stacks them.
        if self.ncols < 2:
            groups = [[(p, 1, 1)] for p in people]
        else:
            spans = [(1, half), (half + 1, self.ncols)]
            groups = []
            for i in range(0, len(people), 2):
                pair = people[i:i + 2]
                groups.append([(pair[0], *spans[1])] if len(pair) == 1 else
                              [(p, *span) for p, span in zip(pair, spans, strict=True)])
        for group in groups:
            lines = grid.baris_tanda_tangan(TandaTangan(penandatangan=[p for p, _, _ in group]))
            for line in lines:
                repeat = grid.RUANG_TANDA_TANGAN if line.gaya == "ruang" else 1
                for _n in range(repeat):
                    for (_p, c1, c2), text in zip(group, line.teks, strict=True):
                        cell = self.ws.cell(row=self.row, column=c1, value=self._teks(text) or None)
                        cell.font = Font(bold=line.gaya == "nama", underline="single" if line.gaya == "nama"
                                         and text else None)
                        cell.alignment = Alignment(horizontal="center", vertical="top", wrap_text=True)
                        if c2 > c1:
                            self._gabung(self.row, c1, self.row, c2)
                    self.row += 1
            self.row += 1

    # --- cells -------------------------------------------------------------------------------------------------------

    def _gabung(self, r1: int, c1: int, r2: int, c2: int, *, berbingkai: bool = False) -> None:
        """Merge a range whose top-left cell is already written. `ws.merge_cells` would also re-apply the top-left
        cell's border to each edge cell, one style look-up per cell (most of the time of a large workbook): here
        the covered cells of a table cell (`berbingkai`) take the table's border, styled once per workbook."""
        from openpyxl.cell.cell import MergedCell
        from openpyxl.utils import get_column_letter
        from openpyxl.worksheet.merge import MergedCellRange

        ws = self.ws
        ws.merged_cells.add(MergedCellRange(ws, f"{get_column_letter(c1)}{r1}:{get_column_letter(c2)}{r2}"))
        style = None
        if berbingkai:
            if self.buku.gaya_gabung is None:
                sample = MergedCell(ws)
                sample.border = self.buku.border
                self.buku.gaya_gabung = sample._style
            style = self.buku.gaya_gabung
        for row in range(r1, r2 + 1):
            for col in range(c1, c2 + 1):
                if (row, col) != (r1, c1):
                    cell = MergedCell(ws, row=row, column=col)
                    if style is not None:
                        cell._style = copy(style)
                    ws._cells[(row, col)] = cell

    @staticmethod
    def _teks(text: str) -> str:
        return teks_xml(text)[:TEKS_MAKS]

    def _isi(self, cell: Any, sel: Sel) -> None:
        value = sel.nilai
        if value is None or isinstance(value, bool):
            return
        if isinstance(value, int | Decimal):
            cell.value = xlsx_nilai(value)
            return
        cell.value = self._teks(str(value))
        if cell.data_type == "f":  # text starting with "=" is text, never a formula
            cell.data_type = "s"

    def _potong(self, text: str) -> list[str]:
        """A long paragraph in pieces of at most BARIS_PARAGRAF_MAKS printed lines, cut between words."""
        per_row = max(40, int(sum(self.lebar) * 1.1)) * BARIS_PARAGRAF_MAKS
        parts = []
        while len(text) > per_row:
            cut = text.rfind(" ", 0, per_row)
            cut = cut if cut > per_row // 2 else per_row
            parts.append(text[:cut].rstrip())
            text = text[cut:].lstrip()
        parts.append(text)
        return parts

    def _baris_gabung(self, text: str, *, bold: bool = False, italic: bool = False, size: int = 11,
                      color: str | None = None, horizontal: str = "left") -> None:
        """One row of text across the whole sheet (merged), tall enough for its wrapped lines."""
        from openpyxl.styles import Alignment, Font

        cell = self.ws.cell(row=self.row, column=1, value=self._teks(text) or None)
        if cell.data_type == "f":
            cell.data_type = "s"
        cell.font = Font(bold=bold, italic=italic, size=size, color=color)
        cell.alignment = Alignment(horizontal=horizontal, vertical="top", wrap_text=True)
        if self.ncols > 1:
            self._gabung(self.row, 1, self.row, self.ncols)
        # Excel does not fit a merged row's height to its text: estimate it.
        chars = max(10.0, sum(self.lebar) * 1.1 * 11 / size)
        lines = sum(max(1, math.ceil(len(line) / chars)) for line in (text.split("\n") or [""]))
        if lines > 1 or size > 11:
            self.ws.row_dimensions[self.row].height = min(409, lines * size * 1.35 + 2)
        self.row += 1
