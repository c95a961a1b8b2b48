"""The master list of Kepmendagri codes (program / kegiatan / sub kegiatan), as a code picker reads it.

The nomenclature changes almost every year, so it is versioned by `tahun`. A plan for a year that has no
version of its own yet uses the latest earlier version (or, failing that, the earliest later one), and
`nomenklatur_tahun_berlaku` says which one that is, so a page can tell the user.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from .models import Nomenklatur


def nomenklatur_tahun_berlaku(tahun: int) -> int | None:
    """The version year that applies to `tahun`: itself, else the latest earlier, else the earliest later."""
    years = set(Nomenklatur.objects.values_list("tahun", flat=True).distinct())
    if not years:
        return None
    if tahun in years:
        return tahun
    earlier = [y for y in years if y < tahun]
    return max(earlier) if earlier else min(years)


def nomenklatur_search(*, tahun: int, level: str | None = None, q: str = "", limit: int = 20) -> list[Nomenklatur]:
    """Codes of the version for `tahun`, filtered by level and by a query on code or name.

    `q` matches when every word of it occurs in the code or the name (case-insensitive), so "8.01.02",
    "ideologi pancasila" and "rapat koordinasi skpd" all work. Codes are compared as text, never as numbers.
    Results are ordered by code.
    """
    versi = nomenklatur_tahun_berlaku(tahun)
    if versi is None:
        return []
    qs: QuerySet[Nomenklatur] = Nomenklatur.objects.filter(tahun=versi)
    if level:
        qs = qs.filter(level=level)
    for word in q.split():
        qs = qs.filter(Q(kode__icontains=word) | Q(nama__icontains=word))
    return list(qs.order_by("kode")[: max(limit, 0)])
