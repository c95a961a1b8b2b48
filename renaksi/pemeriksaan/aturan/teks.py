"""Text rules: a sasaran that only repeats its indicator."""

from __future__ import annotations

from collections.abc import Iterator

from django.utils.translation import gettext_lazy as _

from ..findings import Severity
from ..registry import Hit, rule
from ..snapshot import PlanSnapshot
from .common import normalize_text


@rule(
    "sasaran.same_as_indikator",
    severity=Severity.WARNING,
    title=_("Sasaran sama dengan indikatornya"),
    message=_("Uraian sasaran sama persis dengan indikatornya \"{nama}\": sasaran menyatakan kondisi yang ingin "
              "dicapai, indikator menyatakan cara mengukurnya (misalnya \"Persentase …\", \"Jumlah …\")."),
)
def sasaran_same_as_indikator(plan: PlanSnapshot) -> Iterator[Hit]:
    """A sasaran whose text is identical to the text of one of its indicators (ignoring case, punctuation and
    spacing), as in Bangka's "Meningkatnya Peran Serta Generasi Muda …" written in both columns. An indicator
    must say how the sasaran is measured; a copy of the sasaran measures nothing. Values: `indikator` (its name: an
    id would change in every version of the plan, and the acknowledgement with it).
    """
    for sasaran in plan.sasaran:
        text = normalize_text(sasaran.uraian)
        if not text:
            continue
        for ind in plan.indikator_by_sasaran.get(sasaran.id, []):
            if normalize_text(ind.nama) == text:
                nama = " ".join(ind.nama.split())
                yield Hit(location=plan.sasaran_location(sasaran, ("uraian",)), values={"indikator": nama},
                          params={"nama": nama}, key=str(ind.id),
                          stable_key=ind.kunci or None)
