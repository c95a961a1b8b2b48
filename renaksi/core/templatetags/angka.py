"""Number formatting at the edge: Indonesian grouping for people, never inside ids or URLs."""

from decimal import Decimal

from django import template

from renaksi.core.angka import format_angka, format_persen, format_rupiah
from renaksi.core.nip import format_nip

register = template.Library()


@register.filter
def rupiah(value, rp: str = "") -> str:
    """1030000 → '1.030.000'; `|rupiah:"rp"` → 'Rp1.030.000'; empty stays empty."""
    return "" if value in (None, "") else format_rupiah(int(value), rp=bool(rp))



@register.filter
def angka(value, desimal=None) -> str:
    """Decimal('33.330000') with desimal=2 → '33,33'; without desimal, trailing zeros are dropped."""
    if value in (None, ""):
        return ""
    value = Decimal(value)
    if desimal in (None, ""):
        value = value.normalize() if value != value.to_integral() else value.quantize(Decimal(1))
        return format_angka(value)
    return format_angka(value, int(desimal))


@register.filter
def persen(value, desimal=None) -> str:
    """Decimal('96.1100') with desimal=2 → '96,11%' (`format_persen`: as the documents print it); empty stays
    empty."""
    if value in (None, ""):
        return ""
    return format_persen(Decimal(value), None if desimal in (None, "") else int(desimal))


@register.filter
def nip(value) -> str:
    return format_nip(value or "")
