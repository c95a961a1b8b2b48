"""The statement page of a Perjanjian Kinerja: the two parties, each as "Nama : …", "Jabatan : …", "NIP : …",
"Pangkat/Gol : …" lines (paragraphs, or a small table "Nama | : | …"), called "PIHAK PERTAMA" / "PIHAK KEDUA" —
after the lines ("… selanjutnya disebut PIHAK PERTAMA") or above them as a heading ("PIHAK PERTAMA:").

`baca(doc, grid)` gives the parties as the page states them (`Pihak`), each a `PejabatDoc` with its places; the PK
kind puts them into the PK (`jenis/pk.py`, decision `pk.pihak`). An invalid NIP is a warning and not kept, as in a
signature block."""

from __future__ import annotations

import re
from dataclasses import dataclass

from renaksi.impor.dokumen import PejabatDoc, RencanaAksiDoc, Teks
from renaksi.impor.grid import Grid
from renaksi.impor.naskah.tanda_tangan import ACTING, nip_sah
from renaksi.impor.teks import bersih

_FIELD = re.compile(r"^(?:\d+\.\s*)?(?P<kunci>nama|jabatan|nip|pangkat(?:\s*/\s*gol(?:ongan)?\.?)?|golongan)"
                    r"\s*:\s*(?P<isi>\S.*)$", re.I)
_PIHAK = re.compile(r"\bpihak\s+(?P<pihak>pertama|kedua)\b", re.I)
_GOLONGAN = re.compile(r"\(?\s*(?P<gol>[IV]{1,3})\s*/\s*(?P<ruang>[a-e])\s*\)?\s*$", re.I)


@dataclass
class Pihak:
    pertama: PejabatDoc | None = None
    kedua: PejabatDoc | None = None


def baca(doc: RencanaAksiDoc, grid: Grid) -> Pihak:
    pihak = Pihak()
    fields: dict[str, Teks] = {}
    heading = ""  # "pertama"/"kedua" written above the lines that follow

    def close(which: str) -> None:
        nonlocal fields, heading
        if "nama" in fields and getattr(pihak, which) is None:
            setattr(pihak, which, _pejabat(doc, fields))
        fields, heading = {}, ""

    for sheet in grid.sheets:
        for row in sheet.rows:
            line = " ".join(bersih(c) for c in row.cells if bersih(c))
            line = re.sub(r"\s+:", ":", line)  # "Nama | : | Ani" → "Nama: Ani"
            if match := _FIELD.match(line):
                kunci = match["kunci"].casefold()
                kunci = "pangkat" if kunci.startswith(("pangkat", "golongan")) else kunci
                if kunci in fields:  # a second "Nama": the next party's lines
                    if heading:
                        close(heading)
                    else:
                        fields.clear()
                fields[kunci] = Teks(match["isi"].strip(), grid.place(sheet, row))
                continue
            if found := list(_PIHAK.finditer(line)):  # "selaku atasan pihak pertama, … disebut PIHAK KEDUA"
                which = found[-1]["pihak"].casefold()
                if "nama" in fields and not heading:
                    close(which)  # "… selanjutnya disebut PIHAK PERTAMA"
                else:
                    if heading:
                        close(heading)
                    heading = which
            if pihak.pertama is not None and pihak.kedua is not None:
                return pihak
    if heading:
        close(heading)
    return pihak


def _pejabat(doc: RencanaAksiDoc, fields: dict[str, Teks]) -> PejabatDoc:
    nama = fields["nama"]
    jabatan = fields.get("jabatan") or Teks("", nama.place)
    status, jabatan_teks = "definitif", jabatan.teks
    if m := ACTING.match(jabatan_teks):
        status, jabatan_teks = m["status"].lower(), jabatan_teks[m.end():].strip()
    pangkat = golongan = ""
    if "pangkat" in fields:
        text = fields["pangkat"].teks
        if m := _GOLONGAN.search(text):
            golongan = f"{m['gol'].upper()}/{m['ruang'].lower()}"
            text = text[:m.start()]
        pangkat = text.strip(" ,/-")
    nip_teks = fields.get("nip")
    return PejabatDoc(nama=nama, jabatan=Teks(jabatan_teks, jabatan.place), nip=nip_sah(doc, nip_teks), nip_teks=nip_teks,
                      pangkat=pangkat, golongan=golongan, status=status)

