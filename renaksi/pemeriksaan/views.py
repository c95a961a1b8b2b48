"""The findings panel of a plan: an htmx partial for the editor (a full page without htmx), and acknowledging.

    GET  /rencana-aksi/<pk>/pemeriksaan/                 plan_findings
    POST /rencana-aksi/<pk>/pemeriksaan/akui/            plan_finding_acknowledge    (temuan, catatan)
    POST /rencana-aksi/<pk>/pemeriksaan/batal-akui/      plan_finding_unacknowledge  (temuan)

Whoever may view the plan sees the panel (404 otherwise, so nobody learns that it exists). Acknowledging needs
the right to change the plan, or to be the kepala bidang of the finding's bidang: 403 for read-only users, and 403
for everybody once the plan is no longer a draft (submitted, approved or locked), like every other write.
The editor loads the panel with `hx-get` on `load` and again on every `plan-changed` event.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from renaksi.perencanaan.models import RencanaAksi

from . import api, selectors, services
from .rules import FindingScope, can_acknowledge


def _get_plan_for_user(request, pk: int) -> RencanaAksi:
    plan = get_object_or_404(RencanaAksi.objects.select_related("perangkat_daerah__pemda"), pk=pk)
    if not request.user.has_perm("perencanaan.view_rencanaaksi", plan):
        raise Http404  # don't reveal that it exists
    return plan


def _may_acknowledge_some(user, plan: RencanaAksi) -> bool:
    """Can this user acknowledge at least the findings of his own bidang (or all of them)?"""
    return user.has_perm("pemeriksaan.acknowledge_finding", FindingScope(plan, getattr(user, "bidang_id", None)))


def _editor_url(plan: RencanaAksi) -> str:
    return reverse("plan_editor", args=[plan.pk])


def _render(request, plan: RencanaAksi, *, message: str = "", error_for: str = "", error: str = "",
            status: int = 200):
    findings = api.sort_findings(api.check_plan(plan))
    editor_url = _editor_url(plan)
    laporan = services.laporan_status(plan)
    since = api.since_submission(findings, selectors.latest_cuplikan(rencana_aksi=plan))
    rows = [
        {
            "finding": f,
            "title": api.title(f),
            "can_acknowledge": not services.alasan_tidak_dapat_diakui(plan, f, laporan)
            and can_acknowledge(request.user, plan, f),
            "href": f"{editor_url}#{f.location.anchor}" if f.location.anchor else editor_url,
            "error": error if f.fingerprint == error_for else "",
            "baru": since is not None and f.fingerprint in since.new,
        }
        for f in findings
    ]
    context = {
        "since": since,
        "plan": plan,
        "rows": rows,
        "summary": api.summary(findings),
        "acknowledged": sum(1 for f in findings if f.acknowledged),
        "total": len(findings),
        "message": message,
        "editor_url": editor_url,
    }
    template = "pemeriksaan/_panel.html" if request.htmx else "pemeriksaan/halaman.html"
    return render(request, template, context, status=status)


@login_required
@require_GET
def plan_findings(request, pk: int):
    plan = _get_plan_for_user(request, pk)
    return _render(request, plan)


def _post_finding(request, pk: int):
    plan = _get_plan_for_user(request, pk)
    if not _may_acknowledge_some(request.user, plan):
        raise PermissionDenied(_("Anda hanya dapat membaca temuan rencana aksi ini."))
    finding = api.find(api.check_plan(plan), request.POST.get("temuan", ""))
    # A plan that has left draft refuses every acknowledgement but those of realisasi findings, which follow the
    # state of their triwulan report.
    alasan = services.alasan_tidak_dapat_diakui(plan, finding, services.laporan_status(plan)) \
        if finding is not None else services.alasan_terkunci(plan)
    if alasan:
        raise PermissionDenied(alasan)
    if finding is not None and not can_acknowledge(request.user, plan, finding):
        raise PermissionDenied(_("Temuan ini berada di luar bidang Anda."))
    return plan, finding


def _after_write(request, plan: RencanaAksi, message: str):
    if request.htmx:
        return _render(request, plan, message=message)
    return redirect("plan_findings", pk=plan.pk)


@login_required
@require_POST
def plan_finding_acknowledge(request, pk: int):
    plan, finding = _post_finding(request, pk)
    if finding is None:
        return _render(request, plan, message=_("Temuan itu sudah tidak ada: rencana aksi telah berubah."))
    try:
        services.finding_acknowledge(rencana_aksi=plan, finding=finding, catatan=request.POST.get("catatan", ""),
                                     by=request.user)
    except ValidationError as exc:
        text = " ".join(m for messages in exc.message_dict.values() for m in messages)
        return _render(request, plan, error_for=finding.fingerprint, error=text, status=422)
    return _after_write(request, plan, _("Temuan diakui."))


@login_required
@require_POST
def plan_finding_unacknowledge(request, pk: int):
    plan, finding = _post_finding(request, pk)
    if finding is None:
        return _render(request, plan, message=_("Temuan itu sudah tidak ada: rencana aksi telah berubah."))
    services.finding_unacknowledge(rencana_aksi=plan, finding=finding, by=request.user)
    return _after_write(request, plan, _("Pengakuan dibatalkan."))
