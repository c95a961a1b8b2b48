from functools import lru_cache
from html import escape  # what django.utils.html.escape does, without its lazy-string wrapper (per row)

from django import template
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from renaksi.core.angka import format_rupiah
from renaksi.core.baris import url_pola
from renaksi.core.capaian import ROMAWI, Kategori, tampil
from renaksi.core.templatetags.angka import angka

register = template.Library()


@register.filter
def isian(value) -> str:
    """A target or realisasi as written: `29,17`, `B (67,34)`, `WTP`; `—` when empty."""
    if value is None:
        return "—"
    if isinstance(value, Kategori):
        return str(value)
    return tampil(value)


@register.filter
def romawi(triwulan) -> str:
    return ROMAWI.get(triwulan, str(triwulan))


@register.simple_tag(takes_context=True)
def baris_sub_kegiatan(context, row: dict) -> SafeString:
    """One sub kegiatan row of the monev form (`Halaman.sub_kegiatan_row`): its realisasi anggaran as an input, or
    as a value when the user may not report it. Built in Python rather than a template per row, as the aksi rows
    are; the HTML is what `_sub_kegiatan.html` rendered before, byte for byte, with its trailing newline."""
    return mark_safe(_sub_kegiatan(row, url_pola("monev_anggaran_save", None, None), int(context["tw"]),
                                   _teks(get_language())))


@register.simple_tag(takes_context=True)
def baris_sub_kegiatan_daftar(context, rows: list[dict]) -> SafeString:
    """The sub kegiatan rows of a kegiatan section, one after another."""
    url, tw, teks = url_pola("monev_anggaran_save", None, None), int(context["tw"]), _teks(get_language())
    return mark_safe("".join([_sub_kegiatan(row, url, tw, teks) for row in rows]))


def _sub_kegiatan(row: dict, url: str, tw: int, teks: dict[str, str]) -> str:
    s = row["s"]
    sub = s.sub_kegiatan
    pk = sub.pk
    errors = "".join(f'<div class="is-invalid-msg text-start" role="alert">{escape(e)}</div>' for e in row["errors"])
    if row["can"]:
        given = row["input"]
        versi = "" if given["versi"] is None else f' value="{escape(str(given["versi"]))}"'
        if given["versi_invalid"]:  # as the form's widget marked it
            versi += ' class="is-invalid" aria-invalid="true"'
        field_errors = "".join(f'<div class="is-invalid-msg text-start">{escape(e)}</div>' for e in given["errors"])
        cell = (f'\n    <form class="d-inline-flex gap-1 justify-content-end" hx-post="{url.format(pk, tw)}" '
                f'hx-target="#sub-{pk}" hx-swap="outerHTML">'
                f'<input type="hidden" name="versi_baris"{versi} id="id_versi_baris">\n'
                f'      <label class="visually-hidden" for="sub{pk}-jumlah">{teks["label"]} {escape(sub.nama)}</label>\n'
                f'      <input type="text" name="jumlah" id="sub{pk}-jumlah" class="form-control form-control-sm '
                f'text-end uang-input{" is-invalid" if given["invalid"] else ""}" inputmode="numeric" '
                f'value="{escape(str(given["value"] or ""))}" maxlength="40" autocomplete="off">\n'
                f'      <button class="btn btn-sm btn-outline-primary" type="submit" data-save '
                f'aria-label="{teks["simpan"]}"><i class="bi bi-check2"></i></button>\n    </form>\n'
                f'    {field_errors}\n    ')
    else:
        cell = f"{_rupiah(row['jumlah'])}"
    serapan = "—" if s.serapan is None else f"{angka(s.serapan, 2)}%"
    return (f'\n<tr id="sub-{pk}"{" data-edit-row" if row["can"] else ""}>\n'
            f"  <td>{escape(sub.kode)} {escape(sub.nama)}</td>\n"
            f'  <td class="small text-muted">{escape(sub.bidang_nama or "")}</td>\n'
            f'  <td class="num">{_rupiah(sub.pagu)}</td>\n'
            f'  <td class="num">\n    {cell}\n    {errors}\n  </td>\n'
            f'  <td class="num">{_rupiah(row["sampai"])}</td>\n'
            f'  <td class="num">{serapan}</td>\n</tr>\n')


def _rupiah(value: int | None) -> str:
    return "" if value is None else format_rupiah(value)


@register.simple_tag(takes_context=True)
def baris_aksi(context, row: dict) -> SafeString:
    """One aksi row of the monev form (`Halaman.aksi_row`): its three months as selects, or as badges when the
    user may not report it. Built in Python, not a template per row: a kegiatan section may hold hundreds of aksi
    (docs/performance.md); the HTML is what `_aksi.html` rendered before, but for whitespace."""
    return baris_aksi_daftar(context, [row])


@register.simple_tag(takes_context=True)
def baris_aksi_daftar(context, rows: list[dict]) -> SafeString:
    """The aksi rows of a kegiatan section, one after another."""
    url, tw, simpan = url_pola("monev_progres_save", None, None), int(context["tw"]), _simpan(get_language())
    return mark_safe("".join([_aksi(row, url, tw, simpan) for row in rows]))


def _aksi(row: dict, url: str, tw: int, simpan: str) -> str:
    a = row["a"].aksi
    pk = a.pk
    errors = "".join(f'<div class="is-invalid-msg" role="alert">{escape(e)}</div>' for e in row["errors"])
    sub = escape(row["sub"].nama) if row["sub"] else ""
    html = [f'\n<tr id="aksi-{pk}"{" data-edit-row" if row["can"] else ""}>\n'
            f'  <td><div>{escape(a.nomor)} {escape(a.uraian)}</div><div class="small text-muted">{sub}</div>\n'
            f'    {errors}</td>\n  ']
    for m in row["months"]:
        b = m["bulan"]
        label = f'{"● " if m["rencana"] else ""}{escape(str(m["label"]))}'
        html.append(f'<td class="{"bulan-rencana" if m["rencana"] else ""}">')
        if row["can"]:
            html.append(f'\n    <label class="small" for="aksi{pk}-{b}">{label}</label>\n'
                        f'    <select name="bulan_{b}" id="aksi{pk}-{b}" form="f-aksi-{pk}" '
                        f'class="form-select form-select-sm">\n      {m["options"]}\n    </select>\n  </td>')
        else:
            progres = m["progres"]
            state = (f'<span class="badge progres-{escape(progres.status)}">'
                     f'{escape(progres.label)}</span>' if progres
                     else '<span class="text-muted">—</span>')
            html.append(f'<span class="small">{label}</span><br>{state}</td>')
    if row["can"]:
        html.append(f'\n  <td><form id="f-aksi-{pk}" hx-post="{url.format(pk, tw)}" hx-target="#aksi-{pk}" '
                    f'hx-swap="outerHTML"><button class="btn btn-sm btn-outline-primary" type="submit" data-save>'
                    f"{simpan}</button></form>\n</td>\n</tr>\n")
    else:
        html.append("\n  <td></td>\n</tr>\n")
    return "".join(html)


@lru_cache(maxsize=8)
def _simpan(_language: str | None) -> str:
    """The save button's text, translated once per language rather than per row."""
    return escape(_("Simpan"))


@lru_cache(maxsize=8)
def _teks(_language: str | None) -> dict[str, str]:
    """The sub kegiatan row's texts, translated once per language rather than per row."""
    return {"label": escape(_("Realisasi anggaran")), "simpan": escape(_("Simpan"))}
