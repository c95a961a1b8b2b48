"""How quarterly targets relate to the yearly target (docs/domain.md, "Accumulation").

- kumulatif: the year is the sum of the quarters;
- nilai akhir: the year is the last quarter's value;
- rata-rata: the year is the mean of the quarters;
- tetap: every quarter equals the year.

A document does not say which one it uses, so `infer_akumulasi` finds the types under which the numbers agree.
Agreement allows for rounding: the tolerance follows the decimals written (4 × 16.20 against 64.78 agrees,
because each quarter may be off by half a unit of its last shown digit); whole numbers are exact.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _

from renaksi.core.angka import banyak_desimal


class Akumulasi(models.TextChoices):
    KUMULATIF = "kumulatif", _("Kumulatif")
    NILAI_AKHIR = "nilai_akhir", _("Nilai akhir")
    RATA_RATA = "rata_rata", _("Rata-rata")
    TETAP = "tetap", _("Tetap")


def _half_unit(value: Decimal) -> Decimal:
    """Half a unit of the last digit shown — but a whole number is taken as exact.

    `16.20` may stand for anything in [16.195, 16.205); `12` (12 dokumen, 12 laporan) is twelve, not 11.5–12.5:
    otherwise 0, 0, 2, 0 would "add up" to 1.
    """
    desimal = banyak_desimal(value)
    if not desimal:
        return Decimal(0)
    return Decimal(5) * Decimal(10) ** (-desimal - 1)


def tolerance(tahunan: Decimal, triwulan: Sequence[Decimal]) -> Decimal:
    """The largest difference that rounding of the written values can explain (for a sum of the quarters)."""
    return _half_unit(tahunan) + sum((_half_unit(q) for q in triwulan), Decimal(0))


def expected_tahunan(akumulasi: str, triwulan: Sequence[Decimal]) -> Decimal:
    """The yearly value the quarters imply under an accumulation type (for `tetap`, the last quarter)."""
    if akumulasi == Akumulasi.KUMULATIF:
        return sum(triwulan, Decimal(0))
    if akumulasi == Akumulasi.RATA_RATA:
        return sum(triwulan, Decimal(0)) / len(triwulan)
    return triwulan[-1]


def reconciles(akumulasi: str, tahunan: Decimal, triwulan: Sequence[Decimal]) -> bool:
    """Do four quarterly targets agree with the yearly target under this accumulation type?"""
    if len(triwulan) != 4:
        return False
    tol = tolerance(tahunan, triwulan)
    if akumulasi == Akumulasi.TETAP:
        per_quarter = _half_unit(tahunan) + max(_half_unit(q) for q in triwulan)
        return all(abs(q - tahunan) <= per_quarter for q in triwulan)
    if akumulasi == Akumulasi.NILAI_AKHIR:
        return abs(triwulan[-1] - tahunan) <= _half_unit(tahunan) + _half_unit(triwulan[-1])
    if akumulasi == Akumulasi.RATA_RATA:
        return abs(expected_tahunan(akumulasi, triwulan) - tahunan) <= tol / 4 + _half_unit(tahunan)
    return abs(expected_tahunan(akumulasi, triwulan) - tahunan) <= tol


def matching_akumulasi(tahunan: Decimal, triwulan: Sequence[Decimal]) -> list[str]:
    """Every accumulation type under which the quarters agree with the year, in order of preference."""
    order = [Akumulasi.TETAP, Akumulasi.KUMULATIF, Akumulasi.NILAI_AKHIR, Akumulasi.RATA_RATA]
    return [str(a) for a in order if reconciles(a, tahunan, triwulan)]


def infer_akumulasi(tahunan: Decimal | None, triwulan: Sequence[Decimal | None]) -> tuple[str, str]:
    """Best guess of the accumulation type, with the reason in Indonesian.

    Preference when several fit: `tetap` (all quarters equal the year), then `kumulatif`, then `nilai akhir`
    (for example 0, 0, 0, 80 for 80 is both kumulatif and nilai akhir; kumulatif is kept, as the quarters add up).
    When none fits, `kumulatif` is returned and the reason says so: the checker reports the mismatch.
    """
    if tahunan is None or any(q is None for q in triwulan) or len(triwulan) != 4:
        return str(Akumulasi.KUMULATIF), "target triwulan tidak lengkap; kumulatif dipakai sebagai bawaan"
    quarters = [q for q in triwulan if q is not None]
    fits = matching_akumulasi(tahunan, quarters)
    if not fits:
        return str(Akumulasi.KUMULATIF), "tidak ada jenis akumulasi yang cocok; kumulatif dipakai sebagai bawaan"
    chosen = fits[0]
    label = Akumulasi(chosen).label
    others = ", ".join(str(Akumulasi(f).label).lower() for f in fits[1:])
    reason = f"target triwulan cocok dengan jenis {str(label).lower()}"
    if others:
        reason += f" (juga cocok: {others})"
    return chosen, reason
