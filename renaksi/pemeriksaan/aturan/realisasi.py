"""Realisasi rules. Registered and documented now; they read `PlanSnapshot.realisasi`, which stays None until the
realisation model exists (see `selectors.load_realisasi`), and yield nothing while it is None."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from django.utils.translation import gettext_lazy as _

from ..findings import Severity
from ..registry import Hit, rule
from ..snapshot import PlanSnapshot
from .common import TRIWULAN, num, rp


@rule(
    "realisasi.anggaran_over_pagu",
    severity=Severity.ERROR,
    title=_("Realisasi anggaran melebihi pagu"),
    message=_("Realisasi anggaran sampai TW {tw} {realisasi_rp} melebihi pagu {pagu_rp} (lebih {selisih_rp})."),
)
def realisasi_anggaran_over_pagu(plan: PlanSnapshot) -> Iterator[Hit]:
    """Money spent on a sub kegiatan (cumulative up to a triwulan) above its pagu. Spending above the budget
    ceiling is not allowed; usually the realisation was typed wrong or the pagu is not the latest (perubahan).
    Reported once per sub kegiatan, at the first triwulan where it happens. Inactive until realisasi exists
    (`PlanSnapshot.realisasi` is None): yields nothing. Values: `pagu`, `realisasi`, `difference`, `triwulan`.
    """
    if plan.realisasi is None:
        return
    by_sub = defaultdict(list)
    for r in plan.realisasi.anggaran:
        by_sub[r.sub_kegiatan_id].append(r)
    for sub in plan.sub_kegiatan:
        if sub.pagu is None:
            continue
        for r in sorted(by_sub.get(sub.id, []), key=lambda r: r.triwulan):
            if r.jumlah > sub.pagu:
                yield Hit(location=plan.anggaran_location("subkegiatan", sub),
                          values={"pagu": sub.pagu, "realisasi": r.jumlah, "difference": r.jumlah - sub.pagu,
                                  "triwulan": r.triwulan},
                          params={"tw": TRIWULAN[r.triwulan], "realisasi_rp": rp(r.jumlah), "pagu_rp": rp(sub.pagu),
                                  "selisih_rp": rp(r.jumlah - sub.pagu)})
                break


@rule(
    "realisasi.shared_pagu",
    severity=Severity.WARNING,
    title=_("Pagu yang sama dihitung di beberapa indikator"),
    message=_("Pagu sub kegiatan ini ({pagu_rp}) dilaporkan sebagai anggaran {n} indikator pada TW {tw}: bila "
              "dijumlahkan, anggarannya terhitung ganda."),
)
def realisasi_shared_pagu(plan: PlanSnapshot) -> Iterator[Hit]:
    """The same sub kegiatan's budget claimed by the realisation of several indicators in one triwulan, so that a
    sum over indicators counts it more than once (shared-pagu double counting, a frequent finding in LKjIP budget
    tables). Inactive until realisasi exists (`PlanSnapshot.realisasi` is None): yields nothing.
    Values: `pagu`, `indikator` (the ids claiming it), `triwulan`.
    """
    if plan.realisasi is None:
        return
    claims: dict[tuple[int, int], set[int]] = defaultdict(set)
    for k in plan.realisasi.kinerja:
        for sub_id in k.sub_kegiatan_ids:
            claims[(sub_id, k.triwulan)].add(k.indikator_id)
    for (sub_id, tw), indikator in sorted(claims.items()):
        sub = plan.sub_kegiatan_by_id.get(sub_id)
        if sub is None or len(indikator) < 2:
            continue
        yield Hit(location=plan.anggaran_location("subkegiatan", sub),
                  values={"pagu": sub.pagu, "indikator": sorted(indikator), "triwulan": tw},
                  params={"pagu_rp": rp(sub.pagu), "n": len(indikator), "tw": TRIWULAN[tw]}, key=f"tw{tw}")


@rule(
    "realisasi.capaian_without_bukti",
    severity=Severity.WARNING,
    title=_("Capaian 100 % atau lebih tanpa bukti dukung"),
    message=_("Capaian TW {tw} {capaian} % tanpa bukti dukung: evaluator akan memintanya."),
)
def realisasi_capaian_without_bukti(plan: PlanSnapshot) -> Iterator[Hit]:
    """A realisation whose capaian is 100 % or more with no bukti dukung (evidence) attached. LKE evaluation
    accepts a capaian only with its evidence. Inactive until realisasi exists (`PlanSnapshot.realisasi` is None):
    yields nothing. Values: `capaian` (%), `triwulan`.
    """
    if plan.realisasi is None:
        return
    for k in plan.realisasi.kinerja:
        ind = plan.indikator_by_id.get(k.indikator_id)
        if ind is None or k.capaian is None or k.capaian < 100 or k.jumlah_bukti > 0:
            continue
        yield Hit(location=plan.indikator_location(ind), values={"capaian": k.capaian, "triwulan": k.triwulan},
                  params={"tw": TRIWULAN[k.triwulan], "capaian": num(k.capaian)}, key=f"tw{k.triwulan}")
