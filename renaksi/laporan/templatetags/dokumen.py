"""Formatting for printed documents: Indonesian dates, the months of an aksi's schedule."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from renaksi.core.bulan import format_tanggal

register = template.Library()


@register.filter
def tanggal_id(value: date | None) -> str:
    return format_tanggal(value)


@register.filter
def sel_jadwal(jadwal: Sequence[bool]) -> SafeString:
    """The twelve month cells of an aksi's row, a dot on a filled cell for a scheduled month: one call per aksi
    instead of a loop with conditions per month (a plan of 1,000 aksi has 12,000 of these cells)."""
    on = format_html('<td class="jadwal on" title="{}">●</td>', _("dijadwalkan"))
    off = '<td class="jadwal"></td>'
    return mark_safe("".join(on if x else off for x in jadwal))  # noqa: S308 - only the escaped title is text
