"""Layout recognisers: a `Grid` → a `RencanaAksiDoc`, whatever file format the grid came from.

A layout is a module with
- `NAME`: its name ("matriks", "laporan", "template"),
- `detect(grid) -> int`: how sure it is that it can read the grid (0 = not at all, 100 = certain), judged by
  headers and their synonyms, never by file names or line numbers,
- `read(grid) -> RencanaAksiDoc`: the reading, or `ImporGagal` naming the place that could not be read.
`choose` asks every layout and uses the surest. A new layout is one module added to `LAYOUTS`.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from django.utils.translation import gettext, gettext_noop

from renaksi.impor.dokumen import RencanaAksiDoc
from renaksi.impor.grid import Grid, ImporGagal, Place
from renaksi.impor.tabel import find_tables

LAYOUTS = [
    "renaksi.impor.layouts.template",  # the Renaksi XLSX/DOCX template (written by the template's owner)
    "renaksi.impor.layouts.matriks",
    "renaksi.impor.layouts.laporan",
]


def available() -> list[ModuleType]:
    modules = []
    for name in LAYOUTS:
        try:
            modules.append(importlib.import_module(name))
        except ModuleNotFoundError as exc:
            if exc.name != name:  # the layout exists but something it needs is missing: a real error
                raise
    return modules


def choose(grid: Grid) -> ModuleType:
    scored = [(layout.detect(grid), index, layout) for index, layout in enumerate(available())]
    score, _index, layout = max(scored, key=lambda s: (s[0], -s[1]))
    if score <= 0:
        tabel = _first_table(grid)
        if tabel is None:
            raise ImporGagal(
                gettext(
                    "tidak ditemukan tabel rencana aksi yang dikenali. Dibutuhkan tabel dengan "
                    "kolom %(kolom)s."
                )
                % {"kolom": gettext(COLUMNS)},
                Place(grid.dokumen),
            )
        raise ImporGagal(gettext("tabel dengan kolom %(judul)s tidak memuat kolom yang dibutuhkan: %(kolom)s.")
                         % {"judul": ", ".join(tabel.judul_kolom.values()), "kolom": gettext(COLUMNS)},
                         tabel.header_place())
    return layout


COLUMNS = gettext_noop("INDIKATOR dengan TARGET atau TRIWULAN I–IV, PROGRAM / KEGIATAN / SUB KEGIATAN dengan "
                       "ANGGARAN (PAGU), atau AKSI/KEGIATAN")


def _first_table(grid: Grid):
    return next((t for sheet in grid.sheets for t in find_tables(grid, sheet)), None)


def read(grid: Grid, jenis: dict[str, str] | None = None) -> RencanaAksiDoc:
    """The document read by the surest layout; `jenis` names the kind of some tables ({table title: kind})."""
    layout = choose(grid)
    doc = layout.read(grid, jenis) if jenis else layout.read(grid)
    doc.layout = doc.layout or layout.NAME
    doc.format = doc.format or grid.format
    return doc
