"""Formatting for printed documents: Indonesian dates, the rows of the aksi tables.

A plan of 1,000 aksi has 1,000 aksi rows with 12 month cells each: written as template code they were most of the
RA document page's time, so they are built here, with the same markup and escaping a template would give."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

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


def _sel_jadwal(jadwal: Sequence[bool], on: str) -> str:
    """The twelve month cells of an aksi's row, `on` (a dot) on a scheduled month."""
    return "".join(on if x else '<td class="jadwal"></td>' for x in jadwal)


@register.filter
def baris_aksi(tabel: TabelAksi) -> SafeString:
    """The rows of an aksi table: one per aksi, with the program, kegiatan, sub kegiatan, target and pagu of the
    table spanning every row from the first one."""
    span = tabel.rowspan
    kode = format_html('<span class="kode">{}</span> ', tabel.kode) if tabel.kode else ""
    kepala = format_html(
        '\n        <td rowspan="{0}">{1}</td><td rowspan="{0}">{2}</td>\n'
        '        <td rowspan="{0}">{3}{4}</td>\n'
        '        <td class="c" rowspan="{0}">{5}</td><td class="uang" rowspan="{0}">{6}</td>\n        ',
        span, tabel.program, tabel.kegiatan, kode, tabel.sub_kegiatan, tabel.target.tampil, rupiah(tabel.pagu))
    on = format_html('<td class="jadwal on" title="{}">●</td>', _("dijadwalkan"))
    return mark_safe("".join(  # noqa: S308 - every text in it went through format_html
        format_html('<tr>\n        <td class="c">{}</td><td>{}</td>\n        {}\n        <td>{}</td>\n        {}\n'
                    '      </tr>', aksi.nomor, aksi.uraian, mark_safe(_sel_jadwal(aksi.jadwal, on)),  # noqa: S308
                    aksi.keluaran, kepala if n == 0 else "")
        for n, aksi in enumerate(tabel.aksi)))


@register.simple_tag(takes_context=True)
def kepala_aksi(context) -> SafeString:
    """The colgroup and head of an aksi table, the same for every table of the document: rendered once per page
    (a plan of 300 sub kegiatan has 300 aksi tables)."""
    cache = context.render_context
    if "kepala_aksi" not in cache:
        cache["kepala_aksi"] = get_template("laporan/_kepala_aksi.html").render({"dokumen": context["dokumen"]})
    return cache["kepala_aksi"]
