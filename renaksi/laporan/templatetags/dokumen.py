"""Formatting for printed documents: Indonesian dates, the rows of the aksi tables.

A plan of 1,000 aksi has 1,000 aksi rows with 12 month cells each: written as template code they were most of the
RA document page's time, so they are built here, with the same markup and escaping a template would give."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from html import escape

from django import template
from django.template.loader import get_template
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from renaksi.core.bulan import format_tanggal
from renaksi.core.templatetags.angka import rupiah
from renaksi.laporan.builders import TabelAksi

register = template.Library()


@register.filter
def tanggal_id(value: date | None) -> str:
    return format_tanggal(value)


def _e(value: object) -> str:
    """`{{ value }}` of a plain value: Django's `escape` is the same function with a check for lazy strings that
    costs more than the escaping itself, thousands of times per page."""
    return escape(str(value))


def _sel_jadwal(jadwal: Sequence[bool], on: str) -> str:
    """The twelve month cells of an aksi's row, `on` (a dot) on a scheduled month."""
    return "".join(on if x else '<td class="jadwal"></td>' for x in jadwal)


@register.filter
def baris_aksi(tabel: TabelAksi) -> SafeString:
    """The rows of an aksi table: one per aksi, with the program, kegiatan, sub kegiatan, target and pagu of the
    table spanning every row from the first one."""
    span = tabel.rowspan
    kode = f'<span class="kode">{_e(tabel.kode)}</span> ' if tabel.kode else ""
    kepala = (f'\n        <td rowspan="{span}">{_e(tabel.program)}</td><td rowspan="{span}">{_e(tabel.kegiatan)}</td>\n'
              f'        <td rowspan="{span}">{kode}{_e(tabel.sub_kegiatan)}</td>\n'
              f'        <td class="c" rowspan="{span}">{_e(tabel.target.tampil)}</td>'
              f'<td class="uang" rowspan="{span}">{_e(rupiah(tabel.pagu))}</td>\n        ')
    on = format_html('<td class="jadwal on" title="{}">●</td>', _("dijadwalkan"))
    return mark_safe("".join(  # noqa: S308 - every text in it is escaped
        f'<tr>\n        <td class="c">{_e(aksi.nomor)}</td><td>{_e(aksi.uraian)}</td>\n'
        f'        {_sel_jadwal(aksi.jadwal, on)}\n        <td>{_e(aksi.keluaran)}</td>\n'
        f'        {kepala if n == 0 else ""}\n      </tr>'
        for n, aksi in enumerate(tabel.aksi)))


@register.simple_tag(takes_context=True)
def kepala_aksi(context) -> SafeString:
    """The colgroup and head of an aksi table, the same for every table of the document: rendered once per page
    (a plan of 300 sub kegiatan has 300 aksi tables)."""
    cache = context.render_context
    if "kepala_aksi" not in cache:
        cache["kepala_aksi"] = get_template("laporan/_kepala_aksi.html").render({"dokumen": context["dokumen"]})
    return cache["kepala_aksi"]
