"""The plan editor: one page with the whole plan, and small htmx views that turn a row into a form and back.

Every view fetches what it touches through one `_get_<model>_for_user` helper that authorises by construction:
404 when the user may not see the plan (nobody learns that it exists), 403 when he may see but not change it, or
when the plan is no longer a draft. Forms validate every field before a service is called, and the services of
one request run in one transaction: a form is saved completely or not at all. Invalid input answers 422 with the
form and the message next to the field (htmx is told to swap 422, see editor.js); a successful write answers
with the re-rendered row or section and `HX-Trigger: plan-changed`.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from itertools import groupby
from urllib.parse import parse_qs, urlsplit

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from renaksi.core.angka import format_rupiah, teks_kategori
from renaksi.core.kunci import Konflik
from renaksi.organisasi.models import Pejabat

from . import diff as plan_diff
from . import narasi, nomenklatur, selectors, services
from .forms import (
    AksiForm,
    AnggaranForm,
    IndikatorForm,
    NarasiForm,
    PengesahanForm,
    SasaranForm,
    SubKegiatanForm,
    TargetForm,
    nilai_input,
    target_fields,
)
from .models import (
    Aksi,
    Indikator,
    Kegiatan,
    Nomenklatur,
    PerjanjianKinerja,
    Program,
    RencanaAksi,
    Sasaran,
    SubKegiatan,
)
from .rules import is_kepala_bidang, same_pd

ROW = "perencanaan/editor/"
SATUAN_UMUM = ["Persen", "Orang", "Dokumen", "Laporan", "Kali", "Kegiatan", "Nilai", "Indeks", "Kategori"]
PLAN = ("rencana_aksi__perangkat_daerah",)


@login_required
@require_GET
def home(request):
    daftar = selectors.rencana_aksi_daftar(user=request.user, cari=request.GET.get("q", ""),
                                           status=request.GET.get("status", ""), halaman=request.GET.get("halaman"))
    plans = list(daftar.halaman.object_list)
    for plan in plans:  # the pencil only for who may change something in it (no query: rights from loaded rows)
        plan.bisa_ubah = selectors.edit_rights(user=request.user, rencana_aksi=plan).any
    by_year = [(tahun, list(rows)) for tahun, rows in groupby(plans, key=lambda p: p.tahun)]
    chips = [{"value": value, "label": label, "n": daftar.jumlah_status.get(value, 0)}
             for value, label in RencanaAksi.Status.choices]
    return render(request, "perencanaan/home.html", {"by_year": by_year, "daftar": daftar, "chips": chips})


# --- Fetching with authorisation ------------------------------------------------------------------------------


def _authorise(request, obj, plan: RencanaAksi, perm: str | None) -> None:
    if not request.user.has_perm("perencanaan.view_rencanaaksi", plan):
        raise Http404  # don't reveal that it exists
    if perm is None:
        return
    if not request.user.has_perm(perm, obj):
        raise PermissionDenied(_("Anda hanya dapat membaca baris ini; mengubahnya bukan wewenang Anda."))
    if not plan.editable:
        raise PermissionDenied(services.alasan_terkunci(plan))


def _get_plan_for_user(request, pk: int, perm: str | None = None) -> RencanaAksi:
    plan = selectors.rencana_aksi_dengan_pd(pk=pk)
    if plan is None:
        raise Http404
    _authorise(request, plan, plan, perm)
    _share_scope(request.user, plan)
    return plan


def _share_scope(user, plan: RencanaAksi) -> None:
    """The menu names the user's PD (or Pemda, `base.html`): when it is the plan's, read with it, the user takes
    that one rather than reading it again (the same row)."""
    pd = plan.perangkat_daerah
    if getattr(user, "perangkat_daerah_id", None) == pd.pk:
        user.perangkat_daerah = pd
    elif getattr(user, "pemda_id", None) == pd.pemda_id:
        user.pemda = pd.pemda


def _get_sasaran_for_user(request, sasaran_id: int, perm: str | None = None) -> Sasaran:
    sasaran = get_object_or_404(Sasaran.objects.select_related(*PLAN), pk=sasaran_id)
    _authorise(request, sasaran, sasaran.rencana_aksi, perm)
    return sasaran


def _get_indikator_for_user(request, indikator_id: int, perm: str | None = None) -> Indikator:
    indikator = get_object_or_404(Indikator.objects.select_related(*PLAN), pk=indikator_id)
    _authorise(request, indikator, indikator.rencana_aksi, perm)
    return indikator


def _get_program_for_user(request, program_id: int, perm: str | None = None) -> Program:
    program = get_object_or_404(Program.objects.select_related(*PLAN), pk=program_id)
    _authorise(request, program, program.rencana_aksi, perm)
    return program


def _get_kegiatan_for_user(request, kegiatan_id: int, perm: str | None = None) -> Kegiatan:
    kegiatan = get_object_or_404(Kegiatan.objects.select_related(*PLAN), pk=kegiatan_id)
    _authorise(request, kegiatan, kegiatan.rencana_aksi, perm)
    return kegiatan


def _get_sub_kegiatan_for_user(request, sub_kegiatan_id: int, perm: str | None = None) -> SubKegiatan:
    sub = get_object_or_404(SubKegiatan.objects.select_related(*PLAN), pk=sub_kegiatan_id)
    _authorise(request, sub, sub.rencana_aksi, perm)
    return sub


def _get_aksi_for_user(request, aksi_id: int, perm: str | None = None) -> Aksi:
    # The rules read the bidang of an aksi through its sub kegiatan: fetch it with the aksi.
    aksi = get_object_or_404(Aksi.objects.select_related("sub_kegiatan", *PLAN), pk=aksi_id)
    _authorise(request, aksi, aksi.rencana_aksi, perm)
    return aksi


# --- Responses -------------------------------------------------------------------------------------------------


def editor_view(view: Callable) -> Callable:
    """Login required; a refusal (403) is shown in the editor's alert area instead of replacing a row.

    When the session ended while the page was open, an htmx request gets the whole page sent to the login form
    (401 + HX-Redirect) rather than a login form swapped into a table row.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            if request.htmx:
                page = request.htmx.current_url_abs_path or request.get_full_path()
                return HttpResponse(status=401, headers={"HX-Redirect": redirect_to_login(page).url})
            return redirect_to_login(request.get_full_path())
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied as exc:
            message = str(exc) or _("Anda tidak berwenang melakukan perubahan ini.")
            response = render(request, ROW + "_alert.html", {"message": message, "level": "warning"}, status=403)
            response["HX-Retarget"] = "#editor-alert"
            response["HX-Reswap"] = "innerHTML"
            return response

    return wrapper


def _tree(request, plan: RencanaAksi, bagian: tuple[str, int] | None = None, *, bidang_id: int | None = None,
          totals: bool = True) -> selectors.PlanTree:
    rights = selectors.edit_rights(user=request.user, rencana_aksi=plan)
    return selectors.plan_tree(rencana_aksi=plan, rights=rights, bagian=bagian, bidang_id=bidang_id,
                               totals=totals)


def _changed(response: HttpResponse) -> HttpResponse:
    response["HX-Trigger"] = "plan-changed"
    return response


def _bagian_of(kind: str, obj) -> tuple[str, int]:
    """The section of the editor a row lives in (`plan_data(bagian=…)`)."""
    if kind == "sasaran":
        return ("sasaran", obj.pk)
    if kind == "indikator":
        return ("sasaran", obj.sasaran_id)
    if kind == "program":
        return ("program", obj.pk)
    if kind == "kegiatan":
        return ("kegiatan", obj.pk)
    if kind == "subkegiatan":
        return ("kegiatan", obj.kegiatan_id)
    return ("sub_kegiatan", obj.sub_kegiatan_id)  # aksi: its sub kegiatan is all its row needs


def _section_of(kind: str, obj) -> tuple[str, int]:
    """The section (a sasaran, a program with its kegiatan heads, or a kegiatan) a row is shown in."""
    if kind == "aksi":
        return ("kegiatan", obj.sub_kegiatan.kegiatan_id)
    if kind == "kegiatan":
        return ("program", obj.program_id)
    return _bagian_of(kind, obj)


def _kegiatan_shown(tree: selectors.PlanTree, kegiatan_id: int):
    """The kegiatan node a kegiatan section shows (None when the bidang filter leaves it out)."""
    return next((k for p in tree.program for k in p.kegiatan if k.obj.pk == kegiatan_id), None)


def _row(request, plan: RencanaAksi, kind: str, obj, *, rollups=(), totals: bool = False) -> HttpResponse:
    """The display row of one node, built from its section only (never the whole plan); `rollups` and `totals`
    add out-of-band swaps for the sums it changed."""
    tree = _tree(request, plan, _bagian_of(kind, obj), totals=totals)
    oob_rollups = [(k, tree.node(k, node_pk)) for k, node_pk in rollups if node_pk in tree.nodes[k]]
    context = {"tree": tree, "plan": tree.plan, "node": tree.node(kind, obj.pk), "oob_rollups": oob_rollups,
               "oob_totals": totals, "row_template": f"{ROW}_{kind}_row.html"}
    return render(request, ROW + "_row_response.html", context)


def _bidang_filter(request, plan: RencanaAksi, *, default: bool = False) -> int | None:
    """The bidang the editor shows (`?bidang=<id>`, `semua` for all). A write reads it from the page's URL. A
    kepala bidang of the plan's PD starts on his own bidang (`default`)."""
    raw = request.GET.get("bidang")
    if raw is None and request.htmx and request.htmx.current_url:
        raw = parse_qs(urlsplit(request.htmx.current_url).query).get("bidang", [None])[0]
        default = True
    if raw is None and default:
        user = request.user
        return user.bidang_id if user.bidang_id and is_kepala_bidang(user) and same_pd(user, plan) else None
    return int(raw) if raw and raw.isdigit() and len(raw) < 12 else None


def _outline_context(request, plan: RencanaAksi, bidang_id: int | None) -> dict:
    sasaran, program = selectors.plan_outline(rencana_aksi_id=plan.pk, bidang_id=bidang_id)
    query = f"?bidang={bidang_id}" if bidang_id else "?bidang=semua"
    return {"outline_sasaran": sasaran, "outline_program": program, "bidang_filter": bidang_id,
            "bidang_query": query}


def _bagian(request, plan: RencanaAksi, bagian: tuple[str, int], *, other: str | None = None) -> HttpResponse:
    """One section after rows were added, moved or deleted in it, with the totals and the outline out of band
    (and the other table's section heads, if asked)."""
    bidang_id = _bidang_filter(request, plan)
    tree = _tree(request, plan, bagian, bidang_id=bidang_id)
    context = {"tree": tree, "plan": tree.plan, "oob_totals": True, "oob_outline": True,
               "oob_daftar": other} | _outline_context(request, plan, bidang_id)
    if bagian[0] == "kegiatan":
        context["bagian_kegiatan"] = _kegiatan_shown(tree, bagian[1])
    response = render(request, f"{ROW}_bagian_{bagian[0]}.html", context)
    node = context["bagian_kegiatan"] if bagian[0] == "kegiatan" else (tree.sasaran or tree.program or [None])[0]
    if node is None:  # filtered out or gone: the section's head stays
        response = render(request, f"{ROW}_bagian_response_kosong.html", context)
        response["HX-Reswap"] = "none"
        return _changed(response)
    response["HX-Retarget"] = f"#bagian-{bagian[0]}-{bagian[1]}"
    response["HX-Reswap"] = "outerHTML"
    return _changed(response)


def _daftar(request, plan: RencanaAksi, section: str, *, buka: int | None = None,
            other: str | None = None) -> HttpResponse:
    """A table's section heads after a sasaran or program was added, moved or deleted; `buka` is shown open."""
    bidang_id = _bidang_filter(request, plan)
    kind = "sasaran" if section == "sasaran" else "program"
    tree = _tree(request, plan, (kind, buka), bidang_id=bidang_id) if buka else \
        _head_tree(request, plan)
    context = {"tree": tree, "plan": plan, "rights": tree.rights, "oob_totals": True, "oob_outline": True,
               "oob_daftar": other, "terbuka": {f"{kind}-{buka}"} if buka else set(),
               } | _outline_context(request, plan, bidang_id)
    response = render(request, f"{ROW}_section_{section}.html", context)
    response["HX-Retarget"] = f"#section-{section}"
    response["HX-Reswap"] = "outerHTML"
    return _changed(response)


def _head_tree(request, plan: RencanaAksi) -> selectors.PlanTree:
    """The plan's header without rows: rights and totals (one query)."""
    rights = selectors.edit_rights(user=request.user, rencana_aksi=plan)
    return selectors.PlanTree(plan=plan, rights=rights, sasaran=[], program=[], bidang=[], pejabat=[],
                              nodes={}, **selectors.plan_totals(rencana_aksi_id=plan.pk))


def _form(request, template: str, context: dict, *, target_id: str, cancel_url: str, invalid: bool = False,
          focus: str | None = None) -> HttpResponse:
    """A form row. Its save button posts to the URL it came from; ids are unique per row (several may be open)."""
    form = context["form"]
    form.auto_id = f"{target_id}-%s"
    form.set_focus(focus or next((f for f in ("uraian", "nama") if f in form.fields), None))
    context = {"target_id": target_id, "save_url": request.path, "cancel_url": cancel_url, **context}
    response = render(request, ROW + template, context, status=422 if invalid else 200)
    if invalid:
        response["HX-Retarget"] = f"#{target_id}"
        response["HX-Reswap"] = "outerHTML"
    return response


def _batal(request) -> str:
    """'Batal' on a new row's form brings back the 'Tambah …' button."""
    return f"{request.path}?batal=1"


def _save(form, write: Callable[[dict], object]) -> bool:
    """Validate every field, then run the writes in one transaction; a refusal by a service goes to the form."""
    if not form.is_valid():
        return False
    data = {k: v for k, v in form.cleaned_data.items() if k != "versi_baris"}  # the lock, not a value to write
    try:
        with transaction.atomic():
            write(data)
    except ValidationError as exc:
        if isinstance(exc, Konflik):  # sending the form again now overwrites deliberately
            form.data = form.data.copy()
            form.data["versi_baris"] = "" if exc.versi_sekarang is None else str(exc.versi_sekarang)
        if hasattr(exc, "error_dict"):
            for field, errors in exc.error_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            form.add_error(None, exc)
        return False
    return True


def _versi(form) -> int | None:
    """The row version the form was opened with (optimistic locking); None from a client that sends none."""
    return form.cleaned_data.get("versi_baris")


def _choices(objects, label=str) -> list[tuple[int, str]]:
    return [(o.pk, label(o)) for o in objects]


# --- The page --------------------------------------------------------------------------------------------------


def _page_context(request, plan: RencanaAksi) -> dict:
    """The editor page without its sections: header, totals, outline, filter; a constant number of queries."""
    tree = _head_tree(request, plan)
    bidang = selectors.bidang_perangkat_daerah(perangkat_daerah_id=plan.perangkat_daerah_id)
    bidang_id = _bidang_filter(request, plan, default=True)
    return {"tree": tree, "plan": plan, "rights": tree.rights, "bidang": bidang,
            "bidang_saya": next((b for b in bidang if b.pk == tree.rights.bidang_id), None),
            "bidang_dipilih": next((b for b in bidang if b.pk == bidang_id), None),
            "jabatan": selectors.jabatan_perangkat_daerah(perangkat_daerah_id=plan.perangkat_daerah_id),
            "satuan_umum": SATUAN_UMUM, "terbuka": set(),
            "monev_visible": request.user.has_perm("monev.view_monev", plan),
            "alasan_terkunci": services.alasan_terkunci(plan)} | _outline_context(request, plan, bidang_id) \
        | _versions(request, plan)


@login_required
@require_GET
def plan_editor(request, pk: int):
    """The page: header, outline, filter and search, and a closed section per sasaran and per program that loads
    when opened (`rencana_aksi_bagian`). Its size and queries do not grow with the plan."""
    plan = _get_plan_for_user(request, pk)
    return render(request, "perencanaan/editor.html", _page_context(request, plan))


@editor_view
@require_GET
def rencana_aksi_bagian(request, pk: int, jenis: str, bagian_id: int):
    """One section of the editor, opened: a sasaran with its indikator, or a program with its kegiatan, sub
    kegiatan and aksi (`?bidang=` those of one bidang). 404 for a plan the user may not see or a row not in it."""
    plan = _get_plan_for_user(request, pk)
    if jenis not in ("sasaran", "program", "kegiatan"):
        raise Http404
    bidang_id = _bidang_filter(request, plan)
    tree = _tree(request, plan, (jenis, bagian_id), bidang_id=bidang_id, totals=False)
    if bagian_id not in tree.nodes[jenis]:
        raise Http404
    context = {"tree": tree, "plan": tree.plan, "bidang_filter": bidang_id,
               "bidang_query": f"?bidang={bidang_id}" if bidang_id else "?bidang=semua"}
    if jenis == "kegiatan":
        context["bagian_kegiatan"] = _kegiatan_shown(tree, bagian_id)
    response = render(request, f"{ROW}_bagian_{jenis}.html", context)
    response["HX-Trigger"] = "bagian-dimuat"  # the notes panel fills the badges of the rows now shown
    return response


@editor_view
@require_GET
def rencana_aksi_cari(request, pk: int):
    """Rows of the plan whose name contains `?q=` (of `?bidang=` only), each with a link that opens its section;
    `?baris=<anchor>` the one row an anchor names."""
    plan = _get_plan_for_user(request, pk)
    if "baris" in request.GET:  # `?baris=aksi-12`: the section of one row (a link to it from the findings panel)
        found = selectors.plan_row_section(rencana_aksi_id=plan.pk, anchor=request.GET["baris"][:40])
        return render(request, ROW + "_hasil_cari.html", {"hasil": [found] if found else [], "q": "-"})
    q = request.GET.get("q", "")
    hasil = selectors.plan_search(rencana_aksi_id=plan.pk, q=q, bidang_id=_bidang_filter(request, plan))
    return render(request, ROW + "_hasil_cari.html", {"hasil": hasil, "q": q.strip()[:100]})


def _versions(request, plan: RencanaAksi) -> dict:
    """The plan's versions for the editor: the list, the newest one (when newer than this) and whether the user may
    make a perubahan of this one (approved, the newest, and his to change)."""
    versions = selectors.versi_rencana_aksi(rencana_aksi=plan, user=request.user)
    newest = versions[-1] if versions and versions[-1].versi > plan.versi else None
    may = (newest is None and plan.status in RencanaAksi.PUBLISHED
           and request.user.has_perm("perencanaan.perubahan_rencanaaksi", plan)
           and not services.perubahan_ditolak(plan, request.user))
    return {"versions": versions, "versi_terbaru": newest, "bisa_perubahan": may}


# --- Versions: perubahan and the comparison of two versions ---------------------------------------------------


@login_required
@require_POST
def rencana_aksi_perubahan(request, pk: int):
    """'Buat perubahan': copy the approved plan into version n+1 and open it. 403 for who may not, 422 (the editor
    with the reason) for a plan that is not approved or has a newer version."""
    plan = _get_plan_for_user(request, pk)
    if not request.user.has_perm("perencanaan.perubahan_rencanaaksi", plan):
        raise PermissionDenied(_("Hanya perencana perangkat daerah ini atau admin pemda yang dapat membuat perubahan "
                                 "rencana aksi."))
    try:
        baru = services.rencana_aksi_buat_perubahan(rencana_aksi=plan, by=request.user)
    except ValidationError as exc:
        context = _page_context(request, plan) | {"perubahan_error": " ".join(exc.messages)}
        return render(request, "perencanaan/editor.html", context, status=422)
    messages.success(request, _("%(versi)s dibuat dari %(asal)s. Ubah di sini; versi yang disetujui tetap tersimpan "
                                "dan dapat dibandingkan.") % {"versi": baru.label_versi, "asal": plan.label_versi})
    return redirect("plan_editor", pk=baru.pk)


@login_required
@require_GET
def rencana_aksi_banding(request, pk: int, other_pk: int):
    """Two versions of one plan side by side: what changed from the older to the newer, in the editor's layout.
    404 unless the user may open both and they are of the same PD and year."""
    plan = _get_plan_for_user(request, pk)
    other = _get_plan_for_user(request, other_pk)
    if (plan.perangkat_daerah_id, plan.tahun) != (other.perangkat_daerah_id, other.tahun):
        raise Http404
    lama, baru = sorted((plan, other), key=lambda p: (p.versi, p.pk))
    comparison = plan_diff.compare(plan_diff.snapshot(lama, match=plan_diff.BY_KUNCI),
                                   plan_diff.snapshot(baru, match=plan_diff.BY_KUNCI))
    versions = selectors.versi_rencana_aksi(rencana_aksi=plan, user=request.user)
    return render(request, "perencanaan/banding.html", {
        "lama": lama, "baru": baru, "diff": comparison, "pohon": plan_diff.tree(comparison), "versions": versions,
        "added": comparison.jumlah("ditambah"), "removed": comparison.jumlah("dihapus"),
        "changed": comparison.jumlah("diubah")})


# --- Sasaran ---------------------------------------------------------------------------------------------------


@editor_view
@require_GET
def sasaran_row(request, sasaran_id: int):
    sasaran = _get_sasaran_for_user(request, sasaran_id)
    return _row(request, sasaran.rencana_aksi, "sasaran", sasaran)


@editor_view
@require_http_methods(["GET", "POST"])
def sasaran_edit(request, sasaran_id: int):
    sasaran = _get_sasaran_for_user(request, sasaran_id, "perencanaan.change_sasaran")
    if request.method == "POST":
        form = SasaranForm(request.POST)
        if _save(form, lambda d: services.sasaran_update(sasaran=sasaran, versi_baris=_versi(form), **d)):
            return _changed(_row(request, sasaran.rencana_aksi, "sasaran", sasaran))
    else:
        form = SasaranForm(initial={"nomor": sasaran.nomor, "uraian": sasaran.uraian, "level": sasaran.level,
                                    "versi_baris": sasaran.versi_baris})
    return _form(request, "_sasaran_form.html", {"form": form, "sasaran": sasaran},
                 target_id=f"sasaran-{sasaran.pk}", invalid=form.is_bound,
                 cancel_url=reverse("sasaran_row", args=[sasaran.pk]))


@editor_view
@require_http_methods(["GET", "POST"])
def sasaran_add(request, pk: int):
    plan = _get_plan_for_user(request, pk, "perencanaan.change_rencanaaksi")
    if request.GET.get("batal"):
        return render(request, ROW + "_add_sasaran.html", {"plan": plan})
    if request.method == "POST":
        form = SasaranForm(request.POST)
        created: list[Sasaran] = []
        if _save(form, lambda d: created.append(services.sasaran_create(rencana_aksi=plan, **d))):
            return _daftar(request, plan, "sasaran", buka=created[0].pk)
    else:
        form = SasaranForm(initial={"level": Sasaran.Level.STRATEGIS})
    return _form(request, "_sasaran_form.html", {"form": form, "plan": plan}, target_id="add-sasaran",
                 invalid=form.is_bound, cancel_url=_batal(request))


# --- Indikator and its targets -----------------------------------------------------------------------------------


def _indikator_form(indikator_or_none, data, *, plan: RencanaAksi) -> IndikatorForm:
    bidang = plan.perangkat_daerah.bidang.all()
    kwargs = {"bidang_choices": _choices(bidang)}
    if data is not None:
        return IndikatorForm(data, **kwargs)
    i = indikator_or_none
    initial = {"polaritas": Indikator.Polaritas.POSITIF, "akumulasi": "kumulatif",
               "jenis_target": Indikator.JenisTarget.ANGKA}
    if i is not None:
        initial = {"nama": i.nama, "satuan": i.satuan, "formulasi": i.formulasi, "polaritas": i.polaritas,
                   "akumulasi": i.akumulasi, "jenis_target": i.jenis_target, "is_iku": i.is_iku,
                   "bidang": i.bidang_id, "versi_baris": i.versi_baris}
    return IndikatorForm(initial=initial, **kwargs)


def _indikator_changes(indikator: Indikator, data: dict) -> dict:
    """Only what changed: re-saving an inferred polaritas or akumulasi unchanged keeps its 'disimpulkan' mark."""
    changes = dict(data)
    if "bidang" in changes:
        changes["bidang_id"] = changes.pop("bidang")
    return {k: v for k, v in changes.items() if getattr(indikator, k) != v}


@editor_view
@require_GET
def indikator_row(request, indikator_id: int):
    indikator = _get_indikator_for_user(request, indikator_id)
    return _row(request, indikator.rencana_aksi, "indikator", indikator)


@editor_view
@require_http_methods(["GET", "POST"])
def indikator_edit(request, indikator_id: int):
    # Only the plan's editors: a kepala bidang changes the targets of his indikator (target_edit), not the
    # indikator itself, so he is never offered this form.
    indikator = _get_indikator_for_user(request, indikator_id, "perencanaan.change_indikator")
    plan = indikator.rencana_aksi
    data = request.POST if request.method == "POST" else None
    form = _indikator_form(indikator, data, plan=plan)
    if data is not None and _save(
        form, lambda d: services.indikator_update(indikator=indikator, versi_baris=_versi(form),
                                                  **_indikator_changes(indikator, d))
    ):
        return _changed(_row(request, plan, "indikator", indikator))
    return _form(request, "_indikator_form.html", {"form": form, "indikator": indikator},
                 target_id=f"indikator-{indikator.pk}", invalid=form.is_bound,
                 cancel_url=reverse("indikator_row", args=[indikator.pk]))


@editor_view
@require_http_methods(["GET", "POST"])
def indikator_add(request, sasaran_id: int):
    sasaran = _get_sasaran_for_user(request, sasaran_id, "perencanaan.change_sasaran")
    plan = sasaran.rencana_aksi
    if request.GET.get("batal"):
        return render(request, ROW + "_add_indikator.html", {"sasaran": sasaran, "plan": plan})
    data = request.POST if request.method == "POST" else None
    form = _indikator_form(None, data, plan=plan)

    def create(d: dict) -> None:
        d = dict(d)
        d["bidang"] = plan.perangkat_daerah.bidang.filter(pk=d.pop("bidang")).first()
        services.indikator_create(sasaran=sasaran, **d)

    if data is not None and _save(form, create):
        return _bagian(request, plan, ("sasaran", sasaran.pk))
    return _form(request, "_indikator_form.html", {"form": form, "sasaran": sasaran},
                 target_id=f"add-indikator-{sasaran.pk}", invalid=form.is_bound,
                 cancel_url=_batal(request))


@editor_view
@require_http_methods(["GET", "POST"])
def target_edit(request, indikator_id: int):
    """The yearly target and TW I–IV of an indicator in one form, typed with the keyboard (Enter saves)."""
    indikator = _get_indikator_for_user(request, indikator_id, "perencanaan.change_target")
    plan = indikator.rencana_aksi
    tree = _tree(request, plan, ("sasaran", indikator.sasaran_id), totals=False)
    node = tree.node("indikator", indikator.pk)
    if request.method == "POST":
        form = TargetForm(request.POST, indikator=indikator)

        def write(d: dict) -> None:
            services.target_kunci(indikator=indikator, versi_baris=_versi(form),
                                  tertulis={tw: form.data.get(name, "").strip() for name, tw in TargetForm.FIELDS})
            for (name, triwulan), (_tw, current) in zip(TargetForm.FIELDS, node.targets, strict=True):
                angka = d[name]
                if current is None and angka.kosong:
                    continue  # nothing to set (an unchanged target is left alone by the service)
                services.target_set(indikator=indikator, tahun=plan.tahun, triwulan=triwulan, nilai=angka.nilai,
                                    kategori=angka.kategori)

        if _save(form, write):
            return _changed(_row(request, plan, "indikator", indikator))
    else:
        initial = {"versi_baris": indikator.versi_baris}
        for (name, _triwulan), (_tw, t) in zip(TargetForm.FIELDS, node.targets, strict=True):
            if t is not None:
                initial[name] = teks_kategori(t.kategori, nilai_input(t.nilai, t.desimal))
        form = TargetForm(initial=initial, indikator=indikator)
    focus = request.GET.get("fokus", "tw1")
    return _form(request, "_target_form.html", {"form": form, "node": node, "tree": tree, "plan": tree.plan,
                                                "fokus": focus},
                 target_id=f"indikator-{indikator.pk}", invalid=form.is_bound, focus=focus,
                 cancel_url=reverse("indikator_row", args=[indikator.pk]))


# --- Program, kegiatan, sub kegiatan ----------------------------------------------------------------------------


def _anggaran_initial(obj) -> dict:
    return {"kode": obj.kode, "nama": obj.nama, "pagu": format_rupiah(obj.pagu),
            "indikator": [i.pk for i in obj.indikator.all()], "versi_baris": obj.versi_baris}


def _indikator_choices(plan: RencanaAksi) -> list[tuple[int, str]]:
    return _choices(Indikator.objects.filter(rencana_aksi=plan).order_by("urutan", "id"),
                    lambda i: i.nama if len(i.nama) <= 90 else i.nama[:87] + "…")


def _anggaran_changes(d: dict, plan: RencanaAksi) -> dict:
    d = dict(d)
    d["indikator"] = list(Indikator.objects.filter(rencana_aksi=plan, pk__in=d["indikator"]))
    if "target" in d:
        d.update(target_fields(d.pop("target")))
    if "bidang" in d:
        d["bidang"] = plan.perangkat_daerah.bidang.filter(pk=d["bidang"]).first() if d["bidang"] else None
    return d


@editor_view
@require_GET
def program_row(request, program_id: int):
    program = _get_program_for_user(request, program_id)
    return _row(request, program.rencana_aksi, "program", program)


@editor_view
@require_http_methods(["GET", "POST"])
def program_edit(request, program_id: int):
    program = _get_program_for_user(request, program_id, "perencanaan.change_program")
    plan = program.rencana_aksi
    choices = _indikator_choices(plan)
    if request.method == "POST":
        form = AnggaranForm(request.POST, indikator_choices=choices)
        if _save(form, lambda d: services.anggaran_update(obj=program, versi_baris=_versi(form),
                                                                  **_anggaran_changes(d, plan))):
            return _changed(_row(request, plan, "program", program, totals=True))
    else:
        form = AnggaranForm(initial=_anggaran_initial(program), indikator_choices=choices)
    return _form(request, "_anggaran_form.html", {"form": form, "obj": program, "kind": "program", "plan": plan},
                 target_id=f"program-{program.pk}", invalid=form.is_bound,
                 cancel_url=reverse("program_row", args=[program.pk]))


@editor_view
@require_http_methods(["GET", "POST"])
def program_add(request, pk: int):
    plan = _get_plan_for_user(request, pk, "perencanaan.change_rencanaaksi")
    if request.GET.get("batal"):
        return render(request, ROW + "_add_program.html", {"plan": plan})
    choices = _indikator_choices(plan)
    if request.method == "POST":
        form = AnggaranForm(request.POST, indikator_choices=choices)
        created: list[Program] = []
        if _save(form, lambda d: created.append(services.program_create(rencana_aksi=plan,
                                                                         **_anggaran_changes(d, plan)))):
            return _daftar(request, plan, "anggaran", buka=created[0].pk)
    else:
        form = AnggaranForm(indikator_choices=choices)
    return _form(request, "_anggaran_form.html", {"form": form, "kind": "program", "plan": plan},
                 target_id="add-program", invalid=form.is_bound, cancel_url=_batal(request))


@editor_view
@require_GET
def kegiatan_row(request, kegiatan_id: int):
    kegiatan = _get_kegiatan_for_user(request, kegiatan_id)
    return _row(request, kegiatan.rencana_aksi, "kegiatan", kegiatan)


@editor_view
@require_http_methods(["GET", "POST"])
def kegiatan_edit(request, kegiatan_id: int):
    kegiatan = _get_kegiatan_for_user(request, kegiatan_id, "perencanaan.change_kegiatan")
    plan = kegiatan.rencana_aksi
    choices = _indikator_choices(plan)
    if request.method == "POST":
        form = AnggaranForm(request.POST, indikator_choices=choices)
        if _save(form, lambda d: services.anggaran_update(obj=kegiatan, versi_baris=_versi(form),
                                                                  **_anggaran_changes(d, plan))):
            return _changed(_row(request, plan, "kegiatan", kegiatan, rollups=[("program", kegiatan.program_id)]))
    else:
        form = AnggaranForm(initial=_anggaran_initial(kegiatan), indikator_choices=choices)
    return _form(request, "_anggaran_form.html", {"form": form, "obj": kegiatan, "kind": "kegiatan", "plan": plan},
                 target_id=f"kegiatan-{kegiatan.pk}", invalid=form.is_bound,
                 cancel_url=reverse("kegiatan_row", args=[kegiatan.pk]))


@editor_view
@require_http_methods(["GET", "POST"])
def kegiatan_add(request, program_id: int):
    program = _get_program_for_user(request, program_id, "perencanaan.change_program")
    plan = program.rencana_aksi
    if request.GET.get("batal"):
        return render(request, ROW + "_add_kegiatan.html", {"program": program, "plan": plan})
    choices = _indikator_choices(plan)
    if request.method == "POST":
        form = AnggaranForm(request.POST, indikator_choices=choices)
        if _save(form, lambda d: services.kegiatan_create(program=program, **_anggaran_changes(d, plan))):
            return _bagian(request, plan, ("program", program.pk))
    else:
        form = AnggaranForm(indikator_choices=choices)
    return _form(request, "_anggaran_form.html", {"form": form, "kind": "kegiatan", "parent": program, "plan": plan},
                 target_id=f"add-kegiatan-{program.pk}", invalid=form.is_bound,
                 cancel_url=_batal(request))


def _sub_kegiatan_form(request, plan: RencanaAksi, *, instance: SubKegiatan | None = None) -> SubKegiatanForm:
    kwargs = {"indikator_choices": _indikator_choices(plan),
              "bidang_choices": _choices(plan.perangkat_daerah.bidang.all()),
              # A kepala bidang cannot hand his sub kegiatan to another bidang.
              "bidang_editable": request.user.has_perm("perencanaan.change_rencanaaksi", plan)}
    if request.method == "POST":
        return SubKegiatanForm(request.POST, **kwargs)
    initial = {}
    if instance is not None:
        initial = _anggaran_initial(instance) | {"bidang": instance.bidang_id, "target": instance.target_teks}
    return SubKegiatanForm(initial=initial, **kwargs)


@editor_view
@require_GET
def sub_kegiatan_row(request, sub_kegiatan_id: int):
    sub = _get_sub_kegiatan_for_user(request, sub_kegiatan_id)
    return _row(request, sub.rencana_aksi, "subkegiatan", sub)


@editor_view
@require_http_methods(["GET", "POST"])
def sub_kegiatan_edit(request, sub_kegiatan_id: int):
    sub = _get_sub_kegiatan_for_user(request, sub_kegiatan_id, "perencanaan.change_subkegiatan")
    plan = sub.rencana_aksi
    form = _sub_kegiatan_form(request, plan, instance=sub)
    if form.is_bound and _save(form, lambda d: services.anggaran_update(obj=sub, versi_baris=_versi(form),
                                                                  **_anggaran_changes(d, plan))):
        return _changed(_row(request, plan, "subkegiatan", sub, rollups=[("kegiatan", sub.kegiatan_id)],
                             totals=True))
    return _form(request, "_anggaran_form.html", {"form": form, "obj": sub, "kind": "subkegiatan", "plan": plan},
                 target_id=f"subkegiatan-{sub.pk}", invalid=form.is_bound,
                 cancel_url=reverse("sub_kegiatan_row", args=[sub.pk]))


@editor_view
@require_http_methods(["GET", "POST"])
def sub_kegiatan_add(request, kegiatan_id: int):
    kegiatan = _get_kegiatan_for_user(request, kegiatan_id, "perencanaan.change_kegiatan")
    plan = kegiatan.rencana_aksi
    if request.GET.get("batal"):
        return render(request, ROW + "_add_subkegiatan.html", {"kegiatan": kegiatan, "plan": plan})
    form = _sub_kegiatan_form(request, plan)
    if form.is_bound and _save(
        form, lambda d: services.sub_kegiatan_create(kegiatan=kegiatan, **_anggaran_changes(d, plan))
    ):
        return _bagian(request, plan, ("kegiatan", kegiatan.pk))
    return _form(request, "_anggaran_form.html", {"form": form, "kind": "subkegiatan", "parent": kegiatan,
                                                  "plan": plan},
                 target_id=f"add-subkegiatan-{kegiatan.pk}", invalid=form.is_bound,
                 cancel_url=_batal(request))


# --- Aksi ------------------------------------------------------------------------------------------------------


def _aksi_form(request, plan: RencanaAksi, *, instance: Aksi | None = None) -> AksiForm:
    pejabat = Pejabat.objects.filter(perangkat_daerah_id=plan.perangkat_daerah_id)
    kwargs = {"pejabat_choices": _choices(pejabat, lambda p: f"{p.nama} — {p.jabatan}")}
    if request.method == "POST":
        return AksiForm(request.POST, **kwargs)
    initial = {}
    if instance is not None:
        initial = {
            "nomor": instance.nomor, "uraian": instance.uraian, "keluaran": instance.keluaran,
            "bulan": list(instance.jadwal.values_list("bulan", flat=True)),
            "target": instance.target_teks or nilai_input(instance.target_nilai),
            "pagu": format_rupiah(instance.pagu),
            "penanggung_jawab": instance.penanggung_jawab, "pejabat": instance.pejabat_id,
            "versi_baris": instance.versi_baris,
        }
    return AksiForm(initial=initial, **kwargs)


def _aksi_changes(d: dict, plan: RencanaAksi) -> dict:
    d = dict(d)
    d.update(target_fields(d.pop("target")))
    pejabat_id = d.pop("pejabat")
    d["pejabat"] = Pejabat.objects.filter(perangkat_daerah_id=plan.perangkat_daerah_id, pk=pejabat_id).first() \
        if pejabat_id else None
    return d


@editor_view
@require_GET
def aksi_row(request, aksi_id: int):
    aksi = _get_aksi_for_user(request, aksi_id)
    return _row(request, aksi.rencana_aksi, "aksi", aksi)


@editor_view
@require_http_methods(["GET", "POST"])
def aksi_edit(request, aksi_id: int):
    aksi = _get_aksi_for_user(request, aksi_id, "perencanaan.change_aksi")
    plan = aksi.rencana_aksi
    form = _aksi_form(request, plan, instance=aksi)
    if form.is_bound and _save(form, lambda d: services.aksi_update(aksi=aksi, versi_baris=_versi(form),
                                                                             **_aksi_changes(d, plan))):
        return _changed(_row(request, plan, "aksi", aksi, rollups=[("subkegiatan", aksi.sub_kegiatan_id)]))
    return _form(request, "_aksi_form.html", {"form": form, "aksi": aksi, "plan": plan},
                 target_id=f"aksi-{aksi.pk}", invalid=form.is_bound,
                 cancel_url=reverse("aksi_row", args=[aksi.pk]))


@editor_view
@require_http_methods(["GET", "POST"])
def aksi_add(request, sub_kegiatan_id: int):
    sub = _get_sub_kegiatan_for_user(request, sub_kegiatan_id, "perencanaan.add_aksi")
    plan = sub.rencana_aksi
    if request.GET.get("batal"):
        return render(request, ROW + "_add_aksi.html", {"sub": sub, "plan": plan})
    form = _aksi_form(request, plan)
    if form.is_bound and _save(form, lambda d: services.aksi_create(sub_kegiatan=sub, **_aksi_changes(d, plan))):
        return _bagian(request, plan, ("kegiatan", sub.kegiatan_id))
    if not form.is_bound:
        form.initial["nomor"] = str(sub.aksi.count() + 1)
    return _form(request, "_aksi_form.html", {"form": form, "sub": sub, "plan": plan},
                 target_id=f"add-aksi-{sub.pk}", invalid=form.is_bound,
                 cancel_url=_batal(request))


@editor_view
@require_POST
def aksi_toggle_bulan(request, aksi_id: int, bulan: int):
    aksi = _get_aksi_for_user(request, aksi_id, "perencanaan.change_aksi")
    if not 1 <= bulan <= 12:
        raise Http404
    # The button sends the state the user asked for ("1" on, "0" off): a second click by someone else who saw the
    # same state does not undo the first (services.aksi_toggle_bulan).
    terjadwal = {"1": True, "0": False}.get(request.POST.get("jadwal", ""))
    services.aksi_toggle_bulan(aksi=aksi, bulan=bulan, terjadwal=terjadwal)
    return _changed(_row(request, aksi.rencana_aksi, "aksi", aksi))


# --- Any row: reorder and delete --------------------------------------------------------------------------------

# jenis in the URL → (fetch helper, the permission that moving or deleting it needs, the section it lives in).
# Only aksi are a kepala bidang's to add, move and delete; the structure above them is the perencana's.
ROW_KINDS: dict[str, tuple[Callable, str, str]] = {
    "sasaran": (_get_sasaran_for_user, "perencanaan.change_rencanaaksi", "sasaran"),
    "indikator": (_get_indikator_for_user, "perencanaan.change_rencanaaksi", "sasaran"),
    "program": (_get_program_for_user, "perencanaan.change_rencanaaksi", "anggaran"),
    "kegiatan": (_get_kegiatan_for_user, "perencanaan.change_rencanaaksi", "anggaran"),
    "subkegiatan": (_get_sub_kegiatan_for_user, "perencanaan.change_rencanaaksi", "anggaran"),
    "aksi": (_get_aksi_for_user, "perencanaan.change_aksi", "anggaran"),
}


def _get_row_for_user(request, jenis: str, row_id: int):
    if jenis not in ROW_KINDS:
        raise Http404
    fetch, perm, section = ROW_KINDS[jenis]
    return fetch(request, row_id, perm), section


@editor_view
@require_POST
def row_move(request, jenis: str, row_id: int, arah: str):
    obj, section = _get_row_for_user(request, jenis, row_id)
    if arah not in ("naik", "turun"):
        raise Http404
    services.row_move(obj=obj, offset=-1 if arah == "naik" else 1)
    if jenis in ("sasaran", "program"):  # the order of the sections changed: their heads, this one open
        return _daftar(request, obj.rencana_aksi, section, buka=obj.pk)
    return _bagian(request, obj.rencana_aksi, _section_of(jenis, obj))


@editor_view
@require_POST
def row_delete(request, jenis: str, row_id: int):
    obj, section = _get_row_for_user(request, jenis, row_id)
    plan = obj.rencana_aksi
    bagian = None if jenis in ("sasaran", "program") else _section_of(jenis, obj)
    services.row_delete(obj=obj)
    # Indicators are linked from the budget rows: deleting one changes the program sections too (their heads
    # come out of band, closed; an open one would show a link to the deleted indikator).
    other = "anggaran" if section == "sasaran" else None
    if bagian is None:
        return _daftar(request, plan, section, other=other)
    return _bagian(request, plan, bagian, other=other)


# --- Title page and Perjanjian Kinerja (a page of its own, linked from the editor) ----------------------------


def _pengesahan_initial(plan: RencanaAksi, pk: PerjanjianKinerja | None) -> dict:
    initial = {"tempat": plan.tempat, "tanggal": plan.tanggal, "penandatangan": plan.penandatangan_id}
    if pk is not None:
        initial |= {"pk_pihak_pertama": pk.pihak_pertama_id, "pk_pihak_kedua": pk.pihak_kedua_id,
                    "pk_pihak_kedua_jabatan": pk.pihak_kedua_jabatan, "pk_tempat": pk.tempat,
                    "pk_tanggal": pk.tanggal}
    return initial


@login_required
@require_http_methods(["GET", "POST"])
def pengesahan_edit(request, pk: int):
    """The plan's tempat, tanggal and penandatangan, and its Perjanjian Kinerja's parties, tempat and tanggal, in
    one form (the RA's title page and the PK document print them). The rights of structure edits: 404 for a plan
    the user may not see, 403 for one he may only read or that left draft; 422 with the messages at the fields;
    a save redirects back here. A plan without a PK gets one on save."""
    plan = _get_plan_for_user(request, pk, "perencanaan.change_rencanaaksi")
    pejabat = list(Pejabat.objects.filter(perangkat_daerah_id=plan.perangkat_daerah_id).order_by("nama", "id"))
    by_id = {p.pk: p for p in pejabat}
    perjanjian = selectors.pk_utama(PerjanjianKinerja.objects.filter(rencana_aksi=plan),
                                    kepala_id=plan.perangkat_daerah.kepala_id)
    choices = _choices(pejabat, lambda p: f"{p.nama} — {p.jabatan_tanda_tangan}")
    if request.method == "POST":
        form = PengesahanForm(request.POST, pejabat_choices=choices)

        def write(d: dict) -> None:
            services.rencana_aksi_pengesahan_set(rencana_aksi=plan, tempat=d["tempat"], tanggal=d["tanggal"],
                                                 penandatangan=by_id.get(d["penandatangan"]), by=request.user)
            try:
                services.perjanjian_kinerja_pihak_set(
                    rencana_aksi=plan, perjanjian_kinerja=perjanjian,
                    pihak_pertama=by_id.get(d["pk_pihak_pertama"]), pihak_kedua=by_id.get(d["pk_pihak_kedua"]),
                    pihak_kedua_jabatan=d["pk_pihak_kedua_jabatan"], tempat=d["pk_tempat"], tanggal=d["pk_tanggal"],
                    by=request.user)
            except ValidationError as exc:  # the PK's fields carry the form's prefix
                if hasattr(exc, "error_dict"):
                    raise ValidationError({f"pk_{k}": v for k, v in exc.error_dict.items()}) from exc
                raise

        if _save(form, write):
            messages.success(request, _("Halaman pengesahan dan Perjanjian Kinerja disimpan."))
            return redirect("pengesahan_edit", pk=plan.pk)
    else:
        form = PengesahanForm(initial=_pengesahan_initial(plan, perjanjian), pejabat_choices=choices)
    context = {"plan": plan, "form": form, "perjanjian": perjanjian}
    return render(request, "perencanaan/pengesahan.html", context, status=422 if form.is_bound else 200)


# --- Nomenclature picker ----------------------------------------------------------------------------------------


@editor_view
@require_GET
def nomenklatur_search(request):
    """<option>s for a <datalist>: codes of the nomenclature version of a plan's year (`?tahun=&level=&q=`)."""
    try:
        tahun = int(request.GET.get("tahun", ""))
    except ValueError:
        return HttpResponse("")
    level = request.GET.get("level", "")
    if level not in Nomenklatur.Level.values:
        level = ""
    q = (request.GET.get("q") or request.GET.get("kode") or "")[:100]
    rows = nomenklatur.nomenklatur_search(tahun=tahun, level=level or None, q=q, limit=30)
    return render(request, ROW + "_nomenklatur_options.html", {"rows": rows})


# --- Narasi dokumen (kata pengantar, BAB I–III of the RA document) ------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def plan_narasi(request, pk: int):
    """The narrative of the RA document: shown with the default where the PD wrote nothing; saving the default
    unchanged keeps it the default. The plan's editors only (404 / 403 like the editor), on a draft plan."""
    plan = _get_plan_for_user(request, pk, "perencanaan.change_rencanaaksi")
    konteks = selectors.narasi_konteks(rencana_aksi=plan)
    if request.method == "POST":
        form = NarasiForm(request.POST)
        if _save(form, lambda d: services.rencana_aksi_set_narasi(rencana_aksi=plan, by=request.user, **d)):
            messages.success(request, _("Narasi dokumen disimpan."))
            return redirect("plan_narasi", pk=plan.pk)
    else:
        form = NarasiForm(initial=narasi.teks(plan, konteks))
    sendiri = {nama for nama in narasi.NAMA if getattr(plan, narasi.field_name(nama))}
    parts = [(form[nama], nama in sendiri) for nama in narasi.NAMA]
    return render(request, "perencanaan/narasi.html", {"plan": plan, "form": form, "parts": parts},
                  status=422 if form.is_bound else 200)
