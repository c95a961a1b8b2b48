"""Serapan (budget absorption, %) and efisiensi (capaian − serapan) — DOMAIN.md, "Formulas".

Realisasi anggaran is entered per sub kegiatan and triwulan as **the amount spent in that triwulan** (whole rupiah),
never the total to date. Serapan up to triwulan n = Σ realisasi TW I..n ÷ pagu × 100, a `Decimal` rounded to 2
decimals half up. A triwulan not reported counts as nothing spent; with no triwulan I..n reported at all, or no pagu
(None or 0), there is no serapan (None). Serapan of a kegiatan or program: the same formula over the sums of its sub
kegiatan (`serapan_total`), so a pagu shared by several indicators is counted once.
Efisiensi = capaian % − serapan % (positive: more achieved than spent); None when either is missing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal

from .capaian import bulatkan


def realisasi_sampai(realisasi: Sequence[int | None], triwulan: int) -> int | None:
    """Σ realisasi anggaran TW I..n in rupiah, or None when none of them is reported."""
    if not 1 <= triwulan <= 4:
        raise ValueError(f"triwulan harus 1–4, bukan {triwulan}")
    reported = [r for r in realisasi[:triwulan] if r is not None]
    return sum(reported) if reported else None


def serapan(*, realisasi: Sequence[int | None], pagu: int | None, triwulan: int) -> Decimal | None:
    """Σ realisasi TW I..n ÷ pagu × 100 (%)."""
    total = realisasi_sampai(realisasi, triwulan)
    if total is None or not pagu:
        return None
    return bulatkan(Decimal(total) / Decimal(pagu) * 100)


def serapan_total(rows: Iterable[tuple[int | None, Sequence[int | None]]], triwulan: int) -> Decimal | None:
    """Serapan of a kegiatan or program from its sub kegiatan, given as (pagu, realisasi TW I..IV) pairs."""
    pagu_total, spent, any_reported = 0, 0, False
    for pagu, realisasi in rows:
        pagu_total += pagu or 0
        total = realisasi_sampai(realisasi, triwulan)
        if total is not None:
            spent, any_reported = spent + total, True
    if not any_reported or not pagu_total:
        return None
    return bulatkan(Decimal(spent) / Decimal(pagu_total) * 100)


def efisiensi(capaian: Decimal | None, serapan: Decimal | None) -> Decimal | None:
    """Capaian % − serapan %."""
    if capaian is None or serapan is None:
        return None
    return capaian - serapan
