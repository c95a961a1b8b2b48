"""Formats any `blok.Dokumen` as XLSX; knows nothing about the document it formats.

The workbook a PD gets:
- one worksheet per table (a `Tabel`, or a `Gambar`'s `cadangan`), named after the table's title; the headings and
  paragraphs that come before the table in its section are the sheet's title rows, the signature blocks and text
  that follow it sit under it;
- sections with no table at all (cover, foreword, chapters, a closing page) go, in order, to a first sheet
  ("Naskah"), each starting on a new printed page;
- numbers stay numbers with an Indonesian display format (decision 0005), a total is a `=SUM(…)` of the cells it
  adds up, written with its value (decision 0013: a reader without a calculation engine, our importer included,
  sees the figure; Excel still recalculates on opening), header rows are frozen and repeated on every printed page,
  merged cells as the document has them, paper and orientation from the section, printed to the width of one page;
- a draft says "DRAF" in a cell at the top of every sheet and in the printed page header.

Written with XlsxWriter (decision 0013): rows and columns are 0-based here, as its API has them. It is imported
inside the functions (like openpyxl elsewhere), so that starting the CLI or a server does not load it.
"""

from __future__ import annotations

import functools
import io
import math
import re
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from renaksi.core.angka import banyak_desimal
from renaksi.core.gcpause import gc_paused
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
WARNA_BINGKAI = "808080"
KEPALA_DRAF = f'&R&"Arial,Bold"&K{WARNA_DRAF}{DRAF}'  # the printed page header of a draft
KAKI_HALAMAN = "&C&P"  # the page number, centred in the footer
KERTAS = {"A4": 9, "A3": 8}  # Excel's paper size codes
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
SEL_TABEL = {"text_wrap": True, "font_size": 10, "border": 1, "border_color": f"#{WARNA_BINGKAI}"}  # every cell's
_RATA = {"kiri": "left", "tengah": "center", "kanan": "right"}


@gc_paused()  # tens of thousands of cells, freed when it returns (renaksi/core/gcpause.py)
def render(dokumen: Dokumen) -> bytes:
    from xlsxwriter import Workbook

    out = io.BytesIO()
    wb = Workbook(out, {"in_memory": True})  # not constant_memory: merges and totals are written out of order
    buku = _Buku(wb, dokumen)
    # The narrative sheet comes first, but XlsxWriter keeps sheets in the order they are made: make it now when
    # some section will go to it (or when nothing else would make a sheet).
    narrative = [b for b in dokumen.bagian if b.blok and not any(map(_tabel, b.blok))]
    if narrative or not any(_tabel(blok) for bagian in dokumen.bagian for blok in bagian.blok):
        buku.naskah(narrative[0] if narrative else Bagian(blok=[]), awal=True)
    for bagian in dokumen.bagian:
        buku.bagian(bagian)
    creator = teks_xml(dokumen.pembuat) or "Renaksi"  # XlsxWriter writes it as lastModifiedBy too
    wb.set_properties({
        "title": teks_xml(dokumen.judul),
        "author": creator,
        "subject": teks_xml(dokumen.subjek),
        "keywords": teks_xml(", ".join(dokumen.kata_kunci)),
    })
    wb.close()  # XlsxWriter asks Excel to recalculate every formula on opening (fullCalcOnLoad)
    # Each XlsxWriter sheet holds the workbook's `add_format`: a reference cycle through every cell of the workbook.
    # Broken here, the workbook is freed when this returns, not later by the cyclic garbage collector (a large
    # plan's workbook is some 50,000 objects; docs/performance.md, "Garbage collection").
    for ws in wb.worksheets():
        ws.workbook_add_format = None
    return out.getvalue()


def _tabel(blok: Judul | Paragraf | Tabel | TandaTangan | Gambar) -> Tabel | None:
    """The table a block puts on a sheet of its own: a table, or a drawing's fallback table."""
    if isinstance(blok, Tabel):
        return blok
    return blok.cadangan if isinstance(blok, Gambar) else None


def nama_lembar(teks: str, dipakai: set[str], cadangan: str) -> str:
    """A sheet name Excel accepts: no []:*?/\\, not starting or ending with an apostrophe, at most 31 characters
    (cut at a word when it can), unique ignoring case (" (2)", " (3)" … added), never "History"."""
    name = " ".join(_NAMA_TERLARANG.sub(" ", teks_xml(teks)).split()).strip("'").strip()
    if not name:
        name = cadangan
    if len(name) > NAMA_MAKS:
        cut = name[:NAMA_MAKS]
        space = cut.rfind(" ")
        name = (cut[:space] if space >= 20 else cut).rstrip(" ,;-–—·").strip().strip("'")  # no dangling comma
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
    from xlsxwriter.utility import xl_col_to_name

    by_col: dict[int, list[int]] = {}
    for row, col in refs:
        by_col.setdefault(col, []).append(row)
    args: list[str] = []
    for col, rows in by_col.items():
        letter = xl_col_to_name(col - 1)
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


@functools.cache
def _worksheet() -> type:
    """XlsxWriter's worksheet, able to leave its first printed page (a cover) without header and footer: XlsxWriter
    itself writes only the odd-page header and footer. `kepala_pertama` is the first page's header; None when the
    first page is like the others."""
    from xlsxwriter.worksheet import Worksheet

    class _Worksheet(Worksheet):
        kepala_pertama: str | None = None

        def _write_header_footer(self) -> None:
            if self.kepala_pertama is None:
                super()._write_header_footer()
                return
            self._xml_start_tag("headerFooter", [("differentFirst", 1)])
            if self.header:
                self._xml_data_element("oddHeader", self.header)
            if self.footer:
                self._xml_data_element("oddFooter", self.footer)
            if self.kepala_pertama:
                self._xml_data_element("firstHeader", self.kepala_pertama)
            self._xml_end_tag("headerFooter")

    return _Worksheet


class _Gaya:
    """The workbook's cell formats, each made once."""

    def __init__(self, wb: Any) -> None:
        self.wb = wb
        self._gaya: dict[tuple, Any] = {}
        self._gaya_sel: dict[tuple, Any] = {}

    def __call__(self, **sifat: Any) -> Any:
        """The cell format with these XlsxWriter properties, made once per workbook: Excel keeps one style per
        distinct format, and making a Format per cell would cost as much as the cells."""
        key = tuple(sorted(sifat.items()))
        fmt = self._gaya.get(key)
        if fmt is None:
            fmt = self._gaya[key] = self.wb.add_format(dict(key))
        return fmt

    def sel(self, sel: Sel, jenis: str) -> Any:
        """The format of a table cell: number format, alignment, bold, background and the table's border. Worked out
        once per kind of cell (a large plan has tens of thousands of cells and a few dozen kinds)."""
        angka = grid.angka_sel(sel)
        places = banyak_desimal(sel.nilai) if angka and not sel.format and isinstance(sel.nilai, Decimal) else 0
        key = (jenis, angka, places, sel.format, sel.desimal, sel.rata, sel.tebal, sel.isi_latar, bool(sel.jumlah))
        fmt = self._gaya_sel.get(key)
        if fmt is None:
            fmt = self._gaya_sel[key] = self._sel_baru(sel, jenis)
        return fmt

    def _sel_baru(self, sel: Sel, jenis: str) -> Any:
        kepala = jenis == "kepala"
        fmt = number_format(sel) if grid.angka_sel(sel) or sel.jumlah else "General"
        horizontal = "center" if kepala and not sel.rata else _RATA[grid.perataan(sel)]
        if sel.jumlah and not sel.rata:
            horizontal = "right"
        fill = grid.warna(sel.isi_latar) or (WARNA_KEPALA if kepala else WARNA_SUBJUDUL if jenis == "subjudul"
                                             else "")
        sifat: dict[str, Any] = {"align": horizontal, "valign": "vcenter" if kepala else "top"}
        if fmt != "General":
            sifat["num_format"] = fmt
        if kepala or sel.tebal or jenis in ("total", "subjudul") or sel.jumlah:
            sifat["bold"] = True
        if fill:
            sifat.update(bg_color=f"#{fill}", pattern=1)
        return self(**sifat, **SEL_TABEL)


class _Buku:
    """The workbook being written: which sheet each block goes to.

    Nothing here refers back to what refers to it (a sheet knows the formats, not the book): the workbook and its
    tens of thousands of cells are then freed as soon as `render` returns, not left to Python's cyclic garbage
    collector (docs/performance.md, "Garbage collection")."""

    def __init__(self, wb: Any, dokumen: Dokumen) -> None:
        self.wb = wb
        self.dokumen = dokumen
        self.gaya = _Gaya(wb)
        self.nama: set[str] = set()
        self._naskah: _Lembar | None = None
        self._naskah_kosong = False  # the narrative sheet was made ahead and nothing is on it yet
        self._tabel = 0

    def lembar(self, judul: str, cadangan: str) -> Any:
        name = nama_lembar(judul, self.nama, cadangan)
        self.nama.add(name)
        return self.wb.add_worksheet(name, worksheet_class=_worksheet())

    def naskah(self, bagian: Bagian, *, awal: bool = False) -> _Lembar:
        """The first sheet, for sections without a table; each later section starts on a new page."""
        if self._naskah is None:
            self._naskah = self._lembar_baru(self.lembar(_("Naskah"), "Naskah"), bagian, [1.0, 1.0])
            self._naskah_kosong = awal
        elif self._naskah_kosong:
            self._naskah_kosong = False
        else:
            self._naskah.halaman_baru()
        return self._naskah

    def lembar_tabel(self, bagian: Bagian, tabel: Tabel, judul: str) -> tuple[_Lembar, grid.Kisi]:
        self._tabel += 1
        kisi = grid.susun(tabel)
        ws = self.lembar(tabel.judul or judul, f"Tabel {self._tabel}")
        lebar = grid.lebar_kolom(tabel, kisi.jumlah_kolom) if kisi.jumlah_kolom else [1.0]
        return self._lembar_baru(ws, bagian, lebar), kisi

    def _lembar_baru(self, ws: Any, bagian: Bagian, lebar: list[float]) -> _Lembar:
        return _Lembar(self.gaya, ws, bagian, lebar, draf=self.dokumen.draf)

    def bagian(self, bagian: Bagian) -> None:
        pending: list[Judul | Paragraf | TandaTangan] = []
        current: _Lembar | None = None
        for blok in bagian.blok:
            tabel = _tabel(blok)
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


def _jumlah(position: tuple[int, int], busy: frozenset[tuple[int, int]], kisi: grid.Kisi,
            values: dict[tuple[int, int], int | Decimal], totals: dict[tuple[int, int], tuple[grid.Letak, Any]]
            ) -> Decimal:
    """What the total at `position` adds up to, as the spreadsheet computes it (text and empty cells count 0)."""
    if position in values:
        return Decimal(values[position])
    if position not in totals or position in busy:
        return Decimal(0)
    return sum((_jumlah(p, busy | {position}, kisi, values, totals) for p in kisi.sumber_jumlah(totals[position][0])),
               Decimal(0))


class _Lembar:
    """One worksheet, written top to bottom."""

    def __init__(self, gaya: _Gaya, ws: Any, bagian: Bagian, lebar: list[float], *, draf: bool) -> None:
        self.gaya = gaya
        self.ws = ws
        self.row = 0
        self.tinggi: dict[int, float] = {}  # row → height in points, where it is not the default
        self.jeda: list[int] = []  # page breaks
        page = LEBAR_HALAMAN["lanskap" if bagian.orientasi == "lanskap" else "potret"]
        page = page * (math.sqrt(2) if bagian.ukuran == "A3" else 1)
        total = sum(lebar) or 1
        self.lebar = [max(LEBAR_MIN, round(page * w / total, 1)) for w in lebar]
        self.ncols = len(self.lebar)
        for c, width in enumerate(self.lebar):
            ws.set_column(c, c, width)
        self._cetak(bagian, draf)
        if draf:
            self._baris_gabung(DRAF, bold=True, color=WARNA_DRAF, horizontal="right", size=12)
            self.row += 1

    # --- page set-up ---------------------------------------------------------------------------------------------

    def _cetak(self, bagian: Bagian, draf: bool) -> None:
        ws = self.ws
        if bagian.orientasi == "lanskap":
            ws.set_landscape()
        else:
            ws.set_portrait()
        ws.set_paper(KERTAS.get(bagian.ukuran, KERTAS["A4"]))
        ws.fit_to_pages(1, 0)  # one page wide, as many pages down as it takes
        ws.center_horizontally()
        ws.set_margins(left=0.5, right=0.5, top=0.75, bottom=0.75)
        header = KEPALA_DRAF if draf else ""
        ws.set_header(header, {"margin": 0.3})
        ws.set_footer(KAKI_HALAMAN, {"margin": 0.3})
        if bagian.sampul:  # a cover (the first printed page) has no page number
            ws.kepala_pertama = header

    def halaman_baru(self) -> None:
        self.jeda.append(self.row)  # a break after the last row written (0-based, the row above the new page)
        self.ws.set_h_pagebreaks(self.jeda)

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
        horizontal = _RATA.get(blok.rata, "left")
        for text in grid.paragraf_teks(blok.teks):
            for part in self._potong(text):
                self._baris_gabung(part, horizontal=horizontal)
        self.row += 1

    def tabel(self, tabel: Tabel, kisi: grid.Kisi) -> None:
        ws = self.ws
        top = self.row
        values: dict[tuple[int, int], int | Decimal] = {}  # the numbers written, by grid (row, col)
        totals: dict[tuple[int, int], tuple[grid.Letak, Any]] = {}
        for letak in kisi.letak:
            sel = letak.sel
            r, c = top + letak.baris, letak.kolom
            fmt = self.gaya.sel(sel, kisi.jenis[letak.baris])
            if letak.rowspan > 1 or letak.colspan > 1:  # the covered cells take the format too (the border)
                ws.merge_range(r, c, r + letak.rowspan - 1, c + letak.colspan - 1, "", fmt)
            if sel.jumlah:
                totals[(letak.baris, letak.kolom)] = (letak, fmt)
                continue
            value = self._isi(r, c, sel, fmt)
            if value is not None:
                values[(letak.baris, letak.kolom)] = value
        # Positions no cell covers (a short row) still get their borders.
        border = self.gaya(**SEL_TABEL)
        for rr, cc in kisi.kosong():
            ws.write_blank(top + rr, cc, None, border)

        for position, (letak, fmt) in totals.items():
            r, c = top + letak.baris, letak.kolom
            formula = rumus_jumlah([(top + rr + 1, cc + 1) for rr, cc in kisi.sumber_jumlah(letak)])
            if formula is None:
                self._isi(r, c, letak.sel, fmt)
            else:
                ws.write_formula(r, c, formula, fmt, xlsx_nilai(_jumlah(position, frozenset(), kisi, values, totals)))
        if kisi.jumlah_kepala and kisi.jumlah_baris:
            body = top + kisi.jumlah_kepala
            ws.repeat_rows(top, body - 1)
            # Frozen rows cannot scroll: when long text above the table would fill the window, nothing is frozen
            # (the printed pages still repeat the header).
            if sum(self.tinggi.get(r, TINGGI_BARIS) for r in range(body)) <= TINGGI_BEKU_MAKS:
                ws.freeze_panes(body, 0)
        self.row = top + kisi.jumlah_baris
        if tabel.catatan:
            for text in grid.paragraf_teks(tabel.catatan):
                self._baris_gabung(text, italic=True, size=9)
        self.row += 1

    def tanda_tangan(self, blok: TandaTangan) -> None:
        people = blok.penandatangan
        if not people:
            return
        half = self.ncols // 2
        # Two blocks side by side over the two halves of the sheet; one block on the right half, as signed pages
        # have it. A sheet of one column stacks them.
        if self.ncols < 2:
            groups = [[(p, 0, 0)] for p in people]
        else:
            spans = [(0, half - 1), (half, self.ncols - 1)]
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
                        nama = line.gaya == "nama" and bool(text)
                        fmt = self.gaya(align="center", valign="top", text_wrap=True,
                                             **({"bold": True, "underline": 1} if nama else {}))
                        self._tulis_teks(self.row, c1, c2, text, fmt)
                    self.row += 1
            self.row += 1

    # --- cells -------------------------------------------------------------------------------------------------------

    def _tulis_teks(self, row: int, c1: int, c2: int, text: str, fmt: Any) -> None:
        """Text (never a formula, even when it starts with "=") in a cell, merged over columns c1–c2. The covered
        cells are left unwritten (a merged cell shows its first cell's format): a sheet's title rows span every
        column, and writing their blanks was a third of the cells of a large plan's workbook."""
        if c2 > c1:
            self.ws.merge_range(row, c1, row, c2, None, None)
        text = self._teks(text)
        if text:
            self.ws.write_string(row, c1, text, fmt)
        else:
            self.ws.write_blank(row, c1, None, fmt)

    @staticmethod
    def _teks(text: str) -> str:
        return teks_xml(text)[:TEKS_MAKS]

    def _isi(self, row: int, col: int, sel: Sel, fmt: Any) -> int | Decimal | None:
        """A table cell's value; the number written, if it is one."""
        value = sel.nilai
        if isinstance(value, int | Decimal) and not isinstance(value, bool):
            number = xlsx_nilai(value)
            if number is not None:
                self.ws.write_number(row, col, number, fmt)
                return number
            value = None
        self._tulis_teks(row, col, col, "" if value is None or isinstance(value, bool) else str(value), fmt)
        return None

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
        sifat: dict[str, Any] = {"align": horizontal, "valign": "top", "text_wrap": True, "font_size": size}
        sifat.update({k: v for k, v in (("bold", bold), ("italic", italic)) if v})
        if color:
            sifat["font_color"] = f"#{color}"
        self._tulis_teks(self.row, 0, self.ncols - 1, text, self.gaya(**sifat))
        # Excel does not fit a merged row's height to its text: estimate it.
        chars = max(10.0, sum(self.lebar) * 1.1 * 11 / size)
        lines = sum(max(1, math.ceil(len(line) / chars)) for line in (text.split("\n") or [""]))
        if lines > 1 or size > 11:
            self.tinggi[self.row] = min(409, lines * size * 1.35 + 2)
            self.ws.set_row(self.row, self.tinggi[self.row])
        self.row += 1
