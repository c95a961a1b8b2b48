"""Paragraphs between the tables, in document order: a table's caption, "BIDANG …" headings that open a bidang's
pages, the numbered lists of tujuan and sasaran strategis, the Renstra period, and signature blocks (found here,
applied by `tanda_tangan.terapkan`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from renaksi.impor.dokumen import BidangDoc, Teks, TujuanDoc
from renaksi.impor.grid import Place, Row, Sheet
from renaksi.impor.rakit import Rakit
from renaksi.impor.tabel import Tabel
from renaksi.impor.teks import bersih, judul_kapital

from .tanda_tangan import TandaTangan, baca_tanda_tangan, tempat_tanggal

BIDANG = re.compile(r"^(?:BIDANG|SEKRETARIAT|SUB\s*BAGIAN|SUBBAGIAN|UPTD?|UNIT)\b[A-Z ,.&/()-]*$")
ITEM = re.compile(r"^\s*(\d{1,3})[.)]\s+(?P<teks>\S.*)$")
PERIODE = re.compile(r"(20\d\d)\s*[-–]\s*(20\d\d)")


@dataclass
class Peristiwa:
    """Something between the tables, in document order."""

    row: int
    value: str | TandaTangan  # a bidang heading's name, or a signature block


def caption(sheet: Sheet, tabel: Tabel) -> str:
    """The paragraphs just above a table's header (its caption and title lines), joined."""
    lines: list[str] = []
    rows = [r for r in sheet.rows if r.number < tabel.header.number]
    for row in reversed(rows[-8:]):
        cells = [c for c in row.cells if c.strip()]
        if len(cells) > 1:
            break
        if cells:
            lines.insert(0, bersih(cells[0]))
    return " ".join(lines)


def baca(rakit: Rakit, sheet: Sheet, tables: list[Tabel]) -> list[Peristiwa]:
    """Paragraphs outside the tables: lists, Renstra period, bidang headings, signatures."""
    doc, grid = rakit.doc, rakit.grid
    inside: set[int] = set()
    for t in tables:
        last = t.rows[-1].number if t.rows else t.header.number
        inside.update(range(t.header.number, last + 1))
    rows = sheet.rows
    events: list[Peristiwa] = []
    index = 0
    while index < len(rows):
        row = rows[index]
        text = bersih(row.cell(0))
        if row.number in inside or not text or len([c for c in row.cells if c.strip()]) > 1:
            index += 1
            continue
        place = grid.place(sheet, row)
        if tempat_tanggal(text):
            block = baca_tanda_tangan(doc, rows, index, lambda r: grid.place(sheet, r))
            if block is not None:
                events.append(Peristiwa(row.number, block))
                index = block.last_index + 1
                continue
        if BIDANG.match(text) and text.upper() == text and len(text) < 150:
            nama = judul_kapital(text)
            if doc.bidang_named(nama) is None:
                doc.bidang.append(BidangDoc(Teks(nama, place)))
            events.append(Peristiwa(row.number, nama))
        elif text.endswith(":") and re.search(r"\btujuan\b.*\b(strategis|jangka menengah|ingin dicapai)", text, re.I):
            doc.tujuan.extend(TujuanDoc(Teks(t, p), n) for t, p, n in _list_after(rakit, sheet, rows, index))
        elif text.endswith(":") and re.search(r"\bsasaran strategis\b", text, re.I):
            for uraian, p, nomor in _list_after(rakit, sheet, rows, index):
                rakit.sasaran(Teks(uraian, p), nomor)
        if doc.renstra_periode is None and re.search(r"renstra|rencana strategis", text, re.I):
            match = PERIODE.search(text)
            if match and int(match[1]) <= int(match[2]) <= int(match[1]) + 10:
                doc.renstra_periode = (int(match[1]), int(match[2]))
        index += 1
    return events


def _list_after(rakit: Rakit, sheet: Sheet, rows: list[Row], index: int) -> list[tuple[str, Place, str]]:
    """The numbered lines ("1. …") that follow an introducing paragraph, blank lines allowed between."""
    found = []
    for row in rows[index + 1:index + 40]:
        text = bersih(row.cell(0))
        if not text:
            continue
        match = ITEM.match(text)
        if not match or len([c for c in row.cells if c.strip()]) > 1:
            break
        found.append((match["teks"].strip(), rakit.grid.place(sheet, row), match[1]))
    return found
