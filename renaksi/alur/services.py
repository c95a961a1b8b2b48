"""Every transition of a plan or a triwulan report: the editor's and the monev page's workflow bar call these.

    rencana_aksi_ajukan / _kembalikan / _setujui / _kunci / _buka       (the plan: RencanaAksi.status)
    laporan_triwulan_ajukan / _kembalikan / _setujui / _kunci / _buka   (its TW report: monev.LaporanTriwulan)

Each is keyword-only, typed and atomic, and checks, in this order:
1. the user's right (`by`; `alur.<langkah>` in rules.py: perencana submits, kepala PD approves or returns, admin
   pemda locks and reopens) — refused with `PermissionDenied` and an Indonesian reason. `by=None` is the system;
2. the state: the step must start from one of its states (`LANGKAH`), on the plan's latest version —
   `ValidationError` naming the state and what it allows;
3. a reason where one is required (kembalikan, buka);
4. for a submission, the checker's gate: every error-level finding fixed or acknowledged with a note
   (`pemeriksaan.api.blocking`); the refusal lists each finding by its title and place.
Then the state changes, a `Transisi` records who, when, from, to and why, a submission records its open findings
(`pemeriksaan.Cuplikan`), the people concerned get an e-mail once the transaction commits (`surel.py`), and a plan's
transition is announced to the apps above (`signals.rencana_aksi_berpindah`).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from renaksi.accounts.models import User
from renaksi.core.capaian import ROMAWI
from renaksi.monev.models import JendelaPelaporan, LaporanTriwulan
from renaksi.monev.services import check_triwulan, digantikan
from renaksi.pemeriksaan import api as pemeriksaan
from renaksi.pemeriksaan import services as pemeriksaan_services
from renaksi.perencanaan.models import RencanaAksi

from . import surel
from .models import Transisi
from .signals import rencana_aksi_berpindah

S = RencanaAksi.Status


@dataclass(frozen=True)
class Langkah:
    nama: str
    label: str | object  # the button
    dari: tuple[str, ...]
    ke: str
    perlu_alasan: bool = False


LANGKAH: dict[str, Langkah] = {
    "ajukan": Langkah("ajukan", gettext_lazy("Ajukan"), (S.DRAFT, S.DIKEMBALIKAN), S.DIAJUKAN),
    "kembalikan": Langkah("kembalikan", gettext_lazy("Kembalikan"), (S.DIAJUKAN,), S.DIKEMBALIKAN, True),
    "setujui": Langkah("setujui", gettext_lazy("Setujui"), (S.DIAJUKAN,), S.DISETUJUI),
    "kunci": Langkah("kunci", gettext_lazy("Kunci"), (S.DISETUJUI,), S.TERKUNCI),
    "buka": Langkah("buka", gettext_lazy("Buka kembali"), (S.DISETUJUI, S.TERKUNCI), S.DIKEMBALIKAN, True),
}

MAX_ALASAN = 2000


def _objek_label(rencana_aksi: RencanaAksi, triwulan: int | None) -> str:
    return _("Rencana aksi") if triwulan is None else _("Laporan TW %(tw)s") % {"tw": ROMAWI[triwulan]}


def alasan_ditolak(user: User | None, langkah: Langkah, objek: RencanaAksi | LaporanTriwulan) -> str:
    """Why this user may not take this step on this object ('' when he may): the role, the PD, the Pemda."""
    if user is None or user.has_perm(f"alur.{langkah.nama}", objek):
        return ""
    if langkah.nama == "ajukan":
        return _("Hanya perencana perangkat daerah ini yang dapat mengajukan.")
    if langkah.nama in ("kembalikan", "setujui"):
        return _("Hanya kepala perangkat daerah ini yang dapat menyetujui atau mengembalikan.")
    return _("Hanya admin pemda dari pemda ini yang dapat mengunci dan membuka kembali.")


def alasan_status(langkah: Langkah, status: str, label: str) -> str:
    """Why the state does not allow the step ('' when it does)."""
    if status in langkah.dari:
        return ""
    allowed = ", ".join(f"'{S(s).label}'" for s in langkah.dari)
    return _("%(objek)s berstatus '%(status)s'; langkah '%(langkah)s' hanya untuk yang berstatus %(boleh)s.") % {
        "objek": label, "status": S(status).label, "langkah": langkah.label, "boleh": allowed}


def penghalang(findings: list, *, triwulan: int | None = None) -> list:
    """The findings that stand in the way of a submission."""
    return pemeriksaan.blocking(findings, triwulan=triwulan)


def pesan_penghalang(blocking: list, label: str) -> str:
    items = "; ".join(f"{pemeriksaan.title(f)} — {pemeriksaan.place(f)}" for f in blocking)
    return _("%(objek)s belum dapat diajukan: %(n)d temuan kesalahan belum diperbaiki atau diakui dengan catatan "
             "(%(daftar)s).") % {"objek": label, "n": len(blocking), "daftar": items}


def _alasan(langkah: Langkah, alasan: str) -> str:
    alasan = " ".join((alasan or "").split())
    if langkah.perlu_alasan and not alasan:
        what = _("mengembalikan") if langkah.nama == "kembalikan" else _("membuka kembali")
        raise ValidationError({"alasan": [_("Tulis alasan %(what)s, agar penerimanya tahu apa yang harus "
                                            "diperbaiki.") % {"what": what}]})
    if len(alasan) > MAX_ALASAN:
        raise ValidationError({"alasan": [_("Alasan paling panjang %(n)d karakter.") % {"n": MAX_ALASAN}]})
    return alasan


def _jalankan(*, rencana_aksi: RencanaAksi, laporan: LaporanTriwulan | None, langkah: Langkah, by: User | None,
              alasan: str) -> Transisi:
    """The common path of every transition; `laporan` None moves the plan itself."""
    triwulan = laporan.triwulan if laporan is not None else None
    objek: RencanaAksi | LaporanTriwulan = laporan if laporan is not None else rencana_aksi
    label = _objek_label(rencana_aksi, triwulan)
    ditolak = alasan_ditolak(by, langkah, objek)
    if ditolak:
        raise PermissionDenied(ditolak)
    if digantikan(rencana_aksi):
        raise ValidationError(_("Rencana aksi ini sudah digantikan oleh versi yang lebih baru; alurnya berjalan "
                                "pada versi terbaru."))
    salah = alasan_status(langkah, objek.status, label)
    if salah:
        raise ValidationError(salah)
    alasan = _alasan(langkah, alasan)
    cuplikan = None
    if langkah.nama == "ajukan":
        findings = pemeriksaan.check_plan(rencana_aksi)
        blocking = penghalang(findings, triwulan=triwulan)
        if blocking:
            raise ValidationError(pesan_penghalang(blocking, label))
        cuplikan = pemeriksaan_services.cuplikan_simpan(rencana_aksi=rencana_aksi, findings=findings,
                                                         triwulan=triwulan)
    now = timezone.now()
    dari = objek.status
    objek.status = langkah.ke
    if by is not None:
        objek._history_user = by  # type: ignore[union-attr]  # simple-history: who made this change
    if laporan is not None:
        if langkah.nama == "ajukan" and laporan.diajukan_pada is None:
            laporan.diajukan_pada = now
        laporan.save()
    else:
        rencana_aksi.save(update_fields=["status", "diubah"])
    transisi = Transisi.objects.create(rencana_aksi=rencana_aksi, triwulan=triwulan, langkah=langkah.nama,
                                       dari=dari, ke=langkah.ke, oleh=by, waktu=now, alasan=alasan,
                                       cuplikan=cuplikan)
    transaction.on_commit(lambda: surel.kirim(transisi_id=transisi.pk))
    if laporan is None:
        rencana_aksi_berpindah.send(sender=RencanaAksi, rencana_aksi=rencana_aksi, transisi=transisi)
    return transisi


def _plan_for_update(rencana_aksi: RencanaAksi) -> RencanaAksi:
    locked = RencanaAksi.objects.select_for_update().select_related("perangkat_daerah").get(pk=rencana_aksi.pk)
    rencana_aksi.status = locked.status  # the caller's object follows
    return locked


def _plan_step(nama: str, rencana_aksi: RencanaAksi, by: User | None, alasan: str = "") -> RencanaAksi:
    plan = _plan_for_update(rencana_aksi)
    _jalankan(rencana_aksi=plan, laporan=None, langkah=LANGKAH[nama], by=by, alasan=alasan)
    rencana_aksi.status = plan.status
    return plan


@transaction.atomic
def rencana_aksi_ajukan(*, rencana_aksi: RencanaAksi, by: User | None) -> RencanaAksi:
    """The perencana submits the plan to the kepala PD: only without open error findings."""
    return _plan_step("ajukan", rencana_aksi, by)


@transaction.atomic
def rencana_aksi_kembalikan(*, rencana_aksi: RencanaAksi, alasan: str, by: User | None) -> RencanaAksi:
    """The kepala PD returns a submitted plan to the perencana, saying why; it becomes editable again."""
    return _plan_step("kembalikan", rencana_aksi, by, alasan)


@transaction.atomic
def rencana_aksi_setujui(*, rencana_aksi: RencanaAksi, by: User | None) -> RencanaAksi:
    """The kepala PD approves a submitted plan: it is published and frozen (a change is a perubahan)."""
    return _plan_step("setujui", rencana_aksi, by)


@transaction.atomic
def rencana_aksi_kunci(*, rencana_aksi: RencanaAksi, by: User | None) -> RencanaAksi:
    """The admin pemda locks an approved plan."""
    return _plan_step("kunci", rencana_aksi, by)


@transaction.atomic
def rencana_aksi_buka(*, rencana_aksi: RencanaAksi, alasan: str, by: User | None) -> RencanaAksi:
    """The admin pemda reopens an approved or locked plan, saying why: it goes back to the perencana as returned."""
    return _plan_step("buka", rencana_aksi, by, alasan)


# --- Triwulan reports -----------------------------------------------------------------------------------------


def laporan_triwulan_get(*, rencana_aksi: RencanaAksi, triwulan: int, for_update: bool = False
                         ) -> LaporanTriwulan:
    """The plan's report of a triwulan; an unsaved draft when nobody has moved it yet."""
    check_triwulan(triwulan)
    qs = LaporanTriwulan.objects.filter(rencana_aksi=rencana_aksi, triwulan=triwulan)
    if for_update:
        qs = qs.select_for_update()
    return qs.first() or LaporanTriwulan(rencana_aksi=rencana_aksi, triwulan=triwulan)


def _laporan_step(nama: str, rencana_aksi: RencanaAksi, triwulan: int, by: User | None,
                  alasan: str = "") -> LaporanTriwulan:
    plan = _plan_for_update(rencana_aksi)
    laporan = laporan_triwulan_get(rencana_aksi=plan, triwulan=triwulan, for_update=True)
    if nama == "ajukan" and not alasan_ditolak(by, LANGKAH[nama], laporan):
        label = f"TW {ROMAWI[triwulan]} {plan.tahun}"
        if plan.status not in RencanaAksi.PUBLISHED:
            raise ValidationError(_("Laporan %(tw)s diajukan atas rencana aksi yang sudah disetujui; rencana aksi "
                                    "ini berstatus '%(status)s'.") % {"tw": label,
                                                                       "status": plan.get_status_display()})
        if not JendelaPelaporan.objects.filter(pemda_id=plan.perangkat_daerah.pemda_id, tahun=plan.tahun,
                                               triwulan=triwulan).exists():
            raise ValidationError(_("Pelaporan %(tw)s belum dibuka oleh admin pemda; laporannya belum dapat "
                                    "diajukan.") % {"tw": label})
    _jalankan(rencana_aksi=plan, laporan=laporan, langkah=LANGKAH[nama], by=by, alasan=alasan)
    return laporan


@transaction.atomic
def laporan_triwulan_ajukan(*, rencana_aksi: RencanaAksi, triwulan: int, by: User | None) -> LaporanTriwulan:
    """The perencana submits the triwulan report (its values become read-only): only on an approved plan, once the
    window has been opened, and without open error findings about the realisasi up to that triwulan. The first
    submission's time is kept for timeliness."""
    return _laporan_step("ajukan", rencana_aksi, triwulan, by)


@transaction.atomic
def laporan_triwulan_kembalikan(*, rencana_aksi: RencanaAksi, triwulan: int, alasan: str,
                                by: User | None) -> LaporanTriwulan:
    return _laporan_step("kembalikan", rencana_aksi, triwulan, by, alasan)


@transaction.atomic
def laporan_triwulan_setujui(*, rencana_aksi: RencanaAksi, triwulan: int, by: User | None) -> LaporanTriwulan:
    return _laporan_step("setujui", rencana_aksi, triwulan, by)


@transaction.atomic
def laporan_triwulan_kunci(*, rencana_aksi: RencanaAksi, triwulan: int, by: User | None) -> LaporanTriwulan:
    return _laporan_step("kunci", rencana_aksi, triwulan, by)


@transaction.atomic
def laporan_triwulan_buka(*, rencana_aksi: RencanaAksi, triwulan: int, alasan: str,
                          by: User | None) -> LaporanTriwulan:
    return _laporan_step("buka", rencana_aksi, triwulan, by, alasan)


PLAN_SERVICES = {"ajukan": rencana_aksi_ajukan, "kembalikan": rencana_aksi_kembalikan,
                 "setujui": rencana_aksi_setujui, "kunci": rencana_aksi_kunci, "buka": rencana_aksi_buka}
LAPORAN_SERVICES = {"ajukan": laporan_triwulan_ajukan, "kembalikan": laporan_triwulan_kembalikan,
                    "setujui": laporan_triwulan_setujui, "kunci": laporan_triwulan_kunci,
                    "buka": laporan_triwulan_buka}
