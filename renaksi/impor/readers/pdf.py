"""PDF → `Grid` (pdfplumber, docs/decisions/0007-pdf-tables-with-pdfplumber.md): one sheet, the DOCX reader's form.

- A ruled table (cells drawn with borders, as Word, LibreOffice and WeasyPrint print them) is a run of rows, one cell
  per grid column; a merged cell gives its text once, the cells it covers are empty (as in a text copy).
- Text outside the tables is read line by line; a line that only ends because the next word did not fit (a wrapped
  paragraph) is joined with the next one, so a paragraph is one row of one cell, as in the DOCX reader; white space
  of a line or more between two lines (the room for a signature, also over a page break) is a blank row. Page
  numbers and running headers/footers (the same line at the same height on several pages) are left out.
- The lines of a cell are joined with single spaces (a line ending in "-" is joined without one).
- A table that goes on over the page break is one table: the header rows repeated on the next page are dropped,
  and a row split over the break (the piece on the first page is left open at the bottom, or the piece on the
  next page has no number in a table whose rows are all numbered) is joined back into one row. Both are reported.
  A merged cell (rowspan) that goes on over the break beside a row that ends there is not such a split: the row on
  the next page is a row of its own, the merged cell's part of it empty (as in a text copy).
- A cell's fill (its background rectangle) is kept in `Row.fills`, as for XLSX and DOCX.
Every row knows the page it starts on (`Row.halaman`), so a place reads "berkas x.pdf, halaman 3, baris 57, kolom 4".
Rows are numbered 1, 2, 3 … through the document.

Refused, saying why: a PDF that needs a password to open, a damaged PDF, a scanned PDF (pages that are pictures,
without a text layer: there is no OCR), a PDF of more than `MAX_PAGES` pages.
"""

from __future__ import annotations

import bisect
import io
import logging
import re
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from django.utils.translation import gettext

from renaksi.core.angka import format_angka
from renaksi.impor.grid import Catatan, Grid, ImporGagal, Place, Row, Sheet

from ._ooxml import MAX_COLS, MAX_ROWS, check_cell_length, check_size

log = logging.getLogger(__name__)

SHEET_NAME = "PDF"
MAX_PAGES = 400
TOLERANCE = 2.5  # points: two edges this close are the same line
# Points between a cell's border and its text, a little more than WeasyPrint's (1.5–2.5pt and the border): a word
# broken by a narrow column filled the cell up to there. Word and LibreOffice leave more room, so a broken word there
# may stay broken, but two words are never glued.
CELL_PADDING = 3.5
_PAGE_NUMBER = re.compile(r"^(?:hal(?:aman)?\.?\s*)?[-–]?\s*\d{1,4}\s*[-–]?(?:\s*(?:/|dari|of)\s*\d{1,4})?$", re.I)
_ROW_NUMBER = re.compile(r"^(?:\d{1,3}(?:\.\d{1,3})*\.?|[a-z][.)]|[ivx]{1,5}[.)]?)$", re.I)
_NUMBER = re.compile(r"^[-+]?(?:rp\.?\s*)?[\d.,]+%?$", re.I)


@dataclass
class _Piece:
    """A table as found on one page: rows of cells (None where a merged cell covers it), fills, geometry."""

    page: int
    top: float
    bottom: float
    columns: list[float]  # the x of each column's left edge, then the right edge of the last one
    rows: list[list[str]]
    fills: list[dict[int, str]]
    # The columns whose cell is cut by the page break (no line closes it) at the table's foot, at its head.
    open_bottom: set[int] = field(default_factory=set)
    open_top: set[int] = field(default_factory=set)
    lost: str = ""  # the words inside the table that fell in no cell


@dataclass
class _Line:
    page: int
    top: float
    bottom: float
    x0: float
    x1: float
    text: str
    size: float


@dataclass
class _Table:
    pieces: list[_Piece] = field(default_factory=list)


def _colour(value) -> str | None:
    """A PDF fill colour as hex ("C00000"); None for white, black text colour or no colour."""
    if value is None:
        return None
    if isinstance(value, int | float):
        value = (value,)
    try:
        parts = [float(v) for v in value]
    except (TypeError, ValueError):
        return None
    if len(parts) == 1:
        rgb = parts * 3
    elif len(parts) == 3:
        rgb = parts
    elif len(parts) == 4:  # CMYK
        c, m, y, k = parts
        rgb = [(1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k)]
    else:
        return None
    hexa = "".join(f"{round(max(0.0, min(1.0, v)) * 255):02X}" for v in rgb)
    return None if hexa == "FFFFFF" else hexa


def _join_lines(text: str | None) -> str:
    """The lines of a cell as one text: single spaces; a line ending in "-" or "/" is joined without one."""
    if not text:
        return ""
    out = ""
    for line in (part.strip() for part in text.split("\n")):
        if not line:
            continue
        if not out:
            out = line
        elif out.endswith(("-", "/")) and not out.endswith((" -", " /")):
            out += line
        else:
            out += " " + line
    return re.sub(r"[ \t]+", " ", out)


def _open_ends(page) -> list[dict]:
    """Lines that close the table cells a page break cut: at the foot (or head) of the page's table lines, where
    vertical lines stop without a horizontal line.

    A row that Word, WeasyPrint or a browser splits over a page break may be drawn without its bottom (or top)
    border, and so is a merged cell (rowspan) that goes on over the break beside a row that ends there; the table
    finder would then lose the cell and its text. A horizontal line is added across each cell (between two
    neighbouring vertical lines) that is open there: one of its sides ends open and no line closes it."""
    vertical = _joined([e for e in page.edges if e["orientation"] == "v" and e["bottom"] - e["top"] > TOLERANCE])
    if not vertical:
        return []
    horizontal = sorted((e for e in page.edges if e["orientation"] == "h"), key=lambda e: e["top"])
    tops = [h["top"] for h in horizontal]

    def closed(x: float, y: float) -> bool:
        lo = bisect.bisect_left(tops, y - TOLERANCE)
        hi = bisect.bisect_right(tops, y + TOLERANCE)
        return any(h["x0"] - TOLERANCE <= x <= h["x1"] + TOLERANCE for h in horizontal[lo:hi])

    out: list[dict] = []
    for y in {max(e["bottom"] for e in vertical), min(e["top"] for e in vertical)}:
        reach = sorted({round(e["x0"], 1) for e in vertical if e["top"] - TOLERANCE <= y <= e["bottom"] + TOLERANCE})
        ends = {x for x in reach if not closed(x, y)}
        spans = [(a, b) for a, b in zip(reach, reach[1:], strict=False)
                 if b - a > TOLERANCE and (a in ends or b in ends) and not closed((a + b) / 2, y)]
        for a, b in spans:
            if out and out[-1]["top"] == y and abs(out[-1]["x1"] - a) <= TOLERANCE:
                out[-1].update(x1=b, width=b - out[-1]["x0"])
            else:
                out.append({"x0": a, "x1": b, "top": y, "bottom": y, "width": b - a, "height": 0,
                            "orientation": "h", "object_type": "line"})
    return out


def _not_slanted(obj) -> bool:
    """Everything but a slanted character: a "DRAF" watermark drawn across the page at an angle is not text of
    the document (its letters would land in paragraphs and cells). Text turned a quarter (a vertical column
    heading) is kept."""
    if obj.get("object_type") != "char":
        return True
    a, b = (abs(v) for v in obj.get("matrix", (1, 0))[:2])
    return min(a, b) <= 0.05 * max(a, b, 1e-9)


def _joined(vertical: list[dict]) -> list[dict]:
    """Vertical lines drawn in pieces (WeasyPrint draws a merged cell's border once per row it covers) joined into
    one: where one piece ends and the next begins is not an open end."""
    out: list[dict] = []
    for e in sorted(vertical, key=lambda e: (round(e["x0"]), e["top"])):
        last = out[-1] if out else None
        if last is not None and abs(last["x0"] - e["x0"]) <= TOLERANCE and e["top"] <= last["bottom"] + TOLERANCE:
            out[-1] = {**last, "bottom": max(last["bottom"], e["bottom"])}
        else:
            out.append(e)
    return out


def _find_tables(page):
    extra = _open_ends(page)
    settings = {"explicit_horizontal_lines": extra} if extra else {}
    return page.find_tables(table_settings=settings), extra


def _open_columns(table, y: float, added: list[dict]) -> set[int]:
    """The columns of `table` whose cell ends at height `y` on a line `_open_ends` added."""
    lines = [a for a in added if abs(a["top"] - y) <= TOLERANCE]
    return {i for row in table.rows for i, cell in enumerate(row.cells)
            if cell is not None and (abs(cell[3] - y) <= TOLERANCE or abs(cell[1] - y) <= TOLERANCE)
            and any(a["x0"] <= (cell[0] + cell[2]) / 2 <= a["x1"] for a in lines)}


def _piece(page, table, number: int, added: list[dict], page_words: list[dict]) -> _Piece:
    filled = [(r, c) for r in page.rects if r.get("fill") and (c := _colour(r.get("non_stroking_color")))]
    texts, lost = _cell_texts(page_words, table)
    rows, fills = [], []
    columns: set[float] = set()
    for row, row_texts in zip(table.rows, texts, strict=True):
        row_fills: dict[int, str] = {}
        for index, cell in enumerate(row.cells):
            if cell is None:
                continue
            cx0, ctop, cx1, cbottom = cell
            columns.update((round(cx0, 1), round(cx1, 1)))
            area = max((cx1 - cx0) * (cbottom - ctop), 1e-6)
            for rect, colour in filled:
                w = min(cx1, rect["x1"]) - max(cx0, rect["x0"])
                h = min(cbottom, rect["bottom"]) - max(ctop, rect["top"])
                if w > 0 and h > 0 and w * h >= 0.6 * area and (rect["x1"] - rect["x0"]) * (
                        rect["bottom"] - rect["top"]) <= 1.5 * area:
                    row_fills[index] = colour
        rows.append([_join_lines(t) for t in row_texts])
        fills.append(row_fills)
    x0, top, x1, bottom = table.bbox
    return _Piece(page=number, top=top, bottom=bottom, columns=sorted(columns), rows=rows, fills=fills,
                  open_bottom=_open_columns(table, bottom, added), open_top=_open_columns(table, top, added),
                  lost=lost)


def _cell_texts(page_words: list[dict], table) -> tuple[list[list[str | None]], str]:
    """The text of every cell, word by word: a word belongs to the cell that holds its middle.

    pdfplumber places each character by its own middle, so a word wider than its narrow cell (a month name in a
    schedule column, which WeasyPrint or Word lets overflow into the padding) loses its first letter to the cell
    on its left ("Mei J" | "uni"). Words are told apart by a gap of more than a point and a half, less than the
    padding between two cells' texts. `page_words`: the page's words (`extract_words(x_tolerance=1.5)`).
    Also the words inside the table that no cell holds (a cell the table finder did not see), as one text."""
    x0, top, x1, bottom = table.bbox
    words = [w for w in page_words
             if x0 <= (w["x0"] + w["x1"]) / 2 <= x1 and top <= (w["top"] + w["bottom"]) / 2 <= bottom]
    out: list[list[str | None]] = []
    placed: set[int] = set()
    for row in table.rows:
        texts: list[str | None] = []
        for cell in row.cells:
            if cell is None:
                texts.append(None)
                continue
            cx0, ctop, cx1, cbottom = cell
            inside = [w for w in words
                      if cx0 <= (w["x0"] + w["x1"]) / 2 < cx1 and ctop <= (w["top"] + w["bottom"]) / 2 < cbottom]
            placed.update(id(w) for w in inside)
            lines: list[list[dict]] = []
            for w in sorted(inside, key=lambda w: (w["top"], w["x0"])):
                if lines and abs(lines[-1][0]["top"] - w["top"]) <= 2:
                    lines[-1].append(w)
                else:
                    lines.append([w])
            texts.append(_unbroken([sorted(line, key=lambda w: w["x0"]) for line in lines], cx1 - cx0))
        out.append(texts)
    lost = " ".join(w["text"] for w in sorted((w for w in words if id(w) not in placed),
                                                  key=lambda w: (round(w["top"] / 2), w["x0"])))
    return out, lost


def _unbroken(lines: list[list[dict]], width: float) -> str:
    """The lines of a cell, a word broken over lines joined back ("Ja" / "n" → "Jan", "TARGE" / "T" → "TARGET").

    A word wider than its narrow column (a month name in a schedule, a header over a thin column) is broken where
    the cell ends: the line holds one short piece of letters (five at most), the next line's first letter would
    not have fitted after it (the cell's padding taken as `CELL_PADDING`), and the next line goes on with a small
    letter (or capitals after capitals: "TARGE" / "T"). Otherwise a line was wrapped between words and keeps its
    space: the geometry of "Monitoring" / "dan" in a cell just too narrow for both is the same as that of a broken
    word, so a long piece is never joined."""
    out = ""
    for i, line in enumerate(lines):
        text = " ".join(w["text"] for w in line)
        if i:
            prev, first = lines[i - 1], line[0]
            letter = (first["x1"] - first["x0"]) / max(len(first["text"]), 1)
            piece, rest = prev[0]["text"], first["text"]
            goes_on = rest[:1].islower() or (piece.isalpha() and piece.isupper() and rest[:1].isupper())
            broken = (len(prev) == 1 and piece.isalpha() and len(piece) <= 5 and goes_on
                      and prev[0]["x1"] - prev[0]["x0"] + letter > width - 2 * CELL_PADDING)
            out += "" if broken else "\n"
        out += text
    return out


def _inside(obj, boxes) -> bool:
    cx, cy = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
    return any(x0 - 1 <= cx <= x1 + 1 and top - 1 <= cy <= bottom + 1 for x0, top, x1, bottom in boxes)


def _lines(page, number: int, boxes) -> list[_Line]:
    outside = page.filter(lambda obj: obj.get("object_type") != "char" or not _inside(obj, boxes))
    lines = []
    for line in outside.extract_text_lines(return_chars=True, strip=True):
        text = line["text"].strip()
        if not text:
            continue
        sizes = [c.get("size", 0) for c in line.get("chars", [])]
        lines.append(_Line(number, line["top"], line["bottom"], line["x0"], line["x1"], text,
                           max(sizes) if sizes else line["bottom"] - line["top"]))
    return lines


def _furniture(lines: list[_Line], heights: dict[int, float]) -> set[int]:
    """Indexes of page numbers and running headers/footers: in the top or bottom eighth of the page, a page number
    or the same text (digits aside) at the same height on at least two pages."""
    def margin(line: _Line) -> bool:
        height = heights[line.page]
        return line.bottom < height / 8 or line.top > height * 7 / 8

    key = [(re.sub(r"\d+", "#", ln.text), round(ln.top / 4)) for ln in lines]
    pages_of: Counter[tuple[str, int]] = Counter()
    for k, pages in {k: {ln.page for ln, kk in zip(lines, key, strict=True) if kk == k} for k in set(key)}.items():
        pages_of[k] = len(pages)
    return {i for i, ln in enumerate(lines)
            if margin(ln) and (_PAGE_NUMBER.match(ln.text) or pages_of[key[i]] >= 2)}


def _paragraphs(lines: list[_Line]) -> list[_Line]:
    """Join the lines of a wrapped paragraph: a line is continued by the next when the next one's first word would
    not have fitted after it, the next line follows closely below in the same type size and does not stand right of
    the paragraph's left edge."""
    if not lines:
        return []
    right = max(ln.x1 for ln in lines)
    out: list[_Line] = []
    start_x0 = None
    for line in lines:
        prev = out[-1] if out else None
        if prev is not None and prev.page == line.page:
            height = max(prev.size, 1.0)
            first = line.text.split(" ")[0]
            first_width = (line.x1 - line.x0) * len(first) / max(len(line.text), 1)
            wrapped = prev.x1 + height * 0.3 + first_width > right - height * 0.5
            close = -TOLERANCE <= line.top - prev.bottom <= height * 0.4
            same = abs(line.size - prev.size) <= 0.5 and line.x0 <= (start_x0 or prev.x0) + TOLERANCE
            if wrapped and close and same:
                joined = prev.text + ("" if prev.text.endswith(("-", "/")) and not prev.text.endswith((" -", " /"))
                                      else " ")
                out[-1] = _Line(prev.page, prev.top, line.bottom, prev.x0, line.x1, joined + line.text, prev.size)
                start_x0 = min(start_x0 or prev.x0, line.x0)
                continue
        out.append(line)
        start_x0 = line.x0
    return out


def _norm(cells: list[str]) -> list[str]:
    return [" ".join(c.split()).casefold() for c in cells]


def _same_columns(a: _Piece, b: _Piece) -> bool:
    width = lambda p: len(p.rows[0]) if p.rows else 0  # noqa: E731
    if width(a) != width(b):
        return False
    if len(a.columns) != len(b.columns):
        return True  # same number of cells per row; a merged cell may hide an edge on one page
    return all(abs(x - y) <= 3 * TOLERANCE for x, y in zip(a.columns, b.columns, strict=True))


def _numbered(rows: list[list[str]], start: int) -> bool:
    """Is every data row of the table numbered in its first column ("1", "2.1", "a.")?"""
    data = [r for r in rows[start:] if any(r)]
    return bool(data) and all(r[0] and _ROW_NUMBER.match(r[0].strip()) for r in data)


# Told of every page read, (pages read, pages): a background job's progress (`impor.tugas`). Set with `per_halaman`.
_PER_HALAMAN: ContextVar[Callable[[int, int], None] | None] = ContextVar("per_halaman", default=None)


@contextmanager
def per_halaman(lapor: Callable[[int, int], None]) -> Iterator[None]:
    """Within the block, `lapor(pages read, pages)` is called after each page a PDF reader reads."""
    token = _PER_HALAMAN.set(lapor)
    try:
        yield
    finally:
        _PER_HALAMAN.reset(token)


def jumlah_halaman(data: bytes) -> int | None:
    """The page count a PDF states (milliseconds: the page tree is not read); None when it cannot be opened
    (`read_pdf` then says why)."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1

    try:
        count = resolve1(resolve1(PDFDocument(PDFParser(io.BytesIO(data))).catalog["Pages"])["Count"])
    except Exception:  # damaged, encrypted: read_pdf refuses it with its message
        return None
    return count if isinstance(count, int) else None


def read_pdf(data: bytes, filename: str) -> Grid:
    """Read a text PDF into a `Grid`, or raise `ImporGagal` naming the file, page, row and column."""
    check_size(data, filename)
    place = Place(filename)
    import pdfplumber  # heavy: only a PDF import needs it
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        pages = pdf.pages
    except Exception as exc:  # the file is the only input: any parser failure is a bad file, said plainly
        cause: BaseException | None = exc
        while cause is not None and not isinstance(cause, PDFPasswordIncorrect):
            cause = cause.__cause__ or cause.__context__
        if cause is not None or "password" in str(exc).lower():
            raise ImporGagal(
                gettext("PDF ini dilindungi kata sandi (terenkripsi) sehingga isinya tidak dapat dibaca. Buka di "
                        "pembaca PDF dengan kata sandinya, cetak atau simpan ulang tanpa kata sandi, lalu unggah "
                        "lagi."),
                place,
            ) from exc
        log.info("PDF %s tidak terbaca: %r", filename, exc)
        raise ImporGagal(
            gettext("berkas PDF rusak atau terpotong sehingga tidak dapat dibaca. Simpan ulang dari aslinya, lalu "
                    "unggah lagi."),
            place,
        ) from exc
    try:
        return _read(pdf, pages, filename)
    except ImporGagal:
        raise
    except Exception as exc:
        log.info("PDF %s tidak terbaca: %r", filename, exc)
        raise ImporGagal(
            gettext("berkas PDF tidak dapat dibaca. Simpan ulang dari aslinya (misalnya Cetak → Simpan sebagai "
                    "PDF), lalu unggah lagi."),
            place,
        ) from exc
    finally:
        pdf.close()


def _read(pdf, pages, filename: str) -> Grid:
    place = Place(filename)
    if len(pages) > MAX_PAGES:
        raise ImporGagal(gettext("PDF berisi %(jumlah)s halaman; paling banyak %(batas)s.")
                         % {"jumlah": format_angka(len(pages)), "batas": format_angka(MAX_PAGES)}, place)
    if not any(page.chars for page in pages):
        if any(page.images for page in pages):
            raise ImporGagal(
                gettext("PDF ini hasil pindaian: halaman-halamannya berupa gambar tanpa lapisan teks, sehingga "
                        "tulisannya tidak dapat dibaca (Renaksi tidak membaca teks dari gambar/OCR). Unggah PDF "
                        "yang dibuat langsung dari Word atau Excel, atau berkas DOCX/XLSX aslinya."),
                place,
            )
        raise ImporGagal(gettext("PDF ini tidak berisi teks yang dapat dibaca (%(jumlah)s halaman tanpa tulisan).")
                         % {"jumlah": format_angka(len(pages))}, place)
    blocks: list[tuple[int, float, _Piece | _Line]] = []  # (page, top, block)
    lines: list[_Line] = []
    heights: dict[int, float] = {}
    lapor = _PER_HALAMAN.get()
    for number, page in enumerate(pages, start=1):
        heights[number] = float(page.height)
        page = page.filter(_not_slanted)
        tables, added = _find_tables(page)
        words = page.extract_words(x_tolerance=1.5, y_tolerance=2) if tables else []  # once for all its tables
        pieces = [_piece(page, t, number, added, words) for t in tables]
        pieces = [p for p in pieces if p.rows and max(len(r) for r in p.rows) >= 2]
        for p in pieces:
            blocks.append((number, p.top, p))
        lines.extend(_lines(page, number, [(min(p.columns), p.top, max(p.columns), p.bottom)
                                           for p in pieces if p.columns]))
        if lapor is not None:
            lapor(number, len(pages))
    furniture = _furniture(lines, heights)
    kept = _paragraphs([ln for i, ln in enumerate(lines) if i not in furniture])
    blocks.extend((ln.page, ln.top, ln) for ln in kept)
    blocks.sort(key=lambda b: (b[0], b[1]))
    tops = [b[2].top for b in blocks]
    bottoms = [b[2].bottom for b in blocks]
    return _assemble([b[2] for b in blocks], filename, (min(tops, default=0), max(bottoms, default=0)))


def _gap(previous: _Line, line: _Line, area: tuple[float, float]) -> bool:
    """Is there white space of a line or more between two lines of text (a signature's room, a blank line)?

    On the same page, measured between them; over a page break, the room left at the foot of the first page or
    above the line on the next (the text area is where the document's text reaches on any page)."""
    size = max(previous.size, 1.0)
    if previous.page == line.page:
        return line.top - previous.bottom > size
    return area[1] - previous.bottom > 2 * size or line.top - area[0] > 2 * size


def _assemble(blocks: list[_Piece | _Line], filename: str, area: tuple[float, float]) -> Grid:
    grid = Grid(dokumen=filename, format="pdf")
    rows: list[Row] = []

    def add(cells: list[str], fills: dict[int, str], page: int) -> Row:
        if len(rows) >= MAX_ROWS:
            raise ImporGagal(gettext("dokumen berisi lebih dari %(MAX_ROWS)s baris (paragraf dan baris tabel).")
                             % {"MAX_ROWS": MAX_ROWS}, Place(filename, halaman=page))
        while cells and not cells[-1].strip():
            cells.pop()
        row = Row(cells=cells, number=len(rows) + 1, fills=fills, halaman=page)
        for col, text in enumerate(cells):
            check_cell_length(text, Place(filename, baris=row.number, kolom=col + 1, halaman=page),
                              gettext("sel baris %(baris)s kolom %(kolom)s") % {"baris": row.number,
                                                                               "kolom": col + 1})
        if len(cells) > MAX_COLS:
            raise ImporGagal(gettext("tabel berisi lebih dari %(MAX_COLS)s kolom.") % {"MAX_COLS": MAX_COLS},
                             Place(filename, baris=row.number, halaman=page))
        rows.append(row)
        return row

    table_rows: list[Row] = []  # the rows of the table being read (for a split row, its last one)
    first_piece: _Piece | None = None
    previous: _Piece | _Line | None = None
    for block in blocks:
        if isinstance(block, _Line):
            if isinstance(previous, _Line) and _gap(previous, block, area):
                add([], {}, block.page)  # white space of a line or more (a signature's gap) reads as a blank line
            add([block.text], {}, block.page)
            first_piece, previous = None, block
            continue
        piece: _Piece = block
        if piece.lost:
            grid.warnings.append(Catatan(
                "pdf.teks_di_luar_sel",
                gettext("Teks di dalam tabel halaman %(halaman)s tidak berada di sel mana pun (garis selnya tidak "
                        "lengkap) sehingga tidak dibaca: “%(teks)s”.")
                % {"halaman": piece.page, "teks": _ringkas(piece.lost)},
                Place(filename, halaman=piece.page, baris=len(rows) + 1),
            ))
        body = list(piece.rows)  # the rows to add; the first may lose the cells that go on a cut row
        start = 0
        continues = (isinstance(previous, _Piece) and first_piece is not None and piece.page == previous.page + 1
                     and _same_columns(previous, piece))
        if continues:
            assert first_piece is not None and isinstance(previous, _Piece)
            header = 0
            while (header < len(piece.rows) and header < len(first_piece.rows) - 1
                   and any(piece.rows[header]) and _norm(piece.rows[header]) == _norm(first_piece.rows[header])):
                header += 1
            after = next((r for r in piece.rows[header:] if any(r)), None)
            if header and after is not None and after[0].strip() in ("1", "1."):
                continues = False  # the same header with numbering from 1: a new table that starts on this page
            else:
                start = header
                last = table_rows[-1] if table_rows else None
                if header:
                    grid.decisions.append(Catatan(
                        "pdf.judul_diulang",
                        gettext("Tabel berlanjut ke halaman %(halaman)s; %(jumlah)s baris judul kolom yang diulang "
                                "di halaman itu dilewati.") % {"halaman": piece.page, "jumlah": header},
                        Place(filename, halaman=piece.page, baris=last.number + 1 if last else None),
                    ))
                nxt = body[start] if start < len(body) else None
                cut = _split_columns(previous, piece, table_rows, nxt) if last and nxt else set()
                rest = [text if col not in cut else "" for col, text in enumerate(nxt or [])]
                going_on = sorted(c for c in cut if nxt and c < len(nxt) and nxt[c])
                if last is not None and nxt is not None and going_on:
                    for col in going_on:
                        while len(last.cells) <= col:
                            last.cells.append("")
                        text = nxt[col]
                        last.cells[col] = _join_lines(f"{last.cells[col]}\n{text}") if last.cells[col] else text
                        if col in piece.fills[start]:
                            last.fills[col] = piece.fills[start][col]
                    grid.decisions.append(Catatan(
                        "pdf.baris_terbelah",
                        (gettext("Baris %(baris)s terbelah oleh pergantian halaman %(dari)s–%(ke)s; kedua bagiannya "
                                 "dibaca sebagai satu baris.") if not any(rest) else
                         gettext("Sel gabungan baris %(baris)s berlanjut melewati pergantian halaman "
                                 "%(dari)s–%(ke)s; lanjutan teksnya disambung ke sel itu, sel lain di halaman "
                                 "%(ke)s dibaca sebagai baris berikutnya."))
                        % {"baris": last.number, "dari": previous.page, "ke": piece.page},
                        Place(filename, halaman=last.halaman, baris=last.number),
                    ))
                if cut and any(rest):  # a row of its own beside a merged cell that goes on over the break
                    body[start] = rest
                elif cut:
                    start += 1
        if not continues:
            first_piece, table_rows = piece, []
        for cells, fills in zip(body[start:], piece.fills[start:], strict=True):
            table_rows.append(add(list(cells), dict(fills), piece.page))
        previous = piece
    grid.sheets.append(Sheet(name=SHEET_NAME, rows=rows))
    return grid


def _ringkas(text: str, limit: int = 200) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


def _split_columns(previous: _Piece, piece: _Piece, table_rows: list[Row], nxt: list[str]) -> set[int]:
    """The columns in which `nxt`, the first row on the new page, goes on with the row the page break cut.

    The cells left open at the foot of the previous page (no line closes them) or at the head of this one: all of
    a row cut in two, or only a merged cell (rowspan) that goes on beside a row of its own, whose cells are closed
    and stay empty on the new page. Without lines to tell, in a table whose data rows are all numbered, every
    column when `nxt` has no number and no cell that is only a number (the rest of a row's texts)."""
    if not any(nxt):
        return set()
    if previous.open_bottom or piece.open_top:
        return previous.open_bottom | piece.open_top
    if nxt[0].strip():
        return set()
    rows = [r.cells for r in table_rows]
    header = next((i for i, r in enumerate(rows) if r and _ROW_NUMBER.match(r[0].strip() or "-")), None)
    split = header is not None and _numbered(rows, header) and not any(
        _NUMBER.match(text.strip()) for text in nxt if text.strip())
    return set(range(len(nxt))) if split else set()
