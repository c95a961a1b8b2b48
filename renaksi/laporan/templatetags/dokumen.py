"""Formatting for printed documents: Indonesian dates."""

from __future__ import annotations

from datetime import date

from django import template

from renaksi.core.bulan import format_tanggal

register = template.Library()


@register.filter
def tanggal_id(value: date | None) -> str:
    return format_tanggal(value)
