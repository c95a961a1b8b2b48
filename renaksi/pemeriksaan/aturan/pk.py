"""Perjanjian Kinerja rules: the RA must carry the targets its PK promised."""

from __future__ import annotations

from collections.abc import Iterator

from django.utils.translation import gettext_lazy as _

from renaksi.core.akumulasi import tolerance

from ..findings import Severity
from ..registry import Hit, rule
from ..snapshot import PlanSnapshot
from .common import num


@rule(
    "pk.target_mismatch",
    severity=Severity.ERROR,
    title=_("Target PK berbeda dari target Rencana Aksi"),
    message=_("Target indikator ini di Perjanjian Kinerja {pk_teks}, sedangkan target tahunan {tahun} di Rencana "
              "Aksi {ra_teks}."),
)
def pk_target_mismatch(plan: PlanSnapshot) -> Iterator[Hit]:
    """A Perjanjian Kinerja item whose target differs from the yearly target of the same indicator in the Rencana
    Aksi. The RA details how the PK is met, so both must state the same target; a PK perubahan must be followed by
    the RA. Numbers are compared with the rounding tolerance of the decimals written (29,17 and 29,170 agree);
    categories by their code. An item not linked to an indicator, or an indicator without a yearly target, is not
    compared (the latter is `target.missing`). Values: `pk`, `ra`, and `difference` (pk − ra) for numbers.
    """
    for item in plan.pk_items:
        ind = plan.indikator_by_id.get(item.indikator_id) if item.indikator_id else None
        if ind is None or ind.tahunan is None or ind.tahunan.kosong:
            continue
        ra = ind.tahunan
        pk_teks = item.target_teks.strip() or item.target_kategori or num(item.target_nilai)
        ra_teks = ra.teks.strip() or ra.kategori or num(ra.nilai)
        if item.target_kategori or ra.kategori:
            if item.target_kategori == ra.kategori or not (item.target_kategori and ra.kategori):
                continue
            values = {"pk": item.target_kategori, "ra": ra.kategori}
        else:
            if item.target_nilai is None or ra.nilai is None:
                continue
            if abs(item.target_nilai - ra.nilai) <= tolerance(item.target_nilai, [ra.nilai]):
                continue
            values = {"pk": item.target_nilai, "ra": ra.nilai, "difference": item.target_nilai - ra.nilai}
        location = plan.indikator_location(ind, target_fields=True)
        extra = plan.sources("perjanjiankinerjaitem", item.id)
        location = type(location)(location.object_type, location.object_id, location.label, location.bidang_id,
                                  location.sources + tuple(s for s in extra if s not in location.sources))
        yield Hit(location=location, values=values,
                  params={"pk_teks": pk_teks, "ra_teks": ra_teks, "tahun": plan.tahun}, key=f"pk{item.id}",
                  stable_key=f"pk{item.kunci}" if item.kunci else None)
