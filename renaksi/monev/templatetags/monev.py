from functools import lru_cache
from html import escape  # what django.utils.html.escape does, without its lazy-string wrapper (per row)

from django import template
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from renaksi.core.baris import url_baris
from renaksi.core.capaian import ROMAWI, Kategori, tampil

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
def baris_aksi(context, row: dict) -> SafeString:
    """One aksi row of the monev form (`Halaman.aksi_row`): its three months as selects, or as badges when the
    user may not report it. Built in Python, not a template per row: a kegiatan section may hold hundreds of aksi
    (docs/performance.md); the HTML is what `_aksi.html` rendered before, but for whitespace."""
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
        url = url_baris("monev_progres_save", pk, int(context["tw"]))
        html.append(f'\n  <td><form id="f-aksi-{pk}" hx-post="{url}" hx-target="#aksi-{pk}" hx-swap="outerHTML">'
                    f'<button class="btn btn-sm btn-outline-primary" type="submit" data-save>{_simpan(get_language())}'
                    f"</button></form>\n</td>\n</tr>\n")
    else:
        html.append("\n  <td></td>\n</tr>\n")
    return mark_safe("".join(html))


@lru_cache(maxsize=8)
def _simpan(_language: str | None) -> str:
    """The save button's text, translated once per language rather than per row."""
    return escape(_("Simpan"))
