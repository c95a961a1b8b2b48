"""Target rules: quarterly vs yearly targets, a broken constant series, missing targets, the wrong kind of target."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from renaksi.core.akumulasi import Akumulasi, expected_tahunan, matching_akumulasi, reconciles, tolerance

from ..findings import Severity
from ..registry import Hit, rule
from ..snapshot import IndikatorData, PlanSnapshot, TargetData
from .common import TRIWULAN, num, nums, tw_list


@dataclass(frozen=True)
class NumericSeries:
    """The yearly and four quarterly targets of a numeric indicator.

    Comparisons allow for the rounding of the values as written and take whole numbers as exact
    (`renaksi.core.akumulasi`): 0; 0; 2; 0 for 1 paket fits nothing.
    """

    tahunan: Decimal
    triwulan: list[Decimal]

    def reconciles(self, akumulasi: str) -> bool:
        return reconciles(akumulasi, self.tahunan, self.triwulan)

    def fits(self) -> list[str]:
        """The accumulation types under which the quarters agree with the year, simplest first."""
        return matching_akumulasi(self.tahunan, self.triwulan)

    def equal(self, value: Decimal) -> bool:
        return abs(value - self.tahunan) <= tolerance(self.tahunan, [value])


def numeric_series(ind: IndikatorData) -> NumericSeries | None:
    """The five targets of a numeric indicator when all five are plain numbers, else None."""
    if ind.jenis_target != "angka":
        return None
    year = ind.tahunan
    quarters = [ind.quarter(tw) for tw in (1, 2, 3, 4)]
    if year is None or not year.angka or any(q is None or not q.angka for q in quarters):
        return None
    return NumericSeries(year.nilai, [q.nilai for q in quarters])  # type: ignore[union-attr,misc]


def odd_quarter(series: NumericSeries) -> int | None:
    """The triwulan (2–4) that breaks a series otherwise equal to the year (18, 18, 100, 18 for 18), or None.

    Equality allows for rounding of written decimals; whole numbers are exact. A series that still reconciles as
    kumulatif, tetap or rata-rata is not broken. An odd TW I is not a
    break either: 50, 100, 100, 100 for 100 is a target reached in TW II and then held (nilai akhir, cumulative to
    date). What remains can only fit nilai akhir by a value that leaves the target and comes back, or nothing.
    """
    equal = [series.equal(q) for q in series.triwulan]
    if sum(equal) != 3 or not equal[0]:
        return None
    if any(series.reconciles(a) for a in (Akumulasi.KUMULATIF, Akumulasi.TETAP, Akumulasi.RATA_RATA)):
        return None
    return equal.index(False) + 1


def _label(akumulasi: str) -> str:
    try:
        return str(Akumulasi(akumulasi).label).lower()
    except ValueError:
        return akumulasi


def _written(t: TargetData | None) -> str:
    if t is None:
        return "—"
    return t.teks.strip() or (t.kategori if t.kategori else num(t.nilai))


@rule(
    "target.quarterly_mismatch",
    severity=Severity.ERROR,
    title=_("Target triwulan tidak cocok dengan target tahunan"),
    message=_("Target triwulan ({triwulan_teks}) tidak cocok dengan target tahunan {tahunan_teks} menurut jenis "
              "akumulasi apa pun{rincian}."),
)
def target_quarterly_mismatch(plan: PlanSnapshot) -> Iterator[Hit]:
    """The four quarterly targets of an indicator do not agree with its yearly target under any accumulation type:
    not their sum (kumulatif), not the last quarter (nilai akhir), not their mean (rata-rata), not every quarter
    (tetap). Agreement allows for the rounding of the values as written (`renaksi.core.akumulasi.reconciles`):
    4 × 16,20 against 64,78 agrees. Whole numbers are exact: 0; 0; 2; 0 for 1 paket fits nothing.

    Only indicators whose five targets are all plain numbers are compared; an empty target is `target.missing`,
    a category where a number is expected is `target.type_mismatch`, and a series equal to the year except in one
    quarter is `target.constant_series_break`. For a category indicator, the category of triwulan IV must equal
    the yearly one. Values: `tahunan`, `triwulan` (I–IV), `jumlah` (sum), `rata_rata` (mean), `akumulasi` (the
    indicator's type).
    """
    for ind in plan.indikator:
        series = numeric_series(ind)
        if series is None:
            if ind.jenis_target == "kategori":
                yield from _category_mismatch(plan, ind)
            continue
        year, quarters = series.tahunan, series.triwulan
        if series.fits() or odd_quarter(series):
            continue
        total = expected_tahunan(Akumulasi.KUMULATIF, quarters)
        mean = expected_tahunan(Akumulasi.RATA_RATA, quarters)
        yield Hit(
            location=plan.indikator_location(ind, target_fields=True),
            values={"tahunan": year, "triwulan": quarters, "jumlah": total, "rata_rata": mean,
                    "akumulasi": ind.akumulasi},
            params={"triwulan_teks": nums(quarters), "tahunan_teks": num(year),
                    "rincian": str(_(": jumlahnya {jumlah}, triwulan IV {akhir}, rata-ratanya {rata}")).format(
                        jumlah=num(total), akhir=num(quarters[-1]), rata=num(mean.normalize()))},
        )


def _category_mismatch(plan: PlanSnapshot, ind: IndikatorData) -> Iterator[Hit]:
    year, last = ind.tahunan, ind.quarter(4)
    if year is None or last is None or not year.kategori or not last.kategori or year.kategori == last.kategori:
        return
    yield Hit(
        location=plan.indikator_location(ind, target_fields=True),
        values={"tahunan": year.kategori, "triwulan_iv": last.kategori},
        params={"triwulan_teks": "; ".join(_written(ind.quarter(tw)) for tw in (1, 2, 3, 4)),
                "tahunan_teks": _written(year),
                "rincian": str(_(": kategori triwulan IV ({akhir}) berbeda dari kategori tahunan")).format(
                    akhir=last.kategori)},
        key="kategori",
    )


@rule(
    "target.akumulasi_mismatch",
    severity=Severity.WARNING,
    title=_("Target triwulan cocok dengan jenis akumulasi lain"),
    message=_("Jenis akumulasi indikator ini {akumulasi_label}{disimpulkan}, tetapi target triwulan ({triwulan_teks}) hanya "
              "cocok dengan target tahunan {tahunan_teks} bila {cocok_label}. Ubah jenis akumulasinya, atau "
              "perbaiki targetnya."),
)
def target_akumulasi_mismatch(plan: PlanSnapshot) -> Iterator[Hit]:
    """The quarterly targets agree with the yearly one, but only under another accumulation type than the one
    stored for the indicator (e.g. 25, 25, 25, 25 for 25 on an indicator set to kumulatif: it is `tetap`).

    Capaian up to a triwulan is computed with the stored type, so a wrong type gives wrong capaian later. A type
    a person set is a warning; a type the importer inferred (`akumulasi_disimpulkan`) is only info, since nobody
    chose it. Whole numbers are compared exactly, as in `target.quarterly_mismatch`. Values: `tahunan`, `triwulan`,
    `akumulasi` (stored), `cocok` (the types that fit, simplest first).
    """
    for ind in plan.indikator:
        series = numeric_series(ind)
        if series is None:
            continue
        year, quarters = series.tahunan, series.triwulan
        fits = series.fits()
        if not fits or ind.akumulasi in fits or odd_quarter(series):
            continue
        yield Hit(
            location=plan.indikator_location(ind, ("akumulasi",), target_fields=True),
            values={"tahunan": year, "triwulan": quarters, "akumulasi": ind.akumulasi, "cocok": fits},
            params={"akumulasi_label": _label(ind.akumulasi), "triwulan_teks": nums(quarters),
                    "tahunan_teks": num(year), "disimpulkan": _(" (disimpulkan saat impor)")
                    if ind.akumulasi_disimpulkan else "",
                    "cocok_label": str(_(" atau ")).join(_label(f) for f in fits)},
            severity=Severity.INFO if ind.akumulasi_disimpulkan else None,
        )


@rule(
    "target.constant_series_break",
    severity=Severity.ERROR,
    title=_("Satu triwulan memutus deret yang tetap"),
    message=_("Target triwulan ({triwulan_teks}) sama dengan target tahunan {tahunan_teks} kecuali TW {tw}: "
              "{nilai_teks}. Kemungkinan salah ketik; bila benar, jelaskan mengapa nilainya turun-naik."),
)
def target_constant_series_break(plan: PlanSnapshot) -> Iterator[Hit]:
    """Three quarterly targets equal the yearly target and one of TW II–IV does not (Bangka: 18, 18, 100, 18 for
    18 — a headcount that jumps to 100 for one quarter). A different TW I is a target reached in TW II and held
    (50, 100, 100, 100 for 100), which is fine.

    Equality allows for rounding. Such a series fits no accumulation type except, sometimes, nilai akhir (when the
    odd quarter is not the last), so `target.quarterly_mismatch` stays silent on it and this rule says which quarter
    is odd. Values: `tahunan`, `triwulan`, `triwulan_ke` (1–4), `nilai` (the odd value).
    """
    for ind in plan.indikator:
        series = numeric_series(ind)
        if series is None:
            continue
        year, quarters = series.tahunan, series.triwulan
        tw = odd_quarter(series)
        if tw is None:
            continue
        yield Hit(
            location=plan.indikator_location(ind, target_fields=True),
            values={"tahunan": year, "triwulan": quarters, "triwulan_ke": tw, "nilai": quarters[tw - 1]},
            params={"triwulan_teks": nums(quarters), "tahunan_teks": num(year), "tw": TRIWULAN[tw],
                    "nilai_teks": num(quarters[tw - 1])},
        )


@rule(
    "target.missing",
    severity=Severity.WARNING,
    title=_("Target kosong"),
    message=_("{apa} kosong."),
)
def target_missing(plan: PlanSnapshot) -> Iterator[Hit]:
    """An indicator of the plan without a yearly target for the plan's year, or without one or more quarterly
    targets (TW I–IV). An empty cell stays empty in Renaksi (it is not 0): it is reported so that someone fills it.

    A target written as text without a number ("Tersedia") is not empty: that is `target.type_mismatch`. A
    category indicator (an evaluation grade such as AKIP "B") is measured once a year, so its empty quarters are
    not reported as long as one quarter (usually TW IV) carries the category. Values: `tahunan_kosong` (true/false), `triwulan_kosong` (the empty quarters, 1–4).
    """
    for ind in plan.indikator:
        year_missing = ind.tahunan is None or ind.tahunan.kosong
        quarters = {tw: ind.quarter(tw) for tw in (1, 2, 3, 4)}
        quarters_missing = [tw for tw, t in quarters.items() if t is None or t.kosong]
        if ind.jenis_target == "kategori" and len(quarters_missing) < 4:
            # A category (an evaluation grade) is measured once a year: empty quarters before it are expected.
            quarters_missing = []
        if not year_missing and not quarters_missing:
            continue
        if year_missing and len(quarters_missing) == 4:
            apa = _("Semua target indikator ini (tahunan dan TW I–IV)")
        elif year_missing and quarters_missing:
            apa = str(_("Target tahunan dan target {tw}")).format(tw=tw_list(quarters_missing))
        elif year_missing:
            apa = str(_("Target tahunan {tahun}")).format(tahun=plan.tahun)
        elif len(quarters_missing) == 4:
            apa = _("Semua target triwulan (TW I–IV)")
        else:
            apa = str(_("Target {tw}")).format(tw=tw_list(quarters_missing))
        yield Hit(
            location=plan.indikator_location(ind, target_fields=True),
            values={"tahunan_kosong": year_missing, "triwulan_kosong": quarters_missing},
            params={"apa": str(apa)},
        )


def _where(targets: list[TargetData]) -> str:
    parts = ["tahunan" if t.triwulan is None else f"TW {TRIWULAN[t.triwulan]}" for t in targets]
    return ", ".join(parts)


@rule(
    "target.type_mismatch",
    severity=Severity.WARNING,
    title=_("Jenis target tidak sesuai"),
    message=_("{masalah} ({di}: {tertulis}).{saran}"),
)
def target_type_mismatch(plan: PlanSnapshot) -> Iterator[Hit]:
    """A target of the wrong kind: a category ("B", "WTP") or text without a number where the indicator expects a
    number, or a plain number where it expects a category.

    A category indicator (e.g. Hasil Evaluasi AKIP, "B (67,34)") with 0 in the quarters it is not measured is
    reported as info only: 0 there usually means "not measured this quarter", which an empty cell says better.
    Values: `target` (where: "tahunan" or 1–4), `nilai` (the numbers written, or null).
    """
    for ind in plan.indikator:
        targets = [t for t in (ind.tahunan, *(ind.quarter(tw) for tw in (1, 2, 3, 4))) if t is not None]
        if ind.jenis_target == "kategori":
            numbers = [t for t in targets if t.angka]
            if numbers:
                zeros = all(t.nilai == 0 for t in numbers)
                yield Hit(
                    location=plan.indikator_location(ind, target_fields=True),
                    values={"target": [t.triwulan or "tahunan" for t in numbers],
                            "nilai": [t.nilai for t in numbers]},
                    params={"masalah": _("Indikator berjenis kategori, tetapi targetnya berupa angka"),
                            "di": _where(numbers), "tertulis": "; ".join(_written(t) for t in numbers),
                            "saran": _(" Bila artinya belum diukur pada triwulan itu, kosongkan saja.") if zeros
                            else _(" Tulis kategorinya (misalnya B atau WTP), atau ubah jenis target menjadi angka.")},
                    key="angka_di_kategori",
                    severity=Severity.INFO if zeros else None,
                )
            continue
        categories = [t for t in targets if t.kategori]
        if categories:
            yield Hit(
                location=plan.indikator_location(ind, target_fields=True),
                values={"target": [t.triwulan or "tahunan" for t in categories],
                        "nilai": [t.nilai for t in categories]},
                params={"masalah": _("Indikator berjenis angka, tetapi targetnya berupa kategori"),
                        "di": _where(categories), "tertulis": "; ".join(_written(t) for t in categories),
                        "saran": _(" Ubah jenis target indikator menjadi kategori, atau tulis angkanya.")},
                key="kategori_di_angka",
            )
        texts = [t for t in targets if t.nilai is None and not t.kategori and not t.kosong]
        if texts:
            yield Hit(
                location=plan.indikator_location(ind, target_fields=True),
                values={"target": [t.triwulan or "tahunan" for t in texts], "nilai": [None for _t in texts]},
                params={"masalah": _("Target berupa teks tanpa angka"),
                        "di": _where(texts), "tertulis": "; ".join(_written(t) for t in texts),
                        "saran": _(" Tulis target yang terukur sebagai angka.")},
                key="teks_di_angka",
            )


@rule(
    "target.conflicting_sources",
    severity=Severity.ERROR,
    title=_("Satu target, dua nilai berbeda dalam satu dokumen"),
    message=_("Target {kapan} indikator ini tertulis berbeda di dokumen sumber: {tempat}."),
)
def target_conflicting_sources(plan: PlanSnapshot) -> Iterator[Hit]:
    """The same target of an indicator written with two different values in two places of one document (e.g. the
    yearly target in Tabel 2.3 and in Tabel 2.4 of the Samarinda layout).

    Reads the `Provenance` rows the importer keeps on each `Target` (`field` "nilai": one per place the value was
    read, the other places marked "tertulis di tempat lain"). Numbers agree within the rounding of the decimals
    written (29,17 % and 29,170 % agree); categories by their code. Values: `values` (each distinct value, in the
    order the document gives them), `stored` (the target kept in the plan), `triwulan` ("tahunan" or 1–4).
    """
    targets = {}
    for ind in plan.indikator:
        for t in (ind.tahunan, *ind.triwulan.values()):
            if t is not None:
                targets[t.id] = (ind, t)
    for (object_type, object_id), rows in plan.provenance_by_object.items():
        if object_type != "target" or object_id not in targets:
            continue
        numbers: list[Decimal] = []
        for p in rows:
            if p.field != "nilai" or p.nilai is None:
                continue
            if not any(abs(p.nilai - n) <= tolerance(p.nilai, [n]) for n in numbers):
                numbers.append(p.nilai)
        if len(numbers) < 2:
            continue
        ind, target = targets[object_id]
        kapan = str(_("tahunan")) if target.triwulan is None else f"TW {TRIWULAN[target.triwulan]}"
        tempat = "; ".join(f"{p.teks.strip() or num(p.nilai)} ({p.source().describe()})"
                           for p in rows if p.field == "nilai" and p.nilai is not None)
        location = plan.indikator_location(ind, target_fields=True)
        yield Hit(location=location,
                  values={"values": numbers, "stored": target.nilai, "triwulan": target.triwulan or "tahunan"},
                  params={"kapan": kapan, "tempat": tempat}, key=f"t{target.id}",
                  stable_key=f"t{target.triwulan or 0}")
