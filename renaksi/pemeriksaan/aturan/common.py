"""Small helpers the rules share: formatting for messages, name normalisation, likely causes of a money mismatch."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from renaksi.core.angka import format_angka, format_rupiah

TRIWULAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def rp(value: int | None) -> str:
    return "—" if value is None else f"Rp{format_rupiah(int(value))}"


def num(value: Decimal | int | None) -> str:
    return "—" if value is None else format_angka(value)


def nums(values: Sequence[Decimal | int | None]) -> str:
    return "; ".join(num(v) for v in values)


def tw_list(triwulan: Sequence[int]) -> str:
    names = [f"TW {TRIWULAN[t]}" for t in triwulan]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " dan " + names[-1]


# Spelling variants seen in real documents that do not make two items different.
_VARIANTS = [
    (r"\bfasilitas\b", "fasilitasi"),
    (r"\bbhineka\b", "bineka"),
    (r"\bpenyalagunaan\b", "penyalahgunaan"),
    (r"\bpresentase\b", "persentase"),
    (r"\bdi ?bidang\b", "di bidang"),
    (r"\bdibiidang\b", "di bidang"),
]
_PREFIX = re.compile(r"^\s*(?:(?:sub\s+)?kegiatan|program)\s*[:;.-]?\s*", re.I)
_NUMBERING = re.compile(r"^\s*\d+(?:\.\d+)*[.)]?\s+")


def normalize_text(text: str) -> str:
    """Text compared as a person reads it: case, accents, punctuation and spacing do not count."""
    text = unicodedata.normalize("NFKD", text or "").casefold()
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[^\w]+", " ", text)
    return " ".join(text.split())


def normalize_name(name: str) -> str:
    """A program/kegiatan/sub kegiatan name without its label ("Sub Kegiatan :"), numbering and spelling variants."""
    text = name or ""
    for _round in range(2):
        text = _NUMBERING.sub("", _PREFIX.sub("", text))
    text = normalize_text(text)
    for pattern, replacement in _VARIANTS:
        text = re.sub(pattern, replacement, text)
    return text


# --- why two amounts of money may differ ----------------------------------------------------------------------

FACTORS = (1_000, 1_000_000)


MIN_SIGNIFICANT = 4


def digit_slip(a: int, b: int) -> str:
    """'salah_ketik' when the two amounts differ in one digit, 'transposisi' when two adjacent digits are swapped,
    'digit_hilang' when one has a digit more than the other; '' otherwise (and for round amounts, which have
    fewer than 4 significant digits)."""
    sa, sb = str(abs(a)), str(abs(b))
    # Round amounts differ in one digit all the time (20.000.000 / 22.000.000): only claim a slip when the
    # amounts are precise enough for a coincidence to be unlikely.
    if max(len(sa.rstrip("0")), len(sb.rstrip("0"))) < MIN_SIGNIFICANT:
        return ""
    if len(sa) == len(sb):
        diff = [i for i, (x, y) in enumerate(zip(sa, sb, strict=True)) if x != y]
        if len(diff) == 1:
            return "salah_ketik"
        if len(diff) == 2 and diff[1] == diff[0] + 1 and sa[diff[0]] == sb[diff[1]] and sa[diff[1]] == sb[diff[0]]:
            return "transposisi"
        return ""
    longer, shorter = (sa, sb) if len(sa) > len(sb) else (sb, sa)
    if len(longer) == len(shorter) + 1 and len(shorter) >= 4:
        if any(longer[:i] + longer[i + 1:] == shorter for i in range(len(longer))):
            return "digit_hilang"
    return ""


def factor_between(a: int, b: int) -> int | None:
    """1000 or 1,000,000 when one amount is exactly that many times the other (a unit slip: ribuan, jutaan)."""
    if a <= 0 or b <= 0:
        return None
    for f in FACTORS:
        if a * f == b or b * f == a:
            return f
    return None


CAUSE_TEXT = {
    "faktor": _(" Selisihnya tepat {factor_text} kali lipat: kemungkinan salah satuan (rupiah/ribuan/jutaan)."),
    "salah_ketik": _(" Kedua angka hanya berbeda satu digit: kemungkinan salah ketik."),
    "transposisi": _(" Dua digit yang bersebelahan tertukar: kemungkinan salah ketik (transposisi)."),
    "digit_hilang": _(" Satu angka memiliki satu digit lebih banyak: kemungkinan digit terlewat atau berlebih."),
}


def describe_cause(cause: str, factor: int | None = None) -> str:
    if not cause:
        return ""
    factor_text = format_rupiah(factor) if factor else ""
    return str(CAUSE_TEXT.get(cause, "")).format(factor_text=factor_text)
