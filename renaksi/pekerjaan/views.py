"""The jobs page (my jobs), a job's page (polled by htmx while it runs), its result file and its retry.

Rights (`selectors`): the owner and the admin pemda of the job's Pemda; anyone else gets 404 (we do not reveal that
a job exists). The result file is handed out here, never by a media URL."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from . import selectors, services
from .models import Pekerjaan


def _pekerjaan(request, pk: int) -> Pekerjaan:
    pekerjaan = get_object_or_404(Pekerjaan.objects.select_related("pemilik"), pk=pk)
    if not selectors.boleh_lihat(user=request.user, pekerjaan=pekerjaan):
        raise Http404
    return pekerjaan


@login_required
@require_GET
def daftar(request) -> HttpResponse:
    """My jobs (and, for an admin pemda, those over his Pemda), newest first; as a job's page, a warning when jobs
    wait and no worker runs."""
    daftar_pekerjaan = list(selectors.pekerjaan_terlihat(user=request.user)[:100])
    return render(request, "pekerjaan/daftar.html", {
        "daftar": daftar_pekerjaan,
        "hari": settings.RENAKSI_PEKERJAAN_SIMPAN_HARI,
        "tanpa_pekerja": selectors.antrean_tanpa_pekerja(daftar=daftar_pekerjaan),
        "antri_menit": settings.RENAKSI_PEKERJAAN_ANTRI_MENIT})


@login_required
@require_GET
def detail(request, pk: int) -> HttpResponse:
    """A job: progress while it runs (an htmx request gets the status block only, polling itself until the job
    ends), why it still waits when no worker took it for a while, then the download or the reason it failed with
    "Coba lagi"."""
    pekerjaan = _pekerjaan(request, pk)
    template = "pekerjaan/_status.html" if request.htmx else "pekerjaan/detail.html"
    return render(request, template, {"p": pekerjaan, "tertahan": selectors.antrean_tertahan(pekerjaan=pekerjaan),
                                      "antri_menit": settings.RENAKSI_PEKERJAAN_ANTRI_MENIT})


@login_required
@require_GET
def unduh(request, pk: int) -> FileResponse:
    pekerjaan = _pekerjaan(request, pk)
    if pekerjaan.status != Pekerjaan.Status.SELESAI or not pekerjaan.hasil:
        raise Http404
    try:
        berkas = pekerjaan.hasil.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    return FileResponse(berkas, as_attachment=True, filename=pekerjaan.hasil_nama,
                        content_type=pekerjaan.hasil_content_type or "application/octet-stream")


@login_required
@require_POST
def ulangi(request, pk: int) -> HttpResponse:
    pekerjaan = _pekerjaan(request, pk)
    try:
        services.pekerjaan_ulangi(pekerjaan=pekerjaan)
    except services.TidakBisaDiulang as exc:
        messages.error(request, str(exc))
    return redirect("pekerjaan_detail", pk=pekerjaan.pk)
