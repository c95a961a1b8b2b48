"""Report pages: each view fetches the plan through one authorising helper, builds the report data once
(`builders.py`) and only renders it; `unduh` hands every report out as a file through `ekspor.ekspor()`."""

from __future__ import annotations

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.http import content_disposition_header
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from renaksi.perencanaan.models import RencanaAksi

from . import builders, ekspor, pohon
from .registry import LAPORAN


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


@require_GET
def unduh(request, pk: int, laporan: str, format: str) -> HttpResponse:
    """A report of the plan as a file (`ekspor.ekspor()`): `?triwulan=N` (monev: required; LKjIP: up to that
    triwulan), `?lampiran=temuan` appends the checker's open findings.

    Rights: those of the RA document page (`_get_plan_for_user`: 404 for a plan the user may not see, a published
    plan for anyone), and for reports of monitoring data (`Laporan.izin`, monev and LKjIP) the monev read
    permission: 404 for a logged-in user without it, the login page for an anonymous visitor. A combination that
    makes no file answers 400 with the reason. The download menu sends its triwulan and lampiran choices with every
    report; for a report that takes none they are ignored here (the CLI refuses them)."""
    plan = _get_plan_for_user(request, pk)
    if plan is None:
        return redirect_to_login(request.get_full_path())
    entry = LAPORAN.get(laporan)
    if entry is not None and not request.user.has_perm(entry.izin, plan):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise Http404  # monitoring data: as closed as the monev page
    triwulan_teks = request.GET.get("triwulan", "").strip()
    lampiran = request.GET.get("lampiran") == "temuan"
    if entry is not None and entry.triwulan == "tidak":
        triwulan_teks = ""
    if entry is not None and entry.jenis == "berkas":
        lampiran = False
    try:
        if triwulan_teks and not triwulan_teks.isdigit():
            raise ekspor.EksporTidakSah(_("Triwulan '%(triwulan)s' tidak sah; pilih 1, 2, 3 atau 4.")
                                        % {"triwulan": triwulan_teks[:20]})
        berkas = ekspor.ekspor(rencana_aksi=plan, laporan=laporan, format=format,
                               triwulan=int(triwulan_teks) if triwulan_teks else None, lampiran_temuan=lampiran)
    except ekspor.EksporTidakSah as exc:
        return render(request, "laporan/unduh_gagal.html", {"plan": plan, "pesan": str(exc)}, status=400)
    response = HttpResponse(berkas.isi, content_type=berkas.content_type)
    response["Content-Disposition"] = content_disposition_header(True, berkas.nama)
    return response
