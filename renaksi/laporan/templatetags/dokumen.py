"""Formatting for printed documents: Indonesian dates, the rows of the RA document page's tables.

A plan of 1,000 aksi has 1,000 aksi rows with 12 month cells each, in a hundred tables: written as template code they
were most of the RA document page's time, so they are built here (the aksi tables of a bidang, the rows of Tabel
2.1–2.4 and of the bidang's indikator), with the same markup and escaping a template would give."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from html import escape

from django import template
from django.template.loader import get_template
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from renaksi.core.bulan import format_tanggal
from renaksi.core.templatetags.angka import rupiah
from renaksi.laporan.builders import (
    BarisAnggaran,
    BarisIku,
    BarisIndikatorBidang,
    BarisPk,
    BarisTarget,
    Nilai,
    TabelAksi,
)

register = template.Library()


@register.filter
def tanggal_id(value: date | None) -> str:
    return format_tanggal(value)


def _e(value: object) -> str:
    """`{{ value }}` of a plain value: Django's `escape` is the same function with a check for lazy strings that
    costs more than the escaping itself, thousands of times per page."""
    return escape(str(value))


@lru_cache(maxsize=4096)  # one per schedule (2^12 at most): a plan repeats a few dozen
def _sel_jadwal(jadwal: tuple[bool, ...], on: str) -> str:
    """The twelve month cells of an aksi's row, `on` (a dot) on a scheduled month."""
    return "".join(on if x else '<td class="jadwal"></td>' for x in jadwal)


def _baris_aksi(tabel: TabelAksi, on: str) -> str:
    """The rows of an aksi table: one per aksi, with the program, kegiatan, sub kegiatan, target and pagu of the
    table spanning every row from the first one; `on` is a scheduled month's cell."""
    span = tabel.rowspan
    kepala = (f'\n        <td rowspan="{span}">{_e(tabel.program)}</td><td rowspan="{span}">{_e(tabel.kegiatan)}</td>\n'
              f'        <td rowspan="{span}">{_kode(tabel.kode)}{_e(tabel.sub_kegiatan)}</td>\n'
              f'        <td class="c" rowspan="{span}">{_e(tabel.target.tampil)}</td>'
              f'<td class="uang" rowspan="{span}">{_e(rupiah(tabel.pagu))}</td>\n        ')
    return "".join(
        f'<tr>\n        <td class="c">{_e(aksi.nomor)}</td><td>{_e(aksi.uraian)}</td>\n'
        f'        {_sel_jadwal(aksi.jadwal, on)}\n        <td>{_e(aksi.keluaran)}</td>\n'
        f'        {kepala if n == 0 else ""}\n      </tr>'
        for n, aksi in enumerate(tabel.aksi))


def _baris_sasaran(row: BarisIku | BarisPk | BarisTarget | BarisIndikatorBidang, sel: str) -> str:
    """A row of Tabel 2.1, 2.2, 2.4 or a bidang's indikator table: number, sasaran (spanning its indikator),
    indikator, then the table's own cells `sel`."""
    return (f'<tr>\n        <td class="c">{_e(row.nomor)}</td>\n        {_td(row.sasaran_rowspan, row.sasaran)}\n'
            f'        <td>{_e(row.indikator)}</td>{sel}\n      </tr>')


def _sel_triwulan(targets: list[Nilai]) -> str:
    return "".join(_TD_C.format(_e(t.tampil)) for t in targets)


@register.filter
def baris_indikator(rows: list[BarisIndikatorBidang]) -> SafeString:
    """The rows of a bidang's indikator table: TW I–IV targets."""
    return mark_safe("".join(  # noqa: S308 - every text in it is escaped
        _baris_sasaran(row, f"\n        {_sel_triwulan(row.triwulan)}") for row in rows))


@register.filter
def baris_iku(rows: list[BarisIku]) -> SafeString:
    """The rows of Tabel 2.1: formulasi, target."""
    return mark_safe("".join(  # noqa: S308 - every text in it is escaped
        _baris_sasaran(row, f'<td>{_e(row.formulasi)}</td><td class="c">{_e(row.target.tampil)}</td>')
        for row in rows))


@register.filter
def baris_pk(rows: list[BarisPk]) -> SafeString:
    """The rows of Tabel 2.2: target."""
    return mark_safe("".join(  # noqa: S308 - every text in it is escaped
        _baris_sasaran(row, f'<td class="c">{_e(row.target.tampil)}</td>') for row in rows))


@register.filter
def baris_target(rows: list[BarisTarget]) -> SafeString:
    """The rows of Tabel 2.4: satuan, yearly and TW targets."""
    return mark_safe("".join(  # noqa: S308 - every text in it is escaped
        _baris_sasaran(row, f'<td class="c">{_e(row.satuan)}</td><td class="c">{_e(row.tahunan.tampil)}</td>'
                            f'\n        {_sel_triwulan(row.triwulan)}')
        for row in rows))


@register.filter
def baris_anggaran(rows: list[BarisAnggaran]) -> SafeString:
    """The rows of Tabel 2.3: number, sasaran, indikator with its target and program, each spanning the kegiatan
    and sub kegiatan under it, then the kegiatan or sub kegiatan with its pagu."""
    label_kegiatan = f'<span class="label-jenis">{_e(_("Kegiatan"))} :</span> '
    label_sub = f'<span class="label-jenis">{_e(_("Sub Kegiatan"))} :</span> '
    html = []
    for row in rows:
        if row.jenis == "kegiatan":
            label = label_kegiatan
        elif row.jenis == "sub_kegiatan":
            label = f"{label_sub if row.urutan == 1 else ''}{row.urutan}. "
        else:
            label = ""
        target = f'<td class="c" rowspan="{row.indikator_rowspan}">{_e(row.target.tampil)}</td>'
        html.append(
            f'<tr class="baris-{_e(row.jenis)}">\n        '
            f'{_td(row.nomor_rowspan, row.nomor, _CLASS_C)}\n        {_td(row.sasaran_rowspan, row.sasaran)}\n        '
            f'{_td(row.indikator_rowspan, row.indikator)}{target if row.indikator_rowspan else ""}\n        '
            f'{_td(row.program_rowspan, row.program, kode=row.program_kode)}\n        '
            f'<td class="uraian">{label}{_kode(row.kode)}{_e(row.uraian)}</td>\n'
            f'        <td class="uang">{_e(rupiah(row.pagu))}</td>\n      </tr>')
    return mark_safe("".join(html))  # noqa: S308 - every text in it is escaped


_CLASS_C = ' class="c"'
_TD_C = '<td class="c">{}</td>'


def _kode(kode: str) -> str:
    return f'<span class="kode">{_e(kode)}</span> ' if kode else ""


def _td(rowspan: int, text: str, attrs: str = "", kode: str = "") -> str:
    """A cell spanning `rowspan` rows, or nothing on the rows it spans (rowspan 0)."""
    return f'<td{attrs} rowspan="{rowspan}">{_kode(kode)}{_e(text)}</td>' if rowspan else ""


def _kepala_aksi(context) -> str:
    """The colgroup and head of an aksi table, the same for every table of the document: rendered once per page
    (a plan of 300 sub kegiatan has 300 aksi tables)."""
    cache = context.render_context
    if "kepala_aksi" not in cache:
        cache["kepala_aksi"] = get_template("laporan/_kepala_aksi.html").render({"dokumen": context["dokumen"]})
    return cache["kepala_aksi"]


@register.simple_tag(takes_context=True)
def tabel_aksi(context, tabel_list: list[TabelAksi]) -> SafeString:
    """The aksi tables of a bidang, one per sub kegiatan: its aksi rows, or one row saying it has none."""
    kepala = _kepala_aksi(context)
    on = format_html('<td class="jadwal on" title="{}">●</td>', _("dijadwalkan"))
    kosong = '<td class="jadwal"></td>' * len(context["dokumen"].bulan)
    html = []
    for tabel in tabel_list:
        if tabel.aksi:
            rows = _baris_aksi(tabel, on)
        else:
            rows = (f'<tr>\n        <td></td><td class="kosong">{_e(_("Belum ada aksi."))}</td>{kosong}<td></td>\n'
                    f'        <td>{_e(tabel.program)}</td><td>{_e(tabel.kegiatan)}</td><td>{_kode(tabel.kode)}'
                    f'{_e(tabel.sub_kegiatan)}</td>\n        <td class="c">{_e(tabel.target.tampil)}</td>'
                    f'<td class="uang">{_e(rupiah(tabel.pagu))}</td>\n      </tr>')
        html.append(f'\n    <table class="tabel-dokumen tabel-aksi">\n      {kepala}\n      <tbody>\n      {rows}\n'
                    f'      </tbody>\n    </table>\n    ')
    return mark_safe("".join(html))  # noqa: S308 - every text in it is escaped
