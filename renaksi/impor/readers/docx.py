"""DOCX → `Grid`: one sheet of paragraphs and table rows in document order, in the form `grid.py` describes.

- A paragraph is a row of one cell; TABs in it split it into cells, as in a text copy (programs and their amounts
  are often typed as TAB-separated paragraphs outside any table). An indented paragraph without TABs right after
  such a row ("    Angkutan Jalan") is the rest of its first cell, a name that wrapped: it is joined to it
  (`sel.sambung`). So is a paragraph without TABs and without indent between two such rows, when it holds no
  amount and does not look like a heading, a signature block or a total (`_continues`). A line break inside a
  paragraph (Shift+Enter) starts a new row, because a text copy shows it as a new line (signature blocks are
  written that way).
- A table row is a row of cells, one per grid column. A cell spanning several columns (gridSpan) gives its text
  once and empty cells for the other columns; a cell continuing a vertical merge (vMerge) is empty. Columns a row
  skips (gridBefore / gridAfter) are empty.
- The text of a cell is the text of all its paragraphs, nested tables included, joined with single spaces; a
  line break inside a paragraph (Shift+Enter) stays a newline, spaces inside a paragraph stay as written.
- A table of one row whose cells hold several paragraphs (and no table) is laid out, not data: signature blocks
  side by side, as Word documents and Renaksi's own RA document write them. It is read the way a text copy shows
  it: one row per line, a cell per filled column (an empty column, the space left of one signer, left out).
- Text inside content controls, hyperlinks, fields and tracked insertions counts; deleted text (tracked
  deletions) and the fallback copy of drawings do not. Page headers and footers are not part of the body.
A cell's shading (its fill colour, not white) is kept in `Row.fills` for every grid column it covers.
Rows are numbered 1, 2, 3 … in the order they are produced; an error names the table (counted from 1), its row
and column as well.
"""

from __future__ import annotations

import io
import logging
import re

from django.utils.translation import gettext
from docx import Document
from docx.oxml.ns import qn

from renaksi.impor.cakupan import is_total
from renaksi.impor.grid import Catatan, Grid, ImporGagal, Place, Row, Sheet
from renaksi.impor.naskah.tanda_tangan import tempat_tanggal
from renaksi.impor.penjaga import alasan_bukan_nama
from renaksi.impor.teks import bersih, is_row_number

from ._ooxml import MAX_COLS, MAX_ROWS, check_cell_length, open_package

log = logging.getLogger(__name__)

SHEET_NAME = "Dokumen"
# What a wrapped name never holds: an amount ("Rp", grouped digits, 4+ digits), a caption or a level's label.
_AMOUNT = re.compile(r"\bRp\b|\d{1,3}(?:[.,]\d{3})+|\d{4,}", re.IGNORECASE)
_HEADING = re.compile(r"^(?:tabel|table|lampiran|bab|program|kegiatan|sub\s*kegiatan)\b|^[IVX]+\.|^[A-Z]\.\s",
                      re.IGNORECASE)

W_P, W_TBL, W_TR, W_TC = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc")
W_T, W_TAB, W_BR, W_CR = qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")
W_SDT, W_SDTCONTENT, W_CUSTOMXML = qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")
W_DEL, W_TCPR, W_TRPR, W_PPR, W_RPR = qn("w:del"), qn("w:tcPr"), qn("w:trPr"), qn("w:pPr"), qn("w:rPr")
W_GRIDSPAN, W_VMERGE, W_VAL = qn("w:gridSpan"), qn("w:vMerge"), qn("w:val")
W_GRIDBEFORE, W_GRIDAFTER = qn("w:gridBefore"), qn("w:gridAfter")
W_SHD, W_FILL = qn("w:shd"), qn("w:fill")
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_SKIP = {W_DEL, MC_FALLBACK, W_TCPR, W_TRPR, W_PPR, W_RPR}


def _paragraph_text(p, tab: str = " ") -> str:
    """The text of one paragraph: runs in order; a tab is `tab` (a space in a table cell), a line break a newline."""
    parts: list[str] = []

    def walk(element) -> None:
        for child in element:
            tag = child.tag
            if tag in _SKIP:
                continue
            if tag == W_T:
                parts.append(child.text or "")
            elif tag == W_TAB:
                parts.append(tab)
            elif tag in (W_BR, W_CR):
                parts.append("\n")
            elif tag == W_P:  # a text box inside a run holds paragraphs of its own
                parts.append("\n" + _paragraph_text(child) + "\n")
            else:
                walk(child)

    walk(p)
    return "".join(parts)


def _cell_text(tc) -> str:
    """All the text of a table cell, nested tables included: its paragraphs joined with single spaces, a line
    break inside a paragraph kept as a newline."""
    return " ".join(text for text in _cell_paragraphs(tc) if text)


def _cell_paragraphs(tc) -> list[str]:
    """The text of each paragraph of a table cell (empty ones too), a line break inside one kept as a newline."""
    texts = []
    for p in tc.iter(W_P):
        skip = False
        for ancestor in p.iterancestors():
            if ancestor is tc:
                break
            # deleted text, a drawing's fallback copy, or a text box already read with its paragraph
            if ancestor.tag in (W_DEL, MC_FALLBACK, W_P):
                skip = True
                break
        if not skip:
            texts.append("\n".join(line.strip() for line in _paragraph_text(p).strip().split("\n")))
    return texts


def _int_val(parent, tag: str, default: int) -> int:
    element = parent.find(tag) if parent is not None else None
    if element is None:
        return default
    try:
        return int(element.get(W_VAL, default))
    except ValueError:
        return default


def _shading(tc_pr) -> str | None:
    """A cell's shading (w:shd w:fill) as hex ("FFC000"); None for none, automatic or white."""
    shd = tc_pr.find(W_SHD) if tc_pr is not None else None
    fill = (shd.get(W_FILL) or "").upper() if shd is not None else ""
    return fill if re.fullmatch(r"[0-9A-F]{6}", fill) and fill != "FFFFFF" else None


def _row_tcs(tr):
    """The cells of a table row, looking through content controls and custom XML wrappers."""
    for child in tr:
        if child.tag == W_TC:
            yield child
        elif child.tag in (W_SDT, W_CUSTOMXML):
            content = child.find(W_SDTCONTENT) if child.tag == W_SDT else child
            if content is not None:
                yield from _row_tcs(content)


def _table_rows(tbl):
    for child in tbl:
        if child.tag == W_TR:
            yield child
        elif child.tag in (W_SDT, W_CUSTOMXML):
            content = child.find(W_SDTCONTENT) if child.tag == W_SDT else child
            if content is not None:
                yield from _table_rows(content)


def _body_blocks(container):
    """Paragraphs and tables of the body in document order, looking through content controls."""
    for child in container:
        if child.tag in (W_P, W_TBL):
            yield child
        elif child.tag in (W_SDT, W_CUSTOMXML):
            content = child.find(W_SDTCONTENT) if child.tag == W_SDT else child
            if content is not None:
                yield from _body_blocks(content)


class _Reader:
    def __init__(self, filename: str):
        self.filename = filename
        self.rows: list[Row] = []
        self.table_count = 0
        self.decisions: list[Catatan] = []
        self.tab_row: Row | None = None  # the last row, when it is a TAB-separated paragraph
        self.pending: str | None = None  # a line after a TAB row that may be its name wrapped (`_continues`)

    def add(self, cells: list[str], place: Place, fills: dict[int, str] | None = None) -> None:
        if len(self.rows) >= MAX_ROWS:
            raise ImporGagal(gettext("dokumen berisi lebih dari %(MAX_ROWS)s baris (paragraf dan baris "
                                     "tabel).") % {"MAX_ROWS": MAX_ROWS}, place)
        while cells and not cells[-1].strip():
            cells.pop()
        self.rows.append(Row(cells=cells, number=len(self.rows) + 1, fills=fills or {}))

    def paragraph(self, p) -> None:
        for line in _paragraph_text(p, tab="\t").split("\n"):
            tabbed = "\t" in line.strip()
            if self.pending is not None and tabbed:  # the line held back was the name of the TAB row above
                self._join(bersih(self.pending), gettext(
                    "Paragraf sesudah baris %(baris)s, sebelum baris bertab berikutnya, dibaca sebagai lanjutan "
                    "teksnya: '%(teks)s'."))
                self.pending = None
            self.flush()
            place = Place(self.filename, baris=len(self.rows) + 1)
            check_cell_length(line, place, "paragraf ini")
            if self._wrapped(line):
                continue
            if self._continues(line):
                self.pending = line
                continue
            self.add(line.split("\t"), place)
            self.tab_row = self.rows[-1] if tabbed else None

    def flush(self) -> None:
        """The line held back is a row of its own: no TAB row follows it."""
        if self.pending is not None:
            self.add([self.pending], Place(self.filename, baris=len(self.rows) + 1))
            self.pending, self.tab_row = None, None

    def _tab_row_above(self, line: str) -> Row | None:
        last, text = self.tab_row, bersih(line)
        if last is None or last is not self.rows[-1] or "\t" in line or not text or is_row_number(text.split()[0]):
            return None
        return last

    def _wrapped(self, line: str) -> bool:
        """Join an indented line without TABs to the first cell of the TAB-separated row just above it."""
        if not line[:1].isspace() or self._tab_row_above(line) is None:
            return False
        self._join(bersih(line), gettext("Paragraf menjorok sesudah baris %(baris)s dibaca sebagai lanjutan "
                                         "teksnya: '%(teks)s'."))
        return True

    def _continues(self, line: str) -> bool:
        """May a line without TABs or indent, right after a TAB row, be its name wrapped? Only when it holds no
        amount and is not a heading (a caption, a label, capitals, a line ending in ":" or "."), a signature block
        line (`penjaga.alasan_bukan_nama`, `tanda_tangan.tempat_tanggal`) or a total (`cakupan.is_total`); it is
        held back, and joined when a TAB row follows."""
        text = bersih(line)
        if self._tab_row_above(line) is None:
            return False
        return not (_AMOUNT.search(text) or _HEADING.match(text) or text.upper() == text or text.endswith((":", "."))
                    or alasan_bukan_nama(text) or tempat_tanggal(text) or is_total(text))

    def _join(self, text: str, pesan: str) -> None:
        last = self.tab_row
        assert last is not None
        first = next(i for i, c in enumerate(last.cells) if c.strip())
        last.cells[first] = f"{bersih(last.cells[first])} {text}"
        self.decisions.append(Catatan("sel.sambung", pesan % {"baris": last.number, "teks": last.cells[first]},
                                      Place(self.filename, baris=last.number)))

    def table(self, tbl) -> None:
        self.flush()
        self.tab_row = None
        self.table_count += 1
        tabel = f"tabel {self.table_count}"
        rows = list(_table_rows(tbl))
        if len(rows) == 1 and self._laid_out(rows[0], tabel):
            return
        for index, tr in enumerate(rows, start=1):
            cells: list[str] = [""] * _int_val(tr.find(W_TRPR), W_GRIDBEFORE, 0)
            fills: dict[int, str] = {}
            for tc in _row_tcs(tr):
                tc_pr = tc.find(W_TCPR)
                span = max(1, _int_val(tc_pr, W_GRIDSPAN, 1))
                vmerge = tc_pr.find(W_VMERGE) if tc_pr is not None else None
                continues = vmerge is not None and vmerge.get(W_VAL, "continue") == "continue"
                text = "" if continues else _cell_text(tc)
                if (colour := _shading(tc_pr)) is not None:
                    fills.update({len(cells) + i: colour for i in range(span)})
                place = Place(self.filename, tabel=tabel, baris=len(self.rows) + 1, kolom=len(cells) + 1)
                check_cell_length(text, place, f"sel baris {index} kolom {len(cells) + 1} pada {tabel}")
                cells.append(text)
                cells.extend([""] * (span - 1))
                if len(cells) > MAX_COLS:
                    raise ImporGagal(gettext("%(tabel)s berisi lebih dari %(MAX_COLS)s kolom.")
                                     % {"tabel": tabel, "MAX_COLS": MAX_COLS}, place)
            self.add(cells, Place(self.filename, tabel=tabel, baris=len(self.rows) + 1), fills)


    def _laid_out(self, tr, tabel: str) -> bool:
        """A one-row table of several paragraphs per cell (signature blocks) read line by line; False when it is
        not one."""
        tcs = list(_row_tcs(tr))
        if any(next(tc.iter(W_TBL), None) is not None for tc in tcs):
            return False
        columns = [[line for text in _cell_paragraphs(tc) for line in text.split("\n")] for tc in tcs]
        columns = [lines for lines in columns if any(line.strip() for line in lines)]
        height = max((len(lines) for lines in columns), default=0)
        if height < 2:
            return False
        for i in range(height):
            cells = [lines[i] if i < len(lines) else "" for lines in columns]
            place = Place(self.filename, tabel=tabel, baris=len(self.rows) + 1)
            for cell in cells:
                check_cell_length(cell, place, f"baris 1 pada {tabel}")
            self.add(cells, place)
        return True


def read_docx(data: bytes, filename: str) -> Grid:
    """Read a DOCX document into a `Grid`, or raise `ImporGagal` naming the file, table, row and column."""
    open_package(data, filename, "docx")
    try:
        document = Document(io.BytesIO(data))
    except Exception as exc:  # the file is the only input: any parser failure is a bad file, said plainly
        log.info("DOCX %s tidak terbaca: %r", filename, exc)
        raise ImporGagal(
            gettext("berkas Word (.docx) tidak dapat dibaca. Buka dan simpan ulang di Word atau LibreOffice, lalu "
                    "unggah lagi."),
            Place(filename),
        ) from exc
    reader = _Reader(filename)
    for block in _body_blocks(document.element.body):
        if block.tag == W_P:
            reader.paragraph(block)
        else:
            reader.table(block)
    reader.flush()
    # A document always ends with a paragraph (often empty); blank rows at the end carry nothing.
    while reader.rows and reader.rows[-1].is_blank:
        reader.rows.pop()
    return Grid(dokumen=filename, format="docx", sheets=[Sheet(name=SHEET_NAME, rows=reader.rows)],
                decisions=reader.decisions)
