"""Showing a finding's values to people: numbers in Indonesian form, lists joined."""

from decimal import Decimal

from django import template

from renaksi.core.angka import format_angka

register = template.Library()

LABELS = {
    "expected": "tertulis", "actual": "jumlah rincian", "difference": "selisih", "children": "rincian",
    "factor": "faktor", "cause": "kemungkinan penyebab", "values": "nilai", "stored": "tersimpan",
    "tahunan": "tahunan", "triwulan": "TW I–IV", "jumlah": "jumlah", "rata_rata": "rata-rata",
}


def _one(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, int | Decimal):
        value = Decimal(value)
        return format_angka(value.normalize() if value != value.to_integral_value() else value.quantize(1))
    if isinstance(value, list | tuple):
        return "; ".join(_one(v) for v in value) or "—"
    return str(value)


@register.filter
def nilai_temuan(value) -> str:
    return _one(value)


@register.filter
def label_nilai(key: str) -> str:
    return LABELS.get(key, key.replace("_", " "))
