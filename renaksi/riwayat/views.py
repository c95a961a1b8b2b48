"""The history pages ("Riwayat perubahan") and the evaluator notes' htmx partials.

Thin views, as in the editor: every object is fetched by a `_get_<thing>_for_user` helper that authorises — 404 for
what the user may not see (history: the plan's view right, realisasi: the monev view right; notes: the monev
readers, never public), 403 for a note he may read but not write (shown in the page's alert area).
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from renaksi.perencanaan.models import Aksi, RencanaAksi
from renaksi.perencanaan.views import editor_view

from . import selectors, services
from .models import Catatan

T = "riwayat/"


def _get_plan_for_user(request, pk: int, perm: str = "perencanaan.view_rencanaaksi") -> RencanaAksi:
    plan = get_object_or_404(RencanaAksi.objects.select_related("perangkat_daerah__pemda"), pk=pk)
    if not request.user.has_perm(perm, plan):
        raise Http404
    return plan


def _get_row_for_user(request, jenis: str, pk: int, perm: str = "perencanaan.view_rencanaaksi"):
    model = selectors.BARIS_MODEL.get(jenis)
    if model is None:
        raise Http404
    qs = model._default_manager.select_related("rencana_aksi__perangkat_daerah__pemda")
    if model is Aksi:
        qs = qs.select_related("sub_kegiatan")
    row = get_object_or_404(qs, pk=pk)
    if not request.user.has_perm(perm, row.rencana_aksi):  # type: ignore[attr-defined]
        raise Http404
    return row


def _get_catatan_for_user(request, catatan_id: int) -> Catatan:
    catatan = get_object_or_404(Catatan.objects.select_related("rencana_aksi__perangkat_daerah"), pk=catatan_id)
    if not request.user.has_perm("riwayat.view_catatan", catatan.rencana_aksi):
        raise Http404
    return catatan


def _triwulan(request) -> int | None:
    tw = request.GET.get("tw") or request.POST.get("tw")
    if not tw:
        return None
    if tw not in {"1", "2", "3", "4"}:
        raise Http404
    return int(tw)


def _kinds(request, plan: RencanaAksi) -> list[str]:
    """The kinds of rows whose history this user may read: realisasi only with the monev view right."""
    monev = request.user.has_perm("monev.view_monev", plan)
    return [k for k, j in selectors.JENIS.items() if monev or not j.monev]


# --- History ------------------------------------------------------------------------------------------------------


@login_required
@require_GET
def riwayat_rencana(request, pk: int):
    """The history of a plan and all its rows, newest first, 50 a page, filterable by the kind of row."""
    plan = _get_plan_for_user(request, pk)
    kinds = _kinds(request, plan)
    jenis = request.GET.get("jenis", "")
    shown = [jenis] if jenis in kinds else kinds
    page, items = selectors.riwayat_halaman(sources=selectors.sumber_rencana(rencana_aksi=plan, jenis=shown),
                                            nomor=request.GET.get("halaman"))
    filters = [(k, selectors.JENIS[k].label) for k in kinds]
    return render(request, T + "riwayat.html", {"plan": plan, "page": page, "items": items, "filters": filters,
                                                "jenis": jenis if jenis in kinds else "", "baris": None})


@login_required
@require_GET
def riwayat_baris(request, jenis: str, pk: int):
    """The history of one row (an indikator with its targets and realisasi, an aksi with its schedule, …)."""
    row = _get_row_for_user(request, jenis, pk)
    plan = row.rencana_aksi
    page, items = selectors.riwayat_halaman(
        sources=selectors.sumber_baris(key=jenis, pk=row.pk, jenis=_kinds(request, plan)),
        nomor=request.GET.get("halaman"))
    label = selectors.nama_baris([(jenis, row.pk)])[(jenis, row.pk)]
    return render(request, T + "riwayat.html", {"plan": plan, "page": page, "items": items, "filters": [],
                                                "jenis": "", "baris": label})


# --- Notes --------------------------------------------------------------------------------------------------------


def _panel_context(request, plan: RencanaAksi, tw: int | None) -> dict:
    return {"plan": plan, "tw": tw, "utas": selectors.catatan_utas(rencana_aksi=plan, triwulan=tw),
            "jumlah": selectors.catatan_jumlah(rencana_aksi=plan, triwulan=tw).items()}


@login_required
@require_GET
def catatan_panel(request, pk: int):
    """The notes of a plan (or of its monev report of `?tw=`): every thread, open ones first, and out-of-band the
    badge of every row that has notes (the number of open threads) — one request for the whole editor."""
    plan = _get_plan_for_user(request, pk, "riwayat.view_catatan")
    return render(request, T + "_panel.html", _panel_context(request, plan, _triwulan(request)))


def _baris_response(request, row, tw: int | None, *, form_errors=None, teks: str = "", status: int = 200):
    plan = row.rencana_aksi
    utas = selectors.catatan_utas(rencana_aksi=plan, triwulan=tw, jenis=selectors.JENIS_BARIS[type(row)],
                                  objek_id=row.pk)
    context = {"plan": plan, "row": row, "jenis": selectors.JENIS_BARIS[type(row)], "tw": tw, "utas": utas,
               "label": selectors.nama_baris([(selectors.JENIS_BARIS[type(row)], row.pk)])[
                   (selectors.JENIS_BARIS[type(row)], row.pk)],
               "may_add": request.user.has_perm("riwayat.add_catatan", row),
               "may_answer": request.user.has_perm("riwayat.answer_catatan", row),
               "errors": form_errors or [], "teks": teks}
    response = render(request, T + "_baris.html", context, status=status)
    if status == 200 and request.method == "POST":
        response["HX-Trigger"] = "catatan-changed"
    return response


def _teks(request) -> str:
    return (request.POST.get("teks") or "")[:4000]


@editor_view
@require_http_methods(["GET", "POST"])
def catatan_baris(request, jenis: str, pk: int):
    """GET: the threads of a row (a partial, opened from its badge); POST: a new thread (evaluator, admin pemda)."""
    row = _get_row_for_user(request, jenis, pk, "riwayat.view_catatan")
    tw = _triwulan(request)
    if request.method == "POST":
        try:
            services.catatan_buat(baris=row, teks=_teks(request), triwulan=tw, by=request.user)
        except ValidationError as exc:
            return _baris_response(request, row, tw, form_errors=exc.messages, teks=_teks(request), status=422)
    return _baris_response(request, row, tw)


def _row_of(catatan: Catatan):
    row = services.baris_catatan(catatan)
    if row is None:
        raise Http404
    return row


@editor_view
@require_POST
def catatan_balas(request, catatan_id: int):
    catatan = _get_catatan_for_user(request, catatan_id)
    row = _row_of(catatan)
    try:
        services.catatan_balas(catatan=catatan, teks=_teks(request), by=request.user)
    except ValidationError as exc:
        return _baris_response(request, row, catatan.triwulan, form_errors=exc.messages, status=422)
    return _baris_response(request, row, catatan.triwulan)


@editor_view
@require_POST
def catatan_status(request, catatan_id: int, aksi: str):
    """'selesai' resolves a thread, 'buka' reopens it."""
    catatan = _get_catatan_for_user(request, catatan_id)
    if aksi not in ("selesai", "buka"):
        raise Http404
    row = _row_of(catatan)
    write = services.catatan_selesaikan if aksi == "selesai" else services.catatan_buka_kembali
    try:
        write(catatan=catatan, by=request.user)
    except ValidationError as exc:
        return _baris_response(request, row, catatan.triwulan, form_errors=exc.messages, status=422)
    return _baris_response(request, row, catatan.triwulan)
