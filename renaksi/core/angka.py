"""Numbers as they are written in Indonesian planning documents, read one cell at a time.

One document mixes English grouping (``1,030,000.00``), Indonesian grouping (``53.943.679.550``), comma decimals
(``33,33``), point decimals (``6.25``), percentages (``29,17%``), categories with a score (``B (67,34)``),
numbers with a unit (``207,440.00 orang``, ``1200 Orang``), remarks (``30 (1 Forum)``), empty cells and ``-``.

Rules, in order:
- both ``.`` and ``,`` present: the one that comes last is the decimal separator, the other groups thousands;
- one separator repeated (``1.030.000``, ``2,718,270,000``): it groups thousands (the groups must be 3 digits);
- one separator once, followed by 1, 2 or 4+ digits (``33,33``, ``6.25``): it is the decimal separator;
- one separator once, followed by exactly 3 digits (``1.500``): ambiguous. It is decided by the kind of value —
  money is whole rupiah so it groups; a percentage is small so it is a decimal; anything else follows the
  Indonesian convention (``.`` groups, ``,`` is decimal) — and the decision is reported in ``Angka.keputusan``.
  With ``strict=True`` (forms typed by a person) an ambiguous percentage or plain number is refused instead.

Refused everywhere, because each would otherwise be read as a different number: scientific notation (``1e400
laporan`` is not 1 laporan) and digits other than 0–9 (``١٢٣``, ``१२३``: Python reads them as 123, a person
reading the plan does not).

Values keep the decimals that were written (``16.20`` stays ``Decimal("16.20")``), because rounding tolerance
follows what the document shows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from enum import StrEnum


class JenisAngka(StrEnum):
    UMUM = "umum"  # a target or count: Indonesian convention when ambiguous
    PERSEN = "persen"  # a percentage: ambiguous separators read as a decimal
    UANG = "uang"  # money: whole rupiah


# Category scales, best first. A category target such as "B (67,34)" keeps its code and optional score.
SKALA_KATEGORI: dict[str, tuple[str, ...]] = {
    "akip": ("AA", "A", "BB", "B", "CC", "C", "D"),
    "opini": ("WTP", "WDP", "TW", "TMP"),
}
KODE_KATEGORI = {kode for skala in SKALA_KATEGORI.values() for kode in skala}

EMPTY_MARKS = {"", "-", "–", "—", "n/a", "N/A"}


class AngkaTidakValid(ValueError):
    """A cell that should hold a number does not; the message is Indonesian and says why."""


@dataclass(frozen=True)
class Angka:
    teks: str
    nilai: Decimal | None = None
    persen: bool = False
    satuan: str = ""
    keterangan: str = ""
    kategori: str = ""
    keputusan: str = ""

    @property
    def kosong(self) -> bool:
        return self.nilai is None and not self.kategori

    @property
    def desimal(self) -> int:
        """Decimals shown in the document (0 for ``80``, 2 for ``16.20``)."""
        return banyak_desimal(self.nilai)


_NUMBER_RE = re.compile(r"^(?P<sign>[-−])?\s*(?P<num>[0-9][0-9.,]*)\s*(?P<pct>%)?\s*(?P<rest>.*)$", re.S)
_EXPONENT_RE = re.compile(r"^[eE][+\-−]?[0-9]")
_CATEGORY_RE = re.compile(r"^(?P<kode>[A-Z]{1,3})\s*(?:\(\s*(?P<skor>[^)]*)\s*\))?\s*$")


def _to_decimal(raw: str, jenis: JenisAngka, strict: bool, teks: str) -> tuple[Decimal, str]:
    """Turn the digits-and-separators part into a Decimal; returns (value, decision)."""
    raw = raw.rstrip(".,")  # "12." or "1.000," at the end of a sentence
    has_dot, has_comma = "." in raw, "," in raw
    keputusan = ""
    if has_dot and has_comma:
        decimal_sep = "." if raw.rfind(".") > raw.rfind(",") else ","
        group_sep = "," if decimal_sep == "." else "."
        whole, _, frac = raw.rpartition(decimal_sep)
        if decimal_sep in whole:
            raise AngkaTidakValid(f"'{teks}' memakai pemisah desimal '{decimal_sep}' lebih dari sekali.")
        _check_groups(whole, group_sep, teks)
        digits = whole.replace(group_sep, "") + "." + frac
    elif has_dot or has_comma:
        sep = "." if has_dot else ","
        parts = raw.split(sep)
        if len(parts) > 2:
            _check_groups(raw, sep, teks)
            digits = raw.replace(sep, "")
        elif len(parts[1]) != 3 or parts[0] == "0":
            digits = parts[0] + "." + parts[1]
        else:
            grouped, as_decimal = Decimal(raw.replace(sep, "")), Decimal(parts[0] + "." + parts[1])
            if jenis is JenisAngka.UANG:
                chosen = grouped
            elif jenis is JenisAngka.PERSEN:
                if strict:
                    raise AngkaTidakValid(
                        f"'{teks}' ambigu: bisa {_plain(grouped)} atau {_plain(as_decimal)}. "
                        f"Tulis tanpa pemisah ribuan, misalnya {_plain(as_decimal).replace('.', ',')}."
                    )
                chosen = as_decimal
            else:
                if strict:
                    raise AngkaTidakValid(
                        f"'{teks}' ambigu: bisa {_plain(grouped)} atau {_plain(as_decimal)}. "
                        f"Tulis {_plain(grouped)} atau {_plain(as_decimal).replace('.', ',')}."
                    )
                chosen = grouped if sep == "." else as_decimal
            reading = "pemisah ribuan" if chosen == grouped else "pemisah desimal"
            alasan = {
                JenisAngka.UANG: "nilai uang selalu rupiah bulat",
                JenisAngka.PERSEN: "persentase bernilai kecil",
                JenisAngka.UMUM: "mengikuti kebiasaan penulisan Indonesia",
            }[jenis]
            keputusan = f"'{teks}' dibaca {_plain(chosen)}: '{sep}' dianggap {reading} ({alasan})."
            return chosen, keputusan
    else:
        digits = raw
    try:
        return Decimal(digits), keputusan
    except InvalidOperation as exc:  # pragma: no cover - the regex admits digits and separators only
        raise AngkaTidakValid(f"'{teks}' bukan angka.") from exc


def _check_groups(whole: str, sep: str, teks: str) -> None:
    groups = whole.split(sep)
    if not groups[0] or len(groups[0]) > 3 or any(len(g) != 3 for g in groups[1:]):
        raise AngkaTidakValid(f"'{teks}': pengelompokan ribuan tidak wajar (kelompok harus 3 angka).")


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f") if value == value.to_integral() else format(value, "f")


def parse_angka(teks: str | None, jenis: JenisAngka = JenisAngka.UMUM, *, strict: bool = False) -> Angka:
    """Read one cell. Empty cells and ``-`` give an empty ``Angka``; text that holds no number raises."""
    original = "" if teks is None else str(teks)
    text = " ".join(original.replace("\u00a0", " ").split())
    if text in EMPTY_MARKS:
        return Angka(teks=original)
    if any(ch.isdigit() and not ch.isascii() for ch in text):
        raise AngkaTidakValid(f"'{original}' memakai angka selain 0–9. Tulis angkanya dengan 0–9.")
    category = _CATEGORY_RE.match(text)
    if category and category["kode"] in KODE_KATEGORI:
        skor = None
        if category["skor"]:
            skor_angka = parse_angka(category["skor"], JenisAngka.UMUM, strict=strict)
            skor = skor_angka.nilai
        return Angka(teks=original, nilai=skor, kategori=category["kode"])
    text = re.sub(r"^(Rp\.?|IDR)\s*", "", text, flags=re.I)
    match = _NUMBER_RE.match(text)
    if not match:
        raise AngkaTidakValid(f"'{original}' bukan angka.")
    if _EXPONENT_RE.match(text[match.end("num"):]):
        raise AngkaTidakValid(f"'{original}' ditulis dengan notasi ilmiah (e…). Tulis angkanya secara lengkap.")
    nilai, keputusan = _to_decimal(match["num"], jenis, strict, original.strip())
    if match["sign"]:
        nilai = -nilai
    rest = match["rest"].strip()
    satuan, keterangan = rest, ""
    if rest.startswith("("):
        satuan, keterangan = "", rest
    elif "(" in rest:
        satuan, _, tail = rest.partition("(")
        satuan, keterangan = satuan.strip(), "(" + tail
    if strict and (satuan or keterangan) and jenis is not JenisAngka.UMUM:
        raise AngkaTidakValid(f"'{original}' berisi teks selain angka.")
    if jenis is JenisAngka.UANG:
        if nilai != nilai.to_integral_value():
            raise AngkaTidakValid(f"'{original}': pagu harus rupiah bulat, tanpa sen.")
        if nilai < 0:
            raise AngkaTidakValid(f"'{original}': pagu tidak boleh negatif.")
    return Angka(
        teks=original,
        nilai=nilai,
        persen=bool(match["pct"]),
        satuan=satuan,
        keterangan=keterangan,
        keputusan=keputusan,
    )


def parse_uang(teks: str | None, *, strict: bool = False) -> int | None:
    """Money in whole rupiah, or None for an empty cell."""
    angka = parse_angka(teks, JenisAngka.UANG, strict=strict)
    if angka.kategori:
        raise AngkaTidakValid(f"'{teks}' bukan nilai uang.")
    return None if angka.nilai is None else int(angka.nilai)


_TITIK_KOMA = str.maketrans(",.", ".,")  # Python's grouping (1,234.5) → Indonesian (1.234,5)


def format_angka(nilai: Decimal | int | None, desimal: int | None = None) -> str:
    """Indonesian form: ``1.030.000``, ``33,33``. ``desimal=None`` keeps the decimals the value carries."""
    if nilai is None:
        return ""
    value = Decimal(nilai)
    if desimal is not None:
        value = value.quantize(Decimal(1).scaleb(-desimal), rounding=ROUND_HALF_UP)
    sign = "-" if value < 0 else ""  # not format's: it would print "-0,00"
    return sign + format(abs(value), ",f").translate(_TITIK_KOMA)


def format_persen(nilai: Decimal | int | None, desimal: int | None = None) -> str:
    """A percentage as Indonesian documents write it, the sign against the number: ``29,17%`` (DOMAIN.md, the
    seeds); the same on screens and in every document. None → ''."""
    return "" if nilai is None else format_angka(nilai, desimal) + "%"


def format_rupiah(nilai: int | None, *, rp: bool = False, kosong: str = "") -> str:
    """Whole rupiah in Indonesian form: ``1.030.000``; with ``rp=True`` ``Rp1.030.000`` (no space, as Indonesian
    spelling writes it). An unknown amount is `kosong` ('' by default; '—' where a sentence needs a word)."""
    if nilai is None:
        return kosong
    text = format_angka(nilai, 0)
    return f"Rp{text}" if rp else text


def banyak_desimal(nilai: Decimal | None, *, tanpa_nol: bool = False) -> int:
    """Decimals a value carries: 0 for ``80`` and ``1E+2``, 2 for ``16.20``; 0 for None, NaN and infinity.

    ``tanpa_nol=True`` counts only the decimals it needs, trailing zeros dropped: ``Decimal("12.500000")`` → 1
    (the database pads every target to 6 decimals).
    """
    if nilai is None:
        return 0
    exponent = (nilai.normalize() if tanpa_nol else nilai).as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def teks_kategori(kategori: str, angka: str) -> str:
    """A target as people write it: a category with its score ``B (67,34)``, a bare category ``B``, or the number
    ``67,34``; `angka` is the number already formatted for where it goes (a page, an input, a document)."""
    if kategori:
        return f"{kategori} ({angka})" if angka else kategori
    return angka
