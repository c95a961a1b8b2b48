"""The monev form (one plan, one triwulan), the bukti dukung files, the reporting windows and the indikator page.

The contract is the editor's (`perencanaan/views.py`): every object is fetched through a `_get_<thing>_for_user`
helper — 404 when the user may not see the plan's monitoring (nobody learns that it exists), 403 when he may see it
but not report this row (shown in the page's alert area by `editor_view`). Forms validate every field before a
service is called, and the services of one request run in one transaction. Invalid input, and a triwulan whose
reporting window is not open, answer 422 with the row and the message in it; a successful write answers with the
re-rendered row.
"""

from __future__ import annotations

from datetime import date
from functools import cached_property, lru_cache

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from renaksi.accounts.models import Peran
from renaksi.core.angka import banyak_desimal, teks_kategori
from renaksi.core.capaian import ROMAWI
from renaksi.core.wajar import peringatan_persen
from renaksi.perencanaan.forms import BULAN, nilai_input
from renaksi.perencanaan.models import Aksi, Indikator, Kegiatan, RencanaAksi, Sasaran, SubKegiatan
from renaksi.perencanaan.views import (
    _save as _write,  # validate, then write atomically; refusals go to the form
)
from renaksi.perencanaan.views import editor_view

from . import selectors, services
from .forms import (
    AnggaranMonevForm,
    BuktiForm,
    IndikatorMonevForm,
    JendelaForm,
    ProgresForm,
    TindakLanjutStatusForm,
)
from .models import BuktiDukung, TindakLanjut

T = "monev/"
PLAN = ("rencana_aksi__perangkat_daerah",)
NAMA_BULAN = dict(BULAN)


# --- Fetching with authorisation ------------------------------------------------------------------------------


def _authorise(request, plan: RencanaAksi, row=None) -> None:
    if not request.user.has_perm("monev.view_monev", plan):
        raise Http404  # don't reveal that it exists
    if row is not None:
        services.ensure_may_report(request.user, row)  # PermissionDenied with the reason: 403


def _check_tw(tw: int) -> int:
    if not 1 <= tw <= 4:
        raise Http404
    return tw


def _get_plan_for_user(request, pk: int) -> RencanaAksi:
    plan = get_object_or_404(RencanaAksi.objects.select_related("perangkat_daerah__pemda"), pk=pk)
    _authorise(request, plan)
    return plan


def _get_indikator_for_user(request, indikator_id: int, *, report: bool = False) -> Indikator:
    indikator = get_object_or_404(Indikator.objects.select_related(*PLAN), pk=indikator_id)
    _authorise(request, indikator.rencana_aksi, indikator if report else None)
    return indikator


def _get_sub_kegiatan_for_user(request, sub_kegiatan_id: int) -> SubKegiatan:
    sub = get_object_or_404(SubKegiatan.objects.select_related(*PLAN), pk=sub_kegiatan_id)
    _authorise(request, sub.rencana_aksi, sub)
    return sub


def _get_aksi_for_user(request, aksi_id: int) -> Aksi:
    aksi = get_object_or_404(Aksi.objects.select_related("sub_kegiatan", *PLAN), pk=aksi_id)
    _authorise(request, aksi.rencana_aksi, aksi)
    return aksi


def _get_tindak_lanjut_for_user(request, tl_id: int) -> TindakLanjut:
    tl = get_object_or_404(TindakLanjut.objects.select_related("indikator__rencana_aksi__perangkat_daerah"),
                           pk=tl_id)
    _authorise(request, tl.indikator.rencana_aksi, tl.indikator)
    return tl


def _get_bukti_for_user(request, bukti_id: int, *, report: bool = False) -> BuktiDukung:
    bukti = get_object_or_404(
        BuktiDukung.objects.select_related("realisasi__indikator__rencana_aksi__perangkat_daerah"), pk=bukti_id)
    indikator = bukti.realisasi.indikator
    _authorise(request, indikator.rencana_aksi, indikator if report else None)
    return bukti


# --- Page context -----------------------------------------------------------------------------------------------


def _bulan_triwulan(tw: int) -> list[int]:
    return [3 * (tw - 1) + i for i in (1, 2, 3)]


class Halaman:
    """What the monev templates need besides the data: the user's rights and the open window, per row.

    Without `bagian` (the page itself: header, outline, tindak lanjut) no row of the plan is read; with it, the
    rows of one sasaran, kegiatan or sub kegiatan (a section, or the row a save answers with)."""

    def __init__(self, request, plan: RencanaAksi, tw: int, bagian: tuple[str, int] | None = None):
        self.plan = plan
        self.tw = tw
        self.hak = selectors.hak_lapor(user=request.user, rencana_aksi=plan)
        keadaan = selectors.keadaan_triwulan(rencana_aksi=plan, triwulan=tw)  # window, report, newer version
        self.laporan, self.jendela = keadaan.laporan, keadaan.jendela
        self.data: selectors.MonevData | selectors.AnggaranBagian | None = None
        if bagian is not None and bagian[0] == "sasaran":
            self.data = selectors.monev_data(rencana_aksi=plan, triwulan=tw, bagian=bagian, keadaan=keadaan)
        elif bagian is not None:
            self.data = selectors.anggaran_bagian(rencana_aksi=plan, triwulan=tw, keadaan=keadaan,
                                                  **{f"{bagian[0]}_id": bagian[1]})
        # Why the triwulan is read-only ('' when it is open for reporting): shown in the header, refused alike by
        # the services.
        self.alasan = services.alasan_terkunci(rencana_aksi=plan, triwulan=tw, jendela=keadaan.jendela,
                                               laporan=keadaan.laporan, digantikan=keadaan.digantikan)
        self.bulan = _bulan_triwulan(tw)
        self.bulan_label = [str(NAMA_BULAN[b]) for b in self.bulan]  # translated once, not per aksi row
        self.bahasa = get_language()  # read once, not per month of each aksi row
        self.bukti: dict[int, list] = {}
        if bagian is not None and bagian[0] == "sasaran":
            self.bukti = selectors.bukti_triwulan(rencana_aksi=plan, triwulan=tw, sasaran_id=bagian[1])

    def boleh(self, bidang_id: int | None) -> bool:
        return not self.alasan and self.hak.boleh(bidang_id)

    def indikator_row(self, item: selectors.IndikatorMonev, form=None) -> dict:
        ind = item.indikator
        can = self.boleh(ind.bidang_id)
        if form is None and can:
            form = IndikatorMonevForm(indikator=ind, initial=_indikator_initial(item, self.tw))
        realisasi = item.realisasi[self.tw - 1]
        target_tw = item.target[self.tw - 1]
        peringatan = peringatan_persen(realisasi=item.nilai_realisasi[self.tw - 1], satuan=ind.satuan,
                                       target=target_tw if target_tw is not None else item.target_tahun)
        return {"item": item, "peringatan": peringatan, "form": form, "can": can, "errors": _errors(form), "bukti": self.bukti.get(ind.pk, []),
                "realisasi": realisasi, "nilai": item.nilai_realisasi[self.tw - 1], "target_tw": target_tw, "evaluasi": item.evaluasi,
                "bidang": self.data.plan.bidang_by_id.get(ind.bidang_id)}

    def tindak_lanjut_rows(self) -> list[dict]:
        return [self.tindak_lanjut_row(tl) for tl in selectors.tindak_lanjut_triwulan(rencana_aksi=self.plan,
                                                                                       triwulan=self.tw)]

    def tindak_lanjut_row(self, tl: TindakLanjut, form=None) -> dict:
        """`tl` with its indikator loaded."""
        can = self.boleh(tl.indikator.bidang_id)
        if form is None and can:
            given = tl.status_triwulan == self.tw
            form = TindakLanjutStatusForm(initial={"status": tl.status if given else "",
                                                   "catatan": tl.catatan if given else ""})
        return {"tl": tl, "can": can, "form": form, "errors": _errors(form)}

    def sub_kegiatan_row(self, s: selectors.SubKegiatanMonev, form=None) -> dict:
        """The row's input as plain values, not an `AnggaranMonevForm` rendered per row (Django's form renderer was
        a fifth of a kegiatan section); a refused POST's `form` gives back what was typed and its errors."""
        can = self.boleh(s.sub_kegiatan.bidang_id)
        jumlah = s.realisasi_anggaran[self.tw - 1]
        if form is None:
            value, versi, field_errors = ("" if jumlah is None else str(jumlah)), s.versi_baris[self.tw - 1], []
        else:
            value, versi, field_errors = form["jumlah"].value(), form["versi_baris"].value(), form["jumlah"].errors
            versi = None if versi == "" else versi  # as the hidden input renders it: no value
        invalid = form is not None and bool(form.errors)
        spent = sum(v for v in s.realisasi_anggaran[:self.tw] if v is not None)
        return {"s": s, "can": can, "errors": _errors(form), "jumlah": jumlah, "sampai": spent,
                "input": {"value": value, "versi": versi, "errors": field_errors, "invalid": invalid,
                          "versi_invalid": invalid and "versi_baris" in form.errors}}

    @cached_property
    def subs(self) -> dict[int, selectors.SubKegiatanBaris]:
        return self.data.sub_kegiatan_by_id

    def aksi_rows(self) -> list[dict]:
        # Every aksi, scheduled in the triwulan or not: a plan without a schedule still reports progress.
        return [self.aksi_row(a) for a in self.data.aksi]

    def aksi_row(self, a: selectors.AksiMonev, form=None) -> dict:
        sub = self.subs.get(a.aksi.sub_kegiatan_id)
        can = self.boleh(sub.bidang_id if sub else None)
        # Plain values rather than a form per aksi: a plan may have a thousand aksi (see `make bench`).
        months = [{"bulan": b, "label": label, "rencana": b in a.bulan_rencana, "progres": a.progres.get(b),
                   "options": _options_cached(form.data.get(f"bulan_{b}", "") if form is not None
                                              else (a.progres[b].status if b in a.progres else ""), self.bahasa)}
                  for b, label in zip(self.bulan, self.bulan_label, strict=True)]
        return {"a": a, "can": can, "form": form, "errors": _errors(form), "months": months, "sub": sub}

    def context(self, **extra) -> dict:
        return {"page": self, "data": self.data, "plan": self.plan, "tw": self.tw, "romawi": ROMAWI[self.tw],
                "alasan": self.alasan, "hak": self.hak, **extra}


@lru_cache(maxsize=32)
def _options_cached(selected: str, _language: str | None) -> str:
    """The <option>s of a month's progress select, built once per language and value, not in a template loop per
    aksi: a plan may have a thousand aksi (see `make bench`)."""
    return format_html_join("", '<option value="{}"{}>{}</option>',
                            ((v, mark_safe(" selected") if v == selected else "", str(label))
                             for v, label in ProgresForm.CHOICES))


def _errors(form) -> list[str]:
    """A refused form's messages not tied to a field (a closed window), shown even when the row is read-only."""
    return list(form.non_field_errors()) if form is not None and form.is_bound else []


def _indikator_initial(item: selectors.IndikatorMonev, tw: int) -> dict:
    r = item.realisasi[tw - 1]
    e = item.evaluasi
    realisasi = ""
    if r is not None:
        number = nilai_input(r.nilai, banyak_desimal(r.nilai, tanpa_nol=True)) if r.nilai is not None else ""
        realisasi = teks_kategori(r.kategori, number)
    return {"realisasi": realisasi, "catatan": r.catatan if r else "", "versi_baris": r.versi_baris if r else 0,
            "faktor_pendorong": e.faktor_pendorong if e else "", "faktor_penghambat": e.faktor_penghambat if e else "",
            "tindak_lanjut": e.tindak_lanjut if e else "", "tindak_lanjut_renja": e.tindak_lanjut_renja if e else ""}


def _render_row(request, template: str, context: dict, *, invalid: bool) -> HttpResponse:
    return render(request, T + template, context, status=422 if invalid else 200)


# --- The form ---------------------------------------------------------------------------------------------------


@login_required
@require_GET
def monev_start(request, pk: int):
    """The plan's monev: the first open triwulan of its year, else TW I."""
    plan = _get_plan_for_user(request, pk)
    opened = [tw for tw, j, _h in selectors.jendela_tahun(pemda_id=plan.perangkat_daerah.pemda_id, tahun=plan.tahun)
              if j is not None and j.dibuka]
    return redirect("monev_form", pk=plan.pk, tw=opened[-1] if opened else 1)


# A plan with at most this many indikator and aksi opens every section at once; a larger one shows its outline
# and loads a section when it is opened (a thousand-aksi plan would be megabytes of form).
BUKA_SEMUA_SAMPAI = 60


@login_required
@require_GET
def monev_form(request, pk: int, tw: int):
    """The header, the tindak lanjut to close first, and the outline: one section per sasaran (its indikator) and
    per kegiatan under its program (its sub kegiatan and aksi), loaded by htmx when opened (`monev_bagian`)."""
    plan = _get_plan_for_user(request, pk)
    page = Halaman(request, plan, _check_tw(tw))
    sasaran, program = selectors.monev_garis_besar(rencana_aksi=plan)
    buka = sum(b.jumlah for b in sasaran) + sum(b.jumlah for b in program) <= BUKA_SEMUA_SAMPAI
    context = page.context(
        tl_rows=page.tindak_lanjut_rows(), bagian_sasaran=sasaran, bagian_program=program, buka=buka,
        contoh=selectors.ada_data_contoh(rencana_aksi=plan), triwulan=[(n, ROMAWI[n]) for n in (1, 2, 3, 4)],
    )
    return render(request, T + "form.html", context)


BAGIAN = {"sasaran": Sasaran, "kegiatan": Kegiatan}


@login_required
@require_GET
def monev_bagian(request, pk: int, tw: int, jenis: str, bagian_id: int):
    """One section of the monev form: the indikator of a sasaran, or the realisasi anggaran and progres aksi of a
    kegiatan (its part of the plan is read: `plan_data(bagian=("kegiatan", id))`)."""
    plan = _get_plan_for_user(request, pk)
    tw = _check_tw(tw)
    if jenis not in BAGIAN:
        raise Http404
    obj = get_object_or_404(BAGIAN[jenis], pk=bagian_id, rencana_aksi=plan)
    if jenis == "sasaran":
        page = Halaman(request, plan, tw, ("sasaran", obj.pk))
        context = page.context(sasaran=obj, indikator_rows=[page.indikator_row(item) for item in page.data.indikator])
        return render(request, T + "_bagian_sasaran.html", context)
    page = Halaman(request, plan, tw, ("kegiatan", obj.pk))
    context = page.context(kegiatan=obj, sub_rows=[page.sub_kegiatan_row(s) for s in page.data.sub_kegiatan],
                           aksi_rows=page.aksi_rows())
    return render(request, T + "_bagian_kegiatan.html", context)


def _indikator_response(request, indikator: Indikator, tw: int, form=None, **extra) -> HttpResponse:
    """The indikator's row alone (its sasaran's part of the plan is read, not the whole plan)."""
    page = Halaman(request, indikator.rencana_aksi, tw, ("sasaran", indikator.sasaran_id))
    item = next(i for i in page.data.indikator if i.indikator.pk == indikator.pk)
    invalid = form is not None or bool(extra)
    return _render_row(request, "_indikator.html", page.context(row=page.indikator_row(item, form), **extra),
                       invalid=invalid)


@editor_view
@require_POST
def indikator_save(request, indikator_id: int, tw: int):
    indikator = _get_indikator_for_user(request, indikator_id, report=True)
    tw = _check_tw(tw)
    form = IndikatorMonevForm(request.POST, indikator=indikator)

    def write(d: dict) -> None:
        angka = d["realisasi"]
        services.realisasi_indikator_set(indikator=indikator, triwulan=tw, nilai=angka.nilai,
                                         kategori=angka.kategori, catatan=d["catatan"], by=request.user,
                                         versi_baris=form.cleaned_data.get("versi_baris"))
        services.evaluasi_set(indikator=indikator, triwulan=tw, faktor_pendorong=d["faktor_pendorong"],
                              faktor_penghambat=d["faktor_penghambat"], tindak_lanjut=d["tindak_lanjut"],
                              tindak_lanjut_renja=d["tindak_lanjut_renja"], by=request.user)

    if _write(form, write):
        return _indikator_response(request, indikator, tw)
    return _indikator_response(request, indikator, tw, form)


@editor_view
@require_POST
def tindak_lanjut_save(request, tl_id: int, tw: int):
    tl = _get_tindak_lanjut_for_user(request, tl_id)
    tw = _check_tw(tw)
    form = TindakLanjutStatusForm(request.POST)

    def write(d: dict) -> None:
        status = d["status"] or TindakLanjut.Status.TERBUKA
        services.tindak_lanjut_status_set(tindak_lanjut=tl, triwulan=tw, status=status, catatan=d["catatan"],
                                          by=request.user)

    ok = _write(form, write)
    page = Halaman(request, tl.indikator.rencana_aksi, tw)
    tl.refresh_from_db(fields=["status", "status_triwulan", "catatan"])
    row = page.tindak_lanjut_row(tl, form=None if ok else form)
    return _render_row(request, "_tindak_lanjut.html", page.context(row=row), invalid=not ok)


@editor_view
@require_POST
def anggaran_save(request, sub_kegiatan_id: int, tw: int):
    sub = _get_sub_kegiatan_for_user(request, sub_kegiatan_id)
    tw = _check_tw(tw)
    form = AnggaranMonevForm(request.POST)
    ok = _write(form, lambda d: services.realisasi_anggaran_set(sub_kegiatan=sub, triwulan=tw, jumlah=d["jumlah"],
                                                                 by=request.user,
                                                                 versi_baris=form.cleaned_data.get("versi_baris")))
    page = Halaman(request, sub.rencana_aksi, tw, ("sub_kegiatan", sub.pk))
    s = next(x for x in page.data.sub_kegiatan if x.sub_kegiatan.pk == sub.pk)
    return _render_row(request, "_sub_kegiatan.html", page.context(row=page.sub_kegiatan_row(s, None if ok else form)),
                       invalid=not ok)


@editor_view
@require_POST
def progres_save(request, aksi_id: int, tw: int):
    aksi = _get_aksi_for_user(request, aksi_id)
    tw = _check_tw(tw)
    form = ProgresForm(request.POST, bulan=_bulan_triwulan(tw))

    def write(d: dict) -> None:
        for b in form.bulan:
            services.progres_aksi_set(aksi=aksi, bulan=b, status=d[f"bulan_{b}"] or None, by=request.user)

    ok = _write(form, write)
    page = Halaman(request, aksi.rencana_aksi, tw, ("sub_kegiatan", aksi.sub_kegiatan_id))
    a = next(x for x in page.data.aksi if x.aksi.pk == aksi.pk)
    return _render_row(request, "_aksi.html", page.context(row=page.aksi_row(a, None if ok else form)),
                       invalid=not ok)


# --- Bukti dukung -----------------------------------------------------------------------------------------------


@editor_view
@require_POST
def bukti_add(request, indikator_id: int, tw: int):
    indikator = _get_indikator_for_user(request, indikator_id, report=True)
    tw = _check_tw(tw)
    form = BuktiForm(request.POST, request.FILES)

    def write(d: dict) -> None:
        realisasi = indikator.realisasi.filter(triwulan=tw).first()
        if realisasi is None:
            raise ValidationError(_("Isi dan simpan realisasi TW %(tw)s dahulu, lalu lampirkan bukti dukungnya.")
                                  % {"tw": ROMAWI[tw]})
        services.bukti_dukung_add(realisasi=realisasi, berkas=d["berkas"], url=d["url"], by=request.user)

    if _write(form, write):
        return _indikator_response(request, indikator, tw)
    return _indikator_response(request, indikator, tw, bukti_errors=form.non_field_errors() or form.errors)


@login_required
@require_GET
def bukti_download(request, bukti_id: int):
    bukti = _get_bukti_for_user(request, bukti_id)
    if bukti.jenis == BuktiDukung.Jenis.TAUTAN:
        return redirect(bukti.url)
    try:
        handle = bukti.berkas.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(handle, as_attachment=True, filename=bukti.nama)


@editor_view
@require_POST
def bukti_delete(request, bukti_id: int):
    bukti = _get_bukti_for_user(request, bukti_id, report=True)
    indikator, tw = bukti.realisasi.indikator, bukti.realisasi.triwulan
    try:
        services.bukti_dukung_delete(bukti=bukti, by=request.user)
    except ValidationError as exc:
        return _indikator_response(request, indikator, tw, bukti_errors=exc.messages)
    return _indikator_response(request, indikator, tw)


# --- The indikator page (drill-down) -----------------------------------------------------------------------------


@login_required
@require_GET
def indikator_detail(request, indikator_id: int):
    """One indikator through the year: per triwulan its target, realisasi, capaian with the formula, predikat,
    evaluasi and bukti; the forecast up to the last triwulan reported."""
    indikator = _get_indikator_for_user(request, indikator_id)
    plan = indikator.rencana_aksi
    quarters = []
    for tw in (1, 2, 3, 4):
        data = selectors.monev_data(rencana_aksi=plan, triwulan=tw, bagian=("sasaran", indikator.sasaran_id))
        item = next(i for i in data.indikator if i.indikator.pk == indikator.pk)
        bukti = selectors.bukti_triwulan(rencana_aksi=plan, triwulan=tw,
                                         sasaran_id=indikator.sasaran_id).get(indikator.pk, [])
        quarters.append({"tw": tw, "romawi": ROMAWI[tw], "item": item, "bukti": bukti,
                         "realisasi": item.realisasi[tw - 1], "nilai": item.nilai_realisasi[tw - 1],
                         "target": item.target[tw - 1]})
    reported = [q for q in quarters if q["realisasi"] is not None]
    last = reported[-1] if reported else quarters[0]
    context = {"indikator": indikator, "plan": plan, "quarters": quarters, "last": last,
               "bidang": indikator.bidang}
    return render(request, T + "indikator.html", context)


# --- Reporting windows ------------------------------------------------------------------------------------------


def _jendela_pemda(request):
    user = request.user
    if user.peran != Peran.ADMIN_PEMDA or not user.pemda_id:
        raise PermissionDenied(_("Hanya admin pemda yang dapat membuka dan menutup pelaporan."))
    return user.pemda


TAHUN = range(2000, 2101)  # the years whose reporting windows are listed and set


def _tahun(request, default: int) -> int:
    try:
        tahun = int(request.GET.get("tahun", default))
    except ValueError:
        return default
    return tahun if tahun in TAHUN else default


@login_required
@require_GET
def jendela_list(request):
    pemda = _jendela_pemda(request)
    years = sorted(set(RencanaAksi.objects.filter(perangkat_daerah__pemda=pemda).values_list("tahun", flat=True)))
    tahun = _tahun(request, years[-1] if years else date.today().year)
    rows = [{"tw": tw, "romawi": ROMAWI[tw], "jendela": j, "history": h}
            for tw, j, h in selectors.jendela_tahun(pemda_id=pemda.pk, tahun=tahun)]
    return render(request, T + "jendela.html", {"pemda": pemda, "tahun": tahun, "rows": rows,
                                                "years": sorted(set(years) | {tahun})})


@login_required
@require_POST
def jendela_set(request, tahun: int, tw: int):
    pemda = _jendela_pemda(request)
    tw = _check_tw(tw)
    if tahun not in TAHUN:
        raise Http404  # a window the list never shows (on PostgreSQL, beyond 32767, not even storable)
    form = JendelaForm(request.POST)
    back = f"{reverse('monev_jendela')}?tahun={tahun}"
    if not form.is_valid():
        messages.error(request, _("Isian jendela pelaporan tidak sah: %(e)s") % {"e": form.errors.as_text()})
        return redirect(back)
    d = form.cleaned_data
    try:
        if d["aksi"] == "buka":
            services.jendela_buka(pemda=pemda, tahun=tahun, triwulan=tw, tanggal_tutup=d["tanggal_tutup"],
                                  alasan=d["alasan"], by=request.user)
            messages.success(request, _("Pelaporan TW %(tw)s %(tahun)s dibuka.") % {"tw": ROMAWI[tw], "tahun": tahun})
        else:
            services.jendela_tutup(pemda=pemda, tahun=tahun, triwulan=tw, by=request.user)
            messages.success(request, _("Pelaporan TW %(tw)s %(tahun)s ditutup.") % {"tw": ROMAWI[tw], "tahun": tahun})
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect(back)
