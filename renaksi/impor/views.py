"""Import pages: upload → preview (a dry run) → "Impor". The Renaksi template to fill in, blank or with a plan, is
served by laporan (`renaksi.laporan.views.import_template_blank`, `plan_export_template`), its URLs unchanged.

The views only route: reading and importing are `renaksi.impor.api`, the staged upload and the preview are
`renaksi.impor.pratinjau`. A monev workbook (realisasi for an existing plan, `renaksi.impor.realisasi`) takes the
same upload → preview → "Impor" path with its own preview page. Any `ImporGagal` shows the form again with its
Indonesian message and place; nothing is written before "Impor" is pressed. A long PDF is read by a background job (`renaksi.impor.tugas`): the upload leads to the job's page, whose
"Lanjutkan" opens the preview.
"""

from __future__ import annotations

import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRedirect

from renaksi.core.db import database_busy, pesan_sibuk
from renaksi.impor import pratinjau, tugas
from renaksi.impor.forms import UploadForm
from renaksi.impor.grid import ImporGagal
from renaksi.organisasi.models import PerangkatDaerah
from renaksi.perencanaan.models import RencanaAksi
from renaksi.perencanaan.selectors import importable_perangkat_daerah

log = logging.getLogger(__name__)

def _get_pd_for_import(request, pd_id: int) -> PerangkatDaerah:
    """A PD the user may import into; any other answers 404 (don't reveal that it exists)."""
    pd = get_object_or_404(importable_perangkat_daerah(request.user), pk=pd_id)
    if not request.user.has_perm("perencanaan.add_rencanaaksi", pd):
        raise Http404
    return pd


def _is_realisasi(parsed) -> bool:
    from renaksi.impor import realisasi

    return isinstance(parsed, realisasi.ParsedRealisasi)


def _error_text(exc: Exception) -> str:
    if isinstance(exc, ImporGagal):
        return str(exc)
    # A reader or layout that fails on an unforeseen document is a bug to fix, not the user's fault: logged with
    # its traceback for us, a plain message for the person (nothing was written: every write is in a transaction).
    log.exception("impor gagal tak terduga")
    return gettext("dokumen ini tidak dapat diproses karena kesalahan tak terduga di Renaksi. Tidak ada yang "
                   "disimpan. Laporkan kepada admin dan sertakan berkasnya.")


@login_required
@require_http_methods(["GET", "POST"])
def import_upload(request):
    if not request.user.has_perm("perencanaan.add_rencanaaksi"):
        raise PermissionDenied(gettext("Anda tidak berhak mengimpor rencana aksi."))
    if request.method == "POST":
        pd_id = request.POST.get("perangkat_daerah")
        if pd_id and pd_id.isdigit():
            _get_pd_for_import(request, int(pd_id))  # a PD not his answers 404, not a form error
        form = UploadForm(request.POST, request.FILES, user=request.user)
        if form.is_valid():
            pd = _get_pd_for_import(request, form.cleaned_data["perangkat_daerah"].pk)
            berkas = form.cleaned_data["berkas"]
            data = berkas.read()
            latar = tugas.perlu_latar(data)  # a long PDF: read by a background job, not here
            try:
                if not latar:
                    pratinjau.baca(data, berkas.name)  # refuse an unreadable file now, before it is stored
            except Exception as exc:  # ImporGagal, or a bug: either way the form says so (see _error_text)
                form.add_error("berkas", _error_text(exc))
            else:
                unggahan = pratinjau.stage_upload(request, data=data, nama_berkas=berkas.name, perangkat_daerah=pd,
                                                  tahun=form.cleaned_data["tahun"])
                url = reverse("import_preview", args=[unggahan.token])
                if latar:
                    pekerjaan = tugas.baca_mulai(unggahan=unggahan, pengguna=request.user, perangkat_daerah=pd)
                    pratinjau.remember_pekerjaan(request, unggahan, pekerjaan.pk)
                    url = reverse("pekerjaan_detail", args=[pekerjaan.pk])
                return HttpResponseClientRedirect(url) if request.htmx else redirect(url)
    else:
        form = UploadForm(user=request.user)
    context = {"form": form}
    if request.htmx:
        return render(request, "impor/_upload_form.html", context)
    return render(request, "impor/upload.html", context)


def _read(unggahan: pratinjau.Unggahan, pd: PerangkatDaerah):
    """The staged upload read with the user's choice of kind per table: a monev workbook or the realisasi of a
    monev table for an existing plan (`ParsedRealisasi`), or a plan document (`ParsedDocument`). A long PDF's is
    what its background job read, unless the user picked kinds: that reads it again here."""
    if unggahan.pekerjaan_id is not None and not unggahan.jenis:
        return pratinjau.arahkan(pratinjau.muat_baca(unggahan), perangkat_daerah=pd, tahun=unggahan.tahun)
    return pratinjau.baca(pratinjau.read_staged(unggahan), unggahan.nama_berkas, unggahan.jenis,
                          perangkat_daerah=pd, tahun=unggahan.tahun)


@login_required
def import_preview(request, token: str):
    unggahan = pratinjau.get_staged(request, token)
    pd = _get_pd_for_import(request, unggahan.perangkat_daerah_id)
    if (pekerjaan_id := tugas.belum_terbaca(unggahan)) is not None:
        return redirect("pekerjaan_detail", pk=pekerjaan_id)  # still being read (or failed): its page says so
    try:
        parsed = _read(unggahan, pd)
        if _is_realisasi(parsed):
            return _realisasi_preview(request, unggahan, pd, parsed)
        preview = pratinjau.build_preview(parsed, user=request.user, nama_berkas=unggahan.nama_berkas,
                                          perangkat_daerah=pd, tahun=unggahan.tahun)
    except Exception as exc:  # ImporGagal, or a bug: either way the form says so (see _error_text)
        if database_busy(exc):
            raise  # the upload stays staged; the page answers 503 "coba lagi" (core.middleware)
        pratinjau.discard(request, unggahan)
        return _upload_again(request, pd, unggahan, _error_text(exc))
    pratinjau.remember_existing(request, unggahan, preview.existing)
    return render(request, "impor/preview.html", {"unggahan": unggahan, "preview": preview, "pd": pd})


@login_required
@require_POST
def import_jenis(request, token: str):
    """The user picks the kind of one table in the preview (`tabel`: its key, "#3"; `jenis`: a kind or "" for the
    importer's choice); the preview reads the document again with it."""
    from renaksi.impor import klasifikasi

    unggahan = pratinjau.get_staged(request, token)
    _get_pd_for_import(request, unggahan.perangkat_daerah_id)
    tabel, jenis = request.POST.get("tabel", "").strip(), request.POST.get("jenis", "").strip()
    if not klasifikasi.is_kunci(tabel) or len(tabel) > 6 or (jenis and jenis not in dict(klasifikasi.pilihan_jenis())):
        return HttpResponseBadRequest(gettext("Pilihan jenis tabel tidak dikenal."))
    pratinjau.pilih_jenis(request, unggahan, tabel=tabel, jenis=jenis)
    url = reverse("import_preview", args=[token])
    return HttpResponseClientRedirect(url) if request.htmx else redirect(url)


@login_required
@require_POST
def import_confirm(request, token: str):
    unggahan = pratinjau.get_staged(request, token)
    pd = _get_pd_for_import(request, unggahan.perangkat_daerah_id)
    from renaksi.impor import api

    if (pekerjaan_id := tugas.belum_terbaca(unggahan)) is not None:
        return redirect("pekerjaan_detail", pk=pekerjaan_id)
    try:
        parsed = _read(unggahan, pd)
        if _is_realisasi(parsed):
            return _realisasi_confirm(request, unggahan, pd, parsed)
        year = pratinjau.document_year(parsed, unggahan.tahun)
        existing = pratinjau.existing_plan(pd, year)
        if (existing.pk if existing else None) != unggahan.existing_id:
            messages.warning(request, gettext("Rencana aksi tahun ini berubah sejak pratinjau dibuat; periksa lagi."))
            return redirect("import_preview", token=token)
        if existing is not None and not (request.user.has_perm("perencanaan.import_rencanaaksi", existing)
                                         and existing.editable):
            raise PermissionDenied(gettext("Rencana aksi yang ada tidak dapat diganti."))
        result = api.import_document(parsed, user=request.user, tahun=unggahan.tahun, perangkat_daerah=pd,
                                     replace=existing, dry_run=False)
    except api.ImporDitolak as exc:
        messages.error(request, exc.message)
        return redirect("import_preview", token=token)
    except PermissionDenied:
        raise
    except DatabaseError as exc:
        if not database_busy(exc):
            raise
        # Another save held the database: the document is fine and still staged, the user only presses Impor again.
        messages.error(request, pesan_sibuk())
        return redirect("import_preview", token=token)
    except ValidationError as exc:
        pratinjau.discard(request, unggahan)
        return _upload_again(request, pd, unggahan, "; ".join(exc.messages))
    except Exception as exc:  # ImporGagal, or a bug: either way the form says so (see _error_text)
        pratinjau.discard(request, unggahan)
        return _upload_again(request, pd, unggahan, _error_text(exc))
    pratinjau.discard(request, unggahan)
    plan = result.rencana_aksi
    assert plan is not None  # not a dry run
    messages.success(request, gettext("Dokumen %(berkas)s diimpor menjadi %(plan)s.")
                     % {"berkas": unggahan.nama_berkas, "plan": plan})
    return redirect("plan_editor", pk=plan.pk)


def _realisasi_plan(parsed, pd: PerangkatDaerah, tahun: int | None) -> RencanaAksi:
    from renaksi.impor import realisasi

    return realisasi.plan_for(parsed.dokumen, perangkat_daerah=pd, tahun=tahun)


def _realisasi_preview(request, unggahan, pd: PerangkatDaerah, parsed) -> HttpResponse:
    """The realisasi a monev workbook would write, from a dry run with the user's rights and the open windows."""
    from renaksi.impor import realisasi

    context = {"unggahan": unggahan, "pd": pd, "plan": None, "hasil": None, "penghalang": ""}
    try:
        context["plan"] = plan = _realisasi_plan(parsed, pd, unggahan.tahun)
        result = realisasi.import_realisasi(parsed, rencana_aksi=plan, user=request.user, dry_run=True)
        context["hasil"] = result.as_json()
    except realisasi.ImporDitolak as exc:
        context["penghalang"] = exc.message
    return render(request, "impor/preview_realisasi.html", context)


def _realisasi_confirm(request, unggahan, pd: PerangkatDaerah, parsed) -> HttpResponse:
    from renaksi.impor import realisasi

    try:
        plan = _realisasi_plan(parsed, pd, unggahan.tahun)
        result = realisasi.import_realisasi(parsed, rencana_aksi=plan, user=request.user)
    except realisasi.ImporDitolak as exc:
        messages.error(request, exc.message)
        return redirect("import_preview", token=unggahan.token)
    pratinjau.discard(request, unggahan)
    n = result.written
    messages.success(request, f"Realisasi dari {unggahan.nama_berkas} disimpan ke {plan}: "
                              f"{n['realisasi_indikator']} realisasi indikator, {n['realisasi_anggaran']} realisasi "
                              f"anggaran, {n['evaluasi']} evaluasi.")
    return redirect("plan_editor", pk=plan.pk)


def _upload_again(request, pd: PerangkatDaerah, unggahan: pratinjau.Unggahan, error: str) -> HttpResponse:
    form = UploadForm(user=request.user, initial={"perangkat_daerah": pd, "tahun": unggahan.tahun})
    return render(request, "impor/upload.html", {"form": form, "error": error, "nama_berkas": unggahan.nama_berkas})


@login_required
@require_POST
def import_cancel(request, token: str):
    unggahan = pratinjau.get_staged(request, token)
    pratinjau.discard(request, unggahan)
    messages.info(request, gettext("Impor %(berkas)s dibatalkan; tidak ada yang disimpan.")
                  % {"berkas": unggahan.nama_berkas})
    return redirect("import_upload")


@login_required
def plan_export_monev(request, pk: int):
    """The plan's monev form as XLSX (`renaksi.monev.ekspor`); `?triwulan=N` picks the faktor columns' triwulan."""
    from renaksi.monev import ekspor

    plan = get_object_or_404(RencanaAksi.objects.select_related("perangkat_daerah__pemda"), pk=pk)
    if not request.user.has_perm("monev.view_monev", plan):
        raise Http404  # don't reveal that it exists
    triwulan = request.GET.get("triwulan", "1")
    if triwulan not in ("1", "2", "3", "4"):
        raise Http404
    form = ekspor.build_monev_form(rencana_aksi=plan, triwulan=int(triwulan))
    response = HttpResponse(ekspor.render_monev_xlsx(form), content_type=ekspor.XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition_header(True, ekspor.export_filename(form))
    return response
