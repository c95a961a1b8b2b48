from django import template

from renaksi.core.capaian import ROMAWI, Kategori, tampil

register = template.Library()


@register.filter
def isian(value) -> str:
    """A target or realisasi as written: `29,17`, `B (67,34)`, `WTP`; `—` when empty."""
    if value is None:
        return "—"
    if isinstance(value, Kategori):
        return str(value)
    return tampil(value)


@register.filter
def romawi(triwulan) -> str:
    return ROMAWI.get(triwulan, str(triwulan))
