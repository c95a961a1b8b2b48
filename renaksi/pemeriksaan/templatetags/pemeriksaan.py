"""Showing a finding to people: the rule's Indonesian title (its id only names the docs page), values with
numbers in Indonesian form, lists joined, and the codes of likely causes as words."""

from decimal import Decimal

from django import template

from renaksi.core.angka import format_angka

register = template.Library()

LABELS = {
    "expected": "tertulis", "actual": "jumlah rincian", "difference": "selisih", "children": "rincian",
    "factor": "faktor", "cause": "kemungkinan penyebab", "values": "nilai", "stored": "tersimpan",
    "tahunan": "tahunan", "triwulan": "TW I–IV", "jumlah": "jumlah", "rata_rata": "rata-rata",
}


# The `cause` codes a pagu finding stores (aturan/pagu.py, aturan/common.py), as a person reads them.
PENYEBAB = {
    "faktor": "salah satuan (rupiah/ribuan/jutaan)",
    "faktor_anak": "pagu rincian salah satuan",
    "anak_tidak_dihitung": "rincian belum dimasukkan",
    "anak_dihitung_ganda": "rincian dihitung dua kali",
    "selisih_anak": "selisih rincian di tingkat bawah",
    "cucu": "rincian tingkat di bawahnya",
    "salah_ketik": "salah ketik satu digit",
    "transposisi": "dua digit tertukar",
    "digit_hilang": "digit terlewat atau berlebih",
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


@register.simple_tag
def nilai_temuan_kunci(key: str, value) -> str:
    """A value of a finding; a cause code as words ("selisih_anak" → "selisih rincian di tingkat bawah")."""
    if key == "cause" and isinstance(value, str):
        return PENYEBAB.get(value, value.replace("_", " "))
    return _one(value)


@register.filter
def judul_aturan(rule_id: str) -> str:
    """The rule's Indonesian title ("pagu.conflicting_sources" → "Pagu berbeda antarsumber"); the id if unknown."""
    from renaksi.pemeriksaan.registry import RULES, all_rules

    rule = (RULES if rule_id in RULES else {r.id: r for r in all_rules()}).get(rule_id)
    return str(rule.title) if rule else rule_id


@register.filter
def dok_aturan(rule_id: str) -> str:
    """Where the rule is explained: its page in the documentation (docs/pemeriksaan/<id>.md)."""
    return f"docs/pemeriksaan/{rule_id}.md"
