"""The document's title lines above its first table: the Perangkat Daerah, the Pemda (kabupaten / kota /
provinsi), the year and the plan's title.

The title is a line, never a sentence of the text: a line that ends with a full stop or a colon ("… dokumen Rencana
Aksi Dinas X Tahun 2024 dapat diselesaikan.") is not one. In a PDF only the cover (the first page with text) is
read, so the foreword and BAB I under it never name the plan."""

from __future__ import annotations

import re
from dataclasses import dataclass

from renaksi.impor.dokumen import RencanaAksiDoc, Teks
from renaksi.impor.grid import Grid, Place, Sheet
from renaksi.impor.tabel import Tabel
from renaksi.impor.teks import bersih, judul_kapital

_PD_PEMDA = re.compile(
    r"(?P<pd>\b(?:BADAN|DINAS|KANTOR|SEKRETARIAT|INSPEKTORAT|SATUAN|RUMAH SAKIT|BAGIAN|KECAMATAN|UPTD?)\b.*?)"
    r"\s+(?P<jenis>KABUPATEN|KOTA|PROVINSI)\s+(?P<nama>[A-Z][A-Z .'-]*?[A-Z])(?=\s+TAHUN\b|\s*$)",
)
_TAHUN = re.compile(r"\bTAHUN\s+(?P<tahun>20\d\d)\b", re.I)


@dataclass
class Judul:
    judul: Teks | None = None
    perangkat_daerah: Teks | None = None
    pemda_jenis: str = ""
    pemda_nama: str = ""
    tahun: int | None = None


def baca_judul(lines: list[tuple[str, Place]]) -> Judul:
    """PD, Pemda and year from the title lines (the paragraphs before the first table), single lines first."""
    found = Judul()
    cleaned = [(bersih(t).upper(), bersih(t), p) for t, p in lines if bersih(t)]
    titles = [(u, raw, p) for u, raw, p in cleaned if not raw.endswith((".", ":"))]
    candidates = [(u, raw, p) for u, raw, p in cleaned]
    candidates += [(a[0] + " " + b[0], a[1] + " " + b[1], a[2]) for a, b in zip(cleaned, cleaned[1:], strict=False)]
    for upper, _raw, place in candidates:
        match = _PD_PEMDA.search(upper)
        if match and found.perangkat_daerah is None:
            pd = re.sub(r"^KANTOR\s+(?=BADAN|DINAS)", "", match["pd"].strip())
            found.perangkat_daerah = Teks(judul_kapital(pd), place)
            found.pemda_jenis = match["jenis"].lower()
            found.pemda_nama = judul_kapital(match["nama"])
    for upper, raw, place in titles:
        if "RENCANA AKSI" in upper and (match := _TAHUN.search(upper)):
            found.tahun = int(match["tahun"])
            found.judul = Teks(raw, place)
            break
    if found.judul is None:  # the plan's own title, as the RA document's cover prints it ("Rencana Aksi … 2024")
        found.judul = next((Teks(raw, place) for upper, raw, place in titles
                            if upper.startswith("RENCANA AKSI ") and len(upper.split()) > 3), None)
    if found.tahun is None:
        for upper, raw, place in cleaned:
            if match := _TAHUN.search(upper):
                found.tahun = int(match["tahun"])
                if found.judul is None and not raw.endswith((".", ":")):
                    found.judul = Teks(raw, place)
                break
    return found



def baca(doc: RencanaAksiDoc, grid: Grid, sheet: Sheet, tables: list[Tabel]) -> None:
    """Fill the title, PD, Pemda and year from the one-cell rows above the sheet's first table (once)."""
    if doc.tahun is not None or doc.perangkat_daerah is not None:
        return
    first = tables[0].header.number if tables else (sheet.rows[-1].number + 1 if sheet.rows else 0)
    rows = [r for r in sheet.rows if r.number < first and len([c for c in r.cells if c.strip()]) == 1]
    cover = next((r.halaman for r in rows if r.halaman is not None), None)
    lines = [(r.cell(0), grid.place(sheet, r)) for r in rows if r.halaman == cover]
    judul = baca_judul(lines)
    doc.judul = judul.judul
    doc.perangkat_daerah = judul.perangkat_daerah
    doc.pemda_jenis, doc.pemda_nama, doc.tahun = judul.pemda_jenis, judul.pemda_nama, judul.tahun
