"""What every layout and table kind reads the same way: a target or pagu cell, an amount in a message.

- `baca_nilai` / `baca_uang` parse one cell with `renaksi.core.angka` and report what had to be decided (an
  ambiguous separator) or could not be read (kept as text, never dropped).
The title and signature blocks (text outside tables) are read in `renaksi.impor.naskah`.
"""

from __future__ import annotations

import re
from functools import partial

from django.utils.translation import gettext

from renaksi.core.angka import Angka, AngkaTidakValid, JenisAngka, format_rupiah, parse_angka
from renaksi.impor.dokumen import NilaiSel, RencanaAksiDoc, Uang
from renaksi.impor.grid import Place
from renaksi.impor.teks import bersih

_MONEY = re.compile(r"^(?:Rp\.?\s*)?(?:\d{1,3}(?:[.,]\d{3})+(?:[.,]\d{1,2})?|\d{4,}(?:[.,]\d{1,2})?)$", re.I)


# An amount in a decision's message: '1.030.000', '—' when unknown.
rp = partial(format_rupiah, kosong="—")


def looks_like_money(text: str) -> bool:
    """A cell that can only be an amount of rupiah: grouped digits ("1,030,000.00") or 4+ plain digits."""
    return bool(_MONEY.match(bersih(text)))


def baca_nilai(doc: RencanaAksiDoc, text: str, place: Place, satuan: str = "") -> NilaiSel:
    """A target cell. The kind (percentage or not) follows the cell's "%" or the indicator's satuan."""
    text = bersih(text)
    persen = "%" in text or "persen" in satuan.casefold() or "%" in satuan
    jenis = JenisAngka.PERSEN if persen else JenisAngka.UMUM
    try:
        angka = parse_angka(text, jenis)
    except AngkaTidakValid as exc:
        doc.warn("angka.tidak_terbaca", gettext("Target %(exc)s Disimpan sebagai teks saja, tanpa nilai "
                                                "angka.") % {"exc": exc}, place)
        return NilaiSel(Angka(teks=text), place)
    if angka.keputusan:
        doc.decide("angka.pemisah", angka.keputusan, place)
    return NilaiSel(angka, place)


def baca_uang(doc: RencanaAksiDoc, text: str, place: Place) -> Uang | None:
    """A pagu cell: whole rupiah, or None for an empty cell; unreadable text is kept (nilai None) and reported."""
    text = bersih(text)
    if not text or text in ("-", "–", "—"):
        return None
    try:
        angka = parse_angka(text, JenisAngka.UANG)
        if angka.kategori or angka.nilai is None:
            raise AngkaTidakValid(f"'{text}' bukan nilai uang.")
    except AngkaTidakValid as exc:
        doc.warn("pagu.tidak_terbaca", gettext("Pagu %(exc)s Pagu dibiarkan kosong; tulisan aslinya dicatat.")
                                       % {"exc": exc}, place)
        return Uang(None, text, place)
    if angka.keputusan:
        doc.decide("angka.pemisah", angka.keputusan, place)
    return Uang(int(angka.nilai), text, place)
