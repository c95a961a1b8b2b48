"""The editor's aksi and sub kegiatan rows, roll-ups, indikator chips and row controls, built in Python: a kegiatan
section may hold hundreds of aksi, and a template per row (twelve month buttons, four URLs, the notes slot) cost
about 1.5 ms each, the includes of a sub kegiatan row (chips, roll-up, notes slot) a few tenths (docs/performance.md).
The HTML is what `_aksi_row.html`, `_subkegiatan_row.html`, `_rollup.html`, `_indikator_chips.html` and
`_controls.html` rendered before, byte for byte but for the delete confirmation, whose quotes are now escaped in
its attribute."""

from __future__ import annotations

from functools import lru_cache
from html import escape  # what django.utils.html.escape does, without its lazy-string wrapper (per row)

from django import template
from django.template.loader import render_to_string
from django.utils.formats import localize
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext, gettext_noop, ngettext

from renaksi.core.angka import format_rupiah
from renaksi.core.baris import potong, url_pola
from renaksi.core.baris import slot_catatan as _slot_catatan
from renaksi.core.templatetags.angka import angka
from renaksi.perencanaan.selectors import BULAN

register = template.Library()


@register.simple_tag(takes_context=True)
def baris_aksi(context, node) -> SafeString:
    """One aksi row of the editor (an `AksiNode`), with its trailing newline."""
    return baris_aksi_daftar(context, [node])


@register.simple_tag(takes_context=True)
def baris_aksi_daftar(context, nodes) -> SafeString:
    """The aksi rows of a sub kegiatan, one after another."""
    return mark_safe("".join(_aksi_rows(context, nodes)))


def _aksi_rows(context, nodes) -> list[str]:
    urls = {"ubah": url_pola("aksi_edit", None), "naik": url_pola("row_move", "aksi", None, "naik"),
            "turun": url_pola("row_move", "aksi", None, "turun"), "hapus": url_pola("row_delete", "aksi", None)}
    catatan = {"tw": context.get("tw"), "tulis": bool(context.get("may_write_catatan"))}
    text = _texts(get_language())
    return [_aksi_row(node, urls, text, catatan) for node in nodes]


@register.simple_tag(takes_context=True)
def slot_catatan(context, jenis: str, pk: int) -> SafeString:
    """The notes slot of a row (`renaksi.core.baris.slot_catatan`), its button for a user who writes notes."""
    return mark_safe(_slot_catatan(jenis, pk, tw=context.get("tw"), tulis=bool(context.get("may_write_catatan"))))


@register.filter(name="potong", is_safe=True)
def potong_filter(teks: str, panjang: int) -> str:
    """`|truncatechars:panjang` without its two translations per call (`renaksi.core.baris.potong`): the outline
    cuts every kegiatan's name."""
    return potong(str(teks), int(panjang))


@register.simple_tag(takes_context=True)
def kepala_bagian(context, o) -> SafeString:
    """The closed head of an editor section (an `OutlineRow` of a sasaran or program) that loads it when opened,
    with its trailing newline: a large plan's page shows dozens. The language, URL patterns and query are taken
    once per template rendered, the counts' texts once per language and number."""
    state = context.render_context.get("kepala_bagian")
    if state is None:
        query = escape(context.get("bidang_query", ""))
        urls = {jenis: url_pola("rencana_aksi_bagian", None, jenis, None) + query for jenis in ("sasaran", "program")}
        state = context.render_context["kepala_bagian"] = (get_language(), urls)
    language, urls = state
    program = o.jenis == "program"
    url = urls[o.jenis].format(context["plan"].pk, o.pk)
    if program:
        label = f'<span class="row-label">{_teks_program(language)}</span> '
        counts = (f'{_jumlah(language, "kegiatan", o.kegiatan)} · {_jumlah(language, "sub kegiatan", o.sub_kegiatan)}'
                  f' · {_jumlah(language, "aksi", o.aksi)}')
    else:
        label = ""
        counts = _jumlah(language, "indikator", o.indikator)
    jenis = escape(o.jenis)
    return mark_safe(
        f'<tbody id="bagian-{jenis}-{o.pk}" class="bagian-tutup">\n'
        f'  <tr class="row-{jenis} bagian-kepala depth-{o.depth}">\n'
        f'    <td class="{"kode" if program else "fw-semibold"}">{escape(o.nomor)}</td>\n'
        f'    <td colspan="{17 if program else 9}"><button type="button" class="btn btn-link p-0 text-start '
        f'text-decoration-none bagian-buka" hx-get="{url}" hx-target="closest tbody" hx-swap="outerHTML" '
        f'aria-expanded="false"><i class="bi bi-chevron-right"></i> {label}<span class="fw-semibold">'
        f'{escape(o.label) if o.label else "—"}</span></button>\n'
        f'      <span class="small text-muted ms-2">{counts}</span></td>\n'
        f'  </tr>\n'
        f'</tbody>\n')


@lru_cache(maxsize=8)
def _teks_program(_language: str | None) -> str:
    return escape(gettext("Program"))


@lru_cache(maxsize=1024)
def _jumlah(_language: str | None, kind: str, n: int) -> str:
    """"12 aksi": a section head's count, in the active language (`_language` keys the cache)."""
    if kind == "kegiatan":
        teks = ngettext("%(n)s kegiatan", "%(n)s kegiatan", n)
    elif kind == "sub kegiatan":
        teks = ngettext("%(n)s sub kegiatan", "%(n)s sub kegiatan", n)
    elif kind == "aksi":
        teks = ngettext("%(n)s aksi", "%(n)s aksi", n)
    else:
        teks = ngettext("%(n)s indikator", "%(n)s indikator", n)
    return teks % {"n": localize(n)}


@register.simple_tag(takes_context=True)
def daftar_isi(context) -> SafeString:
    """The editor's outline (`outline_sasaran`, `outline_program`: `OutlineRow`s), swapped out of band when the
    context has `oob`: the page and every write that changes the outline send it whole (a large plan's has a
    hundred rows)."""
    language = get_language()

    def nama(teks: str, panjang: int) -> str:
        return escape(potong(str(teks), panjang))

    def kegiatan(p) -> str:
        if not p.children:
            return ""
        return '<ul class="list-unstyled ms-3">' + "".join(
            f'<li><a href="#kegiatan-{k.pk}" data-bagian="bagian-kegiatan-{k.pk}" data-program="bagian-program-'
            f'{p.pk}">{nama(k.label, 60)}</a> <span class="text-muted">({localize(k.sub_kegiatan)} · '
            f'{localize(k.aksi)})</span></li>' for k in p.children) + "</ul>"

    sasaran = "".join(
        f'<li class="depth-{localize(o.depth)}"><a href="#sasaran-{o.pk}" data-bagian="bagian-sasaran-{o.pk}">'
        f'{escape(o.nomor) + " " if o.nomor else ""}{nama(o.label, 70) or "—"}</a> '
        f'<span class="text-muted">({localize(o.indikator)})</span></li>\n    '
        for o in context["outline_sasaran"]) or f'<li class="text-muted">{escape(gettext("Belum ada sasaran."))}</li>'
    program = "".join(
        f'<li><a href="#program-{p.pk}" data-bagian="bagian-program-{p.pk}">{escape(p.nomor)} {nama(p.label, 70)}'
        f'</a> <span class="text-muted">({_jumlah(language, "aksi", p.aksi)})'
        f'</span>\n      {kegiatan(p)}\n    </li>'
        for p in context["outline_program"]) or f'<li class="text-muted">{escape(gettext("Belum ada program."))}</li>'
    oob = ' hx-swap-oob="true"' if context.get("oob") else ""
    return mark_safe(
        f'<nav id="editor-outline" class="editor-outline small" '
        f'aria-label="{escape(gettext("Daftar isi rencana aksi"))}"{oob}>\n'
        f'  <div class="fw-semibold mt-1">{escape(gettext("Sasaran"))}</div>\n'
        f'  <ul class="list-unstyled mb-2">\n    {sasaran}\n  </ul>\n'
        f'  <div class="fw-semibold">{escape(gettext("Program dan kegiatan"))}</div>\n'
        f'  <ul class="list-unstyled mb-0">\n    {program}\n  </ul>\n</nav>\n')


@register.simple_tag
def kepala_tabel(nama: str) -> SafeString:
    """An editor table's columns and head (`editor/_kepala_<nama>.html`: text only, no variable), rendered once per
    language and process: every editor page and every write that redraws a table's section heads shows it."""
    return mark_safe(_kepala_tabel(nama, get_language()))


@lru_cache(maxsize=8)
def _kepala_tabel(nama: str, _language: str | None) -> str:
    return render_to_string(f"perencanaan/editor/_kepala_{nama}.html").strip()


@register.simple_tag
def kolom_bulan() -> SafeString:
    """The budget table's twelve month columns, shaded per quarter."""
    return mark_safe("".join(f'<col class="c-bulan tw{tw}">' for _m, _singkat, _nama, tw in BULAN))


@register.simple_tag
def kepala_bulan() -> SafeString:
    """The budget table's twelve month header cells; a month button is named by its cell (`aria-labelledby`)."""
    return mark_safe(_kepala_bulan(get_language()))


@lru_cache(maxsize=8)
def _kepala_bulan(_language: str | None) -> str:
    return "".join(f'<th class="bulan-head" id="bln-{m}" title="{escape(str(nama))}"><span aria-hidden="true">'
                   f'{escape(str(singkat))}</span><span class="visually-hidden">{escape(str(nama))}</span></th>'
                   for m, singkat, nama, _tw in BULAN)


@register.simple_tag(takes_context=True)
def bagian_kegiatan(context, kegiatan) -> SafeString:
    """An opened kegiatan section (a `KegiatanNode`; nothing when the bidang filter leaves it out): its `<tbody>`
    with the kegiatan's row (`_kegiatan_row.html`), each sub kegiatan with its aksi and "Tambah aksi" row (with the
    bidang filter, a line saying there is none) and the "Tambah sub kegiatan" row. Joined once: a section of 120
    aksi is 0.4 MB, and every template level around its rows joined (copied) it again, ~0.5 ms each."""
    if not kegiatan:
        return mark_safe("")
    with context.push(node=kegiatan):
        row = context.template.engine.get_template("perencanaan/editor/_kegiatan_row.html").render(context)
    obj = kegiatan.obj
    parts = [f'<tbody class="kegiatan-block bagian-buka-isi" id="bagian-kegiatan-{obj.pk}" data-program="'
             f'{obj.program_id}">\n  ', row, "\n  "]
    for s in kegiatan.sub_kegiatan:
        parts += ["\n    ", baris_sub_kegiatan(context, s), "\n    ", *_aksi_rows(context, s.aksi), "\n    ",
                  baris_tambah("aksi", s.obj.pk) if s.can_edit else "", "\n  "]
    if not kegiatan.sub_kegiatan:
        parts.append(f'<tr><td></td><td colspan="17" class="small text-muted">'
                     f'{escape(gettext("Tidak ada sub kegiatan bidang ini."))}</td></tr>\n  '
                     if context["tree"].bidang_filter else "\n  ")
    tree = context.get("tree")
    parts += ["\n  ", baris_tambah("subkegiatan", obj.pk) if tree and tree.rights.plan else "", "\n</tbody>"]
    return mark_safe("".join(parts))


@register.simple_tag(takes_context=True)
def baris_sub_kegiatan(context, node) -> SafeString:
    """A sub kegiatan row of the editor (a `SubKegiatanNode`), with its trailing newline."""
    s = node.obj
    pk = s.pk
    text = _texts(get_language())
    target = (f'<div><span class="text-muted">{text["target"]}:</span> {escape(s.target_teks)}</div>'
              if s.target_teks else "")
    if node.bidang:
        bidang = f'<i class="bi bi-diagram-3"></i> {escape(node.bidang.singkatan or node.bidang.nama)}'
    else:
        bidang = f'<span class="text-muted">{text["tanpa_bidang"]}</span>'
    slot = slot_catatan(context, "subkegiatan", pk)
    controls = ""
    if node.can_edit:
        n = len(node.aksi)
        # the msgids of `blocktranslate … count`, its values escaped as the template escaped them
        confirm = ngettext('Hapus sub kegiatan "%(nama)s" beserta %(n)s aksinya?',
                           'Hapus sub kegiatan "%(nama)s" beserta %(n)s aksinya?', n) % {
            "nama": escape(potong(s.nama, 80)), "n": localize(n)}
        controls = kontrol_baris("subkegiatan", pk, "anggaran", edit_url=url_pola("sub_kegiatan_edit", None).format(pk),
                                 structure=context["tree"].rights.plan, first=node.first, last=node.last,
                                 confirm=confirm) + "\n"
    return mark_safe(
        f'<tr id="subkegiatan-{pk}" class="row-subkegiatan">\n'
        f'  <td class="kode">{escape(s.kode)}</td>\n'
        f'  <td colspan="13"><span class="row-label">{text["sub_kegiatan"]}</span> {escape(s.nama)}'
        f'{chips_indikator(node.indikator)}</td>\n'
        f'  <td class="small">{target}{rollup(context, node, "subkegiatan")}</td>\n'
        f'  <td class="num pagu">{format_rupiah(s.pagu) if s.pagu is not None else "—"}</td>\n'
        f'  <td class="small">{bidang}</td>\n'
        f'  <td class="controls">{slot}\n{controls}</td>\n'
        f'</tr>\n')


# what a "Tambah …" row adds: its URL's name and its label
_TAMBAH = {"aksi": ("aksi_add", gettext_noop("Tambah aksi")),
           "subkegiatan": ("sub_kegiatan_add", gettext_noop("Tambah sub kegiatan")),
           "kegiatan": ("kegiatan_add", gettext_noop("Tambah kegiatan"))}


@register.simple_tag
def baris_tambah(jenis: str, pk: int) -> SafeString:
    """The "Tambah …" row that opens the form of a new aksi, sub kegiatan or kegiatan (`jenis`) under the sub
    kegiatan, kegiatan or program `pk`, with its trailing newline: a kegiatan section has one per sub kegiatan."""
    name, label = _TAMBAH[jenis]
    return mark_safe(
        f'<tr id="add-{jenis}-{pk}" class="row-add">\n  <td></td>\n'
        f'  <td colspan="17" class="add-{jenis}"><button type="button" class="btn btn-sm btn-link px-0" '
        f'hx-get="{url_pola(name, None).format(pk)}" hx-target="closest tr" hx-swap="outerHTML">'
        f'<i class="bi bi-plus-circle"></i> {_texts(get_language())[label]}</button></td>\n</tr>\n')


@register.simple_tag
def chips_indikator(indikator) -> SafeString:
    """The indikator a budget row is linked to, as chips, with a trailing newline."""
    if not indikator:
        return mark_safe("\n")
    chips = "".join(f'<a class="chip-indikator" href="#indikator-{i.pk}" title="{escape(i.nama)}">'
                    f'<i class="bi bi-bullseye"></i> {escape(potong(i.nama, 60))}</a>' for i in indikator)
    return mark_safe(f'<div class="chips">{chips}</div>\n')


@register.simple_tag(takes_context=True)
def rollup(context, node, kind: str) -> SafeString:
    """A row's stated pagu against the sum of the rows under it (`node.rollup`; `kind`: "program", "kegiatan",
    "subkegiatan"), swapped out of band when the context has `oob`; with a trailing newline."""
    r = node.rollup
    text = _texts(get_language())
    label = text["sigma_" + kind]
    oob = ' hx-swap-oob="true"' if context.get("oob") else ""
    html = f'<span id="rollup-{kind}-{node.obj.pk}" class="rollup{"" if r.cocok else " rollup-selisih"}"{oob}>'
    if r.jumlah is not None:
        html += (f'\n  <span class="rollup-label">{label}</span>\n'
                 f'  <span class="num">{format_rupiah(r.jumlah)}</span>\n  ')
        if r.selisih is None:
            pass
        elif r.cocok:
            html += (f'<i class="bi bi-check-circle-fill text-success" title="{text["sama_pagu_tertulis"]}"></i>'
                     f'<span class="visually-hidden">{text["sama_pagu"]}</span>\n  ')
        else:
            html += (f'<span class="d-block" title="{text["selisih_judul"]}"><i class="bi bi-exclamation-triangle-fill">'
                     f'</i> {text["selisih"]} {"+" if r.selisih > 0 else ""}{format_rupiah(r.selisih)}</span>')
        html += "\n"
    elif kind != "subkegiatan":
        html += f'<span class="rollup-label">{label}</span> —'
    return mark_safe(html + "</span>\n")


@register.simple_tag
def kontrol_baris(jenis: str, pk: int, section: str, *, edit_url: str = "", structure: bool = False,
                  first: bool = False, last: bool = False, confirm: str = "") -> SafeString:
    """A row's buttons: edit (`edit_url`), and with `structure` up, down and delete (`confirm`: the question, its
    values escaped, as `blocktranslate asvar` gives it)."""
    urls = {"ubah": escape(edit_url), "naik": url_pola("row_move", jenis, None, "naik").format(pk),
            "turun": url_pola("row_move", jenis, None, "turun").format(pk),
            "hapus": url_pola("row_delete", jenis, None).format(pk)}
    return mark_safe(_controls(urls, _texts(get_language()), f"#section-{escape(section)}", structure=structure,
                               first=first, last=last, confirm=str(confirm)))


def _controls(urls: dict[str, str], text: dict[str, str], target: str, *, structure: bool, first: bool,
              last: bool, confirm: str) -> str:
    """`urls` filled in; `confirm` with its values escaped (its quotes are escaped here)."""
    html = f'<div class="btn-group btn-group-sm row-controls" role="group" aria-label="{text["tindakan"]}">\n  '
    if urls["ubah"]:
        html += (f'<button type="button" class="btn btn-outline-primary" data-edit hx-get="{urls["ubah"]}" '
                 f'hx-target="closest tr" hx-swap="outerHTML" title="{text["ubah"]}" aria-label="{text["ubah"]}">'
                 f'<i class="bi bi-pencil"></i></button>')
    html += "\n  "
    if structure:
        html += (
            f'\n  <button type="button" class="btn btn-outline-secondary" hx-post="{urls["naik"]}" '
            f'hx-target="{target}" hx-swap="outerHTML" title="{text["naik"]}" aria-label="{text["naik"]}"'
            f'{" disabled" if first else ""}><i class="bi bi-arrow-up"></i></button>'
            f'\n  <button type="button" class="btn btn-outline-secondary" hx-post="{urls["turun"]}" '
            f'hx-target="{target}" hx-swap="outerHTML" title="{text["turun"]}" aria-label="{text["turun"]}"'
            f'{" disabled" if last else ""}><i class="bi bi-arrow-down"></i></button>'
            f'\n  <button type="button" class="btn btn-outline-danger" hx-post="{urls["hapus"]}" '
            f'hx-target="{target}" hx-swap="outerHTML" hx-confirm="{confirm.replace(chr(34), "&quot;")}" '
            f'title="{text["hapus"]}" aria-label="{text["hapus"]}"><i class="bi bi-trash"></i></button>\n  ')
    return html + "\n</div>"


@lru_cache(maxsize=8)
def _texts(_language: str | None) -> dict[str, str]:
    texts = {k: escape(gettext(v)) for k, v in (
        ("tindakan", "Tindakan baris"), ("ubah", "Ubah"), ("naik", "Naikkan"), ("turun", "Turunkan"),
        ("hapus", "Hapus"), ("target", "Target"),
        ("sub_kegiatan", "Sub kegiatan"), ("tanpa_bidang", "tanpa bidang"), ("sigma_program", "Σ kegiatan"),
        ("sigma_kegiatan", "Σ sub kegiatan"), ("sigma_subkegiatan", "Σ aksi"),
        ("sama_pagu_tertulis", "Sama dengan pagu tertulis"), ("sama_pagu", "sama dengan pagu"),
        ("selisih_judul", "Jumlah rincian berbeda dari pagu tertulis; pagu tertulis tidak diubah."),
        ("selisih", "selisih"))}
    texts |= {label: escape(gettext(label)) for _name, label in _TAMBAH.values()}
    texts["hapus_aksi"] = gettext('Hapus aksi "%(uraian)s"?')  # its quotes are escaped where it is used
    return texts


@lru_cache(maxsize=1024)
def _months(bulan: frozenset[int], can_edit: bool) -> str:
    """The twelve month cells of a schedule, built once per distinct schedule and right."""
    cells = []
    for m in range(1, 13):
        on = m in bulan
        if can_edit:
            cell = (f'<button type="button" class="bulan-toggle{" on" if on else ""}" data-b="{m}" '
                    f'aria-pressed="{"true" if on else "false"}" aria-labelledby="bln-{m}"></button>')
        elif on:
            cell = f'<span class="bulan-mark on" role="img" aria-labelledby="bln-{m} bln-ya"></span>'
        else:
            cell = '<span class="bulan-mark"></span>'
        cells.append(f'<td class="bulan-cell">{cell}</td>')
    return "".join(cells)


def _aksi_row(node, urls: dict[str, str], text: dict[str, str], catatan: dict) -> str:
    a = node.obj
    pk = a.pk
    target = ""
    if a.target_teks or a.target_nilai is not None:
        value = escape(a.target_teks) if a.target_teks else f"{angka(a.target_nilai)} {escape(a.target_satuan)}"
        target = f'<div class="aksi-target"><span class="text-muted">{text["target"]}:</span> {value}</div>'
    pj = ""
    if a.penanggung_jawab:
        pj = escape(a.penanggung_jawab)
        pj = f'<div class="pj" title="{pj}">{pj}</div>'
    if node.pejabat:
        nama = escape(node.pejabat.nama)
        pj += f'<div class="text-muted pj" title="{nama}">{nama}</div>'
    slot = _slot_catatan("aksi", pk, **catatan)
    controls = ""
    if node.can_edit:
        # the msgid of `blocktranslate`, its value escaped as the template escaped it
        confirm = text["hapus_aksi"] % {"uraian": escape(potong(a.uraian, 80))}
        controls = _controls({k: u.format(pk) for k, u in urls.items()}, text, "#section-anggaran",
                             structure=True, first=node.first, last=node.last, confirm=confirm) + "\n"
    return (f'<tr id="aksi-{pk}" class="row-aksi" data-aksi="{pk}">\n'
            f'  <td class="text-end aksi-nomor">{escape(a.nomor)}</td>\n'
            f'  <td class="aksi-uraian">{escape(a.uraian)}</td>\n'
            f'  {_months(node.bulan, node.can_edit)}\n'
            f'  <td class="small">{escape(a.keluaran)}{target}</td>\n'
            f'  <td class="num">{format_rupiah(a.pagu) if a.pagu is not None else ""}</td>\n'
            f'  <td class="small">{pj}</td>\n'
            f'  <td class="controls">{slot}\n{controls}</td>\n'
            f'</tr>\n')
