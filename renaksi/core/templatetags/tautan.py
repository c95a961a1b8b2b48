"""`{% url_baris %}`: `{% url %}` for a link repeated on every row of a long table (a dashboard's PDs, reports and
indikator), reversing its pattern once per process instead of once per row (`renaksi.core.baris.url_baris`)."""

from __future__ import annotations

from django import template

from renaksi.core.baris import url_baris as _url_baris

register = template.Library()


@register.simple_tag
def url_baris(name: str, *args: int | str) -> str:
    """`{% url name arg … %}`, the same URL; int arguments (ids, triwulan) are filled into the cached pattern."""
    return _url_baris(name, *args)
