"""Months as Renaksi writes them, and every spelling the documents it reads use.

One spelling is written everywhere a user sees a month — the editor, the RA page, the template export, the import's
notes: the standard abbreviations ``Jan Feb Mar Apr Mei Jun Jul Agu Sep Okt Nov Des`` and the full names
``Januari … Desember`` in dates. Documents written elsewhere use other spellings (``Mrt``, ``Agt``, ``Nop``,
``Nopember``, English ``Aug``): `nomor_bulan` reads all of them, Renaksi never writes them.

The names are Indonesian document words; a page that shows them marks them for translation with
``gettext(nama_bulan(m))`` (decision 0001), a document keeps them as they are.
"""

from __future__ import annotations

from datetime import date

from django.utils.translation import gettext_noop

NAMA_BULAN: tuple[str, ...] = (
    gettext_noop("Januari"), gettext_noop("Februari"), gettext_noop("Maret"), gettext_noop("April"),
    gettext_noop("Mei"), gettext_noop("Juni"), gettext_noop("Juli"), gettext_noop("Agustus"),
    gettext_noop("September"), gettext_noop("Oktober"), gettext_noop("November"), gettext_noop("Desember"),
)
BULAN_SINGKAT: tuple[str, ...] = (
    gettext_noop("Jan"), gettext_noop("Feb"), gettext_noop("Mar"), gettext_noop("Apr"), gettext_noop("Mei"),
    gettext_noop("Jun"), gettext_noop("Jul"), gettext_noop("Agu"), gettext_noop("Sep"), gettext_noop("Okt"),
    gettext_noop("Nov"), gettext_noop("Des"),
)

# Spellings found in documents, read but never written (lower case).
_VARIAN = {
    "peb": 2, "mrt": 3, "may": 5, "agt": 8, "ags": 8, "agus": 8, "agust": 8, "aug": 8, "sept": 9, "oct": 10,
    "nop": 11, "nopember": 11, "dec": 12,
}
# Every name a document may give a month, lower case → 1–12.
NOMOR_BULAN: dict[str, int] = {
    **{nama.lower(): m for m, nama in enumerate(NAMA_BULAN, start=1)},
    **{singkat.lower(): m for m, singkat in enumerate(BULAN_SINGKAT, start=1)},
    **_VARIAN,
}


def nama_bulan(bulan: int) -> str:
    """1 → 'Januari'."""
    return NAMA_BULAN[bulan - 1]


def singkat_bulan(bulan: int) -> str:
    """8 → 'Agu'."""
    return BULAN_SINGKAT[bulan - 1]


def nomor_bulan(teks: str) -> int | None:
    """'Agt', 'agustus', 'Agu.' → 8; a word that names no month → None."""
    return NOMOR_BULAN.get(teks.strip().rstrip(".").lower())


def format_tanggal(value: date | None) -> str:
    """date(2024, 1, 2) → '2 Januari 2024' (never depends on the server's locale); None → ''."""
    if value is None:
        return ""
    return f"{value.day} {nama_bulan(value.month)} {value.year}"
