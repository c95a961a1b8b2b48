"""Report pages: each view fetches the plan through one authorising helper, builds the report data once
(`builders.py`) and only renders it."""

from __future__ import annotations

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET

from renaksi.perencanaan.models import RencanaAksi

from . import builders, pohon


def _get_plan_for_user(request, pk: int) -> RencanaAksi | None:
    """The plan if the user may see it. A logged-in user gets 404 for a plan he may not see (we do not reveal
    that it exists); for an anonymous visitor the answer is None (log in first), unless the plan is published."""
    plan = (
        RencanaAksi.objects.select_related("perangkat_daerah__pemda", "perangkat_daerah__kepala", "penandatangan")
        .filter(pk=pk)
        .first()
    )
    if plan is not None and request.user.has_perm("perencanaan.view_rencanaaksi", plan):
        return plan
    if request.user.is_authenticated:
        raise Http404
    return None


@require_GET
def ra_document(request, pk: int) -> HttpResponse:
    """The plan as the document a PD publishes (cover, Tabel 2.1–2.4, one page per bidang), printable."""
    plan = _get_plan_for_user(request, pk)
    if plan is None:
        return redirect_to_login(request.get_full_path())
    lampiran = request.GET.get("lampiran") == "temuan"
    dokumen = builders.rencana_aksi_dokumen(rencana_aksi=plan, lampiran_temuan=lampiran)
    return render(request, "laporan/ra_dokumen.html", {"dokumen": dokumen, "plan": plan, "lampiran": lampiran})


@require_GET
def pohon_kinerja(request, pk: int) -> HttpResponse:
    """The plan's pohon kinerja drawn as inline SVG (zoom and scroll; printed on A3 landscape)."""
    plan = _get_plan_for_user(request, pk)
    if plan is None:
        return redirect_to_login(request.get_full_path())
    hasil = pohon.pohon_kinerja(rencana_aksi=plan)
    return render(request, "laporan/pohon_kinerja.html", {"pohon": hasil, "plan": plan, "svg": mark_safe(hasil.svg)})  # noqa: S308 - every text in it is escaped by pohon.svg()
