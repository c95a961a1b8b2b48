"""Dashboards: a PD plan for a triwulan, and every PD of the Pemda (admin pemda, evaluator).

The PD dashboard follows the monev form's contract: 404 when the user may not see the plan's monitoring. The Pemda
dashboard is for the admin pemda and the evaluator of a Pemda; anyone else gets 403 (nothing of another Pemda is
ever read: the Pemda is the user's own). Charts get their data through `json_script` (drawn by dasbor.js) and
every chart has its numbers in a table.
"""

from __future__ import annotations

from datetime import date

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from renaksi.accounts.models import Peran
from renaksi.core.capaian import ROMAWI
from renaksi.core.gcpause import gc_paused
from renaksi.monev.models import JendelaPelaporan, ProgresAksi
from renaksi.perencanaan.models import RencanaAksi

from . import charts, selectors

T = "dasbor/"


def _triwulan(request, *, pemda_id: int, tahun: int) -> int:
    """?tw=n, else the latest open triwulan of the year, else the latest one ever opened, else TW I."""
    raw = request.GET.get("tw", "")
    if raw.isdigit() and 1 <= int(raw) <= 4:
        return int(raw)
    windows = list(JendelaPelaporan.objects.filter(pemda_id=pemda_id, tahun=tahun).values_list("triwulan", "status"))
    opened = [tw for tw, status in windows if status == JendelaPelaporan.Status.DIBUKA]
    return max(opened or [tw for tw, _s in windows] or [1])


def _tabs(tahun: int, tw: int) -> list[tuple[int, str]]:
    return [(n, ROMAWI[n]) for n in (1, 2, 3, 4)]


@login_required
@require_GET
def dasbor_pd(request, pk: int):
    plan = get_object_or_404(RencanaAksi.objects.select_related("perangkat_daerah__pemda"), pk=pk)
    if not request.user.has_perm("monev.view_monev", plan):
        raise Http404  # don't reveal that it exists
    tw = _triwulan(request, pemda_id=plan.perangkat_daerah.pemda_id, tahun=plan.tahun)
    d = selectors.dasbor_pd(rencana_aksi=plan, triwulan=tw)
    nama_status = dict(ProgresAksi.Status.choices) | {"tidak_dilaporkan": _("Belum dilaporkan")}
    progres_counts = [dict(p.status) | {"tidak_dilaporkan": p.belum_dilaporkan} for _n, p in d.progres_bidang]
    chart = {
        "sasaran": charts.batang_capaian([f"{s.sasaran.nomor} {s.sasaran.uraian}" for s in d.sasaran],
                                         [s.capaian for s in d.sasaran], _("Capaian (%)")),
        "iku": charts.batang_capaian([i.indikator.nama for i in d.iku], [i.capaian.nilai for i in d.iku],
                                     _("Capaian (%)")),
        "program": charts.batang([p.program.nama for p in d.program], [p.serapan for p in d.program],
                                 _("Serapan (%)")),
        "progres": charts.batang_progres([n for n, _p in d.progres_bidang], progres_counts, nama_status),
        "sebaran": charts.sebaran([(p.program.nama[:60], p.serapan, p.capaian) for p in d.program],
                                  _("Program"), selectors.serapan_wajar(tw)),
    }
    context = {"d": d, "plan": plan, "tw": tw, "romawi": ROMAWI[tw], "tabs": _tabs(plan.tahun, tw), "chart": chart,
               "nama_status": nama_status, "progres_rows": list(zip(d.progres_bidang, progres_counts, strict=True)),
               "pace": selectors.serapan_wajar(tw)}
    return render(request, T + "pd.html", context)


def _pemda_for(request):
    user = request.user
    if user.peran not in (Peran.ADMIN_PEMDA, Peran.EVALUATOR) or not user.pemda_id:
        raise PermissionDenied(_("Dasbor pemda hanya untuk admin pemda dan evaluator."))
    return user.pemda


@login_required
@require_GET
@gc_paused()  # 40 PDs: ~35 young and every 2-3 requests a full collection otherwise (decision 0022)
def dasbor_pemda(request):
    pemda = _pemda_for(request)
    years = selectors.tahun_pemda(pemda=pemda)
    raw = request.GET.get("tahun", "")
    tahun = int(raw) if raw.isdigit() and int(raw) in years else (years[-1] if years else date.today().year)
    tw = _triwulan(request, pemda_id=pemda.pk, tahun=tahun)
    d = selectors.dasbor_pemda(pemda=pemda, tahun=tahun, triwulan=tw)
    names = [(r.perangkat_daerah.singkatan or r.perangkat_daerah.nama)[:40] for r in d.pd]
    chart = {
        "capaian": charts.batang_capaian(names, [r.capaian_iku for r in d.pd], _("Capaian IKU (%)")),
        "serapan": charts.batang(names, [r.serapan for r in d.pd], _("Serapan (%)")),
        "kelengkapan": charts.batang(names, [r.kelengkapan for r in d.pd], _("Kelengkapan laporan (%)"), "#6f42c1"),
        "sebaran": charts.sebaran([(n, r.serapan, r.capaian) for n, r in zip(names, d.pd, strict=True)],
                                  _("Perangkat daerah"), selectors.serapan_wajar(tw)),
    }
    context = {"d": d, "tahun": tahun, "years": years or [tahun], "tw": tw, "romawi": ROMAWI[tw],
               "tabs": _tabs(tahun, tw), "chart": chart, "pace": selectors.serapan_wajar(tw),
               "is_admin": request.user.peran == Peran.ADMIN_PEMDA,
               "bundel_format": [("pdf", "PDF"), ("docx", "DOCX"), ("xlsx", "XLSX")]}
    return render(request, T + "pemda.html", context)
