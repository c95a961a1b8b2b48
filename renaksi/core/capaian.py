"""Capaian (achievement, %) of an indicator up to a chosen triwulan (DOMAIN.md, "Formulas").

Inputs are the four quarterly targets T1..T4, the yearly target T, the four realisasi R1..R4 (each a `Decimal`,
a `Kategori` for category targets, or None when empty), the triwulan n (1–4), the polarity, the accumulation type
and, for negative indicators, which formula. Nothing here reads today's date: n is always given.

Accumulation, up to triwulan n (the pair R, T the polarity formula is applied to):
- kumulatif: R = ΣR1..n, T = ΣT1..n;
- nilai akhir: R = Rn, T = Tn;
- rata-rata: R = mean R1..n, T = mean T1..n (the ratio equals ΣR/ΣT; the means are what the formula shows);
- tetap: R = Rn, T = the yearly target.
Every realisasi and target the chosen accumulation needs must be filled; otherwise there is no capaian and the
text says which one is missing.

Polarity:
- positif: R / T × 100; T = 0 → undefined (None, shown "—"), not an error;
- negatif, default (`selisih`): (2T − R) / T × 100, floored at 0; alternative (`rasio`): T / R × 100;
  T = 0 → 100 when R = 0, else 0 (both formulas); with `rasio`, R = 0 and T > 0 is undefined (T ÷ 0): None,
  and the text says the realisasi is better than the target.

Category targets ("B (67,34)", "WTP") compare the last value: Rn against Tn, or against the yearly target for
`tetap` (a yearly opinion or grade is not summed or averaged). With a score on both sides, capaian is the score ratio
skor R / skor T × 100. With codes only there is no percentage: `tercapai` is True when the realisasi stands at or above
the target on its scale (AA > A > BB > B > CC > C > D; WTP > WDP > TW > TMP), and such a result is left out of averages.

Values are percentages as `Decimal`, rounded to 2 decimals half up (`ROUND_HALF_UP`); never float.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _

from .akumulasi import Akumulasi
from .angka import SKALA_KATEGORI, format_angka

POSITIF = "positif"
NEGATIF = "negatif"
SERATUS = Decimal(100)
SEN = Decimal("0.01")
ROMAWI = {1: "I", 2: "II", 3: "III", 4: "IV"}


class RumusNegatif(models.TextChoices):
    """How a negative (lower is better) indicator's capaian is computed; chosen per indicator."""

    SELISIH = "selisih", _("(2 × target − realisasi) ÷ target × 100")
    RASIO = "rasio", _("target ÷ realisasi × 100")


@dataclass(frozen=True)
class Kategori:
    """A category value: its code on a scale ("B", "WTP") and an optional score ("B (67,34)" → 67.34)."""

    kode: str
    skor: Decimal | None = None

    def __str__(self) -> str:
        return f"{self.kode} ({format_angka(self.skor)})" if self.skor is not None else self.kode


Isian = Decimal | Kategori | None


@dataclass(frozen=True)
class Capaian:
    """A capaian: `nilai` in % (2 decimals) or None, `rumus` (Indonesian, with the numbers used), for a
    category target with codes only `tercapai` (True/False) instead of a percentage, and `target`: the target the
    capaian is computed against (`target_capaian`; None when the targets it needs are not all filled)."""

    nilai: Decimal | None
    rumus: str
    tercapai: bool | None = None
    target: Isian = None

    @property
    def kategori(self) -> bool:
        """A codes-only category result: no percentage, left out of averages."""
        return self.nilai is None and self.tercapai is not None

    @property
    def label(self) -> str:
        """What to show: "90,00", "tercapai" / "tidak tercapai", or "—"."""
        if self.nilai is not None:
            return format_angka(self.nilai, 2)
        if self.tercapai is not None:
            return "tercapai" if self.tercapai else "tidak tercapai"
        return "—"


def bulatkan(value: Decimal) -> Decimal:
    """Round a percentage to 2 decimals, half up."""
    return value.quantize(SEN, rounding=ROUND_HALF_UP)


def tampil(value: Decimal) -> str:
    """A number inside a formula text: Indonesian form, no trailing zeros (`45`, `33,33`, `1.200`)."""
    normalized = value.normalize()
    exponent = normalized.as_tuple().exponent
    if isinstance(exponent, int) and exponent > 0:
        normalized = normalized.quantize(Decimal(1))
    return format_angka(normalized)


def rentang(n: int) -> str:
    """`TW I` for n = 1, `TW I–III` for n = 3."""
    return "TW I" if n == 1 else f"TW I–{ROMAWI[n]}"


def capaian_rasio(*, r: Decimal, t: Decimal, polaritas: str = POSITIF, rumus_negatif: str = RumusNegatif.SELISIH,
                  r_teks: str = "realisasi", t_teks: str = "target") -> Capaian:
    """The polarity formula on one pair (R, T); `r_teks`/`t_teks` name them in the formula text."""
    if polaritas == NEGATIF:
        if t == 0:
            value = SERATUS if r == 0 else Decimal(0)
            return Capaian(bulatkan(value), f"{t_teks} 0 (polaritas negatif): capaian {tampil(value)} karena "
                                            f"{r_teks} {'0' if r == 0 else 'lebih dari 0'}")
        if rumus_negatif == RumusNegatif.RASIO:
            if r == 0:
                return Capaian(None, f"{t_teks} ÷ {r_teks} × 100 tidak terdefinisi untuk {r_teks} 0 "
                                     f"(lebih baik dari target {tampil(t)})")
            return Capaian(bulatkan(t / r * SERATUS),
                           f"{t_teks} ÷ {r_teks} × 100 = {tampil(t)} ÷ {tampil(r)} × 100")
        value = (2 * t - r) / t * SERATUS
        text = f"(2 × {t_teks} − {r_teks}) ÷ {t_teks} × 100 = (2 × {tampil(t)} − {tampil(r)}) ÷ {tampil(t)} × 100"
        if value < 0:
            return Capaian(Decimal("0.00"), f"{text}, paling rendah 0")
        return Capaian(bulatkan(value), text)
    if t == 0:
        return Capaian(None, f"{t_teks} 0: capaian tidak dapat dihitung")
    return Capaian(bulatkan(r / t * SERATUS), f"{r_teks} ÷ {t_teks} × 100 = {tampil(r)} ÷ {tampil(t)} × 100")


def _peringkat(kode: str) -> tuple[str, int] | None:
    for nama, skala in SKALA_KATEGORI.items():
        if kode in skala:
            return nama, skala.index(kode)
    return None


def capaian_kategori(*, r: Kategori, t: Kategori, r_teks: str = "realisasi", t_teks: str = "target") -> Capaian:
    """Category against category: the score ratio when both have a score, else the place on the scale."""
    if r.skor is not None and t.skor is not None:
        if t.skor == 0:
            return Capaian(None, f"skor {t_teks} 0: capaian tidak dapat dihitung")
        return Capaian(bulatkan(r.skor / t.skor * SERATUS),
                       f"skor {r_teks} ÷ skor {t_teks} × 100 = {tampil(r.skor)} ÷ {tampil(t.skor)} × 100")
    rank_r, rank_t = _peringkat(r.kode), _peringkat(t.kode)
    if rank_r is None or rank_t is None or rank_r[0] != rank_t[0]:
        return Capaian(None, f"kategori {r_teks} {r.kode} tidak dapat dibandingkan dengan {t_teks} {t.kode}")
    skala = " > ".join(SKALA_KATEGORI[rank_t[0]])
    tercapai = rank_r[1] <= rank_t[1]
    relation = "setara atau di atas" if tercapai else "di bawah"
    return Capaian(None, f"{r_teks} {r.kode} {relation} {t_teks} {t.kode} pada skala {skala}", tercapai=tercapai)


def target_capaian(*, target: Sequence[Isian], target_tahun: Isian, triwulan: int,
                   akumulasi: str = Akumulasi.KUMULATIF) -> Isian:
    """The target the capaian up to `triwulan` is computed against (the T of the formula): kumulatif ΣT1..n,
    rata-rata the mean of T1..n, nilai akhir Tn, tetap the yearly target; a category target is compared as is
    (Tn, or the yearly target for `tetap`). None when a target it needs is empty or numbers and categories mix.

    This is the one place that says which target a capaian uses: the documents print it beside the capaian
    (LKjIP Tabel 3.1 when the yearly target is empty)."""
    n = triwulan
    last = target_tahun if akumulasi == Akumulasi.TETAP else target[n - 1]
    if isinstance(last, Kategori) or akumulasi not in (Akumulasi.KUMULATIF, Akumulasi.RATA_RATA):
        return last
    ts = [v for v in target[:n] if isinstance(v, Decimal)]
    if len(ts) < n:
        return None
    total = sum(ts, Decimal(0))
    return total if akumulasi == Akumulasi.KUMULATIF else total / n


def hitung_capaian(
    *,
    target: Sequence[Isian],
    target_tahun: Isian,
    realisasi: Sequence[Isian],
    triwulan: int,
    polaritas: str = POSITIF,
    akumulasi: str = Akumulasi.KUMULATIF,
    rumus_negatif: str = RumusNegatif.SELISIH,
) -> Capaian:
    """Capaian up to `triwulan` (1–4). `target` and `realisasi` hold TW I..IV (None where empty)."""
    if not 1 <= triwulan <= 4:
        raise ValueError(f"triwulan harus 1–4, bukan {triwulan}")
    if len(target) != 4 or len(realisasi) != 4:
        raise ValueError("target dan realisasi harus berisi 4 triwulan")
    result = _hitung(target=target, target_tahun=target_tahun, realisasi=realisasi, triwulan=triwulan,
                     polaritas=polaritas, akumulasi=akumulasi, rumus_negatif=rumus_negatif)
    return replace(result, target=target_capaian(target=target, target_tahun=target_tahun, triwulan=triwulan,
                                                 akumulasi=akumulasi))


def _hitung(*, target: Sequence[Isian], target_tahun: Isian, realisasi: Sequence[Isian], triwulan: int,
            polaritas: str, akumulasi: str, rumus_negatif: str) -> Capaian:
    n = triwulan
    tw = ROMAWI[n]
    last_t = target_tahun if akumulasi == Akumulasi.TETAP else target[n - 1]
    last_t_teks = "target tahun" if akumulasi == Akumulasi.TETAP else f"target TW {tw}"
    if isinstance(last_t, Kategori) or isinstance(realisasi[n - 1], Kategori):
        return _kategori(realisasi[n - 1], last_t, f"realisasi TW {tw}", last_t_teks)

    if akumulasi in (Akumulasi.KUMULATIF, Akumulasi.RATA_RATA):
        if missing := _kosong(list(realisasi[:n]), list(target[:n]), "realisasi", "target"):
            return Capaian(None, missing)
        rs = [v for v in realisasi[:n] if isinstance(v, Decimal)]
        ts = [v for v in target[:n] if isinstance(v, Decimal)]
        if len(rs) < n or len(ts) < n:
            return Capaian(None, f"target atau realisasi {rentang(n)} bercampur kategori dan angka")
        total_r, total_t = sum(rs, Decimal(0)), sum(ts, Decimal(0))
        if akumulasi == Akumulasi.KUMULATIF:
            return capaian_rasio(r=total_r, t=total_t, polaritas=polaritas, rumus_negatif=rumus_negatif,
                                 r_teks=f"Σ realisasi {rentang(n)}", t_teks=f"Σ target {rentang(n)}")
        result = capaian_rasio(r=total_r / n, t=total_t / n, polaritas=polaritas, rumus_negatif=rumus_negatif,
                               r_teks=f"rata-rata realisasi {rentang(n)}", t_teks=f"rata-rata target {rentang(n)}")
        # The ratio of the means is the ratio of the sums: compute it from the sums, exactly.
        exact = capaian_rasio(r=total_r, t=total_t, polaritas=polaritas, rumus_negatif=rumus_negatif)
        return Capaian(exact.nilai, result.rumus)

    r = realisasi[n - 1]
    if r is None:
        return Capaian(None, f"realisasi TW {tw} belum diisi")
    if last_t is None:
        return Capaian(None, f"{last_t_teks} kosong")
    assert isinstance(r, Decimal) and isinstance(last_t, Decimal)
    return capaian_rasio(r=r, t=last_t, polaritas=polaritas, rumus_negatif=rumus_negatif,
                         r_teks=f"realisasi TW {tw}", t_teks=last_t_teks)


def _kosong(rs: list[Isian], ts: list[Isian], r_teks: str, t_teks: str) -> str:
    empty_r = [ROMAWI[i] for i, v in enumerate(rs, start=1) if v is None]
    if empty_r:
        return f"{r_teks} TW {', '.join(empty_r)} belum diisi"
    empty_t = [ROMAWI[i] for i, v in enumerate(ts, start=1) if v is None]
    if empty_t:
        return f"{t_teks} TW {', '.join(empty_t)} kosong"
    return ""


def _kategori(r: Isian, t: Isian, r_teks: str, t_teks: str) -> Capaian:
    if r is None:
        return Capaian(None, f"{r_teks} belum diisi")
    if t is None:
        return Capaian(None, f"{t_teks} kosong")
    if not (isinstance(r, Kategori) and isinstance(t, Kategori)):
        return Capaian(None, f"{t_teks} dan {r_teks} tidak sejenis (kategori dan angka)")
    return capaian_kategori(r=r, t=t, r_teks=r_teks, t_teks=t_teks)
