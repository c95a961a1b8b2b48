"""Formatting for printed documents: Indonesian dates."""

from __future__ import annotations

from datetime import date

from django import template

register = template.Library()

NAMA_BULAN = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
              "November", "Desember")


def format_tanggal(value: date | None) -> str:
    """date(2024, 1, 2) → '2 Januari 2024' (never depends on the server's locale); None → ''."""
    if value is None:
        return ""
    return f"{value.day} {NAMA_BULAN[value.month - 1]} {value.year}"


@register.filter
def tanggal_id(value: date | None) -> str:
    return format_tanggal(value)
