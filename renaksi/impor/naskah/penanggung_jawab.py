"""A PENANGGUNG JAWAB column the copy detached from its table: a list of jabatan written after the signature.

The list cannot be paired with the table's rows by guesswork, so it is kept (`penanggung_jawab_lepas`) and reported
(`pj.terlepas`), and no aksi or indikator gets a penanggung jawab from it. A jabatan wrapped onto the next line
(the line before ends with "dan", ",", "&", "-", "serta") is joined."""

from __future__ import annotations

from django.utils.translation import gettext

from renaksi.impor.dokumen import RencanaAksiDoc, Teks
from renaksi.impor.grid import Grid, Row, Sheet
from renaksi.impor.teks import bersih


def is_judul(text: str) -> bool:
    """The heading that starts such a list: "PENANGGUNG JAWAB" (any spacing) or "PJ"."""
    return text.upper().replace(" ", "") in ("PENANGGUNGJAWAB", "PJ")


def baca_lepas(doc: RencanaAksiDoc, grid: Grid, sheet: Sheet, rows: list[Row], index: int, n_baris: int) -> int:
    """Read the list under the heading at `rows[index]`; `n_baris`: the table's rows, for the message.
    Returns the index of the first row after the list."""
    entries: list[Teks] = []
    i = index + 1
    while i < len(rows):
        row = rows[i]
        if len([c for c in row.cells if c.strip()]) > 1:
            break
        text = bersih(row.cell(0))
        if text:
            place = grid.place(sheet, row)
            if entries and entries[-1].teks.upper().endswith((" DAN", ",", "&", "-", " SERTA")):
                entries[-1] = Teks(f"{entries[-1].teks} {text}", entries[-1].place)  # a wrapped jabatan
            else:
                entries.append(Teks(text, place))
        i += 1
    doc.penanggung_jawab_lepas.extend(entries)
    places = [e.place for e in entries if e.place]  # every entry has one
    if entries:
        doc.warn(
            "pj.terlepas",
            gettext(
                "Kolom PENANGGUNG JAWAB terlepas dari tabel: %(n_jabatan)s jabatan tertulis sesudah "
                "tanda tangan (baris %(baris_awal)s–%(baris_akhir)s), "
                "sedangkan tabel memiliki %(n_baris)s baris. Urutannya tidak dapat "
                "dipasangkan baris demi baris, jadi penanggung jawab tidak diisi. Daftar: %(teks)s."
            )
            % {
                "n_jabatan": len(entries),
                "baris_awal": places[0].baris,
                "baris_akhir": places[-1].baris,
                "n_baris": n_baris,
                "teks": "; ".join(e.teks for e in entries),
            },
            grid.place(sheet, rows[index]),
        )
    return i
