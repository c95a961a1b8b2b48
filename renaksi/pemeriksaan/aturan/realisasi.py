"""Realisasi rules: the quarterly monitoring data of `renaksi.monev` (`PlanSnapshot.realisasi`, filled by
`selectors.load_realisasi`). A snapshot without it (a document checked before import) gives no realisasi findings.
Capaian is computed exactly as the monev form computes it (`renaksi.core.capaian`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from renaksi.core.akumulasi import Akumulasi
from renaksi.core.capaian import Capaian, Isian, Kategori, hitung_capaian
from renaksi.core.wajar import peringatan_persen

from ..findings import Severity
from ..registry import Hit, rule
from ..snapshot import IndikatorData, PlanSnapshot, RealisasiKinerjaData, TargetData
from .common import TRIWULAN, num, rp

# A capaian above this (%) is more likely a unit slip than an achievement.
CAPAIAN_WAJAR = Decimal(300)
# A tindak lanjut still open this many triwulan after the one it was written in.
TINDAK_LANJUT_TRIWULAN = 2


def _isian(nilai: Decimal | None, kategori: str) -> Isian:
    return Kategori(kategori, nilai) if kategori else nilai


def _target(t: TargetData | None) -> Isian:
    return None if t is None else _isian(t.nilai, t.kategori)


def _kinerja(plan: PlanSnapshot) -> dict[int, dict[int, RealisasiKinerjaData]]:
    grouped: dict[int, dict[int, RealisasiKinerjaData]] = defaultdict(dict)
    for k in plan.realisasi.kinerja if plan.realisasi else ():
        grouped[k.indikator_id][k.triwulan] = k
    return grouped


def _capaian(ind: IndikatorData, own: dict[int, RealisasiKinerjaData], triwulan: int) -> Capaian:
    rumus = next(iter(own.values())).rumus_negatif if own else "selisih"
    return hitung_capaian(
        target=[_target(ind.quarter(tw)) for tw in (1, 2, 3, 4)], target_tahun=_target(ind.tahunan),
        realisasi=[None if tw not in own else _isian(own[tw].nilai, own[tw].kategori) for tw in (1, 2, 3, 4)],
        triwulan=triwulan, polaritas=ind.polaritas, akumulasi=ind.akumulasi, rumus_negatif=rumus,
    )


def _capaian_per_triwulan(plan: PlanSnapshot) -> Iterator[tuple[IndikatorData, RealisasiKinerjaData, Capaian]]:
    """Each realisasi with the capaian up to its triwulan."""
    for ind_id, own in _kinerja(plan).items():
        ind = plan.indikator_by_id.get(ind_id)
        if ind is None:
            continue
        for tw, k in sorted(own.items()):
            yield ind, k, _capaian(ind, own, tw)


@rule(
    "realisasi.anggaran_over_pagu",
    severity=Severity.ERROR,
    title=_("Realisasi anggaran melebihi pagu"),
    message=_("Realisasi anggaran sampai TW {tw} {realisasi_rp} melebihi pagu {pagu_rp} (lebih {selisih_rp})."),
)
def realisasi_anggaran_over_pagu(plan: PlanSnapshot) -> Iterator[Hit]:
    """Money spent on a sub kegiatan, summed over TW I..n (each triwulan's realisasi is the amount spent in it),
    above its pagu. Spending above the budget ceiling is not allowed; usually a realisation was typed wrong, was
    entered as the total to date instead of the amount of the triwulan, or the pagu is not the latest (perubahan).
    Reported once per sub kegiatan, at the first triwulan where the sum exceeds the pagu. Sub kegiatan without
    pagu are not checked. Values: `pagu`, `realisasi` (the sum up to that triwulan), `difference`, `triwulan`.
    """
    if plan.realisasi is None:
        return
    by_sub = defaultdict(list)
    for r in plan.realisasi.anggaran:
        by_sub[r.sub_kegiatan_id].append(r)
    for sub in plan.sub_kegiatan:
        if sub.pagu is None:
            continue
        total = 0
        for r in sorted(by_sub.get(sub.id, []), key=lambda r: r.triwulan):
            total += r.jumlah
            if total > sub.pagu:
                yield Hit(location=plan.anggaran_location("subkegiatan", sub),
                          values={"pagu": sub.pagu, "realisasi": total, "difference": total - sub.pagu,
                                  "triwulan": r.triwulan},
                          params={"tw": TRIWULAN[r.triwulan], "realisasi_rp": rp(total), "pagu_rp": rp(sub.pagu),
                                  "selisih_rp": rp(total - sub.pagu)})
                break


@rule(
    "realisasi.anggaran_negative",
    severity=Severity.ERROR,
    title=_("Realisasi anggaran negatif"),
    message=_("Realisasi anggaran TW {tw} bernilai negatif ({realisasi_rp})."),
)
def realisasi_anggaran_negative(plan: PlanSnapshot) -> Iterator[Hit]:
    """A realisasi anggaran below zero. Money spent in a triwulan cannot be negative; a correction of an earlier
    triwulan belongs in that triwulan. Renaksi's own forms refuse it, so this finds data written around them (an
    old database, a direct import). Reported per sub kegiatan and triwulan. Values: `realisasi`, `triwulan`.
    """
    if plan.realisasi is None:
        return
    for r in plan.realisasi.anggaran:
        sub = plan.sub_kegiatan_by_id.get(r.sub_kegiatan_id)
        if sub is None or r.jumlah >= 0:
            continue
        yield Hit(location=plan.anggaran_location("subkegiatan", sub),
                  values={"realisasi": r.jumlah, "triwulan": r.triwulan},
                  params={"tw": TRIWULAN[r.triwulan], "realisasi_rp": rp(r.jumlah)}, key=f"tw{r.triwulan}")


@rule(
    "realisasi.shared_pagu",
    severity=Severity.INFO,
    title=_("Pagu yang sama dihitung di beberapa indikator"),
    message=_("Anggaran sub kegiatan ini ({pagu_rp}, realisasi sampai TW {tw} {realisasi_rp}) mendukung {n} "
              "indikator: bila anggaran dijumlahkan per indikator, anggaran ini terhitung {n} kali."),
)
def realisasi_shared_pagu(plan: PlanSnapshot) -> Iterator[Hit]:
    """A sub kegiatan with realisasi anggaran whose budget supports several indicators that report realisasi.
    Renaksi records realisasi anggaran once per sub kegiatan, so its own serapan never counts it twice; but a
    table of budget per indicator (LKjIP, Renja evaluation) that repeats the sub kegiatan under each indicator sums
    it several times — a frequent finding. Information, once per sub kegiatan, at the latest triwulan reported.
    Values: `pagu`, `realisasi` (summed up to that triwulan), `indikator` (the ids), `triwulan`.
    """
    if plan.realisasi is None:
        return
    reporting = {k.indikator_id for k in plan.realisasi.kinerja}
    spent: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for r in plan.realisasi.anggaran:
        spent[r.sub_kegiatan_id].append((r.triwulan, r.jumlah))
    for sub in plan.sub_kegiatan:
        indikator = sorted(i for i in sub.indikator_ids if i in reporting)
        if sub.id not in spent or len(indikator) < 2:
            continue
        tw = max(t for t, _j in spent[sub.id])
        total = sum(j for _t, j in spent[sub.id])
        yield Hit(location=plan.anggaran_location("subkegiatan", sub),
                  values={"pagu": sub.pagu, "realisasi": total, "indikator": indikator, "triwulan": tw},
                  params={"pagu_rp": rp(sub.pagu), "realisasi_rp": rp(total), "n": len(indikator),
                          "tw": TRIWULAN[tw]})


@rule(
    "realisasi.capaian_without_bukti",
    severity=Severity.WARNING,
    title=_("Capaian 100 % atau lebih tanpa bukti dukung"),
    message=_("Capaian TW {tw} {capaian}% tanpa bukti dukung: evaluator akan memintanya."),
)
def realisasi_capaian_without_bukti(plan: PlanSnapshot) -> Iterator[Hit]:
    """A realisation whose capaian up to its triwulan is 100 % or more, with no bukti dukung (file or link)
    attached to that triwulan's realisasi. LKE evaluation accepts a capaian only with its evidence. Capaian as the
    monev form computes it (polarity, accumulation); codes-only category results have no percentage and are not
    checked. Reported per indikator and triwulan. Values: `capaian` (%), `triwulan`.
    """
    if plan.realisasi is None:
        return
    for ind, k, capaian in _capaian_per_triwulan(plan):
        if capaian.nilai is None or capaian.nilai < 100 or k.jumlah_bukti > 0:
            continue
        yield Hit(location=plan.indikator_location(ind), values={"capaian": capaian.nilai, "triwulan": k.triwulan},
                  params={"tw": TRIWULAN[k.triwulan], "capaian": num(capaian.nilai)}, key=f"tw{k.triwulan}")


@rule(
    "realisasi.capaian_implausible",
    severity=Severity.WARNING,
    title=_("Capaian tidak wajar (lebih dari 300 %)"),
    message=_("Capaian TW {tw} {capaian}% ({rumus}): lebih dari 300 %, kemungkinan salah satuan atau salah "
              "ketik."),
)
def realisasi_capaian_implausible(plan: PlanSnapshot) -> Iterator[Hit]:
    """A capaian above 300 %: far more often a unit slip (a percentage written as a count, thousands as units, a
    realisasi to date entered for a kumulatif indicator) than a real achievement. Reported once per indikator, at
    the first triwulan where it happens. Values: `capaian` (%), `triwulan`.
    """
    if plan.realisasi is None:
        return
    reported: set[int] = set()
    for ind, k, capaian in _capaian_per_triwulan(plan):
        if ind.id in reported or capaian.nilai is None or capaian.nilai <= CAPAIAN_WAJAR:
            continue
        reported.add(ind.id)
        yield Hit(location=plan.indikator_location(ind), values={"capaian": capaian.nilai, "triwulan": k.triwulan},
                  params={"tw": TRIWULAN[k.triwulan], "capaian": num(capaian.nilai), "rumus": capaian.rumus})


@rule(
    "realisasi.persen_implausible",
    severity=Severity.WARNING,
    title=_("Realisasi persen di atas 200 dengan target paling tinggi 100"),
    message=_("TW {tw}: {peringatan}"),
)
def realisasi_persen_implausible(plan: PlanSnapshot) -> Iterator[Hit]:
    """A realisasi of an indicator in Persen above 200 while its target (the triwulan's, else the year's) is at
    most 100: 1.234.567,5 against 80 is a count or an amount in rupiah typed as a percentage, or a misplaced
    separator. The value is kept as entered; the monev form shows the same warning on the row after saving
    (`renaksi.core.wajar.peringatan_persen`, one rule for both). Reported per indikator and triwulan.
    Values: `realisasi`, `target` (None when there is none), `triwulan`.
    """
    if plan.realisasi is None:
        return
    for ind_id, own in _kinerja(plan).items():
        ind = plan.indikator_by_id.get(ind_id)
        if ind is None:
            continue
        for tw, k in sorted(own.items()):
            target = _target(ind.quarter(tw))
            target = _target(ind.tahunan) if target is None else target
            teks = peringatan_persen(realisasi=_isian(k.nilai, k.kategori), satuan=ind.satuan, target=target)
            if teks:
                yield Hit(location=plan.indikator_location(ind),
                          values={"realisasi": k.nilai, "target": target if isinstance(target, Decimal) else None,
                                  "triwulan": tw},
                          params={"tw": TRIWULAN[tw], "peringatan": teks}, key=f"tw{tw}")


@rule(
    "realisasi.nilai_akhir_turun",
    severity=Severity.WARNING,
    title=_("Realisasi nilai akhir menurun"),
    message=_("Realisasi TW {tw} ({realisasi}) lebih rendah dari TW {tw_sebelum} ({sebelumnya}), padahal targetnya "
              "tidak turun: realisasi indikator nilai akhir ditulis sebagai nilai sampai dengan akhir triwulan, "
              "bukan hasil triwulan itu saja."),
)
def realisasi_nilai_akhir_turun(plan: PlanSnapshot) -> Iterator[Hit]:
    """For an indicator of type *nilai akhir* (the year is the last quarter's value, a cumulative-to-date figure),
    a realisasi lower than the previous triwulan's while the target does not go down between them. Usually the
    achievement of the triwulan alone was entered instead of the value to date, and the capaian is then far too
    low. Both triwulan must hold numbers, and both targets too. Reported per indikator and triwulan.
    Values: `triwulan`, `realisasi`, `sebelumnya` (the previous triwulan's realisasi).
    """
    if plan.realisasi is None:
        return
    for ind_id, own in _kinerja(plan).items():
        ind = plan.indikator_by_id.get(ind_id)
        if ind is None or ind.akumulasi != Akumulasi.NILAI_AKHIR:
            continue
        for tw in (2, 3, 4):
            now, before = own.get(tw), own.get(tw - 1)
            t_now, t_before = ind.quarter(tw), ind.quarter(tw - 1)
            if not (now and before and now.nilai is not None and before.nilai is not None
                    and not now.kategori and not before.kategori):
                continue
            if not (t_now and t_before and t_now.angka and t_before.angka and t_now.nilai >= t_before.nilai):
                continue
            if now.nilai < before.nilai:
                yield Hit(location=plan.indikator_location(ind),
                          values={"triwulan": tw, "realisasi": now.nilai, "sebelumnya": before.nilai},
                          params={"tw": TRIWULAN[tw], "tw_sebelum": TRIWULAN[tw - 1], "realisasi": num(now.nilai),
                                  "sebelumnya": num(before.nilai)}, key=f"tw{tw}")


@rule(
    "realisasi.tindak_lanjut_open",
    severity=Severity.WARNING,
    title=_("Tindak lanjut belum selesai setelah dua triwulan"),
    message=_("Tindak lanjut TW {tw} “{uraian}” masih {status} pada TW {tw_kini}."),
)
def realisasi_tindak_lanjut_open(plan: PlanSnapshot) -> Iterator[Hit]:
    """A tindak lanjut written in triwulan n that is still open (terbuka or berjalan) once the plan's reporting
    has reached triwulan n + 2 or later — for example one written in TW I and still not done when TW III is
    reported. Tindak lanjut are meant for the next triwulan; one left open longer is either done and not closed,
    or not done. The plan's reporting triwulan is the latest triwulan with any realisasi or tindak lanjut.
    Values: `triwulan` (when written), `status`, `triwulan_terakhir`.
    """
    if plan.realisasi is None:
        return
    latest = plan.realisasi.triwulan_terakhir
    for tl in plan.realisasi.tindak_lanjut:
        ind = plan.indikator_by_id.get(tl.indikator_id)
        if ind is None or not tl.terbuka or latest - tl.triwulan < TINDAK_LANJUT_TRIWULAN:
            continue
        status = "terbuka" if tl.status == "terbuka" else "berjalan"
        yield Hit(location=plan.indikator_location(ind),
                  values={"triwulan": tl.triwulan, "status": tl.status, "triwulan_terakhir": latest},
                  params={"tw": TRIWULAN[tl.triwulan], "uraian": tl.uraian[:80], "status": status,
                          "tw_kini": TRIWULAN[latest]}, key=f"tl{tl.id}",
                  stable_key=f"tl{tl.triwulan}")
