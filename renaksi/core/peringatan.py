"""Early warning: a year-end forecast per indikator from the quarters reported so far (docs/monev/peringatan-dini.md).

Only realisasi up to the chosen triwulan n is used (a TW II report does not change when TW III is entered); m is the
last of TW I..n with a realisasi. The forecast of the year-end realisasi depends on the accumulation type:
- kumulatif — the pace so far continues: Σ realisasi TW I..m ÷ Σ target TW I..m × target tahun. When the targets
  up to m are all 0 (a year planned late), there is no pace yet: Σ realisasi TW I..m + target tahun (the rest is
  assumed to be met);
- nilai akhir — the last change continues: Rm + (Rm − Rm−1) × (4 − m); with only TW I reported, the share of the
  target path: R1 ÷ T1 × target tahun (R1 held when T1 is 0 or empty). Never below 0 when the realisasi are ≥ 0;
- rata-rata — the remaining quarters like the mean so far: mean R1..m;
- tetap — the last value holds: Rm.
With TW IV reported the forecast is the year's realisasi itself (kumulatif: the sum; rata-rata: the mean).
The forecast value is rounded to 2 decimals half up, and its capaian is computed against the yearly target with the
indicator's polarity (`renaksi.core.capaian.capaian_rasio`). The indikator is *berisiko* when that capaian is below
the threshold (`ambang`, default 90 %; the setting `RENAKSI_AMBANG_BERISIKO`). Category targets, a missing yearly
target or no realisasi at all give no forecast and are never berisiko.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from .akumulasi import Akumulasi
from .capaian import (
    POSITIF,
    ROMAWI,
    Capaian,
    Isian,
    Kategori,
    RumusNegatif,
    bulatkan,
    capaian_rasio,
    rentang,
    tampil,
)

AMBANG_BAWAAN = Decimal(90)


@dataclass(frozen=True)
class Ramalan:
    """`nilai`: the forecast year-end realisasi; `capaian`: its capaian against the yearly target; `metode`: how,
    in Indonesian with the numbers; `dasar`: the last triwulan used (0 when none)."""

    nilai: Decimal | None
    capaian: Capaian | None
    berisiko: bool
    metode: str
    dasar: int = 0


def _tanpa(metode: str, dasar: int = 0) -> Ramalan:
    return Ramalan(None, None, False, metode, dasar)


def ramal(
    *,
    target: Sequence[Isian],
    target_tahun: Isian,
    realisasi: Sequence[Isian],
    triwulan: int,
    akumulasi: str = Akumulasi.KUMULATIF,
    polaritas: str = POSITIF,
    rumus_negatif: str = RumusNegatif.SELISIH,
    ambang: Decimal = AMBANG_BAWAAN,
) -> Ramalan:
    if not 1 <= triwulan <= 4:
        raise ValueError(f"triwulan harus 1–4, bukan {triwulan}")
    if isinstance(target_tahun, Kategori) or any(isinstance(v, Kategori) for v in (*target, *realisasi)):
        return _tanpa("target kategori: tidak diramalkan")
    if target_tahun is None:
        return _tanpa("target tahun kosong: tidak diramalkan")
    m = max((i for i in range(1, triwulan + 1) if realisasi[i - 1] is not None), default=0)
    if m == 0:
        return _tanpa(f"belum ada realisasi sampai TW {ROMAWI[triwulan]}")
    rs: list[Decimal] = [v for v in realisasi[:m] if isinstance(v, Decimal)]

    if akumulasi == Akumulasi.KUMULATIF:
        if len(rs) < m:
            return _tanpa(_kosong("realisasi", realisasi[:m]), m)
        ts = [v for v in target[:m] if isinstance(v, Decimal)]
        if len(ts) < m:
            return _tanpa(_kosong("target", target[:m]), m)
        total_r, total_t = sum(rs, Decimal(0)), sum(ts, Decimal(0))
        if m == 4:
            nilai, metode = total_r, f"realisasi setahun lengkap: Σ realisasi TW I–IV = {tampil(total_r)}"
        elif total_t == 0:
            nilai = total_r + target_tahun
            metode = (f"target {rentang(m)} 0, laju belum ada: Σ realisasi {rentang(m)} + target tahun = "
                      f"{tampil(total_r)} + {tampil(target_tahun)}")
        else:
            nilai = total_r / total_t * target_tahun
            metode = (f"laju sejauh ini: Σ realisasi {rentang(m)} ÷ Σ target {rentang(m)} × target tahun = "
                      f"{tampil(total_r)} ÷ {tampil(total_t)} × {tampil(target_tahun)}")
    elif akumulasi == Akumulasi.RATA_RATA:
        if len(rs) < m:
            return _tanpa(_kosong("realisasi", realisasi[:m]), m)
        nilai = sum(rs, Decimal(0)) / m
        metode = f"rata-rata realisasi {rentang(m)} = ({' + '.join(tampil(r) for r in rs)}) ÷ {m}"
    elif akumulasi == Akumulasi.NILAI_AKHIR:
        nilai, metode = _nilai_akhir(realisasi, target, target_tahun, m)
    else:  # tetap
        last = realisasi[m - 1]
        assert isinstance(last, Decimal)
        nilai = last
        metode = f"nilai terakhir bertahan: realisasi TW {ROMAWI[m]} = {tampil(nilai)}"

    nilai = bulatkan(nilai)
    capaian = capaian_rasio(r=nilai, t=target_tahun, polaritas=polaritas, rumus_negatif=rumus_negatif,
                            r_teks="perkiraan akhir tahun", t_teks="target tahun")
    berisiko = capaian.nilai is not None and capaian.nilai < ambang
    if not metode.endswith((f"= {tampil(nilai)}", "paling rendah 0")):
        metode = f"{metode} ≈ {tampil(nilai)}"
    return Ramalan(nilai, capaian, berisiko, metode, m)


def _nilai_akhir(realisasi: Sequence[Isian], target: Sequence[Isian], target_tahun: Decimal, m: int
                 ) -> tuple[Decimal, str]:
    rm = realisasi[m - 1]
    assert isinstance(rm, Decimal)
    tw = ROMAWI[m]
    if m == 4:
        return rm, f"realisasi TW IV = {tampil(rm)}"
    previous = realisasi[m - 2] if m >= 2 else None
    if isinstance(previous, Decimal):
        nilai = rm + (rm - previous) * (4 - m)
        metode = (f"perubahan terakhir berlanjut: realisasi TW {tw} + (TW {tw} − TW {ROMAWI[m - 1]}) × {4 - m} = "
                  f"{tampil(rm)} + ({tampil(rm)} − {tampil(previous)}) × {4 - m}")
        if nilai < 0 <= min(rm, previous):
            return Decimal(0), f"{metode}, paling rendah 0"
        return nilai, metode
    t_m = target[m - 1]
    if isinstance(t_m, Decimal) and t_m != 0:
        return (rm / t_m * target_tahun,
                f"mengikuti jalur target: realisasi TW {tw} ÷ target TW {tw} × target tahun = "
                f"{tampil(rm)} ÷ {tampil(t_m)} × {tampil(target_tahun)}")
    return rm, f"nilai terakhir bertahan: realisasi TW {tw} = {tampil(rm)}"


def _kosong(teks: str, values: Sequence[Isian]) -> str:
    empty = [ROMAWI[i] for i, v in enumerate(values, start=1) if v is None]
    return f"{teks} TW {', '.join(empty)} belum diisi: tidak diramalkan"
