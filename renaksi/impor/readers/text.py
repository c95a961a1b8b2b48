"""Text/TSV copy → `Grid`: one sheet, one row per line, cells split on TAB.

This is what copying a table out of a PDF or Word gives: a merged cell comes out as an empty cell, a shaded cell as
an empty cell, a paragraph as a line of one cell. Nothing is stripped or joined here; the layouts decide.

A text copy of a PDF made with `pdftotext -layout` has no TABs: its columns are aligned with spaces. `is_aligned`
recognises it and `read_aligned` reads each block of aligned lines as a table (see there).
"""

from __future__ import annotations

import re

from renaksi.core.bulan import nomor_bulan
from renaksi.impor.grid import Grid, Row, Sheet

SHEET_NAME = "Teks"


def _lines(text: str) -> list[str]:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()  # the newline that ends the last line does not start another one
    return lines


def read_text(text: str, filename: str) -> Grid:
    rows = [Row(cells=line.split("\t"), number=number) for number, line in enumerate(_lines(text), start=1)]
    return Grid(dokumen=filename, format="teks", sheets=[Sheet(name=SHEET_NAME, rows=rows)])


# --- text aligned with spaces (pdftotext -layout) -------------------------------------------------------------------

_GAP = re.compile(r"\S {2,}\S")  # two texts of one line apart by two spaces or more: two columns
_PAGE_NUMBER = re.compile(r"^\s*(?:-\s*)?\d{1,4}(?:\s*-)?\s*$")
_NUMBERING = re.compile(r"^(?:no\.?|\d{1,3}(?:\.\d{1,3})*\.?|[a-z]\.|[ivx]{1,4}\.?)$", re.I)
_NUMBER = re.compile(r"^[\d.,%()/-]+$")


def is_aligned(text: str) -> bool:
    """Text whose lines are columns aligned with spaces: at least three lines hold two gaps of two spaces or more."""
    return sum(1 for line in text.split("\n") if len(_GAP.findall(line.replace("\f", ""))) >= 2) >= 3


def _table_line(line: str) -> bool:
    return bool(_GAP.search(line))


def read_aligned(text: str, filename: str) -> Grid:
    """A `pdftotext -layout` copy → `Grid`.

    Lines that hold two texts apart by two spaces or more are table lines; consecutive table lines (with the
    indented lines among them, which hold a cell's wrapped words) make a block. The columns of a block are where
    every line has a space: the runs of such positions separate the cells, so a long header sentence or a row of
    mostly empty cells still finds its columns. A line whose cells all lie under cells of the row above and hold no
    number is that row's cells continued on the next line (a wrapped name or header): its words are joined to
    them. Page breaks (form feeds) and page numbers alone on a line are left out; other lines are paragraphs, one
    cell each, as in a text copy."""
    lines = _lines(text)
    rows: list[Row] = []
    i = 0
    while i < len(lines):
        line = lines[i].replace("\f", "")
        if _page_number(lines, i):
            i += 1
            continue
        if not _table_line(line):
            rows.append(Row(cells=[line.strip()] if line.strip() else [], number=i + 1))
            i += 1
            continue
        start = i
        block = [line]
        i += 1
        while i < len(lines):
            nxt = lines[i].replace("\f", "")
            if ("\f" in lines[i] or not nxt.strip() or not (_table_line(nxt) or nxt.startswith(" "))
                    or _page_number(lines, i)):
                break
            block.append(nxt)
            i += 1
        rows += _block_rows(block, start + 1)
    return Grid(dokumen=filename, format="teks", sheets=[Sheet(name=SHEET_NAME, rows=rows)])


def _page_number(lines: list[str], i: int) -> bool:
    """A number alone on a line at the foot of a page (before a form feed, a blank line or the end)."""
    return bool(_PAGE_NUMBER.match(lines[i].replace("\f", "")) and lines[i].strip("\f ") and (
        i + 1 >= len(lines) or "\f" in lines[i + 1] or not lines[i + 1].strip()))


def _segments(line: str) -> list[tuple[int, int]]:
    """The texts of a line apart by two spaces or more, as (start, end); a run of month names ("Januari Februari
    Maret", the schedule's sub-header, which leaves one space between narrow columns) is one text per month."""
    out = []
    for m in re.finditer(r"\S+(?: \S+)*", line):
        words = list(re.finditer(r"\S+", m.group()))
        if len(words) > 1 and all(nomor_bulan(w.group()) for w in words):
            out += [(m.start() + w.start(), m.start() + w.end()) for w in words]
        else:
            out.append((m.start(), m.end()))
    return out


def _block_rows(block: list[str], first_number: int) -> list[Row]:
    """The rows of a block of aligned lines (see `read_aligned`)."""
    segs = [_segments(line) for line in block]
    left = min((line[0][0] for line in segs if line), default=0)
    column_starts = {a for line in segs for a, b in line if b - a > 1}
    for n, line in enumerate(block):
        # A text that runs into the next column with one space ("Laporan kunjungan Pengelolaan …") is split where
        # another line starts a text within its word (pdftotext pushes a text right when the one before it is too
        # long for its place); a row number or "No" at the left edge followed by
        # one space ("1. Program …", "No Uraian Aksi") is a cell of its own.
        split: list[tuple[int, int]] = []
        for a, b in segs[n]:
            cut = a
            words = list(re.finditer(r"\S+", line[a:b]))
            for k, w in enumerate(words[1:], start=1):
                x, end = a + w.start(), a + w.end()
                first = k == 1 and a == left and _NUMBERING.match(words[0].group())
                if first or any(x - 1 <= c < end for c in column_starts if c != a):
                    split.append((cut, a + words[k - 1].end()))
                    cut = x
            split.append((cut, b))
        segs[n] = split
    spans: list[list[int]] = []
    for a, b in sorted(s for line in segs for s in line if s[1] - s[0] > 1):
        if spans and a < spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], b)
        else:
            spans.append([a, b])
    for a, b in sorted(s for line in segs for s in line if s[1] - s[0] <= 1):
        # A mark or a one-digit value ("x", "0") belongs to the column it stands in or next to (pdftotext may
        # shift it a character); it does not widen a column into its neighbour.
        if not any(x - 1 <= a < y + 1 for x, y in spans):
            spans.append([a, b])
            spans.sort()
    rows: list[Row] = []
    for offset, line in enumerate(block):
        cells = [""] * len(spans)
        for a, b in segs[offset]:
            k = min(range(len(spans)), key=lambda i: 0 if spans[i][0] <= a < spans[i][1] else 1 + min(
                abs(a - spans[i][0]), abs(a - spans[i][1])))
            cells[k] = _join(cells[k], line[a:b].strip()) if cells[k] else line[a:b].strip()
        previous = rows[-1] if rows else None
        if (previous is not None and any(cells)
                and all(not c or previous.cells[k] for k, c in enumerate(cells))
                and not any(_NUMBER.match(c) for c in cells if c)
                and sum(1 for c in cells if c) < sum(1 for c in previous.cells if c)):
            previous.cells = [_join(p, c) for p, c in zip(previous.cells, cells, strict=True)]
            continue
        rows.append(Row(cells=cells, number=first_number + offset))
    return rows


def _join(head: str, tail: str) -> str:
    if not tail:
        return head
    if head.endswith(("-", "/")) and not head.endswith((" -", " /")):
        return head + tail
    return f"{head} {tail}"
