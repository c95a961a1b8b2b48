"""The download menu (`{% menu_unduh plan triwulan %}`): the registry's reports and formats a user may download for
a plan, as the HTML of one dropdown form (no query). It is on every page of a plan (the editor, the RA document, the
monev form), so it is built in Python rather than by a template of nested loops (docs/performance.md)."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from html import escape  # what django.utils.html.escape does, without its lazy-string wrapper

from django import template
from django.urls import get_script_prefix, get_urlconf
from django.utils.formats import localize
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext

from renaksi.core.baris import url_baris
from renaksi.core.capaian import ROMAWI
from renaksi.laporan.registry import FORMAT, LAPORAN
from renaksi.perencanaan.models import RencanaAksi

register = template.Library()


def triwulan_bawaan(plan: RencanaAksi, today: date | None = None) -> int:
    """The triwulan the menu preselects when the page names none: the current one in the plan's year, the last
    one of a past year, the first one of a future year."""
    today = today or date.today()
    if plan.tahun < today.year:
        return 4
    if plan.tahun > today.year:
        return 1
    return (today.month - 1) // 3 + 1


@register.simple_tag(takes_context=True)
def menu_unduh(context, plan: RencanaAksi, triwulan: int | None = None) -> SafeString:
    """Each report the user may download (monitoring reports only with the monev read permission), a button per
    format submitting the form to its URL; open data of a plan that is not approved is listed with the reason it is
    not offered. The triwulan (`triwulan`, else by the date) and the findings appendix are chosen in the form.
    Nothing (but a newline) for a user who may download none."""
    user = context.get("user")
    # Each permission once (the reports share two), each URL reversed once per process.
    izin = {} if user is None else {name: user.has_perm(name, plan) for name in {e.izin for e in LAPORAN.values()}}
    entries = [entry for entry in LAPORAN.values() if izin.get(entry.izin)]
    if not entries:
        return mark_safe("\n")
    tw = None
    if any(entry.triwulan != "tidak" for entry in entries):
        tw = triwulan if triwulan in (1, 2, 3, 4) else triwulan_bawaan(plan)
    return mark_safe(_menu(tuple(entry.kode for entry in entries), plan.pk, plan.status in RencanaAksi.PUBLISHED, tw,
                           get_language(), get_script_prefix(), get_urlconf()))


@lru_cache(maxsize=256)
def _menu(kode: tuple[str, ...], pk_plan: int, disetujui: bool, tw: int | None, _language: str | None,
          _prefix: str, _urlconf: str | None) -> str:
    """The menu's HTML for the reports `kode` of plan `pk_plan` (approved or not), triwulan `tw` chosen (None: no
    report asks for one), in a language: built once per process for each (the editor page shows it on every
    request; building it took about 0.5 ms)."""
    entries = [LAPORAN[k] for k in kode]
    text = _texts(get_language())
    items = []
    for entry in entries:
        nama = escape(str(entry.nama))
        if entry.hanya_disetujui and not disetujui:
            isi = f'<span class="small text-muted fst-italic">{text["alasan"]}</span>\n        '
        else:
            isi = "".join(
                f'<button type="submit" class="btn btn-sm btn-outline-secondary py-0" formaction="'
                f'{escape(url_baris("laporan_unduh", pk_plan, entry.kode, f))}" aria-label="{nama} '
                f'({escape(str(FORMAT[f].nama))})">{escape(str(FORMAT[f].nama))}</button>' for f in entry.format)
        wajib = text["per_triwulan"] if entry.triwulan == "wajib" else ""
        items.append(f'\n      <li class="d-flex align-items-center gap-1 px-1 py-1 border-bottom" data-laporan="'
                     f'{escape(entry.kode)}">\n        <span class="me-auto small" title="'
                     f'{escape(str(entry.keterangan))}">{nama}{wajib}</span>\n        {isi}\n      </li>\n      ')
    pk = localize(pk_plan)
    pilihan = ""
    if tw is not None:
        options = "".join(f'<option value="{n}"{" selected" if n == tw else ""}>TW {r}</option>'
                          for n, r in ROMAWI.items())
        pilihan = (f'\n    <div class="d-flex align-items-center gap-2 px-1 mb-1">\n      <label class="small '
                   f'text-nowrap" for="unduh-triwulan-{pk}">{text["triwulan"]}</label>\n      <select class="'
                   f'form-select form-select-sm" name="triwulan" id="unduh-triwulan-{pk}">\n        {options}\n'
                   f'      </select>\n    </div>\n    ')
    action = escape(url_baris("laporan_unduh", pk_plan, entries[0].kode, entries[0].format[0]))
    return (
        f'\n\n<div class="dropdown menu-unduh">\n  <button class="btn btn-sm btn-outline-primary dropdown-toggle" '
        f'type="button" data-bs-toggle="dropdown" data-bs-auto-close="outside" aria-expanded="false"><i class="bi '
        f'bi-download"></i> {text["unduh"]}</button>\n  <form class="dropdown-menu dropdown-menu-end p-2 '
        f'menu-unduh-isi" method="get" action="{action}">\n    <h6 class="dropdown-header px-1">{text["judul"]}'
        f'</h6>\n    <ul class="list-unstyled mb-2">\n      {"".join(items)}\n    </ul>\n    <a class="dropdown-item '
        f'small px-1 mb-2" href="{escape(url_baris("pohon_kinerja", pk_plan))}"><i class="bi bi-diagram-3"></i> '
        f'{text["pohon"]}</a>\n    {pilihan}\n    <div class="form-check px-1 ms-4">\n      <input class="'
        f'form-check-input" type="checkbox" name="lampiran" value="temuan" id="unduh-lampiran-{pk}">\n      <label '
        f'class="form-check-label small" for="unduh-lampiran-{pk}">{text["lampiran"]}</label>\n    </div>\n  '
        f'</form>\n</div>\n\n')


@lru_cache(maxsize=8)
def _texts(_language: str | None) -> dict[str, str]:
    return {key: escape(gettext(value)) for key, value in (
        ("unduh", "Unduh"), ("judul", "Unduh dokumen resmi"), ("alasan", "setelah rencana disetujui"),
        ("pohon", "Lihat pohon kinerja di layar"), ("triwulan", "Triwulan (monev, LKjIP)"),
        ("lampiran", "Sertakan lampiran temuan pemeriksaan"))} | {
        "per_triwulan": f' <span class="text-muted">({escape(gettext("per triwulan"))})</span>'}
