"""Is a realisasi plausible for its indicator's satuan? (DOMAIN.md, "What goes wrong in real plans").

A realisasi is kept as entered — never refused or changed — but one that cannot be what was meant is named: the
monev form shows the warning on the row after saving, and the checker reports it (`realisasi.persen_implausible`).
Both call `peringatan_persen`, so they agree.

Rule: an indicator in Persen whose realisasi is above 200 while its target (the triwulan's, else the year's) is at
most 100 — 1.234.567,5 % against a target of 80 % is a count or money typed into a percentage, or a misplaced
separator. A little over 100 is often true (a PAD realised at 104 % of its plan) and is left alone, as is a
percentage with a target above 100 (growth, "120 %") and any category.
"""

from __future__ import annotations

from decimal import Decimal

from django.utils.translation import gettext as _

from .capaian import Isian, tampil

SERATUS = Decimal(100)
BATAS = Decimal(200)  # above this a percentage with a target of at most 100 is named
SATUAN_PERSEN = {"persen", "%", "persentase", "prosen"}


def satuan_persen(satuan: str) -> bool:
    """"Persen", "%", "persen (%)" …: the indicator is measured in percent."""
    kata = satuan.strip().casefold().replace("(%)", "").strip()
    return kata in SATUAN_PERSEN or satuan.strip() == "%"


def peringatan_persen(*, realisasi: Isian, satuan: str, target: Isian) -> str:
    """The warning for an implausible realisasi in Persen (see the module), or "" when it is plausible."""
    if not isinstance(realisasi, Decimal) or not satuan_persen(satuan) or realisasi <= BATAS:
        return ""
    if isinstance(target, Decimal) and target > SERATUS:
        return ""
    if isinstance(target, Decimal):
        return _("Realisasi %(r)s %% melebihi 100 %% padahal targetnya %(t)s %%: periksa satuan atau salah ketik "
                 "(misalnya jumlah atau rupiah yang diisi sebagai persen).") % {
            "r": tampil(realisasi), "t": tampil(target)}
    return _("Realisasi %(r)s %% melebihi 100 %% untuk indikator bersatuan persen: periksa satuan atau salah "
             "ketik.") % {"r": tampil(realisasi)}
