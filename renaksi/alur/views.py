"""The workflow bar of a plan (on the editor) and of a triwulan report (on the monev page), its transitions, and
each user's notifications.

    GET  /rencana-aksi/<pk>/alur/                           alur_rencana_aksi       the bar (htmx) or a page
    POST /rencana-aksi/<pk>/alur/<langkah>/                 alur_rencana_aksi_langkah   (alasan)
    GET  /rencana-aksi/<pk>/monev/<tw>/alur/                alur_laporan
    POST /rencana-aksi/<pk>/monev/<tw>/alur/<langkah>/      alur_laporan_langkah        (alasan)
    GET  /notifikasi/                                       notifikasi
    GET  /notifikasi/jumlah/                                notifikasi_jumlah       the navbar badge (htmx)

404 when the user may not see the plan (or its monitoring); 403 with the reason when he may see it but not take
that step (the service refuses: role, PD, Pemda); 422 with the bar and the message when the state does not allow
it, a reason is missing or findings stand in the way. A transition done: the page reloads (HX-Redirect; without
htmx a 302), since what may be edited on it has changed.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from renaksi.perencanaan.models import RencanaAksi

from . import selectors, services

T = "alur/"


def _get_plan_for_user(request, pk: int, *, monev: bool = False) -> RencanaAksi:
    plan = get_object_or_404(RencanaAksi.objects.select_related("perangkat_daerah__pemda"), pk=pk)
    perm = "monev.view_monev" if monev else "perencanaan.view_rencanaaksi"
    if not request.user.has_perm(perm, plan):
        raise Http404  # don't reveal that it exists
    return plan


def _check(tw: int | None, langkah: str | None = None) -> None:
    if tw is not None and not 1 <= tw <= 4:
        raise Http404
    if langkah is not None and langkah not in services.LANGKAH:
        raise Http404


def _page_url(plan: RencanaAksi, tw: int | None) -> str:
    return reverse("plan_editor", args=[plan.pk]) if tw is None else reverse("monev_form", args=[plan.pk, tw])


def _render_bar(request, plan: RencanaAksi, tw: int | None, *, error: str = "", alasan: str = "",
                langkah: str = "", status: int = 200) -> HttpResponse:
    context = {"bar": selectors.bar(user=request.user, rencana_aksi=plan, triwulan=tw), "plan": plan, "tw": tw,
               "error": error, "alasan": alasan, "langkah_gagal": langkah, "page_url": _page_url(plan, tw)}
    template = T + ("_bar.html" if request.htmx else "halaman.html")
    return render(request, template, context, status=status)


def _take(request, plan: RencanaAksi, tw: int | None, langkah: str) -> HttpResponse:
    alasan = request.POST.get("alasan", "")
    try:
        if tw is None:
            kwargs = {"rencana_aksi": plan, "by": request.user}
            if services.LANGKAH[langkah].perlu_alasan:
                kwargs["alasan"] = alasan
            services.PLAN_SERVICES[langkah](**kwargs)
        else:
            kwargs = {"rencana_aksi": plan, "triwulan": tw, "by": request.user}
            if services.LANGKAH[langkah].perlu_alasan:
                kwargs["alasan"] = alasan
            services.LAPORAN_SERVICES[langkah](**kwargs)
    except PermissionDenied as exc:
        return _render_bar(request, plan, tw, error=str(exc), langkah=langkah, alasan=alasan, status=403)
    except ValidationError as exc:
        return _render_bar(request, plan, tw, error=" ".join(exc.messages), langkah=langkah, alasan=alasan,
                           status=422)
    url = _page_url(plan, tw)
    if request.htmx:
        return HttpResponse(status=204, headers={"HX-Redirect": url})
    return redirect(url)


@login_required
@require_GET
def alur_rencana_aksi(request, pk: int):
    return _render_bar(request, _get_plan_for_user(request, pk), None)


@login_required
@require_POST
def alur_rencana_aksi_langkah(request, pk: int, langkah: str):
    _check(None, langkah)
    return _take(request, _get_plan_for_user(request, pk), None, langkah)


@login_required
@require_GET
def alur_laporan(request, pk: int, tw: int):
    _check(tw)
    return _render_bar(request, _get_plan_for_user(request, pk, monev=True), tw)


@login_required
@require_POST
def alur_laporan_langkah(request, pk: int, tw: int, langkah: str):
    _check(tw, langkah)
    return _take(request, _get_plan_for_user(request, pk, monev=True), tw, langkah)


@login_required
@require_GET
def notifikasi(request):
    return render(request, T + "notifikasi.html", {"n": selectors.notifikasi(user=request.user)})


@login_required
@require_GET
def notifikasi_jumlah(request):
    return render(request, T + "_jumlah.html", {"jumlah": selectors.jumlah_notifikasi(user=request.user)})
