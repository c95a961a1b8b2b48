"""Report pages: each view fetches the plan through one authorising helper, builds the report data once
(`builders.py`) and only renders it; `unduh` hands every report out as a file through `ekspor.ekspor()`."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from renaksi.accounts.models import Peran
from renaksi.core.gcpause import gc_paused
from renaksi.perencanaan.models import RencanaAksi
from renaksi.perencanaan.selectors import importable_perangkat_daerah

from . import builders, ekspor, pohon, tugas
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
@gc_paused()  # the page of a large plan is some 100,000 objects (renaksi/core/gcpause.py)
def ra_document(request, pk: int) -> HttpResponse:
    """The plan as the document a PD publishes (cover, Tabel 2.1–2.4, one page per bidang), printable."""
    plan = _get_plan_for_user(request, pk)
    if plan is None:
        return redirect_to_login(request.get_full_path())
    lampiran = request.GET.get("lampiran") == "temuan"
    dokumen = builders.rencana_aksi_dokumen(rencana_aksi=plan, lampiran_temuan=lampiran)
    return render(request, "laporan/ra_dokumen.html", {"dokumen": dokumen, "sampul": dokumen.sampul, "plan": plan,
                                                       "lampiran": lampiran})


@require_GET
def pohon_kinerja(request, pk: int) -> HttpResponse:
    """The plan's pohon kinerja drawn as inline SVG (zoom and scroll; printed on A3 landscape)."""
    plan = _get_plan_for_user(request, pk)
    if plan is None:
        return redirect_to_login(request.get_full_path())
    hasil = pohon.pohon_kinerja(rencana_aksi=plan)
    return render(request, "laporan/pohon_kinerja.html", {"pohon": hasil, "plan": plan, "svg": mark_safe(hasil.svg)})  # noqa: S308 - every text in it is escaped by pohon.svg()


def _unduh_pilihan(request, pk: int, laporan: str) -> tuple[RencanaAksi | None, int | None, bool]:
    """The plan (None: log in first) and the triwulan and appendix asked for; 404 for a report the user may not
    read; `EksporTidakSah` for a triwulan that is not a number."""
    plan = _get_plan_for_user(request, pk)
    if plan is None:
        return None, None, False
    entry = LAPORAN.get(laporan)
    if entry is not None and not request.user.has_perm(entry.izin, plan):
        if not request.user.is_authenticated:
            return None, None, False
        raise Http404  # monitoring data: as closed as the monev page
    data = request.POST if request.method == "POST" else request.GET
    triwulan_teks = data.get("triwulan", "").strip()
    lampiran = data.get("lampiran") == "temuan"
    if entry is not None and entry.triwulan == "tidak":
        triwulan_teks = ""
    if entry is not None and entry.jenis == "berkas":
        lampiran = False
    if triwulan_teks and not triwulan_teks.isdigit():
        raise ekspor.EksporTidakSah(_("Triwulan '%(triwulan)s' tidak sah; pilih 1, 2, 3 atau 4.")
                                    % {"triwulan": triwulan_teks[:20]})
    return plan, int(triwulan_teks) if triwulan_teks else None, lampiran


@require_GET
def unduh(request, pk: int, laporan: str, format: str) -> HttpResponse:
    """A report of the plan as a file (`ekspor.ekspor()`): `?triwulan=N` (monev: required; LKjIP: up to that
    triwulan), `?lampiran=temuan` appends the checker's open findings. A PDF or DOCX of a large plan
    (`tugas.perlu_latar`) is not made here: its ready copy in the document cache is handed out at once
    (`ekspor.ekspor_siap`, decision 0017), else the answer is a page offering to make it as a background job.

    Rights: those of the RA document page (`_get_plan_for_user`: 404 for a plan the user may not see, a published
    plan for anyone), and for reports of monitoring data (`Laporan.izin`, monev and LKjIP) the monev read
    permission: 404 for a logged-in user without it, the login page for an anonymous visitor. A combination that
    makes no file answers 400 with the reason. The download menu sends its triwulan and lampiran choices with every
    report; for a report that takes none they are ignored here (the CLI refuses them)."""
    try:
        plan, triwulan, lampiran = _unduh_pilihan(request, pk, laporan)
        if plan is None:
            return redirect_to_login(request.get_full_path())
        if tugas.perlu_latar(rencana_aksi=plan, format=format):
            berkas = ekspor.ekspor_siap(rencana_aksi=plan, laporan=laporan, format=format, triwulan=triwulan,
                                        lampiran_temuan=lampiran)
            if berkas is None:
                entry, fmt = ekspor.periksa(rencana_aksi=plan, laporan=laporan, format=format, triwulan=triwulan,
                                            lampiran_temuan=lampiran)
                return render(request, "laporan/unduh_latar.html", {
                    "plan": plan, "laporan": entry, "format": fmt, "triwulan": triwulan, "lampiran": lampiran,
                    "ambang": settings.RENAKSI_EKSPOR_LATAR_AKSI, "anonim": not request.user.is_authenticated})
        else:
            berkas = ekspor.ekspor(rencana_aksi=plan, laporan=laporan, format=format, triwulan=triwulan,
                                   lampiran_temuan=lampiran)
    except ekspor.EksporTidakSah as exc:
        return render(request, "laporan/unduh_gagal.html", {"plan": _get_plan_for_user(request, pk),
                                                            "pesan": str(exc)}, status=400)
    return _berkas_response(berkas)


@login_required
@require_POST
def unduh_latar(request, pk: int, laporan: str, format: str) -> HttpResponse:
    """Starts the job that makes the file `unduh` would make (any plan size), then shows the job's page. Rights:
    those of `unduh`, for a logged-in user (the job and its file are his)."""
    try:
        plan, triwulan, lampiran = _unduh_pilihan(request, pk, laporan)
        assert plan is not None  # logged in: a plan he may not see is a 404
        pekerjaan = tugas.ekspor_mulai(rencana_aksi=plan, laporan=laporan, format=format, pengguna=request.user,
                                       triwulan=triwulan, lampiran_temuan=lampiran)
    except ekspor.EksporTidakSah as exc:
        return render(request, "laporan/unduh_gagal.html", {"plan": _get_plan_for_user(request, pk),
                                                            "pesan": str(exc)}, status=400)
    return redirect("pekerjaan_detail", pk=pekerjaan.pk)


@login_required
@require_POST
def bundel_pemda(request) -> HttpResponse:
    """Starts the job bundling the Dokumen Rencana Aksi of every PD of the user's Pemda (`tahun`, `format` pdf /
    docx / xlsx, several allowed). For the admin pemda and the evaluator of a Pemda; anyone else gets 403."""
    user = request.user
    if user.peran not in (Peran.ADMIN_PEMDA, Peran.EVALUATOR) or not user.pemda_id:
        raise PermissionDenied(_("Bundel dokumen Pemda hanya untuk admin pemda dan evaluator."))
    raw = request.POST.get("tahun", "").strip()
    try:
        if raw and not raw.isdigit():
            raise tugas.BundelTidakSah(_("Tahun '%(tahun)s' tidak sah.") % {"tahun": raw[:10]})
        pekerjaan = tugas.bundel_pemda_mulai(pemda=user.pemda, pengguna=user, tahun=int(raw) if raw else None,
                                             format=request.POST.getlist("format"))
    except tugas.BundelTidakSah as exc:
        messages.error(request, str(exc))
        return redirect("pekerjaan_daftar")
    return redirect("pekerjaan_detail", pk=pekerjaan.pk)


# The template's own URLs (the importer's since the beginning; the download menu offers it as `unduh/templat.<format>`
# like every report): the file of registry entry "templat", for a logged-in user only.


def _templat_format(request) -> str:
    """`?format=` of a template download: xlsx by default; any other answers 404."""
    fmt = request.GET.get("format", "xlsx")
    if fmt not in LAPORAN["templat"].format:
        raise Http404
    return fmt


def _berkas_response(berkas) -> HttpResponse:
    response = HttpResponse(berkas.isi, content_type=berkas.content_type)
    response["Content-Disposition"] = content_disposition_header(True, berkas.nama)
    return response


@login_required
def import_template_blank(request) -> HttpResponse:
    """The blank template; for a person of one PD, with his PD and its bidang filled in."""
    fmt = _templat_format(request)
    pd = importable_perangkat_daerah(request.user).filter(pk=request.user.perangkat_daerah_id).first()
    return _berkas_response(ekspor.ekspor(rencana_aksi=None, laporan="templat", format=fmt, perangkat_daerah=pd))


@login_required
def plan_export_template(request, pk: int) -> HttpResponse:
    """A plan in the template, to edit and import again; `?lampiran=temuan` appends the checker's open findings."""
    fmt = _templat_format(request)
    plan = _get_plan_for_user(request, pk)  # logged in: a plan he may not see answers 404
    assert plan is not None
    return _berkas_response(ekspor.ekspor(rencana_aksi=plan, laporan="templat", format=fmt,
                                          lampiran_temuan=request.GET.get("lampiran") == "temuan"))
